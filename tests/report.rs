//! The summary report of WTSA-24 (a Word extraction), read end to end.

use resdiff::lang::ZH;
use resdiff::model::{Clause, DeclaredStatus, Excerpt, LabelFamily, SectionKind, SummaryReport};
use resdiff::parse::report::{looks_like_report, parse_report};

const REPORT: &str = "versions/wtsa-24/wtsa-24-summary-report.zh.txt";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn report() -> (String, SummaryReport) {
    let text = read(REPORT);
    let report = parse_report(&text, &ZH);
    (text, report)
}

fn line(text: &str, n: u32) -> &str {
    text.lines().nth(n as usize - 1).expect("line exists")
}

fn excerpt(report: &SummaryReport, number: u32) -> &Excerpt {
    report
        .excerpts
        .iter()
        .find(|e| e.number == number)
        .unwrap_or_else(|| panic!("no excerpt of Res {number}"))
}

#[test]
fn classifies_only_the_report_as_report() {
    assert!(looks_like_report(&read(REPORT), &ZH));
    for path in [
        "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt",
        "versions/wtsa-24-published/resolution-101.zh.txt",
        "tests/fixtures/council-activity-report-2019-2021.zh.txt",
        "tests/fixtures/council-report-strategic-plan-2024.zh.txt",
    ] {
        assert!(!looks_like_report(&read(path), &ZH), "{path}");
    }
}

#[test]
fn mapping_lines_give_numbers_ids_and_titles() {
    let (text, r) = report();
    let got: Vec<(u32, &str, u32)> = r
        .new_resolutions
        .iter()
        .map(|n| (n.number, n.provisional_id.as_deref().unwrap_or("-"), n.line))
        .collect();
    assert_eq!(
        got,
        vec![
            (101, "COM4/AI", 35),
            (102, "COM4/CLI-CL", 36),
            (103, "COM4/DPI", 37),
            (104, "COM4/VC", 38),
            (105, "COM4/MV", 39),
            (106, "COM4/SDT", 40),
            (107, "COM3/NG", 41),
            (108, "COM3/SP", 42),
        ]
    );
    assert_eq!(
        r.new_resolutions[1].title.as_deref(),
        Some("为应急通信提供手机获取的主叫位置信息")
    );
    for n in &r.new_resolutions {
        let title = n.title.as_deref().expect("every mapping line has a title");
        assert!(line(&text, n.line).ends_with(title), "line {}", n.line);
    }
}

#[test]
fn highlight_lists() {
    let (_, r) = report();
    let new: Vec<(u32, u32)> = r.new_listed.iter().map(|n| (n.number, n.line)).collect();
    assert_eq!(new, (101..=108).map(|n| (n, 28)).collect::<Vec<_>>());

    // Copied from line 29 of the report.
    let listed = [
        2, 7, 11, 18, 20, 22, 29, 32, 34, 40, 43, 44, 48, 50, 52, 54, 55, 58, 60, 61, 64, 65, 67,
        68, 70, 72, 73, 74, 76, 77, 78, 79, 84, 88, 89, 91, 92, 93, 94, 96, 97, 98, 99, 100,
    ];
    assert_eq!(listed.len(), 44);
    let revised: Vec<u32> = r.revised.iter().map(|n| n.number).collect();
    assert_eq!(revised, listed);
    assert!(r.revised.iter().all(|n| n.line == 29));

    let suppressed: Vec<(u32, u32)> = r.suppressed.iter().map(|n| (n.number, n.line)).collect();
    assert_eq!(suppressed, vec![(80, 30)]);
    let recs: Vec<(&str, u32)> = r
        .revised_recommendations
        .iter()
        .map(|n| (n.id.as_str(), n.line))
        .collect();
    assert_eq!(recs, vec![("A.25", 31)]);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn status_table() {
    let (text, r) = report();
    assert_eq!(r.status_table.len(), 35);
    let count = |s| r.status_table.iter().filter(|row| row.status == s).count();
    assert_eq!(count(DeclaredStatus::Revised), 26);
    assert_eq!(count(DeclaredStatus::Maintained), 5);
    assert_eq!(count(DeclaredStatus::New), 4);

    let row88 = r
        .status_table
        .iter()
        .find(|row| row.number == 88)
        .expect("88");
    assert_eq!(row88.status, DeclaredStatus::Maintained);
    assert_eq!(row88.status_text, "保留");
    assert_eq!(row88.line, 150);
    assert_eq!(row88.title, "国际移动漫游（IMR）");

    let row78 = r
        .status_table
        .iter()
        .find(|row| row.number == 78)
        .expect("78");
    assert_eq!(row78.title, "改善获得电子健康服务的信息通信技术应用和标准");
    let new: Vec<u32> = r
        .status_table
        .iter()
        .filter(|row| row.status == DeclaredStatus::New)
        .map(|row| row.number)
        .collect();
    assert_eq!(new, vec![101, 103, 104, 107]);
    for row in &r.status_table {
        assert_eq!(line(&text, row.line).trim(), row.status_text);
        assert!(!row.title.contains("[bookmark"), "{}", row.title);
    }
}

#[test]
fn excerpts_cover_every_annex_entry() {
    let (text, r) = report();
    let numbers: Vec<u32> = r.excerpts.iter().map(|e| e.number).collect();
    assert_eq!(
        numbers,
        vec![
            2, 18, 22, 29, 32, 43, 44, 48, 50, 52, 54, 58, 64, 69, 70, 72, 73, 74, 76, 78, 79, 83,
            84, 86, 88, 89, 92, 95, 96, 97, 98, 100, 101, 103, 104, 107
        ]
    );
    assert_eq!(r.excerpts[0].span.first_line, 206);
    assert_eq!(r.excerpts[35].span.last_line, 620);
    assert_eq!(
        excerpt(&r, 78).title.as_deref(),
        Some("改善获得电子健康服务的信息通信技术应用和标准")
    );
    assert_eq!(
        excerpt(&r, 58).title.as_deref(),
        Some("鼓励建立和加强国家计算机事件响应团队，尤其是在发展中国家")
    );
    // Every excerpt has a title and at least one section; every clause
    // points at the line that holds its text.
    for e in &r.excerpts {
        assert!(e.title.is_some(), "Res {}", e.number);
        assert!(!e.sections.is_empty(), "Res {}", e.number);
        for s in &e.sections {
            for c in s.clauses.iter().flat_map(Clause::descendants) {
                let head: String = c.text.chars().take(12).collect();
                assert!(line(&text, c.span.first_line).contains(&head), "{head}");
            }
        }
    }
}

/// Section summary: (kind, further, heading, addressee, top labels, first line).
type SectionOutline<'a> = (
    SectionKind,
    bool,
    &'a str,
    Option<&'a str>,
    Vec<&'a str>,
    u32,
);

fn outline(e: &Excerpt) -> Vec<SectionOutline<'_>> {
    e.sections
        .iter()
        .map(|s| {
            (
                s.kind,
                s.further,
                s.heading.as_str(),
                s.addressee.as_deref(),
                s.clauses
                    .iter()
                    .map(|c| c.label.as_ref().map_or("-", |l| l.raw.as_str()))
                    .collect(),
                s.span.first_line,
            )
        })
        .collect()
}

#[test]
fn excerpt_of_res_44() {
    let (_, r) = report();
    let e = excerpt(&r, 44);
    assert_eq!(
        e.title.as_deref(),
        Some("缩小发展中国家与发达国家之间的标准化工作差距")
    );
    let tsb = "电信标准化局主任与电信发展局主任和无线电通信局主任协作，在可用资源范围内";
    let numbers: Vec<String> = (1..=16).map(|n| n.to_string()).collect();
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    assert_eq!(
        outline(e),
        vec![
            (
                SectionKind::Resolves,
                false,
                "做出决议",
                None,
                vec!["1", "2"],
                261
            ),
            (
                SectionKind::Resolves,
                true,
                "进一步做出决议国际电联区域代表处",
                Some("国际电联区域代表处"),
                vec!["1", "2", "3"],
                267
            ),
            (
                SectionKind::Instructs,
                false,
                &format!("责成{tsb}"),
                Some(tsb),
                numbers,
                276
            ),
            (
                SectionKind::Instructs,
                true,
                "进一步责成研究组",
                Some("研究组"),
                vec!["3"],
                295
            ),
            (
                SectionKind::Invites,
                false,
                "请电信标准化局主任",
                Some("电信标准化局主任"),
                vec!["1", "2", "3", "5"],
                297
            ),
            (
                SectionKind::Instructs,
                false,
                "责成电信标准化局主任与电信发展局主任协作",
                Some("电信标准化局主任与电信发展局主任协作"),
                vec!["-"],
                303
            ),
        ]
    );
    // Roman sub-items sit under clause 2 of the first two sections.
    let children = |s: usize| -> Vec<(String, LabelFamily, u32)> {
        e.sections[s].clauses[1]
            .children
            .iter()
            .filter_map(|c| c.label.as_ref())
            .map(|l| (l.raw.clone(), l.family, l.ordinal))
            .collect()
    };
    assert_eq!(
        children(0),
        vec![
            ("i)".to_string(), LabelFamily::Roman, 1),
            ("ii)".to_string(), LabelFamily::Roman, 2),
            ("iii)".to_string(), LabelFamily::Roman, 3)
        ]
    );
    assert_eq!(children(1).len(), 4);
    assert_eq!(e.span.first_line, 259);
    assert_eq!(e.span.last_line, 305);
}

#[test]
fn excerpt_of_res_18() {
    let (_, r) = report();
    let e = excerpt(&r, 18);
    assert_eq!(
        outline(e),
        vec![
            (
                SectionKind::Resolves,
                false,
                "做出决议",
                None,
                vec!["1", "2", "4", "5"],
                214
            ),
            (SectionKind::Invites, false, "请", None, vec!["1", "2"], 222),
        ]
    );
    let sub: Vec<&str> = e.sections[0].clauses[1]
        .children
        .iter()
        .filter_map(|c| c.label.as_ref().map(|l| l.raw.as_str()))
        .collect();
    assert_eq!(sub, vec!["i)", "ii)", "iii)"]);
    assert_eq!(e.sections[0].clauses[1].children[2].span.first_line, 219);
}

#[test]
fn excerpt_headings_split_over_lines_and_compounds() {
    let (_, r) = report();
    // `责成` + `电信标准化局主任`, then an unlabelled clause.
    let res29 = outline(excerpt(&r, 29));
    assert_eq!(
        res29,
        vec![(
            SectionKind::Instructs,
            false,
            "责成电信标准化局主任",
            Some("电信标准化局主任"),
            vec!["-"],
            234
        )]
    );
    // `做出决议` + `责成…` is the compound heading of the resolution.
    let res78 = &excerpt(&r, 78).sections[0];
    assert_eq!(res78.kind, SectionKind::ResolvesInstructs);
    assert_eq!(
        res78.heading,
        "做出决议，责成电信标准化局主任与电信发展局主任和无线电通信局主任协作"
    );
    // `做出决议，责成` + addressee line.
    let res79 = &excerpt(&r, 79).sections[0];
    assert_eq!(res79.kind, SectionKind::ResolvesInstructs);
    assert_eq!(
        res79.addressee.as_deref(),
        Some("电信标准化局主任与电信发展局主任合作")
    );
    // A lead-in ending in `：` before labelled clauses is the intro.
    let res72 = &excerpt(&r, 72).sections[0];
    assert!(
        res72
            .intro
            .as_ref()
            .is_some_and(|i| i.span.first_line == 397)
    );
    let labels: Vec<(&str, LabelFamily, u32)> = res72
        .clauses
        .iter()
        .filter_map(|c| c.label.as_ref())
        .map(|l| (l.raw.as_str(), l.family, l.ordinal))
        .collect();
    assert_eq!(
        labels,
        vec![
            ("i)", LabelFamily::Roman, 1),
            ("viii)", LabelFamily::Roman, 8)
        ]
    );
    // `l)` under clause 1 of Res 22 is the letter l.
    let l = excerpt(&r, 22).sections[0].clauses[0].children[0]
        .label
        .clone()
        .expect("label");
    assert_eq!((l.family, l.ordinal), (LabelFamily::Letter, 12));
    // Bullets of Res 32 are children of clause 1.
    let bullets = &excerpt(&r, 32).sections[0].clauses[0].children;
    assert_eq!(bullets.len(), 2);
    assert!(bullets.iter().all(|b| {
        b.label
            .as_ref()
            .is_some_and(|l| l.family == LabelFamily::Bullet && l.ordinal == 0)
    }));
}

#[test]
fn footnote_of_res_98() {
    let (_, r) = report();
    let e = excerpt(&r, 98);
    assert_eq!(e.footnotes.len(), 1);
    assert_eq!(e.footnotes[0].mark, 1);
    assert_eq!(e.footnotes[0].referenced_at, vec![571]);
    assert!(e.footnotes[0].text.starts_with("这些国家包括最不发达国家"));
    let c = &e.sections[0].clauses[0];
    assert_eq!(c.notes, vec![1]);
    assert!(c.text.contains("发展中国家在研究IoT"), "{}", c.text);
    assert!(c.text.ends_with("以确保工作协调；"), "{}", c.text);
}
