//! Linkwarden's JSON export: `{"collections": [{id, name, parentId,
//! links: [{name, url, description, tags: [{name}], createdAt}]}]}`.

use super::item::{ToolItem, any_time, string, strings};
use serde_json::Value;

pub fn is_linkwarden(value: &Value) -> bool {
    value["collections"]
        .as_array()
        .is_some_and(|c| c.iter().all(|c| c.get("links").is_some_and(Value::is_array)))
}

/// The names of a collection and the ones it is nested in, outermost
/// first. A loop in `parentId`s (a hand-edited file) ends the walk.
fn collection_path(collections: &[Value], start: &Value) -> Vec<String> {
    let mut path = Vec::new();
    let mut at = Some(start);
    while let Some(collection) = at.filter(|_| path.len() <= collections.len()) {
        path.extend(string(&collection["name"]));
        at = collection["parentId"]
            .as_i64()
            .and_then(|parent| collections.iter().find(|c| c["id"].as_i64() == Some(parent)));
    }
    path.reverse();
    path
}

/// Linkwarden's links. A link's collection, and the collections it is
/// nested in, become tags, as bookmark folders do.
pub fn linkwarden(value: &Value) -> Vec<ToolItem> {
    let collections = value["collections"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    collections
        .iter()
        .flat_map(|collection| {
            let folders = collection_path(collections, collection);
            collection["links"]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |link| {
                    let mut tags = folders.clone();
                    tags.extend(strings(&link["tags"]));
                    ToolItem {
                        url: string(&link["url"]),
                        title: string(&link["name"]),
                        note: string(&link["description"]),
                        saved_at: any_time(&link["createdAt"]),
                        tags,
                        record: Some(link.clone()),
                        ..ToolItem::default()
                    }
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loop_of_parents_ends() {
        let value = serde_json::json!({"collections": [
            {"id": 1, "name": "A", "parentId": 2, "links": [{"url": "https://example.org/a"}]},
            {"id": 2, "name": "B", "parentId": 1, "links": []}]});
        assert!(is_linkwarden(&value));
        let items = linkwarden(&value);
        assert_eq!(items.len(), 1);
        assert!(items[0].tags.len() <= 3, "{:?}", items[0].tags);
    }
}
