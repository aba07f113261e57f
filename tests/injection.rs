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
//! - `{{ s | prose }}` follows README's "Free text" rules, which [`reader_view`] restates on
//!   its own (it calls no library code): straight double quotes become “ ”, `*x*` is italic and
//!   `**x**` bold when the stars touch their word, `\*` is a literal star; every other
//!   character, spaces included, prints as typed. The reader's text and which parts of it are
//!   italic or bold are compared with that expectation (a tab prints as a space, also where it
//!   touches an emphasis boundary);
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Plain,
    Italic,
    Bold,
}

/// What a reader sees for free text, by README's "Free text" rules, as runs of plain, italic
/// and bold text. Written from the documented rules, independently of `render::prose`:
///
/// - a straight double quote opens (“) at the start of the text or after a space, an opening
///   bracket, a dash, a slash or another opening quote, and closes (”) everywhere else;
/// - `\*` prints a star;
/// - `*` (or `**`) starts italic (bold) only when it touches the next word (the character after
///   it is neither a space nor another star) and stands at a word's start (start of text, after
///   a space, an opening bracket, quote, dash or slash). The emphasis runs to the next unescaped
///   `*` (`**`); that closing star must touch the preceding word and end one (no letter or
///   digit right after it), otherwise the opening star prints as it is. Inside, `\*` is a star;
/// - everything else prints as typed.
fn reader_view(s: &str) -> Vec<(Look, String)> {
    let opener = |c: char| c.is_whitespace() || "([{“‘\"'-–—/".contains(c);
    // Straight quotes first: which way a quote turns depends on the typed character before it.
    let mut chars: Vec<char> = Vec::new();
    let mut before: Option<char> = None;
    for c in s.chars() {
        chars.push(match c {
            '"' if before.is_none_or(|p| opener(p) && p != '\'' && p != '"') => '“',
            '"' => '”',
            c => c,
        });
        before = Some(c);
    }
    let mut out: Vec<(Look, String)> = Vec::new();
    let push = |out: &mut Vec<(Look, String)>, look: Look, c: char| match out.last_mut() {
        Some((l, text)) if *l == look => text.push(c),
        _ => out.push((look, c.to_string())),
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && chars.get(i + 1) == Some(&'*') {
            push(&mut out, Look::Plain, '*');
            i += 2;
            continue;
        }
        if c == '*' {
            let (look, n) = if chars.get(i + 1) == Some(&'*') {
                (Look::Bold, 2)
            } else {
                (Look::Italic, 1)
            };
            let touches_next = chars
                .get(i + n)
                .is_some_and(|c| !c.is_whitespace() && *c != '*');
            let starts_word = i == 0 || opener(chars[i - 1]);
            // The next unescaped run of n stars.
            let mut j = i + n;
            let close = loop {
                if j + n > chars.len() {
                    break None;
                }
                if chars[j] == '\\' {
                    j += 2;
                } else if chars[j..j + n].iter().all(|&c| c == '*') {
                    break Some(j);
                } else {
                    j += 1;
                }
            };
            let close = close.filter(|&j| {
                j > i + n
                    && !chars[j - 1].is_whitespace()
                    && chars.get(j + n).is_none_or(|c| !c.is_alphanumeric())
            });
            if let (true, true, Some(j)) = (touches_next, starts_word, close) {
                let mut k = i + n;
                while k < j {
                    if chars[k] == '\\' && chars.get(k + 1) == Some(&'*') {
                        push(&mut out, look, '*');
                        k += 2;
                    } else {
                        push(&mut out, look, chars[k]);
                        k += 1;
                    }
                }
                i = j + n;
                continue;
            }
        }
        push(&mut out, Look::Plain, c);
        i += 1;
    }
    out
}

#[test]
fn reader_view_follows_the_readme() {
    let view = |s: &str| {
        reader_view(s)
            .into_iter()
            .map(|(l, t)| format!("{l:?}:{t}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        view("a *b* **c d** e"),
        ["Plain:a ", "Italic:b", "Plain: ", "Bold:c d", "Plain: e"]
    );
    assert_eq!(view("2 * 3 * 4"), ["Plain:2 * 3 * 4"]);
    assert_eq!(view("/* c */ a*b*"), ["Plain:/* c */ a*b*"]);
    assert_eq!(view("\\*x\\* \\y"), ["Plain:*x* \\y"]);
    assert_eq!(view("*a \\* b*"), ["Italic:a * b"]);
    assert_eq!(
        view("Nhà \"Văn hoá\" (\"x\")"),
        ["Plain:Nhà “Văn hoá” (“x”)"]
    );
    assert_eq!(view("\"*đậm*\"."), ["Plain:“", "Italic:đậm", "Plain:”."]);
}

/// The text of a reader's view as laid out: the plain concatenation (a tab in free text prints
/// as a space; whitespace runs are compared squashed).
fn laid_out(view: &[(Look, String)]) -> String {
    view.iter().map(|(_, t)| t.as_str()).collect()
}

/// The laid-out characters of a page with their italic and bold flags, a line break where a
/// new line starts (as `PageContent::text`).
fn styled_chars(page: &inspect::PageContent) -> Vec<(char, bool, bool)> {
    let mut out = Vec::new();
    let mut last_y = f64::NAN;
    for r in &page.runs {
        if !out.is_empty() && (r.y_mm - last_y).abs() > 0.5 {
            out.push(('\n', false, false));
        }
        out.extend(r.text.chars().map(|c| (c, r.italic, r.bold)));
        last_y = r.y_mm;
    }
    out
}

/// What the prose path printed: its text, and which of its (non-space) characters are italic
/// and which bold.
struct Printed {
    text: String,
    italic: String,
    bold: String,
}

/// Compiles the template with `s`; returns the literal text and what the prose path printed,
/// between the markers.
fn typeset(s: &str) -> Result<(String, Printed), String> {
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
    // The prose path, character by character with its style.
    let styled = styled_chars(page);
    let plain: Vec<char> = styled.iter().map(|c| c.0).collect();
    let at = |marker: &str| {
        let m: Vec<char> = marker.chars().collect();
        plain.windows(m.len()).position(|w| w == m.as_slice())
    };
    let from = at("QQMIDDLE").ok_or("QQMIDDLE missing")? + "QQMIDDLE".len();
    let to = at("QQEND").ok_or("QQEND missing")?;
    let prose = &styled[from..to.max(from)];
    let pick = |f: fn(&(char, bool, bool)) -> bool| -> String {
        prose
            .iter()
            .filter(|c| f(c) && !c.0.is_whitespace())
            .map(|c| c.0)
            .collect()
    };
    let printed = Printed {
        text: prose.iter().map(|c| c.0).collect(),
        italic: pick(|c| c.1),
        bold: pick(|c| c.2),
    };
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
    Ok((literal, printed))
}

fn check_one(s: &str) -> Result<(), TestCaseError> {
    let (literal, prose) = typeset(s).map_err(TestCaseError::fail)?;
    prop_assert_eq!(squash(&literal), squash(s), "literal path for {:?}", s);
    let view = reader_view(&s.nfc().collect::<String>());
    let text = laid_out(&view);
    prop_assert_eq!(squash(&prose.text), squash(&text), "prose path for {:?}", s);
    let styled = |look: Look| -> String {
        view.iter()
            .filter(|(l, _)| *l == look)
            .flat_map(|(_, t)| t.nfc())
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    prop_assert_eq!(
        &prose.italic,
        &styled(Look::Italic),
        "italic text for {:?}",
        s
    );
    prop_assert_eq!(&prose.bold, &styled(Look::Bold), "bold text for {:?}", s);
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
                compile::evict(1);
            }
            check_one(&s)
        })
        .unwrap();
    eprintln!("injection: {} strings typeset and compared", n.into_inner());
}
