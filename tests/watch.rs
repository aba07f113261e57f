//! `vinhdanh watch`: the real binary on a fresh project; a save rebuilds the documents that
//! show the change (their files' bytes change) and leaves the others' files as they were; an
//! error is printed as `check` prints it and the watch goes on.

use crate::common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Every file under `dir` with the SHA-256 of its bytes.
fn hashes(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(e.path()).unwrap();
            (rel, format!("{:x}", Sha256::digest(&bytes)))
        })
        .collect()
}

/// Lines of standard error until one contains `needle` (bounded wait); the lines read.
fn until(rx: &Receiver<String>, needle: &str) -> String {
    let start = Instant::now();
    let mut seen = String::new();
    while start.elapsed() < Duration::from_secs(120) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            seen.push_str(&line);
            seen.push('\n');
            if line.contains(needle) {
                return seen;
            }
        }
    }
    panic!("timed out waiting for “{needle}”; got:\n{seen}");
}

struct Kill(std::process::Child);

impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_save_rebuilds_what_shows_it_and_an_error_does_not_stop_the_watch() {
    let dir = common::init_project();
    let project = dir.path().join("p");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vinhdanh"))
        .args(["watch", "p"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let _child = Kill(child);
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let first = until(&rx, "Đã in lại");
    assert!(
        first.contains("giay-khen/") && first.contains("ke-hoach.pdf"),
        "{first}"
    );
    let out = project.join("output");
    let before = hashes(&out);
    assert!(before.contains_key("ke-hoach.pdf") && before.contains_key("giay-khen.pdf"));

    // One honoree's merit text: the certificates, the print file and the decision change.
    let path = project.join("data/honorees.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("achievement: ", "achievement: Năm qua ", 1),
    )
    .unwrap();
    let rebuilt = until(&rx, "Đã in lại");
    assert!(rebuilt.contains("Đã lưu: data/honorees.yaml"), "{rebuilt}");
    assert!(rebuilt.contains("giây"), "how long it took: {rebuilt}");
    let after = hashes(&out);
    let changed: Vec<&String> = before
        .iter()
        .filter(|(k, v)| after.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert!(changed.iter().any(|k| *k == "giay-khen.pdf"), "{changed:?}");
    assert!(
        changed.iter().any(|k| *k == "quyet-dinh-khen-thuong.pdf"),
        "{changed:?}"
    );
    let certs: Vec<_> = changed
        .iter()
        .filter(|k| k.starts_with("giay-khen/"))
        .collect();
    assert_eq!(
        certs.len(),
        1,
        "only that honoree's certificate: {changed:?}"
    );
    for same in ["ke-hoach.pdf", "giay-moi.pdf", "danh-sach-dai-bieu.pdf"] {
        assert_eq!(before[same], after[same], "{same} untouched");
    }
    assert!(
        before
            .keys()
            .filter(|k| k.starts_with("giay-moi/"))
            .all(|k| before[k] == after[k]),
        "no invitation rewritten"
    );

    // An error: printed with its place, nothing written, and the watch goes on.
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim() == "kind: individual")
        .unwrap()
        + 1;
    std::fs::write(
        &path,
        text.replacen("kind: individual", "kind: ca-nhan-x", 1),
    )
    .unwrap();
    let error = until(&rx, "chưa in lại");
    assert!(
        error.contains(&format!("data/honorees.yaml:{line}:")),
        "{error}"
    );
    assert!(error.contains("kind: ca-nhan-x"), "{error}");
    assert_eq!(
        hashes(&out),
        after,
        "nothing written while the data has errors"
    );
    std::fs::write(&path, text).unwrap();
    let fixed = until(&rx, "Không văn bản nào thay đổi");
    assert!(fixed.contains("Đã lưu: data/honorees.yaml"), "{fixed}");
    assert_eq!(hashes(&out), after);
}
