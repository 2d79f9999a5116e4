//! Domain types shared by import, library, CLI and GUI. No I/O here, and
//! nothing of the crate above it: every other module may use this one.

pub mod library_export;
pub mod region_basis;
pub mod regions;
pub mod script;
pub mod site_rules;
pub mod stories;
pub use stories::{StoryMember, StorySummary, StoryThread};

pub mod choice;
pub use choice::{Chip, DateChoice, Facet, FacetChoice};
pub mod languages;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// How much of a publication date the source actually told us.
///
/// A page that says "March 2018" must not be stored as 1 March: browsing by
/// day would then invent a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "day" => Some(DatePrecision::Day),
            "month" => Some(DatePrecision::Month),
            "year" => Some(DatePrecision::Year),
            _ => None,
        }
    }
}

/// A publication date with its precision and, when known, the local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The first day of the period when the precision is month or year.
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub time: Option<NaiveTime>,
}

impl Published {
    pub fn day(date: NaiveDate) -> Self {
        Published {
            date,
            precision: DatePrecision::Day,
            time: None,
        }
    }

    /// ISO 8601 at the precision we know: `2018`, `2018-01`, `2018-01-05`
    /// or `2018-01-05T13:50:00`.
    pub fn to_iso(&self) -> String {
        match self.precision {
            DatePrecision::Year => format!("{:04}", self.date.year()),
            DatePrecision::Month => format!("{:04}-{:02}", self.date.year(), self.date.month()),
            DatePrecision::Day => match self.time {
                Some(t) => format!("{}T{}", self.date.format("%Y-%m-%d"), t.format("%H:%M:%S")),
                None => self.date.format("%Y-%m-%d").to_string(),
            },
        }
    }

    /// The date at its precision, without the time: what lists show.
    pub fn date_label(&self) -> String {
        let iso = self.to_iso();
        iso.split('T').next().unwrap_or(&iso).to_string()
    }

    /// Parses what [`Published::to_iso`] writes (and `YYYY-MM-DD HH:MM`).
    pub fn from_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let (date_part, time_part) = match s.find(['T', ' ']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let pieces: Vec<&str> = date_part.split('-').collect();
        let year: i32 = pieces.first()?.parse().ok()?;
        let (date, precision) = match pieces.len() {
            1 => (NaiveDate::from_ymd_opt(year, 1, 1)?, DatePrecision::Year),
            2 => (
                NaiveDate::from_ymd_opt(year, pieces[1].parse().ok()?, 1)?,
                DatePrecision::Month,
            ),
            3 => (
                NaiveDate::from_ymd_opt(year, pieces[1].parse().ok()?, pieces[2].parse().ok()?)?,
                DatePrecision::Day,
            ),
            _ => return None,
        };
        let time = match time_part {
            Some(t) if precision == DatePrecision::Day => {
                // `HH:MM:SS`, whatever follows (a zone, fractions, or junk).
                let t: String = t.chars().take(8).collect();
                let t = t.as_str();
                Some(
                    NaiveTime::parse_from_str(t, "%H:%M:%S")
                        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
                        .ok()?,
                )
            }
            _ => None,
        };
        Some(Published {
            date,
            precision,
            time,
        })
    }
}

/// What the extractors make of one file, before it is stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractedArticle {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    pub source: Option<String>,
    pub section: Option<String>,
    /// World Bank region, e.g. "East Asia & Pacific".
    pub region: Option<String>,
    /// Where the region came from, for the reader to show.
    pub region_basis: Option<region_basis::RegionBasis>,
    /// Countries the article concerns, most mentioned first.
    pub countries: Vec<String>,
    /// editorial, opinion, news, analysis, review, interview, letter.
    pub kind: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    pub url: Option<String>,
    /// Paragraphs separated by a blank line.
    pub body: String,
    /// Tags the file itself carries (Markdown front matter, other tools' exports).
    pub tags: Vec<String>,
}

impl ExtractedArticle {
    /// The `folio extract --json` contract: every field present, unknown ones null.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "title": self.title,
            "authors": self.authors,
            "published": self.published.map(|p| p.to_iso()),
            "source": self.source,
            "section": self.section,
            "region": self.region,
            "region_basis": self.region_basis.as_ref().map(|b| b.describe()),
            "countries": self.countries,
            "kind": self.kind,
            "language": self.language,
            "url": self.url,
            "body": self.body,
            "tags": self.tags,
        })
    }
}

/// One article as a reader found it: what the file or the other tool's
/// export says of it, with what came along. Every reader gives this (the
/// clipping, page and Markdown readers through `import::read_article`, the
/// readers of other tools' exports through `import::tools`), and the
/// ingest stores it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoundArticle {
    /// The fields, tags included.
    pub meta: ExtractedArticle,
    /// What the tool it was kept in before said of it (saved date, read
    /// state, only a link); empty for a file.
    pub provenance: Provenance,
    /// Passages the user marked in that tool, found in the text when the
    /// article is stored.
    pub marked: Vec<MarkedPassage>,
    /// What the user gave, kept beside the article.
    pub original: OriginalFile,
    /// The user's note on it in that tool, kept as the article's note.
    pub note: Option<String>,
    /// The topics the user filed it under ("parent › child"), when the
    /// file says (Folio's own Markdown vault).
    pub topics: Vec<String>,
}

/// A passage marked in another tool, with the comment on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkedPassage {
    pub quote: String,
    pub comment: Option<String>,
    /// When it was marked there (RFC 3339), when the tool says.
    pub created_at: Option<String>,
    /// Its colour, when the file says (Folio's own vault); yellow else.
    pub color: Option<HighlightColor>,
}

/// A file as the user gave it (the saved page, or a link's record),
/// uncompressed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OriginalFile {
    pub file_name: Option<String>,
    /// `text`, `html`, `markdown`, `mhtml`, `link`.
    pub format: String,
    pub bytes: Vec<u8>,
}

/// An article as the library holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: i64,
    pub meta: ExtractedArticle,
    /// The name of the file it came from, for the user's reference.
    pub original_name: Option<String>,
    pub imported_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub tags: Vec<String>,
    pub note: Option<String>,
    /// The topics it is filed under.
    pub topics: Vec<ArticleTopic>,
    /// In reading order; detached ones last.
    pub highlights: Vec<Highlight>,
    pub provenance: Provenance,
}

/// A topic an article is filed under, with its path ("politics › diplomacy").
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleTopic {
    pub id: i64,
    pub path: String,
}

impl Provenance {
    /// What the reader and `folio show` say of it: "Only the link was
    /// saved · saved 2018-04-26 · archived"; empty for a clipping.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.link_only && self.citation.is_some() {
            // A citation manager's reference: it may have no link at all.
            parts.push("A reference: no text came with it".into());
        } else if self.link_only {
            parts.push("Only the link was saved: no text came with it".into());
        }
        if let Some(saved) = &self.saved_at {
            parts.push(format!("saved {}", saved.get(..10).unwrap_or(saved)));
        }
        if let Some(state) = &self.read_state {
            parts.push(state.clone());
        }

        parts.join("  ·  ")
    }
}

/// What an article brought from the tool it was kept in before Folio.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// When it was saved there (RFC 3339, UTC).
    pub saved_at: Option<String>,
    /// `unread` or `archived`.
    pub read_state: Option<String>,
    /// Only the link came: there is no text.
    pub link_only: bool,
    /// Where the publication is, as a citation manager had it.
    pub publisher_place: Option<String>,
    /// Marked as a favourite (starred), here or in the tool it came from.
    pub starred: bool,
    /// What a citation manager said of the item that Folio has no field
    /// for (its CSL type, DOI, abstract, accessed date, ISBN, …): a JSON
    /// object of CSL-JSON fields, given back as they came on export.
    pub citation: Option<String>,
}

/// The colours a highlight can have (and the colours Folio offers tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HighlightColor {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
    Purple,
}

impl HighlightColor {
    /// Every colour, in the order menus offer them.
    pub const ALL: [HighlightColor; 5] = [
        HighlightColor::Yellow,
        HighlightColor::Green,
        HighlightColor::Blue,
        HighlightColor::Pink,
        HighlightColor::Purple,
    ];

    /// Its name, as the library stores it and menus show it.
    pub fn as_str(self) -> &'static str {
        match self {
            HighlightColor::Yellow => "yellow",
            HighlightColor::Green => "green",
            HighlightColor::Blue => "blue",
            HighlightColor::Pink => "pink",
            HighlightColor::Purple => "purple",
        }
    }

    /// The colour a name stands for (case and spaces aside).
    pub fn parse(name: &str) -> Option<HighlightColor> {
        let name = name.trim();
        HighlightColor::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(name))
    }

    /// Every colour's name, for messages.
    pub fn names() -> String {
        HighlightColor::ALL.map(HighlightColor::as_str).join(", ")
    }
}

impl std::fmt::Display for HighlightColor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for HighlightColor {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        HighlightColor::parse(name).ok_or_else(|| {
            format!(
                "“{name}” is not a highlight colour; use one of {}",
                HighlightColor::names()
            )
        })
    }
}

/// A highlighted passage of an article, with an optional comment. Offsets
/// count characters of the body (found again after an edit by `annotate::anchor`).
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub id: i64,
    pub article_id: i64,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub color: HighlightColor,
    pub comment: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Its passage was not found after the text changed: the quote is kept,
    /// the offsets are those it last had.
    pub detached: bool,
}

impl Article {
    pub fn title_or_untitled(&self) -> &str {
        self.meta.title.as_deref().unwrap_or("(untitled)")
    }
}

/// One row of a list: what a table or `folio list` shows, without the body.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: Option<String>,
    pub published: Option<Published>,
    pub source: Option<String>,
    pub region: Option<String>,
    pub tags: Vec<String>,
    pub deleted_at: Option<String>,
    pub starred: bool,
}

/// Details set on many articles at once; `None` keeps each article's own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DetailChanges {
    pub published: Option<Published>,
    pub source: Option<String>,
    pub region: Option<String>,
    pub kind: Option<String>,
    /// A topic (name or "parent › name") to file every article under.
    pub topic: Option<String>,
}

impl DetailChanges {
    /// One article's details with these changes made.
    pub fn apply(&self, current: &ExtractedArticle) -> ExtractedArticle {
        ExtractedArticle {
            published: self.published.or(current.published),
            source: self.source.clone().or_else(|| current.source.clone()),
            region: self.region.clone().or_else(|| current.region.clone()),
            region_basis: match &self.region {
                Some(region) if current.region.as_ref() != Some(region) => {
                    Some(region_basis::RegionBasis::Edited)
                }
                _ => current.region_basis.clone(),
            },
            kind: self.kind.clone().or_else(|| current.kind.clone()),
            ..current.clone()
        }
    }
}

/// What a list is ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    Published,
    Title,
    Source,
    Region,
    Imported,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Published,
        SortKey::Title,
        SortKey::Source,
        SortKey::Region,
        SortKey::Imported,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    /// Newest first: what a reader of the news expects.
    fn default() -> Self {
        Sort {
            key: SortKey::Published,
            descending: true,
        }
    }
}

/// One full-text hit.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub summary: ArticleSummary,
    /// Text around the match, with the matched words between `[` and `]`.
    pub snippet: String,
    /// Where the snippet comes from.
    pub found_in: FoundIn,
}

/// Where in an article a search matched, as far as the snippet shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FoundIn {
    /// The title or the text (or a field: the snippet is the opening).
    #[default]
    Text,
    /// The user's note.
    Note,
    /// The comment on a highlight.
    HighlightComment,
}

impl FoundIn {
    /// How the command line and the list introduce the snippet.
    pub fn label(self) -> Option<&'static str> {
        match self {
            FoundIn::Text => None,
            FoundIn::Note => Some("in your note"),
            FoundIn::HighlightComment => Some("in a highlight comment"),
        }
    }
}

/// Files larger than this are not articles; refusing them keeps a stray disk
/// image from exhausting memory. (An original kept in the library is never
/// larger either, so reading one back is bounded by it too.)
/// The months in English, January first: the sidebar's names, and
/// BibTeX's month abbreviations (their first three letters).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The kinds of article Folio tells apart, as stored (the details form
/// offers them; the clipping reader recognises their labels in many
/// languages).
pub const KINDS: &[&str] = &[
    "editorial",
    "opinion",
    "analysis",
    "news",
    "interview",
    "letter",
    "review",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips_at_each_precision() {
        for s in ["2018", "2018-03", "2018-01-05", "2018-01-05T13:50:00"] {
            assert_eq!(Published::from_iso(s).unwrap().to_iso(), s);
        }
        assert!(Published::from_iso("2018-02-30").is_none());
        assert!(Published::from_iso("yesterday").is_none());
        // Found by the fuzzer: a multi-byte character where the time should be.
        assert!(Published::from_iso("2020-01-01T00:25Â© 2020 :09Z").is_none());
    }
}
