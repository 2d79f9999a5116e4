//! What a paper is: the major newspapers and news sites of
//! `assets/papers.tsv`, with their home country and language, found by a
//! domain or by any name they are printed under. It names a source the
//! same way whichever of its names a page printed, and gives the last,
//! weakest hint of an article's region: the paper's home.

use std::collections::HashMap;
use std::sync::LazyLock;

/// One paper of the table.
#[derive(Debug, PartialEq, Eq)]
pub struct Paper {
    /// The name a reader knows it by.
    pub name: &'static str,
    /// Its home country, as the gazetteer spells it.
    pub country: &'static str,
    /// BCP 47 language tag of its main edition.
    pub language: &'static str,
}

struct Papers {
    papers: Vec<Paper>,
    /// A domain ("nytimes.com") → paper index.
    by_domain: HashMap<&'static str, usize>,
    /// A name in [`name_key`] form → paper index.
    by_name: HashMap<String, usize>,
}

static PAPERS: LazyLock<Papers> = LazyLock::new(|| {
    let mut papers = Vec::new();
    let mut by_domain = HashMap::new();
    let mut by_name = HashMap::new();
    for line in include_str!("../../assets/papers.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let [name, country, language, domains, others] = cols[..] else {
            continue;
        };
        let index = papers.len();
        papers.push(Paper {
            name,
            country,
            language,
        });
        for domain in domains.split(';').map(str::trim).filter(|d| !d.is_empty()) {
            by_domain.insert(domain, index);
        }
        for variant in std::iter::once(name).chain(others.split(';')) {
            let key = name_key(variant);
            if !key.is_empty() {
                by_name.entry(key).or_insert(index);
            }
        }
    }
    Papers {
        papers,
        by_domain,
        by_name,
    }
});

/// The paper a URL or host belongs to: its host, or a domain it lies under
/// ("edition.cnn.com" is CNN's).
pub fn paper_by_url(url: &str) -> Option<&'static Paper> {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#', ':'])
        .next()?
        .trim_start_matches("www.")
        .to_lowercase();
    let table = &*PAPERS;
    let mut rest = host.as_str();
    loop {
        if let Some(&index) = table.by_domain.get(rest) {
            return Some(&table.papers[index]);
        }
        // Up one level, but never to a bare suffix ("co.uk", "com").
        let (_, parent) = rest.split_once('.')?;
        if !parent.contains('.') {
            return None;
        }
        rest = parent;
    }
}

/// The paper a printed name belongs to ("NYTimes.com", "The New York Times
/// Company", "朝日新聞デジタル").
pub fn paper_by_name(name: &str) -> Option<&'static Paper> {
    let table = &*PAPERS;
    table
        .by_name
        .get(&name_key(name))
        .map(|&index| &table.papers[index])
}

/// A name compared without case, a leading article or a trailing company
/// form: "The Guardian" and "Guardian" are one key.
fn name_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_are_found_by_domain_and_by_name() {
        assert_eq!(
            paper_by_url("https://www.lemonde.fr/international/article/2024/03/12/x.html").map(|p| p.name),
            Some("Le Monde")
        );
        assert_eq!(
            paper_by_url("edition.cnn.com").map(|p| p.country),
            Some("United States")
        );
        assert_eq!(paper_by_url("https://example.co.uk/story"), None);
        assert_eq!(
            paper_by_name("NYTimes.com").map(|p| p.name),
            Some("The New York Times")
        );
        assert_eq!(paper_by_name("guardian").map(|p| p.name), Some("The Guardian"));
        assert_eq!(
            paper_by_name("朝日新聞デジタル").map(|p| p.country),
            Some("Japan")
        );
        assert_eq!(paper_by_name("The Harbour Gazette"), None);
    }

    #[test]
    fn every_paper_s_home_is_a_country_of_the_gazetteer() {
        for paper in &PAPERS.papers {
            assert!(
                crate::model::regions::region_of_country(paper.country).is_some(),
                "{} is published in {}, which the gazetteer lacks",
                paper.name,
                paper.country
            );
        }
    }
}
