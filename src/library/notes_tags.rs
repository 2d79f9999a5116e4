//! Tags and notes: what the user adds to an article.

use super::{Library, LibraryError, Result, now};
use rusqlite::{OptionalExtension, Transaction, params};

fn clean_tag(name: &str) -> Result<String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(LibraryError::Invalid("a tag needs a name".into()));
    }
    if name.chars().count() > 100 {
        return Err(LibraryError::Invalid(
            "a tag name can be at most 100 characters".into(),
        ));
    }
    Ok(name)
}

pub(super) fn add_tag_tx(tx: &Transaction, article_id: i64, name: &str) -> Result<()> {
    let name = clean_tag(name)?;
    // Tag names are unique case-insensitively: "Japan" and "japan" are one tag,
    // spelled as it was first written.
    tx.prepare_cached("INSERT INTO tags(name) VALUES (?) ON CONFLICT(name) DO NOTHING")?
        .execute([&name])?;
    let tag_id: i64 = tx
        .prepare_cached("SELECT id FROM tags WHERE name = ?")?
        .query_row([&name], |r| r.get(0))?;
    tx.prepare_cached("INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)")?
        .execute(params![article_id, tag_id])?;
    Ok(())
}

fn require_article(tx: &Transaction, id: i64) -> Result<()> {
    let found: Option<i64> = tx
        .query_row("SELECT id FROM articles WHERE id = ?", [id], |r| r.get(0))
        .optional()?;
    found.map(|_| ()).ok_or(LibraryError::NotFound(id))
}

impl Library {
    pub fn tags_of(&self, id: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id \
             WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE",
        )?;
        let tags = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(tags)
    }

    /// Adds and removes tags on one article in one step.
    pub fn change_tags(&mut self, id: i64, add: &[String], remove: &[String]) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        require_article(&tx, id)?;
        for name in add {
            add_tag_tx(&tx, id, name)?;
        }
        for name in remove {
            tx.execute(
                "DELETE FROM article_tags WHERE article_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                params![id, name.trim()],
            )?;
        }
        tx.execute(
            "UPDATE articles SET updated_at = ? WHERE id = ?",
            params![now(), id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a tag to many articles, or takes it off them, in one step.
    /// Returns the articles it changed (not those already so), which is
    /// what an undo must take back.
    pub fn tag_many(&mut self, ids: &[i64], name: &str, add: bool) -> Result<Vec<i64>> {
        self.ensure_writable()?;
        let name = clean_tag(name)?;
        let tx = self.conn.transaction()?;
        let mut changed = Vec::new();
        for &id in ids {
            let has: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id \
                 WHERE at.article_id = ? AND t.name = ?)",
                params![id, name],
                |r| r.get(0),
            )?;
            if has == add {
                continue;
            }
            require_article(&tx, id)?;
            if add {
                add_tag_tx(&tx, id, &name)?;
            } else {
                tx.execute(
                    "DELETE FROM article_tags WHERE article_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                    params![id, name],
                )?;
            }
            tx.execute(
                "UPDATE articles SET updated_at = ? WHERE id = ?",
                params![now(), id],
            )?;
            changed.push(id);
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Gives a tag a colour (one of the highlight colours), or takes it away.
    pub fn set_tag_color(&mut self, name: &str, color: Option<&str>) -> Result<()> {
        self.ensure_writable()?;
        if let Some(color) = color
            && crate::model::HighlightColor::parse(color).is_none()
        {
            return Err(LibraryError::Invalid(format!(
                "“{color}” is not a colour Folio knows: {}",
                crate::model::HighlightColor::names()
            )));
        }
        let changed = self.conn.execute(
            "UPDATE tags SET color = ? WHERE name = ?",
            params![color, name.trim()],
        )?;
        if changed == 0 {
            return Err(LibraryError::Invalid(format!("no tag called “{}”", name.trim())));
        }
        Ok(())
    }

    /// The tags that have a colour, by name.
    pub fn tag_colors(&self) -> Result<std::collections::HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, color FROM tags WHERE color IS NOT NULL")?;
        let colors = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(colors)
    }

    /// Renames a tag; renaming onto a tag that exists merges the two (the
    /// articles of both carry the one name). Returns how many articles
    /// carry it afterwards.
    pub fn rename_tag(&mut self, old: &str, new: &str) -> Result<usize> {
        self.ensure_writable()?;
        let new = clean_tag(new)?;
        let tx = self.conn.transaction()?;
        let from: i64 = tx
            .query_row("SELECT id FROM tags WHERE name = ?", [old.trim()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| LibraryError::Invalid(format!("no tag called “{}”", old.trim())))?;
        let into: Option<i64> = tx
            .query_row(
                "SELECT id FROM tags WHERE name = ? AND id != ?",
                params![new, from],
                |r| r.get(0),
            )
            .optional()?;
        let kept = match into {
            Some(into) => {
                tx.execute(
                    "INSERT OR IGNORE INTO article_tags(article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?",
                    params![into, from],
                )?;
                tx.execute("DELETE FROM tags WHERE id = ?", [from])?;
                into
            }
            // Same tag, new spelling (case included).
            None => {
                tx.execute("UPDATE tags SET name = ? WHERE id = ?", params![new, from])?;
                from
            }
        };
        let count: i64 = tx.query_row(
            "SELECT count(*) FROM article_tags WHERE tag_id = ?",
            [kept],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(count as usize)
    }

    /// Deletes a tag from every article; returns how many carried it.
    pub fn delete_tag(&mut self, name: &str) -> Result<usize> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        let id: i64 = tx
            .query_row("SELECT id FROM tags WHERE name = ?", [name.trim()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| LibraryError::Invalid(format!("no tag called “{}”", name.trim())))?;
        let count: i64 = tx.query_row("SELECT count(*) FROM article_tags WHERE tag_id = ?", [id], |r| {
            r.get(0)
        })?;
        tx.execute("DELETE FROM tags WHERE id = ?", [id])?;
        tx.commit()?;
        Ok(count as usize)
    }

    /// Replaces the article's note (an empty text removes it) and keeps the
    /// search index in step.
    pub fn set_note(&mut self, id: i64, text: &str) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        require_article(&tx, id)?;
        let stamp = now();
        if text.trim().is_empty() {
            tx.execute("DELETE FROM notes WHERE article_id = ?", [id])?;
        } else {
            tx.execute(
                "INSERT INTO notes(article_id, body, updated_at) VALUES (?, ?, ?) \
                 ON CONFLICT(article_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                params![id, text, stamp],
            )?;
        }
        tx.execute(
            "UPDATE articles SET updated_at = ? WHERE id = ?",
            params![stamp, id],
        )?;
        tx.commit()?;
        Ok(())
    }
}
