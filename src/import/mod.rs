//! Reads the lists clerks keep in Excel (.xlsx, .xls, .ods) or CSV.
//!
//! The caller describes the columns it wants with [`FieldSpec`]s (canonical
//! Vietnamese header plus synonyms) and gets back [`Record`]s of cleaned,
//! located strings; mapping them into typed structs is the caller's job.
//!
//! Everything that would silently print wrong documents is refused with an
//! [`ImportError`] that tells the clerk where and how to fix the file:
//! missing or duplicated columns, empty required cells, merged cells (which
//! leave all but the first row empty), Excel error values, CSV files not in
//! UTF-8, and text typed in the legacy TCVN3/VNI encodings. Harmless
//! oddities (unknown columns, title rows above the header) are only reported
//! in [`Table::warnings`].

mod error;
pub mod legacy;
mod source_csv;
mod source_sheet;

use std::collections::BTreeMap;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub use error::{ImportError, ImportErrorKind};

/// One column the caller wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Key of the value in [`Record::cells`].
    pub key: &'static str,
    /// Canonical Vietnamese header, e.g. "Họ và tên"; shown in messages.
    pub label: &'static str,
    /// Other headers clerks use for the same column, e.g. "Họ tên".
    /// Compared like `label`, through [`normalize_header`].
    pub synonyms: &'static [&'static str],
    /// Whether the column must exist and every data row must have a value.
    pub required: bool,
}

/// A non-empty value with its location, so later validation by the caller
/// can still point the clerk to the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// NFC, trimmed, inner whitespace collapsed to single spaces.
    pub value: String,
    /// 1-based row as Excel shows it.
    pub row: usize,
    /// Column letter as Excel shows it ("A", … "Z", "AA", …).
    pub column: String,
}

/// One data row; only the fields with a non-empty value are present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based row as Excel shows it.
    pub row: usize,
    pub cells: BTreeMap<&'static str, Cell>,
}

impl Record {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.cells.get(key).map(|c| c.value.as_str())
    }

    pub fn cell(&self, key: &str) -> Option<&Cell> {
        self.cells.get(key)
    }
}

/// Where a field was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedColumn {
    pub key: &'static str,
    pub column: String,
    /// The header exactly as the clerk wrote it (cleaned).
    pub header: String,
}

/// A column whose header matched no field; its content is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredColumn {
    pub column: String,
    /// Empty when the column has data but no header.
    pub header: String,
}

/// Everything [`read_table_full`] learned about the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub records: Vec<Record>,
    /// 1-based row of the header.
    pub header_row: usize,
    /// Fields found, in column order.
    pub columns: Vec<MappedColumn>,
    pub ignored_columns: Vec<IgnoredColumn>,
    /// Messages in Vietnamese for the clerk about things that were skipped
    /// but did not prevent the import.
    pub warnings: Vec<String>,
}

/// Reads the records of a spreadsheet; see [`read_table_full`].
pub fn read_table(path: &Path, spec: &[FieldSpec]) -> Result<Vec<Record>, ImportError> {
    read_table_full(path, spec).map(|t| t.records)
}

/// Reads a spreadsheet (.xlsx/.xlsm/.xls/.xlsb/.ods: first visible
/// worksheet; .csv: UTF-8, `,` `;` or tab separated).
///
/// The header row is the first row that contains a known header (so title
/// rows above the table are skipped), or else the first non-empty row.
/// Rows without any value in a wanted column are skipped. The first problem
/// found, top to bottom, is returned as a located [`ImportError`].
pub fn read_table_full(path: &Path, spec: &[FieldSpec]) -> Result<Table, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let sheet = match ext.as_str() {
        "csv" | "txt" => source_csv::read(path)?,
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => source_sheet::read(path)?,
        _ => {
            return Err(ImportError::new(
                ImportErrorKind::UnsupportedFormat,
                path,
                if ext.is_empty() {
                    "Tệp không có phần mở rộng nên không biết là loại tệp gì.".to_string()
                } else {
                    format!("Không đọc được loại tệp \".{ext}\".")
                },
            )
            .with_hint("Hãy dùng tệp Excel (.xlsx) hoặc CSV UTF-8 (.csv)."));
        }
    };
    build_table(path, sheet, spec)
}

/// Comparable form of a header: lowercase, without diacritics (đ → d),
/// without spaces or punctuation, so "Họ và tên", "HO VA TEN" and
/// "họ  và tên:" are the same header.
pub fn normalize_header(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// NFC, trimmed, with every run of whitespace (including line breaks typed
/// with Alt+Enter and non-breaking spaces) collapsed to one space, and
/// invisible zero-width characters removed.
pub fn clean_value(s: &str) -> String {
    let nfc: String = s
        .nfc()
        .filter(|c| !matches!(c, '\u{200B}' | '\u{FEFF}'))
        .collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Excel column letter of a 0-based column index: 0 → "A", 26 → "AA".
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Format-independent table building

/// A cell as read from the file, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawCell {
    Text(String),
    /// An Excel error value such as "#N/A".
    Error(String),
}

#[derive(Debug, Clone)]
pub(crate) struct RawRow {
    /// 1-based row as Excel shows it.
    pub row: usize,
    /// Indexed by 0-based column.
    pub cells: Vec<RawCell>,
}

/// An inclusive merged range; rows 1-based, columns 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merged {
    pub first_row: usize,
    pub first_col: usize,
    pub last_row: usize,
    pub last_col: usize,
}

impl Merged {
    fn name(&self) -> String {
        format!(
            "{}{}:{}{}",
            column_letter(self.first_col),
            self.first_row,
            column_letter(self.last_col),
            self.last_row
        )
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct RawSheet {
    pub rows: Vec<RawRow>,
    pub merged: Vec<Merged>,
}

/// Rows scanned for a header before falling back to the first row.
const HEADER_SEARCH_ROWS: usize = 30;

fn cell_text(cell: &RawCell) -> String {
    match cell {
        RawCell::Text(t) => clean_value(t),
        RawCell::Error(e) => e.clone(),
    }
}

fn is_blank(cell: &RawCell) -> bool {
    match cell {
        RawCell::Text(t) => clean_value(t).is_empty(),
        RawCell::Error(_) => false,
    }
}

fn field_for(spec: &[FieldSpec], header: &str) -> Option<usize> {
    let n = normalize_header(header);
    if n.is_empty() {
        return None;
    }
    spec.iter().position(|f| {
        normalize_header(f.label) == n || f.synonyms.iter().any(|s| normalize_header(s) == n)
    })
}

fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Shows at most `max` characters of a cell in a message.
fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

fn build_table(path: &Path, sheet: RawSheet, spec: &[FieldSpec]) -> Result<Table, ImportError> {
    let rows: Vec<&RawRow> = sheet
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !is_blank(c)))
        .collect();
    let Some(first) = rows.first() else {
        return Err(ImportError::new(
            ImportErrorKind::Empty,
            path,
            "Tệp không có dữ liệu (trang tính đầu tiên trống).",
        )
        .with_hint(
            "Dòng đầu của bảng phải là tiêu đề cột (ví dụ \"Họ và tên\"), các dòng sau là dữ liệu.",
        ));
    };
    let header_index = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|r| {
            r.cells
                .iter()
                .any(|c| matches!(c, RawCell::Text(t) if field_for(spec, t).is_some()))
        })
        .unwrap_or(0);
    let header = rows[header_index];
    let mut warnings = Vec::new();
    if header_index > 0 {
        warnings.push(format!(
            "Bỏ qua {} dòng phía trên tiêu đề (từ dòng {} đến dòng {}).",
            header_index,
            first.row,
            rows[header_index - 1].row
        ));
    }

    // Header cells typed in a legacy encoding can match nothing; say why.
    for (col, cell) in header.cells.iter().enumerate() {
        if let RawCell::Text(t) = cell {
            check_legacy(path, header.row, col, &clean_value(t))?;
        }
    }

    let (columns, mapped, ignored) = map_header(path, header, spec, &rows[header_index + 1..])?;
    for ig in &ignored {
        warnings.push(if ig.header.is_empty() {
            format!(
                "Cột {} có dữ liệu nhưng không có tiêu đề, đã bỏ qua.",
                ig.column
            )
        } else {
            format!(
                "Cột {} (\"{}\") không dùng đến, đã bỏ qua.",
                ig.column, ig.header
            )
        });
    }

    let data_rows = &rows[header_index + 1..];
    let last_row = data_rows.last().map_or(header.row, |r| r.row);
    check_merged(path, &sheet.merged, header.row, last_row, &mapped)?;

    let mut records = Vec::new();
    let mut skipped = Vec::new();
    for raw in data_rows {
        let mut cells = BTreeMap::new();
        for &(field, col) in &mapped {
            let Some(cell) = raw.cells.get(col) else {
                continue;
            };
            let value = match cell {
                RawCell::Error(e) => {
                    return Err(ImportError::new(
                        ImportErrorKind::CellError,
                        path,
                        format!("Ô \"{}\" chứa lỗi công thức {e}.", spec[field].label),
                    )
                    .at_row(raw.row)
                    .at_column(column_letter(col))
                    .with_hint("Hãy sửa công thức hoặc gõ thẳng giá trị vào ô."));
                }
                RawCell::Text(t) => clean_value(t),
            };
            if value.is_empty() {
                continue;
            }
            check_legacy(path, raw.row, col, &value)?;
            cells.insert(
                spec[field].key,
                Cell {
                    value,
                    row: raw.row,
                    column: column_letter(col),
                },
            );
        }
        if cells.is_empty() {
            skipped.push(raw.row);
            continue;
        }
        for &(field, col) in &mapped {
            let f = &spec[field];
            if f.required && !cells.contains_key(f.key) {
                return Err(ImportError::new(
                    ImportErrorKind::MissingValue,
                    path,
                    format!("Ô \"{}\" đang trống.", f.label),
                )
                .at_row(raw.row)
                .at_column(column_letter(col))
                .with_hint(format!(
                    "Hãy điền \"{}\" cho dòng này, hoặc xoá cả dòng nếu không dùng.",
                    f.label
                )));
            }
        }
        records.push(Record {
            row: raw.row,
            cells,
        });
    }
    if !skipped.is_empty() {
        let list: Vec<String> = skipped.iter().take(10).map(|r| r.to_string()).collect();
        let more = if skipped.len() > 10 { ", …" } else { "" };
        warnings.push(format!(
            "Bỏ qua {} dòng không có dữ liệu ở các cột cần dùng (dòng {}{more}).",
            skipped.len(),
            list.join(", ")
        ));
    }
    Ok(Table {
        records,
        header_row: header.row,
        columns,
        ignored_columns: ignored,
        warnings,
    })
}

type HeaderMapping = (Vec<MappedColumn>, Vec<(usize, usize)>, Vec<IgnoredColumn>);

/// Maps header cells to fields; returns the mapped columns for the report,
/// (field index, column index) pairs, and the ignored columns.
fn map_header(
    path: &Path,
    header: &RawRow,
    spec: &[FieldSpec],
    data: &[&RawRow],
) -> Result<HeaderMapping, ImportError> {
    let mut columns = Vec::new();
    let mut mapped: Vec<(usize, usize)> = Vec::new();
    let mut ignored = Vec::new();
    let width = data
        .iter()
        .map(|r| r.cells.len())
        .chain(std::iter::once(header.cells.len()))
        .max()
        .unwrap_or(0);
    for col in 0..width {
        let text = header.cells.get(col).map(cell_text).unwrap_or_default();
        if text.is_empty() {
            let has_data = data
                .iter()
                .any(|r| r.cells.get(col).is_some_and(|c| !is_blank(c)));
            if has_data {
                ignored.push(IgnoredColumn {
                    column: column_letter(col),
                    header: String::new(),
                });
            }
            continue;
        }
        match field_for(spec, &text) {
            Some(field) => {
                if let Some(&(_, other)) = mapped.iter().find(|(f, _)| *f == field) {
                    let other_header = header.cells.get(other).map(cell_text).unwrap_or_default();
                    return Err(ImportError::new(
                        ImportErrorKind::DuplicateColumn,
                        path,
                        format!(
                            "Có hai cột cùng là \"{}\": cột {} (\"{}\") và cột {} (\"{}\").",
                            spec[field].label,
                            column_letter(other),
                            other_header,
                            column_letter(col),
                            text
                        ),
                    )
                    .at_row(header.row)
                    .at_column(column_letter(col))
                    .with_hint("Hãy xoá hoặc đổi tiêu đề một trong hai cột."));
                }
                mapped.push((field, col));
                columns.push(MappedColumn {
                    key: spec[field].key,
                    column: column_letter(col),
                    header: text,
                });
            }
            None => ignored.push(IgnoredColumn {
                column: column_letter(col),
                header: text,
            }),
        }
    }
    if let Some(missing) = spec
        .iter()
        .enumerate()
        .find(|(i, f)| f.required && !mapped.iter().any(|(m, _)| m == i))
        .map(|(_, f)| f)
    {
        return Err(missing_column(path, header.row, missing, &ignored));
    }
    Ok((columns, mapped, ignored))
}

fn missing_column(
    path: &Path,
    header_row: usize,
    field: &FieldSpec,
    unmatched: &[IgnoredColumn],
) -> ImportError {
    let found: Vec<&IgnoredColumn> = unmatched.iter().filter(|c| !c.header.is_empty()).collect();
    let mut hint = if found.is_empty() {
        format!("Dòng tiêu đề (dòng {header_row}) không có cột nào khác dùng được.")
    } else {
        format!(
            "Các cột khác ở dòng tiêu đề (dòng {header_row}): {}.",
            quoted_list(found.iter().map(|c| c.header.as_str()))
        )
    };
    if let Some(best) = suggest(field, &found) {
        hint.push_str(&format!(
            " Có phải là cột {} (\"{}\")? Nếu đúng, hãy sửa tiêu đề thành \"{}\".",
            best.column, best.header, field.label
        ));
    } else {
        hint.push_str(&format!(
            " Hãy thêm cột có tiêu đề \"{}\" vào dòng tiêu đề.",
            field.label
        ));
    }
    ImportError::new(
        ImportErrorKind::MissingColumn,
        path,
        format!("Không tìm thấy cột \"{}\".", field.label),
    )
    .at_row(header_row)
    .with_hint(hint)
}

/// The unmatched header most similar to the field, if similar enough to be
/// worth suggesting ("Họ tên" for "Họ và tên", "Năm sinh (dương lịch)"
/// for "Năm sinh").
fn suggest<'a>(field: &FieldSpec, found: &[&'a IgnoredColumn]) -> Option<&'a IgnoredColumn> {
    let names: Vec<String> = std::iter::once(field.label)
        .chain(field.synonyms.iter().copied())
        .map(normalize_header)
        .filter(|n| !n.is_empty())
        .collect();
    let score = |header: &str| -> f64 {
        let h = normalize_header(header);
        names
            .iter()
            .map(|n| {
                let lev = strsim::normalized_levenshtein(n, &h);
                let contains =
                    n.len() >= 4 && h.len() >= 4 && (h.contains(n.as_str()) || n.contains(&h));
                if contains { lev.max(0.8) } else { lev }
            })
            .fold(0.0, f64::max)
    };
    found
        .iter()
        .map(|c| (score(&c.header), *c))
        .filter(|(s, _)| *s >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Merged cells keep the value in the top-left cell only, so the other rows
/// of a merged block would silently lose their value.
fn check_merged(
    path: &Path,
    merged: &[Merged],
    header_row: usize,
    last_row: usize,
    mapped: &[(usize, usize)],
) -> Result<(), ImportError> {
    let mut hits: Vec<&Merged> = merged
        .iter()
        .filter(|m| m.first_row <= last_row && m.last_row >= header_row)
        .filter(|m| {
            let touches_header = m.first_row <= header_row && m.last_row >= header_row;
            let touches_field = mapped
                .iter()
                .any(|&(_, col)| m.first_col <= col && col <= m.last_col);
            touches_header || touches_field
        })
        .collect();
    hits.sort_by_key(|m| (m.first_row, m.first_col));
    if let Some(m) = hits.first() {
        return Err(ImportError::new(
            ImportErrorKind::MergedCells,
            path,
            format!("Bảng có ô gộp {}.", m.name()),
        )
        .at_row(m.first_row)
        .at_column(column_letter(m.first_col))
        .with_hint(
            "Hãy bỏ gộp ô (Home → Merge & Center → Unmerge Cells) rồi điền đủ giá trị cho từng dòng.",
        ));
    }
    Ok(())
}

fn check_legacy(path: &Path, row: usize, col: usize, value: &str) -> Result<(), ImportError> {
    if let Some((enc, text)) = legacy::detect(value) {
        return Err(ImportError::new(
            ImportErrorKind::LegacyEncoding(enc),
            path,
            format!("Chữ trong ô bị lỗi phông: \"{}\".", excerpt(value, 40)),
        )
        .at_row(row)
        .at_column(column_letter(col))
        .with_hint(format!(
            "có vẻ được gõ bằng bảng mã {}; nội dung đúng có lẽ là \"{}\". \
             Hãy chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6) rồi lưu lại.",
            enc.name(),
            excerpt(&text, 40)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
