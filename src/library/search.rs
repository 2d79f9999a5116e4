//! Full-text search over title, body, source and notes, in the search
//! language of [`super::query`].

use super::articles::{SUMMARY_COLUMN_COUNT, SUMMARY_COLUMNS, summary_from_row};
use super::filter::{Condition, Filter, Place, where_sql};
use super::query::{self, Term};
use super::snippet::{Needle, matched_snippet, snippet};
use super::{Library, Result};
use crate::model::{FoundIn, SearchHit};
use rusqlite::{OptionalExtension, params_from_iter, types::Value};

/// Results a search returns when the filter sets no limit.
const DEFAULT_LIMIT: usize = 50;

/// How many of the newest matches a search ranks at first (see `run_search`).
pub(super) const RANKING_WINDOW: usize = 2_000;
/// A query with a phrase starts with a window this many times smaller.
const PHRASE_WINDOW_DIVISOR: usize = 1;

/// What a search typed so far asks of an article, as conditions: every
/// match, not the first page of them, so the sidebar's counts and the
/// timeline can follow the search.
pub fn search_conditions(input: &str) -> Vec<Condition> {
    let compiled = query::compile(&query::parse(input, true));
    let mut conditions: Vec<Condition> = compiled
        .rank_match
        .into_iter()
        .map(Condition::FullText)
        .chain(compiled.prefix_match.map(Condition::WordStart))
        .collect();
    conditions.extend(compiled.conditions);
    conditions
}

impl Library {
    /// Searches as the user typed it: the last word is a prefix.
    pub fn search_as_typed(&self, input: &str, filter: &Filter) -> Result<Vec<SearchHit>> {
        self.run_search(input, filter, true)
    }

    /// Best match first (bm25, the title weighing most), within a filter,
    /// each with a snippet whose matched words stand between `[` and `]`.
    /// A query of fields only lists newest first.
    pub fn search(&self, input: &str, filter: &Filter) -> Result<Vec<SearchHit>> {
        self.run_search(input, filter, false)
    }

    fn run_search(&self, input: &str, filter: &Filter, still_typing: bool) -> Result<Vec<SearchHit>> {
        let clauses = query::parse(input, still_typing);
        let compiled = query::compile(&clauses);
        if compiled.is_empty() {
            return Ok(Vec::new());
        }
        let limit = filter.limit.unwrap_or(DEFAULT_LIMIT);
        let needles: Vec<Needle> = clauses
            .iter()
            .filter(|c| !c.negated)
            .flat_map(|c| &c.any_of)
            .filter_map(|t| match t {
                Term::Text { words, prefix, .. } => Some(words.iter().enumerate().map(|(i, w)| Needle {
                    text: w.clone(),
                    prefix: *prefix && i + 1 == words.len(),
                })),
                _ => None,
            })
            .flatten()
            .collect();
        let Some(rank_match) = &compiled.rank_match else {
            return match &compiled.prefix_match {
                Some(prefix) => self.recent_with_prefix(prefix, &compiled, filter, limit, &needles),
                None => self.newest_matching(&compiled, filter, limit, &needles),
            };
        };
        // Ranking every match is what makes a common word slow in a large
        // library (bm25 over 50,000 articles takes ~60 ms). So the ranking
        // looks at the newest matches first, a window whose start is found
        // by walking the index backwards, which costs little. When filters
        // or phrases leave fewer results than a page, the window widens
        // until it covers the whole library.
        let window_match = compiled.window_match.as_deref().unwrap_or(rank_match);
        // A phrase is checked word by word in every article that holds all
        // its words, and common words have long lists of places: its window
        // starts smaller.
        let has_phrase = window_match != rank_match;
        // bm25 weighs each term by how many articles hold it, and for a
        // phrase FTS5 finds that by checking every article (~45 ms for two
        // common words in 100,000 articles). So a phrase query ranks by its
        // words, and the phrase itself is checked only within the window.
        let phrases = has_phrase.then_some(rank_match.as_str());
        let mut window = if has_phrase {
            (self.ranking_window / PHRASE_WINDOW_DIVISOR).max(1)
        } else {
            self.ranking_window
        };
        loop {
            let start = self.window_start(window_match, window)?;
            let ranking = Ranking {
                words: window_match,
                phrases,
                start,
            };
            let hits = self.ranked(&ranking, &compiled, filter, limit, &needles)?;
            if start.is_none() || hits.len() >= limit {
                return Ok(hits);
            }
            window = window.saturating_mul(8);
        }
    }
}

/// The browse filter's conditions and the query's, joined, with their values.
fn where_clause(filter: &Filter, compiled: &query::CompiledQuery) -> (String, Vec<Value>) {
    let mut conditions = filter.all_conditions();
    conditions.extend(compiled.conditions.iter().cloned());
    where_sql(&conditions)
}

/// What a ranked search pass ranks by and over.
struct Ranking<'a> {
    /// The MATCH bm25 ranks by: the query's words, phrases loosened.
    words: &'a str,
    /// The query with its phrases, when it has any.
    phrases: Option<&'a str>,
    /// The lowest id in the window, or `None` for the whole library.
    start: Option<i64>,
}

impl Library {
    /// The lowest article id among the newest `window` matches, or `None`
    /// when there are no more than that.
    fn window_start(&self, rank_match: &str, window: usize) -> Result<Option<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        )?;
        let start = stmt
            .query_row(rusqlite::params![rank_match, (window - 1) as i64], |r| r.get(0))
            .optional()?;
        Ok(start)
    }

    /// Best match first among the matches from `start` on, with snippets.
    fn ranked(
        &self,
        ranking: &Ranking,
        compiled: &query::CompiledQuery,
        filter: &Filter,
        limit: usize,
        needles: &[Needle],
    ) -> Result<Vec<SearchHit>> {
        let start = ranking.start;
        let (base, base_values) = where_clause(filter, compiled);
        let mut conditions = vec![base];
        let mut values: Vec<Value> = vec![Value::Text(ranking.words.to_string())];
        let window = match start {
            Some(start) => {
                values.push(Value::Integer(start));
                "AND articles_fts.rowid >= ?"
            }
            None => "",
        };
        // Phrases, and a word still being typed, narrow the ranked matches;
        // the articles they hold are listed once, and only over the window.
        // The unary `+` keeps SQLite from handing the list to FTS5 as
        // rowids to look up one by one (a search per id), and has it
        // checked before the article's row is read.
        let mut narrowing_values = Vec::new();
        if let Some(phrases) = ranking.phrases {
            narrowing_values.push(Value::Text(phrases.to_string()));
            conditions.push(match start {
                Some(start) => {
                    narrowing_values.push(Value::Integer(start));
                    "+articles_fts.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ?)"
                        .to_string()
                }
                None => "+articles_fts.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)".to_string(),
            });
        }
        if let Some(prefix) = &compiled.prefix_match {
            narrowing_values.push(Value::Text(prefix.clone()));
            conditions.push(match start {
                Some(start) => {
                    narrowing_values.push(Value::Integer(start));
                    "+articles_fts.rowid IN (SELECT rowid FROM article_word_starts WHERE article_word_starts MATCH ? AND rowid >= ?)"
                        .to_string()
                }
                None => "+articles_fts.rowid IN (SELECT rowid FROM article_word_starts WHERE article_word_starts MATCH ?)"
                    .to_string(),
            });
        }
        let conditions = conditions.join(" AND ");
        // Ranked first, described after: the summary columns and the
        // snippet are worked out for the page shown, not for every match.
        let sql = format!(
            "WITH ranked AS ( \
                 SELECT articles_fts.rowid AS id, bm25(articles_fts, 10.0, 1.0, 3.0, 2.0) AS score \
                 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid \
                 WHERE articles_fts MATCH ? {window} AND {conditions} \
                 ORDER BY score LIMIT ?) \
             SELECT {SUMMARY_COLUMNS}, a.body FROM ranked JOIN articles a ON a.id = ranked.id \
             ORDER BY ranked.score"
        );
        values.extend(base_values);
        values.extend(narrowing_values);
        values.push(Value::Integer(limit as i64));
        self.hits_with_own_snippets(&sql, values, needles)
    }

    /// A query whose only words are a short one still being typed: the
    /// articles holding a word it begins, most recently added first, read
    /// from the prefix index backwards so the first page costs the same in
    /// any library.
    fn recent_with_prefix(
        &self,
        prefix: &str,
        compiled: &query::CompiledQuery,
        filter: &Filter,
        limit: usize,
        needles: &[Needle],
    ) -> Result<Vec<SearchHit>> {
        let (conditions, condition_values) = where_clause(filter, compiled);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, a.body FROM article_word_starts p JOIN articles a ON a.id = p.rowid \
             WHERE article_word_starts MATCH ? AND {conditions} ORDER BY p.rowid DESC LIMIT ?"
        );
        let mut values = vec![Value::Text(prefix.to_string())];
        values.extend(condition_values);
        values.push(Value::Integer(limit as i64));
        self.hits_with_own_snippets(&sql, values, needles)
    }

    /// A query with nothing to rank by (fields only, or CJK words): newest
    /// first, each with the text around the first word looked for.
    fn newest_matching(
        &self,
        compiled: &query::CompiledQuery,
        filter: &Filter,
        limit: usize,
        needles: &[Needle],
    ) -> Result<Vec<SearchHit>> {
        let (conditions, mut values) = where_clause(filter, compiled);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, a.body FROM articles a WHERE {conditions} \
             ORDER BY a.published_date IS NULL, a.published_date DESC, a.id DESC LIMIT ?"
        );
        values.push(Value::Integer(limit as i64));
        self.hits_with_own_snippets(&sql, values, needles)
    }

    /// Runs a query whose tenth column is the body, and cuts the snippet
    /// from it here.
    fn hits_with_own_snippets(
        &self,
        sql: &str,
        values: Vec<Value>,
        needles: &[Needle],
    ) -> Result<Vec<SearchHit>> {
        let mut stmt = self.conn.prepare(sql)?;
        let hits = stmt
            .query_map(params_from_iter(values), |row| {
                let body: Option<String> = row.get(SUMMARY_COLUMN_COUNT)?;
                Ok((summary_from_row(row)?, body.unwrap_or_default()))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // Cut from each text on every core: a page of two hundred texts is
        // a megabyte to read through.
        let in_texts: Vec<Option<(String, usize)>> = {
            use rayon::prelude::*;
            hits.par_iter()
                .map(|(_, body)| matched_snippet(body, needles))
                .collect()
        };
        hits.into_iter()
            .zip(in_texts)
            .map(|((summary, body), in_text)| {
                let (snippet, found_in) = self.snippet_of(summary.id, &body, in_text, needles)?;
                Ok(SearchHit {
                    summary,
                    snippet,
                    found_in,
                })
            })
            .collect()
    }

    /// The snippet from the text (`in_text`, cut already); when the note or
    /// a highlight's comment holds more of the words (notes are searched
    /// with the text), from there, saying which.
    fn snippet_of(
        &self,
        id: i64,
        body: &str,
        in_text: Option<(String, usize)>,
        needles: &[Needle],
    ) -> Result<(String, FoundIn)> {
        if in_text.as_ref().is_some_and(|(_, found)| *found == needles.len()) {
            return Ok((in_text.map(|(cut, _)| cut).unwrap_or_default(), FoundIn::Text));
        }
        let mut best = in_text.map(|(cut, found)| (cut, found, FoundIn::Text));
        let mut stmt = self.conn.prepare_cached(
            "SELECT 0, body FROM notes WHERE article_id = ?1 \
             UNION ALL SELECT 1, comment FROM highlights WHERE article_id = ?1 AND comment IS NOT NULL",
        )?;
        let annotations = stmt
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (kind, text) in annotations {
            if let Some((cut, found)) = matched_snippet(&text, needles)
                && best.as_ref().is_none_or(|b| found > b.1)
            {
                let place = if kind == 0 {
                    FoundIn::Note
                } else {
                    FoundIn::HighlightComment
                };
                best = Some((cut, found, place));
            }
        }
        Ok(best
            .map(|(cut, _, place)| (cut, place))
            .unwrap_or_else(|| (snippet(body, needles), FoundIn::Text)))
    }
}

/// A search the user named, to run again from the sidebar.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSearch {
    pub id: i64,
    pub name: String,
    pub query: String,
    /// The part of the library it was saved in, where it runs again.
    pub place: Place,
}

/// Words too common to say what an article is about.
const STOPWORDS: &[&str] = &[
    "that", "this", "with", "from", "have", "will", "been", "were", "they", "their", "there", "which",
    "would", "about", "after", "also", "into", "more", "than", "them", "then", "these", "those", "what",
    "when", "where", "while", "could", "should", "other", "some", "such", "only", "over", "very", "dans",
    "pour", "avec", "sont", "mais", "como", "para", "pero", "esta", "este", "eine", "einer", "nicht", "sich",
    "auch",
];

impl Library {
    pub fn save_search(&mut self, name: &str, query: &str, place: Place) -> Result<()> {
        self.ensure_writable()?;
        let name = name.trim();
        if name.is_empty() {
            return Err(super::LibraryError::Invalid("a saved search needs a name".into()));
        }
        self.conn.execute(
            "INSERT INTO saved_searches(name, query, place, created_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT(name) DO UPDATE SET query = excluded.query, place = excluded.place",
            rusqlite::params![name, query, place.as_str(), super::now()],
        )?;
        Ok(())
    }

    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, query, place FROM saved_searches ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(SavedSearch {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    query: r.get(2)?,
                    place: Place::from_stored(&r.get::<_, String>(3)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn delete_saved_search(&mut self, id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.conn
            .execute("DELETE FROM saved_searches WHERE id = ?", [id])?;
        Ok(())
    }

    /// The live articles most like this one: its most distinctive words
    /// (frequent in it, rare in the library) searched for, best match first.
    pub fn more_like_this(&self, id: i64, limit: usize) -> Result<Vec<SearchHit>> {
        let terms = self.distinctive_terms(id)?;
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, snippet(articles_fts, -1, '[', ']', '…', 12) \
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid \
             WHERE articles_fts MATCH ? AND a.id != ? AND a.deleted_at IS NULL \
             ORDER BY bm25(articles_fts, 10.0, 1.0, 3.0, 2.0) LIMIT ?"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let hits = stmt
            .query_map(rusqlite::params![terms.join(" OR "), id, limit as i64], |row| {
                Ok(SearchHit {
                    summary: summary_from_row(row)?,
                    snippet: row
                        .get::<_, Option<String>>(SUMMARY_COLUMN_COUNT)?
                        .unwrap_or_default(),
                    found_in: FoundIn::Text,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }

    /// The articles filed under topics (by the user) most like this one,
    /// best first, with how alike (bm25, larger is closer).
    pub(super) fn filed_neighbours(&self, id: i64, limit: usize) -> Result<Vec<(i64, f64)>> {
        let terms = self.distinctive_terms(id)?;
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, -bm25(articles_fts, 10.0, 1.0, 3.0, 2.0) FROM articles_fts \
             JOIN articles a ON a.id = articles_fts.rowid \
             WHERE articles_fts MATCH ? AND a.id != ? AND a.deleted_at IS NULL \
             AND a.id IN (SELECT article_id FROM article_topics WHERE origin = 'user' AND rejected = 0) \
             ORDER BY bm25(articles_fts, 10.0, 1.0, 3.0, 2.0) LIMIT ?",
        )?;
        let rows = stmt
            .query_map(rusqlite::params![terms.join(" OR "), id, limit as i64], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// An article's most distinctive words (frequent in it, rare in the
    /// library), quoted for a MATCH.
    fn distinctive_terms(&self, id: i64) -> Result<Vec<String>> {
        let article = self.get_article(id)?;
        let text = format!(
            "{} {}",
            article.meta.title.clone().unwrap_or_default(),
            article.meta.body
        );
        let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let word = word.to_lowercase();
            if word.chars().count() >= 4
                && !word.chars().all(|c| c.is_ascii_digit())
                && !STOPWORDS.contains(&word.as_str())
            {
                *counts.entry(word).or_default() += 1;
            }
        }
        let total: f64 =
            self.conn
                .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as f64;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc FROM temp.fts_vocabulary WHERE term = ?")?;
        let mut scored: Vec<(f64, String)> = Vec::new();
        for (word, tf) in counts {
            let docs: Option<i64> = stmt.query_row([&word], |r| r.get(0)).ok();
            // Words in every article say nothing; words in one (this one) neither.
            if let Some(docs) = docs.filter(|d| *d >= 2) {
                let idf = (total / docs as f64).ln();
                scored.push((tf as f64 * idf, word));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(scored
            .into_iter()
            .take(12)
            .map(|(_, w)| format!("\"{w}\""))
            .collect())
    }
}
