//! A watched folder: files that land in it are handed over, once each,
//! when they have stopped changing. The watch runs on its own thread and
//! never touches the library; whoever holds the library imports what it
//! hands over (see [`super::landed`]).
//!
//! The system's file events (inotify, FSEvents, …, through `notify`) say
//! which names changed; where the platform has none, notify's polling
//! watcher stands in. Either way a name is only a hint: the file is looked
//! at again until its size and modification time have held still for
//! [`SETTLE`], so a download still being written is not read half-way.

use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant, SystemTime};

/// How long a file's size and time must hold still before it is read:
/// long enough for a browser or a copy to finish its next write, short
/// enough that a saved page shows up while the user still looks.
pub const SETTLE: Duration = Duration::from_secs(1);

/// How often waiting files are looked at again.
const TICK: Duration = Duration::from_millis(200);

/// How often the polling watcher (where there are no file events) reads
/// the folder.
const POLL_EVERY: Duration = Duration::from_millis(500);

/// What the watch hands over.
#[derive(Debug, Clone, PartialEq)]
pub enum Landed {
    /// A file that has stopped changing. `at_start`: it was there when the
    /// watch began (it landed while Folio was closed or the watch paused).
    File { path: PathBuf, at_start: bool },
    /// The watch could not go on as asked (the folder went away, the
    /// system refused events): in words.
    Trouble(String),
}

/// A folder being watched. Dropping it ends the watch (its thread stops at
/// its next tick; nobody waits for it).
pub struct FolderWatch {
    folder: PathBuf,
    landed: Receiver<Landed>,
    stop: Arc<AtomicBool>,
    polling: bool,
}

impl Drop for FolderWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl FolderWatch {
    /// Starts watching `folder`. `wake` is called whenever something is
    /// handed over (the window repaints to take it). Files already there
    /// are handed over too, once settled, marked `at_start`.
    pub fn start(folder: &Path, wake: impl Fn() + Send + 'static) -> Result<FolderWatch, String> {
        Self::start_with(folder, wake, false)
    }

    /// `poll`: read the folder over and over even where there are file
    /// events (to try the fallback where it is not needed).
    fn start_with(
        folder: &Path,
        wake: impl Fn() + Send + 'static,
        poll: bool,
    ) -> Result<FolderWatch, String> {
        let shown = folder.display();
        match std::fs::metadata(folder) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(format!("{shown} is not a folder")),
            Err(e) => return Err(format!("{shown} cannot be watched: {e}")),
        }
        let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        let (events_in, events) = channel();
        let (watcher, polling) = event_source(&folder, events_in, poll)?;
        let (landed_in, landed) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let mut settling = Settling::new(folder.clone());
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name("folio-watch".into())
            .spawn(move || {
                // The watcher lives as long as the thread that reads its events.
                let _watcher = watcher;
                settling.scan(true);
                while !stopped.load(Ordering::Relaxed) {
                    match events.recv_timeout(TICK) {
                        Ok(event) => settling.take(event),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                    for event in events.try_iter() {
                        settling.take(event);
                    }
                    let ready = settling.tick(Instant::now());
                    if ready.is_empty() {
                        continue;
                    }
                    for landed in ready {
                        if landed_in.send(landed).is_err() {
                            return;
                        }
                    }
                    wake();
                }
            })
            .map_err(|e| format!("could not start watching {}: {e}", folder.display()))?;
        Ok(FolderWatch {
            folder,
            landed,
            stop,
            polling,
        })
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Whether the folder is read over and over (no file events here).
    pub fn polling(&self) -> bool {
        self.polling
    }

    /// What has landed since the last call; never waits.
    pub fn take(&self) -> Vec<Landed> {
        self.landed.try_iter().collect()
    }

    /// The next thing to land, waiting for it at most `timeout`.
    pub fn next(&self, timeout: Duration) -> Result<Landed, RecvTimeoutError> {
        self.landed.recv_timeout(timeout)
    }
}

type Events = Sender<notify::Result<notify::Event>>;

/// The system's file events for the folder, or, where there are none,
/// notify's polling watcher; `true` when polling.
fn event_source(
    folder: &Path,
    events: Events,
    poll: bool,
) -> Result<(Box<dyn Watcher + Send>, bool), String> {
    if !poll {
        let evented = notify::recommended_watcher(events.clone()).and_then(|mut watcher| {
            watcher.watch(folder, RecursiveMode::NonRecursive)?;
            Ok(watcher)
        });
        if let Ok(watcher) = evented {
            return Ok((Box::new(watcher), false));
        }
    }
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let mut watcher = notify::PollWatcher::new(events, config)
        .map_err(|e| format!("could not watch {}: {e}", folder.display()))?;
    watcher
        .watch(folder, RecursiveMode::NonRecursive)
        .map_err(|e| format!("could not watch {}: {e}", folder.display()))?;
    Ok((Box::new(watcher), true))
}

/// Names that say a file is still being written, or is not the user's:
/// hidden files, editors' backups, browsers' downloads in progress. They
/// are passed over until renamed to their final name.
pub fn is_temporary_name(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().to_lowercase()) else {
        return true;
    };
    const PARTIAL: &[&str] = &[
        ".part",
        ".partial",
        ".crdownload",
        ".download",
        ".opdownload",
        ".tmp",
        ".temp",
        ".swp",
    ];
    name.starts_with('.') || name.ends_with('~') || PARTIAL.iter().any(|end| name.ends_with(end))
}

/// A file's size and modification time: what "still changing" is told by.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stamp {
    size: u64,
    modified: Option<SystemTime>,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| Stamp {
        size: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// A file waiting to settle: how it looked, since when, and whether it
/// was there at the start.
struct Waiting {
    stamp: Stamp,
    since: Instant,
    at_start: bool,
}

/// The files of the folder waiting to settle, and those handed over (as
/// they were then), so an event on a file already handed over, unchanged,
/// does not hand it over again.
struct Settling {
    folder: PathBuf,
    waiting: HashMap<PathBuf, Waiting>,
    handed: HashMap<PathBuf, Stamp>,
    /// Said once, not at every tick.
    trouble: Option<String>,
    news: Vec<Landed>,
}

impl Settling {
    fn new(folder: PathBuf) -> Settling {
        Settling {
            folder,
            waiting: HashMap::new(),
            handed: HashMap::new(),
            trouble: None,
            news: Vec::new(),
        }
    }

    /// Looks at every file in the folder (at the start, and when the
    /// system says events were lost).
    fn scan(&mut self, at_start: bool) {
        match std::fs::read_dir(&self.folder) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    self.consider(entry.path(), at_start, Instant::now());
                }
            }
            Err(e) => self.trouble(format!("cannot read {}: {e}", self.folder.display())),
        }
    }

    fn trouble(&mut self, message: String) {
        if self.trouble.as_ref() != Some(&message) {
            self.news.push(Landed::Trouble(message.clone()));
            self.trouble = Some(message);
        }
    }

    fn take(&mut self, event: notify::Result<notify::Event>) {
        let event = match event {
            Ok(event) => event,
            Err(e) => {
                self.trouble(format!("watching {}: {e}", self.folder.display()));
                return;
            }
        };
        if event.need_rescan() {
            self.scan(false);
            return;
        }
        // Reading a file (ours, when it is imported) changes nothing.
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            // The folder itself (removed, renamed) is checked at the tick.
            if path.parent() == Some(self.folder.as_path()) {
                self.consider(path, false, Instant::now());
            }
        }
    }

    /// A name the events mentioned: gone, changed, or new.
    fn consider(&mut self, path: PathBuf, at_start: bool, now: Instant) {
        let Some(stamp) = (!is_temporary_name(&path)).then(|| stamp(&path)).flatten() else {
            // Gone (renamed away, deleted), a folder, or not yet final: a
            // file of the same name later is a new one.
            self.waiting.remove(&path);
            self.handed.remove(&path);
            return;
        };
        if self.handed.get(&path) == Some(&stamp) {
            return;
        }
        match self.waiting.get_mut(&path) {
            Some(waiting) if waiting.stamp == stamp => {}
            Some(waiting) => {
                waiting.stamp = stamp;
                waiting.since = now;
            }
            None => {
                self.waiting.insert(
                    path,
                    Waiting {
                        stamp,
                        since: now,
                        at_start,
                    },
                );
            }
        }
    }

    /// Looks at the waiting files again; returns those that have held
    /// still for [`SETTLE`], and anything else to say.
    fn tick(&mut self, now: Instant) -> Vec<Landed> {
        if !self.folder.is_dir() {
            self.trouble(format!(
                "{} is gone or no longer a folder; nothing lands there now",
                self.folder.display()
            ));
        } else if self.trouble.is_some() && std::fs::read_dir(&self.folder).is_ok() {
            self.trouble = None;
        }
        let mut ready = Vec::new();
        let mut gone = Vec::new();
        for (path, waiting) in &mut self.waiting {
            match stamp(path) {
                None => gone.push(path.clone()),
                Some(stamp) if stamp != waiting.stamp => {
                    waiting.stamp = stamp;
                    waiting.since = now;
                }
                Some(_) if now.duration_since(waiting.since) >= SETTLE => ready.push(path.clone()),
                Some(_) => {}
            }
        }
        for path in gone {
            self.waiting.remove(&path);
        }
        // In name order, as a folder import reads them.
        ready.sort();
        let mut news = std::mem::take(&mut self.news);
        for path in ready {
            if let Some(waiting) = self.waiting.remove(&path) {
                self.handed.insert(path.clone(), waiting.stamp);
                news.push(Landed::File {
                    path,
                    at_start: waiting.at_start,
                });
            }
        }
        news
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the system gives no file events, the folder is read over and
    /// over: a file that lands is handed over all the same.
    #[test]
    fn without_file_events_the_folder_is_polled() {
        let dir = tempfile::tempdir().unwrap();
        let watch = FolderWatch::start_with(dir.path(), || {}, true).unwrap();
        assert!(watch.polling());
        let file = dir.path().join("landed.txt");
        std::fs::write(&file, "A clipping.").unwrap();
        // A guard against a hang, not a measure of speed.
        let landed = watch.next(Duration::from_secs(60)).unwrap();
        // Written as the watch began, it may count as there at the start.
        let Landed::File { path, .. } = landed else {
            panic!("{landed:?}");
        };
        assert_eq!(path, std::fs::canonicalize(&file).unwrap());
    }

    #[test]
    fn names_still_being_written_are_passed_over() {
        for name in [
            "a.html.part",
            "b.crdownload",
            "notes.txt~",
            ".hidden.txt",
            "x.tmp",
        ] {
            assert!(is_temporary_name(Path::new(name)), "{name}");
        }
        for name in ["a.html", "clipping.txt", "partial-eclipse.md", "report.pdf"] {
            assert!(!is_temporary_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn a_file_is_handed_over_once_it_holds_still_and_not_again_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let mut settling = Settling::new(dir.path().to_path_buf());
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "first half").unwrap();
        let start = Instant::now();
        settling.consider(file.clone(), false, start);
        assert!(settling.tick(start + SETTLE / 2).is_empty(), "not yet settled");
        std::fs::write(&file, "first half, and the second half").unwrap();
        // It grew: the wait starts over.
        assert!(settling.tick(start + SETTLE + SETTLE / 4).is_empty());
        let landed = settling.tick(start + SETTLE * 3);
        assert_eq!(
            landed,
            vec![Landed::File {
                path: file.clone(),
                at_start: false
            }]
        );
        settling.consider(file.clone(), false, start + SETTLE * 4);
        assert!(settling.tick(start + SETTLE * 10).is_empty(), "handed over once");
    }
}
