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
//! fails. After a deliberate change: `INSTA_UPDATE=always cargo test --release --test suite -- catalogue::`, then
//! read the diff of the snapshots before committing.

use crate::common;

use common::cases::{cases, prepare};

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
