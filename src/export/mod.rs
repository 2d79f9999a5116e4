//! Exports: the library as JSON, Markdown, CSV, CSL-JSON, BibTeX and
//! HTML ([`formats`]; the JSON document is [`crate::model::library_export`]), and safe names for exported files:
//! titles come from the pages users clip, so a title such as
//! `../../.bashrc` or `CON` must still give a file inside the export
//! folder, on every system.

pub mod formats;

use crate::library::Library;
use crate::model::Filter;
use crate::model::library_export;
use std::path::{Path, PathBuf};

/// The export formats, as `--format` and the File menu name them.
pub const FORMATS: &[(&str, &str)] = &[
    ("json", "Whole library (JSON)…"),
    ("md", "Markdown vault (a folder)…"),
    ("csv", "Spreadsheet (CSV)…"),
    ("csl-json", "Citations (CSL-JSON)…"),
    ("bibtex", "Citations (BibTeX)…"),
    ("html", "Web page to read offline (HTML)…"),
];

/// Writes the articles a filter selects in `format` to `path` (a folder
/// for Markdown); `with_trash` adds the trashed ones (a whole-library JSON
/// export). Returns how many articles were written.
pub fn write_export(
    library: &Library,
    format: &str,
    filter: &Filter,
    with_trash: bool,
    path: &Path,
) -> anyhow::Result<usize> {
    let mut articles = library.export_articles(filter)?;
    if format == "json" {
        if with_trash {
            let trash = Filter {
                trash: true,
                ..Filter::default()
            };
            articles.extend(library.export_articles(&trash)?);
        }
        let export = library_export::LibraryExport {
            format: library_export::FORMAT.into(),
            version: library_export::VERSION,
            tags: library.export_tags()?,
            topics: library.export_user_topics()?,
            articles,
        };
        let count = export.articles.len();
        std::fs::write(path, serde_json::to_string_pretty(&export)?)
            .map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))?;
        return Ok(count);
    }
    write_articles(&articles, format, path)
}

/// Writes these articles in `format` to `path` (a folder for Markdown).
pub fn write_articles(
    articles: &[library_export::ExportedArticle],
    format: &str,
    path: &Path,
) -> anyhow::Result<usize> {
    let text = match format {
        "json" => serde_json::to_string_pretty(&library_export::LibraryExport {
            format: library_export::FORMAT.into(),
            version: library_export::VERSION,
            tags: Vec::new(),
            topics: Vec::new(),
            articles: articles.to_vec(),
        })?,
        "md" | "markdown" => {
            return Ok(formats::write_markdown_folder(articles, path)?);
        }
        "csv" => formats::csv(articles)?,
        "csl-json" | "csl" => serde_json::to_string_pretty(&formats::csl_json(articles))?,
        "bibtex" | "bib" => formats::bibtex(articles),
        "html" => formats::html(articles),
        other => anyhow::bail!("unknown format “{other}”: use json, md, csv, csl-json, bibtex or html"),
    };
    std::fs::write(path, text).map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))?;
    Ok(articles.len())
}

/// Names Windows reserves for devices, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
    "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Longest stem kept, in characters: room for an id and an extension within
/// the 255-byte limit of common file systems, even for CJK titles.
const MAX_STEM_CHARS: usize = 80;

/// A file name for an article: its title made safe, with the id to keep
/// names unique, and `extension` (without the dot).
pub fn file_name_for(title: &str, id: i64, extension: &str) -> String {
    let mut stem: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // No leading dots (hidden files, `..`), no trailing dots or spaces (Windows drops them).
    stem = stem
        .trim_start_matches('.')
        .trim_end_matches(['.', ' '])
        .to_string();
    stem = stem
        .chars()
        .take(MAX_STEM_CHARS)
        .collect::<String>()
        .trim_end_matches(['.', ' '])
        .to_string();
    let reserved = RESERVED.contains(&stem.split('.').next().unwrap_or("").to_lowercase().as_str());
    if stem.is_empty() || reserved {
        stem = format!(
            "article{}",
            if stem.is_empty() {
                String::new()
            } else {
                format!(" {stem}")
            }
        );
    }
    format!("{stem} ({id}).{extension}")
}

/// `name` inside `folder`, or `None` if it would land anywhere else.
pub fn path_in(folder: &Path, name: &str) -> Option<PathBuf> {
    let candidate = Path::new(name);
    let single = candidate.components().count() == 1
        && matches!(
            candidate.components().next(),
            Some(std::path::Component::Normal(_))
        );
    single.then(|| folder.join(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_cannot_escape_the_export_folder() {
        let folder = Path::new("/tmp/export");
        for title in [
            "../../etc/passwd",
            "/etc/passwd",
            "..",
            ".",
            "",
            "C:\\Windows\\system32",
            "CON",
            "nul.txt",
            "a\u{0}b",
            "Editorial: Why? <Now> | \"Really\"",
            "....hidden",
            "trailing dots...",
            &"長".repeat(500),
        ] {
            let name = file_name_for(title, 42, "md");
            let path = path_in(folder, &name).unwrap_or_else(|| panic!("{title:?} → {name:?}"));
            assert_eq!(path.parent(), Some(folder), "{title:?} → {name:?}");
            assert!(!name.starts_with('.'), "{name}");
            assert!(name.len() <= 255, "{} bytes", name.len());
        }
        assert_eq!(file_name_for("CON", 1, "md"), "article CON (1).md");
        assert_eq!(
            file_name_for("Japan, U.S. must seize chance", 12, "md"),
            "Japan, U.S. must seize chance (12).md"
        );
        assert_eq!(path_in(folder, "../x"), None);
        assert_eq!(path_in(folder, "/abs"), None);
    }
}
