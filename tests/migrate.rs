//! The data schema across versions: an old field name is read with a located warning,
//! `vinhdanh migrate` rewrites a project in place (comments kept, backup written) so it builds
//! with no such warning, twice is a no-op, `--dry-run` writes nothing; a plan written for a newer
//! schema is refused.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::run;

const PLAN: &str = "p/data/plan.yaml";
const OLD_KEY: &str = "  notes: Đề nghị đại biểu có mặt trước 15 phút";
const NEW_KEY: &str = "  request: Đề nghị đại biểu có mặt trước 15 phút";
const RENAME_WARNING: &str = "trường “invitation.notes” đã đổi tên thành “invitation.request”";

/// A project as last year's vinhdanh wrote it: plan.yaml without `vinhdanh: 1` and with the
/// old name `invitation.notes`.
fn old_project() -> tempfile::TempDir {
    let dir = common::init_project();
    let path = dir.path().join(PLAN);
    let text = fs::read_to_string(&path).unwrap();
    let version = text
        .lines()
        .find(|l| l.starts_with("vinhdanh: 1"))
        .expect("the default plan says its schema")
        .to_string();
    assert!(text.contains(NEW_KEY));
    let old = text
        .replacen(&format!("{version}\n"), "\n", 1)
        .replacen(NEW_KEY, OLD_KEY, 1);
    fs::write(&path, old).unwrap();
    dir
}

/// Every file under `dir`, relative path → bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            out.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    out
}

/// The files that differ between two snapshots (their bytes would drown the message).
fn assert_same(a: &BTreeMap<PathBuf, Vec<u8>>, b: &BTreeMap<PathBuf, Vec<u8>>, what: &str) {
    let differ: Vec<&PathBuf> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .collect();
    assert!(differ.is_empty(), "{what}: {differ:?}");
}

fn backups(project: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(project)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("data.bak-"))
        .collect();
    v.sort();
    v
}

fn line_of(path: &Path, needle: &str) -> usize {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.starts_with(needle))
        .unwrap()
        + 1
}

#[test]
fn an_old_field_name_is_read_with_a_located_warning() {
    let dir = old_project();
    let line = line_of(&dir.path().join(PLAN), OLD_KEY);
    let (code, out) = run(dir.path(), &["check", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(RENAME_WARNING), "{out}");
    assert!(out.contains(&format!("data/plan.yaml:{line}:3")), "{out}");
    assert!(out.contains("vinhdanh migrate"), "{out}");
    assert_eq!(out.matches(RENAME_WARNING).count(), 1, "{out}");
    // --strict counts it like any warning.
    let (code, _) = run(dir.path(), &["check", "p", "--strict"]);
    assert_eq!(code, 1);
}

#[test]
fn problems_in_a_field_under_its_old_name_are_located_in_the_file_as_typed() {
    // A rule's finding (a misspelt placeholder) at the old key's line.
    let dir = old_project();
    let path = dir.path().join(PLAN);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen(
            OLD_KEY,
            "  notes: Đến lúc {conference.dat}, đề nghị có mặt trước 15 phút",
            1,
        ),
    )
    .unwrap();
    let line = line_of(&path, "  notes: Đến lúc");
    let (code, out) = run(dir.path(), &["check", "p"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("conference.dat"), "{out}");
    assert!(out.contains(&format!("data/plan.yaml:{line}:")), "{out}");

    // A type error: the column of the value as typed (not shifted by the longer new name),
    // and the field under the name the file uses.
    let dir = old_project();
    let path = dir.path().join(PLAN);
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find(OLD_KEY).unwrap();
    let end = start + text[start..].find('\n').unwrap();
    fs::write(
        &path,
        format!("{}  notes: [a, b]{}", &text[..start], &text[end..]),
    )
    .unwrap();
    let line = line_of(&path, "  notes: [a, b]");
    let (code, out) = run(dir.path(), &["check", "p"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("sai kiểu dữ liệu"), "{out}");
    assert!(out.contains(&format!("data/plan.yaml:{line}:10")), "{out}");
    assert!(out.contains("trường invitation.notes"), "{out}");
}

#[test]
fn migrate_refuses_a_file_it_cannot_read_and_writes_nothing() {
    let dir = old_project();
    let path = dir.path().join(PLAN);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("  code: GM", "  code: \"GM", 1)).unwrap();
    let before = files(dir.path());
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cú pháp YAML sai"), "{out}");
    assert!(out.contains("Không đổi tệp nào"), "{out}");
    assert_same(&files(dir.path()), &before, "changed");
}

#[test]
fn a_field_under_both_names_is_an_error() {
    let dir = common::init_project();
    let path = dir.path().join(PLAN);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen(NEW_KEY, &format!("  notes: cũ\n{NEW_KEY}"), 1),
    )
    .unwrap();
    let (code, out) = run(dir.path(), &["check", "p"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("có cả “notes” (tên cũ) và “request”"), "{out}");
}

#[test]
fn migrate_rewrites_in_place_keeps_comments_backs_up_and_builds_clean() {
    let dir = old_project();
    let p = dir.path().join("p");
    let before = files(&p.join("data"));
    let old_plan = String::from_utf8(before[Path::new("plan.yaml")].clone()).unwrap();

    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Đã đổi 2 dòng trong 1 tệp"), "{out}");

    // The backup holds the data exactly as it was.
    let baks = backups(&p);
    assert_eq!(baks.len(), 1, "{baks:?}");
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y%m%d")
        .to_string();
    assert_eq!(baks[0], format!("data.bak-{today}"));
    assert!(out.contains(&baks[0]), "{out}");
    assert_same(&files(&p.join(&baks[0])), &before, "changed");

    // plan.yaml: the old key renamed, the schema said after the leading comments, every other
    // line (comments included) as it was; the other files untouched.
    let new_plan = fs::read_to_string(p.join("data/plan.yaml")).unwrap();
    assert!(new_plan.contains(NEW_KEY) && !new_plan.contains(OLD_KEY));
    let comment = "  collective: ỦY BAN NHÂN DÂN     # dùng trong dòng \"TM. ỦY BAN NHÂN DÂN\"";
    assert!(new_plan.lines().any(|l| l == comment), "{new_plan}");
    let old_lines: Vec<&str> = old_plan.lines().collect();
    let new_lines: Vec<&str> = new_plan.lines().collect();
    assert_eq!(new_lines.len(), old_lines.len() + 1);
    let version_at = new_lines
        .iter()
        .position(|l| l.starts_with("vinhdanh: 1 "))
        .unwrap();
    assert!(old_lines[..version_at].iter().all(|l| l.starts_with('#')));
    let mut kept = new_lines.clone();
    kept.remove(version_at);
    for (a, b) in old_lines.iter().zip(&kept) {
        if a.starts_with(OLD_KEY) {
            assert_eq!(a.replacen("notes:", "request:", 1), **b);
        } else {
            assert_eq!(a, b);
        }
    }
    let after = files(&p.join("data"));
    for (rel, bytes) in &before {
        if rel != Path::new("plan.yaml") {
            assert!(&after[rel] == bytes, "{rel:?} changed");
        }
    }

    // It builds with no warning about names, and the request still reaches the invitation.
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("đã đổi tên"), "{out}");
    assert!(!out.contains("migrate"), "{out}");
    let text = common::squash(&common::pdf_text(&p.join("output/giay-moi.pdf")));
    assert!(
        text.contains(&common::squash("Đề nghị đại biểu có mặt trước 15 phút")),
        "{text}"
    );
}

#[test]
fn migrate_twice_changes_nothing_the_second_time() {
    let dir = old_project();
    let p = dir.path().join("p");
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    let once = files(&p);
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("không có gì để đổi"), "{out}");
    assert_same(&files(&p), &once, "the second migrate wrote something");
    assert_eq!(backups(&p).len(), 1);

    // A freshly made project is already current.
    let fresh = common::init_project();
    let (code, out) = run(fresh.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("không có gì để đổi"), "{out}");
    assert!(backups(&fresh.path().join("p")).is_empty());
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let dir = old_project();
    let p = dir.path().join("p");
    let line = line_of(&p.join("data/plan.yaml"), OLD_KEY);
    let before = files(dir.path());
    let (code, out) = run(dir.path(), &["migrate", "p", "--dry-run"]);
    assert_eq!(code, 0, "{out}");
    assert_same(&files(dir.path()), &before, "--dry-run wrote something");
    assert!(
        out.contains("--- data/plan.yaml\n+++ data/plan.yaml\n"),
        "{out}"
    );
    assert!(
        out.contains("@@ data/plan.yaml:6 @@\n+vinhdanh: 1 "),
        "{out}"
    );
    assert!(
        out.contains(&format!("@@ data/plan.yaml:{line} @@\n-{OLD_KEY}")),
        "{out}"
    );
    assert!(out.contains(&format!("\n+{NEW_KEY}")), "{out}");
    assert!(out.contains("Sẽ đổi 2 dòng trong 1 tệp"), "{out}");
}

#[test]
fn a_second_backup_the_same_day_gets_a_number() {
    let dir = old_project();
    let p = dir.path().join("p");
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y%m%d")
        .to_string();
    fs::create_dir(p.join(format!("data.bak-{today}"))).unwrap();
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(p.join(format!("data.bak-{today}-2/plan.yaml")).is_file());
}

#[test]
fn migrate_refuses_the_embedded_default() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = run(dir.path(), &["migrate"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("cần một thư mục dự án"), "{out}");
}

#[test]
fn a_plan_for_a_newer_schema_is_refused_where_it_says_so() {
    let dir = common::init_project();
    let path = dir.path().join(PLAN);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("vinhdanh: 1 ", "vinhdanh: 2 ", 1)).unwrap();
    let line = line_of(&path, "vinhdanh: 2");
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("tệp được viết cho phiên bản mới hơn của vinhdanh"),
        "{out}"
    );
    assert!(out.contains(&format!("data/plan.yaml:{line}:11")), "{out}");
    assert!(out.contains("cập nhật vinhdanh"), "{out}");
    assert!(!dir.path().join("p/output/ke-hoach.pdf").exists());
    let before = files(dir.path());
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 1, "{out}");
    assert_same(&files(dir.path()), &before, "changed");
}

/// The project `init` wrote at 0.1, as kept in `tests/fixtures/compat/0.1`: read with the
/// rename warning, and `migrate` makes it current (it then builds with no such warning).
#[test]
fn the_0_1_project_migrates_and_builds_without_the_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p");
    let src = common::fixture("compat/0.1");
    for e in walkdir::WalkDir::new(&src).into_iter().flatten() {
        let rel = e.path().strip_prefix(&src).unwrap();
        if e.file_type().is_dir() {
            fs::create_dir_all(p.join(rel)).unwrap();
        } else if e.file_type().is_file() {
            fs::copy(e.path(), p.join(rel)).unwrap();
        }
    }
    let (code, out) = run(dir.path(), &["check", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(RENAME_WARNING), "{out}");
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("đã đổi tên"), "{out}");
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("không có gì để đổi"), "{out}");
}

/// `migrate` reads and rewrites the project's declared data files, the phôi layout where its
/// decision.yaml names it (`mau/phoi-rieng.yaml`), and no other YAML file: each declared file
/// that does not parse stops it, a clerk's broken notes in `data/` do not, and keep their bytes.
#[test]
fn migrate_reads_every_declared_file_and_no_other() {
    let dir = old_project();
    let p = dir.path().join("p");
    common::name_own_layout(&p, false);
    let notes = p.join("data/ghi-chu.yaml");
    fs::write(&notes, "việc cần làm: \"chưa xong\n").unwrap();
    let declared = common::DECLARED_WITH_OWN_LAYOUT;

    // Every declared file is read: broken at its end, each is reported.
    let texts: Vec<String> = declared
        .iter()
        .map(|f| fs::read_to_string(p.join(f)).unwrap())
        .collect();
    for (f, text) in declared.iter().zip(&texts) {
        fs::write(p.join(f), format!("{text}hỏng: \"\n")).unwrap();
    }
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 1, "{out}");
    for f in declared {
        assert!(out.contains(&format!("{f}:")), "{f} not read: {out}");
    }
    assert!(!out.contains("ghi-chu.yaml"), "{out}");

    // Repaired, they are migrated; the notes are not read, and keep their bytes.
    for (f, text) in declared.iter().zip(&texts) {
        fs::write(p.join(f), text).unwrap();
    }
    let notes_before = fs::read(&notes).unwrap();
    let (code, out) = run(dir.path(), &["migrate", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("ghi-chu.yaml"), "{out}");
    assert!(
        fs::read_to_string(p.join("data/plan.yaml"))
            .unwrap()
            .contains(NEW_KEY)
    );
    assert_eq!(fs::read(&notes).unwrap(), notes_before);
}
