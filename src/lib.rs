//! vinhdanh: a commune's YAML data → Typst → the printed documents of an awards conference.
//!
//! One road, one crate per stage, each depending only on the stages below it (the compiler
//! keeps the direction): `vinhdanh-load` (every data file, typed, located) → `vinhdanh-rules`
//! (every check, once) → `vinhdanh-documents` (jobs: template, context, output, inputs) →
//! `vinhdanh-engine` (render, compile, export, write; the only crate that depends on Typst) →
//! `output/`. `vinhdanh-pipeline` strings them together for every command; `vinhdanh-serve`
//! runs it again on each save. Below them all: `vinhdanh-model` (the data's types) and
//! `vinhdanh-core` (messages, diagnostics, the project folder, text utilities).
//!
//! This crate is the command line ([`cli`]) and its messages ([`msg`]); the stages are
//! re-exported under their old module names for the integration tests and the examples.

/// Every binary of the project (the command, the examples, the integration tests) allocates
/// with mimalloc: see `vinhdanh_core::memory`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod cli;
pub mod msg;

pub use vinhdanh_core::trace;
pub use vinhdanh_core::{collate, diag, memory, platform, project, slug, text, tone};
pub use vinhdanh_documents as documents;
pub use vinhdanh_engine::{self as engine, fonts, inspect, manifest};
pub use vinhdanh_load::{self as load, import};
pub use vinhdanh_model as model;
pub use vinhdanh_pipeline::{self as pipeline, preview};
pub use vinhdanh_rules as rules;
pub use vinhdanh_serve as serve;
