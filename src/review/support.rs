//! Helpers the review rules share: the text units of a resolution, pinning a
//! match to its source line, quoting, reading edition brackets, comparison
//! keys and inline differences.

use super::SourceLines;
use crate::lang::{Lang, punct};
use crate::model::{InlineOp, InlineTag, MarkedText};
use std::ops::Range;

pub use crate::model::YearPlace;

impl YearPlace {
    /// As the language of the texts writes it (`2024年，新德里`, `New Delhi,
    /// 2024`).
    pub fn show(&self, lang: &Lang) -> String {
        lang.edition_text(self.year, &self.place, false)
    }
}

// The review rules read a resolution as its text units (the model's walk).
pub(crate) use crate::model::{TextUnit as Unit, TextUnitKind as UnitKind};

/// Characters of context kept on each side of a marked part.
const CONTEXT_CHARS: usize = 40;

/// Quote `range` of `text` with some context on each side.
pub(crate) fn mark(text: &str, range: Range<usize>) -> MarkedText {
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    let before = &text[..start];
    let after = &text[end..];
    let skip = before.chars().count().saturating_sub(CONTEXT_CHARS);
    let mut b: String = before.chars().skip(skip).collect();
    if skip > 0 {
        b.insert(0, '…');
    }
    let mut a: String = after.chars().take(CONTEXT_CHARS).collect();
    if after.chars().nth(CONTEXT_CHARS).is_some() {
        a.push('…');
    }
    MarkedText {
        before: b,
        marked: text[start..end].to_string(),
        after: a,
    }
}

/// The source line where `range` of `unit` starts: the needle (whitespace
/// removed) is searched among the raw lines of the unit's span, taking the
/// same occurrence as in the unit's text. `None` when the raw lines differ
/// too much (a footnote digit inside the needle, say).
pub(crate) fn locate(
    sources: &SourceLines,
    file: &str,
    unit: &Unit,
    range: Range<usize>,
) -> Option<u32> {
    let lines = sources.lines(file, unit.span.first_line, unit.span.last_line)?;
    let squeeze = |s: &str| -> Vec<char> { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let needle = squeeze(unit.text.get(range.clone())?);
    if needle.is_empty() {
        return None;
    }
    let before = squeeze(unit.text.get(..range.start)?);
    let nth = count_occurrences(&before, &needle);
    let mut stream = Vec::new();
    let mut line_of = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        for c in l.chars().filter(|c| !c.is_whitespace()) {
            stream.push(c);
            line_of.push(unit.span.first_line + i as u32);
        }
    }
    let mut seen = 0;
    for start in 0..stream.len() {
        if stream[start..].starts_with(&needle) {
            if seen == nth {
                return line_of.get(start).copied();
            }
            seen += 1;
        }
    }
    None
}

fn count_occurrences(hay: &[char], needle: &[char]) -> usize {
    (0..hay.len())
        .filter(|&i| hay[i..].starts_with(needle))
        .count()
}

/// An edition bracket as read: `2024年，新德里，修订版`, `[2022年，日内瓦]，修订版`,
/// `C17，最后修改C24`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EditionText {
    /// Digits of the year as written (ASCII), empty when the bracket does not
    /// start with digits.
    pub year_digits: String,
    /// Whether `年` follows the digits.
    pub year_suffix: bool,
    /// Place, when a second part follows the year.
    pub place: Option<String>,
    /// Whether marked `修订版`.
    pub revised: bool,
    /// Whether year and place sit in editorial brackets.
    pub bracketed: bool,
}

impl EditionText {
    /// Year and place when both are well formed.
    pub fn year_place(&self) -> Option<YearPlace> {
        if self.year_digits.len() != 4 || !self.year_suffix {
            return None;
        }
        Some(YearPlace {
            year: self.year_digits.parse().ok()?,
            place: self.place.clone()?,
        })
    }

    /// Whether digits were written as a year but not as a well-formed one.
    pub fn malformed_year(&self) -> bool {
        let plausible = self
            .year_digits
            .parse::<u32>()
            .is_ok_and(|y| (1865..=2099).contains(&y));
        !self.year_digits.is_empty()
            && self.place.is_some()
            && (self.year_digits.len() != 4 || !self.year_suffix || !plausible)
    }
}

/// Read the inside of an edition bracket.
pub(crate) fn read_edition(inner: &str, lang: &Lang) -> EditionText {
    let bracketed = inner.chars().any(|c| punct::SQUARE_BRACKETS.contains(&c));
    // Words of a spaced language keep their spaces (`New Delhi`); CJK text
    // loses all whitespace.
    let cleaned: String = crate::text::fold_digits(inner)
        .chars()
        .filter(|c| !punct::SQUARE_BRACKETS.contains(c) && (lang.spaced || !c.is_whitespace()))
        .collect();
    let mut parts: Vec<&str> = cleaned
        .split([lang.year_place_separator, ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut revised = false;
    // `Rev. New Delhi, 2024`: the place comes first and carries the
    // revised word; the year is the part that starts with a digit.
    if let Some(first) = parts.first_mut() {
        let (rest, rev) = crate::parse::header::strip_revised(first, lang);
        if rev && !rest.is_empty() {
            *first = rest;
            revised = true;
        }
    }
    let year_at = parts
        .iter()
        .position(|p| p.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|&k| k == 0 || !lang.spaced || k == parts.len() - 1 || k == 1);
    let first = year_at.map_or(parts.first().copied().unwrap_or(""), |k| parts[k]);
    let year_digits: String = first.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &first[year_digits.len()..];
    let year_suffix = rest.starts_with(lang.year_suffix);
    let place = if year_digits.is_empty() {
        revised |= cleaned.contains(lang.revised_word);
        None
    } else {
        let mut place = None;
        for (k, p) in parts.iter().enumerate() {
            if Some(k) == year_at {
                continue;
            }
            if *p == lang.revised_word {
                revised = true;
            } else if place.is_none() {
                place = Some(title_case(p, lang));
            }
        }
        place
    };
    EditionText {
        year_digits,
        year_suffix,
        place,
        revised,
        bracketed,
    }
}

/// `DUBAI` → `Dubai` in a spaced language, where headers are set in
/// capitals and running text is not; anything else as written.
fn title_case(p: &str, lang: &Lang) -> String {
    if !lang.spaced || p.chars().any(char::is_lowercase) {
        return p.to_string();
    }
    let mut out = String::with_capacity(p.len());
    let mut start = true;
    for c in p.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Comparison key of an identifier: width folded, upper case, no spaces.
pub(crate) fn id_key(id: &str) -> String {
    id.chars()
        .map(crate::text::fold_width)
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Comparison key of a text: width folded, whitespace removed, editorial
/// variant spellings folded (`其它` → `其他`). Never shown.
pub(crate) fn text_key(s: &str, lang: &Lang) -> String {
    let mut k = crate::align::keys::base_key(s);
    for (variant, canonical) in lang.variant_pairs {
        if k.contains(variant) {
            k = k.replace(variant, canonical);
        }
    }
    k
}

/// Inline difference from `old` to `new`, as the edition diff shows it
/// (a replaced phrase is one deletion and one insertion).
pub fn inline_diff(old: &str, new: &str) -> Vec<InlineOp> {
    crate::diff::inline::inline_diff(old, new)
}

/// Similarity of two texts in `0.0..=1.0` (shared characters), within the
/// diff [`budget`](crate::diff::budget).
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    crate::diff::budget::ratio(&a, &b)
}

/// The part of one side of a difference that the changes touch, for
/// quoting: byte range, on the `old` side (`new_side` false) or the `new`
/// side, from the first to the last changed character.
pub(crate) fn changed_range_on(diff: &[InlineOp], new_side: bool) -> Range<usize> {
    let (mine, theirs) = if new_side {
        (InlineTag::Insert, InlineTag::Delete)
    } else {
        (InlineTag::Delete, InlineTag::Insert)
    };
    let mut pos = 0;
    let mut first = None;
    let mut last = 0;
    for seg in diff {
        if seg.op == InlineTag::Equal {
            pos += seg.text.len();
        } else if seg.op == mine {
            first.get_or_insert(pos);
            pos += seg.text.len();
            last = pos;
        } else if seg.op == theirs {
            first.get_or_insert(pos);
            last = last.max(pos);
        }
    }
    let first = first.unwrap_or(0);
    first..last.max(first)
}

/// [`changed_range_on`] the `old` side.
pub(crate) fn changed_range(diff: &[InlineOp]) -> Range<usize> {
    changed_range_on(diff, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;
    use crate::model::Span;

    #[test]
    fn reads_edition_brackets() {
        let e = read_edition("2024年，新德里，修订版", &ZH);
        assert_eq!(
            e.year_place(),
            Some(YearPlace {
                year: 2024,
                place: "新德里".into()
            })
        );
        assert!(e.revised && !e.bracketed && !e.malformed_year());
        let e = read_edition("[2022年，日内瓦]，修订版", &ZH);
        assert!(e.bracketed && e.revised);
        assert_eq!(e.year_place().map(|y| y.year), Some(2022));
        let e = read_edition("20204年，新德里，修订版", &ZH);
        assert!(e.malformed_year());
        assert_eq!(e.year_place(), None);
        let e = read_edition("2022，日内瓦", &ZH);
        assert!(e.malformed_year());
        let e = read_edition("C17，最后修改C24", &ZH);
        assert!(!e.malformed_year());
        assert_eq!(e.year_place(), None);
    }

    #[test]
    fn marks_with_context() {
        let m = mark("甲乙丙丁", 3..6);
        assert_eq!(
            (m.before.as_str(), m.marked.as_str(), m.after.as_str()),
            ("甲", "乙", "丙丁")
        );
    }

    #[test]
    fn locates_inside_a_wrapped_paragraph() {
        let mut s = SourceLines::default();
        s.insert("f", "x\n甲乙[本届\n\n全会]丙[本届全会]\n");
        let text = "甲乙[本届全会]丙[本届全会]";
        let unit = Unit {
            kind: UnitKind::Clause,
            text,
            span: Span::new(2, 4),
        };
        let second = text.rfind('[').unwrap_or(0);
        assert_eq!(locate(&s, "f", &unit, 6..20), Some(2));
        assert_eq!(locate(&s, "f", &unit, second..text.len()), Some(4));
    }

    #[test]
    fn diff_and_changed_range() {
        let d = inline_diff("改善获得电子卫生服务", "改善获得电子健康服务");
        assert!(
            d.iter()
                .any(|s| s.op == InlineTag::Delete && s.text == "卫生")
        );
        let r = changed_range(&d);
        assert_eq!(&"改善获得电子卫生服务"[r], "卫生");
        let r = changed_range_on(&d, true);
        assert_eq!(&"改善获得电子健康服务"[r], "健康");
        assert_eq!(text_key("其它 ２", &ZH), "其他2");
    }
}
