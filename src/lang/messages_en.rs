//! The review's messages in English.

use super::EN;
use super::messages::MessageWords;
use crate::model::YearPlace;

fn edition(yp: &YearPlace, revised: bool) -> String {
    EN.edition_text(yp.year, &yp.place, revised)
}

/// Messages of the review of English texts.
pub static EN_MESSAGES: MessageWords = MessageWords {
    edition,
    joiner: ", ",
    lists_joiner: " and as ",
    lists: ["new", "revised", "suppressed"],
    places: [
        "previous edition",
        "first copy",
        "full text",
        "report list of new resolutions",
        "report list of revised resolutions",
        "report list of suppressed resolutions",
        "report status table",
        "report excerpt",
    ],
    history_problems: [
        "year and place separated by `;` instead of `,`",
        "empty item",
        "no year",
        "year suffix missing",
        "malformed year",
        "year without a place",
    ],
    quoted_parts: ["section heading", "clause"],
    duplicate: "resolution {id} appears twice in the edition: here and at {first_file}:{first_line}",
    header_edition: "header names {header} but the edition's assembly is {assembly}",
    add_marked_revised: "a new (ADD) resolution is marked `Rev.` in its header",
    mod_not_marked_revised: "a revised (MOD) resolution's header lacks `Rev.`",
    history_item: "history item `{item}` is not `Place, YYYY`: {problem}",
    history_amendments: "history items with a year and no place ({items}): amendments between \
                         assemblies, explained by footnotes",
    history_end: "history line does not end with the assembly ({assembly})",
    caption_id: "annex caption names Resolution {written} but belongs to Resolution {id}",
    caption_edition: "annex caption edition `{written}` differs from the header's",
    malformed_year: [
        "malformed year `{year}` in an edition",
        "malformed year `{year}`",
    ],
    cites_suppressed: "cites Resolution {number}, which this assembly suppresses",
    cites_not_in_previous: "cites Resolution {number}, which is not in the previous edition \
                            (nor in this one)",
    cites_unknown: "cites Resolution {number}, which does not exist in this series",
    this_assembly_earlier_edition: "\"this assembly\" cited with the edition of an earlier one \
                                    ({edition}) for Resolution {number}",
    cites_unrevised: "cites Resolution {number} as revised at this assembly ({assembly}), but no \
                      revision of it is in the edition",
    stale_citation: [
        "cites Resolution {numbers} as ({written}) but this assembly revises it: ({current})",
        "cites Resolutions {numbers} as ({written}) but this assembly revises them: ({current})",
    ],
    template_field: "fill-in field of a form published with the Recommendation",
    unresolved_bracket: "editorial bracket left in the text: `{bracket}`",
    declared_suppressed_no_sup: "Resolution {number} is declared suppressed but the edition has \
                                 no SUP text for it",
    sup_unlisted: "SUP text for Resolution {number}, which the report does not list as suppressed",
    mod_unlisted: "MOD text for Resolution {number}, which the report's list of revised \
                   resolutions leaves out",
    mod_status_differs: "MOD text for Resolution {number}, which the report's status table gives \
                         as `{status}`",
    recommendation_mod_unlisted: "MOD text for Recommendation {id}, which the report does not \
                                  list as revised",
    revised_no_mod: "Resolution {number} is listed as revised but the edition has no MOD text \
                     for it",
    recommendation_revised_no_mod: "Recommendation {id} is listed as revised but the edition has \
                                    no MOD text for it",
    provisional_id_spelling: "provisional id spelled `{written}` in the text but `{reported}` in \
                              the report (Resolution {number})",
    new_no_add: [
        "Resolution {number} is listed as new but the edition has no ADD text for it",
        "Resolution {number} ({provisional_id}) is listed as new but the edition has no ADD text \
         for it",
    ],
    add_unlisted: "ADD text {id} is not among the report's new resolutions",
    title_differs: "title of Resolution {number} differs between the text and the report (line \
                    {report_line})",
    new_unmapped: "the report counts Resolution {number} among the new ones but gives no \
                   provisional id or title for it",
    mapped_uncounted: "the report maps Resolution {number} to a provisional id but does not \
                       count it among the new ones",
    in_several_lists: "the report lists Resolution {number} as {lists}",
    status_in_other_list: "the report's status table gives Resolution {number} as `{status}` but \
                           its list of {list} resolutions (line {line}) includes it",
    status_missing_from_list: "the report's status table gives Resolution {number} as \
                               `{status}` but its list of {list} resolutions leaves it out",
    excerpt_section_missing: "the report quotes a `{heading}` section of Resolution {id} that \
                              the text does not have",
    excerpt_clause_missing: "the report quotes a clause of Resolution {id} that is not in the \
                             text",
    excerpt_differs: "the report's quote of a {part} of Resolution {id} differs from the text \
                      ({file}:{line})",
    add_exists: "new (ADD) Resolution {number} already exists in the previous edition",
    sup_unknown: "SUP of Resolution {number}, which the previous edition does not have",
    sup_still_present: "Resolution {number} is suppressed (SUP) but its text is still in the \
                        edition",
    mod_unchanged: "Resolution {number} is marked MOD but its text is the same as in the \
                    previous edition",
    mod_unknown: "MOD of Resolution {number}, which the previous edition does not have",
    changed_unmarked: "Resolution {number} differs from the previous edition but is not marked \
                       MOD",
    lost_unmarked: "Resolution {number} lost text since the previous edition but is not marked \
                    MOD",
    declared_suppressed_present: "Resolution {number} is declared suppressed but its text is \
                                  still in the edition",
};
