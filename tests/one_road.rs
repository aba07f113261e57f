//! One road behind every command: the same bad project meets the same refusal, with the same
//! diagnostics and the same exit status, whichever command reads it. (Before the pipeline had
//! one entry, `preview --doc giay-moi/ --record db-001` printed the errors `build` refuses on,
//! wrote the page anyway and exited 0.)

use crate::common;

use std::path::Path;

use common::cases::prepare;

/// The error headlines of a command's output, each with the location line under it
/// (`--> data/delegates.yaml:55:12`): what a clerk reads to fix the data.
fn errors(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if let Some(rest) = l.strip_prefix("lỗi: ") {
            let at = lines
                .get(k + 1)
                .map(|n| n.trim())
                .filter(|n| n.starts_with("-->"))
                .unwrap_or("");
            out.push(format!("{rest} {at}"));
        } else if l.contains(": lỗi: ") {
            // The one-line form: `file:line:col: lỗi: message`.
            out.push(l.to_string());
        }
    }
    out.sort();
    out
}

/// A fresh default project with a catalogue case laid over it.
fn bad_project(case: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = common::init_project();
    let project = tmp.path().join("p");
    prepare(&common::fixture("invalid").join(case), &project);
    (tmp, project)
}

fn files_under(dir: &Path, ext: &str) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == ext))
        .count()
}

/// What the live page's rebuild loop (`serve`, `watch`) makes of the project: blocked or not,
/// and the errors it shows, rendered as the terminal shows them.
fn serve_round(project: &Path) -> (bool, Vec<String>) {
    let (round, _drafts) = rebuild_round(project, false);
    (round.blocked, errors(&vinhdanh::diag::render(&round.diags)))
}

/// One round of the rebuild loop, as `watch` runs it or (`drafts`) as `serve` does, with a
/// folder for drafts.
fn rebuild_round(
    project: &Path,
    drafts: bool,
) -> (vinhdanh::serve::rebuild::Round, Option<tempfile::TempDir>) {
    let p = vinhdanh::project::Project::open(project).unwrap();
    let mut r = vinhdanh::serve::rebuild::Rebuilder::new(p, project.join("output"));
    let dir = drafts.then(|| tempfile::tempdir().unwrap());
    r.draft_dir = dir.as_ref().map(|d| d.path().to_path_buf());
    (r.round(None), dir)
}

/// An unknown delegate group (a finding of the rules): every command that would print from the
/// delegate list refuses with exit 1 and the same error; nothing is written.
#[test]
fn a_rules_error_is_refused_alike_by_every_command() {
    let (_tmp, project) = bad_project("unknown-group");
    let dir = project.to_str().unwrap();
    let (code, check) = common::run(&project, &["check", dir]);
    assert_eq!(code, 1, "{check}");
    let expected = errors(&check);
    assert!(
        expected.iter().any(|e| e.contains("“cty”")),
        "check names the unknown group:\n{check}"
    );
    for args in [
        vec!["build", dir],
        vec!["build", dir, "--only", "giay-moi/"],
        vec!["build", dir, "--only", "ke-hoach.pdf"],
        vec!["build", dir, "--png"],
        vec!["preview", dir, "--doc", "giay-moi/", "--record", "db-001"],
        vec!["preview", dir, "--doc", "ke-hoach.pdf"],
        vec!["preview", dir, "--doc", "giay-khen.pdf"],
    ] {
        let (code, text) = common::run(&project, &args);
        assert_eq!(code, 1, "{args:?} exit status:\n{text}");
        assert_eq!(errors(&text), expected, "{args:?} diagnostics:\n{text}");
    }
    let out = project.join("output");
    assert_eq!(files_under(&out, "pdf"), 0, "a refused command wrote a PDF");
    assert_eq!(
        files_under(&out, "png"),
        0,
        "a refused preview wrote a page"
    );

    let (blocked, shown) = serve_round(&project);
    assert!(blocked, "watch's rebuild ran despite the error");
    assert_eq!(shown, expected, "watch shows other problems than check");
    // serve lays the documents out anyway, as a draft, outside output/, with the same
    // problems.
    let (round, drafts) = rebuild_round(&project, true);
    assert!(!round.blocked);
    assert_eq!(round.draft, expected.len());
    assert!(round.band.is_some());
    assert_eq!(errors(&vinhdanh::diag::render(&round.diags)), expected);
    assert!(round.failed.is_empty(), "{:?}", round.failed);
    assert!(files_under(drafts.unwrap().path(), "pdf") > 100);
    assert_eq!(files_under(&out, "pdf"), 0, "a draft reached output/");

    // `--force` prints despite the rules, in preview as in build.
    let (code, text) = common::run(
        &project,
        &["preview", dir, "--doc", "ke-hoach.pdf", "--force"],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        errors(&text),
        expected,
        "forced preview still reports:\n{text}"
    );
    assert_eq!(files_under(&out, "png"), 1);
    let png = std::fs::read(out.join("xem-truoc/ke-hoach.png")).unwrap();
    assert!(
        common::red_on_top(&png) > 1000,
        "a forced preview carries the draft's band"
    );

    // The calibration sheet is made from the decision, the plan and the phôi layout, not from
    // the lists: the same policy, judged on the files it reads.
    let (code, text) = common::run(&project, &["calibrate", dir]);
    assert_eq!(code, 0, "{text}");
    assert!(errors(&text).is_empty(), "{text}");
}

/// A date that does not exist (the data cannot be read): every command, the calibration sheet
/// included, refuses with exit 1 and the same located error; `--force` does not help.
#[test]
fn a_load_error_is_refused_alike_by_every_command() {
    let (_tmp, project) = bad_project("date-invalid-calibrate");
    let dir = project.to_str().unwrap();
    let (code, check) = common::run(&project, &["check", dir]);
    assert_eq!(code, 1, "{check}");
    let expected = errors(&check);
    assert!(
        expected
            .iter()
            .any(|e| e.contains("2025-02-30") && e.contains("data/plan.yaml:30:9")),
        "check locates the date:\n{check}"
    );
    for args in [
        vec!["build", dir],
        vec!["build", dir, "--force"],
        vec!["build", dir, "--only", "ke-hoach.pdf"],
        vec!["preview", dir, "--doc", "ke-hoach.pdf"],
        vec!["preview", dir, "--doc", "ke-hoach.pdf", "--force"],
        vec!["calibrate", dir],
    ] {
        let (code, text) = common::run(&project, &args);
        assert_eq!(code, 1, "{args:?} exit status:\n{text}");
        assert_eq!(errors(&text), expected, "{args:?} diagnostics:\n{text}");
    }
    assert_eq!(files_under(&project.join("output"), "pdf"), 0);
    assert_eq!(files_under(&project.join("output"), "png"), 0);
    let (blocked, shown) = serve_round(&project);
    assert!(blocked);
    assert_eq!(shown, expected);
}
