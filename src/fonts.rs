//! The fonts of a project, parsed once per command: the rules ask which characters they cover,
//! the engine lays text out with them.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::project::Project;

/// Fonts of a project: the embedded families (Tinos, Playfair Display, Great Vibes) and any
/// `.ttf`/`.otf`/`.ttc` in the project's `fonts/`. Built once per build and shared.
pub struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

impl Fonts {
    pub fn load(project: &Project) -> Self {
        let mut fonts = Vec::new();
        for rel in project.list("fonts") {
            let lower = rel.to_lowercase();
            if !(lower.ends_with(".ttf") || lower.ends_with(".otf") || lower.ends_with(".ttc")) {
                continue;
            }
            if let Ok(Some(bytes)) = project.read(&rel) {
                fonts.extend(Font::iter(Bytes::new(bytes.into_owned())));
            }
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Self { book, fonts }
    }

    /// Whether some font of the project has a glyph for `c`. Typst silently draws a blank box
    /// for a character no font covers, so data is checked against this before compiling.
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace()
            || c.is_control()
            || self
                .fonts
                .iter()
                .any(|f| f.info().coverage.contains(c as u32))
    }

    /// Whether the font family `family` covers `c`.
    pub fn family_covers(&self, family: &str, c: char) -> bool {
        c.is_whitespace()
            || self
                .fonts
                .iter()
                .filter(|f| f.info().family.eq_ignore_ascii_case(family))
                .any(|f| f.info().coverage.contains(c as u32))
    }
}
