//! Work spread over the machine's cores with results kept in input order,
//! so that a parallel run writes exactly the bytes of a serial one.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads to use for `jobs` (0: one per core), never more than `items`.
pub fn threads(jobs: usize, items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let wanted = if jobs == 0 { cores } else { jobs };
    wanted.min(items).max(1)
}

/// `f` applied to every item, on up to `jobs` threads (0: one per core),
/// results in the order of `items`. Threads take the next item as they
/// finish one, so uneven items still share the work; with one thread (or
/// one item) nothing is spawned. The calling thread is one of the workers:
/// each spawned thread costs a stack and, at its first allocation, a malloc
/// arena of its own, which a thread that only waited would waste.
pub fn map_ordered<T, R, F>(items: &[T], jobs: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let n = threads(jobs, items.len());
    if n <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let r = f(item);
            if let Ok(mut slots) = slots.lock() {
                slots[i] = Some(r);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..n {
            s.spawn(work);
        }
        work();
    });
    // A worker that panicked has already propagated its panic from `scope`,
    // so every slot is filled here.
    slots
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_on_any_thread_count() {
        let items: Vec<u64> = (0..200).collect();
        let serial = map_ordered(&items, 1, |x| x * x);
        for jobs in [0, 2, 3, 8] {
            assert_eq!(map_ordered(&items, jobs, |x| x * x), serial);
        }
        assert!(map_ordered(&Vec::<u64>::new(), 0, |x| *x).is_empty());
    }
}
