//! Projects made by earlier versions keep building and get every later template fix.
//! `tests/fixtures/compat/0.1/` is the project `vinhdanh init` wrote at 0.1 (its data and its
//! template copies exactly as written then); each later release adds its own folder.

use crate::common;

use std::fs;

use common::{copy_dir, fixture, init_project, run, tree};

#[test]
fn init_writes_data_and_no_template_copies() {
    let dir = init_project();
    let p = dir.path().join("p");
    assert!(p.join("data/plan.yaml").is_file());
    assert!(p.join("assets").is_dir());
    let templates: Vec<String> = fs::read_dir(p.join("templates"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(templates, ["README.md"]);
}

/// Every compat fixture builds with no error, says its template copies can be deleted, and
/// prints exactly what the same data prints without them: the copies pin nothing.
#[test]
fn every_compat_fixture_builds_with_the_current_templates() {
    let versions: Vec<_> = fs::read_dir(fixture("compat"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!versions.is_empty());
    for old in versions {
        let tmp = tempfile::tempdir().unwrap();
        let with = tmp.path().join("with-copies");
        copy_dir(&old, &with);
        let (code, out) = run(&with, &["build", "."]);
        assert_eq!(code, 0, "{}: {out}", old.display());
        assert!(
            out.contains("bản sao y nguyên mẫu có sẵn (phiên bản 0.1.0)")
                && out.contains("có thể xoá các tệp này"),
            "{out}"
        );
        assert!(!out.contains("là mẫu đã sửa"), "{out}");
        let without = tmp.path().join("without");
        copy_dir(&old, &without);
        fs::remove_dir_all(without.join("templates")).unwrap();
        let (code, out) = run(&without, &["build", "."]);
        assert_eq!(code, 0, "{out}");
        let (a, b) = (tree(&with.join("output")), tree(&without.join("output")));
        assert_eq!(a.len(), b.len());
        for (k, v) in &a {
            assert!(
                b[k] == *v,
                "{}: {k} differs from the current templates' output",
                old.display()
            );
        }
    }
}

#[test]
fn an_edited_copy_that_compiles_is_used_with_a_warning() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["eject", "ke-hoach.typ.j2"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("lib/nd30.typ"),
        "eject names the library it imports: {out}"
    );
    let t = p.join("templates/ke-hoach.typ.j2");
    let s = fs::read_to_string(&t).unwrap();
    fs::write(
        &t,
        s.replacen("#nd30.header(", "#text[MẪU RIÊNG]\n#nd30.header(", 1),
    )
    .unwrap();
    let (code, out) = run(&p, &["build", "."]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("templates/ke-hoach.typ.j2 là mẫu đã sửa"),
        "{out}"
    );
    assert!(
        out.contains("vinhdanh eject --diff ke-hoach.typ.j2"),
        "{out}"
    );
    let text = common::pdf_text(&p.join("output/ke-hoach.pdf"));
    assert!(text.contains("MẪU RIÊNG"), "the edited copy is used");
    let (code, diff) = run(&p, &["eject", "--diff", "ke-hoach.typ.j2"]);
    assert_eq!(code, 0, "{diff}");
    assert!(diff.contains("+#text[MẪU RIÊNG]"), "{diff}");
}

/// An edited copy written for an older engine (here: it calls a library function that no
/// longer exists) fails with an error that names the file and the way to compare it.
#[test]
fn an_edited_copy_that_no_longer_compiles_is_named() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["eject", "ke-hoach.typ.j2"]);
    assert_eq!(code, 0, "{out}");
    let t = p.join("templates/ke-hoach.typ.j2");
    let s = fs::read_to_string(&t).unwrap();
    fs::write(&t, s.replacen("#nd30.header(", "#nd30.header-cu(", 1)).unwrap();
    let (code, out) = run(&p, &["build", "."]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Không in được ke-hoach.pdf"), "{out}");
    assert!(
        out.contains(
            "mẫu riêng templates/ke-hoach.typ.j2 (bản đã sửa của mẫu có sẵn) có thể không còn hợp"
        ),
        "{out}"
    );
    assert!(
        out.contains("vinhdanh eject --diff ke-hoach.typ.j2"),
        "{out}"
    );
    assert!(
        p.join("output/giay-moi.pdf").is_file(),
        "the other documents print"
    );
}

#[test]
fn eject_refuses_an_unknown_name_with_a_suggestion() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["eject", "ke-hoac"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("có phải “ke-hoach.typ.j2”?"), "{out}");
}
