//! Highlights and notes: anchored to the text through corrections, found by
//! search, and exported as Markdown and W3C Web Annotation JSON.

use folio::annotate::export::{article_markdown, web_annotations};
use folio::ingest::pipeline::import_paths;
use folio::library::Filter;
use folio::library::Library;
use folio::model::FoundIn;
use folio::model::HighlightColor;
mod common;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;

fn harbour_library(dir: &Path) -> (Library, i64) {
    let mut library = Library::open(&dir.join("lib.sqlite")).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings/harbour_editorial_en.txt");
    let report = import_paths(&mut library, &[fixture], &AtomicBool::new(false), |_, _| {}).unwrap();
    let id = report.new_ids()[0];
    (library, id)
}

fn quotes(library: &Library, id: i64) -> Vec<(String, bool)> {
    library
        .highlights_of(id)
        .unwrap()
        .into_iter()
        .map(|h| (h.quote, h.detached))
        .collect()
}

#[test]
fn highlights_follow_the_text_through_corrections_and_a_lost_one_is_kept_detached() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, id) = harbour_library(dir.path());
    library
        .add_highlight_of(
            id,
            "the patience of exporters is running out",
            HighlightColor::Yellow,
            None,
        )
        .unwrap();
    library
        .add_highlight_of(
            id,
            "appoint an independent mediator",
            HighlightColor::Green,
            Some("Who would it be?"),
        )
        .unwrap();
    let body = library.get_article(id).unwrap().meta.body;

    // Text inserted before both, inside the second, and after both.
    let corrected = format!(
        "Editor's note: this editorial was updated on Friday.\n\n{}\n\nLetters: write to the editor.",
        body.replace(
            "appoint an independent mediator",
            "appoint an experienced, independent mediator"
        )
    );
    let outcome = library.set_body(id, &corrected).unwrap();
    assert_eq!((outcome.found, outcome.detached), (2, 0));
    assert_eq!(
        quotes(&library, id),
        [
            ("the patience of exporters is running out".to_string(), false),
            ("appoint an experienced, independent mediator".to_string(), false)
        ]
    );
    // The offsets point at the quote in the new text.
    let article = library.get_article(id).unwrap();
    for h in &article.highlights {
        let at: String = article
            .meta
            .body
            .chars()
            .skip(h.start)
            .take(h.end - h.start)
            .collect();
        assert_eq!(at, h.quote);
    }

    // The first passage rewritten beyond recognition: kept, detached, quote and all.
    let rewritten = corrected.replace(
        "The strike at the container terminal has now entered its third week, and the patience of exporters is running out as the harvest season approaches.",
        "Three weeks into the strike, shippers are losing money every day.",
    );
    let outcome = library.set_body(id, &rewritten).unwrap();
    assert_eq!((outcome.found, outcome.detached), (1, 1));
    assert_eq!(
        quotes(&library, id),
        [
            ("appoint an experienced, independent mediator".to_string(), false),
            ("the patience of exporters is running out".to_string(), true)
        ]
    );
    assert!(library.check().unwrap().is_healthy());
}

#[test]
fn colours_comments_and_removal_can_be_changed_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, id) = harbour_library(dir.path());
    let h = library
        .add_highlight_of(id, "legitimate grievances", HighlightColor::Yellow, None)
        .unwrap();
    // A colour is named as the user types it; one Folio does not have is refused.
    assert!(
        "orange".parse::<HighlightColor>().is_err(),
        "not a colour Folio has"
    );
    let changed = library
        .update_highlight(h.id, "Pink".parse().unwrap(), Some("  both sides  "))
        .unwrap();
    assert_eq!(
        (changed.color.as_str(), changed.comment.as_deref()),
        ("pink", Some("both sides"))
    );
    let removed = library.delete_highlight(h.id).unwrap();
    assert!(library.highlights_of(id).unwrap().is_empty());
    library.restore_highlight(&removed).unwrap();
    assert_eq!(library.highlights_of(id).unwrap(), [changed]);
    assert!(
        library
            .add_highlight(id, 5, 5, HighlightColor::Yellow, None)
            .is_err(),
        "nothing selected"
    );
    assert!(
        library
            .add_highlight_of(id, "not in this article", HighlightColor::Yellow, None)
            .is_err()
    );
    assert!(library.check().unwrap().is_healthy());
}

#[test]
fn search_finds_words_in_notes_and_highlight_comments_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, id) = harbour_library(dir.path());
    library
        .add_highlight_of(
            id,
            "legitimate grievances",
            HighlightColor::Blue,
            Some("Compare the overtime rules of 2016."),
        )
        .unwrap();
    library
        .set_note(id, "Ask the **dockworkers' union** for its figures.")
        .unwrap();
    // A second note write goes through the upsert path of the index triggers.
    library
        .set_note(id, "Ask the union for its wage figures.")
        .unwrap();

    let hit = &library.search("overtime", &Filter::default()).unwrap()[0];
    assert_eq!(hit.summary.id, id);
    assert_eq!(hit.found_in, FoundIn::HighlightComment);
    assert!(hit.snippet.contains("[overtime]"), "{}", hit.snippet);

    let hit = &library.search("note:wage", &Filter::default()).unwrap()[0];
    assert_eq!(hit.found_in, FoundIn::Note);
    assert!(hit.snippet.contains("[wage]"), "{}", hit.snippet);
    assert!(library.search("note:overtime", &Filter::default()).unwrap().len() == 1);

    let hit = &library.search("mediator", &Filter::default()).unwrap()[0];
    assert_eq!(hit.found_in, FoundIn::Text);

    // A removed comment is no longer found.
    let h = library.highlights_of(id).unwrap()[0].clone();
    library
        .update_highlight(h.id, HighlightColor::Blue, None)
        .unwrap();
    assert!(library.search("overtime", &Filter::default()).unwrap().is_empty());
    assert!(library.check().unwrap().is_healthy());
    drop(library);

    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(dir.path().join("lib.sqlite"))
        .args(["search", "wage"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(in your note)") && text.contains("[wage]"),
        "{text}"
    );
}

#[test]
fn an_article_with_three_highlights_and_a_note_exports_as_markdown_and_web_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, id) = harbour_library(dir.path());
    library
        .add_highlight_of(
            id,
            "the patience of exporters is running out",
            HighlightColor::Yellow,
            None,
        )
        .unwrap();
    library
        .add_highlight_of(
            id,
            "neither has shown the flexibility that a settlement requires",
            HighlightColor::Green,
            Some("The heart of it."),
        )
        .unwrap();
    library
        .add_highlight_of(
            id,
            "appoint an independent mediator this week",
            HighlightColor::Pink,
            Some("Who?\nAnd paid by whom?"),
        )
        .unwrap();
    library
        .set_note(
            id,
            "A fair editorial.\n\n- check the union's reply\n- compare 2016",
        )
        .unwrap();
    let article = library.get_article(id).unwrap();

    let markdown = article_markdown(&article, 1);
    let expected_start = "# Port strike must end before the harvest ships arrive\n\n*The Harbour Herald";
    assert!(markdown.starts_with(expected_start), "{markdown}");
    assert!(
        markdown.contains("> the patience of exporters is running out\n\n> neither"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "> neither has shown the flexibility that a settlement requires\n\nThe heart of it.\n\n"
        )
    );
    assert!(
        markdown
            .contains("Who?\nAnd paid by whom?\n\n## Note\n\nA fair editorial.\n\n- check the union's reply")
    );
    std::fs::write(dir.path().join("annotations.md"), &markdown).unwrap();

    let json = web_annotations(&[article]);
    assert_eq!(json["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(json["type"], "AnnotationCollection");
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 4, "three highlights and the note");
    assert_eq!(json["total"], 4);
    for item in items {
        // The model's required properties: an IRI id, the type, a target.
        assert!(item["id"].as_str().unwrap().starts_with("urn:folio:"));
        assert_eq!(item["type"], "Annotation");
        assert!(!item["target"].is_null());
    }
    let selectors = items[1]["target"]["selector"].as_array().unwrap();
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(
        selectors[0]["exact"],
        "neither has shown the flexibility that a settlement requires"
    );
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    assert!(selectors[1]["start"].as_u64() < selectors[1]["end"].as_u64());
    assert_eq!(items[1]["body"][0]["value"], "The heart of it.");
    assert_eq!(items[1]["motivation"], "commenting");
    assert_eq!(items[0]["motivation"], "highlighting");
    assert_eq!(items[3]["body"]["format"], "text/markdown");
}

#[test]
fn the_command_line_highlights_corrects_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let (library, id) = harbour_library(dir.path());
    drop(library);
    let lib = dir.path().join("lib.sqlite");
    let folio = |args: &[&str]| common::folio(&lib, args);
    let id = id.to_string();
    let (ok, text) = folio(&[
        "highlight",
        &id,
        "legitimate grievances",
        "--color",
        "green",
        "--comment",
        "Fair.",
    ]);
    assert!(ok && text.contains("“legitimate grievances”"), "{text}");
    let (ok, text) = folio(&["highlight", &id, "legitimate grievances", "--color", "mauve"]);
    assert!(!ok && text.contains("not a highlight colour"), "{text}");

    let new_text = dir.path().join("corrected.txt");
    std::fs::write(&new_text, "Correction.\n\nBoth sides have legitimate grievances.").unwrap();
    let (ok, text) = folio(&["set-text", &id, new_text.to_str().unwrap()]);
    assert!(ok && text.contains("found again: 1, detached: 0"), "{text}");

    let out = dir.path().join("notes.json");
    let (ok, text) = folio(&["annotations", "--format", "json", "--out", out.to_str().unwrap()]);
    assert!(ok, "{text}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["first"]["items"][0]["target"]["selector"][1]["start"], 29);
    let (ok, text) = folio(&["annotations"]);
    assert!(ok && text.contains("> legitimate grievances\n\nFair."), "{text}");
}
