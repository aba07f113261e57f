//! In-place rewriting of tone-mark style in YAML files.
//!
//! The files are edited by people, so a rewrite must not reformat them: no round trip
//! through a YAML serializer (which would drop comments and normalise quoting). Instead the
//! event parser says where each free-text scalar starts, the words of its parsed value are
//! matched one by one against the source text from there, and only the chars of the words
//! that change are replaced. A word whose source spelling differs from its value (built from
//! escapes, or split by an escaped line break) is left alone rather than guessed at.

use thiserror::Error;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::{Style, convert_word, is_word_char, words};

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

/// Rewrites the tone marks of the free-text values of a YAML document into `style`.
///
/// `is_free_text(path)` tells which scalar values may be rewritten; mapping keys never are.
/// Returns the new source (identical to `source` outside the changed words) and the changes
/// in source order; a dry run just ignores the string.
pub fn fix_yaml(
    source: &str,
    style: Style,
    is_free_text: &dyn Fn(&str) -> bool,
) -> Result<(String, Vec<Change>), FixError> {
    // yaml-rust2 reads a byte-order mark as part of the first key; parse without it and put it
    // back untouched.
    let (bom, body) = match source.strip_prefix('\u{FEFF}') {
        Some(rest) => (&source[..source.len() - rest.len()], rest),
        None => ("", source),
    };
    let mut collector = Collector {
        is_free_text,
        stack: Vec::new(),
        found: Vec::new(),
    };
    Parser::new_from_str(body)
        .load(&mut collector, true)
        .map_err(|e| {
            let m = e.marker();
            FixError {
                line: m.line(),
                column: m.col() + 1 + usize::from(m.line() == 1 && !bom.is_empty()),
                message: e.info().to_owned(),
            }
        })?;

    let src = Source::new(body);
    let mut edits: Vec<Edit> = Vec::new();
    for scalar in collector.found {
        let targets: Vec<(usize, String)> = words(&scalar.value)
            .enumerate()
            .filter_map(|(i, (_, w))| convert_word(w, style).map(|n| (i, n)))
            .collect();
        let Some(&(last, _)) = targets.last() else {
            continue;
        };
        let start = src.char_index(scalar.line, scalar.col);
        let in_source = src.words_from(start, scalar.style, last + 1);
        let value_words: Vec<&str> = words(&scalar.value).map(|(_, w)| w).collect();
        // Both sequences come from the same scalar, so they agree word for word; only escapes
        // can make a word differ, and those words are not literal. Any other disagreement
        // means the source was misread, and the scalar is left alone.
        let aligned = in_source.len() == last + 1
            && in_source
                .iter()
                .zip(&value_words)
                .all(|(sw, vw)| !sw.literal || sw.text == *vw);
        if !aligned {
            continue;
        }
        for (i, after) in targets {
            let sw = &in_source[i];
            if !sw.literal || sw.text != value_words[i] {
                continue;
            }
            let (line, column) = src.line_col(sw.start);
            edits.push(Edit {
                byte_start: src.byte(sw.start),
                byte_end: src.byte(sw.start + sw.text.chars().count()),
                change: Change {
                    line,
                    column,
                    path: scalar.path.clone(),
                    before: sw.text.clone(),
                    after,
                },
            });
        }
    }
    edits.sort_by_key(|e| e.byte_start);
    edits.dedup_by_key(|e| e.byte_start);

    // One forward pass: edits may change byte lengths, so splicing them into a string one at
    // a time would move the rest of the file for every word.
    let mut out = String::with_capacity(source.len() + 16);
    out.push_str(bom);
    let mut copied = 0;
    for e in &edits {
        out.push_str(&body[copied..e.byte_start]);
        out.push_str(&e.change.after);
        copied = e.byte_end;
    }
    out.push_str(&body[copied..]);
    Ok((out, edits.into_iter().map(|e| e.change).collect()))
}

struct Edit {
    byte_start: usize,
    byte_end: usize,
    change: Change,
}

/// A free-text scalar value as the parser reported it.
struct FoundScalar {
    path: String,
    value: String,
    style: TScalarStyle,
    /// 1-based line and 0-based char column of the scalar's first source char: the opening
    /// quote for quoted scalars, the first content char for plain and block scalars. The
    /// marker's index is not used: yaml-rust2 0.13 advances it by bytes, not chars, over
    /// block scalar lines, so it drifts after any non-ASCII `|`/`>` text.
    line: usize,
    col: usize,
}

enum Frame {
    Map {
        key: String,
        expect_key: bool,
        in_key: bool,
    },
    Seq {
        index: usize,
        in_key: bool,
    },
}

/// Follows the nesting of the events to know each scalar's path.
struct Collector<'f> {
    is_free_text: &'f dyn Fn(&str) -> bool,
    stack: Vec<Frame>,
    found: Vec<FoundScalar>,
}

impl Collector<'_> {
    /// Whether the node about to start is a mapping key, or lies inside one (complex keys).
    fn next_is_key(&self) -> bool {
        match self.stack.last() {
            Some(Frame::Map {
                expect_key, in_key, ..
            }) => *expect_key || *in_key,
            Some(Frame::Seq { in_key, .. }) => *in_key,
            None => false,
        }
    }

    fn path(&self) -> String {
        let mut p = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Map { key, .. } => {
                    if !p.is_empty() {
                        p.push('.');
                    }
                    p.push_str(key);
                }
                Frame::Seq { index, .. } => {
                    p.push('[');
                    p.push_str(&index.to_string());
                    p.push(']');
                }
            }
        }
        p
    }

    /// Moves the parent on after a child node ends; `key` is the text a key node stands for.
    fn node_done(&mut self, key: &str) {
        match self.stack.last_mut() {
            Some(Frame::Map {
                key: k, expect_key, ..
            }) => {
                if *expect_key {
                    key.clone_into(k);
                }
                *expect_key = !*expect_key;
            }
            Some(Frame::Seq { index, .. }) => *index += 1,
            None => {}
        }
    }
}

impl MarkedEventReceiver for Collector<'_> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::DocumentStart => self.stack.clear(),
            Event::MappingStart(..) => {
                let in_key = self.next_is_key();
                self.stack.push(Frame::Map {
                    key: String::new(),
                    expect_key: true,
                    in_key,
                });
            }
            Event::SequenceStart(..) => {
                let in_key = self.next_is_key();
                self.stack.push(Frame::Seq { index: 0, in_key });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.node_done("?");
            }
            Event::Alias(_) => self.node_done("*"),
            Event::Scalar(value, style, _, tag) => {
                // An explicitly typed scalar (`!date`, `!!binary`, an application tag) is data,
                // not prose, whatever its key says.
                let is_text = tag
                    .as_ref()
                    .is_none_or(|t| t.handle == "tag:yaml.org,2002:" && t.suffix == "str");
                if is_text && !self.next_is_key() {
                    let path = self.path();
                    if (self.is_free_text)(&path) {
                        self.found.push(FoundScalar {
                            path,
                            value: value.clone(),
                            style,
                            line: mark.line(),
                            col: mark.col(),
                        });
                    }
                }
                self.node_done(&value);
            }
            _ => {}
        }
    }
}

/// A word as written in the source.
struct SourceWord {
    /// The word's chars after unescaping.
    text: String,
    /// Char index of its first char.
    start: usize,
    /// Written as is and in one piece: replacing its source chars replaces the value's word.
    literal: bool,
}

/// The source with the char → byte and char → line/column tables that the parser's char
/// based markers need.
struct Source {
    chars: Vec<char>,
    bytes: Vec<usize>,
    line_starts: Vec<usize>,
}

impl Source {
    fn new(text: &str) -> Self {
        let mut chars = Vec::new();
        let mut bytes = Vec::new();
        let mut line_starts = vec![0];
        let mut prev = '\0';
        for (b, c) in text.char_indices() {
            // Lines break like the YAML scanner breaks them: \n, \r\n or a lone \r.
            if prev == '\r' && c != '\n' {
                line_starts.push(chars.len());
            }
            chars.push(c);
            bytes.push(b);
            if c == '\n' {
                line_starts.push(chars.len());
            }
            prev = c;
        }
        if prev == '\r' {
            line_starts.push(chars.len());
        }
        bytes.push(text.len());
        Source {
            chars,
            bytes,
            line_starts,
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        self.bytes[char_index]
    }

    fn char_index(&self, line: usize, col: usize) -> usize {
        let start = self.line_starts[line.clamp(1, self.line_starts.len()) - 1];
        (start + col).min(self.chars.len())
    }

    fn line_col(&self, char_index: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= char_index);
        (line, char_index - self.line_starts[line - 1] + 1)
    }

    /// The first `limit` words of the scalar that starts at `start`, decoding quoting so that
    /// they line up with the words of the parsed value.
    fn words_from(&self, start: usize, style: TScalarStyle, limit: usize) -> Vec<SourceWord> {
        match style {
            TScalarStyle::SingleQuoted => group_words(self.single_quoted(start + 1), limit),
            TScalarStyle::DoubleQuoted => group_words(self.double_quoted(start + 1), limit),
            // Plain and block scalars have no escapes: their words are the value's words in
            // the same order. Reading past the scalar's end is harmless, the value's word count
            // stops us first — which is also why this reads lazily: collecting up to the end
            // of the file for every scalar would make large files quadratic.
            _ => group_words(
                self.chars
                    .iter()
                    .enumerate()
                    .skip(start)
                    .map(|(i, &c)| Unit {
                        ch: c,
                        at: i,
                        literal: true,
                    }),
                limit,
            ),
        }
    }

    fn single_quoted(&self, from: usize) -> Vec<Unit> {
        let mut out = Vec::new();
        let mut i = from;
        while let Some(&c) = self.chars.get(i) {
            if c == '\'' {
                if self.chars.get(i + 1) != Some(&'\'') {
                    break;
                }
                i += 1;
            }
            out.push(Unit {
                ch: c,
                at: i,
                literal: true,
            });
            i += 1;
        }
        out
    }

    fn double_quoted(&self, from: usize) -> Vec<Unit> {
        let mut out = Vec::new();
        let mut i = from;
        while let Some(&c) = self.chars.get(i) {
            match c {
                '"' => break,
                '\\' => {
                    let Some(&e) = self.chars.get(i + 1) else {
                        break;
                    };
                    let hex = match e {
                        'x' => 2,
                        'u' => 4,
                        'U' => 8,
                        _ => 0,
                    };
                    if e == '\n' || e == '\r' {
                        // An escaped line break joins the lines with nothing in between.
                        i += 1;
                        while matches!(self.chars.get(i), Some('\n' | '\r' | ' ' | '\t')) {
                            i += 1;
                        }
                        continue;
                    }
                    let ch = if hex > 0 {
                        let digits: String = self.chars.iter().skip(i + 2).take(hex).collect();
                        u32::from_str_radix(&digits, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}')
                    } else {
                        // Any other escape decodes to a non-word char (\n, \t, \", \\, ...),
                        // except the letters themselves, which only matter as separators.
                        ' '
                    };
                    out.push(Unit {
                        ch,
                        at: i,
                        literal: false,
                    });
                    i += 2 + hex;
                }
                _ => {
                    out.push(Unit {
                        ch: c,
                        at: i,
                        literal: true,
                    });
                    i += 1;
                }
            }
        }
        out
    }
}

/// One char of a scalar's value and where it comes from in the source.
struct Unit {
    ch: char,
    at: usize,
    /// The char is written as itself at `at` (not produced by an escape).
    literal: bool,
}

fn group_words(units: impl IntoIterator<Item = Unit>, limit: usize) -> Vec<SourceWord> {
    let mut out: Vec<SourceWord> = Vec::new();
    let mut open = false;
    let mut prev_at = 0;
    for u in units {
        if !is_word_char(u.ch) {
            if open && out.len() == limit {
                break;
            }
            open = false;
            continue;
        }
        if open {
            let w = out.last_mut().expect("an open word exists");
            w.text.push(u.ch);
            w.literal &= u.literal && u.at == prev_at + 1;
        } else {
            if out.len() == limit {
                break;
            }
            out.push(SourceWord {
                text: u.ch.to_string(),
                start: u.at,
                literal: u.literal,
            });
            open = true;
        }
        prev_at = u.at;
    }
    out
}
