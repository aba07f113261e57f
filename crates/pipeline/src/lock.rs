//! One writer at a time in an output folder. `build`, `serve` and `watch` each take this lock
//! before they read the data and hold it until their files are written, so two of them never
//! interleave their files: with `serve` running while a clerk runs `build` and saves in between,
//! the files of the older data could otherwise land after those of the newer (5 such files were
//! seen). Whoever writes last read the data last.
//!
//! The lock is the operating system's own (`File::lock`: `flock` on Unix, `LockFileEx` on
//! Windows), so a killed process never leaves it held. Who holds it is written beside it, for
//! the one who waits to say (the lock file itself cannot be read while held on Windows).

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// The lock file in the output folder; empty, kept between runs (removing it would let two
/// writers hold locks on two different files).
pub const FILE: &str = ".vinhdanh-lock";
/// Who holds the lock, while it is held.
pub const HOLDER: &str = ".vinhdanh-lock-holder";

/// Who holds (or held) the lock: enough for a clerk to find the other window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The command, as `vinhdanh serve`.
    pub command: String,
    pub pid: u32,
    /// Local time it took the lock, `HH:MM:SS`.
    pub since: String,
}

impl Holder {
    fn parse(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        let pid = lines.next()?.trim().parse().ok()?;
        let command = lines.next()?.to_string();
        let since = lines.next().unwrap_or_default().to_string();
        Some(Holder {
            command,
            pid,
            since,
        })
    }
}

/// Told who holds the lock when a command has to wait for it (the command prints it).
#[derive(Clone)]
pub struct LockWait(pub std::sync::Arc<Waiting>);

/// See [`LockWait`].
pub type Waiting = dyn Fn(Option<&Holder>) + Send + Sync;

impl std::fmt::Debug for LockWait {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LockWait")
    }
}

/// Why the lock could not be taken, for the clerk: a folder that cannot be written is said so
/// (nothing was printed); anything else as a write error of the lock file.
pub fn failed(out_dir: &Path, e: std::io::Error) -> crate::diag::Diagnostic {
    use crate::diag::Diagnostic;
    match e.kind() {
        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => {
            Diagnostic::error(crate::msg::lock_read_only(&out_dir.display()))
                .in_file(out_dir.display().to_string())
                .hint(crate::engine::msg::read_only_hint())
        }
        _ => Diagnostic::from(crate::engine::write::WriteError {
            path: out_dir.join(FILE),
            source: e,
        }),
    }
}

/// What a waiting command prints.
pub fn waiting_message(holder: Option<&Holder>, out_dir: &Path) -> String {
    match holder {
        Some(h) => crate::msg::lock_waiting(&h.command, h.pid, &h.since, &out_dir.display()),
        None => crate::msg::lock_waiting_unknown(&out_dir.display()),
    }
}

/// Held until dropped.
#[derive(Debug)]
pub struct OutputLock {
    file: File,
    holder: PathBuf,
}

impl OutputLock {
    /// Takes the lock of `out_dir` (created if missing) for `command`. If another process
    /// holds it, `waiting` is told who (when that can be read) and the call waits for it.
    pub fn acquire(
        out_dir: &Path,
        command: &str,
        waiting: &dyn Fn(Option<&Holder>),
    ) -> std::io::Result<Self> {
        std::fs::create_dir_all(out_dir)?;
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(out_dir.join(FILE))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(out_dir.join(HOLDER))
                    .ok()
                    .and_then(|t| Holder::parse(&t));
                waiting(holder.as_ref());
                file.lock()?;
            }
            Err(std::fs::TryLockError::Error(e)) if e.kind() == ErrorKind::Unsupported => {
                // A file system without locks (some network shares): go on unlocked, as before.
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        let holder = out_dir.join(HOLDER);
        let since = chrono::Local::now().format("%H:%M:%S");
        // Best effort: the lock holds without it, the waiter then just does not say who.
        let _ = File::create(&holder)
            .and_then(|mut f| writeln!(f, "{}\n{command}\n{since}", std::process::id()));
        Ok(OutputLock { file, holder })
    }
}

impl OutputLock {
    /// Releases the lock and removes the output folder it was taken in, if nothing else is
    /// there: a refused first build leaves no empty `output/` behind.
    pub fn remove(self) {
        let dir = self.holder.parent().map(Path::to_path_buf);
        drop(self);
        if let Some(dir) = dir {
            let _ = std::fs::remove_file(dir.join(FILE));
            // Fails, and keeps the folder, if another writer put anything there meanwhile.
            let _ = std::fs::remove_dir(&dir);
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.holder);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// A second writer waits until the first is done, and is told who it waits for.
    #[test]
    fn a_second_writer_waits_and_is_told_who_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::acquire(dir.path(), "vinhdanh serve", &|_| {
            panic!("nobody holds it yet")
        })
        .unwrap();
        let (tx, rx) = mpsc::channel();
        let path = dir.path().to_path_buf();
        let second = std::thread::spawn(move || {
            let told = std::sync::Mutex::new(None);
            let lock = OutputLock::acquire(&path, "vinhdanh build", &|h| {
                *told.lock().unwrap() = Some(h.cloned());
                tx.send(()).unwrap();
            })
            .unwrap();
            drop(lock);
            told.into_inner().unwrap()
        });
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the second writer waits");
        std::thread::sleep(Duration::from_millis(200));
        assert!(!second.is_finished(), "it waits while the first holds");
        drop(first);
        let told = second.join().unwrap().unwrap().unwrap();
        assert_eq!(told.command, "vinhdanh serve");
        assert_eq!(told.pid, std::process::id());
        assert_eq!(told.since.len(), 8, "{told:?}");
        let said = waiting_message(Some(&told), Path::new("output"));
        assert!(
            said.starts_with(&format!(
                "Đang chờ vinhdanh serve (tiến trình {}, bắt đầu lúc {})",
                told.pid, told.since
            )),
            "{said}"
        );
        // Released: the holder file is gone, the lock file stays, empty.
        assert!(!dir.path().join(HOLDER).exists());
        assert_eq!(std::fs::read(dir.path().join(FILE)).unwrap(), b"");
    }
}
