//! The catalogue of bad (and a few good) inputs: every folder under `tests/fixtures/invalid/`
//! and `tests/fixtures/valid/` is one case, run on a fresh copy of the default project.
//! Adding a case is adding a folder:
//!
//! - `edits.txt`: lines `FILE | OLD | NEW` replacing the first OLD in the copied FILE
//!   (escapes `\n`, `\t`, `\\`, `\u{301}`); an OLD that is not found fails the case, so the
//!   catalogue notices when the default data changes under it;
//! - any other file is copied over the project (`data/x.yaml`, `templates/…`); an empty file
//!   named `FILE.delete` removes FILE;
//! - `expected.txt`: `exit: N`, optionally `args: …` (default `check .`, run inside the
//!   project), and one substring per line that the output (stdout + stderr) must contain.
//!
//! Besides those hand-written substrings, each case's whole output is a snapshot
//! (`tests/snapshots/catalogue__NAME.snap`, insta): a duplicated, missing or extra message
//! fails. After a deliberate change: `INSTA_UPDATE=always cargo test --test catalogue`, then
//! read the diff of the snapshots before committing.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

fn unescape(s: &str) -> String {
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

struct Case {
    name: String,
    exit: i32,
    args: Vec<String>,
    expected: Vec<String>,
}

fn prepare(case_dir: &Path, project: &Path) -> Case {
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

fn cases() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for kind in ["invalid", "valid"] {
        let dir = common::fixture(kind);
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

#[test]
fn every_catalogue_case() {
    let cases = cases();
    assert!(cases.len() >= 30, "catalogue has {} cases", cases.len());
    let only = std::env::var("CASE").ok();
    let mut failures = Vec::new();
    let mut ran = 0;
    for dir in &cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let tmp = common::init_project();
        let project = tmp.path().join("p");
        let case = prepare(dir, &project);
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let (code, out) = common::run(&project, &args);
        ran += 1;
        let mut problems = Vec::new();
        if code != case.exit {
            problems.push(format!("exit {code}, expected {}", case.exit));
        }
        for e in &case.expected {
            if !out.contains(e.as_str()) {
                problems.push(format!("missing «{e}»"));
            }
        }
        if out.contains("panicked") || out.contains("RUST_BACKTRACE") {
            problems.push("the program panicked".into());
        }
        if !problems.is_empty() {
            failures.push(format!("── {}: {}\n{out}", case.name, problems.join("; ")));
        }
        // A log line per finished document comes in the order the jobs finish: left out.
        let shown: String = out
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("đã in ") && !l.starts_with("lỗi khi in "))
            .collect();
        let shown = shown.replace(project.to_str().unwrap(), "<dự án>");
        let snapshot = std::panic::catch_unwind(|| {
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(format!("catalogue__{}", case.name), shown);
            });
        });
        if snapshot.is_err() {
            failures.push(format!(
                "── {}: output differs from its snapshot",
                case.name
            ));
        }
    }
    eprintln!("catalogue: {ran} cases run");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
