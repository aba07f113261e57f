use super::*;
use crate::tone::convert;
use proptest::prelude::*;
use yaml_rust2::{Yaml, YamlLoader};

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

proptest! {
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

/// A double-quoted scalar over two lines: an escape right before a word (`\t`, `\n`) leaves the
/// word written as itself, a word partly made by an escape (`\u0068òa`) is left alone, and a
/// word whose new spelling takes more bytes ("tùy" → "tuỳ") is replaced in place.
#[test]
fn escapes_around_words_in_a_multi_line_quoted_scalar() {
    let src = "text: \"\\thòa tùy \\u0068òa\n  tùy\\nthủy\"  # hòa\nnote: 'tùy'\n";
    let (out, changes) = fix(src, Style::New);
    assert_eq!(
        out,
        "text: \"\\thoà tuỳ \\u0068òa\n  tuỳ\\nthuỷ\"  # hòa\nnote: 'tùy'\n"
    );
    let at: Vec<_> = changes
        .iter()
        .map(|c| (c.line, c.column, c.before.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            (1, 10, "hòa"),
            (1, 14, "tùy"),
            (2, 3, "tùy"),
            (2, 8, "thủy")
        ]
    );
    let parsed = YamlLoader::load_from_str(&out).unwrap();
    assert_eq!(parsed[0]["text"].as_str(), Some("\thoà tuỳ hòa tuỳ\nthuỷ"));
}
