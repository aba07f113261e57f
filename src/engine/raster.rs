//! Page images for screens (`serve`, `preview`): typst-render, then PNG.

use typst::utils::Scalar;
use typst_layout::Page;

/// The page as a PNG at `ppi` pixels per inch (96 is a screen's "100 %"). White background, as
/// paper; an image too large to encode gives an empty vector rather than a panic.
pub fn page_png(page: &Page, ppi: f32) -> Vec<u8> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: Scalar::new(f64::from(ppi) / 72.0),
        render_bleed: false,
    };
    typst_render::render(page, &options)
        .encode_png()
        .unwrap_or_default()
}
