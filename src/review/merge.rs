//! One finding per defect. Several rules may fire on the same words: an
//! editorial bracket left in a stale citation is both `bracket.unresolved`
//! and `citation.stale`. Such findings are merged into one.
//!
//! The rule: findings describe the same defect when they quote the same
//! paragraph of the same file (same resolution, same span) and their marked
//! parts overlap. Of these the finding kept is the most serious, and among
//! equally serious ones the most specific rule — one that knows what the text
//! should say before one that notices only its form: edition markers, then
//! citations, then what the report declares and against the previous
//! edition, then the report's excerpts, then editorial brackets. The others
//! are listed in its `also` (rule, severity, message); its suggestion is its
//! own, or else the first one of the others. Findings that quote nothing
//! (a line of the report) or quote a header only as the place of a text (a
//! declared status, a duplicate) are never merged: they point at a place,
//! not at words.

use crate::model::{AlsoFired, Finding};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::ops::Range;

/// How specific a rule is: lower is more specific.
fn specificity(rule: &str) -> u8 {
    match rule.split('.').next().unwrap_or("") {
        "edition" => 0,
        "citation" => 1,
        "declared" | "against" => 2,
        "excerpt" => 3,
        "bracket" => 4,
        _ => 5,
    }
}

/// Whether two marked parts share words; an empty part (something
/// missing) overlaps what surrounds it.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        let (p, r) = if a.is_empty() { (a, b) } else { (b, a) };
        return r.start <= p.start && p.start <= r.end;
    }
    a.start < b.end && b.start < a.end
}

fn same_place(a: &Finding, b: &Finding) -> bool {
    match (&a.marked_range, &b.marked_range) {
        (Some(ra), Some(rb)) => {
            a.file == b.file && a.span == b.span && a.resolution == b.resolution && overlaps(ra, rb)
        }
        _ => false,
    }
}

/// Merge findings on the same defect (see the module documentation). The
/// order of `findings` is kept, each merged finding standing where the
/// first of its members stood.
pub(crate) fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    // Clusters of findings at one place, as a union-find forest (a
    // cluster's root is its earliest member). Only findings of one
    // paragraph are compared, so the work stays linear in the number of
    // paragraphs with findings.
    let mut parent: Vec<usize> = (0..findings.len()).collect();
    fn root(parent: &[usize], mut k: usize) -> usize {
        while parent[k] != k {
            k = parent[k];
        }
        k
    }
    let mut by_paragraph: BTreeMap<(&str, u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.marked_range.is_none() {
            continue;
        }
        let earlier = by_paragraph
            .entry((&f.file, f.span.first_line, f.span.last_line))
            .or_default();
        for &j in earlier.iter() {
            if same_place(f, &findings[j]) {
                let (a, b) = (root(&parent, i), root(&parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
        earlier.push(i);
    }
    let cluster: Vec<usize> = (0..findings.len()).map(|k| root(&parent, k)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); findings.len()];
    for (i, &c) in cluster.iter().enumerate() {
        members[c].push(i);
    }
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for group in members.into_iter().filter(|m| !m.is_empty()) {
        let keep = group
            .iter()
            .copied()
            .min_by_key(|&k| {
                let f = slots[k]
                    .as_ref()
                    .map(|f| (Reverse(f.severity), specificity(&f.rule)));
                (f, k)
            })
            .unwrap_or(group[0]);
        let Some(mut primary) = slots[keep].take() else {
            continue;
        };
        for k in group {
            let Some(other) = slots[k].take() else {
                continue;
            };
            primary.also.push(AlsoFired {
                rule: other.rule,
                severity: other.severity,
                message: other.message,
            });
            primary.also.extend(other.also);
            if primary.suggestion.is_none() {
                primary.suggestion = other.suggestion;
            }
            for r in other.related {
                if !primary.related.contains(&r) {
                    primary.related.push(r);
                }
            }
        }
        out.push(primary);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FindingSeverity;

    fn f(rule: &str, severity: FindingSeverity, range: Option<Range<usize>>) -> Finding {
        let mut f = Finding::at_line(
            rule,
            severity,
            "a.txt",
            3,
            Some("44".into()),
            crate::model::Message::TemplateField,
        );
        f.marked_range = range;
        f
    }

    #[test]
    fn overlapping_marks_of_one_paragraph_make_one_finding() {
        let fs = vec![
            f("bracket.unresolved", FindingSeverity::Warning, Some(10..20)),
            f("citation.stale", FindingSeverity::Warning, Some(0..30)),
            f("bracket.unresolved", FindingSeverity::Warning, Some(40..50)),
        ];
        let out = merge(fs);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].rule, "citation.stale");
        assert_eq!(
            out[0].rules().collect::<Vec<_>>(),
            ["citation.stale", "bracket.unresolved"]
        );
        assert_eq!(out[1].rule, "bracket.unresolved");
        assert!(out[1].also.is_empty());
    }

    #[test]
    fn the_most_serious_wins_then_the_most_specific() {
        let fs = vec![
            f("bracket.unresolved", FindingSeverity::Error, Some(0..5)),
            f(
                "edition.malformed-year",
                FindingSeverity::Warning,
                Some(2..4),
            ),
        ];
        let out = merge(fs);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, "bracket.unresolved");
        assert!(out[0].fired("edition.malformed-year"));
    }

    #[test]
    fn findings_that_quote_nothing_or_other_paragraphs_stay_apart() {
        let mut other = f("citation.stale", FindingSeverity::Warning, Some(0..5));
        other.span = crate::model::Span::new(7, 8);
        let fs = vec![
            f(
                "declared.report-inconsistent",
                FindingSeverity::Warning,
                None,
            ),
            f(
                "declared.report-inconsistent",
                FindingSeverity::Warning,
                None,
            ),
            f("bracket.unresolved", FindingSeverity::Warning, Some(0..5)),
            other,
        ];
        assert_eq!(merge(fs).len(), 4);
    }

    #[test]
    fn an_empty_mark_touches_what_surrounds_it() {
        assert!(overlaps(&(3..3), &(0..3)));
        assert!(overlaps(&(0..8), &(5..5)));
        assert!(!overlaps(&(0..3), &(3..6)));
        assert!(!overlaps(&(9..9), &(0..3)));
    }
}
