//! Articles in and out whole, for the library's JSON export and its import:
//! everything stored about an article, timestamps included.

use super::Filter;
use super::articles::{Stamps, article_with_text, content_hash, insert_article, insert_original};
use super::{InsertOutcome, Library, LibraryError, Result};
use crate::export::library_json::{
    ExportedArticle, ExportedHighlight, ExportedNote, ExportedOriginal, ExportedTag,
};
use crate::import::other_tools::{Tool, ToolItem};
use crate::model::{ExtractedArticle, Highlight, Provenance, Published};
use base64::Engine;
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};

fn topic_for_path(tx: &Transaction, path: &str) -> Result<i64> {
    let mut parent: Option<i64> = None;
    for name in path.split('›').map(str::trim).filter(|n| !n.is_empty()) {
        let found: Option<i64> = tx
            .query_row(
                "SELECT id FROM topics WHERE name = ?1 COLLATE NOCASE AND parent_id IS ?2",
                params![name, parent],
                |r| r.get(0),
            )
            .optional()?;
        parent = Some(match found {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO topics(name, parent_id, builtin) VALUES (?, ?, 0)",
                    params![name, parent],
                )?;
                tx.last_insert_rowid()
            }
        });
    }
    parent.ok_or_else(|| LibraryError::Invalid(format!("“{path}” is not a topic path")))
}

impl Library {
    /// Every tag, with its colour, by name.
    pub fn export_tags(&self) -> Result<Vec<ExportedTag>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, color FROM tags ORDER BY name COLLATE NOCASE")?;
        let tags = stmt
            .query_map([], |r| {
                Ok(ExportedTag {
                    name: r.get(0)?,
                    color: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(tags)
    }

    /// The paths of the topics the user made, in the order they were made.
    pub fn export_user_topics(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "WITH RECURSIVE path(id, text) AS ( \
                 SELECT id, name FROM topics WHERE parent_id IS NULL \
                 UNION ALL SELECT t.id, path.text || ' › ' || t.name FROM topics t JOIN path ON t.parent_id = path.id) \
             SELECT path.text FROM path JOIN topics t ON t.id = path.id WHERE t.builtin = 0 ORDER BY t.id",
        )?;
        let topics = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(topics)
    }

    /// Makes the tags and topics of a library export that are not here yet.
    pub fn import_tags_and_topics(&mut self, tags: &[ExportedTag], topics: &[String]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for tag in tags {
            tx.execute(
                "INSERT INTO tags(name, color) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET color = coalesce(tags.color, excluded.color)",
                params![tag.name, tag.color],
            )?;
        }
        for path in topics {
            topic_for_path(&tx, path)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The articles a filter selects (the trash included when it says so),
    /// oldest import first, whole.
    pub fn export_articles(&self, filter: &Filter) -> Result<Vec<ExportedArticle>> {
        let (clause, values) = filter.to_sql();
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT a.id FROM articles a WHERE {clause} ORDER BY a.imported_at, a.id"
            ))?;
            stmt.query_map(params_from_iter(values), |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        ids.into_iter().map(|id| self.export_article(id)).collect()
    }

    pub fn export_article(&self, id: i64) -> Result<ExportedArticle> {
        let article = self.get_article(id)?;
        let countries: Vec<String> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT r.name FROM article_regions x JOIN regions r ON r.id = x.region_id \
                 WHERE x.article_id = ? AND x.is_primary = 0 ORDER BY r.name",
            )?;
            stmt.query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let note: Option<ExportedNote> = self
            .conn
            .query_row(
                "SELECT body, updated_at FROM notes WHERE article_id = ?",
                [id],
                |r| {
                    Ok(ExportedNote {
                        text: r.get(0)?,
                        updated_at: r.get(1)?,
                    })
                },
            )
            .optional()?;
        let original: Option<ExportedOriginal> = self
            .conn
            .query_row(
                "SELECT file_name, format, compressed FROM originals WHERE article_id = ?",
                [id],
                |r| {
                    Ok(ExportedOriginal {
                        file_name: r.get(0)?,
                        format: r.get(1)?,
                        zlib_base64: base64::engine::general_purpose::STANDARD
                            .encode(r.get::<_, Vec<u8>>(2)?),
                    })
                },
            )
            .optional()?;
        let m = article.meta;
        Ok(ExportedArticle {
            title: m.title,
            body: m.body,
            source: m.source,
            authors: m.authors,
            published: m.published.map(|p| p.to_iso()),
            section: m.section,
            kind: m.kind,
            language: m.language,
            url: m.url,
            region: m.region,
            countries,
            tags: article.tags,
            topics: article.topics.into_iter().map(|t| t.path).collect(),
            note,
            highlights: article
                .highlights
                .into_iter()
                .map(|h| ExportedHighlight {
                    start: h.start,
                    end: h.end,
                    quote: h.quote,
                    prefix: h.prefix,
                    suffix: h.suffix,
                    color: h.color,
                    comment: h.comment,
                    created_at: h.created_at,
                    updated_at: h.updated_at,
                    detached: h.detached,
                })
                .collect(),
            imported_at: article.imported_at,
            updated_at: article.updated_at,
            deleted_at: article.deleted_at,
            saved_at: article.provenance.saved_at,
            read_state: article.provenance.read_state,
            link_only: article.provenance.link_only,
            publisher_place: article.provenance.publisher_place,
            original,
        })
    }

    /// Stores an exported article as it was (a duplicate of an article
    /// already here is left alone and reported as such).
    pub fn import_exported(&mut self, a: &ExportedArticle) -> Result<InsertOutcome> {
        if a.body.trim().is_empty() && !a.link_only {
            return Err(LibraryError::Invalid("the article has no text".into()));
        }
        let published = match &a.published {
            Some(iso) => Some(
                Published::from_iso(iso)
                    .ok_or_else(|| LibraryError::Invalid(format!("“{iso}” is not a date")))?,
            ),
            None => None,
        };
        let original = match &a.original {
            Some(o) => Some((
                o,
                base64::engine::general_purpose::STANDARD
                    .decode(&o.zlib_base64)
                    .map_err(|e| LibraryError::Invalid(format!("the original file is damaged: {e}")))?,
            )),
            None => None,
        };
        let hash = if a.link_only {
            link_hash(&ToolItem {
                url: a.url.clone(),
                title: a.title.clone(),
                ..ToolItem::default()
            })
        } else {
            content_hash(&a.body)
        };
        let tx = self.conn.transaction()?;
        if let Some(id) = article_with_text(&tx, &hash)? {
            return Ok(InsertOutcome::Duplicate { id });
        }
        let meta = ExtractedArticle {
            title: a.title.clone(),
            body: a.body.clone(),
            source: a.source.clone(),
            authors: a.authors.clone(),
            published,
            section: a.section.clone(),
            kind: a.kind.clone(),
            language: a.language.clone(),
            url: a.url.clone(),
            region: a.region.clone(),
            countries: a.countries.clone(),
            tags: a.tags.clone(),
        };
        let provenance = Provenance {
            saved_at: a.saved_at.clone(),
            read_state: a.read_state.clone(),
            link_only: a.link_only,
            publisher_place: a.publisher_place.clone(),
        };
        let stamps = Stamps {
            imported_at: &a.imported_at,
            updated_at: &a.updated_at,
            deleted_at: a.deleted_at.as_deref(),
            provenance: &provenance,
        };
        let id = insert_article(&tx, &meta, &hash, stamps)?;
        if let Some((o, compressed)) = original {
            insert_original(&tx, id, o.file_name.as_deref(), &o.format, &compressed)?;
        }
        for path in &a.topics {
            let topic = topic_for_path(&tx, path)?;
            tx.execute(
                "INSERT OR IGNORE INTO article_topics(article_id, topic_id, origin, confidence, rejected) \
                 VALUES (?, ?, 'user', NULL, 0)",
                params![id, topic],
            )?;
        }
        if let Some(note) = &a.note {
            tx.execute(
                "INSERT INTO notes(article_id, body, updated_at) VALUES (?, ?, ?)",
                params![id, note.text, note.updated_at],
            )?;
        }
        for h in &a.highlights {
            let highlight = Highlight {
                id: 0,
                article_id: id,
                start: h.start,
                end: h.end,
                quote: h.quote.clone(),
                prefix: h.prefix.clone(),
                suffix: h.suffix.clone(),
                color: h.color.clone(),
                comment: h.comment.clone(),
                created_at: h.created_at.clone(),
                updated_at: h.updated_at.clone(),
                detached: h.detached,
            };
            super::highlights::insert_highlight(&tx, None, &highlight)?;
        }
        tx.commit()?;
        Ok(InsertOutcome::Imported { id })
    }
}

/// The key that tells two link-only articles apart: their address.
fn link_hash(item: &ToolItem) -> String {
    content_hash(&format!(
        "link {}",
        item.url.as_deref().or(item.title.as_deref()).unwrap_or("")
    ))
}

impl Library {
    /// Stores an article another tool kept: its saved page read like a
    /// saved page, or only its link (marked so) when it kept no text; its
    /// tags, dates, read state and highlights carried over. A highlight
    /// whose passage is not in the text is kept, detached.
    pub fn import_tool_item(&mut self, item: &ToolItem, tool: Tool) -> Result<InsertOutcome> {
        let extracted = item
            .html
            .as_deref()
            .map(crate::import::html::extract_html)
            .filter(|a| !a.body.trim().is_empty());
        let link_only = extracted.is_none();
        let mut meta = extracted.unwrap_or_default();
        if item.title.is_some() {
            meta.title = item.title.clone();
        }
        if meta.title.is_none() && item.url.is_none() {
            return Err(LibraryError::Invalid("neither a title nor a link".into()));
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
            .or_else(|| crate::import::language::detect_language(&meta.body));
        if let Some(place) = &item.place
            && let Some(region) = crate::import::regions::region_of_country(place)
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
        let hash = if link_only {
            link_hash(item)
        } else {
            content_hash(&meta.body)
        };
        // What the user gave: the saved page, or the link's record.
        let (original, format) = match &item.html {
            Some(html) if !link_only => (html.clone().into_bytes(), "html"),
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
        let tx = self.conn.transaction()?;
        if let Some(id) = article_with_text(&tx, &hash)? {
            return Ok(InsertOutcome::Duplicate { id });
        }
        let stamp = super::now();
        let stamps = Stamps {
            imported_at: &stamp,
            updated_at: &stamp,
            deleted_at: None,
            provenance: &provenance,
        };
        let id = insert_article(&tx, &meta, &hash, stamps)?;
        insert_original(
            &tx,
            id,
            Some(tool.name()),
            format,
            &super::articles::compress(&original),
        )?;
        let chars: Vec<char> = meta.body.chars().collect();
        for (quote, comment) in &item.highlights {
            let quote_chars: Vec<char> = quote.trim().chars().collect();
            let at = (!quote_chars.is_empty() && quote_chars.len() <= chars.len())
                .then(|| {
                    (0..=chars.len() - quote_chars.len())
                        .find(|&i| chars[i..i + quote_chars.len()] == *quote_chars)
                })
                .flatten();
            let selector =
                at.and_then(|at| crate::annotate::anchor::select(&meta.body, at, at + quote_chars.len()));
            let highlight = Highlight {
                id: 0,
                article_id: id,
                start: selector.as_ref().map_or(0, |s| s.start),
                end: selector.as_ref().map_or(0, |s| s.end),
                quote: quote.trim().to_string(),
                prefix: selector.as_ref().map(|s| s.prefix.clone()).unwrap_or_default(),
                suffix: selector.as_ref().map(|s| s.suffix.clone()).unwrap_or_default(),
                color: "yellow".into(),
                comment: comment.clone(),
                created_at: stamp.clone(),
                updated_at: stamp.clone(),
                detached: selector.is_none(),
            };
            super::highlights::insert_highlight(&tx, None, &highlight)?;
        }
        tx.commit()?;
        Ok(InsertOutcome::Imported { id })
    }
}
