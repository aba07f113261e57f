//! The agenda: items in time order after the conference's start, speakers who exist.

use crate::diag::Diagnostics;
use crate::load::Data;
use crate::text::ClockTime;

/// The programme booklet prints the agenda in time order under the conference's start time,
/// and speakers' names from the honours list: a slip in either would print a wrong programme.
pub fn run(data: &Data, out: &mut Diagnostics) {
    let Some((agenda, adoc)) = &data.agenda else {
        return;
    };
    if agenda.sample {
        out.push(
            adoc.warning("sample", "giờ, người phụ trách và người tham luận trong chương trình là dữ liệu mẫu")
                .hint("sửa data/agenda.yaml theo chương trình đã duyệt rồi đổi “sample: true” thành “sample: false”"),
        );
    }
    let start = data.plan.conference.start;
    let mut previous: Option<(ClockTime, usize)> = None;
    for (i, item) in agenda.items.iter().enumerate() {
        if let Some(t) = item.time {
            if t < start {
                out.push(
                    adoc.warning(
                        &format!("items[{i}].time"),
                        format!(
                            "giờ {} sớm hơn giờ bắt đầu hội nghị ({})",
                            t.short(),
                            start.short()
                        ),
                    )
                    .hint("giờ bắt đầu ghi ở data/plan.yaml, mục conference.start"),
                );
            }
            if let Some((p, j)) = previous
                && t <= p
            {
                out.push(
                    adoc.warning(
                        &format!("items[{i}].time"),
                        format!(
                            "giờ {} không muộn hơn giờ của mục trước (mục {}: {})",
                            t.short(),
                            j + 1,
                            p.short()
                        ),
                    )
                    .hint("các mục của chương trình phải theo thứ tự thời gian"),
                );
            }
            previous = Some((t, i));
        }
        for (k, sp) in item.speakers.iter().enumerate() {
            let path = format!("items[{i}].speakers[{k}]");
            match &sp.honoree {
                Some(id) => {
                    let known = data
                        .honorees
                        .as_ref()
                        .is_some_and(|(h, _)| h.honorees.iter().any(|x| &x.id == id));
                    if !known {
                        out.push(
                            adoc.error(
                                &format!("{path}.honoree"),
                                format!("không có tập thể, cá nhân nào tên hoặc mã “{id}” trong danh sách khen thưởng"),
                            )
                            .hint(match data.honorees.as_ref().and_then(|(h, _)| {
                                crate::text::nearest(id, h.honorees.iter().map(|x| x.name.as_str()))
                            }) {
                                Some(best) => format!("có phải “{best}”? Ghi tên (hoặc mã) đúng như trong danh sách khen thưởng"),
                                None => "ghi tên (hoặc mã) đúng như trong danh sách khen thưởng".to_string(),
                            }),
                        );
                    }
                }
                None if sp.name.as_deref().is_none_or(|n| n.trim().is_empty()) => out.push(
                    adoc.error(&path, "người tham luận chưa có tên")
                        .hint("ghi `honoree: cn-01` (lấy tên từ danh sách khen thưởng) hoặc `name: Họ và tên`"),
                ),
                None => {}
            }
        }
    }
}
