//! Files built to make a reader work in the square of their size (pages of
//! ampersands, of stray `<`, a tag with hundreds of thousands of
//! attributes), and archives that unpack to far more than they hold. Each
//! is read as a reader would read it, in time in proportion to its size (a
//! step that grows with the square of the page takes minutes at these
//! sizes), and what is too large is reported so.

use folio::import::read_fields;
use folio::ingest::pipeline::{Outcome, import_paths};
use folio::library::Library;
use folio::model::ExtractedArticle;
use std::io::Write;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Far longer than any of these pages takes to read in an unoptimised
/// build; a step that grows with the square of the page runs past it.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// What Folio reads in `page`, on a worker thread watched by the guard.
fn read_within_guard(page: String) -> ExtractedArticle {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(read_fields(page.as_bytes(), Some("page.html")).map(|(article, _)| article));
    });
    match result.recv_timeout(HANG_GUARD) {
        Ok(Ok(article)) => article,
        Ok(Err(e)) => panic!("the page was refused: {e}"),
        Err(_) => panic!("still reading the page after {HANG_GUARD:?}"),
    }
}

const PROSE: &[&str] = &[
    "The council voted on Tuesday to rebuild the harbour wall, a project that has been delayed for more than a decade by arguments over its cost.",
    "Residents said they were relieved, though the price of the works remains a matter of fierce local debate and several councillors abstained.",
    "Construction is due to begin in the spring, weather permitting, and should take about two years to finish.",
];

fn article_paragraphs() -> String {
    PROSE.iter().map(|p| format!("<p>{p}</p>\n")).collect()
}

fn page(title: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>")
}

/// Reads a page holding the harbour article in `body`: its headline and
/// every paragraph must be found.
fn assert_reads_the_article_in(body: &str) {
    let article = read_within_guard(page("Harbour wall to be rebuilt", body));
    assert_eq!(article.title.as_deref(), Some("Harbour wall to be rebuilt"));
    for paragraph in PROSE {
        assert!(
            article.body.contains(paragraph),
            "missing {paragraph:?} in a body of {} bytes",
            article.body.len()
        );
    }
}

const HEADLINE: &str = "<h1>Harbour wall to be rebuilt</h1>";

#[test]
fn a_paragraph_of_half_a_million_ampersands_reads_as_written() {
    let count = 500_000;
    let article = read_within_guard(page("Ampersands", &format!("<p>{}</p>", "& ".repeat(count))));
    assert_eq!(article.body, vec!["&"; count].join(" "));
}

#[test]
fn a_page_with_a_million_escaped_ampersands_still_gives_its_article() {
    assert_reads_the_article_in(&format!(
        "<article>{HEADLINE}{}</article><p>{}</p>",
        article_paragraphs(),
        "&amp;".repeat(1_000_000)
    ));
}

#[test]
fn a_tag_with_three_hundred_thousand_attributes_does_not_stop_the_reading() {
    let attributes: String = (0..300_000).map(|i| format!(" data-a{i}=\"v\"")).collect();
    assert_reads_the_article_in(&format!(
        "<div{attributes}>{HEADLINE}{}</div>",
        article_paragraphs()
    ));
}

/// An Omnivore export whose middle article's saved page unpacks to 60 MB
/// (a comment of spaces around a paragraph): a few hundred kilobytes packed.
fn omnivore_zip_with_a_bomb(path: &std::path::Path) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let metadata = serde_json::json!([
        {"slug": "harbour", "title": "Harbour wall to be rebuilt", "url": "https://news.example/harbour", "state": "archived"},
        {"slug": "bomb", "title": "A page of nothing", "url": "https://news.example/bomb"},
        {"slug": "ferry", "title": "Ferry timetable changes", "url": "https://news.example/ferry"},
    ]);
    zip.start_file("metadata_0_to_3.json", options).unwrap();
    zip.write_all(metadata.to_string().as_bytes()).unwrap();
    let ferry = "<p>The ferry to the outer islands will sail twice a day from May, the operator said, \
                 after a winter in which storms cancelled one crossing in three.</p>\
                 <p>Islanders had asked for an earlier morning sailing so that children can reach the \
                 mainland school on time, and the new timetable gives them one.</p>";
    for (slug, body) in [("harbour", article_paragraphs()), ("ferry", ferry.to_string())] {
        zip.start_file(format!("content/{slug}.html"), options).unwrap();
        zip.write_all(page(slug, &body).as_bytes()).unwrap();
    }
    zip.start_file("content/bomb.html", options).unwrap();
    zip.write_all(b"<html><body><!--").unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..60 {
        zip.write_all(&spaces).unwrap();
    }
    zip.write_all(format!("--><p>{}</p></body></html>", PROSE[0]).as_bytes())
        .unwrap();
    zip.finish().unwrap();
}

#[test]
fn an_archive_entry_that_unpacks_past_the_limit_is_reported_too_large_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("omnivore-export.zip");
    omnivore_zip_with_a_bomb(&export);
    assert!(std::fs::metadata(&export).unwrap().len() < 1 << 20);
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let report = import_paths(&mut library, &[export], &AtomicBool::new(false), |_, _| {}).unwrap();
    let outcomes: Vec<(String, &Outcome)> = report
        .files
        .iter()
        .map(|f| {
            (
                f.path.to_string_lossy().rsplit('#').next().unwrap().to_string(),
                &f.outcome,
            )
        })
        .collect();
    assert_eq!(outcomes.len(), 3, "{outcomes:#?}");
    assert!(
        matches!(outcomes[0], (ref n, Outcome::Imported { .. }) if n == "1"),
        "{outcomes:#?}"
    );
    assert!(
        matches!(outcomes[2], (ref n, Outcome::Imported { .. }) if n == "3"),
        "{outcomes:#?}"
    );
    match outcomes[1].1 {
        Outcome::Failed { reason } => assert!(
            reason.contains("content/bomb.html in the zip is too large")
                && reason.contains("the limit is 50 MB"),
            "{reason}"
        ),
        other => panic!("the bomb was not refused: {other:?}"),
    }
    let titles: Vec<String> = library
        .list(&folio::library::Filter::default())
        .unwrap()
        .into_iter()
        .filter_map(|a| a.title)
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles.iter().any(|t| t == "Harbour wall to be rebuilt"),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t == "Ferry timetable changes"),
        "{titles:?}"
    );
}
