//! Emptying the trash, and backing up and restoring from the window.

use crate::support::*;
use egui_kittest::kittest::Queryable;

#[test]
fn emptying_the_trash_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[0]);
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    harness.get_by_label_contains("Trash  (1)").click();
    wait_for(&mut harness, "the trash list", |h| shows(h, "Empty Trash…"));
    harness.get_by_label("Empty Trash…").click();
    wait_for(&mut harness, "the question", |h| {
        shows(h, "Empty the trash (1 article)?")
    });
    harness.get_by_label("Cancel").click();
    wait_for(&mut harness, "the question to go", |h| {
        !shows(h, "Empty the trash (1 article)?")
    });
    assert!(shows(&harness, "Trash  (1)"));
    harness.get_by_label("Empty Trash…").click();
    wait_for(&mut harness, "the question", |h| {
        shows(h, "Empty the trash (1 article)?")
    });
    harness.get_by_label("Empty Trash").click();
    wait_for(&mut harness, "an empty trash", |h| shows(h, "Trash  (0)"));
}

#[test]
fn back_up_then_restore_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.get_by_label("File").click();
    wait_for(&mut harness, "the File menu", |h| shows(h, "Back up now"));
    harness.get_by_label_contains("Back up now").click();
    wait_for(&mut harness, "the backup", |h| shows(h, "Backed up and verified"));

    // A mistake after the backup: the trash emptied of one article.
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[0]);
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    harness.get_by_label_contains("Trash  (1)").click();
    wait_for(&mut harness, "the trash list", |h| shows(h, "Empty Trash…"));
    harness.get_by_label("Empty Trash…").click();
    wait_for(&mut harness, "the question", |h| shows(h, "Empty the trash"));
    harness.get_by_label("Empty Trash").click();
    wait_for(&mut harness, "an empty trash", |h| {
        shows(h, "Trash  (0)") && h.state().list.facets.all == 8
    });

    harness.get_by_label("File").click();
    wait_for(&mut harness, "the File menu", |h| {
        shows(h, "Restore from backup…")
    });
    harness.get_by_label_contains("Restore from backup…").click();
    wait_for(&mut harness, "the list of backups", |h| shows(h, "Restore…"));
    harness.get_all_by_label("Restore…").next().unwrap().click();
    wait_for(&mut harness, "the question", |h| {
        shows(h, "Restore the library to how it was on")
    });
    harness.get_by_label("Restore this backup").click();
    wait_for(&mut harness, "the restored library", |h| {
        shows(h, "Restored from") && h.state().list.facets.all == 9
    });
}
