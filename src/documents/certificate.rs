//! GIẤY KHEN: one certificate per honoree through the batch engine, the all-in-order print
//! file, the overlay for pre-printed blanks (phôi) and the calibration sheet for those blanks.
//! The field boxes come from the project's layout file, so the full design and the overlay
//! share one set of positions.

use std::path::{Path, PathBuf};

use minijinja::Value;
use serde::Serialize;

use super::decision::{self, DecisionFile, FieldBox, Loaded, Offset, salutation};
use crate::batch::{self, Batch, Record};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Data;
use crate::model::Honoree;
use crate::pipeline::{self, BuildOptions, Context};
use crate::project::Project;
use crate::{render, slug, text};

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

pub fn shared(data: &Data, l: &Loaded) -> CertShared {
    let d: &DecisionFile = &l.decision;
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
pub fn number_width(n: usize) -> usize {
    n.to_string().len().max(3)
}

pub fn records(cx: &Context, l: &Loaded, list: &[&Honoree]) -> Vec<(CertRecord, String)> {
    let width = number_width(list.len());
    let family = l.decision.certificate.name_font.family();
    let slugs = slug::unique_slugs(&list.iter().map(|h| h.name.as_str()).collect::<Vec<_>>());
    list.iter()
        .zip(slugs)
        .enumerate()
        .map(|(i, (h, s))| {
            let sal = salutation(h, &l.decision.certificate);
            let covered = h
                .name
                .chars()
                .all(|c| cx.engine.fonts.family_covers(family, c));
            let rec = CertRecord {
                book_number: format!("{:0width$}", i + 1),
                kind: match h.kind {
                    crate::model::HonoreeKind::Collective => "collective",
                    crate::model::HonoreeKind::Individual => "individual",
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

/// Certificates (and, in phôi mode, the overlay): every path written, or each failure named.
pub fn build(cx: &Context, l: &Loaded, list: &[&Honoree]) -> crate::pipeline::Outcome {
    let shared = shared(cx.data, l);
    let recs = records(cx, l, list);
    let records: Vec<Record> = recs
        .iter()
        .zip(list)
        .map(|((r, file), h)| Record {
            id: format!("giay-khen-{}", h.id),
            file_name: file.clone(),
            label: format!("Giấy khen số {} – {} ({})", r.book_number, h.name, h.id),
            value: Value::from_serialize(r),
        })
        .collect();
    let report = batch::run(
        cx,
        Batch {
            template: TEMPLATE,
            shared: minijinja::context! { cert => Value::from_serialize(&shared) },
            records,
            dir: Some(DIR),
            merged: Some(MERGED),
        },
    );
    let mut written = report.written;
    let mut failed = Diagnostics::default();
    for (label, diags) in report.failed {
        for d in diags.0 {
            failed.push(d.record(label.clone()));
        }
    }
    if cx.options.phoi || l.decision.certificate.phoi {
        // The overlay is a batch too (chunked, a failing record named), with only a print file.
        let overlay = recs
            .iter()
            .zip(list)
            .map(|((r, _), h)| Record {
                id: format!("phoi-{}", h.id),
                file_name: String::new(),
                label: format!(
                    "Giấy khen (phôi) số {} – {} ({})",
                    r.book_number, h.name, h.id
                ),
                value: Value::from_serialize(r),
            })
            .collect();
        let report = batch::run(
            cx,
            Batch {
                template: PHOI_TEMPLATE,
                shared: minijinja::context! { cert => Value::from_serialize(&shared) },
                records: overlay,
                dir: None,
                merged: Some(PHOI_OUTPUT),
            },
        );
        written.extend(report.written);
        for (label, diags) in report.failed {
            for d in diags.0 {
                failed.push(d.record(label.clone()));
            }
        }
    }
    if failed.has_errors() {
        failed.push(Diagnostic::warning(format!(
            "vẫn in được {} tệp Giấy khen; các mục trên bị bỏ qua",
            written.len()
        )));
    }
    crate::pipeline::Outcome { written, failed }
}

/// `vinhdanh calibrate`: the calibration sheet into `out_dir/can-chinh-phoi.pdf`.
pub fn calibrate(project: &Project, out_dir: &Path) -> Result<PathBuf, Diagnostics> {
    let (engine, data, _) = pipeline::prepare(project)?;
    let Some(l) = decision::load(project)? else {
        return Err(Diagnostic::error(format!(
            "không có {}: chưa có Giấy khen để căn chỉnh",
            decision::FILE
        ))
        .in_file(decision::FILE)
        .into());
    };
    crate::write::ensure_dir(out_dir).map_err(|e| Diagnostics::from(Diagnostic::from(e)))?;
    let options = BuildOptions {
        out_dir: out_dir.to_path_buf(),
        ..BuildOptions::default()
    };
    let cx = Context {
        engine: &engine,
        env: render::environment(project),
        data: &data,
        options: &options,
    };
    let shared = shared(&data, &l);
    cx.produce(
        CALIBRATION_TEMPLATE,
        minijinja::context! { cert => Value::from_serialize(&shared) },
        CALIBRATION_OUTPUT,
    )
}
