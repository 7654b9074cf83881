//! Small helpers over `quick-xml` for reading WordprocessingML parts.

use quick_xml::events::{BytesEnd, BytesRef, BytesStart, Event};

/// A pull reader over one XML part that reports errors as text with the
/// byte offset, and remembers whether the last start tag was empty.
pub(super) struct Reader<'a> {
    inner: quick_xml::Reader<&'a [u8]>,
    empty: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(xml: &'a str) -> Self {
        Reader {
            inner: quick_xml::Reader::from_str(xml),
            empty: false,
        }
    }

    /// The next event; `None` at the end of the part.
    pub(super) fn next(&mut self) -> Result<Option<Event<'a>>, String> {
        match self.inner.read_event() {
            Ok(Event::Eof) => Ok(None),
            Ok(ev) => {
                self.empty = matches!(ev, Event::Empty(_));
                Ok(Some(ev))
            }
            Err(e) => Err(format!(
                "malformed XML at byte {}: {e}",
                self.inner.error_position()
            )),
        }
    }

    /// Whether the last event was a self-closing tag.
    pub(super) fn was_empty(&self) -> bool {
        self.empty
    }
}

/// Local name of a start tag (`w:p` → `p`).
pub(super) fn local<'b>(e: &'b BytesStart<'_>) -> &'b [u8] {
    strip_prefix(e.name().into_inner().as_ref())
}

/// Local name of an end tag.
pub(super) fn end_local<'b>(e: &'b BytesEnd<'_>) -> &'b [u8] {
    strip_prefix(e.name().into_inner().as_ref())
}

fn strip_prefix(name: &[u8]) -> &[u8] {
    match name.iter().position(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Value of the attribute with local name `key` (`w:val` → `val`).
pub(super) fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (strip_prefix(a.key.into_inner().as_ref()) == key).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
    })
}

/// The text of an entity or character reference (`&amp;`, `&#x4E2D;`).
pub(super) fn resolve_ref(r: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
}
