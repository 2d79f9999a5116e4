//! The main window's frame time with a library open, measured through the
//! real app without a window: each frame runs the app's UI (list, sidebar
//! with counts, reader) and tessellates what it drew, as eframe does before
//! handing the triangles to the GPU. Idle frames, then frames scrolling the
//! list with the mouse wheel, then frames with an article open.

use super::timing::percentile;
use crate::gui::state::atlas::{AtlasAction, Picture};
use crate::gui::state::list::ListAction;
use crate::gui::{Action, ClickMode, FolioApp, NoChooser};
use crate::library::Library;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Median and 95th percentile of some frames.
pub struct FrameStats {
    pub median: Duration,
    pub p95: Duration,
}

fn stats(mut times: Vec<Duration>) -> FrameStats {
    times.sort();
    FrameStats {
        median: percentile(&times, 0.5),
        p95: percentile(&times, 0.95),
    }
}

pub struct FrameTimes {
    /// From before the library is opened to the end of the first frame
    /// that shows its list.
    pub first_list_frame: Duration,
    pub idle: FrameStats,
    pub scrolling: FrameStats,
    pub reading: FrameStats,
    /// The map shown, the pointer moving over it (a country named under it).
    pub map: FrameStats,
    /// The trends chart shown, the pointer moving over it.
    pub trends: FrameStats,
}

struct Window {
    ctx: egui::Context,
    app: FolioApp,
    started: Instant,
}

impl Window {
    /// One frame at 1280×800, timed: the app's UI and the tessellation.
    fn frame(&mut self, events: Vec<egui::Event>) -> Duration {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(self.started.elapsed().as_secs_f64()),
            events,
            ..Default::default()
        };
        let began = Instant::now();
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.frame(ui));
        let _triangles = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        // No painter uploads the font atlas here; dropping its changes
        // unapplied is what egui's debug build checks against.
        output.textures_delta.clear();
        began.elapsed()
    }

    /// Frames until `ready`, waiting a little between them for the
    /// library thread, at most `limit`.
    fn until(&mut self, limit: Duration, ready: impl Fn(&FolioApp) -> bool) {
        let began = Instant::now();
        while !ready(&self.app) && began.elapsed() < limit {
            self.frame(Vec::new());
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Window {
    /// Shows a picture of the list, waits for its counts, then times
    /// frames with the pointer moving across it.
    fn picture(&mut self, picture: Picture, frames: usize) -> FrameStats {
        let ctx = self.ctx.clone();
        self.app.apply(Action::Atlas(AtlasAction::Show(picture)), &ctx);
        self.until(Duration::from_secs(30), |app| app.atlas.current);
        for _ in 0..20 {
            self.frame(Vec::new());
        }
        stats(
            (0..frames)
                .map(|i| {
                    let x = 400.0 + (i % 100) as f32 * 8.0;
                    let y = 300.0 + (i % 37) as f32 * 4.0;
                    self.frame(vec![egui::Event::PointerMoved(egui::pos2(x, y))])
                })
                .collect(),
        )
    }
}

/// Runs `frames` frames of each kind on the library at `path`.
pub fn bench_frames(path: &std::path::Path, frames: usize) -> anyhow::Result<FrameTimes> {
    let started = Instant::now();
    let library = Library::open(path)?;
    let ctx = egui::Context::default();
    let app = FolioApp::new(&ctx, library, Arc::new(NoChooser));
    let mut window = Window { ctx, app, started };
    window.until(Duration::from_secs(30), |app| {
        app.list.loaded && !app.is_loading()
    });
    window.frame(Vec::new());
    let first_list_frame = started.elapsed();
    // Let the first page of rows and the fonts settle.
    window.until(Duration::from_secs(5), |app| app.list.rows.row(0).is_some());
    for _ in 0..20 {
        window.frame(Vec::new());
    }

    let idle = (0..frames).map(|_| window.frame(Vec::new())).collect();

    let over_list = egui::Event::PointerMoved(egui::pos2(640.0, 420.0));
    window.frame(vec![over_list.clone()]);
    let wheel = egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    };
    let scrolling = (0..frames)
        .map(|_| {
            // The library thread fetches rows as they come into view.
            std::thread::sleep(Duration::from_millis(1));
            window.frame(vec![over_list.clone(), wheel.clone()])
        })
        .collect();

    let map = window.picture(Picture::Map, frames);
    let trends = window.picture(Picture::Trends, frames);
    let ctx = window.ctx.clone();
    window
        .app
        .apply(Action::Atlas(AtlasAction::Show(Picture::List)), &ctx);

    if let Some(&first) = window.app.list.rows.ids().first() {
        let ctx = window.ctx.clone();
        window
            .app
            .apply(Action::List(ListAction::Click(first, ClickMode::Only)), &ctx);
        window.until(Duration::from_secs(5), |app| app.reader.article.is_some());
        for _ in 0..20 {
            window.frame(Vec::new());
        }
    }
    let reading = (0..frames).map(|_| window.frame(Vec::new())).collect();
    Ok(FrameTimes {
        first_list_frame,
        idle: stats(idle),
        scrolling: stats(scrolling),
        reading: stats(reading),
        map,
        trends,
    })
}
