//! The app's state and the one place where the user's actions are applied.

use super::picker::PathPicker;
use super::views;
use super::worker::{Request, Response, Worker};
use crate::import::pipeline::{ImportReport, Progress};
use crate::library::{Facets, Library};
use crate::model::{Article, ArticleSummary, Filter};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// Which part of the library the list shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Browse {
    #[default]
    All,
    Trash,
    Year(i32),
    Region(String),
    Source(String),
    Tag(String),
}

/// Everything a view can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    PickFiles,
    PickFolder,
    Import(Vec<PathBuf>),
    CancelImport,
    DismissReport,
    Browse(Browse),
    Search(String),
    Select(i64),
    AddTag(String),
    RemoveTag(String),
    NoteEdited,
    TrashSelected,
    RestoreSelected,
}

/// What the file chooser answered: `None` when nothing was chosen.
type PickedPaths = Option<Vec<PathBuf>>;

pub struct ImportRun {
    pub progress: Option<Progress>,
    pub cancel: Arc<AtomicBool>,
}

/// View state. Views read it; only [`FolioApp::apply`] and the worker's
/// answers change it.
pub struct FolioApp {
    worker: Worker,
    picker: Arc<dyn PathPicker>,
    picked: (Sender<PickedPaths>, Receiver<PickedPaths>),
    pub browse: Browse,
    pub search: String,
    pub rows: Vec<ArticleSummary>,
    pub total: usize,
    pub facets: Facets,
    /// False until the first listing arrives: nothing is known yet.
    pub loaded: bool,
    pub selected: Option<i64>,
    pub article: Option<Article>,
    pub note_draft: String,
    /// When the note was last typed in (egui time), to save after a pause.
    note_edited_at: Option<f64>,
    pub tag_input: String,
    pub import: Option<ImportRun>,
    pub last_report: Option<ImportReport>,
    pub error: Option<String>,
    /// The file chooser returned nothing: offer a path field instead.
    pub dialog_unavailable: bool,
    pub manual_path: String,
    pub text_size: f32,
    /// Actions that arrived between frames (a chosen file, say).
    pending: Vec<Action>,
}

/// Seconds of quiet typing after which a note is saved.
const NOTE_SAVE_DELAY: f64 = 0.6;

impl FolioApp {
    pub fn new(ctx: &egui::Context, library: Library, picker: Arc<dyn PathPicker>) -> FolioApp {
        let repaint = ctx.clone();
        let worker = Worker::start(library, move || repaint.request_repaint());
        let app = FolioApp {
            worker,
            picker,
            picked: channel(),
            browse: Browse::All,
            search: String::new(),
            rows: Vec::new(),
            total: 0,
            facets: Facets::default(),
            loaded: false,
            selected: None,
            article: None,
            note_draft: String::new(),
            note_edited_at: None,
            tag_input: String::new(),
            import: None,
            last_report: None,
            error: None,
            dialog_unavailable: false,
            manual_path: String::new(),
            text_size: 16.0,
            pending: Vec::new(),
        };
        app.refresh();
        app
    }

    fn filter(&self) -> Filter {
        let mut filter = Filter::default();
        match &self.browse {
            Browse::All => {}
            Browse::Trash => filter.trash = true,
            Browse::Year(y) => {
                filter.from = NaiveDate::from_ymd_opt(*y, 1, 1);
                filter.to = NaiveDate::from_ymd_opt(*y, 12, 31);
            }
            Browse::Region(r) => filter.region = Some(r.clone()),
            Browse::Source(s) => filter.source = Some(s.clone()),
            Browse::Tag(t) => filter.tag = Some(t.clone()),
        }
        filter
    }

    fn refresh(&self) {
        self.worker.send(Request::Refresh {
            filter: self.filter(),
            search: self.search.clone(),
        });
    }

    fn save_note_now(&mut self) {
        if let (Some(_), Some(article)) = (self.note_edited_at.take(), &self.article) {
            self.worker.send(Request::SetNote {
                id: article.id,
                text: self.note_draft.clone(),
            });
        }
    }

    /// Applies one action: the only place view state changes on user input.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::PickFiles | Action::PickFolder => {
                let picker = self.picker.clone();
                let reply = self.picked.0.clone();
                let wake = ctx.clone();
                let folder = action == Action::PickFolder;
                // The dialog blocks its own thread, never the window's.
                std::thread::spawn(move || {
                    let paths = if folder {
                        picker.pick_folder().map(|p| vec![p])
                    } else {
                        picker.pick_files()
                    };
                    let _ = reply.send(paths);
                    wake.request_repaint();
                });
            }
            Action::Import(paths) if !paths.is_empty() && self.import.is_none() => {
                let cancel = Arc::new(AtomicBool::new(false));
                self.import = Some(ImportRun {
                    progress: None,
                    cancel: cancel.clone(),
                });
                self.last_report = None;
                self.worker.send(Request::Import { paths, cancel });
            }
            Action::Import(_) => {}
            Action::CancelImport => {
                if let Some(run) = &self.import {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            Action::DismissReport => self.last_report = None,
            Action::Browse(browse) => {
                self.browse = browse;
                self.refresh();
            }
            Action::Search(text) => {
                self.search = text;
                self.refresh();
            }
            Action::Select(id) => {
                self.save_note_now();
                self.selected = Some(id);
                self.worker.send(Request::Open(id));
            }
            Action::AddTag(name) => {
                if let (Some(id), false) = (self.selected, name.trim().is_empty()) {
                    self.worker.send(Request::ChangeTags {
                        id,
                        add: vec![name.trim().to_string()],
                        remove: Vec::new(),
                    });
                    self.tag_input.clear();
                }
            }
            Action::RemoveTag(name) => {
                if let Some(id) = self.selected {
                    self.worker.send(Request::ChangeTags {
                        id,
                        add: Vec::new(),
                        remove: vec![name],
                    });
                }
            }
            Action::NoteEdited => self.note_edited_at = Some(ctx.input(|i| i.time)),
            Action::TrashSelected => {
                if let Some(id) = self.selected.take() {
                    self.save_note_now();
                    self.article = None;
                    self.worker.send(Request::Trash(vec![id]));
                }
            }
            Action::RestoreSelected => {
                if let Some(id) = self.selected.take() {
                    self.article = None;
                    self.worker.send(Request::Restore(vec![id]));
                }
            }
        }
    }

    /// Takes in what the worker and the file chooser have answered.
    fn receive(&mut self) {
        while let Some(response) = self.worker.try_recv() {
            match response {
                Response::Listing { rows, total, facets } => {
                    self.rows = rows;
                    self.total = total;
                    self.facets = facets;
                    self.loaded = true;
                }
                Response::Opened(article) => {
                    if Some(article.id) == self.selected {
                        self.note_draft = article.note.clone().unwrap_or_default();
                        self.note_edited_at = None;
                        self.article = Some(*article);
                    }
                }
                Response::ImportProgress(progress) => {
                    if let Some(run) = &mut self.import {
                        run.progress = Some(progress);
                    }
                }
                Response::Imported(report) => {
                    self.import = None;
                    if let Some(first) = report.new_ids().first() {
                        self.selected = Some(*first);
                        self.worker.send(Request::Open(*first));
                    }
                    self.last_report = Some(report);
                    self.browse = Browse::All;
                    self.refresh();
                }
                Response::Changed => {
                    self.refresh();
                    if let Some(id) = self.selected {
                        self.worker.send(Request::Open(id));
                    }
                }
                Response::Failed(message) => {
                    self.import = None;
                    self.error = Some(message);
                }
            }
        }
        while let Ok(picked) = self.picked.1.try_recv() {
            match picked {
                Some(paths) => {
                    self.dialog_unavailable = false;
                    self.pending.push(Action::Import(paths));
                }
                None => self.dialog_unavailable = true,
            }
        }
    }
}

impl FolioApp {
    fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.receive();
        let mut actions = std::mem::take(&mut self.pending);

        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            actions.push(Action::Import(dropped));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            actions.push(Action::PickFiles);
        }

        actions.extend(views::top_bar::show(ui, self));
        actions.extend(views::status_bar::show(ui, self));
        actions.extend(views::sidebar::show(ui, self));
        if self.article.is_some() {
            actions.extend(views::reader::show(ui, self));
        }
        actions.extend(views::centre::show(ui, self));

        if let Some(edited) = self.note_edited_at
            && ctx.input(|i| i.time) - edited > NOTE_SAVE_DELAY
        {
            self.save_note_now();
        } else if self.note_edited_at.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(NOTE_SAVE_DELAY));
        }
        for action in actions {
            self.apply(action, &ctx);
        }
    }
}

impl eframe::App for FolioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_note_now();
    }
}
