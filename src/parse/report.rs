//! Summary reports of an assembly: lists of new, revised and suppressed
//! resolutions, the status table, the provisional-id mapping and excerpts.

use crate::lang::Lang;
use crate::model::SummaryReport;

/// Whether the text looks like a summary report of an assembly.
pub fn looks_like_report(text: &str, lang: &Lang) -> bool {
    let _ = (text, lang);
    false
}

/// Read what a summary report declares. `text` is the decoded file (LF line
/// ends); line numbers in the result are 1-based lines of `text`.
pub fn parse_report(text: &str, lang: &Lang) -> SummaryReport {
    let _ = (text, lang);
    SummaryReport::default()
}
