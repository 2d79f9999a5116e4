//! Learning from corrections: an article's source, region or kind, once
//! corrected, is given to later imports from the same site or paper, the
//! import report says so, and the rule can be taken back.

use folio::ingest::pipeline::{ImportReport, import_paths};
use folio::library::Library;
use folio::model::site_rules::{self, RuleField, Site};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/learning")
        .join(name)
}

fn import(library: &mut Library, path: &Path) -> ImportReport {
    import_paths(library, &[path.to_path_buf()], &AtomicBool::new(false), |_, _| {}).unwrap()
}

/// Imports the first page and corrects its source, region and kind as a
/// user would in Edit details…, learning from it as the window does.
fn corrected_library(dir: &Path) -> (Library, i64) {
    let mut library = Library::open(&dir.join("lib.sqlite")).unwrap();
    let report = import(&mut library, &fixture("gaceta_agua.html"));
    let id = report.new_ids()[0];
    let before = library.get_article(id).unwrap().meta;
    assert_eq!(before.source.as_deref(), Some("Gaceta Sur Digital"));
    let after = folio::model::ExtractedArticle {
        source: Some("Gaceta del Sur".into()),
        region: Some("Europe & Central Asia".into()),
        kind: Some("editorial".into()),
        ..before.clone()
    };
    library.update_details(id, &after).unwrap();
    library.learn(&site_rules::lessons(&before, &after)).unwrap();
    (library, id)
}

#[test]
fn a_correction_is_given_to_the_next_article_from_the_same_site_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, _) = corrected_library(dir.path());
    let rules = library.site_rules().unwrap();
    assert_eq!(rules.len(), 3, "{rules:?}");
    assert!(
        rules
            .iter()
            .all(|r| r.site == Site::Domain("gaceta-sur.example".into()))
    );

    let report = import(&mut library, &fixture("gaceta_puerto.html"));
    let id = report.new_ids()[0];
    let meta = library.get_article(id).unwrap().meta;
    assert_eq!(meta.source.as_deref(), Some("Gaceta del Sur"));
    assert_eq!(meta.region.as_deref(), Some("Europe & Central Asia"));
    assert_eq!(meta.kind.as_deref(), Some("editorial"));
    assert_eq!(
        meta.region_basis.map(|b| b.describe()).as_deref(),
        Some("as you corrected it before for gaceta-sur.example")
    );
    let note = report.files[0].note.clone().unwrap_or_default();
    assert!(
        note.contains("the source “Gaceta del Sur”") && note.contains("gaceta-sur.example"),
        "{note}"
    );
}

#[test]
fn a_forgotten_rule_is_no_longer_applied_and_an_undone_correction_unteaches() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, _) = corrected_library(dir.path());
    let kind_rule = library
        .site_rules()
        .unwrap()
        .into_iter()
        .find(|r| r.field == RuleField::Kind)
        .unwrap();
    let forgotten = library.forget_rule(kind_rule.id).unwrap();
    assert_eq!(forgotten.map(|r| r.value), Some("editorial".into()));

    // Undoing the correction takes back what it taught: none is left.
    let rules = library.site_rules().unwrap();
    let lessons: Vec<_> = rules
        .iter()
        .map(|r| site_rules::Lesson {
            site: r.site.clone(),
            field: r.field,
            value: r.value.clone(),
        })
        .collect();
    library.unlearn(&lessons).unwrap();
    assert!(library.site_rules().unwrap().is_empty());

    let report = import(&mut library, &fixture("gaceta_puerto.html"));
    let meta = library.get_article(report.new_ids()[0]).unwrap().meta;
    assert_eq!(meta.source.as_deref(), Some("Gaceta Sur Digital"));
    assert_eq!(meta.kind, None);
    assert_eq!(report.files[0].note, None);
}

#[test]
fn a_second_correction_replaces_the_first_and_its_undo_gives_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, id) = corrected_library(dir.path());
    let before = library.get_article(id).unwrap().meta;
    let after = folio::model::ExtractedArticle {
        source: Some("La Gaceta del Sur".into()),
        ..before.clone()
    };
    let second = site_rules::lessons(&before, &after);
    assert_eq!(second.len(), 1);
    library.learn(&second).unwrap();
    let source_of = |library: &Library| {
        library
            .site_rules()
            .unwrap()
            .into_iter()
            .find(|r| r.field == RuleField::Source)
            .map(|r| r.value)
    };
    assert_eq!(source_of(&library).as_deref(), Some("La Gaceta del Sur"));
    library.unlearn(&second).unwrap();
    assert_eq!(source_of(&library).as_deref(), Some("Gaceta del Sur"));
}
