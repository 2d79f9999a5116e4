//! Highlights: passages the user marked, anchored to the text, and
//! corrections to the text that carry them along. Also the library-wide
//! list of annotations (highlights and notes).

use super::Filter;
use super::articles::{SUMMARY_COLUMNS, content_hash, index_cjk, summary_from_row_at};
use super::{Library, LibraryError, Result, now};
use crate::annotate::anchor::{self, Selector};
use crate::model::{ArticleSummary, Highlight, HighlightColor};
use rusqlite::{OptionalExtension, Row, params, params_from_iter, types::Value};

const COLUMNS: &str = "h.id, h.article_id, h.start_char, h.end_char, h.quote, h.prefix, h.suffix, h.color, \
     h.comment, h.created_at, h.updated_at, h.detached";
/// How many columns [`COLUMNS`] has, for queries that select more after it.
const COLUMN_COUNT: usize = 12;

fn highlight_from(r: &Row) -> rusqlite::Result<Highlight> {
    Ok(Highlight {
        id: r.get(0)?,
        article_id: r.get(1)?,
        start: r.get::<_, i64>(2)?.max(0) as usize,
        end: r.get::<_, i64>(3)?.max(0) as usize,
        quote: r.get(4)?,
        prefix: r.get(5)?,
        suffix: r.get(6)?,
        // Stored colours are checked on the way in; a foreign one reads as yellow.
        color: HighlightColor::parse(&r.get::<_, String>(7)?).unwrap_or_default(),
        comment: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
        detached: r.get(11)?,
    })
}

fn clean_comment(comment: Option<&str>) -> Option<String> {
    comment
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
}

/// Stores a highlight as given, under `id` when one is given (else a new
/// one), checking its colour and offsets.
pub(super) fn insert_highlight(conn: &rusqlite::Connection, id: Option<i64>, h: &Highlight) -> Result<()> {
    if h.start > h.end {
        return Err(LibraryError::Invalid(format!(
            "the highlight of “{}” is damaged",
            h.quote
        )));
    }
    conn.execute(
        "INSERT INTO highlights(id, article_id, start_char, end_char, quote, prefix, suffix, color, comment, \
         created_at, updated_at, detached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params![
            id,
            h.article_id,
            h.start as i64,
            h.end as i64,
            h.quote,
            h.prefix,
            h.suffix,
            h.color.as_str(),
            h.comment,
            h.created_at,
            h.updated_at,
            h.detached,
        ],
    )?;
    Ok(())
}

/// What correcting an article's text did to its highlights.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reanchored {
    pub found: usize,
    pub detached: usize,
}

/// One entry of the annotations view.
#[derive(Debug, Clone, PartialEq)]
pub enum AnnotationKind {
    Highlight(Highlight),
    Note(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub article: ArticleSummary,
    pub kind: AnnotationKind,
    pub updated_at: String,
}

/// Which annotations to list: within the browse filter, optionally of one
/// colour (which leaves notes out) and holding some text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationQuery {
    pub filter: Filter,
    pub color: Option<HighlightColor>,
    pub text: String,
    pub limit: usize,
}

impl Library {
    pub fn highlights_of(&self, article_id: i64) -> Result<Vec<Highlight>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM highlights h WHERE h.article_id = ? ORDER BY h.detached, h.start_char, h.id"
        ))?;
        let rows = stmt
            .query_map([article_id], highlight_from)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn get_highlight(&self, id: i64) -> Result<Highlight> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM highlights h WHERE h.id = ?"),
                [id],
                highlight_from,
            )
            .optional()?
            .ok_or_else(|| LibraryError::Invalid(format!("no highlight with id {id}")))
    }

    /// Highlights characters `start..end` of the article's body.
    pub fn add_highlight(
        &mut self,
        article_id: i64,
        start: usize,
        end: usize,
        color: HighlightColor,
        comment: Option<&str>,
    ) -> Result<Highlight> {
        let body: String = self
            .conn
            .query_row("SELECT body FROM articles WHERE id = ?", [article_id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(LibraryError::NotFound(article_id))?;
        let selector = anchor::select(&body, start, end)
            .ok_or_else(|| LibraryError::Invalid("select some text of the article to highlight".into()))?;
        let stamp = now();
        self.conn.execute(
            "INSERT INTO highlights(article_id, start_char, end_char, quote, prefix, suffix, color, comment, \
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            params![
                article_id,
                selector.start as i64,
                selector.end as i64,
                selector.quote,
                selector.prefix,
                selector.suffix,
                color.as_str(),
                clean_comment(comment),
                stamp,
                stamp,
            ],
        )?;
        self.get_highlight(self.conn.last_insert_rowid())
    }

    /// Highlights the first place the article's body says `passage`.
    pub fn add_highlight_of(
        &mut self,
        article_id: i64,
        passage: &str,
        color: HighlightColor,
        comment: Option<&str>,
    ) -> Result<Highlight> {
        let article = self.get_article(article_id)?;
        let body = &article.meta.body;
        let (start, end) = anchor::find_quote(body, passage).ok_or_else(|| {
            LibraryError::Invalid(format!(
                "article {article_id} does not contain “{}”",
                passage.trim()
            ))
        })?;
        self.add_highlight(article_id, start, end, color, comment)
    }

    /// Changes a highlight's colour and comment (an empty comment removes it).
    pub fn update_highlight(
        &mut self,
        id: i64,
        color: HighlightColor,
        comment: Option<&str>,
    ) -> Result<Highlight> {
        let changed = self.conn.execute(
            "UPDATE highlights SET color = ?, comment = ?, updated_at = ? WHERE id = ?",
            params![color.as_str(), clean_comment(comment), now(), id],
        )?;
        if changed == 0 {
            return Err(LibraryError::Invalid(format!("no highlight with id {id}")));
        }
        self.get_highlight(id)
    }

    /// Removes a highlight and returns it, so the removal can be undone.
    pub fn delete_highlight(&mut self, id: i64) -> Result<Highlight> {
        self.ensure_writable()?;
        let highlight = self.get_highlight(id)?;
        self.conn.execute("DELETE FROM highlights WHERE id = ?", [id])?;
        Ok(highlight)
    }

    /// Puts back a highlight exactly as it was (undo of a removal).
    pub fn restore_highlight(&mut self, h: &Highlight) -> Result<()> {
        self.ensure_writable()?;
        insert_highlight(&self.conn, Some(h.id), h)
    }

    /// Replaces an article's text (a correction, or a better extraction)
    /// and finds its highlights again in the new text; those that cannot
    /// be found are kept as detached.
    pub fn set_body(&mut self, article_id: i64, body: &str) -> Result<Reanchored> {
        self.ensure_writable()?;
        if body.trim().is_empty() {
            return Err(LibraryError::Invalid("an article's text cannot be empty".into()));
        }
        let hash = content_hash(body);
        let tx = self.conn.transaction()?;
        let title: Option<Option<String>> = tx
            .query_row("SELECT title FROM articles WHERE id = ?", [article_id], |r| {
                r.get(0)
            })
            .optional()?;
        let title = title.ok_or(LibraryError::NotFound(article_id))?;
        let twin: Option<i64> = tx
            .query_row(
                "SELECT id FROM articles WHERE content_hash = ? AND id != ?",
                params![hash, article_id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(twin) = twin {
            return Err(LibraryError::Invalid(format!(
                "article {twin} already has this text"
            )));
        }
        tx.execute(
            "UPDATE articles SET body = ?, content_hash = ?, updated_at = ? WHERE id = ?",
            params![body, hash, now(), article_id],
        )?;
        index_cjk(&tx, article_id, title.as_deref(), body)?;
        let highlights: Vec<Highlight> = {
            let mut stmt = tx.prepare(&format!(
                "SELECT {COLUMNS} FROM highlights h WHERE h.article_id = ?"
            ))?;
            stmt.query_map([article_id], highlight_from)?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut outcome = Reanchored::default();
        for h in highlights {
            let selector = Selector {
                start: h.start,
                end: h.end,
                quote: h.quote.clone(),
                prefix: h.prefix.clone(),
                suffix: h.suffix.clone(),
            };
            match anchor::reanchor(&selector, body) {
                Some(found) => {
                    outcome.found += 1;
                    tx.execute(
                        "UPDATE highlights SET start_char = ?, end_char = ?, quote = ?, prefix = ?, suffix = ?, \
                         detached = 0 WHERE id = ?",
                        params![found.start as i64, found.end as i64, found.quote, found.prefix, found.suffix, h.id],
                    )?;
                }
                None => {
                    outcome.detached += 1;
                    tx.execute("UPDATE highlights SET detached = 1 WHERE id = ?", [h.id])?;
                }
            }
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Every live article with a highlight or a note, in full, oldest
    /// first: what a library-wide export of annotations holds.
    pub fn annotated_articles(&self) -> Result<Vec<crate::model::Article>> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(
                "SELECT a.id FROM articles a WHERE a.deleted_at IS NULL AND \
                 (EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id) \
                  OR EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)) \
                 ORDER BY a.published_date, a.id",
            )?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        ids.into_iter().map(|id| self.get_article(id)).collect()
    }

    /// Highlights and notes across the library, newest change first.
    pub fn annotations(&self, query: &AnnotationQuery) -> Result<Vec<Annotation>> {
        let (filter_sql, filter_values) = query.filter.to_sql();
        let limit = if query.limit == 0 { 500 } else { query.limit } as i64;
        let text = query.text.trim();
        let pattern = Value::Text(format!(
            "%{}%",
            text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
        ));
        let mut found = Vec::new();

        let mut sql = format!(
            "SELECT {COLUMNS}, {SUMMARY_COLUMNS} FROM highlights h JOIN articles a ON a.id = h.article_id \
             WHERE {filter_sql}"
        );
        let mut values = filter_values.clone();
        if let Some(color) = &query.color {
            sql.push_str(" AND h.color = ?");
            values.push(Value::Text(color.as_str().into()));
        }
        if !text.is_empty() {
            sql.push_str(" AND (h.quote LIKE ? ESCAPE '\\' OR h.comment LIKE ? ESCAPE '\\')");
            values.push(pattern.clone());
            values.push(pattern.clone());
        }
        sql.push_str(" ORDER BY h.updated_at DESC, h.id DESC LIMIT ?");
        values.push(Value::Integer(limit));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            let highlight = highlight_from(r)?;
            Ok(Annotation {
                article: summary_from_row_at(r, COLUMN_COUNT)?,
                updated_at: highlight.updated_at.clone(),
                kind: AnnotationKind::Highlight(highlight),
            })
        })?;
        for row in rows {
            found.push(row?);
        }

        if query.color.is_none() {
            let mut sql = format!(
                "SELECT n.body, n.updated_at, {SUMMARY_COLUMNS} FROM notes n JOIN articles a ON a.id = n.article_id \
                 WHERE {filter_sql}"
            );
            let mut values = filter_values;
            if !text.is_empty() {
                sql.push_str(" AND n.body LIKE ? ESCAPE '\\'");
                values.push(pattern);
            }
            sql.push_str(" ORDER BY n.updated_at DESC LIMIT ?");
            values.push(Value::Integer(limit));
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(values), |r| {
                Ok(Annotation {
                    kind: AnnotationKind::Note(r.get(0)?),
                    updated_at: r.get(1)?,
                    article: summary_from_row_at(r, 2)?,
                })
            })?;
            for row in rows {
                found.push(row?);
            }
        }
        found.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
        found.truncate(limit as usize);
        Ok(found)
    }
}
