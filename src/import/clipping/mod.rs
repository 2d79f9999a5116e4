//! Plain-text clippings: an article copied from a news page with the page's
//! furniture around it (menus, share bars, bylines, "related" lists).
//!
//! No layout is hard-coded. Each unit (paragraph or list item) gets features
//! (length, prose or label, list item, date, breadcrumb, byline, boilerplate
//! vocabulary); the body is the densest run of prose, found as a maximum-sum
//! segment; the header fields are then read from the units around it.
//!
//! The reader runs in stages, a file each, so that each is read and tested
//! on its own:
//! - `vocabulary`: the words and line patterns of furniture, kinds of piece,
//!   publications and comment threads, in every language at once;
//! - `features`: what each unit is on its own (furniture, dateline, byline,
//!   label of the kind of piece), helped by `kinds` and `code`;
//! - `body`: the densest run of prose, and its text, stopped by `comments`
//!   at the head of the readers' comments and carried by `pictures` over
//!   the pictures between its paragraphs;
//! - `headline`: the headline among the lines over the body, weighed by
//!   `headline_cues`;
//! - `dateline`: the publication date and its time;
//! - `header_fields`: authors, section, region, URL, and the names offered
//!   as the source, which `source` weighs;
//! - `finish`: what every extractor does last, the clipping reader's or not.

mod body;
mod code;
mod comments;
mod dateline;
mod features;
mod finish;
mod header_fields;
mod headline;
mod headline_cues;
mod kinds;
mod pictures;
mod source;
mod vocabulary;

pub use features::{is_furniture_line, is_header_line};
pub use finish::finish;
pub(super) use headline::TITLE_SEPARATORS;
pub use kinds::headline_and_kind;

use crate::model::ExtractedArticle;
use features::LineFeatures;
use source::SourceCandidates;

/// Reads a plain-text clipping.
pub fn extract_clipping(text: &str) -> ExtractedArticle {
    finish(read_clipping(text))
}

/// Where the body lies among the units and which unit is the headline: what
/// the stages after those two read the header and the footer by.
#[derive(Clone, Copy)]
struct Layout {
    /// The body's first and last unit; past the last unit when no run of
    /// prose was found.
    body_start: usize,
    body_end: usize,
    title_index: Option<usize>,
}

/// The clipping's own fields, before the enrichment [`finish`] adds; other
/// extractors that reuse the clipping reader finish once, at their end.
pub fn read_clipping(text: &str) -> ExtractedArticle {
    let lines = LineFeatures::read(text);
    let (body_start, body_end) = body::body_span(&lines);
    let mut article = ExtractedArticle::default();
    let mut sources = SourceCandidates::default();
    let title_index = headline::read_headline(&lines, body_start, body_end, &mut article, &mut sources);
    let layout = Layout {
        body_start,
        body_end,
        title_index,
    };

    // Fields the header and footer state: kind labels, breadcrumbs, dates,
    // bylines, source and section lines, a URL.
    let dated_line = dateline::read_published(&lines, layout, &mut article);
    let breadcrumb = header_fields::read_header_fields(&lines, layout, &mut article, &mut sources);
    dateline::read_time_and_source_near(&lines, layout, dated_line, &mut article, &mut sources);
    header_fields::read_section_and_region(breadcrumb, &mut article);
    article.body = body::body_text(&lines, layout);
    article.source = sources.take();
    article
}

/// An article's text, for the stages' tests to set among a page's lines.
#[cfg(test)]
const PROSE: &str = "The council voted on Tuesday to rebuild the harbour wall, a project that has been delayed for more than a decade by arguments over its cost.\n\nResidents said they were relieved, though the price of the works remains a matter of fierce local debate and several councillors abstained.\n\nConstruction is due to begin in the spring, weather permitting, and should take about two years to finish.";
