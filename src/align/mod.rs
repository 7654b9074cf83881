//! Align: pair what corresponds between two editions. Resolutions pair by
//! number or resolved provisional id ([`align_editions`]); within a pair,
//! sections by kind and addressee, and clauses by content, not label (the
//! diff stage asks for both). The result says how every pair was made; turning pairs
//! into changes is the diff stage's job.

pub(crate) mod clauses;
mod ids;
pub(crate) mod keys;
pub(crate) mod sections;
pub(crate) use clauses::{Container, ReportOrder, UnitPair, UnitRef, UnitSides, align_resolution};
pub(crate) use ids::normalize_id;
pub use ids::{
    EditionAlignment, IdMap, IdMapEntry, IdOptions, Located, ResolutionPair, align_editions,
};
pub use keys::{base_key, editorial_key};

use crate::diff::budget::{self, Distance};

/// Minimum similarity for two clauses to count as one clause modified: the
/// share of characters the two comparison keys have in common
/// (`2·matches / (len_a + len_b)`, as [`similar::TextDiff::ratio`]). At 0.5
/// a clause may lose or gain about a third of its words and still be the
/// same clause; below that, reviewers read an added and a removed clause
/// more easily than a redline that is mostly red and green.
pub const CLAUSE_THRESHOLD: f32 = 0.5;

/// Minimum similarity of two headings of the same kind for their sections
/// to pair when their addressees differ. Headings are short and share their
/// keyword, so the bar is higher than for clauses.
pub const HEADING_THRESHOLD: f32 = 0.75;

/// Most clause pairs one resolution's similarity rounds may score. Real
/// resolutions need a few thousand (lists of a few dozen clauses); past this
/// bound each clause is scored only against the candidates an index of
/// rare character pairs finds for it, and the diff says so, so that hostile
/// input (thousands of shuffled clauses) cannot make the quadratic search
/// run for minutes.
pub const MAX_SCORED_PAIRS: usize = 200_000;

/// A character sequence prepared for [`similarity_of`]: the characters, and
/// the same sorted (for the cheap shared-character bound).
#[derive(Debug, Clone, Default)]
pub(crate) struct SimilarityKey {
    chars: Vec<char>,
    sorted: Vec<char>,
}

impl SimilarityKey {
    /// The characters of the key.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Prepare `text` (usually a comparison key).
    pub(crate) fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut sorted = chars.clone();
        sorted.sort_unstable();
        SimilarityKey { chars, sorted }
    }
}

/// Similarity ratio of two character sequences when it reaches `threshold`,
/// else `None`. Cheap bounds are tried before the diff: the length ratio and
/// the shared character multiset both cap the ratio, so most hopeless pairs
/// never reach the diff. The ratio is exact (`1 − distance / total`) within
/// the diff [`budget`]; past it, the coarser diff's
/// ratio, which never exceeds the exact one.
pub fn similarity(a: &[char], b: &[char], threshold: f32) -> Option<f32> {
    let key = |c: &[char]| {
        let mut sorted = c.to_vec();
        sorted.sort_unstable();
        SimilarityKey {
            chars: c.to_vec(),
            sorted,
        }
    };
    similarity_of(&key(a), &key(b), threshold)
}

/// [`similarity`] of two prepared keys.
pub(crate) fn similarity_of(a: &SimilarityKey, b: &SimilarityKey, threshold: f32) -> Option<f32> {
    let total = a.chars.len() + b.chars.len();
    if total == 0 {
        return Some(1.0);
    }
    let cap = |shared: usize| 2.0 * shared as f32 / total as f32;
    if cap(a.chars.len().min(b.chars.len())) < threshold {
        return None;
    }
    let shared = shared_sorted(&a.sorted, &b.sorted);
    if cap(shared) < threshold {
        return None;
    }
    // ratio ≥ threshold ⇔ distance ≤ (1 − threshold)·total: the search
    // stops as soon as the pair cannot reach the threshold.
    let max_d = ((1.0 - threshold.clamp(0.0, 1.0)) * total as f32) as usize;
    let cells = budget::budget().cells(total);
    // Every unshared character is an edit, and reaching distance d costs
    // about d²/2 cells: a search that cannot finish is not started.
    let floor = (total - 2 * shared) as u64;
    let hopeless = floor.saturating_mul(floor) / 2 > cells;
    let found = if hopeless {
        Distance::OutOfWork
    } else {
        budget::edit_distance(&a.chars, &b.chars, max_d, cells)
    };
    let ratio = match found {
        Distance::Within(d) => (total - d) as f32 / total as f32,
        Distance::Beyond => return None,
        Distance::OutOfWork => budget::coarse_ratio(&a.chars, &b.chars),
    };
    (ratio >= threshold).then_some(ratio)
}

/// Size of the multiset intersection of two sorted character sequences.
fn shared_sorted(x: &[char], y: &[char]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn similarity_bounds_and_ratio() {
        assert_eq!(similarity(&chars("abcd"), &chars("bcde"), 0.5), Some(0.75));
        assert_eq!(similarity(&chars("abcd"), &chars("wxyz"), 0.5), None);
        // Length ratio alone rules this out.
        assert_eq!(similarity(&chars("a"), &chars("abcdefgh"), 0.5), None);
        assert_eq!(similarity(&[], &[], 0.5), Some(1.0));
    }

    #[test]
    fn shared_chars_counts_multiset() {
        assert_eq!(shared_sorted(&chars("aab"), &chars("abb")), 2);
        let (a, b) = (
            SimilarityKey::new("其他组织的工作"),
            SimilarityKey::new("其它组织的工作"),
        );
        assert_eq!(shared_sorted(&a.sorted, &b.sorted), 6);
        assert!(similarity_of(&a, &b, 0.5).is_some_and(|r| r > 0.8));
    }
}
