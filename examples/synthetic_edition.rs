//! Writes the SYNTHETIC previous edition and its ground truth (see
//! tests/synthetic) into a folder, for looking at or diffing by hand:
//! `cargo run --example synthetic_edition -- DIR [SEED] [word]`. The output
//! is not an ITU text; its first line and file names say so.

#[path = "../tests/synthetic/mod.rs"]
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: synthetic_edition DIR [SEED] [word]");
        return ExitCode::from(2);
    };
    let seed = match args.get(1).map(|s| s.parse::<u64>()) {
        None => synthetic::SEED,
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            eprintln!("synthetic_edition: bad seed: {e}");
            return ExitCode::from(2);
        }
    };
    let style = if args.get(2).is_some_and(|s| s == "word") {
        synthetic::Style::Word
    } else {
        synthetic::DEFAULT_STYLE
    };
    match synthetic::write_pair(&PathBuf::from(dir), seed, style) {
        Ok((pair, syn)) => {
            println!("SYNTHETIC old edition: {}", pair.old.display());
            println!("ground truth:          {}", pair.truth.display());
            println!("new edition (real):    {}", pair.new.display());
            println!(
                "{} expected changes; try: resdiff diff {} {}",
                syn.truth.changes.len(),
                pair.old.display(),
                pair.new.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synthetic_edition: {e}");
            ExitCode::from(2)
        }
    }
}
