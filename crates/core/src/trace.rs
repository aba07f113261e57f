//! Timestamps along a save's way to its page image, for measuring `serve` (issue #26): with
//! `VINHDANH_TRACE` set, each [`trace!`](crate::trace!) prints `TRACE <µs since the epoch>
//! <what>` on standard error. Wall-clock time, so the lines of `serve` and of
//! `examples/serve_bench` (which writes the file and fetches the image, in another process)
//! line up. Unset, a trace costs one check of a flag read once.

use std::sync::OnceLock;

/// Whether `VINHDANH_TRACE` is set (read once).
pub fn on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("VINHDANH_TRACE").is_some())
}

/// One line, if [`on`]; what [`trace!`](crate::trace!) calls.
pub fn mark(what: std::fmt::Arguments) {
    if on() {
        let micros = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_micros());
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "TRACE {micros} {what}");
    }
}

/// `trace!("job-done {}", name)`: a [`mark`], its text formatted only when tracing is on.
#[macro_export]
macro_rules! trace {
    ($($arg:tt)*) => {
        if $crate::trace::on() {
            $crate::trace::mark(format_args!($($arg)*))
        }
    };
}
