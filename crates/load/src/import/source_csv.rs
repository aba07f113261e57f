//! CSV as saved by Excel or LibreOffice on a Vietnamese Windows machine.
//!
//! Excel's plain "CSV (Comma delimited)" writes the ANSI code page
//! (Windows-1258), which garbles Vietnamese, and uses `;` instead of `,`
//! when Windows' list separator is set that way; "CSV UTF-8" adds a BOM; and
//! "Unicode Text" writes tab-separated UTF-16. All of these reach us.

use std::path::Path;

use super::{ImportError, ImportErrorKind, RawCell, RawRow, RawSheet, column_letter};

pub(crate) fn read(path: &Path) -> Result<RawSheet, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| super::source_sheet::io_error(path, e))?;
    let data: Vec<u8> = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes).into_bytes()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes).into_bytes()
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        rest.to_vec()
    } else {
        bytes
    };

    // Excel writes and hides a first line "sep=;" when asked to.
    let first_line_end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let first_line = data[..first_line_end]
        .strip_suffix(b"\r")
        .unwrap_or(&data[..first_line_end]);
    let (delimiter, skip_lines) = match first_line {
        [b's' | b'S', b'e' | b'E', b'p' | b'P', b'=', d] => (*d, 1),
        _ => (sniff(first_line), 0),
    };
    let body = if skip_lines == 1 {
        &data[(first_line_end + 1).min(data.len())..]
    } else {
        &data[..]
    };

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    // Excel numbers rows by record, not by physical line: a quoted line break
    // inside a cell does not start a new row.
    let mut extra_lines = 0usize;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                let mut err = ImportError::new(
                    ImportErrorKind::Unreadable,
                    path,
                    crate::msg::import_csv_malformed(),
                )
                .with_hint(crate::msg::import_csv_malformed_hint())
                .with_source(e);
                if let Some(l) = line {
                    err = err.at_row(l.saturating_sub(extra_lines));
                }
                return Err(err);
            }
        }
        let line = record.position().map_or(1, |p| {
            start_line(body, p.byte() as usize, p.line() as usize)
        });
        let row = line.saturating_sub(extra_lines);
        let mut cells = Vec::with_capacity(record.len());
        for (col, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(s) => cells.push(RawCell::Text(s.to_string())),
                Err(_) => return Err(not_utf8(path, row, col)),
            }
        }
        extra_lines += record
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count())
            .sum::<usize>();
        rows.push(RawRow { row, cells });
    }
    Ok(RawSheet {
        rows,
        ..RawSheet::default()
    })
}

/// csv reports the position where it started reading, before the blank
/// lines it skips; Excel counts those lines as rows.
fn start_line(body: &[u8], byte: usize, line: usize) -> usize {
    let skipped = body
        .get(byte..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|&&b| b == b'\n')
        .count();
    line + skipped
}

fn utf16(bytes: &[u8], from: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// Picks the separator that occurs most often (outside quotes) in the
/// header line; headers never contain these characters themselves.
fn sniff(line: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(entry) = counts.iter_mut().find(|(d, _)| *d == b) {
            entry.1 += 1;
        }
    }
    // On a tie the earlier (more common) separator wins.
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

fn not_utf8(path: &Path, row: usize, col: usize) -> ImportError {
    ImportError::new(
        ImportErrorKind::NotUtf8,
        path,
        crate::msg::import_csv_not_utf8(),
    )
    .at_row(row)
    .at_column(column_letter(col))
    .with_hint(crate::msg::import_csv_not_utf8_hint())
}

#[cfg(test)]
mod tests {
    use super::sniff;

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff(b"STT,H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan,Ch\xe1\xbb\xa9c v\xe1\xbb\xa5"),
            b','
        );
        assert_eq!(sniff(b"STT;Ho ten;Chuc vu"), b';');
        assert_eq!(sniff(b"\"a;b\",c"), b',');
        assert_eq!(sniff(b"a\tb\tc"), b'\t');
        assert_eq!(sniff(b"ho ten"), b',');
    }
}
