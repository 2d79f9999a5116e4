//! The top bar: File and View menus, import buttons, the search box.

use crate::gui::{Action, FolioApp};

/// What the "?" beside the search box says.
const SEARCH_HELP: &str = "Every word must match; the best matches come first.\n\
While you type, the last word matches the words it begins\n\
(one to three letters: most recently added first).\n\
\n\
\"exact phrase\"   words in this order\n\
-word   leave out articles with it (also -\"a phrase\", -tag:x)\n\
a OR b   either\n\
title:  source:  author:  tag:  topic:  region:  country:  lang:  kind:  note:\n\
before:2019-01-01   after:2018-06-30   year:2018\n\
\n\
Chinese, Japanese and Korean words are found inside longer runs of text.\n\
Example: \"six-party talks\" -china year:2018 source:asahi";

/// "Save…", then a name field, for keeping the current search in the sidebar.
fn save_search(ui: &mut egui::Ui, app: &mut FolioApp, actions: &mut Vec<Action>) {
    match &mut app.saving_search {
        None => {
            if ui
                .small_button("Save…")
                .on_hover_text("Keep this search in the sidebar")
                .clicked()
            {
                app.saving_search = Some(String::new());
            }
        }
        Some(name) => {
            let label = ui.label("Name");
            let field = ui
                .add(
                    egui::TextEdit::singleline(name)
                        .hint_text("e.g. Korean talks")
                        .desired_width(140.0),
                )
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.small_button("Save search").clicked() || entered {
                actions.push(Action::SaveSearch(name.clone()));
            }
            if ui.small_button("Cancel").clicked() {
                app.saving_search = None;
            }
        }
    }
}

fn menu_item(ui: &mut egui::Ui, label: &str, shortcut: &str) -> bool {
    ui.add(egui::Button::new(label).shortcut_text(shortcut)).clicked()
}

fn menus(ui: &mut egui::Ui, app: &FolioApp, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if menu_item(ui, "Import files…", "Ctrl+O") {
                actions.push(Action::PickFiles);
            }
            if menu_item(ui, "Import folder…", "") {
                actions.push(Action::PickFolder);
            }
            ui.separator();
            ui.menu_button("Export", |ui| {
                ui.weak("The selected articles, or the whole list");
                for format in crate::export::ExportFormat::ALL {
                    if ui.button(format.label()).clicked() {
                        actions.push(Action::Export(format));
                        ui.close();
                    }
                }
            });
            ui.menu_button("Export annotations", |ui| {
                crate::gui::views::annotations::export_menu(ui, true, actions);
            });
            ui.separator();
            if menu_item(ui, "Back up now", "") {
                actions.push(Action::BackupNow);
            }
            if menu_item(ui, "Restore from backup…", "") {
                actions.push(Action::ShowBackups);
            }
            ui.separator();
            if menu_item(ui, "Quit", "") {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            let label = app
                .undo
                .last()
                .map(|u| u.label())
                .unwrap_or_else(|| "Undo".into());
            let undo = ui.add_enabled(
                !app.undo.is_empty(),
                egui::Button::new(label).shortcut_text("Ctrl+Z"),
            );
            if undo.clicked() {
                actions.push(Action::Undo);
            }
        });
        ui.menu_button("View", |ui| {
            let size = app.settings.text_size;
            if menu_item(ui, "Larger text", "Ctrl++") {
                actions.push(Action::TextSize(size + 1.0));
            }
            if menu_item(ui, "Smaller text", "Ctrl+−") {
                actions.push(Action::TextSize(size - 1.0));
            }
            ui.separator();
            ui.label("Theme");
            let mut preference = ui.ctx().options(|o| o.theme_preference);
            ui.radio_value(
                &mut preference,
                egui::ThemePreference::System,
                "Follow the system",
            );
            ui.radio_value(&mut preference, egui::ThemePreference::Light, "Light");
            ui.radio_value(&mut preference, egui::ThemePreference::Dark, "Dark");
            ui.ctx().set_theme(preference);
        });
    });
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.add_space(2.0);
        menus(ui, app, &mut actions);
        ui.horizontal(|ui| {
            if ui
                .button("Import files…")
                .on_hover_text("Choose clippings, saved pages or Markdown files (Ctrl+O)")
                .clicked()
            {
                actions.push(Action::PickFiles);
            }
            if ui
                .button("Import folder…")
                .on_hover_text("Import every article in a folder")
                .clicked()
            {
                actions.push(Action::PickFolder);
            }
            ui.separator();
            let label = ui.label("Search");
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut app.search)
                        .hint_text("titles, text, sources and notes (Ctrl+F)")
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
                search.request_focus();
            }
            if search.changed() {
                actions.push(Action::Search(app.search.clone()));
            }
            // Enter opens the best match (the field gives up the keyboard on Enter).
            if search.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && !app.search.trim().is_empty()
                && let Some(&first) = app.list.ids().first()
            {
                actions.push(Action::Click(first, crate::gui::ClickMode::Only));
            }
            let help = ui.small_button("?").on_hover_text("How to search");
            egui::Popup::from_toggle_button_response(&help).show(|ui| {
                ui.set_max_width(420.0);
                ui.label(SEARCH_HELP);
            });
            if !app.search.is_empty()
                && ui
                    .small_button("Clear")
                    .on_hover_text("Show every article again")
                    .clicked()
            {
                actions.push(Action::Search(String::new()));
            }
            if !app.search.trim().is_empty() {
                save_search(ui, app, &mut actions);
            }
        });
        ui.add_space(4.0);
    });
    actions
}
