//! The sidebar's tags: a field that narrows them as they are typed, each
//! tag with its colour, count and menu (rename, merge, colour, delete).

use super::parts::{name_field, value_entry_with};
use crate::gui::action::Actions;
use crate::gui::state::list::ListAction;
use crate::gui::state::tags::{TagEdits, TagsAction};
use crate::gui::widgets::{self, color_dot};
use crate::library::FacetCount;
use crate::model::{Facet, FacetChoice};

/// Tags listed at most; a longer list is found by typing in its filter.
const TAGS_LISTED: usize = 60;

/// A tag's right-click menu: rename, colour, delete.
fn tag_menu(ui: &mut egui::Ui, value: &FacetCount, color: Option<&String>, actions: &mut Actions) {
    if ui
        .button("Rename…")
        .on_hover_text("Renaming onto another tag merges the two")
        .clicked()
    {
        actions.push(TagsAction::StartRename(value.value.clone()));
        ui.close();
    }
    ui.horizontal(|ui| {
        ui.weak("Colour");
        let dark = ui.visuals().dark_mode;
        for choice in crate::model::HighlightColor::ALL {
            let name = choice.as_str();
            let swatch = egui::Button::new(name)
                .fill(widgets::highlight_fill(choice, dark))
                .selected(color.map(String::as_str) == Some(name));
            if ui.add(swatch).clicked() {
                actions.push(TagsAction::SetColor(value.value.clone(), Some(name.to_string())));
                ui.close();
            }
        }
        if color.is_some() && ui.button("none").clicked() {
            actions.push(TagsAction::SetColor(value.value.clone(), None));
            ui.close();
        }
    });
    if ui.button("Delete…").clicked() {
        actions.push(TagsAction::AskDelete(value.value.clone(), value.count));
        ui.close();
    }
}

/// One tag: its colour, its name and count, its menu; or, while it is
/// renamed, the name field.
fn tag_entry(
    ui: &mut egui::Ui,
    edits: &TagEdits,
    choice: &FacetChoice,
    value: &FacetCount,
    color: Option<&String>,
    actions: &mut Actions,
) {
    if let Some((old, typed)) = &edits.renaming
        && *old == value.value
    {
        let (typed_now, done) = name_field(ui, &format!("Rename “{old}” to"), typed);
        let name = typed_now.clone().unwrap_or_else(|| typed.clone());
        if let Some(text) = typed_now {
            actions.push(TagsAction::RenameTyped(text));
        }
        match done {
            Some(true) => actions.push(TagsAction::Rename(old.clone(), name)),
            Some(false) => actions.push(TagsAction::CancelEdit),
            None => {}
        }
        return;
    }
    let button = ui
        .horizontal(|ui| {
            if let Some(color) = color {
                color_dot(ui, color);
            }
            value_entry_with(
                ui,
                choice,
                Facet::Tag,
                (&value.value, &value.value, value.count),
                "; right click to rename, colour or delete",
            )
        })
        .inner;
    if button.clicked() {
        actions.push(ListAction::ToggleFacet(Facet::Tag, value.value.clone()));
    }
    button.context_menu(|ui| tag_menu(ui, value, color, actions));
}

/// The tags, with a field that narrows them as you type (a library may
/// have thousands), each with a menu (right click) to rename it (onto
/// another tag: a merge) or delete it; a tag being renamed shows a name
/// field.
pub fn tags(
    ui: &mut egui::Ui,
    edits: &TagEdits,
    choice: &FacetChoice,
    (values, colors): (&[FacetCount], &std::collections::HashMap<String, String>),
    actions: &mut Actions,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Tags")
        .default_open(true)
        .show(ui, |ui| {
            let mut filter = edits.tag_filter.clone();
            if values.len() > 8 {
                let label = ui.weak("Find a tag");
                let (typed, field) = widgets::typed_line(ui, &edits.tag_filter, |t| {
                    t.hint_text(format!("among {} tags", values.len()))
                        .desired_width(f32::INFINITY)
                });
                let _field = field.labelled_by(label.id);
                if let Some(typed) = typed {
                    filter = typed.clone();
                    actions.push(TagsAction::FilterTyped(typed));
                }
            }
            let typed = filter.trim().to_lowercase();
            let matching: Vec<&FacetCount> = values
                .iter()
                .filter(|v| typed.is_empty() || v.value.to_lowercase().contains(&typed))
                .collect();
            if matching.is_empty() {
                ui.weak("No tag has these letters");
            }
            let more = matching.len().saturating_sub(TAGS_LISTED);
            for value in matching.into_iter().take(TAGS_LISTED) {
                tag_entry(ui, edits, choice, value, colors.get(&value.value), actions);
            }
            if more > 0 {
                ui.weak(format!("and {more} more: type to find them"));
            }
        });
}
