//! The catalogue of bad inputs (tests/bad-inputs/README.md) run through the
//! `resdiff` binary: each gives a clear message naming the file (and line,
//! where one applies), exit code 2 when the job cannot be done or a warning
//! and a best-effort result when it can, and never a panic or a hang.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest any single case may take (debug build, shared machine).
const CASE_TIMEOUT: Duration = Duration::from_secs(120);

/// A scratch folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("resdiff-bad-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch folder");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write scratch file");
        p.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run `resdiff`, killing it after [`CASE_TIMEOUT`] (a hang fails the test).
fn resdiff(args: &[&str]) -> Output {
    resdiff_peak(args).0
}

/// Peak resident set size of a running process (`VmHWM`), in bytes.
fn high_water_mark(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// [`resdiff`], with the peak resident set size seen while it ran (polled
/// from `/proc`; 0 where that is not available).
fn resdiff_peak(args: &[&str]) -> (Output, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run resdiff");
    let start = Instant::now();
    // Drain the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).ok();
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).ok();
        v
    });
    let mut peak = 0;
    let status = loop {
        if let Some(hwm) = high_water_mark(child.id()) {
            peak = peak.max(hwm);
        }
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > CASE_TIMEOUT {
            child.kill().ok();
            panic!("resdiff {args:?} did not finish in {CASE_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = Output {
        status,
        stdout: t_out.join().expect("stdout thread"),
        stderr: t_err.join().expect("stderr thread"),
    };
    (out, peak)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit code, no panic, and every expected piece in standard error.
fn expect(o: &Output, code: i32, pieces: &[&str]) {
    let e = stderr(o);
    assert!(!e.contains("panicked"), "panic: {e}");
    assert_eq!(o.status.code(), Some(code), "exit code; stderr: {e}");
    for p in pieces {
        assert!(e.contains(p), "expected {p:?} in stderr: {e}");
    }
}

/// A resolution in the Word layout (one paragraph a line, tabs after labels).
fn resolution(n: u32, clauses: &[&str]) -> String {
    let mut s = format!(
        "第{n}号决议（2024年，新德里）\n关于第{n}项标准化工作的安排\n（2020年，日内瓦；2024年，新德里）\n世界电信标准化全会（2024年，新德里），\n认识到\n"
    );
    for (i, c) in clauses.iter().enumerate() {
        let label = char::from(b'a' + (i % 26) as u8);
        s.push_str(&format!("{label})\t{c}；\n"));
    }
    s.push_str(&format!("做出决议\n1\t第{n}项工作由各研究组按计划开展。\n"));
    s
}

const CLAUSES: [&str; 3] = [
    "国际电联电信标准化部门在制定国际标准方面的作用",
    "发展中国家参与标准制定工作的重要意义",
    "各研究组之间在共同关注议题上开展协调的必要性",
];

#[test]
fn empty_file() {
    let s = Scratch::new("empty");
    let f = s.file("empty.txt", b"");
    expect(&resdiff(&["parse", &f]), 2, &[&f, "the file is empty"]);
}

#[test]
fn only_whitespace() {
    let s = Scratch::new("blank");
    let f = s.file("blank.txt", " \n\t\r\n\u{3000}\n\n".as_bytes());
    expect(&resdiff(&["parse", &f]), 2, &[&f, "the file is empty"]);
}

#[test]
fn binary_png_and_zip() {
    let s = Scratch::new("binary");
    let png = s.file("picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    expect(
        &resdiff(&["parse", &png]),
        2,
        &[&png, "not a text file", "PNG image"],
    );
    // A zip archive is read as a Word document whatever its name says.
    let zip = s.file("document.txt", b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0");
    expect(
        &resdiff(&["parse", &zip]),
        2,
        &[
            &zip,
            "cannot read it as a Word document",
            "corrupt or truncated zip",
        ],
    );
    // Binary data without a known signature: the first NUL byte is named.
    let data = s.file("data.txt", b"abc\ndef\n\x01\x02\0\x03\xff\xfe\x00\x00\x01");
    expect(
        &resdiff(&["parse", &data]),
        2,
        &[&data, "binary data: NUL byte at line 3"],
    );
}

#[test]
fn utf16_without_bom_is_decoded_with_a_warning() {
    let s = Scratch::new("utf16");
    let text = resolution(7, &CLAUSES);
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let f = s.file("res7-utf16le.txt", &bytes);
    let o = resdiff(&["parse", &f]);
    expect(
        &o,
        0,
        &[&format!("{f}:1: warning"), "no byte-order mark", "UTF-16LE"],
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("7"));
}

#[test]
fn mixed_encodings_name_the_first_bad_line() {
    let s = Scratch::new("mixed");
    // Lines 1-5 in UTF-8, line 6 pasted in GB18030, the rest UTF-8 again.
    let text = resolution(8, &CLAUSES);
    let lines: Vec<&str> = text.lines().collect();
    let mut bytes = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 5 {
            let (gb, _, _) = encoding_rs::GB18030.encode(l);
            bytes.extend_from_slice(&gb);
        } else {
            bytes.extend_from_slice(l.as_bytes());
        }
        bytes.push(b'\n');
    }
    let f = s.file("mixed.txt", &bytes);
    expect(
        &resdiff(&["parse", &f]),
        2,
        &[&format!("{f}:6:"), "not valid UTF-8", "--encoding"],
    );
}

#[test]
fn invalid_utf8_in_the_middle() {
    let s = Scratch::new("invalid");
    let text = resolution(9, &CLAUSES);
    let mut bytes = text.as_bytes().to_vec();
    // A lone continuation byte on line 7.
    let at = text
        .match_indices('\n')
        .nth(5)
        .map(|(i, _)| i + 1)
        .expect("line 7");
    bytes.insert(at + 3, 0x80);
    let f = s.file("invalid.txt", &bytes);
    expect(
        &resdiff(&["parse", &f]),
        2,
        &[&format!("{f}:7:"), "not valid UTF-8"],
    );
}

#[test]
fn truncated_in_the_middle_of_a_resolution() {
    let s = Scratch::new("truncated");
    let text = resolution(10, &CLAUSES);
    // Cut in the middle of clause b), as an interrupted download would.
    let cut = text.find("标准制定").expect("clause b");
    let f = s.file("truncated.txt", &text.as_bytes()[..cut]);
    let o = resdiff(&["parse", &f]);
    expect(
        &o,
        0,
        &[
            &format!("{f}:7: warning"),
            "resolution 10 ends before any operative section",
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("10"), "{out}");
}

#[test]
fn header_with_no_body() {
    let s = Scratch::new("header");
    let f = s.file("header.txt", "第11号决议（2024年，新德里）\n".as_bytes());
    expect(
        &resdiff(&["parse", &f]),
        2,
        &[
            &format!("{f}:1: warning"),
            "reads like a resolution header, but no history or assembly line follows it",
            &format!("{f}: no resolution text found"),
        ],
    );
    // With its history and assembly lines but nothing else: read, with
    // warnings.
    let text = "第11号决议（2024年，新德里）\n（2024年，新德里）\n世界电信标准化全会（2024年，新德里），\n";
    let f = s.file("header-only.txt", text.as_bytes());
    expect(
        &resdiff(&["parse", &f]),
        0,
        &[
            &format!("{f}:1: warning: resolution 11 has no title"),
            &format!("{f}:3: warning: resolution 11 ends before any operative section"),
        ],
    );
}

#[test]
fn duplicate_resolution_numbers_in_one_edition() {
    let s = Scratch::new("dup");
    let text = format!("{}{}", resolution(12, &CLAUSES), resolution(12, &CLAUSES));
    let f = s.file("dup.txt", text.as_bytes());
    let second = text.lines().filter(|l| !l.is_empty()).count() / 2 + 1;
    // parse: both are kept, with a warning naming both places.
    expect(
        &resdiff(&["parse", &f]),
        0,
        &[
            &format!("{f}:{second}: warning"),
            "resolution 12 appears twice",
            "first at line 1",
        ],
    );
    // diff: the job cannot be done; both places are named.
    let other = s.file("other.txt", resolution(12, &CLAUSES).as_bytes());
    expect(
        &resdiff(&["diff", &other, &f]),
        2,
        &[
            &format!("{f}:{second}: resolution 12 appears twice"),
            &format!("first at {f}:1"),
        ],
    );
}

#[test]
fn clause_list_that_restarts_numbering() {
    let s = Scratch::new("restart");
    let mut text = resolution(13, &CLAUSES);
    // A second `a)` after `c)`.
    text = text.replace(
        "做出决议",
        "a)\t重新编号的一项内容被放在列表的末尾；\n做出决议",
    );
    let line = text
        .lines()
        .position(|l| l.starts_with("a)\t重新"))
        .expect("line")
        + 1;
    let f = s.file("restart.txt", text.as_bytes());
    let o = resdiff(&["parse", &f]);
    expect(
        &o,
        0,
        &[
            &format!("{f}:{line}: warning"),
            "`a)` does not continue the list here (expected `d)`)",
        ],
    );
    // --strict refuses the same text.
    expect(
        &resdiff(&["parse", "--strict", &f]),
        2,
        &[&format!("{f}:{line}:"), "(--strict)"],
    );
}

#[test]
fn folder_without_text_files() {
    let s = Scratch::new("notext");
    s.file("picture.png", b"\x89PNG\r\n\x1a\n");
    s.file("notes.md", b"# notes\n");
    let dir = s.0.display().to_string();
    expect(
        &resdiff(&["parse", &dir]),
        2,
        &[&dir, "the folder holds no text file"],
    );
    expect(
        &resdiff(&["diff", &dir, &dir]),
        2,
        &[&dir, "the folder holds no text file"],
    );
}

#[test]
fn path_that_does_not_exist() {
    let s = Scratch::new("missing");
    let f = s.0.join("no-such-file.txt").display().to_string();
    for args in [vec!["parse", &f], vec!["diff", &f, &f], vec!["review", &f]] {
        expect(&resdiff(&args), 2, &[&f, "cannot read", "No such file"]);
    }
}

#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("perm");
    let f = s.file("locked.txt", resolution(14, &CLAUSES).as_bytes());
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // The superuser reads files whatever their mode: the case cannot be
    // produced then, so say so instead of passing silently.
    if std::fs::read(&f).is_ok() {
        eprintln!("permission_denied: skipped, running as a user who reads mode-000 files (root)");
        return;
    }
    expect(
        &resdiff(&["parse", &f]),
        2,
        &[&f, "cannot read", "Permission denied"],
    );
}

#[test]
fn fifty_megabyte_single_line() {
    let s = Scratch::new("longline");
    let unit = "国际电联电信标准化部门在制定国际标准方面的作用，";
    let n = 50 * 1024 * 1024 / unit.len();
    let line = unit.repeat(n);
    let f = s.file("long.txt", line.as_bytes());
    let (o, peak) = resdiff_peak(&["parse", &f]);
    expect(&o, 2, &[&f, "no resolution text found"]);
    // Memory stays a small multiple of the input (measured: about 5x; see
    // tests/bad-inputs/README.md).
    let size = line.len() as u64;
    eprintln!("fifty_megabyte_single_line: peak RSS {} MB", peak >> 20);
    assert!(peak <= 8 * size, "peak RSS {} MB", peak >> 20);
    // The same line after a resolution: it ends up in a clause, and the
    // work stays bounded.
    let mut text = resolution(15, &CLAUSES);
    text.push_str(&line);
    text.push('\n');
    let f = s.file("long-after.txt", text.as_bytes());
    let (o, peak) = resdiff_peak(&["parse", &f]);
    expect(&o, 0, &[]);
    assert!(peak <= 8 * size, "peak RSS {} MB", peak >> 20);
}

#[test]
fn ten_thousand_resolutions() {
    let s = Scratch::new("many");
    // Numbers have at most four digits: 9,999 numbered resolutions and one
    // with a provisional id.
    let mut text: String = (1..=9_999).map(|n| resolution(n, &CLAUSES)).collect();
    text.push_str(&resolution(1, &CLAUSES).replace("第1号决议", "第COM4/AI号决议"));
    let f = s.file("many.txt", text.as_bytes());
    let start = Instant::now();
    let o = resdiff(&["parse", "--format", "json", &f]);
    expect(&o, 0, &[]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let n = v["documents"][0]["resolutions"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(n, 10_000);
    let changed = text.replace("第5000项工作由", "第5000项工作改由");
    let g = s.file("many-new.txt", changed.as_bytes());
    let o = resdiff(&["diff", "--format", "json", &f, &g]);
    expect(&o, 1, &[]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        v["summary"]["resolutions"]["modified"], 1,
        "{}",
        v["summary"]
    );
    assert_eq!(
        v["summary"]["resolutions"]["unchanged"], 9_999,
        "{}",
        v["summary"]
    );
    eprintln!(
        "ten_thousand_resolutions: parse and diff in {:?}",
        start.elapsed()
    );
}

/// A header the parser does not take for one (a five-digit number) is not
/// silently merged into the resolution before it.
#[test]
fn unrecognised_header_inside_a_resolution_is_reported() {
    let s = Scratch::new("unrecognised");
    let text = format!(
        "{}{}",
        resolution(17, &CLAUSES),
        resolution(12345, &CLAUSES)
    );
    let f = s.file("five-digits.txt", text.as_bytes());
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("世界电信"))
        .nth(1)
        .map_or(0, |(i, _)| i + 1);
    expect(
        &resdiff(&["parse", &f]),
        0,
        &[
            &format!("{f}:{second}: warning: an assembly line inside resolution 17"),
            "may not have been recognised",
        ],
    );
}

/// `--strict` applies to every command that reads texts.
#[test]
fn strict_applies_to_parse_diff_and_review() {
    let s = Scratch::new("strict");
    let ok = s.file("ok.txt", resolution(16, &CLAUSES).as_bytes());
    // Without its history line: read, with a warning on line 1.
    let odd_text: String = resolution(16, &CLAUSES)
        .lines()
        .filter(|l| !l.starts_with("（2020年"))
        .map(|l| format!("{l}\n"))
        .collect();
    let odd = s.file("odd.txt", odd_text.as_bytes());
    expect(&resdiff(&["parse", "--strict", &ok]), 0, &[]);
    expect(&resdiff(&["parse", &odd]), 0, &["warning"]);
    expect(
        &resdiff(&["parse", "--strict", &odd]),
        2,
        &[&format!("{odd}:1:"), "(--strict)"],
    );
    expect(
        &resdiff(&["diff", &ok, &odd]),
        1,
        &[&format!("{odd}:1: warning")],
    );
    expect(
        &resdiff(&["diff", "--strict", &ok, &odd]),
        2,
        &[&format!("{odd}:1:"), "(--strict)"],
    );
    expect(
        &resdiff(&["review", "--strict", &odd]),
        2,
        &[&format!("{odd}:1:"), "(--strict)"],
    );
    expect(
        &resdiff(&["review", "--strict", "--against", &odd, &ok]),
        2,
        &[&format!("{odd}:1:"), "(--strict)"],
    );
}

/// Two versions of a resolution with 3,000 clauses each, shuffled and half
/// of them touched: scoring every unpaired old clause against every unpaired
/// new one would take about 2.25 million similarity diffs (many minutes).
/// Alignment scores at most `MAX_SCORED_PAIRS`, the nearest candidates of
/// each clause past that, and the report says so; the real texts have at
/// most a few dozen clauses per list.
#[test]
fn thousands_of_shuffled_clauses_diff_in_bounded_time() {
    let s = Scratch::new("shuffled");
    let pool: Vec<char> = "国际电联电信标准化部门在制定标准方面的作用发展中国家参与工作重要意义研究组之间协调必要性成员国贡献区域机构过程新兴技术提出要求"
        .chars()
        .collect();
    // A small linear congruential generator: the case is the same every run.
    let mut seed: u64 = 6;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        usize::try_from(seed >> 33).unwrap_or(0) % n
    };
    let old: Vec<String> = (0..3000)
        .map(|_| (0..40).map(|_| pool[next(pool.len())]).collect())
        .collect();
    let mut new: Vec<String> = old
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 1 {
                c.chars()
                    .enumerate()
                    .map(|(k, ch)| if k == 20 { '改' } else { ch })
                    .collect()
            } else {
                c.clone()
            }
        })
        .collect();
    for i in (1..new.len()).rev() {
        new.swap(i, next(i + 1));
    }
    let text = |clauses: &[String]| {
        let mut t = String::from(
            "第5号决议（2024年，新德里）\n关于标准化工作的安排\n（2020年，日内瓦；2024年，新德里）\n世界电信标准化全会（2024年，新德里），\n做出决议\n",
        );
        for (i, c) in clauses.iter().enumerate() {
            t.push_str(&format!("{}\t{c}；\n", i + 1));
        }
        t
    };
    let a = s.file("old.txt", text(&old).as_bytes());
    let b = s.file("new.txt", text(&new).as_bytes());
    let o = resdiff(&["diff", "--format", "json", &a, &b]);
    expect(&o, 1, &[]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    // JSON gives the note's code and values, in no language.
    let notes = &v["notes"];
    assert_eq!(notes[0]["code"], "narrowed_search", "{notes}");
    assert_eq!(notes[0]["resolution"], "5", "{notes}");
    // The terminal report says it in the words of the texts.
    let o = resdiff(&["diff", "--color", "never", &a, &b]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("注：第5号决议：没有完全相同对应的条款"),
        "{text}"
    );
}

/// A zip archive of `(name, content)` entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, content) in entries {
        zip.start_file(*name, opts).expect("entry");
        zip.write_all(content).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn word_containers_that_cannot_be_read() {
    let s = Scratch::new("word");
    let ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0\0\0\0\0";
    let doc = s.file("old.doc", ole);
    expect(
        &resdiff(&["parse", &doc]),
        2,
        &[&doc, "Word 97-2003", ".docx"],
    );
    // Password-protected Office files are OLE files holding an
    // EncryptedPackage stream, whatever their extension.
    let mut encrypted = ole.to_vec();
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let enc = s.file("locked.docx", &encrypted);
    expect(
        &resdiff(&["parse", &enc]),
        2,
        &[&enc, "encrypted (password-protected)"],
    );
    let pdf = s.file("really-a-pdf.docx", b"%PDF-1.7\n%\xe2\xe3\n");
    expect(
        &resdiff(&["parse", &pdf]),
        2,
        &[&pdf, "a PDF file", "pdftotext"],
    );
    let full = zip_of(&[("word/document.xml", b"<w:document/>")]);
    let cut = s.file("cut.docx", &full[..full.len() / 2]);
    expect(
        &resdiff(&["parse", &cut]),
        2,
        &[&cut, "corrupt or truncated zip"],
    );
    let other = s.file("notes.docx", &zip_of(&[("notes.txt", b"hello")]));
    expect(
        &resdiff(&["parse", &other]),
        2,
        &[&other, "not a Word document (no word/document.xml)"],
    );
    let odt = s.file("draft.docx", &zip_of(&[("content.xml", b"<x/>")]));
    expect(&resdiff(&["parse", &odt]), 2, &[&odt, "OpenDocument"]);
    let bad_xml = s.file(
        "bad.docx",
        &zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]),
    );
    expect(
        &resdiff(&["parse", &bad_xml]),
        2,
        &[&bad_xml, "word/document.xml: malformed XML"],
    );
    // Zip encryption: the flag bit of every header set.
    let mut flagged = zip_of(&[("word/document.xml", b"<w:document/>")]);
    for sig in [&b"PK\x03\x04"[..], &b"PK\x01\x02"[..]] {
        let at = flagged.windows(4).position(|w| w == sig).expect("header");
        let flag = at + if sig[2] == 3 { 6 } else { 8 };
        flagged[flag] |= 1;
    }
    let zc = s.file("zipcrypto.docx", &flagged);
    expect(
        &resdiff(&["parse", &zc]),
        2,
        &[&zc, "encrypted zip archive"],
    );
}

#[test]
fn word_zip_bomb_is_refused_in_bounded_memory() {
    let s = Scratch::new("bomb");
    // 80 MB of spaces deflate to well under 1 MB.
    let body = vec![b' '; 80 << 20];
    let bytes = zip_of(&[("word/document.xml", &body)]);
    drop(body);
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    let f = s.file("bomb.docx", &bytes);
    let (o, peak) = resdiff_peak(&["parse", &f]);
    expect(
        &o,
        2,
        &[
            &f,
            "word/document.xml expands to more than 64 MB",
            "zip bomb",
        ],
    );
    assert!(peak < 200 << 20, "peak RSS {} MB", peak >> 20);
}
