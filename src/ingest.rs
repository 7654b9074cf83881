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
use crate::model::{Diagnostic, EncodingReport, Severity};
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};
use std::path::Path;

/// Options of the ingest stage.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Encoding forced by the user (`--encoding`), bypassing detection.
    pub encoding: Option<&'static encoding_rs::Encoding>,
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

/// Read and decode the file at `path`.
pub fn read_file(path: &Path, opts: &IngestOptions) -> Result<SourceText> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: shown.clone(),
        source,
    })?;
    decode(&shown, &bytes, opts)
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
    let (text, mut diagnostics) = clean(&decoded.text);
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
    if !is_utf16(encoding) {
        if let Some(err) = nul_error(path, bytes) {
            return Err(err);
        }
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
        report: report(encoding, bom, "forced"),
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
        if !is_utf16(encoding) {
            if let Some(err) = nul_error(path, body) {
                return Err(err);
            }
        }
        let text = decode_strict(encoding, body, false).map_err(undecodable(encoding))?;
        return Ok(Decoded {
            text,
            report: report(encoding, true, "bom"),
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
            report: report(encoding, false, "detected"),
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
            report: report(UTF_8, false, "utf-8"),
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
        report: report(encoding, false, "detected"),
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

fn report(encoding: &'static Encoding, bom: bool, how: &str) -> EncodingReport {
    EncodingReport {
        encoding: encoding.name().into(),
        bom,
        how: how.into(),
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
    if bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0) {
        if i % 2 == 0 {
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
            DecoderResult::InputEmpty => return Ok(out),
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

/// At most this many diagnostics of one kind; then one that counts the rest.
const MAX_DIAGNOSTICS_PER_KIND: usize = 20;

/// Characters removed from one kind of diagnostic, line by line.
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

    fn diagnostics(
        self,
        severity: Severity,
        what: &str,
        why: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let omitted = self.lines.len().saturating_sub(MAX_DIAGNOSTICS_PER_KIND);
        let mut first_omitted = None;
        for (i, (line, chars)) in self.lines.into_iter().enumerate() {
            if i >= MAX_DIAGNOSTICS_PER_KIND {
                first_omitted.get_or_insert(line);
                continue;
            }
            let mut codes: Vec<String> = chars.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
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
fn clean(text: &str) -> (String, Vec<Diagnostic>) {
    let mut out = String::with_capacity(text.len());
    let mut line = 1u32;
    let mut private = Removed::default();
    let mut controls = Removed::default();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                out.push('\n');
                line = line.saturating_add(1);
            }
            '\u{c}' => out.push(' '),
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{3000}' => out.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            '\u{e000}'..='\u{f8ff}' => private.add(line, c),
            '\t' => out.push(c),
            _ if c.is_control() => controls.add(line, c),
            _ => out.push(c),
        }
    }
    let mut diagnostics = Vec::new();
    private.diagnostics(
        Severity::Note,
        "private-use characters",
        ", often symbol-font bullets of a PDF extraction",
        &mut diagnostics,
    );
    controls.diagnostics(Severity::Warning, "control characters", "", &mut diagnostics);
    diagnostics.sort_by_key(|d| d.line);
    (out, diagnostics)
}
