//! End-to-end tests on files written to a temporary directory: CSV as text
//! or raw bytes, and minimal .xlsx packages assembled with `zip`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::legacy::{self, Legacy};
use super::*;

const SPEC: &[FieldSpec] = &[
    FieldSpec {
        key: "stt",
        label: "STT",
        synonyms: &["Số thứ tự", "TT"],
        required: false,
    },
    FieldSpec {
        key: "ho_ten",
        label: "Họ và tên",
        synonyms: &["Họ tên", "Tên đại biểu"],
        required: true,
    },
    FieldSpec {
        key: "nam_sinh",
        label: "Năm sinh",
        synonyms: &[],
        required: false,
    },
    FieldSpec {
        key: "chuc_vu",
        label: "Chức vụ",
        synonyms: &["Chức danh"],
        required: true,
    },
];

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn values(records: &[Record], key: &str) -> Vec<String> {
    records
        .iter()
        .map(|r| r.get(key).unwrap_or("").to_string())
        .collect()
}

// ---------------------------------------------------------------------------
// Header and value helpers

#[test]
fn header_normalisation() {
    let n = normalize_header("Họ và tên");
    assert_eq!(n, "hovaten");
    for variant in [
        "HO VA TEN",
        "họ  và tên:",
        "HỌ VÀ TÊN",
        " Họ và tên (*)",
        "Ho_va_ten",
    ] {
        assert_eq!(normalize_header(variant), n, "{variant}");
    }
    assert_eq!(normalize_header("Đơn vị"), "donvi");
    let nfd: String = "Chức vụ".nfd().collect();
    assert_eq!(normalize_header(&nfd), "chucvu");
}

#[test]
fn value_cleaning() {
    let nfd: String = "Nguyễn".nfd().collect();
    assert_eq!(
        clean_value(&format!("  {nfd}\u{A0}\u{A0}Văn\n An\t")),
        "Nguyễn Văn An"
    );
    assert_eq!(clean_value("\u{FEFF}An\u{200B}"), "An");
    assert_eq!(clean_value("   "), "");
}

#[test]
fn column_letters() {
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(2), "C");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(27), "AB");
    assert_eq!(column_letter(701), "ZZ");
    assert_eq!(column_letter(702), "AAA");
}

// ---------------------------------------------------------------------------
// CSV

#[test]
fn csv_headers_with_variations_and_synonyms() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "danh-sach.csv",
        "stt,HO VA TEN,năm  sinh,Chức danh:,Ghi chú\n\
         1,Nguyễn Văn An,1978,Bí thư,\n\
         2,  Trần   Thị Ánh ,,Chủ tịch,x\n"
            .as_bytes(),
    );
    let t = read_table_full(&p, SPEC).unwrap();
    assert_eq!(t.header_row, 1);
    assert_eq!(
        values(&t.records, "ho_ten"),
        ["Nguyễn Văn An", "Trần Thị Ánh"]
    );
    assert_eq!(values(&t.records, "nam_sinh"), ["1978", ""]);
    assert_eq!(values(&t.records, "chuc_vu"), ["Bí thư", "Chủ tịch"]);
    let c = t.records[1].cell("ho_ten").unwrap();
    assert_eq!((c.row, c.column.as_str()), (3, "B"));
    assert_eq!(t.records[0].row, 2);
    assert!(!t.records[1].cells.contains_key("nam_sinh"));
    assert_eq!(
        t.ignored_columns,
        [IgnoredColumn {
            column: "E".into(),
            header: "Ghi chú".into()
        }]
    );
    assert!(
        t.warnings.iter().any(|w| w.message.contains("Ghi chú")),
        "{:?}",
        t.warnings
    );
    assert_eq!(
        t.columns.iter().map(|c| c.key).collect::<Vec<_>>(),
        ["stt", "ho_ten", "nam_sinh", "chuc_vu"]
    );
}

#[test]
fn csv_bom_semicolon_quotes_and_nfd() {
    let dir = tempfile::tempdir().unwrap();
    let nfd_name: String = "Lê Thị Hồng".nfd().collect();
    let text = format!(
        "\u{FEFF}Họ và tên;Chức vụ\r\n{nfd_name};\"Phó Bí thư; Chủ tịch HĐND\"\r\n\"Đặng \"\"Hữu\"\" Phúc\";Trưởng thôn\r\n"
    );
    let p = write(dir.path(), "ds.csv", text.as_bytes());
    let recs = read_table(&p, SPEC).unwrap();
    assert_eq!(
        values(&recs, "ho_ten"),
        ["Lê Thị Hồng", "Đặng \"Hữu\" Phúc"]
    );
    assert_eq!(
        values(&recs, "chuc_vu"),
        ["Phó Bí thư; Chủ tịch HĐND", "Trưởng thôn"]
    );
    assert_eq!(recs[0].cell("chuc_vu").unwrap().column, "B");
}

#[test]
fn csv_excel_sep_line_and_tabs() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.csv",
        "sep=;\nHọ tên;Chức vụ;STT\nAn;Xã đội trưởng;1\n".as_bytes(),
    );
    let recs = read_table(&p, SPEC).unwrap();
    assert_eq!(recs[0].row, 2);
    assert_eq!(recs[0].get("stt"), Some("1"));
    let p = write(
        dir.path(),
        "b.csv",
        "Họ tên\tChức vụ\nAn\tCông an\n".as_bytes(),
    );
    assert_eq!(
        read_table(&p, SPEC).unwrap()[0].get("chuc_vu"),
        Some("Công an")
    );
}

#[test]
fn csv_utf16_unicode_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Họ và tên\tChức vụ\r\nNgô Thì Nhậm\tBí thư\r\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let p = write(dir.path(), "u.csv", &bytes);
    let recs = read_table(&p, SPEC).unwrap();
    assert_eq!(values(&recs, "ho_ten"), ["Ngô Thì Nhậm"]);
}

#[test]
fn csv_empty_rows_and_rows_without_wanted_data_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.csv",
        "STT,Họ và tên,Chức vụ,Ghi chú\n\
         1,An,Bí thư,\n\
         ,,,\n\
         \n\
         2,Bình,Phó Bí thư,\n\
         ,,,ghi chú lẻ\n"
            .as_bytes(),
    );
    let t = read_table_full(&p, SPEC).unwrap();
    assert_eq!(values(&t.records, "ho_ten"), ["An", "Bình"]);
    assert_eq!(t.records[1].row, 5);
    assert!(
        t.warnings.iter().any(|w| w.message.contains("dòng 6")),
        "{:?}",
        t.warnings
    );
}

#[test]
fn csv_title_rows_above_header_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.csv",
        "DANH SÁCH ĐẠI BIỂU,,\n\
         ,,\n\
         TT,Họ và tên,Chức vụ\n\
         1,An,Bí thư\n"
            .as_bytes(),
    );
    let t = read_table_full(&p, SPEC).unwrap();
    assert_eq!(t.header_row, 3);
    assert_eq!(t.records[0].row, 4);
    assert!(
        t.warnings[0].message.contains("Bỏ qua 1 dòng"),
        "{:?}",
        t.warnings
    );
    assert_eq!(t.warnings[0].row, Some(1));
}

#[test]
fn csv_missing_column_suggests_closest_header() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "thieu-cot.csv",
        "STT,Họ tên đầy đủ,Chức vụ,Đơn vị\n1,An,Bí thư,Thôn 1\n".as_bytes(),
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MissingColumn);
    assert_eq!(e.row(), Some(1));
    assert!(e.message().contains("\"Họ và tên\""), "{e}");
    let hint = e.hint().unwrap();
    assert!(hint.contains("\"Họ tên đầy đủ\""), "{hint}");
    assert!(hint.contains("\"Đơn vị\""), "{hint}");
    assert!(hint.contains("Có phải là cột B"), "{hint}");
    assert!(
        e.to_string()
            .starts_with("thieu-cot.csv, dòng 1: Không tìm thấy cột"),
        "{e}"
    );

    // Nothing similar: no suggestion, but the headers found are listed.
    let p = write(
        dir.path(),
        "b.csv",
        "Đơn vị,Chức vụ\nThôn 1,Bí thư\n".as_bytes(),
    );
    let e = read_table(&p, SPEC).unwrap_err();
    let hint = e.hint().unwrap();
    assert!(!hint.contains("Có phải"), "{hint}");
    assert!(hint.contains("\"Đơn vị\""), "{hint}");
}

#[test]
fn csv_missing_required_value_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "danh-sach.csv",
        "STT,Năm sinh,Họ và tên,Chức vụ\n1,1970,An,Bí thư\n2,1980,Bình,\n".as_bytes(),
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MissingValue);
    assert_eq!((e.row(), e.column()), (Some(3), Some("D")));
    assert!(e.message().contains("Chức vụ"));
    assert_eq!(
        e.to_string(),
        "danh-sach.csv, dòng 3, cột D: Ô \"Chức vụ\" đang trống. \
         (Hãy điền \"Chức vụ\" cho dòng này, hoặc xoá cả dòng nếu không dùng.)"
    );
}

#[test]
fn csv_duplicate_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.csv",
        "Họ và tên,Chức vụ,Họ tên\nAn,Bí thư,An\n".as_bytes(),
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::DuplicateColumn);
    assert_eq!((e.row(), e.column()), (Some(1), Some("C")));
    assert!(
        e.message().contains("cột A") && e.message().contains("cột C"),
        "{e}"
    );
}

#[test]
fn csv_not_utf8_names_row_and_encoding() {
    let dir = tempfile::tempdir().unwrap();
    // "Hà Nội" in Windows-1258: H, à = E0, space, N, ô = F4, combining dot = F2, i.
    let mut bytes = b"H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan,Ch\xe1\xbb\xa9c v\xe1\xbb\xa5\n".to_vec();
    bytes.extend(b"An,Bi thu\n");
    bytes.extend(b"Nguyen Van Binh,H\xe0 N\xf4\xf2i\n");
    let p = write(dir.path(), "cu.csv", &bytes);
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::NotUtf8);
    assert_eq!((e.row(), e.column()), (Some(3), Some("B")));
    assert!(e.message().contains("Windows-1258"), "{e}");
    assert!(
        e.hint()
            .unwrap()
            .contains("Lưu lại bằng Excel: CSV UTF-8 (Comma delimited)"),
        "{e}"
    );
}

#[test]
fn csv_tcvn3_cell() {
    let dir = tempfile::tempdir().unwrap();
    // Typed entirely in TCVN3, as a whole file from an old machine would be.
    let cell = legacy::encode(Legacy::Tcvn3, "Trưởng thôn Hà Nội");
    assert_eq!(cell, "Tr\u{AD}ëng th«n Hµ Néi");
    let p = write(
        dir.path(),
        "a.csv",
        format!("Họ và tên,Chức vụ\nNguyễn Văn An,Bí thư\nTrần Bình,{cell}\n").as_bytes(),
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::LegacyEncoding(Legacy::Tcvn3));
    assert_eq!((e.row(), e.column()), (Some(3), Some("B")));
    let hint = e.hint().unwrap();
    assert!(hint.contains("TCVN3 (ABC)"), "{hint}");
    assert!(hint.contains("\"Trưởng thôn Hà Nội\""), "{hint}");
    assert!(hint.contains("Ctrl+Shift+F6"), "{hint}");
}

#[test]
fn csv_vni_cell() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.csv",
        "Họ và tên,Chức vụ\nNguyeãn Vaên An,Bí thư\n".as_bytes(),
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::LegacyEncoding(Legacy::Vni));
    assert_eq!((e.row(), e.column()), (Some(2), Some("A")));
    assert!(e.hint().unwrap().contains("\"Nguyễn Văn An\""), "{e}");
    assert!(e.hint().unwrap().contains("bảng mã VNI"), "{e}");
}

#[test]
fn legacy_headers_are_reported_and_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let header = legacy::encode(Legacy::Tcvn3, "Họ và tên,Chức vụ");
    let p = write(
        dir.path(),
        "a.csv",
        format!("{header}\nAn,Bí thư\n,Chủ tịch\n").as_bytes(),
    );
    let e = read_table(&p, SPEC).unwrap_err();
    let found: Vec<_> = e.iter().map(|e| (e.kind(), e.row(), e.column())).collect();
    // Both headers are named as garbled, not as missing columns; the columns
    // are still read, so the empty name below is found in the same run.
    assert_eq!(
        found,
        [
            (
                ImportErrorKind::LegacyEncoding(Legacy::Tcvn3),
                Some(1),
                Some("A")
            ),
            (
                ImportErrorKind::LegacyEncoding(Legacy::Tcvn3),
                Some(1),
                Some("B")
            ),
            (ImportErrorKind::MissingValue, Some(3), Some("A")),
        ],
        "{e}"
    );
}

#[test]
fn legacy_text_in_ignored_columns_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.csv",
        "Họ và tên,Chức vụ,Ghi chú\nAn,Bí thư,Hµ Néi\n".as_bytes(),
    );
    assert_eq!(read_table(&p, SPEC).unwrap().len(), 1);
}

#[test]
fn foreign_names_are_not_legacy() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.csv",
        "Họ và tên,Chức vụ\nZoë Müller,Khách mời\nĐặng Hữu Phúc,Bí thư\nJosé Muñoz,Khách mời\n"
            .as_bytes(),
    );
    assert_eq!(read_table(&p, SPEC).unwrap().len(), 3);
}

#[test]
fn empty_file_and_bad_extension_and_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.csv", b"\n,,\n");
    assert_eq!(
        read_table(&p, SPEC).unwrap_err().kind(),
        ImportErrorKind::Empty
    );
    let p = write(dir.path(), "a.docx", b"x");
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::UnsupportedFormat);
    assert!(e.message().contains(".docx"));
    let e = read_table(&dir.path().join("khong-co.xlsx"), SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::Io);
    let e = read_table(&dir.path().join("khong-co.csv"), SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::Io);
    assert!(
        e.to_string()
            .starts_with("khong-co.csv: Không tìm thấy tệp.")
    );
    let p = write(dir.path(), "hong.xlsx", b"not a zip");
    assert_eq!(
        read_table(&p, SPEC).unwrap_err().kind(),
        ImportErrorKind::Unreadable
    );
}

// ---------------------------------------------------------------------------
// XLSX

/// A cell of a generated worksheet.
pub(crate) enum X<'a> {
    E,
    S(&'a str),
    N(&'a str),
    /// Excel serial date shown with a date format.
    D(&'a str),
    B(bool),
    Err(&'a str),
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The XML of one worksheet; `rows[i]` is sheet row i + 1.
fn sheet_xml(rows: &[Vec<X<'_>>], merges: &[&str]) -> String {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (i, row) in rows.iter().enumerate() {
        let r = i + 1;
        sheet.push_str(&format!(r#"<row r="{r}">"#));
        for (j, cell) in row.iter().enumerate() {
            let at = format!("{}{r}", column_letter(j));
            let xml = match cell {
                X::E => continue,
                X::S(s) => format!(
                    r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    xml_escape(s)
                ),
                X::N(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                X::D(n) => format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#),
                X::B(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*b)),
                X::Err(e) => format!(r#"<c r="{at}" t="e"><v>{e}</v></c>"#),
            };
            sheet.push_str(&xml);
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData>");
    if !merges.is_empty() {
        sheet.push_str(&format!(r#"<mergeCells count="{}">"#, merges.len()));
        for m in merges {
            sheet.push_str(&format!(r#"<mergeCell ref="{m}"/>"#));
        }
        sheet.push_str("</mergeCells>");
    }
    sheet.push_str("</worksheet>");
    sheet
}

/// One worksheet of a generated workbook: name, rows, merged ranges.
pub(crate) type SheetSpec<'a> = (&'a str, &'a [Vec<X<'a>>], &'a [&'a str]);

/// Writes a workbook with the given worksheets, in order.
pub(crate) fn write_workbook(dir: &Path, name: &str, sheets: &[SheetSpec<'_>]) -> PathBuf {
    let mut overrides = String::new();
    let mut entries = String::new();
    let mut rels = String::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for (i, (sheet_name, rows, merges)) in sheets.iter().enumerate() {
        let n = i + 1;
        overrides.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        entries.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            xml_escape(sheet_name)
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
        files.push((
            format!("xl/worksheets/sheet{n}.xml"),
            sheet_xml(rows, merges),
        ));
    }
    let styles_id = sheets.len() + 1;
    files.extend([
        (
            "[Content_Types].xml".to_string(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels".to_string(),
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string(),
        ),
        (
            "xl/workbook.xml".to_string(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{entries}</sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}<Relationship Id="rId{styles_id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/styles.xml".to_string(),
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_string(),
        ),
    ]);
    let path = dir.join(name);
    let file = std::fs::File::create(&path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    path
}

/// Writes a one-sheet workbook (sheet "Danh sách"); `rows[i]` is sheet row i + 1.
pub(crate) fn write_xlsx(dir: &Path, name: &str, rows: &[Vec<X<'_>>], merges: &[&str]) -> PathBuf {
    write_workbook(dir, name, &[("Danh sách", rows, merges)])
}

fn header_row() -> Vec<X<'static>> {
    vec![
        X::S("TT"),
        X::S("Họ và tên"),
        X::S("Năm sinh"),
        X::S("Chức vụ"),
    ]
}

#[test]
fn xlsx_values_title_rows_and_empty_rows() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_xlsx(
        dir.path(),
        "danh-sach.xlsx",
        &[
            vec![X::S("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ")],
            vec![],
            header_row(),
            vec![
                X::N("1"),
                X::S("Nguyễn Thị Ngọc Hương"),
                X::N("1978"),
                X::S("Bí thư Đoàn"),
            ],
            vec![X::E, X::E, X::E, X::E],
            vec![
                X::N("2"),
                X::S(" Lê  Văn\nBình "),
                X::N("1980.5"),
                X::B(true),
            ],
            vec![X::N("3"), X::S("Phạm Thu"), X::D("31108"), X::S("Kế toán")],
        ],
        // The title is merged across the table width: allowed above the header.
        &["A1:D1"],
    );
    let t = read_table_full(&p, SPEC).unwrap();
    assert_eq!(t.header_row, 3);
    assert_eq!(
        values(&t.records, "ho_ten"),
        ["Nguyễn Thị Ngọc Hương", "Lê Văn Bình", "Phạm Thu"]
    );
    assert_eq!(
        values(&t.records, "nam_sinh"),
        ["1978", "1980.5", "1985-03-02"]
    );
    assert_eq!(values(&t.records, "stt"), ["1", "2", "3"]);
    assert_eq!(
        values(&t.records, "chuc_vu"),
        ["Bí thư Đoàn", "TRUE", "Kế toán"]
    );
    assert_eq!(
        t.records.iter().map(|r| r.row).collect::<Vec<_>>(),
        [4, 6, 7]
    );
    let c = t.records[2].cell("nam_sinh").unwrap();
    assert_eq!((c.row, c.column.as_str()), (7, "C"));
}

#[test]
fn xlsx_table_not_starting_at_a1() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_xlsx(
        dir.path(),
        "lech.xlsx",
        &[
            vec![],
            vec![X::E, X::E, X::S("Họ tên"), X::S("Chức danh")],
            vec![X::E, X::E, X::S("An"), X::S("Bí thư")],
            vec![X::E, X::E, X::S("Bình"), X::E],
        ],
        &[],
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MissingValue);
    assert_eq!((e.row(), e.column()), (Some(4), Some("D")));
    assert!(
        e.to_string()
            .starts_with("lech.xlsx, trang tính \"Danh sách\", dòng 4, cột D: "),
        "{e}"
    );
}

#[test]
fn xlsx_merged_cell_in_data_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_xlsx(
        dir.path(),
        "gop.xlsx",
        &[
            vec![X::S("Danh sách")],
            vec![],
            vec![],
            header_row(),
            vec![X::N("1"), X::S("An"), X::N("1970"), X::S("Bí thư")],
            vec![X::N("2"), X::E, X::N("1971"), X::S("Phó Bí thư")],
            vec![X::N("3"), X::E, X::N("1972"), X::S("Ủy viên")],
        ],
        &["B5:B7"],
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MergedCells);
    assert_eq!((e.row(), e.column()), (Some(5), Some("B")));
    assert!(e.message().contains("ô gộp B5:B7"), "{e}");
    assert!(e.hint().unwrap().contains("từng dòng"), "{e}");
    // B6 and B7 are empty because of the merge: not reported again.
    assert_eq!(e.len(), 1, "{e}");
}

#[test]
fn xlsx_merged_header_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_xlsx(
        dir.path(),
        "gop.xlsx",
        &[
            vec![X::S("Họ và tên"), X::E, X::S("Chức vụ")],
            vec![X::S("Nguyễn"), X::S("An"), X::S("Bí thư")],
        ],
        &["A1:B1"],
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MergedCells);
    assert!(e.message().contains("A1:B1"), "{e}");
}

#[test]
fn xlsx_error_cell() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_xlsx(
        dir.path(),
        "loi.xlsx",
        &[
            header_row(),
            vec![X::N("1"), X::S("An"), X::Err("#N/A"), X::S("Bí thư")],
        ],
        &[],
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::CellError);
    assert_eq!((e.row(), e.column()), (Some(2), Some("C")));
    assert!(e.message().contains("#N/A"), "{e}");
}

#[test]
fn xlsx_legacy_cells() {
    let dir = tempfile::tempdir().unwrap();
    let tcvn3 = legacy::encode(Legacy::Tcvn3, "Đoàn Thanh niên");
    let vni = legacy::encode(Legacy::Vni, "Thượng Lâm Hồng");
    let p = write_xlsx(
        dir.path(),
        "cu.xlsx",
        &[
            header_row(),
            vec![X::N("1"), X::S("Nguyễn Văn An"), X::E, X::S("Bí thư")],
            vec![X::N("2"), X::S("Lê Bình"), X::E, X::S(&tcvn3)],
        ],
        &[],
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::LegacyEncoding(Legacy::Tcvn3));
    assert_eq!((e.row(), e.column()), (Some(3), Some("D")));
    assert!(
        e.hint()
            .unwrap()
            .starts_with("có vẻ được gõ bằng bảng mã TCVN3 (ABC); nội dung đúng có lẽ là \"Đoàn Thanh niên\". Hãy chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6) rồi lưu lại."),
        "{e}"
    );
    let p = write_xlsx(
        dir.path(),
        "vni.xlsx",
        &[
            header_row(),
            vec![X::N("1"), X::S(&vni), X::E, X::S("Bí thư")],
        ],
        &[],
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::LegacyEncoding(Legacy::Vni));
    assert_eq!((e.row(), e.column()), (Some(2), Some("B")));
    assert!(e.hint().unwrap().contains("\"Thượng Lâm Hồng\""), "{e}");
}

#[test]
fn xlsx_missing_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_xlsx(
        dir.path(),
        "a.xlsx",
        &[
            vec![X::S("STT"), X::S("Họ và tên"), X::S("Chức vụ đảm nhiệm")],
            vec![X::N("1"), X::S("An"), X::S("Bí thư")],
        ],
        &[],
    );
    let e = read_table(&p, SPEC).unwrap_err();
    assert_eq!(e.kind(), ImportErrorKind::MissingColumn);
    assert!(e.hint().unwrap().contains("Có phải là cột C"), "{e}");
}

// ---------------------------------------------------------------------------
// Every problem in one run

#[test]
fn xlsx_three_header_problems_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let garbled = legacy::encode(Legacy::Tcvn3, "Năm sinh");
    let p = write_xlsx(
        dir.path(),
        "tieu-de.xlsx",
        &[
            vec![X::S("DANH SÁCH ĐẠI BIỂU")],
            vec![
                X::S("TT"),
                X::S("Họ tên"),
                X::S(&garbled),
                X::S("Họ và tên"),
            ],
            vec![X::N("1"), X::S("An"), X::N("1978"), X::S("An")],
        ],
        &[],
    );
    let e = read_table_full(&p, SPEC).unwrap_err();
    let found: Vec<_> = e.iter().map(|e| (e.kind(), e.row(), e.column())).collect();
    assert_eq!(
        found,
        [
            (
                ImportErrorKind::LegacyEncoding(Legacy::Tcvn3),
                Some(2),
                Some("C")
            ),
            (ImportErrorKind::DuplicateColumn, Some(2), Some("D")),
            (ImportErrorKind::MissingColumn, Some(2), None),
        ],
        "{e}"
    );
    assert!(e.iter().all(|e| e.sheet() == Some("Danh sách")), "{e}");
    assert!(e.iter().all(|e| e.hint().is_some()), "{e}");
    let lines: Vec<String> = e.to_string().lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{e}");
    assert!(
        lines[0].starts_with(
            "tieu-de.xlsx, trang tính \"Danh sách\", dòng 2, cột C: Chữ trong ô bị lỗi phông"
        ),
        "{e}"
    );
    assert!(
        lines[1].starts_with("tieu-de.xlsx, trang tính \"Danh sách\", dòng 2, cột D: Có hai cột cùng là \"Họ và tên\": cột B (\"Họ tên\") và cột D"),
        "{e}"
    );
    assert!(
        lines[2].starts_with(
            "tieu-de.xlsx, trang tính \"Danh sách\", dòng 2: Không tìm thấy cột \"Chức vụ\"."
        ),
        "{e}"
    );
}

#[test]
fn csv_two_bad_cells_in_different_rows_are_both_reported() {
    let dir = tempfile::tempdir().unwrap();
    let vni = legacy::encode(Legacy::Vni, "Nguyễn Văn Dũng");
    let p = write(
        dir.path(),
        "hai-loi.csv",
        format!(
            "Họ và tên,Chức vụ\n\
             Nguyễn Văn An,Bí thư\n\
             Trần Bình,\n\
             Lê Chi,Phó Bí thư\n\
             {vni},Ủy viên\n"
        )
        .as_bytes(),
    );
    let e = read_table_full(&p, SPEC).unwrap_err();
    let found: Vec<_> = e.iter().map(|e| (e.kind(), e.row(), e.column())).collect();
    assert_eq!(
        found,
        [
            (ImportErrorKind::MissingValue, Some(3), Some("B")),
            (
                ImportErrorKind::LegacyEncoding(Legacy::Vni),
                Some(5),
                Some("A")
            ),
        ],
        "{e}"
    );
    assert_eq!(
        e.iter().filter_map(|e| e.sheet()).count(),
        0,
        "CSV has no sheets"
    );
    let text = e.to_string();
    assert!(
        text.contains("hai-loi.csv, dòng 3, cột B: Ô \"Chức vụ\" đang trống."),
        "{text}"
    );
    assert!(
        text.contains("hai-loi.csv, dòng 5, cột A: Chữ trong ô bị lỗi phông"),
        "{text}"
    );

    // The lenient reader gives the rows it could read along with the problems.
    let (t, problems) = read_table_lenient(&p, SPEC).unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(
        values(&t.records, "ho_ten"),
        ["Nguyễn Văn An", "Trần Bình", "Lê Chi", ""]
    );
    assert_eq!(t.records[3].get("chuc_vu"), Some("Ủy viên"));
}

#[test]
fn xlsx_every_cell_problem_and_every_merge() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_xlsx(
        dir.path(),
        "nhieu-loi.xlsx",
        &[
            header_row(),
            vec![X::N("1"), X::S("An"), X::Err("#REF!"), X::S("Bí thư")],
            vec![X::N("2"), X::S("Bình"), X::N("1970"), X::E],
            vec![X::E, X::S("Chi"), X::N("1971"), X::S("Ủy viên")],
            vec![X::N("4"), X::E, X::N("1972"), X::S("Ủy viên")],
            vec![X::N("5"), X::S("Dũng"), X::N("1973"), X::Err("#N/A")],
        ],
        &["A3:A4", "B4:B5"],
    );
    let e = read_table_full(&p, SPEC).unwrap_err();
    let found: Vec<_> = e.iter().map(|e| (e.kind(), e.row(), e.column())).collect();
    assert_eq!(
        found,
        [
            (ImportErrorKind::CellError, Some(2), Some("C")),
            (ImportErrorKind::MergedCells, Some(3), Some("A")),
            (ImportErrorKind::MissingValue, Some(3), Some("D")),
            (ImportErrorKind::MergedCells, Some(4), Some("B")),
            (ImportErrorKind::CellError, Some(6), Some("D")),
        ],
        "{e}"
    );
}

#[test]
fn xlsx_unknown_column_is_a_located_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut header = header_row();
    header.push(X::S("Ghi chú"));
    let p = write_xlsx(
        dir.path(),
        "thua-cot.xlsx",
        &[
            header,
            vec![
                X::N("1"),
                X::S("An"),
                X::E,
                X::S("Bí thư"),
                X::S("đến muộn"),
            ],
        ],
        &[],
    );
    let t = read_table_full(&p, SPEC).unwrap();
    assert_eq!(t.sheet.as_deref(), Some("Danh sách"));
    assert_eq!(
        t.warnings,
        [ImportWarning {
            sheet: Some("Danh sách".into()),
            row: Some(1),
            column: Some("E".into()),
            message: "Cột E (\"Ghi chú\") không dùng đến, đã bỏ qua.".into(),
            info: false,
        }]
    );
    assert_eq!(
        t.warnings[0].to_string(),
        "trang tính \"Danh sách\", dòng 1, cột E: Cột E (\"Ghi chú\") không dùng đến, đã bỏ qua."
    );
}

#[test]
fn other_sheets_with_data_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let list = [
        header_row(),
        vec![X::N("1"), X::S("An"), X::E, X::S("Bí thư")],
    ];
    let more = [vec![X::N("2"), X::S("Bình"), X::E, X::S("Chủ tịch")]];
    let p = write_workbook(
        dir.path(),
        "nhieu-trang.xlsx",
        &[
            ("Đợt 1", &list, &[]),
            ("Đợt 2", &more, &[]),
            ("Sheet3", &[], &[]),
        ],
    );
    let t = read_table_full(&p, SPEC).unwrap();
    assert_eq!(t.sheet.as_deref(), Some("Đợt 1"));
    assert_eq!(t.records.len(), 1);
    assert_eq!(t.warnings.len(), 1, "{:?}", t.warnings);
    let w = &t.warnings[0].message;
    assert!(w.contains("\"Đợt 2\"") && !w.contains("Sheet3"), "{w}");
}

/// Section rows as offices write them; other rows are not sections.
#[test]
fn section_rows_of_real_lists() {
    const SECTIONS: &[Section] = &[
        Section {
            key: "collective",
            words: &["Tập thể", "Khen thưởng tập thể"],
        },
        Section {
            key: "individual",
            words: &["Cá nhân"],
        },
    ];
    let row = |cells: &[&str]| RawRow {
        row: 5,
        cells: cells.iter().map(|c| RawCell::Text(c.to_string())).collect(),
    };
    for (cells, want) in [
        (&["I", "TẬP THỂ"][..], Some("collective")),
        (&["I.", "Tập thể"], Some("collective")),
        (&["", "A. Tập thể"], Some("collective")),
        (&["II. CÁ NHÂN"], Some("individual")),
        (&["", "Cá nhân (32)"], Some("individual")),
        (&["B/", "cá nhân:"], Some("individual")),
        (&["1", "Khen thưởng tập thể"], Some("collective")),
        // A record, not a section: more than one text, or another text.
        (&["1", "Tập thể", "Tốt."], None),
        (&["1", "Tập thể lớp 9A"], None),
        (&["Tổng cộng"], None),
        (&[""], None),
    ] {
        assert_eq!(section_row(&row(cells), SECTIONS), want, "{cells:?}");
    }
}
