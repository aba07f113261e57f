//! A full disk and a read-only folder, for real: a small tmpfs mounted for the test (root
//! only; elsewhere the tests say SKIPPED). One cause is told once, with the room it needs, the
//! build stops early and exits 1, and the files printed before stay as they were.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    fn new(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root); tests/disk.rs not run");
            return None;
        }
        Some(Mount { dir })
    }

    fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.dir.path())
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn build(out: &Path, extra: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["build", "--out", out.to_str().unwrap(), "--quiet"];
    args.extend_from_slice(extra);
    common::run(dir.path(), &args)
}

/// The lines of the errors (`lỗi: …`) in a command's output.
fn errors(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.contains("lỗi:")).collect()
}

/// The default conference (7 MB of PDFs) into a disk of 2 MB that already holds the plan printed
/// before: one error naming the disk, the files not written, the room they need and the free
/// room; exit 1; the plan printed before is intact, and no temporary file is left.
#[test]
fn a_full_disk_is_told_once_and_stops_the_build() {
    let Some(disk) = Mount::new("2m") else { return };
    let out = disk.path().join("output");
    let (code, text) = build(&out, &["--only", "ke-hoach.pdf"]);
    assert_eq!(code, 0, "{text}");
    let plan = std::fs::read(out.join("ke-hoach.pdf")).unwrap();

    let (code, text) = build(&out, &[]);
    assert_eq!(code, 1, "{text}");
    let errors = errors(&text);
    assert_eq!(errors.len(), 1, "one cause, one message:\n{text}");
    let e = errors[0];
    assert!(e.contains("đã đầy"), "{e}");
    assert!(e.contains("lần in đã dừng"), "{e}");
    assert!(e.contains("ổ đĩa còn trống"), "{e}");
    assert!(e.contains(" MB"), "{e}");
    assert!(
        text.contains("giải phóng chỗ trống"),
        "the hint says what to do:\n{text}"
    );
    assert!(
        !text.contains("không phải một tệp"),
        "no hint about another cause:\n{text}"
    );
    assert_eq!(std::fs::read(out.join("ke-hoach.pdf")).unwrap(), plan);
    let leftovers = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0, "temporary files left on the full disk");
}

/// A folder that became read-only after a build: one error naming it, exit 1, every file of the
/// earlier build intact.
#[test]
fn a_read_only_folder_is_told_once() {
    let Some(disk) = Mount::new("20m") else {
        return;
    };
    let out = disk.path().join("output");
    let (code, text) = build(&out, &["--only", "ke-hoach.pdf,giay-khen/"]);
    assert_eq!(code, 0, "{text}");
    let before = common::tree(&out);
    disk.remount_read_only();

    let (code, text) = build(&out, &["--only", "ke-hoach.pdf,giay-khen/"]);
    assert_eq!(code, 1, "{text}");
    let errors = errors(&text);
    assert_eq!(errors.len(), 1, "one cause, one message:\n{text}");
    assert!(errors[0].contains("chỉ đọc"), "{}", errors[0]);
    assert!(text.contains("bỏ thuộc tính chỉ đọc"), "{text}");
    assert_eq!(common::tree(&out), before, "the earlier build is intact");
}
