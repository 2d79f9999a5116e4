//! The list: keys, sorting, selecting several, rows fetched as it scrolls, the
//! timeline over it, exporting what is selected.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::gui::FolioApp;
use folio::library::Filter;
use folio::library::Library;

#[test]
fn arrow_keys_move_through_the_list_and_headers_sort_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    // Newest first by default.
    assert_eq!(titles[0], "Why Water Will Decide the Sahel’s Future");

    click_row(&harness, &titles[1]);
    wait_for(&mut harness, "the reader", |h| h.state().reader.article.is_some());
    harness.key_press(egui::Key::ArrowDown);
    let third = titles[2].clone();
    wait_for(&mut harness, "the next article", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .and_then(|a| a.meta.title.clone())
            == Some(third.clone())
    });

    // Close the reader so every column is there, then sort by title.
    harness.get_by_label("Close").click();
    wait_for(&mut harness, "the full list", |h| {
        h.state().reader.article.is_none() && shows(h, "Region")
    });
    harness.get_by_label("Title").click();
    wait_for(&mut harness, "titles A to Z", |h| {
        list_titles(h)[0] == "Desalination deal signed after two years of talks"
    });
    harness.get_by_label_contains("Title ↑").click();
    wait_for(&mut harness, "titles Z to A", |h| {
        list_titles(h)[0] == "南北対話の機会を生かせ"
    });
}

#[test]
fn ctrl_and_shift_click_select_several_and_trash_them_together_then_delete_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    // The reader opens on the first row when its text arrives, narrowing the
    // list: the next clicks wait for that (see `select_first_five`).
    open_article(&mut harness, &titles[0]);
    // Shift-click extends to the third row; Ctrl-click adds the fifth.
    for node in harness.get_all_by_label(&titles[2]) {
        node.click_modifiers(egui::Modifiers::SHIFT);
    }
    harness.step();
    for node in harness.get_all_by_label(&titles[4]) {
        node.click_modifiers(egui::Modifiers::COMMAND);
    }
    wait_for(&mut harness, "four selected", |h| shows(h, "4 articles selected"));
    harness.get_all_by_label("Move to Trash").next().unwrap().click();
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (4)"));
    assert!(shows(&harness, "5 articles"));

    harness.get_by_label_contains("Trash  (4)").click();
    wait_for(&mut harness, "the trash list", |h| shows(h, "4 articles"));
    click_row(&harness, &titles[0]);
    wait_for(&mut harness, "the selection", |h| {
        h.state().list.selection.len() == 1
    });
    harness.get_by_label("Delete for good…").click();
    wait_for(&mut harness, "the confirmation", |h| {
        shows(h, "Delete this article for good?")
    });
    harness.get_by_label("Cancel").click();
    wait_for(&mut harness, "the confirmation to close", |h| {
        !shows(h, "Delete this article for good?")
    });
    assert!(shows(&harness, "Trash  (4)"));

    harness.get_by_label("Delete for good…").click();
    wait_for(&mut harness, "the confirmation", |h| {
        shows(h, "Delete this article for good?")
    });
    harness.get_by_label("Delete for good").click();
    wait_for(&mut harness, "the purge", |h| shows(h, "Trash  (3)"));
    drop(harness);
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    assert_eq!(
        library
            .count(&Filter {
                trash: true,
                ..Filter::default()
            })
            .unwrap(),
        3
    );
    assert_eq!(library.count(&Filter::default()).unwrap(), 5);
}

#[test]
fn a_long_list_fetches_rows_as_it_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = long_list(dir.path());
    // Only the first page of rows came with the list.
    assert!(harness.state().list.rows.row(0).is_some());
    assert!(harness.state().list.rows.row(550).is_none());
    // Page Down walks far past it; the rows there arrive as they come into view.
    for _ in 0..35 {
        harness.key_press(egui::Key::PageDown);
        harness.step();
    }
    wait_for(&mut harness, "rows near the cursor", |h| {
        let state = h.state();
        state
            .list
            .selection
            .cursor()
            .and_then(|id| state.list.rows.position(id))
            .is_some_and(|i| i >= 560 && state.list.rows.row(i).is_some())
    });
}

#[test]
fn dragging_over_the_timeline_narrows_the_dates() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    // The strip sits over the list's headings; it spans 2018-01 to 2020-09.
    let heading = harness.get_by_label("Date ↓").rect();
    let y = heading.top() - 50.0;
    let (left, right) = (heading.left() + 2.0, 1270.0);
    let drag = |harness: &mut Harness<'static, FolioApp>, from: f32, to: f32| {
        harness.hover_at(egui::pos2(from, y));
        harness.step();
        harness.drag_at(egui::pos2(from, y));
        harness.step();
        for i in 1..=10 {
            harness.hover_at(egui::pos2(from + (to - from) * i as f32 / 10.0, y));
            harness.step();
        }
        harness.drop_at(egui::pos2(to, y));
        harness.step();
    };
    // The first half of the strip: the months of 2018 and early 2019.
    drag(&mut harness, left, left + (right - left) * 0.45);
    wait_for(&mut harness, "the narrowed dates", |h| shows(h, "8 articles"));
    let chip = harness.state().list.choice.stretch().expect("a range of months");
    assert!(chip.0.starts_with("2018"), "{chip:?}");
    assert!(shows(&harness, &format!("Date: {} – {}  ×", chip.0, chip.1)));
    harness
        .get_by_label(&format!("Date: {} – {}  ×", chip.0, chip.1))
        .click();
    wait_for(&mut harness, "every date again", |h| shows(h, "9 articles"));
}

#[test]
fn the_selected_articles_export_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    open_article(
        &mut harness,
        "Port strike must end before the harvest ships arrive",
    );
    for node in harness.get_all_by_label("Japan, U.S. must seize chance of Kim’s offer of talks with South")
    {
        node.click_modifiers(egui::Modifiers::COMMAND);
    }
    wait_for(&mut harness, "two selected", |h| shows(h, "2 articles selected"));
    open_export_window(&mut harness);
    assert!(shows(
        &harness,
        "The 2 selected articles, in one of these formats:"
    ));
    harness.get_by_label("Spreadsheet (CSV)…").click();
    let written = dir.path().join("articles.csv");
    wait_for(&mut harness, "the export", |h| shows(h, "2 articles written to"));
    let mut reader = csv::Reader::from_path(&written).unwrap();
    let mut titles: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_string()).collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Japan, U.S. must seize chance of Kim’s offer of talks with South",
            "Port strike must end before the harvest ships arrive"
        ]
    );
}

#[test]
fn after_delete_the_next_row_is_selected_and_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[1]);
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    let open = |h: &Harness<'static, FolioApp>| {
        h.state()
            .reader
            .article
            .as_ref()
            .map(|a| a.title_or_untitled().to_string())
    };
    wait_for(&mut harness, "the next article", |h| {
        open(h).as_deref() == Some(titles[2].as_str())
    });
    assert_eq!(harness.state().list.selection.len(), 1);
    // The last row's next is the one above it.
    let last = titles.last().unwrap().clone();
    open_article(&mut harness, &last);
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (2)"));
    let above = titles[titles.len() - 2].clone();
    wait_for(&mut harness, "the row above", |h| {
        open(h).as_deref() == Some(above.as_str())
    });
}

/// Scrolls the list far down with the mouse wheel, and waits for the rows
/// there; returns a title drawn there, well below the first page.
fn wheel_down(harness: &mut Harness<'static, FolioApp>) -> (usize, String) {
    harness.hover_at(egui::pos2(600.0, 400.0));
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -600.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    // The wheel scrolls smoothly: let it come to rest before looking.
    for _ in 0..60 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let mut found = None;
    for _ in 0..200 {
        harness.step();
        let state = harness.state();
        found = (100..600).find_map(|i| {
            let title = state.list.rows.row(i)?.title.clone()?;
            harness.query_by_label(&title).is_some().then_some((i, title))
        });
        if found.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    found.expect("rows far down the list drawn")
}

#[test]
fn a_new_result_set_starts_at_the_top_and_the_selected_row_stays_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = long_list(dir.path());
    wheel_down(&mut harness);
    // Another sort is a new result set: it is read from its top.
    harness.get_by_label("Title").click();
    wait_for(&mut harness, "the list by title, from its top", |h| {
        let first = h.state().list.rows.row(0).and_then(|r| r.title.clone());
        h.state().list.sort.key == folio::model::SortKey::Title
            && first.is_some_and(|t| h.query_by_label(&t).is_some())
    });

    // A row far down, opened: the list narrows beside the reader and the
    // row stays in view (its title twice: in the list and over the text).
    let (_, title) = wheel_down(&mut harness);
    click_row(&harness, &title);
    wait_for(&mut harness, "the reader, and the row beside it", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .is_some_and(|a| a.title_or_untitled() == title)
            && h.get_all_by_label(&title).count() >= 2
    });
}

#[test]
fn ctrl_a_selects_every_row_and_edit_find_puts_the_keyboard_in_the_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    wait_for(&mut harness, "every row selected", |h| {
        shows(h, "9 articles selected")
    });

    harness.get_by_label("Edit").click();
    wait_for(&mut harness, "the Edit menu", |h| shows(h, "Find…"));
    harness.get_by_label_contains("Find…").click();
    harness.step();
    harness.step();
    harness.event(egui::Event::Text("desalination".into()));
    wait_for(&mut harness, "the search typed", |h| {
        shows(h, "1 article match “desalination”")
    });
}

#[test]
fn at_any_window_size_the_list_shows_whole_columns_and_never_cuts_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let headings = |h: &Harness<'static, FolioApp>| -> (usize, usize) {
        (
            h.query_all_by_label("Region").count(),
            h.query_all_by_label("Tags").count(),
        )
    };
    assert_eq!(headings(&harness), (1, 1));
    // A small window: the columns that do not fit are left out, not cut.
    harness.set_size(egui::vec2(800.0, 500.0));
    harness.run_steps(3);
    assert_eq!(headings(&harness), (0, 0));
    assert!(harness.query_by_label("Source").is_some());
    harness.set_size(egui::vec2(1920.0, 1080.0));
    harness.run_steps(3);
    assert_eq!(headings(&harness), (1, 1));
}

#[test]
fn several_selected_rows_are_summed_up_beside_the_list_which_holds_still() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[0]);
    let row_top = |h: &Harness<'static, FolioApp>, title: &str| {
        h.get_all_by_label(title)
            .map(|n| n.rect().top())
            .fold(f32::MAX, f32::min)
    };
    let before = row_top(&harness, &titles[2]);
    for node in harness.get_all_by_label(&titles[1]) {
        node.click_modifiers(egui::Modifiers::COMMAND);
    }
    wait_for(&mut harness, "two selected", |h| shows(h, "2 articles selected"));
    // The pane says which, and offers what can be done to both.
    assert!(shows(&harness, "Move to Trash") && shows(&harness, "Edit 2 articles…"));
    assert!(
        harness.get_all_by_label(&titles[1]).count() >= 2,
        "named in the pane as in the list"
    );
    // Nothing was inserted over the list: its rows stand where they stood.
    assert_eq!(row_top(&harness, &titles[2]), before);
    // A plain click reads one again.
    harness.get_all_by_label(&titles[2]).next().unwrap().click();
    wait_for(&mut harness, "the reader", |h| {
        reading(h, &titles[2]) && !shows(h, "2 articles selected")
    });
}

#[test]
fn f6_moves_the_keyboard_between_search_sidebar_list_and_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[0]);
    let typing = |h: &Harness<'static, FolioApp>| h.ctx.text_edit_focused();
    let press = |h: &mut Harness<'static, FolioApp>, modifiers: egui::Modifiers| {
        h.key_press_modifiers(modifiers, egui::Key::F6);
        h.run_steps(2);
    };
    // From the list, F6: the reader's text.
    press(&mut harness, egui::Modifiers::NONE);
    let reader_text = harness.state().annotating.text_id;
    assert!(
        reader_text.is_some() && harness.ctx.memory(|m| m.focused()) == reader_text,
        "F6: the reader's text"
    );
    // Then the search field.
    press(&mut harness, egui::Modifiers::NONE);
    assert!(
        typing(&harness) && harness.ctx.memory(|m| m.focused()) != reader_text,
        "F6 again: the search"
    );
    // Then the sidebar's first entry, where Tab goes on through the facets.
    press(&mut harness, egui::Modifiers::NONE);
    assert!(
        harness
            .query_all_by_label_contains("All articles")
            .any(|n| n.is_focused()),
        "F6 a third time: the sidebar"
    );
    // Then the list, whose arrows move.
    press(&mut harness, egui::Modifiers::NONE);
    assert!(!typing(&harness), "F6 a fourth time: the list");
    harness.run_steps(2);
    harness.key_press(egui::Key::ArrowDown);
    wait_for(&mut harness, "the next article", |h| reading(h, &titles[1]));
    // Shift+F6 goes back: from the list to the sidebar, then the search.
    press(&mut harness, egui::Modifiers::SHIFT);
    assert!(
        harness
            .query_all_by_label_contains("All articles")
            .any(|n| n.is_focused())
    );
    press(&mut harness, egui::Modifiers::SHIFT);
    harness.event(egui::Event::Text("w".into()));
    harness.run_steps(2);
    assert_eq!(harness.state().list.search, "w", "Shift+F6: back to the search");
}

#[test]
fn ctrl_e_then_enter_exports_without_a_mouse() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    wait_for(&mut harness, "the formats", |h| shows(h, "Whole library (JSON)…"));
    harness.run_steps(2);
    // The first format has the keyboard: Enter takes it.
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the export", |h| shows(h, "written to"));
    assert!(!shows(&harness, "Whole library (JSON)…"), "the window closed");
    // Esc closes it without exporting.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    wait_for(&mut harness, "the formats again", |h| {
        shows(h, "Whole library (JSON)…")
    });
    harness.key_press(egui::Key::Escape);
    wait_for(&mut harness, "the window closed", |h| {
        !shows(h, "Whole library (JSON)…")
    });
}
