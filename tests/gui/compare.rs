//! Compare: two articles side by side, the passages they share marked on
//! both sides, and the way back to the list as it was.

use crate::support::*;
use egui_kittest::kittest::Queryable;

/// Selects the Tokyo and Seoul rows (a click, a Ctrl+click) and opens
/// Compare from the Edit menu.
fn compare_the_two(harness: &mut egui_kittest::Harness<'static, folio::gui::FolioApp>) {
    open_article(harness, TOKYO);
    ctrl_click_row(harness, SEOUL);
    wait_for(harness, "two selected", |h| shows(h, "2 articles selected"));
    harness.get_by_label("Edit").click();
    wait_for(harness, "the Edit menu", |h| shows(h, "Compare the two selected"));
    harness
        .get_all_by_label_contains("Compare the two selected")
        .next()
        .unwrap()
        .click();
    wait_for_compare(harness);
}

#[test]
fn two_selected_articles_open_side_by_side_with_the_wire_paragraph_marked_in_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    compare_the_two(&mut harness);
    // Both articles, whole, each under its title and paper.
    assert!(shows(&harness, "The government will answer the offer with care"));
    assert!(shows(&harness, "The presidential office welcomed any step"));
    assert!(shows(&harness, "2018-06-12  ·  The Tokyo Daily"));
    assert!(shows(&harness, "2018-06-13  ·  Seoul Herald"));
    assert!(shows(&harness, "1 shared passage, underlined"));
    // Each side says how much of it the other holds: the wire's 30 words.
    let saying = "30 words shared with the other, in 1 passage";
    assert_eq!(harness.get_all_by_label(saying).count(), 2);
    // What is marked is the wire paragraph, on both sides (to its last word).
    let compared = wait_for_compare(&mut harness);
    let wire = WIRE.trim_end_matches('.');
    for side in [&compared.left, &compared.right] {
        let marked: Vec<&str> = side
            .shared
            .iter()
            .map(|r| &side.article.meta.body[r.clone()])
            .collect();
        assert_eq!(marked, vec![wire]);
    }
}

#[test]
fn the_way_back_returns_to_the_list_with_the_selection_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    compare_the_two(&mut harness);
    let selected = harness.state().list.selection.ids();
    assert_eq!(selected.len(), 2);
    assert!(
        harness.query_by_label("Stories").is_none(),
        "Compare has the whole window"
    );
    harness.get_by_label("← Back").click();
    wait_for(&mut harness, "the list again", |h| {
        h.state().compare.open.is_none() && shows(h, "2 articles selected")
    });
    assert_eq!(harness.state().list.selection.ids(), selected);
    assert!(harness.get_all_by_label(HARBOUR).count() > 0);
}

#[test]
fn escape_leaves_compare_and_one_selected_article_is_not_enough() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    compare_the_two(&mut harness);
    harness.key_press(egui::Key::Escape);
    wait_for(&mut harness, "the list again", |h| {
        h.state().compare.open.is_none()
    });
    // With one row selected, the shortcut says what it needs.
    open_article(&mut harness, HARBOUR);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::C);
    wait_for(&mut harness, "the hint", |h| {
        shows(h, "Select two articles in the list to compare")
    });
    assert!(harness.state().compare.open.is_none());
}

#[test]
fn a_row_right_clicked_is_compared_with_the_open_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    open_article(&mut harness, TOKYO);
    let row = harness
        .get_all_by_label(HARBOUR)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap();
    row.click_secondary();
    wait_for(&mut harness, "the row's menu", |h| {
        shows(h, "Compare with the open article")
    });
    harness
        .get_all_by_label_contains("Compare with the open article")
        .next()
        .unwrap()
        .click();
    let compared = wait_for_compare(&mut harness);
    assert_eq!(compared.left.article.meta.title.as_deref(), Some(TOKYO));
    assert_eq!(compared.right.article.meta.title.as_deref(), Some(HARBOUR));
    assert!(compared.passages.is_empty(), "nothing in common");
    assert!(shows(&harness, "no shared passages"));
}
