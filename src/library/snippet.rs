//! Snippets: the stretch of an article where the words looked for stand
//! thickest, each match between `[` and `]`, cut from the text here rather
//! than by FTS5, so that only the page of results shown pays for it.

use crate::model::script::is_cjk;

/// A word looked for; `prefix` when it is still being typed, so it matches
/// the words it begins.
#[derive(Debug, Clone, PartialEq)]
pub struct Needle {
    pub text: String,
    pub prefix: bool,
}

/// Words a snippet shows, and how many of them come before its first match.
const WORDS_SHOWN: usize = 24;
const WORDS_BEFORE: usize = 4;
/// Longest snippet in characters: a run of CJK text is one "word".
const MAX_CHARS: usize = 240;
/// Matches considered when choosing where to cut: plenty for a snippet.
const MAX_MATCHES: usize = 200;

struct Match {
    start: usize,
    end: usize,
    needle: usize,
    word: usize,
}

/// Byte spans of the words (runs of letters and digits) in `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                spans.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

fn find_matches(body: &str, words: &[(usize, usize)], needles: &[Needle]) -> Vec<Match> {
    let needles: Vec<(String, bool, bool)> = needles
        .iter()
        .map(|n| {
            let cjk = n.text.chars().any(is_cjk);
            // CJK is looked for inside runs as written (NFD would take
            // Hangul syllables apart).
            let text = if cjk {
                n.text.to_lowercase()
            } else {
                fold(&n.text).into_owned()
            };
            (text, n.prefix, cjk)
        })
        .collect();
    let mut found = Vec::new();
    for (index, &(start, end)) in words.iter().enumerate() {
        let word = &body[start..end];
        // Most words are ASCII: compared without copying them to lower case.
        // Others are folded as the index folds them: "élection" is found
        // by "election".
        let lower = if word.is_ascii() {
            std::borrow::Cow::Borrowed(word)
        } else {
            fold(word)
        };
        let same = |needle: &str| lower.len() == needle.len() && lower.eq_ignore_ascii_case(needle);
        let begins = |needle: &str| {
            lower.len() >= needle.len()
                && lower.is_char_boundary(needle.len())
                && lower[..needle.len()].eq_ignore_ascii_case(needle)
        };
        for (which, (needle, prefix, cjk)) in needles.iter().enumerate() {
            if needle.is_empty() {
                continue;
            }
            if *cjk {
                // Inside a run of CJK characters: every place it occurs.
                for (at, _) in word.match_indices(needle.as_str()) {
                    found.push(Match {
                        start: start + at,
                        end: start + at + needle.len(),
                        needle: which,
                        word: index,
                    });
                }
            } else if same(needle) || (*prefix && begins(needle)) {
                found.push(Match {
                    start,
                    end,
                    needle: which,
                    word: index,
                });
                break;
            }
        }
        if found.len() >= MAX_MATCHES {
            break;
        }
    }
    found
}

/// Lower case without accents, as the full-text index's tokenizer
/// (`remove_diacritics 2`) compares words; ASCII is left as it is (it is
/// compared ignoring case).
pub(super) fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut folded = String::with_capacity(word.len());
    for c in icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize_iter(word.chars()) {
        if !matches!(c as u32, 0x0300..=0x036F) {
            folded.extend(c.to_lowercase());
        }
    }
    std::borrow::Cow::Owned(folded)
}

/// The byte offset `chars` characters before or after `at`.
fn step_chars(text: &str, at: usize, chars: usize, forward: bool) -> usize {
    if forward {
        text[at..]
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| at + i)
    } else {
        text[..at]
            .char_indices()
            .rev()
            .nth(chars.saturating_sub(1))
            .map_or(0, |(i, _)| i)
    }
}

/// The snippet of `body` for `needles`; its opening when none is found.
pub fn snippet(body: &str, needles: &[Needle]) -> String {
    matched_snippet(body, needles)
        .map(|(text, _)| text)
        .unwrap_or_else(|| {
            let end = step_chars(body, 0, 160, true);
            flatten(&body[..end], end < body.len())
        })
}

/// The snippet of `body` around the needles, with how many different
/// needles it shows; `None` when none is there.
pub fn matched_snippet(body: &str, needles: &[Needle]) -> Option<(String, usize)> {
    let words = word_spans(body);
    let matches = find_matches(body, &words, needles);
    let first = matches.first()?;
    // The window of words holding the most different needles, then the
    // most matches; the earliest such.
    // Matches come in word order, so the window's matches are a run that
    // slides along: counted as it moves, not again for each match.
    let mut best = (0usize, 0usize, first.word.saturating_sub(WORDS_BEFORE));
    let mut per_needle = vec![0usize; needles.len()];
    let mut kinds = 0;
    let (mut low, mut high) = (0, 0);
    for m in &matches {
        let from = m.word.saturating_sub(WORDS_BEFORE);
        while high < matches.len() && matches[high].word < from + WORDS_SHOWN {
            per_needle[matches[high].needle] += 1;
            kinds += usize::from(per_needle[matches[high].needle] == 1);
            high += 1;
        }
        while matches[low].word < from {
            per_needle[matches[low].needle] -= 1;
            kinds -= usize::from(per_needle[matches[low].needle] == 0);
            low += 1;
        }
        if (kinds, high - low) > (best.0, best.1) {
            best = (kinds, high - low, from);
        }
    }
    let from_word = best.2;
    let to_word = (from_word + WORDS_SHOWN).min(words.len()) - 1;
    // The text's own opening and closing punctuation stay with it.
    let mut start = if from_word == 0 { 0 } else { words[from_word].0 };
    let mut end = if to_word + 1 == words.len() {
        body.len()
    } else {
        words[to_word].1
    };
    if body[start..end].chars().count() > MAX_CHARS {
        let anchor = matches
            .iter()
            .find(|m| m.word >= from_word)
            .map_or(start, |m| m.start);
        start = start.max(step_chars(body, anchor, 60, false));
        end = end.min(step_chars(body, start, MAX_CHARS, true));
    }
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    let mut at = start;
    for m in matches.iter().filter(|m| m.start >= start && m.end <= end) {
        if m.start < at {
            continue;
        }
        text.push_str(&body[at..m.start]);
        text.push('[');
        text.push_str(&body[m.start..m.end]);
        text.push(']');
        at = m.end;
    }
    text.push_str(&body[at..end]);
    Some((flatten(&text, end < body.len()), best.0))
}

/// One line: a snippet sits in a list row.
fn flatten(text: &str, cut: bool) -> String {
    let mut line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if cut {
        line.push('…');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needles(words: &[&str], prefix_last: bool) -> Vec<Needle> {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| Needle {
                text: w.to_string(),
                prefix: prefix_last && i + 1 == words.len(),
            })
            .collect()
    }

    #[test]
    fn the_stretch_with_most_of_the_words_is_chosen() {
        let body = "Trade was the theme of the morning. Ministers spoke at length about tariffs and \
                    quotas, then lunch. Later the sanctions on steel were discussed, and tariffs on steel \
                    again, before the sanctions review closed the day.";
        let s = snippet(body, &needles(&["sanctions", "steel"], false));
        assert!(s.contains("[sanctions] on [steel]"), "{s}");
        assert!(s.starts_with('…'), "{s}");
    }

    #[test]
    fn prefixes_match_the_words_they_begin_and_whole_words_only_themselves() {
        let s = snippet("A pact, and a compact.", &needles(&["pa"], true));
        assert_eq!(s, "A [pact], and a compact.");
        let s = snippet("A pact, and a compact.", &needles(&["compact"], false));
        assert_eq!(s, "A pact, and a [compact].");
        let s = snippet("Packed ports.", &needles(&["pa"], false));
        assert_eq!(s, "Packed ports.", "a finished word is whole");
    }

    #[test]
    fn cjk_words_are_found_inside_runs_and_long_runs_are_cut() {
        let body = "北朝鮮が韓国との対話を突然提案した。".repeat(30);
        let s = snippet(&body, &needles(&["対話"], false));
        assert!(s.contains("[対話]"), "{s}");
        let shown = s.chars().filter(|c| !"[]…".contains(*c)).count();
        assert!(shown <= MAX_CHARS, "{shown}");
    }

    #[test]
    fn accents_are_folded_as_the_index_folds_them() {
        let s = snippet("Après l'élection, le ministre.", &needles(&["elect"], true));
        assert_eq!(s, "Après l'[élection], le ministre.");
        let s = snippet("The election board.", &needles(&["Élection"], false));
        assert_eq!(s, "The [election] board.");
    }

    #[test]
    fn no_match_gives_the_opening_on_one_line() {
        let s = snippet("First line\nsecond line", &needles(&["absent"], false));
        assert_eq!(s, "First line second line");
    }
}
