//! Where reports go: standard output, or the file named by `-o`, which must
//! not be one of the run's inputs and is written whole or not at all; and
//! how input-derived text is shown on a terminal or standard error (control
//! characters escaped, so a file name cannot drive the terminal).

use crate::error::{Error, Result};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Whether `c` is escaped when shown: C0 and C1 controls, DEL, and the
/// bidirectional embeddings, overrides and isolates (which reorder what a
/// terminal shows).
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character [`needs_escape`] names, other than
/// TAB (and LF with `keep_lf`). Read as UTF-8 bytes, so that a whole report
/// is checked without decoding it: C0 controls and DEL are single bytes, C1
/// controls `C2 80`–`C2 9F`, the bidirectional controls `E2 80 AA`–`AE`
/// and `E2 81 A6`–`A9`.
fn any_to_escape(text: &str, keep_lf: bool) -> bool {
    bytes_to_escape(text.as_bytes(), keep_lf)
}

/// [`any_to_escape`] over the UTF-8 bytes of a text.
fn bytes_to_escape(b: &[u8], keep_lf: bool) -> bool {
    // Blocks with no byte that may start one are passed over whole (a test
    // the compiler turns into wide comparisons); the others are read byte
    // by byte.
    let suspect = |x: u8| {
        (x < 0x20 && x != b'\t' && !(keep_lf && x == b'\n')) || x == 0x7f || x == 0xc2 || x == 0xe2
    };
    let mut start = 0;
    while start < b.len() {
        let end = (start + 64).min(b.len());
        let block = &b[start..end];
        if block.iter().fold(false, |any, &x| any | suspect(x))
            && (start..end).any(|i| escapes_at(b, i, keep_lf))
        {
            return true;
        }
        start = end;
    }
    false
}

/// Whether the byte at `i` of `b` starts a character [`any_to_escape`]
/// looks for.
fn escapes_at(b: &[u8], i: usize, keep_lf: bool) -> bool {
    match b[i] {
        b'\t' => false,
        b'\n' => !keep_lf,
        0..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
}

fn push_escaped(out: &mut String, c: char) {
    let n = u32::from(c);
    // Writing to a String cannot fail.
    let _ = if n < 0x80 {
        write!(out, "\\x{n:02x}")
    } else {
        write!(out, "\\u{{{n:x}}}")
    };
}

/// `text` for one line of standard error or of a terminal: every control
/// character but TAB escaped (`\x1b`, `\x0a`, `\u{202e}`); CJK and other
/// printable text unchanged.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_with(text, |_| None)
}

/// What a rendered report is, which decides how control characters that
/// came from the input are escaped in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// Text, Markdown or HTML: `\x1b` as in [`escape_controls`]; with
    /// `color`, the colour codes the renderers wrote (`ESC [ digits ; … m`)
    /// stay.
    Text {
        /// Whether colour codes were written.
        color: bool,
    },
    /// JSON: the same characters as `\u001b` escapes, so the document stays
    /// valid and its strings unchanged.
    Json,
    /// A binary file (a Word document): written as produced; its own format
    /// escapes what it holds.
    Binary,
}

/// A rendered report for standard output or a file: like
/// [`escape_controls`], but line ends are kept, and the escapes suit `kind`.
pub fn escape_report(text: &str, kind: ReportKind) -> Cow<'_, str> {
    if kind == ReportKind::Binary {
        return Cow::Borrowed(text);
    }
    // The common case, a report with nothing to escape, is not copied.
    if !any_to_escape(text, true) {
        return Cow::Borrowed(text);
    }
    let color = kind == ReportKind::Text { color: true };
    let out = escape_with(text, |rest| {
        if rest.starts_with('\n') {
            return Some(1);
        }
        if !color {
            return None;
        }
        let params = rest.strip_prefix("\u{1b}[")?;
        let len = params
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b';')
            .count();
        (params.as_bytes().get(len) == Some(&b'm')).then_some(2 + len + 1)
    });
    match (kind, out) {
        (ReportKind::Json, Cow::Owned(_)) => {
            // Every escaped character is in the Basic Multilingual Plane.
            let mut json = String::with_capacity(text.len() + 16);
            for c in text.chars() {
                if c != '\t' && c != '\n' && needs_escape(c) {
                    let _ = write!(json, "\\u{:04x}", u32::from(c));
                } else {
                    json.push(c);
                }
            }
            Cow::Owned(json)
        }
        (_, out) => out,
    }
}

/// Escape every character [`needs_escape`] names except TAB and the runs
/// `keep` accepts (it is given the text from a control character on and
/// returns how many bytes to keep as they are).
fn escape_with(text: &str, keep: impl Fn(&str) -> Option<usize>) -> Cow<'_, str> {
    if !any_to_escape(text, false) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\t' || !needs_escape(c) {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        } else if let Some(n) = keep(rest) {
            out.push_str(&rest[..n]);
            rest = &rest[n..];
        } else {
            push_escaped(&mut out, c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Cow::Owned(out)
}

/// Print one line on standard error, control characters escaped. A closed
/// or broken standard error is not worth failing the job for (and there is
/// nowhere to say so): the line is dropped.
pub fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", escape_controls(line));
}

/// An input of the run, as it was named and as the file system knows it.
#[derive(Debug)]
struct Input {
    shown: PathBuf,
    canonical: Option<PathBuf>,
    identity: Option<(u64, u64)>,
}

/// Every path a run reads (edition files, every member of edition folders,
/// the `--map` file, `--report` and `--against` inputs), so that `-o` can
/// be refused when it would overwrite one of them.
#[derive(Debug, Default)]
pub struct Inputs {
    all: Vec<Input>,
}

impl Inputs {
    /// Add a file, or a folder and every entry in it.
    pub fn add(&mut self, path: &Path) {
        self.push(path);
        if path.is_dir()
            && let Ok(entries) = std::fs::read_dir(path)
        {
            let mut members: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            members.sort();
            for m in members {
                self.push(&m);
            }
        }
    }

    fn push(&mut self, path: &Path) {
        self.all.push(Input {
            shown: path.to_path_buf(),
            canonical: std::fs::canonicalize(path).ok(),
            identity: identity(path),
        });
    }

    /// Refuse `output` when it resolves to one of the inputs: the same
    /// canonical path, or the same file under another name (a symbolic or
    /// hard link).
    pub fn check_output(&self, output: &Path) -> Result<()> {
        let canonical = std::fs::canonicalize(output).ok();
        let id = identity(output);
        let clash = self.all.iter().find(|i| {
            (canonical.is_some() && i.canonical == canonical) || (id.is_some() && i.identity == id)
        });
        match clash {
            Some(input) => Err(Error::OutputIsInput {
                output: output.display().to_string(),
                input: input.shown.display().to_string(),
            }),
            None => Ok(()),
        }
    }
}

/// Device and inode of the file a path leads to (following links).
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<(u64, u64)> {
    None
}

/// The file a path leads to once symbolic links are followed, even when the
/// last one is dangling (the report is written where the link points, and
/// the link stays).
fn follow_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // More links than the system itself follows is a loop: the write then
    // fails on the path as given and says so.
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(target) => {
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Err(_) => return p,
        }
    }
    path.to_path_buf()
}

/// Write a whole report to `path`: to a temporary file beside it, renamed
/// over it once complete, so that a failed run leaves an existing file as it
/// was and two runs at once leave one whole report, never a mixture. A path
/// that is not a regular file (a device such as `/dev/stdout`, a pipe) is
/// written in place.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    write_file_with(path, |w| w.write_all(bytes))
}

/// [`write_file`] for a report written as `render` produces it, so that the
/// whole report need not be held in memory first.
pub fn write_file_with(
    path: &Path,
    render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let write_err = |source| Error::Write {
        path: path.display().to_string(),
        source,
    };
    let target = follow_links(path);
    let existing = match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(write_err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "it is a folder; name a file to write the report to",
            )));
        }
        Ok(m) if !m.is_file() => {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(write_err)?;
            let mut out = std::io::BufWriter::with_capacity(SINK_BUFFER, f);
            return render(&mut out)
                .and_then(|()| out.flush())
                .map_err(write_err);
        }
        Ok(m) => {
            // Renaming would replace a file its owner made read-only: open it
            // for writing first (without truncating) so that the system
            // decides, as it would for a plain write.
            std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(write_err)?;
            Some(m.permissions())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(write_err(e)),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new report gets the permissions any new file gets (0666 less
        // the umask), not the temporary file's private 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(write_err)?;
    {
        let mut out = std::io::BufWriter::with_capacity(SINK_BUFFER, &mut tmp);
        render(&mut out)
            .and_then(|()| out.flush())
            .map_err(write_err)?;
    }
    tmp.as_file().sync_all().map_err(write_err)?;
    if let Some(perms) = existing {
        tmp.as_file().set_permissions(perms).map_err(write_err)?;
    }
    // On failure the temporary file is removed when dropped.
    tmp.persist(&target).map_err(|e| write_err(e.error))?;
    Ok(())
}

/// How many bytes of a report are gathered before they are escaped and
/// written on: the report's one buffer, so it stays small (the report is
/// written at the end of the run, when the editions and the diff are all
/// held); each write call still carries thousands of lines.
const CHUNK: usize = 16 * 1024;

/// The buffer of a file or of standard output. The escaped pieces a report
/// is written in are larger and go past it; it only gathers the small
/// writes of other callers.
const SINK_BUFFER: usize = 8 * 1024;

/// Write the report `render` produces to the file `path` (see
/// [`write_file_with`]) or to standard output (see [`write_stdout`]),
/// escaped for `kind` on the way as [`escape_report`] escapes a whole
/// report: the report is never held whole in memory.
pub fn write_report(
    path: Option<&Path>,
    kind: ReportKind,
    render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let escaped = |w: &mut dyn std::io::Write| {
        let mut e = Escaper {
            inner: w,
            kind,
            pending: Vec::with_capacity(CHUNK),
        };
        render(&mut e)?;
        e.flush()
    };
    match path {
        Some(p) => write_file_with(p, escaped),
        None => write_stdout_with(escaped),
    }
}

/// Escapes what is written through it as [`escape_report`] would escape
/// the whole text, a piece at a time: pieces end at a line end (no
/// character or colour code spans one) or, in a long line, before the last
/// character and any colour code that might be incomplete.
struct Escaper<'a> {
    inner: &'a mut dyn std::io::Write,
    kind: ReportKind,
    pending: Vec<u8>,
}

impl Escaper<'_> {
    /// Escape and write on the pending bytes up to a safe cut (all of them
    /// with `all`).
    fn pass_on(&mut self, all: bool) -> std::io::Result<()> {
        let cut = if all {
            self.pending.len()
        } else {
            safe_cut(&self.pending)
        };
        let Some(piece) = self.pending.get(..cut).filter(|p| !p.is_empty()) else {
            return Ok(());
        };
        // A piece with nothing to escape goes on as it is, without being
        // decoded: renderers write strings, and pieces end at character
        // boundaries.
        if self.kind == ReportKind::Binary || !bytes_to_escape(piece, true) {
            self.inner.write_all(piece)?;
        } else {
            let text = String::from_utf8_lossy(piece);
            self.inner
                .write_all(escape_report(&text, self.kind).as_bytes())?;
        }
        self.pending.drain(..cut);
        Ok(())
    }
}

/// Where to cut `bytes` so that the first part holds no partial character
/// or colour code: after the last line end, else (a line longer than a
/// chunk) before the character the bytes end in and any escape sequence
/// begun shortly before it.
fn safe_cut(bytes: &[u8]) -> usize {
    if let Some(i) = bytes.iter().rposition(|&b| b == b'\n') {
        return i + 1;
    }
    // Back to the first byte of the last character (UTF-8 continuation
    // bytes are 0b10xx_xxxx).
    let mut cut = bytes.len();
    while cut > 0 && bytes.get(cut - 1).is_some_and(|b| b & 0xc0 == 0x80) {
        cut -= 1;
    }
    cut = cut.saturating_sub(1);
    // A colour code is `ESC [ digits ; … m`: a few bytes.
    let from = cut.saturating_sub(32);
    if let Some(esc) = bytes
        .get(from..cut)
        .and_then(|b| b.iter().rposition(|&c| c == 0x1b))
    {
        cut = from + esc;
    }
    cut
}

impl std::io::Write for Escaper<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Take no more than fits, so that the buffer never grows: a large
        // write (a whole buffered renderer's worth) goes on in pieces.
        let room = CHUNK.saturating_sub(self.pending.len()).max(1);
        let taken = buf.len().min(room);
        self.pending.extend_from_slice(&buf[..taken]);
        if self.pending.len() >= CHUNK {
            self.pass_on(false)?;
        }
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass_on(true)?;
        self.inner.flush()
    }
}

/// Write a whole report to standard output. A reader that went away
/// (`resdiff … | head`) is not an error; a closed standard output, or one
/// that cannot take the report (a full disk), is.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    write_stdout_with(|w| w.write_all(bytes))
}

/// [`write_stdout`] for a report written as `render` produces it.
pub fn write_stdout_with(
    render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let write_err = |source| Error::Write {
        path: "standard output".into(),
        source,
    };
    if stdout_is_closed() {
        return Err(write_err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "it is closed; give -o FILE to write the report to a file",
        )));
    }
    let mut out = std::io::BufWriter::with_capacity(SINK_BUFFER, std::io::stdout().lock());
    match render(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(write_err(e)),
        _ => Ok(()),
    }
}

/// Whether the process was started with standard output closed (`>&-`).
/// The Rust runtime opens `/dev/null` read-write on a closed standard
/// descriptor at start-up, so writes would vanish without an error; a shell
/// redirection to `/dev/null` opens it write-only, which tells the two apart.
fn stdout_is_closed() -> bool {
    #[cfg(target_os = "linux")]
    {
        let is_null =
            std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
        if !is_null {
            return false;
        }
        let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
            return false;
        };
        // `flags:` is octal; the access mode is its two low bits (2: O_RDWR).
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 3 == 2)
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_scan_finds_exactly_the_characters_to_escape() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("决{c}议");
            for keep_lf in [false, true] {
                let want = c != '\t' && !(keep_lf && c == '\n') && needs_escape(c);
                assert_eq!(any_to_escape(&text, keep_lf), want, "{c:?} {keep_lf}");
            }
        }
        // Across the edges of the blocks scanned at once.
        for pad in 0..70 {
            let lead = "a".repeat(pad);
            assert!(any_to_escape(&format!("{lead}\u{202e}决"), true), "{pad}");
            assert!(any_to_escape(&format!("{lead}\u{85}"), true), "{pad}");
            assert!(!any_to_escape(&format!("{lead}“决”\n"), true), "{pad}");
        }
    }

    #[test]
    fn controls_are_escaped_and_cjk_and_tabs_kept() {
        assert_eq!(
            escape_controls("决议\t第1号\u{1b}[2J\r\n\u{7f}\u{85}\u{202e}"),
            "决议\t第1号\\x1b[2J\\x0d\\x0a\\x7f\\u{85}\\u{202e}"
        );
        assert!(matches!(escape_controls("认识到 a)"), Cow::Borrowed(_)));
    }

    #[test]
    fn reports_keep_line_ends_and_own_colour_codes_only_when_colouring() {
        let s = "\u{1b}[31m删除\u{1b}[0m\n\u{1b}]0;title\u{7}";
        assert_eq!(
            escape_report(s, ReportKind::Text { color: true }),
            "\u{1b}[31m删除\u{1b}[0m\n\\x1b]0;title\\x07"
        );
        assert_eq!(
            escape_report(s, ReportKind::Text { color: false }),
            "\\x1b[31m删除\\x1b[0m\n\\x1b]0;title\\x07"
        );
    }

    #[test]
    fn a_report_with_nothing_to_escape_is_not_copied() {
        let s = "第1号决议\n\ta) 文本\n";
        assert!(matches!(
            escape_report(s, ReportKind::Json),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            escape_report(s, ReportKind::Text { color: true }),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_large_write_goes_through_the_escaper_in_pieces_and_escapes_as_a_whole() {
        // Long lines (one longer than the buffer), CJK cut anywhere by the
        // writes, and controls and colour codes on both sides of the cuts.
        let mut report = String::new();
        for i in 0..3000 {
            report.push_str(&format!("第{i}号决议\u{1b}[31m删除\u{1b}[0m\u{202e}，"));
            if i % 7 == 0 {
                report.push('\n');
            }
        }
        report.push_str(&"决".repeat(3 * CHUNK));
        report.push_str("\u{85}\n");
        for kind in [ReportKind::Json, ReportKind::Text { color: true }] {
            let mut sink = Vec::new();
            let mut e = Escaper {
                inner: &mut sink,
                kind,
                pending: Vec::with_capacity(CHUNK),
            };
            // Writes of every size, as a buffered renderer makes them.
            let mut rest = report.as_bytes();
            let mut size = 1;
            while !rest.is_empty() {
                let n = size.min(rest.len());
                e.write_all(&rest[..n]).unwrap();
                rest = &rest[n..];
                size = size * 3 % 70_001 + 1;
                assert!(e.pending.capacity() <= CHUNK, "the buffer grew");
            }
            e.flush().unwrap();
            assert_eq!(
                String::from_utf8(sink).unwrap(),
                escape_report(&report, kind),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn json_gets_json_escapes() {
        let s = "{\"path\": \"a\u{7f}\u{85}\u{202e}b\",\n}";
        assert_eq!(
            escape_report(s, ReportKind::Json),
            "{\"path\": \"a\\u007f\\u0085\\u202eb\",\n}"
        );
        let v: serde_json::Value =
            serde_json::from_str(&escape_report("\"\u{85}\"", ReportKind::Json)).unwrap();
        assert_eq!(v, "\u{85}");
    }

    #[test]
    fn an_output_naming_an_input_through_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        std::fs::write(&input, "x").unwrap();
        let mut inputs = Inputs::default();
        inputs.add(dir.path());
        let roundabout = dir.path().join("..").join(dir.path().file_name().unwrap());
        assert!(inputs.check_output(&roundabout.join("a.txt")).is_err());
        let other = tempfile::tempdir().unwrap();
        assert!(inputs.check_output(&other.path().join("a.txt")).is_ok());
        #[cfg(unix)]
        {
            let link = other.path().join("link.txt");
            std::os::unix::fs::symlink(&input, &link).unwrap();
            let err = inputs.check_output(&link).unwrap_err().to_string();
            assert!(err.contains("link.txt") && err.contains("a.txt"), "{err}");
            let hard = other.path().join("hard.txt");
            if std::fs::hard_link(&input, &hard).is_ok() {
                assert!(inputs.check_output(&hard).is_err());
            }
        }
    }

    #[test]
    fn a_file_is_replaced_whole_and_a_link_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        std::fs::write(&target, "old").unwrap();
        write_file(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink("report.txt", &link).unwrap();
            write_file(&link, b"through").unwrap();
            assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "through");
        }
        // Nothing left beside it.
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1 + usize::from(cfg!(unix))
        );
        let err = write_file(dir.path(), b"x").unwrap_err().to_string();
        assert!(err.contains("cannot write"), "{err}");
    }
}
