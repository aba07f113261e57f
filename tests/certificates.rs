//! GIẤY KHEN and the award decision, as a clerk would check them: one file per honoree and the
//! print file in the same order, each certificate's text, the decision's list, the page size,
//! the overlay for pre-printed blanks (nothing fixed, each field where the layout file says),
//! and text that must print exactly (Typst-special characters, decomposed input, long names).

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;

/// (name, achievement) of the fixture's honorees, in the decision's order, NFC.
fn expected() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fixture("certificates/honorees.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    v["honorees"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|h| {
            let n = h["name"].as_str().unwrap();
            let a = h["achievement"].as_str().unwrap();
            (nfc(n), nfc(a))
        })
        .collect()
}

fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

/// The default project with the fixture's honorees, decision and layout, built with `--phoi`
/// and calibrated, once per test binary.
fn project() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, p) = DIR.get_or_init(|| {
        let dir = init_project();
        let p = dir.path().join("p");
        for f in ["honorees.yaml", "decision.yaml", "phoi-test.yaml"] {
            std::fs::copy(fixture("certificates").join(f), p.join("data").join(f)).unwrap();
        }
        // The sample delegates and agenda refer to the sample honorees by id; this list has
        // other ids, and too few honorees for the plan's quotas (hence --force).
        std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
        std::fs::remove_file(p.join("data/agenda.yaml")).unwrap();
        let (code, out) = run(&p, &["build", "--phoi", "--force"]);
        assert_eq!(code, 0, "{out}");
        let (code, out) = run(&p, &["calibrate"]);
        assert_eq!(code, 0, "{out}");
        (dir, p)
    });
    p
}

fn out(name: &str) -> PathBuf {
    project().join("output").join(name)
}

fn certificate_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(out("giay-khen"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn one_file_per_honoree_and_the_print_file_in_the_same_order() {
    let want = expected();
    let files = certificate_files();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "001-to-1-thu-dam-x-a-b-q-u-c.pdf",
            "002-hop-tac-xa-dich-vu-nong-nghiep.pdf",
            "003-vu-anh.pdf",
            "004-ton-nu-hoang-phuong-thao-nguyen-minh-ngoc-bic.pdf",
            "005-pham-thi-huong.pdf",
        ]
    );
    let merged = out("giay-khen.pdf");
    assert_eq!(pdf_pages(&merged), want.len());
    for (i, (f, (name, _))) in files.iter().zip(&want).enumerate() {
        assert_eq!(pdf_pages(f), 1, "{}", f.display());
        let page = squash(&pdf_page_text(&merged, i + 1));
        assert!(
            page.contains(name),
            "page {} of giay-khen.pdf: {page}",
            i + 1
        );
        assert_eq!(
            squash(&pdf_text(f)),
            page,
            "{} differs from its page",
            f.display()
        );
    }
}

#[test]
fn each_certificate_holds_recipient_achievement_decision_and_book_number() {
    for (i, (f, (name, achievement))) in certificate_files().iter().zip(expected()).enumerate() {
        let t = squash(&pdf_text(f));
        assert!(t.contains(&name), "{}: name {name:?} in {t}", f.display());
        assert!(
            t.contains(&squash(&achievement)),
            "{}: achievement in {t}",
            f.display()
        );
        assert!(t.contains("15/QĐ-UBND"), "{t}");
        assert!(t.contains("ngày 20 tháng 8 năm 2025"), "{t}");
        assert!(t.contains(&format!("Số sổ vàng: {:03}", i + 1)), "{t}");
        for fixed in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TẶNG",
            "GIẤY KHEN",
            "CHỦ TỊCH",
        ] {
            assert!(t.contains(fixed), "{fixed} in {t}");
        }
    }
    let t = squash(&pdf_text(&certificate_files()[2]));
    assert!(t.contains("Ông Vũ Anh"), "salutation by gender: {t}");
    assert!(t.contains("Nông dân thôn Đông"), "title and unit: {t}");
}

#[test]
fn certificates_are_landscape_a4_with_distinct_document_ids() {
    let mut ids = std::collections::HashSet::new();
    for f in certificate_files() {
        let (w, h) = pdf_page_size_mm(&f);
        assert!(
            (w - 297.0).abs() < 0.5 && (h - 210.0).abs() < 0.5,
            "{w} × {h}"
        );
        let bytes = std::fs::read(&f).unwrap();
        let id = document_id(&bytes).expect("a PDF /ID");
        assert!(ids.insert(id), "{} shares its PDF id", f.display());
    }
}

fn document_id(pdf: &[u8]) -> Option<Vec<u8>> {
    let at = pdf.windows(4).rposition(|w| w == b"/ID[")?;
    Some(pdf[at..(at + 80).min(pdf.len())].to_vec())
}

#[test]
fn decision_lists_everyone_in_an_appendix_numbered_separately() {
    let f = out("quyet-dinh-khen-thuong.pdf");
    // Content-stream order keeps each table cell's words together.
    let t = squash(&tool(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", f.to_str().unwrap(), "-"],
    ));
    assert!(t.contains("QUYẾT ĐỊNH:"), "{t}");
    assert!(t.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN"), "competence line");
    for n in 1..=3 {
        assert!(t.contains(&format!("Điều {n}.")), "Điều {n}");
    }
    assert!(t.contains("cho 02 tập thể và 03 cá nhân"), "{t}");
    assert!(
        t.contains("tổng 4.914.000 đồng"),
        "2 × 1.404.000 + 3 × 702.000: {t}"
    );
    assert!(
        t.contains("(Kèm theo Quyết định số 15/QĐ-UBND ngày 20 tháng 8 năm 2025"),
        "{t}"
    );
    let pos_list = t.find("DANH SÁCH").unwrap();
    let mut last = pos_list;
    for (name, _) in expected() {
        let at = t[pos_list..].find(&name).map(|p| p + pos_list);
        let at = at.unwrap_or_else(|| panic!("{name} not in the appendix"));
        assert!(at >= last, "{name} out of order");
        last = at;
    }
    // The appendix starts a page whose number is hidden (its page 1), like the decision's.
    let pages = pdf_pages(&f);
    let first_of_appendix = (1..=pages)
        .find(|&p| pdf_page_text(&f, p).contains("DANH SÁCH"))
        .unwrap();
    let top = pdf_page_text(&f, first_of_appendix);
    assert!(
        top.trim_start().starts_with("DANH SÁCH"),
        "no page number on it: {top}"
    );
}

/// Words of page `page` with their boxes in mm: (text, x_min, y_min, x_max, y_max).
fn words(pdf: &Path, page: usize) -> Vec<(String, f64, f64, f64, f64)> {
    let p = page.to_string();
    let html = tool(
        "pdftotext",
        &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    let mm = 25.4 / 72.0;
    html.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l.strip_prefix("<word ")?;
            let attr = |k: &str| -> f64 {
                let s = rest.split(&format!("{k}=\"")).nth(1).unwrap();
                s[..s.find('"').unwrap()].parse::<f64>().unwrap() * mm
            };
            let text = rest.split('>').nth(1)?.split("</word").next()?;
            let text = text
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            Some((text, attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")))
        })
        .collect()
}

/// (x, y, width, height) of a field in the fixture's layout file.
fn field(name: &str) -> (f64, f64, f64, f64) {
    let text = std::fs::read_to_string(fixture("certificates/phoi-test.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let f = &v["fields"][name];
    let g = |k: &str| f[k].as_f64().unwrap();
    (g("x"), g("y"), g("width"), g("height"))
}

const OFFSET: (f64, f64) = (3.0, -2.0);

#[test]
fn phoi_prints_only_the_variable_fields_where_the_layout_says() {
    let f = out("giay-khen-phoi.pdf");
    assert_eq!(pdf_pages(&f), expected().len());
    let (w, h) = pdf_page_size_mm(&f);
    assert!((w - 297.0).abs() < 0.5 && (h - 210.0).abs() < 0.5);
    let t = squash(&pdf_text(&f));
    for fixed in [
        "CỘNG HÒA",
        "Độc lập",
        "TẶNG",
        "GIẤY KHEN",
        "CHỦ TỊCH ỦY BAN",
    ] {
        assert!(
            !t.contains(fixed),
            "the blank carries {fixed:?} already: {t}"
        );
    }
    // Page 3: "Ông Vũ Anh". Each field's words inside its box, moved by the offset.
    let ws = words(&f, 3);
    let inside = |word: &str, field_name: &str| {
        let (x, y, fw, fh) = field(field_name);
        let (x, y) = (x + OFFSET.0, y + OFFSET.1);
        let (_, x0, y0, x1, y1) = ws
            .iter()
            .find(|w| w.0 == word)
            .unwrap_or_else(|| panic!("{word} on page 3: {ws:?}"))
            .clone();
        let tol = 1.0;
        assert!(
            x0 >= x - tol && x1 <= x + fw + tol && y0 >= y - tol && y1 <= y + fh + tol,
            "{word} at ({x0:.1}, {y0:.1})–({x1:.1}, {y1:.1}) outside {field_name} ({x}, {y}, {fw} × {fh})"
        );
        (x0, x1)
    };
    // The name line is centred in its box.
    let (a, _) = inside("Ông", "name");
    let (_, b) = inside("Anh", "name");
    let (x, _, fw, _) = field("name");
    let centre = x + OFFSET.0 + fw / 2.0;
    assert!(
        ((a + b) / 2.0 - centre).abs() < 1.5,
        "name centred at {centre}: {a}–{b}"
    );
    inside("Nông", "detail");
    inside("sản", "achievement");
    inside("vàng:", "book_number");
    inside("15/QĐ-UBND,", "decision");
    inside("Thượng", "place_date");
    // The decision line is left-aligned: it starts at the box's left edge.
    let (x0, _) = inside("Số", "decision");
    assert!(
        (x0 - (field("decision").0 + OFFSET.0)).abs() < 1.0,
        "decision starts at {x0}"
    );
}

/// Grey level of the pixels of a page (pdftoppm, PGM) in a band along the sheet's edges.
fn edge_ink(pdf: &Path, page: usize) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("p");
    let p = page.to_string();
    tool(
        "pdftoppm",
        &[
            "-gray",
            "-r",
            "20",
            "-f",
            &p,
            "-l",
            &p,
            pdf.to_str().unwrap(),
            base.to_str().unwrap(),
        ],
    );
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let bytes = std::fs::read(file).unwrap();
    // P5 header: "P5\n<w> <h>\n255\n".
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let s = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[s..i]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = &bytes[i + 1..];
    let band = (20.0 / 297.0 * w as f64) as usize; // 20 mm
    (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| x < band || y < band || x >= w - band || y >= h - band)
        .filter(|&(x, y)| px[y * w + x] < 200)
        .count()
}

#[test]
fn phoi_has_no_frame_and_the_full_design_has_one() {
    assert_eq!(
        edge_ink(&out("giay-khen-phoi.pdf"), 1),
        0,
        "ink along the edges of the overlay"
    );
    assert!(
        edge_ink(&out("giay-khen.pdf"), 1) > 100,
        "the full certificate has its frame"
    );
}

#[test]
fn typst_special_characters_and_decomposed_input_print_exactly() {
    let files = certificate_files();
    let t = squash(&pdf_text(&files[0]));
    assert!(
        t.contains(r#"Tổ #1 [thử] *đậm* $x$ @a <b> \ / "q" _u_ {c}"#),
        "{t}"
    );
    assert!(
        t.contains("Đã có thành tích #2 [x] $y$ trong sản xuất."),
        "{t}"
    );
    let t = pdf_text(&files[4]);
    assert!(t.contains("Phạm Thị Hường"), "NFC in the text layer: {t}");
    assert!(!t.contains('\u{0323}'), "no combining marks left: {t:?}");
}

#[test]
fn long_names_and_achievements_fit_their_boxes_and_short_names_stay_large() {
    let f = out("giay-khen.pdf");
    // Page 4: a 45-character name and a 400-character achievement.
    let ws = words(&f, 4);
    let within = |field_name: &str, first: &str, last: &str| {
        let (x, y, fw, fh) = field(field_name);
        let i = ws.iter().position(|w| w.0 == first).unwrap();
        let j = ws.iter().rposition(|w| w.0 == last).unwrap();
        for w in &ws[i..=j] {
            assert!(
                w.1 >= x - 0.5 && w.3 <= x + fw + 0.5 && w.2 >= y - 0.5 && w.4 <= y + fh + 0.5,
                "{:?} outside {field_name} ({x}, {y}, {fw} × {fh})",
                w
            );
        }
        &ws[i..=j]
    };
    let name = within("name", "Bà", "Bíc");
    let bottom = name.iter().map(|w| w.4).fold(f64::NAN, f64::max);
    assert!(
        name.iter().all(|w| bottom - w.4 < 1.5),
        "the 45-character name on one line: {name:?}"
    );
    let achievement = &expected()[3].1;
    assert_eq!(achievement.chars().count(), 400);
    within(
        "achievement",
        "Đã",
        achievement.split_whitespace().last().unwrap(),
    );
    // Page 3: "Ông Vũ Anh", 6 characters of name: printed at the largest size (28 pt ≈ 9.9 mm).
    let ws = words(&f, 3);
    let anh = ws.iter().find(|w| w.0 == "Anh").unwrap();
    assert!(
        anh.4 - anh.2 > 9.0,
        "short name height {:.1} mm",
        anh.4 - anh.2
    );
}

#[test]
fn calibration_page_has_the_grid_and_every_field() {
    let f = out("can-chinh-phoi.pdf");
    assert_eq!(pdf_pages(&f), 1);
    let (w, h) = pdf_page_size_mm(&f);
    assert!((w - 297.0).abs() < 0.5 && (h - 210.0).abs() < 0.5);
    let t = pdf_text(&f);
    for k in [
        "name",
        "detail",
        "achievement",
        "decision",
        "book_number",
        "place_date",
        "signer_name",
    ] {
        assert!(t.contains(&format!("{k} (x")), "{k} box labelled: {t}");
    }
    assert!(
        t.contains("dx = 3 mm, dy = −2 mm") || t.contains("dx = 3 mm, dy = -2 mm"),
        "{t}"
    );
    // The field label sits at its box's corner, moved by the offset.
    let ws = words(&f, 1);
    let (x, y, _, _) = field("achievement");
    let label = ws.iter().find(|w| w.0 == "achievement").unwrap();
    assert!(
        (label.1 - (x + 3.0)).abs() < 2.0 && (label.2 - (y - 2.0)).abs() < 3.0,
        "{label:?}"
    );
}

#[test]
fn same_data_gives_the_same_bytes() {
    let p = project();
    let again = tempfile::tempdir().unwrap();
    let (code, o) = run(
        p,
        &["build", "--force", "--out", again.path().to_str().unwrap()],
    );
    assert_eq!(code, 0, "{o}");
    for name in [
        "giay-khen.pdf",
        "quyet-dinh-khen-thuong.pdf",
        "giay-khen/003-vu-anh.pdf",
    ] {
        assert_eq!(
            std::fs::read(out(name)).unwrap(),
            std::fs::read(again.path().join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn missing_decision_skips_with_a_note() {
    let dir = init_project();
    let p = dir.path().join("p");
    std::fs::remove_file(p.join("data/decision.yaml")).unwrap();
    let (code, o) = run(&p, &["build"]);
    assert_eq!(code, 0, "{o}");
    assert!(o.contains("không có data/decision.yaml"), "{o}");
    assert!(!p.join("output/giay-khen.pdf").exists());
}

#[test]
fn default_project_prints_every_sample_honoree_and_notes_the_missing_emblem_once() {
    let dir = init_project();
    let p = dir.path().join("p");
    let (code, o) = run(&p, &["build"]);
    assert_eq!(code, 0, "{o}");
    assert_eq!(o.matches("chưa có ảnh Quốc huy").count(), 1, "{o}");
    // One certificate per honoree of the project's own list (counted in its YAML).
    let text = std::fs::read_to_string(p.join("data/honorees.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let honorees = v["honorees"].as_sequence().unwrap().len();
    assert_eq!(
        honorees, 44,
        "12 collectives and 32 individuals in the sample list"
    );
    let n = std::fs::read_dir(p.join("output/giay-khen"))
        .unwrap()
        .count();
    assert_eq!(n, honorees, "certificates for the sample list");
    assert_eq!(pdf_pages(&p.join("output/giay-khen.pdf")), honorees);
}

#[test]
fn bad_field_is_located_with_a_suggestion() {
    let dir = init_project();
    let p = dir.path().join("p");
    let f = p.join("data/honorees.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    let text = text.replacen("field: kinh tế", "field: kinh te", 1);
    std::fs::write(&f, text).unwrap();
    // A warning (the certificate still prints), located, with the nearest field.
    let (code, o) = run(&p, &["build"]);
    assert_eq!(code, 0, "{o}");
    assert!(o.contains("data/honorees.yaml:"), "{o}");
    // Once: honorees are checked in one place (it used to be reported twice, worded twice).
    assert_eq!(
        o.matches("lĩnh vực “kinh te” không có trong danh sách lĩnh vực của Kế hoạch")
            .count(),
        1,
        "{o}"
    );
    assert!(o.contains("có phải “kinh tế”?"), "{o}");
}

/// Benchmark, run by hand: `cargo test --release --test suite -- certificates::bench --ignored --nocapture`.
/// Prints time, peak memory (GNU time) and output sizes for the default list and for 1,000
/// honorees (the sample list repeated with new ids).
#[test]
#[ignore]
fn bench_certificates() {
    for n in [0usize, 1000] {
        let dir = init_project();
        let p = dir.path().join("p");
        if n > 0 {
            let text = std::fs::read_to_string(p.join("data/honorees.yaml")).unwrap();
            let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
            let base = v["honorees"].as_sequence().unwrap().clone();
            let mut list = Vec::new();
            for i in 0..n {
                let mut h = base[i % base.len()].clone();
                h["id"] = serde_yaml::Value::from(format!("h-{i:04}"));
                list.push(h);
            }
            let mut m = serde_yaml::Mapping::new();
            m.insert("honorees".into(), serde_yaml::Value::Sequence(list));
            std::fs::write(
                p.join("data/honorees.yaml"),
                serde_yaml::to_string(&m).unwrap(),
            )
            .unwrap();
            std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
        }
        let start = std::time::Instant::now();
        let o = std::process::Command::new("/usr/bin/time")
            .arg("-v")
            .arg(env!("CARGO_BIN_EXE_vinhdanh"))
            .args(["build", "--phoi", "--force"]) // a generated list far over the plan's quotas
            .current_dir(&p)
            .output()
            .expect("GNU time at /usr/bin/time");
        let secs = start.elapsed().as_secs_f64();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{err}");
        let rss = err
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("Maximum resident set size (kbytes): ")
            })
            .unwrap_or("?");
        let size = |rel: &str| {
            std::fs::metadata(p.join("output").join(rel))
                .map(|m| m.len())
                .unwrap_or(0)
        };
        let files: Vec<u64> = std::fs::read_dir(p.join("output/giay-khen"))
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .collect();
        let total: u64 = files.iter().sum();
        println!(
            "{} honorees: whole build {secs:.2} s, peak RSS {rss} kB; giay-khen/ {} files, {:.1} MB ({:.0} kB each); giay-khen.pdf {:.0} kB; giay-khen-phoi.pdf {:.0} kB; quyet-dinh-khen-thuong.pdf {:.0} kB",
            if n == 0 {
                "default list".to_string()
            } else {
                n.to_string()
            },
            files.len(),
            total as f64 / 1e6,
            total as f64 / files.len() as f64 / 1e3,
            size("giay-khen.pdf") as f64 / 1e3,
            size("giay-khen-phoi.pdf") as f64 / 1e3,
            size("quyet-dinh-khen-thuong.pdf") as f64 / 1e3,
        );
    }
}

/// A name too long for the certificate's name box is found by the layout itself; `check` lays
/// the certificates out (writing nothing) and says it at the name's line, as `build` does.
#[test]
fn check_reports_what_the_certificate_layout_measures() {
    let dir = init_project();
    let p = dir.path().join("p");
    let path = p.join("data/honorees.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find("kind: individual").unwrap();
    let start = at + text[at..].find("    name: ").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let line = text[..start].lines().count() + 1;
    let long = "    name: Công Tằng Tôn Nữ Thị Minh Nguyệt Hoàng Phương Thảo Anh Thư Nguyễn Phước Bảo Long Khánh Linh Đoan Trang";
    std::fs::write(&path, format!("{}{long}{}", &text[..start], &text[end..])).unwrap();
    let (code, out) = run(&p, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("cảnh báo: tên quá dài cho ô tên")
            && out.contains(&format!("data/honorees.yaml:{line}:11")),
        "{out}"
    );
    assert!(!p.join("output").exists(), "check wrote something");
    let (_, built) = run(&p, &["build", "--only", "giay-khen/"]);
    assert!(built.contains("cảnh báo: tên quá dài cho ô tên"), "{built}");
}

/// The emblem the office supplies (README: "Ảnh Quốc huy … chép tệp PNG vào thư mục assets"):
/// named in decision.yaml, it is printed on every certificate, and the note about the missing
/// emblem goes.
#[test]
fn an_emblem_the_office_supplies_is_printed() {
    let dir = init_project();
    let p = dir.path().join("p");
    // A small red disc's square, as a PNG the office might scan.
    let mut png = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png, 64, 64);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[200u8, 20, 20].repeat(64 * 64))
            .unwrap();
    }
    std::fs::create_dir_all(p.join("assets")).unwrap();
    std::fs::write(p.join("assets/quoc-huy.png"), &png).unwrap();
    let dec = p.join("data/decision.yaml");
    let text = std::fs::read_to_string(&dec).unwrap();
    let edited = text.replacen("  emblem: ~", "  emblem: assets/quoc-huy.png", 1);
    assert_ne!(edited, text);
    std::fs::write(&dec, edited).unwrap();
    let (code, out) = run(&p, &["build", "--only", "giay-khen/"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("chưa có ảnh Quốc huy"), "{out}");
    let first = std::fs::read_dir(p.join("output/giay-khen"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let images = tool("pdfimages", &["-list", first.to_str().unwrap()]);
    assert!(
        images
            .lines()
            .skip(2)
            .any(|l| l.contains(" 64 ") && l.contains("image")),
        "{images}"
    );
}
