//! Vietnamese text rules that are law or firm practice: dates and numbers as Nghị định 30/2020
//! writes them, weekdays, clock times, and the `{…}` placeholders that let prose in data quote
//! facts (date, venue, counts) that live once elsewhere in the data.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unicode_normalization::UnicodeNormalization;

/// NFC form: the PDF text layer, search and comparisons all need precomposed text.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// A date of which the day, or the day and month, may still be blank: documents are printed
/// before signing as "ngày      tháng 8 năm 2025" and again once the date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// A date as clerks write it: day first with slashes (`22/8/2025`, `22/08/2025`, `8/2025`),
    /// or year first (`2025-08-22`, `2025-08`), or the year alone (`2025`). The calendar is
    /// chrono's; an impossible date names the part that is impossible (month 13, day 31 of a
    /// 30-day month).
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split(['-', '/', '.']).map(str::trim).collect();
        let unreadable = || crate::msg::date_unreadable(s);
        if parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(unreadable());
        }
        let n = |p: &str| p.parse::<u32>().map_err(|_| unreadable());
        // Which end holds the year: the part of four digits.
        let (year, month, day) = match parts.as_slice() {
            [y] if y.len() == 4 => (n(y)?, None, None),
            [y, m] if y.len() == 4 && m.len() <= 2 => (n(y)?, Some(n(m)?), None),
            [m, y] if y.len() == 4 && m.len() <= 2 => (n(y)?, Some(n(m)?), None),
            [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
                (n(y)?, Some(n(m)?), Some(n(d)?))
            }
            [d, m, y] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
                (n(y)?, Some(n(m)?), Some(n(d)?))
            }
            _ => return Err(unreadable()),
        };
        let year = year as i32;
        if !(1900..=2200).contains(&year) {
            return Err(crate::msg::date_bad_year(s, year));
        }
        if let Some(m) = month {
            let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else {
                return Err(crate::msg::date_bad_month(s, m));
            };
            if let Some(d) = day
                && NaiveDate::from_ymd_opt(year, m, d).is_none()
            {
                return Err(crate::msg::date_bad_day(
                    s,
                    d,
                    m,
                    year,
                    u32::from(first.num_days_in_month()),
                ));
            }
        }
        Ok(Self { year, month, day })
    }

    pub fn full(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// Day as Nghị định 30 writes it: two digits ("05"), or `None` when blank.
    pub fn day_text(&self) -> Option<String> {
        self.day.map(|d| format!("{d:02}"))
    }

    /// Month: "01", "02" with a leading zero, 3–12 without (Phụ lục I, II.4.b).
    pub fn month_text(&self) -> Option<String> {
        self.month.map(month_text)
    }
}

pub fn month_text(m: u32) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor, not a buffered untagged enum: the error then carries the value's own
        // line and column.
        d.deserialize_any(ScalarVisitor(crate::msg::expected_date(), |s| {
            PartialDate::parse(s).map_err(|e| quote_hint(s, e))
        }))
    }
}

/// Reads a scalar written as text or as a number and parses it with `.1`.
struct ScalarVisitor<T>(&'static str, fn(&str) -> Result<T, String>);

impl<T> serde::de::Visitor<'_> for ScalarVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }
}

/// A value that swallowed the next lines ("07:30 start_is_sample: true …") is a quote left
/// open: say so, since the parser's own error would come later or not at all.
fn quote_hint(s: &str, e: String) -> String {
    if s.contains('\n') || s.contains(": ") {
        crate::msg::unclosed_quote_maybe(&e)
    } else {
        e
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// A full date in data (`22/8/2025` or `2025-08-22`), parsed when the file is loaded: an impossible or
/// partial date is a located load error, so nothing downstream ever meets an unparsed date.
pub mod full_date {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_any(ScalarVisitor(crate::msg::expected_date(), |s| {
            let p = PartialDate::parse(s).map_err(|e| quote_hint(s, e))?;
            p.full()
                .ok_or_else(|| crate::msg::date_incomplete(s.trim()))
        }))
    }

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.format("%Y-%m-%d").to_string())
    }
}

/// A year of birth as lists write it: the year (`1978`, `1978.0` from a spreadsheet) or a date
/// of birth in any form [`PartialDate::parse`] reads (`05/09/1978`, `09/1978`, `1978-09-05`,
/// an Excel date cell `1978-09-05T00:00:00`). `Err` says why: an impossible date names the
/// impossible part; `None` inside when the text is not a date at all.
pub fn birth_year(v: &str) -> Result<i32, Option<String>> {
    let v = v.trim();
    let v = v.strip_suffix(".0").unwrap_or(v);
    if v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse().map_err(|_| None);
    }
    let date = v.split(['T', ' ']).next().unwrap_or(v);
    if !date.contains(['/', '-', '.']) {
        return Err(None);
    }
    match PartialDate::parse(date) {
        Ok(p) if p.month.is_some() => Ok(p.year),
        Ok(_) => Err(None),
        Err(e) if e == crate::msg::date_unreadable(date) => Err(None),
        Err(e) => Err(Some(e)),
    }
}

/// `birth_year:` in a YAML list: a number (1978) or a date of birth as text (05/09/1978).
pub mod birth_year_field {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
        d.deserialize_any(OptionalYear)
    }

    struct OptionalYear;

    impl<'de> serde::de::Visitor<'de> for OptionalYear {
        type Value = Option<i32>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "{}", crate::msg::expected_birth_year())
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            i32::try_from(v)
                .map(Some)
                .map_err(|_| E::custom(crate::msg::birth_unreadable(&v.to_string())))
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            i32::try_from(v)
                .map(Some)
                .map_err(|_| E::custom(crate::msg::birth_unreadable(&v.to_string())))
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            if v.trim().is_empty() {
                return Ok(None);
            }
            birth_year(v)
                .map(Some)
                .map_err(|e| E::custom(e.unwrap_or_else(|| crate::msg::birth_unreadable(v))))
        }
    }

    pub fn serialize<S: Serializer>(y: &Option<i32>, s: S) -> Result<S::Ok, S::Error> {
        match y {
            Some(y) => s.serialize_i32(*y),
            None => s.serialize_none(),
        }
    }
}

/// "ngày 05 tháng 01 năm 2026": the long form of a full date.
pub fn date_long(d: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {} năm {}",
        d.day(),
        month_text(d.month()),
        d.year()
    )
}

/// "22/8/2025": the short form the seed's prose uses.
pub fn date_short(d: NaiveDate) -> String {
    format!("{}/{}/{}", d.day(), d.month(), d.year())
}

/// "thứ Sáu", "Chủ nhật" (Phụ lục II: days in words are capitalised after "thứ").
pub fn weekday(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// A clock time "HH:MM" from data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime {
    pub hour: u32,
    pub minute: u32,
}

impl ClockTime {
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim().replace(['h', 'H', '.'], ":");
        let (h, m) = t.split_once(':').unwrap_or((&t, "0"));
        let m = if m.is_empty() { "0" } else { m };
        let (h, m) = match (h.trim().parse::<u32>(), m.trim().parse::<u32>()) {
            (Ok(h), Ok(m)) => (h, m),
            _ => return Err(crate::msg::time_not_clock(s)),
        };
        if h > 23 || m > 59 {
            return Err(crate::msg::time_impossible(s));
        }
        Ok(Self { hour: h, minute: m })
    }

    /// "07 giờ 30 phút" (the invitation's form); "07 giờ 00" is written "07 giờ 00 phút" too.
    pub fn long(&self) -> String {
        format!("{:02} giờ {:02} phút", self.hour, self.minute)
    }

    /// "07h30": the programme's compact form.
    pub fn short(&self) -> String {
        format!("{:02}h{:02}", self.hour, self.minute)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor(crate::msg::expected_time(), |s| {
            ClockTime::parse(s).map_err(|e| quote_hint(s, e))
        }))
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:02}:{:02}", self.hour, self.minute))
    }
}

/// A count as the plan prints it: "04", "37", or a range "70 – 80".
pub fn count_text(range: (u32, u32)) -> String {
    match range {
        (a, b) if a == b => format!("{a:02}"),
        (a, u32::MAX) => format!("từ {a:02}"),
        (a, b) => format!("{a} – {b}"),
    }
}

/// Values the `{…}` placeholders of prose may name.
pub trait Facts {
    /// The text for `key` ("conference.date", "count:total"), or `None` if unknown.
    fn fact(&self, key: &str) -> Option<String>;
}

/// Replaces `{key}` by its fact. Unknown keys are returned as errors so a misspelt placeholder
/// is reported instead of printed; braces that do not look like a placeholder stay literal.
pub fn expand(text: &str, facts: &dyn Facts) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if is_placeholder(&after[..end]) => {
                let key = &after[..end];
                match facts.fact(key) {
                    Some(v) => out.push_str(&v),
                    None => return Err(key.to_string()),
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn is_placeholder(key: &str) -> bool {
    ["conference.", "count:", "authority.", "honorees.", "award."]
        .iter()
        .any(|p| key.starts_with(p))
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '_' | '-'))
}

/// "1.404.000": đồng amounts with dots between thousands.
pub fn money(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Folds text for matching: lower case, NFC, without tone marks and with đ as d, so "Văn Hoá",
/// "van hoa" and "văn hóa" compare equal.
pub fn fold(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The one fuzzy matcher: the candidate the clerk most likely meant by `word`, or `None` when
/// no candidate is likely (a wrong suggestion sends the clerk after something they never
/// wrote). Likely is, over folded text (no case, tone marks or extra spaces):
/// - the same text folded ("Văn Hoá" for "văn hóa");
/// - a typo: few edits for the longer length (none up to 3 letters, 1 up to 6, 2 up to 12, then 3),
///   the same numbers ("cn-05" is not a typo of "cn-06"), and the one closest such candidate
///   (two letters swapped are one edit: "nmae" is "name");
/// - a file's name without its extension ("ke-hoach" for "ke-hoach.pdf");
/// - the clerk's words holding the whole of one candidate of two words or more ("Xây dựng chính
///   quyền" holds "chính quyền"), when exactly one does.
///
/// Sharing a beginning is not likely: "Xây dựng chính quyền" is not "xây dựng đảng".
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = fold(word);
    if w.is_empty() {
        return None;
    }
    let folded: Vec<(String, &'a str)> = candidates.into_iter().map(|c| (fold(c), c)).collect();
    if let Some((_, c)) = folded.iter().find(|(f, _)| *f == w) {
        return Some(c);
    }
    // A file's name without its extension or folder slash ("ke-hoach" for "ke-hoach.pdf").
    let stem = |f: &str| -> Option<String> {
        let f = f.trim_end_matches('/');
        let (dir, name) = f.rsplit_once('/').map_or(("", f), |(d, n)| (d, n));
        let name = name.split_once('.').map_or(name, |(a, _)| a);
        Some(if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        })
    };
    if let [(_, c)] = folded
        .iter()
        .filter(|(f, _)| f != &w && stem(f).as_deref() == Some(w.as_str()))
        .collect::<Vec<_>>()
        .as_slice()
    {
        return Some(c);
    }
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let allowed = |len: usize| match len {
        0..=3 => 0,
        4..=6 => 1,
        7..=12 => 2,
        _ => 3,
    };
    let wlen = w.chars().count();
    let mut typos: Vec<(usize, &'a str)> = folded
        .iter()
        .filter_map(|(f, c)| {
            // A file name is compared without its extensions ("ke-hoac", "ke-hoach.typ.j2").
            let s = stem(f).unwrap_or_default();
            let f = if s != *f && !w.contains('.') { &s } else { f };
            (digits(f) == digits(&w)).then(|| {
                let len = f.chars().count().max(wlen);
                (strsim::osa_distance(&w, f), len, *c)
            })
        })
        .filter(|&(d, len, _)| d > 0 && d <= allowed(len))
        .map(|(d, _, c)| (d, c))
        .collect();
    typos.sort_by_key(|(d, _)| *d);
    match typos.as_slice() {
        [(_, c)] => return Some(c),
        [(d1, c), (d2, _), ..] if d1 < d2 => return Some(c),
        [_, _, ..] => return None,
        [] => {}
    }
    let held: Vec<&'a str> = folded
        .iter()
        .filter(|(f, _)| holds(&w, f))
        .map(|(_, c)| *c)
        .collect();
    match held.as_slice() {
        [c] => Some(c),
        _ => None,
    }
}

/// The one candidate that holds the whole of `word` (two words or more) among more words:
/// a spreadsheet header "Chức vụ đảm nhiệm" for the column "Chức vụ". `None` when none or
/// several do.
pub fn holding<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = fold(word);
    let held: Vec<&'a str> = candidates
        .into_iter()
        .filter(|c| holds(&fold(c), &w))
        .collect();
    match held.as_slice() {
        [c] => Some(c),
        _ => None,
    }
}

/// Whether the folded words of `outer` hold those of `inner` (two words or more, fewer than
/// `outer`'s) as a whole.
fn holds(outer: &str, inner: &str) -> bool {
    let ow: Vec<&str> = outer.split(' ').collect();
    let iw: Vec<&str> = inner.split(' ').collect();
    iw.len() >= 2 && iw.len() < ow.len() && ow.windows(iw.len()).any(|x| x == iw)
}

/// Position titles that can open a name cell written as a position ("Giám đốc Trung tâm Y tế",
/// "Chủ tịch UBND xã") rather than a person's name; compared folded, as whole words. A bare
/// "Phó" is a surname, so it counts only before another title.
const POSITIONS: [&str; 18] = [
    "tong giam doc",
    "giam doc",
    "chu tich",
    "bi thu",
    "hieu truong",
    "chu nhiem",
    "chi huy truong",
    "thu truong",
    "to truong",
    "truong ban",
    "truong phong",
    "truong thon",
    "truong tram",
    "truong cong an",
    "chanh van phong",
    "chanh an",
    "dai dien",
    "lanh dao",
];

/// The position title a name cell starts with, as written ("Giám đốc", "Phó Chủ tịch"), when
/// it holds a position rather than a person's name: a salutation ("Ông", "Bà") does not go
/// before it.
pub fn position_title(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let skip = usize::from(folded.first().is_some_and(|w| w == "pho"));
    POSITIONS.iter().find_map(|p| {
        let n = p.split(' ').count();
        (folded.len() > skip + n - 1 && folded[skip..skip + n].join(" ") == *p)
            .then(|| words[..skip + n].join(" "))
    })
}

/// A title's text on one line: a line break the writer put in a title (a newline, see
/// docs/giay-moi or the plan's `summary`) becomes a space, for the uses that are not the title
/// itself (the PDF's document title).
pub fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Vietnamese upper case with diacritics kept ("xã Thượng Lâm" → "XÃ THƯỢNG LÂM").
pub fn upper(s: &str) -> String {
    nfc(&s.to_uppercase())
}

/// A position and the unit it is held in, as they are printed together: when the unit starts
/// with the words the position ends with, those words are written once ("Trưởng thôn" +
/// "thôn Bắc Hà" → "Trưởng thôn Bắc Hà"); otherwise a unit starting in lower case continues the
/// phrase ("Bí thư" + "thôn Bắc Hà") and a named body follows a comma ("Chủ tịch", "Hội Nông
/// dân xã"). Words must match exactly, case included: "Trưởng ban" (a rank) and "Ban Tuyên
/// giáo" (the body's name) are not the same word, so nothing is merged.
pub fn position_in(title: &str, unit: &str) -> String {
    let (t, u) = (title.trim(), unit.trim());
    if t.is_empty() {
        return u.to_string();
    }
    if u.is_empty() {
        return t.to_string();
    }
    if let Some(joined) = merge_words(t, u) {
        return joined;
    }
    let sep = if u.chars().next().is_some_and(char::is_lowercase) {
        " "
    } else {
        ", "
    };
    format!("{t}{sep}{u}")
}

/// `a` and `b` as one phrase when `b` starts with the last words of `a` (the longest such
/// overlap, compared exactly after NFC), written once; `None` when they share no words.
pub fn merge_words(a: &str, b: &str) -> Option<String> {
    let (a, b) = (nfc(a), nfc(b));
    let aw: Vec<&str> = a.split_whitespace().collect();
    let bw: Vec<&str> = b.split_whitespace().collect();
    let k = (1..=aw.len().min(bw.len()))
        .rev()
        .find(|&k| aw[aw.len() - k..] == bw[..k])?;
    Some(
        aw.iter()
            .chain(&bw[k..])
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Roman numerals ("IV", "XI"): the numbering of the top-level groups of the decision's
/// list and the check-in list, and the templates' `roman` filter.
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_cell_holding_a_position() {
        for (cell, want) in [
            ("Giám đốc Trung tâm Y tế", Some("Giám đốc")),
            ("Phó Chủ tịch UBND xã", Some("Phó Chủ tịch")),
            ("bí thư Đảng ủy xã", Some("bí thư")),
            ("Tổng Giám đốc Công ty", Some("Tổng Giám đốc")),
            ("Đại diện lãnh đạo Sở Nội vụ", Some("Đại diện")),
            // People: a surname "Phó", a given name that is a word of a title.
            ("Phó Đức Phương", None),
            ("Nguyễn Văn Trưởng", None),
            ("Lưu Quang Vũ", None),
            ("Giám", None),
            ("", None),
        ] {
            assert_eq!(super::position_title(cell).as_deref(), want, "{cell}");
        }
    }

    #[test]
    fn a_title_on_one_line() {
        assert_eq!(
            super::one_line("Tổ chức Hội nghị\n  xã Thượng Hồng"),
            "Tổ chức Hội nghị xã Thượng Hồng"
        );
        assert_eq!(super::one_line("một dòng"), "một dòng");
    }

    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(1404000), "1.404.000");
        assert_eq!(money(702000), "702.000");
        assert_eq!(money(0), "0");
        assert_eq!(money(100), "100");
        assert_eq!(money(61776000), "61.776.000");
    }

    /// Suggestions only when likely: a table of near-misses clerks made (and what they meant)
    /// and of words that merely look alike (nothing to suggest).
    #[test]
    fn nearest_suggests_likely_slips_only() {
        // The fields of the default plan, the keys of a plan's conference, group labels.
        let fields = [
            "kinh tế",
            "văn hóa",
            "xã hội",
            "an ninh",
            "quốc phòng",
            "xây dựng đảng",
            "chính quyền",
            "đoàn thể",
            "tôn giáo",
        ];
        let keys = [
            "name",
            "date",
            "session",
            "start",
            "venue",
            "number",
            "signature",
        ];
        let groups = [
            "Đại biểu xã",
            "Đại biểu thành phố",
            "Đại biểu các thôn",
            "Trưởng thôn",
        ];
        let codes = ["cn-05", "cn-15", "tt-02"];
        for (typed, among, want) in [
            // near-misses: what the clerk meant
            ("kinh te", &fields[..], Some("kinh tế")),
            ("Văn Hoá", &fields[..], Some("văn hóa")),
            ("xay dung dang", &fields[..], Some("xây dựng đảng")),
            ("Xây dựng Đảng", &fields[..], Some("xây dựng đảng")),
            ("quoc phong ", &fields[..], Some("quốc phòng")),
            ("tôn giao", &fields[..], Some("tôn giáo")),
            ("an nnh", &fields[..], Some("an ninh")),
            ("quốc phòg", &fields[..], Some("quốc phòng")),
            ("Xây dựng chính quyền", &fields[..], Some("chính quyền")),
            ("numbr", &keys[..], Some("number")),
            ("venu", &keys[..], Some("venue")),
            ("signatur", &keys[..], Some("signature")),
            ("sesion", &keys[..], Some("session")),
            ("cty", &["city", "commune", "villages"][..], Some("city")),
            ("nmae", &keys[..], Some("name")),
            (
                "ke-hoach",
                &["ke-hoach.pdf", "giay-moi.pdf", "giay-khen/"][..],
                Some("ke-hoach.pdf"),
            ),
            ("giay-khen", &["giay-khen.pdf", "giay-khen/"][..], None),
            (
                "ke-hoac",
                &["ke-hoach.typ.j2", "giay-moi.typ.j2", "lib/vi.typ"][..],
                Some("ke-hoach.typ.j2"),
            ),
            ("Đại biểu xa", &groups[..], Some("Đại biểu xã")),
            (
                "Đại biểu thành pho",
                &groups[..],
                Some("Đại biểu thành phố"),
            ),
            ("truong thon", &groups[..], Some("Trưởng thôn")),
            // non-matches: alike at a glance, something else
            ("thể thao", &fields[..], None),
            ("giáo dục", &fields[..], None),
            ("y tế", &fields[..], None),
            ("kinh doanh", &fields[..], None),
            ("văn nghệ", &fields[..], None),
            ("xây dựng nông thôn mới", &fields[..], None),
            ("nông nghiệp", &fields[..], None),
            ("data", &keys[..], Some("date")),
            ("time", &keys[..], None),
            ("Đại biểu tỉnh", &groups[..], None),
            ("Phó trưởng thôn", &groups[..], Some("Trưởng thôn")),
            ("cn-06", &codes[..], None),
            ("cn-5", &codes[..], None),
            ("", &fields[..], None),
        ] {
            assert_eq!(nearest(typed, among.iter().copied()), want, "“{typed}”");
        }
    }

    /// Dates as clerks write them, and what an impossible one says (expected values written
    /// out from the calendar, not from the parser).
    #[test]
    fn dates_as_clerks_write_them() {
        let full = |y, m, d| {
            Ok(PartialDate {
                year: y,
                month: Some(m),
                day: Some(d),
            })
        };
        for (typed, want) in [
            ("22/8/2025", full(2025, 8, 22)),
            ("22/08/2025", full(2025, 8, 22)),
            ("2025-08-22", full(2025, 8, 22)),
            (" 5/1/2026 ", full(2026, 1, 5)),
            ("05-01-2026", full(2026, 1, 5)),
            ("29/2/2024", full(2024, 2, 29)),
            (
                "8/2025",
                Ok(PartialDate {
                    year: 2025,
                    month: Some(8),
                    day: None,
                }),
            ),
            (
                "2025-08",
                Ok(PartialDate {
                    year: 2025,
                    month: Some(8),
                    day: None,
                }),
            ),
            (
                "2025",
                Ok(PartialDate {
                    year: 2025,
                    month: None,
                    day: None,
                }),
            ),
            (
                "31/9/2025",
                Err(
                    "ngày “31/9/2025” không có: tháng 9 năm 2025 chỉ có các ngày từ 1 đến 30, không có ngày 31",
                ),
            ),
            (
                "29/2/2025",
                Err(
                    "ngày “29/2/2025” không có: tháng 2 năm 2025 chỉ có các ngày từ 1 đến 28, không có ngày 29",
                ),
            ),
            (
                "2025-02-30",
                Err(
                    "ngày “2025-02-30” không có: tháng 2 năm 2025 chỉ có các ngày từ 1 đến 28, không có ngày 30",
                ),
            ),
            (
                "0/8/2025",
                Err(
                    "ngày “0/8/2025” không có: tháng 8 năm 2025 chỉ có các ngày từ 1 đến 31, không có ngày 0",
                ),
            ),
            (
                "22/13/2025",
                Err("ngày “22/13/2025” không có: không có tháng 13 (tháng ghi từ 1 đến 12)"),
            ),
            (
                "13/2025",
                Err("ngày “13/2025” không có: không có tháng 13 (tháng ghi từ 1 đến 12)"),
            ),
            (
                "22/8/1025",
                Err("ngày “22/8/1025” không có: năm 1025 nằm ngoài khoảng 1900–2200"),
            ),
            (
                "22/8/25",
                Err(
                    "“22/8/25” không phải ngày: ghi ngày/tháng/năm (ví dụ 22/8/2025) hoặc năm-tháng-ngày (2025-08-22)",
                ),
            ),
            (
                "ngày 22",
                Err(
                    "“ngày 22” không phải ngày: ghi ngày/tháng/năm (ví dụ 22/8/2025) hoặc năm-tháng-ngày (2025-08-22)",
                ),
            ),
        ] {
            assert_eq!(
                PartialDate::parse(typed),
                want.map_err(str::to_string),
                "{typed}"
            );
        }
    }

    #[test]
    fn birth_years_from_dates() {
        assert_eq!(birth_year("1978"), Ok(1978));
        assert_eq!(birth_year("05/09/1978"), Ok(1978));
        assert_eq!(birth_year("1978-09-05T00:00:00"), Ok(1978));
        assert_eq!(birth_year("khoảng 1970"), Err(None));
        assert_eq!(
            birth_year("31/4/1978"),
            Err(Some(
                "ngày “31/4/1978” không có: tháng 4 năm 1978 chỉ có các ngày từ 1 đến 30, không có ngày 31".into()
            ))
        );
    }

    #[test]
    fn nd30_date_rules() {
        let d = PartialDate::parse("2026-01-05").unwrap();
        assert_eq!(d.day_text().as_deref(), Some("05"));
        assert_eq!(d.month_text().as_deref(), Some("01"));
        let d = PartialDate::parse("2025-08").unwrap();
        assert_eq!(d.day_text(), None);
        assert_eq!(d.month_text().as_deref(), Some("8"));
        assert_eq!(month_text(10), "10");
        assert!(PartialDate::parse("2025-02-30").is_err());
        assert!(PartialDate::parse("2025-13").is_err());
        assert_eq!(
            date_long(NaiveDate::from_ymd_opt(2020, 1, 5).unwrap()),
            "ngày 05 tháng 01 năm 2020"
        );
    }

    #[test]
    fn weekday_of_the_seed_conference() {
        assert_eq!(
            weekday(NaiveDate::from_ymd_opt(2025, 8, 22).unwrap()),
            "thứ Sáu"
        );
    }

    #[test]
    fn times() {
        assert_eq!(ClockTime::parse("7:30").unwrap().long(), "07 giờ 30 phút");
        assert_eq!(ClockTime::parse("7h30").unwrap().short(), "07h30");
        assert!(ClockTime::parse("25:00").is_err());
        assert!(ClockTime::parse("07:61").is_err());
    }

    struct F;
    impl Facts for F {
        fn fact(&self, key: &str) -> Option<String> {
            (key == "count:total").then(|| "120 – 150".into())
        }
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            expand("Tổng: {count:total} người {x}", &F).unwrap(),
            "Tổng: 120 – 150 người {x}"
        );
        assert_eq!(expand("{count:nope}", &F).unwrap_err(), "count:nope");
        assert_eq!(expand("{ }{", &F).unwrap(), "{ }{");
    }

    #[test]
    fn position_and_unit_share_words_once() {
        let cases = [
            ("Trưởng thôn", "thôn Bắc Hà", "Trưởng thôn Bắc Hà"),
            (
                "Bí thư Chi bộ",
                "Chi bộ thôn Đông Sơn",
                "Bí thư Chi bộ thôn Đông Sơn",
            ),
            (
                "Chủ tịch UBND",
                "UBND xã Tân Lập",
                "Chủ tịch UBND xã Tân Lập",
            ),
            (
                "Chi hội trưởng Chi hội Phụ nữ",
                "Chi hội Phụ nữ thôn 2",
                "Chi hội trưởng Chi hội Phụ nữ thôn 2",
            ),
            // The unit is the end of the position: nothing left to add.
            ("Chủ tịch UBND xã", "UBND xã", "Chủ tịch UBND xã"),
            // Case differs: a rank and a body's name, not one word.
            ("Trưởng ban", "Ban Tuyên giáo", "Trưởng ban, Ban Tuyên giáo"),
            (
                "Bí thư chi bộ",
                "Chi bộ thôn X",
                "Bí thư chi bộ, Chi bộ thôn X",
            ),
            // No shared words: a lower-case unit continues, a named body after a comma.
            ("Bí thư", "thôn Bắc Hà", "Bí thư thôn Bắc Hà"),
            ("Chủ tịch", "Hội Nông dân xã", "Chủ tịch, Hội Nông dân xã"),
            // A word inside the unit is not an overlap.
            (
                "Trưởng thôn",
                "Ban công tác Mặt trận thôn",
                "Trưởng thôn, Ban công tác Mặt trận thôn",
            ),
            ("", "thôn Bắc Hà", "thôn Bắc Hà"),
            ("Trưởng thôn", " ", "Trưởng thôn"),
        ];
        for (t, u, want) in cases {
            assert_eq!(position_in(t, u), want, "{t} + {u}");
        }
        // Decomposed input is compared as what it prints.
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("thôn Bắc Hà").collect();
        assert_eq!(position_in("Trưởng thôn", &nfd), "Trưởng thôn Bắc Hà");
    }
}
