//! The window's state, in sub-states with one job each. Each has its own
//! actions and one `apply` that changes it and puts what follows (requests
//! for the library, undo entries, effects on other sub-states) in an
//! [`outbox::Outbox`] that the app's coordinator carries out.

pub mod annotating;
pub mod atlas;
pub mod clipping;
pub mod compare;
pub mod dialogs;
pub mod import;
pub mod learned;
pub mod list;
pub mod messages;
pub mod outbox;
pub mod reader;
pub mod stories;
pub mod tags;
pub mod watch;
