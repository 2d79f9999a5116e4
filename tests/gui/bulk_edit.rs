//! Changing many articles at once: a tag on five, details on five, and undoing it.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use folio::library::Library;
use folio::library::{Condition, Filter};

#[test]
fn five_selected_articles_are_tagged_at_once_and_the_change_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    select_first_five(&mut harness);

    harness.get_by_label("Tag every selected article").click();
    harness.step();
    harness
        .get_by_label("Tag every selected article")
        .type_text("water security");
    harness.step();
    harness.get_by_label("Add").click();
    wait_for(&mut harness, "the tag on five", |h| {
        shows(h, "Tagged 5 articles “water security”") && shows(h, "water security  (5)")
    });

    // The sidebar's tag lists exactly those five.
    harness.get_by_label("water security  (5)").click();
    wait_for(&mut harness, "the tag's list", |h| shows(h, "5 articles"));
    let mut tagged = list_titles(&harness);
    tagged.sort();
    let mut chosen = titles[..5].to_vec();
    chosen.sort();
    assert_eq!(tagged, chosen);

    harness.get_by_label("Clear all").click();
    wait_for(&mut harness, "the whole library", |h| shows(h, "9 articles"));
    press_undo(&mut harness);
    wait_for(&mut harness, "the tag gone", |h| !shows(h, "water security  ("));
    drop(harness);
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let filter = Filter::matching(Condition::Tag(vec!["water security".into()]));
    assert_eq!(library.count(&filter).unwrap(), 0);
}

#[test]
fn the_details_of_five_articles_are_set_at_once_and_the_change_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    select_first_five(&mut harness);
    harness.get_by_label("Edit 5 articles…").click_accesskit();
    wait_for(&mut harness, "the form", |h| {
        h.query_by_label("Apply to 5 articles").is_some()
    });

    // Nothing filled in: refused with a reason.
    harness.get_by_label("Apply to 5 articles").click();
    wait_for(&mut harness, "the reason", |h| {
        shows(h, "Fill in at least one field")
    });
    harness.get_by_label("Region").click();
    harness.step();
    harness.get_by_label("Region").type_text("South Asia");
    harness.get_by_label("Date").click();
    harness.step();
    harness.get_by_label("Date").type_text("not a date");
    harness.get_by_label("Apply to 5 articles").click();
    wait_for(&mut harness, "the date refused", |h| {
        shows(h, "is not a date Folio can read")
    });
    harness.get_by_label("Date").click();
    harness.step();
    select_all_text(&harness);
    harness.get_by_label("Date").type_text("2019-05");
    harness.get_by_label("Topic").click();
    harness.step();
    harness.get_by_label("Topic").type_text("politics › diplomacy");
    harness.step();
    harness.get_by_label("Apply to 5 articles").click();
    wait_for(&mut harness, "the change", |h| {
        shows(h, "Changed the details of 5 articles")
            && shows(h, "South Asia  (5)")
            && shows(h, "2019  (5)")
            && shows(h, "diplomacy  (5)")
    });

    press_undo(&mut harness);
    wait_for(&mut harness, "the undo", |h| {
        !shows(h, "South Asia  (") && !shows(h, "2019  (") && !shows(h, "diplomacy  (")
    });
    assert!(shows(&harness, "2018  (8)"));
}
