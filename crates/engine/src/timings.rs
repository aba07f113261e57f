//! Typst's own timing of a run, written as `typst compile --timings` writes it (Chrome's trace
//! format, opened in chrome://tracing or Perfetto): where a template's time goes, down to its
//! layout passes ("iter (1)", "iter (2)", …). A document laid out twice because something in it
//! asks for its own layout (page numbers, locations, an element measured as it is placed) shows
//! as a second pass; `tests/speed.rs` holds the certificates to one.

use std::path::Path;

/// Starts recording (from the process's first compile on, every thread).
pub fn start() {
    typst_timing::clear();
    typst_timing::enable();
}

/// Writes what was recorded since [`start`] to `path` and stops recording.
pub fn write(path: &Path) -> std::io::Result<()> {
    typst_timing::disable();
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    // Spans would need the sources of every compile, gone by now: events carry no location.
    typst_timing::export_json(file, |_| (String::new(), 0)).map_err(std::io::Error::other)
}
