//! A Kindle's `My Clippings.txt`: every highlight, note and bookmark made
//! on the device, each an entry ended by a line of `=`:
//!
//! ```text
//! Title (Author)
//! - Your Highlight on page 12 | Location 180-182 | Added on Sunday, 3 March 2019 10:00:00
//!
//! The passage highlighted
//! ==========
//! ```

use super::item::{ToolItem, stamp};
use crate::model::MarkedPassage;
use chrono::NaiveDateTime;
use serde_json::{Value, json};
use std::collections::HashMap;

const END_OF_ENTRY: &str = "==========";

/// Whether a text is a Kindle's clippings: its first entry is ended by the
/// line of `=`, after a heading and a line saying what was marked where.
pub fn looks_like(text: &str) -> bool {
    let Some(first) = text.split(END_OF_ENTRY).next() else {
        return false;
    };
    text.contains(END_OF_ENTRY)
        && first
            .trim_start_matches('\u{feff}')
            .trim_start()
            .lines()
            .nth(1)
            .is_some_and(|meta| meta.trim_start().starts_with("- ") && meta.contains('|'))
}

/// What an entry marks.
#[derive(Debug, PartialEq)]
enum Kind {
    Highlight,
    Note,
    Bookmark,
}

struct Entry {
    title: String,
    author: Option<String>,
    kind: Kind,
    /// Where it is: `page 12 | Location 180-182` as the device wrote it.
    place: String,
    /// The last location it covers, which a note shares with the passage
    /// it is on.
    location_end: Option<u32>,
    added: Option<NaiveDateTime>,
    text: String,
}

/// One item per book, in the order the books first appear: its highlights
/// (with the notes made on them as their comments) are its text.
/// An entry that is not one is reported after the books, with its start.
pub fn clippings(text: &str) -> Vec<Result<ToolItem, String>> {
    let mut books: Vec<(String, Option<String>, Vec<Entry>)> = Vec::new();
    let mut by_book: HashMap<(String, Option<String>), usize> = HashMap::new();
    let mut unread = Vec::new();
    for raw in text.split(END_OF_ENTRY) {
        let Some(entry) = entry(raw) else {
            let raw = raw.trim_matches(['\u{feff}', '\r', '\n', ' ', '\t']);
            if !raw.is_empty() {
                let start: String = raw.chars().take(60).collect();
                unread.push(Err(format!(
                    "an entry that is not a clipping (a book's title, then a line such as \
                     \"- Your Highlight on page 12 | Location 180-182 | Added on …\"): {start}"
                )));
            }
            continue;
        };
        let key = (entry.title.clone(), entry.author.clone());
        match by_book.get(&key) {
            Some(&at) => books[at].2.push(entry),
            None => {
                by_book.insert(key, books.len());
                books.push((entry.title.clone(), entry.author.clone(), vec![entry]));
            }
        }
    }
    books
        .into_iter()
        .map(|(title, author, entries)| Ok(book(title, author, entries)))
        .chain(unread)
        .collect()
}

fn book(title: String, author: Option<String>, entries: Vec<Entry>) -> ToolItem {
    let mut highlights: Vec<(Option<u32>, MarkedPassage)> = Vec::new();
    let mut loose_notes = Vec::new();
    let mut bookmarks = 0;
    for entry in &entries {
        let added = entry.added.map(|t| stamp(t.and_utc()));
        match entry.kind {
            Kind::Bookmark => bookmarks += 1,
            Kind::Highlight if !entry.text.is_empty() => highlights.push((
                entry.location_end,
                MarkedPassage {
                    quote: entry.text.clone(),
                    comment: None,
                    created_at: added,
                    color: None,
                },
            )),
            Kind::Highlight => {}
            Kind::Note => {
                // A note sits where the passage it is on ends.
                match highlights
                    .iter_mut()
                    .rev()
                    .find(|(end, _)| end.is_some() && *end == entry.location_end)
                {
                    Some((_, passage)) => {
                        let comment = passage.comment.get_or_insert_with(String::new);
                        if !comment.is_empty() {
                            comment.push('\n');
                        }
                        comment.push_str(&entry.text);
                    }
                    None => loose_notes.push(format!("{}: {}", entry.place, entry.text)),
                }
            }
        }
    }
    let highlights: Vec<MarkedPassage> = highlights.into_iter().map(|(_, h)| h).collect();
    let text: Vec<&str> = highlights.iter().map(|h| h.quote.as_str()).collect();
    let record: Vec<Value> = entries
        .iter()
        .map(|e| json!({"kind": format!("{:?}", e.kind), "place": e.place, "added": e.added.map(|t| t.to_string()), "text": e.text}))
        .collect();
    ToolItem {
        title: Some(title).filter(|t| !t.is_empty()),
        authors: author.into_iter().collect(),
        text: Some(text.join("\n\n")).filter(|t| !t.is_empty()),
        saved_at: entries.iter().filter_map(|e| e.added).min().map(|t| t.and_utc()),
        // Notes on no highlight are kept as the book's note, each with
        // its place.
        note: Some(loose_notes.join("\n\n")).filter(|n| !n.is_empty()),
        highlights,
        record: Some(json!({"title": entries.first().map(|e| e.title.clone()), "clippings": record})),
        remark: match bookmarks {
            0 => None,
            1 => Some("1 bookmark left out: a bookmark marks a place and holds no text".into()),
            n => Some(format!(
                "{n} bookmarks left out: a bookmark marks a place and holds no text"
            )),
        },
        ..ToolItem::default()
    }
}

/// One entry: heading, meta line, a blank line, the text.
fn entry(raw: &str) -> Option<Entry> {
    let raw = raw.trim_start_matches(['\u{feff}', '\r', '\n']);
    let mut lines = raw.lines();
    let heading = lines.next()?.trim_start_matches('\u{feff}').trim();
    let meta = lines.next()?.trim();
    if heading.is_empty() || !meta.starts_with('-') {
        return None;
    }
    let text = lines
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string();
    let (title, author) = title_and_author(heading);
    let parts: Vec<&str> = meta.trim_start_matches('-').split('|').map(str::trim).collect();
    let what = parts.first().copied().unwrap_or_default().to_lowercase();
    // English words; a Kindle in another language writes its own, and an
    // entry with text is kept as a highlight rather than lost.
    let kind = if what.contains("bookmark") {
        Kind::Bookmark
    } else if what.contains("note") {
        Kind::Note
    } else if !text.is_empty() || what.contains("highlight") {
        Kind::Highlight
    } else {
        Kind::Bookmark
    };
    let place_parts: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| *i > 0 && !p.to_lowercase().starts_with("added on"))
        .map(|(_, p)| *p)
        .collect();
    // "Your Highlight on page 12" holds the page: keep it in the place.
    // (Found in the line as written: its lowercase may differ in length.)
    let page = parts
        .first()
        .and_then(|p| p.split_once(" on ").map(|(_, place)| place.trim().to_string()));
    let place = page
        .into_iter()
        .chain(place_parts.iter().map(|p| p.to_string()))
        .collect::<Vec<_>>()
        .join(" | ");
    let location_end = parts.iter().find_map(|p| location_end(p));
    let added = parts
        .iter()
        .find_map(|p| {
            p.strip_prefix("Added on ")
                .or_else(|| p.strip_prefix("added on "))
        })
        .and_then(added_time);
    Some(Entry {
        title,
        author,
        kind,
        place,
        location_end,
        added,
        text,
    })
}

/// `Title (Author)`: the author is in the last parentheses.
fn title_and_author(heading: &str) -> (String, Option<String>) {
    if let Some(open) = heading.strip_suffix(')').and_then(|h| h.rfind('(')) {
        let author = heading[open + 1..heading.len() - 1].trim();
        let title = heading[..open].trim();
        if !title.is_empty() && !author.is_empty() {
            return (title.to_string(), Some(author.to_string()));
        }
    }
    (heading.to_string(), None)
}

/// The last location of `Location 180-182` (or `Loc. 180-82`, as older
/// Kindles wrote it, the end's leading digits left out).
fn location_end(part: &str) -> Option<u32> {
    let lower = part.to_lowercase();
    let at = lower
        .find("location ")
        .map(|a| a + 9)
        .or_else(|| lower.find("loc. ").map(|a| a + 5))?;
    let range = lower[at..].split_whitespace().next()?;
    let (start, end) = range.split_once('-').unwrap_or((range, range));
    let start_n: u32 = start.parse().ok()?;
    let end_n: u32 = end.parse().ok()?;
    if end_n >= start_n || end.len() >= start.len() {
        return Some(end_n);
    }
    // `180-82`: the end's missing digits are the start's.
    let prefix = &start[..start.len() - end.len()];
    format!("{prefix}{end}").parse().ok()
}

/// `Sunday, 3 March 2019 10:00:00` or `Sunday, March 3, 2019 10:00:00 AM`:
/// the device's own time, which carries no zone.
fn added_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    [
        "%A, %d %B %Y %H:%M:%S",
        "%A, %B %d, %Y %I:%M:%S %p",
        "%A, %B %d, %Y, %I:%M %p",
        "%A, %d %B %Y %H:%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_line_ends_read_alike_and_a_stray_entry_is_reported() {
        let text = "Book (Author)\n- Your Highlight on Location 10-12 | Added on Sunday, 3 March 2019 10:00:00\n\nA passage\n==========\nstray words\n==========\n";
        let read = clippings(text);
        assert_eq!(read, clippings(&text.replace('\n', "\r\n")));
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].as_ref().unwrap().highlights[0].quote, "A passage");
        assert!(read[1].as_ref().unwrap_err().ends_with(": stray words"));
    }

    #[test]
    fn text_in_any_script_is_read_without_a_panic() {
        let odd = "\u{130}\u{130} (\u{130})\n- \u{130}\u{130} on \u{130} | Loc. 9-\u{130} | Location 12-3\n\n\u{130}\n==========\n(\n- |\n==========";
        let read = clippings(odd);
        assert_eq!(read.len(), 2, "{read:?}");
        assert_eq!(location_end("Loc. 9-\u{130}"), None);
    }

    #[test]
    fn locations_and_times_as_kindles_write_them() {
        assert_eq!(location_end("Location 180-182"), Some(182));
        assert_eq!(location_end("Loc. 1180-92"), Some(1192));
        assert_eq!(location_end("Location 75"), Some(75));
        assert_eq!(location_end("page 12"), None);
        assert_eq!(
            added_time("Sunday, 3 March 2019 10:00:00").map(|t| t.to_string()),
            Some("2019-03-03 10:00:00".into())
        );
        assert_eq!(
            added_time("Sunday, March 3, 2019 2:05:09 PM").map(|t| t.to_string()),
            Some("2019-03-03 14:05:09".into())
        );
        assert_eq!(
            title_and_author("Dune (Messiah) (Frank Herbert)"),
            ("Dune (Messiah)".into(), Some("Frank Herbert".into()))
        );
    }
}
