//! Undo for the last changes (Ctrl+Z): each change remembers how to take
//! itself back, as a request to the library.

use super::widgets::articles;
use super::worker::Request;
use crate::model::site_rules::{Lesson, SiteRule};
use crate::model::{ExtractedArticle, Highlight};

#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// Tags that a change really added and removed (not those already so).
    Tags {
        id: i64,
        added: Vec<String>,
        removed: Vec<String>,
    },
    Details {
        id: i64,
        previous: Box<ExtractedArticle>,
        /// What the correction taught for the article's site, taken back with it.
        taught: Vec<Lesson>,
    },
    Trashed(Vec<i64>),
    Restored(Vec<i64>),
    /// These articles were starred (or had their stars taken away).
    Starred {
        ids: Vec<i64>,
        starred: bool,
    },
    Note {
        id: i64,
        previous: String,
    },
    /// Topics (by id) a change really filed the article under and took it out of.
    Topics {
        id: i64,
        added: Vec<i64>,
        removed: Vec<i64>,
    },
    /// A tag a bulk change put on (`added`) or took off these articles.
    TagMany {
        ids: Vec<i64>,
        tag: String,
        added: bool,
    },
    /// Many articles' details as they were before a bulk edit.
    DetailsMany {
        previous: Vec<(i64, Box<ExtractedArticle>)>,
        filed: Vec<(i64, i64)>,
    },
    /// A suggested topic the user said no to.
    Rejected {
        article: i64,
        topic: i64,
    },
    /// A highlight's colour or comment as it was before a change.
    Highlight(Box<Highlight>),
    HighlightRemoved(Box<Highlight>),
    /// A rule learned from corrections, removed from the table.
    ForgotRule(Box<SiteRule>),
    /// "Not the same story": the article left the thread it shared with `with`.
    StorySplit {
        article: i64,
        with: i64,
    },
    /// The article was joined to another's thread, leaving the thread of
    /// `was_with` (none: it was in no thread).
    StoryJoined {
        article: i64,
        was_with: Option<i64>,
    },
}

/// How many changes can be taken back.
pub const UNDO_DEPTH: usize = 50;

impl Undo {
    /// What the Edit menu says: "Undo tag change".
    pub fn label(&self) -> String {
        match self {
            Undo::Tags { .. } => "Undo tag change".into(),
            Undo::Rejected { .. } => "Undo rejecting a suggestion".into(),
            Undo::DetailsMany { previous, .. } => format!("Undo editing {}", articles(previous.len())),
            Undo::TagMany {
                ids,
                tag,
                added: true,
            } => format!("Undo tagging {} “{tag}”", articles(ids.len())),
            Undo::TagMany {
                ids,
                tag,
                added: false,
            } => {
                format!("Undo untagging {} “{tag}”", articles(ids.len()))
            }
            Undo::Details { .. } => "Undo details change".into(),
            Undo::Trashed(ids) if ids.len() == 1 => "Undo move to Trash".into(),
            Undo::Trashed(ids) => format!("Undo moving {} to Trash", articles(ids.len())),
            Undo::Restored(_) => "Undo restore".into(),
            Undo::Starred { starred: true, .. } => "Undo star".into(),
            Undo::Starred { starred: false, .. } => "Undo taking the star off".into(),
            Undo::Note { .. } => "Undo note edit".into(),
            Undo::Highlight(_) => "Undo highlight change".into(),
            Undo::Topics { .. } => "Undo topic change".into(),
            Undo::HighlightRemoved(_) => "Undo highlight removal".into(),
            Undo::ForgotRule(_) => "Undo removing a learned correction".into(),
            Undo::StorySplit { .. } => "Undo “Not the same story”".into(),
            Undo::StoryJoined { .. } => "Undo joining stories".into(),
        }
    }

    /// The request that takes the change back.
    pub fn into_request(self) -> Request {
        match self {
            Undo::Tags { id, added, removed } => Request::ChangeTags {
                id,
                add: removed,
                remove: added,
            },
            Undo::Details { id, previous, taught } => Request::UpdateDetails {
                id,
                details: previous,
                learn: Vec::new(),
                unlearn: taught,
            },
            Undo::TagMany { ids, tag, added } => Request::TagMany {
                ids,
                tag,
                add: !added,
                undoing: true,
            },
            Undo::DetailsMany { previous, filed } => Request::RestoreDetails { previous, filed },
            Undo::Rejected { article, topic } => Request::RejectSuggestion {
                article,
                topic,
                reject: false,
            },
            Undo::Trashed(ids) => Request::Restore(ids),
            Undo::Restored(ids) => Request::Trash(ids),
            Undo::Starred { ids, starred } => Request::Star {
                ids,
                starred: !starred,
            },
            Undo::Note { id, previous } => Request::SetNote { id, text: previous },
            Undo::Highlight(h) => Request::UpdateHighlight {
                id: h.id,
                color: h.color,
                comment: h.comment,
            },
            Undo::HighlightRemoved(h) => Request::RestoreHighlight(h),
            Undo::ForgotRule(rule) => Request::Learn(vec![Lesson {
                site: rule.site,
                field: rule.field,
                value: rule.value,
            }]),
            Undo::Topics { id, added, removed } => Request::ChangeTopics {
                id,
                add: removed,
                remove: added,
            },
            Undo::StorySplit { article, with } => Request::JoinStories {
                article,
                onto: with,
                undoing: true,
            },
            Undo::StoryJoined { article, was_with } => Request::RestoreStory {
                article,
                with: was_with,
            },
        }
    }
}

/// The tags a change will really add and remove, given those already there.
pub fn tag_change(current: &[String], add: &[String], remove: &[String]) -> (Vec<String>, Vec<String>) {
    let has = |name: &str| current.iter().any(|t| t.eq_ignore_ascii_case(name.trim()));
    let added = add
        .iter()
        .filter(|t| !has(t))
        .map(|t| t.trim().to_string())
        .collect();
    let removed = remove
        .iter()
        .filter(|t| has(t))
        .map(|t| t.trim().to_string())
        .collect();
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_change_undoes_only_what_it_changed() {
        let current = vec!["Korea".to_string(), "diplomacy".to_string()];
        let (added, removed) = tag_change(
            &current,
            &["korea".into(), "nuclear".into()],
            &["unread".into(), "diplomacy".into()],
        );
        assert_eq!(added, vec!["nuclear"]);
        assert_eq!(removed, vec!["diplomacy"]);
        let undo = Undo::Tags {
            id: 7,
            added,
            removed,
        };
        assert_eq!(undo.label(), "Undo tag change");
        assert!(matches!(
            undo.into_request(),
            Request::ChangeTags { id: 7, ref add, ref remove } if add == &["diplomacy"] && remove == &["nuclear"]
        ));
    }
}
