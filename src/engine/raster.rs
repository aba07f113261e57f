//! Pages as images (typst-render): previews for a person's eyes, never for print.

use typst::utils::Scalar;

/// The page drawn at `ppi` pixels per inch, as PNG bytes.
pub fn page_png(page: &typst_layout::Page, ppi: f32) -> Vec<u8> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: Scalar::new(f64::from(ppi) / 72.0),
        render_bleed: false,
    };
    typst_render::render(page, &options)
        .encode_png()
        .expect("a rendered page encodes as PNG")
}
