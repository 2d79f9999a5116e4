//! Files that read-it-later and highlighting tools wrote (the real ones in
//! `../shared/interop/`, read from there, and fixtures of ours for the
//! formats it has none of): every item in a file arrives once, or is
//! reported, with what the file said of it. Each test counts the file's
//! items itself (with `csv`, `serde_json` or a pattern), never by asking
//! the importer.

use folio::ingest::pipeline::{ImportReport, Outcome, import_paths};
use folio::library::{Filter, Library};
use folio::model::Article;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn shared(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/interop")
        .join(name)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tools")
        .join(name)
}

/// A fresh library with `path` imported into it.
struct Imported {
    report: ImportReport,
    library: Library,
    _dir: tempfile::TempDir,
}

fn import(path: &Path) -> Imported {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let report = import_paths(
        &mut library,
        &[path.to_path_buf()],
        &AtomicBool::new(false),
        |_, _| {},
    )
    .unwrap();
    Imported {
        report,
        library,
        _dir: dir,
    }
}

impl Imported {
    fn articles(&self) -> Vec<Article> {
        self.library
            .list(&Filter::default())
            .unwrap()
            .into_iter()
            .map(|a| self.library.get_article(a.id).unwrap())
            .collect()
    }

    fn by_url(&self, url: &str) -> Article {
        self.articles()
            .into_iter()
            .find(|a| a.meta.url.as_deref() == Some(url))
            .unwrap_or_else(|| panic!("no article from {url}: {:?}", self.report))
    }

    fn by_title(&self, title: &str) -> Article {
        self.articles()
            .into_iter()
            .find(|a| a.meta.title.as_deref() == Some(title))
            .unwrap_or_else(|| panic!("no article “{title}”: {:?}", self.report))
    }

    /// Every item accounted for: imported, a duplicate of an earlier item
    /// of the file, or failed with its reason.
    fn accounts_for(&self, items: usize, repeated: usize) {
        let r = &self.report;
        assert_eq!(r.imported() + r.duplicates() + r.failed(), items, "{r:?}");
        assert_eq!(r.duplicates(), repeated, "{r:?}");
        assert_eq!(r.skipped(), 0, "{r:?}");
    }

    /// The one line of a file that could not be read as a whole.
    fn failed_reason(&self) -> String {
        assert_eq!(self.report.files.len(), 1, "{:?}", self.report);
        match &self.report.files[0].outcome {
            Outcome::Failed { reason } => reason.clone(),
            other => panic!("not failed: {other:?}"),
        }
    }
}

/// How many items repeat an earlier one's link.
fn repeats<'a>(urls: impl IntoIterator<Item = &'a str>) -> usize {
    let mut seen = HashSet::new();
    urls.into_iter().filter(|u| !seen.insert(u.to_string())).count()
}

/// A CSV file's rows, each as its columns by name (as the file spells them).
fn csv_rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(str::to_string)
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every row arrived with its title under its link.
fn each_row_arrived(imported: &Imported, rows: &[(String, String)]) {
    for (title, url) in rows {
        let article = imported.by_url(url);
        assert_eq!(
            one_spaced(article.meta.title.as_deref().unwrap_or("")),
            one_spaced(title)
        );
        assert!(article.provenance.link_only);
    }
}

// --- Pocket ---------------------------------------------------------------

#[test]
fn pocket_csv_of_wallabag_s_tests_keeps_every_link_and_the_archive() {
    let path = shared("wallabag/pocket.csv");
    let rows = csv_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), repeats(rows.iter().map(|r| r["url"].as_str())));
    assert_eq!(imported.report.imported(), rows.len());
    each_row_arrived(
        &imported,
        &rows
            .iter()
            .map(|r| (r["title"].clone(), r["url"].clone()))
            .collect::<Vec<_>>(),
    );
    for row in &rows {
        let article = imported.by_url(&row["url"]);
        let state = if row["status"] == "archive" {
            "archived"
        } else {
            "unread"
        };
        assert_eq!(article.provenance.read_state.as_deref(), Some(state));
    }
    let reddit = imported.by_url("https://www.reddit.com/r/DataHoarder/comments/ioupbk/archivebox_question_how_do_i_import_links_from_a/");
    assert_eq!(reddit.provenance.read_state.as_deref(), Some("archived"));
    // time_added 1600961496.
    assert_eq!(
        reddit.provenance.saved_at.as_deref(),
        Some("2020-09-24T15:31:36Z")
    );
}

#[test]
fn pocket_2024_csv_part_splits_its_tags() {
    let path = shared("karakeep/pocket-new.csv");
    let rows = csv_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), 0);
    let test = imported.by_url("https://example.com");
    assert_eq!(test.tags, ["tag1", "tag2"]);
    assert_eq!(test.provenance.read_state.as_deref(), Some("archived"));
    assert_eq!(test.provenance.saved_at.as_deref(), Some("2009-02-13T23:31:30Z"));
    let test2 = imported.by_url("https://example.org");
    assert!(test2.tags.is_empty());
    assert_eq!(test2.provenance.read_state.as_deref(), Some("unread"));
}

/// Karakeep's k0571 and k0576 hold one line whose breaks were written as
/// the two characters `\n`: its rows are what those breaks separate.
fn escaped_line_rows(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(text.trim_end().lines().count(), 1);
    text.trim_end().split("\\n").count() - 1
}

#[test]
fn pocket_csv_with_escaped_line_breaks_archived() {
    let path = shared("karakeep/k0571.csv");
    let imported = import(&path);
    imported.accounts_for(escaped_line_rows(&path), 0);
    let test = imported.by_url("https://example.com");
    assert_eq!(test.meta.title.as_deref(), Some("Test"));
    assert_eq!(test.provenance.read_state.as_deref(), Some("archived"));
    assert_eq!(test.provenance.saved_at.as_deref(), Some("2009-02-13T23:31:30Z"));
}

#[test]
fn pocket_csv_with_escaped_line_breaks_unread() {
    let path = shared("karakeep/k0576.csv");
    let imported = import(&path);
    imported.accounts_for(escaped_line_rows(&path), 0);
    let test = imported.by_url("https://example.com");
    assert_eq!(test.provenance.read_state.as_deref(), Some("unread"));
}

#[test]
fn pocket_html_of_wallabag_s_tests_keeps_tags_and_saved_dates() {
    let path = shared("wallabag/ril_export.html");
    let text = std::fs::read_to_string(&path).unwrap();
    let links = regex::Regex::new(r#"<a href="([^"]+)""#).unwrap();
    let urls: Vec<&str> = links
        .captures_iter(&text)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let imported = import(&path);
    imported.accounts_for(urls.len(), repeats(urls.iter().copied()));
    let rabbits = imported.by_url(urls[0]);
    assert_eq!(
        rabbits.meta.title.as_deref(),
        Some("Tarn : Des lapins ravagent le terrain, le match de rugby doit être annulé")
    );
    assert_eq!(rabbits.tags, ["ifttt", "new_entry_simple"]);
    assert_eq!(
        rabbits.provenance.saved_at.as_deref(),
        Some("2023-07-06T07:31:35Z")
    );
    assert_eq!(rabbits.provenance.read_state.as_deref(), Some("unread"));
}

/// Pocket's 2024 export, as rows of ours: two parts.
const POCKET_PARTS: [(&str, &str); 2] = [
    (
        "part_000000.csv",
        "title,url,time_added,cursor,tags,status\n\
         Harbour cranes go electric,https://port-news.example/cranes,1700000000,abc1,ports|energy,unread\n\
         Ferry fares frozen for winter,https://port-news.example/ferries,1700000100,abc2,,archive\n",
    ),
    (
        "part_000001.csv",
        "title,url,time_added,cursor,tags,status\n\
         Lighthouse keepers' last log,https://port-news.example/lighthouse,1700000200,abc3,history,unread\n\
         Harbour cranes go electric,https://port-news.example/cranes,1700000000,abc1,ports|energy,unread\n",
    ),
];

fn check_pocket_parts(imported: &Imported) {
    // Four rows, one repeated across the parts.
    let urls: Vec<&str> = POCKET_PARTS
        .iter()
        .flat_map(|(_, text)| text.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()))
        .collect();
    imported.accounts_for(urls.len(), repeats(urls.iter().copied()));
    assert_eq!(imported.report.duplicates(), 1);
    let cranes = imported.by_url("https://port-news.example/cranes");
    assert_eq!(cranes.tags, ["energy", "ports"]);
    assert_eq!(
        cranes.provenance.saved_at.as_deref(),
        Some("2023-11-14T22:13:20Z")
    );
    let ferries = imported.by_url("https://port-news.example/ferries");
    assert_eq!(ferries.provenance.read_state.as_deref(), Some("archived"));
    assert_eq!(
        imported
            .by_url("https://port-news.example/lighthouse")
            .meta
            .title
            .as_deref(),
        Some("Lighthouse keepers' last log")
    );
}

#[test]
fn pocket_2024_zip_of_parts_is_one_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pocket.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (name, text) in POCKET_PARTS {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    check_pocket_parts(&import(&path));
}

#[test]
fn pocket_2024_export_unzipped_is_one_export_too() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("pocket");
    std::fs::create_dir(&folder).unwrap();
    for (name, text) in POCKET_PARTS {
        std::fs::write(folder.join(name), text).unwrap();
    }
    check_pocket_parts(&import(&folder));
    // Met inside a folder being imported, it is still one export.
    let imported = import(dir.path());
    assert!(
        imported
            .report
            .files
            .iter()
            .all(|f| f.path.to_string_lossy().contains("pocket#")),
        "{:?}",
        imported.report
    );
    check_pocket_parts(&imported);
}

#[test]
fn a_zip_of_neither_export_says_which_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hello").unwrap();
    zip.finish().unwrap();
    let reason = import(&path).failed_reason();
    assert!(
        reason.contains("Omnivore") && reason.contains("Pocket"),
        "{reason}"
    );
}

// --- Instapaper -----------------------------------------------------------

#[test]
fn instapaper_starred_is_a_star_and_other_folders_tags() {
    let path = shared("wallabag/instapaper-export.csv");
    let rows = csv_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), repeats(rows.iter().map(|r| r["URL"].as_str())));
    each_row_arrived(
        &imported,
        &rows
            .iter()
            .map(|r| (r["Title"].clone(), r["URL"].clone()))
            .collect::<Vec<_>>(),
    );
    let swarm = imported.by_title("Why Foursquare / Swarm is still my favourite social network");
    assert!(swarm.provenance.starred);
    assert!(swarm.tags.is_empty(), "{:?}", swarm.tags);
    let amp = imported.by_title("AMP and React+Redux: Why Not?");
    assert_eq!(amp.provenance.read_state.as_deref(), Some("archived"));
    assert!(!amp.provenance.starred);
    let covfefe = imported.by_title("Dis donc Donald Trump, c'est quoi exactement «covfefe»?");
    assert_eq!(covfefe.tags, ["test_tag"]);
    assert_eq!(covfefe.provenance.read_state.as_deref(), Some("unread"));
}

#[test]
fn instapaper_with_tags_and_selections() {
    let path = shared("karakeep/insta-tags.csv");
    let rows = csv_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), 0);
    let one = imported.by_url("https://i.com/1");
    assert_eq!(one.tags, ["ml", "papers"]);
    assert_eq!(one.provenance.saved_at.as_deref(), Some("2022-04-15T05:20:00Z"));
    assert_eq!(one.highlights.len(), 1);
    assert_eq!(one.highlights[0].quote, "Some selected text");
    let two = imported.by_url("https://i.com/2");
    assert!(two.provenance.starred);
    assert!(two.tags.is_empty());
}

#[test]
fn instapaper_folders_of_karakeep_s_tests() {
    let path = shared("karakeep/instapaper-karakeep.csv");
    let rows = csv_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), 0);
    assert_eq!(
        imported
            .by_url("https://archived.example")
            .provenance
            .read_state
            .as_deref(),
        Some("archived")
    );
    assert_eq!(
        imported
            .by_url("https://unread.example")
            .provenance
            .read_state
            .as_deref(),
        Some("unread")
    );
    assert_eq!(imported.by_url("https://custom.example").tags, ["Reading List"]);
}

// --- Readwise Reader ------------------------------------------------------

fn reader_rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let rows = csv_rows(path);
    assert!(rows.iter().all(|r| r.contains_key("Document tags")));
    rows
}

#[test]
fn readwise_reader_tags_and_archive() {
    let path = shared("karakeep/k0584.csv");
    let rows = reader_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), 0);
    let example = imported.by_url("https://example.com");
    assert_eq!(example.meta.title.as_deref(), Some("Example Site"));
    assert_eq!(example.tags, ["tag1", "tag2"]);
    assert_eq!(
        example.provenance.saved_at.as_deref(),
        Some("2026-03-14T23:55:23Z")
    );
    assert_eq!(example.provenance.read_state.as_deref(), Some("unread"));
    assert!(imported.by_url("https://notags.com").tags.is_empty());
    let archived = imported.by_url("https://archived.com");
    assert_eq!(archived.tags, ["tag1"]);
    assert_eq!(archived.provenance.read_state.as_deref(), Some("archived"));
}

#[test]
fn readwise_reader_feed_items_are_unread() {
    let path = shared("karakeep/k0628.csv");
    let rows = reader_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), 0);
    for url in ["https://feed.com", "https://normal.com"] {
        assert_eq!(
            imported.by_url(url).provenance.read_state.as_deref(),
            Some("unread")
        );
    }
}

#[test]
fn readwise_reader_tags_not_in_a_list_are_kept_as_written() {
    let path = shared("karakeep/k0640.csv");
    let imported = import(&path);
    imported.accounts_for(reader_rows(&path).len(), 0);
    assert_eq!(imported.by_url("https://invalid.com").tags, ["not-json"]);
}

#[test]
fn readwise_reader_item_without_a_link_keeps_its_title() {
    let path = shared("karakeep/k0651.csv");
    let imported = import(&path);
    imported.accounts_for(reader_rows(&path).len(), 0);
    let article = imported.by_title("No URL");
    assert_eq!(article.meta.url, None);
}

#[test]
fn readwise_reader_tags_with_quotes_and_escapes() {
    let path = shared("karakeep/k0670.csv");
    let imported = import(&path);
    imported.accounts_for(reader_rows(&path).len(), 0);
    assert_eq!(imported.by_url("https://single.com").tags, ["test"]);
    let mut complex = imported.by_url("https://complex.com").tags;
    complex.sort();
    assert_eq!(complex, ["it's crazy", "test", "test2"]);
    let mut escaped = imported.by_url("https://escaped.com").tags;
    escaped.sort();
    assert_eq!(escaped, ["another", "tag's"]);
    assert!(imported.by_url("https://empty.com").tags.is_empty());
}

#[test]
fn a_csv_of_no_known_columns_names_them_and_the_formats_folio_reads() {
    let path = shared("karakeep/k0661.csv");
    let imported = import(&path);
    imported.accounts_for(csv_rows(&path).len(), 0);
    let reason = imported.failed_reason();
    assert!(reason.contains("title, url, id"), "{reason}");
    for tool in ["Pocket", "Instapaper", "Raindrop.io", "Readwise"] {
        assert!(reason.contains(tool), "{reason}");
    }
}

#[test]
fn an_empty_csv_says_it_is_empty() {
    let reason = import(&shared("wallabag/test.csv")).failed_reason();
    assert_eq!(reason, "the file is empty");
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("export.csv");
    std::fs::write(&blank, "\n  \n").unwrap();
    assert_eq!(import(&blank).failed_reason(), "the file is empty");
}

// --- Readwise highlights, Raindrop ---------------------------------------

#[test]
fn readwise_highlights_become_one_article_per_book() {
    let path = fixture("readwise_highlights.csv");
    let rows = csv_rows(&path);
    let books: HashSet<&str> = rows.iter().map(|r| r["Book Title"].as_str()).collect();
    let imported = import(&path);
    imported.accounts_for(books.len(), 0);
    let coast = imported.by_title("Coastlines in Retreat");
    assert_eq!(coast.meta.authors, ["Lena Ostrova"]);
    assert!(coast.meta.body.contains("Salt marshes absorb storm surges"));
    assert_eq!(coast.highlights.len(), 2);
    assert!(coast.highlights.iter().all(|h| !h.detached));
    let marsh = &coast.highlights[0];
    assert_eq!(
        marsh.quote,
        "Salt marshes absorb storm surges before they reach the town."
    );
    assert_eq!(marsh.comment.as_deref(), Some("Key argument"));
    assert_eq!(marsh.created_at, "2020-01-14T23:29:00Z");
    let mut tags = coast.tags.clone();
    tags.sort();
    assert_eq!(tags, ["climate", "coast", "defence"]);
    assert_eq!(imported.by_title("Island Notes").highlights.len(), 1);
}

#[test]
fn raindrop_keeps_notes_excerpts_folders_stars_and_highlights() {
    let path = fixture("raindrop.csv");
    let rows = csv_rows(&path);
    let imported = import(&path);
    imported.accounts_for(rows.len(), repeats(rows.iter().map(|r| r["url"].as_str())));
    let tidal = imported.by_url("https://coast-gazette.example/tidal-power");
    let mut tags = tidal.tags.clone();
    tags.sort();
    assert_eq!(tags, ["Energy/Marine", "energy", "reading"]);
    assert!(tidal.provenance.starred);
    assert_eq!(tidal.provenance.saved_at.as_deref(), Some("2021-09-14T08:15:00Z"));
    let note = tidal.note.as_deref().unwrap();
    assert!(note.starts_with("Check the cost figures"), "{note}");
    assert!(note.contains("Excerpt: A developer in the north"), "{note}");
    // A link's excerpt is not its text.
    assert!(tidal.provenance.link_only);
    let quotes: Vec<(&str, Option<&str>)> = tidal
        .highlights
        .iter()
        .map(|h| (h.quote.as_str(), h.comment.as_deref()))
        .collect();
    assert_eq!(
        quotes,
        [
            (
                "The contract runs for fifteen years at a fixed price",
                Some("Compare with offshore wind")
            ),
            ("No subsidy was asked for", None)
        ]
    );
    let trains = imported.by_url("https://rail-weekly.example/night-trains");
    assert!(!trains.provenance.starred);
    // Unsorted is where Raindrop puts what the user did not file.
    assert!(trains.tags.is_empty());
}

// --- Kindle, Hypothesis ---------------------------------------------------

#[test]
fn kindle_clippings_become_one_article_per_book() {
    let path = fixture("kindle_clippings.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    // Each entry's first line names its book.
    let books: HashSet<&str> = text
        .split("==========")
        .filter_map(|e| e.trim_start_matches('\u{feff}').trim().lines().next())
        .collect();
    let imported = import(&path);
    imported.accounts_for(books.len(), 0);
    let ledger = imported.by_title("The Harbour Ledger");
    assert_eq!(ledger.meta.authors, ["Mere Tāwhiri"]);
    assert_eq!(ledger.highlights.len(), 2);
    let first = &ledger.highlights[0];
    assert!(first.quote.starts_with("Every port keeps two ledgers"));
    assert!(!first.detached);
    // The note at location 182 sits on the passage ending there.
    assert_eq!(first.comment.as_deref(), Some("Compare with the strike chapter."));
    assert_eq!(first.created_at, "2019-03-03T10:00:00Z");
    assert_eq!(ledger.highlights[1].created_at, "2019-03-04T07:45:12Z");
    assert!(ledger.meta.body.contains("small postponements"));
    // Its two bookmarks are left out, and the report says so.
    let line = imported
        .report
        .files
        .iter()
        .find(|f| matches!(&f.outcome, Outcome::Imported { title, .. } if title == "The Harbour Ledger"))
        .unwrap();
    assert!(
        line.note
            .as_deref()
            .unwrap_or("")
            .contains("2 bookmarks left out"),
        "{line:?}"
    );
    let rivers = imported.by_title("Rivers Without Borders: Water Treaties (2nd ed.)");
    assert_eq!(rivers.meta.authors, ["Anand Rao"]);
    assert_eq!(rivers.highlights[0].created_at, "2019-03-15T21:05:00Z");
    assert_eq!(rivers.highlights[0].comment, None);
    // A note on no highlight is kept, with its place.
    assert!(
        rivers
            .note
            .as_deref()
            .unwrap()
            .contains("Read the appendix on the Indus first.")
    );
    // A Kindle in French: its highlight is kept all the same.
    let port = imported.by_title("Le Port");
    assert_eq!(
        port.highlights[0].quote,
        "Le quai attend les navires qui ne viennent plus."
    );
}

#[test]
fn hypothesis_annotations_become_one_link_per_page() {
    let path = fixture("hypothesis.json");
    let value = json(&path);
    let annotations = value["annotations"].as_array().unwrap();
    let pages: HashSet<&str> = annotations.iter().map(|a| a["uri"].as_str().unwrap()).collect();
    let imported = import(&path);
    imported.accounts_for(pages.len(), 0);
    let mangroves = imported.by_url("https://delta-courier.example/2023/04/mangroves");
    assert_eq!(
        mangroves.meta.title.as_deref(),
        Some("Replanting the delta's mangroves pays twice")
    );
    assert!(mangroves.provenance.link_only);
    let mut tags = mangroves.tags.clone();
    tags.sort();
    assert_eq!(tags, ["climate", "local", "mangroves"]);
    assert_eq!(mangroves.highlights.len(), 1);
    let passage = &mangroves.highlights[0];
    assert_eq!(
        passage.quote,
        "a hectare of mangrove stores four times the carbon of a hectare of forest"
    );
    let comment = passage.comment.as_deref().unwrap();
    assert!(comment.starts_with("The key number of the piece."), "{comment}");
    assert!(
        comment.contains("Source for this is the 2021 survey."),
        "{comment}"
    );
    assert_eq!(passage.created_at, "2023-04-10T08:30:00Z");
    // The page note is the article's note; the page was saved when first annotated.
    assert_eq!(mangroves.note.as_deref(), Some("Worth sending to the council."));
    assert_eq!(
        mangroves.provenance.saved_at.as_deref(),
        Some("2023-04-09T18:00:00Z")
    );
    let silos = imported.by_url("https://plains-review.example/grain-silos");
    assert_eq!(silos.tags, ["farming"]);
    assert_eq!(silos.highlights[0].comment, None);
}

// --- Omnivore -------------------------------------------------------------

#[test]
fn omnivore_json_of_wallabag_s_tests_keeps_states_labels_and_dates() {
    let path = shared("wallabag/omnivore.json");
    let items = json(&path);
    let items = items.as_array().unwrap();
    let imported = import(&path);
    imported.accounts_for(
        items.len(),
        repeats(items.iter().map(|i| i["url"].as_str().unwrap())),
    );
    for item in items {
        let article = imported.by_url(item["url"].as_str().unwrap());
        assert_eq!(article.meta.title.as_deref(), item["title"].as_str());
        let state = if item["state"] == "Archived" {
            "archived"
        } else {
            "unread"
        };
        assert_eq!(article.provenance.read_state.as_deref(), Some(state));
        let mut labels: Vec<&str> = item["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        let mut tags = article.tags.clone();
        labels.sort();
        tags.sort();
        assert_eq!(tags, labels);
    }
    let breitling = imported.by_url(items[0]["url"].as_str().unwrap());
    assert_eq!(breitling.meta.authors, ["Juliette Garnier"]);
    assert_eq!(
        breitling.provenance.saved_at.as_deref(),
        Some("2024-10-29T16:30:11Z")
    );
    assert_eq!(
        breitling.meta.published.map(|p| p.date.to_string()).as_deref(),
        Some("2024-10-29")
    );
}

/// Omnivore's export unzipped, with a saved page that is only a fragment
/// (as Omnivore keeps most of them).
fn omnivore_folder(root: &Path) -> PathBuf {
    let folder = root.join("omnivore-export");
    let original = fixture("omnivore");
    for name in [
        "metadata_0_to_1.json",
        "content/fisheries-quotas-regional-deal.html",
        "content/reef-tourism.html",
        "highlights/fisheries-quotas-regional-deal.md",
    ] {
        std::fs::create_dir_all(folder.join(name).parent().unwrap()).unwrap();
        std::fs::copy(original.join(name), folder.join(name)).unwrap();
    }
    std::fs::write(
        folder.join("metadata_2_to_2.json"),
        r#"[{"id": "x3", "slug": "tuna-tags", "title": "Tagging tuna shows where the fleets should not go",
            "url": "https://island-sentinel.example/tuna", "state": "Succeeded", "labels": ["fisheries"],
            "savedAt": "2022-09-01T10:00:00.000Z", "publishedAt": null}]"#,
    )
    .unwrap();
    std::fs::write(
        folder.join("content/tuna-tags.html"),
        "<div class=\"page\" id=\"readability-page-1\"><div><p>Satellite tags on two hundred tuna show the spawning \
         grounds the fleets cross every spring, and the scientists ask the forum to close them for six weeks.</p>\
         <p>The fleets say the closure would cost them a season; the scientists answer that without it there will be \
         no seasons left to lose.</p></div></div>",
    )
    .unwrap();
    folder
}

fn check_omnivore_folder(imported: &Imported) {
    imported.accounts_for(3, 0);
    let fisheries = imported.by_title("Fisheries quotas need a regional deal");
    assert_eq!(fisheries.provenance.read_state.as_deref(), Some("archived"));
    assert_eq!(fisheries.highlights.len(), 2, "{:?}", fisheries.highlights);
    let tuna = imported.by_url("https://island-sentinel.example/tuna");
    assert_eq!(
        tuna.meta.title.as_deref(),
        Some("Tagging tuna shows where the fleets should not go")
    );
    assert!(
        tuna.meta.body.starts_with("Satellite tags on two hundred tuna"),
        "{}",
        tuna.meta.body
    );
    assert!(!tuna.meta.body.contains('<'));
    assert_eq!(tuna.tags, ["fisheries"]);
}

#[test]
fn omnivore_export_unzipped_is_one_export() {
    let dir = tempfile::tempdir().unwrap();
    let folder = omnivore_folder(dir.path());
    check_omnivore_folder(&import(&folder));
    // Met in a folder being imported: still one export, its highlights'
    // Markdown not taken for articles.
    std::fs::write(dir.path().join("other.txt"), "").unwrap();
    let imported = import(dir.path());
    let lines: Vec<&PathBuf> = imported.report.files.iter().map(|f| &f.path).collect();
    assert!(
        lines.iter().all(|p| !p.to_string_lossy().ends_with(".md")),
        "{lines:?}"
    );
    assert_eq!(imported.report.imported(), 3, "{:?}", imported.report);
}

// --- wallabag -------------------------------------------------------------

fn wallabag_entries(path: &Path) -> Vec<serde_json::Value> {
    json(path).as_array().unwrap().clone()
}

#[test]
fn wallabag_v1_read_and_favourite_flags_carry_over() {
    let path = shared("wallabag/wallabag-v1.json");
    let entries = wallabag_entries(&path);
    let imported = import(&path);
    imported.accounts_for(
        entries.len(),
        repeats(entries.iter().map(|e| e["url"].as_str().unwrap())),
    );
    let framabag = imported.by_title("Framabag, un nouveau service libre et gratuit");
    assert_eq!(framabag.tags, ["Framabag"]);
    assert_eq!(framabag.provenance.read_state.as_deref(), Some("unread"));
    assert!(!framabag.provenance.link_only);
    // wallabag v1 kept no dates.
    assert_eq!(framabag.provenance.saved_at, None);
    let repo = imported.by_url("https://github.com/wallabag/wallabag");
    assert_eq!(repo.provenance.read_state.as_deref(), Some("archived"));
}

#[test]
fn wallabag_v1_favourites_are_starred() {
    let path = shared("wallabag/wallabag-v1-read.json");
    let entries = wallabag_entries(&path);
    let imported = import(&path);
    imported.accounts_for(entries.len(), 0);
    for entry in &entries {
        let article = imported.by_url(entry["url"].as_str().unwrap());
        assert_eq!(article.provenance.starred, entry["is_fav"] == "1");
        assert_eq!(
            article.provenance.read_state.as_deref() == Some("archived"),
            entry["is_read"] == "1"
        );
    }
    let features = imported.by_url("https://www.wallabag.org/features/");
    assert!(features.provenance.starred);
    let tagged = entries.iter().find(|e| e["tags"] == "framasoft,tag").unwrap();
    let mut tags = imported.by_url(tagged["url"].as_str().unwrap()).tags;
    tags.sort();
    assert_eq!(tags, ["framasoft", "tag"]);
}

#[test]
fn wallabag_v2_keeps_stars_tags_and_saved_dates_and_guesses_nothing_from_the_text() {
    let path = shared("wallabag/wallabag-v2.json");
    let entries = wallabag_entries(&path);
    let imported = import(&path);
    imported.accounts_for(
        entries.len(),
        repeats(entries.iter().map(|e| e["url"].as_str().unwrap())),
    );
    let mediapart = imported.by_url("https://www.mediapart.fr/");
    assert!(mediapart.provenance.starred);
    assert_eq!(mediapart.tags, ["blog", "mediapart"]);
    assert_eq!(
        mediapart.provenance.saved_at.as_deref(),
        Some("2016-09-08T09:55:58Z")
    );
    assert_eq!(mediapart.provenance.read_state.as_deref(), Some("unread"));
    for entry in &entries {
        let article = imported.by_url(entry["url"].as_str().unwrap());
        assert_eq!(
            article.provenance.starred,
            entry["is_starred"] == true || entry["is_starred"] == 1
        );
    }
    // The chess article cites a book of 30 March 1993 and has a section
    // "Règles du jeu[modifier]": neither is the article's date or section.
    let chess = imported.by_url("https://fr.wikipedia.org/wiki/Échecs");
    assert_eq!(chess.meta.published, None);
    assert_eq!(chess.meta.section, None);
    assert!(chess.meta.body.contains("Kasparov"));
}

#[test]
fn wallabag_v2_archived_entries_are_archived() {
    let path = shared("wallabag/wallabag-v2-read.json");
    let entries = wallabag_entries(&path);
    let imported = import(&path);
    imported.accounts_for(entries.len(), 0);
    for entry in &entries {
        let article = imported.by_url(entry["url"].as_str().unwrap());
        let state = if entry["is_archived"] == true {
            "archived"
        } else {
            "unread"
        };
        assert_eq!(article.provenance.read_state.as_deref(), Some(state));
        assert_eq!(article.meta.title.as_deref(), entry["title"].as_str());
    }
}

#[test]
fn wallabag_v2_empty_file_gets_its_line() {
    let path = shared("wallabag/wallabag-v2-empty.json");
    assert_eq!(std::fs::read(&path).unwrap().len(), 0);
    assert_eq!(import(&path).failed_reason(), "the file is empty");
}

#[test]
fn a_folder_with_a_part_csv_of_its_own_is_walked_as_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("part_1.csv"), "sample,weight\nA,12\n").unwrap();
    std::fs::write(
        dir.path().join("clipping.txt"),
        "Rail freight doubles on the northern line\n\nThe operator said on Monday that freight on the northern line \
         had doubled in a year, as the new sidings opened and two more trains a day were added to the timetable.\n",
    )
    .unwrap();
    let imported = import(dir.path());
    assert_eq!(imported.report.imported(), 1, "{:?}", imported.report);
    imported.by_title("Rail freight doubles on the northern line");
}
