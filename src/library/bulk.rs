//! Changes to many articles at once, each one transaction: a bulk edit
//! lands whole or not at all, and so does its undo.

use super::articles::{purge_tx, restore_tx, trash_tx, update_details_tx};
use super::topics::change_topics_tx;
use super::{Library, LibraryError, Result};
use crate::model::{DetailChanges, ExtractedArticle};
use rusqlite::OptionalExtension;
use rusqlite::Transaction;

/// What a bulk edit replaced, for its undo.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EditedMany {
    /// Each article's details as they were.
    pub previous: Vec<(i64, Box<ExtractedArticle>)>,
    /// The (article, topic) filings the edit added.
    pub filed: Vec<(i64, i64)>,
}

impl Library {
    /// Sets these details on every article given, and files each under the
    /// changes' topic. An unknown topic or article changes nothing.
    pub fn edit_many(&mut self, ids: &[i64], changes: &DetailChanges) -> Result<EditedMany> {
        self.ensure_writable()?;
        let topic = changes.topic.as_deref().map(|t| self.topic_id(t)).transpose()?;
        let before = ids
            .iter()
            .map(|&id| self.get_article(id))
            .collect::<Result<Vec<_>>>()?;
        let mut edited = EditedMany::default();
        let tx = self.conn.transaction()?;
        for article in before {
            update_details_tx(&tx, article.id, &changes.apply(&article.meta))?;
            if let Some(topic) = topic
                && !article.topics.iter().any(|t| t.id == topic)
            {
                change_topics_tx(&tx, article.id, &[topic], &[])?;
                edited.filed.push((article.id, topic));
            }
            edited.previous.push((article.id, Box::new(article.meta)));
        }
        tx.commit()?;
        Ok(edited)
    }

    /// Takes a bulk edit back: the details as they were, the filings out.
    pub fn undo_edit_many(&mut self, edited: &EditedMany) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        for (id, details) in &edited.previous {
            update_details_tx(&tx, *id, details)?;
        }
        for &(id, topic) in &edited.filed {
            change_topics_tx(&tx, id, &[], &[topic])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Moves these articles to the trash, all or none.
    pub fn trash_many(&mut self, ids: &[i64]) -> Result<()> {
        self.ensure_writable()?;
        self.each_in_one_transaction(ids, trash_tx)
    }

    /// Brings these articles back from the trash, all or none.
    pub fn restore_many(&mut self, ids: &[i64]) -> Result<()> {
        self.ensure_writable()?;
        self.each_in_one_transaction(ids, restore_tx)
    }

    /// Deletes these trashed articles for good, all or none.
    pub fn purge_many(&mut self, ids: &[i64]) -> Result<()> {
        self.ensure_writable()?;
        self.each_in_one_transaction(ids, purge_tx)
    }

    /// Stars these articles, or takes their stars away, all or none;
    /// returns the ids whose state changed (for the undo: an article that
    /// was already starred is left out of it).
    pub fn star_many(&mut self, ids: &[i64], starred: bool) -> Result<Vec<i64>> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        let mut changed = Vec::new();
        for &id in ids {
            let was: Option<bool> = tx
                .prepare_cached("SELECT starred FROM articles WHERE id = ?")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            match was {
                None => return Err(LibraryError::NotFound(id)),
                Some(was) if was != starred => {
                    tx.prepare_cached("UPDATE articles SET starred = ? WHERE id = ?")?
                        .execute(rusqlite::params![starred, id])?;
                    changed.push(id);
                }
                Some(_) => {}
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    fn each_in_one_transaction(
        &mut self,
        ids: &[i64],
        change: fn(&Transaction, i64) -> Result<()>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        for &id in ids {
            change(&tx, id)?;
        }
        tx.commit()?;
        Ok(())
    }
}
