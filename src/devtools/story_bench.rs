//! `folio bench-stories --library L`: story threads at scale, on a
//! generated library (never your own: it writes the threads into it).
//! Reports the first grouping (every article read and described, then
//! grouped), a regrouping of everything from the stored terms (what an
//! upgrade or `folio stories --regroup` costs), the time to place one new
//! article among its neighbours, and the peak memory.

use super::bench_suite::{Line, peak_memory_mb};
use super::timing::percentile;
use crate::library::{Library, Result};
use std::path::Path;
use std::time::{Duration, Instant};

fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn bench_scale(path: &Path, runs: usize) -> Result<Vec<Line>> {
    let mut library = Library::open(path)?;
    let mut lines = Vec::new();
    let waiting = library.stories_pending()?;
    let started = Instant::now();
    let first = library.regroup_stories()?;
    lines.push(Line {
        what: format!("first grouping: {waiting} articles read and described, all grouped"),
        median: seconds(started.elapsed()),
        p95: String::new(),
        goal: "",
    });
    let started = Instant::now();
    let again = library.regroup_stories()?;
    lines.push(Line {
        what: format!(
            "all threads recomputed: {} articles, {} threads of {} articles",
            again.articles, again.threads, again.threaded
        ),
        median: seconds(started.elapsed()),
        p95: String::new(),
        goal: "≤ 60 s",
    });
    debug_assert_eq!(first.threads, again.threads);
    // New articles: some already there, spread over the library, made to
    // wait again as an edit of their text would, then placed one by one.
    let ids: Vec<i64> = library
        .connection()
        .prepare("SELECT article_id FROM story_features WHERE day IS NOT NULL ORDER BY article_id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let step = (ids.len() / runs.max(1)).max(1);
    let mut times = Vec::new();
    for &id in ids.iter().step_by(step).take(runs) {
        library
            .connection()
            .execute("INSERT OR IGNORE INTO story_pending(article_id) VALUES (?)", [id])?;
        let started = Instant::now();
        library.update_stories(1)?;
        times.push(started.elapsed());
    }
    times.sort();
    lines.push(Line {
        what: format!("threads for a new article ({} articles)", times.len()),
        median: ms(percentile(&times, 0.5)),
        p95: ms(percentile(&times, 0.95)),
        goal: "≤ 50 ms",
    });
    lines.push(Line {
        what: "peak memory".into(),
        median: peak_memory_mb().map_or("—".into(), |mb| format!("{mb:.0} MB")),
        p95: String::new(),
        goal: "≤ 300 MB",
    });
    Ok(lines)
}
