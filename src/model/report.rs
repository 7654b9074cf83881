//! What a summary report of an assembly declares: lists, status table, provisional-id mapping, excerpts.

use super::*;
use serde::Serialize;

/// What a summary report of an assembly declares (lists, status table,
/// provisional-id mapping, excerpts). Read from files classified as
/// [`DocumentClass::SummaryReport`].
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SummaryReport {
    /// New resolutions with their final number and provisional id
    /// (`第101号决议（原COM4/AI）（2024年，新德里）：title`).
    pub new_resolutions: Vec<ReportedNew>,
    /// Numbers listed as revised.
    pub revised: Vec<ReportedNumber>,
    /// Numbers listed as suppressed.
    pub suppressed: Vec<ReportedNumber>,
    /// Recommendations listed as revised (`A.25`).
    pub revised_recommendations: Vec<ReportedId>,
    /// Rows of the status table (状况 / 编号 / 标题).
    pub status_table: Vec<StatusRow>,
    /// Resolutions excerpted in the report, with the quoted sections.
    pub excerpts: Vec<Excerpt>,
    /// Numbers listed as new in the highlights (`八份新决议（第101至108号决议）`);
    /// the mapping lines in [`SummaryReport::new_resolutions`] add ids and titles.
    pub new_listed: Vec<ReportedNumber>,
    /// Everything odd met while reading the report, with what was assumed.
    pub diagnostics: Vec<Diagnostic>,
}

/// A new resolution as a summary report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedNew {
    /// Final number.
    pub number: u32,
    /// Provisional id it had in the conference texts (`COM4/AI`).
    pub provisional_id: Option<String>,
    /// Title as the report gives it.
    pub title: Option<String>,
    /// Source line.
    pub line: u32,
}

/// A resolution number listed in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedNumber {
    /// The number.
    pub number: u32,
    /// Source line.
    pub line: u32,
}

/// A Recommendation (or other non-numbered text) listed in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedId {
    /// The designation (`A.25`).
    pub id: String,
    /// Source line.
    pub line: u32,
}

/// Status declared in a report's status table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclaredStatus {
    /// 修订版
    Revised,
    /// 保留
    Maintained,
    /// 新决议
    New,
    /// 废止
    Suppressed,
    /// Anything else.
    Other,
}

/// One row of a report's status table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusRow {
    /// Status as written.
    pub status_text: String,
    /// Normalised status.
    pub status: DeclaredStatus,
    /// Resolution number.
    pub number: u32,
    /// Title as the report gives it.
    pub title: String,
    /// Source line of the row.
    pub line: u32,
}

/// A resolution excerpted in a report: some of its sections and clauses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excerpt {
    /// Resolution number.
    pub number: u32,
    /// Title as quoted.
    pub title: Option<String>,
    /// Quoted sections with their clauses.
    pub sections: Vec<Section>,
    /// Footnotes printed inside the excerpt (Word puts the body on the line of
    /// the reference: `[2: 1\t这些国家…]`), numbered as displayed.
    pub footnotes: Vec<Footnote>,
    /// Where the excerpt is.
    pub span: Span,
}
