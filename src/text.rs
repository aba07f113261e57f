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
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        let num = |p: &str| {
            p.trim()
                .parse::<i64>()
                .map_err(|_| format!("“{s}” không phải ngày dạng NĂM-THÁNG-NGÀY"))
        };
        let bad = || format!("ngày “{s}” không tồn tại");
        let out = match parts.as_slice() {
            [y] => Self {
                year: num(y)? as i32,
                month: None,
                day: None,
            },
            [y, m] => {
                let m = num(m)?;
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                Self {
                    year: num(y)? as i32,
                    month: Some(m as u32),
                    day: None,
                }
            }
            [y, m, d] => {
                let (y, m, d) = (num(y)? as i32, num(m)? as u32, num(d)? as u32);
                NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)?;
                Self {
                    year: y,
                    month: Some(m),
                    day: Some(d),
                }
            }
            _ => {
                return Err(format!(
                    "“{s}” không phải ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2025-08-22)"
                ));
            }
        };
        if !(1900..=2200).contains(&out.year) {
            return Err(bad());
        }
        Ok(out)
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
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Str(String),
        }
        let s = match Raw::deserialize(d)? {
            Raw::Int(i) => i.to_string(),
            Raw::Str(s) => s,
        };
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
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
            _ => return Err(format!("“{s}” không phải giờ dạng GIỜ:PHÚT (ví dụ 07:30)")),
        };
        if h > 23 || m > 59 {
            return Err(format!("giờ “{s}” không tồn tại (giờ 0–23, phút 0–59)"));
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

    pub fn minutes(&self) -> u32 {
        self.hour * 60 + self.minute
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
    (key.starts_with("conference.") || key.starts_with("count:") || key.starts_with("authority."))
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '_' | '-'))
}

/// Vietnamese upper case with diacritics kept ("xã Thượng Lâm" → "XÃ THƯỢNG LÂM").
pub fn upper(s: &str) -> String {
    nfc(&s.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
