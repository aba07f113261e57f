//! What keeps layout cheap, held by Typst's own timing of a build (`build --typst-timings`,
//! hidden; `crates/engine/src/timings.rs`): a batch of certificates is laid out in one pass.
//! Typst lays a document out again while something in it asks for its own layout; a field
//! measured as it is placed did (docs/speed.md, session 12), and a second pass cost a third
//! of the first. No time is asserted: passes are counted.

use crate::common::{fixture, run};

/// (layout passes begun as first passes, as second or later passes) in a build's timing.
fn passes(args: &[&str]) -> (usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let timings = dir.path().join("timings.json");
    let mut all = vec!["build", "-q", "--force", "--out", "out"];
    all.extend_from_slice(args);
    let t = timings.to_str().unwrap();
    all.extend_from_slice(&["--typst-timings", t]);
    let (code, out) = run(dir.path(), &all);
    assert_eq!(code, 0, "{out}");
    crate::common::typst_passes(&timings)
}

#[test]
fn a_batch_of_certificates_is_laid_out_in_one_pass() {
    // The default conference's 44 certificates: one compile, one pass.
    let (first, later) = passes(&["--only", "giay-khen/"]);
    assert!(first >= 1, "no compile recorded");
    assert_eq!(later, 0, "{first} compiles, {later} passes after the first");
    // Collectives of 91–339 characters (two-line names, wrapped achievements), and the phôi.
    let typography = fixture("typography");
    let (first, later) = passes(&[
        typography.to_str().unwrap(),
        "--phoi",
        "--only",
        "giay-khen/,giay-khen-phoi.pdf",
    ]);
    assert!(first >= 2, "certificates and phôi: {first} compiles");
    assert_eq!(later, 0, "{first} compiles, {later} passes after the first");
}

/// The invitations too, though each numbers its pages from the second (the page counter read
/// in a header asks for a second pass): a batch is laid out without its page numbers, and only
/// a record of two pages again with them (`tests/invitations.rs`).
#[test]
fn a_batch_of_invitations_is_laid_out_in_one_pass() {
    let (first, later) = passes(&["--only", "giay-moi/"]);
    assert_eq!(first, 2, "139 invitations in two chunks");
    assert_eq!(later, 0, "{first} compiles, {later} passes after the first");
}

/// The count sees a second pass where there is one: the plan numbers its pages from the
/// second in a header that reads the page counter, which only a finished layout knows.
#[test]
fn a_document_numbering_its_pages_shows_its_second_pass() {
    let (first, later) = passes(&["--only", "ke-hoach.pdf"]);
    assert_eq!(first, 1);
    assert!(later >= 1, "no second pass recorded for the plan");
}

/// The command allocates with mimalloc (src/lib.rs, `vinhdanh_core::memory`): asked to be
/// verbose, the allocator says so as the process starts, which only mimalloc does, with its
/// version (3.x, the crate's default); and the build runs to its end on it.
#[test]
fn the_command_allocates_with_mimalloc() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::bin()
        .current_dir(dir.path())
        .args(["build", "-q", "--only", "ke-hoach.pdf", "--out", "out"])
        .env("MIMALLOC_VERBOSE", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(dir.path().join("out/ke-hoach.pdf").is_file());
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    let init = lines
        .iter()
        .position(|l| l.starts_with("mimalloc: process init"))
        .unwrap_or_else(|| panic!("mimalloc said nothing on standard error:\n{err}"));
    assert!(
        lines.get(init + 1).is_some_and(|l| l.starts_with("v3.")),
        "{err}"
    );
}
