//! The award decision: its preamble punctuated as the decree writes it, and the certificate
//! field layout complete and on the sheet.

use crate::diag::Diagnostics;
use crate::load::Data;
use crate::model::FIELDS;
use crate::msg;

/// The sheet the layout is measured on (A4 landscape, mm).
const SHEET: (f64, f64) = (297.0, 210.0);

pub fn run(data: &Data, out: &mut Diagnostics) {
    let Some(l) = &data.decision else {
        return;
    };
    let d = &l.file;
    // The last line of the preamble ends with "."; the others with ";".
    let n = d.bases.len();
    let last_is_basis = d.proposal.is_none();
    for (i, b) in d.bases.iter().enumerate() {
        let want = if i + 1 == n && last_is_basis {
            '.'
        } else {
            ';'
        };
        if !b.trim_end().ends_with(want) {
            out.push(
                l.src
                    .warning(&format!("bases[{i}]"), msg::basis_punctuation(want))
                    .hint(msg::basis_punctuation_hint()),
            );
        }
    }
    let doc = &l.layout_src;
    for f in FIELDS {
        match l.layout.fields.get(f) {
            None => out.push(
                doc.error("fields", msg::phoi_field_missing(f))
                    .hint(msg::phoi_fields_needed(&FIELDS.join(", "))),
            ),
            Some(b) => {
                let path = format!("fields.{f}");
                if b.width <= 0.0 || b.height <= 0.0 {
                    out.push(doc.error(&path, msg::phoi_size_positive()));
                }
                if b.x < 0.0 || b.y < 0.0 || b.x + b.width > SHEET.0 || b.y + b.height > SHEET.1 {
                    out.push(
                        doc.error(&path, msg::phoi_off_sheet(f))
                            .hint(msg::phoi_off_sheet_hint()),
                    );
                }
            }
        }
    }
    for k in l.layout.fields.keys() {
        if !FIELDS.contains(&k.as_str()) {
            out.push(
                doc.warning(&format!("fields.{k}"), msg::phoi_field_unused(k))
                    .hint(msg::phoi_fields_usable(&FIELDS.join(", "))),
            );
        }
    }
}
