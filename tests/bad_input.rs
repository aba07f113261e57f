//! Bad inputs that need more than a fixture folder: symlinks, an output folder whose parent
//! is a file, a build killed half-way, generated huge inputs, spreadsheets. The rest of the
//! catalogue is data-driven (tests/catalogue.rs).

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use vinhdanh::import::{FieldSpec, ImportErrorKind, read_table_full};

fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = common::init_project();
    let p = dir.path().join("p");
    (dir, p)
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_project_is_refused() {
    let (dir, p) = project();
    let outside = dir.path().join("outside.yaml");
    fs::copy(p.join("data/honorees.yaml"), &outside).unwrap();
    fs::remove_file(p.join("data/honorees.yaml")).unwrap();
    std::os::unix::fs::symlink(&outside, p.join("data/honorees.yaml")).unwrap();
    let (code, out) = common::run(&p, &["check", "."]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("data/honorees.yaml"), "{out}");
    assert!(out.contains("nằm ngoài thư mục dự án"), "{out}");

    // A template symlinked to /etc/passwd: the compile refuses to read it.
    fs::write(
        p.join("templates/ke-hoach.typ.j2"),
        "#read(\"/templates/lo.txt\")\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("/etc/passwd", p.join("templates/lo.txt")).unwrap();
    fs::remove_file(p.join("data/honorees.yaml")).unwrap();
    fs::copy(&outside, p.join("data/honorees.yaml")).unwrap();
    let (code, out) = common::run(&p, &["build", "."]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("templates/ke-hoach.typ.j2:1"), "{out}");
    assert!(out.contains("nằm ngoài thư mục dự án"), "{out}");
    assert!(!out.contains("root:"), "passwd content leaked: {out}");
}

#[test]
fn output_folder_whose_parent_is_a_file() {
    let (_dir, p) = project();
    fs::write(p.join("tep"), "x").unwrap();
    let (code, out) = common::run(&p, &["build", ".", "--out", "tep/output"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("không ghi được"), "{out}");
    assert!(out.contains("tep/output"), "{out}");
    assert!(out.contains("gợi ý"), "{out}");
}

fn whole_pdf(path: &Path) -> bool {
    pdf_state(path) == Some(true)
}

/// Whether a PDF starts with its header and ends with its trailer; None if it is gone. Read
/// from both ends only, so that a whole output folder can be checked every few milliseconds
/// during a build.
fn pdf_state(path: &Path) -> Option<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = fs::File::open(path).ok()?;
    let len = f.metadata().unwrap().len();
    let mut head = [0u8; 5];
    if f.read_exact(&mut head).is_err() || &head != b"%PDF-" {
        return Some(false);
    }
    let mut tail = Vec::new();
    f.seek(SeekFrom::Start(len.saturating_sub(64))).unwrap();
    f.read_to_end(&mut tail).unwrap();
    Some(tail.trim_ascii_end().ends_with(b"%%EOF"))
}

/// Every PDF under an output folder (and its batch folders), with what tells one write of it
/// from another: a write renames a new file over the old one, so inode or mtime changes.
#[cfg(unix)]
fn pdf_stamps(out: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    let mut stamps = BTreeMap::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        // A file renamed away between listing and stat is simply seen on the next look.
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let Ok(meta) = fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "pdf") {
                stamps.insert(path, (meta.ino(), meta.modified().unwrap()));
            }
        }
    }
    stamps
}

/// Temporary files of unfinished writes (`.vinhdanh-*.tmp`) under an output folder.
fn leftovers(out: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for e in fs::read_dir(&dir).unwrap().flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                dirs.push(path);
            } else if name.starts_with(".vinhdanh-") && name.ends_with(".tmp") {
                found.push(path);
            }
        }
    }
    found
}

#[cfg(unix)]
fn rewritten(
    before: &BTreeMap<PathBuf, (u64, SystemTime)>,
    now: &BTreeMap<PathBuf, (u64, SystemTime)>,
) -> usize {
    now.iter()
        .filter(|(p, stamp)| before.get(*p) != Some(stamp))
        .count()
}

/// A rebuild is killed while it is writing: after its first new PDF, and further on. Each kill
/// is shown to have interrupted the build (the process was still running and died of the
/// signal, and only part of the PDFs had been rewritten). Every PDF is whole whenever the test
/// looks during the rebuild, and after each kill.
#[cfg(unix)]
#[test]
fn interrupted_build_leaves_previous_pdfs_whole() {
    use std::os::unix::process::ExitStatusExt;
    let (_dir, p) = project();
    let (code, out) = common::run(&p, &["build", "."]);
    assert_eq!(code, 0, "{out}");
    let output = p.join("output");
    let complete = pdf_stamps(&output);
    assert!(complete.len() > 150, "{} PDFs", complete.len());
    assert!(leftovers(&output).is_empty());
    // Kill points, in PDFs rewritten. The first leaves seconds of work undone, so its kill
    // must be shown to interrupt the build; a later one that a very slow poll lets the build
    // outrun is only reported, but every PDF must be whole either way.
    let mut interrupted = Vec::new();
    // Each rebuild changes most PDFs (a build leaves a file holding the same bytes alone): the
    // signer's name, printed on every invitation and certificate, differs from the last one.
    let plan = p.join("data/plan.yaml");
    let signer = signer_line(&fs::read_to_string(&plan).unwrap());
    let mut round = 0;
    let mut next_signer = || {
        round += 1;
        let text = fs::read_to_string(&plan).unwrap();
        let now = signer_line(&text);
        let line = if round % 2 == 1 {
            format!("{signer} Hai")
        } else {
            signer.clone()
        };
        fs::write(&plan, text.replacen(&now, &line, 1)).unwrap();
    };
    for after in [1usize, 10, 30, 60, 100, 140] {
        next_signer();
        let start = pdf_stamps(&output);
        let t = Instant::now();
        let mut child = common::bin()
            .args(["build", "."])
            .current_dir(&p)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the rebuild has replaced `after` PDFs, then kill it at once. Meanwhile
        // every PDF must be whole whenever one looks (a reader may open one during a build).
        let mut ended = None;
        loop {
            let now = pdf_stamps(&output);
            for pdf in now.keys() {
                assert_ne!(
                    pdf_state(pdf),
                    Some(false),
                    "{} is half-written while the build runs",
                    pdf.display()
                );
            }
            if rewritten(&start, &now) >= after {
                break;
            }
            if let Some(status) = child.try_wait().unwrap() {
                ended = Some(status);
                break;
            }
            assert!(t.elapsed() < Duration::from_secs(600), "build hangs");
            std::thread::sleep(Duration::from_millis(2));
        }
        let running = ended.is_none() && child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let now = pdf_stamps(&output);
        let n = rewritten(&start, &now);
        eprintln!(
            "kill after {after} PDFs, at {:?}: running {running}, {status}; {n} of {} PDFs \
             rewritten, {} temporary files left",
            t.elapsed(),
            now.len(),
            leftovers(&output).len()
        );
        // Interrupted: running when killed, died of the signal, and its output unfinished.
        if running && status.signal() == Some(9) && n >= after && n < now.len() {
            interrupted.push(after);
        }
        assert_eq!(
            now.keys().collect::<Vec<_>>(),
            complete.keys().collect::<Vec<_>>(),
            "a PDF went missing"
        );
        for pdf in now.keys() {
            assert!(
                whole_pdf(pdf),
                "{} broken after a kill after {after} PDFs",
                pdf.display()
            );
        }
    }
    assert!(
        interrupted.first() == Some(&1),
        "the kill after the first new PDF did not interrupt the build (interrupted: {interrupted:?})"
    );
    // The next build completes the output and clears whatever the kills left half-written:
    // every PDF is then the one a build into an empty folder makes.
    let (code, out) = common::run(&p, &["build", "."]);
    assert_eq!(code, 0, "{out}");
    let now = pdf_stamps(&output);
    assert!(now.keys().all(|pdf| whole_pdf(pdf)));
    assert_eq!(leftovers(&output), Vec::<PathBuf>::new());
    let fresh = p.join("fresh");
    let (code, out) = common::run(&p, &["build", ".", "--out", fresh.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    for pdf in now.keys() {
        let rel = pdf.strip_prefix(&output).unwrap();
        assert!(
            fs::read(pdf).unwrap() == fs::read(fresh.join(rel)).unwrap(),
            "{} differs from a fresh build's",
            rel.display()
        );
    }
}

/// The `name:` line of the plan's `signature:` block, as written.
fn signer_line(plan: &str) -> String {
    plan.lines()
        .skip_while(|l| !l.starts_with("signature:"))
        .find(|l| l.trim_start().starts_with("name:"))
        .expect("the plan names its signer")
        .to_string()
}

#[test]
fn huge_field_is_checked_and_printed() {
    let (_dir, p) = project();
    let huge: String = "Đã có thành tích xuất sắc trong phong trào thi đua. "
        .chars()
        .cycle()
        .take(10_000)
        .collect();
    let path = p.join("data/plan.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let anchor = "  body:\n";
    assert!(text.contains(anchor));
    let text = text.replacen(
        anchor,
        &format!("  body:\n    - p: \"{}\"\n", huge.trim()),
        1,
    );
    fs::write(&path, text).unwrap();
    let h = p.join("data/honorees.yaml");
    let t = fs::read_to_string(&h).unwrap();
    let t = t.replacen(
        "    achievement: Đã có thành tích xuất sắc trong phát triển kinh tế hộ gia đình",
        &format!("    achievement: {}", huge.trim()),
        1,
    );
    fs::write(&h, t).unwrap();
    let (code, out) = common::run(&p, &["check", "."]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = common::run(&p, &["build", "."]);
    assert_eq!(code, 0, "{out}");
    let pdf = p.join("output/ke-hoach.pdf");
    let text = common::squash(&common::pdf_text(&pdf));
    assert!(
        text.matches("phong trào thi đua. Đã có").count() > 100,
        "the 10,000-character paragraph is printed whole"
    );
}

#[test]
fn ten_thousand_records() {
    let (_dir, p) = project();
    let mut y = String::from("delegates:\n");
    for i in 0..10_000 {
        y.push_str(&format!(
            "  - {{id: db-{i:05}, salutation: Ông, name: Người Thứ {i}, unit: thôn {}, group: official}}\n",
            i % 97
        ));
    }
    fs::write(p.join("data/delegates.yaml"), y).unwrap();
    let t = Instant::now();
    let (code, out) = common::run(&p, &["check", "."]);
    eprintln!("check of 10,000 delegates: {:?}", t.elapsed());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("có 10000 đại biểu, Kế hoạch ghi 120–150 (vượt)"),
        "{out}"
    );
    assert!(out.contains("Đại biểu chính thức"), "{out}");
    assert!(!out.contains("panicked"), "{out}");
}

fn specs() -> Vec<FieldSpec> {
    vec![
        FieldSpec {
            key: "name",
            label: "Họ và tên",
            synonyms: &["Họ tên"],
            required: true,
        },
        FieldSpec {
            key: "unit",
            label: "Đơn vị",
            synonyms: &[],
            required: false,
        },
        FieldSpec {
            key: "group",
            label: "Nhóm",
            synonyms: &[],
            required: true,
        },
    ]
}

// The loader hookup of spreadsheets (src/load/tables.rs) is being built in parallel; these
// cases exercise the importer the loader calls, directly.
#[test]
fn xlsx_missing_column() {
    let path = common::fixture("xlsx/missing-column.xlsx");
    let e = read_table_full(&path, &specs()).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MissingColumn);
    let msg = e.to_string();
    assert!(msg.contains("missing-column.xlsx"), "{msg}");
    assert!(msg.contains("Họ và tên"), "{msg}");
    assert_eq!(e.row(), Some(1), "{msg}");
}

#[test]
fn xlsx_merged_cell() {
    let path = common::fixture("xlsx/merged-cell.xlsx");
    let e = read_table_full(&path, &specs()).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MergedCells);
    let msg = e.to_string();
    assert!(msg.contains("merged-cell.xlsx"), "{msg}");
    assert_eq!(e.column(), Some("C"), "{msg}");
    assert!(e.row().is_some(), "{msg}");
    assert!(e.hint().is_some(), "{msg}");
}

#[test]
fn fix_tone_marks_rewrites_free_text_only_keeping_comments() {
    let (_dir, p) = project();
    let before_plan = fs::read_to_string(p.join("data/plan.yaml")).unwrap();
    let (code, out) = common::run(&p, &["check", ".", "--fix-tone-marks", "new", "--dry-run"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        fs::read_to_string(p.join("data/plan.yaml")).unwrap(),
        before_plan,
        "dry run wrote"
    );
    let (code, out) = common::run(&p, &["check", ".", "--fix-tone-marks", "new"]);
    assert_eq!(code, 0, "{out}");
    let after = fs::read_to_string(p.join("data/plan.yaml")).unwrap();
    // Comments and order untouched: same number of lines, same comment lines.
    let comments = |s: &str| {
        s.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(comments(&before_plan), comments(&after));
    assert_eq!(before_plan.lines().count(), after.lines().count());
    // Names and places keep their spelling.
    assert!(
        after.contains("name: Hà Thị Thủy"),
        "a person's name was respelled"
    );
    assert!(after.contains("chair: Chủ tịch Ủy ban nhân dân"));
    // The check afterwards no longer reports mixed free text.
    let (_, out) = common::run(&p, &["check", "."]);
    assert!(!out.contains("dùng lẫn hai kiểu bỏ dấu"), "{out}");
    // Fixing the other way round also works, and a second run changes nothing.
    let (code, _) = common::run(&p, &["check", ".", "--fix-tone-marks", "old"]);
    assert_eq!(code, 0);
    let (_, out) = common::run(&p, &["check", ".", "--fix-tone-marks", "old"]);
    assert!(out.contains("Đã sửa 0 chỗ"), "{out}");
}

/// `--fix-tone-marks` rewrites the project's declared data files, the phôi layout where its
/// decision.yaml names it (`mau/phoi-rieng.yaml`), and no other YAML file: a clerk's notes in
/// `data/` and the unused default `data/phoi.yaml` keep their bytes.
#[test]
fn fix_tone_marks_rewrites_every_declared_file_and_no_other() {
    let (_dir, p) = project();
    common::name_own_layout(&p, true);
    let declared = common::DECLARED_WITH_OWN_LAYOUT;
    let undeclared = ["data/ghi-chu.yaml", "data/phoi.yaml"];
    // A free-text value in the old style, in every file.
    let old_style = "note: Hòa bình\n";
    for f in declared.iter().chain(&undeclared) {
        let text = fs::read_to_string(p.join(f)).unwrap_or_default();
        fs::write(p.join(f), format!("{text}{old_style}")).unwrap();
    }
    let before: Vec<Vec<u8>> = undeclared
        .iter()
        .map(|f| fs::read(p.join(f)).unwrap())
        .collect();
    let (code, out) = common::run(&p, &["check", ".", "--fix-tone-marks", "new", "--dry-run"]);
    assert_eq!(code, 0, "{out}");
    let listed: std::collections::BTreeSet<&str> = out
        .lines()
        .filter(|l| l.ends_with(": Hòa → Hoà [note]"))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert_eq!(listed, declared.into_iter().collect(), "{out}");

    common::run(&p, &["check", ".", "--fix-tone-marks", "new"]);
    for f in declared {
        let text = fs::read_to_string(p.join(f)).unwrap();
        assert!(text.ends_with("note: Hoà bình\n"), "{f} not fixed");
    }
    for (f, bytes) in undeclared.iter().zip(before) {
        assert_eq!(fs::read(p.join(f)).unwrap(), bytes, "{f} was rewritten");
    }
}
