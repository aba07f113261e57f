//! Templates (`templates/*.typ.j2`) → Typst source, with minijinja.
//!
//! Injection cannot happen by forgetting a filter: the environment's formatter writes every
//! value as a Typst *literal* (`"…"` strings with escapes, numbers, arrays, dictionaries), so a
//! name full of `# * _ $ @ < > [ ] { } \ /` prints exactly as typed. In markup a template writes
//! `#{{ x }}`, in code `{{ x }}`; forgetting the `#` shows quotes on the page, never runs code.
//! Only two filters emit Typst that is not a literal: `prose` (the documented `*italic*`,
//! `**bold**` and “smart quotes” of free text, built from literals) and `typst_raw` (raw Typst
//! from data, explicit and documented as unsafe).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use minijinja::value::{Value, ValueKind};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};

use crate::diag::{Diagnostic, Location};
use crate::project::Project;
/// Kept here for the template filter `roman`; documents use `text::roman` directly.
use crate::text::roman;

/// Builds the template environment of a project: user templates override the embedded ones.
pub fn environment(project: &Project) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    // Every template may read `window`; only a list laid out in parts sets another.
    env.add_global("window", crate::parts::Window::whole());
    let p = project.clone();
    env.set_loader(move |name| {
        let rel = format!("templates/{name}");
        match p.read(&rel) {
            Ok(Some(bytes)) => String::from_utf8(bytes.into_owned())
                .map(Some)
                .map_err(|_| {
                    Error::new(
                        ErrorKind::InvalidOperation,
                        crate::msg::template_not_utf8(&rel),
                    )
                }),
            Ok(None) => Ok(None),
            Err(e) => Err(Error::new(ErrorKind::InvalidOperation, e.to_string())),
        }
    });
    env.set_formatter(|out, _state, value| {
        if value.is_safe() {
            write!(out, "{value}").map_err(Error::from)
        } else {
            out.write_str(&typst_literal(value)).map_err(Error::from)
        }
    });
    env.add_filter("prose", |v: Value| {
        Value::from_safe_string(prose(&text_of(&v)))
    });
    env.add_filter("typst_raw", |v: Value| Value::from_safe_string(text_of(&v)));
    env.add_filter("typst", |v: Value| {
        Value::from_safe_string(typst_literal(&v))
    });
    env.add_filter("roman", |n: u32| roman(n));
    env.add_filter("upper_vi", |s: String| crate::text::upper(&s));
    env
}

fn text_of(v: &Value) -> String {
    if v.is_none() || v.is_undefined() {
        String::new()
    } else if let Some(s) = v.as_str() {
        s.to_string()
    } else {
        v.to_string()
    }
}

/// A minijinja value as a Typst literal expression.
fn typst_literal(v: &Value) -> String {
    match v.kind() {
        ValueKind::Undefined | ValueKind::None => "none".into(),
        ValueKind::Bool => {
            if v.is_true() {
                "true".into()
            } else {
                "false".into()
            }
        }
        ValueKind::Number => {
            let s = v.to_string();
            if s.contains("inf") || s.contains("NaN") {
                "none".into()
            } else {
                s
            }
        }
        ValueKind::String | ValueKind::Bytes | ValueKind::Plain | ValueKind::Invalid => {
            string_literal(v.as_str().unwrap_or(&v.to_string()))
        }
        ValueKind::Seq | ValueKind::Iterable => {
            let mut s = String::from("(");
            if let Ok(iter) = v.try_iter() {
                for item in iter {
                    s.push_str(&typst_literal(&item));
                    s.push_str(", ");
                }
            }
            s.push(')');
            s
        }
        ValueKind::Map => {
            let mut s = String::from("(:");
            let mut entries = BTreeMap::new();
            if let Ok(iter) = v.try_iter() {
                for key in iter {
                    if let Ok(val) = v.get_item(&key) {
                        entries.insert(key.to_string(), val);
                    }
                }
            }
            if !entries.is_empty() {
                s.clear();
                s.push('(');
            }
            for (k, val) in entries {
                let _ = write!(s, "{}: {}, ", string_literal(&k), typst_literal(&val));
            }
            s.push(')');
            s
        }
        _ => string_literal(&v.to_string()),
    }
}

/// A Typst string literal that denotes exactly `s`.
fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Free text with the documented inline markup, as a Typst content expression made only of
/// string literals and `emph`/`strong`: `**đậm**`, `*nghiêng*`, `\*` for a literal star;
/// straight double quotes become Vietnamese “ ”. A star without its pair prints as a star.
pub(crate) fn prose(text: &str) -> String {
    // A tab in free text means a space: Typst drops a tab at the edge of a text element, which
    // glued "a<Tab>*b*" into "ab" (`check` still warns about tabs in data).
    let text = smart_quotes(&text.replace('\t', " "));
    let spans = parse_markup(&text);
    if spans.len() == 1 && spans[0].0 == Style::Plain {
        return string_literal(&spans[0].1);
    }
    let mut out = String::from("[");
    for (style, s) in spans {
        match style {
            Style::Plain => {
                let _ = write!(out, "#{}", string_literal(&s));
            }
            Style::Emph => {
                let _ = write!(out, "#emph({})", string_literal(&s));
            }
            Style::Strong => {
                let _ = write!(out, "#strong({})", string_literal(&s));
            }
        }
    }
    out.push(']');
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Emph,
    Strong,
}

fn parse_markup(text: &str) -> Vec<(Style, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(Style, String)> = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    let find = |from: usize, pat: &[char]| -> Option<usize> {
        let mut j = from;
        while j + pat.len() <= chars.len() {
            if chars[j] == '\\' {
                j += 2;
                continue;
            }
            if chars[j..j + pat.len()] == *pat {
                return Some(j);
            }
            j += 1;
        }
        None
    };
    let unescape = |s: &[char]| -> String {
        let mut out = String::new();
        let mut k = 0;
        while k < s.len() {
            if s[k] == '\\' && k + 1 < s.len() && s[k + 1] == '*' {
                out.push('*');
                k += 2;
            } else {
                out.push(s[k]);
                k += 1;
            }
        }
        out
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1] == '*' {
            plain.push('*');
            i += 2;
            continue;
        }
        if c == '*' {
            let (style, open) = if chars.get(i + 1) == Some(&'*') {
                (Style::Strong, 2)
            } else {
                (Style::Emph, 1)
            };
            let pat: Vec<char> = vec!['*'; open];
            // As in Markdown, a star opens only before a non-space and closes only after one,
            // so "2 * 3" and "/* note */" stay literal.
            // It also opens only at a word's start and closes only at a word's end ("a*b" is literal).
            let opens = chars
                .get(i + open)
                .is_some_and(|c| !c.is_whitespace() && *c != '*')
                && (i == 0
                    || chars[i - 1].is_whitespace()
                    || "([{“‘\"'-–—/".contains(chars[i - 1]));
            let closes = |e: usize| {
                !chars[e - 1].is_whitespace()
                    && chars.get(e + open).is_none_or(|c| !c.is_alphanumeric())
            };
            if let Some(end) = find(i + open, &pat).filter(|&e| opens && e > i + open && closes(e))
            {
                if !plain.is_empty() {
                    spans.push((Style::Plain, std::mem::take(&mut plain)));
                }
                spans.push((style, unescape(&chars[i + open..end])));
                i = end + open;
                continue;
            }
        }
        plain.push(c);
        i += 1;
    }
    if !plain.is_empty() || spans.is_empty() {
        spans.push((Style::Plain, plain));
    }
    spans
}

/// `"…"` → `“…”`: an opening quote after a space, an opening bracket or at the start.
pub(crate) fn smart_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c == '"' {
            let open = match prev {
                None => true,
                Some(p) => p.is_whitespace() || "([{“‘-–—/".contains(p),
            };
            out.push(if open { '“' } else { '”' });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Renders `templates/<name>` with `ctx`. Template errors point at the template's line.
pub fn render(env: &Environment<'static>, name: &str, ctx: Value) -> Result<String, Diagnostic> {
    let tmpl = env
        .get_template(name)
        .map_err(|e| template_error(name, &e))?;
    tmpl.render(ctx).map_err(|e| template_error(name, &e))
}

pub(crate) fn template_error(name: &str, e: &Error) -> Diagnostic {
    let file = format!("templates/{}", e.name().unwrap_or(name));
    let mut loc = Location::file(file);
    loc.line = e.line();
    let msg = match e.kind() {
        ErrorKind::TemplateNotFound => {
            // minijinja's detail is an English sentence around the quoted name.
            let detail = e.detail().unwrap_or(name);
            let missing = detail.split('"').nth(1).unwrap_or(detail);
            crate::msg::template_not_found(missing)
        }
        ErrorKind::SyntaxError => crate::msg::template_syntax(e.detail().unwrap_or("")),
        ErrorKind::UndefinedError => crate::msg::template_undefined(e.detail().unwrap_or("")),
        _ => crate::msg::template_failed(&e),
    };
    Diagnostic::error(msg)
        .at(loc)
        .hint(crate::msg::template_error_hint())
}

/// Best guess of the template line that produced `generated` (a line of Typst output): the
/// template line whose literal fragments (outside `{{ }}`/`{% %}`) all occur in it, in order,
/// covering the most text. Typst errors in generated source are reported at that line.
pub(crate) fn map_line(template: &str, generated: &str) -> Option<usize> {
    let generated = generated.trim();
    let mut best: Option<(usize, usize)> = None;
    for (i, line) in template.lines().enumerate() {
        let t = line.trim();
        if t.starts_with("{%") || t.starts_with("{#") || t.is_empty() {
            continue;
        }
        let frags = literal_fragments(t);
        let total: usize = frags.iter().map(|f| f.len()).sum();
        if total == 0 {
            continue;
        }
        let mut pos = 0;
        let mut ok = true;
        for f in &frags {
            match generated[pos..].find(f.as_str()) {
                Some(p) => pos += p + f.len(),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && best.is_none_or(|(_, b)| total > b) {
            best = Some((i + 1, total));
        }
    }
    best.map(|(l, _)| l)
}

fn literal_fragments(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let next = [rest.find("{{"), rest.find("{%"), rest.find("{#")]
            .into_iter()
            .flatten()
            .min();
        match next {
            Some(i) => {
                let frag = rest[..i].trim();
                if !frag.is_empty() {
                    out.push(frag.to_string());
                }
                let close = match &rest[i..i + 2] {
                    "{{" => "}}",
                    "{%" => "%}",
                    _ => "#}",
                };
                match rest[i + 2..].find(close) {
                    Some(j) => rest = &rest[i + 2 + j + 2..],
                    None => break,
                }
            }
            None => {
                let frag = rest.trim();
                if !frag.is_empty() {
                    out.push(frag.to_string());
                }
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
    fn literals_escape_everything() {
        assert_eq!(string_literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(string_literal("x\ny"), r#""x\ny""#);
        let v = Value::from_serialize(serde_json_like());
        let lit = typst_literal(&v);
        assert!(lit.starts_with('('), "{lit}");
    }

    fn serde_json_like() -> BTreeMap<&'static str, Vec<&'static str>> {
        BTreeMap::from([("a", vec!["x", "#y"])])
    }

    #[test]
    fn prose_markup() {
        assert_eq!(prose("plain"), "\"plain\"");
        assert_eq!(prose("a *b* c"), "[#\"a \"#emph(\"b\")#\" c\"]");
        assert_eq!(prose("**B**"), "[#strong(\"B\")]");
        assert_eq!(prose("2 * 3"), "\"2 * 3\"");
        assert_eq!(prose(r"\*x\*"), "\"*x*\"");
        assert_eq!(prose("/* c */ a*b"), "\"/* c */ a*b\"");
        assert_eq!(prose("Tổ chức \"Hội nghị\"."), "\"Tổ chức “Hội nghị”.\"");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(11), "XI");
    }

    #[test]
    fn maps_generated_line_back() {
        let tmpl = "#import \"x\"\n#para({{ a }})\n#heading-vi(level: 2, {{ b }})\n";
        assert_eq!(map_line(tmpl, "#heading-vi(level: 2, \"zzz\")"), Some(3));
    }
}
