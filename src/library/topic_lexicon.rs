//! Topic suggestions from the text alone: each built-in topic has a list of
//! words that point to it (`assets/topic_lexicon.tsv`, written for Folio),
//! and an article is proposed the topics whose words it uses most. Pure
//! text, no SQL: [`super::suggestions`] adds what the user's own filing
//! teaches.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A topic proposed for an article, by path ("politics › diplomacy"), with
/// how sure the proposal is (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct TextSuggestion {
    pub topic: String,
    pub confidence: f32,
}

/// The lexicon, keyed for lookup: whole words and two-word phrases, and
/// prefixes (`elect*`) by their text.
struct Lexicon {
    topics: Vec<String>,
    exact: HashMap<String, Vec<usize>>,
    prefixes: HashMap<String, Vec<usize>>,
    shortest_prefix: usize,
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/topic_lexicon.tsv")));

impl Lexicon {
    fn parse(text: &str) -> Lexicon {
        let mut lexicon = Lexicon {
            topics: Vec::new(),
            exact: HashMap::new(),
            prefixes: HashMap::new(),
            shortest_prefix: usize::MAX,
        };
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let Some((topic, words)) = line.split_once('\t') else {
                continue;
            };
            let index = lexicon.topics.len();
            lexicon.topics.push(topic.trim().to_string());
            for word in words
                .split(',')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
            {
                match word.strip_suffix('*') {
                    Some(prefix) => {
                        lexicon.shortest_prefix = lexicon.shortest_prefix.min(prefix.chars().count());
                        lexicon
                            .prefixes
                            .entry(prefix.to_string())
                            .or_default()
                            .push(index);
                    }
                    None => lexicon.exact.entry(word).or_default().push(index),
                }
            }
        }
        lexicon
    }

    /// The topics a word (or two-word phrase) points to.
    fn topics_of(&self, term: &str, mut found: impl FnMut(usize)) {
        if let Some(topics) = self.exact.get(term) {
            topics.iter().for_each(|&t| found(t));
        }
        // Every proper prefix at least as long as the shortest in the
        // lexicon, then the whole word ("elect*" also matches "elect").
        for (length, (at, _)) in term.char_indices().enumerate() {
            if length >= self.shortest_prefix
                && let Some(topics) = self.prefixes.get(&term[..at])
            {
                topics.iter().for_each(|&t| found(t));
            }
        }
        if let Some(topics) = self.prefixes.get(term) {
            topics.iter().for_each(|&t| found(t));
        }
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How strongly the text points to each lexicon topic: the title counts
/// three times, and a word repeated counts less each time (its square
/// root), so one word said often does not decide alone.
pub fn topic_scores(title: &str, body: &str) -> Vec<(String, f32)> {
    let lexicon = &*LEXICON;
    let mut hits: HashMap<(usize, String), f32> = HashMap::new();
    for (text, weight) in [(title, 3.0f32), (body, 1.0)] {
        let words = words(text);
        let pairs = words.windows(2).map(|w| format!("{} {}", w[0], w[1]));
        for term in words.iter().cloned().chain(pairs) {
            lexicon.topics_of(&term, |topic| {
                *hits.entry((topic, term.clone())).or_insert(0.0) += weight;
            });
        }
    }
    let mut scores = vec![0.0f32; lexicon.topics.len()];
    for ((topic, _), count) in hits {
        scores[topic] += count.sqrt();
    }
    let mut ranked: Vec<(String, f32)> = lexicon
        .topics
        .iter()
        .cloned()
        .zip(scores)
        .filter(|(_, s)| *s > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}

/// The topics to propose for an article, surest first: those with a fair
/// share of the text's topic words. A sub-topic's words count for its
/// parent too, so "politics" can be proposed from talk of diplomacy.
pub fn suggest_from_text(title: &str, body: &str) -> Vec<TextSuggestion> {
    let mut scores: HashMap<String, f32> = HashMap::new();
    for (topic, score) in topic_scores(title, body) {
        if let Some((parent, _)) = topic.split_once(" › ") {
            *scores.entry(parent.to_string()).or_insert(0.0) += score * 0.5;
        }
        *scores.entry(topic).or_insert(0.0) += score;
    }
    let total: f32 = scores.values().sum();
    if total < 3.0 {
        return Vec::new();
    }
    let mut ranked: Vec<TextSuggestion> = scores
        .into_iter()
        // A topic's share of the topic words, tempered by how much evidence
        // there is: one stray word is no basis for a proposal.
        .map(|(topic, score)| TextSuggestion {
            topic,
            confidence: (score / total * 2.0 * score / (score + 4.0)).min(0.95),
        })
        .filter(|s| s.confidence >= 0.12)
        .collect();
    ranked.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then_with(|| a.topic.cmp(&b.topic))
    });
    ranked.truncate(5);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_reads_every_topic_and_its_words() {
        let lexicon = &*LEXICON;
        assert!(lexicon.topics.len() >= 40, "{}", lexicon.topics.len());
        assert!(lexicon.topics.iter().any(|t| t == "politics › diplomacy"));
        let mut found = Vec::new();
        lexicon.topics_of("elections", |t| found.push(lexicon.topics[t].clone()));
        assert!(found.iter().any(|t| t == "politics › elections"), "{found:?}");
    }

    #[test]
    fn an_editorial_on_talks_between_states_is_about_diplomacy() {
        let title = "Seoul and Pyongyang must keep the dialogue going";
        let body = "The summit between the two leaders opened a door that diplomats had thought shut. \
                    Foreign ministers will meet again next month, and the envoy from Washington said the \
                    allies would support the talks. Bilateral relations have been frozen for years.";
        let suggestions = suggest_from_text(title, body);
        assert_eq!(suggestions[0].topic, "politics › diplomacy", "{suggestions:?}");
        assert!(suggestions.iter().any(|s| s.topic == "politics"));
    }

    #[test]
    fn a_text_without_topic_words_gets_no_suggestion() {
        assert!(suggest_from_text("Untitled", "Lorem ipsum dolor sit amet.").is_empty());
    }
}
