//! wallabag's JSON export.

use super::item::{ToolItem, any_time, passage, published_from, string, strings, truthy};
use serde_json::Value;

/// The title wallabag gives an entry whose page it could not read.
pub(super) const WALLABAG_NO_TITLE: &str = "No title found";

/// wallabag's JSON export: entries with their saved content and
/// annotations. Version 2 says `is_archived` and `is_starred`; version 1
/// said `is_read` and `is_fav` (as the strings "0" and "1"), kept no dates,
/// and joined its tags with commas.
pub fn wallabag(entries: &[Value]) -> Vec<ToolItem> {
    entries
        .iter()
        .map(|e| ToolItem {
            // wallabag's words when it could not fetch the page are not a
            // title: the page's own (or its link) stands instead.
            title: string(&e["title"]).filter(|t| t != WALLABAG_NO_TITLE),
            url: string(&e["url"]),
            html: string(&e["content"]),
            tags: strings(&e["tags"]),
            saved_at: any_time(&e["created_at"]),
            published: published_from(&e["published_at"]),
            authors: strings(&e["published_by"]),
            language: string(&e["language"]),
            archived: truthy(&e["is_archived"]).or_else(|| truthy(&e["is_read"])),
            starred: truthy(&e["is_starred"]).or_else(|| truthy(&e["is_fav"])),
            highlights: e["annotations"]
                .as_array()
                .map(|notes| {
                    notes
                        .iter()
                        .filter_map(|n| string(&n["quote"]).map(|q| passage(q, string(&n["text"]))))
                        .collect()
                })
                .unwrap_or_default(),
            ..ToolItem::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wallabag_s_no_title_found_is_no_title() {
        let entries: Vec<Value> = serde_json::from_str(
            r#"[{"title": "No title found", "url": "https://example.org/a", "content": ""},
                {"title": "A real one", "url": "https://example.org/b", "content": ""}]"#,
        )
        .unwrap();
        let items = wallabag(&entries);
        assert_eq!(items[0].title, None);
        assert_eq!(items[1].title.as_deref(), Some("A real one"));
    }
}
