//! Long lists in bounded parts: the decision's appendix and the check-in list laid out a part at
//! a time (`build --part-size` items per compile) print the very pages one compile prints.
//! The oracle is the one-compile build of the same project (no part size: the lists are under
//! the default part size), rendered by pdftoppm and compared page by page.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// A project with `n` generated honorees and delegates (the benchmark's generator).
fn generated_project(n: usize) -> (tempfile::TempDir, PathBuf) {
    let keep = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let bench = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("examples").join("bench"))
        .filter(|p| p.is_file());
    let out = match bench {
        Some(b) => Command::new(b)
            .args([&n.to_string(), "--no-typst", "--keep"])
            .arg(keep.path())
            .output(),
        None => Command::new(env!("CARGO"))
            .args(["run", "--release", "--example", "bench", "--"])
            .args([&n.to_string(), "--no-typst", "--keep"])
            .arg(keep.path())
            .current_dir(repo())
            .output(),
    }
    .expect("run the bench's generator");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = keep.path().join(format!("bench-{n}"));
    (keep, dir)
}

const LISTS: [&str; 2] = ["quyet-dinh-khen-thuong.pdf", "danh-sach-dai-bieu.pdf"];
const BOOKLET: [&str; 2] = ["chuong-trinh.pdf", "chuong-trinh-in.pdf"];

/// `outputs` of `project` built twice: as one compile (the oracle) and `part` items a compile.
fn whole_and_parted(
    project: &Path,
    outputs: &[&str],
    part: usize,
) -> (tempfile::TempDir, tempfile::TempDir) {
    let whole = tempfile::tempdir().unwrap();
    let parted = tempfile::tempdir().unwrap();
    build_only(project, whole.path(), None, outputs);
    build_only(project, parted.path(), Some(part), outputs);
    (whole, parted)
}

/// Builds `outputs` alone into `out` with `part` items per compile; the build's messages.
fn build_only(project: &Path, out: &Path, part: Option<usize>, outputs: &[&str]) -> String {
    let mut cmd = bin();
    cmd.arg("build").arg(project).arg("--out").arg(out).args([
        "--force",
        "--only",
        &outputs.join(","),
    ]);
    if let Some(n) = part {
        cmd.arg("--part-size").arg(n.to_string());
    }
    let o = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    // The generated lists are over the plan's quotas, so `--force` exits 1 after printing;
    // what matters is that the documents were written.
    for f in outputs {
        assert!(out.join(f).is_file(), "{f} not written:\n{text}");
    }
    text
}

/// A generated project of `n` honorees with a clerk's own copy of `template` from before parts
/// (tests/fixtures/pre-parts-template/).
fn project_with_old_template(n: usize, template: &str) -> (tempfile::TempDir, PathBuf) {
    let (keep, project) = generated_project(n);
    std::fs::create_dir_all(project.join("templates")).unwrap();
    std::fs::copy(
        fixture(&format!("pre-parts-template/{template}")),
        project.join("templates").join(template),
    )
    .unwrap();
    (keep, project)
}

/// Asserts that `f` in `a` and in `b` render to the same images page by page; its page count.
fn same_pages(a: &Path, b: &Path, f: &str) -> usize {
    let (a, b) = (page_images(&a.join(f)), page_images(&b.join(f)));
    assert_eq!(a.len(), b.len(), "{f}: page count differs");
    let differ: Vec<usize> = (0..a.len())
        .filter(|&i| a[i] != b[i])
        .map(|i| i + 1)
        .collect();
    assert!(differ.is_empty(), "{f}: pages {differ:?} differ");
    a.len()
}

/// Every page of `pdf` rendered at 50 dpi, as PNG bytes.
fn page_images(pdf: &Path) -> Vec<Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", "50", "-png"])
        .arg(pdf)
        .arg(dir.path().join("p"))
        .status()
        .expect("pdftoppm (poppler-utils) is needed");
    assert!(status.success());
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

#[test]
fn lists_laid_out_in_parts_print_the_pages_of_one_compile() {
    let (_keep, project) = generated_project(60);
    // 13 items a part: the decision's 62 items (2 headings, 60 rows) take 5 parts and more
    // (a part that ends mid-page gives its last page to the next), the check-in list's 60
    // rows as many, so parts begin inside groups and under repeated sub-headers.
    let (whole, parted) = whole_and_parted(&project, &LISTS, 13);
    for f in LISTS {
        let pages = same_pages(whole.path(), parted.path(), f);
        assert!(pages >= 5, "{f}: {pages} pages, too few to need parts");
        // The text too: every row once, in order, the total at the end.
        assert_eq!(
            pdf_text(&whole.path().join(f)),
            pdf_text(&parted.path().join(f)),
            "{f}: text differs"
        );
    }
}

/// A continued part of the decision is handed the name column's width that its first part
/// measured from every name (`parts.carry`), not every name to measure again: 10,000 names
/// measured in each of 40 parts made the appendix quadratic in its length. That the pages are
/// still those of one compile is the test above; here, the last part's Typst (`--keep-typst`
/// keeps each part's over the one before) gives the width and no names.
#[test]
fn a_continued_part_is_handed_the_name_column_not_every_name() {
    let (_keep, project) = generated_project(60);
    let kept = |part: Option<&str>| {
        let out = tempfile::tempdir().unwrap();
        let mut cmd = bin();
        cmd.arg("build").arg(&project).arg("--out").arg(out.path());
        cmd.args(["--force", "--keep-typst", "--only", LISTS[0]]);
        if let Some(n) = part {
            cmd.args(["--part-size", n]);
        }
        let o = cmd.output().unwrap();
        let typ = out.path().join("typst/quyet-dinh-khen-thuong.typ");
        std::fs::read_to_string(&typ)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&o.stderr)))
    };
    let whole = kept(None);
    assert!(whole.contains("(names: (") && !whole.contains("name-width:"));
    let last = kept(Some("13"));
    assert!(last.contains("first-page: "), "not a continued part");
    assert!(
        !last.contains("names:"),
        "a continued part is given every name"
    );
    let width = last
        .split_once("(name-width: ")
        .and_then(|(_, rest)| rest.split_once(" * 1pt)"))
        .map(|(w, _)| w.parse::<f64>().unwrap())
        .expect("the continued part is given the width");
    // Measured from the names: strictly between the narrowest and the widest column the
    // library allows (35 mm and 47 mm, in points), so neither bound stood in for a measure.
    let (min, max) = (35.0 * 72.0 / 25.4, 47.0 * 72.0 / 25.4);
    assert!(min + 0.01 < width && width < max - 0.01, "{width}");
}

/// A part size smaller than a page holds still moves on (more items per compile), and still
/// gives the same pages.
#[test]
fn a_part_size_under_one_page_still_prints_the_same_pages() {
    let (_keep, project) = generated_project(30);
    let (whole, parted) = whole_and_parted(&project, &LISTS, 2);
    for f in LISTS {
        same_pages(whole.path(), parted.path(), f);
    }
}

/// A list laid out in parts has no single layout to make a PDF/A copy from: `--pdf-a` says so
/// and writes the other archive copies.
#[test]
fn a_parted_list_has_no_pdf_a_copy_and_says_so() {
    let (_keep, project) = generated_project(30);
    let out = tempfile::tempdir().unwrap();
    let o = bin()
        .arg("build")
        .arg(&project)
        .arg("--out")
        .arg(out.path())
        .args([
            "--force",
            "--pdf-a",
            "--only",
            "quyet-dinh-khen-thuong.pdf,ke-hoach.pdf",
            "--part-size",
            "13",
        ])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
    assert!(
        out.path().join("quyet-dinh-khen-thuong.pdf").is_file(),
        "{text}"
    );
    assert!(out.path().join("luu-tru/ke-hoach.pdf").is_file(), "{text}");
    assert!(
        !out.path()
            .join("luu-tru/quyet-dinh-khen-thuong.pdf")
            .exists(),
        "{text}"
    );
    assert!(
        text.contains("quyet-dinh-khen-thuong.pdf dài, được dàn trang từng phần nên không có bản lưu trữ PDF/A"),
        "{text}"
    );
}

/// A clerk's own decision template written before parts (it takes no window and marks no row)
/// still prints its whole list, once, as one compile does, however long the list.
#[test]
fn a_template_from_before_parts_gets_its_whole_list_in_one_compile() {
    let (_keep, project) = project_with_old_template(30, "quyet-dinh-khen-thuong.typ.j2");
    let (whole, parted) = whole_and_parted(&project, &LISTS, 13);
    let f = "quyet-dinh-khen-thuong.pdf";
    let text = pdf_text(&parted.path().join(f));
    // The decision printed once (not once per part), and the pages of one compile.
    assert_eq!(
        text.matches("QUYẾT ĐỊNH").count(),
        pdf_text(&whole.path().join(f))
            .matches("QUYẾT ĐỊNH")
            .count()
    );
    same_pages(whole.path(), parted.path(), f);
}

/// The programme booklet's honours list in parts: the reading copy, with the note pages its
/// last part gets once the whole page count is known, and the imposed print copy placing its
/// pages, print the pages of one compile.
#[test]
fn a_booklet_laid_out_in_parts_prints_the_pages_of_one_compile() {
    // 50 honorees: a 12-page booklet padded with three note pages, so the last part is laid
    // out again; 7 items a part begin parts inside both lists and at the second heading.
    let (_keep, project) = generated_project(50);
    let (whole, parted) = whole_and_parted(&project, &BOOKLET, 7);
    let reading = BOOKLET[0];
    let text = pdf_text(&whole.path().join(reading));
    assert_eq!(text.matches("GHI CHÚ").count(), 3, "the note pages: {text}");
    // Laid out in parts, the reading copy is untagged (joined): so it was parted.
    assert!(pdf_info(&whole.path().join(reading), "Tagged").starts_with("yes"));
    assert!(pdf_info(&parted.path().join(reading), "Tagged").starts_with("no"));
    for f in BOOKLET {
        same_pages(whole.path(), parted.path(), f);
    }
    assert_eq!(text, pdf_text(&parted.path().join(reading)), "text differs");
}

/// A clerk's own booklet template written before parts (no window, no marks) still prints its
/// whole honours list once, with its note pages, as one compile does.
#[test]
fn a_booklet_template_from_before_parts_gets_its_whole_list_in_one_compile() {
    let (_keep, project) = project_with_old_template(50, "chuong-trinh.typ.j2");
    let (whole, parted) = whole_and_parted(&project, &BOOKLET, 7);
    let f = "chuong-trinh.pdf";
    let text = pdf_text(&parted.path().join(f));
    assert_eq!(text.matches("CHƯƠNG TRÌNH HỘI NGHỊ").count(), 1, "{text}");
    assert_eq!(text.matches("GHI CHÚ").count(), 3, "{text}");
    same_pages(whole.path(), parted.path(), f);
}
