//! resdiff: track how ITU resolutions change from one assembly to the next.
//!
//! The pipeline is the layout:
//! [`ingest`] (bytes → text) → [`normalize`] (page and Word artifacts, line
//! joining → paragraphs) → [`parse`] (paragraphs → [`model::Document`]) →
//! [`corpus`] (files and folders → editions) → render.

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
pub mod parse;
pub mod render;
pub mod review;
pub mod text;

#[cfg(test)]
pub(crate) mod testkit;

pub use error::{Error, Result};
