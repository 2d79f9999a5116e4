//! Kill -9 during import, many times: the library must always open, pass
//! both integrity checks and hold only whole articles, and a final run must
//! leave exactly one copy of each article.
//!
//! Slow (it imports 5,000 files dozens of times), so it is not part of
//! `cargo test`; run it with:
//!
//!     cargo test --release --test crash -- --ignored --nocapture

use folio::devtools::generate::Rng;
use folio::library::Filter;
use folio::library::Library;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FILES: usize = 5_000;
const KILLS: usize = 50;

/// 5,000 distinct clippings in the layout of a copied page: a header, a
/// dateline, three paragraphs of their own, and furniture.
fn make_files(dir: &Path) -> PathBuf {
    const PLACES: &[&str] = &[
        "Nairobi", "Lima", "Hanoi", "Warsaw", "Dhaka", "Ottawa", "Cairo", "Manila",
    ];
    const TOPICS: &[&str] = &[
        "water", "power", "ports", "schools", "housing", "rail", "health", "trade",
    ];
    let out = dir.join("clippings");
    std::fs::create_dir_all(&out).unwrap();
    for i in 0..FILES {
        let place = PLACES[i % PLACES.len()];
        let topic = TOPICS[(i / PLACES.len()) % TOPICS.len()];
        let day = 1 + i % 28;
        let text = format!(
            "The Test Gazette\n\n  • Share\n  • Print\n\n\
             Officials in {place} weigh a new plan for {topic}, dispatch {i}\n\n{day} March 2019\n\n\
             Officials in {place} said on Monday that the plan for {topic} numbered {i} would be published before the summer.\n\n\
             Critics of the plan argued that the budget for {topic} had been cut twice already, and asked for an independent review.\n\n\
             The minister promised that the review would report within a year, and that residents of {place} would be consulted.\n\n\
             Related\n\n  • Most read\n  • Newsletter\n"
        );
        std::fs::write(out.join(format!("clip-{i:05}.txt")), text).unwrap();
    }
    out
}

fn import_command(library: &Path, folder: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    command
        .arg("--library")
        .arg(library)
        .arg("import")
        .arg(folder)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Everything a crash must not break; returns the number of articles.
fn assert_sound(library_path: &Path, after: &str) -> usize {
    let library =
        Library::open(library_path).unwrap_or_else(|e| panic!("{after}: the library does not open: {e}"));
    let report = library.check().unwrap();
    assert!(report.is_healthy(), "{after}: {report:#?}");
    let empty: i64 = library
        .connection()
        .query_row(
            "SELECT count(*) FROM articles WHERE body = '' OR content_hash = ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(empty, 0, "{after}: partial articles");
    report.articles
}

#[test]
#[ignore = "slow: run with --release -- --ignored"]
fn killing_an_import_at_fifty_moments_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = make_files(dir.path());

    // How long storing the files takes here, up to the report's summary
    // line: the window the kills fall in. (The story threads the command
    // groups after the report are not the import, and as storing got
    // faster, kills timed by the whole command fell mostly after it.)
    let timing_library = dir.path().join("timing.sqlite");
    let started = Instant::now();
    let mut timing = import_command(&timing_library, &folder)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let report = std::io::BufReader::new(timing.stdout.take().unwrap());
    let summary = std::io::BufRead::lines(report)
        .map_while(Result::ok)
        .any(|line| line.contains(" imported, "));
    let full = started.elapsed();
    assert!(summary && timing.wait().unwrap().success());
    println!(
        "one import of {FILES} files: {:.2} s to its summary",
        full.as_secs_f64()
    );

    // Each round kills an import into a fresh library at a random moment,
    // checks what is left, then lets the same import run to the end.
    let mut rng = Rng::new(0x5EED_F011_0000_0001);
    let mut at_kill = Vec::new();
    let mut library = dir.path().join("lib-0.sqlite");
    for kill in 1..=KILLS {
        library = dir.path().join(format!("lib-{kill}.sqlite"));
        let mut child = import_command(&library, &folder).spawn().unwrap();
        let wait = Duration::from_micros(rng.next_u64() % (full.as_micros() as u64).max(1));
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        let after = format!("after kill {kill} at {:.3} s", wait.as_secs_f64());
        at_kill.push(if library.exists() {
            assert_sound(&library, &after)
        } else {
            0
        });
        assert!(import_command(&library, &folder).status().unwrap().success());
        assert_eq!(
            assert_sound(&library, &format!("re-run {kill}")),
            FILES,
            "exactly one copy of each article"
        );
        if kill < KILLS {
            let _ = std::fs::remove_file(&library);
            let _ = std::fs::remove_file(folio::library::lock_path(&library));
        }
    }
    println!("articles present at each kill: {at_kill:?}");
    let interrupted = at_kill.iter().filter(|n| **n < FILES).count();
    println!(
        "{interrupted} of {KILLS} kills interrupted an import; every re-run ended with {FILES} articles"
    );
    assert!(interrupted >= KILLS / 2, "most kills should land mid-import");

    let library_handle = Library::open(&library).unwrap();
    assert_eq!(library_handle.count(&Filter::default()).unwrap(), FILES);
    drop(library_handle);
    let again = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(&library)
        .arg("import")
        .arg(&folder)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&again.stdout);
    let last = summary.lines().last().unwrap_or("");
    println!("a further run: {last}");
    assert_eq!(last, format!("0 imported, {FILES} duplicates, 0 failed"));
}
