//! English texts: the 61 resolutions of the Plenipotentiary Conference
//! (Dubai, 2018) and WTSA Resolution 1 (Rev. Hammamet, 2016) from the ITU's
//! Word file. Both are read from `../shared/real/` (they are © ITU and not
//! copied into the project); the tests are skipped with a note when the
//! folder is absent, and fail when `CI=true`.

mod common;

use common::{lost_chars, root};
use resdiff::model::{Clause, Document, LabelFamily, Resolution, SectionKind};
use std::path::PathBuf;

fn parse_text(name: &str, text: &str) -> Document {
    let src = resdiff::ingest::decode(name, text.as_bytes(), &Default::default()).expect("decode");
    let norm = resdiff::normalize::normalize(&src);
    resdiff::parse::parse_document(&src, &norm, &Default::default())
}

fn labels(clauses: &[Clause]) -> String {
    clauses
        .iter()
        .map(|c| {
            let l = c.label.as_ref().map_or("¶", |l| l.raw.as_str());
            if c.children.is_empty() {
                l.to_string()
            } else {
                format!("{l}[{}]", labels(&c.children))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One line per section: heading, kind, then every clause label.
fn listing(r: &Resolution) -> String {
    let mut out = format!("{} {}\n", r.id, r.title.text);
    for s in &r.sections {
        out.push_str(&format!(
            "  {} <{}{}> {}\n",
            s.heading,
            if s.further { "further " } else { "" },
            s.kind.name(),
            labels(&s.clauses)
        ));
    }
    for a in &r.annexes {
        out.push_str(&format!(
            "  {} | {} {}\n",
            a.name,
            a.title.as_ref().map_or("", |t| t.text.as_str()),
            labels(&a.paragraphs)
        ));
    }
    out
}

// ---- PP-18 ----

/// The headers of the file, read line by line here: `RESOLUTION N (…)`
/// and the title on the next line.
fn pp18_headers(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("RESOLUTION "))
        .map(|(i, l)| {
            let id = l["RESOLUTION ".len()..]
                .split(' ')
                .next()
                .unwrap_or("")
                .to_string();
            (id, lines[i + 1].trim().to_string())
        })
        .collect()
}

#[test]
fn pp18_61_resolutions_with_numbers_titles_and_assembly_lines() {
    let Some(path) = common::shared_real("pp-18-resolutions.en.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = parse_text("pp-18.txt", &text);
    assert_eq!(doc.language.tag, "en");
    assert_eq!(doc.language.how, "detected");
    // `grep -o '^RESOLUTION [0-9]*'` on the file, sorted.
    let numbers: Vec<u32> = vec![
        2, 11, 21, 25, 30, 34, 41, 48, 64, 66, 70, 71, 77, 94, 99, 101, 102, 123, 125, 130, 131,
        133, 135, 136, 137, 139, 140, 146, 150, 151, 154, 157, 160, 165, 167, 169, 175, 176, 177,
        179, 180, 186, 188, 189, 191, 196, 197, 198, 200, 201, 203, 204, 205, 206, 207, 208, 209,
        210, 211, 212, 213,
    ];
    let headers = pp18_headers(&text);
    assert_eq!(headers.len(), 61);
    assert_eq!(doc.resolutions.len(), 61);
    let got: Vec<Option<u32>> = doc.resolutions.iter().map(|r| r.number).collect();
    let want: Vec<Option<u32>> = headers.iter().map(|(id, _)| id.parse().ok()).collect();
    assert_eq!(got, want, "numbers in file order");
    let mut sorted: Vec<u32> = got.iter().flatten().copied().collect();
    sorted.sort_unstable();
    assert_eq!(sorted, numbers);
    for (r, (_, title)) in doc.resolutions.iter().zip(&headers) {
        assert_eq!(&r.title.text, title, "title of {}", r.id);
        let e = r.edition.as_ref().expect("edition");
        assert_eq!(
            (e.year, e.place.as_deref()),
            (Some(2018), Some("DUBAI")),
            "{}",
            r.id
        );
        // The assembly line is the line after the title, as written (that
        // of Resolution 160 lacks its comma, that of 197 says `Rev.`).
        let a = r.assembly.as_ref().expect("assembly line");
        let line = text
            .lines()
            .nth(a.span.first_line as usize - 1)
            .expect("line");
        assert_eq!(a.text, line.trim(), "assembly line of {}", r.id);
        assert_eq!(a.span.first_line, r.title.span.last_line + 1, "{}", r.id);
        assert!(
            a.text.starts_with(
                "The Plenipotentiary Conference of the International Telecommunication Union ("
            ),
            "{}",
            r.id
        );
        assert!(
            r.sections.iter().any(|s| s.kind.is_operative()),
            "{} has an operative section",
            r.id
        );
    }
}

/// The Final Acts print no history lines: one warning says so for the
/// whole file, instead of one per resolution.
#[test]
fn pp18_a_file_without_history_lines_gets_one_warning() {
    let Some(path) = common::shared_real("pp-18-resolutions.en.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = parse_text("pp-18.txt", &text);
    let history: Vec<(u32, &str)> = doc
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("history line"))
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        history,
        [(
            doc.resolutions[0].header.span.first_line,
            "none of the 61 resolutions of this file has a history line"
        )]
    );
}

/// Where other resolutions of the file have a history line, the one that
/// lacks it is warned about, at its header.
#[test]
fn a_missing_history_line_among_others_is_warned_about() {
    let body = "considering\na)\tthat work continues,\nresolves\n1\tto continue.\n";
    let assembly = "The World Telecommunication Standardization Assembly (New Delhi, 2024),\n";
    let text = format!(
        "RESOLUTION 7 (Rev. New Delhi, 2024)\nCollaboration\n(Helsinki, 1993; New Delhi, 2024)\n{assembly}{body}\n\
         RESOLUTION 8 (Rev. New Delhi, 2024)\nCoordination\n{assembly}{body}\n\
         RESOLUTION 9 (Rev. New Delhi, 2024)\nCooperation\n(Helsinki, 1993; New Delhi, 2024)\n{assembly}{body}"
    );
    let doc = parse_text("three.en.txt", &text);
    assert_eq!(doc.resolutions.len(), 3);
    let history: Vec<(u32, &str)> = doc
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("history line"))
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(history, [(10, "resolution 8 lacks a history line")]);
}

/// Every line of the file that is a heading on its own (as the converter
/// left most of them) is read as a section heading, at that line.
#[test]
fn pp18_every_heading_line_is_a_section() {
    let Some(path) = common::shared_real("pp-18-resolutions.en.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = parse_text("pp-18.txt", &text);
    let words = [
        "considering",
        "considering further",
        "recalling",
        "recalling further",
        "recognizing",
        "recognizing further",
        "noting",
        "noting further",
        "noting with concern",
        "bearing in mind",
        "taking into account",
        "aware",
        "conscious",
        "emphasizing",
        "mindful",
        "concerned",
        "convinced",
        "welcoming",
        "stressing",
        "observing",
        "appreciating",
        "having considered",
        "reaffirming",
        "resolves",
        "resolves further",
        "urges",
        "invites",
    ];
    let headed: Vec<(u32, &str)> = doc
        .resolutions
        .iter()
        .flat_map(|r| &r.sections)
        .map(|s| (s.span.first_line, s.heading.as_str()))
        .collect();
    let mut checked = 0;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        let is_heading = words.contains(&t)
            || [
                "instructs ",
                "invites ",
                "encourages ",
                "urges ",
                "further instructs ",
            ]
            .iter()
            .any(|p| t.starts_with(p) && !t.ends_with([';', '.', ':']) && t.len() < 90);
        if is_heading {
            let n = u32::try_from(i + 1).expect("line");
            assert!(
                headed.contains(&(n, t)),
                "line {n} `{t}` is not a section heading"
            );
            checked += 1;
        }
    }
    assert!(checked > 400, "heading lines checked: {checked}");
}

/// Every section heading and every clause label of the 61 resolutions.
#[test]
fn pp18_headings_and_labels() {
    let Some(path) = common::shared_real("pp-18-resolutions.en.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read");
    let doc = parse_text("pp-18.txt", &text);
    let all: String = doc.resolutions.iter().map(listing).collect();
    insta::assert_snapshot!("pp18_headings_and_labels", all);
    // Spot checks against the file.
    let r2 = &doc.resolutions[0];
    let heads: Vec<&str> = r2.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        heads,
        [
            "considering",
            "conscious",
            "emphasizing",
            "resolves",
            "instructs the Secretary-General",
            "instructs the ITU Council",
            "further instructs the ITU Council"
        ]
    );
    assert_eq!(
        labels(&r2.sections[0].clauses),
        "a) b) c) d) e) f) g) h) i)"
    );
    assert_eq!(
        r2.sections[4].addressee.as_deref(),
        Some("the Secretary-General")
    );
    assert_eq!(r2.sections[6].kind, SectionKind::Instructs);
    assert!(r2.sections[6].further);
}

#[test]
fn pp18_nothing_is_lost() {
    let Some(path) = common::shared_real("pp-18-resolutions.en.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read");
    let lost = lost_chars(&text).expect("decodes");
    assert!(lost.is_empty(), "characters lost: {lost:?}");
}

// ---- WTSA Resolution 1 (Word file) ----

#[test]
fn wtsa_resolution_1_structure() {
    let Some(path) = common::shared_real("T-RES-T.1-2016-MSW-E.docx") else {
        return;
    };
    let doc = resdiff::corpus::load_file(&path, &Default::default()).expect("Word file read");
    assert_eq!(doc.language.tag, "en");
    assert_eq!(doc.resolutions.len(), 1, "{:?}", doc.diagnostics);
    let r = &doc.resolutions[0];
    insta::assert_snapshot!("wtsa_res_1_structure", listing(r));
    assert_eq!(r.id, "1");
    let e = r.edition.as_ref().expect("edition");
    assert_eq!(
        (e.year, e.place.as_deref(), e.revised),
        (Some(2016), Some("Hammamet"), true)
    );
    assert_eq!(
        r.title.text,
        "Rules of procedure of the ITU Telecommunication Standardization Sector"
    );
    let h = r.history.as_ref().expect("history line");
    assert_eq!(h.items.len(), 1);
    assert!(!h.notes.is_empty(), "the history line's footnotes");
    assert_eq!(
        r.assembly.as_ref().map(|a| a.text.as_str()),
        Some("The World Telecommunication Standardization Assembly (Hammamet, 2016),")
    );
    let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Considering, SectionKind::Resolves]);
    assert_eq!(
        labels(&r.sections[0].clauses),
        "a) b) b)bis c) d) e) f) g) h) i)"
    );
    let names: Vec<&str> = r.annexes.iter().map(|a| a.name.trim()).collect();
    assert_eq!(
        names,
        [
            "SECTION 1",
            "Section 1bis",
            "SECTION 2",
            "SECTION 3",
            "SECTION 4",
            "SECTION 5",
            "SECTION 6",
            "SECTION 7",
            "SECTION 8",
            "SECTION 9",
            "Appendix I",
            "Appendix II"
        ]
    );
    // Decimal paragraphs: 1.1 … 1.13 at the top of Section 1, 1bis.1 in
    // Section 1bis.
    let s1 = &r.annexes[0];
    assert_eq!(
        s1.title.as_ref().map(|t| t.text.as_str()),
        Some("World Telecommunication Standardization Assembly")
    );
    let top: Vec<&str> = s1
        .paragraphs
        .iter()
        .filter_map(|c| c.label.as_ref())
        .filter(|l| l.family == LabelFamily::Decimal)
        .map(|l| l.raw.as_str())
        .collect();
    assert!(top.starts_with(&["1.1", "1.2", "1.3"]), "{top:?}");
    assert!(top.contains(&"1.13"), "{top:?}");
    assert!(
        r.annexes[1]
            .paragraphs
            .iter()
            .any(|c| c.label.as_ref().is_some_and(|l| l.raw == "1bis.1"))
    );
    assert_eq!(
        r.annexes[10].caption.as_ref().map(|c| c.text.as_str()),
        Some("(to Resolution 1 (Rev. Hammamet, 2016))")
    );
    assert!(r.footnotes.len() >= 5, "footnotes: {}", r.footnotes.len());
    assert!(
        r.footnotes[0]
            .text
            .starts_with("Previously published (Geneva, 1956"),
        "{}",
        r.footnotes[0].text
    );
}

#[test]
fn wtsa_resolution_1_footnotes_are_named_by_their_marks() {
    let Some(path) = common::shared_real("T-RES-T.1-2016-MSW-E.docx") else {
        return;
    };
    let doc = resdiff::corpus::load_file(&path, &Default::default()).expect("Word file read");
    let r = &doc.resolutions[0];
    // `(Hammamet, 2016)¹, ¹ᵇⁱˢ`: a custom mark 1, then the first
    // auto-numbered footnote (shown 1) with `bis` after it and its body.
    let h = r.history.as_ref().expect("history line");
    let notes: Vec<&str> = h.notes.iter().map(|n| n.as_str()).collect();
    assert_eq!(notes, ["1", "1bis"]);
    assert_eq!(h.text, "(Hammamet, 2016)");
    let marks: Vec<(&str, &str)> = r
        .footnotes
        .iter()
        .map(|f| (f.mark.as_str(), f.text.get(..20).unwrap_or(&f.text)))
        .collect();
    assert_eq!(
        marks,
        [
            ("1", "Previously published"),
            ("1bis", "This Hammamet, 2016 "),
            ("2", "In special cases, WT"),
            ("3", "The Director and the"),
            ("4", "These include the le"),
            ("5", "Background Question,"),
        ]
    );
    // Each body is referenced where its mark is printed: footnote 2 twice
    // in 2.1.5, the second time by a number set in the footnote reference
    // style.
    let at: Vec<usize> = r.footnotes.iter().map(|f| f.referenced_at.len()).collect();
    assert_eq!(at, [1, 1, 2, 1, 1, 1]);
    let c215 = r
        .annexes
        .iter()
        .flat_map(|a| &a.paragraphs)
        .flat_map(Clause::descendants)
        .find(|c| c.label.as_ref().is_some_and(|l| l.raw == "2.1.5"))
        .expect("2.1.5");
    let notes: Vec<&str> = c215.notes.iter().map(|n| n.as_str()).collect();
    assert_eq!(notes, ["2", "2"]);
    assert!(c215.text.contains("of the study group. In this case"));
    assert_eq!(r.footnotes[0].referenced_at, r.footnotes[1].referenced_at);
    // In order: 1 < 1bis < 2.
    assert!(r.footnotes.windows(2).all(|w| w[0].mark < w[1].mark));
    // The body of 1bis keeps its own `Section 1bis`, without the mark.
    assert!(r.footnotes[1].text.contains("Section 1bis, as approved"));
    assert!(!r.footnotes[1].text.starts_with("1bis"));
}

#[test]
fn wtsa_resolution_1_word_file_nothing_is_lost() {
    let Some(path) = common::shared_real("T-RES-T.1-2016-MSW-E.docx") else {
        return;
    };
    let src = resdiff::ingest::read_file(&path, &Default::default()).expect("Word file read");
    let lost = lost_chars(&src.text).expect("decodes");
    assert!(lost.is_empty(), "characters lost: {lost:?}");
}

// ---- Language per file, `--lang` ----

/// A small English resolution, in the form of the WTSA texts.
const EN_SAMPLE: &str = "RESOLUTION 7 (Rev. New Delhi, 2024)\n\
Collaboration with the International Organization for Standardization\n\
(Malaga-Torremolinos, 1984; Florianópolis, 2004; New Delhi, 2024)\n\
The World Telecommunication Standardization Assembly (New Delhi, 2024),\n\
considering\n\
a)\tthe ITU Constitution;\n\
b)bis\tthe ISO Statutes,\n\
resolves\n\
1\tto continue the collaboration, as in Resolution 2 (Rev. Geneva, 2022);\n\
1bis\tto report to [the next assembly].\n";

fn resdiff(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run resdiff")
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("resdiff-english-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

#[test]
fn the_outline_says_which_language_each_file_is_in() {
    let en = temp_file("outline.en.txt", EN_SAMPLE);
    let out = resdiff(&[
        "parse",
        en.to_str().expect("path"),
        "versions/wtsa-24-published/resolution-101.zh.txt",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let heads: Vec<&str> = stdout.lines().filter(|l| l.contains(" layout; ")).collect();
    assert_eq!(heads.len(), 2, "{stdout}");
    assert!(heads[0].contains("; English]"), "{}", heads[0]);
    assert!(heads[1].contains("; Chinese]"), "{}", heads[1]);
    assert!(stdout.contains("b)bis"), "{stdout}");
    assert!(stdout.contains("1bis"), "{stdout}");
}

#[test]
fn editions_in_different_languages_are_an_error() {
    let en = temp_file("mismatch.en.txt", EN_SAMPLE);
    let out = resdiff(&[
        "diff",
        "versions/wtsa-24-published/resolution-101.zh.txt",
        en.to_str().expect("path"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is in Chinese"), "{stderr}");
    assert!(stderr.contains("is in English"), "{stderr}");
    assert!(stderr.contains("mismatch.en.txt"), "{stderr}");
}

#[test]
fn lang_forces_the_language() {
    let en = temp_file("forced.en.txt", EN_SAMPLE);
    let path = en.to_str().expect("path");
    let out = resdiff(&["parse", "--lang", "en", path]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 resolution(s)"));
    // Read with the Chinese tables, the English text holds no resolution.
    let out = resdiff(&["parse", "--lang", "zh", path]);
    assert_eq!(out.status.code(), Some(2));
    let out = resdiff(&["parse", "--format", "json", "--lang", "en", path]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["documents"][0]["language"]["how"], "forced");
    assert_eq!(json["documents"][0]["language"]["tag"], "en");
    let out = resdiff(&["parse", "--lang", "fr", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language"));
}

// ---- Review of English texts ----

/// Two English resolutions of an assembly (New Delhi, 2024): Resolution 7
/// cites Resolution 2, which the same assembly revises, with its previous
/// edition, and leaves a drafting bracket.
const EN_EDITION: &str = "RESOLUTION 2 (Rev. New Delhi, 2024)\n\
Responsibility and mandates of the study groups\n\
(Helsinki, 1993; Geneva, 2022; New Delhi, 2024)\n\
The World Telecommunication Standardization Assembly (New Delhi, 2024),\n\
considering\n\
a)\tthe ITU Constitution,\n\
resolves\n\
1\tthat the study groups shall work as set out in the annexes;\n\
\n\
RESOLUTION 7 (Rev. New Delhi, 2024)\n\
Collaboration with the International Organization for Standardization\n\
(Malaga-Torremolinos, 1984; Florianópolis, 2004; New Delhi, 2024)\n\
The World Telecommunication Standardization Assembly (New Delhi, 2024),\n\
considering\n\
a)\tResolution 2 (Rev. Geneva, 2022) of this assembly;\n\
b)\tResolution 123 (Rev. Bucharest, 2022) of the Plenipotentiary Conference,\n\
resolves\n\
1\tto continue the collaboration;\n\
2\tto report to [the next assembly].\n";

#[test]
fn review_finds_stale_citations_and_brackets_in_english() {
    let path = temp_file("review.en.txt", EN_EDITION);
    let (corpus, findings) = resdiff::review::load_and_review(&resdiff::review::ReviewInput {
        edition: &path,
        against: None,
        report: None,
        load: &Default::default(),
    })
    .expect("review runs");
    assert_eq!(corpus.documents[0].language.tag, "en");
    // Worded as an English report words them.
    let words = resdiff::lang::EN.report.messages;
    let got: Vec<(&str, String, Option<&str>)> = findings
        .iter()
        .map(|f| {
            (
                f.rule.as_str(),
                words.text(&f.message),
                f.excerpt.as_ref().map(|e| e.marked.as_str()),
            )
        })
        .collect();
    let stale: Vec<_> = got.iter().filter(|g| g.0 == "citation.stale").collect();
    assert_eq!(stale.len(), 1, "{got:#?}");
    assert_eq!(
        stale[0].1,
        "cites Resolution 2 as (Rev. Geneva, 2022) but this assembly revises it: (Rev. New Delhi, 2024)"
    );
    // The Plenipotentiary Conference's resolution is another series.
    assert!(
        !got.iter().any(|g| g.1.contains("Resolution 123")),
        "{got:#?}"
    );
    let brackets: Vec<_> = got.iter().filter(|g| g.0.starts_with("bracket.")).collect();
    assert_eq!(brackets.len(), 1, "{got:#?}");
    assert_eq!(brackets[0].2, Some("[the next assembly]"));
    // Well-formed editions and history lines raise nothing.
    assert!(!got.iter().any(|g| g.0.starts_with("edition.")), "{got:#?}");
}

#[test]
fn review_runs_on_the_pp18_resolutions() {
    let Some(path) = common::shared_real("pp-18-resolutions.en.txt") else {
        return;
    };
    let (_, findings) = resdiff::review::load_and_review(&resdiff::review::ReviewInput {
        edition: &path,
        against: None,
        report: None,
        load: &Default::default(),
    })
    .expect("review runs");
    // Headers say `REV. DUBAI, 2018` and assembly lines `(Dubai, 2018)`:
    // the same edition, whatever the case.
    assert!(
        !findings.iter().any(|f| f.rule == "edition.header-mismatch"),
        "{:#?}",
        findings
            .iter()
            .filter(|f| f.rule == "edition.header-mismatch")
            .take(3)
            .collect::<Vec<_>>()
    );
    for f in findings
        .iter()
        .filter(|f| f.rule == "citation.stale")
        .take(5)
    {
        eprintln!(
            "{}:{} {}",
            f.file,
            f.line,
            resdiff::lang::EN.report.messages.text(&f.message)
        );
    }
}

// ---- Reports in the language of the texts ----

#[test]
fn reports_of_english_texts_speak_english() {
    let old = temp_file("report-old.en.txt", EN_EDITION);
    let new = temp_file(
        "report-new.en.txt",
        &EN_EDITION.replace(
            "to continue the collaboration;",
            "to strengthen the collaboration;",
        ),
    );
    let (old, new) = (old.to_str().expect("path"), new.to_str().expect("path"));
    let text = resdiff(&["diff", "--color", "never", old, new]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Summary: "), "{text}");
    assert!(text.contains("changes: 1 substantive"), "{text}");
    assert!(
        !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{text}"
    );
    let review = resdiff(&["review", "--color", "never", new]);
    let review = String::from_utf8_lossy(&review.stdout);
    assert!(review.contains(" finding"), "{review}");
    assert!(
        !review
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{review}"
    );
    let md = resdiff(&["diff", "--format", "markdown", old, new]);
    assert_eq!(md.status.code(), Some(1));
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("Changes from"), "{md}");
    assert!(
        !md.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{md}"
    );
    let html = resdiff(&["diff", "--format", "html", old, new]);
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(
        html.contains("lang=\"en\""),
        "html tags the texts as English"
    );
    assert!(!html.contains("zh-Hans"), "no Chinese tag on English texts");
    assert!(html.contains("<del>continue</del>"), "word redline");
    // JSON stays language-neutral: the same keys and kind names.
    let json = resdiff(&["diff", "--format", "json", old, new]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let change = &json["resolutions"][1]["changes"][0];
    assert_eq!(change["kind"], "modified", "{json}");
    // The Chinese report keeps its Chinese tag.
    let zh = "versions/wtsa-24-published/resolution-101.zh.txt";
    let (zh_old, zh_new) = ("versions/wtsa-24", "versions/wtsa-24-published");
    let text = resdiff(&["diff", "--color", "never", zh_old, zh_new]);
    let text = String::from_utf8_lossy(&text.stdout);
    for label in [
        "配对方式：",
        "修改：实质性 ",
        "（编辑性修改）",
        "总计：新增 ",
        "缺失：",
    ] {
        assert!(text.contains(label), "{label} in {text}");
    }
    for label in ["summary:", "matched:", "(editorial)", "substantive"] {
        assert!(!text.contains(label), "{label} in {text}");
    }
    let review = resdiff(&["review", "--color", "never", zh_old]);
    let review = String::from_utf8_lossy(&review.stdout);
    for label in [
        "第29号决议（3项问题）",
        "错误 [edition.malformed-year]",
        "项问题（错误 1，",
    ] {
        assert!(review.contains(label), "{label} in {review}");
    }
    assert!(!review.contains(" finding"), "{review}");
    let html = resdiff(&["diff", "--format", "html", zh, zh]);
    assert!(String::from_utf8_lossy(&html.stdout).contains("lang=\"zh-Hans\""));
}
