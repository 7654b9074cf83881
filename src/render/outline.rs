//! The outline printed by `resdiff parse`, and the model as JSON.

use crate::model::Document;
use std::io::{self, Write};

/// Write an indented outline of the documents.
pub fn write_outline<W: Write>(out: &mut W, docs: &[&Document]) -> io::Result<()> {
    for d in docs {
        writeln!(out, "{}: {} resolutions", d.path, d.resolutions.len())?;
    }
    Ok(())
}

/// Write the documents as JSON.
pub fn write_json<W: Write>(out: &mut W, docs: &[&Document]) -> io::Result<()> {
    let v = serde_json::json!({
        "schema_version": crate::model::PARSE_SCHEMA_VERSION,
        "documents": docs,
    });
    serde_json::to_writer_pretty(&mut *out, &v)?;
    writeln!(out)
}
