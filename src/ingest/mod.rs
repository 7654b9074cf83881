//! Ingest: read a file's bytes and decode them to text, detecting the
//! encoding, and normalise line ends and invisible characters.
//!
//! The order of the checks matters: magic numbers first (a PNG is never
//! text, whatever it is forced to be), then an encoding forced by the user,
//! then a byte-order mark, then NUL bytes (UTF-16 without a mark, or binary
//! data), then UTF-8, then detection. Decoding never replaces bytes: the
//! first line holding bytes invalid in the chosen encoding is an error, so a
//! wrong guess cannot turn into silently garbled text.
//!
//! Normalisation keeps the number of lines of the file, so that every line
//! number handed to later stages is true to the file the user has open.

use crate::error::{Error, Result};
use crate::model::{Diagnostic, EncodingChoice, EncodingReport, Severity};
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};
use std::path::Path;

mod clean;
pub mod docx;
use clean::clean_owned;
pub use docx::Revisions;

/// Options of the ingest stage.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Encoding forced by the user (`--encoding`), bypassing detection.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Tracked changes of Word documents: read accepted or rejected
    /// (`--revisions`).
    pub revisions: docx::Revisions,
}

/// A decoded file: the hand-off from ingest to normalize.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path as given.
    pub path: String,
    /// Decoded text: LF line ends, NBSP and ideographic spaces as U+0020,
    /// zero-width characters removed; as many lines as the file.
    pub text: String,
    /// How the bytes were decoded.
    pub encoding: EncodingReport,
    /// Notes about the decoding (e.g. replaced characters).
    pub diagnostics: Vec<Diagnostic>,
}

/// Read and decode the file at `path`: a Word document (`.docx`, or any zip
/// archive) is laid out as its Word text export, anything else decoded as
/// text.
pub fn read_file(path: &Path, opts: &IngestOptions) -> Result<SourceText> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: shown.clone(),
        source,
    })?;
    if docx::is_word_file(&shown, &bytes) {
        return docx::read(&shown, &bytes, opts.revisions);
    }
    decode_owned(&shown, bytes, opts)
}

/// [`decode`] of bytes the caller gives up: in the common case, UTF-8
/// without a byte-order mark and nothing to clean, the bytes become the
/// text without a copy, so that a file is held in memory once.
fn decode_owned(path: &str, bytes: Vec<u8>, opts: &IngestOptions) -> Result<SourceText> {
    let plain = opts.encoding.is_none()
        && !bytes.is_empty()
        && binary_kind(&bytes).is_none()
        && Encoding::for_bom(&bytes).is_none()
        && !bytes.contains(&0);
    if !plain {
        return decode(path, &bytes, opts);
    }
    match String::from_utf8(bytes) {
        Ok(text) => finish(
            path,
            Decoded {
                text,
                report: report(UTF_8, false, EncodingChoice::Utf8),
                diagnostics: Vec::new(),
            },
        ),
        Err(e) => decode(path, e.as_bytes(), opts),
    }
}

/// Decode `bytes` read from `path`.
///
/// Fails on an empty or whitespace-only file, on binary data, and on bytes
/// that are invalid in the encoding chosen (naming the first such line).
pub fn decode(path: &str, bytes: &[u8], opts: &IngestOptions) -> Result<SourceText> {
    if bytes.is_empty() {
        return Err(Error::Empty { path: path.into() });
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(Error::Binary {
            path: path.into(),
            what: what.into(),
        });
    }
    let decoded = match opts.encoding {
        Some(encoding) => decode_forced(path, bytes, encoding)?,
        None => decode_detected(path, bytes)?,
    };
    finish(path, decoded)
}

/// Clean decoded text and hand it on; fails on a text of whitespace only.
fn finish(path: &str, decoded: Decoded) -> Result<SourceText> {
    let (text, mut diagnostics) = clean_owned(decoded.text);
    if text.chars().all(char::is_whitespace) {
        return Err(Error::Empty { path: path.into() });
    }
    let mut all = decoded.diagnostics;
    all.append(&mut diagnostics);
    Ok(SourceText {
        path: path.to_string(),
        text,
        encoding: decoded.report,
        diagnostics: all,
    })
}

/// The encoding a `--encoding` label names (WHATWG labels: `utf-8`,
/// `utf-16le`, `utf-16be`, `gb18030`, `gbk`, `gb2312`, `big5`, …).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    let trimmed = label.trim();
    // `for_label_no_replacement` refuses the labels (iso-2022-kr, …) that the
    // web maps to an encoding decoding everything to U+FFFD: useless here.
    Encoding::for_label_no_replacement(trimmed.as_bytes())
        .or_else(|| {
            // Accept the common spellings without a hyphen (`utf16le`).
            let hyphenated = trimmed
                .to_ascii_lowercase()
                .replace("utf16", "utf-16")
                .replace('_', "-");
            Encoding::for_label_no_replacement(hyphenated.as_bytes())
        })
        .ok_or_else(|| {
            Error::Usage(format!(
                "--encoding {label:?}: unknown encoding label; use one such as \
                 utf-8, utf-16le, utf-16be, gb18030, gbk, big5"
            ))
        })
}

/// Bytes decoded to text, before normalisation.
struct Decoded {
    text: String,
    report: EncodingReport,
    diagnostics: Vec<Diagnostic>,
}

/// File signatures of formats users may hand over instead of a text export.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (
        b"%PDF-",
        "PDF: convert it with pdftotext first (pdftotext -enc UTF-8 FILE.pdf)",
    ),
    (
        b"PK\x03\x04",
        "ZIP archive (a .docx is one: export it as text)",
    ),
    (
        b"PK\x05\x06",
        "ZIP archive (a .docx is one: export it as text)",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "Word 97-2003 document or other OLE file (a .doc: save it as plain text)",
    ),
    (b"\x1f\x8b", "gzip archive"),
    (
        b"\xff\xfe\x00\x00",
        "UTF-32 text, which is not read: save it as UTF-8",
    ),
    (
        b"\x00\x00\xfe\xff",
        "UTF-32 text, which is not read: save it as UTF-8",
    ),
];

/// What the bytes look like when they are plainly not text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

/// The error for NUL bytes in what is not UTF-16.
fn nul_error(path: &str, bytes: &[u8]) -> Option<Error> {
    let at = bytes.iter().position(|&b| b == 0)?;
    let line = line_at(bytes.get(..at).unwrap_or_default());
    Some(Error::Binary {
        path: path.into(),
        what: format!("binary data: NUL byte at line {line}"),
    })
}

fn decode_forced(path: &str, bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded> {
    if !is_utf16(encoding)
        && let Some(err) = nul_error(path, bytes)
    {
        return Err(err);
    }
    let mut diagnostics = Vec::new();
    let bom = match Encoding::for_bom(bytes) {
        Some((marked, _)) if marked == encoding => true,
        Some((marked, _)) => {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                line: 1,
                message: format!(
                    "the file starts with a {} byte-order mark but {} was forced; decoded as {}",
                    marked.name(),
                    encoding.name(),
                    encoding.name()
                ),
            });
            false
        }
        None => false,
    };
    // A decoder with BOM removal drops only a mark of its own encoding.
    let text = decode_strict(encoding, bytes, true).map_err(|line| Error::Undecodable {
        path: path.into(),
        line,
        encoding: encoding.name().into(),
    })?;
    Ok(Decoded {
        text,
        report: report(encoding, bom, EncodingChoice::Forced),
        diagnostics,
    })
}

fn decode_detected(path: &str, bytes: &[u8]) -> Result<Decoded> {
    let undecodable = |encoding: &'static Encoding| {
        move |line| Error::Undecodable {
            path: path.into(),
            line,
            encoding: encoding.name().into(),
        }
    };
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        if !is_utf16(encoding)
            && let Some(err) = nul_error(path, body)
        {
            return Err(err);
        }
        let text = decode_strict(encoding, body, false).map_err(undecodable(encoding))?;
        return Ok(Decoded {
            text,
            report: report(encoding, true, EncodingChoice::ByteOrderMark),
            diagnostics: Vec::new(),
        });
    }
    if bytes.contains(&0) {
        let Some(encoding) = utf16_without_bom(bytes) else {
            return Err(nul_error(path, bytes).unwrap_or_else(|| Error::Binary {
                path: path.into(),
                what: "binary data".into(),
            }));
        };
        let text = decode_strict(encoding, bytes, false).map_err(undecodable(encoding))?;
        return Ok(Decoded {
            text,
            report: report(encoding, false, EncodingChoice::Detected),
            diagnostics: vec![Diagnostic {
                severity: Severity::Warning,
                line: 1,
                message: format!(
                    "no byte-order mark, but the NUL bytes fall as in {}: decoded as {}",
                    encoding.name(),
                    encoding.name()
                ),
            }],
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            report: report(UTF_8, false, EncodingChoice::Utf8),
            diagnostics: Vec::new(),
        });
    }
    if looks_like_broken_utf8(bytes) {
        // Decoding as UTF-8 stops at the first invalid sequence.
        let line = decode_strict(UTF_8, bytes, false).err().unwrap_or(1);
        return Err(undecodable(UTF_8)(line));
    }
    let encoding = guess_legacy(bytes);
    let text = decode_strict(encoding, bytes, false).map_err(undecodable(encoding))?;
    Ok(Decoded {
        text,
        report: report(encoding, false, EncodingChoice::Detected),
        diagnostics: vec![Diagnostic {
            severity: Severity::Note,
            line: 1,
            message: format!(
                "not UTF-8 and no byte-order mark: detected as {}; pass --encoding if it is wrong",
                encoding.name()
            ),
        }],
    })
}

fn report(encoding: &'static Encoding, bom: bool, how: EncodingChoice) -> EncodingReport {
    EncodingReport {
        encoding: encoding.name().into(),
        bom,
        how,
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 text with some
/// damage (a bad byte, a stretch pasted in another encoding) rather than a
/// text in a legacy encoding.
///
/// Text in GB18030 or Big5 forms valid multi-byte UTF-8 characters only by
/// accident: on the shipped texts re-encoded, about one for every three or
/// four invalid sequences. So when valid multi-byte characters are at least
/// as many as the invalid sequences, or nearly every byte (99 %) is valid
/// UTF-8, the file is taken as UTF-8 and its invalid bytes are an error to
/// report by line, not a reason to reread the whole file in another encoding.
fn looks_like_broken_utf8(bytes: &[u8]) -> bool {
    let (mut valid_chars, mut valid_bytes, mut invalid_seqs) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        valid_bytes += chunk.valid().len();
        invalid_seqs += usize::from(!chunk.invalid().is_empty());
    }
    valid_chars >= invalid_seqs || valid_bytes as u128 * 100 >= bytes.len() as u128 * 99
}

/// The legacy encoding chardetng guesses for bytes that are not UTF-8.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // encoding_rs decodes GBK with the GB18030 decoder; name what is used.
    if guess == GBK { GB18030 } else { guess }
}

/// UTF-16 without a byte-order mark, told by where its NUL bytes fall: the
/// high byte of every ASCII character (line ends, spaces, digits) is NUL, at
/// odd offsets in little-endian, at even offsets in big-endian. The guess
/// stands only if the whole file then decodes as UTF-16 into text with
/// hardly any control characters, which binary data does not.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0) {
        if i.is_multiple_of(2) {
            even += 1;
        } else {
            odd += 1;
        }
    }
    // CJK characters whose low byte is 0 (U+4E00 一) put a few NULs at the
    // other offset; a real pattern still outnumbers them many times.
    let encoding = if odd >= 4 * even.max(1) {
        UTF_16LE
    } else if even >= 4 * odd.max(1) {
        UTF_16BE
    } else {
        return None;
    };
    let text = decode_strict(encoding, bytes, false).ok()?;
    let total = text.chars().count();
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    (controls * 100 <= total).then_some(encoding)
}

/// Decode without replacement; on invalid bytes, the 1-based line they are on.
fn decode_strict(
    encoding: &'static Encoding,
    bytes: &[u8],
    remove_bom: bool,
) -> std::result::Result<String, u32> {
    let mut decoder = if remove_bom {
        encoding.new_decoder_with_bom_removal()
    } else {
        encoding.new_decoder_without_bom_handling()
    };
    let room = |decoder: &encoding_rs::Decoder, len: usize| {
        decoder
            .max_utf8_buffer_length_without_replacement(len)
            .unwrap_or(len)
            .max(16)
    };
    let mut out = String::with_capacity(room(&decoder, bytes.len()));
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => {
                // The room reserved is for the worst case (three bytes of
                // UTF-8 for each byte of a legacy encoding).
                out.shrink_to_fit();
                return Ok(out);
            }
            DecoderResult::OutputFull => out.reserve(room(&decoder, rest.len())),
            // `out` holds everything before the malformed sequence.
            DecoderResult::Malformed(_, _) => return Err(line_at(out.as_bytes())),
        }
    }
}

/// The 1-based line on which the text following `before` starts, counting
/// LF, CRLF and lone CR as line ends (as [`clean`] does).
fn line_at(before: &[u8]) -> u32 {
    let mut breaks = 0u32;
    let mut iter = before.iter().peekable();
    while let Some(&b) = iter.next() {
        // A CR at the very end is lone: the byte after it is not a LF.
        if b == b'\n' || (b == b'\r' && iter.peek() != Some(&&b'\n')) {
            breaks = breaks.saturating_add(1);
        }
    }
    breaks.saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::BIG5;

    fn auto(bytes: &[u8]) -> Result<SourceText> {
        decode("t.txt", bytes, &IngestOptions::default())
    }

    fn forced(bytes: &[u8], encoding: &'static Encoding) -> Result<SourceText> {
        decode(
            "t.txt",
            bytes,
            &IngestOptions {
                encoding: Some(encoding),
                ..Default::default()
            },
        )
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    /// The line and encoding of an `Undecodable` error, or a panic.
    fn undecodable(result: Result<SourceText>) -> (u32, String) {
        match result {
            Err(Error::Undecodable { line, encoding, .. }) => (line, encoding),
            other => panic!("expected Undecodable, got {other:?}"),
        }
    }

    fn binary(result: Result<SourceText>) -> String {
        match result {
            Err(Error::Binary { what, .. }) => what,
            other => panic!("expected Binary, got {other:?}"),
        }
    }

    const SAMPLE: &str =
        "第2号决议（2024年，新德里，修订版）\n世界电信标准化全会\n考虑到\na)\t国际电联的作用\n";

    #[test]
    fn plain_utf8_is_read_as_is() {
        let src = auto(SAMPLE.as_bytes()).unwrap();
        assert_eq!(src.text, SAMPLE);
        assert_eq!(src.encoding, report(UTF_8, false, EncodingChoice::Utf8));
        assert!(src.diagnostics.is_empty());
    }

    #[test]
    fn utf8_bom_is_removed_and_reported() {
        let bytes = [b"\xef\xbb\xbf".as_slice(), SAMPLE.as_bytes()].concat();
        let src = auto(&bytes).unwrap();
        assert_eq!(src.text, SAMPLE);
        assert_eq!(
            src.encoding,
            report(UTF_8, true, EncodingChoice::ByteOrderMark)
        );
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        for (bom, big, encoding) in [
            (b"\xff\xfe", false, UTF_16LE),
            (b"\xfe\xff", true, UTF_16BE),
        ] {
            let bytes = [bom.as_slice(), &utf16(SAMPLE, big)].concat();
            let src = auto(&bytes).unwrap();
            assert_eq!(src.text, SAMPLE);
            assert_eq!(
                src.encoding,
                report(encoding, true, EncodingChoice::ByteOrderMark)
            );
        }
    }

    #[test]
    fn utf16_without_bom_is_decoded_with_a_warning() {
        for (big, encoding) in [(false, UTF_16LE), (true, UTF_16BE)] {
            let src = auto(&utf16(SAMPLE, big)).unwrap();
            assert_eq!(src.text, SAMPLE);
            assert_eq!(
                src.encoding,
                report(encoding, false, EncodingChoice::Detected)
            );
            assert_eq!(src.diagnostics.len(), 1);
            assert_eq!(src.diagnostics[0].severity, Severity::Warning);
            assert!(src.diagnostics[0].message.contains(encoding.name()));
        }
    }

    #[test]
    fn empty_and_whitespace_only_files_are_rejected() {
        for bytes in [
            b"".as_slice(),
            b" \n\t\r\n  ",
            "\u{3000}\u{a0}\n\u{200b}".as_bytes(),
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"\x0c\n",
        ] {
            assert!(
                matches!(auto(bytes), Err(Error::Empty { .. })),
                "{bytes:?} should be empty"
            );
        }
    }

    #[test]
    fn magic_numbers_name_the_format() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(binary(auto(png)).contains("PNG image"));
        let zip = b"PK\x03\x04\x14\0\x06\0word/document.xml";
        assert!(binary(auto(zip)).contains(".docx"));
        assert!(binary(auto(b"%PDF-1.7\n%\xe2\xe3")).contains("pdftotext"));
        assert!(binary(auto(b"GIF89a\x01\0")).contains("GIF"));
        assert!(binary(auto(b"\xff\xd8\xff\xe0\0\x10JFIF")).contains("JPEG"));
        // Forcing an encoding does not make an image text.
        assert!(binary(forced(png, UTF_8)).contains("PNG"));
    }

    #[test]
    fn nul_bytes_in_utf8_are_binary_with_their_line() {
        let what = binary(auto("第一行\n第二行\0\0\u{1}\u{2}\n".as_bytes()));
        assert!(what.contains("NUL byte at line 2"), "{what}");
        let what = binary(forced(b"abc\n\0", GB18030));
        assert!(what.contains("line 2"), "{what}");
    }

    #[test]
    fn random_binary_with_nuls_is_not_taken_for_utf16() {
        let bytes: Vec<u8> = (0u32..512).map(|i| (i * 7 % 256) as u8).collect();
        binary(auto(&bytes));
    }

    #[test]
    fn nul_pattern_of_utf16_over_control_characters_is_binary() {
        // NULs all at odd offsets, as in UTF-16LE, but the code units are
        // control characters: a record of small integers, not text.
        let bytes: Vec<u8> = (0u8..200).flat_map(|i| [i % 20 + 1, 0]).collect();
        assert!(binary(auto(&bytes)).contains("NUL byte"));
    }

    #[test]
    fn invalid_utf8_in_the_middle_names_its_line() {
        let bytes = [
            "第一行\n第二行\n第".as_bytes(),
            b"\xff",
            "三行\n第四行\n".as_bytes(),
        ]
        .concat();
        assert_eq!(undecodable(auto(&bytes)), (3, "UTF-8".to_string()));
    }

    #[test]
    fn bad_line_counts_crlf_and_lone_cr_as_one_line_end_each() {
        let bytes = ["一\r\n二\r三\r\n".as_bytes(), b"\xc3(\n"].concat();
        assert_eq!(undecodable(auto(&bytes)).0, 4);
        // A CR right before the bad byte ends its line.
        assert_eq!(undecodable(auto(b"\xe4\xb8\xad\xe6\x96\x87\r\xff")).0, 2);
    }

    #[test]
    fn one_bad_byte_does_not_turn_utf8_into_another_encoding() {
        let mut text = SAMPLE.repeat(50).into_bytes();
        let at = text.len() / 2;
        // Cut a three-byte character in two: a typical damaged file.
        let cut = (at..text.len()).find(|&i| text[i] >= 0xe0).unwrap();
        text.remove(cut + 1);
        let line = 1 + text[..cut].iter().filter(|&&b| b == b'\n').count() as u32;
        assert_eq!(undecodable(auto(&text)), (line, "UTF-8".to_string()));
    }

    #[test]
    fn gbk_stretch_pasted_into_utf8_is_an_error_at_its_line() {
        let (gbk, _, _) = GB18030.encode("国际电信联盟的作用\n");
        let bytes = [SAMPLE.repeat(3).as_bytes(), &gbk, SAMPLE.as_bytes()].concat();
        assert_eq!(undecodable(auto(&bytes)), (13, "UTF-8".to_string()));
    }

    #[test]
    fn ascii_with_a_stray_byte_is_broken_utf8() {
        let bytes = [b"line one\nline two\n".repeat(20).as_slice(), b"caf\xe9\n"].concat();
        assert_eq!(undecodable(auto(&bytes)), (41, "UTF-8".to_string()));
    }

    #[test]
    fn gb18030_is_detected() {
        let text = SAMPLE.repeat(4);
        let (bytes, _, unmappable) = GB18030.encode(&text);
        assert!(!unmappable);
        let src = auto(&bytes).unwrap();
        assert_eq!(src.text, text);
        assert_eq!(
            src.encoding,
            report(GB18030, false, EncodingChoice::Detected)
        );
        assert_eq!(src.diagnostics[0].severity, Severity::Note);
    }

    #[test]
    fn big5_is_detected() {
        let text = "國際電信聯盟決議\n".repeat(6);
        let (bytes, _, _) = BIG5.encode(&text);
        let src = auto(&bytes).unwrap();
        assert_eq!(src.text, text);
        assert_eq!(src.encoding, report(BIG5, false, EncodingChoice::Detected));
    }

    #[test]
    fn forced_encoding_is_used_and_reported() {
        let (bytes, _, _) = GB18030.encode(SAMPLE);
        let src = forced(&bytes, GB18030).unwrap();
        assert_eq!(src.text, SAMPLE);
        assert_eq!(src.encoding, report(GB18030, false, EncodingChoice::Forced));
        // Forcing UTF-8 on GB18030 bytes fails on the first line.
        assert_eq!(undecodable(forced(&bytes, UTF_8)), (1, "UTF-8".into()));
    }

    #[test]
    fn forced_encoding_reports_invalid_bytes_with_their_line() {
        // 0x80 is no Big5 lead byte.
        let bytes = b"ok\nstill ok\n\x80\x20\n";
        assert_eq!(undecodable(forced(bytes, BIG5)), (3, "Big5".into()));
    }

    #[test]
    fn forced_utf16_removes_its_own_bom_and_warns_of_another() {
        let bytes = [b"\xff\xfe".as_slice(), &utf16(SAMPLE, false)].concat();
        let src = forced(&bytes, UTF_16LE).unwrap();
        assert_eq!(src.text, SAMPLE);
        assert_eq!(src.encoding, report(UTF_16LE, true, EncodingChoice::Forced));
        let bytes = [b"\xef\xbb\xbf".as_slice(), b"abc"].concat();
        let src = forced(&bytes, encoding_rs::WINDOWS_1252).unwrap();
        assert_eq!(src.diagnostics[0].severity, Severity::Warning);
        assert!(src.diagnostics[0].message.contains("UTF-8 byte-order mark"));
    }

    #[test]
    fn labels_name_encodings() {
        assert_eq!(encoding_for_label("gbk").unwrap(), GBK);
        assert_eq!(encoding_for_label(" GB18030 ").unwrap(), GB18030);
        assert_eq!(encoding_for_label("big5").unwrap(), BIG5);
        assert_eq!(encoding_for_label("UTF-8").unwrap(), UTF_8);
        assert_eq!(encoding_for_label("utf16le").unwrap(), UTF_16LE);
        assert_eq!(encoding_for_label("utf-16be").unwrap(), UTF_16BE);
        for bad in ["klingon", "", "iso-2022-kr"] {
            match encoding_for_label(bad) {
                Err(Error::Usage(msg)) => {
                    assert!(
                        msg.contains(&format!("{bad:?}")) && msg.contains("gb18030"),
                        "{msg}"
                    )
                }
                other => panic!("{bad}: expected Usage, got {other:?}"),
            }
        }
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let bytes = ["第一行\n第二行".as_bytes(), b"\xff\n"].concat();
        let err = decode("dir/r.txt", &bytes, &IngestOptions::default()).unwrap_err();
        assert!(err.to_string().starts_with("dir/r.txt:2: "), "{err}");
        let err = decode("dir/r.png", b"\x89PNG\r\n\x1a\n", &IngestOptions::default()).unwrap_err();
        assert!(err.to_string().starts_with("dir/r.png: "), "{err}");
    }

    #[test]
    fn diagnostics_carry_through_decode() {
        let src = auto("第一行\n\u{f0b7}第二行".as_bytes()).unwrap();
        assert_eq!(src.text, "第一行\n第二行");
        assert_eq!(src.diagnostics.len(), 1);
        assert_eq!(src.diagnostics[0].line, 2);
    }
}
