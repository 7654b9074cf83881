//! Render: models and reports to terminal text, JSON, Markdown and HTML.
//! Renderers write to a `Write` handed to them; colour is the caller's choice.

pub(crate) mod diff_common;
pub mod diff_csv;
pub mod diff_full;
pub mod diff_json;
pub mod diff_markdown;
pub mod diff_text;
pub mod docx;
pub mod html;
pub(crate) mod markdown;
pub mod outline;
pub(crate) mod paint;
#[cfg(feature = "plain-export")]
pub mod plain;
// Without the feature only the Word report's line layout (`word_lines`) is
// used; the exporter itself is left unused.
#[cfg(not(feature = "plain-export"))]
#[allow(dead_code)]
pub(crate) mod plain;
pub mod review_json;
pub mod review_markdown;
pub mod review_text;
