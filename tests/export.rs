//! Exports: the library as JSON and back with nothing lost, and the formats
//! other tools read (Markdown, CSV, CSL-JSON, BibTeX, HTML).

mod common;

use folio::export::formats;
use folio::ingest::pipeline::import_paths;
use folio::library::Filter;
use folio::library::Library;
use folio::model::HighlightColor;
use folio::model::library_export::LibraryExport;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

const SEED: &str = "Japan, U.S. must seize chance of Kim’s offer of talks with South";

use common::{folio, python_reads};

/// Our fixtures and the seed, with everything a user adds: tags, topics, a
/// note, highlights (one detached by a correction) and an article in the trash.
fn annotated_library(dir: &Path) -> PathBuf {
    let path = dir.join("lib.sqlite");
    let mut library = Library::open(&path).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = [
        root.join("tests/fixtures/clippings"),
        root.join("../shared/seeds/000_deebf3aef80def1e.txt"),
    ];
    import_paths(&mut library, &paths, &AtomicBool::new(false), |_, _| {}).unwrap();
    let seed = library.search("Pyongyang", &Filter::default()).unwrap()[0]
        .summary
        .id;
    library
        .change_tags(seed, &["korea".into(), "diplomacy".into()], &[])
        .unwrap();
    let diplomacy = library.topic_id("diplomacy").unwrap();
    library.change_topics(seed, &[diplomacy], &[]).unwrap();
    library
        .set_note(seed, "Compare with the **Yomiuri**.\n\n- who proposed the talks?")
        .unwrap();
    library
        .add_highlight_of(
            seed,
            "opens a window of opportunity",
            HighlightColor::Blue,
            Some("The point."),
        )
        .unwrap();
    library
        .add_highlight_of(
            seed,
            "Japan and the United States should not spare any effort",
            HighlightColor::Yellow,
            None,
        )
        .unwrap();
    let port = library
        .search("\"container terminal\"", &Filter::default())
        .unwrap()[0]
        .summary
        .id;
    library
        .add_highlight_of(port, "legitimate grievances", HighlightColor::Pink, None)
        .unwrap();
    let body = library.get_article(port).unwrap().meta.body.replace(
        "Both the dockworkers' union and the terminal operator have legitimate grievances, but neither has shown the flexibility that a settlement requires.",
        "The union has made a new offer.",
    );
    library.set_body(port, &body).unwrap();
    let desal = library.search("desalination", &Filter::default()).unwrap()[0]
        .summary
        .id;
    library.trash(desal).unwrap();
    // A topic and a tag of the user's own, on no article yet.
    let unused = folio::model::library_export::ExportedTag {
        name: "to read".into(),
        color: Some("#d05050".into()),
    };
    library
        .import_tags_and_topics(&[unused], &["politics › sanctions".into()])
        .unwrap();
    path
}

#[test]
fn the_library_exported_as_json_and_imported_into_an_empty_one_exports_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let lib = annotated_library(dir.path());
    let first = dir.path().join("first.json");
    let (ok, text) = folio(
        &lib,
        &["export", "--format", "json", "--out", first.to_str().unwrap()],
    );
    assert!(ok && text.contains("10 articles exported"), "{text}");

    let copy = dir.path().join("copy.sqlite");
    let (ok, text) = folio(&copy, &["import", first.to_str().unwrap()]);
    assert!(
        ok && text.contains("10 imported, 0 duplicates, 0 failed"),
        "{text}"
    );
    let second = dir.path().join("second.json");
    let (ok, text) = folio(
        &copy,
        &["export", "--format", "json", "--out", second.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let (a, b) = (
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap(),
    );
    assert!(a == b, "the second export differs from the first");

    // Field by field, what the user added came through.
    let export: LibraryExport = serde_json::from_str(&b).unwrap();
    let seed = export
        .articles
        .iter()
        .find(|a| a.title.as_deref() == Some(SEED))
        .unwrap();
    assert_eq!(seed.tags, ["diplomacy", "korea"]);
    assert_eq!(seed.topics, ["politics › diplomacy"]);
    assert!(seed.note.as_ref().unwrap().text.contains("**Yomiuri**"));
    assert_eq!(seed.highlights.len(), 2);
    assert!(seed.countries.contains(&"Japan".to_string()));
    assert!(seed.original.is_some());
    assert_eq!(
        export.articles.iter().filter(|a| a.deleted_at.is_some()).count(),
        1,
        "the trash too"
    );
    assert_eq!(
        export
            .articles
            .iter()
            .flat_map(|a| &a.highlights)
            .filter(|h| h.detached)
            .count(),
        1
    );
    assert_eq!(export.topics, ["politics › sanctions"]);
    assert!(
        export
            .tags
            .iter()
            .any(|t| t.name == "to read" && t.color.as_deref() == Some("#d05050"))
    );

    // The copy is a working library: searchable, healthy, the same again on a second import.
    let copy_library = Library::open(&copy).unwrap();
    assert_eq!(
        copy_library
            .search("note:Yomiuri", &Filter::default())
            .unwrap()
            .len(),
        1
    );
    assert!(copy_library.check().unwrap().is_healthy());
    let original = copy_library.original(seed_id(&copy_library)).unwrap().unwrap();
    assert!(String::from_utf8_lossy(&original.1).contains("Pyongyang"));
    drop(copy_library);
    let (ok, text) = folio(&copy, &["import", first.to_str().unwrap()]);
    assert!(
        ok && text.contains("0 imported, 10 duplicates, 0 failed"),
        "{text}"
    );
}

fn seed_id(library: &Library) -> i64 {
    library.search("Pyongyang", &Filter::default()).unwrap()[0]
        .summary
        .id
}

#[test]
fn a_json_file_that_is_not_a_library_export_is_reported_and_the_rest_imports() {
    let dir = tempfile::tempdir().unwrap();
    let stray = dir.path().join("package.json");
    std::fs::write(&stray, r#"{"name": "not a library"}"#).unwrap();
    let damaged = dir.path().join("damaged.json");
    std::fs::write(
        &damaged,
        r#"{"format": "folio-library", "version": 1, "articles": [{"title": 3"#,
    )
    .unwrap();
    let clipping =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings/harbour_editorial_en.txt");
    let lib = dir.path().join("lib.sqlite");
    let (ok, text) = folio(
        &lib,
        &[
            "import",
            stray.to_str().unwrap(),
            damaged.to_str().unwrap(),
            clipping.to_str().unwrap(),
        ],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("package.json: failed: not an export Folio knows"),
        "{text}"
    );
    assert!(
        text.contains("damaged.json: failed: the library export is damaged"),
        "{text}"
    );
    assert!(text.contains("1 imported, 0 duplicates, 2 failed"), "{text}");
}

fn exported(dir: &Path) -> Vec<folio::model::library_export::ExportedArticle> {
    let lib = annotated_library(dir);
    Library::open(&lib)
        .unwrap()
        .export_articles(&Filter::default())
        .unwrap()
}

#[test]
fn markdown_vault_csv_bibtex_and_html_hold_what_each_reader_needs() {
    let dir = tempfile::tempdir().unwrap();
    let articles = exported(dir.path());
    let seed = articles
        .iter()
        .find(|a| a.title.as_deref() == Some(SEED))
        .unwrap();

    let vault = dir.path().join("vault");
    assert_eq!(formats::write_markdown_folder(&articles, &vault).unwrap(), 9);
    assert_eq!(std::fs::read_dir(&vault).unwrap().count(), 9);
    let md = formats::markdown_file(seed);
    assert!(
        md.starts_with(&format!(
            "---\ntitle: \"{SEED}\"\ndate: \"2018-01-05T13:50:00\"\nsource: \"The Asahi Shimbun\"\n"
        )),
        "{md}"
    );
    assert!(md.contains("\ntags: [\"diplomacy\",\"korea\"]\n"), "{md}");
    assert!(md.contains("\ntopics: [\"politics › diplomacy\"]\n"), "{md}");
    let details = |color: &str| format!("<!-- folio highlight {{\"color\":\"{color}\",\"created_at\":");
    assert!(
        md.contains(&format!(
            "## Highlights\n\n> Japan and the United States should not spare any effort\n{}",
            details("yellow")
        )),
        "{md}"
    );
    assert!(
        md.contains(&format!("> opens a window of opportunity\n{}", details("blue"))),
        "{md}"
    );
    assert!(md.contains(" -->\n\nThe point.\n"), "{md}");
    assert!(md.contains("## Note\n\nCompare with the **Yomiuri**."), "{md}");

    let csv_text = formats::csv(&articles).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[1], "title");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9);
    let row = rows.iter().find(|r| &r[1] == SEED).unwrap();
    assert_eq!(
        (&row[0], &row[2], &row[10], &row[12]),
        ("2018-01-05", "The Asahi Shimbun", "diplomacy; korea", "2")
    );

    let bib = formats::bibtex(&articles);
    assert_eq!(bib.matches("@article{").count(), 9);
    assert!(bib.contains("@article{asahi2018japan,\n  title = {Japan, U.S. must seize chance of Kim’s offer of talks with South},\n  journal = {The Asahi Shimbun},"), "{bib}");
    let depth = bib.chars().try_fold(0i32, |d, c| match c {
        '{' => Some(d + 1),
        '}' if d > 0 => Some(d - 1),
        '}' => None,
        _ => Some(d),
    });
    assert_eq!(depth, Some(0), "braces balance");

    let html = formats::html(&articles);
    assert!(
        !html.contains("<script") && !html.contains("src="),
        "nothing to run or fetch"
    );
    assert!(html.contains("<mark class=\"blue\">opens a window of opportunity</mark>"));
    assert!(html.contains(
        "<aside><p><mark class=\"blue\">opens a window of opportunity</mark></p><p>The point.</p></aside>"
    ));
    assert_eq!(html.matches("<article>").count(), 9);
}

#[test]
fn csl_json_items_are_newspaper_articles_with_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let articles = exported(dir.path());
    let csl = formats::csl_json(&articles);
    let items = csl.as_array().unwrap();
    assert_eq!(items.len(), 9);
    let seed = items.iter().find(|i| i["title"] == SEED).unwrap();
    assert_eq!(seed["type"], "article-newspaper");
    assert_eq!(seed["container-title"], "The Asahi Shimbun");
    assert_eq!(seed["issued"]["date-parts"], serde_json::json!([[2018, 1, 5]]));
    assert_eq!(seed["section"], "International");
    let keys: std::collections::HashSet<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(keys.len(), 9, "citation keys are unique");
    let with_author = items.iter().find(|i| i.get("author").is_some()).unwrap();
    assert!(
        with_author["author"][0].get("family").is_some() || with_author["author"][0].get("literal").is_some()
    );
}

/// A real consumer reads the CSL-JSON: pandoc's citeproc formats the
/// references. Needs pandoc (`.ci/run` installs it), so it is run by name:
/// `cargo test --test export -- --ignored`.
#[test]
#[ignore = "needs pandoc; .ci/run installs it and runs this"]
fn pandoc_citeproc_formats_the_csl_json_references() {
    let dir = tempfile::tempdir().unwrap();
    let lib = annotated_library(dir.path());
    let refs = dir.path().join("refs.json");
    let (ok, text) = folio(
        &lib,
        &["export", "--format", "csl-json", "--out", refs.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let doc = dir.path().join("doc.md");
    std::fs::write(&doc, "---\nnocite: '@*'\n---\n\n# References\n").unwrap();
    let out = Command::new("pandoc")
        .arg(&doc)
        .arg("--citeproc")
        .arg("--bibliography")
        .arg(&refs)
        .args(["-t", "plain", "--wrap=none"])
        .output()
        .expect("pandoc is installed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let text = String::from_utf8_lossy(&out.stdout);
    // Chicago author-date, pandoc's default style: publication, title, date.
    // (The style puts titles in title case.)
    let line = text
        .lines()
        .find(|l| l.to_lowercase().contains("japan, u.s. must seize chance"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("The Asahi Shimbun") && line.contains("2018"),
        "{line}"
    );
    assert!(text.contains("The Harbour Herald"), "{text}");
    assert!(!stderr.contains("[WARNING]"), "{stderr}");
}

#[test]
fn csv_cells_never_run_as_formulas_and_the_file_says_it_is_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_library(dir.path());
    let mut library = Library::open(&path).unwrap();
    let seed = library.search("Pyongyang", &Filter::default()).unwrap()[0]
        .summary
        .id;
    library.set_note(seed, "=cmd|' /C calc'!A0").unwrap();
    library.change_tags(seed, &["+1 important".into()], &[]).unwrap();
    let articles = library.export_articles(&Filter::default()).unwrap();
    let text = formats::csv(&articles).unwrap();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark first");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[column("title")] == SEED)
        .unwrap();
    assert_eq!(&row[column("note")], "'=cmd|' /C calc'!A0");
    assert!(
        row[column("tags")].starts_with("'+1 important"),
        "{:?}",
        &row[column("tags")]
    );
    // Nothing else in the file starts a cell with a formula's first character.
    for record in csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes()).records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
    }
}

#[test]
fn the_vault_export_never_writes_through_a_planted_link_nor_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_library(dir.path());
    let library = Library::open(&path).unwrap();
    let articles = library.export_articles(&Filter::default()).unwrap();
    let vault = dir.path().join("vault");
    std::fs::create_dir_all(&vault).unwrap();
    // The names the export will use, planted: a link leading out, and a file of the user's.
    let first = formats::vault_file_name(&articles[0]);
    let second = formats::vault_file_name(&articles[1]);
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "not Folio's").unwrap();
    std::os::unix::fs::symlink(&outside, vault.join(&first)).unwrap();
    std::fs::write(vault.join(&second), "the user's own note").unwrap();

    let written = formats::write_markdown_folder(&articles, &vault).unwrap();
    assert_eq!(written, articles.len());
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "not Folio's");
    assert_eq!(
        std::fs::read_to_string(vault.join(&second)).unwrap(),
        "the user's own note"
    );
    let files = std::fs::read_dir(&vault).unwrap().count();
    assert_eq!(files, articles.len() + 2, "every article under a name of its own");

    // Exported again, Folio's own files are replaced, not doubled; the
    // user's are still left alone.
    formats::write_markdown_folder(&articles, &vault).unwrap();
    assert_eq!(std::fs::read_dir(&vault).unwrap().count(), files);
    assert_eq!(
        std::fs::read_to_string(vault.join(&second)).unwrap(),
        "the user's own note"
    );
}

#[test]
fn a_hand_edited_highlight_out_of_the_text_never_loses_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated_library(dir.path());
    let out = dir.path().join("library.json");
    let (ok, text) = folio(
        &path,
        &["export", "--format", "json", "--out", out.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let mut export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let seed = export["articles"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["title"] == SEED)
        .unwrap();
    let highlights = seed["highlights"].as_array_mut().unwrap();
    assert!(highlights.len() >= 2, "{highlights:?}");
    // Offsets past the text: one whose quote is in the text, one whose is not.
    highlights[0]["start"] = serde_json::json!(9_223_372_036_854_775_807u64);
    highlights[0]["end"] = serde_json::json!(9_223_372_036_854_775_808u64);
    highlights[1]["start"] = serde_json::json!(900_000);
    highlights[1]["end"] = serde_json::json!(10);
    highlights[1]["quote"] = serde_json::json!("words this editorial never printed");
    highlights[1]["prefix"] = serde_json::json!("nor these before them");
    highlights[1]["suffix"] = serde_json::json!("nor these after");
    let quote = highlights[0]["quote"].as_str().unwrap().to_string();
    std::fs::write(&out, serde_json::to_string_pretty(&export).unwrap()).unwrap();

    let fresh = dir.path().join("fresh.sqlite");
    let (ok, text) = folio(&fresh, &["import", out.to_str().unwrap()]);
    assert!(ok, "{text}");
    assert!(text.contains("1 highlight kept detached"), "{text}");
    assert!(!text.contains("failed: "), "{text}");
    let library = Library::open(&fresh).unwrap();
    let id = library.search("Pyongyang", &Filter::default()).unwrap()[0]
        .summary
        .id;
    let article = library.get_article(id).unwrap();
    let body: Vec<char> = article.meta.body.chars().collect();
    let found = article.highlights.iter().find(|h| h.quote == quote).unwrap();
    assert!(!found.detached);
    assert_eq!(body[found.start..found.end].iter().collect::<String>(), quote);
    let lost = article
        .highlights
        .iter()
        .find(|h| h.quote == "words this editorial never printed")
        .unwrap();
    assert!(lost.detached && lost.start <= lost.end);
    drop(library);
    // And the library exports and imports again, whole.
    let again = dir.path().join("again.json");
    let (ok, text) = folio(
        &fresh,
        &["export", "--format", "json", "--out", again.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let (ok, text) = folio(
        &dir.path().join("third.sqlite"),
        &["import", again.to_str().unwrap()],
    );
    assert!(ok && !text.contains("failed: "), "{text}");
}

/// Titles that have broken exports somewhere: TeX's special characters and
/// braces in any number, TeX's ligatures, YAML's and CSV's syntax, formulas,
/// markup, text direction, controls and line breaks of every kind.
const HOSTILE_TITLES: [&str; 26] = [
    "Smile :}",
    "{ an open brace, never closed",
    "Braces {nested {deep}} then a stray }",
    "A back\\slash, an escaped \\} and \\{",
    "Ends with a backslash \\",
    "Caret ^ and tilde ~ between words",
    "100% of $5 & #1 in my_file",
    "Dashes -- and --- and ``quotes'' ,, << >> ?` !`",
    "% a TeX comment",
    "@article{injected, title={Not this}}",
    "\"Double\" and 'single' quotes",
    "Key: value # not a comment",
    "- looks like a YAML list item",
    "---",
    "null",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+1 -1 @SUM(A1:A9)",
    "Comma, \"quoted, cell\"; semicolon",
    "<script>alert(1)</script>",
    "</h1><h1>Injected heading",
    "&amp; &lt; are entities &#x41;",
    "<!-- a comment --> after",
    "Right-to-left \u{202e}override\u{202c}, zero\u{200b}width\u{feff}",
    "Bells \u{1b}]0;PWNED\u{7} and \u{1b}[2J clears \u{7f}\u{9b}\u{85}\u{2028}\u{fffe}",
    "日本語の見出し「社説」🙂 ÉDITORIAL — “curly” ‘quotes’…",
    "Line\nbreak and\ttab",
];

/// Authors a citation must not split or abbreviate, beside people's names.
const AUTHORS: [&[&str]; 3] = [
    &["Le Monde avec AFP", "Jane Doe"],
    &["Rodham and Clinton Associates"],
    &["Ludwig van Beethoven", "Editorial Board"],
];

/// A library of one article per hostile title, which is also its tag and
/// its note, from a publication with a hostile name too; returns the
/// library and what it exports.
fn hostile_library(dir: &Path) -> (PathBuf, Vec<folio::model::library_export::ExportedArticle>) {
    let path = dir.join("hostile.sqlite");
    let mut library = Library::open(&path).unwrap();
    let articles: Vec<folio::library::NewArticle> = HOSTILE_TITLES
        .iter()
        .enumerate()
        .map(|(n, title)| folio::library::NewArticle {
            meta: folio::model::ExtractedArticle {
                title: Some(title.to_string()),
                authors: AUTHORS[n % AUTHORS.len()].iter().map(|a| a.to_string()).collect(),
                source: Some("R&D {Weekly} ~ 100% _hostile_".into()),
                published: folio::model::Published::from_iso("2020-05-01"),
                body: format!("Article {n} of the hostile titles, with a text of its own."),
                ..Default::default()
            },
            file_name: None,
            format: "text".into(),
            compressed_original: folio::library::compress(b"x"),
        })
        .collect();
    for (outcome, title) in library
        .insert_batch(&articles)
        .unwrap()
        .into_iter()
        .zip(HOSTILE_TITLES)
    {
        let id = match outcome.unwrap() {
            folio::library::InsertOutcome::Imported { id } => id,
            other => panic!("{other:?}"),
        };
        library.change_tags(id, &[title.to_string()], &[]).unwrap();
        library.set_note(id, title).unwrap();
    }
    let exported = library.export_articles(&Filter::default()).unwrap();
    let mut titles: Vec<&str> = exported.iter().filter_map(|a| a.title.as_deref()).collect();
    let mut expected = HOSTILE_TITLES.to_vec();
    titles.sort_unstable();
    expected.sort_unstable();
    assert_eq!(
        titles, expected,
        "the library keeps the titles as they were given"
    );
    (path, exported)
}

/// The hostile library exported as `format` into `name` through the
/// command line, what `script` (Python) reads of that file, and what the
/// library holds.
fn hostile_export_read(
    format: &str,
    name: &str,
    script: &str,
) -> (
    serde_json::Value,
    Vec<folio::model::library_export::ExportedArticle>,
) {
    let dir = tempfile::tempdir().unwrap();
    let (lib, exported) = hostile_library(dir.path());
    let out = dir.path().join(name);
    let (ok, text) = folio(
        &lib,
        &["export", "--format", format, "--out", out.to_str().unwrap()],
    );
    assert!(ok && text.contains("26 articles exported"), "{text}");
    (python_reads(script, &out), exported)
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    let mut all: Vec<String> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    all.sort_unstable();
    all
}

fn sorted(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut all: Vec<String> = values.into_iter().collect();
    all.sort_unstable();
    all
}

/// pybtex reads the whole file in its strict mode (a syntax error fails),
/// and the titles, read as LaTeX, are the titles (a control character
/// written as a space, spaces read as TeX reads them); organisations are
/// one name, people two.
#[test]
#[ignore = "needs python3-pybtex and python3-pylatexenc; .ci/run installs them and runs this"]
fn pybtex_reads_every_hostile_title_back_from_the_bibtex() {
    let (read, exported) = hostile_export_read(
        "bibtex",
        "refs.bib",
        r#"
import json, sys
import pybtex.errors
from pybtex.database import parse_file
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
pybtex.errors.set_strict_mode(True)
# LaTeX2e's names for the characters TeX reserves, which pylatexenc's
# table lacks (braces) or reads as a spacing accent (the caret).
latex = get_default_latex_context_db()
latex.add_context_category("latex2e-text-symbols", prepend=True, macros=[
    MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}"),
    MacroTextSpec("textasciicircum", "^")])
text = LatexNodes2Text(latex_context=latex)
entries = parse_file(sys.argv[1], "bibtex").entries.values()
print(json.dumps({
    "titles": [text.latex_to_text(e.fields["title"]) for e in entries],
    "journals": [text.latex_to_text(e.fields["journal"]) for e in entries],
    "authors": [[[" ".join(p.first_names), " ".join(p.prelast_names + p.last_names)]
                 for p in e.persons["author"]] for e in entries],
}))
"#,
    );
    // TeX reads a run of spaces as one; controls are written as spaces.
    let as_bibtex_writes = |t: &str| -> String {
        t.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        strings(&read["titles"]),
        sorted(
            exported
                .iter()
                .map(|a| as_bibtex_writes(a.title.as_deref().unwrap()))
        )
    );
    for journal in read["journals"].as_array().unwrap() {
        assert_eq!(journal, "R&D {Weekly} ~ 100% _hostile_");
    }
    let authors: std::collections::HashSet<String> = read["authors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|names| names.as_array().unwrap().iter().map(|n| n.to_string()))
        .collect();
    let expected: std::collections::HashSet<String> = [
        ["", "{Le Monde avec AFP}"],
        ["Jane", "Doe"],
        ["", "{Rodham and Clinton Associates}"],
        ["Ludwig", "van Beethoven"],
        ["", "{Editorial Board}"],
    ]
    .iter()
    .map(|n| serde_json::json!(n).to_string())
    .collect();
    assert_eq!(authors, expected);
}

/// Folio's own readers give back every hostile title (and its note, in
/// the CSV) from its BibTeX and CSV exports, as each format can hold it.
#[test]
fn folio_reads_every_hostile_title_back_from_its_own_bibtex_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, exported) = hostile_library(dir.path());
    // TeX reads a run of spaces as one; controls are written as spaces.
    let as_bibtex_writes = |t: &str| -> String {
        t.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (format, name) in [("bibtex", "refs.bib"), ("csv", "articles.csv")] {
        let out = dir.path().join(name);
        let (ok, text) = folio(
            &lib,
            &["export", "--format", format, "--out", out.to_str().unwrap()],
        );
        assert!(ok, "{text}");
        let copy = dir.path().join(format!("{name}.sqlite"));
        let (ok, text) = folio(&copy, &["import", out.to_str().unwrap()]);
        assert!(
            ok && text.contains("26 imported, 0 duplicates, 0 failed"),
            "{text}"
        );
        let read = Library::open(&copy)
            .unwrap()
            .export_articles(&Filter::default())
            .unwrap();
        let titles = sorted(read.iter().map(|a| a.title.clone().unwrap()));
        let expected = |a: &folio::model::library_export::ExportedArticle| {
            let title = a.title.as_deref().unwrap();
            if format == "bibtex" {
                as_bibtex_writes(title)
            } else {
                title.to_string()
            }
        };
        assert_eq!(titles, sorted(exported.iter().map(expected)), "{format}");
        for a in &read {
            assert_eq!(
                a.source.as_deref(),
                Some("R&D {Weekly} ~ 100% _hostile_"),
                "{format}"
            );
        }
        if format == "csv" {
            assert_eq!(
                sorted(read.iter().map(|a| a.note.as_ref().unwrap().text.clone())),
                sorted(exported.iter().map(|a| a.note.as_ref().unwrap().text.clone()))
            );
        }
    }
}

/// Python's csv module reads back each title, tag and note as the library
/// holds it; a cell that would start a formula has its leading `'`.
#[test]
#[ignore = "needs python3; .ci/run installs it and runs this"]
fn python_csv_reads_every_hostile_title_tag_and_note_back() {
    let (read, exported) = hostile_export_read(
        "csv",
        "articles.csv",
        r#"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
print(json.dumps({key: [row[key] for row in rows] for key in ("title", "tags", "note")}))
"#,
    );
    let inert = |cell: &str| {
        if folio::import::tools::runs_as_formula(cell) {
            format!("'{cell}")
        } else {
            cell.to_string()
        }
    };
    assert_eq!(
        strings(&read["title"]),
        sorted(exported.iter().map(|a| inert(a.title.as_deref().unwrap())))
    );
    assert_eq!(
        strings(&read["tags"]),
        sorted(exported.iter().map(|a| inert(&a.tags.join("; "))))
    );
    assert_eq!(
        strings(&read["note"]),
        sorted(exported.iter().map(|a| inert(&a.note.as_ref().unwrap().text)))
    );
}

/// PyYAML's safe loader reads every vault file's front matter, with each
/// title and its tags as the library holds them.
#[test]
#[ignore = "needs python3-yaml; .ci/run installs it and runs this"]
fn yaml_reads_every_hostile_title_and_tag_back_from_the_vault() {
    let (read, exported) = hostile_export_read(
        "md",
        "vault",
        r#"
import json, pathlib, sys, yaml
titles, tags = [], []
for path in pathlib.Path(sys.argv[1]).glob("*.md"):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    front = yaml.safe_load(text[4:].split("\n---\n", 1)[0])
    titles.append(front["title"])
    tags.extend(front["tags"])
print(json.dumps({"titles": titles, "tags": tags}))
"#,
    );
    assert_eq!(
        strings(&read["titles"]),
        sorted(exported.iter().map(|a| a.title.clone().unwrap()))
    );
    assert_eq!(
        strings(&read["tags"]),
        sorted(exported.iter().flat_map(|a| a.tags.clone()))
    );
}

/// html5lib, in strict mode, parses the HTML export without one error, and
/// each heading is a title (a character HTML refuses shown as U+FFFD).
#[test]
#[ignore = "needs python3-html5lib; .ci/run installs it and runs this"]
fn html5lib_parses_the_html_of_hostile_titles_without_an_error() {
    let (read, exported) = hostile_export_read(
        "html",
        "articles.html",
        r#"
import html5lib, json, sys
parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
with open(sys.argv[1], encoding="utf-8") as f:
    document = parser.parse(f.read())
print(json.dumps(["".join(h.itertext()) for h in document.iter("h1")]))
"#,
    );
    let shown = |title: &str| -> String {
        title
            .chars()
            .map(|c| {
                let code = u32::from(c);
                let refused = (c.is_control() && !matches!(c, '\n' | '\t'))
                    || (0xfdd0..=0xfdef).contains(&code)
                    || code & 0xfffe == 0xfffe;
                if refused { '\u{fffd}' } else { c }
            })
            .collect()
    };
    assert_eq!(
        strings(&read),
        sorted(exported.iter().map(|a| shown(a.title.as_deref().unwrap())))
    );
}

#[test]
fn the_vault_of_hostile_titles_tags_and_notes_reads_back_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (_, before) = hostile_library(dir.path());
    let vault = dir.path().join("vault");
    formats::write_markdown_folder(&before, &vault).unwrap();
    let mut copy = Library::open(&dir.path().join("copy.sqlite")).unwrap();
    let report = import_paths(&mut copy, &[vault], &AtomicBool::new(false), |_, _| {}).unwrap();
    assert_eq!(report.files.len(), before.len());
    for line in &report.files {
        assert!(
            matches!(line.outcome, folio::ingest::pipeline::Outcome::Imported { .. }),
            "{line:?}"
        );
    }
    let after = copy.export_articles(&Filter::default()).unwrap();
    // Control characters other than line ends and tabs cannot be held by a
    // text file read back as one: they are written as U+FFFD.
    let printable = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect()
    };
    let fields = |articles: &[folio::model::library_export::ExportedArticle]| {
        let mut fields: Vec<_> = articles
            .iter()
            .map(|a| {
                (
                    a.title.clone(),
                    a.body.clone(),
                    a.source.clone(),
                    a.authors.clone(),
                    a.tags.clone(),
                    a.note.as_ref().map(|n| printable(&n.text)),
                )
            })
            .collect();
        fields.sort();
        fields
    };
    assert_eq!(fields(&after), fields(&before));
}
