//! The agenda: items in time order after the conference's start, speakers who exist.

use crate::diag::Diagnostics;
use crate::load::Data;
use crate::msg;
use crate::text::ClockTime;

/// The programme booklet prints the agenda in time order under the conference's start time,
/// and speakers' names from the honours list: a slip in either would print a wrong programme.
pub fn run(data: &Data, out: &mut Diagnostics) {
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
            if t < start {
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
