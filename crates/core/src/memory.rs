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
    use std::time::Instant;
    static LAST: Mutex<Option<Instant>> = Mutex::new(None);
    if due(
        &mut LAST.lock().unwrap_or_else(|e| e.into_inner()),
        Instant::now(),
    ) {
        give_back();
    }
}

/// Whether a call at `now` gives memory back, `last` the time counted from (none before the
/// first call, which only starts the count); moves `last` on when it does.
fn due(last: &mut Option<std::time::Instant>, now: std::time::Instant) -> bool {
    match *last {
        Some(t) if now.duration_since(t) < std::time::Duration::from_secs(3) => false,
        Some(_) => {
            *last = Some(now);
            true
        }
        None => {
            *last = Some(now);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn memory_goes_back_three_seconds_after_the_first_call_then_every_three() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let mut last = None;
        let calls = [0, 1_000, 2_999, 3_000, 3_500, 5_999, 6_000, 20_000];
        let given: Vec<u64> = calls
            .into_iter()
            .filter(|&ms| due(&mut last, at(ms)))
            .collect();
        assert_eq!(given, [3_000, 6_000, 20_000]);
    }

    /// What mimalloc holds freed goes back to the system: the process's resident memory, as
    /// the kernel counts it (`/proc/self/statm`; mimalloc's own commit count does not see pages
    /// handed back with `madvise`), falls by what was freed.
    #[cfg(target_os = "linux")]
    #[test]
    fn give_back_returns_freed_memory_to_the_system() {
        let resident = || -> usize {
            let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
            let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
            pages * 4096
        };
        // 64 MB in blocks of 64 KB, from mimalloc itself (this test binary's allocator is the
        // system's), touched and freed.
        let blocks: Vec<*mut u8> = (0..1024)
            // SAFETY: a plain allocation, freed below.
            .map(|_| unsafe { libmimalloc_sys::mi_malloc(64 << 10) }.cast::<u8>())
            .collect();
        for &b in &blocks {
            assert!(!b.is_null());
            // SAFETY: each block is 64 KB, just allocated.
            unsafe { b.write_bytes(1, 64 << 10) };
        }
        for b in blocks {
            // SAFETY: allocated by mi_malloc above, freed once.
            unsafe { libmimalloc_sys::mi_free(b.cast()) };
        }
        let before = resident();
        give_back();
        let after = resident();
        assert!(
            after + (48 << 20) < before,
            "{before} → {after} bytes resident"
        );
    }
}
