//! Small text-hygiene checks on free-text values, the kind of slips that survive proofreading
//! on screen but show up in print (or break sorting and searching).

use unicode_normalization::is_nfc;

/// One kind of problem found in a text value; each kind is reported at most once per value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextIssue {
    /// Two spaces in a row, usually a leftover from editing.
    DoubleSpace,
    /// Whitespace at the start or the end (one final line break, as a `|` block gives, is fine).
    LeadingOrTrailingSpace,
    /// The text is not NFC: decomposed Vietnamese letters look right but compare, sort and
    /// search differently, and some fonts place the marks badly.
    Decomposed,
    /// A control or invisible format character (tab, carriage return, zero-width space, BOM...).
    ControlChar,
}

/// Invisible characters that paste in from word processors and web pages and that a reader
/// cannot see in the YAML file.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The issues of one value, each kind once and in declaration order, so the `check` output
/// is stable from run to run.
pub fn text_issues(s: &str) -> Vec<TextIssue> {
    let mut issues = Vec::new();
    if s.contains("  ") {
        issues.push(TextIssue::DoubleSpace);
    }
    let body = s.strip_suffix('\n').unwrap_or(s);
    if body.starts_with(char::is_whitespace) || body.ends_with(char::is_whitespace) {
        issues.push(TextIssue::LeadingOrTrailingSpace);
    }
    if !is_nfc(s) {
        issues.push(TextIssue::Decomposed);
    }
    if s.chars()
        .any(|c| (c.is_control() && c != '\n') || is_invisible(c))
    {
        issues.push(TextIssue::ControlChar);
    }
    issues
}
