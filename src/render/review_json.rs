//! JSON rendering of review findings, through transport types of its own so
//! that the model can change without breaking scripts. Documented in
//! `docs/review-json.md`.

use crate::model::{Finding, InlineTag, Message, REVIEW_SCHEMA_VERSION, RelatedPlace};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Output<'a> {
    schema_version: u32,
    edition: &'a str,
    counts: Counts,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct Counts {
    total: usize,
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'static str,
    resolution: Option<&'a str>,
    number: Option<u32>,
    file: &'a str,
    line: u32,
    first_line: u32,
    last_line: u32,
    message: &'a Message,
    excerpt: Option<JsonExcerpt<'a>>,
    diff: Vec<JsonDiff<'a>>,
    related: Vec<JsonRelated<'a>>,
    suggestion: Option<&'a str>,
    also: Vec<JsonAlso<'a>>,
}

#[derive(Serialize)]
struct JsonAlso<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a Message,
}

#[derive(Serialize)]
struct JsonExcerpt<'a> {
    before: &'a str,
    marked: &'a str,
    after: &'a str,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    op: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: u32,
    place: RelatedPlace,
}

/// Write the findings as one JSON document.
pub fn write_json<W: Write>(out: &mut W, edition: &str, findings: &[Finding]) -> io::Result<()> {
    let (error, warning, info) = crate::review::counts(findings);
    let doc = Output {
        schema_version: REVIEW_SCHEMA_VERSION,
        edition,
        counts: Counts {
            total: findings.len(),
            error,
            warning,
            info,
        },
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                rule: &f.rule,
                severity: f.severity.as_str(),
                resolution: f.resolution.as_deref(),
                number: f.number,
                file: &f.file,
                line: f.line,
                first_line: f.span.first_line,
                last_line: f.span.last_line,
                message: &f.message,
                excerpt: f.excerpt.as_ref().map(|x| JsonExcerpt {
                    before: &x.before,
                    marked: &x.marked,
                    after: &x.after,
                }),
                diff: f
                    .diff
                    .iter()
                    .map(|d| JsonDiff {
                        op: match d.op {
                            InlineTag::Equal => "equal",
                            InlineTag::Delete => "delete",
                            InlineTag::Insert => "insert",
                        },
                        text: &d.text,
                    })
                    .collect(),
                related: f
                    .related
                    .iter()
                    .map(|r| JsonRelated {
                        file: &r.file,
                        line: r.line,
                        place: r.place,
                    })
                    .collect(),
                suggestion: f.suggestion.as_deref(),
                also: f
                    .also
                    .iter()
                    .map(|a| JsonAlso {
                        rule: &a.rule,
                        severity: a.severity.as_str(),
                        message: &a.message,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingSeverity, RelatedLocation, Span, YearPlace};

    #[test]
    fn carries_schema_counts_and_fields() {
        let f = Finding {
            rule: "citation.stale".into(),
            severity: FindingSeverity::Warning,
            resolution: Some("29".into()),
            file: "a.txt".into(),
            line: 2505,
            span: Span::new(2503, 2505),
            message: Message::StaleCitation {
                numbers: vec![60],
                written: "2022年，日内瓦，修订版".into(),
                assembly: YearPlace {
                    year: 2024,
                    place: "新德里".into(),
                },
            },
            excerpt: None,
            diff: Vec::new(),
            related: vec![RelatedLocation {
                file: "r.txt".into(),
                line: 12,
                place: RelatedPlace::ReportStatusTable,
            }],
            suggestion: Some("2024年，新德里，修订版".into()),
            also: vec![crate::model::AlsoFired {
                rule: "bracket.unresolved".into(),
                severity: FindingSeverity::Warning,
                message: Message::UnresolvedBracket {
                    bracket: "[本届全会]".into(),
                },
            }],
            number: Some(29),
            marked_range: Some(3..9),
        };
        let mut out = Vec::new();
        write_json(&mut out, "wtsa-24", &[f]).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["schema_version"], REVIEW_SCHEMA_VERSION);
        assert_eq!(v["counts"]["warning"], 1);
        assert_eq!(v["findings"][0]["rule"], "citation.stale");
        assert_eq!(v["findings"][0]["severity"], "warning");
        assert_eq!(v["findings"][0]["resolution"], "29");
        assert_eq!(v["findings"][0]["line"], 2505);
        assert_eq!(v["findings"][0]["first_line"], 2503);
        assert!(v["findings"][0]["excerpt"].is_null());
        assert_eq!(v["findings"][0]["suggestion"], "2024年，新德里，修订版");
        assert_eq!(v["findings"][0]["number"], 29);
        assert_eq!(v["findings"][0]["also"][0]["rule"], "bracket.unresolved");
        assert_eq!(v["findings"][0]["also"][0]["severity"], "warning");
        // Messages and places are codes with their values, not words.
        assert_eq!(
            v["findings"][0]["message"],
            serde_json::json!({
                "code": "stale_citation",
                "numbers": [60],
                "written": "2022年，日内瓦，修订版",
                "assembly": {"year": 2024, "place": "新德里"}
            })
        );
        assert_eq!(
            v["findings"][0]["also"][0]["message"],
            serde_json::json!({"code": "unresolved_bracket", "bracket": "[本届全会]"})
        );
        assert_eq!(
            v["findings"][0]["related"][0],
            serde_json::json!({"file": "r.txt", "line": 12, "place": "report_status_table"})
        );
        assert!(v["findings"][0].get("marked_range").is_none());
    }
}
