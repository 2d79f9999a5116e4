//! Markdown notes and clippings, with or without YAML front matter.
//!
//! Front matter written by note-taking tools is flat `key: value` pairs and
//! lists; that is all we read, so no YAML library is needed.

use super::clipping::finish;
pub use super::front_matter::{FrontMatter, front_matter};
use crate::model::{ExtractedArticle, FoundArticle, OriginalFile, Provenance, Published};
use regex::Regex;
use std::sync::LazyLock;

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("valid link pattern"));
static EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__|\*|`)").expect("valid emphasis pattern"));

/// Whether text is Markdown rather than a plain clipping: front matter, or
/// `#` headings with Markdown links or emphasis.
pub fn looks_like_markdown(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}');
    if start.starts_with("---\n") && start[4..].contains("\n---") {
        return true;
    }
    let headings = text
        .lines()
        .filter(|l| l.starts_with("# ") || l.starts_with("## "))
        .count();
    headings >= 1 && (LINK.is_match(text) || text.contains("**") || text.lines().any(|l| l.starts_with("> ")))
}

/// Markdown markup to the plain paragraphs Folio stores.
fn plain_paragraphs(markdown: &str) -> (Option<String>, String) {
    let mut heading = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        if !current.trim().is_empty() {
            paragraphs.push(current.trim().to_string());
        }
        current.clear();
    };
    for line in markdown.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if let Some(h) = trimmed.strip_prefix("# ")
            && heading.is_none()
            && paragraphs.is_empty()
            && current.is_empty()
        {
            heading = Some(clean_inline(h));
            continue;
        }
        if trimmed.starts_with('#') {
            flush(&mut current, &mut paragraphs);
            paragraphs.push(clean_inline(trimmed.trim_start_matches('#')));
            continue;
        }
        let text = clean_inline(trimmed.trim_start_matches('>').trim());
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&text);
    }
    flush(&mut current, &mut paragraphs);
    (heading, paragraphs.join("\n\n"))
}

fn clean_inline(text: &str) -> String {
    let text = LINK.replace_all(text, "$1");
    EMPHASIS.replace_all(&text, "").trim().to_string()
}

/// A Markdown file as an article: Folio's own vault file as it was
/// written (see [`super::vault`]), any other note by its front matter and
/// text.
pub fn read_markdown(text: &str, bytes: &[u8], file_name: Option<String>) -> FoundArticle {
    let (fields, rest) = front_matter(text);
    if super::vault::is_vault_file(&fields) {
        return super::vault::read_vault_file(&fields, rest, bytes, file_name);
    }
    let (meta, saved_at) = note_article(&fields, rest);
    FoundArticle {
        meta,
        provenance: Provenance {
            saved_at,
            ..Provenance::default()
        },
        original: OriginalFile {
            file_name,
            format: "markdown".into(),
            bytes: bytes.to_vec(),
        },
        ..FoundArticle::default()
    }
}

pub fn extract_markdown(text: &str) -> ExtractedArticle {
    let (fields, rest) = front_matter(text);
    note_article(&fields, rest).0
}

/// A name as note-taking tools link it (`[[Jane Doe]]`, `[[Jane Doe|Jane]]`),
/// as the name alone.
fn unlinked(value: &str) -> String {
    let inner = value
        .trim()
        .strip_prefix("[[")
        .and_then(|v| v.strip_suffix("]]"))
        .map(|v| v.split('|').next().unwrap_or(v))
        .unwrap_or(value);
    inner.trim().to_string()
}

fn is_web_address(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// When a note was made (Obsidian's `created`), as a saved date (RFC 3339 in UTC).
fn saved_time(value: &str) -> Option<String> {
    let value = value.trim();
    let time = chrono::DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&chrono::Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S")
                .or_else(|_| chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M"))
                .ok()
                .map(|t| t.and_utc())
        })
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d")
                .ok()?
                .and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc())
        })?;
    Some(time.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// A note's article and when it was saved, from its front matter and
/// text. A publication date comes from `date` or `published`; `created`
/// is when the note was made (Obsidian's Web Clipper writes the day of the
/// clipping there), so it is the saved date, never the publication's. A web address under `source` (as the
/// Web Clipper writes it) is the article's link, not its publication.
fn note_article(fields: &FrontMatter, rest: &str) -> (ExtractedArticle, Option<String>) {
    let (heading, body) = plain_paragraphs(rest);
    let mut article = ExtractedArticle {
        title: heading,
        body,
        ..Default::default()
    };
    let date = |d: &str| Published::from_iso(d).or_else(|| super::dates::find_date(d).map(|f| f.published));
    let mut saved_at = None;
    let mut link = None;
    for (key, values) in fields {
        let first = values.first().cloned();
        match key.as_str() {
            "title" => article.title = first.or(article.title.take()),
            "date" | "published" | "published_at" => {
                article.published = first.as_deref().and_then(date).or(article.published);
            }
            "created" => {
                saved_at = first.as_deref().and_then(saved_time);
            }
            "source" if first.as_deref().is_some_and(is_web_address) => link = link.or(first),
            "source" | "publication" | "site" | "site_name" | "publisher" => article.source = first,
            "author" | "authors" | "by" => {
                article.authors = values
                    .iter()
                    .map(|v| unlinked(v))
                    .filter(|v| !v.is_empty())
                    .collect();
            }
            "tags" | "tag" | "keywords" => {
                article.tags = values
                    .iter()
                    .flat_map(|v| v.split(','))
                    .map(|t| t.trim().trim_start_matches('#').to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            "url" | "link" | "source_url" | "canonical" => article.url = first,
            "section" => article.section = first,
            "region" => article.region = first,
            "language" | "lang" => article.language = first,
            "kind" | "type" => article.kind = first,
            _ => {}
        }
    }
    article.url = article.url.or(link);
    (finish(article), saved_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_body() {
        let md = "---\ntitle: \"Water for the Sahel\"\ndate: 2019-03-04\nsource: The Example Times\n\
                  tags: [water, africa]\nauthors:\n  - Ana Lima\n  - Bo Chen\n---\n\n# Ignored heading\n\n\
                  First **paragraph** with a [link](http://x).\nstill first.\n\nSecond paragraph.\n";
        assert!(looks_like_markdown(md));
        let a = extract_markdown(md);
        assert_eq!(a.title.as_deref(), Some("Water for the Sahel"));
        assert_eq!(a.published.unwrap().to_iso(), "2019-03-04");
        assert_eq!(a.source.as_deref(), Some("The Example Times"));
        assert_eq!(a.tags, vec!["water", "africa"]);
        assert_eq!(a.authors, vec!["Ana Lima", "Bo Chen"]);
        assert_eq!(
            a.body,
            "First paragraph with a link. still first.\n\nSecond paragraph."
        );
    }
}
