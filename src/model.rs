//! The document model: every type the stages hand to each other lives here.
//!
//! A [`Document`] is one input file. It holds the [`Resolution`]s found in it
//! (which may be ITU-T Recommendations revised by an assembly, such as A.25),
//! the stretches that are not resolution text, and the diagnostics raised while
//! reading it. Every node carries a [`Span`] back to the source lines.

use serde::{Deserialize, Serialize};

/// Version of the JSON produced from this model (`resdiff parse --format json`).
pub const PARSE_SCHEMA_VERSION: u32 = 1;

/// First and last line (1-based, inclusive) of a node in its source file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First source line (1-based).
    pub first_line: u32,
    /// Last source line (1-based, inclusive).
    pub last_line: u32,
}

impl Span {
    /// A span covering the lines `first..=last`.
    pub fn new(first_line: u32, last_line: u32) -> Self {
        Span {
            first_line,
            last_line: last_line.max(first_line),
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(
            self.first_line.min(other.first_line),
            self.last_line.max(other.last_line),
        )
    }
}

/// What a file of an edition folder turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentClass {
    /// Holds the texts of one or more resolutions (or revised Recommendations).
    ResolutionText,
    /// A report summarising an assembly: lists of new/revised/suppressed
    /// resolutions, status table, provisional-id mapping, excerpts.
    SummaryReport,
    /// Neither: no resolution text was found.
    Other,
}

/// How a file's bytes were decoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodingReport {
    /// Encoding name as `encoding_rs` spells it (`UTF-8`, `GB18030`, …).
    pub encoding: String,
    /// Whether a byte-order mark was present.
    pub bom: bool,
    /// How the encoding was chosen: `bom`, `utf-8`, `detected`, `forced`.
    pub how: String,
}

/// The physical layout convention the text follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// PDF extraction: hard wraps, a trailing space marks a paragraph end, a
    /// leading space marks a page start.
    Pdf,
    /// Word extraction: one paragraph per line, tabs after labels.
    Word,
}

/// One input file, parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Path as given by the user.
    pub path: String,
    /// What the file holds.
    pub class: DocumentClass,
    /// How its bytes were decoded.
    pub encoding: EncodingReport,
    /// Layout convention detected.
    pub layout: Layout,
    /// Resolutions in source order.
    pub resolutions: Vec<Resolution>,
    /// Stretches recognised as not being resolution text (front matter,
    /// committee action lists, question tables …).
    pub other_blocks: Vec<OtherBlock>,
    /// What a summary report declares, when the file is one.
    pub report: Option<SummaryReport>,
    /// Everything odd met while reading, with what was assumed.
    pub diagnostics: Vec<Diagnostic>,
}

/// A stretch of a file that is not resolution text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherBlock {
    /// What it is (`front matter`, `committee actions`, `question table`, …).
    pub kind: String,
    /// Its paragraphs (table rows, list items …) as read.
    pub paragraphs: Vec<Text>,
    /// Where it is.
    pub span: Span,
}

/// Severity of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing was guessed.
    Note,
    /// Something was odd and an assumption was made.
    Warning,
    /// The text could not be read as intended.
    Error,
}

/// Something odd met while reading a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// Source line (1-based) it concerns.
    pub line: u32,
    /// What was odd and what was assumed.
    pub message: String,
}

/// The action an assembly text marks a resolution with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Action {
    /// New text.
    Add,
    /// Revised text.
    Mod,
    /// Suppressed.
    Sup,
}

impl Action {
    /// ITU spelling of the marker.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Add => "ADD",
            Action::Mod => "MOD",
            Action::Sup => "SUP",
        }
    }
}

/// Whether a text is a resolution or a Recommendation revised by the assembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionKind {
    /// A WTSA resolution.
    Resolution,
    /// An ITU-T Recommendation (e.g. A.25) carried in the assembly's texts.
    Recommendation,
}

/// The edition a header or citation names: `（2024年，新德里，修订版）`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edition {
    /// Year, if one could be read.
    pub year: Option<u32>,
    /// Place, if one could be read.
    pub place: Option<String>,
    /// Whether marked revised (`修订版`).
    pub revised: bool,
    /// The text inside the brackets, as written.
    pub raw: String,
}

/// One item of a history line: `1993年，赫尔辛基`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryItem {
    /// The item as written (footnote digits removed).
    pub raw: String,
    /// Year, if one could be read.
    pub year: Option<u32>,
    /// Place, if one was given.
    pub place: Option<String>,
}

/// The history line: every assembly that adopted or revised the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// The whole line, joined, as written (footnote digits removed).
    pub text: String,
    /// Items split at `；` with year and place read where possible.
    pub items: Vec<HistoryItem>,
    /// Footnotes referenced from the line.
    pub notes: Vec<u32>,
    /// Where it is.
    pub span: Span,
}

/// A one-paragraph piece of text with its footnote references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The text, lines joined, artifacts and footnote digits removed.
    pub text: String,
    /// Numbers of the footnotes referenced in it.
    pub notes: Vec<u32>,
    /// Where it is.
    pub span: Span,
}

/// One resolution (or revised Recommendation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// Identifier: a number (`2`), a provisional id (`COM4/AI`) or, for a
    /// Recommendation, its designation (`A.25`).
    pub id: String,
    /// The number, when the identifier is one.
    pub number: Option<u32>,
    /// MOD/ADD/SUP marker, if the text carries one.
    pub action: Option<Action>,
    /// Resolution or Recommendation.
    pub kind: ResolutionKind,
    /// The header line as written (`第2号决议（2024年，新德里，修订版）`).
    pub header: Text,
    /// Edition named in the header.
    pub edition: Option<Edition>,
    /// Title, joined across lines.
    pub title: Text,
    /// History line.
    pub history: Option<History>,
    /// Assembly line (`世界电信标准化全会（2024年，新德里），`).
    pub assembly: Option<Text>,
    /// Sections in order.
    pub sections: Vec<Section>,
    /// Annexes, appendices and attachments in order.
    pub annexes: Vec<Annex>,
    /// Footnotes of this resolution.
    pub footnotes: Vec<Footnote>,
    /// From the marker (or header) to the last line.
    pub span: Span,
}

/// Normalised meaning of a section heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 忆及
    Recalling,
    /// 认识到
    Recognizing,
    /// 考虑到
    Considering,
    /// 注意到
    Noting,
    /// 铭记
    BearingInMind,
    /// 顾及
    TakingIntoAccount,
    /// 重申
    Reaffirming,
    /// 关注
    Concerned,
    /// 意识到
    Aware,
    /// 做出决议
    Resolves,
    /// 做出决议，责成…
    ResolvesInstructs,
    /// 做出决议，请…
    ResolvesInvites,
    /// 责成…
    Instructs,
    /// 请…
    Invites,
    /// 鼓励…
    Encourages,
    /// 呼吁…
    CallsUpon,
    /// The body of a Recommendation, which has no headings.
    Body,
}

impl SectionKind {
    /// English name, as used in reports (`bearing in mind`).
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Recalling => "recalling",
            SectionKind::Recognizing => "recognizing",
            SectionKind::Considering => "considering",
            SectionKind::Noting => "noting",
            SectionKind::BearingInMind => "bearing in mind",
            SectionKind::TakingIntoAccount => "taking into account",
            SectionKind::Reaffirming => "reaffirming",
            SectionKind::Concerned => "concerned",
            SectionKind::Aware => "aware",
            SectionKind::Resolves => "resolves",
            SectionKind::ResolvesInstructs => "resolves to instruct",
            SectionKind::ResolvesInvites => "resolves to invite",
            SectionKind::Instructs => "instructs",
            SectionKind::Invites => "invites",
            SectionKind::Encourages => "encourages",
            SectionKind::CallsUpon => "calls upon",
            SectionKind::Body => "body",
        }
    }

    /// Whether sections of this kind are operative (as opposed to preambular).
    pub fn is_operative(self) -> bool {
        matches!(
            self,
            SectionKind::Resolves
                | SectionKind::ResolvesInstructs
                | SectionKind::ResolvesInvites
                | SectionKind::Instructs
                | SectionKind::Invites
                | SectionKind::Encourages
                | SectionKind::CallsUpon
                | SectionKind::Body
        )
    }
}

/// A section: a heading (`考虑到`, `责成电信标准化局主任`) and its clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading as written (empty for a Recommendation body).
    pub heading: String,
    /// Normalised kind.
    pub kind: SectionKind,
    /// `进一步…` (further resolves, further instructs, …).
    pub further: bool,
    /// Addressee tail of the heading (`电信标准化局主任`), if any.
    pub addressee: Option<String>,
    /// Footnotes referenced from the heading.
    pub notes: Vec<u32>,
    /// Lead-in paragraph between the heading and its first labelled clause.
    pub intro: Option<Text>,
    /// Clauses in order.
    pub clauses: Vec<Clause>,
    /// From the heading to the last clause.
    pub span: Span,
}

impl Section {
    /// `further resolves`, `instructs`, … for display.
    pub fn kind_name(&self) -> String {
        if self.further {
            format!("further {}", self.kind.name())
        } else {
            self.kind.name().to_string()
        }
    }
}

/// Family of a clause label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelFamily {
    /// `a)`
    Letter,
    /// `i)`
    Roman,
    /// `1`
    Number,
    /// `1)`
    NumberParen,
    /// `•`
    Bullet,
    /// `–` or `−`
    Dash,
    /// `一`
    CjkNumeral,
    /// `B.1`, `II.3`, `6.1.2`
    Decimal,
    /// `注 –`, `注1 –`
    Note,
}

/// A clause label as written, with its family and position in its list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClauseLabel {
    /// As written (`a)`, `1`, `•`, `6.1.2`).
    pub raw: String,
    /// Family.
    pub family: LabelFamily,
    /// Position in its list (1 for `a)`, `i)`, `1`; 0 for bullets and dashes,
    /// which carry no number).
    pub ordinal: u32,
}

/// A clause (or an unlabelled paragraph) with its sub-clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// Label, if the paragraph has one.
    pub label: Option<ClauseLabel>,
    /// Text without the label, lines joined.
    pub text: String,
    /// Footnotes referenced in it.
    pub notes: Vec<u32>,
    /// Sub-clauses.
    pub children: Vec<Clause>,
    /// Where it is (the clause's own paragraph; children have their own).
    pub span: Span,
}

/// An annex, appendix or attachment of a resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annex {
    /// Its name as written (`附件A`, `附件`, `附录一`, `后附资料`).
    pub name: String,
    /// The "(to Resolution N …)" caption printed with it, if any.
    pub caption: Option<Text>,
    /// Title, if it has one.
    pub title: Option<Text>,
    /// Its paragraphs, table rows and labelled items in order.
    pub paragraphs: Vec<Clause>,
    /// Where it is (caption included).
    pub span: Span,
}

/// A footnote of a resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// Number as printed (restarts at 1 in every resolution).
    pub number: u32,
    /// Body text, lines joined.
    pub text: String,
    /// Lines where it is referenced.
    pub referenced_at: Vec<u32>,
    /// Where the body is.
    pub span: Span,
}

/// What a summary report of an assembly declares (lists, status table,
/// provisional-id mapping, excerpts). Read from files classified as
/// [`DocumentClass::SummaryReport`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SummaryReport {
    /// New resolutions with their final number and provisional id
    /// (`第101号决议（原COM4/AI）（2024年，新德里）：title`).
    pub new_resolutions: Vec<ReportedNew>,
    /// Numbers listed as revised.
    pub revised: Vec<ReportedNumber>,
    /// Numbers listed as suppressed.
    pub suppressed: Vec<ReportedNumber>,
    /// Recommendations listed as revised (`A.25`).
    pub revised_recommendations: Vec<ReportedId>,
    /// Rows of the status table (状况 / 编号 / 标题).
    pub status_table: Vec<StatusRow>,
    /// Resolutions excerpted in the report, with the quoted sections.
    pub excerpts: Vec<Excerpt>,
    /// Numbers listed as new in the highlights (`八份新决议（第101至108号决议）`);
    /// the mapping lines in [`SummaryReport::new_resolutions`] add ids and titles.
    pub new_listed: Vec<ReportedNumber>,
    /// Everything odd met while reading the report, with what was assumed.
    pub diagnostics: Vec<Diagnostic>,
}

/// A new resolution as a summary report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedNew {
    /// Final number.
    pub number: u32,
    /// Provisional id it had in the conference texts (`COM4/AI`).
    pub provisional_id: Option<String>,
    /// Title as the report gives it.
    pub title: Option<String>,
    /// Source line.
    pub line: u32,
}

/// A resolution number listed in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedNumber {
    /// The number.
    pub number: u32,
    /// Source line.
    pub line: u32,
}

/// A Recommendation (or other non-numbered text) listed in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedId {
    /// The designation (`A.25`).
    pub id: String,
    /// Source line.
    pub line: u32,
}

/// Status declared in a report's status table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclaredStatus {
    /// 修订版
    Revised,
    /// 保留
    Maintained,
    /// 新决议
    New,
    /// 废止
    Suppressed,
    /// Anything else.
    Other,
}

/// One row of a report's status table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusRow {
    /// Status as written.
    pub status_text: String,
    /// Normalised status.
    pub status: DeclaredStatus,
    /// Resolution number.
    pub number: u32,
    /// Title as the report gives it.
    pub title: String,
    /// Source line of the row.
    pub line: u32,
}

/// A resolution excerpted in a report: some of its sections and clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    /// Resolution number.
    pub number: u32,
    /// Title as quoted.
    pub title: Option<String>,
    /// Quoted sections with their clauses.
    pub sections: Vec<Section>,
    /// Footnotes printed inside the excerpt (Word puts the body on the line of
    /// the reference: `[2: 1\t这些国家…]`), numbered as displayed.
    pub footnotes: Vec<Footnote>,
    /// Where the excerpt is.
    pub span: Span,
}

// ---- Edition diff ----

/// Version of the JSON produced by `resdiff diff --format json`.
pub const DIFF_SCHEMA_VERSION: u32 = 1;

/// Everything `resdiff diff` found between two editions: the hand-off from
/// the diff stage to the renderers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffReport {
    /// Name of the old edition (folder or file name).
    pub old_name: String,
    /// Name of the new edition.
    pub new_name: String,
    /// One entry per resolution of either edition, in the new edition's
    /// order, removed ones where they stood in the old edition.
    pub resolutions: Vec<ResolutionDiff>,
    /// Things the reader should know about how the editions were compared
    /// (partial editions, refused fuzzy id matches, …).
    pub notes: Vec<String>,
    /// Whether editorial changes were left out (`--hide-editorial`).
    pub editorial_hidden: bool,
}

/// What happened to one resolution between the editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionStatus {
    /// Only in the new edition (ITU: ADD).
    Added,
    /// Only in the old edition, which is complete (ITU: SUP).
    Removed,
    /// In both, with changes (ITU: MOD).
    Modified,
    /// In both, with no change (ITU: NOC).
    Unchanged,
    /// Only in one edition while the other holds only part of the assembly's
    /// resolutions: nothing can be said.
    Absent,
}

/// How a resolution of the old edition was paired with one of the new.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "how")]
pub enum MatchHow {
    /// Both carry the same number (or Recommendation designation).
    SameNumber,
    /// Both carry the same provisional id (`COM4/AI`).
    SameId,
    /// A provisional id was resolved to a number by the `--map` file.
    MappingFile {
        /// The provisional id as written in the text.
        provisional_id: String,
    },
    /// A provisional id was resolved to a number by a summary report found in
    /// one of the editions.
    ReportMapping {
        /// The provisional id as written in the text.
        provisional_id: String,
    },
    /// A provisional id matched a differently spelled one (`COM3/APT-NG` in
    /// the text, `COM3/NG` in the report), and that match was the only one.
    FuzzyId {
        /// Spelling in the resolution text.
        text_id: String,
        /// Spelling in the mapping (or in the other edition).
        matched_id: String,
    },
}

/// One resolution's differences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolutionDiff {
    /// Final identifier: the number where known, else the provisional id or
    /// designation.
    pub id: String,
    /// Other identifiers the resolution carries in either edition.
    pub aliases: Vec<String>,
    /// Title (new edition's, else old's).
    pub title: String,
    /// What happened to it.
    pub status: ResolutionStatus,
    /// How the two sides were paired (absent when only one side exists).
    pub match_how: Option<MatchHow>,
    /// `file:line` of the old side.
    pub old_location: Option<String>,
    /// `file:line` of the new side.
    pub new_location: Option<String>,
    /// Changes of the header, title, history and assembly lines.
    pub header_changes: Vec<Change>,
    /// Changes of headings, clauses, annexes and footnotes, in new-edition
    /// order.
    pub changes: Vec<Change>,
}

impl ResolutionDiff {
    /// Whether every change (there is at least one) is editorial.
    pub fn editorial_only(&self) -> bool {
        let mut all = self.header_changes.iter().chain(&self.changes).peekable();
        all.peek().is_some() && all.all(|c| c.editorial)
    }
}

/// Kind of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the new edition.
    Added,
    /// Only in the old edition.
    Removed,
    /// Same place, different text.
    Modified,
    /// Now in another section or out of order; text may also differ.
    Moved,
    /// Same text, same order, different label (`4` → `5`).
    Renumbered,
}

/// Which part of a resolution a change concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeUnit {
    /// Header line (edition).
    Header,
    /// Title.
    Title,
    /// History line.
    History,
    /// Assembly line.
    Assembly,
    /// Section heading.
    Heading,
    /// Lead-in paragraph of a section.
    Intro,
    /// Clause or sub-clause (annex paragraphs too).
    Clause,
    /// Annex title or caption.
    AnnexTitle,
    /// Footnote body.
    Footnote,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// Which part it concerns.
    pub unit: ChangeUnit,
    /// Section (heading as written, annex name, `footnotes`, …) on the new
    /// side, or on the old side when removed.
    pub section: String,
    /// Section on the old side, when it differs (moves across sections).
    pub old_section: Option<String>,
    /// Label path on the old side (`1 a)`; `¶2` for an unlabelled paragraph).
    pub old_label: Option<String>,
    /// Label path on the new side.
    pub new_label: Option<String>,
    /// Old text (display text, not the comparison key).
    pub old_text: Option<String>,
    /// New text.
    pub new_text: Option<String>,
    /// Whether the change only touches whitespace, punctuation width, variant
    /// characters or edition citations of other resolutions.
    pub editorial: bool,
    /// Word-level redline of old → new (empty unless both texts exist and differ).
    pub inline: Vec<InlineOp>,
    /// Where the old side is.
    pub old_span: Option<Span>,
    /// Where the new side is.
    pub new_span: Option<Span>,
}

/// Operation of an inline redline segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InlineTag {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

/// One segment of an inline redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineOp {
    /// What the segment is.
    pub op: InlineTag,
    /// Its text.
    pub text: String,
}

/// Counts over a [`DiffReport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiffSummary {
    /// Resolutions only in the new edition.
    pub added: usize,
    /// Resolutions only in the old edition.
    pub removed: usize,
    /// Resolutions in both, changed.
    pub modified: usize,
    /// Resolutions in both, of which every change is editorial.
    pub editorial_only: usize,
    /// Resolutions in both, unchanged.
    pub unchanged: usize,
    /// Resolutions outside a partial edition.
    pub absent: usize,
    /// Changes of kind added.
    pub changes_added: usize,
    /// Changes of kind removed.
    pub changes_removed: usize,
    /// Changes of kind modified.
    pub changes_modified: usize,
    /// Changes of kind moved.
    pub changes_moved: usize,
    /// Changes of kind renumbered.
    pub changes_renumbered: usize,
    /// Changes marked editorial (of any kind).
    pub changes_editorial: usize,
}

impl DiffReport {
    /// Counts of resolutions by status and of changes by kind.
    pub fn summary(&self) -> DiffSummary {
        let mut s = DiffSummary::default();
        for r in &self.resolutions {
            match r.status {
                ResolutionStatus::Added => s.added += 1,
                ResolutionStatus::Removed => s.removed += 1,
                ResolutionStatus::Modified => s.modified += 1,
                ResolutionStatus::Unchanged => s.unchanged += 1,
                ResolutionStatus::Absent => s.absent += 1,
            }
            if r.status == ResolutionStatus::Modified && r.editorial_only() {
                s.editorial_only += 1;
            }
            for c in r.header_changes.iter().chain(&r.changes) {
                match c.kind {
                    ChangeKind::Added => s.changes_added += 1,
                    ChangeKind::Removed => s.changes_removed += 1,
                    ChangeKind::Modified => s.changes_modified += 1,
                    ChangeKind::Moved => s.changes_moved += 1,
                    ChangeKind::Renumbered => s.changes_renumbered += 1,
                }
                if c.editorial {
                    s.changes_editorial += 1;
                }
            }
        }
        s
    }

    /// Whether the editions differ (resolutions added, removed or modified;
    /// absent ones do not count).
    pub fn has_differences(&self) -> bool {
        self.resolutions.iter().any(|r| {
            matches!(
                r.status,
                ResolutionStatus::Added | ResolutionStatus::Removed | ResolutionStatus::Modified
            )
        })
    }
}

// ---- Review findings ----

/// Version of the JSON produced by `resdiff review --format json`.
pub const REVIEW_SCHEMA_VERSION: u32 = 1;

/// How serious a review finding is. Ordered: `Info < Warning < Error`, so
/// `--fail-on` can compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedLocation {
    /// File.
    pub file: String,
    /// Line (1-based).
    pub line: u32,
    /// What is there (`report status table`, `full text`).
    pub label: String,
}

/// A consistency finding of `resdiff review`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// One-line explanation.
    pub message: String,
    /// The quoted source text with the offending part marked.
    pub excerpt: Option<MarkedText>,
    /// Inline difference, for findings comparing two texts: `delete` pieces
    /// are only in the edition's resolution text, `insert` pieces only in the
    /// other source (the summary report).
    pub diff: Vec<InlineOp>,
    /// Other places the finding concerns.
    pub related: Vec<RelatedLocation>,
}
