//! Files handed to a window already open. A file manager opens a clipping
//! with Folio by running `folio FILE…`; when a window has the library open
//! that second Folio cannot open it too, so it leaves the paths in the
//! library's inbox (`library.sqlite.inbox/`, beside it) and the window
//! imports them as if they had been dropped on it.
//!
//! A window that takes hand-offs holds the inbox's lock (`window.lock`), so
//! a sender knows someone will take what it leaves; a library held by a
//! command has no taker, and the sender is told so. One file per hand-off,
//! written under a hidden name and renamed into place, so half of one is
//! never read. The window's watcher runs on its own thread and lists the
//! folder four times a second; a frame only takes what it found from a
//! channel, never waiting on the disk.

use anyhow::{Context, bail};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// How a hand-off starts; the paths follow, each ended by a NUL byte (the
/// one byte no path can hold).
const HEADER: &[u8] = b"folio hand-off 1\n";
const LOCK_NAME: &str = "window.lock";
const POLL: Duration = Duration::from_millis(250);
/// A hand-off names files; it does not hold them. Anything larger is not one.
const MAX_HANDOFF_BYTES: u64 = 1024 * 1024;

/// The inbox of the library at `library`: `library.sqlite.inbox/` beside
/// the file it resolves to, so every path to one library finds one inbox.
pub fn folder(library: &Path) -> PathBuf {
    let library = crate::library::resolved(library).unwrap_or_else(|_| library.to_path_buf());
    crate::library::beside(&library, ".inbox")
}

/// Whether a window has the library open and takes hand-offs.
pub fn window_is_watching(library: &Path) -> bool {
    crate::library::lock_is_held(&folder(library).join(LOCK_NAME))
}

/// Leaves `files` (absolute paths) in the library's inbox for the window;
/// returns the hand-off's file, which the window removes once it has
/// taken it.
pub fn hand_over(library: &Path, files: &[PathBuf]) -> anyhow::Result<PathBuf> {
    // Two hand-offs from one process in one millisecond get names of their own.
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let bytes = encode(files)?;
    let folder = folder(library);
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("could not make the inbox {}", folder.display()))?;
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    // Named by time first: the window takes hand-offs in the order they came.
    let path = folder.join(format!("{millis:013}-{}-{count}.handoff", std::process::id()));
    crate::export::write_file(&path, &bytes)?;
    Ok(path)
}

/// Waits up to `patience` for the window to take a hand-off: whether it did.
pub fn taken(handoff: &Path, patience: Duration) -> bool {
    let deadline = Instant::now() + patience;
    loop {
        if std::fs::symlink_metadata(handoff).is_err() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn encode(files: &[PathBuf]) -> anyhow::Result<Vec<u8>> {
    if files.is_empty() {
        bail!("no files to hand over");
    }
    let mut bytes = HEADER.to_vec();
    for file in files {
        if !file.is_absolute() {
            bail!(
                "{} is not an absolute path: the window runs in another folder",
                file.display()
            );
        }
        bytes.extend_from_slice(path_bytes(file)?);
        bytes.push(0);
    }
    Ok(bytes)
}

/// The paths a hand-off names, or why it is not one.
fn decode(bytes: &[u8]) -> Result<Vec<PathBuf>, String> {
    let body = bytes
        .strip_prefix(HEADER)
        .ok_or("it is not a hand-off from Folio")?;
    let body = body
        .strip_suffix(&[0])
        .ok_or("it names no files, or was cut short")?;
    body.split(|&byte| byte == 0)
        .map(|name| {
            let path = path_from(name).ok_or("a file name in it cannot be read")?;
            if path.is_absolute() {
                Ok(path)
            } else {
                Err(format!(
                    "it names {}, which is not an absolute path",
                    path.display()
                ))
            }
        })
        .collect()
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> anyhow::Result<&[u8]> {
    use std::os::unix::ffi::OsStrExt;
    Ok(path.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_from(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    (!bytes.is_empty()).then(|| PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

/// Elsewhere a path's bytes are not its name: hand-offs carry UTF-8.
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> anyhow::Result<&[u8]> {
    match path.to_str() {
        Some(text) => Ok(text.as_bytes()),
        None => bail!(
            "{} cannot be handed over: its name is not Unicode",
            path.display()
        ),
    }
}

#[cfg(not(unix))]
fn path_from(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes)
        .ok()
        .filter(|text| !text.is_empty())
        .map(PathBuf::from)
}

/// What the watcher found in the inbox.
enum Arrival {
    Files(Vec<PathBuf>),
    /// A file in the inbox that was no hand-off, removed: what to tell.
    Refused(String),
}

/// What arrived for the window since it last looked.
#[derive(Debug, Default, PartialEq)]
pub struct Arrived {
    /// Files to import now.
    pub files: Option<Vec<PathBuf>>,
    /// Files in the inbox that could not be read (they are removed).
    pub refused: Vec<String>,
}

/// The window's side: the inbox watched on a thread of its own. Dropping it
/// stops the watching; what is left in the folder waits for the next window.
pub struct Inbox {
    arrivals: Receiver<Arrival>,
    stop: Arc<AtomicBool>,
    /// Files handed over while an import ran, for when it ends.
    waiting: Vec<PathBuf>,
    _lock: std::fs::File,
}

impl Drop for Inbox {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Inbox {
    /// Watches the inbox of the library at `library`, calling `wake` when
    /// something arrived; hand-offs already waiting are taken first. `None`
    /// when there is nothing to watch: the library's folder cannot be
    /// written (then the library cannot take imports either), or another
    /// window watches it.
    pub fn watch(library: &Path, wake: impl Fn() + Send + 'static) -> Option<Inbox> {
        let folder = folder(library);
        std::fs::create_dir_all(&folder).ok()?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(folder.join(LOCK_NAME))
            .ok()?;
        lock.try_lock().ok()?;
        let (send, arrivals) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name("folio-inbox".into())
            .spawn(move || watch_folder(&folder, &send, &stopped, wake))
            .ok()?;
        Some(Inbox {
            arrivals,
            stop,
            waiting: Vec::new(),
            _lock: lock,
        })
    }

    /// What arrived since the last look. Files handed over while an import
    /// runs (`importing`) wait for it to end: one import runs at a time.
    pub fn take(&mut self, importing: bool) -> Arrived {
        let mut refused = Vec::new();
        while let Ok(arrival) = self.arrivals.try_recv() {
            match arrival {
                Arrival::Files(files) => self.waiting.extend(files),
                Arrival::Refused(message) => refused.push(message),
            }
        }
        let files = (!importing && !self.waiting.is_empty()).then(|| std::mem::take(&mut self.waiting));
        Arrived { files, refused }
    }
}

/// The watcher's loop, until the window goes. A hand-off is removed once
/// it is sent to the window; one that cannot be removed is not taken twice.
fn watch_folder(folder: &Path, send: &Sender<Arrival>, stop: &AtomicBool, wake: impl Fn()) {
    let mut stuck = HashSet::new();
    while !stop.load(Ordering::Relaxed) {
        let mut arrived = false;
        for handoff in waiting_handoffs(folder, &stuck) {
            // A closing window leaves the rest for the next one.
            if stop.load(Ordering::Relaxed) || send.send(read_handoff(&handoff)).is_err() {
                return;
            }
            arrived = true;
            if let Err(e) = std::fs::remove_file(&handoff)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                stuck.insert(handoff);
            }
        }
        if arrived {
            wake();
        }
        std::thread::sleep(POLL);
    }
}

/// The hand-offs in the inbox, oldest first: every entry but the lock,
/// hidden names (a hand-off being written) and folders.
fn waiting_handoffs(folder: &Path, stuck: &HashSet<PathBuf>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            name != LOCK_NAME
                && !name.to_string_lossy().starts_with('.')
                && !entry.file_type().is_ok_and(|kind| kind.is_dir())
        })
        .map(|entry| entry.path())
        .filter(|path| !stuck.contains(path))
        .collect();
    found.sort();
    found
}

fn read_handoff(handoff: &Path) -> Arrival {
    let name = handoff.file_name().unwrap_or_default().to_string_lossy();
    let read = crate::import::files::read_limited(handoff, MAX_HANDOFF_BYTES)
        .map_err(|e| e.to_string())
        .and_then(|bytes| decode(&bytes));
    match read {
        Ok(files) => Arrival::Files(files),
        Err(reason) => Arrival::Refused(format!(
            "{name} in the library's inbox was not a list of files to import ({reason}); it was removed"
        )),
    }
}

#[cfg(test)]
impl Inbox {
    /// Waits until something arrives (the watcher lists the folder four
    /// times a second), with a generous guard against a hang.
    pub(crate) fn next_arrival(&mut self, importing: bool) -> Arrived {
        for _ in 0..200 {
            let arrived = self.take(importing);
            if arrived != Arrived::default() {
                return arrived;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("nothing arrived");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_off_reaches_the_watching_window_and_leaves_the_inbox() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib.sqlite");
        assert!(!window_is_watching(&library));
        let mut inbox = Inbox::watch(&library, || {}).unwrap();
        assert!(window_is_watching(&library));
        assert!(
            Inbox::watch(&library, || {}).is_none(),
            "one window watches an inbox"
        );

        let files = vec![
            dir.path().join("a clipping.txt"),
            PathBuf::from("/elsewhere/b.html"),
        ];
        let handoff = hand_over(&library, &files).unwrap();
        assert!(taken(&handoff, Duration::from_secs(10)));
        assert_eq!(inbox.next_arrival(false).files, Some(files));

        drop(inbox);
        assert!(!window_is_watching(&library));
    }

    #[test]
    fn files_handed_over_during_an_import_wait_for_its_end() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib.sqlite");
        let mut inbox = Inbox::watch(&library, || {}).unwrap();
        let first = vec![PathBuf::from("/clips/one.txt")];
        let second = vec![PathBuf::from("/clips/two.txt")];
        assert!(taken(
            &hand_over(&library, &first).unwrap(),
            Duration::from_secs(10)
        ));
        assert!(taken(
            &hand_over(&library, &second).unwrap(),
            Duration::from_secs(10)
        ));
        assert_eq!(inbox.take(true), Arrived::default(), "nothing while importing");
        let both = inbox.take(false).files.unwrap();
        assert_eq!(both, [first, second].concat(), "in the order they came");
    }

    #[test]
    fn hand_offs_left_while_no_window_watched_are_taken_when_one_opens() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib.sqlite");
        let files = vec![PathBuf::from("/clips/waiting.txt")];
        let handoff = hand_over(&library, &files).unwrap();
        assert!(!taken(&handoff, Duration::from_millis(300)));
        let mut inbox = Inbox::watch(&library, || {}).unwrap();
        assert_eq!(inbox.next_arrival(false).files, Some(files));
    }

    #[test]
    fn garbage_in_the_inbox_is_reported_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib.sqlite");
        let inbox_folder = folder(&library);
        std::fs::create_dir_all(inbox_folder.join("a folder")).unwrap();
        let garbage = [
            ("1-notes.txt", b"just some text".to_vec()),
            ("2-cut.handoff", [HEADER, b"/clips/one.txt"].concat()),
            ("3-relative.handoff", [HEADER, b"clips/one.txt\0"].concat()),
            ("4-empty.handoff", HEADER.to_vec()),
            ("5-huge.handoff", vec![b'x'; MAX_HANDOFF_BYTES as usize + 1]),
        ];
        for (name, bytes) in &garbage {
            std::fs::write(inbox_folder.join(name), bytes).unwrap();
        }
        std::fs::write(inbox_folder.join(".half.partial"), b"being written").unwrap();
        let mut inbox = Inbox::watch(&library, || {}).unwrap();
        let mut refused = Vec::new();
        while refused.len() < garbage.len() {
            let arrived = inbox.next_arrival(false);
            assert_eq!(arrived.files, None);
            refused.extend(arrived.refused);
        }
        for ((name, _), message) in garbage.iter().zip(&refused) {
            assert!(
                message.starts_with(name) && message.ends_with("it was removed"),
                "{message}"
            );
            assert!(!inbox_folder.join(name).exists());
        }
        assert!(refused[1].contains("cut short"), "{}", refused[1]);
        assert!(refused[2].contains("not an absolute path"), "{}", refused[2]);
        assert!(refused[4].contains("too large"), "{}", refused[4]);
        assert!(inbox_folder.join("a folder").is_dir(), "folders are left alone");
        assert!(
            inbox_folder.join(".half.partial").exists(),
            "one being written is left alone"
        );
    }

    #[test]
    fn relative_paths_are_not_handed_over() {
        let dir = tempfile::tempdir().unwrap();
        let error = hand_over(&dir.path().join("lib.sqlite"), &[PathBuf::from("clip.txt")]).unwrap_err();
        assert!(error.to_string().contains("not an absolute path"), "{error}");
    }
}
