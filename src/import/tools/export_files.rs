//! The files of an export that comes as many: the entries of its zip, or
//! the same files unzipped into a folder. A reader asks for them by name,
//! wherever they are.

use super::archive::BoundedZip;
use std::path::{Path, PathBuf};

/// How deep a folder export is looked into: the tools nest their files
/// one or two folders down; a folder of a whole disk is not an export.
const MAX_DEPTH: usize = 3;
/// Most files listed in a folder export (Omnivore writes three per article).
const MAX_FILES: usize = 300_000;

pub enum ExportFiles {
    Zip(BoundedZip),
    /// A folder, and its files by their paths inside it (`/`-separated).
    Folder(PathBuf, Vec<String>),
}

impl ExportFiles {
    pub fn zip(path: &Path) -> Result<Self, String> {
        BoundedZip::open(path).map(ExportFiles::Zip)
    }

    pub fn folder(path: &Path) -> Self {
        let mut names = Vec::new();
        list(path, "", 0, &mut names);
        names.sort();
        ExportFiles::Folder(path.to_path_buf(), names)
    }

    /// Every file's name, `/`-separated, in order.
    pub fn names(&self) -> Vec<String> {
        match self {
            ExportFiles::Zip(zip) => {
                let mut names = zip.names();
                names.sort();
                names
            }
            ExportFiles::Folder(_, names) => names.clone(),
        }
    }

    /// The text of the file `name`: `None` when there is none so named,
    /// an error naming it when it cannot be read.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, String> {
        match self {
            ExportFiles::Zip(zip) => zip.text(name),
            ExportFiles::Folder(root, names) => {
                if names.binary_search_by(|n| n.as_str().cmp(name)).is_err() {
                    return Ok(None);
                }
                crate::import::files::read_limited(&root.join(name), crate::import::MAX_FILE_BYTES)
                    .map(|bytes| Some(String::from_utf8_lossy(&bytes).into_owned()))
                    .map_err(|e| format!("{name} could not be read: {e}"))
            }
        }
    }
}

/// Whether a file's name (its last part) is `prefix*.suffix`, as the
/// parts of an export are named.
pub fn named_like(name: &str, prefix: &str, suffix: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name).to_lowercase();
    file.starts_with(prefix) && file.ends_with(suffix)
}

/// The files under `dir` (hidden ones left out), as `/`-separated paths.
fn list(dir: &Path, prefix: &str, depth: usize, names: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if names.len() >= MAX_FILES {
            return;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{prefix}{name}");
        match entry.file_type() {
            Ok(kind) if kind.is_dir() && depth < MAX_DEPTH => {
                list(&entry.path(), &format!("{path}/"), depth + 1, names)
            }
            Ok(kind) if kind.is_file() => names.push(path),
            _ => {}
        }
    }
}
