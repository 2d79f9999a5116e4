//! `folio bench-stories --labelled DIR`: how well story threads match a set
//! labelled by hand (`tests/fixtures/stories/`, see its README). The set is
//! imported into a scratch library as an import would bring it, threads are
//! made as the background makes them (each article placed as it arrives),
//! then all over again at once (as after an upgrade), and each is compared
//! with the labels: pairwise precision, recall and F1 (over pairs of
//! articles put together), and B-cubed F1 (per article, over the articles
//! it was put with), per half of the set.

use super::labelled_set::import_every_file;
use crate::library::Library;
use anyhow::{Context, bail};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One labelled clipping.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The file, from the set's folder (`tune/…`).
    pub file: String,
    /// `None` for an article of no story.
    pub story: Option<String>,
    pub half: String,
}

/// Reads `manifest.tsv`: a header, then file, story, language, paper, date,
/// half and note, tab-separated; only the halves asked for.
pub fn read_manifest(dir: &Path, halves: &[String]) -> anyhow::Result<Vec<Case>> {
    let path = dir.join("manifest.tsv");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut cases = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, story, _language, _paper, _date, half, ..] = fields[..] else {
            bail!(
                "{} line {}: expected 7 tab-separated columns",
                path.display(),
                number + 1
            );
        };
        if !halves.is_empty() && !halves.iter().any(|h| h == half) {
            continue;
        }
        cases.push(Case {
            file: format!("{half}/{file}"),
            story: (story != "-").then(|| story.to_string()),
            half: half.to_string(),
        });
    }
    Ok(cases)
}

/// Agreement of a grouping with the labels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub articles: usize,
    pub pair_precision: f64,
    pub pair_recall: f64,
    pub pair_f1: f64,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Scores a grouping: `found[i]` and `labelled[i]` name the group of
/// article i (`None`: alone).
pub fn score(found: &[Option<i64>], labelled: &[Option<String>]) -> Scores {
    let n = found.len();
    let together = |groups: &dyn Fn(usize) -> Option<String>, i: usize, j: usize| {
        groups(i).is_some() && groups(i) == groups(j)
    };
    let found_group = |i: usize| found[i].map(|g| g.to_string());
    let labelled_group = |i: usize| labelled[i].clone();
    let (mut both, mut found_pairs, mut labelled_pairs) = (0usize, 0usize, 0usize);
    let (mut bp, mut br) = (0.0, 0.0);
    for i in 0..n {
        // B-cubed counts each article with itself.
        let (mut with_found, mut with_labelled, mut with_both) = (1usize, 1usize, 1usize);
        for j in 0..n {
            if i == j {
                continue;
            }
            let f = together(&found_group, i, j);
            let l = together(&labelled_group, i, j);
            with_found += f as usize;
            with_labelled += l as usize;
            with_both += (f && l) as usize;
            if j > i {
                found_pairs += f as usize;
                labelled_pairs += l as usize;
                both += (f && l) as usize;
            }
        }
        bp += with_both as f64 / with_found as f64;
        br += with_both as f64 / with_labelled as f64;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (pp, pr) = (ratio(both, found_pairs), ratio(both, labelled_pairs));
    let (bp, br) = if n == 0 {
        (1.0, 1.0)
    } else {
        (bp / n as f64, br / n as f64)
    };
    Scores {
        articles: n,
        pair_precision: pp,
        pair_recall: pr,
        pair_f1: f1(pp, pr),
        bcubed_precision: bp,
        bcubed_recall: br,
        bcubed_f1: f1(bp, br),
    }
}

/// What one way of making threads gave on the set.
#[derive(Debug, Clone)]
pub struct Measured {
    /// "as they arrive" or "all at once".
    pub how: &'static str,
    /// Per half, in the manifest's order, then "all".
    pub halves: Vec<(String, Scores)>,
    /// Pairs put together against the labels, and pairs missed: file names.
    pub wrong: Vec<(String, String)>,
    pub missed: Vec<(String, String)>,
}

/// Imports the set into a new library at `library_path` and measures the
/// threads made as the articles arrive and made all at once.
pub fn measure_labelled(dir: &Path, halves: &[String], library_path: &Path) -> anyhow::Result<Vec<Measured>> {
    let cases = read_manifest(dir, halves)?;
    if cases.is_empty() {
        bail!(
            "{} lists no article of the halves asked for",
            dir.join("manifest.tsv").display()
        );
    }
    let mut library = Library::open(library_path)?;
    let paths: Vec<PathBuf> = cases.iter().map(|c| dir.join(&c.file)).collect();
    let ids = import_every_file(&mut library, &paths)?;
    let ids: Vec<i64> = paths.iter().map(|p| ids[p]).collect();
    // One at a time, in the order they came, as the background does.
    while library.update_stories(1)? > 0 {}
    let arriving = measured("as they arrive", &library, &cases, &ids)?;
    library.regroup_stories()?;
    let at_once = measured("all at once", &library, &cases, &ids)?;
    Ok(vec![arriving, at_once])
}

fn measured(how: &'static str, library: &Library, cases: &[Case], ids: &[i64]) -> anyhow::Result<Measured> {
    let mut found = Vec::with_capacity(ids.len());
    for &id in ids {
        found.push(library.story_of(id)?.map(|t| t.id));
    }
    let labelled: Vec<Option<String>> = cases.iter().map(|c| c.story.clone()).collect();
    let mut names: Vec<String> = Vec::new();
    for case in cases {
        if !names.contains(&case.half) {
            names.push(case.half.clone());
        }
    }
    let mut halves = Vec::new();
    for name in names {
        let chosen: Vec<usize> = (0..cases.len()).filter(|&i| cases[i].half == name).collect();
        let f: Vec<Option<i64>> = chosen.iter().map(|&i| found[i]).collect();
        let l: Vec<Option<String>> = chosen.iter().map(|&i| labelled[i].clone()).collect();
        halves.push((name, score(&f, &l)));
    }
    halves.push(("all".to_string(), score(&found, &labelled)));
    let (mut wrong, mut missed) = (Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    for i in 0..cases.len() {
        for j in i + 1..cases.len() {
            let f = found[i].is_some() && found[i] == found[j];
            let l = labelled[i].is_some() && labelled[i] == labelled[j];
            let pair = (cases[i].file.clone(), cases[j].file.clone());
            if f && !l && seen.insert(pair.clone()) {
                wrong.push(pair);
            } else if l && !f {
                missed.push(pair);
            }
        }
    }
    Ok(Measured {
        how,
        halves,
        wrong,
        missed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perfect_grouping_scores_one_and_a_lumped_one_loses_precision() {
        let labelled = vec![
            Some("a".to_string()),
            Some("a".to_string()),
            Some("b".to_string()),
            Some("b".to_string()),
            None,
        ];
        let perfect = score(&[Some(1), Some(1), Some(2), Some(2), None], &labelled);
        assert_eq!((perfect.pair_f1, perfect.bcubed_f1), (1.0, 1.0));
        let lumped = score(&[Some(1), Some(1), Some(1), Some(1), None], &labelled);
        // Two right pairs of six.
        assert!((lumped.pair_precision - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(lumped.pair_recall, 1.0);
        // Each of the four lumped articles is with one right of four.
        assert!((lumped.bcubed_precision - (4.0 * 0.5 + 1.0) / 5.0).abs() < 1e-9);
        let apart = score(&[None, None, None, None, None], &labelled);
        assert_eq!(apart.pair_recall, 0.0);
        assert!((apart.bcubed_recall - (4.0 * 0.5 + 1.0) / 5.0).abs() < 1e-9);
    }
}
