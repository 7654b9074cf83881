//! Terminal rendering of review findings: grouped by resolution, the
//! offending part of each quote highlighted, coloured when the caller says so.

use super::paint::{Painter, Tone};
use crate::lang::ReportWords;
use crate::model::{Finding, FindingSeverity, InlineTag};
use std::io::{self, Write};

// Plain ANSI sequences rather than a colouring crate's global switch: the
// caller decides colour once (`--color`, NO_COLOR, tty) and passes a flag,
// so output is the same whatever the environment of a test.
/// Resolutions in order of their first finding, each with its findings;
/// findings about no resolution come last.
pub(crate) fn grouped(findings: &[Finding]) -> Vec<(Option<&str>, Vec<&Finding>)> {
    let mut groups: Vec<(Option<&str>, Vec<&Finding>)> = Vec::new();
    for f in findings {
        let key = f.resolution.as_deref();
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1.push(f),
            None => groups.push((key, vec![f])),
        }
    }
    groups.sort_by_key(|g| g.0.is_none());
    groups
}

/// Heading of a group in the words of the texts' language: `Resolution
/// 29`, `Recommendation A.25`, `Edition`.
pub(crate) fn group_title_in(id: Option<&str>, w: &ReportWords) -> String {
    match id {
        Some(id) if id.contains('.') && !id.starts_with("COM") => {
            w.review_groups[1].replace("{id}", id)
        }
        Some(id) => w.review_groups[0].replace("{id}", id),
        None => w.review_groups[2].to_string(),
    }
}

/// `n` things counted with the one-and-several templates `forms`.
fn count(forms: [&str; 2], n: usize) -> String {
    forms[usize::from(n != 1)].replace("{n}", &n.to_string())
}

/// Write the findings for a terminal, labelled in English.
pub fn write_text<W: Write>(
    out: &mut W,
    edition: &str,
    findings: &[Finding],
    color: bool,
) -> io::Result<()> {
    write_text_in(out, edition, findings, color, crate::lang::EN.report)
}

/// Write the findings for a terminal, labelled with the words `w` (those
/// of the texts' language).
pub fn write_text_in<W: Write>(
    out: &mut W,
    edition: &str,
    findings: &[Finding],
    color: bool,
    w: &ReportWords,
) -> io::Result<()> {
    let p = Painter::new(color);
    let (open, close) = w.parens;
    for (id, group) in grouped(findings) {
        writeln!(
            out,
            "{}{open}{}{close}",
            p.paint(Tone::Heading, &group_title_in(id, w)),
            count(w.findings, group.len()),
        )?;
        for f in group {
            let (style, name) = match f.severity {
                FindingSeverity::Error => (Tone::Error, w.severities[0]),
                FindingSeverity::Warning => (Tone::Warning, w.severities[1]),
                FindingSeverity::Info => (Tone::Info, w.severities[2]),
            };
            writeln!(
                out,
                "  {}:{}: {} [{}] {}",
                f.file,
                f.line,
                p.paint(style, name),
                f.rule,
                f.message
            )?;
            if !f.diff.is_empty() {
                let mut line = String::new();
                for seg in &f.diff {
                    line.push_str(&match (seg.op, color) {
                        (InlineTag::Equal, _) => seg.text.clone(),
                        (InlineTag::Delete, true) => p.paint(Tone::Deleted, &seg.text),
                        (InlineTag::Insert, true) => p.paint(Tone::Inserted, &seg.text),
                        (InlineTag::Delete, false) => format!("[-{}-]", seg.text),
                        (InlineTag::Insert, false) => format!("{{+{}+}}", seg.text),
                    });
                }
                writeln!(out, "    {} {line}", p.paint(Tone::Dim, w.review_diff))?;
            } else if let Some(x) = &f.excerpt {
                let marked = if color {
                    p.paint(Tone::Marked, &x.marked)
                } else {
                    format!("»{}«", x.marked)
                };
                writeln!(
                    out,
                    "    {} {}{marked}{}",
                    p.paint(Tone::Dim, ">"),
                    x.before,
                    x.after
                )?;
            }
            for r in &f.related {
                writeln!(
                    out,
                    "    {} {}:{} ({})",
                    p.paint(Tone::Dim, w.review_see),
                    r.file,
                    r.line,
                    r.label
                )?;
            }
        }
        writeln!(out)?;
    }
    let (e, warn, i) = crate::review::counts(findings);
    let by_severity = [e, warn, i]
        .iter()
        .zip(w.severity_counts)
        .map(|(&n, forms)| count(forms, n))
        .collect::<Vec<_>>()
        .join(w.separator);
    writeln!(
        out,
        "{edition}{}{}{open}{by_severity}{close}",
        w.colon,
        count(w.findings, findings.len()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InlineOp, MarkedText, Span};

    fn finding(res: Option<&str>, line: u32) -> Finding {
        Finding {
            rule: "bracket.unresolved".into(),
            severity: FindingSeverity::Warning,
            resolution: res.map(str::to_string),
            file: "f.txt".into(),
            line,
            span: Span::new(line, line),
            message: "editorial bracket".into(),
            excerpt: Some(MarkedText {
                before: "甲".into(),
                marked: "[本届全会]".into(),
                after: "乙".into(),
            }),
            diff: Vec::new(),
            related: Vec::new(),
        }
    }

    #[test]
    fn groups_by_resolution_and_marks_without_colour() {
        let mut fs = vec![
            finding(Some("29"), 3),
            finding(None, 1),
            finding(Some("29"), 5),
        ];
        fs[1].diff = vec![
            InlineOp {
                op: InlineTag::Delete,
                text: "卫生".into(),
            },
            InlineOp {
                op: InlineTag::Insert,
                text: "健康".into(),
            },
        ];
        let mut out = Vec::new();
        write_text(&mut out, "ed", &fs, false).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("Resolution 29 (2 findings)\n"), "{s}");
        assert!(s.contains("甲»[本届全会]«乙"));
        assert!(s.contains("[-卫生-]{+健康+}"));
        assert!(s.find("Edition").unwrap() > s.find("f.txt:5").unwrap());
        assert!(!s.contains('\x1b'));
        let mut out = Vec::new();
        write_text(&mut out, "ed", &fs, true).unwrap();
        let marked = Painter::new(true).paint(Tone::Marked, "[本届全会]");
        assert!(String::from_utf8(out).unwrap().contains(&marked));
    }
}
