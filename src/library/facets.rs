//! Counts for the sidebar: how many live articles per year, month, region,
//! topic, source, tag, kind and language, for the articles the other
//! choices leave. Computed in SQL, so the app never walks the library.

use super::articles::filter_clause;
use super::{Library, Result};
use crate::model::{Facet, Filter};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// One value of a facet and how many articles have it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

/// Everything the sidebar shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub all: usize,
    pub trash: usize,
    pub years: Vec<FacetCount>,
    /// `YYYY-MM`, newest first; articles dated only by year are not in any month.
    pub months: Vec<FacetCount>,
    pub regions: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
    pub tags: Vec<FacetCount>,
    pub kinds: Vec<FacetCount>,
    /// Primary language subtags (`en`, `fr`).
    pub languages: Vec<FacetCount>,
    pub topics: Vec<super::TopicNode>,
    pub saved_searches: Vec<super::SavedSearch>,
}

/// The SQL of one facet's counts, `{w}` standing for the articles' clause.
fn facet_sql(facet: Facet, months: bool) -> &'static str {
    match facet {
        Facet::Date if months => {
            "SELECT substr(a.published_date, 1, 7) AS m, count(*) FROM articles a \
             WHERE {w} AND a.published_date IS NOT NULL AND a.published_precision != 'year' \
             GROUP BY m ORDER BY m DESC"
        }
        Facet::Date => {
            "SELECT substr(a.published_date, 1, 4) AS y, count(*) FROM articles a \
             WHERE {w} AND a.published_date IS NOT NULL GROUP BY y ORDER BY y DESC"
        }
        Facet::Region => {
            "SELECT a.region, count(*) FROM articles a WHERE {w} AND a.region IS NOT NULL \
             GROUP BY a.region ORDER BY a.region"
        }
        Facet::Source => {
            "SELECT a.source, count(*) AS n FROM articles a WHERE {w} AND a.source IS NOT NULL \
             GROUP BY a.source ORDER BY n DESC, a.source LIMIT 200"
        }
        // The articles are named through the list index; joining each tag's
        // article to the table would read its text.
        Facet::Tag => {
            "SELECT t.name, count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id \
             WHERE at.article_id IN (SELECT a.id FROM articles a WHERE {w}) \
             GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
        }
        Facet::Kind => {
            "SELECT lower(a.kind) AS k, count(*) FROM articles a WHERE {w} AND a.kind IS NOT NULL \
             GROUP BY k ORDER BY count(*) DESC"
        }
        Facet::Language => {
            "SELECT lower(substr(a.language, 1, instr(a.language || '-', '-') - 1)) AS l, count(*) \
             FROM articles a WHERE {w} AND a.language IS NOT NULL AND a.language != '' \
             GROUP BY l ORDER BY count(*) DESC"
        }
        Facet::Topic => unreachable_topic(),
    }
}

/// Topics are counted as a tree (`topic_tree_within`), never through `facet_sql`.
fn unreachable_topic() -> &'static str {
    "SELECT NULL, 0 WHERE 0"
}

impl Library {
    fn facet(&self, sql: &str, clause: &str, values: &[Value]) -> Result<Vec<FacetCount>> {
        let mut stmt = self.conn.prepare_cached(&sql.replace("{w}", clause))?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                Ok(FacetCount {
                    value: r.get(0)?,
                    count: r.get::<_, i64>(1)? as usize,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The sidebar for the whole library.
    pub fn facets(&self) -> Result<Facets> {
        self.facets_for(&Filter::default())
    }

    /// The sidebar for a selection: each facet counted over the articles
    /// that every other facet's choice leaves (so a facet's other values
    /// show what choosing them too would add), the values chosen always
    /// listed. The trash and the sort of the filter play no part.
    pub fn facets_for(&self, filter: &Filter) -> Result<Facets> {
        let count = |sql: &str| -> Result<usize> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        let scope = |facet: Facet| {
            filter_clause(&Filter {
                choice: filter.choice.without(facet),
                trash: false,
                ..filter.clone()
            })
        };
        let counted = |facet: Facet, months: bool| -> Result<Vec<FacetCount>> {
            let (clause, values) = scope(facet);
            self.facet(facet_sql(facet, months), &clause, &values)
        };
        let choice = &filter.choice;
        let (topic_clause, topic_values) = scope(Facet::Topic);
        let years: Vec<String> = choice.years.iter().map(i32::to_string).collect();
        Ok(Facets {
            all: count("SELECT count(*) FROM articles WHERE deleted_at IS NULL")?,
            trash: count("SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL")?,
            years: with_chosen(counted(Facet::Date, false)?, &years),
            months: with_chosen(counted(Facet::Date, true)?, &choice.months),
            regions: with_chosen(counted(Facet::Region, false)?, &choice.regions),
            sources: with_chosen(counted(Facet::Source, false)?, &choice.sources),
            tags: with_chosen(counted(Facet::Tag, false)?, &choice.tags),
            kinds: with_chosen(counted(Facet::Kind, false)?, &choice.kinds),
            languages: with_chosen(counted(Facet::Language, false)?, &choice.languages),
            topics: self.topic_tree_within(&topic_clause, &topic_values)?,
            saved_searches: self.saved_searches()?,
        })
    }
}

/// The counts with every chosen value in them, at 0 when nothing has it
/// now, so a choice can always be seen and taken back where it was made.
fn with_chosen(mut counts: Vec<FacetCount>, chosen: &[String]) -> Vec<FacetCount> {
    for value in chosen {
        if !counts.iter().any(|c| c.value.eq_ignore_ascii_case(value)) {
            counts.push(FacetCount {
                value: value.clone(),
                count: 0,
            });
        }
    }
    counts
}
