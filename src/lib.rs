//! vinhdanh: a commune's YAML data → Typst → the printed documents of an awards conference.

pub mod collate;
pub mod import;
pub mod slug;
pub mod tone;
