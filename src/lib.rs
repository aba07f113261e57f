//! vinhdanh: a commune's YAML data → Typst → the printed documents of an awards conference.
//!
//! One road, one module per stage, each importing only the stages below it:
//! [`load`] (every data file, typed, located) → [`rules`] (every check, once) → [`documents`]
//! (jobs: template, context, output, inputs) → [`engine`] (render, compile, export, write) →
//! `output/`. [`pipeline`] strings them together for [`cli`]; [`serve`] runs it again on each
//! save (`serve`, `watch`). Below them all: [`model`] (the
//! data's types), [`project`] (the sandboxed folder), [`fonts`], [`diag`] (the one diagnostic
//! type), [`memory`] (the allocator's tunables), [`msg`] (every string a person reads, in both languages) and text utilities ([`text`], [`tone`], [`collate`], [`slug`], [`import`]).

pub mod cli;
pub mod collate;
pub mod diag;
pub mod documents;
pub mod engine;
pub mod fonts;
pub mod import;
pub mod inspect;
pub mod load;
pub mod manifest;
pub mod memory;
pub mod model;
pub mod msg;
pub mod pipeline;
pub mod preview;
pub mod project;
pub mod rules;
pub mod serve;
pub mod slug;
pub mod text;
pub mod tone;
