//! Importing what a watched folder hands over: each file once. A file
//! whose content the watch has handed over before (the same file renamed,
//! moved out and back, copied) is passed over without a word, and so is a
//! file of another kind already said to be skipped; the rest go through
//! the import as a folder's files do, with the same report lines.

use super::pipeline::{FileReport, Met, import_met, met_in_folder};
use crate::library::{Library, LibraryError};
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// Imports one file the watch handed over (`at_start`: found there when
/// the watch began); returns the report's lines: none for a file already
/// taken, nor for one found at the start that is no article (a downloads
/// folder is full of those, and saying so at every start would bury what
/// matters).
pub fn import_landed(
    library: &mut Library,
    path: &Path,
    at_start: bool,
) -> Result<Vec<FileReport>, LibraryError> {
    let met = met_in_folder(path);
    if at_start && matches!(met, Met::Skipped(_)) {
        return Ok(Vec::new());
    }
    // Gone again (renamed on, deleted) before it could be read: its next
    // name, if any, lands in its own time.
    let Some(key) = file_key(path, &met) else {
        return Ok(Vec::new());
    };
    if library.watch_has_seen(&key)? {
        return Ok(Vec::new());
    }
    let report = import_met(
        library,
        vec![(path.to_path_buf(), met)],
        &AtomicBool::new(false),
        |_, _| {},
    )?;
    library.watch_saw(&key)?;
    Ok(report.files)
}

/// What tells a file the watch has taken: an article's by its content
/// (renamed or moved, it is the same), a file of another kind by its path
/// (a picture is said to be skipped once, however often it changes: the
/// library's own file, in a watched folder, changes at every import).
fn file_key(path: &Path, met: &Met) -> Option<String> {
    match met {
        Met::Skipped(_) => Some(format!("skipped {}", path.display())),
        _ => file_hash(path),
    }
}

/// The hash of a file's bytes, read as a stream (a large download need
/// not fit in memory); `None` when it cannot be read.
fn file_hash(path: &Path) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(file).ok()?;
    Some(hasher.finalize().to_hex().to_string())
}
