//! The Word change report in a real office program: LibreOffice (headless)
//! opens the report of the real pair (WTSA-24 conference text vs published
//! Resolution 101) and converts it to PDF; the PDF's text must hold the
//! heading with its ITU mark and both the deleted and the inserted text
//! (LibreOffice prints tracked changes as struck-through and underlined
//! text); page 1 is rendered to PNG (`target/docx-office/report-page-1.png`)
//! for a look by eye.
//!
//! Without `soffice`, `pdftotext` and `pdftoppm` the test prints a note and
//! passes, except under CI (`CI=true`), where it fails: `.ci/run` installs
//! Debian's `libreoffice-writer-nogui` and `poppler-utils`.

mod common;

use resdiff::corpus::{self, LoadOptions};
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::render::docx::report::{DocxOptions, write_diff_docx};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a conversion may take (LibreOffice's first start on a shared
/// 2-core machine takes a few seconds).
const TIMEOUT: Duration = Duration::from_secs(240);

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// The tools, or `None` with a note (a failure under CI).
fn tools() -> Option<(PathBuf, PathBuf, PathBuf)> {
    let found = (
        std::env::var_os("SOFFICE")
            .map(PathBuf::from)
            .or_else(|| on_path("soffice")),
        on_path("pdftotext"),
        on_path("pdftoppm"),
    );
    match found {
        (Some(s), Some(t), Some(p)) => Some((s, t, p)),
        missing => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(
                !ci,
                "soffice, pdftotext or pdftoppm missing ({missing:?}): the office test of the \
                 Word report needs them under CI (.ci/run installs libreoffice-writer-nogui and \
                 poppler-utils)"
            );
            eprintln!(
                "note: soffice, pdftotext or pdftoppm not found; skipping the office test of the \
                 Word report (install Debian's libreoffice-writer-nogui and poppler-utils)"
            );
            None
        }
    }
}

/// Run a command, killing it after [`TIMEOUT`].
fn run(cmd: &mut Command) -> std::process::Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > TIMEOUT {
            child.kill().ok();
            panic!("{cmd:?} did not finish in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("docx-office")
}

#[test]
fn libreoffice_opens_the_report_and_prints_the_tracked_changes() {
    let Some((soffice, pdftotext, pdftoppm)) = tools() else {
        return;
    };
    let dir = out_dir();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let opts = LoadOptions::default();
    let old = corpus::load(common::wtsa24_texts().parent().unwrap(), &opts).expect("old");
    let new = corpus::load(common::res101_published().parent().unwrap(), &opts).expect("new");
    let report = diff_editions(&old, &new, &DiffOptions::default()).expect("diff");
    let mut bytes = Vec::new();
    write_diff_docx(
        &mut bytes,
        &report,
        &DocxOptions {
            old: Some(&old),
            new: Some(&new),
            date: Some("2024-10-24".into()),
            full: true,
        },
    )
    .expect("render");
    let docx = dir.join("report.docx");
    std::fs::write(&docx, &bytes).expect("write");
    // A fresh profile: no state from an earlier run or from the user.
    let profile = format!("file://{}", dir.join("profile").display());
    let o = run(Command::new(&soffice)
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&docx));
    let pdf = dir.join("report.pdf");
    assert!(
        pdf.is_file(),
        "no PDF: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run(Command::new(&pdftotext)
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-"));
    let text: String = String::from_utf8_lossy(&o.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        text.contains("MOD101(COM4/AI)"),
        "heading with its mark: {text}"
    );
    // Deleted and inserted text side by side: 其他 → 其它 prints as 其他它,
    // 信任 → 可信 as 信任可信; an insertion alone (平台) and a deletion of
    // the conference text's marker line (ADD) before the header whose
    // provisional id gave way to the number (第COM4/AI101号决议).
    for piece in [
        "其他它",
        "信任可信",
        "“人工智能向善”平台",
        "ADD第COM4/AI101号决议",
    ] {
        assert!(
            text.contains(piece),
            "{piece:?} not in the PDF's text: {text}"
        );
    }
    let o = run(Command::new(&pdftoppm)
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg(dir.join("report-page")));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("a page rendered");
    assert!(
        std::fs::metadata(&png).expect("png").len() > 10_000,
        "{}",
        png.display()
    );
    eprintln!("page 1 of the Word report: {}", png.display());
}
