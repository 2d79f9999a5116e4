//! The headline: of the lines over the body (and the short ones its run
//! swept up), the one that scores best as a headline by its own shape and
//! by what the page says for it: a dateline or byline under it, printed
//! more than once, about what the lead says. Its prefix can name the kind
//! of piece, and a site's name after it the source.

use super::code::{looks_like_code_strictly, names_code};
use super::features::LineFeatures;
use super::header_fields::breadcrumb_segments;
use super::headline_cues::{
    HeadlineEchoes, content_words, first_cell, headline_score, is_headline_over_deck, lead_overlap_bonus,
    lead_words, without_share_label,
};
use super::kinds::split_kind_prefix;
use super::pictures::picture_lines;
use super::source::{SourceCandidates, looks_like_publication};
use super::vocabulary::{COPYRIGHT, FROM_LINE, SECTION_LINE, TEASER_HEAD};
use crate::import::lines::{ends_sentence, is_prose, word_count};
use crate::model::ExtractedArticle;
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Separators between a headline and the site or section printed with it
/// ("World | Headline", "Headline - Site").
pub(in crate::import) const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " — ", " – ", " :: ", " · "];

/// A photo's credit line: "Image: Jane Doe / Agency", "Photo by …".
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:image|photo|photograph|picture|illustration|credit|foto|bild|crédit photo)\s*(?::|by\b|von\b)",
    )
    .unwrap()
});

/// The headline's unit, if there is one. Sets the title and the kind of
/// piece its prefix names, and offers a site's name after it as the source.
pub(super) fn read_headline(
    lines: &LineFeatures,
    body_start: usize,
    body_end: usize,
    article: &mut ExtractedArticle,
    sources: &mut SourceCandidates,
) -> Option<usize> {
    // The headline: the most headline-like unit before the body, or one of
    // the short lines the body's run swept up at its start.
    let (candidates, header) = Candidates::new(lines, body_start, body_end);
    let title_index = candidates
        .best(header)
        .map(|(best_score, best)| candidates.headline_over_standfirst(best_score, best));
    if let Some(i) = title_index {
        let raw = candidates.headline_text(i).unwrap_or(lines.units[i].text.trim());
        set_title(raw, article, sources);
        // A piece the editorial board signs is an editorial, under whatever
        // section's label ("Opinion") the page prints over it.
        let board_signs = (i + 1..body_start.min(lines.units.len()))
            .any(|j| lines.bylines[j].is_some() && lines.kind_labels[j] == Some("editorial"));
        if board_signs && article.kind.is_none() {
            article.kind = Some("editorial".to_string());
        }
    }
    title_index
}

/// The title from the headline's text: a prefix names the kind of piece
/// ("Opinion: …"), a site's name after a bar is offered as the source.
fn set_title(raw: &str, article: &mut ExtractedArticle, sources: &mut SourceCandidates) {
    let headline = match split_kind_prefix(raw) {
        Some((kind, headline)) => {
            article.kind = Some(kind.to_string());
            headline
        }
        None => raw.to_string(),
    };
    article.title = Some(strip_site_suffix(&headline, sources));
}

/// What every line of the header is weighed by, gathered once for all.
struct Candidates<'a> {
    lines: &'a LineFeatures,
    body_start: usize,
    body_end: usize,
    echoes: HeadlineEchoes,
    lead: HashSet<String>,
    /// The first line is the kicker or section over a headline.
    kicker_first: bool,
    /// A picture's lines (its name, credit and caption): never the headline.
    pictures: Vec<bool>,
    /// The first head of a list of other stories over the body, if any.
    teaser_head: Option<usize>,
}

impl<'a> Candidates<'a> {
    /// The cues, and the header the headline is sought in: the units over
    /// the body and the short lines its run swept up at its start.
    fn new(lines: &'a LineFeatures, body_start: usize, body_end: usize) -> (Self, Range<usize>) {
        let units = &lines.units;
        // A headline that ends on an abbreviation ("… Underneath N.Y.C.") reads
        // as a sentence; printed above as well (in the window title), it is
        // still the headline.
        let mut echoes = HeadlineEchoes::new(&units[..body_start.min(units.len())]);
        let swept_up = (body_start..(body_start + 3).min(body_end + 1).min(units.len()))
            .take_while(|&i| !is_prose(&units[i].text) || echoes.prints_headline(&units[i].text))
            .last()
            .map_or(body_start, |i| i + 1);
        let header = 0..swept_up.min(units.len());
        // The lines swept up count among the header's echoes too.
        for unit in units.get(body_start..header.end).unwrap_or(&[]) {
            echoes.add(unit);
        }
        let lead = lead_words(units, body_start, body_end, None);
        // A first line right over a headline-like line is that headline's
        // kicker or section ("Power cuts", then the headline).
        // (A dateline can sit between the two.)
        let next_after_first = (1..units.len().min(3)).find(|&j| lines.date_lines[j].is_none());
        let kicker_first = next_after_first.is_some_and(|j| {
            let next = &units[j].text;
            (5..=20).contains(&word_count(next))
                && !ends_sentence(next)
                && !lines.furniture[j]
                && lines.bylines[j].is_none()
                && !FROM_LINE.is_match(next)
        });
        let candidates = Candidates {
            lines,
            body_start,
            body_end,
            echoes,
            lead,
            kicker_first,
            pictures: picture_lines(units),
            teaser_head: (0..body_start.min(units.len())).find(|&i| {
                !units[i].bullet
                    && word_count(&units[i].text) <= 6
                    && TEASER_HEAD.is_match(units[i].text.trim())
            }),
        };
        (candidates, header)
    }

    /// The text of a unit as a headline: its first cell, without a share
    /// label when the headline it runs into is printed on its own as well
    /// ("Share Prices Fall" keeps its first word).
    fn headline_text(&self, i: usize) -> Option<&'a str> {
        let cell = first_cell(&self.lines.units[i].text)?;
        Some(match without_share_label(cell) {
            Some(rest) if self.echoes.prints(rest) => rest,
            _ => cell,
        })
    }

    /// How likely unit `i` is to be the headline, or `None` when it cannot
    /// be one. A headline is soon followed by its dateline or byline (within
    /// five lines: the author's name, a "Follow" button and a reading time
    /// can come between), is printed more than once on a whole page (the
    /// window title, the heading, the share text), and is about what the
    /// first paragraphs say.
    fn score(&self, i: usize) -> Option<i32> {
        let (lines, body_start) = (self.lines, self.body_start);
        let units = &lines.units;
        let dates_or_signs = |j: usize| lines.date_lines[j].is_some() || lines.bylines[j].is_some();
        // Under its headline as a rule; over it on some sites.
        // (A date past the start of the text is a comment's or a teaser's.)
        let dated_below = (i + 1..(i + 6).min(units.len()).min(body_start + 1)).any(dates_or_signs);
        let dated_above = (i.saturating_sub(2)..i).any(dates_or_signs);
        // A photo's caption sits on its credit line, and is often printed
        // twice (the image's text and the caption under it).
        let captioned = (i + 1..(i + 3).min(units.len())).any(|j| PHOTO_CREDIT.is_match(&units[j].text));
        let text = self.headline_text(i)?;
        // A line of the lead itself (one the body's run swept up) takes up
        // its own words; only the rest of the lead speaks for it. When the
        // body opens on a list, its items share words with each other, not
        // with a lead they would head.
        let overlap = if (body_start..body_start + 3).contains(&i) {
            if units[i].bullet {
                0
            } else {
                lead_overlap_bonus(text, &lead_words(units, body_start, self.body_end, Some(i)))
            }
        } else {
            lead_overlap_bonus(text, &self.lead)
        };
        // The first line of a clipping copied from its heading down is that
        // heading: the lead takes up every word of it. A site's name there
        // is not taken up, or is a publication's.
        let names_the_lead = {
            let words = content_words(text);
            !words.is_empty() && words.iter().all(|w| self.lead.contains(w))
        };
        let first_line = if i == 0
            && names_the_lead
            && !self.kicker_first
            && !looks_like_publication(text)
            && !text.contains('|')
        {
            16
        } else {
            0
        };
        let bonus = if dated_below {
            7
        } else if dated_above {
            2
        } else {
            0
        } + self.echoes.bonus(text)
            + overlap
            + first_line
            - if captioned { 12 } else { 0 }
            - if self.under_teaser_head(i, text) { 12 } else { 0 };
        headline_score(&units[i], text, body_start.saturating_sub(i)).map(|s| s + bonus)
    }

    /// Whether unit `i` stands in a list of other stories: under its head
    /// ("You may also like"), and not printed over that head as well (the
    /// window title that names the article).
    fn under_teaser_head(&self, i: usize, text: &str) -> bool {
        let Some(head) = self.teaser_head.filter(|&h| h < i) else {
            return false;
        };
        let units = &self.lines.units;
        !units[..head]
            .iter()
            .any(|u| u.text.split('|').any(|part| part.trim() == text))
    }

    fn can_be_headline(&self, i: usize) -> bool {
        let units = &self.lines.units;
        !self.lines.is_furniture_or_mark(i)
            && !self.pictures[i]
            && SECTION_LINE.captures(&units[i].text).is_none()
            && !FROM_LINE.is_match(&units[i].text)
            && !looks_like_code_strictly(&units[i].text)
            && !names_code(&units[i].text)
            && COPYRIGHT.captures(&units[i].text).is_none()
            && !units[i].text.contains('©')
            && (breadcrumb_segments(&units[i].text).is_none() || split_kind_prefix(&units[i].text).is_some())
    }

    /// The best-scored line of the header, with its score; the first of
    /// two that score alike.
    fn best(&self, header: Range<usize>) -> Option<(i32, usize)> {
        header
            .filter(|&i| self.can_be_headline(i))
            .filter_map(|i| self.score(i).map(|s| (s, i)))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
    }

    /// The headline, given the best candidate. A standfirst (dek) sits right
    /// under its headline. The lead's words and the distance to the body
    /// favour it, so a headline just above the best candidate and of about
    /// the same quality is the headline.
    fn headline_over_standfirst(&self, best_score: i32, best: usize) -> usize {
        let units = &self.lines.units;
        let Some(previous) = best
            .checked_sub(1)
            .filter(|&p| self.can_be_headline(p) && breadcrumb_segments(&units[p].text).is_none())
        else {
            return best;
        };
        let (best_words, previous_words) = (word_count(&units[best].text), word_count(&units[previous].text));
        // A standfirst written as a sentence yields to a shorter line only.
        let reads_as_standfirst =
            (ends_sentence(&units[best].text) || best_words >= 20) && previous_words <= best_words;
        let margin = if reads_as_standfirst {
            Some(3)
        } else if best_words >= 6 && is_headline_over_deck(&units[previous].text, &units[best].text) {
            Some(7)
        } else {
            None
        };
        match (margin, self.score(previous)) {
            (Some(margin), Some(score)) if score + margin >= best_score => previous,
            _ => best,
        }
    }
}

/// Strips " | Site Name" or " - Site Name" from a headline, offering the
/// site name as a source.
fn strip_site_suffix(title: &str, sources: &mut SourceCandidates) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if word_count(head) >= 3 && word_count(tail) <= 5 && looks_like_publication(tail) {
                sources.offer(tail, 4);
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use crate::import::clipping::{PROSE, extract_clipping, read_clipping};

    #[test]
    fn a_headline_five_lines_above_its_date_beats_the_subtitle_under_it() {
        let text = format!(
            "Sign in\n\nCouncil agrees to rebuild the harbour wall\n\nJane Doe\n\nJane Doe\n\nFollow\n\n\
             Oct 15, 2015 · 18 min read\n\nWhy a town of fishers chose to pay for its own defences\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
        );
    }

    #[test]
    fn a_headline_over_its_standfirst_is_the_title_and_a_section_over_them_is_not() {
        // The standfirst repeats the lead's words and sits nearer the body;
        // it has no full stop, as on many sites.
        let lead = "Harbour engineers expect the storm season to start early, with the first \
                    gales due next week across the whole coast.";
        let text = format!(
            "Council orders the harbour wall closed for the winter\n\n\
             Engineers expect the storm season to start early\n\n{lead}\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council orders the harbour wall closed for the winter")
        );
        // The section's name opens the copy, with the dateline between it
        // and the headline: the lead takes up its words, but it is a kicker.
        let text = format!(
            "Harbour engineers\n\n/ Tuesday 17 March 2020\n\n\
             Council orders the harbour wall closed for the winter\n\n{lead}\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council orders the harbour wall closed for the winter")
        );
    }

    #[test]
    fn a_photo_caption_printed_twice_is_not_the_headline() {
        let caption = "The harbour wall at low tide, seen from the north pier on a grey morning";
        let text = format!(
            "Menu\n\nCouncil agrees to rebuild the harbour wall\n\nBy Jane Doe\n\nOct 15, 2015\n\n\
             {caption}\n\nImage: John Roe / The Gazette\n\n{caption}\n\nImage: John Roe / The Gazette\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
        );
    }

    /// A whole page copied: menus, a headline printed in the window title
    /// and again above the text, a list of other stories, a copyright line.
    #[test]
    fn the_headline_of_a_whole_page_copy_is_the_one_printed_twice_and_taken_up_by_the_lead() {
        let page = "Harbour Gazette\n\n\
            • News\n• Sport\n• Weather\n\n\
            World|Ferry strike strands thousands on the northern islands\n\n\
            harbourgazette.example © 2001-2024 The Harbour Gazette\n\n\
            Most read\n\n\
            • Council approves a new bridge over the estuary after years of debate\n\
            • Local bakery wins a national prize for its rye loaf this autumn\n\n\
            Ferry strike strands thousands on the northern islands\n\n\
            Share on Facebook\n\n\
            A strike by ferry crews left thousands of travellers stranded on the northern \
            islands on Monday, as talks between the unions and the operator broke down.\n\n\
            The islands depend on the ferry for food and fuel, and the council said it would \
            ask the government to step in if the strike lasted beyond the week.\n\n\
            Union leaders said the crews had not had a pay rise in six years, while the operator \
            said it could not afford the increase without raising fares for islanders.\n";
        let article = extract_clipping(page);
        assert_eq!(
            article.title.as_deref(),
            Some("Ferry strike strands thousands on the northern islands")
        );
        assert!(
            article.body.starts_with("A strike by ferry crews"),
            "{}",
            article.body
        );
    }

    /// The headline, then a list of other stories before the article's
    /// byline: each teaser printed twice with its writer and time, as a
    /// headline is.
    #[test]
    fn headlines_under_a_you_may_also_like_head_are_other_stories() {
        let page = format!(
            "Gazette Home\n\nNews, Sport and Weather from the Coast.\n\n\
             Council agrees to rebuild the harbour wall after years of delay\n\n\
             You may also like\n\n\
             Ferry crews walk out again on the northern islands\n\nThe Islander\n\n\
             Ferry crews walk out again on the northern islands\n\nTom Roe\n\nAn hour ago\n\n\
             Town hall to open its doors on Sundays from next month\n\n\
             Town hall to open its doors on Sundays from next month\n\nAnn Lee\n\nToday 7:30AM\n\n\
             Subscribe To Our Newsletter\n\nJane Doe\n\n{PROSE}"
        );
        assert_eq!(
            extract_clipping(&page).title.as_deref(),
            Some("Council agrees to rebuild the harbour wall after years of delay")
        );
        // A headline that opens on such a word heads nothing.
        use super::TEASER_HEAD;
        assert!(TEASER_HEAD.is_match("Popular deals on the Gazette"));
        assert!(!TEASER_HEAD.is_match("Popular uprising topples the government"));
    }

    #[test]
    fn a_site_name_on_the_first_line_is_not_the_headline() {
        let page = "Harbour Council Blog\n\n\
            12 March 2024\n\n\
            Harbour council agrees the budget for the new sea wall\n\n\
            The harbour council agreed on Tuesday to pay for the new sea wall from its reserves, \
            after a long debate about the cost of the works.\n\n\
            The council said the harbour could not wait another winter for the repairs to begin.\n";
        let article = extract_clipping(page);
        assert_eq!(
            article.title.as_deref(),
            Some("Harbour council agrees the budget for the new sea wall")
        );
    }

    #[test]
    fn a_section_named_on_the_first_line_is_not_the_headline() {
        let page = "Power cuts\n\nKyiv braces for a winter of power cuts across Ukraine\n\nBy Ann Lee\n\nMarch 3, 2024\n\n\
            Ukraine's capital is preparing for long power cuts this winter, after strikes on power stations \
            left much of Kyiv without electricity for days at a time.\n\n\
            The city has opened heated shelters in schools, and engineers are repairing the lines as fast as \
            the parts arrive from abroad, officials in Ukraine said on Monday.\n";
        assert_eq!(
            extract_clipping(page).title.as_deref(),
            Some("Kyiv braces for a winter of power cuts across Ukraine")
        );
    }

    #[test]
    fn a_headline_ending_on_initials_and_printed_above_is_no_paragraph() {
        let headline = "How winter wreaks havoc on the pipes and cables under the streets of N.Y.C.";
        let page = format!("Sections\n\nNew York|{headline}\n\nSupported by\n\n{headline}\n\n{PROSE}");
        let article = extract_clipping(&page);
        assert_eq!(article.title.as_deref(), Some(headline));
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
    }

    /// A short post: the first comment's date sits a few lines under the
    /// post's first heading, and says nothing about it.
    #[test]
    fn a_comments_date_does_not_date_a_heading_above_it() {
        let page = "Sign in\n\nWhy the harbour wall still matters\n\nAnn Lee\nFollow\nOct 15, 2015 · 8 min read\n\n\
            What the council has not said about the wall\n\n\
            The council voted on Tuesday to rebuild the harbour wall, a project that has been delayed for more \
            than a decade by arguments over its cost.\n\n\
            Residents said they were relieved, though the price of the works remains a matter of fierce local \
            debate and several councillors abstained.\n\n\
            3 thoughts on “Why the harbour wall still matters”\n\n\
            Tom Hardy · March 10, 2024 at 12:20 AM\n\n\
            I have lived by the harbour for forty years and I can tell you that the wall has been crumbling since \
            the storm of 1987.\n";
        assert_eq!(
            extract_clipping(page).title.as_deref(),
            Some("Why the harbour wall still matters")
        );
    }

    /// A blog post: the headline over the author and the date, then the
    /// post's first heading just above the text.
    #[test]
    fn the_headline_is_over_its_date_and_the_heading_under_the_date_is_not() {
        let page = format!(
            "Sign in\n\nWhy the harbour wall still matters\n\nAnn Lee\nFollow\nOct 15, 2015 · 8 min read\n\n\
             What the council has not said about the wall\n\n{PROSE}"
        );
        assert_eq!(
            extract_clipping(&page).title.as_deref(),
            Some("Why the harbour wall still matters")
        );
    }
}
