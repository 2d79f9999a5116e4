//! The list's rows without holding them all: every id in order (cheap, so
//! selection ranges and counts work on the whole list), and the rows' text
//! only for the pages the user has looked at. A library of 100,000 articles
//! then costs the window 800 KB of ids, not the summaries of every row.

use crate::model::{ArticleSummary, FoundIn};
use std::collections::{HashMap, HashSet};

/// Rows fetched with the ids; later pages come as the list scrolls.
pub const FIRST_PAGE: usize = 200;
/// Rows asked for at once when the list needs more.
const PAGE: usize = 200;

#[derive(Debug, Default)]
pub struct ListModel {
    order: Vec<i64>,
    rows: HashMap<i64, ArticleSummary>,
    requested: HashSet<i64>,
    snippets: HashMap<i64, (String, FoundIn)>,
}

impl ListModel {
    /// A search's snippets, shown under the titles.
    pub fn set_snippets(&mut self, snippets: Vec<(i64, String, FoundIn)>) {
        self.snippets = snippets
            .into_iter()
            .map(|(id, text, place)| (id, (text, place)))
            .collect();
    }

    pub fn snippet(&self, id: i64) -> Option<&(String, FoundIn)> {
        self.snippets.get(&id)
    }

    pub fn has_snippets(&self) -> bool {
        !self.snippets.is_empty()
    }

    /// A new listing: these ids in this order, with the first rows filled.
    pub fn replace(&mut self, order: Vec<i64>, first: Vec<ArticleSummary>) {
        self.order = order;
        self.rows = first.into_iter().map(|r| (r.id, r)).collect();
        self.requested.clear();
    }

    pub fn fill(&mut self, rows: Vec<ArticleSummary>) {
        for row in rows {
            self.requested.remove(&row.id);
            self.rows.insert(row.id, row);
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn ids(&self) -> &[i64] {
        &self.order
    }

    pub fn position(&self, id: i64) -> Option<usize> {
        self.order.iter().position(|x| *x == id)
    }

    /// The row of article `id`, if its text has arrived: found by id, not
    /// by its place (a search of the whole order for each of a large
    /// selection would stall the window).
    pub fn summary(&self, id: i64) -> Option<&ArticleSummary> {
        self.rows.get(&id)
    }

    /// The row at `index`, if its text has arrived.
    pub fn row(&self, index: usize) -> Option<&ArticleSummary> {
        self.order.get(index).and_then(|id| self.rows.get(id))
    }

    /// Marks these rows starred or not, as the library is about to have
    /// them, so the list shows a star the moment it is asked for.
    pub fn set_starred(&mut self, ids: &[i64], starred: bool) {
        for id in ids {
            if let Some(row) = self.rows.get_mut(id) {
                row.starred = starred;
            }
        }
    }

    /// Ids around the rows on screen whose text is neither here nor asked
    /// for; they are marked as asked for.
    pub fn rows_to_fetch(&mut self, visible: std::ops::Range<usize>) -> Vec<i64> {
        let start = visible.start.saturating_sub(PAGE / 4);
        let end = (visible.end + PAGE).min(self.order.len());
        let wanted: Vec<i64> = self.order[start.min(end)..end]
            .iter()
            .copied()
            .filter(|id| !self.rows.contains_key(id) && !self.requested.contains(id))
            .collect();
        self.requested.extend(wanted.iter().copied());
        wanted
    }

    /// Titles of the rows in list order, as far as they have arrived.
    pub fn titles(&self) -> Vec<String> {
        self.order
            .iter()
            .filter_map(|id| self.rows.get(id))
            .map(|r| r.title.clone().unwrap_or_default())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: i64) -> ArticleSummary {
        ArticleSummary {
            id,
            title: Some(format!("#{id}")),
            published: None,
            source: None,
            region: None,
            tags: Vec::new(),
            deleted_at: None,
            starred: false,
        }
    }

    #[test]
    fn pages_arrive_as_the_list_scrolls() {
        let mut model = ListModel::default();
        model.replace((1..=1000).collect(), (1..=200).map(summary).collect());
        assert_eq!(model.len(), 1000);
        assert!(model.row(10).is_some() && model.row(500).is_none());
        // Near the end of what has arrived, the next rows are asked for ahead.
        assert_eq!(model.rows_to_fetch(0..30), (201..=230).collect::<Vec<i64>>());
        assert!(model.rows_to_fetch(0..30).is_empty(), "asked for once");
        let wanted = model.rows_to_fetch(500..530);
        assert_eq!(wanted.first(), Some(&451));
        assert!(model.rows_to_fetch(500..530).is_empty());
        model.fill(wanted.iter().copied().map(summary).collect());
        assert_eq!(
            model.row(500).and_then(|r| r.title.clone()).as_deref(),
            Some("#501")
        );
    }
}
