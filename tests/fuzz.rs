//! Fuzzing the importers and the search query handling: no panic, no hang,
//! no error from SQLite, memory in bounds, whatever the input.
//!
//! A quick pass runs with `cargo test`. The long runs quoted in the README:
//!
//!     FOLIO_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture
//!
//! Two fuzzers feed files. One mutates real inputs (our fixtures and the
//! shared evaluation pages) and extracts them: flips and inserts bytes,
//! deletes and repeats ranges, splices two inputs, and drops in tokens the
//! parsers care about. The other runs the whole import pipeline (the entry
//! point of `folio import` and the window's Import) on files of every kind
//! it recognises: other tools' exports (the shared interop files: JSON,
//! CSV, HTML), our own library, CSL-JSON, BibTeX and CSV exports, Omnivore zips (whole
//! files mutated, or zips built from mutated parts), pages and clippings,
//! and arbitrary bytes under any of their names. An input that panics or
//! runs past its limit is written to `target/fuzz-findings/` and fails the
//! run, as does a process whose memory peaks past 1 GB; each finding
//! becomes a regression test.

#[path = "common/memory.rs"]
mod memory;

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
    "@article{k,",
    "@string{s = ",
    " # ",
    "{\\'",
    "\\c{",
    " and ",
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
    let data = seeds[rng.below(seeds.len())].clone();
    mutate_bytes(rng, data, seeds)
}

/// One to eight mutations of `data`; splices take from `donors`.
fn mutate_bytes(rng: &mut Rng, mut data: Vec<u8>, donors: &[Vec<u8>]) -> Vec<u8> {
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
                let other = &donors[rng.below(donors.len())];
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
    save_finding_as(kind, bytes, "bin")
}

/// Saves an input that failed, named by its hash, with the extension it
/// was imported under.
fn save_finding_as(kind: &str, bytes: &[u8], extension: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    let _ = std::fs::create_dir_all(&folder);
    let path = folder.join(format!("{kind}-{}.{extension}", blake3::hash(bytes).to_hex()));
    let _ = std::fs::write(&path, bytes);
    path
}

/// The most memory the test process may hold: a finding past it is an
/// input that made a reader take far more than its size.
const MEMORY_LIMIT: u64 = 1 << 30;

fn check_memory(kind: &str, bytes: &[u8], extension: &str) {
    if let Some(peak) = memory::peak_resident_bytes()
        && peak > MEMORY_LIMIT
    {
        panic!(
            "memory peaked at {} MB; the input last read is saved to {}",
            peak >> 20,
            save_finding_as(kind, bytes, extension).display()
        );
    }
}

/// A hang limit of `seconds` in an optimised build. Unoptimised test
/// builds run the same code ten times slower, so their limit is ten times
/// longer.
fn hang_limit_of(seconds: u64) -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) {
        seconds * 10
    } else {
        seconds
    })
}

/// Longer than this is a hang for extracting one file.
fn hang_limit() -> Duration {
    hang_limit_of(2)
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
        check_memory("memory", &input, "bin");
        runs += 1;
    }
    runs
}

/// The names a file can be imported under: each extension picks a reader
/// (a collection for JSON, CSV and zip; a page, a clipping or a note for
/// the rest; Pocket's list for HTML with its marks).
const EXTENSIONS: &[&str] = &[
    "json", "csv", "zip", "html", "htm", "mhtml", "md", "txt", "bib", "",
];

/// A file to import: its bytes and its extension.
#[derive(Clone)]
struct ImportSeed {
    bytes: Vec<u8>,
    extension: String,
}

fn files_under(folder: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The parts of our Omnivore fixture, by their names in its zip.
fn omnivore_parts() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tools/omnivore");
    let mut files = Vec::new();
    files_under(&root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let name = path
                .strip_prefix(&root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((name, std::fs::read(&path).ok()?))
        })
        .collect()
}

fn zip_of(parts: &[(String, Vec<u8>)], deflate: bool) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in parts {
        if zip.start_file(name.as_str(), options).is_ok() {
            let _ = zip.write_all(bytes);
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// Every kind of file the import pipeline recognises, from real files:
/// the shared interop exports, our fixtures (tools, pages, clippings), an
/// Omnivore zip, and our own library, CSL-JSON, BibTeX and CSV exports.
fn import_seeds() -> Vec<ImportSeed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in [
        "../shared/interop",
        "tests/fixtures/tools",
        "tests/fixtures/pages",
        "tests/fixtures/clippings",
        "tests/fixtures/notes",
    ] {
        files_under(&root.join(folder), &mut files);
    }
    let mut seeds: Vec<ImportSeed> = files
        .iter()
        .filter(|p| !p.to_string_lossy().contains("/omnivore/"))
        .filter_map(|path| {
            Some(ImportSeed {
                bytes: std::fs::read(path).ok()?,
                extension: path
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default(),
            })
        })
        .collect();
    seeds.push(ImportSeed {
        bytes: zip_of(&omnivore_parts(), true),
        extension: "zip".into(),
    });
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let fixtures = root.join("tests/fixtures/library");
    folio::ingest::pipeline::import_paths(&mut library, &[fixtures], &cancel, |_, _| {}).unwrap();
    for (format, extension) in [
        (folio::export::ExportFormat::Json, "json"),
        (folio::export::ExportFormat::CslJson, "json"),
        (folio::export::ExportFormat::Bibtex, "bib"),
        (folio::export::ExportFormat::Csv, "csv"),
    ] {
        let path = dir.path().join(format!("export.{extension}"));
        folio::export::write_export(&library, format, &Filter::default(), true, &path).unwrap();
        seeds.push(ImportSeed {
            bytes: std::fs::read(&path).unwrap(),
            extension: extension.into(),
        });
    }
    // Files of Folio's own vault, which the Markdown reader reads back whole.
    let vault = dir.path().join("vault");
    folio::export::write_export(
        &library,
        folio::export::ExportFormat::Markdown,
        &Filter::default(),
        false,
        &vault,
    )
    .unwrap();
    let mut vault_files = Vec::new();
    files_under(&vault, &mut vault_files);
    seeds.extend(vault_files.iter().take(3).map(|path| ImportSeed {
        bytes: std::fs::read(path).unwrap(),
        extension: "md".into(),
    }));
    seeds
}

/// Bytes that come from nowhere: random, or random after the opening of a
/// format (a zip's signature, JSON, a CSV header, a page).
fn arbitrary_bytes(rng: &mut Rng) -> Vec<u8> {
    const OPENINGS: &[&[u8]] = &[
        b"",
        b"PK\x03\x04",
        b"[{\"url\":",
        b"{\"format\":\"folio-library\",\"version\":1,\"articles\":[",
        b"title,url,time_added,tags,status\n",
        b"URL,Title,Selection,Folder\n",
        b"<!DOCTYPE html><html><body>",
        b"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>",
        b"{\"roots\":{\"bookmark_bar\":{\"children\":[",
        b"{\"type\":\"text/x-moz-place-container\",\"children\":[",
        b"https://example.org/a | ",
        b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"b\"\n\n--b\n",
        b"---\ntitle: ",
        b"@article{key,\n  title = {",
    ];
    let mut bytes = OPENINGS[rng.below(OPENINGS.len())].to_vec();
    let longest = if rng.below(8) == 0 { 256 * 1024 } else { 4096 };
    let len = rng.below(longest);
    // Text-like bytes half the time, any bytes the other half.
    let text = rng.below(2) == 0;
    const TEXT: &[u8] = b" <>&;=\"',\n#[]{}:/abcdefghij0123";
    bytes.extend((0..len).map(|_| {
        let b = rng.next_u64() as u8;
        if text { TEXT[b as usize % TEXT.len()] } else { b }
    }));
    bytes
}

/// One input for the import pipeline, made from the seeds.
fn import_input(
    rng: &mut Rng,
    seeds: &[ImportSeed],
    donors: &[Vec<u8>],
    parts: &[(String, Vec<u8>)],
) -> ImportSeed {
    let mut input = match rng.below(8) {
        0 => ImportSeed {
            bytes: arbitrary_bytes(rng),
            extension: EXTENSIONS[rng.below(EXTENSIONS.len())].into(),
        },
        // An Omnivore zip whose parts are mutated, whole and well formed.
        1 => {
            let parts: Vec<(String, Vec<u8>)> = parts
                .iter()
                .map(|(name, bytes)| {
                    let bytes = if rng.below(2) == 0 {
                        mutate_bytes(rng, bytes.clone(), donors)
                    } else {
                        bytes.clone()
                    };
                    (name.clone(), bytes)
                })
                .collect();
            ImportSeed {
                bytes: zip_of(&parts, rng.below(2) == 0),
                extension: "zip".into(),
            }
        }
        _ => {
            let seed = &seeds[rng.below(seeds.len())];
            ImportSeed {
                bytes: mutate_bytes(rng, seed.bytes.clone(), donors),
                extension: seed.extension.clone(),
            }
        }
    };
    // Now and then under another name, so each reader meets the others' files.
    if rng.below(10) == 0 {
        input.extension = EXTENSIONS[rng.below(EXTENSIONS.len())].into();
    }
    input
}

/// Longer than this is a hang for one file through the whole import.
fn import_hang_limit() -> Duration {
    hang_limit_of(10)
}

/// Imports generated files until `budget` runs out or `limit` files are
/// done: each must give the report at least one line, with no panic, no
/// error from the library, no hang and memory in bounds.
fn fuzz_importers(budget: Duration, limit: usize, seed: u64) -> usize {
    let seeds = import_seeds();
    let donors: Vec<Vec<u8>> = seeds.iter().map(|s| s.bytes.clone()).collect();
    let parts = omnivore_parts();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut runs = 0;
    while started.elapsed() < budget && runs < limit {
        let input = import_input(&mut rng, &seeds, &donors, &parts);
        let name = if input.extension.is_empty() {
            "input".to_string()
        } else {
            format!("input.{}", input.extension)
        };
        let file = dir.path().join(name);
        std::fs::write(&file, &input.bytes).unwrap();
        // A fresh library now and then keeps the stored articles few.
        let library_path = dir.path().join(format!("lib-{}.sqlite", runs / 500));
        let (done, result) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                let mut library = Library::open(&library_path).map_err(|e| e.to_string())?;
                let cancel = std::sync::atomic::AtomicBool::new(false);
                folio::ingest::pipeline::import_paths(&mut library, &[file], &cancel, |_, _| {})
                    .map_err(|e| e.to_string())
            }));
            let _ = done.send(outcome.map(|r| r.map(|report| report.files.len())));
        });
        let extension = input.extension.as_str();
        match result.recv_timeout(import_hang_limit()) {
            Ok(Ok(Ok(lines))) if lines > 0 => {}
            Ok(Ok(Ok(_))) => panic!(
                "the import reported nothing; input saved to {}",
                save_finding_as("silent", &input.bytes, extension).display()
            ),
            Ok(Ok(Err(e))) => panic!(
                "the import failed: {e}; input saved to {}",
                save_finding_as("error", &input.bytes, extension).display()
            ),
            Ok(Err(_)) => panic!(
                "the import panicked; input saved to {}",
                save_finding_as("panic", &input.bytes, extension).display()
            ),
            Err(_) => panic!(
                "the import ran over {:?}; input saved to {}",
                import_hang_limit(),
                save_finding_as("slow", &input.bytes, extension).display()
            ),
        }
        check_memory("memory", &input.bytes, extension);
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

/// A new seed each long run (printed, so that a run can be repeated).
fn seed_from_the_clock() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1
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
fn three_hundred_generated_files_go_through_the_import_pipeline() {
    let runs = fuzz_importers(Duration::from_secs(600), 300, 0xF011_0002);
    assert_eq!(runs, 300);
}

#[test]
#[ignore = "long: FOLIO_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture"]
fn fuzz_importers_for_the_long_run() {
    let budget = long_budget();
    let seed = seed_from_the_clock();
    let runs = fuzz_importers(budget, usize::MAX, seed);
    println!(
        "importers: {runs} files in {} s, seed {seed:#x}, no panic, none over {:?}, memory peak {} MB",
        budget.as_secs(),
        import_hang_limit(),
        memory::peak_resident_bytes().unwrap_or(0) >> 20
    );
}

#[test]
#[ignore = "long: FOLIO_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture"]
fn fuzz_extractors_for_the_long_run() {
    let budget = long_budget();
    let seed = seed_from_the_clock();
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
    let seed = seed_from_the_clock();
    let runs = fuzz_queries(budget, usize::MAX, seed);
    println!(
        "queries: {runs} searches in {} s, seed {seed:#x}, no error",
        budget.as_secs()
    );
}
