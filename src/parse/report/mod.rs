//! Summary reports of an assembly: lists of new, revised and suppressed
//! resolutions, the status table, the provisional-id mapping and excerpts.
//!
//! Reports are Word extractions: table cells come one per line behind a TAB,
//! clause labels are followed by a TAB, and Word leaves `[bookmark: …]`,
//! `[footnoteRef:N]D` and `[N: D\tbody]` artifacts in the text. Every phrase
//! the rules look for comes from the [`Lang`] table.

use crate::lang::{Lang, ReportListPhrase, punct};
use crate::model::{
    DeclaredStatus, Diagnostic, FootnoteMark, ReportedId, ReportedNew, ReportedNumber, Severity,
    StatusRow, SummaryReport,
};
use crate::text::fold_digits;

mod excerpts;

use excerpts::parse_excerpts;

/// How many distinct kinds of report signal (mapping line, bracketed list,
/// status-table row) make a text a report: one alone is too easily met in
/// prose that merely talks about an assembly.
const MIN_SIGNALS: usize = 2;
/// How many lines after a resolution header its assembly line may come
/// (title and history lines sit in between).
const ASSEMBLY_WINDOW: usize = 20;
/// Longest range expanded from `第101至108号`, so odd input cannot make
/// us build huge lists.
const MAX_RANGE: u32 = 1000;

/// Word artifact opening a bookmark (`[bookmark: _Toc114651286]`).
const BOOKMARK_OPEN: &str = "[bookmark:";
/// Word artifact opening a footnote reference (`[footnoteRef:2]1`).
const FOOTNOTE_REF_OPEN: &str = "[footnoteRef:";
/// Prefix of Recommendation designations dropped from ids (`ITU-T A.25`).
const RECOMMENDATION_PREFIX: &str = "ITU-T";

/// Whether the text looks like a summary report of an assembly: at least
/// two kinds of report signal (a provisional-id mapping line, a
/// bracketed list of new/revised/suppressed texts, a status-table row) and
/// no resolution text (a header `第N号决议（YYYY年，…）` followed by an
/// assembly line).
pub fn looks_like_report(text: &str, lang: &Lang) -> bool {
    let lines = source_lines(text);
    if has_resolution_text(&lines, lang) {
        return false;
    }
    let mapping = lines.iter().any(|l| parse_mapping(l, lang).is_some());
    let list = lines.iter().any(|l| parse_list_line(l, lang).is_some());
    let table = !status_rows(&lines, lang).0.is_empty();
    [mapping, list, table].iter().filter(|&&s| s).count() >= MIN_SIGNALS
}

/// Read what a summary report declares. `text` is the decoded file (LF line
/// ends); line numbers in the result are 1-based lines of `text`.
pub fn parse_report(text: &str, lang: &Lang) -> SummaryReport {
    let lines = source_lines(text);
    let mut report = SummaryReport::default();
    for (i, raw) in lines.iter().enumerate() {
        let line = line_no(i);
        if let Some(m) = parse_mapping(raw, lang) {
            report.new_resolutions.push(ReportedNew {
                number: m.number,
                provisional_id: Some(m.provisional_id),
                title: m.title,
                line,
            });
        } else if let Some(list) = parse_list_line(raw, lang) {
            record_list(&mut report, list, line);
        }
    }
    let (rows, diagnostics) = status_rows(&lines, lang);
    report.status_table = rows;
    report.diagnostics.extend(diagnostics);
    report.excerpts = parse_excerpts(&lines, lang, &mut report.diagnostics);
    report
}

/// Lines of `text` without their line ends; index + 1 is the line number.
fn source_lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// A line with Word artifacts removed.
#[derive(Debug, Default, PartialEq)]
struct Cleaned {
    /// Trimmed text, bookmarks, footnote references and bodies removed.
    text: String,
    /// Footnote numbers referenced, as displayed (see [`clean`]).
    notes: Vec<FootnoteMark>,
    /// Footnote bodies printed on the line: (displayed number, text).
    bodies: Vec<(FootnoteMark, String)>,
}

/// Remove Word artifacts from a line.
///
/// A reference `[footnoteRef:2]1` carries Word's internal id (2) and the
/// number displayed to the reader (1). We record the displayed number: it is
/// the one a reader (and [`Footnote::mark`]) knows, and it restarts in
/// every resolution like the glued digits of the PDF texts; the internal id
/// counts across the whole report and means nothing elsewhere. The id is the
/// fallback when no digit is displayed.
fn clean(line: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut text = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find('[') {
        text.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix(BOOKMARK_OPEN)
            && let Some(end) = after.find(']')
        {
            rest = &after[end + 1..];
            continue;
        }
        if let Some(after) = tail.strip_prefix(FOOTNOTE_REF_OPEN)
            && let Some(end) = after.find(']')
        {
            let id = after[..end].trim().parse::<u32>().ok();
            let after = &after[end + 1..];
            let shown = leading_digits(after);
            if let Some(n) = shown.parse::<u32>().ok().or(id) {
                out.notes.push(FootnoteMark::from(n));
            }
            rest = &after[shown.len()..];
            continue;
        }
        if let Some((body, len)) = footnote_body(tail) {
            out.bodies.push(body);
            rest = &tail[len..];
            continue;
        }
        text.push('[');
        rest = &tail[1..];
    }
    text.push_str(rest);
    out.text = text.trim().to_string();
    out
}

/// A footnote body as Word prints it inline: `[2: 1\t这些国家…]`. Returns
/// (displayed number, body) and the bytes consumed.
fn footnote_body(tail: &str) -> Option<((FootnoteMark, String), usize)> {
    let inner = tail.strip_prefix('[')?;
    let id = leading_digits(inner);
    let after_id = inner[id.len()..].strip_prefix(':')?;
    if id.is_empty() {
        return None;
    }
    let end = after_id.find(']')?;
    let body = after_id[..end].trim();
    let shown = leading_digits(body);
    let number = shown.parse::<u32>().ok().or_else(|| id.parse().ok())?;
    let text = body[shown.len()..].trim().to_string();
    let consumed = tail.len() - after_id.len() + end + 1;
    Some(((FootnoteMark::from(number), text), consumed))
}

fn leading_digits(s: &str) -> &str {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    &s[..n]
}

fn trailing_digits(s: &str) -> &str {
    let n = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    &s[s.len() - n..]
}

/// Split at the first closing bracket: (inside, after).
fn split_close(s: &str) -> Option<(&str, &str)> {
    let pos = s.find(punct::CLOSE_PARENS)?;
    let close = s[pos..].chars().next()?;
    Some((&s[..pos], &s[pos + close.len_utf8()..]))
}

// ---------------------------------------------------------------------------
// Resolution text (what a report must not contain)

/// Whether the line is a resolution header with an edition:
/// `第2号决议（2024年，新德里，修订版）`, possibly followed by a footnote digit.
fn is_resolution_header(line: &str, lang: &Lang) -> bool {
    crate::parse::header::read_header(&clean(line).text, lang, false)
        .and_then(|h| h.edition)
        .is_some_and(|e| e.year.is_some())
}

/// Whether some resolution header is followed, within [`ASSEMBLY_WINDOW`]
/// lines and before the next header, by an assembly line.
fn has_resolution_text(lines: &[&str], lang: &Lang) -> bool {
    lines.iter().enumerate().any(|(i, line)| {
        is_resolution_header(line, lang)
            && lines
                .iter()
                .skip(i + 1)
                .take(ASSEMBLY_WINDOW)
                .take_while(|l| !is_resolution_header(l, lang))
                .any(|l| clean(l).text.starts_with(lang.assembly_prefix))
    })
}

// ---------------------------------------------------------------------------
// Provisional-id mapping and highlight lists

/// A mapping line: `第101号决议（原COM4/AI）（2024年，新德里）：title`.
#[derive(Debug, PartialEq)]
struct Mapping {
    number: u32,
    provisional_id: String,
    title: Option<String>,
}

fn parse_mapping(line: &str, lang: &Lang) -> Option<Mapping> {
    let s = fold_digits(&clean(line).text);
    let opener = format!(
        "{}{}{}",
        lang.resolution_header_suffix,
        punct::FULL_PARENS.0,
        lang.provisional_marker
    );
    let pos = s.find(&opener)?;
    let before = &s[..pos];
    let digits = trailing_digits(before);
    if digits.is_empty()
        || !before[..before.len() - digits.len()].ends_with(lang.resolution_header_prefix)
    {
        return None;
    }
    let number = digits.parse().ok()?;
    let (id, rest) = split_close(&s[pos + opener.len()..])?;
    let id = id.trim();
    if id.is_empty() {
        return None;
    }
    let title = rest
        .find(punct::COLONS)
        .map(|p| rest[p..].chars().skip(1).collect::<String>())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    Some(Mapping {
        number,
        provisional_id: id.to_string(),
        title,
    })
}

/// A bracketed list in the highlights: `44份经修订的决议（第2、7…号决议）`.
#[derive(Debug)]
struct ListLine<'l> {
    phrase: &'l ReportListPhrase,
    /// The count written before the phrase (`44份`, `八份`), if any.
    count: Option<u32>,
    /// Resolution numbers (lists of resolutions).
    numbers: Vec<u32>,
    /// Designations (lists of Recommendations).
    ids: Vec<String>,
}

fn parse_list_line<'l>(line: &str, lang: &'l Lang) -> Option<ListLine<'l>> {
    let s = fold_digits(&clean(line).text);
    for (pos, open) in s.match_indices(punct::OPEN_PARENS) {
        let before = &s[..pos];
        let inside = &s[pos + open.len()..];
        for phrase in lang.report_lists {
            let Some(b) = before.strip_suffix(phrase.noun) else {
                continue;
            };
            // A Latin designation may sit between qualifier and noun
            // (`经修订的ITU-T建议书`, `经修订的WTSA决议`).
            let b = b.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || "- ".contains(c));
            let Some(head) = b.strip_suffix(phrase.qualifier) else {
                continue;
            };
            let Some((inner, _)) = split_close(inside) else {
                continue;
            };
            let mut list = ListLine {
                phrase,
                count: parse_count(head, lang),
                numbers: Vec::new(),
                ids: Vec::new(),
            };
            if phrase.recommendations {
                list.ids = parse_ids(inner, lang)?;
            } else {
                list.numbers = parse_numbers(inner, lang)?;
            }
            return Some(list);
        }
    }
    None
}

fn split_items<'s>(s: &'s str, lang: &Lang) -> Vec<&'s str> {
    let mut parts = vec![s];
    for sep in lang.list_separators {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().map(str::trim).collect()
}

/// `第2、7、11号决议`, `第101至108号决议`, `第80号决议` → numbers in order.
fn parse_numbers(inner: &str, lang: &Lang) -> Option<Vec<u32>> {
    let body = inner
        .trim()
        .strip_prefix(lang.resolution_header_prefix)?
        .strip_suffix(lang.resolution_header_suffix)?;
    let one = |t: &str| -> Option<u32> {
        let t = t.trim();
        let t = t.strip_prefix(lang.resolution_header_prefix).unwrap_or(t);
        let t = t.strip_suffix(lang.number_suffix).unwrap_or(t).trim();
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let mut numbers = Vec::new();
    for item in split_items(body, lang) {
        let range = lang
            .range_words
            .iter()
            .find_map(|w| item.split_once(w))
            .map(|(a, b)| (one(a), one(b)));
        match range {
            Some((Some(a), Some(b))) if a <= b && b - a < MAX_RANGE => numbers.extend(a..=b),
            Some(_) => return None,
            None => numbers.push(one(item)?),
        }
    }
    (!numbers.is_empty()).then_some(numbers)
}

/// `A.25`, `ITU-T A.25、E.164` → designations in order.
fn parse_ids(inner: &str, lang: &Lang) -> Option<Vec<String>> {
    let mut ids = Vec::new();
    for item in split_items(inner, lang) {
        let id = item
            .strip_prefix(RECOMMENDATION_PREFIX)
            .unwrap_or(item)
            .trim();
        let shaped = id.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && id.chars().any(|c| c.is_ascii_digit())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-/".contains(c));
        if !shaped {
            return None;
        }
        ids.push(id.to_string());
    }
    (!ids.is_empty()).then_some(ids)
}

/// The count before a list phrase: `–\t八份` → 8, `44份` → 44.
fn parse_count(head: &str, lang: &Lang) -> Option<u32> {
    let head = head.trim_end();
    let head = lang.count_words.iter().find_map(|w| head.strip_suffix(w))?;
    let digits = trailing_digits(head);
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let value = |c: char| {
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        lang.cjk_numerals
            .iter()
            .position(|n| *n == s)
            .and_then(|p| u32::try_from(p + 1).ok())
    };
    let values: Vec<u32> = head.chars().rev().map_while(value).collect();
    if values.is_empty() {
        return None;
    }
    // Read `二十四` style numerals: a ten multiplies what precedes it.
    let (mut total, mut unit) = (0, 0);
    for v in values.into_iter().rev() {
        if v == 10 {
            total += unit.max(1) * 10;
            unit = 0;
        } else {
            unit = v;
        }
    }
    Some(total + unit)
}

fn record_list(report: &mut SummaryReport, list: ListLine<'_>, line: u32) {
    let found = list.numbers.len() + list.ids.len();
    if let Some(count) = list.count
        && usize::try_from(count).ok() != Some(found)
    {
        report.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            line,
            message: format!("list declares {count} items but names {found}; kept the named ones"),
        });
    }
    let numbers = list
        .numbers
        .iter()
        .map(|&number| ReportedNumber { number, line });
    let target = match (list.phrase.recommendations, list.phrase.status) {
        (true, DeclaredStatus::Revised) => {
            let ids = list.ids.into_iter().map(|id| ReportedId { id, line });
            report.revised_recommendations.extend(ids);
            return;
        }
        (false, DeclaredStatus::New) => &mut report.new_listed,
        (false, DeclaredStatus::Revised) => &mut report.revised,
        (false, DeclaredStatus::Suppressed) => &mut report.suppressed,
        _ => {
            report.diagnostics.push(Diagnostic {
                severity: Severity::Note,
                line,
                message: "list of a kind the report model does not hold; ignored".to_string(),
            });
            return;
        }
    };
    target.extend(numbers);
}

// ---------------------------------------------------------------------------
// Status table

/// Content of a table cell line (`\t修订版`), artifacts removed.
fn cell(line: &str) -> Option<String> {
    line.starts_with('\t').then(|| clean(line).text)
}

/// Rows of three cells `\t修订版` / `\t2` / `\ttitle`. A row whose status is
/// not a known word is kept (as [`DeclaredStatus::Other`]) only when it
/// continues a table, so that other three-cell tables are not taken.
fn status_rows(lines: &[&str], lang: &Lang) -> (Vec<StatusRow>, Vec<Diagnostic>) {
    let mut rows = Vec::new();
    let mut diagnostics = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut i = 0;
    while i + 2 < lines.len() {
        let cells = (cell(lines[i]), cell(lines[i + 1]), cell(lines[i + 2]));
        if let (Some(status_text), Some(number), Some(title)) = cells
            && !status_text.is_empty()
            && !title.is_empty()
            && let Ok(number) = fold_digits(&number).parse::<u32>()
        {
            let status = lang
                .report_status_words
                .iter()
                .find(|(w, _)| *w == status_text)
                .map(|&(_, s)| s);
            let continues = last_end.is_some_and(|e| i <= e + 2);
            if status.is_some() || continues {
                if status.is_none() {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        line: line_no(i),
                        message: format!("status `{status_text}` not known; kept as other"),
                    });
                }
                rows.push(StatusRow {
                    status_text,
                    status: status.unwrap_or(DeclaredStatus::Other),
                    number,
                    title,
                    line: line_no(i),
                });
                last_end = Some(i + 2);
                i += 3;
                continue;
            }
        }
        i += 1;
    }
    (rows, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::excerpts::*;
    use super::*;
    use crate::lang::ZH;
    use crate::model::{Diagnostic, Excerpt, LabelFamily, SectionKind, Span};

    fn lines(s: &str) -> Vec<&str> {
        source_lines(s)
    }

    #[test]
    fn clean_strips_bookmarks_and_footnotes() {
        let c = clean("\t[bookmark: _Toc114651383]国际移动漫游（IMR）");
        assert_eq!(c.text, "国际移动漫游（IMR）");
        let c = clean("1\t考虑到发展中国家[footnoteRef:2]1在研究；[2: 1\t这些国家包括。] ");
        assert_eq!(c.text, "1\t考虑到发展中国家在研究；");
        assert_eq!(c.notes, vec![1]);
        assert_eq!(
            c.bodies,
            vec![(FootnoteMark::from(1), "这些国家包括。".to_string())]
        );
        // Without a displayed digit the Word id is the number.
        assert_eq!(clean("国家[footnoteRef:3]在").notes, vec![3]);
    }

    #[test]
    fn clean_keeps_real_brackets() {
        let s = "考虑到本届全会第18号决议（[2022年，日内瓦]，修订版）；";
        assert_eq!(clean(s).text, s);
        assert_eq!(clean("a[b").text, "a[b");
        assert!(clean(s).notes.is_empty());
    }

    #[test]
    fn resolution_headers() {
        assert!(is_resolution_header(
            "第2号决议（2024年，新德里，修订版） ",
            &ZH
        ));
        assert!(is_resolution_header(
            "第18号决议（2024年，新德里，修订版）1 ",
            &ZH
        ));
        assert!(is_resolution_header(
            "第１０１号决议（2024年，新德里）",
            &ZH
        ));
        assert!(!is_resolution_header("\t第2号决议", &ZH));
        assert!(!is_resolution_header(
            "第21号决议（2018年，迪拜，修订版）– 关于国际电信网络",
            &ZH
        ));
        assert!(!is_resolution_header(
            "第101号决议（原COM4/AI）（2024年，新德里）：标题",
            &ZH
        ));
    }

    #[test]
    fn resolution_text_needs_header_and_assembly_line() {
        let text = "第2号决议（2024年，新德里）\n标题\n（1993年，赫尔辛基）\n世界电信标准化全会（2024年，新德里），";
        assert!(has_resolution_text(&lines(text), &ZH));
        let no_assembly = "第2号决议（2024年，新德里）\n标题\n正文";
        assert!(!has_resolution_text(&lines(no_assembly), &ZH));
        // The assembly line belongs to the next header, not this one.
        let next = "第2号决议（2024年，新德里）\n第3号决议（2024年，新德里）\n标题";
        assert!(!has_resolution_text(&lines(next), &ZH));
        let far = format!(
            "第2号决议（2024年，新德里）{}\n世界电信标准化全会（2024年，新德里），",
            "\n正文".repeat(ASSEMBLY_WINDOW + 1)
        );
        assert!(!has_resolution_text(&lines(&far), &ZH));
    }

    #[test]
    fn mapping_lines() {
        let m = parse_mapping(
            "–\t第107号决议（原COM3/NG）（2024年，新德里）：加强下一代专家参与",
            &ZH,
        );
        assert_eq!(
            m,
            Some(Mapping {
                number: 107,
                provisional_id: "COM3/NG".to_string(),
                title: Some("加强下一代专家参与".to_string())
            })
        );
        let bare = parse_mapping("第101号决议（原COM4/AI）", &ZH).expect("mapping");
        assert_eq!((bare.number, bare.title), (101, None));
        assert_eq!(parse_mapping("第21号决议（2018年，迪拜）：标题", &ZH), None);
        assert_eq!(parse_mapping("\tA计划（原定计划）", &ZH), None);
        assert_eq!(parse_mapping("本决议（原COM4/AI）", &ZH), None);
    }

    #[test]
    fn lists_of_numbers_and_ranges() {
        let l = parse_list_line("–\t八份新决议（第101至108号决议）", &ZH).expect("list");
        assert_eq!(l.phrase.status, DeclaredStatus::New);
        assert_eq!(l.count, Some(8));
        assert_eq!(l.numbers, (101..=108).collect::<Vec<_>>());
        let l = parse_list_line("–\t3份经修订的决议（第2、7、11号决议）", &ZH).expect("list");
        assert_eq!(l.phrase.status, DeclaredStatus::Revised);
        assert_eq!((l.count, l.numbers), (Some(3), vec![2, 7, 11]));
        let l = parse_list_line("–\t一份废止的决议（第80号决议）", &ZH).expect("list");
        assert_eq!(l.phrase.status, DeclaredStatus::Suppressed);
        assert_eq!((l.count, l.numbers), (Some(1), vec![80]));
        let l = parse_list_line("–\t一份经修订的ITU-T建议书（A.25）", &ZH).expect("list");
        assert!(l.phrase.recommendations);
        assert_eq!(l.ids, vec!["A.25".to_string()]);
        assert_eq!(
            parse_ids("ITU-T A.25、E.164", &ZH),
            Some(vec!["A.25".to_string(), "E.164".to_string()])
        );
    }

    #[test]
    fn lists_that_are_not_lists() {
        for s in [
            "•\t做出8项新决议",
            "–\t十个ITU-T研究组经过更新的职责范围（第2号决议）和新课题获得批准。",
            "–\t新的和经修订的WTSA决议和ITU-T建议书见会议录草案的第1和第2部分",
            "考虑到本届全会第44号决议（2024年，新德里，修订版）",
            "–\t两份经修订的决议（第2、X号决议）",
            "–\t两份新决议（第1至5000号决议）",
            "–\t一份经修订的ITU-T建议书（见下文）",
        ] {
            assert!(parse_list_line(s, &ZH).is_none(), "{s}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("–\t八份", &ZH), Some(8));
        assert_eq!(parse_count("44份", &ZH), Some(44));
        assert_eq!(parse_count("二十四项", &ZH), Some(24));
        assert_eq!(parse_count("十二份", &ZH), Some(12));
        assert_eq!(parse_count("八", &ZH), None);
        assert_eq!(parse_count("–\t", &ZH), None);
    }

    #[test]
    fn list_count_mismatch_is_diagnosed() {
        let r = parse_report("–\t三份经修订的决议（第2、7号决议）", &ZH);
        assert_eq!(r.revised.len(), 2);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].line, 1);
        let r = parse_report("–\t两份经修订的决议（第2、7号决议）", &ZH);
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn status_table_rows() {
        let text = "\t状况\n\t编号\n\t标题\n\n\t修订版\n\t2\n\t[bookmark: _Toc1]工作范围\n\n\t未定\n\t5\n\t其他\n\n\t保留\n\t69\n\t获取";
        let (rows, diags) = status_rows(&lines(text), &ZH);
        let got: Vec<(u32, DeclaredStatus, &str, u32)> = rows
            .iter()
            .map(|r| (r.number, r.status, r.title.as_str(), r.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, DeclaredStatus::Revised, "工作范围", 5),
                (5, DeclaredStatus::Other, "其他", 9),
                (69, DeclaredStatus::Maintained, "获取", 13),
            ]
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 9);
    }

    #[test]
    fn status_table_needs_shape() {
        // An unknown first cell does not open a table.
        assert!(status_rows(&lines("\t未定\n\t5\n\t其他"), &ZH).0.is_empty());
        // Cells must be TAB-indented and the middle one a number.
        assert!(status_rows(&lines("修订版\n2\n标题"), &ZH).0.is_empty());
        assert!(
            status_rows(&lines("\t修订版\n\t第2号\n\t标题"), &ZH)
                .0
                .is_empty()
        );
        assert!(status_rows(&lines("\t修订版\n\t2\n\t"), &ZH).0.is_empty());
    }

    #[test]
    fn excerpt_headers() {
        assert_eq!(excerpt_header("\t第2号决议", &ZH), Some(2));
        assert_eq!(excerpt_header("第１８号决议", &ZH), Some(18));
        assert_eq!(excerpt_header("\t第2号决议（2024年，新德里）", &ZH), None);
        assert_eq!(excerpt_header("\t编号/决议", &ZH), None);
        assert_eq!(excerpt_header("第号决议", &ZH), None);
    }

    #[test]
    fn heading_keywords() {
        let h = heading_of("进一步做出决议", &ZH).expect("heading");
        assert_eq!(
            (h.kind, h.further, h.addressee),
            (SectionKind::Resolves, true, None)
        );
        let h = heading_of("做出决议，责成国际电联电信标准化部门第17研究组", &ZH).expect("h");
        assert_eq!(h.kind, SectionKind::ResolvesInstructs);
        assert_eq!(
            h.addressee.as_deref(),
            Some("国际电联电信标准化部门第17研究组")
        );
        let h = heading_of("做出决议，责成", &ZH).expect("heading");
        assert_eq!(
            (h.kind, h.addressee),
            (SectionKind::ResolvesInstructs, None)
        );
        let h = heading_of("进一步责成研究组", &ZH).expect("heading");
        assert_eq!((h.kind, h.further), (SectionKind::Instructs, true));
        assert_eq!(h.addressee.as_deref(), Some("研究组"));
        assert!(heading_of("电信标准化局主任", &ZH).is_none());
    }

    #[test]
    fn headings_are_not_clauses() {
        assert!(heading_of("责成", &ZH).is_some());
        assert!(heading_of("请秘书长与三个部门局的主任合作", &ZH).is_some());
        for s in [
            "请ITU-T，尤其是第5研究组，扩大此领域中下列各项工作：",
            "鼓励电信运营商协助ITU-T落实本决议。",
            "6\t请ITU-T第5研究组与WHO协调；",
            "在可用资源范围内，",
            "",
        ] {
            assert!(heading_of(s, &ZH).is_none(), "{s}");
        }
    }

    fn label_of(s: &str) -> Option<(String, &str)> {
        read_label(s, &ZH).map(|(r, rest)| (r.readings[0].raw.clone(), rest))
    }

    #[test]
    fn labels() {
        assert_eq!(label_of("3\t文本"), Some(("3".to_string(), "文本")));
        assert_eq!(label_of("iii)\t文本"), Some(("iii)".to_string(), "文本")));
        assert_eq!(label_of("· TSB应与"), Some(("·".to_string(), "TSB应与")));
        assert_eq!(label_of("–\t项目"), Some(("–".to_string(), "项目")));
        assert_eq!(label_of("6.1.2\t文本"), Some(("6.1.2".to_string(), "文本")));
        assert_eq!(label_of("·TSB"), None);
        assert_eq!(label_of("3 700名代表"), None);
        assert_eq!(label_of("abc)\t文本"), None);
        assert_eq!(label_of("国际电联\t文本"), None);
    }

    #[test]
    fn label_families_and_ordinals() {
        let prev = |family, ordinal, ends_colon| PrevLabel {
            family,
            ordinal,
            ends_colon,
        };
        let fam = |raw: &str, p: Option<PrevLabel>| {
            let line = format!("{raw}\t文本");
            let (read, _) = read_label(&line, &ZH).expect("label");
            let l = choose_reading(read, p.as_ref());
            (l.family, l.ordinal)
        };
        assert_eq!(fam("3", None), (LabelFamily::Number, 3));
        assert_eq!(fam("1)", None), (LabelFamily::NumberParen, 1));
        assert_eq!(fam("6.1.2", None), (LabelFamily::Decimal, 2));
        assert_eq!(fam("·", None), (LabelFamily::Bullet, 0));
        assert_eq!(fam("a)", None), (LabelFamily::Letter, 1));
        assert_eq!(fam("i)", None), (LabelFamily::Roman, 1));
        assert_eq!(fam("viii)", None), (LabelFamily::Roman, 8));
        // `i)` after `h)` is the letter i, unless `h)` opened a sub-list.
        let h = Some(prev(LabelFamily::Letter, 8, false));
        assert_eq!(fam("i)", h), (LabelFamily::Letter, 9));
        let h_colon = Some(prev(LabelFamily::Letter, 8, true));
        assert_eq!(fam("i)", h_colon), (LabelFamily::Roman, 1));
        // `v)` continues `iv)`; alone it is a letter, as is `l)`.
        let iv = Some(prev(LabelFamily::Roman, 4, false));
        assert_eq!(fam("v)", iv), (LabelFamily::Roman, 5));
        assert_eq!(fam("v)", None), (LabelFamily::Letter, 22));
        let one = Some(prev(LabelFamily::Number, 1, true));
        assert_eq!(fam("l)", one), (LabelFamily::Letter, 12));
    }

    fn one_excerpt(body: &str) -> (Excerpt, Vec<Diagnostic>) {
        let text = format!("\t第9号决议\n标题\n{body}");
        let r = parse_report(&text, &ZH);
        assert_eq!(r.excerpts.len(), 1);
        (r.excerpts[0].clone(), r.diagnostics)
    }

    #[test]
    fn addressee_on_the_next_line() {
        let (e, _) = one_excerpt("\t责成\n电信标准化局主任\n继续合作；");
        let s = &e.sections[0];
        assert_eq!(s.heading, "责成电信标准化局主任");
        assert_eq!(s.addressee.as_deref(), Some("电信标准化局主任"));
        assert_eq!(s.clauses.len(), 1);
        assert_eq!(s.clauses[0].text, "继续合作；");
        assert_eq!(s.span, Span::new(3, 5));
        assert_eq!(e.title.as_deref(), Some("标题"));
    }

    #[test]
    fn no_addressee_after_a_tail_or_before_a_clause() {
        // The heading has its own addressee: the next line is a clause.
        let (e, _) = one_excerpt("请电信发展局主任\n本着合作精神，");
        assert_eq!(e.sections[0].addressee.as_deref(), Some("电信发展局主任"));
        assert_eq!(e.sections[0].clauses.len(), 1);
        // A line ending a clause is not an addressee.
        let (e, _) = one_excerpt("\t责成\n电信标准化局主任协作采取必要措施；");
        assert_eq!(e.sections[0].addressee, None);
        assert_eq!(e.sections[0].heading, "责成");
        // A labelled line is not an addressee.
        let (e, _) = one_excerpt("责成\n1\tTSB主任：\n· 与其它两局主任协调；");
        let s = &e.sections[0];
        assert_eq!(s.addressee, None);
        assert_eq!(s.clauses.len(), 1);
        assert_eq!(s.clauses[0].children.len(), 1);
    }

    #[test]
    fn split_compound_heading_is_joined() {
        let (e, _) = one_excerpt("\t做出决议\n责成电信标准化局主任\n1\t重点考虑；");
        assert_eq!(e.sections.len(), 1);
        let s = &e.sections[0];
        assert_eq!(s.kind, SectionKind::ResolvesInstructs);
        assert_eq!(s.heading, "做出决议，责成电信标准化局主任");
        assert_eq!(s.addressee.as_deref(), Some("电信标准化局主任"));
        // A full compound heading after a bare one stays a section of its own.
        let (e, _) = one_excerpt("\t做出决议\n做出决议，责成第17研究组\n4\t协作；");
        assert_eq!(e.sections.len(), 2);
        assert!(e.sections[0].clauses.is_empty());
        assert_eq!(e.sections[1].kind, SectionKind::ResolvesInstructs);
        // Not after a section that already has clauses.
        let (e, _) = one_excerpt("\t做出决议\n1\t文本；\n责成电信标准化局主任\n1\t文本；");
        assert_eq!(e.sections.len(), 2);
        assert_eq!(e.sections[1].kind, SectionKind::Instructs);
    }

    #[test]
    fn intro_before_labelled_clauses() {
        let (e, _) = one_excerpt("\t做出决议\n请ITU-T扩大下列工作：\ni)\t协调；\nviii)\t合作；");
        let s = &e.sections[0];
        assert_eq!(
            s.intro.as_ref().map(|i| i.text.as_str()),
            Some("请ITU-T扩大下列工作：")
        );
        assert_eq!(s.clauses.len(), 2);
        // Not an intro when no labelled clause follows.
        let (e, _) = one_excerpt("\t做出决议\n请ITU-T扩大下列工作：");
        assert!(e.sections[0].intro.is_none());
        assert_eq!(e.sections[0].clauses.len(), 1);
    }

    #[test]
    fn nesting_and_gaps() {
        let (e, _) =
            one_excerpt("\t做出决议\n3\t甲；\n5\t乙：\ni)\t一；\nii)\t二；\n\n7\t丙；\n另起一段，");
        let s = &e.sections[0];
        let top: Vec<&str> = s
            .clauses
            .iter()
            .map(|c| c.label.as_ref().map_or("-", |l| l.raw.as_str()))
            .collect();
        assert_eq!(top, vec!["3", "5", "7"]);
        assert_eq!(s.clauses[1].children.len(), 2);
        // An unlabelled paragraph after labelled ones belongs to the last.
        assert_eq!(s.clauses[2].children.len(), 1);
        assert_eq!(s.clauses[2].span, Span::new(9, 9));
        assert_eq!(s.clauses[2].children[0].span, Span::new(10, 10));
        assert_eq!(s.span, Span::new(3, 10));
    }

    #[test]
    fn title_may_look_like_a_heading() {
        let (e, _) = one_excerpt("");
        assert_eq!(e.title.as_deref(), Some("标题"));
        let r = parse_report("\t第58号决议\n鼓励建立团队\n\t责成\n电信标准化局主任", &ZH);
        assert_eq!(r.excerpts[0].title.as_deref(), Some("鼓励建立团队"));
        assert_eq!(r.excerpts[0].sections.len(), 1);
        // No title: the first line is the heading cell.
        let r = parse_report("\t第2号决议\n\t做出决议\n3\t文本；", &ZH);
        assert_eq!(r.excerpts[0].title, None);
        assert_eq!(r.excerpts[0].sections[0].clauses.len(), 1);
    }

    #[test]
    fn text_before_a_heading_is_diagnosed() {
        let (e, diags) = one_excerpt("3\t无标题的条款；");
        assert!(e.sections.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 3);
    }

    #[test]
    fn report_signals() {
        let mapping = "–\t第101号决议（原COM4/AI）（2024年，新德里）：标题";
        let list = "–\t八份新决议（第101至108号决议）";
        let table = "\t新决议\n\t101\n\t标题";
        assert!(looks_like_report(&format!("{mapping}\n{list}"), &ZH));
        assert!(looks_like_report(&format!("{list}\n\n{table}"), &ZH));
        assert!(!looks_like_report(list, &ZH));
        assert!(!looks_like_report(mapping, &ZH));
        let with_text = format!(
            "{mapping}\n{list}\n第2号决议（2024年，新德里）\n标题\n世界电信标准化全会（2024年，新德里），"
        );
        assert!(!looks_like_report(&with_text, &ZH));
    }
}
