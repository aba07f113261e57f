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
//! UTF-8, and text typed in the legacy TCVN3/VNI encodings. All the problems
//! of a file are found in one pass and returned together ([`ImportErrors`]),
//! so the clerk fixes the file once rather than once per run. Harmless
//! oddities (unknown columns, title rows above the header, other sheets that
//! are not read) are only reported, located, in [`Table::warnings`].

mod error;
pub mod legacy;
mod source_csv;
mod source_sheet;

use std::collections::BTreeMap;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub use error::{ImportError, ImportErrorKind, ImportErrors};

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
    /// The text as typed, when it differs from `value` (stray spaces, decomposed letters, a
    /// line break): `value` is what prints, and the caller flags the cell so the clerk can
    /// correct the source.
    pub raw: Option<String>,
}

/// One data row; only the fields with a non-empty value are present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based row as Excel shows it.
    pub row: usize,
    pub cells: BTreeMap<&'static str, Cell>,
    /// The section the row stands under ("I. TẬP THỂ" above the collectives), as the key
    /// of the matching [`Section`]; `None` when the table has no section rows above it.
    pub section: Option<&'static str>,
}

/// A row that only names the part of the list that follows ("I. TẬP THỂ", "B. Cá nhân"), as
/// offices split one list in parts. Such a row is not a record: the records under it carry
/// its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub key: &'static str,
    /// Words that make a row this section, compared through [`normalize_header`] after a
    /// leading numbering ("I.", "A/", "1)") and a trailing count ("(12)") are dropped.
    pub words: &'static [&'static str],
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

/// Something skipped that did not prevent the import (an unknown column,
/// title rows above the header, rows without data), located like an
/// [`ImportError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// The worksheet read, for workbooks.
    pub sheet: Option<String>,
    /// 1-based row as Excel shows it.
    pub row: Option<usize>,
    /// Column letter as Excel shows it.
    pub column: Option<String>,
    /// What was skipped, in plain words (`msg`).
    pub message: String,
    /// Only for the record, not a problem: title rows above the header, a summary sheet
    /// after the list.
    pub info: bool,
}

impl std::fmt::Display for ImportWarning {
    /// `trang tính "DS", dòng 1, cột E: <message>`, without the parts unknown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.sheet {
            parts.push(crate::msg::import_at_sheet(sheet));
        }
        if let Some(row) = self.row {
            parts.push(crate::msg::import_at_row(row));
        }
        if let Some(col) = &self.column {
            parts.push(crate::msg::import_at_column(col));
        }
        if !parts.is_empty() {
            write!(f, "{}: ", parts.join(", "))?;
        }
        f.write_str(&self.message)
    }
}

/// Everything [`read_table_full`] learned about the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub records: Vec<Record>,
    /// The worksheet read, for workbooks (a CSV file has none).
    pub sheet: Option<String>,
    /// 1-based row of the header.
    pub header_row: usize,
    /// Fields found, in column order.
    pub columns: Vec<MappedColumn>,
    pub ignored_columns: Vec<IgnoredColumn>,
    /// Things that were skipped but did not prevent the import, top to
    /// bottom, each located.
    pub warnings: Vec<ImportWarning>,
}

/// Reads the records of a spreadsheet; see [`read_table_full`].
pub fn read_table(path: &Path, spec: &[FieldSpec]) -> Result<Vec<Record>, ImportErrors> {
    read_table_full(path, spec).map(|t| t.records)
}

/// Reads a spreadsheet (.xlsx/.xlsm/.xls/.xlsb/.ods: first visible
/// worksheet; .csv: UTF-8, `,` `;` or tab separated).
///
/// The header row is the first row that contains a known header (so title
/// rows above the table are skipped), or else the first non-empty row.
/// Rows without any value in a wanted column are skipped. Every problem of
/// the file (header and cells) is found in one pass and returned together,
/// top to bottom, each located; see [`read_table_lenient`] to also get what
/// could be read.
pub fn read_table_full(path: &Path, spec: &[FieldSpec]) -> Result<Table, ImportErrors> {
    let (table, problems) = read_table_lenient(path, spec)?;
    match ImportErrors::new(problems) {
        Some(errors) => Err(errors),
        None => Ok(table),
    }
}

/// Like [`read_table_full`], but a file that can be read as a table gives
/// its table together with every problem found (top to bottom). The table
/// then holds only what could be read: a cell with a problem (an Excel error
/// value, text in a legacy encoding) is left out of its record, and a
/// missing column is simply absent, so a caller can check the rest and
/// report everything at once.
///
/// `Err` only when the file cannot be read as a table at all: missing or
/// locked, not a spreadsheet, empty, or a CSV file not in UTF-8.
pub fn read_table_lenient(
    path: &Path,
    spec: &[FieldSpec],
) -> Result<(Table, Vec<ImportError>), ImportError> {
    read_table_sections(path, spec, &[])
}

/// Like [`read_table_lenient`], and rows that only name a part of the list ([`Section`]) are
/// not records: the records below carry the section's key.
pub fn read_table_sections(
    path: &Path,
    spec: &[FieldSpec],
    sections: &[Section],
) -> Result<(Table, Vec<ImportError>), ImportError> {
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
                    crate::msg::import_no_extension()
                } else {
                    crate::msg::import_unsupported(&ext)
                },
            )
            .with_hint(crate::msg::import_unsupported_hint()));
        }
    };
    build_table(path, sheet, spec, sections)
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
    /// The worksheet read; `None` for CSV.
    pub name: Option<String>,
    /// Other visible worksheets that hold data; they are not read.
    pub other_sheets: Vec<String>,
    pub rows: Vec<RawRow>,
    pub merged: Vec<Merged>,
}

/// Fields that do not make a row a record on their own: the row number ("STT") and a
/// remark ("Ghi chú").
const AUX_KEYS: [&str; 2] = ["stt", "note"];

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

/// The key of the field a header names (compared like [`normalize_header`]), if any.
pub fn field_key(spec: &[FieldSpec], header: &str) -> Option<&'static str> {
    field_for(spec, header).map(|i| spec[i].key)
}

/// The field a header names, also when it was typed in a legacy encoding
/// (which is reported, but the column is still read so its cells are
/// checked too).
fn header_field(spec: &[FieldSpec], header: &str) -> Option<usize> {
    field_for(spec, header)
        .or_else(|| legacy::detect(header).and_then(|(_, text)| field_for(spec, &text)))
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

/// The problems of one file, collected in one pass and sorted top to bottom
/// (then left to right) at the end.
struct Problems<'a> {
    path: &'a Path,
    sheet: Option<&'a str>,
    /// (row, 0-based column or `usize::MAX` for a whole row, problem).
    found: Vec<(usize, usize, ImportError)>,
}

impl<'a> Problems<'a> {
    fn new(path: &'a Path, sheet: Option<&'a str>) -> Self {
        Problems {
            path,
            sheet,
            found: Vec::new(),
        }
    }

    fn push(
        &mut self,
        kind: ImportErrorKind,
        row: usize,
        col: Option<usize>,
        message: String,
        hint: String,
    ) {
        let mut e = ImportError::new(kind, self.path, message)
            .in_sheet(self.sheet)
            .at_row(row)
            .with_hint(hint);
        if let Some(c) = col {
            e = e.at_column(column_letter(c));
        }
        self.found.push((row, col.unwrap_or(usize::MAX), e));
    }

    /// Text typed in TCVN3/VNI; true when reported.
    fn legacy(&mut self, row: usize, col: usize, value: &str) -> bool {
        let Some((enc, text)) = legacy::detect(value) else {
            return false;
        };
        self.push(
            ImportErrorKind::LegacyEncoding(enc),
            row,
            Some(col),
            crate::msg::import_legacy(&excerpt(value, 40)),
            crate::msg::import_legacy_hint(enc.name(), &excerpt(&text, 40)),
        );
        true
    }

    fn into_sorted(mut self) -> Vec<ImportError> {
        // Stable: problems of one cell keep the order they were found in.
        self.found.sort_by_key(|(row, col, _)| (*row, *col));
        self.found.into_iter().map(|(_, _, e)| e).collect()
    }
}

fn build_table(
    path: &Path,
    sheet: RawSheet,
    spec: &[FieldSpec],
    sections: &[Section],
) -> Result<(Table, Vec<ImportError>), ImportError> {
    let sheet_name = sheet.name.as_deref();
    let rows: Vec<&RawRow> = sheet
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !is_blank(c)))
        .collect();
    let Some(first) = rows.first() else {
        let mut hint = crate::msg::import_header_first();
        if !sheet.other_sheets.is_empty() {
            hint.push_str(&crate::msg::import_other_sheets(&quoted_list(
                sheet.other_sheets.iter().map(String::as_str),
            )));
        }
        return Err(ImportError::new(
            ImportErrorKind::Empty,
            path,
            if sheet_name.is_some() {
                crate::msg::import_sheet_empty()
            } else {
                crate::msg::import_file_empty()
            },
        )
        .in_sheet(sheet_name)
        .with_hint(hint));
    };
    let mut problems = Problems::new(path, sheet_name);
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    let mut warn = |row: Option<usize>, column: Option<String>, message: String| {
        warnings.push(ImportWarning {
            sheet: sheet.name.clone(),
            row,
            column,
            message,
            info: false,
        });
    };
    let mut note = |row: Option<usize>, message: String| {
        notes.push(ImportWarning {
            sheet: sheet.name.clone(),
            row,
            column: None,
            message,
            info: true,
        });
    };
    if !sheet.other_sheets.is_empty() {
        note(
            None,
            crate::msg::import_one_sheet(
                sheet_name.unwrap_or_default(),
                &quoted_list(sheet.other_sheets.iter().map(String::as_str)),
            ),
        );
    }

    // The header is the row naming the most wanted columns (the first of equals): a title
    // row above it ("DANH SÁCH ĐẠI BIỂU") may happen to contain one known word, never as many.
    let known = |r: &RawRow| {
        r.cells
            .iter()
            .filter(
                |c| matches!(c, RawCell::Text(t) if header_field(spec, &clean_value(t)).is_some()),
            )
            .count()
    };
    let header_index = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .map(|(i, r)| (known(r), std::cmp::Reverse(i)))
        .max()
        .filter(|(n, _)| *n > 0)
        .map_or(0, |(_, std::cmp::Reverse(i))| i);
    let header = rows[header_index];
    if header_index > 0 {
        note(
            Some(first.row),
            crate::msg::import_rows_above(header_index, first.row, rows[header_index - 1].row),
        );
    }

    let data_rows = &rows[header_index + 1..];
    let (columns, mapped, ignored) = map_header(header, spec, data_rows, &mut problems);
    for ig in &ignored {
        warn(
            Some(header.row),
            Some(ig.column.clone()),
            if ig.header.is_empty() {
                crate::msg::import_column_no_header(&ig.column)
            } else {
                let mut m = crate::msg::import_column_unused(&ig.column, &ig.header);
                // A misspelt header of a column not found: say which it may be.
                let unmapped = spec
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !mapped.iter().any(|(f, _)| f == i));
                let names: Vec<&str> = unmapped
                    .flat_map(|(_, f)| std::iter::once(f.label).chain(f.synonyms.iter().copied()))
                    .collect();
                // Only a near miss ("Họ và tn"): a suggestion for a header that merely
                // shares words ("Chữ ký", "Chú thích") would mislead.
                let close = |best: &str| {
                    let (a, b) = (crate::text::fold(&ig.header), crate::text::fold(best));
                    strsim::jaro_winkler(&a, &b) >= 0.9
                };
                if let Some(best) =
                    crate::text::nearest(&ig.header, names.iter().copied()).filter(|b| close(b))
                {
                    let label = spec
                        .iter()
                        .find(|f| f.label == best || f.synonyms.contains(&best))
                        .map_or(best, |f| f.label);
                    m.push_str(&crate::msg::import_column_maybe(label));
                }
                m
            },
        );
    }

    let section_of = |raw: &RawRow| section_row(raw, sections);
    let section_rows: Vec<usize> = data_rows
        .iter()
        .filter(|r| section_of(r).is_some())
        .map(|r| r.row)
        .collect();
    let last_row = data_rows.last().map_or(header.row, |r| r.row);
    // A section row is often merged across the table: its cells are empty by design.
    let merges: Vec<Merged> = sheet
        .merged
        .iter()
        .filter(|m| !(m.first_row == m.last_row && section_rows.contains(&m.first_row)))
        .copied()
        .collect();
    let merged = check_merged(&merges, header.row, last_row, &mapped, &mut problems);
    // Cells a reported merge hides: their emptiness is that merge's fault.
    let hidden_by_merge = |row: usize, col: usize| {
        merged.iter().any(|m| {
            (m.first_row..=m.last_row).contains(&row)
                && (m.first_col..=m.last_col).contains(&col)
                && (row, col) != (m.first_row, m.first_col)
        })
    };

    let mut records = Vec::new();
    let mut skipped = Vec::new();
    let mut section = None;
    for raw in data_rows {
        if let Some(key) = section_of(raw) {
            section = Some(key);
            continue;
        }
        let mut cells = BTreeMap::new();
        // Fields of this row whose cell has a problem already reported.
        let mut bad = Vec::new();
        for &(field, col) in &mapped {
            let Some(cell) = raw.cells.get(col) else {
                continue;
            };
            let value = match cell {
                RawCell::Error(e) => {
                    problems.push(
                        ImportErrorKind::CellError,
                        raw.row,
                        Some(col),
                        crate::msg::import_formula_error(spec[field].label, &e),
                        crate::msg::import_formula_error_hint(),
                    );
                    bad.push(field);
                    continue;
                }
                RawCell::Text(t) => clean_value(t),
            };
            if value.is_empty() {
                continue;
            }
            let typed = match cell {
                RawCell::Text(t) => t.as_str(),
                RawCell::Error(_) => "",
            };
            if problems.legacy(raw.row, col, &value) {
                bad.push(field);
                continue;
            }
            cells.insert(
                spec[field].key,
                Cell {
                    raw: (typed != value).then(|| typed.to_string()),
                    value,
                    row: raw.row,
                    column: column_letter(col),
                },
            );
        }
        // A number or a remark alone is not a record (forms come with numbered empty rows).
        if cells.keys().all(|k| AUX_KEYS.contains(k)) && bad.is_empty() {
            skipped.push(raw.row);
            continue;
        }
        for &(field, col) in &mapped {
            let f = &spec[field];
            if f.required
                && !cells.contains_key(f.key)
                && !bad.contains(&field)
                && !hidden_by_merge(raw.row, col)
            {
                problems.push(
                    ImportErrorKind::MissingValue,
                    raw.row,
                    Some(col),
                    crate::msg::import_cell_empty(f.label),
                    crate::msg::import_cell_empty_hint(f.label),
                );
            }
        }
        if !cells.is_empty() {
            records.push(Record {
                row: raw.row,
                cells,
                section,
            });
        }
    }
    if let Some(&first_skipped) = skipped.first() {
        let list: Vec<String> = skipped.iter().take(10).map(|r| r.to_string()).collect();
        let more = if skipped.len() > 10 { ", …" } else { "" };
        warn(
            Some(first_skipped),
            None,
            crate::msg::import_rows_skipped(skipped.len(), &list.join(", "), more),
        );
    }
    notes.append(&mut warnings);
    let warnings = notes;
    let table = Table {
        records,
        sheet: sheet.name.clone(),
        header_row: header.row,
        columns,
        ignored_columns: ignored,
        warnings,
    };
    Ok((table, problems.into_sorted()))
}

/// The section a row names, if it is a section row: one text cell besides numbering-only
/// cells ("I", "A."), that text one of a section's words once its own numbering ("II.") and
/// a count ("(12)", ": 12") are dropped.
fn section_row(raw: &RawRow, sections: &[Section]) -> Option<&'static str> {
    if sections.is_empty() {
        return None;
    }
    let mut texts = raw.cells.iter().filter_map(|c| match c {
        RawCell::Text(t) => {
            let t = clean_value(t);
            (!t.is_empty() && !is_numbering(&t)).then_some(t)
        }
        RawCell::Error(_) => Some(String::new()),
    });
    let text = texts.next()?;
    if texts.next().is_some() {
        return None;
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 && is_numbering(words[0]) {
        words.remove(0);
    }
    let n = normalize_header(&words.join(" "));
    let n = n.trim_end_matches(|c: char| c.is_ascii_digit());
    sections
        .iter()
        .find(|s| s.words.iter().any(|w| normalize_header(w) == n))
        .map(|s| s.key)
}

/// "I", "IV.", "A/", "1)", "2.": a numbering, not text.
fn is_numbering(s: &str) -> bool {
    let core = s.trim_end_matches(['.', ')', '/', ':', '-']);
    !core.is_empty()
        && core.len() <= 5
        && (core.chars().all(|c| c.is_ascii_digit())
            || core.chars().all(|c| "IVXLivxl".contains(c))
            || (core.len() == 1 && core.chars().all(|c| c.is_ascii_alphabetic()) && core != s))
}

type HeaderMapping = (Vec<MappedColumn>, Vec<(usize, usize)>, Vec<IgnoredColumn>);

/// Maps header cells to fields; returns the mapped columns for the report,
/// (field index, column index) pairs, and the ignored columns. Header
/// problems (legacy encoding, a field named twice, required fields not
/// found) are all added to `problems`.
fn map_header(
    header: &RawRow,
    spec: &[FieldSpec],
    data: &[&RawRow],
    problems: &mut Problems<'_>,
) -> HeaderMapping {
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
        // A header typed in a legacy encoding can match nothing; say why.
        problems.legacy(header.row, col, &text);
        match header_field(spec, &text) {
            Some(field) => {
                if let Some(&(_, other)) = mapped.iter().find(|(f, _)| *f == field) {
                    // The first column is read; the other is reported, not ignored.
                    let other_header = header.cells.get(other).map(cell_text).unwrap_or_default();
                    problems.push(
                        ImportErrorKind::DuplicateColumn,
                        header.row,
                        Some(col),
                        crate::msg::import_duplicate_column(
                            spec[field].label,
                            &column_letter(other),
                            &other_header,
                            &column_letter(col),
                            &text,
                        ),
                        crate::msg::import_duplicate_column_hint(),
                    );
                    continue;
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
    for (i, field) in spec.iter().enumerate() {
        if field.required && !mapped.iter().any(|&(m, _)| m == i) {
            let (message, hint) = missing_column(header.row, field, &ignored);
            problems.push(
                ImportErrorKind::MissingColumn,
                header.row,
                None,
                message,
                hint,
            );
        }
    }
    (columns, mapped, ignored)
}

/// Message and hint for a required column not found in the header.
fn missing_column(
    header_row: usize,
    field: &FieldSpec,
    unmatched: &[IgnoredColumn],
) -> (String, String) {
    let found: Vec<&IgnoredColumn> = unmatched.iter().filter(|c| !c.header.is_empty()).collect();
    let mut hint = if found.is_empty() {
        crate::msg::import_no_other_columns(header_row)
    } else {
        crate::msg::import_other_columns(
            header_row,
            &quoted_list(found.iter().map(|c| c.header.as_str())),
        )
    };
    if let Some(best) = suggest(field, &found) {
        hint.push_str(&crate::msg::import_column_is_it(
            &best.column,
            &best.header,
            field.label,
        ));
    } else {
        hint.push_str(&crate::msg::import_add_column(field.label));
    }
    (crate::msg::import_missing_column(field.label), hint)
}

/// The unmatched header most similar to the field, if similar enough to be
/// worth suggesting ("Họ tên" for "Họ và tên", "Năm sinh (dương lịch)"
/// for "Năm sinh").
fn suggest<'a>(field: &FieldSpec, found: &[&'a IgnoredColumn]) -> Option<&'a IgnoredColumn> {
    // The project's one fuzzy matcher, over the field's label and synonyms.
    let headers = || found.iter().map(|c| c.header.as_str());
    let names = || std::iter::once(field.label).chain(field.synonyms.iter().copied());
    names()
        .find_map(|name| crate::text::nearest(name, headers()))
        .or_else(|| names().find_map(|name| crate::text::holding(name, headers())))
        .and_then(|h| found.iter().find(|c| c.header == h).copied())
}

/// Merged cells keep the value in the top-left cell only, so the other rows
/// of a merged block would silently lose their value. Every merge touching
/// the header or a read column is reported; the merges are returned.
fn check_merged(
    merged: &[Merged],
    header_row: usize,
    last_row: usize,
    mapped: &[(usize, usize)],
    problems: &mut Problems<'_>,
) -> Vec<Merged> {
    let hits: Vec<Merged> = merged
        .iter()
        .filter(|m| m.first_row <= last_row && m.last_row >= header_row)
        .filter(|m| {
            let touches_header = m.first_row <= header_row && m.last_row >= header_row;
            let touches_field = mapped
                .iter()
                .any(|&(_, col)| m.first_col <= col && col <= m.last_col);
            touches_header || touches_field
        })
        .copied()
        .collect();
    for m in &hits {
        problems.push(
            ImportErrorKind::MergedCells,
            m.first_row,
            Some(m.first_col),
            crate::msg::import_merged(&m.name()),
            crate::msg::import_merged_hint(),
        );
    }
    hits
}

#[cfg(test)]
pub(crate) mod tests;
