//! Searching: the search box, field queries and saved searches, "more like this",
//! the searched words in the reader, matches in highlight comments.

use crate::support::*;
use egui_kittest::kittest::Queryable;

#[test]
fn typing_in_the_search_box_narrows_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let search = "Search";
    harness.get_by_label(search).click();
    harness.step();
    harness.get_by_label(search).type_text("desalination");
    wait_for(&mut harness, "the search results", |h| {
        shows(h, "1 article match “desalination”")
    });
    assert_eq!(
        list_titles(&harness),
        vec!["Desalination deal signed after two years of talks"]
    );
    // Under the title, the passage where the word was found.
    assert!(shows(&harness, "to build a shared desalination plant"));
    // The sidebar still counts the whole library.
    assert!(shows(&harness, "All articles  (9)"));
    harness.get_by_label("Clear").click();
    wait_for(&mut harness, "the whole list", |h| shows(h, "9 articles"));
}

#[test]
fn a_field_query_works_and_a_saved_search_appears_in_the_sidebar() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.get_by_label("Search").click();
    harness.step();
    harness.get_by_label("Search").type_text("lang:es");
    wait_for(&mut harness, "the Spanish articles", |h| {
        shows(h, "1 article match “lang:es”")
    });
    assert_eq!(
        list_titles(&harness),
        vec!["El litio no puede repetir la historia del cobre"]
    );

    harness.get_by_label("Save…").click();
    wait_for(&mut harness, "the name field", |h| shows(h, "Save search"));
    harness.get_by_label("Name").click();
    harness.step();
    harness.get_by_label("Name").type_text("In Spanish");
    harness.step();
    harness.get_by_label("Save search").click();
    wait_for(&mut harness, "the saved search", |h| shows(h, "Saved searches"));

    harness.get_by_label("Clear").click();
    wait_for(&mut harness, "the whole list", |h| shows(h, "9 articles"));
    harness.get_by_label("In Spanish").click();
    wait_for(&mut harness, "the saved search's results", |h| {
        shows(h, "1 article match “lang:es”")
    });
}

#[test]
fn more_like_this_lists_the_related_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    open_article(
        &mut harness,
        "Le dialogue entre Berlin et Varsovie ne doit pas s'éteindre",
    );
    harness.get_by_label("More like this").click();
    wait_for(&mut harness, "similar articles", |h| {
        shows(h, "More like “Le dialogue entre Berlin")
    });
    assert!(
        !list_titles(&harness)
            .contains(&"Le dialogue entre Berlin et Varsovie ne doit pas s'éteindre".to_string())
    );
    harness.get_by_label("Back").click();
    wait_for(&mut harness, "the list again", |h| shows(h, "9 articles"));
}

#[test]
fn the_reader_marks_the_searched_words_and_steps_through_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.get_by_label("Search").click();
    harness.step();
    harness.get_by_label("Search").type_text("strike OR port");
    wait_for(&mut harness, "the results", |h| {
        shows(h, "match “strike OR port”")
    });
    open_article(
        &mut harness,
        "Port strike must end before the harvest ships arrive",
    );
    wait_for(&mut harness, "the count of matches", |h| {
        h.state().reader.match_count >= 3
    });
    let count = harness.state().reader.match_count;
    assert!(shows(&harness, &format!("1 of {count} matches")));
    harness.get_by_label("Next").click();
    wait_for(&mut harness, "the second match", |h| {
        shows(h, &format!("2 of {count} matches"))
    });
    harness.get_by_label("Previous").click();
    harness.get_by_label("Previous").click();
    wait_for(&mut harness, "the last match", |h| {
        shows(h, &format!("{count} of {count} matches"))
    });
}

#[test]
fn a_search_that_matches_a_highlight_comment_says_so_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    harness.get_by_label("Search").click();
    harness.step();
    harness.get_by_label("Search").type_text("editorial's point");
    wait_for(&mut harness, "the search", |h| shows(h, "1 article match"));
    assert!(shows(&harness, "in a highlight comment: The editorial's point."));
}

#[test]
fn the_sidebar_counts_follow_the_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    assert!(shows(&harness, "English  (5)") && shows(&harness, "2018  (8)"));
    harness.get_by_label("Search").click();
    harness.step();
    harness.get_by_label("Search").type_text("desalination");
    wait_for(&mut harness, "the search results", |h| {
        shows(h, "1 article match “desalination”")
    });
    // Every facet counts what the search found; the library's total stays.
    wait_for(&mut harness, "the counts under the search", |h| {
        shows(h, "English  (1)") && shows(h, "2018  (1)")
    });
    assert!(shows(&harness, "All articles  (9)"));
    harness.get_by_label("Clear").click();
    wait_for(&mut harness, "the whole library's counts", |h| {
        shows(h, "English  (5)") && shows(h, "2018  (8)")
    });
}
