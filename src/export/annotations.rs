//! The annotations (highlights, their comments and notes) of one article or
//! of the whole library, read and written in one place for the window and
//! the command line.

use super::write_file;
use crate::annotate::export::{article_markdown, library_markdown, web_annotations};
use crate::library::Library;
use std::path::Path;

/// How annotations are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AnnotationFormat {
    /// Markdown: quotes as block quotes, comments under them, the note last.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// W3C Web Annotation JSON.
    #[value(name = "json")]
    WebAnnotation,
}

impl AnnotationFormat {
    /// Both formats, in the menus' order.
    pub const ALL: [AnnotationFormat; 2] = [AnnotationFormat::Markdown, AnnotationFormat::WebAnnotation];

    /// The menus' entry.
    pub fn label(self) -> &'static str {
        match self {
            AnnotationFormat::Markdown => "Markdown…",
            AnnotationFormat::WebAnnotation => "Web Annotation JSON…",
        }
    }

    /// The extension of the file written.
    pub fn extension(self) -> &'static str {
        match self {
            AnnotationFormat::Markdown => "md",
            AnnotationFormat::WebAnnotation => "json",
        }
    }
}

/// The annotations of one article (`Some`) or of every annotated article,
/// as text, with how many articles they cover.
pub fn annotations_text(
    library: &Library,
    article: Option<i64>,
    format: AnnotationFormat,
) -> anyhow::Result<(String, usize)> {
    let articles = match article {
        Some(id) => vec![library.get_article(id)?],
        None => library.annotated_articles()?,
    };
    let text = match (format, article) {
        (AnnotationFormat::WebAnnotation, _) => serde_json::to_string_pretty(&web_annotations(&articles))?,
        (AnnotationFormat::Markdown, Some(_)) => article_markdown(&articles[0], 1),
        (AnnotationFormat::Markdown, None) => library_markdown(&articles),
    };
    Ok((text, articles.len()))
}

/// Writes the annotations to `path`; returns how many articles they cover.
pub fn write_annotations(
    library: &Library,
    article: Option<i64>,
    format: AnnotationFormat,
    path: &Path,
) -> anyhow::Result<usize> {
    let (text, count) = annotations_text(library, article, format)?;
    write_file(path, text.as_bytes())?;
    Ok(count)
}
