//! Embeds the default project (the seed conference: `data/`, `templates/`, `fonts/`, `assets/`)
//! into the binary, so `vinhdanh build` works on a machine with nothing but the executable.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    // The default project lives at the workspace root, two levels up from this crate.
    let root = &Path::new(&manifest).join("../..");
    let mut out =
        String::from("/// Files of the default project: (path relative to the project, bytes).\n");
    out.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    let mut entries = Vec::new();
    for dir in ["data", "templates", "fonts", "assets"] {
        let base = root.join(dir);
        if !base.exists() {
            // Not watched: cargo takes a missing watched path as changed, and would rebuild
            // the crate at every `cargo build` (a folder added later needs `touch build.rs`).
            continue;
        }
        println!("cargo:rerun-if-changed={}", base.display());
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
            let entry = entry.expect("readable default project");
            println!("cargo:rerun-if-changed={}", entry.path().display());
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .expect("inside the manifest dir");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            entries.push((rel, entry.path().to_path_buf()));
        }
    }
    for (rel, abs) in entries {
        writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(dest, out).expect("write embedded.rs");
    shipped(root);
}

/// The table of every template any version shipped: `templates/SHIPPED.sha256` (kept across
/// versions: one line `sha256 version path` per template file of each release) and this
/// version's templates, hashed now. A clerk's copy that matches one of them is a copy, not an
/// edit, and the current default is used instead.
fn shipped(root: &Path) {
    use sha2::{Digest, Sha256};
    let version = env::var("CARGO_PKG_VERSION").unwrap();
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let list = root.join("templates/SHIPPED.sha256");
    println!("cargo:rerun-if-changed={}", list.display());
    if let Ok(text) = fs::read_to_string(&list) {
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut parts = line.split_whitespace();
            if let (Some(h), Some(v), Some(p)) = (parts.next(), parts.next(), parts.next()) {
                rows.push((p.to_string(), h.to_string(), v.to_string()));
            }
        }
    }
    let base = root.join("templates");
    for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
        let entry = entry.expect("readable templates");
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !(name.ends_with(".j2") || name.ends_with(".typ")) {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap();
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let hash = format!("{:x}", Sha256::digest(fs::read(entry.path()).unwrap()));
        rows.push((rel, hash, version.clone()));
    }
    rows.sort();
    rows.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut out = String::from("/// (template path, sha256, version that shipped it).\n");
    out.push_str("pub static SHIPPED: &[(&str, &str, &str)] = &[\n");
    for (p, h, v) in rows {
        writeln!(out, "    ({p:?}, {h:?}, {v:?}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("shipped.rs");
    fs::write(dest, out).expect("write shipped.rs");
}
