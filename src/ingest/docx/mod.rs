//! Word documents (`.docx`): the container is opened with `zip`, the parts
//! are read with `quick-xml`, and the body is laid out as the Word text
//! export the rest of the pipeline already reads (one paragraph per line,
//! TAB after labels, `[footnoteRef:N]N` references with the footnote body
//! ` [N: N\ttext]` at the end of the line). A `.docx` therefore gives the
//! same model as the text export of the same content, and its "lines" are
//! the lines of that export: paragraphs, line breaks and table rows in
//! document order.
//!
//! Memory stays bounded whatever the archive claims: each part is read up
//! to [`MAX_PART_BYTES`] and an archive of more than [`MAX_ENTRIES`] entries
//! is refused, so a zip bomb is an error rather than an exhausted machine.

mod numbering;
mod walk;
mod xml;

use super::SourceText;
use crate::error::{Error, Result};
use crate::model::{Diagnostic, EncodingChoice, EncodingReport, Severity};
use std::io::{Cursor, Read};

/// Largest decompressed size of one part of the document (the body of a
/// thousand-page Word file is a few tens of MB).
pub const MAX_PART_BYTES: u64 = 64 << 20;
/// Most entries an archive may hold.
pub const MAX_ENTRIES: usize = 20_000;

/// What to do with tracked changes a document carries (`--revisions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Revisions {
    /// Read the text as if every change were accepted.
    #[default]
    Accept,
    /// Read the text as it was before the changes.
    Reject,
}

/// Whether `bytes` look like a zip archive (and so possibly a `.docx`).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Signature of OLE compound files: Word 97-2003 documents, and
/// password-protected Office documents of any version.
const OLE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// Whether a file is to be read as a Word document: a zip archive, an OLE
/// file (a `.doc`, or a password-protected `.docx`), or a file named
/// `.docx` (whatever it holds, so that the error speaks of Word).
pub fn is_word_file(path: &str, bytes: &[u8]) -> bool {
    is_zip(bytes) || bytes.starts_with(OLE) || path.to_ascii_lowercase().ends_with(".docx")
}

fn refused(path: &str, what: impl Into<String>) -> Error {
    Error::Document {
        path: path.into(),
        what: what.into(),
    }
}

/// Read a Word document's bytes as text in the layout of a Word export.
pub fn read(path: &str, bytes: &[u8], revisions: Revisions) -> Result<SourceText> {
    if bytes.starts_with(OLE) {
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let what = if bytes.windows(encrypted.len()).any(|w| w == encrypted) {
            "an encrypted (password-protected) Word document: save a copy without a password"
        } else {
            "a Word 97-2003 document (.doc), which is not read: save it as .docx"
        };
        return Err(refused(path, what));
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(refused(
            path,
            "a PDF file, not a Word document: convert it with pdftotext -enc UTF-8",
        ));
    }
    if !is_zip(bytes) {
        return Err(refused(path, "not a zip archive, so not a .docx"));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| refused(path, format!("a corrupt or truncated zip archive ({e})")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(refused(
            path,
            format!(
                "a zip archive of {} entries (at most {MAX_ENTRIES} are read)",
                zip.len()
            ),
        ));
    }
    let Some(document) = part(&mut zip, path, "word/document.xml")? else {
        let what = if zip.index_for_name("content.xml").is_some() {
            "an OpenDocument file, not a Word document: save it as .docx"
        } else if zip.index_for_name("xl/workbook.xml").is_some() {
            "an Excel workbook, not a Word document"
        } else if zip.index_for_name("ppt/presentation.xml").is_some() {
            "a PowerPoint presentation, not a Word document"
        } else {
            "a zip archive that is not a Word document (no word/document.xml)"
        };
        return Err(refused(path, what));
    };
    let numbering = part(&mut zip, path, "word/numbering.xml")?;
    let styles = part(&mut zip, path, "word/styles.xml")?;
    let footnotes = part(&mut zip, path, "word/footnotes.xml")?;
    let xml_err = |part: &'static str| move |e: String| refused(path, format!("{part}: {e}"));
    let mut numbering = numbering::Numbering::read(numbering.as_deref(), styles.as_deref())
        .map_err(xml_err("word/numbering.xml or word/styles.xml"))?;
    let mut ctx = walk::Context::new(revisions, &mut numbering);
    let body = walk::walk(&document, &mut ctx).map_err(xml_err("word/document.xml"))?;
    let notes = match &footnotes {
        Some(xml) => walk::walk(xml, &mut ctx).map_err(xml_err("word/footnotes.xml"))?,
        None => walk::Walked::default(),
    };
    let text = attach_footnotes(&body.lines, &notes.notes, &ctx.shown);
    let mut diagnostics = Vec::new();
    let revisions_met = body.revisions + notes.revisions;
    if revisions_met > 0 {
        let (done, other) = match revisions {
            Revisions::Accept => ("accepted", "--revisions reject reads the text before them"),
            Revisions::Reject => ("rejected", "--revisions accept reads the text after them"),
        };
        diagnostics.push(Diagnostic {
            severity: if revisions == Revisions::Accept {
                Severity::Warning
            } else {
                Severity::Note
            },
            line: 1,
            message: format!(
                "the document carries {revisions_met} tracked revision(s); they were {done} ({other})"
            ),
        });
    }
    let images = body.images + notes.images;
    if images > 0 {
        diagnostics.push(Diagnostic {
            severity: Severity::Note,
            line: 1,
            message: format!("{images} image(s) or drawing(s) ignored"),
        });
    }
    let (text, mut cleaned) = super::clean::clean_owned(text);
    diagnostics.append(&mut cleaned);
    if text.chars().all(char::is_whitespace) {
        return Err(Error::Empty { path: path.into() });
    }
    Ok(SourceText {
        path: path.into(),
        text,
        encoding: EncodingReport {
            encoding: "UTF-8".into(),
            bom: false,
            how: EncodingChoice::Docx,
        },
        diagnostics,
    })
}

/// The text of a part, or `None` when the archive has no such part.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    name: &str,
) -> Result<Option<String>> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let entry = zip.by_index(index).map_err(|e| match e {
        zip::result::ZipError::UnsupportedArchive(m) if m.contains("assword") => refused(
            path,
            "an encrypted zip archive: save a copy of the document without a password",
        ),
        e => refused(path, format!("{name}: cannot be read ({e})")),
    })?;
    if entry.encrypted() {
        return Err(refused(
            path,
            "an encrypted zip archive: save a copy of the document without a password",
        ));
    }
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refused(path, format!("{name}: corrupt compressed data ({e})")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(refused(
            path,
            format!(
                "{name} expands to more than {} MB: refused as a possible zip bomb",
                MAX_PART_BYTES >> 20
            ),
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            match encoding_rs::Encoding::for_bom(&bytes) {
                Some((enc, bom)) => enc
                    .decode_without_bom_handling(&bytes[bom..])
                    .0
                    .into_owned(),
                None => return Err(refused(path, format!("{name}: not UTF-8 XML"))),
            }
        }
    };
    Ok(Some(text))
}

/// Append each footnote's body to the line of its first reference, as Word
/// text exports do: ` [ID: N\ttext]`.
fn attach_footnotes(
    lines: &[String],
    notes: &std::collections::BTreeMap<String, String>,
    shown: &std::collections::BTreeMap<String, String>,
) -> String {
    const TAG: &str = "[footnoteRef:";
    let mut placed = std::collections::BTreeSet::new();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        let mut rest = line.as_str();
        while let Some(at) = rest.find(TAG) {
            rest = &rest[at + TAG.len()..];
            let id: String = rest.chars().take_while(|c| *c != ']').collect();
            if let Some(body) = notes.get(&id)
                && placed.insert(id.clone())
            {
                let mark = shown.get(&id).map(String::as_str).unwrap_or("");
                let body = body.replace(walk::OWN_MARK, mark);
                out.push_str(&format!(" [{id}: {body}]"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_bodies_go_to_the_line_of_their_first_reference() {
        let notes = [("2".to_string(), format!("{}\t注释。", walk::OWN_MARK))].into();
        let shown = [("2".to_string(), "1".to_string())].into();
        let text = attach_footnotes(
            &[
                "a".into(),
                "国家[footnoteRef:2]1；".into(),
                "再[footnoteRef:2]1".into(),
            ],
            &notes,
            &shown,
        );
        assert_eq!(
            text,
            "a\n国家[footnoteRef:2]1； [2: 1\t注释。]\n再[footnoteRef:2]1"
        );
    }

    /// The parts of a document as the walker lays them out with their
    /// footnote bodies attached.
    fn laid_out(document: &str, footnotes: &str) -> String {
        let w = |body: &str, root: &str| format!(r#"<w:{root} xmlns:w="w">{body}</w:{root}>"#);
        let mut numbering = numbering::Numbering::default();
        let mut ctx = walk::Context::new(Revisions::Accept, &mut numbering);
        let body = walk::walk(&w(document, "document"), &mut ctx).unwrap();
        let notes = walk::walk(&w(footnotes, "footnotes"), &mut ctx).unwrap();
        attach_footnotes(&body.lines, &notes.notes, &ctx.shown)
    }

    #[test]
    fn custom_marks_and_suffixed_auto_marks_are_shown_as_printed() {
        // The history line of WTSA Resolution 1 (2016) and its footnotes,
        // as the ITU's Word file has them: footnote 1 carries a custom mark
        // `1`; footnote 2 is the first auto-numbered one (shown 1) and a
        // `bis` run follows its reference and its own mark. Footnote 3 is
        // referenced a second time by its mark typed in the footnote
        // reference style; a styled number that is no mark shown, plain
        // digits and the mark before the body stay text.
        let document = r#"<w:body><w:p><w:r><w:t>(Hammamet, 2016)</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>1</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">, </w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>bis</w:t></w:r></w:p>
            <w:p><w:r><w:t>chairman</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>2</w:t></w:r><w:r><w:t>, group</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>2</w:t></w:r><w:r><w:t>. 2</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>7</w:t></w:r></w:p></w:body>"#;
        let footnotes = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="1"><w:p><w:r><w:t>1</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:tab/><w:t>Previously published.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>bis</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>This edition.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="3"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>2</w:t></w:r><w:r><w:tab/><w:t>In special cases.</w:t></w:r></w:p></w:footnote>"#;
        assert_eq!(
            laid_out(document, footnotes),
            "(Hammamet, 2016)[footnoteRef:1]1, [footnoteRef:2]1bis [1: 1 \tPreviously published.] [2: 1bis This edition.]\n\
             chairman[footnoteRef:3]2, group[footnoteRef:3]2. 27 [3: 2\tIn special cases.]"
        );
        // Read on, each body is attached to its own mark.
        let src = crate::ingest::SourceText {
            path: "r1.docx".into(),
            text: laid_out(document, footnotes),
            encoding: EncodingReport {
                encoding: "UTF-8".into(),
                bom: false,
                how: EncodingChoice::Docx,
            },
            diagnostics: Vec::new(),
        };
        let n = crate::normalize::normalize_with(&src, &crate::lang::EN);
        let marks: Vec<(String, &str)> = n
            .footnotes
            .iter()
            .map(|f| (f.mark.to_string(), f.text.as_str()))
            .collect();
        assert_eq!(
            marks,
            [
                ("1".into(), "Previously published."),
                ("1bis".into(), "This edition."),
                ("2".into(), "In special cases.")
            ]
        );
    }

    #[test]
    fn containers_that_are_not_word_documents_are_named() {
        let err = |bytes: &[u8]| {
            read("x.docx", bytes, Revisions::Accept)
                .unwrap_err()
                .to_string()
        };
        assert!(err(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0").contains("Word 97-2003"));
        assert!(err(b"%PDF-1.7").contains("PDF"));
        assert!(err(b"PK\x03\x04\x14\0\0").contains("corrupt"));
        assert!(err(b"hello").contains("not a zip"));
    }
}
