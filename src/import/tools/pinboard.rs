//! Pinboard's JSON export (`pinboard_export`, often saved with no file
//! ending): `href, description (the title), extended (the note), time,
//! shared, toread, tags` (tags separated by spaces).

use super::item::{ToolItem, any_time, string};
use serde_json::Value;

/// Pinboard's bookmarks. `toread: yes` is unread; Pinboard says nothing
/// of the others (it has no archive), so their read state stays unknown.
pub fn pinboard(entries: &[Value]) -> Vec<ToolItem> {
    entries
        .iter()
        .map(|e| ToolItem {
            url: string(&e["href"]),
            title: string(&e["description"]),
            note: string(&e["extended"]),
            saved_at: any_time(&e["time"]),
            tags: e["tags"]
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            archived: (e["toread"] == "yes").then_some(false),
            record: Some(e.clone()),
            ..ToolItem::default()
        })
        .collect()
}
