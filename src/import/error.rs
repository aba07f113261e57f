//! Errors addressed to the clerk who prepared the spreadsheet.
//!
//! The reader of these messages knows Excel, not programming: every error
//! says where to look (file, row, column letter as Excel shows them), what is
//! wrong in plain Vietnamese, and how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

use super::legacy::Legacy;

/// What went wrong, for callers and tests that need to react differently;
/// the clerk only ever sees the message and hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// The file could not be read at all (missing, locked, no permission).
    Io,
    /// The extension is not one the importer reads.
    UnsupportedFormat,
    /// The file claims to be a spreadsheet but could not be parsed.
    Unreadable,
    /// No header row, or no worksheet.
    Empty,
    /// A CSV file that is not UTF-8.
    NotUtf8,
    /// A required column is absent.
    MissingColumn,
    /// Two columns map to the same field.
    DuplicateColumn,
    /// A required value is empty.
    MissingValue,
    /// Merged cells inside the table.
    MergedCells,
    /// A cell holds an Excel error such as `#N/A`.
    CellError,
    /// A cell looks typed in a legacy Vietnamese encoding.
    LegacyEncoding(Legacy),
}

/// An import failure located in the clerk's file.
///
/// Displayed as `danh-sach.xlsx, dòng 7, cột C: <message> (<hint>)`: only
/// the file name is shown because clerks recognise it, not the full path.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.render())]
pub struct ImportError {
    // Boxed so that `Result<_, ImportError>` stays small on the happy path.
    inner: Box<Inner>,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

#[derive(Debug)]
struct Inner {
    kind: ImportErrorKind,
    file: PathBuf,
    row: Option<usize>,
    column: Option<String>,
    message: String,
    hint: Option<String>,
}

impl ImportError {
    pub(crate) fn new(kind: ImportErrorKind, file: &Path, message: impl Into<String>) -> Self {
        ImportError {
            inner: Box::new(Inner {
                kind,
                file: file.to_path_buf(),
                row: None,
                column: None,
                message: message.into(),
                hint: None,
            }),
            source: None,
        }
    }

    pub(crate) fn at_row(mut self, row: usize) -> Self {
        self.inner.row = Some(row);
        self
    }

    pub(crate) fn at_column(mut self, column: impl Into<String>) -> Self {
        self.inner.column = Some(column.into());
        self
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.inner.hint = Some(hint.into());
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    pub fn kind(&self) -> ImportErrorKind {
        self.inner.kind
    }

    /// The file as given to [`read_table`](super::read_table).
    pub fn file(&self) -> &Path {
        &self.inner.file
    }

    /// 1-based row as Excel shows it (for CSV: the line where the record starts).
    pub fn row(&self) -> Option<usize> {
        self.inner.row
    }

    /// Column letter as Excel shows it ("A", "B", … "AA").
    pub fn column(&self) -> Option<&str> {
        self.inner.column.as_deref()
    }

    /// What is wrong, in plain Vietnamese.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// How to fix it, in plain Vietnamese.
    pub fn hint(&self) -> Option<&str> {
        self.inner.hint.as_deref()
    }
}

impl ImportError {
    fn render(&self) -> Render<'_> {
        Render(self)
    }
}

struct Render<'a>(&'a ImportError);

impl fmt::Display for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.0.inner;
        let name = e
            .file
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_else(|| e.file.to_string_lossy());
        write!(f, "{name}")?;
        if let Some(row) = e.row {
            write!(f, ", dòng {row}")?;
        }
        if let Some(col) = &e.column {
            write!(f, ", cột {col}")?;
        }
        write!(f, ": {}", e.message)?;
        if let Some(hint) = &e.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_location_and_hint() {
        let e = ImportError::new(
            ImportErrorKind::MissingValue,
            Path::new("/tmp/x/danh-sach.xlsx"),
            "Ô \"Họ và tên\" đang trống.",
        )
        .at_row(7)
        .at_column("C")
        .with_hint("Điền họ tên.");
        assert_eq!(
            e.to_string(),
            "danh-sach.xlsx, dòng 7, cột C: Ô \"Họ và tên\" đang trống. (Điền họ tên.)"
        );
        assert_eq!(e.row(), Some(7));
        assert_eq!(e.column(), Some("C"));
        assert_eq!(e.file(), Path::new("/tmp/x/danh-sach.xlsx"));
    }

    #[test]
    fn display_without_location() {
        let e = ImportError::new(
            ImportErrorKind::Io,
            Path::new("a.csv"),
            "Không mở được tệp.",
        );
        assert_eq!(e.to_string(), "a.csv: Không mở được tệp.");
        assert_eq!(e.hint(), None);
    }
}
