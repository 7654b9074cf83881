//! `resdiff review` on the shipped WTSA-24 texts: the findings an editor
//! would otherwise hunt by hand, with their file:line locations, and the
//! example report in `docs/` kept in step with the command's output.

use resdiff::corpus::LoadOptions;
use resdiff::model::{Finding, FindingSeverity, Message, QuotedPart, RelatedPlace, ReportList};
use resdiff::review::{ReviewInput, load_and_review};
use std::path::Path;
use std::sync::OnceLock;

const TEXTS: &str = "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt";
const REPORT: &str = "versions/wtsa-24/wtsa-24-summary-report.zh.txt";

fn findings() -> &'static [Finding] {
    static CELL: OnceLock<Vec<Finding>> = OnceLock::new();
    CELL.get_or_init(|| {
        let load = LoadOptions::default();
        let (_, fs) = load_and_review(&ReviewInput {
            edition: Path::new("versions/wtsa-24"),
            against: None,
            report: None,
            load: &load,
        })
        .expect("the edition loads");
        fs
    })
}

#[test]
fn a_report_that_is_not_a_summary_report_is_a_data_error() {
    let load = LoadOptions::default();
    let e = load_and_review(&ReviewInput {
        edition: Path::new("versions/wtsa-24"),
        against: None,
        report: Some(Path::new(TEXTS)),
        load: &load,
    })
    .unwrap_err();
    assert!(
        matches!(&e, resdiff::Error::Data { path, line: None, .. } if path == TEXTS),
        "{e:?}"
    );
    assert!(e.to_string().contains("not a summary report"), "{e}");
}

/// Findings whose own rule is `rule` (not counting those it was merged into).
fn of(rule: &str) -> Vec<&'static Finding> {
    findings().iter().filter(|f| f.rule == rule).collect()
}

/// `(rule, message)` of every rule that fired, own or merged.
fn fired() -> Vec<(&'static str, &'static Message)> {
    findings()
        .iter()
        .flat_map(|f| {
            std::iter::once((f.rule.as_str(), &f.message))
                .chain(f.also.iter().map(|a| (a.rule.as_str(), &a.message)))
        })
        .collect()
}

/// The finding of `rule` at `line`.
fn at(rule: &str, line: u32) -> &'static Finding {
    of(rule)
        .into_iter()
        .find(|f| f.line == line)
        .unwrap_or_else(|| panic!("no {rule} at line {line}"))
}

/// `(resolution, line)` of each finding.
fn lines_of<'f>(fs: &[&'f Finding]) -> Vec<(&'f str, u32)> {
    fs.iter()
        .map(|f| (f.resolution.as_deref().unwrap_or(""), f.line))
        .collect()
}

/// `(resolution, file, line)` of every finding of `rule`.
fn places(rule: &str) -> Vec<(String, &'static str, u32)> {
    of(rule)
        .into_iter()
        .map(|f| {
            (
                f.resolution.clone().unwrap_or_default(),
                f.file.as_str(),
                f.line,
            )
        })
        .collect()
}

fn marked(f: &Finding) -> &str {
    f.excerpt.as_ref().map(|x| x.marked.as_str()).unwrap_or("")
}

#[test]
fn malformed_year_in_the_annex_caption_of_resolution_29() {
    let fs = of("edition.malformed-year");
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!((fs[0].file.as_str(), fs[0].line), (TEXTS, 2646));
    assert_eq!(fs[0].resolution.as_deref(), Some("29"));
    assert_eq!(marked(fs[0]), "20204年");
    assert_eq!(fs[0].severity, FindingSeverity::Error);
}

#[test]
fn malformed_history_items_of_resolutions_60_and_68() {
    assert_eq!(
        places("edition.history-item"),
        [
            ("60".to_string(), TEXTS, 5282),
            ("68".to_string(), TEXTS, 6038)
        ]
    );
    let fs = of("edition.history-item");
    assert_eq!(marked(fs[0]), "2022，日内瓦");
    assert_eq!(marked(fs[1]), "2024年；新德里");
    // Resolution 2's footnoted year-only items are TSAG amendments: one info.
    let amend = of("edition.history-amendment");
    assert_eq!(amend.len(), 1);
    assert_eq!(
        (amend[0].resolution.as_deref(), amend[0].line),
        (Some("2"), 9)
    );
    assert_eq!(amend[0].severity, FindingSeverity::Info);
    // Every other header, history line and caption is right.
    for rule in [
        "edition.header-mismatch",
        "edition.add-revised",
        "edition.mod-not-revised",
        "edition.history-end",
        "edition.caption-mismatch",
    ] {
        assert!(of(rule).is_empty(), "{rule}: {:#?}", of(rule));
    }
}

/// Counted by eye in the source (`grep -o '\[[^]]*\]'`, joining the five
/// brackets wrapped over two lines): `[本届全会]` 34, `[2022年，日内瓦]` 24,
/// `[2024年，新德里]` 12, `[世界电信标准化全会]` 5, `[2016年，哈马马特]` 5,
/// `[世界电信标准化全会（WTSA）]` 1, `第[28]/21号课题` 1 (l.7812) = 82 in resolution
/// bodies; A.25 Appendix II holds 12 fill-in fields (10 `[插入…]`,
/// `[各规范性参引清单]`, `[从下列清单中选择批准状况]`); the 16 reference tags
/// of A.25 (`[ITU-T A.5]` …) are not placeholders.
#[test]
fn every_bracketed_placeholder_with_its_line() {
    // Every bracket fired the rule; some findings were merged into the
    // stale citation they sit in, so count the rule's messages.
    let brackets: Vec<&str> = fired()
        .into_iter()
        .filter(|(rule, _)| *rule == "bracket.unresolved")
        .filter_map(|(_, m)| match m {
            Message::UnresolvedBracket { bracket } => Some(bracket.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(brackets.len(), 82);
    let n = |s: &str| brackets.iter().filter(|b| **b == s).count();
    assert_eq!(n("[本届全会]"), 34);
    assert_eq!(n("[2022年，日内瓦]"), 24);
    assert_eq!(n("[2024年，新德里]"), 12);
    assert_eq!(n("[世界电信标准化全会]"), 5);
    assert_eq!(n("[2016年，哈马马特]"), 5);
    assert_eq!(n("[世界电信标准化全会（WTSA）]"), 1);
    assert_eq!(n("[28]"), 1);
    let fs = of("bracket.unresolved");
    assert_eq!(fs.len(), 52);
    let lines = |s: &str| -> Vec<u32> {
        fs.iter()
            .filter(|f| marked(f) == s)
            .map(|f| f.line)
            .collect()
    };
    // The clause opens at l.7810; `第[28]/21号课题` is on its second line.
    assert_eq!(lines("[28]"), [7812]);
    assert_eq!(lines("[世界电信标准化全会（WTSA）]"), [9336]);
    // Res 40 l.3025–3027: `[本届全会]有关…的第20号决议（[2022年，日内瓦]，修订版）`.
    assert!(lines("[本届全会]").contains(&3025));
    // Its `[2022年，日内瓦]` is part of the stale citation of Res 20.
    assert!(at("citation.stale", 3027).fired("bracket.unresolved"));
    // A bracket wrapped over two lines is located where it opens
    // (l.5132 ends `…落实[本`).
    assert!(lines("[本届全会]").contains(&5132));
    let raw = std::fs::read_to_string(TEXTS).expect("texts");
    let lines_of: Vec<&str> = raw.split('\n').collect();
    for f in &fs {
        // The bracket opens on the finding's line (it may close on a later one).
        let opening: String = marked(f).chars().take(2).collect();
        let here = lines_of[f.line as usize - 1].trim_end();
        assert!(
            here.contains(&opening) || here.ends_with('['),
            "{}:{} does not hold {}",
            f.file,
            f.line,
            marked(f)
        );
    }
    let fields = of("bracket.template-field");
    assert_eq!(fields.len(), 12);
    assert!(
        fields
            .iter()
            .all(|f| f.resolution.as_deref() == Some("A.25"))
    );
    assert_eq!(fields.last().map(|f| f.line), Some(11843));
}

/// Checked by eye against every own-series citation with an edition: 32
/// citations of resolutions revised at WTSA-24 with an older edition, two
/// in one citation (`[本届全会]第44号和第54号决议（[2022年，日内瓦]，修订版）`,
/// Res 74), which is one finding. Lines are those where the citation (or the
/// editorial bracket right before it) starts; `span` starts at the clause.
#[test]
fn stale_citations_with_their_lines() {
    let fs = of("citation.stale");
    let got = lines_of(&fs);
    assert_eq!(
        got,
        [
            ("18", 1809),
            ("22", 2395),
            ("29", 2505),
            ("29", 2511),
            ("32", 2856),
            ("34", 2958),
            ("34", 2985),
            ("40", 3027),
            ("44", 3286),
            ("44", 3303),
            ("44", 3307),
            ("44", 3448),
            ("44", 3628),
            ("50", 3992),
            ("50", 3995),
            ("50", 4158),
            ("54", 4666),
            ("61", 5378),
            ("65", 5723),
            ("65", 5736),
            ("68", 6062),
            ("70", 6335),
            ("70", 6339),
            ("74", 7188),
            ("89", 8476),
            ("93", 9094),
            ("96", 9324),
            ("96", 9338),
            ("COM3/SP", 11138),
            ("COM3/SP", 11142),
            ("COM3/SP", 11152),
        ]
    );
    // Res 29 clause d) (l.2503) cites Res 60 as 2022 on its second line.
    let res60 = fs
        .iter()
        .find(|f| {
            f.resolution.as_deref() == Some("29")
                && matches!(&f.message, Message::StaleCitation { numbers, .. } if numbers == &[60])
        })
        .expect("Res 60 cited in Res 29");
    assert_eq!((res60.line, res60.span.first_line), (2505, 2503));
    assert_eq!(marked(res60), "第60号决议（2022年，日内瓦，修订版）");
    // `本届全会第1号决议（2022年，日内瓦，修订版）`: Res 1 is not revised, but
    // "this assembly" contradicts the edition (Res 2 l.74, Res 22 l.2411, Res 54 l.4654).
    assert_eq!(
        places("citation.qualifier-edition"),
        [
            ("2".to_string(), TEXTS, 74),
            ("22".to_string(), TEXTS, 2411),
            ("54".to_string(), TEXTS, 4654)
        ]
    );
    // Plenipotentiary, WTDC, RA and Council citations are other series.
    assert!(
        of("citation.unknown").is_empty(),
        "{:#?}",
        of("citation.unknown")
    );
    assert!(of("citation.not-revised").is_empty());
}

#[test]
fn resolution_80_declared_suppressed_without_sup_text() {
    assert_eq!(
        places("declared.suppressed-missing"),
        [("80".to_string(), REPORT, 30)]
    );
}

#[test]
fn report_inconsistency_over_resolution_88() {
    let fs = of("declared.report-inconsistent");
    assert_eq!(fs.len(), 1, "{fs:#?}");
    assert_eq!(
        (fs[0].resolution.as_deref(), fs[0].file.as_str(), fs[0].line),
        (Some("88"), REPORT, 150)
    );
    assert_eq!(fs[0].related[0].line, 29);
    assert_eq!(
        fs[0].message,
        Message::StatusInOtherList {
            number: 88,
            status: "保留".into(),
            list: ReportList::Revised,
            line: 29,
        }
    );
    assert_eq!(fs[0].related[0].place, RelatedPlace::ReportRevisedList);
    let st = of("declared.status-differs");
    assert_eq!(st.len(), 1);
    assert_eq!((st[0].file.as_str(), st[0].line), (TEXTS, 8352));
    // The revised list is otherwise the 44 MOD texts.
    assert!(of("declared.mod-unlisted").is_empty());
    assert!(of("declared.revised-missing").is_empty());
}

#[test]
fn provisional_id_spelling_com3_apt_ng() {
    let fs = of("declared.provisional-id");
    assert_eq!(fs.len(), 1);
    assert_eq!((fs[0].file.as_str(), fs[0].line), (TEXTS, 10813));
    assert_eq!(
        fs[0].message,
        Message::ProvisionalIdSpelling {
            written: "COM3/APT-NG".into(),
            reported: "COM3/NG".into(),
            number: 107,
        }
    );
    assert_eq!(fs[0].related[0].line, 41);
    assert!(of("declared.new-missing").is_empty());
    assert!(of("declared.add-unlisted").is_empty());
}

#[test]
fn title_differences_between_report_and_text() {
    let fs = of("declared.title-differs");
    let got = lines_of(&fs);
    assert_eq!(
        got,
        [
            ("78", 7717),
            ("88", 8354),
            ("98", 9750), // second title line, where `可持续智慧` is transposed
            ("COM4/VC", 10907),
            ("COM4/CLI-CL", 11388)
        ]
    );
    let diff_of = |i: usize| -> String {
        fs[i]
            .diff
            .iter()
            .map(|d| match d.op {
                resdiff::model::InlineTag::Equal => d.text.clone(),
                resdiff::model::InlineTag::Delete => format!("[-{}-]", d.text),
                resdiff::model::InlineTag::Insert => format!("{{+{}+}}", d.text),
            })
            .collect()
    };
    assert!(diff_of(0).contains("[-卫生-]{+健康+}"), "{}", diff_of(0));
    assert!(diff_of(3).contains("车辆{+网联+}通信"), "{}", diff_of(3));
    assert!(diff_of(4).contains("[-衍生-]{+获取的+}"), "{}", diff_of(4));
    assert!(matches!(
        fs[3].message,
        Message::TitleDiffers { number: 104, .. }
    ));
    assert!(matches!(
        fs[4].message,
        Message::TitleDiffers { number: 102, .. }
    ));
}

#[test]
fn excerpts_compared_with_the_full_texts() {
    let fs = of("excerpt.clause-differs");
    assert!(!fs.is_empty());
    // Every one is located in the report and points at the full text.
    for f in &fs {
        assert_eq!(f.file, REPORT);
        assert_eq!(f.related[0].file, TEXTS);
        assert!(!f.diff.is_empty());
    }
    // 000 l.210 quotes Res 2 without `（ITU-D）`.
    let res2 = fs.iter().find(|f| f.line == 210).expect("Res 2 quote");
    assert!(res2.diff.iter().any(|d| d.text == "（ITU-D）"));
    assert_eq!(
        res2.message,
        Message::ExcerptDiffers {
            part: QuotedPart::Clause,
            id: "2".into(),
            file: TEXTS.into(),
            line: 90,
        }
    );
    assert_eq!(res2.related[0].place, RelatedPlace::FullText);
}

#[test]
fn markdown_example_in_docs_is_current() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(["review", "versions/wtsa-24", "--format", "markdown"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("resdiff runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings at warning level exit 1"
    );
    let produced = String::from_utf8(out.stdout).expect("UTF-8");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/review-wtsa-24.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &produced).expect("write docs");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == produced,
        "docs/review-wtsa-24.md differs from `resdiff review versions/wtsa-24 --format markdown`; \
         rerun with UPDATE_DOCS=1 and review the change"
    );
}

#[test]
fn exit_codes_follow_fail_on() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("resdiff runs")
            .status
            .code()
    };
    assert_eq!(
        run(&[
            "review",
            "versions/wtsa-24",
            "--format",
            "json",
            "--fail-on",
            "error"
        ]),
        Some(1)
    );
    // The published edition (Res 101 only) has no error.
    assert_eq!(
        run(&[
            "review",
            "versions/wtsa-24-published",
            "--format",
            "json",
            "--fail-on",
            "error"
        ]),
        Some(0)
    );
    assert_eq!(run(&["review", "no/such/folder"]), Some(2));
    assert_eq!(
        run(&[
            "review",
            "tests/fixtures/council-report-strategic-plan-2024.zh.txt"
        ]),
        Some(2)
    );
}

// ---- one finding per defect, with its suggestion ----

/// Two findings at one place (same file, paragraph and resolution, marked
/// parts overlapping) would be one defect told twice.
#[test]
fn one_finding_per_defect_on_the_real_text() {
    let fs = findings();
    for (i, a) in fs.iter().enumerate() {
        for b in &fs[i + 1..] {
            let (Some(ra), Some(rb)) = (&a.marked_range, &b.marked_range) else {
                continue;
            };
            let overlap = ra.start < rb.end && rb.start < ra.end || ra == rb;
            assert!(
                !(a.file == b.file && a.span == b.span && a.resolution == b.resolution && overlap),
                "one defect, two findings:\n{a:#?}\n{b:#?}"
            );
        }
    }
    // 203 findings before (82 brackets, 32 stale citations, …): the 30
    // brackets inside stale citations and the second number of Res 74's
    // `第44号和第54号决议` are no longer findings of their own, and the two
    // findings on the report's group headings above Res 52 and Res 92
    // excerpts are gone.
    assert_eq!(fs.len(), 170);
    // Res 74 l.7188: one citation, once three findings.
    let c = at("citation.stale", 7188);
    assert_eq!(
        marked(c),
        "[本届全会]第44号和第54号决议（[2022年，日内瓦]，修订版）"
    );
    assert!(
        matches!(&c.message, Message::StaleCitation { numbers, .. } if numbers == &[44, 54]),
        "{:?}",
        c.message
    );
    // Worded for the texts: one list of numbers, in each language.
    let zh = resdiff::lang::ZH_MESSAGES.text(&c.message);
    assert!(zh.starts_with("引用第44、54号决议时注明（"), "{zh}");
    let en = resdiff::lang::EN_MESSAGES.text(&c.message);
    assert!(en.starts_with("cites Resolutions 44, 54 as ("), "{en}");
    assert_eq!(
        c.rules().collect::<Vec<_>>(),
        ["citation.stale", "bracket.unresolved", "bracket.unresolved"]
    );
    assert_eq!(
        c.suggestion.as_deref(),
        Some("本届全会第44号和第54号决议（2024年，新德里，修订版）")
    );
    // Distinct brackets of one line stay distinct findings (Res 52 l.2090).
    let l2090: Vec<&str> = of("bracket.unresolved")
        .into_iter()
        .filter(|f| f.line == 2090)
        .map(marked)
        .collect();
    assert_eq!(l2090, ["[2016年，哈马马特]", "[世界电信标准化全会]"]);
}

#[test]
fn suggestions_of_each_rule_on_the_real_text() {
    let fix = |f: &Finding| f.suggestion.clone().unwrap_or_default();
    // Malformed year → the likely year (the assembly's).
    assert_eq!(fix(at("edition.malformed-year", 2646)), "2024年");
    // History items → `YYYY年，地点`.
    assert_eq!(fix(at("edition.history-item", 5282)), "2022年，日内瓦");
    assert_eq!(fix(at("edition.history-item", 6038)), "2024年，新德里");
    // Stale citations → the current edition, brackets settled.
    for f in of("citation.stale") {
        assert!(fix(f).contains("（2024年，新德里，修订版）"), "{f:#?}");
        assert!(!fix(f).contains('['), "{f:#?}");
    }
    assert_eq!(
        fix(at("citation.stale", 2505)),
        "第60号决议（2024年，新德里，修订版）"
    );
    // Placeholders → their words without brackets.
    assert_eq!(fix(at("bracket.unresolved", 7812)), "28");
    for f in of("bracket.unresolved") {
        assert_eq!(
            format!("[{}]", fix(f)),
            marked(f)
                .replace(['［', '【'], "[")
                .replace(['］', '】'], "]"),
            "{f:#?}"
        );
    }
    // Fill-in fields of a form have none: nothing mechanical to put there.
    assert!(
        of("bracket.template-field")
            .iter()
            .all(|f| f.suggestion.is_none())
    );
    // A title that differs has none: either side may hold the slip (the
    // report's title of Res 98 reads 可持智慧续).
    assert!(
        of("declared.title-differs")
            .iter()
            .all(|f| f.suggestion.is_none())
    );
    // An id spelled differently → the report's.
    assert_eq!(fix(at("declared.provisional-id", 10813)), "COM3/NG");
    // A quote that differs → the clause as the text has it.
    let q = of("excerpt.clause-differs")
        .into_iter()
        .find(|f| f.line == 210)
        .expect("Res 2 quote");
    assert_eq!(
        fix(q),
        "鼓励ITU-T各研究组与国际电联电信发展部门各研究组合作，就如何确保在国家层面更广泛地实施ITU-T建议书开展工作。"
    );
}

/// The suggestion shows in every format.
#[test]
fn every_review_format_shows_suggestions() {
    for (format, needle) in [
        ("text", "建议 »2024年«"),
        ("json", "\"suggestion\": \"2024年\""),
        ("markdown", "  - 建议：**2024年**"),
        ("html", "<ins lang=\"zh-Hans\">2024年</ins>"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
            .args(["review", "versions/wtsa-24", "--format", format])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("resdiff runs");
        let s = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(s.contains(needle), "{format}: no `{needle}`");
    }
}

/// Groups in resolution order, new resolutions under their final number.
#[test]
fn groups_follow_resolution_order_with_final_numbers() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(["review", "versions/wtsa-24", "--format", "markdown"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("resdiff runs");
    let s = String::from_utf8(out.stdout).expect("UTF-8");
    let headings: Vec<&str> = s.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    // The report speaks the texts' language: `第29号决议`.
    let numbers: Vec<u32> = headings
        .iter()
        .filter_map(|h| h.strip_prefix("第"))
        .map(|h| {
            h.split('号')
                .next()
                .unwrap_or("")
                .parse()
                .expect("a number")
        })
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{headings:?}");
    for new in [
        "第102号决议（COM4/CLI-CL）",
        "第103号决议（COM4/DPI）",
        "第104号决议（COM4/VC）",
        "第107号决议（COM3/APT-NG）",
        "第108号决议（COM3/SP）",
    ] {
        assert!(headings.contains(&new), "{new} not in {headings:?}");
    }
    assert!(!headings.iter().any(|h| h.starts_with("第COM")));
    assert_eq!(headings.last(), Some(&"A.25建议书"));
    // JSON carries the final number of a finding on a provisional id.
    let f = at("declared.provisional-id", 10813);
    assert_eq!(
        (f.resolution.as_deref(), f.number),
        (Some("COM3/APT-NG"), Some(107))
    );
}

// ---- false positives ----

/// The report's `做出决议` heading above `做出决议，责成…第17研究组` in the
/// excerpt of Res 52 is no quoted section.
#[test]
fn no_section_missing_for_the_report_heading_over_resolution_52() {
    assert!(
        of("excerpt.section-missing").is_empty(),
        "{:#?}",
        of("excerpt.section-missing")
    );
}

/// A scratch folder under the target directory, emptied.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// The WTSA-24 text without its MOD/ADD marker lines.
fn unmarked_texts() -> Vec<String> {
    std::fs::read_to_string(TEXTS)
        .expect("texts")
        .split('\n')
        .filter(|l| !matches!(l.trim(), "MOD" | "ADD" | "SUP"))
        .map(str::to_string)
        .collect()
}

/// A previous edition that lacks resolutions the texts cite is not a
/// reason to say a citation names a resolution that does not exist.
#[test]
fn an_incomplete_previous_edition_is_no_error_about_citations() {
    let dir = scratch("incomplete-previous");
    // The previous edition: the WTSA-24 texts up to Resolution 44, no
    // markers — complete as far as the tool can tell, but lacking most
    // numbers (Res 1, cited by Res 2, 22 and 54, among them).
    let lines = unmarked_texts();
    let cut = lines
        .iter()
        .position(|l| l.trim().starts_with("第44号决议（"))
        .expect("Res 44");
    let prev = dir.join("previous.zh.txt");
    std::fs::write(&prev, lines[..cut].join("\n")).expect("write");
    let load = LoadOptions::default();
    let (_, fs) = load_and_review(&ReviewInput {
        edition: Path::new(TEXTS),
        against: Some(&prev),
        report: None,
        load: &load,
    })
    .expect("loads");
    let unknown: Vec<&Finding> = fs.iter().filter(|f| f.fired("citation.unknown")).collect();
    assert!(unknown.is_empty(), "{unknown:#?}");
    // Res 1 is cited and is in neither edition: said, as information.
    let missing: Vec<&Finding> = fs
        .iter()
        .filter(|f| f.rule == "citation.not-in-previous")
        .collect();
    assert!(
        missing
            .iter()
            .any(|f| f.message == Message::CitesNotInPrevious { number: 1 }),
        "{missing:#?}"
    );
    assert!(missing.iter().all(|f| f.severity == FindingSeverity::Info));
}

/// A compiled book: texts in force, each with the header of the assembly
/// that last revised it, no MOD/ADD markers.
#[test]
fn a_compiled_book_with_earlier_headers_is_fine() {
    let dir = scratch("compiled-book");
    let mut lines = unmarked_texts();
    // Resolutions 7 and 11 as last revised at WTSA-22: header, history and
    // assembly line of that assembly.
    for n in [7, 11] {
        let start = lines
            .iter()
            .position(|l| l.trim().starts_with(&format!("第{n}号决议（")))
            .expect("header");
        let first_section = start
            + lines[start..]
                .iter()
                .position(|l| l.trim().starts_with("世界电信标准化全会（"))
                .expect("assembly line");
        for l in &mut lines[start..=first_section] {
            *l = l
                .replace("；2024年，新德里）", "）")
                .replace("2024年，新德里", "2022年，日内瓦");
        }
    }
    let book = dir.join("book.zh.txt");
    std::fs::write(&book, lines.join("\n")).expect("write");
    let load = LoadOptions::default();
    let (_, fs) = load_and_review(&ReviewInput {
        edition: &book,
        against: None,
        report: None,
        load: &load,
    })
    .expect("loads");
    let mismatches: Vec<&Finding> = fs
        .iter()
        .filter(|f| f.fired("edition.header-mismatch"))
        .collect();
    assert!(mismatches.is_empty(), "{mismatches:#?}");
    // Marked MOD, the same header is wrong.
    let mut marked_mod = lines.clone();
    let at7 = marked_mod
        .iter()
        .position(|l| l.trim().starts_with("第7号决议（"))
        .expect("Res 7");
    marked_mod.insert(at7, "MOD".into());
    std::fs::write(&book, marked_mod.join("\n")).expect("write");
    let (_, fs) = load_and_review(&ReviewInput {
        edition: &book,
        against: None,
        report: None,
        load: &load,
    })
    .expect("loads");
    let m: Vec<&Finding> = fs
        .iter()
        .filter(|f| f.rule == "edition.header-mismatch")
        .collect();
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].resolution.as_deref(), Some("7"));
    assert_eq!(m[0].suggestion.as_deref(), Some("2024年，新德里，修订版"));
}
