//! Markdown helpers shared by the diff and review reports.

/// Escape text for Markdown: characters that would start emphasis, links,
/// tables, code or HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '[' | ']' | '|' | '<' | '>' | '`' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` marked with `md` (`~~` or `**`), or with the HTML `tag` (`del`,
/// `ins`) when it starts or ends with punctuation or space: CommonMark's
/// flanking rules would leave the markers as literal characters next to a
/// CJK letter there (`会~~（GSS）~~以`).
pub fn mark(text: &str, md: &str, tag: &str) -> String {
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    if edge(text.chars().next()) || edge(text.chars().last()) {
        format!("<{tag}>{}</{tag}>", escape(text))
    } else {
        format!("{md}{}{md}", escape(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("a*b_[c]|<d>`#~"),
            "a\\*b\\_\\[c\\]\\|\\<d\\>\\`\\#\\~"
        );
        assert_eq!(escape("第2号决议"), "第2号决议");
    }

    #[test]
    fn marks_use_html_at_punctuation_edges() {
        assert_eq!(mark("平台", "**", "ins"), "**平台**");
        assert_eq!(mark("（GSS）", "~~", "del"), "<del>（GSS）</del>");
        assert_eq!(mark("<x>", "**", "ins"), "<ins>\\<x\\></ins>");
    }
}
