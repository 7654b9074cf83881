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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("resdiff: {err}");
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
                corpora.push(corpus::load(p, &opts)?);
            }
            let docs: Vec<_> = corpora.iter().flat_map(|c| c.documents.iter()).collect();
            report_diagnostics(&docs);
            write_output(None, |mut out| match format {
                Format::Json => resdiff::render::outline::write_json(&mut out, &docs),
                _ => resdiff::render::outline::write_outline(&mut out, &docs),
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
            substantive,
            input,
        } => {
            let opts = load_options(&input)?;
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
            report_diagnostics(
                &old.documents
                    .iter()
                    .chain(&new.documents)
                    .collect::<Vec<_>>(),
            );
            let diff_opts = DiffOptions {
                ids: IdOptions {
                    map: map.as_deref().map(IdMap::read).transpose()?,
                    shared: shared_ids,
                },
                select: only,
                hide_editorial: hide_editorial || substantive,
                hide_renumbered: substantive,
                ..DiffOptions::default()
            };
            let report = diff::diff_editions(&old, &new, &diff_opts)?;
            let color = output.is_none() && use_color(color);
            write_output(output.as_deref(), |mut out| match format {
                Format::Json => render::diff_json::write_diff_json(&mut out, &report),
                Format::Markdown => render::diff_markdown::write_diff_markdown(&mut out, &report),
                Format::Html => render::html::write_diff_html_with(
                    &mut out,
                    &report,
                    &render::html::DiffHtmlOptions {
                        findings: findings.as_deref(),
                        new_edition: Some(&new),
                    },
                ),
                Format::Text => render::diff_text::write_diff_text(&mut out, &report, color),
            })?;
            Ok(u8::from(report.has_differences()))
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
            let (corpus, findings) = review::load_and_review(&review::ReviewInput {
                edition: &edition,
                against: against.as_deref(),
                report: report.as_deref(),
                load: &load,
            })?;
            report_diagnostics(&corpus.documents.iter().collect::<Vec<_>>());
            let color = output.is_none() && use_color(color);
            write_output(output.as_deref(), |mut out| match format {
                ReviewFormat::Text => {
                    render::review_text::write_text(&mut out, &corpus.name, &findings, color)
                }
                ReviewFormat::Json => {
                    render::review_json::write_json(&mut out, &corpus.name, &findings)
                }
                ReviewFormat::Markdown => {
                    render::review_markdown::write_markdown(&mut out, &corpus.name, &findings)
                }
                ReviewFormat::Html => {
                    render::html::write_review_html(&mut out, &corpus.name, &findings)
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
                eprintln!("{}:{}: {sev}: {}", d.path, diag.line, diag.message);
            }
        }
    }
}

/// Run a renderer on standard output, or on FILE (`-o`), buffered.
fn write_output(
    path: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let Some(path) = path else {
        // Renderers write many small pieces: buffer them rather than make a
        // system call for each line.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = render(&mut out).and_then(|()| out.flush());
        return finish_write(written);
    };
    let io_err = |source| Error::Write {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::create(path).map_err(io_err)?;
    let mut out = std::io::BufWriter::new(file);
    render(&mut out).map_err(io_err)?;
    out.flush().map_err(io_err)
}

/// A closed pipe (`resdiff … | head`) is not an error.
fn finish_write(res: std::io::Result<()>) -> Result<()> {
    match res {
        Ok(()) => {
            let _ = std::io::stdout().flush();
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Write {
            path: "<stdout>".into(),
            source: e,
        }),
    }
}
