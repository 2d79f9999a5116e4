//! `folio bench`: the scale benchmarks in one table. Import speed on
//! generated clipping files, then, on the library given, what the window
//! waits for: opening (ids, first rows, sidebar counts), changing a facet,
//! sorting, opening an article, each keystroke of a search; and the peak
//! memory and the file's size against its text.

use super::frame_bench::{FrameStats, bench_frames};
use super::generate::{Articles, Plan, as_clipping};
use super::timing::percentile;
use crate::ingest::pipeline::import_paths;
use crate::library::{Condition, DateTest, Filter, TrendSplit};
use crate::library::{Library, Result};
use crate::model::{Facet, FacetChoice, Sort, SortKey};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// Rows the window fetches at once (see `gui::list_model`).
const PAGE: usize = 200;

/// The goals of the steps whose budget grows with the library: at
/// 100,000 articles, and at a million (a lifetime's archive).
struct Goals {
    counts: &'static str,
    recount: &'static str,
    sort: &'static str,
    keystroke: &'static str,
    memory: &'static str,
    file: &'static str,
}

impl Goals {
    fn for_articles(articles: usize) -> Goals {
        if articles >= 500_000 {
            Goals {
                counts: "≤ 150 ms",
                recount: "≤ 150 ms",
                sort: "≤ 150 ms",
                keystroke: "≤ 50 ms",
                memory: "≤ 400 MB",
                file: "≤ 2.4×",
            }
        } else {
            Goals {
                counts: "≤ 50 ms",
                recount: "≤ 100 ms",
                sort: "≤ 100 ms",
                keystroke: "≤ 20 ms",
                memory: "≤ 300 MB",
                file: "≤ 2.5×",
            }
        }
    }
}

/// One line of the table: a single figure, or median and 95th percentile.
pub struct Line {
    pub what: String,
    pub median: String,
    pub p95: String,
    pub goal: &'static str,
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn timed_runs(
    what: &str,
    goal: &'static str,
    mut run: impl FnMut(usize) -> Result<()>,
    runs: usize,
) -> Result<Line> {
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let started = Instant::now();
        run(i)?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok(Line {
        what: what.into(),
        median: ms(percentile(&times, 0.5)),
        p95: ms(percentile(&times, 0.95)),
        goal,
    })
}

/// Writes `files` generated clippings into `folder`, then times reading
/// them back (the floor) and importing them into a new library there.
pub fn bench_import(folder: &Path, files: usize) -> Result<Vec<Line>> {
    let mut articles = Articles::new(&Plan {
        articles: files,
        seed: 7,
        tags: 100,
    });
    let clippings = folder.join("clippings");
    std::fs::create_dir_all(&clippings).map_err(|e| crate::library::LibraryError::Invalid(e.to_string()))?;
    for n in 0..files {
        let (meta, _) = articles.next_article();
        std::fs::write(clippings.join(format!("clipping-{n:05}.txt")), as_clipping(&meta))
            .map_err(|e| crate::library::LibraryError::Invalid(e.to_string()))?;
    }
    let started = Instant::now();
    let mut bytes = 0;
    for entry in
        std::fs::read_dir(&clippings).map_err(|e| crate::library::LibraryError::Invalid(e.to_string()))?
    {
        let path = entry
            .map_err(|e| crate::library::LibraryError::Invalid(e.to_string()))?
            .path();
        bytes += std::fs::read(&path).map(|b| b.len()).unwrap_or(0);
    }
    let read = started.elapsed();
    let mut library = Library::open(&folder.join("import.sqlite"))?;
    let started = Instant::now();
    let report = import_paths(&mut library, &[clippings], &AtomicBool::new(false), |_, _| {})?;
    let import = started.elapsed();
    let rate = |d: Duration| format!("{:.0} /s", files as f64 / d.as_secs_f64());
    Ok(vec![
        Line {
            what: format!(
                "import {files} clippings, end to end ({} imported)",
                report.imported()
            ),
            median: rate(import),
            p95: String::new(),
            goal: "≥ 2,000 /s",
        },
        Line {
            what: format!("  reading the files alone ({} MB)", bytes / 1_000_000),
            median: rate(read),
            p95: String::new(),
            goal: "",
        },
    ])
}

/// The peak resident memory of this process so far, in MB (Linux).
pub(crate) fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The window's work on the library at `path`, `runs` times each.
pub fn bench_library(path: &Path, runs: usize) -> Result<Vec<Line>> {
    let mut lines = Vec::new();
    // Opening: what the first useful frame needs.
    let started = Instant::now();
    let mut library = Library::open(path)?;
    let ids = library.list_ids(&Filter::default())?;
    if ids.is_empty() {
        return Err(crate::library::LibraryError::Invalid(
            "the library has no articles to time: fill a new one first, \
             e.g. folio generate --articles 100000 --library /tmp/bench.sqlite"
                .into(),
        ));
    }
    library.summaries(&ids[..ids.len().min(PAGE)])?;
    let facets = library.facets()?;
    lines.push(Line {
        what: format!("open: {} articles listed, first rows, sidebar counts", ids.len()),
        median: ms(started.elapsed()),
        p95: String::new(),
        goal: "≤ 1,000 ms",
    });
    let goals = Goals::for_articles(ids.len());

    let places: Vec<Filter> = facets
        .regions
        .iter()
        .map(|r| Filter::matching(Condition::Region(vec![r.value.clone()])))
        .chain(facets.years.iter().filter_map(|y| {
            let year: i32 = y.value.parse().ok()?;
            Some(Filter::matching(Condition::Published(DateTest::Year(year))))
        }))
        .chain(
            facets
                .sources
                .iter()
                .take(20)
                .map(|s| Filter::matching(Condition::Source(vec![s.value.clone()]))),
        )
        .collect();
    lines.push(timed_runs(
        "change a facet (region, year, source): list and first rows",
        "≤ 100 ms",
        |i| {
            let ids = library.list_ids(&places[i % places.len().max(1)])?;
            library.summaries(&ids[..ids.len().min(PAGE)])?;
            Ok(())
        },
        runs,
    )?);
    // Three facets chosen at once (a year, a region, a kind): the list and
    // every facet's counts for what the others leave.
    let combined: Vec<Filter> = facets
        .years
        .iter()
        .take(10)
        .enumerate()
        .filter_map(|(i, year)| {
            let region = facets.regions.get(i % facets.regions.len().max(1))?;
            let kind = facets.kinds.get(i % facets.kinds.len().max(1))?;
            Some(Filter {
                choice: FacetChoice::of(&[
                    (Facet::Date, &year.value),
                    (Facet::Region, &region.value),
                    (Facet::Kind, &kind.value),
                ]),
                ..Filter::default()
            })
        })
        .collect();
    if !combined.is_empty() {
        lines.push(timed_runs(
            "three facets combined: every facet's counts",
            goals.counts,
            |i| library.facets_for(&combined[i % combined.len()]).map(|_| ()),
            runs,
        )?);
        lines.push(timed_runs(
            "three facets combined: list and first rows",
            "≤ 100 ms",
            |i| {
                let ids = library.list_ids(&combined[i % combined.len()])?;
                library.summaries(&ids[..ids.len().min(PAGE)])?;
                Ok(())
            },
            runs,
        )?);
    }
    // An edit (a star put on and taken off in turn), then the sidebar
    // counted again, as the window does after any change.
    let starred = ids.first().copied();
    lines.push(timed_runs(
        "recount the sidebar after an edit",
        goals.recount,
        |i| {
            if let Some(id) = starred {
                library.star_many(&[id], i % 2 == 0)?;
            }
            library.facets().map(|_| ())
        },
        runs.min(20),
    )?);
    let sorts = [
        SortKey::Title,
        SortKey::Source,
        SortKey::Region,
        SortKey::Published,
        SortKey::Imported,
    ];
    lines.push(timed_runs(
        "sort by a column: list and first rows",
        goals.sort,
        |i| {
            let filter = Filter {
                sort: Sort {
                    key: sorts[i % sorts.len()],
                    descending: i % 2 == 0,
                },
                ..Filter::default()
            };
            let ids = library.list_ids(&filter)?;
            library.summaries(&ids[..ids.len().min(PAGE)])?;
            Ok(())
        },
        runs,
    )?);
    let mut pick = super::generate::Rng::new(11);
    lines.push(timed_runs(
        "open an article",
        "≤ 100 ms",
        |_| library.get_article(ids[pick.below(ids.len().max(1))]).map(|_| ()),
        runs,
    )?);
    let words = ["economy", "security", "minister", "election", "government"];
    let typed: Vec<String> = words
        .iter()
        .flat_map(|w| (1..=w.len()).map(move |n| w[..n].to_string()))
        .collect();
    let filter = Filter {
        limit: Some(PAGE),
        ..Filter::default()
    };
    lines.push(timed_runs(
        "each keystroke of a search (200 results, snippets)",
        goals.keystroke,
        |i| {
            library
                .search_as_typed(&typed[i % typed.len()], &filter)
                .map(|_| ())
        },
        typed.len().max(runs),
    )?);
    // The sidebar follows the search: every facet counted over its matches.
    lines.push(timed_runs(
        "the sidebar's counts under a typed search",
        "≤ 100 ms",
        |i| {
            let searched = Filter {
                conditions: crate::library::search_conditions(&typed[i % typed.len()]),
                ..Filter::default()
            };
            library.facets_for(&searched).map(|_| ())
        },
        typed.len().max(runs),
    )?);
    // The map and the trends chart redrawn after a facet change: their
    // counts over the whole library, a facet's articles, three facets'.
    let pictured: Vec<Filter> = std::iter::once(Filter::default())
        .chain(places.iter().cloned())
        .chain(combined.iter().cloned())
        .collect();
    let whole = Filter::default();
    lines.push(timed_runs(
        "atlas: every country's count, whole library",
        "≤ 100 ms",
        |_| library.country_counts_for(&whole).map(|_| ()),
        runs.min(20),
    )?);
    lines.push(timed_runs(
        "trends by topic (the slowest): whole library",
        "≤ 100 ms",
        |_| library.trends_for(&whole, TrendSplit::Topic).map(|_| ()),
        runs.min(20),
    )?);
    lines.push(timed_runs(
        "atlas: every country's count, after a facet change",
        "≤ 100 ms",
        |i| {
            library
                .country_counts_for(&pictured[i % pictured.len()])
                .map(|_| ())
        },
        runs,
    )?);
    for split in TrendSplit::ALL {
        lines.push(timed_runs(
            &format!(
                "trends by {}: articles per month, after a facet change",
                split.label().to_lowercase()
            ),
            "≤ 100 ms",
            |i| {
                library
                    .trends_for(&pictured[i % pictured.len()], split)
                    .map(|_| ())
            },
            runs,
        )?);
    }
    // Scrolled end to end: every page of rows, as the window fetches them.
    for page in ids.chunks(PAGE) {
        library.summaries(page)?;
    }
    if let Some(mb) = peak_memory_mb() {
        lines.push(Line {
            what: "peak memory, after every row was fetched".into(),
            median: format!("{mb:.0} MB"),
            p95: String::new(),
            goal: goals.memory,
        });
    }
    let text = library.text_bytes()?;
    let file = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    lines.push(Line {
        what: format!(
            "file size: {} MB for {} MB of text",
            file / 1_000_000,
            text / 1_000_000
        ),
        median: format!("{:.2}×", file as f64 / text.max(1) as f64),
        p95: String::new(),
        goal: goals.file,
    });
    Ok(lines)
}

/// The window's frames, through the real app (see [`super::frame_bench`]).
pub fn frame_lines(path: &Path, frames: usize) -> anyhow::Result<Vec<Line>> {
    let times = bench_frames(path, frames)?;
    let line = |what: &str, stats: &FrameStats| Line {
        what: what.into(),
        median: ms(stats.median),
        p95: ms(stats.p95),
        goal: "≤ 8 ms",
    };
    Ok(vec![
        Line {
            what: "first frame showing the list (library opened in it)".into(),
            median: ms(times.first_list_frame),
            p95: String::new(),
            goal: "≤ 1,000 ms",
        },
        line("frame time, idle (list, sidebar, counts)", &times.idle),
        line("frame time, scrolling the list", &times.scrolling),
        line("frame time, an article open in the reader", &times.reading),
        line("frame time, the map, the pointer moving over it", &times.map),
        line(
            "frame time, the trends chart, the pointer moving over it",
            &times.trends,
        ),
    ])
}
