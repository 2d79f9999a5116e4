//! Reading the whole index from the file, on two cores: the articles'
//! fields on the library's connection while a second, read-only connection
//! reads their tags, topics and places; the titles, which only sorting by
//! title needs, are read after, in the background.

use super::entry::Titles;
use super::{ArticleIndex, ENTRY_COLUMNS, last_change, text};
use crate::library::Result;
use crate::library::filter::FILED;
use rusqlite::{Connection, OpenFlags, params_from_iter};
use std::path::Path;

/// The links of articles as read: (article, tag), (article, topic) and
/// (article, place, whether the place is a country rather than the region).
#[derive(Default)]
pub(super) struct Links {
    pub tags: Vec<(i64, i64)>,
    pub topics: Vec<(i64, i64)>,
    pub places: Vec<(i64, i64, bool)>,
}

/// Reads the links of the articles `only` names, or of every article.
pub(super) fn read_links(conn: &Connection, only: Option<&[i64]>) -> Result<Links> {
    let restrict = |column: &str| match only {
        Some(ids) => format!("{column} IN ({})", vec!["?"; ids.len()].join(",")),
        None => "1".to_string(),
    };
    let ids = only.unwrap_or(&[]);
    let pairs = |sql: String| -> Result<Vec<(i64, i64)>> {
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(ids), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    };
    let tags = pairs(format!(
        "SELECT article_id, tag_id FROM article_tags WHERE {}",
        restrict("article_id")
    ))?;
    let topics = pairs(format!(
        "SELECT x.article_id, x.topic_id FROM article_topics x WHERE {FILED} AND {}",
        restrict("x.article_id")
    ))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT article_id, region_id, is_primary = 0 FROM article_regions WHERE {}",
        restrict("article_id")
    ))?;
    let places = stmt
        .query_map(params_from_iter(ids), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Links { tags, topics, places })
}

/// Every title as read by id, lowered, in one buffer.
pub(super) struct TitlesRead {
    text: String,
    spans: Vec<(i64, (u32, u32))>,
    /// The ids in the list's order by title, sorted on the reading's own
    /// thread so that the first sort by title need not wait for it.
    pub by_title: Vec<i64>,
}

impl TitlesRead {
    /// The titles by slot; an article the reading did not see (new since)
    /// has none until the change log brings it.
    pub fn into_titles(self, slot_of: impl Fn(i64) -> Option<u32>, slots: usize) -> Titles {
        let mut by_slot = vec![(u32::MAX, 0); slots];
        for (id, span) in self.spans {
            if let Some(slot) = slot_of(id) {
                by_slot[slot as usize] = span;
            }
        }
        Titles::new(self.text, by_slot)
    }
}

pub(super) fn read_titles(conn: &Connection) -> Result<TitlesRead> {
    let mut stmt = conn.prepare("SELECT id, title FROM articles INDEXED BY articles_list")?;
    let mut rows = stmt.query([])?;
    let mut read = TitlesRead {
        text: String::new(),
        spans: Vec::new(),
        by_title: Vec::new(),
    };
    while let Some(row) = rows.next()? {
        let span = Titles::append(&mut read.text, text(row, 1)?);
        read.spans.push((row.get(0)?, span));
    }
    let title = |row: u32| {
        let (start, len) = read.spans[row as usize].1;
        (start != u32::MAX).then(|| &read.text[start as usize..(start + len) as usize])
    };
    let id = |row: u32| read.spans[row as usize].0;
    let rows = (0..read.spans.len() as u32).collect();
    let by_title: Vec<i64> = super::order::by_title(rows, &title, &id)
        .into_iter()
        .map(|(_, row)| id(row))
        .collect();
    read.by_title = by_title;
    Ok(read)
}

/// A second connection to the library, for reading only; `None` where one
/// cannot be had, and the library's own connection reads everything.
fn reader(path: &Path) -> Option<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).ok()?;
    Some(conn)
}

impl ArticleIndex {
    /// Reads every article's fields from the library at `path`, whose
    /// connection `conn` is.
    pub fn load(conn: &Connection, path: &Path) -> Result<ArticleIndex> {
        // Read first: whatever changes while the rest is read is in the log
        // past it, and read again (reloading an article twice is harmless).
        let seen = last_change(conn)?;
        let mut index = ArticleIndex::empty(seen);
        let links = std::thread::scope(|scope| -> Result<Links> {
            let links = reader(path).map(|other| scope.spawn(move || read_links(&other, None)));
            index.read_entries(conn)?;
            // The second connection may fail where the first does not (a
            // folder that cannot be written holds no shared-memory file for
            // it): the library's own connection reads what it could not.
            match links.map(|reading| reading.join()) {
                Some(Ok(Ok(links))) => Ok(links),
                _ => read_links(conn, None),
            }
        })?;
        index.apply_links(links);
        index.read_titles_after(conn, path)?;
        Ok(index)
    }

    /// Starts reading the titles, in the background where a second
    /// connection can be had.
    pub(super) fn read_titles_after(&mut self, conn: &Connection, path: &Path) -> Result<()> {
        match reader(path) {
            Some(other) => self.titles_read = Some(std::thread::spawn(move || read_titles(&other))),
            None => {
                let read = read_titles(conn)?;
                self.titles = read.into_titles(|id| self.slots.get(id), self.entries.len());
            }
        }
        Ok(())
    }

    fn read_entries(&mut self, conn: &Connection) -> Result<()> {
        let mut stmt = conn.prepare(&format!(
            "SELECT {ENTRY_COLUMNS}, 0, NULL FROM articles a INDEXED BY articles_list"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let entry = self.read_entry(row)?;
            self.push(entry);
        }
        // The few starred and read or archived articles, from their own indexes.
        let mut stmt = conn.prepare("SELECT id FROM articles WHERE starred = 1")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let Some(slot) = self.slots.get(row.get(0)?) {
                self.entries[slot as usize].starred = true;
            }
        }
        let mut stmt = conn.prepare("SELECT id, read_state FROM articles WHERE read_state IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let Some(slot) = self.slots.get(row.get(0)?) {
                self.entries[slot as usize].read_state = super::ReadState::read(text(row, 1)?);
            }
        }
        Ok(())
    }
}
