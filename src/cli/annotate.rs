//! Notes, highlights, corrected text, and the annotations written out.

use super::open_library;
use crate::export::{AnnotationFormat, annotations_text, write_annotations};
use crate::model::HighlightColor;
use anyhow::{Context, Result};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum AnnotateCommand {
    /// Set the note on an article (an empty text removes it).
    Note { id: i64, text: String },
    /// Highlight a passage of an article (the first place its text says it).
    #[command(
        after_help = "Example:\n  folio highlight 12 \"the talks should resume\" --color green --comment \"Why now?\""
    )]
    Highlight {
        id: i64,
        /// The passage, as the article's text has it.
        passage: String,
        /// yellow, green, blue, pink or purple.
        #[arg(long, default_value = "yellow")]
        color: HighlightColor,
        #[arg(long)]
        comment: Option<String>,
    },
    /// Replace an article's text with a file's (a correction); highlights are found again in it.
    SetText { id: i64, file: PathBuf },
    /// Export highlights and notes: Markdown to read, or W3C Web Annotation JSON.
    #[command(
        after_help = "Examples:\n  folio annotations --out annotations.md\n          folio annotations --article 12 --format json"
    )]
    Annotations {
        /// Only this article's (default: every annotated article).
        #[arg(long)]
        article: Option<i64>,
        #[arg(long, value_enum, default_value = "md")]
        format: AnnotationFormat,
        /// Write to this file instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn run(
    library_path: &Option<PathBuf>,
    command: AnnotateCommand,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match command {
        AnnotateCommand::Note { id, text } => {
            let mut library = open_library(library_path)?;
            library.set_note(id, &text)?;
            writeln!(
                out,
                "#{id} note {}",
                if text.trim().is_empty() {
                    "removed"
                } else {
                    "saved"
                }
            )?;
        }
        AnnotateCommand::Highlight {
            id,
            passage,
            color,
            comment,
        } => {
            let mut library = open_library(library_path)?;
            let h = library.add_highlight_of(id, &passage, color, comment.as_deref())?;
            writeln!(out, "#{id} highlight {} ({}): “{}”", h.id, h.color, h.quote)?;
        }
        AnnotateCommand::SetText { id, file } => {
            let bytes = crate::import::files::read_limited(&file, crate::import::MAX_FILE_BYTES)
                .with_context(|| format!("could not read {}", file.display()))?;
            let text = crate::import::decode::decode(&bytes)
                .with_context(|| format!("{} is not text", file.display()))?;
            let mut library = open_library(library_path)?;
            let outcome = library.set_body(id, text.text.trim())?;
            writeln!(
                out,
                "#{id} text replaced; highlights found again: {}, detached: {}",
                outcome.found, outcome.detached
            )?;
        }
        AnnotateCommand::Annotations {
            article,
            format,
            out: path,
        } => {
            let library = open_library(library_path)?;
            match path {
                Some(path) => {
                    let count = write_annotations(&library, article, format, &path)?;
                    writeln!(
                        out,
                        "annotations of {count} articles written to {}",
                        path.display()
                    )?;
                }
                None => write!(out, "{}", annotations_text(&library, article, format)?.0)?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
