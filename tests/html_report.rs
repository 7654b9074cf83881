//! `--format html` on the command line: the diff and review pages, `-o`,
//! exit codes, and the example report in `docs/` kept in step with the
//! command's output.

use std::path::Path;
use std::process::Command;

fn resdiff(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("resdiff runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

#[test]
fn diff_html_example_in_docs_is_current() {
    let (code, produced) = resdiff(&[
        "diff",
        "versions/wtsa-24",
        "versions/wtsa-24-published",
        "--format",
        "html",
    ]);
    assert_eq!(code, 1, "the editions differ");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diff-wtsa-24-published.html");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &produced).expect("write docs");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == produced,
        "docs/diff-wtsa-24-published.html differs from \
         `resdiff diff versions/wtsa-24 versions/wtsa-24-published --format html`; \
         rerun with UPDATE_DOCS=1 and review the change"
    );
}

#[test]
fn output_file_gets_the_same_bytes_as_stdout() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report-cli");
    std::fs::create_dir_all(&dir).unwrap();
    for (args, name) in [
        (
            vec!["diff", "versions/wtsa-24", "versions/wtsa-24-published"],
            "diff",
        ),
        (vec!["review", "versions/wtsa-24"], "review"),
    ] {
        for format in ["html", "json", "markdown", "text"] {
            let file = dir.join(format!("{name}.{format}"));
            let mut with_file = args.clone();
            with_file.extend(["--format", format, "-o", file.to_str().unwrap()]);
            let (code, stdout) = resdiff(&with_file);
            assert_eq!(code, 1, "{name} {format}: exit code unchanged by -o");
            assert!(stdout.is_empty(), "{name} {format}: nothing on stdout");
            let mut plain = args.clone();
            plain.extend(["--format", format, "--color", "never"]);
            let (_, expected) = resdiff(&plain);
            let written = std::fs::read_to_string(&file).unwrap();
            assert_eq!(written, expected, "{name} {format}");
        }
    }
    // An unwritable output is trouble, named.
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(["review", "versions/wtsa-24", "--format", "html", "-o"])
        .arg(dir.join("no/such/dir/x.html"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.html"));
}

#[test]
fn review_html_lists_the_findings() {
    let (code, page) = resdiff(&["review", "versions/wtsa-24", "--format", "html"]);
    assert_eq!(code, 1);
    let (_, json) = resdiff(&["review", "versions/wtsa-24", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let total = v["counts"]["total"].as_u64().unwrap();
    assert!(page.contains(&format!("<dd id=\"count-total\">{total}</dd>")));
    assert_eq!(
        page.matches("<div class=\"finding sev-").count() as u64,
        total
    );
    // The malformed year of Resolution 29's annex caption, marked.
    assert!(page.contains("<mark>20204年</mark>"), "marked excerpt");
    assert!(page.contains("<h2 id=\"res-29-h\">第29号决议</h2>"));
}

#[test]
fn diff_with_review_places_findings_beside_clauses() {
    // The conference text reviewed against the published one: its findings
    // on Resolution 101's changed clauses sit beside them.
    let (code, page) = resdiff(&[
        "diff",
        "versions/wtsa-24-published",
        "versions/wtsa-24",
        "--format",
        "html",
        "--review",
    ]);
    assert_eq!(code, 1);
    assert!(page.contains("id=\"count-findings\""), "findings counted");
    assert!(
        page.contains("其他审查问题"),
        "findings on resolutions outside the comparison are listed at the end"
    );
}
