//! Page images for screens (`serve`, `preview`): typst-render, then PNG.

use std::hash::{Hash, Hasher};

use typst::layout::{Frame, FrameItem};
use typst::model::Destination;
use typst::utils::Scalar;
use typst_layout::Page;

/// The page as a PNG at `ppi` pixels per inch (96 is a screen's "100 %"). White background, as
/// paper; an image too large to encode gives an empty vector rather than a panic.
pub fn page_png(page: &Page, ppi: f32) -> Vec<u8> {
    typst_render::render(page, &options(ppi))
        .encode_png()
        .unwrap_or_default()
}

/// [`page_png`] for a live page (`serve`): the png crate's fast compression. Balanced
/// compression took twice as long as drawing a certificate (60–90 ms against 30–50 on the
/// 2-core machine), and an image sent over the loopback gains nothing from a smaller file.
pub fn screen_png(page: &Page, ppi: f32) -> Vec<u8> {
    let pixmap = typst_render::render(page, &options(ppi));
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
