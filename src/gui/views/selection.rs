//! The right pane while several rows are selected: how many, which, and
//! what can be done to all of them at once (trash, edit their details, add
//! or take off a tag). It stands where the reader stands, so selecting a
//! second row moves nothing in the list.

use super::reader::right_pane;
use crate::gui::action::{Action, Actions};
use crate::gui::state::dialogs::DialogAction;
use crate::gui::state::list::{ListAction, ListState};
use crate::gui::state::tags::{TagEdits, TagsAction};
use crate::gui::widgets;

/// Selected rows named in the pane; the rest are counted.
const NAMED: usize = 12;

pub fn show(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits) -> Vec<Action> {
    let mut actions = Actions::default();
    let selected = list.selection.ids();
    right_pane(ui).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("selection")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(8.0);
                ui.heading(format!("{} selected", widgets::articles(selected.len())));
                ui.weak("Ctrl+click adds or takes away a row, Shift+click a range; a plain click reads one.");
                ui.add_space(10.0);
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button("Move to Trash")
                        .on_hover_text("Every selected article (Delete)")
                        .clicked()
                    {
                        actions.push(ListAction::TrashSelected);
                    }
                    if ui
                        .button(format!("{} Star", widgets::STAR))
                        .on_hover_text("Star every selected article (Ctrl+D)")
                        .clicked()
                    {
                        actions.push(ListAction::StarSelected(Some(true)));
                    }
                    if ui
                        .button(format!("{} Unstar", widgets::NO_STAR))
                        .on_hover_text("Take the star off every selected article")
                        .clicked()
                    {
                        actions.push(ListAction::StarSelected(Some(false)));
                    }
                    if ui
                        .button(format!("Edit {}…", widgets::articles(selected.len())))
                        .on_hover_text(
                            "Set the date, source, region or kind of every selected article, or file them under a topic",
                        )
                        .clicked()
                    {
                        actions.push(DialogAction::StartBulkEdit);
                    }
                });
                ui.add_space(10.0);
                bulk_tagging(ui, list, edits, &mut actions);
                ui.add_space(10.0);
                ui.separator();
                named(ui, list, &selected);
            });
    });
    actions.0
}

/// The first selected rows, by date, source and title; the rest counted.
fn named(ui: &mut egui::Ui, list: &ListState, selected: &[i64]) {
    let rows = selected
        .iter()
        .filter_map(|id| list.rows.position(*id).and_then(|i| list.rows.row(i)));
    for row in rows.take(NAMED) {
        ui.horizontal(|ui| {
            ui.weak(row.published.map(|p| p.date_label()).unwrap_or_default());
            ui.add(egui::Label::new(row.title.as_deref().unwrap_or("(untitled)")).truncate())
                .on_hover_text(row.source.as_deref().unwrap_or(""));
        });
    }
    if selected.len() > NAMED {
        ui.weak(format!("and {} more", selected.len() - NAMED));
    }
}

/// One tag for every selected article: typed (with the library's tags
/// offered as it is typed), then added or taken off.
fn bulk_tagging(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, actions: &mut Actions) {
    let label = ui.strong("Tag every selected article");
    let (typed_now, field) = widgets::typed_line(ui, &edits.bulk_tag_input, |t| {
        t.hint_text("tag for the selected").desired_width(f32::INFINITY)
    });
    let field = field.labelled_by(label.id);
    let input = typed_now.clone().unwrap_or_else(|| edits.bulk_tag_input.clone());
    if let Some(text) = typed_now {
        actions.push(TagsAction::BulkTagTyped(text));
    }
    let typed = input.trim().to_string();
    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !typed.is_empty() {
        actions.push(TagsAction::TagSelected(typed.clone(), true));
        // The field stays the keyboard's, for the next tag.
        field.request_focus();
    }
    ui.horizontal(|ui| {
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
    });
    // The library's tags that match what is typed, one click to take one;
    // their row is there even when empty, so nothing below jumps.
    let known = list.facets.tags.iter().map(|t| t.value.as_str());
    let offered: Vec<String> = widgets::tag_suggestions(&typed, known, &[])
        .into_iter()
        .filter(|name| !name.eq_ignore_ascii_case(&typed))
        .take(4)
        .map(str::to_string)
        .collect();
    let row_height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), row_height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_height(row_height);
            for name in offered {
                if ui
                    .small_button(&name)
                    .on_hover_text(format!("Use the tag “{name}”"))
                    .clicked()
                {
                    actions.push(TagsAction::BulkTagTyped(name));
                }
            }
        },
    );
}
