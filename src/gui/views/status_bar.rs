//! The bottom bar: how many articles match, import progress and reports,
//! the watched folder, passing messages, and the path field when no file
//! chooser comes.

use crate::gui::action::{Action, Actions};
use crate::gui::state::import::{Chooser, ImportAction, ImportState};
use crate::gui::state::list::ListState;
use crate::gui::state::messages::Messages;
use crate::gui::state::watch::{WatchAction, WatchState};
use crate::gui::widgets;
use crate::ingest::pipeline::Outcome;

/// The import running, with a Cancel; the last import's report.
fn import_progress(ui: &mut egui::Ui, import: &ImportState, actions: &mut Actions) {
    if let Some(run) = &import.run {
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
                    .text(format!(
                        "{} of {}",
                        crate::gui::widgets::grouped(done),
                        crate::gui::widgets::grouped(total)
                    ))
                    .desired_width(240.0),
            );
            if ui.button("Cancel").clicked() {
                actions.push(ImportAction::CancelImport);
            }
        });
    }
    let Some(report) = &import.last_report else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(format!("Import finished: {}", report.summary_line()));
        if ui.small_button("Dismiss").clicked() {
            actions.push(ImportAction::DismissReport);
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
    // What Folio changed on its own, from the user's earlier corrections.
    for file in report
        .files
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Imported { .. }) && f.note.is_some())
        .take(4)
    {
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        ui.label(format!("{name}: {}", file.note.as_deref().unwrap_or_default()));
    }
}

/// `shown`: the list, and how many annotations the annotations view shows
/// when it is open in the list's place.
pub fn show(
    ui: &mut egui::Ui,
    import: &ImportState,
    shown: (&ListState, Option<usize>),
    (messages, watch): (&Messages, &WatchState),
) -> Vec<Action> {
    let (list, annotations) = shown;
    let mut actions = Actions::default();
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.add_space(3.0);
        import_progress(ui, import, &mut actions);
        watching(ui, watch, &mut actions);
        if let Some(notice) = &list.missing_font_notice {
            ui.colored_label(ui.visuals().warn_fg_color, notice);
        }
        if let Some(error) = &messages.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        chooser_fallback(ui, import, &mut actions);
        let noun = if list.total == 1 { "article" } else { "articles" };
        ui.horizontal(|ui| {
            ui.label(match annotations {
                Some(1) => "1 annotation".to_string(),
                Some(n) => format!("{} annotations", widgets::grouped(n)),
                None if list.search.trim().is_empty() => format!("{} {noun}", widgets::grouped(list.total)),
                None => format!(
                    "{} {noun} match {}",
                    widgets::grouped(list.total),
                    widgets::quoted(&list.search)
                ),
            });
            if list.is_loading() {
                ui.spinner();
            }
            // The passing message stands on the count's row, at its right:
            // a row of its own would push the list and the reader up when
            // it comes and down when it goes.
            if let Some(status) = &messages.status {
                ui.separator();
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button("OK").clicked() {
                        actions.push(Action::DismissStatus);
                    }
                    ui.add(egui::Label::new(status).truncate()).on_hover_text(status);
                });
            }
        });
        ui.add_space(2.0);
    });
    actions.0
}

/// "Watching ~/Downloads/clippings · paused", with Pause (or Resume) one
/// click away, and the list of what landed.
fn watching(ui: &mut egui::Ui, watch: &WatchState, actions: &mut Actions) {
    let Some(folder) = watch.folder_label() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(format!("Watching {folder}{}", watch.state_words()));
        let (label, action) = watch.pause_or_resume();
        if ui.small_button(label).clicked() {
            actions.push(action);
        }
        if ui
            .small_button("What landed")
            .on_hover_text("The files imported from the watched folder")
            .clicked()
        {
            actions.push(WatchAction::ShowList(!watch.list_open));
        }
    });
}

/// Seconds to wait for the system file chooser before offering a path field.
const CHOOSER_PATIENCE: f64 = 4.0;

/// The way on when the system file chooser does not come: a path field,
/// to import from or to save to.
fn chooser_fallback(ui: &mut egui::Ui, import: &ImportState, actions: &mut Actions) {
    let now = ui.input(|i| i.time);
    let saving = import.saving.as_ref();
    let message = match (import.chooser, saving) {
        (Chooser::Closed, _) => return,
        (Chooser::Waiting(since), _) if now - since < CHOOSER_PATIENCE => {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(CHOOSER_PATIENCE));
            ui.weak("Opening the file chooser…");
            return;
        }
        (Chooser::Waiting(_), _) => "The file chooser has not appeared.".to_string(),
        (Chooser::NothingChosen, None) => "No file was chosen.".to_string(),
        (Chooser::NothingChosen, Some(what)) => format!("{}: no place was chosen.", what.title()),
    };
    let wanted = match saving {
        Some(what) if what.is_folder() => "the folder to write into",
        Some(_) => "the file to write",
        None => "a file or folder",
    };
    ui.label(format!(
        "{message} If no dialog appears on this desktop, install xdg-desktop-portal-gtk (or zenity), \
         or type the path of {wanted} here:"
    ));
    ui.horizontal(|ui| {
        let label = ui.label("Path");
        let hint = if saving.is_some() {
            "/home/me/export"
        } else {
            "/home/me/clippings"
        };
        let (typed, field) = widgets::typed_line(ui, &import.manual_path, |t| {
            t.hint_text(hint).desired_width(320.0)
        });
        let field = field.labelled_by(label.id);
        let path = typed.clone().unwrap_or_else(|| import.manual_path.clone());
        if let Some(typed) = typed {
            actions.push(ImportAction::PathTyped(typed));
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let button = if saving.is_some() { "Save" } else { "Import" };
        if (ui.button(button).clicked() || entered) && !path.trim().is_empty() {
            let path = std::path::PathBuf::from(path.trim());
            if saving.is_some() {
                actions.push(ImportAction::SaveTo(path));
            } else {
                actions.push(ImportAction::Import(vec![path]));
                actions.push(ImportAction::DismissChooser);
            }
        }
        if ui.button("Close").on_hover_text("Hide the path field").clicked() {
            actions.push(ImportAction::DismissChooser);
        }
    });
}
