//! The sidebar's small parts: an entry with its count (a place, a facet's
//! value), a group of a facet's values, and the name field that renames a
//! tag or names a topic.

use crate::gui::action::{Action, Actions};
use crate::gui::state::list::{Browse, ListAction};
use crate::gui::widgets;
use crate::library::FacetCount;
use crate::model::{Facet, FacetChoice};

fn label_with_count(label: &str, count: Option<usize>) -> (String, String) {
    match count {
        Some(count) => (
            format!("{label}  ({count})"),
            format!("{label}: {count} article{}", if count == 1 { "" } else { "s" }),
        ),
        None => (label.to_string(), label.to_string()),
    }
}

/// A place in the library (all, recent, trash).
pub fn entry(
    ui: &mut egui::Ui,
    current: Option<&Browse>,
    target: Browse,
    label: &str,
    count: Option<usize>,
) -> Option<Action> {
    let selected = current == Some(&target);
    let (text, hover) = label_with_count(label, count);
    ui.add(egui::Button::selectable(selected, text).truncate())
        .on_hover_text(hover)
        .clicked()
        .then_some(Action::List(ListAction::Browse(target)))
}

/// A facet's value: click to choose it (with the others chosen in its
/// facet, any of them will do) or to take it back.
pub fn value_entry(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    facet: Facet,
    value: &str,
    label: &str,
    count: usize,
) -> egui::Response {
    value_entry_with(ui, choice, facet, (value, label, count), "")
}

/// A facet's value with more to say in its hover text (a tag's menu).
pub fn value_entry_with(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    facet: Facet,
    (value, label, count): (&str, &str, usize),
    more: &str,
) -> egui::Response {
    let chosen = choice.contains(facet, value);
    let (text, hover) = label_with_count(label, Some(count));
    let hint = if chosen {
        "click to take back"
    } else {
        "click to choose"
    };
    ui.add(egui::Button::selectable(chosen, text).truncate())
        .on_hover_text(format!("{hover} ({hint}){more}"))
}

pub fn group(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    title: &str,
    facet: Facet,
    values: &[FacetCount],
    name_of: impl Fn(&str) -> String,
    actions: &mut Actions,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(title)
        .default_open(true)
        .show(ui, |ui| {
            for value in values {
                let label = name_of(&value.value);
                if value_entry(ui, choice, facet, &value.value, &label, value.count).clicked() {
                    actions.push(ListAction::ToggleFacet(facet, value.value.clone()));
                }
            }
        });
}

/// A name field in the sidebar, drawn from `typed`: it takes the keyboard
/// when it opens. Returns the text when it was typed in, and the answer:
/// Enter keeps the name (`Some(true)`), leaving it (Escape, a click
/// elsewhere) cancels (`Some(false)`).
pub fn name_field(ui: &mut egui::Ui, label: &str, typed: &str) -> (Option<String>, Option<bool>) {
    let label = ui.weak(label);
    let (text, field) = widgets::typed_line(ui, typed, |t| t.desired_width(f32::INFINITY));
    let field = field.labelled_by(label.id);
    let asked = ui.data(|d| d.get_temp::<bool>(field.id)).unwrap_or(false);
    if !asked {
        field.request_focus();
        ui.data_mut(|d| d.insert_temp(field.id, true));
    }
    if field.lost_focus() {
        ui.data_mut(|d| d.remove::<bool>(field.id));
        return (text, Some(ui.input(|i| i.key_pressed(egui::Key::Enter))));
    }
    (text, None)
}
