//! What the search box needs while a word is still being typed: for each
//! article, the distinct starts (first one, two and three letters) of its
//! words. Schema step 7 indexes these as plain words, so "pr" is found as
//! the word `pr`, not by expanding every word that begins with it.
//!
//! FTS5 can keep such an index itself (`prefix = '1 2 3'`), but it then
//! indexes every word and, for each occurrence, its three starts: two
//! fifths of the cost of importing an article. An article's distinct
//! starts are a few hundred short words, written once each.
//!
//! The index is filled by triggers through the SQL function registered
//! here, so every connection that writes articles, notes or highlight
//! comments must call [`register`] first (`Library::open` does).

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use std::collections::BTreeSet;

/// The SQL name of [`word_starts`], taking any number of text arguments
/// (NULLs are skipped).
pub const FUNCTION: &str = "folio_word_starts";

/// The longest start kept, in letters; longer prefixes are few enough
/// words for the main index to expand (see `query::SHORT_PREFIX_CHARS`).
pub const LONGEST: usize = 3;

pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        FUNCTION,
        -1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let mut starts = WordStarts::default();
            for i in 0..ctx.len() {
                if let Some(text) = ctx.get::<Option<String>>(i)? {
                    starts.add_text(&text);
                }
            }
            Ok(starts.joined())
        },
    )
}

/// The distinct starts of the words in `texts`, space separated.
pub fn word_starts<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut starts = WordStarts::default();
    for text in texts {
        starts.add_text(text);
    }
    starts.joined()
}

/// ASCII letters and digits, numbered from 1 so that 0 can mean "no letter".
const SYMBOLS: usize = 37;

/// The starts seen so far. Almost every start in a Latin-script article is
/// ASCII: those are bits in a table indexed by their letters (case folded),
/// which costs no allocation; the others are kept as lowercase strings.
/// Diacritics are left in, as the index's tokenizer folds them.
struct WordStarts {
    ascii: Vec<u64>,
    other: BTreeSet<String>,
}

impl Default for WordStarts {
    fn default() -> Self {
        WordStarts {
            ascii: vec![0; SYMBOLS.pow(3).div_ceil(64)],
            other: BTreeSet::new(),
        }
    }
}

fn ascii_symbol(c: char) -> Option<usize> {
    match c {
        '0'..='9' => Some(c as usize - '0' as usize + 1),
        'a'..='z' => Some(c as usize - 'a' as usize + 11),
        'A'..='Z' => Some(c as usize - 'A' as usize + 11),
        _ => None,
    }
}

fn symbol_char(symbol: usize) -> char {
    match symbol {
        1..=10 => char::from(b'0' + (symbol - 1) as u8),
        _ => char::from(b'a' + (symbol - 11) as u8),
    }
}

/// An accent typed as its own code point that the index's tokenizer
/// (unicode61, remove_diacritics 2) keeps inside a word and then drops: it
/// neither ends a word nor counts as a letter. These are exactly the marks
/// SQLite's `sqlite3Fts5UnicodeIsdiacritic` names; any other mark ends the
/// word there, as it does for the tokenizer.
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{0304}'
            | '\u{0306}'..='\u{030C}'
            | '\u{030F}'
            | '\u{0311}'
            | '\u{031B}'
            | '\u{0323}'..='\u{0328}'
            | '\u{032D}'..='\u{032E}'
            | '\u{0330}'..='\u{0331}'
    )
}

impl WordStarts {
    fn add_text(&mut self, text: &str) {
        let mut chars = text.chars().peekable();
        while let Some(&c) = chars.peek() {
            if !c.is_alphanumeric() {
                chars.next();
                continue;
            }
            // One word: its first letters, then skip the rest of it.
            let mut start = String::new();
            let mut letters = 0;
            let mut ascii_key = Some(0usize);
            while let Some(&c) = chars.peek() {
                if c.is_alphanumeric() {
                    if letters == LONGEST {
                        chars.next();
                        continue;
                    }
                    letters += 1;
                    ascii_key = ascii_key.and_then(|key| ascii_symbol(c).map(|s| key * SYMBOLS + s));
                    start.push(c);
                    match ascii_key {
                        Some(key) => self.ascii[key / 64] |= 1 << (key % 64),
                        None => {
                            self.other.insert(start.to_lowercase());
                        }
                    }
                } else if is_combining_mark(c) {
                    if letters < LONGEST {
                        start.push(c);
                        ascii_key = None;
                    }
                } else {
                    break;
                }
                chars.next();
            }
        }
    }

    fn joined(&self) -> String {
        let mut out = String::new();
        for (word, bits) in self.ascii.iter().enumerate() {
            let mut bits = *bits;
            while bits != 0 {
                let key = word * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if !out.is_empty() {
                    out.push(' ');
                }
                // The key holds up to three symbols, most significant first,
                // with no zero inside (a start is never shorter in the middle).
                let (a, b, c) = (key / (SYMBOLS * SYMBOLS), key / SYMBOLS % SYMBOLS, key % SYMBOLS);
                for symbol in [a, b, c] {
                    if symbol != 0 {
                        out.push(symbol_char(symbol));
                    }
                }
            }
        }
        for start in &self.other {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(start);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<String> {
        let mut all: Vec<String> = word_starts([text]).split(' ').map(str::to_string).collect();
        all.sort();
        all
    }

    #[test]
    fn each_word_gives_its_first_one_two_and_three_letters_once() {
        assert_eq!(
            starts("The theatre, the THEME; at 2024."),
            ["2", "20", "202", "a", "at", "t", "th", "the"]
        );
    }

    #[test]
    fn words_in_other_scripts_and_accents_are_kept_for_the_tokenizer_to_fold() {
        assert_eq!(starts("Über école"), ["é", "éc", "éco", "ü", "üb", "übe"]);
        // An accent typed as its own code point stays with its letter.
        // The tokenizer drops it, so these are "e", "ec" and "eco" there.
        assert_eq!(starts("e\u{301}cole"), ["e", "e\u{301}c", "e\u{301}co"]);
        assert_eq!(starts("Москва"), ["м", "мо", "мос"]);
        // A mark the tokenizer does not keep ends the word, as it does there.
        assert_eq!(starts("x\u{332}abcd"), ["a", "ab", "abc", "x"]);
    }

    #[test]
    fn nothing_to_index_gives_an_empty_text() {
        assert_eq!(word_starts(["", " -- !"]), "");
        assert_eq!(word_starts(["a", "b"]), "a b");
    }
}
