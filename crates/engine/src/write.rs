//! Stage 5: files into `output/`, atomically. Each file is written to a temporary file in the
//! same folder and renamed over the old one, so an interrupted or failed build leaves every
//! earlier PDF whole: a clerk never finds a half-written file on the morning of the conference.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

#[derive(Debug, thiserror::Error)]
#[error("{}", crate::msg::cannot_write(&path.display(), source))]
pub struct WriteError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl From<WriteError> for Diagnostic {
    fn from(e: WriteError) -> Self {
        let hint = match e.source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                crate::msg::disk_full_hint()
            }
            io::ErrorKind::ReadOnlyFilesystem => crate::msg::read_only_hint(),
            io::ErrorKind::ResourceBusy => crate::msg::close_pdf_hint().to_string(),
            io::ErrorKind::PermissionDenied => crate::msg::write_denied_hint().to_string(),
            _ => crate::msg::write_dir_hint().to_string(),
        };
        Diagnostic::error(e.to_string())
            .in_file(e.path.display().to_string())
            .hint(hint)
    }
}

/// A write error that every other file of the build would meet too (a full disk, a folder that
/// cannot be written): the build stops at it ([`crate::Engine::run`]) and it is told once.
pub fn stops_the_build(d: &Diagnostic) -> bool {
    let hint = d.hint.as_deref();
    hint == Some(crate::msg::disk_full_hint().as_str())
        || hint == Some(crate::msg::read_only_hint().as_str())
}

/// Free bytes on the disk holding `dir`, if the system says.
pub fn free_space(dir: &Path) -> Option<u64> {
    fs4::available_space(dir).ok()
}

/// Creates `dir` (and parents), with a located error when a parent is a file.
pub fn ensure_dir(dir: &Path) -> Result<(), WriteError> {
    fs::create_dir_all(dir).map_err(|source| WriteError {
        path: dir.to_path_buf(),
        source,
    })
}

/// Removes temporary files that a killed build left in `dir` and its batch folders (a finished
/// write renames its temporary file, so any left is from an interrupted run).
pub fn remove_leftovers(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir)
        .max_depth(2)
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && name.starts_with(".vinhdanh-") && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` via a temporary file and rename.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let staged = stage(path, bytes)?;
    commit(vec![staged]).pop().expect("one file")?;
    Ok(())
}

/// A file written under a temporary name in its folder, not yet on disk for sure nor in place;
/// or (`tmp` none) one whose file already holds exactly these bytes.
pub(crate) struct Staged {
    tmp: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

/// Whether `path` already holds exactly `bytes`. A rebuild makes the same bytes for every
/// document whose data did not change; leaving such a file alone saves creating, flushing and
/// renaming it (the kernel's part was 8 % of a batch's CPU), and a PDF left open in a viewer
/// on Windows, which refuses its replacement, is no longer an error when nothing in it changed.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// Writes `bytes` to a temporary file next to `path`; [`commit`] puts it in place. A file
/// already holding these bytes is left as it is.
pub(crate) fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, WriteError> {
    if holds(path, bytes) {
        return Ok(Staged {
            tmp: None,
            path: path.to_path_buf(),
        });
    }
    let tmp = spill(path, bytes)?;
    stage_written(path, tmp)
}

/// `bytes` in a temporary file next to `path` (removed when dropped): a print file's part kept
/// out of memory until the parts are joined ([`crate::join::join_files`]).
pub(crate) fn spill(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, WriteError> {
    let mut tmp = temporary(path)?;
    tmp.write_all(bytes).map_err(|source| WriteError {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(tmp)
}

/// A new temporary file in `path`'s folder, named as [`remove_leftovers`] finds it.
pub(crate) fn temporary(path: &Path) -> Result<tempfile::NamedTempFile, WriteError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    ensure_dir(dir)?;
    tempfile::Builder::new()
        .prefix(".vinhdanh-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| match e.kind() {
            // No new file in the folder at all: the folder is read-only for this user (a
            // read-only file alone is met at the rename, below).
            io::ErrorKind::PermissionDenied => WriteError {
                path: dir.to_path_buf(),
                source: io::Error::new(io::ErrorKind::ReadOnlyFilesystem, e),
            },
            _ => WriteError {
                path: path.to_path_buf(),
                source: e,
            },
        })
}

/// A temporary file already written (by [`temporary`]), staged to become `path`; left out when
/// `path` already holds the same bytes, like [`stage`].
pub(crate) fn stage_file(path: &Path, tmp: tempfile::NamedTempFile) -> Result<Staged, WriteError> {
    if same_file(path, tmp.path()) {
        return Ok(Staged {
            tmp: None,
            path: path.to_path_buf(),
        });
    }
    stage_written(path, tmp)
}

fn stage_written(path: &Path, tmp: tempfile::NamedTempFile) -> Result<Staged, WriteError> {
    // Temporary files are private (0600); an output PDF is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))
            .map_err(|source| WriteError {
                path: path.to_path_buf(),
                source,
            })?;
    }
    Ok(Staged {
        tmp: Some(tmp),
        path: path.to_path_buf(),
    })
}

/// Whether the files `a` and `b` hold the same bytes, read a block at a time ([`holds`] for a
/// file too large to read whole: a print file of 10,000 invitations is 47 MB).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let len = |p: &Path| {
        fs::metadata(p)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
    };
    if len(a).is_none() || len(a) != len(b) {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    let (mut ra, mut rb) = (io::BufReader::new(fa), io::BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = match ra.read(&mut ba) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            // Same length: b ends here too.
            return true;
        }
        if rb.read_exact(&mut bb[..n]).is_err() || ba[..n] != bb[..n] {
            return false;
        }
    }
}

/// Flushes staged files to disk, then renames each over its final name: a file appears under
/// its name only once its bytes are stored. On Linux one `syncfs` flushes them all (a flush
/// costs several milliseconds on some disks, whatever it holds: per file it was most of the
/// time of a batch); elsewhere each file is flushed.
pub(crate) fn commit(files: Vec<Staged>) -> Vec<Result<PathBuf, WriteError>> {
    let err = |path: &Path, source| WriteError {
        path: path.to_path_buf(),
        source,
    };
    let new: Vec<&tempfile::NamedTempFile> = files.iter().filter_map(|s| s.tmp.as_ref()).collect();
    #[cfg(target_os = "linux")]
    let synced = new.len() > 1 && rustix::fs::syncfs(new[0].as_file()).is_ok();
    #[cfg(not(target_os = "linux"))]
    let synced = false;
    files
        .into_iter()
        .map(|s| {
            let Some(tmp) = s.tmp else {
                return Ok(s.path);
            };
            if !synced {
                tmp.as_file().sync_all().map_err(|e| err(&s.path, e))?;
            }
            tmp.persist(&s.path)
                .map_err(|e| err(&s.path, crate::platform::replace_error(e.error)))?;
            Ok(s.path)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_holding_the_same_bytes_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.pdf");
        fs::write(&file, b"same").unwrap();
        let before = fs::metadata(&file).unwrap();
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&before);
        atomic_write(&file, b"same").unwrap();
        #[cfg(unix)]
        assert_eq!(
            std::os::unix::fs::MetadataExt::ino(&fs::metadata(&file).unwrap()),
            inode,
            "not replaced"
        );
        // Other bytes, even of the same length, replace it.
        atomic_write(&file, b"diff").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"diff");
        atomic_write(&file, b"longer").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"longer");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn parent_is_a_file_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, b"x").unwrap();
        let e = atomic_write(&file.join("out/a.pdf"), b"pdf").unwrap_err();
        assert!(e.to_string().contains("không ghi được"));
    }

    #[test]
    fn leftovers_of_a_killed_build_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("giay-moi")).unwrap();
        fs::write(dir.path().join("giay-moi/.vinhdanh-abc.tmp"), b"half").unwrap();
        fs::write(dir.path().join("giay-moi/001-a.pdf"), b"pdf").unwrap();
        remove_leftovers(dir.path());
        assert!(!dir.path().join("giay-moi/.vinhdanh-abc.tmp").exists());
        assert!(dir.path().join("giay-moi/001-a.pdf").exists());
    }

    #[test]
    fn replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.pdf");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A PDF Windows refused to replace because a reader holds it open (codes 5, 32, 33) is
    /// named with its file and the hint to close it in the reader.
    #[test]
    fn a_file_held_open_is_named_with_the_hint_to_close_it() {
        for code in crate::platform::OPEN_ELSEWHERE {
            let source =
                crate::platform::replace_error_on(std::io::Error::from_raw_os_error(code), true);
            let d = Diagnostic::from(WriteError {
                path: std::path::PathBuf::from("output/ke-hoach.pdf"),
                source,
            });
            let shown = crate::diag::render(&d.into());
            assert!(shown.contains("ke-hoach.pdf"), "{shown}");
            assert!(
                shown.contains(crate::msg::close_pdf_hint()),
                "{code}: {shown}"
            );
        }
    }
}
