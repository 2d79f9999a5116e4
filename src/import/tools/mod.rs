//! The exports of the tools users arrive from. Each reader turns a file
//! into [`item::ToolItem`]s, what the tool kept of each article (its saved
//! page, or only the link, with tags, dates, states and highlights), and
//! [`item::found_article`] makes each a [`FoundArticle`], as the other
//! readers give.
//!
//! One module per tool; [`read_export`] tells which tool wrote a file by
//! its content.

mod archive;
mod instapaper;
mod item;
mod omnivore;
mod pocket;
mod table;
mod wallabag;
mod zotero;

use crate::model::FoundArticle;
use item::{ToolItem, found_article};
use serde_json::Value;
use std::path::Path;

pub use pocket::is_pocket_html;
pub use zotero::{csl_date, csl_name_text};

/// The tools whose exports Folio reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    PocketHtml,
    PocketCsv,
    InstapaperCsv,
    Wallabag,
    Omnivore,
    ZoteroCsl,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::PocketHtml | Tool::PocketCsv => "Pocket",
            Tool::InstapaperCsv => "Instapaper",
            Tool::Wallabag => "wallabag",
            Tool::Omnivore => "Omnivore",
            Tool::ZoteroCsl => "Zotero (CSL-JSON)",
        }
    }
}

/// The articles of another tool's export: each, or why it cannot be one.
pub struct ToolExport {
    pub tool: Tool,
    /// Read one at a time as they are taken (an Omnivore zip may hold
    /// gigabytes of saved pages).
    pub articles: Box<dyn Iterator<Item = Result<FoundArticle, String>>>,
}

/// Another tool's items, each read or why it could not be.
type Items = Box<dyn Iterator<Item = Result<ToolItem, String>>>;

fn all_read(items: Vec<ToolItem>) -> Items {
    Box::new(items.into_iter().map(Ok))
}

/// What `path` holds when it is another tool's export: `None` when it is
/// not one (an ordinary article file), else its articles, or why the
/// export could not be read.
pub fn read_export(path: &Path) -> Option<Result<ToolExport, String>> {
    Some(read_items(path)?.map(|(tool, items)| ToolExport {
        tool,
        articles: Box::new(items.map(move |item| item.and_then(|item| found_article(item, tool)))),
    }))
}

/// The tool and its items, when `path` is another tool's export.
fn read_items(path: &Path) -> Option<Result<(Tool, Items), String>> {
    let extension = path.extension()?.to_str()?.to_lowercase();
    if extension == "zip" {
        return Some(omnivore::omnivore(path).map(|items| (Tool::Omnivore, Box::new(items) as Items)));
    }
    if !matches!(extension.as_str(), "html" | "htm" | "csv" | "json") {
        return None;
    }
    let bytes = match crate::import::files::read_limited(path, crate::import::files::MAX_COLLECTION_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e.to_string())),
    };
    let text = String::from_utf8_lossy(&bytes);
    match extension.as_str() {
        "html" | "htm" => {
            is_pocket_html(&text).then(|| Ok((Tool::PocketHtml, all_read(pocket::pocket_html(&text)))))
        }
        "csv" => Some(table::csv_rows(&text).and_then(|(headers, rows)| {
            let has = |h: &str| headers.iter().any(|x| x == h);
            if has("url") && has("time_added") {
                Ok((Tool::PocketCsv, all_read(pocket::pocket_csv(&headers, &rows))))
            } else if has("url") && (has("folder") || has("selection")) {
                Ok((Tool::InstapaperCsv, all_read(instapaper::instapaper_csv(&headers, &rows))))
            } else {
                Err("a CSV file, but not a Pocket or Instapaper export (no url and time_added or folder columns)".into())
            }
        })),
        _ => {
            if text.trim().is_empty() {
                return Some(Err("the file is empty".into()));
            }
            let value: Value = match serde_json::from_str(&text) {
                Ok(value) => value,
                // A list or an object cut short (a download that stopped)
                // is an export that is damaged, not some other file.
                Err(e) if e.is_eof() || text.trim_start().starts_with('[') => {
                    return Some(Err(format!("the JSON is damaged or cut short ({e})")));
                }
                Err(_) => return None,
            };
            let items = value.as_array()?;
            let first = items.first()?;
            if first.get("content").is_some() && first.get("url").is_some() {
                Some(Ok((Tool::Wallabag, all_read(wallabag::wallabag(items)))))
            } else if first.get("type").is_some() && (first.get("container-title").is_some() || first.get("issued").is_some() || first.get("title").is_some()) {
                Some(Ok((Tool::ZoteroCsl, all_read(zotero::zotero(items)))))
            } else {
                None
            }
        }
    }
}
