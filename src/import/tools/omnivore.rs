//! Omnivore's export: a zip (or the folder it unzips to) of
//! `metadata_*.json`, `content/<slug>.html` and `highlights/<slug>.md`;
//! and a metadata file on its own.

use super::archive::BoundedZip;
use super::export_files::{ExportFiles, named_like};
use super::item::{ToolItem, any_time, passage, published_from, string, strings};
use regex::Regex;
use serde_json::Value;
use std::path::Path;
use std::sync::LazyLock;

/// Omnivore's export, zipped or not. Its articles are read one at a time
/// as the import takes them, so a large export is never all in memory at
/// once.
pub struct OmnivoreItems {
    files: ExportFiles,
    /// Each article's record, with the folder of the metadata file it is in.
    records: std::vec::IntoIter<(String, Value)>,
}

/// Whether a zip's or a folder's files are Omnivore's: its metadata files.
pub fn looks_like(names: &[String]) -> bool {
    names.iter().any(|n| is_metadata(n))
}

fn is_metadata(name: &str) -> bool {
    named_like(name, "metadata", ".json")
}

/// Whether a zip is Omnivore's export, by what it holds: a zip not named
/// `.zip` (an Office document, say) is not taken for one otherwise.
pub fn is_omnivore_zip(path: &Path) -> bool {
    BoundedZip::open(path).is_ok_and(|zip| zip.names().iter().any(|n| is_metadata(n)))
}

pub fn omnivore(mut files: ExportFiles) -> Result<OmnivoreItems, String> {
    let mut records = Vec::new();
    for name in files.names().iter().filter(|n| is_metadata(n)) {
        let text = files
            .text(name)?
            .ok_or_else(|| format!("could not read {name}"))?;
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
        return Err("not an Omnivore export (no metadata_*.json with articles inside)".into());
    }
    Ok(OmnivoreItems {
        files,
        records: records.into_iter(),
    })
}

/// Whether a JSON list is Omnivore's metadata: records with a slug and
/// the time each was saved.
pub fn is_metadata_list(items: &[Value]) -> bool {
    items
        .first()
        .is_some_and(|e| e.get("slug").is_some() && e.get("savedAt").is_some())
}

/// An article's record in Omnivore's metadata, without its saved page or
/// highlights (kept in files beside it, when there are any).
fn record_item(e: &Value) -> ToolItem {
    ToolItem {
        title: string(&e["title"]),
        url: string(&e["url"]),
        tags: strings(&e["labels"]),
        saved_at: any_time(&e["savedAt"]),
        published: published_from(&e["publishedAt"]),
        authors: string(&e["author"]).into_iter().collect(),
        archived: string(&e["state"]).map(|s| s.eq_ignore_ascii_case("archived")),
        record: Some(e.clone()),
        ..ToolItem::default()
    }
}

/// Omnivore's metadata file on its own: every article as a link.
pub fn omnivore_metadata(items: &[Value]) -> Vec<ToolItem> {
    items.iter().map(record_item).collect()
}

impl OmnivoreItems {
    fn item(&mut self, prefix: &str, e: &Value) -> Result<ToolItem, String> {
        let slug = string(&e["slug"]).unwrap_or_default();
        let highlights = self
            .files
            .text(&format!("{prefix}highlights/{slug}.md"))?
            .map(|md| {
                omnivore_highlights(&md)
                    .into_iter()
                    .map(|(quote, comment)| passage(quote, comment))
                    .collect()
            })
            .unwrap_or_default();
        Ok(ToolItem {
            html: self.files.text(&format!("{prefix}content/{slug}.html"))?,
            highlights,
            ..record_item(e)
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
