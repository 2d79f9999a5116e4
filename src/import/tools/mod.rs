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
mod bib_syntax;
mod bibtex;
mod bookmark;
mod chrome;
mod delicious;
mod detect;
mod elcurator;
mod export_files;
mod firefox;
mod folio_csv;
mod hypothesis;
mod instapaper;
mod item;
mod kindle;
mod latex;
mod linkwarden;
mod netscape;
mod omnivore;
mod pinboard;
mod pocket;
mod raindrop;
mod readability;
mod readwise;
mod table;
mod url_list;
mod wallabag;
mod zotero;

use crate::model::FoundArticle;
use export_files::{ExportFiles, named_like};
use item::{ToolItem, found_article};
use serde_json::Value;
use std::path::Path;

pub use folio_csv::runs_as_formula;
pub use pocket::is_pocket_html;
pub use zotero::{csl_date, csl_date_value, csl_name_text};

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
    /// Folio's own CSV export.
    FolioCsv,
    /// A BibTeX or biblatex file.
    Bibtex,
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
            Tool::BookmarkHtml => "bookmark file",
            Tool::ChromeBookmarks => "Chrome bookmarks",
            Tool::FirefoxBookmarks => "Firefox bookmarks",
            Tool::Pinboard => "Pinboard",
            Tool::Delicious => "Delicious",
            Tool::Elcurator => "elCurator",
            Tool::Readability => "Readability",
            Tool::Linkwarden => "Linkwarden",
            Tool::UrlList => "list of links",
            Tool::FolioCsv => "Folio CSV",
            Tool::Bibtex => "BibTeX",
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
pub const EXPORT_FORMATS: &str = "a Folio library export; the JSON of wallabag, Zotero (CSL-JSON), Omnivore, \
     Hypothesis, Pinboard, Delicious, elCurator, Readability and Linkwarden; Chrome's or Edge's Bookmarks \
     file and Firefox's bookmark backup; Folio's own CSV and Pocket, Instapaper, Raindrop.io, Readwise \
     Reader or Readwise highlights CSV; a BibTeX file; Pocket's or Omnivore's zip (or its folder \
     unzipped); a bookmark file (Netscape HTML, as browsers, Pinboard, Shaarli or Raindrop export it) or \
     Pocket's ril_export.html; a Kindle's My Clippings.txt; and a list of links, one a line";

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

/// Items a reader found, each read or why it is not an article.
fn each_read(items: Vec<Result<ToolItem, String>>) -> Items {
    Box::new(items.into_iter())
}

/// Whether a file is another tool's export, told by its first bytes (or,
/// for a file too damaged to tell, by an ending that says it is meant as
/// one: `.json`, `.csv`, `.zip`).
pub fn looks_like_export(path: &Path) -> bool {
    let extension = extension(path);
    if detect::export_ending(&extension) {
        return true;
    }
    let (start, kind) = sniff(path, &extension);
    kind.is_some() || kindle::looks_like(&String::from_utf8_lossy(&start))
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

/// The tool and its items, when `path` is another tool's export (or the
/// folder an export unzips to). Its kind is told from its first bytes,
/// and only an export is read whole.
fn read_items(path: &Path) -> Option<Result<(Tool, Items), String>> {
    if path.is_dir() {
        return read_export_files(ExportFiles::folder(path));
    }
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
    let kindle = kind.is_none() && kindle::looks_like(&String::from_utf8_lossy(&start));
    if !kindle && kind? == detect::Kind::Zip {
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
    let bytes = match crate::import::files::read_limited(path, crate::import::files::MAX_COLLECTION_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e.to_string())),
    };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    if kindle {
        return Some(Ok((
            Tool::Kindle,
            Box::new(kindle::clippings(text).into_iter()) as Items,
        )));
    }
    match kind? {
        // Read above, an entry at a time.
        detect::Kind::Zip => None,
        detect::Kind::Json => json_export(text),
        detect::Kind::Csv => Some(read_csv(text)),
        detect::Kind::BookmarkHtml => Some(Ok((Tool::BookmarkHtml, each_read(netscape::bookmarks(text))))),
        detect::Kind::PocketHtml => Some(Ok((Tool::PocketHtml, all_read(pocket::pocket_html(text))))),
        detect::Kind::UrlList => Some(Ok((Tool::UrlList, each_read(url_list::url_list(text))))),
        detect::Kind::Bibtex => Some(Ok((Tool::Bibtex, each_read(bibtex::bibtex(text))))),
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
    let (tool, items) = if folio_csv::looks_like(&headers) {
        (Tool::FolioCsv, folio_csv::folio_csv(&headers, &rows))
    } else if pocket::is_pocket_csv(&headers) {
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
             Folio's own CSV export, Pocket, Instapaper, Raindrop.io, Readwise Reader or Readwise \
             highlights",
            headers.join(", ")
        ));
    };
    Ok((tool, all_read(items)))
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
    if let Some(annotations) = hypothesis::annotations(&value) {
        return Some(Ok((
            Tool::Hypothesis,
            all_read(hypothesis::hypothesis(annotations)),
        )));
    }
    if let Some(items) = value.as_array() {
        let first = items.iter().find(|i| i.is_object())?;
        let has = |key: &str| first.get(key).is_some();
        let (tool, read) = if has("content") && has("url") {
            (Tool::Wallabag, wallabag::wallabag(items))
        } else if omnivore::is_metadata_list(items) {
            (Tool::Omnivore, omnivore::omnivore_metadata(items))
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
