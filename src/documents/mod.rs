//! One module per printed document. Each turns the loaded data into a template context (a
//! "view": derived facts such as formatted dates, numbering and signature lines are computed
//! here, in Rust, once) and names its template and output file.

pub mod booklet;
pub mod certificate;
pub mod decision;
pub mod invitation;
pub mod plan;

use chrono::NaiveDate;
use serde::Serialize;

use crate::load::Data;
use crate::model::{SignMode, Signature};
use crate::text::{self, ClockTime, Facts, PartialDate};

/// Facts about the conference that prose `{placeholders}` and every document share.
pub struct ConferenceFacts<'a> {
    pub data: &'a Data,
}

impl ConferenceFacts<'_> {
    pub fn date(&self) -> NaiveDate {
        PartialDate::parse(&self.data.plan.conference.date)
            .ok()
            .and_then(|d| d.full())
            .expect("validated: the conference date is a full date")
    }

    pub fn start(&self) -> ClockTime {
        ClockTime::parse(&self.data.plan.conference.start).expect("validated: start time")
    }

    /// The (min, max) count of a composition group or honours quota by id.
    pub fn count(&self, id: &str) -> Option<(u32, u32)> {
        let plan = &self.data.plan;
        plan.composition
            .find(id)
            .and_then(|g| g.range())
            .or_else(|| {
                plan.honours
                    .iter()
                    .find(|q| q.id == id)
                    .and_then(|q| q.range())
            })
    }
}

impl Facts for ConferenceFacts<'_> {
    fn fact(&self, key: &str) -> Option<String> {
        let c = &self.data.plan.conference;
        if let Some(id) = key.strip_prefix("count:") {
            return self.count(id).map(text::count_text);
        }
        Some(match key {
            "conference.name" => c.name.clone(),
            "conference.short_name" => c.short_name.clone().unwrap_or_else(|| c.name.clone()),
            "conference.date" => text::date_short(self.date()),
            "conference.date_long" => text::date_long(self.date()),
            "conference.weekday" => text::weekday(self.date()).to_string(),
            "conference.start" => self.start().long(),
            "conference.session" => c.session.clone().unwrap_or_default(),
            "conference.duration" => c.duration.clone().unwrap_or_default(),
            "conference.venue" => c.venue.clone(),
            "conference.period" => c.period.clone().unwrap_or_default(),
            "conference.review_period" => c.review_period.clone().unwrap_or_default(),
            "authority.name" => self.data.plan.authority.name.clone(),
            "authority.place" => self.data.plan.authority.place.clone(),
            _ => return None,
        })
    }
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
    }
}

/// The signature block's lines (ô 7a) and name (ô 7b).
#[derive(Debug, Serialize)]
pub struct SignatureView {
    pub lines: Vec<String>,
    pub name: String,
    /// Absolute project path ("/assets/chu-ky.png") of the signature-and-seal image.
    pub image: Option<String>,
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
