//! YAML reading with locations. serde_yaml does the typed parse (and locates syntax and type
//! errors itself); the one location index of `vinhdanh-yaml` (built once per file, shared with
//! the schema renames and the editors that rewrite data) gives every value's line and column by
//! field path, so problems found later (an unknown group id, a date that does not exist) still
//! point at the exact spot in the clerk's file. serde_yaml stays behind this module so it can be
//! swapped.

use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use unicode_normalization::UnicodeNormalization;
use vinhdanh_yaml::Index;

use crate::diag::{Diagnostic, Location};
use crate::msg;

/// A parsed YAML file kept with its text, to locate any field of it later.
#[derive(Debug)]
pub struct YamlDoc {
    pub file: String,
    /// The text as loaded: NFC, without a byte-order mark.
    pub text: String,
    /// The text exactly as typed, kept only when it differs from `text` (decomposed letters),
    /// for the rules that report how a file was typed.
    raw: Option<String>,
    index: OnceLock<Index>,
    /// Fields read under an old name (see [`super::schema`]): (new path, old path), concrete.
    renamed: Vec<(String, String)>,
    /// The warnings of those old names, located at the old key; they join the load notes.
    pub migrations: Vec<Diagnostic>,
}

impl YamlDoc {
    pub fn new(file: impl Into<String>, text: String) -> Self {
        Self {
            file: file.into(),
            text,
            raw: None,
            index: OnceLock::new(),
            renamed: Vec::new(),
            migrations: Vec::new(),
        }
    }

    /// The file's one location index (of [`Self::text`]), built on first use.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(&self.text))
    }

    /// The index of the text as typed ([`Self::raw`]), when that is the text as loaded: a
    /// rule reading the typed text then shares the loader's index instead of building one.
    pub fn raw_index(&self) -> Option<&Index> {
        self.raw.is_none().then(|| self.index())
    }

    /// Location of the key (not the value) at `path`, if the file has that key.
    pub fn locate_key(&self, path: &str) -> Option<Location> {
        let span = self.index().key(path)?;
        Some(self.at(span.line, span.col))
    }

    /// `line:col` of this file, with its line quoted (as `Location::with_excerpt`, without
    /// scanning the text from its start).
    fn at(&self, line: usize, col: usize) -> Location {
        let mut loc = Location::at(self.file.clone(), line, col);
        loc.excerpt = self.index().line(&self.text, line).map(str::to_string);
        loc
    }

    /// The file's text as typed (before NFC).
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.text)
    }

    /// Location of the value at `path` ("delegates[3].group"); falls back to the nearest parent
    /// that exists, then to the file alone.
    pub fn locate(&self, path: &str) -> Location {
        let index = self.index();
        let mut p = path.to_string();
        // A field read under its old name is found where the file has it.
        for (new, old) in &self.renamed {
            if let Some(rest) = p.strip_prefix(new.as_str())
                && (rest.is_empty() || rest.starts_with(['.', '[']))
            {
                p = format!("{old}{rest}");
                break;
            }
        }
        loop {
            if let Some((line, col)) = index.point(&p) {
                return self.at(line, col);
            }
            match p.rfind(['.', '[']) {
                Some(i) => p.truncate(i),
                None => return Location::file(self.file.clone()),
            }
        }
    }

    /// An error about the value at `path`, located.
    pub fn error(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message)
            .at(self.locate(path))
            .field(path.to_string())
    }

    pub fn warning(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(message)
            .at(self.locate(path))
            .field(path.to_string())
    }
}

/// Parses `bytes` as YAML into `T`, NFC-normalising the text first (Unikey and Word produce
/// precomposed text, but copies from PDFs and macOS are often decomposed; the PDF text layer and
/// comparisons need one form).
pub fn parse<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<(T, YamlDoc), Diagnostic> {
    let (text, raw) = match std::str::from_utf8(bytes) {
        Ok(t) => {
            let t = t.trim_start_matches('\u{feff}');
            let nfc = t.nfc().collect::<String>();
            let raw = (nfc != t).then(|| t.to_string());
            (nfc, raw)
        }
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            return Err(Diagnostic::error(msg::not_utf8())
                .at(Location {
                    line: Some(line),
                    ..Location::file(file)
                })
                .hint(msg::not_utf8_hint()));
        }
    };
    if let Some(d) = tab_indent(file, &text) {
        return Err(d);
    }
    let mut doc = YamlDoc::new(file, text);
    // Old field names are read under their new names (with a warning each): the typed parse
    // sees the text with those keys renamed, the locations stay those of the file as typed.
    let migrated = if super::schema::applies_to(file) {
        super::schema::migrate_text(file, &doc.text, doc.index())?
    } else {
        None
    };
    let parsed = match &migrated {
        Some(m) => serde_yaml::from_str::<T>(&m.text),
        None => serde_yaml::from_str::<T>(&doc.text),
    };
    match parsed {
        Ok(v) => {
            doc.raw = raw;
            if let Some(m) = migrated {
                doc.renamed = m.renamed;
                doc.migrations = m.warnings;
            }
            Ok((v, doc))
        }
        Err(e) => {
            let mut d = translate(file, &doc.text, &e);
            if let Some(m) = &migrated {
                m.locate_in_original(&mut d);
            }
            Err(d)
        }
    }
}

/// YAML forbids tabs for indentation; libyaml's message for it is cryptic, so say it plainly.
fn tab_indent(file: &str, text: &str) -> Option<Diagnostic> {
    for (i, line) in text.lines().enumerate() {
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        if let Some(pos) = indent.find('\t') {
            return Some(
                Diagnostic::error(msg::tab_indent())
                    .at(Location::at(file, i + 1, indent[..pos].chars().count() + 1)
                        .with_excerpt(text))
                    .hint(msg::tab_indent_hint()),
            );
        }
    }
    None
}

/// Turns serde_yaml's message into plain words of the clerk's language (`msg`), keeping its
/// location.
pub(super) fn translate(file: &str, text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; the location is kept separately.
    let msg = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let (field, body) = match msg.split_once(": ") {
        Some((f, b)) if !f.contains(' ') && !f.is_empty() => (Some(f.to_string()), b.to_string()),
        _ => (None, msg.clone()),
    };
    let mut d = if let Some(rest) = body.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let mut d = Diagnostic::error(msg::unknown_key(name));
        if let Some(best) = crate::text::nearest(name, expected.iter().copied()) {
            d = d.hint(msg::did_you_mean_key(best, &expected.join(", ")));
        } else if !expected.is_empty() {
            d = d.hint(msg::keys_list(&expected.join(", ")));
        }
        d
    } else if let Some(rest) = body.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or("");
        Diagnostic::error(msg::missing_field(name)).hint(msg::missing_field_hint(name))
    } else if let Some(rest) = body.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        Diagnostic::error(msg::wrong_type(&kind_vi(found), &kind_vi(expected)))
    } else if let Some(rest) = body.strip_prefix("unknown variant `") {
        let name = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        Diagnostic::error(msg::bad_variant(name)).hint(msg::choose_one(&expected.join(", ")))
    } else if body.contains("did not find expected")
        || body.contains("mapping values are not allowed")
        || body.contains("could not find expected")
    {
        Diagnostic::error(msg::yaml_syntax(&body)).hint(msg::yaml_syntax_hint())
    } else if body.contains("found unexpected end of stream")
        || body.contains("while scanning a quoted scalar")
    {
        Diagnostic::error(msg::yaml_unclosed_quote(&body)).hint(msg::yaml_unclosed_quote_hint())
    } else if !body.is_ascii() {
        // Our own deserializers (dates, times) already speak Vietnamese.
        Diagnostic::error(body.clone())
    } else {
        Diagnostic::error(msg::invalid_data(&body))
    };
    let loc = match e.location() {
        Some(l) => Location::at(file, l.line(), l.column()).with_excerpt(text),
        None => Location::file(file),
    };
    // In a `{…}` line a comma ends a value, so a text with commas left unquoted reads as
    // keys ("lead: Lãnh đạo Đảng ủy, HĐND, UBND xã" → a key “HĐND”): say to quote it.
    if let Some(name) = body
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
        && let Some(line) = e.location().and_then(|l| text.lines().nth(l.line() - 1))
        && line.contains('{')
        && line.contains(&format!(", {name}"))
    {
        d = d.hint(msg::flow_comma_hint(name));
    }
    d = d.at(loc);
    if let Some(f) = field {
        d = d.field(f);
    }
    d
}

fn kind_vi(s: &str) -> String {
    let s = s.trim();
    if s.starts_with("string") {
        s.replacen("string", msg::kind_string(), 1)
    } else if s.starts_with("integer")
        || s.starts_with("u32")
        || s.starts_with("u16")
        || s.starts_with("i32")
        || s.starts_with("u8")
        || s.starts_with("usize")
    {
        msg::kind_integer().into()
    } else if s.starts_with("a sequence") || s.starts_with("sequence") {
        msg::kind_sequence().into()
    } else if s.starts_with("map") || s.contains("struct") {
        msg::kind_map().into()
    } else if s.starts_with("a boolean") || s.starts_with("boolean") {
        msg::kind_bool().into()
    } else if s == "unit value" {
        msg::kind_unit().into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_fields() {
        let text = "a:\n  b: 1\n  list:\n    - x: hello\n    - x: world\n";
        let doc = YamlDoc::new("t.yaml", text.to_string());
        let l = doc.locate("a.list[1].x");
        assert_eq!((l.line, l.column), (Some(5), Some(10)));
        let l = doc.locate("a.b");
        assert_eq!((l.line, l.column), (Some(2), Some(6)));
        let l = doc.locate("a.list[1].missing");
        assert_eq!(l.line, Some(5));
    }

    #[test]
    fn aliases_take_a_value_position() {
        let text = concat!(
            "a: &x 1\n",
            "b: *x\n",
            "c: 3\n",
            "list:\n",
            "  - &y first\n",
            "  - *y\n",
            "  - third\n",
            "  - k: v\n",
            "    m: *x\n",
            "    n: 4\n",
            "d: 5\n",
        );
        let doc = YamlDoc::new("t.yaml", text.to_string());
        let at = |p: &str| {
            let l = doc.locate(p);
            (l.line, l.column)
        };
        assert_eq!(at("b"), (Some(2), Some(4)));
        assert_eq!(at("c"), (Some(3), Some(4)));
        assert_eq!(at("list"), (Some(4), Some(1)));
        assert_eq!(at("list[1]"), (Some(6), Some(5)));
        assert_eq!(at("list[2]"), (Some(7), Some(5)));
        assert_eq!(at("list[3].k"), (Some(8), Some(8)));
        assert_eq!(at("list[3].m"), (Some(9), Some(8)));
        assert_eq!(at("list[3].n"), (Some(10), Some(8)));
        assert_eq!(at("d"), (Some(11), Some(4)));
        // A path that does not exist falls back to its parent.
        assert_eq!(at("list[4]"), (Some(4), Some(1)));

        // An alias used as a key stands for the anchored text.
        let doc = YamlDoc::new("t.yaml", "k: &n name\n*n : 5\nz: 6\n".to_string());
        let l = doc.locate("name");
        assert_eq!((l.line, l.column), (Some(2), Some(6)));
        let l = doc.locate("z");
        assert_eq!((l.line, l.column), (Some(3), Some(4)));
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct S {
        number: Option<u32>,
        name: String,
    }

    #[test]
    fn unknown_key_is_located_and_suggests() {
        let e = parse::<S>("p.yaml", b"name: x\nnumbr: 3\n").unwrap_err();
        assert_eq!(e.location.as_ref().unwrap().line, Some(2));
        assert!(e.message.contains("numbr"), "{e}");
        assert!(e.hint.as_ref().unwrap().contains("number"), "{e}");
    }

    /// A text with commas left unquoted in a `{…}` line reads as keys: the hint says to quote
    /// it (a clerk's programme line, as written in a trial).
    #[test]
    fn an_unquoted_comma_in_a_flow_mapping_says_to_quote() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Item {
            time: String,
            lead: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Agenda {
            items: Vec<Item>,
        }
        let src = "items:\n  - {time: \"08:00\", lead: Lãnh đạo Đảng ủy, HĐND, UBND xã}\n";
        let e = parse::<Agenda>("data/agenda.yaml", src.as_bytes()).unwrap_err();
        assert!(e.message.contains("“HĐND”"), "{e}");
        let hint = e.hint.as_deref().unwrap();
        assert!(
            hint.contains("ngoặc kép") && hint.contains("“HĐND”"),
            "{hint}"
        );
        assert_eq!(e.location.as_ref().unwrap().line, Some(2));
    }

    #[test]
    fn tab_indent_is_named() {
        let e = parse::<S>("p.yaml", b"name: x\n\tnumber: 3\n").unwrap_err();
        assert!(e.message.contains("Tab"), "{e}");
        assert_eq!(e.location.as_ref().unwrap().line, Some(2));
    }
}
