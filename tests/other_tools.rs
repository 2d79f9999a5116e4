//! Arriving from other tools: the exports of Pocket, Instapaper, wallabag,
//! Omnivore and Zotero (fixtures we wrote to their documented fields)
//! import with their tags, dates, read state and highlights, and counts
//! that add up.

mod common;

use common::folio;
use folio::library::Filter;
use folio::library::Library;
use folio::model::Article;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tools")
        .join(name)
}

/// Omnivore exports a zip; ours is made from the folder of its parts.
fn omnivore_zip(dir: &Path) -> PathBuf {
    let path = dir.join("omnivore-export.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let root = fixture("omnivore");
    for name in [
        "metadata_0_to_1.json",
        "content/fisheries-quotas-regional-deal.html",
        "content/reef-tourism.html",
        "highlights/fisheries-quotas-regional-deal.md",
    ] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&std::fs::read(root.join(name)).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    path
}

fn article(library: &Library, title: &str) -> Article {
    let found = library
        .list(&Filter::default())
        .unwrap()
        .into_iter()
        .find(|a| a.title.as_deref() == Some(title))
        .unwrap_or_else(|| panic!("no article “{title}”"));
    library.get_article(found.id).unwrap()
}

fn import(lib: &Path, file: &Path, expected: &str) {
    let (ok, text) = folio(lib, &["import", file.to_str().unwrap()]);
    assert!(ok && text.ends_with(&format!("{expected}\n")), "{text}");
}

#[test]
fn pocket_keeps_links_tags_saved_dates_and_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    // Four links, one of them listed twice (unread, then in the archive):
    // items = imported + merged + duplicates + failed, and the last word
    // on its state stands.
    import(
        &lib,
        &fixture("pocket_ril_export.html"),
        "3 imported, 1 merged into articles already here, 0 duplicates, 0 failed",
    );
    import(&lib, &fixture("pocket.csv"), "3 imported, 0 duplicates, 0 failed");
    let library = Library::open(&lib).unwrap();
    let port = article(&library, "Port strike must end before the harvest ships arrive");
    assert!(port.provenance.link_only);
    assert_eq!(port.meta.body, "");
    assert_eq!(
        port.meta.url.as_deref(),
        Some("https://harbour-herald.example/opinion/port-strike")
    );
    assert_eq!(port.tags, ["labour", "ports"]);
    assert_eq!(port.provenance.saved_at.as_deref(), Some("2018-04-26T08:00:00Z"));
    assert_eq!(port.provenance.read_state.as_deref(), Some("archived"));
    let desal = article(&library, "Desalination deal signed after two years of talks");
    assert_eq!(desal.provenance.read_state.as_deref(), Some("archived"));
    let delhi = article(&library, "Delhi cannot wait another winter for clean air");
    assert_eq!(delhi.tags, ["air", "india"]);
    assert_eq!(
        article(&library, "Lithium cannot repeat the story of copper")
            .provenance
            .read_state
            .as_deref(),
        Some("archived")
    );
    assert!(library.check().unwrap().is_healthy());
    drop(library);
    let (ok, text) = folio(&lib, &["show", &port.id.to_string()]);
    assert!(ok && text.contains("only the link was saved"), "{text}");
}

#[test]
fn instapaper_folders_become_tags_and_selections_become_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    import(
        &lib,
        &fixture("instapaper.csv"),
        "3 imported, 0 duplicates, 0 failed",
    );
    let library = Library::open(&lib).unwrap();
    let berlin = article(
        &library,
        "The dialogue between Berlin and Warsaw must not die out",
    );
    assert_eq!(berlin.tags, ["diplomacy", "europe"]);
    assert_eq!(
        berlin.provenance.saved_at.as_deref(),
        Some("2018-06-12T08:00:00Z")
    );
    // The selection is kept, detached: there is no text to anchor it in.
    assert_eq!(berlin.highlights.len(), 1);
    assert!(berlin.highlights[0].detached);
    assert_eq!(berlin.highlights[0].quote, "Both capitals need the channel open");
    let river = article(&library, "Share the water or share the blame");
    assert_eq!(river.provenance.read_state.as_deref(), Some("archived"));
    assert_eq!(
        article(&library, "Fisheries quotas need a regional deal").tags,
        ["fisheries", "Pacific"]
    );
}

#[test]
fn wallabag_content_is_read_like_a_saved_page_and_its_annotations_become_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    import(
        &lib,
        &fixture("wallabag.json"),
        "2 imported, 0 duplicates, 0 failed",
    );
    let library = Library::open(&lib).unwrap();
    let solar = article(
        &library,
        "Solar mini-grids are the fastest way to light rural Kenya",
    );
    assert!(!solar.provenance.link_only);
    assert!(
        solar.meta.body.starts_with("For a decade the national grid"),
        "{}",
        solar.meta.body
    );
    assert_eq!(solar.meta.authors, ["Wanjiru Kamau"]);
    assert_eq!(
        solar.meta.published.unwrap().to_iso(),
        "2021-03-12",
        "the day where it was published"
    );
    assert_eq!(solar.tags, ["africa", "energy"]);
    assert_eq!(solar.provenance.read_state.as_deref(), Some("archived"));
    assert!(solar.meta.countries.is_empty() || solar.meta.region.is_some());
    let found = &solar.highlights[0];
    assert_eq!(
        found.quote,
        "can bring power to a market town in months rather than years"
    );
    assert_eq!(found.comment.as_deref(), Some("The whole argument in one line."));
    assert!(!found.detached);
    let at: String = solar
        .meta
        .body
        .chars()
        .skip(found.start)
        .take(found.end - found.start)
        .collect();
    assert_eq!(at, found.quote);
    assert!(solar.highlights[1].detached, "a quote not in the text is kept");
    let link = article(&library, "A link that was never fetched");
    assert!(link.provenance.link_only);
    // The saved text is searchable; the highlight comment too.
    assert_eq!(
        library.search("cooperatives", &Filter::default()).unwrap().len(),
        1
    );
    assert_eq!(
        library.search("note:argument", &Filter::default()).unwrap().len(),
        1
    );
}

#[test]
fn an_omnivore_zip_brings_content_labels_state_and_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    import(
        &lib,
        &omnivore_zip(dir.path()),
        "2 imported, 0 duplicates, 0 failed",
    );
    let library = Library::open(&lib).unwrap();
    let fisheries = article(&library, "Fisheries quotas need a regional deal");
    assert!(fisheries.meta.body.contains("distant-water fleets"));
    assert_eq!(fisheries.tags, ["fisheries", "pacific"]);
    assert_eq!(fisheries.provenance.read_state.as_deref(), Some("archived"));
    assert_eq!(
        fisheries.provenance.saved_at.as_deref(),
        Some("2022-07-02T10:00:00Z")
    );
    assert_eq!(fisheries.meta.authors, ["Sione Tupou"]);
    let quotes: Vec<(&str, Option<&str>, bool)> = fisheries
        .highlights
        .iter()
        .map(|h| (h.quote.as_str(), h.comment.as_deref(), h.detached))
        .collect();
    assert_eq!(
        quotes,
        [
            ("the smallest states accept the weakest terms", None, false),
            (
                "one price for a day of fishing across the exclusive zones of all members",
                Some("The key proposal."),
                false
            ),
        ]
    );
    let reef = article(&library, "Reef tourism can pay for reef protection");
    assert_eq!(reef.provenance.read_state.as_deref(), Some("unread"));
}

#[test]
fn zotero_references_arrive_as_links_with_their_citation_fields() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    import(
        &lib,
        &fixture("zotero.json"),
        "2 imported, 0 duplicates, 0 failed",
    );
    // Again: nothing new.
    import(
        &lib,
        &fixture("zotero.json"),
        "0 imported, 2 duplicates, 0 failed",
    );
    let library = Library::open(&lib).unwrap();
    let debt = article(&library, "The debt brake needs an honest debate");
    assert!(debt.provenance.link_only);
    assert_eq!(debt.meta.source.as_deref(), Some("Mainzer Zeitung"));
    assert_eq!(debt.meta.section.as_deref(), Some("Politik"));
    assert_eq!(debt.meta.published.unwrap().to_iso(), "2018-01-05");
    assert_eq!(debt.meta.authors, ["Hans Becker"]);
    assert_eq!(debt.meta.region.as_deref(), Some("Europe & Central Asia"));
    let sahel = article(&library, "Why water will decide the Sahel's future");
    assert_eq!(sahel.meta.published.unwrap().to_iso(), "2020-09");
    assert_eq!(sahel.meta.authors, ["Ana Lima", "Editorial Board"]);
    assert!(library.check().unwrap().is_healthy());
    drop(library);

    // And back out to a citation manager with the same fields.
    let refs = dir.path().join("refs.json");
    let (ok, text) = folio(
        &lib,
        &["export", "--format", "csl-json", "--out", refs.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let csl: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&refs).unwrap()).unwrap();
    let debt = csl
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "The debt brake needs an honest debate")
        .unwrap();
    assert_eq!(debt["container-title"], "Mainzer Zeitung");
    assert_eq!(debt["publisher-place"], "Germany");
    assert_eq!(debt["section"], "Politik");
    assert_eq!(debt["URL"], "https://mainzer-zeitung.example/schuldenbremse");
    assert_eq!(debt["issued"]["date-parts"], serde_json::json!([[2018, 1, 5]]));
    assert_eq!(
        debt["author"][0],
        serde_json::json!({"family": "Becker", "given": "Hans"})
    );
}

#[test]
fn a_file_no_tool_made_is_reported_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let odd = dir.path().join("numbers.csv");
    std::fs::write(&odd, "a,b\n1,2\n").unwrap();
    let fake_zip = dir.path().join("photos.zip");
    std::fs::write(&fake_zip, b"PK\x03\x04 not really").unwrap();
    let (ok, text) = folio(
        &lib,
        &[
            "import",
            odd.to_str().unwrap(),
            fake_zip.to_str().unwrap(),
            fixture("zotero.json").to_str().unwrap(),
        ],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("numbers.csv: failed: a CSV file, but not an export Folio knows: its columns (a, b)"),
        "{text}"
    );
    assert!(
        text.contains("photos.zip: failed: not a zip file Folio can read"),
        "{text}"
    );
    assert!(text.contains("2 imported, 0 duplicates, 2 failed"), "{text}");
}

#[test]
fn an_export_that_holds_no_articles_gets_a_line_saying_so() {
    // Found by the fuzzer: an export with its header and nothing under it
    // left no line in the report, as if the file had not been given.
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let pocket = dir.path().join("pocket.csv");
    std::fs::write(&pocket, "title,url,time_added,tags,status\n").unwrap();
    let library = dir.path().join("library.json");
    std::fs::write(
        &library,
        r#"{"format": "folio-library", "version": 1, "tags": [], "topics": [], "articles": []}"#,
    )
    .unwrap();
    // Nothing imported: the command says so and exits with an error.
    let (ok, text) = folio(
        &lib,
        &["import", pocket.to_str().unwrap(), library.to_str().unwrap()],
    );
    assert!(!ok, "{text}");
    assert!(
        text.contains("pocket.csv: failed: a Pocket export, but it holds no articles"),
        "{text}"
    );
    assert!(
        text.contains("library.json: failed: a library export, but it holds no articles"),
        "{text}"
    );
    assert!(text.contains("0 imported, 0 duplicates, 2 failed"), "{text}");
}

#[test]
fn a_pocket_export_of_thousands_of_links_keeps_each_lines_outcome_across_batches() {
    // Found by the fuzzer: a 260 KB CSV of 7,000 links took 20 s, a
    // transaction for each; they are now stored 256 to a transaction, and
    // each line must still tell its own link's outcome.
    use folio::ingest::pipeline::{Outcome, import_paths};
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("title,url,time_added,tags,status\n");
    for n in 0..1000 {
        match n % 10 {
            // Listed again: a duplicate of the link three rows up.
            3 => csv.push_str(&format!(
                "Again,https://news.example/{},1520000000,,unread\n",
                n - 3
            )),
            // Neither a title nor a link: it cannot be an article.
            7 => csv.push_str(",,1520000000,,unread\n"),
            _ => csv.push_str(&format!(
                "Story {n},https://news.example/{n},1520000000,,unread\n"
            )),
        }
    }
    let export = dir.path().join("pocket.csv");
    std::fs::write(&export, csv).unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let report = import_paths(&mut library, &[export], &cancel, |_, _| {}).unwrap();
    assert_eq!(report.files.len(), 1000);
    for (n, line) in report.files.iter().enumerate() {
        assert!(
            line.path.to_string_lossy().ends_with(&format!("#{}", n + 1)),
            "{line:?}"
        );
        match (n % 10, &line.outcome) {
            (3, Outcome::Duplicate { .. }) => {}
            (7, Outcome::Failed { reason }) => {
                assert!(reason.contains("neither a title nor a link"), "{reason}")
            }
            (_, Outcome::Imported { title, .. }) => assert_eq!(title, &format!("Story {n}")),
            (_, other) => panic!("line {}: {other:?}", n + 1),
        }
    }
    assert_eq!(library.list(&Filter::default()).unwrap().len(), 800);
}
