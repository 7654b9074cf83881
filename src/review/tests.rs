//! Unit tests of the review rules on hand-built resolutions: each rule once
//! where it fires and once where it must not, and a clean synthetic edition
//! (with report and previous edition) that yields no finding at all.

use super::*;
use crate::model::*;

const FILE: &str = "ed/texts.txt";
const REPORT: &str = "ed/report.txt";

fn text(s: &str, line: u32) -> crate::model::Text {
    crate::model::Text {
        text: s.to_string(),
        notes: Vec::new(),
        span: Span::new(line, line),
    }
}

fn clause(label: Option<&str>, s: &str, line: u32) -> Clause {
    Clause {
        label: label.map(|l| ClauseLabel {
            raw: l.to_string(),
            family: LabelFamily::Letter,
            ordinal: 1,
        }),
        text: s.to_string(),
        notes: Vec::new(),
        children: Vec::new(),
        span: Span::new(line, line),
    }
}

fn section(heading: &str, kind: SectionKind, clauses: Vec<Clause>, line: u32) -> Section {
    Section {
        heading: heading.to_string(),
        kind,
        further: false,
        addressee: None,
        notes: Vec::new(),
        intro: None,
        clauses,
        span: Span::new(line, line + 10),
    }
}

/// A resolution at line `at` (header at `at`, title `at+1`, history `at+2`,
/// assembly `at+3`, sections from `at+4`).
fn res(
    id: &str,
    action: Action,
    edition: &str,
    history: &str,
    clauses: &[&str],
    at: u32,
) -> Resolution {
    let number = id.parse().ok();
    let cs = clauses
        .iter()
        .enumerate()
        .map(|(i, c)| clause(Some("a)"), c, at + 5 + i as u32))
        .collect();
    Resolution {
        id: id.to_string(),
        number,
        action: Some(action),
        kind: ResolutionKind::Resolution,
        header: text(&format!("第{id}号决议（{edition}）"), at),
        edition: None,
        title: text(&format!("第{id}号决议的标题"), at + 1),
        history: Some(History {
            text: history.to_string(),
            items: Vec::new(),
            notes: Vec::new(),
            span: Span::new(at + 2, at + 2),
        }),
        assembly: Some(text("世界电信标准化全会（2024年，新德里），", at + 3)),
        sections: vec![section("做出决议", SectionKind::Resolves, cs, at + 4)],
        annexes: Vec::new(),
        footnotes: Vec::new(),
        span: Span::new(at, at + 50),
    }
}

const MOD_ED: &str = "2024年，新德里，修订版";
const ADD_ED: &str = "2024年，新德里";
const HIST: &str = "（2016年，哈马马特；2022年，日内瓦；2024年，新德里）";
const ADD_HIST: &str = "（2024年，新德里）";

fn doc(resolutions: Vec<Resolution>) -> Document {
    crate::testkit::document(FILE, resolutions)
}

fn corpus(docs: Vec<Document>) -> Corpus {
    crate::testkit::corpus("ed", docs)
}

fn report_doc(report: SummaryReport) -> Document {
    let mut d = doc(Vec::new());
    d.path = REPORT.into();
    d.class = DocumentClass::SummaryReport;
    d.report = Some(report);
    d
}

/// A clean edition: MOD 44 and 2, ADD COM4/AI (new 101), citing each other
/// correctly, plus citations of other series with older editions.
fn clean_texts() -> Vec<Resolution> {
    vec![
        res(
            "2",
            Action::Mod,
            MOD_ED,
            HIST,
            &["根据本届全会第44号决议（2024年，新德里，修订版）开展工作；"],
            10,
        ),
        res(
            "44",
            Action::Mod,
            MOD_ED,
            HIST,
            &[
                "全权代表大会第123号决议（2022年，布加勒斯特，修订版）和世界电信发展大会第5号决议（2022年，基加利，修订版）；",
                "根据第2号决议开展工作，参见[ITU-T A.5]；",
                "WTSA第90号决议（2016年，哈马马特）；",
            ],
            100,
        ),
        res(
            "COM4/AI",
            Action::Add,
            ADD_ED,
            ADD_HIST,
            &["与其它组织合作；"],
            200,
        ),
    ]
}

fn clean_report() -> SummaryReport {
    SummaryReport {
        new_resolutions: vec![ReportedNew {
            number: 101,
            provisional_id: Some("COM4/AI".into()),
            title: Some("第COM4/AI号决议的标题".into()),
            line: 5,
        }],
        revised: vec![
            ReportedNumber { number: 2, line: 6 },
            ReportedNumber {
                number: 44,
                line: 6,
            },
        ],
        suppressed: Vec::new(),
        revised_recommendations: Vec::new(),
        status_table: vec![StatusRow {
            status_text: "修订版".into(),
            status: DeclaredStatus::Revised,
            number: 44,
            title: "第44号决议的标题".into(),
            line: 20,
        }],
        excerpts: vec![Excerpt {
            number: 101,
            title: None,
            sections: vec![section(
                "做出决议",
                SectionKind::Resolves,
                vec![clause(Some("a)"), "与其他组织合作。", 31)],
                30,
            )],
            footnotes: Vec::new(),
            span: Span::new(30, 31),
        }],
        new_listed: vec![ReportedNumber {
            number: 101,
            line: 4,
        }],
        diagnostics: Vec::new(),
    }
}

fn run(
    texts: Vec<Resolution>,
    report: Option<SummaryReport>,
    against: Option<&Corpus>,
) -> Vec<Finding> {
    let c = corpus(vec![doc(texts)]);
    let r = report.map(report_doc);
    let opts = ReviewOptions {
        against,
        report: r.as_ref(),
        ..ReviewOptions::default()
    };
    review(&c, &opts)
}

fn rules(fs: &[Finding]) -> Vec<&str> {
    fs.iter().map(|f| f.rule.as_str()).collect()
}

fn count(fs: &[Finding], rule: &str) -> usize {
    fs.iter().filter(|f| f.rule == rule).count()
}

fn previous() -> Corpus {
    let mut old = clean_texts();
    old.truncate(2);
    old.push(res("90", Action::Mod, MOD_ED, HIST, &["旧"], 300));
    for r in &mut old {
        r.action = None;
        r.sections[0].clauses[0].text.push_str("（旧）");
    }
    corpus(vec![doc(old)])
}

#[test]
fn clean_synthetic_edition_has_no_finding() {
    let prev = previous();
    let fs = run(clean_texts(), Some(clean_report()), Some(&prev));
    assert!(fs.is_empty(), "{fs:#?}");
}

// ---- edition markers ----

#[test]
fn header_edition_must_match_the_assembly() {
    let mut t = clean_texts();
    t[0].header = text("第2号决议（2022年，日内瓦，修订版）", 10);
    let fs = run(t, None, None);
    assert_eq!(rules(&fs), ["edition.header-mismatch"]);
    assert_eq!(
        fs[0].excerpt.as_ref().map(|x| x.marked.as_str()),
        Some("2022年，日内瓦，修订版")
    );
    assert_eq!(fs[0].suggestion.as_deref(), Some("2024年，新德里，修订版"));
}

#[test]
fn earlier_headers_are_fine_on_unmarked_texts_but_not_later_ones() {
    // A compiled book: each text as last revised, no MOD/ADD markers.
    let mut t = clean_texts();
    for r in &mut t {
        r.action = None;
    }
    // Res 44 revised at this assembly, as its parsed header says.
    t[1].edition = Some(crate::model::Edition {
        year: Some(2024),
        place: Some("新德里".into()),
        revised: true,
        raw: MOD_ED.into(),
    });
    t[0].header = text("第2号决议（2022年，日内瓦，修订版）", 10);
    let fs = run(t.clone(), None, None);
    assert!(fs.is_empty(), "{fs:#?}");
    t[0].header = text("第2号决议（2028年，日内瓦，修订版）", 10);
    assert_eq!(rules(&run(t, None, None)), ["edition.header-mismatch"]);
}

#[test]
fn add_carries_no_revised_mark_and_mod_does() {
    let mut t = clean_texts();
    t[2].header = text("第COM4/AI号决议（2024年，新德里，修订版）", 200);
    t[1].header = text("第44号决议（2024年，新德里）", 100);
    let fs = run(t, None, None);
    assert_eq!(
        rules(&fs),
        ["edition.mod-not-revised", "edition.add-revised"]
    );
    assert_eq!(fs[0].suggestion.as_deref(), Some("2024年，新德里，修订版"));
    assert_eq!(fs[1].suggestion.as_deref(), Some("2024年，新德里"));
}

#[test]
fn history_items_must_be_year_comma_place() {
    let mut t = clean_texts();
    t[0].history.as_mut().unwrap().text =
        "（2016年，哈马马特；2022，日内瓦；2024年，新德里）".into();
    t[1].history.as_mut().unwrap().text = "（2016年，哈马马特；2024年；新德里）".into();
    let fs = run(t, None, None);
    assert_eq!(rules(&fs), ["edition.history-item", "edition.history-item"]);
    assert_eq!(fs[0].excerpt.as_ref().unwrap().marked, "2022，日内瓦");
    assert_eq!(fs[1].excerpt.as_ref().unwrap().marked, "2024年；新德里");
    assert_eq!(
        fs[1].message,
        Message::HistoryItem {
            item: "2024年；新德里".into(),
            problem: HistoryProblem::Separator,
        }
    );
    assert_eq!(
        fs[0].message,
        Message::HistoryItem {
            item: "2022，日内瓦".into(),
            problem: HistoryProblem::NoYearSuffix,
        }
    );
}

#[test]
fn year_only_history_items_are_amendments_when_footnoted() {
    let mut t = clean_texts();
    let h = t[0].history.as_mut().unwrap();
    h.text = "（2016年，哈马马特；2017年；2018年；2022年，日内瓦；2024年，新德里）".into();
    h.notes = vec![1.into(), 2.into()];
    let fs = run(t.clone(), None, None);
    assert_eq!(rules(&fs), ["edition.history-amendment"]);
    assert_eq!(fs[0].severity, FindingSeverity::Info);
    assert_eq!(
        fs[0].message,
        Message::HistoryAmendments {
            items: vec!["2017年".into(), "2018年".into()],
        }
    );
    assert!(
        crate::lang::ZH_MESSAGES
            .text(&fs[0].message)
            .contains("2017年、2018年")
    );
    t[0].history.as_mut().unwrap().notes.clear();
    let fs = run(t, None, None);
    assert_eq!(rules(&fs), ["edition.history-item", "edition.history-item"]);
}

#[test]
fn history_must_end_with_the_assembly() {
    let mut t = clean_texts();
    t[0].history.as_mut().unwrap().text = "（2016年，哈马马特；2022年，日内瓦）".into();
    let fs = run(t, None, None);
    assert_eq!(rules(&fs), ["edition.history-end"]);
    assert_eq!(
        fs[0].suggestion.as_deref(),
        Some("2022年，日内瓦；2024年，新德里")
    );
}

fn with_caption(caption: &str) -> Vec<Resolution> {
    let mut t = clean_texts();
    t[1].annexes.push(Annex {
        name: "附件".into(),
        caption: Some(text(caption, 150)),
        title: None,
        paragraphs: Vec::new(),
        span: Span::new(150, 160),
    });
    t
}

#[test]
fn annex_captions_agree_with_their_resolution() {
    assert!(
        run(
            with_caption("（第44号决议（2024年，新德里，修订版））"),
            None,
            None
        )
        .is_empty()
    );
    let fs = run(
        with_caption("（第45号决议（2024年，新德里，修订版））"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["edition.caption-mismatch"]);
    assert_eq!(fs[0].excerpt.as_ref().unwrap().marked, "45");
    assert_eq!(fs[0].suggestion.as_deref(), Some("44"));
    let fs = run(
        with_caption("（第44号决议（2022年，日内瓦，修订版））"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["edition.caption-mismatch"]);
    assert_eq!(fs[0].suggestion.as_deref(), Some("2024年，新德里，修订版"));
}

#[test]
fn malformed_year_is_reported_once() {
    let fs = run(
        with_caption("（第44号决议（20204年，新德里，修订版））"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["edition.malformed-year"]);
    assert_eq!(fs[0].excerpt.as_ref().unwrap().marked, "20204年");
    assert_eq!(fs[0].line, 150);
    let mut t = clean_texts();
    t[0].sections[0].clauses[0].text = "自20204年起开展工作；".into();
    assert_eq!(rules(&run(t, None, None)), ["edition.malformed-year"]);
}

// ---- citations ----

fn citing(s: &str) -> Vec<Resolution> {
    let mut t = clean_texts();
    t[0].sections[0].clauses[0].text = s.to_string();
    t
}

#[test]
fn stale_citation_of_a_revised_resolution() {
    let fs = run(
        citing("本届全会第44号决议（2022年，日内瓦，修订版）"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["citation.stale"]);
    assert_eq!(
        fs[0].excerpt.as_ref().unwrap().marked,
        "第44号决议（2022年，日内瓦，修订版）"
    );
    assert_eq!(
        fs[0].suggestion.as_deref(),
        Some("第44号决议（2024年，新德里，修订版）")
    );
    // Bracketed edition and qualifier: one defect, the stale citation, with
    // both brackets merged into it and settled by its suggestion.
    let fs = run(
        citing("[本届全会]第44号决议（[2022年，日内瓦]，修订版）"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["citation.stale"]);
    assert_eq!(
        fs[0].rules().collect::<Vec<_>>(),
        ["citation.stale", "bracket.unresolved", "bracket.unresolved"]
    );
    assert_eq!(
        fs[0].suggestion.as_deref(),
        Some("本届全会第44号决议（2024年，新德里，修订版）")
    );
    // Unqualified, but the edition is one of this series'.
    let fs = run(
        citing("根据第44号决议（2016年，哈马马特，修订版）"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["citation.stale"]);
}

#[test]
fn citations_of_other_series_or_current_editions_are_not_stale() {
    for s in [
        "全权代表大会第44号决议（2022年，布加勒斯特，修订版）",
        "全权代表大会有关世界电信标准化全会作用的第44号决议（2010年，瓜达拉哈拉）",
        "本届全会第44号决议（2024年，新德里，修订版）",
        "WTSA第90号决议（2016年，哈马马特）",
        "第44号决议",
    ] {
        assert!(run(citing(s), None, None).is_empty(), "{s}");
    }
    // A resolution citing an earlier edition of itself does so on purpose.
    assert!(
        run(
            citing("根据WTSA第2号决议（2008年，约翰内斯堡）"),
            None,
            None
        )
        .is_empty()
    );
}

#[test]
fn this_assembly_with_an_earlier_edition() {
    let fs = run(
        citing("本届全会第1号决议（2022年，日内瓦，修订版）"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["citation.qualifier-edition"]);
    assert!(
        run(
            citing("世界电信标准化全会第1号决议（2022年，日内瓦，修订版）"),
            None,
            None
        )
        .is_empty()
    );
}

#[test]
fn assembly_edition_on_a_resolution_not_revised() {
    let fs = run(
        citing("WTSA第90号决议（2024年，新德里，修订版）"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["citation.not-revised"]);
}

#[test]
fn citations_of_suppressed_or_unknown_resolutions() {
    let mut rep = clean_report();
    rep.suppressed.push(ReportedNumber {
        number: 80,
        line: 7,
    });
    let mut t = citing("本届全会第80号决议和本届全会第150号决议");
    t.push(Resolution {
        action: Some(Action::Sup),
        ..res("80", Action::Sup, MOD_ED, HIST, &[], 300)
    });
    let fs = run(t.clone(), Some(rep.clone()), None);
    assert_eq!(count(&fs, "citation.suppressed"), 1);
    assert_eq!(count(&fs, "citation.unknown"), 1, "{fs:#?}");
    // Against a previous edition that lacks a number below its highest,
    // the previous edition is more likely incomplete: information only.
    let prev = previous();
    let fs = run(
        citing("本届全会第3号决议和本届全会第150号决议"),
        None,
        Some(&prev),
    );
    let cited: Vec<(&str, FindingSeverity)> = fs
        .iter()
        .filter(|f| f.rule.starts_with("citation."))
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        cited,
        [
            ("citation.not-in-previous", FindingSeverity::Info),
            ("citation.unknown", FindingSeverity::Warning)
        ],
        "{fs:#?}"
    );
    // Without report or previous edition nothing can be said of existence.
    let fs = run(citing("本届全会第150号决议"), None, None);
    assert!(fs.is_empty());
}

// ---- brackets ----

#[test]
fn editorial_brackets_are_listed() {
    let fs = run(
        citing("[本届全会]研究第[28]/21号课题，见[插入编号]"),
        None,
        None,
    );
    assert_eq!(rules(&fs), ["bracket.unresolved"; 3]);
    let mut marked: Vec<_> = fs
        .iter()
        .map(|f| f.excerpt.as_ref().unwrap().marked.as_str())
        .collect();
    marked.sort();
    assert_eq!(marked, ["[28]", "[插入编号]", "[本届全会]"]);
    // Each suggests its words without brackets, unless they are an
    // instruction to the editor.
    let mut fixes: Vec<_> = fs.iter().map(|f| f.suggestion.as_deref()).collect();
    fixes.sort();
    assert_eq!(fixes, [None, Some("28"), Some("本届全会")]);
}

#[test]
fn reference_tags_are_not_brackets_and_template_fields_are_info() {
    assert!(
        run(
            citing("见[ITU-T A.5]和[b-ITU-T A.Supp5]及[PP Res. 66]"),
            None,
            None
        )
        .is_empty()
    );
    let mut t = clean_texts();
    t[0].kind = ResolutionKind::Recommendation;
    t[0].id = "A.25".into();
    t[0].number = None;
    t[0].annexes.push(Annex {
        name: "附录二".into(),
        caption: None,
        title: None,
        paragraphs: vec![clause(None, "[插入维护程序]", 170)],
        span: Span::new(169, 170),
    });
    let fs = run(t, None, None);
    assert_eq!(rules(&fs), ["bracket.template-field"]);
    assert_eq!(fs[0].severity, FindingSeverity::Info);
}

// ---- declared status ----

#[test]
fn suppressed_without_sup_text() {
    let mut rep = clean_report();
    rep.suppressed.push(ReportedNumber {
        number: 80,
        line: 7,
    });
    let fs = run(clean_texts(), Some(rep.clone()), None);
    assert_eq!(rules(&fs), ["declared.suppressed-missing"]);
    assert_eq!((fs[0].file.as_str(), fs[0].line), (REPORT, 7));
    let mut t = clean_texts();
    t.push(res("80", Action::Sup, MOD_ED, HIST, &[], 300));
    assert!(run(t, Some(rep), None).is_empty());
}

#[test]
fn mod_and_revised_list_in_both_directions() {
    let mut rep = clean_report();
    rep.revised.retain(|n| n.number != 2);
    rep.revised.push(ReportedNumber { number: 7, line: 6 });
    let fs = run(clean_texts(), Some(rep), None);
    assert_eq!(
        rules(&fs),
        ["declared.revised-missing", "declared.mod-unlisted"]
    );
}

#[test]
fn add_and_new_list_in_both_directions() {
    let mut rep = clean_report();
    rep.new_resolutions.push(ReportedNew {
        number: 102,
        provisional_id: Some("COM4/CLI".into()),
        title: None,
        line: 5,
    });
    rep.new_resolutions.remove(0);
    rep.new_listed = vec![ReportedNumber {
        number: 102,
        line: 4,
    }];
    let fs = run(clean_texts(), Some(rep), None);
    assert_eq!(
        rules(&fs),
        ["declared.new-missing", "declared.add-unlisted"]
    );
}

#[test]
fn provisional_id_spelling_differs() {
    let mut t = clean_texts();
    t[2].id = "COM3/APT-NG".into();
    t[2].header = text("第COM3/APT-NG号决议（2024年，新德里）", 200);
    let mut rep = clean_report();
    rep.new_resolutions[0].provisional_id = Some("COM3/NG".into());
    rep.new_resolutions[0].title = None;
    rep.excerpts.clear();
    let fs = run(t, Some(rep), None);
    assert_eq!(rules(&fs), ["declared.provisional-id"]);
    assert!(
        fs[0]
            .diff
            .iter()
            .any(|d| d.op == InlineTag::Delete && d.text.contains("APT"))
    );
    // Different committee: not the same resolution.
    assert!(!declared_loose("COM4/NG", "COM3/APT-NG"));
}

fn declared_loose(a: &str, b: &str) -> bool {
    let t = res(b, Action::Add, ADD_ED, ADD_HIST, &[], 1);
    let d = doc(vec![t]);
    let texts = [super::Text {
        doc: &d,
        res: &d.resolutions[0],
    }];
    let new = [ReportedNew {
        number: 1,
        provisional_id: Some(a.into()),
        title: None,
        line: 1,
    }];
    declared::pair_new(&texts, &new)[0].is_some()
}

#[test]
fn report_contradicting_itself_and_the_texts() {
    let mut rep = clean_report();
    rep.status_table[0].status = DeclaredStatus::Maintained;
    rep.status_table[0].status_text = "保留".into();
    let fs = run(clean_texts(), Some(rep), None);
    assert_eq!(
        rules(&fs),
        ["declared.report-inconsistent", "declared.status-differs"]
    );
    assert_eq!(fs[0].related[0].line, 6);
}

#[test]
fn titles_differing_between_report_and_text() {
    let mut rep = clean_report();
    rep.status_table[0].title = "第44号决议的题目".into();
    let fs = run(clean_texts(), Some(rep), None);
    assert_eq!(rules(&fs), ["declared.title-differs"]);
    assert_eq!(fs[0].excerpt.as_ref().unwrap().marked, "标题");
    assert_eq!(fs[0].related[0].line, 20);
    // Width and editorial variants do not count.
    let mut rep = clean_report();
    rep.status_table[0].title = "第４４号决议的标题".into();
    assert!(run(clean_texts(), Some(rep), None).is_empty());
}

// ---- excerpts ----

#[test]
fn excerpt_differing_from_the_full_text() {
    let mut rep = clean_report();
    rep.excerpts[0].sections[0].clauses[0].text = "与其它国际组织合作；".into();
    let fs = run(clean_texts(), Some(rep), None);
    assert_eq!(rules(&fs), ["excerpt.clause-differs"]);
    assert_eq!((fs[0].file.as_str(), fs[0].line), (REPORT, 31));
    assert_eq!(fs[0].excerpt.as_ref().unwrap().marked, "国际");
    assert_eq!(fs[0].related[0].line, 205);
}

#[test]
fn excerpt_section_or_clause_missing() {
    let mut rep = clean_report();
    rep.excerpts[0].sections[0].kind = SectionKind::Invites;
    rep.excerpts[0].sections[0].heading = "请".into();
    assert_eq!(
        rules(&run(clean_texts(), Some(rep), None)),
        ["excerpt.section-missing"]
    );
    let mut rep = clean_report();
    rep.excerpts[0].sections[0].clauses[0].label = None;
    rep.excerpts[0].sections[0].clauses[0].text = "完全不同的一段文字内容。".into();
    assert_eq!(
        rules(&run(clean_texts(), Some(rep), None)),
        ["excerpt.clause-missing"]
    );
}

// ---- against the previous edition ----

#[test]
fn mod_unchanged_against_previous() {
    let mut prev = clean_texts();
    prev.truncate(2);
    prev.push(res("90", Action::Mod, MOD_ED, HIST, &["旧"], 300));
    let prev = corpus(vec![doc(prev)]);
    let fs = run(clean_texts(), None, Some(&prev));
    assert_eq!(
        rules(&fs),
        ["against.mod-unchanged", "against.mod-unchanged"]
    );
}

#[test]
fn add_existing_sup_present_and_unmarked_changes() {
    let mut prev_texts = clean_texts();
    prev_texts.truncate(2);
    prev_texts.push(res("101", Action::Mod, MOD_ED, HIST, &["x"], 300));
    prev_texts.push(res("80", Action::Mod, MOD_ED, HIST, &["x"], 400));
    for r in &mut prev_texts {
        r.sections[0].clauses[0].text.push('旧');
    }
    let prev = corpus(vec![doc(prev_texts)]);
    let mut t = clean_texts();
    t[0].action = None;
    t.push(res("80", Action::Sup, MOD_ED, HIST, &[], 500));
    t.push(res("80", Action::Mod, MOD_ED, HIST, &["y"], 600));
    let fs = run(t, Some(clean_report()), Some(&prev));
    for r in [
        "against.add-exists",
        "against.sup-present",
        "against.changed-unmarked",
    ] {
        assert_eq!(count(&fs, r), 1, "{r}: {fs:#?}");
    }
}

#[test]
fn report_highlights_and_mapping_must_agree() {
    let mut rep = clean_report();
    rep.new_listed.push(ReportedNumber {
        number: 102,
        line: 4,
    });
    let fs = run(clean_texts(), Some(rep), None);
    assert_eq!(rules(&fs), ["declared.report-inconsistent"]);
    assert_eq!(fs[0].message, Message::NewUnmapped { number: 102 });
}

#[test]
fn partial_editions_do_not_miss_declared_texts() {
    let mut rep = clean_report();
    rep.revised.push(ReportedNumber { number: 7, line: 6 });
    rep.suppressed.push(ReportedNumber {
        number: 80,
        line: 7,
    });
    let mut c = corpus(vec![doc(clean_texts())]);
    c.partial = true;
    let r = report_doc(rep);
    let opts = ReviewOptions {
        report: Some(&r),
        ..ReviewOptions::default()
    };
    assert!(review(&c, &opts).is_empty());
}
