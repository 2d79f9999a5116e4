//! Asks before anything that cannot be undone: emptying the trash,
//! deleting a tag, deleting articles for good.

use crate::gui::action::{Action, Actions};
use crate::gui::state::dialogs::{DialogAction, Dialogs};
use crate::gui::state::tags::TagsAction;

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

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// `delete_tag`: a tag waiting to be deleted (name, on how many articles);
/// `trashed`: how many articles the trash holds.
pub fn show(
    ctx: &egui::Context,
    dialogs: &Dialogs,
    delete_tag: Option<&(String, usize)>,
    trashed: usize,
) -> Vec<Action> {
    let mut actions = Actions::default();
    if dialogs.confirm_empty_trash {
        actions.0.extend(ask(
            ctx,
            Question {
                id: "confirm-empty-trash",
                heading: format!("Empty the trash ({trashed} article{})?", plural(trashed)),
                detail: "Everything in the trash is removed from the library with its tags, notes and original \
                         files. This cannot be undone.",
                confirm: "Empty Trash",
                on_confirm: DialogAction::EmptyTrash.into(),
                on_cancel: DialogAction::CancelEmptyTrash.into(),
            },
        ));
    }
    if let Some((name, count)) = delete_tag {
        actions.0.extend(ask(
            ctx,
            Question {
                id: "confirm-delete-tag",
                heading: format!("Delete the tag “{name}” from {count} article{}?", plural(*count)),
                detail: "The articles stay; only the tag goes.",
                confirm: "Delete tag",
                on_confirm: TagsAction::Delete(name.clone()).into(),
                on_cancel: TagsAction::CancelEdit.into(),
            },
        ));
    }
    if let Some(ids) = &dialogs.confirm_purge {
        let count = ids.len();
        actions.0.extend(ask(
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
                on_confirm: DialogAction::Purge.into(),
                on_cancel: DialogAction::CancelPurge.into(),
            },
        ));
    }
    actions.0
}
