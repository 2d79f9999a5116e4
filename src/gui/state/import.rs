//! Files in and out: the file chooser (with the path field offered when it
//! does not come), the import running and its report, and the save dialog
//! that asks where an export goes. Dialogs run on helper threads; their
//! answers are taken in at the start of a frame.

use super::outbox::{Effect, Outbox};
use crate::gui::picker::{PathPicker, PickedSave};
use crate::gui::worker::{Request, Response};
use crate::ingest::pipeline::{ImportReport, Progress};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

#[derive(Debug, Clone, PartialEq)]
pub enum ImportAction {
    PickFiles,
    PickFolder,
    Import(Vec<PathBuf>),
    CancelImport,
    DismissReport,
    DismissChooser,
    /// The path field (when no chooser came), as typed.
    PathTyped(String),
    /// Save what the path field stands in a save dialog for, here.
    SaveTo(PathBuf),
}

/// Where the system file chooser stands. Without an XDG portal it may never
/// appear; the window then offers a path field, so nobody is stuck.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Chooser {
    Closed,
    /// Asked for at this time (egui seconds).
    Waiting(f64),
    /// It answered with nothing: cancelled, or it could not be shown.
    NothingChosen,
}

/// What the file chooser answered: `None` when nothing was chosen.
type PickedPaths = Option<Vec<PathBuf>>;

/// What the save dialog answered (`None`: cancelled), and what it was for.
type SaveAnswer = (PickedSave, Option<PathBuf>);

pub struct ImportRun {
    pub progress: Option<Progress>,
    pub cancel: Arc<AtomicBool>,
}

pub struct ImportState {
    picker: Arc<dyn PathPicker>,
    picked: (Sender<PickedPaths>, Receiver<PickedPaths>),
    /// Where the save dialog said to write, for what.
    saved_to: (Sender<SaveAnswer>, Receiver<SaveAnswer>),
    pub run: Option<ImportRun>,
    pub last_report: Option<ImportReport>,
    pub chooser: Chooser,
    /// What the chooser (or the path field standing in for it) is saving;
    /// `None` while it is choosing files to import.
    pub saving: Option<PickedSave>,
    pub manual_path: String,
    /// The time at the last frame (egui seconds), for a dialog asked for
    /// between frames.
    now: f64,
}

impl ImportState {
    /// The file chooser, for a window that takes over from this one.
    pub fn picker(&self) -> Arc<dyn PathPicker> {
        self.picker.clone()
    }

    pub fn new(picker: Arc<dyn PathPicker>) -> ImportState {
        ImportState {
            picker,
            picked: channel(),
            saved_to: channel(),
            run: None,
            last_report: None,
            chooser: Chooser::Closed,
            saving: None,
            manual_path: String::new(),
            now: 0.0,
        }
    }

    pub fn apply(&mut self, action: ImportAction, ctx: &egui::Context, out: &mut Outbox) {
        match action {
            ImportAction::PickFiles => self.pick(false, ctx),
            ImportAction::PickFolder => self.pick(true, ctx),
            ImportAction::Import(paths) if !paths.is_empty() && self.run.is_none() => {
                let cancel = Arc::new(AtomicBool::new(false));
                self.run = Some(ImportRun {
                    progress: None,
                    cancel: cancel.clone(),
                });
                self.last_report = None;
                out.then(Effect::ClearError);
                out.send(Request::Import { paths, cancel });
            }
            ImportAction::Import(_) => {}
            ImportAction::CancelImport => self.cancel(),
            ImportAction::DismissReport => self.last_report = None,
            ImportAction::DismissChooser => {
                self.chooser = Chooser::Closed;
                self.saving = None;
            }
            ImportAction::PathTyped(text) => self.manual_path = text,
            ImportAction::SaveTo(path) => {
                if let Some(what) = self.saving.take() {
                    self.chooser = Chooser::Closed;
                    save(what, path, out);
                }
            }
        }
    }

    /// Opens the file chooser; it blocks its own thread, never the window's.
    fn pick(&mut self, folder: bool, ctx: &egui::Context) {
        let picker = self.picker.clone();
        let reply = self.picked.0.clone();
        let wake = ctx.clone();
        self.chooser = Chooser::Waiting(ctx.input(|i| i.time));
        self.saving = None;
        std::thread::spawn(move || {
            let paths = if folder {
                picker.pick_folder("Import a folder").map(|p| vec![p])
            } else {
                picker.pick_files()
            };
            let _ = reply.send(paths);
            wake.request_repaint();
        });
    }

    /// Stops the import at its next batch; what it stored so far stays.
    pub fn cancel(&self) {
        if let Some(run) = &self.run {
            run.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Opens the save dialog on a helper thread, as for imports (a folder
    /// chooser for a Markdown vault); when none comes, the path field
    /// stands in for it.
    pub fn ask_save_path(&mut self, file_name: String, what: PickedSave) {
        let picker = self.picker.clone();
        let reply = self.saved_to.0.clone();
        self.chooser = Chooser::Waiting(self.now);
        self.saving = Some(what.clone());
        std::thread::spawn(move || {
            let title = what.title();
            let path = if what.is_folder() {
                picker.pick_folder(&title)
            } else {
                picker.save_file(&title, &file_name)
            };
            let _ = reply.send((what, path));
        });
    }

    /// Takes in what the dialogs answered.
    pub fn poll(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        self.now = ctx.input(|i| i.time);
        while let Ok((what, path)) = self.saved_to.1.try_recv() {
            // An answer for a save the path field has already made, or one
            // asked again since, is not this dialog's to act on.
            if self.saving.as_ref() != Some(&what) {
                continue;
            }
            match path {
                Some(path) => {
                    self.chooser = Chooser::Closed;
                    self.saving = None;
                    save(what, path, out);
                }
                // Cancelled, or no dialog on this desktop: the path field.
                None => self.chooser = Chooser::NothingChosen,
            }
        }
        while let Ok(picked) = self.picked.1.try_recv() {
            // A save asked for since has the chooser state; the files
            // chosen are imported all the same.
            let chooser_is_ours = self.saving.is_none();
            match picked {
                Some(paths) => {
                    if chooser_is_ours {
                        self.chooser = Chooser::Closed;
                    }
                    self.apply(ImportAction::Import(paths), ctx, out);
                }
                None if chooser_is_ours => self.chooser = Chooser::NothingChosen,
                None => {}
            }
        }
    }

    /// Takes in the library's answers about the import running.
    pub fn receive(&mut self, response: Response, out: &mut Outbox) {
        match response {
            Response::ImportProgress(progress) => {
                if let Some(run) = &mut self.run {
                    run.progress = Some(progress);
                }
            }
            Response::Imported(report) => {
                self.run = None;
                let new = report.new_ids();
                if !new.is_empty() {
                    // Show what arrived: newest imports first, all selected.
                    let first = new.first().copied();
                    out.then(Effect::ShowImported(new));
                    out.then(Effect::Open(first));
                }
                self.last_report = Some(report);
                out.then(Effect::Refresh);
            }
            _ => {}
        }
    }
}

/// Writes what a save dialog was for to the path it answered with.
fn save(what: PickedSave, path: PathBuf, out: &mut Outbox) {
    match what {
        PickedSave::Annotations { article, format } => out.send(Request::ExportAnnotations {
            article,
            format,
            path,
        }),
        PickedSave::Articles { ids, format } => {
            out.say(format!("Exporting {}…", crate::gui::widgets::articles(ids.len())));
            out.send(Request::ExportArticles { ids, format, path });
        }
    }
}
