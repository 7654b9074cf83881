//! Languages are data: no module outside `src/lang.rs` and `src/lang/`
//! spells a word or punctuation mark of a language the tables cover.

use std::path::{Path, PathBuf};

/// CJK ideographs, kana, CJK punctuation and full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF
        | 0x3000..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("source folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a source file that ships: comments removed (doc comments
/// may quote the texts), unit tests (from `#[cfg(test)]` at the start of a
/// line) and test-only files left out, as their inputs are texts.
fn shipped_code(path: &Path) -> Vec<(usize, String)> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if matches!(name, "tests.rs" | "testkit.rs") {
        return Vec::new();
    }
    let text = std::fs::read_to_string(path).expect("readable source");
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        // A trailing comment: cut at `//` outside a string literal.
        let mut in_str = false;
        let mut prev = ' ';
        let mut cut = line.len();
        for (k, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            }
            if !in_str && c == '/' && prev == '/' {
                cut = k - 1;
                break;
            }
            prev = c;
        }
        out.push((i + 1, line[..cut].to_string()));
    }
    out
}

/// String literals of a line of code.
fn literals(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut prev = ' ';
        for (k, c) in after.char_indices() {
            if c == '"' && prev != '\\' {
                end = Some(k);
                break;
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        let Some(end) = end else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

fn outside_language_module() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&root).expect("under src");
            rel != Path::new("lang.rs") && !rel.starts_with("lang")
        })
        .collect()
}

#[test]
fn language_data_stays_here() {
    let files = outside_language_module();
    assert!(files.len() > 20, "sources found: {}", files.len());
    let headings: Vec<&str> = resdiff::lang::EN
        .headings
        .iter()
        .map(|(kw, _)| *kw)
        .chain(resdiff::lang::EN.resolves_compounds.iter().map(|(v, _)| *v))
        .collect();
    let mut found = Vec::new();
    for f in &files {
        // The model names section kinds in English for the JSON schema and
        // reports (`bearing_in_mind`); those names are identifiers, not
        // words matched in texts.
        let is_model = f.components().any(|c| c.as_os_str() == "model");
        for (n, line) in shipped_code(f) {
            if line.chars().any(is_cjk) {
                found.push(format!("{}:{n}: CJK: {}", f.display(), line.trim()));
            }
            if is_model {
                continue;
            }
            for lit in literals(&line) {
                let lower = lit.to_lowercase();
                let words: Vec<&str> = lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .collect();
                for h in &headings {
                    let hw: Vec<&str> = h.split(' ').collect();
                    if words.windows(hw.len()).any(|w| w == hw.as_slice()) {
                        found.push(format!(
                            "{}:{n}: heading word `{h}`: {}",
                            f.display(),
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "language words outside src/lang*:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_catches_what_it_looks_for() {
    let code = "let s = \"considering\"; // 考虑到 in a comment\nlet t = '；';";
    let dir = std::env::temp_dir().join(format!("resdiff-lang-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("probe.rs");
    std::fs::write(&f, code).expect("write probe");
    let lines = shipped_code(&f);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(lines.len(), 2);
    assert!(
        !lines[0].1.chars().any(is_cjk),
        "comment cut: {}",
        lines[0].1
    );
    assert_eq!(literals(&lines[0].1), vec!["considering"]);
    assert!(lines[1].1.chars().any(is_cjk));
}

/// English prose in a string literal: two Latin words with a space between.
fn is_prose(lit: &str) -> bool {
    let words: Vec<&str> = lit.split(' ').collect();
    words.windows(2).any(|w| {
        w.iter()
            .all(|x| x.len() >= 2 && x.chars().all(|c| c.is_ascii_alphabetic()))
    })
}

#[test]
fn review_rules_word_nothing_themselves() {
    // A finding's message is a code with values, worded by the language
    // tables; the rules hold no sentences. Errors of the review entry
    // point (an unreadable edition, a `--report` file that is no report)
    // are the command's, not a report's, and speak English like every
    // error message.
    let errors = [
        "no resolution header, assembly line or MOD/ADD marker",
        "not a summary report (no list of new, revised or suppressed resolutions found)",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/review");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 5, "review sources found: {}", files.len());
    let mut found = Vec::new();
    for f in &files {
        for (n, line) in shipped_code(f) {
            for lit in literals(&line) {
                if is_prose(lit) && !errors.contains(&lit) {
                    found.push(format!("{}:{n}: {}", f.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "sentences in the review rules:\n{}",
        found.join("\n")
    );
    // The check sees a message spelled in code.
    assert!(is_prose(
        "cites Resolution {n}, which this assembly suppresses"
    ));
    assert!(!is_prose("citation.stale") && !is_prose("footnoteRef:"));
}
