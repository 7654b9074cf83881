//! Parse throughput on the WTSA-24 texts, in MB/s, with a baseline measured
//! in the same run: decoding the bytes and splitting them into lines, the
//! least any reader of the text must do. Run with `cargo bench --bench parse`.

use resdiff::ingest::{IngestOptions, decode};
use resdiff::normalize::normalize;
use resdiff::parse::{ParseOptions, parse_document};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Best of `rounds` timings of `f` (the minimum is the least noisy estimate
/// on a shared machine).
fn best<F: FnMut()>(rounds: usize, mut f: F) -> Duration {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt"
    );
    let bytes = std::fs::read(path).expect("the shipped WTSA-24 text");
    let mb = bytes.len() as f64 / 1e6;
    let opts = IngestOptions::default();
    let popts = ParseOptions::default();
    let rounds = 30;
    let baseline = best(rounds, || {
        let (text, _, _) = encoding_rs::UTF_8.decode(&bytes);
        black_box(text.lines().count());
    });
    let full = best(rounds, || {
        let src = decode("bench", &bytes, &opts).expect("decodes");
        let norm = normalize(&src);
        black_box(parse_document(&src, &norm, &popts));
    });
    let src = decode("bench", &bytes, &opts).expect("decodes");
    let norm_only = best(rounds, || {
        black_box(normalize(&src));
    });
    let secs = |d: Duration| d.as_secs_f64().max(1e-9);
    println!(
        "input: {:.2} MB ({} bytes), best of {rounds} rounds",
        mb,
        bytes.len()
    );
    println!(
        "baseline (decode + split lines): {:>8.2} ms  {:>8.1} MB/s",
        secs(baseline) * 1e3,
        mb / secs(baseline)
    );
    println!(
        "normalize only:                  {:>8.2} ms  {:>8.1} MB/s",
        secs(norm_only) * 1e3,
        mb / secs(norm_only)
    );
    println!(
        "ingest + normalize + parse:      {:>8.2} ms  {:>8.1} MB/s  ({:.1}× baseline)",
        secs(full) * 1e3,
        mb / secs(full),
        secs(full) / secs(baseline)
    );
}
