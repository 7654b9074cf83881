//! A compared resolution in full (`--full`): the new edition's text in
//! document order — header lines, section headings, lead-ins, clauses,
//! annex captions and paragraphs, footnotes — with the report's changes in
//! their places. Unchanged paragraphs come from the parse model with their
//! section and label path; removed ones stand where the alignment puts them
//! (after the nearest preceding paired item), moved ones at their new place.

use crate::align::clauses::{Container, UnitSides, align_resolution};
use crate::corpus::Corpus;
use crate::lang::Lang;
use crate::model::{
    Annex, Change, ChangeUnit, Location, Resolution, ResolutionDiff, Section, Span,
};

/// The two editions a report was made from: where the renderers find the
/// text of each compared resolution to show it in full.
#[derive(Debug, Clone, Copy)]
pub struct Editions<'a> {
    /// The old edition.
    pub old: &'a Corpus,
    /// The new edition.
    pub new: &'a Corpus,
}

/// One paragraph of a resolution shown in full.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece<'a> {
    /// Text both editions share (or whose change the report leaves out,
    /// shown as the new edition has it).
    Same(Same<'a>),
    /// A change of the report, at its place.
    Change(&'a Change),
}

/// An unchanged paragraph: what it is, where, and its text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Same<'a> {
    /// Header line, title, heading, clause, …
    pub unit: ChangeUnit,
    /// Section or annex name (`认识到`), empty for header lines.
    pub section: String,
    /// Label path (`1 a)`), footnote number or annex part.
    pub label: Option<String>,
    /// The text as the new edition has it.
    pub text: &'a str,
    /// Its lines in the new edition's file.
    pub span: Span,
}

impl Piece<'_> {
    /// Section (or annex) the paragraph belongs to.
    pub fn section(&self) -> &str {
        match self {
            Piece::Same(s) => &s.section,
            Piece::Change(c) => &c.section,
        }
    }

    /// Which part of the resolution it is.
    pub fn unit(&self) -> ChangeUnit {
        match self {
            Piece::Same(s) => s.unit,
            Piece::Change(c) => c.unit,
        }
    }
}

/// The resolution a location points at.
fn find<'a>(corpus: &'a Corpus, at: Option<&Location>) -> Option<&'a Resolution> {
    let at = at?;
    corpus
        .documents
        .iter()
        .filter(|d| d.path == at.file)
        .flat_map(|d| &d.resolutions)
        .find(|r| r.span == at.span)
}

/// The two sides of a compared resolution, when both editions hold it.
pub(crate) fn sides<'a>(
    r: &ResolutionDiff,
    eds: &Editions<'a>,
) -> Option<(&'a Resolution, &'a Resolution)> {
    Some((
        find(eds.old, r.old_location.as_ref())?,
        find(eds.new, r.new_location.as_ref())?,
    ))
}

/// Collects pieces, taking each change of the report once.
struct Layout<'a> {
    changes: Vec<&'a Change>,
    used: Vec<bool>,
}

impl<'a> Layout<'a> {
    /// The change of `unit` on the new side `new` (or, for text only the
    /// old edition has, on the old side `old`), if the report holds it.
    fn take(
        &mut self,
        unit: ChangeUnit,
        old: Option<Span>,
        new: Option<Span>,
    ) -> Option<Piece<'a>> {
        let k = (0..self.changes.len()).find(|&k| {
            let c = self.changes[k];
            !self.used[k]
                && c.unit == unit
                && match new {
                    Some(_) => c.new_span == new,
                    None => c.new_span.is_none() && c.old_span == old,
                }
        })?;
        self.used[k] = true;
        Some(Piece::Change(self.changes[k]))
    }

    /// The change at this place, else the new edition's text as it is.
    fn piece(
        &mut self,
        unit: ChangeUnit,
        old: Option<Span>,
        same: Option<Same<'a>>,
    ) -> Option<Piece<'a>> {
        self.take(unit, old, same.as_ref().map(|s| s.span))
            .or(same.filter(|s| !s.text.trim().is_empty()).map(Piece::Same))
    }
}

fn same<'a>(
    unit: ChangeUnit,
    section: &str,
    label: Option<&str>,
    text: &'a str,
    span: Span,
) -> Same<'a> {
    Same {
        unit,
        section: section.to_string(),
        label: label.map(str::to_string),
        text,
        span,
    }
}

fn section_of<'a>(c: Option<Container<'a>>) -> Option<&'a Section> {
    match c {
        Some(Container::Section(s)) => Some(s),
        _ => None,
    }
}

fn annex_of<'a>(c: Option<Container<'a>>) -> Option<&'a Annex> {
    match c {
        Some(Container::Annex(a)) => Some(a),
        _ => None,
    }
}

/// Section name as reports show it.
fn section_name(s: &Section) -> String {
    Container::Section(s).name()
}

/// Caption or title of an annex as the diff compares it: an annex with
/// neither is titled by its name.
fn annex_part<'a>(a: &'a Annex, caption: bool) -> Option<Same<'a>> {
    let (t, label) = if caption {
        (&a.caption, Some("caption"))
    } else {
        (&a.title, Some("title"))
    };
    match t {
        Some(t) => Some(same(
            ChangeUnit::AnnexTitle,
            &a.name,
            label,
            &t.text,
            t.span,
        )),
        None if !caption => Some(same(ChangeUnit::AnnexTitle, &a.name, None, &a.name, a.span)),
        None => None,
    }
}

/// Resolution `r` of the report in full, from its two sides `old` and
/// `new`: every paragraph of the new text in order, each a change of the
/// report or unchanged text, removed paragraphs where they stood. Changes
/// the layout cannot place (none are expected) follow at the end, so that
/// nothing the report holds is lost.
pub(crate) fn pieces<'a>(
    r: &'a ResolutionDiff,
    old: &'a Resolution,
    new: &'a Resolution,
    lang: &Lang,
) -> Vec<Piece<'a>> {
    let changes: Vec<&Change> = r.header_changes.iter().chain(&r.changes).collect();
    let mut l = Layout {
        used: vec![false; changes.len()],
        changes,
    };
    let mut out = Vec::new();
    // Header lines: header, title, history, assembly line.
    let header = [
        (
            ChangeUnit::Header,
            Some((new.header.text.as_str(), new.header.span)),
            Some(old.header.span),
        ),
        (
            ChangeUnit::Title,
            Some((new.title.text.as_str(), new.title.span)),
            Some(old.title.span),
        ),
        (
            ChangeUnit::History,
            new.history.as_ref().map(|h| (h.text.as_str(), h.span)),
            old.history.as_ref().map(|h| h.span),
        ),
        (
            ChangeUnit::Assembly,
            new.assembly.as_ref().map(|a| (a.text.as_str(), a.span)),
            old.assembly.as_ref().map(|a| a.span),
        ),
    ];
    for (unit, text, old_span) in header {
        let s = text.map(|(t, span)| same(unit, "", None, t, span));
        out.extend(l.piece(unit, old_span, s));
    }
    // Sections, annexes and clauses in the report's order.
    let aligned = align_resolution(old, new, lang);
    let mut body: Vec<((usize, u8, usize), Piece)> = Vec::new();
    for c in &aligned.containers {
        if let (o, n) = (section_of(c.old), section_of(c.new))
            && (o.is_some() || n.is_some())
        {
            let heading = n.map(|s| {
                same(
                    ChangeUnit::Heading,
                    &section_name(s),
                    None,
                    &s.heading,
                    s.span,
                )
            });
            let heading = l.piece(ChangeUnit::Heading, o.map(|s| s.span), heading);
            // A heading is matched by its section's span but is one line.
            body.extend(heading.map(|p| match p {
                Piece::Same(mut s) => {
                    s.span.last_line = s.span.first_line;
                    (c.order, Piece::Same(s))
                }
                p => (c.order, p),
            }));
            let intro = n.and_then(|s| {
                s.intro
                    .as_ref()
                    .map(|i| same(ChangeUnit::Intro, &section_name(s), None, &i.text, i.span))
            });
            let old_intro = o.and_then(|s| s.intro.as_ref().map(|i| i.span));
            body.extend(
                l.piece(ChangeUnit::Intro, old_intro, intro)
                    .map(|p| (c.intro_order, p)),
            );
            continue;
        }
        let (o, n) = (annex_of(c.old), annex_of(c.new));
        for caption in [true, false] {
            let s = n.and_then(|a| annex_part(a, caption));
            let old_span = o.and_then(|a| annex_part(a, caption)).map(|s| s.span);
            body.extend(
                l.piece(ChangeUnit::AnnexTitle, old_span, s)
                    .map(|p| (c.order, p)),
            );
        }
    }
    for u in &aligned.units {
        let (o, n) = match &u.sides {
            UnitSides::Both { old, new, .. } => (Some(old), Some(new)),
            UnitSides::OldOnly(o) => (Some(o), None),
            UnitSides::NewOnly(n) => (None, Some(n)),
        };
        let s = n.map(|n| {
            same(
                ChangeUnit::Clause,
                &n.section,
                Some(n.label.as_str()),
                &n.clause.text,
                n.clause.span,
            )
        });
        let old_span = o.map(|o| o.clause.span);
        body.extend(
            l.piece(ChangeUnit::Clause, old_span, s)
                .map(|p| (u.order, p)),
        );
    }
    // Stable: a container's heading before its lead-in and clauses that
    // share its place.
    body.sort_by_key(|(order, _)| *order);
    out.extend(body.into_iter().map(|(_, p)| p));
    // Footnotes by number, as the diff compares them.
    let mut marks: Vec<&crate::model::FootnoteMark> = old
        .footnotes
        .iter()
        .chain(&new.footnotes)
        .map(|f| &f.mark)
        .collect();
    marks.sort_unstable();
    marks.dedup();
    for n in marks {
        let s = new.footnotes.iter().find(|f| f.mark == *n).map(|f| Same {
            unit: ChangeUnit::Footnote,
            section: "footnotes".into(),
            label: Some(n.to_string()),
            text: &f.text,
            span: f.span,
        });
        let old_span = old.footnotes.iter().find(|f| f.mark == *n).map(|f| f.span);
        out.extend(l.piece(ChangeUnit::Footnote, old_span, s));
    }
    for (k, c) in l.changes.iter().enumerate() {
        if !l.used[k] {
            out.push(Piece::Change(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::diff_resolution;
    use crate::lang::ZH;
    use crate::model::{ChangeKind, ResolutionStatus, SectionKind::*};
    use crate::testkit::{resolution, section};

    const TEXTS: [&str; 5] = [
        "世界电信标准化全会关于研究组工作方法的规定",
        "国际电联电信标准化部门与其他标准制定组织的协作",
        "发展中国家参与标准制定工作的重要意义",
        "电信标准化局为研究组提供的支持和资源",
        "各研究组之间在共同关注议题上的协调",
    ];

    /// A resolution whose paragraphs sit on lines 1, 2, … as in a file.
    fn numbered(sections: &[(&str, &[(&str, &str)])]) -> Resolution {
        let kinds = [Recognizing, Resolves];
        let mut r = resolution(
            "9",
            sections
                .iter()
                .zip(kinds)
                .map(|((h, cs), k)| section(h, k, None, cs))
                .collect(),
        );
        r.header.span = Span::new(1, 1);
        r.title.span = Span::new(2, 2);
        let mut line = 3;
        for s in &mut r.sections {
            let first = line;
            line += 1;
            for c in &mut s.clauses {
                c.span = Span::new(line, line);
                line += 1;
            }
            s.span = Span::new(first, line - 1);
        }
        r
    }

    fn report(old: &Resolution, new: &Resolution) -> ResolutionDiff {
        let (header_changes, changes) = diff_resolution(old, new, &ZH);
        let mut r = ResolutionDiff {
            id: "9".into(),
            aliases: Vec::new(),
            title: String::new(),
            status: ResolutionStatus::Modified,
            match_how: None,
            old_location: None,
            new_location: None,
            header_changes,
            changes,
            verdict: crate::model::Verdict::Noc,
            counts: Default::default(),
        };
        r.settle();
        r
    }

    /// Each piece as `label kind` (`same` for unchanged text).
    fn outline(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Same(s) => format!("{} same", s.label.as_deref().unwrap_or(&s.section)),
                Piece::Change(c) => format!(
                    "{} {:?}",
                    c.new_label
                        .as_deref()
                        .or(c.old_label.as_deref())
                        .unwrap_or(""),
                    c.kind
                ),
            })
            .collect()
    }

    #[test]
    fn removed_clause_stands_where_it_stood_and_moved_one_at_its_new_place() {
        let t = TEXTS;
        let old = numbered(&[
            ("认识到", &[("a)", t[0]), ("b)", t[1])]),
            ("做出决议", &[("1", t[2]), ("2", t[3]), ("3", t[4])]),
        ]);
        // 2 is removed, b) moves to the end of 做出决议 as 3.
        let new = numbered(&[
            ("认识到", &[("a)", t[0])]),
            ("做出决议", &[("1", t[2]), ("2", t[4]), ("3", t[1])]),
        ]);
        let r = report(&old, &new);
        let got = pieces(&r, &old, &new, &ZH);
        assert_eq!(
            outline(&got),
            [
                " same",
                " same",
                "认识到 same",
                "a) same",
                "做出决议 same",
                "1 same",
                "2 Removed",
                "2 Renumbered",
                "3 Moved",
            ],
            "{got:#?}"
        );
        // Every change of the report once.
        let shown = got.iter().filter(|p| matches!(p, Piece::Change(_))).count();
        assert_eq!(shown, r.header_changes.len() + r.changes.len());
        let moved = got.iter().find_map(|p| match p {
            Piece::Change(c) if c.kind == ChangeKind::Moved => Some(c),
            _ => None,
        });
        assert_eq!(moved.unwrap().new_span, Some(Span::new(8, 8)));
    }

    #[test]
    fn a_hidden_change_shows_the_new_text() {
        let t = TEXTS;
        let old = numbered(&[("认识到", &[("a)", t[0]), ("b)", t[1])])]);
        let new = numbered(&[(
            "认识到",
            &[
                ("a)", t[0]),
                ("b)", "国际电联电信标准化部门与其它标准制定组织的协作"),
            ],
        )]);
        let mut r = report(&old, &new);
        assert!(r.changes[0].editorial);
        r.changes.clear();
        let got = pieces(&r, &old, &new, &ZH);
        assert!(matches!(got.last(), Some(Piece::Same(s)) if s.text.contains("其它")));
    }
}
