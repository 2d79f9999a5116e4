//! elCurator's JSON export: Delicious's fields (`title, url, description,
//! tags`), with `created_at` and `is_saved`.

use super::delicious::delicious_item;
use super::item::{ToolItem, any_time, truthy};
use serde_json::Value;

/// elCurator's links. `is_saved` is its "keep" mark, a favourite: it
/// becomes the star, as wallabag's importer of these files takes it.
pub fn elcurator(entries: &[Value]) -> Vec<ToolItem> {
    entries
        .iter()
        .map(|e| ToolItem {
            saved_at: any_time(&e["created_at"]),
            starred: truthy(&e["is_saved"]),
            ..delicious_item(e)
        })
        .collect()
}
