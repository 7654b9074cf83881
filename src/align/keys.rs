//! Comparison keys: the folded forms of texts that alignment compares, never
//! shown to the reader. The base key ignores layout; the editorial key also
//! ignores the changes that [`crate::diff::editorial`] calls editorial.

use crate::lang::Lang;
use crate::text::fold_width;

/// Base key: full-width forms folded to half-width, all whitespace removed.
/// Two texts with equal base keys read the same.
pub fn base_key(text: &str) -> String {
    // Folding never lengthens the text: one allocation per key, and runs of
    // characters kept as they are (most of a text) copied whole.
    let mut key = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // Stepped over without decoding: ASCII other than whitespace, and
        // the ideographs U+4000–U+9FFF (led by E4–E9), neither folded nor
        // spaces — nearly every character of a text.
        match b {
            0xe4..=0xe9 => {
                i += 3;
                continue;
            }
            b'\t'..=b'\r' | b' ' => {}
            0..0x80 => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        let folded = fold_width(c);
        if folded != c || is_space(c) {
            key.push_str(&text[run..i]);
            if !is_space(folded) {
                key.push(folded);
            }
            run = next;
        }
        i = next;
    }
    key.push_str(&text[run..]);
    key
}

/// [`char::is_whitespace`], without asking the Unicode tables about the
/// characters past U+3000, the last space there is (every ideograph).
fn is_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// Placeholder an edition citation is replaced by in editorial keys.
const EDITION_MARK: &str = "⟨edition⟩";

/// Replace each edition citation inside the base key `s` (the language's
/// [`KeyCitationForm`](crate::lang::forms::KeyCitationForm)):
/// `2022年,日内瓦,修订版)`, `[2022年,日内瓦],修订版)`, `(Rev.Dubai,2018)`, by
/// [`EDITION_MARK`]. The place is any short run without separators, so
/// that misspelt places and the `20204` typo still count.
fn mark_citations(s: &str, lang: &Lang) -> Option<String> {
    let mut out = String::new();
    let mut kept = 0;
    for r in lang.forms.key_citation.find_iter(s) {
        out.push_str(&s[kept..r.start]);
        out.push_str(EDITION_MARK);
        kept = r.end;
    }
    (kept > 0).then(|| {
        out.push_str(&s[kept..]);
        out
    })
}

/// Editorial key: the base key with variant spellings folded to one form
/// (`其他` → `其它`) and edition citations of other resolutions replaced by a
/// placeholder. Two texts with equal editorial keys differ only editorially.
pub fn editorial_key(text: &str, lang: &Lang) -> String {
    editorial_key_of_base(&base_key(text), lang)
}

/// [`editorial_key`] of an already computed base key.
pub fn editorial_key_of_base(base: &str, lang: &Lang) -> String {
    let mut s = base.to_string();
    for (canonical, variant) in lang.variant_pairs {
        if s.contains(variant) {
            s = s.replace(variant, canonical);
        }
    }
    // Cheap gate: an edition has the year suffix, or a bracket.
    let gate = match lang.year_suffix {
        "" => s.contains('('),
        y => s.contains(y),
    };
    if gate && let Some(marked) = mark_citations(&s, lang) {
        s = marked;
    }
    s
}

/// Normalised addressee of a section heading, for section keys: base key
/// without trailing punctuation (`责成…密切协作，` = `责成…密切协作`).
pub fn addressee_key(addressee: Option<&str>) -> String {
    let mut k = base_key(addressee.unwrap_or(""));
    while k.ends_with([',', ':', ';', '.']) {
        k.pop();
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ZH;

    proptest::proptest! {
        #[test]
        fn base_key_is_folded_text_without_spaces(s in "[a-z ，（）　、。“”\u{2028}\u{3000}-\u{3002}电信\t\n]{0,40}") {
            let naive: String = s
                .chars()
                .map(fold_width)
                .filter(|c| !c.is_whitespace())
                .collect();
            proptest::prop_assert_eq!(base_key(&s), naive);
        }

        #[test]
        fn base_key_of_any_text_is_folded_text_without_spaces(s in "(\\PC|\\s|[\u{4000}-\u{a000}]){0,40}") {
            let naive: String = s
                .chars()
                .map(fold_width)
                .filter(|c| !c.is_whitespace())
                .collect();
            proptest::prop_assert_eq!(base_key(&s), naive);
        }
    }

    #[test]
    fn base_key_folds_width_and_space() {
        assert_eq!(base_key("ITU-T　E.164，（见）"), "ITU-TE.164,(见)");
        assert_eq!(base_key(" a b\tc "), "abc");
    }

    #[test]
    fn editorial_key_folds_variants() {
        assert_eq!(
            editorial_key("其他国家", &ZH),
            editorial_key("其它国家", &ZH)
        );
        assert_ne!(
            editorial_key("其他国家", &ZH),
            editorial_key("其余国家", &ZH)
        );
    }

    #[test]
    fn editorial_key_masks_edition_citations() {
        let a = editorial_key("第20号决议（2022年，日内瓦，修订版）的规定", &ZH);
        let b = editorial_key("第20号决议（2024年，新德里，修订版）的规定", &ZH);
        assert_eq!(a, b);
        let c = editorial_key("第20号决议（[2022年，日内瓦]，修订版）的规定", &ZH);
        assert_eq!(a, c);
        let d = editorial_key("第99号决议（2022年，日内瓦）", &ZH);
        let e = editorial_key("第99号决议（2024年，新德里）", &ZH);
        assert_eq!(d, e);
        // The resolution number is not part of the citation.
        let f = editorial_key("第21号决议（2024年，新德里，修订版）的规定", &ZH);
        assert_ne!(a, f);
    }

    #[test]
    fn running_text_years_are_not_citations() {
        assert_ne!(
            editorial_key("在2022年，日内瓦举行的会议", &ZH),
            editorial_key("在2024年，日内瓦举行的会议", &ZH)
        );
    }

    #[test]
    fn addressee_key_drops_trailing_comma() {
        assert_eq!(
            addressee_key(Some("电信标准化局主任与电信发展局主任密切协作，")),
            addressee_key(Some("电信标准化局主任与电信发展局主任密切协作"))
        );
        assert_eq!(addressee_key(None), "");
    }
}
