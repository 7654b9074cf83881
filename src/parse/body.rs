//! Sections and clauses: heading recognition, lead-in paragraphs, and clause
//! lists whose labels must continue a sequence to be accepted as labels.

use super::labels::{LabelRead, decimal_path, read_label};
use super::notes::{take_notes, take_notes_owned};
use crate::lang::{Lang, punct};
use crate::model::{
    Clause, ClauseLabel, Diagnostic, LabelFamily, Section, SectionKind, Severity, Span, Text,
};
use crate::normalize::Para;

/// What a heading says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingRead {
    /// Normalised kind.
    pub kind: SectionKind,
    /// `进一步…`.
    pub further: bool,
    /// Addressee tail, if any.
    pub addressee: Option<String>,
}

/// Longest heading the texts carry is about 70 characters; anything much
/// longer is a sentence that happens to start with a keyword.
const MAX_HEADING_CHARS: usize = 120;

/// Read `text` as a heading, if its wording is one. Whether it stands where a
/// heading can stand is [`SectionParser`]'s business.
pub fn read_heading(text: &str, lang: &Lang) -> Option<HeadingRead> {
    let t = crate::text::trim(text);
    // Counted only up to the limit, not through a long paragraph.
    if t.is_empty() || t.chars().nth(MAX_HEADING_CHARS).is_some() || t.ends_with(punct::CLAUSE_END)
    {
        return None;
    }
    let (mut further, t) = match lang.strip_keyword(t, lang.further_prefix) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t),
    };
    let (rest, kind) = lang
        .headings
        .iter()
        .filter_map(|(kw, kind)| Some((lang.strip_keyword(t, kw)?, kind, kw.len())))
        .max_by_key(|(_, _, len)| *len)
        .map(|(rest, kind, _)| (rest, kind))?;
    // `considering further`, `resolves further`.
    let rest = match (!lang.further_suffix.is_empty())
        .then(|| lang.strip_keyword(rest.trim_start(), lang.further_suffix))
        .flatten()
    {
        Some(r) => {
            further = true;
            r
        }
        None => rest,
    };
    let tail = |s: &str| {
        let s = s.trim().trim_end_matches(punct::COMMAS).trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    if !kind.is_operative() {
        // Preambular headings are bare keywords.
        return tail(rest).is_none().then_some(HeadingRead {
            kind: *kind,
            further,
            addressee: None,
        });
    }
    if *kind == SectionKind::Resolves {
        if tail(rest).is_none() {
            return Some(HeadingRead {
                kind: *kind,
                further,
                addressee: None,
            });
        }
        let after = rest.strip_prefix(lang.compound_separators)?;
        let after = if lang.spaced {
            after.trim_start()
        } else {
            after
        };
        for (verb, compound) in lang.resolves_compounds {
            if let Some(addr) = lang.strip_keyword(after, verb) {
                return Some(HeadingRead {
                    kind: *compound,
                    further,
                    addressee: tail(addr),
                });
            }
        }
        return Some(HeadingRead {
            kind: *kind,
            further,
            addressee: tail(after),
        });
    }
    Some(HeadingRead {
        kind: *kind,
        further,
        addressee: tail(rest),
    })
}

/// Whether a paragraph ends like a clause or sentence (so that a following
/// label-like start really opens a new item).
fn ends_closed(text: &str) -> bool {
    text.trim_end().ends_with(punct::CLOSING)
}

#[derive(Debug, Clone, Copy)]
struct ListState {
    family: LabelFamily,
    last: u32,
}

/// Builds the sections of a resolution body from its paragraphs.
pub struct SectionParser<'a> {
    lang: &'a Lang,
    sections: Vec<Section>,
    cur: Option<Builder>,
    prev_text: Option<String>,
    prev_was_heading: bool,
    /// Diagnostics raised.
    pub diagnostics: Vec<Diagnostic>,
}

struct Builder {
    section: Section,
    pending: Vec<Clause>,
    top: Option<ListState>,
    child: Option<ListState>,
}

impl<'a> SectionParser<'a> {
    /// A parser for one body.
    pub fn new(lang: &'a Lang) -> Self {
        SectionParser {
            lang,
            sections: Vec::new(),
            cur: None,
            prev_text: None,
            prev_was_heading: false,
            diagnostics: Vec::new(),
        }
    }

    /// Feed the next paragraph.
    pub fn push(&mut self, p: &Para) {
        let (clean, notes) = take_notes(&p.text);
        let label = read_label(&p.text, self.lang);
        if label.is_none()
            && !self.prev_was_heading
            && let Some(h) = read_heading(&clean, self.lang)
            && self.heading_allowed(&clean)
        {
            self.finish_section();
            self.cur = Some(Builder {
                section: Section {
                    heading: clean.clone(),
                    kind: h.kind,
                    further: h.further,
                    addressee: h.addressee,
                    notes,
                    intro: None,
                    clauses: Vec::new(),
                    span: p.span,
                },
                pending: Vec::new(),
                top: None,
                child: None,
            });
            self.prev_text = Some(clean);
            self.prev_was_heading = true;
            return;
        }
        self.prev_was_heading = false;
        if let Some(read) = &label {
            self.split_glued_heading(read);
        }
        if self.cur.is_none() {
            self.cur = Some(Builder {
                section: Section {
                    heading: String::new(),
                    kind: SectionKind::Body,
                    further: false,
                    addressee: None,
                    notes: Vec::new(),
                    intro: None,
                    clauses: Vec::new(),
                    span: p.span,
                },
                pending: Vec::new(),
                top: None,
                child: None,
            });
        }
        let prev_closed = self.prev_text.as_deref().is_none_or(ends_closed);
        if let Some(b) = self.cur.as_mut() {
            b.section.span = b.section.span.cover(p.span);
            let diag = b.push(p, label, prev_closed, self.lang.spaced);
            self.diagnostics.extend(diag);
        }
        self.prev_text = Some(clean);
    }

    /// Some conversions glue a heading to the end of the paragraph before
    /// it (`… if the related budget allows, further resolves`, then `1 to
    /// …`). When a label starts a list that cannot continue the current one
    /// and the last clause ends with `, ` or `; ` and a heading, that tail
    /// becomes the heading of a new section. Only in spaced languages, where
    /// the separator and a keyword at a word boundary make it unambiguous.
    fn split_glued_heading(&mut self, read: &LabelRead) {
        if !self.lang.spaced || !read.readings.iter().any(|l| l.ordinal == 1) {
            return;
        }
        let Some(b) = self.cur.as_mut() else { return };
        if b.place(read).is_some() {
            return;
        }
        let Some(last) = b.last_clause_mut() else {
            return;
        };
        let text = last.text.trim_end();
        let found = text
            .match_indices([',', ';'])
            .filter(|(k, _)| text.len() - k <= MAX_HEADING_CHARS)
            .find_map(|(k, _)| {
                let tail = text[k + 1..].trim();
                read_heading(tail, self.lang).map(|h| (k, tail.to_string(), h))
            });
        let Some((k, heading, h)) = found else { return };
        let span = Span::new(last.span.last_line, last.span.last_line);
        last.text.truncate(k + 1);
        self.finish_section();
        self.cur = Some(Builder {
            section: Section {
                heading,
                kind: h.kind,
                further: h.further,
                addressee: h.addressee,
                notes: Vec::new(),
                intro: None,
                clauses: Vec::new(),
                span,
            },
            pending: Vec::new(),
            top: None,
            child: None,
        });
        self.prev_text = None;
    }

    /// A heading ending in `，` stands only after a paragraph that closed a
    /// section (`，` or `。`); otherwise it is a sentence.
    fn heading_allowed(&self, clean: &str) -> bool {
        if !clean.trim_end().ends_with(punct::COMMAS) {
            return true;
        }
        self.prev_text.as_deref().is_none_or(|t| {
            t.trim_end().ends_with(punct::COMMAS) || t.trim_end().ends_with(['.', punct::FULL_STOP])
        })
    }

    fn finish_section(&mut self) {
        if let Some(b) = self.cur.take() {
            let (mut section, diag) = b.finish();
            self.diagnostics.extend(diag);
            shrink_clauses(&mut section.clauses);
            self.sections.push(section);
        }
    }

    /// All sections, in order.
    pub fn finish(mut self) -> (Vec<Section>, Vec<Diagnostic>) {
        self.finish_section();
        self.sections.shrink_to_fit();
        (self.sections, self.diagnostics)
    }
}

/// Give back the room clause lists grew into: the model of a large
/// edition is held whole (both of them, in a comparison).
fn shrink_clauses(clauses: &mut Vec<Clause>) {
    clauses.shrink_to_fit();
    for c in clauses {
        shrink_clauses(&mut c.children);
    }
}

/// How a label joins the lists of its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    TopStart,
    TopContinue,
    ChildStart,
    ChildContinue,
}

impl Builder {
    fn push(
        &mut self,
        p: &Para,
        label: Option<LabelRead>,
        prev_closed: bool,
        spaced: bool,
    ) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let Some(read) = label else {
            self.push_unlabelled(p, &p.text);
            return diags;
        };
        match self.place(&read) {
            Some((place, lbl)) => {
                let ascii = super::labels::ascii_form(&lbl.raw);
                if ascii != lbl.raw {
                    // Read as its ASCII form, but the reader should know.
                    diags.push(Diagnostic {
                        severity: Severity::Warning,
                        line: p.span.first_line,
                        message: format!("label `{}` read as `{ascii}`", lbl.raw),
                    });
                }
                self.push_labelled(p, place, lbl, read.rest)
            }
            None => {
                let raw = &read.readings[0].raw;
                if !prev_closed && self.append_to_last(p, spaced) {
                    diags.push(Diagnostic {
                        severity: Severity::Note,
                        line: p.span.first_line,
                        message: format!(
                            "`{raw}` does not continue the list here; read as the continuation of the paragraph before"
                        ),
                    });
                } else {
                    diags.push(Diagnostic {
                        severity: Severity::Warning,
                        line: p.span.first_line,
                        message: format!(
                            "`{raw}` does not continue the list here (expected {}); kept as an unlabelled paragraph",
                            self.expected()
                        ),
                    });
                    self.push_unlabelled(p, &p.text);
                }
            }
        }
        diags
    }

    fn expected(&self) -> String {
        match self.top {
            Some(t) => next_label(t.family, t.last.saturating_add(1)),
            None => "a first item".into(),
        }
    }

    /// Choose how the label fits: after a clause ending in `：` a new
    /// sub-list is preferred (so `i)` after `h) …：` is Roman); otherwise
    /// continuing a list is preferred to starting one.
    fn place(&self, read: &LabelRead) -> Option<(Place, ClauseLabel)> {
        let last_text = self.last_clause_text();
        let opens_sublist = last_text.is_some_and(|t| t.trim_end().ends_with(punct::COLONS));
        let mut options: Vec<(Place, &ClauseLabel)> = Vec::new();
        for l in &read.readings {
            let unordered = matches!(l.family, LabelFamily::Bullet | LabelFamily::Dash);
            // `b)bis` follows `b)` with the same ordinal.
            let step = u32::from(!super::labels::is_inserted(&l.raw));
            match self.top {
                None => options.push((Place::TopStart, l)),
                Some(top) => {
                    if top.family == l.family && (unordered || l.ordinal == top.last + step) {
                        options.push((Place::TopContinue, l));
                    }
                    if let Some(child) = self.child
                        && child.family == l.family
                        && (unordered || l.ordinal == child.last + step)
                    {
                        options.push((Place::ChildContinue, l));
                    }
                    let child_same = self.child.is_some_and(|c| c.family == l.family);
                    if top.family != l.family
                        && (unordered || l.ordinal <= 1 || l.family == LabelFamily::Note)
                        && !child_same
                        && !self.section.clauses.is_empty()
                    {
                        options.push((Place::ChildStart, l));
                    }
                    // Decimal sub-clauses (`6.1.2`) hang under their number.
                    if l.family == LabelFamily::Decimal
                        && top.family == LabelFamily::Number
                        && decimal_path(&l.raw).and_then(|p| p.first().copied()) == Some(top.last)
                    {
                        options.push((Place::ChildStart, l));
                    }
                }
            }
        }
        let rank = |p: Place| match (p, opens_sublist) {
            (Place::ChildStart, true) => 0,
            (Place::ChildContinue, _) => 1,
            (Place::TopContinue, _) => 2,
            (Place::ChildStart, false) => 3,
            (Place::TopStart, _) => 4,
        };
        options
            .into_iter()
            .min_by_key(|(p, l)| (rank(*p), if *p == Place::TopStart { l.ordinal } else { 0 }))
            .map(|(p, l)| (p, l.clone()))
    }

    fn last_clause_mut(&mut self) -> Option<&mut Clause> {
        let last = self.section.clauses.last_mut()?;
        if last.children.is_empty() {
            Some(last)
        } else {
            last.children.last_mut()
        }
    }

    fn last_clause_text(&self) -> Option<&str> {
        let last = self.section.clauses.last()?;
        Some(last.children.last().map_or(&last.text, |c| &c.text))
    }

    fn push_labelled(&mut self, p: &Para, place: Place, label: ClauseLabel, rest: String) {
        let (text, notes) = take_notes_owned(rest);
        let state = ListState {
            family: label.family,
            last: label.ordinal,
        };
        let clause = Clause {
            label: Some(label),
            text,
            notes,
            children: Vec::new(),
            span: p.span,
        };
        match place {
            Place::TopStart | Place::TopContinue => {
                self.top = Some(state);
                self.child = None;
                self.section.clauses.push(clause);
            }
            Place::ChildStart | Place::ChildContinue => {
                self.child = Some(state);
                if let Some(parent) = self.section.clauses.last_mut() {
                    parent.children.push(clause);
                }
            }
        }
    }

    fn push_unlabelled(&mut self, p: &Para, raw: &str) {
        let (text, notes) = take_notes(raw);
        let clause = Clause {
            label: None,
            text,
            notes,
            children: Vec::new(),
            span: p.span,
        };
        match self.section.clauses.last_mut() {
            Some(parent) if self.top.is_some() => parent.children.push(clause),
            _ => self.pending.push(clause),
        }
    }

    /// Append a paragraph to the last clause as a continuation; in a
    /// language that spaces its words (`spaced`) the two join with a space.
    fn append_to_last(&mut self, p: &Para, spaced: bool) -> bool {
        let Some(last) = self.section.clauses.last_mut() else {
            return false;
        };
        let target = match last.children.last_mut() {
            Some(c) => c,
            None => last,
        };
        let (text, notes) = take_notes(&p.text);
        if spaced && !target.text.is_empty() && !text.is_empty() {
            target.text.push(' ');
        }
        target.text.push_str(&text);
        target.notes.extend(notes);
        target.span = target.span.cover(p.span);
        true
    }

    fn finish(mut self) -> (Section, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        if self.section.clauses.is_empty() {
            self.section.clauses = std::mem::take(&mut self.pending);
        } else if !self.pending.is_empty() {
            let mut pending = std::mem::take(&mut self.pending).into_iter();
            if let Some(first) = pending.next() {
                self.section.intro = Some(Text {
                    text: first.text,
                    notes: first.notes,
                    span: first.span,
                });
            }
            let extra: Vec<Clause> = pending.collect();
            if let Some(c) = extra.first() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    line: c.span.first_line,
                    message: "more than one lead-in paragraph before the first clause; the others are kept as unlabelled clauses".into(),
                });
            }
            let labelled = std::mem::take(&mut self.section.clauses);
            self.section.clauses = extra.into_iter().chain(labelled).collect();
        }
        if self.section.heading.is_empty()
            && let Some(first) = self.section.clauses.first()
        {
            self.section.span = self
                .section
                .span
                .cover(Span::new(first.span.first_line, first.span.last_line));
        }
        (self.section, diags)
    }
}

/// The label that would continue a list, as a reader writes it (`d)`,
/// `4`, `iv)`), for messages.
fn next_label(family: LabelFamily, ordinal: u32) -> String {
    let letter =
        |n: u32| char::from_u32(u32::from('a') + (n.saturating_sub(1) % 26)).unwrap_or('?');
    match family {
        LabelFamily::Letter => format!("`{})`", letter(ordinal)),
        LabelFamily::Number => format!("`{ordinal}`"),
        LabelFamily::NumberParen => format!("`{ordinal})`"),
        LabelFamily::Roman if ordinal < 40 => {
            let mut n = ordinal;
            let mut s = String::new();
            for (v, r) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
                while n >= v {
                    s.push_str(r);
                    n -= v;
                }
            }
            format!("`{s})`")
        }
        _ => format!("{family:?} label number {ordinal}").to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    fn heading(t: &str) -> Option<(SectionKind, bool, Option<String>)> {
        read_heading(t, &ZH).map(|h| (h.kind, h.further, h.addressee))
    }

    #[test]
    fn english_headings() {
        use crate::lang::EN;
        use SectionKind::*;
        let h = |t: &str| read_heading(t, &EN).map(|h| (h.kind, h.further, h.addressee));
        for (t, kind, further) in [
            ("considering", Considering, false),
            ("considering further", Considering, true),
            ("recalling", Recalling, false),
            ("recognizing", Recognizing, false),
            ("noting", Noting, false),
            ("noting further", Noting, true),
            ("bearing in mind", BearingInMind, false),
            ("conscious", Aware, false),
            ("aware", Aware, false),
            ("emphasizing", Emphasizing, false),
            ("having regard to", TakingIntoAccount, false),
            ("taking into account", TakingIntoAccount, false),
            ("acknowledging", Acknowledging, false),
            ("mindful", BearingInMind, false),
            ("reaffirming", Reaffirming, false),
            ("resolves", Resolves, false),
            ("further resolves", Resolves, true),
            ("resolves further", Resolves, true),
            ("encourages", Encourages, false),
            ("urges", CallsUpon, false),
        ] {
            assert_eq!(h(t), Some((kind, further, None)), "{t}");
        }
        assert_eq!(
            h("resolves to instruct the Director of the Telecommunication Standardization Bureau"),
            Some((
                ResolvesInstructs,
                false,
                Some("the Director of the Telecommunication Standardization Bureau".into())
            ))
        );
        for (t, kind, addr) in [
            (
                "instructs the Secretary-General",
                Instructs,
                "the Secretary-General",
            ),
            ("instructs the ITU Council", Instructs, "the ITU Council"),
            ("invites Member States", Invites, "Member States"),
            ("calls upon Member States", CallsUpon, "Member States"),
            (
                "requests the Secretary-General",
                Instructs,
                "the Secretary-General",
            ),
        ] {
            assert_eq!(h(t), Some((kind, false, Some(addr.into()))), "{t}");
        }
        assert_eq!(
            h("further instructs the ITU Council"),
            Some((Instructs, true, Some("the ITU Council".into())))
        );
        // Sentences and other words are not headings.
        assert_eq!(h("noting that the Union has;"), None);
        assert_eq!(h("considerations"), None);
        assert_eq!(h("noting that the Union"), None);
    }

    #[test]
    fn headings_and_addressees() {
        assert_eq!(
            heading("考虑到"),
            Some((SectionKind::Considering, false, None))
        );
        assert_eq!(
            heading("进一步认识到"),
            Some((SectionKind::Recognizing, true, None))
        );
        assert_eq!(
            heading("责成电信标准化局主任与电信发展局主任协作"),
            Some((
                SectionKind::Instructs,
                false,
                Some("电信标准化局主任与电信发展局主任协作".into())
            ))
        );
        assert_eq!(
            heading("做出决议，责成国际电联电信标准化部门各研究组"),
            Some((
                SectionKind::ResolvesInstructs,
                false,
                Some("国际电联电信标准化部门各研究组".into())
            ))
        );
        assert_eq!(
            heading("做出决议，责成"),
            Some((SectionKind::ResolvesInstructs, false, None))
        );
        assert_eq!(
            heading("进一步做出决议，国际电联区域代表处"),
            Some((
                SectionKind::Resolves,
                true,
                Some("国际电联区域代表处".into())
            ))
        );
        assert_eq!(
            heading("请电信标准化局主任与电信发展局主任协作，"),
            Some((
                SectionKind::Invites,
                false,
                Some("电信标准化局主任与电信发展局主任协作".into())
            ))
        );
        assert_eq!(
            heading("呼吁电信标准化局主任").map(|h| h.0),
            Some(SectionKind::CallsUpon)
        );
    }

    #[test]
    fn sentences_are_not_headings() {
        assert_eq!(heading("鼓励电信运营商协助ITU-T落实本决议。"), None);
        assert_eq!(
            heading("请ITU-T，尤其是第5研究组，扩大下列各项工作："),
            None
        );
        assert_eq!(heading("注意到此类系统的发展"), None);
        assert_eq!(heading("敦促ITU-T第2研究组"), None);
    }

    use crate::testkit::para;

    fn parse(texts: &[&str]) -> Vec<Section> {
        let mut sp = SectionParser::new(&ZH);
        for (i, t) in texts.iter().enumerate() {
            sp.push(&para(t, i as u32 + 1));
        }
        sp.finish().0
    }

    fn outline(c: &Clause) -> String {
        let l = c.label.as_ref().map_or("¶", |l| l.raw.as_str());
        if c.children.is_empty() {
            l.to_string()
        } else {
            let kids: Vec<String> = c.children.iter().map(outline).collect();
            format!("{l}[{}]", kids.join(" "))
        }
    }

    fn outlines(s: &Section) -> String {
        s.clauses.iter().map(outline).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn letter_i_after_h_is_a_letter() {
        let s = parse(&[
            "考虑到",
            "a) 甲；",
            "b) 乙；",
            "c) 丙；",
            "d) 丁；",
            "e) 戊；",
            "f) 己；",
            "g) 庚；",
            "h) 辛；",
            "i) 壬；",
            "j) 癸，",
        ]);
        assert_eq!(outlines(&s[0]), "a) b) c) d) e) f) g) h) i) j)");
        assert_eq!(
            s[0].clauses[8].label.as_ref().map(|l| l.family),
            Some(LabelFamily::Letter)
        );
    }

    #[test]
    fn i_after_colon_opens_a_roman_sublist_then_letter_i_resumes() {
        let s = parse(&[
            "认识到",
            "a) 甲；",
            "b) 乙；",
            "c) 丙；",
            "d) 丁；",
            "e) 戊；",
            "f) 己；",
            "g) 庚；",
            "h) 气候变化尤其影响到：",
            "i) 一；",
            "ii) 二；",
            "iii) 三，",
            "i) 目前正在开发；",
        ]);
        assert_eq!(outlines(&s[0]), "a) b) c) d) e) f) g) h)[i) ii) iii)] i)");
    }

    #[test]
    fn intro_and_nesting() {
        let s = parse(&[
            "责成电信标准化局主任与电信发展局主任协作",
            "在可用资源范围内，",
            "1 继续实现目标；",
            "2 如认为，则：",
            "i) 应采用；或",
            "ii) 应在；或",
            "3 组织活动，",
        ]);
        assert_eq!(
            s[0].intro.as_ref().map(|t| t.text.as_str()),
            Some("在可用资源范围内，")
        );
        assert_eq!(outlines(&s[0]), "1 2[i) ii)] 3");
        assert_eq!(
            s[0].addressee.as_deref(),
            Some("电信标准化局主任与电信发展局主任协作")
        );
    }

    #[test]
    fn out_of_sequence_number_is_not_a_label() {
        let s = parse(&[
            "做出决议",
            "1 第一条，在此基础上共有",
            "5 个研究组参与；",
            "2 第二条。",
        ]);
        assert_eq!(outlines(&s[0]), "1 2");
        assert_eq!(
            s[0].clauses[0].text,
            "第一条，在此基础上共有5 个研究组参与；"
        );
    }

    #[test]
    fn single_unlabelled_paragraph_is_a_clause() {
        let s = parse(&["考虑到", "AI技术的发展，", "做出决议", "1 甲。"]);
        assert_eq!(s.len(), 2);
        assert!(s[0].intro.is_none());
        assert_eq!(s[0].clauses.len(), 1);
        assert_eq!(s[1].kind, SectionKind::Resolves);
    }

    #[test]
    fn keyword_paragraph_after_open_clause_is_not_a_heading() {
        let s = parse(&[
            "请成员国",
            "1 鼓励本国运营商；",
            "鼓励电信运营商协助ITU-T落实本决议。",
        ]);
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn heading_with_trailing_comma_needs_a_closed_section_before() {
        let s = parse(&[
            "做出决议",
            "1 甲。",
            "责成电信标准化局主任与电信发展局主任密切协作，",
            "1 乙。",
        ]);
        assert_eq!(s.len(), 2);
        let s = parse(&["做出决议", "1 甲", "请电信标准化局主任协作，", "2 乙。"]);
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn decimal_clauses_hang_under_their_number() {
        let s = parse(&[
            "1 范围",
            "2 参考文献",
            "3 定义",
            "3.1 术语",
            "3.2 缩写",
            "4 惯例",
        ]);
        assert_eq!(s[0].kind, SectionKind::Body);
        assert_eq!(outlines(&s[0]), "1 2 3[3.1 3.2] 4");
    }
}
