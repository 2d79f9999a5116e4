//! Clippings from papers on every continent, in many languages, that name
//! their country only in their own language, or only by a capital, a city or
//! an institution ("l'Élysée", "国会", "Aso Rock"): a user browsing by
//! region expects each filed under its World Bank region.
//! `tests/fixtures/regions/manifest.tsv` lists each clipping with its region.

use folio::import::extract;
use std::path::Path;

struct Case {
    file: String,
    region: String,
    half: String,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regions");
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv")).expect("manifest is readable");
    manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() == 3, "manifest line has file, region and half: {l}");
            Case {
                file: cols[0].to_string(),
                region: cols[1].to_string(),
                half: cols[2].to_string(),
            }
        })
        .collect()
}

#[test]
fn clippings_in_any_language_are_filed_under_their_region() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regions");
    let cases = cases();
    let mut misses = Vec::new();
    let mut right_by_half: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for case in &cases {
        let bytes = std::fs::read(dir.join(&case.file)).expect("fixture is readable");
        let (article, _) = extract(&bytes, Some(&case.file)).expect("a clipping extracts");
        let right = article.region.as_deref() == Some(case.region.as_str());
        let tally = right_by_half.entry(case.half.as_str()).or_default();
        tally.1 += 1;
        if right {
            tally.0 += 1;
        } else {
            misses.push(format!(
                "{}: expected {}, got {:?} (countries {:?})",
                case.file, case.region, article.region, article.countries
            ));
        }
    }
    for (half, (right, total)) in &right_by_half {
        println!("{half} half: region right on {right} of {total}");
    }
    for miss in &misses {
        println!("miss: {miss}");
    }
    assert!(cases.len() >= 30, "the set has at least 30 clippings");
    let right = cases.len() - misses.len();
    assert!(
        right >= 28,
        "region right on {right} of {}:\n{}",
        cases.len(),
        misses.join("\n")
    );
}

/// The basis of the region is kept with the article, and a region the user
/// corrects is theirs.
#[test]
fn the_library_keeps_where_the_region_came_from() {
    use folio::model::region_basis::RegionBasis;
    let dir = tempfile::tempdir().unwrap();
    let mut library = folio::library::Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regions/seoul_budget_ko.txt");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let report = folio::ingest::pipeline::import_paths(&mut library, &[fixture], &cancel, |_, _| {}).unwrap();
    let id = report.new_ids()[0];
    let article = library.get_article(id).unwrap();
    assert_eq!(article.meta.region.as_deref(), Some("East Asia & Pacific"));
    assert_eq!(
        article.meta.region_basis,
        Some(RegionBasis::Countries(vec!["South Korea".to_string()]))
    );

    // Another detail corrected: the region and its basis stay.
    let mut details = article.meta.clone();
    details.section = Some("Opinion".into());
    library.update_details(id, &details).unwrap();
    assert_eq!(
        library.get_article(id).unwrap().meta.region_basis,
        Some(RegionBasis::Countries(vec!["South Korea".to_string()]))
    );

    // The region corrected: the user's word is the basis now.
    details.region = Some("North America".into());
    library.update_details(id, &details).unwrap();
    let corrected = library.get_article(id).unwrap().meta;
    assert_eq!(corrected.region.as_deref(), Some("North America"));
    assert_eq!(corrected.region_basis, Some(RegionBasis::Edited));
}
