//! Peak heap of `resdiff diff OLD NEW --format json` on the WTSA-24-sized
//! pair of the diff benchmark (the SYNTHETIC previous edition against the
//! real WTSA-24 texts), counted by a global allocator that tallies every
//! allocation of this test binary (a binary of its own, so that no other
//! test allocates meanwhile). One thread (`jobs: 1`), so the count is the
//! same on every run and machine. Writing the JSON report must not copy the
//! report: it streams through a small buffer.

mod counting;
mod synthetic;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

/// The most the JSON writer may hold at once: its buffer, whatever the
/// size of the report.
const JSON_WRITER_BYTES: usize = 16 * 1024;

/// The most the whole diff may hold at once, per byte of the two input
/// files (both editions' models, the report, the work of the diff).
const PEAK_PER_INPUT_BYTE: f64 = 3.5;

#[test]
fn diff_json_peak_heap_is_bounded_and_the_report_is_streamed() {
    let dir = std::env::temp_dir().join(format!("resdiff-diff-memory-{}", std::process::id()));
    let (pair, syn) =
        synthetic::write_pair(&dir, synthetic::SEED, synthetic::DEFAULT_STYLE).expect("pair");
    drop(syn);
    let size = [&pair.old, &pair.new]
        .iter()
        .map(|p| std::fs::metadata(p).expect("input").len() as usize)
        .sum::<usize>();

    let before = counting::reset_peak();
    let opts = resdiff::corpus::LoadOptions::default();
    let old = resdiff::corpus::load(&pair.old, &opts).expect("old edition");
    let new = resdiff::corpus::load(&pair.new, &opts).expect("new edition");
    let diff_opts = resdiff::diff::DiffOptions {
        jobs: 1,
        ..Default::default()
    };
    let report = resdiff::diff::diff_editions(&old, &new, &diff_opts).expect("diff");
    let diff_peak = counting::peak() - before;
    let held = counting::reset_peak();
    let mut out = counting::CountingSink(0);
    resdiff::render::diff_json::write_diff_json(&mut out, &report).expect("JSON written");
    let json_peak = counting::peak() - held;
    let changes: usize = report.resolutions.iter().map(|r| r.changes.len()).sum();
    drop((report, old, new));
    let _ = std::fs::remove_dir_all(&dir);

    assert!(changes > 500, "{changes} changes");
    eprintln!(
        "inputs {size} bytes, {changes} changes, JSON {} bytes; peak heap {diff_peak} bytes = {:.2}× the inputs, JSON writer {json_peak} bytes",
        out.0,
        diff_peak as f64 / size as f64
    );
    assert!(
        json_peak <= JSON_WRITER_BYTES,
        "writing the JSON report of {} bytes held {json_peak} bytes at once (at most {JSON_WRITER_BYTES})",
        out.0
    );
    assert!(
        diff_peak as f64 <= PEAK_PER_INPUT_BYTE * size as f64,
        "peak heap {diff_peak} bytes is {:.2}× the inputs of {size} bytes (at most {PEAK_PER_INPUT_BYTE}×)",
        diff_peak as f64 / size as f64
    );
}
