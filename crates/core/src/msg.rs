//! Every string a person reads, in Vietnamese and English side by side: the command line, the
//! checks (`rules/`), loading and importing data, the engine, `serve`/`watch`. Grouped by
//! layer below. Not here: the text of the printed documents (`documents/`, `model/`, the
//! templates), which is Vietnamese whatever the clerk's language, and vocabulary matched
//! against input (spreadsheet headers in `load/tables.rs`); `tests/lang.rs` scans `src/` for
//! Vietnamese literals elsewhere, with that allow-list.
//!
//! A Rust module rather than Fluent `.ftl` files: each message is a function whose arguments
//! the compiler checks (a placeholder misspelt in one language is a build error, not a blank at
//! the clerk's desk), both languages of a message sit on adjacent lines so a translator sees
//! what they translate, and nothing is parsed at run time. Vietnamese has no plural forms and
//! the English side needs only a few, so Fluent's selectors would buy little.
//!
//! The language is chosen by `--lang` only, never by `LANG`/`LC_*`: a clerk's machine set up in
//! English still speaks Vietnamese. It is process-wide (set once by `main`), below every layer,
//! so the diagnostic renderer can name its levels without being handed a language.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// The language asked for on the command line (`--lang en`, `--lang=en`), read before clap
/// parses so that clap's own help is already in that language. Anything else is Vietnamese.
pub fn from_args<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(args: I) -> Lang {
    let mut lang = Lang::Vi;
    let mut next_is_lang = false;
    for a in args {
        let a = a.as_ref().to_string_lossy();
        if a == "--" {
            break;
        }
        let value = if next_is_lang {
            next_is_lang = false;
            Some(a.to_string())
        } else if a == "--lang" {
            next_is_lang = true;
            None
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        };
        match value.as_deref() {
            Some("en") => lang = Lang::En,
            Some(_) => lang = Lang::Vi,
            None => {}
        }
    }
    lang
}

/// Picks the string of the current language.
pub fn pick<'a>(vi: &'a str, en: &'a str) -> &'a str {
    match lang() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// One message: a function returning the text in the current language. Placeholders name the
/// function's arguments.
#[macro_export]
macro_rules! message {
    ($(#[$m:meta])* $name:ident($($arg:ident: $ty:ty),*) vi $vi:literal en $en:literal) => {
        $(#[$m])*
        pub fn $name($($arg: $ty),*) -> String {
            match $crate::msg::lang() {
                $crate::msg::Lang::Vi => format!($vi),
                $crate::msg::Lang::En => format!($en),
            }
        }
    };
}

// ---- The diagnostic renderer ----

pub fn level_error() -> &'static str {
    pick("lỗi", "error")
}
pub fn level_warning() -> &'static str {
    pick("cảnh báo", "warning")
}
pub fn level_note() -> &'static str {
    pick("ghi chú", "note")
}
pub fn level_hint() -> &'static str {
    pick("gợi ý", "hint")
}
message!(field_label(field: &str) vi "trường {field}" en "field {field}");
message!(
    /// A spreadsheet cell.
    at_cell(row: usize, col: &str) vi ", dòng {row}, cột {col}" en ", row {row}, column {col}"
);
message!(
    /// A spreadsheet row without a particular cell.
    at_row(row: usize) vi ", dòng {row}" en ", row {row}"
);

// ---- Common to several commands ----

message!(no_such_project(dir: &str) vi "thư mục dự án “{dir}” không tồn tại" en "the project folder “{dir}” does not exist");
message!(outside_project(path: &str) vi "đường dẫn “{path}” nằm ngoài thư mục dự án" en "the path “{path}” is outside the project folder");
message!(cannot_read_path(path: &str, e: &std::io::Error) vi "không đọc được “{path}”: {e}" en "cannot read “{path}”: {e}");

// ---- text.rs: dates and times typed in data ----

message!(date_unreadable(s: &str) vi "“{s}” không phải ngày: ghi ngày/tháng/năm (ví dụ 22/8/2025) hoặc năm-tháng-ngày (2025-08-22)" en "“{s}” is not a date: write day/month/year (e.g. 22/8/2025) or year-month-day (2025-08-22)");
message!(date_bad_year(s: &str, y: i32) vi "ngày “{s}” không có: năm {y} nằm ngoài khoảng 1900–2200" en "the date “{s}” does not exist: the year {y} is outside 1900–2200");
message!(date_bad_month(s: &str, m: u32) vi "ngày “{s}” không có: không có tháng {m} (tháng ghi từ 1 đến 12)" en "the date “{s}” does not exist: there is no month {m} (months are 1 to 12)");
message!(date_bad_day(s: &str, d: u32, m: u32, y: i32, n: u32) vi "ngày “{s}” không có: tháng {m} năm {y} chỉ có các ngày từ 1 đến {n}, không có ngày {d}" en "the date “{s}” does not exist: month {m} of {y} has the days 1 to {n}, there is no day {d}");
message!(date_incomplete(s: &str) vi "ngày “{s}” phải đủ ngày, tháng, năm (ví dụ 22/8/2025)" en "the date “{s}” needs a day, month and year (e.g. 22/8/2025)");
message!(birth_unreadable(v: &str) vi "năm sinh “{v}” không đọc được: ghi năm (1978) hoặc ngày sinh đủ (05/09/1978)" en "the birth year “{v}” cannot be read: write the year (1978) or the full date of birth (05/09/1978)");
message!(time_not_clock(s: &str) vi "“{s}” không phải giờ dạng GIỜ:PHÚT (ví dụ 07:30)" en "“{s}” is not a time of the form HOURS:MINUTES (e.g. 07:30)");
message!(time_impossible(s: &str) vi "giờ “{s}” không tồn tại (giờ 0–23, phút 0–59)" en "the time “{s}” does not exist (hours 0–23, minutes 0–59)");
message!(unclosed_quote_maybe(e: &str) vi "{e}; có thể thiếu dấu ngoặc kép đóng ở giá trị này" en "{e}; a closing quote may be missing in this value");

/// What a date or time field expects, in serde's "expected …" of a wrong value.
pub fn expected_date() -> &'static str {
    pick("ngày", "a date")
}
pub fn expected_birth_year() -> &'static str {
    pick(
        "năm sinh (1978) hoặc ngày sinh (05/09/1978)",
        "a birth year (1978) or a date of birth (05/09/1978)",
    )
}
pub fn expected_time() -> &'static str {
    pick("giờ", "a time")
}

message!(
    /// Windows refused to replace an output file that another program holds open (see
    /// `platform::replace_error`).
    file_open_elsewhere()
    vi "tệp đang mở trong một chương trình khác (trình đọc PDF?): Windows không cho thay tệp đang mở"
    en "the file is open in another program (a PDF reader?): Windows does not replace an open file"
);
pub fn close_pdf_hint() -> &'static str {
    pick(
        "đóng tệp này trong trình đọc PDF rồi in lại; các văn bản khác vẫn được ghi",
        "close it in the PDF reader and build again; the other documents are written",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_comes_from_the_flag_only() {
        assert_eq!(from_args(["vinhdanh", "build"]), Lang::Vi);
        assert_eq!(from_args(["vinhdanh", "--lang", "en", "build"]), Lang::En);
        assert_eq!(from_args(["vinhdanh", "build", "--lang=en"]), Lang::En);
        assert_eq!(from_args(["vinhdanh", "--lang", "vi"]), Lang::Vi);
        // After `--`, a word is an argument, not a flag.
        assert_eq!(from_args(["vinhdanh", "--", "--lang", "en"]), Lang::Vi);
    }
}

// ---- Shared with the layers above ----

pub fn and() -> &'static str {
    pick(" và ", " and ")
}
message!(nth(n: usize) vi "thứ {n}" en "no. {n}");
message!(wrote(path: &dyn std::fmt::Display) vi "Đã ghi {path}" en "Wrote {path}");
