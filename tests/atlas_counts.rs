//! The counts behind the atlas and the trends chart: every country's
//! articles, and articles per month in bands, under the list's filter.

#[path = "common/articles.rs"]
mod articles;

use articles::article_about as article;
use folio::library::{Condition, Filter, InsertOutcome, Library, TrendSplit, search_conditions};
use folio::model::{Facet, FacetChoice};

/// Six articles over three months; the last one in the trash.
fn library() -> (tempfile::TempDir, Library, Vec<i64>) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let articles = [
        article(
            "Tokyo offers talks",
            "Asahi",
            "East Asia & Pacific",
            &["Japan"],
            "2024-01-05",
        ),
        article(
            "Seoul answers the offer",
            "Chosun",
            "East Asia & Pacific",
            &["South Korea", "Japan"],
            "2024-01-20",
        ),
        article(
            "Washington weighs in on talks",
            "The Post",
            "North America",
            &["United States", "Japan"],
            "2024-03-02",
        ),
        article(
            "Nairobi's budget",
            "Daily Nation",
            "Sub-Saharan Africa",
            &["Kenya"],
            "2024-03-15",
        ),
        article(
            "A year in review",
            "Asahi",
            "East Asia & Pacific",
            &["Japan"],
            "2023",
        ),
        article(
            "Trashed piece on Japan",
            "Asahi",
            "East Asia & Pacific",
            &["Japan"],
            "2024-01-09",
        ),
    ];
    let ids: Vec<i64> = library
        .insert_batch(&articles)
        .unwrap()
        .into_iter()
        .map(|o| match o.unwrap() {
            InsertOutcome::Imported { id } => id,
            other => panic!("not imported: {other:?}"),
        })
        .collect();
    library.trash_many(&ids[5..]).unwrap();
    (dir, library, ids)
}

fn count_of(counts: &[folio::library::FacetCount], country: &str) -> usize {
    counts.iter().find(|c| c.value == country).map_or(0, |c| c.count)
}

#[test]
fn every_country_is_counted_under_the_lists_filter_the_trash_aside() {
    let (_dir, library, _) = library();
    let all = library.country_counts_for(&Filter::default()).unwrap();
    assert_eq!(count_of(&all, "Japan"), 4);
    assert_eq!(count_of(&all, "Kenya"), 1);
    assert_eq!(all[0].value, "Japan", "most first");
    // Choosing a region still counts every country its articles concern.
    let north_america = Filter {
        choice: FacetChoice::of(&[(Facet::Region, "North America")]),
        ..Filter::default()
    };
    let counts = library.country_counts_for(&north_america).unwrap();
    assert_eq!(count_of(&counts, "United States"), 1);
    assert_eq!(count_of(&counts, "Japan"), 1);
    assert_eq!(count_of(&counts, "Kenya"), 0);
    // A search narrows them as it narrows the list.
    let searched = Filter {
        conditions: search_conditions("budget"),
        ..Filter::default()
    };
    let counts = library.country_counts_for(&searched).unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(count_of(&counts, "Kenya"), 1);
}

#[test]
fn months_are_stacked_by_region_and_source_with_empty_months_kept() {
    let (_dir, library, _) = library();
    let trends = library
        .trends_for(&Filter::default(), TrendSplit::Region)
        .unwrap();
    assert_eq!(trends.months, ["2024-01", "2024-02", "2024-03"]);
    let band = |value: &str| {
        trends
            .bands
            .iter()
            .find(|b| b.value.as_deref() == Some(value))
            .unwrap()
            .counts
            .clone()
    };
    assert_eq!(trends.bands[0].value.as_deref(), Some("East Asia & Pacific"));
    assert_eq!(band("East Asia & Pacific"), [2, 0, 0]);
    assert_eq!(band("North America"), [0, 0, 1]);
    // The piece dated to its year only is in no month.
    assert_eq!(trends.left_out, 1);

    let by_source = library
        .trends_for(
            &Filter::matching(Condition::Published(folio::library::DateTest::Year(2024))),
            TrendSplit::Source,
        )
        .unwrap();
    let names: Vec<_> = by_source.bands.iter().filter_map(|b| b.value.clone()).collect();
    assert_eq!(names.len(), 4);
    assert!(names.contains(&"Daily Nation".to_string()));
    assert_eq!(by_source.left_out, 0);
}

#[test]
fn topics_stack_under_their_top_level_topic_once_per_article() {
    let (_dir, mut library, ids) = library();
    let diplomacy = library.topic_id("politics › diplomacy").unwrap();
    let elections = library.topic_id("politics › elections").unwrap();
    let economy = library.topic_id("economy, business and finance").unwrap();
    library
        .change_topics(ids[0], &[diplomacy, elections], &[])
        .unwrap();
    library.change_topics(ids[3], &[economy], &[]).unwrap();
    let trends = library.trends_for(&Filter::default(), TrendSplit::Topic).unwrap();
    let bands: Vec<(Option<&str>, Vec<usize>)> = trends
        .bands
        .iter()
        .map(|b| (b.value.as_deref(), b.counts.clone()))
        .collect();
    // Two topics under politics: the article counts once there.
    assert!(bands.contains(&(Some("politics"), vec![1, 0, 0])), "{bands:?}");
    assert!(
        bands.contains(&(Some("economy, business and finance"), vec![0, 0, 1])),
        "{bands:?}"
    );
    // Three articles are filed under no topic (the year-only one too).
    assert_eq!(trends.left_out, 3);
}
