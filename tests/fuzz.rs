//! Fuzzing the extractors and the search query handling: no panic, no hang,
//! no error from SQLite, whatever the input.
//!
//! A quick pass runs with `cargo test`. The long runs quoted in the README:
//!
//!     FOLIO_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture
//!
//! The fuzzer mutates real inputs (our fixtures and the shared evaluation
//! pages): flips and inserts bytes, deletes and repeats ranges, splices two
//! inputs, and drops in tokens the parsers care about. An input that panics
//! or takes more than two seconds is written to `target/fuzz-findings/` and
//! fails the run; each finding becomes a regression test.

use folio::devtools::generate::Rng;
use folio::library::Filter;
use folio::library::Library;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Fragments the parsers treat specially.
const TOKENS: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<meta property=\"og:title\" content=\"",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"",
    "&#x",
    "&amp;",
    "&#99999999;",
    "•",
    "  * ",
    "Editorial:",
    "[Editorial]",
    "Opinion | ",
    "（社説）",
    "By ",
    "Par ",
    "Von ",
    " > ",
    " | ",
    "---\n",
    "title: ",
    "date: ",
    "January 5, 2018",
    "2018年1月5日",
    "31 février 2019",
    "99/99/9999",
    "1:50 p.m.",
    "13時50分",
    "\u{feff}",
    "\u{0}",
    "\u{fffd}",
    "\r\n",
    "\n\n\n",
    "。",
    "ÿ",
    "\u{202e}",
    "🙂",
    "\u{1f}",
    "© 2020 ",
];

fn seeds() -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders: Vec<PathBuf> = vec![
        root.join("tests/fixtures/clippings"),
        root.join("tests/fixtures/library"),
    ];
    if let Ok(cases) = std::fs::read_dir(root.join("../shared/eval/cases")) {
        folders.extend(cases.filter_map(|c| c.ok()).map(|c| c.path()).take(60));
    }
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            let keep = path
                .extension()
                .is_some_and(|e| e == "txt" || e == "html" || e == "md");
            if keep && let Ok(bytes) = std::fs::read(&path) {
                seeds.push(bytes);
            }
        }
    }
    seeds.push(b"---\ntitle: x\n---\n# Heading\n\nText.".to_vec());
    seeds
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(8) {
        let len = data.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                data.insert(i, rng.next_u64() as u8);
            }
            2 if len > 1 => {
                let a = rng.below(len);
                let b = (a + rng.below(256)).min(len);
                data.drain(a..b);
            }
            3 if len > 1 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64)).min(len);
                let piece = data[a..b].repeat(1 + rng.below(50));
                let at = rng.below(data.len() + 1);
                data.splice(at..at, piece);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let cut = rng.below(other.len() + 1);
                let at = rng.below(data.len() + 1);
                data.truncate(at);
                data.extend_from_slice(&other[cut..]);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(data.len() + 1);
                data.splice(at..at, token.iter().copied());
            }
        }
    }
    data
}

fn save_finding(kind: &str, bytes: &[u8]) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    let _ = std::fs::create_dir_all(&folder);
    let path = folder.join(format!("{kind}-{}.bin", blake3::hash(bytes).to_hex()));
    let _ = std::fs::write(&path, bytes);
    path
}

/// Longer than this is a hang. Unoptimised test builds run the same code
/// ten times slower, so their limit is ten times longer.
fn hang_limit() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(2)
    }
}

/// Extracts mutated inputs until `budget` runs out or `limit` inputs are done.
fn fuzz_extractors(budget: Duration, limit: usize, seed: u64) -> usize {
    let seeds = seeds();
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut runs = 0;
    while started.elapsed() < budget && runs < limit {
        let input = mutate(&mut rng, &seeds);
        let name = ["a.txt", "b.html", "c.md", "d"][rng.below(4)];
        // On its own thread, so a hang is caught while it hangs.
        let (done, result) = std::sync::mpsc::channel();
        let job = input.clone();
        std::thread::spawn(move || {
            let outcome =
                std::panic::catch_unwind(AssertUnwindSafe(|| folio::import::extract(&job, Some(name))));
            let _ = done.send(outcome.is_ok());
        });
        match result.recv_timeout(hang_limit()) {
            Ok(true) => {}
            Ok(false) => panic!(
                "extraction panicked; input saved to {}",
                save_finding("panic", &input).display()
            ),
            Err(_) => panic!(
                "extraction ran over {:?}; input saved to {}",
                hang_limit(),
                save_finding("slow", &input).display()
            ),
        }
        runs += 1;
    }
    runs
}

/// A random search string: operators, quotes, fields, control characters, any script.
fn random_query(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "-",
        "*",
        ":",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(",
        "^",
        "+",
        "title:",
        "source:",
        "author:",
        "tag:",
        "before:2019-01-01",
        "after:",
        "year:",
        "korea",
        "Kim's",
        "北朝鮮",
        "한국",
        "العربية",
        "🙂",
        "\u{0}",
        "\u{7}",
        "\u{1b}[0m",
        "\\",
        "%",
        "_",
        ";",
        "--",
        "/*",
        "\u{feff}",
        " ",
        "  ",
        "\t",
        "\n",
        "{",
        "}",
        "[",
        "]",
        "ÿ",
        "\u{fffd}",
        "e\u{301}",
        "ﬁ",
        "LONG",
    ];
    let mut q = String::new();
    for _ in 0..rng.below(12) {
        if rng.below(5) == 0 {
            q.push(char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('?'));
        } else {
            match PIECES[rng.below(PIECES.len())] {
                // A very long word, as from a pasted paragraph.
                "LONG" => q.push_str(&"x".repeat(3_000)),
                piece => q.push_str(piece),
            }
        }
    }
    q
}

fn fuzz_queries(budget: Duration, limit: usize, seed: u64) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    folio::ingest::pipeline::import_paths(&mut library, &[fixtures], &cancel, |_, _| {}).unwrap();
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut runs = 0;
    while started.elapsed() < budget && runs < limit {
        let query = random_query(&mut rng);
        match library.search(&query, &Filter::default()) {
            Ok(_) => {}
            Err(e) => panic!(
                "search for {query:?} failed: {e} (saved to {})",
                save_finding("query", query.as_bytes()).display()
            ),
        }
        runs += 1;
    }
    runs
}

fn long_budget() -> Duration {
    let seconds = std::env::var("FOLIO_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    Duration::from_secs(seconds)
}

#[test]
fn ten_thousand_random_queries_give_results_or_nothing() {
    let runs = fuzz_queries(Duration::from_secs(600), 10_000, 0xC0FFEE);
    assert_eq!(runs, 10_000);
}

#[test]
fn four_hundred_mutated_files_extract_without_panic_or_hang() {
    let runs = fuzz_extractors(Duration::from_secs(600), 400, 0xF011_0001);
    assert_eq!(runs, 400);
}

#[test]
#[ignore = "long: FOLIO_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture"]
fn fuzz_extractors_for_the_long_run() {
    let budget = long_budget();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let runs = fuzz_extractors(budget, usize::MAX, seed);
    println!(
        "extractors: {runs} inputs in {} s, seed {seed:#x}, no panic, none over 2 s",
        budget.as_secs()
    );
}

#[test]
#[ignore = "long: FOLIO_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture"]
fn fuzz_queries_for_the_long_run() {
    let budget = long_budget();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let runs = fuzz_queries(budget, usize::MAX, seed);
    println!(
        "queries: {runs} searches in {} s, seed {seed:#x}, no error",
        budget.as_secs()
    );
}
