//! Reference pages (typst's own `tests/ref` is the model): every page of the default project's
//! documents, and a few fixture pages, rendered by poppler's `pdftoppm` and compared with the
//! images stored under `tests/reference/`, so that a layout change is seen and reviewed in a
//! pull request, never discovered by a clerk. The test drives the real binary only.
//!
//! - `tests/reference/default/{doc}-NNN.png`: every page of `ke-hoach`, `danh-sach-dai-bieu`,
//!   `chuong-trinh`, `chuong-trinh-in`, `quyet-dinh-khen-thuong`, `giay-moi` and `giay-khen`
//!   of `vinhdanh build` in an empty folder (220 pages; the per-record files in `giay-moi/` and
//!   `giay-khen/` repeat the print files' pages and are left out).
//! - `tests/reference/fixtures/…`: the long names of `tests/fixtures/typography/` (four
//!   certificates, two invitations), the five certificates of `tests/fixtures/certificates/`
//!   (a 45-character name, a 400-character achievement, Typst-special characters, decomposed
//!   input), the very long invitee of `tests/fixtures/invitations-order/`, and the plan of
//!   `tests/fixtures/other-commune/` (13 pages).
//! - The four long lists laid out in parts of 13 items (`build --part-size 13`) are compared
//!   with the default project's stored pages: in parts, they must print the same pages.
//!
//! **Updating.** After a deliberate layout change, rewrite the stored pages with
//!
//! ```text
//! scripts/update-reference.sh     # = UPDATE_REFERENCE=1 cargo test --release --test suite -- reference::
//! ```
//!
//! and review the rewritten PNGs before committing them (`git status tests/reference`, any image
//! viewer; the failing run's diffs show where they changed). A document with no stored pages
//! fails, naming that command; a changed page count fails, naming the document.
//!
//! **Images.** [`PPI`] = 30 pixels per inch (one pixel ≈ 0.85 mm; an A4 page is 248 × 351),
//! grey, quantised to 16 levels and stored as 4-bit grey PNGs: 233 files, 1.26 MB in all.
//!
//! **Tolerance.** A pixel differs when its grey level differs by more than [`LEVELS`] of the 16
//! levels (0 = black, 15 = white): a small difference of anti-aliasing that tips a pixel over a
//! level boundary never counts. A page fails when more than [`MAX_PIXELS`] pixels differ. The
//! largest square of differing pixels is reported beside the count (scattered noise has 1×1;
//! a changed word, a moved line has more) but does not decide. Measured at 30 ppi with poppler
//! 22.12 over the default project's 220 pages (`tolerance_measurements` prints it again):
//!
//! | against the default build rendered by `pdftoppm`     | pages touched | differing pixels, square | pages failing |
//! |-------------------------------------------------------|---------------|--------------------------|---------------|
//! | the same, rendered again                              | 0             | 0                        | 0             |
//! | one seat number changed (`A03` → `A08`)               | 2             | 4, 1×1                   | 2             |
//! | one word of the plan changed (`tôn vinh` → `vinh danh`) | 1           | 12,457, 4×4              | 1             |
//! | the certificate's name box moved 1 mm (`phoi.yaml`)   | 44            | 241 – 1,628, 4×4 – 8×8   | 44            |
//! | the signer's tone mark changed (`Thủy` → `Thùy`)      | 185           | 1 – 2, 1×1               | 0             |
//! | vector anti-aliasing off (`pdftoppm -aaVector no`)    | 210           | 2 – 322, up to 6×6       | 206           |
//! | text anti-aliasing off (`pdftoppm -aa no`)            | 220           | 787 – 18,318, up to 5×5  | 220           |
//! | another rasteriser (`pdftocairo`)                     | 220           | 655 – 14,269, up to 5×5  | 220           |
//!
//! So a changed character (the smallest change of a word: 4 pixels) or a line moved by 1 mm
//! fails its pages and only those (`a_changed_character_word_or_moved_name_fails_exactly_its_pages`
//! holds this against the pages whose text changed); a tone mark alone changes 1 – 2 pixels at
//! this resolution and is left to the text tests (`tests/lang.rs`, `tests/typography.rs`).
//! Rendering twice differs by nothing; the level and the 2 pixels of slack are for a poppler
//! update's rounding (a pixel tipped over a level boundary, a stray pixel), not for content. The references belong to
//! `pdftoppm`'s Splash rasteriser with its default anti-aliasing: another rasteriser, or other
//! anti-aliasing settings, is a different picture (rewrite the references after reviewing them).
//!
//! On failure each failing page's rendering (`…-NNN.png`) and a diff (`…-NNN-diff.png`: the
//! differing pixels red over the faded reference) are written under `target/reference-diff/`
//! (or `$REFERENCE_DIFF_DIR`), every page is checked before the test fails, and the message
//! lists each failing page with its score and the two paths.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// Resolution of the rendered and stored pages, pixels per inch.
const PPI: u32 = 30;
/// A pixel differs when its grey level (of 16) differs by more than this.
const LEVELS: u8 = 1;
/// A page fails when more pixels than this differ.
const MAX_PIXELS: usize = 2;

/// A page: grey levels 0 (black) ..= 15 (white), row by row.
#[derive(Clone, PartialEq)]
struct Page {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Page {
    /// Level at (x, y); white outside the page (pages of different sizes compare as overlaid).
    fn at(&self, x: usize, y: usize) -> u8 {
        if x < self.w && y < self.h {
            self.px[y * self.w + x]
        } else {
            15
        }
    }
}

/// How two renderings of a page differ.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Score {
    /// Pixels whose grey level differs by more than [`LEVELS`].
    pixels: usize,
    /// Side of the largest square of differing pixels.
    square: usize,
}

impl Score {
    fn fails(self) -> bool {
        self.pixels > MAX_PIXELS
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "{} pixels differ (at most {MAX_PIXELS} may), the largest square of them {}×{}",
            self.pixels, self.square, self.square
        )
    }
}

/// The differing pixels of `a` and `b` (overlaid at the top left) as a mask, with its score.
fn diff(a: &Page, b: &Page) -> (Vec<bool>, usize, usize, Score) {
    diff_at(a, b, LEVELS)
}

/// [`diff`] with `levels` for [`LEVELS`] (the measurements try several).
fn diff_at(a: &Page, b: &Page, levels: u8) -> (Vec<bool>, usize, usize, Score) {
    let (w, h) = (a.w.max(b.w), a.h.max(b.h));
    let mut mask = vec![false; w * h];
    // Side of the largest all-differing square ending at each pixel (one row kept).
    let mut prev = vec![0usize; w + 1];
    let mut score = Score::default();
    for y in 0..h {
        let mut row = vec![0usize; w + 1];
        for x in 0..w {
            if a.at(x, y).abs_diff(b.at(x, y)) > levels {
                mask[y * w + x] = true;
                score.pixels += 1;
                row[x + 1] = 1 + prev[x].min(prev[x + 1]).min(row[x]);
                score.square = score.square.max(row[x + 1]);
            }
        }
        prev = row;
    }
    (mask, w, h, score)
}

fn score(a: &Page, b: &Page) -> Score {
    diff(a, b).3
}

// ---- rendering -------------------------------------------------------------------------------

/// Every page of `pdf` rendered at [`PPI`], grey, quantised to 16 levels.
fn render(pdf: &Path) -> Vec<Page> {
    render_with(pdf, "pdftoppm", &[])
}

/// Every page of `pdf` rendered by `tool` (`pdftoppm` or `pdftocairo`) with `extra` options.
/// Long documents are rendered in ranges of pages, in parallel.
fn render_with(pdf: &Path, tool: &str, extra: &[&str]) -> Vec<Page> {
    let n = pdf_pages(pdf);
    let ranges: Vec<(usize, usize)> = (1..=n).step_by(40).map(|f| (f, (f + 39).min(n))).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|&(f, l)| s.spawn(move || render_range(pdf, tool, extra, f, l)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

fn render_range(pdf: &Path, tool: &str, extra: &[&str], first: usize, last: usize) -> Vec<Page> {
    let dir = tempfile::tempdir().unwrap();
    let (r, f, l) = (PPI.to_string(), first.to_string(), last.to_string());
    let mut args = vec!["-q", "-r", &r, "-f", &f, "-l", &l];
    // pdftoppm writes grey PGM with -gray; pdftocairo needs -png (grey PNG with -gray).
    if tool == "pdftocairo" {
        args.push("-png");
    }
    args.push("-gray");
    args.extend_from_slice(extra);
    let out = Command::new(tool)
        .args(&args)
        .arg(pdf)
        .arg(dir.path().join("p"))
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{tool} {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    // p-7.pgm, p-012.pgm…: in page order by the number, whatever its padding.
    let mut files: Vec<(usize, PathBuf)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem.rsplit('-').next().unwrap().parse().unwrap(), p)
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), last + 1 - first, "{}", pdf.display());
    files
        .iter()
        .map(|(_, p)| {
            if p.extension().is_some_and(|e| e == "pgm") {
                read_pgm(p)
            } else {
                read_png(p)
            }
        })
        .collect()
}

/// 8-bit grey to one of 16 levels.
fn level(v: u8) -> u8 {
    ((v as u16 * 15 + 127) / 255) as u8
}

/// A binary PGM (`P5`, maxval 255) as written by `pdftoppm -gray`.
fn read_pgm(path: &Path) -> Page {
    let b = std::fs::read(path).unwrap();
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while b[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !b[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&b[start..i]).into_owned());
    }
    assert_eq!(
        (&*fields[0], &*fields[3]),
        ("P5", "255"),
        "{}",
        path.display()
    );
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px: Vec<u8> = b[i + 1..].iter().map(|&v| level(v)).collect();
    assert_eq!(px.len(), w * h, "{}", path.display());
    Page { w, h, px }
}

/// A PNG as a page: 4-bit grey (the stored pages) or 8-bit grey or RGB(A) (other renderers).
fn read_png(path: &Path) -> Page {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::IDENTITY);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut px = Vec::with_capacity(w * h);
    for row in buf.chunks(info.line_size).take(h) {
        match (info.color_type, info.bit_depth) {
            (png::ColorType::Grayscale, png::BitDepth::Four) => {
                px.extend((0..w).map(|x| (row[x / 2] >> if x % 2 == 0 { 4 } else { 0 }) & 15))
            }
            (png::ColorType::Grayscale, png::BitDepth::Eight) => {
                px.extend(row[..w].iter().map(|&v| level(v)))
            }
            (png::ColorType::Rgb | png::ColorType::Rgba, png::BitDepth::Eight) => {
                let n = info.color_type.samples();
                px.extend((0..w).map(|x| {
                    let p = &row[x * n..x * n + 3];
                    level(((p[0] as u16 * 3 + p[1] as u16 * 6 + p[2] as u16) / 10) as u8)
                }))
            }
            other => panic!("{}: unexpected PNG format {other:?}", path.display()),
        }
    }
    Page { w, h, px }
}

/// Writes a page as a 4-bit grey PNG.
fn write_page(path: &Path, page: &Page) {
    let data: Vec<u8> = page
        .px
        .chunks(page.w)
        .flat_map(|row| {
            row.chunks(2)
                .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(15))
        })
        .collect();
    write_png(
        path,
        page.w,
        page.h,
        png::ColorType::Grayscale,
        png::BitDepth::Four,
        &data,
    );
}

/// Writes the diff of `actual` against `reference`: differing pixels red, the rest the
/// reference faded to a third of its ink.
fn write_diff(path: &Path, reference: &Page, actual: &Page) {
    let (mask, w, h, _) = diff(reference, actual);
    let mut data = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        for x in 0..w {
            if mask[y * w + x] {
                data.extend([220, 0, 0]);
            } else {
                let g = 255 - (15 - reference.at(x, y)) * 17 / 3;
                data.extend([g, g, g]);
            }
        }
    }
    write_png(path, w, h, png::ColorType::Rgb, png::BitDepth::Eight, &data);
}

fn write_png(
    path: &Path,
    w: usize,
    h: usize,
    color: png::ColorType,
    depth: png::BitDepth,
    data: &[u8],
) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut e = png::Encoder::new(file, w as u32, h as u32);
    e.set_color(color);
    e.set_depth(depth);
    e.set_compression(png::Compression::High);
    e.set_filter(png::Filter::Adaptive);
    let mut writer = e.write_header().unwrap();
    writer.write_image_data(data).unwrap();
    writer.finish().unwrap();
}

// ---- the documents ---------------------------------------------------------------------------

/// One document compared page by page: rendered from `pdf`, stored as
/// `tests/reference/{reference}-NNN.png`, reported as `name`.
struct Doc {
    name: String,
    reference: String,
    pdf: PathBuf,
}

/// The default project's documents (the print files hold every invitation and certificate, so
/// the per-record files, which repeat their pages, are left out).
const DEFAULT_DOCS: [&str; 7] = [
    "ke-hoach",
    "danh-sach-dai-bieu",
    "chuong-trinh",
    "chuong-trinh-in",
    "quyet-dinh-khen-thuong",
    "giay-moi",
    "giay-khen",
];

/// Documents of `out` as `default/…`.
fn default_docs(out: &Path) -> Vec<Doc> {
    DEFAULT_DOCS
        .iter()
        .map(|d| Doc {
            name: format!("default/{d}"),
            reference: format!("default/{d}"),
            pdf: out.join(format!("{d}.pdf")),
        })
        .collect()
}

/// Runs `vinhdanh ARGS` in `cwd`, which must succeed.
fn build(cwd: &Path, args: &[&str]) {
    let (code, out) = run(cwd, args);
    assert_eq!(code, 0, "vinhdanh {args:?} in {}:\n{out}", cwd.display());
}

/// The one file of `dir` whose name contains `slug`.
fn file_with(dir: &Path, slug: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().contains(slug))
        .unwrap_or_else(|| panic!("no file with {slug} in {}", dir.display()))
}

/// Everything compared: the default project, its lists laid out in parts (against the default
/// project's pages), and the fixture pages. `keep` holds the temporary projects.
fn all_docs(keep: &Path) -> Vec<Doc> {
    let mut docs = default_docs(default_build());

    // The lists in parts of 13 items: the same pages as one compile.
    let parted = keep.join("parted");
    std::fs::create_dir_all(&parted).unwrap();
    let lists = [
        "quyet-dinh-khen-thuong",
        "danh-sach-dai-bieu",
        "chuong-trinh",
        "chuong-trinh-in",
    ];
    let only = lists.map(|d| format!("{d}.pdf")).join(",");
    let out = bin()
        .args([
            "build",
            "--out",
            "output",
            "--only",
            &only,
            "--part-size",
            "13",
        ])
        .current_dir(&parted)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    docs.extend(lists.iter().map(|d| Doc {
        name: format!("parted/{d}"),
        reference: format!("default/{d}"),
        pdf: parted.join(format!("output/{d}.pdf")),
    }));

    let fixture_doc = |name: &str, pdf: PathBuf| Doc {
        name: format!("fixtures/{name}"),
        reference: format!("fixtures/{name}"),
        pdf,
    };

    // The long names of tests/typography.rs appended to the default project (one "Trưởng thôn"
    // over the plan's quota: --force).
    let (code, text) = run(keep, &["init", "typography"]);
    assert_eq!(code, 0, "{text}");
    let p = keep.join("typography");
    for (file, add) in [
        ("honorees.yaml", "honorees-append.yaml"),
        ("delegates.yaml", "delegates-append.yaml"),
    ] {
        let mut text = std::fs::read_to_string(p.join("data").join(file)).unwrap();
        text.push_str(&std::fs::read_to_string(fixture("typography").join(add)).unwrap());
        std::fs::write(p.join("data").join(file), text).unwrap();
    }
    build(&p, &["build", "--force"]);
    for slug in [
        "ban-chi-dao-phong-trao",
        "ban-chi-dao-thuc-hien",
        "tap-the-ban-chi-dao",
        "ton-nu-hoang-phuong",
    ] {
        let pdf = file_with(&p.join("output/giay-khen"), slug);
        docs.push(fixture_doc(&format!("giay-khen-{slug}"), pdf));
    }
    for slug in ["ban-chi-dao-phong-trao", "ton-nu-hoang-phuong"] {
        let pdf = file_with(&p.join("output/giay-moi"), slug);
        docs.push(fixture_doc(&format!("giay-moi-{slug}"), pdf));
    }

    // tests/certificates.rs: a 45-character name, a 400-character achievement, Typst-special
    // characters and decomposed input (too few honorees for the quotas: --force).
    let (code, text) = run(keep, &["init", "certificates"]);
    assert_eq!(code, 0, "{text}");
    let p = keep.join("certificates");
    for f in ["honorees.yaml", "decision.yaml", "phoi-test.yaml"] {
        std::fs::copy(fixture("certificates").join(f), p.join("data").join(f)).unwrap();
    }
    for f in ["delegates.yaml", "agenda.yaml"] {
        std::fs::remove_file(p.join("data").join(f)).unwrap();
    }
    build(&p, &["build", "--force"]);
    docs.push(fixture_doc(
        "giay-khen-certificates",
        p.join("output/giay-khen.pdf"),
    ));

    // tests/invitations.rs: the very long invitee on one page.
    let p = keep.join("invitations-order");
    copy_dir(&fixture("invitations-order"), &p);
    build(&p, &["build", "--force"]);
    let pdf = file_with(&p.join("output/giay-moi"), "nguyen-van-truong-giang");
    docs.push(fixture_doc("giay-moi-long-invitee", pdf));

    // Another commune's plan.
    let out = keep.join("other-commune");
    build(
        keep,
        &[
            "build",
            fixture("other-commune").to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    docs.push(fixture_doc(
        "ke-hoach-other-commune",
        out.join("ke-hoach.pdf"),
    ));
    docs
}

fn reference_dir() -> PathBuf {
    repo().join("tests/reference")
}

/// Where the failing pages and their diffs go: `$REFERENCE_DIFF_DIR`, or `target/reference-diff`.
fn diff_dir() -> PathBuf {
    std::env::var_os("REFERENCE_DIFF_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
            tmp.parent().unwrap_or(tmp).join("reference-diff")
        })
}

/// The stored pages of `reference` (`tests/reference/{reference}-NNN.png`), in order.
fn stored(reference: &str) -> Vec<PathBuf> {
    let path = reference_dir().join(reference);
    let (dir, stem) = (path.parent().unwrap(), path.file_name().unwrap());
    let prefix = format!("{}-", stem.to_string_lossy());
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.strip_prefix(&prefix).is_some_and(|rest| {
                rest.strip_suffix(".png")
                    .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
            })
        })
        .collect();
    v.sort();
    v
}

fn page_path(root: &Path, name: &str, page: usize, suffix: &str) -> PathBuf {
    root.join(format!("{name}-{page:03}{suffix}.png"))
}

/// Compares `actual` (the rendered pages of `name`) with `reference`'s pages: one line per
/// failing page (or per changed page count), writing the failing pages' images and diffs
/// under `out`.
fn compare(name: &str, actual: &[Page], reference: &[Page], out: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    if actual.len() != reference.len() {
        failures.push(format!(
            "{name}: {} pages, the reference has {}",
            actual.len(),
            reference.len()
        ));
    }
    for (i, a) in actual.iter().enumerate() {
        let page = i + 1;
        let image = page_path(out, name, page, "");
        let Some(r) = reference.get(i) else {
            write_page(&image, a);
            failures.push(format!(
                "{name} page {page}: not in the reference; it is {}",
                image.display()
            ));
            continue;
        };
        let s = score(r, a);
        if s.fails() {
            let d = page_path(out, name, page, "-diff");
            write_page(&image, a);
            write_diff(&d, r, a);
            failures.push(format!(
                "{name} page {page}: {s}; actual {}, diff {}",
                image.display(),
                d.display()
            ));
        }
    }
    failures
}

fn updating() -> bool {
    std::env::var_os("UPDATE_REFERENCE").is_some_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn every_page_matches_its_reference() {
    let keep = tempfile::tempdir().unwrap();
    let docs = all_docs(keep.path());
    let rendered: Vec<Vec<Page>> = std::thread::scope(|s| {
        let handles: Vec<_> = docs.iter().map(|d| s.spawn(|| render(&d.pdf))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    if updating() {
        // Written afresh: a document or page no longer printed leaves no stale image.
        let _ = std::fs::remove_dir_all(reference_dir());
        for (d, pages) in docs.iter().zip(&rendered) {
            if d.name != d.reference {
                continue; // compared with another document's pages (the parted lists)
            }
            for (i, p) in pages.iter().enumerate() {
                write_page(&page_path(&reference_dir(), &d.reference, i + 1, ""), p);
            }
        }
        eprintln!(
            "reference pages rewritten under {}",
            reference_dir().display()
        );
        return;
    }

    let out = diff_dir();
    for set in ["default", "parted", "fixtures"] {
        let _ = std::fs::remove_dir_all(out.join(set)); // the last run's images, only ours
    }
    let mut failures = Vec::new();
    for (d, actual) in docs.iter().zip(&rendered) {
        let reference: Vec<Page> = stored(&d.reference).iter().map(|p| read_png(p)).collect();
        if reference.is_empty() {
            failures.push(format!(
                "{}: no reference pages tests/reference/{}-NNN.png; write them with \
                 scripts/update-reference.sh (UPDATE_REFERENCE=1 cargo test --release --test suite -- reference::)",
                d.name, d.reference
            ));
            continue;
        }
        failures.extend(compare(&d.name, actual, &reference, &out));
    }
    assert!(
        failures.is_empty(),
        "the pages differ from tests/reference/ ({} failures; a pixel differs by more than {LEVELS} \
         of 16 grey levels at {PPI} ppi). If the change is meant, look at the diffs, then run \
         scripts/update-reference.sh (UPDATE_REFERENCE=1 cargo test --release --test suite -- reference::) \
         and review the rewritten images:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- the comparison catches a wrong layout -------------------------------------------------

/// The default project with `edit` applied to its data, built; its output folder.
fn edited_build(keep: &Path, name: &str, file: &str, from: &str, to: &str) -> PathBuf {
    let (code, text) = run(keep, &["init", name]);
    assert_eq!(code, 0, "{text}");
    let p = keep.join(name);
    let path = p.join("data").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from} once in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    build(&p, &["build"]);
    p.join("output")
}

/// The default build's documents rendered, once per test binary (by `DEFAULT_DOCS`' order).
fn default_pages() -> &'static [Vec<Page>] {
    static PAGES: std::sync::OnceLock<Vec<Vec<Page>>> = std::sync::OnceLock::new();
    PAGES.get_or_init(|| render_all(default_build()))
}

/// `DEFAULT_DOCS` of `out` rendered, the documents in parallel.
fn render_all(out: &Path) -> Vec<Vec<Page>> {
    std::thread::scope(|s| {
        let handles: Vec<_> = DEFAULT_DOCS
            .iter()
            .map(|d| s.spawn(move || render(&out.join(format!("{d}.pdf")))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// The pages (document, page) that `compare` reports between the default build and `changed`.
fn failing_pages(changed: &Path) -> BTreeSet<(String, usize)> {
    let mut set = BTreeSet::new();
    let out = tempfile::tempdir().unwrap();
    for ((d, a), b) in DEFAULT_DOCS
        .iter()
        .zip(default_pages())
        .zip(render_all(changed))
    {
        assert_eq!(a.len(), b.len(), "{d}: the change kept the page count");
        for line in compare(d, &b, a, out.path()) {
            let page = line
                .split(" page ")
                .nth(1)
                .and_then(|r| r.split(':').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{line}"));
            set.insert((d.to_string(), page));
        }
    }
    set
}

/// The pages whose text (whitespace aside) differs between the default build and `changed`.
fn pages_with_other_text(changed: &Path) -> BTreeSet<(String, usize)> {
    let mut set = BTreeSet::new();
    for d in DEFAULT_DOCS {
        let file = format!("{d}.pdf");
        let a = pdf_text(&default_build().join(&file));
        let b = pdf_text(&changed.join(&file));
        for (i, (x, y)) in a.split('\x0c').zip(b.split('\x0c')).enumerate() {
            if squash(x) != squash(y) {
                set.insert((d.to_string(), i + 1));
            }
        }
    }
    set
}

/// A seat number changed (one character), a word of the plan changed, each fails exactly the
/// pages whose text changed; the certificate's name box moved 1 mm fails every certificate and
/// nothing else (the text is the same): not all pages, not none.
#[test]
fn a_changed_character_word_or_moved_name_fails_exactly_its_pages() {
    let keep = tempfile::tempdir().unwrap();
    let total: usize = default_pages().iter().map(Vec::len).sum();
    let edit = |name, file, from, to| edited_build(keep.path(), name, file, from, to);

    for (what, changed) in [
        (
            "a seat number",
            edit("seat", "delegates.yaml", "seat: A03\n", "seat: A08\n"),
        ),
        (
            "a word of the plan",
            edit(
                "word",
                "plan.yaml",
                "Biểu dương, tôn vinh",
                "Biểu dương, vinh danh",
            ),
        ),
    ] {
        let want = pages_with_other_text(&changed);
        assert!(!want.is_empty() && want.len() < total, "{what}: {want:?}");
        assert_eq!(failing_pages(&changed), want, "{what} changed");
    }

    let moved = edit(
        "moved",
        "phoi.yaml",
        "name:       {x: 35,",
        "name:       {x: 36,",
    );
    assert!(
        pages_with_other_text(&moved).is_empty(),
        "the same text, moved"
    );
    let certificates =
        default_pages()[DEFAULT_DOCS.iter().position(|d| *d == "giay-khen").unwrap()].len();
    let want: BTreeSet<_> = (1..=certificates)
        .map(|p| ("giay-khen".to_string(), p))
        .collect();
    assert_eq!(failing_pages(&moved), want, "the name moved 1 mm");
}

/// Prints the scores of the measurements in the doc comment above (run with `--ignored
/// --nocapture`): renderer noise and two real changes, over the default project.
#[test]
#[ignore]
fn tolerance_measurements() {
    let keep = tempfile::tempdir().unwrap();
    let base = default_build();
    let edit = |name, file, from, to| edited_build(keep.path(), name, file, from, to);
    let word = edit(
        "word",
        "plan.yaml",
        "Biểu dương, tôn vinh",
        "Biểu dương, vinh danh",
    );
    let moved = edit(
        "moved",
        "phoi.yaml",
        "name:       {x: 35,",
        "name:       {x: 36,",
    );
    let seat = edit("seat", "delegates.yaml", "seat: A03\n", "seat: A08\n");
    let tone = edit(
        "tone",
        "plan.yaml",
        "name: Hà Thị Thủy",
        "name: Hà Thị Thùy",
    );
    type Renderer = fn(&Path) -> Vec<Page>;
    let cases: [(&str, &Path, Renderer); 8] = [
        ("twice", base, render),
        ("-aaVector no", base, |p| {
            render_with(p, "pdftoppm", &["-aaVector", "no"])
        }),
        ("-aa no", base, |p| {
            render_with(p, "pdftoppm", &["-aa", "no"])
        }),
        ("pdftocairo", base, |p| render_with(p, "pdftocairo", &[])),
        ("word changed", &word, render),
        ("name moved 1 mm", &moved, render),
        ("seat A03 → A08", &seat, render),
        ("signer Thủy → Thùy", &tone, render),
    ];
    for (label, dir, other) in cases {
        let mut pairs = Vec::new();
        for d in DEFAULT_DOCS {
            let file = format!("{d}.pdf");
            let a = render(&base.join(&file));
            let b = other(&dir.join(&file));
            pairs.extend(a.into_iter().zip(b));
        }
        for levels in 0..=4 {
            let scores: Vec<Score> = pairs.iter().map(|(a, b)| diff_at(a, b, levels).3).collect();
            let touched: Vec<&Score> = scores.iter().filter(|s| s.pixels > 0).collect();
            let fail = scores.iter().filter(|s| s.fails()).count();
            println!(
                "{label}, levels > {levels}: {} of {} pages touched, {fail} fail; \
                 pixels {}..{}, square {}..{}",
                touched.len(),
                scores.len(),
                touched.iter().map(|s| s.pixels).min().unwrap_or(0),
                touched.iter().map(|s| s.pixels).max().unwrap_or(0),
                touched.iter().map(|s| s.square).min().unwrap_or(0),
                touched.iter().map(|s| s.square).max().unwrap_or(0),
            );
        }
    }
}
