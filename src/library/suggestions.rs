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

/// What is proposed when neither the text nor the filing says anything:
/// the commonest topics of news, for a library where nothing is filed yet.
const COMMONEST_IN_NEWS: &[&str] = &["politics", "economy, business and finance", "society"];
/// The confidence shown for such a guess.
const BARE_GUESS: f32 = 0.02;

impl Library {
    /// What to propose for this article, surest first. Every article gets
    /// proposals: when nothing is sure, the best weak guesses (shown with
    /// their low confidence), and when the text has no topic word at all,
    /// the topics the user files most.
    pub fn topic_suggestions(&self, article_id: i64) -> Result<Vec<TopicSuggestion>> {
        let article = self.get_article(article_id)?;
        let title = article.meta.title.clone().unwrap_or_default();
        let language = article.meta.language.as_deref();
        let mut from_text: HashMap<i64, f32> = HashMap::new();
        for s in suggest_from_text(language, &title, &article.meta.body) {
            if let Ok(id) = self.topic_id(&s.topic) {
                from_text.insert(id, s.confidence);
            }
        }
        let (from_neighbours, filed_neighbours) = self.neighbours_votes(article_id, language)?;
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
            .filter(|(topic, score)| *score > 0.0 && !settled.contains(topic))
            .collect();
        if ranked.is_empty() {
            ranked = self
                .commonest_topics()?
                .into_iter()
                .filter(|topic| !settled.contains(topic))
                .map(|topic| (topic, BARE_GUESS))
                .collect();
        }
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut paths = Vec::with_capacity(ranked.len());
        for (topic_id, confidence) in ranked {
            paths.push((topic_id, self.topic_path(topic_id)?, confidence));
        }
        Ok(varied_first(paths)
            .into_iter()
            .map(|(topic_id, path, confidence)| TopicSuggestion {
                topic_id,
                path,
                confidence: confidence.min(0.99),
            })
            .collect())
    }

    /// The top-level topics the user files most, or, before anything is
    /// filed, the commonest of news.
    fn commonest_topics(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(t.parent_id, t.id) AS top, count(*) AS n FROM article_topics x \
             JOIN topics t ON t.id = x.topic_id WHERE x.origin = 'user' AND x.rejected = 0 \
             GROUP BY top ORDER BY n DESC, top LIMIT ?",
        )?;
        let filed = stmt
            .query_map([SHOWN as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        if !filed.is_empty() {
            return Ok(filed);
        }
        COMMONEST_IN_NEWS.iter().map(|name| self.topic_id(name)).collect()
    }

    /// Each topic's share of the votes of the filed articles most like this
    /// one (a closer neighbour votes more; a neighbour filed under a
    /// sub-topic votes for its parent too), and how many neighbours voted.
    /// Only neighbours in the article's language count, when both are
    /// known: a pile of English articles filed under politics says nothing
    /// of a Japanese editorial that happens to share a name with them.
    fn neighbours_votes(
        &self,
        article_id: i64,
        language: Option<&str>,
    ) -> Result<(HashMap<i64, f32>, usize)> {
        let mut neighbours = self.filed_neighbours(article_id, NEIGHBOURS)?;
        if let Some(language) = language {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT language FROM articles WHERE id = ?")?;
            let mut same = Vec::with_capacity(neighbours.len());
            for neighbour in neighbours {
                let theirs: Option<String> = stmt.query_row([neighbour.0], |r| r.get(0))?;
                if theirs.is_none_or(|theirs| same_language(&theirs, language)) {
                    same.push(neighbour);
                }
            }
            neighbours = same;
        }
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

/// Whether two BCP 47 tags name the same language ("pt-BR" and "pt").
fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

/// The proposals to show, from (id, path, confidence) surest first: first
/// the surest under each top-level topic, then the rest in order. Three
/// shades of politics leave the user nothing to choose from, and filing
/// under "politics › diplomacy" files under "politics" too.
fn varied_first(ranked: Vec<(i64, String, f32)>) -> Vec<(i64, String, f32)> {
    let top = |path: &str| path.split(" › ").next().unwrap_or("").to_string();
    let mut shown: Vec<(i64, String, f32)> = Vec::new();
    let mut rest = Vec::new();
    for proposal in ranked {
        if shown.len() < SHOWN && !shown.iter().any(|(_, p, _)| top(p) == top(&proposal.1)) {
            shown.push(proposal);
        } else {
            rest.push(proposal);
        }
    }
    shown.extend(rest.into_iter().take(SHOWN - shown.len()));
    shown.sort_by(|a, b| b.2.total_cmp(&a.2));
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_proposal_a_top_level_topic_before_a_second_under_the_same() {
        let ranked = vec![
            (1, "politics › diplomacy".to_string(), 0.6),
            (2, "politics".to_string(), 0.5),
            (3, "economy, business and finance".to_string(), 0.2),
            (4, "politics › elections".to_string(), 0.15),
            (5, "society".to_string(), 0.1),
        ];
        let shown: Vec<i64> = varied_first(ranked).into_iter().map(|(id, _, _)| id).collect();
        assert_eq!(shown, [1, 3, 5]);
        assert!(same_language("pt-BR", "pt") && !same_language("en", "ja"));
    }
}
