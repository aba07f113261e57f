//! Characters no font of the project has a glyph for: Typst would silently print a blank box.
//! Every string of every data file is checked here before anything is compiled; the engine
//! checks the laid-out pages too (glyph 0), which catches a template's own text.

use super::each_string;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Data;
use vinhdanh_core::Coverage;

pub fn run(data: &Data, fonts: &dyn Coverage, out: &mut Diagnostics) {
    each_string(data, &mut |_, path, s, locate| {
        if let Some(c) = s.chars().find(|&c| !fonts.covers(c)) {
            out.push(
                Diagnostic::error(crate::msg::char_no_font(c, c as u32))
                    .at(locate(path))
                    .field(path.to_string())
                    .hint(crate::msg::char_no_font_hint()),
            );
        }
    });
}
