//! Which country lies in which World Bank region: pure data, read from
//! `assets/gazetteer.tsv`. The sidebar's choices (a country narrows its
//! region) and the library's region facet need it as much as the
//! extractors do; the names a text uses for a country (demonyms, capitals)
//! are the extractors' own business (`import::regions`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// The seven World Bank regions, in the Bank's own spelling.
pub const WORLD_BANK_REGIONS: &[&str] = &[
    "East Asia & Pacific",
    "Europe & Central Asia",
    "Latin America & Caribbean",
    "Middle East & North Africa",
    "North America",
    "South Asia",
    "Sub-Saharan Africa",
];

/// One country of the gazetteer: its region, its name as Folio spells it,
/// and the other names a text uses for it (`;`-separated, as written).
pub struct GazetteerRow {
    pub region: &'static str,
    pub country: &'static str,
    pub names: &'static str,
}

/// The gazetteer's countries, in file order; rows naming no World Bank
/// region are left out.
pub fn gazetteer_rows() -> impl Iterator<Item = GazetteerRow> {
    include_str!("../../assets/gazetteer.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let (region, country) = (cols.next()?, cols.next()?);
            let region = WORLD_BANK_REGIONS.iter().find(|r| **r == region)?;
            Some(GazetteerRow {
                region,
                country,
                names: cols.next().unwrap_or(""),
            })
        })
}

/// country → region
static REGION_OF: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| gazetteer_rows().map(|row| (row.country, row.region)).collect());

/// The region of a country as the gazetteer spells it.
pub fn region_of_country(country: &str) -> Option<&'static str> {
    REGION_OF.get(country).copied()
}

/// Every country of the gazetteer with its region, in a stable order.
pub fn all_countries() -> Vec<(String, &'static str)> {
    let mut all: Vec<(String, &'static str)> = REGION_OF.iter().map(|(c, r)| (c.to_string(), *r)).collect();
    all.sort();
    all
}
