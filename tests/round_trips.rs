//! Round trips: a library of varied articles (full text, link-only,
//! starred, archived, a note with `---` and headings, highlights with
//! comments, a corporate author, a book from a citation manager) exported
//! in each format Folio reads back, and imported into a new library. What
//! the format can carry arrives intact; what it cannot is listed in the
//! README ("What each export carries back").

mod common;

use common::folio;
use folio::library::{Filter, Library};
use folio::model::HighlightColor;
use folio::model::library_export::ExportedArticle;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const REPORT: &str = "Report finds the port strike cost millions";
const LINK: &str = "Ten charts on coastal flooding";
const WIRE: &str = "Grève au port : les négociations reprennent";
const BOOK: &str = "Durcheinandertal";

/// A body whose lines Markdown would read as markup: a heading, a list,
/// a numbered line, a rule, a quote and a backslash.
const REPORT_BODY: &str = "The strike at the container terminal lasted nine days.\n\n\
    # Not a heading, a line of the text\n\n\
    - not a list: a dash the reporter typed\n\n\
    1. numbered, but a sentence\n\n\
    ---\n\n\
    > not a quote\n\n\
    \\ a backslash first, and the losses were counted by the port authority.";

/// A note in Markdown, with a rule and a heading that must stay inside the note.
const REPORT_NOTE: &str = "Compare with the **union's** figures.\n\n---\n\n## Note\n\n- who counted?";

fn article(fields: Value) -> Value {
    let mut article = json!({
        "title": null, "body": "", "source": null, "authors": [], "published": null,
        "section": null, "kind": null, "language": null, "url": null, "region": null,
        "countries": [], "tags": [], "topics": [], "note": null, "highlights": [],
        "imported_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z",
        "deleted_at": null, "original": null
    });
    for (key, value) in fields.as_object().unwrap() {
        article[key] = value.clone();
    }
    article
}

/// The library every round trip starts from.
fn varied_library(dir: &Path) -> PathBuf {
    let note = |text: &str| json!({ "text": text, "updated_at": "2024-01-02T00:00:00Z" });
    let export = json!({
        "format": "folio-library", "version": 1, "tags": [], "topics": [],
        "articles": [
            article(json!({
                "title": REPORT, "body": REPORT_BODY, "source": "The Harbour Gazette",
                "authors": ["Ana Lima"], "published": "2023-05-04T08:30:00", "section": "Business",
                "kind": "news", "language": "en", "url": "https://gazette.example/strike",
                "region": "Europe & Central Asia", "countries": ["Portugal"],
                "tags": ["ports", "strikes"], "topics": ["economy › labour"], "note": note(REPORT_NOTE),
                "saved_at": "2023-05-05T10:00:00Z", "read_state": "archived", "starred": true
            })),
            article(json!({
                "title": LINK, "url": "https://floods.example/charts", "source": "Flood Watch",
                "tags": ["climate"], "note": note("Read before the meeting."),
                "saved_at": "2022-11-30T07:15:00Z", "read_state": "unread", "starred": true,
                "link_only": true
            })),
            article(json!({
                "title": WIRE, "body": "Les dockers ont repris le travail mardi matin après un accord.",
                "source": "Le Monde", "authors": ["Le Monde avec AFP"], "published": "2023-05",
                "language": "fr"
            })),
            article(json!({
                "title": BOOK, "authors": ["Friedrich Dürrenmatt"], "published": "1989",
                "publisher_place": "Zürich", "link_only": true,
                "citation": {
                    "type": "book", "ISBN": "978-3-257-01820-2", "publisher": "Diogenes",
                    "author": [{ "family": "Dürrenmatt", "given": "Friedrich" }]
                }
            })),
        ]
    });
    let file = dir.join("start.json");
    std::fs::write(&file, export.to_string()).unwrap();
    let lib = dir.join("start.sqlite");
    let (ok, text) = folio(&lib, &["import", file.to_str().unwrap()]);
    assert!(
        ok && text.contains("4 imported, 0 duplicates, 0 failed"),
        "{text}"
    );
    let mut library = Library::open(&lib).unwrap();
    let report = library.list(&Filter::default()).unwrap();
    let report = report
        .iter()
        .find(|a| a.title.as_deref() == Some(REPORT))
        .unwrap()
        .id;
    library
        .add_highlight_of(
            report,
            "lasted nine days",
            HighlightColor::Yellow,
            Some("> the union says eleven\n\n## not a section"),
        )
        .unwrap();
    library
        .add_highlight_of(
            report,
            "counted by the port authority",
            HighlightColor::Yellow,
            None,
        )
        .unwrap();
    lib
}

fn articles_of(lib: &Path) -> Vec<ExportedArticle> {
    let mut articles = Library::open(lib)
        .unwrap()
        .export_articles(&Filter::default())
        .unwrap();
    articles.sort_by(|a, b| a.title.cmp(&b.title));
    articles
}

/// Exports the library at `lib` as `format` to `name` beside it, imports
/// that into a new library, and gives the articles before and after.
fn round_trip(lib: &Path, format: &str, name: &str) -> (Vec<ExportedArticle>, Vec<ExportedArticle>, String) {
    let out = lib.with_file_name(name);
    let (ok, text) = folio(
        lib,
        &["export", "--format", format, "--out", out.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let copy = lib.with_file_name(format!("{name}.sqlite"));
    let (ok, text) = folio(&copy, &["import", out.to_str().unwrap()]);
    assert!(ok, "{text}");
    (articles_of(lib), articles_of(&copy), text)
}

/// What the user sees of a highlight: its passage, its place and comment.
fn highlights(a: &ExportedArticle) -> Vec<(String, usize, usize, Option<String>, bool)> {
    a.highlights
        .iter()
        .map(|h| (h.quote.clone(), h.start, h.end, h.comment.clone(), h.detached))
        .collect()
}

#[test]
fn json_gives_back_the_same_library_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let lib = varied_library(dir.path());
    let (before, after, text) = round_trip(&lib, "json", "library.json");
    assert!(text.contains("4 imported, 0 duplicates, 0 failed"), "{text}");
    assert_eq!(before, after);
    let copy = lib.with_file_name("library.json.sqlite");
    let again = dir.path().join("again.json");
    let (ok, text) = folio(
        &copy,
        &["export", "--format", "json", "--out", again.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    assert!(
        std::fs::read(&again).unwrap() == std::fs::read(dir.path().join("library.json")).unwrap(),
        "the second export differs from the first"
    );
}

#[test]
fn the_markdown_vault_reads_back_with_what_markdown_carries() {
    let dir = tempfile::tempdir().unwrap();
    let lib = varied_library(dir.path());
    let (before, after, text) = round_trip(&lib, "md", "vault");
    assert!(text.contains("4 imported, 0 duplicates, 0 failed"), "{text}");
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        let title = b.title.as_deref().unwrap();
        assert_eq!(a.title, b.title);
        assert_eq!(a.body, b.body, "{title}");
        assert_eq!(
            (
                &a.source,
                &a.authors,
                &a.published,
                &a.section,
                &a.kind,
                &a.language,
                &a.url
            ),
            (
                &b.source,
                &b.authors,
                &b.published,
                &b.section,
                &b.kind,
                &b.language,
                &b.url
            ),
            "{title}"
        );
        assert_eq!(
            (&a.region, &a.countries, &a.tags),
            (&b.region, &b.countries, &b.tags),
            "{title}"
        );
        assert_eq!(
            (
                &a.saved_at,
                &a.read_state,
                a.link_only,
                a.starred,
                &a.publisher_place,
                &a.citation
            ),
            (
                &b.saved_at,
                &b.read_state,
                b.link_only,
                b.starred,
                &b.publisher_place,
                &b.citation
            ),
            "{title}"
        );
        assert_eq!(
            a.note.as_ref().map(|n| &n.text),
            b.note.as_ref().map(|n| &n.text),
            "{title}"
        );
        assert_eq!(highlights(a), highlights(b), "{title}");
    }
    // In the file, the text's and the note's lines that Markdown would
    // read as markup are escaped, so the file shows what the article says.
    let report_file = std::fs::read_dir(dir.path().join("vault"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("Report finds")
        })
        .unwrap();
    let markdown = std::fs::read_to_string(report_file).unwrap();
    assert!(
        markdown.contains("\n\\# Not a heading, a line of the text\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "## Note\n\nCompare with the **union's** figures.\n\n\\---\n\n\\## Note\n\n- who counted?"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("\nstarred: true\n") && markdown.contains("\nstate: \"archived\"\n"),
        "{markdown}"
    );

    // Imported again: the same articles, not new ones.
    let copy = lib.with_file_name("vault.sqlite");
    let (ok, text) = folio(&copy, &["import", dir.path().join("vault").to_str().unwrap()]);
    assert!(
        ok && text.contains("0 imported, 4 duplicates, 0 failed"),
        "{text}"
    );
}

#[test]
fn csl_json_reads_back_as_references_with_their_citation_fields() {
    let dir = tempfile::tempdir().unwrap();
    let lib = varied_library(dir.path());
    let (before, after, text) = round_trip(&lib, "csl-json", "refs.json");
    assert!(text.contains("4 imported, 0 duplicates, 0 failed"), "{text}");
    for (b, a) in before.iter().zip(&after) {
        let title = b.title.as_deref().unwrap();
        assert_eq!(a.title, b.title);
        assert_eq!(
            (
                &a.source,
                &a.authors,
                &a.section,
                &a.url,
                &a.publisher_place,
                &a.language
            ),
            (
                &b.source,
                &b.authors,
                &b.section,
                &b.url,
                &b.publisher_place,
                &b.language
            ),
            "{title}"
        );
        assert_came_back_as_reference(a, b, title);
    }
    // The corporate author is one literal name, the people family and given.
    let csl: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("refs.json")).unwrap()).unwrap();
    let wire = csl
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == WIRE)
        .unwrap();
    assert_eq!(wire["author"], json!([{ "literal": "Le Monde avec AFP" }]));
    let report = csl
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == REPORT)
        .unwrap();
    assert_eq!(report["author"], json!([{ "family": "Lima", "given": "Ana" }]));
}

#[test]
fn bibtex_reads_back_as_references_with_their_citation_fields() {
    let dir = tempfile::tempdir().unwrap();
    let lib = varied_library(dir.path());
    let (before, after, text) = round_trip(&lib, "bibtex", "refs.bib");
    assert!(text.contains("4 imported, 0 duplicates, 0 failed"), "{text}");
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        let title = b.title.as_deref().unwrap();
        assert_eq!(a.title, b.title);
        assert_eq!(
            (
                &a.source,
                &a.authors,
                &a.section,
                &a.url,
                &a.publisher_place,
                &a.tags
            ),
            (
                &b.source,
                &b.authors,
                &b.section,
                &b.url,
                &b.publisher_place,
                &b.tags
            ),
            "{title}"
        );
        assert_came_back_as_reference(a, b, title);
    }
    // The corporate author is one name, the people family and given.
    let wire = after.iter().find(|a| a.title.as_deref() == Some(WIRE)).unwrap();
    assert_eq!(
        wire.citation.as_ref().unwrap()["author"],
        json!([{ "literal": "Le Monde avec AFP" }])
    );
    assert_eq!(wire.published.as_deref(), Some("2023-05"));
    let report = after.iter().find(|a| a.title.as_deref() == Some(REPORT)).unwrap();
    assert_eq!(
        report.citation.as_ref().unwrap()["author"],
        json!([{ "family": "Lima", "given": "Ana" }])
    );
    // Exported again, the references are the same entries.
    let again = dir.path().join("again.bib");
    let copy = lib.with_file_name("refs.bib.sqlite");
    let (ok, text) = folio(
        &copy,
        &["export", "--format", "bibtex", "--out", again.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        std::fs::read_to_string(dir.path().join("refs.bib")).unwrap()
    );
}

/// A BibTeX file as people and reference managers write them by hand:
/// accents in LaTeX, `@string`s joined with `#`, braces nested to keep
/// capitals, an organisation in double braces, a `@comment`, entries in
/// parentheses, and an entry left open in the middle.
const HAND_WRITTEN_BIB: &str = r#"% Written for Folio's tests.
@string{lemonde = "Le Monde"}
@string{y = {2019}}

@comment{ Not an entry {even with braces} @misc{x, title={no}} }

@Article{dupont2019greve,
  title = {La gr{\`e}ve des dockers {\`a} {M}arseille : {\'E}tat des lieux},
  author = {Dupont, Fran{\c{c}}ois and {{Le Monde avec AFP}} and M{\"u}ller, J{\"o}rg},
  journal = lemonde # { -- } # "{\'E}dition du soir",
  entrysubtype = {newspaper},
  year = y, month = mar, day = 7,
  url = {https://lemonde.example/~port/greve--1?x=1&y=2},
  doi = {10.1234/abc\_def},
  keywords = {ports; grèves},
  abstract = {Une {\em analyse} des \& co{\^u}ts --- longue.},
}

@book{broken,
  title = {Never {closed},
  author = {Nobody}

@inproceedings(smith2020,
  title = "The {{UNESCO}} ``Harbour'' Report",
  author = "John Smith and van der Berg, Anna",
  booktitle = {Proceedings of {ICCS}},
  date = {2020-06-15/2020-06-18},
  pages = {1--10},
)

@misc{undefined, title = {A string that is not}, howpublished = nowhere, year = {2021}}
"#;

#[test]
fn a_hand_written_bibtex_file_reads_with_its_hard_cases_and_reports_the_broken_entry() {
    let dir = tempfile::tempdir().unwrap();
    // No `.bib` ending: told by its content.
    let file = dir.path().join("references.txt");
    std::fs::write(&file, HAND_WRITTEN_BIB).unwrap();
    let lib = dir.path().join("lib.sqlite");
    let (_, text) = folio(&lib, &["import", file.to_str().unwrap()]);
    assert!(text.contains("3 imported, 0 duplicates, 1 failed"), "{text}");
    assert!(text.contains("“broken” at line 19"), "{text}");
    assert!(text.contains("“nowhere” is no @string"), "{text}");
    let articles = articles_of(&lib);
    let find = |title: &str| {
        articles
            .iter()
            .find(|a| a.title.as_deref() == Some(title))
            .unwrap_or_else(|| panic!("no “{title}” in {articles:#?}"))
    };
    let dupont = find("La grève des dockers à Marseille : État des lieux");
    assert_eq!(
        dupont.authors,
        ["François Dupont", "Le Monde avec AFP", "Jörg Müller"]
    );
    assert_eq!(dupont.source.as_deref(), Some("Le Monde – Édition du soir"));
    assert_eq!(dupont.published.as_deref(), Some("2019-03-07"));
    assert_eq!(
        dupont.url.as_deref(),
        Some("https://lemonde.example/~port/greve--1?x=1&y=2")
    );
    assert_eq!(dupont.tags, ["grèves", "ports"]);
    let citation = dupont.citation.as_ref().unwrap();
    assert_eq!(citation["type"], "article-newspaper");
    assert_eq!(citation["DOI"], "10.1234/abc_def");
    assert_eq!(citation["abstract"], "Une analyse des & coûts — longue.");
    assert_eq!(citation["author"][1], json!({ "literal": "Le Monde avec AFP" }));
    assert!(dupont.link_only && dupont.body.is_empty());

    let smith = find("The UNESCO “Harbour” Report");
    assert_eq!(smith.authors, ["John Smith", "Anna van der Berg"]);
    assert_eq!(smith.source.as_deref(), Some("Proceedings of ICCS"));
    assert_eq!(smith.published.as_deref(), Some("2020-06-15"));
    let citation = smith.citation.as_ref().unwrap();
    assert_eq!(citation["type"], "paper-conference");
    assert_eq!(citation["page"], "1–10");
    assert_eq!(
        citation["author"][1],
        json!({ "given": "Anna", "non-dropping-particle": "van der", "family": "Berg" })
    );

    let undefined = find("A string that is not");
    assert_eq!(undefined.source.as_deref(), Some("nowhere"));
    assert_eq!(undefined.published.as_deref(), Some("2021"));
    assert_eq!(articles.len(), 3);

    // Met in a folder, a `.bib` is read as the export it is.
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("refs.bib"), HAND_WRITTEN_BIB).unwrap();
    let (_, text) = folio(
        &dir.path().join("walked.sqlite"),
        &["import", folder.to_str().unwrap()],
    );
    assert!(text.contains("3 imported, 0 duplicates, 1 failed"), "{text}");
}

#[test]
fn bibtex_names_organisations_whole_and_books_as_books() {
    // What a reference manager reads.
    let dir = tempfile::tempdir().unwrap();
    let lib = varied_library(dir.path());
    let out = dir.path().join("refs.bib");
    let (ok, text) = folio(
        &lib,
        &["export", "--format", "bibtex", "--out", out.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let bib = std::fs::read_to_string(&out).unwrap();
    assert!(bib.contains("author = {{Le Monde avec AFP}}"), "{bib}");
    assert!(bib.contains("author = {Lima, Ana}"), "{bib}");
    let book = bib.split("\n@").find(|e| e.contains(BOOK)).unwrap();
    assert!(book.trim_start_matches('@').starts_with("book{"), "{book}");
    assert!(
        book.contains("isbn = {978-3-257-01820-2}") && book.contains("publisher = {Diogenes}"),
        "{book}"
    );
}

#[test]
fn folio_csv_reads_back_as_links_with_their_fields_tags_dates_and_states() {
    let dir = tempfile::tempdir().unwrap();
    let lib = varied_library(dir.path());
    let (before, after, text) = round_trip(&lib, "csv", "articles.csv");
    assert!(text.contains("4 imported, 0 duplicates, 0 failed"), "{text}");
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        let title = b.title.as_deref().unwrap();
        assert_eq!(a.title, b.title);
        assert_eq!(
            (&a.source, &a.authors, &a.section, &a.kind, &a.language, &a.url),
            (&b.source, &b.authors, &b.section, &b.kind, &b.language, &b.url),
            "{title}"
        );
        assert_eq!(
            (&a.region, &a.countries, &a.tags, &a.topics),
            (&b.region, &b.countries, &b.tags, &b.topics),
            "{title}"
        );
        assert_eq!(
            (&a.saved_at, &a.read_state, a.starred),
            (&b.saved_at, &b.read_state, b.starred),
            "{title}"
        );
        assert_eq!(
            a.note.as_ref().map(|n| &n.text),
            b.note.as_ref().map(|n| &n.text),
            "{title}"
        );
        // The CSV has the day of publication, not its time.
        let day = |p: &Option<String>| p.as_deref().map(|p| p.split('T').next().unwrap().to_string());
        assert_eq!(day(&a.published), day(&b.published), "{title}");
        // A row has no text: every article comes back a link.
        assert!(
            a.link_only && a.body.is_empty() && a.highlights.is_empty(),
            "{title}"
        );
    }
    let report = after.iter().find(|a| a.title.as_deref() == Some(REPORT)).unwrap();
    assert!(report.starred && report.read_state.as_deref() == Some("archived"));
    assert_eq!(report.tags, ["ports", "strikes"]);
    let wire = after.iter().find(|a| a.title.as_deref() == Some(WIRE)).unwrap();
    assert_eq!(wire.authors, ["Le Monde avec AFP"]);
    assert_eq!(wire.published.as_deref(), Some("2023-05"));
}

#[test]
fn folio_csv_gives_back_cells_it_kept_from_running_as_formulas() {
    let titles = [
        "=1+1",
        "-- a dash first",
        "'=already quoted",
        "'tis the season",
        "@home",
    ];
    let articles: Vec<ExportedArticle> = titles
        .iter()
        .map(|t| serde_json::from_value(article(json!({ "title": t, "tags": ["+plus"] }))).unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("articles.csv");
    std::fs::write(&file, folio::export::formats::csv(&articles).unwrap()).unwrap();
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains(",'=1+1,") && written.contains(",''=already quoted,"),
        "{written}"
    );
    let lib = dir.path().join("lib.sqlite");
    let (ok, text) = folio(&lib, &["import", file.to_str().unwrap()]);
    assert!(ok && text.contains("5 imported"), "{text}");
    let mut found: Vec<(String, Vec<String>)> = articles_of(&lib)
        .into_iter()
        .map(|a| (a.title.unwrap(), a.tags))
        .collect();
    found.sort();
    let mut expected: Vec<(String, Vec<String>)> = titles
        .iter()
        .map(|t| (t.to_string(), vec!["+plus".to_string()]))
        .collect();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn csv_and_html_carry_the_star_and_the_state() {
    let dir = tempfile::tempdir().unwrap();
    let lib = varied_library(dir.path());
    let csv_file = dir.path().join("articles.csv");
    let (ok, text) = folio(
        &lib,
        &["export", "--format", "csv", "--out", csv_file.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let mut reader = csv::Reader::from_path(&csv_file).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |title: &str| {
        rows.iter()
            .find(|r| &r[column("title")] == title)
            .unwrap()
            .clone()
    };
    assert_eq!(&row(REPORT)[column("starred")], "true");
    assert_eq!(&row(REPORT)[column("read_state")], "archived");
    assert_eq!(&row(LINK)[column("saved_at")], "2022-11-30T07:15:00Z");
    assert_eq!(&row(WIRE)[column("starred")], "");

    let html_file = dir.path().join("articles.html");
    let (ok, text) = folio(
        &lib,
        &["export", "--format", "html", "--out", html_file.to_str().unwrap()],
    );
    assert!(ok, "{text}");
    let html = std::fs::read_to_string(&html_file).unwrap();
    let card = |title: &str| {
        let at = html.find(title).unwrap();
        let start = html[..at].rfind("<article>").unwrap();
        html[start..start + html[start..].find("</article>").unwrap()].to_string()
    };
    let link = card(LINK);
    assert!(link.contains("★"), "{link}");
    assert!(
        link.contains("<a href=\"https://floods.example/charts\">Ten charts on coastal flooding</a>"),
        "{link}"
    );
    assert!(link.contains("Only the link was saved"), "{link}");
    assert!(
        link.contains("saved 2022-11-30") && link.contains("unread") && link.contains("climate"),
        "{link}"
    );
    assert!(link.contains("Read before the meeting."), "{link}");
    assert!(!card(WIRE).contains("★"));
    assert!(card(REPORT).contains("<a href=\"https://gazette.example/strike\">"));
    assert!(
        !card(WIRE).contains("href") && !card(BOOK).contains("href"),
        "no address, no link"
    );
}

#[test]
fn articles_with_the_same_address_each_get_a_file_of_their_own_in_the_vault() {
    // Two references to one address (a book and its review, say), as a
    // citation manager may hold them.
    let book = serde_json::from_value::<ExportedArticle>(article(json!({
        "title": "Title", "url": "https://example.com/", "link_only": true,
        "citation": { "type": "book" }
    })))
    .unwrap();
    let review = ExportedArticle {
        citation: json!({ "type": "review-book" }).as_object().cloned(),
        ..book.clone()
    };
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    for _ in 0..2 {
        folio::export::formats::write_markdown_folder(&[book.clone(), review.clone()], &vault).unwrap();
        let mut types: Vec<String> = std::fs::read_dir(&vault)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .map(|text| {
                text.lines()
                    .find(|l| l.starts_with("citation: "))
                    .unwrap()
                    .to_string()
            })
            .collect();
        types.sort();
        assert_eq!(
            types,
            [
                "citation: {\"type\":\"book\"}",
                "citation: {\"type\":\"review-book\"}"
            ],
            "each once, also when exported again"
        );
    }
}

/// What a citation format gives back of every article: its date (without
/// a time of day, which citations do not carry), a link with no text, and
/// its citation's type and every field it kept.
fn assert_came_back_as_reference(a: &ExportedArticle, b: &ExportedArticle, title: &str) {
    let day = |p: &Option<String>| p.as_deref().map(|p| p.split('T').next().unwrap().to_string());
    assert_eq!(day(&a.published), day(&b.published), "{title}");
    assert!(a.link_only && a.body.is_empty(), "{title}");
    let citation = a.citation.as_ref().unwrap();
    let kept = b.citation.clone().unwrap_or_default();
    let expected_type = kept.get("type").cloned().unwrap_or(json!("article-newspaper"));
    assert_eq!(citation["type"], expected_type, "{title}");
    for (field, value) in &kept {
        assert_eq!(&citation[field], value, "{field} of {title}");
    }
}
