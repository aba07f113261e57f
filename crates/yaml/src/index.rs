//! Where every node of a YAML text is, by field path, from one pass over yaml-rust2's marked
//! events. The loader's diagnostics have always pointed where this parser's marks point
//! (`point`); the spans add the byte range of each value and key, which is what a rule quoting
//! a value or a fixer replacing it needs, and what the old index could not give.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::path;

/// A located piece of the text: bytes `start..end` of the text given to [`Index::build`];
/// `line` (from 1) and `col` (from 1, in characters, as editors count) are those of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
}

/// How a scalar is written; the tone-mark fixer and the editor keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// What a value is. A scalar with a tag (`!date x`, `!!str 1`) says so: it is data, not prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Scalar { style: Style, tagged: bool },
    Alias,
    Mapping,
    Sequence,
}

#[derive(Debug, Clone)]
struct Node {
    span: Span,
    /// The old index's position: for a block collection under a key, the key (a nested block
    /// starts on the next line, and the clerk looks for the key).
    point: (usize, usize),
    kind: Kind,
    /// A scalar's value as parsed (what a fixer rewrites, without decoding quotes itself).
    scalar: Option<Box<str>>,
    /// A scalar's resolved tag (`tag:yaml.org,2002:str` for `!!str`), when it has one.
    tag: Option<Box<str>>,
}

/// Every value and key of one YAML text by field path, and its line starts. Built once per
/// file and shared by whoever needs a location.
#[derive(Debug, Default, Clone)]
pub struct Index {
    values: HashMap<String, Node>,
    keys: HashMap<String, Span>,
    line_starts: Vec<usize>,
    /// Bytes of a byte-order mark skipped at the start (0 or 3): spans count them, columns
    /// do not (nor did the old index, which never saw the mark).
    bom: usize,
}

impl Index {
    /// Indexes `text`. Never fails: a syntax error stops the index where the parser stopped
    /// (the typed parse reports the error itself), so what comes before it is still located.
    pub fn build(text: &str) -> Index {
        index(text, false).0.into_iter().next().unwrap_or_default()
    }

    /// One index per document of `text` (`---` separated), or the syntax error that stops the
    /// parser: for a reader that must see the whole text (the tone-mark fixer) and refuses a
    /// text that does not parse, where [`build`](Self::build) locates what it can.
    pub fn parse(text: &str) -> Result<Vec<Index>, crate::Error> {
        match index(text, true) {
            (docs, None) => Ok(docs),
            (_, Some(e)) => Err(e),
        }
    }

    /// The value at `path`: for a scalar its text with its quotes (a block scalar: its content
    /// lines, without the `|` line), for a collection from its first item (or bracket) to its
    /// last. An empty value (`key:` and nothing) has an empty span where the parser marked
    /// it, at the next token, as the old index pointed.
    pub fn value(&self, path: &str) -> Option<Span> {
        self.values.get(path).map(|n| n.span)
    }

    /// The parsed string of the scalar at `path` (quotes and escapes decoded, lines folded).
    pub fn scalar(&self, path: &str) -> Option<&str> {
        self.values.get(path)?.scalar.as_deref()
    }

    /// The resolved tag of the scalar at `path` (`tag:yaml.org,2002:str` for `!!str`), if it
    /// is written with one.
    pub fn tag(&self, path: &str) -> Option<&str> {
        self.values.get(path)?.tag.as_deref()
    }

    /// The key whose value is at `path` (its text with quotes, if quoted).
    pub fn key(&self, path: &str) -> Option<Span> {
        self.keys.get(path).copied()
    }

    pub fn kind(&self, path: &str) -> Option<Kind> {
        self.values.get(path).map(|n| n.kind)
    }

    /// (line, column) a diagnostic about the value at `path` points at: the value, or for a
    /// block collection under a key, that key. Exactly what the loader has always shown.
    pub fn point(&self, path: &str) -> Option<(usize, usize)> {
        self.values.get(path).map(|n| n.point)
    }

    /// [`point`](Self::point) of `path`, or of its nearest parent that exists: a missing field
    /// is reported at the mapping that should hold it. `None`: not even the root is indexed.
    pub fn locate(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(at) = self.point(p) {
                return Some(at);
            }
            p = &p[..p.rfind(['.', '['])?];
        }
    }

    /// Every key, by the path of its value (in no particular order).
    pub fn keys(&self) -> impl Iterator<Item = (&str, Span)> {
        self.keys.iter().map(|(p, s)| (p.as_str(), *s))
    }

    /// Every value, by path (in no particular order).
    pub fn values(&self) -> impl Iterator<Item = (&str, Span, Kind)> {
        self.values
            .iter()
            .map(|(p, n)| (p.as_str(), n.span, n.kind))
    }

    /// Byte offset where each line starts, the first at 0 even after a byte-order mark (a located diagnostic quotes its line without
    /// scanning the file again: a list of thousands of rows with a warning each was quadratic).
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// Bytes of line `line` (from 1) of `text`, without its line break.
    pub fn line<'t>(&self, text: &'t str, line: usize) -> Option<&'t str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self.line_starts.get(line).map_or(text.len(), |&e| e);
        let l = text.get(start..end)?;
        let l = l.strip_prefix('\u{feff}').unwrap_or(l);
        let l = l.strip_suffix('\n').unwrap_or(l);
        Some(l.strip_suffix('\r').unwrap_or(l))
    }

    /// Byte offset of (line from 1, column in characters from 1) of `text`.
    pub fn offset(&self, text: &str, line: usize, col: usize) -> Option<usize> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let skip = if line == 1 { self.bom } else { 0 };
        let start = start.max(skip);
        let rest = text.get(start..)?;
        let delta = rest
            .char_indices()
            .nth(col.checked_sub(1)?)
            .map_or(rest.len(), |(i, _)| i);
        Some(start + delta)
    }
}

/// The indices of the first document (every document when `all`), and the syntax error that
/// stopped the parser, if one did.
fn index(text: &str, all: bool) -> (Vec<Index>, Option<crate::Error>) {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[bom..];
    let starts = line_starts(body);
    let mut recv = Recv {
        text: body,
        line_starts: &starts,
        stack: Vec::new(),
        values: HashMap::new(),
        keys: HashMap::new(),
        anchors: HashMap::new(),
        in_key: 0,
        all,
        done: Vec::new(),
        finished: false,
    };
    let error = Parser::new_from_str(body)
        .load(&mut recv, all)
        .err()
        .map(|e| crate::Error::Syntax {
            line: e.marker().line(),
            col: e.marker().col() + 1,
            message: e.info().to_string(),
        });
    let mut maps = recv.done;
    if maps.is_empty() {
        // Stopped by an error in the first document, or a text of no document at all.
        maps.push((recv.values, recv.keys));
    }
    // Line 1 starts at 0 (its mark included), so every byte has a line.
    let line_starts: Vec<usize> = starts
        .iter()
        .map(|&s| if s == 0 { 0 } else { s + bom })
        .collect();
    let docs = maps
        .into_iter()
        .map(|(mut values, mut keys)| {
            if bom > 0 {
                for n in values.values_mut() {
                    n.span.start += bom;
                    n.span.end += bom;
                }
                for s in keys.values_mut() {
                    s.start += bom;
                    s.end += bom;
                }
            }
            Index {
                values,
                keys,
                line_starts: line_starts.clone(),
                bom,
            }
        })
        .collect();
    (docs, error)
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        node: Node,
    },
    Seq {
        path: String,
        next: usize,
        node: Node,
    },
}

struct Recv<'t> {
    text: &'t str,
    line_starts: &'t [usize],
    stack: Vec<Frame>,
    values: HashMap<String, Node>,
    keys: HashMap<String, Span>,
    /// Anchor id → the anchored scalar, for aliases used as keys.
    anchors: HashMap<usize, String>,
    /// How many collections deep inside a complex key (`? [a, b]`) the events are: nothing
    /// there is a value, and no path can name it.
    in_key: usize,
    /// Index every document, each on its own (their paths would collide); else the first only.
    all: bool,
    /// The documents ended so far.
    done: Vec<(HashMap<String, Node>, HashMap<String, Span>)>,
    /// The last document wanted has ended.
    finished: bool,
}

impl Recv<'_> {
    /// Byte offset of a mark. The mark's own index is not used: yaml-rust2 0.13 advances it by
    /// bytes, not characters, over block scalar lines, so it drifts after non-ASCII `|` text.
    fn byte(&self, mark: &Marker) -> usize {
        let Some(&start) = self.line_starts.get(mark.line().saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(mark.col())
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    fn span(&self, start: usize, end: usize, mark: &Marker) -> Span {
        Span {
            start,
            end: end.max(start),
            line: mark.line(),
            col: mark.col() + 1,
        }
    }

    fn child_path(&mut self) -> Option<(String, Option<(usize, usize)>)> {
        let keys = &self.keys;
        match self.stack.last_mut()? {
            Frame::Map { path, key, .. } => {
                let k = key.take()?;
                let p = path::join(path, &k);
                let key_at = keys.get(&p).map(|s| (s.line, s.col));
                Some((p, key_at))
            }
            Frame::Seq { path, next, .. } => {
                let p = path::item(path, *next);
                *next += 1;
                Some((p, None))
            }
        }
    }

    fn is_key_position(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
    }

    /// A collection's span reaches from its first child (a block mapping's mark can lie past
    /// its first key) to its last.
    fn extend_parent(&mut self, child: Span) {
        if let Some(Frame::Map { node, .. } | Frame::Seq { node, .. }) = self.stack.last_mut() {
            if child.start < node.span.start {
                node.span.start = child.start;
                node.span.line = child.line;
                node.span.col = child.col;
            }
            node.span.end = node.span.end.max(child.end);
        }
    }

    /// A scalar or an alias: a key of the current map, or a value.
    fn leaf(&mut self, value: String, span: Span, kind: Kind, tag: Option<Box<str>>) {
        let scalar = matches!(kind, Kind::Scalar { .. }).then(|| value.as_str().into());
        if self.in_key > 0 {
            return;
        }
        if self.stack.is_empty() {
            // A document that is one scalar: its path is the empty path.
            self.values.insert(
                String::new(),
                Node {
                    span,
                    point: (span.line, span.col),
                    kind,
                    scalar,
                    tag,
                },
            );
            return;
        }
        if self.is_key_position() {
            if let Some(Frame::Map { path, key, .. }) = self.stack.last_mut() {
                self.keys.insert(path::join(path, &value), span);
                *key = Some(value);
            }
        } else if let Some((p, _)) = self.child_path() {
            self.values.insert(
                p,
                Node {
                    span,
                    point: (span.line, span.col),
                    kind,
                    scalar,
                    tag,
                },
            );
        }
        self.extend_parent(span);
    }
}

impl MarkedEventReceiver for Recv<'_> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.finished {
            return;
        }
        match ev {
            Event::DocumentEnd => {
                let values = std::mem::take(&mut self.values);
                let keys = std::mem::take(&mut self.keys);
                self.done.push((values, keys));
                self.stack.clear();
                self.finished = !self.all;
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor > 0 {
                    self.anchors.insert(anchor, value.clone());
                }
                let start = skip_properties(self.text, self.byte(&mark));
                let style = match style {
                    TScalarStyle::SingleQuoted => Style::SingleQuoted,
                    TScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                    TScalarStyle::Literal => Style::Literal,
                    TScalarStyle::Folded => Style::Folded,
                    _ => Style::Plain,
                };
                let end = scalar_end(self.text, start, style, &value);
                let span = self.span(start, end, &mark);
                let kind = Kind::Scalar {
                    style,
                    tagged: tag.is_some(),
                };
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix).into_boxed_str());
                self.leaf(value, span, kind, tag);
            }
            // `b: *x` takes a value position like a scalar (`*k: v` a key position): the
            // pending key is consumed, or the sequence index advances.
            Event::Alias(anchor) => {
                let value = self.anchors.get(&anchor).cloned().unwrap_or_default();
                let start = self.byte(&mark);
                let end = token_end(self.text, start);
                let span = self.span(start, end, &mark);
                self.leaf(value, span, Kind::Alias, None);
            }
            Event::MappingStart(..) | Event::SequenceStart(..) if self.in_key > 0 => {
                self.in_key += 1;
            }
            Event::MappingEnd | Event::SequenceEnd if self.in_key > 0 => {
                self.in_key -= 1;
                if self.in_key == 0
                    && let Some(Frame::Map { key, .. }) = self.stack.last_mut()
                {
                    // The value after a complex key: a path cannot name the key.
                    *key = Some("?".to_string());
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) if self.is_key_position() => {
                self.in_key = 1;
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_map = matches!(ev, Event::MappingStart(..));
                let start = skip_properties(self.text, self.byte(&mark));
                // An empty flow collection has no child to reach its end.
                let end = match self.text.as_bytes().get(start) {
                    Some(b'[' | b'{') => start + 1,
                    _ => start,
                };
                let span = self.span(start, end, &mark);
                let mut node = Node {
                    span,
                    point: (span.line, span.col),
                    kind: if is_map {
                        Kind::Mapping
                    } else {
                        Kind::Sequence
                    },
                    scalar: None,
                    tag: None,
                };
                let path = if self.stack.is_empty() {
                    String::new()
                } else {
                    match self.child_path() {
                        Some((p, key_at)) => {
                            node.point = key_at.unwrap_or(node.point);
                            p
                        }
                        None => String::from("?"),
                    }
                };
                // Indexed now too: a syntax error may end the events before this ends.
                if !path.is_empty() {
                    self.values.insert(path.clone(), node.clone());
                }
                self.stack.push(if is_map {
                    Frame::Map {
                        path,
                        key: None,
                        node,
                    }
                } else {
                    Frame::Seq {
                        path,
                        next: 0,
                        node,
                    }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let Some(frame) = self.stack.pop() else {
                    return;
                };
                let (path, mut node) = match frame {
                    Frame::Map { path, node, .. } | Frame::Seq { path, node, .. } => (path, node),
                };
                if matches!(self.text.as_bytes().get(node.span.start), Some(b'[' | b'{')) {
                    node.span.end = flow_close(self.text, node.span.end);
                }
                self.extend_parent(node.span);
                if !path.is_empty() {
                    self.values.insert(path, node);
                }
            }
            _ => {}
        }
    }
}

/// Past an anchor (`&x`) and a tag (`!t`) written before a node, to its own text.
fn skip_properties(text: &str, mut at: usize) -> usize {
    let b = text.as_bytes();
    while matches!(b.get(at), Some(b'&' | b'!')) {
        at = token_end(text, at);
        while matches!(b.get(at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            at += 1;
        }
    }
    at
}

/// End of an anchor, alias or tag token: the next blank or flow indicator.
fn token_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest
        .char_indices()
        .skip(1)
        .find(|&(_, c)| matches!(c, ' ' | '\t' | '\r' | '\n' | ',' | '[' | ']' | '{' | '}'))
        .map_or(rest.len(), |(i, _)| i)
}

/// The closing bracket of a flow collection whose last child ends at `from`: past blanks,
/// commas and comments.
fn flow_close(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(&c) = b.get(i) {
        match c {
            b']' | b'}' => return i + 1,
            b'#' => {
                while b.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    text.len()
}

/// Where the scalar starting at `start` ends. Quoted scalars end at their closing quote; plain
/// scalars are followed through the source with their parsed `value` (line folding is the only
/// difference between the two); block scalars end with their last content line.
fn scalar_end(text: &str, start: usize, style: Style, value: &str) -> usize {
    let b = text.as_bytes();
    match style {
        Style::SingleQuoted => {
            let mut i = start + 1;
            while i < b.len() {
                if b[i] == b'\'' {
                    if b.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i += 1;
            }
            text.len()
        }
        Style::DoubleQuoted => {
            let mut i = start + 1;
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 2,
                    b'"' => return i + 1,
                    _ => i += 1,
                }
            }
            text.len()
        }
        Style::Plain => plain_end(text, start, value),
        Style::Literal | Style::Folded => block_end(text, start, value),
    }
}

fn plain_end(text: &str, start: usize, value: &str) -> usize {
    let src = &text[start..];
    let mut s = src.char_indices().peekable();
    let mut v = value.chars().peekable();
    let mut end = 0;
    let is_blank = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    while let Some(&vc) = v.peek() {
        let Some(&(i, sc)) = s.peek() else { break };
        if is_blank(vc) && is_blank(sc) {
            // A run of blanks on both sides, taken whole: it may be a folded line break with
            // the indentation around it, and a space before the break ("x \n  y" reads
            // "x y") must not be matched alone, or the walk stops at the break.
            while v.peek().is_some_and(|&c| is_blank(c)) {
                v.next();
            }
            while s.peek().is_some_and(|&(_, c)| is_blank(c)) {
                s.next();
            }
        } else if vc == sc {
            end = i + sc.len_utf8();
            s.next();
            v.next();
        } else {
            break;
        }
    }
    start + end
}

/// A block scalar's mark is its first content character; it ends with the last non-blank line
/// indented at least as far.
fn block_end(text: &str, start: usize, value: &str) -> usize {
    if value.is_empty() {
        return start;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = start - line_start;
    let mut end = start;
    let mut at = line_start;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..line_end].trim_end_matches('\r');
        let spaces = line.len() - line.trim_start_matches(' ').len();
        if !line.trim().is_empty() {
            if spaces < indent {
                break;
            }
            end = at + line.len();
        }
        at = line_end + 1;
    }
    end
}
