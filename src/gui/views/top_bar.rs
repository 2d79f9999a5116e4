//! The top bar: File and View menus, import buttons, the search box.

use crate::gui::{Action, FolioApp};

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
            if !app.search.is_empty()
                && ui
                    .small_button("Clear")
                    .on_hover_text("Show every article again")
                    .clicked()
            {
                actions.push(Action::Search(String::new()));
            }
        });
        ui.add_space(4.0);
    });
    actions
}
