//! Review findings in words: one [`MessageWords`] per language (Chinese in
//! `messages_zh.rs`, English in `messages_en.rs`), and the wording of a
//! [`Message`] and a [`RelatedPlace`] from it. A template's placeholders are
//! named after the fields of the message (`{number}`, `{id}`, `{written}`).

use crate::model::{HistoryProblem, Message, QuotedPart, RelatedPlace, ReportList, YearPlace};

/// The review's messages in one language: a template per
/// [`Message`] variant (one-and-several or with-and-without pairs where the
/// wording depends on a value), and the words they are built from.
#[derive(Debug)]
pub struct MessageWords {
    /// An assembly as the texts write it, with the revised mark when asked.
    pub edition: fn(&YearPlace, bool) -> String,
    /// Joiner of a short list (`、`, `, `).
    pub joiner: &'static str,
    /// Joiner of the lists in [`MessageWords::in_several_lists`].
    pub lists_joiner: &'static str,
    /// The report's lists: new, revised, suppressed.
    pub lists: [&'static str; 3],
    /// Related places: previous edition, first copy, full text, the
    /// report's lists of new, revised and suppressed resolutions, its
    /// status table, an excerpt of it.
    pub places: [&'static str; 8],
    /// What is wrong with a history item: separator, empty item, no year,
    /// no year suffix, malformed year, year without a place.
    pub history_problems: [&'static str; 6],
    /// What an excerpt quotes: a section heading, a clause.
    pub quoted_parts: [&'static str; 2],
    /// See [`Message::Duplicate`].
    pub duplicate: &'static str,
    /// See [`Message::HeaderEdition`].
    pub header_edition: &'static str,
    /// See [`Message::AddMarkedRevised`].
    pub add_marked_revised: &'static str,
    /// See [`Message::ModNotMarkedRevised`].
    pub mod_not_marked_revised: &'static str,
    /// See [`Message::HistoryItem`].
    pub history_item: &'static str,
    /// See [`Message::HistoryAmendments`].
    pub history_amendments: &'static str,
    /// See [`Message::HistoryEnd`].
    pub history_end: &'static str,
    /// See [`Message::CaptionId`].
    pub caption_id: &'static str,
    /// See [`Message::CaptionEdition`].
    pub caption_edition: &'static str,
    /// See [`Message::MalformedYear`]: in an edition, elsewhere.
    pub malformed_year: [&'static str; 2],
    /// See [`Message::CitesSuppressed`].
    pub cites_suppressed: &'static str,
    /// See [`Message::CitesNotInPrevious`].
    pub cites_not_in_previous: &'static str,
    /// See [`Message::CitesUnknown`].
    pub cites_unknown: &'static str,
    /// See [`Message::ThisAssemblyEarlierEdition`].
    pub this_assembly_earlier_edition: &'static str,
    /// See [`Message::CitesUnrevised`].
    pub cites_unrevised: &'static str,
    /// See [`Message::StaleCitation`]: one number, several.
    pub stale_citation: [&'static str; 2],
    /// See [`Message::TemplateField`].
    pub template_field: &'static str,
    /// See [`Message::UnresolvedBracket`].
    pub unresolved_bracket: &'static str,
    /// See [`Message::DeclaredSuppressedNoSup`].
    pub declared_suppressed_no_sup: &'static str,
    /// See [`Message::SupUnlisted`].
    pub sup_unlisted: &'static str,
    /// See [`Message::ModUnlisted`].
    pub mod_unlisted: &'static str,
    /// See [`Message::ModStatusDiffers`].
    pub mod_status_differs: &'static str,
    /// See [`Message::RecommendationModUnlisted`].
    pub recommendation_mod_unlisted: &'static str,
    /// See [`Message::RevisedNoMod`].
    pub revised_no_mod: &'static str,
    /// See [`Message::RecommendationRevisedNoMod`].
    pub recommendation_revised_no_mod: &'static str,
    /// See [`Message::ProvisionalIdSpelling`].
    pub provisional_id_spelling: &'static str,
    /// See [`Message::NewNoAdd`]: without a provisional id, with one.
    pub new_no_add: [&'static str; 2],
    /// See [`Message::AddUnlisted`].
    pub add_unlisted: &'static str,
    /// See [`Message::TitleDiffers`].
    pub title_differs: &'static str,
    /// See [`Message::NewUnmapped`].
    pub new_unmapped: &'static str,
    /// See [`Message::MappedUncounted`].
    pub mapped_uncounted: &'static str,
    /// See [`Message::InSeveralLists`].
    pub in_several_lists: &'static str,
    /// See [`Message::StatusInOtherList`].
    pub status_in_other_list: &'static str,
    /// See [`Message::StatusMissingFromList`].
    pub status_missing_from_list: &'static str,
    /// See [`Message::ExcerptSectionMissing`].
    pub excerpt_section_missing: &'static str,
    /// See [`Message::ExcerptClauseMissing`].
    pub excerpt_clause_missing: &'static str,
    /// See [`Message::ExcerptDiffers`].
    pub excerpt_differs: &'static str,
    /// See [`Message::AddExists`].
    pub add_exists: &'static str,
    /// See [`Message::SupUnknown`].
    pub sup_unknown: &'static str,
    /// See [`Message::SupStillPresent`].
    pub sup_still_present: &'static str,
    /// See [`Message::ModUnchanged`].
    pub mod_unchanged: &'static str,
    /// See [`Message::ModUnknown`].
    pub mod_unknown: &'static str,
    /// See [`Message::ChangedUnmarked`].
    pub changed_unmarked: &'static str,
    /// See [`Message::LostUnmarked`].
    pub lost_unmarked: &'static str,
    /// See [`Message::DeclaredSuppressedPresent`].
    pub declared_suppressed_present: &'static str,
}

/// A template and the values of its placeholders, filled in one pass so
/// that a value quoted from the texts is never read as a placeholder.
struct Fill {
    template: &'static str,
    values: Vec<(&'static str, String)>,
}

impl Fill {
    fn new(template: &'static str) -> Fill {
        Fill {
            template,
            values: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> Fill {
        self.values.push((name, value.to_string()));
        self
    }

    fn render(self) -> String {
        let mut out = String::with_capacity(self.template.len() + 32);
        let mut rest = self.template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                self.values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (v, close))
            });
            match value {
                Some((v, close)) => {
                    out.push_str(v);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl MessageWords {
    /// A related place in words.
    pub fn place(&self, p: RelatedPlace) -> &'static str {
        let i = match p {
            RelatedPlace::PreviousEdition => 0,
            RelatedPlace::FirstCopy => 1,
            RelatedPlace::FullText => 2,
            RelatedPlace::ReportNewList => 3,
            RelatedPlace::ReportRevisedList => 4,
            RelatedPlace::ReportSuppressedList => 5,
            RelatedPlace::ReportStatusTable => 6,
            RelatedPlace::ReportExcerpt => 7,
        };
        self.places[i]
    }

    fn list(&self, l: ReportList) -> &'static str {
        match l {
            ReportList::New => self.lists[0],
            ReportList::Revised => self.lists[1],
            ReportList::Suppressed => self.lists[2],
        }
    }

    fn problem(&self, p: HistoryProblem) -> &'static str {
        let i = match p {
            HistoryProblem::Separator => 0,
            HistoryProblem::EmptyItem => 1,
            HistoryProblem::NoYear => 2,
            HistoryProblem::NoYearSuffix => 3,
            HistoryProblem::MalformedYear => 4,
            HistoryProblem::YearWithoutPlace => 5,
        };
        self.history_problems[i]
    }

    /// A finding's message in words.
    pub fn text(&self, m: &Message) -> String {
        let ed = |yp: &YearPlace| (self.edition)(yp, false);
        let number = |t: &'static str, n: &u32| Fill::new(t).with("number", n);
        let id = |t: &'static str, id: &str| Fill::new(t).with("id", id);
        let filled = match m {
            Message::Duplicate {
                id,
                first_file,
                first_line,
            } => Fill::new(self.duplicate)
                .with("id", id)
                .with("first_file", first_file)
                .with("first_line", first_line),
            Message::HeaderEdition { header, assembly } => Fill::new(self.header_edition)
                .with("header", ed(header))
                .with("assembly", ed(assembly)),
            Message::AddMarkedRevised => Fill::new(self.add_marked_revised),
            Message::ModNotMarkedRevised => Fill::new(self.mod_not_marked_revised),
            Message::HistoryItem { item, problem } => Fill::new(self.history_item)
                .with("item", item)
                .with("problem", self.problem(*problem)),
            Message::HistoryAmendments { items } => {
                Fill::new(self.history_amendments).with("items", items.join(self.joiner))
            }
            Message::HistoryEnd { assembly } => {
                Fill::new(self.history_end).with("assembly", ed(assembly))
            }
            Message::CaptionId { written, id } => Fill::new(self.caption_id)
                .with("written", written)
                .with("id", id),
            Message::CaptionEdition { written } => {
                Fill::new(self.caption_edition).with("written", written)
            }
            Message::MalformedYear { year, in_edition } => {
                Fill::new(self.malformed_year[usize::from(!in_edition)]).with("year", year)
            }
            Message::CitesSuppressed { number: n } => number(self.cites_suppressed, n),
            Message::CitesNotInPrevious { number: n } => number(self.cites_not_in_previous, n),
            Message::CitesUnknown { number: n } => number(self.cites_unknown, n),
            Message::ThisAssemblyEarlierEdition { number: n, edition } => {
                number(self.this_assembly_earlier_edition, n).with("edition", ed(edition))
            }
            Message::CitesUnrevised {
                number: n,
                assembly,
            } => number(self.cites_unrevised, n).with("assembly", ed(assembly)),
            Message::StaleCitation {
                numbers,
                written,
                assembly,
            } => {
                let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
                Fill::new(self.stale_citation[usize::from(numbers.len() != 1)])
                    .with("numbers", list.join(self.joiner))
                    .with("written", written)
                    .with("current", (self.edition)(assembly, true))
            }
            Message::TemplateField => Fill::new(self.template_field),
            Message::UnresolvedBracket { bracket } => {
                Fill::new(self.unresolved_bracket).with("bracket", bracket)
            }
            Message::DeclaredSuppressedNoSup { number: n } => {
                number(self.declared_suppressed_no_sup, n)
            }
            Message::SupUnlisted { number: n } => number(self.sup_unlisted, n),
            Message::ModUnlisted { number: n } => number(self.mod_unlisted, n),
            Message::ModStatusDiffers { number: n, status } => {
                number(self.mod_status_differs, n).with("status", status)
            }
            Message::RecommendationModUnlisted { id: i } => id(self.recommendation_mod_unlisted, i),
            Message::RevisedNoMod { number: n } => number(self.revised_no_mod, n),
            Message::RecommendationRevisedNoMod { id: i } => {
                id(self.recommendation_revised_no_mod, i)
            }
            Message::ProvisionalIdSpelling {
                written,
                reported,
                number: n,
            } => number(self.provisional_id_spelling, n)
                .with("written", written)
                .with("reported", reported),
            Message::NewNoAdd {
                number: n,
                provisional_id,
            } => number(self.new_no_add[usize::from(provisional_id.is_some())], n)
                .with("provisional_id", provisional_id.as_deref().unwrap_or("")),
            Message::AddUnlisted { id: i } => id(self.add_unlisted, i),
            Message::TitleDiffers {
                number: n,
                report_line,
            } => number(self.title_differs, n).with("report_line", report_line),
            Message::NewUnmapped { number: n } => number(self.new_unmapped, n),
            Message::MappedUncounted { number: n } => number(self.mapped_uncounted, n),
            Message::InSeveralLists { number: n, lists } => {
                let names: Vec<&str> = lists.iter().map(|l| self.list(*l)).collect();
                number(self.in_several_lists, n).with("lists", names.join(self.lists_joiner))
            }
            Message::StatusInOtherList {
                number: n,
                status,
                list,
                line,
            } => number(self.status_in_other_list, n)
                .with("status", status)
                .with("list", self.list(*list))
                .with("line", line),
            Message::StatusMissingFromList {
                number: n,
                status,
                list,
            } => number(self.status_missing_from_list, n)
                .with("status", status)
                .with("list", self.list(*list)),
            Message::ExcerptSectionMissing { id: i, heading } => {
                id(self.excerpt_section_missing, i).with("heading", heading)
            }
            Message::ExcerptClauseMissing { id: i } => id(self.excerpt_clause_missing, i),
            Message::ExcerptDiffers {
                part,
                id: i,
                file,
                line,
            } => id(self.excerpt_differs, i)
                .with(
                    "part",
                    self.quoted_parts[usize::from(*part == QuotedPart::Clause)],
                )
                .with("file", file)
                .with("line", line),
            Message::AddExists { number: n } => number(self.add_exists, n),
            Message::SupUnknown { number: n } => number(self.sup_unknown, n),
            Message::SupStillPresent { number: n } => number(self.sup_still_present, n),
            Message::ModUnchanged { number: n } => number(self.mod_unchanged, n),
            Message::ModUnknown { number: n } => number(self.mod_unknown, n),
            Message::ChangedUnmarked { number: n } => number(self.changed_unmarked, n),
            Message::LostUnmarked { number: n } => number(self.lost_unmarked, n),
            Message::DeclaredSuppressedPresent { number: n } => {
                number(self.declared_suppressed_present, n)
            }
        };
        filled.render()
    }
}
