//! The errors that stop a job: bad paths, unreadable bytes, no resolution text,
//! files that cannot be written, command-line values that cannot be used.
//! Each names the file and, where one applies, the line.

use crate::model::Location;
use std::fmt;

/// Why a job could not be done.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The file or folder could not be read (missing, permission denied, …).
    Read {
        /// Path as given.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The report could not be written (a folder, a full disk, no
    /// permission); nothing was left half-written.
    Write {
        /// Path as given (or `standard output`).
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// `-o` names a file the run reads.
    OutputIsInput {
        /// `-o` as given.
        output: String,
        /// The input it resolves to, as given.
        input: String,
    },
    /// The file is empty or holds only whitespace.
    Empty {
        /// Path as given.
        path: String,
    },
    /// The file is not text (an image, an archive, …).
    Binary {
        /// Path as given.
        path: String,
        /// What it looks like.
        what: String,
    },
    /// A Word document (or what was handed over as one) that cannot be read.
    Document {
        /// Path as given.
        path: String,
        /// What the file is, or what is wrong with it.
        what: String,
    },
    /// The bytes could not be decoded as text in any supported encoding.
    Undecodable {
        /// Path as given.
        path: String,
        /// First line with bytes that could not be decoded.
        line: u32,
        /// Encoding tried.
        encoding: String,
    },
    /// A folder holds no text file.
    NoTextFiles {
        /// Path as given.
        path: String,
    },
    /// No resolution text was found where some was needed.
    NoResolution {
        /// Path as given.
        path: String,
        /// What the file was found to be instead.
        found: String,
    },
    /// Two resolutions of one edition carry the same identifier.
    DuplicateId {
        /// File of the second occurrence.
        path: String,
        /// Identifier.
        id: String,
        /// Line of the second occurrence.
        line: u32,
        /// Where the first occurrence is.
        first: Location,
    },
    /// `--strict`: the parser had to guess.
    Strict {
        /// File.
        path: String,
        /// Line.
        line: u32,
        /// What was odd.
        message: String,
    },
    /// A file read as data that does not hold what it should: a bad line in
    /// a `--map` file, an `edition.json` that is not valid, a `--report`
    /// file that is not a summary report.
    Data {
        /// Path as given.
        path: String,
        /// The offending line, when the trouble is on one.
        line: Option<u32>,
        /// What is wrong.
        message: String,
    },
    /// Texts in different languages where one language is needed (two
    /// editions, or the files of one edition).
    LanguageMismatch {
        /// A file in the first language.
        path: String,
        /// Its language.
        lang: String,
        /// A file in the other language.
        other_path: String,
        /// That file's language.
        other_lang: String,
    },
    /// A command-line value that cannot be used (the input files may be fine).
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => write!(f, "{path}: cannot read: {source}"),
            Error::Write { path, source } => write!(f, "{path}: cannot write: {source}"),
            Error::OutputIsInput { output, input } => write!(
                f,
                "{output}: refusing to write the report there: it is {input}, an input of this run"
            ),
            Error::Empty { path } => write!(f, "{path}: the file is empty (no text to read)"),
            Error::Binary { path, what } => {
                write!(
                    f,
                    "{path}: not a text file ({what}); give a .txt export of the document"
                )
            }
            Error::Document { path, what } => {
                write!(f, "{path}: cannot read it as a Word document: {what}")
            }
            Error::Undecodable {
                path,
                line,
                encoding,
            } => write!(
                f,
                "{path}:{line}: bytes that are not valid {encoding}; pass --encoding to name the file's encoding"
            ),
            Error::NoTextFiles { path } => write!(f, "{path}: the folder holds no text file"),
            Error::NoResolution { path, found } => {
                write!(f, "{path}: no resolution text found ({found})")
            }
            Error::DuplicateId {
                path,
                id,
                line,
                first,
            } => write!(
                f,
                "{path}:{line}: resolution {id} appears twice in the edition (first at {first})"
            ),
            Error::Strict {
                path,
                line,
                message,
            } => write!(f, "{path}:{line}: {message} (--strict)"),
            Error::Data {
                path,
                line: Some(line),
                message,
            } => write!(f, "{path}:{line}: {message}"),
            Error::Data {
                path,
                line: None,
                message,
            } => write!(f, "{path}: {message}"),
            Error::LanguageMismatch {
                path,
                lang,
                other_path,
                other_lang,
            } => write!(
                f,
                "{path} is in {lang} but {other_path} is in {other_lang}: editions can only be compared or reviewed in one language (--lang forces one)"
            ),
            Error::Usage(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
