//! `folio bench-extract`: how fast the extractors read pages, in process and
//! on one thread, so the figure is per core. The files are read into memory
//! first; only decoding, telling the format and extracting are timed.

use super::timing::percentile;
use crate::import::read_fields;
use crate::ingest::pipeline::collect_files;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub struct ExtractionTimes {
    pub pages: usize,
    pub rounds: usize,
    pub per_format: BTreeMap<&'static str, usize>,
    pub pages_per_second: f64,
    pub median: Duration,
    pub p95: Duration,
    pub slowest: Option<(PathBuf, Duration)>,
}

/// Extracts every importable file under `paths`, `rounds` times over.
pub fn bench_extract(paths: &[PathBuf], rounds: usize) -> ExtractionTimes {
    let pages: Vec<(PathBuf, Vec<u8>)> = collect_files(paths)
        .into_iter()
        .filter(|(_, met)| *met == crate::ingest::pipeline::Met::Read)
        .filter_map(|(path, _)| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect();
    let rounds = rounds.max(1);
    let mut per_format = BTreeMap::new();
    let mut times: Vec<(Duration, usize)> = Vec::with_capacity(pages.len() * rounds);
    let started = Instant::now();
    for round in 0..rounds {
        for (i, (path, bytes)) in pages.iter().enumerate() {
            let name = path.file_name().and_then(|n| n.to_str());
            let one = Instant::now();
            let format = read_fields(bytes, name)
                .map(|(_, f)| f.as_str())
                .unwrap_or("refused");
            times.push((one.elapsed(), i));
            if round == 0 {
                *per_format.entry(format).or_insert(0) += 1;
            }
        }
    }
    let total = started.elapsed();
    let slowest = times.iter().max().map(|&(d, i)| (pages[i].0.clone(), d));
    let mut durations: Vec<Duration> = times.iter().map(|&(d, _)| d).collect();
    durations.sort();
    let at = |p: f64| percentile(&durations, p);
    ExtractionTimes {
        pages: pages.len(),
        rounds,
        per_format,
        pages_per_second: durations.len() as f64 / total.as_secs_f64().max(f64::EPSILON),
        median: at(0.5),
        p95: at(0.95),
        slowest,
    }
}
