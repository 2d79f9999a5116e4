//! Readwise's exports: Reader's library CSV
//! (`Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`)
//! and the highlights CSV of Readwise itself (`Highlight,Book Title,Book
//! Author,…,Note,…,Highlighted at,Document tags`), a row per highlight.

use super::item::{ToolItem, any_time, comma_list, stamp};
use super::table::{column, row_record};
use crate::model::MarkedPassage;
use serde_json::Value;
use std::collections::HashMap;

/// Whether a CSV's columns are Reader's library.
pub fn is_reader_csv(headers: &[String]) -> bool {
    let has = |h: &str| headers.iter().any(|x| x == h);
    has("url") && has("document tags") && has("location")
}

/// Whether a CSV's columns are Readwise's highlights.
pub fn is_highlights_csv(headers: &[String]) -> bool {
    let has = |h: &str| headers.iter().any(|x| x == h);
    has("highlight") && has("book title")
}

fn time(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    any_time(&Value::String(text.to_string()))
}

/// Reader's library: a link per row, its place in Reader (new, later,
/// shortlist, archive, feed) as its read state.
pub fn reader_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    rows.iter()
        .map(|row| {
            let get = |name: &str| column(headers, row, name);
            ToolItem {
                title: get("title").map(str::to_string),
                url: get("url").map(str::to_string),
                tags: get("document tags").map(tag_list).unwrap_or_default(),
                saved_at: get("saved date").and_then(time),
                // Archived is read; the inbox, later, the shortlist and the
                // feed are waiting to be.
                archived: get("location").map(|l| l.eq_ignore_ascii_case("archive")),
                record: Some(row_record(headers, row)),
                ..ToolItem::default()
            }
        })
        .collect()
}

/// Readwise's highlights: one article per book (or web page), its text its
/// highlights in order, each a highlight with its note and date; the tags
/// of the document and of its highlights become the article's.
pub fn highlights_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    // Books in the order they first appear, by title and author.
    let mut books: Vec<(ToolItem, Vec<Value>)> = Vec::new();
    let mut by_book: HashMap<(String, String), usize> = HashMap::new();
    for row in rows {
        let get = |name: &str| column(headers, row, name);
        let Some(quote) = get("highlight") else {
            continue;
        };
        let key = (
            get("book title").unwrap_or_default().to_string(),
            get("book author").unwrap_or_default().to_string(),
        );
        let at = *by_book.entry(key.clone()).or_insert_with(|| {
            let book = ToolItem {
                title: Some(key.0.clone()).filter(|t| !t.is_empty()),
                authors: Some(key.1.clone())
                    .filter(|a| !a.is_empty())
                    .into_iter()
                    .collect(),
                ..ToolItem::default()
            };
            books.push((book, Vec::new()));
            books.len() - 1
        });
        let (book, record) = &mut books[at];
        for tag in get("document tags")
            .map(tag_list)
            .unwrap_or_default()
            .into_iter()
            .chain(get("tags").map(tag_list).unwrap_or_default())
        {
            if !book.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                book.tags.push(tag);
            }
        }
        book.highlights.push(MarkedPassage {
            quote: quote.to_string(),
            comment: get("note").map(str::to_string),
            created_at: get("highlighted at").and_then(time).map(stamp),
            // Readwise's colours share Folio's names (yellow, blue, …).
            color: get("color").and_then(crate::model::HighlightColor::parse),
        });
        record.push(row_record(headers, row));
    }
    books
        .into_iter()
        .map(|(mut book, record)| {
            let text: Vec<&str> = book.highlights.iter().map(|h| h.quote.as_str()).collect();
            book.text = Some(text.join("\n\n"));
            book.saved_at = book
                .highlights
                .iter()
                .filter_map(|h| h.created_at.as_deref())
                .min()
                .and_then(time);
            book.record = Some(Value::Array(record));
            book
        })
        .collect()
}

/// Tags as Readwise writes them: a Python list (`['a', "it's"]`, quotes
/// escaped with `\`), or words separated by commas.
pub fn tag_list(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    let Some(inner) = cell.strip_prefix('[').and_then(|c| c.strip_suffix(']')) else {
        return comma_list(cell);
    };
    let mut tags = Vec::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\'' && c != '"' {
            continue;
        }
        let mut tag = String::new();
        while let Some(d) = chars.next() {
            match d {
                '\\' => tag.extend(chars.next()),
                _ if d == c => break,
                _ => tag.push(d),
            }
        }
        let tag = tag.trim();
        if !tag.is_empty() {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_lists_of_tags_are_read_with_their_quotes() {
        assert_eq!(
            tag_list(r#"['test', 'test2', "it's crazy"]"#),
            ["test", "test2", "it's crazy"]
        );
        assert_eq!(tag_list(r"['tag\'s', 'another']"), ["tag's", "another"]);
        assert_eq!(tag_list("[]"), Vec::<String>::new());
        assert_eq!(tag_list("plain, words"), ["plain", "words"]);
    }
}
