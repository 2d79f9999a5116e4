//! Opening a library: a damaged one, one in use, one from an older Folio.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::library::Library;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn root_over(path: &Path) -> Harness<'static, folio::gui::Root> {
    let path = path.to_path_buf();
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| folio::gui::Root::open(&cc.egui_ctx, path, Arc::new(FixedPicker(Vec::new()))))
}

fn wait_root(
    harness: &mut Harness<'static, folio::gui::Root>,
    what: &str,
    ready: impl Fn(&Harness<'static, folio::gui::Root>) -> bool,
) {
    for _ in 0..600 {
        harness.step();
        if ready(harness) {
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn a_damaged_library_at_start_offers_the_latest_backup_and_keeps_the_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let mut library = Library::open(&path).unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings");
        let cancel = std::sync::atomic::AtomicBool::new(false);
        folio::ingest::pipeline::import_paths(&mut library, &[fixtures], &cancel, |_, _| {}).unwrap();
        library.backup_rotating().unwrap();
    }
    let damaged = b"this is no longer a database".repeat(100);
    std::fs::write(&path, &damaged).unwrap();

    let mut harness = root_over(&path);
    wait_root(&mut harness, "the explanation", |h| {
        h.query_all_by_label_contains("Folio could not open your library")
            .next()
            .is_some()
    });
    assert!(
        harness
            .query_all_by_label_contains("is not a Folio library")
            .next()
            .is_some()
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        damaged,
        "nothing is written before the user chooses"
    );
    harness.get_by_label("Restore the latest good backup").click();
    wait_root(&mut harness, "the restored library", |h| {
        h.state()
            .app()
            .is_some_and(|a| a.list.loaded && a.list.total == 9)
    });
    drop(harness);
    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(&kept[0]).unwrap(), damaged);
}

#[test]
fn a_library_in_use_says_so_and_opens_once_free() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let other = Library::open(&path).unwrap();
    let mut harness = root_over(&path);
    wait_root(&mut harness, "the explanation", |h| {
        h.query_all_by_label_contains("is in use by another Folio")
            .next()
            .is_some()
    });
    drop(other);
    harness.get_by_label("Try again").click();
    wait_root(&mut harness, "the app", |h| {
        h.state().app().is_some_and(|a| a.list.loaded)
    });
    assert!(
        harness
            .query_all_by_label_contains("Welcome to Folio")
            .next()
            .is_some()
    );
}

#[test]
fn a_library_from_an_older_folio_is_upgraded_without_holding_up_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        // As the previous release left it: schema version 3.
        let old = Library::open_at_version(&path, Some(3)).unwrap();
        let conn = old.connection();
        conn.execute(
            "INSERT INTO articles (title, body, source, region, published_date, published_precision, \
             content_hash, imported_at, updated_at) \
             VALUES ('An editorial from last year', 'Its body, about the harbour and the strike.', 'The Old Times', \
             'Sub-Saharan Africa', '2025-06-01', 'day', 'h1', '2025-06-02T00:00:00Z', '2025-06-02T00:00:00Z')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO articles_fts(rowid, title, body, source, notes) \
             VALUES (1, 'An editorial from last year', 'Its body, about the harbour and the strike.', 'The Old Times', '')",
            [],
        )
        .unwrap();
    }
    assert!(folio::library::upgrade_pending(&path));
    // Opening does not wait for the upgrade: the window comes up at once.
    let root = folio::gui::Root::open(
        &egui::Context::default(),
        path.clone(),
        Arc::new(FixedPicker(Vec::new())),
    );
    assert!(matches!(root, folio::gui::Root::Upgrading(_)));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |_| root);
    wait_root(&mut harness, "the upgraded library", |h| {
        h.query_all_by_label_contains("An editorial from last year")
            .next()
            .is_some()
    });
    assert!(!folio::library::upgrade_pending(&path));
}

#[test]
fn damage_met_while_the_window_is_open_stops_all_writing_and_offers_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let mut library = Library::open(&path).unwrap();
        let plan = folio::devtools::generate::Plan {
            articles: 300,
            seed: 4,
            tags: 10,
        };
        folio::devtools::generate::generate(&mut library, &plan, |_| {}).unwrap();
        library.backup_rotating().unwrap();
    }
    // The header intact, pages in the middle overwritten: the file opens.
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 8192].fill(0xFF);
    std::fs::write(&path, &bytes).unwrap();

    let mut harness = root_over(&path);
    let damaged_screen = |h: &Harness<'static, folio::gui::Root>| {
        h.query_all_by_label_contains("Your library is damaged")
            .next()
            .is_some()
    };
    wait_root(&mut harness, "the list or the damage", |h| {
        damaged_screen(h) || h.state().app().is_some_and(|a| a.list.loaded)
    });
    if !damaged_screen(&harness) {
        // Reading did not meet the broken pages: the first change must.
        let title = harness.state().app().unwrap().list.rows.titles()[0].clone();
        for node in harness.get_all_by_label(&title) {
            node.click();
        }
        harness.run_steps(2);
        harness.key_press(egui::Key::Delete);
        wait_root(&mut harness, "the damaged library's screen", damaged_screen);
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the damaged file is not written to"
    );
    let wal = dir.path().join("lib.sqlite-wal");
    assert_eq!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0),
        0,
        "nor its journal"
    );

    harness.get_by_label("Restore the latest good backup").click();
    wait_root(&mut harness, "the restored library", |h| {
        h.state()
            .app()
            .is_some_and(|a| a.list.loaded && a.list.total == 300)
    });
}
