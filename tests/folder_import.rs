//! A folder of 1,000 files of every kind a user saves, some of them broken:
//! the import shows its progress, reports every file (a broken one with its
//! reason), reads each format's fields, and a second run adds nothing.

use folio::devtools::generate::{Articles, Plan, as_clipping};
use folio::ingest::pipeline::{Outcome, import_paths};
use folio::library::Filter;
use folio::library::Library;
use folio::model::ExtractedArticle;
use std::path::Path;
use std::sync::atomic::AtomicBool;

const FILES: usize = 1_000;

fn as_saved_page(a: &ExtractedArticle) -> String {
    let paragraphs: String = a.body.split("\n\n").map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{title} | {source}</title>\
         <meta property=\"og:site_name\" content=\"{source}\">\
         <meta property=\"article:published_time\" content=\"{date}T06:00:00Z\"></head>\
         <body><header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>\
         <li><a href=\"/opinion\">Opinion</a></li></ul></nav></header>\
         <main><article><h1>{title}</h1><p class=\"byline\">By {author}</p>\n{paragraphs}</article>\
         <aside><h2>Most read</h2><ul><li><a href=\"/a\">Another story of the day</a></li></ul></aside></main>\
         <footer>© {source}</footer></body></html>",
        title = a.title.as_deref().unwrap_or(""),
        source = a.source.as_deref().unwrap_or(""),
        date = a.published.map(|p| p.date.to_string()).unwrap_or_default(),
        author = a.authors.first().map(String::as_str).unwrap_or(""),
    )
}

fn as_markdown(a: &ExtractedArticle) -> String {
    format!(
        "---\ntitle: \"{}\"\ndate: {}\nsource: {}\ntags: [saved, reading]\n---\n\n{}\n",
        a.title.as_deref().unwrap_or("").replace('"', "'"),
        a.published.map(|p| p.date.to_string()).unwrap_or_default(),
        a.source.as_deref().unwrap_or(""),
        a.body
    )
}

/// A broken file's name and words its reason must contain.
type BrokenFile = (String, &'static str);

/// Writes the folder: clippings, saved pages, Markdown notes and broken
/// files, across nested folders, with hidden files and a page's `_files`
/// folder that must be skipped. Returns the articles written, by file name.
fn write_folder(root: &Path) -> (Vec<(String, ExtractedArticle)>, Vec<BrokenFile>) {
    let mut articles = Articles::new(&Plan {
        articles: FILES,
        seed: 42,
        tags: 20,
    });
    let broken: Vec<(String, Vec<u8>, &'static str)> = vec![
        ("empty.txt".into(), Vec::new(), "empty"),
        (
            "photo.html".into(),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "not an article",
        ),
        (
            "menu-only.html".into(),
            b"<html><body><nav>Home</nav></body></html>".to_vec(),
            "no article text",
        ),
        ("zeros.md".into(), vec![0u8; 4096], "not an article"),
    ];
    let mut written = Vec::new();
    let mut failing = Vec::new();
    for n in 0..FILES - broken.len() {
        let (article, _) = articles.next_article();
        let folder = root
            .join(format!("batch-{}", n % 7))
            .join(if n % 3 == 0 { "deeper" } else { "" });
        std::fs::create_dir_all(&folder).unwrap();
        let (name, content) = match n % 10 {
            0..=5 => (format!("clipping-{n:04}.txt"), as_clipping(&article)),
            6..=8 => (format!("page-{n:04}.html"), as_saved_page(&article)),
            _ => (format!("note-{n:04}.md"), as_markdown(&article)),
        };
        std::fs::write(folder.join(&name), content).unwrap();
        written.push((name, article));
    }
    for (name, bytes, reason) in broken {
        std::fs::write(root.join(&name), bytes).unwrap();
        failing.push((name, reason));
    }
    // Never imported, but named in the report as skipped: hidden files and
    // the folder a browser saves beside a page.
    std::fs::write(root.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    let page_files = root.join("batch-0/page-0006_files");
    std::fs::create_dir_all(&page_files).unwrap();
    std::fs::write(
        page_files.join("frame.html"),
        "<html><body><p>an advert frame</p></body></html>",
    )
    .unwrap();
    (written, failing)
}

#[test]
fn a_thousand_mixed_files_import_with_progress_and_a_second_run_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("saved");
    let (written, failing) = write_folder(&root);
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();

    let mut progress = Vec::new();
    let report = import_paths(
        &mut library,
        std::slice::from_ref(&root),
        &AtomicBool::new(false),
        |p, _| progress.push((p.done, p.total)),
    )
    .unwrap();

    // Progress climbs to every file, and only the files: nothing hidden.
    assert!(progress.len() >= 3, "progress was shown {} times", progress.len());
    assert!(progress.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(progress.last(), Some(&(FILES, FILES)));
    assert_eq!(
        report.files.len(),
        FILES + 2,
        "every file, and the two left alone"
    );
    let skipped: Vec<String> = report
        .files
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Skipped { .. }))
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(skipped, [".DS_Store", "page-0006_files"]);

    // Each broken file is named with its reason; everything else is in.
    for (name, reason) in &failing {
        let line = report.files.iter().find(|f| f.path.ends_with(name)).unwrap();
        match &line.outcome {
            Outcome::Failed { reason: said } => assert!(said.contains(reason), "{name}: {said}"),
            other => panic!("{name} should have failed: {other:?}"),
        }
    }
    assert_eq!(report.failed(), failing.len(), "{}", report.summary_line());
    assert_eq!(report.imported() + report.duplicates(), written.len());
    assert!(report.imported() > 950, "{}", report.summary_line());

    // Each format's fields were read: the saved pages' titles without the
    // site's name, the Markdown's front matter with its tags.
    for (name, article) in written.iter().step_by(37) {
        let line = report.files.iter().find(|f| f.path.ends_with(name)).unwrap();
        let Outcome::Imported { id, .. } = line.outcome else {
            continue;
        };
        let stored = library.get_article(id).unwrap();
        assert_eq!(stored.meta.title.as_ref(), article.title.as_ref(), "{name}");
        assert_eq!(
            stored.meta.published.map(|p| p.date),
            article.published.map(|p| p.date),
            "{name}"
        );
        assert_eq!(stored.meta.source, article.source, "{name}");
        if name.ends_with(".md") {
            assert!(
                stored.tags.iter().any(|t| t == "reading"),
                "{name}: {:?}",
                stored.tags
            );
        }
    }

    // The same folder again: every file is already in the library.
    let again = import_paths(&mut library, &[root], &AtomicBool::new(false), |_, _| {}).unwrap();
    assert_eq!(again.imported(), 0, "{}", again.summary_line());
    assert_eq!(again.failed(), failing.len());
    assert_eq!(
        library.count(&Filter::default()).unwrap(),
        report.imported(),
        "{}",
        again.summary_line()
    );
}
