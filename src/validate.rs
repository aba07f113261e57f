//! Stage 2: problems in the data that would print a wrong or non-conforming document, found
//! all at once and located, before anything is compiled.

use std::collections::HashSet;

use serde::Serialize;

use crate::compile::Fonts;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{Data, DataSource, YamlDoc};
use crate::model::{Block, Layout};
use crate::text::{ClockTime, PartialDate};

pub fn validate(data: &Data, fonts: &Fonts) -> Diagnostics {
    let mut out = Diagnostics::default();
    let doc = &data.plan_src;
    let plan = &data.plan;
    layout(&plan.layout, doc, &mut out);
    match PartialDate::parse(&plan.conference.date) {
        Ok(d) if d.full().is_some() => {}
        Ok(_) => out.push(doc.error(
            "conference.date",
            "ngày hội nghị phải đủ ngày, tháng, năm (ví dụ 2025-08-22)",
        )),
        Err(e) => out.push(doc.error("conference.date", e)),
    }
    if let Err(e) = ClockTime::parse(&plan.conference.start) {
        out.push(doc.error("conference.start", e));
    }
    agenda(data, &mut out);
    blocks(&plan.plan.body, "plan.body", doc, &mut out);
    composition(data, &mut out);
    crate::documents::invitation::validate(data, &mut out);
    crate::documents::decision::validate_honorees(data, &mut out);
    coverage(&data.plan, doc, fonts, &mut out);
    if let Some((a, d)) = &data.agenda {
        coverage(a, d, fonts, &mut out);
    }
    if let Some((r, d)) = &data.responsibilities {
        coverage(r, d, fonts, &mut out);
    }
    if let Some((v, src)) = &data.delegates {
        coverage(v, src, fonts, &mut out);
    }
    if let Some((v, src)) = &data.honorees {
        coverage(v, src, fonts, &mut out);
    }
    out
}

fn layout(l: &Layout, doc: &YamlDoc, out: &mut Diagnostics) {
    let mut range = |path: &str, v: f64, lo: f64, hi: f64, what: &str| {
        if !(lo..=hi).contains(&v) {
            out.push(
                doc.error(
                    path,
                    format!("{what} {v} nằm ngoài khoảng Nghị định 30/2020 cho phép ({lo}–{hi})"),
                )
                .hint(format!("chọn một giá trị từ {lo} đến {hi}")),
            );
        }
    };
    range(
        "layout.margin.top",
        l.margin.top,
        20.0,
        25.0,
        "lề trên (mm)",
    );
    range(
        "layout.margin.bottom",
        l.margin.bottom,
        20.0,
        25.0,
        "lề dưới (mm)",
    );
    range(
        "layout.margin.left",
        l.margin.left,
        30.0,
        35.0,
        "lề trái (mm)",
    );
    range(
        "layout.margin.right",
        l.margin.right,
        15.0,
        20.0,
        "lề phải (mm)",
    );
    range(
        "layout.body_size",
        l.body_size,
        13.0,
        14.0,
        "cỡ chữ nội dung",
    );
    range(
        "layout.national_size",
        l.national_size,
        12.0,
        13.0,
        "cỡ chữ Quốc hiệu",
    );
    range(
        "layout.motto_size",
        l.motto_size,
        13.0,
        14.0,
        "cỡ chữ Tiêu ngữ",
    );
    range(
        "layout.authority_size",
        l.authority_size,
        12.0,
        13.0,
        "cỡ chữ tên cơ quan",
    );
    range(
        "layout.date_size",
        l.date_size,
        13.0,
        14.0,
        "cỡ chữ dòng địa danh, ngày tháng",
    );
    range("layout.indent", l.indent, 10.0, 12.7, "thụt đầu dòng (mm)");
    range(
        "layout.line_spacing",
        l.line_spacing,
        1.0,
        1.5,
        "khoảng cách dòng",
    );
    if l.paragraph_spacing < 6.0 {
        out.push(doc.error(
            "layout.paragraph_spacing",
            "khoảng cách đoạn phải từ 6 pt trở lên",
        ));
    }
}

fn blocks(list: &[Block], path: &str, doc: &YamlDoc, out: &mut Diagnostics) {
    for (i, b) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let kinds = b.kinds();
        match kinds.len() {
            1 => {}
            0 => out.push(doc.error(&p, "khối nội dung không có loại").hint(format!(
                "mỗi khối cần đúng một khóa: {}",
                Block::KINDS.join(", ")
            ))),
            _ => out.push(
                doc.error(
                    &p,
                    format!("khối nội dung có nhiều loại cùng lúc: {}", kinds.join(", ")),
                )
                .hint("tách thành nhiều khối, mỗi khối một dòng “- …”"),
            ),
        }
        if !b.body.is_empty() && b.section.is_none() && b.heading.is_none() {
            out.push(doc.error(
                &format!("{p}.body"),
                "chỉ mục (section) và tiểu mục (heading) mới có phần body",
            ));
        }
        blocks(&b.body, &format!("{p}.body"), doc, out);
    }
}

fn composition(data: &Data, out: &mut Diagnostics) {
    let doc = &data.plan_src;
    let mut ids = HashSet::new();
    data.plan
        .composition
        .walk("composition", &mut |g, path, _| {
            if !ids.insert(g.id.clone()) {
                out.push(doc.error(
                    &format!("{path}.id"),
                    format!("mã nhóm “{}” bị trùng", g.id),
                ));
            }
            match (g.count, g.min, g.max) {
                (Some(_), None, None) => {}
                (None, Some(a), Some(b)) if a <= b => {}
                (None, Some(a), Some(b)) => out.push(doc.error(
                    &format!("{path}.min"),
                    format!("min ({a}) lớn hơn max ({b})"),
                )),
                (Some(_), _, _) => out.push(doc.error(
                    path,
                    "nhóm chỉ ghi `count` hoặc cặp `min`/`max`, không ghi cả hai",
                )),
                _ => out.push(doc.error(
                    path,
                    "nhóm cần số lượng: `count: 5` hoặc `min: 70` và `max: 80`",
                )),
            }
        });
    for (i, q) in data.plan.honours.iter().enumerate() {
        if !ids.insert(q.id.clone()) {
            out.push(doc.error(
                &format!("honours[{i}].id"),
                format!("mã “{}” trùng với một nhóm khác", q.id),
            ));
        }
        if q.range().is_none() {
            out.push(doc.error(&format!("honours[{i}]"), "cần `count` hoặc `min`/`max`"));
        }
    }
}

/// Something that can point at a field path of a data file.
pub trait Locate {
    fn error_at(&self, path: &str, message: String) -> Diagnostic;
}

impl Locate for YamlDoc {
    fn error_at(&self, path: &str, message: String) -> Diagnostic {
        self.error(path, message)
    }
}

impl Locate for DataSource {
    fn error_at(&self, path: &str, message: String) -> Diagnostic {
        self.error(path, message)
    }
}

/// Characters no embedded or project font has a glyph for: Typst would silently print a blank
/// box, so each is reported with its field.
fn coverage<T: Serialize>(value: &T, src: &dyn Locate, fonts: &Fonts, out: &mut Diagnostics) {
    let Ok(v) = serde_yaml::to_value(value) else {
        return;
    };
    walk_strings(&v, "", &mut |path, s| {
        // Text typed with an old 8-bit keyboard layout (TCVN3/.VnTime, VNI) and pasted as if it
        // were Unicode prints as garbage ("Hµ Néi"); the spreadsheet import refuses it too.
        if let Some((enc, fixed)) = crate::import::legacy::detect(s) {
            out.push(
                src.error_at(path, format!("“{s}” có vẻ được gõ bằng bảng mã {} (không phải Unicode): sẽ in sai chữ", enc.name()))
                    .hint(format!("nội dung đúng có lẽ là “{fixed}”; chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, Ctrl+Shift+F6) hoặc gõ lại")),
            );
        }
        if let Some(c) = s.chars().find(|&c| !fonts.covers(c)) {
            out.push(
                src.error_at(path, format!("ký tự “{c}” (U+{:04X}) không có trong phông chữ nào: sẽ in ra ô trống", c as u32))
                    .hint("gõ lại ký tự đó bằng bộ gõ tiếng Việt (Unicode dựng sẵn), hoặc thêm phông chữ có ký tự này vào thư mục fonts/ của dự án"),
            );
        }
    });
}

/// Calls `f(path, text)` for every string in a YAML value tree, with serde field names.
pub fn walk_strings(v: &serde_yaml::Value, path: &str, f: &mut dyn FnMut(&str, &str)) {
    match v {
        serde_yaml::Value::String(s) => f(path, s),
        serde_yaml::Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_strings(item, &format!("{path}[{i}]"), f);
            }
        }
        serde_yaml::Value::Mapping(m) => {
            for (k, item) in m {
                let key = k.as_str().unwrap_or("?");
                let p = if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                };
                // `type` is renamed in the model; serialisation uses the YAML key already.
                walk_strings(item, &p, f);
            }
        }
        serde_yaml::Value::Tagged(t) => walk_strings(&t.value, path, f),
        _ => {}
    }
}

/// The programme booklet prints the agenda in time order under the conference's start time,
/// and speakers' names from the honours list: a slip in either would print a wrong programme.
fn agenda(data: &Data, out: &mut Diagnostics) {
    let Some((agenda, adoc)) = &data.agenda else {
        return;
    };
    if agenda.sample {
        out.push(
            adoc.warning("sample", "giờ, người phụ trách và người tham luận trong chương trình là dữ liệu mẫu")
                .hint("sửa data/agenda.yaml theo chương trình đã duyệt rồi đổi “sample: true” thành “sample: false”"),
        );
    }
    let start = ClockTime::parse(&data.plan.conference.start).ok();
    let mut previous: Option<(ClockTime, usize)> = None;
    for (i, item) in agenda.items.iter().enumerate() {
        if let Some(t) = &item.time {
            match ClockTime::parse(t) {
                Err(e) => out.push(adoc.error(&format!("items[{i}].time"), e)),
                Ok(t) => {
                    if let Some(s) = start
                        && t < s
                    {
                        out.push(
                            adoc.warning(
                                &format!("items[{i}].time"),
                                format!(
                                    "giờ {} sớm hơn giờ bắt đầu hội nghị ({})",
                                    t.short(),
                                    s.short()
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
            }
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
                                format!("không có tập thể, cá nhân nào mã “{id}” trong danh sách khen thưởng"),
                            )
                            .hint("dùng đúng mã ở cột “Mã” (id) của data/honorees.yaml, ví dụ cn-01, tt-02"),
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
