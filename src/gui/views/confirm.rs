//! Asks before anything that cannot be undone.

use crate::gui::{Action, FolioApp};

pub fn show(ctx: &egui::Context, app: &FolioApp) -> Vec<Action> {
    let mut actions = empty_trash(ctx, app);
    let Some(ids) = &app.confirm_purge else {
        return actions;
    };
    let count = ids.len();
    let response = egui::Modal::new(egui::Id::unique("confirm-purge")).show(ctx, |ui| {
        ui.set_max_width(360.0);
        ui.heading(if count == 1 {
            "Delete this article for good?".to_string()
        } else {
            format!("Delete {count} articles for good?")
        });
        ui.add_space(6.0);
        ui.label("They will be removed from the library with their tags, notes and original files. This cannot be undone.");
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Delete for good").clicked() {
                actions.push(Action::Purge);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelPurge);
            }
        });
    });
    if response.should_close() && actions.is_empty() {
        actions.push(Action::CancelPurge);
    }
    actions
}

fn empty_trash(ctx: &egui::Context, app: &FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    if !app.confirm_empty_trash {
        return actions;
    }
    let count = app.facets.trash;
    let response = egui::Modal::new(egui::Id::unique("confirm-empty-trash")).show(ctx, |ui| {
        ui.set_max_width(360.0);
        ui.heading(format!("Empty the trash ({count} article{})?", if count == 1 { "" } else { "s" }));
        ui.add_space(6.0);
        ui.label("Everything in the trash is removed from the library with its tags, notes and original files. This cannot be undone.");
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Empty Trash").clicked() {
                actions.push(Action::EmptyTrash);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelEmptyTrash);
            }
        });
    });
    if response.should_close() && actions.is_empty() {
        actions.push(Action::CancelEmptyTrash);
    }
    actions
}
