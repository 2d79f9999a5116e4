//! The whole library as one JSON document, which `folio import` reads back
//! with nothing lost: every article with its text, metadata, tags, topics,
//! note, highlights and original file.
//!
//! ```json
//! { "format": "folio-library", "version": 1,
//!   "tags": [ { "name": "korea", "color": null } ], "topics": [ "politics › sanctions" ],
//!   "articles": [ {
//!     "title": "…", "body": "…", "source": "…", "authors": ["…"],
//!     "published": "2018-01-05",            // YYYY, YYYY-MM or YYYY-MM-DD[THH:MM:SS]
//!     "section": "…", "kind": "editorial", "language": "en", "url": "…",
//!     "region": "East Asia & Pacific", "countries": ["Japan", "South Korea"],
//!     "tags": ["korea"], "topics": ["politics › diplomacy"],
//!     "note": { "text": "…", "updated_at": "…" },
//!     "highlights": [ { "start": 10, "end": 42, "quote": "…", "prefix": "…", "suffix": "…",
//!                       "color": "yellow", "comment": "…", "created_at": "…",
//!                       "updated_at": "…", "detached": false } ],
//!     "imported_at": "…", "updated_at": "…", "deleted_at": null,
//!     "original": { "file_name": "…", "format": "text", "zlib_base64": "…" }
//! } ] }
//! ```
//!
//! Times are RFC 3339 in UTC; highlight offsets count characters of `body`.
//!
//! `export` writes it, `ingest` reads it back, and the library hands out and
//! takes in articles whole in this shape ([`ExportedArticle`]).

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "folio-library";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryExport {
    pub format: String,
    pub version: u32,
    /// Every tag, used or not, with its colour.
    #[serde(default)]
    pub tags: Vec<ExportedTag>,
    /// The topics the user made ("parent › child"), used or not; the
    /// built-in ones come with every library.
    #[serde(default)]
    pub topics: Vec<String>,
    pub articles: Vec<ExportedArticle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedTag {
    pub name: String,
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedNote {
    pub text: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedHighlight {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub color: String,
    pub comment: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub detached: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedOriginal {
    pub file_name: Option<String>,
    pub format: String,
    /// The file as the user gave it, zlib-compressed, in base64.
    pub zlib_base64: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedArticle {
    pub title: Option<String>,
    pub body: String,
    pub source: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub section: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub region: Option<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub note: Option<ExportedNote>,
    #[serde(default)]
    pub highlights: Vec<ExportedHighlight>,
    pub imported_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    /// From the tool it was kept in before (see [`crate::model::Provenance`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_state: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub link_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<String>,
    /// Marked as a favourite.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub starred: bool,
    /// CSL-JSON fields a citation manager gave that Folio has no field for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<serde_json::Map<String, serde_json::Value>>,
    pub original: Option<ExportedOriginal>,
}

/// Whether `text` is a library export (cheap: it looks at the start).
pub fn looks_like_library_export(text: &str) -> bool {
    let start: String = text.chars().take(200).filter(|c| !c.is_whitespace()).collect();
    if start.starts_with(&format!("{{\"format\":\"{FORMAT}\"")) {
        return true;
    }
    // Written by another program (keys in another order, say): the
    // document's own `format` field decides, not where it stands.
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<String>,
    }
    start.starts_with('{')
        && serde_json::from_str::<Head>(text).is_ok_and(|head| head.format.as_deref() == Some(FORMAT))
}
