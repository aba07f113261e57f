//! Field paths as the diagnostics print them: `delegates[3].group`, `plan.authority.lines[0]`.
//! Keys are joined with `.` and list items are `[n]`; a key that itself holds `.`, `[` or `]`
//! cannot be named (none of the data files has one, and the old index could not tell them
//! apart either).

use crate::Error;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Item(usize),
}

pub(crate) fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

pub(crate) fn item(base: &str, i: usize) -> String {
    format!("{base}[{i}]")
}

/// Splits a path into its steps; the empty path is the document's root.
pub(crate) fn parse(path: &str) -> Result<Vec<Seg>, Error> {
    let bad = || Error::BadPath {
        path: path.to_string(),
    };
    let mut out = Vec::new();
    let mut rest = path;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(bad)?;
            let n = &r[..end];
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            out.push(Seg::Item(n.parse().map_err(|_| bad())?));
            rest = &r[end + 1..];
        } else {
            let r = if first {
                rest
            } else {
                rest.strip_prefix('.').ok_or_else(bad)?
            };
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let key = &r[..end];
            if key.is_empty() || key.contains(']') {
                return Err(bad());
            }
            out.push(Seg::Key(key.to_string()));
            rest = &r[end..];
        }
        first = false;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_keys_and_items() {
        assert_eq!(parse("").unwrap(), vec![]);
        assert_eq!(
            parse("a.b[3].c").unwrap(),
            vec![
                Seg::Key("a".into()),
                Seg::Key("b".into()),
                Seg::Item(3),
                Seg::Key("c".into())
            ]
        );
        assert_eq!(parse("[0][1]").unwrap(), vec![Seg::Item(0), Seg::Item(1)]);
        for bad in ["a.", ".a", "a..b", "a[", "a[x]", "a[]", "a]b", "a[1]b"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
