//! Each input file is read and decoded once per run: `review`, `diff` and
//! `diff --review` open every file they are given exactly once. The
//! binary runs as users run it while Linux's inotify counts the opens of
//! each input (no tracing tools needed); elsewhere the test is skipped.
#![cfg(target_os = "linux")]

use std::collections::BTreeMap;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Opens of watched files, counted by the kernel.
struct OpenCounter {
    fd: libc::c_int,
    files: BTreeMap<libc::c_int, PathBuf>,
}

impl OpenCounter {
    fn new() -> OpenCounter {
        // SAFETY: plain system call, no pointers.
        let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        assert!(
            fd >= 0,
            "inotify_init1: {}",
            std::io::Error::last_os_error()
        );
        OpenCounter {
            fd,
            files: BTreeMap::new(),
        }
    }

    /// Count the opens of `path` from now on. Closes are watched too, so
    /// that two reads one after the other (open, close, open, close) are
    /// never merged into one event by the kernel, which merges identical
    /// events only when they follow each other unread.
    fn watch(&mut self, path: &Path) {
        let c = CString::new(path.as_os_str().as_bytes()).expect("path without NUL");
        // SAFETY: `c` is a valid NUL-terminated string for the call.
        let wd =
            unsafe { libc::inotify_add_watch(self.fd, c.as_ptr(), libc::IN_OPEN | libc::IN_CLOSE) };
        assert!(
            wd >= 0,
            "inotify_add_watch {}: {}",
            path.display(),
            std::io::Error::last_os_error()
        );
        self.files.insert(wd, path.to_path_buf());
    }

    /// Opens of each watched file since it was watched (all of them, watched
    /// or not, listed).
    fn opens(&self) -> BTreeMap<PathBuf, usize> {
        let mut out: BTreeMap<PathBuf, usize> =
            self.files.values().map(|p| (p.clone(), 0)).collect();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            // SAFETY: `buf` is valid for `buf.len()` bytes.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                break;
            }
            let mut at = 0usize;
            let header = std::mem::size_of::<libc::inotify_event>();
            while at + header <= n as usize {
                // SAFETY: the kernel wrote whole events into `buf[..n]`;
                // the read is unaligned-safe.
                let ev: libc::inotify_event =
                    unsafe { std::ptr::read_unaligned(buf.as_ptr().add(at).cast()) };
                if ev.mask & libc::IN_OPEN != 0
                    && let Some(p) = self.files.get(&ev.wd)
                {
                    *out.entry(p.clone()).or_default() += 1;
                }
                at += header + ev.len as usize;
            }
        }
        out
    }
}

impl Drop for OpenCounter {
    fn drop(&mut self) {
        // SAFETY: `fd` is ours and closed once.
        unsafe { libc::close(self.fd) };
    }
}

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A scratch copy of the shipped editions, so that nothing else running
/// at the same time opens the watched files: `new/` (the WTSA-24 texts with
/// their summary report), `old/` (the published Resolution 101), and
/// `pair/` (the two resolution texts side by side, without a report).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("resdiff-read-once-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (from, to) in [
        ("versions/wtsa-24", "new"),
        ("versions/wtsa-24-published", "old"),
    ] {
        std::fs::create_dir_all(dir.join(to)).expect("scratch folder");
        for e in std::fs::read_dir(repo(from)).expect("shipped edition") {
            let p = e.expect("entry").path();
            std::fs::copy(&p, dir.join(to).join(p.file_name().expect("file name"))).expect("copy");
        }
    }
    std::fs::create_dir_all(dir.join("pair")).expect("scratch folder");
    std::fs::copy(
        repo("versions/wtsa-24-published/resolution-101.zh.txt"),
        dir.join("pair/a-published.zh.txt"),
    )
    .expect("copy");
    std::fs::copy(
        repo("versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt"),
        dir.join("pair/b-conference.zh.txt"),
    )
    .expect("copy");
    dir
}

/// The text files under `dir` (its edition folders), sorted.
fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in ["new", "old", "pair"] {
        for e in std::fs::read_dir(dir.join(sub)).expect("scratch folder") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Run resdiff with `args` (relative to `dir`) and return how often each
/// text under `dir` was opened.
fn opens_during(dir: &Path, args: &[&str]) -> BTreeMap<PathBuf, usize> {
    let mut counter = OpenCounter::new();
    for p in texts(dir) {
        counter.watch(&p);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("resdiff runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "resdiff {args:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    counter.opens()
}

/// Assert that the files whose path ends with one of `read` were opened
/// exactly once and all others never.
fn assert_read_once(dir: &Path, args: &[&str], read: &[&str]) {
    let opens = opens_during(dir, args);
    let rel = |p: &Path| p.strip_prefix(dir).unwrap_or(p).display().to_string();
    for (p, n) in &opens {
        let expected = usize::from(read.iter().any(|r| rel(p) == *r));
        assert_eq!(
            *n,
            expected,
            "resdiff {}: {} opened {n} times, expected {expected}",
            args.join(" "),
            rel(p)
        );
    }
    // The watch works at all: the files read were seen opening.
    assert_eq!(
        opens.values().sum::<usize>(),
        read.len(),
        "resdiff {}: {opens:?}",
        args.join(" ")
    );
}

const NEW_TEXT: &str = "new/wtsa-24-resolutions-mod-add.zh.txt";
const NEW_REPORT: &str = "new/wtsa-24-summary-report.zh.txt";
const OLD_TEXT: &str = "old/resolution-101.zh.txt";

#[test]
fn review_reads_each_file_once() {
    let dir = scratch("review");
    assert_read_once(&dir, &["review", "new"], &[NEW_TEXT, NEW_REPORT]);
    assert_read_once(
        &dir,
        &["review", "new", "--against", "old", "--format", "json"],
        &[NEW_TEXT, NEW_REPORT, OLD_TEXT],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_reads_each_file_once() {
    let dir = scratch("diff");
    assert_read_once(
        &dir,
        &["diff", "old", "new", "--format", "json"],
        &[NEW_TEXT, NEW_REPORT, OLD_TEXT],
    );
    // Two files side by side, one with provisional ids: looking beside them
    // for a summary report must not read the other input again.
    assert_read_once(
        &dir,
        &[
            "diff",
            "pair/a-published.zh.txt",
            "pair/b-conference.zh.txt",
            "--format",
            "json",
        ],
        &["pair/a-published.zh.txt", "pair/b-conference.zh.txt"],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_with_review_reads_each_file_once() {
    let dir = scratch("diff-review");
    assert_read_once(
        &dir,
        &[
            "diff", "old", "new", "--format", "html", "--review", "-o", "out.html",
        ],
        &[NEW_TEXT, NEW_REPORT, OLD_TEXT],
    );
    assert!(dir.join("out.html").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}
