//! Annotating: highlights, their comments and colours, the note in Markdown, the
//! annotations view, highlights kept through corrections.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::gui::FolioApp;
use folio::library::Filter;
use folio::library::Library;

/// The reader's text box (a read-only text field) holding `text`.
fn reader_text<'h>(harness: &'h Harness<'static, FolioApp>, text: &'h str) -> egui_kittest::Node<'h> {
    harness
        .query_all(
            egui_kittest::kittest::by()
                .role(egui::accesskit::Role::MultilineTextInput)
                .predicate(move |node| node.value().is_some_and(|v| v.contains(text))),
        )
        .next()
        .expect("the reader's text")
}

fn stored_highlights(harness: &Harness<'static, FolioApp>) -> Vec<(String, String, Option<String>)> {
    harness
        .state()
        .reader
        .article
        .as_ref()
        .map(|a| {
            a.highlights
                .iter()
                .map(|h| (h.quote.clone(), h.color.to_string(), h.comment.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_selected_passage_is_highlighted_commented_recoloured_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    click_row(&harness, "Port strike must end before the harvest ships arrive");
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "The strike at the container terminal")
    });

    // Select the first three words with the keyboard, as a reader would with the mouse.
    reader_text(&harness, "The strike at the container terminal").focus();
    harness.step();
    // Text boxes read Ctrl itself for word and text moves (Command is the
    // shortcut modifier, Ctrl here).
    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    harness.key_press_modifiers(ctrl, egui::Key::Home);
    for _ in 0..3 {
        harness.key_press_modifiers(ctrl | egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    }
    harness.step();
    assert_eq!(harness.state().annotating.selection, Some(0..13));
    harness.get_by_label("yellow").click();
    wait_for(&mut harness, "the highlight", |h| shows(h, "Highlights (1)"));
    assert_eq!(
        stored_highlights(&harness),
        [("The strike at".into(), "yellow".into(), None)]
    );

    // The comment field has the keyboard: write why, then leave it.
    harness.step();
    harness.get_by_label("Comment").type_text("Third week already.");
    harness.key_press(egui::Key::Tab);
    wait_for(&mut harness, "the comment", |h| {
        stored_highlights(h).first().and_then(|s| s.2.clone()).as_deref() == Some("Third week already.")
    });

    harness.get_by_label("Colour: yellow").click();
    wait_for(&mut harness, "the colour menu", |h| shows(h, "Make it green"));
    harness.get_by_label("Make it green").click();
    wait_for(&mut harness, "the new colour", |h| {
        stored_highlights(h).first().is_some_and(|s| s.1 == "green")
    });

    harness.get_by_label("Remove").click();
    wait_for(&mut harness, "the removal", |h| !shows(h, "Highlights (1)"));
    assert!(stored_highlights(&harness).is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for(&mut harness, "the undo", |h| shows(h, "Highlights (1)"));
    assert_eq!(
        stored_highlights(&harness),
        [(
            "The strike at".into(),
            "green".into(),
            Some("Third week already.".into())
        )]
    );
}

#[test]
fn clicking_a_highlight_in_the_panel_scrolls_the_text_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    click_row(
        &harness,
        "Japan, U.S. must seize chance of Kim’s offer of talks with South",
    );
    wait_for(&mut harness, "the panel", |h| shows(h, "Highlights (1)"));
    let text_top =
        |h: &Harness<'static, FolioApp>| reader_text(h, "opens a window of opportunity").rect().top();
    let before = text_top(&harness);
    harness.get_by_label("opens a window of opportunity").click();
    for _ in 0..10 {
        harness.step();
    }
    let after = text_top(&harness);
    assert!(
        after < before - 100.0,
        "the text scrolled up to the passage: {before} → {after}"
    );
    assert!(shows(&harness, "The editorial's point."));
}

#[test]
fn a_note_written_in_markdown_is_shown_formatted() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = annotated_app(dir.path());
    click_row(&harness, "Port strike must end before the harvest ships arrive");
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "The strike at the container terminal")
    });
    harness.get_by_label("Note").click();
    harness.step();
    harness
        .get_by_label("Note")
        .type_text("Ask the **union** for figures");
    harness.get_by_label("Done").click();
    wait_for(&mut harness, "the rendered note", |h| shows(h, "Edit note"));
    assert!(shows(&harness, "union"));
    assert!(
        !shows(&harness, "**union**"),
        "the Markdown is rendered, not shown raw"
    );
    drop(harness);
    let library = Library::open(&path).unwrap();
    let id = library.search("container terminal", &Filter::default()).unwrap()[0]
        .summary
        .id;
    assert_eq!(
        library.get_article(id).unwrap().note.as_deref(),
        Some("Ask the **union** for figures")
    );
}

#[test]
fn the_annotations_view_lists_filters_and_leads_back_to_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    harness.get_by_label("Annotations").click();
    wait_for(&mut harness, "the annotations", |h| {
        shows(h, "The editorial's point.")
    });
    assert!(shows(&harness, "opens a window of opportunity"));
    harness.get_by_label("Find").click();
    harness.step();
    harness.get_by_label("Find").type_text("harvest");
    wait_for(&mut harness, "nothing found", |h| {
        shows(h, "No highlights or notes here")
    });
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Find").type_text("window");
    wait_for(&mut harness, "the highlight again", |h| {
        shows(h, "The editorial's point.")
    });
    harness
        .get_by_label("Japan, U.S. must seize chance of Kim’s offer of talks with South")
        .click();
    wait_for(&mut harness, "the article", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .is_some_and(|a| a.title_or_untitled().starts_with("Japan, U.S."))
    });

    harness.get_by_label("File").click();
    wait_for(&mut harness, "the File menu", |h| shows(h, "Export annotations"));
    harness.get_by_label("Export annotations").click();
    wait_for(&mut harness, "the export menu", |h| shows(h, "Markdown…"));
    harness.get_by_label("Markdown…").click();
    let written = dir.path().join("annotations.md");
    wait_for(&mut harness, "the export", |_| written.exists());
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(
        text.contains("> opens a window of opportunity\n\nThe editorial's point."),
        "{text}"
    );
}

#[test]
fn correcting_the_text_keeps_the_highlights_on_their_passages() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    click_row(
        &harness,
        "Japan, U.S. must seize chance of Kim’s offer of talks with South",
    );
    wait_for(&mut harness, "the panel", |h| shows(h, "Highlights (1)"));
    let start = harness.state().reader.article.as_ref().unwrap().highlights[0].start;

    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the form", |h| shows(h, "Save details"));
    harness.get_by_label("Correct the text…").click();
    wait_for(&mut harness, "the text's editor", |h| {
        h.query_by_label("Text").is_some()
    });
    harness.get_by_label("Text").focus();
    harness.step();
    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    harness.key_press_modifiers(ctrl, egui::Key::Home);
    harness.get_by_label("Text").type_text("Corrected on Friday. ");
    harness.get_by_label("Save details").click();
    wait_for(&mut harness, "the corrected text", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .is_some_and(|a| a.meta.body.starts_with("Corrected on Friday. "))
    });
    let article = harness.state().reader.article.clone().unwrap();
    let h = &article.highlights[0];
    assert!(!h.detached);
    assert_eq!(h.quote, "opens a window of opportunity");
    assert_eq!(h.start, start + "Corrected on Friday. ".len());
}

#[test]
fn an_article_filed_under_a_topic_is_browsed_by_it_and_its_annotations_filtered_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    click_row(
        &harness,
        "Japan, U.S. must seize chance of Kim’s offer of talks with South",
    );
    wait_for(&mut harness, "the reader", |h| shows(h, "File under…"));
    harness.get_by_label("File under…").click();
    wait_for(&mut harness, "the topic menu", |h| shows(h, "politics"));
    // The menu's "politics" (a suggestion of the same name is plain text).
    harness
        .query_all(
            egui_kittest::kittest::by()
                .label("politics")
                .role(egui::accesskit::Role::Button),
        )
        .next()
        .unwrap()
        .click();
    wait_for(&mut harness, "the politics menu", |h| shows(h, "diplomacy"));
    harness.get_by_label("diplomacy").click();
    wait_for(&mut harness, "the topic chip", |h| {
        shows(h, "politics › diplomacy  ×")
    });

    // The sidebar now has the topic, with its parent, each counting one.
    wait_for(&mut harness, "the sidebar", |h| shows(h, "diplomacy  (1)"));
    harness.get_by_label("politics  (1)").click();
    wait_for(&mut harness, "the topic's list", |h| shows(h, "1 article"));
    assert_eq!(
        list_titles(&harness),
        ["Japan, U.S. must seize chance of Kim’s offer of talks with South"]
    );

    // In the annotations view the topic filters highlights too.
    harness.get_by_label("Annotations").click();
    wait_for(&mut harness, "the annotations", |h| {
        shows(h, "The editorial's point.")
    });
    harness.get_by_label("Topic").click();
    wait_for(&mut harness, "the topic choices", |h| shows(h, "  diplomacy"));
    harness.get_by_label("  diplomacy").click();
    wait_for(&mut harness, "the filtered annotations", |h| {
        shows(h, "The editorial's point.")
    });

    // Ctrl+Z takes the filing back.
    harness.get_by_label("Back to the articles").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for(&mut harness, "the undo", |h| !shows(h, "politics › diplomacy  ×"));
}

/// Selects from the start of the reader's text with the keyboard: `moves`
/// Shift+→ presses, by word with `by` holding Ctrl, else by character.
fn select_from_start(
    harness: &mut Harness<'static, FolioApp>,
    text: &str,
    by: egui::Modifiers,
    moves: usize,
) {
    reader_text(harness, text).focus();
    harness.step();
    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    harness.key_press_modifiers(ctrl, egui::Key::Home);
    for _ in 0..moves {
        harness.key_press_modifiers(by | egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    }
    harness.step();
}

/// Highlights the first words of the open article's text and waits for it.
fn highlight_first_words(harness: &mut Harness<'static, FolioApp>, text: &str, words: usize) {
    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    select_from_start(harness, text, ctrl, words);
    let before = stored_highlights(harness).len();
    harness.get_by_label("yellow").click();
    wait_for(harness, "the highlight", |h| stored_highlights(h).len() > before);
    harness.step();
}

#[test]
fn a_comment_is_kept_when_left_with_esc_or_by_opening_another_article() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    let port = "Port strike must end before the harvest ships arrive";
    click_row(&harness, port);
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "The strike at the container terminal")
    });
    highlight_first_words(&mut harness, "The strike at the container terminal", 3);

    // Esc leaves the field: what was typed is kept, as a click elsewhere keeps it.
    harness.get_by_label("Comment").type_text("Third week already.");
    harness.key_press(egui::Key::Escape);
    wait_for(&mut harness, "the comment left with Esc", |h| {
        stored_highlights(h).first().and_then(|s| s.2.clone()).as_deref() == Some("Third week already.")
    });

    // Typing, then opening another article straight away.
    harness.get_by_label("Comment").click();
    harness.step();
    // The click put the cursor where it landed: to the end, to go on writing.
    harness.key_press(egui::Key::End);
    harness.get_by_label("Comment").type_text(" And the ships wait.");
    harness.step();
    click_row(&harness, "Why Water Will Decide the Sahel’s Future");
    wait_for(&mut harness, "the other article", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .is_some_and(|a| a.title_or_untitled().starts_with("Why Water"))
    });
    // Back to it: the comment comes from the library, as saved.
    click_row(&harness, port);
    wait_for(&mut harness, "the comment saved on leaving", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .is_some_and(|a| a.title_or_untitled() == port)
            && stored_highlights(h).first().and_then(|s| s.2.clone()).as_deref()
                == Some("Third week already. And the ships wait.")
    });
}

#[test]
fn the_status_bar_counts_what_the_annotations_view_shows() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    assert!(shows(&harness, "10 articles"));
    harness.get_by_label("Annotations").click();
    wait_for(&mut harness, "the annotations", |h| {
        shows(h, "The editorial's point.")
    });
    assert!(
        shows(&harness, "1 annotation"),
        "the count under the view is of annotations"
    );
    assert!(!shows(&harness, "10 articles"));
}

#[test]
fn a_highlight_takes_the_whole_words_a_selection_touches() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    click_row(&harness, "Port strike must end before the harvest ships arrive");
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "The strike at the container terminal")
    });
    // "The st": six characters, ending inside a word.
    select_from_start(
        &mut harness,
        "The strike at the container terminal",
        egui::Modifiers::NONE,
        6,
    );
    assert_eq!(harness.state().annotating.selection, Some(0..6));
    harness.get_by_label("yellow").click();
    wait_for(&mut harness, "the highlight", |h| {
        !stored_highlights(h).is_empty()
    });
    assert_eq!(stored_highlights(&harness)[0].0, "The strike");
}

#[test]
fn the_first_highlight_squeezes_nothing_at_any_window_size() {
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(900.0, 600.0)] {
        let dir = tempfile::tempdir().unwrap();
        let (mut harness, _) = annotated_app(dir.path());
        harness.set_size(size);
        let title = "Port strike must end before the harvest ships arrive";
        open_article(&mut harness, title);
        // The list's row (the leftmost of the places the title shows: where
        // it starts; its text's width follows the row's hover and selection)
        // and the list's columns.
        let row = |h: &Harness<'static, FolioApp>| {
            let start = h
                .get_all_by_label(title)
                .map(|n| n.rect().left_top())
                .min_by(|a, b| a.x.total_cmp(&b.x))
                .unwrap();
            let columns: Vec<egui::Rect> = ["Title", "Date ↓"]
                .iter()
                .flat_map(|heading| h.get_all_by_label(heading).map(|n| n.rect()))
                .collect();
            (start, columns)
        };
        let reader = |h: &Harness<'static, FolioApp>| {
            h.get_all_by_label(title)
                .map(|n| n.rect())
                .max_by(|a, b| a.left().total_cmp(&b.left()))
                .unwrap()
        };
        let reader_before = reader(&harness);
        let before = row(&harness);
        highlight_first_words(&mut harness, "The strike at the container terminal", 3);
        wait_for(&mut harness, "the highlight", |h| shows(h, "Highlights (1)"));
        harness.run_steps(3);
        assert_eq!(
            row(&harness),
            before,
            "the list's rows stand where they stood at {size:?}"
        );
        assert_eq!(reader(&harness), reader_before, "and the reader too at {size:?}");
    }
}
