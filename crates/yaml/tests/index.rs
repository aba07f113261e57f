//! The index against the one it replaces (a copy of `build_index` from `src/load/yaml.rs` as
//! of this crate's start) on every sample file, and its spans against the values they hold.

mod common;

use std::collections::HashMap;

use serde_yaml::Value;
use vinhdanh_yaml::{Index, Kind, Span, Style};

/// `src/load/yaml.rs`'s `build_index`, copied unchanged but for its return type.
mod old {
    use std::collections::HashMap;
    use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
    use yaml_rust2::scanner::Marker;

    pub type Pos = HashMap<String, (usize, usize)>;

    pub fn build_index(text: &str) -> (Pos, Pos) {
        struct Recv {
            stack: Vec<Frame>,
            out: HashMap<String, (usize, usize)>,
            keys: HashMap<String, (usize, usize)>,
            anchors: HashMap<usize, String>,
        }
        enum Frame {
            Map {
                path: String,
                key: Option<String>,
                key_mark: (usize, usize),
            },
            Seq {
                path: String,
                next: usize,
            },
        }
        impl Recv {
            fn child_path(&mut self) -> Option<(String, Option<(usize, usize)>)> {
                match self.stack.last_mut()? {
                    Frame::Map {
                        path,
                        key,
                        key_mark,
                    } => {
                        let k = key.take()?;
                        Some((join(path, &k), Some(*key_mark)))
                    }
                    Frame::Seq { path, next } => {
                        let p = format!("{path}[{next}]");
                        *next += 1;
                        Some((p, None))
                    }
                }
            }
            fn is_key_position(&self) -> bool {
                matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
            }
            fn leaf(&mut self, value: String, pos: (usize, usize)) {
                if self.is_key_position() {
                    if let Some(Frame::Map {
                        path,
                        key,
                        key_mark,
                    }) = self.stack.last_mut()
                    {
                        self.keys.insert(join(path, &value), pos);
                        *key = Some(value);
                        *key_mark = pos;
                    }
                } else if let Some((p, _)) = self.child_path() {
                    self.out.insert(p, pos);
                }
            }
        }
        fn join(base: &str, key: &str) -> String {
            if base.is_empty() {
                key.to_string()
            } else {
                format!("{base}.{key}")
            }
        }
        impl MarkedEventReceiver for Recv {
            fn on_event(&mut self, ev: Event, mark: Marker) {
                let pos = (mark.line(), mark.col() + 1);
                match ev {
                    Event::Scalar(value, _, anchor, _) => {
                        if anchor > 0 {
                            self.anchors.insert(anchor, value.clone());
                        }
                        self.leaf(value, pos);
                    }
                    Event::Alias(anchor) => {
                        let value = self.anchors.get(&anchor).cloned().unwrap_or_default();
                        self.leaf(value, pos);
                    }
                    Event::MappingStart(..) | Event::SequenceStart(..) => {
                        let path = if self.stack.is_empty() {
                            String::new()
                        } else {
                            match self.child_path() {
                                Some((p, key_mark)) => {
                                    self.out.insert(p.clone(), key_mark.unwrap_or(pos));
                                    p
                                }
                                None => String::from("?"),
                            }
                        };
                        if matches!(ev, Event::MappingStart(..)) {
                            self.stack.push(Frame::Map {
                                path,
                                key: None,
                                key_mark: pos,
                            });
                        } else {
                            self.stack.push(Frame::Seq { path, next: 0 });
                        }
                    }
                    Event::MappingEnd | Event::SequenceEnd => {
                        self.stack.pop();
                    }
                    _ => {}
                }
            }
        }
        let mut recv = Recv {
            stack: Vec::new(),
            out: HashMap::new(),
            keys: HashMap::new(),
            anchors: HashMap::new(),
        };
        let _ = Parser::new_from_str(text).load(&mut recv, false);
        (recv.out, recv.keys)
    }
}

fn same_as_old(name: &str, text: &str) {
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (values, keys) = old::build_index(bare);
    let index = Index::build(text);
    let new_values: HashMap<String, (usize, usize)> = index
        .values()
        .map(|(p, _, _)| (p.to_string(), index.point(p).unwrap()))
        .collect();
    assert_eq!(new_values, values, "{name}: value positions differ");
    let new_keys: HashMap<String, (usize, usize)> = index
        .keys()
        .map(|(p, s)| (p.to_string(), (s.line, s.col)))
        .collect();
    assert_eq!(new_keys, keys, "{name}: key positions differ");
}

#[test]
fn positions_are_the_old_index_s_on_every_sample_file() {
    let files = common::sample_files();
    for (name, text) in &files {
        for (v, t) in common::variants(text) {
            same_as_old(&format!("{name} ({v})"), &t);
        }
    }
    // The old index's own test cases: aliases, anchors, alias keys.
    for t in [
        "a:\n  b: 1\n  list:\n    - x: hello\n    - x: world\n",
        "a: &x 1\nb: *x\nc: 3\nlist:\n  - &y first\n  - *y\n  - third\n  - k: v\n    m: *x\n    n: 4\nd: 5\n",
        "k: &n name\n*n : 5\nz: 6\n",
        "a: !t v\nb: |\n  x\n  y\nc: >-\n  p\n\n  q\nd:\ne: [1, {f: g}, []]\n",
        "- a\n- - b\n  - c\n- {x: y}\n",
        "a: 1\n---\nb: 2\n",
        "a: [unclosed\nb: 2\n",
    ] {
        same_as_old(t, t);
    }
}

/// The text of a span, standalone: a block collection's first line gets back the indentation
/// its later lines are relative to.
fn snippet(text: &str, s: Span) -> String {
    format!("{}{}", " ".repeat(s.col - 1), &text[s.start..s.end])
}

fn at<'v>(mut v: &'v Value, path: &str) -> &'v Value {
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap();
            v = &v[r[..end].parse::<usize>().unwrap()];
            rest = &r[end + 1..];
        } else {
            let r = rest.strip_prefix('.').unwrap_or(rest);
            let end = r.find(['.', '[']).unwrap_or(r.len());
            v = &v[&r[..end]];
            rest = &r[end..];
        }
    }
    v
}

#[test]
fn spans_hold_their_values_on_every_sample_file() {
    let mut checked = 0;
    for (name, text) in common::sample_files() {
        for (variant, t) in common::variants(&text) {
            let bare = t.strip_prefix('\u{feff}').unwrap_or(&t);
            let Ok(doc) = serde_yaml::from_str::<Value>(bare) else {
                continue;
            };
            let index = Index::build(&t);
            for (path, span, kind) in index.values() {
                let want = at(&doc, path);
                if let Kind::Scalar {
                    style: Style::Literal | Style::Folded,
                    ..
                } = kind
                {
                    let got = &t[span.start..span.end];
                    let first = want.as_str().unwrap().lines().next().unwrap_or("");
                    assert!(got.starts_with(first), "{name} ({variant}) {path}: {got:?}");
                    continue;
                }
                if kind == Kind::Alias {
                    assert!(t[span.start..span.end].starts_with('*'), "{name} {path}");
                    continue;
                }
                if matches!(kind, Kind::Scalar { .. }) && want.is_null() && span.start == span.end {
                    continue; // an empty value
                }
                let got: Value = serde_yaml::from_str(&snippet(&t, span))
                    .unwrap_or_else(|e| panic!("{name} ({variant}) {path}: {e}: {span:?}"));
                assert_eq!(&got, want, "{name} ({variant}) {path}: {span:?}");
                checked += 1;
            }
            for (path, span) in index.keys() {
                let key = path.rsplit('.').next().unwrap();
                let got: Value = serde_yaml::from_str(&t[span.start..span.end]).unwrap();
                assert_eq!(got.as_str(), Some(key), "{name} ({variant}) key {path}");
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn spans_by_hand() {
    let text = "# c\r\na: 'x''y'  # n\r\nlist:\r\n  - {k: \"v\\\"w\"}\r\n  - plain\r\n    folded\r\nblk: |\r\n  một\r\n  hai\r\nz: *q\r\n";
    let i = Index::build(text);
    let s = |p: &str| {
        let sp = i.value(p).unwrap();
        (&text[sp.start..sp.end], sp.line, sp.col)
    };
    assert_eq!(s("a"), ("'x''y'", 2, 4));
    assert_eq!(s("list[0].k"), ("\"v\\\"w\"", 4, 9));
    assert_eq!(s("list[0]"), ("{k: \"v\\\"w\"}", 4, 5));
    assert_eq!(s("list[1]"), ("plain\r\n    folded", 5, 5));
    assert_eq!(
        s("list"),
        ("- {k: \"v\\\"w\"}\r\n  - plain\r\n    folded", 4, 3)
    );
    assert_eq!(s("blk"), ("một\r\n  hai", 8, 3));
    assert_eq!(i.point("list"), Some((3, 1)));
    assert_eq!(i.scalar("a"), Some("x'y"));
    assert_eq!(i.scalar("list[0].k"), Some("v\"w"));
    assert_eq!(i.scalar("list[1]"), Some("plain folded"));
    assert_eq!(i.scalar("blk"), Some("một\nhai\n"));
    assert_eq!(i.scalar("list"), None);
    let k = i.key("list[0].k").unwrap();
    assert_eq!((&text[k.start..k.end], k.line, k.col), ("k", 4, 6));
    assert_eq!(i.line(text, 2), Some("a: 'x''y'  # n"));
    assert_eq!(i.offset(text, 8, 4), Some(text.find("ột").unwrap()));
    assert_eq!(i.locate("list[0].missing"), Some((4, 5)));
    assert_eq!(i.locate("nothing.here"), None);

    let t = "a: &x 1\nb: *x\nc: !t v\n";
    let i = Index::build(t);
    let text_of = |p: &str| i.value(p).map(|s| &t[s.start..s.end]);
    assert_eq!(
        (text_of("a"), text_of("b"), text_of("c")),
        (Some("1"), Some("*x"), Some("v"))
    );
    assert_eq!(i.kind("b"), Some(Kind::Alias));

    // A byte-order mark counts in bytes, not in columns.
    let b = Index::build("\u{feff}a: 1\nb: 2\n");
    assert_eq!(
        b.value("a").map(|s| (s.start, s.line, s.col)),
        Some((6, 1, 4))
    );
    assert_eq!(b.line_starts(), &[0, 8, 13]);
}

/// A plain scalar folded over lines whose first line ends in spaces: the spaces and the break
/// read as one space, and the span still reaches the last line (the tone-mark fixer and the
/// page's editor rewrite exactly this span; found by the fixer's property test).
#[test]
fn a_plain_scalar_folded_after_trailing_spaces_spans_every_line() {
    let text = "purpose: x  \n  HOà \t\n\n   và y\nnext: 1\n";
    let i = Index::build(text);
    let sp = i.value("purpose").unwrap();
    assert_eq!(&text[sp.start..sp.end], "x  \n  HOà \t\n\n   và y");
    assert_eq!(i.scalar("purpose"), Some("x HOà\nvà y"));
    let mut e = vinhdanh_yaml::Editor::new(text).unwrap();
    e.set("purpose", "mới").unwrap();
    assert_eq!(e.text(), "purpose: mới\nnext: 1\n");
}

/// What the tone-mark fixer reads from the index: each document of a `---` separated text on
/// its own, a document that is one scalar at the empty path, `!!str` told from other tags,
/// nothing inside a complex key, and a syntax error where the parser stops.
#[test]
fn documents_root_scalars_tags_and_complex_keys() {
    let docs = vinhdanh_yaml::Index::parse("a: x\n---\na: y\n--- z\n").unwrap();
    let a: Vec<Option<&str>> = docs.iter().map(|d| d.scalar("a")).collect();
    assert_eq!(a, [Some("x"), Some("y"), None]);
    assert_eq!(docs[2].scalar(""), Some("z"));
    // `build` stays the first document's index.
    assert_eq!(
        vinhdanh_yaml::Index::build("a: x\n---\na: y\n").scalar("a"),
        Some("x")
    );

    let i = vinhdanh_yaml::Index::build("a: !!str x\nb: !t y\n? [k]\n: v\n");
    assert_eq!(i.tag("a"), Some("tag:yaml.org,2002:str"));
    assert_eq!(i.tag("b"), Some("!t"));
    assert_eq!(i.scalar("?"), Some("v"));
    assert!(
        i.values().all(|(p, _, _)| !p.contains('[')),
        "nothing of the key"
    );

    let e = vinhdanh_yaml::Index::parse("a: b\n  c: [d\n").unwrap_err();
    assert!(
        matches!(e, vinhdanh_yaml::Error::Syntax { line: 2.., .. }),
        "{e}"
    );
}
