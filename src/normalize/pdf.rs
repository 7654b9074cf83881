//! Rules for PDF extractions: a trailing space ends a paragraph, a line
//! without one was wrapped; a leading space marks a page start; page numbers
//! and footnote blocks (after `_______________`, to the end of the page) are
//! lifted out of the flow.

use super::ends;
use super::{
    Artifact, ArtifactKind, FootnoteBody, Normalized, Para, is_marker, is_page_number, is_url_only,
    join_wrapped, strip_bookmarks,
};
use crate::lang::Lang;
use crate::model::{Diagnostic, FootnoteMark, Severity, Span};
use crate::text::{display_width, is_latin_alnum, trim};

/// Share of the typical full line width that a line plus the next line's
/// first word must exceed for the break between them to be a wrap. Line
/// widths of a PDF extraction are measured in character cells, which only
/// approximate the typeset widths, hence the slack.
const FIT_SHARE: f64 = 0.9;

/// Normalize a PDF extraction. `stripped`: its trailing spaces were
/// removed, so paragraph ends are read from labels, punctuation and line
/// widths instead (see [`ends`]).
pub(super) fn normalize(lines: &[&str], stripped: bool, lang: &'static Lang) -> Normalized {
    let page = if stripped {
        let content: Vec<&str> = lines
            .iter()
            .map(|l| trim(l))
            .filter(|l| !l.is_empty())
            .collect();
        ends::PageWidth::measure(&content, lang)
    } else {
        // Each content line trimmed and measured once, for both readings
        // of the page below.
        let mut content: Vec<&str> = Vec::with_capacity(lines.len());
        let mut wrapped: Vec<bool> = Vec::with_capacity(lines.len());
        for l in lines {
            let t = trim(l);
            if !t.is_empty() {
                content.push(t);
                wrapped.push(!l.ends_with(' '));
            }
        }
        let widths: Vec<usize> = content.iter().map(|l| display_width(l)).collect();
        // A text filled to a column by a program has exact widths: a line
        // with room for the next word was not wrapped there.
        ends::PageWidth::exact(&content, &widths, lang).unwrap_or_else(|| {
            let full = typical_full_width(&widths, &wrapped);
            ends::PageWidth {
                full,
                short_limit: full,
                indented_cjk_full: None,
                exact: false,
            }
        })
    };
    let columns = if stripped && !page.exact {
        ends::column_pages(lines, &page, lang)
    } else {
        Vec::new()
    };
    let mut b = Builder {
        stripped: stripped.then_some(lang),
        // Read as stripped, but the spaces are there (a language that
        // spaces its words): a line without one was cut inside a word.
        spaces_kept: stripped && super::detect_layout(lines) == crate::model::Layout::Pdf,
        ..Builder::default()
    };
    let mut pending_page_start = true;
    let mut page_first_line = 1u32;
    for (i, raw_line) in lines.iter().enumerate() {
        let lineno = i as u32 + 1;
        let raw = strip_bookmarks(raw_line, lineno, &mut b.out.artifacts);
        let t = trim(&raw);
        if t.is_empty() {
            continue;
        }
        if is_page_number(t) && blank_around(lines, i) {
            b.artifact(ArtifactKind::PageNumber, lineno, t);
            b.end_footnotes();
            pending_page_start = true;
            continue;
        }
        if is_separator(t) {
            b.artifact(ArtifactKind::FootnoteSeparator, lineno, t);
            b.in_footnotes = true;
            b.fn_open = false;
            b.fn_page_first_line = page_first_line;
            continue;
        }
        let page_start = pending_page_start || raw.starts_with(' ');
        pending_page_start = false;
        if page_start {
            page_first_line = lineno;
        }
        let marker = is_marker(t);
        if b.in_footnotes {
            if page_start || marker {
                b.end_footnotes();
            } else {
                b.footnote_line(&raw, lineno, &page);
                continue;
            }
        }
        let hard = raw.ends_with(' ');
        // A URL that did not fit after the words of an open paragraph in a
        // text filled to a column is one of them (`(Source:` +
        // `http://…)`), not a hyperlink's target.
        let wrapped_url = b.stripped.is_some()
            && page.exact
            && b.cur.is_some()
            && b.prev_line.as_deref().is_some_and(|p| !page.room_for(p, t));
        if is_url_only(t) && !hard && !wrapped_url {
            // A hyperlink's target, written by the extractor after its text.
            b.artifact(ArtifactKind::HyperlinkTarget, lineno, t);
            continue;
        }
        if marker {
            // A marker stands alone, whatever came before it.
            b.start(t, lineno, page_start);
            b.flush();
            b.prev_line = None;
            continue;
        }
        let join = match (&b.cur, &b.prev_line, b.stripped) {
            // A line that lost no trailing space was cut inside a word.
            (Some(_), Some(_), Some(_)) if b.spaces_kept && b.open => Some(false),
            (Some(cur), Some(prev), Some(lang)) => {
                // Inside a stretch of boxes the line before is measured
                // against the width of a box.
                let (on, before) = match columns.get(b.prev_index).and_then(Option::as_ref) {
                    Some(column) => (column, ends::last_box(prev, lang)),
                    None => (&page, prev.as_str()),
                };
                // A header that opens a page opens a resolution.
                (ends::runs_on(&cur.text, before, t, &b.out.paras, on, lang)
                    && !(page_start && ends::is_header(t, lang)))
                .then(|| stripped_space(prev, t, &page))
            }
            (Some(_), _, None) if b.open => Some(false),
            (Some(_), Some(prev), None)
                if ends::ends_enumeration_item(prev) && !ends::opens_structure(t, lang) =>
            {
                Some(false)
            }
            (Some(_), Some(prev), None) if latin_wrap(prev, t, &page) => Some(true),
            _ => None,
        };
        if join.is_some() && ends::is_header(t, lang) {
            // Read right, this is a resolution's text that cites one; read
            // wrong, a whole resolution is gone from the outline.
            b.out.diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                line: lineno,
                message: format!(
                    "`{t}` looks like a resolution header but was read as the continuation of the paragraph above it; if it is one, its resolution is missing"
                ),
            });
        }
        match (join, b.cur.as_mut()) {
            (Some(space), Some(cur)) => {
                join_wrapped(&mut cur.text, t, space);
                cur.span = cur.span.cover(Span::new(lineno, lineno));
            }
            _ => b.start(t, lineno, page_start),
        }
        b.open = !hard;
        b.set_prev_line(t);
        b.prev_index = i;
    }
    b.flush();
    b.end_footnotes();
    b.out
}

#[derive(Default)]
struct Builder {
    out: Normalized,
    /// The language to read paragraph ends with, when trailing spaces were
    /// stripped.
    stripped: Option<&'static Lang>,
    /// Read as stripped, yet lines keep their trailing spaces.
    spaces_kept: bool,
    cur: Option<Para>,
    /// The last content line was wrapped (no trailing space).
    open: bool,
    prev_line: Option<String>,
    /// Index of the last content line.
    prev_index: usize,
    in_footnotes: bool,
    fn_open: bool,
    fn_page_first_line: u32,
    fn_cur: Option<FootnoteBody>,
    /// Last line of the footnote being read.
    fn_prev_line: String,
    /// Room in which the next paragraph is built: joining lines grows it,
    /// and it is kept from one paragraph to the next.
    spare: String,
}

impl Builder {
    fn artifact(&mut self, kind: ArtifactKind, line: u32, text: &str) {
        self.out.artifacts.push(Artifact {
            kind,
            line,
            text: text.to_string(),
        });
    }

    /// Remember the last content line, in the room the one before held.
    fn set_prev_line(&mut self, t: &str) {
        match &mut self.prev_line {
            Some(p) => {
                p.clear();
                p.push_str(t);
            }
            None => self.prev_line = Some(t.to_string()),
        }
    }

    /// Close the paragraph being built and open one with this line.
    fn start(&mut self, text: &str, lineno: u32, page_start: bool) {
        self.flush();
        let mut buf = std::mem::take(&mut self.spare);
        buf.push_str(text);
        self.cur = Some(Para {
            text: buf,
            span: Span::new(lineno, lineno),
            page_start,
            tab_after_first_token: false,
        });
    }

    fn flush(&mut self) {
        if let Some(mut p) = self.cur.take() {
            // The paragraph keeps a copy of exactly its size (unused room
            // would add up to a large share of the file); the room it was
            // built in serves the next one, so that joining lines does not
            // grow a new buffer by doubling for every paragraph.
            let text = String::from(p.text.as_str());
            let mut buf = std::mem::replace(&mut p.text, text);
            buf.clear();
            self.spare = buf;
            self.out.paras.push(p);
        }
        self.open = false;
    }

    fn end_footnotes(&mut self) {
        if let Some(f) = self.fn_cur.take() {
            self.out.footnotes.push(f);
        }
        self.in_footnotes = false;
        self.fn_open = false;
    }

    fn footnote_line(&mut self, raw: &str, lineno: u32, page: &ends::PageWidth) {
        let t = raw.trim();
        if is_url_only(t) && !raw.ends_with(' ') {
            // The extractor writes a hyperlink's target after its text.
            self.artifact(ArtifactKind::HyperlinkTarget, lineno, t);
            return;
        }
        // Footnote lines follow the body's rules: a line without a trailing
        // space was wrapped, and so was a full line broken at a Latin space.
        let latin = self.fn_cur.is_some()
            && self.stripped.is_none()
            && latin_wrap(&self.fn_prev_line, t, page);
        let runs_on = match self.stripped {
            // Without trailing spaces a numbered line starts a footnote
            // unless the line before it was full and ran on.
            Some(_) if self.spaces_kept && self.fn_open => self.fn_cur.is_some(),
            Some(lang) => {
                self.fn_cur.is_some()
                    && ends::runs_on(
                        self.fn_cur.as_ref().map_or("", |f| f.text.as_str()),
                        &self.fn_prev_line,
                        t,
                        &[],
                        page,
                        lang,
                    )
                    && !(footnote_entry(t).is_some() && page.short(&self.fn_prev_line))
            }
            None => self.fn_open || latin,
        };
        let entry = if runs_on { None } else { footnote_entry(t) };
        match (entry, self.fn_cur.as_mut()) {
            (Some((mark, text)), _) => {
                if let Some(f) = self.fn_cur.take() {
                    self.out.footnotes.push(f);
                }
                self.fn_cur = Some(FootnoteBody {
                    mark,
                    text: text.to_string(),
                    span: Span::new(lineno, lineno),
                    page_first_line: Some(self.fn_page_first_line),
                });
            }
            (None, Some(f)) => {
                let space = match self.stripped {
                    Some(_) if self.spaces_kept && self.fn_open => false,
                    Some(_) => stripped_space(&self.fn_prev_line, t, page),
                    None => latin,
                };
                join_wrapped(&mut f.text, t, space);
                f.span = f.span.cover(Span::new(lineno, lineno));
            }
            (None, None) => {
                self.out.diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    line: lineno,
                    message: "footnote text without a footnote number; kept as footnote 0".into(),
                });
                self.fn_cur = Some(FootnoteBody {
                    mark: FootnoteMark::from(0),
                    text: t.to_string(),
                    span: Span::new(lineno, lineno),
                    page_first_line: Some(self.fn_page_first_line),
                });
            }
        }
        self.fn_open = !raw.ends_with(' ');
        self.fn_prev_line.clear();
        self.fn_prev_line.push_str(t);
    }
}

/// `1 这些国家…` → (1, `这些国家…`); `1bis This…` → (1bis, `This…`).
fn footnote_entry(t: &str) -> Option<(FootnoteMark, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let letters = t[digits..]
        .bytes()
        .take_while(u8::is_ascii_lowercase)
        .count();
    let suffix = &t[digits..digits + letters];
    let end = if crate::lang::ordinal_suffix_rank(suffix).is_some() {
        digits + letters
    } else {
        digits
    };
    let rest = &t[end..];
    let body = rest.trim_start();
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    Some((FootnoteMark::new(&t[..end]), body))
}

fn is_separator(t: &str) -> bool {
    t.len() >= 5 && t.bytes().all(|b| b == b'_')
}

/// A page number stands alone between blank lines; a digit line inside a
/// paragraph would not.
fn blank_around(lines: &[&str], i: usize) -> bool {
    let blank = |j: Option<&&str>| j.is_none_or(|l| trim(l).is_empty());
    blank(i.checked_sub(1).and_then(|j| lines.get(j))) && blank(lines.get(i + 1))
}

/// Median display width of wrapped lines (lines without a trailing space
/// followed by more text): the width of a full line of this document.
/// `widths`: the display width of each content line; `wrapped`: whether it
/// lost no trailing space.
fn typical_full_width(widths: &[usize], wrapped: &[bool]) -> usize {
    let mut full: Vec<usize> = widths
        .iter()
        .zip(wrapped)
        .take(widths.len().saturating_sub(1))
        .filter(|(_, wrapped)| **wrapped)
        .map(|(w, _)| *w)
        .collect();
    if full.is_empty() {
        return widths.iter().copied().max().unwrap_or(0);
    }
    full.sort_unstable();
    full[full.len() / 2]
}

/// Whether a wrap between `prev` and `next` (trailing spaces stripped) was
/// at a space: between Latin words (`ITU-T` + `E.164`, `Res.` + `66]`), or
/// after a dash used as a parenthesis (`研究 −` + `以实现`). A hyphen or a
/// slash at the end is a wrap inside a word (`ITU-` + `D`, `和/` + `或`).
fn stripped_space(prev: &str, next: &str, page: &ends::PageWidth) -> bool {
    let (Some(last), Some(first)) = (prev.chars().last(), next.chars().next()) else {
        return false;
    };
    // A text filled to a fixed column breaks between two Latin characters
    // only at a space (`G.799.1/` + `Y.1451.1`), unless a word wider than
    // the line was cut.
    if page.exact {
        let latin = |c: char| !c.is_whitespace() && !crate::text::is_cjk(c);
        return latin(last) && latin(first) && !page.cut(prev, next);
    }
    // A sign standing alone between spaces (`JTC1 /` + `SC35`) keeps them.
    let lone_sign = last.is_ascii_punctuation()
        && prev[..prev.len() - last.len_utf8()].ends_with(' ')
        && !crate::text::is_cjk(first);
    lone_sign
        || matches!(last, '−' | '–')
        || ((is_latin_alnum(last) || last == '.')
            && (is_latin_alnum(first) || matches!(first, '[' | '(')))
}

/// A line that ends with a space may still be wrapped: when the PDF broke
/// at an inter-word space inside Latin text (`…特别是ITU-T ` + `E.164和…`,
/// `（参见[PP Res. ` + `66]）`), or after a dash used as a parenthesis
/// (`研究 − ` + `以实现…`). It was a wrap when the next line's first word
/// would not have fitted on the line.
fn latin_wrap(prev: &str, next: &str, page: &ends::PageWidth) -> bool {
    let (Some(last), Some(first)) = (prev.chars().last(), next.chars().next()) else {
        return false;
    };
    let dash = last == '−' || last == '–';
    let prev_latin = is_latin_alnum(last) || matches!(last, '.' | '/' | '-' | '&' | '+');
    let next_latin = is_latin_alnum(first) || matches!(first, '[' | '(');
    // Cheap tests first: most lines end in CJK text or punctuation.
    if !dash && (!(prev_latin && next_latin) || next.starts_with("ITU-")) {
        return false;
    }
    let first_word: String = next
        .chars()
        .take_while(|c| !c.is_whitespace() && !crate::text::is_cjk(*c))
        .collect();
    let word_width = display_width(&first_word).max(display_width(&first.to_string()));
    // A program's widths are exact (and it keeps `X.180 –` together);
    // typeset widths are approximate (proportional Latin letters).
    let would_not_fit = if page.exact {
        !page.room_for(prev, next)
    } else {
        (display_width(prev) + 1 + word_width) as f64 > page.full as f64 * FIT_SHARE
    };
    if dash {
        return would_not_fit;
    }
    // After a sector prefix (`ITU-T`) only a designation can follow, even if
    // it looks like a label (`G.799.3`).
    (ends_with_sector_prefix(prev) || !starts_with_label(next)) && would_not_fit
}

fn ends_with_sector_prefix(s: &str) -> bool {
    ["ITU-T", "ITU-R", "ITU-D"].iter().any(|p| s.ends_with(p))
}

/// Rough test for a clause label at the start of a line (`a) `, `12 `,
/// `B.1 `, `6.1.2 `), used only to refuse joining a list item to the line
/// before it.
fn starts_with_label(s: &str) -> bool {
    let tok: &str = s.split(' ').next().unwrap_or("");
    if tok.len() == s.len() {
        return false;
    }
    if let Some(inner) = tok.strip_suffix(')') {
        return !inner.is_empty()
            && inner.len() <= 4
            && inner.chars().all(|c| c.is_ascii_alphanumeric());
    }
    let parts: Vec<&str> = tok.split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [one] => numeric(one),
        [head, rest @ ..] => {
            (numeric(head) || (head.len() <= 4 && head.bytes().all(|b| b.is_ascii_uppercase())))
                && rest.iter().all(numeric)
        }
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.split('\n').collect();
        normalize(&lines, false, &crate::lang::ZH)
            .paras
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn trailing_space_ends_paragraph_and_wraps_join() {
        let p = paras("a) 第一行没有空格\n\n继续的行 \n\nb) 下一条 ");
        assert_eq!(p, vec!["a) 第一行没有空格继续的行", "b) 下一条"]);
    }

    #[test]
    fn hyphen_and_slash_at_wrap_join_without_space() {
        let p = paras("在ITU-T和ITU-\n\nD之间和/\n\n或 ");
        assert_eq!(p, vec!["在ITU-T和ITU-D之间和/或"]);
    }

    #[test]
    fn latin_wrap_at_full_width_joins_with_space() {
        let long = "这是一条很长的行，宽度接近整行的宽度，用于测试拉丁文换行规则的行为特别是ITU-T ";
        let soft = "这是一条很长的行，宽度接近整行的宽度，用于测试拉丁文换行规则的行为特别是中文";
        let text = format!("{soft}\n\n续 \n\n{long}\n\nE.164和ITU-T E.212规划 ");
        let p = paras(&text);
        assert_eq!(p[1], format!("{}E.164和ITU-T E.212规划", long));
        // A short line ending in Latin text followed by Latin text is not a wrap.
        let p = paras(&format!(
            "{soft}\n\n续 \n\n列表 ITU-T I.381 \n\nJ.140、J.240 "
        ));
        assert_eq!(p.len(), 3);
        // Nor is a full line followed by the next list entry.
        let p = paras(&format!("{soft}\n\n续 \n\n{long}\n\nITU-T J.140 "));
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn exact_column_fill_keeps_a_fitting_latin_word_apart() {
        // Lines filled to 20 columns by a program: `ITU-T X.27/V.11` (15)
        // had room for ` TSAG`, so the break after it ended a paragraph.
        let full = "一二三四五六七八九十";
        let text = format!(
            "{full}\n{full}\n{full}\n{full}\n{full}\n{full}\n结束。 \n\nITU-T X.27/V.11 \n\n TSAG \n"
        );
        let p = paras(&text);
        assert_eq!(p[p.len() - 2..], ["ITU-T X.27/V.11", "TSAG"]);
    }

    #[test]
    fn a_header_read_into_the_paragraph_above_is_warned_about() {
        let lines = vec![
            "a) 文本没有结束",
            "",
            "第2号决议（2024年，新德里，修订版） ",
        ];
        let n = normalize(&lines, false, &crate::lang::ZH);
        assert_eq!(n.paras.len(), 1);
        assert!(
            n.diagnostics
                .iter()
                .any(|d| d.line == 3 && d.message.contains("looks like a resolution header")),
            "{:?}",
            n.diagnostics
        );
        // A header on its own line is no warning.
        let lines = vec!["a) 文本结束。 ", "", "第2号决议（2024年，新德里，修订版） "];
        assert!(
            normalize(&lines, false, &crate::lang::ZH)
                .diagnostics
                .is_empty()
        );
    }

    #[test]
    fn page_start_space_is_stripped_and_flagged() {
        let lines = vec![" MOD  ", "", "第2号决议 ", "", " d) 世界电信 "];
        let n = normalize(&lines, false, &crate::lang::ZH);
        assert_eq!(n.paras[0].text, "MOD");
        assert!(n.paras[0].page_start);
        assert!(!n.paras[1].page_start);
        assert_eq!(n.paras[2].text, "d) 世界电信");
        assert!(n.paras[2].page_start);
    }

    #[test]
    fn footnote_block_runs_to_next_page_start() {
        let lines = vec![
            "c) 一些文本 ",
            "",
            "  ",
            "",
            "_______________ ",
            "",
            "1 第一个脚注的正文没有",
            "",
            "结束。 ",
            "",
            "2 第二个脚注。 ",
            "https://www.itu.int/x",
            " d) 下一页的文本 ",
        ];
        let n = normalize(&lines, false, &crate::lang::ZH);
        let texts: Vec<_> = n.paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["c) 一些文本", "d) 下一页的文本"]);
        assert_eq!(n.footnotes.len(), 2);
        assert_eq!(n.footnotes[0].mark, 1);
        assert_eq!(n.footnotes[0].text, "第一个脚注的正文没有结束。");
        assert_eq!(n.footnotes[0].span, Span::new(7, 9));
        assert_eq!(n.footnotes[0].page_first_line, Some(1));
        assert_eq!(n.footnotes[1].text, "第二个脚注。");
        assert!(
            n.artifacts
                .iter()
                .any(|a| a.kind == ArtifactKind::HyperlinkTarget)
        );
    }

    #[test]
    fn page_number_block_is_removed_and_next_line_starts_a_page() {
        let lines = vec!["4 最后一条。 ", "", "  ", "", "129 ", "", " ", "", "MOD  "];
        let n = normalize(&lines, false, &crate::lang::ZH);
        assert_eq!(n.paras.len(), 2);
        assert!(n.paras[1].page_start);
        assert_eq!(n.artifacts[0].kind, ArtifactKind::PageNumber);
    }

    #[test]
    fn footnote_wrapped_at_a_latin_space_keeps_the_space() {
        let long = "3 IEEE标准规定了人体暴露于电场、磁场和电磁场的安全水平，频率范围为0 ";
        let lines = vec![
            "甲这是一条很长的行宽度接近整行的宽度用于测试拉丁文换行规则行为特别是中文",
            "乙。 ",
            "_______________ ",
            long,
            "Hz至300 GHz。 ",
        ];
        let n = normalize(&lines, false, &crate::lang::ZH);
        assert_eq!(n.footnotes.len(), 1);
        assert!(
            n.footnotes[0].text.ends_with("频率范围为0 Hz至300 GHz。"),
            "{}",
            n.footnotes[0].text
        );
    }

    #[test]
    fn footnote_block_ends_at_marker() {
        let lines = vec!["文本。 ", "_______________ ", "1  这些国家。 ", " MOD  "];
        let n = normalize(&lines, false, &crate::lang::ZH);
        assert_eq!(n.footnotes[0].text, "这些国家。");
        assert_eq!(n.paras.last().map(|p| p.text.as_str()), Some("MOD"));
    }

    #[test]
    fn label_shapes() {
        assert!(starts_with_label("a) 文本"));
        assert!(starts_with_label("12 文本"));
        assert!(starts_with_label("B.1 本附件"));
        assert!(!starts_with_label("E.330系列、ITU-T"));
        assert!(!starts_with_label("INT达成"));
        assert!(!starts_with_label("JTC1 SWG-Accessibility"));
        assert!(starts_with_label("II.1 被参引的文件"));
        assert!(starts_with_label("iv) 文本"));
    }
}
