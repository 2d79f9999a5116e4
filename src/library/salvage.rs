//! Reading what is left of a damaged library. Articles are read one by one
//! by id, so a broken page costs only the articles stored on it; one whose
//! annotations or original file cannot be read is kept with its text.

use super::articles::published_from;
use super::{Library, Result};
use crate::model::library_export::{ExportedArticle, ExportedTag};
use rusqlite::OptionalExtension;

/// What could be read from a damaged library.
#[derive(Debug, Default)]
pub struct Salvaged {
    pub articles: Vec<ExportedArticle>,
    /// Articles kept with their text and details only: their tags, note,
    /// highlights or original file were on broken pages.
    pub partly_read: Vec<i64>,
    /// Ids the file held an article under that could not be read at all.
    pub unreadable: Vec<i64>,
    pub tags: Vec<ExportedTag>,
    pub topics: Vec<String>,
}

impl Library {
    /// Every article that can still be read, the trash included, oldest id
    /// first. Reads only.
    pub fn salvage(&self) -> Salvaged {
        let mut salvaged = Salvaged {
            tags: self.export_tags().unwrap_or_default(),
            topics: self.export_user_topics().unwrap_or_default(),
            ..Salvaged::default()
        };
        for id in 1..=self.highest_article_id() {
            match self.export_article(id) {
                Ok(article) => salvaged.articles.push(article),
                Err(super::LibraryError::NotFound(_)) => {}
                Err(_) => match self.bare_article(id) {
                    Ok(Some(article)) => {
                        salvaged.articles.push(article);
                        salvaged.partly_read.push(id);
                    }
                    Ok(None) => {}
                    Err(_) => salvaged.unreadable.push(id),
                },
            }
        }
        salvaged
    }

    /// The highest id an article may have: the largest any readable part of
    /// the file knows (the table's own maximum reads only its last page,
    /// which may be the broken one).
    fn highest_article_id(&self) -> i64 {
        [
            "SELECT max(id) FROM articles",
            "SELECT max(article_id) FROM originals",
            "SELECT max(rowid) FROM articles_trigram",
            "SELECT max(id) FROM articles_fts_docsize",
        ]
        .iter()
        .filter_map(|sql| {
            self.conn
                .query_row(sql, [], |r| r.get::<_, Option<i64>>(0))
                .ok()
                .flatten()
        })
        .max()
        .unwrap_or(0)
    }

    /// An article's own row alone, without the tables beside it.
    fn bare_article(&self, id: i64) -> Result<Option<ExportedArticle>> {
        Ok(self
            .conn
            .query_row(
                "SELECT title, body, source, authors, published_date, published_precision, published_time, \
                 section, kind, language, url, region, imported_at, updated_at, deleted_at, saved_at, \
                 read_state, link_only, publisher_place FROM articles WHERE id = ?",
                [id],
                |r| {
                    let authors: String = r.get(3)?;
                    Ok(ExportedArticle {
                        title: r.get(0)?,
                        body: r.get(1)?,
                        source: r.get(2)?,
                        authors: serde_json::from_str(&authors).unwrap_or_default(),
                        published: published_from(r.get(4)?, r.get(5)?, r.get(6)?).map(|p| p.to_iso()),
                        section: r.get(7)?,
                        kind: r.get(8)?,
                        language: r.get(9)?,
                        url: r.get(10)?,
                        region: r.get(11)?,
                        countries: Vec::new(),
                        tags: Vec::new(),
                        topics: Vec::new(),
                        note: None,
                        highlights: Vec::new(),
                        imported_at: r.get(12)?,
                        updated_at: r.get(13)?,
                        deleted_at: r.get(14)?,
                        saved_at: r.get(15)?,
                        read_state: r.get(16)?,
                        link_only: r.get(17)?,
                        publisher_place: r.get(18)?,
                        starred: false,
                        citation: None,
                        original: None,
                    })
                },
            )
            .optional()?
            .map(|mut article| {
                // A library from before step 10 of the schema has neither
                // column: the article is saved without them.
                if let Ok((starred, citation)) =
                    self.conn
                        .query_row("SELECT starred, citation FROM articles WHERE id = ?", [id], |r| {
                            Ok((r.get::<_, bool>(0)?, r.get::<_, Option<String>>(1)?))
                        })
                {
                    article.starred = starred;
                    article.citation = citation.and_then(|c| serde_json::from_str(&c).ok());
                }
                article
            }))
    }
}
