//! The allocator's tunables, for long runs: glibc's malloc keeps freed memory in per-thread
//! arenas, and a run whose threads come and go leaves it spread where no later thread reuses it.

/// glibc gives each thread that allocates its own arena (up to 8 per core), and the
/// engine's threads change from round to round: freed memory stayed spread over arenas
/// that the next round's threads did not reuse. Two arenas serve two workers. Blocks of a
/// megabyte and more (a page's pixels: 3.5 MB at screen resolution) are mapped apart and
/// unmapped when freed; glibc's default raises that threshold as such blocks are freed,
/// after which they were carved from the arenas and left holes there. Measured over 400
/// rebuilds of the default project (`examples/serve_bench.rs`): 267 MB → 213 MB.
pub fn few_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tunable of the allocator; no memory is touched.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// Returns the free pages of every arena to the system (a few ms; glibc's own trimming only
/// looks at the top of the main heap): after each serve round.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim releases only memory the allocator holds free.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// [`give_back`] during a build, after a batch's chunk or a list's part, at most every three
/// seconds: without it, what the chunks' short-lived threads freed stayed in their arenas and
/// 10,000 certificates peaked at 567 MB; with it, 425 MB. After every chunk it cost 6 s of 47
/// (what each trim returned, the next chunk faulted back in); every three seconds, nothing
/// measurable (docs/speed.md, session 6).
pub fn give_back_now_and_then() {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};
    static LAST: Mutex<Option<Instant>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if last.is_some_and(|t| t.elapsed() < Duration::from_secs(3)) {
        return;
    }
    give_back();
    *last = Some(Instant::now());
}
