//! A resolution continued in the next file of an edition: a file that opens
//! with clauses or a section heading and no header carries the rest of the
//! resolution that ends the file before it. When the edition's file order
//! makes that unambiguous (the file before ends with a resolution whose
//! body is still open, not in an annex), the text joins that resolution;
//! otherwise it stays among the other blocks with a warning, never dropped
//! in silence.

use super::body::{SectionParser, read_heading};
use super::labels::read_label;
use crate::lang::Lang;
use crate::model::{Diagnostic, Document, OtherBlock, Section, Severity};
use crate::normalize::{NOTE_END, NOTE_START, Para};

/// Kinds of the other block that holds a file's text before its first
/// resolution.
const LEADING_KINDS: [&str; 2] = ["front matter", "text without resolutions"];

/// Join every file's leading resolution text to the resolution it
/// continues, or warn about it. `documents` are in the edition's order.
pub fn join_continuations(documents: &mut [Document]) {
    for k in 0..documents.len() {
        let doc = &documents[k];
        let Some(lang) = doc.language.table() else {
            continue;
        };
        let Some(b) = doc
            .other_blocks
            .iter()
            .position(|b| LEADING_KINDS.contains(&b.kind.as_str()))
            .filter(|&b| continues_a_resolution(&doc.other_blocks[b], lang))
        else {
            continue;
        };
        let line = doc.other_blocks[b].span.first_line;
        let target = k
            .checked_sub(1)
            .and_then(|j| documents[j].resolutions.last().map(|r| (j, r)))
            .filter(|(_, r)| r.annexes.is_empty())
            .map(|(j, r)| (j, r.id.clone(), documents[j].path.clone()));
        let Some((j, id, path)) = target else {
            documents[k].diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                line,
                message: "the file opens with resolution text (clauses or a section heading) but no header, and no resolution of the file before it in the edition can be continued; not compared".into(),
            });
            continue;
        };
        let block = documents[k].other_blocks.remove(b);
        let (sections, diags) = read_sections(&block, lang);
        documents[k].diagnostics.extend(diags);
        documents[k].diagnostics.push(Diagnostic {
            severity: Severity::Note,
            line,
            message: format!(
                "the file opens with resolution text but no header: read as the rest of resolution {id} of {path}"
            ),
        });
        let Some(r) = documents[j].resolutions.last_mut() else {
            continue;
        };
        append_sections(&mut r.sections, sections);
        // The operative part it seemed to lack was in the next file.
        if r.sections.iter().any(|s| s.kind.is_operative()) {
            let stale = super::cut_short_message(&r.id, lang);
            documents[j].diagnostics.retain(|d| d.message != stale);
        }
    }
}

/// Whether a leading block reads as the middle of a resolution: its first
/// paragraph is a clause or a section heading.
fn continues_a_resolution(block: &OtherBlock, lang: &Lang) -> bool {
    block.paragraphs.first().is_some_and(|p| {
        read_label(&p.text, lang).is_some() || read_heading(&p.text, lang).is_some()
    })
}

/// The block's paragraphs read as sections, footnote references put back
/// in the text where the section parser finds them.
fn read_sections(block: &OtherBlock, lang: &Lang) -> (Vec<Section>, Vec<Diagnostic>) {
    let mut sp = SectionParser::new(lang);
    for t in &block.paragraphs {
        let mut text = t.text.clone();
        for n in &t.notes {
            text.push(NOTE_START);
            text.push_str(&n.to_string());
            text.push(NOTE_END);
        }
        sp.push(&Para {
            text,
            span: t.span,
            page_start: false,
            tab_after_first_token: false,
        });
    }
    sp.finish()
}

/// Add the sections read from a continuation to a resolution: a first
/// section without a heading carries on the resolution's last section.
fn append_sections(into: &mut Vec<Section>, sections: Vec<Section>) {
    let mut sections = sections.into_iter().peekable();
    if let Some(last) = into.last_mut()
        && sections.peek().is_some_and(|s| s.heading.is_empty())
        && let Some(first) = sections.next()
    {
        if let Some(intro) = first.intro {
            last.clauses.push(crate::model::Clause {
                label: None,
                text: intro.text,
                notes: intro.notes,
                children: Vec::new(),
                span: intro.span,
            });
        }
        // Spans stay those of the file each part was read from.
        last.clauses.extend(first.clauses);
    }
    into.extend(sections);
}
