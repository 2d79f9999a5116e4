//! The library file: the only place that speaks SQL.
//!
//! `Library::open` creates or migrates the file and sets the pragmas; the
//! methods, grouped by concern in the submodules, take and return the plain
//! types of [`crate::model`]. Every statement is parameterised.

mod articles;
mod bulk;
mod facets;
mod filter;
mod highlights;
mod list_order;
pub use highlights::{Annotation, AnnotationKind, AnnotationQuery, Reanchored};
pub mod maintenance;
mod notes_tags;
pub mod query;
pub mod schema;
mod search;
mod snippet;
mod suggestions;
mod topic_lexicon;
mod topics;
mod transfer;
pub mod word_starts;
pub use topics::TopicNode;

pub use articles::{InsertOutcome, NewArticle, compress};
pub use bulk::EditedMany;
pub use facets::{FacetCount, Facets};
pub use filter::{Condition, DateTest, Filter, Place, choice_conditions, facet_condition};
pub use search::{SavedSearch, search_conditions};
pub use suggestions::TopicSuggestion;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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

pub struct Library {
    conn: Connection,
    path: PathBuf,
    /// Held for the life of this `Library`: one writer per file, so a second
    /// Folio is told the library is in use instead of racing this one.
    _lock: std::fs::File,
    /// How many of the newest matches a search ranks first (see
    /// `search::RANKING_WINDOW`).
    ranking_window: usize,
}

/// The lock file beside a library: `library.sqlite.lock`.
pub fn lock_path(library: &Path) -> PathBuf {
    let mut name = library.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    library.with_file_name(name)
}

/// The file a library path names, through any symbolic links: one library
/// reached by two paths is locked as one. Only a regular file (or none yet)
/// can be a library: a pipe or a device would hang or swallow the writes.
fn resolved(path: &Path) -> Result<PathBuf> {
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

/// Whether the file at `path` is a library from an older Folio that opening
/// will upgrade (which, for a large library, takes a while). Reads only.
pub fn upgrade_pending(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    schema::current_version(&conn).is_ok_and(|v| v > 0 && v < schema::MIGRATIONS.len() as i64)
}

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
        let lock = take_lock(path)?;
        let not_a_library = |e: rusqlite::Error| LibraryError::NotALibrary {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Reading the schema version is the first thing that touches the
        // file's header: a foreign or damaged file fails here, before any
        // write could change it.
        let found = schema::current_version(&conn).map_err(|e| match e {
            LibraryError::Sqlite(e) => not_a_library(e),
            other => other,
        })?;
        if found > schema::MIGRATIONS.len() as i64 {
            return Err(LibraryError::NewerFile {
                found,
                supported: schema::MIGRATIONS.len() as i64,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_a_library)?;
        // FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on a
        // power cut. An archive's writes are few and small; durability wins.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Before any step or write: the triggers of the word-start index call it.
        word_starts::register(&conn)?;
        schema::migrate(&mut conn, version)?;
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
            ranking_window: search::RANKING_WINDOW,
        })
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
