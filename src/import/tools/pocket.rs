//! Pocket's exports: the classic `ril_export.html` (a list of links under
//! "Unread" and "Read Archive"), its CSV, and since 2024 a zip of CSV
//! parts (`part_000000.csv`, …).

use super::attributes::Attributes;
use super::export_files::{ExportFiles, named_like};
use super::item::{ToolItem, comma_list, unix_time};
use super::table::{column, csv_rows};
use regex::Regex;
use std::sync::LazyLock;

/// An opening `<a …>` tag; its text runs to the next tag, so a last link
/// left unclosed (a truncated export) is still read.
static LINK_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<a\s+([^>]*)>([^<]*)"#).expect("a valid pattern"));
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1[^>]*>(.*?)</h1>").expect("a valid pattern"));

/// Whether a page is Pocket's HTML export, told by its structure: it is a
/// list of links, and every link carries the time Pocket saved it. A saved
/// article whose script or text happens to say `time_added=` has links
/// without it (its menus), or none at all.
pub fn is_pocket_html(text: &str) -> bool {
    let mut links = 0;
    let mut dated = 0;
    for link in LINK_TAG.captures_iter(text) {
        links += 1;
        if Attributes::of(&link[1])
            .get("time_added")
            .is_some_and(|value| value.trim().parse::<u64>().is_ok())
        {
            dated += 1;
        }
    }
    dated > 0 && dated == links
}

/// Pocket's `ril_export.html`: a list of links under "Unread" and "Read Archive".
pub fn pocket_html(text: &str) -> Vec<ToolItem> {
    let archive_from = HEADING
        .captures_iter(text)
        .find(|c| c[1].to_lowercase().contains("archive"))
        .and_then(|c| c.get(0))
        .map_or(usize::MAX, |m| m.start());
    LINK_TAG
        .captures_iter(text)
        .map(|c| {
            let attributes = Attributes::of(&c[1]);
            let title = crate::import::html::decode_entities(c[2].trim());
            ToolItem {
                url: attributes.get("href").map(str::to_string),
                title: Some(title).filter(|t| !t.is_empty()),
                saved_at: attributes.get("time_added").and_then(unix_time),
                tags: attributes.get("tags").map(comma_list).unwrap_or_default(),
                archived: Some(c.get(0).is_some_and(|m| m.start() > archive_from)),
                ..ToolItem::default()
            }
        })
        .collect()
}

/// Whether a CSV's columns are Pocket's.
pub fn is_pocket_csv(headers: &[String]) -> bool {
    let has = |h: &str| headers.iter().any(|x| x == h);
    has("url") && has("time_added")
}

fn is_part(name: &str) -> bool {
    named_like(name, "part_", ".csv")
}

/// Whether a zip's or a folder's files are Pocket's 2024 export: its CSV
/// parts.
pub fn looks_like_parts(names: &[String]) -> bool {
    names.iter().any(|n| is_part(n))
}

/// Pocket's 2024 export: every part's links, in the order of the parts,
/// as one export. A part that is not Pocket's CSV fails the whole: its
/// links would otherwise be lost without a word.
pub fn pocket_parts(mut files: ExportFiles) -> Result<Vec<ToolItem>, String> {
    let mut items = Vec::new();
    for name in files.names().iter().filter(|n| is_part(n)) {
        let text = files.text(name)?.unwrap_or_default();
        if text.trim().is_empty() {
            continue;
        }
        let (headers, rows) = csv_rows(&text).map_err(|e| format!("{name}: {e}"))?;
        if !is_pocket_csv(&headers) {
            return Err(format!(
                "{name} is not one of Pocket's CSV parts (it has no url and time_added columns)"
            ));
        }
        items.extend(pocket_csv(&headers, &rows));
    }
    Ok(items)
}

/// Pocket's CSV: `title,url,time_added,tags,status` (tags joined by `|`;
/// since 2024 also a `cursor`, Pocket's own bookkeeping).
pub fn pocket_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
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
            record: Some(super::table::row_record(headers, row)),
            ..ToolItem::default()
        })
        .collect()
}
