//! The stages only look down (README, "How it works"): read from the crates' own manifests,
//! each crate depends only on the stages below it, and Typst is a dependency of the engine
//! alone, so the rules (and everything under them) build and test without it.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

/// Every workspace crate's dependencies (normal ones, any target), by package name.
fn manifests() -> BTreeMap<String, BTreeSet<String>> {
    let root = common::repo();
    let mut out = BTreeMap::new();
    let mut paths = vec![root.join("Cargo.toml")];
    for e in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        paths.push(e.path().join("Cargo.toml"));
    }
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut name = None;
        let mut deps = BTreeSet::new();
        let mut section = String::new();
        for line in text.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line.to_string();
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let key = key.trim().trim_end_matches(".workspace").to_string();
            if section == "[package]" && key == "name" {
                name = Some(value.trim().trim_matches('"').to_string());
            } else if section == "[dependencies]" || section.ends_with(".dependencies]") {
                deps.insert(key);
            }
        }
        out.insert(name.expect("a package name"), deps);
    }
    out
}

#[test]
fn every_stage_depends_only_on_the_stages_below_it() {
    // The direction of the tree in docs/phat-trien.md: each crate and what it may use.
    let below: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("vinhdanh-default", &[][..]),
        ("vinhdanh-yaml", &[][..]),
        ("vinhdanh-core", &["vinhdanh-default"][..]),
        ("vinhdanh-model", &["vinhdanh-core"][..]),
        (
            "vinhdanh-load",
            &["vinhdanh-core", "vinhdanh-model", "vinhdanh-yaml"][..],
        ),
        (
            "vinhdanh-rules",
            &["vinhdanh-core", "vinhdanh-model", "vinhdanh-load"][..],
        ),
        ("vinhdanh-engine", &["vinhdanh-core"][..]),
        (
            "vinhdanh-documents",
            &[
                "vinhdanh-core",
                "vinhdanh-model",
                "vinhdanh-load",
                "vinhdanh-engine",
            ][..],
        ),
        (
            "vinhdanh-pipeline",
            &[
                "vinhdanh-core",
                "vinhdanh-model",
                "vinhdanh-load",
                "vinhdanh-rules",
                "vinhdanh-engine",
                "vinhdanh-documents",
            ][..],
        ),
        (
            "vinhdanh-serve",
            &[
                "vinhdanh-core",
                "vinhdanh-engine",
                "vinhdanh-pipeline",
                "vinhdanh-yaml",
            ][..],
        ),
    ]);
    let manifests = manifests();
    let crates: BTreeSet<&str> = manifests
        .keys()
        .map(String::as_str)
        .filter(|n| *n != "vinhdanh")
        .collect();
    assert_eq!(
        crates,
        below.keys().copied().collect(),
        "a crate was added or removed: place it in the tree of docs/phat-trien.md and in this table"
    );
    for (name, deps) in &manifests {
        if name == "vinhdanh" {
            continue;
        }
        let allowed = below[name.as_str()];
        for d in deps.iter().filter(|d| d.starts_with("vinhdanh-")) {
            assert!(
                allowed.contains(&d.as_str()),
                "{name} depends on {d}, which is not below it"
            );
        }
    }
    // Typst: the engine alone (the binary's tests may use it directly).
    for (name, deps) in &manifests {
        let typst: Vec<&String> = deps.iter().filter(|d| d.starts_with("typst")).collect();
        if name != "vinhdanh-engine" && name != "vinhdanh" {
            assert!(typst.is_empty(), "{name} depends on {typst:?}");
        }
    }
    assert!(manifests["vinhdanh-engine"].contains("typst"));
    // And so nothing under the rules reaches the engine.
    let mut closure = BTreeSet::new();
    let mut todo = vec!["vinhdanh-rules".to_string()];
    while let Some(c) = todo.pop() {
        for d in manifests[&c].iter().filter(|d| d.starts_with("vinhdanh-")) {
            if closure.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    assert!(!closure.contains("vinhdanh-engine"), "{closure:?}");
}
