//! The toolbar: import, search, theme.

use crate::gui::{Action, FolioApp};

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("Folio");
            ui.separator();
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
            let search = ui.add(
                egui::TextEdit::singleline(&mut app.search)
                    .hint_text("Search titles, text, sources and notes (Ctrl+F)")
                    .desired_width(360.0),
            );
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
                search.request_focus();
            }
            if search.changed() {
                actions.push(Action::Search(app.search.clone()));
            }
            if !app.search.is_empty() && ui.small_button("Clear").clicked() {
                actions.push(Action::Search(String::new()));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mut preference = ui.ctx().options(|o| o.theme_preference);
                egui::ComboBox::from_label("Theme")
                    .selected_text(match preference {
                        egui::ThemePreference::System => "System",
                        egui::ThemePreference::Light => "Light",
                        egui::ThemePreference::Dark => "Dark",
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut preference,
                            egui::ThemePreference::System,
                            "Follow the system",
                        );
                        ui.selectable_value(&mut preference, egui::ThemePreference::Light, "Light");
                        ui.selectable_value(&mut preference, egui::ThemePreference::Dark, "Dark");
                    });
                ui.ctx().set_theme(preference);
            });
        });
        ui.add_space(4.0);
    });
    actions
}
