//! Corpus: turn the paths a user gives (files or edition folders) into parsed
//! documents grouped as editions.

use crate::error::{Error, Result};
use crate::ingest::{self, IngestOptions};
use crate::lang::Lang;
use crate::model::{Diagnostic, Document, DocumentClass, Severity};
use crate::normalize;
use crate::parse::{self, ParseOptions};
use std::path::Path;

/// Options for loading texts.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Ingest options.
    pub ingest: IngestOptions,
    /// Parse options.
    pub parse: ParseOptions,
    /// Refuse texts the parser had to guess about (`--strict`).
    pub strict: bool,
}

/// The texts of one edition: a folder, or a single file.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Name (the folder or file name).
    pub name: String,
    /// Path as given.
    pub path: String,
    /// Documents in file-name order.
    pub documents: Vec<Document>,
    /// Whether the edition holds only some of the assembly's resolutions
    /// (declared by an `edition.json` file with `"partial": true`).
    pub partial: bool,
}

impl Corpus {
    /// An edition made of documents parsed elsewhere (for instance with
    /// [`parse_text`]); `name` stands for its path too.
    pub fn from_documents(name: &str, documents: Vec<Document>) -> Corpus {
        Corpus {
            name: name.into(),
            path: name.into(),
            documents,
            partial: false,
        }
    }

    /// The language of the edition's texts (files in which nothing was
    /// found do not count), `None` when no file tells; an error naming two
    /// files when they are in different languages.
    pub fn language(&self) -> Result<Option<&'static Lang>> {
        let mut first: Option<(&Document, &'static Lang)> = None;
        for d in &self.documents {
            if d.class == DocumentClass::Other {
                continue;
            }
            let Some(lang) = d.language.table() else {
                continue;
            };
            match first {
                None => first = Some((d, lang)),
                Some((f, l)) if l.tag != lang.tag => return Err(mismatch(f, l, d, lang)),
                Some(_) => {}
            }
        }
        Ok(first.map(|(_, l)| l))
    }
}

/// The language both editions share (see [`Corpus::language`]); an error
/// when they differ.
pub fn common_language(old: &Corpus, new: &Corpus) -> Result<Option<&'static Lang>> {
    let (a, b) = (old.language()?, new.language()?);
    match (a, b) {
        (Some(x), Some(y)) if x.tag != y.tag => {
            let doc = |c: &Corpus, l: &Lang| {
                c.documents
                    .iter()
                    .find(|d| d.language.tag == l.tag)
                    .map_or_else(|| c.path.clone(), |d| d.path.clone())
            };
            Err(Error::LanguageMismatch {
                path: doc(old, x),
                lang: x.name.to_string(),
                other_path: doc(new, y),
                other_lang: y.name.to_string(),
            })
        }
        _ => Ok(b.or(a)),
    }
}

fn mismatch(a: &Document, la: &Lang, b: &Document, lb: &Lang) -> Error {
    Error::LanguageMismatch {
        path: a.path.clone(),
        lang: la.name.to_string(),
        other_path: b.path.clone(),
        other_lang: lb.name.to_string(),
    }
}

/// Parse a text held in memory, as [`load_file`] parses a file: decode,
/// normalize, parse. `name` stands for the file name in the model and in
/// messages.
pub fn parse_text(name: &str, text: &str, opts: &LoadOptions) -> Result<Document> {
    let src = ingest::decode(name, text.as_bytes(), &opts.ingest)?;
    parse_source(src, opts, false).map(|(doc, _)| doc)
}

/// Read and parse one file.
pub fn load_file(path: &Path, opts: &LoadOptions) -> Result<Document> {
    load_file_only(path, opts)
}

/// [`load_file`], also handing back the decoded text (LF line ends, the
/// lines the model's spans count), so that nothing needs to read the file a
/// second time to quote it.
pub fn load_file_with_text(path: &Path, opts: &LoadOptions) -> Result<(Document, String)> {
    let src = ingest::read_file(path, &opts.ingest)?;
    let (doc, text) = parse_source(src, opts, true)?;
    Ok((doc, text.unwrap_or_default()))
}

/// Read and parse one file, the text released as soon as it has been used.
fn load_file_only(path: &Path, opts: &LoadOptions) -> Result<Document> {
    let src = ingest::read_file(path, &opts.ingest)?;
    parse_source(src, opts, false).map(|(doc, _)| doc)
}

/// Normalize and parse a decoded file, handing back its text with
/// `keep_text`. Each stage's input is released once the next has what it
/// needs, so that the text is not held in several forms at once.
fn parse_source(
    src: ingest::SourceText,
    opts: &LoadOptions,
    keep_text: bool,
) -> Result<(Document, Option<String>)> {
    let chosen = parse::choose_lang(&src, &opts.parse);
    let norm = normalize::normalize_with(&src, chosen.0);
    let (doc, text) = parse::parse_owned(src, norm, chosen, keep_text);
    // A summary report's own diagnostics count too: its lists feed the
    // diff's id mapping and the review.
    let report_diags = doc.report.iter().flat_map(|r| &r.diagnostics);
    if opts.strict
        && let Some(d) = doc
            .diagnostics
            .iter()
            .chain(report_diags)
            .find(|d| d.severity >= Severity::Warning)
    {
        return Err(Error::Strict {
            path: doc.path.clone(),
            line: d.line,
            message: d.message.clone(),
        });
    }
    Ok((doc, text))
}

/// Read a file or every text file of a folder.
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Corpus> {
    load_inner(path, opts, false).map(|(c, _)| c)
}

/// A file of an edition folder in which no resolution is found (and that is
/// not the summary report) contributes nothing to a comparison or a review:
/// say so instead of leaving it out in silence.
fn warn_unused_documents(documents: &mut [Document]) {
    for doc in documents {
        if doc.resolutions.is_empty()
            && doc.class != DocumentClass::SummaryReport
            && let Some(first) = doc.other_blocks.first()
        {
            let line = first.span.first_line;
            doc.diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                line,
                message: "no resolution text found in this file of the edition (no resolution header, assembly line or MOD/ADD marker): it is not compared or reviewed".into(),
            });
        }
    }
}

/// [`load`], also handing back the decoded text of every document, in the
/// order of [`Corpus::documents`]. The files of a folder are read and parsed
/// on all cores; the result does not depend on it.
pub fn load_with_texts(path: &Path, opts: &LoadOptions) -> Result<(Corpus, Vec<String>)> {
    load_inner(path, opts, true)
}

/// [`load_with_texts`]; the texts are dropped as soon as each file is
/// parsed unless `keep`.
fn load_inner(path: &Path, opts: &LoadOptions, keep: bool) -> Result<(Corpus, Vec<String>)> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| Error::Read {
        path: shown.clone(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let files = if meta.is_dir() {
        let files = members(path)?.texts;
        if files.is_empty() {
            return Err(Error::NoTextFiles { path: shown });
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let loaded = crate::parallel::map_ordered(&files, 0, |f| {
        if keep {
            load_file_with_text(f, opts)
        } else {
            load_file_only(f, opts).map(|d| (d, String::new()))
        }
    })
    .into_iter()
    .collect::<Result<Vec<_>>>()?;
    let (mut documents, texts): (Vec<Document>, Vec<String>) = loaded.into_iter().unzip();
    parse::continuation::join_continuations(&mut documents);
    if meta.is_dir() {
        warn_unused_documents(&mut documents);
    }
    if opts.strict {
        strict_check(&documents)?;
    }
    let partial = meta.is_dir() && read_manifest(path)?.partial;
    Ok((
        Corpus {
            name,
            path: shown,
            documents,
            partial,
        },
        texts,
    ))
}

/// `--strict` over what only the whole edition shows (a continuation file
/// that joins nothing).
fn strict_check(documents: &[Document]) -> Result<()> {
    for doc in documents {
        if let Some(d) = doc
            .diagnostics
            .iter()
            .find(|d| d.severity >= Severity::Warning)
        {
            return Err(Error::Strict {
                path: doc.path.clone(),
                line: d.line,
                message: d.message.clone(),
            });
        }
    }
    Ok(())
}

/// Whether a folder member is read as a text of the edition. The one place
/// that knows which files an edition folder holds: an accepted extension,
/// in any case (`R13.TXT`).
pub fn is_text_member(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Extensions of the files an edition folder's texts are read from.
const TEXT_EXTENSIONS: [&str; 2] = ["txt", "docx"];

/// The name of an edition folder's description file.
const MANIFEST: &str = "edition.json";

/// What an edition folder holds.
#[derive(Debug, Default)]
pub struct Members {
    /// Texts to read, in file-name order.
    pub texts: Vec<std::path::PathBuf>,
    /// Entries not read, each with the reason.
    pub skipped: Vec<(std::path::PathBuf, String)>,
}

/// Sort the entries of an edition folder into texts and entries not read.
pub fn members(dir: &Path) -> Result<Members> {
    let io_err = |source| Error::Read {
        path: dir.display().to_string(),
        source,
    };
    let mut out = Members::default();
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let p = entry.map_err(io_err)?.path();
        if p.file_name().is_some_and(|n| n == MANIFEST) {
            continue;
        }
        // Word keeps a small owner file (`~$name.docx`) beside a document
        // it has open: not a text of the edition.
        let lock = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
        let why = match std::fs::metadata(&p) {
            Ok(m) if m.is_file() && lock => {
                "a Word lock file (the document is open in Word)".to_string()
            }
            Ok(m) if m.is_file() && is_text_member(&p) => {
                out.texts.push(p);
                continue;
            }
            Ok(m) if m.is_dir() => {
                "a sub-folder (an edition is one folder, its files are not read)".to_string()
            }
            Ok(m) if m.is_file() => format!("not a .{} file", TEXT_EXTENSIONS.join(" or .")),
            Ok(_) => "not a regular file".to_string(),
            Err(e) if p.is_symlink() => format!("a symbolic link that leads nowhere ({e})"),
            Err(e) => format!("cannot be read ({e})"),
        };
        out.skipped.push((p, why));
    }
    out.texts.sort();
    out.skipped.sort();
    Ok(out)
}

/// Warnings, one line each, for what an edition folder holds but is not
/// read: entries that are not texts, and `edition.json` keys resdiff does
/// not know. Nothing for a file; trouble reading is left to [`load`].
pub fn unused_members(path: &Path) -> Vec<String> {
    if !path.is_dir() {
        return Vec::new();
    }
    let mut out: Vec<String> = members(path)
        .map(|m| m.skipped)
        .unwrap_or_default()
        .into_iter()
        .map(|(p, why)| format!("{}: warning: {why}; not read", p.display()))
        .collect();
    if let Ok((_, unknown)) = read_manifest_keys(path) {
        let p = path.join(MANIFEST);
        for key in unknown {
            let hint = MANIFEST_KEYS
                .iter()
                .find(|k| close_spelling(k, &key))
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            out.push(format!(
                "{}: warning: unknown key `{key}`{hint}; not used (known keys: {})",
                p.display(),
                MANIFEST_KEYS.join(", ")
            ));
        }
    }
    out
}

/// Keys `edition.json` may hold.
const MANIFEST_KEYS: [&str; 2] = ["partial", "note"];

/// Same letters but for case, or one letter added, dropped, changed or two
/// swapped.
fn close_spelling(known: &str, key: &str) -> bool {
    let a: Vec<char> = known.to_lowercase().chars().collect();
    let b: Vec<char> = key.to_lowercase().chars().collect();
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            diff.len() == 1
                || (diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && a[diff[0]] == b[diff[1]]
                    && a[diff[1]] == b[diff[0]])
        }
        1 => (0..long.len())
            .any(|i| long[..i] == short[..i.min(short.len())] && long[i + 1..] == short[i..]),
        _ => false,
    }
}

/// Optional `edition.json` in an edition folder.
#[derive(Debug, Default, serde::Deserialize)]
struct Manifest {
    #[serde(default)]
    partial: bool,
}

fn read_manifest(dir: &Path) -> Result<Manifest> {
    read_manifest_keys(dir).map(|(m, _)| m)
}

/// The manifest and the keys of it resdiff does not know.
fn read_manifest_keys(dir: &Path) -> Result<(Manifest, Vec<String>)> {
    let p = dir.join(MANIFEST);
    match std::fs::read_to_string(&p) {
        Ok(s) => {
            let invalid = |e: serde_json::Error| Error::Data {
                path: p.display().to_string(),
                line: u32::try_from(e.line()).ok(),
                message: format!("invalid edition.json: {e}"),
            };
            // Editors on Windows save JSON with a byte-order mark.
            let s = s.strip_prefix('\u{feff}').unwrap_or(&s);
            let manifest = serde_json::from_str(s).map_err(invalid)?;
            let value: serde_json::Value = serde_json::from_str(s).map_err(invalid)?;
            let unknown = value
                .as_object()
                .map(|o| {
                    o.keys()
                        .filter(|k| !MANIFEST_KEYS.contains(&k.as_str()))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            Ok((manifest, unknown))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Manifest::default(), Vec::new())),
        Err(source) => Err(Error::Read {
            path: p.display().to_string(),
            source,
        }),
    }
}

/// Whether two paths name the same file, however they are spelled.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}

/// The latest assembly year an edition's resolutions name in their headers.
fn latest_year(c: &Corpus) -> Option<u32> {
    c.documents
        .iter()
        .flat_map(|d| &d.resolutions)
        .filter_map(|r| r.edition.as_ref().and_then(|e| e.year))
        .max()
}

/// Things about the two editions given to `resdiff diff` that are probably
/// a mistake, in words: OLD newer than NEW (swapped arguments), and a file
/// given whose folder holds a summary report that would have mapped its
/// provisional ids (unless a mapping file was given: `mapped`).
pub fn comparison_warnings(
    old: &Corpus,
    new: &Corpus,
    (old_path, new_path): (&Path, &Path),
    mapped: bool,
    opts: &LoadOptions,
) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(o), Some(n)) = (latest_year(old), latest_year(new))
        && o > n
    {
        out.push(format!(
            "OLD {} names editions up to {o} but NEW {} only up to {n}: were OLD and NEW swapped?",
            old.path, new.path
        ));
    }
    let has_report = |c: &Corpus| {
        c.documents
            .iter()
            .any(|d| d.class == DocumentClass::SummaryReport)
    };
    let provisional = |c: &Corpus| {
        c.documents
            .iter()
            .flat_map(|d| &d.resolutions)
            .any(|r| r.number.is_none() && r.id.contains('/'))
    };
    let either_has_report = has_report(old) || has_report(new);
    for (c, p) in [(old, old_path), (new, new_path)] {
        if mapped || either_has_report || !p.is_file() || !provisional(c) {
            continue;
        }
        let Some(dir) = p.parent() else { continue };
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut siblings: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|s| s.extension().is_some_and(|x| x == "txt"))
            // The inputs were read already, and neither is a report.
            .filter(|s| !same_file(s, old_path) && !same_file(s, new_path))
            .collect();
        siblings.sort();
        for s in siblings {
            if load_file(&s, opts).is_ok_and(|d| d.class == DocumentClass::SummaryReport) {
                out.push(format!(
                    "{} holds provisional ids, and {} beside it is a summary report that maps them \
                     to numbers: give the folder {} to use it",
                    p.display(),
                    s.display(),
                    dir.display()
                ));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_edition_json_is_a_data_error_at_its_line() {
        let dir = std::env::temp_dir().join(format!("resdiff-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("edition.json"), "{\n  \"partial\": yes\n}\n").unwrap();
        let e = read_manifest(&dir).unwrap_err();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(matches!(e, Error::Data { line: Some(2), .. }), "{e:?}");
        assert!(
            e.to_string()
                .contains("edition.json:2: invalid edition.json"),
            "{e}"
        );
    }
}
