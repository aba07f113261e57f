//! The KẾ HOẠCH built from the default project: content (every sentence of the seed), layout
//! against Nghị định 30/2020 (measured on the laid-out pages), escaping, overrides, blank and
//! filled number/date, reproducibility, and located errors.

use crate::common;

use std::fs;

use common::*;
use unicode_normalization::UnicodeNormalization;
use vinhdanh::inspect::{self, PageContent};
use vinhdanh::pipeline::{layout, prepare};
use vinhdanh::project::Project;

fn words(s: &str) -> Vec<String> {
    s.nfc()
        .collect::<String>()
        .replace(
            [
                '“', '”', '"', '*', ';', ':', ',', '(', ')', '/', '–', '-', '.', '½', '‘', '’',
            ],
            " ",
        )
        .split_whitespace()
        .map(str::to_lowercase)
        .collect()
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

/// Seed lines we print differently on purpose, with what we print instead.
const CORRECTIONS: &[(&str, &str)] = &[
    // ND30: the recipients label ends with a colon (not a full stop: only punctuation differs).
    // Counts are written with two digits, as most of the seed's counts are ("02", "04").
    (
        "- Lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam xã: 5",
        "Lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam xã: 05;",
    ),
    (
        "- Lãnh đạo các cơ quan, đơn vị thuộc UBND xã: 5;",
        "Lãnh đạo các cơ quan, đơn vị thuộc UBND xã: 05;",
    ),
    (
        "- Lãnh đạo các cơ quan, ban, ngành thuộc Đảng ủy xã: 3;",
        "Lãnh đạo các cơ quan, ban, ngành thuộc Đảng ủy xã: 03;",
    ),
    ("- Bí thư chi bộ thôn: 7;", "Bí thư chi bộ thôn: 07;"),
    ("- Trưởng thôn: 7.", "Trưởng thôn: 07."),
    (
        "* Đại biểu thành phố: 04 đại biểu.",
        "Đại biểu thành phố: 04 đại biểu.",
    ),
    // "xã thượng Hồng": a proper name is capitalised (Phụ lục II).
    (
        "- Hội đồng Thi đua - Khen thưởng thành phố; đại diện lãnh đạo Sở Nội vụ thành phố; đại diện lãnh đạo Ban Thi đua - Khen thưởng thành phố; công chức Ban Thi đua - Khen thưởng phụ trách xã thượng Hồng.",
        "công chức Ban Thi đua - Khen thưởng phụ trách xã Thượng Hồng.",
    ),
    // The composition line of the exemplary delegates ends the list with a full stop.
    (
        "- Đại biểu là các tập thể, cá nhân điển hình tiên tiến trên các lĩnh vực: 40-50 đại biểu:",
        "trên các lĩnh vực: 40 – 50 đại biểu.",
    ),
    // "120 -150" and "70-80" are ranges: one style, "120 – 150".
    (
        "- Tổng số đại biểu: Dự kiến 120 -150 đại biểu.",
        "Tổng số đại biểu: Dự kiến 120 – 150 đại biểu.",
    ),
];

#[test]
fn plan_contains_every_sentence_of_the_seed() {
    let pdf = default_build().join("ke-hoach.pdf");
    let text = pdf_text(&pdf);
    assert_eq!(text, text.nfc().collect::<String>(), "PDF text is NFC");
    let hay = words(&text);
    let seed =
        fs::read_to_string(repo().join("tests/fixtures/seed/ke-hoach-thuong-hong.txt")).unwrap();
    let mut missing = Vec::new();
    for line in seed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some((_, fixed)) = CORRECTIONS.iter().find(|(orig, _)| *orig == line) {
            assert!(
                contains_seq(&hay, &words(fixed)),
                "corrected line missing: {fixed}"
            );
            continue;
        }
        // Header cells of the seed are on one line there and in two columns here.
        if line.starts_with("Số:") || line.contains("ngày tháng") {
            continue;
        }
        if !contains_seq(&hay, &words(line)) {
            missing.push(line.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "seed lines not in the PDF:\n{}",
        missing.join("\n")
    );
    let flat = squash(&text);
    assert!(flat.contains("Nơi nhận:"));
    assert!(
        !flat.contains("thông báo sau).."),
        "the seed's double full stop is corrected"
    );
}

fn default_pages() -> Vec<PageContent> {
    let project = Project::embedded();
    let diags = prepare(&project).expect("default project loads").diags;
    assert!(!diags.has_errors(), "{diags}");
    let doc = layout(&project, vinhdanh::documents::plan::OUTPUT).expect("typesets");
    inspect::pages(&doc)
}

fn near(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn plan_layout_follows_nd30() {
    let pages = default_pages();
    // The seed's plan fills four to five A4 pages; the PDF has exactly the laid-out pages.
    assert!((4..=6).contains(&pages.len()), "{} pages", pages.len());
    assert_eq!(
        pdf_pages(&default_build().join("ke-hoach.pdf")),
        pages.len()
    );
    let p1 = &pages[0];
    // §8.1 A4 portrait; margins 20/20/30/15 inside the ranges.
    assert!(near(p1.width_mm, 210.0, 0.1) && near(p1.height_mm, 297.0, 0.1));
    for p in &pages {
        for r in &p.runs {
            assert!(r.x_mm >= 30.0 - 0.05, "text left of the margin: {r:?}");
            assert!(
                r.x_mm + r.width_mm <= 210.0 - 15.0 + 0.3,
                "text right of the margin: {r:?}"
            );
            assert!(
                r.y_mm <= 297.0 - 20.0,
                "text below the bottom margin: {r:?}"
            );
            assert_eq!(r.family, "Tinos", "{r:?}");
            assert_eq!(r.color, "#000000", "§8.2 black: {r:?}");
        }
    }
    // §8.3 Quốc hiệu bold 12, Tiêu ngữ bold 13, rule under Tiêu ngữ = its width.
    let qh = p1
        .find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .expect("Quốc hiệu");
    assert!(qh.bold && near(qh.size_pt, 12.0, 0.01), "{qh:?}");
    let tn = p1.find("Độc lập - Tự do - Hạnh phúc").expect("Tiêu ngữ");
    assert!(tn.bold && near(tn.size_pt, 13.0, 0.01), "{tn:?}");
    let tn_rule = p1
        .rules
        .iter()
        .find(|r| r.y_mm > tn.y_mm && r.y_mm < tn.y_mm + 4.0 && r.x_mm > 100.0)
        .expect("rule under Tiêu ngữ");
    assert!(
        near(tn_rule.length_mm, tn.width_mm, 0.3),
        "{tn_rule:?} vs {tn:?}"
    );
    assert!(near(tn_rule.x_mm, tn.x_mm, 0.3));
    // §8.4 issuing body bold 12; rule 1/3–1/2 of its line, centred under it.
    let auth = p1.find("ỦY BAN NHÂN DÂN").expect("authority");
    assert!(auth.bold && near(auth.size_pt, 12.0, 0.01));
    let name = p1
        .runs
        .iter()
        .filter(|r| r.y_mm > auth.y_mm && r.y_mm < auth.y_mm + 8.0 && r.x_mm < 100.0)
        .max_by(|a, b| a.width_mm.total_cmp(&b.width_mm))
        .unwrap();
    let widest = auth.width_mm.max(name.width_mm);
    let auth_rule = p1
        .rules
        .iter()
        .find(|r| r.x_mm < 100.0 && r.y_mm > name.y_mm && r.y_mm < name.y_mm + 4.0)
        .expect("rule under authority");
    assert!(
        auth_rule.length_mm >= widest / 3.0 - 0.1 && auth_rule.length_mm <= widest / 2.0 + 0.1,
        "{auth_rule:?}"
    );
    let centre = auth.x_mm + auth.width_mm / 2.0;
    assert!(near(
        auth_rule.x_mm + auth_rule.length_mm / 2.0,
        centre,
        0.5
    ));
    // §8.5/8.6 "Số:" 13 upright; date italic 14; same baseline.
    let so = p1.find("Số:").expect("Số");
    assert!(near(so.size_pt, 13.0, 0.01) && !so.italic && !so.bold);
    let date = p1.find("ngày").expect("date");
    assert!(date.italic && near(date.size_pt, 14.0, 0.01), "{date:?}");
    assert!(
        near(so.y_mm, date.y_mm, 0.2),
        "ô 3 and ô 4 share a baseline: {so:?} {date:?}"
    );
    // Blank number and day (the seed's unsigned form): "Số:" ⎵ "/KH-UBND", "ngày" ⎵ "tháng 8".
    let code = p1.find("/KH-UBND").expect("number line");
    assert!(
        near(code.y_mm, so.y_mm, 0.01) && code.x_mm - (so.x_mm + so.width_mm) >= 8.0,
        "blank number: {so:?} {code:?}"
    );
    assert!(date.text.starts_with("Thượng Hồng, ngày"), "{date:?}");
    // "tháng 8" and "năm 2025" are runs of their own: each number is boxed with its word.
    let month = p1.find("tháng 8").expect("month");
    assert!(month.x_mm - (date.x_mm + date.width_mm) >= 6.0, "blank day");
    // §8.7 title bold 14, summary bold 14, rule 1/3–1/2 of the summary line.
    let title = p1.find("KẾ HOẠCH").expect("title");
    assert!(title.bold && near(title.size_pt, 14.0, 0.01));
    assert!(
        near(title.x_mm + title.width_mm / 2.0, 30.0 + 165.0 / 2.0, 0.5),
        "title centred"
    );
    let summary = p1
        .runs
        .iter()
        .find(|r| r.y_mm > title.y_mm + 1.0 && r.bold)
        .expect("summary");
    assert!(near(summary.size_pt, 14.0, 0.01));
    let title_rule = p1
        .rules
        .iter()
        .find(|r| r.y_mm > summary.y_mm)
        .expect("rule under summary");
    assert!(
        title_rule.length_mm >= 165.0 / 3.0 * 0.9 && title_rule.length_mm <= 165.0 / 2.0 + 0.1,
        "{title_rule:?}"
    );
    // §8.8 body 14 pt; first-line indent 10 mm.
    let body = p1
        .find("Thực hiện Quyết định")
        .expect("first body paragraph");
    assert!(
        near(body.size_pt, 14.0, 0.01) && near(body.x_mm, 40.0, 0.2),
        "{body:?}"
    );
    // §8.11 page numbers: none on page 1; centred in the top margin from page 2, 14 pt.
    assert!(
        p1.runs.iter().all(|r| r.y_mm > 20.0),
        "no page number on page 1"
    );
    for (i, p) in pages.iter().enumerate().skip(1) {
        let num = p.runs.iter().find(|r| r.y_mm < 20.0).expect("page number");
        assert_eq!(num.text, (i + 1).to_string());
        assert!(near(num.x_mm + num.width_mm / 2.0, 112.5, 0.5) && near(num.size_pt, 14.0, 0.01));
    }
    // §8.9/8.10 "Nơi nhận:" 12 bold italic on the row of the authority line; items 11; signer bold 14.
    let last = pages.last().unwrap();
    let nn = last.find("Nơi nhận:").expect("Nơi nhận");
    assert!(nn.bold && nn.italic && near(nn.size_pt, 12.0, 0.01) && near(nn.x_mm, 30.0, 0.1));
    let tm = last.find("TM. ỦY BAN NHÂN DÂN").expect("TM.");
    assert!(tm.bold && near(tm.size_pt, 14.0, 0.01));
    assert!(near(nn.y_mm, tm.y_mm, 0.2), "Nơi nhận on the row of ô 7a");
    let item = last.find("Sở Nội vụ").expect("recipient");
    assert!(near(item.size_pt, 11.0, 0.01) && !item.bold && item.text.starts_with("- "));
    let lưu = last.find("Lưu: VT").expect("Lưu");
    assert!(lưu.text.ends_with('.'));
    let signer = last
        .runs
        .iter()
        .find(|r| r.y_mm > tm.y_mm + 20.0 && r.bold)
        .expect("signer name");
    assert!(near(signer.size_pt, 14.0, 0.01));
}

#[test]
fn fonts_are_embedded() {
    let fonts = pdf_fonts(&default_build().join("ke-hoach.pdf"));
    assert!(fonts.iter().any(|f| f.contains("Tinos-Bold")), "{fonts:?}");
    assert!(
        fonts.iter().any(|f| f.contains("Tinos-Italic")),
        "{fonts:?}"
    );
    assert!(
        fonts.iter().all(|f| f.contains('+')),
        "subset-embedded: {fonts:?}"
    );
}

fn edit(path: &std::path::Path, from: &str, to: &str) {
    let s = fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{from} not in {}", path.display());
    fs::write(path, s.replacen(from, to, 1)).unwrap();
}

#[test]
fn blank_and_filled_number_and_date() {
    let dir = init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    edit(
        &plan,
        "  number: ~                # số văn bản",
        "  number: 5                # số văn bản",
    );
    edit(
        &plan,
        "  date: 2025-08            # ngày ban hành",
        "  date: 2026-01-05            # ngày ban hành",
    );
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    let text = squash(&pdf_text(&p.join("output/ke-hoach.pdf")));
    assert!(text.contains("Số: 05/KH-UBND"), "{text:.400}");
    assert!(
        text.contains("Thượng Hồng, ngày 05 tháng 01 năm 2026"),
        "{text:.400}"
    );
}

#[test]
fn escaping_prints_data_literally() {
    let dir = init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    let nasty = r##"#set text(red) _x_ $y$ @z <w> [a] {b} \c ~ `d` 'e' // /* = - + 1. #{1/0}"##;
    let yaml_str = nasty.replace('\\', "\\\\").replace('"', "\\\"");
    edit(
        &plan,
        "  name: Hà Thị Thủy",
        &format!("  name: \"{yaml_str}\""),
    );
    edit(
        &plan,
        "  place: Thượng Hồng ",
        "  place: \"= - + 1. #pagebreak() // x\" ",
    );
    edit(
        &plan,
        "    - p: Thực hiện Quyết định",
        "    - p: \"#strong[NO] $x^2$ @ref <l> [q] {r} \\\\ ~ `raw` // c /* c */ \\\"trích\\\" \\\\*sao\\\\*\"\n    - p: Thực hiện Quyết định",
    );
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    let text = squash(&pdf_text(&p.join("output/ke-hoach.pdf")));
    assert!(
        text.contains(&squash(nasty)),
        "signer name printed literally: {text}"
    );
    assert!(
        text.contains("= - + 1. #pagebreak() // x, ngày"),
        "{text:.600}"
    );
    assert!(
        text.contains("#strong[NO] $x^2$ @ref <l> [q] {r} \\ ~ `raw` // c /* c */ “trích” *sao*"),
        "{text:.1200}"
    );
}

#[test]
fn a_project_template_overrides_the_default() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, out) = run(&p, &["eject", "ke-hoach.typ.j2"]);
    assert_eq!(code, 0, "{out}");
    let tmpl = p.join("templates/ke-hoach.typ.j2");
    let s = fs::read_to_string(&tmpl).unwrap();
    fs::write(
        &tmpl,
        s.replace(
            "#nd30.doc-title(",
            "#nd30.para(\"MẪU RIÊNG CỦA XÃ\")\n#nd30.doc-title(",
        ),
    )
    .unwrap();
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(pdf_text(&p.join("output/ke-hoach.pdf")).contains("MẪU RIÊNG CỦA XÃ"));
    // A project without templates/ uses the embedded ones.
    fs::remove_dir_all(p.join("templates")).unwrap();
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(!pdf_text(&p.join("output/ke-hoach.pdf")).contains("MẪU RIÊNG CỦA XÃ"));
}

#[test]
fn rebuilds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (c1, o1) = run(dir.path(), &["build", "--out", "a"]);
    let (c2, o2) = run(dir.path(), &["build", "--out", "b"]);
    assert_eq!((c1, c2), (0, 0), "{o1}{o2}");
    let a = fs::read(dir.path().join("a/ke-hoach.pdf")).unwrap();
    let b = fs::read(dir.path().join("b/ke-hoach.pdf")).unwrap();
    assert!(a == b, "two builds differ");
}

#[test]
fn signature_variants_and_draft_mark() {
    let dir = init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    edit(
        &plan,
        "  mode: ~                         # ~ | KT",
        "  mode: KT                         # ~ | KT",
    );
    edit(
        &plan,
        "  position: CHỦ TỊCH              # chức vụ",
        "  position: PHÓ CHỦ TỊCH              # chức vụ",
    );
    edit(&plan, "  draft: false", "  draft: true");
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    let text = pdf_text(&p.join("output/ke-hoach.pdf"));
    for line in [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "DỰ THẢO",
    ] {
        assert!(text.contains(line), "{line} missing");
    }
}

#[test]
fn malformed_yaml_is_located() {
    let dir = init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    edit(
        &plan,
        "  summary: Tổ chức Hội nghị",
        "  summary: \"Tổ chức Hội nghị",
    );
    let before = fs::read(p.join("output/ke-hoach.pdf")).ok();
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("data/plan.yaml:"), "{out}");
    assert!(out.contains("lỗi"), "{out}");
    assert_eq!(
        fs::read(p.join("output/ke-hoach.pdf")).ok(),
        before,
        "earlier output untouched"
    );
}

#[test]
fn unknown_key_is_located_with_a_suggestion() {
    let dir = init_project();
    let p = dir.path().join("p");
    edit(&p.join("data/plan.yaml"), "  number: ~ ", "  numbr: ~ ");
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 1, "{out}");
    let line = fs::read_to_string(p.join("data/plan.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("  numbr:"))
        .unwrap()
        + 1;
    assert!(out.contains(&format!("data/plan.yaml:{line}:3")), "{out}");
    assert!(out.contains("“numbr”") && out.contains("“number”"), "{out}");
}

#[test]
fn signed_copy_carries_the_signature_image() {
    let dir = init_project();
    let p = dir.path().join("p");
    fs::create_dir_all(p.join("assets")).unwrap();
    fs::write(
        p.join("assets/chu-ky.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><circle cx="40" cy="40" r="35" fill="none" stroke="red" stroke-width="3"/><path d="M30 50 C60 10, 90 70, 115 30" stroke="blue" fill="none" stroke-width="2"/></svg>"#,
    )
    .unwrap();
    edit(
        &p.join("data/plan.yaml"),
        "  image: ~ ",
        "  image: assets/chu-ky.svg ",
    );
    let project = Project::open(&p).unwrap();
    let diags = prepare(&project).unwrap().diags;
    assert!(!diags.has_errors(), "{diags}");
    let doc = layout(&project, vinhdanh::documents::plan::OUTPUT).unwrap();
    let pages = inspect::pages(&doc);
    assert_eq!(
        pages.last().unwrap().images,
        1,
        "signature image on the last page"
    );
    assert!(pages[..pages.len() - 1].iter().all(|p| p.images == 0));
}

/// Another commune's data, no optional files: everything changes with data alone.
#[test]
fn another_commune_by_data_alone() {
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("other-commune");
    let p = dir.path().join("p");
    fs::create_dir_all(p.join("data")).unwrap();
    fs::copy(src.join("data/plan.yaml"), p.join("data/plan.yaml")).unwrap();
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("agenda.yaml"),
        "skipped optional file is mentioned: {out}"
    );
    let text = squash(&pdf_text(&p.join("output/ke-hoach.pdf")));
    for s in [
        "UBND TỈNH ĐIỆN BIÊN",
        "HUYỆN ĐIỆN BIÊN",
        "Số: 03/KH-UBND",
        "III. KINH PHÍ",
        "Căn cứ tình hình thực tế, Ủy ban nhân dân xã Mường Phăng ban hành",
        "Thời gian: 08 giờ 00 phút, thứ Sáu, ngày 09 tháng 01 năm 2026.",
        "Số đại biểu: 60 – 70 người, trong đó khách mời 06.",
        "Đại biểu các bản: 18 đại biểu.",
        "Mỗi bản 02 đại biểu.",
        "KT. CHỦ TỊCH",
        "Lò Văn Pọm",
    ] {
        assert!(text.contains(s), "missing {s:?} in {text}");
    }
    for seed in ["Thượng Hồng", "Hà Thị Thủy", "Hải Phòng"] {
        assert!(
            !text.contains(seed),
            "seed text {seed:?} leaked into another commune's plan"
        );
    }
    let project = Project::open(&p).unwrap();
    let doc = layout(&project, vinhdanh::documents::plan::OUTPUT).unwrap();
    let pages = inspect::pages(&doc);
    let p1 = &pages[0];
    assert!(
        p1.runs.iter().all(|r| r.x_mm >= 35.0 - 0.05
            && r.x_mm + r.width_mm <= 190.0 + 0.05
            && r.y_mm >= 25.0)
    );
    let body = p1.find("Căn cứ tình hình").unwrap();
    assert!(near(body.size_pt, 13.0, 0.01) && near(body.x_mm, 35.0 + 12.7, 0.2));
    assert!(near(p1.find("CỘNG HÒA").unwrap().size_pt, 13.0, 0.01));
    assert_eq!(
        p1.find("UBND TỈNH ĐIỆN BIÊN").map(|r| r.bold),
        Some(false),
        "chủ quản is not bold"
    );
}

/// Another commune with every data file: all documents come out, from its data only.
#[test]
fn another_commune_gets_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p");
    fs::create_dir_all(p.join("data")).unwrap();
    for entry in fs::read_dir(fixture("other-commune-full/data")).unwrap() {
        let e = entry.unwrap();
        fs::copy(e.path(), p.join("data").join(e.file_name())).unwrap();
    }
    let (code, out) = run(dir.path(), &["check", "p"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    let o = p.join("output");
    let count = |d: &str| fs::read_dir(o.join(d)).unwrap().count();
    assert_eq!(count("giay-moi"), 62);
    assert_eq!(count("giay-khen"), 16);
    let invitation = squash(&pdf_text(&o.join("giay-moi/001-quang-thi-la-1.pdf")));
    assert!(
        invitation.contains("08 giờ 00 phút, thứ Sáu, ngày 9/1/2026"),
        "{invitation}"
    );
    assert!(
        invitation.contains("Hội trường Ủy ban nhân dân xã Mường Phăng"),
        "{invitation}"
    );
    let cert = squash(&pdf_text(&o.join("giay-khen.pdf")));
    assert!(
        cert.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ MƯỜNG PHĂNG") && cert.contains("KT. CHỦ TỊCH"),
        "{cert:.600}"
    );
    // Who signs what (README, "Ai ký văn bản nào"): the default signer, a Vice-Chairman
    // signing for the Chairman, signs the plan for the committee ("TM.") and the invitations;
    // with `signature: ~` in decision.yaml the decision and the certificates in the Chairman's
    // own competence, without a "TM." line.
    let plan = squash(&pdf_text(&o.join("ke-hoach.pdf")));
    assert!(
        plan.contains("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
            && plan.contains("Lò Văn Pọm"),
        "{plan}"
    );
    let decision = squash(&pdf_text(&o.join("quyet-dinh-khen-thuong.pdf")));
    assert!(
        decision.contains("KT. CHỦ TỊCH PHÓ CHỦ TỊCH") && decision.contains("Lò Văn Pọm"),
        "{decision}"
    );
    assert!(!decision.contains("TM."), "{decision}");
    assert!(
        cert.contains("Lò Văn Pọm") && !cert.contains("TM."),
        "{cert:.600}"
    );
    assert!(invitation.contains("Lò Văn Pọm"), "{invitation}");
    for name in [
        "ke-hoach.pdf",
        "giay-moi.pdf",
        "danh-sach-dai-bieu.pdf",
        "giay-khen.pdf",
        "quyet-dinh-khen-thuong.pdf",
        "chuong-trinh.pdf",
    ] {
        let text = pdf_text(&o.join(name));
        for seed in ["Thượng Hồng", "Hà Thị Thủy", "Hà Tiên", "Hải Phòng"] {
            assert!(!text.contains(seed), "{seed:?} leaked into {name}");
        }
    }
}
