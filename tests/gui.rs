//! The real app driven through egui_kittest over a temporary library:
//! find by label, click, type, look at the result.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::gui::{FolioApp, NoChooser, PathPicker};
use folio::library::Library;
use folio::library::{Condition, Filter};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Stands in for the system file chooser: answers with fixed paths.
struct FixedPicker(Vec<PathBuf>);

impl PathPicker for FixedPicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        Some(self.0.clone())
    }
    fn pick_folder(&self) -> Option<PathBuf> {
        self.0.first().cloned()
    }
    /// Saves beside the first file it was given.
    fn save_file(&self, file_name: &str) -> Option<PathBuf> {
        self.0.first().map(|p| p.with_file_name(file_name))
    }
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/clippings")
        .join(name)
}

fn app_over(library_path: &Path, picks: Vec<PathBuf>) -> Harness<'static, FolioApp> {
    let library = Library::open(library_path).unwrap();
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // Japanese fixtures are drawn with the system's CJK fonts in the real
        // window; a test machine may have none.
        .allow_missing_glyphs()
        .build_eframe(move |cc| FolioApp::new(&cc.egui_ctx, library, Arc::new(FixedPicker(picks))))
}

/// Steps frames until `ready` holds: the library answers on its own thread.
fn wait_for(
    harness: &mut Harness<'static, FolioApp>,
    what: &str,
    ready: impl Fn(&Harness<'static, FolioApp>) -> bool,
) {
    for _ in 0..600 {
        harness.step();
        if !harness.state().is_loading() && ready(harness) {
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    panic!("timed out waiting for {what}");
}

/// Whether some widget's label, or the text in a text box (the reader's
/// text is one, so passages can be selected), holds `text`.
fn shows(harness: &Harness<'static, FolioApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
        || harness
            .query_all(
                egui_kittest::kittest::by().predicate(|node| node.value().is_some_and(|v| v.contains(text))),
            )
            .next()
            .is_some()
}

/// Clicks a row of the list by its title. The open article's heading in the
/// reader may carry the same text; clicking that too changes nothing.
fn click_row(harness: &Harness<'static, FolioApp>, title: &str) {
    for node in harness.get_all_by_label(title) {
        node.click();
    }
}

#[test]
fn welcome_then_import_through_the_dialog_then_read_and_see_tags_in_the_sidebar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(
        &path,
        vec![
            fixture("harbour_editorial_en.txt"),
            fixture("diario_opinion_es.txt"),
        ],
    );
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    assert!(shows(&harness, "drop files here"));

    // The toolbar and the welcome view both offer it.
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "the imported articles", |h| shows(h, "2 articles"));
    assert!(shows(
        &harness,
        "Port strike must end before the harvest ships arrive"
    ));
    assert!(shows(&harness, "El litio no puede repetir la historia del cobre"));
    assert!(shows(&harness, "2 imported, 0 duplicates, 0 failed"));

    click_row(&harness, "El litio no puede repetir la historia del cobre");
    wait_for(&mut harness, "the reader", |h| {
        shows(h, "Chile y Argentina tienen en sus salares")
    });
    assert!(shows(&harness, "El Diario del Sur"));

    // Tags and the note are edited through the library here; the reader
    // shows what the library holds once the article is opened again.
    drop(harness);
    let mut library = Library::open(&path).unwrap();
    let rows = library.list(&Filter::default()).unwrap();
    let id = rows
        .iter()
        .find(|r| r.title.as_deref() == Some("El litio no puede repetir la historia del cobre"))
        .unwrap()
        .id;
    library.change_tags(id, &["mining".to_string()], &[]).unwrap();
    drop(library);
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "2 articles"));
    assert!(shows(&harness, "mining  (1)"), "the sidebar counts the tag");
}

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
fn dropped_files_import_and_the_sidebar_filters_and_trash_restores() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));

    for name in [
        "wrapped_news_en.txt",
        "toyo_shasetsu_ja.txt",
        "standard_oped_en.txt",
    ] {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(fixture(name))));
    }
    wait_for(&mut harness, "the dropped articles", |h| shows(h, "3 articles"));

    harness
        .get_by_label_contains("Middle East & North Africa  (1)")
        .click();
    wait_for(&mut harness, "the region filter", |h| {
        shows(h, "1 article") && !shows(h, "3 articles")
    });
    assert!(shows(
        &harness,
        "Desalination deal signed after two years of talks"
    ));
    assert!(!shows(&harness, "Why Water Will Decide the Sahel’s Future"));

    // The region's chip over the list takes the filter back.
    harness
        .get_by_label("Region: Middle East & North Africa  ×")
        .click();
    wait_for(&mut harness, "the whole list again", |h| shows(h, "3 articles"));
    harness.get_by_label_contains("2020  (1)").click();
    wait_for(&mut harness, "the year filter", |h| {
        shows(h, "Why Water Will Decide the Sahel’s Future")
    });
    assert!(shows(&harness, "1 article"));

    harness.get_by_label_contains("All articles").click();
    wait_for(&mut harness, "all articles", |h| shows(h, "3 articles"));
    click_row(&harness, "Desalination deal signed after two years of talks");
    wait_for(&mut harness, "the reader", |h| shows(h, "Move to Trash"));
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    assert!(!shows(&harness, "Desalination deal signed"));

    harness.get_by_label_contains("Trash  (1)").click();
    wait_for(&mut harness, "the trash list", |h| {
        shows(h, "Desalination deal signed")
    });
    click_row(&harness, "Desalination deal signed after two years of talks");
    wait_for(&mut harness, "the trashed article", |h| shows(h, "In the trash."));
    harness.get_all_by_label("Restore").next().unwrap().click();
    wait_for(&mut harness, "the restore", |h| shows(h, "Trash  (0)"));
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

/// A library with every fixture clipping in it, opened in the app.
fn stocked_app(dir: &Path) -> Harness<'static, FolioApp> {
    let path = dir.join("lib.sqlite");
    drop(library_of_fixtures(&path));
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "9 articles"));
    harness
}

/// Titles in the order the list shows them.
fn list_titles(harness: &Harness<'static, FolioApp>) -> Vec<String> {
    harness.state().list.titles()
}

#[test]
fn arrow_keys_move_through_the_list_and_headers_sort_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    // Newest first by default.
    assert_eq!(titles[0], "Why Water Will Decide the Sahel’s Future");

    click_row(&harness, &titles[1]);
    wait_for(&mut harness, "the reader", |h| h.state().article.is_some());
    harness.key_press(egui::Key::ArrowDown);
    let third = titles[2].clone();
    wait_for(&mut harness, "the next article", |h| {
        h.state().article.as_ref().and_then(|a| a.meta.title.clone()) == Some(third.clone())
    });

    // Close the reader so every column is there, then sort by title.
    harness.get_by_label("Close").click();
    wait_for(&mut harness, "the full list", |h| {
        h.state().article.is_none() && shows(h, "Region")
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
    click_row(&harness, &titles[0]);
    harness.step();
    // Shift-click extends to the third row; Ctrl-click adds the fifth.
    for node in harness.get_all_by_label(&titles[2]) {
        node.click_modifiers(egui::Modifiers::SHIFT);
    }
    harness.step();
    for node in harness.get_all_by_label(&titles[4]) {
        node.click_modifiers(egui::Modifiers::COMMAND);
    }
    wait_for(&mut harness, "four selected", |h| shows(h, "4 selected"));
    harness.get_all_by_label("Move to Trash").next().unwrap().click();
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (4)"));
    assert!(shows(&harness, "5 articles"));

    harness.get_by_label_contains("Trash  (4)").click();
    wait_for(&mut harness, "the trash list", |h| shows(h, "4 articles"));
    click_row(&harness, &titles[0]);
    wait_for(&mut harness, "the selection", |h| h.state().selection.len() == 1);
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
fn without_a_file_chooser_a_path_field_imports_instead() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| FolioApp::new(&cc.egui_ctx, library, Arc::new(NoChooser)));
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import folder…").next().unwrap().click();
    wait_for(&mut harness, "the path field", |h| {
        shows(h, "No file was chosen.")
    });
    assert!(shows(&harness, "xdg-desktop-portal-gtk"));
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    harness.get_by_label("Path").click();
    harness.step();
    harness.get_by_label("Path").type_text(folder.to_str().unwrap());
    harness.step();
    harness.get_by_label("Import").click();
    wait_for(&mut harness, "the folder's articles", |h| {
        shows(h, "16 imported, 0 duplicates, 0 failed")
    });
    assert!(!shows(&harness, "No file was chosen."));
}

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

fn press_undo(harness: &mut Harness<'static, FolioApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
}

fn open_article(harness: &mut Harness<'static, FolioApp>, title: &str) {
    click_row(harness, title);
    let wanted = title.to_string();
    wait_for(harness, "the reader", |h| {
        h.state().article.as_ref().and_then(|a| a.meta.title.clone()) == Some(wanted.clone())
    });
}

#[test]
fn ctrl_z_takes_back_tags_details_notes_and_trash() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let title = "Port strike must end before the harvest ships arrive";
    open_article(&mut harness, title);

    // A tag, then Ctrl+Z.
    harness.get_by_label("Add tag").click();
    harness.step();
    harness.get_by_label("Add tag").type_text("labour");
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the tag", |h| shows(h, "labour  ×"));
    // Leave the text field so Ctrl+Z means the last change, not typing.
    harness.get_by_label_contains("Edit details").focus();
    harness.step();
    press_undo(&mut harness);
    wait_for(&mut harness, "the tag to go", |h| !shows(h, "labour  ×"));

    // A details change, then Ctrl+Z.
    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the details form", |h| shows(h, "Save details"));
    harness.get_by_label("Authors").click();
    harness.step();
    harness.get_by_label("Authors").type_text("Ada Byline");
    harness.step();
    harness.get_by_label("Save details").click();
    wait_for(&mut harness, "the new author", |h| shows(h, "by Ada Byline"));
    harness.step();
    press_undo(&mut harness);
    wait_for(&mut harness, "the old details", |h| !shows(h, "Ada Byline"));

    // A note, then Ctrl+Z once typing is over.
    harness.get_by_label("Note").click();
    harness.step();
    harness
        .get_by_label("Note")
        .type_text("Check the union's figures.");
    for _ in 0..60 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.get_by_label_contains("Edit details").focus();
    harness.step();
    press_undo(&mut harness);
    wait_for(&mut harness, "the note to empty", |h| {
        h.state().note_draft.is_empty()
    });

    // Move to Trash, then Ctrl+Z.
    harness.get_all_by_label("Move to Trash").next().unwrap().click();
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    press_undo(&mut harness);
    wait_for(&mut harness, "the article back", |h| shows(h, "Trash  (0)"));

    drop(harness);
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let id = library
        .list(&Filter::matching(Condition::Source(vec![
            "The Harbour Herald".into(),
        ])))
        .unwrap()[0]
        .id;
    let article = library.get_article(id).unwrap();
    assert!(article.tags.is_empty(), "{:?}", article.tags);
    assert!(article.meta.authors.is_empty(), "{:?}", article.meta.authors);
    assert_eq!(article.note, None);
    assert_eq!(article.deleted_at, None);
}

#[test]
fn emptying_the_trash_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[0]);
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    harness.get_by_label_contains("Trash  (1)").click();
    wait_for(&mut harness, "the trash list", |h| shows(h, "Empty Trash…"));
    harness.get_by_label("Empty Trash…").click();
    wait_for(&mut harness, "the question", |h| {
        shows(h, "Empty the trash (1 article)?")
    });
    harness.get_by_label("Cancel").click();
    wait_for(&mut harness, "the question to go", |h| {
        !shows(h, "Empty the trash (1 article)?")
    });
    assert!(shows(&harness, "Trash  (1)"));
    harness.get_by_label("Empty Trash…").click();
    wait_for(&mut harness, "the question", |h| {
        shows(h, "Empty the trash (1 article)?")
    });
    harness.get_by_label("Empty Trash").click();
    wait_for(&mut harness, "an empty trash", |h| shows(h, "Trash  (0)"));
}

#[test]
fn back_up_then_restore_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    harness.get_by_label("File").click();
    wait_for(&mut harness, "the File menu", |h| shows(h, "Back up now"));
    harness.get_by_label_contains("Back up now").click();
    wait_for(&mut harness, "the backup", |h| shows(h, "Backed up and verified"));

    // A mistake after the backup: the trash emptied of one article.
    let titles = list_titles(&harness);
    open_article(&mut harness, &titles[0]);
    harness.key_press(egui::Key::Delete);
    wait_for(&mut harness, "the trash", |h| shows(h, "Trash  (1)"));
    harness.get_by_label_contains("Trash  (1)").click();
    wait_for(&mut harness, "the trash list", |h| shows(h, "Empty Trash…"));
    harness.get_by_label("Empty Trash…").click();
    wait_for(&mut harness, "the question", |h| shows(h, "Empty the trash"));
    harness.get_by_label("Empty Trash").click();
    wait_for(&mut harness, "an empty trash", |h| {
        shows(h, "Trash  (0)") && h.state().facets.all == 8
    });

    harness.get_by_label("File").click();
    wait_for(&mut harness, "the File menu", |h| {
        shows(h, "Restore from backup…")
    });
    harness.get_by_label_contains("Restore from backup…").click();
    wait_for(&mut harness, "the list of backups", |h| shows(h, "Restore…"));
    harness.get_all_by_label("Restore…").next().unwrap().click();
    wait_for(&mut harness, "the question", |h| {
        shows(h, "Restore the library to how it was on")
    });
    harness.get_by_label("Restore this backup").click();
    wait_for(&mut harness, "the restored library", |h| {
        shows(h, "Restored from") && h.state().facets.all == 9
    });
}

fn root_over(path: &Path) -> Harness<'static, folio::gui::Root> {
    let path = path.to_path_buf();
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| folio::gui::Root::open(&cc.egui_ctx, path, Arc::new(FixedPicker(Vec::new()))))
}

fn wait_root(
    harness: &mut Harness<'static, folio::gui::Root>,
    what: &str,
    ready: impl Fn(&Harness<'static, folio::gui::Root>) -> bool,
) {
    for _ in 0..600 {
        harness.step();
        if ready(harness) {
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn a_damaged_library_at_start_offers_the_latest_backup_and_keeps_the_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let mut library = Library::open(&path).unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings");
        let cancel = std::sync::atomic::AtomicBool::new(false);
        folio::ingest::pipeline::import_paths(&mut library, &[fixtures], &cancel, |_, _| {}).unwrap();
        library.backup_rotating().unwrap();
    }
    let damaged = b"this is no longer a database".repeat(100);
    std::fs::write(&path, &damaged).unwrap();

    let mut harness = root_over(&path);
    wait_root(&mut harness, "the explanation", |h| {
        h.query_all_by_label_contains("Folio could not open your library")
            .next()
            .is_some()
    });
    assert!(
        harness
            .query_all_by_label_contains("is not a Folio library")
            .next()
            .is_some()
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        damaged,
        "nothing is written before the user chooses"
    );
    harness.get_by_label("Restore the latest good backup").click();
    wait_root(&mut harness, "the restored library", |h| {
        h.state().app().is_some_and(|a| a.loaded && a.total == 9)
    });
    drop(harness);
    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(&kept[0]).unwrap(), damaged);
}

#[test]
fn a_library_in_use_says_so_and_opens_once_free() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let other = Library::open(&path).unwrap();
    let mut harness = root_over(&path);
    wait_root(&mut harness, "the explanation", |h| {
        h.query_all_by_label_contains("is in use by another Folio")
            .next()
            .is_some()
    });
    drop(other);
    harness.get_by_label("Try again").click();
    wait_root(&mut harness, "the app", |h| {
        h.state().app().is_some_and(|a| a.loaded)
    });
    assert!(
        harness
            .query_all_by_label_contains("Welcome to Folio")
            .next()
            .is_some()
    );
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
        h.state().match_count >= 3
    });
    let count = harness.state().match_count;
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
fn a_long_list_fetches_rows_as_it_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.sqlite");
    {
        let mut library = Library::open(&path).unwrap();
        let plan = folio::devtools::generate::Plan {
            articles: 600,
            seed: 3,
            tags: 50,
        };
        folio::devtools::generate::generate(&mut library, &plan, |_| {}).unwrap();
    }
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "600 articles"));
    // Only the first page of rows came with the list.
    assert!(harness.state().list.row(0).is_some());
    assert!(harness.state().list.row(550).is_none());
    // Page Down walks far past it; the rows there arrive as they come into view.
    for _ in 0..35 {
        harness.key_press(egui::Key::PageDown);
        harness.step();
    }
    wait_for(&mut harness, "rows near the cursor", |h| {
        let state = h.state();
        state
            .selection
            .cursor()
            .and_then(|id| state.list.position(id))
            .is_some_and(|i| i >= 560 && state.list.row(i).is_some())
    });
}

/// The fixtures and the seed editorial, with one passage near the seed's end
/// already highlighted; the app opened on them.
fn annotated_app(dir: &Path) -> (Harness<'static, FolioApp>, PathBuf) {
    let path = dir.join("lib.sqlite");
    let mut library = Library::open(&path).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let seed = root.join("../shared/seeds/000_deebf3aef80def1e.txt");
    let report = folio::ingest::pipeline::import_paths(
        &mut library,
        &[root.join("tests/fixtures/clippings"), seed],
        &cancel,
        |_, _| {},
    )
    .unwrap();
    let seed_id = *report.new_ids().last().unwrap();
    library
        .add_highlight_of(
            seed_id,
            "opens a window of opportunity",
            "blue",
            Some("The editorial's point."),
        )
        .unwrap();
    drop(library);
    let picks = vec![dir.join("chosen.txt")];
    let mut harness = app_over(&path, picks);
    wait_for(&mut harness, "the list", |h| shows(h, "10 articles"));
    (harness, path)
}

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
        .article
        .as_ref()
        .map(|a| {
            a.highlights
                .iter()
                .map(|h| (h.quote.clone(), h.color.clone(), h.comment.clone()))
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
    let start = harness.state().article.as_ref().unwrap().highlights[0].start;

    harness.get_by_label("Edit details…").click();
    wait_for(&mut harness, "the form", |h| shows(h, "Save details"));
    harness.get_by_label("Text").focus();
    harness.step();
    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    harness.key_press_modifiers(ctrl, egui::Key::Home);
    harness.get_by_label("Text").type_text("Corrected on Friday. ");
    // The button is below the text, out of sight: pressed as a screen
    // reader would.
    harness.get_by_label("Save details").click_accesskit();
    wait_for(&mut harness, "the corrected text", |h| {
        h.state()
            .article
            .as_ref()
            .is_some_and(|a| a.meta.body.starts_with("Corrected on Friday. "))
    });
    let article = harness.state().article.clone().unwrap();
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
    harness.get_by_label("politics").click();
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
fn the_selected_articles_export_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = annotated_app(dir.path());
    click_row(&harness, "Port strike must end before the harvest ships arrive");
    for node in harness.get_all_by_label("Japan, U.S. must seize chance of Kim’s offer of talks with South")
    {
        node.click_modifiers(egui::Modifiers::COMMAND);
    }
    wait_for(&mut harness, "two selected", |h| shows(h, "2 selected"));
    harness.get_by_label("File").click();
    wait_for(&mut harness, "the File menu", |h| shows(h, "Export"));
    harness.get_by_label("Export").click();
    wait_for(&mut harness, "the formats", |h| shows(h, "Spreadsheet (CSV)…"));
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
fn a_library_from_an_older_folio_is_upgraded_without_holding_up_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        // As the previous release left it: schema version 3.
        let old = Library::open_at_version(&path, Some(3)).unwrap();
        let conn = old.connection();
        conn.execute(
            "INSERT INTO articles (title, body, source, region, published_date, published_precision, \
             content_hash, imported_at, updated_at) \
             VALUES ('An editorial from last year', 'Its body, about the harbour and the strike.', 'The Old Times', \
             'Sub-Saharan Africa', '2025-06-01', 'day', 'h1', '2025-06-02T00:00:00Z', '2025-06-02T00:00:00Z')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO articles_fts(rowid, title, body, source, notes) \
             VALUES (1, 'An editorial from last year', 'Its body, about the harbour and the strike.', 'The Old Times', '')",
            [],
        )
        .unwrap();
    }
    assert!(folio::library::upgrade_pending(&path));
    // Opening does not wait for the upgrade: the window comes up at once.
    let root = folio::gui::Root::open(
        &egui::Context::default(),
        path.clone(),
        Arc::new(FixedPicker(Vec::new())),
    );
    assert!(matches!(root, folio::gui::Root::Upgrading(_)));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |_| root);
    wait_root(&mut harness, "the upgraded library", |h| {
        h.query_all_by_label_contains("An editorial from last year")
            .next()
            .is_some()
    });
    assert!(!folio::library::upgrade_pending(&path));
}

/// A library at `path` with every fixture clipping imported, and their ids.
fn library_of_fixtures(path: &Path) -> (Library, Vec<i64>) {
    let mut library = Library::open(path).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let report =
        folio::ingest::pipeline::import_paths(&mut library, &[fixtures], &cancel, |_, _| {}).unwrap();
    let ids = report.new_ids();
    (library, ids)
}

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
            .renaming_tag
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

/// Ctrl+A in the focused text field: what is typed next replaces its text
/// (egui reads the command modifier, the platform's Ctrl).
fn select_all_text(harness: &Harness<'static, FolioApp>) {
    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    harness.key_press_modifiers(ctrl, egui::Key::A);
}

/// Click on the first row, Shift+click on the fifth.
fn select_first_five(harness: &mut Harness<'static, FolioApp>) {
    let titles = list_titles(harness);
    click_row(harness, &titles[0]);
    harness.step();
    for node in harness.get_all_by_label(&titles[4]) {
        node.click_modifiers(egui::Modifiers::SHIFT);
    }
    wait_for(harness, "five selected", |h| shows(h, "5 selected"));
}

#[test]
fn five_selected_articles_are_tagged_at_once_and_the_change_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = stocked_app(dir.path());
    let titles = list_titles(&harness);
    select_first_five(&mut harness);

    harness.get_by_label("Tag:").click();
    harness.step();
    harness.get_by_label("Tag:").type_text("water security");
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
fn a_suggested_topic_is_accepted_with_one_click_and_a_rejected_one_does_not_return() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = annotated_app(dir.path());
    let seed_title = "Japan, U.S. must seize chance of Kim’s offer of talks with South";
    click_row(&harness, seed_title);
    wait_for(&mut harness, "suggestions", |h| h.state().suggestions.len() >= 2);
    let proposed: Vec<String> = harness
        .state()
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
    harness.get_by_label(&format!("✔ {accepted}")).click();
    wait_for(&mut harness, "the filing", |h| {
        shows(h, &format!("{accepted}  ×"))
    });
    wait_for(&mut harness, "the suggestion gone", |h| {
        !h.state().suggestions.iter().any(|s| s.path == accepted)
    });

    // ✖ on the next one: gone, and still gone when the article is opened again.
    let rejected = harness.state().suggestions[0].path.clone();
    harness.get_all_by_label("✖").next().unwrap().click_accesskit();
    wait_for(&mut harness, "the rejection", |h| {
        h.query_by_label(&format!("✔ {rejected}")).is_none()
    });
    harness.get_by_label("Close").click();
    wait_for(&mut harness, "the reader closed", |h| h.state().article.is_none());
    click_row(&harness, seed_title);
    wait_for(&mut harness, "the reader again", |h| {
        h.state().article.is_some() && !h.state().suggestions.is_empty()
    });
    assert!(
        !harness.state().suggestions.iter().any(|s| s.path == rejected),
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
    let chip = harness
        .state()
        .settings
        .choice
        .range
        .clone()
        .expect("a range of months");
    assert!(chip.0.starts_with("2018"), "{chip:?}");
    assert!(shows(&harness, &format!("Date: {} – {}  ×", chip.0, chip.1)));
    harness
        .get_by_label(&format!("Date: {} – {}  ×", chip.0, chip.1))
        .click();
    wait_for(&mut harness, "every date again", |h| shows(h, "9 articles"));
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
        h.state().facets.tag_colors.get("energy").map(String::as_str) == Some("purple")
    });
    drop(harness);
    let library = Library::open(&path).unwrap();
    assert_eq!(library.tag_colors().unwrap()["energy"], "purple");
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
