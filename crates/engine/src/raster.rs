//! Page images for screens (`serve`, `preview`): typst-render, then PNG.

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
