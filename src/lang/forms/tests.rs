//! The forms against the regular expressions they replace: the expressions
//! are kept here only, as the oracle. Each matcher must give the same
//! matches and captures on the real texts and on random texts made of the
//! pieces the forms read.

use super::*;
use crate::lang::{EN, LANGUAGES, Lang, ZH};
use proptest::prelude::*;
use regex::Regex;
use std::sync::LazyLock;

/// The expressions of a language, in the order citation, edition bracket,
/// long year, annex caption, key citation.
struct Oracle {
    citation: Regex,
    edition: Regex,
    long_year: Regex,
    annex_caption: Regex,
    key_citation: Regex,
}

impl Oracle {
    fn new(patterns: [&str; 5]) -> Self {
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("{e}"));
        Oracle {
            citation: re(patterns[0]),
            edition: re(patterns[1]),
            long_year: re(patterns[2]),
            annex_caption: re(patterns[3]),
            key_citation: re(patterns[4]),
        }
    }
}

static ZH_ORACLE: LazyLock<Oracle> = LazyLock::new(|| {
    Oracle::new([
        r"第\s*([0-9０-９]+)\s*号((?:\s*[、和及]\s*第\s*[0-9０-９]+\s*号)*)\s*决议(?:（([^（）]*)）)?",
        r"（(\[?[0-9０-９]{3,}年?\]?[，,][^（）]*)）",
        r"[0-9０-９]{5,}年",
        r"^（第([^（）]+)号决议（([^（）]*)）[）)]$",
        r"\[?\d{4,5}年,[^,()\[\]]{1,12}?\]?(?:,修订版)?[)\]]",
    ])
});

static EN_ORACLE: LazyLock<Oracle> = LazyLock::new(|| {
    Oracle::new([
        r"\b(?i:Resolutions?)\s+(\d+)((?:\s*(?:,|and|or)\s*\d+)*)(?:\s*\(([^()]*)\))?",
        r"\(((?:(?i:Rev)\.\s*)?[^()\d]{2,40},\s*\[?\d{3,}\]?)\)",
        r"\b20\d{3}\b",
        r"^\((?i:to) (?i:Resolution) ([^()\s]+)\s*\(([^()]*)\)\)$",
        r"\((?i:Rev)?\.?\[?[^(),\[\]]{2,40},\d{4,5}\]?\)",
    ])
});

fn oracle(lang: &Lang) -> &'static Oracle {
    if std::ptr::eq(lang, &ZH) {
        &ZH_ORACLE
    } else {
        &EN_ORACLE
    }
}

/// The first difference between the forms of `lang` and its expressions
/// on `s`, if any.
fn difference(lang: &Lang, s: &str) -> Option<String> {
    let o = oracle(lang);
    let f = &lang.forms;
    let group = |c: &regex::Captures, k: usize| c.get(k).map(|m| m.range());

    let expected: Vec<_> = o
        .citation
        .captures_iter(s)
        .map(|c| CitationMatch {
            range: c.get(0).map(|m| m.range()).unwrap_or_default(),
            first: group(&c, 1).unwrap_or_default(),
            further: group(&c, 2).unwrap_or_default(),
            edition: group(&c, 3),
        })
        .collect();
    let found: Vec<_> = f.citation.find_iter(s).collect();
    if found != expected {
        return Some(format!("citation: {found:?} != {expected:?}"));
    }

    let expected: Vec<_> = o
        .edition
        .captures_iter(s)
        .map(|c| EditionMatch {
            range: c.get(0).map(|m| m.range()).unwrap_or_default(),
            inside: group(&c, 1).unwrap_or_default(),
        })
        .collect();
    let found: Vec<_> = f.edition.find_iter(s).collect();
    if found != expected {
        return Some(format!("edition: {found:?} != {expected:?}"));
    }

    let expected: Vec<_> = o.long_year.find_iter(s).map(|m| m.range()).collect();
    let found: Vec<_> = f.long_year.find_iter(s).collect();
    if found != expected {
        return Some(format!("long year: {found:?} != {expected:?}"));
    }

    let expected = o.annex_caption.captures(s).map(|c| CaptionMatch {
        id: group(&c, 1).unwrap_or_default(),
        edition: group(&c, 2).unwrap_or_default(),
    });
    let found = f.annex_caption.captures(s);
    if found != expected || f.annex_caption.is_match(s) != o.annex_caption.is_match(s) {
        return Some(format!("annex caption: {found:?} != {expected:?}"));
    }

    let expected: Vec<_> = o.key_citation.find_iter(s).map(|m| m.range()).collect();
    let found: Vec<_> = f.key_citation.find_iter(s).collect();
    if found != expected {
        return Some(format!("key citation: {found:?} != {expected:?}"));
    }
    None
}

fn assert_same(lang: &Lang, s: &str) {
    if let Some(d) = difference(lang, s) {
        panic!("{}: {s:?}\n{d}", lang.tag);
    }
}

#[test]
fn chinese_citations_read_as_the_expression_did() {
    let s = "根据第2号、第 5 号和第１２号决议（2022年，日内瓦，修订版）以及第7号决议";
    let found: Vec<_> = ZH.forms.citation.find_iter(s).collect();
    assert_eq!(found.len(), 2);
    assert_eq!(&s[found[0].first.clone()], "2");
    assert_eq!(&s[found[0].further.clone()], "、第 5 号和第１２号");
    assert_eq!(
        found[0].edition.clone().map(|e| &s[e]),
        Some("2022年，日内瓦，修订版")
    );
    assert_eq!(&s[found[1].range.clone()], "第7号决议");
    assert_eq!(found[1].further.len(), 0);
    assert_same(&ZH, s);
    // A list of numbers that no closing word ends, then a citation.
    assert_same(&ZH, "第1号、第2号、第3号建议 第4号决议");
}

#[test]
fn english_citations_read_as_the_expression_did() {
    let s =
        "Resolutions 2, 5 and 7 (Rev. Dubai, 2012) of this assembly, xResolution 9, RESOLUTION 11";
    let found: Vec<_> = EN.forms.citation.find_iter(s).collect();
    assert_eq!(found.len(), 2);
    assert_eq!(&s[found[0].further.clone()], ", 5 and 7");
    assert_eq!(
        found[0].edition.clone().map(|e| &s[e]),
        Some("Rev. Dubai, 2012")
    );
    assert_eq!(&s[found[1].range.clone()], "RESOLUTION 11");
    assert_same(&EN, s);
    // The long s folds to `s`, as case-insensitive expressions fold it.
    assert_eq!(EN.forms.citation.find_iter("Reſolution 4").count(), 1);
    assert_same(&EN, "Reſolution 4");
}

#[test]
fn edition_brackets_read_as_the_expression_did() {
    let zh = "（[20204年]，新德里）（2022年,日内瓦）（12年，x）";
    let found: Vec<_> = ZH.forms.edition.find_iter(zh).collect();
    assert_eq!(found.len(), 2);
    assert_eq!(&zh[found[0].inside.clone()], "[20204年]，新德里");
    assert_same(&ZH, zh);
    // The place takes the spaces after `Rev.` when it needs them.
    for en in [
        "(Rev. a, 2022)",
        "(Rev.  Geneva, [2022])",
        "(Geneva, Rev, 2022)",
    ] {
        assert_eq!(EN.forms.edition.find_iter(en).count(), 1, "{en}");
        assert_same(&EN, en);
    }
}

#[test]
fn long_years_read_as_the_expression_did() {
    let zh = "（20204年，新德里）１２０２４年 2024年 202412";
    let found: Vec<_> = ZH.forms.long_year.find_iter(zh).map(|r| &zh[r]).collect();
    assert_eq!(found, ["20204年", "１２０２４年"]);
    assert_same(&ZH, zh);
    let en = "(New Delhi, 20204) 202045 x20204 20204_ 20204.";
    let found: Vec<_> = EN.forms.long_year.find_iter(en).map(|r| &en[r]).collect();
    assert_eq!(found, ["20204", "20204"]);
    assert_same(&EN, en);
}

#[test]
fn annex_captions_read_as_the_expression_did() {
    let zh = "（第2 号决议（2024年，新德里，修订版）)";
    let m = ZH.forms.annex_caption.captures(zh).expect("caption");
    assert_eq!(&zh[m.id], "2 ");
    assert_eq!(&zh[m.edition], "2024年，新德里，修订版");
    assert_same(&ZH, zh);
    assert!(!ZH.forms.annex_caption.is_match("（第号决议（2024年））"));
    let en = "(TO resolution 2 (Rev. New Delhi, 2024))";
    let m = EN.forms.annex_caption.captures(en).expect("caption");
    assert_eq!(&en[m.id], "2");
    assert_same(&EN, en);
    assert!(
        !EN.forms
            .annex_caption
            .is_match("(to Resolution 2 x (2024))")
    );
}

#[test]
fn key_citations_read_as_the_expression_did() {
    let zh = "见第2号决议(2022年,日内瓦,修订版)和[2022年,日内瓦],修订版)及1202213年,x)";
    let found: Vec<_> = ZH
        .forms
        .key_citation
        .find_iter(zh)
        .map(|r| &zh[r])
        .collect();
    assert_eq!(
        found,
        [
            "2022年,日内瓦,修订版)",
            "[2022年,日内瓦],修订版)",
            "02213年,x)"
        ]
    );
    assert_same(&ZH, zh);
    let en = "Resolution2(Rev.Dubai,2018)and(Rev.X,2018)([Geneva,20204])(Geneva,[2024])";
    let found: Vec<_> = EN
        .forms
        .key_citation
        .find_iter(en)
        .map(|r| &en[r])
        .collect();
    assert_eq!(
        found,
        ["(Rev.Dubai,2018)", "(Rev.X,2018)", "([Geneva,20204])"]
    );
    assert_same(&EN, en);
}

/// Whether a joiner of a citation form starts another, or the opening word
/// shows up inside the list of numbers other than before a further
/// number: the matcher relies on neither.
#[test]
fn citation_forms_keep_the_matcher_s_assumptions() {
    for lang in LANGUAGES {
        let c = &lang.forms.citation;
        for a in c.joiners {
            for b in c.joiners {
                assert!(a == b || !b.starts_with(a), "{}: {a} {b}", lang.tag);
            }
        }
        assert!(c.before_further.is_empty() || c.before_further == c.word.text);
        let first = c.word.text.chars().next().expect("a word");
        let elsewhere = c.word.text.chars().skip(1).any(|x| x == first)
            || c.after_number.contains(first)
            || c.joiners.iter().any(|j| j.contains(first));
        assert!(!elsewhere && !first.is_whitespace() && !c.digits.has(first));
    }
}

/// The texts the project ships, and the real texts beside it when present:
/// every line, every paragraph and each whole file read alike, and the
/// comparison key of every line.
#[test]
fn the_real_texts_read_as_the_expressions_did() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "tests/fixtures",
    ] {
        collect(&root.join(dir), &mut files);
    }
    let shared = root.join("../shared");
    if shared.is_dir() {
        collect(&shared.join("real"), &mut files);
        collect(&shared.join("seeds"), &mut files);
    } else {
        eprintln!("../shared is absent: only the project's own texts are read");
    }
    assert!(files.len() >= 3, "{files:?}");
    let mut lines = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        for lang in LANGUAGES {
            assert_same(lang, &text);
            for line in text.lines() {
                assert_same(lang, line);
                assert_same(lang, line.trim());
                assert_same(lang, &crate::align::keys::base_key(line));
                lines += 1;
            }
        }
    }
    assert!(lines > 10_000, "{lines} lines");
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Pieces of the texts the forms read: their words, digits of three
/// scripts, every bracket, commas, spaces, letters on either side of a
/// word boundary.
const PIECES: &[&str] = &[
    "第",
    "号",
    "决议",
    "号决议",
    "、",
    "和",
    "及",
    "以及",
    "年",
    "修订版",
    ",修订版",
    "新德里",
    "日内瓦",
    "（",
    "）",
    "(",
    ")",
    "[",
    "]",
    "［",
    "］",
    "【",
    "】",
    "，",
    ",",
    " ",
    "　",
    "\t",
    "\n",
    "0",
    "1",
    "2",
    "9",
    "20",
    "2024",
    "20204",
    "０",
    "１",
    "９",
    "٣",
    "Resolution",
    "resolution",
    "RESOLUTIONS",
    "Reſolution",
    "s",
    "ſ",
    "and",
    "or",
    "to",
    "To ",
    "to Resolution ",
    "Rev",
    "rev",
    "Rev.",
    ".",
    "Dubai",
    "x",
    "_",
    "é",
    "\u{301}",
    "²",
    "K",
    "k",
    "插入",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

/// Cases per property: `PROPTEST_CASES` when set (to run many once).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn chinese_forms_match_their_expressions(s in text()) {
        if let Some(d) = difference(&ZH, &s) {
            prop_assert!(false, "{s:?}: {d}");
        }
    }

    #[test]
    fn english_forms_match_their_expressions(s in text()) {
        if let Some(d) = difference(&EN, &s) {
            prop_assert!(false, "{s:?}: {d}");
        }
    }

    /// Texts made mostly of one form's pieces, where long matches and near
    /// misses are likely.
    #[test]
    fn forms_match_their_expressions_on_dense_texts(
        s in proptest::collection::vec(
            proptest::sample::select(&[
                "第", "号", "决议", "、", "和", " ", "1", "２", "（", "）", "年", "，", ",", "[", "]",
                "(", ")", "2024", "Resolution", "s", "and", ",", "Rev.", "Rev", "x", "to Resolution ",
            ][..]),
            0..40,
        ).prop_map(|p| p.concat())
    ) {
        for lang in LANGUAGES {
            if let Some(d) = difference(lang, &s) {
                prop_assert!(false, "{}: {s:?}: {d}", lang.tag);
            }
        }
    }

    /// Editions with places near the length limits, and the spaces after a
    /// revision mark.
    #[test]
    fn edition_forms_match_their_expressions_on_long_places(
        s in proptest::collection::vec(
            proptest::sample::select(&[
                "Rev.", "rev", " ", "  ", "Geneva", "New Delhi", "x", ",", "，", "2024", "20204", "年",
                "日内瓦", "修订版", ",修订版", "(", ")", "（", "）", "[", "]", "١٢٣",
            ][..]),
            0..60,
        ).prop_map(|p| p.concat())
    ) {
        for lang in LANGUAGES {
            if let Some(d) = difference(lang, &s) {
                prop_assert!(false, "{}: {s:?}: {d}", lang.tag);
            }
        }
    }
}
