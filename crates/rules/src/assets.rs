//! Images named in data (signature and seal, the State emblem) exist inside the project and
//! are images: otherwise Typst fails deep inside a library template with an English message
//! that names neither the data field nor the image.

use crate::diag::Diagnostics;
use crate::load::{Data, Image};
use crate::msg;

pub fn run(data: &Data, out: &mut Diagnostics) {
    for (doc, path, rel) in data.image_refs() {
        let emblem = path == "certificate.emblem";
        let d = |msg: String| doc.error(&path, msg);
        match data.images.get(rel) {
            Some(Image::Found(_)) | None => {}
            Some(Image::NotAnImage) => {
                out.push(d(msg::asset_not_image(rel)).hint(msg::asset_not_image_hint()))
            }
            Some(Image::Missing) if emblem => {
                out.push(d(msg::asset_no_emblem(rel)).hint(msg::asset_no_emblem_hint()))
            }
            Some(Image::Missing) => {
                out.push(d(msg::asset_missing(rel)).hint(msg::asset_missing_hint()))
            }
            Some(Image::Refused(e)) => out.push(d(e.clone()).hint(msg::asset_refused_hint())),
        }
    }
    if let Some(d) = &data.decision
        && d.file
            .certificate
            .emblem
            .as_deref()
            .is_none_or(|e| e.trim().is_empty())
    {
        out.push(
            d.src
                .warning("certificate", msg::asset_emblem_unset())
                .hint(msg::asset_emblem_unset_hint()),
        );
    }
}
