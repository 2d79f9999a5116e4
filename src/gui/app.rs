//! The app: its sub-states, the coordinator that applies actions to the
//! one that owns them and carries out what follows (requests for the
//! library, undo entries, the few effects that cross from one sub-state to
//! another), the routing of the library's answers, and the frame.

use super::action::Action;
use super::clipboard::{ClipboardSource, SystemClipboard};
use super::inbox::Inbox;
use super::picker::PathPicker;
use super::screenshot::ScreenshotJob;
use super::state::annotating::{AnnotateAction, Annotating, NOTE_SAVE_DELAY};
use super::state::atlas::{AtlasAction, AtlasState, Picture};
use super::state::clipping::ClippingState;
use super::state::compare::CompareState;
use super::state::dialogs::{Dialogs, ListFacts};
use super::state::import::{ImportAction, ImportState};
use super::state::learned::LearnedRules;
use super::state::list::{Browse, ListState, Listing};
use super::state::messages::Messages;
use super::state::outbox::{Effect, Outbox};
use super::state::reader::ReaderState;
use super::state::stories::{StoriesAction, StoriesState};
use super::state::tags::TagEdits;
use super::state::watch::WatchState;
use super::undo::{UNDO_DEPTH, Undo};
use super::views;
use super::views::cache::ViewCache;
use super::worker::{Request, Response, Worker};
use crate::library::Library;
use crate::model::{FacetChoice, Sort};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

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
    /// The library the place, the choice and the open article belong to:
    /// another library starts at its own beginning.
    pub library: Option<PathBuf>,
}

impl Settings {
    /// These settings for the library at `path`: the place browsed, the
    /// choice and the open article are kept only for the library they were
    /// saved with (settings from before Folio noted it are trusted).
    fn for_library(self, path: &std::path::Path) -> Settings {
        let same = |saved: &PathBuf| {
            let canonical =
                |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            canonical(saved) == canonical(path)
        };
        if self.library.as_ref().is_none_or(same) {
            return self;
        }
        Settings {
            text_size: self.text_size,
            sort: self.sort,
            ..Settings::default()
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            text_size: 16.0,
            sort: Sort::default(),
            browse: Browse::All,
            choice: FacetChoice::default(),
            open_article: None,
            library: None,
        }
    }
}

const SETTINGS_KEY: &str = "folio-settings";

/// The window's state, in sub-states with one job each. Views read them;
/// only [`FolioApp::apply`] and the worker's answers change them.
pub struct FolioApp {
    worker: Worker,
    pub list: ListState,
    pub reader: ReaderState,
    pub tags: TagEdits,
    pub dialogs: Dialogs,
    pub import: ImportState,
    pub annotating: Annotating,
    /// A clipping pasted from the clipboard, being read or checked.
    pub clipping: ClippingState,
    pub messages: Messages,
    /// The watched folder, and what landed there.
    pub watch: WatchState,
    /// What corrections taught for later imports, and its table.
    pub learned: LearnedRules,
    /// Whether the centre shows the list, the map or the trends chart, and their counts.
    pub atlas: AtlasState,
    /// The open article's story thread, and the Stories view.
    pub stories: StoriesState,
    /// Two articles side by side, while Compare is open.
    pub compare: CompareState,
    /// Changes that Ctrl+Z takes back, the last one last.
    undo: Vec<Undo>,
    /// What views keep between frames to draw faster.
    cache: ViewCache,
    /// `--screenshot`: save a picture of the window and quit.
    screenshot: Option<ScreenshotJob>,
    /// A text field had the keyboard when the last frame ended: a key that
    /// took it away (Esc, Enter) was the field's, not the list's.
    was_typing: bool,
    /// The library's file, which the remembered settings name.
    library_path: PathBuf,
    /// Files another `folio FILE…` handed to this window (none for a
    /// read-only library, which cannot take them).
    inbox: Option<Inbox>,
}

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
        let library_path = library.path().to_path_buf();
        let settings = settings.for_library(&library_path);
        // Said once, where the user looks: every change would be refused.
        let read_only = library.read_only_reason().map(|reason| {
            format!(
                "This library is open read-only ({reason}): you can read, search and export, not change it."
            )
        });
        let wake = ctx.clone();
        let inbox = read_only
            .is_none()
            .then(|| Inbox::watch(&library_path, move || wake.request_repaint()))
            .flatten();
        // Read here, before the library goes to its thread.
        let watched = library.watched_folder().unwrap_or_default();
        let repaint = ctx.clone();
        let worker = Worker::start(library, move || repaint.request_repaint());
        let mut app = FolioApp {
            worker,
            list: ListState::new(settings.browse, settings.sort, settings.choice),
            reader: ReaderState::new(settings.open_article, settings.text_size),
            tags: TagEdits::default(),
            dialogs: Dialogs::default(),
            import: ImportState::new(picker.clone()),
            annotating: Annotating::default(),
            clipping: ClippingState::new(Arc::new(SystemClipboard::new())),
            watch: WatchState::new(picker, read_only.clone()),
            learned: LearnedRules::default(),
            atlas: AtlasState::default(),
            stories: StoriesState::default(),
            compare: CompareState::default(),
            messages: Messages {
                status: read_only,
                ..Messages::default()
            },
            undo: Vec::new(),
            cache: ViewCache::default(),
            screenshot: None,
            was_typing: false,
            library_path,
            inbox,
        };
        let mut out = Outbox::default();
        if let Some(id) = app.reader.open_article {
            app.list.selection.set(&[id]);
            out.send(Request::Open(id));
        }
        app.list.refresh(&mut out);
        app.watch.remembered(watched, ctx);
        out.send(Request::BackupIfDue);
        app.follow(out);
        app
    }

    /// Pastes from `source` instead of the system's clipboard (tests, and
    /// desktops whose clipboard Folio reads another way).
    pub fn with_clipboard(mut self, source: Arc<dyn ClipboardSource>) -> Self {
        self.clipping = ClippingState::new(source);
        self
    }

    /// Saves a picture of the window to `path` once it has loaded, then quits.
    pub fn take_screenshot(mut self, path: PathBuf) -> Self {
        self.screenshot = Some(ScreenshotJob::new(path));
        self
    }

    /// What is remembered between runs, as it stands.
    pub fn settings(&self) -> Settings {
        Settings {
            text_size: self.reader.text_size,
            sort: self.list.sort,
            browse: self.list.browse,
            choice: self.list.choice.clone(),
            open_article: self.reader.open_article,
            library: Some(self.library_path.clone()),
        }
    }

    /// The library's file.
    pub fn library_path(&self) -> &std::path::Path {
        &self.library_path
    }

    /// A listing was asked for and has not arrived yet.
    pub fn is_loading(&self) -> bool {
        self.list.is_loading()
    }

    /// Applies one action to the sub-state that owns it, then carries out
    /// what follows: the only place state changes on user input.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        let mut out = Outbox::default();
        let article = self.reader.article.as_ref();
        match action {
            Action::List(action) => self.list.apply(action, article.map(|a| a.id), &mut out),
            Action::Reader(action) => self.reader.apply(action, &mut out),
            Action::Tags(action) => self.tags.apply(action, article, &self.list.selection, &mut out),
            Action::Dialog(action) => {
                let facts = ListFacts {
                    selected: self.list.selection.ids(),
                    in_trash: self.list.browse == Browse::Trash,
                    trashed: self.list.facets.trash,
                };
                self.dialogs.apply(action, facts, &mut out);
            }
            Action::Import(action) => self.import.apply(action, ctx, &mut out),
            Action::Annotate(action) => {
                if action == AnnotateAction::ShowView {
                    self.stories.view = None;
                }
                self.annotating.apply(action, article, &mut out)
            }
            Action::Clipping(action) => self.clipping.apply(action, ctx, &mut out),
            Action::Watch(action) => self.watch.apply(action, ctx, &mut out),
            Action::Learned(action) => self.learned.apply(action, &mut out),
            Action::Atlas(action) => {
                // The map or the chart takes the centre from the Stories view.
                if matches!(action, AtlasAction::Show(picture) if picture != Picture::List) {
                    self.stories.view = None;
                }
                self.atlas.apply(action, &mut out)
            }
            Action::Stories(action) => {
                // One view over the list at a time.
                if action == StoriesAction::ShowView {
                    self.annotating.view = None;
                }
                self.stories.apply(action, self.list.filter(), &mut out)
            }
            Action::Compare(action) => {
                let selected = self.list.rows.ids().iter().copied();
                let selected: Vec<i64> = selected.filter(|&id| self.list.selection.contains(id)).collect();
                self.compare.apply(action, &selected, &mut out)
            }
            Action::Undo => self.take_back(&mut out),
            Action::DismissStatus => {
                self.messages.status = None;
                self.messages.said_at = None;
            }
        }
        self.follow(out);
    }

    /// Ctrl+Z: the last change, asked of the library the other way round.
    fn take_back(&mut self, out: &mut Outbox) {
        let Some(undo) = self.undo.pop() else {
            return;
        };
        if let Undo::Note { id, previous } = &undo
            && self.reader.article_id() == Some(*id)
        {
            self.annotating.note_restored(previous);
        }
        out.say(format!("{}: done", undo.label()));
        out.send(undo.into_request());
    }

    /// Carries out an outbox, in order: the coordinator. Effects that cross
    /// sub-states are applied here, each by the sub-state it changes.
    fn follow(&mut self, out: Outbox) {
        for effect in out.0 {
            let mut more = Outbox::default();
            match effect {
                Effect::Send(request) => self.worker.send(*request),
                Effect::Remember(undo) => {
                    self.undo.push(undo);
                    if self.undo.len() > UNDO_DEPTH {
                        self.undo.remove(0);
                    }
                }
                Effect::Say(message) => self.messages.say(message),
                Effect::ClearError => self.messages.error = None,
                Effect::Failed(message) => {
                    self.list.failed();
                    self.import.run = None;
                    self.clipping.failed();
                    self.compare.failed();
                    self.messages.error = Some(message);
                }
                Effect::ForgetUndo => self.undo.clear(),
                Effect::AskSavePath(name, what) => self.import.ask_save_path(name, what),
                effect => self.cross(effect, &mut more),
            }
            if !more.0.is_empty() {
                self.follow(more);
            }
        }
    }

    /// The effects one sub-state's change has on another.
    fn cross(&mut self, effect: Effect, out: &mut Outbox) {
        match effect {
            Effect::Open(id) => self.open(id, out),
            Effect::Select(ids) => self.list.selection.set(&ids),
            Effect::ClearSelection => self.list.selection.clear(),
            Effect::Refresh => self.list.refresh(out),
            Effect::Reload => self.reader.reload(out),
            Effect::ReloadIf(id) if self.reader.open_article == Some(id) => self.reader.reload(out),
            Effect::SaveNote => self.annotating.save_note(self.reader.article_id(), out),
            Effect::CloseIfTrashed
                if self
                    .reader
                    .article
                    .as_ref()
                    .is_some_and(|a| a.deleted_at.is_some()) =>
            {
                self.open(None, out)
            }
            Effect::SearchChanged => self.reader.search_changed(),
            // Another place of the library was chosen: the views over the
            // list give way to it.
            Effect::CloseAnnotations => {
                self.annotating.view = None;
                self.stories.view = None;
            }
            Effect::QueryAnnotations => self.annotating.query(self.list.filter(), out),
            Effect::ShowImported(new) => self.list.show_imported(&new),
            Effect::ChosenTagRenamed(old, new) => self.list.tag_renamed(&old, &new),
            Effect::ChosenTagDeleted(name) => self.list.tag_deleted(&name),
            _ => {}
        }
    }

    /// Opens another article (or none): the note being typed is saved, and
    /// its edits start a new undo entry.
    fn open(&mut self, id: Option<i64>, out: &mut Outbox) {
        if self.reader.article_id() == id {
            return;
        }
        // The list changes its columns as the reader comes or goes: the
        // selected row stays in view.
        if self.reader.article_id().is_some() != id.is_some() {
            self.list.scroll_to_cursor = true;
        }
        self.annotating.save_note(self.reader.article_id(), out);
        self.annotating.save_comments(self.reader.article.as_ref(), out);
        self.annotating.article_closing();
        self.reader.open(id, out);
    }

    /// Takes in what the worker and the dialogs have answered, each answer
    /// by the sub-state it is for.
    fn receive(&mut self, ctx: &egui::Context) {
        let mut out = Outbox::default();
        self.import.poll(ctx, &mut out);
        self.clipping.poll(&mut out);
        self.watch.poll(ctx, &mut out);
        while let Some(response) = self.worker.try_recv() {
            self.route(response, ctx, &mut out);
        }
        self.take_handed_over(ctx, &mut out);
        self.follow(out);
    }

    /// Files another `folio FILE…` handed over are imported as dropped
    /// ones are, after the import running, if one is.
    fn take_handed_over(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        let Some(inbox) = &mut self.inbox else {
            return;
        };
        let arrived = inbox.take(self.import.run.is_some());
        for message in arrived.refused {
            out.say(message);
        }
        if let Some(files) = arrived.files {
            self.import.apply(ImportAction::Import(files), ctx, out);
        }
    }

    fn route(&mut self, response: Response, ctx: &egui::Context, out: &mut Outbox) {
        match response {
            Response::Listing {
                ids,
                rows,
                snippets,
                facets,
                generation,
            } => {
                let listing = Listing {
                    ids,
                    rows,
                    snippets,
                    facets,
                    generation,
                };
                self.list.listed(listing, ctx);
            }
            Response::Rows(rows) => self.list.rows.fill(rows),
            Response::Counts { facets, generation } => self.list.counted(*facets, generation),
            Response::Opened(article) => {
                let id = article.id;
                if let Some(same) = self.reader.opened(*article, out)
                    && let Some(article) = &self.reader.article
                {
                    self.annotating.article_loaded(article, same);
                }
                // Its thread, asked each time it is read again, so a
                // correction shows at once; after what the reader asked
                // for, so the section (under the topics) arrives last and
                // nothing above it moves it once it shows.
                out.send(Request::StoryOf(id));
            }
            Response::NotOpened(id) => self.reader.not_opened(id),
            Response::Suggestions { article, list } => self.reader.suggested(article, list),
            r @ (Response::ImportProgress(_) | Response::Imported(_)) => self.import.receive(r, out),
            r @ (Response::AnnotationsChanged(_)
            | Response::HighlightAdded(_)
            | Response::Annotations { .. }) => self.annotating.receive(r, out),
            r @ Response::TaggedMany { .. } => self.tags.receive(r, out),
            r @ (Response::BackedUp(_)
            | Response::Backups(_)
            | Response::Restored { .. }
            | Response::EditedMany { .. }) => self.dialogs.receive(r, out),
            Response::Exported { path, what } => out.say(format!("{what} written to {}", path.display())),
            Response::Changed => {
                self.learned.refresh(out);
                self.stories.query(self.list.filter(), out);
                out.then(Effect::Refresh);
                out.then(Effect::Reload);
            }
            Response::Failed(message) => out.then(Effect::Failed(message)),
            Response::Damaged(message) => self.messages.damaged = Some(message),
            r @ Response::ClippingSaved { .. } => self.clipping.receive(r, out),
            Response::Landed(lines) => self.watch.receive(lines, out),
            Response::SiteRules(rules) => self.learned.receive(rules),
            Response::CountryCounts { counts, generation } => {
                self.atlas.counted_countries(counts, generation)
            }
            Response::Trends { trends, generation } => self.atlas.counted_trends(trends, generation),
            r @ (Response::Story { .. } | Response::StoryThreads(_) | Response::StoriesJoined { .. }) => {
                self.stories.receive(r, self.reader.article_id(), out)
            }
            r @ Response::Compared { .. } => self.compare.receive(r),
            Response::StoriesGrouped => {
                if let Some(id) = self.reader.article_id() {
                    out.send(Request::StoryOf(id));
                }
                self.stories.query(self.list.filter(), out);
            }
        }
    }

    /// The sidebar, the list (or a view over it) and the reader.
    fn panes(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let viewing = self.annotating.view.is_some();
        let stories = self.stories.view.is_some();
        let mut actions =
            views::sidebar::show(ui, &self.list, &self.tags, (viewing, stories, self.atlas.picture));
        // Several rows selected: the pane says what they are and what can be
        // done to them all (the trash has its own bar for that).
        let several = self.list.selection.len() > 1 && self.list.browse != Browse::Trash && !viewing;
        if several {
            actions.extend(views::selection::show(ui, &self.list, &self.tags));
        } else if self.reader.article.is_some() {
            let view = views::reader::ReaderView {
                reader: &self.reader,
                edits: &self.tags,
                annotating: &self.annotating,
                list: &self.list,
                story: self.reader.article_id().and_then(|id| self.stories.thread_of(id)),
            };
            actions.extend(views::reader::show(ui, view, &mut self.cache));
        }
        match (&self.annotating.view, &self.stories.view) {
            (Some(view), _) => actions.extend(views::annotations_view::show(
                ui,
                view,
                &self.list.facets,
                &mut self.cache,
            )),
            (None, Some(view)) => actions.extend(views::stories::show(ui, view)),
            (None, None) => {
                let importing = self.import.run.is_some();
                let compact = several || self.reader.article.is_some();
                let open = self.reader.article_id();
                actions.extend(views::centre::show(
                    ui,
                    &self.list,
                    &self.atlas,
                    importing,
                    (compact, open),
                ));
            }
        }
        actions
    }

    /// Draws every view; returns what the user asked for, in order.
    fn draw(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let ctx = ui.ctx().clone();
        let no_clipboard = self.clipping.unavailable();
        let mut actions = views::top_bar::show(
            ui,
            &self.list,
            (self.undo.last(), no_clipboard.as_deref()),
            (self.reader.text_size, self.annotating.color),
            &self.watch,
        );
        // The count under the window is of what it shows: the annotations
        // view's annotations, else the list's articles.
        let annotations = self.annotating.view.as_ref().map(|v| v.results.len());
        actions.extend(views::status_bar::show(
            ui,
            &self.import,
            (&self.list, annotations),
            (&self.messages, &self.watch),
        ));
        match &self.compare.open {
            // Compare has the window's width; the list and the reader wait
            // behind it as they were.
            Some(open) => actions.extend(views::compare::show(
                ui,
                open,
                (&self.list.search, self.reader.text_size),
                &mut self.cache,
            )),
            None => actions.extend(self.panes(ui)),
        }
        let delete_tag = self.tags.confirm_delete.as_ref();
        actions.extend(views::confirm::show(
            &ctx,
            &self.dialogs,
            delete_tag,
            self.list.facets.trash,
        ));
        actions.extend(views::backups::show(&ctx, &self.dialogs));
        actions.extend(views::export_chooser::show(
            &ctx,
            &self.dialogs,
            self.list.selection.len(),
        ));
        actions.extend(views::bulk_edit::show(
            &ctx,
            &self.dialogs,
            self.list.selection.len(),
        ));
        actions.extend(views::clipping_sheet::show(&ctx, &self.clipping));
        actions.extend(views::watch_list::show(&ctx, &self.watch));
        actions.extend(views::learned_rules::show(&ctx, &self.learned));
        views::drop_hint::show(&ctx);
        actions
    }

    /// Saves the note once typing has paused.
    fn save_note_when_due(&mut self, ctx: &egui::Context) {
        let mut out = Outbox::default();
        let now = ctx.input(|i| i.time);
        if self.annotating.note_tick(now, self.reader.article_id(), &mut out) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(NOTE_SAVE_DELAY));
        }
        self.follow(out);
    }

    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(left) = self.messages.tick(ctx.input(|i| i.time)) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
        self.receive(&ctx);
        let mut actions = Vec::new();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            actions.push(Action::Import(ImportAction::Import(dropped)));
        }
        actions.extend(views::shortcuts::read(
            &ctx,
            views::shortcuts::KeyFacts {
                reader: &self.reader,
                annotating: &self.annotating,
                browse: &self.list.browse,
                asking_purge: self.dialogs.confirm_purge.is_some(),
                was_typing: self.was_typing,
                comparing: self.compare.open.is_some(),
            },
        ));
        actions.extend(self.draw(ui));
        self.was_typing = ctx.text_edit_focused();
        self.save_note_when_due(&ctx);
        for action in actions {
            self.apply(action, &ctx);
        }
        let mut out = Outbox::default();
        self.atlas.follow(&self.list, &mut out);
        self.follow(out);
        if let Some(job) = &mut self.screenshot {
            job.tick(&ctx, self.list.loaded);
        }
    }
}

impl eframe::App for FolioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // An import stops at its next batch; what it stored so far stays.
        self.import.cancel();
        let mut out = Outbox::default();
        self.annotating.save_note(self.reader.article_id(), &mut out);
        self.annotating
            .save_comments(self.reader.article.as_ref(), &mut out);
        for effect in out.0 {
            if let Effect::Send(request) = effect {
                self.worker.send(*request);
            }
        }
        // The note goes to the library thread; give it a moment to land.
        self.worker.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_places_belong_to_their_library() {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("first.sqlite"), dir.path().join("second.sqlite"));
        let saved = Settings {
            text_size: 20.0,
            browse: Browse::Trash,
            open_article: Some(3),
            library: Some(first.clone()),
            ..Settings::default()
        };
        let elsewhere = saved.clone().for_library(&second);
        assert_eq!(elsewhere.open_article, None);
        assert_eq!(elsewhere.browse, Browse::All);
        assert_eq!(elsewhere.text_size, 20.0);
        assert_eq!(saved.clone().for_library(&first), saved);
        let from_before = Settings {
            library: None,
            ..saved.clone()
        };
        assert_eq!(from_before.clone().for_library(&second), from_before);
    }
}
