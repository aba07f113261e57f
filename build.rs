//! Embeds the default project (the seed conference: `data/`, `templates/`, `fonts/`, `assets/`)
//! into the binary, so `vinhdanh build` works on a machine with nothing but the executable.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest);
    let mut out =
        String::from("/// Files of the default project: (path relative to the project, bytes).\n");
    out.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    let mut entries = Vec::new();
    for dir in ["data", "templates", "fonts", "assets"] {
        let base = root.join(dir);
        println!("cargo:rerun-if-changed={}", base.display());
        if !base.exists() {
            continue;
        }
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
}
