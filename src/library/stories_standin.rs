//! STAND-IN (issue 23, compare branch): the stories library API as agreed
//! with the stories engineer (branch i23-stories), over a table of its own
//! that it makes on first use, so the window's stories and Compare build
//! and can be tested before that branch lands. It groups nothing by
//! itself: threads here are only those the user (or a test) joins. The
//! lead replaces this file with the stories branch's code at merge.

use super::{Filter, Library, LibraryError, Result};
use crate::model::{StoryMember, StorySummary, StoryThread};
use rusqlite::OptionalExtension;

impl Library {
    fn standin_table(&self) -> Result<bool> {
        let found: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'story_standin'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(found.is_some())
    }

    fn standin_thread_of(&self, article: i64) -> Result<Option<i64>> {
        if !self.standin_table()? {
            return Ok(None);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT thread FROM story_standin WHERE article = ?",
                [article],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The thread holding this article, oldest article first, or `None`.
    pub fn story_of(&self, article: i64) -> Result<Option<StoryThread>> {
        match self.standin_thread_of(article)? {
            Some(thread) => self.story(thread),
            None => Ok(None),
        }
    }

    /// A thread by its id (`None` when it has fewer than two live articles).
    pub fn story(&self, id: i64) -> Result<Option<StoryThread>> {
        if !self.standin_table()? {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.title, a.source, a.published_date, a.language, s.by_user \
             FROM story_standin s JOIN articles a ON a.id = s.article \
             WHERE s.thread = ? AND a.deleted_at IS NULL \
             ORDER BY a.published_date IS NULL, a.published_date, a.id",
        )?;
        let articles = stmt
            .query_map([id], |r| {
                Ok(StoryMember {
                    id: r.get(0)?,
                    title: r
                        .get::<_, Option<String>>(1)?
                        .unwrap_or_else(|| "(untitled)".into()),
                    source: r.get(2)?,
                    published: r.get(3)?,
                    language: r.get(4)?,
                    by_user: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((articles.len() > 1).then_some(StoryThread { id, articles }))
    }

    /// The threads, biggest first, then newest; at most `limit`. (The
    /// stand-in ignores the filter.)
    pub fn story_threads(&self, _filter: &Filter, limit: usize) -> Result<Vec<StorySummary>> {
        if !self.standin_table()? {
            return Ok(Vec::new());
        }
        let threads: Vec<i64> = self
            .conn
            .prepare("SELECT DISTINCT thread FROM story_standin ORDER BY thread")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut summaries = Vec::new();
        for id in threads {
            let Some(thread) = self.story(id)? else { continue };
            let mut sources: Vec<String> = Vec::new();
            let mut regions: Vec<String> = Vec::new();
            for member in &thread.articles {
                if let Some(source) = &member.source
                    && !sources.contains(source)
                {
                    sources.push(source.clone());
                }
                let region: Option<String> =
                    self.conn
                        .query_row("SELECT region FROM articles WHERE id = ?", [member.id], |r| {
                            r.get(0)
                        })?;
                if let Some(region) = region
                    && !regions.contains(&region)
                {
                    regions.push(region);
                }
            }
            let dates: Vec<&String> = thread
                .articles
                .iter()
                .filter_map(|m| m.published.as_ref())
                .collect();
            summaries.push(StorySummary {
                id,
                size: thread.articles.len(),
                first: dates.iter().min().map(|d| d.to_string()),
                last: dates.iter().max().map(|d| d.to_string()),
                sources,
                regions,
                title: thread.articles[0].title.clone(),
            });
        }
        summaries.sort_by(|a, b| b.size.cmp(&a.size).then(b.last.cmp(&a.last)));
        summaries.truncate(limit);
        Ok(summaries)
    }

    /// "Not the same story": the article leaves its thread.
    pub fn split_from_story(&mut self, article: i64) -> Result<()> {
        self.ensure_writable()?;
        if self.standin_table()? {
            self.conn
                .execute("DELETE FROM story_standin WHERE article = ?", [article])?;
        }
        Ok(())
    }

    /// The user says `article` tells the same story as `onto`: it joins
    /// onto's thread (a new one when onto has none), leaving its own.
    pub fn join_stories(&mut self, article: i64, onto: i64) -> Result<()> {
        self.ensure_writable()?;
        if article == onto {
            return Err(LibraryError::Invalid(
                "an article cannot be joined to itself".into(),
            ));
        }
        for id in [article, onto] {
            self.get_article(id)?;
        }
        self.conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS story_standin (article INTEGER PRIMARY KEY, thread INTEGER NOT NULL, \
             by_user INTEGER NOT NULL DEFAULT 0)",
        )?;
        let thread = match self.standin_thread_of(onto)? {
            Some(thread) => thread,
            None => {
                self.conn.execute(
                    "INSERT INTO story_standin (article, thread, by_user) VALUES (?1, ?1, 1)",
                    [onto],
                )?;
                onto
            }
        };
        self.conn.execute(
            "INSERT OR REPLACE INTO story_standin (article, thread, by_user) VALUES (?, ?, 1)",
            [article, thread],
        )?;
        Ok(())
    }
}
