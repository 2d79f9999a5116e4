//! The exports of the tools users arrive from: Pocket (`ril_export.html`
//! and its CSV), Instapaper's CSV, wallabag's JSON, Omnivore's zip and
//! Zotero's CSL-JSON. Each becomes a list of [`FoundArticle`]s, as the
//! other readers give: what the tool kept of an article (its saved page read
//! like a saved page, or only the link), with its tags, dates, read state
//! and highlights.

use crate::model::{
    DatePrecision, ExtractedArticle, FoundArticle, MarkedPassage, OriginalFile, Provenance, Published,
};
use chrono::{DateTime, NaiveDate, Utc};
use regex::Regex;
use serde_json::Value;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

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

/// One article as another tool kept it, before it is read.
#[derive(Debug, Clone, Default, PartialEq)]
struct ToolItem {
    pub title: Option<String>,
    pub url: Option<String>,
    /// The saved page, when the tool kept the text.
    pub html: Option<String>,
    pub tags: Vec<String>,
    pub saved_at: Option<DateTime<Utc>>,
    pub published: Option<Published>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub section: Option<String>,
    pub language: Option<String>,
    pub place: Option<String>,
    pub archived: Option<bool>,
    /// Highlighted passages, with the comment on each.
    pub highlights: Vec<(String, Option<String>)>,
}

fn unix_time(text: &str) -> Option<DateTime<Utc>> {
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
}

fn any_time(value: &Value) -> Option<DateTime<Utc>> {
    match value {
        Value::Number(n) => n.as_i64().and_then(|s| {
            // Milliseconds (JavaScript) or seconds.
            if s > 100_000_000_000 {
                DateTime::from_timestamp_millis(s)
            } else {
                DateTime::from_timestamp(s, 0)
            }
        }),
        Value::String(s) => DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .ok()
            .or_else(|| {
                DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z")
                    .map(|d| d.with_timezone(&Utc))
                    .ok()
            })
            .or_else(|| unix_time(s)),
        _ => None,
    }
}

/// A publication date as the publisher wrote it: the day in its own time
/// zone, not in UTC.
fn published_from(value: &Value) -> Option<Published> {
    let text = value.as_str()?;
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
        .map(|t| Published::day(t.date_naive()))
        .ok()
        .or_else(|| Published::from_iso(text.get(..10).unwrap_or(text)))
}

fn string(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(|v| {
                string(v)
                    .or_else(|| string(&v["name"]))
                    .or_else(|| string(&v["label"]))
            })
            .collect(),
        Value::String(s) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

fn truthy(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        _ => None,
    }
}

/// An opening `<a …>` tag; its text runs to the next tag, so a last link
/// left unclosed (a truncated export) is still read.
static LINK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<a\s+([^>]*)>([^<]*)"#).expect("a valid pattern"));
static ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)([a-z_]+)\s*=\s*"([^"]*)""#).expect("a valid pattern"));
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1[^>]*>(.*?)</h1>").expect("a valid pattern"));

/// A link's attributes, names lowercased, values with entities decoded.
fn link_attributes(tag: &str) -> Vec<(String, String)> {
    ATTRIBUTE
        .captures_iter(tag)
        .map(|a| (a[1].to_lowercase(), super::html::decode_entities(&a[2])))
        .collect()
}

/// Whether a page is Pocket's HTML export, told by its structure: it is a
/// list of links, and every link carries the time Pocket saved it. A saved
/// article whose script or text happens to say `time_added=` has links
/// without it (its menus), or none at all.
pub fn is_pocket_html(text: &str) -> bool {
    let mut links = 0;
    let mut dated = 0;
    for link in LINK_TAG.captures_iter(text) {
        links += 1;
        let attributes = link_attributes(&link[1]);
        if attributes
            .iter()
            .any(|(name, value)| name == "time_added" && value.trim().parse::<u64>().is_ok())
        {
            dated += 1;
        }
    }
    dated > 0 && dated == links
}

/// Pocket's `ril_export.html`: a list of links under "Unread" and "Read Archive".
fn pocket_html(text: &str) -> Vec<ToolItem> {
    let archive_from = HEADING
        .captures_iter(text)
        .find(|c| c[1].to_lowercase().contains("archive"))
        .and_then(|c| c.get(0))
        .map_or(usize::MAX, |m| m.start());
    LINK_TAG
        .captures_iter(text)
        .map(|c| {
            let attributes = link_attributes(&c[1]);
            let get = |name: &str| attributes.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
            let title = super::html::decode_entities(c[2].trim());
            ToolItem {
                url: get("href"),
                title: Some(title).filter(|t| !t.is_empty()),
                saved_at: get("time_added").and_then(|t| unix_time(&t)),
                tags: get("tags")
                    .map(|t| {
                        t.split(',')
                            .map(str::trim)
                            .filter(|t| !t.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
                archived: Some(c.get(0).is_some_and(|m| m.start() > archive_from)),
                ..ToolItem::default()
            }
        })
        .collect()
}

fn csv_rows(text: &str) -> Result<(Vec<String>, Vec<csv::StringRecord>), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("not a CSV file Folio can read: {e}"))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("the CSV file is damaged: {e}"))?;
    Ok((headers, rows))
}

fn column<'a>(headers: &[String], row: &'a csv::StringRecord, name: &str) -> Option<&'a str> {
    let at = headers.iter().position(|h| h == name)?;
    row.get(at).map(str::trim).filter(|v| !v.is_empty())
}

/// Pocket's CSV: `title,url,time_added,tags,status` (tags joined by `|`).
fn pocket_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    rows.iter()
        .map(|row| ToolItem {
            title: column(headers, row, "title").map(str::to_string),
            url: column(headers, row, "url").map(str::to_string),
            saved_at: column(headers, row, "time_added").and_then(unix_time),
            tags: column(headers, row, "tags")
                .map(|t| {
                    t.split(['|', ','])
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            archived: column(headers, row, "status").map(|s| s.eq_ignore_ascii_case("archive")),
            ..ToolItem::default()
        })
        .collect()
}

/// Instapaper's CSV: `URL,Title,Selection,Folder` (newer: `Timestamp`,
/// `Tags` as a JSON list). A folder other than Unread and Archive becomes
/// a tag.
fn instapaper_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    rows.iter()
        .map(|row| {
            let folder = column(headers, row, "folder").unwrap_or("Unread");
            let mut tags: Vec<String> = column(headers, row, "tags")
                .map(|t| {
                    serde_json::from_str::<Value>(t)
                        .map(|v| strings(&v))
                        .unwrap_or_else(|_| vec![t.to_string()])
                })
                .unwrap_or_default();
            if !matches!(folder.to_lowercase().as_str(), "unread" | "archive" | "starred") {
                tags.push(folder.to_string());
            }
            ToolItem {
                title: column(headers, row, "title").map(str::to_string),
                url: column(headers, row, "url").map(str::to_string),
                saved_at: column(headers, row, "timestamp").and_then(unix_time),
                tags,
                archived: Some(folder.eq_ignore_ascii_case("archive")),
                highlights: column(headers, row, "selection")
                    .map(|s| vec![(s.to_string(), None)])
                    .unwrap_or_default(),
                ..ToolItem::default()
            }
        })
        .collect()
}

/// wallabag's JSON export: entries with their saved content and annotations.
/// The title wallabag gives an entry whose page it could not read.
const WALLABAG_NO_TITLE: &str = "No title found";

fn wallabag(entries: &[Value]) -> Vec<ToolItem> {
    entries
        .iter()
        .map(|e| ToolItem {
            // wallabag's words when it could not fetch the page are not a
            // title: the page's own (or its link) stands instead.
            title: string(&e["title"]).filter(|t| t != WALLABAG_NO_TITLE),
            url: string(&e["url"]),
            html: string(&e["content"]),
            tags: strings(&e["tags"]),
            saved_at: any_time(&e["created_at"]),
            published: published_from(&e["published_at"]),
            authors: strings(&e["published_by"]),
            language: string(&e["language"]),
            archived: truthy(&e["is_archived"]),
            highlights: e["annotations"]
                .as_array()
                .map(|notes| {
                    notes
                        .iter()
                        .filter_map(|n| string(&n["quote"]).map(|q| (q, string(&n["text"]))))
                        .collect()
                })
                .unwrap_or_default(),
            ..ToolItem::default()
        })
        .collect()
}

/// Zotero's CSL-JSON: newspaper (and magazine, web) articles as references,
/// links without saved text.
fn zotero(items: &[Value]) -> Vec<ToolItem> {
    items
        .iter()
        .map(|i| {
            let parts = &i["issued"]["date-parts"][0];
            let part = |n: usize| {
                parts[n]
                    .as_i64()
                    .or_else(|| parts[n].as_str().and_then(|s| s.parse().ok()))
            };
            let published = match (part(0), part(1), part(2)) {
                (Some(y), Some(m), Some(d)) => {
                    NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32).map(Published::day)
                }
                (Some(y), Some(m), None) => {
                    NaiveDate::from_ymd_opt(y as i32, m as u32, 1).map(|date| Published {
                        date,
                        precision: DatePrecision::Month,
                        time: None,
                    })
                }
                (Some(y), None, None) => NaiveDate::from_ymd_opt(y as i32, 1, 1).map(|date| Published {
                    date,
                    precision: DatePrecision::Year,
                    time: None,
                }),
                _ => None,
            };
            let authors = i["author"]
                .as_array()
                .map(|names| {
                    names
                        .iter()
                        .filter_map(|n| {
                            string(&n["literal"]).or_else(|| {
                                let given = string(&n["given"]).unwrap_or_default();
                                string(&n["family"]).map(|f| format!("{given} {f}").trim().to_string())
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            ToolItem {
                title: string(&i["title"]),
                url: string(&i["URL"]),
                source: string(&i["container-title"]),
                section: string(&i["section"]),
                place: string(&i["publisher-place"]),
                language: string(&i["language"]),
                published,
                authors,
                ..ToolItem::default()
            }
        })
        .collect()
}

/// Most bytes Folio unpacks from one archive altogether, unless the
/// archive is large enough to hold more: see [`archive_budget`].
const MAX_ARCHIVE_BYTES: u64 = 1 << 30;

/// How much an archive of `packed` bytes may unpack to: 1 GB, or twenty
/// times its size (saved pages pack to a fifth or a tenth of their size;
/// a zip bomb to a thousandth), so that a large real export is read whole
/// and a small file that unpacks to gigabytes is not.
fn archive_budget(packed: u64) -> u64 {
    MAX_ARCHIVE_BYTES.max(packed.saturating_mul(20))
}

/// A zip archive read within bounds: no entry past the size of a file
/// Folio reads ([`super::MAX_FILE_BYTES`]), and no more in all than
/// [`archive_budget`]. The sizes an archive declares can lie, so the
/// bounds are on the bytes unpacked.
struct BoundedZip {
    zip: zip::ZipArchive<std::fs::File>,
    /// Bytes the archive may unpack to, and of them still to go.
    budget: u64,
    left: u64,
}

impl BoundedZip {
    fn open(path: &Path) -> Result<Self, String> {
        let packed = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Self::open_within(path, archive_budget(packed))
    }

    fn open_within(path: &Path, budget: u64) -> Result<Self, String> {
        let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let zip = zip::ZipArchive::new(file).map_err(|e| format!("not a zip file Folio can read: {e}"))?;
        Ok(BoundedZip {
            zip,
            budget,
            left: budget,
        })
    }

    fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// The text of the entry `name`: `None` when the archive has no such
    /// entry, an error naming it when it is damaged or unpacks past a bound.
    fn text(&mut self, name: &str) -> Result<Option<String>, String> {
        let mut entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("{name} in the zip could not be read: {e}")),
        };
        let limit = super::MAX_FILE_BYTES.min(self.left);
        let mut bytes = Vec::new();
        if entry.size() <= limit {
            (&mut entry)
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{name} in the zip could not be read: {e}"))?;
            self.left = self.left.saturating_sub(bytes.len() as u64);
        }
        let unpacked = entry.size().max(bytes.len() as u64);
        if unpacked > super::MAX_FILE_BYTES {
            let limit_mb = super::MAX_FILE_BYTES >> 20;
            return Err(format!(
                "{name} in the zip is too large (it unpacks to more than {limit_mb} MB; the limit is {limit_mb} MB)"
            ));
        }
        if unpacked > limit {
            return Err(format!(
                "{name} in the zip was not read: the archive unpacks to more than {} MB in all",
                self.budget >> 20
            ));
        }
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

/// Omnivore's export zip: `metadata_*.json`, `content/<slug>.html`,
/// `highlights/<slug>.md`. Its articles are read one at a time as the
/// import takes them, so a large export is never all in memory at once.
struct OmnivoreItems {
    zip: BoundedZip,
    /// Each article's record, with the folder of the metadata file it is in.
    records: std::vec::IntoIter<(String, Value)>,
}

fn omnivore(path: &Path) -> Result<OmnivoreItems, String> {
    let mut zip = BoundedZip::open(path)?;
    let mut names = zip.names();
    names.sort();
    let mut records = Vec::new();
    for name in names.iter().filter(|n| {
        n.rsplit('/')
            .next()
            .is_some_and(|f| f.starts_with("metadata") && f.ends_with(".json"))
    }) {
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
            .map(|md| omnivore_highlights(&md))
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

/// What another tool kept of an article, as an article: its saved page
/// read like a saved page, or only its link (marked so) when it kept no
/// text; its tags, dates, read state and highlights carried over.
fn found_article(item: ToolItem, tool: Tool) -> Result<FoundArticle, String> {
    let extracted = item
        .html
        .as_deref()
        .map(super::html::extract_html)
        .filter(|a| !a.body.trim().is_empty());
    let link_only = extracted.is_none();
    let mut meta: ExtractedArticle = extracted.unwrap_or_default();
    if item.title.is_some() {
        meta.title = item.title.clone();
    }
    if meta.title.is_none() && item.url.is_none() {
        return Err("neither a title nor a link".into());
    }
    meta.url = item.url.clone().or(meta.url);
    meta.source = item.source.clone().or(meta.source);
    meta.section = item.section.clone().or(meta.section);
    meta.published = item.published.or(meta.published);
    if !item.authors.is_empty() {
        meta.authors = item.authors.clone();
    }
    meta.language = item
        .language
        .clone()
        .or(meta.language)
        .or_else(|| super::language::detect_language(&meta.body));
    if let Some(place) = &item.place
        && let Some(region) = super::regions::region_of_country(place)
    {
        meta.countries.push(place.clone());
        meta.region = meta.region.or_else(|| Some(region.to_string()));
    }
    for tag in &item.tags {
        if !meta.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            meta.tags.push(tag.clone());
        }
    }
    let provenance = Provenance {
        saved_at: item.saved_at.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        read_state: item
            .archived
            .map(|a| if a { "archived" } else { "unread" }.to_string()),
        link_only,
        publisher_place: item.place.clone(),
    };
    // What the user gave: the saved page, or the link's record.
    let (bytes, format) = match item.html {
        Some(html) if !link_only => (html.into_bytes(), "html"),
        _ => (
            serde_json::json!({
                "tool": tool.name(),
                "title": item.title,
                "url": item.url,
                "tags": item.tags,
                "saved_at": provenance.saved_at,
            })
            .to_string()
            .into_bytes(),
            "link",
        ),
    };
    Ok(FoundArticle {
        meta,
        provenance,
        marked: item
            .highlights
            .into_iter()
            .map(|(quote, comment)| MarkedPassage { quote, comment })
            .collect(),
        original: OriginalFile {
            file_name: Some(tool.name().to_string()),
            format: format.to_string(),
            bytes,
        },
    })
}

/// The tool and its items, when `path` is another tool's export.
fn read_items(path: &Path) -> Option<Result<(Tool, Items), String>> {
    let extension = path.extension()?.to_str()?.to_lowercase();
    if extension == "zip" {
        return Some(omnivore(path).map(|items| (Tool::Omnivore, Box::new(items) as Items)));
    }
    if !matches!(extension.as_str(), "html" | "htm" | "csv" | "json") {
        return None;
    }
    let bytes = match super::files::read_limited(path, super::files::MAX_COLLECTION_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e.to_string())),
    };
    let text = String::from_utf8_lossy(&bytes);
    match extension.as_str() {
        "html" | "htm" => {
            is_pocket_html(&text).then(|| Ok((Tool::PocketHtml, all_read(pocket_html(&text)))))
        }
        "csv" => Some(csv_rows(&text).and_then(|(headers, rows)| {
            let has = |h: &str| headers.iter().any(|x| x == h);
            if has("url") && has("time_added") {
                Ok((Tool::PocketCsv, all_read(pocket_csv(&headers, &rows))))
            } else if has("url") && (has("folder") || has("selection")) {
                Ok((Tool::InstapaperCsv, all_read(instapaper_csv(&headers, &rows))))
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
                Some(Ok((Tool::Wallabag, all_read(wallabag(items)))))
            } else if first.get("type").is_some() && (first.get("container-title").is_some() || first.get("issued").is_some() || first.get("title").is_some()) {
                Some(Ok((Tool::ZoteroCsl, all_read(zotero(items)))))
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn wallabag_s_no_title_found_is_no_title() {
        let entries: Vec<Value> = serde_json::from_str(
            r#"[{"title": "No title found", "url": "https://example.org/a", "content": ""},
                {"title": "A real one", "url": "https://example.org/b", "content": ""}]"#,
        )
        .unwrap();
        let items = wallabag(&entries);
        assert_eq!(items[0].title, None);
        assert_eq!(items[1].title.as_deref(), Some("A real one"));
    }

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

    #[test]
    fn an_archive_unpacks_no_further_than_its_budget() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parts.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        for name in ["a.txt", "b.txt", "c.txt"] {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut zip, &[b'x'; 1000]).unwrap();
        }
        zip.finish().unwrap();
        let mut archive = BoundedZip::open_within(&path, 2500).unwrap();
        assert_eq!(archive.text("a.txt").unwrap().map(|t| t.len()), Some(1000));
        assert_eq!(archive.text("missing.txt"), Ok(None));
        assert_eq!(archive.text("b.txt").unwrap().map(|t| t.len()), Some(1000));
        let refused = archive.text("c.txt").unwrap_err();
        assert!(
            refused.contains("c.txt in the zip was not read: the archive unpacks to more than"),
            "{refused}"
        );
        assert_eq!(archive_budget(10 << 20), 1 << 30);
        assert_eq!(archive_budget(100 << 20), 2000 << 20);
    }

    #[test]
    fn times_in_seconds_milliseconds_and_rfc3339() {
        assert_eq!(
            unix_time("1520000000").unwrap().to_rfc3339(),
            "2018-03-02T14:13:20+00:00"
        );
        assert_eq!(
            any_time(&serde_json::json!(1520000000000i64)),
            unix_time("1520000000")
        );
        assert_eq!(
            any_time(&serde_json::json!("2018-03-02T15:13:20+01:00")),
            unix_time("1520000000")
        );
    }
}
