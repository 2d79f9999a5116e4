//! `folio FILE…`, what a file manager runs to open files with Folio: the
//! files are imported into the window open on the library when there is
//! one, handed over through its inbox (see `gui::inbox`), else into a new
//! window, which finds them in the inbox as it opens.

use crate::gui::inbox;
use anyhow::{Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How long a library held by something other than a window may stay held
/// before giving up: a window starting up holds the library a moment before
/// it watches its inbox, and a short command may finish.
const PATIENCE: Duration = Duration::from_secs(5);
/// How long to wait for the open window to take the files, to say so.
const TAKING: Duration = Duration::from_secs(5);

/// Where the files went.
#[derive(Debug, PartialEq)]
pub enum Delivery {
    /// To the window open on the library: the hand-off it is to take.
    HandedOver(PathBuf),
    /// Nobody has the library open: a new window is to open, and finds
    /// the files waiting.
    OpenWindow,
}

pub fn run(
    library: &Path,
    files: &[PathBuf],
    screenshot: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let files = existing_absolute(files)?;
    let what = match files.len() {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    match deliver(library, &files, PATIENCE)? {
        Delivery::HandedOver(handoff) => {
            let later = if inbox::taken(&handoff, TAKING) {
                ""
            } else {
                " (it is busy; it imports them when it can)"
            };
            writeln!(
                out,
                "handed {what} to the Folio window open on {}{later}",
                library.display()
            )?;
        }
        Delivery::OpenWindow => crate::gui::run(library.to_path_buf(), screenshot)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The files, each made absolute (the window may run in another folder).
/// All must be there: a name given by mistake is said at once, not after a
/// window has opened.
fn existing_absolute(files: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for file in files {
        match std::fs::metadata(file) {
            Ok(_) => found.push(std::path::absolute(file)?),
            Err(e) => missing.push(format!(
                "{}: {}",
                file.display(),
                crate::import::files::io_reason(&e)
            )),
        }
    }
    if !missing.is_empty() {
        bail!("nothing imported; {}", missing.join("; "));
    }
    Ok(found)
}

/// Leaves the files for whoever imports them: the window watching the
/// library's inbox, or, when nobody has the library open, the window the
/// caller is to open. A library held without a window watching is waited
/// for up to `patience`, then refused.
pub fn deliver(library: &Path, files: &[PathBuf], patience: Duration) -> Result<Delivery> {
    let resolved = crate::library::resolved(library).unwrap_or_else(|_| library.to_path_buf());
    let deadline = Instant::now() + patience;
    loop {
        if inbox::window_is_watching(library) {
            return Ok(Delivery::HandedOver(inbox::hand_over(library, files)?));
        }
        if !crate::library::in_use(&resolved) {
            inbox::hand_over(library, files)?;
            return Ok(Delivery::OpenWindow);
        }
        if Instant::now() >= deadline {
            bail!(
                "{} is in use by a Folio command still running; open the files again once it has finished",
                library.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::inbox::Inbox;

    #[test]
    fn with_no_folio_running_a_new_window_opens_and_finds_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib.sqlite");
        let files = vec![dir.path().join("clip.txt")];
        assert_eq!(deliver(&library, &files, PATIENCE).unwrap(), Delivery::OpenWindow);
        // The window that opens watches the inbox and finds them.
        let mut window = Inbox::watch(&library, || {}).unwrap();
        assert_eq!(window.next_arrival(false).files.unwrap(), files);
    }

    #[test]
    fn with_a_window_open_the_files_are_handed_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib.sqlite");
        let _held = crate::library::Library::open(&library).unwrap();
        let mut window = Inbox::watch(&library, || {}).unwrap();
        let files = vec![dir.path().join("a.txt"), dir.path().join("b.html")];
        let Delivery::HandedOver(handoff) = deliver(&library, &files, PATIENCE).unwrap() else {
            panic!("not handed over");
        };
        assert!(inbox::taken(&handoff, TAKING));
        assert_eq!(window.next_arrival(false).files.unwrap(), files);
    }

    #[test]
    fn a_library_held_by_a_command_is_waited_for_then_refused() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib.sqlite");
        let held = crate::library::Library::open(&library).unwrap();
        let error = deliver(
            &library,
            &[dir.path().join("clip.txt")],
            Duration::from_millis(300),
        )
        .unwrap_err();
        assert!(error.to_string().contains("in use by a Folio command"), "{error}");
        assert!(
            std::fs::read_dir(inbox::folder(&library)).is_err(),
            "nothing left behind for a window that may never come"
        );
        // Once the command is done, a new window opens for them.
        drop(held);
        let files = vec![dir.path().join("clip.txt")];
        assert_eq!(deliver(&library, &files, PATIENCE).unwrap(), Delivery::OpenWindow);
    }

    #[test]
    fn files_that_are_not_there_are_named_and_nothing_is_delivered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("here.txt"), "text").unwrap();
        let error =
            existing_absolute(&[dir.path().join("here.txt"), dir.path().join("gone.txt")]).unwrap_err();
        assert!(
            error.to_string().contains("gone.txt: no such file or folder"),
            "{error}"
        );
        let relative = existing_absolute(&[PathBuf::from("Cargo.toml")]).unwrap();
        assert!(relative[0].is_absolute() && relative[0].ends_with("Cargo.toml"));
    }
}
