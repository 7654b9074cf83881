//! Punctuation and bracket facts shared by every language table: full-width
//! (CJK) and ASCII forms side by side, so that code outside the language
//! module can ask "does this end a clause?" without spelling either script.

/// Characters that end a clause or sentence and so cannot end a heading.
pub const CLAUSE_END: &[char] = &['；', '。', '：', ';', ':', '.'];

/// Characters after which a paragraph is closed, so that a label-like start
/// of the next one really opens a new item.
pub const CLOSING: &[char] = &[
    '；', '。', '，', '：', ';', ':', ',', '.', '!', '?', '！', '？', '）', ')',
];

/// Closing punctuation a footnote reference goes before, and that a title
/// never ends with.
pub const FINAL: &[char] = &['；', '。', '，', '：', ';', '.', ',', ':'];

/// Punctuation a quotation may change at its end (a clause ending in `；`
/// in a list is quoted alone ending in `。`).
pub const QUOTE_END: &[char] = &['。', '；', '，', '、', '：', '.', ';', ',', ':'];

/// Ends of a sentence or list item.
pub const SENTENCE_END: &[char] = &['；', '。', ';'];

/// Full stop of CJK text.
pub const FULL_STOP: char = '。';

/// Enumeration commas: an item of a list follows, so a line ending with
/// one never ends a paragraph.
pub const ENUMERATION_COMMAS: &[char] = &['、'];

/// Marks that open a list item (dashes and bullets): a typesetter does not
/// start a line with one inside a paragraph.
pub const LIST_MARKS: &[char] = &['–', '−', '—', '-', '•', '·'];

/// Commas.
pub const COMMAS: &[char] = &['，', ','];

/// Semicolons.
pub const SEMICOLONS: &[char] = &['；', ';'];

/// Colons.
pub const COLONS: &[char] = &['：', ':'];

/// Opening round brackets.
pub const OPEN_PARENS: &[char] = &['（', '('];

/// Closing round brackets.
pub const CLOSE_PARENS: &[char] = &['）', ')'];

/// Marks that close something (a bracket, a quotation, an enumeration
/// item) and so never open a paragraph.
pub const NEVER_OPENING: &[char] = &['）', ')', '”', '’', '、', '］', ']', '】'];

/// Full-width round brackets.
pub const FULL_PARENS: (char, char) = ('（', '）');

/// Square brackets, ASCII and full-width.
pub const SQUARE_BRACKETS: &[char] = &['[', ']', '［', '］'];

/// Opening square brackets, ASCII and full-width.
pub const OPEN_SQUARE: &[char] = &['[', '［'];

/// Closing square brackets, ASCII and full-width.
pub const CLOSE_SQUARE: &[char] = &[']', '］'];

/// Characters that end a citation's phrase.
pub const PHRASE_BREAKS: &[char] = &['，', '；', '。', ',', ';'];

/// Brackets that open a drafting placeholder: ASCII, full-width or
/// lenticular.
pub const PLACEHOLDER_OPEN: &[char] = &['[', '［', '【'];

/// Brackets that close a drafting placeholder.
pub const PLACEHOLDER_CLOSE: &[char] = &[']', '］', '】'];

/// Punctuation folded to ASCII in comparison keys (beyond the full-width
/// forms block, which folds by offset).
pub const KEY_FOLDS: &[(char, char)] = &[
    ('、', ','),
    ('。', '.'),
    ('“', '"'),
    ('”', '"'),
    ('‘', '\''),
    ('’', '\''),
    ('–', '-'),
    ('−', '-'),
    ('—', '-'),
];

/// Whether `c` is a full-width digit (`２`).
pub fn is_fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// Whether `c` is an ASCII or full-width digit.
pub fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || is_fullwidth_digit(c)
}

/// Symbols a custom footnote mark is made of (`*`, `**`, `†`).
pub const FOOTNOTE_SYMBOLS: &[char] = &['*', '†', '‡', '§', '¶', '#', '‖'];

/// Latin suffix of an inserted item, in every language (`b)bis`, `1bis`,
/// `Section 1bis`).
pub const BIS: &str = "bis";
