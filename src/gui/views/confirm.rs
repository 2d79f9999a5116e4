//! Asks before anything that cannot be undone.

use crate::gui::{Action, FolioApp};

/// What one question says and what its answers do.
struct Question {
    id: &'static str,
    heading: String,
    detail: &'static str,
    confirm: &'static str,
    on_confirm: Action,
    on_cancel: Action,
}

/// A modal question; closing it (Esc, a click outside) is a Cancel.
fn ask(ctx: &egui::Context, question: Question) -> Option<Action> {
    let mut answer = None;
    let response = egui::Modal::new(egui::Id::unique(question.id)).show(ctx, |ui| {
        ui.set_max_width(360.0);
        ui.heading(&question.heading);
        ui.add_space(6.0);
        ui.label(question.detail);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(question.confirm).clicked() {
                answer = Some(question.on_confirm.clone());
            }
            if ui.button("Cancel").clicked() {
                answer = Some(question.on_cancel.clone());
            }
        });
    });
    if answer.is_none() && response.should_close() {
        answer = Some(question.on_cancel);
    }
    answer
}

pub fn show(ctx: &egui::Context, app: &FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    if app.confirm_empty_trash {
        let count = app.facets.trash;
        actions.extend(ask(
            ctx,
            Question {
                id: "confirm-empty-trash",
                heading: format!("Empty the trash ({count} article{})?", if count == 1 { "" } else { "s" }),
                detail: "Everything in the trash is removed from the library with its tags, notes and original \
                         files. This cannot be undone.",
                confirm: "Empty Trash",
                on_confirm: Action::EmptyTrash,
                on_cancel: Action::CancelEmptyTrash,
            },
        ));
    }
    if let Some((name, count)) = &app.confirm_delete_tag {
        actions.extend(ask(
            ctx,
            Question {
                id: "confirm-delete-tag",
                heading: format!(
                    "Delete the tag “{name}” from {count} article{}?",
                    if *count == 1 { "" } else { "s" }
                ),
                detail: "The articles stay; only the tag goes.",
                confirm: "Delete tag",
                on_confirm: Action::DeleteTag(name.clone()),
                on_cancel: Action::CancelTagEdit,
            },
        ));
    }
    if let Some(ids) = &app.confirm_purge {
        let count = ids.len();
        actions.extend(ask(
            ctx,
            Question {
                id: "confirm-purge",
                heading: if count == 1 {
                    "Delete this article for good?".to_string()
                } else {
                    format!("Delete {count} articles for good?")
                },
                detail: "They will be removed from the library with their tags, notes and original files. \
                         This cannot be undone.",
                confirm: "Delete for good",
                on_confirm: Action::Purge,
                on_cancel: Action::CancelPurge,
            },
        ));
    }
    actions
}
