//! `folio watch`: a folder whose new files are imported as they land,
//! until interrupted.

use super::importing::print_report_lines;
use super::open_library;
use crate::ingest::landed::import_landed;
use crate::ingest::watch::{FolderWatch, Landed};
use anyhow::{Context, Result, bail};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Import files as they land in a folder (saved pages, clippings,
    /// Markdown), once each, until interrupted (Ctrl+C).
    #[command(after_help = "Example:\n  folio watch ~/Downloads/clippings\n\n\
        Prints one line per file as the import does. Files still being written are waited for; \
        names of downloads in progress (.part, .crdownload, ~, hidden files) are passed over until \
        renamed; a file renamed or moved in again is not imported twice. Without FOLDER, watches \
        the folder the window watches for this library.")]
    Watch {
        /// The folder to watch (default: the one the library remembers).
        folder: Option<PathBuf>,
    },
}

pub fn run(library_path: &Option<PathBuf>, command: WatchCommand) -> Result<ExitCode> {
    let WatchCommand::Watch { folder } = command;
    let mut library = open_library(library_path)?;
    if let Some(reason) = library.read_only_reason() {
        bail!("nothing can be imported into this library: {reason}");
    }
    let folder = match folder {
        Some(folder) => folder,
        None => match library.watched_folder()? {
            Some(remembered) => remembered.path,
            None => bail!("this library watches no folder yet: name one (folio watch FOLDER)"),
        },
    };
    let watch = FolderWatch::start(&folder, || {}).map_err(anyhow::Error::msg)?;
    let how = if watch.polling() {
        " (read every half second: this system gives no file events)"
    } else {
        ""
    };
    eprintln!(
        "folio: watching {}{how}; files that land there are imported. Ctrl+C stops.",
        watch.folder().display()
    );
    loop {
        match watch.next(Duration::from_secs(3600)) {
            Ok(Landed::File { path, at_start }) => {
                let lines = import_landed(&mut library, &path, at_start)
                    .with_context(|| format!("could not import {}", path.display()))?;
                print_report_lines(&lines);
            }
            // Said beside the report, not in it: scripts read the report.
            Ok(Landed::Trouble(message)) => eprintln!("folio: {message}"),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => bail!("the watch of {} stopped", folder.display()),
        }
    }
}
