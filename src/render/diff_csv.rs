//! The edition diff as a flat table for spreadsheets: one row per change,
//! with a row for each added or suppressed resolution before its parts.
//! CSV (RFC 4180 quoting, UTF-8 with a byte-order mark so that spreadsheet
//! programs read the Chinese text correctly) or TSV (no quoting; tabs and
//! line breaks inside a field become spaces; no byte-order mark, for
//! scripts). Columns are [`COLUMNS`], documented in `docs/diff-csv.md`.

use crate::model::{Change, ChangeKind, DiffReport, Location, ResolutionDiff, Verdict};
use std::io::{self, Write};

/// The header row.
pub const COLUMNS: [&str; 17] = [
    "resolution",
    "aliases",
    "verdict",
    "unit",
    "section",
    "old_label",
    "new_label",
    "kind",
    "class",
    "editorial",
    "old_text",
    "new_text",
    "old_file",
    "old_line",
    "new_file",
    "new_line",
    "title",
];

/// First characters that make a spreadsheet program read a cell as a
/// formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Field separator of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// Comma-separated values, quoted where needed, with a UTF-8 BOM.
    Csv,
    /// Tab-separated values.
    Tsv,
}

fn kind_name(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Modified => "modified",
        ChangeKind::Moved => "moved",
        ChangeKind::Renumbered => "renumbered",
    }
}

fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

struct Table<'w, W: Write> {
    out: &'w mut W,
    delim: Delimiter,
}

impl<W: Write> Table<'_, W> {
    fn row(&mut self, fields: &[String]) -> io::Result<()> {
        let mut line = String::new();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                line.push(match self.delim {
                    Delimiter::Csv => ',',
                    Delimiter::Tsv => '\t',
                });
            }
            // A spreadsheet program evaluates a cell that begins like a
            // formula (`=`, `+`, `-`, `@`; tab and carriage return can hide
            // one): an apostrophe first makes it plain text. TSV is for
            // scripts and keeps the text as is.
            let guarded;
            let f = match self.delim {
                Delimiter::Csv if f.starts_with(FORMULA_STARTS) => {
                    guarded = format!("'{f}");
                    &guarded
                }
                _ => f,
            };
            match self.delim {
                Delimiter::Csv if f.contains([',', '"', '\n', '\r']) => {
                    line.push('"');
                    line.push_str(&f.replace('"', "\"\""));
                    line.push('"');
                }
                Delimiter::Csv => line.push_str(f),
                Delimiter::Tsv => line.push_str(&f.replace(['\t', '\n', '\r'], " ")),
            }
        }
        // LF: spreadsheet programs read it as well as RFC 4180's CRLF, and
        // standard output passes no bare control character.
        line.push('\n');
        self.out.write_all(line.as_bytes())
    }
}

fn file(l: Option<&Location>) -> String {
    l.map(|l| l.file.clone()).unwrap_or_default()
}

fn num(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn resolution_row(r: &ResolutionDiff) -> Vec<String> {
    let kind = if r.verdict == Verdict::Add {
        "added"
    } else {
        "removed"
    };
    let text = Some(r.title.clone());
    let (old_text, new_text) = if r.verdict == Verdict::Add {
        (None, text)
    } else {
        (text, None)
    };
    vec![
        r.id.clone(),
        r.aliases.join(" "),
        r.verdict.mark().into(),
        "resolution".into(),
        String::new(),
        String::new(),
        String::new(),
        kind.into(),
        "substantive".into(),
        "false".into(),
        old_text.unwrap_or_default(),
        new_text.unwrap_or_default(),
        file(r.old_location.as_ref()),
        num(r.old_location.as_ref().map(|l| l.line)),
        file(r.new_location.as_ref()),
        num(r.new_location.as_ref().map(|l| l.line)),
        r.title.clone(),
    ]
}

fn change_row(r: &ResolutionDiff, c: &Change) -> Vec<String> {
    let side = |l: Option<&Location>, s: Option<crate::model::Span>| {
        if s.is_some() { file(l) } else { String::new() }
    };
    vec![
        r.id.clone(),
        r.aliases.join(" "),
        r.verdict.mark().into(),
        snake(c.unit),
        c.section.clone(),
        c.old_label.clone().unwrap_or_default(),
        c.new_label.clone().unwrap_or_default(),
        kind_name(c.kind).into(),
        snake(c.class()),
        c.editorial.to_string(),
        c.old_text.clone().unwrap_or_default(),
        c.new_text.clone().unwrap_or_default(),
        side(r.old_location.as_ref(), c.old_span),
        num(c.old_span.map(|s| s.first_line)),
        side(r.new_location.as_ref(), c.new_span),
        num(c.new_span.map(|s| s.first_line)),
        r.title.clone(),
    ]
}

/// Write the report as a table: the header row, then one row per change
/// (resolution rows first for added and suppressed resolutions).
pub fn write_diff_table<W: Write>(
    out: &mut W,
    report: &DiffReport,
    delim: Delimiter,
) -> io::Result<()> {
    if delim == Delimiter::Csv {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut t = Table { out, delim };
    t.row(&COLUMNS.map(String::from))?;
    for r in &report.resolutions {
        if matches!(r.verdict, Verdict::Add | Verdict::Sup) {
            t.row(&resolution_row(r))?;
        }
        for c in r.header_changes.iter().chain(&r.changes) {
            t.row(&change_row(r, c))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(fields: &[&str], delim: Delimiter) -> String {
        let mut out = Vec::new();
        let mut t = Table {
            out: &mut out,
            delim,
        };
        t.row(&fields.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_never_hands_a_spreadsheet_a_formula() {
        assert_eq!(
            table(
                &[
                    "=HYPERLINK(\"x\")",
                    "+1",
                    "-",
                    "@SUM(A1)",
                    "\tx",
                    "a=b",
                    "–"
                ],
                Delimiter::Csv
            ),
            "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-,'@SUM(A1),'\tx,a=b,–\n"
        );
        assert_eq!(table(&["=1+1", "-x"], Delimiter::Tsv), "=1+1\t-x\n");
    }

    #[test]
    fn csv_quotes_what_needs_it_and_tsv_flattens() {
        assert_eq!(
            table(&["a", "b,c", "say \"x\"", "两行\n文本"], Delimiter::Csv),
            "a,\"b,c\",\"say \"\"x\"\"\",\"两行\n文本\"\n"
        );
        assert_eq!(
            table(&["a", "b\tc", "d\ne"], Delimiter::Tsv),
            "a\tb c\td e\n"
        );
    }
}
