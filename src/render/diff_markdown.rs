//! The edition diff as a Markdown change report a secretariat could
//! circulate, in the language of the texts: a summary with ITU marks and
//! counts by class, then per resolution the changes with `<del>deleted</del>`
//! and `<ins>inserted</ins>` text (struck through and underlined by common
//! renderers) and their source lines.

use super::diff_common::{
    action_word, display_id, kind_label, lines_label, match_label, note_text, place_label,
    same_lines_label, same_place_label, verdict_label,
};
use super::diff_full::{Editions, Piece, Same, pieces, sides};
use super::markdown::escape as esc;
use crate::lang::{Lang, ReportWords};
use crate::model::{Change, ChangeUnit, DiffReport, InlineTag, ResolutionStatus, Verdict};
use std::io::{self, Write};

/// `text` marked as deleted or inserted. One convention for every change:
/// the HTML elements, which Markdown renderers pass through and show as
/// strike-through and underline, whatever characters surround them.
fn mark(text: &str, tag: &str) -> String {
    format!("<{tag}>{}</{tag}>", esc(text))
}

/// Write the report as Markdown.
pub fn write_diff_markdown<W: Write>(out: &mut W, report: &DiffReport) -> io::Result<()> {
    write_diff_markdown_with(out, report, None)
}

/// [`write_diff_markdown`], with each compared resolution shown in full
/// (`--full`: unchanged paragraphs in place between the changes) when the
/// editions are given.
pub fn write_diff_markdown_with<W: Write>(
    out: &mut W,
    report: &DiffReport,
    full: Option<&Editions>,
) -> io::Result<()> {
    let lang = Lang::for_tag(&report.lang);
    let w = lang.report;
    let title = w
        .title
        .replace("{old}", &esc(&report.old_name))
        .replace("{new}", &esc(&report.new_name));
    writeln!(out, "# {title}\n")?;
    for n in &report.notes {
        writeln!(out, "> {}\n", esc(&note_text(n, w)))?;
    }
    if report.editorial_hidden {
        writeln!(out, "> {}\n", w.editorial_hidden)?;
    }
    if report.renumbering_hidden {
        writeln!(out, "> {}\n", w.renumbering_hidden)?;
    }
    let counts: Vec<String> = [
        Verdict::Mod,
        Verdict::ModEditorial,
        Verdict::Noc,
        Verdict::Add,
        Verdict::Sup,
        Verdict::Absent,
    ]
    .into_iter()
    .map(|v| {
        let n = report.resolutions.iter().filter(|r| r.verdict == v).count();
        let (open, close) = w.parens;
        format!("{} {n}{open}{}{close}", v.mark(), verdict_label(v, w))
    })
    .collect();
    let s = report.summary().classes;
    writeln!(
        out,
        "{}{}{}{}{}{}{} {}{}{} {}{}{} {}{}{} {}\n",
        w.summary,
        w.colon,
        counts.join(" · "),
        w.full_stop,
        w.changes,
        w.colon,
        w.class_substantive,
        s.substantive,
        w.separator,
        w.class_editorial,
        s.editorial,
        w.separator,
        w.moved,
        s.moved,
        w.separator,
        w.renumbered,
        s.renumbered
    )?;
    let listed: Vec<_> = report
        .resolutions
        .iter()
        .filter(|r| r.status != ResolutionStatus::Absent)
        .collect();
    if !listed.is_empty() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            w.col_resolution,
            w.col_mark,
            w.col_title,
            w.class_substantive,
            w.class_editorial,
            w.moved,
            w.renumbered
        )?;
        writeln!(out, "|---|---|---|---:|---:|---:|---:|")?;
        for r in &listed {
            let n = r.counts;
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                esc(&display_id(r)),
                esc(action_word(r)),
                esc(&r.title),
                n.substantive,
                n.editorial,
                n.moved,
                n.renumbered
            )?;
        }
        writeln!(out)?;
    }
    let absent: Vec<String> = report
        .resolutions
        .iter()
        .filter(|r| r.status == ResolutionStatus::Absent)
        .map(display_id)
        .collect();
    if !absent.is_empty() {
        let list = esc(&absent.join(w.separator));
        writeln!(out, "{}{}{list}\n", w.not_compared, w.colon)?;
    }
    for r in &listed {
        let whole = full
            .filter(|_| r.verdict.shown_in_full(true))
            .and_then(|eds| sides(r, eds));
        if r.header_changes.is_empty() && r.changes.is_empty() && whole.is_none() {
            continue;
        }
        writeln!(
            out,
            "## {} {} — {}\n",
            esc(action_word(r)),
            esc(&display_id(r)),
            esc(&r.title)
        )?;
        if let Some(m) = &r.match_how {
            let how = esc(&match_label(m, w));
            writeln!(out, "*{}{}{how}*\n", w.matched, w.colon)?;
        }
        if let Some((old, new)) = whole {
            for p in pieces(r, old, new, lang) {
                match p {
                    Piece::Change(c) => write_change(out, c, w, true)?,
                    Piece::Same(s) => write_same(out, &s, w)?,
                }
            }
        } else {
            for c in r.header_changes.iter().chain(&r.changes) {
                write_change(out, c, w, false)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// An unchanged paragraph of a resolution shown in full: place, text and
/// line, without a change tag.
fn write_same<W: Write>(out: &mut W, s: &Same, w: &ReportWords) -> io::Result<()> {
    // An unchanged section heading reads as a heading of the document.
    if s.unit == ChangeUnit::Heading {
        return writeln!(out, "\n### {}\n", esc(s.text));
    }
    writeln!(
        out,
        "- **{}**{}{} <sub>{}</sub>",
        esc(&same_place_label(s, w)),
        w.colon,
        esc(s.text),
        same_lines_label(s, w)
    )
}

/// One change; `whole` (a resolution shown in full) gives the whole text
/// of a clause that moved or was renumbered unchanged, not a preview.
fn write_change<W: Write>(out: &mut W, c: &Change, w: &ReportWords, whole: bool) -> io::Result<()> {
    let mut tag = kind_label(c, w).to_string();
    if c.editorial {
        tag.push_str(w.separator);
        tag.push_str(w.editorial);
    }
    let body = if !c.inline.is_empty() {
        c.inline
            .iter()
            .map(|o| match o.op {
                InlineTag::Equal => esc(&o.text),
                InlineTag::Delete => mark(&o.text, "del"),
                InlineTag::Insert => mark(&o.text, "ins"),
            })
            .collect::<String>()
    } else {
        match (&c.old_text, &c.new_text) {
            (Some(_), Some(n)) if whole => esc(n),
            (Some(_), Some(n)) => esc(&crate::text::preview(n, 40)),
            (Some(o), None) => mark(o, "del"),
            (None, Some(n)) => mark(n, "ins"),
            (None, None) => String::new(),
        }
    };
    let (open, close) = w.parens;
    writeln!(
        out,
        "- **{}**{open}{tag}{close}{}{body} <sub>{}</sub>",
        esc(&place_label(c, w)),
        w.colon,
        lines_label(c, w)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mark_convention_whatever_the_neighbours() {
        assert_eq!(mark("它", "del"), "<del>它</del>");
        assert_eq!(mark("（GSS）", "del"), "<del>（GSS）</del>");
        assert_eq!(mark("a*b<i>", "ins"), "<ins>a\\*b\\<i\\></ins>");
    }
}
