//! The glyphs of a page with where they stand: what pdf-extract hands us
//! as it runs a page's text operators, gathered under the limits that keep
//! a hostile file from running long or filling memory.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::time::Instant;

/// One glyph in page space, measured down from the page's top (so that
/// reading order is increasing `y`), in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f64,
    /// The baseline.
    pub y: f64,
    pub width: f64,
    /// The size the glyph is drawn at (font size through the text matrix).
    pub size: f64,
    pub text: String,
}

/// A page's glyphs in the order the page draws them.
#[derive(Debug, Default)]
pub struct Page {
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// Why collecting stopped early; the reader turns it into the report's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    TooManyGlyphs,
    OutOfTime,
}

/// Gathers glyphs page by page, stopping (with an error pdf-extract passes
/// back up) when a limit is passed: the only hook inside its run.
pub struct Collector {
    pub pages: Vec<Page>,
    glyphs: usize,
    max_glyphs: usize,
    deadline: Instant,
    pub stopped: Option<Stop>,
    flip_y: f64,
}

impl Collector {
    pub fn new(max_glyphs: usize, deadline: Instant) -> Self {
        Collector {
            pages: Vec::new(),
            glyphs: 0,
            max_glyphs,
            deadline,
            stopped: None,
            flip_y: 0.0,
        }
    }

    fn stop(&mut self, why: Stop) -> Result<(), OutputError> {
        self.stopped = Some(why);
        Err(OutputError::FormatError(std::fmt::Error))
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        if Instant::now() > self.deadline {
            return self.stop(Stop::OutOfTime);
        }
        self.flip_y = media_box.ury;
        self.pages.push(Page {
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > self.max_glyphs {
            return self.stop(Stop::TooManyGlyphs);
        }
        // The clock is read every few thousand glyphs: reading it for each
        // would cost more than the glyph.
        if self.glyphs.is_multiple_of(4096) && Instant::now() > self.deadline {
            return self.stop(Stop::OutOfTime);
        }
        // The size as drawn: the font size through the text matrix, as the
        // side of a square of the same area (a stretched font has no one size).
        let scaled_x = font_size * (trm.m11 + trm.m21);
        let scaled_y = font_size * (trm.m12 + trm.m22);
        let size = (scaled_x * scaled_y).abs().sqrt();
        let glyph = Glyph {
            x: trm.m31,
            y: self.flip_y - trm.m32,
            width: width * size,
            size,
            text: text.to_string(),
        };
        // Glyphs with no place (a broken matrix) or no size cannot be laid out.
        if !(glyph.x.is_finite() && glyph.y.is_finite() && glyph.size.is_finite() && glyph.width.is_finite())
            || glyph.size <= 0.0
        {
            return Ok(());
        }
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
