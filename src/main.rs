//! The `resdiff` command line: parses arguments, calls the library, maps the
//! result to an exit code (0 no differences / findings, 1 some, 2 trouble).

// Every failure becomes a message and exit code 2, never a panic.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use clap::{Parser, Subcommand, ValueEnum};
use resdiff::align::{IdMap, IdOptions};
use resdiff::corpus::{self, LoadOptions};
use resdiff::diff::{self, DiffOptions};
use resdiff::error::{Error, Result};
use resdiff::ingest;
use resdiff::model::FindingSeverity;
use resdiff::output::{self, ReportKind};
use resdiff::{render, review};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "resdiff",
    version,
    about = "Track how ITU resolutions change from one assembly to the next"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable text.
    Text,
    /// JSON (documented in README).
    Json,
    /// Markdown report.
    Markdown,
    /// Self-contained HTML report.
    Html,
    /// Word document with tracked changes (diff only; needs -o FILE).
    Docx,
    /// One row per change for spreadsheets (diff only; docs/diff-csv.md).
    Csv,
    /// Tab-separated, like csv (diff only).
    Tsv,
}

/// Output formats of `parse`: the outline has no Markdown or HTML form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ParseFormat {
    /// Outline of each file.
    Text,
    /// The parse model (README).
    Json,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Options shared by every command that reads texts.
#[derive(clap::Args, Debug)]
struct InputArgs {
    /// Encoding of the input files (e.g. gb18030, utf-16le); detected when absent.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// Treat parser warnings as errors.
    #[arg(long)]
    strict: bool,
    /// Language of the texts (zh, en); detected for each file when absent.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Tracked changes in Word documents: read the text with them accepted
    /// (the default, with a warning) or rejected.
    #[arg(long, value_enum, default_value_t = RevisionsArg::Accept)]
    revisions: RevisionsArg,
}

/// `--revisions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RevisionsArg {
    /// The text after the changes.
    Accept,
    /// The text before the changes.
    Reject,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse resolution texts and print their outline (or the model as JSON).
    Parse {
        /// Files or edition folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format (text outline or JSON model).
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Compare two editions clause by clause (exit 0 identical, 1 different).
    Diff {
        /// Old edition: a file or an edition folder.
        old: PathBuf,
        /// New edition: a file or an edition folder.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write the report to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also review the new edition (against the old one) and show the
        /// findings beside the clauses they concern (html format).
        #[arg(long)]
        review: bool,
        /// When to colour text output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Provisional-id mapping file (`101 = COM4/AI` per line, `#` comments).
        #[arg(long, value_name = "FILE")]
        map: Option<PathBuf>,
        /// Report only these resolutions (numbers, provisional ids or
        /// aliases, e.g. `2,52,64` or `COM4/AI`); an id found in neither
        /// edition is an error.
        #[arg(long, value_name = "IDS", value_delimiter = ',')]
        only: Option<Vec<String>>,
        /// Ids the editions are known to share (e.g. `101,102`); other
        /// resolutions found in one edition only are reported as absent
        /// rather than added or suppressed.
        #[arg(long, value_name = "IDS", value_delimiter = ',')]
        shared_ids: Option<Vec<String>>,
        /// Leave out editorial changes (whitespace, punctuation width,
        /// variant characters, edition citations) and edition markers.
        #[arg(long)]
        hide_editorial: bool,
        /// Each compared resolution in full, its unchanged paragraphs in
        /// place between the changes (text, Markdown, HTML and Word
        /// reports; JSON, CSV and TSV list changes only).
        #[arg(long)]
        full: bool,
        /// Date of the tracked changes in the Word report (YYYY-MM-DD or
        /// YYYY-MM-DDThh:mm:ssZ); without it they carry none, so the same
        /// editions always give the same file.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<String>,
        /// Show only changes in substance: leave out editorial changes,
        /// edition markers and pure renumberings.
        #[arg(long)]
        substantive: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Review an assembly's MOD/ADD texts for consistency (edition markers,
    /// citations, editorial brackets, declared status, excerpts).
    Review {
        /// Edition folder (or file) to review.
        edition: PathBuf,
        /// Previous edition, to check the MOD/ADD/SUP markers against.
        #[arg(long, value_name = "PREVIOUS")]
        against: Option<PathBuf>,
        /// Summary report of the assembly, when not inside the edition folder.
        #[arg(long, value_name = "SUMMARY")]
        report: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReviewFormat::Text)]
        format: ReviewFormat,
        /// Write the report to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Exit with 1 when a finding at or above this severity exists.
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// When to colour the text output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        #[command(flatten)]
        input: InputArgs,
    },
}

/// Output formats of `review`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReviewFormat {
    /// Findings grouped by resolution.
    Text,
    /// JSON (docs/review-json.md).
    Json,
    /// Markdown report.
    Markdown,
    /// Self-contained HTML report.
    Html,
}

/// Severity threshold of `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// Any finding.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version go to standard output; usage errors, which may
        // quote an argument, to standard error with control characters
        // escaped. Neither may panic on a closed stream.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            for line in e.render().to_string().lines() {
                output::say(line);
            }
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            output::say(&format!("resdiff: {err}"));
            ExitCode::from(2)
        }
    }
}

fn load_options(input: &InputArgs) -> Result<LoadOptions> {
    let mut opts = LoadOptions::default();
    if let Some(label) = &input.encoding {
        opts.ingest.encoding = Some(ingest::encoding_for_label(label)?);
    }
    opts.strict = input.strict;
    if let Some(name) = &input.lang {
        opts.parse.lang = resdiff::lang::by_name(name).ok_or_else(|| {
            Error::Usage(format!(
                "--lang {name}: unknown language (known: {})",
                resdiff::lang::LANGUAGES
                    .iter()
                    .map(|l| l.tag)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        opts.parse.detect = false;
    }
    opts.ingest.revisions = match input.revisions {
        RevisionsArg::Accept => ingest::Revisions::Accept,
        RevisionsArg::Reject => ingest::Revisions::Reject,
    };
    Ok(opts)
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Parse {
            paths,
            format,
            input,
        } => {
            let opts = load_options(&input)?;
            let mut corpora = Vec::new();
            for p in &paths {
                warn_unused_members(p);
                corpora.push(corpus::load(p, &opts)?);
            }
            let docs: Vec<_> = corpora.iter().flat_map(|c| c.documents.iter()).collect();
            report_diagnostics(&docs);
            let kind = match format {
                ParseFormat::Json => ReportKind::Json,
                ParseFormat::Text => ReportKind::Text { color: false },
            };
            write_output(None, kind, |mut out| match format {
                ParseFormat::Json => resdiff::render::outline::write_json(&mut out, &docs),
                ParseFormat::Text => resdiff::render::outline::write_outline(&mut out, &docs),
            })?;
            // Reading texts in which no resolution is found is trouble: the
            // user asked to parse resolutions.
            if docs.iter().all(|d| d.resolutions.is_empty()) {
                let found = if docs
                    .iter()
                    .all(|d| d.class == resdiff::model::DocumentClass::SummaryReport)
                {
                    "it is a summary report of an assembly"
                } else {
                    "no resolution header, assembly line or MOD/ADD marker"
                };
                let path = match docs.as_slice() {
                    [d] => d.path.clone(),
                    _ => "all inputs".into(),
                };
                return Err(Error::NoResolution {
                    path,
                    found: found.into(),
                });
            }
            Ok(0)
        }
        Command::Diff {
            old,
            new,
            format,
            output,
            review,
            color,
            map,
            only,
            shared_ids,
            hide_editorial,
            full,
            date,
            substantive,
            input,
        } => {
            if format == Format::Docx && output.is_none() {
                return Err(Error::Usage(
                    "--format docx writes a Word file: give -o FILE.docx".into(),
                ));
            }
            if review && format != Format::Html {
                return Err(Error::Usage(
                    "--review shows findings beside their clauses in the HTML report only: \
                     add --format html, or run `resdiff review NEW --against OLD`"
                        .into(),
                ));
            }
            let opts = load_options(&input)?;
            let inputs = [Some(&old), Some(&new), map.as_ref()];
            check_output(output.as_deref(), inputs.into_iter().flatten())?;
            warn_unused_members(&old);
            warn_unused_members(&new);
            let (old_path, new_path) = (old.clone(), new.clone());
            // Both editions load at once, each file read and decoded once
            // (the new edition keeps its texts for the review's quotations).
            let (old, new) = std::thread::scope(|s| {
                let old = s.spawn(|| load_edition(&old, &opts, false));
                let new = load_edition(&new, &opts, review);
                let old = old
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (old, new)
            });
            let ((old, _), (new, texts)) = (old?, new?);
            let findings = review.then(|| {
                let sources = review::SourceLines::from_texts(&new, &texts);
                review::review(
                    &new,
                    &review::ReviewOptions {
                        lang: opts.parse.lang,
                        against: Some(&old),
                        report: None,
                        sources: Some(&sources),
                    },
                )
            });
            drop(texts);
            let paths = (old_path.as_path(), new_path.as_path());
            for w in corpus::comparison_warnings(&old, &new, paths, map.is_some(), &opts) {
                eprintln!("resdiff: warning: {w}");
            }
            report_diagnostics(
                &old.documents
                    .iter()
                    .chain(&new.documents)
                    .collect::<Vec<_>>(),
            );
            let map = map.as_deref().map(IdMap::read).transpose()?;
            for e in map.iter().flat_map(|m| m.unused_entries(&old, &new)) {
                output::say(&format!(
                    "{}: warning: neither edition holds {}; the line is not used",
                    e.source, e.provisional_id
                ));
            }
            for (e, first) in map.iter().flat_map(|m| m.repeated_entries()) {
                output::say(&format!(
                    "{}: warning: repeats {}; the line is not used",
                    e.source, first.source
                ));
            }
            let diff_opts = DiffOptions {
                ids: IdOptions {
                    map,
                    shared: shared_ids,
                },
                select: only,
                hide_editorial: hide_editorial || substantive,
                hide_renumbered: substantive,
                ..DiffOptions::default()
            };
            // The review above already holds the findings the diff checks
            // editorial changes against: the edition is not reviewed twice.
            let report = match &findings {
                Some(f) => diff::diff_editions_reviewed(&old, &new, &diff_opts, f)?,
                None => diff::diff_editions(&old, &new, &diff_opts)?,
            };
            let color = output.is_none() && use_color(color);
            let editions = render::diff_full::Editions {
                old: &old,
                new: &new,
            };
            let whole = full.then_some(&editions);
            let kind = match format {
                Format::Json => ReportKind::Json,
                Format::Docx => ReportKind::Binary,
                _ => ReportKind::Text { color },
            };
            write_output(output.as_deref(), kind, |mut out| match format {
                Format::Json => render::diff_json::write_diff_json(&mut out, &report),
                Format::Markdown => {
                    render::diff_markdown::write_diff_markdown_with(&mut out, &report, whole)
                }
                Format::Html => render::html::write_diff_html_with(
                    &mut out,
                    &report,
                    &render::html::DiffHtmlOptions {
                        findings: findings.as_deref(),
                        new_edition: Some(&new),
                        full: whole.copied(),
                    },
                ),
                Format::Text => {
                    render::diff_text::write_diff_text_with(&mut out, &report, color, whole)
                }
                Format::Docx => render::docx::report::write_diff_docx(
                    out,
                    &report,
                    &render::docx::report::DocxOptions {
                        old: Some(&old),
                        new: Some(&new),
                        date: date.clone(),
                        full,
                    },
                ),
                Format::Csv => render::diff_csv::write_diff_table(
                    &mut out,
                    &report,
                    render::diff_csv::Delimiter::Csv,
                ),
                Format::Tsv => render::diff_csv::write_diff_table(
                    &mut out,
                    &report,
                    render::diff_csv::Delimiter::Tsv,
                ),
            })?;
            let differ = report.has_differences();
            // The process ends here: the system takes the editions and the
            // report back at once, faster than freeing them string by string.
            std::mem::forget((old, new, report));
            Ok(u8::from(differ))
        }
        Command::Review {
            edition,
            against,
            report,
            format,
            output,
            fail_on,
            color,
            input,
        } => {
            let load = load_options(&input)?;
            let inputs = [Some(&edition), against.as_ref(), report.as_ref()];
            check_output(output.as_deref(), inputs.into_iter().flatten())?;
            warn_unused_members(&edition);
            if let Some(p) = &against {
                warn_unused_members(p);
            }
            let (corpus, findings) = review::load_and_review(&review::ReviewInput {
                edition: &edition,
                against: against.as_deref(),
                report: report.as_deref(),
                load: &load,
            })?;
            report_diagnostics(&corpus.documents.iter().collect::<Vec<_>>());
            let color = output.is_none() && use_color(color);
            let kind = match format {
                ReviewFormat::Json => ReportKind::Json,
                _ => ReportKind::Text { color },
            };
            // Reports speak the language of the texts.
            let lang = corpus
                .language()
                .ok()
                .flatten()
                .unwrap_or(resdiff::lang::Lang::for_tag(""));
            write_output(output.as_deref(), kind, |mut out| match format {
                ReviewFormat::Text => render::review_text::write_text_in(
                    &mut out,
                    &corpus.name,
                    &findings,
                    color,
                    lang.report,
                ),
                ReviewFormat::Json => {
                    render::review_json::write_json(&mut out, &corpus.name, &findings)
                }
                ReviewFormat::Markdown => render::review_markdown::write_markdown_in(
                    &mut out,
                    &corpus.name,
                    &findings,
                    lang.report,
                ),
                ReviewFormat::Html => {
                    render::html::write_review_html_in(&mut out, &corpus.name, &findings, lang)
                }
            })?;
            let threshold = match fail_on {
                FailOn::Info => FindingSeverity::Info,
                FailOn::Warning => FindingSeverity::Warning,
                FailOn::Error => FindingSeverity::Error,
            };
            Ok(u8::from(findings.iter().any(|f| f.severity >= threshold)))
        }
    }
}

/// Load an edition and refuse one without any resolution text: there would
/// be nothing to compare.
/// With `keep_texts`, the decoded texts of its documents come back too.
fn load_edition(
    path: &std::path::Path,
    opts: &LoadOptions,
    keep_texts: bool,
) -> Result<(corpus::Corpus, Vec<String>)> {
    let (c, texts) = if keep_texts {
        corpus::load_with_texts(path, opts)?
    } else {
        (corpus::load(path, opts)?, Vec::new())
    };
    if c.documents.iter().all(|d| d.resolutions.is_empty()) {
        return Err(Error::NoResolution {
            path: c.path,
            found: "no resolution header, assembly line or MOD/ADD marker".into(),
        });
    }
    Ok((c, texts))
}

/// `--date`: a day (`2024-10-24`) or a UTC time (`2024-10-24T09:30:00Z`).
fn parse_date(s: &str) -> std::result::Result<String, String> {
    let digits = |r: std::ops::Range<usize>| {
        s.get(r)
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    let day = s.len() >= 10
        && digits(0..4)
        && &s[4..5] == "-"
        && digits(5..7)
        && &s[7..8] == "-"
        && digits(8..10);
    let time = s.len() == 20
        && &s[10..11] == "T"
        && digits(11..13)
        && &s[13..14] == ":"
        && digits(14..16)
        && &s[16..17] == ":"
        && digits(17..19)
        && s.ends_with('Z');
    if day && (s.len() == 10 || time) {
        Ok(s.to_string())
    } else {
        Err("expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ".into())
    }
}

/// `--color`: `auto` colours a terminal unless NO_COLOR is set (non-empty).
/// The renderers receive the decision as their `color` argument.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Parser warnings go to standard error, as `file:line: warning: …`.
fn report_diagnostics(docs: &[&resdiff::model::Document]) {
    for d in docs {
        for diag in &d.diagnostics {
            if diag.severity >= resdiff::model::Severity::Warning {
                let sev = format!("{:?}", diag.severity).to_lowercase();
                output::say(&format!(
                    "{}:{}: {sev}: {}",
                    d.path, diag.line, diag.message
                ));
            }
        }
    }
}

/// Folder members and `edition.json` keys that are not read get a warning
/// each, so that nothing is left out in silence.
fn warn_unused_members(path: &Path) {
    for w in corpus::unused_members(path) {
        output::say(&w);
    }
}

/// Refuse `-o` when it names a file the run reads: the report would
/// destroy its own input.
fn check_output<'a>(
    output: Option<&Path>,
    inputs: impl Iterator<Item = &'a PathBuf>,
) -> Result<()> {
    let Some(out) = output else { return Ok(()) };
    let mut all = output::Inputs::default();
    for p in inputs {
        all.add(p);
    }
    all.check_output(out)
}

/// Run a renderer, escape control characters the input brought into the
/// report (in the way `kind` needs), and write the whole report to standard
/// output or to FILE (`-o`).
fn write_output(
    path: Option<&Path>,
    kind: ReportKind,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    output::write_report(path, kind, render)
}
