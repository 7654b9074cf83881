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
use crate::model::{Finding, FindingSeverity, Message, ResolutionKind};
use regex::Regex;
use std::sync::LazyLock;

/// A bracketed stretch, ASCII or full-width brackets, not nested.
static BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(crate::lang::punct::PLACEHOLDER_BRACKET).unwrap_or_else(|e| panic!("{e}"))
});

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
            for m in BRACKET.captures_iter(unit.text) {
                let (Some(all), Some(inner)) = (m.get(0), m.get(1)) else {
                    continue;
                };
                let inner = inner.as_str();
                if is_reference_tag(inner) || NOT_PLACEHOLDERS.iter().any(|p| inner.starts_with(p))
                {
                    continue;
                }
                let whole_paragraph = unit.text.trim() == all.as_str();
                let template = whole_paragraph
                    && unit.kind == UnitKind::AnnexParagraph
                    && t.res.kind == ResolutionKind::Recommendation;
                out.push(if template {
                    ctx.finding(
                        "bracket.template-field",
                        FindingSeverity::Info,
                        t,
                        &unit,
                        all.range(),
                        Message::TemplateField,
                    )
                } else {
                    let mut f = ctx.finding(
                        "bracket.unresolved",
                        FindingSeverity::Warning,
                        t,
                        &unit,
                        all.range(),
                        Message::UnresolvedBracket {
                            bracket: all.as_str().to_string(),
                        },
                    );
                    f.suggestion = settled(inner, ctx.lang);
                    f
                });
            }
        }
    }
}
