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

/// The Windows error codes of replacing a file that another program holds open (a PDF reader
/// does): access denied (5), sharing violation (32), lock violation (33).
pub const OPEN_ELSEWHERE: [i32; 3] = [5, 32, 33];

/// The error of putting a written file in place over `path`'s old copy: on Windows, a refusal
/// because another program holds the old file open becomes [`io::ErrorKind::ResourceBusy`] with
/// the catalogue's words (not the system's "Access is denied. (os error 5)"), so that its
/// hint can say to close it in the PDF reader. Anything else is returned as it is.
pub fn replace_error(e: io::Error) -> io::Error {
    replace_error_on(e, cfg!(windows))
}

#[doc(hidden)]
pub fn replace_error_on(e: io::Error, windows: bool) -> io::Error {
    match e.raw_os_error() {
        Some(code) if windows && OPEN_ELSEWHERE.contains(&code) => io::Error::new(
            io::ErrorKind::ResourceBusy,
            crate::msg::file_open_elsewhere(),
        ),
        _ => e,
    }
}

/// The console's output code page set to UTF-8 for as long as this lives (the old one comes
/// back when it is dropped), on Windows, where a console opened by a double-click has the
/// system's legacy code page; a console-less start, and other systems, are left as they are.
/// (Rust writes text to a console as UTF-16, so vinhdanh's own messages read right either way;
/// this is for bytes written to the console as they are.)
#[must_use = "the code page goes back when this is dropped"]
pub struct Utf8Console {
    #[cfg(windows)]
    old: u32,
}

#[cfg(windows)]
pub fn utf8_console() -> Utf8Console {
    use windows_sys::Win32::System::Console::{GetConsoleOutputCP, SetConsoleOutputCP};
    const UTF8: u32 = 65001;
    // SAFETY: plain calls without pointers; 0 means there is no console.
    let old = unsafe { GetConsoleOutputCP() };
    if old != 0 && old != UTF8 && unsafe { SetConsoleOutputCP(UTF8) } != 0 {
        return Utf8Console { old };
    }
    Utf8Console { old: 0 }
}

#[cfg(not(windows))]
pub fn utf8_console() -> Utf8Console {
    Utf8Console {}
}

/// Ends the process with `code` once standard output and error are flushed. On Linux it ends
/// it at once (`_exit`): the handlers run at exit include the allocator's, which hands every
/// free page back to the system page by page (1,467 `madvise` calls after a default build,
/// about 8 ms of its half second) just before the system reclaims the whole process anyway.
/// Nothing else of vinhdanh runs at exit: temporary files and locks are released as their
/// owners are dropped, before this.
pub fn exit_now(code: u8) -> std::process::ExitCode {
    use std::io::Write;
    let _ = io::stdout().flush();
    let _ = io::stderr().flush();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: _exit takes no pointer; the streams are flushed above and no caller relies on
    // exit handlers (see above).
    unsafe {
        libc::_exit(i32::from(code))
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    std::process::ExitCode::from(code)
}

#[cfg(windows)]
impl Drop for Utf8Console {
    fn drop(&mut self) {
        if self.old != 0 {
            // SAFETY: as above.
            unsafe {
                windows_sys::Win32::System::Console::SetConsoleOutputCP(self.old);
            }
        }
    }
}

/// The user's Documents folder: on Windows the known folder (wherever it was moved to, OneDrive
/// included), else `%USERPROFILE%\Documents`; elsewhere `$HOME/Documents`.
#[cfg(windows)]
pub fn documents_dir() -> Option<PathBuf> {
    known_documents()
        .or_else(|| std::env::var_os("USERPROFILE").map(|h| PathBuf::from(h).join("Documents")))
}

#[cfg(not(windows))]
pub fn documents_dir() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join("Documents"))
}

#[cfg(windows)]
fn known_documents() -> Option<PathBuf> {
    use std::os::windows::ffi::OsStringExt;
    use windows_sys::Win32::System::Com::CoTaskMemFree;
    use windows_sys::Win32::UI::Shell::{FOLDERID_Documents, SHGetKnownFolderPath};
    let mut p: windows_sys::core::PWSTR = std::ptr::null_mut();
    // SAFETY: `p` receives a NUL-terminated wide string allocated by the shell, read up to its
    // NUL and freed with CoTaskMemFree (which the documentation asks for even on failure).
    unsafe {
        let hr = SHGetKnownFolderPath(&FOLDERID_Documents, 0, std::ptr::null_mut(), &mut p);
        let out = if hr >= 0 && !p.is_null() {
            let mut len = 0;
            while *p.add(len) != 0 {
                len += 1;
            }
            let wide = std::slice::from_raw_parts(p, len);
            Some(PathBuf::from(std::ffi::OsString::from_wide(wide)))
        } else {
            None
        };
        CoTaskMemFree(p as *const core::ffi::c_void);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Windows codes of a file held open read as the catalogue's message; other codes, and
    /// the same numbers elsewhere (32 is a broken pipe on Linux), keep the system's error.
    #[test]
    fn a_file_open_in_a_reader_is_named_as_such() {
        for code in OPEN_ELSEWHERE {
            let e = replace_error_on(io::Error::from_raw_os_error(code), true);
            assert_eq!(e.kind(), io::ErrorKind::ResourceBusy, "{code}");
            assert!(e.raw_os_error().is_none());
            let text = e.to_string();
            assert!(
                text.contains("trình đọc PDF") || text.contains("PDF reader"),
                "{code}: {text}"
            );
        }
        for code in [2, 3, 112] {
            let e = replace_error_on(io::Error::from_raw_os_error(code), true);
            assert_eq!(e.raw_os_error(), Some(code));
        }
        let e = replace_error_on(io::Error::from_raw_os_error(32), false);
        assert_eq!(e.raw_os_error(), Some(32));
    }
}
