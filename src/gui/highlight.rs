//! Finding the searched words in the reader's text, to paint them and step
//! through them.

use std::ops::Range;

/// Byte ranges of `needle` in `text`, ignoring case; ranges refer to `text`
/// itself, whatever lower-casing does to lengths.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // Each lower-cased char with the byte range of the char it came from.
    let mut lowered: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for l in c.to_lowercase() {
            lowered.push((l, at, at + c.len_utf8()));
        }
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= lowered.len() {
        if lowered[i..i + needle.len()]
            .iter()
            .map(|(c, _, _)| *c)
            .eq(needle.iter().copied())
        {
            found.push(lowered[i].1..lowered[i + needle.len() - 1].2);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

/// Matches of any of the words in a paragraph, in order, not overlapping.
pub fn matches_in(paragraph: &str, words: &[String]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = words.iter().flat_map(|w| find_all(paragraph, w)).collect();
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Range<usize>> = Vec::new();
    for range in all {
        if kept.last().is_none_or(|last| range.start >= last.end) {
            kept.push(range);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_whatever_their_case() {
        let text = "Kim met KIM; İstanbul and kimchi.";
        let found: Vec<&str> = find_all(text, "kim").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["Kim", "KIM", "kim"]);
        let found: Vec<&str> = find_all(text, "istanbul").into_iter().map(|r| &text[r]).collect();
        assert!(found.is_empty() || found == vec!["İstanbul"]);
        assert_eq!(find_all("北朝鮮の対話", "対話"), vec![12..18]);
    }

    #[test]
    fn overlapping_words_give_one_match() {
        let text = "North Korea and Korean talks";
        let ranges = matches_in(text, &["korea".to_string(), "north korea".to_string()]);
        let found: Vec<&str> = ranges.into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["North Korea", "Korea"]);
    }
}
