//! Text is never dropped in silence: headers typed wrongly are reported with
//! their file and line, Recommendations are read without markers, label
//! forms other than the ASCII ones are read as labels, and a PDF extraction
//! whose trailing spaces were stripped is still read as one.

mod common;

use resdiff::ingest::{self, IngestOptions};
use resdiff::model::{Document, ResolutionKind};
use resdiff::normalize;
use resdiff::parse::{self, ParseOptions};
use std::path::PathBuf;
use std::process::{Command, Output};

/// A scratch folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("resdiff-honest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch folder");
        Scratch(dir)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).expect("write scratch file");
        p.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn resdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .output()
        .expect("run resdiff")
}

fn mod_add_text() -> String {
    std::fs::read_to_string(common::wtsa24_texts()).expect("shipped text reads")
}

fn parse_text(name: &str, text: &str) -> Document {
    let src =
        ingest::decode(name, text.as_bytes(), &IngestOptions::default()).expect("text decodes");
    let norm = normalize::normalize(&src);
    parse::parse_document(&src, &norm, &ParseOptions::default())
}

/// The 1-based number of the first line of `text` that is `line` (trailing
/// spaces aside).
fn line_of(text: &str, line: &str) -> usize {
    text.split('\n')
        .position(|l| l.trim() == line)
        .unwrap_or_else(|| panic!("no line `{line}`"))
        + 1
}

#[test]
fn near_miss_resolution_headers_are_reported_with_file_and_line() {
    let original = mod_add_text();
    let header = "第7号决议（2024年，新德里，修订版）";
    let at = line_of(&original, header);
    let dir = Scratch::new("near-miss");
    for typed in [
        "第7號決議（2024年，新德里，修订版）",
        "第7号決議（2024年，新德里，修订版）",
        "第70007号决议（2024年，新德里，修订版）",
        "第七号决议（2024年，新德里，修订版）",
        "第7号决议（2024年，新德里，修订版",
    ] {
        let text = original.replacen(header, typed, 1);
        let path = dir.file("texts.txt", &text);
        let out = resdiff(&["parse", &path]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected = format!("{path}:{at}: warning: `{typed}`");
        assert!(
            stderr.contains(&expected),
            "{typed}: no warning `{expected}` in:\n{stderr}"
        );
        // --strict refuses the text instead of passing it.
        let strict = resdiff(&["parse", "--strict", &path]);
        assert_eq!(strict.status.code(), Some(2), "{typed}: --strict passed");
    }
}

#[test]
fn unconfirmed_header_inside_resolution_text_is_reported() {
    // A header whose history and assembly lines were lost: its text is
    // swallowed by the resolution before it, which must be said.
    let original = mod_add_text();
    let at = line_of(&original, "第7号决议（2024年，新德里，修订版）");
    let lines: Vec<&str> = original.split('\n').collect();
    // Drop the title, history and assembly lines of resolution 7.
    let mut kept = Vec::new();
    let mut dropping = false;
    for (i, l) in lines.iter().enumerate() {
        if i + 1 == at + 2 {
            dropping = true;
        }
        if dropping && l.starts_with("世界电信标准化全会") {
            dropping = false;
            continue;
        }
        if i + 1 == at - 2 {
            // The MOD marker above the header goes as well.
            assert_eq!(l.trim(), "MOD");
            kept.push("");
        } else if !dropping {
            kept.push(*l);
        }
    }
    let doc = parse_text("texts.txt", &kept.join("\n"));
    assert!(doc.resolutions.iter().all(|r| r.id != "7"));
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.line as usize == at && d.message.contains("第7号决议")),
        "no warning at line {at}: {:#?}",
        doc.diagnostics
    );
}

#[test]
fn recommendation_header_without_marker_starts_a_unit() {
    let original = mod_add_text();
    // A published collection carries no MOD/ADD markers; the page they
    // opened starts with the header instead.
    let mut page_start = false;
    let mut lines = Vec::new();
    for l in original.split('\n') {
        if matches!(l.trim(), "MOD" | "ADD" | "SUP") {
            page_start = l.starts_with(' ');
            lines.push(String::new());
        } else if page_start && !l.trim().is_empty() {
            page_start = false;
            lines.push(format!(" {l}"));
        } else {
            lines.push(l.to_string());
        }
    }
    let text = lines.join("\n");
    let with = parse_text("with.txt", &original);
    let without = parse_text("without.txt", &text);
    let ids = |d: &Document| {
        d.resolutions
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&with), ids(&without));
    let rec = without
        .resolutions
        .iter()
        .find(|r| r.id == "A.25")
        .expect("A.25 read without its marker");
    assert_eq!(rec.kind, ResolutionKind::Recommendation);
    assert_eq!(rec.action, None);
    let before = &without.resolutions[without
        .resolutions
        .iter()
        .position(|r| r.id == "A.25")
        .expect("A.25")
        - 1];
    assert!(before.span.last_line < rec.span.first_line);
    // The Recommendation's text is its own, not the resolution's before it.
    let with_rec = with
        .resolutions
        .iter()
        .find(|r| r.id == "A.25")
        .expect("A.25 with marker");
    assert_eq!(rec.sections, with_rec.sections);
}
