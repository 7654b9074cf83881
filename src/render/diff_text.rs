//! The edition diff for the terminal, like `git diff --word-diff`: deleted
//! text `[-so-]` and inserted text `{+so+}` without colour, red and green
//! with it. Colour is decided by the caller.

use super::diff_common::{action_word, display_id, kind_word, match_words, place};
use super::paint::{Painter, Tone};
use crate::model::{Change, DiffReport, InlineTag, ResolutionStatus};
use std::io::{self, Write};

/// Write the report for a terminal; `color` turns on colours.
pub fn write_diff_text<W: Write>(out: &mut W, report: &DiffReport, color: bool) -> io::Result<()> {
    let st = Painter::new(color);
    writeln!(
        out,
        "{}",
        st.paint(
            Tone::Heading,
            &format!("resdiff: {} → {}", report.old_name, report.new_name)
        )
    )?;
    for n in &report.notes {
        writeln!(out, "note: {n}")?;
    }
    let mut quiet: Vec<(&str, Vec<String>)> =
        vec![("unchanged (NOC)", Vec::new()), ("absent", Vec::new())];
    for r in &report.resolutions {
        match r.status {
            ResolutionStatus::Unchanged => {
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
                st.paint(Tone::Dim, &format!("matched: {}", match_words(m)))
            )?;
        }
        if r.counts.total() > 0 {
            let n = r.counts;
            let line = format!(
                "changes: {} substantive, {} editorial, {} moved, {} renumbered",
                n.substantive, n.editorial, n.moved, n.renumbered
            );
            writeln!(out, "  {}", st.paint(Tone::Dim, &line))?;
        }
        for c in r.header_changes.iter().chain(&r.changes) {
            write_change(out, c, &st)?;
        }
    }
    writeln!(out)?;
    for (what, ids) in quiet {
        if !ids.is_empty() {
            writeln!(out, "{what}: {}", ids.join(", "))?;
        }
    }
    let s = report.summary();
    writeln!(
        out,
        "summary: {} added, {} removed, {} modified ({} editorial only), {} unchanged, {} absent; \
         changes: {} added, {} removed, {} modified, {} moved, {} renumbered ({} editorial); \
         by class: {} substantive, {} editorial, {} moved, {} renumbered",
        s.added,
        s.removed,
        s.modified,
        s.editorial_only,
        s.unchanged,
        s.absent,
        s.changes_added,
        s.changes_removed,
        s.changes_modified,
        s.changes_moved,
        s.changes_renumbered,
        s.changes_editorial,
        s.classes.substantive,
        s.classes.editorial,
        s.classes.moved,
        s.classes.renumbered,
    )
}

fn write_change<W: Write>(out: &mut W, c: &Change, st: &Painter) -> io::Result<()> {
    let tag = if c.editorial {
        format!("{} (editorial)", kind_word(c))
    } else {
        kind_word(c).to_string()
    };
    writeln!(out, "  {}  {tag}", place(c))?;
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
