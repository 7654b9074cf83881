//! Annexes, appendices and attachments: their heading (`附件A`, `附录一`,
//! `后附资料`), the "(to Resolution N …)" caption printed above it, an
//! optional title, and their paragraphs, table rows and labelled items.

use super::labels::read_label;
use super::notes::{take_notes, take_notes_owned, without_notes};
use crate::lang::{Lang, punct};
use crate::model::{Annex, Clause, Span, Text};
use crate::normalize::Para;

/// Whether a paragraph is an annex heading, alone on its line.
pub fn is_annex_heading(text: &str, lang: &Lang) -> bool {
    let t = text.trim();
    lang.annex_prefixes.iter().any(|p| {
        lang.strip_keyword(t, p).is_some_and(|rest| {
            let rest = rest.trim();
            // `Section 1bis`: a designator with a Latin ordinal suffix.
            let rest = rest.strip_suffix(punct::BIS).unwrap_or(rest);
            rest.is_empty()
                || (rest.chars().count() <= 3
                    && rest.chars().all(|c| {
                        c.is_ascii_uppercase()
                            || c.is_ascii_digit()
                            || lang.cjk_numerals.iter().any(|n| n.starts_with(c))
                    }))
        })
    })
}

/// Whether a paragraph is an annex caption: `（第2号决议（2024年，新德里，
/// 修订版））`, the whole paragraph in brackets naming a resolution.
pub fn is_annex_caption(text: &str, lang: &Lang) -> bool {
    let t = text.trim();
    let Some((_, after)) = super::header::bracketed(t) else {
        return false;
    };
    after.trim().is_empty() && lang.forms.annex_caption.is_match(t)
}

fn text_of(p: &Para) -> Text {
    let (text, notes) = take_notes(&p.text);
    Text {
        text,
        notes,
        span: p.span,
    }
}

/// A title line: short, unlabelled, without closing punctuation.
fn is_title_like(p: &Para, lang: &Lang) -> bool {
    let t = without_notes(&p.text);
    let t = t.trim();
    !t.is_empty()
        && t.chars().count() <= 80
        && read_label(t, lang).is_none()
        && !t.ends_with(punct::FINAL)
        && !t.starts_with(punct::OPEN_PARENS)
        && !is_part_heading(t, lang)
}

/// `第1部分 – 总体研究领域`: a part heading inside an annex, not its title.
fn is_part_heading(t: &str, lang: &Lang) -> bool {
    let (start, inside) = lang.part_heading;
    t.starts_with(start) && t.contains(inside)
}

/// Build an annex from its caption (if any), heading and body paragraphs.
pub fn build_annex(caption: Option<&Para>, heading: &Para, body: &[Para], lang: &Lang) -> Annex {
    // English texts print the caption under the heading (`Appendix I`,
    // then `(to Resolution 1 (Rev. Hammamet, 2016))`).
    let (caption, body) = match (caption, body.first()) {
        (None, Some(first)) if is_annex_caption(&without_notes(&first.text), lang) => {
            (Some(first), &body[1..])
        }
        _ => (caption, body),
    };
    let mut i = 0;
    let mut title: Option<Text> = None;
    if let Some(first) = body.first()
        && is_title_like(first, lang)
    {
        let mut t = text_of(first);
        i = 1;
        // A title broken over two lines: the first ends with a joining
        // word, or a short second line stands before the running text.
        if let Some(second) = body.get(1)
            && is_title_like(second, lang)
        {
            let joins = lang.joining_words.iter().any(|w| t.text.ends_with(w));
            let short_before_text = second.text.chars().count() <= 30
                && body.get(2).is_some_and(|third| {
                    let tt = third.text.trim_end();
                    tt.ends_with(punct::FULL_STOP) && read_label(tt, lang).is_none()
                });
            if joins || short_before_text {
                let s = text_of(second);
                t.text.push_str(&s.text);
                t.notes.extend(s.notes);
                t.span = t.span.cover(s.span);
                i = 2;
            }
        }
        title = Some(t);
    }
    let paragraphs: Vec<Clause> = body[i..]
        .iter()
        .map(|p| {
            let (label, (text, notes)) = match read_label(&p.text, lang) {
                Some(r) => (r.readings.into_iter().next(), take_notes_owned(r.rest)),
                None => (None, take_notes(&p.text)),
            };
            Clause {
                label,
                text,
                notes,
                children: Vec::new(),
                span: p.span,
            }
        })
        .collect();
    let mut span = heading.span;
    if let Some(c) = caption {
        span = span.cover(c.span);
    }
    if let Some(last) = body.last() {
        span = span.cover(last.span);
    }
    Annex {
        name: without_notes(&heading.text).trim().to_string(),
        caption: caption.map(text_of),
        title,
        paragraphs,
        span: Span::new(span.first_line, span.last_line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    use crate::testkit::para;

    #[test]
    fn annex_headings() {
        for t in ["附件A", "附件", "附录一", "附录二", "后附资料", "附件 B"] {
            assert!(is_annex_heading(t, &ZH), "{t}");
        }
        for t in ["附件A中所规定的", "附件1所含国际电联", "附录"] {
            assert_eq!(is_annex_heading(t, &ZH), t == "附录", "{t}");
        }
    }

    #[test]
    fn captions() {
        assert!(is_annex_caption(
            "（第2号决议（2024年，新德里，修订版））",
            &ZH
        ));
        assert!(is_annex_caption(
            "（第29号决议（20204年，新德里，修订版））",
            &ZH
        ));
        assert!(!is_annex_caption(
            "（本附录不构成本建议书不可或缺的部分。）",
            &ZH
        ));
        assert!(!is_annex_caption(
            "（1993年，赫尔辛基；2024年，新德里）",
            &ZH
        ));
    }

    #[test]
    fn two_line_titles() {
        let body = [
            para("通过跨部门报告人组协调无线电通信、", 3),
            para("电信标准化和发展活动", 4),
            para("针对做出决议2 ii)，须采取以下程序：", 5),
        ];
        let a = build_annex(None, &para("附件C", 2), &body, &ZH);
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("通过跨部门报告人组协调无线电通信、电信标准化和发展活动")
        );
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn part_heading_is_not_a_title() {
        let body = [para("第1部分 – 总体研究领域", 3), para("ITU-T第2研究组", 4)];
        let a = build_annex(None, &para("附件A", 2), &body, &ZH);
        assert!(a.title.is_none());
        assert_eq!(a.paragraphs.len(), 2);
    }
}
