//! The SQL of story threads: articles' terms, threads, memberships and
//! the user's corrections, read and written inside a transaction.
//!
//! Every join of these tables with the articles is written `CROSS JOIN`,
//! which SQLite takes as the order to read them in: from the few rows of a
//! thread, a span of days or the waiting list to their articles. Left to
//! itself, the planner walked the list index of every live article to
//! find the few it needed (0.4 s a query at 100,000 articles).

use super::features;
use super::grouping::{Corrections, Doc};
use crate::library::{Result, now};
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    Same,
    Apart,
}

impl Verdict {
    fn key(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Apart => "apart",
        }
    }
}

fn ordered(a: i64, b: i64) -> (i64, i64) {
    (a.min(b), a.max(b))
}

/// Remembers what the user said of two articles (the newer word on a
/// pair replaces the older).
pub fn correct(tx: &Transaction, a: i64, b: i64, verdict: Verdict) -> Result<()> {
    let (a, b) = ordered(a, b);
    tx.prepare_cached(
        "INSERT INTO story_corrections(article_id, other_id, verdict, made_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT(article_id, other_id) DO UPDATE SET verdict = excluded.verdict, made_at = excluded.made_at",
    )?
    .execute(params![a, b, verdict.key(), now()])?;
    Ok(())
}

/// Forgets whatever the user said of two articles.
pub fn forget(tx: &Transaction, a: i64, b: i64) -> Result<()> {
    let (a, b) = ordered(a, b);
    tx.prepare_cached("DELETE FROM story_corrections WHERE article_id = ? AND other_id = ?")?
        .execute([a, b])?;
    Ok(())
}

/// Forgets that the user kept two articles apart.
pub fn forget_apart(tx: &Transaction, a: i64, b: i64) -> Result<()> {
    let (a, b) = ordered(a, b);
    tx.prepare_cached(
        "DELETE FROM story_corrections WHERE article_id = ? AND other_id = ? AND verdict = 'apart'",
    )?
    .execute([a, b])?;
    Ok(())
}

/// Every correction, between live articles.
pub fn corrections(tx: &Transaction) -> Result<Corrections> {
    let mut stmt = tx.prepare(
        "SELECT c.article_id, c.other_id, c.verdict FROM story_corrections c \
         CROSS JOIN articles a ON a.id = c.article_id CROSS JOIN articles b ON b.id = c.other_id \
         WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL",
    )?;
    let mut found = Corrections::default();
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
    })?;
    for row in rows {
        let (a, b, verdict) = row?;
        match verdict.as_str() {
            "same" => found.same.push((a, b)),
            _ => found.apart.push((a, b)),
        }
    }
    Ok(found)
}

pub fn new_story(tx: &Transaction) -> Result<i64> {
    tx.prepare_cached("INSERT INTO stories(made_at) VALUES (?)")?
        .execute([now()])?;
    Ok(tx.last_insert_rowid())
}

pub fn set_member(tx: &Transaction, article: i64, story: i64, by_user: bool) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO story_members(article_id, story_id, by_user) VALUES (?, ?, ?) \
         ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, by_user = excluded.by_user",
    )?
    .execute(params![article, story, by_user])?;
    Ok(())
}

/// The thread of a live article, if it is in one.
pub fn live_story_of(tx: &Transaction, article: i64) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached(
            "SELECT m.story_id FROM story_members m CROSS JOIN articles a ON a.id = m.article_id \
             WHERE m.article_id = ? AND a.deleted_at IS NULL",
        )?
        .query_row([article], |r| r.get(0))
        .optional()?)
}

/// How many live articles a thread holds.
pub fn live_size(tx: &Transaction, story: i64) -> Result<usize> {
    let n: i64 = tx
        .prepare_cached(
            "SELECT count(*) FROM story_members m CROSS JOIN articles a ON a.id = m.article_id \
             WHERE m.story_id = ? AND a.deleted_at IS NULL",
        )?
        .query_row([story], |r| r.get(0))?;
    Ok(n as usize)
}

/// The article leaves its thread, unless the user put it there.
pub fn leave_unless_joined(tx: &Transaction, article: i64) -> Result<()> {
    let story: Option<i64> = tx
        .prepare_cached("SELECT story_id FROM story_members WHERE article_id = ? AND by_user = 0")?
        .query_row([article], |r| r.get(0))
        .optional()?;
    if let Some(story) = story {
        tx.prepare_cached("DELETE FROM story_members WHERE article_id = ?")?
            .execute([article])?;
        dissolve_if_alone(tx, story)?;
    }
    Ok(())
}

/// A thread left with fewer than two live articles is no thread.
pub fn dissolve_if_alone(tx: &Transaction, story: i64) -> Result<()> {
    if live_size(tx, story)? < 2 {
        tx.prepare_cached("DELETE FROM story_members WHERE story_id = ?")?
            .execute([story])?;
        tx.prepare_cached("DELETE FROM stories WHERE id = ?")?
            .execute([story])?;
    }
    Ok(())
}

/// The day an article was published, counted from the common era, when
/// the date is known to the day.
fn day_of(date: Option<&str>, precision: Option<&str>) -> Option<i32> {
    if precision.is_some_and(|p| p != "day") {
        return None;
    }
    let date = NaiveDate::parse_from_str(date?, "%Y-%m-%d").ok()?;
    Some(date.num_days_from_ce())
}

/// Reads an article and stores what the grouping compares of it; returns
/// its day, when it has one.
pub fn describe(tx: &Transaction, id: i64) -> Result<Option<i32>> {
    let row = tx
        .prepare_cached(
            "SELECT coalesce(title, ''), body, published_date, published_precision, language \
             FROM articles WHERE id = ?",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .optional()?;
    let Some((title, body, date, precision, language)) = row else {
        tx.prepare_cached("DELETE FROM story_pending WHERE article_id = ?")?
            .execute([id])?;
        return Ok(None);
    };
    let countries = tx
        .prepare_cached(
            "SELECT r.name FROM article_regions ar JOIN regions r ON r.id = ar.region_id \
             WHERE ar.article_id = ? AND r.parent_id IS NOT NULL",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let day = day_of(date.as_deref(), precision.as_deref());
    let terms = crate::library::compress(features::extract(&title, &body, &countries).join("\n").as_bytes());
    tx.prepare_cached(
        "INSERT INTO story_features(article_id, day, language, terms) VALUES (?, ?, ?, ?) \
         ON CONFLICT(article_id) DO UPDATE SET day = excluded.day, language = excluded.language, terms = excluded.terms",
    )?
    .execute(params![id, day, language, terms])?;
    tx.prepare_cached("DELETE FROM story_pending WHERE article_id = ?")?
        .execute([id])?;
    Ok(day)
}

/// The most an article's terms unpack to: a few kilobytes on any real
/// page; a damaged or forged row is read no further.
const MOST_TERMS_BYTES: u64 = 1 << 20;

/// An article's terms as stored: compressed, since the terms of every
/// article would otherwise take a tenth of the library's file. A row that
/// does not unpack reads as an article with no terms (it is grouped with
/// nothing), not as an error that would stop the grouping.
fn unpacked_terms(packed: &[u8]) -> String {
    let mut out = String::new();
    let reader = flate2::read::ZlibDecoder::new(packed);
    if std::io::Read::read_to_string(&mut std::io::Read::take(reader, MOST_TERMS_BYTES), &mut out).is_err() {
        out.clear();
    }
    out
}

/// The live articles published from day `from` to day `to`, as the
/// grouping sees them.
pub fn docs_between(tx: &Transaction, from: i32, to: i32) -> Result<Vec<Doc>> {
    let mut stmt = tx.prepare_cached(
        "SELECT f.article_id, f.day, f.language, f.terms FROM story_features f \
         CROSS JOIN articles a ON a.id = f.article_id \
         WHERE f.day IS NOT NULL AND f.day BETWEEN ? AND ? AND a.deleted_at IS NULL",
    )?;
    let docs = stmt
        .query_map([from, to], |r| {
            Ok(Doc {
                id: r.get(0)?,
                day: r.get(1)?,
                language: r.get(2)?,
                terms: unpacked_terms(&r.get::<_, Vec<u8>>(3)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(docs)
}

/// The first and last days of the live articles grouped.
pub fn day_range(tx: &Transaction) -> Result<Option<(i32, i32)>> {
    let range: (Option<i32>, Option<i32>) = tx.query_row(
        "SELECT min(f.day), max(f.day) FROM story_features f CROSS JOIN articles a ON a.id = f.article_id \
         WHERE f.day IS NOT NULL AND a.deleted_at IS NULL",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(match range {
        (Some(first), Some(last)) => Some((first, last)),
        _ => None,
    })
}

/// The live articles published from day `from` to day `to`, with their days.
pub fn days_between(tx: &Transaction, from: i32, to: i32) -> Result<Vec<(i64, i32)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT f.article_id, f.day FROM story_features f CROSS JOIN articles a ON a.id = f.article_id \
         WHERE f.day IS NOT NULL AND f.day BETWEEN ? AND ? AND a.deleted_at IS NULL",
    )?;
    let found = stmt
        .query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

/// A thread's live articles, with their days (when grouped already).
pub fn member_days(tx: &Transaction, story: i64) -> Result<Vec<(i64, Option<i32>)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT m.article_id, f.day FROM story_members m CROSS JOIN articles a ON a.id = m.article_id \
         LEFT JOIN story_features f ON f.article_id = m.article_id \
         WHERE m.story_id = ? AND a.deleted_at IS NULL",
    )?;
    let found = stmt
        .query_map([story], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

/// Puts the articles of `scope` (every article when `None`) in these
/// threads: each thread holding one of them is written whole, and the
/// articles of the scope in none leave theirs. A thread takes the id of
/// the old thread most of its articles were in (when no other took it
/// first), so a thread the window shows keeps its id through a
/// regrouping; an article is marked joined by hand when the user joined
/// it to another article of its thread. Old threads left with fewer than
/// two articles go.
pub fn rewrite_threads(
    tx: &Transaction,
    scope: Option<&HashSet<i64>>,
    threads: &[Vec<i64>],
    corrections: &Corrections,
) -> Result<()> {
    let in_scope = |id: &i64| scope.is_none_or(|s| s.contains(id));
    let chosen: Vec<&Vec<i64>> = threads.iter().filter(|t| t.iter().any(in_scope)).collect();
    let mut moved: HashSet<i64> = chosen.iter().flat_map(|t| t.iter().copied()).collect();
    let old: HashMap<i64, i64> = match scope {
        None => tx
            .prepare("SELECT article_id, story_id FROM story_members")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?,
        Some(scope) => {
            moved.extend(scope.iter().copied());
            let mut old = HashMap::new();
            let mut stmt = tx.prepare_cached("SELECT story_id FROM story_members WHERE article_id = ?")?;
            for &id in &moved {
                if let Some(story) = stmt.query_row([id], |r| r.get::<_, i64>(0)).optional()? {
                    old.insert(id, story);
                }
            }
            old
        }
    };
    match scope {
        None => {
            tx.execute("DELETE FROM story_members", [])?;
        }
        Some(_) => {
            let mut stmt = tx.prepare_cached("DELETE FROM story_members WHERE article_id = ?")?;
            for &id in &moved {
                stmt.execute([id])?;
            }
        }
    }
    let joined: HashSet<(i64, i64)> = corrections.same.iter().copied().collect();
    let mut kept: HashSet<i64> = HashSet::new();
    for thread in chosen {
        let mut votes: HashMap<i64, usize> = HashMap::new();
        for article in thread {
            if let Some(&story) = old.get(article) {
                *votes.entry(story).or_default() += 1;
            }
        }
        let mut candidates: Vec<(i64, usize)> =
            votes.into_iter().filter(|(s, _)| !kept.contains(s)).collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let story = match candidates.first() {
            Some(&(story, _)) => story,
            None => new_story(tx)?,
        };
        kept.insert(story);
        for &article in thread {
            let by_user = thread
                .iter()
                .any(|&other| joined.contains(&ordered(article, other)));
            set_member(tx, article, story, by_user)?;
        }
    }
    match scope {
        None => {
            tx.execute(
                "DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_members)",
                [],
            )?;
        }
        Some(_) => {
            let stories: HashSet<i64> = old.values().copied().collect();
            for story in stories {
                dissolve_if_alone(tx, story)?;
            }
        }
    }
    Ok(())
}
