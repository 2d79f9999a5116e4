//! Which articles tell the same story. Pure: articles' terms (see
//! [`super::features`]) and days in, threads out; the library stores them.
//!
//! Two articles are compared only when they were published within
//! [`Params::window_days`] of each other, and only on the terms they share:
//! an index from each term to the articles holding it, in order of day,
//! gives each article its candidates without looking at every pair. A term
//! weighs by how rare it is among the articles of the weeks around it
//! (TF-IDF with a local IDF): a name in three articles that week is
//! strong evidence, a country in every other one is weak. The similarity
//! is the cosine of the two weighted sets. Articles in two languages are
//! compared on their portable terms only (names, countries, numbers), so
//! their untranslatable words do not dilute it.
//!
//! Threads are built by average linkage over the pairs, strongest first:
//! two threads join only when their articles are, on average, similar
//! enough, so one article that shares a few names with two events cannot
//! chain them together. The user's corrections come first: articles
//! joined by hand start in one thread; articles kept apart never meet.

use super::features::is_portable;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Articles published further apart than this are never one story
    /// (an editorial can trail the news by days, rarely by weeks).
    pub window_days: i32,
    /// A term's rarity is counted among the articles this many days around.
    pub context_days: i32,
    /// A term held by more than this share of those articles says nothing
    /// (once there are enough articles to say it).
    pub common_share: f32,
    /// Two articles at least this similar can bring their threads together…
    pub pair_min: f32,
    /// …when every article of one is, on average, this similar to every
    /// article of the other.
    pub thread_min: f32,
    /// What the similarity of two articles keeps when both name the
    /// countries they concern and none is the same: the same kind of event
    /// in another country that week is the commonest false match.
    pub other_countries: f32,
}

/// Chosen on the tuning half of the labelled set (see `folio bench-stories`).
pub const PARAMS: Params = Params {
    window_days: 7,
    context_days: 30,
    common_share: 0.3,
    pair_min: 0.2,
    thread_min: 0.2,
    other_countries: 0.5,
};

/// How many days around the articles compared a corpus must hold: their
/// window, and the context of the articles in it.
pub fn reach(params: &Params) -> i32 {
    params.window_days + params.context_days
}

/// FNV-1a: terms are short, and the standard hasher (built against
/// attackers feeding chosen keys, which terms of one's own library are
/// not) costs three times as much for them.
#[derive(Default, Clone, Copy)]
struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Pairs weaker than this are not kept for the average linkage: counting
/// them as nothing changes little, and keeping them all costs memory.
const WEAKEST_PAIR: f32 = 0.03;
/// Below this many articles around it, no term is too common to count.
const FEW_ARTICLES: usize = 20;

/// One article as the grouping sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub id: i64,
    /// Days from the common era.
    pub day: i32,
    pub language: Option<String>,
    /// Its terms, one a line, as stored.
    pub terms: String,
}

/// Kinds of term whose weights are summed apart: the portable ones by
/// writing system, and the language-bound words.
const KINDS: usize = 6;
const NEUTRAL: usize = 0;
const WORDS: usize = 4;
const COUNTRIES: usize = 5;

fn kind_index(kind: u8) -> usize {
    match kind {
        b'n' => 1,
        b'k' => 2,
        b'h' => 3,
        b'c' => COUNTRIES,
        _ if !is_portable(kind) => WORDS,
        _ => NEUTRAL,
    }
}

/// What two articles share: the weights of their shared terms, summed
/// apart for the portable ones and the words, and whether a country and a
/// name are among them.
#[derive(Debug, Clone, Copy, Default)]
struct Shared {
    portable: f32,
    words: f32,
    country: bool,
    name: bool,
}

/// The articles, sorted by day, with their weighted terms and the index
/// from each term to the articles holding it.
pub struct Corpus {
    params: Params,
    ids: Vec<i64>,
    days: Vec<i32>,
    languages: Vec<Option<u32>>,
    /// Each article's terms with their weights (zero for a common term).
    weighted: Vec<Vec<(u32, f32)>>,
    /// Each article's sum of squared weights, by kind.
    norms: Vec<[f32; KINDS]>,
    /// Whether the article names a country it concerns.
    countries: Vec<bool>,
    term_kinds: Vec<usize>,
    /// For each term, the articles holding it (in order of day) and the
    /// weight it has in each.
    postings: Vec<Vec<(u32, f32)>>,
}

impl Corpus {
    pub fn new(mut docs: Vec<Doc>, params: Params) -> Corpus {
        docs.sort_by_key(|d| (d.day, d.id));
        let mut term_ids: HashMap<String, u32, Fnv> = HashMap::default();
        let mut term_kinds = Vec::new();
        let mut language_ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut doc_terms: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
        let mut ids = Vec::with_capacity(docs.len());
        let mut days = Vec::with_capacity(docs.len());
        let mut languages = Vec::with_capacity(docs.len());
        for (index, doc) in docs.into_iter().enumerate() {
            let mut terms = Vec::new();
            for term in doc.terms.lines().filter(|t| !t.is_empty()) {
                // Looked up by the borrowed text: only a new term is copied.
                let id = match term_ids.get(term) {
                    Some(&id) => id,
                    None => {
                        let id = term_ids.len() as u32;
                        term_ids.insert(term.to_string(), id);
                        term_kinds.push(kind_index(term.as_bytes()[0]));
                        postings.push(Vec::new());
                        id
                    }
                };
                // A term listed twice counts once.
                if postings[id as usize].last().map(|p| p.0) != Some(index as u32) {
                    postings[id as usize].push((index as u32, 0.0));
                    terms.push(id);
                }
            }
            doc_terms.push(terms);
            ids.push(doc.id);
            days.push(doc.day);
            let next = language_ids.len() as u32;
            languages.push(doc.language.map(|l| {
                let base = l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                *language_ids.entry(base).or_insert(next)
            }));
        }
        let mut corpus = Corpus {
            params,
            ids,
            days,
            languages,
            weighted: Vec::new(),
            norms: Vec::new(),
            countries: Vec::new(),
            term_kinds,
            postings,
        };
        corpus.weigh(doc_terms);
        corpus
    }

    /// Weighs every term of every article by its rarity in the weeks around
    /// the article.
    fn weigh(&mut self, doc_terms: Vec<Vec<u32>>) {
        let context = self.params.context_days;
        for (index, terms) in doc_terms.into_iter().enumerate() {
            let day = self.days[index];
            let (first, end) = self.span(day - context, day + context);
            let around = end - first;
            let mut weighted = Vec::with_capacity(terms.len());
            let mut norms = [0.0f32; KINDS];
            for term in terms {
                let postings = &self.postings[term as usize];
                let held = postings.partition_point(|p| (p.0 as usize) < end)
                    - postings.partition_point(|p| (p.0 as usize) < first);
                let common = around >= FEW_ARTICLES && held as f32 > self.params.common_share * around as f32;
                // A term no other article around holds cannot tell which
                // story this one is; counted, it would only dilute.
                let kind = self.term_kinds[term as usize];
                let weight = if common || held < 2 {
                    0.0
                } else {
                    ((around as f32 + 1.0) / held as f32).ln()
                };
                norms[kind] += weight * weight;
                weighted.push((term, weight));
            }
            self.countries.push(
                weighted
                    .iter()
                    .any(|&(t, _)| self.term_kinds[t as usize] == COUNTRIES),
            );
            self.weighted.push(weighted);
            self.norms.push(norms);
        }
        // Each posting learns its weight, in the same order it was made.
        for (index, terms) in self.weighted.iter().enumerate() {
            for &(term, weight) in terms {
                let postings = &mut self.postings[term as usize];
                let at = postings.partition_point(|p| (p.0 as usize) < index);
                postings[at].1 = weight;
            }
        }
    }

    /// The articles published from day `from` to day `to`: a range of indexes.
    fn span(&self, from: i32, to: i32) -> (usize, usize) {
        (
            self.days.partition_point(|&d| d < from),
            self.days.partition_point(|&d| d <= to),
        )
    }

    /// How similar two articles are, from the weights of the terms they share.
    fn similarity(&self, a: usize, b: usize, shared: Shared) -> f32 {
        let same_language = match (self.languages[a], self.languages[b]) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        let (na, nb) = (&self.norms[a], &self.norms[b]);
        let mut norm_a = 0.0;
        let mut norm_b = 0.0;
        for kind in 0..KINDS {
            let counted = same_language
                || kind == NEUTRAL
                || kind == COUNTRIES
                || (kind != WORDS && na[kind] > 0.0 && nb[kind] > 0.0);
            if counted {
                norm_a += na[kind];
                norm_b += nb[kind];
            }
        }
        let dot = shared.portable + if same_language { shared.words } else { 0.0 };
        // Which event it was is told by names: articles that could share
        // one (both name people or places in one writing system) and
        // share none tell of the same kind of event at most.
        let could_share_a_name =
            (0..KINDS).any(|k| k != NEUTRAL && k != WORDS && k != COUNTRIES && na[k] > 0.0 && nb[k] > 0.0);
        if norm_a <= 0.0 || norm_b <= 0.0 || (could_share_a_name && !shared.name) {
            return 0.0;
        }
        let elsewhere = self.countries[a] && self.countries[b] && !shared.country;
        dot / (norm_a * norm_b).sqrt()
            * if elsewhere {
                self.params.other_countries
            } else {
                1.0
            }
    }

    /// The articles after article `index` (in the order of days) within
    /// its window that share a term with it, with their similarity to it.
    fn later_neighbours(&self, index: usize, shared: &mut HashMap<u32, Shared, Fnv>) -> Vec<(usize, f32)> {
        let day = self.days[index];
        let (_, end) = self.span(day, day + self.params.window_days);
        let first = index + 1;
        shared.clear();
        for &(term, weight) in &self.weighted[index] {
            if weight <= 0.0 {
                continue;
            }
            let postings = &self.postings[term as usize];
            let start = postings.partition_point(|p| (p.0 as usize) < first);
            let kind = self.term_kinds[term as usize];
            for &(other, other_weight) in &postings[start..] {
                if other as usize >= end {
                    break;
                }
                if other as usize == index {
                    continue;
                }
                let entry = shared.entry(other).or_default();
                match kind {
                    WORDS => entry.words += weight * other_weight,
                    COUNTRIES => {
                        entry.portable += weight * other_weight;
                        entry.country = true;
                    }
                    NEUTRAL => entry.portable += weight * other_weight,
                    _ => {
                        entry.portable += weight * other_weight;
                        entry.name = true;
                    }
                }
            }
        }
        shared
            .iter()
            .map(|(&other, &found)| (other as usize, self.similarity(index, other as usize, found)))
            .filter(|&(_, s)| s > 0.0)
            .collect()
    }

    /// The pairs of articles within the window of each other, at least
    /// [`WEAKEST_PAIR`] similar, whose earlier article was published from
    /// day `from` to day `to`: (id, id, similarity). Exact when the corpus
    /// holds every article from `from` less the window and the context to
    /// `to` plus both (see [`reach`]).
    pub fn pairs(&self, from: i32, to: i32) -> Vec<(i64, i64, f32)> {
        let mut shared = HashMap::default();
        let mut pairs = Vec::new();
        let (first, end) = self.span(from, to);
        for index in first..end {
            for (other, s) in self.later_neighbours(index, &mut shared) {
                if s >= WEAKEST_PAIR {
                    pairs.push((self.ids[index], self.ids[other], s));
                }
            }
        }
        pairs
    }
}

/// The user's corrections, as pairs of article ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corrections {
    /// Joined by hand: always in one thread.
    pub same: Vec<(i64, i64)>,
    /// "Not the same story": never in one thread.
    pub apart: Vec<(i64, i64)>,
}

/// Every thread of two articles or more, as article ids: the corpus
/// grouped by average linkage, the corrections kept.
pub fn threads(pairs: Vec<(i64, i64, f32)>, corrections: &Corrections, params: Params) -> Vec<Vec<i64>> {
    let mut nodes: HashMap<i64, u32> = HashMap::new();
    let mut ids: Vec<i64> = Vec::new();
    // An article joined by hand may have no day to be compared by: it is
    // still in its thread.
    let mut node = |id: i64, ids: &mut Vec<i64>| {
        let next = ids.len() as u32;
        *nodes.entry(id).or_insert_with(|| {
            ids.push(id);
            next
        })
    };
    let same: Vec<(u32, u32)> = corrections
        .same
        .iter()
        .map(|&(a, b)| (node(a, &mut ids), node(b, &mut ids)))
        .collect();
    let apart: Vec<(u32, u32)> = corrections
        .apart
        .iter()
        .map(|&(a, b)| (node(a, &mut ids), node(b, &mut ids)))
        .collect();
    let pairs: Vec<(u32, u32, f32)> = pairs
        .into_iter()
        .map(|(a, b, s)| (node(a, &mut ids), node(b, &mut ids), s))
        .collect();
    let mut clusters = Clusters::new(ids.len(), &pairs, &apart);
    for (a, b) in same {
        clusters.merge(a, b);
    }
    let mut strongest = pairs;
    strongest.sort_by(|x, y| y.2.total_cmp(&x.2));
    for &(a, b, s) in &strongest {
        if s < params.pair_min {
            break;
        }
        let (ra, rb) = (clusters.find(a), clusters.find(b));
        if ra == rb || clusters.kept_apart(ra, rb) {
            continue;
        }
        let size = (clusters.members[ra as usize].len() * clusters.members[rb as usize].len()) as f32;
        if clusters.linkage(ra, rb) / size >= params.thread_min {
            clusters.merge(ra, rb);
        }
    }
    let roots: Vec<u32> = (0..ids.len() as u32).filter(|&n| clusters.find(n) == n).collect();
    let mut threads: Vec<Vec<i64>> = roots
        .into_iter()
        .filter(|&n| clusters.members[n as usize].len() > 1)
        .map(|n| {
            let mut thread: Vec<i64> = clusters.members[n as usize]
                .iter()
                .map(|&m| ids[m as usize])
                .collect();
            thread.sort_unstable();
            thread
        })
        .collect();
    threads.sort();
    threads
}

/// Threads being built: a union-find whose roots know their members and
/// the articles they must stay apart from.
struct Clusters {
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
    /// Each article's pairs, for the linkage between two threads.
    adjacent: Vec<Vec<(u32, f32)>>,
    apart: Vec<Vec<u32>>,
}

impl Clusters {
    fn new(nodes: usize, pairs: &[(u32, u32, f32)], apart: &[(u32, u32)]) -> Clusters {
        let mut adjacent = vec![Vec::new(); nodes];
        for &(a, b, s) in pairs {
            adjacent[a as usize].push((b, s));
            adjacent[b as usize].push((a, s));
        }
        let mut apart_of = vec![Vec::new(); nodes];
        for &(a, b) in apart {
            apart_of[a as usize].push(b);
            apart_of[b as usize].push(a);
        }
        Clusters {
            parent: (0..nodes as u32).collect(),
            members: (0..nodes as u32).map(|n| vec![n]).collect(),
            adjacent,
            apart: apart_of,
        }
    }

    fn find(&mut self, mut node: u32) -> u32 {
        while self.parent[node as usize] != node {
            let grand = self.parent[self.parent[node as usize] as usize];
            self.parent[node as usize] = grand;
            node = grand;
        }
        node
    }

    /// The sum of the similarities between the articles of two threads.
    fn linkage(&mut self, a: u32, b: u32) -> f32 {
        let (small, other) = if self.members[a as usize].len() <= self.members[b as usize].len() {
            (a, b)
        } else {
            (b, a)
        };
        let mut sum = 0.0;
        for m in self.members[small as usize].clone() {
            for (n, s) in self.adjacent[m as usize].clone() {
                if self.find(n) == other {
                    sum += s;
                }
            }
        }
        sum
    }

    fn kept_apart(&mut self, a: u32, b: u32) -> bool {
        let (small, other) = if self.apart[a as usize].len() <= self.apart[b as usize].len() {
            (a, b)
        } else {
            (b, a)
        };
        self.apart[small as usize]
            .clone()
            .into_iter()
            .any(|n| self.find(n) == other)
    }

    fn merge(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (big, small) = if self.members[ra as usize].len() >= self.members[rb as usize].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        let moved = std::mem::take(&mut self.members[small as usize]);
        self.members[big as usize].extend(moved);
        let apart = std::mem::take(&mut self.apart[small as usize]);
        self.apart[big as usize].extend(apart);
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::extract;
    use super::*;

    fn doc(id: i64, day: i32, language: &str, title: &str, body: &str, countries: &[&str]) -> Doc {
        let countries: Vec<String> = countries.iter().map(|c| c.to_string()).collect();
        Doc {
            id,
            day,
            language: Some(language.into()),
            terms: extract(title, body, &countries).join("\n"),
        }
    }

    /// A week of news: two papers (in English and in German) on one summit,
    /// an editorial on it days later, a summit of other leaders on the same
    /// topic, and unrelated news.
    fn week() -> Vec<Doc> {
        vec![
            doc(
                1,
                100,
                "en",
                "Kishida and Yoon agree to resume shuttle diplomacy",
                "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol met in Tokyo on Thursday \
                 and agreed to resume shuttle diplomacy suspended since 2011. Kishida said the summit opened a new chapter.",
                &["Japan", "South Korea"],
            ),
            doc(
                2,
                101,
                "de",
                "Kishida und Yoon vereinbaren Pendeldiplomatie",
                "Der japanische Regierungschef Fumio Kishida und Südkoreas Präsident Yoon Suk Yeol haben sich in Tokio \
                 getroffen. Seit 2011 hatte es keine solchen Besuche gegeben.",
                &["Japan", "South Korea"],
            ),
            doc(
                3,
                104,
                "en",
                "A thaw worth keeping",
                "The meeting between Kishida and Yoon in Tokyo should be welcomed. Shuttle diplomacy between the two \
                 neighbours lapsed in 2011, and the summit restores it.",
                &["Japan", "South Korea"],
            ),
            doc(
                4,
                102,
                "en",
                "Macron and Scholz meet in Paris over defence",
                "French President Emmanuel Macron and German Chancellor Olaf Scholz met in Paris on Friday to discuss \
                 joint defence procurement, their summit ending without a statement.",
                &["France", "Germany"],
            ),
            doc(
                5,
                103,
                "en",
                "Flooding closes schools in Bangladesh",
                "Heavy monsoon rains flooded districts around Sylhet, closing hundreds of schools, officials said.",
                &["Bangladesh"],
            ),
        ]
    }

    fn group(docs: Vec<Doc>, corrections: &Corrections) -> Vec<Vec<i64>> {
        threads(
            Corpus::new(docs, PARAMS).pairs(i32::MIN, i32::MAX),
            corrections,
            PARAMS,
        )
    }

    fn thread_of(threads: &[Vec<i64>], id: i64) -> Option<&Vec<i64>> {
        threads.iter().find(|t| t.contains(&id))
    }

    #[test]
    fn two_papers_in_two_languages_on_one_event_are_one_thread() {
        let threads = group(week(), &Corrections::default());
        assert_eq!(thread_of(&threads, 1), Some(&vec![1, 2, 3]), "{threads:?}");
    }

    #[test]
    fn another_summit_that_week_stays_apart() {
        let threads = group(week(), &Corrections::default());
        assert_eq!(thread_of(&threads, 4), None, "{threads:?}");
        assert_eq!(thread_of(&threads, 5), None, "{threads:?}");
    }

    #[test]
    fn the_same_names_a_month_later_are_another_story() {
        let mut docs = week();
        docs.push(doc(6, 140, "en", "Kishida and Yoon meet again in Seoul",
            "Fumio Kishida and Yoon Suk Yeol met in Seoul, continuing the shuttle diplomacy resumed in Tokyo.",
            &["Japan", "South Korea"]));
        let threads = group(docs, &Corrections::default());
        assert_eq!(thread_of(&threads, 6), None, "{threads:?}");
    }

    #[test]
    fn corrections_survive_a_recomputation() {
        let corrections = Corrections {
            same: vec![(4, 5)],
            apart: vec![(2, 3), (1, 2)],
        };
        let threads = group(week(), &corrections);
        assert_eq!(thread_of(&threads, 4), Some(&vec![4, 5]), "{threads:?}");
        let german = thread_of(&threads, 2);
        assert!(
            german.is_none_or(|t| !t.contains(&1) && !t.contains(&3)),
            "{threads:?}"
        );
        assert_eq!(thread_of(&threads, 1), Some(&vec![1, 3]), "{threads:?}");
    }
}
