//! A link arriving for an article the library already has (the same
//! address, in any of its forms) is merged into it: tags, read state,
//! star, saved date added; the same export imported again after items were
//! archived there updates their state; nothing is copied twice.

mod common;

use common::folio;
use folio::library::{Filter, Library};
use std::path::Path;

const ADDRESS: &str = "https://www.harbour-herald.test/2019/dockers-walk-out";

/// A wallabag export of one article with its text, at [`ADDRESS`].
fn full_article(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("wallabag.json");
    let content = "<p>The dockers walked out at dawn, and by noon the port authority had answered with an offer \
        that the union called an insult to every family on the quayside.</p>\
        <p>Both sides now say the other must move first; the ships wait in the roads.</p>";
    let entry = serde_json::json!([{
        "title": "Dockers walk out",
        "url": ADDRESS,
        "content": content,
        "tags": [{"label": "labour"}],
        "created_at": "2019-03-02T09:00:00+0000",
    }]);
    std::fs::write(&path, entry.to_string()).unwrap();
    path
}

/// Pocket's CSV of links, one row per (address, tags, status).
fn pocket_csv(dir: &Path, name: &str, rows: &[(&str, &str, &str)]) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut text = String::from("title,url,time_added,tags,status\n");
    for (url, tags, status) in rows {
        text.push_str(&format!("Dockers walk out,{url},1551600000,{tags},{status}\n"));
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn import(lib: &Path, file: &Path) -> String {
    let (ok, text) = folio(lib, &["import", file.to_str().unwrap()]);
    assert!(ok, "{text}");
    text
}

#[test]
fn a_link_merges_into_the_article_at_its_address_and_a_later_import_updates_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    import(&lib, &full_article(dir.path()));

    // Another form of the same address: http, no www, Pocket's tracking.
    let other_form = "http://harbour-herald.test/2019/dockers-walk-out/?utm_source=pocket_mylist";
    let first = pocket_csv(
        dir.path(),
        "pocket.csv",
        &[(other_form, "ports|labour", "unread")],
    );
    let text = import(&lib, &first);
    assert!(
        text.contains("merged into #1: tags added: ports; now unread\n"),
        "{text}"
    );
    assert!(
        text.ends_with("0 imported, 1 merged into articles already here, 0 duplicates, 0 failed\n"),
        "{text}"
    );
    // The same export again: nothing new, a duplicate.
    assert!(import(&lib, &first).ends_with("0 imported, 1 duplicate, 0 failed\n"));
    // Archived in Pocket since: the state follows.
    let later = pocket_csv(
        dir.path(),
        "pocket-later.csv",
        &[(other_form, "ports", "archive")],
    );
    assert!(import(&lib, &later).contains("merged into #1: now archived"));

    let library = Library::open(&lib).unwrap();
    assert_eq!(library.count(&Filter::default()).unwrap(), 1);
    let article = library.get_article(1).unwrap();
    assert!(!article.provenance.link_only, "the text stays");
    assert_eq!(article.tags, ["labour", "ports"]);
    assert_eq!(article.provenance.read_state.as_deref(), Some("archived"));
    assert_eq!(
        article.provenance.saved_at.as_deref(),
        Some("2019-03-02T09:00:00Z")
    );
}

#[test]
fn the_same_link_twice_in_one_export_is_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let csv = pocket_csv(
        dir.path(),
        "pocket.csv",
        &[(ADDRESS, "ports", "unread"), (ADDRESS, "labour", "archive")],
    );
    let text = import(&lib, &csv);
    assert!(
        text.contains("merged into #1: tags added: labour; now archived"),
        "{text}"
    );
    let library = Library::open(&lib).unwrap();
    assert_eq!(library.count(&Filter::default()).unwrap(), 1);
    let article = library.get_article(1).unwrap();
    assert!(article.provenance.link_only);
    assert_eq!(article.tags, ["labour", "ports"]);
}
