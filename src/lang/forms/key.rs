//! Edition citations inside comparison keys: the [`KeyCitationForm`] of a
//! language and its matcher.

use super::{Word, char_is, find_all, skip_max};
use crate::lang::unicode::is_decimal;
use std::ops::Range;

/// Brackets, comma and full stop of a comparison key (its punctuation is
/// folded to ASCII).
const KEY_OPEN: char = '(';
const KEY_CLOSE: char = ')';
const KEY_SQUARE: (char, char) = ('[', ']');
const KEY_COMMA: char = ',';
const KEY_DOT: char = '.';

/// A character of a place inside a comparison key: no bracket or comma.
fn key_place(c: char) -> bool {
    !matches!(c, KEY_OPEN | KEY_CLOSE | KEY_COMMA) && c != KEY_SQUARE.0 && c != KEY_SQUARE.1
}

/// How an edition citation shows in a comparison key (no spaces, widths
/// folded, so `,()[]` are ASCII). It must end with a closing bracket so
/// that a year and place in running text is not taken for one.
#[derive(Debug)]
pub enum KeyCitationForm {
    /// Year first: `2022年,日内瓦,修订版)`, `[2022年,日内瓦],修订版)`; as a
    /// regular expression `\[?\d{y}Y,[^,()\[\]]{1,place}?\]?(?:R)?[)\]]` —
    /// the place as short as it can be.
    YearFirst {
        /// Fewest and most digits of the year.
        year_digits: (usize, usize),
        /// Year suffix (`年`).
        year_suffix: &'static str,
        /// Most characters of the place.
        place_max: usize,
        /// Revision mark after the place (`,修订版`), optional.
        revised: &'static str,
    },
    /// Place first: `(Rev.Dubai,2018)`; as a regular expression
    /// `\((?:R)?\.?\[?[^(),\[\]]{place},\d{y}\]?\)`.
    PlaceFirst {
        /// Revision mark before the place (`Rev`), optional.
        revised: Word,
        /// Fewest and most characters of the place.
        place: (usize, usize),
        /// Fewest and most digits of the year.
        year_digits: (usize, usize),
    },
}

impl KeyCitationForm {
    /// Every edition citation of the comparison key `s`, left to right.
    pub fn find_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = Range<usize>> + 's {
        let starts = move |c: char| match self {
            KeyCitationForm::YearFirst { .. } => c == KEY_SQUARE.0 || is_decimal(c),
            KeyCitationForm::PlaceFirst { .. } => c == KEY_OPEN,
        };
        find_all(s, starts, move |s, i| {
            self.at(s, i).map(|r| (r, ())).ok_or(i)
        })
        .map(|(r, ())| r)
    }

    /// End of a year of `digits` decimal digits from `k`.
    fn year(s: &str, k: usize, digits: (usize, usize)) -> Option<usize> {
        let (end, n) = skip_max(s, k, digits.1 + 1, is_decimal);
        (digits.0..=digits.1).contains(&n).then_some(end)
    }

    fn at(&self, s: &str, i: usize) -> Option<Range<usize>> {
        let closer = |c: char| c == KEY_CLOSE || c == KEY_SQUARE.1;
        match self {
            KeyCitationForm::YearFirst {
                year_digits,
                year_suffix,
                place_max,
                revised,
            } => {
                let k = char_is(s, i, |c| c == KEY_SQUARE.0).unwrap_or(i);
                let k = Self::year(s, k, *year_digits)?;
                let k = Word::exact(year_suffix).at(s, k)?;
                let mut q = char_is(s, k, |c| c == KEY_COMMA)?;
                let revised = Word::exact(revised);
                // What may follow the place from `q`: a square bracket, the
                // revision mark, a closing bracket — each taken if it can be.
                let rest = |q: usize| {
                    if let Some(q) = char_is(s, q, |c| c == KEY_SQUARE.1) {
                        let end = revised.at(s, q).and_then(|r| char_is(s, r, closer));
                        if let Some(end) = end.or_else(|| char_is(s, q, closer)) {
                            return Some(end);
                        }
                    }
                    let end = revised.at(s, q).and_then(|r| char_is(s, r, closer));
                    end.or_else(|| char_is(s, q, closer))
                };
                for _ in 0..*place_max {
                    q = char_is(s, q, key_place)?;
                    if let Some(end) = rest(q) {
                        return Some(i..end);
                    }
                }
                None
            }
            KeyCitationForm::PlaceFirst {
                revised,
                place,
                year_digits,
            } => {
                let open = char_is(s, i, |c| c == KEY_OPEN)?;
                // Each optional part taken if it can be, in order; the end
                // is the same whichever leave the place long enough.
                for k in optional(revised.at(s, open), open) {
                    for k in optional(char_is(s, k, |c| c == KEY_DOT), k) {
                        for k in optional(char_is(s, k, |c| c == KEY_SQUARE.0), k) {
                            let (end, n) = skip_max(s, k, place.1 + 1, key_place);
                            if !(place.0..=place.1).contains(&n) {
                                continue;
                            }
                            let Some(k) = char_is(s, end, |c| c == KEY_COMMA) else {
                                continue;
                            };
                            let Some(k) = Self::year(s, k, *year_digits) else {
                                continue;
                            };
                            let k = char_is(s, k, |c| c == KEY_SQUARE.1).unwrap_or(k);
                            if let Some(end) = char_is(s, k, |c| c == KEY_CLOSE) {
                                return Some(i..end);
                            }
                        }
                    }
                }
                None
            }
        }
    }
}

/// The positions after an optional part: after it when it is there (`taken`),
/// then without it (`at`).
fn optional(taken: Option<usize>, at: usize) -> impl Iterator<Item = usize> {
    taken.into_iter().chain(std::iter::once(at))
}
