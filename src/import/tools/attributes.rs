//! The attributes of a tag in the link lists tools export as HTML
//! (Pocket's `ril_export.html`, browsers' and bookmark services' Netscape
//! bookmark files), which carry each link's dates and tags there.

use regex::Regex;
use std::sync::LazyLock;

static ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)([a-z_]+)\s*=\s*"([^"]*)""#).expect("a valid pattern"));

/// A tag's attributes (what stands inside `<a …>`), names lowercased,
/// values with entities decoded.
pub struct Attributes(Vec<(String, String)>);

impl Attributes {
    pub fn of(tag: &str) -> Attributes {
        Attributes(
            ATTRIBUTE
                .captures_iter(tag)
                .map(|a| (a[1].to_lowercase(), crate::import::html::decode_entities(&a[2])))
                .collect(),
        )
    }

    /// The value of `name` (lowercase), when the tag has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// All of them as a JSON object: the record of a link.
    pub fn to_json(&self) -> serde_json::Map<String, serde_json::Value> {
        self.0
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect()
    }
}
