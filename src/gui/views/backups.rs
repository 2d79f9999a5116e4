//! The backups window: pick a backup and restore the library from it.

use crate::gui::action::Action;
use crate::gui::state::dialogs::{DialogAction, Dialogs};

fn describe(modified: std::time::SystemTime) -> String {
    let local: chrono::DateTime<chrono::Local> = modified.into();
    local.format("%Y-%m-%d %H:%M").to_string()
}

pub fn show(ctx: &egui::Context, dialogs: &Dialogs) -> Vec<Action> {
    let mut actions: Vec<Action> = Vec::new();
    let Some(backups) = &dialogs.backups else {
        return actions;
    };
    let response = egui::Modal::new(egui::Id::unique("backups")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("Restore from a backup");
        ui.add_space(4.0);
        match &dialogs.backup_choice {
            Some(choice) => {
                let when = backups
                    .iter()
                    .find(|b| &b.path == choice)
                    .map(|b| describe(b.modified))
                    .unwrap_or_default();
                ui.label(format!(
                    "Restore the library to how it was on {when}? What it holds now is saved as a backup first, \
                     so this can be undone by restoring that one."
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Restore this backup").clicked() {
                        actions.push(DialogAction::RestoreBackup.into());
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(DialogAction::CloseBackups.into());
                    }
                });
            }
            None => {
                if backups.is_empty() {
                    ui.label("No backups yet. Folio makes one a day while it runs; File ▸ Back up now makes one at once.");
                }
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    egui::Grid::new("backup-list").num_columns(3).striped(true).show(ui, |ui| {
                        for backup in backups {
                            let name = backup.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
                            ui.label(describe(backup.modified)).on_hover_text(name.as_ref());
                            ui.label(format!("{:.1} MB", backup.bytes as f64 / 1_048_576.0));
                            if ui.button("Restore…").on_hover_text(format!("Restore from {name}")).clicked() {
                                actions.push(DialogAction::ChooseBackup(backup.path.clone()).into());
                            }
                            ui.end_row();
                        }
                    });
                });
                ui.add_space(8.0);
                if ui.button("Close").clicked() {
                    actions.push(DialogAction::CloseBackups.into());
                }
            }
        }
    });
    if response.should_close() && actions.is_empty() {
        actions.push(DialogAction::CloseBackups.into());
    }
    actions
}
