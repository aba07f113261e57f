//! Lists as offices keep them (issue #10): the fixture project `tests/fixtures/office-lists`
//! (honorees in .xlsx, delegates in .csv, written with title rows, no codes, combined
//! headers, group labels, "I. TẬP THỂ" section rows, x-marked Nam/Nữ columns, full birth
//! dates, Ghi chú, a summary sheet, and the stray spaces and decomposed letters real lists
//! have) builds unchanged; and the example lists `vinhdanh init` writes into data/examples/
//! replace the sample YAML lists as they are.
//!
//! The oracle for what must print is the seed data (data/honorees.yaml, data/delegates.yaml)
//! the lists were written from (src/load/office_lists.rs).

use crate::common;

use std::path::Path;

use common::{copy_dir, fixture, init_project, pdf_text, repo, run, squash};

/// (name, achievement) of every seed honoree; every delegate's printed name or unit.
fn seed_honorees() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo().join("data/honorees.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    v["honorees"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["name"].as_str().unwrap().to_string(),
                h["achievement"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn seed_delegate_names() -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("data/delegates.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    v["delegates"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|d| d["name"].as_str().map(str::to_string))
        .collect()
}

fn flat(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '‐'))
        .collect()
}

/// The default project with its YAML lists replaced by `lists` (files copied into data/).
fn project_with(lists: &[(&Path, &str)]) -> tempfile::TempDir {
    let dir = init_project();
    let p = dir.path().join("p");
    std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
    std::fs::remove_file(p.join("data/honorees.yaml")).unwrap();
    for (from, to) in lists {
        std::fs::copy(from, p.join("data").join(to)).unwrap();
    }
    dir
}

#[test]
fn office_lists_build_unchanged() {
    let dir = init_project();
    let p = dir.path().join("p");
    std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
    std::fs::remove_file(p.join("data/honorees.yaml")).unwrap();
    copy_dir(&fixture("office-lists"), &p);
    let before = common::tree(&fixture("office-lists"));

    let (code, out) = run(&p, &["check"]);
    assert_eq!(code, 0, "{out}");
    // The cells typed otherwise than they print are named, at their cell.
    for (at, what) in [
        ("data/honorees.xlsx, dòng 9, cột B: cảnh báo:", "NFD"),
        (
            "data/honorees.xlsx, dòng 20, cột B: cảnh báo:",
            "hai dấu cách",
        ),
        (
            "data/honorees.xlsx, dòng 21, cột B: cảnh báo:",
            "đầu hoặc cuối",
        ),
        ("data/honorees.xlsx, dòng 22, cột B: cảnh báo:", "NFD"),
    ] {
        let line = out.lines().find(|l| l.starts_with(at));
        assert!(
            line.is_some_and(|l| l.contains(what)),
            "{at} {what}:\n{out}"
        );
    }
    // The summary sheet and the title rows are notes, not warnings.
    assert!(
        out.contains("data/honorees.xlsx: ghi chú: Chỉ đọc trang tính")
            && out.contains("\"Tổng hợp\""),
        "{out}"
    );
    assert!(
        out.contains("data/delegates.csv, dòng 1: ghi chú: Bỏ qua 1 dòng phía trên tiêu đề"),
        "{out}"
    );
    // No column was left unread, no group label unknown.
    assert!(!out.contains("không dùng đến"), "{out}");
    assert!(!out.contains("không có trong thành phần"), "{out}");

    let (code, out) = run(&p, &["build"]);
    assert_eq!(code, 0, "{out}");
    // The lists are read, never rewritten.
    for (rel, bytes) in &before {
        assert_eq!(&std::fs::read(p.join(rel)).unwrap(), bytes, "{rel} changed");
    }

    // Every honoree on the decision and on a certificate, cleaned (composed, single spaces).
    // Compared without spaces and hyphens: a long name breaks over lines (and words may be
    // hyphenated) in table cells.
    let decision = flat(&pdf_text(&p.join("output/quyet-dinh-khen-thuong.pdf")));
    let certificates = flat(&pdf_text(&p.join("output/giay-khen.pdf")));
    let honorees = seed_honorees();
    assert_eq!(honorees.len(), 44);
    for (name, _) in &honorees {
        // The decision's appendix is a table: pdftotext interleaves the cells of a row,
        // so only the start of a long name is whole there.
        let start: Vec<&str> = name.split_whitespace().take(3).collect();
        assert!(
            decision.contains(&flat(&start.join(" "))),
            "decision lacks {name}"
        );
        assert!(
            certificates.contains(&flat(name)),
            "certificates lack {name}"
        );
    }
    let certificate_files = std::fs::read_dir(p.join("output/giay-khen"))
        .unwrap()
        .count();
    assert_eq!(certificate_files, honorees.len());

    // Every named delegate invited; no made code printed ("Mã đại biểu" only with the
    // clerk's codes, and this list has none).
    let invitations = squash(&pdf_text(&p.join("output/giay-moi.pdf")));
    for name in seed_delegate_names() {
        assert!(
            invitations.contains(&squash(&name)),
            "no invitation for {name}"
        );
    }
    assert!(!invitations.contains("Mã đại biểu"), "a made code printed");
    // "Chức vụ, đơn vị" in one column prints as typed, where the position prints.
    let text = std::fs::read_to_string(repo().join("data/delegates.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let first = &v["delegates"][0];
    let typed = format!(
        "{}, {}",
        first["title"].as_str().unwrap(),
        first["unit"].as_str().unwrap()
    );
    assert!(
        flat(&pdf_text(&p.join("output/giay-moi.pdf"))).contains(&flat(&typed)),
        "{typed}"
    );
    let invitation_files = std::fs::read_dir(p.join("output/giay-moi"))
        .unwrap()
        .count();
    assert_eq!(invitation_files, 139);
    // Honorees invited by name get their own invitation, as with codes.
    let booklet = squash(&pdf_text(&p.join("output/chuong-trinh.pdf")));
    assert!(booklet.contains(&squash(&honorees[12].0)), "{booklet}");
}

/// `vinhdanh init` writes example lists a clerk can start from; each replaces the sample
/// YAML list as it is, in either format, and the project checks clean (no warning from the
/// lists: only notes) once the agenda names its speakers (the examples have no codes).
#[test]
fn init_writes_example_lists_that_import_cleanly() {
    let dir = init_project();
    let examples = dir.path().join("p/data/examples");
    let mut names: Vec<String> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "delegates.csv",
            "delegates.xlsx",
            "honorees.csv",
            "honorees.xlsx"
        ]
    );
    for (h, d) in [("xlsx", "csv"), ("csv", "xlsx")] {
        let hf = examples.join(format!("honorees.{h}"));
        let df = examples.join(format!("delegates.{d}"));
        let project = project_with(&[
            (&hf, &format!("honorees.{h}")),
            (&df, &format!("delegates.{d}")),
        ]);
        let p = project.path().join("p");
        // The one edit docs/dai-bieu.md asks for: speakers named, the list having no codes.
        std::fs::copy(
            fixture("office-lists/data/agenda.yaml"),
            p.join("data/agenda.yaml"),
        )
        .unwrap();
        let (code, out) = run(&p, &["check"]);
        assert_eq!(code, 0, "{out}");
        for list in [format!("data/honorees.{h}"), format!("data/delegates.{d}")] {
            let flagged: Vec<&str> = out
                .lines()
                .filter(|l| l.starts_with(&list) && !l.contains(": ghi chú: "))
                .collect();
            assert!(flagged.is_empty(), "{list}:\n{}", flagged.join("\n"));
        }
    }
}

/// docs/kiem-tra.md: notes ("ghi chú") are not warnings: `--strict` does not refuse them.
#[test]
fn notes_do_not_fail_strict() {
    use vinhdanh::diag::{Diagnostic, Diagnostics};
    use vinhdanh::pipeline::{BuildOptions, refuses};
    let strict = BuildOptions {
        strict: true,
        ..BuildOptions::default()
    };
    let notes = Diagnostics(vec![Diagnostic::info("Bỏ qua 2 dòng phía trên tiêu đề")]);
    assert!(!refuses(&notes, &strict));
    let warned = Diagnostics(vec![Diagnostic::warning("hai dấu cách")]);
    assert!(refuses(&warned, &strict));
}

/// docs/dai-bieu.md: a delegate's group may be the plan's id or its label, tone marks and
/// case ignored; neither gives an error with a suggestion.
#[test]
fn groups_by_id_or_label() {
    let dir = init_project();
    let p = dir.path().join("p");
    std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
    let csv = "Họ và tên,Chức vụ,Nhóm\n\
               Nguyễn Văn An,Giám đốc,city\n\
               Lê Thị Bình,Phó Giám đốc,dai bieu thanh pho\n\
               Trần Văn Cường,Trưởng phòng,ĐẠI BIỂU THÀNH PHỐ\n\
               Phạm Văn Dũng,Chuyên viên,Đại biểu thàn phố\n";
    std::fs::write(p.join("data/delegates.csv"), csv).unwrap();
    let (code, out) = run(&p, &["check"]);
    assert_eq!(code, 1, "{out}");
    let errors: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("không có trong thành phần đại biểu"))
        .collect();
    assert_eq!(errors.len(), 1, "{out}");
    assert!(
        errors[0].starts_with("data/delegates.csv, dòng 5, cột C: lỗi: nhóm “Đại biểu thàn phố”"),
        "{out}"
    );
    assert!(
        out.contains("có phải ý bạn là “Đại biểu thành phố” (mã city)?"),
        "{out}"
    );
}

/// docs/kiem-tra.md: a YAML list's value with stray spaces prints cleaned (the documents
/// read the loaded list) and `check` flags it where it stands.
#[test]
fn yaml_list_values_print_cleaned_and_are_flagged() {
    let dir = init_project();
    let p = dir.path().join("p");
    let file = p.join("data/honorees.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "    title: Chi hội trưởng Chi hội Phụ nữ",
        "    title: Chi hội trưởng  Chi hội Phụ nữ",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let project = vinhdanh::project::Project::open(&p).unwrap();
    let data = vinhdanh::load::load(&project).unwrap();
    let (list, _) = data.honorees.as_ref().unwrap();
    assert!(
        list.honorees
            .iter()
            .any(|h| h.title.as_deref() == Some("Chi hội trưởng Chi hội Phụ nữ"))
    );
    assert!(
        list.honorees
            .iter()
            .all(|h| !h.title.as_deref().unwrap_or("").contains("  "))
    );
    let (code, out) = run(&p, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("cảnh báo: có hai dấu cách liền nhau\n   --> data/honorees.yaml:127:12"),
        "{out}"
    );
}
