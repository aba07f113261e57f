//! `{placeholders}` in free text name a fact that exists: a misspelt one is an error here,
//! once, and the documents fill what is there without failing.

use crate::diag::Diagnostics;
use crate::load::{Data, YamlDoc, walk_strings};
use crate::msg;
use crate::text;

pub fn run(data: &Data, out: &mut Diagnostics) {
    let facts = data.facts();
    let mut check = |doc: &YamlDoc, path: &str, s: &str| {
        if let Err(key) = text::expand(s, &facts) {
            let hint = if key.starts_with("award.") {
                msg::placeholder_award_hint()
            } else {
                msg::placeholder_hint()
            };
            out.push(doc.error(path, msg::placeholder_unknown(&key)).hint(hint));
        }
    };
    walk_strings(&data.plan, &mut |p, s| check(&data.plan_src, p, s));
    if let Some((a, d)) = &data.agenda {
        walk_strings(a, &mut |p, s| check(d, p, s));
    }
    if let Some((r, d)) = &data.responsibilities {
        walk_strings(r, &mut |p, s| check(d, p, s));
    }
    if let Some(d) = &data.decision {
        walk_strings(&d.file, &mut |p, s| check(&d.src, p, s));
    }
}
