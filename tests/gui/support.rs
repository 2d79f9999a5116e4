//! What the GUI tests share: a file chooser that answers with fixed paths,
//! the app over a temporary library, stepping frames until something
//! holds, finding what the window shows.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use folio::gui::{FolioApp, PathPicker};
use folio::library::Library;
use folio::model::HighlightColor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Stands in for the system file chooser: answers with fixed paths.
pub struct FixedPicker(pub Vec<PathBuf>);

impl PathPicker for FixedPicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        Some(self.0.clone())
    }
    fn pick_folder(&self, _title: &str) -> Option<PathBuf> {
        self.0.first().cloned()
    }
    /// Saves beside the first file it was given.
    fn save_file(&self, _title: &str, file_name: &str) -> Option<PathBuf> {
        self.0.first().map(|p| p.with_file_name(file_name))
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/clippings")
        .join(name)
}

pub fn app_over(library_path: &Path, picks: Vec<PathBuf>) -> Harness<'static, FolioApp> {
    let library = Library::open(library_path).unwrap();
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // Japanese fixtures are drawn with the system's CJK fonts in the real
        // window; a test machine may have none.
        .allow_missing_glyphs()
        .build_eframe(move |cc| FolioApp::new(&cc.egui_ctx, library, Arc::new(FixedPicker(picks))))
}

/// The app over a new, empty library: the welcome view.
pub fn empty_app(dir: &Path) -> (Harness<'static, FolioApp>, PathBuf) {
    let path = dir.join("lib.sqlite");
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    (harness, path)
}

/// Steps frames until `ready` holds: the library answers on its own thread.
pub fn wait_for(
    harness: &mut Harness<'static, FolioApp>,
    what: &str,
    ready: impl Fn(&Harness<'static, FolioApp>) -> bool,
) {
    // A guard against a hang, not a measure of speed: on a machine busy
    // with other builds the library's thread can take seconds to answer.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline {
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
pub fn shows(harness: &Harness<'static, FolioApp>, text: &str) -> bool {
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
pub fn click_row(harness: &Harness<'static, FolioApp>, title: &str) {
    for node in harness.get_all_by_label(title) {
        node.click();
    }
}

/// A library with every fixture clipping in it, opened in the app.
pub fn stocked_app(dir: &Path) -> Harness<'static, FolioApp> {
    let path = dir.join("lib.sqlite");
    drop(library_of_fixtures(&path));
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "9 articles"));
    harness
}

/// A library at `path` with every fixture clipping imported, and their ids.
pub fn library_of_fixtures(path: &Path) -> (Library, Vec<i64>) {
    let mut library = Library::open(path).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let report =
        folio::ingest::pipeline::import_paths(&mut library, &[fixtures], &cancel, |_, _| {}).unwrap();
    let ids = report.new_ids();
    (library, ids)
}

/// Titles in the order the list shows them.
pub fn list_titles(harness: &Harness<'static, FolioApp>) -> Vec<String> {
    harness.state().list.rows.titles()
}

pub fn press_undo(harness: &mut Harness<'static, FolioApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
}

pub fn open_article(harness: &mut Harness<'static, FolioApp>, title: &str) {
    click_row(harness, title);
    let wanted = title.to_string();
    wait_for(harness, "the reader", |h| {
        h.state()
            .reader
            .article
            .as_ref()
            .and_then(|a| a.meta.title.clone())
            == Some(wanted.clone())
    });
}

/// The fixtures and the seed editorial, with one passage near the seed's end
/// already highlighted; the app opened on them.
pub fn annotated_app(dir: &Path) -> (Harness<'static, FolioApp>, PathBuf) {
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
            HighlightColor::Blue,
            Some("The editorial's point."),
        )
        .unwrap();
    drop(library);
    let picks = vec![dir.join("chosen.txt")];
    let mut harness = app_over(&path, picks);
    wait_for(&mut harness, "the list", |h| shows(h, "10 articles"));
    (harness, path)
}

/// Ctrl+A in the focused text field: what is typed next replaces its text
/// (egui reads the command modifier, the platform's Ctrl).
pub fn select_all_text(harness: &Harness<'static, FolioApp>) {
    let ctrl = egui::Modifiers {
        ctrl: true,
        command: true,
        ..Default::default()
    };
    harness.key_press_modifiers(ctrl, egui::Key::A);
}

/// Click on the first row, Shift+click on the fifth.
pub fn select_first_five(harness: &mut Harness<'static, FolioApp>) {
    let titles = list_titles(harness);
    // The reader opens on the first row when its text arrives, narrowing
    // the list: the next click waits for that, as a user's eye would, or it
    // could land where the list no longer is.
    open_article(harness, &titles[0]);
    for node in harness.get_all_by_label(&titles[4]) {
        node.click_modifiers(egui::Modifiers::SHIFT);
    }
    wait_for(harness, "five selected", |h| shows(h, "5 articles selected"));
}

/// A library of 600 generated articles, opened in the app.
pub fn long_list(dir: &std::path::Path) -> Harness<'static, FolioApp> {
    let path = dir.join("big.sqlite");
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
    harness
}

/// Whether the reader shows the article titled `title`.
pub fn reading(harness: &Harness<'static, FolioApp>, title: &str) -> bool {
    harness
        .state()
        .reader
        .article
        .as_ref()
        .and_then(|a| a.meta.title.as_deref())
        == Some(title)
}

/// File ▸ Export…, as a user opens it, until its formats show.
pub fn open_export_window(harness: &mut Harness<'static, FolioApp>) {
    harness.get_by_label("File").click();
    wait_for(harness, "the File menu", |h| shows(h, "Export annotations"));
    harness
        .get_all_by_label_contains("Export…")
        .next()
        .unwrap()
        .click();
    wait_for(harness, "the formats", |h| shows(h, "Spreadsheet (CSV)…"));
}

/// Stands in for the system clipboard: holds what a browser would put
/// there when an article is copied.
#[derive(Default)]
pub struct FixedClipboard {
    pub html: Option<String>,
    pub text: Option<String>,
    /// Why there is no clipboard, standing in for a desktop without one.
    pub missing: Option<String>,
}

impl folio::gui::clipboard::ClipboardSource for FixedClipboard {
    fn unavailable(&self) -> Option<String> {
        self.missing.clone()
    }
    fn read(&self) -> Result<folio::gui::clipboard::Pasted, String> {
        Ok(folio::gui::clipboard::Pasted {
            html: self.html.clone(),
            text: self.text.clone(),
        })
    }
}

/// The app over a new library, with `clipboard` for its clipboard.
pub fn app_with_clipboard(dir: &Path, clipboard: FixedClipboard) -> (Harness<'static, FolioApp>, PathBuf) {
    let path = dir.join("lib.sqlite");
    let library = Library::open(&path).unwrap();
    let clipboard = Arc::new(clipboard);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            FolioApp::new(&cc.egui_ctx, library, Arc::new(FixedPicker(Vec::new()))).with_clipboard(clipboard)
        });
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    (harness, path)
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// The paragraph of agency copy that two papers of [`story_library`]
/// printed word for word.
pub const WIRE: &str = "North Korea said on Tuesday it was ready to hold talks with Japan without \
preconditions, a shift that officials in Tokyo and Seoul said they would study closely before answering.";

/// Titles of [`story_library`]'s articles, in the order of their ids.
pub const TOKYO: &str = "Tokyo weighs Pyongyang's offer of talks";
pub const SEOUL: &str = "Seoul watches as the North courts Japan";
pub const HARBOUR: &str = "Harbour wall to close for the winter";

/// Three clippings written for these tests, as files in `dir`: a Tokyo
/// paper's and a Seoul paper's articles on the same offer of talks, both
/// carrying the same wire paragraph, and an unrelated one.
pub fn story_clippings(dir: &Path) -> Vec<PathBuf> {
    let clippings = [
        (
            "tokyo.txt",
            format!(
                "The Tokyo Daily\n\n{TOKYO}\n\nPublished : Jun 12, 2018\n\n\
                 The government will answer the offer with care, and with its allies.\n\n{WIRE}\n\n\
                 For Japan, the abductions of its citizens remain the first question on any agenda, \
                 and no minister can set it aside for the sake of a meeting.\n"
            ),
        ),
        (
            "seoul.txt",
            format!(
                "Seoul Herald\n\n{SEOUL}\n\nPublished : Jun 13, 2018\n\n\
                 SEOUL — The presidential office welcomed any step that lowers tension in the region.\n\n{WIRE}\n\n\
                 Analysts in Seoul said the offer was meant as much for Washington as for Tokyo, \
                 weeks before the summit planned in Singapore.\n"
            ),
        ),
        (
            "harbour.txt",
            format!(
                "{HARBOUR}\n\n\
                 The council closed the harbour wall on Monday, after the second storm in a week broke through \
                 its northern end and flooded the road behind it.\n\n\
                 Engineers will inspect the damage once the sea calms, and the council expects to reopen the \
                 wall in the spring if the repairs cost no more than the budget allows.\n"
            ),
        ),
    ];
    let mut paths = Vec::new();
    for (name, text) in clippings {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    paths
}

/// A library of the [`story_clippings`], and their ids in that order.
pub fn story_library(dir: &Path) -> (PathBuf, Vec<i64>) {
    let paths = story_clippings(dir);
    let path = dir.join("lib.sqlite");
    let mut library = Library::open(&path).unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut ids = Vec::new();
    // One at a time, so the ids follow the order above.
    for file in paths {
        let report =
            folio::ingest::pipeline::import_paths(&mut library, &[file], &cancel, |_, _| {}).unwrap();
        ids.extend(report.new_ids());
    }
    assert_eq!(ids.len(), 3);
    (path, ids)
}

/// The app over [`story_library`], the Tokyo and Seoul articles joined
/// as one story (by the user, so it holds whatever the grouping finds)
/// and the grouping done before the window opens, so nothing changes
/// behind the test's back; the list shown.
pub fn story_app(dir: &Path) -> Harness<'static, FolioApp> {
    let (path, ids) = story_library(dir);
    let mut library = Library::open(&path).unwrap();
    library.update_stories(usize::MAX).unwrap();
    library.join_stories(ids[1], ids[0]).unwrap();
    drop(library);
    let mut harness = app_over(&path, Vec::new());
    wait_for(&mut harness, "the list", |h| shows(h, "3 articles"));
    harness
}

/// Ctrl+clicks the list's row titled `title` (not the reader's link to
/// the same article).
pub fn ctrl_click_row(harness: &Harness<'static, FolioApp>, title: &str) {
    let row = harness
        .get_all_by_label(title)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap();
    row.click_modifiers(egui::Modifiers::COMMAND);
}

/// Drags the list's row titled `from` and drops it on the row titled
/// `onto`, as a mouse does: press, move past the drag threshold, move
/// over the other row, release there.
pub fn drag_row_onto(harness: &mut Harness<'static, FolioApp>, from: &str, onto: &str) {
    let end = row_of(harness, onto);
    drag_row_to(harness, from, end);
}

/// Where the list's row titled `title` is (the leftmost of the labels
/// with that text: the reader may show it too).
pub fn row_of(harness: &Harness<'static, FolioApp>, title: &str) -> egui::Pos2 {
    harness
        .get_all_by_label(title)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .unwrap()
        .center()
}

/// Drags the list's row titled `from` to `end` and drops it there.
pub fn drag_row_to(harness: &mut Harness<'static, FolioApp>, from: &str, end: egui::Pos2) {
    let start = row_of(harness, from);
    harness.hover_at(start);
    harness.step();
    harness.drag_at(start);
    harness.step();
    for step in 1..=6 {
        harness.hover_at(start + (end - start) * (step as f32 / 6.0));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: end,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    harness.remove_cursor();
    harness.step();
}

/// Steps frames until Compare shows its two articles; what it shows.
pub fn wait_for_compare<'h>(
    harness: &'h mut Harness<'static, FolioApp>,
) -> &'h folio::gui::state::compare::Compared {
    wait_for(harness, "the two articles side by side", |h| {
        h.state()
            .compare
            .open
            .as_ref()
            .is_some_and(|c| c.compared.is_some())
    });
    let open = harness.state().compare.open.as_ref();
    open.and_then(|c| c.compared.as_ref()).unwrap()
}
