//! Topics: the built-in tree, filing articles, and browsing by topic from
//! the library, the search box and the command line.

use folio::ingest::pipeline::import_paths;
use folio::library::Library;
use folio::library::{Condition, Filter};
mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;

const PORT: &str = "Port strike must end before the harvest ships arrive";
const SEED: &str = "Japan, U.S. must seize chance of Kim’s offer of talks with South";

fn library(dir: &Path) -> Library {
    let mut library = Library::open(&dir.join("lib.sqlite")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = [
        root.join("tests/fixtures/clippings"),
        root.join("../shared/seeds/000_deebf3aef80def1e.txt"),
    ];
    import_paths(&mut library, &paths, &AtomicBool::new(false), |_, _| {}).unwrap();
    library
}

fn id_of(library: &Library, title: &str) -> i64 {
    library
        .list(&Filter::default())
        .unwrap()
        .into_iter()
        .find(|a| a.title.as_deref() == Some(title))
        .unwrap()
        .id
}

fn titles(library: &Library, topic: &str) -> Vec<String> {
    let filter = Filter::matching(Condition::Topic(vec![topic.into()]));
    let mut found: Vec<String> = library
        .list(&filter)
        .unwrap()
        .into_iter()
        .filter_map(|a| a.title)
        .collect();
    found.sort();
    found
}

fn count(library: &Library, path: &[&str]) -> usize {
    let mut nodes = library.topic_tree().unwrap();
    let mut found = None;
    for name in path {
        let node = nodes.into_iter().find(|n| n.name == *name).unwrap();
        nodes = node.children.clone();
        found = Some(node.count);
    }
    found.unwrap()
}

#[test]
fn articles_filed_under_a_topic_are_found_under_it_and_under_its_parent() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let tree = lib.topic_tree().unwrap();
    assert_eq!(tree.len(), 17, "the IPTC Media Topics top level");
    let politics = tree.iter().find(|n| n.name == "politics").unwrap();
    assert!(politics.children.iter().any(|c| c.name == "diplomacy"));

    let port = id_of(&lib, PORT);
    let seed = id_of(&lib, SEED);
    let strikes = lib.topic_id("strikes").unwrap();
    let diplomacy = lib.topic_id("politics › diplomacy").unwrap();
    let politics = lib.topic_id("Politics").unwrap();
    lib.change_topics(port, &[strikes], &[]).unwrap();
    lib.change_topics(seed, &[diplomacy, politics], &[]).unwrap();

    assert_eq!(
        titles(&lib, "labour"),
        [PORT],
        "a parent holds its children's articles"
    );
    assert_eq!(titles(&lib, "strikes"), [PORT]);
    assert_eq!(titles(&lib, "politics"), [SEED]);
    assert_eq!(count(&lib, &["politics"]), 1, "counted once though filed twice");
    assert_eq!(count(&lib, &["politics", "diplomacy"]), 1);
    assert_eq!(count(&lib, &["labour"]), 1);
    assert_eq!(
        lib.get_article(seed)
            .unwrap()
            .topics
            .iter()
            .map(|t| t.path.as_str())
            .collect::<Vec<_>>(),
        ["politics", "politics › diplomacy"]
    );

    let found: Vec<String> = lib
        .search("topic:labour", &Filter::default())
        .unwrap()
        .into_iter()
        .filter_map(|h| h.summary.title)
        .collect();
    assert_eq!(found, [PORT]);

    lib.trash(port).unwrap();
    assert_eq!(count(&lib, &["labour"]), 0, "the trash does not count");
    lib.change_topics(seed, &[], &[politics]).unwrap();
    assert_eq!(titles(&lib, "politics"), [SEED], "still under diplomacy");
    assert!(lib.topic_id("astrology").is_err());
}

#[test]
fn the_command_line_files_lists_and_prints_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let seed = id_of(&lib, SEED).to_string();
    drop(lib);
    let folio = |args: &[&str]| common::folio(&dir.path().join("lib.sqlite"), args);
    let (ok, text) = folio(&["topic", &seed, "+diplomacy", "+politics › elections"]);
    assert!(
        ok && text.contains("politics › diplomacy, politics › elections"),
        "{text}"
    );
    let (ok, text) = folio(&["topic", &seed, "-elections"]);
    assert!(ok && text.ends_with("topics: politics › diplomacy\n"), "{text}");
    let (ok, text) = folio(&["topic", &seed, "+astrology"]);
    assert!(!ok && text.contains("no topic called “astrology”"), "{text}");
    let (ok, text) = folio(&["topics"]);
    assert!(
        ok && text.contains("politics  (1)\n  defence  (0)\n  diplomacy  (1)\n"),
        "{text}"
    );
    let (ok, text) = folio(&["list", "--topic", "politics"]);
    assert!(
        ok && text.contains(SEED) && text.contains("1 of 1 article"),
        "{text}"
    );
}

#[test]
fn the_list_filters_by_kind_language_and_country_and_tags_print_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let seed = id_of(&lib, SEED);
    let port = id_of(&lib, PORT);
    lib.change_tags(seed, &["korea".into(), "diplomacy".into()], &[])
        .unwrap();
    lib.change_tags(port, &["diplomacy".into()], &[]).unwrap();
    drop(lib);
    let path = dir.path().join("lib.sqlite");
    let titles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend(args);
        let (ok, text) = common::folio(&path, &all);
        assert!(ok, "{text}");
        text.lines()
            .filter(|l| l.starts_with('#'))
            .map(|l| l.to_string())
            .collect()
    };
    let japanese = titles(&["--lang", "ja"]);
    assert_eq!(japanese.len(), 1, "{japanese:?}");
    assert!(japanese[0].contains("南北対話の機会を生かせ"));
    let about_japan = titles(&["--country", "Japan"]);
    assert!(about_japan.iter().any(|l| l.contains(SEED)), "{about_japan:?}");
    assert!(!about_japan.iter().any(|l| l.contains(PORT)));
    let editorials = titles(&["--kind", "editorial"]);
    assert!(editorials.iter().any(|l| l.contains(SEED)), "{editorials:?}");
    assert!(titles(&["--kind", "editorial", "--lang", "fr"]).len() < editorials.len());

    let (ok, text) = common::folio(&path, &["tags"]);
    assert!(ok && text == "diplomacy  (2)\nkorea  (1)\n", "{text}");

    // Renaming onto a tag that exists merges them; the seed is counted once.
    let (ok, text) = common::folio(&path, &["rename-tag", "korea", "diplomacy"]);
    assert!(ok && text.contains("is now “diplomacy”, on 2 articles"), "{text}");
    let (ok, text) = common::folio(&path, &["rename-tag", "diplomacy", "Diplomacy"]);
    assert!(ok && text.contains("on 2 articles"), "{text}");
    let (ok, text) = common::folio(&path, &["tags"]);
    assert!(ok && text == "Diplomacy  (2)\n", "{text}");
    let (ok, text) = common::folio(&path, &["rename-tag", "nothing", "x"]);
    assert!(!ok && text.contains("no tag called “nothing”"), "{text}");
    let (ok, text) = common::folio(&path, &["delete-tag", "Diplomacy"]);
    assert!(ok && text.contains("deleted from 2 articles"), "{text}");
    let (ok, text) = common::folio(&path, &["tags"]);
    assert!(ok && text.starts_with("no tags yet"), "{text}");
}

#[test]
fn own_topics_are_added_renamed_moved_merged_and_deleted_and_built_ins_stay() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = library(dir.path());
    let (port, seed) = (id_of(&library, PORT), id_of(&library, SEED));
    let politics = library.topic_id("politics").unwrap();
    let economy = library.topic_id("economy, business and finance").unwrap();

    // Added below a built-in topic, and filed under.
    let korea = library.add_topic("Korean peninsula", Some(politics)).unwrap();
    library.change_topics(seed, &[korea], &[]).unwrap();
    assert_eq!(titles(&library, "Korean peninsula"), [SEED]);
    assert_eq!(count(&library, &["politics", "Korean peninsula"]), 1);
    assert!(library.add_topic("korean  peninsula", Some(politics)).is_err());

    // Renamed, then moved to the top with what is below it.
    library.rename_topic(korea, "Korea").unwrap();
    let talks = library.add_topic("talks", Some(korea)).unwrap();
    library.move_topic(korea, None).unwrap();
    assert_eq!(count(&library, &["Korea"]), 1);
    assert_eq!(count(&library, &["Korea", "talks"]), 0);
    assert!(
        library.move_topic(korea, Some(talks)).is_err(),
        "not under itself"
    );

    // A second own topic renamed onto the first: one topic, both articles,
    // and the children merged by name.
    let other = library.add_topic("Koreas", None).unwrap();
    library.add_topic("talks", Some(other)).unwrap();
    library.change_topics(port, &[other], &[]).unwrap();
    let kept = library.rename_topic(other, "korea").unwrap();
    assert_eq!(kept, korea);
    assert_eq!(titles(&library, "Korea"), [SEED, PORT]);
    let tree = library.topic_tree().unwrap();
    let node = tree.iter().find(|n| n.name == "Korea").unwrap();
    assert_eq!(node.children.iter().filter(|c| c.name == "talks").count(), 1);

    // Built-in topics are not the user's to rename, move or delete.
    let refused = library.rename_topic(economy, "money").unwrap_err().to_string();
    assert!(refused.contains("built-in"), "{refused}");
    assert!(library.move_topic(economy, Some(korea)).is_err());
    assert!(library.delete_topic(politics).is_err());

    // Deleting says how many articles were filed there; they stay.
    assert_eq!(library.delete_topic(korea).unwrap(), 2);
    assert!(titles(&library, "politics").is_empty());
    assert_eq!(library.count(&Filter::default()).unwrap(), 10);
    assert!(library.check().unwrap().is_healthy());
}
