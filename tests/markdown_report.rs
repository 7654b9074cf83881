//! The Markdown change report on the command line: the example in `docs/`
//! kept in step with the command's output.

use std::path::Path;
use std::process::Command;

/// `docs/diff-wtsa-24-published.md` is what the README says gives it:
/// the published Resolution 101 in full against the conference text, with
/// its marks. `UPDATE_DOCS=1` rewrites it.
#[test]
fn markdown_example_in_docs_is_current() {
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args([
            "diff",
            "versions/wtsa-24",
            "versions/wtsa-24-published",
            "--full",
            "--format",
            "markdown",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("resdiff runs");
    assert_eq!(out.status.code(), Some(1), "the editions differ");
    let produced = String::from_utf8(out.stdout).expect("UTF-8");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diff-wtsa-24-published.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &produced).expect("write docs");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == produced,
        "docs/diff-wtsa-24-published.md differs from `resdiff diff versions/wtsa-24 \
         versions/wtsa-24-published --full --format markdown`; rerun with UPDATE_DOCS=1 \
         and review the change"
    );
}
