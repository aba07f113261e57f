//! The data schema across versions: which schema a file was written for (`vinhdanh: N` at the
//! top of plan.yaml), and the fields renamed since. An old name is still read, with a warning
//! that gives the new one; `vinhdanh migrate` rewrites the files with [`rewrite`]. Both edit the
//! text at the located keys, never re-serialize it, so comments and order are kept.

use crate::diag::{Diagnostic, Location};
use crate::model::{OLDEST_SCHEMA, SCHEMA};
use crate::msg;
use vinhdanh_yaml::{Editor, Index};

/// A field renamed in the schema: in `file`, the key at `old` is now `new`. Paths are field
/// paths with `[]` for every item of a list (`honorees[].proposed_by`); `old` and `new` differ
/// only in their last key (a rename in place: the text edit keeps the value, its comments and
/// its position).
#[derive(Debug, Clone, Copy)]
pub struct Rename {
    pub file: &'static str,
    pub old: &'static str,
    pub new: &'static str,
}

/// Every rename since the first schema, oldest first. Keep old entries: a folder made years ago
/// must still build.
pub const RENAMES: &[Rename] = &[
    // The Giấy mời's closing sentence is a request to the delegate, not a note.
    Rename {
        file: super::PLAN.path,
        old: "invitation.notes",
        new: "invitation.request",
    },
];

/// Whether reading `file` involves the schema (its version or a rename); other files are
/// parsed without building their index up front.
pub fn applies_to(file: &str) -> bool {
    file == super::registry::schema_file() || RENAMES.iter().any(|r| r.file == file)
}

/// The line `migrate` adds to a plan.yaml that does not say its schema (as in the default).
pub fn version_line() -> String {
    format!(
        "vinhdanh: {SCHEMA}                     # phiên bản mẫu dữ liệu của tệp này: đừng sửa (xem docs/nang-cap.md)"
    )
}

/// A text read under the current schema: old keys renamed.
#[derive(Debug)]
pub struct Migrated {
    pub text: String,
    /// (new path, old path), concrete (`honorees[3].x`).
    pub renamed: Vec<(String, String)>,
    pub warnings: Vec<Diagnostic>,
    pub hunks: Vec<Hunk>,
    /// (line, column of the key, characters added): where the renamed text's columns differ.
    shifts: Vec<(usize, usize, isize)>,
}

impl Migrated {
    /// A problem found in the renamed text, told in the file as typed: the column on a renamed
    /// line, and the field path under the name the file uses.
    pub fn locate_in_original(&self, d: &mut Diagnostic) {
        if let Some(loc) = d.location.as_deref_mut()
            && let (Some(line), Some(col)) = (loc.line, loc.column)
        {
            let delta: isize = self
                .shifts
                .iter()
                .filter(|&&(l, c, _)| l == line && col > c)
                .map(|&(_, _, n)| n)
                .sum();
            loc.column = Some(col.saturating_add_signed(-delta).max(1));
        }
        if let Some(f) = &mut d.field {
            for (new, old) in &self.renamed {
                if let Some(rest) = f.strip_prefix(new.as_str())
                    && (rest.is_empty() || rest.starts_with(['.', '[']))
                {
                    *f = format!("{old}{rest}");
                    break;
                }
            }
        }
    }
}

/// One change of a rewrite, for the diff: the lines at `line` (from 1, in the old text)
/// replaced by `added` (no `removed`: inserted before that line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub line: usize,
    pub removed: Vec<String>,
    pub added: Vec<String>,
}

/// Checks the schema a plan says it was written for: a newer one than this program knows, or
/// one no longer supported, is an error located at the number.
fn check_version(file: &str, text: &str, index: &Index) -> Result<(), Diagnostic> {
    if file != super::registry::schema_file() || index.key("vinhdanh").is_none() {
        return Ok(());
    }
    let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return Ok(()); // the typed parse reports the syntax error
    };
    let Some(n) = value.get("vinhdanh").and_then(serde_yaml::Value::as_u64) else {
        return Ok(()); // the typed parse reports the type
    };
    let at = || match index.point("vinhdanh") {
        Some((l, c)) => Location::at(file, l, c).with_excerpt(text),
        None => Location::file(file),
    };
    if n > u64::from(SCHEMA) {
        return Err(Diagnostic::error(msg::schema_newer(n, SCHEMA))
            .at(at())
            .field("vinhdanh")
            .hint(msg::schema_newer_hint()));
    }
    if n < u64::from(OLDEST_SCHEMA) {
        return Err(
            Diagnostic::error(msg::schema_older(n, OLDEST_SCHEMA, SCHEMA))
                .at(at())
                .field("vinhdanh")
                .hint(msg::schema_older_hint()),
        );
    }
    Ok(())
}

/// Does the concrete `path` (`a[3].b`) match `pattern` (`a[].b`)?
fn matches(pattern: &str, path: &str) -> bool {
    let mut rest = path;
    let mut parts = pattern.split("[]").peekable();
    while let Some(part) = parts.next() {
        let Some(r) = rest.strip_prefix(part) else {
            return false;
        };
        rest = r;
        if parts.peek().is_some() {
            let Some(r) = rest.strip_prefix('[') else {
                return false;
            };
            let end = r.find(']').unwrap_or(0);
            if end == 0 || !r[..end].bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            rest = &r[end + 1..];
        }
    }
    rest.is_empty()
}

fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// The text of `file` with its old keys renamed, or `None` when it has none (and the plan's
/// schema checked). Errors: a newer schema; a field given under both names; a key that cannot
/// be edited in place.
pub fn migrate_text(file: &str, text: &str, index: &Index) -> Result<Option<Migrated>, Diagnostic> {
    check_version(file, text, index)?;
    let mut edits: Vec<(usize, usize, String, String)> = Vec::new(); // (line, col, old path, new path)
    for r in RENAMES.iter().filter(|r| r.file == file) {
        for (path, span) in index.keys() {
            let (line, col) = (span.line, span.col);
            if !matches(r.old, path) {
                continue;
            }
            let new_path = format!(
                "{}{}",
                &path[..path.len() - last_key(r.old).len()],
                last_key(r.new)
            );
            if index.key(&new_path).is_some() {
                return Err(
                    Diagnostic::error(msg::rename_both(last_key(r.old), last_key(r.new)))
                        .at(Location::at(file, line, col).with_excerpt(text))
                        .field(path.to_string())
                        .hint(msg::rename_both_hint(last_key(r.old), last_key(r.new))),
                );
            }
            edits.push((line, col, path.to_string(), new_path));
        }
    }
    if edits.is_empty() {
        return Ok(None);
    }
    edits.sort();
    // The one YAML editor renames each key where it is typed (quotes, comments and line ends
    // kept); the last first, so that the earlier keys' paths stay as indexed.
    let Ok(mut editor) = Editor::new(text) else {
        return Ok(None); // the typed parse reports the syntax error where it is
    };
    let mut renamed = Vec::new();
    let mut warnings = Vec::new();
    let mut changed_lines: Vec<usize> = Vec::new();
    let mut shifts = Vec::new();
    for (line, col, old, new) in edits.iter().rev() {
        let (old_key, new_key) = (last_key(old), last_key(new));
        let cannot = || {
            Diagnostic::error(msg::rename_failed(old_key, new_key))
                .at(Location::at(file, *line, *col).with_excerpt(text))
                .hint(msg::rename_failed_hint(old_key, new_key))
        };
        editor.rename_key(old, new_key).map_err(|_| cannot())?;
        shifts.push((
            *line,
            *col,
            new_key.chars().count() as isize - old_key.chars().count() as isize,
        ));
        renamed.push((new.clone(), old.clone()));
        if changed_lines.last() != Some(line) {
            changed_lines.push(*line);
        }
        warnings.push(
            Diagnostic::warning(msg::renamed_field(old, new))
                .at(Location::at(file, *line, *col).with_excerpt(text))
                .field(old.clone())
                .hint(msg::renamed_field_hint(old_key, new_key)),
        );
    }
    warnings.reverse();
    let out = editor.finish();
    let old_lines: Vec<&str> = text.split('\n').collect();
    let new_lines: Vec<&str> = out.split('\n').collect();
    let hunks = changed_lines
        .iter()
        .rev()
        .map(|&l| Hunk {
            line: l,
            removed: vec![old_lines[l - 1].trim_end_matches('\r').to_string()],
            added: vec![new_lines[l - 1].trim_end_matches('\r').to_string()],
        })
        .collect();
    Ok(Some(Migrated {
        text: out,
        renamed,
        warnings,
        hunks,
        shifts,
    }))
}

/// A data file rewritten to the current schema, for `vinhdanh migrate`: old keys renamed, and
/// plan.yaml told its schema (`vinhdanh: N` after its leading comments). `None`: nothing to do.
pub fn rewrite(file: &str, text: &str) -> Result<Option<(String, Vec<Hunk>)>, Diagnostic> {
    if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(text) {
        let d = super::yaml::translate(file, text, &e);
        let hint = d.hint.clone().unwrap_or_default();
        return Err(d.hint(msg::migrate_fix_first(
            &hint,
            if hint.is_empty() { "" } else { "; " },
        )));
    }
    let index = Index::build(text);
    let (mut out, mut hunks) = match migrate_text(file, text, &index)? {
        Some(m) => (m.text, m.hunks),
        None => (text.to_string(), Vec::new()),
    };
    if file == super::registry::schema_file() && index.key("vinhdanh").is_none() {
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let lines: Vec<&str> = out.split_inclusive('\n').collect();
        let mut at = lines
            .iter()
            .position(|l| !l.trim_start().starts_with('#'))
            .unwrap_or(lines.len());
        if lines.get(at).is_some_and(|l| l.starts_with("---")) {
            at += 1;
        }
        let start: usize = lines[..at].iter().map(|l| l.len()).sum();
        let mut insert = version_line() + eol;
        if start > 0 && !out[..start].ends_with('\n') {
            insert = format!("{eol}{insert}");
        }
        out.insert_str(start, &insert);
        hunks.push(Hunk {
            line: at + 1,
            removed: Vec::new(),
            added: vec![version_line()],
        });
        hunks.sort_by_key(|h| h.line);
        // The insertion must leave a mapping that says its schema (not, say, a flow mapping).
        let ok = serde_yaml::from_str::<serde_yaml::Value>(&out)
            .ok()
            .and_then(|v| v.get("vinhdanh").and_then(serde_yaml::Value::as_u64))
            == Some(u64::from(SCHEMA));
        if !ok {
            return Err(Diagnostic::error(msg::version_line_failed())
                .in_file(file)
                .hint(msg::version_line_failed_hint(SCHEMA)));
        }
    }
    if hunks.is_empty() {
        Ok(None)
    } else {
        Ok(Some((out, hunks)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_are_in_place() {
        for r in RENAMES {
            let parent = |p: &'static str| &p[..p.len() - last_key(p).len()];
            assert_eq!(
                parent(r.old),
                parent(r.new),
                "{r:?}: a move needs its own edit"
            );
            assert_ne!(r.old, r.new);
        }
    }

    #[test]
    fn the_default_plan_says_its_schema_as_migrate_writes_it() {
        let plan = include_str!("../../../data/plan.yaml");
        assert!(plan.lines().any(|l| l == version_line()));
        assert!(rewrite(super::super::PLAN.path, plan).unwrap().is_none());
    }

    #[test]
    fn patterns_match_list_items() {
        assert!(matches("a.b", "a.b"));
        assert!(matches("a[].b", "a[12].b"));
        assert!(!matches("a[].b", "a[].b"));
        assert!(!matches("a[].b", "a[x].b"));
        assert!(!matches("a.b", "a.bc"));
        assert!(!matches("a.b", "x.a.b"));
    }

    #[test]
    fn renames_keep_comments_quotes_and_lines() {
        let text = "# đầu\ninvitation:\n  code: GM\n  \"notes\": Đề nghị # chú thích\n";
        let (out, hunks) = rewrite(super::super::PLAN.path, text).unwrap().unwrap();
        assert_eq!(
            out,
            format!(
                "# đầu\n{}\ninvitation:\n  code: GM\n  \"request\": Đề nghị # chú thích\n",
                version_line()
            )
        );
        assert_eq!(hunks.len(), 2);
        assert_eq!((hunks[0].line, hunks[1].line), (2, 4));
        assert!(rewrite(super::super::PLAN.path, &out).unwrap().is_none());
    }

    #[test]
    fn crlf_is_kept() {
        let text = "# a\r\ninvitation:\r\n  notes: x\r\n";
        let (out, _) = rewrite(super::super::PLAN.path, text).unwrap().unwrap();
        assert_eq!(
            out,
            format!(
                "# a\r\n{}\r\ninvitation:\r\n  request: x\r\n",
                version_line()
            )
        );
    }

    #[test]
    fn both_names_is_an_error() {
        let text = "invitation:\n  notes: x\n  request: y\n";
        let e = rewrite(super::super::PLAN.path, text).unwrap_err();
        assert!(e.message.contains("có cả"), "{e:?}");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let text = "vinhdanh: 2\nauthority: {}\n";
        let e = rewrite(super::super::PLAN.path, text).unwrap_err();
        assert!(e.message.contains("phiên bản mới hơn"), "{e:?}");
        assert_eq!(e.location.as_ref().and_then(|l| l.line), Some(1));
    }
}
