//! New articles entered in the full-text indexes at the end of their batch,
//! not one by one.
//!
//! FTS5 writes what it holds in memory to disk at every savepoint, and
//! SQLite opens one for each statement that has triggers. Indexing each
//! article as it was inserted therefore wrote a segment per article, which
//! FTS5 then merged again and again: about half the time of an import.
//! While a batch is stored, the insert trigger stands aside (its `WHEN`
//! asks [`FUNCTION`]) and the batch's articles are indexed by two
//! statements at its end, inside the same transaction.
//!
//! Every connection that inserts articles must call [`register`] first
//! (`Library::open` does); elsewhere the trigger indexes as before.

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, Transaction, params_from_iter};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The SQL name of the function the insert trigger asks.
pub const FUNCTION: &str = "folio_index_deferred";

/// Whether this connection's article inserts leave their indexing to the
/// end of the batch.
#[derive(Debug, Clone, Default)]
pub struct Deferral(Arc<AtomicBool>);

/// Registers [`FUNCTION`] on `conn`; the deferral returned controls it.
pub fn register(conn: &Connection) -> rusqlite::Result<Deferral> {
    let deferral = Deferral::default();
    let deferring = Arc::clone(&deferral.0);
    conn.create_scalar_function(
        FUNCTION,
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
        move |_| Ok(deferring.load(Ordering::Relaxed)),
    )?;
    Ok(deferral)
}

impl Deferral {
    /// Defers indexing until the guard returned is dropped.
    pub fn hold(&self) -> Held<'_> {
        self.0.store(true, Ordering::Relaxed);
        Held(self)
    }
}

/// Indexing deferred while this lives.
pub struct Held<'a>(&'a Deferral);

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.0.0.store(false, Ordering::Relaxed);
    }
}

/// Enters the articles `ids`, inserted while indexing was deferred, in the
/// full-text and word-start indexes, as the insert trigger would have.
pub fn index_articles(tx: &Transaction, ids: &[i64]) -> rusqlite::Result<()> {
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        tx.execute(
            &format!(
                "INSERT INTO articles_fts(rowid, title, body, source, notes) \
                 SELECT id, title, body, source, notes FROM article_search_text \
                 WHERE id IN ({marks}) ORDER BY id"
            ),
            params_from_iter(chunk),
        )?;
        tx.execute(
            &format!(
                "INSERT INTO article_word_starts(rowid, starts) \
                 SELECT id, {}(title, body, source, notes) FROM article_search_text \
                 WHERE id IN ({marks}) ORDER BY id",
                super::word_starts::FUNCTION
            ),
            params_from_iter(chunk),
        )?;
    }
    Ok(())
}
