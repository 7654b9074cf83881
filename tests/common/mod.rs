//! Helpers shared by the integration tests: paths of the shipped texts and
//! loading them through the library.
#![allow(dead_code)] // each test binary uses a different subset

pub mod docx;

use resdiff::corpus::{self, LoadOptions};
use resdiff::model::{Clause, Document, Resolution};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Root of the crate.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/real/NAME` (real ITU texts kept beside the checkout, not in
/// it), or `None` with a note on a machine without it; CI has it, so there
/// its absence fails.
pub fn shared_real(name: &str) -> Option<PathBuf> {
    let p = root().join("../shared/real").join(name);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is required on CI (CI runs with ../shared beside the clone)",
        p.display()
    );
    eprintln!("note: {} absent; test skipped", p.display());
    None
}

/// The WTSA-24 MOD/ADD texts (PDF extraction).
pub fn wtsa24_texts() -> PathBuf {
    root().join("versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt")
}

/// The WTSA-24 summary report (Word extraction).
pub fn wtsa24_report() -> PathBuf {
    root().join("versions/wtsa-24/wtsa-24-summary-report.zh.txt")
}

/// The published Resolution 101 (Word extraction).
pub fn res101_published() -> PathBuf {
    root().join("versions/wtsa-24-published/resolution-101.zh.txt")
}

/// Reports that cite resolutions but contain none.
pub fn negative_fixtures() -> Vec<PathBuf> {
    vec![
        root().join("tests/fixtures/council-activity-report-2019-2021.zh.txt"),
        root().join("tests/fixtures/council-report-strategic-plan-2024.zh.txt"),
    ]
}

/// Parse one file with default options.
pub fn load(path: &Path) -> Document {
    corpus::load_file(path, &LoadOptions::default()).expect("file parses")
}

/// The resolution with this id.
pub fn resolution<'a>(doc: &'a Document, id: &str) -> &'a Resolution {
    doc.resolutions
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no resolution {id}"))
}

/// Every text field of a resolution, with a name for messages.
pub fn text_fields(r: &Resolution) -> Vec<(String, String)> {
    let mut out = vec![
        ("header".into(), r.header.text.clone()),
        ("title".into(), r.title.text.clone()),
    ];
    if let Some(h) = &r.history {
        out.push(("history".into(), h.text.clone()));
        for i in &h.items {
            out.push(("history item".into(), i.raw.clone()));
        }
    }
    if let Some(a) = &r.assembly {
        out.push(("assembly".into(), a.text.clone()));
    }
    for s in &r.sections {
        out.push((format!("heading {}", s.heading), s.heading.clone()));
        if let Some(a) = &s.addressee {
            out.push(("addressee".into(), a.clone()));
        }
        if let Some(i) = &s.intro {
            out.push((format!("intro of {}", s.heading), i.text.clone()));
        }
        for c in s.clauses.iter().flat_map(Clause::descendants) {
            let l = c.label.as_ref().map_or("¶", |l| l.raw.as_str());
            out.push((
                format!("{} clause {l} (l.{})", s.heading, c.span.first_line),
                c.text.clone(),
            ));
        }
    }
    for a in &r.annexes {
        out.push((a.name.clone(), a.name.clone()));
        if let Some(c) = &a.caption {
            out.push((format!("{} caption", a.name), c.text.clone()));
        }
        if let Some(t) = &a.title {
            out.push((format!("{} title", a.name), t.text.clone()));
        }
        for p in a.paragraphs.iter().flat_map(Clause::descendants) {
            out.push((
                format!("{} paragraph l.{}", a.name, p.span.first_line),
                p.text.clone(),
            ));
        }
    }
    for f in &r.footnotes {
        out.push((format!("footnote {}", f.mark), f.text.clone()));
    }
    out
}

// ---- Character accounting: nothing read is lost ----

/// Non-whitespace characters of `s`, counted.
pub fn chars_of(s: &str, counts: &mut BTreeMap<char, i64>, sign: i64) {
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_default() += sign;
    }
}

/// Subtract the characters of a clause and its sub-clauses.
pub fn clause_chars(c: &Clause, counts: &mut BTreeMap<char, i64>) {
    for c in c.descendants() {
        if let Some(l) = &c.label {
            chars_of(&l.raw, counts, -1);
        }
        chars_of(&c.text, counts, -1);
        for n in &c.notes {
            chars_of(&n.to_string(), counts, -1);
        }
    }
}

/// Subtract every character the model holds for `r`.
pub fn model_chars(r: &Resolution, counts: &mut BTreeMap<char, i64>) {
    let notes = |n: &[resdiff::model::FootnoteMark], counts: &mut BTreeMap<char, i64>| {
        for x in n {
            chars_of(&x.to_string(), counts, -1);
        }
    };
    if let Some(a) = r.action {
        chars_of(a.as_str(), counts, -1);
    }
    chars_of(&r.header.text, counts, -1);
    notes(&r.header.notes, counts);
    chars_of(&r.title.text, counts, -1);
    notes(&r.title.notes, counts);
    if let Some(h) = &r.history {
        chars_of(&h.text, counts, -1);
        notes(&h.notes, counts);
    }
    if let Some(a) = &r.assembly {
        chars_of(&a.text, counts, -1);
        notes(&a.notes, counts);
    }
    for s in &r.sections {
        chars_of(&s.heading, counts, -1);
        notes(&s.notes, counts);
        if let Some(i) = &s.intro {
            chars_of(&i.text, counts, -1);
            notes(&i.notes, counts);
        }
        for c in &s.clauses {
            clause_chars(c, counts);
        }
    }
    for a in &r.annexes {
        chars_of(&a.name, counts, -1);
        if let Some(c) = &a.caption {
            chars_of(&c.text, counts, -1);
            notes(&c.notes, counts);
        }
        if let Some(t) = &a.title {
            chars_of(&t.text, counts, -1);
            notes(&t.notes, counts);
        }
        for p in &a.paragraphs {
            clause_chars(p, counts);
        }
    }
    for f in &r.footnotes {
        chars_of(f.mark.as_str(), counts, -1);
        chars_of(&f.text, counts, -1);
    }
}

/// `[footnoteRef:1]` tags, the comma set between two references (`1, 1bis`,
/// read with the marks), and the `[1:` … `]` wrappers of inline bodies
/// (several may end a line; a body may hold brackets of its own).
pub fn strip_word_footnote_syntax(line: &str) -> String {
    let mut s = line.to_string();
    let between = regex::Regex::new(r"(\[footnoteRef:\d+\][^\[\s,，]*) *[,，] *(\[footnoteRef:)")
        .expect("pattern");
    while between.is_match(&s) {
        s = between.replace_all(&s, "$1$2").into_owned();
    }
    while let Some(i) = s.find("[footnoteRef:") {
        let Some(j) = s[i..].find(']') else { break };
        s.replace_range(i..i + j + 1, "");
    }
    let mut from = 0;
    while let Some(off) = s[from..].find(" [") {
        let i = from + off;
        let tail = &s[i + 2..];
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !tail[digits..].starts_with(':') {
            from = i + 2;
            continue;
        }
        let mut depth = 0usize;
        let close = s[i + 1..].char_indices().find_map(|(k, c)| {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1 + k);
                    }
                }
                _ => {}
            }
            None
        });
        let Some(close) = close else { break };
        s.replace_range(close..close + 1, "");
        s.replace_range(i..i + 2 + digits + 1, "");
        from = i;
    }
    s
}

/// Take off the characters of footnote bodies no resolution owns (front
/// matter, tables): the model holds them among the normalizer's footnotes.
fn unowned_footnote_chars(
    doc: &resdiff::model::Document,
    norm: &resdiff::normalize::Normalized,
    counts: &mut BTreeMap<char, i64>,
) {
    for f in &norm.footnotes {
        let owned = doc
            .resolutions
            .iter()
            .any(|r| r.footnotes.iter().any(|g| g.span == f.span));
        if !owned {
            chars_of(f.mark.as_str(), counts, -1);
            chars_of(&f.text, counts, -1);
        }
    }
}

/// Count the characters of every source line, less the artifacts the
/// normalizer took out of it and Word footnote syntax.
fn source_chars(
    src: &resdiff::ingest::SourceText,
    norm: &resdiff::normalize::Normalized,
    counts: &mut BTreeMap<char, i64>,
) {
    for (i, line) in src.text.split('\n').enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut line = line.to_string();
        for a in norm.artifacts.iter().filter(|a| a.line == n) {
            line = line.replacen(&a.text, "", 1);
        }
        chars_of(&strip_word_footnote_syntax(&line), counts, 1);
    }
}

/// Characters of `text` (decoded as a file would be) that the parsed model
/// does not hold: not in a resolution, an other block or an unowned
/// footnote body, and not a removed page artifact. Counted per character;
/// empty when nothing was lost. A text that cannot be decoded is an error:
/// nothing can be said about it.
pub fn lost_chars(text: &str) -> Result<BTreeMap<char, i64>, resdiff::Error> {
    let src = resdiff::ingest::decode("t.txt", text.as_bytes(), &Default::default())?;
    let norm = resdiff::normalize::normalize(&src);
    let doc = resdiff::parse::parse_document(&src, &norm, &Default::default());
    let mut counts = BTreeMap::new();
    source_chars(&src, &norm, &mut counts);
    for r in &doc.resolutions {
        model_chars(r, &mut counts);
    }
    for b in &doc.other_blocks {
        for p in &b.paragraphs {
            chars_of(&p.text, &mut counts, -1);
            for x in &p.notes {
                chars_of(&x.to_string(), &mut counts, -1);
            }
        }
    }
    // Footnote bodies outside every resolution (front matter, tables).
    unowned_footnote_chars(&doc, &norm, &mut counts);
    counts.retain(|_, v| *v > 0);
    Ok(counts)
}

/// [`lost_chars`] over a whole edition folder: characters of its files that
/// the edition, loaded as the commands load it, does not hold anywhere (a
/// resolution of any file, an other block, an unowned footnote body, a
/// diagnostic, a removed page artifact).
pub fn lost_chars_in_edition(dir: &Path) -> BTreeMap<char, i64> {
    let corpus =
        resdiff::corpus::load(dir, &corpus::LoadOptions::default()).expect("edition loads");
    let mut counts = BTreeMap::new();
    let mut quoted = BTreeMap::new();
    for doc in &corpus.documents {
        let src = resdiff::ingest::read_file(Path::new(&doc.path), &Default::default())
            .expect("file reads");
        let lang = doc.language.table().unwrap_or(&resdiff::lang::ZH);
        let norm = resdiff::normalize::normalize_with(&src, lang);
        source_chars(&src, &norm, &mut counts);
        unowned_footnote_chars(doc, &norm, &mut counts);
        for d in &doc.diagnostics {
            chars_of(&d.message, &mut quoted, 1);
        }
    }
    for doc in &corpus.documents {
        for r in &doc.resolutions {
            model_chars(r, &mut counts);
        }
        for b in &doc.other_blocks {
            for p in &b.paragraphs {
                chars_of(&p.text, &mut counts, -1);
                for x in &p.notes {
                    chars_of(&x.to_string(), &mut counts, -1);
                }
            }
        }
    }
    counts.retain(|c, v| *v > quoted.get(c).copied().unwrap_or(0));
    counts
}
