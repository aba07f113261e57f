//! The conference's day and agenda: a day off questioned, items in time order after the
//! conference's start (the guests' reception may come before it), speakers who exist.

use crate::diag::Diagnostics;
use crate::load::Data;
use crate::msg;
use crate::text::ClockTime;

/// The programme booklet prints the agenda in time order under the conference's start time,
/// and speakers' names from the honours list: a slip in either would print a wrong programme.
pub fn run(data: &Data, out: &mut Diagnostics) {
    day_off(data, out);
    let Some((agenda, adoc)) = &data.agenda else {
        return;
    };
    if agenda.sample {
        out.push(
            adoc.warning("sample", msg::agenda_sample())
                .hint(msg::agenda_sample_hint()),
        );
    }
    let start = data.plan.conference.start;
    let mut previous: Option<(ClockTime, usize)> = None;
    for (i, item) in agenda.items.iter().enumerate() {
        if let Some(t) = item.time {
            if t < start && !is_reception(&item.title) {
                out.push(
                    adoc.warning(
                        &format!("items[{i}].time"),
                        msg::agenda_before_start(&t.short(), &start.short()),
                    )
                    .hint(msg::agenda_before_start_hint()),
                );
            }
            if let Some((p, j)) = previous
                && t <= p
            {
                out.push(
                    adoc.warning(
                        &format!("items[{i}].time"),
                        msg::agenda_not_after(&t.short(), j + 1, &p.short()),
                    )
                    .hint(msg::agenda_order_hint()),
                );
            }
            previous = Some((t, i));
        }
        for (k, sp) in item.speakers.iter().enumerate() {
            let path = format!("items[{i}].speakers[{k}]");
            match &sp.honoree {
                Some(id) => {
                    let known = data
                        .honorees
                        .as_ref()
                        .is_some_and(|(h, _)| h.honorees.iter().any(|x| &x.id == id));
                    if !known {
                        // Never another person's name: a code that is not there is most often
                        // a row deleted from the list, and a near code is another person.
                        let same = data.honorees.as_ref().and_then(|(h, _)| {
                            h.honorees
                                .iter()
                                .find(|x| crate::text::fold(&x.id) == crate::text::fold(id))
                                .map(|x| x.id.as_str())
                        });
                        out.push(
                            adoc.error(&format!("{path}.honoree"), msg::agenda_unknown_speaker(id))
                                .hint(match same {
                                    Some(same) => msg::agenda_unknown_speaker_same(same),
                                    None => msg::agenda_unknown_speaker_hint(),
                                }),
                        );
                    }
                }
                None if sp.name.as_deref().is_none_or(|n| n.trim().is_empty()) => out.push(
                    adoc.error(&path, msg::agenda_speaker_no_name())
                        .hint(msg::agenda_speaker_no_name_hint()),
                ),
                None => {}
            }
        }
    }
}

/// A conference on a Saturday or a Sunday is unusual enough to be a slip (a year or a month
/// mistyped), but a commune may well hold it then: a warning, gone once the clerk marks the
/// date's line `# đã kiểm tra` as for a sample value.
fn day_off(data: &Data, out: &mut Diagnostics) {
    use chrono::{Datelike, Weekday};
    let date = data.plan.conference.date;
    if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return;
    }
    let d = data.plan_src.warning(
        "conference.date",
        msg::conference_day_off(&crate::text::date_short(date), crate::text::weekday(date)),
    );
    let checked = d
        .location
        .as_deref()
        .and_then(|l| l.excerpt.as_deref())
        .is_some_and(crate::samples::confirmed);
    if !checked {
        out.push(d.hint(msg::conference_day_off_hint()));
    }
}

/// Guests are received (and sign in) before the opening, at or before the time the
/// invitations give: an item saying so may come before the conference's start. Any other
/// item before the start is a slip of the time.
fn is_reception(title: &str) -> bool {
    const RECEPTION: [&str; 5] = [
        "don tiep",
        "tiep don",
        "don dai bieu",
        "dang ky dai bieu",
        "diem danh",
    ];
    let t = crate::text::fold(title);
    RECEPTION.iter().any(|w| t.contains(w))
}

#[cfg(test)]
mod tests {
    use super::is_reception;

    #[test]
    fn reception_items_are_known_by_their_words() {
        for t in [
            "Đón tiếp đại biểu",
            "ĐÓN ĐẠI BIỂU",
            "Tiếp đón đại biểu, văn nghệ chào mừng",
            "Đăng ký đại biểu, nhận tài liệu",
        ] {
            assert!(is_reception(t), "{t}");
        }
        for t in [
            "Khai mạc Hội nghị",
            "Văn nghệ chào mừng",
            "Báo cáo tham luận",
        ] {
            assert!(!is_reception(t), "{t}");
        }
    }
}
