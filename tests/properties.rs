//! Properties of the whole pipeline on the shipped texts and on random
//! slices and edits of them: a document compared with itself shows no
//! change; the reported clause changes are complete (applying them to the
//! old clauses gives the new ones); no character read is lost. (That a
//! model exported and parsed again gives the same model is tested in
//! tests/reflow.rs.)

mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use resdiff::corpus::Corpus;
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::model::{Change, ChangeUnit, Clause, DiffReport, Document, Location, Resolution};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn mod_add_text() -> &'static str {
    static T: OnceLock<String> = OnceLock::new();
    T.get_or_init(|| std::fs::read_to_string(wtsa24_texts()).expect("read"))
}

fn mod_add_lines() -> &'static [&'static str] {
    static L: OnceLock<Vec<&'static str>> = OnceLock::new();
    L.get_or_init(|| mod_add_text().split_inclusive('\n').collect())
}

/// Parse a text; `None` when it holds nothing but whitespace (a slice at
/// the end of the file whose lines were all deleted). Any other refusal is
/// a failure of the property.
fn parse(name: &str, text: &str) -> Result<Option<Document>, TestCaseError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    resdiff::parse_text(name, text, &Default::default())
        .map(Some)
        .map_err(|e| TestCaseError::fail(format!("cannot decode: {e}")))
}

fn corpus(name: &str, doc: Document) -> Corpus {
    Corpus::from_documents(name, vec![doc])
}

/// The diff of two documents; `None` when it is refused because one of
/// them holds two resolutions under one id (random edits can duplicate a
/// header; the refusal is tested in tests/bad_inputs.rs). Any other error
/// is a failure.
fn diff(old: &Document, new: &Document) -> Result<Option<DiffReport>, String> {
    match diff_editions(
        &corpus("old", old.clone()),
        &corpus("new", new.clone()),
        &DiffOptions::default(),
    ) {
        Ok(rep) => Ok(Some(rep)),
        Err(resdiff::Error::DuplicateId { id, .. })
            if [old, new].iter().any(|d| {
                d.resolutions
                    .iter()
                    .filter(|r| r.id == id || r.number.is_some_and(|n| n.to_string() == id))
                    .count()
                    > 1
            }) =>
        {
            Ok(None)
        }
        Err(e) => Err(format!("the diff failed: {e}")),
    }
}

/// A document compared with itself shows no change. Returns false when the
/// diff was refused for a duplicate id.
fn assert_no_change(doc: &Document) -> Result<bool, String> {
    let Some(rep) = diff(doc, doc)? else {
        return Ok(false);
    };
    for r in &rep.resolutions {
        if !(r.changes.is_empty() && r.header_changes.is_empty()) {
            return Err(format!("{} compared with itself: {:#?}", r.id, r.changes));
        }
    }
    if rep.has_differences() {
        return Err("a document compared with itself differs".into());
    }
    Ok(true)
}

#[test]
fn shipped_texts_compared_with_themselves_show_no_change() {
    for p in [wtsa24_texts(), res101_published()] {
        let doc = load(&p);
        assert!(!doc.resolutions.is_empty());
        assert_eq!(assert_no_change(&doc), Ok(true));
    }
}

// ---- Applying a diff ----

/// A clause as the diff names it: container, label path, text. Unlabelled
/// paragraphs are numbered by position (`¶3`), which shifts when one is
/// added before them without any change of their own, so the number is
/// left out.
type Unit = (String, String, String);

fn label_key(label: &str) -> String {
    label
        .split(' ')
        .map(|p| if p.starts_with('¶') { "¶" } else { p })
        .collect::<Vec<_>>()
        .join(" ")
}

fn add_units(section: &str, prefix: &str, clauses: &[Clause], out: &mut Vec<Unit>) {
    for (i, c) in clauses.iter().enumerate() {
        let own = c
            .label
            .as_ref()
            .map_or_else(|| format!("¶{}", i + 1), |l| l.raw.clone());
        let label = if prefix.is_empty() {
            own
        } else {
            format!("{prefix} {own}")
        };
        out.push((section.to_string(), label_key(&label), c.text.clone()));
        add_units(section, &label, &c.children, out);
    }
}

/// Every clause and annex paragraph of a resolution, named as the diff
/// names them.
fn units(r: &Resolution) -> Vec<Unit> {
    let mut out = Vec::new();
    for s in &r.sections {
        let name = if s.heading.trim().is_empty() {
            s.kind_name()
        } else {
            s.heading.clone()
        };
        add_units(&name, "", &s.clauses, &mut out);
    }
    for a in &r.annexes {
        add_units(&a.name, "", &a.paragraphs, &mut out);
    }
    out
}

/// Apply the clause changes of one resolution's diff to its old clauses.
/// Unchanged clauses follow their section when its heading changed, and
/// their parent when it was renumbered or moved.
fn apply(old: &[Unit], changes: &[Change]) -> Result<Vec<Unit>, String> {
    let mut units: Vec<Unit> = old.to_vec();
    // Renamed sections: the heading change carries both names.
    let renames: Vec<(String, String)> = changes
        .iter()
        .filter(|c| c.unit == ChangeUnit::Heading)
        .filter_map(|c| Some((c.old_text.clone()?, c.new_text.clone()?)))
        .collect();
    let clause_changes: Vec<&Change> = changes
        .iter()
        .filter(|c| c.unit == ChangeUnit::Clause)
        .collect();
    // Take out the old side of every change.
    for c in &clause_changes {
        if let (Some(label), Some(text)) = (&c.old_label, &c.old_text) {
            let section = c.old_section.as_ref().unwrap_or(&c.section);
            let key = (section.clone(), label_key(label), text.clone());
            let at = units
                .iter()
                .position(|u| *u == key)
                .ok_or_else(|| format!("old side not found: {key:?}"))?;
            units.remove(at);
        }
    }
    // Unchanged clauses under a relabelled parent take its new path.
    let moves: Vec<(String, String, String, String)> = clause_changes
        .iter()
        .filter_map(|c| {
            let (ol, nl) = (c.old_label.as_ref()?, c.new_label.as_ref()?);
            let os = c.old_section.clone().unwrap_or_else(|| c.section.clone());
            Some((os, label_key(ol), c.section.clone(), label_key(nl)))
        })
        .filter(|(os, ol, ns, nl)| (os, ol) != (ns, nl))
        .collect();
    for u in &mut units {
        let best = moves
            .iter()
            .filter(|(os, ol, _, _)| *os == u.0 && u.1.starts_with(&format!("{ol} ")))
            .max_by_key(|(_, ol, _, _)| ol.len());
        if let Some((_, ol, ns, nl)) = best {
            u.1 = format!("{nl}{}", &u.1[ol.len()..]);
            u.0 = ns.clone();
        } else if let Some((_, to)) = renames.iter().find(|(from, _)| *from == u.0) {
            u.0 = to.clone();
        }
    }
    // Put in the new side of every change.
    for c in &clause_changes {
        if let (Some(label), Some(text)) = (&c.new_label, &c.new_text) {
            units.push((c.section.clone(), label_key(label), text.clone()));
        }
    }
    Ok(units)
}

fn sorted(mut v: Vec<Unit>) -> Vec<Unit> {
    v.sort();
    v
}

/// What one comparison exercised.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Exercised {
    /// Resolutions present on both sides and checked.
    paired: usize,
    /// Clause changes applied.
    applied: usize,
    /// Changes of any unit reported for the paired resolutions.
    changes: usize,
}

/// Every paired resolution: applying its changes to the old clauses gives
/// the new clauses. `None` when the diff was refused for a duplicate id.
fn check_complete(old: &Document, new: &Document) -> Result<Option<Exercised>, String> {
    let Some(rep) = diff(old, new)? else {
        return Ok(None);
    };
    let mut done = Exercised::default();
    // A side the report names must be found where it says.
    let find = |doc: &Document, at: &Option<Location>| -> Result<Option<Resolution>, String> {
        let Some(at) = at else { return Ok(None) };
        doc.resolutions
            .iter()
            .find(|r| r.span.first_line == at.line && r.span == at.span)
            .cloned()
            .map(Some)
            .ok_or_else(|| format!("no resolution at {at} ({:?})", at.span))
    };
    for r in &rep.resolutions {
        let (Some(o), Some(n)) = (find(old, &r.old_location)?, find(new, &r.new_location)?) else {
            continue;
        };
        done.paired += 1;
        done.changes += r.changes.len() + r.header_changes.len();
        let got = sorted(apply(&units(&o), &r.changes).map_err(|e| format!("{}: {e}", r.id))?);
        done.applied += r
            .changes
            .iter()
            .filter(|c| c.unit == ChangeUnit::Clause)
            .count();
        let want = sorted(units(&n));
        if got != want {
            let extra: Vec<_> = got.iter().filter(|u| !want.contains(u)).collect();
            let missing: Vec<_> = want.iter().filter(|u| !got.contains(u)).collect();
            return Err(format!(
                "{}: applied changes differ from the new clauses\n  extra: {extra:#?}\n  missing: {missing:#?}\n  changes: {:#?}",
                r.id, r.changes
            ));
        }
    }
    Ok(Some(done))
}

// ---- Random slices and edits of the real texts ----

/// An edit of a text, by line.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    InsertChar(usize, usize, char),
    DeleteChar(usize, usize),
    SplitLine(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let any_char = prop_oneof![
        Just('，'),
        Just('；'),
        Just('。'),
        Just('）'),
        Just('（'),
        Just('a'),
        Just('1'),
        Just(' '),
        Just('\t'),
        Just('、'),
        Just('第'),
        Just('号'),
        Just('决'),
        Just('议'),
        Just('•'),
        Just('\u{0c}'),
        // A NUL byte makes a binary file, refused by design.
        any::<char>().prop_filter("not NUL", |c| *c != '\0'),
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), any::<usize>(), any_char).prop_map(|(l, p, c)| Edit::InsertChar(l, p, c)),
        (any::<usize>(), any::<usize>()).prop_map(|(l, p)| Edit::DeleteChar(l, p)),
        (any::<usize>(), any::<usize>()).prop_map(|(l, p)| Edit::SplitLine(l, p)),
    ]
}

fn apply_edits(lines: &[&str], edits: &[Edit]) -> String {
    let mut v: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for e in edits {
        if v.is_empty() {
            break;
        }
        let n = v.len();
        let char_at = |s: &str, p: usize| {
            let count = s.chars().count().max(1);
            s.char_indices().nth(p % count).map_or(s.len(), |(i, _)| i)
        };
        match *e {
            Edit::DeleteLine(i) => {
                v.remove(i % n);
            }
            Edit::DuplicateLine(i) => {
                let l = v[i % n].clone();
                v.insert(i % n, l);
            }
            Edit::SwapLines(a, b) => v.swap(a % n, b % n),
            Edit::InsertChar(i, p, c) => {
                let at = char_at(&v[i % n], p);
                v[i % n].insert(at, c);
            }
            Edit::DeleteChar(i, p) => {
                let s = &mut v[i % n];
                let at = char_at(s, p);
                if at < s.len() {
                    s.remove(at);
                }
            }
            Edit::SplitLine(i, p) => {
                let at = char_at(&v[i % n], p);
                v[i % n].insert(at, '\n');
            }
        }
    }
    v.concat()
}

/// Where a slice starts (a line index, taken modulo the line count): most
/// at the first line of a resolution, so that most slices hold one, the
/// rest anywhere.
fn slice_start() -> impl Strategy<Value = usize> {
    static STARTS: OnceLock<Vec<usize>> = OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        let doc = load(&wtsa24_texts());
        doc.resolutions
            .iter()
            .map(|r| r.span.first_line as usize - 1)
            .collect()
    });
    prop_oneof![
        5 => prop::sample::select(starts.as_slice()),
        1 => any::<usize>(),
    ]
}

/// A line-aligned slice of the MOD/ADD texts: `start` and `len` in lines.
fn slice(start: usize, len: usize) -> Vec<&'static str> {
    let lines = mod_add_lines();
    let start = start % lines.len();
    lines[start..(start + len).min(lines.len())].to_vec()
}

/// How many cases of a property exercised what, printed and checked
/// against floors after the run, so that a property whose inputs stopped
/// reaching the code under test fails instead of passing on nothing.
#[derive(Default)]
struct Tally(RefCell<BTreeMap<&'static str, usize>>);

impl Tally {
    fn hit(&self, what: &'static str) {
        *self.0.borrow_mut().entry(what).or_default() += 1;
    }

    fn count(&self, what: &str) -> usize {
        self.0.borrow().get(what).copied().unwrap_or(0)
    }

    /// Print the counts, then require at least `share` of the cases to
    /// have exercised each `what`.
    fn assert_floors(&self, name: &str, floors: &[(&str, f64)]) {
        let cases = self.count("case");
        println!("{name}: {:?}", self.0.borrow());
        assert!(cases > 0, "{name}: no case ran");
        for &(what, share) in floors {
            let n = self.count(what);
            assert!(
                n as f64 >= share * cases as f64,
                "{name}: only {n} of {cases} cases exercised {what} (floor {:.0}%)",
                share * 100.0
            );
        }
    }
}

/// Run `property` over `cases` inputs of `strategy` (the seed comes from
/// PROPTEST_RNG_SEED when set, as CI does).
fn check<S: Strategy>(
    cases: u32,
    strategy: S,
    property: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    if let Err(e) = runner.run(&strategy, property) {
        panic!("{e}");
    }
}

fn fail(e: String) -> TestCaseError {
    TestCaseError::fail(e)
}

#[test]
fn any_slice_compared_with_itself_shows_no_change() {
    let tally = Tally::default();
    check(96, (slice_start(), 20usize..400), |(start, len)| {
        tally.hit("case");
        let text = slice(start, len).concat();
        let Some(doc) = parse("slice.txt", &text)? else {
            return Ok(());
        };
        if !doc.resolutions.is_empty() {
            tally.hit("resolution");
        }
        if assert_no_change(&doc).map_err(fail)? {
            tally.hit("compared");
        }
        Ok(())
    });
    tally.assert_floors(
        "any_slice_compared_with_itself_shows_no_change",
        &[("resolution", 0.75), ("compared", 0.9)],
    );
}

#[test]
fn reported_changes_are_complete() {
    let tally = Tally::default();
    let strategy = (
        slice_start(),
        40usize..300,
        prop::collection::vec(edit(), 1..8),
    );
    check(96, strategy, |(start, len, edits)| {
        tally.hit("case");
        let lines = slice(start, len);
        let edited = apply_edits(&lines, &edits);
        if edited != lines.concat() {
            tally.hit("edit");
        }
        let (Some(old), Some(new)) = (
            parse("old.txt", &lines.concat())?,
            parse("new.txt", &edited)?,
        ) else {
            return Ok(());
        };
        let Some(done) = check_complete(&old, &new).map_err(fail)? else {
            tally.hit("duplicate id");
            return Ok(());
        };
        if done.paired > 0 {
            tally.hit("resolution");
        }
        if done.changes > 0 {
            tally.hit("change");
        }
        if done.applied > 0 {
            tally.hit("clause change");
        }
        Ok(())
    });
    tally.assert_floors(
        "reported_changes_are_complete",
        &[
            ("edit", 0.9),
            ("resolution", 0.75),
            ("change", 0.55),
            ("clause change", 0.5),
        ],
    );
}

#[test]
fn no_text_is_lost_after_random_edits() {
    let tally = Tally::default();
    let strategy = (
        slice_start(),
        20usize..400,
        prop::collection::vec(edit(), 0..12),
    );
    check(96, strategy, |(start, len, edits)| {
        tally.hit("case");
        let lines = slice(start, len);
        let text = apply_edits(&lines, &edits);
        if text != lines.concat() {
            tally.hit("edit");
        }
        if text.trim().is_empty() {
            return Ok(());
        }
        let lost = lost_chars(&text).map_err(|e| fail(format!("cannot decode: {e}")))?;
        prop_assert!(lost.is_empty(), "lost {lost:?}");
        if parse("t.txt", &text)?.is_some_and(|d| !d.resolutions.is_empty()) {
            tally.hit("resolution");
        }
        Ok(())
    });
    tally.assert_floors(
        "no_text_is_lost_after_random_edits",
        &[("edit", 0.75), ("resolution", 0.75)],
    );
}

/// Found by `no_text_is_lost_after_random_edits`: a digit typed after the
/// year of COM4/SDT's assembly line (`2024年1`), with footnote 1 on the same
/// page, reads as a reference to that footnote (as `2009年1` does in Res 2's
/// history); the model keeps it as the assembly line's note, so nothing is
/// lost.
#[test]
fn digit_glued_to_the_assembly_line_is_kept_as_a_reference() {
    let edits = [
        Edit::InsertChar(7248091796630430322, 4790136861084794624, '1'),
        Edit::DeleteLine(1520),
    ];
    let text = apply_edits(&slice(2614446719461102559, 81), &edits);
    assert!(text.contains("世界电信标准化全会（2024年1，新德里），"));
    assert_eq!(lost_chars(&text).expect("decodes"), Default::default());
    let doc = parse("slice.txt", &text)
        .expect("decodes")
        .expect("not empty");
    let r = &doc.resolutions[0];
    assert_eq!(
        r.assembly.as_ref().map(|a| a.notes.clone()),
        Some(vec![1.into()])
    );
}

/// Published Resolution 101 against its conference text COM4/AI (paired
/// by naming the provisional id in a mapping): the change set is complete,
/// and leaving out any one change breaks the reconstruction, so the check
/// can fail.
#[test]
fn changes_between_com4_ai_and_published_101_are_complete() {
    let mut old = load(&wtsa24_texts());
    old.resolutions.retain(|r| r.id == "COM4/AI");
    let new = load(&res101_published());
    let map = resdiff::align::IdMap::parse("map.txt", "101 = COM4/AI\n").expect("map");
    let opts = DiffOptions {
        ids: resdiff::align::IdOptions {
            map: Some(map),
            shared: None,
        },
        ..DiffOptions::default()
    };
    let rep = diff_editions(
        &corpus("old", old.clone()),
        &corpus("new", new.clone()),
        &opts,
    )
    .expect("diff");
    let r = &rep.resolutions[0];
    let (o, n) = (&old.resolutions[0], &new.resolutions[0]);
    let clause_changes: Vec<Change> = r
        .changes
        .iter()
        .filter(|c| c.unit == ChangeUnit::Clause)
        .cloned()
        .collect();
    assert!(clause_changes.len() >= 3, "{clause_changes:#?}");
    let got = sorted(apply(&units(o), &r.changes).expect("apply"));
    assert_eq!(got, sorted(units(n)));
    for skip in 0..clause_changes.len() {
        let mut fewer = clause_changes.clone();
        fewer.remove(skip);
        let got = apply(&units(o), &fewer).map(sorted);
        assert_ne!(got, Ok(sorted(units(n))), "without change {skip}");
    }
}

/// A slice of the texts written as an edition of two files cut at `cut`.
fn two_file_edition(lines: &[&str], cut: usize, case: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "resdiff-prop-edition-{}-{case}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let cut = cut.min(lines.len());
    std::fs::write(dir.join("part-1.txt"), lines[..cut].concat()).expect("first part");
    std::fs::write(dir.join("part-2.txt"), lines[cut..].concat()).expect("second part");
    dir
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 16,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A resolution cut across two files of an edition: the second file
    /// joins the first or is reported, and either way every character of
    /// both files is held by the edition.
    #[test]
    fn no_text_is_lost_across_the_files_of_an_edition(
        start in any::<usize>(),
        len in 40usize..400,
        cut in any::<usize>(),
    ) {
        let lines = slice(start, len);
        let cut = 1 + cut % lines.len().max(1);
        // An empty (or blank) file in an edition is refused as bad input
        // (tests/bad_inputs.rs); here both files hold text.
        let has_text = |part: &[&str]| part.iter().any(|l| !l.trim().is_empty());
        prop_assume!(has_text(&lines[..cut.min(lines.len())]) && has_text(&lines[cut.min(lines.len())..]));
        static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let case = CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = two_file_edition(&lines, cut, case);
        let lost = lost_chars_in_edition(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        prop_assert!(lost.is_empty(), "lost {lost:?}");
    }
}
