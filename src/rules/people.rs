//! People: the same person twice, ids used twice, links between the delegate and honoree
//! lists that lead nowhere, records that would print without a name or an achievement.

use std::collections::HashMap;

use super::{delegate_label, honoree_label};
use crate::diag::Diagnostics;
use crate::load::Data;
use crate::model::HonoreeKind;
use crate::text;

pub fn run(data: &Data, out: &mut Diagnostics) {
    samples(data, out);
    let key = |name: &str, unit: Option<&str>| {
        let n = text::nfc(name).to_lowercase();
        let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
        let u = text::nfc(unit.unwrap_or("")).to_lowercase();
        let u = u.split_whitespace().collect::<Vec<_>>().join(" ");
        format!("{n}\u{1}{u}")
    };
    let honoree_ids: HashMap<&str, usize> = data
        .honorees
        .as_ref()
        .map(|(f, _)| {
            f.honorees
                .iter()
                .enumerate()
                .map(|(i, h)| (h.id.as_str(), i))
                .collect()
        })
        .unwrap_or_default();

    if let Some((file, src)) = &data.delegates {
        let mut seen_key: HashMap<String, usize> = HashMap::new();
        let mut seen_id: HashMap<&str, usize> = HashMap::new();
        let mut seen_link: HashMap<&str, usize> = HashMap::new();
        // Where honoree-linked delegates are invited: one group normally ("exemplary").
        let mut link_groups: HashMap<&str, usize> = HashMap::new();
        for d in &file.delegates {
            if d.honoree.is_some() {
                *link_groups.entry(d.group.as_str()).or_default() += 1;
            }
        }
        let usual_link_group = link_groups
            .iter()
            .max_by_key(|(g, n)| (**n, std::cmp::Reverse(**g)))
            .filter(|(_, n)| **n >= 3)
            .map(|(g, _)| *g);
        for (i, d) in file.delegates.iter().enumerate() {
            let rec = delegate_label(data, i);
            if let Some(id) = d.id.as_deref()
                && let Some(first) = seen_id.insert(id, i)
            {
                out.push(
                    src.error(
                        &format!("delegates[{i}].id"),
                        format!(
                            "mã “{id}” bị trùng (đã dùng cho {})",
                            delegate_label(data, first)
                        ),
                    )
                    .record(rec.clone())
                    .hint("mỗi đại biểu một mã riêng: tên tệp Giấy mời lấy theo mã này"),
                );
            }
            let has_name = d.name.as_deref().is_some_and(|s| !s.trim().is_empty());
            let has_unit = d.unit.as_deref().is_some_and(|s| !s.trim().is_empty());
            let has_title = d.title.as_deref().is_some_and(|s| !s.trim().is_empty());
            if !has_name && !has_unit && d.honoree.is_none() {
                out.push(
                    src.error(&format!("delegates[{i}]"), "đại biểu không có họ tên, đơn vị, cũng không có mã khen thưởng: không biết mời ai")
                        .record(rec.clone())
                        .hint("ghi `name:` (họ và tên) hoặc `unit:` (cơ quan, đơn vị được mời), hoặc `honoree:` (mã tập thể, cá nhân được khen)"),
                );
            } else if !has_name
                && has_unit
                && !has_title
                && d.honoree.is_none()
                // Position and unit in one column: "Đại diện lãnh đạo Sở Nội vụ".
                && !d.unit.as_deref().is_some_and(|u| text::fold(u).starts_with("dai dien"))
            {
                out.push(
                    src.warning(
                        &format!("delegates[{i}]"),
                        "mời một đơn vị mà không ghi chức danh người dự",
                    )
                    .record(rec.clone())
                    .hint("ghi `title: Đại diện lãnh đạo` (hoặc chức danh phù hợp)"),
                );
            }
            if has_name {
                // Without a unit, the title holds it ("Chức vụ, đơn vị" in one column).
                let k = key(
                    d.name.as_deref().unwrap(),
                    d.unit.as_deref().or(d.title.as_deref()),
                );
                if let Some(first) = seen_key.insert(k, i) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].name"),
                            format!(
                                "đại biểu trùng: cùng họ tên và đơn vị với {}",
                                delegate_label(data, first)
                            ),
                        )
                        .record(rec.clone())
                        .hint("xóa một trong hai mục (một người chỉ nhận một Giấy mời)"),
                    );
                }
            }
            if let Some(h) = d.honoree.as_deref() {
                if data.honorees.is_some() && !honoree_ids.contains_key(h) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].honoree"),
                            format!("mã khen thưởng “{h}” không có trong danh sách khen thưởng"),
                        )
                        .record(rec.clone())
                        .hint("ghi mã hoặc tên đúng như trong danh sách khen thưởng (data/honorees.yaml, .xlsx hoặc .csv)"),
                    );
                }
                if let Some(first) = seen_link.insert(h, i) {
                    out.push(
                        src.error(
                            &format!("delegates[{i}].honoree"),
                            format!(
                                "“{h}” được mời hai lần (cùng mã với {})",
                                delegate_label(data, first)
                            ),
                        )
                        .record(rec.clone())
                        .hint("mỗi tập thể, cá nhân được khen chỉ nhận một Giấy mời"),
                    );
                }
                if let Some(g) = usual_link_group
                    && d.group != g
                {
                    out.push(
                        src.warning(&format!("delegates[{i}].group"), format!("đại biểu được khen thưởng ({h}) lại mời theo nhóm “{}”, trong khi các đại biểu được khen khác thuộc nhóm “{g}”", d.group))
                            .record(rec.clone())
                            .hint(format!("có phải nhóm đúng là “{g}”?")),
                    );
                }
            }
        }
    }

    if let Some((file, src)) = &data.honorees {
        let mut seen_key: HashMap<String, usize> = HashMap::new();
        let mut seen_id: HashMap<&str, usize> = HashMap::new();
        for (i, h) in file.honorees.iter().enumerate() {
            let rec = honoree_label(data, i);
            if let Some(first) = seen_id.insert(h.id.as_str(), i) {
                out.push(
                    src.error(
                        &format!("honorees[{i}].id"),
                        format!(
                            "mã “{}” bị trùng (đã dùng cho {})",
                            h.id,
                            honoree_label(data, first)
                        ),
                    )
                    .record(rec.clone())
                    .hint("mỗi tập thể, cá nhân một mã riêng: tên tệp Giấy khen lấy theo mã này"),
                );
            }
            if h.name.trim().is_empty() {
                out.push(
                    src.error(&format!("honorees[{i}].name"), "thiếu tên")
                        .record(rec.clone())
                        .hint("ghi tên tập thể hoặc họ và tên cá nhân"),
                );
            } else if let Some(first) = seen_key.insert(key(&h.name, h.unit.as_deref()), i) {
                out.push(
                    src.error(
                        &format!("honorees[{i}].name"),
                        format!(
                            "khen thưởng trùng: cùng tên và đơn vị với {}",
                            honoree_label(data, first)
                        ),
                    )
                    .record(rec.clone())
                    .hint("xóa một trong hai mục (mỗi tập thể, cá nhân chỉ nhận một Giấy khen)"),
                );
            }
            if h.achievement.trim().is_empty() {
                out.push(
                    src.error(
                        &format!("honorees[{i}].achievement"),
                        "thiếu thành tích (in trên Giấy khen)",
                    )
                    .record(rec.clone())
                    .hint("ghi một câu thành tích, kết thúc bằng dấu chấm"),
                );
            }
            if h.kind == HonoreeKind::Individual && h.gender.is_none() {
                out.push(
                    src.warning(
                        &format!("honorees[{i}]"),
                        "cá nhân chưa ghi giới tính (cần để xưng Ông/Bà và cân đối giới tính)",
                    )
                    .record(rec.clone())
                    .hint("thêm `gender: nam` hoặc `gender: nữ`"),
                );
            }
            if h.kind == HonoreeKind::Collective && (h.gender.is_some() || h.birth_year.is_some()) {
                out.push(
                    src.warning(
                        &format!("honorees[{i}].kind"),
                        "tập thể mà có giới tính hoặc năm sinh: có phải đây là cá nhân?",
                    )
                    .record(rec.clone())
                    .hint("đổi `kind: individual`, hoặc bỏ gender/birth_year"),
                );
            }
        }
    }
}

/// Sample data that would print as if it were real.
fn samples(data: &Data, out: &mut Diagnostics) {
    let Some((list, src)) = &data.delegates else {
        return;
    };
    if list.sample {
        out.push(
            src.warning(
                "sample",
                "danh sách đại biểu là dữ liệu mẫu: Giấy mời chưa dùng được",
            )
            .hint("thay bằng danh sách đã duyệt rồi đổi “sample: true” thành “sample: false”"),
        );
    }
    if data.plan.conference.start_is_sample {
        out.push(
            data.plan_src
                .warning(
                    "conference.start",
                    "giờ bắt đầu hội nghị là giờ mẫu, in trên mọi Giấy mời",
                )
                .hint("ghi giờ đã chốt vào conference.start và đổi start_is_sample thành false"),
        );
    }
}
