//! Where a paragraph ends in a PDF extraction whose trailing spaces were
//! stripped (editors and commit hooks do this): the trailing space is gone,
//! so the end is read from what is left. A line that opens a structure (a
//! label, a heading, a header, a history or assembly line) starts a
//! paragraph; a line that is one ends it; a line cut short of the page width
//! after sentence-final punctuation ends a paragraph, and a line without it
//! runs on.

use super::Para;
use crate::lang::{Lang, punct};
use crate::model::LabelFamily;
use crate::parse::{annex, body, header, labels};
use crate::text::{char_width, display_width, is_cjk};

/// What the page tells about line widths, in character cells.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct PageWidth {
    /// Typical width of a full line.
    pub full: usize,
    /// Widest a line may be and still have room for one more character.
    pub short_limit: usize,
    /// Width of a full line of ideographs only, when the text indents the
    /// first line of a paragraph by one ideograph (such a first line is
    /// two cells narrower than every line that continues a paragraph).
    pub indented_cjk_full: Option<usize>,
    /// Lines were filled to a fixed number of display columns (a text
    /// re-flowed by a program, not typeset): widths are exact, and a line
    /// with room for the next line's first unbreakable piece was not
    /// wrapped.
    pub exact: bool,
}

impl PageWidth {
    /// Measure the page of a stripped PDF extraction's trimmed content lines.
    pub fn measure(content: &[&str], lang: &Lang) -> PageWidth {
        let mut widths: Vec<usize> = content
            .windows(2)
            .filter(|w| {
                !w[0].ends_with(lang.sentence_final)
                    && !opens_structure(w[1], lang)
                    && !stands_alone(w[0], lang)
            })
            .map(|w| pdf_width(w[0]))
            .collect();
        let display: Vec<usize> = content.iter().map(|l| display_width(l)).collect();
        if let Some(page) = PageWidth::exact(content, &display, lang) {
            return page;
        }
        let (full, spread) = if widths.is_empty() {
            let max = content.iter().map(|l| pdf_width(l)).max().unwrap_or(0);
            (max, max / 8)
        } else {
            widths.sort_unstable();
            let full = widths[widths.len() / 2];
            // How far below the typical width full lines go: a typeset
            // text with proportional Latin letters varies, a re-flowed one
            // fills every line to the column.
            let near: Vec<usize> = widths.into_iter().filter(|w| w * 4 >= full * 3).collect();
            let low = near.get(near.len() / 20).copied().unwrap_or(full);
            (full, full.saturating_sub(low))
        };
        let mut page = PageWidth {
            full,
            short_limit: full.saturating_sub((2 * spread).max(2)),
            indented_cjk_full: None,
            exact: false,
        };
        // The most common width of full ideograph-only lines, then how the
        // first lines after a sure paragraph end are set.
        let mut counts = std::collections::BTreeMap::new();
        for (l, &w) in content.iter().zip(&display) {
            if !all_wide(l, w) {
                continue;
            }
            if w + 2 > page.short_limit {
                *counts.entry(w).or_insert(0usize) += 1;
            }
        }
        let Some((&cjk_full, _)) = counts.iter().max_by_key(|(w, n)| (**n, **w)) else {
            return page;
        };
        let (mut flush, mut indented) = (0usize, 0usize);
        for (w, &next_width) in content.windows(2).zip(&display[1..]) {
            let sure_end = w[0].ends_with(lang.paragraph_final) && page.short(w[0]);
            if sure_end && all_wide(w[1], next_width) && !opens_structure(w[1], lang) {
                match next_width {
                    x if x == cjk_full => flush += 1,
                    x if x + 4 == cjk_full => indented += 1,
                    _ => {}
                }
            }
        }
        if indented >= 3 && indented > flush * 3 {
            page.indented_cjk_full = Some(cjk_full);
        }
        page
    }

    /// The page of a text filled to a fixed column: no line is wider than
    /// the widest, and most lines that run on reach it (or stop one column
    /// short of it, where the next ideograph did not fit). A typeset text
    /// varies with its proportional letters and its indents. `widths`:
    /// the [`display_width`] of each line of `content`, measured once by
    /// the caller (this runs over every line of every PDF extraction).
    pub(super) fn exact(content: &[&str], widths: &[usize], lang: &Lang) -> Option<PageWidth> {
        let max = widths.iter().copied().max()?;
        // In a text of short rows and titles, many lines reach the column
        // and few stop just short of it.
        let edge = widths.iter().filter(|&&w| w + 1 >= max).count();
        let near = widths.iter().filter(|&&w| w + 4 >= max).count();
        let filled = edge >= 3 && edge * 20 >= content.len() && edge * 10 >= near * 7;
        // Or most lines that run on reach the column; asked only when the
        // widths alone do not tell, as reading structure is the costly part.
        let runs_to_edge = || {
            let open = |i: usize| !content[i].ends_with(lang.sentence_final);
            let (edge, short): (Vec<usize>, Vec<usize>) = (0..content.len().saturating_sub(1))
                .filter(|&i| open(i))
                // A line that runs on reaches the column as nearly as the
                // next line's first unbreakable piece allows: one
                // ideograph, or a whole word with its space in a text that
                // wraps at spaces.
                .partition(|&i| widths[i] + first_piece(content[i], content[i + 1]).max(2) > max);
            most_run_to_edge(&edge, &short, |i| !opens_structure(content[i + 1], lang))
        };
        (filled || runs_to_edge()).then_some(PageWidth {
            full: max,
            short_limit: max,
            indented_cjk_full: None,
            exact: true,
        })
    }

    /// Width of `line` in character cells on this page.
    fn width(&self, line: &str) -> usize {
        if self.exact {
            display_width(line)
        } else {
            pdf_width(line)
        }
    }

    /// Whether `line` stops short of the page width: a character more would
    /// have fitted, so the break was not a wrap.
    pub fn short(&self, line: &str) -> bool {
        self.width(line) + 2 <= self.short_limit
    }

    /// Whether the start of `next` would have fitted at the end of `line`:
    /// one ideograph, or a whole Latin word (a typesetter does not split
    /// `E.164`) with the space before it.
    pub fn room_for(&self, line: &str, next: &str) -> bool {
        if self.exact {
            return display_width(line) + first_piece(line, next) <= self.full;
        }
        let word: usize = next
            .chars()
            .take_while(|c| c.is_ascii_graphic())
            .map(|_| 1)
            .sum();
        let unit = if word > 0 { word + 1 } else { 2 };
        pdf_width(line) + unit <= self.short_limit
    }

    /// Whether `line` is a piece of a word wider than the line, cut where
    /// the line was full (a long URL): it holds no place to break at, and
    /// in a text filled to a column, not even `next`'s first character
    /// would have fitted.
    pub fn cut(&self, line: &str, next: &str) -> bool {
        let first = next.chars().next().map_or(0, char_width);
        self.exact
            && !line.contains(' ')
            && !line.chars().any(is_cjk)
            && display_width(line) + first > self.full
    }

    /// Whether `line` is a full line that continues a paragraph, in a text
    /// that indents first lines: as wide as a full line of ideographs, and
    /// without Latin letters (whose widths vary; digits are half an
    /// ideograph wide).
    fn continues(&self, line: &str) -> bool {
        self.indented_cjk_full.is_some_and(|w| {
            !line.chars().any(|c| c.is_ascii_alphabetic()) && display_width(line) >= w
        })
    }
}

/// Whether, of the lines that may run on (`edge`: those that reach the
/// column, `short`: the others), four or more do and at least half of
/// those reach the column. `runs_on` is asked only until the answer is
/// certain, the smaller group first: a filled text has few short lines that
/// run on, a typeset one few lines at the column.
fn most_run_to_edge(edge: &[usize], short: &[usize], runs_on: impl Fn(usize) -> bool) -> bool {
    let (mut at_edge, mut short_running) = (0, 0);
    let (mut edge_left, mut short_left) = (edge.len(), short.len());
    let edge_first = edge.len() <= short.len();
    let (first, then) = if edge_first {
        (edge, short)
    } else {
        (short, edge)
    };
    for (k, &i) in first.iter().chain(then).enumerate() {
        let runs = usize::from(runs_on(i));
        if (k < first.len()) == edge_first {
            (at_edge, edge_left) = (at_edge + runs, edge_left - 1);
        } else {
            (short_running, short_left) = (short_running + runs, short_left - 1);
        }
        if at_edge >= short_running + short_left && at_edge + short_running >= 4 {
            return true;
        }
        if at_edge + edge_left < short_running
            || at_edge + edge_left + short_running + short_left < 4
        {
            return false;
        }
    }
    at_edge + short_running >= 4 && at_edge >= short_running
}

/// Width of what the line before `next` would have had to take for the
/// break before `next` to be a wrap: `next`'s first unbreakable piece, and
/// the space before it when the break fell between two Latin words. A line
/// breaks next to an ideograph or at a space between Latin words, never
/// after a space nor before a dash or a bullet (which would open a list
/// item).
fn first_piece(line: &str, next: &str) -> usize {
    // Read lazily: only the piece is measured, not the whole next line.
    let mut chars = next.chars().peekable();
    let mut width = 0;
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(p) = prev {
            let breaks = if c == ' ' {
                let n = chars.peek().copied();
                !p.is_whitespace()
                    && !is_cjk(p)
                    && n.is_some_and(|n| n != ' ' && !is_cjk(n) && !punct::LIST_MARKS.contains(&n))
            } else {
                p != ' ' && (is_cjk(p) || is_cjk(c))
            };
            if breaks {
                break;
            }
        }
        width += char_width(c);
        prev = Some(c);
    }
    // A footnote reference sticks to the word before it (`可能性4，`): up
    // to two digits, so the first four characters tell.
    let mut head = next.chars();
    let head = [head.next(), head.next(), head.next(), head.next()];
    if head[0].is_some_and(is_cjk) && head[1].is_some_and(|c| c.is_ascii_digit()) {
        let digits = head[1..]
            .iter()
            .take_while(|c| c.is_some_and(|c| c.is_ascii_digit()))
            .count();
        let after = head.get(1 + digits).copied().flatten();
        if digits <= 2 && after.is_none_or(|c| !c.is_alphanumeric()) {
            width += digits;
        }
    }
    let spaced = line
        .chars()
        .last()
        .is_some_and(|c| !is_cjk(c) && !c.is_whitespace())
        && head[0].is_some_and(|c| !is_cjk(c));
    width + usize::from(spaced)
}

/// Widest share of the page (in percent) a line of a stretch of boxes set
/// side by side may take.
const COLUMN_PERCENT: usize = 65;
/// Lines that must reach the width of a box for a stretch to count as one
/// of boxes.
const COLUMN_FULL_LINES: usize = 4;

/// The page of each line (by index into `lines`) that belongs to a stretch
/// of narrow boxes set side by side (a flowchart): a line holding two boxes
/// (`…合理的方式 应采取…`) opens it, and it runs while lines stay narrow.
/// Its lines wrap at the width of a box, which many of them reach; a line
/// holding two boxes is measured by the last.
pub(super) fn column_pages(
    lines: &[&str],
    page: &PageWidth,
    lang: &Lang,
) -> Vec<Option<PageWidth>> {
    let mut out = vec![None; lines.len()];
    let narrow = |w: usize| w * 100 <= page.full * COLUMN_PERCENT;
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        if !two_boxes(t, lang) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut widths = Vec::new();
        while let Some(l) = lines.get(end).map(|l| l.trim()) {
            if l.is_empty() {
                end += 1;
            } else if two_boxes(l, lang) {
                widths.push(pdf_width(last_box(l, lang)));
                end += 1;
            } else if narrow(pdf_width(l)) && !super::is_marker(l) {
                widths.push(pdf_width(l));
                end += 1;
            } else {
                break;
            }
        }
        let column = widths.iter().copied().max().unwrap_or(0);
        let at_edge = widths.iter().filter(|&&w| w + 3 >= column).count();
        if at_edge >= COLUMN_FULL_LINES && column >= 16 {
            let local = PageWidth {
                full: column,
                short_limit: column - 2,
                indented_cjk_full: None,
                exact: false,
            };
            out[i..end].iter_mut().for_each(|p| *p = Some(local));
        }
        i = end;
    }
    out
}

/// Whether `t` holds two boxes side by side: text, one space after an
/// ideograph, text (`X国（ACP用户所在地） Y国（ACP提供方所在地）`).
fn two_boxes(t: &str, lang: &Lang) -> bool {
    let Some((left, right)) = t.rsplit_once(' ') else {
        return false;
    };
    left.chars().last().is_some_and(is_cjk)
        && left.chars().count() >= 2
        && right.chars().count() >= 2
        && !opens_structure(t, lang)
}

/// The last box of a line holding boxes side by side (what follows its
/// last space), or the line.
pub(super) fn last_box<'a>(line: &'a str, lang: &Lang) -> &'a str {
    match line.rsplit_once(' ') {
        Some((_, last)) if two_boxes(line, lang) => last,
        _ => line,
    }
}

/// Whether every character of `line` is set full-width.
/// Whether `line`, `width` cells wide, holds wide characters only.
fn all_wide(line: &str, width: usize) -> bool {
    !line.is_empty() && width == 2 * line.chars().count()
}

/// Whether `t` opens a structure of its own: it never continues the line
/// before it.
pub(super) fn opens_structure(t: &str, lang: &Lang) -> bool {
    // `(ii)` at the start of a line is as often an enumeration inside a
    // sentence that wrapped there as a label.
    let label = labels::read_label(t, lang)
        .is_some_and(|r| r.readings.iter().all(|l| !l.raw.starts_with('(')));
    label || stands_alone(t, lang) || opens_history(t, lang) || opens_assembly_line(t, lang)
}

/// Whether `t` is the start of an assembly line wrapped before its edition
/// bracket (`The Plenipotentiary Conference of the International` +
/// `Telecommunication Union (Dubai, 2018),`): words that begin the phrase
/// of an assembly and end at a word boundary in it. One word is not
/// enough (`The` opens many sentences).
fn opens_assembly_line(t: &str, lang: &Lang) -> bool {
    let t = t.trim_end();
    t.contains(' ')
        && std::iter::once(lang.assembly_prefix)
            .chain(lang.other_assembly_prefixes.iter().copied())
            .map(|p| p.trim_end_matches(punct::OPEN_PARENS).trim_end())
            .any(|p| {
                p.strip_prefix(t)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
}

/// Whether `t` is a line that is a paragraph by itself: a heading, a
/// header, an annex heading or caption, an assembly line.
pub(super) fn stands_alone(t: &str, lang: &Lang) -> bool {
    body::read_heading(t, lang).is_some() || is_header_like(t, lang)
}

/// Whether `t` is a resolution or recommendation header, or looks like one.
pub(super) fn is_header(t: &str, lang: &Lang) -> bool {
    header::read_header(t, lang, true).is_some() || header::looks_like_header(t, lang)
}

/// Whether `t` is a header, an annex heading or caption or an assembly
/// line: one line, never wrapped into what follows it.
fn is_header_like(t: &str, lang: &Lang) -> bool {
    header::is_assembly_line(t, lang)
        || is_header(t, lang)
        || annex::is_annex_heading(t, lang)
        || annex::is_annex_caption(t, lang)
}

/// Whether `t` opens a history line (`（1993年，赫尔辛基；…`), not an edition
/// bracket wrapped to the start of a line inside a sentence
/// (`（2022年，布加勒斯特，修订版）的规定…`): the bracket holds several
/// items, or is all the line holds.
fn opens_history(t: &str, lang: &Lang) -> bool {
    if !header::is_history_start(t) {
        return false;
    }
    match header::bracketed(t) {
        Some((inner, after)) => inner.contains(lang.history_separator) || after.trim().is_empty(),
        None => t.contains(lang.history_separator),
    }
}

/// Whether the paragraph `para`, whose last line is `prev`, runs on into
/// `next` (trimmed lines of a stripped PDF extraction laid out on `page`).
pub(super) fn runs_on(
    para: &str,
    prev: &str,
    next: &str,
    earlier: &[Para],
    page: &PageWidth,
    lang: &Lang,
) -> bool {
    // A word wider than the line was cut: whatever follows is its rest.
    // An assembly line wrapped before its edition bracket goes on into it.
    if page.cut(prev, next)
        || (opens_assembly_line(para, lang)
            && !para.contains(punct::OPEN_PARENS)
            && next.starts_with(punct::OPEN_PARENS))
    {
        return true;
    }
    // The next item of an enumeration inside the paragraph is no label.
    if continues_enumeration(para, next, lang) {
        return !page.room_for(prev, next);
    }
    // What looks like a label closes the bracket the paragraph left open
    // (`（ISO/IEC JTC` + `1）和欧洲…`), or is glued to the words after it
    // after a line that runs on (`…考虑到c)和认识到` + `a)相一致，…`): a
    // reference to a clause, not one.
    if (unclosed_bracket(para) && closes_bracket(next, lang))
        || (glued_label(next, lang) && !prev.ends_with(lang.sentence_final))
    {
        return !page.room_for(prev, next);
    }
    // Punctuation that closes something never opens a paragraph
    // (`…各自根据其职责` + `，与相关研究组…`, a lone `。`).
    if next.starts_with(lang.sentence_final) || next.starts_with(punct::NEVER_OPENING) {
        return true;
    }
    // A conjunction closing a list item was wrapped off the item.
    if lang
        .list_conjunctions
        .iter()
        .any(|c| next == *c || (c.chars().count() > 1 && next.starts_with(c)))
    {
        return true;
    }
    // Where words are spaced, a line wraps before any word, numbers
    // included: after a line left open (no closing punctuation, or inside
    // a bracket, or after an abbreviation) that had no room for it, what
    // looks like a label, a heading or a header goes on with the sentence
    // (`…no fewer than` + `900 delegates,`; `…based on` + `requests from
    // ITU Member States…`; `…clause 1.8.2.8 of` + `Recommendation ITU-T
    // A.1.`).
    if lang.spaced
        && (labels::read_label(next, lang).is_some()
            || body::read_heading(next, lang).is_some()
            || is_header(next, lang))
        && (!prev.ends_with(lang.sentence_final)
            || unclosed_bracket(prev)
            || ends_with_abbreviation(prev, lang))
        && !stands_alone(para, lang)
        && !page.room_for(prev, next)
    {
        return true;
    }
    // A heading that fills its line may be the start of a paragraph that
    // merely opens with the same word (`请成员国…`, `责成秘书长…`).
    // After the end of a sentence it is a heading all the same.
    if opens_structure(next, lang)
        && (page.short(next)
            || body::read_heading(next, lang).is_none()
            || prev.ends_with(lang.sentence_final))
    {
        return false;
    }
    if is_header_like(para, lang) {
        return false;
    }
    if ends_enumeration_item(prev) {
        return true;
    }
    // A full heading line runs on only into a line that ends the paragraph
    // (`责成…与相关研究组` + `（尤其是…）协作`); a heading followed by a full
    // line is the heading alone, and its text follows.
    // A heading never ends inside a bracket (`…与相关研究组（尤其是国` +
    // `际电联…`).
    if body::read_heading(para, lang).is_some() {
        // In a text filled to a column the heading's line is full when the
        // next word did not fit, however long that word.
        let full = if page.exact {
            !page.room_for(prev, next)
        } else {
            !page.short(prev)
        };
        return unclosed_bracket(para) || (full && page.short(next));
    }
    // Inside an open bracket the paragraph goes on (`（原WTSA-24` + `行动…）`,
    // a history line wrapped after `；`).
    if unclosed_bracket(prev) {
        return true;
    }
    // A line opening with a square bracket starts a paragraph: a reference
    // tag (`[ITU-T A.5]`), a placeholder (`[插入…]`), an editorial bracket.
    // In a re-flowed text it may as well be a reference the line wrapped
    // before (`…的一般性程序见` + `[ITU-T A.5]。`), unless a sentence ended.
    if next.starts_with('[') && (!page.exact || prev.ends_with(lang.sentence_final)) {
        return false;
    }
    let Some(last) = prev.chars().last() else {
        return false;
    };
    // A whole line in brackets (`[插入…]`, `（本附录…）`) is a paragraph.
    if whole_bracket(prev) || opens_row(para, prev, next, earlier, lang) {
        return false;
    }
    // A line cut short of the page width ends its paragraph; so does a full
    // one that ends a sentence, unless the next line is set as a
    // continuation. Otherwise the next line did not fit.
    if page.room_for(prev, next) {
        return false;
    }
    // A full line that ends a sentence: a re-flowed text indents nothing,
    // and a sentence ends inside a paragraph more often than a paragraph
    // without a label follows one.
    // A footnote reference before the final mark (`…其建议书5。`) is set
    // at the end of a paragraph.
    !lang.paragraph_final.contains(&last)
        || page.continues(next)
        || (page.exact && !ends_with_reference(prev))
}

/// Whether `line` ends with an abbreviation whose full stop ends no
/// sentence (`pursuant to No.`).
fn ends_with_abbreviation(line: &str, lang: &Lang) -> bool {
    lang.abbreviations.iter().any(|a| {
        line.strip_suffix(a)
            .is_some_and(|before| before.is_empty() || before.ends_with([' ', '(']))
    })
}

/// Whether `line` ends with a footnote reference and a final mark: an
/// ideograph, one or two digits, the mark (`建议书5。`).
fn ends_with_reference(line: &str) -> bool {
    let before_mark: Vec<char> = line.chars().rev().skip(1).take(3).collect();
    let digits = before_mark
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (1..=2).contains(&digits)
        && before_mark
            .get(digits)
            .is_some_and(|c| is_cjk(*c) && c.is_alphabetic())
}

/// Whether `next` opens with the next item of an enumeration running inside
/// `para` (`…四个支柱为：1) 合格评定；` + `2) 互操作性活动；…`): the item
/// before it stands after the paragraph's start, after a space or a
/// punctuation mark.
fn continues_enumeration(para: &str, next: &str, lang: &Lang) -> bool {
    let Some(read) = labels::read_label(next, lang) else {
        return false;
    };
    read.readings.iter().any(|l| {
        let before = match l.family {
            LabelFamily::NumberParen if l.ordinal > 1 => format!("{})", l.ordinal - 1),
            LabelFamily::Letter if (2..=26).contains(&l.ordinal) => {
                format!("{})", char::from(b'a' + (l.ordinal - 2) as u8))
            }
            _ => return false,
        };
        para.match_indices(&before).any(|(i, _)| {
            i > 0
                && para[..i].ends_with(|c: char| c == ' ' || lang.sentence_final.contains(&c))
                && para[i + before.len()..].starts_with(' ')
        })
    })
}

/// Whether `next` opens the next row of a table whose rows begin with the
/// same word and end without punctuation (`ITU-T I.750系列建议书` +
/// `ITU-T G.850系列`): the paragraph and two of the three before it begin
/// with the word `next` begins with (or those two end as the line before
/// does), neither ending with punctuation, and the line before leaves
/// nothing open (a comma, a conjunction, a dash, a slash, a bracket).
fn opens_row(para: &str, prev: &str, next: &str, earlier: &[Para], lang: &Lang) -> bool {
    let open = prev.ends_with(lang.sentence_final)
        || prev.ends_with(punct::ENUMERATION_COMMAS)
        || prev.ends_with(punct::LIST_MARKS)
        || prev.ends_with(punct::OPEN_PARENS)
        || prev.ends_with('/')
        || lang.list_conjunctions.iter().any(|c| prev.ends_with(c));
    if open {
        return false;
    }
    // Rows that begin alike, or end alike (`…的牵头研究组`): two of the
    // three paragraphs before (a note may stand between rows).
    let rows = || {
        earlier
            .iter()
            .rev()
            .take(3)
            .filter(|p| !p.text.ends_with(lang.sentence_final))
    };
    let start = row_start(next);
    let same_start = start.is_some()
        && row_start(para) == start
        && rows().filter(|p| row_start(&p.text) == start).count() >= 2;
    let end = row_end(prev);
    let same_end = end.is_some() && rows().filter(|p| row_end(&p.text) == end).count() >= 2;
    same_start || same_end
}

/// How a row begins: its first Latin word (`ITU-T` of `ITU-T G.850系列`
/// and of `ITU-T第5研究组`), or its first two ideographs.
fn row_start(line: &str) -> Option<&str> {
    let end = line
        .find(|c: char| !c.is_ascii_graphic())
        .unwrap_or(line.len());
    if end > 0 {
        let word = &line[..end];
        return (end < line.len()
            && word.len() >= 2
            && word.chars().any(|c| c.is_ascii_alphabetic()))
        .then_some(word);
    }
    two_ideographs(line.char_indices().take(2), line, true)
}

/// How a row ends: its last two ideographs.
fn row_end(line: &str) -> Option<&str> {
    two_ideographs(line.char_indices().rev().take(2), line, false)
}

/// The two characters `chars` yields (from the start or from the end of
/// `line`), when both are ideographs.
fn two_ideographs(
    chars: impl Iterator<Item = (usize, char)>,
    line: &str,
    from_start: bool,
) -> Option<&str> {
    let picked: Vec<(usize, char)> = chars.collect();
    if picked.len() < 2 || !picked.iter().all(|(_, c)| is_cjk(*c) && c.is_alphabetic()) {
        return None;
    }
    Some(if from_start {
        &line[..picked[1].0 + picked[1].1.len_utf8()]
    } else {
        &line[picked[1].0..]
    })
}

/// Whether `line` ends with an enumeration comma: another item follows, so
/// the line never ends a paragraph, whatever its width (a manual line break
/// inside a table cell or a title: `…ITU-T L.71、` + `ITU-T L.75、…`).
pub(super) fn ends_enumeration_item(line: &str) -> bool {
    line.ends_with(punct::ENUMERATION_COMMAS)
}

/// Whether `next` opens with a label that is only a word and a closing
/// bracket (`1）`, `b)`).
fn closes_bracket(next: &str, lang: &Lang) -> bool {
    labels::read_label(next, lang).is_some_and(|r| {
        r.readings
            .iter()
            .all(|l| l.raw.ends_with(punct::CLOSE_PARENS) && !l.raw.starts_with(punct::OPEN_PARENS))
    })
}

/// Whether `next` opens with a label glued to the text after it (`a)相一致`).
fn glued_label(next: &str, lang: &Lang) -> bool {
    labels::read_label(next, lang).is_some_and(|r| {
        r.readings
            .first()
            .and_then(|l| next.get(l.raw.len()..))
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_whitespace()))
    })
}

/// Whether `line` is one bracketed group (`[…]`, `（…）`).
fn whole_bracket(line: &str) -> bool {
    let (Some(open), Some(close)) = (line.chars().next(), line.chars().last()) else {
        return false;
    };
    let round = punct::OPEN_PARENS.contains(&open) && punct::CLOSE_PARENS.contains(&close);
    round && header::bracketed(line).is_some_and(|(_, after)| after.is_empty())
        || (open == '[' && close == ']' && !line[1..].contains('['))
}

/// Whether `line` leaves a round bracket open. A closing bracket with
/// nothing open (the label `d)`) does not count.
fn unclosed_bracket(line: &str) -> bool {
    let mut depth = 0u32;
    for c in line.chars() {
        match c {
            c if punct::OPEN_PARENS.contains(&c) => depth += 1,
            c if punct::CLOSE_PARENS.contains(&c) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// Width of a line as a PDF sets it, in character cells: curly quotes,
/// ellipses and dashes in CJK text are set full-width, and capital Latin
/// letters are wider than the half cell a terminal gives them.
pub(super) fn pdf_width(line: &str) -> usize {
    let halves: usize = line
        .chars()
        .map(|c| match c {
            '“' | '”' | '‘' | '’' | '…' | '—' => 4,
            'A'..='Z' => 3,
            _ => 2 * char_width(c),
        })
        .sum();
    halves.div_ceil(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    fn runs_on_line(prev: &str, next: &str, page: &PageWidth, lang: &Lang) -> bool {
        runs_on(prev, prev, next, &[], page, lang)
    }

    #[test]
    fn structures_start_paragraphs() {
        let page = PageWidth {
            full: 72,
            short_limit: 64,
            indented_cjk_full: None,
            exact: false,
        };
        assert!(!runs_on_line("认识到", "a) 文本；", &page, &ZH));
        assert!(!runs_on_line(
            "第2号决议（2024年，新德里，修订版）",
            "标题",
            &page,
            &ZH
        ));
        assert!(!runs_on_line("标题", "（1993年，赫尔辛基）", &page, &ZH));
        assert!(!runs_on_line("请成员国", "积极参与", &page, &ZH));
        // A header fills a narrow column but never runs into the title.
        let narrow = PageWidth {
            full: 38,
            short_limit: 36,
            indented_cjk_full: None,
            exact: false,
        };
        assert!(!runs_on_line(
            "第18号决议（2024年，新德里，修订版）1",
            "加强国际电联三个部门在共同关心的问题上的",
            &narrow,
            &ZH
        ));
    }

    #[test]
    fn punctuation_and_width_decide_the_rest() {
        let page = PageWidth {
            full: 72,
            short_limit: 64,
            indented_cjk_full: None,
            exact: false,
        };
        let full = "这是一条很长的行宽度接近整行的宽度用于测试在标点之后换行的规则的行为，";
        assert!(runs_on_line(full, "继续", &page, &ZH));
        assert!(!runs_on_line("短句；", "下一段", &page, &ZH));
        assert!(!runs_on_line("短短的标题", "下一段", &page, &ZH));
        assert!(runs_on_line(
            "全权代表大会关于部门顾问组、研究组及其他组正副主席的任命及最长任期的第208号决议",
            "（2022年，布加勒斯特，修订版）；",
            &page,
            &ZH
        ));
        assert!(runs_on_line(
            "职责相关的活动领域的驱动因素；",
            "以及",
            &page,
            &ZH
        ));
    }

    fn exact(full: usize) -> PageWidth {
        PageWidth {
            full,
            short_limit: full,
            indented_cjk_full: None,
            exact: true,
        }
    }

    fn para(text: &str) -> Para {
        Para {
            text: text.into(),
            span: crate::model::Span::new(1, 1),
            page_start: false,
            tab_after_first_token: false,
        }
    }

    #[test]
    fn a_text_filled_to_a_column_is_measured_exactly() {
        let filled = [
            "一二三四五六七八九十",
            "一二三四五六七八九十",
            "一二三四五六七八九",
            "一二三四五六七八九十",
            "一二三四五六七八九十",
            "短。",
        ];
        let page = PageWidth::measure(&filled, &ZH);
        assert!(page.exact);
        assert_eq!(page.full, 20);
        // A typeset text varies in width: no exact column.
        let typeset = [
            "一二三四五六七八九十",
            "一二三四五六七",
            "一二三四五六七八",
            "一二三四五",
            "一二三四五六",
        ];
        assert!(!PageWidth::measure(&typeset, &ZH).exact);
        // Short rows and titles, few of them running on, but three lines
        // at the very column and none just short of it.
        let rows = [
            "标题",
            "甲",
            "乙",
            "丙",
            "丁",
            "一二三四五六七八九十",
            "一二三四五六七八九十",
            "一二三四五六七八九十",
            "戊",
        ];
        assert!(PageWidth::measure(&rows, &ZH).exact);
    }

    proptest::proptest! {
        #[test]
        fn lines_running_to_the_edge_are_counted_only_as_far_as_needed(
            lines in proptest::collection::vec((proptest::bool::ANY, proptest::bool::ANY), 0..40),
        ) {
            let edge: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].0).collect();
            let short: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].0).collect();
            let running = lines.iter().filter(|l| l.1).count();
            let at_edge = lines.iter().filter(|l| l.0 && l.1).count();
            let asked = std::cell::Cell::new(0);
            let lazy = most_run_to_edge(&edge, &short, |i| {
                asked.set(asked.get() + 1);
                lines[i].1
            });
            proptest::prop_assert_eq!(lazy, running >= 4 && at_edge * 2 >= running);
            proptest::prop_assert!(asked.get() <= lines.len());
        }
    }

    #[test]
    fn the_first_unbreakable_piece_of_the_next_line_decides() {
        // `ITU-T` may end a line before an ideograph.
        assert_eq!(first_piece("文本", "ITU-T第5研究组"), 5);
        // A footnote reference sticks to its word.
        assert_eq!(first_piece("文本", "性4，"), 3);
        // Between Latin words the space goes with the piece.
        assert_eq!(first_piece("ITU-T", "E.164和"), 6);
        // No break after a space before an ideograph.
        assert_eq!(first_piece("文本", "2) 互操作性"), 5);
        let page = exact(20);
        assert!(page.room_for("一二三四五六七八九", "十"));
        assert!(!page.room_for("一二三四五六七八九", "十1，"));
    }

    #[test]
    fn a_full_line_ending_a_sentence_runs_on_in_a_filled_text() {
        let line = "一二三四五六七八九。";
        assert!(runs_on_line(line, "下一句", &exact(20), &ZH));
        // It has room for the next ideograph: the paragraph ended.
        assert!(!runs_on_line(line, "下一句", &exact(22), &ZH));
    }

    #[test]
    fn a_heading_does_not_end_inside_a_bracket() {
        let page = exact(48);
        let heading = "责成国际电联电信标准化部门第20和21研究组，与相关研究组（尤其是国";
        let next = "际电联电信标准化部门第11和第17研究组）协作并在可用资源范围内开展";
        assert!(runs_on_line(heading, next, &page, &ZH));
        let closed = "责成国际电联电信标准化部门第20和21研究组，各自根据其职责与相关";
        assert!(!runs_on_line(closed, next, &page, &ZH));
    }

    #[test]
    fn a_footnote_reference_ends_a_paragraph_in_a_filled_text() {
        let line = "一二三四五六七八5。";
        assert!(ends_with_reference(line));
        assert!(!ends_with_reference("第2024。"));
        assert!(!ends_with_reference("一二三四五六七八九。"));
        assert!(!runs_on_line(line, "下一段", &exact(19), &ZH));
        assert!(runs_on_line(
            "一二三四五六七八九。",
            "下一句",
            &exact(20),
            &ZH
        ));
    }

    #[test]
    fn label_like_starts_that_are_no_labels() {
        let page = exact(40);
        // The next item of an enumeration inside the paragraph.
        let para = "j) 国际电联的四个支柱为：1) 合格评定；";
        assert_eq!(display_width(para), 38);
        assert!(runs_on_line(para, "2) 互操作性活动；", &page, &ZH));
        assert!(!runs_on_line(
            "j) 四个支柱为：合格评定；",
            "2) 互操作性活动；",
            &page,
            &ZH
        ));
        // A bracket the paragraph left open closes.
        let open = "工技术委员会第一联合技术委员会（ISO/IEC JTC";
        assert!(runs_on_line(open, "1）和欧洲电信标准协会", &exact(44), &ZH));
        // A reference to a clause glued to the words after it.
        let refers = "3 ITU-T研究组区域组的组成需与本决议认识到";
        assert!(runs_on_line(
            refers,
            "a)相一致，并得到支持；",
            &exact(42),
            &ZH
        ));
        assert!(!runs_on_line(
            refers,
            "a) 相一致，并得到支持；",
            &exact(42),
            &ZH
        ));
    }

    #[test]
    fn an_enumeration_comma_never_ends_a_paragraph() {
        let page = PageWidth {
            full: 72,
            short_limit: 64,
            indented_cjk_full: None,
            exact: false,
        };
        assert!(runs_on_line(
            "通过跨部门报告人组协调无线电通信、",
            "电信标准化和发展活动",
            &page,
            &ZH
        ));
        assert!(!runs_on_line("列表、", "a) 文本；", &page, &ZH));
    }

    #[test]
    fn rows_of_a_table_start_with_the_same_word() {
        let page = PageWidth {
            full: 80,
            short_limit: 76,
            indented_cjk_full: None,
            exact: false,
        };
        let row =
            "ITU-T I.220、ITU-T I.230、ITU-T I.240、ITU-T I.250各系列以及ITU-T I.750系列建议书";
        let earlier = [
            para("ITU-T E系列，ITU-T第3研究组负责的建议书除外"),
            para("ITU-T F系列"),
        ];
        assert!(!runs_on(row, row, "ITU-T G.850系列", &earlier, &page, &ZH));
        // A row left open by a comma or a conjunction goes on.
        let open = "ITU-T Y.1220系列、ITU-T Y.1530系列、ITU-T Y.1540系列、ITU-T Y.1550系列、ITU-T Y.1551和";
        assert!(runs_on(
            open,
            open,
            "ITU-T Y.1560系列",
            &earlier,
            &page,
            &ZH
        ));
        // Without rows before it, a full line runs on.
        assert!(runs_on(row, row, "ITU-T G.850系列", &[], &page, &ZH));
        // Rows that end sentences are paragraphs of prose.
        let prose = [
            para("ITU-T第2研究组负责编号；"),
            para("ITU-T第3研究组负责资费；"),
        ];
        assert!(runs_on(row, row, "ITU-T G.850系列", &prose, &page, &ZH));
        // Rows that end alike.
        let groups = [
            para("第21研究组 有关多媒体技术的牵头研究组"),
            para("有关综合宽带有线网络的牵头研究组"),
        ];
        let full =
            "有关通过多媒体传送系统（包括有线网络和数字标牌）进行音视频内容处理和交付的牵头研究组";
        let next = "有关促进数字包容性的牵头研究组";
        assert!(!runs_on(full, full, next, &groups, &page, &ZH));
        assert!(runs_on(full, full, next, &prose, &page, &ZH));
    }

    #[test]
    fn a_full_continuation_line_of_an_indented_text_may_hold_digits() {
        let page = PageWidth {
            full: 73,
            short_limit: 65,
            indented_cjk_full: Some(80),
            exact: false,
        };
        let first = "7.1.2 当标准制定组织决定接受ITU-T文本时，它应通知TSB其有关这些文本的行动。";
        let next =
            "标准制定组织对这类文本的使用、接受或复制须遵守第7.2节所述的许可安排和第7.3节所述";
        assert!(runs_on_line(first, next, &page, &ZH));
        assert!(!runs_on_line(first, "下一段落。", &page, &ZH));
    }

    #[test]
    fn boxes_side_by_side_wrap_at_the_width_of_a_box() {
        let page = PageWidth {
            full: 73,
            short_limit: 65,
            indented_cjk_full: None,
            exact: false,
        };
        let lines = [
            "这是一条很长的正文行宽度接近整行的宽度用于测试流程图之前的正文。",
            "",
            "甲国（用户所在地） 乙国（提供方所在地）",
            "",
            "希望限制或禁止回叫的甲主管部门应确定明确的",
            "",
            "政策立场",
            "",
            "甲主管部门应告知在其领土上运营的由成员国授",
            "",
            "权的运营机构这一政策立场，而那些由成员国授",
            "",
            "权的运营机构则应采取步骤，确保其国际运营协",
            "",
            "议符合该立场",
        ];
        let columns = column_pages(&lines, &page, &ZH);
        assert!(columns[0].is_none());
        let column = columns[4].expect("in the stretch of boxes");
        assert_eq!(column.full, 42);
        assert!(runs_on_line(lines[4], lines[6], &column, &ZH));
        assert!(!runs_on_line(lines[6], lines[8], &column, &ZH));
        // Measured against the page, the box line looks short.
        assert!(!runs_on_line(lines[4], lines[6], &page, &ZH));
        assert_eq!(last_box(lines[2], &ZH), "乙国（提供方所在地）");
        assert_eq!(last_box("a) 文本", &ZH), "a) 文本");
    }
}
