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
    /// The proposed correction, where one follows mechanically from the
    /// texts: what the marked part should read (the current edition of a
    /// stale citation, the likely year of a malformed one, a placeholder
    /// without its brackets), or for a title or quote that differs between
    /// two sources, the whole title or clause as the other source gives it.
    pub suggestion: Option<String>,
    /// Other rules that fired on the same defect at the same place, merged
    /// into this finding: the review gives one finding per defect.
    pub also: Vec<AlsoFired>,
    /// Number of the resolution concerned: its own, or the final number the
    /// summary report gives a new resolution the text still calls by its
    /// provisional id ([`Finding::resolution`] then holds the provisional id).
    pub number: Option<u32>,
    /// Byte range of the marked part within the quoted paragraph, when the
    /// finding quotes one: tells findings on the same words from findings on
    /// other words of the same paragraph. Not part of any output.
    #[serde(skip)]
    pub marked_range: Option<std::ops::Range<usize>>,
}

/// A rule that fired on the same defect as the finding it is merged into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlsoFired {
    /// Rule id.
    pub rule: String,
    /// Its severity.
    pub severity: FindingSeverity,
    /// Its message.
    pub message: String,
}

impl Finding {
    /// A finding of `rule` at `line` of `file`, with nothing quoted: the
    /// other fields empty, for the caller to fill.
    pub fn at_line(
        rule: &str,
        severity: FindingSeverity,
        file: &str,
        line: u32,
        resolution: Option<String>,
        message: String,
    ) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            resolution,
            file: file.to_string(),
            line,
            span: Span::new(line, line),
            message,
            excerpt: None,
            diff: Vec::new(),
            related: Vec::new(),
            suggestion: None,
            also: Vec::new(),
            number: None,
            marked_range: None,
        }
    }

    /// Every rule that fired on this finding's defect: its own, then those
    /// merged into it.
    pub fn rules(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.rule.as_str()).chain(self.also.iter().map(|a| a.rule.as_str()))
    }

    /// Whether `rule` fired on this finding's defect (as its own rule or a
    /// merged one).
    pub fn fired(&self, rule: &str) -> bool {
        self.rules().any(|r| r == rule)
    }
}
