//! The desktop window: an `eframe::App` over the library.
//!
//! `app` holds the view state and applies actions in one place; each view
//! module draws from that state and returns what the user asked for; the
//! `worker` thread owns the library, so no frame waits on the disk.

mod app;
mod details;
mod picker;
mod screenshot;
mod selection;
mod undo;
mod views;
mod worker;

pub use app::{Action, Browse, FolioApp, Settings};
pub use picker::{PathPicker, SystemPicker};
pub use selection::ClickMode;

use std::path::PathBuf;
use std::sync::Arc;

/// Opens the window on the library; with `screenshot`, saves a picture of
/// the first settled frame there and quits.
pub fn run(library_path: PathBuf, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    // Open before the window exists: a library that cannot be opened is
    // explained in the terminal instead of behind an empty window.
    let library = crate::library::Library::open(&library_path)?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Folio")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Folio",
        options,
        Box::new(move |cc| {
            let app = FolioApp::restored(cc, library, Arc::new(SystemPicker));
            Ok(Box::new(match screenshot {
                Some(path) => app.take_screenshot(path),
                None => app,
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
