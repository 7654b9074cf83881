//! The body of a Word document (`word/document.xml`, `word/footnotes.xml`)
//! laid out as a Word text export: one paragraph per line, line breaks as
//! new lines, numbering labels in front, table cells behind a TAB with an
//! empty line after each row, footnote references as `[footnoteRef:ID]N`.
//!
//! Only the text a reader sees counts: field codes, drawings, deleted or
//! inserted text (as `--revisions` says), property changes and content
//! control properties are skipped; hyperlinks, fields, smart tags and
//! content controls give their text.

use super::Revisions;
use super::numbering::Numbering;
use super::xml::{Reader, attr, local, resolve_ref};
use quick_xml::events::Event;
use std::collections::BTreeMap;

/// Stands for the footnote's own mark inside its body until the number the
/// document shows for it is known.
pub(super) const OWN_MARK: char = '\u{E00F}';

/// What walking a part gave.
#[derive(Debug, Default)]
pub(super) struct Walked {
    /// Lines of the export.
    pub lines: Vec<String>,
    /// Tracked revisions met (insertions, deletions, moves, paragraph marks).
    pub revisions: usize,
    /// Drawings, pictures and embedded objects skipped.
    pub images: usize,
    /// Footnote bodies by id (footnotes part only).
    pub notes: BTreeMap<String, String>,
}

/// State shared by the parts of one document.
pub(super) struct Context<'n> {
    pub revisions: Revisions,
    pub numbering: &'n mut Numbering,
    /// Number shown for each auto-numbered footnote, by id.
    pub shown: BTreeMap<String, String>,
    auto_notes: u32,
    /// The footnote id each mark shown so far stands for (the latest one).
    ids_by_mark: BTreeMap<String, String>,
}

impl<'n> Context<'n> {
    pub(super) fn new(revisions: Revisions, numbering: &'n mut Numbering) -> Self {
        Context {
            revisions,
            numbering,
            shown: BTreeMap::new(),
            auto_notes: 0,
            ids_by_mark: BTreeMap::new(),
        }
    }
}

/// Style id Word gives its "footnote reference" character style.
const FOOTNOTE_REFERENCE_STYLE: &str = "FootnoteReference";

/// A run of the body being read: whether it is set in the footnote
/// reference style, and where in its paragraph its text begins.
#[derive(Default)]
struct Run {
    mark_style: bool,
    /// Offset in the paragraph's text where the run's text begins.
    start: usize,
    /// The run holds a footnote reference: offset after it, and the id of a
    /// reference whose custom mark follows it in the run.
    reference: Option<(usize, Option<String>)>,
}

/// Elements whose content is never text a reader sees.
fn skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"instrText"
            | b"delInstrText"
            | b"sdtPr"
            | b"sdtEndPr"
            | b"fldData"
            | b"ffData"
            | b"sectPr"
            | b"tblPr"
            | b"tblGrid"
            | b"tcPr"
            | b"commentRangeStart"
            | b"annotationRef"
            // Markup compatibility: the first choice is read, its fallback
            // (the same content for older readers) is not read twice.
            | b"Fallback"
    ) || name.ends_with(b"Change")
}

#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    /// The paragraph mark is removed (deleted and accepted, or inserted and
    /// rejected): the paragraph runs on into the next one.
    joins_next: bool,
}

/// Walk one part.
pub(super) fn walk(xml: &str, ctx: &mut Context<'_>) -> Result<Walked, String> {
    let mut r = Reader::new(xml);
    let mut out = Walked::default();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    // Depth at which skipping started: everything deeper is ignored.
    let mut skip: Option<usize> = None;
    let mut para: Option<Paragraph> = None;
    // Text of paragraphs whose marks were removed, waiting for the next.
    let mut pending = String::new();
    let mut in_text = false;
    let mut cell_depth = 0usize;
    let mut row_start: Vec<(usize, bool)> = Vec::new();
    let mut note: Option<(String, usize)> = None;
    let mut run: Option<Run> = None;
    while let Some(ev) = r.next()? {
        let empty = r.was_empty();
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = local(e).to_vec();
                if skip.is_some() {
                    if !empty {
                        stack.push(name);
                    }
                    continue;
                }
                let parent = stack.last().map(Vec::as_slice);
                let grand = stack
                    .len()
                    .checked_sub(2)
                    .and_then(|i| stack.get(i))
                    .map(Vec::as_slice);
                let mut skip_this = skipped(&name);
                match name.as_slice() {
                    b"drawing" | b"pict" | b"object" => {
                        out.images += 1;
                        skip_this = true;
                    }
                    b"ins" | b"del" | b"moveTo" | b"moveFrom" => {
                        out.revisions += 1;
                        let removed = matches!(
                            (name.as_slice(), ctx.revisions),
                            (b"ins" | b"moveTo", Revisions::Reject)
                                | (b"del" | b"moveFrom", Revisions::Accept)
                        );
                        match (parent, grand) {
                            (Some(b"rPr"), Some(b"pPr")) => {
                                if removed && let Some(p) = para.as_mut() {
                                    p.joins_next = true;
                                }
                            }
                            (Some(b"trPr"), _) => {
                                if removed && let Some(row) = row_start.last_mut() {
                                    row.1 = true;
                                }
                            }
                            (Some(b"rPr"), _) => {}
                            _ => skip_this |= removed,
                        }
                    }
                    b"p" => {
                        para = Some(Paragraph::default());
                    }
                    b"r" => {
                        run = Some(Run {
                            start: para.as_ref().map_or(0, |p| p.text.len()),
                            ..Run::default()
                        });
                    }
                    b"rStyle" if parent == Some(b"rPr") && grand == Some(b"r") => {
                        if let Some(run) = run.as_mut() {
                            run.mark_style =
                                attr(e, b"val").as_deref() == Some(FOOTNOTE_REFERENCE_STYLE);
                        }
                    }
                    b"pStyle" if parent == Some(b"pPr") => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr(e, b"val");
                        }
                    }
                    b"numId" if parent == Some(b"numPr") => {
                        if let Some(p) = para.as_mut() {
                            p.num_id = attr(e, b"val");
                        }
                    }
                    b"ilvl" if parent == Some(b"numPr") => {
                        if let Some(p) = para.as_mut() {
                            p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"t" | b"delText" if parent == Some(b"r") => in_text = !empty,
                    b"tab" | b"ptab" if parent == Some(b"r") => push(&mut para, "\t"),
                    // Page and column breaks do not end a line of text.
                    b"br" | b"cr"
                        if parent == Some(b"r")
                            && !matches!(attr(e, b"type").as_deref(), Some("page" | "column")) =>
                    {
                        push(&mut para, "\n");
                    }
                    b"noBreakHyphen" => push(&mut para, "-"),
                    b"sym" => {
                        let c = attr(e, b"char")
                            .and_then(|h| u32::from_str_radix(&h, 16).ok())
                            .and_then(char::from_u32)
                            .filter(|c| !matches!(*c as u32, 0xE000..=0xF8FF));
                        if let Some(c) = c {
                            push(&mut para, &c.to_string());
                        }
                    }
                    b"footnoteReference" => {
                        let id = attr(e, b"id").unwrap_or_default();
                        let custom = attr(e, b"customMarkFollows")
                            .is_some_and(|v| v == "1" || v == "true" || v == "on");
                        let shown = if custom {
                            String::new()
                        } else {
                            ctx.auto_notes += 1;
                            ctx.auto_notes.to_string()
                        };
                        ctx.shown.entry(id.clone()).or_insert_with(|| shown.clone());
                        push(&mut para, &format!("[footnoteRef:{id}]{shown}"));
                        if !custom {
                            ctx.ids_by_mark.insert(shown, id.clone());
                        }
                        if let Some(run) = run.as_mut() {
                            let at = para.as_ref().map_or(0, |p| p.text.len());
                            run.reference = Some((at, custom.then_some(id)));
                        }
                    }
                    b"footnoteRef" => push(&mut para, &OWN_MARK.to_string()),
                    b"footnote" => {
                        let kind = attr(e, b"type").unwrap_or_default();
                        if kind.is_empty() || kind == "normal" {
                            note = Some((attr(e, b"id").unwrap_or_default(), out.lines.len()));
                        } else {
                            skip_this = true;
                        }
                    }
                    b"tc" => cell_depth += 1,
                    b"tr" => row_start.push((out.lines.len(), false)),
                    _ => {}
                }
                if empty {
                    // A self-closing element ends here.
                    close(
                        &name,
                        &mut para,
                        &mut pending,
                        &mut out,
                        ctx,
                        &mut cell_depth,
                        &mut row_start,
                        &mut note,
                    );
                    continue;
                }
                stack.push(name);
                if skip_this {
                    skip = Some(stack.len());
                }
            }
            Event::End(_) => {
                let Some(name) = stack.pop() else { continue };
                if let Some(depth) = skip {
                    if stack.len() + 1 == depth {
                        skip = None;
                    }
                    continue;
                }
                if matches!(name.as_slice(), b"t" | b"delText") {
                    in_text = false;
                }
                if name == b"r"
                    && let (Some(run), Some(p)) = (run.take(), para.as_mut())
                    && note.is_none()
                {
                    end_run(run, p, ctx);
                }
                close(
                    &name,
                    &mut para,
                    &mut pending,
                    &mut out,
                    ctx,
                    &mut cell_depth,
                    &mut row_start,
                    &mut note,
                );
            }
            Event::Text(t) if in_text && skip.is_none() => push(&mut para, &t.xml10_content()),
            Event::CData(t) if in_text && skip.is_none() => push(&mut para, &t.into_inner()),
            Event::GeneralRef(g) if in_text && skip.is_none() => {
                if let Some(s) = resolve_ref(&g) {
                    push(&mut para, &s);
                }
            }
            _ => {}
        }
    }
    if !pending.is_empty() {
        out.lines.extend(pending.split('\n').map(str::to_string));
    }
    Ok(out)
}

/// At the end of a run of the document's text: the custom mark that
/// followed a reference in it is noted; a run set in the footnote reference
/// style that holds no reference but the mark of a footnote shown before it
/// (a second reference typed as a styled number) becomes a reference to
/// that footnote.
fn end_run(run: Run, p: &mut Paragraph, ctx: &mut Context<'_>) {
    let text = p.text.get(run.start..).unwrap_or_default();
    match run.reference {
        Some((after, Some(id))) => {
            let mark = p.text.get(after..).unwrap_or_default().trim();
            if !mark.is_empty() {
                ctx.ids_by_mark.insert(mark.to_string(), id);
            }
        }
        Some((_, None)) => {}
        None if run.mark_style => {
            if let Some(id) = ctx.ids_by_mark.get(text.trim()) {
                p.text.insert_str(run.start, &format!("[footnoteRef:{id}]"));
            }
        }
        None => {}
    }
}

fn push(para: &mut Option<Paragraph>, s: &str) {
    if let Some(p) = para.as_mut() {
        p.text.push_str(s);
    }
}

/// What ends with an element: a paragraph is laid out, a row of a removed
/// table row dropped, a footnote body collected.
#[allow(clippy::too_many_arguments)] // the walker's state, kept in locals for the borrow checker
fn close(
    name: &[u8],
    para: &mut Option<Paragraph>,
    pending: &mut String,
    out: &mut Walked,
    ctx: &mut Context<'_>,
    cell_depth: &mut usize,
    row_start: &mut Vec<(usize, bool)>,
    note: &mut Option<(String, usize)>,
) {
    // A cell's end leaves the cell, whatever else closing it does.
    if name == b"tc" {
        *cell_depth = cell_depth.saturating_sub(1);
    }
    let cell_depth = *cell_depth;
    match name {
        b"p" => {
            let Some(p) = para.take() else { return };
            let numbering = match (&p.num_id, &p.style) {
                (Some(id), _) => Some((id.clone(), p.ilvl.unwrap_or(0))),
                (None, Some(style)) => ctx
                    .numbering
                    .style_numbering(style)
                    .map(|(id, l)| (id, p.ilvl.unwrap_or(l))),
                _ => None,
            };
            let label = numbering
                .filter(|(id, _)| id != "0")
                .and_then(|(id, l)| ctx.numbering.next_label(&id, l));
            if let Some(label) = label {
                pending.push_str(&label);
            }
            pending.push_str(&p.text);
            if p.joins_next {
                return;
            }
            let text = std::mem::take(pending);
            for line in text.split('\n') {
                let line = line.trim_end_matches(' ');
                if cell_depth > 0 {
                    out.lines.push(format!("\t{line}"));
                } else {
                    out.lines.push(line.to_string());
                }
            }
        }
        b"tr" => {
            if let Some((start, removed)) = row_start.pop() {
                if removed {
                    out.lines.truncate(start);
                } else {
                    out.lines.push(String::new());
                }
            }
        }
        b"footnote" => {
            if let Some((id, start)) = note.take() {
                let body: Vec<String> = out
                    .lines
                    .drain(start.min(out.lines.len())..)
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect();
                out.notes.insert(id, body.join(" "));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(body: &str, revisions: Revisions) -> Walked {
        let xml = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
        let mut n = Numbering::default();
        let mut ctx = Context::new(revisions, &mut n);
        walk(&xml, &mut ctx).unwrap()
    }

    #[test]
    fn runs_tabs_breaks_and_fields() {
        let w = lines(
            r#"<w:p><w:r><w:t>a)</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">ITU</w:t><w:noBreakHyphen/><w:t>T &amp; </w:t></w:r>
            <w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGEREF x</w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            <w:bookmarkStart w:id="0" w:name="b"/><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>C</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="10"/></w:tabs></w:pPr><w:r><w:t>x</w:t><w:br/><w:t>y</w:t></w:r><w:r><w:drawing><w:t>no</w:t></w:drawing></w:r></w:p>"#,
            Revisions::Accept,
        );
        assert_eq!(w.lines, vec!["a)\tITU-T & link12C", "x", "y"]);
        assert_eq!(w.images, 1);
    }

    const TRACKED: &str = r#"<w:p><w:r><w:t>keep </w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>new</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>old</w:delText></w:r></w:del></w:p>
        <w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:del w:id="4" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>
        <w:p><w:pPr><w:rPr><w:ins w:id="5" w:author="a"/></w:rPr></w:pPr><w:ins w:id="6" w:author="a"><w:r><w:t>added</w:t></w:r></w:ins></w:p>
        <w:p><w:moveFrom w:id="7" w:author="a"><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:r><w:t>end</w:t></w:r><w:moveTo w:id="8" w:author="a"><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>"#;

    #[test]
    fn revisions_accepted_or_rejected() {
        let a = lines(TRACKED, Revisions::Accept);
        assert_eq!(a.lines, vec!["keep new", "added", "endmoved"]);
        assert_eq!(a.revisions, 8);
        let r = lines(TRACKED, Revisions::Reject);
        assert_eq!(r.lines, vec!["keep old", "gone", "movedend"]);
    }

    #[test]
    fn tables_are_cells_behind_a_tab_and_rows_end_with_an_empty_line() {
        let w = lines(
            r#"<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>修订版</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            Revisions::Accept,
        );
        assert_eq!(w.lines, vec!["\t修订版", "\t2", ""]);
    }

    #[test]
    fn alternate_content_is_read_once() {
        let w = lines(
            r#"<w:p><w:r><w:t>a</w:t></w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="w14"><w:r><w:t>b</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>b</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"#,
            Revisions::Accept,
        );
        assert_eq!(w.lines, vec!["ab"]);
    }

    #[test]
    fn footnote_references_are_numbered_in_order() {
        let w = lines(
            r#"<w:p><w:r><w:t>a</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="6"/><w:t>*</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>"#,
            Revisions::Accept,
        );
        assert_eq!(
            w.lines,
            vec!["a[footnoteRef:5]1[footnoteRef:6]*[footnoteRef:7]2"]
        );
    }
}
