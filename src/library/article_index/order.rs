//! The list's order, kept per sort key as every slot sorted ascending, so
//! a list in any order is one walk over the slots that picks the selected.
//!
//! The order is `order_by` in `articles.rs` (which `list` still uses):
//! a missing value after every other, whichever the direction. Dates run
//! fully in the chosen direction; a title, source or region that ties is
//! broken newest first in both directions, so the descending walk takes
//! the ascending groups of equal values from the last, each in its own order.
//!
//! Sorting packs each slot's whole key into one 128-bit number where it
//! fits (sorting a million numbers takes a tenth of a second here); titles
//! pack their first fifteen letters, and runs that share them are finished
//! by comparing the titles.

use super::ArticleIndex;
use super::entry::{Entry, NONE};
use super::selection::Selection;
use crate::model::{Sort, SortKey};
use rayon::iter::{IntoParallelIterator, ParallelIterator};
use rayon::slice::ParallelSliceMut;
use std::collections::HashMap;

/// One key's ascending order.
pub(super) struct Ascending {
    slots: Vec<u32>,
    /// Where the articles with no value for the key begin.
    missing_from: usize,
    /// Where each run of equal values begins (titles, sources and regions:
    /// the runs the descending walk keeps in order).
    groups: Vec<u32>,
}

/// The orders sorted since the index last changed.
#[derive(Default)]
pub(super) struct Orders(HashMap<SortKey, Ascending>);

impl Orders {
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Keeps an order sorted ahead of its first use.
    pub fn keep(&mut self, key: SortKey, order: Ascending) {
        self.0.insert(key, order);
    }

    pub fn has(&self, key: SortKey) -> bool {
        self.0.contains_key(&key)
    }
}

/// An id as a number that orders as the ids do.
fn id_bits(id: i64) -> u128 {
    u128::from((id as u64) ^ (1 << 63))
}

/// The first fifteen bytes of a title, as a number that orders as they do.
fn title_prefix(title: &str) -> u128 {
    title_prefix_bytes(title.as_bytes())
}

fn title_prefix_bytes(bytes: &[u8]) -> u128 {
    let mut padded = [0u8; 16];
    let head = &bytes[..bytes.len().min(15)];
    padded[..head.len()].copy_from_slice(head);
    u128::from_be_bytes(padded) >> 8
}

impl ArticleIndex {
    /// The selected articles' ids in the order `sort` asks.
    pub fn ordered_ids(
        &mut self,
        conn: &rusqlite::Connection,
        selection: &Selection,
        sort: Sort,
    ) -> crate::library::Result<Vec<i64>> {
        if sort.key == SortKey::Title {
            self.titles(conn)?;
        }
        if !self.orders.0.contains_key(&sort.key) {
            let sorted = self.ascending(sort.key);
            self.orders.0.insert(sort.key, sorted);
        }
        let order = &self.orders.0[&sort.key];
        let mut ids = Vec::with_capacity(selection.bits.count());
        let mut take = |slots: &[u32]| {
            for &slot in slots {
                if selection.bits.has(slot) {
                    ids.push(self.entries[slot as usize].id);
                }
            }
        };
        let (present, missing) = order.slots.split_at(order.missing_from);
        if !sort.descending {
            take(present);
            take(missing);
            return Ok(ids);
        }
        match sort.key {
            SortKey::Published | SortKey::Imported => {
                let mut reversed: Vec<u32> = present.iter().rev().copied().collect();
                reversed.extend(missing.iter().rev());
                take(&reversed);
            }
            SortKey::Title | SortKey::Source | SortKey::Region => {
                let mut end = present.len();
                for &start in order.groups.iter().rev() {
                    take(&present[start as usize..end]);
                    end = start as usize;
                }
                take(missing);
            }
        }
        Ok(ids)
    }

    fn ascending(&self, key: SortKey) -> Ascending {
        let live = (0..self.entries.len() as u32).filter(|&s| !self.entry(s).gone);
        let mut keyed: Vec<(u128, u32)> = match key {
            SortKey::Imported => live.map(|s| (id_bits(self.id(s)), s)).collect(),
            SortKey::Published => {
                let times = self.times.ranks(|a, b| a.cmp(b));
                live.map(|s| {
                    let e = self.entry(s);
                    let time = if e.time == NONE {
                        0
                    } else {
                        times[e.time as usize] + 1
                    };
                    let k = (u128::from(e.date == 0) << 127)
                        | (u128::from(e.date) << 90)
                        | (u128::from(time) << 64)
                        | id_bits(e.id);
                    (k, s)
                })
                .collect()
            }
            SortKey::Title => {
                let live: Vec<u32> = live.collect();
                return self.finish_order(key, by_title(live, &|s| self.title(s), &|s| self.id(s)));
            }
            SortKey::Source => {
                let ranks = self
                    .sources
                    .ranks(|a, b| a.to_ascii_lowercase().cmp(&b.to_ascii_lowercase()));
                live.map(|s| (self.grouped_key(self.entry(s), self.entry(s).source, &ranks), s))
                    .collect()
            }
            SortKey::Region => {
                let ranks = self.regions.ranks(|a, b| a.cmp(b));
                live.map(|s| (self.grouped_key(self.entry(s), self.entry(s).region, &ranks), s))
                    .collect()
            }
        };
        // On every core: a million keys take a tenth of a second on one.
        keyed.par_sort_unstable();
        self.finish_order(key, keyed)
    }

    /// The order from its sorted keys: where the missing values begin, and
    /// the runs of equal values the descending walk keeps.
    pub(super) fn finish_order(&self, key: SortKey, keyed: Vec<(u128, u32)>) -> Ascending {
        let missing = |k: u128| k >> 127 == 1;
        let missing_from = keyed.iter().position(|(k, _)| missing(*k)).unwrap_or(keyed.len());
        let groups = match key {
            SortKey::Published | SortKey::Imported => Vec::new(),
            _ => {
                // A source's or region's rank fills the 31 bits below the missing flag.
                let rank = |k: u128| (k >> 96) & 0x7fff_ffff;
                let starts = |i: usize| {
                    i == 0 || {
                        let (a, b) = (keyed[i - 1], keyed[i]);
                        if key == SortKey::Title {
                            // Different first letters are different titles;
                            // only equal ones need the whole title read.
                            a.0 != b.0 || self.title(a.1) != self.title(b.1)
                        } else {
                            rank(a.0) != rank(b.0)
                        }
                    }
                };
                (0..missing_from)
                    .into_par_iter()
                    .filter(|&i| starts(i))
                    .map(|i| i as u32)
                    .collect()
            }
        };
        Ascending {
            slots: keyed.into_iter().map(|(_, s)| s).collect(),
            missing_from,
            groups,
        }
    }

    /// A source's or region's key: its rank, then newest first (a missing
    /// date last), then the highest id first.
    fn grouped_key(&self, e: &Entry, value: u32, ranks: &[u32]) -> u128 {
        let missing = u128::from(value == NONE);
        let rank = if value == NONE {
            0
        } else {
            u128::from(ranks[value as usize])
        };
        (missing << 127)
            | ((rank & 0x7fff_ffff) << 96)
            | (u128::from(u32::MAX - e.date) << 64)
            | (u128::from(u64::MAX) - id_bits(e.id))
    }
}

/// A title as the list sorts it, and an article's id, by item number.
type TitleOf<'a> = dyn Fn(u32) -> Option<&'a str> + Sync + 'a;
type IdOf<'a> = dyn Fn(u32) -> i64 + Sync + 'a;

/// An article's place by title before its first fifteen bytes tie: no
/// title after every title, the highest id first.
pub(super) fn title_key(title: Option<&str>, id: i64) -> u128 {
    match title {
        None => (1 << 127) | (u128::from(u64::MAX) - id_bits(id)),
        Some(t) => title_prefix(t),
    }
}

/// Items in the list's order by title (no title last; equal titles, and
/// the untitled, the highest id first), each with the key of its first
/// fifteen bytes (titles with different keys are different titles). On
/// every core: titles are read from all over memory.
pub(super) fn by_title(items: Vec<u32>, title: &TitleOf, id: &IdOf) -> Vec<(u128, u32)> {
    let mut keyed: Vec<(u128, u32)> = items
        .into_par_iter()
        .map(|s| (title_key(title(s), id(s)), s))
        .collect();
    keyed.par_sort_unstable();
    // Titles sharing their first fifteen bytes, put in order by the rest.
    keyed.par_chunk_by_mut(|a, b| a.0 == b.0).for_each(|run| {
        if run.len() > 1 {
            let mut items: Vec<u32> = run.iter().map(|k| k.1).collect();
            order_titles_from(&mut items, 15, title, id);
            for (k, item) in run.iter_mut().zip(items) {
                k.1 = item;
            }
        }
    });
    keyed
}

/// Orders items whose titles share their first `from` bytes: by the next
/// fifteen as a number, and so on down; equal titles the highest id
/// first. Numbers, not strings, are compared, which is what keeps a
/// million titles of few distinct openings fast to sort.
fn order_titles_from(run: &mut [u32], from: usize, title: &TitleOf, id: &IdOf) {
    let chunk = |item: u32| {
        let title = title(item).unwrap_or("").as_bytes();
        // Past its end a title has no more bytes; one that ends here
        // sorts first, as a shorter string does.
        let rest = title.get(from..).unwrap_or(&[]);
        (title_prefix_bytes(rest), rest.len() > 15)
    };
    let mut keyed: Vec<((u128, bool), u32)> = run.iter().map(|&s| (chunk(s), s)).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| id(b.1).cmp(&id(a.1))));
    let mut start = 0;
    while start < keyed.len() {
        let mut end = start + 1;
        while end < keyed.len() && keyed[end].0 == keyed[start].0 {
            end += 1;
        }
        // Longer titles that still agree are told apart further on; ones
        // that ended are equal and already highest id first.
        if end - start > 1 && keyed[start].0.1 && from < 1 << 16 {
            let mut deeper: Vec<u32> = keyed[start..end].iter().map(|k| k.1).collect();
            order_titles_from(&mut deeper, from + 15, title, id);
            for (k, item) in keyed[start..end].iter_mut().zip(deeper) {
                k.1 = item;
            }
        }
        start = end;
    }
    for (item, k) in run.iter_mut().zip(keyed) {
        *item = k.1;
    }
}
