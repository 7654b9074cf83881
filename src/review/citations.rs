//! Citations of resolutions (`本届全会第44号决议（2022年，日内瓦，修订版）`):
//! which series each belongs to, and the rules on this assembly's own
//! series — stale editions, `本届全会` with an earlier edition, the
//! assembly's edition on a resolution it does not revise, citations of
//! suppressed or unknown resolutions.
//!
//! A citation belongs to the assembly's own series when the first series
//! qualifier of its phrase (the text since the previous citation, `，`, `；`
//! or `。`) names it (`本届全会`, `世界电信标准化全会`, `WTSA`); names another
//! series (`全权代表大会`, `世界电信发展大会`, `理事会`, …); or, when the
//! phrase has no qualifier, when its edition is one of the own series'
//! editions named in the edition's history lines. A bare connector
//! (`、`, `和`) continues the previous citation's series. Citations with no
//! qualifier and no edition are left alone: nothing safe can be said.

use super::support::{Unit, UnitKind, YearPlace, read_edition};
use super::{Context, Text};
use crate::lang::{Lang, punct};
use crate::model::{Action, Finding, FindingSeverity, Message};
use std::collections::BTreeSet;
use std::ops::Range;

pub use crate::lang::Series;

/// A citation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Numbers cited (`第44号和第54号决议` cites two).
    pub numbers: Vec<u32>,
    /// Byte range of the whole citation.
    pub range: Range<usize>,
    /// Byte range of the edition bracket's inside, if any.
    pub edition: Option<Range<usize>>,
    /// Series it belongs to.
    pub series: Series,
}

/// Every citation of `text`, with its series. `own_editions` are the own
/// series' editions (from the history lines).
pub fn find_citations(
    text: &str,
    own_editions: &BTreeSet<YearPlace>,
    lang: &Lang,
) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    let mut prev_end = 0;
    let matches: Vec<_> = lang.forms.citation.find_iter(text).collect();
    for (k, m) in matches.iter().enumerate() {
        let all = &m.range;
        let mut numbers = Vec::new();
        for part in [&m.first, &m.further] {
            let runs = text[part.clone()].split(|c: char| !punct::is_any_digit(c));
            for n in runs.filter(|r| !r.is_empty()) {
                if let Ok(v) = crate::text::fold_digits(n).parse() {
                    numbers.push(v);
                }
            }
        }
        let edition = m.edition.clone();
        let phrase_start = text[..all.start]
            .char_indices()
            .filter(|(_, c)| punct::PHRASE_BREAKS.contains(c))
            .map(|(i, c)| i + c.len_utf8())
            .next_back()
            .unwrap_or(0)
            .max(prev_end);
        let before = &text[phrase_start..all.start];
        // Where the qualifier follows (`Resolution 77 (…) of this
        // conference`), the phrase runs to the next break or citation.
        let phrase = if lang.qualifier_follows {
            let next = matches.get(k + 1).map_or(text.len(), |n| n.range.start);
            let end = text[all.end..next]
                .find(punct::PHRASE_BREAKS)
                .map_or(next, |i| all.end + i);
            &text[all.end..end]
        } else {
            before
        };
        let qualifier = lang
            .citation_qualifiers
            .iter()
            .filter_map(|(q, s)| phrase.find(q).map(|i| (i, std::cmp::Reverse(q.len()), *s)))
            .min_by_key(|(i, len, _)| (*i, *len))
            .map(|(_, _, s)| s);
        let continues = prev_end > 0 && phrase_start == prev_end && {
            let p = before.trim();
            p.is_empty() || lang.citation_connectors.contains(&p)
        };
        let edition_yp = edition
            .as_ref()
            .and_then(|r| read_edition(&text[r.clone()], lang).year_place());
        let series = match qualifier {
            // `由WTSA根据第208号决议（2022年，布加勒斯特）`: the qualifier is the
            // subject of the sentence; an edition of another series wins,
            // unless the qualifier says "this assembly" outright.
            Some(Series::Own { literal: false })
                if edition_yp
                    .as_ref()
                    .is_some_and(|yp| !own_editions.contains(yp)) =>
            {
                Series::Other
            }
            Some(s) => s,
            None if continues => out.last().map(|c| c.series).unwrap_or(Series::Unknown),
            None => match &edition_yp {
                Some(yp) if own_editions.contains(yp) => Series::Own { literal: false },
                Some(_) => Series::Other,
                None => Series::Unknown,
            },
        };
        prev_end = all.end;
        out.push(Citation {
            numbers,
            range: all.clone(),
            edition,
            series,
        });
    }
    out
}

/// Run the citation rules over every text.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let suppressed = suppressed_numbers(ctx);
    let known = known_numbers(ctx);
    for &t in &ctx.texts {
        for unit in t.res.text_units() {
            if matches!(
                unit.kind,
                UnitKind::Header | UnitKind::History | UnitKind::Assembly | UnitKind::AnnexCaption
            ) || is_caption(unit.text, ctx.lang)
            {
                continue;
            }
            for c in find_citations(unit.text, &ctx.own_editions, ctx.lang) {
                if let Series::Own { literal } = c.series {
                    own_citation(ctx, t, &unit, &c, literal, &suppressed, &known, out);
                }
            }
        }
    }
}

fn is_caption(text: &str, lang: &Lang) -> bool {
    lang.forms.annex_caption.is_match(text.trim())
}

/// Numbers suppressed at this assembly: SUP texts and the report's list.
fn suppressed_numbers(ctx: &Context) -> BTreeSet<u32> {
    let mut s: BTreeSet<u32> = ctx
        .texts
        .iter()
        .filter(|t| t.res.action == Some(Action::Sup))
        .filter_map(|t| t.res.number)
        .collect();
    if let Some(r) = ctx.report {
        s.extend(r.report.suppressed.iter().map(|n| n.number));
    }
    s
}

/// Numbers known to exist, and whether the set is complete (a previous
/// edition was given): `None` when nothing can be said.
pub(crate) struct Known {
    numbers: BTreeSet<u32>,
    complete: bool,
}

fn known_numbers(ctx: &Context) -> Option<Known> {
    if ctx.report.is_none() && ctx.against.is_none() {
        return None;
    }
    let mut numbers: BTreeSet<u32> = ctx
        .texts
        .iter()
        .filter_map(|t| ctx.number_of(t.res))
        .collect();
    if let Some(r) = ctx.report {
        let rep = r.report;
        numbers.extend(rep.new_resolutions.iter().map(|n| n.number));
        numbers.extend(rep.new_listed.iter().map(|n| n.number));
        numbers.extend(rep.revised.iter().map(|n| n.number));
        numbers.extend(rep.suppressed.iter().map(|n| n.number));
        numbers.extend(rep.status_table.iter().map(|n| n.number));
        numbers.extend(rep.excerpts.iter().map(|n| n.number));
    }
    if let Some(prev) = ctx.against {
        for d in &prev.documents {
            numbers.extend(d.resolutions.iter().filter_map(|r| r.number));
        }
    }
    Some(Known {
        numbers,
        complete: ctx.against.is_some_and(|p| !p.partial),
    })
}

#[allow(clippy::too_many_arguments)] // the rule's inputs, each needed
fn own_citation(
    ctx: &Context,
    t: Text,
    unit: &Unit,
    c: &Citation,
    literal: bool,
    suppressed: &BTreeSet<u32>,
    known: &Option<Known>,
    out: &mut Vec<Finding>,
) {
    let edition = c
        .edition
        .as_ref()
        .map(|r| (r.clone(), read_edition(&unit.text[r.clone()], ctx.lang)));
    let own_number = t.res.number;
    let mut stale = Vec::new();
    for &n in &c.numbers {
        // A resolution citing an earlier edition of itself refers to that
        // edition on purpose (`根据WTSA有关成立SCV的第67号决议（2008年…）`).
        if own_number == Some(n) {
            continue;
        }
        if suppressed.contains(&n) {
            out.push(ctx.finding(
                "citation.suppressed",
                FindingSeverity::Warning,
                t,
                unit,
                c.range.clone(),
                Message::CitesSuppressed { number: n },
            ));
        }
        if let Some(k) = known {
            let max = k.numbers.iter().next_back().copied().unwrap_or(0);
            if k.complete && !k.numbers.contains(&n) && n <= max {
                // Below the highest number known, a gap is more likely a
                // previous edition that lacks the text than a citation of
                // a resolution that never was.
                out.push(ctx.finding(
                    "citation.not-in-previous",
                    FindingSeverity::Info,
                    t,
                    unit,
                    c.range.clone(),
                    Message::CitesNotInPrevious { number: n },
                ));
            } else if n > max {
                out.push(ctx.finding(
                    "citation.unknown",
                    FindingSeverity::Warning,
                    t,
                    unit,
                    c.range.clone(),
                    Message::CitesUnknown { number: n },
                ));
            }
        }
        let (Some((range, e)), Some(asm)) = (&edition, &ctx.assembly) else {
            continue;
        };
        let Some(yp) = e.year_place() else { continue };
        if &yp != asm {
            if ctx.revised.contains(&n) {
                stale.push(n);
            } else if literal && !e.bracketed {
                out.push(ctx.finding(
                    "citation.qualifier-edition",
                    FindingSeverity::Warning,
                    t,
                    unit,
                    c.range.clone(),
                    Message::ThisAssemblyEarlierEdition {
                        number: n,
                        edition: yp.clone(),
                    },
                ));
            }
        } else if e.revised && !ctx.revised.contains(&n) && !ctx.partial {
            out.push(ctx.finding(
                "citation.not-revised",
                FindingSeverity::Warning,
                t,
                unit,
                range.clone(),
                Message::CitesUnrevised {
                    number: n,
                    assembly: asm.clone(),
                },
            ));
        }
    }
    // One finding per stale citation, however many numbers it cites: the
    // edition bracket to correct is one.
    if let (Some((range, _)), Some(asm), false) = (&edition, &ctx.assembly, stale.is_empty()) {
        let current = ctx.lang.edition_text(asm.year, &asm.place, true);
        let whole = with_bracketed_qualifier(unit.text, c.range.clone());
        let unbracket = |s: &str| -> String {
            s.chars()
                .filter(|ch| !punct::SQUARE_BRACKETS.contains(ch))
                .collect()
        };
        let suggestion = format!(
            "{}{current}{}",
            unbracket(&unit.text[whole.start..range.start]),
            unbracket(&unit.text[range.end..whole.end])
        );
        let mut f = ctx.finding(
            "citation.stale",
            FindingSeverity::Warning,
            t,
            unit,
            whole,
            Message::StaleCitation {
                numbers: stale,
                written: unit.text[range.clone()].to_string(),
                assembly: asm.clone(),
            },
        );
        f.suggestion = Some(suggestion);
        out.push(f);
    }
}

/// `range` of a citation, widened to take in an editorial bracket right
/// before it (`[本届全会]第44号决议（…）`): correcting the citation settles the
/// bracket too.
fn with_bracketed_qualifier(text: &str, range: Range<usize>) -> Range<usize> {
    let before = text[..range.start].trim_end();
    let Some(close) = before.chars().next_back() else {
        return range;
    };
    if !punct::CLOSE_SQUARE.contains(&close) {
        return range;
    }
    let inner = &before[..before.len() - close.len_utf8()];
    match inner
        .char_indices()
        .rev()
        .find(|(_, ch)| punct::SQUARE_BRACKETS.contains(ch))
    {
        Some((open, ch)) if punct::OPEN_SQUARE.contains(&ch) => open..range.end,
        _ => range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    fn own() -> BTreeSet<YearPlace> {
        [(2022, "日内瓦"), (2016, "哈马马特"), (2024, "新德里")]
            .into_iter()
            .map(|(year, p)| YearPlace {
                year,
                place: p.into(),
            })
            .collect()
    }

    fn series(text: &str) -> Vec<(Vec<u32>, Series)> {
        find_citations(text, &own(), &ZH)
            .into_iter()
            .map(|c| (c.numbers, c.series))
            .collect()
    }

    const OWN: Series = Series::Own { literal: false };
    const THIS: Series = Series::Own { literal: true };

    #[test]
    fn first_qualifier_of_the_phrase_decides() {
        assert_eq!(
            series(
                "a) 全权代表大会有关世界电信标准化全会（WTSA）不断演进的作用的第122号决议（2010年，瓜达拉哈拉，修订版）；"
            ),
            vec![(vec![122], Series::Other)]
        );
        assert_eq!(
            series(
                "l) 与ITU-R和ITU-D开展合作和协调，并考虑到[本届全会]第18号决议（[2022年，日内瓦]，修订版）；"
            ),
            vec![(vec![18], THIS)]
        );
        assert_eq!(
            series(
                "k) 根据全权代表大会第208号决议（2022年，布加勒斯特，修订版）和WTSA第1号决议（2022年，日内瓦，修订版）"
            ),
            vec![(vec![208], Series::Other), (vec![1], OWN)]
        );
    }

    #[test]
    fn connectors_continue_and_editions_decide_when_unqualified() {
        assert_eq!(
            series(
                "a) 全权代表大会第101号决议（2022年，布加勒斯特，修订版）、第102号决议（2022年，布加勒斯特，修订版）"
            ),
            vec![(vec![101], Series::Other), (vec![102], Series::Other)]
        );
        assert_eq!(
            series("4 支持根据第54号决议（2022年，日内瓦，修订版）"),
            vec![(vec![54], OWN)]
        );
        assert_eq!(
            series("b) 如第188号决议（2014年，釜山）"),
            vec![(vec![188], Series::Other)]
        );
        assert_eq!(series("根据第2号决议"), vec![(vec![2], Series::Unknown)]);
        assert_eq!(
            series("c) [本届全会]第44号和第54号决议（[2022年，日内瓦]，修订版）"),
            vec![(vec![44, 54], THIS)]
        );
        assert_eq!(series("第２号决议"), vec![(vec![2], Series::Unknown)]);
        assert_eq!(
            series("8 SCV的主席应由WTSA根据第208号决议（2022年，布加勒斯特，修订版）进行提名；"),
            vec![(vec![208], Series::Other)]
        );
    }
}
