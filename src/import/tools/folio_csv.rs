//! Folio's own CSV export, read back: one row per article, as written for
//! spreadsheets by `folio export --format csv`. It keeps no text, so each
//! article comes back as a link with its fields, tags, topics, note, dates,
//! read state and star.

use super::item::{ToolItem, any_time};
use super::table::{column, row_record};
use crate::model::Published;
use serde_json::Value;

/// The columns only Folio's export has together: the read state and star
/// beside the time the article was imported.
pub fn looks_like(headers: &[String]) -> bool {
    let has = |h: &str| headers.iter().any(|x| x == h);
    ["title", "url", "imported_at", "starred", "read_state", "saved_at"]
        .iter()
        .all(|h| has(h))
}

/// Whether a spreadsheet would run a cell as a formula (`=`, `+`, `-`,
/// `@`, a tab or a carriage return first), or the cell is such text with
/// `'`s before it: the CSV export puts a `'` before each, as OWASP advises
/// against CSV injection, and the reader takes that one off.
pub fn runs_as_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell as the article had it: the export put a `'` before text a
/// spreadsheet would run as a formula, and before such text that already
/// began with `'`s, so one `'` is taken off exactly where it put one.
fn cell_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest,
        _ => cell,
    }
}

/// A list the export joined with `; ` (authors, tags, topics, countries).
fn list(cell: Option<&str>) -> Vec<String> {
    cell.map(|c| {
        c.split("; ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

pub fn folio_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    rows.iter()
        .map(|row| {
            let get = |name: &str| {
                column(headers, row, name)
                    .map(cell_text)
                    .filter(|c| !c.is_empty())
            };
            let text = |name: &str| get(name).map(str::to_string);
            // A cell edited in a spreadsheet into something Folio cannot
            // read is said, and the rest of the row still imported.
            let mut unread = Vec::new();
            let published = get("published").and_then(|date| {
                let found = Published::from_iso(date);
                if found.is_none() {
                    unread.push(format!("the published date “{date}”"));
                }
                found
            });
            let saved_at = get("saved_at").and_then(|time| {
                let found = any_time(&Value::String(time.to_string()));
                if found.is_none() {
                    unread.push(format!("the saved time “{time}”"));
                }
                found
            });
            let archived = match get("read_state") {
                Some("archived") => Some(true),
                Some("unread") => Some(false),
                Some(other) => {
                    unread.push(format!("the read state “{other}” (unread or archived)"));
                    None
                }
                None => None,
            };
            ToolItem {
                title: text("title"),
                url: text("url"),
                source: text("source"),
                authors: list(get("authors")),
                section: text("section"),
                kind: text("kind"),
                language: text("language"),
                region: text("region"),
                countries: list(get("countries")),
                topics: list(get("topics")),
                tags: list(get("tags")),
                note: text("note"),
                published,
                saved_at,
                archived,
                starred: Some(get("starred") == Some("true")),
                record: Some(row_record(headers, row)),
                remark: (!unread.is_empty()).then(|| format!("left out {}", unread.join(", "))),
                ..ToolItem::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_made_inert_for_spreadsheets_read_as_written() {
        assert_eq!(cell_text("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(cell_text("'-- a dash"), "-- a dash");
        assert_eq!(cell_text("''=quoted"), "'=quoted");
        assert_eq!(cell_text("''tis"), "''tis");
        assert_eq!(cell_text("'tis the season"), "'tis the season");
        assert_eq!(cell_text("plain"), "plain");
    }
}
