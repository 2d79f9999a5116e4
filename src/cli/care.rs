//! Keeping the library safe: the trash, checks, backups and restores.

use super::open_library;
use crate::library::Library;
use crate::library::maintenance::{self, Restored};
use anyhow::{Context, Result};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum CareCommand {
    /// Move an article to the trash.
    Delete { id: i64 },
    /// Bring an article back from the trash.
    Restore { id: i64 },
    /// Check the library: integrity, search index, orphan rows.
    Check,
    /// Write a verified backup (default: a new automatic backup beside the library).
    #[command(
        after_help = "Backups use SQLite's backup API and are verified before they count. \
        Automatic backups live in the backups/ folder beside the library; the newest 7 are kept."
    )]
    Backup {
        /// Where to write the backup.
        path: Option<PathBuf>,
    },
    /// Restore the library from a backup (default: the newest good automatic backup).
    #[command(
        after_help = "What the library holds now is saved as a backup first, so a restore can be undone. \
        A library too damaged to open is moved aside (renamed, not deleted) and the backup put in its place."
    )]
    RestoreBackup {
        /// The backup to restore.
        path: Option<PathBuf>,
    },
    /// Save every article that can still be read from a damaged library, as a library export.
    #[command(
        after_help = "Reads only: the damaged file is never written to. Articles are read one by one, so a \
        broken page costs only the articles on it. Import the file into a new library with `folio import`."
    )]
    Salvage {
        /// The JSON file to write (a new file).
        out: PathBuf,
    },
}

/// Ids as short ranges: "3-7, 12, 40-41".
fn id_ranges(ids: &[i64]) -> String {
    let mut ranges: Vec<(i64, i64)> = Vec::new();
    for &id in ids {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == id => *end = id,
            _ => ranges.push((id, id)),
        }
    }
    ranges
        .iter()
        .map(|&(start, end)| {
            if start == end {
                start.to_string()
            } else {
                format!("{start}-{end}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn run(library_path: &Option<PathBuf>, command: CareCommand, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        CareCommand::Delete { id } => {
            let mut library = open_library(library_path)?;
            library.trash(id)?;
            writeln!(
                out,
                "#{id} moved to the trash (folio restore {id} brings it back)"
            )?;
        }
        CareCommand::Restore { id } => {
            let mut library = open_library(library_path)?;
            library.restore(id)?;
            writeln!(out, "#{id} restored")?;
        }
        CareCommand::Check => {
            let library = open_library(library_path)?;
            let report = library.check()?;
            if report.is_damaged() {
                writeln!(out, "integrity: {}", report.integrity.join("; "))?;
                writeln!(
                    out,
                    "THE FILE IS DAMAGED: Folio will not write to it. Restore a backup with \
                     `folio restore-backup` (the damaged file is kept, renamed), or save what can \
                     still be read with `folio salvage OUT.json`"
                )?;
                return Ok(ExitCode::FAILURE);
            }
            writeln!(out, "articles: {}", report.articles)?;
            writeln!(out, "integrity: {}", report.integrity.join("; "))?;
            writeln!(
                out,
                "search index: {}",
                match (&report.fts_problem, report.index_checked) {
                    (Some(problem), _) => problem.as_str(),
                    (None, true) => "ok",
                    (None, false) =>
                        "not checked (SQLite runs that check as a write, and the library is read-only)",
                }
            )?;
            writeln!(
                out,
                "articles missing from the index: {}; index rows without an article: {}",
                report.missing_from_index, report.index_without_article
            )?;
            for (what, count) in &report.orphans {
                writeln!(out, "{what}: {count}")?;
            }
            if report.is_healthy() {
                writeln!(out, "the library is healthy")?;
            } else {
                writeln!(
                    out,
                    "PROBLEMS FOUND: restore a backup with `folio restore-backup`"
                )?;
                return Ok(ExitCode::FAILURE);
            }
        }
        CareCommand::Backup { path } => {
            let library = open_library(library_path)?;
            let written = match path {
                Some(path) => {
                    library.backup_to(&path)?;
                    path
                }
                None => library.backup_rotating()?,
            };
            writeln!(out, "backed up and verified: {}", written.display())?;
        }
        CareCommand::RestoreBackup { path } => {
            let library_file = library_path.clone().unwrap_or_else(crate::default_library_path);
            let backup = match path {
                Some(path) => path,
                None => maintenance::latest_good_backup(&library_file).with_context(|| {
                    format!(
                        "no good backup found in {}",
                        maintenance::backup_folder(&library_file).display()
                    )
                })?,
            };
            match maintenance::restore_backup(&library_file, &backup)? {
                Restored::SavedAsBackup(safety) => {
                    writeln!(
                        out,
                        "restored {} from {}",
                        library_file.display(),
                        backup.display()
                    )?;
                    writeln!(out, "what it held before is kept in {}", safety.display())?;
                }
                Restored::SetAside(aside) => {
                    writeln!(
                        out,
                        "the library was damaged; it was moved, untouched, to {}",
                        aside.display()
                    )?;
                    writeln!(
                        out,
                        "restored {} from {}",
                        library_file.display(),
                        backup.display()
                    )?;
                    writeln!(
                        out,
                        "articles added since that backup may still be read from the damaged file: \
                         folio --library {} salvage OUT.json",
                        aside.display()
                    )?;
                }
            }
        }
        CareCommand::Salvage { out: target } => {
            let library_file = library_path.clone().unwrap_or_else(crate::default_library_path);
            if target.symlink_metadata().is_ok() {
                anyhow::bail!(
                    "{} already exists; salvage writes a new file, so choose another name",
                    target.display()
                );
            }
            let library = Library::open_read_only(&library_file, "salvage only reads".into())
                .with_context(|| format!("could not open {}", library_file.display()))?;
            let salvaged = library.salvage();
            let (unreadable, partly) = (salvaged.unreadable.clone(), salvaged.partly_read.len());
            let count = crate::export::write_salvaged(salvaged, &target)?;
            writeln!(out, "salvaged {count} articles to {}", target.display())?;
            if partly > 0 {
                writeln!(
                    out,
                    "{partly} of them without their tags, note, highlights or original file, which could not be read"
                )?;
            }
            if unreadable.is_empty() {
                writeln!(out, "every article could be read")?;
            } else {
                writeln!(
                    out,
                    "{} articles could not be read (ids {})",
                    unreadable.len(),
                    id_ranges(&unreadable)
                )?;
            }
            writeln!(
                out,
                "to use them, import the file into a new library: folio --library NEW.sqlite import {}",
                target.display()
            )?;
            return Ok(if unreadable.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}
