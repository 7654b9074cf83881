//! Helpers shared by the integration tests: paths of the shipped texts and
//! loading them through the library.
#![allow(dead_code)] // each test binary uses a different subset

use resdiff::corpus::{self, LoadOptions};
use resdiff::model::{Clause, Document, Resolution};
use std::path::{Path, PathBuf};

/// Root of the crate.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

/// Every clause of a list, depth first.
pub fn walk<'a>(clauses: &'a [Clause], out: &mut Vec<&'a Clause>) {
    for c in clauses {
        out.push(c);
        walk(&c.children, out);
    }
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
        let mut all = Vec::new();
        walk(&s.clauses, &mut all);
        for c in all {
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
        for p in &a.paragraphs {
            out.push((
                format!("{} paragraph l.{}", a.name, p.span.first_line),
                p.text.clone(),
            ));
        }
    }
    for f in &r.footnotes {
        out.push((format!("footnote {}", f.number), f.text.clone()));
    }
    out
}
