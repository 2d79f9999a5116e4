//! One module per part of the window. Each `show` draws from the state it
//! is given (read only) and returns the user's intent as actions; views do
//! not use one another: what two of them draw alike is in `widgets`.

pub mod annotations;
pub mod annotations_view;
pub mod backups;
pub mod bulk_edit;
pub mod cache;
pub mod centre;
pub mod clipping_sheet;
pub mod compare;
pub mod confirm;
pub mod drop_hint;
pub mod export_chooser;
pub mod learned_rules;
pub mod reader;
pub mod selection;
pub mod shortcuts;
pub mod sidebar;
pub mod status_bar;
pub mod stories;
pub mod top_bar;
pub mod watch_list;
