//! Resolution alignment: pair the resolutions of two editions by number,
//! resolving provisional ids (`COM4/AI`) to final numbers through a mapping
//! file or a summary report, and record how every pair was made.
//!
//! Mapping file format (`--map FILE`), one pair a line:
//!
//! ```text
//! # WTSA-24 new resolutions
//! 101 = COM4/AI
//! 107 = COM3/APT-NG   # the report spells it COM3/NG
//! ```
//!
//! Blank lines and everything after `#` are ignored; the number comes first.

use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::model::{Location, MatchHow, Note, Resolution, ResolutionKind, Span};
use crate::text::fold_width;
use std::collections::BTreeMap;
use std::path::Path;

/// Provisional id → final number, from a `--map` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdMap {
    /// Entries in file order.
    pub entries: Vec<IdMapEntry>,
}

/// One line of a mapping file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdMapEntry {
    /// Final number.
    pub number: u32,
    /// Provisional id as written.
    pub provisional_id: String,
    /// Where the entry is in the mapping file.
    pub source: Location,
}

impl IdMap {
    /// Read a mapping file.
    pub fn read(path: &Path) -> Result<IdMap> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: shown.clone(),
            source,
        })?;
        // Editors on Windows save text with a byte-order mark.
        IdMap::parse(&shown, text.strip_prefix('\u{feff}').unwrap_or(&text))
    }

    /// Parse the text of a mapping file; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<IdMap> {
        let mut entries: Vec<IdMapEntry> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            let line_no = u32::try_from(line).unwrap_or(u32::MAX);
            let bad = |what: &str| Error::Data {
                path: name.to_string(),
                line: Some(line_no),
                message: what.to_string(),
            };
            let (left, right) = content
                .split_once('=')
                .ok_or_else(|| bad("expected `NUMBER = PROVISIONAL_ID` (e.g. `101 = COM4/AI`)"))?;
            let number: u32 = crate::text::fold_digits(left.trim())
                .parse()
                .map_err(|_| bad(&format!("`{}` is not a resolution number", left.trim())))?;
            let id = right.trim();
            if id.is_empty() || id.contains(char::is_whitespace) {
                return Err(bad(&format!("`{id}` is not a provisional id")));
            }
            let key = normalize_id(id);
            let earlier = entries
                .iter()
                .find(|e| normalize_id(&e.provisional_id) == key);
            if let Some(prev) = earlier.filter(|p| p.number != number) {
                return Err(bad(&format!(
                    "{id} is mapped to {number} here and to {} at {}",
                    prev.number, prev.source
                )));
            }
            let same_number = entries
                .iter()
                .find(|e| e.number == number && normalize_id(&e.provisional_id) != key);
            if let Some(prev) = same_number {
                return Err(bad(&format!(
                    "{number} is given to {id} here and to {} at {}",
                    prev.provisional_id, prev.source
                )));
            }
            entries.push(IdMapEntry {
                number,
                provisional_id: id.to_string(),
                source: Location::new(name, Span::new(line_no, line_no)),
            });
        }
        Ok(IdMap { entries })
    }

    /// Entries that repeat an earlier one, each with the one it repeats.
    pub fn repeated_entries(&self) -> Vec<(&IdMapEntry, &IdMapEntry)> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let key = normalize_id(&e.provisional_id);
                self.entries[..i]
                    .iter()
                    .find(|p| normalize_id(&p.provisional_id) == key)
                    .map(|p| (e, p))
            })
            .collect()
    }

    /// Entries whose provisional id neither edition holds: lines that do
    /// nothing, most likely a misspelt id.
    pub fn unused_entries(&self, old: &Corpus, new: &Corpus) -> Vec<&IdMapEntry> {
        let held: Vec<String> = [old, new]
            .iter()
            .flat_map(|c| &c.documents)
            .flat_map(|d| &d.resolutions)
            .map(|r| normalize_id(&r.id))
            .collect();
        self.entries
            .iter()
            .filter(|e| !held.contains(&normalize_id(&e.provisional_id)))
            .collect()
    }
}

/// Options of resolution alignment.
#[derive(Debug, Clone, Default)]
pub struct IdOptions {
    /// Mapping from `--map`, which wins over summary reports.
    pub map: Option<IdMap>,
    /// `--shared-ids`: the ids the editions are known to share; a resolution
    /// outside this list found in one edition only is `absent`, not added or
    /// removed.
    pub shared: Option<Vec<String>>,
}

/// A resolution and the file it is in.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    /// Path of the file.
    pub path: &'a str,
    /// The resolution.
    pub resolution: &'a Resolution,
}

impl Located<'_> {
    /// Where the resolution is.
    pub fn location(&self) -> Location {
        Location::new(self.path, self.resolution.span)
    }
}

/// A resolution of either edition with its counterpart, if any.
#[derive(Debug, Clone)]
pub struct ResolutionPair<'a> {
    /// Final id: number where known.
    pub id: String,
    /// Ids as written in the texts that differ from `id`.
    pub aliases: Vec<String>,
    /// Old side.
    pub old: Option<Located<'a>>,
    /// New side.
    pub new: Option<Located<'a>>,
    /// How the sides were paired (when both exist).
    pub how: Option<MatchHow>,
    /// One side only, and the other edition does not claim to be complete.
    pub absent: bool,
}

/// The resolutions of two editions, paired: the hand-off from resolution
/// alignment to clause alignment.
#[derive(Debug, Clone)]
pub struct EditionAlignment<'a> {
    /// Pairs in new-edition order, old-only ones where they stood.
    pub pairs: Vec<ResolutionPair<'a>>,
    /// What the reader should know (refused fuzzy matches, conflicts).
    pub notes: Vec<Note>,
}

/// Identity of a resolution once provisional ids are resolved.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Number(u32),
    Other(String),
}

impl Key {
    fn shown(&self, written: &str) -> String {
        match self {
            Key::Number(n) => n.to_string(),
            Key::Other(_) => written.to_string(),
        }
    }
}

struct Resolved<'a> {
    at: Located<'a>,
    key: Key,
    how: Option<MatchHow>,
}

/// Where a provisional id mapping came from.
#[derive(Clone)]
struct Mapping {
    number: u32,
    written: String,
    from_file: bool,
    /// The `--map` line.
    source: Option<Location>,
}

/// Provisional id in comparable form: width folded, upper case, no spaces.
pub fn normalize_id(id: &str) -> String {
    id.chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

fn id_parts(id: &str) -> Vec<String> {
    normalize_id(id)
        .split(['/', '-', '_', '.'])
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether two provisional ids are variant spellings of one another: same
/// parts up to separators, or the same committee with the parts of one a
/// subsequence of the other's (`COM3/NG` in `COM3/APT-NG`). Identical ids
/// match too.
pub fn ids_fuzzy_match(a: &str, b: &str) -> bool {
    let (pa, pb) = (id_parts(a), id_parts(b));
    if pa.is_empty() || pb.is_empty() {
        return false;
    }
    if pa.concat() == pb.concat() {
        return true;
    }
    let (short, long) = if pa.len() <= pb.len() {
        (&pa, &pb)
    } else {
        (&pb, &pa)
    };
    if short.len() < 2 || short[0] != long[0] {
        return false;
    }
    let mut it = long.iter();
    short.iter().all(|p| it.any(|q| q == p))
}

/// Pair the resolutions of two editions.
pub fn align_editions<'a>(
    old: &'a Corpus,
    new: &'a Corpus,
    opts: &IdOptions,
) -> Result<EditionAlignment<'a>> {
    let mut notes = Vec::new();
    let mappings = collect_mappings(old, new, opts, &mut notes);
    let mut olds = resolve_side(old, &mappings, &mut notes)?;
    let mut news = resolve_side(new, &mappings, &mut notes)?;
    pair_unresolved_fuzzily(&mut olds, &mut news, &mut notes);

    let mut new_by_key: BTreeMap<&Key, usize> = BTreeMap::new();
    for (i, r) in news.iter().enumerate() {
        new_by_key.insert(&r.key, i);
    }
    let mut old_partner: Vec<Option<usize>> = vec![None; olds.len()];
    let mut new_partner: Vec<Option<usize>> = vec![None; news.len()];
    for (i, r) in olds.iter().enumerate() {
        if let Some(&j) = new_by_key.get(&r.key) {
            old_partner[i] = Some(j);
            new_partner[j] = Some(i);
        }
    }

    let only: Option<Vec<String>> = opts
        .shared
        .as_ref()
        .map(|v| v.iter().map(|s| normalize_id(s)).collect());
    let outside_only = |p: &ResolutionPair| match &only {
        Some(list) => !std::iter::once(&p.id)
            .chain(&p.aliases)
            .any(|id| list.contains(&normalize_id(id))),
        None => false,
    };

    let mut pairs = Vec::new();
    let mut next_old = 0;
    let mut push_old_only = |upto: usize, pairs: &mut Vec<ResolutionPair<'a>>| {
        while next_old < upto {
            if old_partner[next_old].is_none() {
                let mut p = one_side(&olds[next_old], None);
                p.absent = new.partial || outside_only(&p);
                pairs.push(p);
            }
            next_old += 1;
        }
    };
    for (j, n) in news.iter().enumerate() {
        match new_partner[j] {
            Some(i) => {
                push_old_only(i, &mut pairs);
                pairs.push(both_sides(&olds[i], n));
            }
            None => {
                let mut p = one_side(n, Some(()));
                p.absent = old.partial || outside_only(&p);
                pairs.push(p);
            }
        }
    }
    push_old_only(olds.len(), &mut pairs);
    Ok(EditionAlignment { pairs, notes })
}

fn one_side<'a>(r: &Resolved<'a>, new_side: Option<()>) -> ResolutionPair<'a> {
    let written = &r.at.resolution.id;
    let id = r.key.shown(written);
    let aliases = if &id != written {
        vec![written.clone()]
    } else {
        Vec::new()
    };
    let (old, new) = match new_side {
        Some(()) => (None, Some(r.at)),
        None => (Some(r.at), None),
    };
    ResolutionPair {
        id,
        aliases,
        old,
        new,
        how: None,
        absent: false,
    }
}

fn both_sides<'a>(o: &Resolved<'a>, n: &Resolved<'a>) -> ResolutionPair<'a> {
    let id = n.key.shown(&n.at.resolution.id);
    let mut aliases = Vec::new();
    for w in [&o.at.resolution.id, &n.at.resolution.id] {
        if w != &id && !aliases.contains(w) {
            aliases.push(w.clone());
        }
    }
    // The weaker of the two ways the sides reached the shared key (the
    // variants are ordered from most to least direct).
    let how = match (&o.how, &n.how) {
        (None, None) => match &n.key {
            Key::Other(k) if k.contains('/') => MatchHow::SameId,
            _ => MatchHow::SameNumber,
        },
        (Some(a), None) | (None, Some(a)) => a.clone(),
        (Some(a), Some(b)) => a.max(b).clone(),
    };
    ResolutionPair {
        id,
        aliases,
        old: Some(o.at),
        new: Some(n.at),
        how: Some(how),
        absent: false,
    }
}

/// Provisional id (normalised) → mapping, from the map file first, then
/// from every summary report of either edition.
fn collect_mappings(
    old: &Corpus,
    new: &Corpus,
    opts: &IdOptions,
    notes: &mut Vec<Note>,
) -> BTreeMap<String, Mapping> {
    let mut out: BTreeMap<String, Mapping> = BTreeMap::new();
    if let Some(map) = &opts.map {
        for e in &map.entries {
            out.insert(
                normalize_id(&e.provisional_id),
                Mapping {
                    number: e.number,
                    written: e.provisional_id.clone(),
                    from_file: true,
                    source: Some(e.source.clone()),
                },
            );
        }
    }
    for doc in old.documents.iter().chain(&new.documents) {
        let Some(report) = &doc.report else { continue };
        for r in &report.new_resolutions {
            let Some(pid) = &r.provisional_id else {
                continue;
            };
            let key = normalize_id(pid);
            match out.get(&key) {
                Some(m) if m.number != r.number => notes.push(Note::MappingConflict {
                    at: format!("{}:{}", doc.path, r.line),
                    provisional_id: pid.clone(),
                    number: r.number,
                    by_map_file: m.from_file,
                    used: m.number,
                }),
                Some(_) => {}
                None => {
                    out.insert(
                        key,
                        Mapping {
                            number: r.number,
                            written: pid.clone(),
                            from_file: false,
                            source: None,
                        },
                    );
                }
            }
        }
    }
    out
}

fn resolve_side<'a>(
    corpus: &'a Corpus,
    mappings: &BTreeMap<String, Mapping>,
    notes: &mut Vec<Note>,
) -> Result<Vec<Resolved<'a>>> {
    let all: Vec<Located<'a>> = corpus
        .documents
        .iter()
        .flat_map(|d| {
            d.resolutions.iter().map(move |r| Located {
                path: &d.path,
                resolution: r,
            })
        })
        .collect();
    // Mapping entries claimed exactly by a text of this edition are not
    // offered to fuzzy matching.
    let claimed: Vec<String> = all
        .iter()
        .map(|l| normalize_id(&l.resolution.id))
        .filter(|k| mappings.contains_key(k))
        .collect();
    let mut out: Vec<Resolved<'a>> = Vec::new();
    for at in all {
        let r = at.resolution;
        let (key, how) = resolve_one(r, mappings, &claimed, notes, &at);
        if let Some(prev) = out.iter().find(|p| p.key == key) {
            // A `--map` line giving a provisional id a number the edition
            // already holds is the map's mistake, not the edition's.
            let by_map = [(&how, &prev.at), (&prev.how, &at)]
                .into_iter()
                .find_map(|(h, other)| match h {
                    Some(MatchHow::MappingFile { provisional_id }) => mappings
                        .get(&normalize_id(provisional_id))
                        .and_then(|m| m.source.as_ref())
                        .map(|src| (src, provisional_id, other)),
                    _ => None,
                });
            if let Some((src, pid, other)) = by_map {
                return Err(Error::Data {
                    path: src.file.clone(),
                    line: Some(src.line),
                    message: format!(
                        "maps {pid} to {}, but {} already holds resolution {} in the same edition",
                        key.shown(&r.id),
                        other.location(),
                        other.resolution.id
                    ),
                });
            }
            return Err(Error::DuplicateId {
                path: at.path.to_string(),
                id: key.shown(&r.id),
                line: r.span.first_line,
                first: prev.at.location(),
            });
        }
        out.push(Resolved { at, key, how });
    }
    Ok(out)
}

fn resolve_one(
    r: &Resolution,
    mappings: &BTreeMap<String, Mapping>,
    claimed: &[String],
    notes: &mut Vec<Note>,
    at: &Located,
) -> (Key, Option<MatchHow>) {
    if let Some(n) = r.number {
        return (Key::Number(n), None);
    }
    let norm = normalize_id(&r.id);
    if r.kind == ResolutionKind::Recommendation || !norm.contains('/') {
        return (Key::Other(norm), None);
    }
    if let Some(m) = mappings.get(&norm) {
        let how = if m.from_file {
            MatchHow::MappingFile {
                provisional_id: r.id.clone(),
            }
        } else {
            MatchHow::ReportMapping {
                provisional_id: r.id.clone(),
            }
        };
        return (Key::Number(m.number), Some(how));
    }
    let candidates: Vec<&Mapping> = mappings
        .iter()
        .filter(|(k, _)| !claimed.contains(k) && ids_fuzzy_match(k, &norm))
        .map(|(_, m)| m)
        .collect();
    match candidates.as_slice() {
        [m] => (
            Key::Number(m.number),
            Some(MatchHow::FuzzyId {
                text_id: r.id.clone(),
                matched_id: m.written.clone(),
            }),
        ),
        [] => (Key::Other(norm), None),
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|m| format!("{} ({})", m.written, m.number))
                .collect();
            notes.push(Note::AmbiguousId {
                at: at.location().to_string(),
                id: r.id.clone(),
                candidates: list,
            });
            (Key::Other(norm), None)
        }
    }
}

/// Provisional ids left unresolved on both sides may still be variant
/// spellings of each other; pair them when the match is unique both ways.
fn pair_unresolved_fuzzily(olds: &mut [Resolved], news: &mut [Resolved], notes: &mut Vec<Note>) {
    let lonely = |side: &[Resolved], other: &[Resolved]| -> Vec<usize> {
        side.iter()
            .enumerate()
            .filter(|(_, r)| {
                matches!(&r.key, Key::Other(k) if k.contains('/'))
                    && !other.iter().any(|o| o.key == r.key)
            })
            .map(|(i, _)| i)
            .collect()
    };
    let lo = lonely(olds, news);
    let ln = lonely(news, olds);
    for &i in &lo {
        let cands: Vec<usize> = ln
            .iter()
            .copied()
            .filter(|&j| ids_fuzzy_match(&olds[i].at.resolution.id, &news[j].at.resolution.id))
            .collect();
        let [j] = cands.as_slice() else {
            if cands.len() > 1 {
                notes.push(Note::AmbiguousSpelling {
                    at: olds[i].at.location().to_string(),
                    id: olds[i].at.resolution.id.clone(),
                });
            }
            continue;
        };
        let back = lo
            .iter()
            .filter(|&&k| ids_fuzzy_match(&olds[k].at.resolution.id, &news[*j].at.resolution.id))
            .count();
        if back != 1 {
            continue;
        }
        news[*j].key = olds[i].key.clone();
        news[*j].how = Some(MatchHow::FuzzyId {
            text_id: news[*j].at.resolution.id.clone(),
            matched_id: olds[i].at.resolution.id.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReportedNew, SummaryReport};
    use crate::testkit::{corpus, document, resolution};

    fn report_doc(pairs: &[(u32, &str)]) -> crate::model::Document {
        let mut d = document("report.txt", Vec::new());
        d.report = Some(SummaryReport {
            new_resolutions: pairs
                .iter()
                .map(|&(number, id)| ReportedNew {
                    number,
                    provisional_id: Some(id.to_string()),
                    title: None,
                    line: 7,
                })
                .collect(),
            ..SummaryReport::default()
        });
        d
    }

    fn ids(a: &EditionAlignment) -> Vec<String> {
        a.pairs
            .iter()
            .map(|p| {
                let side = match (&p.old, &p.new) {
                    (Some(_), Some(_)) => "both",
                    (Some(_), None) => "old",
                    _ => "new",
                };
                format!(
                    "{}{} {side}{}",
                    p.id,
                    p.aliases
                        .iter()
                        .map(|a| format!("/{a}"))
                        .collect::<String>()
                        .replace("//", "/"),
                    if p.absent { " absent" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn fuzzy_ids() {
        assert!(ids_fuzzy_match("COM3/APT-NG", "COM3/NG"));
        assert!(ids_fuzzy_match("COM4/CLI-CL", "COM4/CLICL"));
        assert!(ids_fuzzy_match("com4/ai", "COM4/AI"));
        assert!(!ids_fuzzy_match("COM3/NG", "COM4/NG"));
        assert!(!ids_fuzzy_match("COM4/AI", "COM4/VC"));
        assert!(!ids_fuzzy_match("COM4", "COM4/AI"));
    }

    #[test]
    fn report_mapping_pairs_provisional_id_with_number() {
        let old = corpus(
            "conf",
            vec![
                document(
                    "conf.txt",
                    vec![resolution("2", vec![]), resolution("COM4/AI", vec![])],
                ),
                report_doc(&[(101, "COM4/AI")]),
            ],
        );
        let mut new = corpus(
            "pub",
            vec![document("101.txt", vec![resolution("101", vec![])])],
        );
        new.partial = true;
        let a = align_editions(&old, &new, &IdOptions::default()).unwrap();
        let p = a.pairs.iter().find(|p| p.id == "101").unwrap();
        assert_eq!(p.aliases, vec!["COM4/AI".to_string()]);
        assert_eq!(
            p.how,
            Some(MatchHow::ReportMapping {
                provisional_id: "COM4/AI".into()
            })
        );
        let two = a.pairs.iter().find(|p| p.id == "2").unwrap();
        assert!(two.absent && two.new.is_none());
    }

    #[test]
    fn variant_spelling_matches_report_when_unique() {
        let old = corpus(
            "conf",
            vec![
                document("conf.txt", vec![resolution("COM3/APT-NG", vec![])]),
                report_doc(&[(107, "COM3/NG"), (108, "COM3/SP")]),
            ],
        );
        let new = corpus(
            "pub",
            vec![document("p.txt", vec![resolution("107", vec![])])],
        );
        let a = align_editions(&old, &new, &IdOptions::default()).unwrap();
        assert_eq!(a.pairs.len(), 1);
        assert_eq!(
            a.pairs[0].how,
            Some(MatchHow::FuzzyId {
                text_id: "COM3/APT-NG".into(),
                matched_id: "COM3/NG".into()
            })
        );
    }

    #[test]
    fn ambiguous_variant_spelling_is_refused() {
        let old = corpus(
            "conf",
            vec![
                document("conf.txt", vec![resolution("COM3/APT-NG", vec![])]),
                report_doc(&[(107, "COM3/NG"), (109, "COM3/APT")]),
            ],
        );
        let new = corpus(
            "pub",
            vec![document("p.txt", vec![resolution("107", vec![])])],
        );
        let a = align_editions(&old, &new, &IdOptions::default()).unwrap();
        assert_eq!(ids(&a), vec!["107 new", "COM3/APT-NG old"]);
        assert!(
            matches!(&a.notes[0], Note::AmbiguousId { candidates, .. } if candidates.len() > 1),
            "{:?}",
            a.notes
        );
    }

    #[test]
    fn map_file_wins_and_is_recorded() {
        let map = IdMap::parse("m.txt", "# new\n\n101 = COM4/AI  # AI\n").unwrap();
        assert_eq!(map.entries[0].source.to_string(), "m.txt:3");
        let old = corpus(
            "conf",
            vec![document("c.txt", vec![resolution("COM4/AI", vec![])])],
        );
        let new = corpus(
            "pub",
            vec![document("p.txt", vec![resolution("101", vec![])])],
        );
        let opts = IdOptions {
            map: Some(map),
            shared: None,
        };
        let a = align_editions(&old, &new, &opts).unwrap();
        assert!(matches!(a.pairs[0].how, Some(MatchHow::MappingFile { .. })));
    }

    #[test]
    fn map_file_errors_name_file_and_line() {
        let e = IdMap::parse("m.txt", "101 = COM4/AI\nnonsense\n").unwrap_err();
        assert!(e.to_string().starts_with("m.txt:2:"), "{e}");
        assert!(matches!(e, Error::Data { line: Some(2), .. }), "{e:?}");
        let e = IdMap::parse("m.txt", "x = COM4/AI\n").unwrap_err();
        assert!(e.to_string().contains("not a resolution number"), "{e}");
        let e = IdMap::parse("m.txt", "101 = COM4/AI\n102 = COM4/AI\n").unwrap_err();
        assert!(e.to_string().contains("m.txt:1"), "{e}");
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let mut second = resolution("2", vec![]);
        second.span = crate::model::Span::new(40, 50);
        let old = corpus(
            "conf",
            vec![document("c.txt", vec![resolution("2", vec![]), second])],
        );
        let new = corpus("pub", vec![]);
        let e = align_editions(&old, &new, &IdOptions::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.txt:40: resolution 2 appears twice in the edition (first at c.txt:1)"
        );
    }

    #[test]
    fn one_sided_resolutions_are_added_removed_or_absent() {
        let old = corpus(
            "a",
            vec![document(
                "a.txt",
                vec![resolution("2", vec![]), resolution("7", vec![])],
            )],
        );
        let new = corpus(
            "b",
            vec![document(
                "b.txt",
                vec![resolution("7", vec![]), resolution("9", vec![])],
            )],
        );
        let a = align_editions(&old, &new, &IdOptions::default()).unwrap();
        assert_eq!(ids(&a), vec!["2 old", "7 both", "9 new"]);
        let only = IdOptions {
            map: None,
            shared: Some(vec!["9".into()]),
        };
        let a = align_editions(&old, &new, &only).unwrap();
        assert_eq!(ids(&a), vec!["2 old absent", "7 both", "9 new"]);
    }

    #[test]
    fn unresolved_variant_ids_pair_across_editions() {
        let old = corpus(
            "a",
            vec![document("a.txt", vec![resolution("COM3/NG", vec![])])],
        );
        let new = corpus(
            "b",
            vec![document("b.txt", vec![resolution("COM3/APT-NG", vec![])])],
        );
        let a = align_editions(&old, &new, &IdOptions::default()).unwrap();
        assert_eq!(a.pairs.len(), 1);
        assert!(matches!(a.pairs[0].how, Some(MatchHow::FuzzyId { .. })));
    }
}
