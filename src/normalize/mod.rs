//! Normalize: turn decoded lines into logical paragraphs. Removes page and
//! Word artifacts (page-start spaces, page numbers, footers, bookmarks, image
//! names), lifts footnote bodies out of the flow, and re-joins wrapped lines.
//! Every paragraph keeps the span of source lines it came from.

use crate::ingest::SourceText;
use crate::model::{Diagnostic, Layout, Span};

/// Marks the start of a footnote reference inside paragraph text; the
/// footnote number follows, then [`NOTE_END`]. Private-use characters never
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
    /// Number as printed.
    pub number: u32,
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

/// Normalize a decoded file.
pub fn normalize(src: &SourceText) -> Normalized {
    let _ = src;
    Normalized {
        layout: Layout::Pdf,
        paras: Vec::new(),
        footnotes: Vec::new(),
        artifacts: Vec::new(),
        diagnostics: Vec::new(),
    }
}
