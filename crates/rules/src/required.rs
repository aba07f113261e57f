//! Values a document cannot print without. The loader accepts `name: ~` or `name: ""` for a
//! text it needs (a key left empty is what a clerk gets by clearing a box on the page), and
//! the documents would then print a gap where the conference's name, the signer or the place
//! of the date line belongs; nothing else would say so. Each empty one is an error at its
//! own value, so `check` refuses it and the page shows it under the box being cleared.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{Data, DataSource, YamlDoc};
use crate::model::{Block, Signature};
use crate::msg;

/// Empty, or `~`: a text the loader reads from `name: ~` is the two-byte "~" itself (serde
/// takes a null for a text only where the field may be absent), which would print as it is.
fn empty(s: &str) -> bool {
    matches!(s.trim(), "" | "~")
}

/// What a required value is called in its message (made only when the value is empty).
type What = fn() -> String;

/// Pushes the error for `path` of `src` when `value` is empty.
fn need(out: &mut Diagnostics, src: &YamlDoc, path: &str, value: &str, what: What) {
    if empty(value) {
        out.push(at(src, path, msg::required_empty(&what())).hint(msg::required_empty_hint(path)));
    }
}

/// An error at the value of `path`; a key with nothing after it (`name:`) has no value to
/// point at (the index would point at the next line's key), so its key is pointed at.
fn at(src: &YamlDoc, path: &str, message: String) -> Diagnostic {
    let blank = src.index().value(path).is_none_or(|s| s.start == s.end);
    match src.locate_key(path).filter(|_| blank) {
        Some(loc) => Diagnostic::error(message).at(loc).field(path.to_string()),
        None => src.error(path, message),
    }
}

fn signer(out: &mut Diagnostics, src: &YamlDoc, at: &str, s: &Signature) {
    let path = |k: &str| {
        if at.is_empty() {
            k.to_string()
        } else {
            format!("{at}.{k}")
        }
    };
    need(out, src, &path("head"), &s.head, msg::req_signer_head);
    need(out, src, &path("name"), &s.name, msg::req_signer_name);
}

/// A section's or heading's title prints after its number: empty, the plan prints "V." alone.
fn blocks(out: &mut Diagnostics, src: &YamlDoc, at: &str, body: &[Block]) {
    for (i, b) in body.iter().enumerate() {
        let here = format!("{at}[{i}]");
        if let Some(t) = &b.section {
            need(out, src, &format!("{here}.section"), t, msg::req_section);
        }
        if let Some(t) = &b.heading {
            need(out, src, &format!("{here}.heading"), t, msg::req_heading);
        }
        if let Some(t) = &b.subheading {
            need(
                out,
                src,
                &format!("{here}.subheading"),
                t,
                msg::req_subheading,
            );
        }
        blocks(out, src, &format!("{here}.body"), &b.body);
    }
}

pub fn run(data: &Data, out: &mut Diagnostics) {
    let p = &data.plan;
    let src = &data.plan_src;
    let a = &p.authority;
    if a.lines.iter().all(|l| empty(l)) {
        need(out, src, "authority.lines", "", msg::req_authority_lines);
    }
    let c = &p.conference;
    // In the order of the file, as the messages are listed.
    let authority: [(&str, &str, What); 5] = [
        ("authority.name", &a.name, msg::req_authority_name),
        (
            "authority.collective",
            &a.collective,
            msg::req_authority_collective,
        ),
        ("authority.code", &a.code, msg::req_authority_code),
        ("authority.place", &a.place, msg::req_authority_place),
        ("authority.chair", &a.chair, msg::req_authority_chair),
    ];
    for (path, value, what) in authority {
        need(out, src, path, value, what);
    }
    signer(out, src, "signature", &p.signature);
    let conference_and_plan: [(&str, &str, What); 5] = [
        ("conference.name", &c.name, msg::req_conference_name),
        ("conference.venue", &c.venue, msg::req_conference_venue),
        ("plan.type", &p.plan.doc_type, msg::req_doc_type),
        ("plan.code", &p.plan.code, msg::req_doc_code),
        ("plan.summary", &p.plan.summary, msg::req_doc_summary),
    ];
    for (path, value, what) in conference_and_plan {
        need(out, src, path, value, what);
    }
    if let Some(s) = &p.plan.signature {
        signer(out, src, "plan.signature", s);
    }
    blocks(out, src, "plan.body", &p.plan.body);
    if let Some(inv) = &p.invitation {
        need(out, src, "invitation.code", &inv.code, msg::req_doc_code);
        if let Some(s) = &inv.signature {
            signer(out, src, "invitation.signature", s);
        }
    }
    if let Some(d) = &data.decision {
        need(out, &d.src, "code", &d.file.code, msg::req_doc_code);
        need(
            out,
            &d.src,
            "summary",
            &d.file.summary,
            msg::req_doc_summary,
        );
        if let Some(s) = &d.file.signature {
            signer(out, &d.src, "signature", s);
        }
    }
    // A delegate's name may be absent (a unit is invited, or the name comes from the honours
    // list); a `name:` written and left empty is a name cleared by mistake: the invitation
    // would greet "Ông" with no name after it.
    if let Some((f, DataSource::Yaml(src))) = &data.delegates {
        for (i, d) in f.delegates.iter().enumerate() {
            let path = format!("delegates[{i}].name");
            if d.honoree.is_none()
                && d.name.as_deref().is_none_or(empty)
                && src.index().key(&path).is_some()
            {
                out.push(
                    at(src, &path, msg::delegate_name_empty())
                        .record(crate::delegate_label(data, i))
                        .hint(msg::delegate_name_empty_hint()),
                );
            }
        }
    }
}
