//! Edition markers: the header edition against the assembly, `修订版` on ADD
//! texts, history lines (well-formed items, ending with the assembly),
//! annex captions `（第N号决议（…））`, and malformed years anywhere.
//!
//! A history item with a year but no place (`2009年` in Resolution 2) is an
//! amendment made between assemblies (by TSAG); the texts explain each with a
//! footnote. Such items are reported as `info` when the history line carries
//! footnotes, as `warning` (`edition.history-item`) when it does not.

use super::support::{Unit, UnitKind, YearPlace, read_edition};
use super::{Context, Text};
use crate::lang::{Lang, punct};
use crate::model::{Action, Finding, FindingSeverity, HistoryProblem, Message, RelatedPlace};
use std::collections::BTreeMap;

/// One item of a history line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryPiece {
    /// Byte range in the history text.
    pub range: std::ops::Range<usize>,
    /// Year, when the item starts with four digits and `年`.
    pub year: Option<u32>,
    /// Place, when one follows.
    pub place: Option<String>,
    /// What is wrong with it, if anything.
    pub problem: Option<HistoryProblem>,
}

/// Split a history line (`（1993年，赫尔辛基；…；2024年，新德里）`) into its
/// items, recovering `2024年；新德里` (a `；` where `，` belongs) as one item.
pub fn split_history(text: &str, lang: &Lang) -> Vec<HistoryPiece> {
    let inner_start = text
        .find(punct::OPEN_PARENS)
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let inner_end = text
        .rfind(punct::CLOSE_PARENS)
        .filter(|&e| e >= inner_start)
        .unwrap_or(text.len());
    let inner = &text[inner_start..inner_end];
    let mut raw: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        if c == lang.history_separator {
            raw.push(start..i);
            start = i + c.len_utf8();
        }
    }
    raw.push(start..inner.len());
    let mut out: Vec<HistoryPiece> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let r = raw[i].clone();
        let item = inner[r.clone()].trim();
        let e = read_edition(item, lang);
        let year_only = !e.year_digits.is_empty() && e.place.is_none();
        // `2024年；新德里`: a year alone followed by a place alone.
        let next_is_place = raw
            .get(i + 1)
            .map(|n| inner[n.clone()].trim())
            .is_some_and(|n| !n.is_empty() && !n.starts_with(|c: char| c.is_ascii_digit()));
        if year_only && next_is_place {
            let n = raw[i + 1].clone();
            out.push(HistoryPiece {
                range: inner_start + r.start..inner_start + n.end,
                year: e.year_digits.parse().ok().filter(|_| e.year_suffix),
                place: Some(inner[n].trim().to_string()),
                problem: Some(HistoryProblem::Separator),
            });
            i += 2;
            continue;
        }
        let problem = if item.is_empty() {
            Some(HistoryProblem::EmptyItem)
        } else if e.year_digits.is_empty() {
            Some(HistoryProblem::NoYear)
        } else if e.year_digits.len() == 4 && !e.year_suffix {
            Some(HistoryProblem::NoYearSuffix)
        } else if e.year_digits.len() != 4 || e.malformed_year() {
            Some(HistoryProblem::MalformedYear)
        } else if year_only {
            Some(HistoryProblem::YearWithoutPlace)
        } else {
            None
        };
        out.push(HistoryPiece {
            range: inner_start + r.start..inner_start + r.end,
            year: e
                .year_digits
                .parse()
                .ok()
                .filter(|_| e.year_digits.len() == 4),
            place: e.place,
            problem,
        });
        i += 1;
    }
    out
}

/// The assembly of the edition: the most frequent year and place of the
/// assembly lines (`世界电信标准化全会（2024年，新德里），`), or else of the
/// headers. Ties go to the first seen.
pub(crate) fn infer_assembly(texts: &[Text], lang: &Lang) -> Option<YearPlace> {
    let from = |pick: &dyn Fn(&Text) -> Option<YearPlace>| -> Option<YearPlace> {
        let mut counts: BTreeMap<YearPlace, (usize, usize)> = BTreeMap::new();
        for (i, t) in texts.iter().enumerate() {
            if let Some(yp) = pick(t) {
                counts.entry(yp).or_insert((0, i)).0 += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .map(|(yp, _)| yp)
    };
    from(&|t: &Text| {
        let a = t.res.assembly.as_ref()?;
        bracket_edition(&a.text, lang)
    })
    .or_else(|| from(&|t: &Text| bracket_edition(&t.res.header.text, lang)))
}

/// Year and place of the first `（…）` of `text`.
fn bracket_edition(text: &str, lang: &Lang) -> Option<YearPlace> {
    let r = first_bracket(text)?;
    read_edition(&text[r], lang).year_place()
}

/// Byte range of the inside of the first round bracket of `text`.
fn first_bracket(text: &str) -> Option<std::ops::Range<usize>> {
    let open = text.find(punct::OPEN_PARENS)?;
    let open = open + text[open..].chars().next()?.len_utf8();
    let close = open + text[open..].find(punct::CLOSE_PARENS)?;
    Some(open..close)
}

/// Run the edition rules over every text.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for &t in &ctx.texts {
        for unit in t.res.text_units() {
            match unit.kind {
                UnitKind::Header => header(ctx, t, &unit, out),
                UnitKind::History => history(ctx, t, &unit, out),
                _ => {}
            }
            if unit.kind == UnitKind::AnnexCaption
                || ctx.lang.forms.annex_caption.is_match(unit.text.trim())
            {
                caption(ctx, t, &unit, out);
            }
            if unit.kind != UnitKind::History {
                malformed_years(ctx, t, &unit, out);
            }
        }
    }
    duplicates(ctx, out);
}

/// The same resolution twice in the edition (in one file or two): every
/// other finding may concern either copy, and `diff` refuses the edition.
fn duplicates(ctx: &Context, out: &mut Vec<Finding>) {
    let mut first: BTreeMap<String, Text> = BTreeMap::new();
    for &t in &ctx.texts {
        let key = super::support::id_key(&t.res.id);
        let Some(prev) = first.get(&key) else {
            first.insert(key, t);
            continue;
        };
        let unit = Unit {
            kind: UnitKind::Header,
            text: &t.res.header.text,
            span: t.res.header.span,
        };
        let mut f = ctx.finding(
            "edition.duplicate",
            FindingSeverity::Error,
            t,
            &unit,
            0..unit.text.len(),
            Message::Duplicate {
                id: t.res.id.clone(),
                first_file: prev.doc.path.clone(),
                first_line: prev.res.span.first_line,
            },
        );
        f.related.push(crate::model::RelatedLocation {
            file: prev.doc.path.clone(),
            line: prev.res.span.first_line,
            place: RelatedPlace::FirstCopy,
        });
        f.marked_range = None; // the whole header: where, not which words
        out.push(f);
    }
}

fn header(ctx: &Context, t: Text, unit: &Unit, out: &mut Vec<Finding>) {
    let Some(range) = first_bracket(unit.text) else {
        return;
    };
    let e = read_edition(&unit.text[range.clone()], ctx.lang);
    if e.malformed_year() {
        return; // reported by `malformed_years`
    }
    // A text not marked MOD or ADD may carry the header of the assembly
    // that last revised it (a compiled book of resolutions in force); only
    // a header naming a later assembly than the edition's is wrong there.
    if let (Some(asm), Some(yp)) = (&ctx.assembly, e.year_place())
        && &yp != asm
        && (t.res.action.is_some() || yp.year > asm.year)
    {
        let mut f = ctx.finding(
            "edition.header-mismatch",
            FindingSeverity::Error,
            t,
            unit,
            range.clone(),
            Message::HeaderEdition {
                header: yp.clone(),
                assembly: asm.clone(),
            },
        );
        let revised = e.revised && t.res.action != Some(Action::Add);
        f.suggestion = Some(ctx.lang.edition_text(asm.year, &asm.place, revised));
        out.push(f);
    }
    // The header as it should read: the year and place written, with or
    // without the revised mark.
    let fixed = |revised: bool| {
        e.year_place()
            .map(|yp| ctx.lang.edition_text(yp.year, &yp.place, revised))
    };
    match t.res.action {
        Some(Action::Add) if e.revised => {
            let mut f = ctx.finding(
                "edition.add-revised",
                FindingSeverity::Error,
                t,
                unit,
                range,
                Message::AddMarkedRevised,
            );
            f.suggestion = fixed(false);
            out.push(f);
        }
        Some(Action::Mod) if !e.revised && !e.year_digits.is_empty() => {
            let mut f = ctx.finding(
                "edition.mod-not-revised",
                FindingSeverity::Warning,
                t,
                unit,
                range,
                Message::ModNotMarkedRevised,
            );
            f.suggestion = fixed(true);
            out.push(f);
        }
        _ => {}
    }
}

fn history(ctx: &Context, t: Text, unit: &Unit, out: &mut Vec<Finding>) {
    let pieces = split_history(unit.text, ctx.lang);
    let has_notes = t.res.history.as_ref().is_some_and(|h| !h.notes.is_empty());
    let mut amendments = Vec::new();
    for p in &pieces {
        match p.problem {
            Some(HistoryProblem::YearWithoutPlace) if has_notes => amendments.push(p.clone()),
            Some(problem) => {
                let mut f = ctx.finding(
                    "edition.history-item",
                    FindingSeverity::Warning,
                    t,
                    unit,
                    p.range.clone(),
                    Message::HistoryItem {
                        item: unit.text[p.range.clone()].to_string(),
                        problem,
                    },
                );
                // Year and place both read: the item in its proper form.
                f.suggestion = match (p.year, &p.place) {
                    (Some(year), Some(place)) => Some(ctx.lang.edition_text(year, place, false)),
                    _ => None,
                };
                out.push(f);
            }
            None => {}
        }
    }
    if let Some(first) = amendments.first() {
        let years: Vec<String> = amendments
            .iter()
            .map(|p| unit.text[p.range.clone()].to_string())
            .collect();
        out.push(ctx.finding(
            "edition.history-amendment",
            FindingSeverity::Info,
            t,
            unit,
            first.range.clone(),
            Message::HistoryAmendments { items: years },
        ));
    }
    let (Some(asm), Some(last)) = (&ctx.assembly, pieces.last()) else {
        return;
    };
    let ends_with_assembly =
        last.year == Some(asm.year) && last.place.as_deref() == Some(&asm.place);
    if !ends_with_assembly && t.res.action.is_some() {
        let mut f = ctx.finding(
            "edition.history-end",
            FindingSeverity::Error,
            t,
            unit,
            last.range.clone(),
            Message::HistoryEnd {
                assembly: asm.clone(),
            },
        );
        // An earlier assembly last: the assembly goes after it.
        if last.year.is_some_and(|y| y < asm.year) {
            f.suggestion = Some(format!(
                "{}{}{}",
                &unit.text[last.range.clone()],
                ctx.lang.history_separator,
                asm.show(ctx.lang)
            ));
        }
        out.push(f);
    }
}

fn caption(ctx: &Context, t: Text, unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text.trim();
    let offset = unit.text.find(text).unwrap_or(0);
    let Some(m) = ctx.lang.forms.annex_caption.captures(text) else {
        return;
    };
    let (id, ed) = (&text[m.id.clone()], &text[m.edition.clone()]);
    let id_range = offset + m.id.start..offset + m.id.end;
    let ed_range = offset + m.edition.start..offset + m.edition.end;
    let id_text = crate::text::fold_digits(id);
    if super::support::id_key(&id_text) != super::support::id_key(&t.res.id) {
        let mut f = ctx.finding(
            "edition.caption-mismatch",
            FindingSeverity::Error,
            t,
            unit,
            id_range,
            Message::CaptionId {
                written: id.to_string(),
                id: t.res.id.clone(),
            },
        );
        f.suggestion = Some(t.res.id.clone());
        out.push(f);
    }
    let e = read_edition(ed, ctx.lang);
    if e.malformed_year() {
        return; // reported by `malformed_years`
    }
    let header = header_edition(t, ctx.lang);
    if let Some(h) = header
        && (e.year_place() != h.year_place() || e.revised != h.revised)
    {
        let mut f = ctx.finding(
            "edition.caption-mismatch",
            FindingSeverity::Error,
            t,
            unit,
            ed_range,
            Message::CaptionEdition {
                written: ed.to_string(),
            },
        );
        f.suggestion = h
            .year_place()
            .map(|yp| ctx.lang.edition_text(yp.year, &yp.place, h.revised));
        out.push(f);
    }
}

fn header_edition(t: Text, lang: &Lang) -> Option<super::support::EditionText> {
    let text = &t.res.header.text;
    Some(read_edition(&text[first_bracket(text)?], lang))
}

fn malformed_years(ctx: &Context, t: Text, unit: &Unit, out: &mut Vec<Finding>) {
    let mut flagged: Vec<std::ops::Range<usize>> = Vec::new();
    for m in ctx.lang.forms.edition.find_iter(unit.text) {
        let inner = &unit.text[m.inside.clone()];
        let e = read_edition(inner, ctx.lang);
        if !e.malformed_year() {
            continue;
        }
        let start = m.inside.start + inner.find(punct::is_any_digit).unwrap_or(0);
        let digits_len: usize = inner[start - m.inside.start..]
            .chars()
            .take_while(|c| {
                punct::is_any_digit(*c)
                    || ctx.lang.year_suffix.starts_with(*c) && !ctx.lang.year_suffix.is_empty()
            })
            .map(char::len_utf8)
            .sum();
        let range = start..start + digits_len;
        flagged.push(range.clone());
        let mut f = ctx.finding(
            "edition.malformed-year",
            FindingSeverity::Error,
            t,
            unit,
            range.clone(),
            Message::MalformedYear {
                year: unit.text[range.clone()].to_string(),
                in_edition: true,
            },
        );
        f.suggestion = likely_year(&unit.text[range], ctx);
        out.push(f);
    }
    for m in ctx.lang.forms.long_year.find_iter(unit.text) {
        if flagged.iter().any(|r| r.contains(&m.start)) {
            continue;
        }
        let year = &unit.text[m.clone()];
        let mut f = ctx.finding(
            "edition.malformed-year",
            FindingSeverity::Error,
            t,
            unit,
            m.clone(),
            Message::MalformedYear {
                year: year.to_string(),
                in_edition: false,
            },
        );
        f.suggestion = likely_year(year, ctx);
        out.push(f);
    }
}

/// The year a malformed one (`20204年`, `2024` without `年`) most likely
/// meant, written as a year: the assembly's year when one digit more or
/// less gives it, else the only plausible year one digit away.
fn likely_year(written: &str, ctx: &Context) -> Option<String> {
    let digits: Vec<char> = crate::text::fold_digits(written)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let plausible = |s: &str| s.parse::<u32>().is_ok_and(|y| (1865..=2099).contains(&y));
    let mut candidates: Vec<String> = Vec::new();
    match digits.len() {
        4 => candidates.push(digits.iter().collect()),
        5 => {
            for skip in 0..digits.len() {
                let c: String = digits
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != skip)
                    .map(|(_, d)| *d)
                    .collect();
                if plausible(&c) && !candidates.contains(&c) {
                    candidates.push(c);
                }
            }
        }
        _ => {}
    }
    let asm = ctx.assembly.as_ref().map(|a| a.year.to_string());
    let year = match asm {
        Some(a) if candidates.contains(&a) => a,
        _ if candidates.len() == 1 && plausible(&candidates[0]) => candidates.remove(0),
        _ => return None,
    };
    Some(format!("{year}{}", ctx.lang.year_suffix))
}
