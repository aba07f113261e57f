//! The one shape every problem takes when it reaches a person: where (file, line, column or
//! spreadsheet cell, record), what (plain Vietnamese) and how to fix it. Each pipeline layer has
//! its own error type; they all turn into [`Diagnostic`] at the edge, so the CLI prints them the
//! same way and tests can assert on the location without parsing prose.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is. Lines and columns are 1-based, as editors show them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// Path as the user knows it: relative to the project folder when inside it.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Spreadsheet column letter ("C") when the source is a table; then `line` is the row.
    pub cell_column: Option<String>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            ..Self::default()
        }
    }

    pub fn at(file: impl Into<String>, line: usize, column: usize) -> Self {
        Self {
            file: file.into(),
            line: Some(line),
            column: Some(column),
            cell_column: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (&self.cell_column, self.line, self.column) {
            (Some(col), Some(row), _) => write!(f, ", dòng {row}, cột {col}"),
            (None, Some(line), Some(column)) => write!(f, ":{line}:{column}"),
            (None, Some(line), None) => write!(f, ":{line}"),
            _ => Ok(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Boxed: most diagnostics travel in `Result::Err`, which should stay small.
    pub location: Option<Box<Location>>,
    /// The record concerned ("đại biểu db-012 (Nguyễn Văn An)"), when there is one.
    pub record: Option<String>,
    /// The field path inside the file ("delegates[3].name").
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            location: None,
            record: None,
            field: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(Box::new(location));
        self
    }

    pub fn in_file(self, file: impl Into<String>) -> Self {
        self.at(Location::file(file))
    }

    pub fn record(mut self, record: impl Into<String>) -> Self {
        self.record = Some(record.into());
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        };
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        write!(f, "{label}: {}", self.message)?;
        if let Some(field) = &self.field {
            write!(f, " [trường {field}]")?;
        }
        if let Some(record) = &self.record {
            write!(f, " [{record}]")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  gợi ý: {hint}")?;
        }
        Ok(())
    }
}

/// A list of problems found together: a clerk fixes them all in one pass instead of one per run.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Self(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Renders problems for a person, one block each.
pub fn render(d: &Diagnostics) -> String {
    d.to_string()
}
