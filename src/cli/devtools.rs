//! Generated libraries and benchmarks, for developers.

use super::open_library;
use crate::library::{Filter, Library};
use anyhow::{Result, bail};
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Fill a library with generated articles, for benchmarks (needs --library).
    #[command(
        after_help = "Example:\n  folio generate --articles 100000 --library /tmp/bench.sqlite --seed 1\n\n\
        Bodies of about 5 KB with a Zipf word distribution in five languages, dates over thirty years, \
        300 sources, every region and country, tags and notes. The same seed gives the same library."
    )]
    Generate {
        /// How many articles.
        #[arg(long)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How many distinct tags to draw from.
        #[arg(long, default_value_t = 500)]
        tags: usize,
    },
    /// The scale benchmarks in one table: import speed on generated
    /// clippings, then the window's work on the library given (needs --library).
    #[command(
        after_help = "Example:\n  folio generate --articles 100000 --library /tmp/bench.sqlite --seed 1\n  \
        folio --library /tmp/bench.sqlite bench --runs 50"
    )]
    Bench {
        /// Runs of each timed step.
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// Clipping files to import for the import figure.
        #[arg(long, default_value_t = 10_000)]
        import_files: usize,
    },
    /// Time searches on the library: median and p95 by kind of query.
    BenchSearch {
        /// Runs of each kind of query.
        #[arg(long, default_value_t = 50)]
        runs: usize,
    },
    /// How fast pages are extracted: every importable file under the paths,
    /// read in process on one thread (pages per second per core).
    #[command(after_help = "Example:\n  folio bench-extract ../shared/eval/cases --rounds 3")]
    BenchExtract {
        /// Files and folders of pages to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Times to read every page.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// How well topic suggestions do on a labelled set generated for the
    /// purpose: top-1 and top-3 accuracy from the lexicon alone, then after
    /// the user has filed 10, 50 and 100 articles. With --labelled, on a
    /// set written by hand instead. Uses a scratch library.
    #[command(after_help = "Examples:\n  folio bench-topics --articles 300 --seed 1\n  \
        folio bench-topics --labelled tests/fixtures/topics\n\n\
        The labelled folder holds clippings and a manifest.tsv: a line per clipping, \
        file<TAB>language<TAB>top-level topic<TAB>tuning|unseen.")]
    BenchTopics {
        /// Labelled articles (at least 200; the first 100 are the ones filed).
        #[arg(long, default_value_t = 300)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A folder of clippings labelled by hand, with its manifest.tsv:
        /// reports top-1, top-3 and articles without a suggestion, and each miss.
        #[arg(long, value_name = "DIR")]
        labelled: Option<PathBuf>,
    },
    /// How well story threads match a set labelled by hand: pairwise
    /// precision, recall and F1 and B-cubed F1 per half, with threads made
    /// as articles arrive and all at once (uses a scratch library). Without
    /// --labelled, how fast they are made on the library given (needs
    /// --library, a generated one: the threads are written into it).
    #[command(
        after_help = "Examples:\n  folio bench-stories --labelled tests/fixtures/stories --half tune\n  \
        folio --library /tmp/bench.sqlite bench-stories --runs 50\n\n\
        The labelled folder holds the halves' folders and a manifest.tsv: a header, then a line per clipping, \
        file<TAB>story (- for none)<TAB>language<TAB>paper<TAB>date<TAB>half<TAB>note."
    )]
    BenchStories {
        /// The folder of the labelled set.
        #[arg(long, value_name = "DIR")]
        labelled: Option<PathBuf>,
        /// New articles placed one by one, for the time per new article.
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// Only these halves (as the manifest names them); all when none is given.
        #[arg(long, value_name = "HALF")]
        half: Vec<String>,
        /// List the pairs put together against the labels and the pairs missed.
        #[arg(long)]
        errors: bool,
    },
}

pub fn run(library_path: &Option<PathBuf>, command: DevCommand, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        DevCommand::Generate { articles, seed, tags } => {
            let Some(path) = library_path else {
                bail!(
                    "give the library to fill with --library PATH (generate never touches your own library)"
                );
            };
            let mut library = Library::open(path)?;
            let started = std::time::Instant::now();
            let plan = crate::devtools::generate::Plan { articles, seed, tags };
            let stored = crate::devtools::generate::generate(&mut library, &plan, |done| {
                if done % 10_000 == 0 {
                    eprintln!("{done} articles…");
                }
            })?;
            let seconds = started.elapsed().as_secs_f64();
            writeln!(
                out,
                "generated {stored} articles in {seconds:.1} s ({:.0} per second)",
                stored as f64 / seconds
            )?;
        }
        DevCommand::Bench { runs, import_files } => {
            let Some(path) = library_path else {
                anyhow::bail!("bench needs --library: a generated library, never your own");
            };
            let scratch = std::env::temp_dir().join(format!("folio-bench-{}", std::process::id()));
            std::fs::create_dir_all(&scratch)?;
            let mut lines = crate::devtools::bench_suite::bench_import(&scratch, import_files)?;
            let _ = std::fs::remove_dir_all(&scratch);
            lines.extend(crate::devtools::bench_suite::bench_library(path, runs)?);
            lines.extend(crate::devtools::bench_suite::frame_lines(path, runs.max(100))?);
            writeln!(out, "{:<62} {:>12} {:>10}  goal", "", "median", "p95")?;
            for line in lines {
                writeln!(
                    out,
                    "{:<62} {:>12} {:>10}  {}",
                    line.what, line.median, line.p95, line.goal
                )?;
            }
        }
        DevCommand::BenchSearch { runs } => {
            let library = open_library(library_path)?;
            let articles = library.count(&Filter::default())?;
            writeln!(
                out,
                "search on {articles} articles, first page of 50 with snippets, {runs} runs each"
            )?;
            writeln!(
                out,
                "{:<20} {:>10} {:>10} {:>10}",
                "query", "median ms", "p95 ms", "hits"
            )?;
            for t in crate::devtools::bench::bench_search(&library, runs)? {
                writeln!(
                    out,
                    "{:<20} {:>10.2} {:>10.2} {:>10.1}",
                    t.kind,
                    t.median.as_secs_f64() * 1000.0,
                    t.p95.as_secs_f64() * 1000.0,
                    t.mean_hits
                )?;
            }
            let size = std::fs::metadata(library.path()).map(|m| m.len()).unwrap_or(0);
            let text = library.text_bytes()?;
            writeln!(
                out,
                "library file {:.0} MB for {:.0} MB of text ({:.2}×)",
                size as f64 / 1e6,
                text as f64 / 1e6,
                size as f64 / text.max(1) as f64
            )?;
        }
        DevCommand::BenchExtract { paths, rounds } => {
            let t = crate::devtools::bench_extract::bench_extract(&paths, rounds);
            let formats: Vec<String> = t.per_format.iter().map(|(f, n)| format!("{n} {f}")).collect();
            writeln!(
                out,
                "{} pages ({}), read {} times on one thread",
                t.pages,
                formats.join(", "),
                t.rounds
            )?;
            writeln!(out, "pages per second per core: {:.0}", t.pages_per_second)?;
            writeln!(
                out,
                "per page: median {:.2} ms, p95 {:.2} ms",
                t.median.as_secs_f64() * 1000.0,
                t.p95.as_secs_f64() * 1000.0
            )?;
            if let Some((path, d)) = t.slowest {
                writeln!(
                    out,
                    "slowest: {:.1} ms, {}",
                    d.as_secs_f64() * 1000.0,
                    path.display()
                )?;
            }
        }
        DevCommand::BenchTopics {
            labelled: Some(dir), ..
        } => {
            let scratch = std::env::temp_dir().join(format!("folio-topics-{}", std::process::id()));
            std::fs::create_dir_all(&scratch)?;
            let measured =
                crate::devtools::topic_eval::measure_labelled(&dir, &scratch.join("labelled.sqlite"));
            let _ = std::fs::remove_dir_all(&scratch);
            write_labelled_report(out, &measured?)?;
        }
        DevCommand::BenchTopics { articles, seed, .. } => {
            let scratch = std::env::temp_dir().join(format!("folio-topics-{}", std::process::id()));
            std::fs::create_dir_all(&scratch)?;
            let measured =
                crate::devtools::topic_eval::measure(&scratch.join("labelled.sqlite"), articles, seed);
            let _ = std::fs::remove_dir_all(&scratch);
            let (tested, lines) = measured?;
            writeln!(
                out,
                "topic suggestions on {tested} labelled articles (top level of the tree)"
            )?;
            writeln!(
                out,
                "{:<28} {:>8} {:>8}",
                "articles the user filed", "top-1", "top-3"
            )?;
            for line in lines {
                let what = if line.filed == 0 {
                    "0 (lexicon alone)".to_string()
                } else {
                    line.filed.to_string()
                };
                writeln!(
                    out,
                    "{what:<28} {:>7.1}% {:>7.1}%",
                    line.top1 * 100.0,
                    line.top3 * 100.0
                )?;
            }
        }
        DevCommand::BenchStories {
            labelled: None, runs, ..
        } => {
            let Some(path) = library_path else {
                bail!(
                    "bench-stories needs --labelled DIR, or --library: a generated library, never your own"
                );
            };
            writeln!(out, "{:<62} {:>12} {:>10}  goal", "", "median", "p95")?;
            for line in crate::devtools::story_bench::bench_scale(path, runs)? {
                writeln!(
                    out,
                    "{:<62} {:>12} {:>10}  {}",
                    line.what, line.median, line.p95, line.goal
                )?;
            }
        }
        DevCommand::BenchStories {
            labelled: Some(labelled),
            half,
            errors,
            ..
        } => {
            let scratch = std::env::temp_dir().join(format!("folio-stories-{}", std::process::id()));
            std::fs::create_dir_all(&scratch)?;
            let measured = crate::devtools::story_eval::measure_labelled(
                &labelled,
                &half,
                &scratch.join("labelled.sqlite"),
            );
            let _ = std::fs::remove_dir_all(&scratch);
            write_story_report(out, &measured?, errors)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `folio bench-stories`: a table per way of making threads, a line per half.
fn write_story_report(
    out: &mut dyn Write,
    measured: &[crate::devtools::story_eval::Measured],
    errors: bool,
) -> Result<()> {
    for m in measured {
        if errors {
            for (a, b) in &m.wrong {
                writeln!(out, "wrongly together: {a}  {b}")?;
            }
            for (a, b) in &m.missed {
                writeln!(out, "missed:           {a}  {b}")?;
            }
        }
        writeln!(out, "story threads made {}", m.how)?;
        writeln!(
            out,
            "{:<10} {:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
            "half", "articles", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1"
        )?;
        for (half, s) in &m.halves {
            writeln!(
                out,
                "{half:<10} {:>8} {:>10.3} {:>10.3} {:>10.3} {:>10.3} {:>10.3} {:>10.3}",
                s.articles,
                s.pair_precision,
                s.pair_recall,
                s.pair_f1,
                s.bcubed_precision,
                s.bcubed_recall,
                s.bcubed_f1
            )?;
        }
    }
    Ok(())
}

/// `folio bench-topics --labelled`: the misses, then a line per half of
/// the set and one for all of it.
fn write_labelled_report(
    out: &mut dyn Write,
    outcomes: &[crate::devtools::topic_eval::Outcome],
) -> Result<()> {
    use crate::devtools::topic_eval::Tally;
    for o in outcomes.iter().filter(|o| !o.first_right()) {
        writeln!(
            out,
            "{} miss {} [{}]: expected {}, proposed {}",
            if o.within_three() { "top-3" } else { "     " },
            o.case.file,
            o.case.language,
            o.case.topic,
            if o.proposed.is_empty() {
                "nothing".to_string()
            } else {
                o.proposed.join(" | ")
            }
        )?;
    }
    writeln!(
        out,
        "topic suggestions on {} articles labelled by hand (top level of the tree)",
        outcomes.len()
    )?;
    writeln!(
        out,
        "{:<24} {:>8} {:>8} {:>8} {:>14}",
        "articles", "count", "top-1", "top-3", "no suggestion"
    )?;
    let halves = [
        (
            "tuning half",
            Tally::of(outcomes.iter().filter(|o| !o.case.unseen)),
        ),
        (
            "unseen half",
            Tally::of(outcomes.iter().filter(|o| o.case.unseen)),
        ),
        ("all", Tally::of(outcomes)),
    ];
    for (name, t) in halves {
        writeln!(
            out,
            "{name:<24} {:>8} {:>7.1}% {:>7.1}% {:>14}",
            t.articles,
            t.top1() * 100.0,
            t.top3() * 100.0,
            t.without
        )?;
    }
    Ok(())
}
