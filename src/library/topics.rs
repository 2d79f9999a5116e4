//! Topics: a tree (the built-in IPTC top levels and whatever the user
//! adds), and the articles filed under them.

use super::Filter;
use super::filter::FILED;
use super::{Library, LibraryError, Result};
use crate::model::ArticleTopic;
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use std::collections::{HashMap, HashSet};

/// A topic with the live articles filed under it or under any topic below
/// it, and the topics below it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TopicNode {
    pub id: i64,
    pub name: String,
    pub count: usize,
    /// One of the built-in topics (IPTC), which the user files under and
    /// adds below but does not rename, move or delete.
    pub builtin: bool,
    pub children: Vec<TopicNode>,
}

/// The topic tree as read from the library, before counting.
#[derive(Default)]
pub(super) struct TopicRows {
    /// (id, name, built in) of each topic, by parent.
    by_parent: HashMap<Option<i64>, Vec<(i64, String, bool)>>,
    parent_of: HashMap<i64, i64>,
}

impl TopicRows {
    /// The ids of each topic's children.
    pub(super) fn child_ids(&self) -> HashMap<Option<i64>, Vec<i64>> {
        self.by_parent
            .iter()
            .map(|(parent, children)| (*parent, children.iter().map(|c| c.0).collect()))
            .collect()
    }

    pub(super) fn with_counts(&self, counts: &HashMap<i64, usize>) -> Vec<TopicNode> {
        self.nodes_below(None, counts, 0)
    }

    fn nodes_below(&self, parent: Option<i64>, counts: &HashMap<i64, usize>, depth: usize) -> Vec<TopicNode> {
        if depth > 64 {
            return Vec::new();
        }
        self.by_parent
            .get(&parent)
            .map(|children| {
                children
                    .iter()
                    .map(|(id, name, builtin)| TopicNode {
                        id: *id,
                        name: name.clone(),
                        count: counts.get(id).copied().unwrap_or(0),
                        builtin: *builtin,
                        children: self.nodes_below(Some(*id), counts, depth + 1),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Files an article under topics and takes it out of others, inside the
/// caller's transaction.
pub(super) fn change_topics_tx(tx: &Transaction, article_id: i64, add: &[i64], remove: &[i64]) -> Result<()> {
    let exists: Option<i64> = tx
        .query_row("SELECT id FROM articles WHERE id = ?", [article_id], |r| r.get(0))
        .optional()?;
    exists.ok_or(LibraryError::NotFound(article_id))?;
    for topic in add {
        tx.execute(
            "INSERT INTO article_topics(article_id, topic_id, origin, confidence, rejected) \
             VALUES (?, ?, 'user', NULL, 0) \
             ON CONFLICT(article_id, topic_id) DO UPDATE SET origin = 'user', rejected = 0",
            params![article_id, topic],
        )?;
    }
    for topic in remove {
        tx.execute(
            "DELETE FROM article_topics WHERE article_id = ? AND topic_id = ?",
            params![article_id, topic],
        )?;
    }
    Ok(())
}

impl Library {
    /// The whole tree, alphabetical at each level, with counts.
    pub fn topic_tree(&self) -> Result<Vec<TopicNode>> {
        self.topic_tree_within(&Filter::default())
    }

    /// The tree with counts of the articles that `filter` selects. An
    /// article counts once under each topic it is filed under or below.
    pub(super) fn topic_tree_within(&self, filter: &Filter) -> Result<Vec<TopicNode>> {
        let tree = self.topic_rows()?;
        let counts = match self.with_index(|index, conn| {
            let selection = index.select(conn, filter)?;
            Ok(index.topic_counts(&selection, &tree.child_ids()))
        })? {
            Some(counts) => counts,
            None => self.topic_counts_by_sql(filter, &tree)?,
        };
        Ok(tree.with_counts(&counts))
    }

    /// Every topic, by parent, alphabetical at each level.
    pub(super) fn topic_rows(&self) -> Result<TopicRows> {
        let mut tree = TopicRows::default();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, parent_id, builtin FROM topics ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, i64>(3)? != 0,
            ))
        })?;
        for row in rows {
            let (id, name, parent, builtin) = row?;
            if let Some(parent) = parent {
                tree.parent_of.insert(id, parent);
            }
            tree.by_parent
                .entry(parent)
                .or_default()
                .push((id, name, builtin));
        }
        Ok(tree)
    }

    /// Each topic's articles among those `filter` selects, counted by SQL.
    fn topic_counts_by_sql(&self, filter: &Filter, tree: &TopicRows) -> Result<HashMap<i64, usize>> {
        // The filings of the selection, read once; each is credited to its
        // topic and every topic above it here, which is cheaper than asking
        // SQL to walk the tree for every filing.
        let (selected, values) = filter.selecting("x.article_id");
        let sql =
            format!("SELECT x.topic_id, x.article_id FROM article_topics x WHERE {FILED} AND {selected}");
        let mut credited: HashSet<(i64, i64)> = HashSet::new();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            let (topic, article): (i64, i64) = (row.get(0)?, row.get(1)?);
            let mut at = Some(topic);
            // The tree is a few levels deep; the bound guards against a cycle.
            for _ in 0..64 {
                let Some(id) = at else { break };
                if !credited.insert((id, article)) {
                    // Already credited through a sibling filing, and so
                    // is everything above it.
                    break;
                }
                at = tree.parent_of.get(&id).copied();
            }
        }
        let mut counts: HashMap<i64, usize> = HashMap::new();
        for (topic, _) in credited {
            *counts.entry(topic).or_default() += 1;
        }
        Ok(counts)
    }

    /// The topics an article is filed under, by path.
    pub fn topics_of(&self, article_id: i64) -> Result<Vec<ArticleTopic>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, coalesce(p.name || ' › ', '') || t.name FROM article_topics x \
             JOIN topics t ON t.id = x.topic_id LEFT JOIN topics p ON p.id = t.parent_id \
             WHERE x.article_id = ? AND x.rejected = 0 AND x.origin = 'user' ORDER BY 2 COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([article_id], |r| {
                Ok(ArticleTopic {
                    id: r.get(0)?,
                    path: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The id of the topic with this name (or "parent › name" path); the
    /// top-level one first when several share a name.
    pub fn topic_id(&self, name: &str) -> Result<i64> {
        let (parent, leaf) = match name.split_once('›') {
            Some((parent, leaf)) => (Some(parent.trim()), leaf.trim()),
            None => (None, name.trim()),
        };
        let found: Option<i64> = self
            .conn
            .query_row(
                "SELECT t.id FROM topics t LEFT JOIN topics p ON p.id = t.parent_id \
                 WHERE t.name = ?1 COLLATE NOCASE AND (?2 IS NULL OR p.name = ?2 COLLATE NOCASE) \
                 ORDER BY t.parent_id IS NOT NULL, t.id LIMIT 1",
                params![leaf, parent],
                |r| r.get(0),
            )
            .optional()?;
        found.ok_or_else(|| {
            LibraryError::Invalid(format!(
                "no topic called “{}”; `folio topics` lists them",
                name.trim()
            ))
        })
    }

    /// Files an article under some topics and takes it out of others, as
    /// the user's own choice (a rejected suggestion for it is overridden).
    pub fn change_topics(&mut self, article_id: i64, add: &[i64], remove: &[i64]) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        change_topics_tx(&tx, article_id, add, remove)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds the user's own topic, at the top of the tree or below another.
    pub fn add_topic(&mut self, name: &str, parent: Option<i64>) -> Result<i64> {
        self.ensure_writable()?;
        let name = topic_name(name)?;
        if self.sibling_named(parent, &name, None)?.is_some() {
            return Err(LibraryError::Invalid(format!(
                "there is already a topic called “{name}” there"
            )));
        }
        self.conn.execute(
            "INSERT INTO topics(name, parent_id, builtin) VALUES (?, ?, 0)",
            params![name, parent],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Renames one of the user's topics; onto a topic of the same name
    /// beside it, the two are merged. Returns the topic that remains.
    pub fn rename_topic(&mut self, id: i64, name: &str) -> Result<i64> {
        self.ensure_writable()?;
        let name = topic_name(name)?;
        let (parent, _) = self.own_topic(id)?;
        if let Some(other) = self.sibling_named(parent, &name, Some(id))? {
            return self.merge_topic(id, other);
        }
        self.conn
            .execute("UPDATE topics SET name = ? WHERE id = ?", params![name, id])?;
        Ok(id)
    }

    /// Moves one of the user's topics (with what is below it) under another
    /// topic or to the top; onto a topic of the same name there, the two
    /// are merged. Returns the topic that remains.
    pub fn move_topic(&mut self, id: i64, parent: Option<i64>) -> Result<i64> {
        self.ensure_writable()?;
        let (_, name) = self.own_topic(id)?;
        if let Some(parent) = parent {
            let below: bool = self.conn.query_row(
                "WITH RECURSIVE below(id) AS (SELECT ?1 UNION SELECT t.id FROM topics t JOIN below ON t.parent_id = below.id) \
                 SELECT EXISTS(SELECT 1 FROM below WHERE id = ?2)",
                params![id, parent],
                |r| r.get(0),
            )?;
            if below {
                return Err(LibraryError::Invalid("a topic cannot go under itself".into()));
            }
        }
        if let Some(other) = self.sibling_named(parent, &name, Some(id))? {
            return self.merge_topic(id, other);
        }
        self.conn.execute(
            "UPDATE topics SET parent_id = ? WHERE id = ?",
            params![parent, id],
        )?;
        Ok(id)
    }

    /// Merges one of the user's topics into another: its articles and the
    /// topics below it go to the other, and it is gone. Returns `into`.
    pub fn merge_topic(&mut self, from: i64, into: i64) -> Result<i64> {
        self.ensure_writable()?;
        self.own_topic(from)?;
        if from == into {
            return Ok(into);
        }
        let tx = self.conn.transaction()?;
        merge_into(&tx, from, into)?;
        tx.commit()?;
        Ok(into)
    }

    /// Deletes one of the user's topics and those below it; the articles
    /// filed there stay, no longer filed under it. Returns how many were.
    pub fn delete_topic(&mut self, id: i64) -> Result<usize> {
        self.ensure_writable()?;
        self.own_topic(id)?;
        let filed: i64 = self.conn.query_row(
            &format!(
                "SELECT count(DISTINCT x.article_id) FROM article_topics x WHERE {FILED} AND x.topic_id IN \
                 (WITH RECURSIVE below(id) AS (SELECT ?1 UNION SELECT t.id FROM topics t JOIN below ON t.parent_id = below.id) \
                 SELECT id FROM below)"
            ),
            [id],
            |r| r.get(0),
        )?;
        self.conn.execute("DELETE FROM topics WHERE id = ?", [id])?;
        Ok(filed as usize)
    }

    /// The parent and name of a topic of the user's own; built-in topics
    /// are refused with a message.
    fn own_topic(&self, id: i64) -> Result<(Option<i64>, String)> {
        let found: Option<(Option<i64>, String, bool)> = self
            .conn
            .query_row(
                "SELECT parent_id, name, builtin FROM topics WHERE id = ?",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0)),
            )
            .optional()?;
        match found {
            None => Err(LibraryError::Invalid(format!("no topic #{id}"))),
            Some((_, name, true)) => Err(LibraryError::Invalid(format!(
                "“{name}” is a built-in topic: add your own topics below it instead"
            ))),
            Some((parent, name, false)) => Ok((parent, name)),
        }
    }

    fn sibling_named(&self, parent: Option<i64>, name: &str, not: Option<i64>) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM topics WHERE parent_id IS ?1 AND name = ?2 COLLATE NOCASE AND id IS NOT ?3",
                params![parent, name, not],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// Moves a topic's filings and children to another topic, merging a child
/// into the other's child of the same name, then deletes it.
fn merge_into(tx: &rusqlite::Transaction<'_>, from: i64, into: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO article_topics(article_id, topic_id, origin, confidence, rejected) \
         SELECT article_id, ?2, origin, confidence, rejected FROM article_topics WHERE topic_id = ?1 \
         ON CONFLICT(article_id, topic_id) DO UPDATE SET \
         origin = CASE WHEN excluded.origin = 'user' THEN 'user' ELSE article_topics.origin END, \
         rejected = min(article_topics.rejected, excluded.rejected)",
        params![from, into],
    )?;
    let children: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, name FROM topics WHERE parent_id = ?")?;
        stmt.query_map([from], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    for (child, name) in children {
        let twin: Option<i64> = tx
            .query_row(
                "SELECT id FROM topics WHERE parent_id = ? AND name = ? COLLATE NOCASE",
                params![into, name],
                |r| r.get(0),
            )
            .optional()?;
        match twin {
            Some(twin) => merge_into(tx, child, twin)?,
            None => {
                tx.execute(
                    "UPDATE topics SET parent_id = ? WHERE id = ?",
                    params![into, child],
                )?;
            }
        }
    }
    tx.execute("DELETE FROM topics WHERE id = ?", [from])?;
    Ok(())
}

/// A topic's name, tidied; "›" is kept for paths.
fn topic_name(name: &str) -> Result<String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.contains('›') {
        return Err(LibraryError::Invalid(
            "a topic needs a name, without the “›” that separates a path".into(),
        ));
    }
    Ok(name)
}
