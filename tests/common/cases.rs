//! The catalogue's cases (`tests/fixtures/invalid/`, `tests/fixtures/valid/`): how a case folder
//! is laid over a fresh project, and what it expects. Used by `catalogue.rs` (snapshots) and
//! `lang.rs` (the same cases in English).

use std::fs;
use std::path::{Path, PathBuf};

pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "\\u{{…}} escape");
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("unknown escape \\{other:?} in edits.txt"),
        }
    }
    out
}

pub struct Case {
    pub name: String,
    pub exit: i32,
    pub args: Vec<String>,
    pub expected: Vec<String>,
}

pub fn prepare(case_dir: &Path, project: &Path) -> Case {
    let name = case_dir.file_name().unwrap().to_string_lossy().into_owned();
    for entry in walkdir::WalkDir::new(case_dir) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(case_dir).unwrap();
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        if rel_s == "expected.txt" || rel_s == "edits.txt" {
            continue;
        }
        if let Some(target) = rel_s.strip_suffix(".delete") {
            fs::remove_file(project.join(target))
                .unwrap_or_else(|e| panic!("{name}: cannot delete {target}: {e}"));
            continue;
        }
        let dest = project.join(rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::copy(entry.path(), &dest).unwrap();
    }
    if let Ok(edits) = fs::read_to_string(case_dir.join("edits.txt")) {
        for line in edits
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let parts: Vec<&str> = line.splitn(3, " | ").collect();
            assert_eq!(
                parts.len(),
                3,
                "{name}: edits line `FILE | OLD | NEW`: {line}"
            );
            let file = project.join(parts[0]);
            let text = fs::read_to_string(&file).unwrap();
            let old = unescape(parts[1]);
            assert!(
                text.contains(&old),
                "{name}: `{}` not found in {}",
                parts[1],
                parts[0]
            );
            fs::write(&file, text.replacen(&old, &unescape(parts[2]), 1)).unwrap();
        }
    }
    let spec = fs::read_to_string(case_dir.join("expected.txt"))
        .unwrap_or_else(|_| panic!("{name}: expected.txt missing"));
    let mut case = Case {
        name,
        exit: -100,
        args: vec!["check".into(), ".".into()],
        expected: Vec::new(),
    };
    for line in spec.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(v) = line.strip_prefix("exit:") {
            case.exit = v.trim().parse().unwrap();
        } else if let Some(v) = line.strip_prefix("args:") {
            case.args = v.split_whitespace().map(String::from).collect();
        } else {
            case.expected.push(unescape(line));
        }
    }
    assert_ne!(
        case.exit, -100,
        "{}: expected.txt needs `exit: N`",
        case.name
    );
    case
}

pub fn cases() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for kind in ["invalid", "valid"] {
        let dir = super::fixture(kind);
        let Ok(rd) = fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            if e.path().join("expected.txt").is_file() {
                v.push(e.path());
            }
        }
    }
    v.sort();
    v
}
