//! Counts for the sidebar: how many live articles per state (starred,
//! unread, archived), year, month, region, topic, source, tag, kind and
//! language, for the articles the other
//! choices leave. Computed in SQL, so the app never walks the library.

use super::filter::Filter;
use super::{Library, Result};
use crate::model::{DateChoice, Facet};
use rusqlite::params_from_iter;
use rusqlite::types::{Value, ValueRef};
use std::collections::HashMap;

/// One value of a facet and how many articles have it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

impl FacetCount {
    /// A row of (value, count), as every facet's counting query returns.
    pub(super) fn from_row(row: &rusqlite::Row) -> rusqlite::Result<FacetCount> {
        Ok(FacetCount {
            value: row.get(0)?,
            count: row.get::<_, i64>(1)? as usize,
        })
    }
}

/// Everything the sidebar shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub all: usize,
    pub trash: usize,
    pub years: Vec<FacetCount>,
    /// `YYYY-MM`, newest first; articles dated only by year are not in any month.
    pub months: Vec<FacetCount>,
    /// `YYYY-MM-DD`, newest first, for the months chosen (or holding a
    /// chosen day) only.
    pub days: Vec<FacetCount>,
    pub regions: Vec<FacetCount>,
    /// The countries of each chosen region that articles concern, with
    /// counts: (region, its countries).
    pub countries: Vec<(String, Vec<FacetCount>)>,
    pub sources: Vec<FacetCount>,
    pub tags: Vec<FacetCount>,
    /// The colours given to tags, by name.
    pub tag_colors: HashMap<String, String>,
    pub kinds: Vec<FacetCount>,
    /// Primary language subtags (`en`, `fr`).
    pub languages: Vec<FacetCount>,
    /// Starred, unread, archived: those any article is in, in that order.
    pub states: Vec<FacetCount>,
    pub topics: Vec<super::TopicNode>,
    pub saved_searches: Vec<super::SavedSearch>,
}

/// The facets counted from the articles' own columns, in one pass over the
/// list index per selection.
pub(super) const COLUMN_FACETS: [Facet; 5] = [
    Facet::Date,
    Facet::Region,
    Facet::Source,
    Facet::Kind,
    Facet::Language,
];

/// Which of the column facets a scope counts.
pub(super) struct Wanted {
    pub dates: bool,
    pub regions: bool,
    pub sources: bool,
    pub kinds: bool,
    pub languages: bool,
}

impl Wanted {
    pub fn of(facets: &[Facet]) -> Wanted {
        let want = |f: Facet| facets.contains(&f);
        Wanted {
            dates: want(Facet::Date),
            regions: want(Facet::Region),
            sources: want(Facet::Source),
            kinds: want(Facet::Kind),
            languages: want(Facet::Language),
        }
    }
}

/// Counts of the column facets, gathered from one scan.
#[derive(Default)]
struct Tally {
    years: Runs,
    months: Runs,
    days: Runs,
    regions: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    kinds: HashMap<String, usize>,
    languages: HashMap<String, usize>,
}

pub(super) fn sorted(counts: HashMap<String, usize>, order: Order) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    match order {
        Order::NewestFirst => list.sort_by(|a, b| b.value.cmp(&a.value)),
        Order::ByName => list.sort_by(|a, b| a.value.cmp(&b.value)),
        Order::MostFirst => list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))),
    }
    list
}

pub(super) enum Order {
    NewestFirst,
    ByName,
    MostFirst,
}

/// Counts of keys that mostly come in runs, as dates do from the list
/// index (which is in date order): a run is counted as it goes, and the
/// map is touched once per run instead of once per article.
#[derive(Default)]
struct Runs {
    counts: HashMap<String, usize>,
    key: String,
    run: usize,
}

impl Runs {
    fn bump(&mut self, key: &str) {
        if self.run > 0 && self.key == key {
            self.run += 1;
            return;
        }
        self.flush();
        self.key.clear();
        self.key.push_str(key);
        self.run = 1;
    }

    fn flush(&mut self) {
        if self.run > 0 {
            match self.counts.get_mut(&self.key) {
                Some(count) => *count += self.run,
                None => {
                    self.counts.insert(self.key.clone(), self.run);
                }
            }
            self.run = 0;
        }
    }

    fn into_counts(mut self) -> HashMap<String, usize> {
        self.flush();
        self.counts
    }
}

/// `text` in lower case, copied only when it has capitals to lower.
fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

fn bump(counts: &mut HashMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(count) => *count += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// Sources shown at most: the most used.
pub(super) const SOURCES_SHOWN: usize = 200;

impl Library {
    /// Tallies the column facets named in `wanted` over the articles that
    /// meet `clause`: one read of the list index, whatever the number of
    /// facets. Returns how many articles were read.
    fn tally(
        &self,
        (clause, values): (&str, &[Value]),
        wanted: &[Facet],
        open_months: &[String],
        tally: &mut Tally,
    ) -> Result<usize> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.published_date, a.published_precision, a.region, a.source, a.kind, a.language \
             FROM articles a WHERE {clause}"
        ))?;
        let Wanted {
            dates,
            regions,
            sources,
            kinds,
            languages,
        } = Wanted::of(wanted);
        let mut rows = stmt.query(params_from_iter(values))?;
        let mut read = 0;
        while let Some(row) = rows.next()? {
            read += 1;
            // Borrowed from the row: a key is copied only the first time it is seen.
            let text = |index: usize| -> Result<Option<&str>> {
                Ok(match row.get_ref(index)? {
                    ValueRef::Text(t) => std::str::from_utf8(t).ok().filter(|t| !t.is_empty()),
                    _ => None,
                })
            };
            if dates && let Some(date) = text(0)? {
                if let Some(year) = date.get(..4) {
                    tally.years.bump(year);
                }
                let precision = text(1)?;
                if precision != Some("year")
                    && let Some(month) = date.get(..7)
                {
                    tally.months.bump(month);
                    if precision == Some("day") && open_months.iter().any(|m| m == month) {
                        tally.days.bump(date);
                    }
                }
            }
            if regions && let Some(region) = text(2)? {
                bump(&mut tally.regions, region);
            }
            if sources && let Some(source) = text(3)? {
                bump(&mut tally.sources, source);
            }
            if kinds && let Some(kind) = text(4)? {
                bump(&mut tally.kinds, &lowercase(kind));
            }
            if languages && let Some(language) = text(5)? {
                bump(
                    &mut tally.languages,
                    &lowercase(language.split('-').next().unwrap_or("")),
                );
            }
        }
        Ok(read)
    }

    /// For each chosen region, how many of the selection's articles concern
    /// each of its countries. Only chosen regions are opened: counting every
    /// country of a large library on each change would cost too much.
    fn country_counts(&self, filter: &Filter, regions: &[String]) -> Result<Vec<(String, Vec<FacetCount>)>> {
        let (selected, values) = filter.selecting("ar.article_id");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT r.name, count(DISTINCT ar.article_id) FROM article_regions ar \
             JOIN regions r ON r.id = ar.region_id JOIN regions p ON p.id = r.parent_id \
             WHERE ar.is_primary = 0 AND p.name = ? AND {selected} \
             GROUP BY r.id ORDER BY r.name"
        ))?;
        let mut found = Vec::new();
        for region in regions {
            let params = std::iter::once(Value::Text(region.clone())).chain(values.iter().cloned());
            let countries = stmt
                .query_map(params_from_iter(params), FacetCount::from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if !countries.is_empty() {
                found.push((region.clone(), countries));
            }
        }
        Ok(found)
    }

    /// Starred, unread and archived articles of a selection, in that order
    /// (the states no article is in left out). Counted through the partial
    /// indexes of the few articles in a state, not a pass over the library.
    fn state_counts(&self, filter: &Filter) -> Result<Vec<FacetCount>> {
        let (clause, values) = filter.to_sql();
        let count = |sql: &str| -> Result<Vec<(String, usize)>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt
                .query_map(params_from_iter(values.iter()), |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        };
        let mut counts = count(&format!(
            "SELECT 'Starred', count(*) FROM articles a INDEXED BY articles_starred \
             WHERE a.starred = 1 AND {clause}"
        ))?;
        let states = count(&format!(
            "SELECT a.read_state, count(*) FROM articles a INDEXED BY articles_read_state \
             WHERE a.read_state IS NOT NULL AND {clause} GROUP BY a.read_state"
        ))?;
        for (state, name) in [("unread", "Unread"), ("archived", "Archived")] {
            if let Some((_, n)) = states.iter().find(|(s, _)| s == state) {
                counts.push((name.to_string(), *n));
            }
        }
        Ok(counts
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|(value, count)| FacetCount { value, count })
            .collect())
    }

    fn tag_counts(&self, filter: &Filter) -> Result<Vec<FacetCount>> {
        let (selected, values) = filter.selecting("at.article_id");
        let sql = format!(
            "SELECT t.name, count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id \
             WHERE {selected} GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), FacetCount::from_row)?
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
        match self.facets_from_index(filter)? {
            Some(facets) => Ok(facets),
            None => self.facets_by_sql(filter),
        }
    }

    /// [`Library::facets_for`] counted by SQL: for a file without the
    /// change log, and as the reference the index is tested against.
    pub(super) fn facets_by_sql(&self, filter: &Filter) -> Result<Facets> {
        let count = |sql: &str| -> Result<usize> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        let choice = &filter.choice;
        let scope = |facet: Facet| scope_of(filter, facet);
        let scopes = column_scopes(filter);
        let mut tally = Tally::default();
        let months = choice.dates(|d| matches!(d, DateChoice::Month(_)));
        let days = choice.dates(|d| matches!(d, DateChoice::Day(_)));
        let open_months = open_months(choice);
        let mut all = None;
        for (scope_filter, facets) in &scopes {
            let (clause, values) = scope_filter.to_sql();
            let read = self.tally((&clause, &values), facets, &open_months, &mut tally)?;
            if scope_filter.is_whole_library() {
                all = Some(read);
            }
        }
        let years = choice.dates(|d| matches!(d, DateChoice::Year(_)));
        let regions = choice.values(Facet::Region);
        let mut sources = sorted(tally.sources, Order::MostFirst);
        sources.truncate(SOURCES_SHOWN);
        Ok(Facets {
            all: match all {
                Some(all) => all,
                None => count("SELECT count(*) FROM articles WHERE deleted_at IS NULL")?,
            },
            trash: count("SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL")?,
            years: with_chosen(sorted(tally.years.into_counts(), Order::NewestFirst), &years),
            months: with_chosen(sorted(tally.months.into_counts(), Order::NewestFirst), &months),
            days: with_chosen(sorted(tally.days.into_counts(), Order::NewestFirst), &days),
            regions: with_chosen(
                sorted(tally.regions, Order::ByName),
                &chosen_regions_only(&regions),
            ),
            countries: self.country_counts(&scope(Facet::Region), &opened_regions(&regions))?,
            sources: with_chosen(sources, &choice.values(Facet::Source)),
            tags: with_chosen(self.tag_counts(&scope(Facet::Tag))?, &choice.values(Facet::Tag)),
            tag_colors: self.tag_colors()?,
            kinds: with_chosen(sorted(tally.kinds, Order::MostFirst), &choice.values(Facet::Kind)),
            languages: with_chosen(
                sorted(tally.languages, Order::MostFirst),
                &choice.values(Facet::Language),
            ),
            states: with_chosen(
                self.state_counts(&scope(Facet::State))?,
                &choice.values(Facet::State),
            ),
            topics: self.topic_tree_within(&scope(Facet::Topic))?,
            saved_searches: self.saved_searches()?,
        })
    }
}

/// What a facet is counted over: the selection without that facet's own
/// choice (so its other values show what choosing them too would add),
/// never the trash.
pub(super) fn scope_of(filter: &Filter, facet: Facet) -> Filter {
    Filter {
        choice: filter.choice.without(facet),
        trash: false,
        ..filter.clone()
    }
}

/// The column facets grouped by scope: facets with nothing chosen share
/// the whole selection; each facet with values chosen is counted without them.
pub(super) fn column_scopes(filter: &Filter) -> Vec<(Filter, Vec<Facet>)> {
    let mut scopes: Vec<(Filter, Vec<Facet>)> = Vec::new();
    for facet in COLUMN_FACETS {
        let own = scope_of(filter, facet);
        match scopes.iter_mut().find(|(f, _)| *f == own) {
            Some((_, facets)) => facets.push(facet),
            None => scopes.push((own, vec![facet])),
        }
    }
    scopes
}

/// The months whose days are listed: those chosen, and those holding a chosen day.
pub(super) fn open_months(choice: &crate::model::FacetChoice) -> Vec<String> {
    let mut open = choice.dates(|d| matches!(d, DateChoice::Month(_)));
    let days = choice.dates(|d| matches!(d, DateChoice::Day(_)));
    open.extend(days.iter().filter_map(|d| d.get(..7)).map(str::to_string));
    open
}

/// The chosen values that are regions, not countries (a chosen country is
/// listed under its region).
pub(super) fn chosen_regions_only(chosen: &[String]) -> Vec<String> {
    chosen
        .iter()
        .filter(|v| crate::model::regions::region_of_country(v).is_none())
        .cloned()
        .collect()
}

/// The regions whose countries the sidebar lists: those chosen, and those
/// of the countries chosen.
pub(super) fn opened_regions(chosen: &[String]) -> Vec<String> {
    let mut opened: Vec<String> = Vec::new();
    for value in chosen {
        let region = crate::model::regions::region_of_country(value).unwrap_or(value);
        if !opened.iter().any(|r| r == region) {
            opened.push(region.to_string());
        }
    }
    opened
}

/// The counts with every chosen value in them, at 0 when nothing has it
/// now, so a choice can always be seen and taken back where it was made.
pub(super) fn with_chosen(mut counts: Vec<FacetCount>, chosen: &[String]) -> Vec<FacetCount> {
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
