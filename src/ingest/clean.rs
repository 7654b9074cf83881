//! Character clean-up after decoding: line ends, page breaks, invisible and
//! control characters, keeping the file's line count so that line numbers
//! stay true.

use crate::model::{Diagnostic, Severity};

/// At most this many diagnostics of one kind; then one that counts the rest.
const MAX_DIAGNOSTICS_PER_KIND: usize = 20;

/// Characters of one kind removed by [`clean`], line by line, to report.
#[derive(Default)]
struct Removed {
    /// `(line, characters)` for each line where some were removed.
    lines: Vec<(u32, Vec<char>)>,
}

impl Removed {
    fn add(&mut self, line: u32, c: char) {
        match self.lines.last_mut() {
            Some((last, chars)) if *last == line => chars.push(c),
            _ => self.lines.push((line, vec![c])),
        }
    }

    fn diagnostics(self, severity: Severity, what: &str, why: &str, out: &mut Vec<Diagnostic>) {
        let omitted = self.lines.len().saturating_sub(MAX_DIAGNOSTICS_PER_KIND);
        let mut first_omitted = None;
        for (i, (line, chars)) in self.lines.into_iter().enumerate() {
            if i >= MAX_DIAGNOSTICS_PER_KIND {
                first_omitted.get_or_insert(line);
                continue;
            }
            let mut codes: Vec<String> = chars
                .iter()
                .map(|c| format!("U+{:04X}", *c as u32))
                .collect();
            codes.dedup();
            out.push(Diagnostic {
                severity,
                line,
                message: format!("removed {} {what} ({}){why}", chars.len(), codes.join(" ")),
            });
        }
        if let Some(line) = first_omitted {
            out.push(Diagnostic {
                severity,
                line,
                message: format!("removed {what} on {omitted} more lines from here on"),
            });
        }
    }
}

/// Normalise decoded text, keeping its number of lines: CRLF and lone CR
/// become LF; a form feed (page break) becomes a space, so that a page's
/// first line starts with one as in pdftotext output; no-break and
/// ideographic spaces become U+0020; zero-width characters go; private-use
/// characters (which the normalizer reserves as sentinels) and control
/// characters other than TAB and LF go, with diagnostics.
pub(super) fn clean_owned(text: String) -> (String, Vec<Diagnostic>) {
    if first_to_clean(&text).is_none() {
        return (text, Vec::new());
    }
    clean(&text)
}

/// Whether [`clean`] keeps `c` as it is.
fn ordinary(c: char) -> bool {
    match c {
        '\n' | '\t' => true,
        '\r' | '\u{c}' | '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{3000}' => false,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => false,
        '\u{e000}'..='\u{f8ff}' => false,
        _ => !c.is_control(),
    }
}

/// Where the first character [`clean`] changes is, found a byte at a time:
/// only ASCII controls and characters whose UTF-8 form starts with one of
/// a few lead bytes can be such a character.
fn first_to_clean(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if LEAD[usize::from(bytes[i])] && changes_at(text, i) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Bytes that may start a character [`clean`] changes: ASCII controls but
/// TAB and LF, and the lead bytes of U+0080–U+00A0, U+2007–U+2060, U+3000,
/// U+E000–U+F8FF and U+FEFF. A table, as every byte of a file is looked up.
const LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t[0xe3] = true;
    t[0xee] = true;
    t[0xef] = true;
    t
};

/// Whether the character at byte `i` of `text`, whose first byte is in
/// [`LEAD`], is one [`clean`] changes.
fn changes_at(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&lead) = bytes.get(i) else {
        return false;
    };
    // The bytes after a lead byte pass over the CJK punctuation that shares
    // lead bytes with the characters looked for.
    let next = (bytes.get(i + 1).copied(), bytes.get(i + 2).copied());
    let candidate = match lead {
        // U+2007, U+200B–U+200D, U+202F, U+2060.
        0xe2 => matches!(
            next,
            (Some(0x80), Some(0x87 | 0x8b..=0x8d | 0xaf)) | (Some(0x81), Some(0xa0))
        ),
        // U+3000.
        0xe3 => next == (Some(0x80), Some(0x80)),
        // U+F000–U+F8FF, U+FEFF.
        0xef => matches!(next, (Some(0x80..=0xa3), _) | (Some(0xbb), Some(0xbf))),
        _ => true,
    };
    candidate
        && text
            .get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| !ordinary(c))
}

/// [`clean_owned`] of borrowed text: always a copy.
pub(super) fn clean(text: &str) -> (String, Vec<Diagnostic>) {
    let mut out = String::with_capacity(text.len());
    let mut line = 1u32;
    let mut private = Removed::default();
    let mut controls = Removed::default();
    // Ordinary characters are copied a run at a time; only the characters
    // that change stop the copy.
    let mut run = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            line = line.saturating_add(1);
        }
        if ordinary(c) {
            continue;
        }
        out.push_str(&text[run..i]);
        run = i + c.len_utf8();
        match c {
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {}
            '\r' => {
                out.push('\n');
                line = line.saturating_add(1);
            }
            '\u{c}' | '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{3000}' => out.push(' '),
            '\u{e000}'..='\u{f8ff}' => private.add(line, c),
            _ if c.is_control() => controls.add(line, c),
            _ => {} // zero-width
        }
    }
    out.push_str(&text[run..]);
    let mut diagnostics = Vec::new();
    private.diagnostics(
        Severity::Note,
        "private-use characters",
        ", often symbol-font bullets of a PDF extraction",
        &mut diagnostics,
    );
    controls.diagnostics(
        Severity::Warning,
        "control characters",
        "",
        &mut diagnostics,
    );
    diagnostics.sort_by_key(|d| d.line);
    (out, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_clean_changes_is_found_by_its_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("，{c}。");
            let found = first_to_clean(&text);
            assert_eq!(found.is_some(), !ordinary(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn line_ends_become_lf_keeping_the_line_count() {
        let (text, diags) = clean("a\r\nb\rc\nd\r\r\ne");
        assert_eq!(text, "a\nb\nc\nd\n\ne");
        assert!(diags.is_empty());
    }

    #[test]
    fn form_feed_becomes_a_leading_space() {
        let (text, _) = clean("第一页末行\n\u{c}第二页首行\n");
        assert_eq!(text, "第一页末行\n 第二页首行\n");
    }

    #[test]
    fn wide_and_no_break_spaces_become_spaces() {
        let (text, _) = clean("a\u{a0}b\u{202f}c\u{2007}d\u{3000}e");
        assert_eq!(text, "a b c d e");
    }

    #[test]
    fn zero_width_characters_are_removed() {
        let (text, diags) = clean("决\u{200b}议\u{200c}\u{200d}\u{2060}\n\u{feff}考虑到");
        assert_eq!(text, "决议\n考虑到");
        assert!(diags.is_empty());
    }

    #[test]
    fn private_use_characters_are_removed_with_a_note() {
        let (text, diags) = clean("a\nb\u{f06c}\u{e000}c\n");
        assert_eq!(text, "a\nbc\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].severity, Severity::Note);
        assert_eq!(diags[0].line, 2);
        assert!(
            diags[0].message.contains("U+F06C U+E000"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn control_characters_are_removed_with_their_line() {
        let (text, diags) = clean("a\tb\n\n\u{1}c\u{7f}\u{85}\n\u{b}d");
        assert_eq!(text, "a\tb\n\nc\nd");
        let lines: Vec<(u32, Severity)> = diags.iter().map(|d| (d.line, d.severity)).collect();
        assert_eq!(lines, [(3, Severity::Warning), (4, Severity::Warning)]);
        assert!(diags[0].message.contains("removed 3 control characters"));
    }

    #[test]
    fn text_with_nothing_to_clean_is_not_copied() {
        let text = "决议“其它”—…\t a\n".to_string();
        let at = text.as_ptr();
        let (out, diags) = clean_owned(text);
        assert_eq!(out.as_ptr(), at);
        assert!(diags.is_empty());
        // Every character clean changes is found by the byte scan.
        for c in [
            '\r', '\u{c}', '\u{1}', '\u{7f}', '\u{85}', '\u{a0}', '\u{2007}', '\u{200b}',
            '\u{200d}', '\u{202f}', '\u{2060}', '\u{3000}', '\u{e000}', '\u{f06c}', '\u{f8ff}',
            '\u{feff}',
        ] {
            let s = format!("第1号决议{c}x");
            assert_eq!(first_to_clean(&s), Some("第1号决议".len()), "{c:?}");
            assert_ne!(clean_owned(s.clone()).0, s, "{c:?}");
        }
    }

    #[test]
    fn diagnostics_per_kind_are_capped() {
        let (_, diags) = clean(&"x\u{e000}\n".repeat(30));
        assert_eq!(diags.len(), MAX_DIAGNOSTICS_PER_KIND + 1);
        let last = &diags[MAX_DIAGNOSTICS_PER_KIND];
        assert_eq!(last.line, 21);
        assert!(last.message.contains("10 more lines"), "{}", last.message);
    }
}
