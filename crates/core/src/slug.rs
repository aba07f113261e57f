//! File-name slugs for people and documents.
//!
//! Output files are copied to USB sticks, e-mailed and opened on old Windows
//! machines at the commune office, so slugs are restricted to `[a-z0-9-]`,
//! never empty, never a reserved DOS device name, and short enough to stay
//! well under path-length limits once a directory and an extension are added.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest slug produced, leaving room for directories, suffixes and `.pdf`
/// under Windows' 260-character path limit.
pub const MAX_LEN: usize = 60;

/// What an input with no usable character becomes ("no name").
pub const EMPTY: &str = "khong-ten";

/// DOS device names: Windows refuses them as file names even with an
/// extension (`con.pdf`), and "con" is an ordinary Vietnamese word.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Lowercase ASCII slug, e.g. "Nguyễn Thị Ngọc Hương" → "nguyen-thi-ngoc-huong".
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // A pending separator is only written once a following letter arrives,
    // which both collapses runs and trims the ends.
    let mut pending_dash = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let mapped: &str = match c {
            'đ' | 'Đ' => "d",
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'ø' | 'Ø' => "o",
            'œ' | 'Œ' => "oe",
            'ł' | 'Ł' => "l",
            _ => "",
        };
        let mut push = |ch: char| {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(ch);
        };
        if !mapped.is_empty() {
            mapped.chars().for_each(&mut push);
        } else if c.is_ascii_alphanumeric() {
            push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    let mut out = truncate(&out, MAX_LEN);
    if out.is_empty() {
        return EMPTY.to_string();
    }
    if RESERVED.contains(&out.as_str()) {
        out.push_str("-vn");
    }
    out
}

/// Cuts an already clean slug to at most `max` bytes, preferably at a word
/// boundary so that a name is not cut in the middle of a syllable.
fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let head = &s[..max];
    // Only prefer the boundary when it keeps a reasonable part of the text.
    let cut = match head.rfind('-') {
        Some(i) if i >= max / 2 => &head[..i],
        _ => head,
    };
    cut.trim_end_matches('-').to_string()
}

/// Slugs for a list of names, unique within the list.
///
/// The first occurrence keeps its slug; later duplicates get `-2`, `-3`, …
/// A generated slug never equals the plain slug of any other name in the list
/// (e.g. ["An", "An", "An 2"] → ["an", "an-3", "an-2"]), so adding a name
/// never renames the files of names that come later.
pub fn unique_slugs<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    let bases: Vec<String> = names.iter().map(|n| slug(n.as_ref())).collect();
    let natural: HashSet<&str> = bases.iter().map(String::as_str).collect();
    let mut used: HashSet<String> = HashSet::with_capacity(bases.len());
    let mut next_suffix: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(bases.len());
    for base in &bases {
        if used.insert(base.clone()) {
            out.push(base.clone());
            continue;
        }
        let k = next_suffix.entry(base.as_str()).or_insert(2);
        loop {
            let suffix = format!("-{k}");
            let stem = truncate(base, MAX_LEN - suffix.len());
            let candidate = format!("{stem}{suffix}");
            *k += 1;
            if !natural.contains(candidate.as_str()) && !used.contains(&candidate) {
                used.insert(candidate.clone());
                out.push(candidate);
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_names() {
        assert_eq!(slug("Nguyễn Thị Ngọc Hương"), "nguyen-thi-ngoc-huong");
        assert_eq!(slug("Đại diện UBND xã"), "dai-dien-ubnd-xa");
        assert_eq!(slug("ĐẶNG HỮU PHÚC"), "dang-huu-phuc");
        assert_eq!(slug("Ủy ban nhân dân"), "uy-ban-nhan-dan");
        assert_eq!(slug("Trường Tiểu học số 1"), "truong-tieu-hoc-so-1");
    }

    #[test]
    fn decomposed_input_gives_same_slug() {
        let nfd: String = "Nguyễn Thị Ngọc Hương".nfd().collect();
        assert_eq!(slug(&nfd), "nguyen-thi-ngoc-huong");
    }

    #[test]
    fn punctuation_and_spaces_collapse_and_trim() {
        assert_eq!(slug("  --Hà   Nội!!  "), "ha-noi");
        assert_eq!(slug("a/b\\c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(slug("Tổ 3 - Thôn Đông"), "to-3-thon-dong");
    }

    #[test]
    fn empty_gives_placeholder() {
        assert_eq!(slug(""), "khong-ten");
        assert_eq!(slug("  ---  "), "khong-ten");
        assert_eq!(slug("漢字"), "khong-ten");
    }

    #[test]
    fn reserved_windows_names_are_avoided() {
        assert_eq!(slug("Con"), "con-vn");
        assert_eq!(slug("NUL"), "nul-vn");
        assert_eq!(slug("Con gái"), "con-gai");
    }

    #[test]
    fn long_names_are_cut_at_a_boundary() {
        let long = "Hội nghị tuyên dương điển hình tiên tiến trong phong trào thi đua yêu nước giai đoạn 2020 2025";
        let s = slug(long);
        assert!(s.len() <= MAX_LEN, "{s}");
        assert!(!s.ends_with('-'));
        assert!(long_prefix_is_whole_words(&s, &slug_unbounded(long)));
        let no_dash = "a".repeat(100);
        assert_eq!(slug(&no_dash).len(), MAX_LEN);
    }

    fn slug_unbounded(s: &str) -> String {
        s.split_whitespace().map(slug).collect::<Vec<_>>().join("-")
    }

    fn long_prefix_is_whole_words(short: &str, full: &str) -> bool {
        full.starts_with(short) && full[short.len()..].starts_with('-')
    }

    #[test]
    fn output_is_always_safe() {
        for s in ["Zoë", "Ærø", "Straße", "C:\\x", ". .", "ÿ", "Ǆ", "x\u{0}y"] {
            let r = slug(s);
            assert!(!r.is_empty());
            assert!(
                r.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{r}"
            );
            assert!(!r.starts_with('-') && !r.ends_with('-'), "{r}");
        }
    }

    #[test]
    fn unique_slugs_disambiguate_in_order() {
        let names = [
            "Nguyễn Văn An",
            "Nguyễn Văn Ân",
            "Lê Thị Bình",
            "Nguyen Van An",
        ];
        assert_eq!(
            unique_slugs(&names),
            [
                "nguyen-van-an",
                "nguyen-van-an-2",
                "le-thi-binh",
                "nguyen-van-an-3"
            ]
        );
    }

    #[test]
    fn generated_suffix_never_takes_an_existing_slug() {
        let names = ["An", "An", "An 2", "An 2"];
        let got = unique_slugs(&names);
        assert_eq!(got, ["an", "an-3", "an-2", "an-2-2"]);
        let set: HashSet<&String> = got.iter().collect();
        assert_eq!(set.len(), got.len());
    }

    #[test]
    fn unique_slugs_respect_length_cap() {
        let long = "x".repeat(80);
        let got = unique_slugs(&[long.clone(), long.clone(), long]);
        assert!(got.iter().all(|s| s.len() <= MAX_LEN));
        let set: HashSet<&String> = got.iter().collect();
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn unique_slugs_with_empty_names() {
        assert_eq!(
            unique_slugs(&["", "?", "khong ten"]),
            ["khong-ten", "khong-ten-2", "khong-ten-3"]
        );
    }

    #[test]
    fn unique_slugs_accepts_owned_strings() {
        let v = vec![String::from("Hà"), String::from("Ha")];
        assert_eq!(unique_slugs(&v), ["ha", "ha-2"]);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn slug_is_always_a_safe_file_name(s in any::<String>()) {
            let r = slug(&s);
            prop_assert!(!r.is_empty() && r.len() <= MAX_LEN);
            prop_assert!(r.split('-').all(|part| !part.is_empty()
                && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())), "{}", r);
            prop_assert!(!RESERVED.contains(&r.as_str()));
        }

        #[test]
        fn unique_slugs_are_unique(names in prop::collection::vec("[aAăĂđĐ -]{0,4}", 0..30)) {
            let got = unique_slugs(&names);
            prop_assert_eq!(got.len(), names.len());
            let set: HashSet<&String> = got.iter().collect();
            prop_assert_eq!(set.len(), got.len());
            for (g, n) in got.iter().zip(&names) {
                prop_assert!(g.starts_with(&slug(n)) || g.len() == MAX_LEN);
            }
        }
    }
}
