//! Rules for Word extractions: one paragraph per line, TAB after labels,
//! `[bookmark: …]` fields, inline footnotes (`[footnoteRef:1]1` in the text,
//! the body as ` [1: 1\ttext]` at the end of the line), page header and
//! footer fields and image names at the end.

use super::{
    Artifact, ArtifactKind, FootnoteBody, NOTE_END, NOTE_START, Normalized, Para, strip_bookmarks,
};
use crate::lang::{Lang, punct};
use crate::model::{FootnoteMark, Layout, Span};
use std::collections::BTreeMap;

pub(super) fn normalize(lines: &[&str], lang: &Lang) -> Normalized {
    let mut out = Normalized {
        layout: Layout::Word,
        ..Normalized::default()
    };
    // The mark printed before each footnote body, by footnote id: what a
    // reference to it shows (the body comes at the end of the line of its
    // first reference, so it is known before any reference is read).
    let mut marks: BTreeMap<String, String> = BTreeMap::new();
    for (i, raw_line) in lines.iter().enumerate() {
        let lineno = i as u32 + 1;
        let line = strip_bookmarks(raw_line, lineno, &mut out.artifacts);
        if line.trim().is_empty() {
            continue;
        }
        if is_image_name(line.trim()) {
            out.artifacts
                .push(artifact(ArtifactKind::Image, lineno, line.trim()));
            continue;
        }
        if is_page_field(&line) {
            out.artifacts
                .push(artifact(ArtifactKind::PageFooter, lineno, line.trim()));
            continue;
        }
        let line = lift_footnote_bodies(&line, lineno, lang, &mut out.footnotes, &mut marks);
        let line = encode_references(&line, &marks);
        let trimmed = line.trim_matches(|c: char| c == ' ' || c == '\t');
        if trimmed.is_empty() {
            continue;
        }
        let (text, tab) = label_tab(trimmed);
        out.paras.push(Para {
            text,
            span: Span::new(lineno, lineno),
            page_start: false,
            tab_after_first_token: tab,
        });
    }
    out
}

fn artifact(kind: ArtifactKind, line: u32, text: &str) -> Artifact {
    Artifact {
        kind,
        line,
        text: text.to_string(),
    }
}

/// `image1.png` alone on a line: an embedded picture's file name.
fn is_image_name(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    let Some((stem, ext)) = lower.rsplit_once('.') else {
        return false;
    };
    matches!(ext, "png" | "jpg" | "jpeg" | "gif" | "emf" | "wmf" | "bmp")
        && !stem.is_empty()
        && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A page header or footer field: TAB-separated page numbers and a running
/// head such as `WTSA-24 – 第101号决议`.
fn is_page_field(line: &str) -> bool {
    let fields: Vec<&str> = line
        .split('\t')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let is_number = |f: &&str| f.len() <= 4 && f.bytes().all(|b| b.is_ascii_digit());
    let heads = fields.iter().filter(|f| is_running_head(f)).count();
    heads >= 1 && fields.iter().all(|f| is_number(f) || is_running_head(f)) && fields.len() >= 2
        || (heads == 1 && fields.len() == 1 && line.starts_with('\t'))
}

/// `WTSA-24 – 第101号决议`: an event code, a dash, a short name.
fn is_running_head(f: &str) -> bool {
    let Some((code, rest)) = f.split_once(' ') else {
        return false;
    };
    let code_ok = code.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.chars().all(|c| c.is_ascii_uppercase())
            && !b.is_empty()
            && b.chars().all(|c| c.is_ascii_digit())
    });
    let rest = rest.trim_start();
    code_ok && (rest.starts_with('–') || rest.starts_with('-')) && rest.chars().count() <= 30
}

/// Move ` [1: 1\ttext]` bodies out of the line into footnotes, noting the
/// mark printed before each body under its id.
fn lift_footnote_bodies(
    line: &str,
    lineno: u32,
    lang: &Lang,
    notes: &mut Vec<FootnoteBody>,
    marks: &mut BTreeMap<String, String>,
) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = find_body_start(rest) {
        // The body ends at its matching bracket: it may hold brackets of its
        // own (`[ITU-T A.5]`), and more bodies may follow on the line.
        let Some(close) = matching_bracket(&rest[i..]) else {
            break;
        };
        out.push_str(&rest[..i]);
        let inner = &rest[i + 1..i + close];
        let (id, body) = inner.split_once(':').unwrap_or((inner, ""));
        let body = body.trim_start();
        // The body repeats the displayed mark before a TAB.
        let (shown, text) = printed_mark(body, lang).unwrap_or(("", body));
        let mark = if shown.is_empty() {
            FootnoteMark::from(id.trim().parse::<u32>().unwrap_or_default())
        } else {
            FootnoteMark::new(shown)
        };
        marks.insert(id.trim().to_string(), shown.to_string());
        notes.push(FootnoteBody {
            mark,
            text: text.trim().to_string(),
            span: Span::new(lineno, lineno),
            page_first_line: None,
        });
        rest = &rest[i + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The mark a footnote body opens with, and the text after it: a number
/// (`1`), a number with an ordinal suffix of the language (`1bis`, a note
/// inserted after note 1), or a custom mark of footnote symbols (`*`), before
/// a TAB or a space.
fn printed_mark<'t>(body: &'t str, lang: &Lang) -> Option<(&'t str, &'t str)> {
    let (mark, text) = body.split_once(['\t', ' '])?;
    let digits = mark.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &mark[digits..];
    let numbered = digits > 0 && (suffix.is_empty() || lang.ordinal_suffixes.contains(&suffix));
    let symbols = mark.chars().count() <= MAX_SYMBOL_MARK
        && !mark.is_empty()
        && mark.chars().all(|c| punct::FOOTNOTE_SYMBOLS.contains(&c));
    (numbered || symbols).then_some((mark, text))
}

/// Most symbols in a custom footnote mark (`***`).
const MAX_SYMBOL_MARK: usize = 3;

/// Offset of the `]` closing the `[` at the start of `s`.
fn matching_bracket(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Position of `[N:` (a footnote body), not `[footnoteRef:` nor a drafting
/// bracket such as `[本届全会]`.
fn find_body_start(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(off) = s[from..].find('[') {
        let i = from + off;
        let after = &s[i + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(':') {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// `[footnoteRef:2]1` → the reference to the footnote displayed as 1. The
/// mark is what the body of the footnote opens with when the text after the
/// reference starts with it (`1bis`, where a note inserted after note 1 shows
/// its auto number followed by `bis`; a custom mark `*`), else the digits
/// after the reference, else the id. A comma between two references goes
/// with them.
fn encode_references(line: &str, marks: &BTreeMap<String, String>) -> String {
    const TAG: &str = "[footnoteRef:";
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find(TAG) {
        out.push_str(&rest[..i]);
        let after = &rest[i + TAG.len()..];
        let id_len = after.bytes().take_while(u8::is_ascii_digit).count();
        if !after[id_len..].starts_with(']') {
            out.push_str(TAG);
            rest = after;
            continue;
        }
        let id = &after[..id_len];
        let tail = &after[id_len + 1..];
        let shown_len = match marks.get(id) {
            Some(m) if !m.is_empty() && tail.starts_with(m.as_str()) && ends_mark(tail, m) => {
                m.len()
            }
            _ => tail.bytes().take_while(u8::is_ascii_digit).count(),
        };
        let shown = if shown_len > 0 {
            &tail[..shown_len]
        } else {
            id
        };
        out.push(NOTE_START);
        out.push_str(shown);
        out.push(NOTE_END);
        rest = &tail[shown_len..];
        // `1, 1bis`: the comma between two marks is set with them, not text.
        if let Some(next) = rest
            .trim_start_matches(' ')
            .strip_prefix(punct::COMMAS)
            .map(|r| r.trim_start_matches(' '))
            .filter(|r| r.starts_with(TAG))
        {
            rest = next;
        }
    }
    out.push_str(rest);
    out
}

/// Whether `mark` at the start of `tail` is all of a mark, not the start of
/// a longer number or word (`1` of `12`, `1bis` of `1bisx`).
fn ends_mark(tail: &str, mark: &str) -> bool {
    let (Some(last), Some(next)) = (mark.chars().next_back(), tail[mark.len()..].chars().next())
    else {
        return true;
    };
    !(last.is_ascii_digit() && next.is_ascii_digit()
        || last.is_ascii_alphabetic() && next.is_ascii_alphabetic())
}

/// `a)\t全权代表大会…` → (`a) 全权代表大会…`, true). Other TABs become spaces.
fn label_tab(t: &str) -> (String, bool) {
    let tab = t
        .find('\t')
        .is_some_and(|i| i > 0 && i <= 12 && !t[..i].contains(' '));
    let mut s: String = t.replace('\t', " ");
    while s.contains("  ") {
        s = s.replace("  ", " ");
    }
    (s, tab)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> Normalized {
        let lines: Vec<&str> = text.split('\n').collect();
        normalize(&lines, &crate::lang::ZH)
    }

    #[test]
    fn footers_images_and_bookmarks_are_removed() {
        let n = norm(
            " [bookmark: irecnoe]前言\n\t\tWTSA-24 – 第101号决议\t15\n26\tWTSA-24 – 第101号决议\nimage1.png\n",
        );
        let texts: Vec<_> = n.paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["前言"]);
        let kinds: Vec<_> = n.artifacts.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ArtifactKind::Bookmark,
                ArtifactKind::PageFooter,
                ArtifactKind::PageFooter,
                ArtifactKind::Image
            ]
        );
    }

    #[test]
    fn inline_footnotes_are_lifted() {
        let n = norm(
            "1\t发展中国家[footnoteRef:1]1对这方面的参与； [1: 1\t这些国家包括最不发达国家。] ",
        );
        assert_eq!(n.paras.len(), 1);
        assert_eq!(
            n.paras[0].text,
            format!("1 发展中国家{NOTE_START}1{NOTE_END}对这方面的参与；")
        );
        assert!(n.paras[0].tab_after_first_token);
        assert_eq!(n.footnotes.len(), 1);
        assert_eq!(n.footnotes[0].mark, 1);
        assert_eq!(n.footnotes[0].text, "这些国家包括最不发达国家。");
    }

    #[test]
    fn several_bodies_on_one_line() {
        let n = norm(
            "a)\t发展中国家[footnoteRef:1]1和地区[footnoteRef:2]2； [1: 1\t甲见[ITU-T A.5]。] [2: 2\t乙。] ",
        );
        let bodies: Vec<_> = n
            .footnotes
            .iter()
            .map(|f| (f.mark.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(bodies, vec![("1", "甲见[ITU-T A.5]。"), ("2", "乙。")]);
        assert!(n.paras[0].text.ends_with("；"));
    }

    #[test]
    fn displayed_number_wins_over_reference_id() {
        assert_eq!(
            encode_references("国家[footnoteRef:2]1，", &BTreeMap::new()),
            format!("国家{NOTE_START}1{NOTE_END}，")
        );
    }

    /// The marks of the paragraph's references and its text without them.
    fn refs(text: &str) -> (String, Vec<String>) {
        let (clean, notes) = crate::parse::notes::take_notes(text);
        (clean, notes.iter().map(ToString::to_string).collect())
    }

    fn bodies(n: &Normalized) -> Vec<(&str, &str)> {
        n.footnotes
            .iter()
            .map(|f| (f.mark.as_str(), f.text.as_str()))
            .collect()
    }

    #[test]
    fn a_suffix_after_an_auto_number_is_part_of_the_mark_when_the_body_has_it() {
        // WTSA Resolution 1 (2016): a custom mark `1`, then footnote 1bis,
        // whose auto number (1, as custom marks do not count) is followed by
        // a `bis` run in the text and in the body.
        let n = norm(
            "(Hammamet, 2016)[footnoteRef:1]1, [footnoteRef:2]1bis [1: 1 \tPreviously published.] [2: 1bis This edition.]",
        );
        assert_eq!(
            refs(&n.paras[0].text),
            ("(Hammamet, 2016)".into(), vec!["1".into(), "1bis".into()])
        );
        assert_eq!(
            bodies(&n),
            [("1", "Previously published."), ("1bis", "This edition.")]
        );
        // Referenced again later: the same mark.
        let n = norm("a[footnoteRef:2]1bis; [2: 1bis\tNote.]\nb[footnoteRef:2]1bis.");
        assert_eq!(refs(&n.paras[1].text), ("b.".into(), vec!["1bis".into()]));
    }

    #[test]
    fn a_suffix_the_body_does_not_open_with_stays_text() {
        // The body is footnote 2: `bis` after it is a word of the text.
        let n = norm("x[footnoteRef:3]2bis [3: 2\tNote.]");
        assert_eq!(refs(&n.paras[0].text), ("xbis".into(), vec!["2".into()]));
        // A space between the number and the suffix: not one mark.
        let n = norm("x[footnoteRef:3]1 bis [3: 1bis\tNote.]");
        assert_eq!(refs(&n.paras[0].text), ("x bis".into(), vec!["1".into()]));
        // A word that is no ordinal suffix of the language is no mark.
        let n = norm("x[footnoteRef:3]1a [3: 1a\tNote.]");
        assert_eq!(refs(&n.paras[0].text), ("xa".into(), vec!["1".into()]));
        assert_eq!(bodies(&n), [("3", "1a\tNote.")]);
    }

    #[test]
    fn custom_marks_are_kept_as_printed() {
        let n = norm("各国[footnoteRef:4]*和地区[footnoteRef:5]†； [4: *\t甲。] [5: †\t乙。]");
        assert_eq!(
            refs(&n.paras[0].text),
            ("各国和地区；".into(), vec!["*".into(), "†".into()])
        );
        assert_eq!(bodies(&n), [("*", "甲。"), ("†", "乙。")]);
    }

    #[test]
    fn drafting_brackets_are_text() {
        let n = norm("考虑到[本届全会]第1号决议（[2022年，日内瓦]）");
        assert_eq!(
            n.paras[0].text,
            "考虑到[本届全会]第1号决议（[2022年，日内瓦]）"
        );
        assert!(n.footnotes.is_empty());
    }

    #[test]
    fn table_cells_with_numbers_are_kept() {
        let n = norm("\t修订版\n\t2\n\t标题");
        assert_eq!(n.paras.len(), 3);
        assert_eq!(n.paras[1].text, "2");
    }

    #[test]
    fn sentences_with_dashes_are_not_footers() {
        assert!(!is_page_field("ITU-T第2研究组 – 总体研究领域"));
        assert!(is_running_head("WTSA-24 – 第101号决议"));
    }
}
