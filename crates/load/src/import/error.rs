//! Errors addressed to the clerk who prepared the spreadsheet.
//!
//! The reader of these messages knows Excel, not programming: every error
//! says where to look (file, row, column letter as Excel shows them), what is
//! wrong in plain Vietnamese (English with `--lang en`), and how to fix it.

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
/// Displayed as `danh-sach.xlsx, trang tính "DS", dòng 7, cột C: <message>
/// (<hint>)`: only the file name is shown because clerks recognise it, not
/// the full path; the sheet is named for workbooks (not for CSV).
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
    sheet: Option<String>,
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
                sheet: None,
                row: None,
                column: None,
                message: message.into(),
                hint: None,
            }),
            source: None,
        }
    }

    pub(crate) fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.inner.sheet = sheet.map(str::to_string);
        self
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

    /// The worksheet read, for workbooks (a CSV file has none).
    pub fn sheet(&self) -> Option<&str> {
        self.inner.sheet.as_deref()
    }

    /// 1-based row as Excel shows it (for CSV: the line where the record starts).
    pub fn row(&self) -> Option<usize> {
        self.inner.row
    }

    /// Column letter as Excel shows it ("A", "B", … "AA").
    pub fn column(&self) -> Option<&str> {
        self.inner.column.as_deref()
    }

    /// What is wrong, in plain words (`msg`).
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// How to fix it, in plain words (`msg`).
    pub fn hint(&self) -> Option<&str> {
        self.inner.hint.as_deref()
    }
}

/// Every problem found in one file, top to bottom; never empty.
///
/// Displayed one problem per line. The accessors [`kind`](Self::kind),
/// [`row`](Self::row), … describe the first problem, for callers that show
/// only one.
#[derive(Debug)]
pub struct ImportErrors(Vec<ImportError>);

impl ImportErrors {
    /// `None` when there is no problem.
    pub fn new(errors: Vec<ImportError>) -> Option<Self> {
        (!errors.is_empty()).then_some(ImportErrors(errors))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false; there for symmetry with [`len`](Self::len).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, ImportError> {
        self.0.iter()
    }

    pub fn first(&self) -> &ImportError {
        &self.0[0]
    }

    pub fn into_vec(self) -> Vec<ImportError> {
        self.0
    }

    /// What the first problem is.
    pub fn kind(&self) -> ImportErrorKind {
        self.first().kind()
    }

    pub fn file(&self) -> &Path {
        self.first().file()
    }

    /// Worksheet of the first problem.
    pub fn sheet(&self) -> Option<&str> {
        self.first().sheet()
    }

    /// Row of the first problem.
    pub fn row(&self) -> Option<usize> {
        self.first().row()
    }

    /// Column letter of the first problem.
    pub fn column(&self) -> Option<&str> {
        self.first().column()
    }

    /// Message of the first problem.
    pub fn message(&self) -> &str {
        self.first().message()
    }

    /// Hint of the first problem.
    pub fn hint(&self) -> Option<&str> {
        self.first().hint()
    }
}

impl From<ImportError> for ImportErrors {
    fn from(e: ImportError) -> Self {
        ImportErrors(vec![e])
    }
}

impl IntoIterator for ImportErrors {
    type Item = ImportError;
    type IntoIter = std::vec::IntoIter<ImportError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a ImportErrors {
    type Item = &'a ImportError;
    type IntoIter = std::slice::Iter<'a, ImportError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(self.first())
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
        if let Some(sheet) = &e.sheet {
            write!(f, ", {}", crate::msg::import_at_sheet(sheet))?;
        }
        if let Some(row) = e.row {
            write!(f, ", {}", crate::msg::import_at_row(row))?;
        }
        if let Some(col) = &e.column {
            write!(f, ", {}", crate::msg::import_at_column(col))?;
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
    fn display_names_the_sheet() {
        let e = ImportError::new(
            ImportErrorKind::MergedCells,
            Path::new("ds.xlsx"),
            "Bảng có ô gộp B5:B7.",
        )
        .in_sheet(Some("Đại biểu"))
        .at_row(5)
        .at_column("B");
        assert_eq!(e.sheet(), Some("Đại biểu"));
        assert_eq!(
            e.to_string(),
            "ds.xlsx, trang tính \"Đại biểu\", dòng 5, cột B: Bảng có ô gộp B5:B7."
        );
    }

    #[test]
    fn several_errors_one_per_line() {
        let a = ImportError::new(ImportErrorKind::MissingValue, Path::new("a.csv"), "Một.")
            .at_row(2)
            .at_column("A");
        let b = ImportError::new(ImportErrorKind::CellError, Path::new("a.csv"), "Hai.")
            .at_row(3)
            .at_column("B");
        let all = ImportErrors::new(vec![a, b]).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all.kind(), ImportErrorKind::MissingValue);
        assert_eq!((all.row(), all.column()), (Some(2), Some("A")));
        assert_eq!(
            all.to_string(),
            "a.csv, dòng 2, cột A: Một.\na.csv, dòng 3, cột B: Hai."
        );
        assert!(ImportErrors::new(Vec::new()).is_none());
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
