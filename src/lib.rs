//! Folio: a desktop archive for clipped news articles and editorials.
//!
//! - [`model`]: the domain types, no I/O.
//! - [`import`]: bytes to articles (pure), and the pipeline that walks paths.
//! - [`library`]: the SQLite file; the only module that speaks SQL.
//! - [`cli`]: the command line over the same calls.
//! - [`gui`]: the desktop window.
//! - [`export`]: safe names for exported files.

pub mod annotate;
pub mod bench;
pub mod bench_extract;
pub mod bench_suite;
pub mod cli;
pub mod export;
pub mod generate;
pub mod gui;
pub mod import;
pub mod ingest;
pub mod library;
pub mod model;
pub mod topic_eval;

use std::path::PathBuf;

/// Where the library lives when `--library` is not given: the platform's
/// data folder (`~/.local/share/folio/library.sqlite` on Linux).
pub fn default_library_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "folio")
        .map(|dirs| dirs.data_dir().join("library.sqlite"))
        .unwrap_or_else(|| PathBuf::from("folio-library.sqlite"))
}
