//! Import of files and folders: walk the paths, extract in parallel, store in
//! batches, and account for every file in the report.

use super::{Format, MAX_FILE_BYTES, extract};
use crate::library::{InsertOutcome, Library, LibraryError, NewArticle};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Imported { id: i64, title: String },
    Duplicate { id: i64 },
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub path: PathBuf,
    pub outcome: Outcome,
}

/// Every file named or found, and what became of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    /// True when the user stopped the import before the end.
    pub cancelled: bool,
}

impl ImportReport {
    pub fn imported(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Imported { .. }))
    }
    pub fn duplicates(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Duplicate { .. }))
    }
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed { .. }))
    }
    fn count(&self, pred: impl Fn(&Outcome) -> bool) -> usize {
        self.files.iter().filter(|f| pred(&f.outcome)).count()
    }
    /// Ids of the articles this import added.
    pub fn new_ids(&self) -> Vec<i64> {
        self.files
            .iter()
            .filter_map(|f| match f.outcome {
                Outcome::Imported { id, .. } => Some(id),
                _ => None,
            })
            .collect()
    }
    pub fn summary_line(&self) -> String {
        format!(
            "{} imported, {} duplicate{}, {} failed{}",
            self.imported(),
            self.duplicates(),
            if self.duplicates() == 1 { "" } else { "s" },
            self.failed(),
            if self.cancelled { " (cancelled)" } else { "" }
        )
    }
}

/// How far an import has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// File endings a folder walk picks up. Files named explicitly are always
/// tried, whatever their name: the format is told by content.
const IMPORTABLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "mhtml", "mht",
];

/// The files to import: the files named, and the importable files under the
/// folders named, in a stable order. Hidden files and the `_files` folders
/// that browsers save beside a page are skipped. Paths that do not exist are
/// returned with the reason, so the report can name them.
pub fn collect_files(paths: &[PathBuf]) -> Vec<(PathBuf, Option<String>)> {
    let mut out = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_folder(path, &mut visited, &mut out),
            Ok(_) => out.push((path.clone(), None)),
            Err(e) => out.push((path.clone(), Some(io_reason(&e)))),
        }
    }
    out
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Walks a folder. Symbolic links to folders are followed, but each folder
/// is read once (by its real path), so a link loop ends instead of recursing
/// forever.
fn walk_folder(
    dir: &Path,
    visited: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<(PathBuf, Option<String>)>,
) {
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push((
                dir.to_path_buf(),
                Some(format!("could not read folder: {}", io_reason(&e))),
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let name = child.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if child.is_dir() {
            if !name.ends_with("_files") {
                walk_folder(&child, visited, out);
            }
            continue;
        }
        let importable = child
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| IMPORTABLE_EXTENSIONS.contains(&e.to_lowercase().as_str()));
        if importable {
            out.push((child, None));
        }
    }
}

/// Reads and extracts one file; the error is the report's reason.
fn prepare(path: &Path) -> Result<NewArticle, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(super::ExtractError::TooLarge(meta.len() / (1024 * 1024)).to_string());
    }
    let bytes = std::fs::read(path).map_err(|e| io_reason(&e))?;
    let name = path.file_name().and_then(|n| n.to_str()).map(str::to_string);
    let (article, format): (_, Format) = extract(&bytes, name.as_deref()).map_err(|e| e.to_string())?;
    Ok(NewArticle {
        meta: article,
        file_name: name,
        format: format.as_str().to_string(),
        // Compressed here, on the import's worker threads.
        compressed_original: crate::library::compress(&bytes),
    })
}

/// Stores one batch of prepared files and adds a line per file to the report.
fn store_batch(
    library: &mut Library,
    chunk: &[(PathBuf, Option<String>)],
    prepared: Vec<Result<NewArticle, String>>,
    report: &mut ImportReport,
) -> Result<(), LibraryError> {
    let ready: Vec<NewArticle> = prepared.iter().filter_map(|p| p.as_ref().ok().cloned()).collect();
    let mut stored = library.insert_batch(&ready)?.into_iter();
    for ((path, _), prepared) in chunk.iter().zip(prepared) {
        let outcome = match prepared {
            Err(reason) => Outcome::Failed { reason },
            Ok(article) => match stored.next() {
                Some(Ok(InsertOutcome::Imported { id })) => Outcome::Imported {
                    id,
                    title: article.meta.title.unwrap_or_else(|| "(untitled)".into()),
                },
                Some(Ok(InsertOutcome::Duplicate { id })) => Outcome::Duplicate { id },
                Some(Err(e)) => Outcome::Failed {
                    reason: e.to_string(),
                },
                None => Outcome::Failed {
                    reason: "was not stored".into(),
                },
            },
        };
        report.files.push(FileReport {
            path: path.clone(),
            outcome,
        });
    }
    Ok(())
}

/// Files stored per transaction: large enough to amortise the commit, small
/// enough that a crash or a cancel loses little work.
const BATCH: usize = 256;

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase()
}

/// Whether a file holds many articles: a library export (JSON), an export
/// of another tool (JSON, CSV, zip), or Pocket's list of links (HTML).
fn is_collection(path: &Path) -> bool {
    match extension(path).as_str() {
        "json" | "csv" | "zip" => true,
        "html" | "htm" => {
            let mut start = vec![0u8; 64 * 1024];
            let read = std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read(&mut f, &mut start))
                .unwrap_or(0);
            String::from_utf8_lossy(&start[..read]).contains("time_added=")
        }
        _ => false,
    }
}

/// A line per article of a collection, or one failed line for the file.
fn import_collection(library: &mut Library, path: &Path) -> Vec<FileReport> {
    let failed = |reason: String| {
        vec![FileReport {
            path: path.to_path_buf(),
            outcome: Outcome::Failed { reason },
        }]
    };
    if extension(path) == "json"
        && std::fs::read(path).is_ok_and(|b| {
            crate::export::library_json::looks_like_library_export(&String::from_utf8_lossy(&b))
        })
    {
        return import_library_export(library, path);
    }
    let (tool, items) = match super::other_tools::read_export(path) {
        Some(Ok(found)) => found,
        Some(Err(reason)) => return failed(reason),
        None => {
            return failed(
                "not an export Folio knows (a Folio library, wallabag or Zotero CSL-JSON, \
                 Pocket or Instapaper CSV, an Omnivore zip)"
                    .into(),
            );
        }
    };
    items
        .iter()
        .enumerate()
        .map(|(n, item)| FileReport {
            path: PathBuf::from(format!("{}#{}", path.display(), n + 1)),
            outcome: match library.import_tool_item(item, tool) {
                Ok(InsertOutcome::Imported { id }) => Outcome::Imported {
                    id,
                    title: item
                        .title
                        .clone()
                        .or_else(|| item.url.clone())
                        .unwrap_or_else(|| "(untitled)".into()),
                },
                Ok(InsertOutcome::Duplicate { id }) => Outcome::Duplicate { id },
                Err(e) => Outcome::Failed {
                    reason: format!("{} item: {e}", tool.name()),
                },
            },
        })
        .collect()
}

/// Reads a library export (see [`crate::export::library_json`]): a line per
/// article it holds, or one failed line for the file when it is not one.
fn import_library_export(library: &mut Library, path: &Path) -> Vec<FileReport> {
    use crate::export::library_json::{FORMAT, LibraryExport, VERSION, looks_like_library_export};
    let failed = |reason: String| {
        vec![FileReport {
            path: path.to_path_buf(),
            outcome: Outcome::Failed { reason },
        }]
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => return failed(io_reason(&e)),
    };
    if !looks_like_library_export(&text) {
        return failed(format!(
            "a JSON file, but not a library exported by Folio (\"format\": \"{FORMAT}\")"
        ));
    }
    let export: LibraryExport = match serde_json::from_str(&text) {
        Ok(export) => export,
        Err(e) => return failed(format!("the library export is damaged: {e}")),
    };
    if export.version > VERSION {
        return failed(format!(
            "exported by a newer Folio (format version {}; this one reads up to {VERSION})",
            export.version
        ));
    }
    if let Err(e) = library.import_tags_and_topics(&export.tags, &export.topics) {
        return failed(format!("its tags and topics could not be stored: {e}"));
    }
    export
        .articles
        .iter()
        .enumerate()
        .map(|(n, article)| FileReport {
            path: PathBuf::from(format!("{}#{}", path.display(), n + 1)),
            outcome: match library.import_exported(article) {
                Ok(InsertOutcome::Imported { id }) => Outcome::Imported {
                    id,
                    title: article.title.clone().unwrap_or_else(|| "(untitled)".into()),
                },
                Ok(InsertOutcome::Duplicate { id }) => Outcome::Duplicate { id },
                Err(e) => Outcome::Failed {
                    reason: e.to_string(),
                },
            },
        })
        .collect()
}

/// Imports files and folders into the library. A file that fails is reported
/// and the rest go on; `cancel` stops the import between batches.
pub fn import_paths(
    library: &mut Library,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    mut progress: impl FnMut(Progress, &[FileReport]),
) -> Result<ImportReport, LibraryError> {
    // A library export, or another tool's, holds many articles: each gets
    // its own line.
    let (exports, files): (Vec<_>, Vec<_>) = collect_files(paths)
        .into_iter()
        .partition(|(path, missing)| missing.is_none() && is_collection(path));
    // Progress counts files; an export's articles are lines of the report.
    let total = files.len() + exports.len();
    let mut done = 0;
    let mut report = ImportReport::default();
    for (path, _) in exports {
        let lines = import_collection(library, &path);
        report.files.extend(lines.iter().cloned());
        done += 1;
        progress(Progress { done, total }, &lines);
    }
    // The files of the next batch are read and extracted (on every core)
    // while this thread stores the last one: the library is written by one
    // thread, and extraction need not wait for it.
    std::thread::scope(|scope| -> Result<(), LibraryError> {
        let (batches, prepared_batches) = std::sync::mpsc::sync_channel(1);
        let files = &files;
        scope.spawn(move || {
            // One core is left to the thread that stores, which is the
            // slower side: competing with extraction for it slows the whole.
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(cores.saturating_sub(1).max(1))
                .build();
            for chunk in files.chunks(BATCH) {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                let prepare_all = || -> Vec<Result<NewArticle, String>> {
                    chunk
                        .par_iter()
                        .map(|(path, missing)| match missing {
                            Some(reason) => Err(reason.clone()),
                            None => prepare(path),
                        })
                        .collect()
                };
                let prepared = match &pool {
                    Ok(pool) => pool.install(prepare_all),
                    Err(_) => prepare_all(),
                };
                // The receiver is gone when storing failed: stop.
                if batches.send((chunk, prepared)).is_err() {
                    break;
                }
            }
        });
        for (chunk, prepared) in prepared_batches {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            store_batch(library, chunk, prepared, &mut report)?;
            done += chunk.len();
            let first_new = report.files.len() - chunk.len();
            progress(Progress { done, total }, &report.files[first_new..]);
        }
        Ok(())
    })?;
    report.cancelled = cancel.load(Ordering::Relaxed) && done < total;
    Ok(report)
}
