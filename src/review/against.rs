//! Markers against a previous edition (`--against`): a MOD whose text did
//! not change, a text changed but not marked MOD, an ADD whose number the
//! previous edition already has, a SUP of a resolution still present or
//! unknown to the previous edition.
//!
//! "Changed" is decided by the edition diff ([`crate::diff::diff_resolution`]):
//! a resolution changed when its title, sections, clauses, annexes or
//! footnotes did; its header, history and assembly lines change with every
//! edition and do not count.

use super::support::{Unit, UnitKind, mark};
use super::{Context, Text};
use crate::corpus::Corpus;
use crate::lang::Lang;
use crate::model::{
    Action, Finding, FindingSeverity, Message, RelatedLocation, RelatedPlace, Resolution,
};
use std::collections::BTreeMap;

/// Where `cur` first differs from `prev`, per the edition diff, or `None`
/// when the two texts are the same (editorial changes count: a `(MOD)` is
/// still a MOD).
pub fn first_change<'a>(prev: &Resolution, cur: &'a Resolution, lang: &Lang) -> Option<Change<'a>> {
    let (_, body) = crate::diff::diff_resolution(prev, cur, lang);
    let first = body.first()?;
    // Point at the paragraph of `cur` the change concerns; a removal has no
    // paragraph in `cur`.
    let unit = first.new_span.and_then(|span| {
        cur.text_units()
            .into_iter()
            .filter(is_body)
            .find(|u| u.span.first_line <= span.last_line && span.first_line <= u.span.last_line)
    });
    Some(Change { unit })
}

fn is_body(u: &Unit) -> bool {
    !matches!(
        u.kind,
        UnitKind::Header | UnitKind::History | UnitKind::Assembly
    )
}

/// Where a text first differs from its previous edition.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    /// The first differing paragraph; `None` when the first change is a
    /// removal.
    pub(crate) unit: Option<Unit<'a>>,
}

/// Run the rules against the previous edition.
pub(crate) fn check(ctx: &Context, prev: &Corpus, out: &mut Vec<Finding>) {
    let mut previous: BTreeMap<u32, (&str, &Resolution)> = BTreeMap::new();
    for d in &prev.documents {
        for r in &d.resolutions {
            if let Some(n) = r.number
                && r.action != Some(Action::Sup)
            {
                previous.entry(n).or_insert((&d.path, r));
            }
        }
    }
    let mut current_text: BTreeMap<u32, Text> = BTreeMap::new();
    for &t in &ctx.texts {
        if let Some(n) = ctx.number_of(t.res)
            && t.res.action != Some(Action::Sup)
        {
            current_text.entry(n).or_insert(t);
        }
    }
    for &t in &ctx.texts {
        let Some(n) = ctx.number_of(t.res) else {
            continue;
        };
        let prev_of = previous.get(&n);
        match t.res.action {
            Some(Action::Add) => {
                if let Some((file, p)) = prev_of {
                    out.push(with_related(
                        header_finding(
                            ctx,
                            t,
                            "against.add-exists",
                            FindingSeverity::Error,
                            Message::AddExists { number: n },
                        ),
                        file,
                        p.header.span.first_line,
                    ));
                }
            }
            Some(Action::Sup) => {
                if prev_of.is_none() && !prev.partial {
                    out.push(header_finding(
                        ctx,
                        t,
                        "against.sup-unknown",
                        FindingSeverity::Warning,
                        Message::SupUnknown { number: n },
                    ));
                }
                if let Some(still) = current_text.get(&n) {
                    out.push(header_finding(
                        ctx,
                        *still,
                        "against.sup-present",
                        FindingSeverity::Error,
                        Message::SupStillPresent { number: n },
                    ));
                }
            }
            Some(Action::Mod) => match prev_of {
                Some((file, p)) if first_change(p, t.res, ctx.lang).is_none() => {
                    out.push(with_related(
                        header_finding(
                            ctx,
                            t,
                            "against.mod-unchanged",
                            FindingSeverity::Warning,
                            Message::ModUnchanged { number: n },
                        ),
                        file,
                        p.header.span.first_line,
                    ));
                }
                Some(_) => {}
                None if !prev.partial => out.push(header_finding(
                    ctx,
                    t,
                    "against.mod-unknown",
                    FindingSeverity::Warning,
                    Message::ModUnknown { number: n },
                )),
                None => {}
            },
            None => {
                if let Some((file, p)) = prev_of
                    && let Some(change) = first_change(p, t.res, ctx.lang)
                {
                    let f = match change.unit {
                        Some(u) => ctx.finding(
                            "against.changed-unmarked",
                            FindingSeverity::Warning,
                            t,
                            &u,
                            0..u.text.len(),
                            Message::ChangedUnmarked { number: n },
                        ),
                        None => header_finding(
                            ctx,
                            t,
                            "against.changed-unmarked",
                            FindingSeverity::Warning,
                            Message::LostUnmarked { number: n },
                        ),
                    };
                    out.push(with_related(f, file, p.header.span.first_line));
                }
            }
        }
    }
    // Suppressed per the report, yet a text is present.
    if let Some(r) = ctx.report {
        for s in &r.report.suppressed {
            if let Some(still) = current_text.get(&s.number) {
                let mut f = header_finding(
                    ctx,
                    *still,
                    "against.sup-present",
                    FindingSeverity::Error,
                    Message::DeclaredSuppressedPresent { number: s.number },
                );
                f.related.push(RelatedLocation {
                    file: r.path.to_string(),
                    line: s.line,
                    place: RelatedPlace::ReportSuppressedList,
                });
                out.push(f);
            }
        }
    }
}

fn header_finding(
    ctx: &Context,
    t: Text,
    rule: &str,
    severity: FindingSeverity,
    message: Message,
) -> Finding {
    let unit = Unit {
        kind: UnitKind::Header,
        text: &t.res.header.text,
        span: t.res.header.span,
    };
    let mut f = ctx.finding(rule, severity, t, &unit, 0..unit.text.len(), message);
    f.excerpt = Some(mark(unit.text, 0..unit.text.len()));
    // The header is where the text is, not words at fault.
    f.marked_range = None;
    f
}

fn with_related(mut f: Finding, file: &str, line: u32) -> Finding {
    f.related.push(RelatedLocation {
        file: file.to_string(),
        line,
        place: RelatedPlace::PreviousEdition,
    });
    f
}
