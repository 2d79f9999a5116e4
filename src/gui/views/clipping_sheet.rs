//! The new-clipping sheet: what Folio found in a paste (title, date,
//! source, authors, section, region, countries, kind, language, URL),
//! editable, over the text as it will be stored, with Save and Cancel.

use crate::gui::action::{Action, Actions};
use crate::gui::state::clipping::{ClippingAction, ClippingState};

/// The text's preview is this tall at most; it scrolls.
const PREVIEW_HEIGHT: f32 = 220.0;

pub fn show(ctx: &egui::Context, clipping: &ClippingState) -> Vec<Action> {
    let mut actions = Actions::default();
    let Some(sheet) = &clipping.sheet else {
        return actions.0;
    };
    // Drawn from a copy; what is typed comes back as the new form.
    let mut typed = sheet.form.clone();
    // The fields take about 460 points; the text's preview gets what the
    // window has left, so Save stays on screen in a small window too.
    let preview_height = (ctx.content_rect().height() - 540.0).clamp(60.0, PREVIEW_HEIGHT);
    let response = egui::Modal::new(egui::Id::unique("new-clipping")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("New clipping");
        ui.weak("What Folio found in what you pasted: correct anything before saving.");
        ui.add_space(6.0);
        crate::gui::widgets::details_grid(ui, "new-clipping-fields", &mut typed);
        ui.add_space(6.0);
        let label = ui.strong("Text, as it will be stored");
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("new-clipping-text")
                .max_height(preview_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    ui.add(egui::Label::new(&sheet.found.meta.body).wrap())
                        .labelled_by(label.id);
                });
        });
        if let Some(problem) = &sheet.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let save = ui.add_enabled(!sheet.saving, egui::Button::new("Save clipping"));
            if save.clicked() {
                actions.push(ClippingAction::Save);
            }
            if ui.button("Cancel").on_hover_text("Store nothing").clicked() {
                actions.push(ClippingAction::Cancel);
            }
            if sheet.saving {
                ui.spinner();
            }
        });
    });
    // Esc or a click beside it closes the sheet only while nothing was
    // typed in it: Cancel is there to throw edits away.
    if actions.0.is_empty() && response.should_close() && clipping.untouched() && typed == sheet.form {
        actions.push(ClippingAction::Cancel);
    }
    if typed != sheet.form {
        actions.0.insert(0, ClippingAction::Typed(Box::new(typed)).into());
    }
    actions.0
}
