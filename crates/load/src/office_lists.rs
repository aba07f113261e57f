//! The generator of the lists as offices keep them, written from the seed data:
//! `data/examples/` (what `vinhdanh init` gives a clerk: honorees and delegates, .xlsx and
//! .csv) and the fixture project `tests/fixtures/office-lists/` (the same lists with the
//! stray spaces and decomposed letters real files have).
//!
//! The files are committed; `generated_lists_are_committed` fails when they differ from what
//! this writes. After changing the seed data or this file, write them again with
//! `VINHDANH_WRITE_FIXTURES=1 cargo test --release --lib office_lists`.
//!
//! What makes them "as kept": title rows above the header, no code column, the headers of
//! real forms ("Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Thành phần đại biểu", "Ngày
//! sinh", separate "Nam"/"Nữ" columns marked x, "Ghi chú"), "I. TẬP THỂ" / "II. CÁ NHÂN"
//! section rows instead of a kind column, groups written as the plan names them, honorees
//! invited by name, full birth dates (text and Excel date cells), a summary sheet after the
//! list.

use std::path::{Path, PathBuf};

use crate::import::tests::{X, write_workbook};
use crate::model::{DelegatesFile, Gender, HonoreeKind, HonoreesFile, PlanFile};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed<T: serde::de::DeserializeOwned>(rel: &str) -> T {
    let bytes = std::fs::read(repo().join(rel)).unwrap();
    crate::yaml::parse::<T>(rel, &bytes).unwrap().0
}

/// A cell before it is written: text, a number, or an Excel date (serial).
#[derive(Clone)]
enum C {
    E,
    S(String),
    N(String),
    D(String),
}

impl C {
    fn s(v: impl Into<String>) -> C {
        C::S(v.into())
    }
    fn opt(v: &Option<String>) -> C {
        v.as_deref().map_or(C::E, C::s)
    }
    fn text(&self) -> &str {
        match self {
            C::E => "",
            C::S(s) | C::N(s) | C::D(s) => s,
        }
    }
}

/// A list: title rows, header, rows; merges of the .xlsx; the summary sheet.
struct List {
    title: Vec<String>,
    header: Vec<&'static str>,
    rows: Vec<Vec<C>>,
    summary: Vec<Vec<C>>,
}

/// Excel's serial number of a date (days since 1899-12-30).
fn serial(y: i32, m: u32, d: u32) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    (date - base).num_days().to_string()
}

fn honorees(quirks: bool) -> List {
    let file: HonoreesFile = seed("data/honorees.yaml");
    let mut rows = Vec::new();
    let width = 11;
    let section = |n: &str, label: &str| {
        let mut r = vec![C::s(n), C::s(label)];
        r.resize(width, C::E);
        r
    };
    for (kind, (n, label)) in [
        (HonoreeKind::Collective, ("I", "TẬP THỂ")),
        (HonoreeKind::Individual, ("II", "CÁ NHÂN")),
    ] {
        rows.push(section(n, label));
        for (k, h) in file.honorees.iter().filter(|h| h.kind == kind).enumerate() {
            let mut name = h.name.clone();
            if quirks {
                // What real lists hold: a doubled space, a trailing space, letters typed
                // decomposed (copied from a PDF or a Mac).
                match k {
                    1 => name = name.replacen(' ', "  ", 1),
                    2 => name.push(' '),
                    3 => {
                        use unicode_normalization::UnicodeNormalization;
                        name = name.nfd().collect();
                    }
                    _ => {}
                }
            }
            let mark = |g: Gender| {
                if h.gender == Some(g) { C::s("x") } else { C::E }
            };
            let birth = match h.birth_year {
                None => C::E,
                // Full dates, as kept: some typed as text, some as Excel date cells.
                Some(y) if k % 2 == 0 => C::s(format!("{:02}/{:02}/{y}", 1 + k % 28, 1 + k % 12)),
                Some(y) => C::D(serial(y, 1 + (k % 12) as u32, 1 + (k % 28) as u32)),
            };
            let note = match k % 5 {
                0 => C::s("Đã xác minh"),
                3 => C::s("Bổ sung hồ sơ ngày 10/8"),
                _ => C::E,
            };
            rows.push(vec![
                C::N((k + 1).to_string()),
                C::s(name),
                mark(Gender::Male),
                mark(Gender::Female),
                birth,
                C::opt(&h.title),
                C::opt(&h.unit),
                C::opt(&h.field),
                C::s(h.achievement.clone()),
                C::opt(&h.proposed_by),
                note,
            ]);
        }
    }
    let count = |kind| file.honorees.iter().filter(|h| h.kind == kind).count();
    List {
        title: vec![
            "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG GIẤY KHEN".into(),
            "(Kèm theo Tờ trình của Hội đồng Thi đua - Khen thưởng)".into(),
        ],
        header: vec![
            "STT",
            "Họ và tên / Tên tập thể",
            "Nam",
            "Nữ",
            "Ngày sinh",
            "Chức vụ",
            "Đơn vị công tác",
            "Lĩnh vực",
            "Tóm tắt thành tích",
            "Đơn vị đề nghị",
            "Ghi chú",
        ],
        rows,
        summary: vec![
            vec![C::s("Tổng hợp"), C::s("Số lượng")],
            vec![
                C::s("Tập thể"),
                C::N(count(HonoreeKind::Collective).to_string()),
            ],
            vec![
                C::s("Cá nhân"),
                C::N(count(HonoreeKind::Individual).to_string()),
            ],
        ],
    }
}

fn delegates(quirks: bool) -> List {
    let file: DelegatesFile = seed("data/delegates.yaml");
    let plan: PlanFile = seed("data/plan.yaml");
    let honorees: HonoreesFile = seed("data/honorees.yaml");
    let label = |id: &str| plan.composition.find(id).unwrap().label.clone();
    let mut rows = Vec::new();
    for (k, d) in file.delegates.iter().enumerate() {
        // Position and unit in one column, as the invitation prints them: after a person's
        // name "Phó Chủ tịch, Ủy ban nhân dân xã"; a unit invited "Đại diện lãnh đạo Sở …".
        let title_unit = match (&d.title, &d.unit) {
            (Some(t), Some(u)) if d.name.is_some() => C::s(format!("{t}, {u}")),
            (Some(t), Some(u)) => C::s(format!("{t} {u}")),
            (Some(t), None) => C::s(t.clone()),
            (None, Some(u)) => C::s(u.clone()),
            (None, None) => C::E,
        };
        // Honorees invited by name: the office's list has no codes.
        let honoree = d.honoree.as_deref().map_or(C::E, |id| {
            C::s(
                honorees
                    .honorees
                    .iter()
                    .find(|h| h.id == id)
                    .unwrap()
                    .name
                    .clone(),
            )
        });
        let mut group = label(&d.group);
        if quirks && k % 7 == 3 {
            group = group.to_uppercase();
        }
        rows.push(vec![
            C::N((k + 1).to_string()),
            C::opt(&d.salutation),
            C::opt(&d.name),
            title_unit,
            C::s(group),
            C::opt(&d.seat),
            honoree,
            if k % 9 == 4 {
                C::s("Đã xác nhận dự")
            } else {
                C::E
            },
        ]);
    }
    List {
        title: vec!["DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ".into()],
        header: vec![
            "STT",
            "Xưng hô",
            "Họ và tên",
            "Chức vụ, đơn vị",
            "Thành phần đại biểu",
            "Chỗ ngồi",
            "Tập thể, cá nhân được khen",
            "Ghi chú",
        ],
        rows,
        summary: vec![vec![
            C::s("Tổng số đại biểu"),
            C::N(file.delegates.len().to_string()),
        ]],
    }
}

fn write_xlsx(dir: &Path, name: &str, list: &List, sheet: &str) -> PathBuf {
    let width = list.header.len();
    let mut cells: Vec<Vec<C>> = Vec::new();
    for t in &list.title {
        cells.push(vec![C::s(t.clone())]);
    }
    cells.push(vec![]);
    let header_row = cells.len() + 1;
    cells.push(list.header.iter().map(|h| C::s(*h)).collect());
    cells.extend(list.rows.iter().cloned());
    let mut merges: Vec<String> = (1..=list.title.len())
        .map(|r| format!("A{r}:{}{r}", crate::import::column_letter(width - 1)))
        .collect();
    // Section rows ("I. TẬP THỂ") merged across the table after the number.
    for (i, row) in list.rows.iter().enumerate() {
        if matches!(row[0].text(), "I" | "II") {
            let r = header_row + 1 + i;
            merges.push(format!(
                "B{r}:{}{r}",
                crate::import::column_letter(width - 1)
            ));
        }
    }
    let main = to_x(&cells);
    let summary = to_x(&list.summary);
    let merge_refs: Vec<&str> = merges.iter().map(String::as_str).collect();
    write_workbook(
        dir,
        name,
        &[(sheet, &main, &merge_refs), ("Tổng hợp", &summary, &[])],
    )
}

fn to_x(rows: &[Vec<C>]) -> Vec<Vec<X<'_>>> {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    C::E => X::E,
                    C::S(s) => X::S(s.as_str()),
                    C::N(s) => X::N(s.as_str()),
                    C::D(s) => X::D(s.as_str()),
                })
                .collect()
        })
        .collect()
}

/// CSV as Excel's "CSV UTF-8" writes it: BOM, commas, CRLF; a date cell as it shows it.
fn write_csv(dir: &Path, name: &str, list: &List) -> PathBuf {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for t in &list.title {
        w.write_record([t.as_str()]).unwrap();
    }
    w.write_record([""]).unwrap();
    w.write_record(&list.header).unwrap();
    for row in &list.rows {
        let texts: Vec<String> = row
            .iter()
            .map(|c| match c {
                C::D(serial) => {
                    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                    let d = base + chrono::Duration::days(serial.parse().unwrap());
                    d.format("%d/%m/%Y").to_string()
                }
                other => other.text().to_string(),
            })
            .collect();
        w.write_record(&texts).unwrap();
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(w.into_inner().unwrap());
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The seed agenda with its speakers named as the list names them: a list without codes is
/// referred to by name.
fn agenda_by_name() -> String {
    let honorees: HonoreesFile = seed("data/honorees.yaml");
    let mut text = std::fs::read_to_string(repo().join("data/agenda.yaml")).unwrap();
    for h in &honorees.honorees {
        text = text.replace(
            &format!("{{honoree: {},", h.id),
            &format!("{{honoree: {},", h.name),
        );
    }
    text
}

/// Every generated file: (path in the repository, bytes).
fn generate() -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut out = Vec::new();
    let mut add = |rel: &str, path: PathBuf| {
        out.push((rel.to_string(), std::fs::read(path).unwrap()));
    };
    let (h, dl) = (honorees(false), delegates(false));
    add(
        "data/examples/honorees.xlsx",
        write_xlsx(d, "h.xlsx", &h, "Danh sách khen thưởng"),
    );
    add("data/examples/honorees.csv", write_csv(d, "h.csv", &h));
    add(
        "data/examples/delegates.xlsx",
        write_xlsx(d, "d.xlsx", &dl, "Đại biểu"),
    );
    add("data/examples/delegates.csv", write_csv(d, "d.csv", &dl));
    let (h, dl) = (honorees(true), delegates(true));
    add(
        "tests/fixtures/office-lists/data/honorees.xlsx",
        write_xlsx(d, "hq.xlsx", &h, "Danh sách khen thưởng"),
    );
    add(
        "tests/fixtures/office-lists/data/delegates.csv",
        write_csv(d, "dq.csv", &dl),
    );
    out.push((
        "tests/fixtures/office-lists/data/agenda.yaml".into(),
        agenda_by_name().into_bytes(),
    ));
    out
}

#[test]
fn generated_lists_are_committed() {
    let write = std::env::var_os("VINHDANH_WRITE_FIXTURES").is_some();
    for (rel, bytes) in generate() {
        let path = repo().join(&rel);
        if write {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == bytes,
            "{rel} is not what src/load/office_lists.rs writes: \
             VINHDANH_WRITE_FIXTURES=1 cargo test --release --lib office_lists"
        );
    }
}
