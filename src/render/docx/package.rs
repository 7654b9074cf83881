//! The parts every Word document needs around its body — content types,
//! relationships, styles, settings, and the footnotes, numbering and
//! comments parts when there are any — zipped with `zip` into a `.docx`
//! that Word and LibreOffice open without a repair prompt.
//!
//! Entries carry a fixed timestamp so that the same input gives the same
//! bytes.

use std::io::{self, Cursor, Write};
use zip::write::SimpleFileOptions;

/// The WordprocessingML namespace declarations used by every part.
pub const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
);

/// What goes into a package.
#[derive(Debug, Clone, Default)]
pub struct Package {
    /// Paragraphs and tables of the body (the section properties are added).
    pub body: String,
    /// `<w:footnote>` elements of ordinary footnotes (ids from 1).
    pub footnotes: Vec<String>,
    /// `<w:abstractNum>` and `<w:num>` elements; empty for no numbering part.
    pub numbering: String,
    /// `<w:comment>` elements; empty for no comments part.
    pub comments: Vec<String>,
    /// Language of the text (`zh-CN`, `en-GB`).
    pub lang: String,
}

/// Escape text for XML content or attribute values, dropping the control
/// characters XML 1.0 cannot hold.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Runs for `text` with run properties `rpr` (may be empty): TABs become
/// `w:tab`, line ends `w:br`. `deleted` writes `w:delText`.
pub fn runs(text: &str, rpr: &str, deleted: bool) -> String {
    let tag = if deleted { "w:delText" } else { "w:t" };
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        out.push_str("<w:r>");
        if !rpr.is_empty() {
            out.push_str(&format!("<w:rPr>{rpr}</w:rPr>"));
        }
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                out.push_str(&format!(
                    r#"<{tag} xml:space="preserve">{}</{tag}>"#,
                    esc(piece)
                ));
            }
        }
        out.push_str("</w:r>");
    }
    out
}

const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

fn styles(lang: &str) -> String {
    // East Asian text needs an East Asian font named in the runs' fonts, or
    // Word draws boxes; the defaults carry it for every run.
    format!(
        r#"{XML_HEAD}
<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman" w:hint="eastAsia"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="120" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:color w:val="595959"/><w:sz w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style></w:styles>"#
    )
}

fn settings(with_notes: bool) -> String {
    let notes = if with_notes {
        r#"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#
    } else {
        ""
    };
    format!(
        r#"{XML_HEAD}
<w:settings {NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/>{notes}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

const SECT: &str = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>"#;

/// Zip the package into `.docx` bytes.
pub fn to_bytes(p: &Package) -> io::Result<Vec<u8>> {
    let lang = if p.lang.is_empty() { "zh-CN" } else { &p.lang };
    let with_notes = !p.footnotes.is_empty();
    let with_numbering = !p.numbering.is_empty();
    let with_comments = !p.comments.is_empty();
    let mut types = String::from(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    );
    let mut rels = String::from(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    );
    let mut parts: Vec<(&str, String)> = Vec::new();
    if with_notes {
        types.push_str(r#"<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>"#);
        parts.push((
            "word/footnotes.xml",
            format!(
                r#"{XML_HEAD}
<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{}</w:footnotes>"#,
                p.footnotes.concat()
            ),
        ));
    }
    if with_numbering {
        types.push_str(r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#);
        parts.push((
            "word/numbering.xml",
            format!(
                "{XML_HEAD}\n<w:numbering {NS}>{}</w:numbering>",
                p.numbering
            ),
        ));
    }
    if with_comments {
        types.push_str(r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#);
        parts.push((
            "word/comments.xml",
            format!(
                "{XML_HEAD}\n<w:comments {NS}>{}</w:comments>",
                p.comments.concat()
            ),
        ));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let document = format!(
        "{XML_HEAD}\n<w:document {NS}><w:body>{}{SECT}</w:body></w:document>",
        p.body
    );
    let mut all: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", format!("{XML_HEAD}\n{types}")),
        (
            "_rels/.rels",
            format!(
                r#"{XML_HEAD}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
        ),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            format!("{XML_HEAD}\n{rels}"),
        ),
        ("word/styles.xml", styles(lang)),
        ("word/settings.xml", settings(with_notes)),
    ];
    all.extend(parts);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, content) in all {
        zip.start_file(name, opts).map_err(io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_escape_text_and_keep_tabs_and_breaks() {
        assert_eq!(
            runs("a<b\tc\nd", "", false),
            r#"<w:r><w:t xml:space="preserve">a&lt;b</w:t><w:tab/><w:t xml:space="preserve">c</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">d</w:t></w:r>"#
        );
        assert!(runs("x", "<w:b/>", true).contains("<w:rPr><w:b/></w:rPr><w:delText"));
        assert_eq!(esc("\u{1}&\""), "&amp;&quot;");
    }

    #[test]
    fn the_same_package_gives_the_same_bytes() {
        let p = Package {
            body: format!("<w:p>{}</w:p>", runs("中文", "", false)),
            ..Package::default()
        };
        assert_eq!(to_bytes(&p).unwrap(), to_bytes(&p).unwrap());
    }
}
