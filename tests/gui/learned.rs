//! Learning from corrections in the window: a source and kind corrected in
//! Edit details… are given to the next article from the same site, the
//! import says so, and Preferences ▸ Learned from corrections lists the
//! rules with a Remove that Ctrl+Z takes back.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/learning")
        .join(name)
}

/// The rightmost of the widgets with this label: the form's, not the sidebar's.
fn rightmost<'a>(
    harness: &'a egui_kittest::Harness<'static, folio::gui::FolioApp>,
    label: &'a str,
) -> egui_kittest::Node<'a> {
    harness
        .get_all_by_label(label)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
}

#[test]
fn a_corrected_source_and_kind_are_given_to_the_next_article_from_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(&path, vec![page("gaceta_agua.html")]);
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "the reader", |h| shows(h, "Edit details…"));

    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the details form", |h| shows(h, "Save details"));
    rightmost(&harness, "Source").click();
    harness.step();
    select_all_text(&harness);
    rightmost(&harness, "Source").type_text("Gaceta del Sur");
    harness.step();
    rightmost(&harness, "Kind").click();
    wait_for(&mut harness, "the kinds", |h| shows(h, "Editorial"));
    harness.get_by_label("Editorial").click();
    harness.run_steps(2);
    harness.get_by_label("Save details").click();
    wait_for(&mut harness, "what Folio learned", |h| {
        h.query_all_by_label_contains(
            "Later articles from gaceta-sur.example will get the source “Gaceta del Sur”",
        )
        .next()
        .is_some()
    });

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(page("gaceta_puerto.html"))));
    wait_for(&mut harness, "the second article", |h| shows(h, "2 articles"));
    wait_for(&mut harness, "the report's line", |h| {
        h.query_all_by_label_contains(
            "gaceta_puerto.html: given the kind “editorial” and the source “Gaceta del Sur”",
        )
        .next()
        .is_some()
    });
    // It opens by itself, with the corrected source and kind.
    wait_for(&mut harness, "the second article in the reader", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .is_some_and(|a| a.meta.title.as_deref() == Some("El puerto merece un debate sin prisas"))
    });
    let meta = harness.state().reader.article.as_ref().unwrap().meta.clone();
    assert_eq!(meta.source.as_deref(), Some("Gaceta del Sur"));
    assert_eq!(meta.kind.as_deref(), Some("editorial"));

    // The table lists both rules; Remove forgets one, Ctrl+Z brings it back.
    harness.get_by_label("Preferences").click();
    wait_for(&mut harness, "the menu", |h| {
        shows(h, "Learned from corrections…")
    });
    harness.get_by_label("Learned from corrections…").click();
    wait_for(&mut harness, "the table", |h| shows(h, "Site or paper"));
    assert_eq!(harness.query_all_by_label("gaceta-sur.example").count(), 2);
    harness.get_all_by_label("Remove").next().unwrap().click();
    wait_for(&mut harness, "one rule left", |h| {
        h.query_all_by_label("gaceta-sur.example").count() == 1
    });
    press_undo(&mut harness);
    wait_for(&mut harness, "the rule back", |h| {
        h.query_all_by_label("gaceta-sur.example").count() == 2
    });
}
