//! Wording shared by the human-readable diff renderers: ITU action words and
//! how a change's place is named.

use crate::lang::ReportWords;
use crate::model::{Change, ChangeKind, ChangeUnit, MatchHow, Note, ResolutionDiff, Span, Verdict};

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

/// `n` things counted with the one-and-several templates `forms` (`{n}`
/// replaced).
pub fn counted(forms: [&str; 2], n: usize) -> String {
    forms[usize::from(n != 1)].replace("{n}", &n.to_string())
}

/// A resolution named in the words of the texts' language, with its
/// aliases: `第101号决议（COM4/AI）`, `Resolution 101 (COM4/AI)`.
pub fn resolution_name(r: &ResolutionDiff, w: &ReportWords) -> String {
    let name = super::review_text::group_title_in(&super::review_text::group_for(&r.id), w);
    if r.aliases.is_empty() {
        name
    } else {
        let (open, close) = w.parens;
        format!("{name}{open}{}{close}", r.aliases.join(w.separator))
    }
}

/// A note on the comparison in the words of the texts' language.
pub fn note_text(n: &Note, w: &ReportWords) -> String {
    let p = &w.page;
    match n {
        Note::PartialEdition { edition } => p.note_partial.replace("{edition}", edition),
        Note::NarrowedSearch {
            resolution,
            old_clauses,
            new_clauses,
        } => p
            .note_narrowed
            .replace("{id}", resolution)
            .replace("{old}", &old_clauses.to_string())
            .replace("{new}", &new_clauses.to_string()),
        Note::MappingConflict {
            at,
            provisional_id,
            number,
            by_map_file,
            used,
        } => p
            .note_map_conflict
            .replace("{at}", at)
            .replace("{id}", provisional_id)
            .replace("{number}", &number.to_string())
            .replace("{source}", p.map_sources[usize::from(!by_map_file)])
            .replace("{other}", &used.to_string()),
        Note::AmbiguousId { at, id, candidates } => p
            .note_ambiguous_id
            .replace("{at}", at)
            .replace("{id}", id)
            .replace("{candidates}", &candidates.join(w.separator)),
        Note::AmbiguousSpelling { at, id } => p
            .note_ambiguous_spelling
            .replace("{at}", at)
            .replace("{id}", id),
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

/// Kind of a change in the words of the texts' language.
pub fn kind_label(c: &Change, w: &ReportWords) -> &'static str {
    match c.kind {
        ChangeKind::Added => w.added,
        ChangeKind::Removed => w.removed,
        ChangeKind::Modified => w.modified,
        ChangeKind::Moved => w.moved,
        ChangeKind::Renumbered => w.renumbered,
    }
}

/// A verdict in words (`实质性修改`).
pub fn verdict_label(v: Verdict, w: &ReportWords) -> &'static str {
    let i = match v {
        Verdict::Mod => 0,
        Verdict::ModEditorial => 1,
        Verdict::Noc => 2,
        Verdict::Add => 3,
        Verdict::Sup => 4,
        Verdict::Absent => 5,
    };
    w.verdict_words[i]
}

/// How the sides were paired, in the words of the texts' language.
pub fn match_label(m: &MatchHow, w: &ReportWords) -> String {
    let (i, id, other) = match m {
        MatchHow::SameNumber => (0, "", ""),
        MatchHow::SameId => (1, "", ""),
        MatchHow::MappingFile { provisional_id } => (2, provisional_id.as_str(), ""),
        MatchHow::ReportMapping { provisional_id } => (3, provisional_id.as_str(), ""),
        MatchHow::FuzzyId {
            text_id,
            matched_id,
        } => (4, text_id.as_str(), matched_id.as_str()),
    };
    w.match_words[i]
        .replace("{id}", id)
        .replace("{other}", other)
}

/// Where a change is, header units named in the texts' language.
pub fn place_label(c: &Change, w: &ReportWords) -> String {
    let unit = |i: usize| w.units[i].to_string();
    match c.unit {
        ChangeUnit::Header => unit(0),
        ChangeUnit::Title => unit(1),
        ChangeUnit::History => unit(2),
        ChangeUnit::Assembly => unit(3),
        ChangeUnit::Heading => unit(4),
        ChangeUnit::Intro => format!("{}{}{}{}", c.section, w.parens.0, unit(5), w.parens.1),
        ChangeUnit::Footnote => {
            // Named like a clause of a section called "footnote" in the
            // texts' language (`place` would say it in English).
            let mut c = c.clone();
            c.unit = ChangeUnit::Clause;
            c.section = unit(6);
            c.old_section = None;
            place(&c)
        }
        ChangeUnit::AnnexTitle | ChangeUnit::Clause => place(c),
    }
}

fn span_words(s: Span) -> String {
    if s.first_line == s.last_line {
        s.first_line.to_string()
    } else {
        format!("{}–{}", s.first_line, s.last_line)
    }
}

/// Source lines of a change: `原第11299–11301行，新第47行`.
pub fn lines_label(c: &Change, w: &ReportWords) -> String {
    let side = |lead: &str, s: Option<Span>| {
        s.map(|s| format!("{lead}{}", w.lines.replace("{lines}", &span_words(s))))
    };
    [side(w.old_side, c.old_span), side(w.new_side, c.new_span)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(w.separator)
}

/// An unchanged paragraph of a resolution shown in full as a change
/// record without change (same label on both sides, no old text), so that
/// it is named and located in the words a change at its place gets.
pub(crate) fn same_as_change(s: &super::diff_full::Same) -> Change {
    Change {
        kind: ChangeKind::Modified,
        unit: s.unit,
        section: s.section.clone(),
        old_section: None,
        old_label: s.label.clone(),
        new_label: s.label.clone(),
        old_text: None,
        new_text: Some(s.text.to_string()),
        editorial: false,
        inline: Vec::new(),
        old_span: None,
        new_span: Some(s.span),
    }
}

/// Where an unchanged paragraph of a resolution shown in full is, in the
/// words [`place_label`] gives a change at the same place.
pub(crate) fn same_place_label(s: &super::diff_full::Same, w: &ReportWords) -> String {
    place_label(&same_as_change(s), w)
}

/// Source lines of an unchanged paragraph: `新第47行`.
pub(crate) fn same_lines_label(s: &super::diff_full::Same, w: &ReportWords) -> String {
    format!(
        "{}{}",
        w.new_side,
        w.lines.replace("{lines}", &span_words(s.span))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{EN, Lang};

    #[test]
    fn notes_are_worded_in_the_language_of_the_texts() {
        let zh = Lang::for_tag("zh-Hans").report;
        let conflict = Note::MappingConflict {
            at: "r.txt:7".into(),
            provisional_id: "COM4/AI".into(),
            number: 101,
            by_map_file: true,
            used: 102,
        };
        assert_eq!(
            note_text(&conflict, EN.report),
            "r.txt:7: the report maps COM4/AI to 101, but the --map file maps it to 102; using 102"
        );
        let zh_text = note_text(&conflict, zh);
        assert!(zh_text.starts_with("r.txt:7"), "{zh_text}");
        assert!(zh_text.contains("COM4/AI") && zh_text.contains("102"));
        assert!(!zh_text.contains("report") && !zh_text.contains("using"));
        let ambiguous = Note::AmbiguousId {
            at: "a.txt:1".into(),
            id: "COM4/X".into(),
            candidates: vec!["COM4/XA (101)".into(), "COM4/XB (102)".into()],
        };
        assert_eq!(
            note_text(&ambiguous, EN.report),
            "a.txt:1: COM4/X could be any of COM4/XA (101), COM4/XB (102); left unresolved"
        );
        let narrowed = Note::NarrowedSearch {
            resolution: "5".into(),
            old_clauses: 300,
            new_clauses: 310,
        };
        assert!(note_text(&narrowed, EN.report).starts_with("resolution 5: 300 and 310 clauses"));
        for n in [conflict, ambiguous, narrowed] {
            for w in [EN.report, zh] {
                assert!(!note_text(&n, w).contains('{'), "placeholder left in {n:?}");
            }
        }
    }
}
