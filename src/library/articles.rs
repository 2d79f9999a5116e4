//! Storing, reading, listing and trashing articles.

use super::{Filter, Library, LibraryError, Result, list_order, now};
use crate::model::region_basis::RegionBasis;
use crate::model::regions;
use crate::model::{
    Article, ArticleSummary, DatePrecision, ExtractedArticle, Provenance, Published, Sort, SortKey,
};
use flate2::Compression;
use flate2::write::ZlibEncoder;
use rusqlite::{OptionalExtension, Row, Transaction, params, params_from_iter, types::Value};
use std::io::Write;

/// An extracted article with the file it came from, ready to store.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub meta: ExtractedArticle,
    pub file_name: Option<String>,
    pub format: String,
    /// The file as given, compressed with [`compress`] (by the caller, so
    /// an import can compress on every core while the library writes).
    pub compressed_original: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InsertOutcome {
    Imported {
        id: i64,
    },
    Duplicate {
        id: i64,
    },
    /// A link-only item for an article the library has: what it added to
    /// it (tags, state, star, …), never empty.
    Merged {
        id: i64,
        changes: Vec<String>,
    },
}

/// Two files are the same article when their bodies match once whitespace is
/// normalised: a clipping saved twice, or copied with different line ends.
pub fn content_hash(body: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    for (i, word) in body.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    hasher.finalize().to_hex().to_string()
}

/// zlib's level for originals. With zlib-rs, 7 writes clippings a little
/// smaller than miniz_oxide's 6 did, in two thirds of the time; level 6
/// wrote them 0.8% larger, which pushed many rows past half a page (they
/// are about 2 KB) and grew the table by 5%.
const ORIGINAL_LEVEL: u32 = 7;

pub fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(ORIGINAL_LEVEL));
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

pub(super) const SUMMARY_COLUMNS: &str = "a.id, a.title, a.published_date, a.published_precision, a.published_time, \
     a.source, a.region, a.deleted_at, \
     (SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id \
      WHERE at.article_id = a.id), a.starred";

/// How many columns [`SUMMARY_COLUMNS`] are: a query's own columns after
/// them start here.
pub(super) const SUMMARY_COLUMN_COUNT: usize = 10;

pub(super) fn summary_from_row(row: &Row) -> rusqlite::Result<ArticleSummary> {
    summary_from_row_at(row, 0)
}

/// The [`SUMMARY_COLUMNS`] of a row where they start at column `at`.
pub(super) fn summary_from_row_at(row: &Row, at: usize) -> rusqlite::Result<ArticleSummary> {
    let tags: Option<String> = row.get(at + 8)?;
    let mut tags: Vec<String> = tags
        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    tags.sort_by_key(|t| t.to_lowercase());
    Ok(ArticleSummary {
        id: row.get(at)?,
        title: row.get(at + 1)?,
        published: published_from(row.get(at + 2)?, row.get(at + 3)?, row.get(at + 4)?),
        source: row.get(at + 5)?,
        region: row.get(at + 6)?,
        tags,
        deleted_at: row.get(at + 7)?,
        starred: row.get(at + 9)?,
    })
}

pub(super) fn published_from(
    date: Option<String>,
    precision: Option<String>,
    time: Option<String>,
) -> Option<Published> {
    let mut p = Published::from_iso(&date?)?;
    p.precision = precision
        .as_deref()
        .and_then(DatePrecision::parse)
        .unwrap_or(DatePrecision::Day);
    p.time = time.and_then(|t| chrono::NaiveTime::parse_from_str(&t, "%H:%M:%S").ok());
    Some(p)
}

/// The ORDER BY of a sort. Articles without the sorted value go last either
/// way; ties fall back to the newest import.
fn order_by(sort: Sort) -> String {
    let dir = if sort.descending { "DESC" } else { "ASC" };
    match sort.key {
        SortKey::Published => {
            format!("a.published_date IS NULL, a.published_date {dir}, a.published_time {dir}, a.id {dir}")
        }
        SortKey::Title => format!("a.title IS NULL, a.title COLLATE NOCASE {dir}, a.id DESC"),
        SortKey::Source => {
            format!("a.source IS NULL, a.source COLLATE NOCASE {dir}, a.published_date DESC, a.id DESC")
        }
        SortKey::Region => format!("a.region IS NULL, a.region {dir}, a.published_date DESC, a.id DESC"),
        SortKey::Imported => format!("a.id {dir}"),
    }
}

impl Library {
    /// Stores a batch in one transaction: after a crash the library holds the
    /// whole batch or none of it. Each item's outcome is returned in order;
    /// one item's failure does not undo the others.
    pub fn insert_batch(&mut self, items: &[NewArticle]) -> Result<Vec<Result<InsertOutcome>>> {
        // Nothing else is written to a new article here, so its indexing
        // can wait for the end of the batch.
        self.each_in_its_savepoint(items, insert_one, Indexing::AtTheEnd)
    }

    /// Stores each item with `store` in one transaction, each in its own
    /// savepoint: an item that fails leaves no trace, and the others stay.
    /// Damage stops the whole batch: it is not the item's fault.
    pub(super) fn each_in_its_savepoint<T>(
        &mut self,
        items: &[T],
        store: impl Fn(&Transaction, &T) -> Result<InsertOutcome>,
        indexing: Indexing,
    ) -> Result<Vec<Result<InsertOutcome>>> {
        self.ensure_writable()?;
        // A file at an older step indexes each article by its trigger.
        let defer = indexing == Indexing::AtTheEnd
            && super::schema::current_version(&self.conn)? >= super::schema::DEFERRED_INDEX_STEP;
        let deferral = self.deferral.clone();
        let held = defer.then(|| deferral.hold());
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(items.len());
        for item in items {
            // Prepared once: parsing them anew was a few percent of an import.
            tx.prepare_cached("SAVEPOINT item")?.execute([])?;
            let outcome = store(&tx, item);
            // Rolled back, and nothing more is written this session.
            if let Err(LibraryError::Damaged { reason }) = &outcome {
                let reason = reason.clone();
                drop(tx);
                self.refuse_writes(reason.clone());
                return Err(LibraryError::Damaged { reason });
            }
            if outcome.is_ok() {
                tx.prepare_cached("RELEASE item")?.execute([])?;
            } else {
                tx.execute_batch("ROLLBACK TO item; RELEASE item")?;
            }
            outcomes.push(outcome);
        }
        if let Some(held) = held {
            drop(held);
            let new: Vec<i64> = outcomes
                .iter()
                .filter_map(|o| match o {
                    Ok(InsertOutcome::Imported { id }) => Some(*id),
                    _ => None,
                })
                .collect();
            super::deferred_index::index_articles(&tx, &new)?;
        }
        tx.commit()?;
        Ok(outcomes)
    }

    pub fn get_article(&self, id: i64) -> Result<Article> {
        let row = self
            .conn
            .query_row(
                "SELECT a.id, a.title, a.body, a.source, a.authors, a.published_date, a.published_precision, \
                 a.published_time, a.section, a.kind, a.language, a.url, a.region, a.imported_at, a.updated_at, \
                 a.deleted_at, o.file_name, n.body, a.saved_at, a.read_state, a.link_only, a.publisher_place, \
                 a.starred, a.citation, a.region_basis \
                 FROM articles a LEFT JOIN originals o ON o.article_id = a.id \
                 LEFT JOIN notes n ON n.article_id = a.id WHERE a.id = ?",
                [id],
                |r| {
                    let authors: String = r.get(4)?;
                    Ok(Article {
                        id: r.get(0)?,
                        meta: ExtractedArticle {
                            title: r.get(1)?,
                            body: r.get(2)?,
                            source: r.get(3)?,
                            authors: serde_json::from_str(&authors).unwrap_or_default(),
                            published: published_from(r.get(5)?, r.get(6)?, r.get(7)?),
                            section: r.get(8)?,
                            kind: r.get(9)?,
                            language: r.get(10)?,
                            url: r.get(11)?,
                            region: r.get(12)?,
                            region_basis: r
                                .get::<_, Option<String>>(24)?
                                .as_deref()
                                .and_then(RegionBasis::from_stored),
                            countries: Vec::new(),
                            tags: Vec::new(),
                        },
                        imported_at: r.get(13)?,
                        updated_at: r.get(14)?,
                        deleted_at: r.get(15)?,
                        original_name: r.get(16)?,
                        note: r.get(17)?,
                        tags: Vec::new(),
                        topics: Vec::new(),
                        highlights: Vec::new(),
                        provenance: Provenance {
                            saved_at: r.get(18)?,
                            read_state: r.get(19)?,
                            link_only: r.get(20)?,
                            publisher_place: r.get(21)?,
                            starred: r.get(22)?,
                            citation: r.get(23)?,
                        },
                    })
                },
            )
            .optional()?;
        let mut article = row.ok_or(LibraryError::NotFound(id))?;
        article.tags = self.tags_of(id)?;
        article.highlights = self.highlights_of(id)?;
        article.topics = self.topics_of(id)?;
        article.meta.tags = article.tags.clone();
        article.meta.countries = self.countries_of(id)?;
        Ok(article)
    }

    fn countries_of(&self, id: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.name FROM article_regions ar JOIN regions r ON r.id = ar.region_id \
             WHERE ar.article_id = ? AND r.parent_id IS NOT NULL ORDER BY r.name",
        )?;
        let names = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(names)
    }

    /// Articles matching a filter, newest first.
    pub fn list(&self, filter: &Filter) -> Result<Vec<ArticleSummary>> {
        let (clause, mut values) = filter.to_sql();
        let limit = filter.limit.map(|l| l as i64).unwrap_or(-1);
        values.push(Value::Integer(limit));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE {clause} ORDER BY {} LIMIT ?",
            order_by(filter.sort)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), summary_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The ids of the articles matching a filter, in list order: what a
    /// window needs to show a list of any length, fetching rows by page.
    pub fn list_ids(&self, filter: &Filter) -> Result<Vec<i64>> {
        let indexed = self.with_index(|index, conn| {
            let selection = index.select(conn, filter)?;
            index.ordered_ids(conn, &selection, filter.sort)
        })?;
        match indexed {
            Some(ids) => Ok(ids),
            None => self.list_ids_by_sql(filter),
        }
    }

    /// [`Library::list_ids`] asked of SQL: for a file without the change
    /// log, and as the reference the index is tested against.
    pub(super) fn list_ids_by_sql(&self, filter: &Filter) -> Result<Vec<i64>> {
        let (clause, values) = filter.to_sql();
        let key = filter.sort.key;
        let sql = format!(
            "SELECT a.id, {}, {} FROM articles a WHERE {clause}",
            list_order::text_column(key),
            list_order::date_columns(key)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                Ok(list_order::SortRow {
                    id: r.get(0)?,
                    text: list_order::prepared(key, r.get(1)?),
                    date: r.get(2)?,
                    time: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(list_order::sorted_ids(rows, filter.sort))
    }

    /// The list rows of these articles, in the order given (missing ones left out).
    pub fn summaries(&self, ids: &[i64]) -> Result<Vec<ArticleSummary>> {
        let mut found = std::collections::HashMap::new();
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a WHERE a.id IN ({marks})");
            let mut stmt = self.conn.prepare(&sql)?;
            for row in stmt.query_map(params_from_iter(chunk.iter()), summary_from_row)? {
                let row = row?;
                found.insert(row.id, row);
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    pub fn count(&self, filter: &Filter) -> Result<usize> {
        let indexed = self.with_index(|index, conn| Ok(index.select(conn, filter)?.bits.count()))?;
        match indexed {
            Some(count) => Ok(count),
            None => self.count_by_sql(filter),
        }
    }

    /// [`Library::count`] asked of SQL.
    pub(super) fn count_by_sql(&self, filter: &Filter) -> Result<usize> {
        let (clause, values) = filter.to_sql();
        let sql = format!("SELECT count(*) FROM articles a WHERE {clause}");
        let n: i64 = self
            .conn
            .query_row(&sql, params_from_iter(values), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Moves an article to the trash; it stays restorable.
    pub fn trash(&mut self, id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.trash_many(&[id])
    }

    pub fn restore(&mut self, id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.restore_many(&[id])
    }

    /// Deletes a trashed article for good. Refuses one that is not in the
    /// trash, so a slip cannot skip the trash.
    pub fn purge(&mut self, id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.purge_many(&[id])
    }

    /// Corrects an article's details (title, date, source, section, region,
    /// kind, language, url, authors) and keeps the search index in step. The
    /// body, tags and note are left as they are.
    pub fn update_details(&mut self, id: i64, details: &ExtractedArticle) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        update_details_tx(&tx, id, details)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes everything in the trash for good; returns how many went.
    pub fn empty_trash(&mut self) -> Result<usize> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM articles_trigram WHERE rowid IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)",
            [],
        )?;
        let removed = tx.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL", [])?;
        tx.commit()?;
        Ok(removed)
    }

    /// The original file as the user gave it, decompressed.
    pub fn original(&self, id: i64) -> Result<Option<(Option<String>, Vec<u8>)>> {
        let row: Option<(Option<String>, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT file_name, compressed FROM originals WHERE article_id = ?",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((name, compressed)) = row else {
            return Ok(None);
        };
        // Bounded while it unpacks: a library export edited by hand (or by
        // someone hostile) could carry a zlib bomb as an original.
        let mut out = Vec::new();
        let _ = std::io::Read::read_to_end(
            &mut std::io::Read::take(
                flate2::read::ZlibDecoder::new(compressed.as_slice()),
                crate::model::MAX_FILE_BYTES + 1,
            ),
            &mut out,
        );
        if out.len() as u64 > crate::model::MAX_FILE_BYTES {
            return Err(LibraryError::Invalid(
                "the original file kept with this article unpacks to more than 50 MB: it is damaged".into(),
            ));
        }
        Ok(Some((name, out)))
    }
}

/// Puts an article with Chinese, Japanese or Korean text in the trigram
/// index (see schema step 3), replacing what was there.
/// Writes an article's corrected details inside the caller's transaction.
pub(super) fn update_details_tx(tx: &Transaction, id: i64, details: &ExtractedArticle) -> Result<()> {
    let published = details.published;
    let changed = tx.execute(
        "UPDATE articles SET title = ?, source = ?, authors = ?, published_date = ?, published_precision = ?, \
         published_time = ?, section = ?, kind = ?, language = ?, url = ?, \
         region_basis = CASE WHEN ?11 IS NULL THEN NULL WHEN region IS ?11 THEN ?12 ELSE 'edited' END, \
         region = ?11, updated_at = ?13 WHERE id = ?14",
        params![
            details.title,
            details.source,
            serde_json::to_string(&details.authors).unwrap_or_else(|_| "[]".into()),
            published.map(|p| p.date.format("%Y-%m-%d").to_string()),
            published.map(|p| p.precision.as_str()),
            published.and_then(|p| p.time).map(|t| t.format("%H:%M:%S").to_string()),
            details.section,
            details.kind,
            details.language,
            details.url,
            details.region,
            details.region_basis.as_ref().map(RegionBasis::to_stored),
            now(),
            id,
        ],
    )?;
    if changed == 0 {
        return Err(LibraryError::NotFound(id));
    }
    index_cjk(tx, id, details.title.as_deref(), &details.body)?;
    tx.execute(
        "DELETE FROM article_regions WHERE article_id = ? AND is_primary = 1",
        [id],
    )?;
    if let Some(region) = &details.region {
        let region_id = ensure_region(tx, region, None)?;
        tx.execute(
            "INSERT OR REPLACE INTO article_regions(article_id, region_id, is_primary) VALUES (?, ?, 1)",
            params![id, region_id],
        )?;
    }
    // The other countries the article concerns, as corrected.
    tx.execute(
        "DELETE FROM article_regions WHERE article_id = ? AND is_primary = 0",
        [id],
    )?;
    add_countries(tx, id, &details.countries)?;
    Ok(())
}

/// Moves an article to the trash (one already there stays as it was).
pub(super) fn trash_tx(tx: &Transaction, id: i64) -> Result<()> {
    let changed = tx.execute(
        "UPDATE articles SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
        params![now(), now(), id],
    )?;
    if changed == 0 {
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM articles WHERE id = ?", [id], |r| r.get(0))
            .optional()?;
        exists.ok_or(LibraryError::NotFound(id))?;
    }
    Ok(())
}

/// Brings an article back from the trash.
pub(super) fn restore_tx(tx: &Transaction, id: i64) -> Result<()> {
    let changed = tx.execute(
        "UPDATE articles SET deleted_at = NULL, updated_at = ? WHERE id = ?",
        params![now(), id],
    )?;
    if changed == 0 {
        return Err(LibraryError::NotFound(id));
    }
    Ok(())
}

/// Deletes a trashed article for good; refuses one that is not in the trash.
pub(super) fn purge_tx(tx: &Transaction, id: i64) -> Result<()> {
    let deleted: Option<Option<String>> = tx
        .query_row("SELECT deleted_at FROM articles WHERE id = ?", [id], |r| r.get(0))
        .optional()?;
    match deleted {
        None => return Err(LibraryError::NotFound(id)),
        Some(None) => {
            return Err(LibraryError::Invalid(format!(
                "article {id} is not in the trash; move it to the trash first"
            )));
        }
        Some(Some(_)) => {}
    }
    // The word index follows by trigger (schema step 4); the trigram
    // index is kept here.
    tx.execute("DELETE FROM articles_trigram WHERE rowid = ?", [id])?;
    tx.execute("DELETE FROM articles WHERE id = ?", [id])?;
    Ok(())
}

pub(super) fn index_cjk(tx: &Transaction, id: i64, title: Option<&str>, body: &str) -> Result<()> {
    tx.prepare_cached("DELETE FROM articles_trigram WHERE rowid = ?")?
        .execute([id])?;
    let title = title.unwrap_or("");
    // ASCII, which most articles are, has no CJK: checked a word at a time.
    let has_cjk = !(title.is_ascii() && body.is_ascii())
        && title
            .chars()
            .chain(body.chars())
            .any(crate::model::script::is_cjk);
    if has_cjk {
        tx.prepare_cached("INSERT INTO articles_trigram(rowid, title, body) VALUES (?, ?, ?)")?
            .execute(params![id, title, body])?;
    }
    Ok(())
}

/// Records the countries an article concerns, each under its region.
fn add_countries(tx: &Transaction, id: i64, countries: &[String]) -> Result<()> {
    for country in countries {
        let parent = match regions::region_of_country(country) {
            Some(r) => Some(ensure_region(tx, r, None)?),
            None => None,
        };
        let country_id = ensure_region(tx, country, parent)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO article_regions(article_id, region_id, is_primary) VALUES (?, ?, 0)",
        )?
        .execute(params![id, country_id])?;
    }
    Ok(())
}

fn ensure_region(tx: &Transaction, name: &str, parent: Option<i64>) -> Result<i64> {
    tx.prepare_cached("INSERT INTO regions(name, parent_id) VALUES (?, ?) ON CONFLICT(name) DO NOTHING")?
        .execute(params![name, parent])?;
    Ok(tx
        .prepare_cached("SELECT id FROM regions WHERE name = ?")?
        .query_row([name], |r| r.get(0))?)
}

/// What a row holds beside the extracted metadata: when the article was
/// stored, last changed and moved to the trash, and what another tool knew
/// of it (see [`Provenance`]).
pub(super) struct Stamps<'a> {
    pub imported_at: &'a str,
    pub updated_at: &'a str,
    pub deleted_at: Option<&'a str>,
    pub provenance: &'a Provenance,
}

/// The id of the article with this text, if the library has it.
pub(super) fn article_with_text(tx: &Transaction, hash: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?")?
        .query_row([hash], |r| r.get(0))
        .optional()?)
}

/// Stores an article's row, its place in the trigram index, and its
/// region, countries and tags; returns its id. The caller has checked that
/// the text is new. Its statements are prepared once per connection: an
/// insert into `articles` compiles the search triggers with it, and doing
/// that for every article cost about a tenth of an import.
pub(super) fn insert_article(
    tx: &Transaction,
    meta: &ExtractedArticle,
    hash: &str,
    stamps: Stamps,
) -> Result<i64> {
    let published = meta.published;
    tx.prepare_cached("INSERT INTO articles (title, body, source, authors, published_date, published_precision, published_time, \
         section, kind, language, url, region, content_hash, imported_at, updated_at, deleted_at, \
         saved_at, read_state, link_only, publisher_place) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")?.execute(
        params![
            meta.title,
            meta.body,
            meta.source,
            serde_json::to_string(&meta.authors).unwrap_or_else(|_| "[]".into()),
            published.map(|p| p.date.format("%Y-%m-%d").to_string()),
            published.map(|p| p.precision.as_str()),
            published.and_then(|p| p.time).map(|t| t.format("%H:%M:%S").to_string()),
            meta.section,
            meta.kind,
            meta.language,
            meta.url,
            meta.region,
            hash,
            stamps.imported_at,
            stamps.updated_at,
            stamps.deleted_at,
            stamps.provenance.saved_at,
            stamps.provenance.read_state,
            stamps.provenance.link_only,
            stamps.provenance.publisher_place,
        ],
    )?;
    let id = tx.last_insert_rowid();
    // Few articles come starred or with a citation: the columns are set
    // only for them, so the common insert stays one prepared statement.
    if stamps.provenance.starred || stamps.provenance.citation.is_some() {
        tx.prepare_cached("UPDATE articles SET starred = ?, citation = ? WHERE id = ?")?
            .execute(params![stamps.provenance.starred, stamps.provenance.citation, id])?;
    }
    // Set apart, as the star is, and only where the column exists: a file
    // at an older step (before 14) still takes articles.
    if let Some(basis) = &meta.region_basis
        && super::schema::current_version(tx)? >= super::schema::REGION_BASIS_STEP
    {
        tx.prepare_cached("UPDATE articles SET region_basis = ? WHERE id = ?")?
            .execute(params![basis.to_stored(), id])?;
    }
    index_cjk(tx, id, meta.title.as_deref(), &meta.body)?;
    if let Some(region) = &meta.region {
        let region_id = ensure_region(tx, region, None)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO article_regions(article_id, region_id, is_primary) VALUES (?, ?, 1)",
        )?
        .execute(params![id, region_id])?;
    }
    add_countries(tx, id, &meta.countries)?;
    for tag in &meta.tags {
        super::notes_tags::add_tag_tx(tx, id, tag)?;
    }
    Ok(id)
}

/// Stores an original file, compressed, beside its article.
pub(super) fn insert_original(
    tx: &Transaction,
    id: i64,
    file_name: Option<&str>,
    format: &str,
    compressed: &[u8],
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO originals(article_id, file_name, format, compressed) VALUES (?, ?, ?, ?)",
    )?
    .execute(params![id, file_name, format, compressed])?;
    Ok(())
}

/// When a batch's new articles are entered in the full-text indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Indexing {
    /// By the insert trigger, each as it is stored: for items that write
    /// more to their article (a note, highlights), which the index follows.
    AsInserted,
    /// At the end of the batch (see `deferred_index`).
    AtTheEnd,
}

fn insert_one(tx: &Transaction, item: &NewArticle) -> Result<InsertOutcome> {
    let meta = &item.meta;
    let hash = content_hash(&meta.body);
    if let Some(id) = article_with_text(tx, &hash)? {
        return Ok(InsertOutcome::Duplicate { id });
    }
    let stamp = now();
    let stamps = Stamps {
        imported_at: &stamp,
        updated_at: &stamp,
        deleted_at: None,
        provenance: &Provenance::default(),
    };
    let id = insert_article(tx, meta, &hash, stamps)?;
    insert_original(
        tx,
        id,
        item.file_name.as_deref(),
        &item.format,
        &item.compressed_original,
    )?;
    Ok(InsertOutcome::Imported { id })
}
