//! Whole-process cost of `resdiff diff OLD NEW --format json` on the
//! SYNTHETIC pair (tests/synthetic: a previous edition derived from the
//! WTSA-24 texts, against the real texts re-exported in the same layout, so
//! that unchanged paragraphs are unchanged lines — the reference's best
//! case) and on a corpus 20 times larger,
//! paired in the same run with a reference program doing the bare minimum
//! with `similar` (benches/reference_similar.rs: line diff, inline
//! refinement of changed lines). Reports best and median wall time, peak
//! RSS (via `/usr/bin/time` when present) and the ratios. Run with
//! `cargo bench --bench diff`; `-- --rounds N` changes the number of rounds,
//! `-- --write-pair` only writes the 1× pair (for tools/hot-text.sh).

#[path = "../tests/synthetic/mod.rs"]
mod synthetic;

#[path = "reference_similar.rs"]
mod reference_similar;

use resdiff::corpus::{LoadOptions, load_file};
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::model::{Document, Resolution};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Copies of each edition in the large corpus.
const COPIES: u32 = 20;

/// Copy `k` of a resolution with ids that stay unique across copies and
/// within the four digits a header number may have: real numbers (≤ 108)
/// plus 480·k, the synthetic generator's invented ones (901 …) moved to
/// 9300 + 30·k …, provisional ids suffixed, Recommendation designations
/// plus 1000·k. Copy 0 is the resolution itself.
fn renumbered(r: &Resolution, k: u32) -> Resolution {
    let mut r = r.clone();
    if k == 0 {
        return r;
    }
    let new_id = if let Some(n) = r.number {
        let m = if n >= 900 {
            9300 + (n - 900) + 30 * k
        } else {
            n + 480 * k
        };
        r.number = Some(m);
        r.header.text = r
            .header
            .text
            .replacen(&format!("第{n}号"), &format!("第{m}号"), 1);
        m.to_string()
    } else if let Some(rest) = r.id.strip_prefix("A.") {
        let m = rest.parse::<u32>().unwrap_or(0) + 1000 * k;
        let id = format!("A.{m}");
        r.header.text = r.header.text.replacen(&r.id, &id, 1);
        id
    } else {
        // COM4/AI → COM4/AI-KB: letters, so that the parser still reads a
        // provisional id.
        let suffix = char::from(b'A' + (k % 26) as u8);
        let id = format!("{}-K{suffix}", r.id);
        r.header.text = r.header.text.replacen(&r.id, &id, 1);
        id
    };
    r.id = new_id;
    r
}

fn scaled(doc: &Document, copies: u32) -> Document {
    let mut out = doc.clone();
    out.resolutions = (0..copies)
        .flat_map(|k| doc.resolutions.iter().map(move |r| renumbered(r, k)))
        .collect();
    out
}

/// One measured run: wall time and peak RSS in KiB (when measurable).
struct Run {
    wall: Duration,
    rss_kib: Option<u64>,
}

fn time_binary() -> Option<PathBuf> {
    let p = PathBuf::from("/usr/bin/time");
    p.exists().then_some(p)
}

/// Run `program args` with stdout to /dev/null, under `/usr/bin/time` when
/// present to read the peak RSS.
fn run(program: &Path, args: &[&str], scratch: &Path) -> Run {
    let rss_file = scratch.join("rss.txt");
    let mut cmd = match time_binary() {
        Some(t) => {
            let mut c = Command::new(t);
            c.arg("-f")
                .arg("%M")
                .arg("-o")
                .arg(&rss_file)
                .arg(program)
                .args(args);
            c
        }
        None => {
            let mut c = Command::new(program);
            c.args(args);
            c
        }
    };
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    let t = Instant::now();
    let status = cmd.status().expect("benchmark program starts");
    let wall = t.elapsed();
    // resdiff exits 1 when the editions differ, which they do.
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "{} failed: {status}",
        program.display()
    );
    let rss_kib = std::fs::read_to_string(&rss_file)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()));
    Run { wall, rss_kib }
}

struct Stats {
    best: Duration,
    median: Duration,
    rss_kib: Option<u64>,
}

fn stats(runs: &[Run]) -> Stats {
    let mut walls: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
    walls.sort();
    Stats {
        best: walls.first().copied().unwrap_or_default(),
        median: walls.get(walls.len() / 2).copied().unwrap_or_default(),
        rss_kib: runs.iter().filter_map(|r| r.rss_kib).max(),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// In-process stage timings of resdiff (best of three), to see where the
/// time goes.
fn stages(old: &Path, new: &Path) {
    let mut best: Option<[Duration; 4]> = None;
    let mut size = 0;
    for _ in 0..3 {
        let (t, s) = stage_times(old, new);
        size = s;
        best = Some(match best {
            None => t,
            Some(b) => std::array::from_fn(|i| b[i].min(t[i])),
        });
    }
    let [load_old, load_new, diff, json] = best.unwrap_or_default();
    println!(
        "    stages: load old {:.1} ms, load new {:.1} ms, align+diff {:.1} ms, json {:.1} ms ({} KiB)",
        ms(load_old),
        ms(load_new),
        ms(diff),
        ms(json),
        size / 1024
    );
}

fn stage_times(old: &Path, new: &Path) -> ([Duration; 4], usize) {
    let opts = LoadOptions::default();
    let t = Instant::now();
    let o = resdiff::corpus::load(old, &opts).expect("old loads");
    let load_old = t.elapsed();
    let t = Instant::now();
    let n = resdiff::corpus::load(new, &opts).expect("new loads");
    let load_new = t.elapsed();
    let t = Instant::now();
    let report = diff_editions(&o, &n, &DiffOptions::default()).expect("diff runs");
    let diff = t.elapsed();
    let t = Instant::now();
    let mut sink = Vec::new();
    resdiff::render::diff_json::write_diff_json(&mut sink, &report).expect("json");
    let json = t.elapsed();
    ([load_old, load_new, diff, json], sink.len())
}

/// Paired rounds of resdiff and the reference on one pair of files.
fn measure(label: &str, old: &Path, new: &Path, rounds: usize, scratch: &Path) -> (Stats, Stats) {
    let resdiff = PathBuf::from(env!("CARGO_BIN_EXE_resdiff"));
    let me = std::env::current_exe().expect("own path");
    let (o, n) = (
        old.to_str().expect("UTF-8 path"),
        new.to_str().expect("UTF-8 path"),
    );
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..rounds {
        // Alternate, so that load on a shared machine hits both alike.
        ours.push(run(&resdiff, &["diff", o, n, "--format", "json"], scratch));
        theirs.push(run(&me, &["--reference", o, n], scratch));
    }
    let (a, b) = (stats(&ours), stats(&theirs));
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    println!(
        "{label}: {:.2} MB + {:.2} MB, {rounds} rounds",
        size(old),
        size(new)
    );
    let rss = |s: &Stats| {
        s.rss_kib.map_or("n/a".to_string(), |k| {
            format!("{:.1} MB", k as f64 / 1024.0)
        })
    };
    println!(
        "    resdiff diff --format json: best {:>8.1} ms  median {:>8.1} ms  peak RSS {}",
        ms(a.best),
        ms(a.median),
        rss(&a)
    );
    println!(
        "    reference (similar):        best {:>8.1} ms  median {:>8.1} ms  peak RSS {}",
        ms(b.best),
        ms(b.median),
        rss(&b)
    );
    let mem = match (a.rss_kib, b.rss_kib) {
        (Some(x), Some(y)) => format!("{:.2}", x as f64 / y as f64),
        _ => "n/a".to_string(),
    };
    println!(
        "    ratio resdiff/reference: time {:.2} (best), {:.2} (median); memory {mem}",
        ms(a.best) / ms(b.best),
        ms(a.median) / ms(b.median)
    );
    stages(old, new);
    (a, b)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Re-entered as the reference program.
    if args.first().is_some_and(|a| a == "--reference") {
        let (Some(old), Some(new)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: --reference OLD NEW");
            std::process::exit(2);
        };
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        if let Err(e) = reference_similar::run(Path::new(old), Path::new(new), &mut out) {
            eprintln!("reference: {e}");
            std::process::exit(2);
        }
        return;
    }
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(7usize);
    if time_binary().is_none() {
        println!("/usr/bin/time not found: peak RSS not measured");
    }
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-diff");
    let (pair, syn) = synthetic::write_pair(
        &scratch.join("1x"),
        synthetic::SEED,
        synthetic::DEFAULT_STYLE,
    )
    .expect("synthetic pair written");
    let new_doc = load_file(&pair.new, &LoadOptions::default()).expect("real texts load");
    let one_new = scratch.join("1x").join("wtsa-24-same-layout.zh.txt");
    std::fs::write(
        &one_new,
        synthetic::render(&new_doc, synthetic::DEFAULT_STYLE),
    )
    .expect("write");
    // tools/hot-text.sh profiles runs on this pair.
    if args.iter().any(|a| a == "--write-pair") {
        println!("{}\n{}", pair.old.display(), one_new.display());
        return;
    }
    let (one_ours, one_ref) = measure(
        "1× (SYNTHETIC old vs WTSA-24)",
        &pair.old,
        &one_new,
        rounds,
        &scratch,
    );

    // 20×: both editions exported in the same layout, ids renumbered per copy.
    let big = scratch.join("20x");
    std::fs::create_dir_all(&big).expect("scratch folder");
    let big_old = big.join(format!("SYNTHETIC-previous-edition-x{COPIES}.zh.txt"));
    let big_new = big.join(format!("wtsa-24-x{COPIES}.zh.txt"));
    let old_text = synthetic::render(&scaled(&syn.old, COPIES), synthetic::DEFAULT_STYLE);
    let new_text = synthetic::render(&scaled(&new_doc, COPIES), synthetic::DEFAULT_STYLE);
    std::fs::write(&big_old, old_text).expect("write");
    std::fs::write(&big_new, new_text).expect("write");
    for (path, doc) in [(&big_old, &syn.old), (&big_new, &new_doc)] {
        let check = load_file(path, &LoadOptions::default()).expect("20× loads");
        let mut ids: Vec<&str> = check.resolutions.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            doc.resolutions.len() * COPIES as usize,
            "every copy of every resolution reads back under its own id ({})",
            path.display()
        );
    }
    let check = load_file(&big_new, &LoadOptions::default()).expect("20× loads");
    println!(
        "20× corpus: {} resolutions in the new edition, {} in the old",
        check.resolutions.len(),
        syn.old.resolutions.len() * COPIES as usize
    );
    let big_rounds = (rounds / 2).max(3);
    let (big_ours, big_ref) = measure(
        &format!("{COPIES}× (SYNTHETIC old vs WTSA-24, copies renumbered)"),
        &big_old,
        &big_new,
        big_rounds,
        &scratch,
    );
    let growth = |a: &Stats, b: &Stats| ms(b.best) / ms(a.best);
    println!(
        "growth {COPIES}×/1× (best): resdiff {:.1}, reference {:.1}",
        growth(&one_ours, &big_ours),
        growth(&one_ref, &big_ref)
    );
}
