//! The parser must read the same model from the same content laid out
//! differently: the shipped texts are parsed, exported Word-style and
//! PDF-style at other widths and page lengths, parsed again, and the two
//! models compared (source lines aside).

mod common;

use proptest::prelude::*;
use resdiff::corpus::{LoadOptions, load_file};
use resdiff::model::{Document, FootnoteMark, Resolution};
use resdiff::render::plain::{PdfLayout, write_pdf, write_word};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

const MOD_ADD: &str = "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt";
const RES_101: &str = "versions/wtsa-24-published/resolution-101.zh.txt";

fn load(rel: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    load_file(&path, &LoadOptions::default()).expect("shipped text loads")
}

fn mod_add() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| load(MOD_ADD))
}

fn res_101() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| load(RES_101))
}

/// How to lay the model out.
#[derive(Debug, Clone, Copy)]
enum Style {
    Word,
    Pdf(PdfLayout),
}

fn pdf(width: usize, lines_per_page: usize, page_numbers: bool) -> Style {
    Style::Pdf(PdfLayout {
        width,
        lines_per_page,
        page_numbers,
    })
}

fn export(doc: &Document, style: Style) -> String {
    let mut out = Vec::new();
    match style {
        Style::Word => write_word(&mut out, doc),
        Style::Pdf(l) => write_pdf(&mut out, doc, &l),
    }
    .expect("writing to memory");
    String::from_utf8(out).expect("export is UTF-8")
}

/// The exported text with every line's trailing whitespace removed, as an
/// editor or a commit hook leaves it.
fn strip_trailing(text: &str) -> String {
    text.split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

fn reparse(text: &str) -> Document {
    resdiff::parse_text("reflowed.txt", text, &LoadOptions::default())
        .expect("exported text decodes")
}

/// The model as JSON without what depends on the layout: spans and the
/// lines footnotes are referenced from.
fn comparable(r: &Resolution) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("span");
                m.remove("referenced_at");
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).expect("model serialises");
    strip(&mut v);
    v
}

/// One step of a path into the JSON model.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn show_path(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| match s {
            Step::Key(k) => format!(".{k}"),
            Step::Index(i) => format!("[{i}]"),
        })
        .collect()
}

/// Path and description of the first difference between `a` and `b`.
fn first_difference(path: &mut Vec<Step>, a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let vb = y.get(k).unwrap_or(&Value::Null);
                path.push(Step::Key(k.clone()));
                if let Some(d) = first_difference(path, va, vb) {
                    return Some(d);
                }
                path.pop();
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{k}: only in the re-parsed model"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                path.push(Step::Index(i));
                if let Some(d) = first_difference(path, va, vb) {
                    return Some(d);
                }
                path.pop();
            }
            (x.len() != y.len()).then(|| {
                format!(
                    "{} item(s) in the source model, {} re-parsed\n  source:    {a}\n  re-parsed: {b}",
                    x.len(),
                    y.len()
                )
            })
        }
        _ => (a != b).then(|| format!("\n  source:    {a}\n  re-parsed: {b}")),
    }
}

/// Source lines of the innermost node on `path` (in the re-parsed model,
/// whose spans are lines of the exported text).
fn span_at(v: &Value, path: &[Step]) -> Option<(usize, usize)> {
    let mut cur = v;
    let mut found = None;
    let read = |v: &Value| {
        let s = v.get("span")?;
        Some((
            s.get("first_line")?.as_u64()? as usize,
            s.get("last_line")?.as_u64()? as usize,
        ))
    };
    for step in path {
        if let Some(s) = read(cur) {
            found = Some(s);
        }
        cur = match step {
            Step::Key(k) => cur.get(k)?,
            Step::Index(i) => cur.get(i)?,
        };
    }
    read(cur).or(found)
}

/// Compare the resolutions of two documents. Lists the first difference of
/// each resolution that differs, with the exported lines around it.
fn same_model(expected: &[Resolution], got: &Document, text: &str) -> Result<(), String> {
    let report = model_report(expected, got, text);
    if report.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} difference(s):\n\n{}",
            report.len(),
            report.join("\n\n")
        ))
    }
}

/// The first difference of each resolution that differs, with the
/// exported lines around it.
fn model_report(expected: &[Resolution], got: &Document, text: &str) -> Vec<String> {
    let mut report = Vec::new();
    for (i, (a, b)) in expected.iter().zip(&got.resolutions).enumerate() {
        let mut path = vec![Step::Index(i)];
        if let Some(d) = first_difference(&mut path, &comparable(a), &comparable(b)) {
            let full = serde_json::to_value(b).expect("model serialises");
            let lines = span_at(&full, &path[1..]).map_or(String::new(), |s| context(s, text));
            report.push(format!(
                "resolutions{} (id {}): {d}\n{lines}",
                show_path(&path),
                a.id
            ));
        }
    }
    if expected.len() != got.resolutions.len() {
        let ids = |rs: &[Resolution]| rs.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        report.push(format!(
            "{} resolution(s) in the source model, {} re-parsed\n  source:    {:?}\n  re-parsed: {:?}",
            expected.len(),
            got.resolutions.len(),
            ids(expected),
            ids(&got.resolutions)
        ));
    }
    report
}

/// Exported lines `first..=last` (1-based) with a few around, numbered.
fn context((first, last): (usize, usize), text: &str) -> String {
    const AROUND: usize = 4;
    let from = first.saturating_sub(1 + AROUND);
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .skip(from)
        .take(last + AROUND - from)
        .map(|(i, l)| format!("{:>7}|{l}|", i + 1))
        .collect();
    lines.join("\n")
}

/// Export the resolutions `rs` of `doc` in `style`, parse the result and
/// compare.
fn round_trip(doc: &Document, rs: &[Resolution], style: Style) -> Result<(), String> {
    round_trip_as(doc, rs, style, false)
}

/// [`round_trip`], with the trailing whitespace of the export stripped
/// when `stripped`.
fn round_trip_as(
    doc: &Document,
    rs: &[Resolution],
    style: Style,
    stripped: bool,
) -> Result<(), String> {
    let part = Document {
        resolutions: rs.to_vec(),
        ..doc.clone()
    };
    let text = export(&part, style);
    let text = if stripped {
        strip_trailing(&text)
    } else {
        text
    };
    // For reading a failure with the whole exported text at hand.
    if let Some(dir) = std::env::var_os("RESDIFF_REFLOW_DUMP") {
        let name = format!("{style:?}.txt").replace([' ', ':', '{', '}', ',', '(', ')'], "");
        std::fs::write(Path::new(&dir).join(name), &text).expect("dump written");
    }
    let got = reparse(&text);
    same_model(rs, &got, &text).map_err(|e| format!("{style:?}: {e}"))
}

fn check(doc: &Document, style: Style) {
    assert!(!doc.resolutions.is_empty());
    if let Err(e) = round_trip(doc, &doc.resolutions, style) {
        panic!("{e}");
    }
}

fn check_stripped(doc: &Document, style: Style) {
    assert!(!doc.resolutions.is_empty());
    if let Err(e) = round_trip_as(doc, &doc.resolutions, style, true) {
        panic!("trailing whitespace stripped: {e}");
    }
}

/// `r` alone laid out in `style`, trailing whitespace stripped.
fn stripped_alone(doc: &Document, r: &Resolution, style: Style) -> String {
    let alone = Document {
        resolutions: vec![r.clone()],
        ..doc.clone()
    };
    strip_trailing(&export(&alone, style))
}

/// Read back the export of `rs` in `style` with its trailing whitespace
/// stripped. A resolution may read differently only where nothing in the
/// text can tell: the reading, laid out in `style`, gives the very same
/// stripped text as the source (a line that is full and ends where either a
/// wrap or the end of a paragraph would put it). Returns those places as
/// `(id, path of the first difference)`; any other difference is an error.
fn stripped_round_trip(
    doc: &Document,
    rs: &[Resolution],
    style: Style,
) -> Result<Vec<(String, String)>, String> {
    let part = Document {
        resolutions: rs.to_vec(),
        ..doc.clone()
    };
    let text = strip_trailing(&export(&part, style));
    if let Some(dir) = std::env::var_os("RESDIFF_REFLOW_DUMP") {
        let name = format!("{style:?}.txt").replace([' ', ':', '{', '}', ',', '(', ')'], "");
        std::fs::write(Path::new(&dir).join(name), &text).expect("dump written");
    }
    let got = reparse(&text);
    if got.resolutions.len() != rs.len() {
        return Err(model_report(rs, &got, &text).join("\n\n"));
    }
    let mut twins = Vec::new();
    let mut errors = Vec::new();
    for (a, b) in rs.iter().zip(&got.resolutions) {
        let mut path = Vec::new();
        let Some(d) = first_difference(&mut path, &comparable(a), &comparable(b)) else {
            continue;
        };
        if stripped_alone(doc, a, style) == stripped_alone(doc, b, style) {
            twins.push((a.id.clone(), show_path(&path)));
        } else {
            let full = serde_json::to_value(b).expect("model serialises");
            let lines = span_at(&full, &path).map_or(String::new(), |s| context(s, &text));
            errors.push(format!("{} {}: {d}\n{lines}", a.id, show_path(&path)));
        }
    }
    if errors.is_empty() {
        Ok(twins)
    } else {
        Err(format!(
            "{style:?}, trailing whitespace stripped: {} resolution(s) read differently, and their reading lays out differently:\n\n{}",
            errors.len(),
            errors.join("\n\n")
        ))
    }
}

/// The export of `doc` in `style` with trailing whitespace stripped reads
/// back the same but at the places `twins` names, each a line where the
/// source and the reading lay out to the same text.
fn check_stripped_but(doc: &Document, style: Style, twins: &[(&str, &str)]) {
    let found = stripped_round_trip(doc, &doc.resolutions, style).unwrap_or_else(|e| panic!("{e}"));
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(found, twins, "{style:?}: places that cannot be told apart");
}

#[test]
fn the_comparison_sees_a_changed_clause() {
    let doc = res_101();
    let mut changed = doc.resolutions.clone();
    changed[0].sections[1].clauses[2].text.push('。');
    let err = same_model(&changed, doc, "").unwrap_err();
    assert!(
        err.contains("resolutions[0].sections[1].clauses[2].text"),
        "unexpected report: {err}"
    );
}

/// Resolution 101 with a footnote inserted after its footnote 1 (`1bis`,
/// referenced beside it) and, when `custom`, one with a custom mark (`*`).
fn with_marked_footnotes(custom: bool) -> Document {
    let mut doc = res_101().clone();
    let r = &mut doc.resolutions[0];
    let note = |mark: &str, text: &str| resdiff::model::Footnote {
        mark: FootnoteMark::new(mark),
        text: text.into(),
        referenced_at: Vec::new(),
        span: Default::default(),
    };
    r.sections[5].clauses[0]
        .notes
        .push(FootnoteMark::new("1bis"));
    r.footnotes.push(note("1bis", "后来插入的脚注。"));
    if custom {
        // Referenced first, so its body comes first.
        r.sections[0].clauses[0].notes.push(FootnoteMark::new("*"));
        r.footnotes.insert(0, note("*", "自定义标记的脚注。"));
    }
    doc
}

#[test]
fn suffixed_and_custom_footnote_marks_parse_back() {
    let doc = with_marked_footnotes(true);
    if let Err(e) = round_trip(&doc, &doc.resolutions, Style::Word) {
        panic!("{e}");
    }
    // PDF footnote blocks number their entries: `1bis 文本`.
    let doc = with_marked_footnotes(false);
    for style in [pdf(56, 20, true), pdf(100, 40, false)] {
        if let Err(e) = round_trip(&doc, &doc.resolutions, style) {
            panic!("{e}");
        }
    }
}

#[test]
fn word_export_of_the_itu_word_file_parses_back() {
    // WTSA Resolution 1 (2016) as the ITU's Word file gives it, with its
    // footnotes 1 and 1bis on the history line.
    let Some(path) = common::shared_real("T-RES-T.1-2016-MSW-E.docx") else {
        return;
    };
    let doc = load_file(&path, &LoadOptions::default()).expect("Word file read");
    assert_eq!(doc.resolutions[0].footnotes[1].mark, "1bis");
    check(&doc, Style::Word);
}

#[test]
fn word_export_of_101_parses_back() {
    check(res_101(), Style::Word);
}

#[test]
fn pdf_export_of_101_parses_back_narrow() {
    check(res_101(), pdf(56, 20, true));
}

#[test]
fn pdf_export_of_101_parses_back_wide() {
    check(res_101(), pdf(100, 40, false));
}

#[test]
fn word_export_of_mod_add_texts_parses_back() {
    check(mod_add(), Style::Word);
}

#[test]
fn pdf_export_of_mod_add_texts_parses_back_narrow() {
    check(mod_add(), pdf(56, 30, false));
}

#[test]
fn pdf_export_of_mod_add_texts_parses_back_wide() {
    check(mod_add(), pdf(100, 45, true));
}

#[test]
fn stripped_pdf_export_of_101_parses_back_narrow() {
    check_stripped(res_101(), pdf(56, 20, true));
}

#[test]
fn stripped_pdf_export_of_101_parses_back_wide() {
    check_stripped(res_101(), pdf(100, 40, false));
}

#[test]
fn stripped_pdf_export_of_mod_add_texts_parses_back_narrow() {
    // Full lines that end where both a wrap and the end of a paragraph
    // would put them; the next line is not set apart (the export indents
    // nothing), so no reader can tell (each is checked by laying the
    // reading out again):
    // `其职责还包括为保护上网儿童研究适当的技术标准化解决方案。` (56 columns,
    // a sentence ends) + `终端设备、边缘、网络、云和应用安全：…`, a new
    // paragraph read as the same one;
    // `i) 全权代表大会第136号决议（2022年，布加勒斯特，修订版）` + `– 将电信/
    // 信息通信技术…` (the dash and the word after it do not fit), one
    // clause read as a clause and a dash item.
    check_stripped_but(
        mod_add(),
        pdf(56, 30, false),
        &[
            ("2", ".annexes[0].paragraphs[58].text"),
            ("100", ".sections[2].clauses[1].children[0].text"),
        ],
    );
}

#[test]
fn stripped_pdf_export_of_mod_add_texts_parses_back_wide() {
    // As above: `第5研究组还负责研究设计方法和框架，…支持向循环经济过渡。`
    // fills its line and ends a sentence; `ITU-T第5研究组还将制定…` opens
    // the next paragraph, read as the same one.
    check_stripped_but(
        mod_add(),
        pdf(100, 45, true),
        &[("2", ".annexes[0].paragraphs[21].text")],
    );
}

/// Export `len` resolutions from `start` (wrapping round the document) in
/// PDF layout and read them back, with trailing spaces kept or stripped.
fn slice_round_trip(start: usize, len: usize, style: Style, stripped: bool) -> Result<(), String> {
    let doc = mod_add();
    let n = doc.resolutions.len();
    let start = start % n;
    let slice = &doc.resolutions[start..(start + len).min(n)];
    if stripped {
        stripped_round_trip(doc, slice, style).map(drop)
    } else {
        round_trip(doc, slice, style)
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any slice, any width and page length, trailing spaces kept or
    /// stripped.
    #[test]
    fn any_slice_at_any_width_parses_back(
        start in 0usize..53,
        len in 1usize..4,
        width in 40usize..120,
        lines_per_page in 12usize..60,
        page_numbers in any::<bool>(),
        stripped in any::<bool>(),
    ) {
        let style = pdf(width, lines_per_page, page_numbers);
        if let Err(e) = slice_round_trip(start, len, style, stripped) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// A program fills lines to the column exactly: a line ending at a Latin
/// word with room left for the next one was not wrapped there, even when
/// the next line opens a page (`…X.27/V.11` + ` TSAG`, Res 2 annex C at 40
/// columns and 12 lines a page). Found by `any_slice_at_any_width_parses_back`.
#[test]
fn latin_words_across_a_page_break_of_an_exact_export_stay_apart() {
    let doc = mod_add();
    for len in 1..4 {
        for page_numbers in [false, true] {
            let style = pdf(40, 12, page_numbers);
            if let Err(e) = round_trip(doc, &doc.resolutions[0..len], style) {
                panic!("{len} resolution(s), page numbers {page_numbers}: {e}");
            }
        }
    }
}
