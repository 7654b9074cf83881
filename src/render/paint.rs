//! Terminal colours for the text renderers, through `colored`. Whether to
//! colour is the caller's decision (`--color`, `NO_COLOR`, a terminal): the
//! command line settles it once with [`set_color`], and a [`Painter`] that is
//! off returns text unchanged.

use colored::{ColoredString, Colorize};

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
        let styled: ColoredString = match tone {
            Tone::Heading => text.bold(),
            Tone::Dim => text.dimmed(),
            Tone::Deleted => text.red().strikethrough(),
            Tone::Inserted => text.green().underline(),
            Tone::Error => text.red().bold(),
            Tone::Warning => text.yellow().bold(),
            Tone::Info => text.blue(),
            Tone::Marked => text.red().bold().underline(),
        };
        styled.to_string()
    }
}

/// Settle, for the whole process, whether `colored` writes colour codes: the
/// command line calls this once with its decision so that no environment
/// variable read by `colored` overrides it.
pub fn set_color(on: bool) {
    colored::control::set_override(on);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_leaves_text_alone_and_on_adds_codes() {
        assert_eq!(Painter::new(false).paint(Tone::Deleted, "其他"), "其他");
        set_color(true);
        let s = Painter::new(true).paint(Tone::Deleted, "其他");
        assert!(
            s.starts_with('\x1b') && s.contains("其他") && s.ends_with("\x1b[0m"),
            "{s:?}"
        );
        assert_eq!(Painter::new(true).paint(Tone::Inserted, ""), "");
    }
}
