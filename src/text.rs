//! Character classes and small text helpers shared by every stage.

/// Whether `c` is a CJK ideograph, CJK punctuation or a full-width form: the
/// characters that join to their neighbours without a space.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF   // radicals
        | 0x3000..=0x303F // CJK symbols and punctuation
        | 0x3040..=0x30FF // kana
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFE30..=0xFE4F // compatibility forms
        | 0xFF00..=0xFFEF // half-width and full-width forms
        | 0x20000..=0x2FA1F)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Whether `c` is an ASCII letter or digit (a Latin token character).
pub fn is_latin_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Display width of `s` in terminal columns: 2 for wide characters, 1 otherwise.
pub fn display_width(s: &str) -> usize {
    // Decoded by hand from the UTF-8 bytes, as only the code point's range
    // matters: page widths measure every line of a file.
    let b = s.as_bytes();
    let (mut width, mut i) = (0, 0);
    while let Some(&x) = b.get(i) {
        let (len, wide) = match x {
            0..=0xdf => (if x < 0x80 { 1 } else { 2 }, false),
            // Ideographs U+5000–U+9FFF, the bulk of a Chinese text.
            0xe5..=0xe9 => (3, true),
            0xe0..=0xef => {
                let c = u32::from(x & 0x0f) << 12
                    | u32::from(b.get(i + 1).map_or(0, |y| y & 0x3f)) << 6
                    | u32::from(b.get(i + 2).map_or(0, |y| y & 0x3f));
                (3, is_wide_code(c))
            }
            _ => {
                let c = u32::from(x & 0x07) << 18
                    | u32::from(b.get(i + 1).map_or(0, |y| y & 0x3f)) << 12
                    | u32::from(b.get(i + 2).map_or(0, |y| y & 0x3f)) << 6
                    | u32::from(b.get(i + 3).map_or(0, |y| y & 0x3f));
                (4, is_wide_code(c))
            }
        };
        width += if wide { 2 } else { 1 };
        i += len;
    }
    width
}

/// [`str::trim`], answered without a search when the text starts with a
/// byte that cannot open a space (ASCII other than whitespace, or a lead
/// byte of none of the Unicode spaces: every ideograph) and ends with a
/// character that is not one — nearly every line. Called for every line of
/// a file, several times.
pub fn trim(s: &str) -> &str {
    let plain_start = s
        .as_bytes()
        .first()
        .is_some_and(|&b| !matches!(b, b'\t'..=b'\r' | b' ' | 0xc2 | 0xe1..=0xe3));
    if plain_start && s.chars().next_back().is_some_and(|c| !c.is_whitespace()) {
        s
    } else {
        s.trim()
    }
}

/// Display width of one character: [`display_width`] of it alone, without
/// encoding it first (measuring a line piece by piece).
pub fn char_width(c: char) -> usize {
    if is_wide_code(c as u32) { 2 } else { 1 }
}

fn is_wide_code(c: u32) -> bool {
    matches!(c,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Lowest and highest code point folded by [`crate::lang::punct::KEY_FOLDS`].
const KEY_FOLD_SPAN: (u32, u32) = {
    let folds = crate::lang::punct::KEY_FOLDS;
    let (mut lo, mut hi, mut i) = (u32::MAX, 0, 0);
    while i < folds.len() {
        let c = folds[i].0 as u32;
        if c < lo {
            lo = c;
        }
        if c > hi {
            hi = c;
        }
        i += 1;
    }
    (lo, hi)
};

/// Fold full-width ASCII forms (`（`, `，`, `２`, `Ａ`) to their half-width
/// counterparts and the ideographic space to a plain space. Used for
/// comparison keys, never for display.
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        // Outside the span of the fold table (ASCII, ideographs): kept,
        // without searching the table for every character of a key.
        n if n < KEY_FOLD_SPAN.0 || n > KEY_FOLD_SPAN.1 => c,
        _ => crate::lang::punct::KEY_FOLDS
            .iter()
            .find(|(from, _)| *from == c)
            .map_or(c, |(_, to)| *to),
    }
}

/// Fold full-width digits (`２`) to ASCII, keeping everything else. Used
/// before reading numbers out of text.
pub fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            c if crate::lang::punct::is_fullwidth_digit(c) => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Truncate `s` to at most `n` characters, adding `…` when cut.
pub fn preview(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(display_width("ITU-T"), 5);
        assert_eq!(display_width("第2号"), 5);
        assert_eq!(display_width("（）"), 4);
    }

    proptest::proptest! {
        #[test]
        fn width_read_from_bytes_is_the_width_of_each_character(s in "(\\PC|[\u{3000}-\u{33ff}]|[\u{4d00}-\u{a0ff}]|[\u{ff00}-\u{ffef}]){0,40}") {
            let by_char: usize = s.chars().map(|c| if is_wide_code(c as u32) { 2 } else { 1 }).sum();
            proptest::prop_assert_eq!(display_width(&s), by_char);
        }

        #[test]
        fn quick_trim_is_trim(s in "(\\PC|\\s|[\u{85}\u{a0}\u{1680}\u{2000}-\u{205f}\u{3000}-\u{3002}]){0,12}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }

        #[test]
        fn width_of_a_character_is_the_width_of_it_alone(c in proptest::char::any()) {
            proptest::prop_assert_eq!(char_width(c), display_width(c.encode_utf8(&mut [0; 4])));
        }
    }

    #[test]
    fn cjk_classes() {
        assert!(is_cjk('国'));
        assert!(is_cjk('，'));
        assert!(is_cjk('（'));
        assert!(!is_cjk('A'));
        assert!(!is_cjk('1'));
    }

    #[test]
    fn width_folding() {
        let folded: String = "（第２号），".chars().map(fold_width).collect();
        assert_eq!(folded, "(第2号),");
        assert_eq!(fold_digits("第２号"), "第2号");
    }

    #[test]
    fn previews() {
        assert_eq!(preview("abcdef", 3), "abc…");
        assert_eq!(preview("ab", 3), "ab");
    }
}
