//! The publication date: which of the page's dated lines is the article's
//! (a masthead prints today's date, a footer an update, a comment its own
//! day), and the time printed near it.

use super::Layout;
use super::features::LineFeatures;
use super::source::SourceCandidates;
use crate::import::dates::{self, FoundDate, is_bare_date};
use crate::import::lines::Unit;
use crate::model::ExtractedArticle;

/// The publication date, from the line [`publication_line`] trusts most.
/// Returns that line: the time and the source are printed around it.
pub(super) fn read_published(
    lines: &LineFeatures,
    layout: Layout,
    article: &mut ExtractedArticle,
) -> Option<usize> {
    let dated_line = publication_line(
        &lines.units,
        &lines.date_lines,
        layout.title_index,
        layout.body_start,
        layout.body_end,
    );
    article.published = dated_line
        .and_then(|i| lines.date_lines[i])
        .map(|found| found.published);
    dated_line
}

/// The time printed near the publication date, and the source among the
/// pieces of the lines around it.
pub(super) fn read_time_and_source_near(
    lines: &LineFeatures,
    layout: Layout,
    dated_line: Option<usize>,
    article: &mut ExtractedArticle,
    sources: &mut SourceCandidates,
) {
    let LineFeatures {
        units,
        furniture,
        date_lines,
        bylines,
        ..
    } = lines;
    // A time printed near the date ("• January 5, 2018 • 1:50 p.m.").
    if let (Some(d), Some(published)) = (dated_line, article.published.as_mut()) {
        for j in d + 1..(d + 3).min(layout.body_start) {
            if published.time.is_none() && date_lines[j].is_none() {
                published.time = dates::find_time(&units[j].text);
            }
        }
        // Pieces of the lines around the date: "• , The Asahi Shimbun , 1:50 p.m."
        for j in d.saturating_sub(2)..(d + 3).min(units.len()) {
            let bonus = if j == d || dates::find_time(&units[j].text).is_some() {
                3
            } else {
                2
            };
            let text = units[j].text.as_str();
            if bylines[j].is_some() || Some(j) == layout.title_index || furniture[j] {
                continue;
            }
            for piece in text.split([',', '|', '•', '·', '/']) {
                let piece = match dates::find_date(piece) {
                    Some(found) => piece[..found.start.min(piece.len())].trim(),
                    None => piece.trim(),
                };
                sources.offer(piece, bonus);
            }
        }
    }
}

/// Whether a dated line is an "updated" stamp rather than the publication's.
fn is_update_stamp(text: &str, found: &FoundDate) -> bool {
    // Only a word before the date makes it the update's: "22:57 28.04.2020
    // (updated 11:14 29.04.2020)" states the publication first.
    let lower = text.get(..found.start).unwrap_or(text).to_lowercase();
    [
        "update",
        "modified",
        "mis à jour",
        "actualizado",
        "aktualisiert",
        "更新",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A date the line itself calls the publication's, however much else the
/// line holds: "By A. Seitz • The Associated Press Posted August 15, 2020
/// 8:53 pm", where a printed page ran the byline and the dateline together.
fn is_labelled_publication(text: &str, found: &FoundDate) -> bool {
    let before = text.get(..found.start).unwrap_or_default().to_lowercase();
    // The label stands right before the date: a few words at most between.
    let near: String = before
        .split_whitespace()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    PUBLICATION_LABELS.iter().any(|label| near.contains(label))
}

/// Words that say "this is when it was published", in the languages
/// Folio reads dates in.
const PUBLICATION_LABELS: [&str; 16] = [
    "posted",
    "published",
    "publié",
    "publicado",
    "publicada",
    "veröffentlicht",
    "pubblicato",
    "gepubliceerd",
    "opublikowano",
    "опубликовано",
    "опубліковано",
    "yayınlanma",
    "δημοσιεύθηκε",
    "نشر",
    "公開",
    "发布",
];

/// The unit holding the publication date, in order of trust:
/// - the first dateline between the headline and the body, which is where
///   pages print it (dates above the headline are often the masthead's
///   "today", not the article's);
/// - otherwise the first date of the header;
/// - otherwise a date on its own line in the body (pages that put it
///   under a photo's caption or the author's box);
/// - otherwise a footer date that is not an "updated" stamp.
fn publication_line(
    units: &[Unit],
    date_lines: &[Option<FoundDate>],
    title_index: Option<usize>,
    body_start: usize,
    body_end: usize,
) -> Option<usize> {
    let dated = |i: &usize| date_lines.get(*i).is_some_and(Option::is_some);
    let below_headline = title_index.and_then(|t| {
        (t + 1..body_start)
            .filter(dated)
            .find(|&i| date_lines[i].is_some_and(|found| !is_update_stamp(&units[i].text, &found)))
    });
    let header = || (0..body_start.min(units.len())).find(dated);
    let footer = || {
        (body_end + 1..units.len())
            .filter(dated)
            .find(|&i| date_lines[i].is_some_and(|found| !is_update_stamp(&units[i].text, &found)))
    };
    // A date on its own line in the body: under a photo and its caption,
    // or after the author's box. A list's dates (links, points) are passed over.
    let in_body = || {
        (body_start..(body_end + 1).min(units.len())).find(|&i| {
            !units[i].bullet
                && Some(i) != title_index
                && date_lines[i].is_some_and(|found| {
                    let text = &units[i].text;
                    (is_bare_date(text, &found) || is_labelled_publication(text, &found))
                        && !is_update_stamp(text, &found)
                })
        })
    };
    below_headline.or_else(header).or_else(in_body).or_else(footer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clipping::{PROSE, read_clipping};
    use crate::import::lines::split_units;

    #[test]
    fn the_dateline_under_the_headline_beats_the_mastheads_today() {
        let text = format!(
            "Monday, (7 Dec 2020)\n\nHome\n\nWorld\n\nCouncil agrees to rebuild the harbour wall after years of delay\n\n14 Oct 2020 09:12\n\n{PROSE}"
        );
        assert_eq!(read_clipping(&text).published.unwrap().date_label(), "2020-10-14");
    }

    #[test]
    fn a_bare_date_opening_the_body_is_the_dateline() {
        let caption = "FILE PHOTO: The harbour wall at low tide, seen from the north pier on a grey morning, with fishing boats moored along it. Photographer/Agency";
        let text =
            format!("Council agrees to rebuild the harbour wall\n\n{caption}\n\nJanuary 18, 2020\n\n{PROSE}");
        let units = split_units(&text);
        let dates: Vec<Option<FoundDate>> = units.iter().map(|u| dates::find_date(&u.text)).collect();
        // Even when the caption starts the body, the date under it is found.
        assert_eq!(
            publication_line(&units, &dates, Some(0), 1, units.len() - 1),
            Some(2)
        );
        assert_eq!(read_clipping(&text).published.unwrap().date_label(), "2020-01-18");
        // A sentence that mentions a date is not a dateline.
        let mention = "On January 18, 2020 the council first discussed the wall at length.";
        let found = dates::find_date(mention).unwrap();
        assert!(!is_bare_date(mention, &found));
    }

    #[test]
    fn a_date_on_its_own_line_under_the_authors_box_dates_the_piece() {
        // Caption, byline, the author's box and a "Follow" row come between
        // the headline and the date, which the body's run has swept up.
        let text = format!(
            "Council agrees to rebuild the harbour wall\n\n\
             Workers inspect the old wall at low tide on a grey morning in the north of the town, \
             where the sea broke through twice last winter (Photo: Jane Doe for the Gazette)\n\n\
             By\n\nEric Yoder\n\nNational reporter covering the coast, its towns and their budgets\n\n\
             EmailBioFollow\n\nJuly 9, 2020 at 6:40 PM EDT\n\n{PROSE}"
        );
        let article = read_clipping(&text);
        let published = article.published.expect("the dateline is found");
        assert_eq!(published.to_iso(), "2020-07-09T18:40:00");
        assert!(!article.body.contains("July 9, 2020"));
    }

    #[test]
    fn a_dateline_that_states_its_update_after_the_publication_is_the_publications() {
        let text = format!(
            "Monday 29 April 2020\n\nCouncil agrees to rebuild the harbour wall\n\n\
             22:57 GMT 28.04.2020 (updated 11:14 GMT 29.04.2020)\n\n{PROSE}"
        );
        let published = read_clipping(&text).published.expect("a date");
        assert_eq!(published.to_iso(), "2020-04-28T22:57:00");
    }

    #[test]
    fn datelines_and_update_stamps_are_told_from_sentences() {
        let bare = |text: &str| is_bare_date(text, &dates::find_date(text).unwrap());
        assert!(bare("July 9, 2020 at 6:40 PM EDT"));
        assert!(bare("11.02.2020, 17:29 Uhr"));
        assert!(!bare("2020年3月5日に市議会は防波堤の再建を決めた。"));
        assert!(!bare("On 5 March 2020 the council decided to rebuild the wall."));
        let labelled = |text: &str| is_labelled_publication(text, &dates::find_date(text).unwrap());
        assert!(labelled(
            "By Ann Lee and Tom Ruiz • The Associated Press Posted August 15, 2020 8:53 pm"
        ));
        assert!(!labelled(
            "By Ann Lee, who covered the floods of March 5, 2019 for the paper"
        ));
        let stamp = |text: &str| is_update_stamp(text, &dates::find_date(text).unwrap());
        assert!(stamp("UPDATE, March 18, 2020:"));
        assert!(!stamp("22:57 GMT 28.04.2020 (updated 11:14 GMT 29.04.2020)"));
    }
}
