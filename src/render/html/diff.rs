//! The edition diff as an HTML change report: summary and resolution table,
//! then per resolution its header changes and its changed sections, each
//! change as an ITU-style redline (inline, or old | new side by side), with
//! review findings beside the clause they concern.

use super::finding_index::FindingIndex;
use super::{close_page, escape, fill, open_page, push_escaped, slug, zh};
use crate::corpus::Corpus;
use crate::lang::{Lang, PageWords, ReportWords};
use crate::model::{
    Change, ChangeUnit, Clause, DiffReport, Finding, FindingSeverity, InlineTag, Resolution,
    ResolutionDiff, ResolutionStatus, Span,
};
use crate::render::diff_common::{
    action_word, counted, display_id, kind_label, kind_word, lines_label, match_label, note_text,
    resolution_name, verdict_label,
};
use crate::render::diff_full::Editions;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Changes above which a resolution starts a new page when printed.
const LONG_ON_PAPER: usize = 12;

/// End of the frame [`Page::running_head`] opens.
const RUNNING_TAIL: &str = "</td></tr></tbody></table>\n";

/// What the diff report shows besides the report itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffHtmlOptions<'a> {
    /// Review findings, shown beside the clause they concern.
    pub findings: Option<&'a [Finding]>,
    /// The new edition, to list each changed resolution's unchanged clauses
    /// (collapsed) around its changes; without it only changes are shown.
    pub new_edition: Option<&'a Corpus>,
    /// Both editions, to show each compared resolution in full (`--full`):
    /// unchanged paragraphs in place between the changes.
    pub full: Option<Editions<'a>>,
}

/// Write the change report as one self-contained HTML page; `findings`
/// (from `resdiff review`) are shown beside the clauses they concern.
pub fn write_diff_html<W: Write>(
    out: &mut W,
    report: &DiffReport,
    findings: Option<&[Finding]>,
) -> io::Result<()> {
    let opts = DiffHtmlOptions {
        findings,
        ..DiffHtmlOptions::default()
    };
    write_diff_html_with(out, report, &opts)
}

/// [`write_diff_html`] with every option.
pub fn write_diff_html_with<W: Write>(
    out: &mut W,
    report: &DiffReport,
    opts: &DiffHtmlOptions,
) -> io::Result<()> {
    let mut page = Page::new(report, opts);
    page.render();
    // Text of the editions is tagged as Chinese while the page is built;
    // the texts of another language get their own tag, so the browser picks
    // the fonts and line breaking of the texts' script.
    let tag = crate::lang::Lang::for_tag(&report.lang).tag;
    if tag == super::TEXT_LANG_TAG {
        out.write_all(page.buf.as_bytes())
    } else {
        let from = format!("lang=\"{}\"", super::TEXT_LANG_TAG);
        let to = format!("lang=\"{tag}\"");
        out.write_all(page.buf.replace(&from, &to).as_bytes())
    }
}

struct Page<'a> {
    report: &'a DiffReport,
    /// The language of the texts, which the page speaks.
    lang: &'static Lang,
    w: &'static ReportWords,
    p: &'static PageWords,
    opts: &'a DiffHtmlOptions<'a>,
    /// Fragment id of each resolution, in report order.
    anchors: Vec<String>,
    /// Findings already placed, by index, so that the rest can be listed.
    placed: BTreeSet<usize>,
    /// The findings by resolution and location.
    index: FindingIndex<'a>,
    buf: String,
}

impl<'a> Page<'a> {
    fn new(report: &'a DiffReport, opts: &'a DiffHtmlOptions<'a>) -> Self {
        let mut seen = BTreeSet::new();
        let anchors = report
            .resolutions
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let a = format!("res-{}", slug(&r.id));
                if seen.insert(a.clone()) {
                    a
                } else {
                    format!("{a}-{i}")
                }
            })
            .collect();
        let lang = Lang::for_tag(&report.lang);
        Page {
            report,
            lang,
            w: lang.report,
            p: &lang.report.page,
            opts,
            anchors,
            placed: BTreeSet::new(),
            index: FindingIndex::new(opts.findings.unwrap_or_default()),
            buf: String::with_capacity(64 * 1024),
        }
    }

    fn render(&mut self) {
        let (w, report) = (self.w, self.report);
        let title = w
            .title
            .replace("{old}", &report.old_name)
            .replace("{new}", &report.new_name);
        open_page(&mut self.buf, &title, self.lang);
        self.toolbar();
        self.buf.push_str("<main id=\"report\" data-view=\"inline\" data-hide-editorial=\"false\">\n<header class=\"page-head\">\n");
        let edition = |name: &str| format!("<span class=\"edition\">{}</span>", escape(name));
        let _ = writeln!(
            self.buf,
            "<h1>{}</h1>",
            fill(
                w.title,
                &[
                    ("{old}", &edition(&report.old_name)),
                    ("{new}", &edition(&report.new_name))
                ]
            )
        );
        for n in &report.notes {
            let _ = writeln!(
                self.buf,
                "<p class=\"note\">{}{}{}</p>",
                escape(w.note),
                escape(w.colon),
                escape(&note_text(n, w))
            );
        }
        for (hidden, words) in [
            (report.editorial_hidden, w.editorial_hidden),
            (report.renumbering_hidden, w.renumbering_hidden),
        ] {
            if hidden {
                let _ = writeln!(self.buf, "<p class=\"note\">{}</p>", escape(words));
            }
        }
        self.buf.push_str("</header>\n");
        self.summary();
        let mut quiet = Vec::new();
        for i in 0..self.report.resolutions.len() {
            let r = &self.report.resolutions[i];
            match r.status {
                ResolutionStatus::Unchanged if !self.shown_in_full(i) => quiet.push(i),
                ResolutionStatus::Absent => {}
                _ => self.resolution(i),
            }
        }
        self.unchanged_resolutions(&quiet);
        self.unplaced_findings();
        self.buf.push_str("</main>\n");
        close_page(&mut self.buf, true);
    }

    fn toolbar(&mut self) {
        let p = self.p;
        let [ins, del, editorial] = p.legend_items.map(escape);
        let _ = write!(
            self.buf,
            concat!(
                "<nav class=\"toolbar\" aria-label=\"{}\">\n",
                "<div role=\"group\" aria-label=\"{}\">",
                "<button type=\"button\" id=\"view-inline\" data-view-button=\"inline\" aria-pressed=\"true\">{}</button>",
                "<button type=\"button\" id=\"view-side\" data-view-button=\"side\" aria-pressed=\"false\">{}</button>",
                "</div>\n",
                "<button type=\"button\" id=\"toggle-editorial\" aria-pressed=\"false\">{}</button>\n",
                "<p class=\"legend\">{}{} <span class=\"ins\">{ins}</span> ",
                "<span class=\"del\">{del}</span> <span class=\"editorial-sample\">{editorial}</span></p>\n",
                "</nav>\n"
            ),
            escape(p.view_options),
            escape(p.redline_layout),
            escape(p.layouts[0]),
            escape(p.layouts[1]),
            escape(p.hide_editorial),
            escape(p.legend),
            escape(self.w.colon.trim_end()),
            ins = ins,
            del = del,
            editorial = editorial,
        );
    }

    fn summary(&mut self) {
        let (w, p) = (self.w, self.p);
        let s = self.report.summary();
        let _ = writeln!(
            self.buf,
            "<section class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">{}</h2>",
            escape(w.summary)
        );
        let _ = writeln!(
            self.buf,
            "<h3>{}</h3>\n<dl class=\"counts\" id=\"resolution-counts\">",
            escape(p.resolutions)
        );
        let ids = [
            ("added", "ADD", s.added),
            ("removed", "SUP", s.removed),
            ("modified", "MOD", s.modified),
            ("editorial-only", "(MOD)", s.editorial_only),
            ("unchanged", "NOC", s.unchanged),
            ("absent", "—", s.absent),
        ];
        for ((id, word, n), what) in ids.into_iter().zip(p.resolution_counts) {
            let _ = writeln!(
                self.buf,
                "<div><dt><abbr class=\"action\">{word}</abbr> {}</dt><dd id=\"count-{id}\">{n}</dd></div>",
                escape(what)
            );
        }
        let _ = writeln!(
            self.buf,
            "</dl>\n<h3>{}</h3>\n<dl class=\"counts\" id=\"change-counts\">",
            escape(p.changes)
        );
        let rows = [
            ("added", w.added, s.changes_added),
            ("removed", w.removed, s.changes_removed),
            ("modified", w.modified, s.changes_modified),
            ("moved", w.moved, s.changes_moved),
            ("renumbered", w.renumbered, s.changes_renumbered),
            ("editorial", w.editorial, s.changes_editorial),
        ];
        for (id, what, n) in rows {
            let _ = writeln!(
                self.buf,
                "<div><dt>{}</dt><dd id=\"count-changes-{id}\">{n}</dd></div>",
                escape(what)
            );
        }
        self.buf.push_str("</dl>\n");
        if let Some(f) = self.opts.findings {
            let (e, warn, i) = crate::review::counts(f);
            let by_severity = [e, warn, i]
                .iter()
                .zip(w.severity_counts)
                .map(|(&n, forms)| counted(forms, n))
                .collect::<Vec<_>>()
                .join(w.separator);
            let (open, close) = w.parens;
            let _ = writeln!(
                self.buf,
                "<p class=\"finding-counts\">{}{}<span id=\"count-findings\">{}</span>{}</p>",
                escape(p.review_findings),
                escape(w.colon),
                f.len(),
                escape(&format!(
                    "{open}{by_severity}{close}{}",
                    w.full_stop.trim_end()
                ))
            );
        }
        self.table();
        let absent: Vec<String> = self
            .report
            .resolutions
            .iter()
            .filter(|r| r.status == ResolutionStatus::Absent)
            .map(display_id)
            .collect();
        if !absent.is_empty() {
            let _ = writeln!(
                self.buf,
                "<p class=\"absent\">{}{}{}</p>",
                escape(self.w.not_compared),
                escape(self.w.colon),
                escape(&absent.join(self.w.separator))
            );
        }
        self.buf.push_str("</section>\n");
    }

    fn table(&mut self) {
        let listed: Vec<usize> = (0..self.report.resolutions.len())
            .filter(|&i| self.report.resolutions[i].status != ResolutionStatus::Absent)
            .collect();
        if listed.is_empty() {
            return;
        }
        let (w, p) = (self.w, self.p);
        let _ = writeln!(
            self.buf,
            "<table class=\"resolutions\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            escape(p.compared),
            escape(w.col_resolution),
            escape(p.col_status),
            escape(w.col_title),
            escape(p.col_changes)
        );
        for i in listed {
            let r = &self.report.resolutions[i];
            let action = action_word(r);
            let _ = write!(
                self.buf,
                "<tr class=\"status-{}\"><th scope=\"row\"><a href=\"#{}\">{}</a></th><td><abbr class=\"action\" title=\"{}\">{}</abbr></td><td>",
                status_class(r),
                self.anchors[i],
                escape(&display_id(r)),
                escape(verdict_label(r.verdict, w)),
                escape(action)
            );
            zh(&mut self.buf, &r.title);
            let _ = writeln!(
                self.buf,
                "</td><td class=\"num\">{}</td></tr>",
                r.header_changes.len() + r.changes.len()
            );
        }
        self.buf.push_str("</tbody>\n</table>\n");
    }

    fn resolution_heading(&mut self, i: usize, level: u8) {
        let r = &self.report.resolutions[i];
        let anchor = &self.anchors[i];
        let _ = write!(
            self.buf,
            "<h{level} id=\"{anchor}-h\"><abbr class=\"action\" title=\"{}\">{}</abbr> {} ",
            escape(verdict_label(r.verdict, self.w)),
            escape(action_word(r)),
            escape(&resolution_name(r, self.w))
        );
        zh(&mut self.buf, &r.title);
        let _ = writeln!(self.buf, "</h{level}>");
    }

    fn resolution(&mut self, i: usize) {
        let r = &self.report.resolutions[i];
        let anchor = self.anchors[i].clone();
        // On paper a resolution with many changes starts a page; short ones
        // flow on from the previous one.
        let long = if r.header_changes.len() + r.changes.len() > LONG_ON_PAPER {
            " long"
        } else {
            ""
        };
        let _ = writeln!(
            self.buf,
            "<article class=\"resolution status-{}{long}\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\">",
            status_class(r)
        );
        self.running_head(i);
        self.resolution_heading(i, 2);
        self.meta(r);
        let whole = match r.status {
            ResolutionStatus::Added => Some(self.p.added_whole),
            ResolutionStatus::Removed => Some(self.p.removed_whole),
            _ => None,
        };
        if let Some(whole) = whole {
            let _ = writeln!(self.buf, "<p class=\"whole\">{}</p>", escape(whole));
        }
        self.resolution_findings(i);
        if self.full_resolution(i) {
            self.buf.push_str(RUNNING_TAIL);
            self.buf.push_str("</article>\n");
            return;
        }
        if !r.header_changes.is_empty() {
            let _ = writeln!(
                self.buf,
                "<section class=\"part header-changes\"><h3>{}</h3>",
                escape(self.p.header)
            );
            for (k, c) in r.header_changes.iter().enumerate() {
                self.change(i, &format!("{anchor}-h{k}"), c);
            }
            self.buf.push_str("</section>\n");
        }
        let new_res = self.new_resolution(r);
        let containers = new_res.map(containers).unwrap_or_default();
        // Clauses of the new text that a change shows; the others of a
        // changed section are listed collapsed after its changes.
        let changed: BTreeSet<Span> = r.changes.iter().filter_map(|c| c.new_span).collect();
        let mut used = BTreeSet::new();
        let mut k = 0;
        while k < r.changes.len() {
            let section = &r.changes[k].section;
            let end = r.changes[k..]
                .iter()
                .position(|c| &c.section != section)
                .map_or(r.changes.len(), |n| k + n);
            self.buf.push_str("<section class=\"part\">\n<h3>");
            match r.changes[k].unit {
                ChangeUnit::Footnote => push_escaped(&mut self.buf, self.p.footnotes),
                _ => zh(&mut self.buf, section),
            }
            self.buf.push_str("</h3>\n");
            for (n, c) in r.changes[k..end].iter().enumerate() {
                self.change(i, &format!("{anchor}-c{}", k + n), c);
            }
            if let Some(ci) = containers
                .iter()
                .position(|c| &c.name == section && !used.contains(&c.name))
            {
                used.insert(containers[ci].name.clone());
                let rest: Vec<&Clause> = containers[ci]
                    .clauses
                    .iter()
                    .copied()
                    .filter(|c| !changed.contains(&c.span))
                    .collect();
                unchanged_clauses(&mut self.buf, &rest, self.p);
            }
            self.buf.push_str("</section>\n");
            k = end;
        }
        let untouched: Vec<&Container> = containers
            .iter()
            .filter(|c| !used.contains(&c.name))
            .collect();
        if !untouched.is_empty() && r.status == ResolutionStatus::Modified {
            let _ = writeln!(
                self.buf,
                "<details class=\"unchanged-sections\"><summary>{}</summary>",
                escape(&counted(self.p.unchanged_sections, untouched.len()))
            );
            for c in untouched {
                self.buf.push_str("<h4>");
                zh(&mut self.buf, &c.name);
                self.buf.push_str("</h4>\n");
                clause_list(&mut self.buf, &c.clauses);
            }
            self.buf.push_str("</details>\n");
        }
        self.buf.push_str(RUNNING_TAIL);
        self.buf.push_str("</article>\n");
    }

    /// Open resolution `i`'s frame for paper: a one-cell table whose
    /// header row (its mark, id and title) Chromium repeats at the top of
    /// every printed page the resolution runs over. CSS paged media's
    /// running elements would say this directly, but Chromium does not
    /// print them. On screen the frame is laid out as plain blocks and the
    /// header row is not shown. Closed by [`RUNNING_TAIL`].
    fn running_head(&mut self, i: usize) {
        let r = &self.report.resolutions[i];
        let _ = write!(
            self.buf,
            "<table class=\"frame\" role=\"presentation\"><thead aria-hidden=\"true\"><tr><td class=\"running\">{} {} ",
            escape(action_word(r)),
            escape(&display_id(r))
        );
        zh(&mut self.buf, &r.title);
        self.buf
            .push_str("</td></tr></thead>\n<tbody><tr><td class=\"frame-body\">\n");
    }

    fn meta(&mut self, r: &ResolutionDiff) {
        let w = self.w;
        let (colon, stop) = (escape(w.colon), escape(w.full_stop));
        let mut parts = Vec::new();
        if let Some(m) = &r.match_how {
            parts.push(format!(
                "{}{colon}{}",
                escape(w.matched),
                escape(&match_label(m, w))
            ));
        }
        for (side, l) in self
            .p
            .editions
            .iter()
            .zip([&r.old_location, &r.new_location])
        {
            if let Some(l) = l {
                parts.push(format!(
                    "{}{colon}<code>{}</code>",
                    escape(side),
                    escape(&l.to_string())
                ));
            }
        }
        let mut meta = parts.join(&stop);
        if !meta.is_empty() {
            meta.push_str(stop.trim_end());
        }
        let _ = writeln!(self.buf, "<p class=\"meta\">{meta}</p>");
    }

    /// The new edition's text of a resolution, found by its location.
    fn new_resolution(&self, r: &ResolutionDiff) -> Option<&'a Resolution> {
        let corpus = self.opts.new_edition?;
        let at = r.new_location.as_ref()?;
        corpus
            .documents
            .iter()
            .filter(|d| d.path == at.file)
            .flat_map(|d| &d.resolutions)
            .find(|x| x.span.first_line == at.line)
    }

    fn change(&mut self, res: usize, id: &str, c: &Change) {
        let mut class = format!("change kind-{}", kind_word(c));
        if c.editorial {
            class.push_str(" editorial");
        }
        let _ = writeln!(self.buf, "<div class=\"{class}\" id=\"{id}\">");
        self.buf
            .push_str("<div class=\"change-main\">\n<p class=\"change-head\">");
        self.place(c);
        let _ = write!(
            self.buf,
            " <span class=\"kind\">{}</span>",
            escape(kind_label(c, self.w))
        );
        if c.editorial {
            let _ = write!(
                self.buf,
                " <span class=\"tag-editorial\">{}</span>",
                escape(self.w.editorial)
            );
        }
        self.lines(c);
        self.buf.push_str("</p>\n");
        self.change_body(c);
        self.buf.push_str("</div>\n");
        self.change_findings(res, c);
        self.buf.push_str("</div>\n");
    }

    /// Where the change is, old and new labels both shown when they differ.
    fn place(&mut self, c: &Change) {
        let (w, p) = (self.w, self.p);
        let unit = match c.unit {
            ChangeUnit::Header => Some(w.units[0]),
            ChangeUnit::Title => Some(w.units[1]),
            ChangeUnit::History => Some(w.units[2]),
            ChangeUnit::Assembly => Some(w.units[3]),
            ChangeUnit::Heading => Some(w.units[4]),
            ChangeUnit::Intro => Some(w.units[5]),
            ChangeUnit::AnnexTitle if c.new_label.is_none() && c.old_label.is_none() => {
                Some(p.annex)
            }
            _ => None,
        };
        if let Some(u) = unit {
            let _ = write!(self.buf, "<span class=\"place\">{}</span>", escape(u));
            return;
        }
        let prefix = if c.unit == ChangeUnit::Footnote {
            escape(&format!("{} ", w.units[6]))
        } else {
            String::new()
        };
        let [was, now] = p.was_now.map(escape);
        let old = c.old_label.as_deref();
        let new = c.new_label.as_deref();
        let moved_section = c.old_section.as_deref();
        match (old, new) {
            (Some(o), Some(n)) if o != n || moved_section.is_some() => {
                self.buf
                    .push_str("<span class=\"place\"><span class=\"old-label\">");
                let _ = write!(
                    self.buf,
                    "<span class=\"visually-hidden\">{was}</span>{prefix}"
                );
                if let Some(s) = moved_section {
                    zh(&mut self.buf, s);
                    self.buf.push(' ');
                }
                zh(&mut self.buf, o);
                let _ = write!(
                    self.buf,
                    "</span> <span aria-hidden=\"true\">→</span> <span class=\"new-label\"><span class=\"visually-hidden\">{now}</span>",
                );
                if moved_section.is_some() {
                    zh(&mut self.buf, &c.section);
                    self.buf.push(' ');
                }
                self.buf.push_str(&prefix);
                zh(&mut self.buf, n);
                self.buf.push_str("</span></span>");
            }
            (o, n) => {
                let _ = write!(self.buf, "<span class=\"place\">{prefix}");
                zh(&mut self.buf, n.or(o).unwrap_or(""));
                self.buf.push_str("</span>");
            }
        }
    }

    fn lines(&mut self, c: &Change) {
        let text = lines_label(c, self.w);
        if !text.is_empty() {
            let _ = write!(self.buf, " <span class=\"lines\">{}</span>", escape(&text));
        }
    }

    fn change_body(&mut self, c: &Change) {
        if !c.inline.is_empty() {
            // Inline redline: the one place `<ins>`/`<del>` stand for
            // inline operations.
            self.buf
                .push_str("<p class=\"redline text\" lang=\"zh-Hans\">");
            for op in &c.inline {
                match op.op {
                    InlineTag::Equal => push_escaped(&mut self.buf, &op.text),
                    InlineTag::Delete => {
                        self.buf.push_str("<del>");
                        push_escaped(&mut self.buf, &op.text);
                        self.buf.push_str("</del>");
                    }
                    InlineTag::Insert => {
                        self.buf.push_str("<ins>");
                        push_escaped(&mut self.buf, &op.text);
                        self.buf.push_str("</ins>");
                    }
                }
            }
            self.buf.push_str("</p>\n");
            // Side by side: old | new, the same marks as plain spans so the
            // page holds one `<ins>`/`<del>` per inline operation.
            let _ = write!(
                self.buf,
                "<div class=\"sbs\" hidden>\n<div class=\"side old\"><p class=\"side-head\">{}</p><p class=\"text\" lang=\"zh-Hans\">",
                escape(self.p.editions[0])
            );
            for op in &c.inline {
                match op.op {
                    InlineTag::Equal => push_escaped(&mut self.buf, &op.text),
                    InlineTag::Delete => {
                        self.buf.push_str("<span class=\"del\">");
                        push_escaped(&mut self.buf, &op.text);
                        self.buf.push_str("</span>");
                    }
                    InlineTag::Insert => {}
                }
            }
            let _ = write!(
                self.buf,
                "</p></div>\n<div class=\"side new\"><p class=\"side-head\">{}</p><p class=\"text\" lang=\"zh-Hans\">",
                escape(self.p.editions[1])
            );
            for op in &c.inline {
                match op.op {
                    InlineTag::Equal => push_escaped(&mut self.buf, &op.text),
                    InlineTag::Insert => {
                        self.buf.push_str("<span class=\"ins\">");
                        push_escaped(&mut self.buf, &op.text);
                        self.buf.push_str("</span>");
                    }
                    InlineTag::Delete => {}
                }
            }
            self.buf.push_str("</p></div>\n</div>\n");
            return;
        }
        match (&c.old_text, &c.new_text) {
            // Moved or renumbered with the same text: shown to recognise it.
            (Some(_), Some(n)) => {
                self.buf
                    .push_str("<p class=\"text same\" lang=\"zh-Hans\">");
                push_escaped(&mut self.buf, n);
                self.buf.push_str("</p>\n");
            }
            (Some(o), None) => {
                self.buf
                    .push_str("<p class=\"text whole-del\" lang=\"zh-Hans\"><del>");
                push_escaped(&mut self.buf, o);
                self.buf.push_str("</del></p>\n");
            }
            (None, Some(n)) => {
                self.buf
                    .push_str("<p class=\"text whole-ins\" lang=\"zh-Hans\"><ins>");
                push_escaped(&mut self.buf, n);
                self.buf.push_str("</ins></p>\n");
            }
            (None, None) => {}
        }
    }

    /// Findings of resolution `res` on the lines of change `c`.
    fn change_findings(&mut self, res: usize, c: &Change) {
        let Some(all) = self.opts.findings else {
            return;
        };
        let r = &self.report.resolutions[res];
        let sides = [
            (r.new_location.as_ref(), c.new_span),
            (r.old_location.as_ref(), c.old_span),
        ];
        let mut hits = Vec::new();
        for (loc, span) in sides {
            if let (Some(l), Some(s)) = (loc, span) {
                self.index.on(r, &l.file, s, &mut hits);
            }
        }
        hits.sort_unstable();
        hits.dedup();
        hits.retain(|k| !self.placed.contains(k));
        if hits.is_empty() {
            return;
        }
        let _ = writeln!(
            self.buf,
            "<aside class=\"findings\" aria-label=\"{}\">",
            escape(self.p.finding_places[0])
        );
        for k in hits {
            self.placed.insert(k);
            finding(&mut self.buf, &all[k], self.w);
        }
        self.buf.push_str("</aside>\n");
    }

    /// Findings of resolution `res` on no changed text: listed under its
    /// heading. Called before its changes, so it first works out which
    /// findings the changes will take.
    fn resolution_findings(&mut self, res: usize) {
        let Some(all) = self.opts.findings else {
            return;
        };
        let r = &self.report.resolutions[res];
        let mut on_change = Vec::new();
        for c in r.header_changes.iter().chain(&r.changes) {
            for (loc, span) in [
                (r.new_location.as_ref(), c.new_span),
                (r.old_location.as_ref(), c.old_span),
            ] {
                if let (Some(l), Some(s)) = (loc, span) {
                    self.index.on(r, &l.file, s, &mut on_change);
                }
            }
        }
        on_change.sort_unstable();
        on_change.dedup();
        let rest: Vec<usize> = self
            .index
            .of(r)
            .into_iter()
            .filter(|k| !self.placed.contains(k) && on_change.binary_search(k).is_err())
            .collect();
        if rest.is_empty() {
            return;
        }
        let _ = writeln!(
            self.buf,
            "<aside class=\"findings resolution-findings\" aria-label=\"{}\">\n<p class=\"side-head\">{}</p>",
            escape(self.p.finding_places[1]),
            escape(self.p.finding_places[2])
        );
        for k in rest {
            self.placed.insert(k);
            finding(&mut self.buf, &all[k], self.w);
        }
        self.buf.push_str("</aside>\n");
    }

    fn unchanged_resolutions(&mut self, quiet: &[usize]) {
        if quiet.is_empty() {
            return;
        }
        let _ = writeln!(
            self.buf,
            "<section class=\"noc\" aria-labelledby=\"noc-h\">\n<h2 id=\"noc-h\">{}</h2>\n<details><summary>{}</summary>\n<ul>",
            escape(self.p.unchanged_heading),
            escape(&counted(self.p.unchanged_resolutions, quiet.len()))
        );
        for &i in quiet {
            let r = &self.report.resolutions[i];
            let _ = write!(
                self.buf,
                "<li id=\"{}\">{} ",
                self.anchors[i],
                escape(&resolution_name(r, self.w))
            );
            zh(&mut self.buf, &r.title);
            self.buf.push_str("</li>\n");
        }
        self.buf.push_str("</ul>\n</details>\n");
        for &i in quiet {
            self.resolution_findings(i);
        }
        self.buf.push_str("</section>\n");
    }

    fn unplaced_findings(&mut self) {
        let Some(all) = self.opts.findings else {
            return;
        };
        let rest: Vec<&Finding> = all
            .iter()
            .enumerate()
            .filter(|(k, _)| !self.placed.contains(k))
            .map(|(_, f)| f)
            .collect();
        if rest.is_empty() {
            return;
        }
        let _ = writeln!(
            self.buf,
            "<section class=\"other-findings\" aria-labelledby=\"other-findings-h\">\n<h2 id=\"other-findings-h\">{}</h2>",
            escape(self.p.finding_places[3])
        );
        for f in rest {
            finding(&mut self.buf, f, self.w);
        }
        self.buf.push_str("</section>\n");
    }
}

/// A section or annex of the new text with its clauses in reading order.
struct Container<'a> {
    name: String,
    clauses: Vec<&'a Clause>,
}

fn containers(r: &Resolution) -> Vec<Container<'_>> {
    let mut out = Vec::new();
    for s in &r.sections {
        let clauses = s.clauses.iter().flat_map(Clause::descendants).collect();
        let name = if s.heading.trim().is_empty() {
            s.kind_name()
        } else {
            s.heading.clone()
        };
        out.push(Container { name, clauses });
    }
    for a in &r.annexes {
        let clauses = a.paragraphs.iter().flat_map(Clause::descendants).collect();
        out.push(Container {
            name: a.name.clone(),
            clauses,
        });
    }
    out
}

fn clause_list(buf: &mut String, clauses: &[&Clause]) {
    buf.push_str("<ul class=\"clauses\">\n");
    for c in clauses {
        buf.push_str("<li><span class=\"label\">");
        if let Some(l) = &c.label {
            zh(buf, &l.raw);
        }
        buf.push_str("</span> <span class=\"text\" lang=\"zh-Hans\">");
        push_escaped(buf, &c.text);
        buf.push_str("</span></li>\n");
    }
    buf.push_str("</ul>\n");
}

fn unchanged_clauses(buf: &mut String, clauses: &[&Clause], p: &PageWords) {
    if clauses.is_empty() {
        return;
    }
    let _ = writeln!(
        buf,
        "<details class=\"unchanged\"><summary>{}</summary>",
        escape(&counted(p.unchanged_clauses, clauses.len()))
    );
    clause_list(buf, clauses);
    buf.push_str("</details>\n");
}

/// One finding: severity (word and colour), rule, place, message, quote.
pub(super) fn finding(buf: &mut String, f: &Finding, w: &ReportWords) {
    let sev = f.severity.as_str();
    let _ = write!(
        buf,
        "<div class=\"finding sev-{sev}\"><p class=\"finding-head\"><span class=\"severity\">{}</span> <code class=\"rule\">{}</code> <code class=\"loc\">{}:{}</code></p>\n<p class=\"message\">",
        escape(severity_word(f, w)),
        escape(&f.rule),
        escape(&f.file),
        f.line
    );
    push_escaped(buf, &w.messages.text(&f.message));
    buf.push_str("</p>\n");
    if !f.diff.is_empty() {
        // Marked with spans, not `<ins>`/`<del>`: these are differences
        // between a text and the summary report, not edits.
        buf.push_str("<p class=\"quote\" lang=\"zh-Hans\">");
        for d in &f.diff {
            match d.op {
                crate::model::InlineTag::Equal => push_escaped(buf, &d.text),
                crate::model::InlineTag::Delete => {
                    let _ = write!(
                        buf,
                        "<span class=\"del\" title=\"{}\">",
                        escape(w.page.finding_sides[2])
                    );
                    push_escaped(buf, &d.text);
                    buf.push_str("</span>");
                }
                crate::model::InlineTag::Insert => {
                    let _ = write!(
                        buf,
                        "<span class=\"ins\" title=\"{}\">",
                        escape(w.page.finding_sides[3])
                    );
                    push_escaped(buf, &d.text);
                    buf.push_str("</span>");
                }
            }
        }
        buf.push_str("</p>\n");
    } else if let Some(x) = &f.excerpt {
        buf.push_str("<p class=\"quote\" lang=\"zh-Hans\">");
        push_escaped(buf, &x.before);
        buf.push_str("<mark>");
        push_escaped(buf, &x.marked);
        buf.push_str("</mark>");
        push_escaped(buf, &x.after);
        buf.push_str("</p>\n");
    }
    let words = w;
    if let Some(fix) = &f.suggestion {
        let _ = write!(
            buf,
            "<p class=\"suggestion\"><span class=\"lead\">{}</span> <ins lang=\"zh-Hans\">",
            escape(words.review_suggestion)
        );
        push_escaped(buf, fix);
        buf.push_str("</ins></p>\n");
    }
    if !f.also.is_empty() {
        buf.push_str("<ul class=\"also\">");
        for a in &f.also {
            let _ = write!(
                buf,
                "<li>{} <code class=\"rule\">{}</code> ",
                escape(words.review_also),
                escape(&a.rule)
            );
            push_escaped(buf, &words.messages.text(&a.message));
            buf.push_str("</li>");
        }
        buf.push_str("</ul>\n");
    }
    if !f.related.is_empty() {
        buf.push_str("<ul class=\"related\">");
        for r in &f.related {
            let _ = write!(
                buf,
                "<li>{} <code>{}:{}</code>{}{}{}</li>",
                escape(w.review_see),
                escape(&r.file),
                r.line,
                escape(w.parens.0),
                escape(w.messages.place(r.place)),
                escape(w.parens.1)
            );
        }
        buf.push_str("</ul>\n");
    }
    buf.push_str("</div>\n");
}

/// Whether a finding is about this resolution (its id or an alias).
fn status_class(r: &ResolutionDiff) -> &'static str {
    match r.status {
        ResolutionStatus::Added => "add",
        ResolutionStatus::Removed => "sup",
        ResolutionStatus::Modified if r.editorial_only() => "mod-editorial",
        ResolutionStatus::Modified => "mod",
        ResolutionStatus::Unchanged => "noc",
        ResolutionStatus::Absent => "absent",
    }
}

/// A finding's severity in the words of the texts' language.
pub(super) fn severity_word(f: &Finding, w: &ReportWords) -> &'static str {
    match f.severity {
        FindingSeverity::Error => w.severities[0],
        FindingSeverity::Warning => w.severities[1],
        FindingSeverity::Info => w.severities[2],
    }
}

mod full;
#[cfg(test)]
mod tests;
