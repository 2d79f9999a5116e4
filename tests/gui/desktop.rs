//! Opening files with Folio while its window is open: a file manager runs
//! `folio FILE…`, which hands the files to the window; the window imports
//! them as it does dropped ones, with the same report.

use crate::support::*;
use std::process::Command;

#[test]
fn a_file_opened_with_folio_while_the_window_is_open_is_imported_there() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = empty_app(dir.path());

    // From the fixtures' folder, by a relative name: the window, elsewhere,
    // still finds it.
    let folder = fixture("harbour_editorial_en.txt")
        .parent()
        .unwrap()
        .to_path_buf();
    let run = Command::new(env!("CARGO_BIN_EXE_folio"))
        .current_dir(&folder)
        .arg("--library")
        .arg(&path)
        .arg("harbour_editorial_en.txt")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        said.contains("handed 1 file to the Folio window open on"),
        "{said}"
    );
    assert!(!said.contains("busy"), "the window took it at once: {said}");

    wait_for(&mut harness, "the handed-over article", |h| {
        shows(h, "Port strike must end before the harvest ships arrive")
    });
    assert!(shows(&harness, "1 imported, 0 duplicates, 0 failed"));
    assert!(shows(&harness, "1 article"));
    let inbox = folio::gui::inbox::folder(&path);
    let left: Vec<_> = std::fs::read_dir(&inbox)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["window.lock"], "the hand-off was taken out of the inbox");
}

#[test]
fn something_in_the_inbox_that_is_no_hand_off_is_said_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = empty_app(dir.path());
    let stray = folio::gui::inbox::folder(&path).join("stray.txt");
    std::fs::write(&stray, "not a list of files").unwrap();
    wait_for(&mut harness, "the window to say so", |h| {
        shows(
            h,
            "stray.txt in the library's inbox was not a list of files to import",
        )
    });
    assert!(!stray.exists());
    assert!(shows(&harness, "Welcome to Folio"), "the window goes on");
}
