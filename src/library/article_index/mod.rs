//! The library's list fields held in memory, so choosing, sorting and
//! counting a million articles is a pass over packed numbers rather than
//! a query that reads every article from the file.
//!
//! At a million articles SQLite took 0.7 s to list a facet's articles,
//! 1.4 s to sort by a column and 0.9 s to count three combined facets: each
//! is a scan of the list index, decoding every row. The index here is
//! loaded once (about a second at a million), then kept up to date from
//! `article_changes`, a log that triggers fill whenever an article, its
//! tags, topics or places change, from this connection or any other. Before
//! every use the index reads the log past the last change it has seen and
//! reloads those articles only.
//!
//! What the index cannot answer by itself (words, authors) it asks SQL for
//! as a set of ids, and combines with the rest.

mod entry;
mod load;
mod order;
mod pictures;
mod selection;
mod snapshot;
mod tally;

pub(super) use selection::Selection;
pub(super) use tally::{ColumnCounts, Tally};

use super::{Library, Result};
use crate::model::SortKey;
use entry::{Entry, Names, Precision, ReadState, Titles};
use order::Orders;
use rusqlite::{Connection, params_from_iter};
use rustc_hash::FxHashMap as HashMap;

/// Articles reloaded one statement at a time.
const CHUNK: usize = 500;

/// The change log is cut back to this many entries once it holds twice
/// as many: an index (another Folio's) that has fallen further behind loads
/// itself anew.
const LOG_KEPT: i64 = 20_000;

/// Which slot holds an article: by id in a table when the ids are dense,
/// as SQLite's are, else in a map.
enum Slots {
    Dense(Vec<u32>),
    Sparse(HashMap<i64, u32>),
}

impl Slots {
    fn get(&self, id: i64) -> Option<u32> {
        match self {
            Slots::Dense(table) => usize::try_from(id)
                .ok()
                .and_then(|i| table.get(i))
                .copied()
                .filter(|&s| s != u32::MAX),
            Slots::Sparse(map) => map.get(&id).copied(),
        }
    }

    fn insert(&mut self, id: i64, slot: u32) {
        if let Slots::Dense(table) = self {
            match usize::try_from(id) {
                Ok(i) if i < table.len() + (1 << 20) && i < 4 * (table.len() + 1_000_000) => {
                    if i >= table.len() {
                        table.resize(i + 1, u32::MAX);
                    }
                    table[i] = slot;
                    return;
                }
                _ => {
                    let map = table
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| **s != u32::MAX)
                        .map(|(i, s)| (i as i64, *s))
                        .collect();
                    *self = Slots::Sparse(map);
                }
            }
        }
        if let Slots::Sparse(map) = self {
            map.insert(id, slot);
        }
    }
}

/// Slots of the articles with each value of a many-to-many field (tags,
/// topics, places), by the value's id.
#[derive(Default)]
pub(super) struct Postings(HashMap<i64, Vec<u32>>);

impl Postings {
    fn add(&mut self, value: i64, slot: u32) {
        self.0.entry(value).or_default().push(slot);
    }

    /// Takes out every slot `changed` holds, in one pass.
    fn forget(&mut self, changed: &selection::Bits) {
        for slots in self.0.values_mut() {
            slots.retain(|&s| !changed.has(s));
        }
        self.0.retain(|_, slots| !slots.is_empty());
    }

    pub fn of(&self, value: i64) -> &[u32] {
        self.0.get(&value).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn iter(&self) -> impl Iterator<Item = (i64, &[u32])> {
        self.0.iter().map(|(v, s)| (*v, s.as_slice()))
    }
}

/// The list fields of every article, and where the change log was.
pub(super) struct ArticleIndex {
    entries: Vec<Entry>,
    /// Empty while `titles_read` reads them: only sorting by title needs
    /// them, so they are read in the background after the rest.
    titles: Titles,
    titles_read: Option<std::thread::JoinHandle<Result<load::TitlesRead>>>,
    /// Titles changed while `titles_read` was still reading, by slot, in
    /// the order they came: set once the reading is joined, so a change
    /// never waits for it.
    titles_changed: Vec<(u32, Option<String>)>,
    slots: Slots,
    sources: Names,
    regions: Names,
    kinds: Names,
    languages: Names,
    times: Names,
    tags: Postings,
    topics: Postings,
    /// Every place row (region or country) of an article.
    places: Postings,
    /// The countries (not the primary region) of an article.
    countries: Postings,
    /// The last change of the log this index holds.
    seen: i64,
    /// Read from the snapshot kept in the library (which then need not be
    /// written again unless the index moved on), not from the articles.
    from_snapshot: bool,
    /// Articles reloaded inside a transaction, which may yet be rolled
    /// back: reloaded again once it is over.
    unsure: Vec<i64>,
    orders: Orders,
}

/// The columns read for an entry, in the order [`ArticleIndex::read_entry`] takes them.
const ENTRY_COLUMNS: &str = "a.id, a.deleted_at IS NOT NULL, a.published_date, a.published_precision, \
    a.published_time, a.imported_at, a.source, a.region, a.kind, a.language";

fn text<'r>(row: &'r rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Option<&'r str>> {
    Ok(match row.get_ref(index)? {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    })
}

fn last_change(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM article_changes", [], |r| {
            r.get(0)
        })?,
    )
}

impl ArticleIndex {
    /// An index of no articles, at this point of the log.
    fn empty(seen: i64) -> ArticleIndex {
        ArticleIndex {
            entries: Vec::new(),
            titles: Titles::default(),
            titles_read: None,
            titles_changed: Vec::new(),
            slots: Slots::Dense(Vec::new()),
            sources: Names::default(),
            regions: Names::default(),
            kinds: Names::default(),
            languages: Names::default(),
            times: Names::default(),
            tags: Postings::default(),
            topics: Postings::default(),
            places: Postings::default(),
            countries: Postings::default(),
            seen,
            from_snapshot: false,
            unsure: Vec::new(),
            orders: Orders::default(),
        }
    }

    /// An entry from a row of [`ENTRY_COLUMNS`] followed by `starred` and
    /// `read_state`.
    fn read_entry(&mut self, row: &rusqlite::Row) -> Result<Entry> {
        Ok(Entry {
            id: row.get(0)?,
            trashed: row.get(1)?,
            date: text(row, 2)?.and_then(entry::packed_date).unwrap_or(0),
            precision: Precision::read(text(row, 3)?),
            time: self.times.number(text(row, 4)?),
            imported: text(row, 5)?.map(entry::stamp_digits).unwrap_or(0),
            source: self.sources.number(text(row, 6)?),
            region: self.regions.number(text(row, 7)?),
            kind: self.kinds.number(text(row, 8)?),
            language: self.languages.number(text(row, 9)?),
            starred: row.get::<_, Option<bool>>(10)?.unwrap_or(false),
            read_state: ReadState::read(text(row, 11)?),
            gone: false,
        })
    }

    fn push(&mut self, entry: Entry) -> u32 {
        let slot = self.entries.len() as u32;
        self.slots.insert(entry.id, slot);
        self.entries.push(entry);
        slot
    }

    fn apply_links(&mut self, links: load::Links) {
        for (article, tag) in links.tags {
            if let Some(slot) = self.slots.get(article) {
                self.tags.add(tag, slot);
            }
        }
        for (article, topic) in links.topics {
            if let Some(slot) = self.slots.get(article) {
                self.topics.add(topic, slot);
            }
        }
        for (article, place, is_country) in links.places {
            if let Some(slot) = self.slots.get(article) {
                self.places.add(place, slot);
                if is_country {
                    self.countries.add(place, slot);
                }
            }
        }
    }

    /// The titles, waiting for them if they are still being read.
    fn titles(&mut self, conn: &Connection) -> Result<&mut Titles> {
        if let Some(reading) = self.titles_read.take() {
            let mut read = match reading.join() {
                Ok(Ok(read)) => read,
                // Read again on the library's own connection (see `load`).
                _ => load::read_titles(conn)?,
            };
            let by_title = std::mem::take(&mut read.by_title);
            self.titles = read.into_titles(|id| self.slots.get(id), self.entries.len());
            let unchanged = self.titles_changed.is_empty();
            for (slot, title) in std::mem::take(&mut self.titles_changed) {
                self.titles.set(slot, title.as_deref());
            }
            if unchanged && !self.orders.has(SortKey::Title) {
                self.keep_title_order(&by_title);
            }
        }
        Ok(&mut self.titles)
    }

    /// Keeps the order by title the reading sorted, if it covers exactly
    /// the articles there are (none came or went meanwhile).
    fn keep_title_order(&mut self, by_title: &[i64]) {
        let slots: Vec<u32> = by_title
            .iter()
            .filter_map(|&id| self.slots.get(id))
            .filter(|&s| !self.entry(s).gone)
            .collect();
        let live = self.entries.iter().filter(|e| !e.gone).count();
        if slots.len() != live {
            return;
        }
        let keyed = slots
            .into_iter()
            .map(|s| (order::title_key(self.title(s), self.id(s)), s))
            .collect();
        let sorted = self.finish_order(SortKey::Title, keyed);
        self.orders.keep(SortKey::Title, sorted);
    }

    /// Sets a slot's title, or notes it for when the titles are read.
    fn set_title(&mut self, slot: u32, title: Option<String>) {
        if self.titles_read.is_some() {
            self.titles_changed.push((slot, title));
        } else {
            self.titles.set(slot, title.as_deref());
        }
    }

    /// Brings the index up to the library's present state. Returns false
    /// when too much changed to follow, and the index must be loaded anew.
    pub fn catch_up(&mut self, conn: &Connection) -> Result<bool> {
        let last = last_change(conn)?;
        let in_transaction = !conn.is_autocommit();
        if last == self.seen && self.unsure.is_empty() {
            return Ok(true);
        }
        if last < self.seen {
            // The log went back: the file was replaced (a restore).
            return Ok(false);
        }
        let oldest: Option<i64> = conn.query_row("SELECT min(seq) FROM article_changes", [], |r| r.get(0))?;
        if oldest.is_some_and(|o| o > self.seen + 1) {
            // Cut back past what this index saw: another Folio's changes.
            return Ok(false);
        }
        let mut changed: Vec<i64> = {
            let mut stmt =
                conn.prepare_cached("SELECT DISTINCT article_id FROM article_changes WHERE seq > ?")?;
            stmt.query_map([self.seen], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        if !in_transaction {
            changed.append(&mut self.unsure);
        }
        changed.sort_unstable();
        changed.dedup();
        if changed.len() > 50_000 && changed.len() > self.entries.len() / 4 {
            return Ok(false);
        }
        self.reload(conn, &changed)?;
        if in_transaction {
            // Rolled back, these changes would leave no trace in the log.
            self.unsure.extend_from_slice(&changed);
        } else {
            self.seen = last;
            self.cut_log(conn, last)?;
        }
        Ok(true)
    }

    /// Reads these articles again: changed, new or deleted.
    fn reload(&mut self, conn: &Connection, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut touched = selection::Bits::empty(self.entries.len() + ids.len());
        let mut found = std::collections::HashSet::new();
        // Whether any field a list is sorted by changed: starring, tagging
        // or filing an article keeps the sorted orders.
        let mut reordered = false;
        for chunk in ids.chunks(CHUNK) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {ENTRY_COLUMNS}, a.starred, a.read_state, a.title FROM articles a WHERE a.id IN ({marks})"
            ))?;
            let mut rows = stmt.query(params_from_iter(chunk))?;
            while let Some(row) = rows.next()? {
                let entry = self.read_entry(row)?;
                let title = text(row, 12)?.map(str::to_string);
                found.insert(entry.id);
                let slot = match self.slots.get(entry.id) {
                    Some(slot) => {
                        let was = self.entries[slot as usize];
                        reordered |= (was.date, was.time, was.source, was.region, was.gone)
                            != (entry.date, entry.time, entry.source, entry.region, false)
                            || self.titles_read.is_some()
                            || self.title(slot) != title.as_deref().map(str::to_ascii_lowercase).as_deref();
                        self.entries[slot as usize] = entry;
                        slot
                    }
                    None => {
                        reordered = true;
                        self.push(entry)
                    }
                };
                touched.grow_to(self.entries.len());
                touched.set(slot);
                self.set_title(slot, title);
            }
        }
        for &id in ids.iter().filter(|id| !found.contains(id)) {
            if let Some(slot) = self.slots.get(id) {
                self.entries[slot as usize].gone = true;
                touched.set(slot);
                reordered = true;
            }
        }
        for postings in [
            &mut self.tags,
            &mut self.topics,
            &mut self.places,
            &mut self.countries,
        ] {
            postings.forget(&touched);
        }
        for chunk in ids.chunks(CHUNK) {
            let links = load::read_links(conn, Some(chunk))?;
            self.apply_links(links);
        }
        if self.titles_read.is_none() {
            self.titles.compact_if_wasteful();
        }
        if reordered {
            self.orders.clear();
        }
        Ok(())
    }

    /// Cuts the log back when it has grown, if the library may be written.
    fn cut_log(&self, conn: &Connection, last: i64) -> Result<()> {
        let oldest: i64 = conn.query_row("SELECT coalesce(min(seq), 0) FROM article_changes", [], |r| {
            r.get(0)
        })?;
        if last - oldest >= 2 * LOG_KEPT && !conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            // A library that cannot be written keeps its log; the index
            // follows it all the same.
            let _ = conn.execute("DELETE FROM article_changes WHERE seq <= ?", [last - LOG_KEPT]);
        }
        Ok(())
    }

    /// A title as the list sorts it; none while the titles are being read
    /// (whoever sorts by title waits for them first, see [`Self::titles`]).
    fn title(&self, slot: u32) -> Option<&str> {
        self.titles.get(slot)
    }

    fn entry(&self, slot: u32) -> &Entry {
        &self.entries[slot as usize]
    }

    pub fn id(&self, slot: u32) -> i64 {
        self.entries[slot as usize].id
    }

    pub fn slot_of(&self, id: i64) -> Option<u32> {
        self.slots.get(id)
    }
}

impl Library {
    /// Runs `work` on the article index, loading it on first use and
    /// bringing it up to date with the file first. `None` for a file
    /// from before the change log (one that could only be opened to read),
    /// which SQL answers instead.
    pub(super) fn with_index<T>(
        &self,
        work: impl FnOnce(&mut ArticleIndex, &Connection) -> Result<T>,
    ) -> Result<Option<T>> {
        if super::schema::current_version(&self.conn)? < super::schema::CHANGE_LOG_STEP {
            return Ok(None);
        }
        let mut held = self.index.borrow_mut();
        let fresh = match held.as_mut() {
            Some(index) => index.catch_up(&self.conn)?,
            None => false,
        };
        if !fresh {
            // The old index is let go before the new one is read, so the
            // two are never in memory together.
            *held = None;
            *held = Some(self.read_index()?);
        }
        let index = held.as_mut().expect("loaded above");
        work(index, &self.conn).map(Some)
    }

    /// The index from the snapshot kept in the library, brought up to
    /// date; or, without one that can be, read from the articles.
    fn read_index(&self) -> Result<ArticleIndex> {
        if let Some(mut index) = ArticleIndex::from_snapshot(&self.conn)
            && index.catch_up(&self.conn)?
        {
            index.read_titles_after(&self.conn, &self.path)?;
            return Ok(index);
        }
        ArticleIndex::load(&self.conn, &self.path)
    }

    /// Keeps the index in the library for the next session to start from,
    /// if it was read and the library may be written. A failure only costs
    /// the next session a full read.
    pub(super) fn keep_index(&mut self) {
        // Nothing to keep without an index; and the check before a first
        // write is not paid for by a session that read none.
        if self.index.borrow().is_none() || self.ensure_writable().is_err() {
            return;
        }
        if let Some(index) = self.index.borrow().as_ref()
            && super::schema::current_version(&self.conn)
                .is_ok_and(|v| v >= super::schema::INDEX_SNAPSHOT_STEP)
        {
            let _ = index.save_snapshot(&self.conn);
        }
    }

    /// Forgets the index: the file's content was replaced.
    pub(super) fn drop_index(&self) {
        *self.index.borrow_mut() = None;
    }
}

#[cfg(test)]
mod tests;
