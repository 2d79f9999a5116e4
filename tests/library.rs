//! The library file: migrations, refusal of foreign and newer files, and
//! the search index kept in step.

use folio::library::NewArticle;
use folio::library::{Condition, Filter};
use folio::library::{Library, LibraryError};
use folio::model::{ExtractedArticle, Published, Sort, SortKey};
use std::path::Path;

#[test]
fn a_file_from_the_first_schema_version_is_migrated_with_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let old = Library::open_at_version(&path, Some(1)).unwrap();
        let conn = old.connection();
        conn.execute(
            "INSERT INTO articles (title, body, source, region, published_date, published_precision, \
             content_hash, imported_at, updated_at) \
             VALUES ('Old piece', 'Body of an old piece about Kenya.', 'The Old Times', 'Sub-Saharan Africa', \
             '2015-06-01', 'month', 'h1', '2015-06-02T00:00:00Z', '2015-06-02T00:00:00Z')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO articles_fts(rowid, title, body, source, notes) \
             VALUES (1, 'Old piece', 'Body of an old piece about Kenya.', 'The Old Times', '')",
            [],
        )
        .unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, 1);
    }
    let library = Library::open(&path).unwrap();
    let version: i64 = library
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version as usize, folio::library::schema::MIGRATIONS.len());

    let article = library.get_article(1).unwrap();
    assert_eq!(article.meta.title.as_deref(), Some("Old piece"));
    assert_eq!(article.meta.published.unwrap().to_iso(), "2015-06");
    // The region the old file held is now in the regions table too.
    let by_region = library
        .list(&Filter::matching(Condition::Region(vec![
            "Sub-Saharan Africa".into(),
        ])))
        .unwrap();
    assert_eq!(by_region.len(), 1);
    assert_eq!(library.search("kenya", &Filter::default()).unwrap().len(), 1);
}

#[test]
fn a_file_from_a_newer_folio_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    {
        let library = Library::open(&path).unwrap();
        library
            .connection()
            .pragma_update(None, "user_version", 999)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Library::open(&path) {
        Err(e @ LibraryError::NewerFile { .. }) => {
            assert!(e.to_string().contains("newer Folio"), "{e}");
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a newer file was opened"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    let content = b"These are my notes, not a database. ".repeat(200);
    std::fs::write(&path, &content).unwrap();
    let err = Library::open(&path).err().expect("refused");
    assert!(err.to_string().contains("is not a Folio library"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), content);
}

/// Step 9 rewrote the view the search index reads (so older SQLite can read
/// the file): a library indexed through the old view upgrades with its
/// index still in step, comments and all, and keeps it in step after.
#[test]
fn a_library_indexed_before_step_nine_keeps_its_search_index_in_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("step8.sqlite");
    let id = {
        let mut old = Library::open_at_version(&path, Some(8)).unwrap();
        let mut article = sortable(Some("Harbour strike"), Some("The Herald"), None, None, 1);
        article.meta.body = "The dockers walked out at dawn. The port authority answered by noon.".into();
        let id = match old.insert_batch(&[article]).unwrap().remove(0).unwrap() {
            folio::library::InsertOutcome::Imported { id } => id,
            other => panic!("{other:?}"),
        };
        old.set_note(id, "Follow the wages.").unwrap();
        // Commented in the reverse of their order in the text: the view
        // lists comments by highlight, not by place.
        // Written as a Folio of step 8 wrote them: today's reader of an
        // article asks for columns that file does not have yet.
        for (start, end, quote, comment) in [
            (51, 67, "answered by noon", "quayside"),
            (12, 22, "walked out", "overtime"),
        ] {
            old.connection()
                .execute(
                    "INSERT INTO highlights (article_id, start_char, end_char, quote, color, comment, created_at, updated_at) \
                     VALUES (?, ?, ?, ?, 'blue', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                    rusqlite::params![id, start, end, quote, comment],
                )
                .unwrap();
        }
        id
    };
    let mut library = Library::open(&path).unwrap();
    let version: i64 = library
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version as usize, folio::library::schema::MIGRATIONS.len());
    assert!(library.check().unwrap().is_healthy());
    let notes: String = library
        .connection()
        .query_row("SELECT notes FROM article_search_text WHERE id = ?", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(notes, "Follow the wages.\nquayside\novertime");

    let first = library.highlights_of(id).unwrap();
    let quayside = first
        .iter()
        .find(|h| h.comment.as_deref() == Some("quayside"))
        .unwrap();
    library
        .update_highlight(quayside.id, quayside.color, Some("gantry"))
        .unwrap();
    let found = |library: &Library, q: &str| library.search(q, &Filter::default()).unwrap().len();
    assert_eq!(found(&library, "gantry"), 1);
    assert_eq!(found(&library, "quayside"), 0);
    assert_eq!(found(&library, "overtime"), 1);
    assert!(library.check().unwrap().is_healthy());
}

#[test]
fn the_default_library_lives_in_the_data_folder() {
    let path = folio::default_library_path();
    assert!(
        path.ends_with(Path::new("folio").join("library.sqlite")),
        "{}",
        path.display()
    );
}

#[test]
fn purge_needs_the_trash_first_and_keeps_the_index_in_step() {
    use folio::ingest::pipeline::import_paths;
    use std::sync::atomic::AtomicBool;
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings/harbour_editorial_en.txt");
    let report = import_paths(&mut library, &[fixture], &AtomicBool::new(false), |_, _| {}).unwrap();
    let id = report.new_ids()[0];
    assert!(library.purge(id).is_err(), "a live article cannot be purged");
    library.trash(id).unwrap();
    library.purge(id).unwrap();
    assert!(library.get_article(id).is_err());
    assert!(
        library
            .search("container terminal", &Filter::default())
            .unwrap()
            .is_empty()
    );
    let fts_rows: i64 = library
        .connection()
        .query_row("SELECT count(*) FROM articles_fts_docsize", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fts_rows, 0);
    let original: i64 = library
        .connection()
        .query_row("SELECT count(*) FROM originals", [], |r| r.get(0))
        .unwrap();
    assert_eq!(original, 0);
}

#[test]
fn the_original_file_is_kept_byte_for_byte() {
    use folio::ingest::pipeline::import_paths;
    use std::sync::atomic::AtomicBool;
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings/toyo_shasetsu_ja.txt");
    let report = import_paths(
        &mut library,
        std::slice::from_ref(&fixture),
        &AtomicBool::new(false),
        |_, _| {},
    )
    .unwrap();
    let (name, bytes) = library.original(report.new_ids()[0]).unwrap().unwrap();
    assert_eq!(name.as_deref(), Some("toyo_shasetsu_ja.txt"));
    assert_eq!(bytes, std::fs::read(&fixture).unwrap());
}

/// An article with only the fields the list sorts by.
/// Inserts new articles; their ids.
fn imported_ids(library: &mut Library, articles: &[NewArticle]) -> Vec<i64> {
    library
        .insert_batch(articles)
        .unwrap()
        .into_iter()
        .map(|o| match o.unwrap() {
            folio::library::InsertOutcome::Imported { id } => id,
            other => panic!("{other:?}"),
        })
        .collect()
}

fn sortable(
    title: Option<&str>,
    source: Option<&str>,
    region: Option<&str>,
    date: Option<&str>,
    n: usize,
) -> NewArticle {
    NewArticle {
        meta: ExtractedArticle {
            title: title.map(str::to_string),
            source: source.map(str::to_string),
            region: region.map(str::to_string),
            published: date.and_then(Published::from_iso),
            body: format!("Article number {n} of the sorting test, with its own words."),
            ..ExtractedArticle::default()
        },
        file_name: None,
        format: "text".into(),
        compressed_original: folio::library::compress(b"x"),
    }
}

#[test]
fn every_sort_lists_the_same_order_as_the_library_query() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    // Missing values, letters in both cases, accents, ties on every column.
    let titles = [
        Some("apple"),
        Some("Apple"),
        None,
        Some("Éclair"),
        Some("zebra"),
        Some("Zebra"),
        Some(""),
    ];
    let sources = [
        Some("The Herald"),
        Some("the herald"),
        None,
        Some("Ämter Zeitung"),
        Some("Gazette"),
    ];
    let regions = [
        Some("South Asia"),
        None,
        Some("Europe & Central Asia"),
        Some("south asia"),
    ];
    let dates = [
        Some("2020-05-01"),
        None,
        Some("2020-05"),
        Some("2019-12-31T08:30:00"),
        Some("2020-05-01T09:00:00"),
    ];
    let articles: Vec<NewArticle> = (0..40)
        .map(|n| {
            sortable(
                titles[n % titles.len()],
                sources[n % sources.len()],
                regions[n % regions.len()],
                dates[n % dates.len()],
                n,
            )
        })
        .collect();
    for outcome in library.insert_batch(&articles).unwrap() {
        outcome.unwrap();
    }
    for key in SortKey::ALL {
        for descending in [false, true] {
            let filter = Filter {
                sort: Sort { key, descending },
                ..Filter::default()
            };
            let listed: Vec<i64> = library.list(&filter).unwrap().iter().map(|s| s.id).collect();
            assert_eq!(
                library.list_ids(&filter).unwrap(),
                listed,
                "{key:?}, descending {descending}"
            );
            assert_eq!(listed.len(), 40);
        }
    }
    // Untitled articles come last in either direction.
    let by_title = |descending| {
        let filter = Filter {
            sort: Sort {
                key: SortKey::Title,
                descending,
            },
            ..Filter::default()
        };
        library.list(&filter).unwrap()
    };
    assert!(by_title(false).last().unwrap().title.is_none());
    assert!(by_title(true).last().unwrap().title.is_none());
}

#[test]
fn a_bulk_edit_lands_whole_or_not_at_all_and_its_undo_puts_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let articles: Vec<NewArticle> = (0..3)
        .map(|n| {
            sortable(
                Some("A piece"),
                Some("The Old Times"),
                None,
                Some("2020-05-01"),
                n,
            )
        })
        .collect();
    let ids = imported_ids(&mut library, &articles);
    let source = |library: &Library, id: i64| library.get_article(id).unwrap().meta.source;
    let changes = folio::model::DetailChanges {
        source: Some("The New Times".into()),
        topic: Some("politics".into()),
        ..Default::default()
    };

    // An article that is gone stops the edit before any article changes.
    let with_missing = [ids[0], ids[1], 9_999];
    assert!(library.edit_many(&with_missing, &changes).is_err());
    assert_eq!(source(&library, ids[0]).as_deref(), Some("The Old Times"));

    let edited = library.edit_many(&ids, &changes).unwrap();
    assert_eq!(edited.previous.len(), 3);
    assert_eq!(edited.filed.len(), 3);
    assert_eq!(
        library
            .count(&Filter::matching(Condition::Source(vec!["The New Times".into()])))
            .unwrap(),
        3
    );
    assert_eq!(
        library
            .count(&Filter::matching(Condition::Topic(vec!["politics".into()])))
            .unwrap(),
        3
    );

    library.undo_edit_many(&edited).unwrap();
    for &id in &ids {
        assert_eq!(source(&library, id).as_deref(), Some("The Old Times"));
    }
    assert_eq!(
        library
            .count(&Filter::matching(Condition::Topic(vec!["politics".into()])))
            .unwrap(),
        0
    );
}

#[test]
fn saved_searches_from_before_keep_their_place_in_the_library_s_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let old = Library::open_at_version(&path, Some(7)).unwrap();
        // Version 7 stored the window's own JSON for the place.
        for (name, place) in [
            ("in the trash", "\"Trash\""),
            ("lately", "\"Recent\""),
            ("all", "\"All\""),
        ] {
            old.connection()
                .execute(
                    "INSERT INTO saved_searches(name, query, filter, created_at) VALUES (?, 'korea', ?, '2026-01-01T00:00:00Z')",
                    [name, place],
                )
                .unwrap();
        }
    }
    let library = Library::open(&path).unwrap();
    let places: Vec<(String, folio::library::Place)> = library
        .saved_searches()
        .unwrap()
        .into_iter()
        .map(|s| (s.name, s.place))
        .collect();
    use folio::library::Place;
    assert_eq!(
        places,
        [
            ("all".to_string(), Place::All),
            ("in the trash".to_string(), Place::Trash),
            ("lately".to_string(), Place::Recent),
        ]
    );
}

#[test]
fn an_original_that_would_unpack_past_the_limit_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    // A zlib bomb where an original should be: 60 MB of zeros, 60 KB packed.
    let bomb = folio::library::compress(&vec![0u8; 60 * 1024 * 1024]);
    let mut article = sortable(Some("A bomb"), None, None, None, 1);
    article.compressed_original = bomb;
    let id = match library.insert_batch(&[article]).unwrap().remove(0).unwrap() {
        folio::library::InsertOutcome::Imported { id } => id,
        other => panic!("{other:?}"),
    };
    match library.original(id) {
        Err(LibraryError::Invalid(reason)) => assert!(reason.contains("more than 50 MB"), "{reason}"),
        other => panic!(
            "the bomb was unpacked: {:?}",
            other.map(|o| o.map(|(_, b)| b.len()))
        ),
    }
}

/// Starring: the stars land, the State facet counts them beside the read
/// state other tools kept, and the list, the search language and the
/// command line's flags all find them.
#[test]
fn starred_articles_are_counted_listed_and_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let leaders: Vec<NewArticle> = (0..4)
        .map(|n| sortable(Some(&format!("Leader {n}")), None, None, None, n))
        .collect();
    let ids = imported_ids(&mut library, &leaders);
    assert!(library.facets().unwrap().states.is_empty());
    assert_eq!(library.star_many(&ids[..2], true).unwrap(), ids[..2]);
    // Starring again changes nothing, and says so.
    assert_eq!(library.star_many(&ids[..1], true).unwrap(), Vec::<i64>::new());
    let states = library.facets().unwrap().states;
    assert_eq!(states.len(), 1);
    assert_eq!((states[0].value.as_str(), states[0].count), ("Starred", 2));

    let starred = Filter::matching(Condition::State(vec!["starred".into()]));
    let listed: Vec<i64> = library.list(&starred).unwrap().iter().map(|a| a.id).collect();
    assert_eq!(listed.len(), 2);
    assert!(
        library
            .list(&Filter::default())
            .unwrap()
            .iter()
            .all(|a| a.starred == ids[..2].contains(&a.id))
    );
    assert_eq!(
        library
            .search("is:starred leader", &Filter::default())
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        library
            .search("-is:starred leader", &Filter::default())
            .unwrap()
            .len(),
        2
    );
    assert!(library.get_article(ids[0]).unwrap().provenance.starred);

    assert_eq!(library.star_many(&ids, false).unwrap(), ids[..2]);
    assert_eq!(library.count(&starred).unwrap(), 0);
    assert!(matches!(
        library.star_many(&[9999], true),
        Err(LibraryError::NotFound(9999))
    ));
}
