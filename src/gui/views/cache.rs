//! What views keep between frames only to draw faster: the reader's text
//! as laid out last, and the Markdown renderer's cache. Nothing here is
//! the app's state; dropping it costs one slower frame.

use std::ops::Range;

/// The reader's text as last laid out for painting, and what it was made
/// from (a hash of the article, highlights, searched words and style).
#[derive(Clone)]
pub struct ReadingText {
    pub key: u64,
    pub job: egui::text::LayoutJob,
    pub matches: Vec<Range<usize>>,
}

#[derive(Default)]
pub struct ViewCache {
    pub reading: Option<ReadingText>,
    pub markdown: egui_commonmark::CommonMarkCache,
    /// Compare's two texts as last laid out, and what they were made from.
    pub compare: Option<(u64, [egui::text::LayoutJob; 2])>,
}
