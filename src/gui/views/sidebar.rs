//! The left sidebar: browse by library, year, region, source and tag, with counts.

use crate::gui::app::Browse;
use crate::gui::{Action, FolioApp};
use crate::library::FacetCount;

fn entry(ui: &mut egui::Ui, app: &FolioApp, target: Browse, label: &str, count: usize) -> Option<Action> {
    let selected = app.browse == target;
    let text = format!("{label}  ({count})");
    ui.add(egui::Button::selectable(selected, text).truncate())
        .on_hover_text(format!(
            "{label}: {count} article{}",
            if count == 1 { "" } else { "s" }
        ))
        .clicked()
        .then_some(Action::Browse(target))
}

fn group(
    ui: &mut egui::Ui,
    app: &FolioApp,
    title: &str,
    values: &[FacetCount],
    make: impl Fn(&str) -> Browse,
    actions: &mut Vec<Action>,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(title)
        .default_open(true)
        .show(ui, |ui| {
            for value in values {
                actions.extend(entry(ui, app, make(&value.value), &value.value, value.count));
            }
        });
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::left("sidebar")
        .resizable(true)
        .default_size(250.0)
        .min_size(160.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(6.0);
                ui.strong("Library");
                actions.extend(entry(ui, app, Browse::All, "All articles", app.facets.all));
                actions.extend(entry(ui, app, Browse::Trash, "Trash", app.facets.trash));
                ui.add_space(6.0);
                let facets = app.facets.clone();
                group(
                    ui,
                    app,
                    "Years",
                    &facets.years,
                    |v| Browse::Year(v.parse().unwrap_or(0)),
                    &mut actions,
                );
                group(
                    ui,
                    app,
                    "Regions",
                    &facets.regions,
                    |v| Browse::Region(v.to_string()),
                    &mut actions,
                );
                group(
                    ui,
                    app,
                    "Sources",
                    &facets.sources,
                    |v| Browse::Source(v.to_string()),
                    &mut actions,
                );
                group(
                    ui,
                    app,
                    "Tags",
                    &facets.tags,
                    |v| Browse::Tag(v.to_string()),
                    &mut actions,
                );
            });
        });
    actions
}
