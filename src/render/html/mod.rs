//! The HTML change report and review report: one self-contained file each
//! (inline CSS, a few lines of inline JS, no fonts, scripts or anything else
//! fetched), readable in a browser and printable on A4.
//!
//! Every text that comes from the inputs passes through `escape`; the
//! page frame, the stylesheet (`style.css`) and the script (`script.js`)
//! are ours.

mod diff;
mod finding_index;
mod review;

pub use diff::{DiffHtmlOptions, write_diff_html, write_diff_html_with};
pub use review::{write_review_html, write_review_html_in};

use crate::lang::Lang;
use std::fmt::Write as _;

/// The stylesheet of both reports: screen and print (A4).
const STYLE: &str = include_str!("style.css");

/// The diff report's toggles: inline / side-by-side redline and hiding
/// editorial changes, also driven by the URL hash (`#view=side`,
/// `#hide-editorial`) so that a link, or a headless browser, can open the
/// page in either state.
const SCRIPT: &str = include_str!("script.js");

/// Escape text for HTML element content and (double- or single-quoted)
/// attribute values: `&`, `<`, `>`, `"` and `'`.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// [`escape`] into an existing buffer.
pub(crate) fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A fragment identifier made from an id such as `101`, `COM4/AI` or
/// `A.25`: ASCII letters and digits kept, anything else becomes `-`.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

/// Open the document: doctype, `<head>` with the title and the stylesheet,
/// `<body>`. The page speaks the language of the texts, `lang`: its tag
/// is the page's, and the words screen readers announce around edits are
/// its words.
pub(crate) fn open_page(out: &mut String, title: &str, lang: &Lang) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        escape(lang.tag)
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"resdiff\">\n");
    // No network: the page may fetch nothing, not even a favicon.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    let marks = lang.report.page.spoken_marks;
    for (k, sel) in ["ins::before", "ins::after", "del::before", "del::after"]
        .iter()
        .enumerate()
    {
        let _ = writeln!(out, "{sel} {{ content: \"{}\"; }}", css_string(marks[k]));
    }
    out.push_str("</style>\n</head>\n<body>\n");
}

/// `s` safe inside a double-quoted CSS string within `<style>`.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// `template` escaped, its placeholders (`{old}`) replaced by markup that
/// is already safe.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = escape(template);
    for (key, html) in values {
        out = out.replace(key, html);
    }
    out
}

/// Close the document, with the toggles' script when the page has toggles.
pub(crate) fn close_page(out: &mut String, script: bool) {
    if script {
        out.push_str("<script>\n");
        out.push_str(SCRIPT);
        out.push_str("</script>\n");
    }
    out.push_str("</body>\n</html>\n");
}

/// Language tag the pages give the texts of the editions while they are
/// built (see `write_diff_html_with`).
pub(crate) const TEXT_LANG_TAG: &str = "zh-Hans";

/// `<span lang="zh-Hans">text</span>`: input text, escaped, tagged as
/// Chinese so the browser picks CJK fonts and line-breaking rules.
pub(crate) fn zh(out: &mut String, text: &str) {
    out.push_str("<span lang=\"zh-Hans\">");
    push_escaped(out, text);
    out.push_str("</span>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_markup_inert() {
        assert_eq!(
            escape(r#"<script>alert('x & "y"')</script></ins>"#),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;&lt;/ins&gt;"
        );
        assert_eq!(escape("其他 a&b"), "其他 a&amp;b");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn slugs_are_fragment_safe() {
        assert_eq!(slug("101"), "101");
        assert_eq!(slug("COM4/AI"), "com4-ai");
        assert_eq!(slug("COM3/APT-NG"), "com3-apt-ng");
        assert_eq!(slug("A.25"), "a-25");
    }

    #[test]
    fn page_has_no_external_reference() {
        let mut s = String::new();
        open_page(&mut s, "t <x>", &crate::lang::EN);
        close_page(&mut s, true);
        assert!(s.contains("<title>t &lt;x&gt;</title>"));
        for bad in ["http://", "https://", "src=", "@import", "url("] {
            assert!(!s.contains(bad), "page frame references {bad}");
        }
    }
}
