//! Files that hold many articles: Folio's own library export, and the
//! exports of the tools users arrive from (read by `import::tools`).
//! Each article gets its own line in the report; a collection is stored an
//! article at a time, whole (dates, read state, highlights), as the library
//! takes an exported article.

use super::report::{FileReport, Outcome};
use crate::annotate::anchor;
use crate::import::files::{MAX_COLLECTION_BYTES, read_limited, read_start};
use crate::import::tools;
use crate::library::{InsertOutcome, Library, compress};
use crate::model::library_export::{
    ExportedArticle, ExportedHighlight, ExportedNote, ExportedOriginal, LibraryExport, VERSION,
    looks_like_library_export,
};
use crate::model::{FoundArticle, MarkedPassage};
use base64::Engine;
use std::path::{Path, PathBuf};

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase()
}

/// Whether a file holds many articles: a library export or another tool's
/// export, told by its content (a `.json`, `.csv` or `.zip` is taken as
/// meant to be one, so that a damaged one says so), or the folder an
/// export unzips to.
pub(super) fn is_collection(path: &Path) -> bool {
    if path.is_dir() {
        return tools::is_export_folder(path);
    }
    tools::looks_like_export(path)
}

/// One failed line for a whole collection.
pub(super) fn failed(path: &Path, reason: String) -> Vec<FileReport> {
    vec![FileReport {
        path: path.to_path_buf(),
        outcome: Outcome::Failed { reason },
        note: None,
    }]
}

/// The article with every highlight's place checked against its text (an
/// export may have been edited by hand): one whose offsets do not fit is
/// found again by its quote, or kept detached with its quote, never the
/// cause of losing the article. Returns how many were kept detached.
fn highlights_in_the_text(article: &ExportedArticle) -> (ExportedArticle, usize) {
    let mut article = article.clone();
    let length = article.body.chars().count();
    let mut detached = 0;
    for h in &mut article.highlights {
        if h.start <= h.end && h.end <= length {
            continue;
        }
        let selector = anchor::Selector {
            start: 0,
            end: 0,
            quote: h.quote.clone(),
            prefix: h.prefix.clone(),
            suffix: h.suffix.clone(),
        };
        match anchor::reanchor(&selector, &article.body) {
            // Its context found the passage: the highlight marks what the
            // text says there.
            Some(found) => (h.start, h.end, h.quote) = (found.start, found.end, found.quote),
            None => {
                (h.start, h.end, h.detached) = (0, 0, true);
                detached += 1;
            }
        }
    }
    (article, detached)
}

/// The report line of the `n`th article of a collection.
fn article_line(path: &Path, n: usize, outcome: Outcome) -> FileReport {
    FileReport {
        path: PathBuf::from(format!("{}#{}", path.display(), n + 1)),
        outcome,
        note: None,
    }
}

/// A file that looked like it might hold many articles (by its name or
/// its first bytes) and turned out to be none of the exports Folio knows.
pub(super) struct NotAnExport;

impl NotAnExport {
    pub(super) fn reason() -> String {
        format!(
            "not an export Folio knows (Folio reads {})",
            tools::EXPORT_FORMATS
        )
    }
}

/// A line per article of a collection, or one failed line for the file.
pub(super) fn import_collection(library: &mut Library, path: &Path) -> Result<Vec<FileReport>, NotAnExport> {
    // Folio's own export is JSON, whatever the file is named.
    if extension(path) == "json"
        || String::from_utf8_lossy(&read_start(path, 1024))
            .trim_start()
            .starts_with('{')
    {
        let text = match read_limited(path, MAX_COLLECTION_BYTES) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => return Ok(failed(path, e.to_string())),
        };
        if looks_like_library_export(&text) {
            return Ok(import_library_export(library, path, &text));
        }
    }
    let tools::ToolExport { tool, articles } = match tools::read_export(path) {
        Some(Ok(export)) => export,
        Some(Err(reason)) => return Ok(failed(path, reason)),
        None => return Err(NotAnExport),
    };
    let now = crate::library::now();
    let ready = articles.map(|article| {
        article.map(|tools::ToolArticle { found, remark }| {
            let title = found
                .meta
                .title
                .clone()
                .or_else(|| found.meta.url.clone())
                .unwrap_or_else(|| "(untitled)".into());
            Ready {
                article: whole(found, &now),
                title,
                note: remark,
            }
        })
    });
    let lines = store_in_batches(library, path, ready, |reason| {
        format!("{} item: {reason}", tool.name())
    });
    // An export of no articles still gets its line in the report.
    if lines.is_empty() {
        return Ok(failed(
            path,
            format!("a {} export, but it holds no articles", tool.name()),
        ));
    }
    Ok(lines)
}

/// An article another tool kept, whole, as the library takes it: stamped
/// `now`, its marked passages found in the text (a passage that is not in
/// it is kept, detached), its original compressed.
pub(super) fn whole(found: FoundArticle, now: &str) -> ExportedArticle {
    let FoundArticle {
        meta,
        provenance,
        marked,
        original,
        note,
        topics,
    } = found;
    let highlights = marked.iter().map(|m| anchored(&meta.body, m, now)).collect();
    ExportedArticle {
        published: meta.published.map(|p| p.to_iso()),
        highlights,
        imported_at: now.to_string(),
        updated_at: now.to_string(),
        deleted_at: None,
        saved_at: provenance.saved_at,
        read_state: provenance.read_state,
        link_only: provenance.link_only,
        publisher_place: provenance.publisher_place,
        starred: provenance.starred,
        citation: provenance.citation.and_then(|c| serde_json::from_str(&c).ok()),
        original: Some(ExportedOriginal {
            file_name: original.file_name,
            format: original.format,
            zlib_base64: base64::engine::general_purpose::STANDARD.encode(compress(&original.bytes)),
        }),
        topics,
        note: note.map(|text| ExportedNote {
            text,
            updated_at: now.to_string(),
        }),
        title: meta.title,
        body: meta.body,
        source: meta.source,
        authors: meta.authors,
        section: meta.section,
        kind: meta.kind,
        language: meta.language,
        url: meta.url,
        region: meta.region,
        countries: meta.countries,
        tags: meta.tags,
    }
}

/// A marked passage as a highlight: anchored at the first place the text
/// says it, or detached when it does not.
fn anchored(body: &str, marked: &MarkedPassage, now: &str) -> ExportedHighlight {
    let quote = marked.quote.trim();
    let selector = anchor::find_quote(body, quote).and_then(|(start, end)| anchor::select(body, start, end));
    ExportedHighlight {
        start: selector.as_ref().map_or(0, |s| s.start),
        end: selector.as_ref().map_or(0, |s| s.end),
        // What the text says there, when found; else the quote as it came.
        quote: selector
            .as_ref()
            .map_or_else(|| quote.to_string(), |s| s.quote.clone()),
        prefix: selector.as_ref().map(|s| s.prefix.clone()).unwrap_or_default(),
        suffix: selector.as_ref().map(|s| s.suffix.clone()).unwrap_or_default(),
        color: marked.color.unwrap_or_default().as_str().into(),
        comment: marked.comment.clone(),
        created_at: marked.created_at.clone().unwrap_or_else(|| now.to_string()),
        updated_at: now.to_string(),
        detached: selector.is_none(),
    }
}

/// Reads a library export (see [`crate::model::library_export`]): a line
/// per article it holds, or one failed line for the file when it is not one.
fn import_library_export(library: &mut Library, path: &Path, text: &str) -> Vec<FileReport> {
    let export: LibraryExport = match serde_json::from_str(text) {
        Ok(export) => export,
        Err(e) => return failed(path, format!("the library export is damaged: {e}")),
    };
    if export.version > VERSION {
        return failed(
            path,
            format!(
                "exported by a newer Folio (format version {}; this one reads up to {VERSION})",
                export.version
            ),
        );
    }
    if let Err(e) = library.import_tags_and_topics(&export.tags, &export.topics) {
        return failed(path, format!("its tags and topics could not be stored: {e}"));
    }
    if export.articles.is_empty() {
        return failed(
            path,
            "a library export, but it holds no articles (its tags and topics were imported)".into(),
        );
    }
    let ready = export.articles.iter().map(|article| {
        let (article, detached) = highlights_in_the_text(article);
        let note = match detached {
            0 => None,
            1 => Some("1 highlight kept detached: its place was not in the text".into()),
            n => Some(format!(
                "{n} highlights kept detached: their places were not in the text"
            )),
        };
        Ok(Ready {
            title: article.title.clone().unwrap_or_else(|| "(untitled)".into()),
            article,
            note,
        })
    });
    store_in_batches(library, path, ready, |reason| reason)
}

/// An article of a collection ready to store: its title for the report,
/// and what else its line should say.
struct Ready {
    article: ExportedArticle,
    title: String,
    note: Option<String>,
}

/// Articles stored per transaction, as the file import does; a batch also
/// ends at [`BATCH_BYTES`] of text, so that an export of large saved pages
/// is not held in memory whole.
const BATCH: usize = 256;
const BATCH_BYTES: usize = 64 << 20;

/// Stores a collection's articles a batch at a time: a line each, the
/// failed ones with `reason` made from why.
fn store_in_batches(
    library: &mut Library,
    path: &Path,
    articles: impl Iterator<Item = Result<Ready, String>>,
    reason: impl Fn(String) -> String,
) -> Vec<FileReport> {
    let mut lines = Vec::new();
    let mut batch: Vec<Result<Ready, String>> = Vec::new();
    let mut batch_bytes = 0;
    let mut articles = articles.peekable();
    while let Some(item) = articles.next() {
        if let Ok(ready) = &item {
            batch_bytes +=
                ready.article.body.len() + ready.article.original.as_ref().map_or(0, |o| o.zlib_base64.len());
        }
        batch.push(item);
        if batch.len() == BATCH || batch_bytes >= BATCH_BYTES || articles.peek().is_none() {
            store_batch(library, path, std::mem::take(&mut batch), &reason, &mut lines);
            batch_bytes = 0;
        }
    }
    lines
}

fn store_batch(
    library: &mut Library,
    path: &Path,
    batch: Vec<Result<Ready, String>>,
    reason: &impl Fn(String) -> String,
    lines: &mut Vec<FileReport>,
) {
    // The articles go to the library; their titles and notes stay for the lines.
    let mut ready = Vec::new();
    let items: Vec<Result<(String, Option<String>), String>> = batch
        .into_iter()
        .map(|item| {
            item.map(|r| {
                ready.push(r.article);
                (r.title, r.note)
            })
        })
        .collect();
    let mut stored = match library.import_exported_batch(&ready) {
        Ok(outcomes) => outcomes
            .into_iter()
            .map(|o| o.map_err(|e| e.to_string()))
            .collect(),
        Err(e) => vec![Err(e.to_string()); ready.len()],
    }
    .into_iter();
    for item in items {
        let n = lines.len();
        let (outcome, note) = match item {
            Err(why) => (Outcome::Failed { reason: reason(why) }, None),
            Ok((title, note)) => match stored.next() {
                Some(Ok(InsertOutcome::Imported { id })) => (Outcome::Imported { id, title }, note),
                Some(Ok(InsertOutcome::Duplicate { id })) => (Outcome::Duplicate { id }, None),
                Some(Ok(InsertOutcome::Merged { id, changes })) => (Outcome::Merged { id, changes }, None),
                Some(Err(why)) => (Outcome::Failed { reason: reason(why) }, None),
                None => (
                    Outcome::Failed {
                        reason: reason("was not stored".into()),
                    },
                    None,
                ),
            },
        };
        let mut line = article_line(path, n, outcome);
        line.note = note;
        lines.push(line);
    }
}
