//! Counts for the sidebar: how many live articles per year, region, source
//! and tag, computed in SQL so the app never walks the whole library.

use super::{Library, Result};

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
    pub topics: Vec<super::TopicNode>,
    pub saved_searches: Vec<super::SavedSearch>,
}

impl Library {
    fn facet(&self, sql: &str) -> Result<Vec<FacetCount>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(FacetCount {
                    value: r.get(0)?,
                    count: r.get::<_, i64>(1)? as usize,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn facets(&self) -> Result<Facets> {
        let count = |sql: &str| -> Result<usize> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok(Facets {
            all: count("SELECT count(*) FROM articles WHERE deleted_at IS NULL")?,
            trash: count("SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL")?,
            years: self.facet(
                "SELECT substr(published_date, 1, 4) AS y, count(*) FROM articles \
                 WHERE deleted_at IS NULL AND published_date IS NOT NULL GROUP BY y ORDER BY y DESC",
            )?,
            months: self.facet(
                "SELECT substr(published_date, 1, 7) AS m, count(*) FROM articles \
                 WHERE deleted_at IS NULL AND published_date IS NOT NULL AND published_precision != 'year' \
                 GROUP BY m ORDER BY m DESC",
            )?,
            regions: self.facet(
                "SELECT region, count(*) FROM articles WHERE deleted_at IS NULL AND region IS NOT NULL \
                 GROUP BY region ORDER BY region",
            )?,
            sources: self.facet(
                "SELECT source, count(*) AS n FROM articles WHERE deleted_at IS NULL AND source IS NOT NULL \
                 GROUP BY source ORDER BY n DESC, source LIMIT 200",
            )?,
            tags: self.facet(
                // The trash, a few rows of the list index, is left out;
                // looking up each tag's article in the table would read its text.
                "SELECT t.name, count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id \
                 WHERE at.article_id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL) \
                 GROUP BY t.id ORDER BY t.name COLLATE NOCASE",
            )?,
            topics: self.topic_tree()?,
            saved_searches: self.saved_searches()?,
        })
    }
}
