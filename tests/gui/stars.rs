//! Starring: the reader's ☆, Ctrl+D, the selection's Star, the list's ★,
//! the sidebar's State ▸ Starred, and the undo.

use crate::support::*;
use egui_kittest::kittest::Queryable;

/// How many stars the list shows before titles.
fn stars_in_list(harness: &egui_kittest::Harness<'static, folio::gui::FolioApp>) -> usize {
    harness.query_all_by_label("★").count()
}

#[test]
fn the_readers_star_marks_the_article_in_the_list_and_the_sidebar_finds_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    assert!(!shows(&harness, "Starred  (1)"), "no State facet before a star");
    open_article(&mut harness, &titles[1]);
    harness.get_by_label("Star").click();
    wait_for(&mut harness, "the State facet", |h| shows(h, "Starred  (1)"));
    assert!(shows(&harness, "Starred 1 article"));
    assert!(
        harness.query_by_label("Starred").is_some(),
        "the reader's button is on"
    );
    assert!(stars_in_list(&harness) >= 1);

    // The facet lists the one starred article, and keeps the reader on it.
    harness.get_by_label("Starred  (1)").click();
    wait_for(&mut harness, "the starred list", |h| list_titles(h).len() == 1);
    assert_eq!(list_titles(&harness), [titles[1].clone()]);
    assert!(shows(&harness, "State: Starred  ×"));

    // Ctrl+D takes the star off; Ctrl+Z puts it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    wait_for(&mut harness, "the star to go", |h| shows(h, "Starred  (0)"));
    assert!(harness.query_by_label("Star").is_some());
    press_undo(&mut harness);
    wait_for(&mut harness, "the star back", |h| shows(h, "Starred  (1)"));
}

#[test]
fn the_selection_stars_every_selected_article_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    select_first_five(&mut harness);
    harness.get_by_label("★ Star").click();
    wait_for(&mut harness, "five stars", |h| shows(h, "Starred  (5)"));
    assert!(shows(&harness, "Starred 5 articles"));
    assert_eq!(stars_in_list(&harness), 5);
    harness.get_by_label("☆ Unstar").click();
    wait_for(&mut harness, "no stars", |h| {
        !shows(h, "Starred  (5)") && stars_in_list(h) == 0
    });
}
