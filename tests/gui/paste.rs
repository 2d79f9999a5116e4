//! Pasting a clipping: Ctrl+V (or the welcome's button) opens the
//! new-clipping sheet with what Folio found; Save stores it as an import
//! would, Cancel stores nothing, a second paste of the same text names the
//! article that has it.

use crate::support::*;
use egui_kittest::kittest::Queryable;
use folio::library::{Filter, Library};

/// What a browser puts on the clipboard when an editorial is selected and
/// copied: a fragment with its headline, dateline and paragraphs.
const COPIED_HTML: &str = "<meta charset='utf-8'><h1>The port must reopen before the harvest</h1>\
    <p class=\"byline\">By Maren Olsen</p><p><time datetime=\"2019-03-04\">4 March 2019</time></p>\
    <p>The dockers walked out at dawn, and by noon the port authority had answered with an offer the union \
    called an insult to every family on the quayside.</p>\
    <p>Both sides now say the other must move first, while the grain ships wait in the roads and the price \
    of bread climbs in every town along the coast.</p>";

const COPIED_TEXT: &str = "Rivers do not stop at borders\n\nThe Northern Ledger\n\n\
    The treaty signed in the spring was meant to share the water of the upper river fairly between the two \
    countries, and for a season it did.\n\n\
    This summer's drought has shown how little of it was written down, and how much was left to goodwill.\n";

fn paste(harness: &mut egui_kittest::Harness<'static, folio::gui::FolioApp>, text: &str) {
    harness.event(egui::Event::Paste(text.into()));
    wait_for(harness, "the new-clipping sheet", |h| shows(h, "New clipping"));
}

fn stored_titles(path: &std::path::Path) -> Vec<String> {
    Library::open_read_only(path, "the window has it".into())
        .unwrap()
        .list(&Filter::default())
        .unwrap()
        .into_iter()
        .filter_map(|a| a.title)
        .collect()
}

#[test]
fn pasted_html_opens_the_sheet_and_an_edited_field_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let clipboard = FixedClipboard {
        html: Some(COPIED_HTML.into()),
        text: Some("The port must reopen before the harvest".into()),
        ..FixedClipboard::default()
    };
    let (mut harness, path) = app_with_clipboard(dir.path(), clipboard);
    paste(&mut harness, "The port must reopen before the harvest");
    let form = harness.state().clipping.sheet.as_ref().unwrap().form.clone();
    assert_eq!(form.title, "The port must reopen before the harvest");
    assert_eq!(form.published, "2019-03-04");
    assert!(shows(&harness, "Text, as it will be stored"));
    assert!(
        harness
            .query_by_label_contains("grain ships wait in the roads")
            .is_some()
    );

    harness.get_by_label("Source").click();
    harness.step();
    harness.get_by_label("Source").type_text("The Harbour Herald");
    harness.step();
    harness.get_by_label("Save clipping").click();
    for _ in 0..50 {
        harness.step();
    }
    eprintln!(
        "{:?}",
        harness
            .state()
            .clipping
            .sheet
            .as_ref()
            .map(|s| (&s.problem, s.saving))
    );
    eprintln!("{:?}", harness.state().messages.error);
    wait_for(&mut harness, "the sheet to close", |h| !shows(h, "New clipping"));
    wait_for(&mut harness, "the article in the reader", |h| {
        reading(h, "The port must reopen before the harvest")
    });
    let library = Library::open_read_only(&path, "the window has it".into()).unwrap();
    let article = library.get_article(1).unwrap();
    assert_eq!(article.meta.source.as_deref(), Some("The Harbour Herald"));
    assert_eq!(article.meta.published.unwrap().to_iso(), "2019-03-04");
    // The clipboard's HTML, as it came, is kept.
    assert_eq!(library.original(1).unwrap().unwrap().1, COPIED_HTML.as_bytes());
}

#[test]
fn pasted_text_cancelled_stores_nothing_and_a_second_paste_names_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let clipboard = FixedClipboard {
        text: Some(COPIED_TEXT.into()),
        ..FixedClipboard::default()
    };
    let (mut harness, path) = app_with_clipboard(dir.path(), clipboard);
    // The welcome's button reads the clipboard too.
    harness.get_by_label("Paste a clipping").click();
    wait_for(&mut harness, "the new-clipping sheet", |h| {
        shows(h, "New clipping")
    });
    assert_eq!(
        harness.state().clipping.sheet.as_ref().unwrap().form.title,
        "Rivers do not stop at borders"
    );
    harness.get_by_label("Cancel").click();
    wait_for(&mut harness, "the sheet to close", |h| !shows(h, "New clipping"));
    harness.run_steps(5);
    assert!(stored_titles(&path).is_empty(), "Cancel stored nothing");

    paste(&mut harness, COPIED_TEXT);
    harness.get_by_label("Save clipping").click();
    wait_for(&mut harness, "the sheet to close", |h| !shows(h, "New clipping"));
    assert_eq!(stored_titles(&path), ["Rivers do not stop at borders"]);

    paste(&mut harness, COPIED_TEXT);
    harness.get_by_label("Save clipping").click();
    wait_for(&mut harness, "the duplicate named", |h| {
        shows(
            h,
            "Already in the library: “Rivers do not stop at borders” (#1) has this text. Cancel, or correct the text of that one.",
        )
    });
    assert_eq!(stored_titles(&path).len(), 1);
}

#[test]
fn esc_keeps_a_sheet_whose_fields_were_typed_in() {
    let dir = tempfile::tempdir().unwrap();
    let clipboard = FixedClipboard {
        text: Some(COPIED_TEXT.into()),
        ..FixedClipboard::default()
    };
    let (mut harness, _path) = app_with_clipboard(dir.path(), clipboard);
    paste(&mut harness, COPIED_TEXT);
    harness.get_by_label("Section").click();
    harness.step();
    harness.get_by_label("Section").type_text("Environment");
    harness.step();
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert!(
        shows(&harness, "New clipping"),
        "what was typed is not thrown away"
    );
    assert_eq!(
        harness.state().clipping.sheet.as_ref().unwrap().form.section,
        "Environment"
    );
}

#[test]
fn without_a_clipboard_the_menu_says_so_and_the_button_explains() {
    let dir = tempfile::tempdir().unwrap();
    let clipboard = FixedClipboard {
        missing: Some("no clipboard on this desktop (no display)".into()),
        ..FixedClipboard::default()
    };
    let (mut harness, _path) = app_with_clipboard(dir.path(), clipboard);
    harness.get_by_label("File").click();
    harness.run_steps(3);
    assert!(shows(&harness, "(no clipboard on this desktop (no display))"));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.get_by_label("Paste a clipping").click();
    wait_for(&mut harness, "the reason", |h| {
        shows(
            h,
            "Cannot paste a clipping: no clipboard on this desktop (no display).",
        )
    });
    assert!(harness.state().clipping.sheet.is_none());
}
