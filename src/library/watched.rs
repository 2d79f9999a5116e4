//! The watched folder this library remembers, and the files the watch has
//! already handed over.

use super::{Library, LibraryError, Result, now};
use rusqlite::{OptionalExtension, params};
use std::path::{Path, PathBuf};

/// The folder a library watches, and whether the watch is paused.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchedFolder {
    pub path: PathBuf,
    pub paused: bool,
}

impl Library {
    /// The folder this library watches, if any.
    pub fn watched_folder(&self) -> Result<Option<WatchedFolder>> {
        Ok(self
            .conn
            .query_row("SELECT path, paused FROM watched_folder WHERE id = 1", [], |r| {
                Ok(WatchedFolder {
                    path: PathBuf::from(r.get::<_, String>(0)?),
                    paused: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// Remembers the folder to watch (and whether paused), or forgets it.
    pub fn set_watched_folder(&mut self, folder: Option<&WatchedFolder>) -> Result<()> {
        self.ensure_writable()?;
        match folder {
            None => {
                self.conn.execute("DELETE FROM watched_folder", [])?;
            }
            Some(folder) => {
                let path = path_text(&folder.path)?;
                self.conn.execute(
                    "INSERT INTO watched_folder(id, path, paused) VALUES (1, ?, ?) \
                     ON CONFLICT(id) DO UPDATE SET path = excluded.path, paused = excluded.paused",
                    params![path, folder.paused],
                )?;
            }
        }
        Ok(())
    }

    /// Whether the watch has handed over this file before (`file_key`:
    /// what tells it, see [`crate::ingest::landed`]).
    pub fn watch_has_seen(&self, file_key: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM watch_seen WHERE file_key = ?")?
            .exists([file_key])?)
    }

    /// Notes that the watch has handed over this file.
    pub fn watch_saw(&mut self, file_key: &str) -> Result<()> {
        self.ensure_writable()?;
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO watch_seen(file_key, seen_at) VALUES (?, ?)")?
            .execute(params![file_key, now()])?;
        Ok(())
    }
}

/// A folder's path as stored: text, so that the file stays readable by
/// other tools; a name that is not valid text cannot be remembered.
fn path_text(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| {
        LibraryError::Invalid(format!(
            "{} cannot be remembered: its name is not valid text (UTF-8)",
            path.display()
        ))
    })
}
