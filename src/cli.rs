//! The command line: a thin front end over the same library and import calls
//! the app uses. Also how scripts, benchmarks and the evaluation drive Folio.

use crate::import;
use crate::ingest::pipeline;
use crate::library::{Library, LibraryError, maintenance};
use crate::model::{Filter, Published};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    about = "An archive for clipped news articles and editorials.",
    long_about = "An archive for clipped news articles and editorials.\n\n\
                  Without a command, Folio opens its window on the library. The commands below work on \
                  the same library from the terminal."
)]
pub struct Cli {
    /// The library file to use (default: library.sqlite in the platform's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub library: Option<PathBuf>,

    /// Open the window, save a PNG of it to PATH once the library has loaded, and quit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import clippings, saved pages and Markdown files, or whole folders.
    #[command(after_help = "Example:\n  folio import clipping.txt saved-pages/\n\n\
        Prints one line per file (imported, duplicate or failed, with the reason) and a summary.")]
    Import {
        /// Files and folders (folders are searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List articles, newest first.
    #[command(
        after_help = "Example:\n  folio list --from 2018-01-01 --region \"East Asia & Pacific\" --limit 20"
    )]
    List {
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Show one article: metadata, tags, note and body.
    Show { id: i64 },
    /// Full-text search, best match first, with a snippet.
    #[command(after_help = "Examples:\n  folio search north korea talks\n  \
        folio search '\"six-party talks\"' -china year:2018\n  \
        folio search sanctions source:asahi after:2017-06-01 OR embargo\n\n\
        Every word must match (best match first); \"an exact phrase\"; -word leaves out; OR between terms; \
        fields: title: source: author: tag: topic: region: country: lang: kind: note: \
        before:YYYY-MM-DD after:YYYY-MM-DD year:YYYY. Anything else is searched as plain text.")]
    Search {
        /// What to look for, in the search language (see below).
        #[arg(required = true, allow_hyphen_values = true)]
        words: Vec<String>,
        /// Print a JSON array (id, published, source, title, snippet) for scripts.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Add (+name) and remove (-name) tags.
    #[command(after_help = "Example:\n  folio tag 12 +korea +diplomacy -unread")]
    Tag {
        id: i64,
        /// +name to add, -name to remove (a bare name adds).
        #[arg(required = true, allow_hyphen_values = true)]
        changes: Vec<String>,
    },
    /// Set the note on an article (an empty text removes it).
    Note { id: i64, text: String },
    /// Highlight a passage of an article (the first place its text says it).
    #[command(
        after_help = "Example:\n  folio highlight 12 \"the talks should resume\" --color green --comment \"Why now?\""
    )]
    Highlight {
        id: i64,
        /// The passage, as the article's text has it.
        passage: String,
        /// yellow, green, blue, pink or purple.
        #[arg(long, default_value = "yellow")]
        color: String,
        #[arg(long)]
        comment: Option<String>,
    },
    /// Replace an article's text with a file's (a correction); highlights are found again in it.
    SetText { id: i64, file: PathBuf },
    /// Export highlights and notes: Markdown to read, or W3C Web Annotation JSON.
    #[command(
        after_help = "Examples:\n  folio annotations --out annotations.md\n          folio annotations --article 12 --format json"
    )]
    Annotations {
        /// Only this article's (default: every annotated article).
        #[arg(long)]
        article: Option<i64>,
        /// md or json.
        #[arg(long, default_value = "md")]
        format: String,
        /// Write to this file instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Export articles: the whole library as JSON (which `folio import` reads
    /// back), a Markdown vault, CSV, CSL-JSON, BibTeX or one HTML file.
    #[command(after_help = "Examples:\n  folio export --format json --out library.json\n  \
        folio export --format md --out vault/ --tag korea\n  \
        folio export --format csl-json --out refs.json --from 2018-01-01\n\n\
        Without filters, the JSON export also holds the trash, so nothing is lost.")]
    Export {
        /// json, md, csv, csl-json, bibtex or html.
        #[arg(long)]
        format: String,
        /// The file to write (a folder for md).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Print the topic tree, with how many articles each holds.
    Topics,
    /// Print every tag with how many articles carry it.
    Tags,
    /// Rename a tag; renaming onto an existing tag merges the two.
    #[command(after_help = "Example:\n  folio rename-tag \"N. Korea\" \"North Korea\"")]
    RenameTag { old: String, new: String },
    /// Delete a tag from every article that carries it.
    DeleteTag { name: String },
    /// File an article under topics (+name) or take it out (-name).
    #[command(after_help = "Example:\n  folio topic 12 +diplomacy \"+politics › elections\" -sport")]
    Topic {
        id: i64,
        #[arg(required = true, allow_hyphen_values = true)]
        changes: Vec<String>,
    },
    /// Give a tag a colour (yellow, green, blue, pink, purple) or `none`.
    TagColor { name: String, color: String },
    /// The topics Folio proposes for an article, with how sure it is.
    Suggest { id: i64 },
    /// Move an article to the trash.
    Delete { id: i64 },
    /// Bring an article back from the trash.
    Restore { id: i64 },
    /// Check the library: integrity, search index, orphan rows.
    Check,
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
    /// Time searches on the library: median and p95 by kind of query.
    BenchSearch {
        /// Runs of each kind of query.
        #[arg(long, default_value_t = 50)]
        runs: usize,
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
    /// the user has filed 10, 50 and 100 articles. Uses a scratch library.
    #[command(after_help = "Example:\n  folio bench-topics --articles 300 --seed 1")]
    BenchTopics {
        /// Labelled articles (at least 200; the first 100 are the ones filed).
        #[arg(long, default_value_t = 300)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write a verified backup (default: a new automatic backup beside the library).
    #[command(
        after_help = "Backups use SQLite's backup API and are verified before they count. \
        Automatic backups live in the backups/ folder beside the library; the newest 7 are kept."
    )]
    Backup {
        /// Where to write the backup.
        path: Option<PathBuf>,
    },
    /// Restore the library from a backup (default: the newest good automatic backup).
    #[command(
        after_help = "What the library holds now is saved as a backup first, so a restore can be undone. \
        A library too damaged to open is moved aside (renamed, not deleted) and the backup put in its place."
    )]
    RestoreBackup {
        /// The backup to restore.
        path: Option<PathBuf>,
    },
    /// Parse one file without storing anything and print what Folio found.
    #[command(
        after_help = "With --json, prints one object: title, authors, published, source, section, \
        region, kind, language, url, body (unknown fields are null)."
    )]
    Extract {
        /// Print JSON (the format scripts rely on).
        #[arg(long)]
        json: bool,
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args, Default)]
pub struct FilterArgs {
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// Only articles from this publication.
    #[arg(long)]
    source: Option<String>,
    /// Only articles about this World Bank region or country.
    #[arg(long)]
    region: Option<String>,
    /// Only articles about this country (the same as --region with a country).
    #[arg(long)]
    country: Option<String>,
    /// Only editorials, opinion, news… (the kind Folio found).
    #[arg(long)]
    kind: Option<String>,
    /// Only articles in this language (a code: en, fr, ja…).
    #[arg(long)]
    lang: Option<String>,
    /// Only articles with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only articles filed under this topic (or a topic below it).
    #[arg(long)]
    topic: Option<String>,
    /// Show at most this many.
    #[arg(long)]
    limit: Option<usize>,
    /// List the trash instead.
    #[arg(long)]
    trash: bool,
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("'{s}' is not a date like 2018-01-05"))
}

impl FilterArgs {
    /// Nothing asked for: the whole library.
    fn is_empty(&self) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && self.source.is_none()
            && self.region.is_none()
            && self.country.is_none()
            && self.kind.is_none()
            && self.lang.is_none()
            && self.tag.is_none()
            && self.topic.is_none()
            && self.limit.is_none()
            && !self.trash
    }

    fn to_filter(&self) -> Filter {
        Filter {
            from: self.from,
            to: self.to,
            source: self.source.clone(),
            region: self.region.clone().or_else(|| self.country.clone()),
            kind: self.kind.clone(),
            language: self.lang.clone(),
            tag: self.tag.clone(),
            topic: self.topic.clone(),
            trash: self.trash,
            limit: self.limit,
            ..Filter::default()
        }
    }
}

fn open_library(cli_path: &Option<PathBuf>) -> Result<Library> {
    let path = cli_path.clone().unwrap_or_else(crate::default_library_path);
    if crate::library::upgrade_pending(&path) {
        eprintln!(
            "folio: upgrading {} to this version of Folio (once; a large library takes a minute)…",
            path.display()
        );
    }
    Library::open(&path).with_context(|| format!("could not open the library at {}", path.display()))
}

fn date_label(published: Option<Published>) -> String {
    published.map(|p| p.date_label()).unwrap_or_else(|| "—".into())
}

/// Runs a command. With no command the app's window is the caller's job.
pub fn run_command(library_path: &Option<PathBuf>, command: Command) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        Command::Extract { json, file } => {
            let bytes = std::fs::read(&file).with_context(|| format!("could not read {}", file.display()))?;
            let name = file.file_name().and_then(|n| n.to_str());
            let (article, _) =
                import::read_fields(&bytes, name).with_context(|| format!("{}", file.display()))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&article.to_json())?)?;
            } else {
                writeln!(out, "title:     {}", article.title.as_deref().unwrap_or("—"))?;
                writeln!(out, "published: {}", date_label(article.published))?;
                writeln!(out, "source:    {}", article.source.as_deref().unwrap_or("—"))?;
                writeln!(out, "authors:   {}", article.authors.join(", "))?;
                writeln!(out, "section:   {}", article.section.as_deref().unwrap_or("—"))?;
                writeln!(out, "region:    {}", article.region.as_deref().unwrap_or("—"))?;
                writeln!(out, "countries: {}", article.countries.join(", "))?;
                writeln!(out, "kind:      {}", article.kind.as_deref().unwrap_or("—"))?;
                writeln!(out, "language:  {}", article.language.as_deref().unwrap_or("—"))?;
                writeln!(out, "\n{}", article.body)?;
            }
        }
        Command::Import { paths } => {
            let mut library = open_library(library_path)?;
            let cancel = AtomicBool::new(false);
            let report = pipeline::import_paths(&mut library, &paths, &cancel, |_, files| {
                for file in files {
                    let line = match &file.outcome {
                        pipeline::Outcome::Imported { id, title } => {
                            format!("imported #{id} \"{}\"", ellipsize(title, 60))
                        }
                        pipeline::Outcome::Duplicate { id } => format!("duplicate of #{id}"),
                        pipeline::Outcome::Failed { reason } => format!("failed: {reason}"),
                    };
                    let _ = writeln!(std::io::stdout(), "{}: {line}", file.path.display());
                }
            })?;
            writeln!(out, "{}", report.summary_line())?;
            if report.failed() > 0 && report.imported() + report.duplicates() == 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::List { filter } => {
            let library = open_library(library_path)?;
            let filter = filter.to_filter();
            let rows = library.list(&filter)?;
            for row in &rows {
                writeln!(
                    out,
                    "#{:<6} {:<10}  {:<24}  {}{}",
                    row.id,
                    date_label(row.published),
                    ellipsize(row.source.as_deref().unwrap_or("—"), 24),
                    row.title.as_deref().unwrap_or("(untitled)"),
                    if row.tags.is_empty() {
                        String::new()
                    } else {
                        format!("  [{}]", row.tags.join(", "))
                    }
                )?;
            }
            let total = library.count(&filter)?;
            writeln!(
                out,
                "{} of {} article{}",
                rows.len(),
                total,
                if total == 1 { "" } else { "s" }
            )?;
        }
        Command::Show { id } => {
            let library = open_library(library_path)?;
            let a = library.get_article(id)?;
            let m = &a.meta;
            writeln!(out, "#{} {}", a.id, a.title_or_untitled())?;
            writeln!(out, "published: {}", date_label(m.published))?;
            for (label, value) in [
                ("source", m.source.as_deref()),
                ("section", m.section.as_deref()),
                ("kind", m.kind.as_deref()),
                ("region", m.region.as_deref()),
                ("language", m.language.as_deref()),
                ("url", m.url.as_deref()),
                ("file", a.original_name.as_deref()),
            ] {
                if let Some(value) = value {
                    writeln!(out, "{label}: {value}")?;
                }
            }
            if !m.authors.is_empty() {
                writeln!(out, "authors: {}", m.authors.join(", "))?;
            }
            if !m.countries.is_empty() {
                writeln!(out, "countries: {}", m.countries.join(", "))?;
            }
            let provenance = a.provenance.describe();
            if !provenance.is_empty() {
                writeln!(out, "from another tool: {}", provenance.to_lowercase())?;
            }
            writeln!(
                out,
                "tags: {}",
                if a.tags.is_empty() {
                    "—".into()
                } else {
                    a.tags.join(", ")
                }
            )?;
            writeln!(out, "imported: {}", a.imported_at)?;
            if let Some(deleted) = &a.deleted_at {
                writeln!(out, "in the trash since {deleted}")?;
            }
            if let Some(note) = &a.note {
                writeln!(out, "\nnote:\n{note}")?;
            }
            writeln!(out, "\n{}", m.body)?;
        }
        Command::Search { words, json, filter } => {
            let library = open_library(library_path)?;
            let query = words.join(" ");
            let hits = library.search(&query, &filter.to_filter())?;
            if json {
                let rows: Vec<serde_json::Value> = hits
                    .iter()
                    .map(|h| {
                        serde_json::json!({
                            "id": h.summary.id,
                            "published": h.summary.published.map(|p| p.to_iso()),
                            "source": h.summary.source,
                            "title": h.summary.title,
                            "snippet": h.snippet,
                            "found_in": match h.found_in {
                                crate::model::FoundIn::Text => "text",
                                crate::model::FoundIn::Note => "note",
                                crate::model::FoundIn::HighlightComment => "highlight comment",
                            },
                        })
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
                return Ok(ExitCode::SUCCESS);
            }
            if hits.is_empty() {
                writeln!(out, "no matches")?;
            }
            for hit in &hits {
                let s = &hit.summary;
                writeln!(
                    out,
                    "#{:<6} {:<10}  {}  —  {}",
                    s.id,
                    date_label(s.published),
                    s.title.as_deref().unwrap_or("(untitled)"),
                    s.source.as_deref().unwrap_or("—")
                )?;
                let snippet = hit.snippet.split_whitespace().collect::<Vec<_>>().join(" ");
                match hit.found_in.label() {
                    Some(place) => writeln!(out, "        ({place}) {snippet}")?,
                    None => writeln!(out, "        {snippet}")?,
                }
            }
        }
        Command::Tag { id, changes } => {
            let mut library = open_library(library_path)?;
            let mut add = Vec::new();
            let mut remove = Vec::new();
            for change in changes {
                if let Some(name) = change.strip_prefix('-') {
                    remove.push(name.to_string());
                } else {
                    add.push(change.strip_prefix('+').unwrap_or(&change).to_string());
                }
            }
            if add.iter().chain(&remove).any(|t| t.trim().is_empty()) {
                bail!("a tag needs a name: write +name to add it or -name to remove it");
            }
            library.change_tags(id, &add, &remove)?;
            let tags = library.tags_of(id)?;
            writeln!(
                out,
                "#{id} tags: {}",
                if tags.is_empty() {
                    "—".into()
                } else {
                    tags.join(", ")
                }
            )?;
        }
        Command::Note { id, text } => {
            let mut library = open_library(library_path)?;
            library.set_note(id, &text)?;
            writeln!(
                out,
                "#{id} note {}",
                if text.trim().is_empty() {
                    "removed"
                } else {
                    "saved"
                }
            )?;
        }
        Command::Highlight {
            id,
            passage,
            color,
            comment,
        } => {
            let mut library = open_library(library_path)?;
            let h = library.add_highlight_of(id, &passage, &color, comment.as_deref())?;
            writeln!(out, "#{id} highlight {} ({}): “{}”", h.id, h.color, h.quote)?;
        }
        Command::SetText { id, file } => {
            let bytes = std::fs::read(&file).with_context(|| format!("could not read {}", file.display()))?;
            let text = crate::import::decode::decode(&bytes)
                .with_context(|| format!("{} is not text", file.display()))?;
            let mut library = open_library(library_path)?;
            let outcome = library.set_body(id, text.text.trim())?;
            writeln!(
                out,
                "#{id} text replaced; highlights found again: {}, detached: {}",
                outcome.found, outcome.detached
            )?;
        }
        Command::Annotations {
            article,
            format,
            out: path,
        } => {
            let library = open_library(library_path)?;
            let articles = match article {
                Some(id) => vec![library.get_article(id)?],
                None => library.annotated_articles()?,
            };
            let text = match format.as_str() {
                "md" | "markdown" => match article {
                    Some(_) => crate::annotate::export::article_markdown(&articles[0], 1),
                    None => crate::annotate::export::library_markdown(&articles),
                },
                "json" => serde_json::to_string_pretty(&crate::annotate::export::web_annotations(&articles))?,
                other => anyhow::bail!("unknown format “{other}”: use md or json"),
            };
            match path {
                Some(path) => {
                    std::fs::write(&path, &text)
                        .with_context(|| format!("could not write {}", path.display()))?;
                    writeln!(
                        out,
                        "annotations of {} articles written to {}",
                        articles.len(),
                        path.display()
                    )?;
                }
                None => write!(out, "{text}")?,
            }
        }
        Command::Export {
            format,
            out: path,
            filter,
        } => {
            let library = open_library(library_path)?;
            let written = crate::export::write_export(
                &library,
                &format,
                &filter.to_filter(),
                filter.is_empty(),
                &path,
            )?;
            writeln!(
                out,
                "{written} article{} exported to {}",
                if written == 1 { "" } else { "s" },
                path.display()
            )?;
        }
        Command::Tags => {
            let library = open_library(library_path)?;
            let tags = library.facets()?.tags;
            for tag in &tags {
                writeln!(out, "{}  ({})", tag.value, tag.count)?;
            }
            if tags.is_empty() {
                writeln!(out, "no tags yet: folio tag ID +name adds one")?;
            }
        }
        Command::RenameTag { old, new } => {
            let mut library = open_library(library_path)?;
            let count = library.rename_tag(&old, &new)?;
            writeln!(
                out,
                "“{}” is now “{}”, on {count} article{}",
                old.trim(),
                new.trim(),
                if count == 1 { "" } else { "s" }
            )?;
        }
        Command::DeleteTag { name } => {
            let mut library = open_library(library_path)?;
            let count = library.delete_tag(&name)?;
            writeln!(
                out,
                "“{}” deleted from {count} article{}",
                name.trim(),
                if count == 1 { "" } else { "s" }
            )?;
        }
        Command::Topics => {
            let library = open_library(library_path)?;
            fn print(out: &mut impl Write, nodes: &[crate::library::TopicNode], depth: usize) -> Result<()> {
                for node in nodes {
                    writeln!(out, "{}{}  ({})", "  ".repeat(depth), node.name, node.count)?;
                    print(out, &node.children, depth + 1)?;
                }
                Ok(())
            }
            print(&mut out, &library.topic_tree()?, 0)?;
        }
        Command::TagColor { name, color } => {
            let mut library = open_library(library_path)?;
            let color = Some(color.as_str()).filter(|c| *c != "none");
            library.set_tag_color(&name, color)?;
            writeln!(out, "“{name}”: {}", color.unwrap_or("no colour"))?;
        }
        Command::Suggest { id } => {
            let library = open_library(library_path)?;
            let suggestions = library.topic_suggestions(id)?;
            if suggestions.is_empty() {
                writeln!(out, "#{id}: no topic to suggest")?;
            }
            for s in suggestions {
                writeln!(out, "{:>3.0}%  {}", s.confidence * 100.0, s.path)?;
            }
        }
        Command::Topic { id, changes } => {
            let mut library = open_library(library_path)?;
            let (mut add, mut remove) = (Vec::new(), Vec::new());
            for change in &changes {
                match change.strip_prefix('-') {
                    Some(name) => remove.push(library.topic_id(name)?),
                    None => add.push(library.topic_id(change.strip_prefix('+').unwrap_or(change))?),
                }
            }
            library.change_topics(id, &add, &remove)?;
            let now: Vec<String> = library.topics_of(id)?.into_iter().map(|t| t.path).collect();
            writeln!(
                out,
                "#{id} topics: {}",
                if now.is_empty() {
                    "none".to_string()
                } else {
                    now.join(", ")
                }
            )?;
        }
        Command::Delete { id } => {
            let mut library = open_library(library_path)?;
            library.trash(id)?;
            writeln!(
                out,
                "#{id} moved to the trash (folio restore {id} brings it back)"
            )?;
        }
        Command::Generate { articles, seed, tags } => {
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
        Command::Bench { runs, import_files } => {
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
        Command::BenchExtract { paths, rounds } => {
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
        Command::BenchTopics { articles, seed } => {
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
        Command::BenchSearch { runs } => {
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
            let text: i64 = library.connection().query_row(
                "SELECT coalesce(sum(length(CAST(body AS BLOB)) + length(CAST(coalesce(title, '') AS BLOB))), 0) FROM articles",
                [],
                |r| r.get(0),
            )?;
            writeln!(
                out,
                "library file {:.0} MB for {:.0} MB of text ({:.2}×)",
                size as f64 / 1e6,
                text as f64 / 1e6,
                size as f64 / text.max(1) as f64
            )?;
        }
        Command::Check => {
            let library = open_library(library_path)?;
            let report = library.check()?;
            writeln!(out, "articles: {}", report.articles)?;
            writeln!(out, "integrity: {}", report.integrity.join("; "))?;
            writeln!(
                out,
                "search index: {}",
                report.fts_problem.as_deref().unwrap_or("ok")
            )?;
            writeln!(
                out,
                "articles missing from the index: {}; index rows without an article: {}",
                report.missing_from_index, report.index_without_article
            )?;
            for (what, count) in &report.orphans {
                writeln!(out, "{what}: {count}")?;
            }
            if report.is_healthy() {
                writeln!(out, "the library is healthy")?;
            } else {
                writeln!(
                    out,
                    "PROBLEMS FOUND: restore a backup with `folio restore-backup`"
                )?;
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Backup { path } => {
            let library = open_library(library_path)?;
            let written = match path {
                Some(path) => {
                    library.backup_to(&path)?;
                    path
                }
                None => library.backup_rotating()?,
            };
            writeln!(out, "backed up and verified: {}", written.display())?;
        }
        Command::RestoreBackup { path } => {
            let library_file = library_path.clone().unwrap_or_else(crate::default_library_path);
            let backup = match path {
                Some(path) => path,
                None => maintenance::latest_good_backup(&library_file).with_context(|| {
                    format!(
                        "no good backup found in {}",
                        maintenance::backup_folder(&library_file).display()
                    )
                })?,
            };
            match Library::open(&library_file) {
                Ok(mut library) => {
                    let safety = library.restore_from(&backup)?;
                    writeln!(
                        out,
                        "restored {} from {}",
                        library_file.display(),
                        backup.display()
                    )?;
                    writeln!(out, "what it held before is kept in {}", safety.display())?;
                }
                Err(LibraryError::NotALibrary { .. }) => {
                    let aside = maintenance::replace_with_backup(&library_file, &backup)?;
                    writeln!(
                        out,
                        "the library could not be opened; it was moved to {}",
                        aside.display()
                    )?;
                    writeln!(
                        out,
                        "restored {} from {}",
                        library_file.display(),
                        backup.display()
                    )?;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Command::Restore { id } => {
            let mut library = open_library(library_path)?;
            library.restore(id)?;
            writeln!(out, "#{id} restored")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The whole program: a command, or the window when there is none.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(command) => run_command(&cli.library, command),
        None => {
            let path = cli.library.unwrap_or_else(crate::default_library_path);
            crate::gui::run(path, cli.screenshot)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
