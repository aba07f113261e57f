use super::*;
use proptest::prelude::*;

#[test]
fn word_styles() {
    for w in [
        "hòa", "hóa", "khỏe", "thủy", "Thụy", "lũy", "hòe", "xòe", "ủy", "góa", "HÒA", "Thủy",
    ] {
        assert_eq!(word_style(w), Some(Style::Old), "{w}");
    }
    for w in [
        "hoà", "hoá", "khoẻ", "thuỷ", "Thuỵ", "luỹ", "hoè", "uỷ", "HOÀ", "THUỶ",
    ] {
        assert_eq!(word_style(w), Some(Style::New), "{w}");
    }
}

/// Words with a single accepted spelling: closed syllables, triphthongs, qu/gi onsets,
/// other nuclei and toneless words.
const INVARIANT: &[&str] = &[
    "hoàn", "thành", "hoạch", "toán", "khuyến", "thuyền", "quyết", "uống", "quý", "quỳ", "quỷ",
    "quỹ", "quỵ", "quá", "quà", "quả", "gia", "giá", "già", "hoài", "ngoáy", "khuỷu", "khuya",
    "ngoẹo", "mùa", "của", "thuế", "huệ", "hoặc", "thuở", "hoa", "thuy", "y", "ý", "Quý", "QUÝ",
    "hòa2", "kỳ", "hoả2",
];

#[test]
fn single_spelling_words_never_change() {
    for w in INVARIANT {
        assert_eq!(word_style(w), None, "{w}");
        assert_eq!(convert(w, Style::New), *w);
        assert_eq!(convert(w, Style::Old), *w);
    }
}

#[test]
fn converts_both_ways_keeping_case_and_everything_else() {
    let old = "Hòa bình, THỦY lợi; khỏe mạnh — hoàn thành (quý 1) ủy ban Thụy";
    let new = "Hoà bình, THUỶ lợi; khoẻ mạnh — hoàn thành (quý 1) uỷ ban Thuỵ";
    assert_eq!(convert(old, Style::New), new);
    assert_eq!(convert(new, Style::Old), old);
    assert_eq!(convert(old, Style::Old), old);
    assert_eq!(convert(new, Style::New), new);
}

#[test]
fn decomposed_text_stays_decomposed() {
    let nfd: String = "hòa thủy".nfd().collect();
    let out = convert(&nfd, Style::New);
    assert!(is_nfd(&out));
    assert_eq!(out.chars().count(), nfd.chars().count());
    assert_eq!(out.nfc().collect::<String>(), "hoà thuỷ");
}

#[test]
fn scan_and_report() {
    let text = "hòa bình và hoà hợp, thủy";
    let found = scan(text);
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].word, "hòa");
    assert_eq!(found[1].style, Style::New);
    assert_eq!(
        &text[found[1].start..found[1].start + found[1].word.len()],
        "hoà"
    );
    let r = report([text, "khoẻ", "hòa"]);
    assert_eq!((r.old, r.new), (3, 2));
    assert_eq!(r.old_examples, ["hòa", "thủy"]);
    assert_eq!(r.new_examples, ["hoà", "khoẻ"]);
    assert!(r.is_mixed());
}

#[test]
fn hygiene() {
    assert!(text_issues("Hoà bình").is_empty());
    assert!(text_issues("một dòng\nhai dòng\n").is_empty());
    assert_eq!(text_issues("a  b"), [TextIssue::DoubleSpace]);
    assert_eq!(text_issues(" a"), [TextIssue::LeadingOrTrailingSpace]);
    assert_eq!(text_issues("a \n"), [TextIssue::LeadingOrTrailingSpace]);
    let nfd: String = "hòa".nfd().collect();
    assert_eq!(text_issues(&nfd), [TextIssue::Decomposed]);
    assert_eq!(text_issues("a\tb"), [TextIssue::ControlChar]);
    assert_eq!(text_issues("a\u{200B}b"), [TextIssue::ControlChar]);
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let syllables = prop::sample::select(vec![
        "h", "kh", "th", "qu", "gi", "ng", "t", "l", "x", "Th", "HO", "o", "u", "a", "e", "y", "ò",
        "ó", "ỏ", "õ", "ọ", "ù", "ú", "ủ", "ũ", "ụ", "à", "á", "ả", "ã", "ạ", "è", "é", "ẻ", "ẽ",
        "ẹ", "ỳ", "ý", "ỷ", "ỹ", "ỵ", "Ò", "Ủ", "À", "Ỷ", "n", "i", "ê", "ơ", "ư", "đ", " ", " ",
        " ", "\n", ",",
    ]);
    prop::collection::vec(syllables, 0..40).prop_map(|v| v.concat())
}

/// Words whose spelling differs between the styles, as (old, new), written by hand: the
/// tone moves from the first vowel of oa/oe/uy to the second, case kept.
const KNOWN: &[(&str, &str)] = &[
    ("hòa", "hoà"),
    ("Hòa", "Hoà"),
    ("HÒA", "HOÀ"),
    ("hóa", "hoá"),
    ("họa", "hoạ"),
    ("tỏa", "toả"),
    ("thủy", "thuỷ"),
    ("Thủy", "Thuỷ"),
    ("THỦY", "THUỶ"),
    ("Thụy", "Thuỵ"),
    ("lũy", "luỹ"),
    ("ủy", "uỷ"),
    ("Ủy", "Uỷ"),
    ("khỏe", "khoẻ"),
    ("Khỏe", "Khoẻ"),
    ("KHỎE", "KHOẺ"),
    ("xòe", "xoè"),
    ("hòe", "hoè"),
];

#[test]
fn known_words_change_both_ways() {
    for &(old, new) in KNOWN {
        assert_ne!(old, new);
        assert_eq!(convert(old, Style::New), new, "{old}");
        assert_eq!(convert(new, Style::Old), old, "{new}");
        assert_eq!(convert(old, Style::Old), old, "{old}");
        assert_eq!(convert(new, Style::New), new, "{new}");
        assert_eq!(word_style(old), Some(Style::Old), "{old}");
        assert_eq!(word_style(new), Some(Style::New), "{new}");
    }
}

/// Random text with known words placed between spaces: (text, [(char offset, index in
/// KNOWN)]). Each known word is given in either spelling.
fn text_with_known_words() -> impl Strategy<Value = (String, Vec<(usize, usize)>)> {
    let part = prop_oneof![
        1 => vietnamese_text().prop_map(|s| (s, None)),
        1 => (0..KNOWN.len(), any::<bool>()).prop_map(|(k, old)| {
            let (o, n) = KNOWN[k];
            ((if old { o } else { n }).to_string(), Some(k))
        }),
    ];
    (0..KNOWN.len(), prop::collection::vec(part, 0..6)).prop_map(|(first, parts)| {
        let mut text = KNOWN[first].0.to_string();
        let mut known = vec![(0, first)];
        for (s, k) in parts {
            text.push(' ');
            if let Some(k) = k {
                known.push((text.chars().count(), k));
            }
            text.push_str(&s);
        }
        (text, known)
    })
}

proptest! {
    /// Every known word in the text comes out in the asked spelling, at the same place.
    #[test]
    fn known_words_change_in_any_text((s, known) in text_with_known_words()) {
        let new: Vec<char> = convert(&s, Style::New).chars().collect();
        let old: Vec<char> = convert(&s, Style::Old).chars().collect();
        for (at, k) in known {
            let (o, n) = KNOWN[k];
            let len = o.chars().count();
            let got_new: String = new[at..at + len].iter().collect();
            let got_old: String = old[at..at + len].iter().collect();
            prop_assert_eq!(got_new, n, "{:?}", s);
            prop_assert_eq!(got_old, o, "{:?}", s);
        }
        // The text starts with an old-style word, so the new-style text differs from it.
        prop_assert_ne!(convert(&s, Style::New), s.clone());
    }

    #[test]
    fn convert_is_idempotent_and_keeps_length(
        s in prop_oneof![vietnamese_text(), text_with_known_words().prop_map(|(s, _)| s)]
    ) {
        let new = convert(&s, Style::New);
        let old = convert(&s, Style::Old);
        prop_assert_eq!(convert(&new, Style::Old), old.clone());
        prop_assert_eq!(convert(&old, Style::New), new.clone());
        prop_assert_eq!(new.chars().count(), s.chars().count());
        prop_assert_eq!(old.chars().count(), s.chars().count());
        prop_assert!(is_nfc(&new) && is_nfc(&old));
        prop_assert!(scan(&new).iter().all(|w| w.style == Style::New));
    }
}
