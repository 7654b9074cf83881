//! Automatic paragraph numbering (`word/numbering.xml`, and numbering
//! attached to paragraph styles in `word/styles.xml`): the label Word shows
//! in front of a numbered paragraph, with restarts and levels.

use super::xml::{Reader, attr, end_local, local};
use quick_xml::events::Event;
use std::collections::BTreeMap;

/// One level of an abstract numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    suffix: String,
    legal: bool,
}

/// The numbering a paragraph style carries: `numId`, level, and the style
/// it is based on (which may carry it instead).
type StyleNumbering = (Option<String>, Option<usize>, Option<String>);

/// A concrete numbering (`w:num`): its abstract definition and the levels
/// whose start it overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    overrides: BTreeMap<usize, u32>,
}

/// Numbering definitions and the counters of the lists met so far.
#[derive(Debug, Clone, Default)]
pub(super) struct Numbering {
    abstracts: BTreeMap<String, Vec<Level>>,
    nums: BTreeMap<String, Num>,
    /// Numbering of paragraph styles, by style id.
    styles: BTreeMap<String, StyleNumbering>,
    counters: BTreeMap<String, [Option<u32>; 9]>,
    /// `w:num`s whose start overrides were applied (at their first use).
    overridden: BTreeMap<String, bool>,
}

impl Numbering {
    /// Read `numbering.xml` (and `styles.xml` for style numbering); missing
    /// parts give no numbering.
    pub(super) fn read(numbering: Option<&str>, styles: Option<&str>) -> Result<Self, String> {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml)?;
        }
        if let Some(xml) = styles {
            n.read_styles(xml)?;
        }
        Ok(n)
    }

    fn read_numbering(&mut self, xml: &str) -> Result<(), String> {
        let mut r = Reader::new(xml);
        let mut abs: Option<(String, Vec<Level>)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<usize> = None;
        while let Some(ev) = r.next()? {
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = r.was_empty();
                    match local(&e) {
                        b"abstractNum" => {
                            abs = Some((attr(&e, b"abstractNumId").unwrap_or_default(), vec![]))
                        }
                        b"lvl" if abs.is_some() => {
                            let i = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            level = Some((
                                i,
                                Level {
                                    start: 1,
                                    format: "decimal".into(),
                                    suffix: "tab".into(),
                                    ..Level::default()
                                },
                            ));
                            if empty {
                                push_level(&mut abs, level.take());
                            }
                        }
                        b"start" => {
                            let v = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                            if let Some((_, l)) = level.as_mut() {
                                l.start = v;
                            }
                        }
                        b"numFmt" => {
                            if let Some((_, l)) = level.as_mut() {
                                l.format = attr(&e, b"val").unwrap_or_default();
                            }
                        }
                        b"lvlText" => {
                            if let Some((_, l)) = level.as_mut() {
                                l.text = attr(&e, b"val").unwrap_or_default();
                            }
                        }
                        b"suff" => {
                            if let Some((_, l)) = level.as_mut() {
                                l.suffix = attr(&e, b"val").unwrap_or_default();
                            }
                        }
                        b"isLgl" => {
                            if let Some((_, l)) = level.as_mut() {
                                l.legal = attr(&e, b"val").is_none_or(|v| v != "0" && v != "false");
                            }
                        }
                        b"num" => {
                            num = Some((attr(&e, b"numId").unwrap_or_default(), Num::default()))
                        }
                        b"abstractNumId" => {
                            if let Some((_, n)) = num.as_mut() {
                                n.abstract_id = attr(&e, b"val").unwrap_or_default();
                            }
                        }
                        b"lvlOverride" => {
                            override_level = attr(&e, b"ilvl").and_then(|v| v.parse().ok())
                        }
                        b"startOverride" => {
                            if let (Some((_, n)), Some(i)) = (num.as_mut(), override_level) {
                                let v = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                                n.overrides.insert(i, v);
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match end_local(&e) {
                    b"lvl" => push_level(&mut abs, level.take()),
                    b"abstractNum" => {
                        if let Some((id, levels)) = abs.take() {
                            self.abstracts.insert(id, levels);
                        }
                    }
                    b"num" => {
                        if let Some((id, n)) = num.take() {
                            self.nums.insert(id, n);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(())
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), String> {
        let mut r = Reader::new(xml);
        let mut style: Option<(String, StyleNumbering)> = None;
        while let Some(ev) = r.next()? {
            match ev {
                Event::Start(e) | Event::Empty(e) => match local(&e) {
                    b"style" => {
                        style = Some((attr(&e, b"styleId").unwrap_or_default(), (None, None, None)))
                    }
                    b"numId" => {
                        if let Some(s) = style.as_mut() {
                            s.1.0 = attr(&e, b"val");
                        }
                    }
                    b"ilvl" => {
                        if let Some(s) = style.as_mut() {
                            s.1.1 = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"basedOn" => {
                        if let Some(s) = style.as_mut() {
                            s.1.2 = attr(&e, b"val");
                        }
                    }
                    _ => {}
                },
                Event::End(e) if end_local(&e) == b"style" => {
                    if let Some((id, numbering)) = style.take() {
                        self.styles.insert(id, numbering);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The numbering a paragraph style gives (following `basedOn`).
    pub(super) fn style_numbering(&self, style: &str) -> Option<(String, usize)> {
        let mut id = style.to_string();
        for _ in 0..16 {
            let (num, lvl, based) = self.styles.get(&id)?;
            if let Some(num) = num {
                return Some((num.clone(), lvl.unwrap_or(0)));
            }
            id = based.clone()?;
        }
        None
    }

    /// The label of the next paragraph numbered `num_id` at level `ilvl`,
    /// with what follows it (TAB, space or nothing); advances the counters.
    pub(super) fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let ilvl = ilvl.min(8);
        let num = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&num.abstract_id)?.clone();
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        if !self.overridden.get(num_id).copied().unwrap_or(false) {
            self.overridden.insert(num_id.to_string(), true);
            for (&l, &start) in &num.overrides {
                if let Some(c) = counters.get_mut(l) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        let start_of = |l: usize| levels.get(l).map_or(1, |v| v.start);
        let c = &mut counters[ilvl];
        *c = Some(c.map_or(start_of(ilvl), |v| v + 1));
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let level = levels.get(ilvl)?;
        let legal = level.legal;
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let l = (d as usize).saturating_sub(1).min(8);
                let value = counters[l].unwrap_or_else(|| start_of(l));
                let format = match levels.get(l) {
                    Some(_) if legal && l < ilvl => "decimal",
                    Some(v) => v.format.as_str(),
                    None => "decimal",
                };
                label.push_str(&format_number(value, format));
            } else if level.format == "bullet" {
                label.push(bullet(ch));
            } else {
                label.push(ch);
            }
        }
        if level.format == "none" && label.is_empty() {
            return None;
        }
        match level.suffix.as_str() {
            "space" => label.push(' '),
            "nothing" => {}
            _ => label.push('\t'),
        }
        Some(label)
    }
}

fn push_level(abs: &mut Option<(String, Vec<Level>)>, level: Option<(usize, Level)>) {
    if let (Some((_, levels)), Some((i, l))) = (abs.as_mut(), level)
        && i < 9
    {
        if levels.len() <= i {
            levels.resize(i + 1, Level::default());
        }
        levels[i] = l;
    }
}

/// Bullets drawn from a symbol font are private-use characters: show the
/// bullet Word draws.
fn bullet(ch: char) -> char {
    match ch as u32 {
        0xF0B7 | 0xF0A7 | 0xF06C | 0xF0FC | 0xF0D8 | 0xF076 => '•',
        0xF02D => '–',
        0xE000..=0xF8FF => '•',
        _ => ch,
    }
}

/// `value` in a Word number format.
pub(super) fn format_number(value: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(value).to_lowercase(),
        "upperLetter" => letters(value),
        "lowerRoman" => roman(value).to_lowercase(),
        "upperRoman" => roman(value),
        "decimalZero" if value < 10 => format!("0{value}"),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => crate::lang::cjk_counting(value),
        "ideographDigital" | "chineseLegalSimplified" => value
            .to_string()
            .chars()
            .map(|d| crate::lang::CJK_DIGITS[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "none" => String::new(),
        _ => value.to_string(),
    }
}

/// Word's letters: a … z, then aa … zz, aaa …
fn letters(value: u32) -> String {
    if value == 0 {
        return String::new();
    }
    let letter = (b'A' + ((value - 1) % 26) as u8) as char;
    std::iter::repeat_n(letter, (value as usize - 1) / 26 + 1).collect()
}

fn roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while value >= n {
            out.push_str(s);
            value -= n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(1, "lowerLetter"), "a");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        let zh = |s: &[usize]| -> String {
            s.iter()
                .map(|&i| crate::lang::ZH.cjk_numerals[i - 1])
                .collect()
        };
        assert_eq!(format_number(12, "chineseCounting"), zh(&[10, 2]));
        assert_eq!(format_number(30, "chineseCounting"), zh(&[3, 10]));
        assert_eq!(format_number(47, "chineseCounting"), zh(&[4, 10, 7]));
        assert_eq!(format_number(7, "decimal"), "7");
    }

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2)"/><w:suff w:val="space"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn levels_restarts_and_overrides() {
        let mut n = Numbering::read(Some(XML), None).unwrap();
        let mut next = |id: &str, l: usize| n.next_label(id, l).unwrap();
        assert_eq!(next("1", 0), "a)\t");
        assert_eq!(next("1", 1), "i) ");
        assert_eq!(next("1", 1), "ii) ");
        assert_eq!(next("1", 0), "b)\t");
        assert_eq!(
            next("1", 1),
            "i) ",
            "a deeper level restarts under a new parent"
        );
        assert_eq!(next("2", 0), "a)\t", "a start override restarts the list");
        assert_eq!(next("2", 0), "b)\t");
        assert_eq!(next("3", 0), "1\t");
        assert_eq!(next("3", 1), "1.1\t");
        assert_eq!(next("3", 0), "2\t");
        assert_eq!(n.next_label("9", 0), None);
    }
}
