//! The watched folder in the window: chosen under Preferences, files
//! dropped into it arrive in its list and the library, Pause stops
//! arrivals, and the folder (paused or not) comes back when the app is
//! opened again on the same library.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::gui::FolioApp;
use std::path::Path;

/// Steps frames for a while, as a user waits: long enough for a watched
/// file to settle and be imported if it were going to be.
fn wait_a_while(harness: &mut Harness<'static, FolioApp>) {
    let until = std::time::Instant::now() + folio::ingest::watch::SETTLE * 4;
    while std::time::Instant::now() < until {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn drop_in(folder: &Path, name: &str) {
    std::fs::copy(fixture(name), folder.join(name)).unwrap();
}

fn click(harness: &Harness<'static, FolioApp>, label: &str) {
    harness.get_all_by_label(label).next().unwrap().click();
}

/// Preferences ▸ Watch a folder…, until `then` shows.
fn choose_to_watch(harness: &mut Harness<'static, FolioApp>, what: &str, then: &str) {
    click(harness, "Preferences");
    wait_for(harness, "the Preferences menu", |h| shows(h, "Watch a folder…"));
    click(harness, "Watch a folder…");
    wait_for(harness, what, |h| shows(h, then));
}

#[test]
fn a_watched_folder_imports_what_lands_until_paused_and_comes_back_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("clippings");
    std::fs::create_dir_all(&folder).unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(&path, vec![folder.clone()]);
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));

    choose_to_watch(&mut harness, "the watch's list", "Nothing has landed yet");
    let watching = format!("Watching {}", folder.display());
    assert!(shows(&harness, &watching), "the status bar names the folder");

    drop_in(&folder, "harbour_editorial_en.txt");
    wait_for(&mut harness, "the file to arrive", |h| {
        shows(
            h,
            "harbour_editorial_en.txt — imported: Port strike must end before the harvest ships arrive",
        )
    });
    wait_for(&mut harness, "the list", |h| shows(h, "1 article"));

    // Pause is one click, in the status bar.
    click(&harness, "Pause");
    wait_for(&mut harness, "the pause", |h| shows(h, "· paused"));
    drop_in(&folder, "diario_opinion_es.txt");
    wait_a_while(&mut harness);
    assert!(
        !shows(&harness, "diario_opinion_es.txt —"),
        "nothing arrives while paused"
    );
    assert_eq!(harness.state().list.total, 1);

    // Opened again on the same library: the folder is watched still, and
    // still paused.
    drop(harness);
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "1 article"));
    assert!(shows(&harness, &format!("{watching} · paused")));
    click(&harness, "Resume");
    // What landed while paused arrives; what was taken before does not
    // come again.
    wait_for(&mut harness, "the file dropped while paused", |h| {
        shows(h, "2 articles")
    });
    wait_a_while(&mut harness);
    assert_eq!(harness.state().list.total, 2);
    assert!(shows(&harness, "El litio no puede repetir la historia del cobre"));

    // Resumed, then opened again: watching from the start.
    drop(harness);
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "2 articles"));
    assert!(shows(&harness, &watching) && !shows(&harness, "· paused"));
    drop_in(&folder, "wrapped_news_en.txt");
    wait_for(&mut harness, "the file dropped after the restart", |h| {
        shows(h, "3 articles")
    });
    click(&harness, "What landed");
    wait_for(&mut harness, "the watch's list", |h| {
        shows(h, "wrapped_news_en.txt — imported")
    });
}

#[test]
fn without_a_folder_chooser_the_folder_to_watch_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("clippings");
    std::fs::create_dir_all(&folder).unwrap();
    let library = folio::library::Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            FolioApp::new(&cc.egui_ctx, library, std::sync::Arc::new(folio::gui::NoChooser))
        });
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    choose_to_watch(&mut harness, "the folder field", "No folder was chosen.");

    let type_folder = |harness: &mut Harness<'static, FolioApp>, text: &str| {
        harness.get_by_label("Folder").click();
        harness.step();
        select_all_text(harness);
        harness.get_by_label("Folder").type_text(text);
        harness.step();
        harness.get_by_label("Watch").click();
    };
    let nowhere = dir.path().join("nowhere");
    type_folder(&mut harness, nowhere.to_str().unwrap());
    wait_for(&mut harness, "the refusal", |h| {
        shows(h, "nowhere is not a folder")
    });
    assert!(!shows(&harness, "Watching"));

    type_folder(&mut harness, folder.to_str().unwrap());
    let watching = format!("Watching {}", folder.display());
    wait_for(&mut harness, "the watch", |h| shows(h, &watching));
    drop_in(&folder, "harbour_editorial_en.txt");
    wait_for(&mut harness, "the file to arrive", |h| shows(h, "1 article"));
}
