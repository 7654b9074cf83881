//! Terminal rendering of review findings: grouped by resolution, the
//! offending part of each quote highlighted, coloured when the caller says so.

use super::paint::{Painter, Tone};
use crate::lang::ReportWords;
use crate::model::{Finding, FindingSeverity, InlineTag};
use std::io::{self, Write};

// Plain ANSI sequences rather than a colouring crate's global switch: the
// caller decides colour once (`--color`, NO_COLOR, tty) and passes a flag,
// so output is the same whatever the environment of a test.
/// The heading a group of findings stands under: a resolution by its final
/// number (with the provisional id the text still uses, if any), a
/// Recommendation or provisional id without a number by its id, or the
/// edition as a whole.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group<'a> {
    /// A resolution with a number, and the provisional id of its text.
    Numbered(u32, Option<&'a str>),
    /// A new resolution known only by its provisional id.
    Provisional(&'a str),
    /// A Recommendation (`A.25`).
    Recommendation(&'a str),
    /// Findings about no one resolution.
    Edition,
}

impl Group<'_> {
    /// What the heading names: `103` or `COM4/DPI`; `None` for the edition.
    pub(crate) fn id(&self) -> Option<String> {
        match self {
            Group::Numbered(n, _) => Some(n.to_string()),
            Group::Provisional(id) | Group::Recommendation(id) => Some(id.to_string()),
            Group::Edition => None,
        }
    }

    /// The provisional id shown beside a final number.
    pub(crate) fn alias(&self) -> Option<&str> {
        match self {
            Group::Numbered(_, alias) => *alias,
            _ => None,
        }
    }
}

fn group_of(f: &Finding) -> Group<'_> {
    let Some(id) = f.resolution.as_deref() else {
        return Group::Edition;
    };
    let number = f.number.or_else(|| id.parse().ok());
    match number {
        Some(n) => Group::Numbered(n, id.parse::<u32>().is_err().then_some(id)),
        None if is_recommendation(id) => Group::Recommendation(id),
        None => Group::Provisional(id),
    }
}

/// The group of a resolution known by `id` alone (no finding).
pub(crate) fn group_for(id: &str) -> Group<'_> {
    match id.parse() {
        Ok(n) => Group::Numbered(n, None),
        Err(_) if is_recommendation(id) => Group::Recommendation(id),
        Err(_) => Group::Provisional(id),
    }
}

fn is_recommendation(id: &str) -> bool {
    id.contains('.') && !id.starts_with("COM")
}

/// Findings grouped by resolution, groups in resolution order: numbered
/// resolutions ascending (a new one under the final number the summary
/// report gives it), then new resolutions known only by provisional id,
/// then Recommendations, then findings about the edition as a whole.
/// Inside a group findings keep their order (file and line).
pub(crate) fn grouped(findings: &[Finding]) -> Vec<(Group<'_>, Vec<&Finding>)> {
    let mut groups: std::collections::BTreeMap<Group, Vec<&Finding>> =
        std::collections::BTreeMap::new();
    for f in findings {
        let g = group_of(f);
        // A group's findings may come from the text (provisional id) and
        // the report (number): one heading, with the alias when any has it.
        let key = match g {
            Group::Numbered(n, _) => Group::Numbered(n, None),
            g => g,
        };
        groups.entry(key).or_default().push(f);
    }
    groups
        .into_iter()
        .map(|(g, fs)| {
            let g = match g {
                Group::Numbered(n, None) => Group::Numbered(
                    n,
                    fs.iter().find_map(|f| match group_of(f) {
                        Group::Numbered(_, alias) => alias,
                        _ => None,
                    }),
                ),
                g => g,
            };
            (g, fs)
        })
        .collect()
}

/// Heading of a group in the words of the texts' language: `Resolution 103
/// (COM4/DPI)`, `Recommendation A.25`, `Edition`.
pub(crate) fn group_title_in(g: &Group, w: &ReportWords) -> String {
    let (open, close) = w.parens;
    let with_alias = |s: String| match g.alias() {
        Some(a) => format!("{s}{open}{a}{close}"),
        None => s,
    };
    match g {
        Group::Recommendation(id) => w.review_groups[1].replace("{id}", id),
        Group::Numbered(n, _) => with_alias(w.review_groups[0].replace("{id}", &n.to_string())),
        Group::Provisional(id) => w.review_groups[0].replace("{id}", id),
        Group::Edition => w.review_groups[2].to_string(),
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
    for (g, group) in grouped(findings) {
        writeln!(
            out,
            "{}{open}{}{close}",
            p.paint(Tone::Heading, &group_title_in(&g, w)),
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
                w.messages.text(&f.message)
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
            if let Some(fix) = &f.suggestion {
                let fix = if color {
                    p.paint(Tone::Inserted, fix)
                } else {
                    format!("»{fix}«")
                };
                writeln!(out, "    {} {fix}", p.paint(Tone::Dim, w.review_suggestion))?;
            }
            for a in &f.also {
                writeln!(
                    out,
                    "    {} [{}] {}",
                    p.paint(Tone::Dim, w.review_also),
                    a.rule,
                    w.messages.text(&a.message)
                )?;
            }
            for r in &f.related {
                writeln!(
                    out,
                    "    {} {}:{}{open}{}{close}",
                    p.paint(Tone::Dim, w.review_see),
                    r.file,
                    r.line,
                    w.messages.place(r.place)
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
            message: crate::model::Message::UnresolvedBracket {
                bracket: "[本届全会]".into(),
            },
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
        fs[0].suggestion = Some("本届全会".into());
        fs[0].also.push(crate::model::AlsoFired {
            rule: "citation.stale".into(),
            severity: FindingSeverity::Warning,
            message: crate::model::Message::CitesUnknown { number: 160 },
        });
        let mut out = Vec::new();
        write_text(&mut out, "ed", &fs, false).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("Resolution 29 (2 findings)\n"), "{s}");
        assert!(
            s.contains(
                "\n    suggestion »本届全会«\n    also [citation.stale] cites Resolution 160, \
                 which does not exist in this series\n"
            ),
            "{s}"
        );
        assert!(s.contains("甲»[本届全会]«乙"));
        assert!(s.contains("[-卫生-]{+健康+}"));
        assert!(s.find("Edition").unwrap() > s.find("f.txt:5").unwrap());
        assert!(!s.contains('\x1b'));
        let mut out = Vec::new();
        write_text(&mut out, "ed", &fs, true).unwrap();
        let marked = Painter::new(true).paint(Tone::Marked, "[本届全会]");
        assert!(String::from_utf8(out).unwrap().contains(&marked));
    }

    #[test]
    fn groups_in_resolution_order_new_ones_under_their_final_number() {
        let mut fs = vec![
            finding(None, 1),
            finding(Some("A.25"), 2),
            finding(Some("COM9/X"), 3),
            finding(Some("COM4/DPI"), 4),
            finding(Some("103"), 5),
            finding(Some("29"), 6),
            finding(Some("2"), 7),
        ];
        fs[3].number = Some(103);
        let order: Vec<String> = grouped(&fs)
            .iter()
            .map(|(g, list)| {
                format!(
                    "{} {}",
                    group_title_in(g, crate::lang::EN.report),
                    list.len()
                )
            })
            .collect();
        assert_eq!(
            order,
            [
                "Resolution 2 1",
                "Resolution 29 1",
                "Resolution 103 (COM4/DPI) 2",
                "Resolution COM9/X 1",
                "Recommendation A.25 1",
                "Edition 1"
            ]
        );
        let zh = crate::lang::ZH.report;
        assert_eq!(
            group_title_in(&grouped(&fs)[2].0, zh),
            "第103号决议（COM4/DPI）"
        );
    }
}
