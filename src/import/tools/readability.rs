//! Readability's JSON export: `{"bookmarks": [...]}`, each with
//! `article__title, article__url, article__excerpt, date_added, archive,
//! favorite`.

use super::item::{ToolItem, any_time, string, truthy};
use super::wallabag::WALLABAG_NO_TITLE;
use serde_json::Value;

pub fn is_readability(value: &Value) -> bool {
    value["bookmarks"]
        .as_array()
        .is_some_and(|b| b.first().is_none_or(|first| first.get("article__url").is_some()))
}

/// Readability's bookmarks: `archive` is the read state, `favorite` the
/// star. The excerpt is the page's, not the user's, so it stays in the
/// record rather than becoming a note.
pub fn readability(value: &Value) -> Vec<ToolItem> {
    value["bookmarks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| ToolItem {
            url: string(&e["article__url"]),
            // The files wallabag tests with say "No title found" as wallabag does.
            title: string(&e["article__title"]).filter(|t| t != WALLABAG_NO_TITLE),
            saved_at: any_time(&e["date_added"]),
            archived: truthy(&e["archive"]),
            starred: truthy(&e["favorite"]),
            record: Some(e.clone()),
            ..ToolItem::default()
        })
        .collect()
}
