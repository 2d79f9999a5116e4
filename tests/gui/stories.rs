//! Story threads in the window: the reader's "The same story in other
//! papers", taking an article out of a story and undoing that, joining
//! two articles by dragging one onto the other, the Stories view.

use crate::support::*;
use egui_kittest::kittest::Queryable;

const SECTION: &str = "The same story in other papers";

/// Steps frames until the reader's story section lists `others` articles.
fn wait_for_story(
    harness: &mut egui_kittest::Harness<'static, folio::gui::FolioApp>,
    what: &str,
    others: usize,
) {
    wait_for(harness, what, |h| shows(h, &format!("{SECTION} ({others})")));
}

#[test]
fn the_reader_shows_the_same_story_in_other_papers() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    open_article(&mut harness, TOKYO);
    wait_for_story(&mut harness, "the story section", 1);
    // The other paper's article, with its date and paper.
    // Its row in the list, and its title in the reader.
    assert_eq!(harness.get_all_by_label(SEOUL).count(), 2);
    assert!(shows(&harness, "2018-06-13  ·  Seoul Herald"));
    // The unrelated article is not in the story.
    open_article(&mut harness, HARBOUR);
    harness.step();
    assert!(!shows(&harness, SECTION));
}

#[test]
fn articles_just_imported_find_their_story_while_the_reader_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let picks = story_clippings(dir.path());
    let mut harness = app_over(&dir.path().join("lib.sqlite"), picks);
    wait_for(&mut harness, "the welcome view", |h| shows(h, "Welcome to Folio"));
    harness.get_all_by_label("Import files…").next().unwrap().click();
    wait_for(&mut harness, "the imported articles", |h| shows(h, "3 articles"));
    open_article(&mut harness, TOKYO);
    // Grouped in the background, by what the two share (the wire copy,
    // the names, the days): no join by hand, no reopening.
    wait_for_story(&mut harness, "the story found", 1);
    assert_eq!(harness.get_all_by_label(SEOUL).count(), 2);
    // The unrelated article only in the list, not in the story.
    assert_eq!(harness.get_all_by_label(HARBOUR).count(), 1);
}

#[test]
fn a_title_in_the_story_section_opens_that_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    open_article(&mut harness, TOKYO);
    wait_for(&mut harness, "the story section", |h| shows(h, SECTION));
    // The reader's link, not the list's row: the one further right.
    let link = harness
        .get_all_by_label(SEOUL)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap();
    link.click();
    wait_for(&mut harness, "the other article", |h| reading(h, SEOUL));
    assert!(
        harness
            .state()
            .list
            .selection
            .contains(harness.state().reader.article_id().unwrap())
    );
    wait_for_story(&mut harness, "its story section", 1);
    assert!(shows(&harness, "2018-06-12  ·  The Tokyo Daily"));
}

#[test]
fn not_the_same_story_takes_an_article_out_and_undo_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    open_article(&mut harness, TOKYO);
    wait_for(&mut harness, "the story section", |h| shows(h, SECTION));
    harness.get_by_label("Not the same story").click();
    wait_for(&mut harness, "the story gone", |h| !shows(h, SECTION));
    // Edit ▸ Undo names what it takes back.
    harness.get_by_label("Edit").click();
    wait_for(&mut harness, "the Edit menu", |h| {
        shows(h, "Undo “Not the same story”")
    });
    harness
        .get_all_by_label_contains("Undo “Not the same story”")
        .next()
        .unwrap()
        .click();
    wait_for_story(&mut harness, "the story back", 1);
    assert!(shows(&harness, "2018-06-13  ·  Seoul Herald"));
}

#[test]
fn dragging_an_article_onto_another_makes_each_show_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    open_article(&mut harness, HARBOUR);
    harness.step();
    assert!(!shows(&harness, SECTION), "no story before the join");
    drag_row_onto(&mut harness, HARBOUR, TOKYO);
    // The harbour article is in the Tokyo paper's story now, and so with
    // the Seoul paper's article too.
    wait_for_story(&mut harness, "the joined story", 2);
    assert!(shows(&harness, "2018-06-12  ·  The Tokyo Daily"));
    open_article(&mut harness, TOKYO);
    wait_for_story(&mut harness, "the story from the other side", 2);
    // Its row in the list, and its title in the reader's story section.
    assert_eq!(harness.get_all_by_label(HARBOUR).count(), 2);
    // And Undo takes the join back.
    press_undo(&mut harness);
    wait_for_story(&mut harness, "the story as it was", 1);
    assert_eq!(harness.get_all_by_label(HARBOUR).count(), 1);
}

#[test]
fn the_stories_view_lists_a_thread_and_opens_it_as_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    harness.get_by_label("Stories").click();
    // Named by its first article, with its papers and span of dates.
    wait_for(&mut harness, "the thread", |h| {
        shows(h, "1 story told by several papers")
    });
    assert!(shows(&harness, "2018-06-12 – 2018-06-13"));
    assert!(shows(
        &harness,
        "The Tokyo Daily, Seoul Herald  ·  East Asia & Pacific"
    ));
    harness.get_by_label(TOKYO).click();
    wait_for(&mut harness, "the thread as a list", |h| shows(h, "2 articles"));
    let mut titles = list_titles(&harness);
    titles.sort();
    assert_eq!(titles, vec![SEOUL.to_string(), TOKYO.to_string()]);
    // The chip leaves the thread for the whole list.
    harness
        .get_all_by_label_contains("Story: ")
        .next()
        .unwrap()
        .click();
    wait_for(&mut harness, "the whole list", |h| shows(h, "3 articles"));
}

#[test]
fn compare_opens_from_the_story_section() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    open_article(&mut harness, TOKYO);
    wait_for(&mut harness, "the story section", |h| shows(h, SECTION));
    harness.get_by_label("Compare").click();
    let compared = wait_for_compare(&mut harness);
    assert_eq!(compared.left.article.meta.title.as_deref(), Some(TOKYO));
    assert_eq!(compared.right.article.meta.title.as_deref(), Some(SEOUL));
}

#[test]
fn an_article_dropped_on_the_story_section_joins_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = story_app(dir.path());
    open_article(&mut harness, TOKYO);
    wait_for_story(&mut harness, "the story section", 1);
    let section = harness
        .get_all_by_label_contains(SECTION)
        .next()
        .unwrap()
        .rect()
        .center();
    drag_row_to(&mut harness, HARBOUR, section);
    wait_for_story(&mut harness, "the story grown", 2);
    assert!(harness.get_all_by_label(HARBOUR).count() >= 2);
}
