//! Exports: the library as JSON, Markdown, CSV, CSL-JSON, BibTeX and
//! HTML ([`formats`]; the JSON document is [`crate::model::library_export`]), and safe names for exported files:
//! titles come from the pages users clip, so a title such as
//! `../../.bashrc` or `CON` must still give a file inside the export
//! folder, on every system.

pub mod annotations;
mod author_names;
mod bibtex;
pub mod formats;

pub use annotations::{AnnotationFormat, annotations_text, write_annotations};

use crate::library::Filter;
use crate::library::Library;
use crate::model::library_export;
use std::path::{Path, PathBuf};

/// The export formats, as `--format` and the File menu name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The whole library as JSON, read back by `folio import` with nothing lost.
    #[value(name = "json")]
    Json,
    /// A Markdown vault: a folder, one file per article with YAML front matter.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// A spreadsheet.
    #[value(name = "csv")]
    Csv,
    /// Citations for citation managers (CSL-JSON).
    #[value(name = "csl-json", alias = "csl")]
    CslJson,
    /// Citations (BibTeX).
    #[value(name = "bibtex", alias = "bib")]
    Bibtex,
    /// One web page to read offline.
    #[value(name = "html")]
    Html,
}

impl ExportFormat {
    /// Every format, in the File menu's order.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Json,
        ExportFormat::Markdown,
        ExportFormat::Csv,
        ExportFormat::CslJson,
        ExportFormat::Bibtex,
        ExportFormat::Html,
    ];

    /// The File menu's entry.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Json => "Whole library (JSON)…",
            ExportFormat::Markdown => "Markdown vault (a folder)…",
            ExportFormat::Csv => "Spreadsheet (CSV)…",
            ExportFormat::CslJson => "Citations (CSL-JSON)…",
            ExportFormat::Bibtex => "Citations (BibTeX)…",
            ExportFormat::Html => "Web page to read offline (HTML)…",
        }
    }

    /// The extension of the file written; `None` for a folder.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::Json | ExportFormat::CslJson => Some("json"),
            ExportFormat::Markdown => None,
            ExportFormat::Csv => Some("csv"),
            ExportFormat::Bibtex => Some("bib"),
            ExportFormat::Html => Some("html"),
        }
    }

    /// The name a save dialog proposes.
    pub fn file_name(self) -> String {
        match self.extension() {
            Some(extension) => format!("articles.{extension}"),
            None => "articles".into(),
        }
    }
}

/// Writes the articles a filter selects in `format` to `path` (a folder
/// for Markdown); `with_trash` adds the trashed ones (a whole-library JSON
/// export). Returns how many articles were written.
pub fn write_export(
    library: &Library,
    format: ExportFormat,
    filter: &Filter,
    with_trash: bool,
    path: &Path,
) -> anyhow::Result<usize> {
    let mut articles = library.export_articles(filter)?;
    if format == ExportFormat::Json {
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
        write_file(path, serde_json::to_string_pretty(&export)?.as_bytes())?;
        return Ok(count);
    }
    write_articles(&articles, format, path)
}

/// Writes what was read from a damaged library as a library export, which
/// `folio import` reads into a new library. Returns how many articles.
pub fn write_salvaged(salvaged: crate::library::Salvaged, path: &Path) -> anyhow::Result<usize> {
    let export = library_export::LibraryExport {
        format: library_export::FORMAT.into(),
        version: library_export::VERSION,
        tags: salvaged.tags,
        topics: salvaged.topics,
        articles: salvaged.articles,
    };
    write_file(path, serde_json::to_string_pretty(&export)?.as_bytes())?;
    Ok(export.articles.len())
}

/// Writes these articles in `format` to `path` (a folder for Markdown).
pub fn write_articles(
    articles: &[library_export::ExportedArticle],
    format: ExportFormat,
    path: &Path,
) -> anyhow::Result<usize> {
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&library_export::LibraryExport {
            format: library_export::FORMAT.into(),
            version: library_export::VERSION,
            tags: Vec::new(),
            topics: Vec::new(),
            articles: articles.to_vec(),
        })?,
        ExportFormat::Markdown => {
            return Ok(formats::write_markdown_folder(articles, path)?);
        }
        ExportFormat::Csv => formats::csv(articles)?,
        ExportFormat::CslJson => serde_json::to_string_pretty(&formats::csl_json(articles))?,
        ExportFormat::Bibtex => formats::bibtex(articles),
        ExportFormat::Html => formats::html(articles),
    };
    write_file(path, text.as_bytes())?;
    Ok(articles.len())
}

/// `path`, or when something is already there (a file, a link), the first
/// of `name (2).ext`, `name (3).ext`… that is free.
pub fn unused_name(path: &Path) -> PathBuf {
    first_name_that(path, |_| false)
}

/// `path`, or the first of `name (2).ext`, `name (3).ext`… that is free
/// or that `may_replace` accepts (a file this export wrote before).
pub fn first_name_that(path: &Path, may_replace: impl Fn(&Path) -> bool) -> PathBuf {
    let usable = |p: &Path| p.symlink_metadata().is_err() || may_replace(p);
    if usable(path) {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let extension = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem} ({n}){extension}")))
        .find(|p| usable(p))
        .unwrap_or_else(|| path.to_path_buf())
}

/// Writes a whole file under a temporary name beside it, then renames it
/// into place: a crash or a full disk leaves the old file (or none), never
/// half of the new one.
pub fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let fail = |e: std::io::Error| anyhow::anyhow!("could not write {}: {e}", path.display());
    let name = path
        .file_name()
        .ok_or_else(|| anyhow::anyhow!("{} is not a file name to write to", path.display()))?;
    let mut partial_name = std::ffi::OsString::from(".");
    partial_name.push(name);
    partial_name.push(".partial");
    let partial = path.with_file_name(partial_name);
    // A stale partial (or a link planted under its name) is removed, not
    // followed; the new one is created afresh.
    let _ = std::fs::remove_file(&partial);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
    if let Err(e) = written.and_then(|_| std::fs::rename(&partial, path)) {
        let _ = std::fs::remove_file(&partial);
        return Err(fail(e));
    }
    Ok(())
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
pub fn file_name_for(title: &str, id: impl std::fmt::Display, extension: &str) -> String {
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
    fn a_file_is_replaced_whole_and_a_failed_write_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        write_file(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");

        // A folder stands where the file should go: the rename fails.
        let blocked = dir.path().join("taken");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("inside"), "kept").unwrap();
        let error = write_file(&blocked, b"new").unwrap_err().to_string();
        assert!(error.starts_with("could not write"), "{error}");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["out.json", "taken"]);
    }

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
