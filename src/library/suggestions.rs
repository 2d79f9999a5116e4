//! Topic suggestions for an article: the lexicon's reading of its text,
//! and, as the user files articles, the topics of the filed articles most
//! like it (its nearest neighbours by the search index's bm25). The more
//! filed neighbours there are, the more they count. Topics already filed
//! and suggestions the user rejected are never proposed.

use super::topic_lexicon::suggest_from_text;
use super::{Library, Result};
use rusqlite::params;
use std::collections::HashMap;

/// A topic proposed for an article.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicSuggestion {
    pub topic_id: i64,
    /// "politics › diplomacy".
    pub path: String,
    /// How sure, 0–1.
    pub confidence: f32,
}

/// Neighbours asked for; the closest count most.
const NEIGHBOURS: usize = 15;
/// Proposals shown at most.
const SHOWN: usize = 3;
/// Below this, a proposal is noise.
const LEAST_CONFIDENCE: f32 = 0.15;

impl Library {
    /// What to propose for this article, surest first.
    pub fn topic_suggestions(&self, article_id: i64) -> Result<Vec<TopicSuggestion>> {
        let article = self.get_article(article_id)?;
        let title = article.meta.title.clone().unwrap_or_default();
        let mut from_text: HashMap<i64, f32> = HashMap::new();
        for s in suggest_from_text(&title, &article.meta.body) {
            if let Ok(id) = self.topic_id(&s.topic) {
                from_text.insert(id, s.confidence);
            }
        }
        let (from_neighbours, filed_neighbours) = self.neighbours_votes(article_id)?;
        // Ten filed neighbours and more: the user's own filing decides most.
        let learned = (filed_neighbours as f32 / 10.0).min(0.8);
        let mut scores: HashMap<i64, f32> = HashMap::new();
        for (topic, confidence) in from_text {
            *scores.entry(topic).or_insert(0.0) += confidence * (1.0 - learned);
        }
        for (topic, share) in from_neighbours {
            *scores.entry(topic).or_insert(0.0) += share * learned;
        }
        let settled = self.settled_topics(article_id)?;
        let mut ranked: Vec<(i64, f32)> = scores
            .into_iter()
            .filter(|(topic, score)| *score >= LEAST_CONFIDENCE && !settled.contains(topic))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.truncate(SHOWN);
        ranked
            .into_iter()
            .map(|(topic_id, confidence)| {
                Ok(TopicSuggestion {
                    topic_id,
                    path: self.topic_path(topic_id)?,
                    confidence: confidence.min(0.99),
                })
            })
            .collect()
    }

    /// Each topic's share of the votes of the filed articles most like this
    /// one (a closer neighbour votes more; a neighbour filed under a
    /// sub-topic votes for its parent too), and how many neighbours voted.
    fn neighbours_votes(&self, article_id: i64) -> Result<(HashMap<i64, f32>, usize)> {
        let neighbours = self.filed_neighbours(article_id, NEIGHBOURS)?;
        let mut votes: HashMap<i64, f32> = HashMap::new();
        let mut total = 0.0f32;
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.topic_id, t.parent_id FROM article_topics x JOIN topics t ON t.id = x.topic_id \
             WHERE x.article_id = ? AND x.origin = 'user' AND x.rejected = 0",
        )?;
        for (rank, (neighbour, _)) in neighbours.iter().enumerate() {
            let weight = 1.0 / (rank as f32 + 1.0).sqrt();
            total += weight;
            let filed = stmt
                .query_map([neighbour], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut voted: Vec<i64> = Vec::new();
            for (topic, parent) in filed {
                voted.push(topic);
                voted.extend(parent);
            }
            voted.sort_unstable();
            voted.dedup();
            for topic in voted {
                *votes.entry(topic).or_insert(0.0) += weight;
            }
        }
        if total > 0.0 {
            votes.values_mut().for_each(|v| *v /= total);
        }
        Ok((votes, neighbours.len()))
    }

    /// Topics the article is filed under, and those the user said no to.
    fn settled_topics(&self, article_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT topic_id FROM article_topics WHERE article_id = ? AND (origin = 'user' OR rejected = 1)",
        )?;
        let ids = stmt
            .query_map([article_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    fn topic_path(&self, topic_id: i64) -> Result<String> {
        Ok(self.conn.query_row(
            "SELECT coalesce(p.name || ' › ', '') || t.name FROM topics t \
             LEFT JOIN topics p ON p.id = t.parent_id WHERE t.id = ?",
            [topic_id],
            |r| r.get(0),
        )?)
    }

    /// The user said no: this topic is not proposed for this article again.
    pub fn reject_suggestion(&mut self, article_id: i64, topic_id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.conn.execute(
            "INSERT INTO article_topics(article_id, topic_id, origin, confidence, rejected) \
             VALUES (?, ?, 'suggested', NULL, 1) \
             ON CONFLICT(article_id, topic_id) DO UPDATE SET rejected = 1 WHERE origin = 'suggested'",
            params![article_id, topic_id],
        )?;
        Ok(())
    }

    /// Takes back a rejection (for undo).
    pub fn unreject_suggestion(&mut self, article_id: i64, topic_id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.conn.execute(
            "DELETE FROM article_topics WHERE article_id = ? AND topic_id = ? \
             AND origin = 'suggested' AND rejected = 1",
            params![article_id, topic_id],
        )?;
        Ok(())
    }
}
