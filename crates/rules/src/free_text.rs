//! Text as typed: stray spaces and invisible characters, decomposed (NFD) letters, text typed
//! in the old TCVN3/VNI encodings, and the two tone-mark styles mixed in one project
//! (`check --fix-tone-marks`, in `cli/check.rs`, rewrites free text to one style).

use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::{each_string, record_for};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::load::{Data, tone_fix};
use crate::msg;
use crate::tone::{self, TextIssue};

pub fn run(data: &Data, out: &mut Diagnostics) {
    hygiene(data, out);
    legacy(data, out);
    raw_text(data, out);
    tone_locations(data, out);
}

/// Text typed with an old 8-bit keyboard layout (TCVN3/.VnTime, VNI) and pasted as if it
/// were Unicode prints as garbage ("Hµ Néi"); the spreadsheet import refuses it too.
fn legacy(data: &Data, out: &mut Diagnostics) {
    each_string(data, &mut |_, path, s, locate| {
        if let Some((enc, fixed)) = crate::import::legacy::detect(s) {
            out.push(
                Diagnostic::error(msg::legacy_encoding(s, enc.name()))
                    .at(locate(path))
                    .field(path.to_string())
                    .hint(msg::legacy_encoding_hint(&fixed)),
            );
        }
    });
}

pub(crate) fn last_key(path: &str) -> &str {
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

fn hygiene(data: &Data, out: &mut Diagnostics) {
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
                TextIssue::DoubleSpace => msg::text_double_space(),
                TextIssue::LeadingOrTrailingSpace => msg::text_edge_space(),
                TextIssue::Decomposed => continue, // loading composed it; the raw scan reports it
                TextIssue::ControlChar => msg::text_control_char(),
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
            out.push(d.hint(msg::text_hygiene_hint()));
        }
    });
    // Values of the YAML lists cleaned at load: flagged as typed, where they stand.
    for u in &data.unclean {
        let src = match u.list {
            "delegates" => data.delegates.as_ref().map(|(_, s)| s),
            _ => data.honorees.as_ref().map(|(_, s)| s),
        };
        let Some(src) = src else { continue };
        for issue in tone::text_issues(&u.raw) {
            let msg = match issue {
                TextIssue::DoubleSpace => msg::text_double_space(),
                TextIssue::LeadingOrTrailingSpace => msg::text_edge_space(),
                TextIssue::Decomposed => continue,
                TextIssue::ControlChar => msg::text_control_char(),
            };
            issues += 1;
            if issues > MAX_ISSUES {
                continue;
            }
            let mut d = src.warning(&u.path, msg);
            if let Some(r) = record_for(data, src.file(), &u.path) {
                d = d.record(r);
            }
            out.push(d.hint(msg::text_hygiene_hint()));
        }
    }
    if issues > MAX_ISSUES {
        // The count of the rest: a note, the located warnings above are what to act on.
        out.push(Diagnostic::info(msg::text_more_issues(issues - MAX_ISSUES)));
    }
    let r = tone::report(free.iter().map(String::as_str));
    if r.is_mixed() {
        out.push(
            // A note: the located warnings of the minority's spots below are what to act on.
            Diagnostic::info(msg::tone_mixed(
                r.old,
                &r.old_examples.join(", "),
                r.new,
                &r.new_examples.join(", "),
            ))
            .hint(msg::tone_mixed_hint()),
        );
    } else {
        let all = tone::report(free.iter().chain(names.iter()).map(String::as_str));
        if all.is_mixed() {
            out.push(
                // A note: proper names keep their owner's spelling, nothing to correct.
                Diagnostic::info(msg::tone_names_mixed(
                    all.old,
                    &all.old_examples.join(", "),
                    all.new,
                    &all.new_examples.join(", "),
                ))
                .hint(msg::tone_names_mixed_hint()),
            );
        }
    }
}

/// Decomposed (NFD) text in the raw data files: loading composes it, so it prints right, but
/// the file still sorts and searches differently. Reported per file with the first spot.
fn raw_text(data: &Data, out: &mut Diagnostics) {
    for doc in data.yaml_docs() {
        let text = doc.raw();
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
                Diagnostic::warning(msg::text_nfd(lines))
                    .at(Location::at(doc.file.clone(), line, col))
                    .hint(msg::text_nfd_hint()),
            );
        }
    }
}

/// Where the less used tone-mark style stands in the project's YAML files: the places a clerk
/// would change by hand to make the project consistent (at most a few, then a count).
fn tone_locations(data: &Data, out: &mut Diagnostics) {
    const SHOWN: usize = 5;
    let mut found: [Vec<(String, tone_fix::Change)>; 2] = [Vec::new(), Vec::new()];
    for doc in data.yaml_docs() {
        let (rel, source) = (doc.file.clone(), doc.raw());
        // Converting to one style lists exactly the words written in the other.
        for (k, style) in [tone::Style::New, tone::Style::Old].into_iter().enumerate() {
            let changes = match doc.raw_index() {
                Some(index) => {
                    tone_fix::fix_indexed(source, std::slice::from_ref(index), style, &is_free_text)
                        .1
                }
                None => match tone_fix::fix_yaml(source, style, &is_free_text) {
                    Ok((_, changes)) => changes,
                    Err(_) => continue,
                },
            };
            found[k].extend(changes.into_iter().map(|c| (rel.clone(), c)));
        }
    }
    let [old_words, new_words] = found;
    if old_words.is_empty() || new_words.is_empty() {
        return;
    }
    let (minority, name, fix) = if new_words.len() <= old_words.len() {
        (new_words, msg::tone_style_new(), "old")
    } else {
        (old_words, msg::tone_style_old(), "new")
    };
    for (rel, c) in minority.iter().take(SHOWN) {
        out.push(
            Diagnostic::warning(msg::tone_minority(&c.before, &name, &c.after))
                .at(Location::at(rel.clone(), c.line, c.column))
                .field(c.path.clone())
                .hint(msg::tone_minority_hint(fix)),
        );
    }
    if minority.len() > SHOWN {
        out.push(Diagnostic::info(msg::tone_minority_more(
            minority.len() - SHOWN,
            &name,
            fix,
        )));
    }
}

pub fn needs_nfc(s: &str) -> bool {
    s.nfc().ne(s.chars())
}
