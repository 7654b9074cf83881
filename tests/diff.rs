//! Edition diff on the shipped texts: the WTSA-24 conference text against
//! the published Resolution 101, self-diffs, and the command's exit codes.

use proptest::prelude::*;
use resdiff::corpus::{self, Corpus, LoadOptions};
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::model::{ChangeKind, MatchHow, ResolutionStatus};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

fn conference() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| corpus::load(Path::new("versions/wtsa-24"), &LoadOptions::default()).unwrap())
}

fn published() -> Corpus {
    corpus::load(
        Path::new("versions/wtsa-24-published"),
        &LoadOptions::default(),
    )
    .unwrap()
}

#[test]
fn conference_text_against_published_res_101() {
    let report = diff_editions(conference(), &published(), &DiffOptions::default()).unwrap();
    let r101: Vec<_> = report
        .resolutions
        .iter()
        .filter(|r| r.id == "101")
        .collect();
    assert_eq!(r101.len(), 1);
    let r = r101[0];
    assert_eq!(r.aliases, vec!["COM4/AI".to_string()]);
    assert_eq!(
        r.match_how,
        Some(MatchHow::ReportMapping {
            provisional_id: "COM4/AI".into()
        })
    );
    assert_eq!(r.status, ResolutionStatus::Modified);
    assert!(r.header_changes.is_empty(), "{:#?}", r.header_changes);
    let got: Vec<(String, String, bool)> = r
        .changes
        .iter()
        .map(|c| {
            assert_eq!(c.kind, ChangeKind::Modified);
            (
                c.section.clone(),
                c.new_label.clone().unwrap_or_default(),
                c.editorial,
            )
        })
        .collect();
    let want: Vec<(String, String, bool)> = [
        ("认识到", "b)", true),
        ("认识到", "c)", false),
        ("认识到", "d)", true),
        ("认识到", "e)", false),
        ("注意到", "a)", false),
        ("注意到", "b)", true),
        ("注意到", "c)", true),
    ]
    .iter()
    .map(|(s, l, e)| (s.to_string(), l.to_string(), *e))
    .collect();
    assert_eq!(got, want);
    // Every other resolution is outside the partial edition, none removed.
    let s = report.summary();
    assert_eq!((s.removed, s.added, s.modified, s.absent), (0, 0, 1, 52));
}

#[test]
fn provisional_id_variant_resolves_through_the_report() {
    let report = diff_editions(conference(), &published(), &DiffOptions::default()).unwrap();
    let r = report.resolutions.iter().find(|r| r.id == "107").unwrap();
    assert_eq!(r.aliases, vec!["COM3/APT-NG".to_string()]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Any slice of the conference text diffed with itself is identical.
    #[test]
    fn slice_diffed_with_itself_has_no_change(start in 0usize..53, len in 1usize..53) {
        let full = conference();
        let mut c = full.clone();
        for d in &mut c.documents {
            let n = d.resolutions.len();
            let a = start.min(n);
            let b = (start + len).min(n);
            d.resolutions = d.resolutions[a..b].to_vec();
        }
        let report = diff_editions(&c, &c, &DiffOptions::default()).unwrap();
        prop_assert!(!report.has_differences());
        prop_assert!(report.resolutions.iter().all(|r| r.changes.is_empty() && r.header_changes.is_empty()));
    }
}

fn resdiff(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn exit_codes_follow_diff() {
    let (code, out, _) = resdiff(&["diff", "versions/wtsa-24", "versions/wtsa-24-published"]);
    assert_eq!(code, 1);
    assert!(out.contains("其[-他-]{+它+}"), "{out}");
    let (code, _, _) = resdiff(&[
        "diff",
        "versions/wtsa-24-published",
        "versions/wtsa-24-published",
    ]);
    assert_eq!(code, 0);
    let (code, _, err) = resdiff(&["diff", "versions/nope", "versions/wtsa-24"]);
    assert_eq!(code, 2);
    assert!(err.contains("versions/nope"), "{err}");
}

#[test]
fn color_always_colours_whatever_the_environment_says() {
    // resdiff() sets NO_COLOR and pipes the output: only --color decides.
    let args = ["diff", "versions/wtsa-24", "versions/wtsa-24-published"];
    let (_, coloured, _) = resdiff(&[&args[..], &["--color", "always"]].concat());
    assert!(coloured.contains("\x1b[9;31m他\x1b[0m"), "{coloured}");
    let (_, plain, _) = resdiff(&args);
    assert!(!plain.contains('\x1b'), "{plain}");
    assert!(plain.contains("[-他-]{+它+}"), "{plain}");
}

#[test]
fn output_that_cannot_be_written_is_refused() {
    let out = std::env::temp_dir()
        .join(format!("resdiff-no-such-dir-{}", std::process::id()))
        .join("report.md");
    let shown = out.display().to_string();
    let (code, _, err) = resdiff(&[
        "diff",
        "versions/wtsa-24-published",
        "versions/wtsa-24-published",
        "--format",
        "markdown",
        "-o",
        &shown,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains(&format!("{shown}: cannot write")), "{err}");
}

#[test]
fn json_output_carries_schema_and_counts() {
    let (code, out, _) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 3);
    assert_eq!(v["summary"]["changes"]["modified"], 7);
    assert_eq!(v["summary"]["changes"]["editorial"], 4);
    let r = v["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "101")
        .unwrap();
    assert_eq!(r["match"]["how"], "report_mapping");
    assert_eq!(
        r["old_location"]["file"],
        "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt"
    );
    assert_eq!(r["old_location"]["line"], 11259);
    assert_eq!(r["old_location"]["lines"][0], 11259);
    assert_eq!(
        r["new_location"]["file"],
        "versions/wtsa-24-published/resolution-101.zh.txt"
    );
    assert_eq!(r["new_location"]["line"], 35);
    assert!(r["new_location"]["lines"][1].as_u64().unwrap() > 35);
    assert_eq!(r["changes"][0]["inline"][1]["op"], "delete");
}

#[test]
fn hide_editorial_and_map_file() {
    let dir = std::env::temp_dir().join(format!("resdiff-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("map.txt");
    std::fs::write(&map, "# WTSA-24\n101 = COM4/AI\n").unwrap();
    let (code, out, _) = resdiff(&[
        "diff",
        "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt",
        "versions/wtsa-24-published",
        "--map",
        map.to_str().unwrap(),
        "--hide-editorial",
        "--only",
        "101",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("经 --map 文件对应"), "{out}");
    assert!(!out.contains("（编辑性修改）"), "{out}");
    assert!(out.contains("修改 3"), "{out}");
    std::fs::write(&map, "101 COM4/AI\n").unwrap();
    let (code, _, err) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--map",
        map.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("map.txt:1:"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every shipped text and edition compared with itself: identical (exit 0)
/// where it holds resolutions; a clear refusal (exit 2) for the reports that
/// hold none, which are not editions.
#[test]
fn every_seed_compared_with_itself() {
    let with_resolutions = [
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt",
        "versions/wtsa-24-published/resolution-101.zh.txt",
    ];
    for p in with_resolutions {
        let (code, out, err) = resdiff(&["diff", p, p]);
        assert_eq!(code, 0, "{p}: {out}{err}");
        assert!(out.contains("新增 0，删除 0，修改 0"), "{p}: {out}");
    }
    for p in [
        "versions/wtsa-24/wtsa-24-summary-report.zh.txt",
        "tests/fixtures/council-activity-report-2019-2021.zh.txt",
        "tests/fixtures/council-report-strategic-plan-2024.zh.txt",
    ] {
        let (code, _, err) = resdiff(&["diff", p, p]);
        assert_eq!(code, 2, "{p}");
        assert!(
            err.contains(p) && err.contains("no resolution text found"),
            "{err}"
        );
    }
}

/// `--only` shows exactly the resolutions named, by number or provisional
/// id, in every format; an id in neither edition is refused (exit 2).
#[test]
fn only_selects_the_resolutions_named() {
    let (code, out, err) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--only",
        "COM4/AI,2",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2", "101"]);
    assert_eq!(v["resolutions"][0]["verdict"], "absent");
    assert_eq!(v["resolutions"][1]["verdict"], "mod");
    for format in ["text", "markdown", "html"] {
        let (_, out, _) = resdiff(&[
            "diff",
            "versions/wtsa-24",
            "versions/wtsa-24-published",
            "--only",
            "101",
            "--format",
            format,
        ]);
        assert!(out.contains("101"), "{format}: {out}");
        assert!(!out.contains("COM4/DPI"), "{format}: COM4/DPI shown");
    }
    let (code, _, err) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--only",
        "2,999",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--only") && err.contains("`999`"), "{err}");
    // The ids it holds are listed in resolution order, the new ones (103…,
    // after the revised ones in the edition) among them.
    assert!(
        err.contains("(they hold 2, 7, 11, ")
            && err.contains(", 100, 101, 102, 103, 104, 105, ")
            && err.ends_with(", 108, A.25)\n"),
        "{err}"
    );
}

/// The malformed year `20204年` typed into Resolution 29's annex caption is
/// an edit that introduces a review finding: never editorial, so the
/// resolution is MOD and the change survives `--hide-editorial`.
#[test]
fn a_change_introducing_a_finding_is_not_editorial() {
    let new = conference();
    let mut old = new.clone();
    let mut replaced = 0;
    for d in &mut old.documents {
        d.resolutions.retain(|r| r.id == "29");
        for r in &mut d.resolutions {
            for a in &mut r.annexes {
                if let Some(c) = a.caption.as_mut().filter(|c| c.text.contains("20204年")) {
                    c.text = c.text.replace("20204年", "2024年");
                    replaced += 1;
                }
            }
        }
    }
    assert_eq!(replaced, 1);
    let opts = DiffOptions {
        select: Some(vec!["29".into()]),
        hide_editorial: true,
        ..DiffOptions::default()
    };
    let report = diff_editions(&old, new, &opts).unwrap();
    let r = &report.resolutions[0];
    assert_eq!(r.id, "29");
    assert_eq!(r.verdict, resdiff::model::Verdict::Mod);
    assert_eq!(r.changes.len(), 1, "{:#?}", r.changes);
    assert!(!r.changes[0].editorial);
    assert!(
        r.changes[0]
            .new_text
            .as_deref()
            .unwrap()
            .contains("20204年")
    );
    // Without the review the caption is an edition marker, so editorial.
    let opts = DiffOptions {
        check_findings: false,
        ..opts
    };
    let report = diff_editions(&old, new, &opts).unwrap();
    assert_eq!(report.resolutions[0].verdict.mark(), "(MOD)");
    assert!(report.resolutions[0].changes.is_empty());
}

/// Markdown speaks the language of the texts, marks every insertion and
/// deletion the same way (`<ins>`, `<del>`) and carries source lines.
#[test]
fn markdown_report_in_chinese_with_one_mark_convention_and_lines() {
    let (code, out, _) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--format",
        "markdown",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("| 决议 | 标记 | 标题 | 实质性 | 编辑性 | 移动 | 重新编号 |"));
    assert!(out.contains("| 101 (COM4/AI) | MOD |"), "{out}");
    assert!(out.contains("“人工智能向善”<ins>平台</ins>）"), "{out}");
    assert!(out.contains("<del>（GSS）</del>"), "{out}");
    assert!(out.contains("其<del>他</del><ins>它</ins>"), "{out}");
    assert!(!out.contains("**平台**") && !out.contains("~~"), "{out}");
    assert!(out.contains("**认识到 b)**（修改，编辑性修改）"), "{out}");
    assert!(
        out.contains("<sub>原第11303–11305行，新第48行</sub>"),
        "{out}"
    );
    for english in ["modified", "editorial", "Resolution", "Changes from"] {
        assert!(!out.contains(english), "{english} in {out}");
    }
}

/// An added resolution is reproduced in full, every part inserted; a
/// suppressed one in full, every part deleted, in every format.
#[test]
fn added_and_suppressed_resolutions_appear_in_full() {
    let new = conference();
    let mut old = new.clone();
    for d in &mut old.documents {
        d.resolutions.retain(|r| r.id != "COM4/AI" && r.id != "2");
    }
    let mut newer = new.clone();
    for d in &mut newer.documents {
        d.resolutions.retain(|r| r.id != "7");
    }
    let opts = DiffOptions {
        select: Some(vec!["101".into(), "7".into()]),
        ..DiffOptions::default()
    };
    let report = diff_editions(&old, &newer, &opts).unwrap();
    let ids: Vec<(&str, &str)> = report
        .resolutions
        .iter()
        .map(|r| (r.id.as_str(), r.verdict.mark()))
        .collect();
    assert_eq!(ids, [("7", "SUP"), ("101", "ADD")]);
    let add = &report.resolutions[1];
    let source = new.documents[0]
        .resolutions
        .iter()
        .find(|r| r.id == "COM4/AI")
        .unwrap();
    let clauses = add
        .changes
        .iter()
        .filter(|c| c.unit == resdiff::model::ChangeUnit::Clause)
        .count();
    let mut want = 0;
    for s in &source.sections {
        let mut all = Vec::new();
        fn walk<'a>(c: &'a [resdiff::model::Clause], out: &mut Vec<&'a resdiff::model::Clause>) {
            for c in c {
                out.push(c);
                walk(&c.children, out);
            }
        }
        walk(&s.clauses, &mut all);
        want += all.len();
    }
    assert!(want > 10);
    assert_eq!(clauses, want);
    assert!(add.changes.iter().all(|c| c.kind == ChangeKind::Added));
    assert!(
        add.header_changes
            .iter()
            .any(|c| c.new_text.as_deref() == Some(source.title.text.as_str()))
    );
    let sup = &report.resolutions[0];
    assert!(!sup.changes.is_empty());
    assert!(sup.changes.iter().all(|c| c.kind == ChangeKind::Removed));

    let mut md = Vec::new();
    resdiff::render::diff_markdown::write_diff_markdown(&mut md, &report).unwrap();
    let md = String::from_utf8(md).unwrap();
    let clause = &source.sections[0].clauses[0].text;
    assert!(md.contains(&format!("<ins>{clause}</ins>")), "{md}");
    let mut text = Vec::new();
    resdiff::render::diff_text::write_diff_text(&mut text, &report, false).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains(&format!("{{+{clause}+}}")), "{text}");
    let mut html = Vec::new();
    resdiff::render::html::write_diff_html(&mut html, &report, None).unwrap();
    let html = String::from_utf8(html).unwrap();
    let first = clause.chars().take(8).collect::<String>();
    assert!(html.contains(&first), "html lacks the added clause");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("resdiff-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn small_resolution(number: u32, year: u32, place: &str, clause: &str) -> String {
    format!(
        "第{number}号决议（{year}年，{place}，修订版）\n与国际标准化组织的协作\n\
         （2016年，哈马马特；{year}年，{place}）\n世界电信标准化全会（{year}年，{place}），\n\
         考虑到\na) {clause}；\nb) ISO《章程》，\n"
    )
}

/// CSV: a BOM, the documented header row, one row per change with file and
/// line of each side, resolution rows for added ones; TSV alike.
#[test]
fn csv_and_tsv_rows_for_spreadsheets() {
    let (code, out, err) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 1, "{err}");
    let body = out.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        resdiff::render::diff_csv::COLUMNS.join(","),
        "documented header"
    );
    assert_eq!(lines.len(), 1 + 7, "{out}");
    let platform = lines.iter().find(|l| l.contains("平台")).unwrap();
    assert!(
        platform.starts_with("101,COM4/AI,MOD,clause,认识到,c),c),modified,substantive,false,"),
        "{platform}"
    );
    assert!(
        platform.contains(
            ",versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt,11303,\
             versions/wtsa-24-published/resolution-101.zh.txt,48,"
        ),
        "{platform}"
    );
    // Every row has every column (no text here holds an ASCII comma; the
    // quoting itself is unit-tested in render::diff_csv).
    assert!(lines.iter().all(|l| l.split(',').count() == 17), "{out}");

    let dir = temp_dir("csv");
    let (old, new) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&old, small_resolution(7, 2024, "新德里", "其他组织的工作")).unwrap();
    let mut text = small_resolution(7, 2024, "新德里", "其它组织的工作");
    text.push_str(&small_resolution(9, 2024, "新德里", "各组织的合作"));
    std::fs::write(&new, text).unwrap();
    let (_, out, _) = resdiff(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "tsv",
    ]);
    assert!(!out.starts_with('\u{feff}'));
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 17), "{out}");
    let add: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "9").collect();
    assert_eq!(add[0][2..4], ["ADD", "resolution"], "{out}");
    assert!(
        add.len() > 4 && add.iter().all(|r| r[7] == "added"),
        "{out}"
    );
    let res7: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "7").collect();
    assert_eq!(res7.len(), 1);
    assert_eq!(res7[0][2], "(MOD)");
    assert_eq!(res7[0][9], "true");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Warnings: OLD newer than NEW; a file whose folder holds a summary
/// report; `--review` outside HTML is refused.
#[test]
fn warnings_about_a_comparison_that_is_probably_wrong() {
    let dir = temp_dir("warn");
    let (a, b) = (dir.join("2020.txt"), dir.join("2024.txt"));
    std::fs::write(&a, small_resolution(7, 2020, "日内瓦", "其他组织的工作")).unwrap();
    std::fs::write(&b, small_resolution(7, 2024, "新德里", "各组织的合作")).unwrap();
    let (_, _, err) = resdiff(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(!err.contains("swapped"), "{err}");
    let (code, _, err) = resdiff(&["diff", b.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("warning: OLD") && err.contains("up to 2024") && err.contains("swapped"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);

    let file = "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt";
    let (_, _, err) = resdiff(&["diff", file, "versions/wtsa-24-published"]);
    assert!(
        err.contains("wtsa-24-summary-report.zh.txt beside it is a summary report")
            && err.contains("give the folder"),
        "{err}"
    );
    let (_, _, err) = resdiff(&["diff", "versions/wtsa-24", "versions/wtsa-24-published"]);
    assert!(!err.contains("warning"), "{err}");

    let (code, _, err) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--review",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--review") && err.contains("--format html"),
        "{err}"
    );
}
