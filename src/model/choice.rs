//! The facet values chosen in the sidebar, and the facets themselves.
//!
//! A choice is a list of (facet, value) pairs, so every facet is handled by
//! the same code: adding a facet adds a [`Facet`] variant, not a field and
//! five match arms here. Dates are values too, told apart by their shape
//! ([`DateChoice`]).

use super::regions;
use serde::{Deserialize, Serialize};

/// One facet of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Facet {
    Date,
    Region,
    Topic,
    Source,
    Tag,
    Kind,
    Language,
    /// Starred, and the read state another tool kept (unread, archived).
    State,
}

impl Facet {
    /// Every facet, in the sidebar's order: the states first, as few and
    /// as often wanted as a mail client's flagged messages.
    pub const ALL: [Facet; 8] = [
        Facet::State,
        Facet::Date,
        Facet::Region,
        Facet::Topic,
        Facet::Source,
        Facet::Tag,
        Facet::Kind,
        Facet::Language,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Facet::Date => "Date",
            Facet::Region => "Region",
            Facet::Topic => "Topic",
            Facet::Source => "Source",
            Facet::Tag => "Tag",
            Facet::Kind => "Kind",
            Facet::Language => "Language",
            Facet::State => "State",
        }
    }

    fn rank(self) -> usize {
        Facet::ALL.iter().position(|f| *f == self).unwrap_or(usize::MAX)
    }
}

/// A chosen value, as a chip above the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chip {
    pub facet: Facet,
    pub value: String,
}

/// A value of the date facet, read by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateChoice<'a> {
    /// `2018`
    Year(i32),
    /// `2018-06`
    Month(&'a str),
    /// `2018-06-01`
    Day(&'a str),
    /// `2018-01 – 2018-06`: a stretch of the timeline, both months included.
    Months(&'a str, &'a str),
}

/// How a stretch of months is written as a value.
const STRETCH: &str = " – ";

impl<'a> DateChoice<'a> {
    /// Whether articles of `month` (`YYYY-MM`) fall in this choice, wholly
    /// or in part (a day chosen falls in its month).
    pub fn covers_month(&self, month: &str) -> bool {
        match *self {
            DateChoice::Year(year) => month.get(..4) == Some(year.to_string().as_str()),
            DateChoice::Month(chosen) => chosen == month,
            DateChoice::Day(day) => day.get(..7) == Some(month),
            DateChoice::Months(from, to) => from <= month && month <= to,
        }
    }

    pub fn read(value: &'a str) -> Option<DateChoice<'a>> {
        if let Some((from, to)) = value.split_once(STRETCH) {
            return Some(DateChoice::Months(from, to));
        }
        match value.len() {
            4 => value.parse().ok().map(DateChoice::Year),
            7 => Some(DateChoice::Month(value)),
            10 => Some(DateChoice::Day(value)),
            _ => None,
        }
    }

    /// Years, then months, then days, then stretches: the order chips show.
    fn rank(self) -> usize {
        match self {
            DateChoice::Year(_) => 0,
            DateChoice::Month(_) => 1,
            DateChoice::Day(_) => 2,
            DateChoice::Months(..) => 3,
        }
    }
}

/// The facet values chosen in the sidebar. Within a facet the values are
/// alternatives ("2018 or 2019"); across facets they all hold ("2018, and
/// East Asia & Pacific, and diplomacy"), as faceted browsing works anywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredChoice")]
pub struct FacetChoice {
    /// In the order chosen.
    chosen: Vec<Chip>,
}

impl FacetChoice {
    /// A choice of these values.
    pub fn of(values: &[(Facet, &str)]) -> FacetChoice {
        let mut choice = FacetChoice::default();
        for (facet, value) in values {
            choice.toggle(*facet, value);
        }
        choice
    }

    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }

    /// Every chosen value, facet by facet in the sidebar's order.
    pub fn chips(&self) -> Vec<Chip> {
        let mut chips = self.chosen.clone();
        chips.sort_by_key(|c| {
            let date_rank = DateChoice::read(&c.value).map_or(0, DateChoice::rank);
            (c.facet.rank(), if c.facet == Facet::Date { date_rank } else { 0 })
        });
        chips
    }

    /// The values chosen in one facet, in the order chosen.
    pub fn values(&self, facet: Facet) -> Vec<String> {
        self.chosen
            .iter()
            .filter(|c| c.facet == facet)
            .map(|c| c.value.clone())
            .collect()
    }

    /// The chosen dates of one shape (`is` tells the shape wanted).
    pub fn dates(&self, is: fn(DateChoice) -> bool) -> Vec<String> {
        self.chosen
            .iter()
            .filter(|c| c.facet == Facet::Date && DateChoice::read(&c.value).is_some_and(is))
            .map(|c| c.value.clone())
            .collect()
    }

    /// The stretch of months chosen on the timeline (from, to), if any.
    pub fn stretch(&self) -> Option<(String, String)> {
        self.chosen.iter().find_map(|c| match DateChoice::read(&c.value) {
            Some(DateChoice::Months(from, to)) if c.facet == Facet::Date => {
                Some((from.to_string(), to.to_string()))
            }
            _ => None,
        })
    }

    /// Whether a value is chosen. Asked for every value the sidebar draws,
    /// every frame: it copies nothing.
    pub fn contains(&self, facet: Facet, value: &str) -> bool {
        self.chosen.iter().any(|c| c.facet == facet && c.value == value)
    }

    /// Chooses a value, or takes it back when it was chosen. A month
    /// narrows its year (choosing June 2018 takes back 2018, and choosing
    /// 2018 takes back its months), a day its year and month, a country its
    /// region, as a drill-down does.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if self.contains(facet, value) {
            self.remove(facet, value);
            return;
        }
        if facet == Facet::Date {
            match DateChoice::read(value) {
                Some(DateChoice::Year(_)) => self.chosen.retain(|c| {
                    !(c.facet == Facet::Date && c.value.len() == 7 && c.value.starts_with(value))
                }),
                Some(DateChoice::Month(_) | DateChoice::Day(_)) => {
                    let year = &value[..4];
                    let month = &value[..7];
                    self.chosen.retain(|c| {
                        !(c.facet == Facet::Date
                            && (c.value == year || (value.len() == 10 && c.value == month)))
                    });
                }
                // A stretch is taken back by its chip.
                Some(DateChoice::Months(..)) => {
                    self.chosen
                        .retain(|c| !(c.facet == Facet::Date && c.value.contains(STRETCH)));
                    return;
                }
                // A value of no known shape is never chosen.
                None => return,
            }
        }
        if facet == Facet::Region
            && let Some(region) = regions::region_of_country(value)
        {
            self.remove(Facet::Region, region);
        }
        self.chosen.push(Chip {
            facet,
            value: value.to_string(),
        });
    }

    /// Narrows the dates to a stretch of months (`YYYY-MM`, both included),
    /// in place of the years, months and stretch chosen before.
    pub fn set_months(&mut self, from: &str, to: &str) {
        self.chosen.retain(|c| {
            c.facet != Facet::Date || matches!(DateChoice::read(&c.value), Some(DateChoice::Day(_)))
        });
        self.chosen.push(Chip {
            facet: Facet::Date,
            value: format!("{from}{STRETCH}{to}"),
        });
    }

    /// Takes a value back.
    pub fn remove(&mut self, facet: Facet, value: &str) {
        self.chosen.retain(|c| !(c.facet == facet && c.value == value));
    }

    /// A chosen value under a new name (a tag renamed), if it was chosen.
    pub fn rename(&mut self, facet: Facet, old: &str, new: &str) {
        for chip in self
            .chosen
            .iter_mut()
            .filter(|c| c.facet == facet && c.value == old)
        {
            chip.value = new.to_string();
        }
    }

    /// The choice without one facet's values: what that facet's own counts
    /// are taken over, so its other values still show what they would add.
    pub fn without(&self, facet: Facet) -> FacetChoice {
        FacetChoice {
            chosen: self.chosen.iter().filter(|c| c.facet != facet).cloned().collect(),
        }
    }
}

/// A choice as the window's settings keep it: the list of chips, or the
/// field-per-facet shape of Folio before it (read once, then written anew).
#[derive(Deserialize)]
#[serde(untagged)]
enum StoredChoice {
    Chips { chosen: Vec<Chip> },
    FieldPerFacet(Box<FieldPerFacet>),
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FieldPerFacet {
    years: Vec<i32>,
    months: Vec<String>,
    days: Vec<String>,
    range: Option<(String, String)>,
    regions: Vec<String>,
    topics: Vec<String>,
    sources: Vec<String>,
    tags: Vec<String>,
    kinds: Vec<String>,
    languages: Vec<String>,
}

impl From<StoredChoice> for FacetChoice {
    fn from(stored: StoredChoice) -> FacetChoice {
        let old = match stored {
            StoredChoice::Chips { chosen } => return FacetChoice { chosen },
            StoredChoice::FieldPerFacet(old) => *old,
        };
        let chip = |facet, value: &String| Chip {
            facet,
            value: value.clone(),
        };
        let mut chosen: Vec<Chip> = old
            .years
            .iter()
            .map(|y| chip(Facet::Date, &y.to_string()))
            .collect();
        chosen.extend(old.months.iter().chain(&old.days).map(|v| chip(Facet::Date, v)));
        if let Some((from, to)) = &old.range {
            chosen.push(chip(Facet::Date, &format!("{from}{STRETCH}{to}")));
        }
        for (facet, values) in [
            (Facet::Region, &old.regions),
            (Facet::Topic, &old.topics),
            (Facet::Source, &old.sources),
            (Facet::Tag, &old.tags),
            (Facet::Kind, &old.kinds),
            (Facet::Language, &old.languages),
        ] {
            chosen.extend(values.iter().map(|v| chip(facet, v)));
        }
        FacetChoice { chosen }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_narrows_its_year_and_a_year_takes_back_its_months() {
        let mut choice = FacetChoice::of(&[(Facet::Date, "2018"), (Facet::Date, "2019")]);
        choice.toggle(Facet::Date, "2018-06");
        assert_eq!(choice.values(Facet::Date), ["2019", "2018-06"]);
        choice.toggle(Facet::Date, "2018-06-05");
        assert_eq!(choice.values(Facet::Date), ["2019", "2018-06-05"]);
        choice.toggle(Facet::Date, "2019-02");
        choice.toggle(Facet::Date, "2019");
        assert_eq!(choice.values(Facet::Date), ["2018-06-05", "2019"]);
        // Chips read years first, whatever the order chosen.
        let chips: Vec<String> = choice.chips().into_iter().map(|c| c.value).collect();
        assert_eq!(chips, ["2019", "2018-06-05"]);
    }

    #[test]
    fn a_stretch_replaces_years_and_months_and_its_chip_takes_it_back() {
        let mut choice = FacetChoice::of(&[
            (Facet::Date, "2018"),
            (Facet::Date, "2019-03"),
            (Facet::Tag, "korea"),
        ]);
        choice.set_months("2018-01", "2018-06");
        assert_eq!(choice.values(Facet::Date), ["2018-01 – 2018-06"]);
        choice.toggle(Facet::Date, "2018-01 – 2018-06");
        assert!(choice.values(Facet::Date).is_empty());
        assert_eq!(choice.values(Facet::Tag), ["korea"]);
    }

    #[test]
    fn a_country_narrows_its_region() {
        let mut choice = FacetChoice::of(&[(Facet::Region, "East Asia & Pacific")]);
        choice.toggle(Facet::Region, "Japan");
        assert_eq!(choice.values(Facet::Region), ["Japan"]);
    }

    #[test]
    fn settings_from_before_the_chips_are_read_with_nothing_lost() {
        let old = r#"{"years":[2018],"months":["2019-03"],"range":["2017-01","2017-02"],"tags":["korea"],"kinds":["editorial"]}"#;
        let choice: FacetChoice = serde_json::from_str(old).unwrap();
        let chips: Vec<(Facet, String)> = choice.chips().into_iter().map(|c| (c.facet, c.value)).collect();
        let expected = [
            (Facet::Date, "2018"),
            (Facet::Date, "2019-03"),
            (Facet::Date, "2017-01 – 2017-02"),
            (Facet::Tag, "korea"),
            (Facet::Kind, "editorial"),
        ]
        .map(|(f, v)| (f, v.to_string()));
        assert_eq!(chips, expected);
        let again: FacetChoice = serde_json::from_str(&serde_json::to_string(&choice).unwrap()).unwrap();
        assert_eq!(again, choice);
    }

    #[test]
    fn a_chosen_date_covers_the_months_it_spans() {
        let covers =
            |value: &str, month: &str| DateChoice::read(value).is_some_and(|d| d.covers_month(month));
        assert!(covers("2018", "2018-06") && !covers("2018", "2019-01"));
        assert!(covers("2018-06", "2018-06") && !covers("2018-06", "2018-07"));
        assert!(covers("2018-06-01", "2018-06"));
        assert!(covers("2018-01 – 2018-06", "2018-03") && !covers("2018-01 – 2018-06", "2018-07"));
    }
}
