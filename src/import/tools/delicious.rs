//! Delicious's JSON export: `title, url, tags (a list), description,
//! created (Unix seconds, as text), private`.

use super::item::{ToolItem, any_time, string, strings};
use serde_json::Value;

pub fn delicious(entries: &[Value]) -> Vec<ToolItem> {
    entries.iter().map(delicious_item).collect()
}

/// One link as Delicious wrote it, and as services modelled on it
/// (elCurator) write theirs too.
pub fn delicious_item(e: &Value) -> ToolItem {
    ToolItem {
        url: string(&e["url"]),
        title: string(&e["title"]),
        note: string(&e["description"]),
        saved_at: any_time(&e["created"]),
        tags: strings(&e["tags"]),
        record: Some(e.clone()),
        ..ToolItem::default()
    }
}
