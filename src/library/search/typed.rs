//! Search while a word longer than the word-start index keeps is being
//! typed: its start narrows, and the texts read say which articles hold
//! the word itself (see [`super::typed_word`]).

use super::typed_word::{self, Counts, TypedWord};
use super::{Library, Needle, Result, where_clause};
use crate::library::filter::Filter;
use crate::library::query;
use crate::model::{ArticleSummary, SearchHit};
use rusqlite::{params_from_iter, types::Value};
use std::collections::HashMap;

/// Articles read at most, checking a typed word in their texts, before the
/// main index is asked instead (a common start, a rare word).
pub(super) const TYPED_WORD_READ_AT_MOST: usize = 2_048;
/// Articles read after which a page of them holding the word is enough.
const TYPED_WORD_READ_ENOUGH: usize = 1_024;
/// Rows read and checked at a time, on every core.
const TYPED_WORD_BATCH: usize = 256;
/// A typed word alone is ranked among the newest articles holding it:
/// this many pages of them, and at least this many articles.
const TYPED_WORD_POOL_PAGES: usize = 2;
const TYPED_WORD_POOL_LEAST: usize = 400;

/// What checking a typed word reads of an article: the columns the full
/// text index reads (title, body, source), and whether it has a note or a
/// commented highlight, which the index reads too.
pub(super) const TYPED_WORD_COLUMNS: &str = "a.id, a.title, a.body, a.source, \
     (EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id) \
      OR EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id AND h.comment IS NOT NULL))";

/// A row of [`TYPED_WORD_COLUMNS`].
struct LeanRow {
    id: i64,
    title: String,
    body: String,
    source: String,
    annotated: bool,
}

/// A row kept by the check: what it holds of the word.
struct HeldRow {
    id: i64,
    body: String,
    counts: Counts,
}

/// The rows kept, and whether reading stopped before enough were found.
struct Holding {
    rows: Vec<HeldRow>,
    gave_up: bool,
}

impl Library {
    /// The first `limit` rows of `sql` ([`TYPED_WORD_COLUMNS`], best
    /// first) that hold the typed word, as hits; `None` when too few of
    /// the rows read do.
    pub(super) fn first_page_holding(
        &self,
        sql: &str,
        values: Vec<Value>,
        typed: &TypedWord,
        limit: usize,
        needles: &[Needle],
    ) -> Result<Option<Vec<SearchHit>>> {
        let mut holding = self.rows_holding(sql, values, typed, (limit, limit))?;
        if holding.gave_up {
            return Ok(None);
        }
        holding.rows.truncate(limit);
        self.described_held(holding.rows, needles).map(Some)
    }

    /// A word being typed alone, longer than the word-start index keeps:
    /// the newest articles holding a word with its start are read until
    /// enough hold the word itself, then ranked by it (bm25 for one term),
    /// so a page costs about the same in any library.
    pub(super) fn best_with_typed_word(
        &self,
        start: &str,
        typed: &TypedWord,
        compiled: &query::CompiledQuery,
        filter: &Filter,
        limit: usize,
        needles: &[Needle],
    ) -> Result<Option<Vec<SearchHit>>> {
        let (conditions, condition_values) = where_clause(filter, compiled);
        let sql = format!(
            "SELECT {TYPED_WORD_COLUMNS} \
             FROM article_word_starts p JOIN articles a ON a.id = p.rowid \
             WHERE article_word_starts MATCH ? AND {conditions} ORDER BY p.rowid DESC LIMIT ?"
        );
        let mut values = vec![Value::Text(start.to_string())];
        values.extend(condition_values);
        values.push(Value::Integer(TYPED_WORD_READ_AT_MOST as i64));
        let pool = (limit * TYPED_WORD_POOL_PAGES).max(TYPED_WORD_POOL_LEAST);
        let holding = self.rows_holding(&sql, values, typed, (limit, pool))?;
        if holding.gave_up {
            return Ok(None);
        }
        let mut rows = holding.rows;
        let words: u64 = rows
            .iter()
            .map(|r| r.counts.iter().map(|c| u64::from(c.words)).sum::<u64>())
            .sum();
        let average = words as f64 / rows.len().max(1) as f64;
        // Best first; the newer of two equal ones first, as they were read.
        rows.sort_by(|a, b| {
            typed_word::score(&b.counts, average).total_cmp(&typed_word::score(&a.counts, average))
        });
        rows.truncate(limit);
        self.described_held(rows, needles).map(Some)
    }

    /// Hits for the rows kept, with their summaries read now: only the
    /// page's, not every row the check read.
    fn described_held(&self, rows: Vec<HeldRow>, needles: &[Needle]) -> Result<Vec<SearchHit>> {
        let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
        let mut summaries: HashMap<i64, ArticleSummary> =
            self.summaries(&ids)?.into_iter().map(|s| (s.id, s)).collect();
        let rows = rows
            .into_iter()
            .filter_map(|row| summaries.remove(&row.id).map(|summary| (summary, row.body)))
            .collect();
        self.described(rows, needles)
    }

    /// Reads the rows of `sql` ([`TYPED_WORD_COLUMNS`]) in batches,
    /// keeping those holding the typed word, until `wanted` are kept (or
    /// `enough` after [`TYPED_WORD_READ_ENOUGH`] rows), the rows run out,
    /// or [`TYPED_WORD_READ_AT_MOST`] are read (`gave_up` then, if fewer
    /// than `enough` were kept).
    fn rows_holding(
        &self,
        sql: &str,
        values: Vec<Value>,
        typed: &TypedWord,
        (enough, wanted): (usize, usize),
    ) -> Result<Holding> {
        use rayon::prelude::*;
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        let mut kept: Vec<HeldRow> = Vec::new();
        let mut read = 0;
        loop {
            let mut batch = Vec::with_capacity(TYPED_WORD_BATCH);
            while batch.len() < TYPED_WORD_BATCH {
                let Some(row) = rows.next()? else { break };
                let text = |at: usize| row.get::<_, Option<String>>(at).map(Option::unwrap_or_default);
                batch.push(LeanRow {
                    id: row.get(0)?,
                    title: text(1)?,
                    body: text(2)?,
                    source: text(3)?,
                    annotated: row.get(4)?,
                });
            }
            let finished = batch.len() < TYPED_WORD_BATCH;
            read += batch.len();
            // Counted on every core: a batch is a megabyte of text.
            let mut counted: Vec<Counts> = batch
                .par_iter()
                .map(|row| {
                    [
                        typed.count_in(&row.title),
                        typed.count_in(&row.body),
                        typed.count_in(&row.source),
                        typed_word::Count::default(),
                    ]
                })
                .collect();
            // Notes are read only where the text lacks the word, at once.
            let unsure: Vec<i64> = batch
                .iter()
                .zip(&counted)
                .filter(|(row, counts)| row.annotated && !typed_word::holds(counts))
                .map(|(row, _)| row.id)
                .collect();
            let annotations = self.annotations_of(&unsure)?;
            for (row, counts) in batch.iter().zip(counted.iter_mut()) {
                for (_, text) in annotations.get(&row.id).into_iter().flatten() {
                    let count = typed.count_in(text);
                    counts[3].matches += count.matches;
                    counts[3].words += count.words;
                }
            }
            kept.extend(
                batch
                    .into_iter()
                    .zip(counted)
                    .filter(|(_, counts)| typed_word::holds(counts))
                    .map(|(row, counts)| HeldRow {
                        id: row.id,
                        body: row.body,
                        counts,
                    }),
            );
            // A rarer word stops the reading sooner: a page is enough once
            // a good stretch of the library has been read.
            let read_enough = read >= TYPED_WORD_READ_ENOUGH && kept.len() >= enough;
            if kept.len() >= wanted || finished || read_enough {
                return Ok(Holding {
                    rows: kept,
                    gave_up: false,
                });
            }
            if read >= TYPED_WORD_READ_AT_MOST {
                let gave_up = kept.len() < enough;
                return Ok(Holding { rows: kept, gave_up });
            }
        }
    }
}
