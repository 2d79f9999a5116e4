//! Folio: a desktop archive for clipped news articles and editorials.
//!
//! From the ground up (a module uses only those below it):
//! - [`model`]: the domain types, no I/O, nothing of the crate.
//! - [`import`]: bytes to articles (pure); knows only `model`.
//! - [`annotate`]: highlights anchored in the text, and their export (pure).
//! - [`library`]: the SQLite file; the only module that speaks SQL; knows
//!   `model` (and `annotate::anchor` to find highlights again).
//! - [`ingest`]: runs an import: files → found articles → stored batches → report.
//! - [`export`]: the library written out (JSON, Markdown, CSV, citations, HTML).
//! - [`gui`]: the desktop window.
//! - [`cli`]: the command line over the same calls.
//! - [`devtools`]: generated libraries and benchmarks, apart from the program.

pub mod annotate;
pub mod cli;
pub mod devtools;
pub mod export;
pub mod gui;
pub mod import;
pub mod ingest;
pub mod library;
pub mod model;

use std::path::PathBuf;

/// Where the library lives when `--library` is not given: the platform's
/// data folder (`~/.local/share/folio/library.sqlite` on Linux).
pub fn default_library_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "folio")
        .map(|dirs| dirs.data_dir().join("library.sqlite"))
        .unwrap_or_else(|| PathBuf::from("folio-library.sqlite"))
}
