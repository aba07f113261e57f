//! The repository's sample and fixture YAML files, and a YAML value model to check edits
//! against that shares no code with the editor.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_yaml::Value;

/// Every `.yaml`/`.yml` file under `data/` and `tests/fixtures/` of the repository that is
/// UTF-8, with its path relative to the repository.
pub fn sample_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["data", "tests/fixtures"] {
        walk(&root.join(dir), &mut out);
    }
    out.sort();
    let files: Vec<(String, String)> = out
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let rel = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
            Some((rel, text))
        })
        .collect();
    assert!(
        files.len() >= 20,
        "the sample files were not found: {}",
        root.display()
    );
    let mut files = files;
    files.push((
        "(synthetic: what the samples lack)".into(),
        SYNTHETIC.into(),
    ));
    files
}

/// The shapes a clerk may type that the sample files happen not to hold.
const SYNTHETIC: &str = r#"# đầu tệp
empty:
tilde: ~   # rỗng
anchor: &a Hà Nội
alias: *a
block: |
  dòng một
  dòng hai
folded: >-
  gấp
  lại
multi: một dòng
  nối tiếp
'quoted key': "giá trị: "x""
flow: {a: 1, b: [x, 'y z'], c: {}}
nested:
  - - a
    - b
  -
    k: v
  - []
  # chú thích cuối danh sách
tail: cuối
"#;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

/// The file as typed, with CRLF line ends, with a byte-order mark, and with both.
pub fn variants(text: &str) -> Vec<(&'static str, String)> {
    let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
    vec![
        ("lf", text.to_string()),
        ("crlf", crlf.clone()),
        ("bom", format!("\u{feff}{text}")),
        ("bom+crlf", format!("\u{feff}{crlf}")),
    ]
}

/// Equality that also compares the order of mapping keys (serde_yaml's does not).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Mapping(x), Value::Mapping(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && same(v1, v2))
        }
        (Value::Sequence(x), Value::Sequence(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Tagged(x), Value::Tagged(y)) => x.tag == y.tag && same(&x.value, &y.value),
        _ => a == b,
    }
}

/// A node's place in a value, as steps.
#[derive(Debug, Clone)]
pub enum Step {
    Key(String),
    Item(usize),
}

pub fn path_string(steps: &[Step]) -> String {
    let mut s = String::new();
    for st in steps {
        match st {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Item(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Every node of `v` whose path can be written (string keys without `.`, `[`, `]`).
pub fn nodes(v: &Value) -> Vec<(Vec<Step>, &Value)> {
    fn go<'v>(v: &'v Value, at: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, &'v Value)>) {
        out.push((at.clone(), v));
        match v {
            Value::Mapping(m) => {
                for (k, c) in m {
                    let Value::String(k) = k else { continue };
                    if k.is_empty() || k.contains(['.', '[', ']']) {
                        continue;
                    }
                    at.push(Step::Key(k.clone()));
                    go(c, at, out);
                    at.pop();
                }
            }
            Value::Sequence(s) => {
                for (i, c) in s.iter().enumerate() {
                    at.push(Step::Item(i));
                    go(c, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    go(v, &mut Vec::new(), &mut out);
    out
}

pub fn get_mut<'v>(mut v: &'v mut Value, steps: &[Step]) -> &'v mut Value {
    for s in steps {
        v = match s {
            Step::Key(k) => v
                .as_mapping_mut()
                .and_then(|m| m.get_mut(k.as_str()))
                .expect("path exists"),
            Step::Item(i) => v
                .as_sequence_mut()
                .and_then(|q| q.get_mut(*i))
                .expect("path exists"),
        };
    }
    v
}

/// The lines of a text, each with its line break.
pub fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}
