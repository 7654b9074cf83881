//! Writes `link/hot-text.ld`, the linker script that groups the functions a
//! run of resdiff executes at the start of its code (see `build.rs` and
//! README, Performance), from the `callgrind` profiles of typical runs.
//!
//! `tools/hot-text.sh` makes the profiles and calls this program:
//! `cargo run --example hot_text -- BINARY PROFILE… > link/hot-text.ld`.
//! Only the functions of BINARY are kept. A function executed by more of
//! the profiled runs comes first, so that the code every run needs is
//! contiguous; ties keep the order of the runs, then the name.
//!
//! Names are kept in Rust's v0 mangling (`.cargo/config.toml`), which spells
//! out generic arguments: each instantiation has a name of its own. Crate
//! disambiguators (`Cs…_`) change with the compiler and the build, so they
//! become wildcards, as do LLVM's local suffixes (`.llvm.N`, `.N`). A name
//! that no longer exists matches nothing: a stale script costs memory, never
//! correctness.

use std::collections::BTreeMap;
use std::io::{self, Write};

/// The functions executed in one `callgrind` profile that belong to the
/// object whose path ends with `binary`.
fn executed(profile: &str, binary: &str) -> Vec<String> {
    // Callgrind compresses repeated names: `fn=(7) name` defines id 7,
    // `fn=(7)` refers to it. Ids are shared by `fn=` and `cfn=` lines.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut objects: BTreeMap<String, String> = BTreeMap::new();
    let mut in_binary = false;
    let mut out = Vec::new();
    for line in profile.lines() {
        let (key, value) = match line.split_once('=') {
            Some(kv) => kv,
            None => continue,
        };
        match key {
            "ob" => {
                let object = resolve(&mut objects, value);
                in_binary = object.ends_with(binary);
            }
            // A callee's object may be named first here; the ids are shared.
            "cob" => {
                resolve(&mut objects, value);
            }
            "fn" | "cfn" => {
                let name = resolve(&mut names, value);
                if key == "fn" && in_binary && !out.contains(&name) {
                    out.push(name);
                }
            }
            _ => {}
        }
    }
    out
}

/// `(id) text` defines `id`; `(id)` looks it up; plain `text` is itself.
fn resolve(table: &mut BTreeMap<String, String>, value: &str) -> String {
    let Some(rest) = value.strip_prefix('(') else {
        return value.trim().to_string();
    };
    let Some((id, text)) = rest.split_once(')') else {
        return value.trim().to_string();
    };
    let text = text.trim();
    if text.is_empty() {
        table.get(id).cloned().unwrap_or_default()
    } else {
        table.insert(id.to_string(), text.to_string());
        text.to_string()
    }
}

/// The section-name pattern of a symbol, or `None` for names a linker
/// script cannot hold (addresses, demangled text, glob characters).
fn pattern(symbol: &str) -> Option<String> {
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '$';
    if symbol.is_empty() || !symbol.chars().all(plain) || symbol.starts_with("0x") {
        return None;
    }
    // LLVM's local copies: `name.llvm.123`, `name.42`.
    let mut s = symbol;
    while let Some((head, tail)) = s.rsplit_once('.') {
        if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
            s = head.strip_suffix(".llvm").unwrap_or(head);
        } else {
            break;
        }
    }
    // v0 crate disambiguators: `Cs` base-62 digits `_`.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("Cs") {
        let after = &rest[i + 2..];
        let digits = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if digits > 0 && after.as_bytes().get(digits) == Some(&b'_') && s.starts_with("_R") {
            out.push_str(&rest[..i]);
            out.push('*');
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..i + 2]);
            rest = after;
        }
    }
    out.push_str(rest);
    Some(out)
}

/// The linker script for the executed functions of each run, in the order
/// described at the top of this file.
fn script(runs: &[Vec<String>]) -> String {
    // pattern → (runs executing it, first run)
    let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, run) in runs.iter().enumerate() {
        let mut patterns: Vec<String> = run.iter().filter_map(|s| pattern(s)).collect();
        patterns.sort();
        patterns.dedup();
        for p in patterns {
            seen.entry(p).and_modify(|e| e.0 += 1).or_insert((1, i));
        }
    }
    let mut order: Vec<(&String, &(usize, usize))> = seen.iter().collect();
    order.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)).then(a.0.cmp(b.0)));
    let mut out = String::from(
        "/* Generated by tools/hot-text.sh: the functions that typical runs of\n   \
         resdiff execute, placed together before the rest of the code. */\n\
         SECTIONS {\n  .text.hot : {\n",
    );
    for (p, _) in order {
        // Also the prefixed sections LLVM uses for functions it deems
        // cold or run once (`.text.unlikely.`, `.text.startup.`), and its
        // numbered local copies (`name.42`).
        out.push_str(&format!(
            "    *(.text.{p} .text.{p}.* .text.*.{p} .text.*.{p}.*)\n"
        ));
    }
    out.push_str("  }\n}\nINSERT BEFORE .text;\n");
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((binary, profiles)) = args.split_first().filter(|(_, p)| !p.is_empty()) else {
        eprintln!("usage: hot_text BINARY CALLGRIND-PROFILE…");
        std::process::exit(2);
    };
    let mut runs = Vec::new();
    for path in profiles {
        match std::fs::read_to_string(path) {
            Ok(text) => runs.push(executed(&text, binary)),
            Err(e) => {
                eprintln!("hot_text: {path}: {e}");
                std::process::exit(2);
            }
        }
    }
    if runs.iter().all(Vec::is_empty) {
        eprintln!("hot_text: no function of {binary} in the profiles");
        std::process::exit(2);
    }
    let text = script(&runs);
    if let Err(e) = io::stdout().lock().write_all(text.as_bytes()) {
        eprintln!("hot_text: {e}");
        std::process::exit(2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROFILE: &str = "\
version: 1
ob=(1) /work/target/release/resdiff
fl=(1) ???
fn=(1) _RNvCs1a2B3c_7resdiff4main
cob=(2) /usr/lib/x86_64-linux-gnu/libc.so.6
cfn=(2) memcpy
calls=1 0
fn=(3) _RNvNtCs1a2B3c_7resdiff5parse5parse.llvm.1234
ob=(2)
fn=(2)
cob=(3) /work/target/release/resdiff-other
cfn=(4) other
calls=1 0
ob=(1)
fn=(1)
ob=(3)
fn=(4)
";

    #[test]
    fn keeps_the_functions_of_the_binary_only() {
        assert_eq!(
            executed(PROFILE, "release/resdiff"),
            [
                "_RNvCs1a2B3c_7resdiff4main",
                "_RNvNtCs1a2B3c_7resdiff5parse5parse.llvm.1234"
            ]
        );
        assert!(executed(PROFILE, "missing").is_empty());
        // An object first named by a call into it.
        assert_eq!(executed(PROFILE, "resdiff-other"), ["other"]);
    }

    #[test]
    fn patterns_drop_what_changes_between_builds() {
        assert_eq!(
            pattern("_RNvNtCs1a2B3c_7resdiff5parse5parse.llvm.1234").as_deref(),
            Some("_RNvNt*7resdiff5parse5parse")
        );
        assert_eq!(
            pattern("_RNvMsCs9zz_4core3fmt.42").as_deref(),
            Some("_RNvMs*4core3fmt")
        );
        // Legacy names and C names stay whole; `Cs` inside a word stays.
        assert_eq!(pattern("main").as_deref(), Some("main"));
        assert_eq!(pattern("_ZN3Cs1_E").as_deref(), Some("_ZN3Cs1_E"));
        // Nothing a linker script would misread.
        assert_eq!(pattern("0x0000000000012345"), None);
        assert_eq!(pattern("<core::fmt::Arguments>::new"), None);
        assert_eq!(pattern("a*b"), None);
    }

    #[test]
    fn shared_functions_come_first() {
        let runs = vec![
            vec!["only_first".to_string(), "both".to_string()],
            vec!["both".to_string(), "only_second".to_string()],
        ];
        let s = script(&runs);
        let at = |name: &str| s.find(&format!("*(.text.{name} ")).expect(name);
        assert!(at("both") < at("only_first"));
        assert!(at("only_first") < at("only_second"));
        assert!(s.trim_end().ends_with("INSERT BEFORE .text;"));
    }

    /// The script release builds link with (build.rs) is what `script`
    /// writes: the generated head and tail, one line per function in the
    /// generated form, no function twice, nothing a linker could misread.
    #[test]
    fn the_checked_in_script_has_the_generated_form() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/link/hot-text.ld");
        let text = std::fs::read_to_string(path).expect("link/hot-text.ld");
        let lines: Vec<&str> = text.lines().collect();
        let body: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("    *("))
            .collect();
        let head = script(&[]);
        assert!(text.starts_with(head.split("  }").next().unwrap_or_default()));
        assert!(text.ends_with("  }\n}\nINSERT BEFORE .text;\n"));
        assert!(body.len() > 500, "{} functions", body.len());
        let mut seen = std::collections::BTreeSet::new();
        for line in body {
            let p = line
                .strip_prefix("    *(.text.")
                .and_then(|r| r.split_once(' '))
                .map(|(p, _)| p)
                .unwrap_or_default();
            assert!(
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_.$*".contains(c)),
                "{line}"
            );
            assert_eq!(
                line,
                format!("    *(.text.{p} .text.{p}.* .text.*.{p} .text.*.{p}.*)")
            );
            assert!(seen.insert(p), "{p} twice");
        }
        // The entry point and the parser are among them.
        assert!(seen.iter().any(|p| p.ends_with("7resdiff4main")));
        assert!(seen.iter().any(|p| p.contains("7resdiff5parse")));
    }
}
