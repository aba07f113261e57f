//! The benchmark keeps working: `examples/bench.rs` runs with a small N and prints its tables
//! (no timing is asserted anywhere; figures are for people).

use std::path::PathBuf;
use std::process::Command;

/// The example's binary next to this test's (cargo builds examples for `cargo test`).
fn bench_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?; // target/<profile>/deps → target/<profile>
    let p = dir
        .join("examples")
        .join(format!("bench{}", std::env::consts::EXE_SUFFIX));
    p.is_file().then_some(p)
}

/// Runs the bench with `args`; its standard output (it must succeed).
fn bench(args: &[&str]) -> String {
    let out = match bench_binary() {
        Some(b) => Command::new(b).args(args).output(),
        None => Command::new(env!("CARGO"))
            .args(["run", "--release", "--example", "bench", "--"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output(),
    }
    .expect("run the bench");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// A curve (several N, one process each) hands every option to each N's run, numbers too:
/// `--delegates 3` once reached the runs as a stray `3` and `--no-typst` as its value.
#[test]
fn a_curve_keeps_its_options_for_every_n() {
    let text = bench(&["4", "6", "--delegates", "3", "--no-typst"]);
    for n in [4, 6] {
        assert!(
            text.contains(&format!("N = {n} honorees, 3 delegates")),
            "{text}"
        );
    }
    assert!(!text.contains("against the typst CLI"), "{text}");
}

#[test]
fn bench_with_five_records_prints_its_table() {
    let text = bench(&["5", "--no-typst"]);
    assert!(text.contains("N = 5 honorees, 5 delegates"), "{text}");
    let row = |name: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(&format!("| {name} |")))
            .unwrap_or_else(|| panic!("no row “{name}” in:\n{text}"))
            .split('|')
            .nth(2)
            .unwrap()
            .trim()
            .to_string()
    };
    // Five certificates, five invitations, their two print files and the single documents.
    let written: usize = row("PDFs written").parse().unwrap();
    assert!(written >= 12, "{text}");
    let cert: u64 = row("certificate file, median (bytes)").parse().unwrap();
    assert!(cert > 1000, "{text}");
    for phase in [
        "load (data files)",
        "rules",
        "· compile (layout)",
        "· export (typst-pdf)",
    ] {
        let v: f64 = row(phase).parse().unwrap();
        assert!(v >= 0.0, "{phase}: {text}");
    }
    for job in ["giay-khen/", "giay-moi/", "quyet-dinh-khen-thuong.pdf"] {
        assert!(text.contains(&format!("| {job} |")), "{job}: {text}");
    }
}

/// The comparison with the typst CLI runs its three measures, the certificates alone among
/// them, against any `typst` given (here a stand-in script that writes a small file: CI has no
/// typst CLI, and no time is asserted).
#[cfg(unix)]
#[test]
fn the_cli_comparison_prints_its_rows() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("typst");
    std::fs::write(
        &fake,
        "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'typst 0.0 (stand-in)'; exit 0; }\n\
         for last; do :; done\nprintf '%%PDF-1.7 stand-in' > \"$last\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let text = bench(&["3", "--delegates", "2", "--typst", fake.to_str().unwrap()]);
    assert!(
        text.contains("## against the typst CLI (typst 0.0 (stand-in))"),
        "{text}"
    );
    assert!(text.contains("## the certificates alone"), "{text}");
    for row in [
        "| 3 certificates, one process per record (s) |",
        "| 3 certificates, one process per record, against `--only giay-khen/` (s) |",
        "| 3 certificates, one merged document (s) |",
        "| one certificate file (bytes) |",
        "| print file per page after the first (bytes) |",
    ] {
        assert!(text.contains(row), "{row}: {text}");
    }
}
