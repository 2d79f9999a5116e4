//! Folio on the desktop: `folio install-desktop` puts it in the application
//! menu with its icon, as an app that opens clippings (a freedesktop.org
//! desktop entry in the user's data folder), and takes it out again.

use crate::gui::icon;
use anyhow::{Context, Result, bail};
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum DesktopCommand {
    /// Add Folio to the desktop's application menu, with its icon, as an app that opens clippings.
    #[command(
        after_help = "Example:\n  cargo install --path . && folio install-desktop\n\n\
        Writes applications/folio.desktop (naming this program by its full path) and the icon under \
        icons/hicolor/ in $XDG_DATA_HOME (~/.local/share when unset). Opening a clipping with Folio \
        from the file manager then imports it into the window open on the library, or a new one. \
        Run it again after moving the program; --uninstall takes it all out."
    )]
    InstallDesktop {
        /// Remove what install-desktop wrote instead.
        #[arg(long)]
        uninstall: bool,
    },
}

pub fn run(command: DesktopCommand, out: &mut dyn Write) -> Result<ExitCode> {
    let DesktopCommand::InstallDesktop { uninstall } = command;
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        bail!("desktop entries are for Linux and BSD desktops; on this system, run Folio as it is");
    }
    let data = directories::BaseDirs::new()
        .map(|dirs| dirs.data_dir().to_path_buf())
        .context("no home folder to install into (set HOME or XDG_DATA_HOME)")?;
    let places = Places::under(&data);
    let changed = if uninstall {
        remove(&places, out)?
    } else {
        install(&places, out)?;
        true
    };
    if changed {
        update_desktop_database(&places.applications, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the desktop entry and the icons go, under the user's data folder.
struct Places {
    applications: PathBuf,
    entry: PathBuf,
    /// One PNG per size of `icon::INSTALLED_SIZES`.
    icons: Vec<(u32, PathBuf)>,
}

impl Places {
    fn under(data: &Path) -> Places {
        let applications = data.join("applications");
        Places {
            entry: applications.join("folio.desktop"),
            applications,
            icons: icon::INSTALLED_SIZES
                .iter()
                .map(|&size| {
                    let folder = data.join(format!("icons/hicolor/{size}x{size}/apps"));
                    (size, folder.join("folio.png"))
                })
                .collect(),
        }
    }
}

fn install(places: &Places, out: &mut dyn Write) -> Result<()> {
    let program = std::env::current_exe().context("could not tell where this program is")?;
    let program = std::fs::canonicalize(&program).unwrap_or(program);
    let entry = desktop_entry(&program)?;
    for (size, path) in &places.icons {
        let png = icon::png(*size).map_err(|e| anyhow::anyhow!("could not draw the icon: {e}"))?;
        write_creating_folders(path, &png)?;
        writeln!(out, "wrote {} (the icon, {size}×{size})", path.display())?;
    }
    write_creating_folders(&places.entry, entry.as_bytes())?;
    writeln!(
        out,
        "wrote {} (the menu entry; it runs {})",
        places.entry.display(),
        program.display()
    )?;
    // A build in a project's target/ goes with the next `cargo clean`.
    if program.components().any(|part| part.as_os_str() == "target") {
        writeln!(
            out,
            "note: the entry runs a build in a target/ folder; `cargo install --path .` then \
             `folio install-desktop` installs a program that stays"
        )?;
    }
    writeln!(
        out,
        "Folio is in the application menu; opening a clipping with Folio imports it into the open window, or a new one."
    )?;
    Ok(())
}

/// Removes what `install` wrote; whether there was anything.
fn remove(places: &Places, out: &mut dyn Write) -> Result<bool> {
    let paths = std::iter::once(&places.entry).chain(places.icons.iter().map(|(_, path)| path));
    let mut removed = 0;
    for path in paths {
        match std::fs::remove_file(path) {
            Ok(()) => {
                removed += 1;
                writeln!(out, "removed {}", path.display())?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("could not remove {}", path.display())),
        }
    }
    if removed == 0 {
        writeln!(
            out,
            "Folio was not installed on the desktop here; nothing to remove"
        )?;
    }
    Ok(removed > 0)
}

fn write_creating_folders(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).with_context(|| format!("could not make {}", folder.display()))?;
    }
    crate::export::write_file(path, bytes)
}

/// Tells the desktop which app opens which files again, where it keeps a
/// cache of that (desktops without `update-desktop-database` read the
/// entries themselves).
fn update_desktop_database(applications: &Path, out: &mut dyn Write) -> Result<()> {
    if !applications.is_dir() {
        return Ok(());
    }
    match std::process::Command::new("update-desktop-database")
        .arg(applications)
        .output()
    {
        Ok(run) if run.status.success() => {
            writeln!(out, "updated the desktop's list of which app opens which files")?;
        }
        Ok(run) => writeln!(
            out,
            "note: update-desktop-database failed ({}); the desktop may notice Folio's file types after logging in again",
            String::from_utf8_lossy(&run.stderr).trim()
        )?,
        Err(_) => {}
    }
    Ok(())
}

/// The desktop entry, running `program` (an absolute path).
fn desktop_entry(program: &Path) -> Result<String> {
    let Some(text) = program.to_str() else {
        bail!(
            "this program's path ({}) is not Unicode, which a desktop entry cannot name; install Folio elsewhere",
            program.display()
        );
    };
    if text.chars().any(char::is_control) {
        bail!("this program's path ({text:?}) holds control characters; install Folio elsewhere");
    }
    Ok(include_str!("../../assets/folio.desktop.in")
        .replace("@EXEC@", &escape_value(&exec_argument(text)))
        .replace("@TRYEXEC@", &escape_value(text)))
}

/// One argument of an `Exec` line: quoted when it holds a character the
/// Desktop Entry Specification reserves, with `"`, `` ` ``, `$` and `\`
/// escaped inside the quotes, and `%` doubled (a single one starts a field
/// code such as `%F`).
fn exec_argument(argument: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')', '`',
    ];
    let argument = argument.replace('%', "%%");
    if !argument.contains(RESERVED) {
        return argument;
    }
    let mut quoted = String::from("\"");
    for c in argument.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// A value of the desktop entry's string type: its backslashes escaped
/// (the caller refuses control characters, which would need `\n` and `\t`).
fn escape_value(value: &str) -> String {
    value.replace('\\', "\\\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line<'a>(entry: &'a str, key: &str) -> &'a str {
        entry
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
            .unwrap_or_else(|| panic!("no {key} in\n{entry}"))
    }

    #[test]
    fn the_entry_runs_the_program_given_on_the_files_opened() {
        let entry = desktop_entry(Path::new("/home/ann/.cargo/bin/folio")).unwrap();
        assert!(entry.starts_with("[Desktop Entry]\n"));
        assert_eq!(line(&entry, "Exec"), "/home/ann/.cargo/bin/folio %F");
        assert_eq!(line(&entry, "TryExec"), "/home/ann/.cargo/bin/folio");
        assert_eq!(line(&entry, "Icon"), "folio");
        assert_eq!(line(&entry, "Type"), "Application");
        assert_eq!(line(&entry, "Terminal"), "false");
        assert_eq!(line(&entry, "StartupWMClass"), "folio", "the window's app id");
        assert!(!entry.contains('@'), "every placeholder filled");
    }

    #[test]
    fn a_path_with_spaces_quotes_or_percent_signs_is_quoted_as_the_specification_says() {
        let entry = desktop_entry(Path::new("/home/ann/My Apps/50% \"off\"/fo$lio")).unwrap();
        // Quoted, `"` and `$` escaped, `%` doubled; then, as for any string
        // value, each backslash written twice.
        assert_eq!(
            line(&entry, "Exec"),
            r#""/home/ann/My Apps/50%% \\"off\\"/fo\\$lio" %F"#
        );
        assert_eq!(line(&entry, "TryExec"), r#"/home/ann/My Apps/50% "off"/fo$lio"#);
        assert_eq!(exec_argument(r"C:\x"), r#""C:\\x""#);
    }

    #[test]
    fn a_path_with_control_characters_is_refused() {
        let error = desktop_entry(Path::new("/tmp/a\nb/folio")).unwrap_err();
        assert!(error.to_string().contains("control characters"), "{error}");
    }
}
