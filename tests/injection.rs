//! Injection can never happen: any text from data, however full of Typst and minijinja
//! syntax, prints as itself. Strings drawn from characters the embedded fonts cover, weighted
//! towards every special character of Typst markup/code and of minijinja, go through the real
//! environment (`render::environment`) into a real compile, and the laid-out text is compared
//! with the input.
//!
//! Documented normalisation rules the comparison applies:
//! - NFC on both sides; whitespace runs (spaces, tabs, line breaks) collapse to one space and
//!   leading/trailing whitespace is dropped (line breaking and justification move spaces);
//! - `{{ s }}` (a Typst string literal) prints every other character exactly, straight quotes
//!   included;
//! - `{{ s | prose }}` turns straight double quotes into “ ” (`render::smart_quotes`) and reads
//!   `*…*`/`**…**` as emphasis and `\*` as a literal star, so the comparison of that path
//!   ignores `*`, `\` and whitespace (a tab or space next to an emphasis boundary may vanish);
//! - the page is 4 m wide so that layout never breaks a line where the input has no break.
//!
//! Structure: exactly one page, the three markers present in order, and the literal path never
//! bold or italic. `PROPTEST_CASES` raises the number of cases (default 2000).

use std::sync::OnceLock;

use minijinja::Environment;
use minijinja::value::Value;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use unicode_normalization::UnicodeNormalization;
use vinhdanh::engine::{compile, render};
use vinhdanh::fonts::Fonts;
use vinhdanh::inspect;
use vinhdanh::project::Project;

const TEMPLATE: &str = "#set page(width: 4000mm, height: auto, margin: 5mm)
#set text(font: \"Tinos\", size: 11pt, lang: \"vi\", hyphenate: false)
#set par(justify: false)
QQBEGIN #{{ s }} QQMIDDLE #{{ s | prose }} QQEND
";

struct Fixture {
    project: Project,
    fonts: Fonts,
    env: Environment<'static>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let project = Project::embedded();
        let mut env = render::environment(&project);
        env.add_template_owned("inj.typ.j2", TEMPLATE).unwrap();
        Fixture {
            fonts: Fonts::load(&project),
            project,
            env,
        }
    })
}

const SPECIAL: &[&str] = &[
    "#",
    "*",
    "_",
    "$",
    "@",
    "<",
    ">",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "/",
    "~",
    "`",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "=",
    "-",
    "+",
    "1.",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "#let x = 1",
    "#set",
    "#import \"/etc/passwd\"",
    "#read(\"x\")",
    ")",
    "(",
    ";",
    ":",
    ",",
    "--",
    "---",
    "...",
    "\\u{41}",
    "\\n",
    "&",
    "%",
    "^",
    "|",
    "!",
    "?",
    "<label>",
    "@ref",
    "https://a.b",
];
const VIET: &[&str] = &[
    "Thượng",
    "Hồng",
    "hoà",
    "hòa",
    "Thủy",
    "thuỷ",
    "đ",
    "Đ",
    "ư",
    "ơ",
    "ă",
    "â",
    "ê",
    "ô",
    "ạ",
    "ả",
    "ã",
    "ấ",
    "ầ",
    "ẩ",
    "ẫ",
    "ậ",
    "ứ",
    "ừ",
    "ử",
    "ữ",
    "ự",
    "Ỹ",
    "Ỵ",
    "ÝÀ",
    "“",
    "”",
    "‘",
    "’",
    "–",
    "—",
    "…",
    "½",
    "№",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(SPECIAL).prop_map(String::from),
        4 => proptest::sample::select(VIET).prop_map(String::from),
        3 => "[a-zA-Z0-9]{1,6}",
        2 => proptest::sample::select(&[" ", "  ", "\n", "\n\n", "\t", " \n "][..]).prop_map(String::from),
    ]
}

fn input() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..24).prop_map(|v| v.concat())
}

fn squash(s: &str) -> String {
    let s: String = s.nfc().collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The prose path is compared without `*`, `\\` and whitespace: emphasis boundaries may eat a
/// tab or space next to them (a layout matter, and `check` warns about tabs in data).
fn without_markup(s: &str) -> String {
    squash(&s.replace(['*', '\\'], "")).replace(' ', "")
}

/// Compiles the template with `s`; returns the literal and prose texts between the markers.
fn typeset(s: &str) -> Result<(String, String), String> {
    let f = fixture();
    let source = render::render(
        &f.env,
        "inj.typ.j2",
        Value::from_serialize(std::collections::BTreeMap::from([("s", s)])),
    )
    .map_err(|d| format!("render: {d}"))?;
    let today = chrono::NaiveDate::from_ymd_opt(2025, 8, 22).unwrap();
    let world = compile::DocWorld::new(&f.project, &f.fonts, source.clone(), today);
    let result = compile::compile(&world, "inj.typ.j2");
    let (doc, _) = result.map_err(|e| {
        format!(
            "compile failed: {}\n--- source ---\n{source}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })?;
    let pages = inspect::pages(&doc);
    if pages.len() != 1 {
        return Err(format!("{} pages", pages.len()));
    }
    let page = &pages[0];
    // Literal path: never bold, never italic, always the body size.
    let text = page.text();
    let b = text.find("QQBEGIN").ok_or("QQBEGIN missing")?;
    let m = text.find("QQMIDDLE").ok_or("QQMIDDLE missing")?;
    let e = text.find("QQEND").ok_or("QQEND missing")?;
    if !(b < m && m < e) {
        return Err(format!("markers out of order: {text}"));
    }
    let literal = text[b + "QQBEGIN".len()..m].to_string();
    let prose = text[m + "QQMIDDLE".len()..e].to_string();
    // Structure of the literal path: no run between the first two markers is bold or italic.
    let mut seen_begin = false;
    for r in &page.runs {
        if r.text.contains("QQBEGIN") {
            seen_begin = true;
        }
        if r.text.contains("QQMIDDLE") {
            break;
        }
        if seen_begin && (r.bold || r.italic || (r.size_pt - 11.0).abs() > 0.01) {
            return Err(format!("literal text changed style: {r:?}"));
        }
    }
    Ok((literal, prose))
}

fn check_one(s: &str) -> Result<(), TestCaseError> {
    let (literal, prose) = typeset(s).map_err(TestCaseError::fail)?;
    prop_assert_eq!(squash(&literal), squash(s), "literal path for {:?}", s);
    let expected_prose = without_markup(&render::smart_quotes(&s.nfc().collect::<String>()));
    prop_assert_eq!(
        without_markup(&prose),
        expected_prose,
        "prose path for {:?}",
        s
    );
    Ok(())
}

#[test]
fn hand_picked_attacks_print_literally() {
    for s in [
        "#read(\"/etc/passwd\")",
        "\"); #read(\"/etc/passwd\") //",
        "] #set text(red) [",
        "{{ 7 * 7 }} {% if true %}x{% endif %}",
        "$x^2$ <lbl> @lbl = Tiêu đề\n- mục\n+ số\n1. một",
        "\\\"#\\\\",
        "*đậm* **rất đậm** \\*sao\\*",
        "Nhà Văn hoá \"Thượng Hồng\" – Hà Tiên",
        "/* chú thích */ // dòng",
        "`mã` ~ _nghiêng_",
    ] {
        check_one(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
    }
}

#[test]
fn arbitrary_strings_print_literally() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let n = std::sync::atomic::AtomicU32::new(0);
    runner
        .run(&input(), |s| {
            let k = n.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if k.is_multiple_of(200) {
                compile::evict();
            }
            check_one(&s)
        })
        .unwrap();
    eprintln!("injection: {} strings typeset and compared", n.into_inner());
}
