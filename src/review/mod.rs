//! Review: consistency findings on an assembly's MOD/ADD texts — edition
//! markers, citations, editorial brackets, what a summary report declares,
//! the report's excerpts and, given a previous edition, whether the markers
//! match what changed. One file per rule family; this file holds the entry
//! point and the context the rules share.

mod against;
mod brackets;
mod citations;
mod declared;
mod edition;
mod excerpts;
mod merge;
mod support;

use crate::corpus::Corpus;
use crate::error::Result;
use crate::ingest::{self, IngestOptions};
use crate::lang::Lang;
use crate::model::{Action, Document, Finding, FindingSeverity, Resolution, SummaryReport};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub(crate) use support::YearPlace;

/// Options of the review stage.
#[derive(Debug, Clone, Copy)]
pub struct ReviewOptions<'a> {
    /// Language tables of the texts.
    pub lang: &'static Lang,
    /// Previous edition to compare markers against (`--against`).
    pub against: Option<&'a Corpus>,
    /// Summary report given apart from the edition (`--report`); when absent
    /// the first summary report found in the edition is used.
    pub report: Option<&'a Document>,
    /// Raw lines of the edition's files, to pin findings to the exact line
    /// of the offending text inside a paragraph. Without them a finding
    /// points at the first line of its paragraph.
    pub sources: Option<&'a SourceLines>,
}

impl Default for ReviewOptions<'_> {
    fn default() -> Self {
        ReviewOptions {
            lang: &crate::lang::ZH,
            against: None,
            report: None,
            sources: None,
        }
    }
}

/// Raw lines of source files, by path as given.
#[derive(Debug, Clone, Default)]
pub struct SourceLines {
    files: BTreeMap<String, Vec<String>>,
}

impl SourceLines {
    /// Read the files of every document of `corpus`, decoded as ingest
    /// decodes them (so line numbers agree with the model's spans).
    pub fn read(corpus: &Corpus, opts: &IngestOptions) -> Result<SourceLines> {
        let mut out = SourceLines::default();
        for d in &corpus.documents {
            let src = ingest::read_file(Path::new(&d.path), opts)?;
            out.insert(&d.path, &src.text);
        }
        Ok(out)
    }

    /// The texts of the documents of `corpus`, as [`crate::corpus::load_with_texts`]
    /// hands them back (one per document, in order): no file is read again.
    pub fn from_texts(corpus: &Corpus, texts: &[String]) -> SourceLines {
        let mut out = SourceLines::default();
        for (d, text) in corpus.documents.iter().zip(texts) {
            out.insert(&d.path, text);
        }
        out
    }

    /// Add (or replace) the text of one file.
    pub fn insert(&mut self, path: &str, text: &str) {
        self.files.insert(
            path.to_string(),
            text.split('\n').map(str::to_string).collect(),
        );
    }

    /// Lines `first..=last` (1-based) of `path`, when known.
    pub(crate) fn lines(&self, path: &str, first: u32, last: u32) -> Option<&[String]> {
        let all = self.files.get(path)?;
        let lo = (first.max(1) - 1) as usize;
        let hi = (last as usize).min(all.len());
        all.get(lo..hi)
    }
}

/// Review an edition: every finding, sorted by file, line and rule, one
/// finding per defect (findings of several rules on the same words merged,
/// see `merge.rs`), each with the number of its resolution when known.
pub fn review(edition: &Corpus, opts: &ReviewOptions) -> Vec<Finding> {
    let ctx = Context::new(edition, opts);
    let mut out = Vec::new();
    edition::check(&ctx, &mut out);
    citations::check(&ctx, &mut out);
    brackets::check(&ctx, &mut out);
    if let Some(report) = ctx.report {
        declared::check(&ctx, report, &mut out);
        excerpts::check(&ctx, report, &mut out);
    }
    if let Some(prev) = opts.against {
        against::check(&ctx, prev, &mut out);
    }
    out.sort_by(|a, b| {
        (&a.file, a.line, &a.rule, &a.message).cmp(&(&b.file, b.line, &b.rule, &b.message))
    });
    out.dedup();
    let mut out = merge::merge(out);
    for f in &mut out {
        f.number = f
            .resolution
            .as_deref()
            .and_then(|id| id.parse().ok().or_else(|| ctx.new_numbers.get(id).copied()));
    }
    out
}

/// What `resdiff review` reads: the edition, optionally a previous edition
/// and a summary report kept outside the edition folder.
#[derive(Debug, Clone)]
pub struct ReviewInput<'a> {
    /// Edition folder or file.
    pub edition: &'a Path,
    /// Previous edition (`--against`).
    pub against: Option<&'a Path>,
    /// Summary report file (`--report`).
    pub report: Option<&'a Path>,
    /// How to read the texts.
    pub load: &'a crate::corpus::LoadOptions,
}

/// Load the texts named by `input` and review them. Trouble (unreadable
/// files, an edition with no resolution text, a `--report` file that is not
/// a summary report) is an error; findings are not.
pub fn load_and_review(input: &ReviewInput) -> Result<(Corpus, Vec<Finding>)> {
    // Each file is read and decoded once; the edition keeps its texts for
    // quoting. The previous edition loads on a second core meanwhile.
    let (edition, against) = std::thread::scope(|s| {
        let against = input
            .against
            .map(|p| s.spawn(move || crate::corpus::load(p, input.load)));
        let edition = crate::corpus::load_with_texts(input.edition, input.load);
        let against = against.map(|h| {
            h.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (edition, against)
    });
    let (edition, texts) = edition?;
    if edition.documents.iter().all(|d| d.resolutions.is_empty()) {
        return Err(crate::Error::NoResolution {
            path: edition.path.clone(),
            found: "no resolution header, assembly line or MOD/ADD marker".into(),
        });
    }
    let against = against.transpose()?;
    let report = match input.report {
        Some(p) => {
            let d = crate::corpus::load_file(p, input.load)?;
            if d.report.is_none() {
                return Err(crate::Error::Data {
                    path: p.display().to_string(),
                    line: None,
                    message: "not a summary report (no list of new, revised or suppressed resolutions found)".into(),
                });
            }
            Some(d)
        }
        None => None,
    };
    let sources = SourceLines::from_texts(&edition, &texts);
    let lang = match &against {
        Some(prev) => crate::corpus::common_language(prev, &edition)?,
        None => edition.language()?,
    };
    let opts = ReviewOptions {
        lang: lang.unwrap_or(input.load.parse.lang),
        against: against.as_ref(),
        report: report.as_ref(),
        sources: Some(&sources),
    };
    let findings = review(&edition, &opts);
    Ok((edition, findings))
}

/// Number of findings at each severity: `(errors, warnings, infos)`.
pub(crate) fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (
        n(FindingSeverity::Error),
        n(FindingSeverity::Warning),
        n(FindingSeverity::Info),
    )
}

/// A summary report and the file it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReportRef<'a> {
    pub path: &'a str,
    pub report: &'a SummaryReport,
}

/// A resolution text with the document holding it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text<'a> {
    pub doc: &'a Document,
    pub res: &'a Resolution,
}

/// What every rule needs to know about the edition, computed once.
pub(crate) struct Context<'a> {
    pub lang: &'static Lang,
    pub sources: Option<&'a SourceLines>,
    /// Resolution texts in file and source order.
    pub texts: Vec<Text<'a>>,
    /// The assembly the edition belongs to (from the assembly lines, or
    /// else the headers): the most frequent year and place.
    pub assembly: Option<YearPlace>,
    /// Every edition of the assembly's own series named in a history line,
    /// plus the assembly itself: tells this series' citations from others.
    pub own_editions: BTreeSet<YearPlace>,
    /// Numbers revised by this edition (MOD texts and the report's list).
    pub revised: BTreeSet<u32>,
    /// The summary report, if any.
    pub report: Option<ReportRef<'a>>,
    /// Whether the edition holds only some of the assembly's texts.
    pub partial: bool,
    /// The previous edition, if given.
    pub against: Option<&'a Corpus>,
    /// Final numbers of ADD texts known by provisional id, from the report.
    pub new_numbers: BTreeMap<String, u32>,
}

impl<'a> Context<'a> {
    fn new(corpus: &'a Corpus, opts: &ReviewOptions<'a>) -> Context<'a> {
        let texts: Vec<Text> = corpus
            .documents
            .iter()
            .flat_map(|doc| doc.resolutions.iter().map(move |res| Text { doc, res }))
            .collect();
        let report = opts
            .report
            .into_iter()
            .chain(corpus.documents.iter())
            .find_map(|d| {
                d.report.as_ref().map(|report| ReportRef {
                    path: &d.path,
                    report,
                })
            });
        let assembly = edition::infer_assembly(&texts, opts.lang);
        let mut own_editions = BTreeSet::new();
        for t in &texts {
            if let Some(h) = &t.res.history {
                for item in edition::split_history(&h.text, opts.lang) {
                    if let (Some(year), Some(place)) = (item.year, item.place) {
                        own_editions.insert(YearPlace { year, place });
                    }
                }
            }
        }
        own_editions.extend(assembly.clone());
        let mut revised: BTreeSet<u32> = texts
            .iter()
            .filter(|t| t.res.action == Some(Action::Mod))
            .filter_map(|t| t.res.number)
            .collect();
        if let Some(r) = report {
            revised.extend(r.report.revised.iter().map(|n| n.number));
        }
        // Texts without MOD/ADD markers (the Final Acts of a conference):
        // a header revised in the assembly's year is a revision.
        if let Some(asm) = &assembly {
            revised.extend(
                texts
                    .iter()
                    .filter(|t| t.res.action.is_none())
                    .filter(|t| {
                        t.res
                            .edition
                            .as_ref()
                            .is_some_and(|e| e.revised && e.year == Some(asm.year))
                    })
                    .filter_map(|t| t.res.number),
            );
        }
        let mut new_numbers = BTreeMap::new();
        if let Some(r) = report {
            let pairs = declared::pair_new(&texts, &r.report.new_resolutions);
            for (n, p) in r.report.new_resolutions.iter().zip(pairs) {
                if let Some((i, _)) = p {
                    new_numbers.insert(texts[i].res.id.clone(), n.number);
                }
            }
        }
        Context {
            lang: opts.lang,
            new_numbers,
            sources: opts.sources,
            texts,
            assembly,
            own_editions,
            revised,
            report,
            partial: corpus.partial,
            against: opts.against,
        }
    }

    /// The line of the text at `range` (byte offsets) of `unit`: the line of
    /// the raw source where it starts, when the sources are known and the
    /// text can be found there; otherwise the unit's first line.
    pub fn locate(&self, file: &str, unit: &support::Unit, range: std::ops::Range<usize>) -> u32 {
        self.sources
            .and_then(|s| support::locate(s, file, unit, range))
            .unwrap_or(unit.span.first_line)
    }

    /// A finding quoting `range` of `unit`.
    #[allow(clippy::too_many_arguments)] // one call site shape for every rule; a builder would add noise
    pub fn finding(
        &self,
        rule: &str,
        severity: FindingSeverity,
        text: Text,
        unit: &support::Unit,
        range: std::ops::Range<usize>,
        message: crate::model::Message,
    ) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            resolution: Some(text.res.id.clone()),
            file: text.doc.path.clone(),
            line: self.locate(&text.doc.path, unit, range.clone()),
            span: unit.span,
            message,
            excerpt: Some(support::mark(unit.text, range.clone())),
            diff: Vec::new(),
            related: Vec::new(),
            suggestion: None,
            also: Vec::new(),
            number: None,
            marked_range: Some(range),
        }
    }

    /// The final number of a text: its own, or the one the report gives its
    /// provisional id.
    pub fn number_of(&self, res: &Resolution) -> Option<u32> {
        res.number
            .or_else(|| self.new_numbers.get(&res.id).copied())
    }
}

#[cfg(test)]
mod tests;
