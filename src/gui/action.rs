//! Everything a view (or a key) can ask for: one enum per sub-state,
//! gathered here so views return one list of them.

use super::state::annotating::AnnotateAction;
use super::state::atlas::AtlasAction;
use super::state::clipping::ClippingAction;
use super::state::compare::CompareAction;
use super::state::dialogs::DialogAction;
use super::state::import::ImportAction;
use super::state::learned::LearnedAction;
use super::state::list::ListAction;
use super::state::reader::ReaderAction;
use super::state::stories::StoriesAction;
use super::state::tags::TagsAction;
use super::state::watch::WatchAction;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    List(ListAction),
    Reader(ReaderAction),
    Tags(TagsAction),
    Dialog(DialogAction),
    Import(ImportAction),
    Annotate(AnnotateAction),
    Clipping(ClippingAction),
    Watch(WatchAction),
    Learned(LearnedAction),
    Atlas(AtlasAction),
    Stories(StoriesAction),
    Compare(CompareAction),
    /// Take back the last change (Ctrl+Z).
    Undo,
    DismissStatus,
}

/// Each sub-state's action is an `Action` (`actions.push(ListAction::…)`).
macro_rules! wraps {
    ($($variant:ident($inner:ty)),* $(,)?) => {
        $(impl From<$inner> for Action {
            fn from(action: $inner) -> Action {
                Action::$variant(action)
            }
        })*
    };
}

wraps!(
    List(ListAction),
    Reader(ReaderAction),
    Tags(TagsAction),
    Dialog(DialogAction),
    Import(ImportAction),
    Annotate(AnnotateAction),
    Clipping(ClippingAction),
    Watch(WatchAction),
    Learned(LearnedAction),
    Atlas(AtlasAction),
    Stories(StoriesAction),
    Compare(CompareAction),
);

/// What a view collects while it draws: the user's intent, in order.
#[derive(Debug, Default)]
pub struct Actions(pub Vec<Action>);

impl Actions {
    pub fn push(&mut self, action: impl Into<Action>) {
        self.0.push(action.into());
    }
}
