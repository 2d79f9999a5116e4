//! Counts for the pictures of the archive: how many articles concern each
//! country (the atlas), and how many appeared each month, split by region,
//! top-level topic or source (the trends chart), under the same filter as
//! the list. Counted in SQL and one pass over the rows, never per value.

use super::facets::FacetCount;
use super::filter::{FILED, Filter};
use super::{Library, Result};
use rusqlite::params_from_iter;
use rusqlite::types::ValueRef;
use std::collections::HashMap;

/// What the trends chart stacks its months by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum TrendSplit {
    #[default]
    Region,
    /// The topic at the top of the tree each filed topic lies under.
    Topic,
    Source,
}

impl TrendSplit {
    pub const ALL: [TrendSplit; 3] = [TrendSplit::Region, TrendSplit::Topic, TrendSplit::Source];

    pub fn label(self) -> &'static str {
        match self {
            TrendSplit::Region => "Region",
            TrendSplit::Topic => "Topic",
            TrendSplit::Source => "Source",
        }
    }
}

/// Bands the chart shows by name; the rest are one band, "other".
pub const NAMED_BANDS: usize = 6;

/// Articles per month, in bands.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trends {
    /// Every month (`YYYY-MM`) from the first that has articles to the
    /// last, empty months included, oldest first.
    pub months: Vec<String>,
    /// The largest values first, then "other" (if any); each band's counts
    /// line up with `months`.
    pub bands: Vec<TrendBand>,
    /// Articles in no band: dated by year only or not at all, or without a
    /// region, topic or source.
    pub left_out: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendBand {
    /// The facet value; `None` for the band of every other value.
    pub value: Option<String>,
    pub counts: Vec<usize>,
}

impl TrendBand {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

impl Library {
    /// How many of the filter's articles concern each country (any country
    /// an article names, not only its main region's), most first; countries
    /// no article concerns are not listed.
    pub fn country_counts_for(&self, filter: &Filter) -> Result<Vec<FacetCount>> {
        let Some(places) =
            self.with_index(|index, conn| Ok(index.place_counts(&index.select(conn, filter)?)))?
        else {
            return self.country_counts_by_sql(filter);
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM regions WHERE parent_id IS NOT NULL")?;
        let countries = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        let mut counts: Vec<FacetCount> = places
            .into_iter()
            .filter_map(|(id, count)| {
                countries.get(&id).map(|name| FacetCount {
                    value: name.clone(),
                    count,
                })
            })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        Ok(counts)
    }

    /// [`Library::country_counts_for`] counted by SQL: for a file without
    /// the article index, and as its reference.
    pub(super) fn country_counts_by_sql(&self, filter: &Filter) -> Result<Vec<FacetCount>> {
        let (selected, values) = filter.selecting("ar.article_id");
        // Grouped by the region's id first: over the whole library that is
        // one pass of the (region, article) index, the table untouched.
        // An article's main region is a row here too; the join keeps the
        // countries (which have a parent region) only.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT r.name, c.n FROM (SELECT ar.region_id AS id, count(*) AS n FROM article_regions ar \
             WHERE {selected} GROUP BY ar.region_id) c JOIN regions r ON r.id = c.id \
             WHERE r.parent_id IS NOT NULL ORDER BY c.n DESC, r.name"
        ))?;
        let counts = stmt
            .query_map(params_from_iter(values), FacetCount::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(counts)
    }

    /// The filter's articles per month, stacked by `split`: the six values
    /// with most articles, then all others as one band. An article filed
    /// under two top-level topics is in both topics' bands.
    pub fn trends_for(&self, filter: &Filter, split: TrendSplit) -> Result<Trends> {
        let roots = match split {
            TrendSplit::Topic => self.topic_roots()?,
            _ => HashMap::new(),
        };
        let indexed = self.with_index(|index, conn| {
            let selection = index.select(conn, filter)?;
            Ok(match split {
                TrendSplit::Region => index.trend_cells_by_column(&selection, true),
                TrendSplit::Source => index.trend_cells_by_column(&selection, false),
                TrendSplit::Topic => index.trend_cells_by_topic(&selection, &roots),
            })
        })?;
        match indexed {
            Some((cells, left_out)) => Ok(stack(cells, left_out)),
            None => self.trends_by_sql(filter, split),
        }
    }

    /// [`Library::trends_for`] counted by SQL: for a file without the
    /// article index, and as its reference.
    pub(super) fn trends_by_sql(&self, filter: &Filter, split: TrendSplit) -> Result<Trends> {
        let (clause, values) = filter.to_sql();
        // (month, value) → articles
        // value → month → articles
        let mut cells: Cells = HashMap::new();
        let mut left_out = 0;
        let mut bump = |month: Option<&str>, value: Option<&str>| match (month, value) {
            (Some(month), Some(value)) => {
                // Keys are copied only the first time they are seen.
                match cells.get_mut(value).and_then(|months| months.get_mut(month)) {
                    Some(count) => *count += 1,
                    None => {
                        let months = cells.entry(value.to_string()).or_default();
                        months.insert(month.to_string(), 1);
                    }
                }
            }
            _ => left_out += 1,
        };
        match split {
            TrendSplit::Region | TrendSplit::Source => {
                let column = if split == TrendSplit::Region {
                    "a.region"
                } else {
                    "a.source"
                };
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT a.published_date, a.published_precision, {column} FROM articles a WHERE {clause}"
                ))?;
                let mut rows = stmt.query(params_from_iter(values.iter()))?;
                while let Some(row) = rows.next()? {
                    bump(month_of(text(row, 0)?, text(row, 1)?), text(row, 2)?);
                }
            }
            TrendSplit::Topic => {
                let roots = self.topic_roots()?;
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT a.id, a.published_date, a.published_precision, x.topic_id FROM articles a \
                     LEFT JOIN article_topics x ON x.article_id = a.id AND {FILED} WHERE {clause}"
                ))?;
                let mut rows = stmt.query(params_from_iter(values.iter()))?;
                // An article counts once under each top-level topic. Its
                // rows come one after another (the left side of a LEFT JOIN
                // is the outer loop), so only its own roots are remembered.
                let mut article = None;
                let mut counted: Vec<&str> = Vec::new();
                while let Some(row) = rows.next()? {
                    let id: i64 = row.get(0)?;
                    if article != Some(id) {
                        article = Some(id);
                        counted.clear();
                    }
                    let month = month_of(text(row, 1)?, text(row, 2)?);
                    let root = row
                        .get::<_, Option<i64>>(3)?
                        .and_then(|topic| roots.get(&topic))
                        .map(String::as_str);
                    match root {
                        Some(root) if counted.contains(&root) => {}
                        Some(root) => {
                            counted.push(root);
                            bump(month, Some(root));
                        }
                        None => bump(month, None),
                    }
                }
            }
        }
        Ok(stack(cells, left_out))
    }

    /// Each topic's id → the name of the top-level topic it lies under.
    fn topic_roots(&self) -> Result<HashMap<i64, String>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE up(id, root) AS ( \
                SELECT id, name FROM topics WHERE parent_id IS NULL \
                UNION ALL SELECT t.id, up.root FROM topics t JOIN up ON t.parent_id = up.id) \
             SELECT id, root FROM up",
        )?;
        let roots = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<HashMap<i64, String>>>()?;
        Ok(roots)
    }
}

/// A text column of a row, borrowed; empty text is none.
fn text<'r>(row: &'r rusqlite::Row, index: usize) -> Result<Option<&'r str>> {
    Ok(match row.get_ref(index)? {
        ValueRef::Text(t) => std::str::from_utf8(t).ok().filter(|t| !t.is_empty()),
        _ => None,
    })
}

/// The month (`YYYY-MM`) of a stored date, unless it is known to the year only.
fn month_of<'a>(date: Option<&'a str>, precision: Option<&str>) -> Option<&'a str> {
    if precision == Some("year") {
        return None;
    }
    date?.get(..7)
}

/// Articles by value, then by month (`YYYY-MM`).
type Cells = HashMap<String, HashMap<String, usize>>;

/// The cells as bands over a continuous run of months.
fn stack(cells: Cells, left_out: usize) -> Trends {
    let mut ranked: Vec<(&str, usize)> = cells
        .iter()
        .map(|(value, months)| (value.as_str(), months.values().sum()))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let named: Vec<&str> = ranked.iter().take(NAMED_BANDS).map(|(v, _)| *v).collect();
    let seen = || cells.values().flat_map(|months| months.keys());
    let (Some(first), Some(last)) = (seen().min(), seen().max()) else {
        return Trends {
            left_out,
            ..Trends::default()
        };
    };
    let months = month_run(first, last);
    let index: HashMap<&str, usize> = months.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
    let mut bands: Vec<TrendBand> = named
        .iter()
        .map(|v| TrendBand {
            value: Some(v.to_string()),
            counts: vec![0; months.len()],
        })
        .collect();
    let mut other = TrendBand {
        value: None,
        counts: vec![0; months.len()],
    };
    for (value, months) in &cells {
        let band = match named.iter().position(|v| v == value) {
            Some(band) => &mut bands[band],
            None => &mut other,
        };
        for (month, count) in months {
            if let Some(&at) = index.get(month.as_str()) {
                band.counts[at] += count;
            }
        }
    }
    if other.total() > 0 {
        bands.push(other);
    }
    Trends {
        months,
        bands,
        left_out,
    }
}

/// Every month from `first` to `last` (`YYYY-MM`, both included); a month
/// that is not a real one (a damaged date) gives just the two ends.
fn month_run(first: &str, last: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (y, mo) = m.split_once('-')?;
        let (y, mo) = (y.parse().ok()?, mo.parse().ok()?);
        (1..=12).contains(&mo).then_some((y, mo))
    };
    let (Some((mut y, mut m)), Some(end)) = (parse(first), parse(last)) else {
        let mut ends = vec![first.to_string(), last.to_string()];
        ends.dedup();
        return ends;
    };
    let mut months = Vec::new();
    // Dates outside the years any paper printed would make a very long run.
    while (y, m) <= end && months.len() < 12 * 400 {
        months.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_months_crosses_years_and_keeps_empty_months() {
        assert_eq!(
            month_run("2019-11", "2020-02"),
            ["2019-11", "2019-12", "2020-01", "2020-02"]
        );
        assert_eq!(month_run("2020-05", "2020-05"), ["2020-05"]);
        assert_eq!(month_run("20x0-05", "2020-07"), ["20x0-05", "2020-07"]);
    }

    #[test]
    fn values_beyond_the_six_largest_share_one_band() {
        let mut cells = Cells::new();
        for (i, value) in ["a", "b", "c", "d", "e", "f", "g", "h"].iter().enumerate() {
            cells
                .entry(value.to_string())
                .or_default()
                .insert("2020-01".to_string(), 10 - i);
        }
        cells.get_mut("a").unwrap().insert("2020-03".to_string(), 1);
        let trends = stack(cells, 2);
        assert_eq!(trends.months, ["2020-01", "2020-02", "2020-03"]);
        assert_eq!(trends.bands.len(), NAMED_BANDS + 1);
        assert_eq!(trends.bands[0].value.as_deref(), Some("a"));
        assert_eq!(trends.bands[0].counts, [10, 0, 1]);
        let other = trends.bands.last().unwrap();
        assert_eq!(other.value, None);
        assert_eq!(other.counts, [4 + 3, 0, 0]);
        assert_eq!(trends.left_out, 2);
    }
}
