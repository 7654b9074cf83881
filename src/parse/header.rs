//! The header block of a resolution: header line (`第2号决议（2024年，新德里，
//! 修订版）`), title, history line and assembly line; and edition brackets
//! wherever they occur.

use crate::lang::{Lang, punct};
use crate::model::{Edition, HistoryItem, ResolutionKind};
use crate::text::fold_digits;

/// What a header line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLine {
    /// `2`, `COM4/AI`, `A.25`.
    pub id: String,
    /// The number, when the id is one.
    pub number: Option<u32>,
    /// Resolution or Recommendation.
    pub kind: ResolutionKind,
    /// Edition in brackets, if any.
    pub edition: Option<Edition>,
}

/// Read a resolution header (`第N号决议（…）`) or, when `allow_recommendation`,
/// a Recommendation header (`ITU-T A.25建议书`). `text` has footnote
/// references already encoded or removed.
pub fn read_header(text: &str, lang: &Lang, allow_recommendation: bool) -> Option<HeaderLine> {
    let t = text.trim();
    if let Some(rest) = lang.strip_keyword(t, lang.resolution_header_prefix.trim_end())
        && let Some(k) = match lang.resolution_header_suffix {
            // No suffix: the id runs to the edition bracket or the end.
            "" => Some(
                rest.trim_start()
                    .find([' ', punct::OPEN_PARENS[0], punct::OPEN_PARENS[1]])
                    .map_or(rest.len(), |k| k + rest.len() - rest.trim_start().len()),
            ),
            suffix => rest.find(suffix),
        }
    {
        let id = fold_digits(rest[..k].trim());
        if !is_resolution_id(&id) {
            return None;
        }
        let tail = rest[k + lang.resolution_header_suffix.len()..].trim();
        let edition = match tail {
            "" => None,
            _ => {
                let (inner, after) = bracketed(tail)?;
                // Only a footnote reference may follow the bracket.
                if !after.trim().chars().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                Some(read_edition(inner, lang))
            }
        };
        return Some(HeaderLine {
            number: id.parse().ok(),
            id,
            kind: ResolutionKind::Resolution,
            edition,
        });
    }
    if allow_recommendation
        && let Some(body) = t.strip_suffix(lang.recommendation_header_suffix)
        && let Some(body) = lang.strip_keyword(body, lang.recommendation_header_prefix.trim_end())
    {
        let body = body.trim();
        let desig = body
            .strip_prefix("ITU-T")
            .or_else(|| body.strip_prefix("ITU-R"))
            .unwrap_or(body)
            .trim();
        let mut chars = desig.chars();
        let ok = chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.next() == Some('.')
            && desig.len() <= 16
            && desig[2..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && desig.len() > 2;
        if ok {
            return Some(HeaderLine {
                id: desig.to_string(),
                number: None,
                kind: ResolutionKind::Recommendation,
                edition: None,
            });
        }
    }
    None
}

/// Longest id part (in characters) a header-like paragraph may carry
/// between `第` and `号决议`; longer runs are sentences.
const LOOSE_ID_CHARS: usize = 16;

/// Whether `text` looks like a resolution header by a looser pattern than
/// [`read_header`]: `第`, a short id of any shape, a number sign and the
/// word "resolution" in any of the spellings the language table lists, then
/// nothing or a bracket with nothing but a footnote digit or punctuation
/// after it. A paragraph that passes this but fails [`read_header`]
/// (`第2號決議（…）`, `第10001号决议（…）`) is a header typed wrongly.
pub fn looks_like_header(text: &str, lang: &Lang) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix(lang.resolution_header_prefix) else {
        return false;
    };
    let Some((k, sign)) = rest
        .char_indices()
        .take(LOOSE_ID_CHARS + 1)
        .find(|(_, c)| lang.header_number_signs.contains(c))
    else {
        return false;
    };
    let id = rest[..k].trim();
    if id.is_empty() || id.contains(lang.sentence_final) {
        return false;
    }
    let after = rest[k + sign.len_utf8()..].trim_start();
    let Some(tail) = lang
        .header_resolution_words
        .iter()
        .find_map(|w| after.strip_prefix(w))
    else {
        return false;
    };
    let tail = tail.trim();
    if tail.is_empty() {
        return true;
    }
    if !tail.starts_with(punct::OPEN_PARENS) {
        return false;
    }
    match bracketed(tail) {
        // Only a footnote digit may follow the bracket; punctuation after
        // it makes a citation closing a sentence (`第208号决议（…）；`).
        Some((_, after)) => after.trim().chars().all(|c| c.is_ascii_digit()),
        // An unclosed bracket: a header whose bracket was never closed, not
        // a citation running on into a title (`（2018年，迪拜 – 加强…`).
        None => tail.chars().count() <= 24 && !tail.contains(lang.dashes),
    }
}

/// `2`, `COM4/AI`, `COM3/APT-NG`.
pub fn is_resolution_id(id: &str) -> bool {
    if !id.is_empty() && id.len() <= 4 && id.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let Some((com, tail)) = id.split_once('/') else {
        return false;
    };
    com.len() >= 2
        && com.chars().all(|c| c.is_ascii_alphanumeric())
        && com.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && !tail.is_empty()
        && tail
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// `（inner）rest` → (`inner`, `rest`), with nested brackets balanced.
pub fn bracketed(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let open = s.chars().next()?;
    let close = match punct::OPEN_PARENS.iter().position(|&c| c == open) {
        Some(k) => punct::CLOSE_PARENS[k],
        None => return None,
    };
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some((&s[open.len_utf8()..i], &s[i + close.len_utf8()..]));
            }
        }
    }
    None
}

/// Read `2024年，新德里，修订版` (also `[2022年，日内瓦]，修订版`).
pub fn read_edition(inner: &str, lang: &Lang) -> Edition {
    let clean: String = inner
        .chars()
        .filter(|c| !punct::SQUARE_BRACKETS.contains(c))
        .collect();
    let parts: Vec<&str> = clean
        .split([lang.year_place_separator, ',', lang.history_separator])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut year = None;
    let mut place = None;
    let mut revised = false;
    for p in parts {
        let (p, rev) = strip_revised(p, lang);
        revised |= rev;
        if p.is_empty() {
            continue;
        }
        if year.is_none() && p.starts_with(|c: char| c.is_ascii_digit()) {
            year = read_year(p, lang);
        } else if place.is_none() {
            place = Some(p.to_string());
        }
    }
    Edition {
        year,
        place,
        revised,
        raw: inner.to_string(),
    }
}

/// A part of an edition without its revised word (`修订版` alone, or `Rev.`
/// before the place), and whether it had one.
pub fn strip_revised<'p>(p: &'p str, lang: &Lang) -> (&'p str, bool) {
    let w = lang.revised_word;
    match p.get(..w.len()) {
        Some(head) if head.eq_ignore_ascii_case(w) => (p[w.len()..].trim(), true),
        _ => (p, false),
    }
}

/// `2024年` or `2024` → 2024; anything not four digits (`20204年`) → None.
fn read_year(p: &str, lang: &Lang) -> Option<u32> {
    let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
    let after = &p[digits.len()..];
    (digits.len() == 4 && (after.is_empty() || after == lang.year_suffix))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Split a history line (`（1993年，赫尔辛基；…；2024年，新德里）`) into items.
/// A `；` typed for `，` (`2024年；新德里`) would make a bogus item of a bare
/// place: such an item is merged back into the year before it.
pub fn read_history_items(text: &str, lang: &Lang) -> Vec<HistoryItem> {
    let inner = bracketed(text).map(|(i, _)| i).unwrap_or(text);
    let mut items: Vec<HistoryItem> = Vec::new();
    for raw in inner
        .split(lang.history_separator)
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        let starts_with_year = raw.starts_with(|c: char| c.is_ascii_digit());
        let bare_place = lang.places.contains(&raw) || !raw.contains(|c: char| c.is_ascii_digit());
        if !starts_with_year
            && bare_place
            && let Some(prev) = items.last_mut()
            && prev.place.is_none()
        {
            prev.raw = format!("{}{}{}", prev.raw, lang.history_separator, raw);
            prev.place = Some(raw.to_string());
            continue;
        }
        // Year and place in either order (`2024年，新德里`, `New Delhi, 2024`).
        let (year_part, place) = match raw.split_once([lang.year_place_separator, ',']) {
            Some((a, b))
                if !a.trim().starts_with(|c: char| c.is_ascii_digit())
                    && b.trim().starts_with(|c: char| c.is_ascii_digit()) =>
            {
                (b.trim(), Some(a.trim().to_string()))
            }
            Some((y, p)) => (y.trim(), Some(p.trim().to_string())),
            None => (raw, None),
        };
        items.push(HistoryItem {
            raw: raw.to_string(),
            year: read_year(year_part, lang),
            place: place.filter(|p| !p.is_empty()),
        });
    }
    items
}

/// Whether a paragraph is the assembly line (`世界电信标准化全会（…），`).
pub fn is_assembly_line(text: &str, lang: &Lang) -> bool {
    text.starts_with(lang.assembly_prefix)
        || lang
            .other_assembly_prefixes
            .iter()
            .any(|p| text.starts_with(p))
}

/// Whether a paragraph opens a history line: a bracket that starts with a
/// year.
pub fn is_history_start(text: &str) -> bool {
    text.strip_prefix(punct::OPEN_PARENS).is_some_and(|r| {
        // `（1993年，…`, or a place then the year: `(Helsinki, 1993; …`.
        let first = r
            .split(|c: char| punct::SEMICOLONS.contains(&c) || punct::CLOSE_PARENS.contains(&c))
            .next()
            .unwrap_or("");
        r.starts_with(|c: char| c.is_ascii_digit())
            || first.rsplit_once(',').is_some_and(|(place, year)| {
                let year = year.trim();
                !place.trim().is_empty()
                    && place.chars().count() <= 40
                    && year.len() == 4
                    && year.bytes().all(|b| b.is_ascii_digit())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    #[test]
    fn resolution_headers() {
        let h = read_header("第2号决议（2024年，新德里，修订版）", &ZH, false).expect("header");
        assert_eq!(h.id, "2");
        assert_eq!(h.number, Some(2));
        let e = h.edition.expect("edition");
        assert_eq!(
            (e.year, e.place.as_deref(), e.revised),
            (Some(2024), Some("新德里"), true)
        );
        let h = read_header("第COM3/APT-NG号决议（2024年，新德里）", &ZH, false).expect("header");
        assert_eq!(h.id, "COM3/APT-NG");
        assert_eq!(h.number, None);
        assert!(!h.edition.expect("edition").revised);
        let h = read_header("第101号决议（2024年，新德里）", &ZH, false).expect("header");
        assert_eq!(h.number, Some(101));
    }

    #[test]
    fn header_with_glued_footnote_digit() {
        let h = read_header("第18号决议（2024年，新德里，修订版）1", &ZH, false).expect("header");
        assert_eq!(h.id, "18");
    }

    #[test]
    fn sentences_are_not_headers() {
        assert!(read_header("第2号决议（2024年，新德里，修订版）规定的工作", &ZH, false).is_none());
        assert!(read_header("第2号决议", &ZH, false).is_some());
        assert!(read_header("第二号决议（2024年）", &ZH, false).is_none());
        assert!(read_header("ITU-T A.25建议书", &ZH, false).is_none());
    }

    #[test]
    fn near_miss_headers_look_like_headers() {
        for t in [
            "第2號決議（2024年，新德里，修订版）",
            "第2号決議（2024年，新德里，修订版）",
            "第10001号决议（2024年，新德里，修订版）",
            "第二号决议（2024年，新德里）",
            "第2号 决议（2024年，新德里）",
            "第2号决议（2024年，新德里，修订版",
            "第COM4-AI号决议（2024年，新德里）",
        ] {
            assert!(looks_like_header(t, &ZH), "{t}");
            assert!(read_header(t, &ZH, true).is_none(), "{t}");
        }
        assert!(looks_like_header(
            "第2号决议（2024年，新德里，修订版）",
            &ZH
        ));
        for t in [
            "第2号决议（2024年，新德里，修订版）规定的工作",
            "第2号决议规定的工作",
            "第三，请成员国按照第2号决议（2024年）",
            "第二次会议",
            "第208号决议（2022年，布加勒斯特，修订版）；",
            "第157号决议（2018年，迪拜，修订版 – 加强国际电联的项目执行",
        ] {
            assert!(!looks_like_header(t, &ZH), "{t}");
        }
    }

    #[test]
    fn recommendation_header() {
        let h = read_header("ITU-T A.25建议书", &ZH, true).expect("header");
        assert_eq!(h.id, "A.25");
        assert_eq!(h.kind, ResolutionKind::Recommendation);
        assert!(read_header("ITU-T第2研究组建议书", &ZH, true).is_none());
    }

    #[test]
    fn malformed_year_is_not_read() {
        let e = read_edition("20204年，新德里，修订版", &ZH);
        assert_eq!(e.year, None);
        assert_eq!(e.place.as_deref(), Some("新德里"));
        let e = read_edition("[2022年，日内瓦]，修订版", &ZH);
        assert_eq!(e.year, Some(2022));
        assert!(e.revised);
    }

    #[test]
    fn english_headers_and_editions() {
        use crate::lang::EN;
        for (t, id, year, place, revised) in [
            (
                "RESOLUTION 52 (Rev. New Delhi, 2024)",
                "52",
                2024,
                "New Delhi",
                true,
            ),
            (
                "Resolution 1 (Rev. Hammamet, 2016)",
                "1",
                2016,
                "Hammamet",
                true,
            ),
            ("RESOLUTION 2 (REV. DUBAI, 2018)", "2", 2018, "DUBAI", true),
            ("RESOLUTION 214 (Dubai, 2018)", "214", 2018, "Dubai", false),
        ] {
            let h = read_header(t, &EN, false).expect(t);
            assert_eq!(h.id, id);
            let e = h.edition.expect("edition");
            assert_eq!(
                (e.year, e.place.as_deref(), e.revised),
                (Some(year), Some(place), revised),
                "{t}"
            );
        }
        assert!(
            read_header(
                "Resolution 77 (Rev. Dubai, 2018) of this conference;",
                &EN,
                false
            )
            .is_none()
        );
        assert!(read_header("Resolution 1 – Rules of procedure", &EN, false).is_none());
        assert!(read_header("Resolutions 1 (Dubai, 2018)", &EN, false).is_none());
        let h = read_header("Recommendation ITU-T A.25", &EN, true).expect("recommendation");
        assert_eq!(h.id, "A.25");
        assert!(is_assembly_line(
            "The World Telecommunication Standardization Assembly (New Delhi, 2024),",
            &EN
        ));
        assert!(is_assembly_line(
            "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
            &EN
        ));
        assert!(is_history_start(
            "(Malaga-Torremolinos, 1984; Helsinki, 1993; Florianópolis, 2004)"
        ));
        assert!(!is_history_start("(see Resolution 2)"));
        let items = read_history_items(
            "(Malaga-Torremolinos, 1984; Florianópolis, 2004; New Delhi, 2024)",
            &EN,
        );
        assert_eq!(items.len(), 3);
        assert_eq!(
            (items[1].year, items[1].place.as_deref()),
            (Some(2004), Some("Florianópolis"))
        );
    }

    #[test]
    fn history_items_and_repairs() {
        let items = read_history_items("（1993年，赫尔辛基；2022，日内瓦；2024年，新德里）", &ZH);
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].year, Some(2022));
        assert_eq!(items[1].place.as_deref(), Some("日内瓦"));
        let items = read_history_items("（2016年，哈马马特；2022年，日内瓦；2024年；新德里）", &ZH);
        assert_eq!(items.len(), 3);
        assert_eq!(items[2].year, Some(2024));
        assert_eq!(items[2].place.as_deref(), Some("新德里"));
        assert_eq!(items[2].raw, "2024年；新德里");
        let items = read_history_items("（2008年，约翰内斯堡；2009年；2012年，迪拜）", &ZH);
        assert_eq!(items[1].place, None);
        assert_eq!(items[1].year, Some(2009));
    }
}
