//! The form that sets details on every selected article at once: a blank
//! field keeps each article's own. Ctrl+Z takes the whole change back.

use crate::gui::action::{Action, Actions};
use crate::gui::state::dialogs::{DialogAction, Dialogs};
use crate::gui::widgets;

/// `count`: how many articles are selected.
pub fn show(ctx: &egui::Context, dialogs: &Dialogs, count: usize) -> Vec<Action> {
    let mut actions = Actions::default();
    let Some(form) = &dialogs.bulk_edit else {
        return actions.0;
    };
    // Drawn from a copy; what is typed comes back as the new form.
    let mut typed = form.clone();
    let response = egui::Modal::new(egui::Id::unique("bulk-edit")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading(format!("Edit {}", widgets::articles(count)));
        ui.weak("Blank fields keep each article's own; a topic is added to theirs.");
        ui.add_space(6.0);
        egui::Grid::new("bulk-edit-fields").num_columns(2).show(ui, |ui| {
            for (name, value, hint) in [
                ("Date", &mut typed.published, "2018-01-05, 2018-01 or 2018"),
                ("Source", &mut typed.source, "the publication"),
                ("Region", &mut typed.region, "e.g. East Asia & Pacific"),
                ("Kind", &mut typed.kind, "editorial, opinion, news…"),
                ("Topic", &mut typed.topic, "file under, e.g. politics › diplomacy"),
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
            if ui
                .button(format!("Apply to {}", widgets::articles(count)))
                .clicked()
            {
                actions.push(DialogAction::ApplyBulkEdit);
            }
            if ui.button("Cancel").clicked() {
                actions.push(DialogAction::CancelBulkEdit);
            }
        });
    });
    if actions.0.is_empty() && response.should_close() {
        actions.push(DialogAction::CancelBulkEdit);
    }
    if typed != *form {
        actions
            .0
            .insert(0, DialogAction::BulkTyped(Box::new(typed)).into());
    }
    actions.0
}
