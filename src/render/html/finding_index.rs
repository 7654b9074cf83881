//! Review findings indexed by resolution and location, so that placing them
//! beside the changes of a report takes a lookup per change instead of a
//! scan of every finding (the page stays linear in report plus findings).

use crate::model::{Finding, ResolutionDiff, Span};
use std::collections::BTreeMap;

/// Findings by resolution id, each list sorted by file and first line.
pub(super) struct FindingIndex<'f> {
    all: &'f [Finding],
    by_resolution: BTreeMap<&'f str, Vec<usize>>,
    /// Most lines a finding spans, less one: how far before a change a
    /// finding that overlaps it may start.
    longest: u32,
}

impl<'f> FindingIndex<'f> {
    pub(super) fn new(all: &'f [Finding]) -> Self {
        let mut by_resolution: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut longest = 0;
        for (k, f) in all.iter().enumerate() {
            if let Some(id) = f.resolution.as_deref() {
                by_resolution.entry(id).or_default().push(k);
                longest = longest.max(f.span.last_line.saturating_sub(f.span.first_line));
            }
        }
        for list in by_resolution.values_mut() {
            list.sort_by(|&x, &y| {
                let (a, b) = (&all[x], &all[y]);
                (a.file.as_str(), a.span.first_line, x).cmp(&(
                    b.file.as_str(),
                    b.span.first_line,
                    y,
                ))
            });
        }
        FindingIndex {
            all,
            by_resolution,
            longest,
        }
    }

    fn lists(&self, r: &ResolutionDiff) -> impl Iterator<Item = &Vec<usize>> {
        std::iter::once(&r.id)
            .chain(&r.aliases)
            .filter_map(|id| self.by_resolution.get(id.as_str()))
    }

    /// Indices of the findings concerning `r` (by id or alias), in order.
    pub(super) fn of(&self, r: &ResolutionDiff) -> Vec<usize> {
        let mut out: Vec<usize> = self.lists(r).flatten().copied().collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Push the indices of the findings concerning `r` in `file` whose span
    /// overlaps `span` (unsorted, possibly repeated across aliases).
    pub(super) fn on(&self, r: &ResolutionDiff, file: &str, span: Span, out: &mut Vec<usize>) {
        let from = span.first_line.saturating_sub(self.longest);
        for list in self.lists(r) {
            let lo = list.partition_point(|&k| {
                let f = &self.all[k];
                (f.file.as_str(), f.span.first_line) < (file, from)
            });
            for &k in &list[lo..] {
                let f = &self.all[k];
                if f.file != file || f.span.first_line > span.last_line {
                    break;
                }
                if f.span.last_line >= span.first_line {
                    out.push(k);
                }
            }
        }
    }
}
