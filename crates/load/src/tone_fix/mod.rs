//! In-place rewriting of tone-mark style in YAML files (`check --fix-tone-marks`, and the rule
//! that shows where the less used style stands).
//!
//! The files are edited by people, so a rewrite must not reformat them: no round trip through
//! a YAML serializer (which would drop comments and normalise quoting). Each free-text scalar
//! is taken from the one location index of `vinhdanh-yaml` (its span, how it is written, its
//! parsed value), and the value's characters are lined up with the characters of its span by
//! a diff (`similar`): a word is replaced where the span holds it as itself, in one run. No
//! quoting or escape is decoded here. A word the source spells otherwise (built from escapes,
//! split by an escaped line break) has no such run and is left alone rather than guessed at;
//! and the rewritten text is indexed again, so a scalar that would not read back as intended
//! is left as it was.

use std::collections::BTreeSet;

use similar::{Algorithm, DiffOp, capture_diff_slices};
use thiserror::Error;
use vinhdanh_yaml::{Index, Kind};

use crate::tone::{Style, convert_word, words};

/// One word rewritten (or, for a dry run, to be rewritten).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// 1-based line of the word in the source.
    pub line: usize,
    /// 1-based column of the word's first char, counted in chars as editors show them.
    pub column: usize,
    /// Where the value sits, e.g. `sections[0].items[2].text`.
    pub path: String,
    pub before: String,
    pub after: String,
}

/// The source is not valid YAML; nothing was rewritten.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("YAML syntax error at line {line}, column {column}: {message}")]
pub struct FixError {
    /// 1-based.
    pub line: usize,
    /// 1-based, in chars.
    pub column: usize,
    pub message: String,
}

/// The `!!str` tag: a scalar written with it is text; any other tag makes it data.
const STR_TAG: &str = "tag:yaml.org,2002:str";

/// Rewrites the tone marks of the free-text values of a YAML text (of one or more documents)
/// into `style`.
///
/// `is_free_text(path)` tells which scalar values may be rewritten; mapping keys never are.
/// Returns the new source (identical to `source` outside the changed words) and the changes
/// in source order; a dry run just ignores the string.
pub fn fix_yaml(
    source: &str,
    style: Style,
    is_free_text: &dyn Fn(&str) -> bool,
) -> Result<(String, Vec<Change>), FixError> {
    let docs = Index::parse(source).map_err(|e| match e {
        vinhdanh_yaml::Error::Syntax { line, col, message } => FixError {
            line,
            // As this fixer has always counted it: the byte-order mark is a column of line 1.
            column: col + usize::from(line == 1 && source.starts_with('\u{feff}')),
            message,
        },
        other => FixError {
            line: 1,
            column: 1,
            message: other.to_string(),
        },
    })?;
    Ok(fix_indexed(source, &docs, style, is_free_text))
}

/// [`fix_yaml`] with the text's index already built (one per document), as a loaded file has
/// it: the file is not parsed again unless something changes.
pub fn fix_indexed(
    source: &str,
    docs: &[Index],
    style: Style,
    is_free_text: &dyn Fn(&str) -> bool,
) -> (String, Vec<Change>) {
    let mut edits: Vec<Edit> = Vec::new();
    for (doc, index) in docs.iter().enumerate() {
        for (path, span, kind) in index.values() {
            let Kind::Scalar { tagged, .. } = kind else {
                continue;
            };
            if (tagged && index.tag(path) != Some(STR_TAG)) || !is_free_text(path) {
                continue;
            }
            let Some(value) = index.scalar(path) else {
                continue;
            };
            scalar_edits(source, index, doc, path, span, value, style, &mut edits);
        }
    }
    if edits.is_empty() {
        // Nothing to change, nothing to read back (the rules ask both styles of every file
        // on every save in `serve`, and a file is mostly written in one).
        return (source.to_string(), Vec::new());
    }
    edits.sort_by_key(|e| e.start);
    let out = apply(source, &edits);
    // Read back: every rewritten scalar must hold its value with exactly its words changed.
    let wrong: BTreeSet<(usize, String)> = match Index::parse(&out) {
        Ok(after) if after.len() == docs.len() => {
            let mut wrong = BTreeSet::new();
            let mut expected: std::collections::BTreeMap<(usize, &str), String> =
                Default::default();
            // Right to left, so the byte ranges of a value's earlier words stay valid (a word
            // keeps its chars but not always its bytes: "tùy" is 4 bytes, "tuỳ" 5).
            for e in edits.iter().rev() {
                let v = expected
                    .entry((e.doc, e.change.path.as_str()))
                    .or_insert_with(|| e.value.to_string());
                v.replace_range(e.in_value.clone(), &e.change.after);
            }
            for ((doc, path), want) in expected {
                if after[doc].scalar(path) != Some(want.as_str()) {
                    wrong.insert((doc, path.to_string()));
                }
            }
            wrong
        }
        _ => edits
            .iter()
            .map(|e| (e.doc, e.change.path.clone()))
            .collect(),
    };
    if wrong.is_empty() {
        return (out, edits.into_iter().map(|e| e.change).collect());
    }
    edits.retain(|e| !wrong.contains(&(e.doc, e.change.path.clone())));
    (
        apply(source, &edits),
        edits.into_iter().map(|e| e.change).collect(),
    )
}

/// One word to replace: bytes `start..end` of the source, and where it is in its value.
struct Edit {
    start: usize,
    end: usize,
    doc: usize,
    /// Its value as parsed, and the word's bytes in it: what the scalar must read back as.
    value: Box<str>,
    in_value: std::ops::Range<usize>,
    change: Change,
}

/// The words of the scalar at `span` whose spelling changes and that the span holds as
/// themselves.
#[allow(clippy::too_many_arguments)]
fn scalar_edits(
    source: &str,
    index: &Index,
    doc: usize,
    path: &str,
    span: vinhdanh_yaml::Span,
    value: &str,
    style: Style,
    out: &mut Vec<Edit>,
) {
    let targets: Vec<(usize, &str, String)> = words(value)
        .filter_map(|(at, w)| convert_word(w, style).map(|n| (at, w, n)))
        .collect();
    if targets.is_empty() {
        return;
    }
    let Some(text) = source.get(span.start..span.end) else {
        return;
    };
    let src: Vec<(usize, char)> = text.char_indices().collect();
    let src_chars: Vec<char> = src.iter().map(|&(_, c)| c).collect();
    let val: Vec<(usize, char)> = value.char_indices().collect();
    let val_chars: Vec<char> = val.iter().map(|&(_, c)| c).collect();
    // Value char → the source char it is written as, where the diff says they are the same.
    let mut written_as: Vec<Option<usize>> = vec![None; val.len()];
    for op in capture_diff_slices(Algorithm::Myers, &src_chars, &val_chars) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                written_as[new_index + k] = Some(old_index + k);
            }
        }
    }
    let char_at = |byte: usize| val.partition_point(|&(b, _)| b < byte);
    for (at, word, after) in targets {
        let (first, n) = (char_at(at), word.chars().count());
        let Some(Some(s)) = written_as.get(first).copied() else {
            continue;
        };
        let in_one_run =
            (0..n).all(|k| written_as.get(first + k).copied().flatten() == Some(s + k));
        if !in_one_run {
            continue;
        }
        let start = span.start + src[s].0;
        let end = span.start + src.get(s + n).map_or(text.len(), |&(b, _)| b);
        let (line, column) = line_col(source, index, start);
        out.push(Edit {
            start,
            end,
            doc,
            value: value.into(),
            in_value: at..at + word.len(),
            change: Change {
                line,
                column,
                path: path.to_string(),
                before: word.to_string(),
                after,
            },
        });
    }
}

/// The source with every edit made, in one forward pass (splicing one at a time would move
/// the rest of the file for every word).
fn apply(source: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    let mut copied = 0;
    for e in edits {
        out.push_str(&source[copied..e.start]);
        out.push_str(&e.change.after);
        copied = e.end;
    }
    out.push_str(&source[copied..]);
    out
}

/// 1-based line and column (in chars, a byte-order mark not counted) of a byte offset.
fn line_col(source: &str, index: &Index, byte: usize) -> (usize, usize) {
    let starts = index.line_starts();
    let line = starts.partition_point(|&s| s <= byte).max(1);
    let from = starts[line - 1];
    let before = source[from..byte].trim_start_matches('\u{feff}');
    (line, before.chars().count() + 1)
}

#[cfg(test)]
mod tests;
