//! Same input, same bytes: the diff, alignment and review stages count their
//! work instead of timing it, so their output cannot depend on the machine
//! or its load. One test forces the smallest work budget (every fallback
//! taken) and checks the output is still the same on every run; another
//! checks that no clock is read in those stages.

mod synthetic;

use resdiff::corpus::{self, Corpus, LoadOptions};
use resdiff::diff::budget::{self, Budget};
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::render::diff_json::write_diff_json;
use resdiff::review::{ReviewOptions, review};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The SYNTHETIC previous edition and the real WTSA-24 texts.
fn pair() -> (Corpus, Corpus) {
    let new = corpus::load(&root().join("versions/wtsa-24"), &LoadOptions::default()).unwrap();
    let real = corpus::load_file(&synthetic::real_texts(), &LoadOptions::default()).unwrap();
    let old = synthetic::generate(&real, synthetic::SEED).old;
    let old = Corpus {
        name: "synthetic".into(),
        path: "synthetic".into(),
        documents: vec![old],
        partial: false,
    };
    (old, new)
}

/// The tests below that diff hold this: the budget is process-wide.
static BUDGET: Mutex<()> = Mutex::new(());

fn diff_json(old: &Corpus, new: &Corpus) -> Vec<u8> {
    diff_json_on(old, new, 0)
}

fn diff_json_on(old: &Corpus, new: &Corpus, jobs: usize) -> Vec<u8> {
    let opts = DiffOptions {
        jobs,
        ..DiffOptions::default()
    };
    let report = diff_editions(old, new, &opts).unwrap();
    let mut out = Vec::new();
    write_diff_json(&mut out, &report).unwrap();
    out
}

fn review_lines(edition: &Corpus, against: &Corpus) -> Vec<String> {
    let opts = ReviewOptions {
        against: Some(against),
        ..ReviewOptions::default()
    };
    review(edition, &opts)
        .iter()
        .map(|f| format!("{}:{} {} {:?}", f.file, f.line, f.rule, f.message))
        .collect()
}

#[test]
fn tiny_work_budget_gives_the_same_output_on_every_run() {
    let _budget = BUDGET.lock().unwrap_or_else(|e| e.into_inner());
    let (old, new) = pair();
    budget::set_budget(Budget::STANDARD);
    let standard = diff_json(&old, &new);

    budget::set_budget(Budget::TINY);
    let first = diff_json(&old, &new);
    // Two runs at once, as under load, and one after them.
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| diff_json(&old, &new));
        let b = s.spawn(|| diff_json(&old, &new));
        (a.join().unwrap(), b.join().unwrap())
    });
    let last = diff_json(&old, &new);
    let review_first = review_lines(&new, &old);
    let review_again = review_lines(&new, &old);
    budget::set_budget(Budget::STANDARD);

    assert!(
        first == a && a == b && b == last,
        "tiny budget: runs differ"
    );
    assert_eq!(review_first, review_again);
    // The tiny budget really took the fallbacks.
    assert_ne!(first, standard);
    assert_eq!(diff_json(&old, &new), standard);
}

#[test]
fn parallel_diff_is_byte_identical_to_a_serial_run() {
    let _budget = BUDGET.lock().unwrap_or_else(|e| e.into_inner());
    let (old, new) = pair();
    let serial = diff_json_on(&old, &new, 1);
    assert!(serial.len() > 10_000, "a report with changes");
    for jobs in [0, 2, 3, 7] {
        assert!(diff_json_on(&old, &new, jobs) == serial, "{jobs} threads");
    }
}

/// Source lines of `dir` (recursively) that read a clock, comments aside.
fn clock_uses(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            clock_uses(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&p).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                let clock = ["Instant", "SystemTime", "std::time", "deadline", "timeout"];
                if clock.iter().any(|w| code.contains(w)) {
                    out.push(format!("{}:{}: {}", p.display(), n + 1, line.trim()));
                }
            }
        }
    }
}

#[test]
fn no_clock_in_diff_align_or_review() {
    let mut found = Vec::new();
    for stage in ["src/align", "src/diff", "src/review"] {
        let dir = root().join(stage);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        clock_uses(&dir, &mut found);
    }
    assert!(found.is_empty(), "clock use:\n{}", found.join("\n"));
}
