//! Topics: suggestions accepted and rejected, the user's own topics added, renamed,
//! moved and filed under.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use folio::library::Filter;
use folio::library::Library;

#[test]
fn a_suggested_topic_is_accepted_with_one_click_and_a_rejected_one_does_not_return() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = annotated_app(dir.path());
    let seed_title = "Japan, U.S. must seize chance of Kim’s offer of talks with South";
    click_row(&harness, seed_title);
    wait_for(&mut harness, "suggestions", |h| {
        h.state().reader.suggestions.len() >= 2
    });
    let proposed: Vec<String> = harness
        .state()
        .reader
        .suggestions
        .iter()
        .map(|s| s.path.clone())
        .collect();
    // An editorial on talks between Seoul and Pyongyang.
    assert!(
        proposed.iter().any(|p| p == "politics › diplomacy"),
        "{proposed:?}"
    );
    assert!(shows(&harness, "Suggested"));

    // ✔ files it: the topic joins the article's own, shown as its chip.
    let accepted = "politics › diplomacy".to_string();
    harness.get_by_label(&format!("File under “{accepted}”")).click();
    wait_for(&mut harness, "the filing", |h| {
        shows(h, &format!("{accepted}  ×"))
    });
    // Answered, it stays in its place, its buttons gone: nothing moves.
    wait_for(&mut harness, "the suggestion answered", |h| {
        h.query_by_label(&format!("File under “{accepted}”")).is_none()
    });

    // ✖ on the next one: gone, and still gone when the article is opened again.
    let reader = &harness.state().reader;
    let rejected = reader
        .suggestions
        .iter()
        .find(|s| reader.settled(s.topic_id).is_none())
        .expect("another proposal")
        .path
        .clone();
    harness
        .get_by_label(&format!("Not “{rejected}”: do not suggest it again"))
        .click_accesskit();
    wait_for(&mut harness, "the rejection", |h| {
        h.query_by_label(&format!("File under “{rejected}”")).is_none()
    });
    harness.get_by_label("Close").click();
    wait_for(&mut harness, "the reader closed", |h| {
        h.state().reader.article.is_none()
    });
    click_row(&harness, seed_title);
    wait_for(&mut harness, "the reader again", |h| {
        h.state().reader.article.is_some() && !h.state().reader.suggestions.is_empty()
    });
    assert!(
        !harness
            .state()
            .reader
            .suggestions
            .iter()
            .any(|s| s.path == rejected),
        "{rejected} came back"
    );
    drop(harness);
    let library = Library::open(&path).unwrap();
    let id = library
        .list(&Filter::default())
        .unwrap()
        .into_iter()
        .find(|r| r.title.as_deref() == Some(seed_title))
        .unwrap()
        .id;
    let filed: Vec<String> = library
        .topics_of(id)
        .unwrap()
        .into_iter()
        .map(|t| t.path)
        .collect();
    assert_eq!(filed, vec![accepted]);
}

#[test]
fn an_own_topic_is_added_renamed_moved_and_filed_under() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.get_by_label("New topic…").click_accesskit();
    wait_for(&mut harness, "the name field", |h| {
        h.query_by_label("New topic").is_some()
    });
    harness.get_by_label("New topic").type_text("Korean peninsula");
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the new topic", |h| {
        shows(h, "Korean peninsula  (0)")
    });

    harness.get_by_label("Korean peninsula  (0)").click_secondary();
    wait_for(&mut harness, "the topic menu", |h| shows(h, "Rename…"));
    harness.get_by_label("Rename…").click();
    wait_for(&mut harness, "the rename field", |h| {
        h.query_by_label("Rename “Korean peninsula” to").is_some()
    });
    select_all_text(&harness);
    harness.step();
    harness
        .get_by_label("Rename “Korean peninsula” to")
        .type_text("Korea");
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the renamed topic", |h| shows(h, "Korea  (0)"));

    harness.get_by_label("Korea  (0)").click_secondary();
    wait_for(&mut harness, "the topic menu", |h| shows(h, "Move to"));
    harness.get_by_label("Move to").click();
    wait_for(&mut harness, "the places", |h| {
        h.query_by_label("politics").is_some()
    });
    harness.get_by_label("politics").click();
    harness.run_steps(5);

    // Filed under from the reader, three levels deep in the menus.
    click_row(&harness, "Port strike must end before the harvest ships arrive");
    wait_for(&mut harness, "the reader", |h| shows(h, "File under…"));
    harness.get_by_label("File under…").click();
    wait_for(&mut harness, "the topic menu", |h| {
        h.query_by_label("politics").is_some()
    });
    harness.get_by_label("politics").click();
    wait_for(&mut harness, "the politics menu", |h| {
        h.query_by_label("Korea").is_some()
    });
    harness.get_by_label("Korea").click();
    wait_for(&mut harness, "the filing", |h| shows(h, "politics › Korea  ×"));
    wait_for(&mut harness, "the count", |h| shows(h, "Korea  (1)"));
    drop(harness);
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let tree = library.topic_tree().unwrap();
    let politics = tree.iter().find(|n| n.name == "politics").unwrap();
    assert!(
        politics
            .children
            .iter()
            .any(|c| c.name == "Korea" && c.count == 1)
    );
    assert!(
        !tree
            .iter()
            .any(|n| n.name == "Korea" || n.name == "Korean peninsula")
    );
}

#[test]
fn answering_a_proposal_moves_none_of_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_deebf3aef80def1e.txt");
    let mut harness = app_over(&path, vec![seed]);
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "two proposals", |h| {
        h.state().reader.suggestions.len() >= 2
    });
    let reader = &harness.state().reader;
    let (first, second) = (
        reader.suggestions[0].path.clone(),
        reader.suggestions[1].path.clone(),
    );
    let place = |h: &egui_kittest::Harness<'static, folio::gui::FolioApp>, path: &str| {
        h.get_by_label(&format!("Not “{path}”: do not suggest it again"))
            .rect()
    };
    let before = place(&harness, &second);
    harness.get_by_label(&format!("File under “{first}”")).click();
    wait_for(&mut harness, "the filing", |h| shows(h, &format!("{first}  ×")));
    harness.run_steps(5);
    assert_eq!(
        place(&harness, &second),
        before,
        "the next proposal stands where it stood"
    );
}
