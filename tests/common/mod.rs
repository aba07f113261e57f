//! Shared helpers of the integration tests: run the real binary or pipeline on fixture
//! projects and read the PDFs back with poppler-utils (`pdftotext`, `pdfinfo`, `pdffonts`),
//! which `.ci/run` installs.
#![allow(dead_code)]

pub mod cases;
pub mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vinhdanh"))
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture project under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Runs `vinhdanh ARGS` in `cwd`; returns (status code, stdout + stderr).
pub fn run(cwd: &Path, args: &[&str]) -> (i32, String) {
    let out: Output = bin()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run vinhdanh");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

/// A fresh copy of the default project (`vinhdanh init`) in a temp dir.
pub fn init_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = run(dir.path(), &["init", "p"]);
    assert_eq!(code, 0, "{out}");
    dir
}

/// The default project built once per test binary: its output folder.
pub fn default_build() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (code, text) = run(dir.path(), &["build"]);
        assert_eq!(code, 0, "default build failed:\n{text}");
        let out = dir.path().join("output");
        (dir, out)
    });
    out
}

pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text of a PDF (reading order), NFC as written.
pub fn pdf_text(path: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

/// Text of one page.
pub fn pdf_page_text(path: &Path, page: usize) -> String {
    pdf_region_text(path, page, None)
}

/// Text of one page, or of a region of it: (x, y, width, height) in points from the top-left.
pub fn pdf_region_text(path: &Path, page: usize, region: Option<(f64, f64, f64, f64)>) -> String {
    let p = page.to_string();
    let mut args: Vec<String> = ["-enc", "UTF-8", "-f", &p, "-l", &p]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some((x, y, w, h)) = region {
        for (flag, v) in [("-x", x), ("-y", y), ("-W", w), ("-H", h)] {
            args.push(flag.into());
            args.push((v as i64).to_string());
        }
    }
    args.push(path.to_str().unwrap().into());
    args.push("-".into());
    tool(
        "pdftotext",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
}

pub fn pdf_pages(path: &Path) -> usize {
    pdf_info(path, "Pages").parse().unwrap()
}

/// (width, height) in mm of page 1.
pub fn pdf_page_size_mm(path: &Path) -> (f64, f64) {
    let s = pdf_info(path, "Page size");
    let nums: Vec<f64> = s
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (nums[0] * 25.4 / 72.0, nums[1] * 25.4 / 72.0)
}

pub fn pdf_info(path: &Path, key: &str) -> String {
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    info.lines()
        .find_map(|l| {
            l.strip_prefix(&format!("{key}:"))
                .map(|v| v.trim().to_string())
        })
        .unwrap_or_default()
}

/// Embedded font names of a PDF (pdffonts), e.g. "ABCDEF+Tinos-Bold".
pub fn pdf_fonts(path: &Path) -> Vec<String> {
    tool("pdffonts", &[path.to_str().unwrap()])
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Whitespace-normalised text (runs of whitespace → one space), for comparing prose.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the tests that keep the phôi layout outside `data/` put it.
pub const OWN_LAYOUT: &str = "mau/phoi-rieng.yaml";

/// The data files a project with [`OWN_LAYOUT`] declares: written out here, not read from the
/// registry the tests check.
pub const DECLARED_WITH_OWN_LAYOUT: [&str; 7] = [
    "data/plan.yaml",
    "data/agenda.yaml",
    "data/responsibilities.yaml",
    "data/delegates.yaml",
    "data/honorees.yaml",
    "data/decision.yaml",
    OWN_LAYOUT,
];

/// Makes `project`'s decision.yaml name [`OWN_LAYOUT`] as the phôi layout, that file holding
/// the default layout: copied (the unused `data/phoi.yaml` stays beside it) or moved.
pub fn name_own_layout(project: &Path, keep_default: bool) {
    let decision = project.join("data/decision.yaml");
    let text = std::fs::read_to_string(&decision).unwrap();
    assert!(text.contains("phoi_layout: data/phoi.yaml"), "{text}");
    let text = text.replace(
        "phoi_layout: data/phoi.yaml",
        &format!("phoi_layout: {OWN_LAYOUT}"),
    );
    std::fs::write(&decision, text).unwrap();
    let (from, to) = (project.join("data/phoi.yaml"), project.join(OWN_LAYOUT));
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    if keep_default {
        std::fs::copy(&from, &to).unwrap();
    } else {
        std::fs::rename(&from, &to).unwrap();
    }
}

/// Copies a folder tree (fixture projects into a temporary folder).
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by relative path: two builds compared whole.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        // The output folder's lock (one writer at a time) is no output.
        .filter(|e| {
            !e.file_name()
                .to_string_lossy()
                .starts_with(".vinhdanh-lock")
        })
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Pixels of a strong red in the top tenth of a PNG page image: the band of a draft
/// ("BẢN NHÁP – còn N lỗi") that `serve` and `preview --force` draw across the top.
pub fn red_on_top(png: &[u8]) -> usize {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let rows = info.height as usize / 10;
    buf[..rows * info.line_size]
        .chunks_exact(channels)
        .filter(|p| p[0] > 150 && p[1] < 90 && p[2] < 90)
        .count()
}

/// (layout passes begun as first passes, as second or later passes) in a build's Typst timing
/// (`build --typst-timings FILE`): Typst lays a document out again while something in it asks
/// for its own layout.
pub fn typst_passes(timings: &Path) -> (usize, usize) {
    let events: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(timings).unwrap()).unwrap();
    let begun = |name: &str| {
        events
            .iter()
            .filter(|e| e["ph"] == "B" && e["name"] == name)
            .count()
    };
    let later = ["iter (2)", "iter (3)", "iter (4)", "iter (5)"];
    (begun("iter (1)"), later.iter().map(|n| begun(n)).sum())
}
