//! The edition diff as a Markdown change report a secretariat could
//! circulate: a summary table with ITU action words, then per resolution the
//! changed clauses with ~~deleted~~ and **inserted** text.

use super::diff_common::{action_word, display_id, kind_word, match_words, place};
use super::markdown::{escape as esc, mark};
use crate::model::{Change, DiffReport, InlineTag, ResolutionStatus};
use std::io::{self, Write};

/// Write the report as Markdown.
pub fn write_diff_markdown<W: Write>(out: &mut W, report: &DiffReport) -> io::Result<()> {
    writeln!(
        out,
        "# Changes from {} to {}\n",
        esc(&report.old_name),
        esc(&report.new_name)
    )?;
    for n in &report.notes {
        writeln!(out, "> {}\n", esc(n))?;
    }
    if report.editorial_hidden {
        writeln!(out, "> Editorial changes are not shown.\n")?;
    }
    let s = report.summary();
    writeln!(
        out,
        "ADD {} · SUP {} · MOD {} (of which (MOD) editorial only {}) · NOC {} · absent {}\n",
        s.added, s.removed, s.modified, s.editorial_only, s.unchanged, s.absent
    )?;
    let listed: Vec<_> = report
        .resolutions
        .iter()
        .filter(|r| r.status != ResolutionStatus::Absent)
        .collect();
    if !listed.is_empty() {
        writeln!(
            out,
            "| Resolution | Action | Title | Substantive | Editorial | Moved | Renumbered |"
        )?;
        writeln!(out, "|---|---|---|---:|---:|---:|---:|")?;
        for r in &listed {
            let n = r.counts;
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                esc(&display_id(r)),
                action_word(r),
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
        writeln!(
            out,
            "Not compared (outside a partial edition): {}\n",
            esc(&absent.join(", "))
        )?;
    }
    for r in &listed {
        if r.header_changes.is_empty() && r.changes.is_empty() {
            continue;
        }
        writeln!(
            out,
            "## {} Resolution {} — {}\n",
            action_word(r),
            esc(&display_id(r)),
            esc(&r.title)
        )?;
        if let Some(m) = &r.match_how {
            writeln!(out, "*Matched: {}.*\n", esc(&match_words(m)))?;
        }
        for c in r.header_changes.iter().chain(&r.changes) {
            write_change(out, c)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_change<W: Write>(out: &mut W, c: &Change) -> io::Result<()> {
    let mut tag = kind_word(c).to_string();
    if c.editorial {
        tag.push_str(", editorial");
    }
    let body = if !c.inline.is_empty() {
        c.inline
            .iter()
            .map(|o| match o.op {
                InlineTag::Equal => esc(&o.text),
                InlineTag::Delete => mark(&o.text, "~~", "del"),
                InlineTag::Insert => mark(&o.text, "**", "ins"),
            })
            .collect::<String>()
    } else {
        match (&c.old_text, &c.new_text) {
            (Some(_), Some(n)) => esc(&crate::text::preview(n, 40)),
            (Some(o), None) => mark(o, "~~", "del"),
            (None, Some(n)) => mark(n, "**", "ins"),
            (None, None) => String::new(),
        }
    };
    writeln!(out, "- **{}** ({tag}): {body}", esc(&place(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_fall_back_to_html_next_to_punctuation() {
        assert_eq!(mark("它", "~~", "del"), "~~它~~");
        assert_eq!(mark("（GSS）", "~~", "del"), "<del>（GSS）</del>");
        assert_eq!(mark("a*b", "**", "ins"), "**a\\*b**");
    }
}
