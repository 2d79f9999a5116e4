//! Full-text search over title, body, source and notes, in the search
//! language of [`super::query`].

mod saved;
mod similar;
mod typed;
mod typed_word;

pub use saved::SavedSearch;

use super::articles::{SUMMARY_COLUMN_COUNT, SUMMARY_COLUMNS, summary_from_row};
use super::filter::{Condition, Filter, where_sql};
use super::query::{self, Term};
use super::snippet::{Needle, matched_snippet, snippet};
use super::{Library, Result};
use crate::model::{ArticleSummary, FoundIn, SearchHit};
use rusqlite::{OptionalExtension, params_from_iter, types::Value};
use std::collections::HashMap;
use typed::{TYPED_WORD_COLUMNS, TYPED_WORD_READ_AT_MOST};
use typed_word::TypedWord;

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
    // A typed word longer than its start is counted exactly.
    let typed_word = compiled.typed_word_match().map(Condition::FullText);
    let word_start = match typed_word {
        Some(_) => None,
        None => compiled.prefix_match.map(Condition::WordStart),
    };
    let mut conditions: Vec<Condition> = compiled
        .rank_match
        .into_iter()
        .map(Condition::FullText)
        .chain(typed_word)
        .chain(word_start)
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
        // The typed word checked in the texts, unless its start is common
        // and the word rare: then the main index is asked.
        if let Some(hits) = self.search_compiled(&compiled, filter, limit, &needles)? {
            return Ok(hits);
        }
        self.search_compiled(&compiled.with_typed_word_ranked(), filter, limit, &needles)
            .map(Option::unwrap_or_default)
    }

    /// The first `limit` hits of a compiled query, or `None` when checking
    /// a typed word in the texts read too many articles without filling
    /// the page.
    fn search_compiled(
        &self,
        compiled: &query::CompiledQuery,
        filter: &Filter,
        limit: usize,
        needles: &[Needle],
    ) -> Result<Option<Vec<SearchHit>>> {
        let typed = compiled.typed_word.as_deref().map(TypedWord::new);
        let Some(rank_match) = &compiled.rank_match else {
            return match (&compiled.prefix_match, &typed) {
                (Some(prefix), Some(typed)) => {
                    self.best_with_typed_word(prefix, typed, compiled, filter, limit, needles)
                }
                (Some(prefix), None) => self
                    .recent_with_prefix(prefix, compiled, filter, limit, needles)
                    .map(Some),
                (None, _) => self.newest_matching(compiled, filter, limit, needles).map(Some),
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
            let Some(hits) = self.ranked(&ranking, compiled, typed.as_ref(), filter, limit, needles)? else {
                return Ok(None);
            };
            if start.is_none() || hits.len() >= limit {
                return Ok(Some(hits));
            }
            window = window.saturating_mul(8);
        }
    }
}

/// Whether the snippet cut from the text shows every word looked for.
fn shows_every_needle(in_text: Option<&(String, usize)>, needles: &[Needle]) -> bool {
    in_text.is_some_and(|(_, found)| *found == needles.len())
}

/// The snippet from the text (`in_text`, cut already); when the note or a
/// highlight's comment holds more of the words (notes are searched with the
/// text), from there, saying which.
fn snippet_of(
    body: &str,
    in_text: Option<(String, usize)>,
    annotations: &[(FoundIn, String)],
    needles: &[Needle],
) -> (String, FoundIn) {
    if shows_every_needle(in_text.as_ref(), needles) {
        return (in_text.map(|(cut, _)| cut).unwrap_or_default(), FoundIn::Text);
    }
    let mut best = in_text.map(|(cut, found)| (cut, found, FoundIn::Text));
    for (place, text) in annotations {
        if let Some((cut, found)) = matched_snippet(text, needles)
            && best.as_ref().is_none_or(|b| found > b.1)
        {
            best = Some((cut, found, *place));
        }
    }
    best.map(|(cut, _, place)| (cut, place))
        .unwrap_or_else(|| (snippet(body, needles), FoundIn::Text))
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

    /// Best match first among the matches from `start` on, with snippets;
    /// `None` when a typed word, checked in the texts, was too rare.
    fn ranked(
        &self,
        ranking: &Ranking,
        compiled: &query::CompiledQuery,
        typed: Option<&TypedWord>,
        filter: &Filter,
        limit: usize,
        needles: &[Needle],
    ) -> Result<Option<Vec<SearchHit>>> {
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
        // With a typed word to check, more are ranked than the page holds:
        // the check drops some, and the rest are read only as far as needed.
        let (ranked_rows, columns) = match typed {
            Some(_) => (TYPED_WORD_READ_AT_MOST, TYPED_WORD_COLUMNS.to_string()),
            None => (limit, format!("{SUMMARY_COLUMNS}, a.body")),
        };
        let sql = format!(
            "WITH ranked AS ( \
                 SELECT articles_fts.rowid AS id, bm25(articles_fts, 10.0, 1.0, 3.0, 2.0) AS score \
                 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid \
                 WHERE articles_fts MATCH ? {window} AND {conditions} \
                 ORDER BY score LIMIT ?) \
             SELECT {columns} FROM ranked JOIN articles a ON a.id = ranked.id \
             ORDER BY ranked.score"
        );
        values.extend(base_values);
        values.extend(narrowing_values);
        values.push(Value::Integer(ranked_rows as i64));
        let Some(typed) = typed else {
            let rows = self.rows_with_bodies(&sql, values)?;
            return self.described(rows, needles).map(Some);
        };
        self.first_page_holding(&sql, values, typed, limit, needles)
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
        let rows = self.rows_with_bodies(sql, values)?;
        self.described(rows, needles)
    }

    /// The summaries and bodies of a query's rows (the body follows the
    /// summary columns).
    fn rows_with_bodies(&self, sql: &str, values: Vec<Value>) -> Result<Vec<(ArticleSummary, String)>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), |row| {
                let body: Option<String> = row.get(SUMMARY_COLUMN_COUNT)?;
                Ok((summary_from_row(row)?, body.unwrap_or_default()))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Hits for rows read, each with its snippet.
    fn described(&self, hits: Vec<(ArticleSummary, String)>, needles: &[Needle]) -> Result<Vec<SearchHit>> {
        // Cut from each text on every core: a page of two hundred texts is
        // a megabyte to read through.
        let in_texts: Vec<Option<(String, usize)>> = {
            use rayon::prelude::*;
            hits.par_iter()
                .map(|(_, body)| matched_snippet(body, needles))
                .collect()
        };
        // A note or a highlight's comment may hold more of the words than
        // the text: those of the page's articles whose text lacks some are
        // read at once.
        let lacking: Vec<i64> = hits
            .iter()
            .zip(&in_texts)
            .filter(|(_, in_text)| !shows_every_needle(in_text.as_ref(), needles))
            .map(|((summary, _), _)| summary.id)
            .collect();
        let mut annotations = self.annotations_of(&lacking)?;
        Ok(hits
            .into_iter()
            .zip(in_texts)
            .map(|((summary, body), in_text)| {
                let annotations = annotations.remove(&summary.id).unwrap_or_default();
                let (snippet, found_in) = snippet_of(&body, in_text, &annotations, needles);
                SearchHit {
                    summary,
                    snippet,
                    found_in,
                }
            })
            .collect())
    }

    /// The notes and commented highlights of articles, by article.
    fn annotations_of(&self, ids: &[i64]) -> Result<HashMap<i64, Vec<(FoundIn, String)>>> {
        let mut found: HashMap<i64, Vec<(FoundIn, String)>> = HashMap::new();
        for chunk in ids.chunks(400) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!(
                "SELECT article_id, 0, body FROM notes WHERE article_id IN ({marks}) \
                 UNION ALL SELECT article_id, 1, comment FROM highlights \
                 WHERE article_id IN ({marks}) AND comment IS NOT NULL ORDER BY 1, 2"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(chunk.iter().chain(chunk)), |r| {
                let place = match r.get::<_, i64>(1)? {
                    0 => FoundIn::Note,
                    _ => FoundIn::HighlightComment,
                };
                Ok((r.get::<_, i64>(0)?, place, r.get::<_, String>(2)?))
            })?;
            for row in rows {
                let (id, place, text) = row?;
                found.entry(id).or_default().push((place, text));
            }
        }
        Ok(found)
    }
}
