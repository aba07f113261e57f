use super::*;
use proptest::prelude::*;
use yaml_rust2::{Yaml, YamlLoader};

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

// ---- YAML rewriting ----

const SAMPLE: &str = r#"# Hội nghị: hòa bình (comments are never touched)
title: "Hội nghị biểu dương"   # khỏe
sections:
  - heading: Thủy lợi   # a heading is not free text here
    items:
      - name: Lê Thị Thủy
        unit: Tổ Hòa Bình
        text: hòa bình và Thủy lợi
      - name: 'Lê Văn Hòa'
        text: 'Anh ''Hòa'' khỏe, hoàn thành
          kế hoạch thủy'
      - name: "Ngô Thụy"
        achievement: "Xuất sắc: \"hòa\" thủy\tlợi \x41hòa hò\
          a"
        purpose: |
          Góp phần hòa
          # not a comment: thủy
          toán, quý, khuyến, thuyền, hoài, khuỷu
        text: >-
          Giữ gìn

          hòa  khí
  - heading: Khác
    items: [ {name: Thủy, text: "ủy ban"}, {text: xòe} ]
"#;

fn is_free(path: &str) -> bool {
    let key = path.rsplit('.').next().unwrap_or(path);
    matches!(key, "text" | "purpose" | "achievement")
}

fn fix(src: &str, style: Style) -> (String, Vec<Change>) {
    fix_yaml(src, style, &is_free).expect("valid YAML")
}

#[test]
fn fixes_free_text_only() {
    let (out, changes) = fix(SAMPLE, Style::New);
    // Names, units, headings, comments stay.
    for kept in [
        "# Hội nghị: hòa bình",
        "# khỏe",
        "heading: Thủy lợi",
        "name: Lê Thị Thủy",
        "unit: Tổ Hòa Bình",
        "name: 'Lê Văn Hòa'",
        "name: \"Ngô Thụy\"",
        "{name: Thủy,",
        "# not a comment: thuỷ",
        "toán, quý, khuyến, thuyền, hoài, khuỷu",
        "\\x41hòa hò\\\n          a",
    ] {
        assert!(out.contains(kept), "lost {kept:?} in\n{out}");
    }
    for made in [
        "text: hoà bình và Thuỷ lợi",
        "'Anh ''Hoà'' khoẻ, hoàn thành\n          kế hoạch thuỷ'",
        "\"Xuất sắc: \\\"hoà\\\" thuỷ\\tlợi",
        "Góp phần hoà\n",
        "hoà  khí",
        "text: \"uỷ ban\"",
        "{text: xoè}",
    ] {
        assert!(out.contains(made), "missing {made:?} in\n{out}");
    }
    assert_eq!(out.chars().count(), SAMPLE.chars().count());
    assert_eq!(out.lines().count(), SAMPLE.lines().count());
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "sections[0].items[0].text",
            "sections[0].items[0].text",
            "sections[0].items[1].text",
            "sections[0].items[1].text",
            "sections[0].items[1].text",
            "sections[0].items[2].achievement",
            "sections[0].items[2].achievement",
            "sections[0].items[2].purpose",
            "sections[0].items[2].purpose",
            "sections[0].items[2].text",
            "sections[1].items[0].text",
            "sections[1].items[1].text",
        ]
    );
}

#[test]
fn dry_run_reports_positions() {
    let (_, changes) = fix(SAMPLE, Style::New);
    let first = &changes[0];
    assert_eq!(
        (
            first.line,
            first.column,
            first.before.as_str(),
            first.after.as_str()
        ),
        (8, 15, "hòa", "hoà")
    );
    let second = &changes[1];
    assert_eq!((second.line, second.column), (8, 27));
    assert_eq!(
        (second.before.as_str(), second.after.as_str()),
        ("Thủy", "Thuỷ")
    );
    // Every reported position points at the word in the untouched source.
    let lines: Vec<&str> = SAMPLE.lines().collect();
    for c in &changes {
        let at: String = lines[c.line - 1].chars().skip(c.column - 1).collect();
        assert!(at.starts_with(&c.before), "{c:?} points at {at:?}");
        assert_eq!(c.before.chars().count(), c.after.chars().count());
    }
}

#[test]
fn round_trip_new_old() {
    let (new, _) = fix(SAMPLE, Style::New);
    let (back, changes) = fix(&new, Style::Old);
    assert_eq!(back, SAMPLE);
    assert_eq!(changes.len(), 12);
    let (again, none) = fix(&back, Style::Old);
    assert_eq!(again, SAMPLE);
    assert!(none.is_empty());
}

/// The structure a YAML document should have after the fix: free-text strings converted.
fn expected(node: &Yaml, path: &str, style: Style) -> Yaml {
    match node {
        Yaml::Hash(h) => Yaml::Hash(
            h.iter()
                .map(|(k, v)| {
                    let key = k.as_str().unwrap_or("?");
                    let p = if path.is_empty() {
                        key.to_owned()
                    } else {
                        format!("{path}.{key}")
                    };
                    (k.clone(), expected(v, &p, style))
                })
                .collect(),
        ),
        Yaml::Array(a) => Yaml::Array(
            a.iter()
                .enumerate()
                .map(|(i, v)| expected(v, &format!("{path}[{i}]"), style))
                .collect(),
        ),
        Yaml::String(s) if is_free(path) => Yaml::String(convert(s, style)),
        other => other.clone(),
    }
}

#[test]
fn output_parses_to_the_same_structure() {
    let input = YamlLoader::load_from_str(SAMPLE).unwrap();
    for style in [Style::New, Style::Old] {
        let (out, _) = fix(SAMPLE, style);
        let output = YamlLoader::load_from_str(&out).unwrap();
        let mut want = expected(&input[0], "", style);
        if style == Style::New {
            // The two words written with escapes cannot be rewritten in place.
            let s = &mut want["sections"][0]["items"][2]["achievement"];
            let Yaml::String(text) = s else { panic!() };
            *text = text.replace("Ahòa hoà", "Ahòa hòa");
        }
        assert_eq!(output[0], want, "{style:?}");
    }
}

#[test]
fn crlf_bom_and_multiple_documents() {
    let src = "\u{FEFF}text: hòa\r\nname: Thủy\r\n---\r\ntext: \"a\r\n  khỏe\"\r\n";
    let (out, changes) = fix(src, Style::New);
    assert_eq!(
        out,
        "\u{FEFF}text: hoà\r\nname: Thủy\r\n---\r\ntext: \"a\r\n  khoẻ\"\r\n"
    );
    let pos: Vec<_> = changes.iter().map(|c| (c.line, c.column)).collect();
    assert_eq!(pos, [(1, 7), (5, 3)]);
}

#[test]
fn keys_and_complex_keys_are_not_rewritten() {
    let src = "text:\n  hòa: hòa\n? [hòa]\n: x\n";
    let always = |_: &str| true;
    let (out, changes) = fix_yaml(src, Style::New, &always).unwrap();
    assert_eq!(out, "text:\n  hòa: hoà\n? [hòa]\n: x\n");
    assert_eq!(changes[0].path, "text.hòa");
}

#[test]
fn anchors_tags_and_root_scalars() {
    let src = "a: &x !!str hòa\nb: *x\nc: &y |\n\n  thủy\n";
    let all = |_: &str| true;
    let (out, _) = fix_yaml(src, Style::New, &all).unwrap();
    assert_eq!(out, "a: &x !!str hoà\nb: *x\nc: &y |\n\n  thuỷ\n");
    let (out, _) = fix_yaml("a: !custom hòa\nb: !!str hòa\n", Style::New, &all).unwrap();
    assert_eq!(out, "a: !custom hòa\nb: !!str hoà\n");
    let (out, changes) = fix_yaml("--- hòa\n", Style::New, &all).unwrap();
    assert_eq!(out, "--- hoà\n");
    assert_eq!(changes[0].path, "");
}

#[test]
fn syntax_errors_carry_a_position() {
    let err = fix_yaml("a: b\n  c: [d\n", Style::New, &is_free).unwrap_err();
    assert!(err.line >= 2, "{err}");
    assert!(err.column >= 1);
    assert!(err.to_string().contains("line"));
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

    #[test]
    fn fix_yaml_matches_convert_on_plain_values(s in vietnamese_text()) {
        let value = s.split_whitespace().collect::<Vec<_>>().join(" ").replace(',', " ");
        let src = format!("name: {value:?}\ntext: {value:?}\n");
        let (out, _) = fix_yaml(&src, Style::New, &is_free).unwrap();
        let parsed = YamlLoader::load_from_str(&out).unwrap();
        prop_assert_eq!(parsed[0]["name"].as_str(), Some(value.as_str()));
        let converted = convert(&value, Style::New);
        prop_assert_eq!(parsed[0]["text"].as_str(), Some(converted.as_str()));
    }

    #[test]
    fn fix_yaml_agrees_with_the_parser_in_every_style(
        a in vietnamese_text(), b in vietnamese_text(), style in prop::bool::ANY
    ) {
        let style = if style { Style::New } else { Style::Old };
        let words = |s: &str| s.replace(',', " ").split_whitespace().collect::<Vec<_>>().join(" ");
        let (a, b) = (words(&a), words(&b));
        let src = format!(
            "# {a}\nitems:\n  - name: {a}x\n    text: '{a}'' {b}'\n    achievement: |\n      {a}\n      {b}\n    purpose: x {a}\n      {b}\n"
        );
        let (out, changes) = fix_yaml(&src, style, &is_free).unwrap();
        prop_assert_eq!(out.chars().count(), src.chars().count());
        let head = format!("# {a}\nitems:\n  - name: {a}x\n");
        prop_assert!(out.starts_with(&head));
        let input = YamlLoader::load_from_str(&src).unwrap();
        let output = YamlLoader::load_from_str(&out).unwrap();
        prop_assert_eq!(&output[0], &expected(&input[0], "", style));
        let lines: Vec<&str> = src.lines().collect();
        for c in &changes {
            let at: String = lines[c.line - 1].chars().skip(c.column - 1).collect();
            prop_assert!(at.starts_with(&c.before));
        }
    }
}

#[test]
fn values_after_a_non_ascii_block_scalar_are_found() {
    // yaml-rust2 counts bytes over block scalar lines; positions must come from line/column.
    let src = "text: |\n  Đường hòa\n  Ủy ban\ntext2: >\n  ủy ban khỏe\nlast: thủy\n";
    let all = |_: &str| true;
    let (out, changes) = fix_yaml(src, Style::New, &all).unwrap();
    assert_eq!(
        out,
        "text: |\n  Đường hoà\n  Uỷ ban\ntext2: >\n  uỷ ban khoẻ\nlast: thuỷ\n"
    );
    assert_eq!(changes.last().map(|c| (c.line, c.column)), Some((6, 7)));
}

#[test]
fn large_files_stay_linear() {
    let mut src = String::new();
    for i in 0..20_000 {
        src.push_str(&format!("- text: hòa bình số {i} # thủy\n"));
    }
    let start = std::time::Instant::now();
    let (out, changes) = fix(&src, Style::New);
    assert_eq!(changes.len(), 20_000);
    assert_eq!(out.matches("hoà bình").count(), 20_000);
    assert_eq!(out.matches("# thủy").count(), 20_000);
    assert!(start.elapsed().as_secs() < 10);
}
