//! The edition diff for the terminal, like `git diff --word-diff`: deleted
//! text `[-so-]` and inserted text `{+so+}` without colour, red and green
//! with it. Colour is decided by the caller.

use super::diff_common::{
    action_word, display_id, kind_label, match_label, note_text, place_label, same_place_label,
};
use super::diff_full::{Editions, Piece, Same, pieces, sides};
use super::paint::{Painter, Tone};
use crate::lang::{Lang, ReportWords};
use crate::model::{Change, ChangeCounts, DiffReport, InlineTag, ResolutionStatus};

/// `template` with each `{name}` replaced by its count.
fn fill(template: &str, counts: &[(&str, usize)]) -> String {
    let mut s = template.to_string();
    for (name, n) in counts {
        s = s.replace(&format!("{{{name}}}"), &n.to_string());
    }
    s
}

fn class_counts(template: &str, n: ChangeCounts) -> String {
    fill(
        template,
        &[
            ("substantive", n.substantive),
            ("editorial", n.editorial),
            ("moved", n.moved),
            ("renumbered", n.renumbered),
        ],
    )
}
use std::io::{self, Write};

/// Write the report for a terminal; `color` turns on colours.
pub fn write_diff_text<W: Write>(out: &mut W, report: &DiffReport, color: bool) -> io::Result<()> {
    write_diff_text_with(out, report, color, None)
}

/// [`write_diff_text`], with each compared resolution shown in full
/// (`--full`: unchanged paragraphs in place between the changes) when the
/// editions are given.
pub fn write_diff_text_with<W: Write>(
    out: &mut W,
    report: &DiffReport,
    color: bool,
    full: Option<&Editions>,
) -> io::Result<()> {
    let st = Painter::new(color);
    let lang = Lang::for_tag(&report.lang);
    let w = lang.report;
    writeln!(
        out,
        "{}",
        st.paint(
            Tone::Heading,
            &format!("resdiff: {} → {}", report.old_name, report.new_name)
        )
    )?;
    for n in &report.notes {
        writeln!(out, "{}{}{}", w.note, w.colon, note_text(n, w))?;
    }
    let mut quiet: Vec<(&str, Vec<String>)> =
        vec![(w.unchanged_list, Vec::new()), (w.absent_list, Vec::new())];
    for r in &report.resolutions {
        let whole = full
            .filter(|_| r.verdict.shown_in_full(true))
            .and_then(|eds| sides(r, eds));
        match r.status {
            ResolutionStatus::Unchanged if whole.is_none() => {
                quiet[0].1.push(display_id(r));
                continue;
            }
            ResolutionStatus::Absent => {
                quiet[1].1.push(display_id(r));
                continue;
            }
            _ => {}
        }
        writeln!(out)?;
        let head = format!("{} {} {}", action_word(r), display_id(r), r.title);
        writeln!(out, "{}", st.paint(Tone::Heading, &head))?;
        if let Some(m) = &r.match_how {
            writeln!(
                out,
                "  {}",
                st.paint(
                    Tone::Dim,
                    &format!("{}{}{}", w.matched, w.colon, match_label(m, w))
                )
            )?;
        }
        if r.counts.total() > 0 {
            let line = format!(
                "{}{}{}",
                w.changes,
                w.colon,
                class_counts(w.class_counts, r.counts)
            );
            writeln!(out, "  {}", st.paint(Tone::Dim, &line))?;
        }
        if let Some((old, new)) = whole {
            for p in pieces(r, old, new, lang) {
                match p {
                    Piece::Change(c) => write_change(out, c, &st, w, true)?,
                    Piece::Same(s) => write_same(out, &s, w)?,
                }
            }
            continue;
        }
        for c in r.header_changes.iter().chain(&r.changes) {
            write_change(out, c, &st, w, false)?;
        }
    }
    writeln!(out)?;
    for (what, ids) in quiet {
        if !ids.is_empty() {
            writeln!(out, "{what}{}{}", w.colon, ids.join(w.separator))?;
        }
    }
    let s = report.summary();
    let counts = fill(
        w.summary_counts,
        &[
            ("added", s.added),
            ("removed", s.removed),
            ("modified", s.modified),
            ("editorial_only", s.editorial_only),
            ("unchanged", s.unchanged),
            ("absent", s.absent),
            ("c_added", s.changes_added),
            ("c_removed", s.changes_removed),
            ("c_modified", s.changes_modified),
            ("c_moved", s.changes_moved),
            ("c_renumbered", s.changes_renumbered),
            ("c_editorial", s.changes_editorial),
        ],
    );
    writeln!(
        out,
        "{}{}{}",
        w.summary,
        w.colon,
        class_counts(&counts, s.classes)
    )
}

/// An unchanged paragraph of a resolution shown in full: its place and
/// its text, without a change tag.
fn write_same<W: Write>(out: &mut W, s: &Same, w: &ReportWords) -> io::Result<()> {
    writeln!(out, "  {}", same_place_label(s, w))?;
    writeln!(out, "    {}", s.text)
}

/// One change; `whole` (a resolution shown in full) gives the whole text
/// of a clause that moved or was renumbered unchanged, not a preview.
fn write_change<W: Write>(
    out: &mut W,
    c: &Change,
    st: &Painter,
    w: &ReportWords,
    whole: bool,
) -> io::Result<()> {
    let tag = if c.editorial {
        let (open, close) = w.parens;
        format!("{}{open}{}{close}", kind_label(c, w), w.editorial)
    } else {
        kind_label(c, w).to_string()
    };
    writeln!(out, "  {}  {tag}", place_label(c, w))?;
    let body = if !c.inline.is_empty() {
        let mut s = String::new();
        for op in &c.inline {
            s.push_str(&match (op.op, st.is_on()) {
                (InlineTag::Equal, _) => op.text.clone(),
                (InlineTag::Delete, true) => st.paint(Tone::Deleted, &op.text),
                (InlineTag::Insert, true) => st.paint(Tone::Inserted, &op.text),
                (InlineTag::Delete, false) => format!("[-{}-]", op.text),
                (InlineTag::Insert, false) => format!("{{+{}+}}", op.text),
            });
        }
        Some(s)
    } else {
        match (&c.old_text, &c.new_text) {
            // Unchanged text of a renumbered or moved clause: enough to
            // recognise it.
            (Some(_), Some(n)) if whole => Some(st.paint(Tone::Dim, n)),
            (Some(_), Some(n)) => Some(st.paint(Tone::Dim, &crate::text::preview(n, 40))),
            (Some(o), None) if st.is_on() => Some(st.paint(Tone::Deleted, o)),
            (Some(o), None) => Some(format!("[-{o}-]")),
            (None, Some(n)) if st.is_on() => Some(st.paint(Tone::Inserted, n)),
            (None, Some(n)) => Some(format!("{{+{n}+}}")),
            (None, None) => None,
        }
    };
    if let Some(b) = body {
        writeln!(out, "    {b}")?;
    }
    Ok(())
}
