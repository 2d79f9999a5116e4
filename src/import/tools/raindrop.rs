//! Raindrop.io's CSV backup:
//! `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`.

use super::item::{ToolItem, any_time, comma_list, passage, truthy};
use super::table::{column, row_record};
use serde_json::Value;

/// Whether a CSV's columns are Raindrop's: a link with its folder, and the
/// excerpt or highlights Raindrop keeps (Instapaper has a folder too, and
/// neither of these).
pub fn looks_like(headers: &[String]) -> bool {
    let has = |h: &str| headers.iter().any(|x| x == h);
    has("url") && has("folder") && (has("excerpt") || has("highlights"))
}

/// The folder every link is in until the user files it: not a choice of
/// theirs, so not a tag.
const UNFILED: &str = "Unsorted";

pub fn raindrop_csv(headers: &[String], rows: &[csv::StringRecord]) -> Vec<ToolItem> {
    rows.iter()
        .map(|row| {
            let get = |name: &str| column(headers, row, name);
            let mut tags: Vec<String> = get("tags").map(comma_list).unwrap_or_default();
            // A folder is where the user filed the link, a grouping of
            // their own as a tag is; Folio has no folders, so the folder
            // (`Reading/Later` as written) stays as a tag.
            if let Some(folder) = get("folder").filter(|f| !f.eq_ignore_ascii_case(UNFILED))
                && !tags.iter().any(|t| t.eq_ignore_ascii_case(folder))
            {
                tags.push(folder.to_string());
            }
            ToolItem {
                title: get("title").map(str::to_string),
                url: get("url").map(str::to_string),
                tags,
                saved_at: get("created").and_then(|c| any_time(&Value::String(c.to_string()))),
                starred: get("favorite").and_then(|f| truthy(&Value::String(f.to_string()))),
                // The excerpt is the page's description, not the article:
                // kept after the user's own note, labelled as such.
                note: note_with_excerpt(get("note"), get("excerpt")),
                highlights: get("highlights").map(highlights).unwrap_or_default(),
                record: Some(row_record(headers, row)),
                ..ToolItem::default()
            }
        })
        .collect()
}

fn note_with_excerpt(note: Option<&str>, excerpt: Option<&str>) -> Option<String> {
    match (note, excerpt) {
        (Some(note), Some(excerpt)) => Some(format!("{note}\n\nExcerpt: {excerpt}")),
        (Some(note), None) => Some(note.to_string()),
        (None, Some(excerpt)) => Some(format!("Excerpt: {excerpt}")),
        (None, None) => None,
    }
}

/// Raindrop's highlights cell: each highlight starts `Highlight:` on its
/// own line, its comment (if any) `Note:` on a line after it; entries are
/// separated by blank lines. A cell without those labels holds one
/// highlight per paragraph.
fn highlights(cell: &str) -> Vec<crate::model::MarkedPassage> {
    let labelled = cell.lines().any(|l| l.trim_start().starts_with("Highlight:"));
    if !labelled {
        return cell
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| passage(p, None))
            .collect();
    }
    // (quote, comment), the line being read adding to the last part begun.
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    for line in cell.lines() {
        let trimmed = line.trim();
        if let Some(quote) = trimmed.strip_prefix("Highlight:") {
            found.push((quote.trim().to_string(), None));
        } else if let Some(note) = trimmed.strip_prefix("Note:")
            && let Some((_, comment)) = found.last_mut()
        {
            *comment = Some(note.trim().to_string());
        } else if let Some((quote, comment)) = found.last_mut()
            && !trimmed.is_empty()
        {
            // A passage or a note running over several lines.
            let part = comment.as_mut().unwrap_or(quote);
            part.push('\n');
            part.push_str(trimmed);
        }
    }
    found
        .into_iter()
        .filter(|(quote, _)| !quote.is_empty())
        .map(|(quote, comment)| passage(quote, comment.filter(|c| !c.is_empty())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_are_read_with_their_notes() {
        let found = highlights(
            "Highlight:The first passage\nNote:Why it matters\n\nHighlight:A second\nover two lines",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].quote, "The first passage");
        assert_eq!(found[0].comment.as_deref(), Some("Why it matters"));
        assert_eq!(found[1].quote, "A second\nover two lines");
        assert_eq!(found[1].comment, None);
        assert_eq!(highlights("One\n\nTwo").len(), 2);
    }
}
