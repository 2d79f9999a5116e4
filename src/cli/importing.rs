//! Bringing files in: importing them, or reading one to see what Folio finds.

use super::{date_label, ellipsize, open_library};
use crate::import;
use crate::ingest::pipeline;
use anyhow::{Context, Result};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import clippings, saved pages and Markdown files, or whole folders.
    #[command(
        after_help = "Example:\n  folio import clipping.txt saved-pages/\n  xclip -o | folio import -\n\n\
        Prints one line per file (imported, duplicate or failed, with the reason) and a summary."
    )]
    Import {
        /// Files and folders (folders are searched recursively); `-` reads
        /// one clipping (text or HTML) from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Parse one file without storing anything and print what Folio found.
    #[command(
        after_help = "With --json, prints one object: title, authors, published, source, section, \
        region, kind, language, url, body (unknown fields are null)."
    )]
    Extract {
        /// Print JSON (the format scripts rely on).
        #[arg(long)]
        json: bool,
        file: PathBuf,
    },
}

pub fn run(library_path: &Option<PathBuf>, command: ImportCommand, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        ImportCommand::Import { paths } => {
            let mut library = open_library(library_path)?;
            let cancel = AtomicBool::new(false);
            let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) =
                paths.into_iter().partition(|p| p.as_os_str() == "-");
            let from_stdin = if stdin.is_empty() {
                None
            } else {
                Some(clipping_from_stdin(&mut library)?)
            };
            let print_lines = print_report_lines;
            let mut report = pipeline::ImportReport::default();
            if let Some(line) = from_stdin {
                print_lines(std::slice::from_ref(&line));
                report.files.push(line);
            }
            if !paths.is_empty() {
                let files =
                    pipeline::import_paths(&mut library, &paths, &cancel, |_, files| print_lines(files))?;
                report.files.extend(files.files);
            }
            writeln!(out, "{}", report.summary_line())?;
            // The new articles' story threads, after the report: the
            // import itself never waits for them.
            if report.imported() > 0
                && let Err(e) = library.update_stories(usize::MAX)
            {
                eprintln!("folio: the story threads of the new articles were not made: {e}");
            }
            if report.failed() > 0 && report.imported() + report.duplicates() == 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        ImportCommand::Extract { json, file } => {
            let bytes = crate::import::files::read_limited(&file, crate::import::MAX_FILE_BYTES)
                .with_context(|| format!("could not read {}", file.display()))?;
            let name = file.file_name().and_then(|n| n.to_str());
            let (article, _) =
                import::read_fields(&bytes, name).with_context(|| format!("{}", file.display()))?;
            if json {
                // JSON escapes what must be escaped itself: written as it is,
                // for the scripts that read it.
                writeln!(
                    std::io::stdout(),
                    "{}",
                    serde_json::to_string_pretty(&article.to_json())?
                )?;
            } else {
                writeln!(out, "title:     {}", article.title.as_deref().unwrap_or("—"))?;
                writeln!(out, "published: {}", date_label(article.published))?;
                writeln!(out, "source:    {}", article.source.as_deref().unwrap_or("—"))?;
                writeln!(out, "authors:   {}", article.authors.join(", "))?;
                writeln!(out, "section:   {}", article.section.as_deref().unwrap_or("—"))?;
                writeln!(out, "region:    {}", article.region.as_deref().unwrap_or("—"))?;
                writeln!(out, "countries: {}", article.countries.join(", "))?;
                writeln!(out, "kind:      {}", article.kind.as_deref().unwrap_or("—"))?;
                writeln!(out, "language:  {}", article.language.as_deref().unwrap_or("—"))?;
                writeln!(out, "\n{}", article.body)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `folio import -`: one clipping from standard input (text or HTML, told
/// by its content), read no further than a file Folio reads, and stored
/// as a file's would be. Its line in the report names it `-`.
fn clipping_from_stdin(library: &mut crate::library::Library) -> Result<pipeline::FileReport> {
    use std::io::Read;
    let limit = crate::import::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .context("could not read standard input")?;
    let failed = |reason: String| pipeline::FileReport {
        path: PathBuf::from("-"),
        outcome: pipeline::Outcome::Failed { reason },
        note: None,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(failed("standard input is empty: nothing to import".into()));
    }
    if bytes.len() as u64 > limit {
        return Ok(failed(format!(
            "standard input holds more than {} MB, the most Folio reads as one clipping",
            limit >> 20
        )));
    }
    match import::read_article(bytes, None) {
        Ok(found) => Ok(pipeline::import_found(library, found, "-")?),
        Err(e) => Ok(failed(e.to_string())),
    }
}

/// The report's lines as the import prints them, one per file, on
/// standard output as they come (`folio watch` prints the same).
pub(super) fn print_report_lines(files: &[pipeline::FileReport]) {
    for file in files {
        let line = match &file.outcome {
            pipeline::Outcome::Imported { id, title } => {
                format!("imported #{id} \"{}\"", ellipsize(title, 60))
            }
            pipeline::Outcome::Duplicate { id } => format!("duplicate of #{id}"),
            pipeline::Outcome::Merged { id, changes } => {
                format!("merged into #{id}: {}", changes.join("; "))
            }
            pipeline::Outcome::Failed { reason } => format!("failed: {reason}"),
            pipeline::Outcome::Skipped { reason } => format!("skipped: {reason}"),
        };
        let note = file.note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
        let _ = writeln!(
            super::Printable(std::io::stdout()),
            "{}: {line}{note}",
            file.path.display()
        );
    }
}
