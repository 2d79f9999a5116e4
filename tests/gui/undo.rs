//! Ctrl+Z: what it takes back.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use folio::library::Library;
use folio::library::{Condition, Filter};

#[test]
fn ctrl_z_takes_back_tags_details_notes_and_trash() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let title = "Port strike must end before the harvest ships arrive";
    open_article(&mut harness, title);

    // A tag, then Ctrl+Z.
    harness.get_by_label("Add tag").click();
    harness.step();
    harness.get_by_label("Add tag").type_text("labour");
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the tag", |h| shows(h, "labour  ×"));
    // Leave the text field so Ctrl+Z means the last change, not typing.
    harness.get_by_label_contains("Edit details").focus();
    harness.step();
    press_undo(&mut harness);
    wait_for(&mut harness, "the tag to go", |h| !shows(h, "labour  ×"));

    // A details change, then Ctrl+Z.
    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the details form", |h| shows(h, "Save details"));
    harness.get_by_label("Authors").click();
    harness.step();
    harness.get_by_label("Authors").type_text("Ada Byline");
    harness.step();
    harness.get_by_label("Save details").click();
    wait_for(&mut harness, "the new author", |h| shows(h, "by Ada Byline"));
    harness.step();
    press_undo(&mut harness);
    wait_for(&mut harness, "the old details", |h| !shows(h, "Ada Byline"));

    // A note, then Ctrl+Z once typing is over.
    harness.get_by_label("Note").click();
    harness.step();
    harness
        .get_by_label("Note")
        .type_text("Check the union's figures.");
    for _ in 0..60 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.get_by_label_contains("Edit details").focus();
    harness.step();
    press_undo(&mut harness);
    wait_for(&mut harness, "the note to empty", |h| {
        h.state().annotating.note.text.is_empty()
    });

    // Move to Trash, then Ctrl+Z.
    harness.get_all_by_label("Move to Trash").next().unwrap().click();
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    press_undo(&mut harness);
    wait_for(&mut harness, "the article back", |h| shows(h, "Trash  (0)"));

    drop(harness);
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let id = library
        .list(&Filter::matching(Condition::Source(vec![
            "The Harbour Herald".into(),
        ])))
        .unwrap()[0]
        .id;
    let article = library.get_article(id).unwrap();
    assert!(article.tags.is_empty(), "{:?}", article.tags);
    assert!(article.meta.authors.is_empty(), "{:?}", article.meta.authors);
    assert_eq!(article.note, None);
    assert_eq!(article.deleted_at, None);
}
