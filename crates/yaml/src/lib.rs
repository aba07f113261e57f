//! vinhdanh's YAML layer: one location index and one format-preserving editor.
//!
//! Clerks edit the data files by hand, so a program that changes one (`migrate`,
//! `check --fix-tone-marks`, the page editor to come) must change only what it means to: the
//! comments, key order, quoting, indentation, CRLF line ends and byte-order mark of everything
//! else stay as typed. And every diagnostic must point at the clerk's own line and column.
//!
//! - [`Index`]: built once per file from one pass over yaml-rust2's marked events; by field
//!   path (`delegates[3].group`), the byte span, line and column of each value and key, and
//!   the line starts. Its [`Index::point`] is, on every sample and fixture file, exactly
//!   where the loader's old index pointed (tested against a copy of it), so moving the loader
//!   over changes no diagnostic.
//! - [`Editor`]: set a scalar, rename a key, insert, move or remove a list item, remove a key,
//!   each by field path, each returning the lines it changed ([`Change`]). Errors are an
//!   [`Error`]; a failed edit leaves the text as it was.
//!
//! # Why yaml-edit, and where it is not trusted
//!
//! A lossless YAML crate was preferred to edits written by hand, if one fit. `yaml-edit`
//! 0.3.6 (Apache-2.0; rowan-based; 12 releases from 0.1.0 to 0.3.6, the last on 2026-10-31)
//! was measured on the repository's files before it was chosen:
//!
//! | what | measured |
//! | --- | --- |
//! | dependencies it adds | 5: rowan 0.16.1, countme, hashbrown 0.14, rustc-hash 1, text-size (`default-features = false`) |
//! | its size | 33.6k lines of Rust; a clean debug build of it and rowan: 27 s of CPU (42 s wall on the shared 2 cores) |
//! | round trip | all 31 UTF-8 sample and fixture files byte-identical, and their CRLF and BOM variants |
//! | parse, data/delegates.yaml (25.9 KB), release | 0.74 ms (serde_yaml to a `Value`: 0.55 ms) |
//! | 24,834 single random edits (set, rename, insert, remove) on every file ×3 variants | no invalid YAML, no wrong value, CRLF and BOM kept |
//!
//! It also showed four faults, each handled here rather than patched around blindly:
//! 1. `set` drops the old quoting (`'x'` becomes `x`), and 2. its double-quoted scalars escape
//!    every non-ASCII letter (`"Ph\u1EA1m"`): a clerk could no longer read the line. So an
//!    inline scalar (plain, quoted, alias) is replaced at its [`Index`] span with text this
//!    crate writes, and any scalar the tree wrote (a new key, an inserted item, a renamed key)
//!    is rewritten to ours at its span after the edit.
//! 3. Copying a block mapping re-indents its later lines (moving an agenda item broke the
//!    file): a block list item moves as its whole lines instead; only flow items go through
//!    the tree.
//! 4. A copy keeps the comments inside a node but not one after it on its line, so a moved
//!    flow item loses a trailing comment (block items keep theirs: they move as lines).
//!
//! Every tree edit is checked: a panic inside yaml-edit, or a result yaml-rust2 cannot parse,
//! undoes the edit and returns [`Error::Internal`].
//!
//! # What is refused
//!
//! A text that does not parse ([`Error::Syntax`], located as yaml-rust2 locates it), a file of
//! several documents ([`Error::MultiDocument`]), a path through an alias or a tagged collection
//! ([`Error::Unsupported`]), a block list item that does not start its own line (`- - a`) or
//! ends the file without a line break, for a move ([`Error::Unsupported`]), renaming onto an
//! existing key ([`Error::KeyExists`]), and keys that are empty or hold a line break. Keys
//! holding `.`, `[` or `]` cannot be named by a path. Flow collections are edited (the data
//! files use them: `lines: [..]`, `- {id: .., label: ..}`); anchors are kept (yaml-edit keeps
//! an alias resolving when its anchor is removed by copying the anchored node in).

mod edit;
mod index;
mod path;

pub use edit::{Change, Editor, Error, Item, Value, raw_scalar_ok};
pub use index::{Index, Kind, Span, Style};
