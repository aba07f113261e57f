//! People: the same person twice, ids used twice, links between the delegate and honoree
//! lists that lead nowhere, records that would print without a name or an achievement.

use std::collections::HashMap;

use super::{delegate_label, honoree_label};
use crate::diag::Diagnostics;
use crate::load::Data;
use crate::model::HonoreeKind;
use crate::msg;
use crate::text;

pub fn run(data: &Data, out: &mut Diagnostics) {
    samples(data, out);
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
                        msg::delegate_id_twice(id, &delegate_label(data, first)),
                    )
                    .record(rec.clone())
                    .hint(msg::delegate_id_twice_hint()),
                );
            }
            let has_name = d.name.as_deref().is_some_and(|s| !s.trim().is_empty());
            let has_unit = d.unit.as_deref().is_some_and(|s| !s.trim().is_empty());
            let has_title = d.title.as_deref().is_some_and(|s| !s.trim().is_empty());
            if !has_name && !has_unit && d.honoree.is_none() {
                out.push(
                    src.error(&format!("delegates[{i}]"), msg::delegate_nobody())
                        .record(rec.clone())
                        .hint(msg::delegate_nobody_hint()),
                );
            } else if !has_name
                && has_unit
                && !has_title
                && d.honoree.is_none()
                // Position and unit in one column: "Đại diện lãnh đạo Sở Nội vụ".
                && !d.unit.as_deref().is_some_and(|u| text::fold(u).starts_with("dai dien"))
            {
                out.push(
                    src.warning(&format!("delegates[{i}]"), msg::delegate_unit_no_title())
                        .record(rec.clone())
                        .hint(msg::delegate_unit_no_title_hint()),
                );
            }
            if let Some(position) = d.name.as_deref().and_then(text::position_title)
                && (d
                    .salutation
                    .as_deref()
                    .is_some_and(|s| !s.trim().is_empty())
                    || d.honoree.is_some())
            {
                out.push(
                    src.warning(
                        &format!("delegates[{i}].name"),
                        msg::name_is_position(&position),
                    )
                    .record(rec.clone())
                    .hint(msg::name_is_position_hint()),
                );
            }
            if has_name {
                // Without a unit, the title holds it ("Chức vụ, đơn vị" in one column).
                let k = key(
                    d.name.as_deref().unwrap(),
                    d.unit.as_deref().or(d.title.as_deref()),
                );
                if let Some(first) = seen_key.insert(k, i) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].name"),
                            msg::delegate_twice(&delegate_label(data, first)),
                        )
                        .record(rec.clone())
                        .hint(msg::delegate_twice_hint()),
                    );
                }
            }
            if let Some(h) = d.honoree.as_deref() {
                if data.honorees.is_some() && !honoree_ids.contains_key(h) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].honoree"),
                            msg::delegate_unknown_honoree(h),
                        )
                        .record(rec.clone())
                        .hint(msg::delegate_unknown_honoree_hint()),
                    );
                }
                if let Some(first) = seen_link.insert(h, i) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].honoree"),
                            msg::honoree_invited_twice(h, &delegate_label(data, first)),
                        )
                        .record(rec.clone())
                        .hint(msg::honoree_invited_twice_hint()),
                    );
                }
                if let Some(g) = usual_link_group
                    && d.group != g
                {
                    out.push(
                        src.warning(
                            &format!("delegates[{i}].group"),
                            msg::honoree_unusual_group(h, &d.group, g),
                        )
                        .record(rec.clone())
                        .hint(msg::honoree_unusual_group_hint(g)),
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
                        msg::honoree_id_twice(&h.id, &honoree_label(data, first)),
                    )
                    .record(rec.clone())
                    .hint(msg::honoree_id_twice_hint()),
                );
            }
            if h.name.trim().is_empty() {
                out.push(
                    src.error(&format!("honorees[{i}].name"), msg::honoree_no_name())
                        .record(rec.clone())
                        .hint(msg::honoree_no_name_hint()),
                );
            } else if let Some(first) = seen_key.insert(key(&h.name, h.unit.as_deref()), i) {
                out.push(
                    src.error(
                        &format!("honorees[{i}].name"),
                        msg::honoree_twice(&honoree_label(data, first)),
                    )
                    .record(rec.clone())
                    .hint(msg::honoree_twice_hint()),
                );
            }
            if h.achievement.trim().is_empty() {
                out.push(
                    src.error(
                        &format!("honorees[{i}].achievement"),
                        msg::honoree_no_achievement(),
                    )
                    .record(rec.clone())
                    .hint(msg::honoree_no_achievement_hint()),
                );
            }
            if h.kind == HonoreeKind::Individual
                && h.gender.is_some()
                && let Some(position) = text::position_title(&h.name)
            {
                out.push(
                    src.warning(
                        &format!("honorees[{i}].name"),
                        msg::name_is_position(&position),
                    )
                    .record(rec.clone())
                    .hint(msg::name_is_position_hint()),
                );
            }
            if h.kind == HonoreeKind::Individual && h.gender.is_none() {
                out.push(
                    src.warning(&format!("honorees[{i}]"), msg::honoree_no_gender())
                        .record(rec.clone())
                        .hint(msg::honoree_no_gender_hint()),
                );
            }
            if h.kind == HonoreeKind::Collective && (h.gender.is_some() || h.birth_year.is_some()) {
                out.push(
                    src.warning(
                        &format!("honorees[{i}].kind"),
                        msg::collective_person_fields(),
                    )
                    .record(rec.clone())
                    .hint(msg::collective_person_fields_hint()),
                );
            }
        }
    }
}

/// Sample data that would print as if it were real.
fn samples(data: &Data, out: &mut Diagnostics) {
    if let Some((list, src)) = &data.delegates
        && list.sample
    {
        out.push(
            src.warning("sample", msg::delegates_sample())
                .hint(msg::delegates_sample_hint()),
        );
    }
    // The honours list's names go on the Decision and every certificate.
    if let Some((list, src)) = &data.honorees
        && list.sample
    {
        out.push(
            src.warning("sample", msg::honorees_sample())
                .hint(msg::honorees_sample_hint()),
        );
    }
    if data.plan.conference.start_is_sample {
        out.push(
            data.plan_src
                .warning("conference.start", msg::start_sample())
                .hint(msg::start_sample_hint()),
        );
    }
}
