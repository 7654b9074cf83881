//! Every human-readable report speaks the language of the texts it was made
//! from: rendered for the Chinese real pair (the WTSA-24 conference texts
//! and the published Resolution 101), a Chinese report holds none of the
//! English tables' words outside text taken from the inputs; rendered for
//! the English pair (a synthetic previous edition of the PP-18 resolutions,
//! from `tests/synthetic`, and the real text), an English report holds no
//! Chinese at all. JSON stays language-neutral: codes, not words.

mod common;
mod synthetic;

use regex::Regex;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const ZH_OLD: &str = "versions/wtsa-24";
const ZH_NEW: &str = "versions/wtsa-24-published";

fn resdiff(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("resdiff runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn text(args: &[&str]) -> String {
    String::from_utf8(resdiff(args)).expect("UTF-8")
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The text a reader of a Word report sees: the runs of the document and
/// its comments.
fn docx_text(old: &str, new: &str, dir: &str) -> String {
    let file = out_dir(dir).join("report.docx");
    let file_arg = file.to_str().expect("path");
    resdiff(&["diff", old, new, "--format", "docx", "-o", file_arg]);
    let bytes = std::fs::read(&file).expect("docx written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let runs = Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").expect("regex");
    let mut out = String::new();
    for part in ["word/document.xml", "word/comments.xml"] {
        let mut xml = String::new();
        if let Ok(mut f) = zip.by_name(part) {
            f.read_to_string(&mut xml).expect("UTF-8");
        }
        for c in runs.captures_iter(&xml) {
            out.push_str(&c[1]);
            out.push('\n');
        }
    }
    out
}

/// What a reader of an HTML page reads: text outside the tags, and the
/// labels and titles of elements; the stylesheet's announcements of
/// edits are words too, the rest of it and the script are not.
fn html_text(page: &str) -> String {
    let spoken = Regex::new(r#"content: "([^"]*)""#).expect("regex");
    let mut out: Vec<String> = spoken
        .captures_iter(page)
        .map(|c| c[1].to_string())
        .collect();
    let code = Regex::new(r#"(?s)<style>.*?</style>|<script>.*?</script>"#).expect("regex");
    let page = code.replace_all(page, " ");
    let attrs = Regex::new(r#"(?:aria-label|title)="([^"]*)""#).expect("regex");
    out.extend(attrs.captures_iter(&page).map(|c| c[1].to_string()));
    let tags = Regex::new(r"<[^>]*>").expect("regex");
    out.push(tags.replace_all(&page, " ").into_owned());
    out.join("\n")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The strings of a language's report words (their `Debug` form lists
/// every field, so words added later are covered too), placeholders
/// (`{old}`) left out.
fn table_strings(words: &resdiff::lang::ReportWords) -> Vec<String> {
    let debug = format!("{words:?}");
    let quoted = Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("regex");
    let placeholder = Regex::new(r"\{[a-z_]+\}").expect("regex");
    quoted
        .captures_iter(&debug)
        .map(|c| placeholder.replace_all(&c[1], " ").into_owned())
        .collect()
}

/// Latin words of three letters or more of `strings`, lower-cased.
fn latin_words(strings: &[String]) -> BTreeSet<String> {
    let word = Regex::new(r"[A-Za-z]{3,}").expect("regex");
    strings
        .iter()
        .flat_map(|s| word.find_iter(s).map(|m| m.as_str().to_ascii_lowercase()))
        .collect()
}

/// Words of the English report tables that a Chinese report must not
/// hold: those the Chinese tables do not share (`--map`, `NOC`).
fn english_label_words() -> BTreeSet<String> {
    let en = latin_words(&table_strings(resdiff::lang::EN.report));
    let zh = latin_words(&table_strings(zh_words()));
    en.difference(&zh).cloned().collect()
}

fn zh_words() -> &'static resdiff::lang::ReportWords {
    resdiff::lang::Lang::for_tag("zh-Hans").report
}

/// `report` without what comes from the inputs: file paths and edition
/// names, and review rule ids. The review's messages and the names of the
/// places a finding refers to are the report's own words: they stay.
fn without_input_text(report: &str) -> String {
    let mut s = report.to_string();
    let patterns = [
        // Paths and line references.
        (r"[\w./-]+\.(?:txt|docx|md)(?::\d+)?", " "),
        // Rule ids.
        (r"\b[a-z]+\.[a-z-]+\b", " "),
    ];
    for (p, with) in patterns {
        s = Regex::new(p)
            .expect("regex")
            .replace_all(&s, with)
            .into_owned();
    }
    for name in [ZH_NEW, ZH_OLD, "wtsa-24-published", "wtsa-24"] {
        s = s.replace(name, " ");
    }
    s
}

/// English label words found in a Chinese report, outside input text.
/// Words in capitals are acronyms the Chinese texts use (`ITS`, `ICT`),
/// not English prose.
fn english_in(report: &str) -> Vec<String> {
    let words = english_label_words();
    let cleaned = without_input_text(report);
    let word = Regex::new(r"[A-Za-z]{3,}").expect("regex");
    let found: BTreeSet<String> = word
        .find_iter(&cleaned)
        .map(|m| m.as_str())
        .filter(|w| !w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_ascii_lowercase)
        .filter(|w| words.contains(w))
        .collect();
    found.into_iter().collect()
}

/// A Chinese ideograph. (Full-width punctuation is left out: the synthetic
/// edition puts some in its English text, as editorial changes.)
fn is_chinese(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Chinese in an English report, with some context: ideographs the inputs
/// do not hold (`allowed`; the PP-18 text quotes a few garbled ones from
/// its figures), and any phrase of the Chinese tables.
fn chinese_in(report: &str, allowed: &BTreeSet<char>) -> Vec<String> {
    let chars: Vec<char> = report.chars().collect();
    let context = |i: usize| -> String {
        chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
            .iter()
            .collect()
    };
    let mut found: Vec<String> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| is_chinese(**c) && !allowed.contains(*c))
        .take(5)
        .map(|(i, _)| context(i))
        .collect();
    let phrase = Regex::new(r"[\p{Han}]{2,}").expect("regex");
    let phrases: BTreeSet<String> = table_strings(zh_words())
        .iter()
        .flat_map(|s| phrase.find_iter(s).map(|p| p.as_str().to_string()))
        .collect();
    found.extend(phrases.into_iter().filter(|p| report.contains(p.as_str())));
    found
}

/// The Chinese ideographs of the files `paths`.
fn ideographs_of(paths: &[&Path]) -> BTreeSet<char> {
    paths
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .expect("input")
                .chars()
                .collect::<Vec<_>>()
        })
        .filter(|c| is_chinese(*c))
        .collect()
}

/// The reports of one comparison (and of a review of its new edition),
/// by name: `--review` adds findings to the HTML page, `--full` the
/// unchanged text of the compared resolutions.
fn reports(old: &str, new: &str, dir: &str) -> Vec<(&'static str, String)> {
    let diff = |format: &str| text(&["diff", "--color", "never", "--format", format, old, new]);
    let diff_full = |format: &str| {
        text(&[
            "diff", "--full", "--color", "never", "--format", format, old, new,
        ])
    };
    let review = |format: &str| text(&["review", "--color", "never", "--format", format, new]);
    vec![
        ("diff text", diff("text")),
        ("diff markdown", diff("markdown")),
        ("diff html", html_text(&diff("html"))),
        (
            "diff html --review",
            html_text(&text(&["diff", "--format", "html", "--review", old, new])),
        ),
        ("diff docx", docx_text(old, new, dir)),
        ("diff text --full", diff_full("text")),
        ("diff markdown --full", diff_full("markdown")),
        ("diff html --full", html_text(&diff_full("html"))),
        ("review text", review("text")),
        ("review markdown", review("markdown")),
        ("review html", html_text(&review("html"))),
    ]
}

#[test]
fn chinese_reports_hold_no_english_labels() {
    // The review of the conference texts has findings of every kind; the
    // comparison has notes, header and clause changes.
    let mut all = reports(ZH_OLD, ZH_NEW, "report-language-zh");
    all.push((
        "review html (conference)",
        html_text(&text(&["review", "--format", "html", ZH_OLD])),
    ));
    all.push((
        "review markdown (conference)",
        text(&["review", "--format", "markdown", ZH_OLD]),
    ));
    for (name, report) in &all {
        let found = english_in(report);
        assert!(found.is_empty(), "{name}: English labels {found:?}");
    }
    // The reports do say things, in Chinese.
    let by_name = |n: &str| &all.iter().find(|(k, _)| *k == n).expect("report").1;
    assert!(by_name("diff html").contains("修改情况"));
    assert!(by_name("diff html").contains("新版本"));
    assert!(by_name("diff html").contains("〔插入〕"));
    assert!(by_name("diff docx").contains("修改情况"));
    assert!(by_name("diff text").contains("仅包含全会的部分决议"));
    assert!(by_name("review markdown (conference)").contains("审查结果"));
    assert!(by_name("review html (conference)").contains("按规则统计的问题"));
}

#[test]
fn the_check_finds_english_labels_in_a_chinese_report() {
    // The same page with the English tables' words: the check must fail.
    let zh_page = html_text(&text(&["diff", "--format", "html", ZH_OLD, ZH_NEW]));
    assert!(english_in(&zh_page).is_empty());
    let en = resdiff::lang::EN.report;
    let spoiled = format!("{zh_page}\n{}\n{}", en.page.layouts[1], en.page.total);
    assert_eq!(
        english_in(&spoiled),
        ["side", "total"].map(String::from).to_vec()
    );
    // A review message in English is found too: the rules' messages are
    // the report's words.
    let message = resdiff::model::Message::CitesUnknown { number: 160 };
    let english = resdiff::lang::EN_MESSAGES.text(&message);
    let chinese = resdiff::lang::ZH_MESSAGES.text(&message);
    assert!(english_in(&chinese).is_empty(), "{chinese}");
    assert_eq!(
        english_in(&format!("{zh_page}\n{english}")),
        [
            "cites",
            "does",
            "exist",
            "not",
            "resolution",
            "series",
            "this",
            "which"
        ]
        .map(String::from)
        .to_vec()
    );
    // Input text is left alone: a path naming `resolution` is no label.
    assert!(english_in("versions/x/resolution-101.zh.txt:35 第101号决议").is_empty());
    assert!(!chinese_in("a 修改 b", &BTreeSet::new()).is_empty());
    // A phrase of the Chinese tables is found even when the inputs hold
    // its characters.
    let all: BTreeSet<char> = "修改情况".chars().collect();
    assert!(chinese_in("a 修改情况 b", &all).contains(&"修改情况".to_string()));
}

#[test]
fn english_reports_hold_no_chinese() {
    let Some(new) = common::shared_real("pp-18-resolutions.en.txt") else {
        return;
    };
    let dir = out_dir("report-language-en");
    let (pair, _) = synthetic::write_pair_from(&dir, &new, synthetic::SEED, synthetic::Style::Word)
        .expect("pair written");
    let (old, new) = (
        pair.old.to_str().expect("path"),
        pair.new.to_str().expect("path"),
    );
    let all = reports(old, new, "report-language-en-docx");
    let allowed = ideographs_of(&[&pair.old, &pair.new]);
    for (name, report) in &all {
        let found = chinese_in(report, &allowed);
        assert!(found.is_empty(), "{name}: Chinese in {found:?}");
    }
    let by_name = |n: &str| &all.iter().find(|(k, _)| *k == n).expect("report").1;
    assert!(by_name("diff text").contains("Summary: "));
    assert!(by_name("diff markdown").contains("Changes from"));
    assert!(by_name("diff html").contains("Side by side"));
    assert!(by_name("diff html").contains(" [insertion] "));
    assert!(by_name("diff docx").contains("Changes from"));
    assert!(by_name("review markdown").contains("Review of"));
    // The review's messages and related places are worded in English.
    assert!(
        by_name("review text").contains("but this assembly revises it: (Rev. Dubai, 2018)"),
        "{}",
        by_name("review text")
    );
    assert!(by_name("review html").contains("Findings by rule"));
    // The HTML pages are tagged as English.
    let page = text(&["diff", "--format", "html", old, new]);
    assert!(page.contains("<html lang=\"en\">"));
    assert!(!page.contains("zh-Hans"));
    let page = text(&["review", "--format", "html", new]);
    assert!(page.contains("<html lang=\"en\">"));
    assert!(!page.contains("zh-Hans"));
}

#[test]
fn json_review_messages_are_codes_not_words() {
    let json = text(&["review", "--format", "json", ZH_OLD]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["schema_version"], 2);
    let findings = v["findings"].as_array().expect("findings");
    let malformed = findings
        .iter()
        .find(|f| f["rule"] == "edition.malformed-year")
        .expect("Res 29's malformed year");
    assert_eq!(
        malformed["message"],
        serde_json::json!({"code": "malformed_year", "year": "20204年", "in_edition": true})
    );
    let inconsistent = findings
        .iter()
        .find(|f| f["rule"] == "declared.report-inconsistent")
        .expect("Res 88 in the report");
    assert_eq!(inconsistent["message"]["code"], "status_in_other_list");
    assert_eq!(inconsistent["message"]["list"], "revised");
    assert_eq!(inconsistent["related"][0]["place"], "report_revised_list");
    // Every message, own or merged, is a code with values; no place is words.
    for f in findings {
        let codes = std::iter::once(&f["message"]).chain(
            f["also"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| &a["message"]),
        );
        for m in codes {
            assert!(
                m["code"]
                    .as_str()
                    .is_some_and(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_')),
                "{m}"
            );
        }
        for r in f["related"].as_array().expect("related") {
            assert!(r["place"].as_str().is_some_and(|p| !p.contains(' ')), "{r}");
        }
    }
}

#[test]
fn json_notes_are_codes_not_words() {
    let json = text(&["diff", "--format", "json", ZH_OLD, ZH_NEW]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["schema_version"], 3);
    assert_eq!(
        v["notes"],
        serde_json::json!([{"code": "partial_edition", "edition": "wtsa-24-published"}])
    );
}
