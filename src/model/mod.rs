//! The document model: every type the stages hand to each other lives in
//! this module (parse model here; summary report, edition diff and review
//! findings in the submodules, re-exported).
//!
//! A [`Document`] is one input file. It holds the [`Resolution`]s found in it
//! (which may be ITU-T Recommendations revised by an assembly, such as A.25),
//! the stretches that are not resolution text, and the diagnostics raised while
//! reading it. Every node carries a [`Span`] back to the source lines.

use serde::Serialize;

/// Version of the JSON produced from this model (`resdiff parse --format json`).
///
/// 2: footnotes are named by their mark as printed, a string (`"1"`,
/// `"1bis"`, `"*"`): `footnotes[].mark` replaced `footnotes[].number`, and
/// every `notes` list holds marks.
pub const PARSE_SCHEMA_VERSION: u32 = 2;

/// First and last line (1-based, inclusive) of a node in its source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
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

/// Where a node is: its file and lines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// Path of the file as given.
    pub file: String,
    /// The line to point a reader at: the first line of `span`.
    pub line: u32,
    /// All the lines of the node.
    pub span: Span,
}

impl Location {
    /// The node on lines `span` of `file`.
    pub fn new(file: impl Into<String>, span: Span) -> Self {
        Location {
            file: file.into(),
            line: span.first_line,
            span,
        }
    }
}

impl std::fmt::Display for Location {
    /// `file:line`, as compilers and editors point at a line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// What a file of an edition folder turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EncodingReport {
    /// Encoding name as `encoding_rs` spells it (`UTF-8`, `GB18030`, …).
    pub encoding: String,
    /// Whether a byte-order mark was present.
    pub bom: bool,
    /// How the encoding was chosen.
    pub how: EncodingChoice,
}

/// How the encoding of a file was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum EncodingChoice {
    /// A byte-order mark named it.
    #[serde(rename = "bom")]
    ByteOrderMark,
    /// The bytes are valid UTF-8.
    #[serde(rename = "utf-8")]
    Utf8,
    /// Guessed from the bytes (NUL pattern of UTF-16, legacy CJK encodings).
    #[serde(rename = "detected")]
    Detected,
    /// Named by the caller (`--encoding`).
    #[serde(rename = "forced")]
    Forced,
    /// Read from a Word document, whose XML parts are UTF-8.
    #[serde(rename = "docx")]
    Docx,
}

/// The language a file was read in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LanguageReport {
    /// Tag of the language table used (`zh-Hans`, `en`).
    pub tag: String,
    /// How it was chosen: `detected` from the text, `forced` by `--lang`,
    /// or `default` when the text has no letters to tell.
    pub how: String,
}

impl LanguageReport {
    /// The language table of this report, when the tag names one.
    pub fn table(&self) -> Option<&'static crate::lang::Lang> {
        crate::lang::by_name(&self.tag)
    }
}

/// The physical layout convention the text follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// PDF extraction: hard wraps, a trailing space marks a paragraph end, a
    /// leading space marks a page start.
    Pdf,
    /// Word extraction: one paragraph per line, tabs after labels.
    Word,
}

/// One input file, parsed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Path as given by the user.
    pub path: String,
    /// What the file holds.
    pub class: DocumentClass,
    /// How its bytes were decoded.
    pub encoding: EncodingReport,
    /// Layout convention detected.
    pub layout: Layout,
    /// Language of the text and how it was chosen.
    pub language: LanguageReport,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherBlock {
    /// What it is.
    pub kind: OtherBlockKind,
    /// Its paragraphs (table rows, list items …) as read.
    pub paragraphs: Vec<Text>,
    /// Where it is.
    pub span: Span,
}

/// What a stretch of non-resolution text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum OtherBlockKind {
    /// Before the first resolution (cover page, table of contents, banner).
    FrontMatter,
    /// The committees' list of actions on each text (`编号 行动`).
    CommitteeActions,
    /// The list of study group chairs and vice-chairs (`组 名单 成员国`).
    LeadershipList,
    /// The table of Questions (`课题号 课题标题 状况`).
    QuestionTable,
    /// After the resolutions, under no known table header.
    OtherText,
    /// A whole file in which no resolution was found.
    TextWithoutResolutions,
}

impl OtherBlockKind {
    /// The words the outline and the JSON model use.
    pub fn as_str(self) -> &'static str {
        match self {
            OtherBlockKind::FrontMatter => "front matter",
            OtherBlockKind::CommitteeActions => "committee actions",
            OtherBlockKind::LeadershipList => "leadership list",
            OtherBlockKind::QuestionTable => "question table",
            OtherBlockKind::OtherText => "other text",
            OtherBlockKind::TextWithoutResolutions => "text without resolutions",
        }
    }
}

impl std::fmt::Display for OtherBlockKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for OtherBlockKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Severity of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// Source line (1-based) it concerns.
    pub line: u32,
    /// What was odd and what was assumed.
    pub message: String,
}

/// The action an assembly text marks a resolution with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionKind {
    /// A WTSA resolution.
    Resolution,
    /// An ITU-T Recommendation (e.g. A.25) carried in the assembly's texts.
    Recommendation,
}

/// The edition a header or citation names: `（2024年，新德里，修订版）`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryItem {
    /// The item as written (footnote digits removed).
    pub raw: String,
    /// Year, if one could be read.
    pub year: Option<u32>,
    /// Place, if one was given.
    pub place: Option<String>,
}

/// The history line: every assembly that adopted or revised the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct History {
    /// The whole line, joined, as written (footnote digits removed).
    pub text: String,
    /// Items split at `；` with year and place read where possible.
    pub items: Vec<HistoryItem>,
    /// Footnotes referenced from the line.
    pub notes: Vec<FootnoteMark>,
    /// Where it is.
    pub span: Span,
}

/// A one-paragraph piece of text with its footnote references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The text, lines joined, artifacts and footnote digits removed.
    pub text: String,
    /// Marks of the footnotes referenced in it.
    pub notes: Vec<FootnoteMark>,
    /// Where it is.
    pub span: Span,
}

/// One resolution (or revised Recommendation).
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
    /// having considered (English texts).
    HavingConsidered,
    /// emphasizing, stressing (English texts).
    Emphasizing,
    /// acknowledging, appreciating, welcoming (English texts).
    Acknowledging,
    /// convinced (English texts).
    Convinced,
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
            SectionKind::HavingConsidered => "having considered",
            SectionKind::Emphasizing => "emphasizing",
            SectionKind::Acknowledging => "acknowledging",
            SectionKind::Convinced => "convinced",
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub notes: Vec<FootnoteMark>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clause {
    /// Label, if the paragraph has one.
    pub label: Option<ClauseLabel>,
    /// Text without the label, lines joined.
    pub text: String,
    /// Footnotes referenced in it.
    pub notes: Vec<FootnoteMark>,
    /// Sub-clauses.
    pub children: Vec<Clause>,
    /// Where it is (the clause's own paragraph; children have their own).
    pub span: Span,
}

/// An annex, appendix or attachment of a resolution.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// A footnote's mark as printed: a number (`1`, restarting at 1 in every
/// resolution), a number with the Latin suffix of a footnote inserted after
/// it (`1bis`), or a custom mark (`*`). Marks order by number, then by
/// suffix (`1` < `1bis` < `1ter` < `2`), custom marks after numbered ones.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct FootnoteMark(String);

impl FootnoteMark {
    /// The mark printed as `mark`.
    pub fn new(mark: impl Into<String>) -> Self {
        FootnoteMark(mark.into())
    }

    /// The mark as printed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number the mark starts with (`1` of `1bis`), if it has one.
    pub fn number(&self) -> Option<u32> {
        let digits = self.0.bytes().take_while(u8::is_ascii_digit).count();
        self.0[..digits].parse().ok()
    }

    /// What follows the number (`bis` of `1bis`), or the whole of a custom
    /// mark.
    pub fn suffix(&self) -> &str {
        self.0.trim_start_matches(|c: char| c.is_ascii_digit())
    }

    fn order_key(&self) -> (bool, u32, bool, usize, &str) {
        let number = self.number();
        let suffix = self.suffix();
        (
            number.is_none(),
            number.unwrap_or(0),
            !suffix.is_empty(),
            crate::lang::ordinal_suffix_rank(suffix).unwrap_or(usize::MAX),
            suffix,
        )
    }
}

impl From<u32> for FootnoteMark {
    fn from(n: u32) -> Self {
        FootnoteMark(n.to_string())
    }
}

impl PartialEq<u32> for FootnoteMark {
    fn eq(&self, n: &u32) -> bool {
        self.suffix().is_empty() && self.number() == Some(*n)
    }
}

impl PartialEq<&str> for FootnoteMark {
    fn eq(&self, s: &&str) -> bool {
        self.0 == *s
    }
}

impl PartialOrd for FootnoteMark {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FootnoteMark {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

/// As printed, so that lists of marks read `[1, 1bis]`.
impl std::fmt::Debug for FootnoteMark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for FootnoteMark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for FootnoteMark {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A footnote of a resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// Mark as printed, in the text and before the body.
    pub mark: FootnoteMark,
    /// Body text, lines joined.
    pub text: String,
    /// Lines where it is referenced.
    pub referenced_at: Vec<u32>,
    /// Where the body is.
    pub span: Span,
}

mod diff;
mod report;
mod review;
mod walk;

pub use diff::*;
pub use report::*;
pub use review::*;
pub use walk::{TextUnit, TextUnitKind};

#[cfg(test)]
mod tests {
    use super::FootnoteMark;

    #[test]
    fn footnote_marks_order_by_number_then_ordinal_suffix() {
        let mut marks: Vec<FootnoteMark> = ["*", "10", "2", "1ter", "1", "1bis"]
            .into_iter()
            .map(FootnoteMark::new)
            .collect();
        marks.sort();
        let shown: Vec<&str> = marks.iter().map(FootnoteMark::as_str).collect();
        assert_eq!(shown, ["1", "1bis", "1ter", "2", "10", "*"]);
        assert_eq!(marks[1].number(), Some(1));
        assert_eq!(marks[1].suffix(), "bis");
        assert_eq!(marks[5].number(), None);
        assert!(marks[0] == 1 && marks[1] != 1);
    }
}
