//! The windows over the main one: the questions asked before what cannot
//! be undone (deleting for good, emptying the trash), the backups window,
//! and the form editing many articles' details at once.

use super::outbox::{Effect, Outbox};
use crate::gui::details::BulkForm;
use crate::gui::undo::Undo;
use crate::gui::worker::{Request, Response};
use crate::library::maintenance::BackupFile;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum DialogAction {
    /// Ask before deleting the selected trashed articles for good.
    AskPurge,
    Purge,
    CancelPurge,
    AskEmptyTrash,
    EmptyTrash,
    CancelEmptyTrash,
    BackupNow,
    /// Show the backups to restore from.
    ShowBackups,
    /// Ask before restoring this backup.
    ChooseBackup(PathBuf),
    RestoreBackup,
    CloseBackups,
    /// Open the form to edit the selected articles' details together.
    StartBulkEdit,
    /// The form as typed so far.
    BulkTyped(Box<BulkForm>),
    ApplyBulkEdit,
    CancelBulkEdit,
    /// The window of export formats (Ctrl+E), for the keyboard as much as
    /// for the mouse.
    ShowExport,
    CloseExport,
}

/// What the dialogs need to know of the list.
pub struct ListFacts {
    pub selected: Vec<i64>,
    pub in_trash: bool,
    /// Articles in the trash.
    pub trashed: usize,
}

#[derive(Debug, Default)]
pub struct Dialogs {
    /// Articles waiting for the user to confirm deletion for good.
    pub confirm_purge: Option<Vec<i64>>,
    /// Asking before the trash is emptied.
    pub confirm_empty_trash: bool,
    /// The backups window: the list, and the one chosen to restore.
    pub backups: Option<Vec<BackupFile>>,
    pub backup_choice: Option<PathBuf>,
    /// The form editing the selected articles' details together, when open.
    pub bulk_edit: Option<BulkForm>,
    /// The window of export formats is open.
    pub choosing_export: bool,
}

impl Dialogs {
    pub fn apply(&mut self, action: DialogAction, list: ListFacts, out: &mut Outbox) {
        match action {
            DialogAction::ShowExport => self.choosing_export = true,
            DialogAction::CloseExport => self.choosing_export = false,
            DialogAction::AskPurge => {
                if !list.selected.is_empty() && list.in_trash {
                    self.confirm_purge = Some(list.selected);
                }
            }
            DialogAction::Purge => {
                if let Some(ids) = self.confirm_purge.take() {
                    out.then(Effect::ClearSelection);
                    out.then(Effect::Open(None));
                    out.send(Request::Purge(ids));
                }
            }
            DialogAction::CancelPurge => self.confirm_purge = None,
            DialogAction::AskEmptyTrash => self.confirm_empty_trash = list.trashed > 0,
            DialogAction::CancelEmptyTrash => self.confirm_empty_trash = false,
            DialogAction::EmptyTrash => {
                self.confirm_empty_trash = false;
                out.then(Effect::ClearSelection);
                out.then(Effect::CloseIfTrashed);
                // Undo entries about articles that are gone for good would fail.
                out.then(Effect::ForgetUndo);
                out.send(Request::EmptyTrash);
            }
            DialogAction::StartBulkEdit => self.bulk_edit = Some(BulkForm::default()),
            DialogAction::BulkTyped(form) => {
                if self.bulk_edit.is_some() {
                    self.bulk_edit = Some(*form);
                }
            }
            DialogAction::CancelBulkEdit => self.bulk_edit = None,
            DialogAction::ApplyBulkEdit => self.apply_bulk_edit(list.selected, out),
            action => self.apply_backups(action, out),
        }
    }

    fn apply_bulk_edit(&mut self, ids: Vec<i64>, out: &mut Outbox) {
        let Some(form) = &mut self.bulk_edit else {
            return;
        };
        match form.to_changes() {
            Ok(changes) => {
                out.send(Request::EditMany { ids, changes });
                self.bulk_edit = None;
            }
            Err(problem) => form.problem = Some(problem),
        }
    }

    fn apply_backups(&mut self, action: DialogAction, out: &mut Outbox) {
        match action {
            DialogAction::BackupNow => {
                out.say("Backing up…");
                out.send(Request::BackupNow);
            }
            DialogAction::ShowBackups => {
                self.backups = Some(Vec::new());
                self.backup_choice = None;
                out.send(Request::ListBackups);
            }
            DialogAction::ChooseBackup(path) => self.backup_choice = Some(path),
            DialogAction::CloseBackups => {
                self.backups = None;
                self.backup_choice = None;
            }
            DialogAction::RestoreBackup => {
                if let Some(path) = self.backup_choice.take() {
                    self.backups = None;
                    out.then(Effect::SaveNote);
                    out.then(Effect::ClearSelection);
                    out.then(Effect::Open(None));
                    out.then(Effect::ForgetUndo);
                    out.say("Restoring…");
                    out.send(Request::RestoreBackup(path));
                }
            }
            _ => {}
        }
    }

    /// Takes in the library's answers about backups and bulk edits.
    pub fn receive(&mut self, response: Response, out: &mut Outbox) {
        match response {
            Response::BackedUp(Some(path)) => {
                out.say(format!("Backed up and verified: {}", path.display()));
            }
            Response::Backups(list) if self.backups.is_some() => self.backups = Some(list),
            Response::Restored { from, safety } => {
                out.say(format!(
                    "Restored from {}. What the library held before is kept in {}.",
                    from.display(),
                    safety.display()
                ));
                out.then(Effect::Refresh);
            }
            Response::EditedMany { previous, filed } => {
                out.say(format!(
                    "Changed the details of {}",
                    crate::gui::widgets::articles(previous.len())
                ));
                if !previous.is_empty() {
                    out.remember(Undo::DetailsMany { previous, filed });
                }
                out.then(Effect::Refresh);
                out.then(Effect::Reload);
            }
            _ => {}
        }
    }
}
