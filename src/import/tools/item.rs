//! One item of another tool's export, as the readers find it, the small
//! readers of JSON values and times they share, and how an item becomes an
//! article.

use super::Tool;
use crate::model::{ExtractedArticle, FoundArticle, MarkedPassage, OriginalFile, Provenance, Published};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// One article as another tool kept it, before it is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ToolItem {
    pub title: Option<String>,
    pub url: Option<String>,
    /// The saved page, when the tool kept the text.
    pub html: Option<String>,
    pub tags: Vec<String>,
    pub saved_at: Option<DateTime<Utc>>,
    pub published: Option<Published>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub section: Option<String>,
    /// Folio's kinds (news, opinion…), when the file says (Folio's own).
    pub kind: Option<String>,
    pub language: Option<String>,
    /// The World Bank region and the countries, when the file names them
    /// (Folio's own exports); else told from `place`.
    pub region: Option<String>,
    pub countries: Vec<String>,
    /// Topics the user filed it under ("parent › child").
    pub topics: Vec<String>,
    pub place: Option<String>,
    pub archived: Option<bool>,
    /// Marked as a favourite there.
    pub starred: Option<bool>,
    /// The user's note on the item there: it becomes the article's note.
    pub note: Option<String>,
    /// The item's text when the tool kept it as plain text rather than a
    /// page (a book's highlights from a Kindle): stored as the body.
    pub text: Option<String>,
    /// Highlighted passages, with the comment on each.
    pub highlights: Vec<MarkedPassage>,
    /// CSL-JSON fields of a citation Folio has no field for, kept whole.
    pub citation: Option<serde_json::Map<String, Value>>,
    /// The item as the tool wrote it (its JSON record, its CSV row as an
    /// object), kept as the original of a link-only article.
    pub record: Option<Value>,
    /// What the import's report should say of it (the bookmarks of a book
    /// left out).
    pub remark: Option<String>,
}

/// A highlight with no comment or date.
pub fn passage(quote: impl Into<String>, comment: Option<String>) -> MarkedPassage {
    MarkedPassage {
        quote: quote.into(),
        comment,
        created_at: None,
        color: None,
    }
}

pub fn unix_time(text: &str) -> Option<DateTime<Utc>> {
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
}

pub fn any_time(value: &Value) -> Option<DateTime<Utc>> {
    match value {
        Value::Number(n) => n.as_i64().and_then(|s| {
            // Milliseconds (JavaScript) or seconds.
            if s > 100_000_000_000 {
                DateTime::from_timestamp_millis(s)
            } else {
                DateTime::from_timestamp(s, 0)
            }
        }),
        Value::String(s) => DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .ok()
            .or_else(|| {
                // With a numeric offset, and as Python prints a time
                // (Readwise): `2026-03-14 23:55:23.291000+00:00`.
                [
                    "%Y-%m-%dT%H:%M:%S%z",
                    "%Y-%m-%d %H:%M:%S%.f%:z",
                    "%Y-%m-%d %H:%M:%S%.f%z",
                ]
                .iter()
                .find_map(|format| DateTime::parse_from_str(s.trim(), format).ok())
                .map(|d| d.with_timezone(&Utc))
            })
            .or_else(|| {
                // A time with no zone (Readability's `2016-08-01T05:24:16`,
                // elCurator's `2015-09-09 11:10:32 UTC`) is taken as UTC.
                [
                    "%Y-%m-%dT%H:%M:%S%.f",
                    "%Y-%m-%d %H:%M:%S%.f UTC",
                    "%Y-%m-%d %H:%M:%S%.f",
                ]
                .iter()
                .find_map(|format| chrono::NaiveDateTime::parse_from_str(s, format).ok())
                .map(|t| t.and_utc())
            })
            .or_else(|| unix_time(s)),
        _ => None,
    }
}

/// A publication date as the publisher wrote it: the day in its own time
/// zone, not in UTC.
pub fn published_from(value: &Value) -> Option<Published> {
    let text = value.as_str()?;
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
        .map(|t| Published::day(t.date_naive()))
        .ok()
        .or_else(|| Published::from_iso(text.get(..10).unwrap_or(text)))
}

pub fn string(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

pub fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(|v| {
                string(v)
                    .or_else(|| string(&v["name"]))
                    .or_else(|| string(&v["label"]))
            })
            .collect(),
        Value::String(s) => comma_list(s),
        _ => Vec::new(),
    }
}

/// Words separated by commas (`ports, energy`), each trimmed, none empty.
pub fn comma_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A time as Folio writes one (RFC 3339, UTC, to the second).
pub fn stamp(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A yes or no, however the tool wrote it: `true`, `1`, `"1"` (wallabag
/// v1 wrote its flags as strings), `"True"` (Python).
pub fn truthy(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "1" | "true" | "yes" => Some(true),
            "0" | "false" | "no" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// What another tool kept of an article, as an article: its saved page
/// read like a saved page, or only its link (marked so) when it kept no
/// text; its tags, dates, read state and highlights carried over.
pub fn found_article(item: ToolItem, tool: Tool) -> Result<FoundArticle, String> {
    let extracted = item
        .html
        .as_deref()
        // Only what the page's markup states: a tool's saved content is
        // often a fragment, whose text is no place to guess dates from.
        .map(crate::import::html::extract_saved_content)
        .filter(|a| !a.body.trim().is_empty())
        .or_else(|| {
            let text = item.text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
            Some(ExtractedArticle {
                body: text.to_string(),
                ..ExtractedArticle::default()
            })
        });
    let link_only = extracted.is_none();
    let mut meta: ExtractedArticle = extracted.unwrap_or_default();
    if item.title.is_some() {
        meta.title = item.title.clone();
    }
    if meta.title.is_none() && item.url.is_none() {
        return Err("neither a title nor a link".into());
    }
    meta.url = item.url.clone().or(meta.url);
    meta.source = item.source.clone().or(meta.source);
    meta.section = item.section.clone().or(meta.section);
    meta.published = item.published.or(meta.published);
    meta.kind = item.kind.clone().or(meta.kind);
    meta.region = item.region.clone().or(meta.region);
    for country in &item.countries {
        if !meta.countries.contains(country) {
            meta.countries.push(country.clone());
        }
    }
    if !item.authors.is_empty() {
        meta.authors = item.authors.clone();
    }
    meta.language = item
        .language
        .clone()
        .or(meta.language)
        .or_else(|| crate::import::language::detect_language(&meta.body));
    if let Some(place) = &item.place
        && let Some(region) = crate::import::regions::region_of_country(place)
    {
        if !meta.countries.contains(place) {
            meta.countries.push(place.clone());
        }
        meta.region = meta.region.or_else(|| Some(region.to_string()));
    }
    for tag in &item.tags {
        if !meta.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            meta.tags.push(tag.clone());
        }
    }
    let provenance = Provenance {
        saved_at: item.saved_at.map(stamp),
        read_state: item
            .archived
            .map(|a| if a { "archived" } else { "unread" }.to_string()),
        link_only,
        publisher_place: item.place.clone(),
        starred: item.starred.unwrap_or(false),
        citation: item
            .citation
            .as_ref()
            .filter(|c| !c.is_empty())
            .map(|c| Value::Object(c.clone()).to_string()),
    };
    // What the user gave: the saved page, or the link's record.
    let (bytes, format) = match (item.html, item.record) {
        (Some(html), _) if !link_only && item.text.is_none() => (html.into_bytes(), "html"),
        (_, Some(record)) => (record.to_string().into_bytes(), "link"),
        _ => (
            serde_json::json!({
                "tool": tool.name(),
                "title": item.title,
                "url": item.url,
                "tags": item.tags,
                "saved_at": provenance.saved_at,
            })
            .to_string()
            .into_bytes(),
            "link",
        ),
    };
    Ok(FoundArticle {
        meta,
        provenance,
        marked: item.highlights,
        note: item.note.filter(|n| !n.trim().is_empty()),
        original: OriginalFile {
            file_name: Some(tool.name().to_string()),
            format: format.to_string(),
            bytes,
        },
        topics: item.topics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_seconds_milliseconds_and_rfc3339() {
        assert_eq!(
            unix_time("1520000000").unwrap().to_rfc3339(),
            "2018-03-02T14:13:20+00:00"
        );
        assert_eq!(
            any_time(&serde_json::json!(1520000000000i64)),
            unix_time("1520000000")
        );
        assert_eq!(
            any_time(&serde_json::json!("2018-03-02T15:13:20+01:00")),
            unix_time("1520000000")
        );
        assert_eq!(
            any_time(&serde_json::json!("2018-03-02T14:13:20")),
            unix_time("1520000000")
        );
        assert_eq!(
            any_time(&serde_json::json!("2018-03-02 14:13:20 UTC")),
            unix_time("1520000000")
        );
    }
}
