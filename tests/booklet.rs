//! The programme booklet as a delegate and the print shop see it: A5 reading copy, the
//! imposed A4 print copy whose halves, printed duplex and folded, read 1, 2, 3, …; every agenda
//! item and honoree printed, honorees in Vietnamese order; agenda mistakes reported located.

use crate::common;

use std::path::Path;

use common::*;
use vinhdanh::collate;
use vinhdanh::model::HonoreeKind;
use vinhdanh::project::Project;

const A4_LANDSCAPE_PT: (f64, f64) = (841.89, 595.276);

fn near(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.6 && (a.1 - b.1).abs() < 0.6
}

/// Text of the left or right half of one A4 landscape page of the print copy.
fn half_text(path: &Path, page: usize, right: bool) -> String {
    let (w, h) = A4_LANDSCAPE_PT;
    let x = if right { (w / 2.0).ceil() } else { 0.0 };
    pdf_region_text(path, page, Some((x, 0.0, (w / 2.0).floor(), h.ceil())))
}

/// The saddle-stitch order written out by hand for the sizes the issue names.
fn expected_sides(n: usize) -> Vec<(Option<usize>, Option<usize>)> {
    let s = |a: usize, b: usize| {
        (
            (a != 0 && a <= n).then_some(a),
            (b != 0 && b <= n).then_some(b),
        )
    };
    match n.div_ceil(4) * 4 {
        4 => vec![s(4, 1), s(2, 3)],
        8 => vec![s(8, 1), s(2, 7), s(6, 3), s(4, 5)],
        12 => vec![s(12, 1), s(2, 11), s(10, 3), s(4, 9), s(8, 5), s(6, 7)],
        _ => unreachable!(),
    }
}

/// Builds a project whose reading-copy template prints `n` A5 pages, each with only its
/// marker "PAGE-k": the real pipeline then imposes them, and every half of every sheet side can
/// be read back.
fn build_numbered(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("templates");
    std::fs::create_dir_all(&t).unwrap();
    std::fs::write(
        t.join("chuong-trinh.typ.j2"),
        format!(
            "#set page(width: 148mm, height: 210mm)\n\
             #for k in range(1, {}) {{ if k > 1 {{ pagebreak() }}; align(center + horizon, text(size: 30pt, \"PAGE-\" + str(k))) }}\n",
            n + 1
        ),
    )
    .unwrap();
    let (code, out) = run(dir.path(), &["build", "."]);
    assert_eq!(code, 0, "{out}");
    dir
}

#[test]
fn imposition_order_for_4_5_7_8_12_pages() {
    for n in [4, 5, 7, 8, 12] {
        let dir = build_numbered(n);
        let out = dir.path().join("output");
        let reading = out.join("chuong-trinh.pdf");
        let print = out.join("chuong-trinh-in.pdf");
        assert_eq!(pdf_pages(&reading), n);
        let sides = n.div_ceil(4) * 2;
        assert_eq!(pdf_pages(&print), sides, "n = {n}: ceil(n/4) × 2 sides");
        let size = pdf_info(&print, "Page size");
        let nums: Vec<f64> = size
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!(near((nums[0], nums[1]), A4_LANDSCAPE_PT), "{size}");
        for (i, (l, r)) in expected_sides(n).into_iter().enumerate() {
            for (half, want) in [(false, l), (true, r)] {
                let text = squash(&half_text(&print, i + 1, half));
                match want {
                    Some(k) => assert_eq!(
                        text,
                        format!("PAGE-{k}"),
                        "n = {n}, side {}, {} half",
                        i + 1,
                        if half { "right" } else { "left" }
                    ),
                    None => assert_eq!(text, "", "n = {n}, side {}: blank padding", i + 1),
                }
            }
        }
    }
}

#[test]
fn reading_copy_is_a5_and_print_copy_is_its_imposition() {
    let out = default_build();
    let reading = out.join("chuong-trinh.pdf");
    let print = out.join("chuong-trinh-in.pdf");
    let (w, h) = pdf_page_size_mm(&reading);
    assert!(
        (w - 148.0).abs() < 0.5 && (h - 210.0).abs() < 0.5,
        "A5: {w} × {h} mm"
    );
    let n = pdf_pages(&reading);
    assert_eq!(n % 4, 0, "the reading copy is padded with note pages: {n}");
    assert_eq!(pdf_pages(&print), n.div_ceil(4) * 2);
    let (w, h) = pdf_page_size_mm(&print);
    assert!(
        (w - 297.0).abs() < 0.5 && (h - 210.0).abs() < 0.5,
        "A4 landscape: {w} × {h} mm"
    );
    // Interior pages carry their number; cover and back cover none.
    for k in 2..n {
        let t = pdf_page_text(&reading, k);
        assert!(
            t.lines().any(|l| l.trim() == k.to_string()),
            "page {k} shows its number:\n{t}"
        );
    }
    // The print copy's halves are the reading copy's pages: the number at each half is the
    // page the imposition puts there, and the first side carries back cover | cover.
    let sides = vinhdanh::documents::booklet::imposition(n);
    for (i, &(l, r)) in sides.iter().enumerate() {
        for (right, k) in [(false, l), (true, r)] {
            let Some(k) = k else { continue };
            let half = half_text(&print, i + 1, right);
            let reading_page = squash(&pdf_page_text(&reading, k));
            assert_eq!(
                squash(&half),
                reading_page,
                "side {}, {}",
                i + 1,
                if right { "right" } else { "left" }
            );
        }
    }
    let cover = squash(&half_text(&print, 1, true));
    assert!(cover.contains("CHƯƠNG TRÌNH HỘI NGHỊ"), "{cover}");
}

fn default_data() -> vinhdanh::load::Data {
    vinhdanh::load::load(&Project::open(&repo()).unwrap()).unwrap()
}

#[test]
fn every_agenda_item_speaker_and_duty_appears() {
    // pdftotext joins a line that ends in a hyphen to the next and drops the hyphen ("2020-" /
    // "2025" → "20202025"): compare without spaces and hyphens.
    let dehyphen = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect()
    };
    let text = dehyphen(&pdf_text(&default_build().join("chuong-trinh.pdf")));
    let data = default_data();
    let (agenda, _) = data.agenda.as_ref().unwrap();
    let (honorees, _) = data.honorees.as_ref().unwrap();
    let plan = &data.plan;
    let facts = data.facts();
    for needle in [
        plan.conference.venue.clone(),
        facts.start().long(),
        vinhdanh::text::date_long(facts.date()),
    ] {
        assert!(text.contains(&dehyphen(&needle)), "cover: {needle}");
    }
    for item in &agenda.items {
        let time = item.time.unwrap().short();
        let line = format!("{time}{}", dehyphen(&item.title));
        assert!(text.contains(&line), "agenda item with its time: {line}");
        assert!(
            text.contains(&dehyphen(item.lead.as_deref().unwrap())),
            "lead of {}",
            item.title
        );
        for s in &item.speakers {
            let name = match &s.honoree {
                Some(id) => &honorees.honorees.iter().find(|h| &h.id == id).unwrap().name,
                None => s.name.as_ref().unwrap(),
            };
            assert!(text.contains(&dehyphen(name)), "speaker {name}");
            assert!(text.contains(&dehyphen(s.topic.as_deref().unwrap())));
        }
    }
    for u in &data.responsibilities.as_ref().unwrap().0.units {
        assert!(text.contains(&dehyphen(&u.unit)), "duty {}", u.unit);
    }
}

#[test]
fn every_honoree_appears_grouped_in_vietnamese_order() {
    let text = squash(&pdf_text(&default_build().join("chuong-trinh.pdf")));
    let data = default_data();
    let list = &data.honorees.as_ref().unwrap().0.honorees;
    let start_c = text.find("A. Tập thể (12)").expect("collectives heading");
    let start_i = text.find("B. Cá nhân (32)").expect("individuals heading");
    let end = text.find("PHÂN CÔNG TỔ CHỨC").expect("duties follow");
    assert!(start_c < start_i && start_i < end);
    let check = |kind: HonoreeKind, region: &str, by: fn(&str, &str) -> std::cmp::Ordering| {
        let mut names: Vec<&str> = list
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.name.as_str())
            .collect();
        names.sort_by(|a, b| by(a, b));
        let mut last = 0;
        for name in names {
            // "N. Name": the numbered entry, so a name inside another is not mistaken for it.
            let pos = region[last..]
                .find(&format!(". {name} "))
                .or_else(|| region[last..].find(&format!(". {name}")))
                .unwrap_or_else(|| panic!("{name} missing or out of order after byte {last}"));
            last += pos + 1;
        }
    };
    check(
        HonoreeKind::Collective,
        &text[start_c..start_i],
        collate::compare,
    );
    check(
        HonoreeKind::Individual,
        &text[start_i..end],
        collate::compare_person_names,
    );
}

/// A fresh project whose agenda is `agenda`, built; returns (exit code, output).
fn build_with_agenda(agenda: &str) -> (i32, String) {
    let dir = init_project();
    let p = dir.path().join("p");
    std::fs::write(p.join("data/agenda.yaml"), agenda).unwrap();
    run(dir.path(), &["build", "p"])
}

#[test]
fn unknown_honoree_of_a_speaker_is_a_located_error() {
    let (code, out) = build_with_agenda(
        "items:\n  - time: \"07:30\"\n    title: Tham luận\n    speakers:\n      - {honoree: cn-99, topic: Chủ đề}\n",
    );
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("data/agenda.yaml:5:"), "{out}");
    assert!(out.contains("cn-99"), "{out}");
}

/// The guests' reception comes before the opening (the invitations' time): it is not warned.
/// Any other item before the start is, and an item not after the one before it.
#[test]
fn times_out_of_order_or_before_the_start_warn_with_location() {
    let start = default_data().plan.conference.start.short();
    assert_eq!(
        start, "07h30",
        "the sample's start, which the times below precede"
    );
    let (code, out) = build_with_agenda(
        "items:\n  - {time: \"07:00\", title: Đón tiếp đại biểu}\n  - {time: \"07:15\", title: Văn nghệ chào mừng}\n  - {time: \"08:00\", title: Khai mạc}\n  - {time: \"07:50\", title: Báo cáo}\n  - {title: Bế mạc, speakers: [{name: Nguyễn Văn A, topic: T}]}\n",
    );
    assert_eq!(code, 0, "warnings do not stop the build: {out}");
    assert!(
        out.contains("data/agenda.yaml:3:") && out.contains("giờ 07h15 sớm hơn giờ bắt đầu"),
        "{out}"
    );
    assert_eq!(
        out.matches("sớm hơn giờ bắt đầu").count(),
        1,
        "the reception at 07:00 is not warned: {out}"
    );
    assert!(!out.contains("data/agenda.yaml:2:"), "{out}");
    assert!(
        out.contains("data/agenda.yaml:5:") && out.contains("không muộn hơn"),
        "{out}"
    );
}

#[test]
fn speaker_without_name_or_honoree_is_an_error() {
    let (code, out) =
        build_with_agenda("items:\n  - title: Tham luận\n    speakers:\n      - {topic: Chủ đề}\n");
    assert_ne!(code, 0, "{out}");
    assert!(
        out.contains("data/agenda.yaml:4:") && out.contains("chưa có tên"),
        "{out}"
    );
}

/// Measured on the laid-out pages: nothing outside the page's text area, the body in Tinos (the
/// display face only for titles), and each programme item's lines aligned right of its time.
#[test]
fn layout_stays_in_the_margins_and_items_hang_under_their_time() {
    use vinhdanh::documents::booklet;
    let project = Project::open(&repo()).unwrap();
    let items = booklet::view(&default_data()).items.len();
    let doc = vinhdanh::pipeline::layout(&project, booklet::OUTPUT).unwrap();
    let pages = vinhdanh::inspect::pages(&doc);
    for (i, p) in pages.iter().enumerate() {
        for r in &p.runs {
            assert!(
                r.x_mm >= 13.5 && r.x_mm + r.width_mm <= p.width_mm - 13.5,
                "page {}: “{}” at x {:.1}–{:.1} mm leaves the text area",
                i + 1,
                r.text,
                r.x_mm,
                r.x_mm + r.width_mm
            );
            assert!(
                r.y_mm <= p.height_mm - 8.0,
                "page {}: “{}” too low",
                i + 1,
                r.text
            );
            assert!(
                r.family == "Tinos" || (r.family == "Playfair Display" && r.size_pt >= 14.0),
                "page {}: “{}” in {} {}pt",
                i + 1,
                r.text,
                r.family,
                r.size_pt
            );
        }
    }
    // The programme page: times in the first column, every other line right of it.
    let prog = pages
        .iter()
        .find(|p| p.runs.iter().any(|r| r.text.contains("07h30")))
        .expect("programme page");
    let is_time = |t: &str| t.len() == 5 && t.as_bytes()[2] == b'h';
    let time_x = prog
        .runs
        .iter()
        .filter(|r| is_time(&r.text))
        .map(|r| r.x_mm)
        .fold(f64::INFINITY, f64::min);
    let body: Vec<_> = prog
        .runs
        .iter()
        .filter(|r| !is_time(&r.text) && r.y_mm > 30.0 && r.y_mm < prog.height_mm - 20.0)
        .collect();
    assert!(body.len() > 20);
    let left = body.iter().map(|r| r.x_mm).fold(f64::INFINITY, f64::min);
    assert!(
        left >= time_x + 14.0,
        "item text at {left:.1} mm, times at {time_x:.1} mm"
    );
    // Continuation lines of a wrapped title start where its first line does.
    let starts: Vec<f64> = body.iter().filter(|r| r.bold).map(|r| r.x_mm).collect();
    let first = starts.iter().cloned().fold(f64::INFINITY, f64::min);
    let wrapped = body
        .iter()
        .filter(|r| r.bold && (r.x_mm - first).abs() < 0.2)
        .count();
    assert!(
        wrapped > items,
        "some titles wrap, under the same left edge"
    );
}

/// Without the duties page the booklet has 7 pages: a note page brings it to 8, so the back
/// cover stays the outside of the folded booklet.
#[test]
fn note_pages_pad_the_reading_copy_to_a_multiple_of_four() {
    let dir = init_project();
    let p = dir.path().join("p");
    std::fs::remove_file(p.join("data/responsibilities.yaml")).unwrap();
    let (code, out) = run(dir.path(), &["build", "p"]);
    assert_eq!(code, 0, "{out}");
    let reading = p.join("output/chuong-trinh.pdf");
    let n = pdf_pages(&reading);
    assert_eq!(n % 4, 0, "{n} pages");
    assert!(pdf_page_text(&reading, n - 1).contains("GHI CHÚ"));
    assert!(pdf_page_text(&reading, n).contains("CHÚC HỘI NGHỊ"));
    let print = p.join("output/chuong-trinh-in.pdf");
    assert_eq!(pdf_pages(&print), n / 2);
}
