//! Work budgets of the character and token diffs. A diff may do a fixed
//! amount of work, counted in cells of the edit graph (one cell: one
//! diagonal tried or one equal pair followed), never in time: the same input
//! gives the same bytes on any machine, idle or loaded.
//!
//! A diff first asks whether the exact edit script lies within its budget
//! (a greedy search for the edit distance that stops when the budget is
//! spent). When it does not, both sides are cut at sentence punctuation,
//! sentences equal on both sides are paired (sentences unique on both sides
//! anchor the rest, as in a patience diff), and each changed span is diffed
//! the same way at clause punctuation, then by tokens; a span whose own
//! budget is spent is replaced whole. Every level is exact about what it
//! compares, so a long clause with a few changes keeps its equal sentences
//! and stays one modified clause.

use crate::lang::{CLAUSE_MARKS, SENTENCE_ENDS};
use similar::{Algorithm, DiffOp};
use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// Cells a diff may visit per element (character or token) of its two
/// sides. Linear in the input, so that the whole run stays linear however
/// hostile the text: a diff of 5 MB of changed text spends at most some
/// fifty million cells before it falls back to sentences.
pub const CELLS_PER_ELEMENT: u64 = 16;

/// Cells any diff may visit, however short: exact for every pair of real
/// clauses up to a few hundred characters, even when nothing is shared.
pub const CELL_FLOOR: u64 = 1 << 17;

/// How much work one diff may do: `floor + per_element × (len_a + len_b)`
/// cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Cells per element of the input.
    pub per_element: u64,
    /// Cells allowed to any diff.
    pub floor: u64,
}

impl Budget {
    /// The budget every run uses: [`CELLS_PER_ELEMENT`] and [`CELL_FLOOR`].
    pub const STANDARD: Budget = Budget {
        per_element: CELLS_PER_ELEMENT,
        floor: CELL_FLOOR,
    };

    /// A budget so small that nearly every diff takes the fallbacks; tests
    /// use it to show that they too give the same output on every run.
    pub const TINY: Budget = Budget {
        per_element: 0,
        floor: 0,
    };

    /// Cells allowed to a diff of `elements` elements in all.
    pub fn cells(&self, elements: usize) -> u64 {
        self.floor
            .saturating_add(self.per_element.saturating_mul(elements as u64))
    }
}

static PER_ELEMENT: AtomicU64 = AtomicU64::new(CELLS_PER_ELEMENT);
static FLOOR: AtomicU64 = AtomicU64::new(CELL_FLOOR);

/// The budget diffs use in this process ([`Budget::STANDARD`] unless
/// [`set_budget`] changed it).
pub fn budget() -> Budget {
    Budget {
        per_element: PER_ELEMENT.load(Ordering::Relaxed),
        floor: FLOOR.load(Ordering::Relaxed),
    }
}

/// Replace the budget of every later diff in this process. Tests use it to
/// force the fallbacks ([`Budget::TINY`]); the program never calls it.
pub fn set_budget(b: Budget) {
    PER_ELEMENT.store(b.per_element, Ordering::Relaxed);
    FLOOR.store(b.floor, Ordering::Relaxed);
}

/// Outcome of [`edit_distance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distance {
    /// The exact number of deletions plus insertions.
    Within(usize),
    /// More than the `max_d` asked about.
    Beyond,
    /// The budget ran out before the answer was known.
    OutOfWork,
}

/// Number of deletions plus insertions that turn `a` into `b`, when it is at
/// most `max_d` and can be found within `cells` of work (greedy forward
/// search of Myers 1986, `O(N + D²)` on texts with scattered changes).
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T], max_d: usize, cells: u64) -> Distance {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return if n + m <= max_d {
            Distance::Within(n + m)
        } else {
            Distance::Beyond
        };
    }
    if n.abs_diff(m) > max_d {
        return Distance::Beyond;
    }
    // Reaching distance d visits about d²/2 diagonals, so the budget bounds
    // d as well; the frontier array never outgrows it.
    let reachable = (2.0 * cells as f64).sqrt() as usize + 2;
    let limit = max_d.min(n + m);
    let span = limit.min(reachable);
    let off = span as isize + 1;
    let mut v = vec![0usize; 2 * span + 3];
    let mut work = 0u64;
    for d in 0..=span as isize {
        let mut k = -d;
        while k <= d {
            let at = (k + off) as usize;
            let mut x = if k == -d || (k != d && v[at - 1] < v[at + 1]) {
                v[at + 1]
            } else {
                v[at - 1] + 1
            };
            // Every diagonal reached keeps y = x - k ≥ 0 (see the paper).
            let mut y = (x as isize - k) as usize;
            let start = x;
            while x < n && y < m && a[x] == b[y] {
                x += 1;
                y += 1;
            }
            work += 1 + (x - start) as u64;
            v[at] = x;
            if x >= n && y >= m {
                return Distance::Within(d as usize);
            }
            if work > cells {
                return Distance::OutOfWork;
            }
            k += 2;
        }
    }
    if span < limit {
        Distance::OutOfWork
    } else {
        Distance::Beyond
    }
}

/// A coarser level of the fallback: whether a token ends a segment.
pub type Cut<'c, T> = &'c dyn Fn(&T) -> bool;

/// Diff of two token sequences within the [`budget`], falling back to the
/// `cuts` in order (coarsest first) when the exact search would cost more.
pub fn diff<T: Hash + Eq>(a: &[T], b: &[T], cuts: &[Cut<'_, T>]) -> Vec<DiffOp> {
    diff_within(a, b, cuts, budget())
}

/// [`diff`] within a given budget.
pub fn diff_within<T: Hash + Eq>(
    a: &[T],
    b: &[T],
    cuts: &[Cut<'_, T>],
    budget: Budget,
) -> Vec<DiffOp> {
    let mut out = Vec::new();
    diff_into(a, 0, b, 0, cuts, budget, &mut out);
    out
}

/// Cuts for character sequences: sentence punctuation, then clause
/// punctuation (full-width or folded).
pub fn char_cuts() -> [Cut<'static, char>; 2] {
    [&|c: &char| SENTENCE_ENDS.contains(c), &|c: &char| {
        CLAUSE_MARKS.contains(c)
    }]
}

/// Similarity of two character sequences within the [`budget`]: the share
/// of characters the diff keeps, `2·kept / (len_a + len_b)`, as
/// [`similar::TextDiff::ratio`]. Exact whenever the budget allows.
pub fn ratio(a: &[char], b: &[char]) -> f32 {
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    match edit_distance(a, b, total, budget().cells(total)) {
        Distance::Within(d) => (total - d) as f32 / total as f32,
        _ => coarse_ratio(a, b),
    }
}

/// The ratio of the coarser diff, for callers that already know the exact
/// one is out of budget.
pub fn coarse_ratio(a: &[char], b: &[char]) -> f32 {
    let mut ops = Vec::new();
    coarse_into(a, 0, b, 0, &char_cuts(), budget(), &mut ops);
    similar::diff_ratio(&ops, a.len(), b.len())
}

/// A lower bound of the edit distance: every element of one side without a
/// counterpart of the same value on the other side is an edit.
fn distance_floor<T: Hash + Eq>(a: &[T], b: &[T]) -> usize {
    let mut counts: HashMap<&T, isize> = HashMap::with_capacity(a.len().min(4096));
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    let mut shared = 0;
    for t in b {
        if let Some(c) = counts.get_mut(t)
            && *c > 0
        {
            *c -= 1;
            shared += 1;
        }
    }
    a.len() + b.len() - 2 * shared
}

fn diff_into<T: Hash + Eq>(
    a: &[T],
    ao: usize,
    b: &[T],
    bo: usize,
    cuts: &[Cut<'_, T>],
    budget: Budget,
    out: &mut Vec<DiffOp>,
) {
    if a.is_empty() && b.is_empty() {
        return;
    }
    let cells = budget.cells(a.len() + b.len());
    let exact = (a.len() as u64).saturating_mul(b.len() as u64) <= cells || {
        // Reaching distance d costs about d²/2 cells: skip a search that
        // cannot succeed.
        let floor = distance_floor(a, b) as u64;
        floor.saturating_mul(floor) / 2 <= cells
            && matches!(
                edit_distance(a, b, a.len() + b.len(), cells),
                Distance::Within(_)
            )
    };
    if exact {
        out.extend(
            similar::capture_diff_slices(Algorithm::Myers, a, b)
                .into_iter()
                .map(|op| shift(op, ao, bo)),
        );
        return;
    }
    coarse_into(a, ao, b, bo, cuts, budget, out);
}

/// The fallback of [`diff_into`]: cut at the first of `cuts`, pair equal
/// segments, diff the changed spans one level finer.
fn coarse_into<T: Hash + Eq>(
    a: &[T],
    ao: usize,
    b: &[T],
    bo: usize,
    cuts: &[Cut<'_, T>],
    budget: Budget,
    out: &mut Vec<DiffOp>,
) {
    let Some((cut, finer)) = cuts.split_first() else {
        replace(ao..ao + a.len(), bo..bo + b.len(), out);
        return;
    };
    let (sa, sb) = (segments(a, *cut), segments(b, *cut));
    if sa.len() <= 1 && sb.len() <= 1 {
        diff_into(a, ao, b, bo, finer, budget, out);
        return;
    }
    let mut ids: HashMap<&[T], u32> = HashMap::new();
    let mut ia = Vec::with_capacity(sa.len());
    for r in &sa {
        let next = ids.len() as u32;
        ia.push(*ids.entry(&a[r.clone()]).or_insert(next));
    }
    let mut ib = Vec::with_capacity(sb.len());
    for r in &sb {
        let next = ids.len() as u32;
        ib.push(*ids.entry(&b[r.clone()]).or_insert(next));
    }
    let tok = |segs: &[Range<usize>], from: usize, len: usize| -> Range<usize> {
        if len == 0 {
            let at = segs
                .get(from)
                .map_or_else(|| segs.last().map_or(0, |r| r.end), |r| r.start);
            at..at
        } else {
            segs[from].start..segs[from + len - 1].end
        }
    };
    // Changed spans between equal sentences are diffed one level finer.
    let mut pending: Option<(Range<usize>, Range<usize>)> = None;
    let flush = |p: &mut Option<(Range<usize>, Range<usize>)>, out: &mut Vec<DiffOp>| {
        if let Some((ra, rb)) = p.take() {
            diff_into(
                &a[ra.clone()],
                ao + ra.start,
                &b[rb.clone()],
                bo + rb.start,
                finer,
                budget,
                out,
            );
        }
    };
    for op in similar::capture_diff_slices(Algorithm::Patience, &ia, &ib) {
        let (o, n) = (op.old_range(), op.new_range());
        let (ra, rb) = (tok(&sa, o.start, o.len()), tok(&sb, n.start, n.len()));
        if let DiffOp::Equal { .. } = op {
            flush(&mut pending, out);
            out.push(DiffOp::Equal {
                old_index: ao + ra.start,
                new_index: bo + rb.start,
                len: ra.len(),
            });
        } else {
            pending = Some(match pending.take() {
                Some((pa, pb)) => (pa.start.min(ra.start)..pa.end.max(ra.end), {
                    pb.start.min(rb.start)..pb.end.max(rb.end)
                }),
                None => (ra, rb),
            });
        }
    }
    flush(&mut pending, out);
}

/// Runs of tokens each ending at a cut token (the last may not).
fn segments<T>(s: &[T], cut: Cut<'_, T>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in s.iter().enumerate() {
        if cut(t) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

fn replace(a: Range<usize>, b: Range<usize>, out: &mut Vec<DiffOp>) {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => {}
        (false, true) => out.push(DiffOp::Delete {
            old_index: a.start,
            old_len: a.len(),
            new_index: b.start,
        }),
        (true, false) => out.push(DiffOp::Insert {
            old_index: a.start,
            new_index: b.start,
            new_len: b.len(),
        }),
        (false, false) => out.push(DiffOp::Replace {
            old_index: a.start,
            old_len: a.len(),
            new_index: b.start,
            new_len: b.len(),
        }),
    }
}

fn shift(op: DiffOp, ao: usize, bo: usize) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: old_index + ao,
            new_index: new_index + bo,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index: old_index + ao,
            old_len,
            new_index: new_index + bo,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index: old_index + ao,
            new_index: new_index + bo,
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index: old_index + ao,
            old_len,
            new_index: new_index + bo,
            new_len,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Apply `ops` to `a` and `b`, checking they cover both sides in order.
    fn replay(ops: &[DiffOp], a: &[char], b: &[char]) -> (String, usize) {
        let (mut i, mut j, mut kept) = (0, 0, 0);
        let mut s = String::new();
        for op in ops {
            let (o, n) = (op.old_range(), op.new_range());
            assert_eq!((o.start, n.start), (i, j), "{ops:?}");
            if let DiffOp::Equal { .. } = op {
                assert_eq!(a[o.clone()], b[n.clone()]);
                kept += o.len();
            }
            s.extend(&b[n.clone()]);
            (i, j) = (o.end, n.end);
        }
        assert_eq!((i, j), (a.len(), b.len()));
        (s, kept)
    }

    #[test]
    fn distance_counts_deletions_and_insertions() {
        let d = |a: &str, b: &str, max| edit_distance(&chars(a), &chars(b), max, 1_000);
        assert_eq!(d("abcd", "bcde", 8), Distance::Within(2));
        assert_eq!(d("abc", "abc", 0), Distance::Within(0));
        assert_eq!(d("", "abc", 3), Distance::Within(3));
        assert_eq!(d("abcd", "wxyz", 8), Distance::Within(8));
        assert_eq!(d("abcd", "wxyz", 7), Distance::Beyond);
        assert_eq!(
            d("其他组织的工作", "其它组织的工作", 4),
            Distance::Within(2)
        );
        let long_a: Vec<u32> = (0..400).collect();
        let long_b: Vec<u32> = (1000..1400).collect();
        assert_eq!(
            edit_distance(&long_a, &long_b, 800, 100),
            Distance::OutOfWork
        );
    }

    #[test]
    fn distance_agrees_with_similar_on_small_inputs() {
        let words = [
            "甲乙丙丁",
            "乙丙丁戊",
            "甲甲乙乙",
            "丁丙乙甲",
            "",
            "甲",
            "乙丙",
        ];
        for a in words {
            for b in words {
                let (ca, cb) = (chars(a), chars(b));
                let ops = similar::capture_diff_slices(Algorithm::RawMyers, &ca, &cb);
                let kept: usize = ops
                    .iter()
                    .filter(|o| matches!(o, DiffOp::Equal { .. }))
                    .map(|o| o.old_range().len())
                    .sum();
                let want = ca.len() + cb.len() - 2 * kept;
                assert_eq!(
                    edit_distance(&ca, &cb, 99, 10_000),
                    Distance::Within(want),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn out_of_budget_keeps_the_equal_sentences() {
        let a = chars("第一句没有改动。第二句要改一个字，其余不变。第三句也不变；");
        let b = chars("第一句没有改动。第二句要换一个字，其余不变。第三句也不变；");
        let ops = diff_within(&a, &b, &char_cuts(), Budget::TINY);
        let (rebuilt, kept) = replay(&ops, &a, &b);
        assert_eq!(rebuilt, b.iter().collect::<String>());
        // Only the changed clause `第二句要改一个字，` is replaced.
        assert_eq!(kept, a.len() - "第二句要改一个字，".chars().count());
        let exact = diff_within(&a, &b, &char_cuts(), Budget::STANDARD);
        assert_eq!(replay(&exact, &a, &b).1, a.len() - 1);
    }
}
