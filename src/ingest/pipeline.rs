//! Import of files and folders: walk the paths, extract in parallel, store in
//! batches, and account for every file in the report. Collections (exports
//! holding many articles) go to `collections`.

use super::collections::{NotAnExport, failed, import_collection, is_collection, whole};
use super::report::io_reason;
pub use super::report::{FileReport, ImportReport, Outcome, Progress};
use crate::import::files::{not_regular, read_limited};
use crate::import::tools::is_export_folder;
use crate::import::{MAX_FILE_BYTES, read_article};
use crate::library::{InsertOutcome, Library, LibraryError, NewArticle, compress};
use crate::model::FoundArticle;
use crate::model::Provenance;
use crate::model::library_export::ExportedArticle;
use crate::model::site_rules;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// File endings a folder walk reads as articles (or as an export, when the
/// content is one: a bookmark `.html`, a `.txt` list of links). Files named
/// explicitly are always tried, whatever their name: the format is told by
/// content.
const IMPORTABLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "mhtml", "mht", "pdf",
];

/// File endings a folder walk tries as exports holding many articles. A
/// file with no ending is one when its content says so (Pinboard's
/// `pinboard_export`, Chrome's `Bookmarks`).
const COLLECTION_EXTENSIONS: &[&str] = &["json", "csv", "zip", "bib"];

/// A path the walk met, and what becomes of it. Every one gets a line in
/// the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Met {
    /// To be read.
    Read,
    /// Met in a folder with the name of an export (`.json`, `.csv`,
    /// `.zip`, `.bib`), or with no ending and an export's content: read if it is
    /// one, else skipped.
    ReadIfExport,
    /// Could not be read (gone, not a regular file, …): why.
    Failed(String),
    /// Not read, on purpose: why.
    Skipped(String),
}

/// The files to import: the files named, and every file under the folders
/// named, in a stable order, each with what becomes of it (hidden files,
/// the `_files` folders browsers save beside a page, and files of other
/// kinds are skipped, with a line saying so).
pub fn collect_files(paths: &[PathBuf]) -> Vec<(PathBuf, Met)> {
    let mut out = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() && !is_export_folder(path) => walk_folder(path, &mut visited, &mut out),
            Ok(meta) if meta.is_dir() => out.push((path.clone(), Met::Read)),
            Ok(meta) => match not_regular(&meta) {
                Some(kind) => out.push((path.clone(), Met::Failed(format!("not a regular file: {kind}")))),
                None => out.push((path.clone(), Met::Read)),
            },
            Err(e) => out.push((path.clone(), Met::Failed(io_reason(&e)))),
        }
    }
    out
}

/// Walks a folder. Symbolic links to folders are followed, but each folder
/// is read once (by its real path), so a link loop ends instead of recursing
/// forever.
fn walk_folder(dir: &Path, visited: &mut std::collections::HashSet<PathBuf>, out: &mut Vec<(PathBuf, Met)>) {
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push((
                dir.to_path_buf(),
                Met::Failed(format!("could not read folder: {}", io_reason(&e))),
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let met = met_in_folder(&child);
        // An export unzipped into a folder is one export, not its files.
        if met == Met::Read && child.is_dir() && !is_export_folder(&child) {
            walk_folder(&child, visited, out);
        } else {
            out.push((child, met));
        }
    }
}

/// What becomes of one entry of a folder being walked (a folder to walk
/// is `Read`).
pub fn met_in_folder(child: &Path) -> Met {
    let name = child.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let meta = match std::fs::metadata(child) {
        Ok(meta) => meta,
        Err(e) => return Met::Failed(io_reason(&e)),
    };
    if meta.is_dir() {
        return if name.starts_with('.') {
            Met::Skipped("a hidden folder".into())
        } else if name.ends_with("_files") {
            Met::Skipped("the images and scripts a browser saved beside a page".into())
        } else {
            Met::Read
        };
    }
    if name.starts_with('.') {
        return Met::Skipped("a hidden file".into());
    }
    if let Some(kind) = not_regular(&meta) {
        return Met::Failed(format!("not a regular file: {kind}"));
    }
    let extension = child
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if IMPORTABLE_EXTENSIONS.contains(&extension.as_str()) {
        Met::Read
    } else if COLLECTION_EXTENSIONS.contains(&extension.as_str())
        || (extension.is_empty() && crate::import::tools::looks_like_export(child))
    {
        Met::ReadIfExport
    } else if extension.is_empty() {
        Met::Skipped("not an article format (no file ending; import it by name to try it)".into())
    } else {
        Met::Skipped(format!(
            "not an article format (.{extension}; import it by name to try it)"
        ))
    }
}

/// One file read, ready to store.
#[derive(Clone)]
enum Prepared {
    /// Its fields and text (and the file), as most files give.
    Fields(Box<NewArticle>),
    /// An article that says more than its fields (a file of Folio's
    /// Markdown vault: its highlights, note, read state, star, or only a
    /// link; a note's saved date): stored whole, as an export's articles are.
    Whole(Box<ExportedArticle>),
}

impl Prepared {
    fn title(&self) -> Option<&str> {
        match self {
            Prepared::Fields(article) => article.meta.title.as_deref(),
            Prepared::Whole(article) => article.title.as_deref().or(article.url.as_deref()),
        }
    }
}

/// Reads and extracts one file; the error is the report's reason.
fn prepare(path: &Path) -> Result<Prepared, String> {
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|e| e.to_string())?;
    // A name that is not UTF-8 is kept as near as it can be shown.
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let found = read_article(bytes, name).map_err(|e| e.to_string())?;
    Ok(prepared(found))
}

/// An article read from one file (or a paste), as the library stores it:
/// its fields and text with the original compressed (here, on the import's
/// worker threads), or, when it says more than its fields, whole.
fn prepared(found: FoundArticle) -> Prepared {
    if found.provenance != Provenance::default()
        || found.note.is_some()
        || !found.marked.is_empty()
        || !found.topics.is_empty()
    {
        return Prepared::Whole(Box::new(whole(found, &crate::library::now())));
    }
    Prepared::Fields(Box::new(NewArticle {
        meta: found.meta,
        file_name: found.original.file_name,
        format: found.original.format,
        compressed_original: compress(&found.original.bytes),
    }))
}

/// Stores one article that came without a file of its own (a paste, the
/// standard input) as a file's would be: a duplicate is caught and named,
/// the original kept. `label` names it in the report.
pub fn import_found(
    library: &mut Library,
    found: FoundArticle,
    label: &str,
) -> Result<FileReport, LibraryError> {
    let chunk = [(PathBuf::from(label), Met::Read)];
    let mut report = ImportReport::default();
    store_batch(library, &chunk, vec![Ok(prepared(found))], &mut report)?;
    report
        .files
        .pop()
        .ok_or_else(|| LibraryError::Invalid("the clipping was not stored".into()))
}

/// Stores one batch of prepared files and adds a line per file to the report.
fn store_batch(
    library: &mut Library,
    chunk: &[(PathBuf, Met)],
    mut prepared: Vec<Result<Prepared, String>>,
    report: &mut ImportReport,
) -> Result<(), LibraryError> {
    let learned = apply_learned_rules(library, &mut prepared)?;
    let mut fields = Vec::new();
    let mut wholes = Vec::new();
    for p in prepared.iter().flatten() {
        match p {
            Prepared::Fields(article) => fields.push((**article).clone()),
            Prepared::Whole(article) => wholes.push((**article).clone()),
        }
    }
    let mut stored_fields = library.insert_batch(&fields)?.into_iter();
    let mut stored_wholes = library.import_exported_batch(&wholes)?.into_iter();
    for (((path, _), prepared), learned) in chunk.iter().zip(prepared).zip(learned) {
        let outcome = match prepared {
            Err(reason) => Outcome::Failed { reason },
            Ok(article) => {
                let stored = match article {
                    Prepared::Fields(_) => stored_fields.next(),
                    Prepared::Whole(_) => stored_wholes.next(),
                };
                match stored {
                    Some(Ok(InsertOutcome::Imported { id })) => Outcome::Imported {
                        id,
                        title: article.title().unwrap_or("(untitled)").to_string(),
                    },
                    Some(Ok(InsertOutcome::Duplicate { id })) => Outcome::Duplicate { id },
                    Some(Ok(InsertOutcome::Merged { id, changes })) => Outcome::Merged { id, changes },
                    Some(Err(e)) => Outcome::Failed {
                        reason: e.to_string(),
                    },
                    None => Outcome::Failed {
                        reason: "was not stored".into(),
                    },
                }
            }
        };
        let note = match outcome {
            Outcome::Imported { .. } if !learned.is_empty() => Some(learned.join("; ")),
            _ => None,
        };
        report.files.push(FileReport {
            path: path.clone(),
            outcome,
            note,
        });
    }
    Ok(())
}

/// Gives each article read from a file what the user's corrections taught
/// for its site or paper; returns, per article, what changed (for its
/// report line).
fn apply_learned_rules(
    library: &Library,
    prepared: &mut [Result<Prepared, String>],
) -> Result<Vec<Vec<String>>, LibraryError> {
    let rules = library.site_rules()?;
    Ok(prepared
        .iter_mut()
        .map(|p| match p {
            Ok(Prepared::Fields(article)) if !rules.is_empty() => {
                site_rules::apply(&rules, &mut article.meta)
            }
            _ => Vec::new(),
        })
        .collect())
}

/// Files stored per transaction: large enough to amortise the commit, small
/// enough that a crash or a cancel loses little work.
const BATCH: usize = 256;

/// Imports files and folders into the library. A file that fails is reported
/// and the rest go on; `cancel` stops the import between batches.
pub fn import_paths(
    library: &mut Library,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    progress: impl FnMut(Progress, &[FileReport]),
) -> Result<ImportReport, LibraryError> {
    import_met(library, collect_files(paths), cancel, progress)
}

/// Imports paths already met (by [`collect_files`], or one by one as a
/// watched folder hands them over), each as what it was met as.
pub fn import_met(
    library: &mut Library,
    met: Vec<(PathBuf, Met)>,
    cancel: &AtomicBool,
    mut progress: impl FnMut(Progress, &[FileReport]),
) -> Result<ImportReport, LibraryError> {
    // A library export, or another tool's, holds many articles: each gets
    // its own line.
    let (skipped, met): (Vec<_>, Vec<_>) = met
        .into_iter()
        .partition(|(_, met)| matches!(met, Met::Skipped(_)));
    let (exports, files): (Vec<_>, Vec<_>) = met
        .into_iter()
        .partition(|(path, met)| *met == Met::ReadIfExport || (*met == Met::Read && is_collection(path)));
    // Progress counts files; an export's articles are lines of the report.
    let total = files.len() + exports.len();
    let mut done = 0;
    let mut report = ImportReport::default();
    let skipped_lines: Vec<FileReport> = skipped
        .into_iter()
        .map(|(path, met)| FileReport {
            path,
            outcome: Outcome::Skipped {
                reason: match met {
                    Met::Skipped(reason) => reason,
                    _ => String::new(),
                },
            },
            note: None,
        })
        .collect();
    progress(Progress { done, total }, &skipped_lines);
    report.files.extend(skipped_lines);
    for (path, met) in exports {
        let lines = match import_collection(library, &path) {
            Ok(lines) => lines,
            // Named by the user, it was meant to be read: say why it was not.
            Err(NotAnExport) if met == Met::Read => failed(&path, NotAnExport::reason()),
            Err(NotAnExport) => vec![FileReport {
                path: path.clone(),
                outcome: Outcome::Skipped {
                    reason: "not an article format, nor an export Folio knows".into(),
                },
                note: None,
            }],
        };
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
                let prepare_all = || -> Vec<Result<Prepared, String>> {
                    chunk
                        .par_iter()
                        .map(|(path, met)| match met {
                            Met::Failed(reason) | Met::Skipped(reason) => Err(reason.clone()),
                            Met::Read | Met::ReadIfExport => prepare(path),
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
