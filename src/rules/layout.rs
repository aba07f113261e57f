//! The page settings stay inside the ranges of Nghị định 30/2020, and the plan's body is a
//! well-formed tree of blocks.

use crate::diag::Diagnostics;
use crate::load::{Data, YamlDoc};
use crate::model::{Block, Group, Layout};

pub fn run(data: &Data, out: &mut Diagnostics) {
    layout(&data.plan.layout, &data.plan_src, out);
    blocks(
        &data.plan.plan.body,
        "plan.body",
        &data.plan_src,
        &data.plan.composition,
        out,
    );
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

fn blocks(list: &[Block], path: &str, doc: &YamlDoc, composition: &Group, out: &mut Diagnostics) {
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
        if let Some(id) = &b.composition
            && composition.find(id).is_none()
        {
            out.push(
                doc.error(
                    &format!("{p}.composition"),
                    format!("không có nhóm đại biểu mã “{id}”"),
                )
                .hint("dùng mã (id) của một nhóm trong composition"),
            );
        }
        if !b.body.is_empty() && b.section.is_none() && b.heading.is_none() {
            out.push(doc.error(
                &format!("{p}.body"),
                "chỉ mục (section) và tiểu mục (heading) mới có phần body",
            ));
        }
        blocks(&b.body, &format!("{p}.body"), doc, composition, out);
    }
}
