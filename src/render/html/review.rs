//! Review findings as an HTML page: counts, a table of rules, then the
//! findings grouped by resolution with their quotes.

use super::diff::{finding, severity_word};
use super::{close_page, escape, fill, open_page, slug};
use crate::lang::Lang;
use crate::model::Finding;
use crate::render::review_text::{Group, group_title_in, grouped};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Write the findings of `resdiff review` on edition `name` as one
/// self-contained HTML page, labelled in English.
pub fn write_review_html<W: Write>(
    out: &mut W,
    name: &str,
    findings: &[Finding],
) -> io::Result<()> {
    write_review_html_in(out, name, findings, &crate::lang::EN)
}

/// [`write_review_html`] in the language of the texts, `lang`: its words,
/// and its tag on the page and the quotes.
pub fn write_review_html_in<W: Write>(
    out: &mut W,
    name: &str,
    findings: &[Finding],
    lang: &Lang,
) -> io::Result<()> {
    let (words, p) = (lang.report, &lang.report.page);
    let mut buf = String::with_capacity(64 * 1024);
    open_page(&mut buf, &p.review_title.replace("{edition}", name), lang);
    buf.push_str("<main id=\"report\" class=\"review\">\n<header class=\"page-head\">\n");
    let edition = format!("<span class=\"edition\">{}</span>", escape(name));
    let _ = writeln!(
        buf,
        "<h1>{}</h1>\n</header>",
        fill(p.review_title, &[("{edition}", &edition)])
    );
    let (e, w, i) = crate::review::counts(findings);
    let _ = writeln!(
        buf,
        "<section class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">{}</h2>\n<dl class=\"counts\" id=\"finding-counts\">",
        escape(words.summary)
    );
    for (what, label, n) in [
        ("total", p.total, findings.len()),
        ("error", words.severities[0], e),
        ("warning", words.severities[1], w),
        ("info", words.severities[2], i),
    ] {
        let _ = writeln!(
            buf,
            "<div class=\"sev-{what}\"><dt>{}</dt><dd id=\"count-{what}\">{n}</dd></div>",
            escape(label)
        );
    }
    buf.push_str("</dl>\n");
    let mut rules: BTreeMap<(&str, &str), (&Finding, usize)> = BTreeMap::new();
    for f in findings {
        rules
            .entry((&f.rule, f.severity.as_str()))
            .or_insert((f, 0))
            .1 += 1;
    }
    if !rules.is_empty() {
        let [rule_h, severity_h, findings_h] = p.rule_columns.map(escape);
        let _ = writeln!(
            buf,
            "<table class=\"rules\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{rule_h}</th><th scope=\"col\">{severity_h}</th><th scope=\"col\">{findings_h}</th></tr></thead>\n<tbody>",
            escape(p.by_rule)
        );
        for ((rule, sev), (f, n)) in &rules {
            let _ = writeln!(
                buf,
                "<tr class=\"sev-{sev}\"><th scope=\"row\"><code>{}</code></th><td><span class=\"severity\">{}</span></td><td class=\"num\">{n}</td></tr>",
                escape(rule),
                escape(severity_word(f, words))
            );
        }
        buf.push_str("</tbody>\n</table>\n");
    }
    let groups = grouped(findings);
    if !groups.is_empty() {
        let _ = write!(buf, "<nav aria-label=\"{}\"><p>", escape(p.resolutions));
        for (k, (g, group)) in groups.iter().enumerate() {
            if k > 0 {
                buf.push_str(" · ");
            }
            let _ = write!(
                buf,
                "<a href=\"#{}\">{}</a> ({})",
                group_anchor(g),
                escape(&group_title_in(g, words)),
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
            escape(&group_title_in(&g, words))
        );
        for f in group {
            finding(&mut buf, f, words);
        }
        buf.push_str("</section>\n");
    }
    buf.push_str("</main>\n");
    close_page(&mut buf, false);
    // Quotes are tagged as Chinese while the page is built (as on the diff
    // page); the texts of another language get their own tag.
    if lang.tag != super::TEXT_LANG_TAG {
        let from = format!("lang=\"{}\"", super::TEXT_LANG_TAG);
        buf = buf.replace(&from, &format!("lang=\"{}\"", lang.tag));
    }
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
            span: Span::new(3025, 3027),
            excerpt: Some(MarkedText {
                before: "甲".into(),
                marked: marked.into(),
                after: "乙".into(),
            }),
            ..Finding::at_line(
                "bracket.unresolved",
                FindingSeverity::Warning,
                "a.txt",
                3025,
                Some("40".into()),
                crate::model::Message::UnresolvedBracket {
                    bracket: message.into(),
                },
            )
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
            message: crate::model::Message::UnresolvedBracket {
                bracket: "a & b".into(),
            },
        });
        // Chinese texts: a Chinese page.
        let mut out = Vec::new();
        write_review_html_in(&mut out, "wtsa-24", &[f], Lang::for_tag("zh-Hans")).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains("<p class=\"suggestion\"><span class=\"lead\">建议</span> <ins lang=\"zh-Hans\">&lt;b&gt;2024年&lt;/b&gt;</ins></p>"),
            "{s}"
        );
        assert!(
            s.contains("<li>另触发 <code class=\"rule\">bracket.unresolved</code> 文中遗留编辑用方括号（占位符）：“a &amp; b”</li>"),
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
