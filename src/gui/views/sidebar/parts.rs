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
            format!("{label}  ({})", widgets::grouped(count)),
            format!("{label}: {}", widgets::articles(count)),
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
    let response = ui
        .add(egui::Button::selectable(selected, text).truncate())
        .on_hover_text(hover);
    if target == Browse::All {
        // Where F6 puts the keyboard in the sidebar.
        ui.data_mut(|d| d.insert_temp(sidebar_start_key(), response.id));
    }
    response
        .clicked()
        .then_some(Action::List(ListAction::Browse(target)))
}

/// Where the id of the sidebar's first entry is kept between frames (for
/// F6), and the sidebar's rectangle (to tell that the keyboard is in it).
pub fn sidebar_start_key() -> egui::Id {
    egui::Id::NULL.with("folio: sidebar start")
}

pub fn sidebar_rect_key() -> egui::Id {
    egui::Id::NULL.with("folio: sidebar rect")
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
    let (_, hover) = label_with_count(label, Some(count));
    let hint = if chosen {
        "click to take back"
    } else {
        "click to choose"
    };
    widgets::facet_row(ui, chosen, label, count).on_hover_text(format!("{hover} ({hint}){more}"))
}

/// Values a long facet lists before "Show all": the largest at a glance,
/// and the next facet a turn or two of the wheel away.
const LISTED: usize = 8;

/// How a long facet is shown: its first values, or all that its filter
/// box leaves. Kept by the window between frames, per facet.
#[derive(Clone, Default)]
struct Shown {
    all: bool,
    filter: String,
}

/// Draws a facet's values with `draw`: all of a short facet; of a long one
/// the first [`LISTED`] (and any chosen beyond them) with "Show all N…",
/// which opens every value and a box to find one by name.
pub fn long_list<'a>(
    ui: &mut egui::Ui,
    what: &str,
    values: &'a [FacetCount],
    chosen: impl Fn(&FacetCount) -> bool,
    name_of: impl Fn(&str) -> String,
    mut draw: impl FnMut(&mut egui::Ui, &'a FacetCount),
) {
    if values.len() <= LISTED + 2 {
        values.iter().for_each(|value| draw(ui, value));
        return;
    }
    let id = ui.make_persistent_id(("long list", what));
    let mut shown: Shown = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if shown.all {
        let label = ui.weak(format!("Find {what}"));
        ui.add(
            egui::TextEdit::singleline(&mut shown.filter)
                .hint_text(format!("among {}", values.len()))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    }
    let typed = shown.filter.trim().to_lowercase();
    let mut drawn = 0;
    for (i, value) in values.iter().enumerate() {
        let visible = if shown.all {
            typed.is_empty() || name_of(&value.value).to_lowercase().contains(&typed)
        } else {
            i < LISTED || chosen(value)
        };
        if visible {
            draw(ui, value);
            drawn += 1;
        }
    }
    if shown.all && drawn == 0 {
        ui.weak("None has these letters");
    }
    let (text, hover) = if shown.all {
        ("Show fewer".to_string(), "Only the first values".to_string())
    } else {
        (
            format!("Show all {}…", values.len()),
            format!("Every one of the {} {what}, with a box to find one", values.len()),
        )
    };
    if ui
        .add(egui::Button::new(egui::RichText::new(text).color(ui.visuals().weak_text_color())).frame(false))
        .on_hover_text(hover)
        .clicked()
    {
        shown.all = !shown.all;
        shown.filter.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, shown));
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
            let what = title.to_lowercase();
            let chosen = |v: &FacetCount| choice.contains(facet, &v.value);
            long_list(ui, &what, values, chosen, &name_of, |ui, value| {
                let label = name_of(&value.value);
                if value_entry(ui, choice, facet, &value.value, &label, value.count).clicked() {
                    actions.push(ListAction::ToggleFacet(facet, value.value.clone()));
                }
            });
        });
}

/// A name field in the sidebar, drawn from `typed`: it takes the keyboard
/// when it opens. Returns the text when it was typed in, and the answer:
/// Enter, or a click elsewhere, keeps the name typed (`Some(true)`); Escape,
/// or leaving it empty, cancels (`Some(false)`). What was typed is never
/// dropped by a click that only meant to go on.
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
        let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
        let name = text.as_deref().unwrap_or(typed);
        return (text.clone(), Some(!escaped && !name.trim().is_empty()));
    }
    (text, None)
}
