//! "Tải bản đánh dấu lỗi": a copy of the clerk's own list (Excel or CSV) as an .xlsx, its
//! values as they are, each cell a problem of `check` points at filled (red for an error,
//! yellow for a warning) with a note saying what is wrong and how to fix it. The clerk's file
//! itself is never written.

use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, Note, Workbook, XlsxError};

use crate::diag::{Diagnostics, Severity};

/// The cells of the first sheet: (row, column) from 0, and the text or number.
enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
}

/// The marked copy of the list at `path` (`rel` as the diagnostics name it: `data/x.xlsx`).
pub fn marked_copy(path: &Path, rel: &str, diags: &Diagnostics) -> Result<Vec<u8>, String> {
    let (name, cells) = read(path)?;
    // Problems by cell: (row, column) from 0; a problem with a row only goes on its first cell.
    let mut marks: BTreeMap<(u32, u16), (bool, Vec<String>)> = BTreeMap::new();
    for d in &diags.0 {
        let Some(loc) = d.location.as_deref() else {
            continue;
        };
        if loc.file != rel || !matches!(d.severity, Severity::Error | Severity::Warning) {
            continue;
        }
        let Some(row) = loc.line.filter(|r| *r >= 1) else {
            continue;
        };
        let col = loc
            .cell_column
            .as_deref()
            .and_then(column_index)
            .unwrap_or(0);
        let mut text = d.message.clone();
        if let Some(h) = &d.hint {
            text.push_str("\n→ ");
            text.push_str(h);
        }
        let e = marks
            .entry(((row - 1) as u32, col))
            .or_insert((false, Vec::new()));
        e.0 |= d.severity == Severity::Error;
        e.1.push(text);
    }
    write(&name, &cells, &marks).map_err(|e| e.to_string())
}

/// `C` → 2, `AA` → 26.
fn column_index(letters: &str) -> Option<u16> {
    let mut n: u32 = 0;
    for c in letters.chars() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        n = n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    u16::try_from(n.checked_sub(1)?).ok()
}

type Cells = Vec<((u32, u16), Cell)>;

fn read(path: &Path) -> Result<(String, Cells), String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if ext == "csv" {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let delim = if first.matches(';').count() > first.matches(',').count() {
            b';'
        } else {
            b','
        };
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(text.as_bytes());
        let mut cells = Vec::new();
        for (i, rec) in r.records().enumerate() {
            let rec = rec.map_err(|e| e.to_string())?;
            for (j, v) in rec.iter().enumerate() {
                if !v.is_empty() {
                    cells.push(((i as u32, j as u16), Cell::Text(v.to_string())));
                }
            }
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("Sheet1")
            .chars()
            .take(31)
            .collect();
        return Ok((name, cells));
    }
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| "no sheet".to_string())?;
    let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (i, row) in range.rows().enumerate() {
        for (j, v) in row.iter().enumerate() {
            let at = ((r0 as usize + i) as u32, (c0 as usize + j) as u16);
            let cell = match v {
                Data::Empty => continue,
                Data::String(s) => Cell::Text(s.clone()),
                Data::Float(f) => Cell::Number(*f),
                Data::Int(n) => Cell::Number(*n as f64),
                Data::Bool(b) => Cell::Bool(*b),
                other => Cell::Text(other.to_string()),
            };
            cells.push((at, cell));
        }
    }
    Ok((name, cells))
}

fn write(
    name: &str,
    cells: &Cells,
    marks: &BTreeMap<(u32, u16), (bool, Vec<String>)>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    if sheet.set_name(name).is_err() {
        sheet.set_name("Sheet1")?;
    }
    let error = Format::new()
        .set_background_color(Color::RGB(0xFFC7CE))
        .set_font_color(Color::RGB(0x9C0006));
    let warning = Format::new()
        .set_background_color(Color::RGB(0xFFEB9C))
        .set_font_color(Color::RGB(0x9C5700));
    let plain = Format::new();
    let mut written = std::collections::BTreeSet::new();
    for (at, cell) in cells {
        let format = match marks.get(at) {
            Some((true, _)) => &error,
            Some((false, _)) => &warning,
            None => &plain,
        };
        match cell {
            Cell::Text(s) => sheet.write_string_with_format(at.0, at.1, s, format)?,
            Cell::Number(n) => sheet.write_number_with_format(at.0, at.1, *n, format)?,
            Cell::Bool(b) => sheet.write_boolean_with_format(at.0, at.1, *b, format)?,
        };
        written.insert(*at);
    }
    for (at, (is_error, texts)) in marks {
        if !written.contains(at) {
            sheet.write_blank(at.0, at.1, if *is_error { &error } else { &warning })?;
        }
        let note = Note::new(texts.join("\n\n")).set_author("vinhdanh");
        sheet.insert_note(at.0, at.1, &note)?;
    }
    sheet.set_column_range_width(0, 12, 22)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostic, Location};

    #[test]
    fn letters_are_columns() {
        assert_eq!(column_index("A"), Some(0));
        assert_eq!(column_index("C"), Some(2));
        assert_eq!(column_index("AA"), Some(26));
        assert_eq!(column_index("1"), None);
    }

    /// The copy holds the list's values, and the located cell is filled and has a note: read
    /// back with calamine (values) and from the file's XML (fill, note).
    #[test]
    fn a_csv_copy_marks_the_cell_a_problem_names() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("list.csv");
        std::fs::write(&csv, "\u{feff}STT;Họ và tên;Nhóm\n1;Nguyễn Văn A;xyz\n").unwrap();
        let mut d = Diagnostic::error("nhóm “xyz” không có trong Kế hoạch").hint("ghi mã nhóm");
        d.location = Some(Box::new(Location {
            file: "data/list.csv".into(),
            line: Some(2),
            cell_column: Some("C".into()),
            ..Location::default()
        }));
        let bytes = marked_copy(&csv, "data/list.csv", &Diagnostics(vec![d])).unwrap();
        let out = dir.path().join("out.xlsx");
        std::fs::write(&out, &bytes).unwrap();
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto(&out).unwrap();
        let range = book.worksheet_range("list").unwrap();
        assert_eq!(range.get_value((1, 1)).unwrap().to_string(), "Nguyễn Văn A");
        assert_eq!(range.get_value((1, 2)).unwrap().to_string(), "xyz");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        for name in ["xl/comments1.xml", "xl/styles.xml"] {
            use std::io::Read;
            zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        }
        assert!(
            xml.contains("không có trong Kế hoạch") && xml.contains("ghi mã nhóm"),
            "{xml}"
        );
        assert!(xml.contains("FFC7CE"), "the red fill");
        assert!(
            xml.contains("ref=\"C2\"") || xml.contains("ref=\"C2\" "),
            "the note on C2"
        );
    }
}
