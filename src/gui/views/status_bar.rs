//! The bottom bar: how many articles match, import progress and reports.

use crate::gui::app::Chooser;
use crate::gui::{Action, FolioApp};
use crate::ingest::pipeline::Outcome;

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.add_space(3.0);
        if let Some(run) = &app.import {
            ui.horizontal(|ui| {
                let (done, total) = run.progress.map(|p| (p.done, p.total)).unwrap_or((0, 0));
                let fraction = if total == 0 {
                    0.0
                } else {
                    done as f32 / total as f32
                };
                ui.label("Importing…");
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .text(format!("{done} of {total}"))
                        .desired_width(240.0),
                );
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelImport);
                }
            });
        }
        if let Some(report) = &app.last_report {
            ui.horizontal(|ui| {
                ui.label(format!("Import finished: {}", report.summary_line()));
                if ui.small_button("Dismiss").clicked() {
                    actions.push(Action::DismissReport);
                }
            });
            for file in report
                .files
                .iter()
                .filter(|f| matches!(f.outcome, Outcome::Failed { .. }))
                .take(8)
            {
                if let Outcome::Failed { reason } = &file.outcome {
                    let name = file
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default();
                    ui.colored_label(ui.visuals().warn_fg_color, format!("{name}: {reason}"));
                }
            }
        }
        if let Some(status) = &app.status {
            ui.horizontal(|ui| {
                ui.label(status);
                if ui.small_button("OK").clicked() {
                    actions.push(Action::DismissStatus);
                }
            });
        }
        if let Some(notice) = &app.missing_font_notice {
            ui.colored_label(ui.visuals().warn_fg_color, notice);
        }
        if let Some(error) = &app.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        chooser_fallback(ui, app, &mut actions);
        let noun = if app.total == 1 { "article" } else { "articles" };
        ui.horizontal(|ui| {
            ui.label(if app.search.trim().is_empty() {
                format!("{} {noun}", app.total)
            } else {
                format!("{} {noun} match “{}”", app.total, app.search.trim())
            });
            if app.is_loading() {
                ui.spinner();
            }
        });
        ui.add_space(2.0);
    });
    actions
}

/// Seconds to wait for the system file chooser before offering a path field.
const CHOOSER_PATIENCE: f64 = 4.0;

/// The way in when the system file chooser does not come: a path field.
fn chooser_fallback(ui: &mut egui::Ui, app: &mut FolioApp, actions: &mut Vec<Action>) {
    let now = ui.input(|i| i.time);
    let message = match app.chooser {
        Chooser::Closed => return,
        Chooser::Waiting(since) if now - since < CHOOSER_PATIENCE => {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(CHOOSER_PATIENCE));
            ui.weak("Opening the file chooser…");
            return;
        }
        Chooser::Waiting(_) => "The file chooser has not appeared.",
        Chooser::NothingChosen => "No file was chosen.",
    };
    ui.label(format!(
        "{message} If no dialog appears on this desktop, install xdg-desktop-portal-gtk (or zenity), \
         or type the path of a file or folder here:"
    ));
    ui.horizontal(|ui| {
        let label = ui.label("Path");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut app.manual_path)
                    .hint_text("/home/me/clippings")
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Import").clicked() || entered) && !app.manual_path.trim().is_empty() {
            actions.push(Action::Import(vec![app.manual_path.trim().into()]));
            actions.push(Action::DismissChooser);
        }
        if ui.button("Close").on_hover_text("Hide the path field").clicked() {
            actions.push(Action::DismissChooser);
        }
    });
}
