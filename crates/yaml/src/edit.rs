//! The format-preserving editor: yaml-edit's lossless tree does the edits (see the crate docs
//! for why and the measurements); this module names nodes by our field paths, chooses how a
//! new scalar is written, refuses what it cannot do safely, and says which lines changed,
//! using the [`Index`] of the text before the edit.

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;

use yaml_edit::{Mapping, ScalarStyle, ScalarValue, Sequence, YamlFile, YamlNode};

use crate::index::{Index, Kind, Span, Style as IStyle};
use crate::path::{self, Seg};

/// Why an edit was not made. The text is then unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("not a field path: `{path}`")]
    BadPath { path: String },
    #[error("the YAML is not valid at line {line}, column {col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("the file holds several YAML documents; only a file of one document is edited")]
    MultiDocument,
    #[error("nothing at `{path}`")]
    NotFound { path: String },
    #[error("`{path}` is not a {expected}")]
    WrongKind {
        path: String,
        expected: &'static str,
    },
    #[error("`{path}` goes through an alias or a tagged collection, which is not edited")]
    Unsupported { path: String },
    #[error("`{path}` has no item {index} (it has {len})")]
    OutOfRange {
        path: String,
        index: usize,
        len: usize,
    },
    #[error("the mapping at `{path}` already has the key `{key}`")]
    KeyExists { path: String, key: String },
    #[error("a key cannot be empty or hold a line break")]
    BadKey,
    /// The edit would have left a text that does not parse (a fault of this layer: the edit
    /// was undone).
    #[error("the edit of `{path}` was undone: {detail}")]
    Internal { path: String, detail: String },
}

/// A list item to insert: a scalar, or a small mapping of scalars in the given key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Scalar(String),
    Map(Vec<(String, String)>),
}

/// Which lines an edit replaced: lines `before` of the text before it (from 1, end excluded)
/// became lines `after` of the text after it; every other line is byte-identical. An empty
/// range is a pure insertion or removal at that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub before: Range<usize>,
    pub after: Range<usize>,
}

/// Edits one YAML text in place: comments, key order, quoting of untouched scalars,
/// indentation, CRLF and a byte-order mark are kept.
pub struct Editor {
    file: YamlFile,
    text: String,
    index: Index,
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor").field("text", &self.text).finish()
    }
}

impl Editor {
    /// Refuses a text that does not parse (the error is yaml-rust2's, located as the loader
    /// locates it) or holds several documents.
    pub fn new(text: &str) -> Result<Editor, Error> {
        check_syntax(text)?;
        let file = parse_tree(text)?;
        Ok(Editor {
            file,
            text: text.to_string(),
            index: Index::build(text),
        })
    }

    /// The text as edited so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The index of the text as edited so far.
    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn finish(self) -> String {
        self.text
    }

    /// Sets the scalar at `path` to the string `value`, or adds the key at the end of its
    /// mapping. The scalar keeps its quoting when that still reads back as `value`; otherwise
    /// it is plain when plain is safe, else double-quoted.
    pub fn set(&mut self, path: &str, value: &str) -> Result<Change, Error> {
        let (parent, last) = split_last(path)?;
        let node = self.node(path, &parent)?;
        let old = self.scalar_at(&node, &last);
        let region = match &last {
            Seg::Key(_) if self.index.value(path).is_none() => {
                // A new key goes after the mapping's last entry.
                let parent = self.parent_path(path);
                let end = match self.index.value(&parent) {
                    Some(m) => m.end,
                    None if parent.is_empty() => self.text.len(),
                    None => return Err(not_found(path)),
                };
                end..end
            }
            _ => self.entry_span(path)?,
        };
        let flow = is_flow(&node);
        let old_style = old.as_ref().map(ScalarValue::style);
        let style = choose(value, old_style, flow);
        let written = write(value, style);
        // A scalar written inline is replaced where it stands: nothing else of its line moves.
        match self.index.kind(path) {
            Some(Kind::Scalar {
                style: IStyle::Plain | IStyle::SingleQuoted | IStyle::DoubleQuoted,
                tagged: false,
            })
            | Some(Kind::Alias) => {
                let span = self.index.value(path).ok_or_else(|| not_found(path))?;
                // An empty value's span is where the parser marked it: the next token.
                if span.start < span.end {
                    let new = [
                        &self.text[..span.start],
                        written.as_str(),
                        &self.text[span.end..],
                    ]
                    .concat();
                    let before = self.lines(span.start..span.end);
                    return self.replace_text(path, new, before);
                }
            }
            _ => {}
        }
        let scalar = tree_scalar(value, style, old_style);
        let path_owned = path.to_string();
        let mut fixes = vec![Fix::value(path, written)];
        if let Seg::Key(k) = &last
            && self.index.value(path).is_none()
        {
            fixes.push(Fix::key(path, write(k, choose(k, None, flow))));
        }
        self.apply(path, region, fixes, move || {
            match (&node, &last) {
                (YamlNode::Mapping(m), Seg::Key(k)) => {
                    m.set(tree_scalar(k, choose(k, None, flow), None), scalar)
                }
                (YamlNode::Sequence(s), Seg::Item(i)) => {
                    if !s.set(*i, scalar) {
                        return Err(not_found(&path_owned));
                    }
                }
                _ => return Err(not_found(&path_owned)),
            }
            Ok(())
        })
    }

    /// Renames the key of the field at `path` to `new_key`, keeping its value, comments and
    /// position (and the key's quoting when it still works).
    pub fn rename_key(&mut self, path: &str, new_key: &str) -> Result<Change, Error> {
        let (parent, last) = split_last(path)?;
        let Seg::Key(old) = last else {
            return Err(Error::WrongKind {
                path: path.to_string(),
                expected: "mapping key",
            });
        };
        if new_key.is_empty() || new_key.contains(['\n', '\r']) {
            return Err(Error::BadKey);
        }
        let node = self.node(path, &parent)?;
        let YamlNode::Mapping(m) = &node else {
            return Err(not_found(path));
        };
        let key_span = self.index.key(path).ok_or_else(|| not_found(path))?;
        if new_key == old {
            return Ok(Change {
                before: self.lines(key_span.start..key_span.end),
                after: self.lines(key_span.start..key_span.end),
            });
        }
        if m.contains_key(new_key) {
            return Err(Error::KeyExists {
                path: self.parent_path(path),
                key: new_key.to_string(),
            });
        }
        let style = choose(
            new_key,
            Some(key_style(&self.text[key_span.start..key_span.end])),
            is_flow(&node),
        );
        let key = tree_scalar(new_key, style, None);
        let new_path = path::join(&self.parent_path(path), new_key);
        let fixes = vec![Fix::key(&new_path, write(new_key, style))];
        let m = m.clone();
        self.apply(path, key_span.start..key_span.end, fixes, move || {
            m.rename_key(old.as_str(), key);
            Ok(())
        })
    }

    /// Inserts `item` into the list at `list` so that it becomes item `index` (`index` = the
    /// list's length appends).
    pub fn insert(&mut self, list: &str, index: usize, item: Item) -> Result<Change, Error> {
        let seq = self.sequence(list)?;
        let len = seq.len();
        if index > len {
            return Err(Error::OutOfRange {
                path: list.to_string(),
                index,
                len,
            });
        }
        if let Item::Map(entries) = &item {
            for (i, (k, _)) in entries.iter().enumerate() {
                if k.is_empty() || k.contains(['\n', '\r']) {
                    return Err(Error::BadKey);
                }
                if entries[..i].iter().any(|(o, _)| o == k) {
                    return Err(Error::KeyExists {
                        path: path::item(list, index),
                        key: k.clone(),
                    });
                }
            }
        }
        let region = if index < len {
            let s = self.entry_span(&path::item(list, index))?;
            s.start..s.start
        } else if len > 0 {
            // An appended item goes after the comments that follow the last one.
            let s = self.entry_span(&path::item(list, len - 1))?;
            s.end..self.over_trivia(s.end)
        } else {
            match self.index.value(list) {
                Some(s) => s.start..s.end,
                // The root is not indexed: an empty root list is the whole text.
                None if list.is_empty() => 0..self.text.len(),
                None => return Err(not_found(list)),
            }
        };
        let flow = seq.is_flow_style();
        // Where an item appended to a block list goes in the text as it is now: after the last
        // item's last line, before the blank lines that close the list.
        let appended_at = if index == len && len > 0 && !flow {
            self.block_item_lines(&path::item(list, len - 1))
                .map(|r| (r.end, self.text.clone()))
        } else {
            None
        };
        let at = path::item(list, index);
        let mut fixes = Vec::new();
        match &item {
            Item::Scalar(v) => fixes.push(Fix::value(&at, write(v, choose(v, None, flow)))),
            Item::Map(entries) => {
                for (k, v) in entries {
                    let p = path::join(&at, k);
                    fixes.push(Fix::key(&p, write(k, choose(k, None, flow))));
                    fixes.push(Fix::value(&p, write(v, choose(v, None, flow))));
                }
            }
        }
        let change = self.apply(list, region, fixes, move || {
            match item {
                Item::Scalar(v) => seq.insert(index, tree_scalar(&v, choose(&v, None, flow), None)),
                Item::Map(entries) => {
                    let m = Mapping::new();
                    for (k, v) in &entries {
                        m.set(
                            tree_scalar(k, choose(k, None, flow), None),
                            tree_scalar(v, choose(v, None, flow), None),
                        );
                    }
                    seq.insert(index, m);
                }
            }
            Ok(())
        })?;
        match appended_at {
            Some((end, old)) => Ok(self.keep_list_end(&at, end, old).unwrap_or(change)),
            None => Ok(change),
        }
    }

    /// The lines of the block list item at `path`, from its dash (alone at the start of its
    /// line) to the end of the line its value's last non-blank text is on: a block scalar's
    /// span also holds the blank lines after it, which belong to what follows the list.
    fn block_item_lines(&self, path: &str) -> Option<Range<usize>> {
        let mut span = self.entry_span(path).ok()?;
        if !self.text[span.start..].starts_with('-') {
            // A block scalar's span starts at its text, under the `- |` line.
            let before = self.text[..span.start].trim_end();
            let header =
                before.trim_end_matches(|c: char| c == '+' || c == '-' || c.is_ascii_digit());
            let dash = header
                .strip_suffix(['|', '>'])
                .map(|h| h.trim_end_matches(' '))
                .and_then(|h| h.strip_suffix('-'));
            span.start = dash?.len();
        }
        let line_start = self.text[..span.start].rfind('\n').map_or(0, |n| n + 1);
        if !self.text[line_start..span.start].bytes().all(|b| b == b' ')
            || !self.text[span.start..].starts_with('-')
        {
            return None;
        }
        let content = span.start + self.text[span.start..span.end].trim_end().len();
        let end = self.text[content..]
            .find('\n')
            .map_or(self.text.len(), |n| content + n + 1);
        Some(line_start..end)
    }

    /// Rewrites the text the tree made for an item appended at `at` so that the item's lines
    /// go right after the list's last line (`end` in `old`, the text before): the tree puts
    /// them after the blank lines a block scalar ends with, taking those blank lines away from
    /// the end of the list. Taken only when it reads as the tree's result, value for value.
    fn keep_list_end(&mut self, at: &str, end: usize, old: String) -> Option<Change> {
        let item = self.block_item_lines(at)?;
        let mut lines = self.text[item].to_string();
        let eol = if old.contains("\r\n") { "\r\n" } else { "\n" };
        if !lines.ends_with('\n') {
            lines.push_str(eol);
        }
        let head = &old[..end];
        let text = if head.ends_with('\n') || head.is_empty() {
            [head, lines.as_str(), &old[end..]].concat()
        } else {
            let lines = lines.strip_suffix(eol).unwrap_or(&lines);
            [head, eol, lines, &old[end..]].concat()
        };
        let first = old[..end].matches('\n').count() + 1;
        let added = lines.matches('\n').count();
        let change = Change {
            before: first..first,
            after: first..first + added,
        };
        if text == self.text {
            return Some(change);
        }
        check_syntax(&text).ok()?;
        let index = Index::build(&text);
        let same = index.values().count() == self.index.values().count()
            && self.index.values().all(|(p, _, kind)| {
                index.kind(p) == Some(kind) && index.scalar(p) == self.index.scalar(p)
            });
        if !same {
            return None;
        }
        self.file = parse_tree(&text).ok()?;
        self.index = index;
        self.text = text;
        Some(change)
    }

    /// Moves item `from` of the list at `list` so that it becomes item `to`, with the comments
    /// inside it.
    pub fn move_item(&mut self, list: &str, from: usize, to: usize) -> Result<Change, Error> {
        let seq = self.sequence(list)?;
        let len = seq.len();
        for index in [from, to] {
            if index >= len {
                return Err(Error::OutOfRange {
                    path: list.to_string(),
                    index,
                    len,
                });
            }
        }
        let a = self.entry_span(&path::item(list, from.min(to)))?;
        let b = self.entry_span(&path::item(list, from.max(to)))?;
        if from == to {
            return Ok(Change {
                before: self.lines(a.start..a.end),
                after: self.lines(a.start..a.end),
            });
        }
        if seq.is_flow_style() {
            // Flow items are scalars or flow collections: the tree copies them as typed.
            return self.apply(list, a.start..b.end, Vec::new(), move || {
                let node = seq.get(from).ok_or_else(|| Error::Internal {
                    path: String::new(),
                    detail: "item vanished".into(),
                })?;
                seq.remove(from);
                seq.insert(to, node);
                Ok(())
            });
        }
        // A block item moves as its lines: yaml-edit 0.3.6 re-indents a copied block mapping.
        let item = |i| self.item_lines(list, i);
        let moved = item(from)?;
        let new = if to < from {
            let at = item(to)?.start;
            [
                &self.text[..at],
                &self.text[moved.clone()],
                &self.text[at..moved.start],
                &self.text[moved.end..],
            ]
            .concat()
        } else {
            let at = item(to)?.end;
            [
                &self.text[..moved.start],
                &self.text[moved.end..at],
                &self.text[moved.clone()],
                &self.text[at..],
            ]
            .concat()
        };
        let before = self.lines(a.start..b.end);
        self.replace_text(list, new, before)
    }

    /// The whole lines of block list item `i` of `list`, with their line breaks: from its dash
    /// (alone at the start of its line) to the end of the line its value ends on.
    fn item_lines(&self, list: &str, i: usize) -> Result<Range<usize>, Error> {
        let p = path::item(list, i);
        let span = self.entry_span(&p)?;
        let line_start = self.text[..span.start].rfind('\n').map_or(0, |n| n + 1);
        let unsupported = || Error::Unsupported { path: p.clone() };
        let bom = if line_start == 0 && self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        if !self.text[line_start + bom..span.start]
            .trim_matches(' ')
            .is_empty()
            || !self.text[span.start..].starts_with('-')
        {
            return Err(unsupported());
        }
        let end = match self.text[span.end..].find('\n') {
            Some(n) => span.end + n + 1,
            // The last line: it gains the line break it moves away with.
            None => return Err(unsupported()),
        };
        Ok(line_start + bom..end)
    }

    /// Takes `new` as the text (edited as text, not through the tree), if it parses.
    fn replace_text(
        &mut self,
        path: &str,
        new: String,
        before: Range<usize>,
    ) -> Result<Change, Error> {
        if let Err(e) = check_syntax(&new) {
            return Err(Error::Internal {
                path: path.to_string(),
                detail: e.to_string(),
            });
        }
        let file = parse_tree(&new)?;
        let after_end = (before.end + line_count(&new)).saturating_sub(line_count(&self.text));
        let after = before.start..after_end.max(before.start);
        self.file = file;
        self.index = Index::build(&new);
        self.text = new;
        Ok(Change { before, after })
    }

    /// Removes the field or list item at `path`, with its key.
    pub fn remove(&mut self, path: &str) -> Result<Change, Error> {
        let (parent, last) = split_last(path)?;
        let node = self.node(path, &parent)?;
        let region = self.removal_region(path, &node)?;
        let path_owned = path.to_string();
        self.apply(path, region, Vec::new(), move || {
            let removed = match (&node, &last) {
                (YamlNode::Mapping(m), Seg::Key(k)) => m.remove(k.as_str()).is_some(),
                (YamlNode::Sequence(s), Seg::Item(i)) => s.remove(*i).is_some(),
                _ => false,
            };
            if removed {
                Ok(())
            } else {
                Err(not_found(&path_owned))
            }
        })
    }

    /// Runs one tree edit and takes its result, or undoes it: a panic inside yaml-edit or a
    /// text that no longer parses leaves the editor as it was. `region` (bytes of the text
    /// before) is what the edit replaces, for the reported lines.
    fn apply(
        &mut self,
        path: &str,
        region: Range<usize>,
        fixes: Vec<Fix>,
        edit: impl FnOnce() -> Result<(), Error>,
    ) -> Result<Change, Error> {
        let before = self.lines(region);
        let file = &self.file;
        let outcome = catch_unwind(AssertUnwindSafe(|| edit().map(|()| file.to_string())));
        let undo = |this: &mut Editor| -> Result<(), Error> {
            this.file = parse_tree(&this.text)?;
            Ok(())
        };
        let new = match outcome {
            Ok(Ok(new)) => new,
            Ok(Err(e)) => {
                undo(self)?;
                return Err(e);
            }
            Err(_) => {
                undo(self)?;
                return Err(Error::Internal {
                    path: path.to_string(),
                    detail: "the YAML tree editor failed".into(),
                });
            }
        };
        if let Err(e) = check_syntax(&new) {
            undo(self)?;
            return Err(Error::Internal {
                path: path.to_string(),
                detail: e.to_string(),
            });
        }
        let (new, fixed) = fix_up(new, &fixes);
        if fixed {
            if let Err(e) = check_syntax(&new) {
                undo(self)?;
                return Err(Error::Internal {
                    path: path.to_string(),
                    detail: e.to_string(),
                });
            }
            self.file = parse_tree(&new)?;
        }
        let old_count = line_count(&self.text);
        let new_count = line_count(&new);
        let after_end = (before.end + new_count).saturating_sub(old_count);
        let after = before.start..after_end.max(before.start);
        self.index = Index::build(&new);
        self.text = new;
        Ok(Change { before, after })
    }

    /// Lines (from 1, end excluded) holding the bytes `r` of the current text; an empty range
    /// is the line it points into, as an insertion point.
    fn lines(&self, r: Range<usize>) -> Range<usize> {
        let starts = self.index.line_starts();
        let line_of = |b: usize| starts.partition_point(|&s| s <= b);
        let first = line_of(r.start);
        if r.is_empty() {
            // An insertion at a line's indentation goes before that line; elsewhere it
            // rewrites it.
            let line_start = starts.get(first - 1).copied().unwrap_or(0);
            if self.text[line_start.min(r.start)..r.start]
                .trim_matches(' ')
                .is_empty()
            {
                return first..first;
            }
            return first..first + 1;
        }
        first..line_of(r.end.saturating_sub(1)) + 1
    }

    /// What removing `path` rewrites: its entry; the whole collection when it is the last one
    /// (it becomes `[]` or `{}` on its parent's line); up to the next key when it is a
    /// mapping's first key on its item's dash line (the next key moves up to the dash).
    fn removal_region(&self, path: &str, parent: &YamlNode) -> Result<Range<usize>, Error> {
        let region = self.entry_span(path)?;
        let len = match parent {
            YamlNode::Mapping(m) => m.len(),
            YamlNode::Sequence(s) => s.len(),
            _ => 0,
        };
        let parent_path = self.parent_path(path);
        if len <= 1 {
            return Ok(if parent_path.is_empty() {
                region.start.min(self.text.len())..self.text.len()
            } else {
                let p = self.entry_span(&parent_path)?;
                p.start.min(region.start)..p.end.max(region.end)
            });
        }
        let line_start = self.text[..region.start].rfind('\n').map_or(0, |n| n + 1);
        if self.text[line_start..region.start].contains('-') {
            let next = self
                .index
                .keys()
                .filter(|(p, k)| k.start >= region.end && self.parent_path(p) == parent_path)
                .map(|(_, k)| k.start)
                .min();
            if let Some(next) = next {
                return Ok(region.start..next);
            }
        }
        Ok(region)
    }

    /// From `at` to the end of its line and of the comment or blank lines right after it.
    fn over_trivia(&self, at: usize) -> usize {
        let line_end = |from: usize| {
            self.text[from..]
                .find('\n')
                .map_or(self.text.len(), |n| from + n)
        };
        let mut end = line_end(at);
        while end < self.text.len() {
            let next = line_end(end + 1);
            let line = self.text[end + 1..next].trim();
            if !(line.is_empty() || line.starts_with('#')) {
                break;
            }
            end = next;
        }
        end
    }

    /// From the key (or the item's dash) to the end of the value of the field at `path`.
    fn entry_span(&self, path: &str) -> Result<Range<usize>, Error> {
        let v = self.index.value(path).ok_or_else(|| not_found(path))?;
        let start = match self.index.key(path) {
            Some(k) if k.start < v.start => k.start,
            _ => {
                // A list item starts at its dash.
                let before = &self.text[..v.start];
                let trimmed = before.trim_end_matches([' ', '\t']);
                match trimmed.strip_suffix('-') {
                    Some(t) => t.len(),
                    None => v.start,
                }
            }
        };
        Ok(start..v.end.max(start))
    }

    fn parent_path(&self, path: &str) -> String {
        path[..path.rfind(['.', '[']).unwrap_or(0)].to_string()
    }

    /// The node at `parent` of `path` (a mapping or a list), for an edit of its child.
    fn node(&self, path: &str, parent: &[Seg]) -> Result<YamlNode, Error> {
        let doc = self.file.document().ok_or_else(|| not_found(path))?;
        let mut node = if let Some(m) = doc.as_mapping() {
            YamlNode::Mapping(m)
        } else if let Some(s) = doc.as_sequence() {
            YamlNode::Sequence(s)
        } else {
            return Err(not_found(path));
        };
        for seg in parent {
            let next = match (&node, seg) {
                (YamlNode::Mapping(m), Seg::Key(k)) => m.get(k.as_str()),
                (YamlNode::Sequence(s), Seg::Item(i)) => s.get(*i),
                (YamlNode::Alias(_) | YamlNode::TaggedNode(_), _) => {
                    return Err(Error::Unsupported {
                        path: path.to_string(),
                    });
                }
                _ => None,
            };
            node = next.ok_or_else(|| not_found(path))?;
        }
        match node {
            YamlNode::Mapping(_) | YamlNode::Sequence(_) => Ok(node),
            YamlNode::Alias(_) | YamlNode::TaggedNode(_) => Err(Error::Unsupported {
                path: path.to_string(),
            }),
            YamlNode::Scalar(_) => Err(Error::WrongKind {
                path: path.to_string(),
                expected: "mapping or list",
            }),
        }
    }

    fn sequence(&self, list: &str) -> Result<Sequence, Error> {
        let segs = path::parse(list)?;
        match self.node(list, &segs)? {
            YamlNode::Sequence(s) => Ok(s),
            _ => Err(Error::WrongKind {
                path: list.to_string(),
                expected: "list",
            }),
        }
    }

    /// The scalar now at `last` of `node`, to keep its style.
    fn scalar_at(&self, node: &YamlNode, last: &Seg) -> Option<ScalarValue> {
        let child = match (node, last) {
            (YamlNode::Mapping(m), Seg::Key(k)) => m.get(k.as_str()),
            (YamlNode::Sequence(s), Seg::Item(i)) => s.get(*i),
            _ => None,
        }?;
        match child {
            YamlNode::Scalar(s) => Some(ScalarValue::from_scalar(&s)),
            _ => None,
        }
    }
}

fn not_found(path: &str) -> Error {
    Error::NotFound {
        path: path.to_string(),
    }
}

fn split_last(path: &str) -> Result<(Vec<Seg>, Seg), Error> {
    let mut segs = path::parse(path)?;
    let last = segs.pop().ok_or_else(|| Error::BadPath {
        path: path.to_string(),
    })?;
    Ok((segs, last))
}

fn is_flow(node: &YamlNode) -> bool {
    match node {
        YamlNode::Mapping(m) => m.is_flow_style(),
        YamlNode::Sequence(s) => s.is_flow_style(),
        _ => false,
    }
}

fn line_count(text: &str) -> usize {
    text.matches('\n').count() + 1
}

/// yaml-rust2 is the parser the index and the loader's locations follow: a text it rejects
/// is refused with its location, and one of several documents too.
fn check_syntax(text: &str) -> Result<(), Error> {
    use yaml_rust2::parser::{Event, EventReceiver, Parser};
    struct Docs(usize);
    impl EventReceiver for Docs {
        fn on_event(&mut self, ev: Event) {
            if matches!(ev, Event::DocumentStart) {
                self.0 += 1;
            }
        }
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut docs = Docs(0);
    Parser::new_from_str(body)
        .load(&mut docs, true)
        .map_err(|e| Error::Syntax {
            line: e.marker().line(),
            col: e.marker().col() + 1,
            message: e.info().to_string(),
        })?;
    if docs.0 > 1 {
        return Err(Error::MultiDocument);
    }
    Ok(())
}

fn parse_tree(text: &str) -> Result<YamlFile, Error> {
    let parsed = catch_unwind(|| YamlFile::from_str(text));
    match parsed {
        Ok(Ok(f)) if f.documents().count() <= 1 => Ok(f),
        Ok(Ok(_)) => Err(Error::MultiDocument),
        Ok(Err(e)) => Err(Error::Syntax {
            line: 0,
            col: 0,
            message: e.to_string(),
        }),
        Err(_) => Err(Error::Internal {
            path: String::new(),
            detail: "the YAML tree parser failed".into(),
        }),
    }
}

/// The quoting a key is written with, from its text.
fn key_style(key_text: &str) -> ScalarStyle {
    match key_text.as_bytes().first() {
        Some(b'\'') => ScalarStyle::SingleQuoted,
        Some(b'"') => ScalarStyle::DoubleQuoted,
        _ => ScalarStyle::Plain,
    }
}

/// How `value` is written: the old quoting when it still reads back as `value`, else plain
/// when safe, else double-quoted (which can hold anything).
fn choose(value: &str, old: Option<ScalarStyle>, flow: bool) -> IStyle {
    match old {
        Some(ScalarStyle::SingleQuoted) if single_ok(value) => IStyle::SingleQuoted,
        Some(ScalarStyle::DoubleQuoted) => IStyle::DoubleQuoted,
        Some(ScalarStyle::Literal) if !flow && literal_ok(value) => IStyle::Literal,
        _ if plain_ok(value, flow) => IStyle::Plain,
        _ => IStyle::DoubleQuoted,
    }
}

/// `value` as written in `style` (a literal block is left to the tree, which knows its
/// indentation). Double quotes escape only what must be: Vietnamese stays readable.
fn write(value: &str, style: IStyle) -> String {
    match style {
        IStyle::Plain | IStyle::Literal | IStyle::Folded => value.to_string(),
        IStyle::SingleQuoted => format!("'{}'", value.replace('\'', "''")),
        IStyle::DoubleQuoted => {
            let mut out = String::with_capacity(value.len() + 2);
            out.push('"');
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    c if c.is_control()
                        || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}') =>
                    {
                        out.push_str(&format!("\\u{:04X}", c as u32));
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
    }
}

/// The scalar handed to the tree; its text is replaced by [`write`]'s after the edit (see
/// [`fix_up`]) wherever they differ.
fn tree_scalar(value: &str, style: IStyle, old: Option<ScalarStyle>) -> ScalarValue {
    let style = match style {
        IStyle::Plain => ScalarStyle::Plain,
        IStyle::SingleQuoted => ScalarStyle::SingleQuoted,
        IStyle::Literal if old == Some(ScalarStyle::Literal) => ScalarStyle::Literal,
        _ => ScalarStyle::DoubleQuoted,
    };
    ScalarValue::with_style(value, style)
}

/// A scalar an edit wrote, and the text it must have.
struct Fix {
    path: String,
    key: bool,
    text: String,
}

impl Fix {
    fn value(path: &str, text: String) -> Fix {
        Fix {
            path: path.to_string(),
            key: false,
            text,
        }
    }
    fn key(path: &str, text: String) -> Fix {
        Fix {
            path: path.to_string(),
            key: true,
            text,
        }
    }
}

/// yaml-edit 0.3.6 writes every non-ASCII character of a double-quoted scalar as `\uXXXX`:
/// the scalars an edit wrote are given our own text, at the spans the index finds for them.
fn fix_up(text: String, fixes: &[Fix]) -> (String, bool) {
    if fixes.is_empty() {
        return (text, false);
    }
    let index = Index::build(&text);
    let mut edits: Vec<(Range<usize>, &str)> = fixes
        .iter()
        .filter_map(|f| {
            let span = if f.key {
                index.key(&f.path)?
            } else {
                match index.kind(&f.path)? {
                    Kind::Scalar {
                        style: IStyle::Plain | IStyle::SingleQuoted | IStyle::DoubleQuoted,
                        ..
                    } => index.value(&f.path)?,
                    _ => return None,
                }
            };
            let now = &text[span.start..span.end];
            let quoted = f.text.starts_with(['"', '\'']);
            (now != f.text && (quoted || now.starts_with(['"', '\''])) && !now.contains('\n'))
                .then_some((span.start..span.end, f.text.as_str()))
        })
        .collect();
    if edits.is_empty() {
        return (text, false);
    }
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text;
    for (r, t) in edits {
        out.replace_range(r, t);
    }
    (out, true)
}

fn single_ok(value: &str) -> bool {
    !value.chars().any(|c| c.is_control() || c == '\u{feff}')
}

/// A literal block keeps line breaks as typed; its first line cannot start with a blank (that
/// would read as indentation) and no line may end in blanks a reader could trim.
fn literal_ok(value: &str) -> bool {
    value.contains('\n')
        && !value.starts_with([' ', '\t', '\n'])
        && !value.contains("\n\n")
        && value
            .split('\n')
            .all(|l| l == l.trim_end() && !l.chars().any(|c| c.is_control()))
}

/// Whether `value` written bare reads back as the same string under YAML 1.1 and 1.2 (a
/// clerk's other tools may be either): not empty, no indicator at its start, no `: ` or ` #`
/// inside, no blank at either end, and not a word or number either version resolves.
fn plain_ok(value: &str, flow: bool) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if value != value.trim() || value.chars().any(|c| c.is_control() || c == '\u{feff}') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        // `-x`, `?x`, `:x` may be plain, but not worth the doubt.
        return false;
    }
    if value.contains(": ") || value.contains(" #") || value.ends_with(':') {
        return false;
    }
    // In a flow collection libyaml stops a plain scalar at any `:` (and the brackets end it).
    // yaml-rust2 also stops at a ` -` before the collection's end.
    if flow && (value.contains([',', '[', ']', '{', '}', ':', '#']) || value.contains(" -")) {
        return false;
    }
    if value.starts_with("---") || value.starts_with("...") {
        return false;
    }
    !resolves_to_non_string(value)
}

fn resolves_to_non_string(v: &str) -> bool {
    const WORDS: &[&str] = &[
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ".nan", ".inf", "-.inf",
        "+.inf",
    ];
    let lower = v.to_ascii_lowercase();
    if WORDS.contains(&lower.as_str()) {
        return true;
    }
    // Numbers of any base or form, dates and times, sexagesimals: anything that starts like a
    // number and holds only number characters is quoted.
    let body = v.trim_start_matches(['+', '-']);
    body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_hexdigit() || "._:-+xXoObB ".contains(c) || c == 'T' || c == 'Z')
}

/// A value [`Editor::put`] writes: a text (quoted when it must be), a plain scalar written as
/// typed (a number, `true`/`false`, `~`), or a mapping or list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Raw(String),
    Map(Vec<(String, Value)>),
    List(Vec<Value>),
}

/// The plain scalars [`Value::Raw`] may hold: an integer or decimal, `true`, `false`, `~`.
pub fn raw_scalar_ok(v: &str) -> bool {
    let body = v.strip_prefix('-').unwrap_or(v);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    let number = !int.is_empty()
        && int.len() <= 15
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.len() <= 6
        && frac.bytes().all(|b| b.is_ascii_digit());
    number || matches!(v, "true" | "false" | "~")
}

impl Editor {
    /// The field at `path` (a mapping key) gets `value`, whatever it held (`~`, a text, a
    /// mapping, a list) or if it was absent (the key is added after its mapping's last entry).
    /// A block mapping gets a block value at its key's indentation plus two; a flow mapping a
    /// flow value. A comment on the key's line stays on it; nothing else outside the value moves.
    pub fn put(&mut self, path: &str, value: &Value) -> Result<Change, Error> {
        let (parent, last) = split_last(path)?;
        let Seg::Key(key) = &last else {
            return Err(Error::WrongKind {
                path: path.to_string(),
                expected: "mapping key",
            });
        };
        check_value(value)?;
        let node = self.node(path, &parent)?;
        if !matches!(node, YamlNode::Mapping(_)) {
            return Err(Error::WrongKind {
                path: self.parent_path(path),
                expected: "mapping",
            });
        }
        let flow = is_flow(&node);
        let eol = if self.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let text = &self.text;
        let line_end = |at: usize| {
            let e = text[at..].find('\n').map_or(text.len(), |n| at + n);
            if e > at && text[..e].ends_with('\r') {
                e - 1
            } else {
                e
            }
        };
        let (new, region) = match (self.index.key(path), self.index.value(path)) {
            (Some(k), Some(v)) => {
                match self.index.kind(path) {
                    Some(Kind::Alias)
                    | Some(Kind::Scalar {
                        style: IStyle::Literal | IStyle::Folded,
                        ..
                    })
                    | Some(Kind::Scalar { tagged: true, .. }) => {
                        return Err(Error::Unsupported {
                            path: path.to_string(),
                        });
                    }
                    _ => {}
                }
                let colon = k.end
                    + text[k.end..].find(':').ok_or_else(|| Error::Unsupported {
                        path: path.to_string(),
                    })?;
                let between = &text[colon + 1..v.start.max(colon + 1)];
                if between.contains(['&', '!', '|', '>']) {
                    return Err(Error::Unsupported {
                        path: path.to_string(),
                    });
                }
                let key_line_end = line_end(k.end);
                let on_key_line = v.start < key_line_end || v.start == v.end;
                let block_old =
                    matches!(self.index.kind(path), Some(Kind::Mapping | Kind::Sequence))
                        && !text[v.start..].starts_with(['{', '['])
                        && !on_key_line;
                let end = if block_old {
                    line_end(v.end.max(v.start))
                } else {
                    v.end.max(v.start)
                };
                // What the key's line keeps after the value: its comment.
                let rest_of_key_line = if on_key_line {
                    &text[end.min(key_line_end)..key_line_end.max(end)]
                } else {
                    &text[colon + 1..key_line_end]
                };
                let rest_of_key_line = if on_key_line && end > key_line_end {
                    ""
                } else {
                    rest_of_key_line
                };
                let tail_from = if on_key_line {
                    key_line_end.max(end)
                } else {
                    end
                };
                let written = match inline(value, flow) {
                    Some(s) => format!(" {s}{rest_of_key_line}"),
                    None => {
                        let col = self.column(k.start);
                        let mut out = String::from(rest_of_key_line);
                        out.push_str(eol);
                        emit(&mut out, value, col + 2, eol);
                        out.truncate(out.len() - eol.len());
                        out
                    }
                };
                let new = [&text[..colon + 1], written.as_str(), &text[tail_from..]].concat();
                (new, colon..tail_from)
            }
            (None, None) if flow => {
                let p = self.parent_path(path);
                let span = self.index.value(&p).ok_or_else(|| not_found(path))?;
                let close = text[..span.end]
                    .rfind('}')
                    .filter(|&c| c >= span.start)
                    .ok_or_else(|| Error::Unsupported {
                        path: path.to_string(),
                    })?;
                let at = text[..close]
                    .trim_end_matches([' ', '\t', '\r', '\n'])
                    .len();
                let empty = text[span.start..at].trim_end() == "{";
                let entry = format!(
                    "{}{}: {}",
                    if empty { "" } else { ", " },
                    write(key, choose(key, None, true)),
                    inline(value, true).unwrap_or_default()
                );
                let new = [&text[..at], entry.as_str(), &text[at..]].concat();
                (new, at..at)
            }
            (None, None) => {
                let p = self.parent_path(path);
                let siblings: Vec<Span> = self
                    .index
                    .keys()
                    .filter(|(kp, _)| self.parent_path(kp) == p && *kp != p)
                    .map(|(_, s)| s)
                    .collect();
                let first = siblings.iter().map(|s| s.start).min();
                let col = match first {
                    Some(f) => self.column(f),
                    None => {
                        return Err(Error::Unsupported {
                            path: path.to_string(),
                        });
                    }
                };
                let end = match self.index.value(&p) {
                    Some(s) => s.end,
                    None if p.is_empty() => text.trim_end_matches([' ', '\t', '\r', '\n']).len(),
                    None => return Err(not_found(path)),
                };
                let at = line_end(end);
                let mut out = String::from(eol);
                out.push_str(&" ".repeat(col));
                out.push_str(&write(key, choose(key, None, false)));
                out.push(':');
                match inline(value, false) {
                    Some(s) => {
                        out.push(' ');
                        out.push_str(&s);
                    }
                    None => {
                        out.push_str(eol);
                        emit(&mut out, value, col + 2, eol);
                        out.truncate(out.len() - eol.len());
                    }
                }
                let new = [&text[..at], out.as_str(), &text[at..]].concat();
                (new, at..at)
            }
            _ => return Err(not_found(path)),
        };
        let before = self.lines(region);
        let fresh = Editor::new(&new).map_err(|e| Error::Internal {
            path: path.to_string(),
            detail: e.to_string(),
        })?;
        if !reads_back(fresh.index(), path, value) {
            return Err(Error::Internal {
                path: path.to_string(),
                detail: "the value did not read back as written".into(),
            });
        }
        let after_end = (before.end + line_count(&new)).saturating_sub(line_count(&self.text));
        let after = before.start..after_end.max(before.start);
        *self = fresh;
        Ok(Change { before, after })
    }

    /// The column of byte `at` on its line (a byte-order mark is not a column).
    fn column(&self, at: usize) -> usize {
        let ls = self.text[..at].rfind('\n').map_or(0, |n| n + 1);
        let line = &self.text[ls..at];
        line.strip_prefix('\u{feff}')
            .unwrap_or(line)
            .chars()
            .count()
    }
}

fn check_value(v: &Value) -> Result<(), Error> {
    match v {
        Value::Text(_) => Ok(()),
        Value::Raw(r) if raw_scalar_ok(r) => Ok(()),
        Value::Raw(r) => Err(Error::Internal {
            path: String::new(),
            detail: format!("`{r}` is not a number, true, false or ~"),
        }),
        Value::Map(m) => {
            for (i, (k, v)) in m.iter().enumerate() {
                if k.is_empty() || k.contains(['\n', '\r']) {
                    return Err(Error::BadKey);
                }
                if m[..i].iter().any(|(o, _)| o == k) {
                    return Err(Error::KeyExists {
                        path: String::new(),
                        key: k.clone(),
                    });
                }
                check_value(v)?;
            }
            Ok(())
        }
        Value::List(l) => l.iter().try_for_each(check_value),
    }
}

/// `v` on one line (a scalar, an empty collection, or anything in a flow mapping); `None`
/// for a block collection.
fn inline(v: &Value, flow: bool) -> Option<String> {
    match v {
        Value::Text(t) => Some(write(t, choose(t, None, flow))),
        Value::Raw(r) => Some(r.clone()),
        Value::Map(m) if m.is_empty() => Some("{}".into()),
        Value::List(l) if l.is_empty() => Some("[]".into()),
        Value::Map(m) if flow => Some(format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!(
                    "{}: {}",
                    write(k, choose(k, None, true)),
                    inline(v, true).unwrap_or_default()
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Value::List(l) if flow => Some(format!(
            "[{}]",
            l.iter()
                .map(|v| inline(v, true).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => None,
    }
}

/// A block collection, each line at `indent` (ended by `eol`).
fn emit(out: &mut String, v: &Value, indent: usize, eol: &str) {
    match v {
        Value::Map(m) => {
            for (k, v) in m {
                out.push_str(&" ".repeat(indent));
                emit_entry(out, k, v, indent, eol);
            }
        }
        Value::List(l) => {
            for item in l {
                out.push_str(&" ".repeat(indent));
                out.push_str("- ");
                match item {
                    Value::Map(m) if !m.is_empty() => {
                        for (i, (k, v)) in m.iter().enumerate() {
                            if i > 0 {
                                out.push_str(&" ".repeat(indent + 2));
                            }
                            emit_entry(out, k, v, indent + 2, eol);
                        }
                    }
                    Value::List(l) if !l.is_empty() => {
                        // A list in a list: written in flow style on the dash's line.
                        out.push_str(&inline(item, true).unwrap_or_default());
                        out.push_str(eol);
                    }
                    _ => {
                        out.push_str(&inline(item, false).unwrap_or_default());
                        out.push_str(eol);
                    }
                }
            }
        }
        _ => {
            out.push_str(&" ".repeat(indent));
            out.push_str(&inline(v, false).unwrap_or_default());
            out.push_str(eol);
        }
    }
}

/// `key: value` (the line's indentation written), with a block value on the next lines.
fn emit_entry(out: &mut String, k: &str, v: &Value, indent: usize, eol: &str) {
    out.push_str(&write(k, choose(k, None, false)));
    out.push(':');
    match inline(v, false) {
        Some(s) => {
            out.push(' ');
            out.push_str(&s);
            out.push_str(eol);
        }
        None => {
            out.push_str(eol);
            emit(out, v, indent + 2, eol);
        }
    }
}

/// Whether every scalar of `v` reads back at its path of the new text as written.
fn reads_back(index: &Index, path: &str, v: &Value) -> bool {
    match v {
        Value::Text(t) => index.scalar(path) == Some(t.as_str()),
        Value::Raw(r) => index.scalar(path) == Some(r.as_str()),
        Value::Map(m) if m.is_empty() => index.kind(path) == Some(Kind::Mapping),
        Value::List(l) if l.is_empty() => index.kind(path) == Some(Kind::Sequence),
        Value::Map(m) => m
            .iter()
            .all(|(k, v)| reads_back(index, &path::join(path, k), v)),
        Value::List(l) => l
            .iter()
            .enumerate()
            .all(|(i, v)| reads_back(index, &path::item(path, i), v)),
    }
}
