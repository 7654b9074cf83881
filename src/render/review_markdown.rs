//! Markdown rendering of review findings: a summary table of rules, then the
//! findings grouped by resolution, quotes with the offending part in bold and
//! inline differences as <del>deleted</del> / <ins>inserted</ins>, as in the diff report.

use super::diff_common::counted;
use super::markdown::{escape as esc, mark};
use super::review_text::{group_title_in, grouped};
use crate::lang::ReportWords;
use crate::model::{Finding, FindingSeverity, InlineTag};
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

/// Write the findings as a Markdown report, labelled in English.
pub fn write_markdown<W: Write>(
    out: &mut W,
    edition: &str,
    findings: &[Finding],
) -> io::Result<()> {
    write_markdown_in(out, edition, findings, crate::lang::EN.report)
}

/// A severity in the words `w`.
fn severity(s: FindingSeverity, w: &ReportWords) -> &'static str {
    match s {
        FindingSeverity::Error => w.severities[0],
        FindingSeverity::Warning => w.severities[1],
        FindingSeverity::Info => w.severities[2],
    }
}

/// Write the findings as a Markdown report, labelled with the words `w`
/// (those of the texts' language).
pub fn write_markdown_in<W: Write>(
    out: &mut W,
    edition: &str,
    findings: &[Finding],
    w: &ReportWords,
) -> io::Result<()> {
    let p = &w.page;
    let (e, warn, i) = crate::review::counts(findings);
    writeln!(
        out,
        "# {}",
        p.review_title.replace("{edition}", &esc(edition))
    )?;
    writeln!(out)?;
    let by_severity = [e, warn, i]
        .iter()
        .zip(w.severity_counts)
        .map(|(&n, forms)| counted(forms, n))
        .collect::<Vec<_>>()
        .join(w.separator);
    writeln!(
        out,
        "{}{}{by_severity}{}",
        counted(w.findings, findings.len()),
        w.colon,
        w.full_stop.trim_end()
    )?;
    writeln!(out)?;
    let mut rules: BTreeMap<(&str, &str), (FindingSeverity, usize)> = BTreeMap::new();
    for f in findings {
        rules
            .entry((&f.rule, f.severity.as_str()))
            .or_insert((f.severity, 0))
            .1 += 1;
    }
    if !rules.is_empty() {
        let [rule_h, severity_h, findings_h] = p.rule_columns;
        writeln!(out, "| {rule_h} | {severity_h} | {findings_h} |")?;
        writeln!(out, "|---|---|---:|")?;
        for ((rule, _), (sev, n)) in &rules {
            writeln!(out, "| `{rule}` | {} | {n} |", severity(*sev, w))?;
        }
        writeln!(out)?;
    }
    let (open, close) = w.parens;
    let [edition_text, report_text, ..] = p.finding_sides;
    for (g, group) in grouped(findings) {
        writeln!(out, "## {}", esc(&group_title_in(&g, w)))?;
        writeln!(out)?;
        for f in group {
            writeln!(
                out,
                "- **{}** `{}` — `{}:{}` — {}",
                severity(f.severity, w),
                f.rule,
                f.file,
                f.line,
                esc_message(&w.messages.text(&f.message))
            )?;
            if !f.diff.is_empty() {
                let mut line = String::new();
                for seg in &f.diff {
                    match seg.op {
                        InlineTag::Equal => line.push_str(&esc(&seg.text)),
                        // One convention, as in the diff report: struck
                        // through and underlined on common renderers.
                        InlineTag::Delete => {
                            line.push_str(&format!("<del>{}</del>", esc(&seg.text)))
                        }
                        InlineTag::Insert => {
                            line.push_str(&format!("<ins>{}</ins>", esc(&seg.text)))
                        }
                    }
                }
                writeln!(
                    out,
                    "  - {}{open}<del>{edition_text}</del> → <ins>{report_text}</ins>{close}{}{line}",
                    w.review_diff.trim_end_matches(':'),
                    w.colon
                )?;
            } else if let Some(x) = &f.excerpt {
                let marked = if x.marked.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", esc(&x.marked))
                };
                writeln!(out, "  > {}{marked}{}", esc(&x.before), esc(&x.after))?;
            }
            if let Some(fix) = &f.suggestion {
                writeln!(
                    out,
                    "  - {}{}{}",
                    w.review_suggestion,
                    w.colon,
                    mark(fix, "**", "b")
                )?;
            }
            for a in &f.also {
                writeln!(
                    out,
                    "  - {} `{}`{}{}",
                    w.review_also,
                    a.rule,
                    w.colon,
                    esc_message(&w.messages.text(&a.message))
                )?;
            }
            for r in &f.related {
                writeln!(
                    out,
                    "  - {} `{}:{}`{open}{}{close}",
                    w.review_see,
                    r.file,
                    r.line,
                    esc(w.messages.place(r.place))
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingSeverity, MarkedText, Span};

    #[test]
    fn escapes_brackets_and_bolds_the_marked_part() {
        let f = Finding {
            span: Span::new(3025, 3027),
            excerpt: Some(MarkedText {
                before: "甲".into(),
                marked: "[本届全会]".into(),
                after: "乙".into(),
            }),
            ..Finding::at_line(
                "bracket.unresolved",
                FindingSeverity::Warning,
                "a.txt",
                3025,
                Some("40".into()),
                crate::model::Message::UnresolvedBracket {
                    bracket: "[本届全会]".into(),
                },
            )
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
            crate::model::Message::CitesUnknown { number: 160 },
        );
        f.number = Some(103);
        f.suggestion = Some("（2024年，新德里，修订版）".into());
        f.also.push(crate::model::AlsoFired {
            rule: "bracket.unresolved".into(),
            severity: FindingSeverity::Warning,
            message: crate::model::Message::UnresolvedBracket {
                bracket: "[x]".into(),
            },
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
            s.contains("  - also `bracket.unresolved`: editorial bracket left in the text: `[x]`"),
            "{s}"
        );
    }
}
