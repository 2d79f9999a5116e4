//! Nothing lost: one writer, checks, backups and restores, damaged files.

use folio::library::Filter;
use folio::library::{Library, LibraryError, maintenance};
use std::path::{Path, PathBuf};
use std::process::Command;

fn folio(library: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(library)
        .args(args)
        .output()
        .expect("folio runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn sample_library(dir: &Path) -> PathBuf {
    let lib = dir.join("lib.sqlite");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let (ok, text) = folio(&lib, &["import", fixtures.to_str().unwrap()]);
    assert!(ok && text.contains("16 imported"), "{text}");
    lib
}

#[test]
fn a_second_folio_is_told_the_library_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    let first = Library::open(&lib).unwrap();
    let (ok, text) = folio(&lib, &["list"]);
    assert!(!ok, "{text}");
    assert!(text.contains("is in use by another Folio"), "{text}");
    assert!(matches!(Library::open(&lib), Err(LibraryError::InUse { .. })));
    drop(first);
    let (ok, text) = folio(&lib, &["list"]);
    assert!(ok && text.contains("16 of 16 articles"), "{text}");
}

#[test]
fn check_reports_a_healthy_library() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    let (ok, text) = folio(&lib, &["check"]);
    assert!(ok, "{text}");
    assert!(
        text.contains("integrity: ok") && text.contains("the library is healthy"),
        "{text}"
    );
    let report = Library::open(&lib).unwrap().check().unwrap();
    assert!(report.is_healthy());
    assert_eq!(report.articles, 16);
}

#[test]
fn check_finds_an_index_out_of_step() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    {
        let library = Library::open(&lib).unwrap();
        library
            .connection()
            .execute("DELETE FROM articles_fts WHERE rowid = 3", [])
            .unwrap();
    }
    let (ok, text) = folio(&lib, &["check"]);
    assert!(!ok, "{text}");
    assert!(text.contains("articles missing from the index: 1"), "{text}");
    assert!(text.contains("PROBLEMS FOUND"), "{text}");
}

#[test]
fn backups_are_verified_rotated_and_restore_what_was_lost() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    let (ok, text) = folio(&lib, &["backup"]);
    assert!(ok && text.contains("backed up and verified"), "{text}");
    let backups = maintenance::list_backups(&maintenance::backup_folder(&lib));
    assert_eq!(backups.len(), 1);
    maintenance::verify_backup(&backups[0].path).unwrap();

    // A mistake: three articles deleted for good.
    {
        let mut library = Library::open(&lib).unwrap();
        for id in [1, 2, 3] {
            library.trash(id).unwrap();
            library.purge(id).unwrap();
        }
        assert_eq!(library.count(&Filter::default()).unwrap(), 13);
    }
    let (ok, text) = folio(&lib, &["restore-backup"]);
    assert!(ok && text.contains("restored"), "{text}");
    let library = Library::open(&lib).unwrap();
    assert_eq!(library.count(&Filter::default()).unwrap(), 16);
    assert!(library.check().unwrap().is_healthy());
    // What the library held before the restore was kept too.
    let names: Vec<String> = maintenance::list_backups(&maintenance::backup_folder(&lib))
        .iter()
        .map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.contains("before-restore")), "{names:?}");
}

#[test]
fn rotation_keeps_the_newest_seven() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    let library = Library::open(&lib).unwrap();
    let folder = maintenance::backup_folder(&lib);
    std::fs::create_dir_all(&folder).unwrap();
    // Older backups from earlier days.
    for day in 1..=9 {
        let path = folder.join(format!("lib-202601{day:02}-120000.sqlite"));
        library.backup_to(&path).unwrap();
        let when = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400 * (20 - day));
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
    assert!(
        library.backup_if_due().unwrap().is_some(),
        "the newest backup is over a day old"
    );
    let kept = maintenance::list_backups(&folder);
    assert_eq!(kept.len(), maintenance::KEEP_BACKUPS);
    assert!(
        library.backup_if_due().unwrap().is_none(),
        "a fresh backup exists"
    );
}

#[test]
fn a_damaged_library_is_moved_aside_never_overwritten_and_restored_from_backup() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    folio(&lib, &["backup"]);
    // Damage the middle of the file.
    let mut bytes = std::fs::read(&lib).unwrap();
    let len = bytes.len();
    for b in &mut bytes[..len.min(4096)] {
        *b = 0x5A;
    }
    std::fs::write(&lib, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.path().join("lib.sqlite-wal"));
    let _ = std::fs::remove_file(dir.path().join("lib.sqlite-shm"));

    let (ok, text) = folio(&lib, &["list"]);
    assert!(!ok && text.contains("is not a Folio library"), "{text}");
    assert_eq!(
        std::fs::read(&lib).unwrap(),
        bytes,
        "a damaged file is left as it is"
    );

    let (ok, text) = folio(&lib, &["restore-backup"]);
    assert!(ok && text.contains("was moved to"), "{text}");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(dir.path().join(&aside[0])).unwrap(), bytes);
    let (ok, text) = folio(&lib, &["list"]);
    assert!(ok && text.contains("16 of 16 articles"), "{text}");
}

#[test]
fn a_truncated_library_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    let (ok, _) = folio(&lib, &["check"]);
    assert!(ok);
    let bytes = std::fs::read(&lib).unwrap();
    std::fs::write(&lib, &bytes[..bytes.len() / 3]).unwrap();
    let _ = std::fs::remove_file(dir.path().join("lib.sqlite-wal"));
    let (ok, text) = folio(&lib, &["check"]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("restore") || text.contains("not a Folio library"),
        "{text}"
    );
}

#[test]
fn one_library_reached_through_a_link_is_still_locked_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_library(dir.path());
    let link = dir.path().join("elsewhere.sqlite");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let _open = Library::open(&path).unwrap();
    assert!(matches!(Library::open(&link), Err(LibraryError::InUse { .. })));
    let (ok, text) = folio(&link, &["list"]);
    assert!(!ok && text.contains("in use by another Folio"), "{text}");
}

#[test]
fn a_device_or_a_folder_is_refused_as_a_library() {
    for path in [Path::new("/dev/null"), Path::new("/tmp")] {
        match Library::open(path) {
            Err(LibraryError::Invalid(reason)) => assert!(reason.contains("not a regular file"), "{reason}"),
            other => panic!("{} opened: {:?}", path.display(), other.err()),
        }
        let (ok, text) = folio(path, &["list"]);
        assert!(!ok && text.contains("not a regular file"), "{text}");
    }
}

#[test]
fn backups_never_overwrite_a_file_and_clean_up_what_a_killed_backup_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_library(dir.path());
    let library = Library::open(&path).unwrap();
    // Two backups in the same second get two names.
    let first = library.backup_rotating().unwrap();
    let second = library.backup_rotating().unwrap();
    assert_ne!(first, second);
    assert!(first.exists() && second.exists());

    // A kill -9 mid-backup leaves a partial copy and its journal: the next backup clears them.
    let folder = maintenance::backup_folder(&path);
    std::fs::write(folder.join("lib-20260101-000000.partial"), b"half").unwrap();
    std::fs::write(folder.join("lib-20260101-000000.partial-journal"), b"half").unwrap();
    library.backup_rotating().unwrap();
    let left: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // `backup PATH` onto the live library, or onto any file, is refused and changes nothing.
    drop(library);
    let before = std::fs::read(&path).unwrap();
    let (ok, text) = folio(&path, &["backup", path.to_str().unwrap()]);
    assert!(!ok && text.contains("already exists"), "{text}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let other = dir.path().join("notes.txt");
    std::fs::write(&other, "mine").unwrap();
    let (ok, text) = folio(&path, &["backup", other.to_str().unwrap()]);
    assert!(!ok && text.contains("already exists"), "{text}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "mine");
}
