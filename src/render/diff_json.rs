//! The edition diff as JSON: transport types built from the report, so that
//! the model can change without breaking users' scripts. Documented in
//! `docs/diff-json.md`; bump [`DIFF_SCHEMA_VERSION`] on any incompatible
//! change.

use crate::model::{
    Change, ChangeCounts, ChangeKind, ChangeUnit, DIFF_SCHEMA_VERSION, DiffReport, DiffSummary,
    InlineOp, InlineTag, Location, MatchHow, Note, ResolutionDiff, ResolutionStatus, Verdict,
};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    old: &'a str,
    new: &'a str,
    editorial_hidden: bool,
    renumbering_hidden: bool,
    notes: &'a [Note],
    summary: JsonSummary,
    resolutions: Each<'a, ResolutionDiff>,
}

/// A list of the report serialised item by item through its transport
/// type, so that no transport copy of the whole report is built first.
struct Each<'a, T>(&'a [T]);

impl Serialize for Each<'_, ResolutionDiff> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(resolution))
    }
}

impl Serialize for Each<'_, Change> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(change))
    }
}

impl Serialize for Each<'_, InlineOp> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|o| JsonInline {
            op: o.op,
            text: &o.text,
        }))
    }
}

#[derive(Serialize)]
struct JsonSummary {
    resolutions: JsonResolutionCounts,
    changes: JsonChangeCounts,
}

#[derive(Serialize)]
struct JsonResolutionCounts {
    added: usize,
    removed: usize,
    modified: usize,
    editorial_only: usize,
    unchanged: usize,
    absent: usize,
}

#[derive(Serialize)]
struct JsonChangeCounts {
    added: usize,
    removed: usize,
    modified: usize,
    moved: usize,
    renumbered: usize,
    editorial: usize,
    by_class: ChangeCounts,
}

#[derive(Serialize)]
struct JsonResolution<'a> {
    id: &'a str,
    aliases: &'a [String],
    title: &'a str,
    status: ResolutionStatus,
    verdict: Verdict,
    action: &'static str,
    counts: ChangeCounts,
    #[serde(rename = "match")]
    match_how: Option<&'a MatchHow>,
    old_location: Option<JsonLocation<'a>>,
    new_location: Option<JsonLocation<'a>>,
    header_changes: Each<'a, Change>,
    changes: Each<'a, Change>,
}

#[derive(Serialize)]
struct JsonLocation<'a> {
    file: &'a str,
    line: u32,
    lines: [u32; 2],
}

fn location(l: &Location) -> JsonLocation<'_> {
    JsonLocation {
        file: &l.file,
        line: l.line,
        lines: [l.span.first_line, l.span.last_line],
    }
}

#[derive(Serialize)]
struct JsonChange<'a> {
    kind: ChangeKind,
    unit: ChangeUnit,
    section: &'a str,
    old_section: Option<&'a str>,
    old_label: Option<&'a str>,
    new_label: Option<&'a str>,
    old_text: Option<&'a str>,
    new_text: Option<&'a str>,
    editorial: bool,
    inline: Each<'a, InlineOp>,
    old_lines: Option<[u32; 2]>,
    new_lines: Option<[u32; 2]>,
}

#[derive(Serialize)]
struct JsonInline<'a> {
    op: InlineTag,
    text: &'a str,
}

fn summary(s: DiffSummary) -> JsonSummary {
    JsonSummary {
        resolutions: JsonResolutionCounts {
            added: s.added,
            removed: s.removed,
            modified: s.modified,
            editorial_only: s.editorial_only,
            unchanged: s.unchanged,
            absent: s.absent,
        },
        changes: JsonChangeCounts {
            added: s.changes_added,
            removed: s.changes_removed,
            modified: s.changes_modified,
            moved: s.changes_moved,
            renumbered: s.changes_renumbered,
            editorial: s.changes_editorial,
            by_class: s.classes,
        },
    }
}

fn change(c: &Change) -> JsonChange<'_> {
    JsonChange {
        kind: c.kind,
        unit: c.unit,
        section: &c.section,
        old_section: c.old_section.as_deref(),
        old_label: c.old_label.as_deref(),
        new_label: c.new_label.as_deref(),
        old_text: c.old_text.as_deref(),
        new_text: c.new_text.as_deref(),
        editorial: c.editorial,
        inline: Each(&c.inline),
        old_lines: c.old_span.map(|s| [s.first_line, s.last_line]),
        new_lines: c.new_span.map(|s| [s.first_line, s.last_line]),
    }
}

fn resolution(r: &ResolutionDiff) -> JsonResolution<'_> {
    JsonResolution {
        id: &r.id,
        aliases: &r.aliases,
        title: &r.title,
        status: r.status,
        verdict: r.verdict,
        action: super::diff_common::action_word(r),
        counts: r.counts,
        match_how: r.match_how.as_ref(),
        old_location: r.old_location.as_ref().map(location),
        new_location: r.new_location.as_ref().map(location),
        header_changes: Each(&r.header_changes),
        changes: Each(&r.changes),
    }
}

/// Write the report as JSON (pretty-printed, one trailing newline).
pub fn write_diff_json<W: Write>(out: &mut W, report: &DiffReport) -> io::Result<()> {
    let j = JsonReport {
        schema_version: DIFF_SCHEMA_VERSION,
        old: &report.old_name,
        new: &report.new_name,
        editorial_hidden: report.editorial_hidden,
        renumbering_hidden: report.renumbering_hidden,
        notes: &report.notes,
        summary: summary(report.summary()),
        resolutions: Each(&report.resolutions),
    };
    // The serializer writes a few bytes at a time: gathered here, they
    // reach `out` (often a `dyn Write`) in pieces of a few thousand.
    let mut buf = io::BufWriter::with_capacity(8 * 1024, out);
    serde_json::to_writer_pretty(&mut buf, &j)?;
    writeln!(buf)?;
    buf.flush()
}
