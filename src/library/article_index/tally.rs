//! The sidebar's counts over a selection, from the index: one pass over
//! the selected entries for the column facets, the postings for tags,
//! topics and countries.

use super::ArticleIndex;
use super::entry::{NONE, Precision, ReadState};
use super::selection::{Bits, Selection};
use crate::library::FacetCount;
use crate::model::Facet;
use std::collections::HashMap;

/// Counts of the column facets (dates, region, source, kind, language).
#[derive(Default)]
pub(crate) struct Tally {
    years: HashMap<u32, usize>,
    months: HashMap<u32, usize>,
    days: HashMap<u32, usize>,
    regions: Vec<usize>,
    sources: Vec<usize>,
    kinds: Vec<usize>,
    languages: Vec<usize>,
}

fn bump(counts: &mut [usize], number: u32) {
    if number != NONE
        && let Some(count) = counts.get_mut(number as usize)
    {
        *count += 1;
    }
}

/// Counts by name, the names given by `name` (which may fold several
/// numbers into one name, or leave a number out).
fn named(counts: &[usize], name: impl Fn(u32) -> Option<String>) -> HashMap<String, usize> {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (number, &count) in counts.iter().enumerate() {
        if count > 0
            && let Some(name) = name(number as u32)
        {
            *by_name.entry(name).or_default() += count;
        }
    }
    by_name
}

fn dated(counts: HashMap<u32, usize>, write: impl Fn(u32) -> String) -> HashMap<String, usize> {
    counts.into_iter().map(|(d, n)| (write(d), n)).collect()
}

/// What the sidebar's date, region, source, kind and language facets count.
pub(crate) struct ColumnCounts {
    pub years: HashMap<String, usize>,
    pub months: HashMap<String, usize>,
    pub days: HashMap<String, usize>,
    pub regions: HashMap<String, usize>,
    pub sources: HashMap<String, usize>,
    pub kinds: HashMap<String, usize>,
    pub languages: HashMap<String, usize>,
}

impl ArticleIndex {
    /// Adds the selection's articles to the counts of the facets in
    /// `wanted`; days are counted only in `open_months` (`YYYY-MM`).
    pub fn tally(&self, selection: &Selection, wanted: &[Facet], open_months: &[String], tally: &mut Tally) {
        let open: Vec<u32> = open_months
            .iter()
            .filter_map(|m| super::entry::packed_date(&format!("{m}-01")))
            .map(|d| d / 100)
            .collect();
        tally.regions.resize(self.regions.len(), 0);
        tally.sources.resize(self.sources.len(), 0);
        tally.kinds.resize(self.kinds.len(), 0);
        tally.languages.resize(self.languages.len(), 0);
        let crate::library::facets::Wanted {
            dates,
            regions,
            sources,
            kinds,
            languages,
        } = crate::library::facets::Wanted::of(wanted);
        for slot in selection.bits.slots() {
            let e = self.entry(slot);
            if dates && e.date != 0 {
                *tally.years.entry(e.date / 10_000).or_default() += 1;
                if e.precision != Precision::Year {
                    let month = e.date / 100;
                    *tally.months.entry(month).or_default() += 1;
                    if e.precision == Precision::Day && open.contains(&month) {
                        *tally.days.entry(e.date).or_default() += 1;
                    }
                }
            }
            if regions {
                bump(&mut tally.regions, e.region);
            }
            if sources {
                bump(&mut tally.sources, e.source);
            }
            if kinds {
                bump(&mut tally.kinds, e.kind);
            }
            if languages {
                bump(&mut tally.languages, e.language);
            }
        }
    }

    /// The counts by name: empty names left out, kinds lowered, languages
    /// by their primary subtag, lowered.
    pub fn column_counts(&self, tally: Tally) -> ColumnCounts {
        let non_empty = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_string);
        ColumnCounts {
            years: dated(tally.years, |y| format!("{y:04}")),
            months: dated(tally.months, |m| format!("{:04}-{:02}", m / 100, m % 100)),
            days: dated(tally.days, |d| {
                format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
            }),
            regions: named(&tally.regions, |n| non_empty(self.regions.name(n))),
            sources: named(&tally.sources, |n| non_empty(self.sources.name(n))),
            kinds: named(&tally.kinds, |n| {
                non_empty(self.kinds.name(n)).map(|k| k.to_lowercase())
            }),
            languages: named(&tally.languages, |n| {
                non_empty(self.languages.name(n)).map(|l| l.split('-').next().unwrap_or("").to_lowercase())
            }),
        }
    }

    /// Live articles and articles in the trash.
    pub fn live_and_trashed(&self) -> (usize, usize) {
        let mut counts = (0, 0);
        for e in self.entries.iter().filter(|e| !e.gone) {
            if e.trashed {
                counts.1 += 1;
            } else {
                counts.0 += 1;
            }
        }
        counts
    }

    /// Starred, unread and archived articles of a selection, in that
    /// order, leaving out the states no article is in.
    pub fn state_counts(&self, selection: &Selection) -> Vec<FacetCount> {
        let mut counts = [0usize; 3];
        for slot in selection.bits.slots() {
            let e = self.entry(slot);
            counts[0] += usize::from(e.starred);
            counts[1] += usize::from(e.read_state == ReadState::Unread);
            counts[2] += usize::from(e.read_state == ReadState::Archived);
        }
        ["Starred", "Unread", "Archived"]
            .into_iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(value, count)| FacetCount {
                value: value.to_string(),
                count,
            })
            .collect()
    }

    /// Each tag's articles in the selection, by tag id (tags with none left out).
    pub fn tag_counts(&self, selection: &Selection) -> HashMap<i64, usize> {
        self.tags
            .iter()
            .map(|(tag, slots)| (tag, selection.bits.count_of(slots)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// The selection's articles about each of these countries (by region id).
    pub fn country_count(&self, selection: &Selection, country: i64) -> usize {
        selection.bits.count_of(self.countries.of(country))
    }

    /// The selection's articles filed under each topic or a topic below
    /// it, each article once per topic: `children` is the tree by parent.
    pub fn topic_counts(
        &self,
        selection: &Selection,
        children: &HashMap<Option<i64>, Vec<i64>>,
    ) -> HashMap<i64, usize> {
        let mut counts = HashMap::new();
        for &root in children.get(&None).map(Vec::as_slice).unwrap_or(&[]) {
            self.count_below(root, selection, children, &mut counts, 0);
        }
        counts
    }

    /// The articles filed under `topic` or below, counting each topic
    /// on the way; the depth bound guards against a cycle.
    fn count_below(
        &self,
        topic: i64,
        selection: &Selection,
        children: &HashMap<Option<i64>, Vec<i64>>,
        counts: &mut HashMap<i64, usize>,
        depth: usize,
    ) -> Bits {
        let mut bits = Bits::empty(self.entries.len());
        for &slot in self.topics.of(topic) {
            bits.set(slot);
        }
        if depth < 64 {
            for &child in children.get(&Some(topic)).map(Vec::as_slice).unwrap_or(&[]) {
                bits.or(&self.count_below(child, selection, children, counts, depth + 1));
            }
        }
        let mut within = bits.clone();
        within.and(&selection.bits);
        counts.insert(topic, within.count());
        bits
    }
}
