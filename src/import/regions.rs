//! World Bank regions and countries: named by a page's breadcrumb, or inferred
//! from the countries, capitals and demonyms its text mentions.
//!
//! The gazetteer lives in `assets/gazetteer.tsv` so that adding a name is a
//! data change, not a code change; which country lies in which region is
//! [`crate::model::regions`], read from the same file.

use crate::model::regions::gazetteer_rows;
pub use crate::model::regions::{WORLD_BANK_REGIONS, all_countries, region_of_country};
use crate::model::script::is_cjk;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Labels papers put in breadcrumbs and section names for a whole region.
const REGION_LABELS: &[(&str, &str)] = &[
    ("east asia and pacific", "East Asia & Pacific"),
    ("east asia & the pacific", "East Asia & Pacific"),
    ("asia pacific", "East Asia & Pacific"),
    ("asia-pacific", "East Asia & Pacific"),
    ("asia & pacific", "East Asia & Pacific"),
    ("east asia", "East Asia & Pacific"),
    ("europe and central asia", "Europe & Central Asia"),
    ("europe", "Europe & Central Asia"),
    ("central asia", "Europe & Central Asia"),
    ("latin america and caribbean", "Latin America & Caribbean"),
    ("latin america & the caribbean", "Latin America & Caribbean"),
    ("latin america and the caribbean", "Latin America & Caribbean"),
    ("latin america", "Latin America & Caribbean"),
    ("caribbean", "Latin America & Caribbean"),
    ("middle east and north africa", "Middle East & North Africa"),
    ("middle east", "Middle East & North Africa"),
    ("mideast", "Middle East & North Africa"),
    ("north africa", "Middle East & North Africa"),
    ("us & canada", "North America"),
    ("u.s. & canada", "North America"),
    ("south asia", "South Asia"),
    ("africa", "Sub-Saharan Africa"),
    ("sub-saharan africa", "Sub-Saharan Africa"),
];

struct Gazetteer {
    /// lower-cased name → country
    country_of: HashMap<String, String>,
    /// Every name, found in one pass over the text (Aho-Corasick: linear in
    /// the text, however many names; a regex alternation of hundreds of
    /// names with Unicode word boundaries is a hundred times slower).
    names: AhoCorasick,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::parse);

impl Gazetteer {
    fn parse() -> Gazetteer {
        let mut country_of = HashMap::new();
        // As written (ASCII case is folded when matching; "États" must keep its capital).
        let mut written: Vec<String> = Vec::new();
        for row in gazetteer_rows() {
            let country = row.country;
            country_of.insert(country.to_lowercase(), country.to_string());
            written.push(country.to_string());
            for name in row.names.split(';') {
                let name = name.trim();
                if !name.is_empty() {
                    country_of.insert(name.to_lowercase(), country.to_string());
                    written.push(name.to_string());
                }
            }
        }
        // Longest match first: "North Korean" wins over "Korean".
        let names = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&written)
            .expect("gazetteer names build an automaton");
        Gazetteer { country_of, names }
    }

    fn country_for(&self, name: &str) -> Option<&String> {
        self.country_of.get(&name.to_lowercase())
    }
}

/// The World Bank region a label names, such as a breadcrumb's "Middle East"
/// or "Japan".
pub fn region_for_label(label: &str) -> Option<&'static str> {
    let lower = label.trim().to_lowercase();
    if let Some(region) = WORLD_BANK_REGIONS.iter().find(|r| r.to_lowercase() == lower) {
        return Some(region);
    }
    if let Some((_, region)) = REGION_LABELS.iter().find(|(l, _)| *l == lower) {
        return Some(region);
    }
    GAZETTEER
        .country_for(&lower)
        .filter(|c| c.to_lowercase() == lower)
        .and_then(|c| region_of_country(c))
}

/// Countries a text mentions, most mentioned first, with their counts.
/// A mention in the title counts three times: it says what the piece is about.
pub fn countries_mentioned(title: &str, body: &str) -> Vec<(String, usize)> {
    let g = &*GAZETTEER;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (text, weight) in [(title, 3), (body, 1)] {
        for m in g.names.find_iter(text) {
            let found = &text[m.start()..m.end()];
            let first = found.chars().next().unwrap_or(' ');
            if !is_cjk(first) {
                // Whole words only: "Indiana" is not India, "Omani" not Oman.
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                // Proper names start with a capital; this keeps "us", "chad"
                // and "turkey" in running text from counting as countries.
                if !first.is_uppercase() {
                    continue;
                }
                // All-capital short names (US, UK, UAE) must be written so.
                if found.len() <= 4 && found.to_uppercase() != found && is_acronym_name(found) {
                    continue;
                }
            }
            if let Some(country) = g.country_for(found) {
                *counts.entry(country.clone()).or_default() += weight;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
}

fn is_acronym_name(name: &str) -> bool {
    matches!(name.to_uppercase().as_str(), "US" | "UK" | "UAE" | "USA" | "DRC")
}

/// The region all these countries are in, when they are all in one.
pub fn one_region_of(countries: &[String]) -> Option<&'static str> {
    let mut regions = countries.iter().map(|c| region_of_country(c));
    let first = regions.next()??;
    regions.all(|r| r == Some(first)).then_some(first)
}

/// The region most of the mentions point to.
pub fn infer_region(mentions: &[(String, usize)]) -> Option<&'static str> {
    let mut by_region: HashMap<&'static str, usize> = HashMap::new();
    for (country, count) in mentions {
        if let Some(region) = region_of_country(country) {
            *by_region.entry(region).or_default() += count;
        }
    }
    let total: usize = by_region.values().sum();
    let (region, count) = by_region
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
    // One passing mention is not what an article is about.
    (count >= 2 && count * 3 >= total).then_some(region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_regions() {
        assert_eq!(
            region_for_label("East Asia & Pacific"),
            Some("East Asia & Pacific")
        );
        assert_eq!(
            region_for_label("MIDDLE EAST"),
            Some("Middle East & North Africa")
        );
        assert_eq!(region_for_label("Japan"), Some("East Asia & Pacific"));
        assert_eq!(region_for_label("Sport"), None);
    }

    #[test]
    fn infers_from_mentions() {
        let body = "North Korean leader Kim Jong Un met officials in Pyongyang. \
                    Seoul welcomed the offer; Tokyo and Washington were cautious. \
                    South Korea and Japan will talk. Let us see.";
        let mentions = countries_mentioned("Japan, U.S. must seize chance", body);
        let names: Vec<&str> = mentions.iter().map(|(c, _)| c.as_str()).collect();
        assert!(names.contains(&"North Korea"));
        assert!(names.contains(&"South Korea"));
        assert!(names.contains(&"Japan"));
        assert!(names.contains(&"United States"));
        assert_eq!(infer_region(&mentions), Some("East Asia & Pacific"));
    }

    #[test]
    fn names_count_only_as_whole_words() {
        let mentions = countries_mentioned("", "Indiana farmers met Omanis and Nigerians in Perugia.");
        let names: Vec<&str> = mentions.iter().map(|(c, _)| c.as_str()).collect();
        assert!(
            !names.contains(&"India") && !names.contains(&"Oman") && !names.contains(&"Peru"),
            "{names:?}"
        );
        assert!(!names.contains(&"Niger"), "{names:?}");
        let accented = countries_mentioned(
            "",
            "Les États-Unis et le Japon ont signé. Les États-Unis ont salué l'accord.",
        );
        assert_eq!(accented.first().map(|(c, _)| c.as_str()), Some("United States"));
    }

    #[test]
    fn pronouns_are_not_countries() {
        let mentions = countries_mentioned("", "Let us go to the turkey farm, said the chad.");
        assert!(mentions.is_empty(), "{mentions:?}");
    }

    #[test]
    fn countries_of_one_region_give_it() {
        let one = |names: &[&str]| one_region_of(&names.iter().map(|n| n.to_string()).collect::<Vec<_>>());
        assert_eq!(one(&["France"]), region_of_country("France"));
        assert_eq!(one(&["France", "Germany"]), region_of_country("Germany"));
        assert_eq!(one(&["France", "Japan"]), None);
        assert_eq!(one(&[]), None);
    }
}
