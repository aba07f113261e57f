//! The page's write path: what the clerk changes in the page's forms and tables reaches the
//! files of `data/` here, and only here.
//!
//! - Every path is a plain name under `data/` (no `..`, no absolute path, no drive, no
//!   backslash), and the file it names, symlinks resolved, is still inside `data/`.
//! - A YAML file is changed through the format-preserving [`Editor`]: only the edited value's
//!   text changes; comments, order, quoting, CRLF and a byte-order mark stay as typed.
//! - The page sends the version (a hash of the bytes) of the file it read: a file changed on
//!   disk since then is a conflict, refused, never overwritten.
//! - Each file is written atomically (a temporary file renamed over it, `engine::write`).
//! - The first write of a session copies `data/` to `data.bak-…` first, as `migrate` does.
//! - Each save can be undone, last first: the file gets its bytes before the save back, byte for
//!   byte, unless it changed again on disk since (a conflict too).
//! - A spreadsheet (Excel/CSV) is never edited: a new version is dropped in whole.
//!
//! The checks of the data after a save are `check`'s own: the save wakes the watcher, and the
//! rebuild's round shows the problems on the page.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use vinhdanh_yaml::{Editor, Item, Kind, Style};

use crate::msg;

/// Largest JSON body a write endpoint reads.
pub const MAX_JSON: usize = 1 << 20;
/// Largest spreadsheet the page may drop in.
pub const MAX_UPLOAD: usize = 20 << 20;
/// Largest data file the page edits or shows.
const MAX_FILE: u64 = 8 << 20;
/// How many saves can be undone.
const UNDO_DEPTH: usize = 50;

/// The file types a data file may have, as the page may read, edit or drop them.
pub const YAML: &[&str] = &["yaml", "yml"];
pub const SHEETS: &[&str] = &["xlsx", "xls", "ods", "csv"];
/// The lists a spreadsheet dropped on the page can be: the names the loader reads them under.
pub const LISTS: &[&str] = &["delegates", "honorees"];

/// Why a write was refused; the page shows the message. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The request itself is wrong (a path outside `data/`, a malformed body, an edit that
    /// does not apply).
    Bad(String),
    /// No such file.
    Missing(String),
    /// The file changed on disk since the page read it.
    Conflict(String),
    /// The body is larger than allowed.
    TooLarge,
    /// The disk refused the write.
    Failed(String),
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Bad(_) => 400,
            Refusal::Missing(_) => 404,
            Refusal::Conflict(_) => 409,
            Refusal::TooLarge => 413,
            Refusal::Failed(_) => 500,
        }
    }

    pub fn message(&self) -> String {
        match self {
            Refusal::Bad(m) | Refusal::Missing(m) | Refusal::Conflict(m) | Refusal::Failed(m) => {
                m.clone()
            }
            Refusal::TooLarge => msg::write_too_large(MAX_JSON >> 10, MAX_UPLOAD >> 20),
        }
    }
}

/// One edit of a YAML file, by field path (`plan.signature.name`, `items[3].time`).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Op {
    /// The scalar at `at` becomes `value`. `raw`: written as typed, unquoted (a number, a
    /// date, `true`/`false`, `~`): only such values are accepted raw.
    Set {
        at: String,
        value: String,
        #[serde(default)]
        raw: bool,
    },
    /// A new item at `index` of the list at `list`: a text, or a mapping of texts.
    Insert {
        list: String,
        index: usize,
        item: NewItem,
    },
    /// The item `from` of the list at `list` moves to `to`.
    Move {
        list: String,
        from: usize,
        to: usize,
    },
    /// The list item or mapping key at `at` goes.
    Remove { at: String },
    /// The mapping key at `at` gets `value`, whatever it held, or is added: a text, a number,
    /// `true`/`false`, `null` (written `~`), a list, or a mapping sent as
    /// `{"map": [[key, value], …]}` (its keys in order). A document's own signer is made so
    /// over `signature: ~`, a composition group gets its `groups:`.
    Put {
        at: String,
        value: serde_json::Value,
    },
    /// The line of the value at `at` gets the comment `# đã kiểm tra` at its end (after a
    /// comment it has): the clerk confirms a value the rules flag as the sample's is right
    /// (`rules::samples` reads the mark). Only the comment is added.
    Confirm { at: String },
    /// The block list at `at` is replaced as a whole by `items` (the plan's body pasted from
    /// Word, confirmed by the clerk): its lines are written anew, at its indentation.
    Replace {
        at: String,
        items: Vec<serde_json::Value>,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum NewItem {
    Text(String),
    Map(Vec<(String, String)>),
}

/// What the page knows of a YAML file: its version and its nodes in the file's order.
#[derive(Debug, Clone)]
pub struct FileView {
    pub version: String,
    pub nodes: Vec<Node>,
}

/// One value of a YAML file, as the page's forms build on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub path: String,
    /// `map`, `seq`, `scalar` or `alias`.
    pub kind: &'static str,
    /// A scalar's text as parsed.
    pub value: Option<String>,
    /// A plain scalar (a number, a date, `~` read back as such): the form saves it raw.
    pub plain: bool,
    pub line: usize,
}

/// A save that can be undone: the file's bytes before and after.
struct Saved {
    rel: String,
    /// Empty: the save made the file.
    before: Vec<u8>,
    /// Empty: the save took the file away (a list replaced by a spreadsheet of another type).
    after: Vec<u8>,
    /// Saves of one request share it and are undone together.
    group: u64,
}

#[derive(Default)]
struct Session {
    backup: Option<PathBuf>,
    undo: Vec<Saved>,
    /// The group of the request being saved ([`Saved::group`]).
    group: u64,
}

/// The writable side of a project folder, for one `serve` session.
pub struct Workspace {
    root: PathBuf,
    /// The project, for [`Workspace::check`].
    project: crate::project::Project,
    data: PathBuf,
    token: String,
    session: Mutex<Session>,
}

/// A problem the rules find with a value being typed, at the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The field path of the edit it is about (`conference.date`).
    pub path: String,
    /// `error` (the value would be refused) or `warning`.
    pub severity: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

/// The result of a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub file: String,
    pub version: String,
    /// The backup made by this save (the session's first), if any.
    pub backup: Option<String>,
    /// Lines of the file changed, from 1 (for the page's message).
    pub lines: Vec<usize>,
}

impl Workspace {
    /// The project at `root` (it has a `data/` folder), with a fresh random token.
    pub fn new(root: &Path) -> io::Result<Workspace> {
        let root = dunce::canonicalize(root)?;
        let data = dunce::canonicalize(root.join("data"))?;
        let mut bytes = [0u8; 24];
        getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let project = crate::project::Project::open(&root).map_err(io::Error::other)?;
        Ok(Workspace {
            project,
            root,
            data,
            token,
            session: Mutex::new(Session::default()),
        })
    }

    /// The secret the served page carries; every write request must send it back.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The project's `data/` folder, symlinks resolved.
    pub fn data_dir(&self) -> &Path {
        &self.data
    }

    /// Whether `given` is this session's token (compared in constant time).
    pub fn token_ok(&self, given: &str) -> bool {
        let (a, b) = (self.token.as_bytes(), given.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    /// The file `rel` names (`data/plan.yaml`), if it is a plain name under `data/` with one of
    /// the extensions `exts`, and, when it exists, is a regular file whose real path is still
    /// inside `data/`.
    pub fn resolve(&self, rel: &str, exts: &[&str]) -> Result<PathBuf, Refusal> {
        let bad = || Refusal::Bad(msg::write_bad_path(rel));
        let inner = rel.strip_prefix("data/").ok_or_else(bad)?;
        let segs: Vec<&str> = inner.split('/').collect();
        if segs.iter().any(|s| {
            s.is_empty()
                || *s == "."
                || *s == ".."
                || s.starts_with('.')
                || s.contains(['\\', ':', '\0'])
                || s.chars().any(char::is_control)
        }) {
            return Err(bad());
        }
        let ext = inner
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !exts.contains(&ext.as_str()) {
            return Err(Refusal::Bad(msg::write_bad_type(rel, &exts.join(", "))));
        }
        let path = self.data.join(inner);
        // The folder it goes in, symlinks resolved, is inside data/.
        let parent = path.parent().ok_or_else(bad)?;
        let parent = dunce::canonicalize(parent).map_err(|_| bad())?;
        if !parent.starts_with(&self.data) {
            return Err(bad());
        }
        let path = parent.join(path.file_name().ok_or_else(bad)?);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() || !m.is_file() => Err(bad()),
            _ => Ok(path),
        }
    }

    fn read_bytes(&self, rel: &str, exts: &[&str]) -> Result<(PathBuf, Vec<u8>), Refusal> {
        let path = self.resolve(rel, exts)?;
        let meta =
            std::fs::metadata(&path).map_err(|_| Refusal::Missing(msg::write_missing(rel)))?;
        if meta.len() > MAX_FILE {
            return Err(Refusal::TooLarge);
        }
        let bytes = std::fs::read(&path).map_err(|_| Refusal::Missing(msg::write_missing(rel)))?;
        Ok((path, bytes))
    }

    /// The YAML file `rel`: its version and its nodes in the file's order.
    pub fn read(&self, rel: &str) -> Result<FileView, Refusal> {
        let (_, bytes) = self.read_bytes(rel, YAML)?;
        let text = utf8(rel, &bytes)?;
        let editor = Editor::new(text).map_err(|e| Refusal::Bad(msg::write_not_yaml(rel, &e)))?;
        let index = editor.index();
        let mut nodes: Vec<(usize, Node)> = index
            .values()
            .map(|(path, span, kind)| {
                let (kind, plain) = match kind {
                    Kind::Mapping => ("map", false),
                    Kind::Sequence => ("seq", false),
                    Kind::Alias => ("alias", false),
                    Kind::Scalar { style, tagged } => {
                        let value = index.scalar(path).unwrap_or_default();
                        ("scalar", style == Style::Plain && !tagged && raw_ok(value))
                    }
                };
                let value = index.scalar(path).map(str::to_string);
                (
                    span.start,
                    Node {
                        path: path.to_string(),
                        kind,
                        value,
                        plain,
                        line: span.line,
                    },
                )
            })
            .collect();
        nodes.sort_by(|(a, x), (b, y)| a.cmp(b).then(x.path.len().cmp(&y.path.len())));
        Ok(FileView {
            version: version(&bytes),
            nodes: nodes.into_iter().map(|(_, n)| n).collect(),
        })
    }

    /// Applies `ops` to the YAML file `rel`, read by the page at `version`, and writes it.
    pub fn edit(&self, rel: &str, seen: &str, ops: &[Op]) -> Result<Written, Refusal> {
        if ops.is_empty() || ops.len() > 1000 {
            return Err(Refusal::Bad(msg::write_no_edit()));
        }
        let mut session = self.session.lock().unwrap_or_else(|e| e.into_inner());
        let (path, bytes) = self.read_bytes(rel, YAML)?;
        if version(&bytes) != seen {
            return Err(Refusal::Conflict(msg::write_conflict(rel)));
        }
        let text = utf8(rel, &bytes)?;
        let mut editor =
            Editor::new(text).map_err(|e| Refusal::Bad(msg::write_not_yaml(rel, &e)))?;
        let mut lines = Vec::new();
        for op in ops {
            let change = apply(&mut editor, op)
                .map_err(|e| Refusal::Bad(msg::write_edit_failed(rel, &e)))?;
            lines.extend(change.after);
        }
        let after = editor.finish().into_bytes();
        if after == bytes {
            return Ok(Written {
                file: rel.to_string(),
                version: version(&bytes),
                backup: None,
                lines: Vec::new(),
            });
        }
        session.group += 1;
        let backup = self.save(&mut session, &path, rel, bytes, after.clone())?;
        lines.sort_unstable();
        lines.dedup();
        Ok(Written {
            file: rel.to_string(),
            version: version(&after),
            backup,
            lines,
        })
    }

    /// What `check` would say of the values of `ops`, applied to the YAML file `rel` (read by
    /// the page at `version`) in memory, nothing written: the project is loaded and judged with
    /// that file's new text by the same loader and rules as `check` and the rebuild, and each
    /// problem located on an edited value's lines is given back at that value's field. An
    /// edit the file cannot take (a text where a number is) is a finding at its field too.
    /// Sample values still left are not: the checklist counts those.
    pub fn check(&self, rel: &str, seen: &str, ops: &[Op]) -> Result<Vec<Finding>, Refusal> {
        if ops.is_empty() || ops.len() > 1000 {
            return Err(Refusal::Bad(msg::write_no_edit()));
        }
        let (_, bytes) = self.read_bytes(rel, YAML)?;
        if version(&bytes) != seen {
            return Err(Refusal::Conflict(msg::write_conflict(rel)));
        }
        let text = utf8(rel, &bytes)?;
        let mut editor =
            Editor::new(text).map_err(|e| Refusal::Bad(msg::write_not_yaml(rel, &e)))?;
        let mut found = Vec::new();
        let mut targets = Vec::new();
        for op in ops {
            let at = match op {
                Op::Set { at, .. } | Op::Put { at, .. } | Op::Replace { at, .. } => at.clone(),
                Op::Insert { list, index, .. } => {
                    if list.is_empty() {
                        format!("[{index}]")
                    } else {
                        format!("{list}[{index}]")
                    }
                }
                Op::Move { list, .. } => list.clone(),
                Op::Remove { .. } | Op::Confirm { .. } => String::new(),
            };
            match apply(&mut editor, op) {
                Ok(_) if !at.is_empty() => targets.push(at),
                Ok(_) => {}
                Err(e) => found.push(Finding {
                    path: at,
                    severity: "error",
                    message: e,
                    hint: None,
                }),
            }
        }
        let after = editor.text();
        let index = editor.index();
        // Each edited value's lines, from 1.
        let lines: Vec<(String, usize, usize)> = targets
            .into_iter()
            .filter_map(|at| {
                let span = index.value(&at)?;
                let body = after.get(span.start..span.end)?.trim_end();
                Some((at, span.line, span.line + body.matches('\n').count()))
            })
            .collect();
        let project = self.project.with_file(rel, after.as_bytes().to_vec());
        let diags = match crate::pipeline::prepare(&project) {
            Ok(p) => p.diags,
            Err(d) => d,
        };
        for d in &diags.0 {
            if d.code == Some(crate::diag::SAMPLE_VALUE) {
                continue;
            }
            let Some(loc) = d.location.as_deref().filter(|l| l.file == rel) else {
                continue;
            };
            let Some(line) = loc.line else { continue };
            for (at, first, last) in &lines {
                if (*first..=*last).contains(&line) {
                    found.push(Finding {
                        path: at.clone(),
                        severity: if d.is_error() { "error" } else { "warning" },
                        message: d.message.clone(),
                        hint: d.hint.clone(),
                    });
                }
            }
        }
        Ok(found)
    }

    /// Puts a spreadsheet dropped on the page in `data/` as the list `rel` names
    /// (`data/delegates.xlsx`, `data/honorees.csv`: the names the loader reads), in place of
    /// the files that list has now, which must be exactly `replace` (what the page showed the
    /// clerk and the clerk confirmed): nothing is overwritten or taken away unasked. The files
    /// replaced stay in the session's backup; one undo puts them all back.
    pub fn upload(&self, rel: &str, bytes: &[u8], replace: &[String]) -> Result<Written, Refusal> {
        if bytes.len() > MAX_UPLOAD {
            return Err(Refusal::TooLarge);
        }
        let path = self.resolve(rel, SHEETS)?;
        if !looks_like(rel, bytes) {
            return Err(Refusal::Bad(msg::write_not_sheet(rel)));
        }
        let stem = rel
            .strip_prefix("data/")
            .and_then(|n| n.rsplit_once('.'))
            .map(|(stem, _)| stem)
            .unwrap_or_default();
        if !LISTS.contains(&stem) {
            return Err(Refusal::Bad(msg::write_sheet_not_list(
                rel,
                &LISTS
                    .iter()
                    .map(|l| format!("data/{l}.xlsx"))
                    .collect::<Vec<_>>()
                    .join(", "),
            )));
        }
        let mut session = self.session.lock().unwrap_or_else(|e| e.into_inner());
        let existing = self.list_files(stem);
        let mut asked: Vec<String> = replace.to_vec();
        asked.sort();
        asked.dedup();
        if asked != existing {
            return Err(Refusal::Conflict(msg::write_sheet_replaces(
                rel,
                &existing.join(", "),
            )));
        }
        session.group += 1;
        let before = if path.exists() {
            std::fs::read(&path).map_err(|e| Refusal::Failed(e.to_string()))?
        } else {
            Vec::new()
        };
        let backup = self.save(&mut session, &path, rel, before, bytes.to_vec())?;
        for other in existing.iter().filter(|o| *o != rel) {
            let other_path = self.resolve(other, &[YAML, SHEETS].concat())?;
            let before = std::fs::read(&other_path).map_err(|e| Refusal::Failed(e.to_string()))?;
            std::fs::remove_file(&other_path).map_err(|e| Refusal::Failed(e.to_string()))?;
            let group = session.group;
            session.undo.push(Saved {
                rel: other.clone(),
                before,
                after: Vec::new(),
                group,
            });
        }
        Ok(Written {
            file: rel.to_string(),
            version: version(bytes),
            backup,
            lines: Vec::new(),
        })
    }

    /// The files the list `stem` (`delegates`) has now in `data/`, sorted: its YAML file and
    /// its spreadsheets (two of them are an error of the loader's).
    pub fn list_files(&self, stem: &str) -> Vec<String> {
        let mut out: Vec<String> = YAML[..1]
            .iter()
            .chain(SHEETS)
            .map(|ext| format!("data/{stem}.{ext}"))
            .filter(|rel| {
                self.resolve(rel, &[YAML, SHEETS].concat())
                    .is_ok_and(|p| p.is_file())
            })
            .collect();
        out.sort();
        out
    }

    /// Which list a dropped spreadsheet is, from its header row: the loader's own readers of
    /// each list are tried on it, and the one of the two that reads it is the guess; when both
    /// or neither do, the file's name decides, else there is no guess and the page asks.
    pub fn sheet_guess(&self, name: &str, bytes: &[u8]) -> Result<Option<&'static str>, Refusal> {
        if bytes.len() > MAX_UPLOAD {
            return Err(Refusal::TooLarge);
        }
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .filter(|e| SHEETS.contains(&e.as_str()))
            .ok_or_else(|| Refusal::Bad(msg::write_bad_type(name, &SHEETS.join(", "))))?;
        if !looks_like(name, bytes) {
            return Err(Refusal::Bad(msg::write_not_sheet(name)));
        }
        let dir = tempfile::tempdir().map_err(|e| Refusal::Failed(e.to_string()))?;
        let path = dir.path().join(format!("list.{ext}"));
        std::fs::write(&path, bytes).map_err(|e| Refusal::Failed(e.to_string()))?;
        let rel = format!("data/{name}");
        let (delegates, honorees) = crate::pipeline::sheet_reads_as(&path, &rel);
        Ok(match (delegates, honorees) {
            (true, false) => Some("delegates"),
            (false, true) => Some("honorees"),
            _ => {
                let folded = crate::text::fold(name);
                if folded.contains("dai bieu") || folded.contains("delegate") {
                    Some("delegates")
                } else if folded.contains("khen") || folded.contains("honoree") {
                    Some("honorees")
                } else {
                    None
                }
            }
        })
    }

    /// Undoes the last save not undone yet: its file gets its bytes before that save back.
    /// Refused when the file changed on disk since that save.
    pub fn undo(&self) -> Result<Written, Refusal> {
        let mut session = self.session.lock().unwrap_or_else(|e| e.into_inner());
        let Some(group) = session.undo.last().map(|s| s.group) else {
            return Err(Refusal::Bad(msg::write_nothing_to_undo()));
        };
        // Every file of the request first checked, so none is undone when one is in conflict.
        for saved in session.undo.iter().rev().take_while(|s| s.group == group) {
            let path = self.resolve(&saved.rel, &[YAML, SHEETS].concat())?;
            if std::fs::read(&path).unwrap_or_default() != saved.after {
                return Err(Refusal::Conflict(msg::write_conflict(&saved.rel)));
            }
        }
        let mut first = None;
        while session.undo.last().is_some_and(|s| s.group == group) {
            let w = Self::undo_one(self, &mut session)?;
            first = Some(w);
        }
        first.ok_or_else(|| Refusal::Bad(msg::write_nothing_to_undo()))
    }

    fn undo_one(&self, session: &mut Session) -> Result<Written, Refusal> {
        let Some(last) = session.undo.last() else {
            return Err(Refusal::Bad(msg::write_nothing_to_undo()));
        };
        let path = self.resolve(&last.rel, &[YAML, SHEETS].concat())?;
        let now = std::fs::read(&path).unwrap_or_default();
        if now != last.after {
            return Err(Refusal::Conflict(msg::write_conflict(&last.rel)));
        }
        let last = session.undo.pop().expect("an undo");
        if last.before.is_empty() && !path.exists() {
            return Err(Refusal::Missing(msg::write_missing(&last.rel)));
        }
        let result = if last.before.is_empty() {
            // A file the page added: undone, it is gone again.
            std::fs::remove_file(&path).map_err(|e| Refusal::Failed(e.to_string()))
        } else {
            crate::engine::write::atomic_write(&path, &last.before)
                .map_err(|e| Refusal::Failed(e.to_string()))
        };
        if let Err(e) = result {
            session.undo.push(last);
            return Err(e);
        }
        Ok(Written {
            file: last.rel.clone(),
            version: version(&last.before),
            backup: None,
            lines: Vec::new(),
        })
    }

    /// How many saves can be undone.
    pub fn undoable(&self) -> usize {
        self.session.lock().map(|s| s.undo.len()).unwrap_or(0)
    }

    /// Backs up `data/` on the session's first save, then writes `after` atomically.
    fn save(
        &self,
        session: &mut Session,
        path: &Path,
        rel: &str,
        before: Vec<u8>,
        after: Vec<u8>,
    ) -> Result<Option<String>, Refusal> {
        let mut made = None;
        if session.backup.is_none() {
            let dest = crate::project::backup_data(&self.root)
                .map_err(|e| Refusal::Failed(msg::write_backup_failed(&e)))?;
            made = Some(
                dest.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
            session.backup = Some(dest);
        }
        crate::engine::write::atomic_write(path, &after)
            .map_err(|e| Refusal::Failed(e.to_string()))?;
        let group = session.group;
        session.undo.push(Saved {
            rel: rel.to_string(),
            before,
            after,
            group,
        });
        if session.undo.len() > UNDO_DEPTH {
            session.undo.remove(0);
        }
        Ok(made)
    }
}

fn utf8<'a>(rel: &str, bytes: &'a [u8]) -> Result<&'a str, Refusal> {
    std::str::from_utf8(bytes).map_err(|_| Refusal::Bad(msg::write_not_utf8(rel)))
}

/// A file's version as the page holds it: the hash of its bytes.
pub fn version(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    hash[..16].iter().map(|b| format!("{b:02x}")).collect()
}

fn apply(editor: &mut Editor, op: &Op) -> Result<vinhdanh_yaml::Change, String> {
    let r = match op {
        Op::Set {
            at,
            value,
            raw: true,
        } => return set_raw(editor, at, value),
        Op::Set {
            at,
            value,
            raw: false,
        } => editor.set(at, value),
        Op::Insert { list, index, item } => {
            let item = match item {
                NewItem::Text(t) => Item::Scalar(t.clone()),
                NewItem::Map(m) => Item::Map(m.clone()),
            };
            editor.insert(list, *index, item)
        }
        Op::Move { list, from, to } => editor.move_item(list, *from, *to),
        Op::Remove { at } => editor.remove(at),
        Op::Put { at, value } => editor.put(at, &put_value(value, 0)?),
        Op::Replace { at, items } => return replace_list(editor, at, items),
        Op::Confirm { at } => return confirm(editor, at),
    };
    r.map_err(|e| e.to_string())
}

/// The value of a [`Op::Put`], as the editor writes it.
fn put_value(v: &serde_json::Value, depth: usize) -> Result<vinhdanh_yaml::Value, String> {
    use serde_json::Value as J;
    use vinhdanh_yaml::Value as V;
    if depth > 16 {
        return Err(msg::write_no_edit());
    }
    Ok(match v {
        J::String(s) => V::Text(s.clone()),
        J::Bool(b) => V::Raw(b.to_string()),
        J::Null => V::Raw("~".into()),
        J::Number(n) if vinhdanh_yaml::raw_scalar_ok(&n.to_string()) => V::Raw(n.to_string()),
        J::Number(n) => return Err(msg::write_not_raw(&n.to_string())),
        J::Array(items) => V::List(
            items
                .iter()
                .map(|i| put_value(i, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        J::Object(o) => {
            let Some(J::Array(pairs)) = o.get("map").filter(|_| o.len() == 1) else {
                return Err(msg::write_no_edit());
            };
            let mut entries = Vec::new();
            for pair in pairs {
                match pair {
                    J::Array(kv) if kv.len() == 2 => {
                        let J::String(k) = &kv[0] else {
                            return Err(msg::write_no_edit());
                        };
                        entries.push((k.clone(), put_value(&kv[1], depth + 1)?));
                    }
                    _ => return Err(msg::write_no_edit()),
                }
            }
            V::Map(entries)
        }
    })
}

/// A value written unquoted: a number, a date (`2025-08-22`, `2025-08`, `2025`), a time
/// of day is not (it is quoted in the files), `true`/`false`, or `~` (empty).
pub fn raw_ok(v: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let number = {
        let body = v.strip_prefix('-').unwrap_or(v);
        let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
        !int.is_empty()
            && int.len() <= 15
            && int.bytes().all(|b| b.is_ascii_digit())
            && !frac.is_empty()
            && frac.len() <= 6
            && frac.bytes().all(|b| b.is_ascii_digit())
    };
    let date = {
        let parts: Vec<&str> = v.split('-').collect();
        match parts.as_slice() {
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        }
    };
    number || date || matches!(v, "true" | "false" | "~")
}

/// Replaces the plain scalar at `at` by `value` written unquoted (only a value [`raw_ok`]
/// accepts, over a plain scalar that was one too, so a text never turns into a number).
fn set_raw(editor: &mut Editor, at: &str, value: &str) -> Result<vinhdanh_yaml::Change, String> {
    if !raw_ok(value) {
        return Err(msg::write_not_raw(value));
    }
    let index = editor.index();
    let plain = matches!(
        index.kind(at),
        Some(Kind::Scalar {
            style: Style::Plain,
            tagged: false
        })
    ) && index.scalar(at).is_some_and(raw_ok);
    let span = index.value(at).filter(|s| s.start < s.end);
    let (true, Some(span)) = (plain, span) else {
        return Err(msg::write_not_raw(value));
    };
    let text = editor.text();
    let new = [&text[..span.start], value, &text[span.end..]].concat();
    let line = span.line;
    let mut fresh = Editor::new(&new).map_err(|e| e.to_string())?;
    std::mem::swap(editor, &mut fresh);
    Ok(vinhdanh_yaml::Change {
        before: line..line + 1,
        after: line..line + 1,
    })
}

/// Adds `# đã kiểm tra` at the end of the line of the one-line value at `at` (after its own
/// comment, if it has one), unless the line says so already; every value reads back the same.
fn confirm(editor: &mut Editor, at: &str) -> Result<vinhdanh_yaml::Change, String> {
    let index = editor.index();
    let span = index
        .value(at)
        .ok_or_else(|| msg::write_confirm_failed(at))?;
    let text = editor.text();
    let line_end = text[span.start..]
        .find('\n')
        .map_or(text.len(), |i| span.start + i);
    let line_end = if text[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    };
    // A value on more than one line has no end of line to carry the mark.
    if span.end > line_end || !matches!(index.kind(at), Some(Kind::Scalar { .. })) {
        return Err(msg::write_confirm_failed(at));
    }
    // What follows the value on its line: a flow collection's end, a comment.
    let rest = text[span.end..line_end].trim();
    let line = span.line;
    if vinhdanh_core::text::fold(rest).contains("da kiem tra") {
        return Ok(vinhdanh_yaml::Change {
            before: line..line + 1,
            after: line..line + 1,
        });
    }
    let mark = if !rest.contains('#') {
        format!("   # {}", msg::CONFIRMED)
    } else {
        format!(" · {}", msg::CONFIRMED)
    };
    let new = [&text[..line_end], mark.as_str(), &text[line_end..]].concat();
    let fresh = Editor::new(&new).map_err(|e| e.to_string())?;
    let same = fresh.index().values().count() == index.values().count()
        && index.values().all(|(p, _, k)| {
            fresh.index().kind(p) == Some(k) && fresh.index().scalar(p) == index.scalar(p)
        });
    if !same {
        return Err(msg::write_confirm_failed(at));
    }
    *editor = fresh;
    Ok(vinhdanh_yaml::Change {
        before: line..line + 1,
        after: line..line + 1,
    })
}

/// Replaces the block list at `at` by `items`, written as YAML at the list's indentation
/// (texts double-quoted: JSON's string syntax is YAML's), then checks every scalar of the
/// result reads back as sent.
fn replace_list(
    editor: &mut Editor,
    at: &str,
    items: &[serde_json::Value],
) -> Result<vinhdanh_yaml::Change, String> {
    if items.is_empty() {
        return Err(msg::write_no_edit());
    }
    let index = editor.index();
    let span = match (index.kind(at), index.value(at)) {
        (Some(Kind::Sequence), Some(span)) => span,
        _ => return Err(msg::write_not_block_list(at)),
    };
    let text = editor.text();
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[line_start..span.start];
    if !indent.bytes().all(|b| b == b' ') || !text[span.start..].starts_with('-') {
        return Err(msg::write_not_block_list(at));
    }
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::new();
    emit_seq(&mut out, items, indent.len(), eol).map_err(|e| e.to_string())?;
    if end == text.len() && !text.ends_with('\n') {
        out.truncate(out.len() - eol.len());
    }
    let new = [&text[..line_start], out.as_str(), &text[end..]].concat();
    let fresh = Editor::new(&new).map_err(|e| e.to_string())?;
    let mut leaves = Vec::new();
    for (i, item) in items.iter().enumerate() {
        leaves_of(&format!("{at}[{i}]"), item, &mut leaves);
    }
    for (path, want) in &leaves {
        if fresh.index().scalar(path) != Some(want.as_str()) {
            return Err(msg::write_not_block_list(at));
        }
    }
    let first = text[..line_start].matches('\n').count() + 1;
    let before = first..first + text[line_start..end].matches('\n').count();
    let after = first..first + out.matches('\n').count();
    *editor = fresh;
    Ok(vinhdanh_yaml::Change { before, after })
}

/// A scalar as the block writes it: a text double-quoted, a number or `true`/`false` as is.
fn emit_scalar(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => serde_json::to_string(s).ok(),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Null => Some("~".into()),
        _ => None,
    }
}

fn emit_seq(
    out: &mut String,
    items: &[serde_json::Value],
    indent: usize,
    eol: &str,
) -> Result<(), &'static str> {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        emit_node(out, item, indent + 2, true, eol)?;
    }
    Ok(())
}

/// `v` after a `- ` or a `key:`; `inline`: the first line is already started.
fn emit_node(
    out: &mut String,
    v: &serde_json::Value,
    indent: usize,
    inline: bool,
    eol: &str,
) -> Result<(), &'static str> {
    match v {
        serde_json::Value::Array(a) if !a.is_empty() => {
            if inline {
                // A list straight in a list item: not in the data's blocks.
                return Err("nested list");
            }
            out.push_str(eol);
            emit_seq(out, a, indent, eol)
        }
        serde_json::Value::Object(m) if !m.is_empty() => {
            if !inline {
                out.push_str(eol);
            }
            // `body` last: a block's title first, as the data files write it.
            let mut entries: Vec<(&String, &serde_json::Value)> = m.iter().collect();
            entries.sort_by_key(|(k, _)| k.as_str() == "body");
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if k.is_empty() || !k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    return Err("key");
                }
                if i > 0 || !inline {
                    out.push_str(&" ".repeat(indent));
                }
                out.push_str(k);
                out.push(':');
                match emit_scalar(val) {
                    Some(s) => {
                        out.push(' ');
                        out.push_str(&s);
                        out.push_str(eol);
                    }
                    None => emit_node(out, val, indent + 2, false, eol)?,
                }
            }
            Ok(())
        }
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => Err("empty collection"),
        scalar => {
            if !inline {
                out.push(' ');
            }
            out.push_str(&emit_scalar(scalar).ok_or("scalar")?);
            out.push_str(eol);
            Ok(())
        }
    }
}

fn leaves_of(path: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves_of(&format!("{path}[{i}]"), x, out);
            }
        }
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                leaves_of(&format!("{path}.{k}"), x, out);
            }
        }
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        _ => {}
    }
}

/// Whether `bytes` are what the extension of `rel` says: a zip (xlsx, ods), an OLE file (xls),
/// or text (csv).
fn looks_like(rel: &str, bytes: &[u8]) -> bool {
    let ext = rel
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "ods" => bytes.starts_with(b"PK\x03\x04"),
        "xls" => bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        "csv" => {
            !bytes.is_empty()
                && !bytes.contains(&0)
                && (std::str::from_utf8(bytes).is_ok() || !bytes.starts_with(b"PK"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data/sub")).unwrap();
        std::fs::write(
            dir.path().join("data/plan.yaml"),
            "# head\r\nplan:\r\n  number: ~   # số\r\n  name: 'Xã A'\r\n  count: 4\r\n  list: [a, b]\r\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("secret.yaml"), "x: 1\n").unwrap();
        let ws = Workspace::new(dir.path()).unwrap();
        (dir, ws)
    }

    #[test]
    fn a_put_makes_a_mapping_over_null_in_crlf_and_refuses_bad_values_unchanged() {
        let (dir, ws) = project();
        let file = dir.path().join("data/plan.yaml");
        let before = std::fs::read(&file).unwrap();
        let v = ws.read("data/plan.yaml").unwrap().version;
        let value = serde_json::json!({"map": [["position", "PHÓ CHỦ TỊCH"], ["mode", "KT"], ["count", 2], ["image", null]]});
        ws.edit(
            "data/plan.yaml",
            &v,
            &[Op::Put {
                at: "plan.number".into(),
                value,
            }],
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "# head\r\nplan:\r\n  number:   # số\r\n    position: PHÓ CHỦ TỊCH\r\n    mode: KT\r\n    count: 2\r\n    image: ~\r\n  name: 'Xã A'\r\n  count: 4\r\n  list: [a, b]\r\n"
        );
        ws.undo().unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), before);
        let v = ws.read("data/plan.yaml").unwrap().version;
        for bad in [
            serde_json::json!({"a": 1}),
            serde_json::json!({"map": [["k"]]}),
            serde_json::json!({"map": [[1, 2]]}),
            serde_json::json!(1e300),
            serde_json::json!({"map": [["", 1]]}),
            serde_json::json!({"map": [["k", 1], ["k", 2]]}),
        ] {
            let r = ws.edit(
                "data/plan.yaml",
                &v,
                &[Op::Put {
                    at: "plan.number".into(),
                    value: bad.clone(),
                }],
            );
            assert!(matches!(r, Err(Refusal::Bad(_))), "{bad}: {r:?}");
            assert_eq!(std::fs::read(&file).unwrap(), before, "{bad}");
        }
    }

    #[test]
    fn a_set_changes_only_its_value_and_undo_restores_the_bytes() {
        let (dir, ws) = project();
        let file = dir.path().join("data/plan.yaml");
        let before = std::fs::read(&file).unwrap();
        let v = ws.read("data/plan.yaml").unwrap().version;
        let w = ws
            .edit(
                "data/plan.yaml",
                &v,
                &[
                    Op::Set {
                        at: "plan.name".into(),
                        value: "Xã B".into(),
                        raw: false,
                    },
                    Op::Set {
                        at: "plan.number".into(),
                        value: "15".into(),
                        raw: true,
                    },
                ],
            )
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "# head\r\nplan:\r\n  number: 15   # số\r\n  name: 'Xã B'\r\n  count: 4\r\n  list: [a, b]\r\n"
        );
        assert!(w.backup.as_deref().unwrap().starts_with("data.bak-"));
        assert!(
            dir.path()
                .join(w.backup.unwrap())
                .join("plan.yaml")
                .is_file()
        );
        // The old version is now a conflict.
        let again = ws.edit(
            "data/plan.yaml",
            &v,
            &[Op::Remove {
                at: "plan.count".into(),
            }],
        );
        assert!(matches!(again, Err(Refusal::Conflict(_))), "{again:?}");
        ws.undo().unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), before);
        assert!(ws.undo().is_err(), "nothing left to undo");
    }

    #[test]
    fn raw_values_only_over_plain_typed_ones() {
        let (_dir, ws) = project();
        let v = ws.read("data/plan.yaml").unwrap().version;
        for (at, value) in [
            ("plan.name", "5"),
            ("plan.count", "5: x"),
            ("plan.count", "[1]"),
        ] {
            let r = ws.edit(
                "data/plan.yaml",
                &v,
                &[Op::Set {
                    at: at.into(),
                    value: value.into(),
                    raw: true,
                }],
            );
            assert!(matches!(r, Err(Refusal::Bad(_))), "{at} {value}: {r:?}");
        }
    }

    #[test]
    fn paths_stay_inside_data() {
        let (dir, ws) = project();
        assert!(ws.resolve("data/plan.yaml", YAML).is_ok());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(
                dir.path().join("secret.yaml"),
                dir.path().join("data/l.yaml"),
            )
            .unwrap();
            std::os::unix::fs::symlink(dir.path(), dir.path().join("data/up")).unwrap();
        }
        for bad in [
            "data/../secret.yaml",
            "secret.yaml",
            "/etc/passwd",
            "data//plan.yaml",
            "data/./plan.yaml",
            "data\\..\\secret.yaml",
            "data/..\\secret.yaml",
            "data/C:x.yaml",
            "data/l.yaml",
            "data/up/secret.yaml",
            "data/plan.txt",
            "data/.hidden.yaml",
            "data/sub",
            "data/sub/../../secret.yaml",
        ] {
            assert!(ws.resolve(bad, YAML).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_block_list_replaced_reads_back_as_sent() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        let before = "# đầu\r\nplan:\r\n  body:\r\n    - p: cũ # chú thích\r\n    - section: A\r\n      body:\r\n        - p: x\r\n  closing: hết\r\n";
        std::fs::write(dir.path().join("data/plan.yaml"), before).unwrap();
        let ws = Workspace::new(dir.path()).unwrap();
        let v = ws.read("data/plan.yaml").unwrap().version;
        let items: Vec<serde_json::Value> = serde_json::from_str(
            r#"[{"p": "Mở đầu: \"trích\" # không phải chú thích"},
                {"body": [{"numbered": ["một", "hai"]}, {"heading": "1. H", "body": [{"list": ["- a", "b"]}]}], "section": "MỤC ĐÍCH"},
                {"agenda": true}]"#,
        )
        .unwrap();
        ws.edit(
            "data/plan.yaml",
            &v,
            &[Op::Replace {
                at: "plan.body".into(),
                items,
            }],
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("data/plan.yaml")).unwrap(),
            "# đầu\r\nplan:\r\n  body:\r\n    - p: \"Mở đầu: \\\"trích\\\" # không phải chú thích\"\r\n    - section: \"MỤC ĐÍCH\"\r\n      body:\r\n        - numbered:\r\n            - \"một\"\r\n            - \"hai\"\r\n        - heading: \"1. H\"\r\n          body:\r\n            - list:\r\n                - \"- a\"\r\n                - \"b\"\r\n    - agenda: true\r\n  closing: hết\r\n"
        );
    }

    /// The loader's and the rules' own messages come back at the field typed in, before
    /// anything is written: a date that does not exist, a text where a date goes, a group
    /// the plan does not have; a good value has none.
    #[test]
    fn a_value_being_typed_is_checked_by_the_rules_at_its_field_nothing_written() {
        let dir = tempfile::tempdir().unwrap();
        crate::project::Project::write_default(dir.path()).unwrap();
        let ws = Workspace::new(dir.path()).unwrap();
        let before = std::fs::read(dir.path().join("data/plan.yaml")).unwrap();
        let v = ws.read("data/plan.yaml").unwrap().version;
        let check = |at: &str, value: &str, raw: bool| {
            ws.check(
                "data/plan.yaml",
                &v,
                &[Op::Set {
                    at: at.into(),
                    value: value.into(),
                    raw,
                }],
            )
            .unwrap()
        };
        // A weekday: a weekend date is warned at its field, rightly.
        assert_eq!(check("conference.date", "2025-08-21", true), vec![]);
        for (value, raw) in [("2025-02-30", true), ("22 tháng 8", false)] {
            let found = check("conference.date", value, raw);
            assert!(
                found
                    .iter()
                    .any(|f| f.path == "conference.date" && f.severity == "error"),
                "{value}: {found:?}"
            );
        }
        // A number out of its range (ND30's body size).
        let found = check("layout.body_size", "30", true);
        assert!(
            found
                .iter()
                .any(|f| f.path == "layout.body_size" && f.severity == "error"),
            "{found:?}"
        );
        let dv = ws.read("data/delegates.yaml").unwrap().version;
        let found = ws
            .check(
                "data/delegates.yaml",
                &dv,
                &[Op::Set {
                    at: "delegates[0].group".into(),
                    value: "khong-co-nhom-nay".into(),
                    raw: false,
                }],
            )
            .unwrap();
        assert!(
            found.iter().any(|f| f.path == "delegates[0].group"
                && f.severity == "error"
                && f.message.contains("khong-co-nhom-nay")),
            "{found:?}"
        );
        assert_eq!(
            std::fs::read(dir.path().join("data/plan.yaml")).unwrap(),
            before
        );
        assert!(ws.undo().is_err(), "nothing was saved");
        assert!(
            !std::fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("data.bak")),
            "no backup made"
        );
    }

    /// The confirming comment goes at the end of the value's line, after a comment it has,
    /// once; a value over several lines is refused, the file unchanged.
    #[test]
    fn a_sample_value_is_confirmed_by_a_comment_at_the_end_of_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        let file = dir.path().join("data/decision.yaml");
        std::fs::write(
            &file,
            "bases:\r\n  - Căn cứ Luật Thi đua, Khen thưởng;\r\n  - 'Căn cứ # 2'  # cũ\r\naward: {collective: 1404000}\r\nlong: \"a\r\n  b\"\r\n",
        )
        .unwrap();
        let ws = Workspace::new(dir.path()).unwrap();
        for at in ["bases[0]", "bases[1]", "award.collective", "bases[0]"] {
            let v = ws.read("data/decision.yaml").unwrap().version;
            ws.edit("data/decision.yaml", &v, &[Op::Confirm { at: at.into() }])
                .unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "bases:\r\n  - Căn cứ Luật Thi đua, Khen thưởng;   # đã kiểm tra\r\n  - 'Căn cứ # 2'  # cũ · đã kiểm tra\r\naward: {collective: 1404000}   # đã kiểm tra\r\nlong: \"a\r\n  b\"\r\n"
        );
        let before = std::fs::read(&file).unwrap();
        let v = ws.read("data/decision.yaml").unwrap().version;
        let r = ws.edit(
            "data/decision.yaml",
            &v,
            &[Op::Confirm { at: "long".into() }],
        );
        assert!(matches!(r, Err(Refusal::Bad(_))), "{r:?}");
        assert_eq!(std::fs::read(&file).unwrap(), before);
    }

    #[test]
    fn raw_values() {
        for ok in [
            "4",
            "-3",
            "1.15",
            "2025",
            "2025-08",
            "2025-08-22",
            "true",
            "~",
        ] {
            assert!(raw_ok(ok), "{ok}");
        }
        for bad in [
            "", "07:30", "4 x", "1e5", "0x10", "2025-8", "yes", "null", "a", "1.", ".5",
        ] {
            assert!(!raw_ok(bad), "{bad}");
        }
    }
}
