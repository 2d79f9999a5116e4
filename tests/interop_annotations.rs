//! wallabag entries with annotations, as wallabag's API gives them
//! (`../shared/interop/wallabag-annotations/`, files wallabag wrote for its
//! own tests): each annotation arrives as a highlight of the passage it
//! quotes, with its comment, also when the quote was copied with a no-break
//! space that the stored text no longer has.

mod common;

use common::folio;
use folio::library::{Filter, Library};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn interop(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/interop/wallabag-annotations")
        .join(name)
}

/// The entries of a file, and each one's annotations as (quote, comment),
/// read by the test itself.
fn annotations_in(file: &Path) -> Vec<Vec<(String, String)>> {
    let entries: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["annotations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| {
                    (
                        a["quote"].as_str().unwrap().to_string(),
                        a["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

/// Imports `name` into a fresh library; the library and the one article.
fn imported(name: &str) -> (tempfile::TempDir, folio::model::Article) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let (ok, text) = folio(&lib, &["import", interop(name).to_str().unwrap()]);
    assert!(ok, "{text}");
    assert!(text.contains("1 imported"), "{text}");
    let library = Library::open(&lib).unwrap();
    let listed = library.list(&Filter::default()).unwrap();
    assert_eq!(listed.len(), 1);
    let article = library.get_article(listed[0].id).unwrap();
    (dir, article)
}

#[test]
fn a_quote_with_a_no_break_space_marks_the_passage_in_the_text() {
    let file = interop("wallabag-nbsp.json");
    let expected = annotations_in(&file).remove(0);
    assert!(expected.iter().any(|(quote, _)| quote.contains('\u{a0}')));
    let (_dir, article) = imported("wallabag-nbsp.json");
    assert_eq!(article.highlights.len(), expected.len());
    for (quote, comment) in &expected {
        let found = article
            .highlights
            .iter()
            .find(|h| h.comment.as_deref() == Some(comment.as_str()))
            .unwrap_or_else(|| panic!("no highlight with the comment “{comment}”"));
        assert!(!found.detached, "“{quote}” was left detached");
        let marked: String = article
            .meta
            .body
            .chars()
            .skip(found.start)
            .take(found.end - found.start)
            .collect();
        assert_eq!(marked, found.quote);
        assert_eq!(
            marked.split_whitespace().collect::<Vec<_>>(),
            quote.split_whitespace().collect::<Vec<_>>()
        );
    }
}

#[test]
fn annotations_of_an_entry_with_its_content_are_highlights_of_it() {
    let file = interop("wallabag-api-entry-with-content.json");
    let expected = annotations_in(&file).remove(0);
    let (_dir, article) = imported("wallabag-api-entry-with-content.json");
    assert_eq!(article.highlights.len(), expected.len());
    // Each quote the content holds is marked there; one it does not is
    // kept, detached, with its quote, never dropped.
    for (quote, comment) in &expected {
        let h = article
            .highlights
            .iter()
            .find(|h| h.comment.as_deref() == Some(comment.as_str()))
            .unwrap_or_else(|| panic!("no highlight with the comment “{comment}”"));
        let in_text = article.meta.body.contains(quote.as_str());
        assert_eq!(!h.detached, in_text, "{quote}");
        assert_eq!(&h.quote, quote);
    }
}

#[test]
fn annotations_of_an_entry_without_content_are_kept_detached_on_the_link() {
    let file = interop("wallabag-api-entry.json");
    let expected = annotations_in(&file).remove(0);
    let (_dir, article) = imported("wallabag-api-entry.json");
    assert!(article.provenance.link_only);
    assert_eq!(article.highlights.len(), expected.len());
    assert!(article.highlights.iter().all(|h| h.detached));
    let quotes: Vec<_> = article.highlights.iter().map(|h| h.quote.clone()).collect();
    let expected_quotes: Vec<_> = expected.iter().map(|(q, _)| q.clone()).collect();
    assert_eq!(quotes, expected_quotes);
}

#[test]
fn the_command_line_highlights_a_passage_typed_with_a_no_break_space() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let clipping = dir.path().join("editorial.txt");
    std::fs::write(
        &clipping,
        "Le pari du gouvernement\n\nPar la rédaction\n\nMon but : ne pas céder, a dit la ministre devant l'Assemblée nationale mardi. \
         Le texte reviendra au Sénat en janvier, et la majorité reste fragile sur ce point précis du budget.\n",
    )
    .unwrap();
    let (ok, text) = folio(&lib, &["import", clipping.to_str().unwrap()]);
    assert!(ok, "{text}");
    let (ok, text) = folio(&lib, &["highlight", "1", "Mon but\u{a0}: ne pas"]);
    assert!(ok, "{text}");
    let library = Library::open(&lib).unwrap();
    let article = library.get_article(1).unwrap();
    assert_eq!(article.highlights.len(), 1);
    assert_eq!(article.highlights[0].quote, "Mon but : ne pas");
}
