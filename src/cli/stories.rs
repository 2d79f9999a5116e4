//! Story threads on the command line: the threads, and one article's.

use super::{ellipsize, open_library};
use crate::model::{StoryMember, StoryThread};
use anyhow::Result;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum StoryCommand {
    /// List the story threads (articles of several papers on the same
    /// event), biggest first, each with its articles.
    #[command(
        after_help = "Examples:\n  folio stories --limit 20\n  folio stories --json\n\n\
        Articles not yet grouped are grouped first. With --json, prints an array of threads: \
        id, size, first, last, sources, regions, title, and articles (id, title, source, published, \
        language, by_user)."
    )]
    Stories {
        /// Print a JSON array for scripts.
        #[arg(long)]
        json: bool,
        /// At most this many threads.
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        /// Group every article again from the start (the corrections stay).
        #[arg(long)]
        regroup: bool,
    },
    /// Print the story thread of one article.
    #[command(after_help = "Example:\n  folio story 42 --json\n\n\
        With --json, prints the thread as one object (id and articles, as `folio stories --json` \
        gives them), or null when the article is in no thread.")]
    Story {
        id: i64,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(library_path: &Option<PathBuf>, command: StoryCommand, out: &mut dyn Write) -> Result<ExitCode> {
    let mut library = open_library(library_path)?;
    library.update_stories(usize::MAX)?;
    match command {
        StoryCommand::Stories { json, limit, regroup } => {
            if regroup {
                library.regroup_stories()?;
            }
            let summaries = library.story_threads(&crate::library::Filter::default(), limit)?;
            let mut threads = Vec::with_capacity(summaries.len());
            for summary in summaries {
                if let Some(thread) = library.story_thread(summary.id)? {
                    threads.push((summary, thread));
                }
            }
            if json {
                let list: Vec<serde_json::Value> = threads
                    .iter()
                    .map(|(s, t)| {
                        serde_json::json!({
                            "id": s.id,
                            "size": s.size,
                            "first": s.first,
                            "last": s.last,
                            "sources": s.sources,
                            "regions": s.regions,
                            "title": s.title,
                            "articles": members_json(&t.articles),
                        })
                    })
                    .collect();
                writeln!(std::io::stdout(), "{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(ExitCode::SUCCESS);
            }
            for (summary, thread) in &threads {
                let span = match (&summary.first, &summary.last) {
                    (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
                    (Some(first), _) => first.clone(),
                    _ => "—".into(),
                };
                writeln!(
                    out,
                    "thread {}: {} articles, {span}{}",
                    summary.id,
                    summary.size,
                    if summary.regions.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", summary.regions.join(", "))
                    }
                )?;
                write_members(out, thread)?;
            }
            writeln!(
                out,
                "{} thread{}",
                threads.len(),
                if threads.len() == 1 { "" } else { "s" }
            )?;
        }
        StoryCommand::Story { id, json } => {
            // An unknown id is an error, not an article in no thread.
            library.get_article(id)?;
            let thread = library.story_of(id)?;
            if json {
                let value = thread
                    .as_ref()
                    .map(|t| serde_json::json!({ "id": t.id, "articles": members_json(&t.articles) }));
                writeln!(std::io::stdout(), "{}", serde_json::to_string_pretty(&value)?)?;
                return Ok(ExitCode::SUCCESS);
            }
            match thread {
                Some(thread) => {
                    writeln!(out, "thread {}: {} articles", thread.id, thread.articles.len())?;
                    write_members(out, &thread)?;
                }
                None => writeln!(out, "#{id} is in no story thread")?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn members_json(members: &[StoryMember]) -> Vec<serde_json::Value> {
    members
        .iter()
        .map(|m| {
            serde_json::json!({
                "id": m.id,
                "title": m.title,
                "source": m.source,
                "published": m.published,
                "language": m.language,
                "by_user": m.by_user,
            })
        })
        .collect()
}

fn write_members(out: &mut dyn Write, thread: &StoryThread) -> Result<()> {
    for m in &thread.articles {
        writeln!(
            out,
            "  #{:<6} {:<10}  {:<24}  {}{}{}",
            m.id,
            m.published.as_deref().unwrap_or("—"),
            ellipsize(m.source.as_deref().unwrap_or("—"), 24),
            m.title,
            m.language
                .as_deref()
                .map(|l| format!(" [{l}]"))
                .unwrap_or_default(),
            if m.by_user { " (joined by hand)" } else { "" }
        )?;
    }
    Ok(())
}
