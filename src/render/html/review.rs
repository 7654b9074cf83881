//! Review findings as an HTML page: counts, a table of rules, then the
//! findings grouped by resolution with their quotes.

use super::diff::finding;
use super::{close_page, escape, open_page, slug};
use crate::model::Finding;
use crate::render::review_text::{Group, group_title, grouped};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Write the findings of `resdiff review` on edition `name` as one
/// self-contained HTML page.
pub fn write_review_html<W: Write>(
    out: &mut W,
    name: &str,
    findings: &[Finding],
) -> io::Result<()> {
    let mut buf = String::with_capacity(64 * 1024);
    open_page(&mut buf, &format!("Review of {name}"));
    buf.push_str("<main id=\"report\" class=\"review\">\n<header class=\"page-head\">\n");
    let _ = writeln!(
        buf,
        "<h1>Review of <span class=\"edition\">{}</span></h1>\n</header>",
        escape(name)
    );
    let (e, w, i) = crate::review::counts(findings);
    buf.push_str("<section class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"counts\" id=\"finding-counts\">\n");
    for (what, n) in [
        ("total", findings.len()),
        ("error", e),
        ("warning", w),
        ("info", i),
    ] {
        let _ = writeln!(
            buf,
            "<div class=\"sev-{what}\"><dt>{what}</dt><dd id=\"count-{what}\">{n}</dd></div>"
        );
    }
    buf.push_str("</dl>\n");
    let mut rules: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in findings {
        *rules.entry((&f.rule, f.severity.as_str())).or_default() += 1;
    }
    if !rules.is_empty() {
        buf.push_str("<table class=\"rules\">\n<caption>Findings by rule</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
        for ((rule, sev), n) in &rules {
            let _ = writeln!(
                buf,
                "<tr class=\"sev-{sev}\"><th scope=\"row\"><code>{}</code></th><td><span class=\"severity\">{sev}</span></td><td class=\"num\">{n}</td></tr>",
                escape(rule)
            );
        }
        buf.push_str("</tbody>\n</table>\n");
    }
    let groups = grouped(findings);
    if !groups.is_empty() {
        buf.push_str("<nav aria-label=\"Resolutions\"><p>");
        for (k, (g, group)) in groups.iter().enumerate() {
            if k > 0 {
                buf.push_str(" · ");
            }
            let _ = write!(
                buf,
                "<a href=\"#{}\">{}</a> ({})",
                group_anchor(g),
                escape(&group_title(g)),
                group.len()
            );
        }
        buf.push_str("</p></nav>\n");
    }
    buf.push_str("</section>\n");
    for (g, group) in groups {
        let a = group_anchor(&g);
        let _ = writeln!(
            buf,
            "<section class=\"finding-group\" id=\"{a}\" aria-labelledby=\"{a}-h\">\n<h2 id=\"{a}-h\">{}</h2>",
            escape(&group_title(&g))
        );
        for f in group {
            finding(&mut buf, f);
        }
        buf.push_str("</section>\n");
    }
    buf.push_str("</main>\n");
    close_page(&mut buf, false);
    out.write_all(buf.as_bytes())
}

fn group_anchor(g: &Group) -> String {
    match g.id() {
        Some(id) => format!("res-{}", slug(&id)),
        None => "edition".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingSeverity, InlineOp, InlineTag, MarkedText, Span};

    fn finding(message: &str, marked: &str) -> Finding {
        Finding {
            rule: "bracket.unresolved".into(),
            severity: FindingSeverity::Warning,
            resolution: Some("40".into()),
            file: "a.txt".into(),
            line: 3025,
            span: Span::new(3025, 3027),
            message: message.into(),
            excerpt: Some(MarkedText {
                before: "甲".into(),
                marked: marked.into(),
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

    fn render(fs: &[Finding]) -> String {
        let mut out = Vec::new();
        write_review_html(&mut out, "wtsa-24", fs).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn groups_counts_and_marks_the_offending_part() {
        let s = render(&[finding("editorial bracket", "[本届全会]")]);
        assert!(s.contains("<dd id=\"count-warning\">1</dd>"), "{s}");
        assert!(s.contains("<h2 id=\"res-40-h\">Resolution 40</h2>"), "{s}");
        assert!(s.contains("甲<mark>[本届全会]</mark>乙"), "{s}");
        assert!(!s.contains("<script"), "review page needs no script");
    }

    #[test]
    fn suggestion_and_merged_rules_are_shown_escaped() {
        let mut f = finding("stale", "第1号决议");
        f.suggestion = Some("<b>2024年</b>".into());
        f.also.push(crate::model::AlsoFired {
            rule: "bracket.unresolved".into(),
            severity: FindingSeverity::Warning,
            message: "a & b".into(),
        });
        let s = render(&[f]);
        assert!(
            s.contains("<p class=\"suggestion\"><span class=\"lead\">suggestion</span> <ins lang=\"zh-Hans\">&lt;b&gt;2024年&lt;/b&gt;</ins></p>"),
            "{s}"
        );
        assert!(
            s.contains("<li>also <code class=\"rule\">bracket.unresolved</code> a &amp; b</li>"),
            "{s}"
        );
    }

    #[test]
    fn hostile_text_in_findings_is_inert() {
        let mut f = finding("<script>alert(1)</script> & \"q\"", "</ins><script>");
        f.diff = vec![InlineOp {
            op: InlineTag::Insert,
            text: "</ins><b>".into(),
        }];
        f.rule = "x<y".into();
        let s = render(&[f]);
        assert!(!s.contains("<script"), "{s}");
        assert!(!s.contains("</ins>"), "{s}");
        assert!(!s.contains("<b>"), "{s}");
        assert!(s.contains("&lt;/ins&gt;&lt;b&gt;"), "{s}");
        assert!(s.contains("&amp; &quot;q&quot;"), "{s}");
        assert!(s.contains("x&lt;y"), "{s}");
    }
}
