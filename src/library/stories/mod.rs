//! Story threads in the library: articles of several papers on the same
//! event, grouped in the background as they arrive (see [`grouping`] for
//! how), and the user's corrections, which no regrouping undoes.
//!
//! An article in the trash leaves its thread: every query here looks at
//! live articles only, and a thread with one live article left is none.

pub mod features;
pub mod grouping;
mod store;

use super::{Filter, Library, LibraryError, Result};
use crate::model::{StoryMember, StorySummary, StoryThread};
use grouping::{Corpus, Corrections, PARAMS};
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use std::collections::HashSet;

/// Above this many articles waiting, grouping them all again at once is
/// quicker than placing each among its neighbours.
const REGROUP_ALL_ABOVE: usize = 2_000;
/// A full regrouping reads the library this many days at a time.
const REGROUP_SPAN_DAYS: i32 = 120;

/// What a full regrouping found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regrouped {
    /// Articles compared (those with a day of publication).
    pub articles: usize,
    pub threads: usize,
    /// Articles in a thread.
    pub threaded: usize,
}

impl Library {
    /// Whether this file has the tables of story threads (a file opened at
    /// an older step, in tests, has not).
    fn has_stories(&self) -> Result<bool> {
        Ok(super::schema::current_version(&self.conn)? >= super::schema::STORIES_STEP)
    }

    /// The thread holding this article, oldest article first, or `None`.
    pub fn story_of(&self, article: i64) -> Result<Option<StoryThread>> {
        if !self.has_stories()? {
            return Ok(None);
        }
        let story: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT m.story_id FROM story_members m CROSS JOIN articles a ON a.id = m.article_id \
                 WHERE m.article_id = ? AND a.deleted_at IS NULL",
            )?
            .query_row([article], |r| r.get(0))
            .optional()?;
        let Some(story) = story else { return Ok(None) };
        let articles = self.story_members(story)?;
        Ok((articles.len() > 1).then_some(StoryThread { id: story, articles }))
    }

    /// A thread by its id (as [`Self::story_threads`] lists it), or `None`
    /// when it is gone (a regrouping, a split or the trash undid it).
    pub fn story_thread(&self, id: i64) -> Result<Option<StoryThread>> {
        if !self.has_stories()? {
            return Ok(None);
        }
        let articles = self.story_members(id)?;
        Ok((articles.len() > 1).then_some(StoryThread { id, articles }))
    }

    /// A thread's live articles, oldest first.
    fn story_members(&self, story: i64) -> Result<Vec<StoryMember>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.title, a.source, a.published_date, a.language, m.by_user \
             FROM story_members m CROSS JOIN articles a ON a.id = m.article_id \
             WHERE m.story_id = ? AND a.deleted_at IS NULL \
             ORDER BY a.published_date IS NULL, a.published_date, a.published_time, a.id",
        )?;
        let members = stmt
            .query_map([story], |r| {
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
        Ok(members)
    }

    /// The threads with an article the filter selects, biggest first, then
    /// newest; at most `limit`.
    pub fn story_threads(&self, filter: &Filter, limit: usize) -> Result<Vec<StorySummary>> {
        if !self.has_stories()? {
            return Ok(Vec::new());
        }
        let (selecting, values) = filter.selecting("s.article_id");
        let sql = format!(
            "SELECT m.story_id, count(*), min(a.published_date), max(a.published_date) \
             FROM story_members m CROSS JOIN articles a ON a.id = m.article_id \
             WHERE a.deleted_at IS NULL \
               AND m.story_id IN (SELECT s.story_id FROM story_members s WHERE {selecting}) \
             GROUP BY m.story_id HAVING count(*) > 1 \
             ORDER BY count(*) DESC, max(a.published_date) DESC, m.story_id DESC LIMIT {}",
            limit.min(i64::MAX as usize)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let heads = stmt
            .query_map(params_from_iter(values), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut summaries = Vec::with_capacity(heads.len());
        for (id, size, first, last) in heads {
            let members = self.story_members(id)?;
            let mut sources: Vec<String> = Vec::new();
            for source in members.iter().filter_map(|m| m.source.clone()) {
                if !sources.contains(&source) {
                    sources.push(source);
                }
            }
            summaries.push(StorySummary {
                id,
                size: size as usize,
                first,
                last,
                sources,
                regions: self.story_regions(id)?,
                title: members.first().map(|m| m.title.clone()).unwrap_or_default(),
            });
        }
        Ok(summaries)
    }

    /// The regions of a thread's live articles, most articles first.
    fn story_regions(&self, story: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.region FROM story_members m CROSS JOIN articles a ON a.id = m.article_id \
             WHERE m.story_id = ? AND a.deleted_at IS NULL AND a.region IS NOT NULL \
             GROUP BY a.region ORDER BY count(*) DESC, a.region",
        )?;
        let regions = stmt
            .query_map([story], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(regions)
    }

    /// "Not the same story": the article leaves its thread and is kept
    /// apart from every article of it from now on, whatever a regrouping
    /// finds. An article in no thread is left as it is.
    pub fn split_from_story(&mut self, article: i64) -> Result<()> {
        self.ensure_writable()?;
        self.require_stories()?;
        let Some(thread) = self.story_of(article)? else {
            self.require_article(article)?;
            return Ok(());
        };
        let tx = self.conn.transaction()?;
        for other in thread.articles.iter().map(|m| m.id).filter(|&o| o != article) {
            store::correct(&tx, article, other, store::Verdict::Apart)?;
        }
        tx.execute("DELETE FROM story_members WHERE article_id = ?", [article])?;
        store::dissolve_if_alone(&tx, thread.id)?;
        tx.commit()?;
        Ok(())
    }

    /// The user says `article` tells the same story as `onto`: it joins
    /// onto's thread (a new one when onto has none) and stays with it
    /// whatever a regrouping finds, leaving the thread it was in.
    pub fn join_stories(&mut self, article: i64, onto: i64) -> Result<()> {
        self.ensure_writable()?;
        self.require_stories()?;
        if article == onto {
            return Err(LibraryError::Invalid(
                "an article cannot be joined to itself".into(),
            ));
        }
        self.require_article(article)?;
        self.require_article(onto)?;
        let target = self.story_of(onto)?;
        if target
            .as_ref()
            .is_some_and(|t| t.articles.iter().any(|m| m.id == article))
        {
            // Already together: the join is remembered, nothing moves.
            let tx = self.conn.transaction()?;
            store::correct(&tx, article, onto, store::Verdict::Same)?;
            tx.execute(
                "UPDATE story_members SET by_user = 1 WHERE article_id = ?",
                [article],
            )?;
            tx.commit()?;
            return Ok(());
        }
        let left = self.story_of(article)?;
        let tx = self.conn.transaction()?;
        // It leaves its old thread: what tied it there by hand goes too.
        if let Some(left) = &left {
            for other in left.articles.iter().map(|m| m.id).filter(|&o| o != article) {
                store::forget(&tx, article, other)?;
            }
        }
        let story = match &target {
            Some(thread) => {
                for other in thread.articles.iter().map(|m| m.id) {
                    store::forget_apart(&tx, article, other)?;
                }
                thread.id
            }
            None => {
                let story = store::new_story(&tx)?;
                store::set_member(&tx, onto, story, true)?;
                story
            }
        };
        store::correct(&tx, article, onto, store::Verdict::Same)?;
        store::set_member(&tx, article, story, true)?;
        if let Some(left) = left {
            store::dissolve_if_alone(&tx, left.id)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn require_stories(&self) -> Result<()> {
        if self.has_stories()? {
            Ok(())
        } else {
            Err(LibraryError::Invalid(
                "this library file predates story threads; open it with `Library::open` to upgrade it".into(),
            ))
        }
    }

    fn require_article(&self, id: i64) -> Result<()> {
        let found: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE id = ?")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        found.map(|_| ()).ok_or(LibraryError::NotFound(id))
    }

    /// How many live articles have not been grouped yet.
    pub fn stories_pending(&self) -> Result<usize> {
        if !self.has_stories()? {
            return Ok(0);
        }
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM story_pending p CROSS JOIN articles a ON a.id = p.article_id \
             WHERE a.deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Groups up to `limit` articles that arrived (or changed) since the
    /// last time, with the articles published near them (see
    /// [`regroup_near`]), in one transaction; returns how many are still
    /// waiting. When more wait
    /// than [`REGROUP_ALL_ABOVE`] and `limit` covers them, everything is
    /// grouped again at once instead, which is quicker.
    pub fn update_stories(&mut self, limit: usize) -> Result<usize> {
        if !self.has_stories()? || self.read_only_reason().is_some() {
            return Ok(0);
        }
        let pending = self.stories_pending()?;
        if pending == 0 {
            return Ok(0);
        }
        self.ensure_writable()?;
        if pending > REGROUP_ALL_ABOVE && limit >= pending {
            self.regroup_stories()?;
            return self.stories_pending();
        }
        let ids: Vec<i64> = self
            .conn
            .prepare(
                "SELECT p.article_id FROM story_pending p CROSS JOIN articles a ON a.id = p.article_id \
                 WHERE a.deleted_at IS NULL ORDER BY p.article_id LIMIT ?",
            )?
            .query_map([limit.min(i64::MAX as usize) as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let tx = self.conn.transaction()?;
        let mut days = Vec::new();
        for &id in &ids {
            match store::describe(&tx, id)? {
                Some(day) => days.push(day),
                // No longer dated to the day: it cannot be compared, and
                // leaves a thread the grouping put it in.
                None => store::leave_unless_joined(&tx, id)?,
            }
        }
        regroup_near(&tx, days)?;
        tx.commit()?;
        Ok(pending - ids.len())
    }

    /// Groups every live article again from the start, the user's
    /// corrections first. A thread keeps its id when most of its articles
    /// stay together.
    pub fn regroup_stories(&mut self) -> Result<Regrouped> {
        self.ensure_writable()?;
        self.require_stories()?;
        let tx = self.conn.transaction()?;
        let waiting: Vec<i64> = tx
            .prepare(
                "SELECT p.article_id FROM story_pending p CROSS JOIN articles a ON a.id = p.article_id \
                 WHERE a.deleted_at IS NULL",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in waiting {
            store::describe(&tx, id)?;
        }
        // A span of days at a time, each read with the days around it
        // that its comparisons need: memory stays that of one span.
        let reach = grouping::reach(&PARAMS);
        let mut pairs = Vec::new();
        let mut articles = 0;
        if let Some((first, last)) = store::day_range(&tx)? {
            let mut from = first;
            while from <= last {
                let to = from.saturating_add(REGROUP_SPAN_DAYS - 1);
                articles += store::days_between(&tx, from, to)?.len();
                let corpus = Corpus::new(store::docs_between(&tx, from - reach, to + reach)?, PARAMS);
                pairs.extend(corpus.pairs(from, to));
                from = to + 1;
            }
        }
        let corrections = store::corrections(&tx)?;
        let threads = grouping::threads(pairs, &corrections, PARAMS);
        let threaded = threads.iter().map(Vec::len).sum();
        store::rewrite_threads(&tx, None, &threads, &corrections)?;
        tx.commit()?;
        Ok(Regrouped {
            articles,
            threads: threads.len(),
            threaded,
        })
    }
}

/// Groups again the articles published near these days (those within the
/// window of one of them, with the threads they are in), as a full
/// regrouping would group them: an article arriving can join two others
/// that had nothing to join, or take an article from a thread it fits
/// better. Threads further away are left as they are.
fn regroup_near(tx: &Transaction, mut days: Vec<i32>) -> Result<()> {
    let window = PARAMS.window_days;
    days.sort_unstable();
    // Days close together are regrouped in one span.
    let mut spans: Vec<(i32, i32)> = Vec::new();
    for day in days {
        match spans.last_mut() {
            Some((_, to)) if day - *to <= 2 * window => *to = day,
            _ => spans.push((day, day)),
        }
    }
    let corrections = store::corrections(tx)?;
    for (from, to) in spans {
        regroup_span(tx, from - window, to + window, &corrections)?;
    }
    Ok(())
}

/// Groups again the articles published from day `from` to day `to` and
/// the other articles of their threads.
fn regroup_span(tx: &Transaction, from: i32, to: i32, corrections: &Corrections) -> Result<()> {
    let reach = grouping::reach(&PARAMS);
    let mut scope: HashSet<i64> = HashSet::new();
    let (mut first, mut last) = (from, to);
    for (id, day) in store::days_between(tx, from, to)? {
        scope.insert(id);
        if let Some(story) = store::live_story_of(tx, id)? {
            for (member, day) in store::member_days(tx, story)? {
                scope.insert(member);
                if let Some(day) = day {
                    first = first.min(day);
                    last = last.max(day);
                }
            }
        }
        first = first.min(day);
        last = last.max(day);
    }
    if scope.is_empty() {
        return Ok(());
    }
    let corpus = Corpus::new(store::docs_between(tx, first - reach, last + reach)?, PARAMS);
    // Every pair with an article of the span in it.
    let pairs = corpus.pairs(first - PARAMS.window_days, last);
    let threads = grouping::threads(pairs, corrections, PARAMS);
    store::rewrite_threads(tx, Some(&scope), &threads, corrections)
}
