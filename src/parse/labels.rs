//! Clause labels: reading `a)`, `i)`, `1`, `1)`, `•`, `–`, `一`, `B.1`,
//! `6.1.2`, `注1 –` off the start of a paragraph. A label can be read more
//! than one way (`i)` is the letter i or the Roman one); the list logic in
//! `body` picks the reading that continues a sequence.

use crate::lang::{Lang, punct, roman_value};
use crate::model::{ClauseLabel, LabelFamily};

/// A paragraph's possible labels and the text after the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRead {
    /// Readings, most likely first. All share `raw`.
    pub readings: Vec<ClauseLabel>,
    /// Text after the label and its separator.
    pub rest: String,
}

/// Read the label at the start of `text`, if any.
pub fn read_label(text: &str, lang: &Lang) -> Option<LabelRead> {
    // A stray bullet glued to another label (`•ii)`) keeps the inner label.
    if let Some(inner) = text.strip_prefix(lang.bullets)
        && let Some(mut r) = read_label(inner, lang)
        && r.readings.iter().all(|l| l.family != LabelFamily::Bullet)
    {
        let bullet = &text[..text.len() - inner.len()];
        for l in &mut r.readings {
            l.raw = format!("{bullet}{}", l.raw);
        }
        return Some(r);
    }
    let spaced = split_token(text, lang).map(|(tok, rest)| (rest, readings_as_typed(tok, lang)));
    let (rest, readings) = match spaced {
        Some(found) if !found.1.is_empty() => found,
        _ => {
            let (tok, rest) = split_glued(text)?;
            (rest, readings_as_typed(tok, lang))
        }
    };
    if readings.is_empty() {
        return None;
    }
    Some(LabelRead {
        readings,
        rest: rest.to_string(),
    })
}

/// Readings of `tok` as typed, full-width or bracketed (`ａ）`, `（a）`,
/// `１`, `1．`): read as its ASCII form, keeping `tok` as the raw label.
fn readings_as_typed(tok: &str, lang: &Lang) -> Vec<ClauseLabel> {
    let ascii = ascii_form(tok);
    let mut readings = readings_of(&ascii, lang);
    if ascii != tok {
        for l in &mut readings {
            l.raw = tok.to_string();
        }
    }
    readings
}

/// Longest label (in characters) glued to its text without a space.
const GLUED_LABEL_CHARS: usize = 6;

/// A label glued to its text (`a）文本`, `（1）文本`, `1．文本`): up to a
/// closing bracket or a full stop within the first few characters.
fn split_glued(text: &str) -> Option<(&str, &str)> {
    let (end, c) = text
        .char_indices()
        .take(GLUED_LABEL_CHARS)
        .skip(1)
        .find(|(_, c)| matches!(fold_ascii(*c), ')' | '.'))?;
    let tok = &text[..end + c.len_utf8()];
    let rest = text[tok.len()..].trim_start();
    // `E.164`, `1.5`: a full stop inside a token is not a label's.
    if fold_ascii(c) == '.' && rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    (!rest.is_empty()).then_some((tok, rest))
}

/// A full-width ASCII form (`ａ`, `１`, `（`, `．`) as ASCII.
fn fold_ascii(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The ASCII form of a label typed another way: full-width characters
/// folded, `(a)` read as `a)`, `1.` as `1`. Labels that differ only in this
/// form are the same label (a change between them is editorial).
pub fn ascii_form(raw: &str) -> String {
    let folded: String = raw.chars().map(fold_ascii).collect();
    let short =
        |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_alphanumeric());
    if let Some(inner) = folded.strip_prefix('(').and_then(|s| s.strip_suffix(')'))
        && short(inner)
    {
        return format!("{inner})");
    }
    if let Some(n) = folded.strip_suffix('.')
        && short(n)
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return n.to_string();
    }
    folded
}

/// Split off the first token: up to the first space, or a bullet/dash glued
/// to its text. Returns `None` when nothing follows.
fn split_token<'t>(text: &'t str, lang: &Lang) -> Option<(&'t str, &'t str)> {
    let first = text.chars().next()?;
    if lang.bullets.contains(&first) || lang.dashes.contains(&first) {
        let rest = text[first.len_utf8()..].trim_start();
        return (!rest.is_empty()).then_some((&text[..first.len_utf8()], rest));
    }
    let (tok, rest) = text.split_once(' ')?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((tok, rest))
}

fn label(raw: &str, family: LabelFamily, ordinal: u32) -> ClauseLabel {
    ClauseLabel {
        raw: raw.to_string(),
        family,
        ordinal,
    }
}

/// Most digits of a numeric label. Lists past 999 items exist (generated
/// and hostile texts); a number only counts as a label when it continues a
/// sequence, so a year at the start of a paragraph is not taken for one.
const MAX_NUMBER_DIGITS: usize = 5;

/// Whether a label is an inserted item (`b)bis`, `1bis`), which takes the
/// ordinal of the item it follows.
pub fn is_inserted(raw: &str) -> bool {
    raw.len() > punct::BIS.len() && raw.ends_with(punct::BIS)
}

fn readings_of(tok: &str, lang: &Lang) -> Vec<ClauseLabel> {
    // `b)bis`, `1bis`: read as `b)`, `1`, keeping the raw label.
    if is_inserted(tok) && !tok.contains('.') {
        let base = &tok[..tok.len() - punct::BIS.len()];
        return readings_of(base, lang)
            .into_iter()
            .filter(|l| {
                matches!(
                    l.family,
                    LabelFamily::Letter
                        | LabelFamily::Number
                        | LabelFamily::NumberParen
                        | LabelFamily::Roman
                )
            })
            .map(|mut l| {
                l.raw = tok.to_string();
                l
            })
            .collect();
    }
    let mut out = Vec::new();
    let mut chars = tok.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if lang.bullets.contains(&c) {
            return vec![label(tok, LabelFamily::Bullet, 0)];
        }
        if lang.dashes.contains(&c) {
            return vec![label(tok, LabelFamily::Dash, 0)];
        }
    }
    if let Some(inner) = tok.strip_suffix(')') {
        let mut chars = inner.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_ascii_lowercase()
        {
            out.push(label(tok, LabelFamily::Letter, c as u32 - 'a' as u32 + 1));
        }
        if inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            && let Some(v) = roman_value(inner)
        {
            out.push(label(tok, LabelFamily::Roman, v));
        }
        if !inner.is_empty()
            && inner.len() <= MAX_NUMBER_DIGITS
            && inner.bytes().all(|b| b.is_ascii_digit())
        {
            out.push(label(
                tok,
                LabelFamily::NumberParen,
                inner.parse().unwrap_or(0),
            ));
        }
        return out;
    }
    if !tok.is_empty() && tok.len() <= MAX_NUMBER_DIGITS && tok.bytes().all(|b| b.is_ascii_digit())
    {
        if let Ok(n) = tok.parse::<u32>()
            && n > 0
        {
            out.push(label(tok, LabelFamily::Number, n));
        }
        return out;
    }
    if let Some(i) = lang.cjk_numerals.iter().position(|n| *n == tok) {
        out.push(label(tok, LabelFamily::CjkNumeral, i as u32 + 1));
        return out;
    }
    if let Some(n) = decimal_last(tok) {
        out.push(label(tok, LabelFamily::Decimal, n));
        return out;
    }
    if let Some(num) = tok.strip_prefix(lang.note_word)
        && (num.is_empty() || num.bytes().all(|b| b.is_ascii_digit()))
    {
        out.push(label(tok, LabelFamily::Note, num.parse().unwrap_or(0)));
    }
    out
}

/// `B.1`, `II.11`, `6.1.2.4` → the last component. The head is either a
/// number or one to four capital letters (annex letter or Roman numeral).
fn decimal_last(tok: &str) -> Option<u32> {
    let mut parts = tok.split('.');
    let head = parts.next()?;
    let head = head.strip_suffix(punct::BIS).unwrap_or(head);
    let head_ok = (!head.is_empty() && head.len() <= 3 && head.bytes().all(|b| b.is_ascii_digit()))
        || (!head.is_empty() && head.len() <= 4 && head.bytes().all(|b| b.is_ascii_uppercase()));
    let tail: Vec<&str> = parts.collect();
    if !head_ok || tail.is_empty() {
        return None;
    }
    if tail
        .iter()
        .any(|p| p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    tail.last()?.parse().ok()
}

/// The path of a decimal label (`6.1.2` → `[6, 1, 2]`), numbers only.
pub fn decimal_path(raw: &str) -> Option<Vec<u32>> {
    raw.split('.')
        .map(|p| p.strip_suffix(punct::BIS).unwrap_or(p).parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    fn fams(text: &str) -> Vec<(LabelFamily, u32)> {
        read_label(text, &ZH)
            .map(|r| r.readings.iter().map(|l| (l.family, l.ordinal)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn letter_roman_ambiguity_gives_both_readings() {
        assert_eq!(
            fams("i) 文本"),
            vec![(LabelFamily::Letter, 9), (LabelFamily::Roman, 1)]
        );
        assert_eq!(
            fams("v) 文本"),
            vec![(LabelFamily::Letter, 22), (LabelFamily::Roman, 5)]
        );
        assert_eq!(fams("iv) 文本"), vec![(LabelFamily::Roman, 4)]);
        assert_eq!(fams("c) 文本"), vec![(LabelFamily::Letter, 3)]);
    }

    #[test]
    fn numbers_bullets_dashes() {
        assert_eq!(fams("12 文本"), vec![(LabelFamily::Number, 12)]);
        assert_eq!(fams("3) 文本"), vec![(LabelFamily::NumberParen, 3)]);
        assert_eq!(fams("1000 文本"), vec![(LabelFamily::Number, 1000)]);
        assert_eq!(fams("4999 文本"), vec![(LabelFamily::Number, 4999)]);
        assert_eq!(fams("1200) 文本"), vec![(LabelFamily::NumberParen, 1200)]);
        assert_eq!(fams("• 文本"), vec![(LabelFamily::Bullet, 0)]);
        assert_eq!(fams("– 文本"), vec![(LabelFamily::Dash, 0)]);
        assert_eq!(fams("− 文本"), vec![(LabelFamily::Dash, 0)]);
        assert_eq!(fams("一 项目1：提高"), vec![(LabelFamily::CjkNumeral, 1)]);
    }

    #[test]
    fn decimals_and_notes() {
        assert_eq!(fams("B.1 本附件"), vec![(LabelFamily::Decimal, 1)]);
        assert_eq!(fams("II.11 文本"), vec![(LabelFamily::Decimal, 11)]);
        assert_eq!(fams("6.1.2.4 文本"), vec![(LabelFamily::Decimal, 4)]);
        assert_eq!(fams("注1 – 文本"), vec![(LabelFamily::Note, 1)]);
        assert_eq!(fams("注 – 文本"), vec![(LabelFamily::Note, 0)]);
        assert_eq!(decimal_path("6.1.2"), Some(vec![6, 1, 2]));
    }

    #[test]
    fn not_labels() {
        assert!(fams("2024年10月").is_empty());
        assert!(fams("ITU-T第2研究组 文本").is_empty());
        assert!(fams("E.164 文本").is_empty() || fams("E.164 文本")[0].0 == LabelFamily::Decimal);
        assert!(fams("1").is_empty());
        assert!(fams("0 文本").is_empty());
    }

    #[test]
    fn inserted_items_keep_their_base_ordinal() {
        assert_eq!(fams("b)bis that the"), vec![(LabelFamily::Letter, 2)]);
        assert_eq!(fams("1bis that the"), vec![(LabelFamily::Number, 1)]);
        assert_eq!(fams("1bis.1 General"), vec![(LabelFamily::Decimal, 1)]);
        assert_eq!(decimal_path("1bis.1.2"), Some(vec![1, 1, 2]));
        assert!(fams("bis that").is_empty());
    }

    #[test]
    fn full_width_and_bracketed_forms_read_as_ascii() {
        for (typed, family, ordinal) in [
            ("ａ） 文本", LabelFamily::Letter, 1),
            ("b） 文本", LabelFamily::Letter, 2),
            ("（c） 文本", LabelFamily::Letter, 3),
            ("(d) 文本", LabelFamily::Letter, 4),
            ("１ 文本", LabelFamily::Number, 1),
            ("（２） 文本", LabelFamily::NumberParen, 2),
            ("3． 文本", LabelFamily::Number, 3),
            ("4. 文本", LabelFamily::Number, 4),
            ("ⅰ 文本", LabelFamily::Letter, 0),
        ] {
            let got = fams(typed);
            if ordinal == 0 {
                assert!(got.is_empty(), "{typed}: {got:?}");
            } else {
                assert!(got.contains(&(family, ordinal)), "{typed}: {got:?}");
            }
        }
        let r = read_label("（ⅱ）文本", &ZH);
        assert!(r.is_none());
        let r = read_label("ａ）文本", &ZH).expect("glued label");
        assert_eq!(r.readings[0].raw, "ａ）");
        assert_eq!(r.rest, "文本");
        let r = read_label("（1）文本", &ZH).expect("glued label");
        assert_eq!(r.readings[0].family, LabelFamily::NumberParen);
        assert_eq!(r.rest, "文本");
        assert_eq!(ascii_form("（ａ）"), "a)");
        assert_eq!(ascii_form("１．"), "1");
        assert_eq!(ascii_form("a)"), "a)");
        // A designation is not a glued label.
        assert!(read_label("E.164建议书", &ZH).is_none());
        assert!(read_label("1.5倍", &ZH).is_none());
    }

    #[test]
    fn stray_bullet_before_roman() {
        let r = read_label("•ii) 澄清", &ZH).expect("label");
        assert_eq!(r.readings[0].family, LabelFamily::Roman);
        assert_eq!(r.readings[0].raw, "•ii)");
        assert_eq!(r.rest, "澄清");
    }
}
