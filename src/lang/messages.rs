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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{EN_MESSAGES, ZH_MESSAGES};

    fn yp(year: u32, place: &str) -> YearPlace {
        YearPlace {
            year,
            place: place.into(),
        }
    }

    /// One message of every kind. The match below has no wildcard, so a
    /// new kind of message does not compile until it is counted here.
    fn samples() -> Vec<Message> {
        use Message::*;
        let s = |t: &str| t.to_string();
        let all = vec![
            Duplicate {
                id: s("13"),
                first_file: s("a.txt"),
                first_line: 3,
            },
            HeaderEdition {
                header: yp(2022, "P"),
                assembly: yp(2024, "Q"),
            },
            AddMarkedRevised,
            ModNotMarkedRevised,
            HistoryItem {
                item: s("x"),
                problem: HistoryProblem::NoYear,
            },
            HistoryAmendments {
                items: vec![s("2017"), s("2018")],
            },
            HistoryEnd {
                assembly: yp(2024, "Q"),
            },
            CaptionId {
                written: s("9"),
                id: s("29"),
            },
            CaptionEdition { written: s("x") },
            MalformedYear {
                year: s("20204"),
                in_edition: true,
            },
            CitesSuppressed { number: 80 },
            CitesNotInPrevious { number: 1 },
            CitesUnknown { number: 160 },
            ThisAssemblyEarlierEdition {
                number: 1,
                edition: yp(2022, "P"),
            },
            CitesUnrevised {
                number: 5,
                assembly: yp(2024, "Q"),
            },
            StaleCitation {
                numbers: vec![44, 54],
                written: s("x"),
                assembly: yp(2024, "Q"),
            },
            TemplateField,
            UnresolvedBracket { bracket: s("[x]") },
            DeclaredSuppressedNoSup { number: 80 },
            SupUnlisted { number: 80 },
            ModUnlisted { number: 2 },
            ModStatusDiffers {
                number: 88,
                status: s("x"),
            },
            RecommendationModUnlisted { id: s("A.25") },
            RevisedNoMod { number: 2 },
            RecommendationRevisedNoMod { id: s("A.25") },
            ProvisionalIdSpelling {
                written: s("COM3/APT-NG"),
                reported: s("COM3/NG"),
                number: 107,
            },
            NewNoAdd {
                number: 101,
                provisional_id: Some(s("COM4/AI")),
            },
            AddUnlisted { id: s("COM9/X") },
            TitleDiffers {
                number: 78,
                report_line: 130,
            },
            NewUnmapped { number: 102 },
            MappedUncounted { number: 102 },
            InSeveralLists {
                number: 88,
                lists: vec![ReportList::New, ReportList::Revised],
            },
            StatusInOtherList {
                number: 88,
                status: s("x"),
                list: ReportList::Revised,
                line: 29,
            },
            StatusMissingFromList {
                number: 88,
                status: s("x"),
                list: ReportList::Suppressed,
            },
            ExcerptSectionMissing {
                id: s("2"),
                heading: s("x"),
            },
            ExcerptClauseMissing { id: s("2") },
            ExcerptDiffers {
                part: QuotedPart::Clause,
                id: s("2"),
                file: s("a.txt"),
                line: 90,
            },
            AddExists { number: 101 },
            SupUnknown { number: 80 },
            SupStillPresent { number: 80 },
            ModUnchanged { number: 2 },
            ModUnknown { number: 2 },
            ChangedUnmarked { number: 2 },
            LostUnmarked { number: 2 },
            DeclaredSuppressedPresent { number: 80 },
        ];
        let kinds: std::collections::BTreeSet<usize> = all
            .iter()
            .map(|m| match m {
                Duplicate { .. } => 0,
                HeaderEdition { .. } => 1,
                AddMarkedRevised => 2,
                ModNotMarkedRevised => 3,
                HistoryItem { .. } => 4,
                HistoryAmendments { .. } => 5,
                HistoryEnd { .. } => 6,
                CaptionId { .. } => 7,
                CaptionEdition { .. } => 8,
                MalformedYear { .. } => 9,
                CitesSuppressed { .. } => 10,
                CitesNotInPrevious { .. } => 11,
                CitesUnknown { .. } => 12,
                ThisAssemblyEarlierEdition { .. } => 13,
                CitesUnrevised { .. } => 14,
                StaleCitation { .. } => 15,
                TemplateField => 16,
                UnresolvedBracket { .. } => 17,
                DeclaredSuppressedNoSup { .. } => 18,
                SupUnlisted { .. } => 19,
                ModUnlisted { .. } => 20,
                ModStatusDiffers { .. } => 21,
                RecommendationModUnlisted { .. } => 22,
                RevisedNoMod { .. } => 23,
                RecommendationRevisedNoMod { .. } => 24,
                ProvisionalIdSpelling { .. } => 25,
                NewNoAdd { .. } => 26,
                AddUnlisted { .. } => 27,
                TitleDiffers { .. } => 28,
                NewUnmapped { .. } => 29,
                MappedUncounted { .. } => 30,
                InSeveralLists { .. } => 31,
                StatusInOtherList { .. } => 32,
                StatusMissingFromList { .. } => 33,
                ExcerptSectionMissing { .. } => 34,
                ExcerptClauseMissing { .. } => 35,
                ExcerptDiffers { .. } => 36,
                AddExists { .. } => 37,
                SupUnknown { .. } => 38,
                SupStillPresent { .. } => 39,
                ModUnchanged { .. } => 40,
                ModUnknown { .. } => 41,
                ChangedUnmarked { .. } => 42,
                LostUnmarked { .. } => 43,
                DeclaredSuppressedPresent { .. } => 44,
            })
            .collect();
        assert_eq!(kinds.len(), 45, "one sample of every kind");
        all
    }

    #[test]
    fn every_message_is_worded_whole_in_both_languages() {
        let latin = regex::Regex::new(r"[A-Za-z]{3,}").unwrap_or_else(|e| panic!("{e}"));
        for m in samples() {
            let zh = ZH_MESSAGES.text(&m);
            let en = EN_MESSAGES.text(&m);
            for t in [&zh, &en] {
                assert!(
                    !t.contains('{') && !t.contains('}'),
                    "placeholder left: {t}"
                );
            }
            // Chinese wording: the values and the ITU marks, no English.
            for w in latin.find_iter(&zh) {
                assert!(
                    ["ADD", "MOD", "SUP", "YYYY", "COM", "APT", "txt"].contains(&w.as_str()),
                    "{w:?} in {zh}"
                );
            }
            assert!(!en.chars().any(crate::text::is_cjk), "{en}");
        }
    }

    #[test]
    fn values_are_kept_as_written() {
        let m = Message::StaleCitation {
            numbers: vec![60],
            written: "2022年，日内瓦，修订版".into(),
            assembly: yp(2024, "新德里"),
        };
        assert_eq!(
            ZH_MESSAGES.text(&m),
            "引用第60号决议时注明（2022年，日内瓦，修订版），但本届全会修订了该决议：\
             （2024年，新德里，修订版）"
        );
        // A quoted value that looks like a placeholder stays as it is.
        let m = Message::UnresolvedBracket {
            bracket: "[{id}]".into(),
        };
        assert_eq!(
            EN_MESSAGES.text(&m),
            "editorial bracket left in the text: `[{id}]`"
        );
        let m = Message::InSeveralLists {
            number: 88,
            lists: vec![ReportList::New, ReportList::Revised],
        };
        assert_eq!(
            EN_MESSAGES.text(&m),
            "the report lists Resolution 88 as new and as revised"
        );
        assert_eq!(
            ZH_MESSAGES.text(&m),
            "总结报告将第88号决议同时列为新决议和经修订的决议"
        );
        assert_eq!(
            ZH_MESSAGES.place(RelatedPlace::ReportStatusTable),
            "总结报告的状态表"
        );
        assert_eq!(EN_MESSAGES.place(RelatedPlace::FullText), "full text");
    }
}
