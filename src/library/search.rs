//! Full-text search over title, body, source and notes, in the search
//! language of [`super::query`].

use super::articles::{SUMMARY_COLUMNS, filter_clause, summary_from_row};
use super::query::{self, Term};
use super::{Library, Result};
use crate::model::{Filter, SearchHit};
use rusqlite::{params_from_iter, types::Value};

/// Results a search returns when the filter sets no limit.
const DEFAULT_LIMIT: usize = 50;

/// A snippet for results that were not ranked by the full-text index (a
/// query of fields only, or of CJK words): the text around the first word
/// looked for, with the word between `[` and `]`.
fn snippet_around(body: &str, needles: &[String]) -> String {
    let lower = body.to_lowercase();
    let found = needles
        .iter()
        .filter_map(|n| lower.find(&n.to_lowercase()).map(|at| (at, n.len())))
        .min();
    let Some((at, len)) =
        found.filter(|(at, len)| body.is_char_boundary(*at) && body.is_char_boundary(at + len))
    else {
        let start: String = body.chars().take(160).collect();
        return if start.len() < body.len() {
            format!("{start}…")
        } else {
            start
        };
    };
    let before: String = body[..at]
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = body[at + len..].chars().take(80).collect();
    format!("…{before}[{}]{after}…", &body[at..at + len])
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
        let (filter_sql, filter_values) = filter_clause(filter);
        let mut conditions = vec![filter_sql];
        conditions.extend(compiled.conditions.iter().cloned());
        let conditions = conditions.join(" AND ");
        let limit = Value::Integer(filter.limit.unwrap_or(DEFAULT_LIMIT) as i64);
        let mut values: Vec<Value> = Vec::new();
        let sql = match &compiled.rank_match {
            Some(rank) => {
                values.push(Value::Text(rank.clone()));
                format!(
                    "SELECT {SUMMARY_COLUMNS}, snippet(articles_fts, -1, '[', ']', '…', 16) \
                     FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid \
                     WHERE articles_fts MATCH ? AND {conditions} \
                     ORDER BY bm25(articles_fts, 10.0, 1.0, 3.0, 2.0) LIMIT ?"
                )
            }
            None => format!(
                "SELECT {SUMMARY_COLUMNS}, a.body FROM articles a WHERE {conditions} \
                 ORDER BY a.published_date IS NULL, a.published_date DESC, a.id DESC LIMIT ?"
            ),
        };
        values.extend(filter_values);
        values.extend(compiled.values.iter().cloned());
        values.push(limit);
        let needles: Vec<String> = clauses
            .iter()
            .filter(|c| !c.negated)
            .flat_map(|c| &c.any_of)
            .filter_map(|t| match t {
                Term::Text { words, .. } => Some(words.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        let ranked = compiled.rank_match.is_some();
        let mut stmt = self.conn.prepare(&sql)?;
        let hits = stmt
            .query_map(params_from_iter(values), |row| {
                let text: Option<String> = row.get(9)?;
                let text = text.unwrap_or_default();
                Ok(SearchHit {
                    summary: summary_from_row(row)?,
                    snippet: if ranked {
                        text
                    } else {
                        snippet_around(&text, &needles)
                    },
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_the_word_looked_for() {
        let body = "北朝鮮が韓国との対話を突然提案した。平昌で開かれる冬季五輪への代表団派遣にも言及した。";
        assert_eq!(
            snippet_around(body, &["対話".to_string()]),
            "…北朝鮮が韓国との[対話]を突然提案した。平昌で開かれる冬季五輪への代表団派遣にも言及した。…"
        );
        assert!(snippet_around("short body", &["absent".to_string()]).starts_with("short body"));
    }
}

/// A search the user named, to run again from the sidebar.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSearch {
    pub id: i64,
    pub name: String,
    pub query: String,
    /// Where in the library it was saved (the app's own JSON), so it runs
    /// within the same facets.
    pub place: String,
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
    pub fn save_search(&mut self, name: &str, query: &str, place: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(super::LibraryError::Invalid("a saved search needs a name".into()));
        }
        self.conn.execute(
            "INSERT INTO saved_searches(name, query, filter, created_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT(name) DO UPDATE SET query = excluded.query, filter = excluded.filter",
            rusqlite::params![name, query, place, super::now()],
        )?;
        Ok(())
    }

    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, query, filter FROM saved_searches ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(SavedSearch {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    query: r.get(2)?,
                    place: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn delete_saved_search(&mut self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM saved_searches WHERE id = ?", [id])?;
        Ok(())
    }

    /// The live articles most like this one: its most distinctive words
    /// (frequent in it, rare in the library) searched for, best match first.
    pub fn more_like_this(&self, id: i64, limit: usize) -> Result<Vec<SearchHit>> {
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
        let terms: Vec<String> = scored
            .into_iter()
            .take(12)
            .map(|(_, w)| format!("\"{w}\""))
            .collect();
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
                    snippet: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(hits)
    }
}
