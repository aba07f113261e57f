//! The data a clerk writes, as typed records. Field names are the YAML keys (documented in the
//! README); every struct refuses unknown keys so a typo is reported, not silently ignored.

#[allow(unused_imports)]
pub(crate) use vinhdanh_core::text;

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::text::{ClockTime, PartialDate};

mod decision;
mod invitation;
pub use decision::*;
pub use invitation::InvitationDoc;

/// The data schema this program writes (`vinhdanh: N` at the top of plan.yaml).
pub const SCHEMA: u32 = 1;
/// The oldest schema still read; a plan.yaml that does not say is read as this one.
pub const OLDEST_SCHEMA: u32 = 1;

fn oldest_schema() -> u32 {
    OLDEST_SCHEMA
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// The schema the file was written for (checked by the loader: a newer one is refused).
    #[serde(default = "oldest_schema")]
    pub vinhdanh: u32,
    pub authority: Authority,
    pub signature: Signature,
    pub conference: Conference,
    pub composition: Group,
    #[serde(default)]
    pub honours: Vec<Quota>,
    #[serde(default)]
    pub layout: Layout,
    pub plan: PlanDoc,
    #[serde(default)]
    pub invitation: Option<InvitationDoc>,
    /// How the documents issued electronically (ký số) are laid out and described.
    #[serde(default)]
    pub electronic: Electronic,
}

/// Documents issued electronically (Nghị định 30/2020, Phụ lục I, II.7.d and II.8; Phụ lục VI):
/// the clear areas the signing application stamps the signature and seal images into, and the
/// metadata the office's system records. Sizes in mm.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Electronic {
    /// The signer's signature image (ô 7c), centred between the title and the name.
    pub signature_width: f64,
    pub signature_height: f64,
    /// Diameter of the organisation's round seal (ô 8), over the signature's left third.
    pub seal: f64,
    /// Also empty signature fields over those areas (as `build --truong-ky`).
    pub fields: bool,
    /// The issuing body's identifier in the state's catalogue of bodies (Phụ lục VI OrganId).
    pub organ_id: Option<String>,
    /// Phụ lục VI Priority (độ khẩn), a single digit; none: left empty.
    pub priority: Option<u8>,
    /// Phụ lục VI IssuedAmount: copies issued; none: left empty.
    pub copies: Option<u32>,
}

impl Default for Electronic {
    fn default() -> Self {
        Self {
            signature_width: 50.0,
            signature_height: 25.0,
            seal: 35.0,
            fields: false,
            organ_id: None,
            priority: None,
            copies: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    #[serde(default)]
    pub parent: Option<String>,
    pub lines: Vec<String>,
    pub name: String,
    pub collective: String,
    pub code: String,
    pub place: String,
    pub chair: String,
}

/// Who signs and how (Nghị định 30/2020, Phụ lục I, II.7): the TM./KT./Q./TL./TUQ. lines are
/// derived from these fields, so a change of signer is a change of data.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    #[serde(default)]
    pub on_behalf: Option<String>,
    #[serde(default)]
    pub mode: Option<SignMode>,
    pub head: String,
    #[serde(default)]
    pub position: Option<String>,
    pub name: String,
    #[serde(default)]
    pub image: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum SignMode {
    KT,
    Q,
    TL,
    TUQ,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(with = "crate::text::full_date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub session: Option<String>,
    pub start: ClockTime,
    #[serde(default)]
    pub start_is_sample: bool,
    #[serde(default)]
    pub duration: Option<String>,
    pub venue: String,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub review_period: Option<String>,
    #[serde(default)]
    pub fields: Vec<String>,
}

/// A node of the delegate composition (Kế hoạch II.3): a fixed `count` or a `min`–`max` range.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub count: Option<u32>,
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
    /// Quota breaches of this group are warnings rather than errors.
    #[serde(default)]
    pub soft: bool,
    /// The order of the group's delegates on the check-in list.
    #[serde(default)]
    pub order: GroupOrder,
    #[serde(default)]
    pub groups: Vec<Group>,
}

/// The list's order by default: leaders are listed by protocol rank (the Secretary, the
/// Chairman before the Vice-Chairmen), which the clerk knows and no sorting of names or
/// titles could; a long group of guests may be put in alphabetical order instead.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum GroupOrder {
    #[default]
    Data,
    /// Vietnamese order: people by given, middle, family name; units invited without a name
    /// after them.
    Name,
}

impl Group {
    /// (min, max) of the group; a fixed count is a range of one.
    pub fn range(&self) -> Option<(u32, u32)> {
        range_of(self.count, self.min, self.max)
    }

    /// Depth-first walk with each group's path in the YAML ("composition.groups[1].groups[0]").
    pub fn walk<'a>(&'a self, path: &str, f: &mut dyn FnMut(&'a Group, &str, usize)) {
        fn go<'a>(
            g: &'a Group,
            path: &str,
            depth: usize,
            f: &mut dyn FnMut(&'a Group, &str, usize),
        ) {
            f(g, path, depth);
            for (i, c) in g.groups.iter().enumerate() {
                go(c, &format!("{path}.groups[{i}]"), depth + 1, f);
            }
        }
        go(self, path, 0, f)
    }

    pub fn find(&self, id: &str) -> Option<&Group> {
        let mut found = None;
        self.walk("", &mut |g, _, _| {
            if found.is_none() && g.id == id {
                found = Some(g);
            }
        });
        found
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub id: String,
    pub kind: HonoreeKind,
    pub label: String,
    #[serde(default)]
    pub count: Option<u32>,
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub soft: bool,
}

impl Quota {
    pub fn range(&self) -> Option<(u32, u32)> {
        range_of(self.count, self.min, self.max)
    }
}

/// (min, max) from a fixed `count` (a range of one) or `min`/`max` (either may be open).
fn range_of(count: Option<u32>, min: Option<u32>, max: Option<u32>) -> Option<(u32, u32)> {
    match (count, min, max) {
        (Some(c), _, _) => Some((c, c)),
        (None, Some(a), Some(b)) => Some((a, b)),
        (None, Some(a), None) => Some((a, u32::MAX)),
        (None, None, Some(b)) => Some((0, b)),
        _ => None,
    }
}

/// Page and type settings. Defaults sit inside every range of Nghị định 30/2020; values outside
/// the ranges are refused by validation, so a clerk cannot print a non-conforming document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Layout {
    pub margin: Margins,
    pub body_size: f64,
    pub national_size: f64,
    pub motto_size: f64,
    pub authority_size: f64,
    pub date_size: f64,
    pub indent: f64,
    pub line_spacing: f64,
    pub paragraph_spacing: f64,
    pub tone_style: Option<String>,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            margin: Margins::default(),
            body_size: 14.0,
            national_size: 12.0,
            motto_size: 13.0,
            authority_size: 12.0,
            date_size: 14.0,
            indent: 10.0,
            line_spacing: 1.15,
            paragraph_spacing: 6.0,
            tone_style: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Margins {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
}

impl Default for Margins {
    fn default() -> Self {
        Self {
            top: 20.0,
            bottom: 20.0,
            left: 30.0,
            right: 15.0,
        }
    }
}

/// The header facts every administrative document shares: type, number, date, summary.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanDoc {
    #[serde(rename = "type")]
    pub doc_type: String,
    pub code: String,
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    #[serde(default)]
    pub draft: bool,
    /// Issued electronically (ký số): laid out for the signing application (`build --dien-tu`).
    #[serde(default)]
    pub electronic: bool,
    pub summary: String,
    pub body: Vec<Block>,
    #[serde(default)]
    pub closing: Option<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub archive: Option<String>,
    #[serde(default)]
    pub signature: Option<Signature>,
}

/// One block of a document body. Exactly one of the kind keys is set (checked by validation,
/// with a located message); `body` holds the children of a section or heading.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Block {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbered: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subheading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibilities: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Block>,
}

impl Block {
    pub const KINDS: [&'static str; 9] = [
        "p",
        "list",
        "numbered",
        "section",
        "heading",
        "subheading",
        "composition",
        "agenda",
        "responsibilities",
    ];

    pub fn kinds(&self) -> Vec<&'static str> {
        let set = [
            self.p.is_some(),
            self.list.is_some(),
            self.numbered.is_some(),
            self.section.is_some(),
            self.heading.is_some(),
            self.subheading.is_some(),
            self.composition.is_some(),
            self.agenda.is_some(),
            self.responsibilities.is_some(),
        ];
        Self::KINDS
            .iter()
            .zip(set)
            .filter(|(_, s)| *s)
            .map(|(k, _)| *k)
            .collect()
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaFile {
    #[serde(default)]
    pub sample: bool,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    #[serde(default)]
    pub time: Option<ClockTime>,
    pub title: String,
    #[serde(default)]
    pub lead: Option<String>,
    #[serde(default)]
    pub speakers: Vec<Speaker>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Name of a speaker who is not on the honours list.
    #[serde(default)]
    pub name: Option<String>,
    /// Id of an honoree (`cn-01`): name and unit then come from the honours list, so a
    /// corrected spelling there reaches the booklet too.
    #[serde(default)]
    pub honoree: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub topic: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ResponsibilitiesFile {
    pub units: Vec<Responsibility>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    pub unit: String,
    #[serde(default)]
    pub duty: Option<String>,
    /// One line for the programme booklet ("in short"); the plan prints `duty` and `tasks`.
    #[serde(default)]
    pub brief: Option<String>,
    #[serde(default)]
    pub tasks: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum HonoreeKind {
    #[serde(alias = "tập thể", alias = "tap the")]
    Collective,
    #[serde(alias = "cá nhân", alias = "ca nhan")]
    Individual,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Gender {
    #[serde(rename = "nam", alias = "Nam", alias = "male")]
    Male,
    #[serde(rename = "nữ", alias = "Nữ", alias = "nu", alias = "female")]
    Female,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct HonoreesFile {
    #[serde(default)]
    pub sample: bool,
    pub honorees: Vec<Honoree>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Honoree {
    pub id: String,
    pub kind: HonoreeKind,
    pub name: String,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default, with = "crate::text::birth_year_field")]
    pub birth_year: Option<i32>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub field: Option<String>,
    pub achievement: String,
    #[serde(default)]
    pub proposed_by: Option<String>,
    #[serde(default)]
    pub order: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DelegatesFile {
    #[serde(default)]
    pub sample: bool,
    pub delegates: Vec<Delegate>,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Delegate {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub salutation: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    pub group: String,
    #[serde(default)]
    pub seat: Option<String>,
    #[serde(default)]
    pub honoree: Option<String>,
}

/// The metadata of a document issued (Nghị định 30/2020, Phụ lục VI, Phần II, "văn bản đi"):
/// each field's name and its greatest length in characters, in the order the table lists them.
pub const METADATA_LENGTHS: &[(&str, usize)] = &[
    ("OrganId", 13),
    ("FileCatalog", 4),
    ("FileNotation", 20),
    ("DocOrdinal", 3),
    ("TypeName", 100),
    ("CodeNumber", 11),
    ("CodeNotation", 30),
    ("IssuedDate", 10),
    ("OrganName", 200),
    ("Subject", 500),
    ("Language", 30),
    ("PageAmount", 3),
    ("Description", 500),
    ("Position", 100),
    ("FullName", 50),
    ("Priority", 1),
    ("IssuedAmount", 3),
    ("DueDate", 10),
];

/// The greatest length of the metadata field `name` ([`METADATA_LENGTHS`]).
pub fn metadata_length(name: &str) -> usize {
    METADATA_LENGTHS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, l)| *l)
        .unwrap_or(usize::MAX)
}
