//! One module per part of the window. Each `show` draws from the app's state
//! and returns the user's intent as actions.

pub mod annotations;
pub mod annotations_view;
pub mod backups;
pub mod bulk_edit;
pub mod centre;
pub mod confirm;
pub mod drop_hint;
pub mod reader;
pub mod sidebar;
pub mod status_bar;
pub mod timeline;
pub mod top_bar;
