//! Firefox's bookmark backup (JSON, from *Bookmarks › Manage › Backup*):
//! a tree of `children`, places (`uri`) and containers (folders), with
//! times in microseconds.

use super::bookmark::{page_link, walk_tree};
use super::item::{ToolItem, comma_list, string};
use chrono::{DateTime, Utc};
use serde_json::Value;

const CONTAINER: &str = "text/x-moz-place-container";
const PLACE: &str = "text/x-moz-place";

/// Whether a JSON document is a Firefox bookmark backup.
pub fn is_firefox_backup(value: &Value) -> bool {
    value["children"].is_array() && (value["type"] == CONTAINER || value["root"].is_string())
}

fn firefox_time(value: &Value) -> Option<DateTime<Utc>> {
    value
        .as_i64()
        .filter(|m| *m > 0)
        .and_then(DateTime::from_timestamp_micros)
}

/// Each place, or why it is not a page. Folders become tags, except the
/// roots Firefox keeps every bookmark under (the menu, the toolbar, other
/// bookmarks: they carry a `root` name); the `tags` Firefox gave a place
/// are tags too, and its description is its note.
pub fn firefox_bookmarks(value: &Value) -> Vec<Result<ToolItem, String>> {
    let mut items = Vec::new();
    let folder = |node: &Value| {
        (node["type"] == CONTAINER || node["children"].is_array())
            .then(|| string(&node["title"]).filter(|_| !node["root"].is_string()))
    };
    walk_tree(value, &folder, &mut |child, folders| {
        if child["type"] != PLACE && child["uri"].is_null() {
            return; // a separator
        }
        // Repeated tags are merged when the item becomes an article.
        let mut tags = folders.to_vec();
        tags.extend(child["tags"].as_str().map(comma_list).unwrap_or_default());
        let description = child["annos"].as_array().into_iter().flatten().find_map(|a| {
            (a["name"] == "bookmarkProperties/description")
                .then(|| string(&a["value"]))
                .flatten()
        });
        items.push(page_link(child["uri"].as_str()).map(|url| ToolItem {
            url: Some(url),
            title: string(&child["title"]),
            saved_at: firefox_time(&child["dateAdded"]),
            tags,
            note: description,
            record: Some(child.clone()),
            ..ToolItem::default()
        }));
    });
    items
}
