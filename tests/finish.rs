//! The finish a văn thư would still correct (issue #24), checked on the printed PDFs read back
//! with poppler's `pdftotext -layout` (docs/trinh-bay.md):
//! - no page ends with a heading: every heading of the plan (from the project's own YAML), the
//!   section rows of the decision's list and of the booklet have two lines of text after them
//!   on their page; in the default project and in variants whose paragraph spacing moves the
//!   page breaks elsewhere;
//! - the decision's section rows are numbered "I." / "II." as ND30 lists them;
//! - no name of the fixture lists breaks inside when its column has room;
//! - no title breaks inside "tiên tiến", and a newline in a trích yếu is a line break there;
//! - a name cell holding a position prints without "Ông"/"Bà", and `check` says where it is.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;

/// The default project with its paragraph spacing set to `spacing` pt (6 is the default's),
/// built: (temp dir, project folder).
fn project(spacing: u32) -> PathBuf {
    let dir = init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let text = text.replace(
        "  paragraph_spacing: 6 ",
        &format!("  paragraph_spacing: {spacing} "),
    );
    std::fs::write(&plan, text).unwrap();
    let (code, out) = run(
        &p,
        &[
            "build",
            "--force",
            "--only",
            "ke-hoach.pdf,quyet-dinh-khen-thuong.pdf,chuong-trinh.pdf",
        ],
    );
    assert_eq!(code, 0, "{out}");
    std::mem::forget(dir);
    p
}

fn projects() -> &'static Vec<PathBuf> {
    static P: OnceLock<Vec<PathBuf>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<PathBuf> = [6, 8, 10, 13].into_iter().map(project).collect();
        // Another commune's lists (a booklet and a decision of its own).
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p");
        copy_dir(&fixture("other-commune-full"), &p);
        let (code, out) = run(&p, &["build", "--force"]);
        assert_eq!(code, 0, "{out}");
        std::mem::forget(dir);
        v.push(p);
        v
    })
}

/// The text lines of each page, empty lines and lines holding only a page number left out.
fn pages(pdf: &Path) -> Vec<Vec<String>> {
    (1..=pdf_pages(pdf))
        .map(|n| {
            let n = n.to_string();
            tool(
                "pdftotext",
                &[
                    "-layout",
                    "-enc",
                    "UTF-8",
                    "-f",
                    &n,
                    "-l",
                    &n,
                    pdf.to_str().unwrap(),
                    "-",
                ],
            )
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.chars().all(|c| c.is_ascii_digit()))
            .map(String::from)
            .collect()
        })
        .collect()
}

/// A heading as a pattern of words: `None` stands for one to five words (a placeholder of
/// the data, a count).
type Pattern = Vec<Option<String>>;

fn clean(w: &str) -> String {
    w.trim_matches(['“', '”', '"']).to_string()
}

fn pattern(text: &str) -> Pattern {
    text.split_whitespace()
        .map(|w| (!w.contains('{')).then(|| clean(w)))
        .collect()
}

/// Where `pat` matches the words from `at`: the index after its last word.
fn matches(words: &[(String, usize)], at: usize, pat: &[Option<String>]) -> Option<usize> {
    let Some((first, rest)) = pat.split_first() else {
        return Some(at);
    };
    match first {
        Some(w) => (words.get(at).map(|x| clean(&x.0)) == Some(w.clone()))
            .then(|| matches(words, at + 1, rest))
            .flatten(),
        None => (1..=5).find_map(|n| {
            (at + n <= words.len())
                .then(|| matches(words, at + n, rest))
                .flatten()
        }),
    }
}

/// A numbering word: "I.", "4.", "3.1.", "A.".
fn is_numbering(w: &str) -> bool {
    w.len() >= 2
        && w.ends_with('.')
        && w.trim_end_matches('.').split('.').all(|p| {
            !p.is_empty()
                && (p.chars().all(|c| c.is_ascii_digit())
                    || p.chars().all(|c| "IVXLC".contains(c))
                    || (p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase())))
        })
}

/// Every heading of `pdf` found after a numbering word: (page, heading's text, lines of the
/// page after the heading's last line).
fn headings_in(pdf: &Path, headings: &[Pattern]) -> Vec<(usize, String, usize)> {
    let mut found = Vec::new();
    for (p, lines) in pages(pdf).iter().enumerate() {
        let words: Vec<(String, usize)> = lines
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.split_whitespace().map(move |w| (w.to_string(), i)))
            .collect();
        for at in 1..words.len() {
            if !is_numbering(&words[at - 1].0) {
                continue;
            }
            for h in headings {
                if let Some(end) = matches(&words, at, h) {
                    let last = words[end - 1].1;
                    let text = words[at - 1..end]
                        .iter()
                        .map(|w| w.0.as_str())
                        .collect::<Vec<_>>();
                    found.push((p + 1, text.join(" "), lines.len() - 1 - last));
                }
            }
        }
    }
    found
}

/// The headings of the plan as the project's YAML writes them: sections, headings,
/// subheadings, and the units of the responsibilities that head their tasks (no duty).
fn plan_headings(project: &Path) -> Vec<Pattern> {
    fn walk(v: &serde_yaml::Value, out: &mut Vec<Pattern>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                for key in ["section", "heading", "subheading"] {
                    if let Some(t) = m.get(key).and_then(|t| t.as_str()) {
                        out.push(pattern(t));
                    }
                }
                for (_, x) in m {
                    walk(x, out);
                }
            }
            serde_yaml::Value::Sequence(s) => s.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let plan: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(project.join("data/plan.yaml")).unwrap())
            .unwrap();
    walk(&plan["plan"]["body"], &mut out);
    if let Ok(text) = std::fs::read_to_string(project.join("data/responsibilities.yaml")) {
        let r: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        for u in r["units"].as_sequence().unwrap() {
            if u.get("duty").is_none() && u.get("tasks").is_some() {
                out.push(pattern(u["unit"].as_str().unwrap()));
            }
        }
    }
    out
}

#[test]
fn no_page_ends_with_a_heading() {
    let lists: Vec<Pattern> = ["TẬP THỂ {n}", "CÁ NHÂN {n}", "Tập thể {n}", "Cá nhân {n}"]
        .iter()
        .map(|t| pattern(t))
        .collect();
    let mut bad = Vec::new();
    let mut checked = 0;
    let mut at_foot = 0;
    for p in projects() {
        let mut all = plan_headings(p);
        all.extend(lists.iter().cloned());
        for doc in [
            "ke-hoach.pdf",
            "quyet-dinh-khen-thuong.pdf",
            "chuong-trinh.pdf",
        ] {
            let pdf = p.join("output").join(doc);
            if !pdf.exists() {
                continue;
            }
            for (page, text, after) in headings_in(&pdf, &all) {
                checked += 1;
                if after < 4 {
                    at_foot += 1;
                }
                if after < 2 {
                    bad.push(format!(
                        "{} trang {page}: “{text}”, {after} dòng sau",
                        pdf.display()
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "a heading at the foot of a page:\n{}",
        bad.join("\n")
    );
    // Not vacuous: every heading of the plans and lists was found (the plan has 15 headings
    // and units, the lists 2 each), and some stood near a page's foot.
    assert!(checked >= 4 * 19, "{checked} headings found");
    assert!(
        at_foot >= 1,
        "no heading came near a page's foot: the variants test nothing"
    );
}

#[test]
fn the_default_plan_keeps_its_unit_with_its_tasks() {
    // The case: page 3 ended with "4. Phòng Kinh tế xã", its tasks on page 4.
    let pdf = default_build().join("ke-hoach.pdf");
    let pages = pages(&pdf);
    let p = pages
        .iter()
        .position(|l| l.iter().any(|l| l == "4. Phòng Kinh tế xã"))
        .expect("the unit");
    let lines = &pages[p];
    let i = lines
        .iter()
        .position(|l| l == "4. Phòng Kinh tế xã")
        .unwrap();
    assert!(lines.len() - i > 2, "{lines:#?}");
    assert!(lines[i + 1].starts_with("- Phối hợp"), "{lines:#?}");
}

#[test]
fn the_decision_numbers_its_section_rows_as_nd30() {
    let text = pdf_text(&default_build().join("quyet-dinh-khen-thuong.pdf"));
    assert!(text.contains("I. TẬP THỂ (12)"), "{text}");
    assert!(text.contains("II. CÁ NHÂN (32)"), "{text}");
    assert!(
        !text.contains("I TẬP THỂ") && !text.contains("II CÁ NHÂN"),
        "{text}"
    );
}

/// The names of a project's honours list as the decision prints them: (salutation, name).
fn honorees(project: &Path) -> Vec<(Option<&'static str>, String)> {
    let text = std::fs::read_to_string(project.join("data/honorees.yaml")).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    v["honorees"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|h| {
            let sal = match (h["kind"].as_str(), h["gender"].as_str()) {
                (Some("individual"), Some("nam")) => Some("Ông"),
                (Some("individual"), Some("nữ")) => Some("Bà"),
                _ => None,
            };
            (sal, h["name"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Width in points of `s` in Tinos Bold at 12 pt (the list's names), from the font's advances.
fn width(s: &str) -> f64 {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    let data = FONT.get_or_init(|| std::fs::read(repo().join("fonts/Tinos-Bold.ttf")).unwrap());
    let face = ttf_parser::Face::parse(data, 0).unwrap();
    let units: f64 = unicode_normalization::UnicodeNormalization::nfc(s)
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .unwrap_or(0) as f64
        })
        .sum();
    units / face.units_per_em() as f64 * 12.0
}

#[test]
fn no_name_of_the_lists_breaks_inside_when_its_column_has_room() {
    // The column has room for a name as long as the widest name up to 47 mm (the list's cap);
    // a person's name longer than that may leave its salutation on the line above.
    const CAP: f64 = 47.0 / 25.4 * 72.0;
    let mut checked = 0;
    let mut bad = Vec::new();
    for p in [&projects()[0], projects().last().unwrap()] {
        let pdf = p.join("output/quyet-dinh-khen-thuong.pdf");
        // Content-stream order: a cell's lines one after the other.
        let raw = tool(
            "pdftotext",
            &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
        );
        let lines: Vec<&str> = raw.lines().map(str::trim).collect();
        for (sal, name) in honorees(p) {
            let full = match sal {
                Some(s) => format!("{s} {name}"),
                None => name.clone(),
            };
            // What must stay on one line: the whole name when it fits the column, else the
            // name without its salutation when that fits.
            let whole = if width(&full) <= CAP {
                full.clone()
            } else if width(&name) <= CAP {
                name.clone()
            } else {
                continue;
            };
            checked += 1;
            if !lines.iter().any(|l| l.contains(&whole)) {
                bad.push(format!("{}: “{whole}” is not on one line", pdf.display()));
            }
        }
    }
    assert!(checked >= 40, "{checked} names checked");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_title_breaks_inside_tien_tien() {
    // Titles: the trích yếu of the plan, the decision and the invitation, the booklet's
    // cover; each printed across two lines, none of them between "tiên" and "tiến".
    let out = default_build();
    for (doc, start) in [
        ("ke-hoach.pdf", "Tổ chức Hội nghị"),
        ("quyet-dinh-khen-thuong.pdf", "Về việc khen thưởng"),
        ("giay-moi.pdf", "Dự Hội nghị"),
        ("chuong-trinh.pdf", "HỘI NGHỊ TUYÊN DƯƠNG"),
    ] {
        let first = &pages(&out.join(doc))[0];
        let i = first
            .iter()
            .position(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{doc}: {first:#?}"));
        let (a, b) = (&first[i], &first[i + 1]);
        let lower = |s: &str| s.to_lowercase();
        assert!(
            !(lower(a).ends_with("tiên") && lower(b).starts_with("tiến")),
            "{doc}: “{a}” / “{b}”"
        );
        assert!(
            lower(&format!("{a} {b}")).contains("tiên tiến"),
            "{doc}: “{a}” / “{b}”"
        );
    }
}

#[test]
fn a_newline_in_a_summary_is_the_break_of_the_title() {
    let dir = init_project();
    let p = dir.path().join("p");
    let plan = p.join("data/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let text = text.replace(
        "  summary: Tổ chức Hội nghị tuyên dương điển hình tiên tiến xã Thượng Hồng Lần thứ I (2025 – 2030)",
        "  summary: \"Tổ chức Hội nghị tuyên dương\\nđiển hình tiên tiến xã Thượng Hồng Lần thứ I (2025 – 2030)\"",
    );
    assert!(text.contains("tuyên dương\\nđiển"));
    std::fs::write(&plan, text).unwrap();
    let (code, out) = run(&p, &["build", "--force", "--only", "ke-hoach.pdf"]);
    assert_eq!(code, 0, "{out}");
    let pdf = p.join("output/ke-hoach.pdf");
    let first = &pages(&pdf)[0];
    let i = first.iter().position(|l| l == "KẾ HOẠCH").expect("title");
    assert_eq!(first[i + 1], "Tổ chức Hội nghị tuyên dương", "{first:#?}");
    assert_eq!(
        first[i + 2],
        "điển hình tiên tiến xã Thượng Hồng Lần thứ I (2025 – 2030)",
        "{first:#?}"
    );
    // The PDF's title is one line.
    assert_eq!(
        pdf_info(&pdf, "Title"),
        "KẾ HOẠCH Tổ chức Hội nghị tuyên dương điển hình tiên tiến xã Thượng Hồng Lần thứ I (2025 – 2030)"
    );
}

#[test]
fn a_name_cell_holding_a_position_gets_no_salutation_and_a_located_warning() {
    let dir = init_project();
    let p = dir.path().join("p");
    let path = p.join("data/delegates.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // The first delegate's name becomes a position, its salutation kept.
    let first_name = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("name: "))
        .unwrap()
        .to_string();
    let line = text
        .lines()
        .position(|l| l.trim() == format!("name: {first_name}"))
        .unwrap()
        + 1;
    let text = text.replacen(
        &format!("name: {first_name}"),
        "name: Giám đốc Trung tâm Y tế",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let (_, out) = run(&p, &["check"]);
    let want = format!("data/delegates.yaml:{line}:");
    let at = out.find("“Giám đốc”").unwrap_or_else(|| panic!("{out}"));
    assert!(
        out[at..].contains(&want) || out[..at].contains(&want),
        "{out}"
    );
    assert!(
        out.contains("ô họ tên bắt đầu bằng chức vụ “Giám đốc”"),
        "{out}"
    );
    let (_, en) = run(&p, &["check", "--lang", "en"]);
    assert!(
        en.contains("the name cell starts with the position “Giám đốc”"),
        "{en}"
    );
    let (code, out) = run(&p, &["build", "--force", "--only", "giay-moi.pdf"]);
    assert_eq!(code, 0, "{out}");
    let text = pdf_text(&p.join("output/giay-moi.pdf"));
    assert!(text.contains("Giám đốc Trung tâm Y tế"), "{text}");
    assert!(
        !text.contains("Ông Giám đốc") && !text.contains("Bà Giám đốc"),
        "{text}"
    );
}
