//! The one worker pool of vinhdanh: jobs, a batch's chunks, a chunk's exports, `--png` images
//! and the page's images all run through [`map`]. Work is handed out one item at a time from a
//! shared counter, so a long item never holds up the short ones queued behind another thread.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack of a worker thread: Typst's layout recurses deeply on long tables (a 10,000-row
/// decision appendix), far past the 2 MiB a spawned thread gets by default.
pub(crate) const STACK: usize = 64 << 20;

/// The number of cores (2 where it cannot be known): the default of `--jobs`.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// `work(k)` for every `k` in `0..n`, on at most `workers` threads (the calling thread alone
/// when that is 1 or there is one item); the results in `k`'s order.
pub fn map<R: Send>(n: usize, workers: usize, work: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let workers = workers.clamp(1, n.max(1));
    if workers == 1 {
        return (0..n).map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(n));
    std::thread::scope(|s| {
        for _ in 0..workers {
            std::thread::Builder::new()
                .stack_size(STACK)
                .spawn_scoped(s, || {
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= n {
                            break;
                        }
                        let r = work(k);
                        done.lock().unwrap().push((k, r));
                    }
                })
                .expect("spawn a worker thread");
        }
    });
    let mut done = done.into_inner().unwrap();
    done.sort_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_from_every_thread() {
        let threads = Mutex::new(std::collections::HashSet::new());
        let out = map(200, 3, |k| {
            threads.lock().unwrap().insert(std::thread::current().id());
            std::thread::sleep(std::time::Duration::from_micros((200 - k as u64) * 5));
            k * 2
        });
        assert_eq!(out, (0..200).map(|k| k * 2).collect::<Vec<_>>());
        assert!(threads.lock().unwrap().len() > 1);
        assert_eq!(map(0, 4, |k| k), Vec::<usize>::new());
        assert_eq!(map(3, 1, |k| k + 1), vec![1, 2, 3]);
    }
}
