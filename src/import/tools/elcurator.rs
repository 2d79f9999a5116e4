//! elCurator's JSON export: `created_at, title, url, description, tags,
//! is_saved`.

use super::item::{ToolItem, any_time, string, strings, truthy};
use serde_json::Value;

/// elCurator's links. `is_saved` is its "keep" mark, a favourite: it
/// becomes the star, as wallabag's importer of these files takes it.
pub fn elcurator(entries: &[Value]) -> Vec<ToolItem> {
    entries
        .iter()
        .map(|e| ToolItem {
            url: string(&e["url"]),
            title: string(&e["title"]),
            note: string(&e["description"]),
            saved_at: any_time(&e["created_at"]),
            tags: strings(&e["tags"]),
            starred: truthy(&e["is_saved"]),
            record: Some(e.clone()),
            ..ToolItem::default()
        })
        .collect()
}
