//! Notes clipped with Obsidian's Web Clipper (a note of our own written
//! the way it writes them): the link, the authors, the publication date
//! and the day it was clipped each land where they belong.

mod common;

use common::folio;
use folio::library::{Filter, Library};
use std::path::Path;

#[test]
fn an_obsidian_web_clipper_note_keeps_its_link_authors_and_dates_apart() {
    let note = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes/obsidian-web-clipper.md");
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let (ok, text) = folio(&lib, &["import", note.to_str().unwrap()]);
    assert!(
        ok && text.contains("1 imported, 0 duplicates, 0 failed"),
        "{text}"
    );
    let library = Library::open(&lib).unwrap();
    let id = library.list(&Filter::default()).unwrap()[0].id;
    let article = library.get_article(id).unwrap();
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Harbour towns bet on tidal power")
    );
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://coastal-review.example/2024/03/harbour-tidal-power")
    );
    // The address is no publication's name.
    assert_eq!(article.meta.source, None);
    assert_eq!(article.meta.authors, ["Mara Quist", "Tomas Reyes"]);
    // Published on the 1st, clipped on the 5th: the clipping day is not
    // taken for the publication's.
    assert_eq!(article.meta.published.unwrap().to_iso(), "2024-03-01");
    assert_eq!(
        article.provenance.saved_at.as_deref(),
        Some("2024-03-05T08:12:00Z")
    );
    assert_eq!(article.tags, ["clippings", "energy"]);
    assert!(
        article
            .meta
            .body
            .starts_with("Three small ports on the northern coast")
    );
    assert!(
        article
            .meta
            .body
            .contains("\"We used to pay more for ice than for fuel,\"")
    );
}
