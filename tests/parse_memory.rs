//! Peak heap of `resdiff parse --format json`, counted by a global
//! allocator that tallies every allocation of this test binary (a binary of
//! its own, so that no other test allocates meanwhile): reading, decoding,
//! normalizing and parsing a file and writing its JSON outline must never
//! hold more than three times the file's size. Counted bytes, not time or
//! RSS: the same on every machine.

mod counting;

use std::path::Path;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

/// Copies of the WTSA-24 text in the generated input.
const COPIES: u32 = 12;

/// The WTSA-24 text `COPIES` times, resolution numbers renumbered in each
/// copy (number + 480·k, as the diff benchmark's large corpus does), so
/// that the parser sees distinct resolutions as in a real large file.
fn generated() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt");
    let text = std::fs::read_to_string(path).expect("shipped WTSA-24 text");
    let number = regex::Regex::new(r"第(\d{1,3})号决议").expect("pattern");
    let mut out = String::with_capacity(text.len() * COPIES as usize);
    for k in 0..COPIES {
        let copy = number.replace_all(&text, |c: &regex::Captures| {
            let n: u32 = c[1].parse().unwrap_or(0);
            format!("第{}号决议", n + 480 * k)
        });
        out.push_str(&copy);
    }
    out
}

#[test]
fn parse_json_peak_heap_is_at_most_three_times_the_input() {
    let dir = std::env::temp_dir().join(format!("resdiff-parse-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let file = dir.join("wtsa-24-x12.zh.txt");
    std::fs::write(&file, generated()).expect("write input");
    let size = std::fs::metadata(&file).expect("input").len() as usize;

    let before = counting::reset_peak();
    let corpus = resdiff::corpus::load(&file, &resdiff::corpus::LoadOptions::default())
        .expect("generated text parses");
    let docs: Vec<_> = corpus.documents.iter().collect();
    // The command streams its output: a sink that counts what it is given
    // stands for standard output.
    let mut out = counting::CountingSink(0);
    resdiff::render::outline::write_json(&mut out, &docs).expect("JSON written");
    let peak = counting::peak() - before;
    let resolutions: usize = docs.iter().map(|d| d.resolutions.len()).sum();
    drop(docs);
    drop(corpus);
    let _ = std::fs::remove_dir_all(&dir);

    assert!(
        resolutions > 40 * COPIES as usize,
        "{resolutions} resolutions"
    );
    assert!(out.0 > size, "the outline was written ({} bytes)", out.0);
    eprintln!(
        "input {size} bytes ({resolutions} resolutions), JSON {} bytes, peak heap {peak} bytes = {:.2}× the input",
        out.0,
        peak as f64 / size as f64
    );
    assert!(
        peak <= 3 * size,
        "peak heap {peak} bytes is {:.2}× the input of {size} bytes (at most 3×)",
        peak as f64 / size as f64
    );
}
