//! Story threads in the window: the open article's thread (the reader's
//! "The same story in other papers"), the Stories view's list of threads,
//! and the user's corrections (not the same story; the same story, by
//! dragging one article onto another), each with its undo.

use super::outbox::{Effect, Outbox};
use crate::gui::undo::Undo;
use crate::gui::worker::{Request, Response};
use crate::library::Filter;
use crate::model::{StorySummary, StoryThread};

/// How many threads the Stories view lists at most.
pub const THREADS_LISTED: usize = 500;

/// What a list row carries while it is dragged: its article, to drop on
/// another (a row, or the reader's story section) as the same story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraggedArticle(pub i64);

#[derive(Debug, Clone, PartialEq)]
pub enum StoriesAction {
    ShowView,
    CloseView,
    /// Open this article of a thread in the reader, its row selected.
    Open(i64),
    /// "Not the same story": this article leaves the open article's thread.
    NotSameStory(i64),
    /// `article` was dropped on `onto`: the same story.
    Join {
        article: i64,
        onto: i64,
    },
}

/// The Stories view: the threads, once the library has answered.
#[derive(Debug, Default)]
pub struct StoriesView {
    pub threads: Vec<StorySummary>,
    pub loaded: bool,
}

#[derive(Debug, Default)]
pub struct StoriesState {
    /// The open article's thread, as last asked: (article, its thread).
    pub story: Option<(i64, Option<StoryThread>)>,
    pub view: Option<StoriesView>,
}

impl StoriesState {
    /// The thread of `article`, when it is the one last answered for.
    pub fn thread_of(&self, article: i64) -> Option<&StoryThread> {
        match &self.story {
            Some((id, thread)) if *id == article => thread.as_ref(),
            _ => None,
        }
    }

    /// `filter`: what the list shows, which the threads listed follow.
    pub fn apply(&mut self, action: StoriesAction, filter: Filter, out: &mut Outbox) {
        match action {
            StoriesAction::ShowView => {
                self.view = Some(StoriesView::default());
                self.query(filter, out);
            }
            StoriesAction::CloseView => self.view = None,
            StoriesAction::Open(id) => {
                out.then(Effect::Select(vec![id]));
                out.then(Effect::Open(Some(id)));
            }
            StoriesAction::NotSameStory(article) => self.split(article, out),
            StoriesAction::Join { article, onto } => {
                if article != onto {
                    out.send(Request::JoinStories {
                        article,
                        onto,
                        undoing: false,
                    });
                }
            }
        }
    }

    /// Asks for the threads again, when the Stories view is open.
    pub fn query(&mut self, filter: Filter, out: &mut Outbox) {
        if self.view.is_some() {
            out.send(Request::StoryThreads {
                filter,
                limit: THREADS_LISTED,
            });
        }
    }

    /// The article leaves the open article's thread; the undo puts it back
    /// beside one that stays.
    fn split(&mut self, article: i64, out: &mut Outbox) {
        let Some((open, Some(thread))) = &self.story else {
            return;
        };
        let Some(member) = thread.articles.iter().find(|m| m.id == article) else {
            return;
        };
        let stays = if *open != article {
            Some(*open)
        } else {
            thread.articles.iter().map(|m| m.id).find(|&m| m != article)
        };
        out.say(format!(
            "“{}” is no longer in this story (Ctrl+Z puts it back)",
            member.title
        ));
        if let Some(with) = stays {
            out.remember(Undo::StorySplit { article, with });
        }
        out.send(Request::SplitStory(article));
    }

    /// Takes in the library's answers about threads.
    pub fn receive(&mut self, response: Response, open: Option<i64>, out: &mut Outbox) {
        match response {
            Response::Story { article, thread } if open == Some(article) => {
                self.story = Some((article, thread));
            }
            Response::StoryThreads(threads) => {
                if let Some(view) = &mut self.view {
                    view.threads = threads;
                    view.loaded = true;
                }
            }
            Response::StoriesJoined {
                article,
                was_with,
                undoing,
            } => {
                if !undoing {
                    out.say("Joined as the same story (Ctrl+Z takes it back)");
                    out.remember(Undo::StoryJoined { article, was_with });
                }
                out.then(Effect::Refresh);
                out.then(Effect::Reload);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StoryMember;

    fn member(id: i64, title: &str) -> StoryMember {
        StoryMember {
            id,
            title: title.into(),
            source: None,
            published: None,
            language: None,
            by_user: false,
        }
    }

    #[test]
    fn not_the_same_story_is_undone_beside_the_open_article() {
        let mut stories = StoriesState {
            story: Some((
                1,
                Some(StoryThread {
                    id: 9,
                    articles: vec![member(1, "Tokyo"), member(2, "Seoul"), member(3, "Washington")],
                }),
            )),
            view: None,
        };
        let mut out = Outbox::default();
        stories.apply(StoriesAction::NotSameStory(3), Filter::default(), &mut out);
        let undo = out.0.iter().find_map(|e| match e {
            Effect::Remember(undo) => Some(undo.clone()),
            _ => None,
        });
        assert_eq!(undo, Some(Undo::StorySplit { article: 3, with: 1 }));
        assert!(
            out.0
                .iter()
                .any(|e| matches!(e, Effect::Send(r) if matches!(**r, Request::SplitStory(3))))
        );
    }

    #[test]
    fn an_answer_for_an_article_no_longer_open_is_dropped() {
        let mut stories = StoriesState::default();
        let mut out = Outbox::default();
        let thread = StoryThread {
            id: 9,
            articles: vec![member(1, "a"), member(2, "b")],
        };
        let answer = |article| Response::Story {
            article,
            thread: Some(thread.clone()),
        };
        stories.receive(answer(1), Some(2), &mut out);
        assert!(stories.thread_of(1).is_none());
        stories.receive(answer(2), Some(2), &mut out);
        assert_eq!(stories.thread_of(2), Some(&thread));
    }
}
