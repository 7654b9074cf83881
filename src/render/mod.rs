//! Render: models and reports to terminal text, JSON, Markdown and HTML.
//! Renderers write to a `Write` handed to them; colour is the caller's choice.

pub mod outline;
pub mod plain;
