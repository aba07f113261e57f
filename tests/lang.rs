//! `--lang en` switches every message to English, and nothing else does: the catalogue's bad
//! projects run in English print no Vietnamese word that is not the clerk's own (data, the
//! templates, a quoted value or a header to type); without the flag, or with an English
//! locale, they print Vietnamese. A source scan keeps new messages from bypassing the
//! catalogue (`src/msg.rs`).

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::cases::{cases, prepare};

/// A letter of Vietnamese beyond ASCII (ă, â, đ, ê, ô, ơ, ư and every tone-marked vowel).
fn vietnamese_letter(c: char) -> bool {
    c.is_alphabetic() && matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The text with quoted spans removed: “…”, "…" and `…` hold a value, a header or a line to
/// type, which stay as written whatever the language.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    // A data line quoted under a diagnostic (`  80 | …`) is the clerk's text, maybe cut short.
    let text: String = text
        .split_inclusive('\n')
        .filter(|l| {
            let t = l.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            !(digits > 0 && t[digits..].starts_with(" | "))
        })
        .collect();
    for c in text.chars() {
        match close {
            Some(end) if c == end || c == '\n' => close = None,
            Some(_) => {}
            None => match c {
                '“' => close = Some('”'),
                '"' => close = Some('"'),
                '`' => close = Some('`'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// Every word of the project's files and of the shipped templates (spreadsheets: the words
/// of their XML parts), in both tone-mark styles (`--fix-tone-marks` shows the respelt
/// word), and of the schema line `migrate` writes into plan.yaml: what a message may quote
/// without being Vietnamese itself.
fn input_words(project: &Path) -> BTreeSet<String> {
    use vinhdanh::tone::{Style, convert};
    let mut set = BTreeSet::new();
    let mut add = |text: &str| {
        for w in words(text) {
            let w = w.to_lowercase();
            set.insert(convert(&w, Style::New));
            set.insert(convert(&w, Style::Old));
            set.insert(w);
        }
    };
    add(&vinhdanh::load::schema::version_line());
    for root in [project.to_path_buf(), common::repo().join("templates")] {
        for e in walkdir::WalkDir::new(&root).into_iter().flatten() {
            if !e.file_type().is_file() || e.path().starts_with(project.join("output")) {
                continue;
            }
            let bytes = fs::read(e.path()).unwrap();
            if let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(&bytes)) {
                for i in 0..zip.len() {
                    let mut part = String::new();
                    let _ = std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut part);
                    add(&part);
                }
            } else {
                add(&String::from_utf8_lossy(&bytes));
            }
        }
    }
    set
}

/// Words of `output` with Vietnamese letters, outside quotes, that no input file has.
fn foreign_words(output: &str, inputs: &BTreeSet<String>) -> BTreeSet<String> {
    let text = unquoted(output);
    words(&text)
        .filter(|w| w.chars().any(vietnamese_letter))
        .map(str::to_lowercase)
        .filter(|w| !inputs.contains(w))
        .collect()
}

fn run_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let out = common::bin()
        .args(args)
        .current_dir(cwd)
        .envs(env.iter().copied())
        .output()
        .expect("run vinhdanh");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

/// Every catalogue case, run with `--lang en`: the same exit status as in Vietnamese, and no
/// Vietnamese word of a message left.
#[test]
fn every_catalogue_case_speaks_english_with_lang_en() {
    let cases = cases();
    assert!(cases.len() >= 30, "catalogue has {} cases", cases.len());
    let mut failures = Vec::new();
    let mut with_levels = 0;
    for dir in &cases {
        let tmp = common::init_project();
        let project = tmp.path().join("p");
        let case = prepare(dir, &project);
        let inputs = input_words(&project);
        let mut args: Vec<&str> = vec!["--lang", "en"];
        args.extend(case.args.iter().map(String::as_str));
        let (code, out) = common::run(&project, &args);
        if code != case.exit {
            failures.push(format!(
                "── {}: exit {code}, expected {}\n{out}",
                case.name, case.exit
            ));
        }
        let foreign = foreign_words(&out, &inputs);
        if !foreign.is_empty() {
            failures.push(format!(
                "── {}: Vietnamese words in English output: {foreign:?}\n{out}",
                case.name
            ));
        }
        if out.contains("error:") || out.contains("warning:") {
            with_levels += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        with_levels >= cases.len() / 2,
        "only {with_levels} cases printed an English level name"
    );
}

/// Cases of every layer (rules, YAML loading, schema, spreadsheet import, templates, Typst):
/// without `--lang` they speak Vietnamese, an English locale changes nothing, `--lang en`
/// changes the words but not the exit status or the places named.
#[test]
fn vietnamese_by_default_whatever_the_locale() {
    let names = [
        "duplicate-person",
        "csv-three-header-problems",
        "yaml-tab",
        "newer-schema",
        "minijinja-syntax",
        "typst-error",
        "legacy-tcvn3-in-yaml",
        "quota-breach",
    ];
    for name in names {
        let dir = common::fixture("invalid").join(name);
        let tmp = common::init_project();
        let project = tmp.path().join("p");
        let case = prepare(&dir, &project);
        let inputs = input_words(&project);
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let (vi_code, vi) = common::run(&project, &args);
        let english_locale = [
            ("LANG", "en_US.UTF-8"),
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "en_US.UTF-8"),
            ("LANGUAGE", "en"),
        ];
        let (loc_code, loc) = run_env(&project, &args, &english_locale);
        let mut en_args = vec!["--lang", "en"];
        en_args.extend(args.iter().copied());
        let (en_code, en) = common::run(&project, &en_args);

        assert_eq!(vi_code, case.exit, "{name}:\n{vi}");
        assert_eq!(
            (loc_code, progress_sorted(&loc)),
            (vi_code, progress_sorted(&vi)),
            "{name}: the locale changed the output"
        );
        assert_eq!(
            en_code, vi_code,
            "{name}: --lang en changed the exit status"
        );
        assert!(
            vi.contains("lỗi:") || vi.contains("cảnh báo:"),
            "{name}: no Vietnamese level name:\n{vi}"
        );
        assert!(
            !foreign_words(&vi, &inputs).is_empty(),
            "{name}: no Vietnamese message word:\n{vi}"
        );
        assert!(
            en.contains("error:") || en.contains("warning:"),
            "{name}: no English level name:\n{en}"
        );
        // The same places are named in both languages.
        let places = |s: &str| -> Vec<String> {
            s.lines()
                .filter_map(|l| l.split_once(": ").map(|(p, _)| p.to_string()))
                .filter(|p| p.starts_with("data/") || p.starts_with("templates/"))
                .map(|p| p.split(',').next().unwrap().to_string())
                .collect()
        };
        assert_eq!(places(&en), places(&vi), "{name}");
    }
}

/// The office lists (Excel and CSV with title rows, a summary sheet, stray spaces and
/// decomposed letters): the importer's notes and the cleaned-cell warnings in English, at the
/// same cells as in Vietnamese.
#[test]
fn office_lists_in_english() {
    let dir = common::init_project();
    let p = dir.path().join("p");
    fs::remove_file(p.join("data/delegates.yaml")).unwrap();
    fs::remove_file(p.join("data/honorees.yaml")).unwrap();
    common::copy_dir(&common::fixture("office-lists"), &p);
    let inputs = input_words(&p);
    let (code, en) = common::run(&p, &["check", "--lang", "en"]);
    assert_eq!(code, 0, "{en}");
    let foreign = foreign_words(&en, &inputs);
    assert!(foreign.is_empty(), "{foreign:?}\n{en}");
    for expected in [
        "data/honorees.xlsx, row 9, column B: warning: the cell",
        "decomposed letters (separate tone marks, NFD)",
        "has two spaces in a row",
        "data/honorees.xlsx: note: Only the worksheet",
        "data/delegates.csv, row 1: note: Skipped 1 row(s) above the header",
        "Check done: 0 error(s)",
    ] {
        assert!(en.contains(expected), "«{expected}» missing:\n{en}");
    }
    let (_, vi) = common::run(&p, &["check"]);
    assert!(
        vi.contains("data/honorees.xlsx, dòng 9, cột B: cảnh báo: ô")
            && vi.contains("Kiểm tra xong: 0 lỗi"),
        "{vi}"
    );
    // One line per diagnostic in both languages.
    assert_eq!(en.lines().count(), vi.lines().count(), "{en}\n{vi}");
}

// ---- The catalogue holds every message ----

/// Spans of string literals in Rust source (char literals and comments skipped), with their
/// byte offsets.
fn string_literals(src: &str) -> Vec<(usize, usize, String)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let ident = |j: usize| j > 0 && (b[j - 1].is_ascii_alphanumeric() || b[j - 1] == b'_');
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            i = src[i..].find('\n').map_or(b.len(), |k| i + k);
        } else if b[i..].starts_with(b"/*") {
            i = src[i..].find("*/").map_or(b.len(), |k| i + k + 2);
        } else if b[i] == b'r' && !ident(i) && matches!(b.get(i + 1), Some(b'"' | b'#')) {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            let open = i + 1 + hashes;
            if b.get(open) != Some(&b'"') {
                i += 1;
                continue;
            }
            let close = format!("\"{}", "#".repeat(hashes));
            let end = src[open + 1..]
                .find(&close)
                .map_or(b.len(), |k| open + 1 + k);
            out.push((i, end + close.len(), src[open + 1..end].to_string()));
            i = end + close.len();
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push((i, j + 1, src[i + 1..j].to_string()));
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', 'đ') or a lifetime ('a).
            let rest = &src[i + 1..];
            let mut chars = rest.char_indices();
            match chars.next() {
                Some((_, '\\')) => i += 1 + rest.find('\'').map_or(1, |k| k + 1),
                Some((_, c)) if rest[c.len_utf8()..].starts_with('\'') => {
                    i += 2 + c.len_utf8();
                }
                _ => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Where Vietnamese literals outside the catalogue are data, not messages.
const ALLOWED_FILES: &[(&str, &str)] = &[
    (
        "crates/load/src/office_lists.rs",
        "test-only generator of the office spreadsheets (their Vietnamese contents)",
    ),
    (
        "crates/documents/",
        "the text of the documents printed (a Vietnamese administrative document is Vietnamese whatever the clerk's language)",
    ),
    (
        "crates/model/",
        "the text of the documents printed (salutations, headings of the award decision)",
    ),
];

/// Items (from their first line to the closing line at column 0) whose literals are data.
const ALLOWED_ITEMS: &[(&str, &str, &str)] = &[
    (
        "crates/load/src/tables.rs",
        "pub const DELEGATE_FIELDS",
        "column headers MATCHED against the clerk's spreadsheet (Họ và tên, Chức vụ…)",
    ),
    (
        "crates/load/src/tables.rs",
        "const NOTE",
        "a column header matched",
    ),
    (
        "crates/load/src/tables.rs",
        "pub const HONOREE_FIELDS",
        "column headers matched",
    ),
    (
        "crates/load/src/tables.rs",
        "pub const HONOREE_SECTIONS",
        "section rows matched (I. TẬP THỂ, II. CÁ NHÂN)",
    ),
    (
        "crates/load/src/import/legacy.rs",
        "const ONSETS",
        "Vietnamese syllable structure, to recognise TCVN3/VNI text",
    ),
    (
        "crates/load/src/import/legacy.rs",
        "const RHYMES",
        "Vietnamese syllable structure",
    ),
    (
        "crates/core/src/tone/mod.rs",
        "const ONSETS",
        "Vietnamese syllable structure, to place tone marks",
    ),
    (
        "crates/load/src/schema.rs",
        "pub fn version_line",
        "a comment written INTO plan.yaml: file content, the same in every language",
    ),
    (
        "crates/core/src/text.rs",
        "pub fn date_long",
        "dates as the documents print them",
    ),
    (
        "crates/core/src/text.rs",
        "pub fn weekday",
        "weekdays as the documents print them",
    ),
    (
        "crates/core/src/text.rs",
        "    pub fn long",
        "times as the documents print them",
    ),
    (
        "crates/core/src/text.rs",
        "pub fn count_text",
        "counts as the plan prints them",
    ),
];

fn allowed_spans(rel: &str, src: &str) -> Vec<(usize, usize)> {
    ALLOWED_ITEMS
        .iter()
        .filter(|(file, _, _)| *file == rel)
        .map(|(_, item, _)| {
            let start = src
                .find(&format!("\n{item}"))
                .unwrap_or_else(|| panic!("{rel}: allowed item `{item}` not found"));
            let indent = item.len() - item.trim_start().len();
            let close_brace = format!("\n{}}}", " ".repeat(indent));
            let close_bracket = format!("\n{}]", " ".repeat(indent));
            let end = [&close_brace, &close_bracket]
                .iter()
                .filter_map(|c| src[start + 1..].find(c.as_str()))
                .min()
                .map_or(src.len(), |k| start + 1 + k);
            (start, end)
        })
        .collect()
}

#[test]
fn no_vietnamese_message_outside_the_catalogue() {
    let root = common::repo();
    let mut found = Vec::new();
    for e in ["src", "crates"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(root.join(d)).into_iter().flatten())
    {
        let rel = e
            .path()
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // Each layer's catalogue (`msg.rs`) is where messages belong; a crate's own tests and
        // examples quote data freely, as unit tests do.
        let crate_source = rel.starts_with("src/") || rel.split('/').nth(2) == Some("src");
        if !rel.ends_with(".rs")
            || !crate_source
            || rel.ends_with("/tests.rs")
            || rel.ends_with("/msg.rs")
            || ALLOWED_FILES.iter().any(|(f, _)| rel.starts_with(f))
        {
            continue;
        }
        let full = fs::read_to_string(e.path()).unwrap();
        // Unit tests at the end of a file quote data freely.
        let src = match full.find("\n#[cfg(test)]\nmod ") {
            Some(k) => &full[..k],
            None => &full[..],
        };
        let spans = allowed_spans(&rel, src);
        for (at, _, lit) in string_literals(src) {
            if lit.chars().any(vietnamese_letter) && !spans.iter().any(|&(a, b)| a <= at && at < b)
            {
                let line = src[..at].matches('\n').count() + 1;
                found.push(format!("{rel}:{line}: {lit:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Vietnamese string literals outside the catalogues (msg.rs) (move them into the catalogue, or allow-list data vocabulary with the reason):\n{}",
        found.join("\n")
    );
}

/// The English side of every message of the catalogue has no Vietnamese outside quotes (a
/// value to type or a menu name is quoted).
#[test]
fn english_messages_are_english() {
    let src: String = catalogues()
        .iter()
        .map(|f| {
            let s = fs::read_to_string(f).unwrap();
            s[..s.find("\n#[cfg(test)]\nmod ").unwrap_or(s.len())].to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    let src = src.as_str();
    let lits = string_literals(src);
    let comma = |a: usize, b: usize| src[lits[a].1..lits[b].0].trim() == ",";
    let before = |k: usize| src[..lits[k].0].trim_end();
    let mut english = 0;
    let mut found = Vec::new();
    for (k, (_, _, text)) in lits.iter().enumerate() {
        // `message!(… en "…")`; `pick("…", "…")`; the help table's `("key", "…", "…")`.
        let is_english = before(k).ends_with(" en")
            || before(k).ends_with("\nen")
            || (k >= 1 && comma(k - 1, k) && before(k - 1).ends_with("pick("))
            || (k >= 2 && comma(k - 1, k) && comma(k - 2, k - 1) && before(k - 2).ends_with('('));
        if is_english {
            english += 1;
            if unquoted(text).chars().any(vietnamese_letter) {
                found.push(text.clone());
            }
        }
    }
    assert!(english > 300, "only {english} English messages recognised");
    assert!(
        found.is_empty(),
        "English messages with Vietnamese outside quotes:\n{}",
        found.join("\n")
    );
}

/// The output with its progress lines ("đã in X", "lỗi khi in X", printed as concurrent jobs end,
/// so in no fixed order) sorted; everything else in place.
fn progress_sorted(out: &str) -> String {
    let is_progress = |l: &&str| l.starts_with("đã in ") || l.starts_with("lỗi khi in ");
    let mut progress: Vec<&str> = out.lines().filter(is_progress).collect();
    progress.sort_unstable();
    let rest: Vec<&str> = out.lines().filter(|l| !is_progress(l)).collect();
    format!("{}\n--\n{}", progress.join("\n"), rest.join("\n"))
}

/// The serve page's own files carry no words: its labels come from the catalogue
/// (`msg::serve_labels`), so `--lang en` reaches them too.
#[test]
fn serve_page_files_hold_no_vietnamese_words() {
    let dir = common::repo().join("crates/serve/src/static");
    let mut found = Vec::new();
    for e in fs::read_dir(&dir).unwrap().flatten() {
        let text = fs::read_to_string(e.path()).unwrap();
        for (k, line) in text.lines().enumerate() {
            let code = line.trim_start();
            // Comments, and the search's folding of đ (a letter, not a word).
            if code.starts_with("//") || code.contains(".replace(/đ/g, \"d\")") {
                continue;
            }
            if line.chars().any(vietnamese_letter) {
                found.push(format!("{}:{}: {line}", e.path().display(), k + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Every layer's message catalogue: `src/msg.rs` (the command line) and `crates/*/src/msg.rs`.
fn catalogues() -> Vec<std::path::PathBuf> {
    let root = common::repo();
    let mut out = vec![root.join("src/msg.rs")];
    let mut crates: Vec<_> = fs::read_dir(root.join("crates"))
        .unwrap()
        .flatten()
        .map(|e| e.path().join("src/msg.rs"))
        .filter(|p| p.exists())
        .collect();
    crates.sort();
    out.extend(crates);
    out
}
