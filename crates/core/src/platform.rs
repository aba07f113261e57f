//! What differs on the clerk's Windows PC, in one place: paths as Windows shows them (no
//! `\\?\` prefix), an output file that another program holds open, the console's code page,
//! and the Documents folder. Every function compiles on every platform; the Windows parts are
//! behind `cfg(windows)`.

use std::io;
use std::path::{Path, PathBuf};

/// `fs::canonicalize`, but on Windows without the `\\?\` prefix where the plain path means the
/// same (`C:\Users\Văn thư\hoi-nghi`, not `\\?\C:\Users\…`): paths built from it are what the
/// clerk reads in every message. Elsewhere it is `fs::canonicalize`.
pub fn canonicalize(path: &Path) -> io::Result<PathBuf> {
    dunce::canonicalize(path)
}
