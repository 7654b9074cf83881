//! Parse: paragraphs → [`Document`]: resolutions, sections, clauses,
//! annexes and footnotes, plus the stretches that are not resolution text.

use crate::ingest::SourceText;
use crate::lang::Lang;
use crate::model::{Document, DocumentClass};
use crate::normalize::Normalized;

pub mod report;

/// Options of the parse stage.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Language tables to use.
    pub lang: &'static Lang,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            lang: &crate::lang::ZH,
        }
    }
}

/// Parse a normalized file into a document.
pub fn parse_document(src: &SourceText, norm: &Normalized, opts: &ParseOptions) -> Document {
    let _ = opts;
    Document {
        path: src.path.clone(),
        class: DocumentClass::Other,
        encoding: src.encoding.clone(),
        layout: norm.layout,
        resolutions: Vec::new(),
        other_blocks: Vec::new(),
        report: None,
        diagnostics: Vec::new(),
    }
}
