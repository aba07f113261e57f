//! `data/decision.yaml` (the award decision and the certificates' settings) and the phôi
//! layout file it names (where each variable field of a certificate sits).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Signature;
use crate::text::PartialDate;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionFile {
    #[serde(default = "default_code")]
    pub code: String,
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    pub summary: String,
    #[serde(default)]
    pub bases: Vec<String>,
    #[serde(default)]
    pub proposal: Option<String>,
    pub articles: Vec<String>,
    #[serde(default)]
    pub award: Option<Award>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub archive: Option<String>,
    #[serde(default)]
    pub signature: Option<Signature>,
    #[serde(default = "default_appendix_title")]
    pub appendix_title: String,
    #[serde(default)]
    pub certificate: CertificateSettings,
    /// Issued electronically (ký số), as `build --dien-tu` asks for every document.
    #[serde(default)]
    pub electronic: bool,
    /// Issued electronically, the list is a file of its own ("…-phu-luc.pdf"), signed by the
    /// organisation at the top right of its first page (Phụ lục I, II.8.b).
    #[serde(default)]
    pub appendix_separate: bool,
}

fn default_code() -> String {
    "QĐ".into()
}

fn default_appendix_title() -> String {
    "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN".into()
}

/// Money given with each certificate, in đồng.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    #[serde(default)]
    pub collective: Option<u64>,
    #[serde(default)]
    pub individual: Option<u64>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// The order of the data (`order:` of an honoree first, then the file's order).
    #[default]
    Data,
    /// Vietnamese order: collectives by name, people by given name.
    Name,
    /// Grouped by unit (Vietnamese order of the unit), data order within a unit.
    Unit,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum NameFont {
    #[default]
    Playfair,
    GreatVibes,
    Tinos,
}

impl NameFont {
    pub fn family(self) -> &'static str {
        match self {
            NameFont::Playfair => "Playfair Display",
            NameFont::GreatVibes => "Great Vibes",
            NameFont::Tinos => "Tinos",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CertificateSettings {
    /// Word before a person's name by gender: `{nam: Ông, nữ: Bà}`.
    pub salutation: BTreeMap<String, String>,
    pub order: Order,
    /// Project path of the State emblem image; none is shipped.
    pub emblem: Option<String>,
    pub name_font: NameFont,
    /// Always write the overlay for pre-printed blanks, as `build --phoi` does.
    pub phoi: bool,
    pub phoi_layout: String,
}

impl Default for CertificateSettings {
    fn default() -> Self {
        Self {
            salutation: BTreeMap::from([("nam".into(), "Ông".into()), ("nữ".into(), "Bà".into())]),
            order: Order::Data,
            emblem: None,
            name_font: NameFont::Playfair,
            phoi: false,
            phoi_layout: "data/phoi.yaml".into(),
        }
    }
}

/// Where each variable field of the certificate sits (mm from the sheet's top-left corner),
/// shared by the full design and the overlay for blanks, plus the printer's feed offset.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhoiLayout {
    #[serde(default)]
    pub offset: Offset,
    pub fields: BTreeMap<String, FieldBox>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Offset {
    pub dx: f64,
    pub dy: f64,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Printed on blanks (false for lines the blank already carries).
    #[serde(default = "yes")]
    pub phoi: bool,
}

fn yes() -> bool {
    true
}

/// The fields the certificate template places; the layout file must give each.
pub const FIELDS: [&str; 9] = [
    "position",
    "name",
    "detail",
    "achievement",
    "place_date",
    "signer_position",
    "signer_name",
    "decision",
    "book_number",
];
