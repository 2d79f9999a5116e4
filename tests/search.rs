//! The search language, operator by operator and field by field, on a
//! library of our own clippings.

use folio::ingest::pipeline::import_paths;
use folio::library::Library;
use folio::library::{Filter, Place};
use folio::model::HighlightColor;
use folio::model::SearchHit;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn library(dir: &Path) -> Library {
    let mut library = Library::open(&dir.join("lib.sqlite")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = [
        root.join("tests/fixtures/clippings"),
        root.join("tests/fixtures/library"),
        root.join("../shared/seeds/000_deebf3aef80def1e.txt"),
    ];
    let report = import_paths(&mut library, &paths, &AtomicBool::new(false), |_, _| {}).unwrap();
    assert_eq!(report.failed(), 0, "{report:#?}");
    library
}

/// The titles of these hits, in alphabetical order.
fn sorted_titles(hits: Vec<SearchHit>) -> Vec<String> {
    let mut found: Vec<String> = hits
        .into_iter()
        .map(|h| h.summary.title.unwrap_or_default())
        .collect();
    found.sort();
    found
}

fn titles(library: &Library, query: &str) -> Vec<String> {
    sorted_titles(
        library
            .search(query, &Filter::default())
            .unwrap_or_else(|e| panic!("{query}: {e}")),
    )
}

fn finds(library: &Library, query: &str, expected: &[&str]) {
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(titles(library, query), expected, "query: {query}");
}

const SEED: &str = "Japan, U.S. must seize chance of Kim’s offer of talks with South";
const PORT: &str = "Port strike must end before the harvest ships arrive";
const KOREA_BIRTHS: &str = "A birth rate this low is a national emergency";

#[test]
fn words_phrases_exclusion_and_or() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    finds(&lib, "container terminal strike", &[PORT]);
    finds(&lib, "\"container terminal\"", &[PORT]);
    finds(&lib, "\"terminal container\"", &[]);
    finds(&lib, "Pyongyang", &[SEED]);
    finds(&lib, "Pyongyang -Olympics", &[]);
    finds(&lib, "Seoul", &[SEED, KOREA_BIRTHS]);
    finds(&lib, "Seoul -fertility", &[SEED]);
    finds(
        &lib,
        "desalination OR Mongolia",
        &[
            "Desalination deal signed after two years of talks",
            "How Mongolia balances its two giant neighbours",
        ],
    );
    // Best match first: a word in the title outranks the same word in a body.
    let hits = lib.search("glaciers", &Filter::default()).unwrap();
    assert_eq!(
        hits[0].summary.title.as_deref(),
        Some("Glaciers are a water bill coming due")
    );
    assert!(
        hits[0].snippet.contains("[glaciers]") || hits[0].snippet.contains("[Glaciers]"),
        "{}",
        hits[0].snippet
    );
}

#[test]
fn prefix_while_typing() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let typed = lib.search_as_typed("desalin", &Filter::default()).unwrap();
    assert_eq!(typed.len(), 1);
    assert!(
        lib.search("desalin", &Filter::default()).unwrap().is_empty(),
        "a finished query is whole words"
    );
    assert!(
        !lib.search_as_typed("P", &Filter::default()).unwrap().is_empty(),
        "one letter is a prefix too"
    );
    // Short prefixes come from their own index; they combine with words,
    // fields and exclusion like any other.
    let typed = |q: &str| typed_titles(&lib, q);
    assert_eq!(
        typed("Mongolia ne"),
        ["How Mongolia balances its two giant neighbours"]
    );
    assert_eq!(
        typed("Mongolia nei"),
        ["How Mongolia balances its two giant neighbours"]
    );
    assert_eq!(typed("Mongolia qx"), Vec::<String>::new());
    assert_eq!(typed("container ter"), [PORT]);
    assert_eq!(typed("container -ter"), Vec::<String>::new());
    assert_eq!(typed("source:\"Harbour Herald\" bi"), [KOREA_BIRTHS]);
    assert!(typed("de").len() > typed("desalin").len());
}

#[test]
fn every_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let seed_id = lib.search("Pyongyang", &Filter::default()).unwrap()[0].summary.id;
    lib.change_tags(seed_id, &["korea".to_string()], &[]).unwrap();
    lib.set_note(seed_id, "Compare with the copper editorial.")
        .unwrap();

    finds(
        &lib,
        "title:Mongolia",
        &["How Mongolia balances its two giant neighbours"],
    );
    finds(&lib, "title:Pyongyang", &[]);
    finds(&lib, "source:\"Harbour Herald\"", &[PORT, KOREA_BIRTHS]);
    finds(&lib, "author:Lima", &["Why Water Will Decide the Sahel’s Future"]);
    finds(&lib, "tag:korea", &[SEED]);
    finds(&lib, "tag:korea Olympics", &[SEED]);
    finds(&lib, "topic:politics", &[]);
    finds(
        &lib,
        "region:\"South Asia\"",
        &["Delhi cannot wait another winter for clean air"],
    );
    finds(
        &lib,
        "country:Mongolia",
        &["How Mongolia balances its two giant neighbours"],
    );
    finds(
        &lib,
        "lang:fr",
        &[
            "Le dialogue entre Berlin et Varsovie ne doit pas s'éteindre",
            "Retraites : le débat mérite mieux que l'affrontement",
        ],
    );
    finds(&lib, "kind:editorial lang:de", &[]);
    finds(
        &lib,
        "kind:opinion lang:de",
        &["Die Schuldenbremse braucht eine ehrliche Debatte"],
    );
    finds(
        &lib,
        "year:2020 kind:opinion",
        &[
            "The Mekong needs a referee, not more promises",
            "Why Water Will Decide the Sahel’s Future",
        ],
    );
    finds(&lib, "after:2023-02-01 before:2023-06-01", &[KOREA_BIRTHS]);
    finds(&lib, "note:copper", &[SEED]);
    finds(&lib, "copper -note:copper", &[]);
    // An unknown field is text: "foo:bar" looks for the words.
    assert!(
        lib.search("nonsense:field", &Filter::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn chinese_japanese_and_korean_words_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    // Two-character words inside longer runs of kanji and kana.
    finds(&lib, "対話", &["南北対話の機会を生かせ"]);
    finds(&lib, "電力", &["電力の安定供給へ長期の戦略を"]);
    finds(&lib, "北朝鮮", &["南北対話の機会を生かせ"]);
    finds(&lib, "\"安定供給\"", &["電力の安定供給へ長期の戦略を"]);
    finds(&lib, "title:戦略", &["電力の安定供給へ長期の戦略を"]);
    finds(&lib, "対話 -電力", &["南北対話の機会を生かせ"]);
    let hit = &lib.search("五輪", &Filter::default()).unwrap()[0];
    assert!(hit.snippet.contains("[五輪]"), "{}", hit.snippet);
}

#[test]
fn the_command_line_speaks_the_same_language_and_json() {
    let dir = tempfile::tempdir().unwrap();
    drop(library(dir.path()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(dir.path().join("lib.sqlite"))
        .args(["search", "--json", "source:\"Harbour Herald\"", "year:2018"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], PORT);
    assert_eq!(rows[0]["published"], "2018-04-26T17:23:00");
}

#[test]
fn more_like_this_finds_the_other_piece_on_the_same_subject() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let sahel = lib.search("title:Sahel water", &Filter::default()).unwrap()[0]
        .summary
        .id;
    let similar = lib.more_like_this(sahel, 5).unwrap();
    assert!(similar.iter().all(|h| h.summary.id != sahel), "not itself");
    assert_eq!(
        similar.first().and_then(|h| h.summary.title.as_deref()),
        Some("Schools are the first casualty in the Sahel"),
        "{:?}",
        similar
            .iter()
            .map(|h| h.summary.title.clone())
            .collect::<Vec<_>>()
    );
}

#[test]
fn saved_searches_keep_their_query_and_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    lib.save_search("Korean peninsula", "Pyongyang OR Seoul", Place::Trash)
        .unwrap();
    lib.save_search("korean PENINSULA", "Pyongyang", Place::Recent)
        .unwrap();
    let saved = lib.saved_searches().unwrap();
    assert_eq!(
        saved.len(),
        1,
        "the same name, whatever its case, is one saved search"
    );
    assert_eq!(saved[0].query, "Pyongyang");
    assert_eq!(saved[0].place, Place::Recent);
    lib.delete_saved_search(saved[0].id).unwrap();
    assert!(lib.saved_searches().unwrap().is_empty());
    assert!(lib.save_search("  ", "x", Place::All).is_err());
}

fn titles_within(library: &Library, query: &str, filter: &Filter) -> Vec<String> {
    sorted_titles(library.search(query, filter).unwrap())
}

#[test]
fn a_narrow_ranking_window_widens_until_the_page_is_full() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let big_page = Filter {
        limit: Some(1000),
        ..Filter::default()
    };
    let everything = titles_within(&lib, "the", &big_page);
    assert!(everything.len() > 10, "{everything:?}");
    let harbour = titles_within(&lib, "the source:\"Harbour Herald\"", &big_page);

    lib.set_ranking_window(2);
    assert_eq!(titles_within(&lib, "the", &big_page), everything);
    let page_of_three = Filter {
        limit: Some(3),
        ..Filter::default()
    };
    assert_eq!(lib.search("the", &page_of_three).unwrap().len(), 3);
    // A filter the newest matches do not meet still finds the older ones.
    assert_eq!(
        titles_within(&lib, "the source:\"Harbour Herald\"", &big_page),
        harbour
    );
    assert_eq!(harbour, [KOREA_BIRTHS, PORT]);
}

#[test]
fn the_index_follows_notes_corrections_and_deletions() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let id = lib.search("\"container terminal\"", &Filter::default()).unwrap()[0]
        .summary
        .id;

    lib.set_note(id, "Ask the dockers' union about overtime.")
        .unwrap();
    finds(&lib, "note:dockers", &[PORT]);
    finds(&lib, "dockers", &[PORT]);
    lib.set_note(id, "Rewritten: compare freight rates.").unwrap();
    finds(&lib, "dockers", &[]);
    finds(&lib, "note:freight", &[PORT]);
    lib.set_note(id, "").unwrap();
    finds(&lib, "note:freight", &[]);

    let mut details = lib.get_article(id).unwrap().meta;
    details.title = Some("Dockers and growers reach a truce".into());
    lib.update_details(id, &details).unwrap();
    finds(&lib, "truce", &["Dockers and growers reach a truce"]);
    finds(&lib, "title:harvest", &[]);
    finds(&lib, "container terminal", &["Dockers and growers reach a truce"]);

    lib.trash(id).unwrap();
    finds(&lib, "truce", &[]);
    lib.purge(id).unwrap();
    let report = lib.check().unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

/// The titles found while `query` is being typed.
fn typed_titles(library: &Library, query: &str) -> Vec<String> {
    sorted_titles(
        library
            .search_as_typed(query, &Filter::default())
            .unwrap_or_else(|e| panic!("{query}: {e}")),
    )
}

#[test]
fn a_word_being_typed_is_found_in_notes_comments_and_accented_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let id = lib.search("\"container terminal\"", &Filter::default()).unwrap()[0]
        .summary
        .id;
    // No fixture has a word that starts with "zq" or "xyl".
    assert!(typed_titles(&lib, "zq").is_empty());
    lib.set_note(id, "Zqa remark about the Xylophone Quay.").unwrap();
    assert_eq!(typed_titles(&lib, "zq"), [PORT]);
    assert_eq!(typed_titles(&lib, "XYL"), [PORT], "case does not matter");
    lib.set_note(id, "").unwrap();
    assert!(
        typed_titles(&lib, "zq").is_empty(),
        "an emptied note is forgotten"
    );

    let body = lib.get_article(id).unwrap().meta.body;
    let passage: String = body.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    let highlight = lib
        .add_highlight_of(id, &passage, HighlightColor::Yellow, Some("Écoutez the Zqueen"))
        .unwrap();
    assert_eq!(typed_titles(&lib, "zqu"), [PORT]);
    // Accents are folded either way round.
    assert_eq!(typed_titles(&lib, "éco"), typed_titles(&lib, "eco"));
    assert!(typed_titles(&lib, "eco").contains(&PORT.to_string()));
    lib.delete_highlight(highlight.id).unwrap();
    assert!(typed_titles(&lib, "zqu").is_empty());

    let report = lib.check().unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

#[test]
fn a_library_from_before_the_word_start_index_finds_words_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    {
        let mut old = Library::open_at_version(&path, Some(6)).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let report = import_paths(
            &mut old,
            &[root.join("tests/fixtures/clippings")],
            &AtomicBool::new(false),
            |_, _| {},
        )
        .unwrap();
        assert!(report.imported() > 0);
    }
    let lib = Library::open(&path).unwrap();
    assert_eq!(
        typed_titles(&lib, "Mongolia nei"),
        ["How Mongolia balances its two giant neighbours"]
    );
    assert!(typed_titles(&lib, "de").len() > typed_titles(&lib, "desalin").len());
    let report = lib.check().unwrap();
    assert!(report.is_healthy(), "{report:?}");
}

/// The ids of the articles that hold what `query` asks, as the full-text
/// index itself answers it: the conditions the sidebar counts under a
/// search.
fn ids_the_index_finds(library: &Library, query: &str) -> std::collections::BTreeSet<i64> {
    let filter = Filter {
        conditions: folio::library::search_conditions(query),
        ..Filter::default()
    };
    library.list_ids(&filter).unwrap().into_iter().collect()
}

#[test]
fn a_longer_word_being_typed_is_read_in_the_texts_and_found_as_the_index_finds_it() {
    use folio::devtools::generate::{Plan, generate};
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let plan = Plan {
        articles: 2_600,
        seed: 5,
        tags: 10,
    };
    generate(&mut lib, &plan, |_| {}).unwrap();
    // The oldest article: a word no text holds, in its note, and a word
    // beginning with "the" (which every article has) that only it holds.
    let oldest = *lib.list_ids(&Filter::default()).unwrap().iter().min().unwrap();
    lib.set_note(oldest, "Surveyed with a Theodolite, Zqxwell said.")
        .unwrap();

    let page = Filter {
        limit: Some(50),
        ..Filter::default()
    };
    for typed in [
        "elec", "electi", "minist", "ÉCONOM", "governm", "zqxw", "theodol", "thexq",
    ] {
        let hits = lib.search_as_typed(typed, &page).unwrap();
        let found: std::collections::BTreeSet<i64> = hits.iter().map(|h| h.summary.id).collect();
        let exact = ids_the_index_finds(&lib, typed);
        assert!(
            found.is_subset(&exact),
            "{typed}: found what the index does not hold"
        );
        assert_eq!(
            found.len(),
            exact.len().min(50),
            "{typed}: a page, or all there are"
        );
        assert_eq!(found.len(), hits.len(), "{typed}: each once");
    }
    // Found in the note only, behind thousands of newer articles that begin
    // a word with the same letters.
    let hits = lib.search_as_typed("theodol", &page).unwrap();
    assert_eq!(hits.iter().map(|h| h.summary.id).collect::<Vec<_>>(), [oldest]);
    assert_eq!(hits[0].found_in, folio::model::FoundIn::Note);
    assert!(hits[0].snippet.contains("[Theodolite]"), "{}", hits[0].snippet);

    // Ranked by the word: one in a title counts ten times one in the text.
    let hits = lib.search_as_typed("minist", &page).unwrap();
    let in_title = |h: &SearchHit| {
        h.summary
            .title
            .as_deref()
            .unwrap_or_default()
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with("minist"))
    };
    let titled = hits.iter().filter(|h| in_title(h)).count();
    assert!(titled >= 10 && titled < hits.len(), "the data has both kinds");
    assert!(
        hits.iter().take(10).all(in_title),
        "the best hold the word in their titles: {:?}",
        hits.iter().map(|h| h.summary.title.clone()).collect::<Vec<_>>()
    );
    let newest_first = lib.search_as_typed("min", &page).unwrap();
    assert!(
        !newest_first.iter().take(10).all(in_title),
        "a word's start alone lists the newest first"
    );
}

#[test]
fn every_article_of_a_batch_is_indexed_at_its_end_and_later_ones_as_they_come() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    // Each stored article is found by its own title's longest word.
    let every = |lib: &Library| {
        for id in lib.list_ids(&Filter::default()).unwrap() {
            let title = lib.get_article(id).unwrap().meta.title.unwrap_or_default();
            let Some(word) = title
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 5)
                .max_by_key(|w| w.chars().count())
            else {
                continue;
            };
            let found = lib.search(&format!("title:{word}"), &Filter::default()).unwrap();
            assert!(found.iter().any(|h| h.summary.id == id), "{word} finds {title}");
        }
    };
    every(&lib);
    // A note written after the batch reaches the index through its trigger.
    let id = lib.list_ids(&Filter::default()).unwrap()[0];
    lib.set_note(id, "Quorvantine remark").unwrap();
    assert_eq!(lib.search("quorvantine", &Filter::default()).unwrap().len(), 1);
    // A second batch, one of its files a duplicate of the first's.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let again = import_paths(
        &mut lib,
        &[root.join("tests/fixtures/clippings")],
        &AtomicBool::new(false),
        |_, _| {},
    )
    .unwrap();
    assert_eq!(again.imported(), 0, "every clipping is there already");
    every(&lib);
    let report = lib.check().unwrap();
    assert!(report.is_healthy(), "{report:?}");
}
