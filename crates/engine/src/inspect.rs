//! What is on the laid-out pages, for tests and checks: every run of text with its font, size,
//! colour and position in millimetres from the page's top-left corner, and every line drawn.
//! Measuring the layout Typst produced is exact, where parsing the PDF back would be lossy.

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::visualize::{Geometry, Paint};
use typst_layout::PagedDocument;

#[derive(Debug, Clone)]
pub struct TextRun {
    pub page: usize,
    pub text: String,
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    pub size_pt: f64,
    /// Left edge and baseline, mm from the page's top-left corner.
    pub x_mm: f64,
    pub y_mm: f64,
    pub width_mm: f64,
    /// "#rrggbb".
    pub color: String,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub page: usize,
    pub x_mm: f64,
    pub y_mm: f64,
    pub length_mm: f64,
}

#[derive(Debug, Default)]
pub struct PageContent {
    pub width_mm: f64,
    pub height_mm: f64,
    pub runs: Vec<TextRun>,
    pub rules: Vec<Rule>,
    pub images: usize,
}

pub fn pages(doc: &PagedDocument) -> Vec<PageContent> {
    doc.pages()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut c = PageContent {
                width_mm: p.frame.width().to_mm(),
                height_mm: p.frame.height().to_mm(),
                ..Default::default()
            };
            walk(&p.frame, Transform::identity(), i + 1, &mut c);
            c
        })
        .collect()
}

fn walk(frame: &Frame, ts: Transform, page: usize, out: &mut PageContent) {
    for (pos, item) in frame.items() {
        let at = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(g) => walk(&g.frame, at.pre_concat(g.transform), page, out),
            FrameItem::Text(t) => {
                let p = Point::zero().transform(at);
                let info = t.font.info();
                out.runs.push(TextRun {
                    page,
                    text: t.text.to_string(),
                    family: info.family.clone(),
                    bold: info.variant.weight.to_number() >= 600,
                    italic: info.variant.style != typst::text::FontStyle::Normal,
                    size_pt: t.size.to_pt(),
                    x_mm: p.x.to_mm(),
                    y_mm: p.y.to_mm(),
                    width_mm: t.width().to_mm(),
                    color: match &t.fill {
                        Paint::Solid(c) => c.to_hex().to_string(),
                        _ => "?".into(),
                    },
                });
            }
            FrameItem::Shape(shape, _) => {
                if let Geometry::Line(to) = &shape.geometry {
                    let a = Point::zero().transform(at);
                    let b = to.transform(at);
                    out.rules.push(Rule {
                        page,
                        x_mm: a.x.to_mm().min(b.x.to_mm()),
                        y_mm: a.y.to_mm(),
                        length_mm: (b.x - a.x).to_mm().abs(),
                    });
                }
            }
            FrameItem::Image(..) => out.images += 1,
            _ => {}
        }
    }
}

impl PageContent {
    /// All text of the page, runs joined by spaces where they sit on different baselines.
    pub fn text(&self) -> String {
        let mut s = String::new();
        let mut last_y = f64::NAN;
        for r in &self.runs {
            if !s.is_empty() && (r.y_mm - last_y).abs() > 0.5 {
                s.push('\n');
            }
            s.push_str(&r.text);
            last_y = r.y_mm;
        }
        s
    }

    /// The first run whose text contains `needle`.
    pub fn find(&self, needle: &str) -> Option<&TextRun> {
        self.runs.iter().find(|r| r.text.contains(needle))
    }
}
