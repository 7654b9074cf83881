//! Unresolved editorial brackets: drafting placeholders left in the texts
//! (`[本届全会]`, `[2022年，日内瓦]`, `[插入…]`, `第[28]/21号课题`), each
//! listed with its location.
//!
//! Not findings: bibliographic reference tags, whose inside is Latin only
//! (`[ITU-T A.5]`, `[b-ITU-T A.1]`, `[PP Res. 66]`). Reported as `info`
//! (`bracket.template-field`): a bracket making up a whole paragraph of a
//! Recommendation's annex or appendix, which is a fill-in field of a form
//! the Recommendation publishes (A.25 Appendix II).
//!
//! Each unresolved bracket suggests its words without the brackets, unless
//! they tell the editor what to insert.

use super::Context;
use super::support::UnitKind;
use crate::lang::punct::{PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};
use crate::model::{Finding, FindingSeverity, Message, ResolutionKind};
use std::ops::Range;

/// Every bracketed stretch of `text`, left to right: ASCII, full-width or
/// lenticular brackets, any opening with any closing one, nothing nested.
/// Byte ranges of the whole and of the inside. An opening bracket whose
/// next bracket is not a closing one opens nothing.
fn brackets(text: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    let is_bracket = |c: char| PLACEHOLDER_OPEN.contains(&c) || PLACEHOLDER_CLOSE.contains(&c);
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let open = from + text[from..].find(PLACEHOLDER_OPEN)?;
            let inside = open + text[open..].chars().next()?.len_utf8();
            let end = text[inside..].find(is_bracket).map(|k| inside + k)?;
            let c = text[end..].chars().next()?;
            if PLACEHOLDER_CLOSE.contains(&c) {
                from = end + c.len_utf8();
                return Some((open..from, inside..end));
            }
            // Another opening bracket: the next attempt starts there.
            from = end;
        }
    })
}

/// Word-processor residue the normalizer should have removed; never a
/// placeholder.
const NOT_PLACEHOLDERS: &[&str] = &["footnoteRef:", "bookmark:"];

/// Whether the inside of a bracket is a reference tag (`ITU-T A.5`): Latin
/// letters and a number. A Latin placeholder has no number (`[this
/// conference]`, `[insert number]`) or a separator (`[Geneva, 2022]`).
fn is_reference_tag(inner: &str) -> bool {
    !inner.is_empty()
        && inner.chars().any(|c| c.is_ascii_alphabetic())
        && inner.chars().any(|c| c.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " .-/_:".contains(c))
}

/// What a placeholder reads once settled: its words without the brackets,
/// unless they are an instruction to the editor (`插入…`) or nothing.
fn settled(inner: &str, lang: &crate::lang::Lang) -> Option<String> {
    let words = inner.trim();
    let instruction = lang.placeholder_instructions.iter().any(|w| {
        words
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
    });
    (!words.is_empty() && !instruction).then(|| words.to_string())
}

/// Run the bracket rule over every text.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for &t in &ctx.texts {
        for unit in t.res.text_units() {
            for (all, inner) in brackets(unit.text) {
                let inner = &unit.text[inner];
                if is_reference_tag(inner) || NOT_PLACEHOLDERS.iter().any(|p| inner.starts_with(p))
                {
                    continue;
                }
                let whole_paragraph = unit.text.trim() == &unit.text[all.clone()];
                let template = whole_paragraph
                    && unit.kind == UnitKind::AnnexParagraph
                    && t.res.kind == ResolutionKind::Recommendation;
                out.push(if template {
                    ctx.finding(
                        "bracket.template-field",
                        FindingSeverity::Info,
                        t,
                        &unit,
                        all.clone(),
                        Message::TemplateField,
                    )
                } else {
                    let mut f = ctx.finding(
                        "bracket.unresolved",
                        FindingSeverity::Warning,
                        t,
                        &unit,
                        all.clone(),
                        Message::UnresolvedBracket {
                            bracket: unit.text[all.clone()].to_string(),
                        },
                    );
                    f.suggestion = settled(inner, ctx.lang);
                    f
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::brackets;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The expression the matcher replaces, kept as its oracle.
    static ORACLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\[［【]([^\[\]［］【】]*)[\]］】]").unwrap_or_else(|e| panic!("{e}"))
    });

    fn same_as_oracle(text: &str) -> Result<(), String> {
        let expected: Vec<_> = ORACLE
            .captures_iter(text)
            .filter_map(|c| Some((c.get(0)?.range(), c.get(1)?.range())))
            .collect();
        let found: Vec<_> = brackets(text).collect();
        if found == expected {
            Ok(())
        } else {
            Err(format!("{text:?}: {found:?} != {expected:?}"))
        }
    }

    #[test]
    fn brackets_are_found_as_the_expression_found_them() {
        let text = "第[28]/21号课题【插入】［本届全会] [a [b] 【c";
        let found: Vec<&str> = brackets(text).map(|(all, _)| &text[all]).collect();
        assert_eq!(found, ["[28]", "【插入】", "［本届全会]", "[b]"]);
        same_as_oracle(text).unwrap_or_else(|e| panic!("{e}"));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(
            root.join("versions/wtsa-24/wtsa-24-resolutions-mod-add.zh.txt"),
        )
        .expect("the shipped edition");
        same_as_oracle(&text).unwrap_or_else(|e| panic!("{e}"));
        for line in text.lines() {
            same_as_oracle(line).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn brackets_match_their_expression(s in proptest::collection::vec(
            proptest::sample::select(&["[", "]", "［", "］", "【", "】", "（", "）", "a", "本届", " ", "2"][..]),
            0..30,
        ).prop_map(|p| p.concat())) {
            prop_assert!(same_as_oracle(&s).is_ok(), "{:?}", same_as_oracle(&s));
        }
    }
}
