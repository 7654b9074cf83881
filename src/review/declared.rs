//! Declared status against the texts: what a summary report says (lists of
//! new, revised and suppressed resolutions, the status table, the mapping of
//! new numbers to provisional ids, titles) compared with the MOD/ADD/SUP
//! texts of the edition, in both directions, and the report against itself.
//!
//! When the edition is partial (`edition.json`), declarations with no text
//! are not reported: the texts are known to be incomplete.

use super::support::{Unit, UnitKind, changed_range, id_key, inline_diff, text_key};
use super::{Context, ReportRef, Text};
use crate::model::{
    Action, DeclaredStatus, Finding, FindingSeverity, Message, RelatedLocation, RelatedPlace,
    ReportList, ReportedNew, ResolutionKind, SummaryReport,
};
use std::collections::{BTreeMap, BTreeSet};

/// How a new resolution of the report was matched to an ADD text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pairing {
    /// Same provisional id (or same number).
    Exact,
    /// Same committee, and one id's parts are among the other's
    /// (`COM3/NG` ~ `COM3/APT-NG`): a spelling difference.
    Loose,
}

/// Match the report's new resolutions to the ADD texts: exact ids or numbers
/// first, then loose spellings among what is left. Returns, per entry of
/// `new`, the index in `texts` of its ADD text.
pub(crate) fn pair_new(texts: &[Text], new: &[ReportedNew]) -> Vec<Option<(usize, Pairing)>> {
    let adds: Vec<usize> = (0..texts.len())
        .filter(|&i| texts[i].res.action == Some(Action::Add))
        .collect();
    let mut used = BTreeSet::new();
    let mut out = vec![None; new.len()];
    for (k, n) in new.iter().enumerate() {
        let key = n.provisional_id.as_deref().map(id_key);
        let hit = adds.iter().copied().find(|&i| {
            !used.contains(&i)
                && (texts[i].res.number == Some(n.number)
                    || key.as_ref().is_some_and(|k| *k == id_key(&texts[i].res.id)))
        });
        if let Some(i) = hit {
            used.insert(i);
            out[k] = Some((i, Pairing::Exact));
        }
    }
    for (k, n) in new.iter().enumerate() {
        if out[k].is_some() {
            continue;
        }
        let Some(pid) = n.provisional_id.as_deref() else {
            continue;
        };
        let hit = adds
            .iter()
            .copied()
            .find(|&i| !used.contains(&i) && loosely_same(pid, &texts[i].res.id));
        if let Some(i) = hit {
            used.insert(i);
            out[k] = Some((i, Pairing::Loose));
        }
    }
    out
}

/// `COM3/NG` and `COM3/APT-NG`: same committee, and the parts of one
/// suffix are all among the other's.
fn loosely_same(a: &str, b: &str) -> bool {
    let (a, b) = (id_key(a), id_key(b));
    let (Some((ca, sa)), Some((cb, sb))) = (a.split_once('/'), b.split_once('/')) else {
        return false;
    };
    let pa: BTreeSet<&str> = sa.split('-').filter(|p| !p.is_empty()).collect();
    let pb: BTreeSet<&str> = sb.split('-').filter(|p| !p.is_empty()).collect();
    ca == cb && !pa.is_empty() && !pb.is_empty() && (pa.is_subset(&pb) || pb.is_subset(&pa))
}

/// Run the declared-status rules.
pub(crate) fn check(ctx: &Context, rep: ReportRef, out: &mut Vec<Finding>) {
    let r = rep.report;
    inside_report(rep, out);
    let by_number: BTreeMap<u32, Vec<Text>> = {
        let mut m: BTreeMap<u32, Vec<Text>> = BTreeMap::new();
        for &t in &ctx.texts {
            if let Some(n) = ctx.number_of(t.res) {
                m.entry(n).or_default().push(t);
            }
        }
        m
    };
    let has = |n: u32, a: Action| {
        by_number
            .get(&n)
            .is_some_and(|ts| ts.iter().any(|t| t.res.action == Some(a)))
    };
    let table_says = |n: u32, s: DeclaredStatus| {
        r.status_table
            .iter()
            .any(|row| row.number == n && row.status == s)
    };
    let listed = |list: &[crate::model::ReportedNumber], n: u32| list.iter().any(|x| x.number == n);

    // Suppressed in the report, no SUP text.
    if !ctx.partial {
        let mut seen = BTreeSet::new();
        let declared = r.suppressed.iter().map(|x| (x.number, x.line)).chain(
            r.status_table
                .iter()
                .filter(|row| row.status == DeclaredStatus::Suppressed)
                .map(|row| (row.number, row.line)),
        );
        for (n, line) in declared {
            if seen.insert(n) && !has(n, Action::Sup) {
                out.push(at(
                    "declared.suppressed-missing",
                    FindingSeverity::Warning,
                    rep.path,
                    line,
                    Some(n.to_string()),
                    Message::DeclaredSuppressedNoSup { number: n },
                ));
            }
        }
    }
    let has_sup_list = !r.suppressed.is_empty()
        || r.status_table
            .iter()
            .any(|x| x.status == DeclaredStatus::Suppressed);
    for &t in &ctx.texts {
        let n = ctx.number_of(t.res);
        match (t.res.action, n) {
            (Some(Action::Sup), Some(n))
                if has_sup_list
                    && !listed(&r.suppressed, n)
                    && !table_says(n, DeclaredStatus::Suppressed) =>
            {
                out.push(header_finding(
                    ctx,
                    t,
                    "declared.sup-unlisted",
                    Message::SupUnlisted { number: n },
                ));
            }
            (Some(Action::Mod), Some(n)) if t.res.kind == ResolutionKind::Resolution => {
                if !r.revised.is_empty() && !listed(&r.revised, n) {
                    out.push(header_finding(
                        ctx,
                        t,
                        "declared.mod-unlisted",
                        Message::ModUnlisted { number: n },
                    ));
                }
                if table_says(n, DeclaredStatus::Maintained) || table_says(n, DeclaredStatus::New) {
                    let row = r.status_table.iter().find(|row| row.number == n);
                    let mut f = header_finding(
                        ctx,
                        t,
                        "declared.status-differs",
                        Message::ModStatusDiffers {
                            number: n,
                            status: row.map(|x| x.status_text.clone()).unwrap_or_default(),
                        },
                    );
                    if let Some(row) = row {
                        f.related.push(related(
                            rep.path,
                            row.line,
                            RelatedPlace::ReportStatusTable,
                        ));
                    }
                    out.push(f);
                }
            }
            (Some(Action::Mod), _) if t.res.kind == ResolutionKind::Recommendation => {
                let key = id_key(&t.res.id);
                if !r.revised_recommendations.is_empty()
                    && !r
                        .revised_recommendations
                        .iter()
                        .any(|x| id_key(&x.id) == key)
                {
                    out.push(header_finding(
                        ctx,
                        t,
                        "declared.mod-unlisted",
                        Message::RecommendationModUnlisted {
                            id: t.res.id.clone(),
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    // Revised in the report, no MOD text.
    if !ctx.partial {
        for x in &r.revised {
            if !has(x.number, Action::Mod) {
                out.push(at(
                    "declared.revised-missing",
                    FindingSeverity::Warning,
                    rep.path,
                    x.line,
                    Some(x.number.to_string()),
                    Message::RevisedNoMod { number: x.number },
                ));
            }
        }
        for x in &r.revised_recommendations {
            let key = id_key(&x.id);
            let found = ctx
                .texts
                .iter()
                .any(|t| t.res.action == Some(Action::Mod) && id_key(&t.res.id) == key);
            if !found {
                out.push(at(
                    "declared.revised-missing",
                    FindingSeverity::Warning,
                    rep.path,
                    x.line,
                    Some(x.id.clone()),
                    Message::RecommendationRevisedNoMod { id: x.id.clone() },
                ));
            }
        }
    }
    new_resolutions(ctx, rep, out);
    titles(ctx, rep, out);
}

/// Pairing of new resolutions and ADD texts: missing either way, and
/// provisional ids spelled differently.
fn new_resolutions(ctx: &Context, rep: ReportRef, out: &mut Vec<Finding>) {
    let r = rep.report;
    let pairs = pair_new(&ctx.texts, &r.new_resolutions);
    let mut paired = BTreeSet::new();
    for (n, p) in r.new_resolutions.iter().zip(&pairs) {
        match p {
            Some((i, how)) => {
                paired.insert(*i);
                let t = ctx.texts[*i];
                if *how == Pairing::Loose {
                    let pid = n.provisional_id.clone().unwrap_or_default();
                    let unit = header_unit(t);
                    let range = unit
                        .text
                        .find(&t.res.id)
                        .map(|s| s..s + t.res.id.len())
                        .unwrap_or(0..0);
                    let mut f = ctx.finding(
                        "declared.provisional-id",
                        FindingSeverity::Warning,
                        t,
                        &unit,
                        range,
                        Message::ProvisionalIdSpelling {
                            written: t.res.id.clone(),
                            reported: pid.clone(),
                            number: n.number,
                        },
                    );
                    f.diff = inline_diff(&t.res.id, &pid);
                    f.suggestion = Some(pid);
                    f.related
                        .push(related(rep.path, n.line, RelatedPlace::ReportNewList));
                    out.push(f);
                }
            }
            None if !ctx.partial => out.push(at(
                "declared.new-missing",
                FindingSeverity::Warning,
                rep.path,
                n.line,
                Some(n.number.to_string()),
                Message::NewNoAdd {
                    number: n.number,
                    provisional_id: n.provisional_id.clone(),
                },
            )),
            None => {}
        }
    }
    if r.new_resolutions.is_empty() {
        return;
    }
    for (i, t) in ctx.texts.iter().enumerate() {
        if t.res.action == Some(Action::Add) && !paired.contains(&i) {
            out.push(header_finding(
                ctx,
                *t,
                "declared.add-unlisted",
                Message::AddUnlisted {
                    id: t.res.id.clone(),
                },
            ));
        }
    }
}

/// A title as the report writes it, with the report lines and parts that
/// give it.
type TitleVariant = (String, Vec<(u32, RelatedPlace)>);

/// One of the report's lists: name, the status it declares, numbers with
/// their lines.
type DeclaredList = (ReportList, DeclaredStatus, Vec<(u32, u32)>);

/// Titles the report gives against the texts' titles.
fn titles(ctx: &Context, rep: ReportRef, out: &mut Vec<Finding>) {
    let r = rep.report;
    let pairs = pair_new(&ctx.texts, &r.new_resolutions);
    let mut text_of: BTreeMap<u32, Text> = BTreeMap::new();
    for &t in &ctx.texts {
        if let (Some(n), Some(Action::Mod | Action::Add) | None) = (t.res.number, t.res.action)
            && t.res.kind == ResolutionKind::Resolution
        {
            text_of.entry(n).or_insert(t);
        }
    }
    for (n, p) in r.new_resolutions.iter().zip(&pairs) {
        if let Some((i, _)) = p {
            text_of.entry(n.number).or_insert(ctx.texts[*i]);
        }
    }
    // number → title key → (title as written, lines)
    let mut declared: BTreeMap<u32, BTreeMap<String, TitleVariant>> = BTreeMap::new();
    let mut add = |n: u32, title: &str, line: u32, place: RelatedPlace| {
        if title.trim().is_empty() {
            return;
        }
        let e = declared
            .entry(n)
            .or_default()
            .entry(text_key(title, ctx.lang))
            .or_insert_with(|| (title.trim().to_string(), Vec::new()));
        e.1.push((line, place));
    };
    for x in &r.new_resolutions {
        if let Some(t) = &x.title {
            add(x.number, t, x.line, RelatedPlace::ReportNewList);
        }
    }
    for row in &r.status_table {
        add(
            row.number,
            &row.title,
            row.line,
            RelatedPlace::ReportStatusTable,
        );
    }
    for e in &r.excerpts {
        if let Some(t) = &e.title {
            add(e.number, t, e.span.first_line, RelatedPlace::ReportExcerpt);
        }
    }
    for (n, variants) in &declared {
        let Some(&t) = text_of.get(n) else { continue };
        let own = text_key(&t.res.title.text, ctx.lang);
        for (key, (title, lines)) in variants {
            if *key == own {
                continue;
            }
            let unit = Unit {
                kind: UnitKind::Title,
                text: &t.res.title.text,
                span: t.res.title.span,
            };
            let diff = inline_diff(&t.res.title.text, title);
            let mut f = ctx.finding(
                "declared.title-differs",
                FindingSeverity::Warning,
                t,
                &unit,
                changed_range(&diff),
                Message::TitleDiffers {
                    number: *n,
                    report_line: lines.first().map(|l| l.0).unwrap_or(0),
                },
            );
            f.diff = diff;
            // No suggestion: either side may hold the slip (Res 98's report
            // title reads 可持智慧续), and `diff` already shows both.
            f.related = lines
                .iter()
                .map(|(line, place)| related(rep.path, *line, *place))
                .collect();
            out.push(f);
        }
    }
}

/// Disagreements inside the report: a number in two lists, or a status
/// table row that contradicts the lists.
fn inside_report(rep: ReportRef, out: &mut Vec<Finding>) {
    let r: &SummaryReport = rep.report;
    let lists: [DeclaredList; 3] = [
        (ReportList::New, DeclaredStatus::New, {
            let mut v: Vec<(u32, u32)> = r
                .new_resolutions
                .iter()
                .map(|x| (x.number, x.line))
                .collect();
            for x in &r.new_listed {
                if !v.iter().any(|y| y.0 == x.number) {
                    v.push((x.number, x.line));
                }
            }
            v
        }),
        (
            ReportList::Revised,
            DeclaredStatus::Revised,
            r.revised.iter().map(|x| (x.number, x.line)).collect(),
        ),
        (
            ReportList::Suppressed,
            DeclaredStatus::Suppressed,
            r.suppressed.iter().map(|x| (x.number, x.line)).collect(),
        ),
    ];
    let in_list = |i: usize, n: u32| lists[i].2.iter().find(|x| x.0 == n).map(|x| x.1);
    let mut numbers: BTreeSet<u32> = lists.iter().flat_map(|l| l.2.iter().map(|x| x.0)).collect();
    numbers.extend(r.status_table.iter().map(|x| x.number));
    // The highlights' numbers and the mapping lines should name the same
    // new resolutions.
    if !r.new_listed.is_empty() && !r.new_resolutions.is_empty() {
        for x in &r.new_listed {
            if !r.new_resolutions.iter().any(|y| y.number == x.number) {
                out.push(at(
                    "declared.report-inconsistent",
                    FindingSeverity::Warning,
                    rep.path,
                    x.line,
                    Some(x.number.to_string()),
                    Message::NewUnmapped { number: x.number },
                ));
            }
        }
        for y in &r.new_resolutions {
            if !r.new_listed.iter().any(|x| x.number == y.number) {
                out.push(at(
                    "declared.report-inconsistent",
                    FindingSeverity::Warning,
                    rep.path,
                    y.line,
                    Some(y.number.to_string()),
                    Message::MappedUncounted { number: y.number },
                ));
            }
        }
    }
    for n in numbers {
        let memberships: Vec<(usize, u32)> = (0..3)
            .filter_map(|i| in_list(i, n).map(|l| (i, l)))
            .collect();
        if memberships.len() > 1 {
            let names: Vec<ReportList> = memberships.iter().map(|(i, _)| lists[*i].0).collect();
            out.push(Finding {
                related: memberships
                    .iter()
                    .skip(1)
                    .map(|(i, l)| related(rep.path, *l, RelatedPlace::report_list(lists[*i].0)))
                    .collect(),
                ..at(
                    "declared.report-inconsistent",
                    FindingSeverity::Warning,
                    rep.path,
                    memberships[0].1,
                    Some(n.to_string()),
                    Message::InSeveralLists {
                        number: n,
                        lists: names,
                    },
                )
            });
        }
        for row in r.status_table.iter().filter(|x| x.number == n) {
            let expected = lists.iter().position(|l| l.1 == row.status);
            let contradiction = match expected {
                // 保留/other: the number should be in no list.
                None => memberships.first().map(|(i, l)| (lists[*i].0, *l)),
                Some(e) => memberships
                    .iter()
                    .find(|(i, _)| *i != e)
                    .map(|(i, l)| (lists[*i].0, *l)),
            };
            let missing_from_own_list =
                expected.is_some_and(|e| !lists[e].2.is_empty() && in_list(e, n).is_none());
            if let Some((list, line)) = contradiction {
                out.push(Finding {
                    related: vec![related(rep.path, line, RelatedPlace::report_list(list))],
                    ..at(
                        "declared.report-inconsistent",
                        FindingSeverity::Warning,
                        rep.path,
                        row.line,
                        Some(n.to_string()),
                        Message::StatusInOtherList {
                            number: n,
                            status: row.status_text.clone(),
                            list,
                            line,
                        },
                    )
                });
            } else if let (true, Some(e)) = (missing_from_own_list, expected) {
                out.push(at(
                    "declared.report-inconsistent",
                    FindingSeverity::Warning,
                    rep.path,
                    row.line,
                    Some(n.to_string()),
                    Message::StatusMissingFromList {
                        number: n,
                        status: row.status_text.clone(),
                        list: lists[e].0,
                    },
                ));
            }
        }
    }
}

/// A finding at a line, with no quote.
pub(crate) fn at(
    rule: &str,
    severity: FindingSeverity,
    file: &str,
    line: u32,
    resolution: Option<String>,
    message: Message,
) -> Finding {
    Finding::at_line(rule, severity, file, line, resolution, message)
}

fn related(file: &str, line: u32, place: RelatedPlace) -> RelatedLocation {
    RelatedLocation {
        file: file.to_string(),
        line,
        place,
    }
}

fn header_unit(t: Text) -> Unit {
    Unit {
        kind: UnitKind::Header,
        text: &t.res.header.text,
        span: t.res.header.span,
    }
}

/// A warning quoting a text's header.
fn header_finding(ctx: &Context, t: Text, rule: &str, message: Message) -> Finding {
    let unit = header_unit(t);
    let mut f = ctx.finding(
        rule,
        FindingSeverity::Warning,
        t,
        &unit,
        0..unit.text.len(),
        message,
    );
    // The header is where the text is, not words at fault.
    f.marked_range = None;
    f
}
