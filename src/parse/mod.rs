//! Parse: paragraphs → [`Document`]: resolutions, sections, clauses,
//! annexes and footnotes, plus the stretches that are not resolution text.

use crate::ingest::SourceText;
use crate::lang::{Lang, punct};
use crate::model::{
    Action, Diagnostic, Document, DocumentClass, Footnote, History, LanguageReport, OtherBlock,
    OtherBlockKind, Resolution, ResolutionKind, Severity, Span, Text,
};
use crate::normalize::{FootnoteBody, Normalized, Para, is_marker};
use std::borrow::Cow;
use std::collections::BTreeMap;

pub(crate) mod annex;
pub(crate) mod body;
pub(crate) mod continuation;
pub(crate) mod header;
pub(crate) mod labels;
pub use labels::read_label;
pub(crate) mod notes;
pub mod report;

use header::{HeaderLine, is_assembly_line, is_history_start, read_header};
use notes::{take_notes, without_notes};

/// Options of the parse stage.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Language tables to use: for every file when `detect` is off, for a
    /// file without letters to tell its language otherwise.
    pub lang: &'static Lang,
    /// Detect the language of each file from its text.
    pub detect: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            lang: &crate::lang::ZH,
            detect: true,
        }
    }
}

/// The language tables for `src`, and how they were chosen.
pub fn choose_lang(src: &SourceText, opts: &ParseOptions) -> (&'static Lang, &'static str) {
    if !opts.detect {
        return (opts.lang, "forced");
    }
    match crate::lang::detect(&src.text) {
        Some(l) => (l, "detected"),
        None => (opts.lang, "default"),
    }
}

/// How far after a header line its history or assembly line may stand; a
/// header line without one nearby is a citation, not a resolution.
const HEADER_CONFIRM_WINDOW: usize = 6;

/// Where a resolution starts.
struct Start {
    /// First paragraph (the marker, or the header when there is none).
    first: usize,
    /// The header paragraph.
    header: usize,
    action: Option<Action>,
}

/// Parse a normalized file into a document.
pub fn parse_document(src: &SourceText, norm: &Normalized, opts: &ParseOptions) -> Document {
    let (lang, how) = choose_lang(src, opts);
    let starts = find_starts(&norm.paras, lang);
    parse_inner(src, Cow::Borrowed(norm), (lang, how), starts)
}

/// [`parse_document`] for a caller that gives up the decoded file and its
/// paragraphs, with the language already chosen by [`choose_lang`]: each
/// paragraph's text is released once the resolution holding it is built,
/// and the decoded text before parsing unless `keep_text` or a summary
/// report (a file without resolutions) needs it, so that the file's text is
/// not held several times over. Hands back the decoded text when
/// `keep_text`.
pub fn parse_owned(
    mut src: SourceText,
    norm: Normalized,
    chosen: (&'static Lang, &'static str),
    keep_text: bool,
) -> (Document, Option<String>) {
    let starts = find_starts(&norm.paras, chosen.0);
    if !keep_text && !starts.is_empty() {
        src.text = String::new();
    }
    let doc = parse_inner(&src, Cow::Owned(norm), chosen, starts);
    (doc, keep_text.then_some(src.text))
}

/// The parse proper. `src.text` is read only when `starts` is empty (to
/// tell a summary report); the texts of an owned `norm` are released as
/// they are used.
fn parse_inner(
    src: &SourceText,
    mut norm: Cow<'_, Normalized>,
    (lang, how): (&'static Lang, &'static str),
    starts: Vec<Start>,
) -> Document {
    let mut diagnostics = src.diagnostics.clone();
    diagnostics.extend(norm.diagnostics.iter().cloned());
    // Read before the paragraphs' texts are released.
    let unread = unread_headers(&norm.paras, &starts, lang);
    let mut resolutions = Vec::with_capacity(starts.len());
    let mut other_blocks = Vec::new();
    // Resolutions without a history line (where their warning goes, line,
    // id) and how many have one.
    let mut lacking_history = Vec::new();
    let mut histories = 0;
    if let Some(first) = starts.first()
        && first.first > 0
    {
        other_blocks.push(other_block(
            OtherBlockKind::FrontMatter,
            &norm.paras[..first.first],
        ));
    }
    for (k, start) in starts.iter().enumerate() {
        let paras = &norm.paras;
        let end = starts.get(k + 1).map_or(paras.len(), |s| s.first);
        let region = &paras[start.first..end];
        // Non-resolution tables after the last text of a resolution.
        let cut = region
            .iter()
            .position(|p| other_block_kind(&p.text, lang).is_some())
            .unwrap_or(region.len());
        let (own, rest) = region.split_at(cut);
        other_blocks.extend(split_other_blocks(rest, lang));
        // Footnote bodies sit between paragraphs, possibly after the last
        // one: a resolution owns those up to where the next text begins.
        let first_line = own.first().map_or(0, |p| p.span.first_line);
        let end_line = rest
            .first()
            .or_else(|| paras.get(end))
            .map_or(u32::MAX, |p| p.span.first_line);
        let footnotes: Vec<FootnoteBody> = norm
            .footnotes
            .iter()
            .filter(|f| f.span.first_line >= first_line && f.span.first_line < end_line)
            .cloned()
            .collect();
        // An owned paragraph's text moves into the resolution's working
        // copy (it is released below anyway); a borrowed one is copied.
        let own_len = own.len();
        let own: Vec<Para> = match &mut norm {
            Cow::Owned(n) => n.paras[start.first..start.first + own_len]
                .iter_mut()
                .map(|p| Para {
                    text: std::mem::take(&mut p.text),
                    ..*p
                })
                .collect(),
            Cow::Borrowed(n) => n.paras[start.first..start.first + own_len].to_vec(),
        };
        let (res, lacks_history, diags) = build_resolution(own, start, &footnotes, lang);
        if lacks_history {
            lacking_history.push((
                diagnostics.len(),
                res.header.span.first_line,
                res.id.clone(),
            ));
        }
        histories += usize::from(res.history.is_some());
        diagnostics.extend(diags);
        resolutions.push(res);
        if let Cow::Owned(n) = &mut norm {
            for p in n.paras.get_mut(start.first..end).unwrap_or_default() {
                p.text = String::new();
            }
        }
    }
    for (at, d) in history_warnings(&lacking_history, histories)
        .into_iter()
        .rev()
    {
        diagnostics.insert(at, d);
    }
    diagnostics.extend(duplicate_ids(&resolutions));
    let class = if !resolutions.is_empty() {
        DocumentClass::ResolutionText
    } else if report::looks_like_report(&src.text, lang) {
        DocumentClass::SummaryReport
    } else {
        DocumentClass::Other
    };
    let report =
        (class == DocumentClass::SummaryReport).then(|| report::parse_report(&src.text, lang));
    diagnostics.extend(unread);
    if starts.is_empty() && !norm.paras.is_empty() && class == DocumentClass::Other {
        other_blocks.push(other_block(
            OtherBlockKind::TextWithoutResolutions,
            &norm.paras,
        ));
    }
    Document {
        path: src.path.clone(),
        class,
        encoding: src.encoding.clone(),
        layout: norm.layout,
        language: LanguageReport {
            tag: lang.tag.to_string(),
            how: how.to_string(),
        },
        resolutions,
        other_blocks,
        report,
        diagnostics,
    }
}

/// Warnings for resolutions without a history line, each with the index
/// in the file's diagnostics where it belongs. Where some resolutions of the
/// file have one, every one that lacks it is warned about; where none has
/// one, the file's format has no history lines (the Final Acts of a
/// Plenipotentiary Conference print none), and one warning says so instead
/// of one per resolution.
fn history_warnings(
    lacking: &[(usize, u32, String)],
    histories: usize,
) -> Vec<(usize, Diagnostic)> {
    let warning = |line, message| Diagnostic {
        severity: Severity::Warning,
        line,
        message,
    };
    match lacking {
        [(at, line, _), _, ..] if histories == 0 => vec![(
            *at,
            warning(
                *line,
                format!(
                    "none of the {} resolutions of this file has a history line",
                    lacking.len()
                ),
            ),
        )],
        _ => lacking
            .iter()
            .map(|(at, line, id)| {
                (
                    *at,
                    warning(*line, format!("resolution {id} lacks a history line")),
                )
            })
            .collect(),
    }
}

/// A warning for every resolution whose id an earlier one of the file
/// already carries: both are kept, but an edition cannot be compared with
/// two texts under one id (the diff refuses it, naming both places).
fn duplicate_ids(resolutions: &[Resolution]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, u32> = BTreeMap::new();
    let mut out = Vec::new();
    for r in resolutions.iter().filter(|r| !r.id.is_empty()) {
        let line = r.header.span.first_line;
        match first.get(r.id.as_str()) {
            Some(at) => out.push(Diagnostic {
                severity: Severity::Warning,
                line,
                message: format!(
                    "resolution {} appears twice in the file (first at line {at}); both are kept",
                    r.id
                ),
            }),
            None => {
                first.insert(&r.id, line);
            }
        }
    }
    out
}

/// A warning for every paragraph that reads like a resolution header but
/// does not start a resolution: typed wrongly (`第2號決議`, a five-digit
/// number), or without the history or assembly line that confirms it. Its
/// text stays where it is (in the resolution before it, or among the
/// other blocks), so the reader must be told.
fn unread_headers(paras: &[Para], starts: &[Start], lang: &Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut k = 0;
    for (i, p) in paras.iter().enumerate() {
        while k < starts.len() && starts[k].header < i {
            k += 1;
        }
        if starts.get(k).is_some_and(|s| s.header == i) {
            continue;
        }
        let text = without_notes(&p.text);
        let message = match read_header(&text, lang, false) {
            // A bare `第2号决议` is a citation standing alone (a table cell).
            Some(h) if h.edition.is_some() => format!(
                "`{}` reads like a resolution header, but no history or assembly line follows it; not read as a resolution",
                text.trim()
            ),
            Some(_) => continue,
            None if header::looks_like_header(&text, lang) => format!(
                "`{}` looks like a resolution header but does not read as one (number sign, word, id or bracket); not read as a resolution",
                text.trim()
            ),
            None => continue,
        };
        out.push(Diagnostic {
            severity: Severity::Warning,
            line: p.span.first_line,
            message,
        });
    }
    out
}

fn other_block(kind: OtherBlockKind, paras: &[Para]) -> OtherBlock {
    let span = Span::new(
        paras.first().map_or(0, |p| p.span.first_line),
        paras.last().map_or(0, |p| p.span.last_line),
    );
    OtherBlock {
        kind,
        paragraphs: paras
            .iter()
            .map(|p| {
                let (text, notes) = take_notes(&p.text);
                Text {
                    text,
                    notes,
                    span: p.span,
                }
            })
            .collect(),
        span,
    }
}

/// Cut non-resolution material at each table header of a new kind.
fn split_other_blocks(paras: &[Para], lang: &Lang) -> Vec<OtherBlock> {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut kind = paras
        .first()
        .and_then(|p| other_block_kind(&p.text, lang))
        .unwrap_or(OtherBlockKind::OtherText);
    for (i, p) in paras.iter().enumerate().skip(1) {
        if let Some(k) = other_block_kind(&p.text, lang)
            && k != kind
        {
            blocks.push(other_block(kind, &paras[start..i]));
            start = i;
            kind = k;
        }
    }
    if start < paras.len() {
        blocks.push(other_block(kind, &paras[start..]));
    }
    blocks
}

/// A table header that opens non-resolution material (`编号 行动`).
fn other_block_kind(text: &str, lang: &Lang) -> Option<OtherBlockKind> {
    // Table headers are a few short words: skip the split for anything else.
    if text.len() > 64 || !text.contains(char::is_whitespace) {
        return None;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    lang.other_block_openers
        .iter()
        .find(|(words, _)| tokens == *words)
        .map(|(_, kind)| *kind)
}

fn header_of(p: &Para, lang: &Lang, allow_recommendation: bool) -> Option<HeaderLine> {
    read_header(&without_notes(&p.text), lang, allow_recommendation)
}

/// Find where resolutions start: a MOD/ADD/SUP marker followed by a header,
/// or a header line followed shortly by a history or assembly line.
fn find_starts(paras: &[Para], lang: &Lang) -> Vec<Start> {
    let mut starts = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let t = paras[i].text.trim();
        if is_marker(t)
            && let Some(next) = paras.get(i + 1)
            && header_of(next, lang, true).is_some()
        {
            let action = match t {
                "ADD" => Action::Add,
                "SUP" => Action::Sup,
                _ => Action::Mod,
            };
            starts.push(Start {
                first: i,
                header: i + 1,
                action: Some(action),
            });
            i += 2;
            continue;
        }
        if recommendation_start(paras, i, lang) {
            starts.push(Start {
                first: i,
                header: i,
                action: None,
            });
            i += 1;
            continue;
        }
        if header_of(&paras[i], lang, false).is_some() {
            let confirmed = paras
                .iter()
                .skip(i + 1)
                .take(HEADER_CONFIRM_WINDOW)
                .any(|p| {
                    let c = without_notes(&p.text);
                    is_history_start(&c) || is_assembly_line(&c, lang)
                });
            if confirmed {
                starts.push(Start {
                    first: i,
                    header: i,
                    action: None,
                });
            }
        }
        i += 1;
    }
    starts
}

/// A Recommendation header without a marker (a published collection has
/// none): `ITU-T A.25建议书` alone in its paragraph, followed by a title,
/// not standing in a list of such lines.
fn recommendation_start(paras: &[Para], i: usize, lang: &Lang) -> bool {
    let is_rec = |p: &Para| {
        header_of(p, lang, true).is_some_and(|h| h.kind == ResolutionKind::Recommendation)
    };
    if !is_rec(&paras[i]) || (i > 0 && is_rec(&paras[i - 1])) {
        return false;
    }
    paras.get(i + 1).is_some_and(|next| {
        let t = without_notes(&next.text);
        !is_rec(next)
            && !is_marker(&t)
            && labels::read_label(&t, lang).is_none()
            && body::read_heading(&t, lang).is_none()
            && read_header(&t, lang, false).is_none()
    })
}

/// The warning for a resolution without any operative section; a file
/// that continues it withdraws it (see [`continuation`]).
pub(crate) fn cut_short_message(id: &str, lang: &Lang) -> String {
    format!(
        "resolution {id} ends before any operative section ({}): the text may be cut short",
        lang.operative_examples
    )
}

fn text(p: &Para) -> Text {
    let (text, notes) = take_notes(&p.text);
    Text {
        text: text.trim().to_string(),
        notes,
        span: p.span,
    }
}

/// Whether a paragraph ends a history line: with its closing bracket, or
/// with the bracket and footnote marks the reader left as text (`(Hammamet,
/// 2016)1, 1bis`).
fn closes_history(text: &str) -> bool {
    let mut t = text.trim_end();
    loop {
        let before = t;
        t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c.is_whitespace());
        t = t.strip_suffix(punct::BIS).unwrap_or(t);
        if t == before {
            break;
        }
    }
    t.ends_with(punct::CLOSE_PARENS)
}

/// Join paragraphs into one text: CJK with nothing between, words of a
/// spaced language with a space.
fn join_texts(parts: &[Para], lang: &Lang) -> Text {
    let mut out = Text {
        text: String::new(),
        notes: Vec::new(),
        span: parts.first().map_or(Span::default(), |p| p.span),
    };
    for p in parts {
        let t = text(p);
        if lang.spaced && !out.text.is_empty() && !t.text.is_empty() {
            out.text.push(' ');
        }
        out.text.push_str(&t.text);
        out.notes.extend(t.notes);
        out.span = out.span.cover(t.span);
    }
    out
}

/// Build one resolution from its paragraphs (`paras[0]` is the marker or
/// the header).
fn build_resolution(
    mut paras: Vec<Para>,
    start: &Start,
    footnotes: &[FootnoteBody],
    lang: &Lang,
) -> (Resolution, bool, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // Most resolutions have no footnotes whose references to mark.
    if !footnotes.is_empty() {
        notes::mark_glued_references(&mut paras, footnotes, lang, &mut diags);
    }
    let h = start.header - start.first;
    let header_para = &paras[h];
    let head = header_of(header_para, lang, true).unwrap_or(HeaderLine {
        id: String::new(),
        number: None,
        kind: ResolutionKind::Resolution,
        edition: None,
    });
    let mut i = h + 1;
    let is_rec = head.kind == ResolutionKind::Recommendation;
    // Title: up to the history line (or, for a Recommendation, one line).
    let title_start = i;
    while i < paras.len() {
        let c = without_notes(&paras[i].text);
        if is_history_start(&c)
            || is_assembly_line(&c, lang)
            || (i > title_start
                && (is_rec
                    || labels::read_label(&c, lang).is_some()
                    || body::read_heading(&c, lang).is_some()))
            || i - title_start >= 4
        {
            break;
        }
        i += 1;
    }
    let title = join_texts(&paras[title_start..i], lang);
    if title.text.is_empty() {
        diags.push(Diagnostic {
            severity: Severity::Warning,
            line: header_para.span.last_line,
            message: format!("resolution {} has no title", head.id),
        });
    }
    // History: from `（YYYY年…` to the paragraph that closes the bracket.
    let mut history = None;
    if !is_rec && i < paras.len() && is_history_start(&without_notes(&paras[i].text)) {
        let hs = i;
        while i < paras.len() {
            let c = without_notes(&paras[i].text);
            i += 1;
            if closes_history(&c) || i - hs >= 4 {
                break;
            }
        }
        let t = join_texts(&paras[hs..i], lang);
        history = Some(History {
            items: header::read_history_items(&t.text, lang),
            text: t.text,
            notes: t.notes,
            span: t.span,
        });
    }
    let mut assembly = None;
    if i < paras.len() && is_assembly_line(&without_notes(&paras[i].text), lang) {
        assembly = Some(text(&paras[i]));
        i += 1;
    }
    // A missing history line is judged against the whole file (see
    // `history_warnings`); a missing assembly line is always odd.
    let lacks_history = !is_rec && history.is_none();
    if !is_rec && assembly.is_none() {
        diags.push(Diagnostic {
            severity: Severity::Warning,
            line: header_para.span.first_line,
            message: format!("resolution {} lacks an assembly line", head.id),
        });
    }
    // Body, then annexes (each announced by its heading, with the caption
    // just above it).
    let rest = &paras[i..];
    let annex_at: Vec<usize> = rest
        .iter()
        .enumerate()
        .filter(|(_, p)| annex::is_annex_heading(&without_notes(&p.text), lang))
        .map(|(k, _)| k)
        .collect();
    let caption_before =
        |k: usize| k > 0 && annex::is_annex_caption(&without_notes(&rest[k - 1].text), lang);
    let body_end = annex_at
        .first()
        .map_or(rest.len(), |&k| if caption_before(k) { k - 1 } else { k });
    let mut sp = body::SectionParser::new(lang);
    for p in &rest[..body_end] {
        // A second assembly line means a resolution header above it was not
        // recognised: its text is kept here, but the reader must know.
        if is_assembly_line(&without_notes(&p.text), lang) {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                line: p.span.first_line,
                message: format!(
                    "an assembly line inside resolution {}: the header of another resolution above it may not have been recognised",
                    head.id
                ),
            });
        }
        sp.push(p);
    }
    let (sections, sdiags) = sp.finish();
    diags.extend(sdiags);
    if !is_rec && sections.first().is_some_and(|s| s.heading.is_empty()) {
        diags.push(Diagnostic {
            severity: Severity::Warning,
            line: sections[0].span.first_line,
            message: format!(
                "resolution {}: text before the first section heading",
                head.id
            ),
        });
    }
    let mut annexes = Vec::new();
    for (n, &k) in annex_at.iter().enumerate() {
        let next =
            annex_at.get(n + 1).map_or(
                rest.len(),
                |&k2| {
                    if caption_before(k2) { k2 - 1 } else { k2 }
                },
            );
        let caption = caption_before(k).then(|| &rest[k - 1]);
        annexes.push(annex::build_annex(
            caption,
            &rest[k],
            &rest[k + 1..next],
            lang,
        ));
    }
    let refs = notes::reference_lines(&paras);
    let footnotes = footnotes
        .iter()
        .map(|f| Footnote {
            mark: f.mark.clone(),
            text: f.text.clone(),
            referenced_at: refs
                .iter()
                .filter(|(n, _)| *n == f.mark)
                .map(|(_, l)| *l)
                .collect(),
            span: f.span,
        })
        .collect::<Vec<_>>();
    let mut span = Span::new(
        paras.first().map_or(0, |p| p.span.first_line),
        paras.last().map_or(0, |p| p.span.last_line),
    );
    for f in &footnotes {
        span = span.cover(f.span);
    }
    // A resolution without any operative section (resolves, instructs …) is a
    // text cut short: a truncated file, or a page lost in the conversion.
    if !is_rec
        && start.action != Some(Action::Sup)
        && !sections.iter().any(|s| s.kind.is_operative())
    {
        diags.push(Diagnostic {
            severity: Severity::Warning,
            line: span.last_line,
            message: cut_short_message(&head.id, lang),
        });
    }
    let res = Resolution {
        id: head.id,
        number: head.number,
        action: start.action,
        kind: head.kind,
        header: text(header_para),
        edition: head.edition,
        title,
        history,
        assembly,
        sections,
        annexes,
        footnotes,
        span,
    };
    (res, lacks_history, diags)
}
