//! Workbooks read with calamine.
//!
//! Values are turned into the text the clerk sees in Excel as far as is
//! possible without the cell's number format: whole numbers without ".0"
//! (years of birth are typed as numbers), dates as ISO 8601.

use std::path::Path;

use calamine::{Data, Dimensions, ExcelDateTime, Reader, SheetType, SheetVisible, Sheets};

use super::{ImportError, ImportErrorKind, Merged, RawCell, RawRow, RawSheet};

pub(crate) fn io_error(path: &Path, e: std::io::Error) -> ImportError {
    let (message, hint) = match e.kind() {
        std::io::ErrorKind::NotFound => (
            crate::msg::import_not_found(),
            crate::msg::import_not_found_hint(),
        ),
        std::io::ErrorKind::PermissionDenied => (
            crate::msg::import_denied(),
            crate::msg::import_close_excel_hint(),
        ),
        _ => (
            crate::msg::import_cannot_open(),
            crate::msg::import_close_excel_hint(),
        ),
    };
    ImportError::new(ImportErrorKind::Io, path, message)
        .with_hint(hint)
        .with_source(e)
}

fn unreadable(path: &Path, e: impl std::error::Error + Send + Sync + 'static) -> ImportError {
    ImportError::new(
        ImportErrorKind::Unreadable,
        path,
        crate::msg::import_unreadable(),
    )
    .with_hint(crate::msg::import_unreadable_hint())
    .with_source(e)
}

pub(crate) fn read(path: &Path) -> Result<RawSheet, ImportError> {
    // calamine reports a missing file as a parse error; check first so the
    // clerk gets the plain "not found" message.
    std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| unreadable(path, e))?;
    let sheets = workbook.sheets_metadata().to_vec();
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    // Clerks hide helper sheets; the first visible one is the list.
    let Some(sheet) = worksheets()
        .find(|s| s.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
    else {
        return Err(
            ImportError::new(ImportErrorKind::Empty, path, crate::msg::import_no_sheet())
                .with_hint(crate::msg::import_no_sheet_hint()),
        );
    };
    let name = sheet.name.clone();
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| unreadable(path, e).in_sheet(Some(&name)))?;
    let merged: Vec<Dimensions> = match &mut workbook {
        Sheets::Xlsx(x) => x
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| unreadable(path, e).in_sheet(Some(&name)))?,
        Sheets::Xls(x) => x
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| unreadable(path, e).in_sheet(Some(&name)))?,
        // .xlsb and .ods merges are not exposed by calamine.
        _ => Vec::new(),
    };

    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let mut raw = vec![RawCell::Text(String::new()); col0 as usize];
        raw.extend(cells.iter().map(convert));
        rows.push(RawRow {
            row: row0 as usize + i + 1,
            cells: raw,
        });
    }
    let merged = merged
        .iter()
        .map(|d| Merged {
            first_row: d.start.0 as usize + 1,
            first_col: d.start.1 as usize,
            last_row: d.end.0 as usize + 1,
            last_col: d.end.1 as usize,
        })
        .collect();
    // A list continued on another sheet would silently lose its rows: name
    // the other visible sheets that hold data (unreadable ones are skipped).
    let other_sheets = worksheets()
        .filter(|s| s.visible == SheetVisible::Visible && s.name != name)
        .filter(|s| {
            workbook
                .worksheet_range(&s.name)
                .is_ok_and(|r| r.used_cells().any(|(_, _, d)| !is_blank(d)))
        })
        .map(|s| s.name.clone())
        .collect();
    Ok(RawSheet {
        name: Some(name),
        other_sheets,
        rows,
        merged,
    })
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => super::clean_value(s).is_empty(),
        _ => false,
    }
}

fn convert(d: &Data) -> RawCell {
    RawCell::Text(match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format_float(*f),
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        Data::DateTime(dt) => format_datetime(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return RawCell::Error(e.to_string()),
    })
}

/// Whole numbers as integers ("1978", not "1978.0"); others in Rust's
/// shortest round-trip form, which is what Excel stored.
pub(crate) fn format_float(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn format_datetime(dt: &ExcelDateTime) -> String {
    let value = dt.as_f64();
    if dt.is_duration() {
        let total = (value * 86_400.0).round() as i64;
        let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
        return format!("PT{h}H{m}M{s}S");
    }
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let time = if ms > 0 {
        format!("{h:02}:{mi:02}:{s:02}.{ms:03}")
    } else {
        format!("{h:02}:{mi:02}:{s:02}")
    };
    if (0.0..1.0).contains(&value) {
        time
    } else if (h, mi, s, ms) == (0, 0, 0, 0) {
        format!("{y:04}-{mo:02}-{d:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02}T{time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn numbers() {
        assert_eq!(format_float(1978.0), "1978");
        assert_eq!(format_float(12.5), "12.5");
        assert_eq!(format_float(-3.0), "-3");
        assert_eq!(format_float(0.1), "0.1");
        assert_eq!(format_float(1e20), "100000000000000000000");
    }

    #[test]
    fn dates() {
        let date = ExcelDateTime::new(45943.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(format_datetime(&date), "2025-10-13");
        let dt = ExcelDateTime::new(45943.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(format_datetime(&dt), "2025-10-13T12:00:00");
        let t = ExcelDateTime::new(0.75, ExcelDateTimeType::DateTime, false);
        assert_eq!(format_datetime(&t), "18:00:00");
        let dur = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(format_datetime(&dur), "PT36H0M0S");
    }
}
