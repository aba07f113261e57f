//! The page settings stay inside the ranges of Nghị định 30/2020, and the plan's body is a
//! well-formed tree of blocks.

use crate::diag::Diagnostics;
use crate::load::{Data, YamlDoc};
use crate::model::{Block, Group, Layout};
use crate::msg;

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
    let mut range = |path: &str, v: f64, lo: f64, hi: f64, what: String| {
        if !(lo..=hi).contains(&v) {
            out.push(
                doc.error(path, msg::layout_out_of_range(&what, v, lo, hi))
                    .hint(msg::layout_range_hint(lo, hi)),
            );
        }
    };
    range(
        "layout.margin.top",
        l.margin.top,
        20.0,
        25.0,
        msg::layout_margin_top(),
    );
    range(
        "layout.margin.bottom",
        l.margin.bottom,
        20.0,
        25.0,
        msg::layout_margin_bottom(),
    );
    range(
        "layout.margin.left",
        l.margin.left,
        30.0,
        35.0,
        msg::layout_margin_left(),
    );
    range(
        "layout.margin.right",
        l.margin.right,
        15.0,
        20.0,
        msg::layout_margin_right(),
    );
    range(
        "layout.body_size",
        l.body_size,
        13.0,
        14.0,
        msg::layout_body_size(),
    );
    range(
        "layout.national_size",
        l.national_size,
        12.0,
        13.0,
        msg::layout_national_size(),
    );
    range(
        "layout.motto_size",
        l.motto_size,
        13.0,
        14.0,
        msg::layout_motto_size(),
    );
    range(
        "layout.authority_size",
        l.authority_size,
        12.0,
        13.0,
        msg::layout_authority_size(),
    );
    range(
        "layout.date_size",
        l.date_size,
        13.0,
        14.0,
        msg::layout_date_size(),
    );
    range("layout.indent", l.indent, 10.0, 12.7, msg::layout_indent());
    range(
        "layout.line_spacing",
        l.line_spacing,
        1.0,
        1.5,
        msg::layout_line_spacing(),
    );
    if l.paragraph_spacing < 6.0 {
        out.push(doc.error("layout.paragraph_spacing", msg::layout_paragraph_spacing()));
    }
}

fn blocks(list: &[Block], path: &str, doc: &YamlDoc, composition: &Group, out: &mut Diagnostics) {
    for (i, b) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let kinds = b.kinds();
        match kinds.len() {
            1 => {}
            0 => out.push(
                doc.error(&p, msg::block_no_kind())
                    .hint(msg::block_no_kind_hint(&Block::KINDS.join(", "))),
            ),
            _ => out.push(
                doc.error(&p, msg::block_many_kinds(&kinds.join(", ")))
                    .hint(msg::block_many_kinds_hint()),
            ),
        }
        if let Some(id) = &b.composition
            && composition.find(id).is_none()
        {
            out.push(
                doc.error(&format!("{p}.composition"), msg::block_unknown_group(id))
                    .hint(msg::block_unknown_group_hint()),
            );
        }
        if !b.body.is_empty() && b.section.is_none() && b.heading.is_none() {
            out.push(doc.error(&format!("{p}.body"), msg::block_body_misplaced()));
        }
        blocks(&b.body, &format!("{p}.body"), doc, composition, out);
    }
}
