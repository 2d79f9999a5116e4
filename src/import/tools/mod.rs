//! The exports of the tools users arrive from. Each reader turns a file
//! into [`item::ToolItem`]s, what the tool kept of each article (its saved
//! page, or only the link, with tags, dates, states and highlights), and
//! [`item::found_article`] makes each a [`FoundArticle`], as the other
//! readers give.
//!
//! One module per tool; [`read_export`] tells which tool wrote a file by
//! its content.

mod archive;
mod export_files;
mod hypothesis;
mod instapaper;
mod item;
mod kindle;
mod omnivore;
mod pocket;
mod raindrop;
mod readwise;
mod table;
mod wallabag;
mod zotero;

use crate::model::FoundArticle;
use export_files::{ExportFiles, named_like};
use item::{ToolItem, found_article};
use serde_json::Value;
use std::path::Path;

pub use pocket::is_pocket_html;

/// The tools whose exports Folio reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    PocketHtml,
    PocketCsv,
    InstapaperCsv,
    Wallabag,
    Omnivore,
    ZoteroCsl,
    Raindrop,
    ReadwiseReader,
    ReadwiseHighlights,
    Kindle,
    Hypothesis,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::PocketHtml | Tool::PocketCsv => "Pocket",
            Tool::InstapaperCsv => "Instapaper",
            Tool::Wallabag => "wallabag",
            Tool::Omnivore => "Omnivore",
            Tool::ZoteroCsl => "Zotero (CSL-JSON)",
            Tool::Raindrop => "Raindrop.io",
            Tool::ReadwiseReader => "Readwise Reader",
            Tool::ReadwiseHighlights => "Readwise",
            Tool::Kindle => "Kindle",
            Tool::Hypothesis => "Hypothesis",
        }
    }
}

/// The articles of another tool's export: each, or why it cannot be one.
pub struct ToolExport {
    pub tool: Tool,
    /// Read one at a time as they are taken (an Omnivore zip may hold
    /// gigabytes of saved pages).
    pub articles: Box<dyn Iterator<Item = Result<ToolArticle, String>>>,
}

/// One article of another tool's export, and what the report should say
/// of it besides.
pub struct ToolArticle {
    pub found: FoundArticle,
    pub remark: Option<String>,
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
        articles: Box::new(items.map(move |item| {
            item.and_then(|mut item| {
                let remark = item.remark.take();
                found_article(item, tool).map(|found| ToolArticle { found, remark })
            })
        })),
    }))
}

/// The formats of many articles Folio reads, for a file that is none.
pub const EXPORT_FORMATS: &str = "a Folio library; wallabag, Zotero CSL-JSON, Omnivore or Hypothesis JSON; \
     Pocket, Instapaper, Raindrop.io, Readwise Reader or Readwise highlights CSV; \
     Pocket's or Omnivore's zip (or its folder unzipped); a Kindle's My Clippings.txt";

/// Whether a folder is an export unzipped: Pocket's CSV parts (told by
/// their columns, so that a folder of the user's own `part_1.csv` is
/// walked as any other), or Omnivore's metadata beside its `content` or
/// `highlights` folder. It is read as one export rather than walked as
/// files.
pub fn is_export_folder(path: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(path) else {
        return false;
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    let is_pocket_part = |name: &String| {
        let start = crate::import::files::read_start(&path.join(name), 4096);
        let header = String::from_utf8_lossy(&start);
        let columns: Vec<String> = header
            .lines()
            .next()
            .unwrap_or_default()
            .split(',')
            .map(|c| {
                c.trim()
                    .trim_matches('"')
                    .trim_start_matches('\u{feff}')
                    .to_lowercase()
            })
            .collect();
        pocket::is_pocket_csv(&columns)
    };
    let parts: Vec<&String> = names.iter().filter(|n| named_like(n, "part_", ".csv")).collect();
    (!parts.is_empty() && parts.iter().all(|n| is_pocket_part(n)))
        || (names.iter().any(|n| named_like(n, "metadata", ".json")) && (has("content") || has("highlights")))
}

/// Whether a text file is a Kindle's clippings.
pub fn is_kindle_clippings(text: &str) -> bool {
    kindle::looks_like(text)
}

/// The tool and its items, when `path` is another tool's export.
fn read_items(path: &Path) -> Option<Result<(Tool, Items), String>> {
    if path.is_dir() {
        return read_export_files(ExportFiles::folder(path));
    }
    let extension = path.extension()?.to_str()?.to_lowercase();
    if extension == "zip" {
        return Some(ExportFiles::zip(path).and_then(|files| {
            read_export_files(files).unwrap_or_else(|| {
                Err(
                    "a zip file, but not an export Folio knows (neither Omnivore's metadata_*.json \
                     nor Pocket's part_*.csv inside)"
                        .into(),
                )
            })
        }));
    }
    if !matches!(extension.as_str(), "html" | "htm" | "csv" | "json" | "txt") {
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
        "txt" => kindle::looks_like(&text).then(|| {
            Ok((
                Tool::Kindle,
                Box::new(kindle::clippings(&text).into_iter()) as Items,
            ))
        }),
        "csv" => Some(read_csv(&text)),
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
            if let Some(annotations) = hypothesis::annotations(&value) {
                return Some(Ok((
                    Tool::Hypothesis,
                    all_read(hypothesis::hypothesis(annotations)),
                )));
            }
            let items = value.as_array()?;
            let first = items.first()?;
            if first.get("content").is_some() && first.get("url").is_some() {
                Some(Ok((Tool::Wallabag, all_read(wallabag::wallabag(items)))))
            } else if omnivore::is_metadata_list(items) {
                Some(Ok((Tool::Omnivore, all_read(omnivore::omnivore_metadata(items)))))
            } else if first.get("type").is_some()
                && (first.get("container-title").is_some()
                    || first.get("issued").is_some()
                    || first.get("title").is_some())
            {
                Some(Ok((Tool::ZoteroCsl, all_read(zotero::zotero(items)))))
            } else {
                None
            }
        }
    }
}

/// An export that comes as many files, zipped or in a folder.
fn read_export_files(files: ExportFiles) -> Option<Result<(Tool, Items), String>> {
    let names = files.names();
    if pocket::looks_like_parts(&names) {
        Some(pocket::pocket_parts(files).map(|items| (Tool::PocketCsv, all_read(items))))
    } else if omnivore::looks_like(&names) {
        Some(omnivore::omnivore(files).map(|items| (Tool::Omnivore, Box::new(items) as Items)))
    } else {
        None
    }
}

/// A CSV export, told by its columns.
fn read_csv(text: &str) -> Result<(Tool, Items), String> {
    if text.trim().is_empty() {
        return Err("the file is empty".into());
    }
    let text = table::with_line_breaks(text);
    let (headers, rows) = table::csv_rows(&text)?;
    let has = |h: &str| headers.iter().any(|x| x == h);
    let (tool, items) = if pocket::is_pocket_csv(&headers) {
        (Tool::PocketCsv, pocket::pocket_csv(&headers, &rows))
    } else if raindrop::looks_like(&headers) {
        (Tool::Raindrop, raindrop::raindrop_csv(&headers, &rows))
    } else if readwise::is_reader_csv(&headers) {
        (Tool::ReadwiseReader, readwise::reader_csv(&headers, &rows))
    } else if readwise::is_highlights_csv(&headers) {
        (
            Tool::ReadwiseHighlights,
            readwise::highlights_csv(&headers, &rows),
        )
    } else if has("url") && (has("folder") || has("selection")) {
        (Tool::InstapaperCsv, instapaper::instapaper_csv(&headers, &rows))
    } else {
        return Err(format!(
            "a CSV file, but not an export Folio knows: its columns ({}) are not those of \
             Pocket, Instapaper, Raindrop.io, Readwise Reader or Readwise highlights",
            headers.join(", ")
        ));
    };
    Ok((tool, all_read(items)))
}
