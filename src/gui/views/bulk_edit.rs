//! The form that sets details on every selected article at once: a blank
//! field keeps each article's own. Ctrl+Z takes the whole change back.

use crate::gui::{Action, FolioApp};

pub fn show(ctx: &egui::Context, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    let count = app.selection.len();
    let Some(form) = &mut app.bulk_edit else {
        return actions;
    };
    let response = egui::Modal::new(egui::Id::unique("bulk-edit")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading(format!("Edit {count} articles"));
        ui.weak("Blank fields keep each article's own; a topic is added to theirs.");
        ui.add_space(6.0);
        egui::Grid::new("bulk-edit-fields").num_columns(2).show(ui, |ui| {
            for (name, value, hint) in [
                ("Date", &mut form.published, "2018-01-05, 2018-01 or 2018"),
                ("Source", &mut form.source, "the publication"),
                ("Region", &mut form.region, "e.g. East Asia & Pacific"),
                ("Kind", &mut form.kind, "editorial, opinion, news…"),
                ("Topic", &mut form.topic, "file under, e.g. politics › diplomacy"),
            ] {
                let label = ui.label(name);
                ui.add(egui::TextEdit::singleline(value).hint_text(hint))
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
        if let Some(problem) = &form.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(format!("Apply to {count} articles")).clicked() {
                actions.push(Action::ApplyBulkEdit);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelBulkEdit);
            }
        });
    });
    if actions.is_empty() && response.should_close() {
        actions.push(Action::CancelBulkEdit);
    }
    actions
}
