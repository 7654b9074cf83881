//! Nothing destroyed, nothing dropped in silence, run through the `resdiff`
//! binary: `-o` never overwrites an input and is written whole or not at
//! all; read and write errors say which they are; closed or broken standard
//! streams never cause a panic; input-derived text reaches the terminal with
//! control characters escaped; every folder member, `edition.json` key and
//! `--map` line not used gets a warning naming it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_resdiff")
}

fn resdiff<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(bin())
        .args(args)
        .output()
        .expect("run resdiff")
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

/// A resolution in the Word layout; `word` varies one clause.
fn resolution(n: u32, word: &str) -> String {
    format!(
        "第{n}号决议（2024年，新德里）\n关于第{n}项标准化工作的安排\n（2020年，日内瓦；2024年，新德里）\n\
         世界电信标准化全会（2024年，新德里），\n认识到\na)\t国际电联电信标准化部门在制定国际标准方面的作用；\n\
         b)\t各研究组之间开展{word}协调的必要性，\n做出决议\n1\t第{n}项工作由各研究组按计划开展。\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn output_naming_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = write(d, "a.txt", &resolution(7, "共同"));
    let b = write(d, "b.txt", &resolution(7, "密切"));
    let b_text = std::fs::read(&b).expect("read");
    // The file itself, and the same file through a symbolic link, a hard
    // link and a roundabout path.
    let link = d.join("link.txt");
    std::os::unix::fs::symlink(&b, &link).expect("symlink");
    let hard = d.join("hard.txt");
    std::fs::hard_link(&b, &hard).expect("hard link");
    let roundabout = d.join(".").join("sub").join("..").join("b.txt");
    std::fs::create_dir(d.join("sub")).expect("mkdir");
    for out in [&b, &link, &hard, &roundabout] {
        let o = resdiff(&["diff", &s(&a), &s(&b), "-o", &s(out)]);
        expect(&o, 2, &[&s(out), &s(&b), "an input of this run"]);
        assert_eq!(std::fs::read(&b).expect("read"), b_text);
    }
    // The --map file.
    let map = write(d, "map.txt", "101 = COM4/AI\n");
    let o = resdiff(&["diff", &s(&a), &s(&b), "--map", &s(&map), "-o", &s(&map)]);
    expect(&o, 2, &[&s(&map), "an input of this run"]);
    assert_eq!(
        std::fs::read_to_string(&map).expect("read"),
        "101 = COM4/AI\n"
    );

    // review: a member of the edition folder (even one that is not read),
    // the --against edition and the --report file.
    let ed = d.join("edition");
    std::fs::create_dir(&ed).expect("mkdir");
    let member = write(&ed, "r7.txt", &resolution(7, "共同"));
    let notes = write(&ed, "notes.md", "# notes\n");
    for out in [&member, &notes] {
        let o = resdiff(&["review", &s(&ed), "-o", &s(out)]);
        expect(&o, 2, &[&s(out), "an input of this run"]);
    }
    let o = resdiff(&["review", &s(&ed), "--against", &s(&a), "-o", &s(&a)]);
    expect(&o, 2, &[&s(&a), "an input of this run"]);
    let o = resdiff(&["review", &s(&ed), "--report", &s(&b), "-o", &s(&link)]);
    expect(&o, 2, &[&s(&link), &s(&b), "an input of this run"]);
    assert_eq!(std::fs::read(&b).expect("read"), b_text);
    assert_eq!(
        std::fs::read(&member).expect("read"),
        resolution(7, "共同").as_bytes()
    );
}

#[test]
fn reports_are_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = write(d, "a.txt", &resolution(7, "共同"));
    let b = write(d, "b.txt", &resolution(7, "密切"));
    let out_dir = d.join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let report = out_dir.join("report.md");
    std::fs::write(&report, "earlier report\n").expect("write");
    // A run that fails leaves the existing file as it was.
    let empty = write(d, "empty.txt", "");
    let o = resdiff(&["diff", &s(&a), &s(&empty), "-o", &s(&report)]);
    expect(&o, 2, &["the file is empty"]);
    assert_eq!(
        std::fs::read_to_string(&report).expect("read"),
        "earlier report\n"
    );
    // A run that succeeds replaces it whole and leaves nothing beside it.
    let o = resdiff(&[
        "diff",
        "--format",
        "markdown",
        &s(&a),
        &s(&b),
        "-o",
        &s(&report),
    ]);
    expect(&o, 1, &[]);
    let written = std::fs::read_to_string(&report).expect("read");
    assert!(written.contains("密切"), "{written}");
    let names: Vec<_> = std::fs::read_dir(&out_dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("report.md")]);

    // Two runs at once: the file holds one whole report, never a mixture.
    let c = write(
        d,
        "c.txt",
        &format!("{}{}", resolution(8, "广泛"), resolution(9, "有效")),
    );
    let expected: Vec<Vec<u8>> = [(&a, &b), (&a, &c)]
        .iter()
        .map(|(x, y)| resdiff(&["diff", "--format", "html", &s(x), &s(y)]).stdout)
        .collect();
    for _ in 0..3 {
        let runs: Vec<_> = [(&a, &b), (&a, &c)]
            .iter()
            .map(|(x, y)| {
                Command::new(bin())
                    .args(["diff", "--format", "html", &s(x), &s(y), "-o", &s(&report)])
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for mut r in runs {
            assert_eq!(r.wait().expect("wait").code(), Some(1));
        }
        let got = std::fs::read(&report).expect("read");
        assert!(expected.contains(&got), "a mixture of two reports");
    }
}

#[test]
fn write_errors_say_they_are_write_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = write(d, "a.txt", &resolution(7, "共同"));
    let b = write(d, "b.txt", &resolution(7, "密切"));
    // -o a folder.
    let folder = d.join("reports");
    std::fs::create_dir(&folder).expect("mkdir");
    let o = resdiff(&["diff", &s(&a), &s(&b), "-o", &s(&folder)]);
    expect(&o, 2, &[&s(&folder), "cannot write"]);
    assert!(!stderr(&o).contains("cannot read"), "{}", stderr(&o));
    // -o in a folder that does not exist.
    let missing = d.join("no-such-folder").join("r.txt");
    let o = resdiff(&["review", &s(&a), "-o", &s(&missing)]);
    expect(&o, 2, &[&s(&missing), "cannot write"]);
    // A full disk.
    if Path::new("/dev/full").exists() {
        let o = resdiff(&["diff", &s(&a), &s(&b), "-o", "/dev/full"]);
        expect(&o, 2, &["/dev/full: cannot write", "No space left"]);
        let o = Command::new("sh")
            .args([
                "-c",
                "exec \"$0\" \"$@\" > /dev/full",
                bin(),
                "parse",
                &s(&a),
            ])
            .output()
            .expect("sh");
        expect(&o, 2, &["standard output: cannot write", "No space left"]);
    } else {
        eprintln!("write_errors_say_they_are_write_errors: no /dev/full here, full disk not tried");
    }
    // A report file made read-only is not replaced.
    let ro = write(d, "ro.txt", "kept\n");
    std::fs::set_permissions(&ro, std::os::unix::fs::PermissionsExt::from_mode(0o444))
        .expect("chmod");
    if std::fs::OpenOptions::new().write(true).open(&ro).is_ok() {
        eprintln!(
            "write_errors_say_they_are_write_errors: read-only file not tried (running as root)"
        );
    } else {
        let o = resdiff(&["diff", &s(&a), &s(&b), "-o", &s(&ro)]);
        expect(&o, 2, &[&s(&ro), "cannot write", "Permission denied"]);
        assert_eq!(std::fs::read_to_string(&ro).expect("read"), "kept\n");
    }
    // A missing input is still a read error.
    let o = resdiff(&[
        "diff",
        &s(&d.join("nope.txt")),
        &s(&b),
        "-o",
        &s(&d.join("r.txt")),
    ]);
    expect(&o, 2, &["nope.txt: cannot read"]);
    assert!(!d.join("r.txt").exists());
}

/// A folder whose many unread members each give a warning line.
fn noisy_edition(d: &Path) -> PathBuf {
    let ed = d.join("noisy");
    std::fs::create_dir(&ed).expect("mkdir");
    write(&ed, "r7.txt", &resolution(7, "共同"));
    for i in 0..3000 {
        write(&ed, &format!("note-{i:04}.md"), "x");
    }
    ed
}

fn sh(script: &str, args: &[&str]) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(bin())
        .args(args)
        .output()
        .expect("bash")
}

#[test]
fn closed_or_broken_standard_streams_never_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ed = noisy_edition(dir.path());
    let ed = s(&ed);
    // Standard error closed, with thousands of warnings to write.
    let o = sh("exec \"$0\" \"$@\" 2>&-", &["parse", &ed]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("第7号决议"));
    // Both streams into a pipe whose reader leaves after one line.
    let o = sh(
        "\"$0\" \"$@\" 2>&1 | head -1 >/dev/null; exit ${PIPESTATUS[0]}",
        &["review", &ed],
    );
    assert_ne!(o.status.code(), Some(101), "panic");
    assert!(o.status.code().is_some(), "killed by a signal");
    // Standard output to a pipe that closes at once.
    let o = sh(
        "\"$0\" \"$@\" 2>/dev/null | true; exit ${PIPESTATUS[0]}",
        &["parse", &ed],
    );
    assert!(matches!(o.status.code(), Some(0 | 2)), "{:?}", o.status);
    // Standard output closed: said on standard error, exit 2.
    let o = sh("exec \"$0\" \"$@\" >&-", &["parse", &ed]);
    expect(&o, 2, &["standard output", "closed"]);
    // Both closed: exit 2 and no panic (nothing can be seen).
    let o = sh("exec \"$0\" \"$@\" >&- 2>&-", &["parse", &ed]);
    assert_eq!(o.status.code(), Some(2));
    // With -o, a closed standard output does not matter.
    let out = dir.path().join("outline.txt");
    let o = sh(
        "exec \"$0\" \"$@\" >&-",
        &["review", &ed, "--format", "json", "-o", &s(&out)],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.exists());
}

#[test]
fn a_pipe_closed_early_by_head_is_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ed = noisy_edition(dir.path());
    let mut child = Command::new(bin())
        .args(["parse", "--format", "json", &s(&ed)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Warnings come first: read one, then hang up on both streams.
    let out = child.stdout.take().expect("stdout");
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    err.read_line(&mut line).expect("line");
    assert!(line.contains("warning"), "{line}");
    drop((out, err));
    let status = child.wait().expect("wait");
    assert!(matches!(status.code(), Some(0 | 2)), "{status:?}");
}

#[test]
fn control_characters_from_the_input_are_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // A file name that would clear the screen and set the window title.
    let name = "决议\u{1b}[2J\u{1b}]0;owned\u{7}\r.txt";
    let f = write(d, name, &resolution(7, "共同"));
    let g = write(d, "g.txt", &resolution(7, "密切"));
    let empty = write(d, "\u{1b}[31m空.txt", "");
    let raw = |o: &Output| {
        o.stdout
            .iter()
            .chain(&o.stderr)
            .any(|&b| b == 0x1b || b == 0x07 || b == b'\r')
    };
    for args in [
        vec!["parse".to_string(), s(&f)],
        vec!["diff".into(), s(&f), s(&g)],
        vec![
            "diff".into(),
            "--format".into(),
            "markdown".into(),
            s(&g),
            s(&f),
        ],
        vec!["review".into(), s(&f)],
        vec!["parse".into(), s(&empty)],
        vec!["review".into(), s(&g), "--report".into(), s(&f)],
    ] {
        let o = resdiff(&args);
        assert_ne!(o.status.code(), Some(101));
        assert!(
            !raw(&o),
            "raw control characters for {args:?}: {}",
            stderr(&o)
        );
    }
    let o = resdiff(&["parse", &s(&f)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("决议\\x1b[2J\\x1b]0;owned\\x07\\x0d.txt"),
        "{out}"
    );
    let o = resdiff(&["parse", &s(&empty)]);
    expect(&o, 2, &["\\x1b[31m空.txt: the file is empty"]);
    // In a map file too (read as is, not through the text reader).
    let map = write(d, "map.txt", "101 = COM4/\u{1b}[8mAI x\n");
    let o = resdiff(&["diff", &s(&f), &s(&g), "--map", &s(&map)]);
    expect(&o, 2, &["\\x1b[8m"]);
    assert!(!raw(&o), "{}", stderr(&o));
    // JSON stays valid JSON, with the same strings.
    let bidi = write(d, "\u{202e}txt.exe\u{85}.txt", &resolution(7, "共同"));
    let o = resdiff(&["parse", "--format", "json", &s(&bidi)]);
    expect(&o, 0, &[]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains('\u{202e}'));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["documents"][0]["path"], s(&bidi));
    // A usage error quoting an argument.
    let o = resdiff(&["parse", "--format", "x\u{1b}[2J\ry\u{7}", &s(&g)]);
    expect(&o, 2, &["invalid value"]);
    assert!(!raw(&o), "{}", stderr(&o));
    // --color always keeps its own colour codes, and only those.
    let o = resdiff(&["diff", "--color", "always", &s(&f), &s(&g)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\u{1b}["), "{out}");
    assert!(out.contains("\\x1b]0;owned\\x07"), "{out}");
}

#[test]
fn folder_members_not_read_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ed = dir.path().join("edition");
    std::fs::create_dir(&ed).expect("mkdir");
    // An upper-case extension is read.
    write(&ed, "R13.TXT", &resolution(13, "共同"));
    write(&ed, "notes.md", "# notes\n");
    std::fs::create_dir(ed.join("drafts")).expect("mkdir");
    write(&ed.join("drafts"), "r14.txt", &resolution(14, "共同"));
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), ed.join("dangling.txt")).expect("ln");
    std::os::unix::fs::symlink("loop-b.txt", ed.join("loop-a.txt")).expect("ln");
    std::os::unix::fs::symlink("loop-a.txt", ed.join("loop-b.txt")).expect("ln");
    let e = s(&ed);
    let o = resdiff(&["parse", &e]);
    expect(
        &o,
        0,
        &[
            &format!("{e}/notes.md: warning: not a .txt or .docx file; not read"),
            &format!("{e}/drafts: warning: a sub-folder"),
            &format!("{e}/dangling.txt: warning: a symbolic link that leads nowhere"),
            &format!("{e}/loop-a.txt: warning: a symbolic link that leads nowhere"),
            &format!("{e}/loop-b.txt: warning"),
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("R13.TXT") && out.contains("第13号决议"),
        "{out}"
    );
    assert!(!out.contains("第14号决议"), "{out}");
    // diff and review warn about the same members.
    let o = resdiff(&["review", &e]);
    expect(&o, 0, &[&format!("{e}/notes.md: warning")]);
    let o = resdiff(&["diff", &e, &e]);
    expect(&o, 0, &[&format!("{e}/drafts: warning")]);
}

/// A text file of an edition in which no resolution is found is named, in
/// every command, rather than left out of the comparison in silence.
#[test]
fn a_file_of_an_edition_without_resolution_text_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ed = dir.path().join("edition");
    std::fs::create_dir(&ed).expect("mkdir");
    write(&ed, "r13.txt", &resolution(13, "共同"));
    write(&ed, "minutes.txt", "会议纪要\n与会者讨论了工作计划。\n");
    let e = s(&ed);
    let warning =
        format!("{e}/minutes.txt:1: warning: no resolution text found in this file of the edition");
    for args in [
        vec!["parse", e.as_str()],
        vec!["review", e.as_str()],
        vec!["diff", e.as_str(), e.as_str()],
    ] {
        expect(&resdiff(&args), 0, &[&warning]);
    }
}

#[test]
fn edition_json_keys_not_used_are_named_and_a_bom_is_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ed = dir.path().join("edition");
    std::fs::create_dir(&ed).expect("mkdir");
    write(&ed, "r13.txt", &resolution(13, "共同"));
    let manifest = ed.join("edition.json");
    std::fs::write(
        &manifest,
        "\u{feff}{\"partail\": true, \"note\": \"x\", \"colour\": 1}\n",
    )
    .expect("write");
    let m = s(&manifest);
    let o = resdiff(&["parse", &s(&ed)]);
    expect(
        &o,
        0,
        &[
            &format!("{m}: warning: unknown key `partail` (did you mean `partial`?)"),
            &format!("{m}: warning: unknown key `colour`"),
        ],
    );
    assert!(!stderr(&o).contains("`note`"), "{}", stderr(&o));
    // With a BOM and the right key: read, and the edition is partial.
    std::fs::write(&manifest, "\u{feff}{\"partial\": true}\n").expect("write");
    let full = write(
        dir.path(),
        "full.txt",
        &format!("{}{}", resolution(13, "共同"), resolution(20, "共同")),
    );
    let o = resdiff(&["diff", "--format", "json", &s(&full), &s(&ed)]);
    expect(&o, 0, &[]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["summary"]["resolutions"]["absent"], 1, "{}", v["summary"]);
}

#[test]
fn map_lines_not_used_or_duplicated_are_blamed_on_the_map() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let conf = resolution(7, "共同").replace("第7号决议", "ADD\n第COM4/AI号决议");
    let old = write(d, "old.txt", &format!("{}{conf}", resolution(2, "共同")));
    let new = write(
        d,
        "new.txt",
        &format!("{}{}", resolution(2, "共同"), resolution(101, "共同")),
    );
    // A BOM, then a line naming an id neither edition has.
    let map = write(
        d,
        "map.txt",
        "\u{feff}101 = COM4/AI\n# spare\n109 = COM9/XYZ\n",
    );
    let m = s(&map);
    let o = resdiff(&["diff", &s(&old), &s(&new), "--map", &m]);
    expect(
        &o,
        1,
        &[&format!("{m}:3: warning: neither edition holds COM9/XYZ")],
    );
    assert!(!stderr(&o).contains(&format!("{m}:1:")), "{}", stderr(&o));
    // One number given to two ids: the map is at fault, with both lines.
    let dup = write(d, "dup.txt", "101 = COM4/AI\n\n101 = COM4/BI\n");
    let o = resdiff(&["diff", &s(&old), &s(&new), "--map", &s(&dup)]);
    expect(
        &o,
        2,
        &[&format!("{}:3:", s(&dup)), &format!("{}:1", s(&dup))],
    );
    // A number the edition already holds: the map line is blamed, not the
    // edition.
    let clash = write(d, "clash.txt", "# ids\n2 = COM4/AI\n");
    let o = resdiff(&["diff", &s(&old), &s(&new), "--map", &s(&clash)]);
    expect(
        &o,
        2,
        &[
            &format!("{}:2: maps COM4/AI to 2", s(&clash)),
            &format!("{}:1", s(&old)),
        ],
    );
}

#[test]
fn review_names_a_resolution_held_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ed = dir.path().join("edition");
    std::fs::create_dir(&ed).expect("mkdir");
    let a = write(&ed, "a.txt", &resolution(13, "共同"));
    let b = write(&ed, "b.txt", &resolution(13, "密切"));
    let o = resdiff(&["review", "--format", "json", &s(&ed)]);
    expect(&o, 1, &[]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let findings = v["findings"].as_array().expect("findings");
    let dup: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"] == "edition.duplicate")
        .collect();
    assert_eq!(dup.len(), 1, "{findings:?}");
    assert_eq!(dup[0]["file"], s(&b));
    assert_eq!(dup[0]["related"][0]["file"], s(&a));
    assert_eq!(dup[0]["message"]["code"], "duplicate");
    assert_eq!(dup[0]["message"]["first_file"], s(&a));
    assert_eq!(dup[0]["related"][0]["place"], "first_copy");
}

#[test]
fn parse_refuses_formats_it_has_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(dir.path(), "r.txt", &resolution(7, "共同"));
    for format in ["html", "markdown"] {
        let o = resdiff(&["parse", "--format", format, &s(&f)]);
        expect(&o, 2, &["--format", format]);
        assert!(o.stdout.is_empty());
    }
}
