//! The real app driven through egui_kittest over a temporary library:
//! find by label, click, type, look at the result. One module per subject;
//! `support` holds what they share.

mod annotations;
#[path = "../common/articles.rs"]
mod articles;
mod atlas;
mod bulk_edit;
mod compare;
mod desktop;
mod import;
mod learned;
mod list;
mod paste;
mod reader;
mod region_basis;
mod search;
mod sidebar;
mod stars;
mod startup;
mod stories;
mod support;
mod topics;
mod trash_and_backups;
mod undo;
mod watch;
