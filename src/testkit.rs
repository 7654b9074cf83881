//! Hand-built documents and paragraphs for unit tests across the stages.

use crate::corpus::Corpus;
use crate::model::*;

/// A clause with a label (`""` for none) and text.
pub fn clause(label: &str, text: &str) -> Clause {
    let label = (!label.is_empty()).then(|| ClauseLabel {
        raw: label.to_string(),
        family: LabelFamily::Letter,
        ordinal: 0,
    });
    Clause {
        label,
        text: text.to_string(),
        notes: Vec::new(),
        children: Vec::new(),
        span: Span::new(1, 1),
    }
}

/// A section with a heading, kind, addressee and clauses `(label, text)`.
pub fn section(
    heading: &str,
    kind: SectionKind,
    addressee: Option<&str>,
    clauses: &[(&str, &str)],
) -> Section {
    Section {
        heading: heading.to_string(),
        kind,
        further: false,
        addressee: addressee.map(str::to_string),
        notes: Vec::new(),
        intro: None,
        clauses: clauses.iter().map(|(l, t)| clause(l, t)).collect(),
        span: Span::new(1, 1),
    }
}

/// A resolution with id and sections.
pub fn resolution(id: &str, sections: Vec<Section>) -> Resolution {
    let number = id.parse().ok();
    Resolution {
        id: id.to_string(),
        number,
        action: None,
        kind: ResolutionKind::Resolution,
        header: text(&format!("第{id}号决议（2024年，新德里）")),
        edition: None,
        title: text("标题"),
        history: None,
        assembly: None,
        sections,
        annexes: Vec::new(),
        footnotes: Vec::new(),
        span: Span::new(1, 1),
    }
}

/// A one-paragraph text.
pub fn text(s: &str) -> Text {
    Text {
        text: s.to_string(),
        notes: Vec::new(),
        span: Span::new(1, 1),
    }
}

/// A document holding resolutions.
pub fn document(path: &str, resolutions: Vec<Resolution>) -> Document {
    Document {
        path: path.to_string(),
        class: DocumentClass::ResolutionText,
        encoding: EncodingReport {
            encoding: "UTF-8".into(),
            bom: false,
            how: crate::model::EncodingChoice::Utf8,
        },
        layout: Layout::Pdf,
        language: Default::default(),
        resolutions,
        other_blocks: Vec::new(),
        report: None,
        diagnostics: Vec::new(),
    }
}

/// An edition of documents.
pub fn corpus(name: &str, documents: Vec<Document>) -> Corpus {
    Corpus {
        name: name.to_string(),
        path: name.to_string(),
        documents,
        partial: false,
    }
}

/// A paragraph on one source line, as the normalizer hands it on.
pub fn para(text: &str, line: u32) -> crate::normalize::Para {
    crate::normalize::Para {
        text: text.into(),
        span: Span::new(line, line),
        page_start: false,
        tab_after_first_token: false,
    }
}
