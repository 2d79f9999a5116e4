//! Omnivore's export.

use super::archive::BoundedZip;
use super::item::{ToolItem, any_time, passage, published_from, string, strings};
use regex::Regex;
use serde_json::Value;
use std::path::Path;
use std::sync::LazyLock;

/// Omnivore's export zip: `metadata_*.json`, `content/<slug>.html`,
/// `highlights/<slug>.md`. Its articles are read one at a time as the
/// import takes them, so a large export is never all in memory at once.
pub struct OmnivoreItems {
    zip: BoundedZip,
    /// Each article's record, with the folder of the metadata file it is in.
    records: std::vec::IntoIter<(String, Value)>,
}

/// Whether an entry of the zip is one of Omnivore's lists of articles.
fn is_metadata(name: &str) -> bool {
    name.rsplit('/')
        .next()
        .is_some_and(|f| f.starts_with("metadata") && f.ends_with(".json"))
}

/// Whether a zip is Omnivore's export, by what it holds: a zip not named
/// `.zip` (an Office document, say) is not taken for one otherwise.
pub fn is_omnivore_zip(path: &Path) -> bool {
    BoundedZip::open(path).is_ok_and(|zip| zip.names().iter().any(|n| is_metadata(n)))
}

pub fn omnivore(path: &Path) -> Result<OmnivoreItems, String> {
    let mut zip = BoundedZip::open(path)?;
    let mut names = zip.names();
    names.sort();
    let mut records = Vec::new();
    for name in names.iter().filter(|n| is_metadata(n)) {
        let text = zip
            .text(name)?
            .ok_or_else(|| format!("could not read {name} in the zip"))?;
        let entries: Value = serde_json::from_str(&text).map_err(|e| format!("{name} is damaged: {e}"))?;
        let prefix = name
            .rsplit_once('/')
            .map(|(dir, _)| format!("{dir}/"))
            .unwrap_or_default();
        if let Value::Array(entries) = entries {
            records.extend(entries.into_iter().map(|e| (prefix.clone(), e)));
        }
    }
    if records.is_empty() {
        return Err("a zip file, but not an Omnivore export (no metadata_*.json inside)".into());
    }
    Ok(OmnivoreItems {
        zip,
        records: records.into_iter(),
    })
}

impl OmnivoreItems {
    fn item(&mut self, prefix: &str, e: &Value) -> Result<ToolItem, String> {
        let slug = string(&e["slug"]).unwrap_or_default();
        let highlights = self
            .zip
            .text(&format!("{prefix}highlights/{slug}.md"))?
            .map(|md| {
                omnivore_highlights(&md)
                    .into_iter()
                    .map(|(quote, comment)| passage(quote, comment))
                    .collect()
            })
            .unwrap_or_default();
        Ok(ToolItem {
            title: string(&e["title"]),
            url: string(&e["url"]),
            html: self.zip.text(&format!("{prefix}content/{slug}.html"))?,
            tags: strings(&e["labels"]),
            saved_at: any_time(&e["savedAt"]),
            published: published_from(&e["publishedAt"]),
            authors: string(&e["author"]).into_iter().collect(),
            archived: string(&e["state"]).map(|s| s.eq_ignore_ascii_case("archived")),
            highlights,
            ..ToolItem::default()
        })
    }
}

impl Iterator for OmnivoreItems {
    type Item = Result<ToolItem, String>;

    fn next(&mut self) -> Option<Self::Item> {
        let (prefix, record) = self.records.next()?;
        Some(self.item(&prefix, &record))
    }
}

/// Omnivore's highlight Markdown: `> quote [⤴️](link)` lines, each followed
/// by the note on it.
fn omnivore_highlights(md: &str) -> Vec<(String, Option<String>)> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*\[[^\]]*\]\([^)]*\)\s*$").expect("a valid pattern"));
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    let mut after_quote_line = false;
    for line in md.lines() {
        let quote_line = line.starts_with('>');
        if let Some(quote) = line.strip_prefix('>') {
            let quote = LINK.replace(quote.trim(), "").trim().to_string();
            match found.last_mut() {
                // A quote running over several lines.
                Some((q, None)) if !quote.is_empty() && !q.is_empty() && after_quote_line => {
                    q.push(' ');
                    q.push_str(&quote);
                }
                _ if !quote.is_empty() => found.push((quote, None)),
                _ => {}
            }
        } else if !line.trim().is_empty()
            && !line.starts_with('#')
            && let Some((_, note)) = found.last_mut()
        {
            let note = note.get_or_insert_with(String::new);
            if !note.is_empty() {
                note.push('\n');
            }
            note.push_str(line.trim());
        }
        after_quote_line = quote_line;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn omnivore_highlights_pair_quotes_with_their_notes() {
        let md = "# Notes\n\n> The talks should resume [⤴️](https://omnivore.app/x#1)\n\nWhy now?\n\n> A second passage [⤴️](https://omnivore.app/x#2)\n";
        assert_eq!(
            omnivore_highlights(md),
            [
                (
                    "The talks should resume".to_string(),
                    Some("Why now?".to_string())
                ),
                ("A second passage".to_string(), None)
            ]
        );
    }
}
