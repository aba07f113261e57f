//! The one worker pool of vinhdanh: jobs, a batch's chunks, a chunk's exports, `--png` images
//! and the page's images all run through [`map`]. Work is handed out one item at a time from a
//! shared counter, so a long item never holds up the short ones queued behind another thread.
//!
//! Maps nest (a job's batch maps its chunks, a chunk its exports), and every nested map shares
//! the outermost map's budget of `workers` threads at work: a thread works only while it holds
//! one of the budget's places. Each map gave its own threads before, so two batches running
//! side by side laid out four chunks at once on two cores (and exported eight), which slowed
//! the long lists laid out beside them threefold and raised the memory peak, for no gain.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};

/// Stack of a worker thread: Typst's layout recurses deeply on long tables (a 10,000-row
/// decision appendix), far past the 2 MiB a spawned thread gets by default.
pub(crate) const STACK: usize = 64 << 20;

/// The number of cores (2 where it cannot be known): the default of `--jobs`.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The places of an outermost map: how many more threads may work now.
struct Budget {
    free: Mutex<usize>,
    freed: Condvar,
}

impl Budget {
    fn take(&self) {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
    }

    fn give(&self) {
        *self.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.freed.notify_one();
    }
}

thread_local! {
    /// The budget of the map this thread works for; `None` outside any map.
    static BUDGET: RefCell<Option<Arc<Budget>>> = const { RefCell::new(None) };
}

/// Runs `f` with `budget` as this thread's budget, restoring the one it had.
fn under<R>(budget: &Arc<Budget>, f: impl FnOnce() -> R) -> R {
    let before = BUDGET.with(|b| b.borrow_mut().replace(budget.clone()));
    let r = f();
    BUDGET.with(|b| *b.borrow_mut() = before);
    r
}

/// `work(k)` for every `k` in `0..n`, on at most `workers` threads (the calling thread alone
/// when that is 1 or there is one item); the results in `k`'s order.
///
/// The calling thread works too, in the place it already holds (a map's caller holds one). The
/// helper threads take a place of the outermost map's budget for each item, so however deep the
/// maps nest, no more threads work at once than the outermost map was given. While the caller
/// waits for its helpers' last items it gives its place up.
pub fn map<R: Send>(n: usize, workers: usize, work: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let workers = workers.clamp(1, n.max(1));
    if workers == 1 {
        return (0..n).map(work).collect();
    }
    let budget = BUDGET.with(|b| b.borrow().clone()).unwrap_or_else(|| {
        Arc::new(Budget {
            free: Mutex::new(workers - 1),
            freed: Condvar::new(),
        })
    });
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(n));
    let run = |k: usize| {
        let r = work(k);
        done.lock().unwrap().push((k, r));
    };
    std::thread::scope(|s| {
        for _ in 1..workers {
            std::thread::Builder::new()
                .stack_size(STACK)
                .spawn_scoped(s, || {
                    under(&budget, || {
                        while next.load(Ordering::Relaxed) < n {
                            budget.take();
                            let k = next.fetch_add(1, Ordering::Relaxed);
                            if k < n {
                                run(k);
                            }
                            budget.give();
                        }
                    })
                })
                .expect("spawn a worker thread");
        }
        under(&budget, || {
            loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                if k >= n {
                    break;
                }
                run(k);
            }
        });
        // The helpers finish their last items in the caller's place.
        budget.give();
    });
    budget.take();
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

    /// Jobs whose batches map their chunks, whose chunks map their exports: never more at
    /// work at once than the jobs' map was given, and that many for most of the time.
    #[test]
    fn nested_maps_share_the_outermost_budget() {
        use std::sync::atomic::AtomicUsize;
        let (busy, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let at_work = || {
            let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(2));
            busy.fetch_sub(1, Ordering::SeqCst);
        };
        let sums = map(4, 2, |job| {
            map(3, 2, |chunk| {
                map(3, 4, |file| {
                    at_work();
                    job * 100 + chunk * 10 + file
                })
            })
            .into_iter()
            .flatten()
            .sum::<usize>()
        });
        let expected: Vec<usize> = (0..4)
            .map(|job| {
                (0..3)
                    .flat_map(|c| (0..3).map(move |f| job * 100 + c * 10 + f))
                    .sum()
            })
            .collect();
        assert_eq!(sums, expected);
        assert_eq!(most.load(Ordering::SeqCst), 2, "threads at work at once");
        // The budget is the outermost map's: a later map starts afresh.
        most.store(0, Ordering::SeqCst);
        map(6, 3, |_| at_work());
        assert_eq!(most.load(Ordering::SeqCst), 3);
    }
}
