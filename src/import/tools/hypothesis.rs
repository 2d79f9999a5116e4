//! Hypothesis annotations as its export (or its API) gives them: each on a
//! page (`uri`), quoting it (`target[].selector`, a `TextQuoteSelector`'s
//! `exact`), with the annotator's comment (`text`), `tags` and `created`.

use super::item::{ToolItem, any_time, stamp, string, strings};
use crate::model::MarkedPassage;
use serde_json::Value;

/// The annotations of a Hypothesis export: a list of them, or the object
/// around them (`annotations` in the app's export, `rows` in the API's).
pub fn annotations(value: &Value) -> Option<&Vec<Value>> {
    let list = value
        .as_array()
        .or_else(|| value["annotations"].as_array())
        .or_else(|| value["rows"].as_array())?;
    let first = list.first()?;
    (first.get("uri").is_some() && first.get("target").is_some()).then_some(list)
}

/// The exact words an annotation quotes, when it marks a passage (a page
/// note marks none).
fn quote(annotation: &Value) -> Option<String> {
    annotation["target"].as_array()?.iter().find_map(|target| {
        target["selector"]
            .as_array()?
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .and_then(|s| string(&s["exact"]))
    })
}

/// One link-only article per page annotated, in the order the pages first
/// appear: its annotations' passages are its highlights (the comments
/// theirs), the comments on the page itself its note, every annotation's
/// tags its tags.
pub fn hypothesis(annotations: &[Value]) -> Vec<ToolItem> {
    let mut pages: Vec<(ToolItem, Vec<Value>)> = Vec::new();
    let mut by_page: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Replies (`references`) go with the annotation they answer, when it is
    // in the file; one whose annotation is not stands on its own.
    let ids: std::collections::HashSet<String> =
        annotations.iter().filter_map(|a| string(&a["id"])).collect();
    let (replies, annotations): (Vec<&Value>, Vec<&Value>) = annotations.iter().partition(|a| {
        a["references"]
            .as_array()
            .is_some_and(|refs| refs.iter().filter_map(string).any(|r| ids.contains(&r)))
    });
    for annotation in annotations {
        let Some(uri) = string(&annotation["uri"]) else {
            continue;
        };
        let at = *by_page.entry(uri.clone()).or_insert_with(|| {
            pages.push((
                ToolItem {
                    url: Some(uri.clone()),
                    title: strings(&annotation["document"]["title"])
                        .into_iter()
                        .next()
                        .or_else(|| string(&annotation["document"]["title"])),
                    ..ToolItem::default()
                },
                Vec::new(),
            ));
            pages.len() - 1
        });
        let (page, record) = &mut pages[at];
        record.push(annotation.clone());
        for tag in strings(&annotation["tags"]) {
            if !page.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                page.tags.push(tag);
            }
        }
        let created = any_time(&annotation["created"]);
        // The page was saved when it was first annotated.
        page.saved_at = match (page.saved_at, created) {
            (Some(first), Some(this)) => Some(first.min(this)),
            (first, this) => first.or(this),
        };
        let mut comment = string(&annotation["text"]);
        let id = string(&annotation["id"]);
        for reply in replies.iter().filter(|r| {
            id.is_some()
                && r["references"]
                    .as_array()
                    .is_some_and(|refs| refs.iter().any(|x| string(x) == id))
        }) {
            if let Some(text) = string(&reply["text"]) {
                let c = comment.get_or_insert_with(String::new);
                if !c.is_empty() {
                    c.push_str("\n\n");
                }
                c.push_str(&format!("Reply: {text}"));
            }
        }
        match quote(annotation) {
            Some(quote) => page.highlights.push(MarkedPassage {
                quote,
                comment,
                created_at: created.map(stamp),
                color: None,
            }),
            // A note on the page as a whole.
            None => {
                if let Some(comment) = comment {
                    let note = page.note.get_or_insert_with(String::new);
                    if !note.is_empty() {
                        note.push_str("\n\n");
                    }
                    note.push_str(&comment);
                }
            }
        }
    }
    pages
        .into_iter()
        .map(|(mut page, record)| {
            page.record = Some(Value::Array(record));
            page
        })
        .collect()
}
