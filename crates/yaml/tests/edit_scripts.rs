//! Random edit scripts on every sample and fixture YAML file of the repository (and their
//! CRLF and byte-order-mark variants): after each edit the text must parse (by serde_yaml, the
//! project's typed reader) to exactly the value the same edit gives on a `serde_yaml::Value`,
//! and every line outside the edit's reported change must be byte-identical.

mod common;

use common::{Step, get_mut, nodes, path_string, same};
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use vinhdanh_yaml::{Change, Editor, Error, Item, Value as New};

#[derive(Debug, Clone)]
enum Op {
    Set(u32, String),
    SetNewKey(u32, String, String),
    Rename(u32, String),
    InsertScalar(u32, u32, String),
    InsertMap(u32, u32, Vec<(String, String)>),
    Move(u32, u32, u32),
    RemoveItem(u32, u32),
    RemoveKey(u32),
    /// A value (maybe a mapping or list) at an existing key, or at a new key of a mapping.
    Put(u32, Option<String>, New),
}

/// Strings YAML would misread if written bare, Vietnamese text, and random mixes of both.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            " ",
            "yes",
            "no",
            "No",
            "ON",
            "off",
            "true",
            "null",
            "~",
            "12",
            "-3",
            "1.5",
            "0x1F",
            "0o7",
            "1e3",
            ".inf",
            "2025-08-22",
            "07:30",
            "1:20",
            "a: b",
            "a:b",
            "x #y",
            "#c",
            "- dash",
            "-",
            "?",
            "? q",
            ":",
            "[x]",
            "{a}",
            "a, b",
            "'q'",
            "\"dq\"",
            "it's",
            "say \"hi\"",
            "back\\slash",
            " lead",
            "trail ",
            "@at",
            "`bt",
            "%p",
            "&a",
            "*b",
            "!t",
            "|",
            ">",
            "---",
            "...",
            "line\nbreak",
            "two\n\nbreaks\n",
            "tab\tx",
            "Nguyễn Văn Á",
            "ỦY BAN NHÂN DÂN",
            "Trường: THCS",
            "Lê Thị Hoà # 2",
            "Đề nghị: đúng giờ.",
            "½ ngày",
            "xã Yên Lạc, Phú Thọ",
        ])
        .prop_map(String::from),
        "[a-zA-Z0-9 :#'\"\\-,.ăâđêôơưỦẠẾỘàáạảãờớ]{0,16}",
        "[ -~]{0,12}",
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let n = any::<u32>;
    prop_oneof![
        3 => (n(), text()).prop_map(|(a, s)| Op::Set(a, s)),
        1 => (n(), text(), text()).prop_map(|(a, k, s)| Op::SetNewKey(a, k, s)),
        2 => (n(), text()).prop_map(|(a, s)| Op::Rename(a, s)),
        2 => (n(), n(), text()).prop_map(|(a, b, s)| Op::InsertScalar(a, b, s)),
        1 => (n(), n(), prop::collection::vec((text(), text()), 0..3))
            .prop_map(|(a, b, m)| Op::InsertMap(a, b, m)),
        2 => (n(), n(), n()).prop_map(|(a, b, c)| Op::Move(a, b, c)),
        2 => (n(), n()).prop_map(|(a, b)| Op::RemoveItem(a, b)),
        1 => n().prop_map(Op::RemoveKey),
        2 => (n(), prop::option::of(text()), new_value()).prop_map(|(a, k, v)| Op::Put(a, k, v)),
    ]
}

/// A value to put: texts and plain scalars, and mappings and lists of them, two deep.
fn new_value() -> impl Strategy<Value = New> {
    let raw = prop::sample::select(vec!["0", "12", "-3", "1.5", "true", "false", "~"])
        .prop_map(|r| New::Raw(r.to_string()));
    let leaf = prop_oneof![text().prop_map(New::Text), raw];
    leaf.prop_recursive(2, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(New::List),
            prop::collection::vec((text(), inner), 0..3).prop_map(|m| {
                let mut seen = Vec::new();
                New::Map(
                    m.into_iter()
                        .filter(|(k, _)| {
                            let ok = key_ok(k) && !seen.contains(k);
                            seen.push(k.clone());
                            ok
                        })
                        .collect(),
                )
            }),
        ]
    })
}

/// What the loader reads for a value [`Editor::put`] wrote.
fn model_of(v: &New) -> Value {
    match v {
        New::Text(t) => Value::String(t.clone()),
        New::Raw(r) => serde_yaml::from_str(r).unwrap(),
        New::Map(m) => Value::Mapping(
            m.iter()
                .map(|(k, v)| (Value::String(k.clone()), model_of(v)))
                .collect(),
        ),
        New::List(l) => Value::Sequence(l.iter().map(model_of).collect()),
    }
}

fn pick<T: Clone>(v: &[T], n: u32) -> Option<T> {
    (!v.is_empty()).then(|| v[n as usize % v.len()].clone())
}

fn keyed(value: &Value) -> Vec<Vec<Step>> {
    nodes(value)
        .into_iter()
        .filter(|(p, _)| matches!(p.last(), Some(Step::Key(_))))
        .map(|(p, _)| p)
        .collect()
}

fn lists(value: &Value) -> Vec<Vec<Step>> {
    nodes(value)
        .into_iter()
        .filter(|(_, v)| v.is_sequence())
        .map(|(p, _)| p)
        .collect()
}

fn key_ok(k: &str) -> bool {
    !k.is_empty() && !k.contains(['\n', '\r'])
}

/// Applies `op` to the editor and to the model; `false` when the op has no target here.
fn apply(ed: &mut Editor, model: &mut Value, op: &Op) -> Result<Option<Change>, Error> {
    let s = |v: &str| Value::String(v.to_string());
    match op {
        Op::Set(a, v) => {
            let leaves: Vec<_> = nodes(model)
                .into_iter()
                .filter(|(p, n)| !p.is_empty() && !n.is_mapping() && !n.is_sequence())
                .map(|(p, _)| p)
                .collect();
            let Some(p) = pick(&leaves, *a) else {
                return Ok(None);
            };
            let c = ed.set(&path_string(&p), v)?;
            *get_mut(model, &p) = s(v);
            Ok(Some(c))
        }
        Op::SetNewKey(a, k, v) => {
            let maps: Vec<_> = nodes(model)
                .into_iter()
                .filter(|(_, n)| n.as_mapping().is_some_and(|m| !m.is_empty()))
                .map(|(p, _)| p)
                .collect();
            let Some(mut p) = pick(&maps, *a) else {
                return Ok(None);
            };
            let m = get_mut(model, &p).as_mapping_mut().unwrap();
            if !key_ok(k) || k.contains(['.', '[', ']']) || m.contains_key(k.as_str()) {
                return Ok(None);
            }
            p.push(Step::Key(k.clone()));
            let c = ed.set(&path_string(&p), v)?;
            m.insert(s(k), s(v));
            Ok(Some(c))
        }
        Op::Rename(a, k) => {
            let Some(p) = pick(&keyed(model), *a) else {
                return Ok(None);
            };
            let Some(Step::Key(old)) = p.last().cloned() else {
                return Ok(None);
            };
            let parent = get_mut(model, &p[..p.len() - 1]).as_mapping_mut().unwrap();
            if !key_ok(k) || (k != &old && parent.contains_key(k.as_str())) {
                let e = ed.rename_key(&path_string(&p), k);
                assert!(
                    matches!(e, Err(Error::KeyExists { .. } | Error::BadKey)),
                    "{e:?}"
                );
                return Ok(None);
            }
            let c = ed.rename_key(&path_string(&p), k)?;
            let renamed: Mapping = std::mem::take(parent)
                .into_iter()
                .map(|(kk, v)| (if kk.as_str() == Some(&old) { s(k) } else { kk }, v))
                .collect();
            *parent = renamed;
            Ok(Some(c))
        }
        Op::InsertScalar(a, b, v) => {
            let Some(p) = pick(&lists(model), *a) else {
                return Ok(None);
            };
            let seq = get_mut(model, &p).as_sequence_mut().unwrap();
            let i = *b as usize % (seq.len() + 1);
            let c = ed.insert(&path_string(&p), i, Item::Scalar(v.clone()))?;
            seq.insert(i, s(v));
            Ok(Some(c))
        }
        Op::InsertMap(a, b, entries) => {
            let Some(p) = pick(&lists(model), *a) else {
                return Ok(None);
            };
            let mut m = Mapping::new();
            let mut kept = Vec::new();
            for (k, v) in entries {
                if key_ok(k) && !m.contains_key(k.as_str()) {
                    m.insert(s(k), s(v));
                    kept.push((k.clone(), v.clone()));
                }
            }
            let seq = get_mut(model, &p).as_sequence_mut().unwrap();
            let i = *b as usize % (seq.len() + 1);
            let c = ed.insert(&path_string(&p), i, Item::Map(kept))?;
            seq.insert(i, Value::Mapping(m));
            Ok(Some(c))
        }
        Op::Move(a, b, c) => {
            let Some(p) = pick(&lists(model), *a) else {
                return Ok(None);
            };
            let seq = get_mut(model, &p).as_sequence_mut().unwrap();
            if seq.is_empty() {
                return Ok(None);
            }
            let (from, to) = (*b as usize % seq.len(), *c as usize % seq.len());
            let ch = ed.move_item(&path_string(&p), from, to)?;
            let item = seq.remove(from);
            seq.insert(to, item);
            Ok(Some(ch))
        }
        Op::RemoveItem(a, b) => {
            let Some(p) = pick(&lists(model), *a) else {
                return Ok(None);
            };
            let seq = get_mut(model, &p).as_sequence_mut().unwrap();
            if seq.is_empty() {
                return Ok(None);
            }
            let i = *b as usize % seq.len();
            let mut path = p.clone();
            path.push(Step::Item(i));
            let c = ed.remove(&path_string(&path))?;
            seq.remove(i);
            Ok(Some(c))
        }
        Op::RemoveKey(a) => {
            let Some(p) = pick(&keyed(model), *a) else {
                return Ok(None);
            };
            let Some(Step::Key(k)) = p.last().cloned() else {
                return Ok(None);
            };
            let c = ed.remove(&path_string(&p))?;
            get_mut(model, &p[..p.len() - 1])
                .as_mapping_mut()
                .unwrap()
                .shift_remove(k.as_str());
            Ok(Some(c))
        }
        Op::Put(a, new_key, v) => {
            let target = match new_key {
                None => pick(&keyed(model), *a),
                Some(k) => {
                    let maps: Vec<_> = nodes(model)
                        .into_iter()
                        .filter(|(_, n)| n.as_mapping().is_some_and(|m| !m.is_empty()))
                        .map(|(p, _)| p)
                        .collect();
                    pick(&maps, *a).and_then(|mut p| {
                        let m = get_mut(model, &p).as_mapping().unwrap();
                        (key_ok(k) && !k.contains(['.', '[', ']']) && !m.contains_key(k.as_str()))
                            .then(|| {
                                p.push(Step::Key(k.clone()));
                                p
                            })
                    })
                }
            };
            let Some(p) = target else {
                return Ok(None);
            };
            let Some(Step::Key(k)) = p.last().cloned() else {
                return Ok(None);
            };
            let before = ed.text().to_string();
            let c = match ed.put(&path_string(&p), v) {
                // Block scalars, anchors and tags are left alone, and said so.
                Err(Error::Unsupported { .. }) => {
                    assert_eq!(ed.text(), before);
                    return Ok(None);
                }
                r => r?,
            };
            get_mut(model, &p[..p.len() - 1])
                .as_mapping_mut()
                .unwrap()
                .insert(s(&k), model_of(v));
            Ok(Some(c))
        }
    }
}

/// Lines outside the change are the same bytes, before and after it.
fn untouched_lines_kept(old: &str, new: &str, c: &Change) -> Result<(), String> {
    // The byte-order mark stays before the first line whatever becomes of that line.
    let (old, new) = (
        old.strip_prefix('\u{feff}').unwrap_or(old),
        new.strip_prefix('\u{feff}').unwrap_or(new),
    );
    let (o, n) = (common::lines(old), common::lines(new));
    let (bs, be) = (c.before.start - 1, c.before.end - 1);
    let (as_, ae) = (c.after.start - 1, c.after.end - 1);
    if o.len() - be != n.len() - ae || bs != as_ {
        return Err(format!(
            "line counts disagree with {c:?}: {} -> {}",
            o.len(),
            n.len()
        ));
    }
    if o[..bs] != n[..as_] {
        return Err(format!("a line before {c:?} changed"));
    }
    // The line just before the change may gain its missing final line break.
    let tail_ok = o[be..] == n[ae..];
    if !tail_ok {
        return Err(format!("a line after {c:?} changed"));
    }
    Ok(())
}

/// The lines of a change and three on either side, numbered.
fn around(text: &str, r: &std::ops::Range<usize>) -> String {
    common::lines(text)
        .iter()
        .enumerate()
        .skip(r.start.saturating_sub(4))
        .take(r.end - r.start + 6)
        .map(|(i, l)| {
            format!(
                "{:>5}{} {l:?}\n",
                i + 1,
                if r.contains(&(i + 1)) { '*' } else { ' ' }
            )
        })
        .collect()
}

fn run_script(file: &str, text: &str, variant: &str, script: &[Op]) -> Result<(), TestCaseError> {
    // The loader reads a file without its byte-order mark.
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(original) = serde_yaml::from_str::<Value>(bare) else {
        // Invalid fixtures: the editor refuses them too.
        prop_assert!(
            Editor::new(text).is_err(),
            "{file} ({variant}) is invalid YAML but was accepted"
        );
        return Ok(());
    };
    if !(original.is_mapping() || original.is_sequence()) {
        return Ok(());
    }
    let mut ed = Editor::new(text).map_err(|e| TestCaseError::fail(format!("{file}: {e}")))?;
    let mut model = original;
    for (n, op) in script.iter().enumerate() {
        let before = ed.text().to_string();
        let change = match apply(&mut ed, &mut model, op) {
            Ok(Some(c)) => c,
            Ok(None) => continue,
            Err(e) => {
                return Err(TestCaseError::fail(format!(
                    "{file} ({variant}) op {n} {op:?}: refused: {e}"
                )));
            }
        };
        let after = ed.text();
        let bare = after.strip_prefix('\u{feff}').unwrap_or(after);
        let parsed: Value = serde_yaml::from_str(bare).map_err(|e| {
            TestCaseError::fail(format!(
                "{file} ({variant}) op {n} {op:?}: invalid: {e}\n{after}"
            ))
        })?;
        prop_assert!(
            same(&parsed, &model),
            "{file} ({variant}) op {n} {op:?}: wrong value\n{after}"
        );
        if let Err(e) = untouched_lines_kept(&before, after, &change) {
            return Err(TestCaseError::fail(format!(
                "{file} ({variant}) op {n} {op:?}: {e}\n--- before\n{}\n--- after\n{}",
                around(&before, &change.before),
                around(after, &change.after)
            )));
        }
        if variant.contains("crlf") {
            prop_assert!(
                !after.replace("\r\n", "").contains('\n'),
                "{file} ({variant}) op {n} {op:?}: a bare LF\n{after:?}"
            );
        }
        if variant.contains("bom") {
            prop_assert!(after.starts_with('\u{feff}'), "{file}: the BOM was lost");
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(384)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// One random file and variant per case, a script of up to six edits.
    #[test]
    fn random_scripts_keep_value_and_untouched_lines(
        file in any::<prop::sample::Index>(),
        variant in 0usize..4,
        script in prop::collection::vec(op(), 1..6),
    ) {
        let files = common::sample_files();
        let (name, text) = &files[file.index(files.len())];
        let (vname, vtext) = &common::variants(text)[variant];
        run_script(name, vtext, vname, &script)?;
    }
}

/// Every file and every variant gets a few scripts, whatever the random draw.
#[test]
fn every_file_and_variant_takes_scripts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let files = common::sample_files();
    for (name, text) in &files {
        for (vname, vtext) in common::variants(text) {
            for _ in 0..3 {
                let script = prop::collection::vec(op(), 1..6)
                    .new_tree(&mut runner)
                    .unwrap()
                    .current();
                if let Err(e) = run_script(name, &vtext, vname, &script) {
                    panic!("{e}");
                }
            }
        }
    }
}
