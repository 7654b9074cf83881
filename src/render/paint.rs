//! Terminal colours for the text renderers, through `colored`. Whether to
//! colour is the caller's decision (`--color`, `NO_COLOR`, a terminal), handed
//! to the renderer as its `color` argument: a [`Painter`] that is on always
//! colours, one that is off returns text unchanged.

use colored::{ColoredString, Colorize, Styles};
use std::borrow::Cow;

/// What a piece of text is, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A heading line.
    Heading,
    /// Secondary information.
    Dim,
    /// Deleted text.
    Deleted,
    /// Inserted text.
    Inserted,
    /// An error label.
    Error,
    /// A warning label.
    Warning,
    /// An informational label.
    Info,
    /// The offending part of a quotation.
    Marked,
}

/// Paints text when colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Painter {
    on: bool,
}

impl Painter {
    /// A painter that colours when `on`.
    pub fn new(on: bool) -> Self {
        Painter { on }
    }

    /// Whether colour is on.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// `text` in the colour of `tone`, or unchanged when colour is off.
    pub fn paint(&self, tone: Tone, text: &str) -> String {
        if !self.on || text.is_empty() {
            return text.to_string();
        }
        let look: ColoredString = match tone {
            Tone::Heading => text.bold(),
            Tone::Dim => text.dimmed(),
            Tone::Deleted => text.red().strikethrough(),
            Tone::Inserted => text.green().underline(),
            Tone::Error => text.red().bold(),
            Tone::Warning => text.yellow().bold(),
            Tone::Info => text.blue(),
            Tone::Marked => text.red().bold().underline(),
        };
        escape_codes(&look)
    }
}

/// SGR parameters of the styles `colored` knows (ECMA-48), in the order
/// `colored` writes them.
const STYLE_CODES: [(Styles, &str); 8] = [
    (Styles::Bold, "1"),
    (Styles::Dimmed, "2"),
    (Styles::Underline, "4"),
    (Styles::Reversed, "7"),
    (Styles::Italic, "3"),
    (Styles::Blink, "5"),
    (Styles::Hidden, "8"),
    (Styles::Strikethrough, "9"),
];

/// The text of `look` between the escape codes of its style and colours.
/// `colored`'s own `Display` asks a process-wide switch (environment,
/// terminal, override) whether to colour; here the painter has decided.
fn escape_codes(look: &ColoredString) -> String {
    if look.is_plain() {
        return look.input.clone();
    }
    let mut params: Vec<Cow<'static, str>> = STYLE_CODES
        .iter()
        .filter(|(s, _)| look.style.contains(*s))
        .map(|(_, code)| Cow::Borrowed(*code))
        .collect();
    params.extend(look.bgcolor.map(|c| c.to_bg_str()));
    params.extend(look.fgcolor.map(|c| c.to_fg_str()));
    format!("\x1b[{}m{}\x1b[0m", params.join(";"), look.input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_leaves_text_alone_and_on_adds_codes() {
        assert_eq!(Painter::new(false).paint(Tone::Deleted, "其他"), "其他");
        let s = Painter::new(true).paint(Tone::Deleted, "其他");
        assert!(
            s.starts_with('\x1b') && s.contains("其他") && s.ends_with("\x1b[0m"),
            "{s:?}"
        );
        assert_eq!(Painter::new(true).paint(Tone::Inserted, ""), "");
    }

    #[test]
    fn the_painter_alone_decides() {
        // The same bytes whatever the environment says (NO_COLOR, a
        // terminal or not): colored's codes, the painter's decision.
        assert_eq!(
            Painter::new(true).paint(Tone::Deleted, "其他"),
            "\x1b[9;31m其他\x1b[0m"
        );
        assert_eq!(
            Painter::new(true).paint(Tone::Marked, "本届"),
            "\x1b[1;4;31m本届\x1b[0m"
        );
        assert_eq!(Painter::new(false).paint(Tone::Marked, "本届"), "本届");
    }
}
