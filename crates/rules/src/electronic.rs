//! Documents a data file marks for electronic issuance (`electronic: true`): nothing of the
//! paper original left in them (a pasted signature image, a number or date the office's system
//! assigns when signing, which on paper fills the "Kèm theo" line), the sizes of the clear areas
//! sensible, and the values the metadata file records within the lengths of Phụ lục VI.

use crate::diag::Diagnostics;
use crate::load::Data;
use crate::model::{Signature, metadata_length};
use crate::msg;

pub fn run(data: &Data, out: &mut Diagnostics) {
    let p = &data.plan;
    let src = &data.plan_src;
    let inv = p.invitation.as_ref();
    let decision = data.decision.as_ref().filter(|l| l.file.electronic);
    let any = p.plan.electronic || inv.is_some_and(|i| i.electronic) || decision.is_some();
    let e = &p.electronic;
    for (k, v) in [
        ("signature_width", e.signature_width),
        ("signature_height", e.signature_height),
        ("seal", e.seal),
    ] {
        if !(10.0..=80.0).contains(&v) {
            out.push(src.error(&format!("electronic.{k}"), msg::esign_size(v)));
        }
    }
    if !any {
        return;
    }
    let long =
        |out: &mut Diagnostics, doc: &crate::load::YamlDoc, path: &str, field: &str, v: &str| {
            let max = metadata_length(field);
            let n = v.chars().count();
            if n > max {
                out.push(doc.error(path, msg::metadata_too_long(field, n, max)));
            }
        };
    long(out, src, "authority.name", "OrganName", &p.authority.name);
    if let Some(id) = &e.organ_id {
        long(out, src, "electronic.organ_id", "OrganId", id);
    }
    // The signer of each electronic document: its own, else the plan's.
    let signer = |out: &mut Diagnostics, path: &str, s: &Signature| {
        long(out, src, &format!("{path}.name"), "FullName", &s.name);
        let position = s.position.as_deref().unwrap_or(&s.head);
        long(out, src, &format!("{path}.position"), "Position", position);
        if s.image.as_ref().is_some_and(|i| !i.trim().is_empty()) {
            out.push(
                src.warning(&format!("{path}.image"), msg::esign_image())
                    .hint(msg::esign_image_hint()),
            );
        }
    };
    let paper_only =
        |out: &mut Diagnostics, doc: &crate::load::YamlDoc, path: &str, given: bool| {
            if given {
                out.push(
                    doc.warning(path, msg::esign_number_date())
                        .hint(msg::esign_number_date_hint()),
                );
            }
        };
    let recipients =
        |out: &mut Diagnostics, doc: &crate::load::YamlDoc, path: &str, r: &[String]| {
            for (i, r) in r.iter().enumerate() {
                long(out, doc, &format!("{path}[{i}]"), "OrganName", r);
            }
        };
    if p.plan.electronic {
        long(out, src, "plan.summary", "Subject", &p.plan.summary);
        long(out, src, "plan.type", "TypeName", &p.plan.doc_type);
        paper_only(out, src, "plan.number", p.plan.number.is_some());
        recipients(out, src, "plan.recipients", &p.plan.recipients);
        match &p.plan.signature {
            Some(s) => signer(out, "plan.signature", s),
            None => signer(out, "signature", &p.signature),
        }
    }
    if let Some(i) = inv.filter(|i| i.electronic) {
        paper_only(out, src, "invitation.number", i.number.is_some());
        recipients(out, src, "invitation.recipients", &i.recipients);
        match &i.signature {
            Some(s) => signer(out, "invitation.signature", s),
            None if !p.plan.electronic => signer(out, "signature", &p.signature),
            None => {}
        }
    }
    if let Some(l) = decision {
        let d = &l.file;
        long(out, &l.src, "summary", "Subject", &d.summary);
        // A number or a full date would fill the list's "Kèm theo" line on paper.
        let dated = d.date.as_ref().is_some_and(|x| x.day.is_some());
        paper_only(out, &l.src, "number", d.number.is_some());
        paper_only(out, &l.src, "date", dated);
        recipients(out, &l.src, "recipients", &d.recipients);
        if let Some(s) = &d.signature {
            long(out, &l.src, "signature.name", "FullName", &s.name);
            if s.image.as_ref().is_some_and(|i| !i.trim().is_empty()) {
                out.push(
                    l.src
                        .warning("signature.image", msg::esign_image())
                        .hint(msg::esign_image_hint()),
                );
            }
        } else if !p.plan.electronic {
            signer(out, "signature", &p.signature);
        }
    }
}
