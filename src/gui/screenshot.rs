//! `folio --screenshot PATH`: open the window, save what it shows once the
//! library has loaded, and quit. CI uses it to prove a window can open and
//! render; the README's pictures are made with it too.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Frames to draw after the library answered, so layout has settled.
const SETTLE_FRAMES: u32 = 5;

pub struct ScreenshotJob {
    path: PathBuf,
    frames_since_loaded: u32,
    requested: bool,
    /// Filled by the callback once the PNG is written (or failed).
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotJob {
    pub fn new(path: PathBuf) -> ScreenshotJob {
        ScreenshotJob {
            path,
            frames_since_loaded: 0,
            requested: false,
            result: Arc::new(Mutex::new(None)),
        }
    }

    /// Called every frame; asks for the picture once the window has settled
    /// and closes the window once it is saved.
    pub fn tick(&mut self, ctx: &egui::Context, loaded: bool) {
        if let Some(result) = self.result.lock().ok().and_then(|mut r| r.take()) {
            match result {
                Ok(()) => println!("saved a screenshot to {}", self.path.display()),
                Err(e) => eprintln!("folio: could not save the screenshot: {e}"),
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !loaded || self.requested {
            ctx.request_repaint();
            return;
        }
        self.frames_since_loaded += 1;
        if self.frames_since_loaded >= SETTLE_FRAMES {
            self.requested = true;
            let path = self.path.clone();
            let result = self.result.clone();
            let wake = ctx.clone();
            ctx.request_screenshot(move |image| {
                let saved = write_png(&path, &image);
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(saved);
                }
                wake.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes = super::picture::encode_png(width as u32, height as u32, image.as_raw())?;
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
