//! Diff: turn aligned editions into a [`DiffReport`] of changes. Alignment
//! ([`crate::align`]) says what corresponds; this stage says what changed,
//! classifies it (added, removed, modified, moved, renumbered; editorial or
//! not) and computes inline redlines, only inside paired clauses.

pub mod budget;
pub(crate) mod editorial;
pub(crate) mod inline;

use crate::align::{
    self, Container, IdOptions, Located, ReportOrder, ResolutionPair, UnitPair, UnitSides,
};
use crate::corpus::Corpus;
use crate::error::Result;
use crate::lang::Lang;
use crate::model::{
    Annex, Change, ChangeCounts, ChangeKind, ChangeUnit, DiffReport, Finding, FootnoteMark, Note,
    Resolution, ResolutionDiff, ResolutionStatus, Section, Span,
};
use crate::parse::labels;

/// Options of the diff stage.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// How resolutions are paired (`--map`, `--shared-ids`).
    pub ids: IdOptions,
    /// Resolutions to report (`--only`: numbers, provisional ids or
    /// aliases); all when `None`. An id that names no resolution of either
    /// edition is an error.
    pub select: Option<Vec<String>>,
    /// Leave editorial changes and edition markers out (`--hide-editorial`).
    pub hide_editorial: bool,
    /// Leave pure renumberings out (with `hide_editorial`: `--substantive`).
    pub hide_renumbered: bool,
    /// Review the new edition and never call editorial a change whose new
    /// text introduces a finding (a malformed year is not editorial).
    pub check_findings: bool,
    /// Language tables (variant pairs for editorial folding).
    pub lang: &'static Lang,
    /// Threads diffing resolution pairs: 0 for one per core, 1 for a serial
    /// run. The report is the same either way.
    pub jobs: usize,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            ids: IdOptions::default(),
            select: None,
            hide_editorial: false,
            hide_renumbered: false,
            check_findings: true,
            lang: &crate::lang::ZH,
            jobs: 0,
        }
    }
}

/// Rule families whose findings are about the text itself (not about a
/// report or a previous edition): a change introducing one is not editorial.
const TEXT_RULES: [&str; 3] = ["edition.", "citation.", "bracket."];

/// Keep the pairs `select` names, in edition order; an id naming no pair is
/// an error.
fn select_pairs<'a>(
    pairs: Vec<ResolutionPair<'a>>,
    select: &[String],
) -> Result<Vec<ResolutionPair<'a>>> {
    let names = |p: &ResolutionPair| -> Vec<String> {
        std::iter::once(&p.id)
            .chain(&p.aliases)
            .map(|i| align::normalize_id(i))
            .collect()
    };
    let wanted: Vec<String> = select.iter().map(|s| align::normalize_id(s)).collect();
    for (w, given) in wanted.iter().zip(select) {
        if !pairs.iter().any(|p| names(p).contains(w)) {
            // Listed in resolution order, numbers first, as a reader
            // looks them up.
            let mut known: Vec<&str> = pairs.iter().map(|p| p.id.as_str()).collect();
            known.sort_by_key(|id| (id.parse::<u32>().map_or(u32::MAX, |n| n), *id));
            return Err(crate::Error::Usage(format!(
                "--only: no resolution `{given}` in either edition (they hold {})",
                known.join(", ")
            )));
        }
    }
    Ok(pairs
        .into_iter()
        .filter(|p| names(p).iter().any(|n| wanted.contains(n)))
        .collect())
}

/// Compare two editions.
pub fn diff_editions(old: &Corpus, new: &Corpus, opts: &DiffOptions) -> Result<DiffReport> {
    diff_with(old, new, opts, None)
}

/// [`diff_editions`] given the findings of a review of the new edition
/// already made (`resdiff diff --review`), so that the edition is not
/// reviewed a second time: with [`DiffOptions::check_findings`], a change
/// introducing one of their text findings is not editorial.
pub fn diff_editions_reviewed(
    old: &Corpus,
    new: &Corpus,
    opts: &DiffOptions,
    findings: &[Finding],
) -> Result<DiffReport> {
    diff_with(old, new, opts, Some(findings))
}

fn diff_with(
    old: &Corpus,
    new: &Corpus,
    opts: &DiffOptions,
    reviewed: Option<&[Finding]>,
) -> Result<DiffReport> {
    // The texts' own language wins over the default of the options.
    let with_lang;
    let opts = match crate::corpus::common_language(old, new)? {
        Some(lang) if lang.tag != opts.lang.tag => {
            with_lang = DiffOptions {
                lang,
                ..opts.clone()
            };
            &with_lang
        }
        _ => opts,
    };
    let aligned = align::align_editions(old, new, &opts.ids)?;
    let mut notes = aligned.notes;
    let pairs = match &opts.select {
        Some(ids) => select_pairs(aligned.pairs, ids)?,
        None => aligned.pairs,
    };
    let text_findings = |all: Vec<Finding>| -> Vec<Finding> {
        all.into_iter()
            .filter(|f| TEXT_RULES.iter().any(|r| f.rule.starts_with(r)))
            .collect()
    };
    let review_new = || {
        let ropts = crate::review::ReviewOptions {
            lang: opts.lang,
            ..Default::default()
        };
        text_findings(crate::review::review(new, &ropts))
    };
    let diff_pairs = || crate::parallel::map_ordered(&pairs, opts.jobs, |p| pair_changes(p, opts));
    let (findings, diffs) = match reviewed {
        _ if !opts.check_findings => (Vec::new(), diff_pairs()),
        Some(given) => (text_findings(given.to_vec()), diff_pairs()),
        // The review of the new edition is one more job beside the pair
        // diffs (it only adjusts editorial flags afterwards), so it adds no
        // serial step and no thread of its own. It comes first: it is the
        // longest job, and the others fill the time it takes.
        None => {
            let jobs: Vec<Option<&ResolutionPair>> = std::iter::once(None)
                .chain(pairs.iter().map(Some))
                .collect();
            let mut done = crate::parallel::map_ordered(&jobs, opts.jobs, |job| match job {
                None => Done::Review(review_new()),
                Some(p) => Done::Pair(pair_changes(p, opts)),
            })
            .into_iter();
            let findings = match done.next() {
                Some(Done::Review(f)) => f,
                _ => Vec::new(),
            };
            let diffs = done
                .filter_map(|d| match d {
                    Done::Pair(c) => Some(c),
                    Done::Review(_) => None,
                })
                .collect();
            (findings, diffs)
        }
    };
    let findings = FindingIndex::new(&findings);
    for edition in [old, new] {
        if edition.partial {
            notes.push(Note::PartialEdition {
                edition: edition.name.clone(),
            });
        }
    }
    let mut resolutions = Vec::with_capacity(diffs.len());
    for (p, changes) in pairs.iter().zip(diffs) {
        let (r, narrowed) = finish_pair(p, changes, opts, &findings);
        if let Some((o, n)) = narrowed {
            notes.push(Note::NarrowedSearch {
                resolution: r.id.clone(),
                old_clauses: o,
                new_clauses: n,
            });
        }
        resolutions.push(r);
    }
    Ok(DiffReport {
        old_name: old.name.clone(),
        new_name: new.name.clone(),
        resolutions,
        notes,
        editorial_hidden: opts.hide_editorial,
        renumbering_hidden: opts.hide_renumbered,
        lang: opts.lang.tag.to_string(),
    })
}

/// Findings by file, in line order, so that each change looks only at the
/// findings within its lines.
struct FindingIndex<'f> {
    by_file: std::collections::HashMap<&'f str, Vec<&'f Finding>>,
}

impl<'f> FindingIndex<'f> {
    fn new(findings: &'f [Finding]) -> Self {
        let mut by_file: std::collections::HashMap<&str, Vec<&Finding>> =
            std::collections::HashMap::new();
        for f in findings {
            by_file.entry(f.file.as_str()).or_default().push(f);
        }
        for list in by_file.values_mut() {
            list.sort_by_key(|f| f.line);
        }
        FindingIndex { by_file }
    }

    /// Findings of `path` on lines `span.first_line..=span.last_line`.
    fn within(&self, path: &str, span: Span) -> &[&'f Finding] {
        let Some(list) = self.by_file.get(path) else {
            return &[];
        };
        let lo = list.partition_point(|f| f.line < span.first_line);
        let hi = list.partition_point(|f| f.line <= span.last_line);
        list.get(lo..hi.max(lo)).unwrap_or(&[])
    }
}

/// A change whose new text carries a finding of `findings` that its old
/// text did not have is not editorial.
fn unflag_findings(changes: &mut [Change], path: &str, findings: &FindingIndex) {
    for c in changes.iter_mut().filter(|c| c.editorial) {
        let (Some(span), Some(new_text)) = (c.new_span, c.new_text.as_deref()) else {
            continue;
        };
        let introduced = findings.within(path, span).iter().any(|f| {
            f.excerpt.as_ref().is_some_and(|e| {
                !e.marked.is_empty()
                    && new_text.contains(e.marked.as_str())
                    && !c
                        .old_text
                        .as_deref()
                        .is_some_and(|o| o.contains(e.marked.as_str()))
            })
        });
        if introduced {
            c.editorial = false;
        }
    }
}

/// Header and body changes of one resolution pair, before findings are
/// taken into account, and whether its similarity search had to be
/// narrowed (unpaired clauses on each side).
type PairChanges = (Vec<Change>, Vec<Change>, Option<(usize, usize)>);

/// The result of one job of [`diff_with`].
enum Done {
    Review(Vec<Finding>),
    Pair(PairChanges),
}

fn pair_changes(p: &ResolutionPair, opts: &DiffOptions) -> PairChanges {
    match (p.old, p.new) {
        (Some(o), Some(n)) => {
            let (body, narrowed) = body_changes(o.resolution, n.resolution, opts.lang);
            (
                header_changes(o.resolution, n.resolution, opts.lang),
                body,
                narrowed,
            )
        }
        // ITU practice reproduces an added or suppressed text in full, all
        // inserted or all struck through.
        (Some(o), None) if !p.absent => {
            let (h, b) = whole(o.resolution, false, opts.lang);
            (h, b, None)
        }
        (None, Some(n)) if !p.absent => {
            let (h, b) = whole(n.resolution, true, opts.lang);
            (h, b, None)
        }
        _ => (Vec::new(), Vec::new(), None),
    }
}

/// The diff of one resolution pair from its changes, and whether its
/// similarity search had to be narrowed.
fn finish_pair(
    p: &ResolutionPair,
    (mut header_changes, mut changes, narrowed): PairChanges,
    opts: &DiffOptions,
    findings: &FindingIndex,
) -> (ResolutionDiff, Option<(usize, usize)>) {
    let title = p
        .new
        .or(p.old)
        .map(|l| l.resolution.title.text.clone())
        .unwrap_or_default();
    if let (Some(_), Some(n)) = (p.old, p.new) {
        unflag_findings(&mut header_changes, n.path, findings);
        unflag_findings(&mut changes, n.path, findings);
    }
    let status = match (p.old, p.new) {
        _ if p.absent => ResolutionStatus::Absent,
        (Some(_), Some(_)) if header_changes.is_empty() && changes.is_empty() => {
            ResolutionStatus::Unchanged
        }
        (Some(_), Some(_)) => ResolutionStatus::Modified,
        (None, _) => ResolutionStatus::Added,
        (Some(_), None) => ResolutionStatus::Removed,
    };
    let verdict = ResolutionDiff::verdict_of(status, header_changes.iter().chain(&changes));
    let compared = status == ResolutionStatus::Modified;
    let counts = if compared {
        ChangeCounts::of(header_changes.iter().chain(&changes))
    } else {
        ChangeCounts::default()
    };
    let hidden = |c: &Change| {
        compared
            && ((opts.hide_editorial && c.editorial)
                || (opts.hide_renumbered && c.kind == ChangeKind::Renumbered))
    };
    header_changes.retain(|c| !hidden(c));
    changes.retain(|c| !hidden(c));
    // The report is held to the end of the run beside both editions: the
    // lists keep no room they grew into.
    header_changes.shrink_to_fit();
    changes.shrink_to_fit();
    let diff = ResolutionDiff {
        id: p.id.clone(),
        aliases: p.aliases.clone(),
        title,
        status,
        match_how: p.how.clone(),
        old_location: p.old.as_ref().map(Located::location),
        new_location: p.new.as_ref().map(Located::location),
        header_changes,
        changes,
        verdict,
        counts,
    };
    (diff, narrowed)
}

/// One side of a change: where, label, text, span.
#[derive(Default, Clone)]
struct Side {
    section: Option<String>,
    label: Option<String>,
    text: Option<String>,
    span: Option<Span>,
}

impl Side {
    fn of(section: &str, label: Option<String>, text: &str, span: Span) -> Side {
        Side {
            section: Some(section.to_string()),
            label,
            text: Some(text.to_string()),
            span: Some(span),
        }
    }
}

/// Build a change; inline ops and the editorial flag come from the texts.
fn change(kind: ChangeKind, unit: ChangeUnit, old: Side, new: Side, lang: &Lang) -> Change {
    let (inline, editorial) = match (&old.text, &new.text) {
        (Some(a), Some(b)) if a != b => (
            inline::inline_diff(a, b),
            // A move or a renumbering is a change of place, never editorial.
            kind == ChangeKind::Modified && editorial::is_editorial(a, b, lang),
        ),
        _ => (Vec::new(), false),
    };
    // Edition markers (header edition, history and assembly lines, annex
    // captions) change with every revision: editorial by ITU practice.
    let marker = matches!(
        unit,
        ChangeUnit::Header | ChangeUnit::History | ChangeUnit::Assembly
    ) || (unit == ChangeUnit::AnnexTitle
        && new.label.as_deref().or(old.label.as_deref()) == Some("caption"));
    let editorial = editorial || (marker && kind != ChangeKind::Moved);
    let section = new
        .section
        .clone()
        .or(old.section.clone())
        .unwrap_or_default();
    let old_section = old.section.filter(|s| *s != section);
    Change {
        kind,
        unit,
        section,
        old_section,
        old_label: old.label,
        new_label: new.label,
        old_text: old.text,
        new_text: new.text,
        editorial,
        inline,
        old_span: old.span,
        new_span: new.span,
    }
}

/// Compare two optional texts of one unit: added, removed, modified or
/// nothing.
fn compare(unit: ChangeUnit, old: Option<Side>, new: Option<Side>, lang: &Lang) -> Option<Change> {
    let kind = match (&old, &new) {
        (Some(o), Some(n)) if o.text == n.text => return None,
        (Some(_), Some(_)) => ChangeKind::Modified,
        (Some(_), None) => ChangeKind::Removed,
        (None, Some(_)) => ChangeKind::Added,
        (None, None) => return None,
    };
    Some(change(
        kind,
        unit,
        old.unwrap_or_default(),
        new.unwrap_or_default(),
        lang,
    ))
}

/// Compare two versions of one resolution: header-line changes, then
/// heading, clause, annex and footnote changes in new-edition order.
pub(crate) fn diff_resolution(
    old: &Resolution,
    new: &Resolution,
    lang: &Lang,
) -> (Vec<Change>, Vec<Change>) {
    (
        header_changes(old, new, lang),
        body_changes(old, new, lang).0,
    )
}

/// A whole resolution as changes: every unit added (`added`) or removed,
/// header lines first. None is editorial: the text is new or gone.
fn whole(r: &Resolution, added: bool, lang: &Lang) -> (Vec<Change>, Vec<Change>) {
    // The header lines alone: a copy of the whole body would only be
    // thrown away.
    let empty = Resolution {
        id: r.id.clone(),
        number: r.number,
        action: r.action,
        kind: r.kind,
        header: r.header.clone(),
        edition: r.edition.clone(),
        title: r.title.clone(),
        history: r.history.clone(),
        assembly: r.assembly.clone(),
        sections: Vec::new(),
        annexes: Vec::new(),
        footnotes: Vec::new(),
        span: r.span,
    };
    let (old, new) = if added { (&empty, r) } else { (r, &empty) };
    let side = |r: &Resolution, unit: ChangeUnit| -> Option<Side> {
        match unit {
            ChangeUnit::Header => Some(Side::of("header", None, &r.header.text, r.header.span)),
            ChangeUnit::Title => Some(Side::of("title", None, &r.title.text, r.title.span)),
            ChangeUnit::History => r
                .history
                .as_ref()
                .map(|h| Side::of("history", None, &h.text, h.span)),
            _ => r
                .assembly
                .as_ref()
                .map(|a| Side::of("assembly", None, &a.text, a.span)),
        }
    };
    let mut head = Vec::new();
    for unit in [
        ChangeUnit::Header,
        ChangeUnit::Title,
        ChangeUnit::History,
        ChangeUnit::Assembly,
    ] {
        let (o, n) = if added {
            (None, side(r, unit))
        } else {
            (side(r, unit), None)
        };
        head.extend(compare(unit, o, n, lang));
    }
    let (mut body, _) = body_changes(old, new, lang);
    for c in head.iter_mut().chain(&mut body) {
        c.editorial = false;
    }
    (head, body)
}

fn header_changes(old: &Resolution, new: &Resolution, lang: &Lang) -> Vec<Change> {
    let mut out = Vec::new();
    // The header's id differs whenever a provisional id was resolved; only
    // the edition it names is compared.
    let edition = |r: &Resolution| r.edition.as_ref().map(|e| e.raw.clone());
    if edition(old) != edition(new) {
        out.push(change(
            ChangeKind::Modified,
            ChangeUnit::Header,
            Side::of("header", None, &old.header.text, old.header.span),
            Side::of("header", None, &new.header.text, new.header.span),
            lang,
        ));
    }
    let t = |r: &Resolution| Some(Side::of("title", None, &r.title.text, r.title.span));
    out.extend(compare(ChangeUnit::Title, t(old), t(new), lang));
    let h = |r: &Resolution| {
        r.history
            .as_ref()
            .map(|h| Side::of("history", None, &h.text, h.span))
    };
    out.extend(compare(ChangeUnit::History, h(old), h(new), lang));
    let a = |r: &Resolution| {
        r.assembly
            .as_ref()
            .map(|a| Side::of("assembly", None, &a.text, a.span))
    };
    out.extend(compare(ChangeUnit::Assembly, a(old), a(new), lang));
    out
}

/// Clause-level changes, and whether alignment had to narrow its search.
fn body_changes(
    old: &Resolution,
    new: &Resolution,
    lang: &Lang,
) -> (Vec<Change>, Option<(usize, usize)>) {
    let aligned = align::align_resolution(old, new, lang);
    let mut out: Vec<(ReportOrder, Change)> = Vec::new();
    for c in &aligned.containers {
        let (old_sec, new_sec) = (section_of(c.old), section_of(c.new));
        if old_sec.is_some() || new_sec.is_some() {
            let heading =
                |s: Option<&Section>| s.map(|s| Side::of(&name(s), None, &s.heading, s.span));
            let intro = |s: Option<&Section>| {
                s.and_then(|s| {
                    s.intro
                        .as_ref()
                        .map(|i| Side::of(&name(s), None, &i.text, i.span))
                })
            };
            let ch = compare(
                ChangeUnit::Heading,
                heading(old_sec),
                heading(new_sec),
                lang,
            );
            out.extend(ch.map(|ch| (c.order, ch)));
            let ch = compare(ChangeUnit::Intro, intro(old_sec), intro(new_sec), lang);
            out.extend(ch.map(|ch| (c.intro_order, ch)));
            continue;
        }
        let (old_annex, new_annex) = (annex_of(c.old), annex_of(c.new));
        for what in ["caption", "title"] {
            let ch = compare(
                ChangeUnit::AnnexTitle,
                annex_part(old_annex, what),
                annex_part(new_annex, what),
                lang,
            );
            out.extend(ch.map(|ch| (c.order, ch)));
        }
    }
    for u in &aligned.units {
        out.extend(unit_change(u, lang).map(|ch| (u.order, ch)));
    }
    out.sort_by_key(|(o, _)| *o);
    let mut changes: Vec<Change> = out.into_iter().map(|(_, c)| c).collect();
    changes.extend(footnote_changes(old, new, lang));
    (changes, aligned.narrowed)
}

fn name(s: &Section) -> String {
    Container::Section(s).name()
}

fn section_of(c: Option<Container<'_>>) -> Option<&Section> {
    match c {
        Some(Container::Section(s)) => Some(s),
        _ => None,
    }
}

fn annex_of(c: Option<Container<'_>>) -> Option<&Annex> {
    match c {
        Some(Container::Annex(a)) => Some(a),
        _ => None,
    }
}

/// Caption or title of an annex. An annex with neither still shows up by
/// its name as its title, so that adding or removing it is reported.
fn annex_part(a: Option<&Annex>, what: &str) -> Option<Side> {
    let a = a?;
    let t = if what == "title" {
        &a.title
    } else {
        &a.caption
    };
    match t {
        Some(t) => Some(Side::of(&a.name, Some(what.to_string()), &t.text, t.span)),
        None if what == "title" => Some(Side::of(&a.name, None, &a.name, a.span)),
        None => None,
    }
}

fn unit_change(u: &UnitPair, lang: &Lang) -> Option<Change> {
    let side = |r: &align::UnitRef| {
        Side::of(
            &r.section,
            Some(r.label.clone()),
            &r.clause.text,
            r.clause.span,
        )
    };
    match &u.sides {
        UnitSides::Both {
            old: o,
            new: n,
            moved,
        } => {
            let kind = if *moved {
                ChangeKind::Moved
            } else if o.clause.text != n.clause.text {
                ChangeKind::Modified
            } else if label_of(o) != label_of(n) {
                if label_of(o).map(labels::ascii_form) == label_of(n).map(labels::ascii_form) {
                    // `ａ）` for `a)`: the same label typed another way.
                    let mut c = change(
                        ChangeKind::Modified,
                        ChangeUnit::Clause,
                        side(o),
                        side(n),
                        lang,
                    );
                    c.editorial = true;
                    return Some(c);
                }
                ChangeKind::Renumbered
            } else {
                return None;
            };
            Some(change(kind, ChangeUnit::Clause, side(o), side(n), lang))
        }
        UnitSides::OldOnly(o) => Some(change(
            ChangeKind::Removed,
            ChangeUnit::Clause,
            side(o),
            Side::default(),
            lang,
        )),
        UnitSides::NewOnly(n) => Some(change(
            ChangeKind::Added,
            ChangeUnit::Clause,
            Side::default(),
            side(n),
            lang,
        )),
    }
}

/// A clause's own label as written (not its path).
fn label_of<'a>(r: &'a align::UnitRef) -> Option<&'a str> {
    r.clause.label.as_ref().map(|l| l.raw.as_str())
}

fn footnote_changes(old: &Resolution, new: &Resolution, lang: &Lang) -> Vec<Change> {
    let mut marks: Vec<&FootnoteMark> = old
        .footnotes
        .iter()
        .chain(&new.footnotes)
        .map(|f| &f.mark)
        .collect();
    marks.sort_unstable();
    marks.dedup();
    let side = |r: &Resolution, n: &FootnoteMark| {
        r.footnotes
            .iter()
            .find(|f| f.mark == *n)
            .map(|f| Side::of("footnotes", Some(n.to_string()), &f.text, f.span))
    };
    marks
        .into_iter()
        .filter_map(|n| compare(ChangeUnit::Footnote, side(old, n), side(new, n), lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;
    use crate::model::SectionKind::*;
    use crate::model::Verdict;
    use crate::testkit::{corpus, document, resolution, section};

    const TEXTS: [&str; 8] = [
        "世界电信标准化全会关于研究组工作方法的规定",
        "国际电联电信标准化部门与其他标准制定组织的协作",
        "发展中国家参与标准制定工作的重要意义",
        "电信标准化局为研究组提供的支持和资源",
        "各研究组之间在共同关注议题上的协调",
        "成员国和部门成员对标准化工作的贡献",
        "区域标准化机构在制定标准过程中的作用",
        "新兴技术对电信标准化工作提出的新要求",
    ];

    fn kinds(changes: &[Change]) -> Vec<(ChangeKind, Option<String>, Option<String>)> {
        changes
            .iter()
            .map(|c| (c.kind, c.old_label.clone(), c.new_label.clone()))
            .collect()
    }

    #[test]
    fn inserting_near_the_start_renumbers_without_modifying() {
        let labels: Vec<String> = (1..=9).map(|n| n.to_string()).collect();
        let old: Vec<(&str, &str)> = labels.iter().map(String::as_str).zip(TEXTS).collect();
        let mut texts = TEXTS.to_vec();
        texts.insert(1, "为人工智能标准化设立专门焦点组并定期报告进展");
        let new: Vec<(&str, &str)> = labels.iter().map(String::as_str).zip(texts).collect();
        let o = resolution("2", vec![section("做出决议", Resolves, None, &old)]);
        let n = resolution("2", vec![section("做出决议", Resolves, None, &new)]);
        let (head, body) = diff_resolution(&o, &n, &ZH);
        assert!(head.is_empty());
        let k = kinds(&body);
        assert_eq!(k[0], (ChangeKind::Added, None, Some("2".into())));
        assert_eq!(k.len(), 8);
        for (i, c) in k[1..].iter().enumerate() {
            let from = (i + 2).to_string();
            let to = (i + 3).to_string();
            assert_eq!(*c, (ChangeKind::Renumbered, Some(from), Some(to)));
        }
        assert!(
            body[1..]
                .iter()
                .all(|c| c.inline.is_empty() && !c.editorial)
        );
    }

    #[test]
    fn modified_clause_gets_a_redline_and_editorial_flag() {
        let o = resolution(
            "2",
            vec![section(
                "认识到",
                Recognizing,
                None,
                &[
                    ("a)", "与其他组织的协作十分重要"),
                    ("b)", "注意到信任度的重要性和意义"),
                ],
            )],
        );
        let n = resolution(
            "2",
            vec![section(
                "认识到",
                Recognizing,
                None,
                &[
                    ("a)", "与其它组织的协作十分重要"),
                    ("b)", "注意到可信度的重要性和意义"),
                ],
            )],
        );
        let (_, body) = diff_resolution(&o, &n, &ZH);
        assert_eq!(body.len(), 2);
        assert!(body.iter().all(|c| c.kind == ChangeKind::Modified));
        assert!(body[0].editorial);
        assert!(!body[1].editorial);
        assert_eq!(
            inline::word_diff_plain(&body[1].inline),
            "注意到[-信任-]{+可信+}度的重要性和意义"
        );
    }

    #[test]
    fn heading_change_and_moved_clause_are_reported() {
        let o = resolution(
            "2",
            vec![
                section(
                    "认识到",
                    Recognizing,
                    None,
                    &[("a)", TEXTS[0]), ("b)", TEXTS[1])],
                ),
                section(
                    "责成电信标准化局主任与电信发展局主任协作",
                    Instructs,
                    Some("电信标准化局主任与电信发展局主任协作"),
                    &[("1", TEXTS[2])],
                ),
            ],
        );
        let n = resolution(
            "2",
            vec![
                section("认识到", Recognizing, None, &[("a)", TEXTS[0])]),
                section(
                    "责成电信标准化局主任与电信发展局主任合作",
                    Instructs,
                    Some("电信标准化局主任与电信发展局主任合作"),
                    &[("1", TEXTS[2]), ("2", TEXTS[1])],
                ),
            ],
        );
        let (_, body) = diff_resolution(&o, &n, &ZH);
        assert_eq!(body.len(), 2, "{body:#?}");
        assert_eq!(body[0].unit, ChangeUnit::Heading);
        assert_eq!(body[1].kind, ChangeKind::Moved);
        assert_eq!(body[1].old_section.as_deref(), Some("认识到"));
        assert_eq!(body[1].old_label.as_deref(), Some("b)"));
        assert_eq!(body[1].new_label.as_deref(), Some("2"));
    }

    #[test]
    fn diff_with_itself_is_empty_and_hiding_editorial_works() {
        let r = resolution(
            "2",
            vec![section(
                "认识到",
                Recognizing,
                None,
                &[("a)", "与其他组织协作")],
            )],
        );
        let c = corpus("a", vec![document("a.txt", vec![r.clone()])]);
        let rep = diff_editions(&c, &c, &DiffOptions::default()).unwrap();
        assert!(!rep.has_differences());
        assert_eq!(rep.summary().unchanged, 1);

        let mut r2 = r.clone();
        r2.sections[0].clauses[0].text = "与其它组织协作".into();
        let c2 = corpus("b", vec![document("b.txt", vec![r2])]);
        let rep = diff_editions(&c, &c2, &DiffOptions::default()).unwrap();
        assert!(rep.has_differences());
        assert!(rep.resolutions[0].editorial_only());
        assert_eq!(rep.summary().editorial_only, 1);
        let hide = DiffOptions {
            hide_editorial: true,
            ..DiffOptions::default()
        };
        let rep = diff_editions(&c, &c2, &hide).unwrap();
        assert!(!rep.has_differences());
    }

    #[test]
    fn findings_given_by_a_review_are_the_ones_checked() {
        let r = |text: &str| {
            resolution(
                "2",
                vec![section("认识到", Recognizing, None, &[("a)", text)])],
            )
        };
        let c = corpus("a", vec![document("a.txt", vec![r("与其他组织协作")])]);
        let d = corpus("b", vec![document("b.txt", vec![r("与其它组织协作")])]);
        let finding = |rule: &str| Finding {
            excerpt: Some(crate::model::MarkedText {
                before: "与".into(),
                marked: "其它".into(),
                after: "组织协作".into(),
            }),
            ..Finding::at_line(
                rule,
                crate::model::FindingSeverity::Warning,
                "b.txt",
                1,
                Some("2".into()),
                crate::model::Message::TemplateField,
            )
        };
        let opts = DiffOptions::default();
        let editorial = |findings: &[Finding]| {
            diff_editions_reviewed(&c, &d, &opts, findings)
                .unwrap()
                .resolutions[0]
                .changes[0]
                .editorial
        };
        // No review of its own: without findings the variant is editorial,
        // with a text finding on the new wording it is not, and findings of
        // other families (about a report, say) do not count.
        assert!(editorial(&[]));
        assert!(!editorial(&[finding("edition.year")]));
        assert!(editorial(&[finding("declared.missing")]));
        assert!(diff_editions(&c, &d, &opts).unwrap().resolutions[0].changes[0].editorial);
    }

    fn history(r: &mut Resolution, s: &str) {
        r.history = Some(crate::model::History {
            text: s.into(),
            items: Vec::new(),
            notes: Vec::new(),
            span: Span::new(2, 2),
        });
    }

    #[test]
    fn edition_markers_alone_give_mod_editorial() {
        let secs = || vec![section("认识到", Recognizing, None, &[("a)", TEXTS[0])])];
        let mut o = resolution("2", secs());
        history(&mut o, "（2020年，日内瓦）");
        let mut n = resolution("2", secs());
        history(&mut n, "（2020年，日内瓦；2024年，新德里）");
        let (c, d) = (
            corpus("a", vec![document("a.txt", vec![o.clone()])]),
            corpus("b", vec![document("b.txt", vec![n.clone()])]),
        );
        let rep = diff_editions(&c, &d, &DiffOptions::default()).unwrap();
        let r = &rep.resolutions[0];
        assert_eq!(r.verdict, Verdict::ModEditorial);
        assert_eq!(r.verdict.mark(), "(MOD)");
        assert_eq!(r.counts.editorial, 1);
        assert_eq!(rep.summary().editorial_only, 1);

        n.sections[0].clauses[0].text = TEXTS[0].replace("规定", "安排");
        let d = corpus("b", vec![document("b.txt", vec![n])]);
        let rep = diff_editions(&c, &d, &DiffOptions::default()).unwrap();
        let r = &rep.resolutions[0];
        assert_eq!(r.verdict, Verdict::Mod);
        assert_eq!((r.counts.substantive, r.counts.editorial), (1, 1));
    }

    #[test]
    fn substantive_hides_markers_and_renumbering_but_keeps_counts() {
        let labels: Vec<String> = (1..=9).map(|n| n.to_string()).collect();
        let old: Vec<(&str, &str)> = labels.iter().map(String::as_str).zip(TEXTS).collect();
        let mut texts = TEXTS.to_vec();
        texts.insert(1, "为人工智能标准化设立专门焦点组并定期报告进展");
        let new: Vec<(&str, &str)> = labels.iter().map(String::as_str).zip(texts).collect();
        let mut o = resolution("2", vec![section("做出决议", Resolves, None, &old)]);
        history(&mut o, "（2020年，日内瓦）");
        let mut n = resolution("2", vec![section("做出决议", Resolves, None, &new)]);
        history(&mut n, "（2020年，日内瓦；2024年，新德里）");
        let c = corpus("a", vec![document("a.txt", vec![o])]);
        let d = corpus("b", vec![document("b.txt", vec![n])]);
        let opts = DiffOptions {
            hide_editorial: true,
            hide_renumbered: true,
            ..DiffOptions::default()
        };
        let rep = diff_editions(&c, &d, &opts).unwrap();
        let r = &rep.resolutions[0];
        assert_eq!(r.verdict, Verdict::Mod);
        assert_eq!(r.header_changes.len(), 0);
        assert_eq!(
            kinds(&r.changes),
            vec![(ChangeKind::Added, None, Some("2".into()))]
        );
        let want = ChangeCounts {
            substantive: 1,
            editorial: 1,
            moved: 0,
            renumbered: 7,
        };
        assert_eq!(r.counts, want);
    }

    #[test]
    fn only_selects_resolutions_and_refuses_unknown_ids() {
        let secs = |t: &str| vec![section("认识到", Recognizing, None, &[("a)", t)])];
        let ed = |name: &str, t: &str| {
            let rs = ["2", "52", "64", "70"]
                .iter()
                .map(|id| resolution(id, secs(t)))
                .collect();
            corpus(name, vec![document(&format!("{name}.txt"), rs)])
        };
        let (c, d) = (ed("a", TEXTS[0]), ed("b", TEXTS[1]));
        let opts = DiffOptions {
            select: Some(vec!["64".into(), "2".into()]),
            ..DiffOptions::default()
        };
        let rep = diff_editions(&c, &d, &opts).unwrap();
        let ids: Vec<&str> = rep.resolutions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["2", "64"]);
        let opts = DiffOptions {
            select: Some(vec!["2".into(), "99".into()]),
            ..DiffOptions::default()
        };
        let err = diff_editions(&c, &d, &opts).unwrap_err().to_string();
        assert!(err.contains("`99`"), "{err}");
    }
}
