//! GIẤY MỜI and the check-in list, checked the way a clerk would: count the files, read each
//! invitation's text, compare the print file page by page, read the order of the list.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;
use serde_yaml::Value;
use vinhdanh::documents::invitation;

/// One invitation of the default project as its YAML says it must read.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    id: String,
    headline: String,
    detail: Option<String>,
}

fn yaml(rel: &str) -> Value {
    let text = std::fs::read_to_string(repo().join(rel)).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// A trimmed, non-empty string field.
fn field(v: &Value, key: &str) -> Option<String> {
    v[key]
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// The invitations of the default project (data/delegates.yaml and data/honorees.yaml at the
/// repository root, which the binary embeds), by the documented rules (docs/dai-bieu.md): a
/// person is invited as "<Xưng hô> <Họ và tên>" with "<Chức vụ>, <Đơn vị>" under it; a unit
/// as "<Chức vụ> <Đơn vị>" ("Đại diện lãnh đạo Sở …"); an honoree's name, title and unit come
/// from the honoree list, with "Ông"/"Bà" from the gender, and a collective is invited as
/// "Đại diện <tên tập thể>".
fn expected_invitations() -> Vec<Expected> {
    let delegates = yaml("data/delegates.yaml");
    let honorees = yaml("data/honorees.yaml");
    let honorees = honorees["honorees"].as_sequence().unwrap();
    delegates["delegates"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|d| {
            let id = field(d, "id").unwrap();
            let mut salutation = field(d, "salutation");
            let mut name = field(d, "name");
            let mut title = field(d, "title");
            let mut unit = field(d, "unit");
            if let Some(h) = field(d, "honoree") {
                let h = honorees
                    .iter()
                    .find(|x| field(x, "id").as_deref() == Some(h.as_str()))
                    .unwrap_or_else(|| panic!("{id}: no honoree {h}"));
                match field(h, "kind").as_deref() {
                    Some("individual") => {
                        name = field(h, "name");
                        salutation = match field(h, "gender").map(|g| g.to_lowercase()).as_deref() {
                            Some("nam") => Some("Ông".into()),
                            Some("nữ") => Some("Bà".into()),
                            _ => salutation.or(Some("Ông/Bà".into())),
                        };
                        title = title.or_else(|| field(h, "title"));
                        unit = unit.or_else(|| field(h, "unit"));
                    }
                    Some("collective") => {
                        name = None;
                        title = title.or(Some("Đại diện".into()));
                        unit = field(h, "name");
                    }
                    other => panic!("{id}: kind {other:?}"),
                }
            }
            // Position and unit: the words the unit starts with and the position ends with are
            // printed once ("Bí thư Đảng ủy xã" + "Đảng ủy xã Thượng Hồng"); otherwise a unit in
            // lower case follows with a space (a person's line) and a named body after a comma.
            let joined = |sep: &str| match (&title, &unit) {
                (Some(t), Some(u)) => {
                    let (tw, uw): (Vec<&str>, Vec<&str>) =
                        (t.split(' ').collect(), u.split(' ').collect());
                    let shared = (1..=tw.len().min(uw.len()))
                        .rev()
                        .find(|&k| tw[tw.len() - k..] == uw[..k]);
                    Some(match shared {
                        Some(k) => [&tw[..], &uw[k..]].concat().join(" "),
                        None if sep == ", " && u.starts_with(char::is_lowercase) => {
                            format!("{t} {u}")
                        }
                        None => format!("{t}{sep}{u}"),
                    })
                }
                (Some(x), None) | (None, Some(x)) => Some(x.clone()),
                (None, None) => None,
            };
            let (headline, detail) = match &name {
                Some(n) => (
                    match &salutation {
                        Some(s) => format!("{s} {n}"),
                        None => n.clone(),
                    },
                    joined(", "),
                ),
                None => (joined(" ").unwrap_or_default(), None),
            };
            Expected {
                id,
                headline,
                detail,
            }
        })
        .collect()
}

/// The invitation file numbered `n` (from 1) of a build's giay-moi folder.
fn numbered(out: &Path, n: usize) -> PathBuf {
    let prefix = format!("{n:03}-");
    let found: Vec<PathBuf> = files(&out.join("giay-moi"))
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&prefix)
        })
        .collect();
    assert_eq!(found.len(), 1, "files numbered {n}: {found:?}");
    found.into_iter().next().unwrap()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// A copy of the default project with its own data folder.
fn project_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = init_project();
    let p = dir.path().join("p");
    (dir, p)
}

fn build(p: &Path) -> (i32, String) {
    run(p, &["build"])
}

/// Whitespace-free text: a wrapped line may break after "/" (pdftotext then shows a space).
fn bare(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn default_build_one_invitation_per_delegate_with_its_invitee() {
    let out = default_build();
    let list = expected_invitations();
    assert_eq!(list.len(), 139, "delegates in data/delegates.yaml");
    let pdfs = files(&out.join("giay-moi"));
    assert_eq!(pdfs.len(), list.len());
    let merged = out.join("giay-moi.pdf");
    assert_eq!(pdf_pages(&merged), list.len(), "one page per invitation");
    let plan = yaml("data/plan.yaml");
    let occasion = squash(plan["conference"]["name"].as_str().unwrap());
    for (k, (inv, pdf)) in list.iter().zip(&pdfs).enumerate() {
        let name = pdf.file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with(&format!("{:03}-", k + 1)),
            "{name} is not number {}",
            k + 1
        );
        assert!(name.is_ascii() && !name.contains(' '), "{name}");
        let text = squash(&pdf_text(pdf));
        assert!(
            text.contains(&squash(&inv.headline)),
            "{name} ({}): no “{}” in {text}",
            inv.id,
            inv.headline
        );
        if let Some(d) = &inv.detail {
            assert!(bare(&text).contains(&bare(d)), "{name}: no “{d}” in {text}");
        }
        assert!(text.contains(&occasion), "{name}: occasion missing");
        assert!(text.contains("GIẤY MỜI"), "{name}");
        // The weekday is computed from the date: 22/8/2025 was a Friday.
        assert!(text.contains("thứ Sáu, ngày 22/8/2025"), "{name}: {text}");
        assert!(text.contains("/GM-UBND"), "{name}");
        assert_eq!(pdf_pages(pdf), 1, "{name} overflows onto a second page");
        // Same page, same place in the print file.
        let page = squash(&pdf_page_text(&merged, k + 1));
        assert_eq!(
            page,
            text,
            "page {} of giay-moi.pdf differs from {name}",
            k + 1
        );
    }
}

/// A handful of invitations written out by hand from data/delegates.yaml and
/// data/honorees.yaml: (number, headline, line under it).
const BY_HAND: &[(usize, &str, Option<&str>)] = &[
    // db-001, a person.
    (
        1,
        "Ông Vũ Đức Thắng",
        Some("Ủy viên Hội đồng Thi đua - Khen thưởng thành phố Hải Phòng"),
    ),
    // db-002, a unit: no name.
    (2, "Đại diện lãnh đạo Sở Nội vụ thành phố Hải Phòng", None),
    // db-005, "Đồng chí".
    (
        5,
        "Đồng chí Lương Văn Toàn",
        Some("Bí thư Đảng ủy xã Thượng Hồng"),
    ),
    // db-096 → tt-01, a collective.
    (96, "Đại diện Chi bộ thôn Hà Tiên", None),
    // db-108 → cn-01, nữ.
    (
        108,
        "Bà Nguyễn Thị Ngọc Hương",
        Some("Chi hội trưởng Chi hội Phụ nữ thôn Hà Tiên"),
    ),
    // db-109 → cn-02, nam.
    (
        109,
        "Ông Trần Văn Quyết",
        Some("Chủ trang trại chăn nuôi tổng hợp thôn Phú Khê"),
    ),
];

#[test]
fn hand_checked_invitations() {
    // The rule the other tests apply agrees with these.
    let list = expected_invitations();
    for &(n, headline, detail) in BY_HAND {
        assert_eq!(list[n - 1].headline, headline, "rule for number {n}");
        assert_eq!(list[n - 1].detail.as_deref(), detail, "rule for number {n}");
    }
    let out = default_build();
    for &(n, headline, detail) in BY_HAND {
        let pdf = numbered(out, n);
        let text = squash(&pdf_text(&pdf));
        assert!(
            text.contains(headline),
            "{}: no “{headline}” in {text}",
            pdf.display()
        );
        if let Some(d) = detail {
            assert!(
                bare(&text).contains(&bare(d)),
                "{}: no “{d}” in {text}",
                pdf.display()
            );
        }
    }
}

#[test]
fn honoree_delegates_take_name_from_honorees() {
    let delegates = yaml("data/delegates.yaml");
    let honorees = yaml("data/honorees.yaml");
    let out = default_build();
    let mut referenced = 0;
    for (k, d) in delegates["delegates"]
        .as_sequence()
        .unwrap()
        .iter()
        .enumerate()
    {
        let Some(id) = field(d, "honoree") else {
            continue;
        };
        referenced += 1;
        let h = honorees["honorees"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|x| field(x, "id").as_deref() == Some(id.as_str()))
            .unwrap();
        let name = field(h, "name").unwrap();
        let want = match field(h, "gender").as_deref() {
            _ if field(h, "kind").as_deref() == Some("collective") => format!("Đại diện {name}"),
            Some("nam") => format!("Ông {name}"),
            Some("nữ") => format!("Bà {name}"),
            other => panic!("{id}: gender {other:?}"),
        };
        let pdf = numbered(out, k + 1);
        let text = squash(&pdf_text(&pdf));
        assert!(
            text.contains(&squash(&want)),
            "{}: no “{want}” in {text}",
            pdf.display()
        );
    }
    assert_eq!(referenced, 44, "every sample honoree is invited");
}

#[test]
fn file_names_are_ascii_unique_numbered_and_padded() {
    let names: Vec<String> = files(&default_build().join("giay-moi"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), expected_invitations().len());
    assert_eq!(names[0], "001-vu-duc-thang.pdf");
    assert_eq!(names[1], "002-so-noi-vu-thanh-pho-hai-phong.pdf");
    let set: std::collections::HashSet<_> = names.iter().collect();
    assert_eq!(set.len(), names.len());
    for (k, n) in names.iter().enumerate() {
        assert!(n.starts_with(&format!("{:03}-", k + 1)), "{n}");
        assert!(n.ends_with(".pdf"), "{n}");
        assert!(
            n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'),
            "{n}"
        );
    }
}

/// Namesakes and numbering of a list too long to build in a test (1,000 invitations); the
/// built fixture `invitations-order` covers namesakes in real files. This is the only use of
/// library code in this file, to get file names.
#[test]
fn long_lists_get_wider_numbers_and_namesakes_distinct_files() {
    let person = |index: usize| invitation::Invitee {
        index,
        id: format!("db-{index:04}"),
        code_given: true,
        salutation: Some("Ông".into()),
        name: Some("Vũ Đức Thắng".into()),
        title: None,
        unit: None,
        group: "official".into(),
        seat: None,
        headline: "Ông Vũ Đức Thắng".into(),
        detail: None,
        display: "Vũ Đức Thắng".into(),
        is_person: true,
    };
    let names = invitation::file_names(&[person(1), person(2)]);
    assert_eq!(names, ["001-vu-duc-thang.pdf", "002-vu-duc-thang-2.pdf"]);
    let long: Vec<_> = (1..=1000).map(person).collect();
    let names = invitation::file_names(&long);
    assert_eq!(names[0], "0001-vu-duc-thang.pdf");
    assert_eq!(names[999], "1000-vu-duc-thang-1000.pdf");
}

#[test]
fn checkin_list_is_grouped_and_in_vietnamese_order() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("invitations-order"), dir.path());
    let (code, out) = build(dir.path());
    assert_eq!(code, 0, "{out}");
    let list = dir.path().join("output/danh-sach-dai-bieu.pdf");
    let text = squash(&pdf_text(&list));
    let order = [
        "I. Khách mời",
        "Đỗ Ngọc Ánh",
        "Phan Văn Bình",
        "Ngô Minh Đức",
        "Vũ Văn Em",
        "Hoàng Long",
        "Lê Thị Ơn",
        "Trần Văn Phúc",
        "II. Đại biểu địa phương",
        "Mai Văn An",
        "Mai Thị Hà",
        "Mai Thị Hả",
        "Mai Thị Hã",
        "Mai Thị Há",
        "Mai Thị Hạ",
        "Đại diện lãnh đạo",
    ];
    let mut at = 0;
    for w in order {
        let pos = text[at..]
            .find(w)
            .unwrap_or_else(|| panic!("“{w}” not found after position {at} in {text}"));
        at += pos + w.len();
    }
    // Columns of the reception's list.
    for h in [
        "STT",
        "Họ và tên",
        "Chức vụ",
        "Đơn vị",
        "Chỗ ngồi",
        "Ký nhận",
    ] {
        assert!(text.contains(h), "{h}");
    }
    let (w, h) = pdf_page_size_mm(&list);
    assert!(w > h, "landscape");
    // Namesakes get distinct files; the very long invitee stays on one page.
    let names: Vec<String> = files(&dir.path().join("output/giay-moi"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"012-mai-van-an.pdf".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"013-mai-van-an-2.pdf".to_string()),
        "{names:?}"
    );
    let long = dir
        .path()
        .join("output/giay-moi/015-nguyen-van-truong-giang-thai-binh-duong-hoang-long.pdf");
    assert_eq!(pdf_pages(&long), 1);
    let t = squash(&pdf_text(&long));
    assert!(
        t.contains("(chi nhánh số 2, khu công nghiệp phía Bắc)"),
        "{t}"
    );
    assert!(t.contains("Số: 03/GM-UBND"), "{t}");
    assert!(t.contains("thứ Sáu, ngày 9/1/2026"), "{t}");
}

/// Texts of all invitations of a build, in order, with their file names.
fn invitation_texts(out: &Path) -> (Vec<String>, String) {
    let names = files(&out.join("giay-moi"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    (names, squash(&pdf_text(&out.join("giay-moi.pdf"))))
}

#[test]
fn xlsx_and_csv_lists_give_the_same_invitations_as_yaml() {
    let yaml = invitation_texts(default_build());
    for ext in ["csv", "xlsx"] {
        let (_d, p) = project_copy();
        std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
        std::fs::copy(
            repo().join(format!("tests/fixtures/import/delegates.{ext}")),
            p.join(format!("data/delegates.{ext}")),
        )
        .unwrap();
        let (code, out) = build(&p);
        assert_eq!(code, 0, "{ext}: {out}");
        let got = invitation_texts(&p.join("output"));
        assert_eq!(got.0, yaml.0, "{ext}: file names");
        assert_eq!(got.1, yaml.1, "{ext}: texts");
    }
}

#[test]
fn honorees_from_xlsx_give_the_same_invitations() {
    let yaml = invitation_texts(default_build());
    let (_d, p) = project_copy();
    std::fs::remove_file(p.join("data/honorees.yaml")).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/import/honorees.xlsx"),
        p.join("data/honorees.xlsx"),
    )
    .unwrap();
    let (code, out) = build(&p);
    assert_eq!(code, 0, "{out}");
    assert_eq!(invitation_texts(&p.join("output")), yaml);
}

#[test]
fn two_delegate_lists_are_refused() {
    let (_d, p) = project_copy();
    std::fs::copy(
        repo().join("tests/fixtures/import/delegates.csv"),
        p.join("data/delegates.csv"),
    )
    .unwrap();
    let (code, out) = build(&p);
    assert_eq!(code, 1);
    assert!(out.contains("một dự án chỉ có một danh sách"), "{out}");
    assert!(
        out.contains("data/delegates.yaml") && out.contains("data/delegates.csv"),
        "{out}"
    );
}

#[test]
fn legacy_encoded_csv_is_located() {
    let (_d, p) = project_copy();
    std::fs::remove_file(p.join("data/delegates.yaml")).unwrap();
    let csv = std::fs::read_to_string(repo().join("tests/fixtures/import/delegates.csv")).unwrap();
    // "Phạm Văn Minh" in TCVN3, by hand: ạ = ¹, ă = ¨.
    let tcvn = "Ph\u{B9}m V\u{A8}n Minh";
    let csv = csv.replacen("Phạm Văn Minh", tcvn, 1);
    std::fs::write(p.join("data/delegates.csv"), csv).unwrap();
    let (code, out) = build(&p);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("data/delegates.csv, dòng 4, cột D"), "{out}");
    assert!(out.contains("TCVN3"), "{out}");
    assert!(out.contains("Phạm Văn Minh"), "the fix is shown: {out}");
}

fn with_delegates(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf, i32, String) {
    let (d, p) = project_copy();
    let f = p.join("data/delegates.yaml");
    let s = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, edit(s)).unwrap();
    let (code, out) = run(&p, &["build"]);
    (d, p, code, out)
}

#[test]
fn delegate_problems_are_located() {
    // Unknown group: located, with the nearest id.
    let (_d, _p, code, out) = with_delegates(|s| s.replacen("group: city", "group: citty", 1));
    assert_eq!(code, 1);
    assert!(
        out.contains("nhóm “citty” không có trong thành phần đại biểu"),
        "{out}"
    );
    assert!(out.contains("“city”"), "{out}");
    assert!(out.contains("data/delegates.yaml:"), "{out}");
    // An honoree invited twice.
    let (_d, _p, code, out) =
        with_delegates(|s| s.replacen("honoree: tt-02,", "honoree: tt-01,", 1));
    assert_eq!(code, 1);
    assert!(out.contains("“tt-01” được mời hai lần"), "{out}");
    // An honoree that does not exist.
    let (_d, _p, code, out) =
        with_delegates(|s| s.replacen("honoree: tt-02,", "honoree: tt-99,", 1));
    assert_eq!(code, 1);
    assert!(
        out.contains("“tt-99” không còn trong danh sách khen thưởng (dòng bị xóa?)"),
        "{out}"
    );
    // Neither name nor unit.
    let (_d, _p, code, out) = with_delegates(|s| {
        s.replacen(
            "    unit: Sở Nội vụ thành phố Hải Phòng\n    group: city\n    seat: A02",
            "    group: city\n    seat: A02",
            1,
        )
    });
    assert_eq!(code, 1);
    assert!(out.contains("không có họ tên, đơn vị"), "{out}");
}

#[test]
fn composition_quota_is_checked() {
    // Removing one city delegate breaks "Đại biểu thành phố: 04".
    let (_d, _p, code, out) = with_delegates(|s| {
        s.replacen(
            "group: city\n    seat: A04",
            "group: official\n    seat: A04",
            1,
        )
    });
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("Đại biểu thành phố") && out.contains("có 3 đại biểu, Kế hoạch ghi 4"),
        "{out}"
    );
}

/// A template author's copy of the invitation template, made the documented way (`eject`),
/// with `text` at the start of each record's block.
fn at_start_of_record(p: &std::path::Path, text: &str) {
    let (code, out) = common::run(p, &["eject", "giay-moi.typ.j2"]);
    assert_eq!(code, 0, "{out}");
    let t = p.join("templates/giay-moi.typ.j2");
    let s = std::fs::read_to_string(&t).unwrap();
    let edited = s.replacen(
        "{% block record %}\n",
        &format!("{{% block record %}}\n{text}"),
        1,
    );
    assert_ne!(edited, s, "the record block is where it was");
    std::fs::write(&t, edited).unwrap();
}

#[test]
fn a_failing_record_is_named_and_the_others_are_printed() {
    let (_d, p) = project_copy();
    at_start_of_record(
        &p,
        "{% if record.id == \"db-005\" %}\n#panic(\"hỏng\")\n{% endif %}\n",
    );
    let (code, out) = build(&p);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Lương Văn Toàn (db-005)"), "{out}");
    let pdfs = files(&p.join("output/giay-moi"));
    assert_eq!(pdfs.len(), 138, "all others written");
    assert!(!pdfs.iter().any(|f| f.to_string_lossy().contains("005-")));
    assert_eq!(pdf_pages(&p.join("output/giay-moi.pdf")), 138);
}

/// A record whose template block cannot be rendered (a field the data does not have) is named
/// and left out, in whichever chunk of the batch it falls (139 invitations are laid out as 70
/// and 69); the others keep their files, named as always, and the print file their pages.
#[test]
fn a_record_whose_block_fails_to_render_is_named_and_left_out() {
    let (_d, p) = project_copy();
    at_start_of_record(
        &p,
        "{% if record.id in [\"db-005\", \"db-100\"] %}{{ record.khong_co.x }}{% endif %}\n",
    );
    let (code, out) = build(&p);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Lương Văn Toàn (db-005)"), "{out}");
    assert!(out.contains("(db-100)"), "{out}");
    let pdfs = files(&p.join("output/giay-moi"));
    assert_eq!(pdfs.len(), 137, "all others written");
    let names: Vec<String> = pdfs
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|f| f.starts_with("005-") || f.starts_with("100-"))
    );
    assert!(
        names.iter().any(|f| f.starts_with("004-")) && names.iter().any(|f| f.starts_with("139-"))
    );
    assert_eq!(pdf_pages(&p.join("output/giay-moi.pdf")), 137);
}

#[test]
fn a_build_with_data_errors_leaves_the_previous_output() {
    let (_d, p) = project_copy();
    let (code, out) = build(&p);
    assert_eq!(code, 0, "{out}");
    let before = std::fs::read(p.join("output/giay-moi/001-vu-duc-thang.pdf")).unwrap();
    let f = p.join("data/delegates.yaml");
    let s = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        s.replacen("name: Vũ Đức Thắng", "name: Vũ Đức Thắng Mới", 1)
            .replacen("group: city", "group: nowhere", 1),
    )
    .unwrap();
    let (code, _) = build(&p);
    assert_eq!(code, 1);
    assert_eq!(
        std::fs::read(p.join("output/giay-moi/001-vu-duc-thang.pdf")).unwrap(),
        before
    );
    assert_eq!(files(&p.join("output/giay-moi")).len(), 139);
}

/// A record's file is a document of its own: a viewer shows its page as page 1, not as the
/// page it was in the batch's layout (typst-pdf labels a page range's pages with their place
/// in the whole: the 80th invitation's one page read "80"). Certificates likewise.
#[test]
fn a_record_file_is_labelled_from_its_own_first_page() {
    let out = default_build();
    let certificates = files(&out.join("giay-khen"));
    for f in [numbered(out, 1), numbered(out, 80), numbered(out, 139)]
        .iter()
        .chain(certificates.last())
    {
        let json = tool("qpdf", &["--json", "--json-key=pages", f.to_str().unwrap()]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        for (i, page) in v["pages"].as_array().unwrap().iter().enumerate() {
            let label = &page["label"];
            let start = label["/St"].as_i64().unwrap_or(1);
            assert!(
                label.is_null() || (i == 0 && start == 1),
                "{}: page {} labelled {label}",
                f.display(),
                i + 1
            );
        }
    }
}

/// An invitation that runs onto a second page is numbered there ("2" in the top margin), in
/// its own file and in the print file. A batch's records are laid out without their page
/// numbers first (a header reading the page counter cost Typst a second layout of every
/// chunk) and only a record of two pages again with them: the chunks take one pass each,
/// that record two; every other invitation keeps its one page, unnumbered.
#[test]
fn an_invitation_of_two_pages_is_numbered_on_its_second() {
    let (_d, p) = project_copy();
    at_start_of_record(
        &p,
        "{% if record.id == \"db-005\" %}\n#v(21cm)\n{% endif %}\n",
    );
    let timings = p.join("timings.json");
    let (code, out) = run(
        &p,
        &[
            "build",
            "--only",
            "giay-moi/",
            "--typst-timings",
            timings.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}");
    // The top 50 pt of a page: the page number's place, above the header of the document.
    let top =
        |f: &Path, page: usize| squash(&pdf_region_text(f, page, Some((0.0, 0.0, 595.0, 50.0))));
    let pdfs = files(&p.join("output/giay-moi"));
    assert_eq!(pdfs.len(), 139);
    for f in &pdfs {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(top(f, 1), "", "{name}: a number on page 1");
        if name.starts_with("005-") {
            assert_eq!(pdf_pages(f), 2, "{name}");
            assert_eq!(top(f, 2), "2", "{name}: page 2");
            assert!(
                squash(&pdf_page_text(f, 2)).contains("Rất mong đại biểu"),
                "{name}"
            );
        } else {
            assert_eq!(pdf_pages(f), 1, "{name}");
        }
    }
    let merged = p.join("output/giay-moi.pdf");
    assert_eq!(pdf_pages(&merged), 140);
    for page in 1..=140 {
        let want = if page == 6 { "2" } else { "" };
        assert_eq!(top(&merged, page), want, "giay-moi.pdf page {page}");
    }
    assert_eq!(
        squash(&pdf_page_text(&merged, 6)),
        squash(&pdf_page_text(&pdfs[4], 2)),
        "the print file's page 6 is the second page of the fifth invitation"
    );
    // The two chunks (70 and 69 invitations) and the fifth invitation alone, laid out again
    // (a second pass: it numbers its pages).
    assert_eq!(typst_passes(&timings), (3, 1), "{out}");
}
