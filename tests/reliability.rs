//! Nothing lost: one writer, checks, backups and restores, damaged files.

use folio::library::Filter;
use folio::library::{Library, LibraryError, maintenance};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{folio, python_reads};

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

/// The README promises that any SQLite tool reads the library. The
/// machine's own Python (Debian 12's SQLite 3.40 here and in CI, older
/// than the one Folio is built with) opens a library made at the command
/// line, checks it, and reads its articles, tags, notes and highlights, and
/// its search index finds a word of a highlight's comment.
#[test]
#[ignore = "needs python3; .ci/run installs it and runs this"]
fn the_machines_own_python_reads_the_library_with_its_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    let (ok, shown) = folio(&lib, &["show", "1"]);
    assert!(ok, "{shown}");
    let passage: String = shown
        .rsplit("\n\n")
        .find(|p| p.split_whitespace().count() > 6)
        .unwrap()
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    for args in [
        &["tag", "1", "+kept for later", "+water"][..],
        &["note", "1", "Read again with the ministry's figures."],
        &[
            "highlight",
            "1",
            &passage,
            "--color",
            "green",
            "--comment",
            "zanzibar",
        ],
    ] {
        let (ok, text) = folio(&lib, args);
        assert!(ok, "{args:?}: {text}");
    }
    let read = python_reads(
        r#"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = lambda sql: [list(r) for r in db.execute(sql)]
print(json.dumps({
    "sqlite": sqlite3.sqlite_version,
    "integrity": rows("PRAGMA integrity_check"),
    "articles": rows("SELECT count(*) FROM articles WHERE title IS NOT NULL AND body <> ''"),
    "tags": rows("SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = 1 ORDER BY t.name"),
    "notes": rows("SELECT article_id, body FROM notes"),
    "highlights": rows("SELECT article_id, quote, color, comment FROM highlights"),
    "found": rows("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'zanzibar'"),
}))
"#,
        &lib,
    );
    let version = &read["sqlite"];
    assert_eq!(read["integrity"], serde_json::json!([["ok"]]), "SQLite {version}");
    assert_eq!(read["articles"], serde_json::json!([[16]]), "SQLite {version}");
    assert_eq!(read["tags"], serde_json::json!([["kept for later"], ["water"]]));
    assert_eq!(
        read["notes"],
        serde_json::json!([[1, "Read again with the ministry's figures."]])
    );
    assert_eq!(
        read["highlights"],
        serde_json::json!([[1, passage, "green", "zanzibar"]])
    );
    assert_eq!(read["found"], serde_json::json!([[1]]), "SQLite {version}");
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
    assert!(ok && text.contains("moved, untouched, to"), "{text}");
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

/// Overwrites `len` bytes at `at` with 0xFF: no page type, no page number
/// and no cell size is valid there, so SQLite's checks cannot miss it.
fn damage(path: &Path, at: usize, len: usize) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    let end = (at + len).min(bytes.len());
    for b in &mut bytes[at..end] {
        *b = 0xFF;
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}

/// A library of generated articles, backed up, with one clipping added after
/// the backup, and then damaged in its middle (the header intact).
fn library_damaged_after_its_backup(dir: &Path) -> (PathBuf, Vec<u8>) {
    let lib = dir.join("lib.sqlite");
    let (ok, text) = folio(&lib, &["generate", "--articles", "300", "--seed", "4"]);
    assert!(ok, "{text}");
    let (ok, text) = folio(&lib, &["backup"]);
    assert!(ok, "{text}");
    let clipping = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let first = std::fs::read_dir(&clipping)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let (ok, text) = folio(&lib, &["import", first.to_str().unwrap()]);
    assert!(ok && text.contains("1 imported"), "{text}");
    let len = std::fs::metadata(&lib).unwrap().len() as usize;
    let bytes = damage(&lib, len / 2, 8192);
    (lib, bytes)
}

#[test]
fn a_library_damaged_in_its_middle_is_never_written_to_and_check_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, damaged) = library_damaged_after_its_backup(dir.path());

    let (ok, text) = folio(&lib, &["check"]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("DAMAGED") && text.contains("folio restore-backup"),
        "{text}"
    );
    assert!(!text.contains("vtable constructor failed"), "{text}");

    let new = dir.path().join("new.txt");
    std::fs::write(&new, "A New Editorial\n\nThe council in Lagos voted on Monday to rebuild the harbour wall, \
        after a winter of storms that flooded the market twice. The vote was close.\n\nCritics said the money \
        would be better spent on schools.\n").unwrap();
    for args in [
        vec!["import", new.to_str().unwrap()],
        vec!["tag", "1", "+kept"],
        vec!["note", "1", "a note"],
    ] {
        let (ok, text) = folio(&lib, &args);
        assert!(!ok, "{args:?} succeeded on a damaged library: {text}");
        assert!(
            text.contains("damaged") && text.contains("folio salvage"),
            "{args:?}: {text}"
        );
        assert_eq!(
            std::fs::read(&lib).unwrap(),
            damaged,
            "{args:?} wrote to the damaged file"
        );
    }
}

#[test]
fn salvage_saves_every_readable_article_of_a_damaged_library_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, damaged) = library_damaged_after_its_backup(dir.path());
    let out = dir.path().join("salvaged.json");
    let (_, text) = folio(&lib, &["salvage", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(&lib).unwrap(), damaged, "salvage only reads");
    let saved: usize = text
        .split("salvaged ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    assert!(saved >= 250, "only {saved} of 301 articles salvaged: {text}");
    let lost = if text.contains("every article could be read") {
        0
    } else {
        text.split(" articles could not be read")
            .next()
            .and_then(|head| head.rsplit('\n').next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("{text}"))
    };
    assert_eq!(
        saved + lost,
        301,
        "every article is either saved or counted: {text}"
    );

    // The file is a library export: a new library takes every article in it.
    let fresh = dir.path().join("fresh.sqlite");
    let (ok, report) = folio(&fresh, &["import", out.to_str().unwrap()]);
    assert!(ok, "{report}");
    let (_, listed) = folio(&fresh, &["list", "--limit", "1"]);
    assert!(listed.contains(&format!("of {saved} articles")), "{listed}");

    // Salvage writes a new file, never over one.
    let (ok, text) = folio(&lib, &["salvage", lib.to_str().unwrap()]);
    assert!(!ok && text.contains("already exists"), "{text}");
    assert_eq!(std::fs::read(&lib).unwrap(), damaged);
}

#[test]
fn restore_sets_a_damaged_library_aside_and_puts_the_backup_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, damaged) = library_damaged_after_its_backup(dir.path());
    let (ok, text) = folio(&lib, &["restore-backup"]);
    assert!(ok, "{text}");
    assert!(
        text.contains("moved, untouched, to") && text.contains("salvage"),
        "{text}"
    );
    let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.contains(".damaged-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        damaged,
        "the damaged file is kept as it was"
    );
    let (ok, text) = folio(&lib, &["check"]);
    assert!(ok && text.contains("healthy"), "{text}");
    let (_, listed) = folio(&lib, &["list", "--limit", "1"]);
    assert!(
        listed.contains("of 300 articles"),
        "the backup's 300 articles: {listed}"
    );
}

#[test]
fn a_read_only_library_file_is_read_and_exported_and_refuses_changes_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let lib = sample_library(dir.path());
    let mut permissions = std::fs::metadata(&lib).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&lib, permissions).unwrap();
    let before = std::fs::read(&lib).unwrap();

    let (ok, text) = folio(&lib, &["list"]);
    assert!(ok && text.contains("16 of 16 articles"), "{text}");
    assert_eq!(text.matches("is open read-only").count(), 1, "said once: {text}");
    let out = dir.path().join("out.json");
    let (ok, text) = folio(
        &lib,
        &["export", "--format", "json", "--out", out.to_str().unwrap()],
    );
    assert!(ok && out.exists(), "{text}");
    let (ok, text) = folio(&lib, &["check"]);
    assert!(
        ok && text.contains("healthy") && text.contains("not checked"),
        "{text}"
    );
    let (ok, text) = folio(&lib, &["search", "harbour"]);
    assert!(ok, "{text}");

    let (ok, text) = folio(&lib, &["tag", "1", "+kept"]);
    assert!(
        !ok && text.contains("read-only") && !text.contains("attempt to write"),
        "{text}"
    );
    assert_eq!(std::fs::read(&lib).unwrap(), before);
}

/// Runs folio as an ordinary user (`nobody`), for whom permissions hold:
/// the tests run as root in CI.
fn folio_as_nobody(library: &Path, args: &[&str]) -> Option<(bool, String)> {
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0);
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(env!("CARGO_BIN_EXE_folio"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_folio"))
    };
    let out = command
        .arg("--library")
        .arg(library)
        .args(args)
        .env("HOME", "/tmp")
        .output()
        .ok()?;
    Some((
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    ))
}

#[test]
fn a_library_in_a_folder_that_cannot_be_written_is_still_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shelf");
    std::fs::create_dir(&folder).unwrap();
    let lib = sample_library(&folder);
    let _ = std::fs::remove_file(folder.join("lib.sqlite.lock"));
    for path in [dir.path(), folder.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    std::fs::set_permissions(&lib, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = std::env::temp_dir().join(format!("folio-ro-{}.json", std::process::id()));
    let Some((ok, text)) = folio_as_nobody(&lib, &["list"]) else {
        panic!("setpriv is needed to run as an ordinary user");
    };
    assert!(
        ok && text.contains("16 of 16 articles") && text.contains("read-only"),
        "{text}"
    );
    let (ok, text) = folio_as_nobody(
        &lib,
        &["export", "--format", "json", "--out", out.to_str().unwrap()],
    )
    .unwrap();
    assert!(ok, "{text}");
    let _ = std::fs::remove_file(&out);
    let (ok, text) = folio_as_nobody(&lib, &["note", "1", "hello"]).unwrap();
    assert!(!ok && text.contains("read-only"), "{text}");
    assert!(!folder.join("lib.sqlite.lock").exists());
    for path in [dir.path(), folder.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
