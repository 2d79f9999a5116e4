//! The index answers as SQL does: every list, count and sidebar over a
//! generated library, before and after the kinds of change a user makes.

use crate::devtools::generate::{Plan, generate};
use crate::library::{Condition, DateTest, Filter, Library, search_conditions};
use crate::model::{Facet, FacetChoice, Sort, SortKey};

fn library(articles: usize) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("i.sqlite")).unwrap();
    let plan = Plan {
        articles,
        seed: 5,
        tags: 12,
    };
    generate(&mut library, &plan, |_| {}).unwrap();
    (dir, library)
}

/// Filters of every kind the window, the command line and the search ask.
fn filters(library: &Library) -> Vec<Filter> {
    let facets = library.facets_by_sql(&Filter::default()).unwrap();
    let mut filters = vec![
        Filter::default(),
        Filter {
            trash: true,
            ..Filter::default()
        },
    ];
    let first =
        |list: &[crate::library::FacetCount]| list.first().map(|c| c.value.clone()).unwrap_or_default();
    let (year, region, source, kind, language, tag) = (
        first(&facets.years),
        first(&facets.regions),
        first(&facets.sources),
        first(&facets.kinds),
        first(&facets.languages),
        first(&facets.tags),
    );
    let month = first(&facets.months);
    for (facet, value) in [
        (Facet::Date, year.clone()),
        (Facet::Date, month.clone()),
        (Facet::Region, region.clone()),
        (Facet::Region, "Japan".to_string()),
        (Facet::Source, source.to_uppercase()),
        (Facet::Kind, kind.clone()),
        (Facet::Language, language.clone()),
        (Facet::Tag, tag.clone()),
        (Facet::State, "Starred".to_string()),
        (Facet::State, "unread".to_string()),
        (
            Facet::Topic,
            facets.topics.first().map(|t| t.name.clone()).unwrap_or_default(),
        ),
    ] {
        filters.push(Filter {
            choice: FacetChoice::of(&[(facet, &value)]),
            ..Filter::default()
        });
    }
    filters.push(Filter {
        choice: FacetChoice::of(&[
            (Facet::Date, &year),
            (Facet::Region, &region),
            (Facet::Kind, &kind),
        ]),
        ..Filter::default()
    });
    filters.push(Filter {
        choice: FacetChoice::of(&[(Facet::Date, &month), (Facet::Tag, &tag)]),
        ..Filter::default()
    });
    for query in [
        "minister",
        "mini",
        "-economy",
        "source:a",
        "author:reporter 1",
        "lang:en",
        "経済",
        "year:2019",
    ] {
        filters.push(Filter {
            conditions: search_conditions(query),
            ..Filter::default()
        });
    }
    filters.push(Filter::matching(Condition::Not(Box::new(Condition::Published(
        DateTest::Year(year.parse().unwrap_or(2019)),
    )))));
    filters.push(Filter::matching(Condition::ImportedSince(
        "2000-01-01T00:00:00Z".into(),
    )));
    filters
}

fn assert_same(library: &Library, when: &str) {
    for filter in filters(library) {
        for key in SortKey::ALL {
            for descending in [false, true] {
                let sorted = Filter {
                    sort: Sort { key, descending },
                    ..filter.clone()
                };
                assert_eq!(
                    library.list_ids(&sorted).unwrap(),
                    library.list_ids_by_sql(&sorted).unwrap(),
                    "{when}: list of {sorted:?}"
                );
            }
        }
        assert_eq!(
            library.count(&filter).unwrap(),
            library.count_by_sql(&filter).unwrap(),
            "{when}: count of {filter:?}"
        );
        assert_eq!(
            library.facets_for(&filter).unwrap(),
            library.facets_by_sql(&filter).unwrap(),
            "{when}: sidebar of {filter:?}"
        );
        assert_eq!(
            library.country_counts_for(&filter).unwrap(),
            library.country_counts_by_sql(&filter).unwrap(),
            "{when}: atlas of {filter:?}"
        );
        for split in crate::library::TrendSplit::ALL {
            assert_eq!(
                library.trends_for(&filter, split).unwrap(),
                library.trends_by_sql(&filter, split).unwrap(),
                "{when}: trends by {split:?} of {filter:?}"
            );
        }
    }
}

#[test]
fn the_index_answers_as_sql_does_through_changes() {
    let (_dir, mut library) = library(400);
    // Values the generator does not write: no title, ties, states.
    library
        .conn
        .execute_batch(
            "UPDATE articles SET title = NULL WHERE id % 37 = 0;
             UPDATE articles SET title = 'Same title' WHERE id % 41 = 0;
             UPDATE articles SET source = NULL WHERE id % 43 = 0;
             UPDATE articles SET region = NULL WHERE id % 29 = 0;
             UPDATE articles SET published_date = NULL, published_precision = NULL WHERE id % 31 = 0;
             UPDATE articles SET published_time = '09:30' WHERE id % 7 = 0;
             UPDATE articles SET read_state = 'unread' WHERE id % 5 = 0;
             UPDATE articles SET starred = 1 WHERE id % 11 = 0;",
        )
        .unwrap();
    assert_same(&library, "loaded");

    let ids = library.list_ids(&Filter::default()).unwrap();
    library.trash_many(&ids[..10]).unwrap();
    library.purge_many(&ids[..3]).unwrap();
    library.change_tags(ids[20], &["fresh".into()], &[]).unwrap();
    library.star_many(&ids[30..35], true).unwrap();
    let tags = library.facets().unwrap().tags;
    library.delete_tag(&tags[0].value).unwrap();
    library
        .conn
        .execute(
            "UPDATE articles SET title = 'Aardvark', source = 'ZZZ Times' WHERE id = ?",
            [ids[40]],
        )
        .unwrap();
    assert_same(&library, "after edits");

    // New articles, and a change made by another connection.
    let plan = Plan {
        articles: 50,
        seed: 9,
        tags: 12,
    };
    generate(&mut library, &plan, |_| {}).unwrap();
    let other = rusqlite::Connection::open(&library.path).unwrap();
    other
        .execute(
            "UPDATE articles SET region = 'Europe & Central Asia' WHERE id = ?",
            [ids[50]],
        )
        .unwrap();
    assert_same(&library, "after another writer");
}

#[test]
fn a_change_rolled_back_is_forgotten() {
    let (_dir, library) = library(60);
    let id = library.list_ids(&Filter::default()).unwrap()[0];
    library.conn.execute_batch("BEGIN").unwrap();
    library
        .conn
        .execute("UPDATE articles SET source = 'Rolled Back' WHERE id = ?", [id])
        .unwrap();
    // Asked inside the transaction, the index sees it, as SQL does.
    let rolled = Filter::matching(Condition::Source(vec!["Rolled Back".into()]));
    assert_eq!(library.list_ids(&rolled).unwrap(), [id]);
    library.conn.execute_batch("ROLLBACK").unwrap();
    assert!(library.list_ids(&rolled).unwrap().is_empty());
    assert_same(&library, "after the rollback");
}

#[test]
fn a_library_opened_again_starts_from_its_kept_index_and_catches_up() {
    let (_dir, library) = library(200);
    let path = library.path.clone();
    library.list_ids(&Filter::default()).unwrap();
    // Closing keeps the index in the file.
    drop(library);
    let other = rusqlite::Connection::open(&path).unwrap();
    crate::library::word_starts::register(&other).unwrap();
    other
        .execute("UPDATE articles SET source = 'Later Gazette' WHERE id = 5", [])
        .unwrap();
    other.execute("DELETE FROM articles WHERE id = 6", []).unwrap();
    drop(other);
    let library = Library::open(&path).unwrap();
    let kept = super::ArticleIndex::from_snapshot(&library.conn).expect("a kept index");
    assert!(kept.slot_of(6).is_some(), "kept before the article was deleted");
    assert_same(&library, "from the kept index");
    let later = Filter::matching(Condition::Source(vec!["Later Gazette".into()]));
    assert_eq!(library.list_ids(&later).unwrap(), [5]);
}

#[test]
fn a_kept_index_that_cannot_be_read_is_replaced_when_the_library_closes() {
    let (_dir, library) = library(50);
    let path = library.path.clone();
    library.list_ids(&Filter::default()).unwrap();
    drop(library);
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute("UPDATE article_index_snapshot SET data = x'00010203'", [])
        .unwrap();
    drop(other);
    let library = Library::open(&path).unwrap();
    assert!(super::ArticleIndex::from_snapshot(&library.conn).is_none());
    assert_same(&library, "read from the articles");
    drop(library);
    let library = Library::open(&path).unwrap();
    assert!(
        super::ArticleIndex::from_snapshot(&library.conn).is_some(),
        "kept anew"
    );
}
