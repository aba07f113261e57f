//! The `invitation:` section of plan.yaml.

use serde::{Deserialize, Serialize};

use super::Signature;
use crate::text::PartialDate;

/// The `invitation:` section of plan.yaml: what the GIẤY MỜI needs besides the conference
/// facts. Every field has a default, so a plan without the section still prints invitations.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct InvitationDoc {
    /// Type code in the number line ("GM" → "Số: …/GM-UBND").
    pub code: String,
    pub number: Option<u32>,
    pub date: Option<PartialDate>,
    /// Trích yếu under "GIẤY MỜI"; placeholders allowed. Default "Dự <conference.name>".
    pub summary: Option<String>,
    /// The "Tới dự …" line; default the conference name.
    pub occasion: Option<String>,
    /// "Chủ trì: …", printed only when given.
    pub chair: Option<String>,
    /// The closing request ("Đề nghị đại biểu có mặt trước 15 phút…"). The key was `notes`
    /// before (still read, with a warning: `load::schema::RENAMES`).
    #[serde(rename = "request")]
    pub notes: Option<String>,
    pub recipients: Vec<String>,
    pub archive: Option<String>,
    pub signature: Option<Signature>,
    /// Print the delegate's id as a QR code for check-in.
    pub qr: bool,
    pub draft: bool,
    /// Issued electronically (ký số), as `build --dien-tu` asks for every document.
    pub electronic: bool,
}

impl Default for InvitationDoc {
    fn default() -> Self {
        Self {
            code: "GM".into(),
            number: None,
            date: None,
            summary: None,
            occasion: None,
            chair: None,
            notes: None,
            recipients: vec!["Như trên".into()],
            archive: Some("VT".into()),
            signature: None,
            qr: true,
            draft: false,
            electronic: false,
        }
    }
}
