//! Corpus: turn the paths a user gives (files or edition folders) into parsed
//! documents grouped as editions.

use crate::error::{Error, Result};
use crate::ingest::{self, IngestOptions};
use crate::lang::Lang;
use crate::model::{Document, DocumentClass, Severity};
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
    parse_source(&src, opts)
}

/// Read and parse one file.
pub fn load_file(path: &Path, opts: &LoadOptions) -> Result<Document> {
    load_file_with_text(path, opts).map(|(doc, _)| doc)
}

/// [`load_file`], also handing back the decoded text (LF line ends, the
/// lines the model's spans count), so that nothing needs to read the file a
/// second time to quote it.
pub fn load_file_with_text(path: &Path, opts: &LoadOptions) -> Result<(Document, String)> {
    let src = ingest::read_file(path, &opts.ingest)?;
    let doc = parse_source(&src, opts)?;
    Ok((doc, src.text))
}

fn parse_source(src: &ingest::SourceText, opts: &LoadOptions) -> Result<Document> {
    let norm = normalize::normalize_with(src, opts.parse.lang);
    let doc = parse::parse_document(src, &norm, &opts.parse);
    drop(norm);
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
    Ok(doc)
}

/// Read a file or every text file of a folder.
pub fn load(path: &Path, opts: &LoadOptions) -> Result<Corpus> {
    load_inner(path, opts, false).map(|(c, _)| c)
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
    let mut files = Vec::new();
    if meta.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| Error::Read {
            path: shown.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read {
                path: shown.clone(),
                source,
            })?;
            let p = entry.path();
            if p.is_file() && p.extension().is_some_and(|e| e == "txt" || e == "docx") {
                files.push(p);
            }
        }
        files.sort();
        if files.is_empty() {
            return Err(Error::NoTextFiles { path: shown });
        }
    } else {
        files.push(path.to_path_buf());
    }
    let loaded = crate::parallel::map_ordered(&files, 0, |f| {
        load_file_with_text(f, opts).map(|(d, t)| (d, if keep { t } else { String::new() }))
    })
    .into_iter()
    .collect::<Result<Vec<_>>>()?;
    let (documents, texts) = loaded.into_iter().unzip();
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

/// Optional `edition.json` in an edition folder.
#[derive(Debug, Default, serde::Deserialize)]
struct Manifest {
    #[serde(default)]
    partial: bool,
}

fn read_manifest(dir: &Path) -> Result<Manifest> {
    let p = dir.join("edition.json");
    match std::fs::read_to_string(&p) {
        Ok(s) => serde_json::from_str(&s).map_err(|e| Error::Data {
            path: p.display().to_string(),
            line: u32::try_from(e.line()).ok(),
            message: format!("invalid edition.json: {e}"),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
        Err(source) => Err(Error::Read {
            path: p.display().to_string(),
            source,
        }),
    }
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
