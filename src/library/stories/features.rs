//! What an article offers for finding the other papers' articles on the
//! same event: the names it mentions, the countries it concerns, its
//! numbers, and its longer words. Pure: text in, terms out.
//!
//! Names, countries and numbers survive translation far better than other
//! words, so each term carries its kind (its first character) and the
//! grouping compares articles in two languages on those kinds only:
//!
//! - `c` a country the article concerns (as the import inferred it);
//! - `d` a number of two digits or more;
//! - `n` a name written in Latin, Cyrillic or Greek letters (a capitalised
//!   word that the text never writes in lower case), folded to plain Latin
//!   letters so that "Зеленский", "Zelensky" and "Zélensky" meet;
//! - `k` Chinese or Japanese: a run of katakana (foreign names), or two
//!   neighbouring kanji/hanzi;
//! - `h` a Korean word's first three syllables (particles follow the word);
//! - `w` any other word of five letters or more: language-bound.
//!
//! Words are cut to their first six letters, a crude stem that lets
//! "negotiations" meet "negotiate" and "Kishida's" meet "Kishida".

use std::collections::{BTreeSet, HashSet};

/// Letters a term keeps of its word.
const STEM: usize = 6;
/// A lower-case word shorter than this says too little about an event.
const SHORTEST_WORD: usize = 5;

/// The kinds of term that can be shared by articles in two languages.
pub fn is_portable(kind: u8) -> bool {
    kind != b'w'
}

/// The distinct terms of an article (sorted), from its title, its text and
/// the countries the library found it concerns.
pub fn extract(title: &str, body: &str, countries: &[String]) -> Vec<String> {
    let mut terms = BTreeSet::new();
    for country in countries {
        terms.insert(format!("c{country}"));
    }
    let texts = [title, body];
    let usage = Usage::of(&texts);
    for text in texts {
        for (position, (token, opens)) in tokens(text).enumerate() {
            match token {
                Token::Alphabetic(word) => {
                    let words_too = position < LEDE_TOKENS;
                    alphabetic_term(word, (opens, words_too), &usage, &mut terms)
                }
                Token::Katakana(run) if run.chars().count() >= 2 => {
                    terms.insert(format!("k{run}"));
                }
                Token::Katakana(_) => {}
                Token::Han(run) => {
                    let chars: Vec<char> = run.chars().collect();
                    for pair in chars.windows(2) {
                        terms.insert(format!("k{}{}", pair[0], pair[1]));
                    }
                }
                Token::Hangul(word) if word.chars().count() >= 2 => {
                    terms.insert(format!("h{}", word.chars().take(3).collect::<String>()));
                }
                Token::Hangul(_) => {}
            }
        }
    }
    terms.into_iter().collect()
}

/// Common words are kept from the headline and the opening of the text
/// only, where a report states its event ("the dam at Kelso burst"): kept
/// from the whole of it, they were most of what the library stores for
/// the grouping (about 2 KB an article, against 0.1 KB of names, numbers
/// and countries, which are kept from the whole text).
const LEDE_TOKENS: usize = 80;

/// `words_too`: whether a common word (not a name or a number) is a term
/// here, as it is in the opening of the text.
fn alphabetic_term(
    word: &str,
    (opens_sentence, words_too): (bool, bool),
    usage: &Usage,
    terms: &mut BTreeSet<String>,
) {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return };
    if word.chars().all(|c| c.is_ascii_digit()) {
        let digits = word.trim_start_matches('0');
        if digits.len() >= 2 {
            terms.insert(format!("d{digits}"));
        }
        return;
    }
    let folded = fold(word);
    // A capitalised word the text also writes in lower case is a common
    // word that began a sentence or a headline, not a name; so is one
    // that is capitalised only where a sentence begins ("Engineers said").
    let lower = word.to_lowercase();
    if first.is_uppercase()
        && !usage.lower.contains(&lower)
        && (!opens_sentence || usage.capitalised_within.contains(&lower))
    {
        if folded.chars().count() >= 2 {
            terms.insert(format!("n{}", stem(&folded)));
        }
    } else if words_too
        && folded.chars().count() >= SHORTEST_WORD
        && !word.chars().any(|c| c.is_ascii_digit())
    {
        terms.insert(format!("w{}", stem(&folded)));
    }
}

fn stem(folded: &str) -> &str {
    match folded.char_indices().nth(STEM) {
        Some((end, _)) => &folded[..end],
        None => folded,
    }
}

/// How the texts write their words, in lower case: those written with a
/// small first letter somewhere, and those capitalised inside a sentence.
struct Usage {
    lower: HashSet<String>,
    capitalised_within: HashSet<String>,
}

impl Usage {
    fn of(texts: &[&str]) -> Usage {
        let mut usage = Usage {
            lower: HashSet::new(),
            capitalised_within: HashSet::new(),
        };
        for text in texts {
            for (token, opens) in tokens(text) {
                let Token::Alphabetic(word) = token else { continue };
                match word.chars().next() {
                    Some(c) if c.is_lowercase() => {
                        usage.lower.insert(word.to_string());
                    }
                    Some(c) if c.is_uppercase() && !opens => {
                        usage.capitalised_within.insert(word.to_lowercase());
                    }
                    _ => {}
                }
            }
        }
        usage
    }
}

/// A word of the text, by the writing system that decides how it is cut.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    /// Letters and digits of scripts that put spaces between words.
    Alphabetic(&'a str),
    Katakana(&'a str),
    Han(&'a str),
    Hangul(&'a str),
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Alphabetic,
    Katakana,
    Han,
    Hangul,
    /// Hiragana, punctuation, spaces: between words.
    Other,
}

fn class(c: char) -> Class {
    match c as u32 {
        0x30A1..=0x30FA | 0x30FC | 0xFF66..=0xFF9D => Class::Katakana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Class::Han,
        0xAC00..=0xD7AF => Class::Hangul,
        _ if crate::model::script::is_cjk(c) => Class::Other,
        // Accents typed as their own code point stay inside the word.
        0x0300..=0x036F => Class::Alphabetic,
        _ if c.is_alphanumeric() => Class::Alphabetic,
        _ => Class::Other,
    }
}

/// The text's words, each a run of characters of one class, and whether
/// it opens a sentence (or a line, or the text).
fn tokens(text: &str) -> impl Iterator<Item = (Token<'_>, bool)> {
    let mut rest = text;
    let mut first_word = true;
    std::iter::from_fn(move || {
        loop {
            let (start, first) = rest.char_indices().find(|&(_, c)| class(c) != Class::Other)?;
            let opens = std::mem::take(&mut first_word)
                || rest[..start].contains(['.', '!', '?', '\n', ':', '。', '…', '¿', '¡']);
            let kind = class(first);
            let after = &rest[start..];
            let end = after
                .char_indices()
                .find(|&(_, c)| class(c) != kind)
                .map_or(after.len(), |(i, _)| i);
            let word = &after[..end];
            rest = &after[end..];
            let token = match kind {
                Class::Alphabetic => Token::Alphabetic(word),
                Class::Katakana => Token::Katakana(word),
                Class::Han => Token::Han(word),
                Class::Hangul => Token::Hangul(word),
                Class::Other => continue,
            };
            return Some((token, opens));
        }
    })
}

/// Lower case, without accents, Cyrillic and Greek spelled in Latin
/// letters: the form in which a name is compared across languages.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(word.len());
    for c in icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize_iter(word.chars()) {
        if matches!(c as u32, 0x0300..=0x036F) {
            continue;
        }
        for lower in c.to_lowercase() {
            match latin_spelling(lower) {
                Some(latin) => folded.push_str(latin),
                None => folded.push(lower),
            }
        }
    }
    folded
}

/// A plain Latin spelling of a lower-case Cyrillic or Greek letter, as
/// newspapers in English would spell a name (after the accents are gone).
fn latin_spelling(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'α' => "a",
        'б' | 'β' => "b",
        'в' => "v",
        'г' | 'γ' => "g",
        'ґ' => "g",
        'д' | 'δ' => "d",
        'е' | 'ё' | 'є' | 'ε' | 'э' => "e",
        'ж' => "zh",
        'з' | 'ζ' => "z",
        'и' | 'і' | 'ї' | 'й' | 'ι' | 'η' | 'ы' => "i",
        'к' | 'κ' => "k",
        'л' | 'λ' => "l",
        'м' | 'μ' => "m",
        'н' | 'ν' => "n",
        'о' | 'ο' | 'ω' => "o",
        'п' | 'π' => "p",
        'р' | 'ρ' => "r",
        'с' | 'σ' | 'ς' => "s",
        'т' | 'τ' => "t",
        'у' | 'υ' => "u",
        'ф' | 'φ' => "f",
        'х' | 'χ' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ю' => "yu",
        'я' => "ya",
        'ь' | 'ъ' => "",
        'θ' => "th",
        'ξ' => "x",
        'ψ' => "ps",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of_kind(terms: &[String], kind: char) -> Vec<String> {
        terms
            .iter()
            .filter_map(|t| t.strip_prefix(kind).map(str::to_string))
            .collect()
    }

    #[test]
    fn names_are_capitalised_words_the_text_never_writes_in_lower_case() {
        let terms = extract(
            "Talks Offered",
            "The talks in Seoul were offered by Kishida's envoy. Talks resume on 12 May.",
            &[],
        );
        let names = of_kind(&terms, 'n');
        assert!(names.contains(&"seoul".to_string()), "{names:?}");
        assert!(names.contains(&"kishid".to_string()), "{names:?}");
        // "Talks" is written "talks" too; "The" is written "the" nowhere,
        // but is a name to no one: it is common, which the weighting sees.
        assert!(!names.contains(&"talks".to_string()), "{names:?}");
        assert!(of_kind(&terms, 'w').contains(&"offere".to_string()));
        assert_eq!(of_kind(&terms, 'd'), ["12"]);
    }

    #[test]
    fn names_meet_across_alphabets_and_accents() {
        assert_eq!(fold("Зеленский"), "zelenskii");
        assert_eq!(fold("Séoul"), "seoul");
        assert_eq!(fold("Αθήνα"), "athina");
        let russian = extract("", "Президент Макрон прибыл в Киев.", &[]);
        assert!(russian.contains(&"nmakron".to_string()), "{russian:?}");
    }

    #[test]
    fn chinese_japanese_and_korean_text_gives_runs_pairs_and_syllables() {
        let terms = extract(
            "",
            "岸田首相はワシントンでバイデン大統領と会談した。윤석열은 서울에서",
            &[],
        );
        let cjk = of_kind(&terms, 'k');
        assert!(cjk.contains(&"ワシントン".to_string()), "{cjk:?}");
        assert!(cjk.contains(&"岸田".to_string()), "{cjk:?}");
        assert!(of_kind(&terms, 'h').contains(&"윤석열".to_string()));
    }

    #[test]
    fn countries_are_terms_and_nothing_is_repeated() {
        let terms = extract("Japan", "Japan and Japan.", &["Japan".to_string()]);
        assert_eq!(terms, ["cJapan", "njapan"]);
    }
}
