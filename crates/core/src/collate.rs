//! Vietnamese alphabetical order for lists printed at the conference.
//!
//! Byte order puts "Ánh" after "Bình" and "Đức" after every Latin letter;
//! a clerk checking a printed list expects the order of the Vietnamese
//! alphabet (a ă â b c d đ e ê … o ô ơ … u ư …) with tones as a secondary
//! difference (none, huyền, hỏi, ngã, sắc, nặng). ICU's CLDR `vi` tailoring
//! encodes exactly that, so it is used rather than a hand-written table.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Built once: creating a collator parses locale data. `CollatorBorrowed`
/// only borrows `'static` baked data, so it is shared between threads.
static COLLATOR: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    let prefs = CollatorPreferences::from(&icu_locale_core::locale!("vi"));
    CollatorBorrowed::try_new(prefs, CollatorOptions::default())
        .expect("compiled ICU data contains the vi collation")
});

/// Compares two strings in Vietnamese alphabetical order.
///
/// Inputs are NFC-normalised first so that text typed with a decomposing
/// input method sorts like composed text; the comparison is total and
/// consistent with equality only up to canonical equivalence.
pub fn compare(a: &str, b: &str) -> Ordering {
    let a = nfc(a);
    let b = nfc(b);
    COLLATOR.compare(&a, &b)
}

fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Splits a Vietnamese full name into (family, middle, given).
///
/// The family name is the first word, the given name the last, and whatever
/// lies between (possibly several words, possibly nothing) the middle name.
/// A single word is taken as the given name, since lists are ordered by it.
/// Returned slices borrow from `full` with outer whitespace removed.
fn split_name(full: &str) -> (&str, &str, &str) {
    let words = word_spans(full);
    match words.len() {
        0 => ("", "", ""),
        1 => ("", "", words[0].1),
        n => {
            let (mid_start, _) = words[1];
            let (last_mid_start, last_mid) = words[n - 2];
            let middle = if n == 2 {
                ""
            } else {
                &full[mid_start..last_mid_start + last_mid.len()]
            };
            (words[0].1, middle, words[n - 1].1)
        }
    }
}

fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Orders people the Vietnamese way: by given name, then middle name, then
/// family name, then the whole string (so that the order is total and
/// deterministic even for names that differ only in spacing or case).
pub fn compare_person_names(a: &str, b: &str) -> Ordering {
    let (fa, ma, ga) = split_name(a);
    let (fb, mb, gb) = split_name(b);
    compare(ga, gb)
        .then_with(|| compare(ma, mb))
        .then_with(|| compare(fa, fb))
        .then_with(|| compare(a, b))
        .then_with(|| a.cmp(b))
}

/// Stable sort by the Vietnamese order of person names.
pub fn sort_by_person_name<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    items.sort_by(|x, y| compare_person_names(name(x), name(y)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;

    fn assert_strictly_increasing(words: &[&str]) {
        for w in words.windows(2) {
            assert_eq!(compare(w[0], w[1]), Less, "{} < {}", w[0], w[1]);
            assert_eq!(compare(w[1], w[0]), Greater, "{} > {}", w[1], w[0]);
        }
    }

    #[test]
    fn alphabet_letters() {
        assert_strictly_increasing(&["Ánh", "Bình"]);
        assert_strictly_increasing(&["Đức", "Em"]);
        assert_strictly_increasing(&["Ơn", "Phúc"]);
        assert_strictly_increasing(&["Dũng", "Đức"]);
        assert_strictly_increasing(&["an", "ăn", "ân", "bà"]);
        assert_strictly_increasing(&["em", "êm", "gà"]);
        assert_strictly_increasing(&["on", "ôn", "ơn", "phở"]);
        assert_strictly_increasing(&["ung", "ưng", "vân"]);
    }

    #[test]
    fn base_letter_is_primary_tone_secondary() {
        // Tone loses against any later letter.
        assert_strictly_increasing(&["Ạn", "Ao"]);
        assert_strictly_increasing(&["ăz", "âa"]);
    }

    #[test]
    fn tones_order() {
        assert_strictly_increasing(&["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]);
        assert_strictly_increasing(&["ma", "mà", "mả", "mã", "má", "mạ"]);
    }

    #[test]
    fn differs_from_byte_order() {
        for (a, b) in [
            ("Ánh", "Bình"),
            ("Đức", "Em"),
            ("Ơn", "Phúc"),
            ("Ư", "V"),
            ("Hả", "Há"),
        ] {
            assert_eq!(a.cmp(b), Greater, "byte order of {a} {b}");
            assert_eq!(compare(a, b), Less, "{a} < {b}");
        }
    }

    #[test]
    fn normalisation_does_not_matter() {
        let nfd: String = "Nguyễn".nfd().collect();
        assert_eq!(compare(&nfd, "Nguyễn"), Equal);
        assert_eq!(compare(&nfd, "Nguyện"), Less);
    }

    #[test]
    fn split() {
        assert_eq!(split_name("Nguyễn Văn An"), ("Nguyễn", "Văn", "An"));
        assert_eq!(
            split_name("  Tôn Nữ Thị   Ngọc Hà "),
            ("Tôn", "Nữ Thị   Ngọc", "Hà")
        );
        assert_eq!(split_name("Lê Lợi"), ("Lê", "", "Lợi"));
        assert_eq!(split_name("Hùng"), ("", "", "Hùng"));
        assert_eq!(split_name("   "), ("", "", ""));
    }

    #[test]
    fn person_names_by_given_name() {
        let mut v = vec!["Lê Văn Bình", "Trần Thị Ánh", "Nguyễn Văn An"];
        sort_by_person_name(&mut v, |s| s);
        assert_eq!(v, ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình"]);
    }

    #[test]
    fn person_names_tie_breaks() {
        // Same given name: middle name decides, then family name.
        assert_eq!(compare_person_names("Trần Thị Hà", "Lê Văn Hà"), Less);
        assert_eq!(compare_person_names("Trần Văn Hà", "Lê Văn Hà"), Greater);
        assert_eq!(compare_person_names("Hà", "Lê Hà"), Less);
        assert_eq!(compare_person_names("Lê Hà", "Lê Hà"), Equal);
        assert_ne!(compare_person_names("Lê  Hà", "Lê Hà"), Equal);
    }

    #[test]
    fn sort_is_stable() {
        let mut v = vec![("Nguyễn Văn An", 1), ("Lê Bình", 2), ("Nguyễn Văn An", 3)];
        sort_by_person_name(&mut v, |p| p.0);
        assert_eq!(
            v,
            [("Nguyễn Văn An", 1), ("Nguyễn Văn An", 3), ("Lê Bình", 2)]
        );
    }

    #[test]
    fn usable_from_threads() {
        let handles: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| compare("Đức", "Em")))
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), Less);
        }
    }
}
