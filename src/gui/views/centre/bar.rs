//! The bar over the list, where the list is not the library's own: the
//! articles "more like" one, one story thread, or the trash with what can be done there.
//! (What can be done to several selected articles is in the pane beside
//! the list, so selecting never moves the list.)

use crate::gui::action::Actions;
use crate::gui::state::dialogs::DialogAction;
use crate::gui::state::list::{Browse, ListAction, ListState};

/// The bar over the list: what is shown, and what the trash can do.
pub fn list_bar(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    // Wrapped: with the reader open the bar is narrow, and tag suggestions
    // go on a second line rather than under the reader.
    ui.horizontal_wrapped(|ui| {
        let selected = list.selection.len();
        if let Some((_, title)) = &list.similar_to {
            ui.label(format!("More like “{title}”"));
            if ui
                .small_button("Back")
                .on_hover_text("Back to the list")
                .clicked()
            {
                actions.push(ListAction::ClearMoreLikeThis);
            }
            return;
        }
        if let Some((_, title)) = &list.thread {
            // A chip, as the facets chosen are: its × leaves the thread.
            if ui
                .button(format!("Story: {title}  ×"))
                .on_hover_text("Leave this story: back to the list it was opened from")
                .clicked()
            {
                actions.push(ListAction::ClearThread);
            }
            return;
        }
        if list.browse == Browse::Trash {
            ui.strong("Trash");
            ui.add_enabled_ui(selected > 0, |ui| {
                if ui
                    .button("Restore")
                    .on_hover_text("Put the selected articles back")
                    .clicked()
                {
                    actions.push(ListAction::RestoreSelected);
                }
                if ui
                    .button("Delete for good…")
                    .on_hover_text("Delete the selected articles for good (Delete)")
                    .clicked()
                {
                    actions.push(DialogAction::AskPurge);
                }
            });
            if ui
                .add_enabled(list.facets.trash > 0, egui::Button::new("Empty Trash…"))
                .on_hover_text("Delete everything in the trash for good")
                .clicked()
            {
                actions.push(DialogAction::AskEmptyTrash);
            }
        }
    });
}
