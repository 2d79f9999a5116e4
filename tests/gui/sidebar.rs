//! The sidebar: facets and their counts, chips, tags renamed, merged, coloured,
//! deleted and found among thousands, regions opening onto countries.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use folio::library::Library;

#[test]
fn a_tag_renamed_onto_another_merges_and_a_tag_can_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let (mut library, ids) = library_of_fixtures(&path);
        library.change_tags(ids[0], &["N. Korea".into()], &[]).unwrap();
        library.change_tags(ids[1], &["North Korea".into()], &[]).unwrap();
        library.change_tags(ids[2], &["North Korea".into()], &[]).unwrap();
    }
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the sidebar", |h| shows(h, "N. Korea  (1)"));
    harness.get_by_label("N. Korea  (1)").click_secondary();
    wait_for(&mut harness, "the tag menu", |h| shows(h, "Rename…"));
    harness.get_by_label("Rename…").click();
    wait_for(&mut harness, "the name field", |h| {
        shows(h, "Rename “N. Korea” to")
    });
    harness.get_by_label("Rename “N. Korea” to").focus();
    harness.step();
    select_all_text(&harness);
    harness.step();
    harness
        .get_by_label("Rename “N. Korea” to")
        .type_text("North Korea");
    harness.step();
    assert_eq!(
        harness
            .state()
            .tags
            .renaming
            .as_ref()
            .map(|(_, typed)| typed.as_str()),
        Some("North Korea")
    );
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the merge", |h| shows(h, "North Korea  (3)"));
    assert!(!shows(&harness, "N. Korea  (1)"));

    harness.get_by_label("North Korea  (3)").click_secondary();
    wait_for(&mut harness, "the tag menu", |h| shows(h, "Delete…"));
    harness.get_by_label("Delete…").click();
    wait_for(&mut harness, "the question", |h| {
        shows(h, "Delete the tag “North Korea” from 3 articles?")
    });
    harness.get_by_label("Delete tag").click();
    wait_for(&mut harness, "the deletion", |h| !shows(h, "North Korea  ("));
    assert!(shows(&harness, "9 articles"), "the articles stay");
}

#[test]
fn three_facets_combine_every_count_follows_and_a_chip_takes_one_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    assert!(shows(&harness, "Opinion  (4)") && shows(&harness, "English  (5)"));

    // A year: the other facets count what is left of it.
    harness.get_by_label_contains("2018  (8)").click();
    wait_for(&mut harness, "2018's articles", |h| shows(h, "8 articles"));
    wait_for(&mut harness, "counts within 2018", |h| {
        shows(h, "Opinion  (3)") && shows(h, "English  (4)")
    });
    // Within a facet, the values not chosen still say what they would add.
    assert!(shows(&harness, "2020  (1)"));

    // And a kind: editorials of 2018.
    harness.get_by_label_contains("Editorial  (3)").click();
    wait_for(&mut harness, "2018's editorials", |h| shows(h, "3 articles"));
    wait_for(&mut harness, "counts within them", |h| {
        shows(h, "English  (1)") && shows(h, "French  (1)") && shows(h, "Japanese  (1)")
    });
    assert!(shows(&harness, "East Asia & Pacific  (1)"));

    // And a language: three facets, all of them holding.
    harness.get_by_label_contains("English  (1)").click();
    wait_for(&mut harness, "one article", |h| shows(h, "1 article"));
    assert_eq!(
        list_titles(&harness),
        ["Port strike must end before the harvest ships arrive"]
    );
    wait_for(&mut harness, "every facet recounted", |h| {
        shows(h, "2018  (1)") && shows(h, "Editorial  (1)") && shows(h, "Opinion  (1)")
    });
    for chip in ["Date: 2018  ×", "Kind: Editorial  ×", "Language: English  ×"] {
        assert!(shows(&harness, chip), "{chip}");
    }

    // The kind's chip taken back: 2018, in English.
    harness.get_by_label("Kind: Editorial  ×").click();
    wait_for(&mut harness, "2018 in English", |h| shows(h, "4 articles"));
    assert!(!shows(&harness, "Kind: Editorial  ×"));
    harness.get_by_label("Clear all").click();
    wait_for(&mut harness, "the whole library", |h| shows(h, "9 articles"));
    assert!(!shows(&harness, "Date: 2018  ×"));
}

#[test]
fn ten_thousand_tags_narrow_as_you_type() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let (mut library, ids) = library_of_fixtures(&path);
        let names: Vec<String> = (0..10_000).map(|n| format!("label {n:05}")).collect();
        library.change_tags(ids[0], &names, &[]).unwrap();
    }
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the tags", |h| {
        shows(h, "and 9940 more: type to find them")
    });
    harness.get_by_label("Find a tag").click();
    harness.step();
    harness.get_by_label("Find a tag").type_text("07321");
    wait_for(&mut harness, "the one tag", |h| shows(h, "label 07321  (1)"));
    assert!(!shows(&harness, "label 00001  (1)"));
    assert!(!shows(&harness, "more: type to find them"));

    // Chosen from the narrowed list, it filters the articles as any tag does.
    harness.get_by_label("label 07321  (1)").click();
    wait_for(&mut harness, "its article", |h| shows(h, "1 article"));
}

#[test]
fn a_tag_is_given_a_colour_from_its_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let (mut library, ids) = library_of_fixtures(&path);
        library.change_tags(ids[0], &["energy".into()], &[]).unwrap();
    }
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the tag", |h| shows(h, "energy  (1)"));
    harness.get_by_label("energy  (1)").click_secondary();
    wait_for(&mut harness, "the tag menu", |h| {
        h.query_by_label("purple").is_some()
    });
    harness.get_by_label("purple").click();
    wait_for(&mut harness, "the colour", |h| {
        h.state().list.facets.tag_colors.get("energy").map(String::as_str) == Some("purple")
    });
    drop(harness);
    let library = Library::open(&path).unwrap();
    assert_eq!(library.tag_colors().unwrap()["energy"], "purple");
}

#[test]
fn a_chosen_region_opens_onto_its_countries_and_a_country_narrows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.get_by_label("East Asia & Pacific  (2)").click();
    wait_for(&mut harness, "the region's countries", |h| {
        shows(h, "Mongolia  (1)")
    });
    assert!(shows(&harness, "2 articles"));
    harness.get_by_label("Mongolia  (1)").click();
    wait_for(&mut harness, "the country's article", |h| shows(h, "1 article"));
    assert_eq!(
        list_titles(&harness),
        ["How Mongolia balances its two giant neighbours"]
    );
    assert!(shows(&harness, "Region: Mongolia  ×"));
    assert!(!shows(&harness, "Region: East Asia & Pacific  ×"));
    // The countries stay listed under their region, to choose another.
    assert!(shows(&harness, "Mongolia  (1)"));
}

#[test]
fn a_long_facet_lists_its_first_values_then_shows_all_with_a_box_to_find_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = long_list(dir.path());
    let sources = harness.state().list.facets.sources.clone();
    assert!(sources.len() > 10, "the generated library has many sources");
    let label = |v: &folio::library::FacetCount| format!("{}  ({})", v.value, v.count);
    // The first eight are listed, whole with their counts; the rest wait.
    assert!(harness.query_by_label(&label(&sources[0])).is_some());
    assert!(harness.query_by_label(&label(&sources[7])).is_some());
    let last = sources.last().unwrap();
    assert!(harness.query_by_label(&label(last)).is_none());

    // Where the user scrolls to, and clicks.
    let reach = |harness: &mut egui_kittest::Harness<'static, folio::gui::FolioApp>, label: &str| {
        harness.get_by_label(label).scroll_to_me();
        // The scroll is animated: a few frames until it is there.
        harness.run_steps(20);
        harness.get_by_label(label).click();
        harness.run_steps(2);
    };
    reach(&mut harness, &format!("Show all {}…", sources.len()));
    assert!(
        harness.query_by_label(&label(last)).is_some(),
        "every source, once shown all"
    );
    reach(&mut harness, "Find sources");
    harness.get_by_label("Find sources").type_text(&last.value);
    harness.run_steps(2);
    // The box leaves the sources with those letters.
    let others = sources
        .iter()
        .filter(|s| !s.value.to_lowercase().contains(&last.value.to_lowercase()));
    for other in others.take(20) {
        assert!(
            harness.query_by_label(&label(other)).is_none(),
            "{} is not found by {}",
            other.value,
            last.value
        );
    }
    reach(&mut harness, &label(last));
    wait_for(&mut harness, "the chosen source's articles", |h| {
        h.state().list.loaded && h.state().list.total == last.count
    });
    // Chosen, it stays listed when the list is shown short again.
    reach(&mut harness, "Show fewer");
    assert!(harness.query_by_label(&label(last)).is_some());
    assert!(harness.query_by_label(&label(&sources[9])).is_none() || sources[9].value == last.value);
}

#[test]
fn a_name_typed_then_left_with_a_click_elsewhere_is_kept_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let (mut library, ids) = library_of_fixtures(&path);
        library.change_tags(ids[0], &["drafts".into()], &[]).unwrap();
    }
    let mut harness = app_over(&path, Vec::new());
    let rename = |harness: &mut egui_kittest::Harness<'static, folio::gui::FolioApp>,
                  from: &str,
                  count: usize,
                  to: &str| {
        harness
            .get_by_label(&format!("{from}  ({count})"))
            .click_secondary();
        wait_for(harness, "the tag menu", |h| shows(h, "Rename…"));
        harness.get_by_label("Rename…").click();
        let field = format!("Rename “{from}” to");
        wait_for(harness, "the name field", |h| shows(h, &field));
        harness.get_by_label(&field).focus();
        harness.step();
        select_all_text(harness);
        harness.step();
        harness.get_by_label(&field).type_text(to);
        harness.step();
    };
    wait_for(&mut harness, "the sidebar", |h| shows(h, "drafts  (1)"));
    // Esc: the rename is cancelled, as asked.
    rename(&mut harness, "drafts", 1, "sketches");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert!(shows(&harness, "drafts  (1)") && harness.state().tags.renaming.is_none());
    // A click elsewhere: the name typed is kept.
    rename(&mut harness, "drafts", 1, "sketches");
    harness
        .get_all_by_label_contains("All articles")
        .next()
        .unwrap()
        .click();
    wait_for(&mut harness, "the renamed tag", |h| shows(h, "sketches  (1)"));
}
