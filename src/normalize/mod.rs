//! Normalize: turn decoded lines into logical paragraphs. Removes page and
//! Word artifacts (page-start spaces, page numbers, footers, bookmarks, image
//! names), lifts footnote bodies out of the flow, and re-joins wrapped lines.
//! Every paragraph keeps the span of source lines it came from.

use crate::ingest::SourceText;
use crate::lang::Lang;
use crate::model::{Diagnostic, FootnoteMark, Layout, Severity, Span};

/// Marks the start of a footnote reference inside paragraph text; the
/// footnote mark (`1`, `1bis`, `*`) follows, then [`NOTE_END`]. Private-use characters never
/// occur in the inputs (ingest removes them), so they cannot collide.
pub const NOTE_START: char = '\u{E000}';
/// Ends a footnote reference opened by [`NOTE_START`].
pub const NOTE_END: char = '\u{E001}';

/// A logical paragraph: wrapped lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// The text, joined, with explicit footnote references encoded between
    /// [`NOTE_START`] and [`NOTE_END`].
    pub text: String,
    /// Source lines it came from.
    pub span: Span,
    /// Whether the paragraph opens a page (PDF layout).
    pub page_start: bool,
    /// Whether a TAB followed its first token in the source (Word labels).
    pub tab_after_first_token: bool,
}

/// A footnote body lifted out of the flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteBody {
    /// Mark as printed (`1`, `1bis`, `*`).
    pub mark: FootnoteMark,
    /// Text, joined.
    pub text: String,
    /// Where the body is.
    pub span: Span,
    /// First line of the page it sits on (where its reference must be), for
    /// PDF layout; `None` when the reference is explicit (Word).
    pub page_first_line: Option<u32>,
}

/// Kinds of removed material.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArtifactKind {
    /// A page number line.
    PageNumber,
    /// A page footer or header field (`WTSA-24 – 第101号决议 15`).
    PageFooter,
    /// `[bookmark: …]`.
    Bookmark,
    /// An embedded image file name (`image1.png`).
    Image,
    /// The footnote separator `_______________`.
    FootnoteSeparator,
    /// A URL-only hyperlink target line.
    HyperlinkTarget,
}

/// Something removed from the text, kept for diagnostics and the
/// nothing-lost check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    /// What it was.
    pub kind: ArtifactKind,
    /// Source line.
    pub line: u32,
    /// Text removed.
    pub text: String,
}

/// The hand-off from normalize to parse.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// Layout convention detected.
    pub layout: Layout,
    /// Paragraphs in order.
    pub paras: Vec<Para>,
    /// Footnote bodies in order.
    pub footnotes: Vec<FootnoteBody>,
    /// Removed artifacts.
    pub artifacts: Vec<Artifact>,
    /// Oddities met.
    pub diagnostics: Vec<Diagnostic>,
}

mod ends;
mod pdf;
mod word;

impl Default for Normalized {
    /// An empty result in PDF layout (the layout is set by whoever fills it).
    fn default() -> Self {
        Normalized {
            layout: Layout::Pdf,
            paras: Vec::new(),
            footnotes: Vec::new(),
            artifacts: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// Normalize a decoded file in the default language: detect its layout,
/// then run the layout's rules.
pub fn normalize(src: &SourceText) -> Normalized {
    normalize_with(src, &crate::lang::ZH)
}

/// [`normalize`] with the language whose punctuation, labels and headings
/// tell where paragraphs end when a PDF extraction lost its trailing spaces.
pub fn normalize_with(src: &SourceText, lang: &'static Lang) -> Normalized {
    // Sized up front: on a large file, growing by doubling would leave up
    // to half of this vector unused.
    let mut lines: Vec<&str> =
        Vec::with_capacity(src.text.bytes().filter(|&b| b == b'\n').count() + 1);
    lines.extend(src.text.split('\n'));
    match detect_layout(&lines) {
        // Where words are spaced every wrap leaves the space it fell on at
        // the line's end, so a trailing space does not end a paragraph:
        // ends are read as in a text whose trailing spaces were stripped.
        Layout::Pdf => pdf::normalize(&lines, lang.spaced, lang),
        Layout::Word if stripped_pdf(&lines) => {
            let mut n = pdf::normalize(&lines, true, lang);
            n.diagnostics.push(Diagnostic {
                severity: Severity::Note,
                line: 1,
                message: "laid out like a PDF extraction whose trailing spaces were stripped; paragraph ends read from labels, punctuation and line widths".into(),
            });
            n
        }
        Layout::Word => word::normalize(&lines, lang),
    }
}

/// Share of lines (in percent) within the band below the 90th percentile
/// width for a text to count as wrapped at a fixed page width.
const WRAPPED_BAND_PERCENT: usize = 30;
/// Share of lines (in percent) as wide as the widest, or one column less,
/// for a text to count as filled to a fixed column.
const FILLED_PERCENT: usize = 5;
/// Share of content lines (in percent) followed by an empty line in a PDF
/// extraction.
const INTERLEAVED_PERCENT: usize = 50;

/// A PDF extraction that lost its trailing spaces: lines wrapped at one page
/// width (many lines just under the widest ones) and separated by empty
/// lines. A Word extraction has one paragraph per line, of any length.
pub fn stripped_pdf(lines: &[&str]) -> bool {
    let mut widths = Vec::new();
    let mut interleaved = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        widths.push(crate::text::display_width(l.trim()));
        if lines.get(i + 1).is_some_and(|n| n.trim().is_empty()) {
            interleaved += 1;
        }
    }
    if widths.len() < 4 {
        return false;
    }
    let mut sorted = widths.clone();
    sorted.sort_unstable();
    let p90 = sorted[sorted.len() * 9 / 10];
    let band = widths
        .iter()
        .filter(|&&w| w * 10 >= p90 * 8 && w * 10 <= p90 * 11)
        .count();
    // A text re-flowed by a program fills many lines to the very column,
    // however short its other lines.
    let max = sorted[sorted.len() - 1];
    let at_column = widths.iter().filter(|&&w| w + 1 >= max).count();
    let filled = at_column >= 2 && at_column * 100 >= widths.len() * FILLED_PERCENT;
    p90 >= 16
        && (band * 100 >= widths.len() * WRAPPED_BAND_PERCENT || filled)
        && interleaved * 100 >= widths.len() * INTERLEAVED_PERCENT
}

/// PDF extractions mark paragraph ends with a trailing space; Word
/// extractions put one paragraph on each line and almost never end a line
/// with a space.
pub(crate) fn detect_layout(lines: &[&str]) -> Layout {
    let mut content = 0usize;
    let mut trailing = 0usize;
    for l in lines {
        if crate::text::trim(l).is_empty() {
            continue;
        }
        content += 1;
        if l.ends_with(' ') {
            trailing += 1;
        }
    }
    if content > 0 && trailing * 10 > content * 3 {
        Layout::Pdf
    } else {
        Layout::Word
    }
}

/// Whether a line is a MOD/ADD/SUP marker (the start of a document in an
/// assembly's texts).
pub(crate) fn is_marker(text: &str) -> bool {
    matches!(crate::text::trim(text), "MOD" | "ADD" | "SUP")
}

/// Whether `t` is only a URL (a hyperlink target left by the extractor).
pub(crate) fn is_url_only(t: &str) -> bool {
    let t = crate::text::trim(t);
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// Whether `t` is a page number line (digits only).
pub(crate) fn is_page_number(t: &str) -> bool {
    let t = crate::text::trim(t);
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Remove `[bookmark: …]` fields, recording them; returns the cleaned line
/// (borrowed when it holds none, as nearly every line).
pub(crate) fn strip_bookmarks<'a>(
    line: &'a str,
    lineno: u32,
    artifacts: &mut Vec<Artifact>,
) -> std::borrow::Cow<'a, str> {
    if !line.contains('[') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => {
                artifacts.push(Artifact {
                    kind: ArtifactKind::Bookmark,
                    line: lineno,
                    text: rest[i..i + j + 1].to_string(),
                });
                rest = &rest[i + j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Append `next` to a paragraph being built. Wrapped CJK text joins with
/// nothing; `space` asks for one space (a wrap at an inter-word space).
pub(crate) fn join_wrapped(buf: &mut String, next: &str, space: bool) {
    if space && !buf.is_empty() && !buf.ends_with(' ') {
        buf.push(' ');
    }
    buf.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_detection() {
        assert_eq!(detect_layout(&["a ", "", "b ", "c"]), Layout::Pdf);
        assert_eq!(detect_layout(&["a", "b", "c", "d "]), Layout::Word);
        assert_eq!(detect_layout(&[]), Layout::Word);
    }

    #[test]
    fn a_stripped_text_filled_to_a_column_is_a_pdf_layout() {
        // Most paragraphs fit on one line; the two that wrap reach the
        // very column.
        let mut lines = vec!["MOD", "", "第1号决议（2024年，新德里，修订版）", ""];
        let short = [
            "a) 一段不长的文本；",
            "b) 另一段不长的文本；",
            "c) 还有一段；",
        ];
        for _ in 0..4 {
            for l in short {
                lines.extend([l, ""]);
            }
        }
        lines.extend([
            "d) 这一段文本很长很长很长很长很长很长很长",
            "",
            "直到下一行；",
            "",
        ]);
        lines.extend([
            "e) 这一段文本同样很长很长很长很长很长很长",
            "",
            "直到下一行。",
        ]);
        assert!(stripped_pdf(&lines));
        // One paragraph a line, as wide as it needs: a Word extraction.
        let word: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
        assert!(!stripped_pdf(&word));
    }

    #[test]
    fn markers_and_urls() {
        assert!(is_marker(" MOD  "));
        assert!(is_marker("ADD"));
        assert!(!is_marker("MODE"));
        assert!(is_url_only("https://www.itu.int/ipr"));
        assert!(!is_url_only("见：https://www.itu.int/ipr。 x"));
        assert!(is_page_number("129 "));
        assert!(!is_page_number("1 范围"));
    }

    #[test]
    fn bookmarks_are_removed_and_recorded() {
        let mut a = Vec::new();
        let s = strip_bookmarks(" [bookmark: irecnoe]前言", 1, &mut a);
        assert_eq!(s, " 前言");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kind, ArtifactKind::Bookmark);
    }
}
