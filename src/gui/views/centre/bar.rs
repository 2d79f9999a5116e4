//! The bar over the list: what it shows ("more like", the trash) and what
//! can be done with the selected articles (trash, restore, edit together,
//! tag together).

use crate::gui::action::Actions;
use crate::gui::state::dialogs::DialogAction;
use crate::gui::state::list::{Browse, ListAction, ListState};
use crate::gui::state::tags::{TagEdits, TagsAction};
use crate::gui::widgets;

/// The bar over the list: what is shown, and what can be done with the selection.
pub fn list_bar(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, actions: &mut Actions) {
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
        } else if selected > 1 {
            ui.label(format!("{selected} selected"));
            if ui.button("Move to Trash").on_hover_text("Delete").clicked() {
                actions.push(ListAction::TrashSelected);
            }
            if ui
                .button(format!("Edit {selected} articles…"))
                .on_hover_text("Set the date, source, region or kind of every selected article, or file them under a topic")
                .clicked()
            {
                actions.push(DialogAction::StartBulkEdit);
            }
            ui.separator();
            bulk_tagging(ui, list, edits, actions);
        }
    });
}

/// One tag for every selected article: typed (with the library's tags
/// offered as it is typed), then added or taken off.
fn bulk_tagging(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, actions: &mut Actions) {
    let label = ui.label("Tag:");
    let (typed_now, field) = widgets::typed_line(ui, &edits.bulk_tag_input, |t| {
        t.hint_text("tag for the selected").desired_width(140.0)
    });
    let field = field.labelled_by(label.id);
    let input = typed_now.clone().unwrap_or_else(|| edits.bulk_tag_input.clone());
    if let Some(text) = typed_now {
        actions.push(TagsAction::BulkTagTyped(text));
    }
    let typed = input.trim().to_string();
    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !typed.is_empty() {
        actions.push(TagsAction::TagSelected(typed.clone(), true));
    }
    ui.add_enabled_ui(!typed.is_empty(), |ui| {
        if ui
            .button("Add")
            .on_hover_text("Add this tag to every selected article")
            .clicked()
        {
            actions.push(TagsAction::TagSelected(typed.clone(), true));
        }
        if ui
            .button("Remove")
            .on_hover_text("Take this tag off every selected article")
            .clicked()
        {
            actions.push(TagsAction::TagSelected(typed.clone(), false));
        }
    });
    // The library's tags that match what is typed, one click to take one.
    let known = list.facets.tags.iter().map(|t| t.value.as_str());
    let offered: Vec<String> = widgets::tag_suggestions(&typed, known, &[])
        .into_iter()
        .filter(|name| !name.eq_ignore_ascii_case(&typed))
        .take(3)
        .map(str::to_string)
        .collect();
    for name in offered {
        if ui
            .small_button(&name)
            .on_hover_text(format!("Use the tag “{name}”"))
            .clicked()
        {
            actions.push(TagsAction::BulkTagTyped(name));
        }
    }
}
