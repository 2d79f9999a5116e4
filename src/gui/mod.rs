//! The desktop window: an `eframe::App` over the library.
//!
//! `state` holds the window's sub-states (the list, the reader, tag and
//! topic editing, dialogs, import, annotating), each with its own actions;
//! `app` applies actions to them and carries out what follows; each module
//! of `views` draws from that state and returns what the user asked for;
//! `widgets` holds the drawing helpers views share; the `worker` thread
//! owns the library, so no frame waits on the disk.

mod action;
mod app;
pub mod clipboard;
pub(crate) mod details;
mod highlight;
pub mod icon;
pub mod inbox;
mod list_model;
mod picker;
mod picture;
mod screenshot;
mod selection;
mod startup;
pub mod state;
mod undo;
mod views;
mod widgets;
mod worker;

pub use action::Action;
pub use app::{FolioApp, Settings};
pub use picker::{NoChooser, PathPicker, SystemPicker};
pub use selection::ClickMode;
pub use startup::{Root, StartupProblem};
pub use state::annotating::AnnotateAction;
pub use state::list::Browse;
pub use state::tags::TopicEdit;
pub use widgets::atlas::country_point as atlas_country_point;

use std::path::PathBuf;
use std::sync::Arc;

/// Opens the window on the library; with `screenshot`, saves a picture of
/// the first settled frame there and quits. A library that cannot be opened
/// gets a window that explains why and offers a way on.
pub fn run(library_path: PathBuf, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    // A library from an older Folio is upgraded with the window up, saying so.
    let upgrading = screenshot.is_none() && crate::library::upgrade_pending(&library_path);
    let opened = if upgrading {
        Err(crate::library::LibraryError::Invalid("upgrading".into()))
    } else {
        crate::library::Library::open(&library_path)
    };
    if screenshot.is_some()
        && let Err(e) = &opened
    {
        anyhow::bail!("could not open the library at {}: {e}", library_path.display());
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Folio")
            // The name the desktop entry (`folio install-desktop`) is
            // installed under, so the taskbar files the window with it.
            .with_app_id("folio")
            .with_icon(Arc::new(icon::icon_data()))
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Folio",
        options,
        Box::new(move |cc| {
            let picker = Arc::new(SystemPicker);
            if upgrading {
                let settings = FolioApp::remembered(cc);
                return Ok(Box::new(Root::open_with(
                    &cc.egui_ctx,
                    library_path,
                    picker,
                    settings,
                )));
            }
            let root = match opened {
                Ok(library) => {
                    let app = FolioApp::restored(cc, library, picker);
                    Root::Running(Box::new(match screenshot {
                        Some(path) => app.take_screenshot(path),
                        None => app,
                    }))
                }
                Err(error) => Root::Problem(Box::new(StartupProblem::new(library_path, &error, picker))),
            };
            Ok(Box::new(root))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
