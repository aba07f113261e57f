//! Page images for screens (`serve`, `preview`): typst-render, then PNG.

use std::hash::{Hash, Hasher};

use typst::layout::{Frame, FrameItem};
use typst::model::Destination;
use typst::utils::Scalar;
use typst_layout::Page;

/// The page as a PNG at `ppi` pixels per inch (96 is a screen's "100 %"). White background, as
/// paper; an image too large to encode gives an empty vector rather than a panic.
pub fn page_png(page: &Page, ppi: f32, band: Option<&Band>) -> Vec<u8> {
    let mut pixmap = typst_render::render(page, &options(ppi));
    if let Some(band) = band {
        band.draw(&mut pixmap, ppi);
    }
    pixmap.encode_png().unwrap_or_default()
}

/// A band drawn across the top of a page image: "BẢN NHÁP – còn 3 lỗi" on the pages `serve`
/// and `preview --force` lay out from data the rules refuse, so a draft cannot pass for the
/// document (the PDFs `build` writes never carry it). Drawn onto the image, not laid out
/// with the page: the page's look and its hash stay the same, and a change in the count of
/// errors redraws images without laying out any document again.
#[derive(Clone)]
pub struct Band {
    page: Page,
    /// Fraction of the page image's width the band takes.
    width: f32,
}

impl std::fmt::Debug for Band {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Band")
    }
}

impl Band {
    /// The band's own page: its text centred in white on a translucent red strip. `page` is
    /// laid out by the engine ([`crate::Engine::band`]) with the project's fonts.
    pub(crate) fn new(page: Page) -> Self {
        Band { page, width: 0.92 }
    }

    /// Typst source of the band's page (the text as a string literal: nothing in it is markup).
    pub(crate) fn source(text: &str) -> String {
        let literal: String = text
            .chars()
            .flat_map(|c| match c {
                '\\' => vec!['\\', '\\'],
                '"' => vec!['\\', '"'],
                '\n' | '\r' => vec![' '],
                c => vec![c],
            })
            .collect();
        format!(
            "#set page(width: 170mm, height: 13mm, margin: 0pt, fill: none)\n\
             #set text(font: \"Tinos\", size: 17pt, weight: \"bold\", fill: white, lang: \"vi\")\n\
             #rect(width: 100%, height: 100%, radius: 2pt, fill: rgb(190, 20, 20, 215), \
             align(center + horizon, \"{literal}\"))\n"
        )
    }

    fn draw(&self, pixmap: &mut tiny_skia::Pixmap, ppi: f32) {
        let page_w = pixmap.width() as f32;
        let band_pt = self.page.frame.width().to_pt() as f32;
        if band_pt <= 0.0 {
            return;
        }
        // The band at the page's scale, stretched to its share of the page's width.
        let scale = self.width * page_w / (band_pt * ppi / 72.0);
        let strip = typst_render::render(&self.page, &options(ppi * scale));
        let x = ((page_w - strip.width() as f32) / 2.0).round() as i32;
        let y = (pixmap.height() as f32 * 0.03).round() as i32;
        pixmap.draw_pixmap(
            x,
            y,
            strip.as_ref(),
            &tiny_skia::PixmapPaint::default(),
            tiny_skia::Transform::identity(),
            None,
        );
    }
}

/// [`page_png`] for a live page (`serve`): the png crate's fast compression. Balanced
/// compression took twice as long as drawing a certificate (60–90 ms against 30–50 on the
/// 2-core machine), and an image sent over the loopback gains nothing from a smaller file.
pub fn screen_png(page: &Page, ppi: f32, band: Option<&Band>) -> Vec<u8> {
    let mut pixmap = typst_render::render(page, &options(ppi));
    if let Some(band) = band {
        band.draw(&mut pixmap, ppi);
    }
    let (width, height) = (pixmap.width(), pixmap.height());
    // Flattened on white, as paper, without the alpha channel: a quarter fewer bytes to
    // compress and to keep (serve holds many of these).
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| {
            let white = 255 - p[3];
            [p[0] + white, p[1] + white, p[2] + white]
        })
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let written = encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&rgb));
    if written.is_err() {
        return Vec::new();
    }
    out
}

fn options(ppi: f32) -> typst_render::RenderOptions {
    typst_render::RenderOptions {
        pixel_per_pt: Scalar::new(f64::from(ppi) / 72.0),
        render_bleed: false,
    }
}

/// The hash of what a page looks like (see [`Look`]): the same picture, the same hash,
/// wherever and in whatever company it was laid out (`serve` renders each look once).
pub fn look(page: &Page) -> u128 {
    typst::utils::hash128(&Look(page))
}

/// A page's look, for hashing: what typst-render draws, not where it came from. The page's own
/// hash also covers its source spans and introspection tags, which move when a record is laid
/// out in other company (a certificate alone ahead of its batch, then within it, or after an
/// earlier record's text grew by a word), so the same picture would be rendered and fetched
/// again.
struct Look<'a>(&'a Page);

impl Hash for Look<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.0.fill.hash(h);
        self.0.bleed.hash(h);
        frame_look(&self.0.frame, h);
    }
}

fn frame_look<H: Hasher>(frame: &Frame, h: &mut H) {
    frame.size().hash(h);
    for (pos, item) in frame.items() {
        if let FrameItem::Tag(_) = item {
            continue;
        }
        pos.hash(h);
        match item {
            FrameItem::Group(g) => {
                0u8.hash(h);
                g.transform.hash(h);
                g.clip.hash(h);
                frame_look(&g.frame, h);
            }
            FrameItem::Text(t) => {
                1u8.hash(h);
                (&t.font, t.size, &t.fill, &t.stroke, &t.text).hash(h);
                for g in &t.glyphs {
                    (g.id, g.x_advance, g.x_offset, g.y_advance, g.y_offset).hash(h);
                }
            }
            FrameItem::Shape(shape, _) => {
                2u8.hash(h);
                shape.hash(h);
            }
            FrameItem::Image(image, size, _) => {
                3u8.hash(h);
                (image, size).hash(h);
            }
            FrameItem::Link(dest, size) => {
                4u8.hash(h);
                size.hash(h);
                if let Destination::Url(url) = dest {
                    url.hash(h);
                }
            }
            FrameItem::Tag(_) => {}
        }
    }
}
