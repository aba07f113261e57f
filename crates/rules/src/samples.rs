//! Sample values cannot slip into print: a project of another commune (its authority is not
//! the sample's) that still holds a value of the embedded sample project where a commune puts
//! its own (award money, legal bases, recipients, the programme's times, leads and speakers,
//! the signer), or a text naming the sample's commune, gets a located warning for each, coded
//! [`SAMPLE_VALUE`] (an error under `--strict`). A placeholder name ("Nguyễn Văn A") is one in
//! every project.
//!
//! The sample's values are read from the embedded default project (`crates/default`), never
//! written here: what is compared is where a value stands (its field path), listed below.
//! The embedded default itself, and a copy of it whose authority is still the sample's, is the
//! sample: its values are not flagged (its `sample: true` marks say what is sample there).
//!
//! A value that is right as it is (a national law every commune cites) is confirmed with a
//! comment `# đã kiểm tra` at the end of its line: the warning goes.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::diag::{Diagnostic, Diagnostics, SAMPLE_VALUE};
use crate::load::{self, Data};
use crate::model::HonoreeKind;
use crate::msg;
use crate::project::Project;
use crate::text::fold;

/// The fields where a commune writes its own values, per file kind (`[]`: any index).
const OWN_VALUES: &[(Kind, &str)] = &[
    (Kind::Plan, "signature.name"),
    (Kind::Plan, "plan.recipients[]"),
    (Kind::Decision, "award.collective"),
    (Kind::Decision, "award.individual"),
    (Kind::Decision, "bases[]"),
    (Kind::Decision, "recipients[]"),
    (Kind::Decision, "signature.name"),
    (Kind::Agenda, "items[].time"),
    (Kind::Agenda, "items[].lead"),
    (Kind::Agenda, "items[].speakers[].honoree"),
    (Kind::Agenda, "items[].speakers[].name"),
    (Kind::Agenda, "items[].speakers[].topic"),
];

/// Located warnings per file at most; the rest are counted in a note.
const SHOWN: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Plan,
    Agenda,
    Responsibilities,
    Decision,
    Delegates,
    Honorees,
}

/// What the embedded sample holds, read once per process.
struct Sample {
    /// The sample's authority (`authority.name`) and place (`authority.place`), folded.
    authority: String,
    place: String,
    /// The place as the sample writes it, for messages.
    place_text: String,
    values: HashMap<(Kind, &'static str), HashSet<String>>,
}

fn sample() -> Option<&'static Sample> {
    static SAMPLE: OnceLock<Option<Sample>> = OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let data = load::load(&Project::embedded()).ok()?;
            let mut values: HashMap<(Kind, &'static str), HashSet<String>> = HashMap::new();
            for (kind, value) in files(&data) {
                for (path, v) in value {
                    if let Some(p) = own_pattern(kind, &path) {
                        values.entry((kind, p)).or_default().insert(v);
                    }
                }
            }
            Some(Sample {
                authority: fold(&data.plan.authority.name),
                place: fold(&data.plan.authority.place),
                place_text: data.plan.authority.place.clone(),
                values,
            })
        })
        .as_ref()
}

/// Reads the embedded sample now, so that [`run`] finds it read: it is a second load of a
/// whole project (22 % of what the default project costs before its first document), and the
/// pipeline calls this on a thread of its own while it loads the clerk's project.
pub fn warm() {
    let _ = sample();
}

pub fn run(data: &Data, out: &mut Diagnostics) {
    placeholder_names(data, out);
    let Some(sample) = sample() else {
        return;
    };
    // The sample itself (the embedded default, or a copy still of the sample's commune).
    if fold(&data.plan.authority.name) == sample.authority
        && fold(&data.plan.authority.place) == sample.place
    {
        return;
    }
    for (kind, value) in files(data) {
        let Some((file, locate)) = source(data, kind) else {
            continue;
        };
        let mut found: Vec<Diagnostic> = Vec::new();
        for (path, v) in &value {
            let (path, v) = (path.as_str(), v.as_str());
            let same = own_pattern(kind, path)
                .and_then(|p| sample.values.get(&(kind, p)))
                .is_some_and(|set| set.contains(v));
            let names_place = !same && !sample.place.is_empty() && holds_words(v, &sample.place);
            if !(same || names_place) {
                continue;
            }
            let loc = locate(path);
            if loc.excerpt.as_deref().is_some_and(confirmed) {
                continue;
            }
            let shown = short(v);
            let d = if same {
                Diagnostic::warning(msg::sample_value(&shown)).hint(msg::sample_value_hint())
            } else {
                Diagnostic::warning(msg::sample_place(&shown, &sample.place_text))
                    .hint(msg::sample_place_hint(&sample.place_text))
            };
            found.push(d.at(loc).field(path.to_string()).code(SAMPLE_VALUE));
        }
        let more = found.len().saturating_sub(SHOWN);
        out.0.extend(found.into_iter().take(SHOWN));
        if more > 0 {
            out.push(
                Diagnostic::info(msg::sample_more(more, &file))
                    .in_file(file.clone())
                    .code(SAMPLE_VALUE),
            );
        }
    }
}

/// "Nguyễn Văn A", "Trần Thị B": a person's name whose last word is one capital letter is a
/// placeholder, in any project.
fn placeholder_names(data: &Data, out: &mut Diagnostics) {
    let mut check = |kind: Kind, path: &str, name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let placeholder = words.len() >= 2
            && words.last().is_some_and(|w| {
                let mut c = w.chars();
                matches!((c.next(), c.next()), (Some(l), None) if l.is_uppercase())
            });
        if placeholder && let Some((_, locate)) = source(data, kind) {
            out.push(
                Diagnostic::warning(msg::sample_placeholder_name(name))
                    .at(locate(path))
                    .field(path.to_string())
                    .hint(msg::sample_placeholder_name_hint())
                    .code(SAMPLE_VALUE),
            );
        }
    };
    check(Kind::Plan, "signature.name", &data.plan.signature.name);
    if let Some(d) = &data.decision
        && let Some(s) = &d.file.signature
    {
        check(Kind::Decision, "signature.name", &s.name);
    }
    if let Some((f, _)) = &data.delegates {
        for (i, d) in f.delegates.iter().enumerate() {
            if let Some(n) = &d.name {
                check(Kind::Delegates, &format!("delegates[{i}].name"), n);
            }
        }
    }
    if let Some((f, _)) = &data.honorees {
        for (i, h) in f.honorees.iter().enumerate() {
            if h.kind == HonoreeKind::Individual {
                check(Kind::Honorees, &format!("honorees[{i}].name"), &h.name);
            }
        }
    }
    if let Some((a, _)) = &data.agenda {
        for (i, item) in a.items.iter().enumerate() {
            for (k, sp) in item.speakers.iter().enumerate() {
                if let Some(n) = &sp.name {
                    check(Kind::Agenda, &format!("items[{i}].speakers[{k}].name"), n);
                }
            }
        }
    }
}

/// Each file of the data with its texts and numbers, each with its field path
/// ("items[3].lead", "award.collective").
fn files(data: &Data) -> Vec<(Kind, Vec<(String, String)>)> {
    fn v<T: serde::Serialize>(x: &T) -> Option<Vec<(String, String)>> {
        let mut leaves = Vec::new();
        load::walk_leaves(x, &mut |path, v| {
            leaves.push((path.to_string(), v.to_string()))
        });
        Some(leaves)
    }
    let mut out = Vec::new();
    out.extend(v(&data.plan).map(|x| (Kind::Plan, x)));
    out.extend(
        data.agenda
            .as_ref()
            .and_then(|(a, _)| v(a))
            .map(|x| (Kind::Agenda, x)),
    );
    out.extend(
        data.responsibilities
            .as_ref()
            .and_then(|(r, _)| v(r))
            .map(|x| (Kind::Responsibilities, x)),
    );
    out.extend(
        data.decision
            .as_ref()
            .and_then(|d| v(&d.file))
            .map(|x| (Kind::Decision, x)),
    );
    out.extend(
        data.delegates
            .as_ref()
            .and_then(|(l, _)| v(l))
            .map(|x| (Kind::Delegates, x)),
    );
    out.extend(
        data.honorees
            .as_ref()
            .and_then(|(l, _)| v(l))
            .map(|x| (Kind::Honorees, x)),
    );
    out
}

type Locate<'a> = Box<dyn Fn(&str) -> crate::diag::Location + 'a>;

/// The file of `kind` in `data`, and where a field path is in it.
fn source(data: &Data, kind: Kind) -> Option<(String, Locate<'_>)> {
    match kind {
        Kind::Plan => Some((
            data.plan_src.file.clone(),
            Box::new(|p| data.plan_src.locate(p)),
        )),
        Kind::Agenda => data.agenda.as_ref().map(|(_, d)| {
            (
                d.file.clone(),
                Box::new(move |p: &str| d.locate(p)) as Locate<'_>,
            )
        }),
        Kind::Responsibilities => data.responsibilities.as_ref().map(|(_, d)| {
            (
                d.file.clone(),
                Box::new(move |p: &str| d.locate(p)) as Locate<'_>,
            )
        }),
        Kind::Decision => data.decision.as_ref().map(|d| {
            (
                d.src.file.clone(),
                Box::new(move |p: &str| d.src.locate(p)) as Locate<'_>,
            )
        }),
        Kind::Delegates => data.delegates.as_ref().map(|(_, s)| {
            (
                s.file().to_string(),
                Box::new(move |p: &str| s.locate(p)) as Locate<'_>,
            )
        }),
        Kind::Honorees => data.honorees.as_ref().map(|(_, s)| {
            (
                s.file().to_string(),
                Box::new(move |p: &str| s.locate(p)) as Locate<'_>,
            )
        }),
    }
}

/// The pattern of [`OWN_VALUES`] that `path` is, for a file of `kind`.
fn own_pattern(kind: Kind, path: &str) -> Option<&'static str> {
    let general = without_indices(path);
    OWN_VALUES
        .iter()
        .find(|(k, p)| *k == kind && *p == general)
        .map(|(_, p)| *p)
}

/// "items[3].speakers[0].name" → "items[].speakers[].name".
fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// Whether `text`'s words hold the words of `place` (folded), as a whole.
fn holds_words(text: &str, place: &str) -> bool {
    let t = fold(text);
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let p: Vec<&str> = place.split(' ').filter(|w| !w.is_empty()).collect();
    !p.is_empty() && words.windows(p.len()).any(|w| w == p.as_slice())
}

/// A line the clerk marked as checked: `# đã kiểm tra` (tone marks optional) or `# checked`.
pub(crate) fn confirmed(line: &str) -> bool {
    line.split_once('#').is_some_and(|(_, comment)| {
        let c = fold(comment);
        c.contains("da kiem tra") || c.contains("checked")
    })
}

fn short(s: &str) -> String {
    if s.chars().count() > 70 {
        format!("{}…", s.chars().take(70).collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_words() {
        assert_eq!(
            without_indices("items[3].speakers[10].name"),
            "items[].speakers[].name"
        );
        assert_eq!(own_pattern(Kind::Decision, "bases[2]"), Some("bases[]"));
        assert_eq!(own_pattern(Kind::Plan, "bases[2]"), None);
        assert!(holds_words(
            "Nhà Văn hoá thôn Hà Tiên xã Thượng Hồng.",
            "thuong hong"
        ));
        assert!(!holds_words("xã Thượng Hồng Phúc", "hong phuc thuong"));
        assert!(!holds_words("Thượng", "thuong hong"));
        assert!(confirmed("  - Căn cứ Luật …;   # đã kiểm tra"));
        assert!(confirmed("  collective: 1404000  # Da kiem tra"));
        assert!(!confirmed("  collective: 1404000  # tiền thưởng"));
    }

    /// The sample's values come from the embedded default project (not from this file).
    #[test]
    fn the_sample_is_read_from_the_embedded_project() {
        let s = sample().expect("the embedded default loads");
        let project = Project::embedded();
        let data = load::load(&project).unwrap();
        assert_eq!(s.place, fold(&data.plan.authority.place));
        let award = data.decision.as_ref().unwrap().file.award.as_ref().unwrap();
        assert!(
            s.values[&(Kind::Decision, "award.collective")]
                .contains(&award.collective.unwrap().to_string())
        );
        assert_eq!(
            s.values[&(Kind::Decision, "bases[]")].len(),
            data.decision.as_ref().unwrap().file.bases.len()
        );
        // The sample judged against itself: nothing.
        let mut out = Diagnostics::default();
        run(&data, &mut out);
        assert!(out.is_empty(), "{out}");
    }
}
