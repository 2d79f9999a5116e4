//! The centre: a welcome on an empty library, else the article list.

use crate::gui::app::Browse;
use crate::gui::{Action, FolioApp};
use egui_extras::{Column, TableBuilder};

fn welcome(ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.2);
        ui.heading("Welcome to Folio");
        ui.add_space(8.0);
        ui.label("Folio keeps the articles and editorials you clip in one archive on this computer.");
        ui.label("It finds each piece's headline, date, publication, authors and region by itself,");
        ui.label("spots duplicates, and lets you browse, tag, annotate and search them.");
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 260.0).max(0.0) / 2.0);
            if ui.button("Import files…").clicked() {
                actions.push(Action::PickFiles);
            }
            if ui.button("Import folder…").clicked() {
                actions.push(Action::PickFolder);
            }
        });
        ui.add_space(12.0);
        ui.weak("…or drop files here: plain-text clippings, saved web pages, Markdown.");
    });
    actions
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        let empty_library = app.loaded && app.facets.all == 0 && app.facets.trash == 0;
        if empty_library && app.import.is_none() {
            actions.extend(welcome(ui));
            return;
        }
        if app.loaded && app.rows.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.weak(if app.browse == Browse::Trash {
                    "The trash is empty."
                } else {
                    "No articles match."
                });
            });
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        // Selectable text would take the click that selects the row.
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            // Column widths are remembered per layout: with the reader open
            // the list is narrower, and widths from the wide layout would
            // push the last columns out of sight.
            .id_salt(("article-list", app.article.is_some()))
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            // Narrow enough that every column fits beside the open reader at
            // the default window size; the title takes what is left.
            .column(Column::initial(84.0).at_least(70.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::initial(130.0).at_least(60.0).clip(true))
            .column(Column::initial(120.0).at_least(60.0).clip(true))
            .column(Column::initial(90.0).at_least(40.0).clip(true))
            .header(22.0, |mut header| {
                for title in ["Date", "Title", "Source", "Region", "Tags"] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, app.rows.len(), |mut row| {
                    let article = &app.rows[row.index()];
                    row.set_selected(app.selected == Some(article.id));
                    row.col(|ui| {
                        ui.label(article.published.map(|p| p.date_label()).unwrap_or_default());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(article.title.as_deref().unwrap_or("(untitled)")).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(article.source.as_deref().unwrap_or("")).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(article.region.as_deref().unwrap_or("")).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(article.tags.join(", ")).truncate());
                    });
                    if row.response().clicked() {
                        actions.push(Action::Select(article.id));
                    }
                });
            });
    });
    let typing = ui.ctx().egui_wants_keyboard_input();
    if !typing && app.selected.is_some() && ui.input(|i| i.key_pressed(egui::Key::Delete)) {
        actions.push(if app.browse == Browse::Trash {
            Action::RestoreSelected
        } else {
            Action::TrashSelected
        });
    }
    actions
}
