//! `folio bench-search`: how long searches take on a library, by kind of
//! query, as median and 95th percentile over many runs.

use super::timing::percentile;
use crate::library::Filter;
use crate::library::{Library, Result};
use std::time::{Duration, Instant};

/// One row of the table.
pub struct Timing {
    pub kind: &'static str,
    pub runs: usize,
    pub median: Duration,
    pub p95: Duration,
    pub mean_hits: f64,
}

/// Words of the library by how many articles hold them: the ranks chosen
/// give common, middling and rarer words to search for.
fn words_by_frequency(library: &Library, skip: usize, take: usize) -> Result<Vec<String>> {
    let mut stmt = library.connection().prepare(
        "SELECT term FROM temp.fts_vocabulary WHERE length(term) >= 4 AND term GLOB '[a-z]*' \
         ORDER BY doc DESC LIMIT ? OFFSET ?",
    )?;
    let words = stmt
        .query_map([take as i64, skip as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(words)
}

/// Runs each kind of query `runs` times with different words.
pub fn bench_search(library: &Library, runs: usize) -> Result<Vec<Timing>> {
    let common = words_by_frequency(library, 20, runs)?;
    let middling = words_by_frequency(library, 400, runs * 2)?;
    let phrases: Vec<String> = {
        let mut stmt = library
            .connection()
            .prepare("SELECT body FROM articles WHERE language = 'en' ORDER BY id LIMIT ?")?;
        let bodies = stmt
            .query_map([runs as i64], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        bodies
            .iter()
            .filter_map(|b| {
                let words: Vec<&str> = b.split_whitespace().skip(3).take(2).collect();
                (words.len() == 2).then(|| {
                    format!(
                        "\"{}\"",
                        words.join(" ").trim_matches(|c: char| !c.is_alphanumeric())
                    )
                })
            })
            .collect()
    };
    let letters: Vec<String> = "abcdefghilmnoprstuvw".chars().map(String::from).collect();
    let kinds: Vec<(&'static str, Vec<String>, bool)> = vec![
        ("one word", common.clone(), false),
        (
            "two words",
            middling
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| format!("{} {}", c[0], c[1]))
                .collect(),
            false,
        ),
        ("phrase", phrases, false),
        (
            "word + 3 fields",
            common
                .iter()
                .map(|w| format!("{w} source:times lang:en after:2005-01-01"))
                .collect(),
            false,
        ),
        ("one-letter prefix", letters, true),
    ];
    let filter = Filter {
        limit: Some(50),
        ..Filter::default()
    };
    let mut table = Vec::new();
    for (kind, queries, typing) in kinds {
        let mut times = Vec::new();
        let mut hits = 0usize;
        for query in queries.iter().cycle().take(runs) {
            let started = Instant::now();
            let found = if typing {
                library.search_as_typed(query, &filter)?
            } else {
                library.search(query, &filter)?
            };
            times.push(started.elapsed());
            hits += found.len();
        }
        times.sort();
        table.push(Timing {
            kind,
            runs: times.len(),
            median: percentile(&times, 0.5),
            p95: percentile(&times, 0.95),
            mean_hits: hits as f64 / times.len().max(1) as f64,
        });
    }
    Ok(table)
}
