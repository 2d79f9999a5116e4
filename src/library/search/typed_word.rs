//! A word still being typed, checked in an article's text and weighed
//! there.
//!
//! The word-start index answers a typed word by its first three letters
//! only. A longer word ("elect") is looked up by those letters, which
//! narrows cheaply, and each article found is then read here for a word
//! the typed one begins, as the full-text index's tokenizer would see it:
//! runs of letters and digits, lower case, accents folded.
//!
//! When the typed word is the only one, the articles holding it are also
//! ranked here, with the formula FTS5's bm25 uses for a single term (its
//! weight across the library orders nothing when there is one term).

use std::borrow::Cow;

/// How much a match weighs in each column, as in the search's bm25 call:
/// title, body, source, notes.
const COLUMN_WEIGHTS: [f64; 4] = [10.0, 1.0, 3.0, 2.0];
/// bm25's parameters, FTS5's own.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A word being typed, folded as the index folds words.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedWord {
    folded: String,
}

/// What one column holds: words beginning with the typed word, and words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Count {
    pub matches: u32,
    pub words: u32,
}

/// The counts of an article's columns: title, body, source, notes.
pub type Counts = [Count; 4];

impl TypedWord {
    pub fn new(word: &str) -> TypedWord {
        TypedWord {
            folded: fold(word).into_owned(),
        }
    }

    /// How many words of `text` begin with the typed word, and how many
    /// words it has.
    pub fn count_in(&self, text: &str) -> Count {
        if text.is_ascii() && self.folded.is_ascii() {
            return self.count_in_ascii(text.as_bytes());
        }
        let mut count = Count::default();
        for word in words(text) {
            count.words += 1;
            if begins_with(word, &self.folded) {
                count.matches += 1;
            }
        }
        count
    }

    /// [`TypedWord::count_in`] for ASCII: word starts counted without a
    /// branch, and the typed word's first letter found with `memchr`.
    fn count_in_ascii(&self, bytes: &[u8]) -> Count {
        let mut words = 0;
        let mut in_word = false;
        for &b in bytes {
            let letter = b.is_ascii_alphanumeric();
            words += u32::from(letter && !in_word);
            in_word = letter;
        }
        let needle = self.folded.as_bytes();
        let Some(&first) = needle.first() else {
            return Count { matches: 0, words };
        };
        let starts_word = |at: usize| at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let matches = memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes)
            .filter(|&at| {
                starts_word(at)
                    && bytes.len() - at >= needle.len()
                    && bytes[at..at + needle.len()].eq_ignore_ascii_case(needle)
            })
            .count();
        Count {
            matches: matches as u32,
            words,
        }
    }
}

/// Runs of letters and digits, with the accents that follow a letter
/// (`remove_diacritics 2` folds them away). Read byte by byte where the
/// text is ASCII, which is most of it; a character is decoded only where a
/// byte says one begins.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let (in_word, width) = match bytes[at] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
                _ => {
                    let c = text[at..].chars().next().unwrap_or(' ');
                    (c.is_alphanumeric() || is_combining_mark(c), c.len_utf8())
                }
            };
            match (in_word, start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    let word = &text[from..at];
                    at += width;
                    return Some(word);
                }
                _ => {}
            }
            at += width;
        }
        start.map(|from| &text[from..])
    })
}

/// Whether any column holds the word.
pub fn holds(counts: &Counts) -> bool {
    counts.iter().any(|c| c.matches > 0)
}

/// bm25 for one term: the weighted matches, saturated, against the
/// article's length relative to the average (`average_words`).
pub fn score(counts: &Counts, average_words: f64) -> f64 {
    let weighted: f64 = counts
        .iter()
        .zip(COLUMN_WEIGHTS)
        .map(|(c, w)| f64::from(c.matches) * w)
        .sum();
    let words: f64 = counts.iter().map(|c| f64::from(c.words)).sum();
    let relative = if average_words > 0.0 {
        words / average_words
    } else {
        1.0
    };
    weighted * (K1 + 1.0) / (weighted + K1 * (1.0 - B + B * relative))
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Lower case without accents, as the index compares words.
fn fold(word: &str) -> Cow<'_, str> {
    match crate::library::snippet::fold(word) {
        Cow::Borrowed(ascii) => Cow::Owned(ascii.to_ascii_lowercase()),
        folded => folded,
    }
}

/// A letter lower case without its accents (its first, where lower case
/// makes more than one).
fn folded_letter(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let base = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd()
        .normalize_iter(std::iter::once(c))
        .next()?;
    base.to_lowercase().next()
}

fn begins_with(word: &str, folded_start: &str) -> bool {
    // Most words differ from the typed one in their first letter: that is
    // told without folding them.
    let (Some(&first), Some(&wanted)) = (word.as_bytes().first(), folded_start.as_bytes().first()) else {
        return false;
    };
    if first.is_ascii() {
        if first.to_ascii_lowercase() != wanted {
            return false;
        }
    } else if word.chars().next().and_then(folded_letter) != folded_start.chars().next() {
        return false;
    }
    if word.is_ascii() {
        word.len() >= folded_start.len()
            && word.as_bytes()[..folded_start.len()].eq_ignore_ascii_case(folded_start.as_bytes())
    } else {
        fold(word).starts_with(folded_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(title: &str, body: &str) -> Counts {
        let typed = TypedWord::new("Elec");
        [
            typed.count_in(title),
            typed.count_in(body),
            Count::default(),
            Count::default(),
        ]
    }

    #[test]
    fn words_it_begins_are_counted_whatever_their_case_and_accents() {
        let typed = TypedWord::new("elec");
        let count = typed.count_in("Élections: the ELECTORAL board, electricity, and a selection.");
        assert_eq!(count, Count { matches: 3, words: 8 });
    }

    #[test]
    fn a_word_is_cut_where_the_index_cuts_it() {
        let typed = TypedWord::new("econ");
        assert_eq!(
            typed.count_in("socio-economic").matches,
            1,
            "a hyphen ends a word"
        );
        assert_eq!(
            typed.count_in("geoeconomics").matches,
            0,
            "inside a word is not a start"
        );
        assert!(!holds(&counts("Trade", "Nothing here")));
        assert_eq!(
            typed.count_in("l'économie, ECONOMY").matches,
            2,
            "letters after an apostrophe"
        );
        assert_eq!(
            TypedWord::new("east").count_in("Ost–east").words,
            2,
            "a dash is not a letter"
        );
        let ascii = "Economy, economies and the ECONOMIST's socioeconomic econ-101 (econ)";
        assert_eq!(
            typed.count_in(ascii),
            Count {
                matches: 5,
                words: 10
            }
        );
    }

    #[test]
    fn a_title_outweighs_the_body_and_a_short_text_a_long_one() {
        let average = 100.0;
        let in_title = score(&counts("Election day", &"word ".repeat(100)), average);
        let in_body = score(
            &counts("Day", &format!("election {}", "word ".repeat(100))),
            average,
        );
        assert!(in_title > in_body, "{in_title} {in_body}");
        let short = score(
            &counts("Day", &format!("election {}", "word ".repeat(20))),
            average,
        );
        assert!(short > in_body, "{short} {in_body}");
    }
}
