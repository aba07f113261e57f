//! The ground every stage of vinhdanh stands on: the message catalogue's language and macro
//! ([`msg`]), the one diagnostic type ([`diag`]), the project folder over the embedded default
//! ([`project`]), text utilities ([`text`], [`tone`], [`collate`], [`slug`]) and the allocator's
//! tunables ([`memory`]). Nothing here knows a data file's shape or a document.

pub mod collate;
pub mod diag;
pub mod memory;
pub mod msg;
pub mod platform;
pub mod project;
pub mod slug;
pub mod text;
pub mod tone;
pub mod trace;

/// Which characters the project's fonts can draw. The rules check every string of the data
/// against it before anything is typeset (Typst silently draws a blank box for a character no
/// font has); the engine's fonts answer it, so the rules need not depend on Typst.
pub trait Coverage {
    /// Whether some font of the project has a glyph for `c`.
    fn covers(&self, c: char) -> bool;
    /// Whether the font family `family` has a glyph for `c`.
    fn family_covers(&self, family: &str, c: char) -> bool;
}
