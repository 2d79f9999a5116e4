//! The window of export formats (File ▸ Export…, Ctrl+E): one button per
//! format, the first with the keyboard, so Tab or the arrows and Enter
//! export without a mouse; Esc closes it.

use crate::export::ExportFormat;
use crate::gui::action::Action;
use crate::gui::state::dialogs::{DialogAction, Dialogs};
use crate::gui::state::list::ListAction;

pub fn show(ctx: &egui::Context, dialogs: &Dialogs, selected: usize) -> Vec<Action> {
    let mut actions: Vec<Action> = Vec::new();
    if !dialogs.choosing_export {
        return actions;
    }
    let modal = egui::Modal::new(egui::Id::NULL.with("export formats")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Export");
        ui.label(match selected {
            0 | 1 => "The articles the list shows, in one of these formats:".to_string(),
            n => format!("The {n} selected articles, in one of these formats:"),
        });
        ui.add_space(6.0);
        for (i, format) in ExportFormat::ALL.into_iter().enumerate() {
            let button =
                ui.add(egui::Button::new(format.label()).min_size(egui::vec2(ui.available_width(), 0.0)));
            if i == 0 && !ui.data(|d| d.get_temp::<bool>(button.id).unwrap_or(false)) {
                button.request_focus();
                ui.data_mut(|d| d.insert_temp(button.id, true));
            }
            if button.clicked() {
                ui.data_mut(|d| d.remove::<bool>(button.id));
                actions.push(ListAction::Export(format).into());
                actions.push(DialogAction::CloseExport.into());
            }
        }
        ui.add_space(6.0);
        if ui.button("Cancel").clicked() {
            actions.push(DialogAction::CloseExport.into());
        }
    });
    if modal.should_close() {
        actions.push(DialogAction::CloseExport.into());
    }
    actions
}
