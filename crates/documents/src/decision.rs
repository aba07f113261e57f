//! The Chairman's award decision (QUYẾT ĐỊNH khen thưởng, Nghị định 30/2020 Mẫu 1.2) with its
//! attached list, and the data both it and the certificates (GIẤY KHEN) read: one ordered list
//! of honorees, so the number a certificate prints as "Số sổ vàng" is the line of the decision's
//! list. `data/decision.yaml` is optional: without it neither document is printed.

use crate::Settings;
use crate::fonts::Fonts;
use chrono::Datelike;
use serde::Serialize;

use super::{HeaderView, SignatureView, header, signature};
use std::ops::Range;

use crate::engine::{Job, Work};
use crate::load::{DECISION, Data, Decision, HONOREES, PHOI_LAYOUT, PLAN};
use crate::model::{
    CertificateSettings, DecisionFile, Gender, Honoree, HonoreeKind, Order, Signature,
};
use crate::text;

pub const TEMPLATE: &str = "quyet-dinh-khen-thuong.typ.j2";
pub const OUTPUT: &str = "quyet-dinh-khen-thuong.pdf";
/// The decision laid out for electronic issuance, and its list when it is a file of its own.
pub const E_OUTPUT: &str = "dien-tu/quyet-dinh-khen-thuong.pdf";
pub const E_APPENDIX: &str = "dien-tu/quyet-dinh-khen-thuong-phu-luc.pdf";

/// The decision's list: collectives first, then individuals, each in the configured order.
/// Index + 1 is the number in the list and the certificate's "Số sổ vàng".
pub fn ordered(honorees: &[Honoree], order: Order) -> Vec<&Honoree> {
    let mut by_data: Vec<(usize, &Honoree)> = honorees.iter().enumerate().collect();
    by_data.sort_by_key(|(i, h)| (h.order.unwrap_or(u32::MAX), *i));
    let mut out = Vec::with_capacity(honorees.len());
    for kind in [HonoreeKind::Collective, HonoreeKind::Individual] {
        let mut part: Vec<&Honoree> = by_data
            .iter()
            .filter(|(_, h)| h.kind == kind)
            .map(|(_, h)| *h)
            .collect();
        match order {
            Order::Data => {}
            Order::Name if kind == HonoreeKind::Individual => {
                crate::collate::sort_by_person_name(&mut part, |h| h.name.as_str())
            }
            Order::Name => part.sort_by(|a, b| crate::collate::compare(&a.name, &b.name)),
            Order::Unit => part.sort_by(|a, b| {
                crate::collate::compare(
                    a.unit.as_deref().unwrap_or(""),
                    b.unit.as_deref().unwrap_or(""),
                )
            }),
        }
        out.extend(part);
    }
    out
}

/// Certificates and the decision cite the decision the same way.
#[derive(Debug, Serialize)]
pub struct DecisionRef {
    pub header: HeaderView,
    /// "15/QĐ-UBND", or "      /QĐ-UBND" awaiting a number.
    pub number_text: String,
    /// "ngày 20 tháng 8 năm 2025" with blanks for what is not known yet.
    pub date_text: String,
    /// "An Bình, ngày … tháng … năm …".
    pub place_date: String,
}

pub fn decision_ref(data: &Data, d: &DecisionFile) -> DecisionRef {
    let hd = header(data, &d.code, d.number, d.date, data.facts().date().year());
    let blank = "\u{2002}\u{2002}\u{2002}\u{2002}";
    let number_text = match &hd.number {
        Some(n) => format!("{n}/{}", hd.code),
        None => format!("{blank}/{}", hd.code),
    };
    let date_text = format!(
        "ngày {} tháng {} năm {}",
        hd.day.clone().unwrap_or_else(|| blank.into()),
        hd.month.clone().unwrap_or_else(|| blank.into()),
        hd.year
    );
    let place_date = format!("{}, {date_text}", hd.place);
    DecisionRef {
        header: hd,
        number_text,
        date_text,
        place_date,
    }
}

/// The signer of the decision and certificates: decision.yaml's, else the plan's in the
/// Chairman's own competence (no "TM." line).
pub fn signer(data: &Data, d: &DecisionFile) -> SignatureView {
    let s = d.signature.clone().unwrap_or_else(|| Signature {
        on_behalf: None,
        ..data.plan.signature.clone()
    });
    signature(&s)
}

#[derive(Debug, Serialize)]
pub struct DecisionView {
    pub layout: crate::model::Layout,
    pub header: HeaderView,
    pub summary: String,
    pub competence: String,
    pub bases: Vec<String>,
    pub proposal: Option<String>,
    pub articles: Vec<String>,
    pub recipients: Vec<String>,
    pub archive: Option<String>,
    pub signature: SignatureView,
    pub title: String,
    pub appendix: AppendixView,
}

#[derive(Debug, Serialize)]
pub struct AppendixView {
    pub title: String,
    /// "(Kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch …)".
    pub reference: String,
    pub groups: Vec<AppendixGroup>,
    /// Every name of the list as printed, and a person's name without its salutation, the
    /// rows of other parts included: the list sizes its name column from them, the same in
    /// every part.
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixGroup {
    /// `None` in a part that continues the group.
    pub heading: Option<String>,
    /// The heading's place in the list of items (headings and rows).
    pub item: usize,
    pub rows: Vec<AppendixRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixRow {
    /// The row's place in the list of items (headings and rows).
    pub item: usize,
    pub number: usize,
    /// The name as printed: the salutation, if any, then the name.
    pub name: String,
    /// The salutation ("Ông", "Bà") of a person's name, which the list may set on a line of
    /// its own when the name alone fills one.
    pub salutation: Option<String>,
    /// The name without its salutation.
    pub personal: String,
    pub detail: String,
    pub achievement: String,
}

/// "Chức vụ, đơn vị" of the list and certificates: a person's title then unit ("Chi hội trưởng
/// … thôn X" reads on when the unit starts in lower case), a collective's managing body.
pub fn detail(h: &Honoree) -> String {
    let title = h.title.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let unit = h.unit.as_deref().map(str::trim).filter(|s| !s.is_empty());
    match (h.kind, title, unit) {
        (HonoreeKind::Collective, _, Some(u)) => u.to_string(),
        (HonoreeKind::Collective, Some(t), None) => t.to_string(),
        (_, Some(t), Some(u)) => text::position_in(t, u),
        (_, Some(t), None) => t.to_string(),
        (_, None, Some(u)) => u.to_string(),
        _ => String::new(),
    }
}

/// "Ông", "Bà" before a person's name; none before a name cell that holds a position
/// ("Giám đốc …": `check` warns about it).
pub fn salutation(h: &Honoree, s: &CertificateSettings) -> Option<String> {
    if h.kind != HonoreeKind::Individual || text::position_title(&h.name).is_some() {
        return None;
    }
    let key = match h.gender? {
        Gender::Male => "nam",
        Gender::Female => "nữ",
    };
    s.salutation
        .get(key)
        .filter(|w| !w.trim().is_empty())
        .cloned()
}

pub fn view(data: &Data, l: &Decision, list: &[&Honoree]) -> DecisionView {
    let d = &l.file;
    let facts = data.facts();
    let summary = facts.fill(&d.summary);
    let bases: Vec<String> = d.bases.iter().map(|b| facts.fill(b)).collect();
    let proposal = d.proposal.as_ref().map(|p| facts.fill(p));
    let articles: Vec<String> = d.articles.iter().map(|a| facts.fill(a)).collect();
    let r = decision_ref(data, d);
    let chair = &data.plan.authority.chair;
    let mut groups = Vec::new();
    for (kind, heading) in [
        (HonoreeKind::Collective, "TẬP THỂ"),
        (HonoreeKind::Individual, "CÁ NHÂN"),
    ] {
        let rows: Vec<AppendixRow> = list
            .iter()
            .enumerate()
            .filter(|(_, h)| h.kind == kind)
            .map(|(i, h)| {
                let salutation = salutation(h, &d.certificate);
                (i, h, salutation)
            })
            .map(|(i, h, salutation)| AppendixRow {
                item: 0,
                number: i + 1,
                name: match &salutation {
                    Some(s) => format!("{s} {}", h.name),
                    None => h.name.clone(),
                },
                salutation,
                personal: h.name.clone(),
                detail: detail(h),
                achievement: h.achievement.clone(),
            })
            .collect();
        if !rows.is_empty() {
            groups.push(AppendixGroup {
                heading: Some(format!(
                    "{}. {heading} ({:02})",
                    crate::text::roman(groups.len() as u32 + 1),
                    rows.len()
                )),
                item: 0,
                rows,
            });
        }
    }
    let mut item = 0;
    for g in &mut groups {
        g.item = item;
        item += 1;
        for r in &mut g.rows {
            r.item = item;
            item += 1;
        }
    }
    DecisionView {
        layout: data.plan.layout.clone(),
        title: format!("Quyết định {}", text::one_line(&summary)),
        summary,
        competence: text::upper(chair),
        bases,
        proposal,
        articles,
        recipients: d.recipients.clone(),
        archive: d.archive.clone(),
        signature: signer(data, d),
        appendix: AppendixView {
            title: d.appendix_title.clone(),
            reference: format!(
                "(Kèm theo Quyết định số {} {} của {chair})",
                r.number_text, r.date_text
            ),
            names: groups
                .iter()
                .flat_map(|g| &g.rows)
                .flat_map(|r| {
                    let personal = r.salutation.as_ref().map(|_| r.personal.clone());
                    std::iter::once(r.name.clone()).chain(personal)
                })
                .collect(),
            groups,
        },
        header: r.header,
    }
}

/// Items of the list: each group's heading and its rows.
fn items(v: &DecisionView) -> usize {
    v.appendix.groups.iter().map(|g| 1 + g.rows.len()).sum()
}

/// The context of the list's `items`: the whole view (`full`, made once) with those items'
/// groups; a group begun in an earlier part has no heading.
fn windowed(v: &DecisionView, full: &minijinja::Value, items: Range<usize>) -> minijinja::Value {
    let in_part = |i: usize| items.contains(&i);
    let groups: Vec<AppendixGroup> = v
        .appendix
        .groups
        .iter()
        .filter_map(|g| {
            let rows: Vec<AppendixRow> =
                g.rows.iter().filter(|r| in_part(r.item)).cloned().collect();
            let heading = g.heading.clone().filter(|_| in_part(g.item));
            (heading.is_some() || !rows.is_empty()).then_some(AppendixGroup {
                heading,
                item: g.item,
                rows,
            })
        })
        .collect();
    minijinja::context! {
        appendix => minijinja::context! {
            groups => minijinja::Value::from_serialize(&groups),
            ..full.get_attr("appendix").unwrap_or_default()
        },
        ..full.clone()
    }
}

/// The decision with its list, when the project has a decision and an honours list; and laid
/// out for electronic issuance when asked for.
pub fn jobs(data: &Data, settings: Settings) -> Vec<Job> {
    let (Some(l), Some((file, _))) = (&data.decision, &data.honorees) else {
        return Vec::new();
    };
    let list = ordered(&file.honorees, l.file.certificate.order);
    let inputs = data.inputs(&[&PLAN, &HONOREES, &DECISION, &PHOI_LAYOUT]);
    let today = data.facts().date();
    let v = view(data, l, &list);
    let issued = crate::metadata::issued(
        data,
        "Quyết định",
        &v.header.code,
        &v.summary,
        &v.signature,
        &v.recipients,
    );
    let mut jobs = vec![parted(v, OUTPUT, inputs.clone(), today, None)];
    let Some(e) = crate::electronic(settings, l.file.electronic, data, issued) else {
        return jobs;
    };
    let mut v = view(data, l, &list);
    v.header = v.header.electronic();
    v.signature = v.signature.electronic(data);
    // Not filled in on a document issued electronically (Phụ lục I, III.1.c).
    let blank = "\u{2002}\u{2002}\u{2002}\u{2002}";
    v.appendix.reference = format!(
        "(Kèm theo Quyết định số {blank}/{} ngày {blank} tháng {blank} năm {blank} của {})",
        v.header.code, data.plan.authority.chair
    );
    if !l.file.appendix_separate {
        jobs.push(parted(v, E_OUTPUT, inputs, today, Some((e, None))));
        return jobs;
    }
    let decision = minijinja::context! {
        part => "decision",
        ..minijinja::Value::from_serialize(&v)
    };
    let mut job = Job::single(TEMPLATE, decision, E_OUTPUT, inputs.clone(), today);
    if let Work::Single(s) = &mut job.work {
        s.esign = Some(e.clone());
    }
    jobs.push(job);
    jobs.push(parted(
        v,
        E_APPENDIX,
        inputs,
        today,
        Some((e, Some("appendix"))),
    ));
    jobs
}

/// The job writing `v` (the decision and its list, or one of them: `part`) as `output`, its list
/// laid out in parts when long.
fn parted(
    v: DecisionView,
    output: &str,
    inputs: Vec<String>,
    today: chrono::NaiveDate,
    esign: Option<(crate::engine::esign::Esign, Option<&'static str>)>,
) -> Job {
    let part = esign.as_ref().and_then(|(_, p)| *p);
    let with_part = move |c: minijinja::Value| match part {
        Some(p) => minijinja::context! { part => p, ..c },
        None => c,
    };
    let full = with_part(minijinja::Value::from_serialize(&v));
    let mut job = Job::single(TEMPLATE, full.clone(), output, inputs, today);
    if let Work::Single(s) = &mut job.work {
        s.esign = esign.map(|(e, _)| e);
        s.long_list(items(&v), move |r| with_part(windowed(&v, &full, r)));
    }
    job
}

/// The award decision with its list.
pub struct AwardDecision;

impl crate::Document for AwardDecision {
    fn outputs(&self) -> &'static [&'static str] {
        &[OUTPUT, E_OUTPUT, E_APPENDIX]
    }

    fn jobs(&self, data: &Data, _fonts: &Fonts, settings: Settings) -> Vec<Job> {
        jobs(data, settings)
    }
}
