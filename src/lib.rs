//! resdiff: track how ITU resolutions change from one assembly to the next.
//!
//! The pipeline is the layout:
//! [`ingest`] (bytes → text) → [`normalize`] (page and Word artifacts, line
//! joining → paragraphs) → [`parse`] (paragraphs → [`model::Document`]) →
//! [`corpus`] (files and folders → editions) → [`align`] and [`diff`] (two
//! editions → [`model::DiffReport`]) or [`review`] (an edition →
//! [`model::Finding`]s) → [`render`].
//!
//! Reading a text:
//!
//! ```
//! let text = "第7号决议（2024年，新德里，修订版）\n与国际标准化组织的协作\n\
//!             （2022年，日内瓦；2024年，新德里）\n世界电信标准化全会（2024年，新德里），\n\
//!             考虑到\na) 国际电联《组织法》；\nb) ISO《章程》，\n做出决议\n1 继续协作。\n";
//! let doc = resdiff::parse_text("example.txt", text, &Default::default())?;
//! let res = &doc.resolutions[0];
//! assert_eq!(res.id, "7");
//! assert_eq!(res.title.text, "与国际标准化组织的协作");
//! assert_eq!(res.sections[0].kind_name(), "considering");
//! assert_eq!(res.sections[0].clauses[1].text, "ISO《章程》，");
//! # Ok::<(), resdiff::Error>(())
//! ```
//!
//! Reading an edition (a folder of text files, or one file) from disk:
//!
//! ```
//! let published = resdiff::read_edition("versions/wtsa-24-published", &Default::default())?;
//! assert!(published.partial); // its edition.json says it holds only Resolution 101
//! assert_eq!(published.documents[0].resolutions[0].id, "101");
//! # Ok::<(), resdiff::Error>(())
//! ```
//!
//! Comparing two editions:
//!
//! ```
//! use resdiff::Corpus;
//! use resdiff::diff::{DiffOptions, diff_editions};
//!
//! fn edition(name: &str, text: &str) -> Result<Corpus, resdiff::Error> {
//!     let doc = resdiff::parse_text(name, text, &Default::default())?;
//!     Ok(Corpus::from_documents(name, vec![doc]))
//! }
//! let head = "第7号决议（2024年，新德里，修订版）\n协作\n（2024年，新德里）\n\
//!             世界电信标准化全会（2024年，新德里），\n考虑到\n";
//! let old = edition("old.txt", &format!("{head}a) 其他组织的工作；\nb) 三个组织的协调，\n"))?;
//! let new = edition("new.txt", &format!("{head}a) 其它组织的工作；\nb) 各组织的合作，\n"))?;
//! let report = diff_editions(&old, &new, &DiffOptions::default())?;
//! let changes = &report.resolutions[0].changes;
//! assert_eq!(changes.len(), 2);
//! assert!(changes[0].editorial); // 其他 → 其它
//! assert!(!changes[1].editorial);
//! # Ok::<(), resdiff::Error>(())
//! ```

// Library code handles every data-dependent failure; unit tests may unwrap.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod align;
pub mod corpus;
pub mod diff;
pub mod error;
pub mod ingest;
pub mod lang;
pub mod model;
pub mod normalize;
pub mod output;
pub(crate) mod parallel;
pub mod parse;
pub mod render;
pub mod review;
pub(crate) mod text;

#[cfg(test)]
pub(crate) mod testkit;

pub use corpus::{Corpus, LoadOptions, parse_text};
pub use error::{Error, Result};

/// Read an edition: a folder of text files (with its `edition.json`, if
/// any) or a single file, parsed with `opts`. The one call behind
/// `resdiff diff OLD NEW` and `resdiff review EDITION`; see [`corpus::load`].
pub fn read_edition(path: impl AsRef<std::path::Path>, opts: &LoadOptions) -> Result<Corpus> {
    corpus::load(path.as_ref(), opts)
}
