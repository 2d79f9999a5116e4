//! Headline cues: how much one line reads as a headline by its own shape,
//! and what the rest of the page says for it (printed more than once, its
//! words taken up by the lead). The headline stage weighs every line of
//! the header by these.

use super::code::BOX_DRAWING;
use super::kinds::split_kind_prefix;
use super::vocabulary::URL;
use crate::import::lines::{Unit, is_cjk, sentence_marks, single_spaced, word_count};
use regex::Regex;
use std::sync::LazyLock;

static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s").unwrap());

/// The words of a share bar that a copy runs into the headline they share
/// ("Share The 21 best movies of 2017").
const SHARE_VERBS: &[&str] = &[
    "share",
    "tweet",
    "email",
    "e-mail",
    "print",
    "pin",
    "partager",
    "compartir",
    "teilen",
];

/// The first cell of a line a text browser laid out in columns or as a
/// table ("Headline          Sidebar link"): cells are parted by a run of
/// spaces, which a double space after a full stop is not. `None` for the
/// row of a table of labels and values ("Founder  Netscape").
pub(super) fn first_cell(text: &str) -> Option<&str> {
    let text = text.trim();
    let gap = text
        .match_indices("  ")
        .find(|(at, _)| !text[..*at].ends_with(['.', '!', '?', ':', ';']));
    match gap {
        Some((at, _)) => {
            let cell = text[..at].trim_end();
            (word_count(cell) >= 2).then_some(cell)
        }
        None => Some(text),
    }
}

/// A headline with a share button's label run into it ("Share The 21 best
/// films of the year"): the headline without it.
pub(super) fn without_share_label(cell: &str) -> Option<&str> {
    let (verb, rest) = cell.split_once(' ')?;
    (SHARE_VERBS.contains(&verb.to_lowercase().as_str())
        && rest.starts_with(char::is_uppercase)
        && word_count(rest) >= 4)
        .then_some(rest)
}

/// Whether `line` reads as a headline over the standfirst `deck`: four to
/// twenty words, opening with a capital, a digit or a quotation mark (or in
/// a script without case; so not with an image's bracketed name), not a run
/// of capitals (a menu), and not a path or a window title that holds the
/// deck itself.
pub(super) fn is_headline_over_deck(line: &str, deck: &str) -> bool {
    let line = line.trim();
    let capitalised = line.starts_with(|c: char| {
        c.is_numeric() || c.is_alphabetic() && !c.is_lowercase() || "\"'“‘«„¿¡".contains(c)
    });
    let all_capitals = line.chars().any(char::is_uppercase) && !line.chars().any(char::is_lowercase);
    (4..=20).contains(&word_count(line))
        && capitalised
        && !all_capitals
        && !normalise_line(line).contains(&normalise_line(deck))
}

/// How likely a unit in the header is to be the headline, read as `text`
/// (its headline part), or `None` when it cannot be one.
pub(super) fn headline_score(unit: &Unit, text: &str, distance_to_body: usize) -> Option<i32> {
    let words = word_count(text);
    // A row of a table drawn with box characters is no headline.
    let table_row = text.contains(BOX_DRAWING);
    if !(1..=30).contains(&words) || URL.is_match(text) || table_row {
        return None;
    }
    let mut score = 10;
    if (5..=20).contains(&words) {
        score += 6;
    } else if words == 1 {
        score -= 10;
    } else if words <= 3 {
        score -= 6;
    }
    // An item of a numbered list ("5. How to …") is a list's, like a bullet.
    if unit.bullet || NUMBERED_ITEM.is_match(text) {
        score -= 8;
    }
    // A page's title joins its parts with a bar ("New York|Headline"); the
    // headline printed on the page does not.
    if text.contains('|') {
        score -= 4;
    }
    if text.ends_with('.') || text.ends_with('。') {
        score -= 6;
    }
    if !text.chars().any(char::is_lowercase) && !text.chars().any(is_cjk) {
        score -= 3;
    }
    if split_kind_prefix(text).is_some() {
        score += 8;
    }
    // Headlines do not end on a function word; "… is sponsored by" is a label.
    let last_word = text.split_whitespace().last().unwrap_or("").to_lowercase();
    if matches!(
        last_word.as_str(),
        "by" | "of" | "the" | "a" | "an" | "to" | "and" | "or" | "in" | "for" | "with" | "on" | "at" | "from"
    ) {
        score -= 8;
    }
    score += 8 - distance_to_body.min(8) as i32;
    Some(score)
}

/// How often each header line is printed, whole or as one part of a line
/// such as "Africa|Headline": a whole-page copy prints its headline more than
/// once, a menu item or a label once.
pub(super) struct HeadlineEchoes {
    counts: std::collections::HashMap<String, usize>,
}

impl HeadlineEchoes {
    pub(super) fn new(header: &[Unit]) -> Self {
        let mut echoes = HeadlineEchoes {
            counts: std::collections::HashMap::new(),
        };
        for unit in header {
            echoes.add(unit);
        }
        echoes
    }

    /// Counts one more line of the header.
    pub(super) fn add(&mut self, unit: &Unit) {
        let whole = normalise_line(first_cell(&unit.text).unwrap_or(&unit.text));
        let mut seen = vec![whole.clone()];
        for part in unit.text.split(['|', '—', '–']).flat_map(|p| p.split(" - ")) {
            let part = normalise_line(part);
            if !seen.contains(&part) {
                seen.push(part);
            }
        }
        for key in seen {
            if !key.is_empty() {
                *self.counts.entry(key).or_insert(0) += 1;
            }
        }
    }

    /// Whether a headline-long line is printed among these, whole or as a part.
    pub(super) fn prints(&self, text: &str) -> bool {
        (4..=30).contains(&word_count(text)) && self.counts.contains_key(&normalise_line(text))
    }

    /// Whether a line that reads as one sentence is a headline printed
    /// among these as well: short, with no sentence inside it.
    pub(super) fn prints_headline(&self, text: &str) -> bool {
        word_count(text) <= 20 && sentence_marks(text) == 0 && self.prints(text)
    }

    pub(super) fn bonus(&self, text: &str) -> i32 {
        // A short label ("Sign In") repeats too, without being a headline.
        if word_count(text) < 4 {
            return 0;
        }
        match self.counts.get(&normalise_line(text)).copied().unwrap_or(0) {
            0 | 1 => 0,
            _ => 7,
        }
    }
}

fn normalise_line(text: &str) -> String {
    single_spaced(text).to_lowercase()
}

/// The content words of the body's first paragraphs, but for unit
/// `except`: a line the body's run swept up is weighed against the lead
/// that follows it, not against its own words.
pub(super) fn lead_words(
    units: &[Unit],
    body_start: usize,
    body_end: usize,
    except: Option<usize>,
) -> std::collections::HashSet<String> {
    (body_start..units.len().min(body_end.saturating_add(1)))
        .take(3)
        .filter(|&i| Some(i) != except)
        .flat_map(|i| content_words(&units[i].text))
        .collect()
}

pub(super) fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Up to +8 for a line whose words the lead paragraphs take up.
pub(super) fn lead_overlap_bonus(text: &str, lead: &std::collections::HashSet<String>) -> i32 {
    let words = content_words(text);
    if words.is_empty() || lead.is_empty() {
        return 0;
    }
    let shared = words.iter().filter(|w| lead.contains(*w)).count();
    (shared * 16 / words.len()).min(8) as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clipping::body::body_weight;
    use crate::import::clipping::{PROSE, extract_clipping, read_clipping};
    use crate::import::lines::split_units;

    #[test]
    fn a_headline_over_a_standfirst_reads_as_one() {
        let deck = "Engineers expect the storm season to start early";
        assert!(is_headline_over_deck(
            "Council orders the harbour wall closed for the winter",
            deck
        ));
        assert!(is_headline_over_deck(
            "«Nous reconstruirons le mur», dit le maire",
            deck
        ));
        for line in [
            "BUDGET 2021 LOCAL ELECTIONS QUARANTINE PROTESTS",
            "[harbour-wall-2020] Council orders the wall closed",
            "coronavirus new york city harbour",
            "Home / News / Engineers expect the storm season to start early",
            "Closed",
        ] {
            assert!(!is_headline_over_deck(line, deck), "{line}");
        }
    }

    #[test]
    fn a_numbered_item_a_barred_page_title_and_a_table_row_yield_to_the_headline() {
        let headline = "Council agrees to rebuild the harbour wall after years of delay";
        let numbered = format!("Guides\n\n 5. {headline}\n\n{headline}\n\n{PROSE}");
        assert_eq!(read_clipping(&numbered).title.as_deref(), Some(headline));
        let barred = format!("Local|{headline}\n\nSupported by\n\n{headline}\n\n{PROSE}");
        assert_eq!(read_clipping(&barred).title.as_deref(), Some(headline));
        let unit = |text: &str| split_units(text).remove(0);
        let row = "harbour │ wall │ cost in millions";
        assert!(headline_score(&unit(row), row, 0).is_none());
        assert!(headline_score(&unit(headline), headline, 0).is_some());
        // A drawn table's row sits in a body like code; a menu drawn with the
        // same bars stays furniture, and a bare rule is no code.
        assert_eq!(body_weight(&unit("period │ status_code │ entries"), false), -5);
        assert_eq!(body_weight(&unit("Home │ World │ Sport"), true), -150);
        assert_ne!(body_weight(&unit("────────────"), false), -5);
    }

    #[test]
    fn a_headline_is_read_without_a_sidebar_column_or_a_share_label() {
        assert_eq!(
            first_cell("Ferry strike strands islanders          Weather links"),
            Some("Ferry strike strands islanders")
        );
        // A table's row of a label and a value is no headline; a double
        // space after a full stop parts no cells.
        assert_eq!(first_cell("Founder  Netscape Communications"), None);
        assert_eq!(
            first_cell("The wall fell.  Then the pier."),
            Some("The wall fell.  Then the pier.")
        );
        let titled = |page: &str| extract_clipping(page).title;
        // The share button's label goes when the headline is printed alone too.
        let shared = format!(
            "The 21 best films of the year\n\nShare Tweet\nShare The 21 best films of the year\n\n{PROSE}"
        );
        assert_eq!(titled(&shared).as_deref(), Some("The 21 best films of the year"));
        // A headline about sharing keeps its words.
        let about_shares = format!("Markets\n\nShare Prices Fall For A Third Week\n\nBy Ann Lee\n\n{PROSE}");
        assert_eq!(
            titled(&about_shares).as_deref(),
            Some("Share Prices Fall For A Third Week")
        );
    }
}
