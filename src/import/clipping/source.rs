//! The source: the publication's name, gathered from wherever a page
//! prints it (a "Source:" line, a copyright, a site's name after the
//! headline, the pieces around the dateline). Each place gives a name a
//! bonus, and the name that looks most like a publication's is kept.

use super::vocabulary::{PUBLICATION_SUFFIXES, PUBLICATION_WORDS};
use crate::import::dates;
use crate::import::lines::{is_cjk, word_count};

pub(super) fn looks_like_publication(name: &str) -> bool {
    let lower = name.to_lowercase();
    PUBLICATION_SUFFIXES.iter().any(|s| name.contains(s))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PUBLICATION_WORDS.contains(&w))
}

/// How much a piece of text looks like the name of a publication, given
/// where it was found. `None` when it cannot be one.
fn publication_score(name: &str, placement_bonus: i32) -> Option<i32> {
    let name = name
        .trim()
        .trim_matches(|c: char| c == ',' || c == '|' || c == '-' || c.is_whitespace());
    let words = word_count(name);
    if name.is_empty() || words > 6 || dates::find_date(name).is_some() || dates::find_time(name).is_some() {
        return None;
    }
    if name.chars().filter(|c| c.is_ascii_digit()).count() > 2 {
        return None;
    }
    let mut score = placement_bonus;
    if looks_like_publication(name) {
        score += 5;
    }
    let capitalised = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || is_cjk(c))
                || matches!(
                    w,
                    "of" | "de"
                        | "du"
                        | "la"
                        | "le"
                        | "el"
                        | "the"
                        | "and"
                        | "des"
                        | "del"
                        | "do"
                        | "da"
                        | "dos"
                        | "das"
                        | "di"
                        | "der"
                        | "van"
                        | "von"
                )
        });
    score += if capitalised { 1 } else { -4 };
    if name.starts_with("The ") {
        score += 2;
    }
    Some(score)
}

#[derive(Default)]
pub(super) struct SourceCandidates {
    best: Option<(i32, String)>,
}

impl SourceCandidates {
    pub(super) fn offer(&mut self, name: &str, placement_bonus: i32) {
        let clean = name
            .trim()
            .trim_matches(|c: char| c == ',' || c == '|' || c == '-' || c == '.' || c.is_whitespace());
        if let Some(score) = publication_score(clean, placement_bonus)
            && self.best.as_ref().is_none_or(|(best, _)| score > *best)
        {
            self.best = Some((score, clean.to_string()));
        }
    }

    pub(super) fn take(self) -> Option<String> {
        self.best.filter(|(score, _)| *score >= 6).map(|(_, name)| name)
    }
}

#[cfg(test)]
mod tests {
    use crate::import::clipping::extract_clipping;

    /// An encyclopedia article copied from its heading down: the heading is
    /// one word, the tagline under it names the site, the infobox is a table.
    #[test]
    fn a_heading_the_lead_takes_up_titles_the_clipping_and_the_tagline_names_the_source() {
        let page = "Lighthouse\n\n\
            From Wikipedia, the free encyclopedia\n\
            Jump to navigation Jump to search\n\n\
            Height  30 metres\n\
            Built  1871\n\n\
            A lighthouse is a tower, building, or other structure designed to emit light from a system \
            of lamps and lenses and to serve as a beacon for navigational aid at sea.\n\n\
            Lighthouses mark dangerous coastlines, hazardous shoals, reefs and rocks, and safe entries \
            to harbours; they also assist in aerial navigation.\n\n\
            The number of working lighthouses has declined because of the expense of maintenance and \
            the arrival of satellite navigation.\n";
        let article = extract_clipping(page);
        assert_eq!(article.title.as_deref(), Some("Lighthouse"));
        assert_eq!(article.source.as_deref(), Some("Wikipedia"));
        assert!(
            article.body.starts_with("A lighthouse is a tower"),
            "{}",
            article.body
        );
    }
}
