//! The app's state and the one place where the user's actions are applied.

use super::annotating::{AnnotateAction, Annotating};
use super::details::{BulkForm, DetailsForm};
use super::list_model::ListModel;
use super::picker::PathPicker;
use super::screenshot::ScreenshotJob;
use super::selection::{ClickMode, Selection};
use super::undo::{UNDO_DEPTH, Undo, tag_change};
use super::views;
use super::worker::{Request, Response, Worker};
use crate::export::ExportFormat;
use crate::ingest::pipeline::{ImportReport, Progress};
use crate::library::Filter;
use crate::library::maintenance::BackupFile;
use crate::library::{Facets, Library, SavedSearch, TopicSuggestion};
use crate::model::{Article, Facet, FacetChoice, Sort, SortKey};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// Which part of the library the list shows: the library's own places.
pub use crate::library::Place as Browse;

/// A topic being named in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicEdit {
    /// A new topic below this one (or at the top).
    New(Option<i64>),
    Rename(i64),
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
    /// Choose a facet's value, or take it back (a chip's ×).
    ToggleFacet(Facet, String),
    /// Take back every facet value chosen.
    ClearFacets,
    /// Narrow the dates to these months (`YYYY-MM`), dragged over the timeline.
    SetDateRange(String, String),
    Search(String),
    Sort(SortKey),
    Click(i64, ClickMode),
    /// Arrow keys: move the cursor by rows; `true` extends the selection.
    Step(isize, bool),
    AddTag(String),
    /// Put a tag on every selected article (`true`) or take it off them.
    TagSelected(String, bool),
    RemoveTag(String),
    /// Show a name field in place of this tag.
    StartRenameTag(String),
    /// Rename a tag (onto an existing one: a merge).
    RenameTag(String, String),
    /// Ask before deleting a tag from its articles (how many).
    AskDeleteTag(String, usize),
    DeleteTag(String),
    CancelTagEdit,
    /// File the open article under this topic (by id), or take it out.
    FileUnder(i64),
    /// Open the form to edit the selected articles' details together.
    StartBulkEdit,
    ApplyBulkEdit,
    CancelBulkEdit,
    /// Give a tag a colour (`None`: no colour).
    SetTagColor(String, Option<String>),
    /// Open a name field for a new topic (below this one, or at the top).
    StartNewTopic(Option<i64>),
    /// Open a name field to rename one of the user's topics.
    StartRenameTopic(i64, String),
    /// The name field's text was entered.
    FinishTopicEdit,
    CancelTopicEdit,
    /// Move one of the user's topics under another (or to the top).
    MoveTopic(i64, Option<i64>),
    /// Not this suggested topic (by id) for the open article.
    RejectSuggestion(i64),
    TakeOutOf(i64),
    NoteEdited,
    TrashSelected,
    RestoreSelected,
    /// Ask before deleting the selected trashed articles for good.
    AskPurge,
    Purge,
    CancelPurge,
    EditDetails,
    SaveDetails,
    CancelDetails,
    TextSize(f32),
    CloseReader,
    DismissChooser,
    /// Rows of the list scrolled into view whose text is not here yet.
    LoadRows(Vec<i64>),
    Undo,
    AskEmptyTrash,
    EmptyTrash,
    CancelEmptyTrash,
    BackupNow,
    /// Show the backups to restore from.
    ShowBackups,
    /// Ask before restoring this backup.
    ChooseBackup(PathBuf),
    RestoreBackup,
    CloseBackups,
    DismissStatus,
    SaveSearch(String),
    RunSavedSearch(SavedSearch),
    DeleteSavedSearch(i64),
    /// List the articles most like the open one.
    MoreLikeThis,
    ClearMoreLikeThis,
    /// Move through the searched words in the reader.
    StepMatch(isize),
    Annotate(AnnotateAction),
    /// Export the selection, or the list, in this format.
    Export(ExportFormat),
}

/// What the save dialog answered (`None`: cancelled), and what it was for.
type SaveAnswer = (PickedSave, Option<PathBuf>);

/// What a save dialog was opened for.
#[derive(Debug, Clone, PartialEq)]
pub enum PickedSave {
    Annotations {
        article: Option<i64>,
        json: bool,
    },
    /// Articles (by id) in this format.
    Articles {
        ids: Vec<i64>,
        format: ExportFormat,
    },
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

pub struct ImportRun {
    pub progress: Option<Progress>,
    pub cancel: Arc<AtomicBool>,
}

/// What is remembered between runs (with the window size, panel widths and
/// theme, which eframe and egui keep themselves).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub text_size: f32,
    pub sort: Sort,
    pub browse: Browse,
    /// The facet values chosen in the sidebar, shown as chips over the list.
    pub choice: FacetChoice,
    pub open_article: Option<i64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            text_size: 16.0,
            sort: Sort::default(),
            browse: Browse::All,
            choice: FacetChoice::default(),
            open_article: None,
        }
    }
}

const SETTINGS_KEY: &str = "folio-settings";

/// View state. Views read it; only [`FolioApp::apply`] and the worker's
/// answers change it.
pub struct FolioApp {
    pub(super) worker: Worker,
    picker: Arc<dyn PathPicker>,
    picked: (Sender<PickedPaths>, Receiver<PickedPaths>),
    pub settings: Settings,
    pub search: String,
    /// The list: every id in order, row text by page.
    pub list: ListModel,
    /// Listings asked for, and the newest shown: while they differ, the
    /// list is about to change.
    asked_listing: u64,
    shown_listing: u64,
    pub total: usize,
    pub facets: Facets,
    /// False until the first listing arrives: nothing is known yet.
    pub loaded: bool,
    pub selection: Selection,
    pub article: Option<Article>,
    pub note_draft: String,
    /// When the note was last typed in (egui time), to save after a pause.
    note_edited_at: Option<f64>,
    pub tag_input: String,
    /// The form editing the selected articles' details together, when open.
    pub bulk_edit: Option<BulkForm>,
    /// A topic being named in the sidebar, and the name typed so far.
    pub topic_edit: Option<(TopicEdit, String)>,
    /// What is typed over the sidebar's tags, to narrow them.
    pub tag_filter: String,
    /// Topics proposed for the open article.
    pub suggestions: Vec<TopicSuggestion>,
    /// The tag typed over the list, for every selected article.
    pub bulk_tag_input: String,
    /// The details form, while the user corrects an article's metadata.
    pub details: Option<DetailsForm>,
    pub import: Option<ImportRun>,
    pub last_report: Option<ImportReport>,
    pub error: Option<String>,
    pub chooser: Chooser,
    pub manual_path: String,
    /// Articles waiting for the user to confirm deletion for good.
    pub confirm_purge: Option<Vec<i64>>,
    /// Set once when text in a script no installed font covers was seen.
    pub missing_font_notice: Option<String>,
    font_checked: bool,
    /// The cursor moved by keyboard: scroll the list to it once.
    pub scroll_to_cursor: bool,
    /// Actions that arrived between frames (a chosen file, say).
    pending: Vec<Action>,
    /// Changes that Ctrl+Z takes back, the last one last.
    pub undo: Vec<Undo>,
    /// The article whose note edit is already on the undo stack.
    note_undo_for: Option<i64>,
    /// Asking before the trash is emptied.
    pub confirm_empty_trash: bool,
    /// The backups window: the list, and the one chosen to restore.
    pub backups: Option<Vec<BackupFile>>,
    pub backup_choice: Option<PathBuf>,
    /// A passing message: a backup written, a restore done.
    pub status: Option<String>,
    /// The list shows the articles most like this one (id, title).
    pub similar_to: Option<(i64, String)>,
    /// The name typed for the search being saved, while the field is open.
    pub saving_search: Option<String>,
    /// Which match of the searched words the reader points at, how many
    /// there are (as last drawn), and whether to scroll to it.
    pub match_cursor: usize,
    pub match_count: usize,
    pub scroll_to_match: bool,
    /// `--screenshot`: save a picture of the window and quit.
    screenshot: Option<ScreenshotJob>,
    /// Highlights, comments, the note's editor and the annotations view.
    pub annotating: Annotating,
    /// A tag being renamed in the sidebar: its name, and the new one as typed.
    pub renaming_tag: Option<(String, String)>,
    /// Asking before a tag is deleted from its articles (name, how many).
    pub confirm_delete_tag: Option<(String, usize)>,
    /// Where the save dialog said to write, for what.
    saved_to: (Sender<SaveAnswer>, Receiver<SaveAnswer>),
}

/// Seconds of quiet typing after which a note is saved.
const NOTE_SAVE_DELAY: f64 = 0.6;

impl FolioApp {
    pub fn new(ctx: &egui::Context, library: Library, picker: Arc<dyn PathPicker>) -> FolioApp {
        Self::with_settings(ctx, library, picker, Settings::default())
    }

    /// Starts with remembered settings from eframe's storage, when there are any.
    pub fn restored(
        cc: &eframe::CreationContext<'_>,
        library: Library,
        picker: Arc<dyn PathPicker>,
    ) -> FolioApp {
        Self::with_settings(&cc.egui_ctx, library, picker, Self::remembered(cc))
    }

    /// The settings eframe kept from the last run.
    pub fn remembered(cc: &eframe::CreationContext<'_>) -> Settings {
        cc.storage
            .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
            .unwrap_or_default()
    }

    pub(super) fn with_settings(
        ctx: &egui::Context,
        library: Library,
        picker: Arc<dyn PathPicker>,
        settings: Settings,
    ) -> FolioApp {
        let repaint = ctx.clone();
        let worker = Worker::start(library, move || repaint.request_repaint());
        let mut app = FolioApp {
            worker,
            picker,
            picked: channel(),
            saved_to: channel(),
            annotating: Annotating::default(),
            renaming_tag: None,
            confirm_delete_tag: None,
            settings,
            search: String::new(),
            list: ListModel::default(),
            asked_listing: 0,
            shown_listing: 0,
            total: 0,
            facets: Facets::default(),
            loaded: false,
            selection: Selection::default(),
            article: None,
            note_draft: String::new(),
            note_edited_at: None,
            tag_input: String::new(),
            suggestions: Vec::new(),
            tag_filter: String::new(),
            topic_edit: None,
            bulk_edit: None,
            bulk_tag_input: String::new(),
            details: None,
            import: None,
            last_report: None,
            error: None,
            chooser: Chooser::Closed,
            manual_path: String::new(),
            confirm_purge: None,
            missing_font_notice: None,
            font_checked: false,
            scroll_to_cursor: false,
            pending: Vec::new(),
            screenshot: None,
            undo: Vec::new(),
            note_undo_for: None,
            confirm_empty_trash: false,
            backups: None,
            backup_choice: None,
            status: None,
            similar_to: None,
            saving_search: None,
            match_cursor: 0,
            match_count: 0,
            scroll_to_match: false,
        };
        if let Some(id) = app.settings.open_article {
            app.selection.set(&[id]);
            app.worker.send(Request::Open(id));
        }
        app.refresh();
        app.worker.send(Request::BackupIfDue);
        app
    }

    /// Saves a picture of the window to `path` once it has loaded, then quits.
    pub fn take_screenshot(mut self, path: PathBuf) -> Self {
        self.screenshot = Some(ScreenshotJob::new(path));
        self
    }

    pub fn browse(&self) -> &Browse {
        &self.settings.browse
    }

    pub(super) fn filter(&self) -> Filter {
        self.settings
            .browse
            .filter(&self.settings.choice, self.settings.sort)
    }

    fn refresh(&mut self) {
        self.asked_listing += 1;
        let generation = self.asked_listing;
        if let Some((id, _)) = &self.similar_to {
            self.worker.send(Request::Similar { id: *id, generation });
            return;
        }
        self.worker.send(Request::Refresh {
            filter: self.filter(),
            search: self.search.clone(),
            counts: true,
            generation,
        });
    }

    /// A listing was asked for and has not arrived yet.
    pub fn is_loading(&self) -> bool {
        self.shown_listing < self.asked_listing
    }

    /// The same place in another order or with other search words: the
    /// sidebar's counts cannot have changed.
    fn refresh_list_only(&mut self) {
        if self.similar_to.is_some() {
            return self.refresh();
        }
        self.asked_listing += 1;
        self.worker.send(Request::Refresh {
            filter: self.filter(),
            search: self.search.clone(),
            counts: false,
            generation: self.asked_listing,
        });
    }

    pub(super) fn save_note_now(&mut self) {
        if let (Some(_), Some(article)) = (self.note_edited_at.take(), &self.article) {
            self.worker.send(Request::SetNote {
                id: article.id,
                text: self.note_draft.clone(),
            });
        }
    }

    pub(super) fn open(&mut self, id: Option<i64>) {
        if self.article.as_ref().map(|a| a.id) == id {
            return;
        }
        self.save_note_now();
        self.details = None;
        self.note_undo_for = None;
        self.match_cursor = 0;
        self.scroll_to_match = true;
        self.settings.open_article = id;
        match id {
            Some(id) => self.worker.send(Request::Open(id)),
            None => self.article = None,
        }
    }

    fn row_order(&self) -> Vec<i64> {
        self.list.ids().to_vec()
    }

    /// Applies one action: the only place view state changes on user input.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::PickFiles | Action::PickFolder => {
                let picker = self.picker.clone();
                let reply = self.picked.0.clone();
                let wake = ctx.clone();
                let folder = action == Action::PickFolder;
                self.chooser = Chooser::Waiting(ctx.input(|i| i.time));
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
                self.error = None;
                self.worker.send(Request::Import { paths, cancel });
            }
            Action::Import(_) => {}
            Action::CancelImport => {
                if let Some(run) = &self.import {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            }
            Action::DismissReport => self.last_report = None,
            Action::DismissChooser => self.chooser = Chooser::Closed,
            Action::Browse(browse) => {
                self.similar_to = None;
                self.annotating.view = None;
                // A new place in the library starts with nothing open, as a
                // mail client does when another folder is chosen.
                if browse != self.settings.browse {
                    self.selection.clear();
                    self.open(None);
                }
                // "All articles" is the way back to the whole library.
                if browse == Browse::All {
                    self.settings.choice = FacetChoice::default();
                }
                self.settings.browse = browse;
                self.refresh();
            }
            Action::ToggleFacet(facet, value) => {
                self.similar_to = None;
                self.annotating.view = None;
                if self.settings.browse == Browse::Trash {
                    self.settings.browse = Browse::All;
                }
                self.settings.choice.toggle(facet, &value);
                self.selection.clear();
                self.refresh();
            }
            Action::SetDateRange(from, to) => {
                let choice = &mut self.settings.choice;
                choice.years.clear();
                choice.months.clear();
                choice.range = Some((from, to));
                self.selection.clear();
                self.refresh();
            }
            Action::ClearFacets => {
                self.settings.choice = FacetChoice::default();
                self.selection.clear();
                self.refresh();
            }
            Action::Search(text) => {
                self.similar_to = None;
                self.match_cursor = 0;
                self.search = text;
                self.refresh_list_only();
            }
            Action::Sort(key) => {
                let sort = &mut self.settings.sort;
                if sort.key == key {
                    sort.descending = !sort.descending;
                } else {
                    // Dates read best newest first; names alphabetically.
                    *sort = Sort {
                        key,
                        descending: matches!(key, SortKey::Published | SortKey::Imported),
                    };
                }
                self.refresh_list_only();
            }
            Action::Click(id, mode) => {
                let order = self.row_order();
                self.selection.click(id, mode, &order);
                self.open(self.selection.cursor());
            }
            Action::Step(delta, extend) => {
                let order = self.row_order();
                self.selection.step(delta, extend, &order);
                self.scroll_to_cursor = true;
                self.open(self.selection.cursor());
            }
            Action::AddTag(name) => {
                if !name.trim().is_empty() {
                    self.change_tags(vec![name.trim().to_string()], Vec::new());
                    self.tag_input.clear();
                }
            }
            Action::RemoveTag(name) => self.change_tags(Vec::new(), vec![name]),
            Action::TagSelected(name, add) => {
                let tag = name.trim().to_string();
                if !tag.is_empty() && !self.selection.is_empty() {
                    self.worker.send(Request::TagMany {
                        ids: self.selection.ids(),
                        tag,
                        add,
                        undoing: false,
                    });
                }
            }
            Action::StartRenameTag(name) => self.renaming_tag = Some((name.clone(), name)),
            Action::RenameTag(old, new) => {
                self.renaming_tag = None;
                if !new.trim().is_empty() && new.trim() != old {
                    // A chosen tag stays chosen under its new name.
                    let tags = &mut self.settings.choice.tags;
                    if let Some(chosen) = tags.iter_mut().find(|t| **t == old) {
                        *chosen = new.trim().to_string();
                    }
                    self.worker.send(Request::RenameTag { old, new });
                }
            }
            Action::AskDeleteTag(name, count) => self.confirm_delete_tag = Some((name, count)),
            Action::DeleteTag(name) => {
                self.confirm_delete_tag = None;
                self.settings.choice.tags.retain(|t| *t != name);
                self.worker.send(Request::DeleteTag(name));
            }
            Action::CancelTagEdit => {
                self.renaming_tag = None;
                self.confirm_delete_tag = None;
            }
            Action::FileUnder(topic) => self.change_topics(vec![topic], Vec::new()),
            Action::StartNewTopic(parent) => self.topic_edit = Some((TopicEdit::New(parent), String::new())),
            Action::StartRenameTopic(id, name) => self.topic_edit = Some((TopicEdit::Rename(id), name)),
            Action::CancelTopicEdit => self.topic_edit = None,
            Action::FinishTopicEdit => {
                if let Some((edit, name)) = self.topic_edit.take()
                    && !name.trim().is_empty()
                {
                    self.worker.send(match edit {
                        TopicEdit::New(parent) => Request::AddTopic { name, parent },
                        TopicEdit::Rename(id) => Request::RenameTopic { id, name },
                    });
                }
            }
            Action::StartBulkEdit => self.bulk_edit = Some(BulkForm::default()),
            Action::CancelBulkEdit => self.bulk_edit = None,
            Action::ApplyBulkEdit => {
                if let Some(form) = &mut self.bulk_edit {
                    match form.to_changes() {
                        Ok(changes) => {
                            self.worker.send(Request::EditMany {
                                ids: self.selection.ids(),
                                changes,
                            });
                            self.bulk_edit = None;
                        }
                        Err(problem) => form.problem = Some(problem),
                    }
                }
            }
            Action::SetTagColor(name, color) => self.worker.send(Request::SetTagColor { name, color }),
            Action::MoveTopic(id, parent) => self.worker.send(Request::MoveTopic { id, parent }),
            Action::RejectSuggestion(topic) => {
                if let Some(article) = self.article.as_ref().map(|a| a.id) {
                    self.suggestions.retain(|s| s.topic_id != topic);
                    self.push_undo(Undo::Rejected { article, topic });
                    self.worker.send(Request::RejectSuggestion {
                        article,
                        topic,
                        reject: true,
                    });
                }
            }
            Action::TakeOutOf(topic) => self.change_topics(Vec::new(), vec![topic]),
            Action::NoteEdited => {
                self.note_edited_at = Some(ctx.input(|i| i.time));
                if let Some(article) = &self.article
                    && self.note_undo_for != Some(article.id)
                {
                    self.note_undo_for = Some(article.id);
                    self.push_undo(Undo::Note {
                        id: article.id,
                        previous: article.note.clone().unwrap_or_default(),
                    });
                }
            }
            Action::TrashSelected | Action::RestoreSelected => {
                let ids = self.selected_or_open();
                if !ids.is_empty() {
                    self.save_note_now();
                    self.selection.clear();
                    self.open(None);
                    if action == Action::TrashSelected {
                        self.push_undo(Undo::Trashed(ids.clone()));
                        self.worker.send(Request::Trash(ids));
                    } else {
                        self.push_undo(Undo::Restored(ids.clone()));
                        self.worker.send(Request::Restore(ids));
                    }
                }
            }
            Action::AskPurge => {
                let ids = self.selection.ids();
                if !ids.is_empty() && self.settings.browse == Browse::Trash {
                    self.confirm_purge = Some(ids);
                }
            }
            Action::Purge => {
                if let Some(ids) = self.confirm_purge.take() {
                    self.selection.clear();
                    self.open(None);
                    self.worker.send(Request::Purge(ids));
                }
            }
            Action::CancelPurge => self.confirm_purge = None,
            Action::EditDetails => self.details = self.article.as_ref().map(DetailsForm::from_article),
            Action::CancelDetails => self.details = None,
            Action::SaveDetails => {
                let (Some(form), Some(article)) = (&self.details, &self.article) else {
                    return;
                };
                match form.to_details(&article.meta) {
                    Ok(details) => {
                        let id = article.id;
                        let previous = Box::new(article.meta.clone());
                        self.push_undo(Undo::Details { id, previous });
                        self.worker.send(Request::UpdateDetails {
                            id,
                            details: Box::new(details),
                        });
                        self.details = None;
                    }
                    Err(problem) => {
                        if let Some(form) = &mut self.details {
                            form.problem = Some(problem);
                        }
                    }
                }
            }
            Action::Undo => {
                if let Some(undo) = self.undo.pop() {
                    if let Undo::Note { id, previous } = &undo
                        && self.article.as_ref().is_some_and(|a| a.id == *id)
                    {
                        self.note_draft = previous.clone();
                        self.note_edited_at = None;
                        self.note_undo_for = None;
                    }
                    self.status = Some(format!("{}: done", undo.label()));
                    self.worker.send(undo.into_request());
                }
            }
            Action::AskEmptyTrash => self.confirm_empty_trash = self.facets.trash > 0,
            Action::CancelEmptyTrash => self.confirm_empty_trash = false,
            Action::EmptyTrash => {
                self.confirm_empty_trash = false;
                self.selection.clear();
                if self.article.as_ref().is_some_and(|a| a.deleted_at.is_some()) {
                    self.open(None);
                }
                // Undo entries about articles that are gone for good would fail.
                self.undo.clear();
                self.worker.send(Request::EmptyTrash);
            }
            Action::BackupNow => {
                self.status = Some("Backing up…".into());
                self.worker.send(Request::BackupNow);
            }
            Action::ShowBackups => {
                self.backups = Some(Vec::new());
                self.backup_choice = None;
                self.worker.send(Request::ListBackups);
            }
            Action::ChooseBackup(path) => self.backup_choice = Some(path),
            Action::CloseBackups => {
                self.backups = None;
                self.backup_choice = None;
            }
            Action::RestoreBackup => {
                if let Some(path) = self.backup_choice.take() {
                    self.backups = None;
                    self.save_note_now();
                    self.selection.clear();
                    self.open(None);
                    self.undo.clear();
                    self.status = Some("Restoring…".into());
                    self.worker.send(Request::RestoreBackup(path));
                }
            }
            Action::DismissStatus => self.status = None,
            Action::LoadRows(ids) => self.worker.send(Request::Rows(ids)),
            Action::SaveSearch(name) => {
                let name = name.trim().to_string();
                if !name.is_empty() && !self.search.trim().is_empty() {
                    let place = self.settings.browse;
                    self.worker.send(Request::SaveSearch {
                        name,
                        query: self.search.clone(),
                        place,
                    });
                    self.saving_search = None;
                }
            }
            Action::RunSavedSearch(saved) => {
                self.similar_to = None;
                self.selection.clear();
                self.open(None);
                self.settings.browse = saved.place;
                self.search = saved.query;
                self.refresh();
            }
            Action::DeleteSavedSearch(id) => self.worker.send(Request::DeleteSavedSearch(id)),
            Action::MoreLikeThis => {
                if let Some(article) = &self.article {
                    self.similar_to = Some((article.id, article.title_or_untitled().to_string()));
                    self.selection.clear();
                    self.refresh();
                }
            }
            Action::StepMatch(delta) => {
                if self.match_count > 0 {
                    let n = self.match_count as isize;
                    self.match_cursor = ((self.match_cursor as isize + delta).rem_euclid(n)) as usize;
                    self.scroll_to_match = true;
                }
            }
            Action::ClearMoreLikeThis => {
                self.similar_to = None;
                self.refresh();
            }
            Action::CloseReader => {
                self.selection.clear();
                self.open(None);
            }
            Action::TextSize(size) => self.settings.text_size = size.clamp(12.0, 26.0),
            Action::Annotate(action) => self.annotate(action),
            Action::Export(format) => self.export_articles(format),
        }
    }

    /// Opens the save dialog on a helper thread, as for imports (a folder
    /// chooser for a Markdown vault).
    pub(super) fn ask_save_path(&mut self, file_name: String, what: PickedSave) {
        let picker = self.picker.clone();
        let reply = self.saved_to.0.clone();
        let folder = matches!(&what, PickedSave::Articles { format, .. } if format.extension().is_none());
        std::thread::spawn(move || {
            let path = if folder {
                picker.pick_folder()
            } else {
                picker.save_file(&file_name)
            };
            let _ = reply.send((what, path));
        });
    }

    /// Exports the selected articles, or, with none selected, the list as
    /// it stands (the place browsed, the search typed).
    fn export_articles(&mut self, format: ExportFormat) {
        let ids: Vec<i64> = if self.selection.is_empty() {
            self.list.ids().to_vec()
        } else {
            self.row_order()
                .into_iter()
                .filter(|id| self.selection.contains(*id))
                .collect()
        };
        if ids.is_empty() {
            self.status = Some("There is nothing in the list to export.".into());
            return;
        }
        self.ask_save_path(format.file_name(), PickedSave::Articles { ids, format });
    }

    pub(super) fn push_undo(&mut self, undo: Undo) {
        self.undo.push(undo);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    fn change_tags(&mut self, add: Vec<String>, remove: Vec<String>) {
        let Some(article) = &self.article else {
            return;
        };
        let (added, removed) = tag_change(&article.tags, &add, &remove);
        if added.is_empty() && removed.is_empty() {
            return;
        }
        let id = article.id;
        self.push_undo(Undo::Tags {
            id,
            added: added.clone(),
            removed: removed.clone(),
        });
        self.worker.send(Request::ChangeTags {
            id,
            add: added,
            remove: removed,
        });
    }

    fn change_topics(&mut self, add: Vec<i64>, remove: Vec<i64>) {
        let Some(article) = &self.article else {
            return;
        };
        let filed: Vec<i64> = article.topics.iter().map(|t| t.id).collect();
        let added: Vec<i64> = add.into_iter().filter(|t| !filed.contains(t)).collect();
        let removed: Vec<i64> = remove.into_iter().filter(|t| filed.contains(t)).collect();
        if added.is_empty() && removed.is_empty() {
            return;
        }
        let id = article.id;
        self.push_undo(Undo::Topics {
            id,
            added: added.clone(),
            removed: removed.clone(),
        });
        self.worker.send(Request::ChangeTopics {
            id,
            add: added,
            remove: removed,
        });
    }

    /// The selected rows, or the open article when nothing is selected.
    fn selected_or_open(&self) -> Vec<i64> {
        if self.selection.is_empty() {
            self.article.iter().map(|a| a.id).collect()
        } else {
            self.selection.ids()
        }
    }

    /// Takes in what the worker and the file chooser have answered.
    fn receive(&mut self, ctx: &egui::Context) {
        while let Ok((what, path)) = self.saved_to.1.try_recv() {
            match (what, path) {
                (PickedSave::Annotations { article, json }, Some(path)) => {
                    self.worker
                        .send(Request::ExportAnnotations { article, json, path });
                }
                (PickedSave::Articles { ids, format }, Some(path)) => {
                    self.status = Some(format!("Exporting {} articles…", ids.len()));
                    self.worker.send(Request::ExportArticles { ids, format, path });
                }
                (_, None) => {}
            }
        }
        while let Some(response) = self.worker.try_recv() {
            match response {
                Response::Listing {
                    ids,
                    rows,
                    snippets,
                    facets,
                    generation,
                } => {
                    self.shown_listing = self.shown_listing.max(generation);
                    self.total = ids.len();
                    self.list.replace(ids, rows);
                    self.list.set_snippets(snippets);
                    if let Some(facets) = facets {
                        self.facets = *facets;
                    }
                    self.loaded = true;
                    let order = self.row_order();
                    self.selection.retain_visible(&order);
                    self.check_fonts(ctx);
                }
                Response::Rows(rows) => self.list.fill(rows),
                Response::Opened(article) => {
                    if Some(article.id) == self.settings.open_article {
                        let same = self.article.as_ref().is_some_and(|a| a.id == article.id);
                        // A reload while the note is being typed keeps what was typed.
                        if !same || self.note_edited_at.is_none() {
                            self.note_draft = article.note.clone().unwrap_or_default();
                            self.note_edited_at = None;
                        }
                        let has_note = article.note.as_deref().is_some_and(|n| !n.trim().is_empty());
                        self.annotating
                            .article_loaded(&article.highlights, same, has_note);
                        if !same {
                            self.suggestions.clear();
                        }
                        // Proposals change as the article is filed; asked
                        // apart, so the article shows at once.
                        self.worker.send(Request::Suggestions(article.id));
                        self.article = Some(*article);
                    }
                }
                Response::NotOpened(id) => {
                    // A remembered article that is gone: start with none open.
                    if Some(id) == self.settings.open_article {
                        self.settings.open_article = None;
                        self.article = None;
                    }
                }
                Response::ImportProgress(progress) => {
                    if let Some(run) = &mut self.import {
                        run.progress = Some(progress);
                    }
                }
                Response::Imported(report) => {
                    self.import = None;
                    let new = report.new_ids();
                    if !new.is_empty() {
                        // Show what arrived: newest imports first, all selected.
                        self.settings.browse = Browse::Recent;
                        self.selection.set(&new);
                        self.open(new.first().copied());
                    }
                    self.last_report = Some(report);
                    self.refresh();
                }
                Response::AnnotationsChanged(id) => {
                    if self.settings.open_article == Some(id) {
                        self.worker.send(Request::Open(id));
                    }
                    self.query_annotations();
                }
                Response::HighlightAdded(h) => {
                    // Its comment field takes the keyboard, to write why.
                    self.annotating.focus_comment = Some(h.id);
                    if self.settings.open_article == Some(h.article_id) {
                        self.worker.send(Request::Open(h.article_id));
                    }
                    self.query_annotations();
                }
                Response::Annotations { list, generation } => self.annotations_arrived(list, generation),
                Response::Exported { path, what } => {
                    self.status = Some(format!("{what} written to {}", path.display()));
                }
                Response::EditedMany { previous, filed } => {
                    self.status = Some(format!("Changed the details of {} articles", previous.len()));
                    if !previous.is_empty() {
                        self.push_undo(Undo::DetailsMany { previous, filed });
                    }
                    self.refresh();
                    if let Some(id) = self.settings.open_article {
                        self.worker.send(Request::Open(id));
                    }
                }
                Response::Suggestions { article, list } => {
                    if self.article.as_ref().is_some_and(|a| a.id == article) {
                        self.suggestions = list;
                    }
                }
                Response::TaggedMany {
                    tag,
                    add,
                    changed,
                    undoing,
                } => {
                    let n = changed.len();
                    let articles = if n == 1 { "article" } else { "articles" };
                    self.status = Some(match (add, n) {
                        (true, 0) => format!("Every selected article already has “{tag}”"),
                        (false, 0) => format!("No selected article has “{tag}”"),
                        (true, n) => format!("Tagged {n} {articles} “{tag}”"),
                        (false, n) => format!("Took “{tag}” off {n} {articles}"),
                    });
                    if n > 0 && !undoing {
                        self.bulk_tag_input.clear();
                        self.push_undo(Undo::TagMany {
                            ids: changed,
                            tag,
                            added: add,
                        });
                    }
                    self.refresh();
                    if let Some(id) = self.settings.open_article {
                        self.worker.send(Request::Open(id));
                    }
                }
                Response::Changed => {
                    self.refresh();
                    if let Some(id) = self.settings.open_article {
                        self.worker.send(Request::Open(id));
                    }
                }
                Response::BackedUp(Some(path)) => {
                    self.status = Some(format!("Backed up and verified: {}", path.display()));
                }
                Response::BackedUp(None) => {}
                Response::Backups(list) => {
                    if self.backups.is_some() {
                        self.backups = Some(list);
                    }
                }
                Response::Restored { from, safety } => {
                    self.status = Some(format!(
                        "Restored from {}. What the library held before is kept in {}.",
                        from.display(),
                        safety.display()
                    ));
                    self.refresh();
                }
                Response::Failed(message) => {
                    // Whatever failed, no listing is on its way for it.
                    self.shown_listing = self.asked_listing;
                    self.import = None;
                    self.error = Some(message);
                }
            }
        }
        while let Ok(picked) = self.picked.1.try_recv() {
            match picked {
                Some(paths) => {
                    self.chooser = Chooser::Closed;
                    self.pending.push(Action::Import(paths));
                }
                None => self.chooser = Chooser::NothingChosen,
            }
        }
    }

    /// When a listing arrives, once CJK text first appears in it: can any
    /// installed font draw it?
    fn check_fonts(&mut self, ctx: &egui::Context) {
        if self.font_checked {
            return;
        }
        let sample = self
            .list
            .titles()
            .iter()
            .flat_map(|t| t.chars())
            .find(|c| crate::import::lines::is_cjk(*c));
        if let Some(c) = sample {
            self.font_checked = true;
            let drawable = ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::proportional(14.0), c));
            if !drawable {
                self.missing_font_notice = Some(
                    "Some titles use Chinese, Japanese or Korean characters, but no font for them is \
                     installed. Install one (for example the Noto CJK fonts: fonts-noto-cjk) and restart Folio."
                        .to_string(),
                );
            }
        }
    }

    fn keyboard(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            actions.push(Action::PickFiles);
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Plus))
            || ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Equals))
        {
            actions.push(Action::TextSize(self.settings.text_size + 1.0));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Minus)) {
            actions.push(Action::TextSize(self.settings.text_size - 1.0));
        }
        // The reader's text is a read-only text box (to select passages in):
        // there is nothing to type in it.
        let reading =
            ctx.memory(|m| m.focused()).is_some() && ctx.memory(|m| m.focused()) == self.annotating.text_id;
        let typing = ctx.text_edit_focused() && !reading;
        // Ctrl+Z in a text field undoes typing there; elsewhere, the last change.
        if !typing && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z)) {
            actions.push(Action::Undo);
        }
        if self.article.is_some()
            && self.annotating.selection.is_some()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::H))
        {
            actions.push(Action::Annotate(AnnotateAction::Highlight {
                color: self.annotating.color.clone(),
            }));
        }
        // List keys work only while no text field has the keyboard.
        if ctx.text_edit_focused() || self.confirm_purge.is_some() {
            return;
        }
        ctx.input(|i| {
            let shift = i.modifiers.shift;
            if i.key_pressed(egui::Key::ArrowDown) {
                actions.push(Action::Step(1, shift));
            }
            if i.key_pressed(egui::Key::ArrowUp) {
                actions.push(Action::Step(-1, shift));
            }
            if i.key_pressed(egui::Key::PageDown) {
                actions.push(Action::Step(20, shift));
            }
            if i.key_pressed(egui::Key::PageUp) {
                actions.push(Action::Step(-20, shift));
            }
            if i.key_pressed(egui::Key::Enter) && self.article.is_none() {
                actions.push(Action::Step(0, false));
            }
            if i.key_pressed(egui::Key::F3) {
                actions.push(Action::StepMatch(if shift { -1 } else { 1 }));
            }
            if i.key_pressed(egui::Key::Escape) && self.article.is_some() {
                actions.push(Action::CloseReader);
            }
            if i.key_pressed(egui::Key::Delete) {
                actions.push(if self.settings.browse == Browse::Trash {
                    Action::AskPurge
                } else {
                    Action::TrashSelected
                });
            }
        });
    }

    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.receive(&ctx);
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
        self.keyboard(&ctx, &mut actions);

        actions.extend(views::top_bar::show(ui, self));
        actions.extend(views::status_bar::show(ui, self));
        actions.extend(views::sidebar::show(ui, self));
        if self.article.is_some() {
            // Added first, so it stands at the window's edge, beside the reader.
            actions.extend(views::annotations::show(ui, self));
            actions.extend(views::reader::show(ui, self));
        }
        if self.annotating.view.is_some() {
            actions.extend(views::annotations_view::show(ui, self));
        } else {
            actions.extend(views::centre::show(ui, self));
        }
        self.scroll_to_cursor = false;
        actions.extend(views::confirm::show(&ctx, self));
        actions.extend(views::backups::show(&ctx, self));
        actions.extend(views::bulk_edit::show(&ctx, self));
        views::drop_hint::show(&ctx);

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
        if let Some(job) = &mut self.screenshot {
            job.tick(&ctx, self.loaded);
        }
    }
}

impl eframe::App for FolioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // An import stops at its next batch; what it stored so far stays.
        if let Some(run) = &self.import {
            run.cancel.store(true, Ordering::Relaxed);
        }
        self.save_note_now();
        // The note goes to the library thread; give it a moment to land.
        self.worker.flush();
    }
}
