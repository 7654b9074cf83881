//! The outline printed by `resdiff parse`, and the model as JSON.

use crate::model::{Clause, Document, DocumentClass, FootnoteMark, Resolution};
use crate::text::preview;
use std::io::{self, Write};

/// Characters of each clause shown in the outline.
const PREVIEW_CHARS: usize = 24;

/// Write an indented outline of the documents.
pub fn write_outline<W: Write>(out: &mut W, docs: &[&Document]) -> io::Result<()> {
    for d in docs {
        let class = match d.class {
            DocumentClass::ResolutionText => "resolution text",
            DocumentClass::SummaryReport => "summary report",
            DocumentClass::Other => "no resolution text",
        };
        writeln!(
            out,
            "{}  [{class}; {} layout; {}; {}]  {} resolution(s)",
            d.path,
            format!("{:?}", d.layout).to_lowercase(),
            d.encoding.encoding,
            d.language
                .table()
                .map_or_else(|| d.language.tag.clone(), |l| l.name.to_string()),
            d.resolutions.len()
        )?;
        for r in &d.resolutions {
            write_resolution(out, r)?;
        }
        for b in &d.other_blocks {
            writeln!(
                out,
                "  (not resolution text: {}, lines {}–{}, {} paragraph(s))",
                b.kind,
                b.span.first_line,
                b.span.last_line,
                b.paragraphs.len()
            )?;
        }
        if let Some(rep) = &d.report {
            writeln!(
                out,
                "  report: {} new, {} revised, {} suppressed, {} status rows, {} excerpts",
                rep.new_resolutions.len(),
                rep.revised.len(),
                rep.suppressed.len(),
                rep.status_table.len(),
                rep.excerpts.len()
            )?;
        }
    }
    Ok(())
}

fn notes_suffix(notes: &[FootnoteMark]) -> String {
    if notes.is_empty() {
        String::new()
    } else {
        let n: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
        format!(" [fn {}]", n.join(","))
    }
}

/// Write the outline of one resolution.
pub fn write_resolution<W: Write>(out: &mut W, r: &Resolution) -> io::Result<()> {
    let action = r.action.map_or("—", |a| a.as_str());
    writeln!(
        out,
        "{action} {}  (lines {}–{})",
        r.header.text, r.span.first_line, r.span.last_line
    )?;
    writeln!(
        out,
        "  title: {}{}",
        r.title.text,
        notes_suffix(&r.title.notes)
    )?;
    if let Some(h) = &r.history {
        writeln!(
            out,
            "  history: {} item(s){}",
            h.items.len(),
            notes_suffix(&h.notes)
        )?;
    }
    for s in &r.sections {
        let addr = s
            .addressee
            .as_deref()
            .map_or(String::new(), |a| format!(" → {a}"));
        let heading = if s.heading.is_empty() {
            "(body)"
        } else {
            &s.heading
        };
        writeln!(
            out,
            "  § {heading}  [{}{addr}]  l.{}",
            s.kind_name(),
            s.span.first_line
        )?;
        if let Some(i) = &s.intro {
            writeln!(out, "      intro: {}", preview(&i.text, PREVIEW_CHARS))?;
        }
        for c in &s.clauses {
            write_clause(out, c, 2)?;
        }
    }
    for a in &r.annexes {
        let title = a.title.as_ref().map_or("", |t| t.text.as_str());
        writeln!(
            out,
            "  {} {}  ({} paragraph(s), l.{}){}",
            a.name,
            title,
            a.paragraphs.len(),
            a.span.first_line,
            a.caption
                .as_ref()
                .map_or(String::new(), |c| format!("  caption {}", c.text))
        )?;
        for p in &a.paragraphs {
            write_clause(out, p, 2)?;
        }
    }
    if !r.footnotes.is_empty() {
        let f: Vec<String> = r
            .footnotes
            .iter()
            .map(|f| format!("{}@{}", f.mark, f.span.first_line))
            .collect();
        writeln!(out, "  footnotes: {}", f.join(" "))?;
    }
    Ok(())
}

/// A clause and its sub-clauses, each indented one step more than its
/// parent from `depth`.
fn write_clause<W: Write>(out: &mut W, c: &Clause, depth: usize) -> io::Result<()> {
    for (below, c) in c.descendants_with_depth() {
        let label = c.label.as_ref().map_or("¶", |l| l.raw.as_str());
        writeln!(
            out,
            "{:indent$}{label} {}{}",
            "",
            preview(&c.text, PREVIEW_CHARS),
            notes_suffix(&c.notes),
            indent = (depth + below) * 2
        )?;
    }
    Ok(())
}

/// The parse model as JSON: its envelope.
#[derive(serde::Serialize)]
struct ParseJson<'a> {
    schema_version: u32,
    documents: &'a [&'a Document],
}

/// Write the documents as JSON, streamed: no copy of the model is built
/// (a `serde_json::Value` of a large text takes several times its size).
/// Keys come in the order of the model's fields, as documented.
pub fn write_json<W: Write>(out: &mut W, docs: &[&Document]) -> io::Result<()> {
    let v = ParseJson {
        schema_version: crate::model::PARSE_SCHEMA_VERSION,
        documents: docs,
    };
    serde_json::to_writer_pretty(&mut *out, &v)?;
    writeln!(out)
}
