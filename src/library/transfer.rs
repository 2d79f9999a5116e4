//! Articles in and out whole, in the shape of the library's JSON export
//! ([`crate::model::library_export`]): everything stored about an article,
//! timestamps included. Reading and writing the file, and turning what
//! other tools kept into such articles, is `ingest`'s and `export`'s work.

use super::Filter;
use super::articles::{Stamps, article_with_text, content_hash, insert_article, insert_original};
use super::{InsertOutcome, Library, LibraryError, Result};
use crate::model::library_export::{
    ExportedArticle, ExportedHighlight, ExportedNote, ExportedOriginal, ExportedTag,
};
use crate::model::{ExtractedArticle, Highlight, HighlightColor, Provenance, Published};
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
        self.ensure_writable()?;
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
                    color: h.color.as_str().to_string(),
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
            starred: article.provenance.starred,
            citation: article
                .provenance
                .citation
                .as_deref()
                .and_then(|c| serde_json::from_str(c).ok()),
            original,
        })
    }

    /// Stores an exported article as it was (a duplicate of an article
    /// already here is left alone and reported as such).
    pub fn import_exported(&mut self, a: &ExportedArticle) -> Result<InsertOutcome> {
        let mut outcomes = self.import_exported_batch(std::slice::from_ref(a))?;
        outcomes
            .pop()
            .unwrap_or_else(|| Err(LibraryError::Invalid("the article was not stored".into())))
    }

    /// Stores exported articles in one transaction, each as
    /// [`Library::import_exported`] does: one that fails leaves no trace and
    /// the others are stored. (A transaction for each took three
    /// milliseconds an article: a minute for 20,000 links.)
    pub fn import_exported_batch(
        &mut self,
        articles: &[ExportedArticle],
    ) -> Result<Vec<Result<InsertOutcome>>> {
        self.each_in_its_savepoint(
            articles,
            import_exported_tx,
            super::articles::Indexing::AsInserted,
        )
    }
}

/// Stores one exported article inside the caller's transaction.
fn import_exported_tx(tx: &Transaction, a: &ExportedArticle) -> Result<InsertOutcome> {
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
    // A link (not a reference: a citation manager's records of a book and
    // of a review of it may share an address) for an article already here
    // is merged into it.
    if a.link_only
        && a.citation.is_none()
        && let Some(url) = a.url.as_deref().filter(|u| !u.trim().is_empty())
        && let Some(id) = super::link_merge::article_at(tx, url)?
    {
        let changes = super::link_merge::merge_link(tx, id, a)?;
        return Ok(if changes.is_empty() {
            InsertOutcome::Duplicate { id }
        } else {
            InsertOutcome::Merged { id, changes }
        });
    }
    let hash = if a.link_only {
        link_hash(&link_identity(a))
    } else {
        content_hash(&a.body)
    };
    if let Some(id) = article_with_text(tx, &hash)? {
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
        region_basis: None,
        countries: a.countries.clone(),
        tags: a.tags.clone(),
    };
    let provenance = Provenance {
        saved_at: a.saved_at.clone(),
        read_state: a.read_state.clone(),
        link_only: a.link_only,
        publisher_place: a.publisher_place.clone(),
        starred: a.starred,
        citation: a
            .citation
            .as_ref()
            .map(|c| serde_json::Value::Object(c.clone()).to_string()),
    };
    let stamps = Stamps {
        imported_at: &a.imported_at,
        updated_at: &a.updated_at,
        deleted_at: a.deleted_at.as_deref(),
        provenance: &provenance,
    };
    let id = insert_article(tx, &meta, &hash, stamps)?;
    if let Some((o, compressed)) = original {
        insert_original(tx, id, o.file_name.as_deref(), &o.format, &compressed)?;
    }
    for path in &a.topics {
        let topic = topic_for_path(tx, path)?;
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
        let Some(color) = HighlightColor::parse(&h.color) else {
            return Err(LibraryError::Invalid(format!(
                "the highlight of “{}” has a colour Folio does not know: “{}”",
                h.quote, h.color
            )));
        };
        let highlight = Highlight {
            id: 0,
            article_id: id,
            start: h.start,
            end: h.end,
            quote: h.quote.clone(),
            prefix: h.prefix.clone(),
            suffix: h.suffix.clone(),
            color,
            comment: h.comment.clone(),
            created_at: h.created_at.clone(),
            updated_at: h.updated_at.clone(),
            detached: h.detached,
        };
        super::highlights::insert_highlight(tx, None, &highlight)?;
    }
    Ok(InsertOutcome::Imported { id })
}

/// The key that tells two link-only articles apart: their address (or,
/// without one, their title).
fn link_hash(identity: &str) -> String {
    content_hash(&format!("link {identity}"))
}

/// What makes a link-only article itself: its address (or, without one,
/// its title); for a citation manager's reference, what the reference
/// says of itself, since a book, a chapter of it and a review of it can
/// share a title and an address, and a record with neither is still one.
fn link_identity(a: &ExportedArticle) -> String {
    let address = a.url.as_deref().or(a.title.as_deref()).unwrap_or("");
    let Some(citation) = &a.citation else {
        return address.to_string();
    };
    let field = |name: &str| citation.get(name).map(|v| v.to_string()).unwrap_or_default();
    [
        address.to_string(),
        a.title.clone().unwrap_or_default(),
        a.authors.join("; "),
        a.published.clone().unwrap_or_default(),
        a.source.clone().unwrap_or_default(),
        field("type"),
        field("DOI"),
        field("ISBN"),
        field("volume"),
        field("page"),
    ]
    .join("\u{1f}")
}
