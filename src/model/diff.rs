//! The edition diff's report: resolutions paired, clause changes, inline redlines.

use super::*;
use serde::Serialize;

/// Version of the JSON produced by `resdiff diff --format json`.
pub const DIFF_SCHEMA_VERSION: u32 = 3;

/// Everything `resdiff diff` found between two editions: the hand-off from
/// the diff stage to the renderers.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub notes: Vec<Note>,
    /// Whether editorial changes (edition markers included) were left out
    /// (`--hide-editorial`, `--substantive`).
    pub editorial_hidden: bool,
    /// Whether pure renumberings were left out (`--substantive`).
    pub renumbering_hidden: bool,
    /// Language tag of the texts (`zh-Hans`), which the report speaks.
    pub lang: String,
}

/// Something the reader should know about how two editions were compared.
/// A code with its values, so that each report puts it in the words of the
/// texts' language (the language tables' `note_*` templates, whose
/// placeholders are named after the fields) and JSON stays neutral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Note {
    /// `edition` holds only part of the assembly's resolutions; those
    /// missing from it are reported as absent.
    PartialEdition {
        /// Name of the edition.
        edition: String,
    },
    /// Resolution `resolution` had too many clauses without an exact match
    /// to compare every pair: each was compared only with its likeliest
    /// counterparts, so a modified clause may show as removed and added.
    NarrowedSearch {
        /// Id of the resolution.
        resolution: String,
        /// Clauses of the old side without an exact match.
        old_clauses: usize,
        /// Clauses of the new side without an exact match.
        new_clauses: usize,
    },
    /// A summary report maps `provisional_id` to `number`, but the `--map`
    /// file or another report maps it to `used`, which is used.
    MappingConflict {
        /// Where the report says so (`file:line`).
        at: String,
        /// The provisional id.
        provisional_id: String,
        /// The number this report gives.
        number: u32,
        /// Whether the other mapping is the `--map` file's (else another
        /// report's).
        by_map_file: bool,
        /// The number used.
        used: u32,
    },
    /// Provisional id `id` could be any of `candidates`; left unresolved.
    AmbiguousId {
        /// Where the resolution is (`file:line`).
        at: String,
        /// Its id.
        id: String,
        /// What it could be: `COM4/AI (101)`, ….
        candidates: Vec<String>,
    },
    /// Unresolved id `id` resembles several ids of the new edition; left
    /// unmatched.
    AmbiguousSpelling {
        /// Where the resolution is (`file:line`).
        at: String,
        /// Its id.
        id: String,
    },
}

/// The ITU verdict on one resolution: the mark an assembly's texts put
/// before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Changed in substance (MOD).
    Mod,
    /// Only edition markers or editorial changes ((MOD)).
    ModEditorial,
    /// Unchanged (NOC).
    Noc,
    /// Added (ADD).
    Add,
    /// Suppressed (SUP).
    Sup,
    /// Outside a partial edition: nothing can be said.
    Absent,
}

impl Verdict {
    /// The ITU mark: `MOD`, `(MOD)`, `NOC`, `ADD`, `SUP`; `—` when absent.
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Mod => "MOD",
            Verdict::ModEditorial => "(MOD)",
            Verdict::Noc => "NOC",
            Verdict::Add => "ADD",
            Verdict::Sup => "SUP",
            Verdict::Absent => "—",
        }
    }

    /// Whether the resolution is shown in full in a report: an added or
    /// suppressed text is reproduced whole (all inserted, all deleted), as
    /// ITU practice has it; a compared one only with `--full`.
    pub fn shown_in_full(self, full: bool) -> bool {
        match self {
            Verdict::Add | Verdict::Sup => true,
            Verdict::Mod | Verdict::ModEditorial | Verdict::Noc => full,
            Verdict::Absent => false,
        }
    }
}

/// How a change counts: in substance, editorial (edition markers
/// included), a move, or a pure renumbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// Changes what the text says.
    Substantive,
    /// Whitespace, punctuation width, variant characters, edition
    /// citations or edition markers only.
    Editorial,
    /// The clause now stands elsewhere (its text may also differ).
    Moved,
    /// Same text, same order, another label.
    Renumbered,
}

/// Changes of one resolution by [`ChangeClass`], counted before anything
/// is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ChangeCounts {
    /// Changes in substance.
    pub substantive: usize,
    /// Editorial changes and edition markers.
    pub editorial: usize,
    /// Moves.
    pub moved: usize,
    /// Pure renumberings.
    pub renumbered: usize,
}

impl ChangeCounts {
    /// Count the classes of `changes`.
    pub fn of<'a>(changes: impl IntoIterator<Item = &'a Change>) -> ChangeCounts {
        let mut n = ChangeCounts::default();
        for c in changes {
            match c.class() {
                ChangeClass::Substantive => n.substantive += 1,
                ChangeClass::Editorial => n.editorial += 1,
                ChangeClass::Moved => n.moved += 1,
                ChangeClass::Renumbered => n.renumbered += 1,
            }
        }
        n
    }

    /// All changes.
    pub fn total(&self) -> usize {
        self.substantive + self.editorial + self.moved + self.renumbered
    }

    fn add(&mut self, o: ChangeCounts) {
        self.substantive += o.substantive;
        self.editorial += o.editorial;
        self.moved += o.moved;
        self.renumbered += o.renumbered;
    }
}

/// What happened to one resolution between the editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "how")]
#[non_exhaustive]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Where the old side is (file and the resolution's lines).
    pub old_location: Option<Location>,
    /// Where the new side is.
    pub new_location: Option<Location>,
    /// Changes of the header, title, history and assembly lines.
    pub header_changes: Vec<Change>,
    /// Changes of headings, clauses, annexes and footnotes, in new-edition
    /// order.
    pub changes: Vec<Change>,
    /// The ITU verdict, decided on every change, hidden ones included.
    pub verdict: Verdict,
    /// Changes by class, hidden ones included.
    pub counts: ChangeCounts,
}

impl ResolutionDiff {
    /// Whether every change (there is at least one) is editorial: (MOD).
    pub fn editorial_only(&self) -> bool {
        self.verdict == Verdict::ModEditorial
    }

    /// The verdict that `status` and the classes of `changes` give.
    pub fn verdict_of<'a>(
        status: ResolutionStatus,
        changes: impl IntoIterator<Item = &'a Change>,
    ) -> Verdict {
        match status {
            ResolutionStatus::Added => Verdict::Add,
            ResolutionStatus::Removed => Verdict::Sup,
            ResolutionStatus::Unchanged => Verdict::Noc,
            ResolutionStatus::Absent => Verdict::Absent,
            ResolutionStatus::Modified => {
                let counts = ChangeCounts::of(changes);
                if counts.substantive + counts.moved > 0 {
                    Verdict::Mod
                } else if counts.total() > 0 {
                    Verdict::ModEditorial
                } else {
                    Verdict::Noc
                }
            }
        }
    }

    /// Recompute `verdict` and `counts` from the changes held (after
    /// changing them by hand, as tests do).
    pub fn settle(&mut self) {
        self.verdict =
            Self::verdict_of(self.status, self.header_changes.iter().chain(&self.changes));
        self.counts = ChangeCounts::of(self.header_changes.iter().chain(&self.changes));
    }
}

/// Kind of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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

impl Change {
    /// Whether the change concerns an edition marker: the header's
    /// edition, the history line, the assembly line or an annex caption.
    pub fn is_edition_marker(&self) -> bool {
        match self.unit {
            ChangeUnit::Header | ChangeUnit::History | ChangeUnit::Assembly => true,
            ChangeUnit::AnnexTitle => {
                self.new_label.as_deref().or(self.old_label.as_deref()) == Some("caption")
            }
            _ => false,
        }
    }

    /// How the change counts.
    pub fn class(&self) -> ChangeClass {
        match self.kind {
            ChangeKind::Moved => ChangeClass::Moved,
            ChangeKind::Renumbered => ChangeClass::Renumbered,
            _ if self.editorial => ChangeClass::Editorial,
            _ => ChangeClass::Substantive,
        }
    }
}

/// Operation of an inline redline segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InlineOp {
    /// What the segment is.
    pub op: InlineTag,
    /// Its text.
    pub text: String,
}

/// Counts over a [`DiffReport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
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
    /// Changes by class over every resolution, hidden ones included.
    pub classes: ChangeCounts,
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
            if r.verdict == Verdict::ModEditorial {
                s.editorial_only += 1;
            }
            s.classes.add(r.counts);
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
    /// absent ones do not count, nor editorial-only ones when editorial
    /// changes are hidden).
    pub fn has_differences(&self) -> bool {
        self.resolutions.iter().any(|r| match r.verdict {
            Verdict::Add | Verdict::Sup | Verdict::Mod => true,
            Verdict::ModEditorial => !self.editorial_hidden,
            Verdict::Noc | Verdict::Absent => false,
        })
    }
}
