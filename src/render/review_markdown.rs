//! Markdown rendering of review findings: a summary table of rules, then the
//! findings grouped by resolution, quotes with the offending part in bold and
//! inline differences as ~~deleted~~ / **inserted**.

use super::markdown::{escape as esc, mark};
use super::review_text::{group_title, grouped};
use crate::model::{Finding, InlineTag};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Escape a message of ours: its backtick code spans are kept (brackets and
/// the like inside them need no escape), other markup characters escaped.
fn esc_message(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '<' | '>' | '|' | '~' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Write the findings as a Markdown report.
pub fn write_markdown<W: Write>(
    out: &mut W,
    edition: &str,
    findings: &[Finding],
) -> io::Result<()> {
    let (e, w, i) = crate::review::counts(findings);
    writeln!(out, "# Review of {}", esc(edition))?;
    writeln!(out)?;
    writeln!(
        out,
        "{} finding{}: {e} error{}, {w} warning{}, {i} info.",
        findings.len(),
        plural(findings.len()),
        plural(e),
        plural(w)
    )?;
    writeln!(out)?;
    let mut rules: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in findings {
        *rules.entry((&f.rule, f.severity.as_str())).or_default() += 1;
    }
    if !rules.is_empty() {
        writeln!(out, "| rule | severity | findings |")?;
        writeln!(out, "|---|---|---:|")?;
        for ((rule, sev), n) in &rules {
            writeln!(out, "| `{rule}` | {sev} | {n} |")?;
        }
        writeln!(out)?;
    }
    for (g, group) in grouped(findings) {
        writeln!(out, "## {}", esc(&group_title(&g)))?;
        writeln!(out)?;
        for f in group {
            writeln!(
                out,
                "- **{}** `{}` — `{}:{}` — {}",
                f.severity.as_str(),
                f.rule,
                f.file,
                f.line,
                esc_message(&f.message)
            )?;
            if !f.diff.is_empty() {
                let mut line = String::new();
                for seg in &f.diff {
                    match seg.op {
                        InlineTag::Equal => line.push_str(&esc(&seg.text)),
                        InlineTag::Delete => line.push_str(&mark(&seg.text, "~~", "del")),
                        InlineTag::Insert => line.push_str(&mark(&seg.text, "**", "ins")),
                    }
                }
                writeln!(out, "  - diff (~~edition text~~ → **report**): {line}")?;
            } else if let Some(x) = &f.excerpt {
                let marked = if x.marked.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", esc(&x.marked))
                };
                writeln!(out, "  > {}{marked}{}", esc(&x.before), esc(&x.after))?;
            }
            let words = crate::lang::EN.report;
            if let Some(fix) = &f.suggestion {
                writeln!(
                    out,
                    "  - {}: {}",
                    words.review_suggestion,
                    mark(fix, "**", "b")
                )?;
            }
            for a in &f.also {
                writeln!(
                    out,
                    "  - {} `{}`: {}",
                    words.review_also,
                    a.rule,
                    esc_message(&a.message)
                )?;
            }
            for r in &f.related {
                writeln!(out, "  - see `{}:{}` ({})", r.file, r.line, esc(&r.label))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingSeverity, MarkedText, Span};

    #[test]
    fn escapes_brackets_and_bolds_the_marked_part() {
        let f = Finding {
            rule: "bracket.unresolved".into(),
            severity: FindingSeverity::Warning,
            resolution: Some("40".into()),
            file: "a.txt".into(),
            line: 3025,
            span: Span::new(3025, 3027),
            message: "editorial bracket `[本届全会]`".into(),
            excerpt: Some(MarkedText {
                before: "甲".into(),
                marked: "[本届全会]".into(),
                after: "乙".into(),
            }),
            diff: Vec::new(),
            related: Vec::new(),
            suggestion: None,
            also: Vec::new(),
            number: None,
            marked_range: None,
        };
        let mut out = Vec::new();
        write_markdown(&mut out, "wtsa-24", &[f]).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("## Resolution 40"));
        assert!(s.contains("> 甲**\\[本届全会\\]**乙"), "{s}");
        assert!(s.contains("| `bracket.unresolved` | warning | 1 |"));
    }

    #[test]
    fn suggestion_and_merged_rules_follow_the_quote() {
        let mut f = Finding::at_line(
            "citation.stale",
            FindingSeverity::Warning,
            "a.txt",
            7,
            Some("COM4/DPI".into()),
            "stale".into(),
        );
        f.number = Some(103);
        f.suggestion = Some("（2024年，新德里，修订版）".into());
        f.also.push(crate::model::AlsoFired {
            rule: "bracket.unresolved".into(),
            severity: FindingSeverity::Warning,
            message: "bracket `[x]`".into(),
        });
        let mut out = Vec::new();
        write_markdown(&mut out, "wtsa-24", &[f]).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("## Resolution 103 (COM4/DPI)"), "{s}");
        assert!(
            s.contains("  - suggestion: <b>（2024年，新德里，修订版）</b>"),
            "{s}"
        );
        assert!(
            s.contains("  - also `bracket.unresolved`: bracket `[x]`"),
            "{s}"
        );
    }
}
