//! The Netscape bookmark file: what browsers export (Chrome, Firefox,
//! Edge, Safari) and bookmark services too (Pinboard, Shaarli, Raindrop,
//! Linkwarden, Karakeep). A `<DL>` list of `<DT><A HREF ADD_DATE TAGS>`
//! links, `<DD>` descriptions under them, and `<H3>` folders, each holding
//! its own `<DL>`.

use super::attributes::Attributes;
use super::bookmark::{is_browser_folder, page_link};
use super::item::{ToolItem, comma_list, unix_time};
use regex::Regex;
use std::sync::LazyLock;

/// The tags that give a bookmark file its structure; the text between one
/// and the next is a link's title, a folder's name or a description.
static STRUCTURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(/?)(dl|dt|dd|h3|a)\b([^>]*)>").expect("a valid pattern"));
static LINE_BREAK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>").expect("a valid pattern"));
static OTHER_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("a valid pattern"));

/// Whether a page is a Netscape bookmark file: its doctype says so, as
/// every program that writes one puts first.
pub fn is_bookmark_file(start: &str) -> bool {
    let head: String = start.chars().take(512).collect::<String>().to_lowercase();
    head.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("<!doctype netscape-bookmark-file")
}

/// Text between two structural tags, as a user reads it: other tags gone
/// (a `<br>` a line break), entities decoded, spaces trimmed.
fn plain(markup: &str) -> String {
    let broken = LINE_BREAK.replace_all(markup, "\n");
    crate::import::html::decode_entities(OTHER_TAG.replace_all(&broken, "").trim())
}

/// An `ADD_DATE`: Unix seconds as browsers write it, though some services
/// write milliseconds or microseconds (a year past 5000 in seconds).
fn add_date(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let n: i64 = text.trim().parse().ok().filter(|n| *n > 0)?;
    match n {
        100_000_000_000_000.. => chrono::DateTime::from_timestamp_micros(n),
        100_000_000_000.. => chrono::DateTime::from_timestamp_millis(n),
        _ => unix_time(text),
    }
}

/// Each link of the file, or why it is not one. Its folders (the `<H3>`s
/// it is under, a browser's own left out) and its `TAGS` become tags, its
/// `ADD_DATE` when it was saved, the `<DD>` under it its note, and
/// Pinboard's `TOREAD="1"` marks it unread.
pub fn bookmarks(text: &str) -> Vec<Result<ToolItem, String>> {
    let tokens: Vec<_> = STRUCTURE.captures_iter(text).collect();
    // The folders the walk is in: `None` for a list no folder names (the
    // file's own, a browser's, or one with no name).
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut folder_named: Option<Option<String>> = None;
    let mut items: Vec<Result<ToolItem, String>> = Vec::new();
    let mut last_was_link = false;
    for (i, token) in tokens.iter().enumerate() {
        let end = token.get(0).map_or(0, |m| m.end());
        let next = tokens
            .get(i + 1)
            .and_then(|t| t.get(0))
            .map_or(text.len(), |m| m.start());
        let following = &text[end..next.max(end)];
        let closing = !token[1].is_empty();
        match (closing, token[2].to_lowercase().as_str()) {
            (false, "h3") => {
                let attributes = Attributes::of(&token[3]);
                let name = plain(following);
                let browser_own = attributes.get("personal_toolbar_folder").is_some()
                    || attributes.get("unfiled_bookmarks_folder").is_some()
                    || is_browser_folder(&name);
                folder_named = Some(Some(name).filter(|n| !n.is_empty() && !browser_own));
                last_was_link = false;
            }
            (false, "dl") => {
                folders.push(folder_named.take().flatten());
                last_was_link = false;
            }
            (true, "dl") => {
                folders.pop();
                last_was_link = false;
            }
            (false, "a") => {
                let attributes = Attributes::of(&token[3]);
                let title = plain(following);
                // Repeated tags are merged when the item becomes an article.
                let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
                tags.extend(attributes.get("tags").map(comma_list).unwrap_or_default());
                let mut record = attributes.to_json();
                record.insert("title".into(), title.clone().into());
                record.insert(
                    "folders".into(),
                    folders.iter().flatten().cloned().collect::<Vec<_>>().into(),
                );
                items.push(page_link(attributes.get("href")).map(|url| ToolItem {
                    url: Some(url),
                    title: Some(title).filter(|t| !t.is_empty()),
                    saved_at: attributes.get("add_date").and_then(add_date),
                    tags,
                    archived: (attributes.get("toread") == Some("1")).then_some(false),
                    record: Some(record.into()),
                    ..ToolItem::default()
                }));
                last_was_link = true;
            }
            (false, "dd") if last_was_link => {
                let note = plain(following);
                if let Some(Ok(item)) = items.last_mut()
                    && !note.is_empty()
                {
                    if let Some(serde_json::Value::Object(record)) = &mut item.record {
                        record.insert("description".into(), note.clone().into());
                    }
                    item.note = Some(note);
                }
                last_was_link = false;
            }
            _ => {}
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_tags_dates_and_descriptions_are_read() {
        let file = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n\
            <DT><H3 PERSONAL_TOOLBAR_FOLDER=\"true\">Barre de favoris</H3>\n<DL><p>\n\
              <DT><H3>Ports</H3>\n<DL><p>\n\
                <DT><A HREF=\"https://example.org/a\" ADD_DATE=\"1700000000\" TAGS=\"strike,ports\">Strike &amp; ships</A>\n\
                <DD>Read before the vote<br>twice\n\
              </DL><p>\n\
              <DT><A HREF=\"javascript:void(0)\">A bookmarklet</A>\n\
            </DL><p>\n\
            <DT><A HREF=\"https://example.org/b\" TOREAD=\"1\">Later</A>\n\
            </DL><p>";
        assert!(is_bookmark_file(file));
        let items = bookmarks(file);
        assert_eq!(items.len(), 3);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("Strike & ships"));
        assert_eq!(a.tags, ["Ports", "strike", "ports"]);
        assert_eq!(a.note.as_deref(), Some("Read before the vote\ntwice"));
        assert_eq!(a.saved_at, unix_time("1700000000"));
        assert!(items[1].is_err());
        assert_eq!(add_date("1700000000000"), add_date("1700000000"));
        assert_eq!(add_date("1700000000000000"), add_date("1700000000"));
        assert_eq!(add_date("0"), None);
        let b = items[2].as_ref().unwrap();
        assert!(b.tags.is_empty());
        assert_eq!(b.archived, Some(false));
    }
}
