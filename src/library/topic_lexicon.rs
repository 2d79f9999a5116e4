//! Topic suggestions from the text alone: for each language Folio reads,
//! each built-in topic has a list of words that point to it
//! (`assets/topic_lexicon/`, written for Folio), and an article is proposed
//! the topics whose words it uses most. Pure text, no SQL:
//! [`super::suggestions`] adds what the user's own filing teaches.
//!
//! One list per language rather than one method for all: the words that say
//! "strike" or "budget" share nothing across languages, and a list written
//! for each is small, fast and readable. How a word is found follows how the
//! language writes words (see `assets/topic_lexicon/README.md`).

use aho_corasick::AhoCorasick;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A topic proposed for an article, by path ("politics › diplomacy"), with
/// how sure the proposal is (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct TextSuggestion {
    pub topic: String,
    pub confidence: f32,
}

/// The lexicon files, by language tag.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../assets/topic_lexicon/en.tsv")),
    ("fr", include_str!("../../assets/topic_lexicon/fr.tsv")),
    ("es", include_str!("../../assets/topic_lexicon/es.tsv")),
    ("pt", include_str!("../../assets/topic_lexicon/pt.tsv")),
    ("de", include_str!("../../assets/topic_lexicon/de.tsv")),
    ("it", include_str!("../../assets/topic_lexicon/it.tsv")),
    ("nl", include_str!("../../assets/topic_lexicon/nl.tsv")),
    ("pl", include_str!("../../assets/topic_lexicon/pl.tsv")),
    ("tr", include_str!("../../assets/topic_lexicon/tr.tsv")),
    ("ru", include_str!("../../assets/topic_lexicon/ru.tsv")),
    ("uk", include_str!("../../assets/topic_lexicon/uk.tsv")),
    ("el", include_str!("../../assets/topic_lexicon/el.tsv")),
    ("ar", include_str!("../../assets/topic_lexicon/ar.tsv")),
    ("ja", include_str!("../../assets/topic_lexicon/ja.tsv")),
    ("zh", include_str!("../../assets/topic_lexicon/zh.tsv")),
    ("ko", include_str!("../../assets/topic_lexicon/ko.tsv")),
];

/// How a language's words are found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Matching {
    /// Whole words, or word starts for entries ending in `*`.
    Words,
    /// As [`Matching::Words`], once the article and one-letter prefixes are
    /// taken off the front of the word.
    Arabic,
    /// Every entry is a word start: particles join the word.
    WordStarts,
    /// Anywhere in the text: the script leaves no spaces between words.
    Anywhere,
}

fn matching_of(language: &str) -> Matching {
    match language {
        "ar" => Matching::Arabic,
        "ko" => Matching::WordStarts,
        "ja" | "zh" => Matching::Anywhere,
        _ => Matching::Words,
    }
}

/// The writing systems that tell which lexicons can apply to a text whose
/// language is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hangul,
    Kana,
    Han,
}

fn script_of(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => Some(Script::Latin),
        '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}' => Some(Script::Greek),
        '\u{400}'..='\u{4ff}' => Some(Script::Cyrillic),
        '\u{600}'..='\u{6ff}' => Some(Script::Arabic),
        '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' => Some(Script::Hangul),
        '\u{3040}'..='\u{30ff}' => Some(Script::Kana),
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => Some(Script::Han),
        _ => None,
    }
}

fn script_of_language(language: &str) -> Script {
    match language {
        "ru" | "uk" => Script::Cyrillic,
        "el" => Script::Greek,
        "ar" => Script::Arabic,
        "ko" => Script::Hangul,
        "ja" => Script::Kana,
        "zh" => Script::Han,
        _ => Script::Latin,
    }
}

/// One language's words, keyed for lookup.
struct Lexicon {
    language: &'static str,
    matching: Matching,
    /// Whole words and phrases of two or three words.
    exact: HashMap<String, Vec<usize>>,
    /// Word starts (`elect*`), by their text.
    prefixes: HashMap<String, Vec<usize>>,
    shortest_prefix: usize,
    /// For [`Matching::Anywhere`]: every word, and the topics of each.
    anywhere: Option<(AhoCorasick, Vec<Vec<usize>>)>,
}

/// Every language's lexicon, over one list of topics.
struct Lexicons {
    topics: Vec<String>,
    languages: Vec<Lexicon>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::parse(FILES));

/// Lower case, and the same letter however it is written: Turkish dotted
/// capital I, Greek accents (dropped in capitals, so never relied on),
/// Arabic alef with or without hamza, curly apostrophes.
fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'İ' => folded.push('i'),
            '’' | 'ʼ' | '‘' => folded.push('\''),
            'أ' | 'إ' | 'آ' => folded.push('ا'),
            c if matches!(c, '\u{370}'..='\u{3ff}') => {
                for lower in c.to_lowercase() {
                    folded.push(match lower {
                        'ά' => 'α',
                        'έ' => 'ε',
                        'ή' => 'η',
                        'ί' | 'ϊ' | 'ΐ' => 'ι',
                        'ό' => 'ο',
                        'ύ' | 'ϋ' | 'ΰ' => 'υ',
                        'ώ' => 'ω',
                        other => other,
                    });
                }
            }
            c => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

impl Lexicons {
    fn parse(files: &[(&'static str, &str)]) -> Lexicons {
        let mut topics: Vec<String> = Vec::new();
        let mut languages = Vec::new();
        for (language, text) in files {
            let mut lexicon = Lexicon {
                language,
                matching: matching_of(language),
                exact: HashMap::new(),
                prefixes: HashMap::new(),
                shortest_prefix: usize::MAX,
                anywhere: None,
            };
            let mut anywhere: Vec<(String, usize)> = Vec::new();
            for line in text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let Some((topic, words)) = line.split_once('\t') else {
                    continue;
                };
                let topic = topic.trim();
                let index = topics.iter().position(|t| t == topic).unwrap_or_else(|| {
                    topics.push(topic.to_string());
                    topics.len() - 1
                });
                for word in words.split(',').map(|w| fold(w.trim())).filter(|w| !w.is_empty()) {
                    let (stem, is_prefix) = match word.strip_suffix('*') {
                        Some(stem) => (stem.to_string(), true),
                        None => (word, lexicon.matching == Matching::WordStarts),
                    };
                    if lexicon.matching == Matching::Anywhere {
                        anywhere.push((stem, index));
                    } else if is_prefix {
                        lexicon.shortest_prefix = lexicon.shortest_prefix.min(stem.chars().count());
                        lexicon.prefixes.entry(stem).or_default().push(index);
                    } else {
                        lexicon.exact.entry(stem).or_default().push(index);
                    }
                }
            }
            if !anywhere.is_empty() {
                let mut by_word: Vec<(String, Vec<usize>)> = Vec::new();
                for (word, topic) in anywhere {
                    match by_word.iter_mut().find(|(w, _)| *w == word) {
                        Some((_, topics)) => topics.push(topic),
                        None => by_word.push((word, vec![topic])),
                    }
                }
                // Leftmost-longest: "新型コロナ" is one word, not "コロナ" too.
                let automaton = AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build(by_word.iter().map(|(w, _)| w))
                    .expect("the lexicon's words make an automaton");
                lexicon.anywhere = Some((automaton, by_word.into_iter().map(|(_, t)| t).collect()));
            }
            languages.push(lexicon);
        }
        Lexicons { topics, languages }
    }

    /// The lexicons to read a text with: its language's when that is known
    /// and Folio has one, else those of the script most of its letters are
    /// written in.
    fn for_text(&self, language: Option<&str>, text: &str) -> Vec<&Lexicon> {
        if let Some(tag) = language {
            let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            if let Some(lexicon) = self.languages.iter().find(|l| l.language == primary) {
                return vec![lexicon];
            }
        }
        self.for_script(text)
    }

    fn for_script(&self, text: &str) -> Vec<&Lexicon> {
        let mut counts: HashMap<Script, usize> = HashMap::new();
        for script in text.chars().take(4000).filter_map(script_of) {
            *counts.entry(script).or_default() += 1;
        }
        // Japanese writes most of its words in Han, but its kana give it away.
        let kana = counts.get(&Script::Kana).copied().unwrap_or(0);
        if kana > 0 {
            *counts.entry(Script::Kana).or_default() += counts.remove(&Script::Han).unwrap_or(0);
        }
        let Some((script, _)) = counts.into_iter().max_by_key(|(s, n)| (*n, *s as u8)) else {
            return Vec::new();
        };
        self.languages
            .iter()
            .filter(|l| script_of_language(l.language) == script)
            .collect()
    }
}

impl Lexicon {
    /// The topics a word (or phrase) points to.
    fn topics_of(&self, term: &str, found: &mut impl FnMut(usize)) {
        if let Some(topics) = self.exact.get(term) {
            topics.iter().for_each(|&t| found(t));
        }
        // Every proper prefix at least as long as the shortest in the
        // lexicon, then the whole word ("elect*" also matches "elect"). A
        // phrase matches only phrase prefixes ("front line*"), or "film*"
        // would count again in "film for" and "film for an".
        let phrase_from = term.find(' ').map_or(0, |space| space + 1);
        for (length, (at, _)) in term.char_indices().enumerate() {
            if length >= self.shortest_prefix
                && at > phrase_from
                && let Some(topics) = self.prefixes.get(&term[..at])
            {
                topics.iter().for_each(|&t| found(t));
            }
        }
        if let Some(topics) = self.prefixes.get(term) {
            topics.iter().for_each(|&t| found(t));
        }
    }

    /// The forms of a word to look up: the word, and around an apostrophe
    /// the French or Italian word after an elided article ("l'économie") and
    /// the Turkish stem before a suffix ("Türkiye'nin"); in Arabic, the word
    /// without its prefixes ("والحكومة" → "حكومة").
    fn forms<'a>(&self, word: &'a str) -> Vec<&'a str> {
        let mut forms = vec![word];
        if let Some((before, _)) = word.split_once('\'') {
            forms.push(before);
        }
        if let Some((_, after)) = word.rsplit_once('\'') {
            forms.push(after);
        }
        if self.matching == Matching::Arabic {
            let mut rest = word;
            for conjunction in ["و", "ف"] {
                if let Some(r) = rest.strip_prefix(conjunction) {
                    rest = r;
                    break;
                }
            }
            let mut stripped = vec![rest];
            for preposition in ["بال", "كال", "فال", "لل", "ال", "ب", "ل", "ك"] {
                if let Some(r) = rest.strip_prefix(preposition) {
                    stripped.push(r);
                }
            }
            forms.extend(stripped.into_iter().filter(|f| f.chars().count() >= 2));
        }
        forms.dedup();
        forms
    }

    /// Adds this text's hits to `hits`, each (topic, term) with its weight.
    fn read(&self, text: &str, weight: f32, hits: &mut HashMap<(usize, String), f32>) {
        if let Some((automaton, topics)) = &self.anywhere {
            for m in automaton.find_iter(text) {
                for &topic in &topics[m.pattern().as_usize()] {
                    *hits
                        .entry((topic, text[m.start()..m.end()].to_string()))
                        .or_insert(0.0) += weight;
                }
            }
            return;
        }
        let words = words(text);
        let pairs = words.windows(2).map(|w| format!("{} {}", w[0], w[1]));
        let triples = words.windows(3).map(|w| format!("{} {} {}", w[0], w[1], w[2]));
        for term in words.iter().cloned().chain(pairs).chain(triples) {
            // A word counts once for a topic, however many of its forms match.
            let mut topics: HashSet<usize> = HashSet::new();
            for form in self.forms(&term) {
                self.topics_of(form, &mut |t| {
                    topics.insert(t);
                });
            }
            for topic in topics {
                *hits.entry((topic, term.clone())).or_insert(0.0) += weight;
            }
        }
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['\'', '-']))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How strongly the text points to each lexicon topic: the title counts
/// three times, and a word repeated counts less each time (its square
/// root), so one word said often does not decide alone. `language` is the
/// article's BCP 47 tag when known.
pub fn topic_scores(language: Option<&str>, title: &str, body: &str) -> Vec<(String, f32)> {
    let lexicons = &*LEXICONS;
    let (title, body) = (fold(title), fold(body));
    let mut scores = score_with(lexicons, &lexicons.for_text(language, &body), &title, &body);
    if scores.iter().all(|s| *s == 0.0) && language.is_some() {
        // The language may have been guessed wrong: read by the script.
        scores = score_with(lexicons, &lexicons.for_script(&body), &title, &body);
    }
    let mut ranked: Vec<(String, f32)> = lexicons
        .topics
        .iter()
        .cloned()
        .zip(scores)
        .filter(|(_, s)| *s > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
}

fn score_with(lexicons: &Lexicons, chosen: &[&Lexicon], title: &str, body: &str) -> Vec<f32> {
    let mut hits: HashMap<(usize, String), f32> = HashMap::new();
    for lexicon in chosen {
        for (text, weight) in [(title, 3.0f32), (body, 1.0)] {
            lexicon.read(text, weight, &mut hits);
        }
    }
    let mut scores = vec![0.0f32; lexicons.topics.len()];
    for ((topic, _), count) in hits {
        scores[topic] += count.sqrt();
    }
    scores
}

/// Below this, a proposal is a weak guess.
pub const WEAK: f32 = 0.12;

/// The topics to propose for an article, surest first: those with a fair
/// share of the text's topic words. A sub-topic's words count for its
/// parent too, so "politics" can be proposed from talk of diplomacy. When
/// no topic has a fair share, or the text has too few topic words to
/// judge by, the best of them are still proposed, with a confidence under
/// [`WEAK`]: a weak guess is more use than none. Only a
/// text without a single topic word gets nothing.
pub fn suggest_from_text(language: Option<&str>, title: &str, body: &str) -> Vec<TextSuggestion> {
    let mut scores: HashMap<String, f32> = HashMap::new();
    for (topic, score) in topic_scores(language, title, body) {
        if let Some((parent, _)) = topic.split_once(" › ") {
            *scores.entry(parent.to_string()).or_insert(0.0) += score * 0.5;
        }
        *scores.entry(topic).or_insert(0.0) += score;
    }
    let total: f32 = scores.values().sum();
    let mut ranked: Vec<TextSuggestion> = scores
        .into_iter()
        // A topic's share of the topic words, tempered by how much evidence
        // there is: one stray word is no basis for a sure proposal.
        .map(|(topic, score)| TextSuggestion {
            topic,
            confidence: (score / total * 2.0 * score / (score + 4.0)).min(0.95),
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then_with(|| a.topic.cmp(&b.topic))
    });
    // Fewer than three topic words in all: no basis for a sure proposal.
    let fair = if total < 3.0 {
        0
    } else {
        ranked.iter().filter(|s| s.confidence >= WEAK).count()
    };
    if fair > 0 {
        ranked.truncate(fair.min(5));
    } else {
        ranked.truncate(3);
        // Kept under the line however the scores fall, so a guess never
        // passes for a proposal.
        ranked
            .iter_mut()
            .for_each(|s| s.confidence = s.confidence.min(WEAK * 0.9));
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(language: &str, title: &str, body: &str) -> String {
        let suggestions = suggest_from_text(Some(language), title, body);
        suggestions.first().map(|s| s.topic.clone()).unwrap_or_default()
    }

    #[test]
    fn every_language_file_reads_and_names_only_known_topics() {
        let lexicons = &*LEXICONS;
        assert_eq!(lexicons.languages.len(), FILES.len());
        assert!(lexicons.topics.len() >= 40, "{}", lexicons.topics.len());
        let english = Lexicons::parse(&FILES[..1]).topics.len();
        for lexicon in &lexicons.languages {
            let words = lexicon.exact.len()
                + lexicon.prefixes.len()
                + lexicon.anywhere.as_ref().map_or(0, |(_, t)| t.len());
            assert!(words >= 150, "{}: {words} words", lexicon.language);
        }
        // A topic spelt differently in one file would be a topic of its own.
        assert_eq!(lexicons.topics.len(), english, "{:?}", lexicons.topics);
        let mut found = Vec::new();
        lexicons.languages[0].topics_of("elections", &mut |t| found.push(lexicons.topics[t].clone()));
        assert!(found.iter().any(|t| t == "politics › elections"), "{found:?}");
    }

    #[test]
    fn an_editorial_on_talks_between_states_is_about_diplomacy() {
        let title = "Seoul and Pyongyang must keep the dialogue going";
        let body = "The summit between the two leaders opened a door that diplomats had thought shut. \
                    Foreign ministers will meet again next month, and the envoy from Washington said the \
                    allies would support the talks. Bilateral relations have been frozen for years.";
        let suggestions = suggest_from_text(Some("en"), title, body);
        assert_eq!(suggestions[0].topic, "politics › diplomacy", "{suggestions:?}");
        assert!(suggestions.iter().any(|s| s.topic == "politics"));
    }

    #[test]
    fn japanese_and_chinese_words_are_found_without_spaces() {
        let ja = "公務員の長時間労働を改めよ。残業が続き、人手不足で働き方の改革が急務だ。";
        assert!(first("ja", "社説", ja).starts_with("labour"), "{ja}");
        let zh = "地震发生后，救援队连夜搜救，灾区已有数千人疏散。";
        assert!(first("zh", "", zh).starts_with("disaster"));
        // Unknown language: the kana say Japanese.
        assert!(
            suggest_from_text(None, "", ja)
                .first()
                .is_some_and(|s| s.topic.starts_with("labour"))
        );
    }

    #[test]
    fn inflected_and_prefixed_forms_are_found() {
        let ko = "정부는 내년 예산안을 국회에 제출했다. 재정 적자가 커지고 세금이 오른다.";
        assert!(first("ko", "", ko).starts_with("economy"), "{ko}");
        let ru = "Забастовка рабочих завода продолжается: профсоюз требует повышения зарплаты.";
        assert!(first("ru", "", ru).starts_with("labour"));
        let tr = "Deprem bölgesinde arama kurtarma çalışmaları sürüyor, enkaz altında kalanlar var.";
        assert!(first("tr", "", tr).starts_with("disaster"));
        let ar = "والحكومة تواجه البرلمان بعد الانتخابات، والمعارضة تطالب بالإصلاح.";
        assert!(first("ar", "", ar).starts_with("politics"));
        let fr = "L'économie ralentit : l'inflation pèse sur la croissance et les entreprises.";
        assert!(first("fr", "", fr).starts_with("economy"));
        let el = "ΣΕΙΣΜΟΣ ΣΤΗΝ ΚΡΗΤΗ: οι διασώστες ψάχνουν στα ερείπια.";
        assert!(first("el", "", el).starts_with("disaster"));
    }

    #[test]
    fn a_stray_word_gives_a_weak_guess_and_no_word_gives_nothing() {
        let weak = suggest_from_text(
            Some("en"),
            "A long afternoon",
            "We talked about the film for an hour.",
        );
        assert_eq!(weak.len(), 1, "{weak:?}");
        assert!(
            weak[0].topic.starts_with("arts") && weak[0].confidence < WEAK,
            "{weak:?}"
        );
        assert!(suggest_from_text(Some("en"), "Untitled", "Lorem ipsum dolor sit amet.").is_empty());
    }
}
