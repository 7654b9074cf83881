//! Peak heap of `resdiff parse --format json`, counted by a global
//! allocator that tallies every allocation of this test binary (a binary of
//! its own, so that no other test allocates meanwhile): reading, decoding,
//! normalizing and parsing a file and writing its JSON outline must never
//! hold more than three times the file's size. Counted bytes, not time or
//! RSS: the same on every machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only
// the sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promised for `layout`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promised for `layout`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as the caller promised for `ptr`, `layout`, `new_size`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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

    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let corpus = resdiff::corpus::load(&file, &resdiff::corpus::LoadOptions::default())
        .expect("generated text parses");
    let docs: Vec<_> = corpus.documents.iter().collect();
    // The command streams its output: a sink that counts what it is given
    // stands for standard output.
    let mut out = CountingSink(0);
    resdiff::render::outline::write_json(&mut out, &docs).expect("JSON written");
    let peak = PEAK.load(Ordering::Relaxed) - before;
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

/// Counts the bytes written to it and keeps none.
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
