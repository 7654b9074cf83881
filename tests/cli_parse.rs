//! `resdiff parse` as a user runs it: exit codes, messages, JSON shape.

mod common;

use common::*;
use std::process::{Command, Output};

fn resdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resdiff"))
        .args(args)
        .output()
        .expect("run resdiff")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn reports_without_resolutions_are_refused_clearly() {
    for p in negative_fixtures() {
        let shown = p.display().to_string();
        let o = resdiff(&["parse", &shown]);
        assert_eq!(o.status.code(), Some(2), "{shown}");
        let e = stderr(&o);
        assert!(e.contains(&shown), "{e}");
        assert!(e.contains("no resolution text found"), "{e}");
        assert!(!e.contains("panicked"), "{e}");
    }
}

#[test]
fn empty_and_binary_files_are_refused() {
    let dir = std::env::temp_dir().join(format!("resdiff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let png = dir.join("picture.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    for (p, what) in [(&empty, "empty"), (&png, "PNG")] {
        let shown = p.display().to_string();
        let o = resdiff(&["parse", &shown]);
        assert_eq!(o.status.code(), Some(2));
        let e = stderr(&o);
        assert!(e.contains(&shown) && e.contains(what), "{e}");
    }
    let missing = dir.join("missing.txt").display().to_string();
    let o = resdiff(&["parse", &missing]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&missing));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn edition_folder_outline_names_each_file_class() {
    let dir = root().join("versions/wtsa-24").display().to_string();
    let o = resdiff(&["parse", &dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("wtsa-24-resolutions-mod-add.zh.txt  [resolution text"));
    assert!(out.contains("wtsa-24-summary-report.zh.txt  [summary report"));
    assert!(out.contains("MOD 第2号决议（2024年，新德里，修订版）"));
    assert!(out.contains(
        "  § 做出决议，责成国际电联电信标准化部门各研究组在其职权范围内  [resolves to instruct"
    ));
}

#[test]
fn json_model_has_the_documented_shape() {
    let p = res101_published().display().to_string();
    let o = resdiff(&["parse", "--format", "json", &p]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["documents"][0]["encoding"]["how"], "utf-8");
    assert_eq!(v["documents"][0]["other_blocks"][0]["kind"], "front matter");
    let r = &v["documents"][0]["resolutions"][0];
    assert_eq!(r["id"], "101");
    assert_eq!(r["action"], serde_json::Value::Null);
    assert_eq!(r["kind"], "resolution");
    assert_eq!(r["edition"]["year"], 2024);
    assert_eq!(r["edition"]["revised"], false);
    assert!(
        r["title"]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("国际电联"))
    );
    assert!(r["history"]["items"].is_array());
    let s = &r["sections"][4];
    assert_eq!(s["kind"], "resolves_instructs");
    assert_eq!(
        s["addressee"],
        "国际电联电信标准化部门各研究组在其职权范围内"
    );
    assert_eq!(s["clauses"][0]["label"]["raw"], "1");
    assert!(s["clauses"][0]["children"].is_array());
    assert_eq!(r["sections"][0]["clauses"][0]["span"]["first_line"], 41);
    assert!(r["annexes"].is_array());
    // Footnotes are named by their marks as printed: strings.
    assert_eq!(r["footnotes"][0]["mark"], "1");
    assert_eq!(r["footnotes"][0]["number"], serde_json::Value::Null);
    assert!(r["span"]["first_line"].is_number());
}
