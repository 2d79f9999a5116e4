//! Keeping the library safe: the trash, checks, backups and restores.

use super::open_library;
use crate::library::{Library, LibraryError, maintenance};
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
            writeln!(out, "articles: {}", report.articles)?;
            writeln!(out, "integrity: {}", report.integrity.join("; "))?;
            writeln!(
                out,
                "search index: {}",
                report.fts_problem.as_deref().unwrap_or("ok")
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
            match Library::open(&library_file) {
                Ok(mut library) => {
                    let safety = library.restore_from(&backup)?;
                    writeln!(
                        out,
                        "restored {} from {}",
                        library_file.display(),
                        backup.display()
                    )?;
                    writeln!(out, "what it held before is kept in {}", safety.display())?;
                }
                Err(LibraryError::NotALibrary { .. }) => {
                    let aside = maintenance::replace_with_backup(&library_file, &backup)?;
                    writeln!(
                        out,
                        "the library could not be opened; it was moved to {}",
                        aside.display()
                    )?;
                    writeln!(
                        out,
                        "restored {} from {}",
                        library_file.display(),
                        backup.display()
                    )?;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
