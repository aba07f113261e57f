//! The tables `check` prints: the plan's numbers against the lists' counts.

use crate::msg;
use std::fmt::{self, Write as _};

/// One line of a quota table: the plan's number against the list's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaRow {
    pub depth: usize,
    pub id: String,
    pub label: String,
    /// The plan's (min, max); `None` when the plan gives no number.
    pub planned: Option<(u32, u32)>,
    pub actual: usize,
    pub soft: bool,
}

impl QuotaRow {
    pub fn ok(&self) -> bool {
        self.planned.is_none_or(|(a, b)| {
            let n = self.actual as u64;
            (a as u64..=b as u64).contains(&n)
        })
    }
}

/// How the plan's parts add up to a group's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumLine {
    pub label: String,
    /// "2 + 3 + 2 + 5 + 5 + 3 + 2 + 15".
    pub terms: String,
    pub sum: (u32, u32),
    pub planned: (u32, u32),
    /// A single part is read as "trong đó" (of which): it only has to fit in the whole.
    pub of_which: bool,
    pub ok: bool,
}

/// A count per value (field, gender, age band, unit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Balance {
    pub title: String,
    pub rows: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub delegates_file: Option<String>,
    pub honorees_file: Option<String>,
    pub composition: Vec<QuotaRow>,
    pub sums: Vec<SumLine>,
    pub honours: Vec<QuotaRow>,
    pub balance: Vec<Balance>,
    /// Fields the plan asks to balance that no honoree represents.
    pub empty_fields: Vec<String>,
}

pub(crate) fn range_text(r: (u32, u32)) -> String {
    match r {
        (a, b) if a == b => a.to_string(),
        (a, u32::MAX) => format!("≥ {a}"),
        (0, b) => format!("≤ {b}"),
        (a, b) => format!("{a}–{b}"),
    }
}

pub(crate) fn term_text(r: (u32, u32)) -> String {
    if r.0 == r.1 {
        r.0.to_string()
    } else {
        format!("({})", range_text(r))
    }
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() > width {
        format!("{}…", s.chars().take(width - 1).collect::<String>())
    } else {
        s.to_string()
    }
}

fn status(row: &QuotaRow) -> String {
    match (row.ok(), row.soft) {
        (true, _) => msg::report_ok(),
        (false, true) => msg::report_warning(),
        (false, false) => msg::report_error(),
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const W: usize = 58;
        if !self.composition.is_empty() {
            writeln!(
                f,
                "{}",
                msg::report_composition(self.delegates_file.as_deref().unwrap_or("?"))
            )?;
            writeln!(
                f,
                "  {} {:>9} {:>9}  ",
                pad(&msg::report_group(), W),
                msg::report_planned(),
                msg::report_listed()
            )?;
            for r in &self.composition {
                let label = format!("{}{}", "  ".repeat(r.depth), r.label);
                writeln!(
                    f,
                    "  {} {:>9} {:>9}  {}",
                    pad(&clip(&label, W), W),
                    r.planned.map(range_text).unwrap_or_else(|| "—".into()),
                    r.actual,
                    status(r)
                )?;
            }
            writeln!(f)?;
        }
        if !self.sums.is_empty() {
            writeln!(f, "{}", msg::report_sums())?;
            for s in &self.sums {
                let verdict = match (s.of_which, s.ok) {
                    (false, true) => msg::report_sum_ok(&range_text(s.planned)),
                    (false, false) => msg::report_sum_bad(&range_text(s.planned)),
                    (true, true) => msg::report_part_ok(&range_text(s.planned)),
                    (true, false) => msg::report_part_bad(&range_text(s.planned)),
                };
                let mut line = format!("  {}: {}", s.label, s.terms);
                if !s.of_which {
                    let _ = write!(line, " = {}", range_text(s.sum));
                }
                writeln!(f, "{line} — {verdict}")?;
            }
            writeln!(f)?;
        }
        if !self.honours.is_empty() {
            writeln!(
                f,
                "{}",
                msg::report_honours(self.honorees_file.as_deref().unwrap_or("?"))
            )?;
            for r in &self.honours {
                writeln!(
                    f,
                    "  {} {:>9} {:>9}  {}",
                    pad(&clip(&r.label, W), W),
                    r.planned.map(range_text).unwrap_or_else(|| "—".into()),
                    r.actual,
                    status(r)
                )?;
            }
            writeln!(f)?;
        }
        if !self.balance.is_empty() {
            writeln!(f, "{}", msg::report_balance())?;
            for b in &self.balance {
                writeln!(f, "  {}:", b.title)?;
                for (k, n) in &b.rows {
                    let flag = if self.empty_fields.contains(k) {
                        msg::report_none_yet()
                    } else {
                        String::new()
                    };
                    writeln!(f, "    {} {:>5}{flag}", pad(&clip(k, W), W), n)?;
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
