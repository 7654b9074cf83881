//! Fuzz target: two documents parsed from the two halves of the input (cut
//! at the first NUL character, else in the middle), compared as editions,
//! and the report rendered as text, JSON and Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resdiff::corpus::Corpus;
use resdiff::diff::{self, DiffOptions};
use resdiff::ingest::{self, IngestOptions};
use resdiff::model::Document;
use resdiff::parse::{self, ParseOptions};
use resdiff::{normalize, render};

fn document(name: &str, text: &str) -> Option<Document> {
    let src = ingest::decode(name, text.as_bytes(), &IngestOptions::default()).ok()?;
    let norm = normalize::normalize(&src);
    Some(parse::parse_document(&src, &norm, &ParseOptions::default()))
}

fn corpus(name: &str, doc: Document) -> Corpus {
    Corpus {
        name: name.into(),
        path: name.into(),
        documents: vec![doc],
        partial: false,
    }
}

fuzz_target!(|text: &str| {
    let (a, b) = match text.split_once('\0') {
        Some(halves) => halves,
        None => {
            let mut mid = text.len() / 2;
            while !text.is_char_boundary(mid) {
                mid -= 1;
            }
            text.split_at(mid)
        }
    };
    let (Some(old), Some(new)) = (document("old.txt", a), document("new.txt", b)) else {
        return;
    };
    let (old, new) = (corpus("old", old), corpus("new", new));
    for hide_editorial in [false, true] {
        let opts = DiffOptions {
            hide_editorial,
            ..DiffOptions::default()
        };
        let Ok(report) = diff::diff_editions(&old, &new, &opts) else {
            continue;
        };
        let sink = &mut std::io::sink();
        let _ = render::diff_text::write_diff_text(sink, &report, false);
        let _ = render::diff_json::write_diff_json(sink, &report);
        let _ = render::diff_markdown::write_diff_markdown(sink, &report);
    }
});
