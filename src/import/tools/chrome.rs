//! Chrome's (and Edge's, Brave's, Vivaldi's) `Bookmarks` file: JSON with
//! `roots` (the bookmark bar, other bookmarks, mobile), each a folder of
//! `children` that are links (`type: url`) or folders.

use super::bookmark::{page_link, walk_tree};
use super::item::{ToolItem, string};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Whether a JSON document is a Chromium browser's bookmarks.
pub fn is_chrome_bookmarks(value: &Value) -> bool {
    value["roots"].is_object()
        && value["roots"]
            .as_object()
            .is_some_and(|r| r.values().any(|f| f["children"].is_array()))
}

/// Chromium's times: microseconds since 1601-01-01 (Windows' epoch), as text.
fn chrome_time(value: &Value) -> Option<DateTime<Utc>> {
    const SECONDS_1601_TO_1970: i64 = 11_644_473_600;
    let micros: i64 = value.as_str()?.trim().parse().ok().filter(|m| *m > 0)?;
    DateTime::from_timestamp(micros / 1_000_000 - SECONDS_1601_TO_1970, 0)
}

/// Each link under the roots, or why it is not one. The folders a link is
/// in become its tags; the roots do not, as every link is under one.
pub fn chrome_bookmarks(value: &Value) -> Vec<Result<ToolItem, String>> {
    let mut items = Vec::new();
    let folder = |node: &Value| {
        (node["type"] == "folder" || node["children"].is_array()).then(|| string(&node["name"]))
    };
    for root in value["roots"].as_object().into_iter().flat_map(|r| r.values()) {
        walk_tree(root, &folder, &mut |child, folders| {
            items.push(page_link(child["url"].as_str()).map(|url| ToolItem {
                url: Some(url),
                title: string(&child["name"]),
                saved_at: chrome_time(&child["date_added"]),
                tags: folders.to_vec(),
                record: Some(child.clone()),
                ..ToolItem::default()
            }));
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_epoch_microseconds_are_read() {
        // 1970-01-01 is 11,644,473,600 s after 1601-01-01.
        assert_eq!(
            chrome_time(&Value::from("11644473600000000")),
            DateTime::from_timestamp(0, 0)
        );
        assert_eq!(chrome_time(&Value::from("0")), None);
    }
}
