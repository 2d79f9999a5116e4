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
mod desktop;
mod devtools;
mod export;
mod filter_args;
mod importing;
mod open_files;
mod options_anywhere;
mod organize;
mod stories;
mod tag_words;
mod watching;

use filter_args::FilterArgs;

#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    about = "An archive for clipped news articles and editorials.",
    long_about = "An archive for clipped news articles and editorials.\n\n\
                  Without a command, Folio opens its window on the library; given files (as a file \
                  manager opens them with Folio), it imports them there, into the window already open on \
                  the library if there is one. The commands below work on the same library from the \
                  terminal. Options can stand anywhere on the line, before or after a command's words; \
                  after `--`, everything is a word (for one that starts with two dashes, or a file named \
                  like a command).",
    // Files or a command, never both (clap's own line would offer both).
    override_usage = "folio [OPTIONS] [FILE]...\n       folio [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// The library file to use (default: library.sqlite in the platform's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub library: Option<PathBuf>,

    /// Open the window, save a PNG of it to PATH once the library has loaded, and quit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,

    /// Files to import into the window (`./import` for a file named like a command).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The program's own command line, its options read wherever they
    /// stand (see [`options_anywhere`]).
    pub fn from_command_line() -> Cli {
        Cli::parse_line(std::env::args_os().collect()).unwrap_or_else(|e| e.exit())
    }

    /// A command line, program name first.
    pub fn parse_line(args: Vec<std::ffi::OsString>) -> Result<Cli, clap::Error> {
        let mut cli = Cli::command();
        cli.build();
        let args = options_anywhere::options_before_words(&cli, args);
        // A word that is no command, no file and no path was meant as a
        // command: clap says so with its "did you mean", as it did before
        // Folio took files.
        if first_word(&args)
            .is_some_and(|word| cli.find_subcommand(word).is_none() && looks_like_a_command(word))
        {
            commands_only().try_get_matches_from(&args)?;
        }
        Cli::try_parse_from(args)
    }
}

/// The first word of the line that is no option, before any `--` (after
/// one, every word is a file).
fn first_word(args: &[std::ffi::OsString]) -> Option<&std::ffi::OsStr> {
    args.iter()
        .skip(1)
        .take_while(|arg| *arg != "--")
        .find(|arg| !arg.to_string_lossy().starts_with('-'))
        .map(|arg| arg.as_os_str())
}

/// A bare word (`serch`) that names no file here; a name with a dot or a
/// slash (`notes.txt`, `./import`) is a file's, there or not.
fn looks_like_a_command(word: &std::ffi::OsStr) -> bool {
    let text = word.to_string_lossy();
    !text.contains(['.', '/', std::path::MAIN_SEPARATOR]) && std::fs::symlink_metadata(word).is_err()
}

/// The command line as it was before Folio took files: the commands and
/// the options, no file arguments.
fn commands_only() -> clap::Command {
    let cli = Cli::command();
    let without_files = cli.get_arguments().filter(|arg| arg.get_id() != "files").cloned();
    clap::Command::new("folio")
        .args(without_files)
        .subcommands(cli.get_subcommands().cloned())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    Import(importing::ImportCommand),
    #[command(flatten)]
    Watch(watching::WatchCommand),
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
    Desktop(desktop::DesktopCommand),
    #[command(flatten)]
    Dev(devtools::DevCommand),
    #[command(flatten)]
    Stories(stories::StoryCommand),
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
        Command::Watch(command) => watching::run(library_path, command),
        Command::Browse(command) => browse::run(library_path, command, out),
        Command::Organize(command) => organize::run(library_path, command, out),
        Command::Annotate(command) => annotate::run(library_path, command, out),
        Command::Export(command) => export::run(library_path, command, out),
        Command::Care(command) => care::run(library_path, command, out),
        Command::Desktop(command) => desktop::run(command, out),
        Command::Dev(command) => devtools::run(library_path, command, out),
        Command::Stories(command) => stories::run(library_path, command, out),
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

/// The whole program: a command, or the window when there is none (with
/// the files given imported into it, or into the one already open).
pub fn run(cli: Cli) -> Result<ExitCode> {
    if let Some(command) = cli.command {
        return run_command(&cli.library, command);
    }
    let path = cli.library.unwrap_or_else(crate::default_library_path);
    if !cli.files.is_empty() {
        let mut out = Printable(std::io::stdout().lock());
        return open_files::run(&path, &cli.files, cli.screenshot, &mut out);
    }
    crate::gui::run(path, cli.screenshot)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> Result<Cli, clap::Error> {
        Cli::parse_line(line.split(' ').map(std::ffi::OsString::from).collect())
    }

    fn files(cli: &Cli) -> Vec<&str> {
        cli.files.iter().map(|f| f.to_str().unwrap()).collect()
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
        commands_only().debug_assert();
    }

    #[test]
    fn files_without_a_command_are_opened_in_the_window() {
        let cli = parsed("folio /home/ann/clip.txt saved.html").unwrap();
        assert!(cli.command.is_none());
        assert_eq!(files(&cli), ["/home/ann/clip.txt", "saved.html"]);

        // The library option before or after them, as anywhere.
        for line in [
            "folio --library lib.sqlite clip.txt",
            "folio clip.txt --library lib.sqlite",
        ] {
            let cli = parsed(line).unwrap();
            assert_eq!(files(&cli), ["clip.txt"], "{line}");
            assert_eq!(cli.library, Some(PathBuf::from("lib.sqlite")), "{line}");
        }
        let window = parsed("folio").unwrap();
        assert!(window.command.is_none() && window.files.is_empty());
    }

    #[test]
    fn a_command_is_a_command_and_a_file_named_like_one_can_still_be_opened() {
        for line in [
            "folio import clip.txt",
            "folio --library lib.sqlite import clip.txt",
            "folio import clip.txt --library lib.sqlite",
        ] {
            let cli = parsed(line).unwrap();
            assert!(matches!(cli.command, Some(Command::Import(_))), "{line}");
            assert!(cli.files.is_empty(), "{line}");
        }
        // As a path, after `--`, or after another file: a file.
        assert_eq!(files(&parsed("folio ./import").unwrap()), ["./import"]);
        assert_eq!(files(&parsed("folio -- import").unwrap()), ["import"]);
        assert_eq!(
            files(&parsed("folio clip.txt import").unwrap()),
            ["clip.txt", "import"]
        );
    }

    #[test]
    fn a_mistyped_command_is_still_called_one_with_a_suggestion() {
        let error = parsed("folio serch water --limit 2").unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::InvalidSubcommand);
        assert!(error.to_string().contains("'search'"), "{error}");
        // A name with a dot is a file's, there or not (the run says it is missing).
        assert_eq!(files(&parsed("folio serch.txt").unwrap()), ["serch.txt"]);
        // A bare word that is a file here is that file.
        assert_eq!(
            files(&parsed("folio Cargo.toml src").unwrap()),
            ["Cargo.toml", "src"]
        );
        assert_eq!(files(&parsed("folio src").unwrap()), ["src"]);
    }
}
