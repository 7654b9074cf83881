//! Reading Word documents: a `.docx` holding the same content as a Word
//! text export gives the same model, whether its labels are typed or
//! numbered by Word, its footnotes real, its tables real, and its text
//! wrapped in tracked revisions (accepted or rejected); and the ITU's own
//! Word file is read without losing a paragraph.

mod common;

use common::docx::{Style, docx_from_text};
use resdiff::corpus::{self, LoadOptions};
use resdiff::ingest::Revisions;
use resdiff::model::Document;
use std::path::{Path, PathBuf};

/// A scratch folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("resdiff-docx-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn load(path: &Path, revisions: Revisions) -> Document {
    let mut opts = LoadOptions::default();
    opts.ingest.revisions = revisions;
    corpus::load_file(path, &opts).unwrap_or_else(|e| panic!("{e}"))
}

/// The parts of the model that say what the text is (not where the file
/// is or how its bytes were decoded).
fn assert_same_model(from_docx: &Document, from_text: &Document) {
    assert_eq!(from_docx.class, from_text.class);
    assert_eq!(from_docx.layout, from_text.layout);
    assert_eq!(from_docx.resolutions.len(), from_text.resolutions.len());
    for (d, t) in from_docx.resolutions.iter().zip(&from_text.resolutions) {
        if d != t {
            let (d, t) = (
                serde_json::to_value(d).unwrap(),
                serde_json::to_value(t).unwrap(),
            );
            panic!(
                "resolution {}: {}",
                t["id"],
                first_difference(&d, &t, String::new())
            );
        }
    }
    assert_eq!(from_docx.other_blocks, from_text.other_blocks);
    assert_eq!(from_docx.report, from_text.report);
}

/// Where two JSON values first differ, for a readable failure.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: String) -> String {
    use serde_json::Value::{Array, Object};
    match (a, b) {
        (Object(x), Object(y)) => {
            for (k, v) in x {
                if y.get(k) != Some(v) {
                    return first_difference(v, &y[k], format!("{at}.{k}"));
                }
            }
            format!("{at}: keys differ")
        }
        (Array(x), Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if v != w {
                    return first_difference(v, w, format!("{at}[{i}]"));
                }
            }
            at
        }
        _ => format!("{at}: docx {a} / text {b}"),
    }
}

/// Write `text` as a Word export file and as `.docx` in `style`, and compare.
fn round_trip(name: &str, text: &str, style: Style, revisions: Revisions) -> Document {
    let s = Scratch::new(name);
    let txt = s.file(&format!("{name}.txt"), text.as_bytes());
    let docx = s.file(&format!("{name}.docx"), &docx_from_text(text, style));
    let from_text = load(&txt, Revisions::Accept);
    let from_docx = load(&docx, revisions);
    assert_same_model(&from_docx, &from_text);
    from_docx
}

fn published_101() -> String {
    std::fs::read_to_string(common::res101_published()).expect("shipped text")
}

#[test]
fn published_101_with_typed_labels() {
    let doc = round_trip(
        "typed",
        &published_101(),
        Style::default(),
        Revisions::Accept,
    );
    assert_eq!(doc.resolutions[0].id, "101");
    // The images of the cover page are noted, not read.
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.message.contains("image(s)")),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn published_101_with_automatic_numbering() {
    let text = published_101();
    let style = Style {
        numbering: true,
        ..Style::default()
    };
    // The writer really numbers the clauses.
    let bytes = docx_from_text(&text, style);
    let zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("zip");
    assert!(zip.index_for_name("word/numbering.xml").is_some());
    round_trip("numbered", &text, style, Revisions::Accept);
}

#[test]
fn tracked_revisions_accepted_and_rejected() {
    let text = published_101();
    let accepted = round_trip(
        "accept",
        &text,
        Style {
            numbering: true,
            revisions: Some(true),
        },
        Revisions::Accept,
    );
    assert!(
        accepted.diagnostics.iter().any(|d| d
            .message
            .contains("tracked revision(s); they were accepted")),
        "{:?}",
        accepted.diagnostics
    );
    round_trip(
        "reject",
        &text,
        Style {
            numbering: false,
            revisions: Some(false),
        },
        Revisions::Reject,
    );
}

#[test]
fn wtsa24_texts_and_summary_report() {
    // The PDF extraction laid out as a Word export, then as .docx.
    let pdf = common::load(&common::wtsa24_texts());
    let mut word = Vec::new();
    resdiff::render::plain::write_word(&mut word, &pdf).expect("export");
    let word = String::from_utf8(word).expect("utf-8");
    let doc = round_trip(
        "wtsa24",
        &word,
        Style {
            numbering: true,
            revisions: Some(true),
        },
        Revisions::Accept,
    );
    assert_eq!(doc.resolutions.len(), pdf.resolutions.len());
    assert!(doc.resolutions.iter().any(|r| !r.footnotes.is_empty()));
    // The summary report: tables of status rows, as real Word tables.
    let report = std::fs::read_to_string(common::wtsa24_report()).expect("report");
    assert!(docx_from_text(&report, Style::default()).len() > 1000);
    let doc = round_trip("report", &report, Style::default(), Revisions::Accept);
    assert!(doc.report.is_some());
}

/// The text of each paragraph of a WordprocessingML part, found without
/// the reader under test: `w:t` runs in order, a non-breaking hyphen as
/// `-`, footnote marks (runs holding a `w:footnoteReference`) left out, as
/// the model keeps them as note numbers.
fn paragraphs_of(xml: &str) -> Vec<String> {
    let para = regex::Regex::new(r"(?s)<w:p[ >].*?</w:p>").unwrap();
    let run = regex::Regex::new(r"(?s)<w:r[ >].*?</w:r>").unwrap();
    let piece = regex::Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:noBreakHyphen/>").unwrap();
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    };
    para.find_iter(xml)
        .map(|p| {
            let mut text = String::new();
            let mut in_mark = false;
            for r in run.find_iter(p.as_str()) {
                // A footnote mark (in the text or before its body), what
                // Word sets in the footnote reference style (`bis` after the
                // number, the comma between two marks, a number typed as a
                // second reference) and superscript right after a mark are
                // not text of the paragraph.
                let r = r.as_str();
                in_mark = r.contains("<w:footnoteReference")
                    || r.contains("<w:footnoteRef/>")
                    || r.contains(r#"<w:rStyle w:val="FootnoteReference"/>"#)
                    || in_mark && r.contains(r#"<w:vertAlign w:val="superscript"/>"#);
                if in_mark {
                    continue;
                }
                for c in piece.captures_iter(r) {
                    match c.get(1) {
                        Some(t) => text.push_str(&unescape(t.as_str())),
                        None => text.push('-'),
                    }
                }
            }
            text
        })
        .collect()
}

fn key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn clause_text(c: &resdiff::model::Clause, out: &mut String) {
    if let Some(l) = &c.label {
        out.push_str(&l.raw);
    }
    out.push_str(&c.text);
    out.push('\u{1}');
    for ch in &c.children {
        clause_text(ch, out);
    }
}

/// Every text the model holds, labels in front of their clauses, in one
/// string (fields separated by U+0001), whitespace removed.
fn model_text(doc: &Document) -> (String, String) {
    let mut body = String::new();
    let mut notes = String::new();
    for r in &doc.resolutions {
        if let Some(a) = r.action {
            body.push_str(a.as_str());
        }
        for t in [Some(&r.header), Some(&r.title), r.assembly.as_ref()]
            .into_iter()
            .flatten()
        {
            body.push_str(&t.text);
            body.push('\u{1}');
        }
        if let Some(h) = &r.history {
            body.push_str(&h.text);
            body.push('\u{1}');
        }
        for s in &r.sections {
            body.push_str(&s.heading);
            body.push('\u{1}');
            if let Some(i) = &s.intro {
                body.push_str(&i.text);
                body.push('\u{1}');
            }
            for c in &s.clauses {
                clause_text(c, &mut body);
            }
        }
        for a in &r.annexes {
            body.push_str(&a.name);
            body.push('\u{1}');
            for t in [&a.caption, &a.title].into_iter().flatten() {
                body.push_str(&t.text);
                body.push('\u{1}');
            }
            for p in &a.paragraphs {
                clause_text(p, &mut body);
            }
        }
        for f in &r.footnotes {
            notes.push_str(&f.text);
            notes.push('\u{1}');
        }
    }
    for b in &doc.other_blocks {
        for p in &b.paragraphs {
            body.push_str(&p.text);
            body.push('\u{1}');
        }
    }
    (key(&body), key(&notes))
}

fn part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect("part"), &mut s).expect("read");
    s
}

#[test]
fn real_itu_word_file_is_read_without_loss() {
    let Some(path) = common::shared_real("T-RES-T.1-2016-MSW-E.docx") else {
        return;
    };
    // English, told apart from Chinese by the text itself.
    let doc = load(&path, Revisions::Accept);
    assert_eq!(doc.resolutions.len(), 1, "{:?}", doc.diagnostics);
    assert_eq!(doc.resolutions[0].id, "1");
    let (body, notes) = model_text(&doc);
    let paragraphs = paragraphs_of(&part(&path, "word/document.xml"));
    assert!(paragraphs.len() > 400, "{} paragraphs", paragraphs.len());
    // Paragraph by paragraph: a label and its text may sit in two fields
    // (label, clause text), so each paragraph is looked for with the field
    // separators taken out.
    let joined: String = body.chars().filter(|c| *c != '\u{1}').collect();
    let lost: Vec<&String> = paragraphs
        .iter()
        .filter(|p| !key(p).is_empty() && !joined.contains(&key(p)))
        .collect();
    assert!(
        lost.is_empty(),
        "{} paragraph(s) lost, first: {:?}",
        lost.len(),
        lost.first()
    );
    let bodies: Vec<String> =
        regex::Regex::new(r#"(?s)<w:footnote w:id="[1-9][0-9]*">.*?</w:footnote>"#)
            .unwrap()
            .find_iter(&part(&path, "word/footnotes.xml"))
            .map(|m| paragraphs_of(m.as_str()).concat())
            .collect();
    assert_eq!(bodies.len(), 6);
    if doc.resolutions.is_empty() {
        // Footnote bodies belong to resolutions; the text is English, read
        // as resolutions once the English language table exists.
        eprintln!(
            "note: no resolution parsed in {}; footnote bodies not checked",
            path.display()
        );
        return;
    }
    let notes_joined: String = notes.chars().filter(|c| *c != '\u{1}').collect();
    for b in &bodies {
        let k = key(b.trim_start_matches(|c: char| c.is_ascii_digit()));
        assert!(
            notes_joined.contains(&k) || joined.contains(&k),
            "footnote lost: {b}"
        );
    }
}

#[test]
fn edition_folders_hold_word_files() {
    let s = Scratch::new("folder");
    let text = published_101();
    let docx_dir = s.0.join("docx");
    std::fs::create_dir_all(&docx_dir).expect("folder");
    std::fs::write(
        docx_dir.join("resolution-101.docx"),
        docx_from_text(&text, Style::default()),
    )
    .expect("write");
    // The owner file Word leaves beside a document it has open.
    std::fs::write(docx_dir.join("~$solution-101.docx"), b"\x06resdiff").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(["diff", "--format", "json"])
        .arg(common::root().join("versions/wtsa-24-published"))
        .arg(&docx_dir)
        .output()
        .expect("run resdiff");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "identical editions; stderr: {stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["resolutions"][0]["status"], "unchanged", "{report}");
}

#[test]
fn damaged_word_files_give_an_error_or_a_text_never_a_panic() {
    let text = published_101();
    let good = docx_from_text(
        &text,
        Style {
            numbering: true,
            revisions: Some(true),
        },
    );
    // Deterministic damage: bytes flipped, cut short, or a stretch zeroed.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let (mut read, mut refused) = (0, 0);
    for round in 0..300 {
        let mut bytes = good.clone();
        match round % 3 {
            0 => {
                for _ in 0..4 {
                    let at = next(bytes.len());
                    bytes[at] ^= 1 << next(8);
                }
            }
            1 => bytes.truncate(next(bytes.len())),
            _ => {
                let at = next(bytes.len());
                let end = (at + 64).min(bytes.len());
                bytes[at..end].fill(0);
            }
        }
        match resdiff::ingest::docx::read("damaged.docx", &bytes, Revisions::Accept) {
            Ok(_) => read += 1,
            Err(e) => {
                assert!(e.to_string().starts_with("damaged.docx: "), "{e}");
                refused += 1;
            }
        }
    }
    assert!(
        refused > 0 && read + refused == 300,
        "{read} read, {refused} refused"
    );
}
