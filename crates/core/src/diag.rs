//! The one shape every problem takes when it reaches a person: where (file, line, column or
//! spreadsheet cell, record), what (plain Vietnamese, or English with `--lang en`: `msg`) and how to fix it. Each pipeline layer has
//! its own error type; they all turn into [`Diagnostic`] at the edge, so the CLI prints them the
//! same way and tests can assert on the location without parsing prose.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    /// Something the user should know that is not a problem (a second worksheet left
    /// unread): never fails a build, not even under `--strict`.
    Info,
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
    /// The source line, to show with a caret under the value (YAML files).
    pub excerpt: Option<String>,
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
            excerpt: None,
        }
    }

    /// Keeps the located line of `text` (the file's contents) to show it.
    pub fn with_excerpt(mut self, text: &str) -> Self {
        if let Some(line) = self.line {
            self.excerpt = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
        }
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (&self.cell_column, self.line, self.column) {
            (Some(col), Some(row), _) => f.write_str(&crate::msg::at_cell(row, col)),
            (None, Some(line), Some(column)) => write!(f, ":{line}:{column}"),
            // A spreadsheet row without a particular cell (a missing column).
            (None, Some(row), None) if is_table(&self.file) => {
                f.write_str(&crate::msg::at_row(row))
            }
            (None, Some(line), None) => write!(f, ":{line}"),
            _ => Ok(()),
        }
    }
}

fn is_table(file: &str) -> bool {
    let lower = file.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods", ".csv"]
        .iter()
        .any(|e| lower.ends_with(e))
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
    /// What kind of finding this is, for tools that list one kind (the page's checklist of
    /// values still equal to the sample's). Most findings have none.
    pub code: Option<Code>,
}

/// Kinds of findings that tools list apart ([`Diagnostic::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// A value still equal to the embedded sample project's (money, legal bases, recipients,
    /// the programme's times and leads, a text naming the sample commune, a placeholder
    /// name): a warning, an error under `--strict`.
    SampleValue,
}

impl Code {
    /// The code as tools see it ("sample-value").
    pub fn as_str(self) -> &'static str {
        match self {
            Code::SampleValue => "sample-value",
        }
    }
}

/// [`Code::SampleValue`].
pub const SAMPLE_VALUE: Code = Code::SampleValue;

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            location: None,
            record: None,
            field: None,
            message: message.into(),
            hint: None,
            code: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    pub fn info(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Info,
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

    pub fn code(mut self, code: Code) -> Self {
        self.code = Some(code);
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
            Severity::Error => crate::msg::level_error(),
            Severity::Warning => crate::msg::level_warning(),
            Severity::Info => crate::msg::level_note(),
        };
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        write!(f, "{label}: {}", self.message)?;
        if let Some(field) = &self.field {
            write!(f, " [{}]", crate::msg::field_label(field))?;
        }
        if let Some(record) = &self.record {
            write!(f, " [{record}]")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}: {hint}", crate::msg::level_hint())?;
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

    /// Warnings, the findings `--strict` refuses besides errors (not notes).
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.severity == Severity::Warning)
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

/// Renders problems for a person, one block each: the message (in the language `msg` was set to), where it is, the
/// line of the file with a caret under the value (YAML), the record, and how to fix it.
pub fn render(d: &Diagnostics) -> String {
    d.0.iter().map(render_one).collect()
}

fn render_one(d: &Diagnostic) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let Some((loc, excerpt)) = d
        .location
        .as_deref()
        .and_then(|l| Some((l, l.excerpt.as_deref()?)))
    else {
        return format!("{d}\n");
    };
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(crate::msg::level_error()),
        Severity::Warning => Level::WARNING.with_name(crate::msg::level_warning()),
        Severity::Info => Level::NOTE.with_name(crate::msg::level_note()),
    };
    let line = loc.line.unwrap_or(1);
    let start = loc
        .column
        .and_then(|c| excerpt.char_indices().nth(c.saturating_sub(1)))
        .map_or(0, |(i, _)| i);
    let end = value_end(excerpt, start);
    let mut label = String::new();
    if let Some(field) = &d.field {
        label = crate::msg::field_label(field);
    }
    if let Some(record) = &d.record {
        if !label.is_empty() {
            label.push_str(", ");
        }
        label.push_str(record);
    }
    let mut title = level.primary_title(d.message.as_str()).element(
        Snippet::source(excerpt)
            .line_start(line)
            .path(loc.file.as_str())
            .annotation(AnnotationKind::Primary.span(start..end).label(label)),
    );
    if let Some(hint) = &d.hint {
        title = title.element(
            Level::HELP
                .with_name(crate::msg::level_hint())
                .message(hint.as_str()),
        );
    }
    let mut out = Renderer::plain().render(&[title]);
    out.push('\n');
    out
}

/// Where the value starting at byte `start` of a YAML line ends: its closing quote, or before
/// a trailing comment, or the line's end.
fn value_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    let len = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
        _ => rest.find(" #").unwrap_or(rest.len()),
    };
    let end = start + rest[..len].trim_end().len();
    end.max((start + 1).min(line.len()))
}
