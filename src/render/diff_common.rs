//! Wording shared by the human-readable diff renderers: ITU action words and
//! how a change's place is named.

use crate::model::{Change, ChangeKind, ChangeUnit, MatchHow, ResolutionDiff};

/// ITU action word for a resolution: ADD, SUP, MOD, `(MOD)` when every
/// change is editorial, NOC, or `—` when it is outside a partial edition.
pub fn action_word(r: &ResolutionDiff) -> &'static str {
    r.verdict.mark()
}

/// `101 (COM4/AI)`.
pub fn display_id(r: &ResolutionDiff) -> String {
    if r.aliases.is_empty() {
        r.id.clone()
    } else {
        format!("{} ({})", r.id, r.aliases.join(", "))
    }
}

/// How the sides were paired, in words.
pub fn match_words(m: &MatchHow) -> String {
    match m {
        MatchHow::SameNumber => "same number".into(),
        MatchHow::SameId => "same provisional id".into(),
        MatchHow::MappingFile { provisional_id } => format!("{provisional_id} via --map file"),
        MatchHow::ReportMapping { provisional_id } => {
            format!("{provisional_id} via the assembly's summary report")
        }
        MatchHow::FuzzyId {
            text_id,
            matched_id,
        } => format!("{text_id} taken for {matched_id} (variant spelling)"),
    }
}

/// Kind of a change in words.
pub fn kind_word(c: &Change) -> &'static str {
    match c.kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Modified => "modified",
        ChangeKind::Moved => "moved",
        ChangeKind::Renumbered => "renumbered",
    }
}

fn at(section: &str, label: Option<&str>) -> String {
    match label {
        Some(l) => format!("{section} {l}"),
        None => section.to_string(),
    }
}

/// Where a change is: `认识到 b)`, `做出决议 4 → 5`, `认识到 b) → 注意到 c)`,
/// `title`, `heading 责成…`.
pub fn place(c: &Change) -> String {
    let unit = match c.unit {
        ChangeUnit::Header => return "header".into(),
        ChangeUnit::Title => return "title".into(),
        ChangeUnit::History => return "history".into(),
        ChangeUnit::Assembly => return "assembly line".into(),
        ChangeUnit::Heading => return "heading".into(),
        ChangeUnit::Intro => return format!("{} (lead-in)", c.section),
        ChangeUnit::Footnote => "footnote",
        ChangeUnit::AnnexTitle | ChangeUnit::Clause => "",
    };
    let section = if unit.is_empty() {
        c.section.clone()
    } else {
        unit.to_string()
    };
    let old_section = c.old_section.as_deref().unwrap_or(&section);
    match (c.kind, c.old_label.as_deref(), c.new_label.as_deref()) {
        (ChangeKind::Moved, o, n) => format!("{} → {}", at(old_section, o), at(&section, n)),
        (_, Some(o), Some(n)) if o != n => format!("{} → {n}", at(&section, Some(o))),
        (_, o, n) => at(&section, n.or(o)),
    }
}
