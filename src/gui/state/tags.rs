//! Editing tags and topics: the tag typed for the open article or for
//! every selected one, the sidebar's tag filter, a tag or topic being
//! named, a tag waiting to be deleted; and filing the open article under
//! topics. Its actions say which requests follow.

use super::outbox::{Effect, Outbox};
use crate::gui::selection::Selection;
use crate::gui::undo::{Undo, tag_change};
use crate::gui::worker::{Request, Response};
use crate::model::Article;

/// A topic being named in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicEdit {
    /// A new topic below this one (or at the top).
    New(Option<i64>),
    Rename(i64),
}

/// What the user asks about tags and topics.
#[derive(Debug, Clone, PartialEq)]
pub enum TagsAction {
    /// The open article's tag field, as typed.
    TagTyped(String),
    AddTag(String),
    RemoveTag(String),
    /// The tag field over the list (for every selected article), as typed.
    BulkTagTyped(String),
    /// Put a tag on every selected article (`true`) or take it off them.
    TagSelected(String, bool),
    /// What is typed over the sidebar's tags, to narrow them.
    FilterTyped(String),
    /// Show a name field in place of this tag.
    StartRename(String),
    /// The new name, as typed.
    RenameTyped(String),
    /// Rename a tag (onto an existing one: a merge).
    Rename(String, String),
    /// Ask before deleting a tag from its articles (how many).
    AskDelete(String, usize),
    Delete(String),
    CancelEdit,
    /// Give a tag a colour (`None`: no colour).
    SetColor(String, Option<String>),
    /// File the open article under this topic (by id), or take it out.
    FileUnder(i64),
    TakeOutOf(i64),
    /// Open a name field for a new topic (below this one, or at the top).
    StartNewTopic(Option<i64>),
    /// Open a name field to rename one of the user's topics.
    StartRenameTopic(i64, String),
    TopicNameTyped(String),
    /// The name field's text was entered.
    FinishTopicEdit,
    CancelTopicEdit,
    /// Move one of the user's topics under another (or to the top).
    MoveTopic(i64, Option<i64>),
}

#[derive(Debug, Default)]
pub struct TagEdits {
    /// The tag typed in the reader, for the open article.
    pub tag_input: String,
    /// The tag typed over the list, for every selected article.
    pub bulk_tag_input: String,
    /// What is typed over the sidebar's tags, to narrow them.
    pub tag_filter: String,
    /// A tag being renamed in the sidebar: its name, and the new one as typed.
    pub renaming: Option<(String, String)>,
    /// Asking before a tag is deleted from its articles (name, how many).
    pub confirm_delete: Option<(String, usize)>,
    /// A topic being named in the sidebar, and the name typed so far.
    pub topic_edit: Option<(TopicEdit, String)>,
}

impl TagEdits {
    /// Applies one action, on the open article or the selected rows.
    pub fn apply(
        &mut self,
        action: TagsAction,
        article: Option<&Article>,
        selection: &Selection,
        out: &mut Outbox,
    ) {
        match action {
            TagsAction::TagTyped(text) => self.tag_input = text,
            TagsAction::AddTag(name) => {
                if !name.trim().is_empty() {
                    change_tags(article, vec![name.trim().to_string()], Vec::new(), out);
                    self.tag_input.clear();
                }
            }
            TagsAction::RemoveTag(name) => change_tags(article, Vec::new(), vec![name], out),
            TagsAction::BulkTagTyped(text) => self.bulk_tag_input = text,
            TagsAction::TagSelected(name, add) => {
                let tag = name.trim().to_string();
                if !tag.is_empty() && !selection.is_empty() {
                    out.send(Request::TagMany {
                        ids: selection.ids(),
                        tag,
                        add,
                        undoing: false,
                    });
                }
            }
            TagsAction::FilterTyped(text) => self.tag_filter = text,
            TagsAction::FileUnder(topic) => change_topics(article, vec![topic], Vec::new(), out),
            TagsAction::TakeOutOf(topic) => change_topics(article, Vec::new(), vec![topic], out),
            action => self.edit_names(action, out),
        }
    }

    /// Renaming, colouring, deleting and moving tags and topics.
    fn edit_names(&mut self, action: TagsAction, out: &mut Outbox) {
        match action {
            TagsAction::StartRename(name) => self.renaming = Some((name.clone(), name)),
            TagsAction::RenameTyped(text) => {
                if let Some((_, typed)) = &mut self.renaming {
                    *typed = text;
                }
            }
            TagsAction::Rename(old, new) => {
                self.renaming = None;
                if !new.trim().is_empty() && new.trim() != old {
                    out.then(Effect::ChosenTagRenamed(old.clone(), new.clone()));
                    out.send(Request::RenameTag { old, new });
                }
            }
            TagsAction::AskDelete(name, count) => self.confirm_delete = Some((name, count)),
            TagsAction::Delete(name) => {
                self.confirm_delete = None;
                out.then(Effect::ChosenTagDeleted(name.clone()));
                out.send(Request::DeleteTag(name));
            }
            TagsAction::CancelEdit => {
                self.renaming = None;
                self.confirm_delete = None;
            }
            TagsAction::SetColor(name, color) => out.send(Request::SetTagColor { name, color }),
            TagsAction::StartNewTopic(parent) => {
                self.topic_edit = Some((TopicEdit::New(parent), String::new()))
            }
            TagsAction::StartRenameTopic(id, name) => self.topic_edit = Some((TopicEdit::Rename(id), name)),
            TagsAction::TopicNameTyped(text) => {
                if let Some((_, typed)) = &mut self.topic_edit {
                    *typed = text;
                }
            }
            TagsAction::CancelTopicEdit => self.topic_edit = None,
            TagsAction::FinishTopicEdit => {
                if let Some((edit, name)) = self.topic_edit.take()
                    && !name.trim().is_empty()
                {
                    out.send(match edit {
                        TopicEdit::New(parent) => Request::AddTopic { name, parent },
                        TopicEdit::Rename(id) => Request::RenameTopic { id, name },
                    });
                }
            }
            TagsAction::MoveTopic(id, parent) => out.send(Request::MoveTopic { id, parent }),
            _ => {}
        }
    }

    /// A tag went on (or came off) the selected articles.
    pub fn receive(&mut self, response: Response, out: &mut Outbox) {
        let Response::TaggedMany {
            tag,
            add,
            changed,
            undoing,
        } = response
        else {
            return;
        };
        let n = changed.len();
        let articles = if n == 1 { "article" } else { "articles" };
        out.say(match (add, n) {
            (true, 0) => format!("Every selected article already has “{tag}”"),
            (false, 0) => format!("No selected article has “{tag}”"),
            (true, n) => format!("Tagged {n} {articles} “{tag}”"),
            (false, n) => format!("Took “{tag}” off {n} {articles}"),
        });
        if n > 0 && !undoing {
            self.bulk_tag_input.clear();
            out.remember(Undo::TagMany {
                ids: changed,
                tag,
                added: add,
            });
        }
        out.then(Effect::Refresh);
        out.then(Effect::Reload);
    }
}

fn change_tags(article: Option<&Article>, add: Vec<String>, remove: Vec<String>, out: &mut Outbox) {
    let Some(article) = article else {
        return;
    };
    let (added, removed) = tag_change(&article.tags, &add, &remove);
    if added.is_empty() && removed.is_empty() {
        return;
    }
    let id = article.id;
    out.remember(Undo::Tags {
        id,
        added: added.clone(),
        removed: removed.clone(),
    });
    out.send(Request::ChangeTags {
        id,
        add: added,
        remove: removed,
    });
}

fn change_topics(article: Option<&Article>, add: Vec<i64>, remove: Vec<i64>, out: &mut Outbox) {
    let Some(article) = article else {
        return;
    };
    let filed: Vec<i64> = article.topics.iter().map(|t| t.id).collect();
    let added: Vec<i64> = add.into_iter().filter(|t| !filed.contains(t)).collect();
    let removed: Vec<i64> = remove.into_iter().filter(|t| filed.contains(t)).collect();
    if added.is_empty() && removed.is_empty() {
        return;
    }
    let id = article.id;
    out.remember(Undo::Topics {
        id,
        added: added.clone(),
        removed: removed.clone(),
    });
    out.send(Request::ChangeTopics {
        id,
        add: added,
        remove: removed,
    });
}
