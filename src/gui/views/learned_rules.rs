//! Preferences ▸ Learned from corrections: what Folio applies to later
//! imports because the user corrected an article from the same site, each
//! with a Remove button.

use crate::gui::action::{Action, Actions};
use crate::gui::state::learned::{LearnedAction, LearnedRules};

/// The learned date as a person reads it: the day, not the instant.
fn day_of(learned_at: &str) -> &str {
    learned_at.get(..10).unwrap_or(learned_at)
}

pub fn show(ctx: &egui::Context, learned: &LearnedRules) -> Vec<Action> {
    let mut actions = Actions::default();
    if !learned.open {
        return actions.0;
    }
    let mut open = true;
    // Opened over the middle of the window, not over the menus and the
    // sidebar in its corner.
    egui::Window::new("Learned from corrections")
        .open(&mut open)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(
                "When you correct an article's source, region or kind, Folio applies the same \
                 correction to later imports from that site or paper. A region is applied only \
                 when the article names no country.",
            );
            ui.separator();
            match &learned.rules {
                None => {
                    ui.spinner();
                }
                Some(rules) if rules.is_empty() => {
                    ui.weak(
                        "Nothing learned yet. Correct an article's details (Edit details…) to teach Folio.",
                    );
                }
                Some(rules) => {
                    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                        egui::Grid::new("learned-rules")
                            .striped(true)
                            .num_columns(5)
                            .show(ui, |ui| {
                                for heading in ["Site or paper", "Field", "Set to", "Learned"] {
                                    ui.strong(heading);
                                }
                                ui.label("");
                                ui.end_row();
                                for rule in rules {
                                    ui.label(rule.site.describe());
                                    ui.label(rule.field.label());
                                    ui.label(&rule.value);
                                    ui.label(day_of(&rule.learned_at));
                                    if ui
                                        .button("Remove")
                                        .on_hover_text("Later imports from this site are read as they come")
                                        .clicked()
                                    {
                                        actions.push(LearnedAction::Remove(rule.id));
                                    }
                                    ui.end_row();
                                }
                            });
                    });
                }
            }
        });
    if !open {
        actions.push(LearnedAction::Show(false));
    }
    actions.0
}
