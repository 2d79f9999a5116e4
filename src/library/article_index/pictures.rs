//! The atlas's and the trends chart's counts from the index: articles per
//! place, and per month and band, over a selection.

use super::ArticleIndex;
use super::entry::{NONE, Names, Precision};
use super::selection::{Bits, Selection};
use std::collections::HashMap;

/// Articles by band value, then by month (`YYYY-MM`), as `atlas_counts` stacks them.
pub(crate) type Cells = HashMap<String, HashMap<String, usize>>;

/// `YYYY-MM` of a packed month (`YYYYMM`).
fn month_text(month: u32) -> String {
    format!("{:04}-{:02}", month / 100, month % 100)
}

/// Counts by (band, month) numbers, written out as [`Cells`].
fn cells_of(counts: HashMap<(u32, u32), usize>, name: impl Fn(u32) -> Option<String>) -> Cells {
    let mut cells = Cells::new();
    for ((band, month), count) in counts {
        if let Some(name) = name(band) {
            *cells
                .entry(name)
                .or_default()
                .entry(month_text(month))
                .or_default() += count;
        }
    }
    cells
}

impl ArticleIndex {
    /// The month an article is counted in: none when it is dated by year only, or not at all.
    fn month(&self, slot: u32) -> Option<u32> {
        let e = self.entry(slot);
        (e.date != 0 && e.precision != Precision::Year).then_some(e.date / 100)
    }

    /// Each place's (region's or country's) articles in the selection, by its id.
    pub fn place_counts(&self, selection: &Selection) -> Vec<(i64, usize)> {
        self.places
            .iter()
            .map(|(place, slots)| (place, selection.bits.count_of(slots)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// The selection's articles per month and region (`by_region`) or
    /// source; with how many are in no band.
    pub fn trend_cells_by_column(&self, selection: &Selection, by_region: bool) -> (Cells, usize) {
        let mut counts: HashMap<(u32, u32), usize> = HashMap::new();
        let mut left_out = 0;
        let names: &Names = if by_region { &self.regions } else { &self.sources };
        for slot in selection.bits.slots() {
            let e = self.entry(slot);
            let value = if by_region { e.region } else { e.source };
            let named = value != NONE && names.name(value).is_some_and(|n| !n.is_empty());
            match (self.month(slot), named) {
                (Some(month), true) => *counts.entry((value, month)).or_default() += 1,
                _ => left_out += 1,
            }
        }
        (cells_of(counts, |n| names.name(n).map(str::to_string)), left_out)
    }

    /// The selection's articles per month and top-level topic (`roots`:
    /// each topic's top-level name), an article once under each; with
    /// how many are in no band.
    pub fn trend_cells_by_topic(
        &self,
        selection: &Selection,
        roots: &HashMap<i64, String>,
    ) -> (Cells, usize) {
        let mut root_names: Vec<&str> = roots.values().map(String::as_str).collect();
        root_names.sort_unstable();
        root_names.dedup();
        let mut under: Vec<Bits> = vec![Bits::empty(self.entries.len()); root_names.len()];
        let mut filed = Bits::empty(self.entries.len());
        let mut left_out = 0;
        for (topic, slots) in self.topics.iter() {
            let root = roots
                .get(&topic)
                .and_then(|name| root_names.binary_search(&name.as_str()).ok());
            for &slot in slots {
                filed.set(slot);
                match root {
                    Some(root) => under[root].set(slot),
                    // A filing under no known tree counts apart, as in SQL.
                    None => left_out += usize::from(selection.bits.has(slot)),
                }
            }
        }
        let mut counts: HashMap<(u32, u32), usize> = HashMap::new();
        for (root, bits) in under.iter_mut().enumerate() {
            bits.and(&selection.bits);
            for slot in bits.slots() {
                match self.month(slot) {
                    Some(month) => *counts.entry((root as u32, month)).or_default() += 1,
                    None => left_out += 1,
                }
            }
        }
        filed.invert();
        filed.and(&selection.bits);
        left_out += filed.count();
        let cells = cells_of(counts, |n| root_names.get(n as usize).map(|s| s.to_string()));
        (cells, left_out)
    }
}
