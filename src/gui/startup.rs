//! When the library cannot be opened: say why, and offer a way on (restore
//! the latest good backup, open another library, try again, quit). Nothing
//! here writes to the file that failed: a damaged library is moved aside,
//! never repaired in place.

use super::app::{FolioApp, Settings};
use super::picker::PathPicker;
use crate::library::maintenance;
use crate::library::{Library, LibraryError};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// The window's states: a library being upgraded, a problem to resolve,
/// or the app itself.
pub enum Root {
    Upgrading(Box<Upgrade>),
    Problem(Box<StartupProblem>),
    Running(Box<FolioApp>),
}

/// A library from an older Folio being brought up to date on a helper
/// thread, while the window says so.
pub struct Upgrade {
    library_path: PathBuf,
    settings: Settings,
    picker: Arc<dyn PathPicker>,
    opened: Receiver<Result<Library, LibraryError>>,
}

impl Upgrade {
    /// The next state once the upgrade is done.
    fn show(&mut self, ui: &mut egui::Ui) -> Option<Root> {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                ui.heading("Upgrading your library");
                ui.add_space(8.0);
                ui.label(format!(
                    "{} was made by an older Folio. It is being brought up to date, once; \
                     a large library takes a minute or two.",
                    self.library_path.display()
                ));
                ui.add_space(12.0);
                ui.spinner();
            });
        });
        let result = self.opened.try_recv().ok()?;
        let picker = self.picker.clone();
        Some(match result {
            Ok(library) => Root::Running(Box::new(FolioApp::with_settings(
                ui.ctx(),
                library,
                picker,
                self.settings.clone(),
            ))),
            Err(error) => Root::Problem(Box::new(StartupProblem::new(
                self.library_path.clone(),
                &error,
                picker,
            ))),
        })
    }
}

pub struct StartupProblem {
    heading: &'static str,
    library_path: PathBuf,
    pub message: String,
    damaged: bool,
    in_use: bool,
    /// The newest backup that verifies, for a damaged library.
    backup: Option<PathBuf>,
    picker: Arc<dyn PathPicker>,
    other_path: String,
    /// Work running off the window's thread: a restore, or opening a file.
    busy: Option<Receiver<Result<(PathBuf, Library), String>>>,
    busy_what: String,
}

enum Choice {
    RestoreBackup,
    OpenOther(PathBuf),
    ChooseOther,
    TryAgain,
    Quit,
}

impl Root {
    /// Opens the library, or explains why it could not.
    pub fn open(ctx: &egui::Context, library_path: PathBuf, picker: Arc<dyn PathPicker>) -> Root {
        Self::open_with(ctx, library_path, picker, Settings::default())
    }

    /// Opens the library with remembered settings. One from an older Folio
    /// is upgraded on a helper thread while the window says so.
    pub fn open_with(
        ctx: &egui::Context,
        library_path: PathBuf,
        picker: Arc<dyn PathPicker>,
        settings: Settings,
    ) -> Root {
        if crate::library::upgrade_pending(&library_path) {
            let (reply, opened) = channel();
            let path = library_path.clone();
            let wake = ctx.clone();
            std::thread::spawn(move || {
                let _ = reply.send(Library::open(&path));
                wake.request_repaint();
            });
            return Root::Upgrading(Box::new(Upgrade {
                library_path,
                settings,
                picker,
                opened,
            }));
        }
        match Library::open(&library_path) {
            Ok(library) => Root::Running(Box::new(FolioApp::with_settings(ctx, library, picker, settings))),
            Err(error) => Root::Problem(Box::new(StartupProblem::new(library_path, &error, picker))),
        }
    }

    /// The running app, once there is one.
    pub fn app(&self) -> Option<&FolioApp> {
        match self {
            Root::Running(app) => Some(app),
            Root::Problem(_) | Root::Upgrading(_) => None,
        }
    }
}

impl StartupProblem {
    pub fn new(library_path: PathBuf, error: &LibraryError, picker: Arc<dyn PathPicker>) -> StartupProblem {
        let damaged = matches!(error, LibraryError::NotALibrary { .. });
        let backup = if damaged {
            maintenance::latest_good_backup(&library_path)
        } else {
            None
        };
        StartupProblem {
            heading: "Folio could not open your library",
            message: error.to_string(),
            in_use: matches!(error, LibraryError::InUse { .. }),
            damaged,
            backup,
            library_path,
            picker,
            other_path: String::new(),
            busy: None,
            busy_what: String::new(),
        }
    }

    /// The library turned out damaged while the window was open: SQLite
    /// met a broken page, or the check before the first change failed.
    pub fn damaged(library_path: PathBuf, message: String, picker: Arc<dyn PathPicker>) -> StartupProblem {
        StartupProblem {
            heading: "Your library is damaged",
            message: format!("{message}. Folio stopped writing to it when it noticed."),
            in_use: false,
            damaged: true,
            backup: maintenance::latest_good_backup(&library_path),
            library_path,
            picker,
            other_path: String::new(),
            busy: None,
            busy_what: String::new(),
        }
    }

    /// Runs `work` on its own thread; its result arrives in a later frame.
    fn run_off_thread(
        &mut self,
        ctx: &egui::Context,
        what: &str,
        work: impl FnOnce() -> Result<(PathBuf, Library), String> + Send + 'static,
    ) {
        let (done, result) = channel();
        let wake = ctx.clone();
        std::thread::spawn(move || {
            let _ = done.send(work());
            wake.request_repaint();
        });
        self.busy = Some(result);
        self.busy_what = what.to_string();
    }

    fn choose(&mut self, choice: Choice, ctx: &egui::Context) {
        match choice {
            Choice::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Choice::TryAgain => {
                let path = self.library_path.clone();
                self.run_off_thread(ctx, "Opening the library…", move || {
                    Library::open(&path).map(|l| (path, l)).map_err(|e| e.to_string())
                });
            }
            Choice::RestoreBackup => {
                let Some(backup) = self.backup.clone() else {
                    return;
                };
                let path = self.library_path.clone();
                self.run_off_thread(ctx, "Restoring the backup…", move || {
                    maintenance::replace_with_backup(&path, &backup).map_err(|e| e.to_string())?;
                    Library::open(&path).map(|l| (path, l)).map_err(|e| e.to_string())
                });
            }
            Choice::OpenOther(path) => {
                self.run_off_thread(ctx, "Opening the library…", move || {
                    Library::open(&path).map(|l| (path, l)).map_err(|e| e.to_string())
                });
            }
            Choice::ChooseOther => {
                let picker = self.picker.clone();
                self.run_off_thread(ctx, "Waiting for the file chooser…", move || {
                    let path = picker
                        .pick_files()
                        .and_then(|p| p.into_iter().next())
                        .ok_or_else(|| "No library was chosen.".to_string())?;
                    Library::open(&path).map(|l| (path, l)).map_err(|e| e.to_string())
                });
            }
        }
    }

    /// Draws the explanation and the choices; returns an open library once
    /// one of them worked.
    fn show(&mut self, ui: &mut egui::Ui) -> Option<Library> {
        let ctx = ui.ctx().clone();
        if let Some(result) = self.busy.as_ref().and_then(|r| r.try_recv().ok()) {
            self.busy = None;
            match result {
                Ok((path, library)) => {
                    self.library_path = path;
                    return Some(library);
                }
                Err(message) => self.message = message,
            }
        }
        let mut choice = None;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.15);
                ui.set_max_width(620.0);
                ui.heading(self.heading);
                ui.add_space(8.0);
                ui.label(&self.message);
                ui.weak(self.library_path.display().to_string());
                ui.add_space(8.0);
                if self.damaged {
                    ui.label(
                        "Folio has not written to the damaged file. If you restore a backup, the damaged \
                         file is kept beside it, renamed, so nothing is thrown away; articles added since \
                         the backup can be read from it with `folio salvage`.",
                    );
                }
                ui.add_space(12.0);
                if let Some(_busy) = &self.busy {
                    ui.spinner();
                    ui.label(&self.busy_what);
                    return;
                }
                if self.damaged {
                    match &self.backup {
                        Some(backup) => {
                            let name = backup
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            if ui
                                .button("Restore the latest good backup")
                                .on_hover_text(name)
                                .clicked()
                            {
                                choice = Some(Choice::RestoreBackup);
                            }
                        }
                        None => {
                            ui.weak("There is no good backup of this library to restore.");
                        }
                    }
                }
                if self.in_use
                    && ui
                        .button("Try again")
                        .on_hover_text("Once the other Folio is closed")
                        .clicked()
                {
                    choice = Some(Choice::TryAgain);
                }
                if ui.button("Open another library…").clicked() {
                    choice = Some(Choice::ChooseOther);
                }
                ui.horizontal(|ui| {
                    let label = ui.label("Library file");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.other_path)
                            .hint_text("/path/to/library.sqlite")
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                    if ui.button("Open").clicked() && !self.other_path.trim().is_empty() {
                        choice = Some(Choice::OpenOther(PathBuf::from(self.other_path.trim())));
                    }
                });
                ui.add_space(8.0);
                if ui.button("Quit").clicked() {
                    choice = Some(Choice::Quit);
                }
            });
        });
        if let Some(choice) = choice {
            self.choose(choice, &ctx);
        }
        None
    }
}

impl eframe::App for Root {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        match self {
            Root::Running(app) => {
                app.ui(ui, frame);
                if let Some(message) = app.messages.damaged.clone() {
                    let path = app.library_path().to_path_buf();
                    let picker = app.import.picker();
                    // Dropping the app closes the library (its thread is
                    // joined), so a restore can take the lock.
                    *self = Root::Problem(Box::new(StartupProblem::damaged(path, message, picker)));
                    ui.ctx().request_repaint();
                }
            }
            Root::Upgrading(upgrade) => {
                if let Some(next) = upgrade.show(ui) {
                    *self = next;
                }
            }
            Root::Problem(problem) => {
                if let Some(library) = problem.show(ui) {
                    let picker = problem.picker.clone();
                    *self = Root::Running(Box::new(FolioApp::new(ui.ctx(), library, picker)));
                }
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Root::Running(app) = self {
            app.save(storage);
        }
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        if let Root::Running(app) = self {
            app.on_exit(gl);
        }
    }
}
