//! Topic suggestions in every language Folio reads: measured on clippings
//! written by hand and labelled with their top-level topic
//! (`tests/fixtures/topics/`), the same evaluation `folio bench-topics
//! --labelled` reports; and the learning from filed articles, which must
//! help an article in the same language and not drown one in another.

use folio::devtools::topic_eval::{Tally, measure_labelled, read_manifest};
use folio::library::{InsertOutcome, Library, NewArticle, compress};
use folio::model::ExtractedArticle;
use std::collections::HashSet;
use std::path::Path;

fn labelled_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/topics"))
}

#[test]
fn the_labelled_set_is_what_it_claims_to_be() {
    let cases = read_manifest(labelled_dir()).unwrap();
    assert!(cases.len() >= 60, "{} articles", cases.len());
    let languages: HashSet<&str> = cases.iter().map(|c| c.language.as_str()).collect();
    assert!(languages.len() >= 10, "{languages:?}");
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    for top in library.topic_tree().unwrap() {
        let n = cases.iter().filter(|c| c.topic == top.name).count();
        assert!(n >= 2, "{} has {n} articles", top.name);
    }
    for case in &cases {
        library.topic_id(&case.topic).unwrap();
    }
    let unseen = cases.iter().filter(|c| c.unseen).count();
    assert!(unseen >= 30 && cases.len() - unseen >= 30, "{unseen} unseen");
}

#[test]
fn hand_labelled_clippings_in_sixteen_languages_get_their_topic() {
    let dir = tempfile::tempdir().unwrap();
    let outcomes = measure_labelled(labelled_dir(), &dir.path().join("lib.sqlite")).unwrap();
    let misses: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.first_right())
        .map(|o| format!("{}: {} not first in {:?}", o.case.file, o.case.topic, o.proposed))
        .collect();
    let all = Tally::of(&outcomes);
    assert_eq!(all.without, 0, "every article gets a suggestion");
    assert!(all.top3() >= 0.90, "top-3 {:.3}; {misses:#?}", all.top3());
    assert!(all.top1() >= 0.75, "top-1 {:.3}; {misses:#?}", all.top1());
    let unseen = Tally::of(outcomes.iter().filter(|o| o.case.unseen));
    assert!(
        unseen.top3() >= 0.90,
        "unseen top-3 {:.3}; {misses:#?}",
        unseen.top3()
    );
}

fn add(library: &mut Library, language: &str, title: &str, body: &str) -> i64 {
    let article = NewArticle {
        compressed_original: compress(body.as_bytes()),
        meta: ExtractedArticle {
            title: Some(title.into()),
            body: body.into(),
            language: Some(language.into()),
            ..ExtractedArticle::default()
        },
        file_name: None,
        format: "text".into(),
    };
    match library.insert_batch(&[article]).unwrap().remove(0) {
        Ok(InsertOutcome::Imported { id }) => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_article_filed_in_french_teaches_the_next_french_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let quotas = library.add_topic("quotas de pêche", None).unwrap();
    let filed = [
        "Les pêcheurs bretons manifestent contre les quotas de pêche fixés à Bruxelles pour le merlu et la sole.",
        "À Lorient, les armateurs jugent les quotas de pêche du merlu intenables et réclament une révision.",
        "Le Conseil européen réduit encore les quotas de sole : colère des pêcheurs du Guilvinec et de Lorient.",
    ];
    for (i, body) in filed.iter().enumerate() {
        let id = add(&mut library, "fr", &format!("Pêche, épisode {i}"), body);
        library.change_topics(id, &[quotas], &[]).unwrap();
    }
    let later = add(
        &mut library,
        "fr",
        "Merlu et sole : la flotte de Lorient reste à quai",
        "Faute de quotas suffisants, les chalutiers de Lorient et du Guilvinec restent au port cette semaine.",
    );
    let suggestions = library.topic_suggestions(later).unwrap();
    assert!(
        suggestions.iter().any(|s| s.topic_id == quotas),
        "the user's own topic is proposed: {suggestions:?}"
    );
}

#[test]
fn articles_filed_in_english_do_not_drown_a_japanese_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let sport = library.topic_id("sport").unwrap();
    // A dozen English articles filed under sport that share a word with
    // the Japanese editorial: enough for the filing to decide, were they
    // allowed to vote.
    for i in 0..12 {
        let body = format!(
            "The OECD ranking of sporting nations, part {i}: the league, the stadium and the team's coach."
        );
        let id = add(&mut library, "en", &format!("Match report {i}"), &body);
        library.change_topics(id, &[sport], &[]).unwrap();
    }
    let editorial = add(
        &mut library,
        "ja",
        "公務員の長時間労働",
        "「OECD」の調査によると、日本の公務員の残業は加盟国で最も長い。働き方の改革と人手不足の解消が急務だ。",
    );
    let suggestions = library.topic_suggestions(editorial).unwrap();
    assert!(
        suggestions.first().is_some_and(|s| s.path.starts_with("labour")),
        "{suggestions:?}"
    );
}

#[test]
fn an_article_with_no_topic_word_still_gets_a_guess_marked_as_weak() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let id = add(&mut library, "en", "Untitled", "Lorem ipsum dolor sit amet.");
    let suggestions = library.topic_suggestions(id).unwrap();
    assert!(!suggestions.is_empty());
    assert!(suggestions.iter().all(|s| s.confidence < 0.1), "{suggestions:?}");
}
