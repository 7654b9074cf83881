//! Fuzz target: two documents parsed from the two halves of the input (cut
//! at the first NUL character, else in the middle), compared as editions,
//! and the report rendered as text, JSON and Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resdiff::Corpus;
use resdiff::diff::{self, DiffOptions};
use resdiff::render;

/// An edition of one text; `None` for text refused by design (empty, binary).
fn edition(name: &str, text: &str) -> Option<Corpus> {
    let doc = resdiff::parse_text(name, text, &Default::default()).ok()?;
    Some(Corpus::from_documents(name, vec![doc]))
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
    let (Some(old), Some(new)) = (edition("old.txt", a), edition("new.txt", b)) else {
        return;
    };
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
