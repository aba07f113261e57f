//! The plan's numbers: the delegate composition (a tree of groups with a number or a range
//! each) and the honours quotas are well formed, add up, and the lists keep to them; the
//! balance of fields, genders and ages the plan asks for.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::Datelike;

use super::report::{Balance, CheckReport, QuotaRow, SumLine, range_text, term_text};
use super::{delegate_label, honoree_label, kind_word};
use crate::collate;
use crate::diag::Diagnostics;
use crate::load::{Data, DataSource};
use crate::model::{Group, HonoreeKind};
use crate::msg;
use crate::text;
use crate::tone;

pub fn run(data: &Data, report: &mut CheckReport, out: &mut Diagnostics) {
    structure(data, out);
    plan_arithmetic(data, report, out);
    composition(data, report, out);
    honours(data, report, out);
    balance(data, report, out);
}

/// The plan's own numbers are well formed: unique ids, a count or a min–max pair each.
fn structure(data: &Data, out: &mut Diagnostics) {
    let doc = &data.plan_src;
    let mut ids = HashSet::new();
    data.plan
        .composition
        .walk("composition", &mut |g, path, _| {
            if !ids.insert(g.id.clone()) {
                out.push(doc.error(&format!("{path}.id"), msg::group_id_twice(&g.id)));
            }
            match (g.count, g.min, g.max) {
                (Some(_), None, None) => {}
                (None, Some(a), Some(b)) if a <= b => {}
                (None, Some(a), Some(b)) => {
                    out.push(doc.error(&format!("{path}.min"), msg::min_above_max(a, b)))
                }
                (Some(_), _, _) => out.push(doc.error(path, msg::group_count_and_range())),
                _ => out.push(doc.error(path, msg::group_no_number())),
            }
        });
    for (i, q) in data.plan.honours.iter().enumerate() {
        if !ids.insert(q.id.clone()) {
            out.push(doc.error(&format!("honours[{i}].id"), msg::quota_id_twice(&q.id)));
        }
        if q.range().is_none() {
            out.push(doc.error(&format!("honours[{i}]"), msg::quota_no_number()));
        }
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
    data.plan
        .composition
        .walk("composition", &mut |g, path, _| {
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
                    msg::plan_of_which_exceeds(&g.label, &range_text(planned), &range_text(sum))
                } else {
                    msg::plan_parts_mismatch(
                        &g.label,
                        &range_text(planned),
                        &terms,
                        &range_text(sum),
                    )
                };
                out.push(
                    doc.error(&format!("{path}.groups"), msg)
                        .hint(msg::plan_arithmetic_hint()),
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
            src.error("delegates", msg::delegates_empty())
                .hint(msg::delegates_empty_hint()),
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
                        src.warning(&path, msg::delegate_parent_group(&d.group, &g.label))
                            .record(delegate_label(data, i))
                            .hint(msg::delegate_parent_group_hint(
                                &g.groups
                                    .iter()
                                    .map(|c| c.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            )),
                    );
                }
            }
            None => {
                let mut d = src
                    .error(&path, msg::delegate_unknown_group(&d.group))
                    .record(delegate_label(data, i));
                // Ids and labels are both accepted: suggest from both, name the id.
                let mut names: Vec<(&str, &str)> = Vec::new();
                root.walk("", &mut |g, _, _| {
                    names.push((g.id.as_str(), g.id.as_str()));
                    names.push((g.label.as_str(), g.id.as_str()));
                });
                d = d.hint(
                    match text::nearest(&file.delegates[i].group, names.iter().map(|(n, _)| *n))
                        .and_then(|best| names.iter().find(|(n, _)| *n == best))
                    {
                        Some((best, id)) if best == id => {
                            msg::delegate_group_best(best, &all_ids.join(", "))
                        }
                        Some((best, id)) => {
                            msg::delegate_group_best_id(best, id, &all_ids.join(", "))
                        }
                        None => msg::delegate_group_hint(&all_ids.join(", ")),
                    },
                );
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
                msg::quota_short()
            } else {
                msg::quota_over()
            };
            let msg = msg::composition_off(
                &g.label,
                &delegates_file,
                row.actual,
                &range_text((a, b)),
                &what,
            );
            let loc_path = if g.count.is_some() {
                format!("{path}.count")
            } else {
                format!("{path}.min")
            };
            let place = quota_place(data, src, g);
            let d = if g.soft {
                data.plan_src
                    .warning(&loc_path, msg)
                    .hint(msg::composition_off_soft_hint(&place))
            } else {
                data.plan_src
                    .error(&loc_path, msg)
                    .hint(msg::composition_off_hint(&place))
            };
            out.push(d);
        }
        report.composition.push(row);
    });
}

/// Where the delegates of group `g` are in the list, as the clerk's file says it: the
/// spreadsheet's own column header and the group's name as the list writes it (a label or the
/// id), or the YAML key.
fn quota_place(data: &Data, src: &DataSource, g: &Group) -> String {
    if g.id == data.plan.composition.id {
        return msg::quota_place_all();
    }
    let parent = !g.groups.is_empty();
    // The list names groups by label when any of its rows does.
    let written = || {
        data.group_written.get(&g.id).cloned().unwrap_or_else(|| {
            if data.group_written.is_empty() {
                g.id.clone()
            } else {
                g.label.clone()
            }
        })
    };
    match src {
        DataSource::Table(t) => {
            let header = t.headers.get("group").map_or("group", String::as_str);
            if parent {
                msg::quota_place_column_parent(header, &g.label)
            } else {
                msg::quota_place_column(header, &written())
            }
        }
        DataSource::Yaml(_) => {
            if parent {
                msg::quota_place_yaml_parent(&g.label)
            } else {
                msg::quota_place_yaml(&written())
            }
        }
    }
}

fn honours(data: &Data, report: &mut CheckReport, out: &mut Diagnostics) {
    let Some((file, src)) = &data.honorees else {
        return;
    };
    if file.honorees.is_empty() {
        out.push(
            src.error("honorees", msg::honorees_empty())
                .hint(msg::honorees_empty_hint()),
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
                msg::quota_short()
            } else {
                msg::quota_over()
            };
            let msg = msg::honours_off(
                &q.label,
                src.file(),
                actual,
                &kind_word(q.kind),
                &range_text((a, b)),
                &what,
            );
            let p = format!("honours[{i}]");
            let d = if q.soft {
                data.plan_src
                    .warning(&p, msg)
                    .hint(msg::honours_off_soft_hint())
            } else {
                data.plan_src.error(&p, msg).hint(msg::honours_off_hint())
            };
            out.push(d);
        }
        report.honours.push(row);
    }
}

/// Comparison key of a field name: lowercase, NFC, new tone-mark placement ("văn hóa" and
/// "Văn hoá" are one field).
fn field_key(s: &str) -> String {
    tone::convert(&text::nfc(s.trim()).to_lowercase(), tone::Style::New)
}

/// The index of an age's band in `msg::age_band`.
fn age_band(age: i32) -> usize {
    match age {
        ..30 => 0,
        30..40 => 1,
        40..50 => 2,
        50..60 => 3,
        _ => 4,
    }
}

fn balance(data: &Data, report: &mut CheckReport, out: &mut Diagnostics) {
    let Some((file, src)) = &data.honorees else {
        return;
    };
    let plan_fields = &data.plan.conference.fields;
    let conf_date = Some(data.plan.conference.date);

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
                        src.warning(&format!("honorees[{i}].field"), msg::field_unknown(f))
                            .record(honoree_label(data, i))
                            .hint(
                                match text::nearest(f, plan_fields.iter().map(String::as_str)) {
                                    Some(s) => msg::field_unknown_best(s, &plan_fields.join(", ")),
                                    None => msg::field_unknown_hint(&plan_fields.join(", ")),
                                },
                            ),
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
                    msg::fields_empty(&report.empty_fields.join(", ")),
                )
                .hint(msg::fields_empty_hint()),
        );
    }
    if no_field > 0 {
        by_field.push((msg::balance_no_field(), no_field));
    }
    report.balance.push(Balance {
        title: msg::balance_by_field(),
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
    let mut rows = vec![(msg::gender_male(), male), (msg::gender_female(), female)];
    if unknown > 0 {
        rows.push((msg::balance_unknown(), unknown));
    }
    report.balance.push(Balance {
        title: msg::balance_by_gender(),
        rows,
    });

    if let Some(date) = conf_date {
        let year = date.year();
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        let mut unknown = 0;
        for (i, h) in &individuals {
            match h.birth_year {
                Some(y) if y > year || year - y > 110 => {
                    out.push(
                        src.error(
                            &format!("honorees[{i}].birth_year"),
                            msg::birth_year_invalid(y, year),
                        )
                        .record(honoree_label(data, *i))
                        .hint(msg::birth_year_hint()),
                    );
                }
                Some(y) => *counts.entry(age_band(year - y)).or_default() += 1,
                None => unknown += 1,
            }
        }
        let mut rows: Vec<(String, usize)> = (0..5)
            .map(|b| {
                (
                    msg::age_band(b).to_string(),
                    counts.get(&b).copied().unwrap_or(0),
                )
            })
            .collect();
        if unknown > 0 {
            rows.push((msg::balance_no_birth_year(), unknown));
        }
        report.balance.push(Balance {
            title: msg::balance_by_age(&text::date_short(date)),
            rows,
        });
    }

    let mut by_unit: Vec<(String, usize)> = Vec::new();
    for h in &file.honorees {
        let unit = h.unit.clone().unwrap_or_else(msg::balance_no_unit);
        match by_unit.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, n)) => *n += 1,
            None => by_unit.push((unit, 1)),
        }
    }
    by_unit.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| collate::compare(&a.0, &b.0)));
    report.balance.push(Balance {
        title: msg::balance_by_unit(),
        rows: by_unit,
    });
}
