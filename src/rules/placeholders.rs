//! `{placeholders}` in free text name a fact that exists: a misspelt one is an error here,
//! once, and the documents fill what is there without failing.

use crate::diag::Diagnostics;
use crate::load::{Data, YamlDoc, walk_strings};
use crate::text;

pub fn run(data: &Data, out: &mut Diagnostics) {
    let facts = data.facts();
    let mut check = |doc: &YamlDoc, path: &str, s: &str| {
        if let Err(key) = text::expand(s, &facts) {
            let hint = if key.starts_with("award.") {
                "ghi số tiền trong decision.yaml (award: {collective: 1404000, individual: 702000}), hoặc bỏ câu về tiền thưởng"
            } else {
                "dùng {conference.date}, {conference.venue}, {conference.start}, {count:<mã nhóm>}, {honorees.total}, {award.total}…; xem README, mục Chỗ điền"
            };
            out.push(
                doc.error(path, format!("chỗ điền “{{{key}}}” không có trong dữ liệu"))
                    .hint(hint),
            );
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
