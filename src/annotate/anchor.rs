//! Anchoring a highlight to a passage the way the W3C Web Annotation model
//! does: character offsets (a TextPositionSelector) plus the quoted text
//! with some context on either side (a TextQuoteSelector). Offsets are fast
//! and exact while the text stays as it was; the quote and its context find
//! the passage again after the text changes.

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where a passage is, and what it says. Offsets count characters (Unicode
/// scalar values), end exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
}

/// The selector of characters `start..end` of `text`; `None` for an empty
/// or out-of-range passage.
pub fn select(text: &str, start: usize, end: usize) -> Option<Selector> {
    let chars: Vec<char> = text.chars().collect();
    select_chars(&chars, start, end)
}

fn select_chars(chars: &[char], start: usize, end: usize) -> Option<Selector> {
    if start >= end || end > chars.len() {
        return None;
    }
    let quote: String = chars[start..end].iter().collect();
    if quote.trim().is_empty() {
        return None;
    }
    Some(Selector {
        start,
        end,
        quote,
        prefix: chars[start.saturating_sub(CONTEXT_CHARS)..start].iter().collect(),
        suffix: chars[end..(end + CONTEXT_CHARS).min(chars.len())]
            .iter()
            .collect(),
    })
}

/// Character offsets of every place `needle` occurs in `haystack`.
fn occurrences(haystack: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return Vec::new();
    }
    (0..=haystack.len() - needle.len())
        .filter(|&i| haystack[i..i + needle.len()] == *needle)
        .collect()
}

/// How many characters before `at` agree with the end of `prefix`, plus
/// how many after `end` agree with the start of `suffix`.
fn context_score(chars: &[char], at: usize, end: usize, prefix: &[char], suffix: &[char]) -> usize {
    let before = prefix
        .iter()
        .rev()
        .zip(chars[..at].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = suffix
        .iter()
        .zip(chars[end..].iter())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

/// Where `quote` first stands in `text`, as character offsets (end
/// exclusive), matched the way the text itself was normalised when it was
/// stored: any run of white space (a no-break space from a French page, a
/// line break in a copied passage) matches any other, and straight and
/// curly quotation marks match each other. A quote copied from the page a
/// tool saved thus finds the passage in the text Folio kept of it.
pub fn find_quote(text: &str, quote: &str) -> Option<(usize, usize)> {
    let quote = quote.trim();
    if quote.is_empty() {
        return None;
    }
    // The common case, and the cheap one: the very characters.
    let byte_range = match text.find(quote) {
        Some(at) => at..at + quote.len(),
        None => {
            let found = loose_pattern(quote)?.find(text)?;
            found.start()..found.end()
        }
    };
    let start = text[..byte_range.start].chars().count();
    Some((start, start + text[byte_range].chars().count()))
}

/// A pattern matching `quote` under the normalisation [`find_quote`]
/// describes; `None` for a quote too long to compile (over the regex
/// crate's size limit), which then matches only as written.
fn loose_pattern(quote: &str) -> Option<regex::Regex> {
    let mut pattern = String::with_capacity(quote.len() * 2);
    let mut in_space = false;
    for c in quote.chars() {
        if c.is_whitespace() {
            if !in_space {
                pattern.push_str(r"\s+");
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match c {
            '\'' | '‘' | '’' => pattern.push_str("['‘’]"),
            '"' | '“' | '”' => pattern.push_str("[\"“”]"),
            c => pattern.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    regex::Regex::new(&pattern).ok()
}

/// The selector found again in `text`, which may have changed since it was
/// made: `None` when the passage cannot be found (the highlight is then
/// kept as "detached", never dropped).
pub fn reanchor(selector: &Selector, text: &str) -> Option<Selector> {
    let chars: Vec<char> = text.chars().collect();
    let quote: Vec<char> = selector.quote.chars().collect();
    let prefix: Vec<char> = selector.prefix.chars().collect();
    let suffix: Vec<char> = selector.suffix.chars().collect();

    // Unchanged where it was.
    if selector.end <= chars.len() && chars[selector.start..selector.end] == *quote {
        return select_chars(&chars, selector.start, selector.end);
    }
    // The same words elsewhere: the place whose surroundings agree best
    // with the context, the nearest of those.
    let best = occurrences(&chars, &quote).into_iter().max_by_key(|&at| {
        let score = context_score(&chars, at, at + quote.len(), &prefix, &suffix);
        (score, std::cmp::Reverse(at.abs_diff(selector.start)))
    });
    if let Some(at) = best {
        return select_chars(&chars, at, at + quote.len());
    }
    // The same words with other spaces or quotation marks.
    if let Some((start, end)) = find_quote(text, &selector.quote) {
        return select_chars(&chars, start, end);
    }
    // The passage itself was edited: what now stands between its context.
    between_context(&chars, &quote, &prefix, &suffix)
}

/// The text between an occurrence of `prefix` and the next occurrence of
/// `suffix`, when both are there and what lies between is about the size
/// of the old quote. A context at the very start or end of the text is
/// empty, and then the text's edge stands in for it.
fn between_context(chars: &[char], quote: &[char], prefix: &[char], suffix: &[char]) -> Option<Selector> {
    // A few characters of context match by chance; a real anchor needs some.
    const MIN_CONTEXT: usize = 8;
    if prefix.len() < MIN_CONTEXT && suffix.len() < MIN_CONTEXT {
        return None;
    }
    let longest = quote.len() * 2 + 200;
    let starts: Vec<usize> = if prefix.is_empty() {
        vec![0]
    } else {
        occurrences(chars, prefix)
            .into_iter()
            .map(|at| at + prefix.len())
            .collect()
    };
    for start in starts {
        let end = if suffix.is_empty() {
            Some(chars.len())
        } else {
            occurrences(&chars[start..], suffix).first().map(|at| start + at)
        };
        if let Some(end) = end.filter(|&end| end > start && end - start <= longest) {
            return select_chars(chars, start, end);
        }
    }
    None
}

/// Whether the character at `i` belongs to a word: a letter or digit, or an
/// apostrophe or hyphen between two of them ("Kim’s", "six-party").
fn in_word(chars: &[char], i: usize) -> bool {
    let alnum = |j: usize| chars.get(j).is_some_and(|c| c.is_alphanumeric());
    match chars.get(i) {
        Some(c) if c.is_alphanumeric() => true,
        Some('\'' | '’' | '-') => i > 0 && alnum(i - 1) && alnum(i + 1),
        _ => false,
    }
}

/// A selection of characters `start..end` widened to whole words, its
/// spaces at either end left out: a passage dragged over from the middle of
/// a word to the middle of another is read as the words it touches.
pub fn whole_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (mut start, mut end) = (start.min(chars.len()), end.min(chars.len()));
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start == end {
        return (start, end);
    }
    while start > 0 && in_word(&chars, start) && in_word(&chars, start - 1) {
        start -= 1;
    }
    while end < chars.len() && in_word(&chars, end - 1) && in_word(&chars, end) {
        end += 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_widens_to_the_words_it_touches() {
        let text = "Kim’s abrupt proposal of fresh dialogue, at last.";
        let pick = |from: &str, to: &str| {
            let start = text[..text.find(from).unwrap()].chars().count();
            let end = start + to.chars().count();
            let (s, e) = whole_words(text, start, end);
            text.chars().skip(s).take(e - s).collect::<String>()
        };
        assert_eq!(
            pick("s abrupt", "s abrupt proposal of fresh di"),
            "Kim’s abrupt proposal of fresh dialogue"
        );
        assert_eq!(pick(" at", " at "), "at");
        assert_eq!(pick("ogue,", "ogue, "), "dialogue,");
        assert_eq!(whole_words(text, 3, 3), (3, 3));
    }

    const TEXT: &str = "The ministers met in Seoul on Tuesday. Both sides agreed that the talks \
                        should resume before the winter, and a joint statement followed.";

    fn selector_of(text: &str, passage: &str) -> Selector {
        let byte = text.find(passage).unwrap();
        let start = text[..byte].chars().count();
        select(text, start, start + passage.chars().count()).unwrap()
    }

    fn quoted(text: &str, s: &Selector) -> String {
        text.chars().skip(s.start).take(s.end - s.start).collect()
    }

    #[test]
    fn a_selector_keeps_the_quote_and_its_context() {
        let s = selector_of(TEXT, "the talks should resume");
        assert_eq!(s.quote, "the talks should resume");
        assert_eq!(s.prefix.chars().count(), CONTEXT_CHARS);
        assert!(s.prefix.ends_with("agreed that "));
        assert!(s.suffix.starts_with(" before the winter"));
        assert!(select(TEXT, 5, 5).is_none());
        assert!(select(TEXT, 0, 10_000).is_none());
        assert!(select("a   b", 1, 4).is_none(), "only spaces");
    }

    #[test]
    fn text_inserted_before_moves_the_highlight_with_its_passage() {
        let s = selector_of(TEXT, "the talks should resume");
        let edited = format!("Updated: a correction was made to this report.\n\n{TEXT}");
        let found = reanchor(&s, &edited).unwrap();
        assert_eq!(quoted(&edited, &found), "the talks should resume");
        assert!(found.start > s.start);
    }

    #[test]
    fn text_added_after_changes_nothing() {
        let s = selector_of(TEXT, "the talks should resume");
        let edited = format!("{TEXT} Markets rose on the news.");
        assert_eq!(reanchor(&s, &edited).unwrap(), s);
    }

    #[test]
    fn text_inserted_inside_widens_the_highlight_to_what_stands_between_its_context() {
        let s = selector_of(TEXT, "the talks should resume");
        let edited = TEXT.replace(
            "the talks should resume",
            "the talks, stalled since March, should resume",
        );
        let found = reanchor(&s, &edited).unwrap();
        assert_eq!(
            quoted(&edited, &found),
            "the talks, stalled since March, should resume"
        );
    }

    #[test]
    fn of_two_copies_the_one_in_the_same_context_is_chosen() {
        let text = "Ask who pays. The tariff is a tax. Then ask again who pays for it. The tariff is a tax on buyers.";
        let second = text[..text.rfind("The tariff is a tax").unwrap()].chars().count();
        let s = select(text, second, second + "The tariff is a tax".len()).unwrap();
        let edited = format!("Note. {text}");
        let found = reanchor(&s, &edited).unwrap();
        assert_eq!(found.start, second + "Note. ".len());
    }

    #[test]
    fn a_passage_that_is_gone_is_detached() {
        let s = selector_of(TEXT, "the talks should resume");
        let edited = "An entirely different text about the harvest and the weather in the south.";
        assert_eq!(reanchor(&s, edited), None);
    }

    #[test]
    fn counts_characters_not_bytes() {
        let text = "北朝鮮が韓国との対話を突然提案した。平昌で開かれる冬季五輪への代表団派遣にも言及した。";
        let s = selector_of(text, "対話を突然提案した");
        assert_eq!(s.start, 8);
        let edited = format!("速報：{text}");
        let found = reanchor(&s, &edited).unwrap();
        assert_eq!(found.start, 11);
        assert_eq!(quoted(&edited, &found), "対話を突然提案した");
    }

    #[test]
    fn a_quote_with_other_spaces_and_quotation_marks_finds_the_passage() {
        let text =
            "Le Conseil fédéral suisse – peu pressé – a dit : « Mon but : ne pas céder ». It isn’t over.";
        let (start, end) = find_quote(text, "suisse –\u{a0}peu").unwrap();
        assert_eq!(
            text.chars().skip(start).take(end - start).collect::<String>(),
            "suisse – peu"
        );
        let (start, end) = find_quote(text, "Mon but\u{a0}: ne pas").unwrap();
        assert_eq!(
            text.chars().skip(start).take(end - start).collect::<String>(),
            "Mon but : ne pas"
        );
        let (start, end) = find_quote(text, "It isn't\nover").unwrap();
        assert_eq!(
            text.chars().skip(start).take(end - start).collect::<String>(),
            "It isn’t over"
        );
        assert_eq!(
            find_quote(text, "Mon but: ne pas"),
            None,
            "a space missing is other words"
        );
        assert_eq!(find_quote(text, " \u{a0} "), None);
    }

    #[test]
    fn a_highlight_copied_with_a_no_break_space_is_found_again() {
        let text = "Le Conseil fédéral suisse – peu pressé – a dit non.";
        let s = Selector {
            start: 0,
            end: 0,
            quote: "suisse –\u{a0}peu pressé".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        let found = reanchor(&s, text).unwrap();
        assert_eq!(found.quote, "suisse – peu pressé");
    }
}
