//! Excerpts in a summary report: the resolutions it quotes, with the quoted
//! sections and clauses (a table whose cells are a resolution number, its
//! title, and heading / clause lines with a TAB after each label).

use super::{Cleaned, clean, line_no};
use crate::lang::{Lang, punct};
use crate::model::{
    Clause, ClauseLabel, Diagnostic, Excerpt, Footnote, FootnoteMark, LabelFamily, Section,
    SectionKind, Severity, Span, Text,
};
use crate::parse::body::{HeadingRead, read_heading};
use crate::parse::labels::LabelRead;
use crate::text::fold_digits;

/// An excerpt header cell: exactly `第N号决议`.
pub(super) fn excerpt_header(line: &str, lang: &Lang) -> Option<u32> {
    let s = fold_digits(&clean(line).text);
    let number = s
        .strip_prefix(lang.resolution_header_prefix)?
        .strip_suffix(lang.resolution_header_suffix)?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

pub(super) fn parse_excerpts(
    lines: &[&str],
    lang: &Lang,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Excerpt> {
    let starts: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| excerpt_header(l, lang).map(|n| (i, n)))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &(start, number))| {
            let end = starts.get(k + 1).map_or(lines.len(), |&(s, _)| s);
            parse_excerpt(lines, start, end, number, lang, diags)
        })
        .collect()
}

/// Whether `text` opens with a heading keyword (`责成…`, `进一步请…`), heading
/// or not.
pub(super) fn starts_with_keyword(text: &str, lang: &Lang) -> bool {
    let body = text.strip_prefix(lang.further_prefix).unwrap_or(text);
    lang.headings.iter().any(|(k, _)| body.starts_with(k))
}

/// Whether a clause ends a sentence or a list item, so cannot be a heading
/// or an addressee.
pub(super) fn ends_clause(text: &str) -> bool {
    text.ends_with(punct::SENTENCE_END)
}

/// Whether a cleaned, unlabelled line is a section heading.
pub(super) fn heading_of(text: &str, lang: &Lang) -> Option<HeadingRead> {
    if text.is_empty() || read_label(text, lang).is_some() {
        return None;
    }
    read_heading(text, lang)
}

/// Split a clause label from its text: `3\t…`, `i)\t…`, `· …`. Apart from
/// bullets and dashes, a label stands before a TAB in a report's cells.
pub(super) fn read_label<'t>(s: &'t str, lang: &Lang) -> Option<(LabelRead, &'t str)> {
    let first = s.chars().next()?;
    let marked = lang.bullets.contains(&first) || lang.dashes.contains(&first);
    let tok_end = if marked {
        first.len_utf8()
    } else {
        s.find('\t')?
    };
    let (tok, after) = s.split_at(tok_end);
    if !marked && tok.contains(' ') {
        return None;
    }
    let read = crate::parse::labels::read_label(&format!("{tok} x"), lang)?;
    let rest = after.trim_start_matches([' ', '\t', '\u{3000}']);
    (read.readings[0].raw == tok && (!marked || after.len() > rest.len())).then_some((read, rest))
}

/// The previous label of a section, which decides `i)`, `v)`, `x)`, `l)`.
#[derive(Debug, Clone)]
pub(super) struct PrevLabel {
    pub(super) family: LabelFamily,
    pub(super) ordinal: u32,
    pub(super) ends_colon: bool,
}

/// Choose among the readings of a label (`i)` is a letter or a Roman
/// numeral). Excerpts skip clauses, so sequences cannot decide as they do
/// in full texts: `i)` is Roman unless it follows a letter `h)` that does not
/// open a sub-list; `v)`, `x)`, `l)` are Roman only when they continue a
/// Roman list (`iv)` → `v)`), otherwise letters.
pub(super) fn choose_reading(read: LabelRead, prev: Option<&PrevLabel>) -> ClauseLabel {
    let roman = read
        .readings
        .iter()
        .find(|l| l.family == LabelFamily::Roman);
    let letter = read
        .readings
        .iter()
        .find(|l| l.family == LabelFamily::Letter);
    let pick = match (roman, letter) {
        (Some(r), Some(l)) => {
            let is_roman = if r.ordinal == 1 {
                !prev.is_some_and(|p| {
                    p.family == LabelFamily::Letter && p.ordinal == 8 && !p.ends_colon
                })
            } else {
                prev.is_some_and(|p| p.family == LabelFamily::Roman && p.ordinal + 1 == r.ordinal)
            };
            if is_roman { r } else { l }
        }
        _ => &read.readings[0],
    };
    pick.clone()
}

/// A section being read.
struct SectionBuilder {
    section: Section,
    /// Family of the section's first labelled clause: its top level.
    top_family: Option<LabelFamily>,
    prev_label: Option<PrevLabel>,
    /// Set once the line after a bare heading has been read.
    addressee_closed: bool,
}

impl SectionBuilder {
    fn new(heading: String, info: HeadingRead, notes: Vec<FootnoteMark>, line: u32) -> Self {
        SectionBuilder {
            section: Section {
                heading,
                kind: info.kind,
                further: info.further,
                addressee: info.addressee,
                notes,
                intro: None,
                clauses: Vec::new(),
                span: Span::new(line, line),
            },
            top_family: None,
            prev_label: None,
            addressee_closed: false,
        }
    }

    /// Nothing but the heading has been read.
    fn is_bare(&self) -> bool {
        self.section.clauses.is_empty() && self.section.intro.is_none()
    }

    fn takes_addressee(&self) -> bool {
        self.section.addressee.is_none() && !self.addressee_closed && self.is_bare()
    }

    fn extend_to(&mut self, line: u32) {
        self.section.span = self.section.span.cover(Span::new(line, line));
    }

    /// Add a clause: the first labelled family is the top level; other
    /// families, and unlabelled paragraphs after a labelled one, are children
    /// of the preceding top-level clause.
    fn push(&mut self, clause: Clause) {
        self.addressee_closed = true;
        self.extend_to(clause.span.last_line);
        let family = clause.label.as_ref().map(|l| l.family);
        let nested = match (self.top_family, family) {
            (None, Some(f)) => {
                self.top_family = Some(f);
                false
            }
            (None, None) => false,
            (Some(top), Some(f)) => top != f,
            (Some(_), None) => true,
        };
        match self.section.clauses.last_mut() {
            Some(parent) if nested => parent.children.push(clause),
            _ => self.section.clauses.push(clause),
        }
    }
}

fn line_index(line: u32) -> usize {
    usize::try_from(line).map_or(0, |l| l.saturating_sub(1))
}

/// Whether the first line of an excerpt is the resolution's title. Titles
/// may start with a heading verb (Res 58 `鼓励建立和加强…`), so a line that
/// reads as a heading is still the title when it is not a table cell
/// (headings of the excerpt table are TAB-indented) and a heading follows.
pub(super) fn is_title(raw: &str, first: &Cleaned, next: Option<&Cleaned>, lang: &Lang) -> bool {
    if read_label(&first.text, lang).is_some() {
        return false;
    }
    if heading_of(&first.text, lang).is_none() {
        return true;
    }
    !raw.starts_with('\t') && next.is_some_and(|n| heading_of(&n.text, lang).is_some())
}

pub(super) fn parse_excerpt(
    lines: &[&str],
    start: usize,
    end: usize,
    number: u32,
    lang: &Lang,
    diags: &mut Vec<Diagnostic>,
) -> Excerpt {
    let body: Vec<(u32, Cleaned)> = (start + 1..end)
        .map(|i| (line_no(i), clean(lines[i])))
        .filter(|(_, c)| !c.text.is_empty() || !c.bodies.is_empty())
        .collect();
    let mut excerpt = Excerpt {
        number,
        title: None,
        sections: Vec::new(),
        footnotes: Vec::new(),
        span: Span::new(line_no(start), body.last().map_or(line_no(start), |b| b.0)),
    };
    let mut rest = &body[..];
    if let Some(((i, first), tail)) = rest.split_first()
        && is_title(
            lines[line_index(*i)],
            first,
            tail.first().map(|t| &t.1),
            lang,
        )
    {
        excerpt.title = Some(first.text.clone());
        rest = tail;
    }
    let mut refs: Vec<(FootnoteMark, u32)> = Vec::new();
    let mut current: Option<SectionBuilder> = None;
    for (k, (line, c)) in rest.iter().enumerate() {
        let line = *line;
        refs.extend(c.notes.iter().map(|n| (n.clone(), line)));
        for (n, text) in &c.bodies {
            excerpt.footnotes.push(Footnote {
                mark: n.clone(),
                text: text.clone(),
                referenced_at: Vec::new(),
                span: Span::new(line, line),
            });
        }
        if c.text.is_empty() {
            continue;
        }
        if let Some(info) = heading_of(&c.text, lang) {
            // Word splits `做出决议，责成…` into a `做出决议` cell and a
            // `责成…` paragraph: join them back into the compound heading.
            if let Some(cur) = current.as_mut()
                && cur.section.kind == SectionKind::Resolves
                && cur.section.addressee.is_none()
                && cur.is_bare()
                && !info.further
                && let Some((_, compound)) = lang
                    .resolves_compounds
                    .iter()
                    .find(|(v, _)| c.text.starts_with(v))
            {
                let sep = lang
                    .compound_separators
                    .first()
                    .copied()
                    .unwrap_or(punct::COMMAS[0]);
                cur.section.heading = format!("{}{sep}{}", cur.section.heading, c.text);
                cur.section.kind = *compound;
                cur.section.addressee = info.addressee;
                cur.section.notes.extend(c.notes.iter().cloned());
                cur.extend_to(line);
                continue;
            }
            excerpt.sections.extend(current.take().map(|b| b.section));
            current = Some(SectionBuilder::new(
                c.text.clone(),
                info,
                c.notes.clone(),
                line,
            ));
            continue;
        }
        let Some(cur) = current.as_mut() else {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                line,
                message: format!("text before any heading in the excerpt of Res {number}; ignored"),
            });
            continue;
        };
        if let Some((read, text)) = read_label(&c.text, lang) {
            let label = choose_reading(read, cur.prev_label.as_ref());
            cur.prev_label = Some(PrevLabel {
                family: label.family,
                ordinal: label.ordinal,
                ends_colon: text.ends_with(punct::COLONS),
            });
            cur.push(Clause {
                label: Some(label),
                text: text.to_string(),
                notes: c.notes.clone(),
                children: Vec::new(),
                span: Span::new(line, line),
            });
            continue;
        }
        // The line after a bare heading names who is addressed
        // (`责成` + `电信标准化局主任`), unless it is a clause or starts with
        // a verb of its own.
        if cur.takes_addressee() && !ends_clause(&c.text) && !starts_with_keyword(&c.text, lang) {
            cur.section.heading.push_str(&c.text);
            cur.section.addressee = Some(c.text.clone());
            cur.section.notes.extend(c.notes.iter().cloned());
            cur.addressee_closed = true;
            cur.extend_to(line);
            continue;
        }
        let next_labelled = rest
            .get(k + 1..)
            .and_then(|r| r.iter().find(|(_, n)| !n.text.is_empty()))
            .is_some_and(|(_, n)| read_label(&n.text, lang).is_some());
        if cur.is_bare() && c.text.ends_with(punct::COLONS) && next_labelled {
            cur.section.intro = Some(Text {
                text: c.text.clone(),
                notes: c.notes.clone(),
                span: Span::new(line, line),
            });
            cur.addressee_closed = true;
            cur.extend_to(line);
            continue;
        }
        cur.push(Clause {
            label: None,
            text: c.text.clone(),
            notes: c.notes.clone(),
            children: Vec::new(),
            span: Span::new(line, line),
        });
    }
    excerpt.sections.extend(current.map(|b| b.section));
    for note in &mut excerpt.footnotes {
        note.referenced_at = refs
            .iter()
            .filter(|(n, _)| *n == note.mark)
            .map(|(_, l)| *l)
            .collect();
    }
    excerpt
}
