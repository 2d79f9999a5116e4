//! Articles like one another: "more like this", and the filed neighbours
//! topic suggestions learn from.

use crate::library::articles::{SUMMARY_COLUMN_COUNT, SUMMARY_COLUMNS, summary_from_row};
use crate::library::{Library, Result};
use crate::model::{FoundIn, SearchHit};
use std::collections::HashMap;

/// Words too common to say what an article is about.
const STOPWORDS: &[&str] = &[
    "that", "this", "with", "from", "have", "will", "been", "were", "they", "their", "there", "which",
    "would", "about", "after", "also", "into", "more", "than", "them", "then", "these", "those", "what",
    "when", "where", "while", "could", "should", "other", "some", "such", "only", "over", "very", "dans",
    "pour", "avec", "sont", "mais", "como", "para", "pero", "esta", "este", "eine", "einer", "nicht", "sich",
    "auch",
];

impl Library {
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
    pub(in crate::library) fn filed_neighbours(&self, id: i64, limit: usize) -> Result<Vec<(i64, f64)>> {
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
        let mut counts: HashMap<String, usize> = HashMap::new();
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
