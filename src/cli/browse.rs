//! Reading the library: lists, one article, search.

use super::{FilterArgs, date_label, ellipsize, open_library};
use anyhow::Result;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum BrowseCommand {
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
        #[arg(required = true)]
        words: Vec<String>,
        /// Print a JSON array (id, published, source, title, snippet) for scripts.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

pub fn run(library_path: &Option<PathBuf>, command: BrowseCommand, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        BrowseCommand::List { filter } => {
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
        BrowseCommand::Show { id } => {
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
            if a.provenance.starred {
                writeln!(out, "starred: yes")?;
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
        BrowseCommand::Search { words, json, filter } => {
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
                // JSON escapes what must be escaped itself: written as it is.
                writeln!(std::io::stdout(), "{}", serde_json::to_string_pretty(&rows)?)?;
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
    }
    Ok(ExitCode::SUCCESS)
}
