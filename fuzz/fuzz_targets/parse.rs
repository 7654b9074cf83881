//! Fuzz target: arbitrary UTF-8 through ingest, normalize and parse, then
//! the outline and JSON renderers. Parsing is total: any text gives a model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resdiff::ingest::{self, IngestOptions};
use resdiff::parse::{self, ParseOptions};
use resdiff::{normalize, render};

fuzz_target!(|text: &str| {
    let Ok(src) = ingest::decode("fuzz.txt", text.as_bytes(), &IngestOptions::default()) else {
        return;
    };
    let norm = normalize::normalize(&src);
    let doc = parse::parse_document(&src, &norm, &ParseOptions::default());
    let _ = render::outline::write_outline(&mut std::io::sink(), &[&doc]);
    let _ = render::outline::write_json(&mut std::io::sink(), &[&doc]);
    let _ = render::plain::write_word(&mut std::io::sink(), &doc);
});
