//! Excerpt fidelity: where a summary report quotes sections and clauses of a
//! resolution, match each quoted clause to the full text and report the
//! differences inline. Comparison is on keys (width folded, whitespace
//! removed, editorial variants such as `其它`/`其他` folded), so only real
//! wording differences are reported.

use super::declared::at;
use super::support::{changed_range_on, inline_diff, mark, similarity, text_key};

/// Comparison key of a quoted or full clause: [`text_key`] without the
/// closing punctuation, which a quote legitimately changes (a clause ending
/// in `；` in a list is quoted alone ending in `。`).
fn quote_key(s: &str, lang: &crate::lang::Lang) -> String {
    let k = text_key(s, lang);
    k.trim_end_matches(crate::lang::punct::QUOTE_END)
        .to_string()
}
use super::{Context, ReportRef, Text};
use crate::model::{
    Clause, Finding, FindingSeverity, Message, QuotedPart, RelatedLocation, RelatedPlace, Section,
};

/// Least similarity for an unlabelled quoted clause to be taken as a quote
/// of a full-text clause.
const MIN_SIMILARITY: f32 = 0.5;

/// Run the excerpt rules.
pub(crate) fn check(ctx: &Context, rep: ReportRef, out: &mut Vec<Finding>) {
    for ex in &rep.report.excerpts {
        let Some(&t) = ctx
            .texts
            .iter()
            .find(|t| ctx.number_of(t.res) == Some(ex.number))
        else {
            // Excerpts of resolutions the edition does not hold (maintained
            // ones) cannot be checked; the declared-status rules say when a
            // text should have been there.
            continue;
        };
        for (k, quoted) in ex.sections.iter().enumerate() {
            if is_group_heading(ctx, quoted, ex.sections.get(k + 1)) {
                continue;
            }
            match matching_section(ctx, t, quoted) {
                Some(sec) => section(ctx, rep, t, quoted, sec, out),
                None => {
                    let mut f = at(
                        "excerpt.section-missing",
                        FindingSeverity::Warning,
                        rep.path,
                        quoted.span.first_line,
                        Some(t.res.id.clone()),
                        Message::ExcerptSectionMissing {
                            id: t.res.id.clone(),
                            heading: quoted.heading.clone(),
                        },
                    );
                    f.excerpt = Some(mark(&quoted.heading, 0..quoted.heading.len()));
                    out.push(f);
                }
            }
        }
    }
}

/// Whether a quoted section is only the report's heading over the quote of
/// a section it abbreviates (`做出决议` above `做出决议，责成…第17研究组`):
/// it quotes nothing of its own.
fn is_group_heading(ctx: &Context, quoted: &Section, next: Option<&Section>) -> bool {
    quoted.clauses.is_empty()
        && quoted.intro.is_none()
        && next.is_some_and(|n| {
            let (h, n) = (
                text_key(&quoted.heading, ctx.lang),
                text_key(&n.heading, ctx.lang),
            );
            !h.is_empty() && n.len() > h.len() && n.starts_with(&h)
        })
}

/// The text's section a quoted one comes from: same kind, then the closest
/// heading.
fn matching_section<'a>(ctx: &Context, t: Text<'a>, quoted: &Section) -> Option<&'a Section> {
    let q = text_key(&quoted.heading, ctx.lang);
    t.res
        .sections
        .iter()
        .filter(|s| s.kind == quoted.kind && s.further == quoted.further)
        .map(|s| (similarity(&text_key(&s.heading, ctx.lang), &q), s))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s)
}

fn section(
    ctx: &Context,
    rep: ReportRef,
    t: Text,
    quoted: &Section,
    sec: &Section,
    out: &mut Vec<Finding>,
) {
    if quote_key(&quoted.heading, ctx.lang) != quote_key(&sec.heading, ctx.lang) {
        out.push(differs(
            "excerpt.heading-differs",
            FindingSeverity::Info,
            rep,
            t,
            &sec.heading,
            sec.span.first_line,
            &quoted.heading,
            quoted.span.first_line,
            QuotedPart::SectionHeading,
        ));
    }
    let full: Vec<&Clause> = sec.clauses.iter().flat_map(Clause::descendants).collect();
    let quotes: Vec<&Clause> = quoted
        .clauses
        .iter()
        .flat_map(Clause::descendants)
        .collect();
    if let Some(intro) = &quoted.intro {
        let found = sec
            .intro
            .as_ref()
            .map(|i| (i.text.as_str(), i.span.first_line));
        compare(ctx, rep, t, &intro.text, intro.span.first_line, found, out);
    }
    for q in quotes {
        let qkey = text_key(&q.text, ctx.lang);
        let label = q.label.as_ref().map(|l| text_key(&l.raw, ctx.lang));
        let by_label: Vec<&&Clause> = full
            .iter()
            .filter(|c| {
                label.is_some() && c.label.as_ref().map(|l| text_key(&l.raw, ctx.lang)) == label
            })
            .collect();
        let pool: Vec<&&Clause> = if by_label.is_empty() {
            full.iter().collect()
        } else {
            by_label.clone()
        };
        let best = pool
            .into_iter()
            .map(|c| (similarity(&text_key(&c.text, ctx.lang), &qkey), c))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|(s, _)| !by_label.is_empty() || *s >= MIN_SIMILARITY)
            .map(|(_, c)| (c.text.as_str(), c.span.first_line));
        compare(ctx, rep, t, &q.text, q.span.first_line, best, out);
    }
}

fn compare(
    ctx: &Context,
    rep: ReportRef,
    t: Text,
    quoted: &str,
    quoted_line: u32,
    found: Option<(&str, u32)>,
    out: &mut Vec<Finding>,
) {
    match found {
        Some((text, line)) => {
            if quote_key(text, ctx.lang) != quote_key(quoted, ctx.lang) {
                out.push(differs(
                    "excerpt.clause-differs",
                    FindingSeverity::Warning,
                    rep,
                    t,
                    text,
                    line,
                    quoted,
                    quoted_line,
                    QuotedPart::Clause,
                ));
            }
        }
        None => {
            let mut f = at(
                "excerpt.clause-missing",
                FindingSeverity::Warning,
                rep.path,
                quoted_line,
                Some(t.res.id.clone()),
                Message::ExcerptClauseMissing {
                    id: t.res.id.clone(),
                },
            );
            f.excerpt = Some(mark(quoted, 0..quoted.len()));
            out.push(f);
        }
    }
}

/// A difference between the full text and the report's quote, located at
/// the quote.
#[allow(clippy::too_many_arguments)] // two texts with their places, plus the rule
fn differs(
    rule: &str,
    severity: FindingSeverity,
    rep: ReportRef,
    t: Text,
    text: &str,
    text_line: u32,
    quoted: &str,
    quoted_line: u32,
    part: QuotedPart,
) -> Finding {
    let diff = inline_diff(text, quoted);
    let mut f = at(
        rule,
        severity,
        rep.path,
        quoted_line,
        Some(t.res.id.clone()),
        Message::ExcerptDiffers {
            part,
            id: t.res.id.clone(),
            file: t.doc.path.clone(),
            line: text_line,
        },
    );
    f.excerpt = Some(mark(quoted, changed_range_on(&diff, true)));
    f.diff = diff;
    // The report quotes the text: the quote as the text has it — unless the
    // text still holds editorial brackets, when the report may be right.
    if !text.contains(crate::lang::punct::SQUARE_BRACKETS) {
        f.suggestion = Some(text.to_string());
    }
    f.related.push(RelatedLocation {
        file: t.doc.path.clone(),
        line: text_line,
        place: RelatedPlace::FullText,
    });
    f
}
