//! The reader: what it says about an article, tags and notes added in it, details corrected.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use folio::library::Library;
use folio::library::{Condition, Filter};

#[test]
fn a_clipping_without_date_or_source_says_so_under_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let clipping = dir.path().join("undated.txt");
    std::fs::write(
        &clipping,
        "Harbour wall to close for the winter\n\n\
         The council closed the harbour wall on Monday, after the second storm in a week broke through \
         its northern end and flooded the road behind it.\n\n\
         Engineers will inspect the damage once the sea calms, and the council expects to reopen the \
         wall in the spring if the repairs cost no more than the budget allows.\n",
    )
    .unwrap();
    let mut harness = app_over(&dir.path().join("lib.sqlite"), vec![clipping]);
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "the imported article", |h| shows(h, "1 article"));
    click_row(&harness, "Harbour wall to close for the winter");
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "Engineers will inspect the damage")
    });
    assert!(shows(
        &harness,
        "No date or source found: Edit details… adds them."
    ));
}

#[test]
fn a_tag_added_and_a_note_typed_in_the_reader_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(&path, vec![fixture("diario_opinion_es.txt")]);
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import files…").next().unwrap().click();
    // The new article opens in the reader by itself.
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "Chile y Argentina tienen en sus salares")
    });

    harness.get_by_label("Add tag").click();
    harness.step();
    harness.get_by_label("Add tag").type_text("mining");
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the tag chip", |h| shows(h, "mining  ×"));

    harness.get_by_label("Note").click();
    harness.step();
    harness.get_by_label("Note").type_text("Compare with copper.");
    // The note saves itself after a short pause in typing.
    for _ in 0..60 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    drop(harness);

    let library = Library::open(&path).unwrap();
    let rows = library
        .list(&Filter::matching(Condition::Tag(vec!["mining".into()])))
        .unwrap();
    assert_eq!(rows.len(), 1);
    let article = library.get_article(rows[0].id).unwrap();
    assert_eq!(article.note.as_deref(), Some("Compare with copper."));
}

#[test]
fn months_filter_and_details_can_be_corrected_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.get_by_label_contains("2018  (8)").click();
    wait_for(&mut harness, "the months of 2018", |h| shows(h, "June  (2)"));
    harness.get_by_label_contains("June  (2)").click();
    wait_for(&mut harness, "June's articles", |h| shows(h, "2 articles"));
    assert!(shows(&harness, "El litio no puede repetir la historia del cobre"));
    assert!(!shows(&harness, "Port strike must end"));
    // June opens onto its days; a day narrows the month.
    wait_for(&mut harness, "June's days", |h| shows(h, "12 June  (2)"));
    harness.get_by_label_contains("12 June  (2)").click();
    wait_for(&mut harness, "the day", |h| shows(h, "Date: 2018-06-12  ×"));
    assert!(!shows(&harness, "Date: 2018-06  ×"));
    assert!(shows(&harness, "2 articles"));

    click_row(&harness, "El litio no puede repetir la historia del cobre");
    wait_for(&mut harness, "the reader", |h| shows(h, "Edit details…"));
    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the details form", |h| shows(h, "Save details"));
    harness.get_by_label("Section").click();
    harness.step();
    harness.get_by_label("Section").type_text("Economía");
    harness.step();
    // The countries it concerns, corrected: one more than Folio found.
    harness.get_by_label("Countries").click();
    harness.step();
    select_all_text(&harness);
    harness
        .get_by_label("Countries")
        .type_text("Chile, Argentina, Bolivia");
    harness.step();
    harness.get_by_label("Save details").click();
    wait_for(&mut harness, "the corrected details", |h| {
        shows(h, "El Diario del Sur  ·  Economía")
    });

    drop(harness);
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let id = library
        .list(&Filter::matching(Condition::Source(vec![
            "El Diario del Sur".into(),
        ])))
        .unwrap()[0]
        .id;
    let meta = library.get_article(id).unwrap().meta;
    assert_eq!(meta.section.as_deref(), Some("Economía"));
    let mut countries = meta.countries.clone();
    countries.sort();
    assert_eq!(countries, ["Argentina", "Bolivia", "Chile"]);
    // The region facet finds it by a country it now concerns.
    let by_country = Filter::matching(Condition::Region(vec!["Bolivia".into()]));
    assert_eq!(library.list(&by_country).unwrap().len(), 1);
}

#[test]
fn after_enter_the_tag_field_keeps_the_keyboard_for_the_next_tag() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(&path, vec![fixture("diario_opinion_es.txt")]);
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "Chile y Argentina tienen en sus salares")
    });
    harness.get_by_label("Add tag").click();
    harness.step();
    for tag in ["mining", "lithium"] {
        harness.get_by_label("Add tag").type_text(tag);
        harness.step();
        harness.key_press(egui::Key::Enter);
        wait_for(&mut harness, "the tag chip", |h| shows(h, &format!("{tag}  ×")));
    }
    // The list kept the article open: Enter was the field's, not the list's.
    assert!(harness.state().reader.article.is_some());
}

#[test]
fn the_details_form_puts_save_first_offers_pickers_and_opens_the_text_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let title = list_titles(&harness)[0].clone();
    open_article(&mut harness, &title);
    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the details form", |h| shows(h, "Save details"));
    // Save and Cancel stand above the fields, where they are seen.
    let save = harness.get_by_label("Save details").rect().top();
    // (The form's "Title" is the rightmost: the list has a column of that name.)
    let title_field = harness
        .get_all_by_label("Title")
        .map(|n| n.rect())
        .max_by(|a, b| a.left().total_cmp(&b.left()))
        .unwrap();
    assert!(save < title_field.top());
    // The text is not in an editor, nor the article's text shown twice.
    assert!(harness.query_by_label("Text").is_none());
    // Kind is picked from the known kinds, by name.
    // (The sidebar has a "Kind" group too: the form's is the rightmost.)
    harness
        .get_all_by_label("Kind")
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
        .click();
    wait_for(&mut harness, "the kinds", |h| shows(h, "Interview"));
    harness.get_by_label("Interview").click();
    harness.run_steps(2);
    // Esc does not throw the form away.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(shows(&harness, "Save details"));
    harness.get_by_label("Save details").click();
    wait_for(&mut harness, "the kind saved", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .and_then(|a| a.meta.kind.as_deref())
            == Some("interview")
            && h.state().reader.details.is_none()
    });
}

#[test]
fn the_library_s_tags_are_offered_over_the_reader_which_does_not_move() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let (mut library, ids) = library_of_fixtures(&path);
        library
            .change_tags(ids[0], &["water security".into()], &[])
            .unwrap();
    }
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| h.state().list.total == 9);
    let title = list_titles(&harness)[1].clone();
    open_article(&mut harness, &title);
    let text_top =
        |h: &egui_kittest::Harness<'static, folio::gui::FolioApp>| h.get_by_label("Highlight:").rect().top();
    let before = text_top(&harness);
    harness.get_by_label("Add tag").click();
    harness.step();
    harness.get_by_label("Add tag").type_text("wat");
    wait_for(&mut harness, "the offer", |h| shows(h, "water security"));
    assert_eq!(
        text_top(&harness),
        before,
        "the offer stands over the reader, moving nothing"
    );
    harness.get_by_label("water security").click();
    wait_for(&mut harness, "the tag chip", |h| shows(h, "water security  ×"));
}

#[test]
fn details_typed_and_left_for_another_article_are_saved_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[0]);
    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the details form", |h| shows(h, "Save details"));
    harness.get_by_label("Section").click();
    harness.step();
    harness.get_by_label("Section").type_text("Leaders");
    harness.step();
    // Another article, without Save: what was typed is kept.
    click_row(&harness, &titles[1]);
    wait_for(&mut harness, "the other article", |h| reading(h, &titles[1]));
    assert!(shows(
        &harness,
        &format!("The details typed for “{}” were saved", titles[0])
    ));
    open_article(&mut harness, &titles[0]);
    wait_for(&mut harness, "the section kept", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .and_then(|a| a.meta.section.as_deref())
            == Some("Leaders")
    });
}

#[test]
fn at_800_by_500_the_reader_s_toolbars_stay_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.set_size(egui::vec2(800.0, 500.0));
    let title = list_titles(&harness)[0].clone();
    open_article(&mut harness, &title);
    harness.run_steps(3);
    let top = |h: &egui_kittest::Harness<'static, folio::gui::FolioApp>, label: &str| {
        h.get_by_label(label).rect().top()
    };
    // Short names in a narrow reader; the whole names are still what they are called.
    assert_eq!(top(&harness, "Edit details…"), top(&harness, "Close"));
    assert_eq!(top(&harness, "yellow"), top(&harness, "purple"));
}
