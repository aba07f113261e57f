//! The allocator: vinhdanh's binaries allocate with mimalloc (the `#[global_allocator]` of
//! the `vinhdanh` crate), and long runs hand what they freed back to the system from here.
//!
//! mimalloc over the system's allocator, measured in session 13 (docs/speed.md): the default
//! conference 0.54 → 0.49 s (CPU 0.97 → 0.86 s), 1,000 certificates 1.24 → 1.16 s, 10,000 +
//! 10,000 53 → 46 s at 643 → 569 MB (output on tmpfs). glibc's malloc had been tuned for each
//! kind of run (arenas, thresholds, `malloc_trim` now and then) and still spent a tenth of a
//! build's CPU in its own bookkeeping and in the kernel, growing and shrinking heaps.
//! Transparent huge pages stay off (the crate's `no_thp`): with them a build's memory rose from
//! about 180 to 290 MB and its wall time varied by half.

/// Returns the free pages of every thread's heap to the system: after each serve round (a
/// session runs for hours).
pub fn give_back() {
    // SAFETY: mi_collect only releases memory the allocator holds free; it takes no pointer.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// [`give_back`] during a build, after a batch's chunk or a list's part, at most every three
/// seconds and the first time three seconds after the first call: a build of a few hundred
/// pages is over before, and what is returned the next chunk would only fault back in.
pub fn give_back_now_and_then() {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};
    static LAST: Mutex<Option<Instant>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    match *last {
        Some(t) if t.elapsed() >= Duration::from_secs(3) => give_back(),
        Some(_) => return,
        None => {}
    }
    *last = Some(Instant::now());
}
