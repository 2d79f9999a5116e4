//! Instapaper's CSV export.

use super::item::{ToolItem, passage, strings, unix_time};
use super::table::column;
use serde_json::Value;

/// Instapaper's CSV: `URL,Title,Selection,Folder` (newer: `Timestamp`,
/// `Tags` as a JSON list). A folder other than Unread and Archive becomes
/// a tag; Starred is Instapaper's favourites, a star (and not a tag).
pub fn instapaper_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    rows.iter()
        .map(|row| {
            let folder = column(headers, row, "folder").unwrap_or("Unread");
            let mut tags: Vec<String> = column(headers, row, "tags")
                .map(|t| {
                    serde_json::from_str::<Value>(t)
                        .map(|v| strings(&v))
                        .unwrap_or_else(|_| vec![t.to_string()])
                })
                .unwrap_or_default();
            if !matches!(folder.to_lowercase().as_str(), "unread" | "archive" | "starred") {
                tags.push(folder.to_string());
            }
            ToolItem {
                title: column(headers, row, "title").map(str::to_string),
                url: column(headers, row, "url").map(str::to_string),
                saved_at: column(headers, row, "timestamp").and_then(unix_time),
                tags,
                archived: Some(folder.eq_ignore_ascii_case("archive")),
                starred: Some(folder.eq_ignore_ascii_case("starred")),
                highlights: column(headers, row, "selection")
                    .map(|s| vec![passage(s, None)])
                    .unwrap_or_default(),
                record: Some(super::table::row_record(headers, row)),
                ..ToolItem::default()
            }
        })
        .collect()
}
