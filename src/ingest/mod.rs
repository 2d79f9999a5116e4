//! Ingest: files in, articles stored, a report out. The one module that
//! drives both the pure readers of [`crate::import`] and the
//! [`crate::library`]: it walks the paths, has every file read (in
//! parallel), stores what the readers found in batches, and says what
//! became of every file.
//!
//! - [`pipeline`]: files and folders, extracted on every core while the
//!   last batch is stored, 256 files per transaction, with progress and
//!   cancel.
//! - `collections`: files holding many articles (Folio's own library
//!   export, other tools' exports), stored whole, an article at a time, with
//!   the highlights they bring found in the text.
//! - `report`: what became of every file (re-exported by [`pipeline`]).
//! - [`watch`]: a watched folder, on its own thread: files handed over
//!   once they stop changing, temporary names passed over.
//! - [`landed`]: what the watch hands over, imported once each (by the
//!   content's hash, remembered in the library).

mod collections;
pub mod landed;
pub mod pipeline;
mod report;
pub mod watch;
