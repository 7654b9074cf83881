//! A compared resolution in full in the HTML report (`--full`): its text in
//! document order, unchanged paragraphs between the changes, one part per
//! section or annex.

use super::Page;
use crate::lang::Lang;
use crate::model::{Change, ChangeUnit};
use crate::render::diff_common::same_as_change;
use crate::render::diff_full::{Piece, pieces, sides};
use crate::render::html::{push_escaped, zh};

impl Page<'_> {
    /// Whether resolution `i` is shown in full.
    pub(super) fn shown_in_full(&self, i: usize) -> bool {
        let r = &self.report.resolutions[i];
        r.verdict.shown_in_full(true) && self.opts.full.is_some_and(|eds| sides(r, &eds).is_some())
    }

    /// Resolution `i` in full, when asked for and both sides are found;
    /// whether it was written.
    pub(super) fn full_resolution(&mut self, i: usize) -> bool {
        let report = self.report;
        let r = &report.resolutions[i];
        let Some(eds) = self.opts.full.filter(|_| r.verdict.shown_in_full(true)) else {
            return false;
        };
        let Some((old, new)) = sides(r, &eds) else {
            return false;
        };
        let anchor = self.anchors[i].clone();
        let lang = Lang::for_tag(&report.lang);
        // Changes keep the ids the compact report gives them.
        let id_of = |c: &Change| {
            let at = |list: &[Change]| list.iter().position(|x| std::ptr::eq(x, c));
            at(&r.header_changes)
                .map(|k| format!("{anchor}-h{k}"))
                .or_else(|| at(&r.changes).map(|k| format!("{anchor}-c{k}")))
                .unwrap_or_default()
        };
        let mut open: Option<(ChangeUnit, String)> = None;
        for p in pieces(r, old, new, lang) {
            let header = matches!(
                p.unit(),
                ChangeUnit::Header | ChangeUnit::Title | ChangeUnit::History | ChangeUnit::Assembly
            );
            let part = if header {
                (ChangeUnit::Header, String::new())
            } else if p.unit() == ChangeUnit::Footnote {
                (ChangeUnit::Footnote, String::new())
            } else {
                (ChangeUnit::Clause, p.section().to_string())
            };
            if open.as_ref() != Some(&part) {
                if open.is_some() {
                    self.buf.push_str("</section>\n");
                }
                match part.0 {
                    ChangeUnit::Header => {
                        self.buf
                            .push_str("<section class=\"part header-changes\"><h3>");
                        push_escaped(&mut self.buf, self.p.header);
                        self.buf.push_str("</h3>\n");
                    }
                    ChangeUnit::Footnote => {
                        self.buf.push_str("<section class=\"part\">\n<h3>");
                        push_escaped(&mut self.buf, self.p.footnotes);
                        self.buf.push_str("</h3>\n");
                    }
                    _ => {
                        self.buf.push_str("<section class=\"part\">\n<h3>");
                        zh(&mut self.buf, &part.1);
                        self.buf.push_str("</h3>\n");
                    }
                }
                open = Some(part);
            }
            match p {
                Piece::Change(c) => self.change(i, &id_of(c), c),
                // The part's title is the heading itself.
                Piece::Same(s) if s.unit == ChangeUnit::Heading => {}
                Piece::Same(s) => {
                    let c = same_as_change(&s);
                    self.buf
                        .push_str("<div class=\"same\">\n<p class=\"change-head\">");
                    self.place(&c);
                    self.lines(&c);
                    self.buf
                        .push_str("</p>\n<p class=\"text\" lang=\"zh-Hans\">");
                    push_escaped(&mut self.buf, s.text);
                    self.buf.push_str("</p>\n</div>\n");
                    self.change_findings(i, &c);
                }
            }
        }
        if open.is_some() {
            self.buf.push_str("</section>\n");
        }
        true
    }
}
