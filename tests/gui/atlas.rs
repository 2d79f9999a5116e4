//! The atlas and the trends chart: a click on a country or a band chooses
//! it as the sidebar would, and the counts follow the facets chosen.

use crate::articles::article_about;
use crate::support::{app_over, list_titles, shows, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::gui::FolioApp;
use folio::library::Library;
use std::path::Path;

/// Four articles: two about Japan (one also about South Korea) in March,
/// one about the United States in March, one about Kenya in April.
fn atlas_app(dir: &Path) -> Harness<'static, FolioApp> {
    let path = dir.join("lib.sqlite");
    let mut library = Library::open(&path).unwrap();
    let article = |title: &str, source: &str, region: &str, countries: &[&str], date: &str, kind: &str| {
        let mut article = article_about(title, source, region, countries, date);
        article.meta.kind = Some(kind.into());
        article
    };
    let articles = [
        article(
            "Tokyo weighs the offer of talks",
            "Asahi",
            "East Asia & Pacific",
            &["Japan"],
            "2024-03-05",
            "editorial",
        ),
        article(
            "Seoul answers Tokyo",
            "Chosun",
            "East Asia & Pacific",
            &["South Korea", "Japan"],
            "2024-03-06",
            "news",
        ),
        article(
            "Washington's view of the talks",
            "The Post",
            "North America",
            &["United States"],
            "2024-03-07",
            "news",
        ),
        article(
            "Nairobi's budget",
            "Daily Nation",
            "Sub-Saharan Africa",
            &["Kenya"],
            "2024-04-10",
            "editorial",
        ),
    ];
    for outcome in library.insert_batch(&articles).unwrap() {
        outcome.unwrap();
    }
    drop(library);
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "4 articles"));
    harness
}

/// Shows a picture of the list and waits for its counts.
fn show_picture(harness: &mut Harness<'static, FolioApp>, label: &str) {
    // The first of the labels: the sidebar's place, or the toggle's.
    harness.get_all_by_label(label).next().unwrap().click();
    wait_for(harness, "the picture's counts", |h| h.state().atlas.current);
}

/// Where the map draws a country on the screen.
fn country_on_map(harness: &Harness<'static, FolioApp>, country: &str) -> egui::Pos2 {
    let map = harness.get_by_label("World map of articles by country").rect();
    folio::gui::atlas_country_point(map, country).unwrap()
}

/// Rests the pointer there until the tooltip shows (after half a second).
fn hover(harness: &mut Harness<'static, FolioApp>, at: egui::Pos2) {
    harness.hover_at(at);
    for _ in 0..4 {
        harness.step();
    }
}

fn click(harness: &mut Harness<'static, FolioApp>, at: egui::Pos2) {
    hover(harness, at);
    harness.drag_at(at);
    harness.step();
    harness.drop_at(at);
    harness.step();
}

#[test]
fn a_click_on_a_country_of_the_map_chooses_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = atlas_app(dir.path());
    // The sidebar's place for the map.
    show_picture(&mut harness, "Atlas");
    let kenya = country_on_map(&harness, "Kenya");
    hover(&mut harness, kenya);
    assert!(shows(&harness, "Kenya — 1 article"));
    click(&mut harness, kenya);
    wait_for(&mut harness, "the chosen country", |h| {
        shows(h, "Region: Kenya  ×")
    });
    assert_eq!(list_titles(&harness), ["Nairobi's budget"]);
    // The map still shows, now of Kenya's article alone: Japan has none.
    wait_for(&mut harness, "the map's new counts", |h| h.state().atlas.current);
    let japan = country_on_map(&harness, "Japan");
    hover(&mut harness, japan);
    assert!(shows(&harness, "Japan — 0 articles"));
}

#[test]
fn the_map_counts_follow_a_facet() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = atlas_app(dir.path());
    // The toggle over the list.
    show_picture(&mut harness, "Map");
    let japan = country_on_map(&harness, "Japan");
    hover(&mut harness, japan);
    assert!(shows(&harness, "Japan — 2 articles"));
    harness.get_by_label("Editorial  (2)").click();
    wait_for(&mut harness, "the editorials' counts", |h| {
        h.state().list.choice.values(folio::model::Facet::Kind) == ["editorial"] && h.state().atlas.current
    });
    // The chip over the map moved it down: Japan is found again.
    let japan = country_on_map(&harness, "Japan");
    hover(&mut harness, japan);
    assert!(shows(&harness, "Japan — 1 article"));
    assert!(!shows(&harness, "Japan — 2 articles"));
}

#[test]
fn the_trends_chart_switches_its_bands_and_a_click_on_a_band_chooses_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = atlas_app(dir.path());
    show_picture(&mut harness, "Trends");
    // By region: East Asia & Pacific is the largest band.
    assert!(shows(&harness, "East Asia & Pacific (2)"));
    harness.get_by_label("Source").click();
    wait_for(&mut harness, "the bands by source", |h| shows(h, "Asahi (1)"));
    assert!(shows(&harness, "Daily Nation (1)"));
    harness.get_by_label("Region").click();
    wait_for(&mut harness, "the bands by region", |h| {
        shows(h, "East Asia & Pacific (2)")
    });
    // Two months, March and April 2024: March's bar fills the left half,
    // the largest band at its foot.
    let chart = harness.get_by_label("Trends chart").rect();
    let march_foot = egui::pos2(chart.left() + chart.width() / 4.0, chart.bottom() - 3.0);
    hover(&mut harness, march_foot);
    assert!(shows(&harness, "East Asia & Pacific — March 2024: 2 articles"));
    click(&mut harness, march_foot);
    wait_for(&mut harness, "the chosen region", |h| {
        shows(h, "Region: East Asia & Pacific  ×")
    });
    assert_eq!(harness.state().list.total, 2);
}
