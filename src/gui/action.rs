//! Everything a view (or a key) can ask for: one enum per sub-state,
//! gathered here so views return one list of them.

use super::state::annotating::AnnotateAction;
use super::state::dialogs::DialogAction;
use super::state::import::ImportAction;
use super::state::list::ListAction;
use super::state::reader::ReaderAction;
use super::state::tags::TagsAction;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    List(ListAction),
    Reader(ReaderAction),
    Tags(TagsAction),
    Dialog(DialogAction),
    Import(ImportAction),
    Annotate(AnnotateAction),
    /// Take back the last change (Ctrl+Z).
    Undo,
    DismissStatus,
}

impl From<ListAction> for Action {
    fn from(action: ListAction) -> Action {
        Action::List(action)
    }
}

impl From<ReaderAction> for Action {
    fn from(action: ReaderAction) -> Action {
        Action::Reader(action)
    }
}

impl From<TagsAction> for Action {
    fn from(action: TagsAction) -> Action {
        Action::Tags(action)
    }
}

impl From<DialogAction> for Action {
    fn from(action: DialogAction) -> Action {
        Action::Dialog(action)
    }
}

impl From<ImportAction> for Action {
    fn from(action: ImportAction) -> Action {
        Action::Import(action)
    }
}

impl From<AnnotateAction> for Action {
    fn from(action: AnnotateAction) -> Action {
        Action::Annotate(action)
    }
}

/// What a view collects while it draws: the user's intent, in order.
#[derive(Debug, Default)]
pub struct Actions(pub Vec<Action>);

impl Actions {
    pub fn push(&mut self, action: impl Into<Action>) {
        self.0.push(action.into());
    }
}
