//! Story threads: articles of several papers, in several languages, on
//! the same event are grouped; the same kind of event elsewhere is not;
//! the user's corrections outlive a regrouping; the trash takes an
//! article out of its thread; the command line lists them.

mod common;

use folio::ingest::pipeline::import_paths;
use folio::library::{Filter, Library};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// A week of clippings written for these tests: three papers (English,
/// French, German) on the opening of a bridge, the same kind of event in
/// another country two days later, and news of something else.
const CLIPPINGS: &[(&str, &str)] = &[
    (
        "bridge_en.txt",
        "The Harbour Herald\n\nKessler Bridge opens across the Oder after six years of work\n\nMay 12, 2025\n\n\
         Chancellor Anna Weibel opened the Kessler Bridge over the Oder on Monday, linking the town of Brankow \
         with the Polish bank six years after work began. The 780-metre crossing cost 412 million euros.\n\n\
         Weibel and Polish Prime Minister Tomasz Raczek cut the ribbon together at midday. Engineers from \
         Halvorsen Bau said the bridge would carry 9,000 vehicles a day.\n",
    ),
    (
        "bridge_fr.txt",
        "La Tribune de Lyon\n\nLe pont Kessler relie enfin les deux rives de l'Oder\n\n13 mai 2025\n\n\
         La chancelière Anna Weibel a inauguré lundi le pont Kessler, qui relie Brankow à la rive polonaise de \
         l'Oder. L'ouvrage de 780 mètres a coûté 412 millions d'euros.\n\n\
         Le Premier ministre polonais Tomasz Raczek était présent. Selon Halvorsen Bau, 9 000 véhicules \
         l'emprunteront chaque jour.\n",
    ),
    (
        "bridge_de.txt",
        "Elbtal Zeitung\n\nKessler-Brücke über die Oder eröffnet\n\n12. Mai 2025\n\n\
         Bundeskanzlerin Anna Weibel hat am Montag die Kessler-Brücke in Brankow eröffnet. Die 780 Meter \
         lange Querung kostete 412 Millionen Euro und verbindet Brankow mit dem polnischen Ufer der Oder.\n\n\
         Gemeinsam mit dem polnischen Regierungschef Tomasz Raczek durchschnitt Weibel das Band. Halvorsen \
         Bau rechnet mit 9.000 Fahrzeugen am Tag.\n",
    ),
    (
        "tunnel_en.txt",
        "The Meridian Post\n\nNew tunnel opens under the Tagus after five years of work\n\nMay 14, 2025\n\n\
         Portugal's prime minister Rui Valadares opened a road tunnel under the Tagus near Lisbon on \
         Wednesday, five years after work began. The 2.4-kilometre crossing cost 530 million euros.\n\n\
         Engineers said the tunnel would carry 30,000 vehicles a day and relieve the city's bridges.\n",
    ),
    (
        "harvest_en.txt",
        "The Meridian Post\n\nCoffee growers in Colombia brace for a smaller harvest\n\nMay 13, 2025\n\n\
         Growers in the Huila highlands expect the smallest coffee harvest in a decade after months of \
         drought, the national growers' federation said on Tuesday.\n",
    ),
];

struct Set {
    _dir: tempfile::TempDir,
    library: Library,
    ids: Vec<i64>,
}

impl Set {
    fn id(&self, file: &str) -> i64 {
        self.ids[CLIPPINGS.iter().position(|(f, _)| *f == file).unwrap()]
    }

    fn thread_of(&self, file: &str) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .library
            .story_of(self.id(file))
            .unwrap()
            .map(|t| t.articles.iter().map(|m| m.id).collect())
            .unwrap_or_default();
        ids.sort();
        ids
    }

    fn ids(&self, files: &[&str]) -> Vec<i64> {
        let mut ids: Vec<i64> = files.iter().map(|f| self.id(f)).collect();
        ids.sort();
        ids
    }
}

fn write_clippings(dir: &Path) -> Vec<PathBuf> {
    CLIPPINGS
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// The clippings imported, and grouped as the background does it.
fn grouped() -> Set {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_clippings(dir.path());
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let report = import_paths(&mut library, &paths, &AtomicBool::new(false), |_, _| {}).unwrap();
    let ids = report.new_ids();
    assert_eq!(ids.len(), CLIPPINGS.len());
    assert_eq!(library.stories_pending().unwrap(), CLIPPINGS.len());
    while library.update_stories(2).unwrap() > 0 {}
    assert_eq!(library.stories_pending().unwrap(), 0);
    Set {
        _dir: dir,
        library,
        ids,
    }
}

const BRIDGE: [&str; 3] = ["bridge_en.txt", "bridge_fr.txt", "bridge_de.txt"];

#[test]
fn three_papers_in_three_languages_on_one_event_share_a_thread() {
    let set = grouped();
    assert_eq!(set.thread_of("bridge_en.txt"), set.ids(&BRIDGE));
    assert_eq!(set.thread_of("bridge_de.txt"), set.ids(&BRIDGE));
    let thread = set.library.story_of(set.id("bridge_fr.txt")).unwrap().unwrap();
    // Oldest first, each with what a list of the thread shows.
    let first = &thread.articles[0];
    assert_eq!(first.published.as_deref(), Some("2025-05-12"));
    assert!(!first.by_user);
    let languages: Vec<_> = thread
        .articles
        .iter()
        .filter_map(|m| m.language.clone())
        .collect();
    assert!(
        languages.contains(&"fr".to_string()) && languages.contains(&"de".to_string()),
        "{languages:?}"
    );
}

#[test]
fn the_same_kind_of_event_elsewhere_and_other_news_stay_alone() {
    let set = grouped();
    assert_eq!(set.thread_of("tunnel_en.txt"), Vec::<i64>::new());
    assert_eq!(set.thread_of("harvest_en.txt"), Vec::<i64>::new());
    // All at once, the same.
    let mut set = set;
    set.library.regroup_stories().unwrap();
    assert_eq!(set.thread_of("bridge_en.txt"), set.ids(&BRIDGE));
    assert_eq!(set.thread_of("tunnel_en.txt"), Vec::<i64>::new());
}

#[test]
fn not_the_same_story_takes_the_article_out_for_good() {
    let mut set = grouped();
    let german = set.id("bridge_de.txt");
    set.library.split_from_story(german).unwrap();
    assert_eq!(set.thread_of("bridge_de.txt"), Vec::<i64>::new());
    assert_eq!(
        set.thread_of("bridge_en.txt"),
        set.ids(&["bridge_en.txt", "bridge_fr.txt"])
    );
    set.library.regroup_stories().unwrap();
    assert_eq!(set.thread_of("bridge_de.txt"), Vec::<i64>::new());
    assert_eq!(
        set.thread_of("bridge_en.txt"),
        set.ids(&["bridge_en.txt", "bridge_fr.txt"])
    );
    // Edited, it is grouped again, and still kept apart.
    let mut meta = set.library.get_article(german).unwrap().meta;
    meta.title = Some("Kessler-Brücke eröffnet".into());
    set.library.update_details(german, &meta).unwrap();
    assert_eq!(set.library.stories_pending().unwrap(), 1);
    set.library.update_stories(10).unwrap();
    assert_eq!(set.thread_of("bridge_de.txt"), Vec::<i64>::new());
}

#[test]
fn a_join_by_hand_outlives_a_regrouping_and_moves_the_article() {
    let mut set = grouped();
    let tunnel = set.id("tunnel_en.txt");
    let english = set.id("bridge_en.txt");
    set.library.join_stories(tunnel, english).unwrap();
    let all = set.ids(&["bridge_en.txt", "bridge_fr.txt", "bridge_de.txt", "tunnel_en.txt"]);
    assert_eq!(set.thread_of("tunnel_en.txt"), all);
    let thread = set.library.story_of(tunnel).unwrap().unwrap();
    assert!(thread.articles.iter().find(|m| m.id == tunnel).unwrap().by_user);
    set.library.regroup_stories().unwrap();
    assert_eq!(set.thread_of("tunnel_en.txt"), all);
    // Joined elsewhere, it leaves that thread, which keeps its other articles.
    let harvest = set.id("harvest_en.txt");
    set.library.join_stories(tunnel, harvest).unwrap();
    assert_eq!(
        set.thread_of("tunnel_en.txt"),
        set.ids(&["tunnel_en.txt", "harvest_en.txt"])
    );
    assert_eq!(set.thread_of("bridge_en.txt"), set.ids(&BRIDGE));
    set.library.regroup_stories().unwrap();
    assert_eq!(
        set.thread_of("harvest_en.txt"),
        set.ids(&["tunnel_en.txt", "harvest_en.txt"])
    );
    // Nonsense is refused, with a reason.
    assert!(set.library.join_stories(tunnel, tunnel).is_err());
    assert!(set.library.join_stories(tunnel, 999_999).is_err());
    assert!(set.library.split_from_story(999_999).is_err());
}

#[test]
fn an_article_in_the_trash_leaves_its_thread_and_comes_back_with_it() {
    let mut set = grouped();
    let french = set.id("bridge_fr.txt");
    set.library.trash(french).unwrap();
    assert_eq!(
        set.thread_of("bridge_en.txt"),
        set.ids(&["bridge_en.txt", "bridge_de.txt"])
    );
    assert_eq!(set.library.story_of(french).unwrap(), None);
    let listed = set.library.story_threads(&Filter::default(), 10).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].size, 2);
    set.library.restore(french).unwrap();
    assert_eq!(set.thread_of("bridge_en.txt"), set.ids(&BRIDGE));
}

#[test]
fn the_list_of_threads_gives_size_dates_sources_and_title() {
    let set = grouped();
    let listed = set.library.story_threads(&Filter::default(), 10).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let thread = &listed[0];
    assert_eq!(thread.size, 3);
    assert_eq!(thread.first.as_deref(), Some("2025-05-12"));
    assert_eq!(thread.last.as_deref(), Some("2025-05-13"));
    let mut sources = thread.sources.clone();
    sources.sort();
    assert_eq!(
        sources,
        ["Elbtal Zeitung", "La Tribune de Lyon", "The Harbour Herald"]
    );
    assert!(thread.title.contains("Kessler"), "{}", thread.title);
    assert_eq!(
        set.library
            .story_thread(thread.id)
            .unwrap()
            .unwrap()
            .articles
            .len(),
        3
    );
    // Only the threads with an article the filter selects.
    let trash_only = Filter {
        trash: true,
        ..Filter::default()
    };
    assert!(set.library.story_threads(&trash_only, 10).unwrap().is_empty());
    assert!(
        set.library
            .story_threads(&Filter::default(), 0)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_library_from_before_story_threads_groups_its_articles_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_clippings(dir.path());
    let path = dir.path().join("old.sqlite");
    {
        let mut old =
            Library::open_at_version(&path, Some(folio::library::schema::REGION_BASIS_STEP as usize))
                .unwrap();
        import_paths(&mut old, &paths, &AtomicBool::new(false), |_, _| {}).unwrap();
        assert_eq!(old.stories_pending().unwrap(), 0);
        assert_eq!(old.update_stories(100).unwrap(), 0);
        assert!(old.story_threads(&Filter::default(), 10).unwrap().is_empty());
        assert!(old.join_stories(1, 2).is_err());
    }
    let mut library = Library::open(&path).unwrap();
    assert_eq!(library.stories_pending().unwrap(), CLIPPINGS.len());
    library.update_stories(usize::MAX).unwrap();
    let listed = library.story_threads(&Filter::default(), 10).unwrap();
    assert_eq!(listed.iter().map(|t| t.size).collect::<Vec<_>>(), [3]);
}

#[test]
fn folio_stories_and_folio_story_print_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_clippings(dir.path());
    let library = dir.path().join("lib.sqlite");
    let mut args = vec!["import"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let (ok, printed) = common::folio(&library, &args);
    assert!(ok, "{printed}");

    let (ok, printed) = common::folio(&library, &["stories", "--json"]);
    assert!(ok, "{printed}");
    let threads: serde_json::Value = serde_json::from_str(&printed).unwrap();
    let threads = threads.as_array().unwrap();
    assert_eq!(threads.len(), 1, "{printed}");
    let thread = &threads[0];
    assert_eq!(thread["size"], 3);
    assert_eq!(thread["first"], "2025-05-12");
    let articles = thread["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    for key in ["id", "title", "source", "published", "language", "by_user"] {
        assert!(articles[0].get(key).is_some(), "{key} missing: {printed}");
    }
    let english = articles.iter().find(|a| a["language"] == "en").unwrap();
    let id = english["id"].as_i64().unwrap().to_string();

    let (ok, printed) = common::folio(&library, &["story", &id]);
    assert!(ok, "{printed}");
    assert!(printed.contains("3 articles"), "{printed}");
    assert!(
        printed.contains("Elbtal Zeitung") && printed.contains("La Tribune de Lyon"),
        "{printed}"
    );

    let (ok, printed) = common::folio(&library, &["story", &id, "--json"]);
    assert!(ok, "{printed}");
    let one: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(one["id"], thread["id"]);

    let (ok, printed) = common::folio(&library, &["stories"]);
    assert!(ok && printed.contains("1 thread"), "{printed}");
    let (ok, printed) = common::folio(&library, &["story", "424242"]);
    assert!(!ok && printed.contains("no article with id 424242"), "{printed}");
}

/// The labelled set (`tests/fixtures/stories/`, written by hand for this
/// purpose): threads made as the articles arrive reach the goal,
/// pairwise F1 of 0.85 or more, on every half.
#[test]
fn the_labelled_set_is_grouped_as_labelled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    assert!(
        dir.join("manifest.tsv").is_file(),
        "the labelled set is at {}",
        dir.display()
    );
    let scratch = tempfile::tempdir().unwrap();
    let measured =
        folio::devtools::story_eval::measure_labelled(&dir, &[], &scratch.path().join("labelled.sqlite"))
            .unwrap();
    for m in &measured {
        for (half, scores) in &m.halves {
            assert!(
                scores.pair_f1 >= 0.85,
                "threads made {} on the {half} half: pairwise F1 {:.3} (wrongly together {:?}, missed {:?})",
                m.how,
                scores.pair_f1,
                m.wrong,
                m.missed
            );
        }
    }
}

#[test]
fn an_article_no_longer_dated_to_the_day_leaves_its_thread() {
    let mut set = grouped();
    let french = set.id("bridge_fr.txt");
    let mut meta = set.library.get_article(french).unwrap().meta;
    let mut published = meta.published.unwrap();
    published.precision = folio::model::DatePrecision::Month;
    meta.published = Some(published);
    set.library.update_details(french, &meta).unwrap();
    set.library.update_stories(10).unwrap();
    assert_eq!(set.thread_of("bridge_fr.txt"), Vec::<i64>::new());
    assert_eq!(
        set.thread_of("bridge_en.txt"),
        set.ids(&["bridge_en.txt", "bridge_de.txt"])
    );
}
