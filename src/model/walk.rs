//! Walks over the parse model: every clause below a clause, every text unit
//! of a resolution. The stages and the tests walk the tree through these,
//! so that the reading order is defined once.

use super::{Clause, Resolution, Span};

impl Clause {
    /// This clause and every sub-clause below it, in reading order (depth
    /// first, a clause before its children).
    pub fn descendants(&self) -> impl Iterator<Item = &Clause> {
        self.descendants_with_depth().map(|(_, c)| c)
    }

    /// [`Clause::descendants`] with the depth of each (0 for this clause, 1
    /// for its children, …), for writers that indent.
    pub fn descendants_with_depth(&self) -> impl Iterator<Item = (usize, &Clause)> {
        let mut stack = vec![(0, self)];
        std::iter::from_fn(move || {
            let (depth, c) = stack.pop()?;
            stack.extend(c.children.iter().rev().map(|ch| (depth + 1, ch)));
            Some((depth, c))
        })
    }
}

/// Where in a resolution a [`TextUnit`] sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum TextUnitKind {
    /// The header line (`第7号决议（2024年，新德里，修订版）`).
    Header,
    /// The title.
    Title,
    /// The history line.
    History,
    /// The assembly line.
    Assembly,
    /// A section heading.
    Heading,
    /// The lead-in paragraph of a section.
    Intro,
    /// A clause or sub-clause of a section.
    Clause,
    /// The caption of an annex (`（第2号决议（…））`).
    AnnexCaption,
    /// The title of an annex.
    AnnexTitle,
    /// A paragraph of an annex, or one nested under another.
    AnnexParagraph,
    /// A footnote body.
    Footnote,
}

/// One paragraph-sized piece of text of a resolution, with its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextUnit<'a> {
    /// Where it sits.
    pub kind: TextUnitKind,
    /// Its text as the model holds it.
    pub text: &'a str,
    /// Its lines (a heading: the section's first line).
    pub span: Span,
}

impl Resolution {
    /// Every text unit of the resolution that holds text, in source order:
    /// header, title, history and assembly lines; each section's heading,
    /// lead-in and clauses (sub-clauses after their parent); each annex's
    /// caption, title and paragraphs; the footnotes last.
    pub fn text_units(&self) -> Vec<TextUnit<'_>> {
        fn unit(kind: TextUnitKind, text: &str, span: Span) -> TextUnit<'_> {
            TextUnit { kind, text, span }
        }
        let mut out = vec![
            unit(TextUnitKind::Header, &self.header.text, self.header.span),
            unit(TextUnitKind::Title, &self.title.text, self.title.span),
        ];
        if let Some(h) = &self.history {
            out.push(unit(TextUnitKind::History, &h.text, h.span));
        }
        if let Some(a) = &self.assembly {
            out.push(unit(TextUnitKind::Assembly, &a.text, a.span));
        }
        for s in &self.sections {
            let heading_line = Span::new(s.span.first_line, s.span.first_line);
            out.push(unit(TextUnitKind::Heading, &s.heading, heading_line));
            if let Some(i) = &s.intro {
                out.push(unit(TextUnitKind::Intro, &i.text, i.span));
            }
            for c in s.clauses.iter().flat_map(Clause::descendants) {
                out.push(unit(TextUnitKind::Clause, &c.text, c.span));
            }
        }
        for a in &self.annexes {
            if let Some(c) = &a.caption {
                out.push(unit(TextUnitKind::AnnexCaption, &c.text, c.span));
            }
            if let Some(t) = &a.title {
                out.push(unit(TextUnitKind::AnnexTitle, &t.text, t.span));
            }
            for c in a.paragraphs.iter().flat_map(Clause::descendants) {
                out.push(unit(TextUnitKind::AnnexParagraph, &c.text, c.span));
            }
        }
        for f in &self.footnotes {
            out.push(unit(TextUnitKind::Footnote, &f.text, f.span));
        }
        out.retain(|u| !u.text.is_empty());
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::model::SectionKind::Resolves;
    use crate::model::TextUnitKind::{self, *};
    use crate::testkit::{clause, resolution, section};

    #[test]
    fn descendants_in_reading_order_with_depth() {
        let mut a = clause("1", "一");
        let mut b = clause("a)", "甲");
        b.children = vec![clause("i)", "子")];
        a.children = vec![b, clause("b)", "乙")];
        let walked: Vec<(usize, &str)> = a
            .descendants_with_depth()
            .map(|(d, c)| (d, c.text.as_str()))
            .collect();
        assert_eq!(walked, [(0, "一"), (1, "甲"), (2, "子"), (1, "乙")]);
        assert_eq!(a.descendants().count(), 4);
    }

    #[test]
    fn text_units_in_source_order_without_empty_ones() {
        let mut r = resolution(
            "7",
            vec![section("做出决议", Resolves, None, &[("1", "一")])],
        );
        r.sections[0].clauses[0].children = vec![clause("a)", "甲"), clause("b)", "")];
        let units: Vec<(TextUnitKind, &str)> =
            r.text_units().iter().map(|u| (u.kind, u.text)).collect();
        assert_eq!(
            units,
            [
                (Header, "第7号决议（2024年，新德里）"),
                (Title, "标题"),
                (Heading, "做出决议"),
                (Clause, "一"),
                (Clause, "甲"),
            ]
        );
    }
}
