//! vinhdanh: a commune's YAML data → Typst → the printed documents of an awards conference.
//!
//! Pipeline, one module per stage: [`load`] (YAML and spreadsheets, NFC) → [`validate`]
//! (located problems in plain Vietnamese) → [`render`] (minijinja fills `templates/`, every
//! value a Typst literal) → [`compile`] (in-process Typst through our own World) → [`write`]
//! (atomic files in `output/`). [`documents`] holds one module per printed document;
//! [`pipeline`] runs them; [`cli`] is the command line.

pub mod batch;
pub mod check;
pub mod cli;
pub mod collate;
pub mod compile;
pub mod diag;
pub mod documents;
pub mod import;
pub mod inspect;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod project;
pub mod render;
pub mod slug;
pub mod text;
pub mod tone;
pub mod validate;
pub mod write;
