//! The watched folder in the window: which folder, paused or not, the
//! watch itself (its own thread; the window only takes what it handed
//! over), and the recent lines of its report. What lands is imported by
//! the library's thread, one file at a time, between the window's other
//! requests.

use super::outbox::{Effect, Outbox};
use crate::gui::picker::PathPicker;
use crate::gui::worker::Request;
use crate::ingest::pipeline::{FileReport, Outcome};
use crate::ingest::watch::{FolderWatch, Landed};
use crate::library::WatchedFolder;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Lines of the watch's report kept for its list, the newest first.
const RECENT_LINES: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub enum WatchAction {
    /// Choose the folder to watch (Preferences ▸ Watch a folder…).
    Choose,
    Pause,
    Resume,
    /// Watch no folder.
    Stop,
    /// Open or close the list of what landed.
    ShowList(bool),
    /// The folder field (offered when no chooser answered), as typed.
    PathTyped(String),
    /// Watch the folder typed in the field.
    WatchTyped,
}

pub struct WatchState {
    picker: Arc<dyn PathPicker>,
    chosen: (Sender<Option<PathBuf>>, Receiver<Option<PathBuf>>),
    /// Why nothing can be imported here (a read-only library), if so.
    refused: Option<String>,
    pub folder: Option<PathBuf>,
    pub paused: bool,
    watch: Option<FolderWatch>,
    /// What became of the files that landed, the newest first.
    pub lines: VecDeque<FileReport>,
    pub list_open: bool,
    /// The folder field, shown in the list's window when the chooser
    /// answered with nothing (cancelled, or none on this desktop).
    pub typed_path: Option<String>,
}

impl WatchState {
    /// `refused`: why this library cannot take files, if it cannot.
    pub fn new(picker: Arc<dyn PathPicker>, refused: Option<String>) -> WatchState {
        WatchState {
            picker,
            chosen: channel(),
            refused,
            folder: None,
            paused: false,
            watch: None,
            lines: VecDeque::new(),
            list_open: false,
            typed_path: None,
        }
    }

    /// Watches the folder the library remembers, as it was left.
    pub fn remembered(&mut self, folder: Option<WatchedFolder>, ctx: &egui::Context) {
        if let Some(folder) = folder {
            self.folder = Some(folder.path);
            self.paused = folder.paused;
            self.begin(ctx);
        }
    }

    /// Whether files are being watched for now (a folder, not paused, and
    /// the watch running).
    pub fn running(&self) -> bool {
        self.watch.is_some()
    }

    pub fn apply(&mut self, action: WatchAction, ctx: &egui::Context, out: &mut Outbox) {
        match action {
            WatchAction::Choose => {
                if let Some(reason) = &self.refused {
                    out.say(format!("No folder can be watched: {reason}"));
                    return;
                }
                let picker = self.picker.clone();
                let reply = self.chosen.0.clone();
                let wake = ctx.clone();
                // The chooser blocks its own thread, never the window's.
                std::thread::spawn(move || {
                    let _ = reply.send(picker.pick_folder("Watch a folder"));
                    wake.request_repaint();
                });
            }
            WatchAction::Pause => {
                self.watch = None;
                self.paused = true;
                self.remember(out);
            }
            WatchAction::Resume => {
                self.paused = false;
                self.begin(ctx);
                self.remember(out);
            }
            WatchAction::Stop => {
                self.watch = None;
                self.folder = None;
                self.paused = false;
                self.remember(out);
            }
            WatchAction::ShowList(open) => self.list_open = open,
            WatchAction::PathTyped(text) => self.typed_path = Some(text),
            WatchAction::WatchTyped => {
                let typed = self.typed_path.take().unwrap_or_default();
                if !typed.trim().is_empty() {
                    self.watch_folder(PathBuf::from(typed.trim()), ctx, out);
                }
            }
        }
    }

    /// Takes in the folder chosen, and what the watch handed over (each
    /// file sent to the library's thread to import).
    pub fn poll(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        while let Ok(chosen) = self.chosen.1.try_recv() {
            match chosen {
                Some(folder) => self.watch_folder(folder, ctx, out),
                // Cancelled, or no chooser on this desktop: a field to type
                // the folder in, in the list's window.
                None => {
                    self.typed_path.get_or_insert_default();
                    self.list_open = true;
                }
            }
        }
        let landed = self.watch.as_ref().map(FolderWatch::take).unwrap_or_default();
        for landed in landed {
            match landed {
                Landed::File { path, at_start } => out.send(Request::ImportLanded { path, at_start }),
                Landed::Trouble(message) => self.trouble(message),
            }
        }
    }

    /// Watches this folder from now on, and shows what lands.
    fn watch_folder(&mut self, folder: PathBuf, ctx: &egui::Context, out: &mut Outbox) {
        if !folder.is_dir() {
            // The field stays, with what was typed, to be put right.
            out.say(format!(
                "{} is not a folder: nothing is watched",
                folder.display()
            ));
            self.typed_path = Some(folder.display().to_string());
            return;
        }
        self.folder = Some(folder);
        self.paused = false;
        self.typed_path = None;
        self.begin(ctx);
        self.remember(out);
        self.list_open = true;
    }

    /// The library's lines for a file that landed.
    pub fn receive(&mut self, lines: Vec<FileReport>, out: &mut Outbox) {
        if lines
            .iter()
            .any(|l| matches!(l.outcome, Outcome::Imported { .. } | Outcome::Merged { .. }))
        {
            out.then(Effect::Refresh);
        }
        for line in lines {
            self.lines.push_front(line);
        }
        self.lines.truncate(RECENT_LINES);
    }

    /// Starts the watch, unless paused (or nothing can be imported here).
    fn begin(&mut self, ctx: &egui::Context) {
        self.watch = None;
        let Some(folder) = self.folder.clone() else {
            return;
        };
        if self.paused {
            return;
        }
        if let Some(reason) = self.refused.clone() {
            self.trouble(format!("nothing is imported from the folder: {reason}"));
            return;
        }
        let wake = ctx.clone();
        match FolderWatch::start(&folder, move || wake.request_repaint()) {
            Ok(watch) => self.watch = Some(watch),
            Err(message) => self.trouble(message),
        }
    }

    /// A line in the list saying what went wrong with the watch itself.
    fn trouble(&mut self, reason: String) {
        self.lines.push_front(FileReport {
            path: self.folder.clone().unwrap_or_default(),
            outcome: Outcome::Failed { reason },
            note: None,
        });
        self.lines.truncate(RECENT_LINES);
    }

    /// The library remembers the folder as it now stands.
    fn remember(&self, out: &mut Outbox) {
        let folder = self.folder.clone().map(|path| WatchedFolder {
            path,
            paused: self.paused,
        });
        out.send(Request::RememberWatch(folder));
    }

    /// What the status bar adds to the folder's name: paused, or not
    /// running (the list says why).
    pub fn state_words(&self) -> &'static str {
        match (self.paused, self.running()) {
            (true, _) => " · paused",
            (false, true) => "",
            (false, false) => " · not running (see What landed)",
        }
    }

    /// The one-click toggle: ("Pause", Pause) while watching, ("Resume",
    /// Resume) while paused.
    pub fn pause_or_resume(&self) -> (&'static str, WatchAction) {
        if self.paused {
            ("Resume", WatchAction::Resume)
        } else {
            ("Pause", WatchAction::Pause)
        }
    }

    /// The folder as the status bar names it: under the home folder, `~/…`.
    pub fn folder_label(&self) -> Option<String> {
        self.folder.as_deref().map(home_relative)
    }
}

fn home_relative(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    match home.and_then(|home| path.strip_prefix(home).ok().map(Path::to_path_buf)) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}
