//! The index kept in the library between sessions, so opening a million
//! articles reads one value instead of a million rows (1.1 s), then only
//! the changes logged since.
//!
//! It is a cache: written when a session that changed the library closes,
//! read if its format is this one and the log still holds every change
//! after it, and otherwise ignored (the index is read from the articles).
//! Titles are not in it: they are read in the background, as after a full
//! read. The layout is little-endian numbers and length-prefixed texts;
//! every read is checked against the bytes left, so a damaged value is
//! ignored, never trusted.

use super::entry::{Entry, Names, Precision, ReadState};
use super::{ArticleIndex, Postings};
use rusqlite::{Connection, OptionalExtension};

/// Changed whenever the layout changes: an older snapshot is not read.
const FORMAT: i64 = 1;

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn names(&mut self, names: &Names) {
        self.u32(names.len() as u32);
        for n in 0..names.len() as u32 {
            let name = names.name(n).unwrap_or("");
            self.u32(name.len() as u32);
            self.0.extend_from_slice(name.as_bytes());
        }
    }
    fn postings(&mut self, postings: &Postings, live: &[u32]) {
        let lists: Vec<(i64, Vec<u32>)> = postings
            .iter()
            .map(|(value, slots)| (value, slots.iter().filter_map(|&s| renumbered(live, s)).collect()))
            .collect();
        self.u32(lists.len() as u32);
        for (value, slots) in lists {
            self.u64(value as u64);
            self.u32(slots.len() as u32);
            for slot in slots {
                self.u32(slot);
            }
        }
    }
}

/// A slot's number once the deleted entries are left out; `None` for one of those.
fn renumbered(live: &[u32], slot: u32) -> Option<u32> {
    live.get(slot as usize).copied().filter(|&s| s != u32::MAX)
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Option<u64> {
        let b = self.take(8)?;
        Some(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]))
    }
    /// A count of items of at least `size` bytes each, refused when the
    /// bytes left could not hold them.
    fn count(&mut self, size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(size)? <= self.0.len()).then_some(n)
    }
    fn names(&mut self) -> Option<Names> {
        let mut names = Names::default();
        for _ in 0..self.count(4)? {
            let len = self.u32()? as usize;
            let name = std::str::from_utf8(self.take(len)?).ok()?;
            names.number(Some(name));
        }
        Some(names)
    }
    fn postings(&mut self, slots: usize) -> Option<Postings> {
        let mut postings = Postings::default();
        for _ in 0..self.count(12)? {
            let value = self.u64()? as i64;
            for _ in 0..self.count(4)? {
                let slot = self.u32()?;
                if slot as usize >= slots {
                    return None;
                }
                postings.add(value, slot);
            }
        }
        Some(postings)
    }
}

fn precision_code(p: Precision) -> u8 {
    match p {
        Precision::Unknown => 0,
        Precision::Year => 1,
        Precision::Month => 2,
        Precision::Day => 3,
        Precision::Other => 4,
    }
}

fn precision_of(code: u8) -> Precision {
    match code {
        1 => Precision::Year,
        2 => Precision::Month,
        3 => Precision::Day,
        4 => Precision::Other,
        _ => Precision::Unknown,
    }
}

fn state_code(s: ReadState) -> u8 {
    match s {
        ReadState::None => 0,
        ReadState::Unread => 1,
        ReadState::Archived => 2,
        ReadState::Other => 3,
    }
}

fn state_of(code: u8) -> ReadState {
    match code {
        1 => ReadState::Unread,
        2 => ReadState::Archived,
        3 => ReadState::Other,
        _ => ReadState::None,
    }
}

impl ArticleIndex {
    fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        // Deleted entries are left out, and the slots after them renumbered.
        let mut live = vec![u32::MAX; self.entries.len()];
        let mut next = 0;
        for (slot, e) in self.entries.iter().enumerate() {
            if !e.gone {
                live[slot] = next;
                next += 1;
            }
        }
        for names in [
            &self.times,
            &self.sources,
            &self.regions,
            &self.kinds,
            &self.languages,
        ] {
            w.names(names);
        }
        w.u32(next);
        for e in self.entries.iter().filter(|e| !e.gone) {
            w.u64(e.id as u64);
            w.u32(e.date);
            w.u8(precision_code(e.precision));
            w.u32(e.time);
            w.u64(e.imported);
            w.u32(e.source);
            w.u32(e.region);
            w.u32(e.kind);
            w.u32(e.language);
            w.u8(u8::from(e.trashed) | (u8::from(e.starred) << 1));
            w.u8(state_code(e.read_state));
        }
        for postings in [&self.tags, &self.topics, &self.places, &self.countries] {
            w.postings(postings, &live);
        }
        w.0
    }

    fn decode(bytes: &[u8], seen: i64) -> Option<ArticleIndex> {
        let mut r = Reader(bytes);
        let mut index = ArticleIndex::empty(seen);
        index.times = r.names()?;
        index.sources = r.names()?;
        index.regions = r.names()?;
        index.kinds = r.names()?;
        index.languages = r.names()?;
        let number =
            |n: u32, names: &Names| (n == super::entry::NONE || (n as usize) < names.len()).then_some(n);
        let count = r.count(43)?;
        index.entries.reserve(count);
        for _ in 0..count {
            let id = r.u64()? as i64;
            let date = r.u32()?;
            let precision = precision_of(r.u8()?);
            let time = number(r.u32()?, &index.times)?;
            let imported = r.u64()?;
            let source = number(r.u32()?, &index.sources)?;
            let region = number(r.u32()?, &index.regions)?;
            let kind = number(r.u32()?, &index.kinds)?;
            let language = number(r.u32()?, &index.languages)?;
            let flags = r.u8()?;
            let read_state = state_of(r.u8()?);
            if index.slots.get(id).is_some() {
                return None;
            }
            index.push(Entry {
                id,
                date,
                precision,
                time,
                imported,
                source,
                region,
                kind,
                language,
                trashed: flags & 1 != 0,
                starred: flags & 2 != 0,
                read_state,
                gone: false,
            });
        }
        index.tags = r.postings(count)?;
        index.topics = r.postings(count)?;
        index.places = r.postings(count)?;
        index.countries = r.postings(count)?;
        r.0.is_empty().then_some(index)
    }

    /// The index as the library last kept it, if it is there, readable
    /// and of this format (its titles still to read).
    pub(super) fn from_snapshot(conn: &Connection) -> Option<ArticleIndex> {
        let row: Option<(i64, i64, Vec<u8>)> = conn
            .query_row(
                "SELECT seen, format, data FROM article_index_snapshot WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .ok()
            .flatten();
        let (seen, format, data) = row?;
        if format != FORMAT {
            return None;
        }
        let mut index = ArticleIndex::decode(&data, seen)?;
        index.from_snapshot = true;
        Some(index)
    }

    /// Keeps the index in the library, unless the one kept is as recent.
    pub(super) fn save_snapshot(&self, conn: &Connection) -> rusqlite::Result<()> {
        let kept: Option<i64> = conn
            .query_row("SELECT seen FROM article_index_snapshot WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        // An index read from the articles replaces whatever is kept: a
        // snapshot that could not be read may carry the same mark.
        if (self.from_snapshot && kept == Some(self.seen)) || !self.unsure.is_empty() {
            return Ok(());
        }
        conn.execute(
            "INSERT OR REPLACE INTO article_index_snapshot(id, seen, format, data) VALUES (1, ?, ?, ?)",
            rusqlite::params![self.seen, FORMAT, self.encode()],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_snapshot_is_refused_not_trusted() {
        let mut index = ArticleIndex::empty(7);
        let mut names = Names::default();
        let source = names.number(Some("Le Monde"));
        index.sources = names;
        index.push(Entry {
            id: 3,
            date: 20_200_101,
            precision: Precision::Day,
            time: super::super::entry::NONE,
            imported: 1,
            source,
            region: super::super::entry::NONE,
            kind: super::super::entry::NONE,
            language: super::super::entry::NONE,
            trashed: false,
            starred: true,
            read_state: ReadState::Unread,
            gone: false,
        });
        index.tags.add(5, 0);
        let bytes = index.encode();
        let back = ArticleIndex::decode(&bytes, 7).expect("read back");
        assert_eq!(back.id(0), 3);
        assert!(back.entry(0).starred);
        assert_eq!(back.tags.of(5), [0]);
        for cut in 0..bytes.len() {
            assert!(ArticleIndex::decode(&bytes[..cut], 7).is_none(), "cut at {cut}");
        }
        let mut wrong = bytes.clone();
        // The entry's source number (25 bytes into its 43), before the
        // postings (20 bytes for the tag, 4 for each other list).
        let at = bytes.len() - 32 - 43 + 25;
        wrong[at] = 9;
        assert!(ArticleIndex::decode(&wrong, 7).is_none());
    }
}
