//! GIẤY KHEN: one certificate per honoree through the batch engine, the all-in-order print
//! file, the overlay for pre-printed blanks (phôi) and the calibration sheet for those blanks.
//! The field boxes come from the project's layout file, so the full design and the overlay
//! share one set of positions.

use crate::Settings;
use minijinja::Value;
use serde::Serialize;

use super::decision::{self, salutation};
use crate::engine::{Batch, Job, Record, Work};
use crate::fonts::Fonts;
use crate::load::{DECISION, Data, Decision, HONOREES, PHOI_LAYOUT, PLAN};
use crate::model::{FieldBox, Honoree, HonoreeKind, Offset};
use crate::{slug, text};
use vinhdanh_core::Coverage;

pub const TEMPLATE: &str = "giay-khen.typ.j2";
pub const DIR: &str = "giay-khen";
pub const MERGED: &str = "giay-khen.pdf";
pub const PHOI_TEMPLATE: &str = "giay-khen-phoi.typ.j2";
pub const PHOI_OUTPUT: &str = "giay-khen-phoi.pdf";
pub const CALIBRATION_TEMPLATE: &str = "can-chinh-phoi.typ.j2";
pub const CALIBRATION_OUTPUT: &str = "can-chinh-phoi.pdf";

/// One certificate's variable text.
#[derive(Debug, Serialize)]
pub struct CertRecord {
    /// "001": the number in the decision's list, also "Số sổ vàng".
    pub book_number: String,
    pub kind: &'static str,
    pub salutation: Option<String>,
    pub name: String,
    /// The chosen display family, or Tinos when it lacks a letter of this name.
    pub name_font: &'static str,
    pub detail: String,
    pub achievement: String,
}

/// What all certificates share: the field boxes and the decision's lines.
#[derive(Debug, Serialize)]
pub struct CertShared {
    pub title: String,
    pub fields: std::collections::BTreeMap<String, FieldBox>,
    pub offset: Offset,
    pub position: String,
    pub decision: String,
    pub place_date: String,
    pub signer_lines: Vec<String>,
    pub signer_name: String,
    pub emblem: Option<String>,
}

pub fn shared(data: &Data, l: &Decision) -> CertShared {
    let d = &l.file;
    let r = decision::decision_ref(data, d);
    let sig = decision::signer(data, d);
    CertShared {
        title: "Giấy khen".into(),
        fields: l.layout.fields.clone(),
        offset: l.layout.offset,
        position: text::upper(&data.plan.authority.chair),
        decision: format!("Số quyết định: {}, {}", r.number_text, r.date_text),
        place_date: r.place_date,
        signer_lines: sig.lines,
        signer_name: sig.name,
        emblem: d
            .certificate
            .emblem
            .as_ref()
            .filter(|e| !e.trim().is_empty())
            .map(|e| format!("/{}", e.trim_start_matches('/'))),
    }
}

/// Width of the list number: at least three digits ("001"), more for longer lists.
fn number_width(n: usize) -> usize {
    n.to_string().len().max(3)
}

pub fn records(l: &Decision, fonts: &Fonts, list: &[&Honoree]) -> Vec<(CertRecord, String)> {
    let width = number_width(list.len());
    let family = l.file.certificate.name_font.family();
    let slugs = slug::unique_slugs(&list.iter().map(|h| h.name.as_str()).collect::<Vec<_>>());
    list.iter()
        .zip(slugs)
        .enumerate()
        .map(|(i, (h, s))| {
            let sal = salutation(h, &l.file.certificate);
            let covered = h.name.chars().all(|c| fonts.family_covers(family, c));
            let rec = CertRecord {
                book_number: format!("{:0width$}", i + 1),
                kind: match h.kind {
                    HonoreeKind::Collective => "collective",
                    HonoreeKind::Individual => "individual",
                },
                salutation: sal,
                name: h.name.clone(),
                name_font: if covered { family } else { "Tinos" },
                detail: decision::detail(h),
                achievement: h.achievement.clone(),
            };
            let file = format!(
                "{}-{}.pdf",
                rec.book_number,
                if s.is_empty() { "x".into() } else { s }
            );
            (rec, file)
        })
        .collect()
}

/// The data files the certificates read.
fn inputs(data: &Data) -> Vec<String> {
    data.inputs(&[&PLAN, &HONOREES, &DECISION, &PHOI_LAYOUT])
}

/// Certificates (one file each and the print file), and the overlay for pre-printed blanks
/// when `phoi` (or the decision's settings) ask for it.
pub fn jobs(data: &Data, fonts: &Fonts, phoi: bool) -> Vec<Job> {
    let (Some(l), Some((file, _))) = (&data.decision, &data.honorees) else {
        return Vec::new();
    };
    let list = decision::ordered(&file.honorees, l.file.certificate.order);
    let shared = minijinja::context! { cert => Value::from_serialize(shared(data, l)) };
    let recs = records(l, fonts, &list);
    // Where each honoree's fields are, for the warnings the layout makes (a long name).
    // Each honoree's place in the file, found by address (a search through the list for each
    // honoree was quadratic: 50 M comparisons at 10,000).
    let place: std::collections::HashMap<*const Honoree, usize> = file
        .honorees
        .iter()
        .enumerate()
        .map(|(i, h)| (h as *const Honoree, i))
        .collect();
    let origins = |h: &Honoree| {
        let i = place.get(&(h as *const Honoree)).copied();
        let source = data.honorees.as_ref().map(|(_, s)| s);
        let mut m = std::collections::BTreeMap::new();
        if let (Some(i), Some(source)) = (i, source) {
            for f in ["name", "achievement"] {
                let path = format!("honorees[{i}].{f}");
                m.insert(f.to_string(), (source.locate(&path), path));
            }
        }
        m
    };
    let records: Vec<Record> = recs
        .iter()
        .zip(&list)
        .map(|((r, file), h)| Record {
            id: format!("giay-khen-{}", h.id),
            file_name: file.clone(),
            label: format!("Giấy khen số {} – {} ({})", r.book_number, h.name, h.id),
            value: Value::from_serialize(r),
            origins: origins(h),
        })
        .collect();
    let today = data.facts().date();
    let mut jobs = vec![Job {
        name: format!("{DIR}/"),
        inputs: inputs(data),
        today,
        work: Work::Batch(Batch {
            template: TEMPLATE.into(),
            shared: shared.clone(),
            records,
            dir: Some(DIR.into()),
            merged: Some(MERGED.into()),
            esign: None,
        }),
    }];
    if phoi || l.file.certificate.phoi {
        // The overlay is a batch too (chunked, a failing record named), with only a print file.
        let overlay = recs
            .iter()
            .zip(&list)
            .map(|((r, _), h)| Record {
                id: format!("phoi-{}", h.id),
                file_name: String::new(),
                label: format!(
                    "Giấy khen (phôi) số {} – {} ({})",
                    r.book_number, h.name, h.id
                ),
                value: Value::from_serialize(r),
                origins: origins(h),
            })
            .collect();
        jobs.push(Job {
            name: PHOI_OUTPUT.into(),
            inputs: inputs(data),
            today,
            work: Work::Batch(Batch {
                template: PHOI_TEMPLATE.into(),
                shared,
                records: overlay,
                dir: None,
                merged: Some(PHOI_OUTPUT.into()),
                esign: None,
            }),
        });
    }
    jobs
}

/// `vinhdanh calibrate`: the calibration sheet; `None` without a decision.
pub fn calibration_job(data: &Data) -> Option<Job> {
    let l = data.decision.as_ref()?;
    Some(Job::single(
        CALIBRATION_TEMPLATE,
        minijinja::context! { cert => Value::from_serialize(shared(data, l)) },
        CALIBRATION_OUTPUT,
        data.inputs(&[&DECISION, &PHOI_LAYOUT]),
        data.facts().date(),
    ))
}

/// One certificate (GIẤY KHEN) per honoree, their print file, and the overlay for pre-printed blanks.
pub struct Certificates;

impl crate::Document for Certificates {
    fn outputs(&self) -> &'static [&'static str] {
        &[DIR, MERGED, PHOI_OUTPUT]
    }

    fn jobs(&self, data: &Data, fonts: &Fonts, settings: Settings) -> Vec<Job> {
        jobs(data, fonts, settings.phoi)
    }

    /// The name and the achievement are fitted to their boxes; a name printed smaller than
    /// its minimum, or on two lines, is a warning at its data.
    fn measures(&self) -> bool {
        true
    }
}
