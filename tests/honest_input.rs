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

/// The text with every line's trailing whitespace removed.
fn strip_trailing(text: &str) -> String {
    text.split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A resolution as JSON without its source lines (spans, the lines notes
/// are referenced from).
fn comparable(r: &resdiff::model::Resolution) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("span");
                m.remove("referenced_at");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).expect("model serialises");
    strip(&mut v);
    v
}

/// Every leaf where two JSON values differ, as `path: a ≠ b`.
fn differences(path: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                differences(
                    &format!("{path}.{k}"),
                    va,
                    y.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                if x.len() != y.len() && va != vb {
                    // Items inserted or lost: the first one that differs.
                    out.push(format!(
                        "{path}[{i}] ({} items ≠ {}):\n    {va}\n  ≠ {vb}",
                        x.len(),
                        y.len()
                    ));
                    return;
                }
                differences(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        _ if a != b => out.push(format!("{path}:\n    {a}\n  ≠ {b}")),
        _ => {}
    }
}

/// The differences between the resolutions of two documents.
fn model_differences(a: &Document, b: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let ids = |d: &Document| {
        d.resolutions
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    if ids(a) != ids(b) {
        out.push(format!("resolutions: {:?}\n  ≠ {:?}", ids(a), ids(b)));
        return out;
    }
    for (x, y) in a.resolutions.iter().zip(&b.resolutions) {
        differences(&x.id, &comparable(x), &comparable(y), &mut out);
    }
    out
}

#[test]
fn pdf_text_with_trailing_spaces_stripped_reads_the_same() {
    let original = mod_add_text();
    let stripped = strip_trailing(&original);
    assert!(!stripped.contains(" \n"));
    let a = parse_text("original.txt", &original);
    let b = parse_text("stripped.txt", &stripped);
    assert_eq!(b.layout, resdiff::model::Layout::Pdf);
    let diffs = model_differences(&a, &b);
    assert!(
        diffs.is_empty(),
        "{} difference(s):\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

#[test]
fn diff_of_stripped_pdf_text_reports_no_clause_change() {
    let original = mod_add_text();
    let dir = Scratch::new("stripped-diff");
    std::fs::create_dir_all(dir.0.join("a")).expect("folder");
    std::fs::create_dir_all(dir.0.join("b")).expect("folder");
    dir.file("a/texts.txt", &original);
    dir.file("b/texts.txt", &strip_trailing(&original));
    let out = resdiff(&[
        "diff",
        &dir.0.join("a").display().to_string(),
        &dir.0.join("b").display().to_string(),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("diff writes JSON");
    let resolutions = report["resolutions"].as_array().expect("resolutions");
    assert_eq!(resolutions.len(), 53);
    for r in resolutions {
        let id = r["id"].as_str().unwrap_or_default();
        assert!(
            r["header_changes"].as_array().is_some_and(Vec::is_empty),
            "{id}: header changed: {}",
            r["header_changes"]
        );
        let changes = r["changes"].as_array().expect("changes");
        assert!(changes.is_empty(), "{id}: clause changes: {changes:?}");
    }
}

/// Resolution 101 as published with its labels typed in other forms:
/// full-width, full-width brackets, bracketed on both sides, glued to the
/// text, a full stop after a number.
fn relabelled_101() -> String {
    let text = std::fs::read_to_string(common::res101_published()).expect("shipped text");
    let forms = ["ａ）\t", "b）", "（c）\t", "(d) ", "ｅ）"];
    let numbers = ["１\t", "2．", "3. "];
    text.split('\n')
        .map(|l| {
            let Some((label, rest)) = l.split_once('\t') else {
                return l.to_string();
            };
            let form = match label {
                "a)" | "b)" | "c)" | "d)" | "e)" => {
                    forms[usize::from(label.as_bytes()[0] - b'a')].to_string()
                }
                "1" | "2" | "3" => numbers[usize::from(label.as_bytes()[0] - b'1')].to_string(),
                _ => return l.to_string(),
            };
            format!("{form}{rest}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn full_width_and_bracketed_labels_read_as_ascii() {
    let original = std::fs::read_to_string(common::res101_published()).expect("shipped text");
    let relabelled = relabelled_101();
    assert_ne!(original, relabelled);
    let a = parse_text("101.txt", &original);
    let b = parse_text("101-relabelled.txt", &relabelled);
    let (ra, rb) = (&a.resolutions[0], &b.resolutions[0]);
    assert_eq!(ra.sections.len(), rb.sections.len());
    let mut typed = Vec::new();
    for (sa, sb) in ra.sections.iter().zip(&rb.sections) {
        assert_eq!(sa.clauses.len(), sb.clauses.len(), "{}", sa.heading);
        for (ca, cb) in sa.clauses.iter().zip(&sb.clauses) {
            assert_eq!(ca.text, cb.text);
            let read = |c: &resdiff::model::Clause| c.label.as_ref().map(|l| (l.family, l.ordinal));
            assert_eq!(read(ca), read(cb), "{}", cb.text);
            typed.extend(cb.label.as_ref().map(|l| l.raw.clone()));
        }
    }
    // The raw form is kept for display.
    assert!(typed.contains(&"ａ）".to_string()), "{typed:?}");
    assert!(typed.contains(&"（c）".to_string()), "{typed:?}");
    assert!(typed.contains(&"１".to_string()), "{typed:?}");
    // The guess is said, so --strict does not pass it silently.
    assert!(
        b.diagnostics
            .iter()
            .any(|d| d.message.contains("`ａ）` read as `a)`")),
        "{:#?}",
        b.diagnostics
    );
    let dir = Scratch::new("labels");
    let path = dir.file("101.txt", &relabelled);
    let strict = resdiff(&["parse", "--strict", &path]);
    assert_eq!(strict.status.code(), Some(2));
}

#[test]
fn a_change_of_label_form_alone_is_editorial() {
    let dir = Scratch::new("label-diff");
    let old = dir.file(
        "old.txt",
        &std::fs::read_to_string(common::res101_published()).expect("shipped text"),
    );
    let new = dir.file("new.txt", &relabelled_101());
    let out = resdiff(&["diff", &old, &new, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("diff writes JSON");
    let changes = report["resolutions"][0]["changes"]
        .as_array()
        .expect("changes");
    assert!(!changes.is_empty(), "the label forms changed");
    for c in changes {
        assert_eq!(c["editorial"], true, "{c}");
        assert_eq!(c["kind"], "modified", "{c}");
    }
}

/// The WTSA-24 texts as an edition of two files, cut at `line` (1-based):
/// the second file opens with that line.
fn split_edition(dir: &Scratch, sub: &str, names: [&str; 2], line: usize) -> PathBuf {
    let text = mod_add_text();
    let lines: Vec<&str> = text.split('\n').collect();
    let folder = dir.0.join(sub);
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join(names[0]), lines[..line - 1].join("\n")).expect("first part");
    std::fs::write(folder.join(names[1]), lines[line - 1..].join("\n")).expect("second part");
    folder
}

/// A line inside resolution 7's body that opens a clause, well before its
/// end (and its footnotes).
fn cut_in_resolution_7() -> usize {
    let text = mod_add_text();
    let header = line_of(&text, "第7号决议（2024年，新德里，修订版）");
    text.split('\n')
        .enumerate()
        .skip(header)
        .find(|(_, l)| l.starts_with("c) "))
        .map(|(i, _)| i + 1)
        .expect("a clause c) in resolution 7")
}

#[test]
fn a_continuation_file_joins_the_resolution_it_continues() {
    let dir = Scratch::new("continuation");
    let cut = cut_in_resolution_7();
    let folder = split_edition(&dir, "split", ["part-1.txt", "part-2.txt"], cut);
    let whole = parse_text("whole.txt", &mod_add_text());
    let corpus = resdiff::corpus::load(&folder, &Default::default()).expect("edition loads");
    let joined = corpus.documents[0]
        .resolutions
        .iter()
        .find(|r| r.id == "7")
        .expect("resolution 7");
    let original = whole.resolutions.iter().find(|r| r.id == "7").expect("7");
    assert_eq!(
        comparable(joined)["sections"],
        comparable(original)["sections"]
    );
    // The reader is told.
    assert!(
        corpus.documents[1]
            .diagnostics
            .iter()
            .any(|d| d.message.contains("rest of resolution 7")),
        "{:#?}",
        corpus.documents[1].diagnostics
    );
    // Nothing of either file is lost, counted over the whole edition.
    let lost = common::lost_chars_in_edition(&folder);
    assert!(lost.is_empty(), "lost: {lost:?}");
    // And a diff against the single file sees no change.
    std::fs::create_dir_all(dir.0.join("one")).expect("folder");
    dir.file("one/texts.txt", &mod_add_text());
    let out = resdiff(&[
        "diff",
        &dir.0.join("one").display().to_string(),
        &folder.display().to_string(),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    for kind in ["added", "removed", "modified", "moved", "renumbered"] {
        assert_eq!(
            report["summary"]["changes"][kind], 0,
            "{kind}: {}",
            report["summary"]
        );
    }
    // The first part's resolution 7 is no longer said to be cut short.
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("resolution 7 ends before"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_continuation_file_with_nothing_to_continue_is_a_warning() {
    let dir = Scratch::new("orphan-continuation");
    let cut = cut_in_resolution_7();
    // The second part sorts first: nothing comes before it to continue.
    let folder = split_edition(&dir, "split", ["b.txt", "a.txt"], cut);
    let out = resdiff(&["parse", &folder.display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!("{}:1: warning:", folder.join("a.txt").display());
    assert!(stderr.contains(&expected), "no `{expected}` in:\n{stderr}");
    let strict = resdiff(&["parse", "--strict", &folder.display().to_string()]);
    assert_eq!(strict.status.code(), Some(2));
    let lost = common::lost_chars_in_edition(&folder);
    assert!(lost.is_empty(), "lost: {lost:?}");
}
