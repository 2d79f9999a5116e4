//! The command line: a thin front end over the same library and import calls
//! the app uses. Also how scripts, benchmarks and the evaluation drive Folio.

use crate::library::Library;
use crate::model::Published;
use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod annotate;
mod browse;
mod care;
mod devtools;
mod export;
mod filter_args;
mod importing;
mod options_anywhere;
mod organize;
mod tag_words;

use filter_args::FilterArgs;

#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    about = "An archive for clipped news articles and editorials.",
    long_about = "An archive for clipped news articles and editorials.\n\n\
                  Without a command, Folio opens its window on the library. The commands below work on \
                  the same library from the terminal. Options can stand anywhere on the line, before or \
                  after a command's words; after `--`, everything is a word (for one that starts with \
                  two dashes)."
)]
pub struct Cli {
    /// The library file to use (default: library.sqlite in the platform's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub library: Option<PathBuf>,

    /// Open the window, save a PNG of it to PATH once the library has loaded, and quit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The program's own command line, its options read wherever they
    /// stand (see [`options_anywhere`]).
    pub fn from_command_line() -> Cli {
        let args = std::env::args_os().collect();
        Cli::parse_from(options_anywhere::options_before_words(&Cli::command(), args))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    Import(importing::ImportCommand),
    #[command(flatten)]
    Browse(browse::BrowseCommand),
    #[command(flatten)]
    Organize(organize::OrganizeCommand),
    #[command(flatten)]
    Annotate(annotate::AnnotateCommand),
    #[command(flatten)]
    Export(export::ExportCommand),
    #[command(flatten)]
    Care(care::CareCommand),
    #[command(flatten)]
    Dev(devtools::DevCommand),
}

fn open_library(cli_path: &Option<PathBuf>) -> Result<Library> {
    let path = cli_path.clone().unwrap_or_else(crate::default_library_path);
    if crate::library::upgrade_pending(&path) {
        eprintln!(
            "folio: upgrading {} to this version of Folio (once; a large library takes a minute)…",
            path.display()
        );
    }
    let library =
        Library::open(&path).with_context(|| format!("could not open the library at {}", path.display()))?;
    if let Some(reason) = library.read_only_reason() {
        eprintln!(
            "folio: {} is open read-only ({reason}): reading and exporting work, changes are refused",
            path.display()
        );
    }
    Ok(library)
}

fn date_label(published: Option<Published>) -> String {
    published.map(|p| p.date_label()).unwrap_or_else(|| "—".into())
}

/// Runs a command. With no command the app's window is the caller's job.
pub fn run_command(library_path: &Option<PathBuf>, command: Command) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut printable = Printable(stdout.lock());
    let out: &mut dyn Write = &mut printable;
    match command {
        Command::Import(command) => importing::run(library_path, command, out),
        Command::Browse(command) => browse::run(library_path, command, out),
        Command::Organize(command) => organize::run(library_path, command, out),
        Command::Annotate(command) => annotate::run(library_path, command, out),
        Command::Export(command) => export::run(library_path, command, out),
        Command::Care(command) => care::run(library_path, command, out),
        Command::Dev(command) => devtools::run(library_path, command, out),
    }
}

/// What the command line prints, with control characters shown as escapes
/// (`\u{1b}`): a clipping's title cannot retitle, clear or recolour the
/// user's terminal. Line ends and tabs pass; the stored text is unchanged.
/// JSON output (`--json`) bypasses it: JSON escapes for itself, and scripts
/// need the text as it is.
pub(crate) struct Printable<W: Write>(pub W);

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        let mut i = 0;
        while i < buf.len() {
            let byte = buf[i];
            // C0 controls and DEL, and the C1 controls (U+0080–U+009F, two
            // bytes in UTF-8).
            let width = match byte {
                b'\n' | b'\t' => 0,
                0x00..=0x1f | 0x7f => 1,
                0xc2 if buf.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => 2,
                _ => 0,
            };
            if width == 0 {
                i += 1;
                continue;
            }
            self.0.write_all(&buf[start..i])?;
            let code = if width == 1 {
                u32::from(byte)
            } else {
                u32::from(buf[i + 1] & 0x3f) | 0x80
            };
            write!(self.0, "\\u{{{code:x}}}")?;
            i += width;
            start = i;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The whole program: a command, or the window when there is none.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(command) => run_command(&cli.library, command),
        None => {
            let path = cli.library.unwrap_or_else(crate::default_library_path);
            crate::gui::run(path, cli.screenshot)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
