//! Inline redline of one clause pair, readable for Chinese and English.
//!
//! Texts are cut into tokens: one token per CJK character or punctuation
//! mark, one per run of letters and digits of any other script (so Latin
//! text diffs by whole words, accented ones included — `Florianópolis` is
//! one word — and never by letters), one per run of whitespace. The choice
//! is made per character, so one text mixing both scripts gets both
//! granularities. `similar` diffs the token sequences;
//! then [`cleanup`] folds the tiny coincidental equalities left between two
//! edits into the edits around them.
//!
//! Why the clean-up. Measured on the changes between the WTSA-24
//! conference text and the published Resolution 101, and on wording
//! variants between the WTSA-24 texts and their summary report (the test
//! `table_in_module_doc_holds` keeps every row):
//!
//! | change | raw token diff | with clean-up |
//! |---|---|---|
//! | `信任度` → `可信度` | `{+可+}信[-任-]度` | `[-信任-]{+可信+}度` |
//! | `国际电信联盟` → `国际电联` | `国际电[-信-]联[-盟-]` | `国际电[-信联盟-]{+联+}` |
//! | `其它两个局的主任密切协作` → `其他局的主任协作` | `其[-它两个-]{+他+}局的主任[-密切-]协作` | same |
//! | `研讨会（GSS）以及` → `研讨会以及` | `研讨会[-（GSS）-]以及` | same |
//!
//! Most real changes already come out as one edit per phrase; where the old
//! and new words share a character, the raw diff leaves a one-character
//! island between two edits that the reader has to reassemble, and the
//! clean-up turns it into one deletion and one insertion. It never touched
//! a change that read well already.
//! Without the clean-up a replaced word whose old and new spellings share a
//! character reads as two interleaved edits around a one-character island
//! the reader has to reassemble; with it, one deletion and one insertion.
//! Word segmentation was not used: Chinese has no spaces, and the texts'
//! vocabulary (`电信标准化局`, `部门准成员`) would need a dictionary, while
//! the clean-up gets the same reading from the diff alone. Equalities of
//! more than two characters, or longer than the edits around them, are kept:
//! they carry meaning.

use super::budget::{self, Cut};
use crate::lang::{CLAUSE_MARKS, SENTENCE_ENDS};
use crate::model::{InlineOp, InlineTag};
use crate::text::is_cjk;
use similar::DiffOp;

/// Longest equality (in characters) that the clean-up may fold into the
/// edits around it.
pub const MAX_FOLDED_EQUALITY: usize = 2;

/// Cut a text into diff tokens.
pub fn tokenize(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let class = |c: char| {
            if c.is_alphanumeric() && !is_cjk(c) {
                1
            } else if c.is_whitespace() {
                2
            } else {
                0
            }
        };
        let k = class(c);
        let mut end = i + c.len_utf8();
        if k != 0 {
            while let Some(&(j, d)) = chars.peek() {
                if class(d) != k {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        debug_assert_eq!(start, i);
        out.push(&s[i..end]);
        start = end;
    }
    out
}

/// Token diff of two texts, without clean-up.
pub fn raw_inline_diff(old: &str, new: &str) -> Vec<InlineOp> {
    let a = tokenize(old);
    let b = tokenize(new);
    // Past the work budget: sentences, then clauses, then tokens within
    // the changed spans.
    let ends = |set: &'static [char]| move |t: &&str| t.chars().any(|c| set.contains(&c));
    let (sentence, clause) = (ends(SENTENCE_ENDS), ends(CLAUSE_MARKS));
    let cuts: [Cut<'_, &str>; 2] = [&sentence, &clause];
    let ops = budget::diff(&a, &b, &cuts);
    let mut out = Vec::new();
    let mut push = |op: InlineTag, toks: &[&str]| {
        if !toks.is_empty() {
            out.push(InlineOp {
                op,
                text: toks.concat(),
            });
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(InlineTag::Equal, &a[old_index..old_index + len])
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(InlineTag::Delete, &a[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(InlineTag::Insert, &b[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(InlineTag::Delete, &a[old_index..old_index + old_len]);
                push(InlineTag::Insert, &b[new_index..new_index + new_len]);
            }
        }
    }
    normalize(out)
}

/// Token diff of two texts with the clean-up applied: what reports show.
pub fn inline_diff(old: &str, new: &str) -> Vec<InlineOp> {
    cleanup(raw_inline_diff(old, new))
}

/// One edit region: everything between two equalities.
#[derive(Default)]
struct Edit {
    del: String,
    ins: String,
}

/// Merge adjacent segments so that every run between two equalities is at
/// most one deletion followed by one insertion.
fn normalize(ops: Vec<InlineOp>) -> Vec<InlineOp> {
    let mut out: Vec<InlineOp> = Vec::new();
    let mut edit = Edit::default();
    let flush = |edit: &mut Edit, out: &mut Vec<InlineOp>| {
        for (op, text) in [
            (InlineTag::Delete, std::mem::take(&mut edit.del)),
            (InlineTag::Insert, std::mem::take(&mut edit.ins)),
        ] {
            if !text.is_empty() {
                out.push(InlineOp { op, text });
            }
        }
    };
    for o in ops {
        match o.op {
            InlineTag::Delete => edit.del.push_str(&o.text),
            InlineTag::Insert => edit.ins.push_str(&o.text),
            InlineTag::Equal => {
                flush(&mut edit, &mut out);
                match out.last_mut() {
                    Some(last) if last.op == InlineTag::Equal => last.text.push_str(&o.text),
                    _ if o.text.is_empty() => {}
                    _ => out.push(o),
                }
            }
        }
    }
    flush(&mut edit, &mut out);
    out
}

/// Fold every equality of at most [`MAX_FOLDED_EQUALITY`] characters that
/// sits between two edits, and is no longer than either of them, into a
/// deletion and an insertion; repeat until nothing changes.
///
/// One pass with a stack: folding only makes edits longer, so an equality
/// that may be folded stays foldable, and the only equality a fold can newly
/// qualify is the one just before the grown edit.
pub fn cleanup(ops: Vec<InlineOp>) -> Vec<InlineOp> {
    let mut stack: Vec<Piece> = Vec::with_capacity(ops.len());
    for o in normalize(ops) {
        let (del, ins) = match o.op {
            InlineTag::Equal => {
                stack.push(Piece::Same(o.text));
                continue;
            }
            InlineTag::Delete => (o.text, String::new()),
            InlineTag::Insert => (String::new(), o.text),
        };
        let mut edit = Region::new(del, ins);
        if let Some(Piece::Edit(_)) = stack.last() {
            // A deletion followed by its insertion: one region.
            if let Some(Piece::Edit(mut top)) = stack.pop() {
                top.append("", &edit);
                edit = top;
            }
        }
        // Fold the equality before this edit while it qualifies.
        loop {
            let n = stack.len();
            let folds = n >= 2
                && match (&stack[n - 2], &stack[n - 1]) {
                    (Piece::Edit(prev), Piece::Same(eq)) => {
                        let len = eq.chars().count();
                        len <= MAX_FOLDED_EQUALITY && len <= prev.size() && len <= edit.size()
                    }
                    _ => false,
                };
            if !folds {
                break;
            }
            let (Some(Piece::Same(eq)), Some(Piece::Edit(mut prev))) = (stack.pop(), stack.pop())
            else {
                break;
            };
            prev.append(&eq, &edit);
            edit = prev;
        }
        stack.push(Piece::Edit(edit));
    }
    let mut out = Vec::with_capacity(stack.len() * 2);
    for p in stack {
        match p {
            Piece::Same(text) => out.push(InlineOp {
                op: InlineTag::Equal,
                text,
            }),
            Piece::Edit(e) => {
                for (op, text) in [(InlineTag::Delete, e.del), (InlineTag::Insert, e.ins)] {
                    if !text.is_empty() {
                        out.push(InlineOp { op, text });
                    }
                }
            }
        }
    }
    // The pieces were grown by appending and stay in the report to the end
    // of the run: they keep no spare room.
    for o in &mut out {
        o.text.shrink_to_fit();
    }
    out.shrink_to_fit();
    out
}

/// An equality, or an edit region, while cleaning up.
enum Piece {
    Same(String),
    Edit(Region),
}

/// An edit region with its sizes in characters.
struct Region {
    del: String,
    ins: String,
    del_chars: usize,
    ins_chars: usize,
}

impl Region {
    fn new(del: String, ins: String) -> Self {
        let (del_chars, ins_chars) = (del.chars().count(), ins.chars().count());
        Region {
            del,
            ins,
            del_chars,
            ins_chars,
        }
    }

    fn size(&self) -> usize {
        self.del_chars.max(self.ins_chars)
    }

    /// Extend with a folded equality `eq` (deleted and inserted), then `next`.
    fn append(&mut self, eq: &str, next: &Region) {
        let n = eq.chars().count();
        self.del.push_str(eq);
        self.del.push_str(&next.del);
        self.ins.push_str(eq);
        self.ins.push_str(&next.ins);
        self.del_chars += n + next.del_chars;
        self.ins_chars += n + next.ins_chars;
    }
}

/// Render ops as `git diff --word-diff` plain text: `[-old-]{+new+}`.
#[cfg(test)]
pub fn word_diff_plain(ops: &[InlineOp]) -> String {
    let mut s = String::new();
    for o in ops {
        match o.op {
            InlineTag::Equal => s.push_str(&o.text),
            InlineTag::Delete => {
                s.push_str("[-");
                s.push_str(&o.text);
                s.push_str("-]");
            }
            InlineTag::Insert => {
                s.push_str("{+");
                s.push_str(&o.text);
                s.push_str("+}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits(ops: &[InlineOp]) -> Vec<(InlineTag, &str)> {
        ops.iter()
            .filter(|o| o.op != InlineTag::Equal)
            .map(|o| (o.op, o.text.as_str()))
            .collect()
    }

    #[test]
    fn tokens_split_cjk_by_char_and_latin_by_word() {
        assert_eq!(
            tokenize("ITU-T第17研究组  和 SG2"),
            vec![
                "ITU", "-", "T", "第", "17", "研", "究", "组", "  ", "和", " ", "SG2"
            ]
        );
    }

    #[test]
    fn two_replacements_in_a_long_clause_are_two_edits() {
        let old = "责成电信标准化局主任与电信发展局主任协调，支持三个部门的研究组在其职权范围内开展人工智能标准化工作";
        let new = "责成电信标准化局主任与电信发展局主任合作，支持各部门的研究组在其职权范围内开展人工智能标准化工作";
        let ops = inline_diff(old, new);
        assert_eq!(
            edits(&ops),
            vec![
                (InlineTag::Delete, "协调"),
                (InlineTag::Insert, "合作"),
                (InlineTag::Delete, "三个"),
                (InlineTag::Insert, "各"),
            ]
        );
        assert_eq!(
            word_diff_plain(&ops),
            "责成电信标准化局主任与电信发展局主任[-协调-]{+合作+}，支持[-三个-]{+各+}部门的研究组在其职权范围内开展人工智能标准化工作"
        );
    }

    #[test]
    fn shared_character_does_not_split_a_replaced_word() {
        let raw = raw_inline_diff("注意到信任度的重要性", "注意到可信度的重要性");
        assert!(
            word_diff_plain(&raw).contains("{+可+}信[-任-]"),
            "{}",
            word_diff_plain(&raw)
        );
        let clean = inline_diff("注意到信任度的重要性", "注意到可信度的重要性");
        assert_eq!(word_diff_plain(&clean), "注意到[-信任-]{+可信+}度的重要性");
    }

    #[test]
    fn real_phrase_from_res_101() {
        let old = "世界电信标准化全会的全球标准专题研讨会（GSS）以及";
        let new = "世界电信标准化全会的全球标准专题研讨会以及";
        assert_eq!(
            word_diff_plain(&inline_diff(old, new)),
            "世界电信标准化全会的全球标准专题研讨会[-（GSS）-]以及"
        );
        let old = "（包括“人工智能向善”）";
        let new = "（包括“人工智能向善”平台）";
        assert_eq!(
            word_diff_plain(&inline_diff(old, new)),
            "（包括“人工智能向善”{+平台+}）"
        );
    }

    #[test]
    fn latin_text_diffs_by_words() {
        let ops = inline_diff("the quick brown fox jumps", "the slow brown fox jumps");
        assert_eq!(
            word_diff_plain(&ops),
            "the [-quick-]{+slow+} brown fox jumps"
        );
        // A space between two replaced words folds into one edit.
        let ops = inline_diff(
            "use ITU-T Recommendation E.164 now",
            "use national numbering plans now",
        );
        assert_eq!(edits(&ops).len(), 2, "{}", word_diff_plain(&ops));
    }

    #[test]
    fn accented_words_and_mixed_scripts() {
        let ops = inline_diff(
            "(Florianópolis, 2004; Genève, 2022)",
            "(Florianopolis, 2004; Geneva, 2022)",
        );
        assert_eq!(
            word_diff_plain(&ops),
            "([-Florianópolis-]{+Florianopolis+}, 2004; [-Genève-]{+Geneva+}, 2022)"
        );
        // Characters for CJK, words for Latin, in one text.
        let ops = inline_diff(
            "采用ITU-T Recommendation 其他",
            "采用ITU-T Recommendations 其它",
        );
        assert_eq!(
            word_diff_plain(&ops),
            "采用ITU-T [-Recommendation-]{+Recommendations+} 其[-他-]{+它+}"
        );
    }

    proptest::proptest! {
        /// No edit of a Latin text starts or ends inside a word.
        #[test]
        fn latin_edits_fall_on_word_boundaries(
            old in proptest::collection::vec(0usize..12, 1..25),
            new in proptest::collection::vec(0usize..12, 1..25),
        ) {
            const WORDS: [&str; 12] = [
                "the", "Member", "States", "considering", "résolution", "Florianópolis",
                "ITU-T", "of", "2024", "Sector", "Members", "recognizing",
            ];
            let text = |ix: &[usize]| ix.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let (a, b) = (text(&old), text(&new));
            let ops = inline_diff(&a, &b);
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let (mut pa, mut pb) = (0, 0);
            for op in &ops {
                let (t, p) = match op.op {
                    InlineTag::Equal => { pa += op.text.len(); pb += op.text.len(); continue }
                    InlineTag::Delete => (&a, &mut pa),
                    InlineTag::Insert => (&b, &mut pb),
                };
                let start = *p;
                let end = start + op.text.len();
                proptest::prop_assert!(!(word(t[..start].chars().next_back()) && word(t[start..].chars().next())), "{a} → {b}: {}", word_diff_plain(&ops));
                proptest::prop_assert!(!(word(t[..end].chars().next_back()) && word(t[end..].chars().next())), "{a} → {b}: {}", word_diff_plain(&ops));
                *p = end;
            }
        }
    }

    #[test]
    fn table_in_module_doc_holds() {
        let rows = [
            ("信任度", "可信度", "{+可+}信[-任-]度", "[-信任-]{+可信+}度"),
            (
                "国际电信联盟",
                "国际电联",
                "国际电[-信-]联[-盟-]",
                "国际电[-信联盟-]{+联+}",
            ),
            (
                "其它两个局的主任密切协作",
                "其他局的主任协作",
                "其[-它两个-]{+他+}局的主任[-密切-]协作",
                "其[-它两个-]{+他+}局的主任[-密切-]协作",
            ),
            (
                "研讨会（GSS）以及",
                "研讨会以及",
                "研讨会[-（GSS）-]以及",
                "研讨会[-（GSS）-]以及",
            ),
        ];
        for (a, b, raw, clean) in rows {
            assert_eq!(word_diff_plain(&raw_inline_diff(a, b)), raw);
            assert_eq!(word_diff_plain(&inline_diff(a, b)), clean);
        }
    }

    #[test]
    fn long_equalities_survive_cleanup() {
        let ops = inline_diff("甲国际电联乙", "丙国际电联丁");
        assert_eq!(word_diff_plain(&ops), "[-甲-]{+丙+}国际电联[-乙-]{+丁+}");
    }

    #[test]
    fn identical_texts_have_no_edits() {
        assert!(edits(&inline_diff("相同的文本", "相同的文本")).is_empty());
        assert!(inline_diff("", "").is_empty());
    }
}
