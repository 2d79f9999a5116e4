//! Full-text search over title, body, source and notes.

use super::articles::{SUMMARY_COLUMNS, filter_clause, summary_from_row};
use super::{Library, Result};
use crate::model::{Filter, SearchHit};
use rusqlite::{params_from_iter, types::Value};

/// Turns whatever the user typed into a safe FTS5 query: every word becomes a
/// quoted string, so quotes, `AND`, `NEAR`, `*`, `:` and `-` are searched for
/// as text and never parsed as FTS syntax. All words must match.
///
/// Returns `None` when nothing searchable is left (only punctuation, say).
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .take(64)
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Library {
    /// Best match first (bm25, the title weighing most), within a filter,
    /// each with a snippet whose matched words stand between `[` and `]`.
    pub fn search(&self, input: &str, filter: &Filter) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let (clause, filter_values) = filter_clause(filter);
        let mut values = vec![Value::Text(query)];
        values.extend(filter_values);
        values.push(Value::Integer(filter.limit.map(|l| l as i64).unwrap_or(50)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, snippet(articles_fts, -1, '[', ']', '…', 16) \
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid \
             WHERE articles_fts MATCH ? AND {clause} \
             ORDER BY bm25(articles_fts, 10.0, 1.0, 3.0, 2.0) LIMIT ?"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let hits = stmt
            .query_map(params_from_iter(values), |row| {
                Ok(SearchHit {
                    summary: summary_from_row(row)?,
                    snippet: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
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
    fn hostile_input_becomes_quoted_terms() {
        assert_eq!(
            fts_query("kim AND \"talks"),
            Some("\"kim\" \"AND\" \"\"\"talks\"".into())
        );
        assert_eq!(fts_query("* : - ()"), None);
        assert_eq!(fts_query(""), None);
    }
}
