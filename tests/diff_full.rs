//! `resdiff diff --full`: each compared resolution in full, its unchanged
//! paragraphs in place between the changes, in the text, Markdown and HTML
//! reports; the default report stays compact.
//!
//! The check reads the new edition's text back out of a report — deletions
//! dropped, insertion marks and escapes removed — and requires every
//! paragraph of each compared resolution (header lines, headings, lead-ins,
//! clauses, annex captions and paragraphs, footnotes) to appear in it in
//! document order.

mod synthetic;

use regex::Regex;
use resdiff::corpus::{self, Corpus, LoadOptions};
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::model::{DiffReport, Location, Resolution, ResolutionStatus};
use resdiff::render::diff_full::Editions;
use resdiff::render::diff_markdown::write_diff_markdown_with;
use resdiff::render::diff_text::write_diff_text_with;
use resdiff::render::html::{DiffHtmlOptions, write_diff_html_with};
use std::path::Path;
use std::process::Command;

fn resdiff(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("resdiff runs");
    assert_eq!(out.status.code(), Some(1), "the editions differ");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[derive(Clone, Copy, Debug)]
enum Format {
    Text,
    Markdown,
    Html,
}

/// The new text a report shows: deletions dropped, insertion marks,
/// markup and escapes removed.
fn new_text_of(report: &str, format: Format) -> String {
    let re = |p: &str| Regex::new(p).unwrap();
    match format {
        Format::Text => {
            let s = re(r"\[-.*?-\]").replace_all(report, "");
            s.replace("{+", "").replace("+}", "")
        }
        Format::Markdown => {
            let s = re(r"<del>.*?</del>").replace_all(report, "");
            let s = s.replace("<ins>", "").replace("</ins>", "");
            re(r"\\(.)").replace_all(&s, "$1").into_owned()
        }
        Format::Html => {
            // The report proper (no stylesheet or script), without the
            // side-by-side copies.
            let body = &report[report.find("<main").unwrap_or(0)..];
            let s = re(r"(?s)<div class=.sbs. hidden>.*?</div>\n</div>").replace_all(body, "");
            let s = re(r"<del>.*?</del>").replace_all(&s, "");
            let s = re(r"<[^>]*>").replace_all(&s, "");
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        }
    }
}

/// Every paragraph of a resolution, in document order.
fn paragraphs(r: &Resolution) -> Vec<&str> {
    let mut out = vec![r.header.text.as_str(), r.title.text.as_str()];
    out.extend(r.history.as_ref().map(|h| h.text.as_str()));
    out.extend(r.assembly.as_ref().map(|a| a.text.as_str()));
    for s in &r.sections {
        out.push(&s.heading);
        out.extend(s.intro.as_ref().map(|i| i.text.as_str()));
        out.extend(
            s.clauses
                .iter()
                .flat_map(|c| c.descendants())
                .map(|c| c.text.as_str()),
        );
    }
    for a in &r.annexes {
        out.extend(a.caption.as_ref().map(|t| t.text.as_str()));
        out.extend(a.title.as_ref().map(|t| t.text.as_str()));
        out.extend(
            a.paragraphs
                .iter()
                .flat_map(|c| c.descendants())
                .map(|c| c.text.as_str()),
        );
    }
    out.extend(r.footnotes.iter().map(|f| f.text.as_str()));
    out.retain(|t| !t.trim().is_empty());
    out
}

fn find<'a>(corpus: &'a Corpus, at: &Location) -> &'a Resolution {
    corpus
        .documents
        .iter()
        .filter(|d| d.path == at.file)
        .flat_map(|d| &d.resolutions)
        .find(|r| r.span == at.span)
        .expect("the report's location is in the edition")
}

/// The first paragraph of the compared resolutions' new texts that `shown`
/// lacks, in order (`None` when all are there).
fn first_missing(report: &DiffReport, new: &Corpus, shown: &str) -> Option<String> {
    let mut at = 0;
    for r in &report.resolutions {
        if !matches!(
            r.status,
            ResolutionStatus::Modified | ResolutionStatus::Unchanged
        ) {
            continue;
        }
        let res = find(new, r.new_location.as_ref().unwrap());
        for p in paragraphs(res) {
            match shown[at..].find(p) {
                Some(k) => at += k + p.len(),
                None => {
                    return Some(format!("resolution {}: `{p}` (not after byte {at})", r.id));
                }
            }
        }
    }
    None
}

fn load(path: &Path) -> Corpus {
    corpus::load(path, &LoadOptions::default()).expect("edition loads")
}

#[test]
fn full_shows_every_paragraph_of_the_real_pair_in_order() {
    let new = load(Path::new("versions/wtsa-24-published"));
    let old = load(Path::new("versions/wtsa-24"));
    let report = diff_editions(&old, &new, &DiffOptions::default()).unwrap();
    for (format, name) in [
        (Format::Text, "text"),
        (Format::Markdown, "markdown"),
        (Format::Html, "html"),
    ] {
        let args = [
            "diff",
            "versions/wtsa-24",
            "versions/wtsa-24-published",
            "--format",
            name,
        ];
        let compact = resdiff(&args);
        let full = resdiff(&[&args[..], &["--full"]].concat());
        let missing = first_missing(&report, &new, &new_text_of(&full, format));
        assert_eq!(missing, None, "{name} --full");
        // The default stays compact: unchanged clauses are not in place
        // (the HTML report lists them collapsed after a section's changes).
        assert!(
            first_missing(&report, &new, &new_text_of(&compact, format)).is_some(),
            "{name} without --full is compact"
        );
        // Every change line of the compact report is in the full one.
        if let Format::Text | Format::Markdown = format {
            let full_lines: Vec<&str> = full.lines().collect();
            let mut k = 0;
            for line in compact.lines().filter(|l| l.contains("修改")) {
                let found = full_lines[k..].iter().position(|l| *l == line);
                assert!(found.is_some(), "{name}: `{line}` in order in --full");
                k += found.unwrap() + 1;
            }
        }
    }
    // Unchanged clauses carry their section and label.
    let full = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--full",
    ]);
    assert!(
        full.contains("  忆及 a)\n    全权代表大会关于人工智能（AI）技术"),
        "{full}"
    );
    assert!(full.contains("  认识到 b)  修改（编辑性修改）\n"));
}

#[test]
fn full_shows_every_paragraph_of_the_synthetic_pair_in_order() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-full-synthetic");
    let (pair, _) = synthetic::write_pair(&dir, synthetic::SEED, synthetic::DEFAULT_STYLE)
        .expect("synthetic pair written");
    let old = load(&pair.old);
    let new = load(&pair.new);
    let report = diff_editions(&old, &new, &DiffOptions::default()).unwrap();
    let s = report.summary();
    assert!(
        s.modified > 40 && s.changes_moved > 0 && s.changes_removed > 0,
        "{s:?}"
    );
    let eds = Editions {
        old: &old,
        new: &new,
    };
    let mut text = Vec::new();
    write_diff_text_with(&mut text, &report, false, Some(&eds)).unwrap();
    let mut markdown = Vec::new();
    write_diff_markdown_with(&mut markdown, &report, Some(&eds)).unwrap();
    let mut html = Vec::new();
    let opts = DiffHtmlOptions {
        new_edition: Some(&new),
        full: Some(eds),
        ..DiffHtmlOptions::default()
    };
    write_diff_html_with(&mut html, &report, &opts).unwrap();
    for (format, out) in [
        (Format::Text, text),
        (Format::Markdown, markdown),
        (Format::Html, html),
    ] {
        let out = String::from_utf8(out).unwrap();
        let missing = first_missing(&report, &new, &new_text_of(&out, format));
        assert_eq!(missing, None, "{format:?} --full");
    }
}

#[test]
fn full_with_substantive_shows_hidden_changes_as_the_new_text() {
    let out = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--full",
        "--substantive",
    ]);
    // 认识到 b) changed only 其他 → 其它: left out as a change, in place
    // as the published text.
    assert!(
        out.contains("  认识到 b)\n    成员国、部门成员和其它利益攸关方"),
        "{out}"
    );
    assert!(!out.contains("[-他-]"), "{out}");
    assert!(out.contains("  认识到 c)  修改\n"), "{out}");
}
