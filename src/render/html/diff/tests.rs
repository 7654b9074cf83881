//! Unit tests of the HTML change report on hand-built reports.

use super::*;
use crate::model::{
    ChangeCounts, ChangeKind, FindingSeverity, InlineOp, Location, MarkedText, Verdict,
};

fn op(op: InlineTag, text: &str) -> InlineOp {
    InlineOp {
        op,
        text: text.into(),
    }
}

fn modified(section: &str, label: &str, inline: Vec<InlineOp>, editorial: bool) -> Change {
    let old: String = inline
        .iter()
        .filter(|o| o.op != InlineTag::Insert)
        .map(|o| o.text.as_str())
        .collect();
    let new: String = inline
        .iter()
        .filter(|o| o.op != InlineTag::Delete)
        .map(|o| o.text.as_str())
        .collect();
    Change {
        kind: ChangeKind::Modified,
        unit: ChangeUnit::Clause,
        section: section.into(),
        old_section: None,
        old_label: Some(label.into()),
        new_label: Some(label.into()),
        old_text: Some(old),
        new_text: Some(new),
        editorial,
        inline,
        old_span: Some(Span::new(100, 101)),
        new_span: Some(Span::new(40, 40)),
    }
}

fn res(id: &str, status: ResolutionStatus, changes: Vec<Change>) -> ResolutionDiff {
    let mut r = ResolutionDiff {
        id: id.into(),
        aliases: Vec::new(),
        title: format!("第{id}号决议的标题"),
        status,
        match_how: None,
        old_location: Some(Location::new("old.txt", Span::new(90, 120))),
        new_location: Some(Location::new("new.txt", Span::new(30, 60))),
        header_changes: Vec::new(),
        changes,
        verdict: Verdict::Noc,
        counts: ChangeCounts::default(),
    };
    r.settle();
    r
}

fn report(resolutions: Vec<ResolutionDiff>) -> DiffReport {
    DiffReport {
        old_name: "old".into(),
        new_name: "new".into(),
        resolutions,
        notes: Vec::new(),
        editorial_hidden: false,
        renumbering_hidden: false,
        lang: "zh-Hans".into(),
    }
}

fn render(r: &DiffReport, findings: Option<&[Finding]>) -> String {
    let mut out = Vec::new();
    write_diff_html(&mut out, r, findings).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn hostile_input_text_is_inert() {
    let evil = "<script>alert(\"x\")</script> & 'q' </ins><del>";
    let mut c = modified(
        evil,
        "a)<b>",
        vec![
            op(InlineTag::Equal, evil),
            op(InlineTag::Delete, "</ins>"),
            op(InlineTag::Insert, "<script>x</script>"),
        ],
        false,
    );
    c.old_section = Some("<img src=x onerror=alert(1)>".into());
    let mut r = res("1", ResolutionStatus::Modified, vec![c]);
    r.title = evil.into();
    r.aliases = vec!["COM4/<i>".into()];
    let mut rep = report(vec![r]);
    rep.old_name = "<script>old".into();
    rep.notes = vec![crate::model::Note::PartialEdition {
        edition: "note </ins> & \"".into(),
    }];
    let s = render(&rep, None);
    // Our own script is the only one.
    assert_eq!(s.matches("<script").count(), 1, "{s}");
    let ours = s.find("<script>\n// resdiff report toggles").unwrap();
    assert!(s[..ours].contains("</main>"));
    assert!(!s.contains("<img"), "{s}");
    assert!(!s.contains("<b>"), "{s}");
    assert!(!s.contains("<i>"), "{s}");
    assert!(s.contains("&lt;/ins&gt;"), "{s}");
    assert!(s.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"));
    // One `<ins>`/`<del>` element per inline operation, nothing else.
    assert_eq!(s.matches("<ins>").count(), 1);
    assert_eq!(s.matches("</ins>").count(), 1);
    assert_eq!(s.matches("<del>").count(), 1);
    assert_eq!(s.matches("</del>").count(), 1);
}

#[test]
fn summary_counts_and_table_link_to_sections() {
    let rep = report(vec![
        res(
            "101",
            ResolutionStatus::Modified,
            vec![modified(
                "认识到",
                "b)",
                vec![
                    op(InlineTag::Equal, "其"),
                    op(InlineTag::Delete, "他"),
                    op(InlineTag::Insert, "它"),
                ],
                true,
            )],
        ),
        res("2", ResolutionStatus::Unchanged, Vec::new()),
        res("3", ResolutionStatus::Absent, Vec::new()),
    ]);
    let s = render(&rep, None);
    assert!(s.contains("<dd id=\"count-modified\">1</dd>"), "{s}");
    assert!(s.contains("<dd id=\"count-editorial-only\">1</dd>"));
    assert!(s.contains("<dd id=\"count-unchanged\">1</dd>"));
    assert!(s.contains("<dd id=\"count-absent\">1</dd>"));
    assert!(s.contains("<dd id=\"count-changes-modified\">1</dd>"));
    assert!(s.contains("<dd id=\"count-changes-editorial\">1</dd>"));
    assert!(s.contains("<a href=\"#res-101\">101</a>"));
    assert!(s.contains("<article class=\"resolution status-mod-editorial\" id=\"res-101\""));
    assert!(s.contains(">(MOD)</abbr>"));
    assert!(s.contains("<li id=\"res-2\">"), "NOC listed with an anchor");
    assert!(!s.contains("href=\"#res-3\""), "absent ones are not linked");
    assert!(s.contains("未比较（不完整版本之外）：3"));
    assert!(s.contains("class=\"change kind-modified editorial\""));
    assert!(
        s.contains("<p class=\"redline text\" lang=\"zh-Hans\">其<del>他</del><ins>它</ins></p>")
    );
    assert!(s.contains("<div class=\"sbs\" hidden>"));
    assert!(s.contains("<html lang=\"zh-Hans\">"));
}

#[test]
fn moved_and_renumbered_show_old_and_new_labels() {
    let mut mv = modified("注意到", "c)", Vec::new(), false);
    mv.kind = ChangeKind::Moved;
    mv.old_section = Some("认识到".into());
    mv.old_label = Some("b)".into());
    mv.old_text = Some("同一文本".into());
    mv.new_text = Some("同一文本".into());
    let mut rn = mv.clone();
    rn.kind = ChangeKind::Renumbered;
    rn.old_section = None;
    rn.old_label = Some("4".into());
    rn.new_label = Some("5".into());
    let mut add = mv.clone();
    add.kind = ChangeKind::Added;
    add.old_label = None;
    add.old_text = None;
    add.old_section = None;
    let s = render(
        &report(vec![res(
            "7",
            ResolutionStatus::Modified,
            vec![mv, rn, add],
        )]),
        None,
    );
    assert!(
        s.contains("<span class=\"old-label\"><span class=\"visually-hidden\">原为</span><span lang=\"zh-Hans\">认识到</span> <span lang=\"zh-Hans\">b)</span></span>"),
        "{s}"
    );
    assert!(s.contains("<span class=\"new-label\"><span class=\"visually-hidden\">现为</span><span lang=\"zh-Hans\">注意到</span> <span lang=\"zh-Hans\">c)</span></span>"));
    assert!(
        s.contains("<span lang=\"zh-Hans\">4</span></span> <span aria-hidden=\"true\">→</span>")
    );
    assert!(s.contains("class=\"change kind-moved\""));
    assert!(s.contains("class=\"change kind-renumbered\""));
    assert!(s.contains("<p class=\"text whole-ins\" lang=\"zh-Hans\"><ins>同一文本</ins></p>"));
}

fn finding_at(resolution: &str, file: &str, lines: (u32, u32)) -> Finding {
    Finding {
        span: Span::new(lines.0, lines.1),
        excerpt: Some(MarkedText {
            before: "前".into(),
            marked: "2022年".into(),
            after: "后".into(),
        }),
        ..Finding::at_line(
            "citation.stale",
            FindingSeverity::Warning,
            file,
            lines.0,
            Some(resolution.into()),
            crate::model::Message::CitesUnknown { number: 160 },
        )
    }
}

#[test]
fn findings_sit_beside_their_clause_or_under_their_resolution() {
    let mut r = res(
        "101",
        ResolutionStatus::Modified,
        vec![modified(
            "认识到",
            "b)",
            vec![op(InlineTag::Equal, "甲"), op(InlineTag::Insert, "乙")],
            false,
        )],
    );
    r.aliases = vec!["COM4/AI".into()];
    let fs = vec![
        // On the changed clause (new side, lines 40), through the alias.
        finding_at("COM4/AI", "new.txt", (39, 40)),
        // Same resolution, other lines.
        finding_at("101", "new.txt", (60, 60)),
        // Another resolution.
        finding_at("9", "new.txt", (40, 40)),
    ];
    let s = render(&report(vec![r]), Some(&fs));
    let change = s.find("id=\"res-101-c0\"").unwrap();
    let beside = s[change..]
        .find("<aside class=\"findings\" aria-label=\"本处文字的审查问题\">")
        .map(|k| k + change)
        .unwrap();
    let end_of_change = s[change..].find("</article>").unwrap() + change;
    assert!(beside < end_of_change);
    let elsewhere = s.find("resolution-findings").unwrap();
    assert!(
        elsewhere < change,
        "unplaced findings of 101 listed under its heading"
    );
    let other = s.find("其他审查问题").unwrap();
    assert!(other > end_of_change);
    assert_eq!(s.matches("class=\"finding sev-warning\"").count(), 3);
    assert!(s.contains("<span id=\"count-findings\">3</span>"));
    assert!(s.contains("前<mark>2022年</mark>后"));
}

#[test]
fn unchanged_clauses_of_the_new_text_are_collapsed() {
    use crate::model::SectionKind::*;
    use crate::testkit::{corpus, document, resolution, section};
    let mut new_res = resolution(
        "5",
        vec![
            section(
                "认识到",
                Recognizing,
                None,
                &[("a)", "甲甲甲"), ("b)", "乙乙乙")],
            ),
            section("做出决议", Resolves, None, &[("1", "丙丙丙")]),
        ],
    );
    new_res.sections[0].clauses[1].span = Span::new(40, 40);
    let span = new_res.span;
    let new = corpus("new", vec![document("new.txt", vec![new_res])]);
    let mut r = res(
        "5",
        ResolutionStatus::Modified,
        vec![modified(
            "认识到",
            "b)",
            vec![op(InlineTag::Equal, "乙乙"), op(InlineTag::Insert, "乙")],
            false,
        )],
    );
    r.new_location = Some(Location::new("new.txt", span));
    let opts = DiffHtmlOptions {
        findings: None,
        new_edition: Some(&new),
        full: None,
    };
    let mut out = Vec::new();
    write_diff_html_with(&mut out, &report(vec![r]), &opts).unwrap();
    let s = String::from_utf8(out).unwrap();
    assert!(
        s.contains("<details class=\"unchanged\"><summary>1个未修改的条款</summary>"),
        "{s}"
    );
    assert!(s.contains("甲甲甲"));
    assert!(
        !s.contains("乙乙乙</span></li>"),
        "the changed clause is not repeated"
    );
    assert!(s.contains("<summary>1个未修改的部分</summary>"));
    assert!(s.contains("丙丙丙"));
}

#[test]
fn print_styles_number_pages_and_break_only_before_long_resolutions() {
    let few = res(
        "7",
        ResolutionStatus::Modified,
        vec![modified(
            "认识到",
            "a)",
            vec![op(InlineTag::Insert, "新")],
            false,
        )],
    );
    let many = res(
        "9",
        ResolutionStatus::Modified,
        (0..LONG_ON_PAPER + 1)
            .map(|_| modified("认识到", "a)", vec![op(InlineTag::Insert, "新")], false))
            .collect(),
    );
    let html = render(&report(vec![few, many]), None);
    assert!(
        html.contains("class=\"resolution status-mod\" id="),
        "{html}"
    );
    assert!(
        html.contains("class=\"resolution status-mod long\" id="),
        "{html}"
    );
    let print = &html[html.find("@page").expect("paged media")..];
    assert!(print.contains("counter(page)"));
    assert!(print.contains(".resolution { break-before: auto;"));
    assert!(print.contains(".resolution.long { break-before: page;"));
    assert!(print.contains("button, details.unchanged"));
}

#[test]
fn an_english_pair_gives_an_english_page() {
    let mut rep = report(vec![
        res(
            "2",
            ResolutionStatus::Modified,
            vec![modified(
                "considering",
                "a)",
                vec![op(InlineTag::Equal, "the "), op(InlineTag::Insert, "new ")],
                false,
            )],
        ),
        res("3", ResolutionStatus::Unchanged, Vec::new()),
    ]);
    rep.lang = "en".into();
    rep.notes = vec![crate::model::Note::PartialEdition {
        edition: "new".into(),
    }];
    let s = render(&rep, None);
    assert!(s.contains("<html lang=\"en\">"), "{s}");
    assert!(!s.contains("zh-Hans"), "{s}");
    assert!(s.contains("<title>Changes from old to new</title>"));
    assert!(s.contains("Inline redline</button>"));
    assert!(s.contains("<h2 id=\"summary-h\">Summary</h2>"));
    assert!(s.contains("<p class=\"note\">note: new holds only part of the assembly"));
    assert!(s.contains("<span class=\"kind\">modified</span>"));
    assert!(s.contains("<span class=\"lines\">old line 100–101, new line 40</span>"));
    assert!(s.contains("Resolution 2 "));
    assert!(s.contains("ins::before { content: \" [insertion] \"; }"));
    assert!(s.contains("<summary>1 resolution without change</summary>"));
}

#[test]
fn each_resolution_carries_its_running_head_for_paper_only() {
    let r = res(
        "7",
        ResolutionStatus::Modified,
        vec![modified(
            "认识到",
            "a)",
            vec![op(InlineTag::Insert, "新")],
            false,
        )],
    );
    let html = render(&report(vec![r]), None);
    let article = &html[html.find("<article").unwrap()..html.find("</article>").unwrap()];
    // The frame opens before the heading and closes after the changes.
    let head = article
        .find("<thead aria-hidden=\"true\"><tr><td class=\"running\">MOD 7 ")
        .expect(article);
    assert!(head < article.find("<h2").unwrap());
    assert!(article.trim_end().ends_with("</td></tr></tbody></table>"));
    // Hidden on screen, a repeated table header row on paper.
    let print = html.find("@media print").unwrap();
    let screen_rule = html.find(".frame > thead { display: none; }").unwrap();
    assert!(screen_rule < print);
    assert!(html[print..].contains(".frame > thead { display: table-header-group; }"));
}
