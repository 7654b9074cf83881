//! Plain-text export of the model in the two layouts the parser reads: Word
//! extraction (one paragraph per line, TAB after labels, inline footnotes)
//! and PDF extraction (hard-wrapped lines, trailing space at paragraph ends,
//! leading space at page starts, footnotes at the foot of their page).
//!
//! The same model laid out either way must parse back to itself; this is how
//! the parser is checked on layouts other than the shipped files', and how
//! synthetic editions are written.
//!
//! The model keeps which footnotes a node references, not where in its text:
//! references are placed near the end of the node's text (before its final
//! punctuation when the digits can be read back there).

use crate::lang::{Lang, ZH, punct};
use crate::model::{Action, Clause, Document, Footnote, FootnoteMark, Resolution, Text};
use crate::text::{display_width, is_cjk};
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::ops::Range;

/// Page geometry of the PDF-style export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfLayout {
    /// Line width in display columns (CJK characters count 2, see
    /// [`crate::text::display_width`]).
    pub width: usize,
    /// Lines of a page, footnote block included (empty separator lines are
    /// not counted).
    pub lines_per_page: usize,
    /// Whether pages end with a page-number block.
    pub page_numbers: bool,
}

impl Default for PdfLayout {
    /// About the geometry of the WTSA-24 PDF extraction.
    fn default() -> Self {
        PdfLayout {
            width: 80,
            lines_per_page: 24,
            page_numbers: false,
        }
    }
}

/// Narrowest width accepted: below it labels and footnote numbers no longer
/// fit on a line with any text.
const MIN_WIDTH: usize = 16;

/// One paragraph of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    /// `MOD`, `ADD`, `SUP`.
    Marker(Action),
    /// A paragraph: optional label, text, footnotes referenced.
    Para {
        label: Option<String>,
        text: String,
        notes: Vec<FootnoteMark>,
    },
}

fn para(label: Option<&str>, text: &str, notes: &[FootnoteMark]) -> Block {
    Block::Para {
        label: label.map(str::to_string),
        text: text.to_string(),
        notes: notes.to_vec(),
    }
}

fn text_block(t: &Text) -> Block {
    para(None, &t.text, &t.notes)
}

/// The paragraphs of a resolution, in reading order.
fn blocks(r: &Resolution) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(a) = r.action {
        out.push(Block::Marker(a));
    }
    out.push(text_block(&r.header));
    if !r.title.text.is_empty() {
        out.push(text_block(&r.title));
    }
    if let Some(h) = &r.history {
        out.push(para(None, &h.text, &h.notes));
    }
    if let Some(a) = &r.assembly {
        out.push(text_block(a));
    }
    for s in &r.sections {
        if !s.heading.is_empty() {
            out.push(para(None, &s.heading, &s.notes));
        }
        if let Some(i) = &s.intro {
            out.push(text_block(i));
        }
        for c in &s.clauses {
            clause_blocks(c, &mut out);
        }
    }
    for a in &r.annexes {
        if let Some(c) = &a.caption {
            out.push(text_block(c));
        }
        out.push(para(None, &a.name, &[]));
        if let Some(t) = &a.title {
            out.push(text_block(t));
        }
        for p in &a.paragraphs {
            clause_blocks(p, &mut out);
        }
    }
    out
}

fn clause_blocks(c: &Clause, out: &mut Vec<Block>) {
    for c in c.descendants() {
        out.push(para(
            c.label.as_ref().map(|l| l.raw.as_str()),
            &c.text,
            &c.notes,
        ));
    }
}

/// Whether footnote digits inserted at byte `at` of `text` read back as a
/// reference glued to the word before them (`发展中国家1；`): after a CJK
/// character that does not make the digit a count or a designation
/// (`支柱2`, `2024年`, `附件1`), and before nothing that would extend it.
fn glue_ok(text: &str, at: usize, lang: &Lang) -> bool {
    let (before, after) = text.split_at(at);
    let Some(prev) = before.chars().next_back() else {
        return false;
    };
    if !is_cjk(prev) {
        return false;
    }
    if let Some(next) = after.chars().next()
        && (next.is_ascii_alphanumeric() || next == ' ' || lang.counter_suffixes.contains(&next))
    {
        return false;
    }
    let bare = before.strip_suffix(punct::FULL_PARENS.1).unwrap_or(before);
    !lang.counter_words.iter().any(|w| bare.ends_with(w))
}

/// Closing punctuation a reference goes before (`…国家1；`).
const FINAL_PUNCTUATION: &[char] = punct::FINAL;

/// Byte positions in `text` for the references `notes`, ascending and in
/// the order of `notes` (a footnote cited twice is placed twice). Each sits where its digits
/// read back as a reference: the last one before the final punctuation if
/// possible, the others at the nearest such places before it. Where no
/// place qualifies the reference goes to the end.
fn place_refs<'n>(
    text: &str,
    notes: &'n [FootnoteMark],
    lang: &Lang,
) -> Vec<(usize, &'n FootnoteMark)> {
    let preferred = text.trim_end_matches(FINAL_PUNCTUATION).len();
    let mut bound = text.len() + 1;
    let mut out = Vec::with_capacity(notes.len());
    for n in notes.iter().rev() {
        let pos = if bound > text.len() && preferred > 0 && glue_ok(text, preferred, lang) {
            Some(preferred)
        } else {
            (1..bound.min(text.len() + 1))
                .rev()
                .find(|&p| text.is_char_boundary(p) && glue_ok(text, p, lang))
        };
        let pos = pos.unwrap_or(text.len().min(bound.saturating_sub(1)));
        out.push((pos, n));
        bound = pos;
    }
    out.reverse();
    out
}

// ----------------------------------------------------------------------------
// Word style

/// Write the resolutions of `doc` as a Word extraction: one paragraph per
/// line, `label\ttext`, references as `[footnoteRef:ID]MARK`, each footnote
/// body appended as ` [ID: MARK\ttext]` to the line of its first reference,
/// a MOD/ADD/SUP line before each header whose resolution carries one. A
/// numbered mark is its own id (`[footnoteRef:1]1`); other marks (`1bis`,
/// `*`) take ids after the highest number.
pub fn write_word<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    for (k, r) in doc.resolutions.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        write_word_resolution(out, r, doc.language.table().unwrap_or(&ZH))?;
    }
    Ok(())
}

/// The lines of one resolution laid out as in [`write_word`].
pub fn word_lines(r: &Resolution) -> Vec<String> {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write_word_resolution(&mut out, r, &ZH);
    String::from_utf8_lossy(&out)
        .lines()
        .map(str::to_string)
        .collect()
}

fn write_word_resolution<W: Write>(out: &mut W, r: &Resolution, lang: &Lang) -> io::Result<()> {
    let mut emitted: BTreeSet<&FootnoteMark> = BTreeSet::new();
    let blocks = blocks(r);
    let last = blocks.len().saturating_sub(1);
    for (k, b) in blocks.iter().enumerate() {
        let mut line = match b {
            Block::Marker(a) => a.as_str().to_string(),
            Block::Para { label, text, notes } => {
                let mut line = String::new();
                if let Some(l) = label {
                    line.push_str(l);
                    line.push('\t');
                }
                let mut from = 0;
                let mut bodies = String::new();
                for (at, n) in place_refs(text, notes, lang) {
                    line.push_str(&text[from..at]);
                    line.push_str(&format!("[footnoteRef:{}]{n}", word_id(r, n)));
                    from = at;
                    if emitted.insert(n)
                        && let Some(f) = footnote(r, n)
                    {
                        bodies.push_str(&word_body(r, f));
                    }
                }
                line.push_str(&text[from..]);
                line.push_str(&bodies);
                if !bodies.is_empty() {
                    line.push(' ');
                }
                line
            }
        };
        if k == last {
            // Bodies nothing points to still belong to the resolution.
            let orphans: Vec<&Footnote> = r
                .footnotes
                .iter()
                .filter(|f| !emitted.contains(&f.mark))
                .collect();
            for f in &orphans {
                line.push_str(&word_body(r, f));
            }
            if !orphans.is_empty() {
                line.push(' ');
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn word_body(r: &Resolution, f: &Footnote) -> String {
    format!(" [{}: {}\t{}]", word_id(r, &f.mark), f.mark, f.text)
}

/// The Word id of a footnote: its number when the mark is a plain number,
/// else one after the highest number, in the order of the footnotes.
fn word_id(r: &Resolution, mark: &FootnoteMark) -> u32 {
    let plain = |m: &FootnoteMark| m.number().filter(|_| m.suffix().is_empty());
    if let Some(n) = plain(mark) {
        return n;
    }
    let highest = r
        .footnotes
        .iter()
        .filter_map(|f| plain(&f.mark))
        .max()
        .unwrap_or(0);
    let others = r.footnotes.iter().filter(|f| plain(&f.mark).is_none());
    let k = others
        .clone()
        .position(|f| f.mark == *mark)
        .unwrap_or_else(|| others.count());
    highest + 1 + k as u32
}

fn footnote<'r>(r: &'r Resolution, n: &FootnoteMark) -> Option<&'r Footnote> {
    r.footnotes.iter().find(|f| f.mark == *n)
}

// ----------------------------------------------------------------------------
// PDF style

/// Write the resolutions of `doc` as a PDF extraction laid out with `opts`:
/// every paragraph wrapped at `opts.width` columns, each line followed by an
/// empty line, a trailing space on the last line of a paragraph (and on a
/// line wrapped at a space between Latin words), a leading space on the
/// first line of each page, footnotes referenced on a page at its foot after
/// a separator, references glued to the text. Every resolution starts a page.
pub fn write_pdf<W: Write>(out: &mut W, doc: &Document, opts: &PdfLayout) -> io::Result<()> {
    let opts = PdfLayout {
        width: opts.width.max(MIN_WIDTH),
        lines_per_page: opts.lines_per_page.max(1),
        ..*opts
    };
    let mut pager = Pager {
        opts,
        pages: Vec::new(),
    };
    for r in &doc.resolutions {
        pager.new_page();
        lay_out_resolution(&mut pager, r, doc.language.table().unwrap_or(&ZH));
    }
    pager.write(out)
}

/// A laid-out page.
#[derive(Debug, Default)]
struct Page {
    body: Vec<String>,
    /// Wrapped footnote bodies, in order of first reference.
    notes: Vec<Vec<String>>,
}

impl Page {
    fn rows(&self) -> usize {
        let notes: usize = self.notes.iter().map(Vec::len).sum();
        self.body.len() + if notes > 0 { notes + 2 } else { 0 }
    }
}

struct Pager {
    opts: PdfLayout,
    pages: Vec<Page>,
}

impl Pager {
    fn new_page(&mut self) {
        if self.pages.last().is_none_or(|p| !p.body.is_empty()) {
            self.pages.push(Page::default());
        }
    }

    /// Add one body line and the footnote bodies first referenced on it;
    /// they must share a page, so a full page is closed first.
    fn push(&mut self, line: String, notes: Vec<Vec<String>>) {
        let extra: usize = notes.iter().map(Vec::len).sum();
        let need = 1 + extra;
        let fits = self.pages.last().is_some_and(|p| {
            let sep = if p.notes.is_empty() && extra > 0 {
                2
            } else {
                0
            };
            p.body.is_empty() || p.rows() + need + sep <= self.opts.lines_per_page
        });
        if !fits {
            self.pages.push(Page::default());
        }
        if let Some(p) = self.pages.last_mut() {
            p.body.push(line);
            p.notes.extend(notes);
        }
    }

    fn write<W: Write>(&self, out: &mut W) -> io::Result<()> {
        let pages: Vec<&Page> = self.pages.iter().filter(|p| !p.body.is_empty()).collect();
        for (k, page) in pages.iter().enumerate() {
            // A page opens with a space, unless a page-number block before
            // it already marks the page break.
            let lead = if k == 0 || !self.opts.page_numbers {
                " "
            } else {
                ""
            };
            for (i, line) in page.body.iter().enumerate() {
                if i == 0 {
                    writeln!(out, "{lead}{line}")?;
                } else {
                    writeln!(out)?;
                    writeln!(out, "{line}")?;
                }
            }
            if !page.notes.is_empty() {
                writeln!(out, "\n  \n\n_______________ ")?;
                for line in page.notes.iter().flatten() {
                    writeln!(out)?;
                    writeln!(out, "{line}")?;
                }
            }
            if self.opts.page_numbers && k + 1 < pages.len() {
                // Shape of the WTSA-24 page-number blocks.
                writeln!(out, "\n  \n\n\n\n{} \n\n \n", k + 1)?;
            }
        }
        Ok(())
    }
}

fn lay_out_resolution(pager: &mut Pager, r: &Resolution, lang: &Lang) {
    let width = pager.opts.width;
    let mut emitted: BTreeSet<FootnoteMark> = BTreeSet::new();
    for b in blocks(r) {
        let (label, text, notes) = match b {
            Block::Marker(a) => {
                // Markers carry two trailing spaces in the WTSA texts.
                pager.push(format!("{}  ", a.as_str()), Vec::new());
                continue;
            }
            Block::Para { label, text, notes } => (label, text, notes),
        };
        let mut s = String::new();
        if let Some(l) = &label {
            s.push_str(l);
            s.push(' ');
        }
        let keep = s.len();
        let mut refs: Vec<(usize, &FootnoteMark)> = Vec::new();
        let mut from = 0;
        for (at, n) in place_refs(&text, &notes, lang) {
            s.push_str(&text[from..at]);
            refs.push((s.len(), n));
            s.push_str(n.as_str());
            from = at;
        }
        s.push_str(&text[from..]);
        let glued: Vec<usize> = refs.iter().map(|(at, _)| *at).collect();
        for line in wrap(&s, keep, &glued, width) {
            let notes: Vec<Vec<String>> = refs
                .iter()
                .filter(|(at, _)| line.range.contains(at))
                .filter_map(|(_, n)| emitted.insert((*n).clone()).then_some(*n))
                .filter_map(|n| footnote(r, n))
                .map(|f| pdf_footnote(f, width))
                .collect();
            pager.push(line.render(&s), notes);
        }
    }
    // Bodies nothing points to go to the foot of the resolution's last page.
    let orphans: Vec<Vec<String>> = r
        .footnotes
        .iter()
        .filter(|f| !emitted.contains(&f.mark))
        .map(|f| pdf_footnote(f, width))
        .collect();
    if !orphans.is_empty()
        && let Some(p) = pager.pages.last_mut()
    {
        p.notes.extend(orphans);
    }
}

/// `N text`, wrapped like body text.
fn pdf_footnote(f: &Footnote, width: usize) -> Vec<String> {
    let s = format!("{} {}", f.mark, f.text);
    let keep = f.mark.as_str().len() + 1;
    wrap(&s, keep, &[], width)
        .into_iter()
        .map(|l| l.render(&s))
        .collect()
}

/// One output line of a wrapped paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    /// Bytes of the paragraph on the line.
    range: Range<usize>,
    /// The line ends with a space: the paragraph's end, or a wrap at the
    /// space between two Latin words.
    trailing_space: bool,
}

impl Line {
    fn render(&self, s: &str) -> String {
        let mut l = s[self.range.clone()].to_string();
        if self.trailing_space {
            l.push(' ');
        }
        l
    }
}

/// Where a line may end before character `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// Between two characters, at least one CJK: nothing is lost.
    Plain,
    /// At the space `b` between two Latin words: the space stays at the end
    /// of the line.
    Space,
}

/// Wrap `s` at `width` display columns. No break falls in the first `keep`
/// bytes (a label and its space) nor before a byte of `glued` (reference
/// digits stick to their word). A Latin or digit run is never split unless
/// it alone is wider than a line.
fn wrap(s: &str, keep: usize, glued: &[usize], width: usize) -> Vec<Line> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let width = width.max(2);
    let opportunity = |b: usize| -> Option<Break> {
        let (at, c) = chars[b];
        let prev = chars[b - 1].1;
        if at <= keep || glued.contains(&at) {
            return None;
        }
        if c == ' ' {
            let next = chars.get(b + 1).map(|x| x.1)?;
            // A line opening with a dash or bullet would read as a list
            // item; typesetters break after the dash (`研究 −` + `以实现`).
            return (prev != ' '
                && next != ' '
                && !is_cjk(prev)
                && !is_cjk(next)
                && !punct::LIST_MARKS.contains(&next))
            .then_some(Break::Space);
        }
        (prev != ' ' && (is_cjk(prev) || is_cjk(c))).then_some(Break::Plain)
    };
    let mut lines = Vec::new();
    let mut start = 0;
    while start < n {
        // Longest run from `start` that fits.
        let mut w = 0;
        let mut end = start;
        while end < n {
            let cw = display_width(chars[end].1.encode_utf8(&mut [0; 4]));
            if w + cw > width && end > start {
                break;
            }
            w += cw;
            end += 1;
        }
        if end == n {
            lines.push(Line {
                range: chars[start].0..s.len(),
                trailing_space: true,
            });
            break;
        }
        let best = (start + 1..=end)
            .rev()
            .find_map(|b| opportunity(b).map(|k| (b, k)));
        let (b, kind) = match best {
            Some(x) => x,
            // Nothing to break at: cut the run, never next to a space (a
            // line may neither end nor start with one unnoticed).
            None => {
                let mut b = end;
                while b > start + 1 && (chars[b].1 == ' ' || chars[b - 1].1 == ' ') {
                    b -= 1;
                }
                (b, Break::Plain)
            }
        };
        lines.push(Line {
            range: chars[start].0..chars[b].0,
            trailing_space: kind == Break::Space,
        });
        start = if kind == Break::Space { b + 1 } else { b };
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(s: &str, keep: usize, width: usize) -> Vec<String> {
        wrap(s, keep, &[], width)
            .into_iter()
            .map(|l| l.render(s))
            .collect()
    }

    #[test]
    fn cjk_wraps_anywhere_and_the_last_line_ends_with_a_space() {
        assert_eq!(
            wrapped("一二三四五六七", 0, 6),
            vec!["一二三", "四五六", "七 "]
        );
    }

    #[test]
    fn latin_tokens_are_not_split() {
        // `ITU-T` does not fit after 四五: the line ends before it.
        assert_eq!(
            wrapped("四五ITU-T建议", 0, 8),
            vec!["四五", "ITU-T建", "议 "]
        );
    }

    #[test]
    fn a_wrap_at_a_latin_space_keeps_the_space() {
        assert_eq!(
            wrapped("特别是ITU-T E.164和", 0, 14),
            vec!["特别是ITU-T ", "E.164和 "]
        );
    }

    #[test]
    fn spaces_next_to_cjk_are_not_break_points() {
        // The space after `研究` may not end nor start a line.
        let lines = wrapped("方面的研究 − 以实现", 0, 12);
        assert!(lines.iter().all(|l| !l.starts_with(' ')));
        assert!(lines[..lines.len() - 1].iter().all(|l| !l.ends_with(' ')));
        assert_eq!(lines.concat().trim_end(), "方面的研究 − 以实现");
    }

    #[test]
    fn no_line_opens_with_a_dash() {
        let lines = wrapped("ITU-T X.159、ITU-T X.180 – ITU-T X.199", 0, 26);
        assert_eq!(lines[0], "ITU-T X.159、ITU-T X.180 – ");
    }

    #[test]
    fn no_break_inside_the_label_or_before_glued_digits() {
        assert_eq!(wrapped("a) 一二三四", 3, 6)[0], "a) 一");
        // Never a lone label ended by a space.
        assert_eq!(wrapped("b) ITU-T最", 3, 6)[0], "b) ITU");
        let s = "一二三1四";
        let lines: Vec<String> = wrap(s, 0, &[9], 6)
            .into_iter()
            .map(|l| l.render(s))
            .collect();
        assert_eq!(lines, vec!["一二", "三1四 "]);
    }

    #[test]
    fn an_overlong_token_is_cut() {
        let lines = wrapped("https://www.itu.int/zh/ITU-T/ipr", 0, 16);
        assert_eq!(
            lines.concat().trim_end(),
            "https://www.itu.int/zh/ITU-T/ipr"
        );
        assert!(lines.len() >= 2);
    }

    #[test]
    fn references_go_before_the_final_punctuation() {
        let place_refs = |text: &str, notes: &[u32], lang: &Lang| -> Vec<(usize, u32)> {
            let marks: Vec<FootnoteMark> = notes.iter().map(|&n| n.into()).collect();
            place_refs(text, &marks, lang)
                .into_iter()
                .map(|(at, m)| (at, m.number().unwrap_or_default()))
                .collect()
        };
        assert_eq!(place_refs("发展中国家；", &[1], &ZH), vec![(15, 1)]);
        // After a Latin word or a counter word the digit would be text.
        // so they go after it.
        assert_eq!(
            place_refs("采用ITU-T；", &[1], &ZH),
            vec![("采用ITU-T；".len(), 1)]
        );
        assert_eq!(
            place_refs("第1部分；", &[2], &ZH),
            vec![("第1部分；".len(), 2)]
        );
        // Two references need two places, in order.
        let p = place_refs("许多主管部门通过了国家法规；", &[2, 3], &ZH);
        assert_eq!(p.iter().map(|x| x.1).collect::<Vec<_>>(), vec![2, 3]);
        assert!(p[0].0 < p[1].0);
        assert_eq!(p[1].0, "许多主管部门通过了国家法规".len());
        // `：` would read the digit as a count (`1：`).
        assert_eq!(place_refs("如下：", &[1], &ZH), vec![("如下：".len(), 1)]);
    }
}
