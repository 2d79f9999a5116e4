//! A link arriving for an article the library already has. Pocket,
//! Instapaper and bookmark files keep only the link of most items; a user
//! who clipped the article itself, or imports the same export again after
//! archiving half of it, wants one article with what both said, not a
//! second copy. So a link-only item whose address the library knows is
//! merged into that article: its tags added, its read state taken (the
//! tool's latest word), a star, a saved date, a note or highlights the
//! article lacks added. Nothing the library has is taken away.

use super::{LibraryError, Result, now};
use crate::annotate::anchor;
use crate::model::library_export::ExportedArticle;
use crate::model::{Highlight, HighlightColor};
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};

/// The forms an address may be stored in that are the same page: with or
/// without `www.`, `https` or `http`, a trailing slash, a `#fragment`, or
/// the `utm_` tracking parameters read-it-later tools add.
pub(super) fn address_forms(url: &str) -> Vec<String> {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return vec![url.to_string()];
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return vec![url.to_string()];
    }
    let rest = rest.split('#').next().unwrap_or(rest);
    let rest = without_tracking(rest);
    let bare_host = rest.strip_prefix("www.").unwrap_or(&rest);
    let bare = bare_host.strip_suffix('/').unwrap_or(bare_host);
    // A trailing slash is the path's: after a query it would be a new one.
    let slashes: &[&str] = if bare.contains('?') { &[""] } else { &["", "/"] };
    let mut forms = vec![url.to_string()];
    for scheme in ["https", "http"] {
        for www in ["", "www."] {
            for slash in slashes {
                let form = format!("{scheme}://{www}{bare}{slash}");
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
        }
    }
    forms
}

/// The address without `utm_…` parameters (and without a `?` left empty).
fn without_tracking(rest: &str) -> String {
    let Some((path, query)) = rest.split_once('?') else {
        return rest.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.to_ascii_lowercase().starts_with("utm_"))
        .collect();
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// The live article at this address (in any of its forms), the oldest
/// when there are several.
pub(super) fn article_at(tx: &Transaction, url: &str) -> Result<Option<i64>> {
    let forms = address_forms(url);
    let marks = vec!["?"; forms.len()].join(", ");
    Ok(tx
        .prepare_cached(&format!(
            "SELECT id FROM articles WHERE url IN ({marks}) AND deleted_at IS NULL ORDER BY id LIMIT 1"
        ))?
        .query_row(params_from_iter(forms), |r| r.get(0))
        .optional()?)
}

/// Merges what a link-only item says into article `id`; returns what
/// changed, in words for the report ("tags added: asia, trade"), empty
/// when the article already had it all.
pub(super) fn merge_link(tx: &Transaction, id: i64, item: &ExportedArticle) -> Result<Vec<String>> {
    let mut changes = Vec::new();
    let (has_tags, read_state, starred, saved_at, body): (
        String,
        Option<String>,
        bool,
        Option<String>,
        String,
    ) = tx.query_row(
        "SELECT coalesce((SELECT group_concat(lower(t.name), char(31)) FROM article_tags at \
             JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), ''), \
             read_state, starred, saved_at, body FROM articles a WHERE id = ?",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let has_tags: Vec<&str> = has_tags.split('\u{1f}').collect();
    let new_tags: Vec<&String> = item
        .tags
        .iter()
        .filter(|t| !has_tags.contains(&t.trim().to_lowercase().as_str()))
        .collect();
    for tag in &new_tags {
        super::notes_tags::add_tag_tx(tx, id, tag)?;
    }
    if !new_tags.is_empty() {
        let names: Vec<&str> = new_tags.iter().map(|t| t.as_str()).collect();
        changes.push(format!("tags added: {}", names.join(", ")));
    }
    // The tool's state is its latest word: an item since archived there
    // is archived here.
    if let Some(state) = &item.read_state
        && read_state.as_ref() != Some(state)
    {
        tx.execute(
            "UPDATE articles SET read_state = ? WHERE id = ?",
            params![state, id],
        )?;
        changes.push(format!("now {state}"));
    }
    // A star is added, never taken: the file's lack of one is no word
    // against the user's star here.
    if item.starred && !starred {
        tx.execute("UPDATE articles SET starred = 1 WHERE id = ?", [id])?;
        changes.push("starred".into());
    }
    if saved_at.is_none()
        && let Some(saved) = &item.saved_at
    {
        tx.execute(
            "UPDATE articles SET saved_at = ? WHERE id = ?",
            params![saved, id],
        )?;
        changes.push(format!("saved {}", saved.get(..10).unwrap_or(saved)));
    }
    if let Some(note) = &item.note {
        let had_note: Option<String> = tx
            .query_row("SELECT body FROM notes WHERE article_id = ?", [id], |r| r.get(0))
            .optional()?;
        if had_note.is_none_or(|n| n.trim().is_empty()) {
            tx.execute(
                "INSERT INTO notes(article_id, body, updated_at) VALUES (?, ?, ?) \
                 ON CONFLICT(article_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                params![id, note.text, note.updated_at],
            )?;
            changes.push("note added".into());
        }
    }
    let added = merge_highlights(tx, id, &body, item)?;
    match added {
        0 => {}
        1 => changes.push("1 highlight added".into()),
        n => changes.push(format!("{n} highlights added")),
    }
    if !changes.is_empty() {
        tx.execute(
            "UPDATE articles SET updated_at = ? WHERE id = ?",
            params![now(), id],
        )?;
    }
    Ok(changes)
}

/// Adds the item's highlights whose quote the article has no highlight of,
/// found in the article's text (or kept detached with their quote).
fn merge_highlights(tx: &Transaction, id: i64, body: &str, item: &ExportedArticle) -> Result<usize> {
    let quotes: Vec<String> = tx
        .prepare_cached("SELECT quote FROM highlights WHERE article_id = ?")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut added = 0;
    for h in &item.highlights {
        if quotes
            .iter()
            .any(|q| q.split_whitespace().eq(h.quote.split_whitespace()))
        {
            continue;
        }
        let color = HighlightColor::parse(&h.color).ok_or_else(|| {
            LibraryError::Invalid(format!(
                "the highlight of “{}” has a colour Folio does not know",
                h.quote
            ))
        })?;
        let found =
            anchor::find_quote(body, &h.quote).and_then(|(start, end)| anchor::select(body, start, end));
        let highlight = Highlight {
            id: 0,
            article_id: id,
            start: found.as_ref().map_or(0, |s| s.start),
            end: found.as_ref().map_or(0, |s| s.end),
            quote: found
                .as_ref()
                .map_or_else(|| h.quote.clone(), |s| s.quote.clone()),
            prefix: found.as_ref().map(|s| s.prefix.clone()).unwrap_or_default(),
            suffix: found.as_ref().map(|s| s.suffix.clone()).unwrap_or_default(),
            color,
            comment: h.comment.clone(),
            created_at: h.created_at.clone(),
            updated_at: h.updated_at.clone(),
            detached: found.is_none(),
        };
        super::highlights::insert_highlight(tx, None, &highlight)?;
        added += 1;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_page_under_other_forms_of_its_address() {
        let forms = address_forms("http://www.example.org/2019/talks?utm_source=pocket_mylist&id=4#comments");
        assert!(forms.contains(&"https://example.org/2019/talks?id=4".to_string()));
        assert!(forms.contains(&"http://www.example.org/2019/talks?id=4".to_string()));
        assert!(!forms.contains(&"http://www.example.org/2019/talks?id=4/".to_string()));
        let forms = address_forms("https://example.org/a/?utm_medium=x");
        assert!(forms.contains(&"https://example.org/a".to_string()));
        assert!(forms.contains(&"http://www.example.org/a/".to_string()));
        assert_eq!(
            address_forms("mailto:desk@example.org"),
            ["mailto:desk@example.org"]
        );
    }
}
