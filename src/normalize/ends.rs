//! Where a paragraph ends in a PDF extraction whose trailing spaces were
//! stripped (editors and commit hooks do this): the trailing space is gone,
//! so the end is read from what is left. A line that opens a structure (a
//! label, a heading, a header, a history or assembly line) starts a
//! paragraph; a line that is one ends it; a line cut short of the page width
//! after sentence-final punctuation ends a paragraph, and a line without it
//! runs on.

use crate::lang::{Lang, punct};
use crate::parse::{annex, body, header, labels};
use crate::text::display_width;

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
        };
        // The most common width of full ideograph-only lines, then how the
        // first lines after a sure paragraph end are set.
        let mut counts = std::collections::BTreeMap::new();
        for l in content.iter().filter(|l| all_wide(l)) {
            let w = display_width(l);
            if w + 2 > page.short_limit {
                *counts.entry(w).or_insert(0usize) += 1;
            }
        }
        let Some((&cjk_full, _)) = counts.iter().max_by_key(|(w, n)| (**n, **w)) else {
            return page;
        };
        let (mut flush, mut indented) = (0usize, 0usize);
        for w in content.windows(2) {
            let sure_end = w[0].ends_with(lang.paragraph_final) && page.short(w[0]);
            if sure_end && all_wide(w[1]) && !opens_structure(w[1], lang) {
                match display_width(w[1]) {
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

    /// Whether `line` stops short of the page width: a character more would
    /// have fitted, so the break was not a wrap.
    pub fn short(&self, line: &str) -> bool {
        pdf_width(line) + 2 <= self.short_limit
    }

    /// Whether the start of `next` would have fitted at the end of `line`:
    /// one ideograph, or a whole Latin word (a typesetter does not split
    /// `E.164`) with the space before it.
    pub fn room_for(&self, line: &str, next: &str) -> bool {
        let word: usize = next
            .chars()
            .take_while(|c| c.is_ascii_graphic())
            .map(|_| 1)
            .sum();
        let unit = if word > 0 { word + 1 } else { 2 };
        pdf_width(line) + unit <= self.short_limit
    }

    /// Whether `line` is a full line that continues a paragraph: all
    /// ideographs and as wide as the page, in a text that indents first
    /// lines.
    fn continues(&self, line: &str) -> bool {
        self.indented_cjk_full
            .is_some_and(|w| all_wide(line) && display_width(line) == w)
    }
}

/// Whether every character of `line` is set full-width.
fn all_wide(line: &str) -> bool {
    !line.is_empty() && display_width(line) == 2 * line.chars().count()
}

/// Whether `t` opens a structure of its own: it never continues the line
/// before it.
pub(super) fn opens_structure(t: &str, lang: &Lang) -> bool {
    // `(ii)` at the start of a line is as often an enumeration inside a
    // sentence that wrapped there as a label.
    let label = labels::read_label(t, lang)
        .is_some_and(|r| r.readings.iter().all(|l| !l.raw.starts_with('(')));
    label || stands_alone(t, lang) || opens_history(t, lang)
}

/// Whether `t` is a line that is a paragraph by itself: a heading, a
/// header, an annex heading or caption, an assembly line.
pub(super) fn stands_alone(t: &str, lang: &Lang) -> bool {
    body::read_heading(t, lang).is_some() || is_header_like(t, lang)
}

/// Whether `t` is a header, an annex heading or caption or an assembly
/// line: one line, never wrapped into what follows it.
fn is_header_like(t: &str, lang: &Lang) -> bool {
    header::is_assembly_line(t, lang)
        || header::read_header(t, lang, true).is_some()
        || header::looks_like_header(t, lang)
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
pub(super) fn runs_on(para: &str, prev: &str, next: &str, page: &PageWidth, lang: &Lang) -> bool {
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
    // A full heading line runs on only into a line that ends the paragraph
    // (`责成…与相关研究组` + `（尤其是…）协作`); a heading followed by a full
    // line is the heading alone, and its text follows.
    if body::read_heading(para, lang).is_some() {
        return !page.short(prev) && page.short(next);
    }
    // Inside an open bracket the paragraph goes on (`（原WTSA-24` + `行动…）`,
    // a history line wrapped after `；`).
    if unclosed_bracket(prev) {
        return true;
    }
    // A line opening with a square bracket starts a paragraph: a reference
    // tag (`[ITU-T A.5]`), a placeholder (`[插入…]`), an editorial bracket.
    if next.starts_with('[') {
        return false;
    }
    let Some(last) = prev.chars().last() else {
        return false;
    };
    // A whole line in brackets (`[插入…]`, `（本附录…）`) is a paragraph.
    if whole_bracket(prev) {
        return false;
    }
    // A line cut short of the page width ends its paragraph; so does a full
    // one that ends a sentence, unless the next line is set as a
    // continuation. Otherwise the next line did not fit.
    if page.room_for(prev, next) {
        return false;
    }
    !lang.paragraph_final.contains(&last) || page.continues(next)
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
            _ => 2 * display_width(c.encode_utf8(&mut [0; 4])),
        })
        .sum();
    halves.div_ceil(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    fn runs_on_line(prev: &str, next: &str, page: &PageWidth, lang: &Lang) -> bool {
        runs_on(prev, prev, next, page, lang)
    }

    #[test]
    fn structures_start_paragraphs() {
        let page = PageWidth {
            full: 72,
            short_limit: 64,
            indented_cjk_full: None,
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
}
