//! Passages two articles share word for word: wire copy that one paper
//! reused from an agency and another paper reused too, or a quotation both
//! printed in full. Compare marks them on both sides.
//!
//! Both texts become lists of words (lower case, letters and digits only,
//! so "Kim Jong Un," and "kim jong un" agree; each Chinese, Japanese or
//! Korean character a word of its own, those scripts having no spaces).
//! Every run of [`MIN_WORDS`] words of one text is hashed; a run of the
//! other text with the same hash (and the same words: hashes can collide)
//! starts a shared passage, which grows for as long as the words agree. A
//! passage is reported once, from where it starts, and as long as it goes.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

/// The fewest words in a row that make a shared passage: fewer, and
/// common phrases ("the ministry of foreign affairs said on") would count.
pub const MIN_WORDS: usize = 8;

/// At most this many places of one text are tried for a run of words seen
/// there more often: a text repeating itself (a list, a refrain) must not
/// make comparing it quadratic.
const MOST_PLACES_PER_RUN: usize = 32;

/// Words compared, at most, per word of the two texts: a text that is one
/// phrase repeated matches itself at every offset, and growing each of
/// those passages would be quadratic. Real articles use a small part of it.
const WORDS_COMPARED_PER_WORD: usize = 64;

/// A passage both texts hold, as byte ranges into each, and its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPassage {
    pub left: Range<usize>,
    pub right: Range<usize>,
    pub words: usize,
}

/// One word of a text: what it compares as, and where it stands.
struct Word {
    normal: String,
    span: Range<usize>,
}

/// The words of `text`, in order, with their byte ranges (from the first
/// letter or digit to the last, punctuation around them left out).
fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<Word> = None;
    let mut finish = |word: &mut Option<Word>| {
        if let Some(w) = word.take() {
            words.push(w);
        }
    };
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if crate::model::script::is_cjk(c) {
            finish(&mut current);
            let normal = c.to_string();
            finish(&mut Some(Word {
                normal,
                span: at..end,
            }));
        } else if c.is_alphanumeric() {
            let word = current.get_or_insert_with(|| Word {
                normal: String::new(),
                span: at..end,
            });
            word.normal.extend(c.to_lowercase());
            word.span.end = end;
        } else if c.is_whitespace() || is_dash(c) {
            finish(&mut current);
        }
        // Other marks (apostrophes, full stops in "U.S.", hyphens inside a
        // word) join what is on either side: "U.S." is "us" on both sides.
    }
    finish(&mut current);
    words
}

/// Dashes that stand between words without spaces ("talks—which").
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '/')
}

fn run_hash(run: &[Word]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for word in run {
        word.normal.hash(&mut hasher);
    }
    hasher.finish()
}

fn same(a: &Word, b: &Word) -> bool {
    a.normal == b.normal
}

/// The passages of at least [`MIN_WORDS`] words that `left` and `right`
/// share, each as long as the words agree, in the order they stand in
/// `right`. A passage `right` repeats is reported each time it does.
pub fn shared_passages(left: &str, right: &str) -> Vec<SharedPassage> {
    let (a, b) = (words(left), words(right));
    if a.len() < MIN_WORDS || b.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut places: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, run) in a.windows(MIN_WORDS).enumerate() {
        let at = places.entry(run_hash(run)).or_default();
        if at.len() < MOST_PLACES_PER_RUN {
            at.push(i);
        }
    }
    let mut found = Vec::new();
    let mut budget = WORDS_COMPARED_PER_WORD * (a.len() + b.len());
    for (j, run) in b.windows(MIN_WORDS).enumerate() {
        let Some(starts) = places.get(&run_hash(run)) else {
            continue;
        };
        for &i in starts {
            // Inside a passage already found from an earlier word: the
            // words before agree, so it started there.
            let continues = i > 0 && j > 0 && same(&a[i - 1], &b[j - 1]);
            if continues || !a[i..i + MIN_WORDS].iter().zip(run).all(|(x, y)| same(x, y)) {
                continue;
            }
            let length = a[i..]
                .iter()
                .zip(&b[j..])
                .take(budget.max(MIN_WORDS))
                .take_while(|(x, y)| same(x, y))
                .count();
            budget = budget.saturating_sub(length + MIN_WORDS);
            let last = length - 1;
            found.push(SharedPassage {
                left: a[i].span.start..a[i + last].span.end,
                right: b[j].span.start..b[j + last].span.end,
                words: length,
            });
            if budget == 0 {
                // What was found so far is what there is to mark.
                return found;
            }
        }
    }
    found
}

/// The ranges one side of the passages covers, in order, overlapping and
/// touching ones joined: what to paint on that side.
pub fn covered(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut joined: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match joined.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => joined.push(range),
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "North Korea said on Tuesday it was ready to hold talks with Japan \
        \"without preconditions\", a shift that officials in Tokyo and Seoul said they would study closely.";

    fn texts(found: &[SharedPassage], left: &str, right: &str) -> Vec<(String, String)> {
        found
            .iter()
            .map(|p| {
                (
                    left[p.left.clone()].to_string(),
                    right[p.right.clone()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_wire_paragraph_reused_by_two_papers_is_found_in_both() {
        let left = format!("The Asahi's view. {WIRE} Tokyo should answer with care.");
        let right =
            format!("SEOUL — In a surprise move, {WIRE}\n\nThe offer follows months of missile tests.");
        let found = shared_passages(&left, &right);
        assert_eq!(found.len(), 1);
        let passage = &found[0];
        assert_eq!(&left[passage.left.clone()], &WIRE[..WIRE.len() - 1]);
        assert_eq!(&right[passage.right.clone()], &WIRE[..WIRE.len() - 1]);
        assert_eq!(passage.words, 28);
    }

    #[test]
    fn case_and_punctuation_do_not_hide_a_shared_passage() {
        let left = "Officials said Kim Jong Un, the leader, had approved the plan on Monday night.";
        let right = "OFFICIALS SAID KIM JONG UN — THE LEADER — HAD APPROVED THE PLAN ON MONDAY";
        let found = shared_passages(left, right);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].words, 13);
        assert_eq!(
            &left[found[0].left.clone()],
            "Officials said Kim Jong Un, the leader, had approved the plan on Monday"
        );
    }

    #[test]
    fn fewer_than_eight_words_in_a_row_are_not_a_passage() {
        let left = "the talks will resume in Geneva next week, diplomats said today";
        let right = "the talks will resume in Geneva next month, officials said";
        assert!(shared_passages(left, right).is_empty());
        // Eight in a row are.
        let right = "as expected the talks will resume in Geneva next week or so";
        let found = shared_passages(left, right);
        assert_eq!(
            texts(&found, left, right)[0].0,
            "the talks will resume in Geneva next week"
        );
    }

    #[test]
    fn a_passage_repeated_on_one_side_is_found_each_time() {
        let quote = "we will not accept any agreement that leaves our people without water";
        let left = format!("The minister said: {quote}.");
        let right = format!("{quote}. Later, again: {quote}!");
        let found = shared_passages(&left, &right);
        assert_eq!(found.len(), 2);
        assert!(
            texts(&found, &left, &right)
                .iter()
                .all(|(l, r)| l == quote && r == quote)
        );
        assert_eq!(covered(found.iter().map(|p| p.left.clone()).collect()).len(), 1);
    }

    #[test]
    fn chinese_japanese_and_korean_characters_are_words_of_their_own() {
        let left = "政府は北朝鮮との対話を再開する方針を固めた。";
        let right = "関係者によると、政府は北朝鮮との対話を再開する方針だ。";
        let found = shared_passages(left, right);
        assert_eq!(
            texts(&found, left, right),
            vec![(
                "政府は北朝鮮との対話を再開する方針".to_string(),
                "政府は北朝鮮との対話を再開する方針".to_string()
            )]
        );
    }

    #[test]
    fn a_text_that_repeats_itself_is_compared_in_bounded_time() {
        let refrain = "la ".repeat(50_000);
        let started = std::time::Instant::now();
        let found = shared_passages(&refrain, &refrain);
        // A guard against a hang, not a measure of speed.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert!(!found.is_empty());
        assert_eq!(
            covered(found.iter().map(|p| p.left.clone()).collect())[0].start,
            0
        );
    }

    #[test]
    fn texts_without_enough_words_share_nothing() {
        assert!(shared_passages("", WIRE).is_empty());
        assert!(shared_passages(WIRE, "…  — ! ?").is_empty());
        assert!(shared_passages("one two three", "one two three").is_empty());
    }

    #[test]
    fn covered_ranges_are_joined_where_they_meet() {
        assert_eq!(covered(vec![10..20, 0..5, 15..30, 30..31]), vec![0..5, 10..31]);
        assert!(covered(Vec::new()).is_empty());
    }
}
