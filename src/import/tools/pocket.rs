//! Pocket's exports: the classic `ril_export.html` (a list of links under
//! "Unread" and "Read Archive") and its CSV.

use super::attributes::Attributes;
use super::item::{ToolItem, comma_list, unix_time};
use super::table::column;
use regex::Regex;
use std::sync::LazyLock;

/// An opening `<a …>` tag; its text runs to the next tag, so a last link
/// left unclosed (a truncated export) is still read.
static LINK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<a\s+([^>]*)>([^<]*)"#).expect("a valid pattern"));
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1[^>]*>(.*?)</h1>").expect("a valid pattern"));

/// Whether a page is Pocket's HTML export, told by its structure: it is a
/// list of links, and every link carries the time Pocket saved it. A saved
/// article whose script or text happens to say `time_added=` has links
/// without it (its menus), or none at all.
pub fn is_pocket_html(text: &str) -> bool {
    let mut links = 0;
    let mut dated = 0;
    for link in LINK_TAG.captures_iter(text) {
        links += 1;
        if Attributes::of(&link[1])
            .get("time_added")
            .is_some_and(|value| value.trim().parse::<u64>().is_ok())
        {
            dated += 1;
        }
    }
    dated > 0 && dated == links
}

/// Pocket's `ril_export.html`: a list of links under "Unread" and "Read Archive".
pub fn pocket_html(text: &str) -> Vec<ToolItem> {
    let archive_from = HEADING
        .captures_iter(text)
        .find(|c| c[1].to_lowercase().contains("archive"))
        .and_then(|c| c.get(0))
        .map_or(usize::MAX, |m| m.start());
    LINK_TAG
        .captures_iter(text)
        .map(|c| {
            let attributes = Attributes::of(&c[1]);
            let title = crate::import::html::decode_entities(c[2].trim());
            ToolItem {
                url: attributes.get("href").map(str::to_string),
                title: Some(title).filter(|t| !t.is_empty()),
                saved_at: attributes.get("time_added").and_then(unix_time),
                tags: attributes.get("tags").map(comma_list).unwrap_or_default(),
                archived: Some(c.get(0).is_some_and(|m| m.start() > archive_from)),
                ..ToolItem::default()
            }
        })
        .collect()
}

/// Pocket's CSV: `title,url,time_added,tags,status` (tags joined by `|`).
pub fn pocket_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    rows.iter()
        .map(|row| ToolItem {
            title: column(headers, row, "title").map(str::to_string),
            url: column(headers, row, "url").map(str::to_string),
            saved_at: column(headers, row, "time_added").and_then(unix_time),
            tags: column(headers, row, "tags")
                .map(|t| {
                    t.split(['|', ','])
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            archived: column(headers, row, "status").map(|s| s.eq_ignore_ascii_case("archive")),
            ..ToolItem::default()
        })
        .collect()
}
