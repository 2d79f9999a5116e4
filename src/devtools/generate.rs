//! Realistic libraries for benchmarks: `folio generate --articles N`.
//!
//! Deterministic from a seed. Bodies of about 5 KB follow a Zipf word
//! distribution (a few words very common, a long tail of rare ones) in
//! several languages; dates span thirty years; there are a few hundred
//! sources, every region and country of the gazetteer, tags (up to ten
//! thousand distinct ones), and notes on a share of the articles.

use crate::library::{Library, NewArticle, Result};
use crate::model::regions;
use crate::model::{DatePrecision, ExtractedArticle, Published};
use chrono::NaiveDate;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Plan {
    pub articles: usize,
    pub seed: u64,
    /// Distinct tags to draw from.
    pub tags: usize,
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the
/// same library on every machine. The tests' fuzzers and crash test use it too.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// True about `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// The most frequent words of each language (written by hand), then a long
/// tail of made-up words built from the language's common syllables.
struct Language {
    code: &'static str,
    head: &'static [&'static str],
    syllables: &'static [&'static str],
    /// Scripts written without spaces join words directly.
    spaced: bool,
}

const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        head: &[
            "the",
            "of",
            "and",
            "to",
            "in",
            "a",
            "is",
            "that",
            "for",
            "on",
            "it",
            "with",
            "as",
            "was",
            "be",
            "by",
            "this",
            "are",
            "government",
            "minister",
            "country",
            "year",
            "people",
            "said",
            "new",
            "would",
            "will",
            "talks",
            "economy",
            "election",
            "security",
            "policy",
            "trade",
            "court",
            "war",
            "peace",
            "market",
            "president",
            "parliament",
            "reform",
            "crisis",
            "budget",
            "border",
            "agreement",
            "sanctions",
            "vote",
        ],
        syllables: &[
            "ar", "en", "ti", "on", "ra", "lo", "ver", "man", "der", "ist", "pro", "com", "ter", "al", "ment",
        ],
        spaced: true,
    },
    Language {
        code: "fr",
        head: &[
            "le",
            "de",
            "la",
            "et",
            "les",
            "des",
            "en",
            "un",
            "une",
            "du",
            "est",
            "que",
            "pour",
            "dans",
            "pas",
            "gouvernement",
            "ministre",
            "pays",
            "année",
            "réforme",
            "élection",
            "accord",
            "sécurité",
            "président",
            "politique",
            "économie",
            "crise",
            "budget",
            "frontière",
            "négociations",
            "sanctions",
            "vote",
        ],
        syllables: &[
            "ré", "en", "ti", "on", "la", "por", "mé", "ment", "ait", "eur", "con", "pre", "ve", "al",
        ],
        spaced: true,
    },
    Language {
        code: "es",
        head: &[
            "el",
            "la",
            "de",
            "que",
            "y",
            "en",
            "los",
            "las",
            "un",
            "una",
            "por",
            "con",
            "para",
            "es",
            "del",
            "gobierno",
            "ministro",
            "país",
            "año",
            "reforma",
            "elecciones",
            "acuerdo",
            "seguridad",
            "presidente",
            "política",
            "economía",
            "crisis",
            "presupuesto",
            "frontera",
            "sanciones",
            "votación",
        ],
        syllables: &[
            "ra", "en", "ti", "ón", "lo", "ci", "men", "de", "ro", "es", "tra", "pa", "go", "al",
        ],
        spaced: true,
    },
    Language {
        code: "de",
        head: &[
            "der",
            "die",
            "und",
            "das",
            "in",
            "zu",
            "den",
            "ist",
            "nicht",
            "von",
            "mit",
            "sich",
            "des",
            "auf",
            "Regierung",
            "Minister",
            "Land",
            "Jahr",
            "Reform",
            "Wahl",
            "Abkommen",
            "Sicherheit",
            "Präsident",
            "Politik",
            "Wirtschaft",
            "Krise",
            "Haushalt",
            "Grenze",
            "Verhandlungen",
            "Sanktionen",
        ],
        syllables: &[
            "ver", "ein", "ung", "ten", "sch", "lich", "ge", "be", "ar", "keit", "an", "er", "st",
        ],
        spaced: true,
    },
    Language {
        code: "ja",
        head: &[
            "政府",
            "首相",
            "選挙",
            "経済",
            "外交",
            "安全保障",
            "国会",
            "改革",
            "予算",
            "協議",
            "制裁",
            "首脳",
            "北朝鮮",
            "韓国",
            "米国",
            "中国",
            "日本",
            "対話",
            "合意",
            "問題",
            "社会",
            "地域",
            "方針",
            "議論",
        ],
        syllables: &[
            "は",
            "が",
            "を",
            "に",
            "の",
            "で",
            "と",
            "も",
            "した",
            "する",
            "ている",
            "べきだ",
            "である",
        ],
        spaced: false,
    },
];

/// Words of one language, most frequent first, and the cumulative Zipf
/// weights to draw them with.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

const TAIL_WORDS: usize = 8_000;

impl Vocabulary {
    fn new(language: &Language, rng: &mut Rng) -> Vocabulary {
        let mut words: Vec<String> = language.head.iter().map(|w| w.to_string()).collect();
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < language.head.len() + TAIL_WORDS {
            let parts = 2 + rng.below(3);
            let word: String = (0..parts)
                .map(|_| language.syllables[rng.below(language.syllables.len())])
                .collect();
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(1.07);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let target = (rng.next_u64() as f64 / u64::MAX as f64) * total;
        let index = self
            .cumulative
            .partition_point(|c| *c < target)
            .min(self.words.len() - 1);
        &self.words[index]
    }
}

const CITIES: &[&str] = &[
    "Northern",
    "Capital",
    "Harbour",
    "Valley",
    "Coastal",
    "Prairie",
    "Highland",
    "Island",
    "Delta",
    "Metro",
    "Riverside",
    "Lakeside",
    "Eastern",
    "Western",
    "Southern",
    "Central",
    "Atlantic",
    "Pacific",
    "Desert",
    "Alpine",
];
const PAPERS: &[&str] = &[
    "Times",
    "Herald",
    "Post",
    "Chronicle",
    "Ledger",
    "Courier",
    "Gazette",
    "Observer",
    "Tribune",
    "Standard",
    "Mercury",
    "Sentinel",
    "Review",
    "Journal",
    "Dispatch",
];
const KINDS: &[&str] = &["editorial", "opinion", "news", "news", "news", "analysis"];
const TAG_WORDS: &[&str] = &[
    "diplomacy",
    "elections",
    "trade",
    "climate",
    "energy",
    "security",
    "migration",
    "health",
    "courts",
    "media",
    "labour",
    "housing",
    "water",
    "food",
    "debt",
    "defence",
    "education",
    "technology",
    "religion",
    "sport",
];

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn sentence(vocabulary: &Vocabulary, language: &Language, rng: &mut Rng) -> String {
    let length = 8 + rng.below(18);
    let words: Vec<&str> = (0..length).map(|_| vocabulary.word(rng)).collect();
    if language.spaced {
        format!("{}.", capitalised(&words.join(" ")))
    } else {
        format!("{}。", words.concat())
    }
}

fn tag_name(index: usize) -> String {
    let word = TAG_WORDS[index % TAG_WORDS.len()];
    match index / TAG_WORDS.len() {
        0 => word.to_string(),
        round => format!("{word} {round}"),
    }
}

/// Generated articles, one after another, the same for the same plan.
pub struct Articles {
    rng: Rng,
    vocabularies: Vec<Vocabulary>,
    countries: Vec<(String, &'static str)>,
    sources: Vec<String>,
    first_day: NaiveDate,
    tags: usize,
    made: usize,
}

impl Articles {
    pub fn new(plan: &Plan) -> Articles {
        let mut rng = Rng(plan.seed);
        let vocabularies: Vec<Vocabulary> = LANGUAGES.iter().map(|l| Vocabulary::new(l, &mut rng)).collect();
        Articles {
            rng,
            vocabularies,
            countries: regions::all_countries(),
            // 20 × 15 = 300 distinct publications.
            sources: (0..CITIES.len() * PAPERS.len())
                .map(|i| format!("The {} {}", CITIES[i % CITIES.len()], PAPERS[i / CITIES.len()]))
                .collect(),
            first_day: NaiveDate::from_ymd_opt(1995, 1, 1).expect("a valid date"),
            tags: plan.tags,
            made: 0,
        }
    }

    /// The next article, and a note on it for about one in ten.
    pub fn next_article(&mut self) -> (ExtractedArticle, Option<String>) {
        let n = self.made;
        self.made += 1;
        let rng = &mut self.rng;
        // Mostly English, as most users' archives are; the others for breadth.
        let language_index = match rng.below(100) {
            0..=59 => 0,
            60..=72 => 1,
            73..=84 => 2,
            85..=94 => 3,
            _ => 4,
        };
        let (language, vocabulary) = (&LANGUAGES[language_index], &self.vocabularies[language_index]);
        let (country, region) = &self.countries[rng.below(self.countries.len())];
        let title_words: Vec<&str> = (0..5 + rng.below(7)).map(|_| vocabulary.word(rng)).collect();
        let title = if language.spaced {
            format!("{} in {country}", capitalised(&title_words.join(" ")))
        } else {
            title_words.concat()
        };
        let mut body = String::new();
        while body.len() < 4_500 + rng.below(1_000) {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            let sentences: Vec<String> = (0..3 + rng.below(4))
                .map(|_| sentence(vocabulary, language, rng))
                .collect();
            body.push_str(&sentences.join(if language.spaced { " " } else { "" }));
        }
        // Each body is unique, so none is taken for a duplicate.
        body.push_str(&format!("\n\n{country} {n}."));
        let day = self.first_day + chrono::Duration::days(rng.below(30 * 365) as i64);
        let precision = if rng.chance(5) {
            DatePrecision::Month
        } else {
            DatePrecision::Day
        };
        let published = Published {
            date: if precision == DatePrecision::Month {
                day.with_day_one()
            } else {
                day
            },
            precision,
            time: None,
        };
        let tags: Vec<String> = (0..rng.below(4))
            .map(|_| tag_name(rng.below(self.tags.max(1))))
            .collect();
        let meta = ExtractedArticle {
            title: Some(title),
            authors: if rng.chance(60) {
                vec![format!("Reporter {}", rng.below(2_000))]
            } else {
                Vec::new()
            },
            published: Some(published),
            source: Some(self.sources[rng.below(self.sources.len())].clone()),
            section: Some(["World", "Politics", "Business", "Opinion"][rng.below(4)].to_string()),
            region: Some(region.to_string()),
            region_basis: None,
            countries: vec![country.to_string()],
            kind: Some(KINDS[rng.below(KINDS.len())].to_string()),
            language: Some(language.code.to_string()),
            url: None,
            body,
            tags,
        };
        let note = rng.chance(10).then(|| {
            format!(
                "Note: compare with {} coverage.",
                self.sources[rng.below(self.sources.len())]
            )
        });
        (meta, note)
    }
}

/// An article as a plain-text clipping, the way a user copies one off a
/// page: headline, publication and section, date, byline, then the text.
pub fn as_clipping(meta: &ExtractedArticle) -> String {
    let mut lines: Vec<String> = Vec::new();
    lines.push(meta.title.clone().unwrap_or_default());
    lines.push(String::new());
    lines.push(format!(
        "{} · {}",
        meta.source.as_deref().unwrap_or(""),
        meta.section.as_deref().unwrap_or("")
    ));
    if let Some(p) = meta.published {
        lines.push(p.date.format("%B %-d, %Y").to_string());
    }
    if let Some(author) = meta.authors.first() {
        lines.push(format!("By {author}"));
    }
    lines.push(String::new());
    lines.push(meta.body.clone());
    lines.join("\n")
}

/// Articles stored per transaction by [`generate`].
const GENERATED_BATCH: usize = 500;

/// Generated articles on their way to the library, with the notes some of
/// them come with (by their place in the batch).
#[derive(Default)]
struct Batch {
    articles: Vec<NewArticle>,
    notes: Vec<(usize, String)>,
}

/// Builds the articles and stores them in batches; `progress` hears how many
/// are done. Returns how many were stored.
pub fn generate(library: &mut Library, plan: &Plan, mut progress: impl FnMut(usize)) -> Result<usize> {
    let mut articles = Articles::new(plan);
    library.write_without_waiting_for_the_disk()?;
    // What users add by hand, drawn apart from the articles so they stay
    // the same: a topic for about a third, a highlight for one in twenty.
    let mut hand = Rng::new(plan.seed ^ 0x5eed_70b1c);
    let topics: Vec<i64> = {
        fn all(nodes: &[crate::library::TopicNode], into: &mut Vec<i64>) {
            for node in nodes {
                into.push(node.id);
                all(&node.children, into);
            }
        }
        let mut ids = Vec::new();
        all(&library.topic_tree()?, &mut ids);
        ids
    };
    let colours = crate::model::HighlightColor::ALL;
    let mut stored = 0;
    // The articles are written on a thread of their own while this one
    // stores the batch before.
    std::thread::scope(|scope| -> Result<()> {
        let (sender, batches) = std::sync::mpsc::sync_channel::<Batch>(1);
        scope.spawn(move || {
            let mut batch = Batch::default();
            for n in 0..plan.articles {
                let (meta, note) = articles.next_article();
                if let Some(note) = note {
                    batch.notes.push((batch.articles.len(), note));
                }
                batch.articles.push(NewArticle {
                    compressed_original: crate::library::compress(meta.body.as_bytes()),
                    meta,
                    file_name: Some(format!("generated-{n:06}.txt")),
                    format: "text".into(),
                });
                let full = batch.articles.len() == GENERATED_BATCH || n + 1 == plan.articles;
                // The receiver is gone when storing failed: stop.
                if full && sender.send(std::mem::take(&mut batch)).is_err() {
                    break;
                }
            }
        });
        for batch in batches {
            let outcomes = library.insert_batch(&batch.articles)?;
            for (outcome, new) in outcomes.iter().zip(&batch.articles) {
                let Ok(crate::library::InsertOutcome::Imported { id }) = outcome else {
                    continue;
                };
                if !topics.is_empty() && hand.chance(33) {
                    library.change_topics(*id, &[topics[hand.below(topics.len())]], &[])?;
                }
                // The first sentence of the second paragraph, highlighted.
                let quote = new
                    .meta
                    .body
                    .split("\n\n")
                    .nth(1)
                    .and_then(|p| p.split_inclusive(['.', '。']).next());
                if let Some(quote) = quote.filter(|_| hand.chance(5)) {
                    let colour = colours[hand.below(colours.len())];
                    let comment = hand.chance(50).then_some("Worth quoting.");
                    library.add_highlight_of(*id, quote.trim(), colour, comment)?;
                }
            }
            for (index, note) in batch.notes {
                if let Some(Ok(crate::library::InsertOutcome::Imported { id })) = outcomes.get(index) {
                    library.set_note(*id, &note)?;
                }
            }
            stored += outcomes
                .iter()
                .filter(|o| matches!(o, Ok(crate::library::InsertOutcome::Imported { .. })))
                .count();
            progress(stored);
        }
        Ok(())
    })?;
    Ok(stored)
}

trait DayOne {
    fn with_day_one(self) -> Self;
}

impl DayOne for NaiveDate {
    fn with_day_one(self) -> Self {
        use chrono::Datelike;
        self.with_day(1).unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_library() {
        let make = |seed| {
            let dir = tempfile::tempdir().unwrap();
            let mut library = Library::open(&dir.path().join("g.sqlite")).unwrap();
            let plan = Plan {
                articles: 40,
                seed,
                tags: 100,
            };
            assert_eq!(generate(&mut library, &plan, |_| {}).unwrap(), 40);
            let rows = library.list(&crate::library::Filter::default()).unwrap();
            let first = library.get_article(rows[0].id).unwrap();
            (rows.len(), first.meta.title, first.meta.body.len(), first.tags)
        };
        assert_eq!(make(7), make(7));
        assert_ne!(make(7).1, make(8).1);
        let (count, _, body_len, _) = make(7);
        assert_eq!(count, 40);
        assert!((4_000..7_000).contains(&body_len), "{body_len}");
    }
}
