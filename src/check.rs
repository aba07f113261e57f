//! `vinhdanh check`: the plan's own rules verified from data. The plan fixes the delegate
//! composition (a tree of groups with a number or a range each) and the honours quotas, and
//! asks for balance between fields, genders and ages; a clerk who prints 150 invitations for a
//! 120–150 conference, or forgets a whole field, finds out here rather than at the door.
//!
//! Error-level findings (quota breaches, unknown groups, duplicates, impossible birth years)
//! also stop `build` (see [`crate::pipeline::prepare`]); text findings (mixed tone-mark
//! placement, stray spaces, decomposed text) are warnings only.

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};

use chrono::Datelike;
use serde::Serialize;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use crate::collate;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::load::{self, Data};
use crate::model::{Group, HonoreeKind};
use crate::project::Project;
use crate::text::{self, PartialDate};
use crate::tone::{self, TextIssue};
use crate::validate::walk_strings;

/// One line of a quota table: the plan's number against the list's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaRow {
    pub depth: usize,
    pub id: String,
    pub label: String,
    /// The plan's (min, max); `None` when the plan gives no number.
    pub planned: Option<(u32, u32)>,
    pub actual: usize,
    pub soft: bool,
}

impl QuotaRow {
    pub fn ok(&self) -> bool {
        self.planned.is_none_or(|(a, b)| {
            let n = self.actual as u64;
            (a as u64..=b as u64).contains(&n)
        })
    }
}

/// How the plan's parts add up to a group's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumLine {
    pub label: String,
    /// "2 + 3 + 2 + 5 + 5 + 3 + 2 + 15".
    pub terms: String,
    pub sum: (u32, u32),
    pub planned: (u32, u32),
    /// A single part is read as "trong đó" (of which): it only has to fit in the whole.
    pub of_which: bool,
    pub ok: bool,
}

/// A count per value (field, gender, age band, unit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Balance {
    pub title: String,
    pub rows: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub delegates_file: Option<String>,
    pub honorees_file: Option<String>,
    pub composition: Vec<QuotaRow>,
    pub sums: Vec<SumLine>,
    pub honours: Vec<QuotaRow>,
    pub balance: Vec<Balance>,
    /// Fields the plan asks to balance that no honoree represents.
    pub empty_fields: Vec<String>,
}

/// Runs every check on loaded data. The report holds the tables; problems are in the
/// diagnostics (errors for what would print a wrong document, warnings for the rest).
pub fn check(data: &Data) -> (CheckReport, Diagnostics) {
    let mut out = Diagnostics::default();
    let mut report = CheckReport {
        delegates_file: data.delegates.as_ref().map(|(_, s)| s.file().to_string()),
        honorees_file: data.honorees.as_ref().map(|(_, s)| s.file().to_string()),
        ..CheckReport::default()
    };
    plan_arithmetic(data, &mut report, &mut out);
    composition(data, &mut report, &mut out);
    honours(data, &mut report, &mut out);
    balance(data, &mut report, &mut out);
    people(data, &mut out);
    text_hygiene(data, &mut out);
    (report, out)
}

/// The error-level checks, for `build` (warnings are `check`'s business).
pub fn errors(data: &Data) -> Diagnostics {
    let (_, d) = check(data);
    Diagnostics(d.0.into_iter().filter(Diagnostic::is_error).collect())
}

fn range_text(r: (u32, u32)) -> String {
    match r {
        (a, b) if a == b => a.to_string(),
        (a, u32::MAX) => format!("≥ {a}"),
        (0, b) => format!("≤ {b}"),
        (a, b) => format!("{a}–{b}"),
    }
}

fn term_text(r: (u32, u32)) -> String {
    if r.0 == r.1 {
        r.0.to_string()
    } else {
        format!("({})", range_text(r))
    }
}

fn ids_of(g: &Group) -> Vec<String> {
    let mut v = Vec::new();
    g.walk("", &mut |g, _, _| v.push(g.id.clone()));
    v
}

/// The plan's own arithmetic: the parts of each group add up to its number. Several parts
/// ("gồm": the group consists of them) must sum into the group's range; a single part
/// ("trong đó": of which) only has to fit inside it.
fn plan_arithmetic(data: &Data, report: &mut CheckReport, out: &mut Diagnostics) {
    let doc = &data.plan_src;
    data.plan.composition.walk("composition", &mut |g, path, _| {
        if g.groups.is_empty() {
            return;
        }
        let Some(planned) = g.range() else { return };
        let parts: Vec<(u32, u32)> = g.groups.iter().filter_map(Group::range).collect();
        if parts.len() != g.groups.len() {
            return; // validation reports the group without a number
        }
        let sum = parts.iter().fold((0u32, 0u32), |(a, b), &(x, y)| {
            (a.saturating_add(x), b.saturating_add(y))
        });
        let terms = parts
            .iter()
            .map(|&r| term_text(r))
            .collect::<Vec<_>>()
            .join(" + ");
        let of_which = parts.len() == 1;
        let ok = if of_which {
            sum.1 <= planned.1
        } else {
            planned.0 <= sum.0 && sum.1 <= planned.1
        };
        if !ok {
            let msg = if of_which {
                format!(
                    "Kế hoạch tự mâu thuẫn: “{}” có {}, nhưng phần “trong đó” ({}) lại nhiều hơn",
                    g.label,
                    range_text(planned),
                    range_text(sum)
                )
            } else {
                format!(
                    "Kế hoạch tự mâu thuẫn: “{}” ghi {}, nhưng các nhóm con cộng lại {} = {}",
                    g.label,
                    range_text(planned),
                    terms,
                    range_text(sum)
                )
            };
            out.push(
                doc.error(&format!("{path}.groups"), msg)
                    .hint("sửa số của nhóm hoặc của các nhóm con trong data/plan.yaml cho khớp nhau"),
            );
        }
        report.sums.push(SumLine {
            label: g.label.clone(),
            terms,
            sum,
            planned,
            of_which,
            ok,
        });
    });
}

fn composition(data: &Data, report: &mut CheckReport, out: &mut Diagnostics) {
    let root = &data.plan.composition;
    // Each group's ancestors (itself included), to count a delegate in all of them.
    let mut chain: HashMap<String, Vec<String>> = HashMap::new();
    let mut stack: Vec<String> = Vec::new();
    root.walk("composition", &mut |g, _, depth| {
        stack.truncate(depth);
        stack.push(g.id.clone());
        chain.insert(g.id.clone(), stack.clone());
    });
    let Some((file, src)) = &data.delegates else {
        return;
    };
    if file.delegates.is_empty() {
        out.push(
            src.error("delegates", "danh sách đại biểu trống").hint(
                "thêm đại biểu (mỗi người một mục “- …”), hoặc xóa tệp nếu chưa lập danh sách",
            ),
        );
    }
    let all_ids = ids_of(root);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (i, d) in file.delegates.iter().enumerate() {
        let path = format!("delegates[{i}].group");
        match chain.get(&d.group) {
            Some(ancestors) => {
                for a in ancestors {
                    *counts.entry(a.as_str()).or_default() += 1;
                }
                let g = root.find(&d.group).expect("in chain");
                // A "gồm" group is fully split into its parts: a delegate must name the part.
                if g.groups.len() > 1 {
                    out.push(
                        src.warning(
                            &path,
                            format!(
                                "đại biểu ghi nhóm chung “{}” ({}), không ghi nhóm con",
                                d.group, g.label
                            ),
                        )
                        .record(delegate_label(data, i))
                        .hint(format!(
                            "ghi một trong các nhóm con: {}",
                            g.groups
                                .iter()
                                .map(|c| c.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    );
                }
            }
            None => {
                let mut d = src
                    .error(
                        &path,
                        format!(
                            "nhóm “{}” không có trong thành phần đại biểu của Kế hoạch",
                            d.group
                        ),
                    )
                    .record(delegate_label(data, i));
                d = d.hint(match nearest(&file.delegates[i].group, &all_ids) {
                    Some(best) => format!(
                        "có phải ý bạn là “{best}”? Các nhóm: {}",
                        all_ids.join(", ")
                    ),
                    None => format!("các nhóm của Kế hoạch: {}", all_ids.join(", ")),
                });
                out.push(d);
            }
        }
    }
    let delegates_file = src.file().to_string();
    root.walk("composition", &mut |g, path, depth| {
        let row = QuotaRow {
            depth,
            id: g.id.clone(),
            label: g.label.clone(),
            planned: g.range(),
            actual: counts.get(g.id.as_str()).copied().unwrap_or(0),
            soft: g.soft,
        };
        if !row.ok() {
            let (a, b) = row.planned.expect("not ok means planned");
            let what = if row.actual < a as usize {
                "thiếu"
            } else {
                "vượt"
            };
            let msg = format!(
                "{}: danh sách {} có {} đại biểu, Kế hoạch ghi {} ({what})",
                g.label,
                delegates_file,
                row.actual,
                range_text((a, b))
            );
            let loc_path = if g.count.is_some() {
                format!("{path}.count")
            } else {
                format!("{path}.min")
            };
            let d = if g.soft {
                data.plan_src.warning(&loc_path, msg)
            } else {
                data.plan_src.error(&loc_path, msg)
            };
            out.push(d.hint(format!(
                "sửa danh sách đại biểu (cột group = “{}”) hoặc số lượng trong data/plan.yaml; ghi `soft: true` cho nhóm nếu chỉ cần cảnh báo",
                g.id
            )));
        }
        report.composition.push(row);
    });
}

fn kind_vi(k: HonoreeKind) -> &'static str {
    match k {
        HonoreeKind::Collective => "tập thể",
        HonoreeKind::Individual => "cá nhân",
    }
}

fn honours(data: &Data, report: &mut CheckReport, out: &mut Diagnostics) {
    let Some((file, src)) = &data.honorees else {
        return;
    };
    if file.honorees.is_empty() {
        out.push(
            src.error("honorees", "danh sách khen thưởng trống").hint(
                "thêm tập thể, cá nhân đề nghị khen thưởng, hoặc xóa tệp nếu chưa có danh sách",
            ),
        );
    }
    for (i, q) in data.plan.honours.iter().enumerate() {
        let actual = file.honorees.iter().filter(|h| h.kind == q.kind).count();
        let row = QuotaRow {
            depth: 0,
            id: q.id.clone(),
            label: q.label.clone(),
            planned: q.range(),
            actual,
            soft: q.soft,
        };
        if !row.ok() {
            let (a, b) = row.planned.expect("not ok means planned");
            let what = if actual < a as usize {
                "thiếu"
            } else {
                "vượt"
            };
            let msg = format!(
                "{}: danh sách {} có {actual} {}, Kế hoạch ghi {} ({what})",
                q.label,
                src.file(),
                kind_vi(q.kind),
                range_text((a, b))
            );
            let p = format!("honours[{i}]");
            let d = if q.soft {
                data.plan_src.warning(&p, msg)
            } else {
                data.plan_src.error(&p, msg)
            };
            out.push(d.hint(
                "sửa danh sách khen thưởng hoặc số lượng trong data/plan.yaml (honours); `soft: true` nếu chỉ cần cảnh báo",
            ));
        }
        report.honours.push(row);
    }
}

/// Comparison key of a field name: lowercase, NFC, new tone-mark placement ("văn hóa" and
/// "Văn hoá" are one field).
fn field_key(s: &str) -> String {
    tone::convert(&text::nfc(s.trim()).to_lowercase(), tone::Style::New)
}

fn age_band(age: i32) -> &'static str {
    match age {
        ..30 => "dưới 30 tuổi",
        30..40 => "30–39 tuổi",
        40..50 => "40–49 tuổi",
        50..60 => "50–59 tuổi",
        _ => "từ 60 tuổi",
    }
}

fn balance(data: &Data, report: &mut CheckReport, out: &mut Diagnostics) {
    let Some((file, src)) = &data.honorees else {
        return;
    };
    let plan_fields = &data.plan.conference.fields;
    let conf_date = PartialDate::parse(&data.plan.conference.date)
        .ok()
        .and_then(|d| d.full());

    // By field, in the plan's order, then fields the plan does not list.
    let mut by_field: Vec<(String, usize)> = plan_fields.iter().map(|f| (f.clone(), 0)).collect();
    let mut no_field = 0;
    for (i, h) in file.honorees.iter().enumerate() {
        let Some(f) = h.field.as_deref().filter(|f| !f.trim().is_empty()) else {
            no_field += 1;
            continue;
        };
        let key = field_key(f);
        match by_field.iter_mut().find(|(name, _)| field_key(name) == key) {
            Some((_, n)) => *n += 1,
            None => {
                if !plan_fields.is_empty() && plan_fields.iter().all(|p| field_key(p) != key) {
                    out.push(
                        src.warning(
                            &format!("honorees[{i}].field"),
                            format!(
                                "lĩnh vực “{f}” không có trong danh sách lĩnh vực của Kế hoạch"
                            ),
                        )
                        .record(honoree_label(data, i))
                        .hint(format!(
                            "các lĩnh vực (conference.fields trong data/plan.yaml): {}",
                            plan_fields.join(", ")
                        )),
                    );
                }
                by_field.push((f.to_string(), 1));
            }
        }
    }
    for (name, n) in &by_field {
        if *n == 0 {
            report.empty_fields.push(name.clone());
        }
    }
    if !report.empty_fields.is_empty() {
        out.push(
            data.plan_src
                .warning(
                    "conference.fields",
                    format!(
                        "chưa có điển hình nào thuộc lĩnh vực: {} (Kế hoạch yêu cầu cân đối giữa các lĩnh vực)",
                        report.empty_fields.join(", ")
                    ),
                )
                .hint("bổ sung tập thể, cá nhân của lĩnh vực này, hoặc ghi `field:` cho các điển hình đã có"),
        );
    }
    if no_field > 0 {
        by_field.push(("(chưa ghi lĩnh vực)".into(), no_field));
    }
    report.balance.push(Balance {
        title: "Theo lĩnh vực (tập thể và cá nhân)".into(),
        rows: by_field,
    });

    let individuals: Vec<(usize, &crate::model::Honoree)> = file
        .honorees
        .iter()
        .enumerate()
        .filter(|(_, h)| h.kind == HonoreeKind::Individual)
        .collect();
    let (mut male, mut female, mut unknown) = (0, 0, 0);
    for (_, h) in &individuals {
        match h.gender {
            Some(crate::model::Gender::Male) => male += 1,
            Some(crate::model::Gender::Female) => female += 1,
            None => unknown += 1,
        }
    }
    let mut rows = vec![("nam".to_string(), male), ("nữ".to_string(), female)];
    if unknown > 0 {
        rows.push(("(chưa ghi)".into(), unknown));
    }
    report.balance.push(Balance {
        title: "Theo giới tính (cá nhân)".into(),
        rows,
    });

    if let Some(date) = conf_date {
        let year = date.year();
        let bands = [
            "dưới 30 tuổi",
            "30–39 tuổi",
            "40–49 tuổi",
            "50–59 tuổi",
            "từ 60 tuổi",
        ];
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut unknown = 0;
        for (i, h) in &individuals {
            match h.birth_year {
                Some(y) if y > year || year - y > 110 => {
                    out.push(
                        src.error(
                            &format!("honorees[{i}].birth_year"),
                            format!("năm sinh {y} không hợp lệ (hội nghị năm {year})"),
                        )
                        .record(honoree_label(data, *i))
                        .hint("ghi năm sinh bốn chữ số, ví dụ 1975"),
                    );
                }
                Some(y) => *counts.entry(age_band(year - y)).or_default() += 1,
                None => unknown += 1,
            }
        }
        let mut rows: Vec<(String, usize)> = bands
            .iter()
            .map(|b| (b.to_string(), counts.get(b).copied().unwrap_or(0)))
            .collect();
        if unknown > 0 {
            rows.push(("(chưa ghi năm sinh)".into(), unknown));
        }
        report.balance.push(Balance {
            title: format!(
                "Theo độ tuổi (cá nhân, tính đến {})",
                text::date_short(date)
            ),
            rows,
        });
    }

    let mut by_unit: Vec<(String, usize)> = Vec::new();
    for h in &file.honorees {
        let unit = h.unit.clone().unwrap_or_else(|| "(chưa ghi đơn vị)".into());
        match by_unit.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, n)) => *n += 1,
            None => by_unit.push((unit, 1)),
        }
    }
    by_unit.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| collate::compare(&a.0, &b.0)));
    report.balance.push(Balance {
        title: "Theo thôn, đơn vị".into(),
        rows: by_unit,
    });
}

/// "đại biểu db-012 (Nguyễn Văn An)": how a clerk finds the record.
pub fn delegate_label(data: &Data, i: usize) -> String {
    let Some((f, _)) = &data.delegates else {
        return format!("đại biểu thứ {}", i + 1);
    };
    let Some(d) = f.delegates.get(i) else {
        return format!("đại biểu thứ {}", i + 1);
    };
    let id = d.id.clone().unwrap_or_else(|| format!("thứ {}", i + 1));
    let who = d
        .name
        .clone()
        .or_else(|| d.unit.clone())
        .or_else(|| d.honoree.clone())
        .unwrap_or_default();
    if who.is_empty() {
        format!("đại biểu {id}")
    } else {
        format!("đại biểu {id} ({})", shorten(&who))
    }
}

pub fn honoree_label(data: &Data, i: usize) -> String {
    let Some(h) = data.honorees.as_ref().and_then(|(f, _)| f.honorees.get(i)) else {
        return format!("mục khen thưởng thứ {}", i + 1);
    };
    format!("{} {} ({})", kind_vi(h.kind), h.id, shorten(&h.name))
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The record a field path of a list file belongs to, for diagnostics made elsewhere
/// (font coverage in validation) that only know the path.
pub fn record_for(data: &Data, file: &str, path: &str) -> Option<String> {
    let index = |prefix: &str| -> Option<usize> {
        path.strip_prefix(prefix)?
            .strip_prefix('[')?
            .split(']')
            .next()?
            .parse()
            .ok()
    };
    let is = |src: Option<&str>| src == Some(file);
    if is(data.delegates.as_ref().map(|(_, s)| s.file())) {
        return index("delegates").map(|i| delegate_label(data, i));
    }
    if is(data.honorees.as_ref().map(|(_, s)| s.file())) {
        return index("honorees").map(|i| honoree_label(data, i));
    }
    None
}

/// Adds the record to located diagnostics about list files that lack one.
pub fn annotate_records(data: &Data, diags: &mut Diagnostics) {
    for d in &mut diags.0 {
        if d.record.is_some() {
            continue;
        }
        if let (Some(loc), Some(field)) = (&d.location, &d.field)
            && let Some(r) = record_for(data, &loc.file, field)
        {
            d.record = Some(r);
        }
    }
}

fn nearest<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), c.as_str()))
        .filter(|(s, _)| *s > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Same person twice, wrong or missing links between the lists, missing fields.
fn people(data: &Data, out: &mut Diagnostics) {
    let key = |name: &str, unit: Option<&str>| {
        let n = text::nfc(name).to_lowercase();
        let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
        let u = text::nfc(unit.unwrap_or("")).to_lowercase();
        let u = u.split_whitespace().collect::<Vec<_>>().join(" ");
        format!("{n}\u{1}{u}")
    };
    let honoree_ids: HashMap<&str, usize> = data
        .honorees
        .as_ref()
        .map(|(f, _)| {
            f.honorees
                .iter()
                .enumerate()
                .map(|(i, h)| (h.id.as_str(), i))
                .collect()
        })
        .unwrap_or_default();

    if let Some((file, src)) = &data.delegates {
        let mut seen_key: HashMap<String, usize> = HashMap::new();
        let mut seen_id: HashMap<&str, usize> = HashMap::new();
        let mut seen_link: HashMap<&str, usize> = HashMap::new();
        // Where honoree-linked delegates are invited: one group normally ("exemplary").
        let mut link_groups: HashMap<&str, usize> = HashMap::new();
        for d in &file.delegates {
            if d.honoree.is_some() {
                *link_groups.entry(d.group.as_str()).or_default() += 1;
            }
        }
        let usual_link_group = link_groups
            .iter()
            .max_by_key(|(g, n)| (**n, std::cmp::Reverse(**g)))
            .filter(|(_, n)| **n >= 3)
            .map(|(g, _)| *g);
        for (i, d) in file.delegates.iter().enumerate() {
            let rec = delegate_label(data, i);
            if let Some(id) = d.id.as_deref()
                && let Some(first) = seen_id.insert(id, i)
            {
                out.push(
                    src.error(
                        &format!("delegates[{i}].id"),
                        format!(
                            "mã “{id}” bị trùng (đã dùng cho {})",
                            delegate_label(data, first)
                        ),
                    )
                    .record(rec.clone())
                    .hint("mỗi đại biểu một mã riêng: tên tệp Giấy mời lấy theo mã này"),
                );
            }
            let has_name = d.name.as_deref().is_some_and(|s| !s.trim().is_empty());
            let has_unit = d.unit.as_deref().is_some_and(|s| !s.trim().is_empty());
            let has_title = d.title.as_deref().is_some_and(|s| !s.trim().is_empty());
            if !has_name && !has_unit && d.honoree.is_none() {
                out.push(
                    src.error(&format!("delegates[{i}]"), "đại biểu không có họ tên, đơn vị, cũng không có mã khen thưởng: không biết mời ai")
                        .record(rec.clone())
                        .hint("ghi `name:` (họ và tên) hoặc `unit:` (cơ quan, đơn vị được mời), hoặc `honoree:` (mã tập thể, cá nhân được khen)"),
                );
            } else if !has_name && has_unit && !has_title && d.honoree.is_none() {
                out.push(
                    src.warning(
                        &format!("delegates[{i}]"),
                        "mời một đơn vị mà không ghi chức danh người dự",
                    )
                    .record(rec.clone())
                    .hint("ghi `title: Đại diện lãnh đạo` (hoặc chức danh phù hợp)"),
                );
            }
            if has_name {
                let k = key(d.name.as_deref().unwrap(), d.unit.as_deref());
                if let Some(first) = seen_key.insert(k, i) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].name"),
                            format!(
                                "đại biểu trùng: cùng họ tên và đơn vị với {}",
                                delegate_label(data, first)
                            ),
                        )
                        .record(rec.clone())
                        .hint("xóa một trong hai mục (một người chỉ nhận một Giấy mời)"),
                    );
                }
            }
            if let Some(h) = d.honoree.as_deref() {
                if data.honorees.is_some() && !honoree_ids.contains_key(h) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].honoree"),
                            format!("mã khen thưởng “{h}” không có trong danh sách khen thưởng"),
                        )
                        .record(rec.clone())
                        .hint("dùng mã của data/honorees.yaml (tt-01, cn-01, …)"),
                    );
                }
                if let Some(first) = seen_link.insert(h, i) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].honoree"),
                            format!(
                                "“{h}” được mời hai lần (cùng mã với {})",
                                delegate_label(data, first)
                            ),
                        )
                        .record(rec.clone())
                        .hint("mỗi tập thể, cá nhân được khen chỉ nhận một Giấy mời"),
                    );
                }
                if let Some(g) = usual_link_group
                    && d.group != g
                {
                    out.push(
                        src.warning(&format!("delegates[{i}].group"), format!("đại biểu được khen thưởng ({h}) lại mời theo nhóm “{}”, trong khi các đại biểu được khen khác thuộc nhóm “{g}”", d.group))
                            .record(rec.clone())
                            .hint(format!("có phải nhóm đúng là “{g}”?")),
                    );
                }
            }
        }
    }

    if let Some((file, src)) = &data.honorees {
        let mut seen_key: HashMap<String, usize> = HashMap::new();
        let mut seen_id: HashMap<&str, usize> = HashMap::new();
        for (i, h) in file.honorees.iter().enumerate() {
            let rec = honoree_label(data, i);
            if let Some(first) = seen_id.insert(h.id.as_str(), i) {
                out.push(
                    src.error(
                        &format!("honorees[{i}].id"),
                        format!(
                            "mã “{}” bị trùng (đã dùng cho {})",
                            h.id,
                            honoree_label(data, first)
                        ),
                    )
                    .record(rec.clone())
                    .hint("mỗi tập thể, cá nhân một mã riêng: tên tệp Giấy khen lấy theo mã này"),
                );
            }
            if h.name.trim().is_empty() {
                out.push(
                    src.error(&format!("honorees[{i}].name"), "thiếu tên")
                        .record(rec.clone())
                        .hint("ghi tên tập thể hoặc họ và tên cá nhân"),
                );
            } else if let Some(first) = seen_key.insert(key(&h.name, h.unit.as_deref()), i) {
                out.push(
                    src.error(
                        &format!("honorees[{i}].name"),
                        format!(
                            "khen thưởng trùng: cùng tên và đơn vị với {}",
                            honoree_label(data, first)
                        ),
                    )
                    .record(rec.clone())
                    .hint("xóa một trong hai mục (mỗi tập thể, cá nhân chỉ nhận một Giấy khen)"),
                );
            }
            if h.achievement.trim().is_empty() {
                out.push(
                    src.error(
                        &format!("honorees[{i}].achievement"),
                        "thiếu thành tích (in trên Giấy khen)",
                    )
                    .record(rec.clone())
                    .hint("ghi một câu thành tích, kết thúc bằng dấu chấm"),
                );
            }
            if h.kind == HonoreeKind::Individual && h.gender.is_none() {
                out.push(
                    src.warning(
                        &format!("honorees[{i}]"),
                        "cá nhân chưa ghi giới tính (cần để xưng Ông/Bà và cân đối giới tính)",
                    )
                    .record(rec.clone())
                    .hint("thêm `gender: nam` hoặc `gender: nữ`"),
                );
            }
            if h.kind == HonoreeKind::Collective && (h.gender.is_some() || h.birth_year.is_some()) {
                out.push(
                    src.warning(
                        &format!("honorees[{i}].kind"),
                        "tập thể mà có giới tính hoặc năm sinh: có phải đây là cá nhân?",
                    )
                    .record(rec.clone())
                    .hint("đổi `kind: individual`, hoặc bỏ gender/birth_year"),
                );
            }
        }
    }
}

/// The last key of a field path, without indices: "plan.body[3].numbered[1]" → "numbered".
fn last_key(path: &str) -> &str {
    let mut p = path;
    while let Some(stripped) = p.strip_suffix(']') {
        match stripped.rfind('[') {
            Some(i) => p = &stripped[..i],
            None => break,
        }
    }
    p.rsplit('.').next().unwrap_or(p)
}

/// Whether a value is free text that `--fix-tone-marks` may respell: prose, headings,
/// achievements, duties, topics, labels. Never a person's or a place's name, a unit, an
/// authority line or a salutation: those are spelled as their owner spells them.
pub fn is_free_text(path: &str) -> bool {
    let key = last_key(path);
    match key {
        "p" | "list" | "numbered" | "section" | "heading" | "subheading" | "closing" | "detail"
        | "note" | "achievement" | "duty" | "tasks" | "topic" | "summary" | "field" | "fields" => {
            true
        }
        // Agenda items' titles are prose; a delegate's or honoree's title is a job title.
        "title" => path.starts_with("items["),
        // Labels of composition groups and honours quotas (not of persons).
        "label" => path.starts_with("composition") || path.starts_with("honours"),
        _ => false,
    }
}

/// Every string of the project's data, with its file, path and source.
/// Called with (file, field path, text, locator) for each string.
type StringVisitor<'v> = dyn FnMut(&str, &str, &str, &dyn Fn(&str) -> Location) + 'v;

fn each_string(data: &Data, f: &mut StringVisitor<'_>) {
    fn go<T: Serialize>(
        value: &T,
        file: &str,
        locate: &dyn Fn(&str) -> Location,
        f: &mut StringVisitor<'_>,
    ) {
        let Ok(v) = serde_yaml::to_value(value) else {
            return;
        };
        walk_strings(&v, "", &mut |path, s| f(file, path, s, locate));
    }
    let plan_loc = |p: &str| data.plan_src.locate(p);
    go(&data.plan, &data.plan_src.file, &plan_loc, f);
    if let Some((a, d)) = &data.agenda {
        go(a, &d.file, &|p: &str| d.locate(p), f);
    }
    if let Some((r, d)) = &data.responsibilities {
        go(r, &d.file, &|p: &str| d.locate(p), f);
    }
    if let Some((v, s)) = &data.delegates {
        go(v, s.file(), &|p: &str| s.locate(p), f);
    }
    if let Some((v, s)) = &data.honorees {
        go(v, s.file(), &|p: &str| s.locate(p), f);
    }
}

fn text_hygiene(data: &Data, out: &mut Diagnostics) {
    let mut free: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut issues = 0usize;
    const MAX_ISSUES: usize = 50;
    each_string(data, &mut |file, path, s, locate| {
        if is_free_text(path) {
            free.push(s.to_string());
        } else {
            names.push(s.to_string());
        }
        for issue in tone::text_issues(s) {
            let msg = match issue {
                TextIssue::DoubleSpace => "có hai dấu cách liền nhau",
                TextIssue::LeadingOrTrailingSpace => "có dấu cách thừa ở đầu hoặc cuối",
                TextIssue::Decomposed => continue, // loading composed it; the raw scan reports it
                TextIssue::ControlChar => {
                    "có ký tự điều khiển hoặc ký tự vô hình (Tab, khoảng trắng độ rộng 0, …)"
                }
            };
            issues += 1;
            if issues > MAX_ISSUES {
                continue;
            }
            let mut d = Diagnostic::warning(msg)
                .at(locate(path))
                .field(path.to_string());
            if let Some(r) = record_for(data, file, path) {
                d = d.record(r);
            }
            out.push(d.hint("xóa các dấu cách, ký tự thừa (chúng không hiện trên màn hình nhưng làm lệch chữ khi in)"));
        }
    });
    if issues > MAX_ISSUES {
        out.push(Diagnostic::warning(format!(
            "… và {} chỗ dấu cách, ký tự thừa khác",
            issues - MAX_ISSUES
        )));
    }
    let r = tone::report(free.iter().map(String::as_str));
    if r.is_mixed() {
        out.push(
            Diagnostic::warning(format!(
                "dữ liệu dùng lẫn hai kiểu bỏ dấu: kiểu cũ {} chỗ (ví dụ {}), kiểu mới {} chỗ (ví dụ {})",
                r.old,
                r.old_examples.join(", "),
                r.new,
                r.new_examples.join(", ")
            ))
            .hint("chạy `vinhdanh check --fix-tone-marks new` (hoặc `old`) để thống nhất; thêm `--dry-run` để xem trước. Chỉ sửa phần văn bản tự do, không sửa tên người, tên địa danh, tên đơn vị"),
        );
    } else {
        let all = tone::report(free.iter().chain(names.iter()).map(String::as_str));
        if all.is_mixed() {
            out.push(Diagnostic::warning(format!(
                "tên riêng (người, địa danh, đơn vị) dùng kiểu bỏ dấu khác phần văn bản: kiểu cũ {} chỗ (ví dụ {}), kiểu mới {} chỗ (ví dụ {})",
                all.old,
                all.old_examples.join(", "),
                all.new,
                all.new_examples.join(", ")
            ))
            .hint("tên riêng giữ đúng cách viết của người, đơn vị đó; --fix-tone-marks không sửa tên riêng"));
        }
    }
}

/// What an image file's first bytes say it is, if it is an image Typst can place.
fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("PNG")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("JPEG")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("GIF")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("WebP")
    } else {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        head.contains("<svg").then_some("SVG")
    }
}

/// Images named in data (the signature-and-seal image) exist inside the project and are
/// images: otherwise Typst fails deep inside the shared library with an English message
/// about the library file, which names neither the data field nor the image.
pub fn assets(project: &Project, data: &Data) -> Diagnostics {
    let mut out = Diagnostics::default();
    let mut one = |path: &str, image: &Option<String>| {
        let Some(rel) = image.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
            return;
        };
        let rel = rel.trim_start_matches('/');
        let d = |msg: String| data.plan_src.error(path, msg);
        match project.read(rel) {
            Ok(Some(bytes)) => {
                if image_kind(&bytes).is_none() {
                    out.push(
                        d(format!("tệp “{rel}” không phải là ảnh (PNG, JPEG, GIF, SVG)"))
                            .hint("xuất lại ảnh chữ ký, dấu dưới dạng PNG rồi ghi đường dẫn tệp đó; hoặc để `image: ~` để in không có ảnh"),
                    );
                }
            }
            Ok(None) => out.push(
                d(format!("không tìm thấy ảnh “{rel}” trong thư mục dự án"))
                    .hint("chép ảnh vào thư mục assets/ của dự án và ghi `image: assets/ten-tep.png`"),
            ),
            Err(e) => out.push(d(format!("{e}")).hint(
                "ảnh phải nằm trong thư mục dự án (không dùng “..”, đường dẫn tuyệt đối hay liên kết trỏ ra ngoài)",
            )),
        }
    };
    one("signature.image", &data.plan.signature.image);
    if let Some(sig) = &data.plan.plan.signature {
        one("plan.signature.image", &sig.image);
    }
    out
}

/// Decomposed (NFD) text in the raw data files: loading composes it, so it prints right, but
/// the file still sorts and searches differently. Reported per file with the first spot.
pub fn raw_text(project: &Project) -> Diagnostics {
    let mut out = Diagnostics::default();
    for rel in [
        load::PLAN,
        load::AGENDA,
        load::RESPONSIBILITIES,
        load::DELEGATES,
        load::HONOREES,
    ] {
        let Ok(Some(bytes)) = project.read(rel) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let mut lines = 0;
        let mut first: Option<(usize, usize)> = None;
        for (i, line) in text.lines().enumerate() {
            if !is_nfc(line) {
                lines += 1;
                if first.is_none() {
                    let col = line
                        .chars()
                        .position(unicode_normalization::char::is_combining_mark)
                        .map_or(1, |p| p + 1);
                    first = Some((i + 1, col));
                }
            }
        }
        if let Some((line, col)) = first {
            out.push(
                Diagnostic::warning(format!(
                    "chữ tổ hợp (dấu gõ rời, dạng NFD) ở {lines} dòng: in vẫn đúng, nhưng tìm kiếm và sắp xếp sẽ sai"
                ))
                .at(Location::at(rel, line, col))
                .hint("gõ lại bằng bộ gõ tiếng Việt với bảng mã Unicode dựng sẵn, hoặc lưu lại tệp bằng một trình soạn thảo có chức năng chuẩn hóa NFC"),
            );
        }
    }
    out
}

/// Rewrites the tone marks of the free-text values of every YAML data file on disk.
/// Where the less used tone-mark style stands in the project's YAML files: the places a clerk
/// would change by hand to make the project consistent (at most a few, then a count).
pub fn tone_locations(project: &Project) -> Diagnostics {
    const SHOWN: usize = 5;
    let mut found: [Vec<(String, tone::Change)>; 2] = [Vec::new(), Vec::new()];
    for rel in project.list("data") {
        if !(rel.ends_with(".yaml") || rel.ends_with(".yml")) {
            continue;
        }
        let Some(source) = project
            .read(&rel)
            .ok()
            .flatten()
            .and_then(|b| String::from_utf8(b.into_owned()).ok())
        else {
            continue;
        };
        // Converting to one style lists exactly the words written in the other.
        for (k, style) in [tone::Style::New, tone::Style::Old].into_iter().enumerate() {
            if let Ok((_, changes)) = tone::fix_yaml(&source, style, &is_free_text) {
                found[k].extend(changes.into_iter().map(|c| (rel.clone(), c)));
            }
        }
    }
    let [old_words, new_words] = found;
    if old_words.is_empty() || new_words.is_empty() {
        return Diagnostics::default();
    }
    let (minority, name, fix) = if new_words.len() <= old_words.len() {
        (new_words, "kiểu mới", "old")
    } else {
        (old_words, "kiểu cũ", "new")
    };
    let mut out = Diagnostics::default();
    for (rel, c) in minority.iter().take(SHOWN) {
        out.push(
            Diagnostic::warning(format!(
                "“{}” bỏ dấu {name}, khác phần lớn dữ liệu (“{}”)",
                c.before, c.after
            ))
            .at(Location::at(rel.clone(), c.line, c.column))
            .field(c.path.clone())
            .hint(format!(
                "sửa tay, hoặc chạy `vinhdanh check --fix-tone-marks {fix}`"
            )),
        );
    }
    if minority.len() > SHOWN {
        out.push(Diagnostic::warning(format!(
            "… và {} chỗ khác bỏ dấu {name} (xem tất cả: `vinhdanh check --fix-tone-marks {fix} --dry-run`)",
            minority.len() - SHOWN
        )));
    }
    out
}

pub fn fix_tone_marks(
    project: &Project,
    style: tone::Style,
    dry_run: bool,
) -> Result<Vec<(String, tone::Change)>, Diagnostics> {
    let Some(_) = project.root() else {
        return Err(Diagnostic::error(
            "cần một thư mục dự án để sửa dữ liệu (bộ mẫu có sẵn trong chương trình thì không sửa được)",
        )
        .hint("tạo dự án bằng `vinhdanh init THƯ-MỤC` rồi chạy `vinhdanh check THƯ-MỤC --fix-tone-marks new`")
        .into());
    };
    let mut changes = Vec::new();
    let mut errors = Diagnostics::default();
    for rel in project.list("data") {
        if !(rel.ends_with(".yaml") || rel.ends_with(".yml")) {
            continue;
        }
        let path = match project.disk_path(&rel) {
            Ok(Some(p)) => p,
            Ok(None) => continue,
            Err(e) => {
                errors.push(Diagnostic::error(e.to_string()).in_file(rel.clone()));
                continue;
            }
        };
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                errors.push(
                    Diagnostic::error(format!("không đọc được tệp: {e}")).in_file(rel.clone()),
                );
                continue;
            }
        };
        match tone::fix_yaml(&source, style, &is_free_text) {
            Ok((new, list)) => {
                if !list.is_empty()
                    && !dry_run
                    && let Err(e) = crate::write::atomic_write(&path, new.as_bytes())
                {
                    errors.push(e.into());
                    continue;
                }
                changes.extend(list.into_iter().map(|c| (rel.clone(), c)));
            }
            Err(e) => errors.push(
                Diagnostic::error(format!(
                    "cú pháp YAML sai, không sửa tệp này: {}",
                    e.message
                ))
                .at(Location::at(rel.clone(), e.line, e.column)),
            ),
        }
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(changes)
    }
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() > width {
        format!("{}…", s.chars().take(width - 1).collect::<String>())
    } else {
        s.to_string()
    }
}

fn status(row: &QuotaRow) -> &'static str {
    match (row.ok(), row.soft) {
        (true, _) => "đạt",
        (false, true) => "CẢNH BÁO",
        (false, false) => "LỖI",
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const W: usize = 58;
        if !self.composition.is_empty() {
            writeln!(
                f,
                "THÀNH PHẦN ĐẠI BIỂU (Kế hoạch mục II.3) — danh sách {}",
                self.delegates_file.as_deref().unwrap_or("?")
            )?;
            writeln!(
                f,
                "  {} {:>9} {:>9}  ",
                pad("Nhóm", W),
                "Kế hoạch",
                "Danh sách"
            )?;
            for r in &self.composition {
                let label = format!("{}{}", "  ".repeat(r.depth), r.label);
                writeln!(
                    f,
                    "  {} {:>9} {:>9}  {}",
                    pad(&clip(&label, W), W),
                    r.planned.map(range_text).unwrap_or_else(|| "—".into()),
                    r.actual,
                    status(r)
                )?;
            }
            writeln!(f)?;
        }
        if !self.sums.is_empty() {
            writeln!(f, "SỐ CỘNG CỦA KẾ HOẠCH")?;
            for s in &self.sums {
                let verdict = match (s.of_which, s.ok) {
                    (false, true) => format!("nằm trong {}: đúng", range_text(s.planned)),
                    (false, false) => format!("KHÔNG khớp {}", range_text(s.planned)),
                    (true, true) => {
                        format!("(trong đó) không vượt {}: đúng", range_text(s.planned))
                    }
                    (true, false) => format!("(trong đó) VƯỢT {}", range_text(s.planned)),
                };
                let mut line = format!("  {}: {}", s.label, s.terms);
                if !s.of_which {
                    let _ = write!(line, " = {}", range_text(s.sum));
                }
                writeln!(f, "{line} — {verdict}")?;
            }
            writeln!(f)?;
        }
        if !self.honours.is_empty() {
            writeln!(
                f,
                "KHEN THƯỞNG (Kế hoạch mục II.3) — danh sách {}",
                self.honorees_file.as_deref().unwrap_or("?")
            )?;
            for r in &self.honours {
                writeln!(
                    f,
                    "  {} {:>9} {:>9}  {}",
                    pad(&clip(&r.label, W), W),
                    r.planned.map(range_text).unwrap_or_else(|| "—".into()),
                    r.actual,
                    status(r)
                )?;
            }
            writeln!(f)?;
        }
        if !self.balance.is_empty() {
            writeln!(f, "CÂN ĐỐI (Kế hoạch mục II.2)")?;
            for b in &self.balance {
                writeln!(f, "  {}:", b.title)?;
                for (k, n) in &b.rows {
                    let flag = if self.empty_fields.contains(k) {
                        "  ← chưa có"
                    } else {
                        ""
                    };
                    writeln!(f, "    {} {:>5}{flag}", pad(&clip(k, W), W), n)?;
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// Whether `s` needs NFC (exposed for tests of the raw scan).
pub fn needs_nfc(s: &str) -> bool {
    s.nfc().ne(s.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_paths() {
        assert!(is_free_text("plan.body[3].body[0].numbered[1]"));
        assert!(is_free_text("honorees[2].achievement"));
        assert!(is_free_text("items[0].title"));
        assert!(is_free_text("composition.groups[1].label"));
        assert!(!is_free_text("honorees[2].name"));
        assert!(!is_free_text("delegates[2].title"));
        assert!(!is_free_text("conference.venue"));
        assert!(!is_free_text("authority.lines[0]"));
        assert!(!is_free_text("delegates[0].salutation"));
        assert!(!is_free_text("items[0].speakers[0].name"));
        assert!(is_free_text("items[0].speakers[0].topic"));
    }

    #[test]
    fn last_key_strips_indices() {
        assert_eq!(last_key("a.b[1][2]"), "b");
        assert_eq!(last_key("x"), "x");
    }

    #[test]
    fn ranges_print_plainly() {
        assert_eq!(range_text((4, 4)), "4");
        assert_eq!(range_text((70, 80)), "70–80");
        assert_eq!(term_text((70, 80)), "(70–80)");
    }

    #[test]
    fn default_project_counts_and_balance() {
        let project = Project::embedded();
        let data = load::load(&project).unwrap();
        let (report, diags) = check(&data);
        assert!(!diags.has_errors(), "{diags}");
        let total = &report.composition[0];
        assert_eq!((total.planned, total.actual), (Some((120, 150)), 139));
        let official = report
            .composition
            .iter()
            .find(|r| r.id == "official")
            .unwrap();
        assert_eq!(official.actual, 74);
        let commune = report.sums.iter().find(|s| s.planned == (37, 37)).unwrap();
        assert_eq!(commune.terms, "2 + 3 + 2 + 5 + 5 + 3 + 2 + 15");
        let total_sum = report
            .sums
            .iter()
            .find(|s| s.planned == (120, 150))
            .unwrap();
        assert_eq!(total_sum.sum, (135, 145));
        assert!(total_sum.ok);
        assert_eq!(report.honours[0].actual, 12);
        assert_eq!(report.honours[1].actual, 32);
        let text = format!("{report}{diags}");
        assert!(text.contains("Theo giới tính"), "{text}");
    }

    #[test]
    fn nfc_detection() {
        assert!(needs_nfc("hoa\u{300}"));
        assert!(!needs_nfc("hoà"));
    }
}
