//! Tags, topics and stars.

use super::open_library;
use anyhow::Result;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum OrganizeCommand {
    /// Print every tag with how many articles carry it.
    Tags,
    /// Add (+name) and remove (-name) tags.
    #[command(after_help = "Example:\n  folio tag 12 +korea +diplomacy -unread")]
    Tag {
        id: i64,
        /// +name to add, -name to remove (a bare name adds).
        #[arg(required = true)]
        changes: Vec<String>,
    },
    /// Star articles (a favourite: `folio list --starred` lists them).
    #[command(after_help = "Example:\n  folio star 12 14")]
    Star {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Take the star off articles.
    Unstar {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Rename a tag; renaming onto an existing tag merges the two.
    #[command(after_help = "Example:\n  folio rename-tag \"N. Korea\" \"North Korea\"")]
    RenameTag { old: String, new: String },
    /// Delete a tag from every article that carries it.
    DeleteTag { name: String },
    /// Give a tag a colour (yellow, green, blue, pink, purple) or `none`.
    TagColor { name: String, color: String },
    /// Print the topic tree, with how many articles each holds.
    Topics,
    /// File an article under topics (+name) or take it out (-name).
    #[command(after_help = "Example:\n  folio topic 12 +diplomacy \"+politics › elections\" -sport")]
    Topic {
        id: i64,
        #[arg(required = true)]
        changes: Vec<String>,
    },
    /// The topics Folio proposes for an article, with how sure it is.
    Suggest { id: i64 },
    /// What Folio learned from your corrections: the source, region or kind
    /// it gives later imports from a site or paper.
    #[command(after_help = "Examples:\n  folio learned\n  folio learned --forget 3")]
    Learned {
        /// Forget the rule with this number (as `folio learned` lists it).
        #[arg(long, value_name = "ID")]
        forget: Option<i64>,
    },
}

pub fn run(
    library_path: &Option<PathBuf>,
    command: OrganizeCommand,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match command {
        OrganizeCommand::Tags => {
            let library = open_library(library_path)?;
            let tags = library.facets()?.tags;
            for tag in &tags {
                writeln!(out, "{}  ({})", tag.value, tag.count)?;
            }
            if tags.is_empty() {
                writeln!(out, "no tags yet: folio tag ID +name adds one")?;
            }
        }
        OrganizeCommand::Tag { id, changes } => {
            let (add, remove) = super::tag_words::tag_changes(&changes)?;
            let mut library = open_library(library_path)?;
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
        OrganizeCommand::Learned { forget } => learned(library_path, forget, out)?,
        OrganizeCommand::Star { ids } => star(library_path, &ids, true, out)?,
        OrganizeCommand::Unstar { ids } => star(library_path, &ids, false, out)?,
        OrganizeCommand::RenameTag { old, new } => {
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
        OrganizeCommand::DeleteTag { name } => {
            let mut library = open_library(library_path)?;
            let count = library.delete_tag(&name)?;
            writeln!(
                out,
                "“{}” deleted from {count} article{}",
                name.trim(),
                if count == 1 { "" } else { "s" }
            )?;
        }
        OrganizeCommand::TagColor { name, color } => {
            let mut library = open_library(library_path)?;
            let color = Some(color.as_str()).filter(|c| *c != "none");
            library.set_tag_color(&name, color)?;
            writeln!(out, "“{name}”: {}", color.unwrap_or("no colour"))?;
        }
        OrganizeCommand::Topics => {
            let library = open_library(library_path)?;
            fn print(out: &mut dyn Write, nodes: &[crate::library::TopicNode], depth: usize) -> Result<()> {
                for node in nodes {
                    writeln!(out, "{}{}  ({})", "  ".repeat(depth), node.name, node.count)?;
                    print(out, &node.children, depth + 1)?;
                }
                Ok(())
            }
            print(out, &library.topic_tree()?, 0)?;
        }
        OrganizeCommand::Topic { id, changes } => {
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
        OrganizeCommand::Suggest { id } => {
            let library = open_library(library_path)?;
            let suggestions = library.topic_suggestions(id)?;
            if suggestions.is_empty() {
                writeln!(out, "#{id}: no topic to suggest")?;
            }
            for s in suggestions {
                writeln!(out, "{:>3.0}%  {}", s.confidence * 100.0, s.path)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `folio star` and `folio unstar`: says how many changed, and how many
/// were so already.
fn star(library_path: &Option<PathBuf>, ids: &[i64], starred: bool, out: &mut dyn Write) -> Result<()> {
    let mut library = open_library(library_path)?;
    let changed = library.star_many(ids, starred)?;
    let (done, already) = if starred {
        ("starred", "already starred")
    } else {
        ("unstarred", "had no star")
    };
    let plural = if changed.len() == 1 { "" } else { "s" };
    write!(out, "{} article{plural} {done}", changed.len())?;
    let unchanged = ids.len() - changed.len();
    if unchanged > 0 {
        write!(out, " ({unchanged} {already})")?;
    }
    writeln!(out)?;
    Ok(())
}

/// Lists the rules learned from corrections, or forgets one.
fn learned(library_path: &Option<PathBuf>, forget: Option<i64>, out: &mut dyn Write) -> Result<()> {
    if let Some(id) = forget {
        let mut library = open_library(library_path)?;
        let Some(rule) = library.forget_rule(id)? else {
            anyhow::bail!("no learned rule #{id}: `folio learned` lists them");
        };
        writeln!(
            out,
            "forgotten: {} of articles from {} (was “{}”)",
            rule.field.label().to_lowercase(),
            rule.site.describe(),
            rule.value
        )?;
        return Ok(());
    }
    let library = open_library(library_path)?;
    let rules = library.site_rules()?;
    if rules.is_empty() {
        writeln!(
            out,
            "nothing learned yet: correct an article's source, region or kind in the window's Edit details…"
        )?;
    }
    for rule in &rules {
        writeln!(
            out,
            "#{}  {}  {}: {}  (learned {})",
            rule.id,
            rule.site.describe(),
            rule.field.label().to_lowercase(),
            rule.value,
            rule.learned_at.get(..10).unwrap_or(&rule.learned_at)
        )?;
    }
    Ok(())
}
