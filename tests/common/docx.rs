//! A Word-document writer for tests: lays a Word text export (one
//! paragraph per line, `label\ttext`, `[footnoteRef:N]N` with the body
//! ` [N: N\ttext]` at the end of the line, `[bookmark: …]`, table cells
//! behind a TAB with an empty line after each row) out as a `.docx`, in
//! the ways Word files carry the same text: typed labels or automatic
//! numbering, real footnotes, bookmarks, tables, pictures, and tracked
//! revisions that accepted (or rejected) leave the text as it was.

use resdiff::render::docx::package::{Package, esc, runs};

/// How to write the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Labels `a)`, `1`, `i)` as Word's automatic numbering where the
    /// sequence allows it (typed otherwise).
    pub numbering: bool,
    /// Wrap the text in tracked revisions: `Some(true)` gives the text when
    /// accepted, `Some(false)` when rejected.
    pub revisions: Option<bool>,
}

/// A Word list format for a label, with its value.
fn list_of(label: &str) -> Option<(&'static str, &'static str, u32)> {
    let roman = |s: &str| -> Option<u32> {
        const R: [&str; 12] = [
            "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
        ];
        R.iter().position(|r| *r == s).map(|i| i as u32 + 1)
    };
    if let Some(core) = label.strip_suffix(')') {
        // Roman numerals first only at i) … : `i)` after `h)` is a letter,
        // which the writer's sequence check sorts out (typed label).
        if let Some(v) = roman(core) {
            return Some(("lowerRoman", "%1)", v));
        }
        if core.len() == 1 && core.as_bytes()[0].is_ascii_lowercase() {
            return Some((
                "lowerLetter",
                "%1)",
                u32::from(core.as_bytes()[0] - b'a' + 1),
            ));
        }
        return None;
    }
    if !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()) {
        return label.parse().ok().map(|v| ("decimal", "%1", v));
    }
    None
}

const FORMATS: [(&str, &str); 3] = [
    ("lowerLetter", "%1)"),
    ("lowerRoman", "%1)"),
    ("decimal", "%1"),
];

struct Writer {
    style: Style,
    body: String,
    footnotes: Vec<String>,
    /// Per list format: the `w:num` in use and the value it shows next.
    lists: [(u32, u32); 3],
    nums: Vec<(usize, u32)>,
    auto_notes: u32,
    bookmarks: u32,
    revision: u32,
    count: usize,
    /// Footnote ids of the export (which restart with each resolution) →
    /// unique ids in the document.
    note_ids: std::collections::BTreeMap<String, u32>,
    next_note: u32,
}

impl Writer {
    fn rev_attrs(&mut self) -> String {
        self.revision += 1;
        format!(
            r#"w:id="{}" w:author="test" w:date="2024-10-24T00:00:00Z""#,
            self.revision
        )
    }

    /// Text runs, with revisions that cancel out: inserted text inside
    /// `w:ins` and a stray deletion beside it (accepting), or the text
    /// inside `w:del` and a stray insertion (rejecting).
    fn text(&mut self, text: &str) -> String {
        let plain = runs(text, "", false);
        match self.style.revisions {
            None => plain,
            Some(accepting) => {
                self.count += 1;
                if !self.count.is_multiple_of(3) || text.is_empty() {
                    return plain;
                }
                let (kept, kept_runs, stray, stray_runs) = if accepting {
                    ("w:ins", plain, "w:del", runs("（旧文字）", "", true))
                } else {
                    (
                        "w:del",
                        runs(text, "", true),
                        "w:ins",
                        runs("（新文字）", "", false),
                    )
                };
                let a = self.rev_attrs();
                let b = self.rev_attrs();
                format!("<{kept} {a}>{kept_runs}</{kept}><{stray} {b}>{stray_runs}</{stray}>")
            }
        }
    }

    /// A whole paragraph that accepting (or rejecting) removes, mark and all.
    fn stray_paragraph(&mut self) -> String {
        let Some(accepting) = self.style.revisions else {
            return String::new();
        };
        let a = self.rev_attrs();
        let b = self.rev_attrs();
        if accepting {
            format!(
                r#"<w:p><w:pPr><w:rPr><w:del {a}/></w:rPr></w:pPr><w:del {b}>{}</w:del></w:p>"#,
                runs("（已删除的段落）", "", true)
            )
        } else {
            format!(
                r#"<w:p><w:pPr><w:rPr><w:ins {a}/></w:rPr></w:pPr><w:ins {b}>{}</w:ins></w:p>"#,
                runs("（新插入的段落）", "", false)
            )
        }
    }

    /// `w:numPr` for a label, when the list can show it.
    fn numbered(&mut self, label: &str) -> Option<String> {
        let (format, _, value) = list_of(label)?;
        let f = FORMATS.iter().position(|(n, _)| *n == format)?;
        let (num, next) = self.lists[f];
        let num = if num != 0 && next == value {
            num
        } else if value == 1 {
            self.nums.push((f, 1));
            self.nums.len() as u32
        } else {
            return None;
        };
        self.lists[f] = (num, value + 1);
        Some(format!(
            r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>"#
        ))
    }

    /// One line of the export as a paragraph.
    fn paragraph(&mut self, line: &str) -> String {
        let lower = line.trim().to_ascii_lowercase();
        if [".png", ".jpg", ".emf", ".gif"]
            .iter()
            .any(|e| lower.ends_with(e))
            && !lower.contains(' ')
        {
            return r#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="picture"/></wp:inline></w:drawing></w:r></w:p>"#.to_string();
        }
        let (line, bodies) = split_bodies(line);
        for (id, _) in &bodies {
            self.next_note += 1;
            self.note_ids.insert(id.clone(), self.next_note);
        }
        let mut ppr = String::new();
        let mut rest = line.as_str();
        let mut out = String::new();
        if let Some((label, text)) = line.split_once('\t')
            && !label.is_empty()
            && label.chars().count() <= 12
            && !label.contains(' ')
            && !label.contains('[')
        {
            if self.style.numbering
                && let Some(p) = self.numbered(label)
            {
                ppr = p;
                rest = text;
            } else {
                out.push_str(&runs(&format!("{label}\t"), "", false));
                rest = text;
            }
        }
        // Bookmarks and footnote references inside the text.
        let mut pieces = rest;
        while !pieces.is_empty() {
            let next = [pieces.find("[bookmark: "), pieces.find("[footnoteRef:")]
                .into_iter()
                .flatten()
                .min();
            let Some(at) = next else {
                out.push_str(&self.text(pieces));
                break;
            };
            out.push_str(&self.text(&pieces[..at]));
            let tail = &pieces[at..];
            let close = tail.find(']').unwrap_or(tail.len() - 1);
            if let Some(name) = tail[..close].strip_prefix("[bookmark: ") {
                self.bookmarks += 1;
                let id = self.bookmarks;
                out.push_str(&format!(
                    r#"<w:bookmarkStart w:id="{id}" w:name="{}"/><w:bookmarkEnd w:id="{id}"/>"#,
                    esc(name)
                ));
                pieces = &tail[close + 1..];
            } else {
                let text_id = &tail["[footnoteRef:".len()..close];
                let id = self.note_ids.get(text_id).copied().unwrap_or(0).to_string();
                let id = id.as_str();
                let after = &tail[close + 1..];
                let digits = after.bytes().take_while(u8::is_ascii_digit).count();
                let shown = &after[..digits];
                let body = bodies
                    .iter()
                    .find(|(i, _)| i == text_id)
                    .map(|(_, b)| b.clone());
                let auto = shown == (self.auto_notes + 1).to_string();
                let reference = if auto {
                    self.auto_notes += 1;
                    format!(
                        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
                    )
                } else {
                    format!(
                        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:customMarkFollows="1" w:id="{id}"/><w:t>{shown}</w:t></w:r>"#
                    )
                };
                out.push_str(&reference);
                if let Some(body) = body {
                    let mark = if auto {
                        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>"#
                            .to_string()
                    } else {
                        runs(shown, "", false)
                    };
                    let text = body
                        .split_once('\t')
                        .map_or(body.as_str(), |(_, t)| t)
                        .to_string();
                    let text = self.text(&text);
                    self.footnotes.push(format!(
                        r#"<w:footnote w:id="{id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>{mark}<w:r><w:tab/></w:r>{text}</w:p></w:footnote>"#
                    ));
                }
                pieces = &after[digits..];
            }
        }
        format!("<w:p>{ppr}{out}</w:p>")
    }

    fn numbering(&self) -> String {
        let mut out = String::new();
        for (i, (fmt, text)) in FORMATS.iter().enumerate() {
            out.push_str(&format!(
                r#"<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>"#
            ));
        }
        for (n, (f, start)) in self.nums.iter().enumerate() {
            out.push_str(&format!(
                r#"<w:num w:numId="{}"><w:abstractNumId w:val="{f}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#,
                n + 1
            ));
        }
        out
    }
}

/// Cut the ` [N: body]` footnote bodies off the end of a line.
fn split_bodies(line: &str) -> (String, Vec<(String, String)>) {
    let mut bodies = Vec::new();
    let mut text = line.to_string();
    loop {
        let trimmed = text.trim_end_matches(' ');
        if !trimmed.ends_with(']') {
            break;
        }
        // Find the `[N:` that opens the last bracket group.
        let mut depth = 0;
        let mut open = None;
        for (i, c) in trimmed.char_indices().rev() {
            match c {
                ']' => depth += 1,
                '[' => {
                    depth -= 1;
                    if depth == 0 {
                        open = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(open) = open else { break };
        let inner = &trimmed[open + 1..trimmed.len() - 1];
        let Some((id, body)) = inner.split_once(':') else {
            break;
        };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        bodies.push((id.to_string(), body.trim_start().to_string()));
        text = trimmed[..open].to_string();
    }
    (text, bodies)
}

/// Lay a Word text export out as `.docx` bytes.
pub fn docx_from_text(text: &str, style: Style) -> Vec<u8> {
    let mut w = Writer {
        style,
        body: String::new(),
        footnotes: Vec::new(),
        lists: [(0, 0); 3],
        nums: Vec::new(),
        auto_notes: 0,
        bookmarks: 0,
        revision: 0,
        count: 0,
        note_ids: Default::default(),
        next_note: 0,
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        // Rows of TAB-led cells, each row closed by an empty line: a table.
        let row_end = |from: usize| {
            let mut j = from;
            while j < lines.len() && lines[j].starts_with('\t') {
                j += 1;
            }
            (j > from && j < lines.len() && lines[j].is_empty()).then_some(j)
        };
        if let Some(mut end) = row_end(i) {
            let mut table = String::from(
                r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid/>"#,
            );
            let mut start = i;
            loop {
                table.push_str("<w:tr>");
                for cell in &lines[start..end] {
                    let p = w.paragraph(&cell[1..]);
                    table.push_str(&format!("<w:tc>{p}</w:tc>"));
                }
                table.push_str("</w:tr>");
                start = end + 1;
                match row_end(start) {
                    Some(e) => end = e,
                    None => break,
                }
            }
            table.push_str("</w:tbl>");
            w.body.push_str(&table);
            i = start;
            continue;
        }
        let p = w.paragraph(lines[i]);
        if i % 7 == 3 {
            let stray = w.stray_paragraph();
            w.body.push_str(&stray);
        }
        w.body.push_str(&p);
        i += 1;
    }
    let numbering = if w.nums.is_empty() {
        String::new()
    } else {
        w.numbering()
    };
    resdiff::render::docx::package::to_bytes(&Package {
        body: w.body,
        footnotes: w.footnotes,
        numbering,
        comments: Vec::new(),
        lang: "zh-CN".into(),
    })
    .expect("package")
}
