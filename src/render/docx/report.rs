//! The edition diff as a Word document with real tracked changes: for each
//! compared resolution a heading with its ITU mark (MOD, (MOD), ADD, SUP,
//! NOC), then its text as paragraphs (header, title, history, assembly
//! line, section headings, one paragraph per clause with its label, annex
//! paragraphs) where what the new edition removed is a deletion (`w:del`)
//! and what it added an insertion (`w:ins`), by author `resdiff`.
//! Accepting every change in Word gives the new text, rejecting every
//! change the old one.
//!
//! The paragraphs are the resolution laid out as a Word export (the layout
//! the reader reads back): the two sides' paragraphs are aligned line by
//! line, a changed paragraph carries a word-level redline, a paragraph of
//! one side only is inserted or deleted whole (its paragraph mark too).
//! Footnotes are real Word footnotes. A clause the diff reports as moved
//! is a deletion where it stood and an insertion where it stands, with a
//! comment saying where it came from.

use super::package::{Package, esc, runs};
use crate::corpus::Corpus;
use crate::diff::inline::inline_diff;
use crate::lang::{Lang, ReportWords};
use crate::model::{
    ChangeKind, DiffReport, InlineTag, Location, Resolution, ResolutionDiff, ResolutionStatus,
};
use crate::render::diff_common::{action_word, display_id, note_text, place_label, verdict_label};
use crate::render::plain::word_lines;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Options of the Word report.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions<'a> {
    /// The old edition, for the text of its resolutions.
    pub old: Option<&'a Corpus>,
    /// The new edition.
    pub new: Option<&'a Corpus>,
    /// Date stamped on every revision (`2024-10-24` or a full
    /// `2024-10-24T09:00:00Z`); none when `None`, so that the same input
    /// gives the same bytes.
    pub date: Option<String>,
    /// Whole resolutions rather than the changed paragraphs with a little
    /// context.
    pub full: bool,
}

/// Paragraphs of context kept around a change when not `full`.
const CONTEXT: usize = 1;

/// Write the report as a `.docx`.
pub fn write_diff_docx<W: Write + ?Sized>(
    out: &mut W,
    report: &DiffReport,
    opts: &DocxOptions,
) -> io::Result<()> {
    let words = Lang::for_tag(&report.lang).report;
    let mut w = Writer::new(opts, words);
    w.heading(
        1,
        &words
            .title
            .replace("{old}", &report.old_name)
            .replace("{new}", &report.new_name),
    );
    let s = report.summary();
    w.note(&format!(
        "ADD {} · SUP {} · MOD {} ((MOD) {}) · NOC {} · {} {}",
        s.added, s.removed, s.modified, s.editorial_only, s.unchanged, words.absent_list, s.absent
    ));
    for n in &report.notes {
        w.note(&note_text(n, words));
    }
    for r in &report.resolutions {
        if r.status == ResolutionStatus::Absent {
            continue;
        }
        w.resolution(r, opts);
    }
    let bytes = super::package::to_bytes(&Package {
        body: w.body,
        footnotes: w.footnotes,
        numbering: String::new(),
        comments: w.comments,
        lang: "zh-CN".into(),
    })?;
    out.write_all(&bytes)
}

/// The resolution a location points at.
fn find<'a>(corpus: Option<&'a Corpus>, at: Option<&Location>) -> Option<&'a Resolution> {
    let (corpus, at) = (corpus?, at?);
    corpus
        .documents
        .iter()
        .filter(|d| d.path == at.file)
        .flat_map(|d| &d.resolutions)
        .find(|r| r.span == at.span)
}

/// Run properties: East Asian text needs an East Asian font named in the
/// run, or Word draws boxes.
fn rpr(text: &str) -> &'static str {
    if text.chars().any(crate::text::is_cjk) {
        r#"<w:rFonts w:eastAsia="SimSun" w:hint="eastAsia"/><w:lang w:eastAsia="zh-CN"/>"#
    } else {
        ""
    }
}

/// A paragraph of the Word export cut into text and footnote references:
/// each reference becomes one placeholder character (from a private-use
/// plane the inputs never hold) so the word diff keeps it whole.
#[derive(Debug, Clone, Default)]
struct Notes {
    /// Placeholder → (shown number, body when this reference carries it).
    refs: BTreeMap<char, (String, Option<String>)>,
    keys: BTreeMap<(String, Option<String>), char>,
    /// Mark printed before each body (`1bis`), by footnote id.
    marks: BTreeMap<String, String>,
}

impl Notes {
    fn placeholder(&mut self, shown: &str, body: Option<&str>) -> char {
        let key = (shown.to_string(), body.map(str::to_string));
        if let Some(c) = self.keys.get(&key) {
            return *c;
        }
        let c = char::from_u32(0xF0000 + self.refs.len() as u32).unwrap_or('\u{F0000}');
        self.keys.insert(key.clone(), c);
        self.refs.insert(c, key);
        c
    }

    /// `label\ttext[footnoteRef:1]1 [1: 1\tbody]` → text with placeholders
    /// (bodies with no reference on the line stay as text).
    fn encode(&mut self, line: &str) -> String {
        let (text, bodies) = split_bodies(line);
        for (id, body) in &bodies {
            let mark = body.split_once('\t').map_or("", |(m, _)| m);
            self.marks.insert(id.clone(), mark.to_string());
        }
        let mut out = String::new();
        let mut rest = text.as_str();
        let mut used = Vec::new();
        while let Some(at) = rest.find("[footnoteRef:") {
            out.push_str(&rest[..at]);
            let tail = &rest[at + "[footnoteRef:".len()..];
            let Some(close) = tail.find(']') else {
                out.push_str(&rest[at..]);
                rest = "";
                break;
            };
            let id = &tail[..close];
            let after = &tail[close + 1..];
            // The mark its body opens with (`1bis`, `*`), else the digits.
            let digits = match self.marks.get(id) {
                Some(m) if !m.is_empty() && after.starts_with(m.as_str()) => m.len(),
                _ => after.bytes().take_while(u8::is_ascii_digit).count(),
            };
            let shown = if digits > 0 { &after[..digits] } else { id };
            let body = bodies
                .iter()
                .find(|(i, _)| i == id && !used.contains(i))
                .map(|(i, b)| {
                    used.push(i.clone());
                    b.as_str()
                });
            out.push(self.placeholder(shown, body));
            rest = &after[digits..];
        }
        out.push_str(rest);
        for (id, body) in &bodies {
            if !used.contains(id) {
                out.push_str(&format!(" [{id}: {body}]"));
            }
        }
        out
    }
}

/// Cut the ` [N: body]` footnote bodies off the end of a Word-export line.
fn split_bodies(line: &str) -> (String, Vec<(String, String)>) {
    let mut bodies = Vec::new();
    let mut text = line.trim_end().to_string();
    while text.ends_with(']') {
        let mut depth = 0i32;
        let mut open = None;
        for (i, c) in text.char_indices().rev() {
            match c {
                ']' => depth += 1,
                '[' => {
                    depth -= 1;
                    if depth == 0 {
                        open = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(open) = open else { break };
        let inner = &text[open + 1..text.len() - 1];
        let Some((id, body)) = inner.split_once(':') else {
            break;
        };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) || !text[..open].ends_with(' ')
        {
            break;
        }
        bodies.insert(0, (id.to_string(), body.trim_start().to_string()));
        text = text[..open].trim_end_matches(' ').to_string();
    }
    (text, bodies)
}

/// How a paragraph of the report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Same,
    Inserted,
    Deleted,
}

/// One paragraph of a resolution: old and new text (placeholders encoded).
#[derive(Debug, Clone)]
struct Row {
    old: Option<String>,
    new: Option<String>,
}

impl Row {
    fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// Align the two sides' paragraphs: equal runs as they are; within a
/// replaced stretch, paragraphs paired by likeness in order (a renumbered
/// clause stays one paragraph with its label changed), the others inserted
/// or deleted whole.
fn align(old: &[String], new: &[String]) -> Vec<Row> {
    use similar::{Algorithm, DiffOp, capture_diff_slices};
    let mut rows = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    rows.push(Row {
                        old: Some(old[old_index + k].clone()),
                        new: Some(new[new_index + k].clone()),
                    });
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for line in &old[old_index..old_index + old_len] {
                    rows.push(Row {
                        old: Some(line.clone()),
                        new: None,
                    });
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for line in &new[new_index..new_index + new_len] {
                    rows.push(Row {
                        old: None,
                        new: Some(line.clone()),
                    });
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => pair_up(
                &old[old_index..old_index + old_len],
                &new[new_index..new_index + new_len],
                &mut rows,
            ),
        }
    }
    rows
}

/// Most pairs of paragraphs compared within one replaced stretch; past it
/// paragraphs are paired by position.
const MAX_PAIRINGS: usize = 10_000;

fn alike(a: &str, b: &str) -> bool {
    let chars = |s: &str| s.chars().collect::<Vec<_>>();
    crate::align::similarity(&chars(a), &chars(b), 0.5).is_some()
}

/// Pair the paragraphs of a replaced stretch: each old paragraph with the
/// next new one like it; new paragraphs skipped over are insertions, old
/// ones without a partner deletions.
fn pair_up(olds: &[String], news: &[String], rows: &mut Vec<Row>) {
    let row = |o: Option<&String>, n: Option<&String>| Row {
        old: o.cloned(),
        new: n.cloned(),
    };
    if olds.len().saturating_mul(news.len()) > MAX_PAIRINGS {
        for k in 0..olds.len().max(news.len()) {
            rows.push(row(olds.get(k), news.get(k)));
        }
        return;
    }
    let mut next = 0;
    for o in olds {
        match (next..news.len()).find(|&k| alike(o, &news[k])) {
            Some(k) => {
                for n in &news[next..k] {
                    rows.push(row(None, Some(n)));
                }
                rows.push(row(Some(o), Some(&news[k])));
                next = k + 1;
            }
            None => rows.push(row(Some(o), None)),
        }
    }
    for n in &news[next..] {
        rows.push(row(None, Some(n)));
    }
}

struct Writer {
    /// Words of the texts' language, for the report's own labels.
    words: &'static ReportWords,
    body: String,
    footnotes: Vec<String>,
    comments: Vec<String>,
    next_id: u32,
    next_note: u32,
    date: Option<String>,
}

impl Writer {
    fn new(opts: &DocxOptions, words: &'static ReportWords) -> Writer {
        let date = opts.date.as_ref().map(|d| {
            if d.len() == 10 {
                format!("{d}T00:00:00Z")
            } else {
                d.clone()
            }
        });
        Writer {
            words,
            body: String::new(),
            footnotes: Vec::new(),
            comments: Vec::new(),
            next_id: 0,
            next_note: 0,
            date,
        }
    }

    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// Attributes of one revision.
    fn rev(&mut self) -> String {
        let id = self.id();
        match &self.date {
            Some(d) => format!(r#"w:id="{id}" w:author="resdiff" w:date="{}""#, esc(d)),
            None => format!(r#"w:id="{id}" w:author="resdiff""#),
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.body.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>{}</w:p>"#,
            runs(text, rpr(text), false)
        ));
    }

    fn note(&mut self, text: &str) {
        self.body.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr>{}</w:p>"#,
            runs(text, rpr(text), false)
        ));
    }

    /// Runs of `text` (placeholders turned into footnote references), as
    /// deleted text when `deleted`.
    fn text_runs(&mut self, text: &str, notes: &Notes, ids: &mut NoteIds, deleted: bool) -> String {
        let mut out = String::new();
        let mut piece = String::new();
        for c in text.chars() {
            let Some((shown, body)) = notes.refs.get(&c) else {
                piece.push(c);
                continue;
            };
            if !piece.is_empty() {
                out.push_str(&runs(&piece, rpr(&piece), deleted));
                piece.clear();
            }
            let id = self.footnote_id(ids, shown, body.as_deref());
            let mark_tag = if deleted { "w:delText" } else { "w:t" };
            out.push_str(&format!(
                r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="{id}"/><{mark_tag}>{}</{mark_tag}></w:r>"#,
                esc(shown)
            ));
        }
        if !piece.is_empty() {
            out.push_str(&runs(&piece, rpr(&piece), deleted));
        }
        out
    }

    /// The Word footnote for a reference: one per body; a reference
    /// without its body points at the last footnote of that number.
    fn footnote_id(&mut self, ids: &mut NoteIds, shown: &str, body: Option<&str>) -> u32 {
        let key = (shown.to_string(), body.map(str::to_string));
        if let Some(id) = ids.by_key.get(&key) {
            return *id;
        }
        if body.is_none()
            && let Some(id) = ids.by_number.get(shown)
        {
            return *id;
        }
        self.next_note += 1;
        let id = self.next_note;
        let text = body.map_or(String::new(), |b| {
            b.split_once('\t').map_or(b, |(_, t)| t).to_string()
        });
        self.footnotes.push(format!(
            r#"<w:footnote w:id="{id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:t>{}</w:t></w:r><w:r><w:tab/></w:r>{}</w:p></w:footnote>"#,
            esc(shown),
            runs(&text, rpr(&text), false)
        ));
        ids.by_key.insert(key, id);
        ids.by_number.insert(shown.to_string(), id);
        id
    }

    /// One paragraph of a resolution.
    fn row(&mut self, row: &Row, notes: &Notes, ids: &mut NoteIds, comment: Option<&str>) {
        let (open_comment, close_comment) = match comment {
            Some(text) => {
                let id = self.id();
                self.comments.push(format!(
                    r#"<w:comment w:id="{id}" w:author="resdiff" w:initials="rd"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{}</w:p></w:comment>"#,
                    runs(text, rpr(text), false)
                ));
                (
                    format!(r#"<w:commentRangeStart w:id="{id}"/>"#),
                    format!(
                        r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
                    ),
                )
            }
            None => (String::new(), String::new()),
        };
        let (mark, inner) = match (&row.old, &row.new) {
            (Some(o), Some(n)) if o == n => (Mark::Same, self.text_runs(n, notes, ids, false)),
            (Some(o), Some(n)) => {
                let mut inner = String::new();
                for op in inline_diff(o, n) {
                    match op.op {
                        InlineTag::Equal => {
                            inner.push_str(&self.text_runs(&op.text, notes, ids, false))
                        }
                        InlineTag::Delete => {
                            let attrs = self.rev();
                            let r = self.text_runs(&op.text, notes, ids, true);
                            inner.push_str(&format!("<w:del {attrs}>{r}</w:del>"));
                        }
                        InlineTag::Insert => {
                            let attrs = self.rev();
                            let r = self.text_runs(&op.text, notes, ids, false);
                            inner.push_str(&format!("<w:ins {attrs}>{r}</w:ins>"));
                        }
                    }
                }
                (Mark::Same, inner)
            }
            (None, Some(n)) => {
                let attrs = self.rev();
                let r = self.text_runs(n, notes, ids, false);
                (Mark::Inserted, format!("<w:ins {attrs}>{r}</w:ins>"))
            }
            (Some(o), None) => {
                let attrs = self.rev();
                let r = self.text_runs(o, notes, ids, true);
                (Mark::Deleted, format!("<w:del {attrs}>{r}</w:del>"))
            }
            (None, None) => (Mark::Same, String::new()),
        };
        let ppr = match mark {
            Mark::Same => String::new(),
            Mark::Inserted => format!("<w:pPr><w:rPr><w:ins {}/></w:rPr></w:pPr>", self.rev()),
            Mark::Deleted => format!("<w:pPr><w:rPr><w:del {}/></w:rPr></w:pPr>", self.rev()),
        };
        self.body.push_str(&format!(
            "<w:p>{ppr}{open_comment}{inner}{close_comment}</w:p>"
        ));
    }

    fn resolution(&mut self, r: &ResolutionDiff, opts: &DocxOptions) {
        let old = find(opts.old, r.old_location.as_ref());
        let new = find(opts.new, r.new_location.as_ref());
        self.heading(
            2,
            &format!("{} {} {}", action_word(r), display_id(r), r.title),
        );
        let mut notes = Notes::default();
        let old_lines: Vec<String> = old
            .map(|x| word_lines(x).iter().map(|l| notes.encode(l)).collect())
            .unwrap_or_default();
        let new_lines: Vec<String> = new
            .map(|x| word_lines(x).iter().map(|l| notes.encode(l)).collect())
            .unwrap_or_default();
        if old.is_none() && new.is_none() {
            self.note(self.words.page.text_unavailable);
            return;
        }
        let rows = align(&old_lines, &new_lines);
        // Moved clauses: where they stand now, a comment says where from.
        let mut moved: Vec<(String, String)> = r
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Moved)
            .filter_map(|c| Some((c.new_text.clone()?, place_label(c, self.words))))
            .collect();
        let shown = visible(&rows, opts.full, old, new);
        let mut ids = NoteIds::default();
        let mut gap = false;
        for (row, show) in rows.iter().zip(&shown) {
            if !show {
                gap = true;
                continue;
            }
            if gap {
                self.note("…");
                gap = false;
            }
            // The paragraph where a moved clause stands now (inserted there,
            // or unchanged when only the heading above it changed).
            let comment = row.new.as_deref().and_then(|n| {
                let k = moved
                    .iter()
                    .position(|(text, _)| !text.is_empty() && n.contains(text.as_str()))?;
                Some(format!(
                    "{}{}{}",
                    self.words.moved,
                    self.words.colon,
                    moved.remove(k).1
                ))
            });
            self.row(row, &notes, &mut ids, comment.as_deref());
        }
        if gap {
            self.note("…");
        }
        if !rows.iter().any(Row::changed) && !opts.full {
            self.note(verdict_label(crate::model::Verdict::Noc, self.words));
        }
    }
}

/// Footnote ids of one resolution.
#[derive(Debug, Default)]
struct NoteIds {
    by_key: BTreeMap<(String, Option<String>), u32>,
    by_number: BTreeMap<String, u32>,
}

/// Which rows to show: all with `full`; otherwise the changed ones, a
/// little context around them, and the section heading each stands under.
fn visible(
    rows: &[Row],
    full: bool,
    old: Option<&Resolution>,
    new: Option<&Resolution>,
) -> Vec<bool> {
    if full {
        return vec![true; rows.len()];
    }
    let headings: Vec<&str> = old
        .into_iter()
        .chain(new)
        .flat_map(|r| r.sections.iter().map(|s| s.heading.as_str()))
        .collect();
    let is_heading = |row: &Row| {
        row.new
            .as_deref()
            .or(row.old.as_deref())
            .is_some_and(|t| headings.contains(&t.trim()))
    };
    let mut show = vec![false; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        if !row.changed() {
            continue;
        }
        let lo = i.saturating_sub(CONTEXT);
        let hi = (i + CONTEXT).min(rows.len().saturating_sub(1));
        for s in show.iter_mut().take(hi + 1).skip(lo) {
            *s = true;
        }
        if let Some(h) = (0..i).rev().find(|&k| is_heading(&rows[k])) {
            show[h] = true;
        }
    }
    show
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_bodies_are_cut_off_and_references_kept_whole() {
        let (text, bodies) =
            split_bodies("国家[footnoteRef:1]1；[本届] [1: 1\t甲[乙]。] [2: 2\t丙。] ");
        assert_eq!(text, "国家[footnoteRef:1]1；[本届]");
        assert_eq!(bodies.len(), 2);
        let mut notes = Notes::default();
        let a = notes.encode("国家[footnoteRef:1]1； [1: 1\t甲。]");
        let b = notes.encode("国家[footnoteRef:1]1； [1: 1\t甲。]");
        assert_eq!(a, b);
        assert_eq!(a.chars().count(), 4);
        let c = notes.encode("国家[footnoteRef:1]1； [1: 1\t乙。]");
        assert_ne!(a, c, "another body is another reference");
    }

    #[test]
    fn marks_are_shown_as_their_bodies_print_them() {
        let mut notes = Notes::default();
        let a = notes
            .encode("(Hammamet, 2016)[footnoteRef:1]1[footnoteRef:6]1bis [1: 1\tA.] [6: 1bis\tB.]");
        let shown: Vec<&str> = a
            .chars()
            .filter_map(|c| notes.refs.get(&c))
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(shown, ["1", "1bis"]);
        assert!(
            a.starts_with("(Hammamet, 2016)") && !a.contains("bis"),
            "{a}"
        );
        // Referenced again on a later line, without its body.
        let b = notes.encode("x[footnoteRef:6]1bis.");
        assert!(!b.contains("bis"), "{b}");
    }

    #[test]
    fn paragraphs_align_in_order() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let rows = align(&s(&["a", "b 1 2 3", "c"]), &s(&["a", "b 1 2 4", "d", "c"]));
        let pairs: Vec<(Option<&str>, Option<&str>)> = rows
            .iter()
            .map(|r| (r.old.as_deref(), r.new.as_deref()))
            .collect();
        assert_eq!(pairs[0], (Some("a"), Some("a")));
        assert!(pairs.contains(&(Some("b 1 2 3"), Some("b 1 2 4"))));
        assert!(pairs.contains(&(None, Some("d"))));
        assert_eq!(pairs.last(), Some(&(Some("c"), Some("c"))));
    }
}
