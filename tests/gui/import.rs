//! Importing: through the file chooser, by dropping files, and through the path field
//! offered when no chooser comes.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::gui::{FolioApp, NoChooser};
use folio::library::Filter;
use folio::library::Library;
use std::path::Path;
use std::sync::Arc;

#[test]
fn welcome_then_import_through_the_dialog_then_read_and_see_tags_in_the_sidebar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(
        &path,
        vec![
            fixture("harbour_editorial_en.txt"),
            fixture("diario_opinion_es.txt"),
        ],
    );
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    assert!(shows(&harness, "drop files here"));

    // The toolbar and the welcome view both offer it.
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "the imported articles", |h| shows(h, "2 articles"));
    assert!(shows(
        &harness,
        "Port strike must end before the harvest ships arrive"
    ));
    assert!(shows(&harness, "El litio no puede repetir la historia del cobre"));
    assert!(shows(&harness, "2 imported, 0 duplicates, 0 failed"));

    click_row(&harness, "El litio no puede repetir la historia del cobre");
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "Chile y Argentina tienen en sus salares")
    });
    assert!(shows(&harness, "El Diario del Sur"));

    // Tags and the note are edited through the library here; the reader
    // shows what the library holds once the article is opened again.
    drop(harness);
    let mut library = Library::open(&path).unwrap();
    let rows = library.list(&Filter::default()).unwrap();
    let id = rows
        .iter()
        .find(|r| r.title.as_deref() == Some("El litio no puede repetir la historia del cobre"))
        .unwrap()
        .id;
    library.change_tags(id, &["mining".to_string()], &[]).unwrap();
    drop(library);
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "2 articles"));
    assert!(shows(&harness, "mining  (1)"), "the sidebar counts the tag");
}

#[test]
fn dropped_files_import_and_the_sidebar_filters_and_trash_restores() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));

    for name in [
        "wrapped_news_en.txt",
        "toyo_shasetsu_ja.txt",
        "standard_oped_en.txt",
    ] {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(fixture(name))));
    }
    wait_for(&mut harness, "the dropped articles", |h| shows(h, "3 articles"));

    harness
        .get_by_label_contains("Middle East & North Africa  (1)")
        .click();
    wait_for(&mut harness, "the region filter", |h| {
        shows(h, "1 article") && !shows(h, "3 articles")
    });
    assert!(shows(
        &harness,
        "Desalination deal signed after two years of talks"
    ));
    assert!(!shows(&harness, "Why Water Will Decide the Sahel’s Future"));

    // The region's chip over the list takes the filter back.
    harness
        .get_by_label("Region: Middle East & North Africa  ×")
        .click();
    wait_for(&mut harness, "the whole list again", |h| shows(h, "3 articles"));
    harness.get_by_label_contains("2020  (1)").click();
    wait_for(&mut harness, "the year filter", |h| {
        shows(h, "Why Water Will Decide the Sahel’s Future")
    });
    assert!(shows(&harness, "1 article"));

    harness.get_by_label_contains("All articles").click();
    wait_for(&mut harness, "all articles", |h| shows(h, "3 articles"));
    click_row(&harness, "Desalination deal signed after two years of talks");
    wait_for(&mut harness, "the reader", |h| shows(h, "Move to Trash"));
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    assert!(!shows(&harness, "Desalination deal signed"));

    harness.get_by_label_contains("Trash  (1)").click();
    wait_for(&mut harness, "the trash list", |h| {
        shows(h, "Desalination deal signed")
    });
    click_row(&harness, "Desalination deal signed after two years of talks");
    wait_for(&mut harness, "the trashed article", |h| shows(h, "In the trash."));
    harness.get_all_by_label("Restore").next().unwrap().click();
    wait_for(&mut harness, "the restore", |h| shows(h, "Trash  (0)"));
}

#[test]
fn without_a_file_chooser_a_path_field_imports_instead() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| FolioApp::new(&cc.egui_ctx, library, Arc::new(NoChooser)));
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import folder…").next().unwrap().click();
    wait_for(&mut harness, "the path field", |h| {
        shows(h, "No file was chosen.")
    });
    assert!(shows(&harness, "xdg-desktop-portal-gtk"));
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    harness.get_by_label("Path").click();
    harness.step();
    harness.get_by_label("Path").type_text(folder.to_str().unwrap());
    harness.step();
    harness.get_by_label("Import").click();
    wait_for(&mut harness, "the folder's articles", |h| {
        shows(h, "16 imported, 0 duplicates, 0 failed")
    });
    assert!(!shows(&harness, "No file was chosen."));
}

#[test]
fn without_a_file_chooser_an_export_is_saved_through_the_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    drop(library_of_fixtures(&path));
    let library = Library::open(&path).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| FolioApp::new(&cc.egui_ctx, library, Arc::new(NoChooser)));
    wait_for(&mut harness, "the list", |h| {
        !h.state().list.rows.ids().is_empty()
    });
    open_export_window(&mut harness);
    harness.get_by_label("Spreadsheet (CSV)…").click();
    wait_for(&mut harness, "the path field", |h| {
        shows(h, "no place was chosen") && shows(h, "the file to write")
    });
    let out = dir.path().join("articles.csv");
    harness.get_by_label("Path").click();
    harness.step();
    harness.get_by_label("Path").type_text(out.to_str().unwrap());
    harness.step();
    harness.get_by_label("Save").click();
    wait_for(&mut harness, "the export", |h| shows(h, "written to"));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.lines().count() > 5, "{csv}");
    assert!(!shows(&harness, "no place was chosen"));
}

#[test]
fn the_file_menu_shows_its_keys_and_ctrl_shift_o_imports_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings");
    let mut harness = app_over(&dir.path().join("lib.sqlite"), vec![folder]);
    harness.get_by_label("File").click();
    wait_for(&mut harness, "the File menu", |h| shows(h, "Import folder…"));
    for key in ["Ctrl+O", "Ctrl+Shift+O", "Ctrl+Q"] {
        assert!(shows(&harness, key), "{key} is shown in the File menu");
    }
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::O);
    wait_for(&mut harness, "the folder's clippings", |h| {
        h.state().list.total == 9
    });
}
