//! The list of what landed in the watched folder: a small window beside
//! the work, not in its way (the user reads on while files arrive), with
//! Pause or Resume at hand.

use crate::gui::action::{Action, Actions};
use crate::gui::state::watch::{WatchAction, WatchState};
use crate::gui::widgets;
use crate::ingest::pipeline::{FileReport, Outcome};

/// What became of one file, in words.
fn describe(line: &FileReport) -> String {
    let what = match &line.outcome {
        Outcome::Imported { title, .. } => format!("imported: {title}"),
        Outcome::Duplicate { id } => format!("already in the library (article #{id})"),
        Outcome::Merged { changes, .. } => format!("added to an article: {}", changes.join("; ")),
        Outcome::Failed { reason } => format!("failed: {reason}"),
        Outcome::Skipped { reason } => format!("skipped: {reason}"),
    };
    match &line.note {
        Some(note) => format!("{what} ({note})"),
        None => what,
    }
}

/// Where no folder chooser answered: the folder's path, typed.
fn folder_field(ui: &mut egui::Ui, typed: &str, actions: &mut Actions) {
    ui.label("No folder was chosen. If no chooser appears on this desktop, type the folder's path:");
    ui.horizontal(|ui| {
        let label = ui.label("Folder");
        let (changed, field) = widgets::typed_line(ui, typed, |t| {
            t.hint_text("/home/me/Downloads/clippings").desired_width(300.0)
        });
        let field = field.labelled_by(label.id);
        if let Some(text) = changed {
            actions.push(WatchAction::PathTyped(text));
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Watch").clicked() || entered {
            actions.push(WatchAction::WatchTyped);
        }
    });
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
            if let Some(typed) = &watch.typed_path {
                folder_field(ui, typed, &mut actions);
            }
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
