//! Line features: what each unit of a clipping is on its own, before any
//! unit is weighed against the others. Furniture, a dateline, a byline and
//! a label of the kind of piece mark the page's header and footer and are
//! kept out of the body; the later stages read these marks instead of
//! testing a line again.

use super::kinds::kind_of_label;
use super::vocabulary::{
    BYLINE, COMMENT_COUNT, COPYRIGHT_MARKS, EDITORIAL_BYLINE, FURNITURE_PREFIXES, FURNITURE_WORDS,
    READ_ALSO_PREFIXES,
};
use crate::import::dates::{self, FoundDate};
use crate::import::lines::{Unit, split_units, word_count};

/// The units of a clipping with the marks of each, read once for every stage.
pub(super) struct LineFeatures {
    pub(super) units: Vec<Unit>,
    pub(super) furniture: Vec<bool>,
    /// A label of the kind of piece, on a line too short to say more.
    pub(super) kind_labels: Vec<Option<&'static str>>,
    /// The date of a line short enough to be a dateline: a sentence that
    /// mentions a date is no dateline.
    pub(super) date_lines: Vec<Option<FoundDate>>,
    pub(super) bylines: Vec<Option<Vec<String>>>,
}

impl LineFeatures {
    pub(super) fn read(text: &str) -> Self {
        let units = split_units(text);
        let furniture: Vec<bool> = units.iter().map(is_furniture).collect();
        let kind_labels: Vec<Option<&'static str>> = units
            .iter()
            .map(|u| {
                if EDITORIAL_BYLINE.is_match(u.text.trim()) {
                    Some("editorial")
                } else if word_count(&u.text) <= 3 {
                    kind_of_label(&u.text)
                } else {
                    None
                }
            })
            .collect();
        let date_lines: Vec<Option<FoundDate>> = units
            .iter()
            .map(|u| {
                if word_count(&u.text) <= 14 {
                    dates::find_date(&u.text)
                } else {
                    None
                }
            })
            .collect();
        let bylines: Vec<Option<Vec<String>>> = units.iter().map(|u| byline_names(&u.text)).collect();
        LineFeatures {
            units,
            furniture,
            kind_labels,
            date_lines,
            bylines,
        }
    }

    /// Whether unit `i` is furniture or one of the header's marks (a label
    /// of the kind of piece, a dateline, a byline): the page's, not the
    /// article's text, so neither its body nor its headline.
    pub(super) fn is_furniture_or_mark(&self, i: usize) -> bool {
        self.furniture[i]
            || self.kind_labels[i].is_some()
            || self.date_lines[i].is_some()
            || self.bylines[i].is_some()
    }
}

pub(super) fn is_read_also(text: &str) -> bool {
    starts_like_read_also(&text.trim_start().to_lowercase())
}

fn starts_like_read_also(lower: &str) -> bool {
    READ_ALSO_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// A line of a page's header that an extractor may sweep into the text: a
/// dateline, a byline, a share bar.
pub fn is_header_line(text: &str) -> bool {
    is_furniture_line(text)
        || word_count(text) <= 14 && (dates::find_date(text).is_some() || byline_names(text).is_some())
}

/// A line of the page's furniture: "Advertisement", "Share on Facebook",
/// "Read more: …".
pub fn is_furniture_line(text: &str) -> bool {
    is_furniture(&Unit {
        text: text.to_string(),
        bullet: false,
    })
}

fn is_furniture(unit: &Unit) -> bool {
    let lower = unglue(&unit.text).to_lowercase();
    if FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || starts_like_read_also(&lower)
        || COMMENT_COUNT.is_match(&lower)
    {
        return true;
    }
    // A copyright notice, wherever its mark stands; an article's paragraph
    // that mentions one is longer.
    if word_count(&lower) <= 40 && COPYRIGHT_MARKS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // "Skip to content", "Jump to navigation": a page's links to itself. A
    // sentence ("Jump to 2015, and …") is no link.
    if (lower.starts_with("skip to") || lower.starts_with("jump to")) && word_count(&lower) <= 8 {
        return true;
    }
    // "This is a BETA experience. You may opt-out by clicking here." (A
    // headline or a quotation with "click here" inside it is no link.)
    let ends_on = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    if (ends_on.ends_with("click here") || ends_on.ends_with("clicking here")) && word_count(&lower) <= 15 {
        return true;
    }
    // Seven tokens are enough to tell a line of more than six.
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .take(7)
        .collect();
    !tokens.is_empty()
        && tokens.len() <= 6
        && tokens.iter().all(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '|');
            t.is_empty() || FURNITURE_WORDS.contains(&t) || t.chars().all(|c| c.is_ascii_digit())
        })
}

/// Link texts a copy glued together ("Skip to contentSkip to site index")
/// pulled apart where a lower-case letter runs into a capital.
fn unglue(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous_lower = false;
    for c in text.chars() {
        if previous_lower && c.is_uppercase() {
            out.push(' ');
        }
        previous_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

fn byline_names(text: &str) -> Option<Vec<String>> {
    if word_count(text) > 14 {
        return None;
    }
    if EDITORIAL_BYLINE.is_match(text.trim()) {
        let board = text.trim();
        let board = BYLINE
            .captures(board)
            .and_then(|c| c.get(1))
            .map_or(board, |m| m.as_str());
        return Some(vec![board.to_string()]);
    }
    let caps = BYLINE.captures(text.trim())?;
    let mut rest = caps.get(1)?.as_str();
    // A byline often continues with a role, a place or a date.
    for stop in [" | ", " - ", " – ", " — ", ";", " in ", " for ", "  "] {
        if let Some(i) = rest.find(stop) {
            rest = &rest[..i];
        }
    }
    if let Some(found) = dates::find_date(rest) {
        rest = &rest[..found.start];
    }
    let mut names = Vec::new();
    for part in rest.split([',', '&']).flat_map(|p| {
        p.split(" and ")
            .flat_map(|q| q.split(" et "))
            .flat_map(|q| q.split(" y "))
            .flat_map(|q| q.split(" und "))
    }) {
        let name = part.trim().trim_end_matches('.').trim();
        let looks_like_name = !name.is_empty()
            && word_count(name) <= 5
            && name
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if looks_like_name {
            names.push(name.to_string());
        }
    }
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            byline_names("By Jane Smith and Tom Ito"),
            Some(vec!["Jane Smith".into(), "Tom Ito".into()])
        );
        assert_eq!(
            byline_names("Par Claire Dubois | 12 juin 2018"),
            Some(vec!["Claire Dubois".into()])
        );
        assert_eq!(byline_names("by the way this is a sentence about things."), None);
    }

    #[test]
    fn furniture() {
        for line in [
            "print PRINT",
            "Share on Facebook",
            "Read more: other story",
            "Advertisement",
            "Sign in",
            "Skip to contentSkip to site index",
            "12 comments on “A week in the harbour town”",
            "Continue reading the main story",
            "Související",
            "Condividi Stampa",
            "Поделиться",
        ] {
            assert!(
                is_furniture(&Unit {
                    text: line.into(),
                    bullet: false
                }),
                "{line}"
            );
        }
        assert!(!is_furniture(&Unit {
            text: "English Press".into(),
            bullet: true
        }));
        assert!(!is_furniture_line("La Stampa"));
    }
}
