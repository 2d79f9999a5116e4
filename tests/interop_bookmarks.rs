//! Bookmark files and link lists other programs wrote for their own tests
//! (`../shared/interop/`, read where they are): every item in each file
//! arrives once or is reported, counted here from the file itself, with
//! its title, link, folders and tags, saved date, state and note; and a
//! file is told by its content, whatever it is named.

mod common;

use common::folio;
use folio::library::{Filter, Library};
use folio::model::Article;
use regex::Regex;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn interop(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/interop")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(interop(name)).unwrap()
}

fn json(name: &str) -> Value {
    serde_json::from_str(&read(name)).unwrap()
}

/// What an import said: its report, and the counts of its last line.
struct Imported {
    text: String,
    imported: usize,
    /// Links for an article already here (the same link twice in a file):
    /// merged into it.
    merged: usize,
    duplicates: usize,
    failed: usize,
}

impl Imported {
    fn lines(&self) -> usize {
        self.imported + self.merged + self.duplicates + self.failed
    }
}

fn import(lib: &Path, file: &Path) -> Imported {
    let (_, text) = folio(lib, &["import", file.to_str().unwrap()]);
    let counts = Regex::new(
        r"(\d+) imported(?:, (\d+) merged into articles already here)?, (\d+) duplicates?, (\d+) failed\n$",
    )
    .unwrap();
    let c = counts
        .captures(&text)
        .unwrap_or_else(|| panic!("no counts in {text}"));
    let n = |i: usize| c.get(i).map_or(0, |m| m.as_str().parse::<usize>().unwrap());
    Imported {
        imported: n(1),
        merged: n(2),
        duplicates: n(3),
        failed: n(4),
        text: text.clone(),
    }
}

/// Imports `name` into a fresh library; every item of the file (`items`,
/// counted by the caller from the file) is a line of the report.
fn import_all(name: &str, items: usize) -> (tempfile::TempDir, Library, Imported) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let imported = import(&lib, &interop(name));
    assert_eq!(imported.lines(), items, "{name}: {}", imported.text);
    let library = Library::open(&lib).unwrap();
    (dir, library, imported)
}

fn by_url(library: &Library, url: &str) -> Article {
    library
        .list(&Filter::default())
        .unwrap()
        .into_iter()
        .map(|a| library.get_article(a.id).unwrap())
        .find(|a| a.meta.url.as_deref().map(|u| u.trim_end_matches('/')) == Some(url.trim_end_matches('/')))
        .unwrap_or_else(|| panic!("no article at {url}"))
}

fn sorted(tags: &[String]) -> Vec<String> {
    let mut tags: Vec<String> = tags.iter().map(|t| t.to_lowercase()).collect();
    tags.sort();
    tags
}

fn tags_of(article: &Article) -> Vec<String> {
    sorted(&article.tags)
}

fn tags(names: &[&str]) -> Vec<String> {
    sorted(&names.iter().map(|t| t.to_string()).collect::<Vec<_>>())
}

/// A Unix time as Folio keeps a saved date.
fn utc(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The links of a Netscape bookmark file, as the test reads them.
fn bookmark_links(text: &str) -> usize {
    Regex::new(r"(?i)<DT>\s*<A\b").unwrap().find_iter(text).count()
}

#[test]
fn each_karakeep_bookmark_file_brings_every_link_with_its_folders_tags_and_dates() {
    let mut seen = 0;
    for entry in std::fs::read_dir(interop("karakeep")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with('k') && name.ends_with(".html")) {
            continue;
        }
        seen += 1;
        let file = format!("karakeep/{name}");
        let text = read(&file);
        let links = bookmark_links(&text);
        if links == 0 {
            // k0318: an ordinary page, read as one (one line, not an item list).
            let (_dir, _library, imported) = import_all(&file, 1);
            assert!(!imported.text.contains(&format!("{name}#")), "{}", imported.text);
            continue;
        }
        let (_dir, library, imported) = import_all(&file, links);
        let line = |n: usize| {
            imported
                .text
                .lines()
                .find(|l| l.contains(&format!("{name}#{n}:")))
                .unwrap_or_else(|| panic!("no line {n}: {}", imported.text))
                .to_string()
        };
        match name.as_str() {
            "k0009.html" => {
                let a = by_url(&library, "https://example.com");
                assert_eq!(a.meta.title.as_deref(), Some("Example Site"));
                assert_eq!(a.provenance.saved_at, Some(utc(1234567890)));
                assert!(a.provenance.link_only);
                assert_eq!(a.provenance.read_state, None);
                assert!(a.tags.is_empty());
            }
            "k0035.html" => {
                let a = by_url(&library, "https://example.com");
                assert_eq!(tags_of(&a), tags(&["tag1", "tag2", "tag3"]));
            }
            "k0052.html" => {
                let a = by_url(&library, "https://example.com");
                assert_eq!(a.meta.title.as_deref(), Some("Nested Bookmark"));
                assert_eq!(tags_of(&a), tags(&["Folder1", "Folder2"]));
                assert_eq!(a.provenance.saved_at, Some(utc(1234567894)));
            }
            // A folder with no name gives no tag; its parent still does.
            "k0082.html" => assert_eq!(
                tags_of(&by_url(&library, "https://example.com")),
                tags(&["Named Folder"])
            ),
            "k0105.html" => {
                assert_eq!(
                    tags_of(&by_url(&library, "https://stackoverflow.com")),
                    tags(&["Tech"])
                );
                let hn = by_url(&library, "https://news.ycombinator.com");
                assert_eq!(tags_of(&hn), tags(&["News"]));
                assert_eq!(hn.meta.title.as_deref(), Some("Hacker News"));
            }
            "k0147.html" => {
                assert_eq!(imported.imported, 2);
                assert_eq!(
                    by_url(&library, "https://example2.com").provenance.saved_at,
                    Some(utc(1234567891))
                );
            }
            "k0166.html" => assert_eq!(
                tags_of(&by_url(&library, "https://example.com")),
                tags(&["Level1", "Level2", "Level3", "Level4"])
            ),
            // The same link twice: the first arrives, the second is merged
            // into it (its folder and tags added; the first's title stays).
            "k0195.html" => {
                let a = by_url(&library, "https://example.com");
                assert_eq!(a.meta.title.as_deref(), Some("First Instance"));
                assert_eq!(tags_of(&a), tags(&["Folder1", "Folder2", "tag1", "tag2"]));
                assert!(
                    line(2).contains("merged into #1: tags added:"),
                    "{}",
                    imported.text
                );
            }
            "k0226.html" => assert_eq!(
                by_url(&library, "https://example.com").note.as_deref(),
                Some("First note")
            ),
            "k0251.html" => {
                let a = by_url(&library, "https://example.com");
                assert_eq!(a.meta.title.as_deref(), Some("No Date Bookmark"));
                assert_eq!(a.provenance.saved_at, None);
            }
            "k0268.html" => {
                assert_eq!(imported.failed, 1);
                assert!(line(1).contains("a bookmark with no link"), "{}", imported.text);
            }
            "k0285.html" => {
                assert!(by_url(&library, "https://root1.com").tags.is_empty());
                assert_eq!(
                    tags_of(&by_url(&library, "https://folder1.com")),
                    tags(&["Folder"])
                );
                assert!(by_url(&library, "https://root2.com").tags.is_empty());
            }
            other => panic!("{other} is new: give it its checks"),
        }
    }
    assert_eq!(seen, 13);
}

/// The lines of a list of links that hold anything.
fn non_empty_lines(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

#[test]
fn a_list_of_links_brings_each_link_with_its_title() {
    let (_dir, library, _) = import_all("karakeep/k0689.txt", non_empty_lines(&read("karakeep/k0689.txt")));
    let github = by_url(&library, "https://github.com");
    assert_eq!(github.meta.title.as_deref(), Some("GitHub"));
    assert!(github.provenance.link_only);
}

#[test]
fn a_list_of_one_link_is_a_link_not_a_clipping() {
    let (_dir, library, imported) =
        import_all("karakeep/k0708.txt", non_empty_lines(&read("karakeep/k0708.txt")));
    assert_eq!(imported.imported, 1);
    assert!(by_url(&library, "https://example.com").provenance.link_only);
}

#[test]
fn a_list_of_links_reports_each_line_that_is_not_one() {
    let text = read("karakeep/k0719.txt");
    let links = text.lines().filter(|l| l.starts_with("https://")).count();
    let (_dir, library, imported) = import_all("karakeep/k0719.txt", non_empty_lines(&text));
    assert_eq!(imported.imported, links);
    assert_eq!(imported.failed, non_empty_lines(&text) - links);
    assert!(
        imported.text.contains("line 4 is not a link: “not a url at all”"),
        "{}",
        imported.text
    );
    assert_eq!(
        by_url(&library, "https://example.com").meta.title.as_deref(),
        Some("Example")
    );
}

#[test]
fn a_list_of_links_with_a_link_twice_keeps_it_once() {
    let (_dir, _library, imported) =
        import_all("karakeep/k0729.txt", non_empty_lines(&read("karakeep/k0729.txt")));
    assert_eq!((imported.imported, imported.merged + imported.duplicates), (1, 1));
}

#[test]
fn linkwarden_collections_nest_into_tags_beside_the_links_own() {
    let file = json("karakeep/linkwarden-export.json");
    let links: usize = file["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["links"].as_array().unwrap().len())
        .sum();
    let (_dir, library, imported) = import_all("karakeep/linkwarden-export.json", links);
    assert_eq!(imported.failed, 0);
    // Next.js is in Frameworks, inside Frontend, inside Tech.
    let next = by_url(&library, "https://nextjs.org");
    assert_eq!(next.meta.title.as_deref(), Some("Next.js"));
    assert_eq!(tags_of(&next), tags(&["Tech", "Frontend", "Frameworks"]));
    let react = by_url(&library, "https://react.dev");
    assert_eq!(tags_of(&react), tags(&["Tech", "Frontend", "js", "ui"]));
    assert_eq!(react.provenance.saved_at.as_deref(), Some("2025-02-15T12:00:00Z"));
}

/// The links of a browser's bookmark tree: entries with `key` (the link).
fn tree_links(node: &Value, key: &str) -> usize {
    let here = usize::from(node.get(key).is_some());
    here + node["children"]
        .as_array()
        .map_or(0, |c| c.iter().map(|n| tree_links(n, key)).sum())
}

#[test]
fn chrome_s_bookmarks_file_with_no_ending_imports_without_its_root_folders_as_tags() {
    let file = json("wallabag/chrome-bookmarks");
    let links: usize = file["roots"]
        .as_object()
        .unwrap()
        .values()
        .map(|root| tree_links(root, "url"))
        .sum();
    let (_dir, library, _) = import_all("wallabag/chrome-bookmarks", links);
    let first = &file["roots"]["bookmark_bar"]["children"][0];
    let a = by_url(&library, first["url"].as_str().unwrap());
    assert_eq!(a.meta.title.as_deref(), first["name"].as_str());
    // "Barre de favoris" is where Chrome puts every bookmark: no tag.
    assert!(a.tags.is_empty(), "{:?}", a.tags);
    // 13118850929335823 µs after 1601-01-01.
    assert_eq!(a.provenance.saved_at, Some(utc(13118850929 - 11644473600)));
}

#[test]
fn firefox_s_backup_brings_its_tags_and_microsecond_dates() {
    let file = json("wallabag/firefox-bookmarks.json");
    let (_dir, library, _) = import_all("wallabag/firefox-bookmarks.json", tree_links(&file, "uri"));
    let tarn = &file["children"][0]["children"][0];
    let a = by_url(&library, tarn["uri"].as_str().unwrap());
    assert_eq!(a.meta.title.as_deref(), tarn["title"].as_str());
    assert_eq!(tags_of(&a), tags(&["test", "tag"]));
    assert_eq!(
        a.provenance.saved_at,
        Some(utc(tarn["dateAdded"].as_i64().unwrap() / 1_000_000))
    );
}

#[test]
fn shaarli_s_bookmark_file_is_its_links_not_one_page() {
    let text = read("wallabag/shaarli-bookmarks.html");
    let (_dir, library, imported) = import_all("wallabag/shaarli-bookmarks.html", bookmark_links(&text));
    assert!(!imported.text.contains("Shaarli export"), "{}", imported.text);
    let a = by_url(
        &library,
        "https://www.20minutes.fr/sport/4002755-20220928-tarn-lapins-ravagent-terrain-match-rugby-doit-etre-annule",
    );
    assert!(
        a.meta
            .title
            .as_deref()
            .unwrap()
            .starts_with("The Legacy of Firefox OS.")
    );
    assert_eq!(tags_of(&a), tags(&["firefoxos"]));
    assert_eq!(a.provenance.saved_at, Some(utc(1686813518)));
    assert!(
        a.note
            .as_deref()
            .unwrap()
            .starts_with("In the two years or so since Mozilla")
    );
}

#[test]
fn pinboard_s_export_with_no_ending_keeps_tags_notes_and_leaves_the_read_state_unknown() {
    let file = json("wallabag/pinboard_export");
    let entries = file.as_array().unwrap();
    let (_dir, library, _) = import_all("wallabag/pinboard_export", entries.len());
    let varnish = &entries[1];
    let a = by_url(&library, varnish["href"].as_str().unwrap());
    assert_eq!(a.meta.title.as_deref(), varnish["description"].as_str());
    assert_eq!(tags_of(&a), tags(&["varnish", "PHP"]));
    assert_eq!(a.provenance.saved_at.as_deref(), Some("2016-10-26T06:43:03Z"));
    assert!(a.note.as_deref().unwrap().starts_with("A few months ago"));
    // toread "no" says it is not waiting to be read; Pinboard has no archive to say more.
    assert_eq!(a.provenance.read_state, None);
}

#[test]
fn delicious_s_export_keeps_tags_and_dates() {
    let name = "wallabag/delicious_export.2021.02.06_21.10.json";
    let file = json(name);
    let entries = file.as_array().unwrap();
    let (_dir, library, _) = import_all(name, entries.len());
    let basket = by_url(&library, "https://addyosmani.com/basket.js/");
    assert_eq!(
        tags_of(&basket),
        tags(&["basket", "javascript", "loader", "localStorage"])
    );
    assert_eq!(basket.provenance.saved_at, Some(utc(1358531607)));
    // An empty tag is no tag.
    assert!(
        by_url(&library, "https://stackoverflow.com/review/")
            .tags
            .is_empty()
    );
}

#[test]
fn elcurator_s_export_keeps_tags_dates_and_its_saved_mark_as_a_star() {
    let file = json("wallabag/elcurator.json");
    let (_dir, library, _) = import_all("wallabag/elcurator.json", file.as_array().unwrap().len());
    let a = by_url(&library, file[0]["url"].as_str().unwrap());
    assert_eq!(a.meta.title.as_deref(), file[0]["title"].as_str());
    assert_eq!(tags_of(&a), tags(&["tag1", "tag2"]));
    assert_eq!(a.provenance.saved_at.as_deref(), Some("2015-09-09T11:10:32Z"));
    assert!(a.provenance.starred);
}

#[test]
fn readability_s_export_keeps_the_archive_and_favourites() {
    let file = json("wallabag/readability.json");
    let entries = file["bookmarks"].as_array().unwrap();
    let (_dir, library, _) = import_all("wallabag/readability.json", entries.len());
    let tweets = by_url(&library, "https://venngage.com/blog/hashtags-are-worthless/");
    assert_eq!(
        tweets.meta.title.as_deref(),
        entries[0]["article__title"].as_str()
    );
    assert_eq!(
        tweets.provenance.saved_at.as_deref(),
        Some("2016-08-25T12:05:00Z")
    );
    assert_eq!(tweets.provenance.read_state.as_deref(), Some("unread"));
    assert!(!tweets.provenance.starred);
    // Favourite, and "No title found" is no title: its link stands instead.
    let albatross = by_url(&library, entries[1]["article__url"].as_str().unwrap());
    assert!(albatross.provenance.starred);
    assert_ne!(albatross.meta.title.as_deref(), Some("No title found"));
    assert_eq!(
        albatross.provenance.saved_at.as_deref(),
        Some("2016-09-08T09:55:58Z")
    );
}

#[test]
fn readability_s_read_export_arrives_archived() {
    let file = json("wallabag/readability-read.json");
    let entries = file["bookmarks"].as_array().unwrap();
    let (_dir, library, _) = import_all("wallabag/readability-read.json", entries.len());
    for entry in entries {
        let a = by_url(&library, entry["article__url"].as_str().unwrap());
        assert_eq!(a.provenance.read_state.as_deref(), Some("archived"));
        assert_eq!(a.meta.title.as_deref(), entry["article__title"].as_str());
    }
}

#[test]
fn wallabag_s_odd_test_files_are_empty_and_say_so() {
    for name in ["wallabag/test.html", "wallabag/test.txt", "wallabag/test.csv"] {
        assert!(
            read(name).is_empty(),
            "{name} is no longer empty: look again at what it is"
        );
        let (_dir, _library, imported) = import_all(name, 1);
        assert_eq!(imported.failed, 1);
        assert!(
            imported.text.contains(": failed: the file is empty"),
            "{}",
            imported.text
        );
    }
}

#[test]
fn a_bookmark_file_imports_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = read("wallabag/shaarli-bookmarks.html");
    let links = bookmark_links(&text);
    for name in ["bookmarks.dat", "bookmarks", "bookmarks.txt"] {
        let copy = dir.path().join(name);
        std::fs::write(&copy, &text).unwrap();
        let imported = import(&dir.path().join(format!("{name}.sqlite")), &copy);
        assert_eq!(
            (imported.imported, imported.lines()),
            (links, links),
            "{name}: {}",
            imported.text
        );
    }
    let pinboard = dir.path().join("pinboard.txt");
    std::fs::copy(interop("wallabag/pinboard_export"), &pinboard).unwrap();
    let imported = import(&dir.path().join("pinboard.sqlite"), &pinboard);
    assert_eq!(
        imported.imported,
        json("wallabag/pinboard_export").as_array().unwrap().len()
    );
}

#[test]
fn a_folder_walk_tries_bookmark_files_link_lists_and_files_with_no_ending() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("migrating");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        interop("wallabag/pinboard_export"),
        folder.join("pinboard_export"),
    )
    .unwrap();
    std::fs::copy(
        interop("wallabag/shaarli-bookmarks.html"),
        folder.join("shaarli.html"),
    )
    .unwrap();
    std::fs::write(
        folder.join("links.txt"),
        "https://example.org/a\nhttps://example.org/b | B\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("clipping.txt"),
        "Harbour strike ends after a week\n\nThe port reopened on Monday after a week in which no ship left \
         the quays, the union said, and the first grain ships sailed at dawn. See also\nhttps://example.org/c\n",
    )
    .unwrap();
    std::fs::write(folder.join("NOTES"), "a note to myself, not an export\n").unwrap();
    let (_, text) = folio(
        &dir.path().join("lib.sqlite"),
        &["import", folder.to_str().unwrap()],
    );
    let pinboard = json("wallabag/pinboard_export").as_array().unwrap().len();
    let shaarli = bookmark_links(&read("wallabag/shaarli-bookmarks.html"));
    for n in 1..=pinboard {
        assert!(text.contains(&format!("pinboard_export#{n}: imported")), "{text}");
    }
    for n in 1..=shaarli {
        assert!(text.contains(&format!("shaarli.html#{n}: imported")), "{text}");
    }
    assert!(text.contains("links.txt#2: imported"), "{text}");
    assert!(text.contains("clipping.txt: imported"), "{text}");
    assert!(
        text.contains("NOTES: skipped: not an article format (no file ending"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{} imported, 0 duplicates, 0 failed",
            pinboard + shaarli + 2 + 1
        )),
        "{text}"
    );
}

#[test]
fn a_file_named_as_an_export_that_is_none_says_which_formats_folio_reads() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("settings.json");
    std::fs::write(&odd, r#"{"theme": "dark", "fontSize": 14}"#).unwrap();
    let imported = import(&dir.path().join("lib.sqlite"), &odd);
    assert_eq!(imported.failed, 1);
    for format in [
        "not an export Folio knows",
        "wallabag",
        "Pinboard",
        "Linkwarden",
        "Firefox",
        "Chrome",
        "Netscape",
        "Pocket",
        "Omnivore",
        "list of links",
    ] {
        assert!(imported.text.contains(format), "{format}: {}", imported.text);
    }
}
