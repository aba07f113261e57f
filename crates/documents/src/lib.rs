//! Stage 3: one module per printed document. Each turns the loaded data into jobs: a template,
//! its context (a "view": derived facts such as formatted dates, numbering and signature lines
//! are computed here, in Rust, once), the output name and the data files it reads. Nothing here
//! typesets: the engine does, for every document alike.

#[allow(unused_imports)]
pub(crate) use vinhdanh_core::{collate, diag, memory, project, slug, text, tone};
pub(crate) use vinhdanh_engine::{self as engine, fonts};
pub(crate) use vinhdanh_load as load;
pub(crate) use vinhdanh_model as model;

pub mod booklet;
pub mod certificate;
pub mod decision;
pub mod invitation;
pub mod metadata;
pub mod plan;

use serde::Serialize;

use crate::engine::Job;
use crate::fonts::Fonts;
use crate::load::Data;
use crate::model::{SignMode, Signature};
use crate::text::PartialDate;

/// What a command asks for beyond the data.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// Also the certificates as an overlay for pre-printed blanks (`build --phoi`).
    pub phoi: bool,
    /// Also the plan, invitations and decision laid out for electronic issuance, in
    /// `output/dien-tu/` (`build --dien-tu`; a document's `electronic: true` asks for it alone).
    pub electronic: bool,
    /// Their PDFs with empty signature fields (`build --truong-ky`, implies `electronic`).
    pub fields: bool,
}

/// Folder of the output for the documents issued electronically.
pub const ELECTRONIC_DIR: &str = "dien-tu";

/// A printed document: the outputs its jobs write, and its jobs made from the data (a template,
/// its context, the output and the data files it reads). Adding a document is a module with
/// one of these and a line in [`DOCUMENTS`]; the wording it prints lives in its template or
/// in the data.
pub trait Document: Sync {
    /// The outputs its jobs write, as `build --only` and `preview --doc` name them
    /// (`ke-hoach.pdf`, `giay-khen/`, `giay-khen.pdf`).
    fn outputs(&self) -> &'static [&'static str];
    /// Its jobs; none when the data it is made from is absent (the loader noted why).
    fn jobs(&self, data: &Data, fonts: &Fonts, settings: Settings) -> Vec<Job>;
    /// Whether its layout measures the data and warns (a name fitted to its box): `check` and
    /// the page lay it out to report those warnings too, not only `build`.
    fn measures(&self) -> bool {
        false
    }
}

/// The jobs of the documents whose layout measures the data ([`Document::measures`]).
pub fn measured_jobs(data: &Data, fonts: &Fonts, settings: Settings) -> Vec<Job> {
    DOCUMENTS
        .iter()
        .filter(|d| d.measures())
        .flat_map(|d| d.jobs(data, fonts, settings))
        .collect()
}

/// Every document, in the order the summary lists them.
pub static DOCUMENTS: &[&dyn Document] = &[
    &plan::Plan,
    &invitation::Invitations,
    &booklet::Booklet,
    &decision::AwardDecision,
    &certificate::Certificates,
];

/// Every job of the project, in the order the summary lists them. Documents whose data is
/// absent (no delegate list, no decision, no agenda) have no job; the loader noted why.
pub fn jobs(data: &Data, fonts: &Fonts, settings: Settings) -> Vec<Job> {
    jobs_named(data, fonts, settings, &[])
}

/// [`jobs`] of the documents writing one of `names` (`--only`, a preview): a document not asked
/// for makes no view (a decision-only build at 1,000 delegates and honorees made every
/// invitation's QR code and every certificate's record, a fifth of its time). With no names, or
/// a name no document writes, every document's jobs are made, so that the selection can name
/// the outputs there are.
pub fn jobs_named(data: &Data, fonts: &Fonts, settings: Settings, names: &[String]) -> Vec<Job> {
    let bare = |n: &str| n.trim().trim_end_matches('/').to_string();
    let names: Vec<String> = names.iter().map(|n| bare(n)).collect();
    let writes = |d: &dyn Document, n: &String| d.outputs().iter().any(|o| bare(o) == *n);
    let known = names
        .iter()
        .all(|n| DOCUMENTS.iter().any(|d| writes(*d, n)));
    DOCUMENTS
        .iter()
        .filter(|d| names.is_empty() || !known || names.iter().any(|n| writes(**d, n)))
        .flat_map(|d| d.jobs(data, fonts, settings))
        .collect()
}

/// The header band of an administrative document (ô 1–4).
#[derive(Debug, Serialize)]
pub struct HeaderView {
    pub parent: Option<String>,
    pub authority: Vec<String>,
    /// "05" (leading zero under 10), or `None` for the blank form awaiting a number.
    pub number: Option<String>,
    /// "KH-UBND".
    pub code: String,
    pub place: String,
    pub day: Option<String>,
    pub month: Option<String>,
    pub year: i32,
    /// Issued electronically: number and date are left for the signing step.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub electronic: bool,
}

impl HeaderView {
    /// The header of the document issued electronically: the office's system assigns its
    /// number and time when it is signed (Nghị định 30/2020, Điều 15.3).
    pub fn electronic(mut self) -> Self {
        self.number = None;
        self.day = None;
        self.month = None;
        self.electronic = true;
        self
    }
}

pub fn header(
    data: &Data,
    type_code: &str,
    number: Option<u32>,
    date: Option<PartialDate>,
    fallback_year: i32,
) -> HeaderView {
    let a = &data.plan.authority;
    let date = date.unwrap_or(PartialDate {
        year: fallback_year,
        month: None,
        day: None,
    });
    HeaderView {
        parent: a.parent.clone().filter(|p| !p.trim().is_empty()),
        authority: a.lines.clone(),
        number: number.map(|n| format!("{n:02}")),
        code: format!("{type_code}-{}", a.code),
        place: a.place.clone(),
        day: date.day_text(),
        month: date.month_text(),
        year: date.year,
        electronic: false,
    }
}

/// The signature block's lines (ô 7a) and name (ô 7b).
#[derive(Debug, Serialize)]
pub struct SignatureView {
    pub lines: Vec<String>,
    pub name: String,
    /// Absolute project path ("/assets/chu-ky.png") of the signature-and-seal image.
    pub image: Option<String>,
    /// Issued electronically: the areas kept clear for the signature and seal images.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub esign: Option<EsignView>,
}

/// Sizes (mm) of the clear areas of ô 7c and ô 8 on a document issued electronically.
#[derive(Debug, Clone, Serialize)]
pub struct EsignView {
    pub width: f64,
    pub height: f64,
    pub seal: f64,
}

impl SignatureView {
    /// The block of the document issued electronically: no pasted image (the signing
    /// application stamps the signature and the seal), the areas kept clear instead.
    pub fn electronic(mut self, data: &Data) -> Self {
        let e = &data.plan.electronic;
        self.image = None;
        self.esign = Some(EsignView {
            width: e.signature_width,
            height: e.signature_height,
            seal: e.seal,
        });
        self
    }
}

/// Whether `settings` or a document's own `electronic: true` asks for its electronic version,
/// and what it adds to the PDF.
pub fn electronic(
    settings: Settings,
    own: bool,
    data: &Data,
    metadata: metadata::Issued,
) -> Option<engine::esign::Esign> {
    let xmp = metadata.clone();
    (settings.electronic || settings.fields || own).then(|| engine::esign::Esign {
        fields: settings.fields || data.plan.electronic.fields,
        metadata: Some(std::sync::Arc::new(move |pages| metadata.xml(pages))),
        xmp: Some(std::sync::Arc::new(move |pages| xmp.xmp(pages))),
    })
}

pub fn signature(s: &Signature) -> SignatureView {
    let mut lines = Vec::new();
    if let Some(b) = s.on_behalf.as_ref().filter(|b| !b.trim().is_empty()) {
        lines.push(format!("TM. {}", text::upper(b)));
    }
    let head = text::upper(&s.head);
    let position = s
        .position
        .as_deref()
        .map(text::upper)
        .unwrap_or_else(|| head.clone());
    match s.mode {
        None => lines.push(position),
        Some(SignMode::Q) => lines.push(format!("Q. {head}")),
        Some(mode) => {
            let prefix = match mode {
                SignMode::KT => "KT.",
                SignMode::TL => "TL.",
                SignMode::TUQ => "TUQ.",
                SignMode::Q => unreachable!(),
            };
            lines.push(format!("{prefix} {head}"));
            lines.push(position);
        }
    }
    SignatureView {
        lines,
        name: s.name.clone(),
        image: s
            .image
            .as_ref()
            .filter(|i| !i.trim().is_empty())
            .map(|i| format!("/{}", i.trim_start_matches('/'))),
        esign: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(mode: Option<SignMode>, position: &str) -> Signature {
        Signature {
            on_behalf: Some("Ủy ban nhân dân".into()),
            mode,
            head: "Chủ tịch".into(),
            position: Some(position.into()),
            name: "Nguyễn Văn A".into(),
            image: None,
        }
    }

    #[test]
    fn signature_variants() {
        assert_eq!(
            signature(&sig(None, "Chủ tịch")).lines,
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
        );
        assert_eq!(
            signature(&sig(Some(SignMode::KT), "Phó Chủ tịch")).lines,
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        );
        assert_eq!(
            signature(&sig(Some(SignMode::Q), "x")).lines,
            ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]
        );
        assert_eq!(
            signature(&sig(Some(SignMode::TL), "Chánh Văn phòng")).lines[1],
            "TL. CHỦ TỊCH"
        );
        assert_eq!(
            signature(&sig(Some(SignMode::TUQ), "Trưởng phòng")).lines[2],
            "TRƯỞNG PHÒNG"
        );
    }
}
