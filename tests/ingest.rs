//! Ingest on the shipped texts: every supported encoding of a real file
//! decodes to the same text, and bad inputs are refused with file and line.

use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use resdiff::Error;
use resdiff::ingest::{IngestOptions, SourceText, decode, encoding_for_label, read_file};
use resdiff::model::EncodingChoice;
use std::path::Path;

const REAL: &str = "versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt";

fn real_text() -> String {
    std::fs::read_to_string(REAL).expect("shipped text is UTF-8")
}

fn auto(path: &str, bytes: &[u8]) -> Result<SourceText, Error> {
    decode(path, bytes, &IngestOptions::default())
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big_endian {
        [0xfe, 0xff]
    } else {
        [0xff, 0xfe]
    };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        }))
        .collect()
}

#[test]
fn real_text_reads_as_utf8_with_its_lines() {
    let src = read_file(Path::new(REAL), &IngestOptions::default()).unwrap();
    assert_eq!(src.encoding.encoding, "UTF-8");
    assert_eq!(src.encoding.how, EncodingChoice::Utf8);
    assert!(!src.encoding.bom);
    assert_eq!(src.text, real_text());
    assert_eq!(src.text.lines().count(), real_text().lines().count());
    assert!(src.diagnostics.is_empty(), "{:?}", src.diagnostics);
}

#[test]
fn real_text_in_every_encoding_decodes_to_the_same_text() {
    let text = real_text();
    let original = auto(REAL, text.as_bytes()).unwrap().text;
    let (gb, _, unmappable) = GB18030.encode(&text);
    assert!(!unmappable);
    let utf8_bom = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
    use EncodingChoice::{ByteOrderMark, Detected};
    let cases: [(&str, Vec<u8>, &'static Encoding, bool, EncodingChoice); 4] = [
        ("gb18030", gb.into_owned(), GB18030, false, Detected),
        (
            "utf-16le",
            utf16(&text, false),
            UTF_16LE,
            true,
            ByteOrderMark,
        ),
        (
            "utf-16be",
            utf16(&text, true),
            UTF_16BE,
            true,
            ByteOrderMark,
        ),
        ("utf-8 bom", utf8_bom, UTF_8, true, ByteOrderMark),
    ];
    for (name, bytes, encoding, bom, how) in cases {
        let src = auto(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(src.encoding.encoding, encoding.name(), "{name}");
        assert_eq!(src.encoding.bom, bom, "{name}");
        assert_eq!(src.encoding.how, how, "{name}");
        assert!(src.text == original, "{name}: decoded text differs");
    }
}

#[test]
fn real_text_forced_as_gb18030_by_label() {
    let text = real_text();
    let (gb, _, _) = GB18030.encode(&text);
    let opts = IngestOptions {
        encoding: Some(encoding_for_label("gb18030").unwrap()),
        ..Default::default()
    };
    let src = decode(REAL, &gb, &opts).unwrap();
    assert_eq!(src.encoding.how, EncodingChoice::Forced);
    assert!(src.text == text);
    // The same bytes forced as UTF-8 fail at the first line with Chinese.
    let opts = IngestOptions {
        encoding: Some(UTF_8),
        ..Default::default()
    };
    match decode(REAL, &gb, &opts) {
        Err(Error::Undecodable { line, encoding, .. }) => {
            let first = text.lines().position(|l| !l.is_ascii()).unwrap() + 1;
            assert_eq!((line as usize, encoding.as_str()), (first, "UTF-8"));
        }
        other => panic!("expected Undecodable, got {other:?}"),
    }
}

#[test]
fn big5_sample_is_detected_as_big5() {
    let text = "國際電信聯盟決議\n世界電信標準化全會\n".repeat(3);
    let (bytes, _, unmappable) = BIG5.encode(&text);
    assert!(!unmappable);
    let src = auto("big5.txt", &bytes).unwrap();
    assert_eq!(src.encoding.encoding, "Big5");
    assert_eq!(src.encoding.how, EncodingChoice::Detected);
    assert_eq!(src.text, text);
}

#[test]
fn damaged_real_text_names_the_damaged_line() {
    let text = real_text();
    let line = 5000;
    let at: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let mut bytes = text.into_bytes();
    // A lone continuation byte at the start of line 5000.
    bytes.insert(at, 0x80);
    let err = auto("damaged.txt", &bytes).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("damaged.txt:5000: bytes that are not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn utf16_real_text_without_bom_decodes_with_a_warning() {
    let text = real_text();
    let bytes = utf16(&text, false);
    let src = auto("nobom.txt", &bytes[2..]).unwrap();
    assert_eq!(src.encoding.encoding, "UTF-16LE");
    assert_eq!(src.encoding.how, EncodingChoice::Detected);
    assert!(!src.encoding.bom);
    assert!(src.text == text);
    assert_eq!(src.diagnostics.len(), 1);
}

#[test]
fn bad_inputs_are_refused_naming_the_file() {
    let cases: [(&[u8], &str); 5] = [
        (b"", "empty.txt: the file is empty"),
        (b"  \r\n\t\n", "blank.txt: the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\0\0",
            "image.txt: not a text file (PNG image)",
        ),
        (
            b"PK\x03\x04\x14\0",
            "doc.txt: not a text file (ZIP archive (a .docx",
        ),
        (
            b"abc\ndef\0ghi",
            "nul.txt: not a text file (binary data: NUL byte at line 2)",
        ),
    ];
    for (bytes, start) in cases {
        let path = start.split(':').next().unwrap();
        let err = auto(path, bytes).unwrap_err();
        assert!(err.to_string().starts_with(start), "{err}");
    }
}

#[test]
fn normalisation_keeps_the_line_count() {
    let input = "第一行\r\n\u{c}第二行\u{a0}\u{200b}\r第三行\u{3000}\u{e000}\n第四行";
    let src = auto("n.txt", input.as_bytes()).unwrap();
    assert_eq!(src.text, "第一行\n 第二行 \n第三行 \n第四行");
    assert_eq!(src.diagnostics.len(), 1);
    assert_eq!(src.diagnostics[0].line, 3);
}

#[test]
fn unknown_label_is_a_usage_error() {
    let err = encoding_for_label("latin-9000").unwrap_err();
    assert!(matches!(err, Error::Usage(_)));
    assert!(err.to_string().contains("latin-9000"), "{err}");
}
