//! The library file: the only place that speaks SQL.
//!
//! `Library::open` creates or migrates the file and sets the pragmas; the
//! methods, grouped by concern in the submodules, take and return the plain
//! types of [`crate::model`]. Every statement is parameterised.

mod article_index;
pub mod articles;
mod atlas_counts;
mod bulk;
mod deferred_index;
mod facets;
mod facets_indexed;
mod filter;
mod highlights;
mod link_merge;
mod list_order;
pub use highlights::{Annotation, AnnotationKind, AnnotationQuery, Reanchored};
pub mod maintenance;
mod notes_tags;
mod salvage;
mod site_rules;
pub use salvage::Salvaged;
pub mod query;
pub mod schema;
mod search;
mod snippet;
pub mod stories;
pub use stories::Regrouped;
mod suggestions;
mod topic_lexicon;
mod topics;
mod transfer;
mod watched;
pub use watched::WatchedFolder;
pub mod word_starts;
pub use topics::TopicNode;

pub use articles::{InsertOutcome, NewArticle, compress, content_hash};
pub use atlas_counts::{NAMED_BANDS, TrendBand, TrendSplit, Trends};
pub use bulk::EditedMany;
pub use facets::{FacetCount, Facets};
pub use filter::{Condition, DateTest, Filter, Place, choice_conditions, facet_condition};
pub use search::{SavedSearch, search_conditions};
pub use suggestions::TopicSuggestion;
/// Below this confidence a suggested topic is a guess (few words of the text point to it).
pub use topic_lexicon::WEAK as WEAK_SUGGESTION;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// SQLite found the file's structure broken, or the quick check did.
    #[error("the library file is damaged ({reason}); Folio writes nothing more to it")]
    Damaged { reason: String },
    #[error("the library is open read-only ({reason}): it can be read and exported, not changed")]
    ReadOnly { reason: String },
    #[error(
        "this library was written by a newer Folio (schema version {found}, this program knows up to {supported}); \
         update Folio to open it"
    )]
    NewerFile { found: i64, supported: i64 },
    #[error("{path} is not a Folio library (it is not an SQLite database, or it is damaged): {reason}")]
    NotALibrary { path: PathBuf, reason: String },
    #[error("could not create the folder for the library at {path}: {source}")]
    CreateFolder { path: PathBuf, source: std::io::Error },
    #[error(
        "{path} is in use by another Folio (the window or a command still running); \
         close it first, or open another library with --library"
    )]
    InUse { path: PathBuf },
    #[error("could not create the lock file {path}: {source}")]
    Lock { path: PathBuf, source: std::io::Error },
    #[error("no article with id {0}")]
    NotFound(i64),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, LibraryError>;

impl From<rusqlite::Error> for LibraryError {
    /// Damage is told apart from every other SQLite error: it is the one
    /// that must stop all writing, whatever statement met it.
    fn from(error: rusqlite::Error) -> Self {
        if is_damage(&error) {
            LibraryError::Damaged {
                reason: error.to_string(),
            }
        } else {
            LibraryError::Sqlite(error)
        }
    }
}

/// Whether SQLite's error says the file itself is broken. FTS5 reports a
/// shadow table it cannot read as a failed "vtable constructor".
fn is_damage(error: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    matches!(error.sqlite_error_code(), Some(DatabaseCorrupt | NotADatabase))
        || error.to_string().contains("vtable constructor failed")
}

/// Files up to this size get SQLite's quick check before the first write
/// of a session (about a quarter of a second per 256 MB on this machine's
/// disk cache); larger ones rely on SQLite reporting damage as it meets it.
const QUICK_CHECK_BYTES: u64 = 512 << 20;

/// What this session may do to the file.
#[derive(Debug, Clone, PartialEq)]
enum Access {
    /// Writable; the quick check has not run yet.
    Unchecked,
    /// Writable, and checked (or too large to check cheaply).
    Writable,
    /// The file or its folder cannot be written: reading only.
    ReadOnly(String),
    /// Damage was found: reading what can be read, never writing.
    Damaged(String),
}
pub struct Library {
    conn: Connection,
    path: PathBuf,
    /// Held for the life of this `Library`: one writer per file, so a second
    /// Folio is told the library is in use instead of racing this one.
    _lock: Option<std::fs::File>,
    access: Access,
    /// How many of the newest matches a search ranks first (see
    /// `search::RANKING_WINDOW`).
    ranking_window: usize,
    /// The list fields in memory, loaded on first use (see `article_index`).
    index: std::cell::RefCell<Option<article_index::ArticleIndex>>,
    /// Holds back the indexing of new articles while a batch is stored.
    deferral: deferred_index::Deferral,
}

impl Drop for Library {
    fn drop(&mut self) {
        self.keep_index();
    }
}

/// The lock file beside a library: `library.sqlite.lock`.
pub fn lock_path(library: &Path) -> PathBuf {
    beside(library, ".lock")
}

/// A file or folder beside a library, named after it: `library.sqlite`
/// and `suffix`.
pub fn beside(library: &Path, suffix: &str) -> PathBuf {
    let mut name = library.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    library.with_file_name(name)
}

/// The file a library path names, through any symbolic links: one library
/// reached by two paths is locked as one. Only a regular file (or none yet)
/// can be a library: a pipe or a device would hang or swallow the writes.
pub fn resolved(path: &Path) -> Result<PathBuf> {
    // Not `NotALibrary`: that one offers to move the damaged file aside and
    // restore a backup in its place, which must never happen to a device.
    let not_a_file = |kind: &str| {
        LibraryError::Invalid(format!(
            "{} cannot be a library: it is {kind}, not a regular file; give --library a file's path",
            path.display()
        ))
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())),
        Ok(meta) if meta.is_dir() => Err(not_a_file("a folder")),
        Ok(_) => Err(not_a_file("a device, a pipe or a socket")),
        // Not there yet: the folder it will be made in, resolved.
        Err(_) => {
            let parent = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let name = path.file_name().ok_or_else(|| not_a_file("not a file name"))?;
            Ok(std::fs::canonicalize(parent)
                .map(|p| p.join(name))
                .unwrap_or_else(|_| path.to_path_buf()))
        }
    }
}

/// Why this file can only be read, if it can only be read: the file, or the
/// folder that must hold its lock and journal, refuses writing.
fn read_only_reason(library: &Path) -> Option<String> {
    use std::io::ErrorKind::{PermissionDenied, ReadOnlyFilesystem};
    let refused = |e: &std::io::Error| matches!(e.kind(), PermissionDenied | ReadOnlyFilesystem);
    let meta = std::fs::metadata(library).ok()?;
    // Checked first: the superuser may write anyway, but a file marked
    // read-only is treated as its owner meant it.
    if meta.permissions().readonly() {
        return Some("the file is marked read-only".into());
    }
    if let Err(e) = std::fs::OpenOptions::new().append(true).open(library)
        && refused(&e)
    {
        return Some(format!("the file cannot be written: {e}"));
    }
    match std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(library))
    {
        Err(e) if refused(&e) => Some(format!("its folder cannot be written: {e}")),
        _ => None,
    }
}

/// Whether a Folio (the window, or a command still running) has the
/// library at `library` (a resolved path) open for writing. Only looks:
/// the lock is held for the blink of the check when it is free.
pub fn in_use(library: &Path) -> bool {
    lock_is_held(&lock_path(library))
}

/// Whether another open file holds the lock on the file at `path` (none
/// there: nobody). Only looks, as [`in_use`].
pub fn lock_is_held(path: &Path) -> bool {
    std::fs::File::open(path)
        .is_ok_and(|file| matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock)))
}

fn take_lock(library: &Path) -> Result<std::fs::File> {
    let path = lock_path(library);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| LibraryError::Lock {
            path: path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(LibraryError::InUse {
            path: library.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(LibraryError::Lock { path, source }),
    }
}

/// The schema version a file says it has, refusing a foreign or damaged
/// file and one from a newer Folio. Reading it is the first thing that
/// touches the file's header, before any write could change it.
fn check_version(conn: &Connection, path: &Path) -> Result<i64> {
    let found = schema::current_version(conn).map_err(|e| match e {
        LibraryError::Sqlite(_) | LibraryError::Damaged { .. } => not_a_library(path, e),
        other => other,
    })?;
    if found > schema::MIGRATIONS.len() as i64 {
        return Err(LibraryError::NewerFile {
            found,
            supported: schema::MIGRATIONS.len() as i64,
        });
    }
    Ok(found)
}

/// An SQLite URI opening `path` read-only (percent-encoding what a URI
/// cannot hold as it is).
fn read_only_uri(path: &Path, immutable: bool) -> String {
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str(if immutable {
        "?mode=ro&immutable=1"
    } else {
        "?mode=ro"
    });
    uri
}

fn not_a_library(path: &Path, error: LibraryError) -> LibraryError {
    let reason = match error {
        LibraryError::Sqlite(e) => e.to_string(),
        LibraryError::Damaged { reason } => reason,
        other => other.to_string(),
    };
    LibraryError::NotALibrary {
        path: path.to_path_buf(),
        reason,
    }
}

/// Whether the file at `path` is a library from an older Folio that opening
/// will upgrade (which, for a large library, takes a while). Reads only.
pub fn upgrade_pending(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    schema::current_version(&conn).is_ok_and(|v| v > 0 && v < schema::MIGRATIONS.len() as i64)
}

/// The page cache of the library's connection, in KiB as SQLite counts a
/// negative `cache_size`: 32 MB, a tenth of the memory budget at 1,000,000.
const PAGE_CACHE_KIB: i64 = -32_768;

impl Library {
    /// Opens the library at `path`, creating it (and its folder) on first use
    /// and bringing an older file up to the current schema.
    pub fn open(path: &Path) -> Result<Library> {
        Self::open_at_version(path, None)
    }

    /// Opens and migrates only up to schema `version`: for tests that need a
    /// file as an older Folio left it.
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: Option<usize>) -> Result<Library> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| LibraryError::CreateFolder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let path = &resolved(path)?;
        if let Some(reason) = read_only_reason(path) {
            return Self::open_read_only(path, reason);
        }
        let lock = take_lock(path)?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        check_version(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| not_a_library(path, e.into()))?;
        // FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on a
        // power cut. An archive's writes are few and small; durability wins.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Before any step or write: the triggers of the indexes call them.
        word_starts::register(&conn)?;
        let deferral = deferred_index::register(&conn)?;
        schema::migrate(&mut conn, version)?;
        Self::finish_opening(conn, path, Some(lock), Access::Unchecked, deferral)
    }

    /// Opens a library only to read it: nothing is written, not even the
    /// lock or a schema upgrade. For a read-only file or folder, and for
    /// reading what is left of a damaged file (`folio salvage`).
    pub fn open_read_only(path: &Path, reason: String) -> Result<Library> {
        let path = &resolved(path)?;
        if !path.is_file() {
            return Err(LibraryError::Invalid(format!(
                "{} does not exist",
                path.display()
            )));
        }
        let flags =
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        // A WAL library needs its shared-memory file; where the folder
        // refuses one, nothing can be writing the file either, and SQLite
        // may read it as immutable.
        let readable = |conn: Connection| schema::current_version(&conn).map(|_| conn);
        let conn = match Connection::open_with_flags(read_only_uri(path, false), flags)
            .map_err(LibraryError::from)
            .and_then(readable)
        {
            Ok(conn) => conn,
            Err(_) => Connection::open_with_flags(read_only_uri(path, true), flags)?,
        };
        let found = check_version(&conn, path)?;
        if found < schema::MIGRATIONS.len() as i64 {
            return Err(LibraryError::ReadOnly {
                reason: format!(
                    "{reason}; it was made by an older Folio and must be upgraded, which needs writing to it"
                ),
            });
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        word_starts::register(&conn)?;
        let deferral = deferred_index::register(&conn)?;
        Self::finish_opening(conn, path, None, Access::ReadOnly(reason), deferral)
    }

    fn finish_opening(
        conn: Connection,
        path: &Path,
        lock: Option<std::fs::File>,
        access: Access,
        deferral: deferred_index::Deferral,
    ) -> Result<Library> {
        // SQLite keeps 2 MB of pages by default; a search's keystrokes read
        // the same newest texts and index pages again and again, which
        // otherwise come back from the system one read call per page.
        conn.pragma_update(None, "cache_size", PAGE_CACHE_KIB)?;
        // Document counts per word, for "more like this"; a view of the
        // index that lives only in this connection.
        if schema::current_version(&conn)? >= 1 {
            conn.execute_batch(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocabulary USING fts5vocab(main, articles_fts, row)",
            )?;
        }
        Ok(Library {
            conn,
            path: path.to_path_buf(),
            _lock: lock,
            access,
            ranking_window: search::RANKING_WINDOW,
            index: std::cell::RefCell::new(None),
            deferral,
        })
    }

    /// Commits without waiting for the disk, which is then written at
    /// checkpoints: only for a library that is scratch, such as one
    /// `folio generate` fills, where a third of a million small commits (a
    /// topic, a note, a highlight each) would otherwise each wait for it.
    /// In WAL mode a power cut may lose the last commits, never the file.
    pub(crate) fn write_without_waiting_for_the_disk(&self) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// Why this library cannot be changed, if it cannot: read-only, or
    /// found damaged.
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.access {
            Access::Unchecked | Access::Writable => None,
            Access::ReadOnly(reason) | Access::Damaged(reason) => Some(reason),
        }
    }

    /// SQLite's quick check of the whole file: `None` when it is sound,
    /// else what is wrong. Reads every page; takes about a second per GB.
    pub fn damage(&self) -> Option<String> {
        let lines: rusqlite::Result<Vec<String>> = self
            .conn
            .prepare("PRAGMA quick_check(20)")
            .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect());
        match lines {
            Ok(lines) if lines == ["ok"] => None,
            Ok(lines) => {
                // One problem is enough to say what happened; SQLite's
                // heading lines ("*** in database main ***") say nothing.
                let problems: Vec<&str> = lines
                    .iter()
                    .flat_map(|l| l.lines())
                    .filter(|l| !l.starts_with("***") && !l.trim().is_empty())
                    .collect();
                Some(match problems.as_slice() {
                    [] => "the quick check failed".to_string(),
                    [one] => format!("the quick check found: {one}"),
                    [first, rest @ ..] => format!(
                        "the quick check found {} problems, the first: {first}",
                        rest.len() + 1
                    ),
                })
            }
            Err(e) => Some(e.to_string()),
        }
    }

    /// Stops all writing for the rest of this session: damage was seen.
    /// SQLite itself is told too (`query_only`), so a write that forgot to
    /// ask [`Self::ensure_writable`] still cannot reach the file.
    pub fn refuse_writes(&mut self, reason: String) {
        let _ = self.conn.pragma_update(None, "query_only", true);
        self.access = Access::Damaged(reason);
    }

    /// Every change to the library asks this first. The first time in a
    /// session, a file small enough to check cheaply gets SQLite's quick
    /// check: damage found then stops the write before it touches the file.
    fn ensure_writable(&mut self) -> Result<()> {
        match &self.access {
            Access::Writable => Ok(()),
            Access::ReadOnly(reason) => Err(LibraryError::ReadOnly {
                reason: reason.clone(),
            }),
            Access::Damaged(reason) => Err(LibraryError::Damaged {
                reason: reason.clone(),
            }),
            Access::Unchecked => {
                let small = std::fs::metadata(&self.path).map_or(true, |m| m.len() <= QUICK_CHECK_BYTES);
                if small && let Some(reason) = self.damage() {
                    self.refuse_writes(reason.clone());
                    return Err(LibraryError::Damaged { reason });
                }
                self.access = Access::Writable;
                Ok(())
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Bytes of article text (titles and bodies, UTF-8), trash included:
    /// what the file's size is weighed against.
    pub fn text_bytes(&self) -> Result<u64> {
        let bytes: i64 = self.conn.query_row(
            "SELECT coalesce(sum(length(CAST(body AS BLOB)) + length(CAST(coalesce(title, '') AS BLOB))), 0) \
             FROM articles",
            [],
            |r| r.get(0),
        )?;
        Ok(bytes.max(0) as u64)
    }

    /// Narrows the ranking window, so tests can see it widen on a small
    /// library.
    #[doc(hidden)]
    pub fn set_ranking_window(&mut self, matches: usize) {
        self.ranking_window = matches.max(1);
    }

    /// The raw connection, for tests that need to look under the hood.
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Now, as stored in the library: RFC 3339 in UTC, to the second.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
