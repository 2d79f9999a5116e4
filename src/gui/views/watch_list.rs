//! The list of what landed in the watched folder: a small window beside
//! the work, not in its way (the user reads on while files arrive), with
//! Pause or Resume at hand.

use crate::gui::action::{Action, Actions};
use crate::gui::state::watch::{WatchAction, WatchState};
use crate::ingest::pipeline::{FileReport, Outcome};

/// What became of one file, in words.
fn describe(line: &FileReport) -> String {
    match &line.outcome {
        Outcome::Imported { title, .. } => format!("imported: {title}"),
        Outcome::Duplicate { id } => format!("already in the library (article #{id})"),
        Outcome::Merged { changes, .. } => format!("added to an article: {}", changes.join("; ")),
        Outcome::Failed { reason } => format!("failed: {reason}"),
        Outcome::Skipped { reason } => format!("skipped: {reason}"),
    }
}

pub fn show(ctx: &egui::Context, watch: &WatchState) -> Vec<Action> {
    let mut actions = Actions::default();
    if !watch.list_open {
        return actions.0;
    }
    let mut open = true;
    egui::Window::new("Watched folder")
        .open(&mut open)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let folder = watch.folder_label().unwrap_or_else(|| "No folder".into());
                let state = match (watch.folder.is_some(), watch.paused) {
                    (false, _) => "watched no more",
                    (true, true) => "paused",
                    (true, false) => "watching",
                };
                ui.label(format!("{folder} · {state}"));
                if watch.folder.is_some() {
                    let (label, action) = watch.pause_or_resume();
                    if ui.button(label).clicked() {
                        actions.push(action);
                    }
                }
            });
            ui.separator();
            if watch.lines.is_empty() {
                ui.weak(
                    "Nothing has landed yet. Save a page, a clipping or a Markdown note into the folder.",
                );
            }
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                for line in &watch.lines {
                    let name = line
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let text = format!("{name} — {}", describe(line));
                    if matches!(line.outcome, Outcome::Failed { .. }) {
                        ui.colored_label(ui.visuals().warn_fg_color, text);
                    } else {
                        ui.label(text);
                    }
                }
            });
        });
    if !open {
        actions.push(WatchAction::ShowList(false));
    }
    actions.0
}
