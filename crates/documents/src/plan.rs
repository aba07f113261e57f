//! KẾ HOẠCH: the plan itself (Nghị định 30/2020, Phụ lục III, Mẫu 1.4). Its body is a tree of
//! blocks in data; the blocks that quote other data (the delegate composition, the agenda, the
//! responsibilities) are expanded here so the template only lays them out.

use crate::Settings;
use crate::fonts::Fonts;
use serde::Serialize;

use chrono::Datelike;

use super::{HeaderView, SignatureView, header, signature};
use crate::engine::Job;
use crate::load::{AGENDA, ConferenceFacts, Data, PLAN, RESPONSIBILITIES};
use crate::model::{Block, Group, Layout};
use crate::text::{self, count_text};

pub const TEMPLATE: &str = "ke-hoach.typ.j2";
pub const OUTPUT: &str = "ke-hoach.pdf";
/// The plan laid out for electronic issuance.
pub const E_OUTPUT: &str = "dien-tu/ke-hoach.pdf";

#[derive(Debug, Serialize)]
pub struct PlanView<'a> {
    pub layout: &'a Layout,
    pub header: HeaderView,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub summary: String,
    pub draft: bool,
    pub body: Vec<BlockView>,
    pub closing: Option<String>,
    pub recipients: Vec<String>,
    pub archive: Option<String>,
    pub signature: SignatureView,
    pub title: String,
}

/// A block ready to print: `kind` is one of p, list, numbered, section, heading, subheading,
/// composition, responsibilities; prose is already expanded (placeholders filled).
#[derive(Debug, Serialize, Default)]
pub struct BlockView {
    pub kind: &'static str,
    pub text: Option<String>,
    pub items: Vec<String>,
    pub groups: Vec<GroupView>,
    pub units: Vec<UnitView>,
    pub body: Vec<BlockView>,
}

#[derive(Debug, Serialize)]
pub struct GroupView {
    pub label: String,
    pub count: String,
    pub unit: Option<String>,
    pub note: Option<String>,
    pub detail: Option<String>,
    pub groups: Vec<GroupView>,
}

#[derive(Debug, Serialize)]
pub struct UnitView {
    pub unit: String,
    pub duty: Option<String>,
    pub tasks: Vec<String>,
}

pub fn view(data: &Data) -> PlanView<'_> {
    let p = &data.plan;
    let facts = data.facts();
    let body = blocks(data, &facts, &p.plan.body);
    let closing = p.plan.closing.as_ref().map(|c| facts.fill(c));
    PlanView {
        layout: &p.layout,
        header: header(
            data,
            &p.plan.code,
            p.plan.number,
            p.plan.date,
            facts.date().year(),
        ),
        doc_type: p.plan.doc_type.clone(),
        summary: p.plan.summary.clone(),
        draft: p.plan.draft,
        body,
        closing,
        recipients: p.plan.recipients.clone(),
        archive: p.plan.archive.clone(),
        signature: signature(p.plan.signature.as_ref().unwrap_or(&p.signature)),
        title: format!("{} {}", p.plan.doc_type, text::one_line(&p.plan.summary)),
    }
}

fn blocks(data: &Data, facts: &ConferenceFacts, list: &[Block]) -> Vec<BlockView> {
    let mut out = Vec::new();
    for b in list {
        let ex = |s: &str| facts.fill(s);
        let view = if let Some(t) = &b.p {
            BlockView {
                kind: "p",
                text: Some(ex(t)),
                ..Default::default()
            }
        } else if let Some(items) = &b.list {
            let items = items.iter().map(|s| ex(s)).collect();
            BlockView {
                kind: "list",
                items,
                ..Default::default()
            }
        } else if let Some(items) = &b.numbered {
            let items = items.iter().map(|s| ex(s)).collect();
            BlockView {
                kind: "numbered",
                items,
                ..Default::default()
            }
        } else if let Some(t) = &b.section {
            let text = ex(t);
            BlockView {
                kind: "section",
                text: Some(text),
                body: blocks(data, facts, &b.body),
                ..Default::default()
            }
        } else if let Some(t) = &b.heading {
            let text = ex(t);
            BlockView {
                kind: "heading",
                text: Some(text),
                body: blocks(data, facts, &b.body),
                ..Default::default()
            }
        } else if let Some(t) = &b.subheading {
            BlockView {
                kind: "subheading",
                text: Some(ex(t)),
                ..Default::default()
            }
        } else if let Some(id) = &b.composition {
            match data.plan.composition.find(id) {
                Some(g) => {
                    let unit = g.unit.clone().unwrap_or_else(|| "đại biểu".into());
                    let groups = g
                        .groups
                        .iter()
                        .map(|c| group_view(c, Some(&unit)))
                        .collect();
                    BlockView {
                        kind: "composition",
                        groups,
                        ..Default::default()
                    }
                }
                None => continue, // reported by the rules
            }
        } else if b.agenda == Some(true) {
            match &data.agenda {
                Some((a, _)) => BlockView {
                    kind: "list",
                    items: punctuate(a.items.iter().map(|i| i.title.clone())),
                    ..Default::default()
                },
                None => continue,
            }
        } else if b.responsibilities == Some(true) {
            match &data.responsibilities {
                Some((r, _)) => BlockView {
                    kind: "responsibilities",
                    units: r
                        .units
                        .iter()
                        .map(|u| UnitView {
                            unit: u.unit.clone(),
                            duty: u.duty.clone(),
                            tasks: u.tasks.clone(),
                        })
                        .collect(),
                    ..Default::default()
                },
                None => continue,
            }
        } else {
            continue; // validation reported a block without a kind
        };
        out.push(view);
    }
    out
}

/// Items quoted from another list end with ";" and the last with ".", as a list in a sentence
/// does in Vietnamese administrative prose (trailing punctuation of the data is replaced).
fn punctuate(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = items
        .map(|s| s.trim_end_matches([';', '.', ',', ' ']).to_string())
        .collect();
    let n = v.len();
    for (i, s) in v.iter_mut().enumerate() {
        s.push(if i + 1 == n { '.' } else { ';' });
    }
    v
}

/// Top-level groups print their unit ("04 đại biểu"), inherited from the composition; deeper
/// ones only when the data gives it ("- Thường trực Đảng ủy: 02;").
fn group_view(g: &Group, inherited_unit: Option<&str>) -> GroupView {
    GroupView {
        label: g.label.clone(),
        count: g.range().map(count_text).unwrap_or_default(),
        unit: g.unit.clone().or(inherited_unit.map(str::to_string)),
        note: g.note.clone(),
        detail: g.detail.clone(),
        groups: g.groups.iter().map(|c| group_view(c, None)).collect(),
    }
}

/// The plan's job, and the plan laid out for electronic issuance when asked for.
pub fn jobs(data: &Data, settings: Settings) -> Vec<Job> {
    let inputs = data.inputs(&[&PLAN, &AGENDA, &RESPONSIBILITIES]);
    let mut jobs = vec![Job::single(
        TEMPLATE,
        minijinja::Value::from_serialize(view(data)),
        OUTPUT,
        inputs.clone(),
        data.facts().date(),
    )];
    let mut v = view(data);
    let p = &data.plan.plan;
    let issued = crate::metadata::issued(
        data,
        &p.doc_type,
        &v.header.code,
        &p.summary,
        &v.signature,
        &v.recipients,
    );
    if let Some(e) = crate::electronic(settings, p.electronic, data, issued) {
        v.header = v.header.electronic();
        v.signature = v.signature.electronic(data);
        let mut job = Job::single(
            TEMPLATE,
            minijinja::Value::from_serialize(v),
            E_OUTPUT,
            inputs,
            data.facts().date(),
        );
        if let crate::engine::Work::Single(s) = &mut job.work {
            s.esign = Some(e);
        }
        jobs.push(job);
    }
    jobs
}

/// The plan (KẾ HOẠCH).
pub struct Plan;

impl crate::Document for Plan {
    fn outputs(&self) -> &'static [&'static str] {
        &[OUTPUT, E_OUTPUT]
    }

    fn jobs(&self, data: &Data, _fonts: &Fonts, settings: Settings) -> Vec<Job> {
        jobs(data, settings)
    }
}
