//! What applying an action (or taking in an answer) asks of the rest of
//! the window, in order: requests for the library thread, changes for the
//! undo stack, a message for the status bar, and the few effects that
//! cross from one sub-state to another. The app's coordinator carries them
//! out; sub-states never reach into each other.

use crate::gui::picker::PickedSave;
use crate::gui::undo::Undo;
use crate::gui::worker::Request;

/// One thing to do once an action is applied.
#[derive(Debug)]
pub enum Effect {
    /// Ask the library thread for this.
    Send(Box<Request>),
    /// Put a change on the undo stack.
    Remember(Undo),
    /// A passing message for the status bar.
    Say(String),
    /// Open this article in the reader, or close it. Saves the note being
    /// typed and closes the details form first.
    Open(Option<i64>),
    /// Select just these rows of the list.
    Select(Vec<i64>),
    ClearSelection,
    /// Ask for the list again, counts included.
    Refresh,
    /// Ask the library for the open article again.
    Reload,
    /// Ask for the open article again if it is this one.
    ReloadIf(i64),
    /// Save the note being typed now, not after the pause.
    SaveNote,
    /// Close the reader if its article is in the trash.
    CloseIfTrashed,
    /// Forget what Ctrl+Z could take back (the articles are gone for good).
    ForgetUndo,
    /// The search words changed: the reader's match cursor starts over.
    SearchChanged,
    /// Close the annotations view (another place of the library was chosen).
    CloseAnnotations,
    /// Ask the library for the annotations view's list again.
    QueryAnnotations,
    /// Ask where to save (a file name to suggest), then export.
    AskSavePath(String, PickedSave),
    /// Show the articles just imported: the recent ones, these selected.
    ShowImported(Vec<i64>),
    /// A tag the sidebar has chosen was renamed (old, new) or deleted.
    ChosenTagRenamed(String, String),
    ChosenTagDeleted(String),
    /// Whatever failed, no listing or import is on its way for it.
    Failed(String),
    /// Clear the last error shown.
    ClearError,
}

/// The effects of one action, in the order they are to happen.
#[derive(Debug, Default)]
pub struct Outbox(pub Vec<Effect>);

impl Outbox {
    pub fn send(&mut self, request: Request) {
        self.0.push(Effect::Send(Box::new(request)));
    }

    pub fn remember(&mut self, undo: Undo) {
        self.0.push(Effect::Remember(undo));
    }

    pub fn say(&mut self, message: impl Into<String>) {
        self.0.push(Effect::Say(message.into()));
    }

    pub fn then(&mut self, effect: Effect) {
        self.0.push(effect);
    }
}
