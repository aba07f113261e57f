//! The everyday command line: `build --only/--quiet/--verbose`, stale outputs, `preview`,
//! `build --png`, `build --pdf-a`, completions, the man page and the message language.

mod common;

use std::path::Path;

use common::{init_project, run};

fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn only_builds_the_named_outputs() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(
        &p,
        &["build", "--only", "ke-hoach.pdf,quyet-dinh-khen-thuong.pdf"],
    );
    assert_eq!(code, 0, "{out}");
    let written = files(&p.join("output"));
    assert_eq!(
        written,
        [
            ".vinhdanh-manifest",
            "ke-hoach.pdf",
            "quyet-dinh-khen-thuong.pdf"
        ],
        "{out}"
    );
    assert!(out.contains("Đã ghi 2 tệp"), "{out}");
    // A batch by its folder or by its print file: the same job, both written.
    let (code, out) = run(&p, &["build", "--only", "giay-khen.pdf"]);
    assert_eq!(code, 0, "{out}");
    assert!(p.join("output/giay-khen.pdf").is_file());
    assert!(
        p.join("output/giay-khen/001-chi-bo-thon-ha-tien.pdf")
            .is_file()
    );
    assert!(!p.join("output/giay-moi.pdf").exists());
}

#[test]
fn only_an_unknown_name_is_misuse_with_a_suggestion() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", "--only", "giay-khen.pd"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("không có văn bản “giay-khen.pd”"), "{out}");
    assert!(out.contains("có phải “giay-khen.pdf”?"), "{out}");
    assert!(out.contains("ke-hoach.pdf, giay-moi/"), "{out}");
    assert!(!p.join("output").exists(), "nothing is written on misuse");
}

#[test]
fn quiet_verbose_and_log_lines() {
    let dir = init_project();
    let p = dir.path().join("p");
    // Standard error is a pipe here (a log): one plain line per document, no bar.
    let (code, out) = run(&p, &["build", "--only", "ke-hoach.pdf"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("đã in ke-hoach.pdf (5 trang)\n"), "{out}");
    assert!(
        !out.contains('\r') && !out.contains("\x1b["),
        "no bar drawing in a log: {out}"
    );
    let (code, out) = run(&p, &["build", "--only", "ke-hoach.pdf", "--verbose"]);
    assert_eq!(code, 0, "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("đã in ke-hoach.pdf (5 trang, "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.ends_with(" ms)"), "{line}");
    let (code, out) = run(&p, &["build", "--only", "ke-hoach.pdf", "--quiet"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("đã in") && !out.contains("Đã ghi"), "{out}");
}

#[test]
fn build_removes_its_own_stale_outputs_only() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["build", "--only", "giay-khen/"]);
    assert_eq!(code, 0, "{out}");
    let gone = p.join("output/giay-khen/044-vu-dinh-trong.pdf");
    assert!(gone.is_file());
    // The clerk's own files beside the certificates, one of them numbered like ours.
    let own = [
        p.join("output/giay-khen/045-ban-chup-cua-toi.pdf"),
        p.join("output/giay-khen/ghi-chu.txt"),
        p.join("output/danh-sach-ky-nhan.pdf"),
    ];
    for f in &own {
        std::fs::write(f, b"cua van thu").unwrap();
    }
    // A certificate the clerk replaced by hand is theirs now.
    let edited = p.join("output/giay-khen/043-thich-dam-hanh.pdf");
    std::fs::write(&edited, b"ban da sua").unwrap();

    // The last honoree (cn-32) and their delegate seat are deleted, and 043 (cn-31) too.
    let honorees = std::fs::read_to_string(p.join("data/honorees.yaml")).unwrap();
    let cut = honorees.find("  - id: cn-31\n").unwrap();
    std::fs::write(p.join("data/honorees.yaml"), &honorees[..cut]).unwrap();
    let delegates = std::fs::read_to_string(p.join("data/delegates.yaml")).unwrap();
    let delegates: String = delegates
        .lines()
        .filter(|l| !l.contains("honoree: cn-32") && !l.contains("honoree: cn-31"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(p.join("data/delegates.yaml"), delegates).unwrap();

    let (code, out) = run(&p, &["build", "--only", "giay-khen/", "--force"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        !gone.exists(),
        "the deleted honoree's certificate is removed: {out}"
    );
    assert!(out.contains("đã xoá 1 tệp cũ"), "{out}");
    for f in &own {
        assert_eq!(std::fs::read(f).unwrap(), b"cua van thu", "{}", f.display());
    }
    assert_eq!(std::fs::read(&edited).unwrap(), b"ban da sua");
    assert!(
        p.join("output/giay-khen/001-chi-bo-thon-ha-tien.pdf")
            .is_file()
    );
}
