//! Hard inputs for alignment and inline diff: a list of thousands of
//! clauses shuffled and each edited once, and one clause of 5 MB with a few
//! percent of its characters changed. The answers asserted are pairings,
//! not times (speed is measured by the benchmarks only).

use resdiff::corpus::Corpus;
use resdiff::diff::{DiffOptions, diff_editions};
use resdiff::model::{ChangeKind, DiffReport, InlineTag};
use resdiff::{ingest, normalize, parse};

/// Deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A common CJK character (none of them is punctuation).
    fn han(&mut self) -> char {
        char::from_u32(0x4e00 + self.below(2000) as u32).unwrap_or('中')
    }
}

const HEAD: &str = "第7号决议（2024年，新德里，修订版）\n协作\n（2024年，新德里）\n\
                    世界电信标准化全会（2024年，新德里），\n做出决议\n";

fn edition(name: &str, text: &str) -> Corpus {
    let src = ingest::decode(name, text.as_bytes(), &Default::default()).unwrap();
    let doc = parse::parse_document(&src, &normalize::normalize(&src), &Default::default());
    Corpus {
        name: name.into(),
        path: name.into(),
        documents: vec![doc],
        partial: false,
    }
}

fn clause_count(c: &Corpus) -> usize {
    c.documents[0].resolutions[0]
        .sections
        .iter()
        .map(|s| s.clauses.len())
        .sum()
}

fn count(report: &DiffReport, kind: ChangeKind) -> usize {
    report.resolutions[0]
        .changes
        .iter()
        .filter(|c| c.kind == kind)
        .count()
}

#[test]
fn five_thousand_shuffled_clauses_each_edited_once_stay_paired() {
    const N: usize = 5000;
    let mut rng = Rng(0x5eed_1234_abcd);
    let olds: Vec<String> = (0..N)
        .map(|_| {
            let len = 30 + rng.below(30);
            (0..len).map(|_| rng.han()).collect()
        })
        .collect();
    // Shuffle (Fisher–Yates), then edit three characters of each clause.
    let mut order: Vec<usize> = (0..N).collect();
    for i in (1..N).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let news: Vec<String> = order
        .iter()
        .map(|&k| {
            let mut c: Vec<char> = olds[k].chars().collect();
            let at = rng.below(c.len() - 3);
            for ch in &mut c[at..at + 3] {
                *ch = rng.han();
            }
            c.into_iter().collect()
        })
        .collect();
    let text = |clauses: &[String]| -> String {
        let mut s = HEAD.to_string();
        for (i, c) in clauses.iter().enumerate() {
            s.push_str(&format!("{} {c}；\n", i + 1));
        }
        s
    };
    let (old, new) = (
        edition("old.txt", &text(&olds)),
        edition("new.txt", &text(&news)),
    );
    // Labels past 999 continue the list.
    assert_eq!(clause_count(&old), N);
    assert_eq!(clause_count(&new), N);

    let report = diff_editions(&old, &new, &DiffOptions::default()).unwrap();
    let paired = report.resolutions[0]
        .changes
        .iter()
        .filter(|c| c.old_label.is_some() && c.new_label.is_some())
        .count();
    let (added, removed) = (
        count(&report, ChangeKind::Added),
        count(&report, ChangeKind::Removed),
    );
    assert!(
        paired * 100 >= N * 95,
        "paired {paired} of {N}; added {added}, removed {removed}"
    );
    assert_eq!(added, removed);
    assert_eq!(paired + added, N);
}

#[test]
fn five_megabyte_clause_with_five_percent_changed_is_modified() {
    // About 1.7 million characters (5 MB of UTF-8) in sentences of clauses.
    const CHARS: usize = 5 * 1024 * 1024 / 3;
    let mut rng = Rng(0x0b16_c1a5_e000);
    let mut old: Vec<char> = Vec::with_capacity(CHARS + 64);
    while old.len() < CHARS {
        let clauses = 1 + rng.below(3);
        for k in 0..clauses {
            let len = 8 + rng.below(16);
            old.extend((0..len).map(|_| rng.han()));
            old.push(if k + 1 == clauses { '。' } else { '，' });
        }
    }
    // Change 5% of the characters, in runs of one to eight.
    let mut new = old.clone();
    let mut changed = 0;
    while changed < CHARS / 20 {
        let len = 1 + rng.below(8);
        let at = rng.below(new.len() - len);
        for ch in &mut new[at..at + len] {
            if *ch != '。' && *ch != '，' {
                *ch = rng.han();
            }
        }
        changed += len;
    }
    let text = |body: &[char]| -> String {
        let mut s = HEAD.to_string();
        s.push_str("1 ");
        s.extend(body);
        s.push('\n');
        s
    };
    let (o, n) = (
        edition("old.txt", &text(&old)),
        edition("new.txt", &text(&new)),
    );
    let report = diff_editions(&o, &n, &DiffOptions::default()).unwrap();
    let changes = &report.resolutions[0].changes;
    assert_eq!(changes.len(), 1, "one clause, paired");
    let c = &changes[0];
    assert_eq!(c.kind, ChangeKind::Modified);
    // The redline keeps most of the text as equal.
    let kept: usize = c
        .inline
        .iter()
        .filter(|s| s.op == InlineTag::Equal)
        .map(|s| s.text.chars().count())
        .sum();
    assert!(kept * 10 >= old.len() * 8, "kept {kept} of {}", old.len());
}
