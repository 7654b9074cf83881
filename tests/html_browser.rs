//! The HTML change report in a real browser: headless Chromium loads the
//! report of the real pair (WTSA-24 conference text vs published
//! Resolution 101) and of the SYNTHETIC full-corpus pair, after the page's
//! script has run (`--virtual-time-budget`), and the test reads the DOM it
//! dumps (`--dump-dom`).
//!
//! How the toggles are exercised: a headless browser cannot click, so the
//! page's script reads the URL hash on load and calls the very functions
//! the buttons call (`#view=side` → side by side, `#hide-editorial` → hide
//! editorial changes). The test loads the page with each hash and checks
//! the state those functions leave in the DOM: which redline containers
//! carry `hidden`, and each button's `aria-pressed`.
//!
//! Without Chromium the tests print a note and pass, except under CI
//! (`CI=true`, or `RESDIFF_REQUIRE_BROWSER` set as `.ci/run` does), where
//! they fail: `.ci/run` installs Debian's `chromium`.
//! The report's size and the time Chromium takes to render it are printed
//! (`cargo test --test html_browser -- --nocapture`), not asserted.

mod synthetic;

use regex::Regex;
use resdiff::corpus::{self, Corpus, LoadOptions};
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::model::{ChangeKind, DiffReport};
use resdiff::render::diff_full::Editions;
use resdiff::render::diff_json::write_diff_json;
use resdiff::render::html::{DiffHtmlOptions, write_diff_html_with};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One browser at a time: the machine is small and timings are reported.
static BROWSER: Mutex<()> = Mutex::new(());

/// The Chromium binary: `$CHROMIUM`, else `chromium` on PATH. `None` (with
/// a printed note) when absent outside CI; a failure when absent under CI.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join("chromium"))
                .find(|p| p.is_file())
        })
    });
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
            || std::env::var_os("RESDIFF_REQUIRE_BROWSER").is_some();
        assert!(
            !ci,
            "chromium is not installed: the browser test of the HTML report needs it under CI \
             (`.ci/run` installs it with `apt-get install -y chromium`)"
        );
        eprintln!(
            "note: chromium not found; skipping the browser test of the HTML report \
             (install Debian's `chromium` to run it)"
        );
    }
    found
}

fn target_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is `<target>/tmp`.
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
}

/// Run headless Chromium on `url` with `extra` arguments; its stdout and
/// the wall time of the run.
fn run(chromium: &Path, url: &str, extra: &[&str]) -> (String, Duration) {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let profile = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "chromium-profile-{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile).unwrap();
    let start = Instant::now();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    let took = start.elapsed();
    let _ = std::fs::remove_dir_all(&profile);
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8_lossy(&out.stdout).into_owned(), took)
}

fn dump(chromium: &Path, file: &Path, hash: &str) -> (String, Duration) {
    let url = format!("file://{}{hash}", file.display());
    run(chromium, &url, &["--dump-dom"])
}

fn load(path: &str) -> Corpus {
    // Relative to the crate root (the tests' working directory), so the
    // report names files as the command line would.
    corpus::load(Path::new(path), &LoadOptions::default()).expect("edition loads")
}

/// Write the report's HTML to `target/<name>.html`.
fn write_report(report: &DiffReport, new: &Corpus, name: &str) -> PathBuf {
    let mut html = Vec::new();
    let opts = DiffHtmlOptions {
        findings: None,
        new_edition: Some(new),
        full: None,
    };
    write_diff_html_with(&mut html, report, &opts).unwrap();
    let path = target_dir().join(format!("{name}.html"));
    std::fs::write(&path, &html).unwrap();
    path.canonicalize().unwrap()
}

/// What the DOM must show, from the JSON diff: summary counts, and the
/// `<ins>`/`<del>` elements — one per inline insert/delete operation, plus
/// one per added/removed unit (its whole text is the insertion or deletion).
struct Expected {
    json: serde_json::Value,
    ins: usize,
    del: usize,
    redlines: usize,
    editorial: usize,
}

fn expected(report: &DiffReport) -> Expected {
    let mut out = Vec::new();
    write_diff_json(&mut out, report).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let (mut ins, mut del, mut redlines, mut editorial) = (0, 0, 0, 0);
    for r in json["resolutions"].as_array().unwrap() {
        for key in ["header_changes", "changes"] {
            for c in r[key].as_array().unwrap() {
                let inline = c["inline"].as_array().unwrap();
                ins += inline.iter().filter(|o| o["op"] == "insert").count();
                del += inline.iter().filter(|o| o["op"] == "delete").count();
                if !inline.is_empty() {
                    redlines += 1;
                }
                if c["editorial"] == true {
                    editorial += 1;
                }
                if inline.is_empty() {
                    match (c["old_text"].is_null(), c["new_text"].is_null()) {
                        (true, false) => ins += 1,
                        (false, true) => del += 1,
                        _ => {}
                    }
                }
            }
        }
    }
    Expected {
        json,
        ins,
        del,
        redlines,
        editorial,
    }
}

fn count(dom: &str, pattern: &str) -> usize {
    Regex::new(pattern).unwrap().find_iter(dom).count()
}

/// The checks shared by both pairs.
fn check_report(chromium: &Path, file: &Path, want: &Expected) -> Duration {
    let (dom, took) = dump(chromium, file, "");
    assert!(
        dom.contains("<html lang=\"zh-Hans\" class=\"js\">"),
        "the page's script ran"
    );
    let s = &want.json["summary"];
    for (id, v) in [
        ("count-added", &s["resolutions"]["added"]),
        ("count-removed", &s["resolutions"]["removed"]),
        ("count-modified", &s["resolutions"]["modified"]),
        ("count-editorial-only", &s["resolutions"]["editorial_only"]),
        ("count-unchanged", &s["resolutions"]["unchanged"]),
        ("count-absent", &s["resolutions"]["absent"]),
        ("count-changes-added", &s["changes"]["added"]),
        ("count-changes-removed", &s["changes"]["removed"]),
        ("count-changes-modified", &s["changes"]["modified"]),
        ("count-changes-moved", &s["changes"]["moved"]),
        ("count-changes-renumbered", &s["changes"]["renumbered"]),
        ("count-changes-editorial", &s["changes"]["editorial"]),
    ] {
        assert!(
            dom.contains(&format!("<dd id=\"{id}\">{v}</dd>")),
            "summary {id} = {v}"
        );
    }
    assert_eq!(count(&dom, "<ins>"), want.ins, "<ins> elements");
    assert_eq!(count(&dom, "<del>"), want.del, "<del> elements");
    // Default view: inline redlines shown, side-by-side hidden.
    assert_eq!(
        count(&dom, r#"<p class="redline text" lang="zh-Hans">"#),
        want.redlines
    );
    assert_eq!(count(&dom, r#"<div class="sbs" hidden="">"#), want.redlines);
    assert!(dom.contains(r#"id="view-inline" data-view-button="inline" aria-pressed="true""#));

    // Side by side, as the "Side by side" button does it.
    let (dom, _) = dump(chromium, file, "#view=side");
    assert!(dom.contains(r#"<main id="report" data-view="side""#));
    assert!(dom.contains(r#"id="view-side" data-view-button="side" aria-pressed="true""#));
    assert!(dom.contains(r#"id="view-inline" data-view-button="inline" aria-pressed="false""#));
    assert_eq!(
        count(&dom, r#"<p class="redline text" lang="zh-Hans" hidden="">"#),
        want.redlines
    );
    assert_eq!(count(&dom, r#"<div class="sbs">"#), want.redlines);
    assert_eq!(count(&dom, r#"<div class="sbs" hidden"#), 0);

    // Editorial changes hidden, as the "Hide editorial changes" button does.
    let (dom, _) = dump(chromium, file, "#hide-editorial");
    assert!(dom.contains(r#"data-hide-editorial="true""#));
    assert!(dom.contains(r#"id="toggle-editorial" aria-pressed="true""#));
    assert_eq!(
        count(
            &dom,
            r#"<div class="change [^"]*\beditorial" id="[^"]*" hidden="">"#
        ),
        want.editorial
    );
    assert_eq!(
        count(&dom, r#"<div class="change [^"]*" id="[^"]*" hidden="">"#),
        want.editorial,
        "only editorial changes are hidden"
    );
    took
}

/// Time to start Chromium and render an empty page: subtracted from a
/// report's run to estimate the report's own render time.
fn baseline(chromium: &Path) -> Duration {
    let blank = target_dir().join("html-report-blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><title>blank</title>").unwrap();
    let blank = blank.canonicalize().unwrap();
    dump(chromium, &blank, "").1
}

fn report_timing(what: &str, file: &Path, took: Duration, base: Duration) {
    let size = std::fs::metadata(file).unwrap().len();
    // Timings mean little on a busy machine: say how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    eprintln!(
        "{what}: {} ({:.2} MB); chromium --dump-dom {:.2} s, an empty page {:.2} s, \
         so about {:.2} s for the report (load average {})",
        file.display(),
        size as f64 / 1e6,
        took.as_secs_f64(),
        base.as_secs_f64(),
        took.saturating_sub(base).as_secs_f64(),
        load.split_whitespace().next().unwrap_or("unknown")
    );
}

#[test]
fn real_pair_renders_with_counts_marks_and_toggles() {
    let Some(chromium) = chromium() else {
        return;
    };
    let old = load("versions/wtsa-24");
    let new = load("versions/wtsa-24-published");
    let report = diff_editions(&old, &new, &DiffOptions::default()).unwrap();
    let file = write_report(&report, &new, "html-report-real");
    let want = expected(&report);
    assert_eq!(
        (want.ins, want.del, want.editorial),
        (6, 6, 4),
        "the known diff"
    );
    let took = check_report(&chromium, &file, &want);
    let base = baseline(&chromium);
    report_timing("real pair", &file, took, base);
    for (hash, png) in [
        ("", "html-report-real.png"),
        ("#view=side", "html-report-real-side.png"),
    ] {
        let shot = target_dir().join(png);
        let _ = std::fs::remove_file(&shot);
        let url = format!("file://{}{hash}", file.display());
        run(
            &chromium,
            &url,
            &[
                &format!("--screenshot={}", shot.display()),
                "--window-size=1280,2000",
                "--hide-scrollbars",
            ],
        );
        assert!(shot.is_file(), "screenshot written to {}", shot.display());
        eprintln!("screenshot: {}", shot.display());
    }
}

#[test]
fn synthetic_full_corpus_report_is_small_and_renders() {
    let Some(chromium) = chromium() else {
        return;
    };
    // The SYNTHETIC previous edition derived from the real texts (see
    // tests/synthetic/), against the real WTSA-24 conference text.
    let dir = target_dir().join("html-synthetic-pair");
    let (pair, _) = synthetic::write_pair(&dir, synthetic::SEED, synthetic::DEFAULT_STYLE)
        .expect("synthetic pair written");
    let old = corpus::load(&pair.old, &LoadOptions::default()).expect("synthetic edition loads");
    let new = corpus::load(&pair.new, &LoadOptions::default()).expect("real edition loads");
    let report = diff_editions(&old, &new, &DiffOptions::default()).unwrap();
    let s = report.summary();
    assert!(s.modified > 40 && s.added > 0, "{s:?}");
    assert!(
        s.changes_added > 0
            && s.changes_removed > 0
            && s.changes_moved > 0
            && s.changes_renumbered > 0
            && s.changes_editorial > 0,
        "{s:?}"
    );
    assert!(
        report
            .resolutions
            .iter()
            .flat_map(|r| &r.changes)
            .any(|c| c.kind == ChangeKind::Moved),
        "a move is shown"
    );
    let file = write_report(&report, &new, "html-report-synthetic");
    let want = expected(&report);
    let took = check_report(&chromium, &file, &want);
    let base = baseline(&chromium);
    report_timing("synthetic full-corpus pair", &file, took, base);
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(
        size < 5_000_000,
        "{size} bytes: the report must stay under 5 MB"
    );
    let shot = target_dir().join("html-report-synthetic.png");
    let url = format!("file://{}", file.display());
    run(
        &chromium,
        &url,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000",
            "--hide-scrollbars",
        ],
    );
    eprintln!("screenshot: {}", shot.display());
}

/// A poppler tool (`pdftotext`, `pdftoppm`) on PATH; `None` (with a note)
/// when absent outside CI, a failure under CI, which installs
/// `poppler-utils`.
fn poppler(tool: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(tool))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
            || std::env::var_os("RESDIFF_REQUIRE_BROWSER").is_some();
        assert!(
            !ci,
            "{tool} is not installed: the print test needs it under CI (`.ci/run` installs poppler-utils)"
        );
        eprintln!("note: {tool} not found; skipping the print test (install poppler-utils)");
    }
    found
}

/// The report of the real pair with `--full` printed by Chromium to A4:
/// every page carries its number and the page count in the footer, and
/// every page Resolution 101 runs over carries its running head (mark, id
/// and title, from the repeated header row of its frame) — also the pages
/// after the first, which only that repetition can put there. Nothing
/// interactive is printed. One page is rendered to PNG to look at.
#[test]
fn printed_pages_carry_page_numbers_and_the_running_resolution() {
    let Some(chromium) = chromium() else {
        return;
    };
    let (Some(pdftotext), Some(pdftoppm)) = (poppler("pdftotext"), poppler("pdftoppm")) else {
        return;
    };
    let old = load("versions/wtsa-24");
    let new = load("versions/wtsa-24-published");
    let report = diff_editions(&old, &new, &DiffOptions::default()).unwrap();
    let mut html = Vec::new();
    let opts = DiffHtmlOptions {
        findings: None,
        new_edition: Some(&new),
        full: Some(Editions {
            old: &old,
            new: &new,
        }),
    };
    write_diff_html_with(&mut html, &report, &opts).unwrap();
    let file = target_dir().join("html-report-real-full.html");
    std::fs::write(&file, &html).unwrap();
    let file = file.canonicalize().unwrap();
    let pdf = target_dir().join("html-report-real-full.pdf");
    let _ = std::fs::remove_file(&pdf);
    // Without Chromium's own header and footer (date, URL): only what the
    // page's print stylesheet puts there.
    run(
        &chromium,
        &format!("file://{}", file.display()),
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
    );
    assert!(pdf.is_file(), "PDF written to {}", pdf.display());
    let out = Command::new(&pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext reads the PDF");
    let text = String::from_utf8_lossy(&out.stdout);
    // pdftotext ends each page with a form feed.
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let n = pages.len();
    eprintln!("printed: {} ({n} A4 pages)", pdf.display());
    assert!(n >= 3, "the full resolution runs over several pages: {n}");
    for (k, page) in pages.iter().enumerate() {
        // pdftotext may drop the spaces of the small footer: `1/5`.
        let number = format!("{}/{n}", k + 1);
        let squeezed = |l: &str| l.split_whitespace().collect::<String>();
        assert!(
            page.lines().any(|l| squeezed(l) == number),
            "page {} carries `{number}`:\n{page}",
            k + 1
        );
        // The page speaks Chinese; the controls are hidden on paper.
        for control in ["行内修订", "新旧对照", "隐藏编辑性修改"] {
            assert!(!page.contains(control), "page {} prints `{control}`", k + 1);
        }
    }
    // The resolution starts on the page of its heading and runs to the
    // last page (the last thing in the report).
    // Mark and id opening a line, the title after them: the heading reads
    // `MOD 第101号决议（COM4/AI）` (the report speaks the texts' language),
    // the summary table has them in two cells.
    let running = "MOD 101 (COM4/AI)";
    let first = pages
        .iter()
        .position(|p| p.contains("MOD 第101号决议（COM4/AI）"))
        .expect("the resolution's heading is printed");
    assert!(first + 1 < n, "the resolution runs over more than one page");
    // Its heading is not left alone at the foot of a page: its line of
    // particulars (whole) and its first part are printed with it.
    for follows in ["resolution-101.zh.txt:35", "决议首部"] {
        assert!(
            pages[first].contains(follows),
            "`{follows}` not on the page of the resolution's heading:\n{}",
            pages[first]
        );
    }
    for (k, page) in pages.iter().enumerate() {
        let has = page.lines().any(|l| l.trim().starts_with(running));
        assert_eq!(
            has,
            k >= first,
            "page {}: running head `{running}` {}:\n{page}",
            k + 1,
            if has {
                "on a page before the resolution"
            } else {
                "missing"
            }
        );
    }
    // The second page of the resolution, to look at.
    let prefix = target_dir().join("html-report-real-full-page");
    let page = (first + 2).to_string();
    let status = Command::new(&pdftoppm)
        .args(["-png", "-r", "70", "-f", &page, "-l", &page, "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let png = prefix.with_extension("png");
    assert!(png.is_file(), "page rendered to {}", png.display());
    eprintln!("printed page {page}: {}", png.display());
}
