//! The exports of the tools users arrive from. Each reader turns a file
//! into [`item::ToolItem`]s, what the tool kept of each article (its saved
//! page, or only the link, with tags, dates, states and highlights), and
//! [`item::found_article`] makes each a [`FoundArticle`], as the other
//! readers give.
//!
//! One module per tool; [`read_export`] tells which tool wrote a file by
//! its content.

mod archive;
mod attributes;
mod bookmark;
mod chrome;
mod delicious;
mod detect;
mod elcurator;
mod firefox;
mod instapaper;
mod item;
mod linkwarden;
mod netscape;
mod omnivore;
mod pinboard;
mod pocket;
mod readability;
mod table;
mod url_list;
mod wallabag;
mod zotero;

use crate::model::FoundArticle;
use item::{ToolItem, found_article};
use serde_json::Value;
use std::path::Path;

/// The tools whose exports Folio reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    PocketHtml,
    PocketCsv,
    InstapaperCsv,
    Wallabag,
    Omnivore,
    ZoteroCsl,
    /// A Netscape bookmark file, as browsers and bookmark services write it.
    BookmarkHtml,
    ChromeBookmarks,
    FirefoxBookmarks,
    Pinboard,
    Delicious,
    Elcurator,
    Readability,
    Linkwarden,
    UrlList,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::PocketHtml | Tool::PocketCsv => "Pocket",
            Tool::InstapaperCsv => "Instapaper",
            Tool::Wallabag => "wallabag",
            Tool::Omnivore => "Omnivore",
            Tool::ZoteroCsl => "Zotero (CSL-JSON)",
            Tool::BookmarkHtml => "bookmark file",
            Tool::ChromeBookmarks => "Chrome bookmarks",
            Tool::FirefoxBookmarks => "Firefox bookmarks",
            Tool::Pinboard => "Pinboard",
            Tool::Delicious => "Delicious",
            Tool::Elcurator => "elCurator",
            Tool::Readability => "Readability",
            Tool::Linkwarden => "Linkwarden",
            Tool::UrlList => "list of links",
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

/// Items a reader found, each read or why it is not an article.
fn each_read(items: Vec<Result<ToolItem, String>>) -> Items {
    Box::new(items.into_iter())
}

/// Whether a file is another tool's export, told by its first bytes (or,
/// for a file too damaged to tell, by an ending that says it is meant as
/// one: `.json`, `.csv`, `.zip`).
pub fn looks_like_export(path: &Path) -> bool {
    let extension = extension(path);
    detect::export_ending(&extension) || sniff(path, &extension).1.is_some()
}

/// A file's first bytes, and the kind of export they begin.
fn sniff(path: &Path, extension: &str) -> (Vec<u8>, Option<detect::Kind>) {
    let start = crate::import::files::read_start(path, detect::SNIFF_BYTES);
    let kind = detect::kind(&start, start.len() < detect::SNIFF_BYTES, extension)
        .filter(|kind| *kind != detect::Kind::Zip || extension == "zip" || omnivore::is_omnivore_zip(path));
    (start, kind)
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase()
}

/// The tool and its items, when `path` is another tool's export. Its kind
/// is told from its first bytes, and only an export is read whole.
fn read_items(path: &Path) -> Option<Result<(Tool, Items), String>> {
    let extension = extension(path);
    let (start, kind) = sniff(path, &extension);
    if start.iter().all(u8::is_ascii_whitespace) {
        // Empty, or unreadable (which the full read below tells): an
        // export by its name says so; any other is not an export.
        if !detect::export_ending(&extension) {
            return None;
        }
        return Some(
            match crate::import::files::read_limited(path, crate::import::files::MAX_COLLECTION_BYTES) {
                Err(e) => Err(e.to_string()),
                Ok(_) => Err("the file is empty".into()),
            },
        );
    }
    let kind = kind?;
    if kind == detect::Kind::Zip {
        return Some(omnivore::omnivore(path).map(|items| (Tool::Omnivore, Box::new(items) as Items)));
    }
    let bytes = match crate::import::files::read_limited(path, crate::import::files::MAX_COLLECTION_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e.to_string())),
    };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    match kind {
        // Read above, an entry at a time.
        detect::Kind::Zip => None,
        detect::Kind::Json => json_export(text),
        detect::Kind::Csv => Some(csv_export(text)),
        detect::Kind::BookmarkHtml => Some(Ok((Tool::BookmarkHtml, each_read(netscape::bookmarks(text))))),
        detect::Kind::PocketHtml => Some(Ok((Tool::PocketHtml, all_read(pocket::pocket_html(text))))),
        detect::Kind::UrlList => Some(Ok((Tool::UrlList, each_read(url_list::url_list(text))))),
    }
}

/// A CSV export, told by its columns.
fn csv_export(text: &str) -> Result<(Tool, Items), String> {
    let (headers, rows) = table::csv_rows(text)?;
    let has = |h: &str| headers.iter().any(|x| x == h);
    if has("url") && has("time_added") {
        Ok((Tool::PocketCsv, all_read(pocket::pocket_csv(&headers, &rows))))
    } else if has("url") && (has("folder") || has("selection")) {
        Ok((
            Tool::InstapaperCsv,
            all_read(instapaper::instapaper_csv(&headers, &rows)),
        ))
    } else {
        Err(
            "a CSV file, but not a Pocket or Instapaper export (no url and time_added or folder columns)"
                .into(),
        )
    }
}

/// A JSON export, told by its shape: `None` when it is none Folio knows.
fn json_export(text: &str) -> Option<Result<(Tool, Items), String>> {
    if text.trim().is_empty() {
        return Some(Err("the file is empty".into()));
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        // A list or an object cut short (a download that stopped)
        // is an export that is damaged, not some other file.
        Err(e) if e.is_eof() || text.trim_start().starts_with('[') => {
            return Some(Err(format!("the JSON is damaged or cut short ({e})")));
        }
        Err(_) => return None,
    };
    if let Some(items) = value.as_array() {
        let first = items.iter().find(|i| i.is_object())?;
        let has = |key: &str| first.get(key).is_some();
        let (tool, read) = if has("content") && has("url") {
            (Tool::Wallabag, wallabag::wallabag(items))
        } else if has("type") && (has("container-title") || has("issued") || has("title")) {
            (Tool::ZoteroCsl, zotero::zotero(items))
        } else if has("href") {
            (Tool::Pinboard, pinboard::pinboard(items))
        } else if has("url") && has("is_saved") {
            (Tool::Elcurator, elcurator::elcurator(items))
        } else if has("url") && has("created") {
            (Tool::Delicious, delicious::delicious(items))
        } else {
            return None;
        };
        return Some(Ok((tool, all_read(read))));
    }
    if chrome::is_chrome_bookmarks(&value) {
        Some(Ok((
            Tool::ChromeBookmarks,
            each_read(chrome::chrome_bookmarks(&value)),
        )))
    } else if firefox::is_firefox_backup(&value) {
        Some(Ok((
            Tool::FirefoxBookmarks,
            each_read(firefox::firefox_bookmarks(&value)),
        )))
    } else if readability::is_readability(&value) {
        Some(Ok((
            Tool::Readability,
            all_read(readability::readability(&value)),
        )))
    } else if linkwarden::is_linkwarden(&value) {
        Some(Ok((Tool::Linkwarden, all_read(linkwarden::linkwarden(&value)))))
    } else {
        None
    }
}
