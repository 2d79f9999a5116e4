//! The reader says where an article's region came from, so the user can judge it.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use std::path::Path;

#[test]
fn the_reader_says_which_countries_named_gave_the_region() {
    let dir = tempfile::tempdir().unwrap();
    let clipping = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regions/elysee_budget_fr.txt");
    let mut harness = app_over(&dir.path().join("lib.sqlite"), vec![clipping]);
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "the imported article", |h| shows(h, "1 article"));
    let title = "Le budget de l'Élysée, ou l'art de dépenser sans compter";
    open_article(&mut harness, title);
    // The Élysée, Matignon and the National Assembly all name France.
    assert!(
        shows(
            &harness,
            "Region: Europe & Central Asia — from the countries named: France"
        ),
        "the reader names the basis of the region"
    );
}
