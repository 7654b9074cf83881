//! The diff as a Word document with tracked changes: read back through the
//! project's own reader, accepting every change gives the new edition's
//! resolution and rejecting every change the old one, for every resolution
//! of the SYNTHETIC pair; the package holds the parts Word requires; the
//! same editions give the same bytes.

mod common;
mod synthetic;

use resdiff::corpus::{self, Corpus, LoadOptions};
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::ingest::docx::Revisions;
use resdiff::model::{DiffReport, Document, Location, Resolution, ResolutionStatus};
use resdiff::render::docx::report::{DocxOptions, write_diff_docx};
use std::io::Read;
use std::path::{Path, PathBuf};

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("resdiff-docxr-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The model of a resolution without where it sits in its file (and
/// without footnote reference positions, which the Word export cannot
/// always place back: see `synthetic::round_trip_differences`).
fn comparable(r: &Resolution) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("span");
                m.remove("referenced_at");
                m.remove("notes");
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

/// The same resolution read back from its own Word export: what a reader
/// of any Word file of that text can get at best.
fn as_exported(r: &Resolution) -> serde_json::Value {
    let text = resdiff::render::plain::word_lines(r).join("\n");
    let doc = synthetic::parse_text("export.txt", &text);
    doc.resolutions.first().map(comparable).unwrap_or_default()
}

fn find<'a>(corpus: &'a Corpus, at: Option<&Location>) -> Option<&'a Resolution> {
    let at = at?;
    corpus
        .documents
        .iter()
        .filter(|d| d.path == at.file)
        .flat_map(|d| &d.resolutions)
        .find(|r| r.span == at.span)
}

fn docx_bytes(report: &DiffReport, old: &Corpus, new: &Corpus, full: bool) -> Vec<u8> {
    let mut out = Vec::new();
    write_diff_docx(
        &mut out,
        report,
        &DocxOptions {
            old: Some(old),
            new: Some(new),
            date: Some("2024-10-24".into()),
            full,
        },
    )
    .expect("render");
    out
}

fn read_back(dir: &Path, bytes: &[u8], revisions: Revisions) -> Document {
    let p = dir.join("report.docx");
    std::fs::write(&p, bytes).expect("write");
    let mut opts = LoadOptions::default();
    opts.ingest.revisions = revisions;
    corpus::load_file(&p, &opts).expect("the report reads back")
}

#[test]
fn accept_all_gives_the_new_text_and_reject_all_the_old() {
    let s = Scratch::new("roundtrip");
    let (pair, _) =
        synthetic::write_pair(&s.0, synthetic::SEED, synthetic::Style::Word).expect("pair");
    let old = corpus::load(&pair.old, &LoadOptions::default()).expect("old");
    let new = corpus::load(&pair.new, &LoadOptions::default()).expect("new");
    let report = diff_editions(&old, &new, &DiffOptions::default()).expect("diff");
    let mut checked = 0;
    let mut failures = Vec::new();
    for r in &report.resolutions {
        if r.status == ResolutionStatus::Absent {
            continue;
        }
        let one = DiffReport {
            resolutions: vec![r.clone()],
            ..report.clone()
        };
        let bytes = docx_bytes(&one, &old, &new, true);
        for (revisions, side, edition) in [
            (Revisions::Accept, "new", &new),
            (Revisions::Reject, "old", &old),
        ] {
            let location = match revisions {
                Revisions::Accept => r.new_location.as_ref(),
                Revisions::Reject => r.old_location.as_ref(),
            };
            let doc = read_back(&s.0, &bytes, revisions);
            match find(edition, location) {
                Some(expected) => {
                    let got = doc.resolutions.first().map(comparable).unwrap_or_default();
                    if doc.resolutions.len() != 1 || got != as_exported(expected) {
                        failures.push(format!("{} {:?}: not the {side} text", r.id, r.status));
                    }
                }
                None if !doc.resolutions.is_empty() => {
                    failures.push(format!("{} {:?}: text on the {side} side", r.id, r.status));
                }
                None => {}
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} sides checked");
    // The whole report: moved clauses carry a comment saying where from;
    // without --full, unchanged paragraphs give way to `…`.
    let moves = report
        .resolutions
        .iter()
        .flat_map(|r| &r.changes)
        .filter(|c| c.kind == resdiff::model::ChangeKind::Moved)
        .count();
    assert!(moves > 0);
    let full = docx_bytes(&report, &old, &new, true);
    let comments = part(&full, "word/comments.xml").expect("comments part");
    assert!(
        comments.matches("移动：").count() == moves,
        "{moves} moves: {comments}"
    );
    let short = docx_bytes(&report, &old, &new, false);
    let short_doc = part(&short, "word/document.xml").expect("document");
    let full_doc = part(&full, "word/document.xml").expect("document");
    assert!(short_doc.contains(">…</w:t>") && !full_doc.contains(">…</w:t>"));
    assert!(short.len() < full.len());
    assert!(
        failures.is_empty(),
        "{} failures: {failures:#?}",
        failures.len()
    );
    // The export/read pair loses nothing the diff looks at: the expected
    // models are the editions' own for nearly every resolution.
    let same = new
        .documents
        .iter()
        .flat_map(|d| &d.resolutions)
        .filter(|r| as_exported(r) == comparable(r))
        .count();
    assert!(
        same * 10 >= new.documents[0].resolutions.len() * 9,
        "{same}"
    );
}

fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut s = String::new();
    zip.by_name(name)
        .ok()?
        .read_to_string(&mut s)
        .expect("utf-8");
    Some(s)
}

/// Every XML part parses, and the parts Word needs are there and named.
fn assert_valid_package(bytes: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    for needed in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
    ] {
        assert!(
            names.iter().any(|n| n == needed),
            "{needed} missing: {names:?}"
        );
    }
    let types = part(bytes, "[Content_Types].xml").expect("types");
    let rels = part(bytes, "word/_rels/document.xml.rels").expect("rels");
    for name in &names {
        let mut xml = String::new();
        zip.by_name(name)
            .expect("entry")
            .read_to_string(&mut xml)
            .expect("utf-8");
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: {e}"),
            }
        }
        if let Some(target) = name.strip_prefix("word/")
            && !name.contains("_rels")
            && name != "word/document.xml"
        {
            assert!(
                types.contains(&format!("/{name}")),
                "{name} has no content type"
            );
            assert!(
                rels.contains(&format!("Target=\"{target}\"")),
                "{name} not related"
            );
        }
    }
}

#[test]
fn the_report_is_a_valid_word_package_with_dated_revisions_by_resdiff() {
    let old = corpus::load(
        common::wtsa24_texts().parent().unwrap(),
        &LoadOptions::default(),
    )
    .expect("old");
    let new = corpus::load(
        common::res101_published().parent().unwrap(),
        &LoadOptions::default(),
    )
    .expect("new");
    let report = diff_editions(&old, &new, &DiffOptions::default()).expect("diff");
    let bytes = docx_bytes(&report, &old, &new, false);
    assert_valid_package(&bytes);
    let doc = part(&bytes, "word/document.xml").expect("document");
    assert!(doc.contains(r#"w:author="resdiff" w:date="2024-10-24T00:00:00Z""#));
    assert!(doc.contains("<w:ins ") && doc.contains("<w:del ") && doc.contains("<w:delText"));
    assert!(
        doc.contains(r#"w:eastAsia="SimSun""#),
        "East Asian font hint in the runs"
    );
    assert!(
        doc.contains(">MOD 101 (COM4/AI) "),
        "ITU mark in the heading"
    );
    // The editorial change 其他 → 其它 is a deletion and an insertion.
    assert!(
        doc.contains(">他</w:delText>") && doc.contains(">它</w:t>"),
        "redline"
    );
    // Same editions, same bytes.
    assert_eq!(bytes, docx_bytes(&report, &old, &new, false));
}

#[test]
fn command_line_writes_the_docx_and_checks_its_options() {
    let s = Scratch::new("cli");
    let out = s.0.join("report.docx");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
            .args(args)
            .output()
            .expect("run")
    };
    let old = common::root().join("versions/wtsa-24");
    let new = common::root().join("versions/wtsa-24-published");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let o = run(&[
        "diff",
        old,
        new,
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2024-10-24",
        "--full",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_valid_package(&std::fs::read(&out).expect("written"));
    let o = run(&["diff", old, new, "--format", "docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("give -o FILE.docx"));
    let o = run(&[
        "diff",
        old,
        new,
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
        "--date",
        "24/10/2024",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("YYYY-MM-DD"));
}
