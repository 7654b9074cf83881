//! Fuzz target: arbitrary UTF-8 through ingest, normalize and parse, then
//! the outline and JSON renderers. Parsing is total: any text gives a model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resdiff::render;

fuzz_target!(|text: &str| {
    // Text that is empty or binary is refused with an error, by design.
    let Ok(doc) = resdiff::parse_text("fuzz.txt", text, &Default::default()) else {
        return;
    };
    let _ = render::outline::write_outline(&mut std::io::sink(), &[&doc]);
    let _ = render::outline::write_json(&mut std::io::sink(), &[&doc]);
    let _ = render::plain::write_word(&mut std::io::sink(), &doc);
});
