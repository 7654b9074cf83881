//! Footnote references. Word text marks them explicitly; PDF text glues the
//! superscript number to the word before it (`发展中国家1`, `修订版）1`). A
//! glued digit is read as a reference only when a footnote with that number
//! exists in the same resolution, sits on the same page, and the digit is
//! not part of the text (`支柱2`, `增补1`, `HTML5`, `SDG 9`, `2024年`).

use crate::lang::{Lang, punct};
use crate::model::{Diagnostic, FootnoteMark, Severity, Span};
use crate::normalize::{FootnoteBody, NOTE_END, NOTE_START, Para};

/// `text` without its encoded references, borrowed when it has none (most
/// paragraphs): for the many checks that only read the wording.
pub fn without_notes(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(NOTE_START) {
        std::borrow::Cow::Owned(take_notes(text).0)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Split encoded references out of `text`: the clean text and the footnote
/// marks referenced, in order (a footnote cited twice appears twice).
pub fn take_notes(text: &str) -> (String, Vec<FootnoteMark>) {
    if !text.contains(NOTE_START) {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut notes = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(NOTE_START) {
        out.push_str(&rest[..i]);
        let after = &rest[i + NOTE_START.len_utf8()..];
        match after.find(NOTE_END) {
            Some(j) => {
                if j > 0 {
                    notes.push(FootnoteMark::new(&after[..j]));
                }
                rest = &after[j + NOTE_END.len_utf8()..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    (out, notes)
}

/// [`take_notes`] for a text the caller gives up: one without references
/// (most paragraphs) is handed back as it is, not copied.
pub fn take_notes_owned(text: String) -> (String, Vec<FootnoteMark>) {
    if text.contains(NOTE_START) {
        take_notes(&text)
    } else {
        (text, Vec::new())
    }
}

/// Lines on which each note mark is referenced in `paras` (encoded refs).
pub fn reference_lines(paras: &[Para]) -> Vec<(FootnoteMark, u32)> {
    let mut out = Vec::new();
    for p in paras {
        let (_, notes) = take_notes(&p.text);
        out.extend(notes.into_iter().map(|n| (n, p.span.first_line)));
    }
    out
}

/// Find the glued references of the PDF footnotes of one resolution in its
/// paragraphs, encoding them in place. Footnotes whose reference cannot be
/// found are reported.
///
/// A number right after the wording of a heading (`根据责成电信标准化局主任1中`,
/// `关于做出决议2 i)`) points at a clause of that section, not at a
/// footnote: such places are skipped.
pub fn mark_glued_references(
    paras: &mut [Para],
    footnotes: &[FootnoteBody],
    lang: &Lang,
    diags: &mut Vec<Diagnostic>,
) {
    // Only footnotes that know their page are looked for (most resolutions
    // have none): the headings are read only then.
    if footnotes.iter().all(|f| f.page_first_line.is_none()) {
        return;
    }
    let mut headings: Vec<String> = paras
        .iter()
        .filter_map(|p| {
            let t = without_notes(&p.text);
            super::body::read_heading(&t, lang)
                .is_some()
                .then(|| t.trim_end_matches(punct::COMMAS).to_string())
        })
        .collect();
    headings.extend(lang.headings.iter().map(|(kw, _)| kw.to_string()));
    headings.sort();
    headings.dedup();
    let ctx = Context { lang, headings };
    for fn_body in footnotes {
        let Some(page_first) = fn_body.page_first_line else {
            continue;
        };
        let window = Span::new(page_first, fn_body.span.first_line.saturating_sub(1));
        let in_window = |p: &Para| {
            p.span.last_line >= window.first_line && p.span.first_line <= window.last_line
        };
        let mut found = 0;
        for p in paras.iter_mut().filter(|p| in_window(p)) {
            found += mark_in(p, fn_body.mark.as_str(), &ctx);
        }
        if found == 0 {
            // Fall back to the text before the footnote, nearest first: the
            // page may have been cut differently from how we read it.
            for p in paras
                .iter_mut()
                .rev()
                .filter(|p| p.span.first_line < fn_body.span.first_line)
            {
                found += mark_in(p, fn_body.mark.as_str(), &ctx);
                if found > 0 {
                    break;
                }
            }
        }
        if found == 0 {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                line: fn_body.span.first_line,
                message: format!(
                    "footnote {} is never referenced in the text before it",
                    fn_body.mark
                ),
            });
        }
    }
}

struct Context<'a> {
    lang: &'a Lang,
    /// Heading texts of the resolution, and the bare heading keywords.
    headings: Vec<String>,
}

/// Encode every glued occurrence of `mark` (`1`, `1bis`) in `p`; returns
/// how many.
fn mark_in(p: &mut Para, mark: &str, ctx: &Context) -> usize {
    if mark.is_empty() {
        return 0;
    }
    let text = &p.text;
    let mut hits = Vec::new();
    let mut from = 0;
    while let Some(off) = text[from..].find(mark) {
        let i = from + off;
        let end = i + mark.len();
        if is_glued_reference(text, i, end, ctx) {
            hits.push((i, end));
        }
        from = end;
    }
    if hits.is_empty() {
        return 0;
    }
    let mut out = String::with_capacity(text.len() + hits.len() * 6);
    let mut last = 0;
    for &(i, end) in &hits {
        out.push_str(&text[last..i]);
        out.push(NOTE_START);
        out.push_str(&text[i..end]);
        out.push(NOTE_END);
        last = end;
    }
    out.push_str(&text[last..]);
    p.text = out;
    hits.len()
}

fn is_glued_reference(text: &str, start: usize, end: usize, ctx: &Context) -> bool {
    let lang = ctx.lang;
    let before = &text[..start];
    let after = &text[end..];
    let Some(prev) = before.chars().next_back() else {
        return false; // a number opening a paragraph is a label
    };
    let next = after.chars().next();
    // Part of a longer number, or of a Latin token (`HTML5`, `G.711`, `IPv6`).
    if prev.is_ascii_digit() || prev == '.' || prev == '-' || prev == '/' {
        return false;
    }
    if prev.is_ascii_alphabetic() {
        // Latin words take a glued footnote number only as acronyms
        // (`ICNIRP2`); `IPv6`, `G.711` or `HTML5` (a counter word) are text.
        let run = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<Vec<_>>();
        if run.len() < 3 || !run.iter().all(|c| c.is_ascii_uppercase()) {
            return false;
        }
        // A name such as `JTC1 SWG` or `JTC1 / SC35` goes on in Latin text;
        // a footnote number is followed by Chinese text or punctuation.
        if next.is_some_and(|n| !crate::text::is_cjk(n)) {
            return false;
        }
    } else if !crate::text::is_cjk(prev) {
        return false;
    }
    if before.ends_with(NOTE_END) || before.ends_with(NOTE_START) {
        return false;
    }
    if let Some(n) = next {
        // `1)` is an inline list number (`支柱为：1) 合格评定`).
        if n.is_ascii_alphanumeric()
            || n == ')'
            || lang.counter_suffixes.contains(&n)
            || n == NOTE_START
        {
            return false;
        }
        if n == ' ' && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
            return false; // `第1 2` style number runs
        }
    }
    if ctx.headings.iter().any(|h| before.ends_with(h.as_str())) {
        return false;
    }
    // `（HTML）5` is HTML5 with the acronym bracketed.
    let bare = before.strip_suffix(punct::FULL_PARENS.1).unwrap_or(before);
    !lang.counter_words.iter().any(|w| bare.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    use crate::testkit::para;

    fn body(number: u32, line: u32, page: u32) -> FootnoteBody {
        FootnoteBody {
            mark: FootnoteMark::from(number),
            text: "这些国家包括……".into(),
            span: Span::new(line, line),
            page_first_line: Some(page),
        }
    }

    fn marked(text: &str, number: u32) -> String {
        let mut paras = vec![para(text, 2)];
        let mut d = Vec::new();
        mark_glued_references(&mut paras, &[body(number, 5, 1)], &ZH, &mut d);
        let (clean, notes) = take_notes(&paras[0].text);
        format!("{clean}|{notes:?}")
    }

    #[test]
    fn a_text_given_up_without_references_is_kept_not_copied() {
        let text = String::from("成员国和部门成员的贡献；");
        let at = text.as_ptr();
        let (clean, notes) = take_notes_owned(text);
        assert_eq!(clean.as_ptr(), at);
        assert!(notes.is_empty());
        let mut paras = vec![para("发展中国家1对这方面", 2)];
        mark_glued_references(&mut paras, &[body(1, 5, 1)], &ZH, &mut Vec::new());
        let given = std::mem::take(&mut paras[0].text);
        assert_eq!(take_notes(&given).1.len(), 1);
        assert_eq!(take_notes_owned(given.clone()), take_notes(&given));
    }

    #[test]
    fn glued_digits_become_references() {
        assert_eq!(marked("发展中国家1对这方面", 1), "发展中国家对这方面|[1]");
        assert_eq!(
            marked("第18号决议（2024年，新德里，修订版）1", 1),
            "第18号决议（2024年，新德里，修订版）|[1]"
        );
        assert_eq!(
            marked("2009年1；2012年，迪拜", 1),
            "2009年；2012年，迪拜|[1]"
        );
        assert_eq!(marked("隐私4和可信度4", 4), "隐私和可信度|[4, 4]");
        assert_eq!(marked("ICNIRP2和IEEE3", 2), "ICNIRP和IEEE3|[2]");
        assert_eq!(marked("知识产权1（", 1), "知识产权（|[1]");
    }

    #[test]
    fn look_alikes_stay_text() {
        for (t, n) in [
            ("支柱2", 2),
            ("E.156增补1", 1),
            ("附件1所含", 1),
            ("（HTML）5", 5),
            ("HTML5", 5),
            ("SDG 9", 9),
            ("战略目标1（普遍连接）", 1),
            ("2024年10月14日", 1),
            ("第[28]/21号课题", 2),
            ("3个局", 3),
            ("四个支柱为：1) 合格评定；", 1),
            ("ISO/IEC JTC1 SWG-Accessibility", 1),
            ("JTC1 / SC35、IEC TC100", 1),
            ("关于做出决议2 i)，须采用以下程序：", 2),
        ] {
            let out = marked(t, n);
            assert!(out.ends_with("|[]"), "{t} → {out}");
        }
    }

    #[test]
    fn number_after_a_heading_is_a_cross_reference() {
        let mut paras = vec![
            para("责成电信标准化局主任", 1),
            para(
                "根据责成电信标准化局主任1中的差距分析结果，支持发展中国家1；",
                2,
            ),
        ];
        let mut d = Vec::new();
        mark_glued_references(&mut paras, &[body(1, 5, 1)], &ZH, &mut d);
        let (clean, notes) = take_notes(&paras[1].text);
        assert_eq!(
            clean,
            "根据责成电信标准化局主任1中的差距分析结果，支持发展中国家；"
        );
        assert_eq!(notes, [1]);
    }

    #[test]
    fn references_only_on_the_footnote_page() {
        let mut paras = vec![para("发展中国家1前一页", 1), para("发展中国家1本页", 10)];
        let mut d = Vec::new();
        mark_glued_references(&mut paras, &[body(1, 12, 8)], &ZH, &mut d);
        assert!(take_notes(&paras[0].text).1.is_empty());
        assert_eq!(take_notes(&paras[1].text).1, [1]);
        assert!(d.is_empty());
    }

    #[test]
    fn missing_reference_is_reported() {
        let mut paras = vec![para("没有引用", 2)];
        let mut d = Vec::new();
        mark_glued_references(&mut paras, &[body(1, 5, 1)], &ZH, &mut d);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("footnote 1"));
    }
}
