//! Reference program for the diff benchmark: the bare minimum a redline of
//! two text files takes with `similar` — read both, diff by lines, refine
//! the changed lines inline, write the result. `benches/diff.rs` runs it as
//! a separate process next to `resdiff diff`; it also builds on its own:
//! `cargo run --release --example reference_similar -- OLD NEW`.

use similar::{ChangeTag, DiffTag, TextDiff};
use std::io::{self, Write};
use std::path::Path;

/// Diff `old` against `new` line by line, with inline emphasis on changed
/// lines, and write the changed lines to `out` (`-`/`+` prefix, emphasised
/// runs in `[-…-]`/`{+…+}`).
pub fn run<W: Write>(old: &Path, new: &Path, out: &mut W) -> io::Result<()> {
    let a = std::fs::read_to_string(old)?;
    let b = std::fs::read_to_string(new)?;
    let diff = TextDiff::from_lines(&a, &b);
    for op in diff.ops() {
        if op.tag() == DiffTag::Equal {
            continue;
        }
        for change in diff.iter_inline_changes(op) {
            let (sign, open, close) = match change.tag() {
                ChangeTag::Delete => ("-", "[-", "-]"),
                ChangeTag::Insert => ("+", "{+", "+}"),
                ChangeTag::Equal => (" ", "", ""),
            };
            out.write_all(sign.as_bytes())?;
            for (emphasised, text) in change.iter_strings_lossy() {
                if emphasised {
                    write!(out, "{open}{text}{close}")?;
                } else {
                    out.write_all(text.as_bytes())?;
                }
            }
            if change.missing_newline() {
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()
}

#[allow(dead_code)] // the entry point when built as an example
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new] = args.as_slice() else {
        eprintln!("usage: reference_similar OLD NEW");
        std::process::exit(2);
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Err(e) = run(Path::new(old), Path::new(new), &mut out) {
        eprintln!("reference_similar: {e}");
        std::process::exit(2);
    }
}
