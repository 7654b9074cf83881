//! Review findings: rule, severity, location, quoted text.

use super::*;
use serde::Serialize;

/// Version of the JSON produced by `resdiff review --format json`.
pub const REVIEW_SCHEMA_VERSION: u32 = 2;

/// How serious a review finding is. Ordered: `Info < Warning < Error`, so
/// `--fail-on` can compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingSeverity {
    /// Worth a look; usually deliberate.
    Info,
    /// Probably wrong; an editor should decide.
    Warning,
    /// Wrong as written.
    Error,
}

impl FindingSeverity {
    /// Lower-case name, as in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingSeverity::Info => "info",
            FindingSeverity::Warning => "warning",
            FindingSeverity::Error => "error",
        }
    }
}

/// Source text quoted by a finding, split so that renderers can highlight
/// the offending part: `before` + `marked` + `after` is a stretch of the text
/// as the model holds it (lines joined).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct MarkedText {
    /// Context before the offending part.
    pub before: String,
    /// The offending part (may be empty when something is missing).
    pub marked: String,
    /// Context after it.
    pub after: String,
}

/// Another place a finding concerns (the report line of a declared status,
/// the full-text clause an excerpt quotes, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelatedLocation {
    /// File.
    pub file: String,
    /// Line (1-based).
    pub line: u32,
    /// What is there (the report's status table, the full text, …).
    pub place: RelatedPlace,
}

/// What a [`RelatedLocation`] is; each report words it in the language of
/// the texts, JSON gives the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelatedPlace {
    /// The resolution in the previous edition (`--against`).
    PreviousEdition,
    /// The first copy of a resolution the edition holds twice.
    FirstCopy,
    /// The full text a summary report's excerpt quotes.
    FullText,
    /// The summary report's list of new resolutions.
    ReportNewList,
    /// The summary report's list of revised resolutions.
    ReportRevisedList,
    /// The summary report's list of suppressed resolutions.
    ReportSuppressedList,
    /// The summary report's status table.
    ReportStatusTable,
    /// An excerpt in the summary report.
    ReportExcerpt,
}

impl RelatedPlace {
    /// The place of one of the summary report's lists.
    pub fn report_list(list: ReportList) -> RelatedPlace {
        match list {
            ReportList::New => RelatedPlace::ReportNewList,
            ReportList::Revised => RelatedPlace::ReportRevisedList,
            ReportList::Suppressed => RelatedPlace::ReportSuppressedList,
        }
    }
}

/// One of a summary report's lists of resolutions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportList {
    /// New resolutions.
    New,
    /// Revised resolutions.
    Revised,
    /// Suppressed resolutions.
    Suppressed,
}

/// An assembly named by year and place as the texts write the place
/// (`新德里`, `New Delhi`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct YearPlace {
    /// Year.
    pub year: u32,
    /// Place as written.
    pub place: String,
}

/// What is wrong with an item of a history line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryProblem {
    /// Year and place separated by the item separator (`2024年；新德里`).
    Separator,
    /// Nothing between two separators.
    EmptyItem,
    /// No year.
    NoYear,
    /// The year suffix (`年`) missing after four digits.
    NoYearSuffix,
    /// A year of other than four digits.
    MalformedYear,
    /// A year with no place.
    YearWithoutPlace,
}

/// What part of a resolution a summary report's excerpt quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotedPart {
    /// A section heading.
    SectionHeading,
    /// A clause (or a lead-in).
    Clause,
}

/// What a finding says: a code with its values, so that each report puts
/// it in the words of the texts' language (the language tables'
/// `MessageWords`, whose placeholders are named after the fields) and JSON
/// stays neutral. Numbers are resolution numbers; `id` is a resolution's id
/// as the text writes it; other strings are quoted from the texts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Message {
    /// The resolution is in the edition twice; the first copy is at
    /// `first_file`:`first_line`.
    Duplicate {
        /// Its id.
        id: String,
        /// File of the first copy.
        first_file: String,
        /// Line of the first copy.
        first_line: u32,
    },
    /// The header names another assembly than the edition's.
    HeaderEdition {
        /// The assembly the header names.
        header: YearPlace,
        /// The edition's assembly.
        assembly: YearPlace,
    },
    /// A new (ADD) resolution's header carries the revised mark.
    AddMarkedRevised,
    /// A revised (MOD) resolution's header lacks the revised mark.
    ModNotMarkedRevised,
    /// A history item not of the form `year, place`.
    HistoryItem {
        /// The item as written.
        item: String,
        /// What is wrong with it.
        problem: HistoryProblem,
    },
    /// History items with a year and no place: amendments between
    /// assemblies, explained by footnotes.
    HistoryAmendments {
        /// The items as written.
        items: Vec<String>,
    },
    /// The history line does not end with the edition's assembly.
    HistoryEnd {
        /// The edition's assembly.
        assembly: YearPlace,
    },
    /// An annex caption names another resolution than its own.
    CaptionId {
        /// The id the caption names.
        written: String,
        /// The resolution's id.
        id: String,
    },
    /// An annex caption's edition differs from the header's.
    CaptionEdition {
        /// The caption's edition as written.
        written: String,
    },
    /// A malformed year (`20204年`).
    MalformedYear {
        /// The year as written.
        year: String,
        /// Whether it stands in an edition bracket.
        in_edition: bool,
    },
    /// A citation of a resolution this assembly suppresses.
    CitesSuppressed {
        /// The number cited.
        number: u32,
    },
    /// A citation of a resolution neither the previous edition nor this
    /// one holds.
    CitesNotInPrevious {
        /// The number cited.
        number: u32,
    },
    /// A citation of a number beyond the series.
    CitesUnknown {
        /// The number cited.
        number: u32,
    },
    /// "This assembly" cited with the edition of an earlier one.
    ThisAssemblyEarlierEdition {
        /// The number cited.
        number: u32,
        /// The edition the citation gives.
        edition: YearPlace,
    },
    /// A citation as revised at this assembly of a resolution the edition
    /// does not revise.
    CitesUnrevised {
        /// The number cited.
        number: u32,
        /// The edition's assembly.
        assembly: YearPlace,
    },
    /// A citation with an earlier edition of resolutions this assembly
    /// revises.
    StaleCitation {
        /// The numbers cited.
        numbers: Vec<u32>,
        /// The edition as the citation writes it.
        written: String,
        /// The edition's assembly (the current edition of those cited).
        assembly: YearPlace,
    },
    /// A fill-in field of a form a Recommendation publishes.
    TemplateField,
    /// An editorial bracket left in the text.
    UnresolvedBracket {
        /// The bracket as written.
        bracket: String,
    },
    /// Declared suppressed by the report, but no SUP text.
    DeclaredSuppressedNoSup {
        /// The resolution.
        number: u32,
    },
    /// A SUP text the report does not list as suppressed.
    SupUnlisted {
        /// The resolution.
        number: u32,
    },
    /// A MOD text the report's list of revised resolutions leaves out.
    ModUnlisted {
        /// The resolution.
        number: u32,
    },
    /// A MOD text the report's status table gives another status.
    ModStatusDiffers {
        /// The resolution.
        number: u32,
        /// The status as the table writes it.
        status: String,
    },
    /// A MOD text of a Recommendation the report does not list as revised.
    RecommendationModUnlisted {
        /// The Recommendation (`A.25`).
        id: String,
    },
    /// Listed as revised by the report, but no MOD text.
    RevisedNoMod {
        /// The resolution.
        number: u32,
    },
    /// A Recommendation listed as revised by the report, but no MOD text.
    RecommendationRevisedNoMod {
        /// The Recommendation.
        id: String,
    },
    /// A provisional id spelled differently in the text and the report.
    ProvisionalIdSpelling {
        /// As the text writes it.
        written: String,
        /// As the report writes it.
        reported: String,
        /// The final number.
        number: u32,
    },
    /// Listed as new by the report, but no ADD text.
    NewNoAdd {
        /// The resolution.
        number: u32,
        /// Its provisional id, when the report gives one.
        provisional_id: Option<String>,
    },
    /// An ADD text not among the report's new resolutions.
    AddUnlisted {
        /// Its id.
        id: String,
    },
    /// The title differs between the text and the report.
    TitleDiffers {
        /// The resolution.
        number: u32,
        /// The first report line giving the other title.
        report_line: u32,
    },
    /// Counted among the new resolutions by the report, with no provisional
    /// id or title.
    NewUnmapped {
        /// The resolution.
        number: u32,
    },
    /// Mapped to a provisional id by the report, not counted among the new.
    MappedUncounted {
        /// The resolution.
        number: u32,
    },
    /// In several of the report's lists.
    InSeveralLists {
        /// The resolution.
        number: u32,
        /// The lists, in order.
        lists: Vec<ReportList>,
    },
    /// The status table contradicts a list that includes the resolution.
    StatusInOtherList {
        /// The resolution.
        number: u32,
        /// The status as the table writes it.
        status: String,
        /// The list.
        list: ReportList,
        /// Line of the list.
        line: u32,
    },
    /// The status table gives a status whose list leaves the resolution out.
    StatusMissingFromList {
        /// The resolution.
        number: u32,
        /// The status as the table writes it.
        status: String,
        /// The list.
        list: ReportList,
    },
    /// The report quotes a section the text does not have.
    ExcerptSectionMissing {
        /// The resolution.
        id: String,
        /// The heading quoted.
        heading: String,
    },
    /// The report quotes a clause the text does not have.
    ExcerptClauseMissing {
        /// The resolution.
        id: String,
    },
    /// The report's quote differs from the text at `file`:`line`.
    ExcerptDiffers {
        /// What is quoted.
        part: QuotedPart,
        /// The resolution.
        id: String,
        /// File of the full text.
        file: String,
        /// Line of the full text.
        line: u32,
    },
    /// A new (ADD) resolution whose number the previous edition has.
    AddExists {
        /// The resolution.
        number: u32,
    },
    /// A SUP of a resolution the previous edition does not have.
    SupUnknown {
        /// The resolution.
        number: u32,
    },
    /// Suppressed (SUP), but its text is still in the edition.
    SupStillPresent {
        /// The resolution.
        number: u32,
    },
    /// Marked MOD, but the same text as in the previous edition.
    ModUnchanged {
        /// The resolution.
        number: u32,
    },
    /// A MOD of a resolution the previous edition does not have.
    ModUnknown {
        /// The resolution.
        number: u32,
    },
    /// Different from the previous edition, not marked MOD.
    ChangedUnmarked {
        /// The resolution.
        number: u32,
    },
    /// Lost text since the previous edition, not marked MOD.
    LostUnmarked {
        /// The resolution.
        number: u32,
    },
    /// Declared suppressed by the report, but its text is still in the
    /// edition.
    DeclaredSuppressedPresent {
        /// The resolution.
        number: u32,
    },
}

/// A consistency finding of `resdiff review`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id (`edition.history-item`, `citation.stale`, …).
    pub rule: String,
    /// How serious.
    pub severity: FindingSeverity,
    /// Resolution concerned (its id: `29`, `COM4/AI`, `A.25`), if one.
    pub resolution: Option<String>,
    /// File of the primary location.
    pub file: String,
    /// Line (1-based) of the offending text itself.
    pub line: u32,
    /// Lines of the paragraph (or element) quoted.
    pub span: Span,
    /// What the finding says, worded by each report.
    pub message: Message,
    /// The quoted source text with the offending part marked.
    pub excerpt: Option<MarkedText>,
    /// Inline difference, for findings comparing two texts: `delete` pieces
    /// are only in the edition's resolution text, `insert` pieces only in the
    /// other source (the summary report).
    pub diff: Vec<InlineOp>,
    /// Other places the finding concerns.
    pub related: Vec<RelatedLocation>,
    /// The proposed correction, where one follows mechanically from the
    /// texts: what the marked part should read (the current edition of a
    /// stale citation, the likely year of a malformed one, a placeholder
    /// without its brackets), or for a title or quote that differs between
    /// two sources, the whole title or clause as the other source gives it.
    pub suggestion: Option<String>,
    /// Other rules that fired on the same defect at the same place, merged
    /// into this finding: the review gives one finding per defect.
    pub also: Vec<AlsoFired>,
    /// Number of the resolution concerned: its own, or the final number the
    /// summary report gives a new resolution the text still calls by its
    /// provisional id ([`Finding::resolution`] then holds the provisional id).
    pub number: Option<u32>,
    /// Byte range of the marked part within the quoted paragraph, when the
    /// finding quotes one: tells findings on the same words from findings on
    /// other words of the same paragraph. Not part of any output.
    #[serde(skip)]
    pub marked_range: Option<std::ops::Range<usize>>,
}

/// A rule that fired on the same defect as the finding it is merged into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlsoFired {
    /// Rule id.
    pub rule: String,
    /// Its severity.
    pub severity: FindingSeverity,
    /// Its message.
    pub message: Message,
}

impl Finding {
    /// A finding of `rule` at `line` of `file`, with nothing quoted: the
    /// other fields empty, for the caller to fill.
    pub fn at_line(
        rule: &str,
        severity: FindingSeverity,
        file: &str,
        line: u32,
        resolution: Option<String>,
        message: Message,
    ) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            resolution,
            file: file.to_string(),
            line,
            span: Span::new(line, line),
            message,
            excerpt: None,
            diff: Vec::new(),
            related: Vec::new(),
            suggestion: None,
            also: Vec::new(),
            number: None,
            marked_range: None,
        }
    }

    /// Every rule that fired on this finding's defect: its own, then those
    /// merged into it.
    pub fn rules(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.rule.as_str()).chain(self.also.iter().map(|a| a.rule.as_str()))
    }

    /// Whether `rule` fired on this finding's defect (as its own rule or a
    /// merged one).
    pub fn fired(&self, rule: &str) -> bool {
        self.rules().any(|r| r == rule)
    }
}
