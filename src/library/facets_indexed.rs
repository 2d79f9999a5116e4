//! The sidebar's counts taken from the article index (see
//! `article_index`): the same [`Facets`] as `facets_by_sql` gives, each
//! facet counted over the selection without its own choice.

use super::article_index::{ArticleIndex, Tally};
use super::facets::{
    Facets, Order, SOURCES_SHOWN, chosen_regions_only, column_scopes, open_months, opened_regions, scope_of,
    sorted, with_chosen,
};
use super::{FacetCount, Filter, Library, Result};
use crate::model::{DateChoice, Facet};
use rusqlite::Connection;
use std::collections::HashMap;

/// Selections already made in one count, by filter: facets with nothing
/// chosen share one scope.
#[derive(Default)]
struct Scopes(Vec<(Filter, super::article_index::Selection)>);

impl Scopes {
    fn get(&mut self, index: &ArticleIndex, conn: &Connection, filter: &Filter) -> Result<usize> {
        if let Some(at) = self.0.iter().position(|(f, _)| f == filter) {
            return Ok(at);
        }
        self.0.push((filter.clone(), index.select(conn, filter)?));
        Ok(self.0.len() - 1)
    }
}

/// What the index counts, before the names and order of the sidebar.
struct Counted {
    columns: super::article_index::ColumnCounts,
    live: usize,
    trashed: usize,
    states: Vec<FacetCount>,
    tags: HashMap<i64, usize>,
    countries: Vec<(String, Vec<FacetCount>)>,
    topics: HashMap<i64, usize>,
}

impl Library {
    /// The sidebar counted from the index; `None` for a file without one.
    pub(super) fn facets_from_index(&self, filter: &Filter) -> Result<Option<Facets>> {
        let choice = &filter.choice;
        let regions = choice.values(Facet::Region);
        // What SQL must say first: the tree, the tags' names and the
        // countries of the regions whose countries are listed.
        let tree = self.topic_rows()?;
        let child_ids = tree.child_ids();
        let mut region_countries: Vec<(String, Vec<(i64, String)>)> = Vec::new();
        for region in opened_regions(&regions) {
            let mut stmt = self.conn.prepare_cached(
                "SELECT r.id, r.name FROM regions r JOIN regions p ON p.id = r.parent_id \
                 WHERE p.name = ? ORDER BY r.name",
            )?;
            let countries = stmt
                .query_map([&region], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            region_countries.push((region, countries));
        }
        let open = open_months(choice);
        let counted = self.with_index(|index, conn| {
            let mut scopes = Scopes::default();
            let mut tally = Tally::default();
            for (scope, facets) in column_scopes(filter) {
                let at = scopes.get(index, conn, &scope)?;
                index.tally(&scopes.0[at].1, &facets, &open, &mut tally);
            }
            let mut on = |facet: Facet| scopes.get(index, conn, &scope_of(filter, facet));
            let (states, tags, places, topics) = (
                on(Facet::State)?,
                on(Facet::Tag)?,
                on(Facet::Region)?,
                on(Facet::Topic)?,
            );
            let (live, trashed) = index.live_and_trashed();
            let countries = region_countries
                .iter()
                .map(|(region, countries)| {
                    let counts: Vec<FacetCount> = countries
                        .iter()
                        .map(|(id, name)| FacetCount {
                            value: name.clone(),
                            count: index.country_count(&scopes.0[places].1, *id),
                        })
                        .filter(|c| c.count > 0)
                        .collect();
                    (region.clone(), counts)
                })
                .filter(|(_, counts)| !counts.is_empty())
                .collect();
            Ok(Counted {
                columns: index.column_counts(tally),
                live,
                trashed,
                states: index.state_counts(&scopes.0[states].1),
                tags: index.tag_counts(&scopes.0[tags].1),
                countries,
                topics: index.topic_counts(&scopes.0[topics].1, &child_ids),
            })
        })?;
        let Some(counted) = counted else { return Ok(None) };
        let columns = counted.columns;
        let dates = |kind: fn(DateChoice) -> bool| choice.dates(kind);
        let mut sources = sorted(columns.sources, Order::MostFirst);
        sources.truncate(SOURCES_SHOWN);
        Ok(Some(Facets {
            all: counted.live,
            trash: counted.trashed,
            years: with_chosen(
                sorted(columns.years, Order::NewestFirst),
                &dates(|d| matches!(d, DateChoice::Year(_))),
            ),
            months: with_chosen(
                sorted(columns.months, Order::NewestFirst),
                &dates(|d| matches!(d, DateChoice::Month(_))),
            ),
            days: with_chosen(
                sorted(columns.days, Order::NewestFirst),
                &dates(|d| matches!(d, DateChoice::Day(_))),
            ),
            regions: with_chosen(
                sorted(columns.regions, Order::ByName),
                &chosen_regions_only(&regions),
            ),
            countries: counted.countries,
            sources: with_chosen(sources, &choice.values(Facet::Source)),
            tags: with_chosen(self.named_tags(&counted.tags)?, &choice.values(Facet::Tag)),
            tag_colors: self.tag_colors()?,
            kinds: with_chosen(
                sorted(columns.kinds, Order::MostFirst),
                &choice.values(Facet::Kind),
            ),
            languages: with_chosen(
                sorted(columns.languages, Order::MostFirst),
                &choice.values(Facet::Language),
            ),
            states: with_chosen(counted.states, &choice.values(Facet::State)),
            topics: tree.with_counts(&counted.topics),
            saved_searches: self.saved_searches()?,
        }))
    }

    /// Tag counts by tag id as the sidebar lists them: by name, case aside.
    fn named_tags(&self, counts: &HashMap<i64, usize>) -> Result<Vec<FacetCount>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM tags ORDER BY name COLLATE NOCASE")?;
        let mut rows = stmt.query([])?;
        let mut named = Vec::new();
        while let Some(row) = rows.next()? {
            if let Some(&count) = counts.get(&row.get::<_, i64>(0)?) {
                named.push(FacetCount {
                    value: row.get(1)?,
                    count,
                });
            }
        }
        Ok(named)
    }
}
