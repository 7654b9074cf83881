//! Review findings: rule, severity, location, quoted text.

use super::*;
use serde::Serialize;

/// Version of the JSON produced by `resdiff review --format json`.
pub const REVIEW_SCHEMA_VERSION: u32 = 1;

/// How serious a review finding is. Ordered: `Info < Warning < Error`, so
/// `--fail-on` can compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingSeverity {
    /// Worth a look; usually deliberate.
    Info,
    /// Probably wrong; an editor should decide.
    Warning,
    /// Wrong as written.
    Error,
}

impl FindingSeverity {
    /// Lower-case name, as in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingSeverity::Info => "info",
            FindingSeverity::Warning => "warning",
            FindingSeverity::Error => "error",
        }
    }
}

/// Source text quoted by a finding, split so that renderers can highlight
/// the offending part: `before` + `marked` + `after` is a stretch of the text
/// as the model holds it (lines joined).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct MarkedText {
    /// Context before the offending part.
    pub before: String,
    /// The offending part (may be empty when something is missing).
    pub marked: String,
    /// Context after it.
    pub after: String,
}

/// Another place a finding concerns (the report line of a declared status,
/// the full-text clause an excerpt quotes, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedLocation {
    /// File.
    pub file: String,
    /// Line (1-based).
    pub line: u32,
    /// What is there (`report status table`, `full text`).
    pub label: String,
}

/// A consistency finding of `resdiff review`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id (`edition.history-item`, `citation.stale`, …).
    pub rule: String,
    /// How serious.
    pub severity: FindingSeverity,
    /// Resolution concerned (its id: `29`, `COM4/AI`, `A.25`), if one.
    pub resolution: Option<String>,
    /// File of the primary location.
    pub file: String,
    /// Line (1-based) of the offending text itself.
    pub line: u32,
    /// Lines of the paragraph (or element) quoted.
    pub span: Span,
    /// One-line explanation.
    pub message: String,
    /// The quoted source text with the offending part marked.
    pub excerpt: Option<MarkedText>,
    /// Inline difference, for findings comparing two texts: `delete` pieces
    /// are only in the edition's resolution text, `insert` pieces only in the
    /// other source (the summary report).
    pub diff: Vec<InlineOp>,
    /// Other places the finding concerns.
    pub related: Vec<RelatedLocation>,
}
