//! How a language writes the things the rules look for in running text —
//! citations of resolutions, edition brackets, malformed years, annex
//! captions, edition citations inside comparison keys — as table entries,
//! and the small matchers that find them. Each form documents the regular
//! expression it reads like; its matcher finds the same leftmost matches
//! with the same captures (byte ranges), in the preference order of such an
//! expression (greedy first, alternatives left to right). The tests check
//! every matcher against its expression on the real cases and on random
//! texts.

use super::unicode::{fold_case, is_decimal, is_space, is_word};
use std::ops::Range;

mod key;
pub use key::KeyCitationForm;

/// Which characters are the digits of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    /// ASCII and full-width digits, `[0-9０-９]`.
    AsciiAndFullWidth,
    /// Decimal digits of any script, `\d`.
    Decimal,
}

impl Digits {
    fn has(self, c: char) -> bool {
        match self {
            Digits::AsciiAndFullWidth => super::punct::is_any_digit(c),
            Digits::Decimal => is_decimal(c),
        }
    }
}

/// A fixed word of a form, compared exactly or ignoring the case of its
/// ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// The word as written.
    pub text: &'static str,
    /// Whether upper and lower case are the same (`(?i:…)`).
    pub ignore_case: bool,
}

impl Word {
    /// A word compared exactly.
    pub const fn exact(text: &'static str) -> Self {
        Word {
            text,
            ignore_case: false,
        }
    }

    /// A word compared ignoring case.
    pub const fn any_case(text: &'static str) -> Self {
        Word {
            text,
            ignore_case: true,
        }
    }

    /// End of the word if `s` has it at byte `i`.
    fn at(&self, s: &str, i: usize) -> Option<usize> {
        let rest = &s[i..];
        if !self.ignore_case {
            return rest.starts_with(self.text).then_some(i + self.text.len());
        }
        let mut chars = rest.char_indices();
        for w in self.text.chars() {
            let (_, c) = chars.next()?;
            if fold_case(c) != w.to_ascii_lowercase() {
                return None;
            }
        }
        Some(i + chars.next().map_or(rest.len(), |(k, _)| k))
    }
}

/// The character at byte `i`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

/// End of the run of characters from `i` that satisfy `f`.
fn skip(s: &str, i: usize, f: impl Fn(char) -> bool) -> usize {
    s[i..].find(|c| !f(c)).map_or(s.len(), |k| i + k)
}

/// End of the run of at most `max` characters from `i` that satisfy `f`,
/// and their count.
fn skip_max(s: &str, i: usize, max: usize, f: impl Fn(char) -> bool) -> (usize, usize) {
    let mut end = i;
    let mut n = 0;
    for c in s[i..].chars() {
        if n == max || !f(c) {
            break;
        }
        end += c.len_utf8();
        n += 1;
    }
    (end, n)
}

fn skip_spaces(s: &str, i: usize) -> usize {
    skip(s, i, is_space)
}

/// End of `c` if `s` has it at `i`.
fn char_is(s: &str, i: usize, f: impl Fn(char) -> bool) -> Option<usize> {
    char_at(s, i).filter(|&c| f(c)).map(|c| i + c.len_utf8())
}

/// Every match of `at` (the match starting at a byte, if any) in `s`, left
/// to right, not overlapping; only characters that satisfy `starts` can
/// start one. A failed attempt may name where the next one can start (no
/// match can start before it).
fn find_all<T>(
    s: &str,
    starts: impl Fn(char) -> bool,
    at: impl Fn(&str, usize) -> Result<(Range<usize>, T), usize>,
) -> impl Iterator<Item = (Range<usize>, T)> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < s.len() {
            i += s[i..].find(&starts)?;
            match at(s, i) {
                Ok((range, t)) => {
                    // No form matches the empty string.
                    i = range.end.max(i + 1);
                    return Some((range, t));
                }
                Err(next) => {
                    let c = char_at(s, i).map_or(1, char::len_utf8);
                    i = next.max(i + c);
                }
            }
        }
        None
    })
}

/// How a citation of resolutions is written: `第2号、第5号决议（2024年，新德里）`,
/// `Resolutions 2 and 5 (New Delhi, 2024)`. As a regular expression, with
/// the parts in square brackets present only when the table gives them:
/// `[\b]W(?:P)?\s*(N)[\s*A]((?:\s*J\s*[F\s*]N[\s*A])*)[\s*C](?:[\s*]O([^OC]*)C)?`
/// — `W` the word (`\s+` after it when it stands alone), `P` its plural
/// ending, `N` a number, `A` what follows each number, `J` a joiner, `F`
/// what goes before each further number, `C` the closing word and `O…C`
/// the edition bracket.
#[derive(Debug)]
pub struct CitationForm {
    /// The word that opens a citation (`第`, `Resolution`).
    pub word: Word,
    /// Its plural ending (`s`), if any.
    pub plural: Option<Word>,
    /// Whether the word stands alone: a word boundary before it and at
    /// least one space after it (`\b…\s+` rather than `…\s*`).
    pub standalone: bool,
    /// Digits of the numbers.
    pub digits: Digits,
    /// What follows every number (`号`), spaces allowed before it.
    pub after_number: &'static str,
    /// Words that join numbers (`、`, `and`); none is the start of another.
    pub joiners: &'static [&'static str],
    /// What goes before every further number (`第`), spaces allowed around.
    /// Either empty or the opening word itself.
    pub before_further: &'static str,
    /// The word after the last number (`决议`), spaces allowed before it.
    pub closing: &'static str,
    /// The brackets of an edition after the citation (`（…）`).
    pub edition_brackets: (char, char),
    /// Whether spaces may go before the edition bracket.
    pub space_before_edition: bool,
}

/// A citation found in a text: byte ranges of the whole, of its first
/// number, of the further numbers with their joiners (empty when there are
/// none) and of the inside of its edition bracket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationMatch {
    /// The whole citation.
    pub range: Range<usize>,
    /// The first number.
    pub first: Range<usize>,
    /// The further numbers, with what joins them.
    pub further: Range<usize>,
    /// The inside of the edition bracket, if there is one.
    pub edition: Option<Range<usize>>,
}

impl CitationForm {
    /// Every citation of `s`, left to right.
    pub fn find_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = CitationMatch> + 's {
        let first = self.word.text.chars().next().map(fold_case);
        let starts = move |c: char| Some(fold_case(c)) == first;
        find_all(s, starts, move |s, i| self.at(s, i)).map(|(_, m)| m)
    }

    /// One number with what follows it (`N[\s*A]`), from `i`: its range
    /// and where it ends.
    fn number(&self, s: &str, i: usize) -> Option<(Range<usize>, usize)> {
        let end = skip(s, i, |c| self.digits.has(c));
        if end == i {
            return None;
        }
        let after = if self.after_number.is_empty() {
            end
        } else {
            Word::exact(self.after_number).at(s, skip_spaces(s, end))?
        };
        Some((i..end, after))
    }

    /// One further number with its joiner (`\s*J\s*[F\s*]N[\s*A]`), from
    /// `i`: where it ends.
    fn further(&self, s: &str, i: usize) -> Option<usize> {
        let i = skip_spaces(s, i);
        self.joiners.iter().find_map(|j| {
            let mut k = skip_spaces(s, Word::exact(j).at(s, i)?);
            if !self.before_further.is_empty() {
                k = skip_spaces(s, Word::exact(self.before_further).at(s, k)?);
            }
            Some(self.number(s, k)?.1)
        })
    }

    /// The citation starting at `i`; on failure after a list of numbers,
    /// where the next attempt may start.
    fn at(&self, s: &str, i: usize) -> Result<(Range<usize>, CitationMatch), usize> {
        let fail = Err(i);
        if self.standalone
            && let Some(c) = char_at(s, i)
            && s[..i].chars().next_back().is_some_and(is_word) == is_word(c)
        {
            return fail;
        }
        let Some(mut k) = self.word.at(s, i) else {
            return fail;
        };
        // A plural ending is no space or digit: taken when present.
        if let Some(p) = self.plural.and_then(|p| p.at(s, k)) {
            k = p;
        }
        let spaced = skip_spaces(s, k);
        if self.standalone && spaced == k {
            return fail;
        }
        let Some((first, mut k)) = self.number(s, spaced) else {
            return fail;
        };
        let further_start = k;
        while let Some(next) = self.further(s, k) {
            k = next;
        }
        let further = further_start..k;
        if !self.closing.is_empty() {
            match Word::exact(self.closing).at(s, skip_spaces(s, k)) {
                Some(end) => k = end,
                // Any attempt from inside the list reads the same list and
                // fails here too: the opening word appears in it only as
                // the word before a further number.
                None => return Err(k),
            }
        }
        let (open, close) = self.edition_brackets;
        let bracket = if self.space_before_edition {
            skip_spaces(s, k)
        } else {
            k
        };
        let mut edition = None;
        if let Some(inside) = char_is(s, bracket, |c| c == open) {
            let end = skip(s, inside, |c| c != open && c != close);
            if let Some(after) = char_is(s, end, |c| c == close) {
                edition = Some(inside..end);
                k = after;
            }
        }
        let m = CitationMatch {
            range: i..k,
            first,
            further,
            edition,
        };
        Ok((i..k, m))
    }
}

/// How an edition is written in brackets in running text.
#[derive(Debug)]
pub enum EditionForm {
    /// Year first: `（2024年，新德里，修订版）`, as a regular expression
    /// `O(Q?D{min,}Y?Q?[,…][^OC]*)C` — `O…C` the brackets, `Q` the square
    /// brackets of an uncertain year, `D` a digit, `Y` the year suffix.
    YearFirst {
        /// Round brackets around the edition.
        brackets: (char, char),
        /// Square brackets around an uncertain year.
        square: (char, char),
        /// Digits of the year.
        digits: Digits,
        /// Fewest digits of a year.
        min_digits: usize,
        /// Year suffix (`年`), optional.
        year_suffix: &'static str,
        /// Commas after the year.
        commas: &'static [char],
    },
    /// Place first: `(Rev. Dubai, 2018)`, as a regular expression
    /// `O((?:R\s*)?[^OC\d]{place}[,…]\s*Q?\d{min,}Q?)C` — `R` the revision
    /// mark.
    PlaceFirst {
        /// Round brackets around the edition.
        brackets: (char, char),
        /// Square brackets around an uncertain year.
        square: (char, char),
        /// Revision mark before the place (`Rev.`), optional.
        revised: Word,
        /// Fewest and most characters of the place.
        place: (usize, usize),
        /// Comma between place and year.
        comma: char,
        /// Fewest digits of a year.
        min_digits: usize,
    },
}

/// An edition bracket found in a text: byte ranges of the whole and of its
/// inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionMatch {
    /// The whole bracket.
    pub range: Range<usize>,
    /// Its inside.
    pub inside: Range<usize>,
}

impl EditionForm {
    /// Every edition bracket of `s`, left to right.
    pub fn find_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = EditionMatch> + 's {
        let open = match self {
            EditionForm::YearFirst { brackets, .. } | EditionForm::PlaceFirst { brackets, .. } => {
                brackets.0
            }
        };
        find_all(s, move |c| c == open, move |s, i| self.at(s, i).ok_or(i)).map(|(_, m)| m)
    }

    /// The bracket starting at `i`.
    fn at(&self, s: &str, i: usize) -> Option<(Range<usize>, EditionMatch)> {
        let (open, close) = match self {
            EditionForm::YearFirst { brackets, .. } | EditionForm::PlaceFirst { brackets, .. } => {
                *brackets
            }
        };
        let inside = char_is(s, i, |c| c == open)?;
        let end = match self {
            EditionForm::YearFirst {
                square,
                digits,
                min_digits,
                year_suffix,
                commas,
                ..
            } => {
                let mut k = char_is(s, inside, |c| c == square.0).unwrap_or(inside);
                let (after, n) = skip_max(s, k, usize::MAX, |c| digits.has(c));
                if n < *min_digits {
                    return None;
                }
                k = Word::exact(year_suffix).at(s, after).unwrap_or(after);
                k = char_is(s, k, |c| c == square.1).unwrap_or(k);
                k = char_is(s, k, |c| commas.contains(&c))?;
                skip(s, k, |c| c != open && c != close)
            }
            EditionForm::PlaceFirst {
                square,
                revised,
                place,
                comma,
                min_digits,
                ..
            } => {
                // The year after a comma at `k`: where it ends.
                let year = |k: usize| {
                    let k = skip_spaces(s, char_is(s, k, |c| c == *comma)?);
                    let k = char_is(s, k, |c| c == square.0).unwrap_or(k);
                    let (after, n) = skip_max(s, k, usize::MAX, is_decimal);
                    (n >= *min_digits).then_some(())?;
                    let k = char_is(s, after, |c| c == square.1).unwrap_or(after);
                    char_is(s, k, |c| c == close).map(|_| k)
                };
                let in_place = |c: char| c != open && c != close && !is_decimal(c);
                // The longest place, up to its limit, that a comma and a
                // year follow.
                let place_from = |start: usize| {
                    let mut ends: Vec<usize> = Vec::new();
                    for (n, (k, c)) in s[start..].char_indices().enumerate() {
                        if n > place.1 || !in_place(c) {
                            break;
                        }
                        if n >= place.0 && c == *comma {
                            ends.push(start + k);
                        }
                    }
                    ends.into_iter().rev().find_map(year)
                };
                let mut starts: Vec<usize> = Vec::new();
                if let Some(after) = revised.at(s, inside) {
                    // Spaces after the mark are the mark's, or the place's
                    // when the place needs them.
                    let spaces = skip_spaces(s, after);
                    let mut k = spaces;
                    loop {
                        starts.push(k);
                        if k == after {
                            break;
                        }
                        k -= s[..k].chars().next_back().map_or(1, char::len_utf8);
                    }
                }
                starts.push(inside);
                starts.into_iter().find_map(place_from)?
            }
        };
        let after = char_is(s, end, |c| c == close)?;
        Some((
            i..after,
            EditionMatch {
                range: i..after,
                inside: inside..end,
            },
        ))
    }
}

/// Whether a word boundary lies at byte `k`: a word character on one side
/// only.
fn boundary(s: &str, k: usize) -> bool {
    let before = s[..k].chars().next_back().is_some_and(is_word);
    let after = char_at(s, k).is_some_and(is_word);
    before != after
}

/// How a year with too many digits shows in running text.
#[derive(Debug)]
pub enum LongYearForm {
    /// A run of at least `min` digits with the year suffix: `20204年`
    /// (`D{min,}Y`).
    Suffixed {
        /// Digits of the year.
        digits: Digits,
        /// Fewest digits that make the year too long.
        min: usize,
        /// Year suffix (`年`).
        suffix: &'static str,
    },
    /// A number of its own, `lead` and `rest` decimal digits: `20204`
    /// (`\bL\d{rest}\b`).
    Standalone {
        /// Its first digits (`20`).
        lead: &'static str,
        /// How many digits follow them.
        rest: usize,
    },
}

impl LongYearForm {
    /// Every long year of `s`, left to right.
    pub fn find_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = Range<usize>> + 's {
        let first = match self {
            LongYearForm::Suffixed { .. } => None,
            LongYearForm::Standalone { lead, .. } => lead.chars().next(),
        };
        let starts = move |c: char| match (self, first) {
            (LongYearForm::Suffixed { digits, .. }, _) => digits.has(c),
            (LongYearForm::Standalone { .. }, first) => Some(c) == first,
        };
        find_all(s, starts, move |s, i| self.at(s, i)).map(|(r, ())| r)
    }

    fn at(&self, s: &str, i: usize) -> Result<(Range<usize>, ()), usize> {
        match self {
            LongYearForm::Suffixed {
                digits,
                min,
                suffix,
            } => {
                let (end, n) = skip_max(s, i, usize::MAX, |c| digits.has(c));
                // Later starts in the run have fewer digits and the same
                // end: they fail as this one does.
                let after = Word::exact(suffix).at(s, end).filter(|_| n >= *min);
                after.map(|a| (i..a, ())).ok_or(end)
            }
            LongYearForm::Standalone { lead, rest } => {
                let fail = Err(i);
                if !boundary(s, i) {
                    return fail;
                }
                let Some(k) = Word::exact(lead).at(s, i) else {
                    return fail;
                };
                let (end, n) = skip_max(s, k, *rest, is_decimal);
                if n < *rest || !boundary(s, end) {
                    return fail;
                }
                Ok((i..end, ()))
            }
        }
    }
}

/// Where the resolution id of an annex caption ends.
#[derive(Debug)]
pub enum IdEnd {
    /// At a suffix before the edition bracket (`号决议`); the id is any
    /// run without brackets.
    Suffix(&'static str),
    /// At a space or the edition bracket; the id has no spaces.
    Space,
}

/// How an annex caption names its resolution, the whole paragraph:
/// `（第2号决议（2024年，新德里））`, `(to Resolution 2 (New Delhi, 2024))`. As
/// a regular expression `^OL([^OC]+)S O([^OC]*)C[…]$` — `O…C` the
/// brackets, `L` the lead, `S` the end of the id ([`IdEnd`]), `[…]` the
/// closing brackets.
#[derive(Debug)]
pub struct CaptionForm {
    /// Round brackets, outside and around the edition.
    pub brackets: (char, char),
    /// What goes before the id (`第`, `to Resolution `).
    pub lead: Word,
    /// Where the id ends.
    pub id_end: IdEnd,
    /// Brackets that may close the caption.
    pub closers: &'static [char],
}

/// An annex caption: byte ranges of the resolution id and of the edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionMatch {
    /// The resolution id.
    pub id: Range<usize>,
    /// The inside of the edition bracket.
    pub edition: Range<usize>,
}

impl CaptionForm {
    /// The caption that `s` is, whole, if it is one.
    pub fn captures(&self, s: &str) -> Option<CaptionMatch> {
        let (open, close) = self.brackets;
        let plain = |c: char| c != open && c != close;
        let k = self.lead.at(s, char_is(s, 0, |c| c == open)?)?;
        let (id, k) = match self.id_end {
            IdEnd::Suffix(suffix) => {
                let q = skip(s, k, plain);
                let end = q.checked_sub(suffix.len()).filter(|&e| e > k)?;
                s[..q].ends_with(suffix).then_some((k..end, q))?
            }
            IdEnd::Space => {
                let end = skip(s, k, |c| plain(c) && !is_space(c));
                (end > k).then_some((k..end, skip_spaces(s, end)))?
            }
        };
        let inside = char_is(s, k, |c| c == open)?;
        let end = skip(s, inside, plain);
        let k = char_is(s, end, |c| c == close)?;
        let k = char_is(s, k, |c| self.closers.contains(&c))?;
        (k == s.len()).then_some(CaptionMatch {
            id,
            edition: inside..end,
        })
    }

    /// Whether `s` is an annex caption, whole.
    pub fn is_match(&self, s: &str) -> bool {
        self.captures(s).is_some()
    }
}

/// The forms of a language, one per thing the rules look for.
#[derive(Debug)]
pub struct Forms {
    /// Citations of resolutions.
    pub citation: CitationForm,
    /// Edition brackets in running text.
    pub edition: EditionForm,
    /// Years with too many digits.
    pub long_year: LongYearForm,
    /// Annex captions.
    pub annex_caption: CaptionForm,
    /// Edition citations in comparison keys.
    pub key_citation: KeyCitationForm,
}

#[cfg(test)]
mod tests;
