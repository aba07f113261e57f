//! vinhdanh's YAML layer (draft).
mod edit;
mod index;
mod path;

pub use index::{Index, Kind, Span, Style};
pub use edit::{Change, Editor, Error, Item};
