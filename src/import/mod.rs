//! Bytes to articles, with no database and no files written: decode the
//! encoding, tell the format by content, extract, enrich (language, region).
//!
//! Everything here is a pure function over bytes or text (the readers of
//! other tools' exports open the file they are given, and only read it), so
//! it is easy to test and safe to run on many threads at once. It knows
//! nothing of the crate but [`crate::model`]: every reader gives a
//! [`FoundArticle`], and the ingest module walks paths and stores what they give.

pub mod clipping;
pub mod dates;
pub mod decode;
pub mod files;
pub mod front_matter;
pub mod html;
pub mod language;
pub mod lines;
pub mod markdown;
pub mod markup;
pub mod mhtml;
mod not_article;
pub mod papers;
pub mod pdf;
mod readable;
pub mod regions;
pub mod tools;
pub mod vault;

use crate::model::{DatePrecision, ExtractedArticle, FoundArticle, OriginalFile, Published};

/// Why a file did not become an article. The text is what the import report
/// shows the user, so it says what the file is and, where it helps, what to do.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("the file is empty")]
    Empty,
    #[error("this is {0}, not an article")]
    Binary(String),
    #[error("the text could not be decoded (looked like {0}); save it as UTF-8 and import again")]
    Undecodable(String),
    #[error("no article text was found in it")]
    NoText,
    #[error("the file is too large ({0} MB; the limit is 50 MB)")]
    TooLarge(u64),
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
}

pub use crate::model::MAX_FILE_BYTES;

/// The formats Folio reads, told by content first and the name second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    /// A page saved as one file (`.mhtml`), read through its HTML part.
    Mhtml,
    Markdown,
    Clipping,
    /// A PDF document's text layer, read as a clipping.
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Mhtml => "mhtml",
            Format::Markdown => "markdown",
            Format::Clipping => "text",
            Format::Pdf => "pdf",
        }
    }
}

pub fn detect_format(text: &str, file_name: Option<&str>) -> Format {
    if mhtml::looks_like_mhtml(text) {
        return Format::Mhtml;
    }
    if html::looks_like_html(text) {
        return Format::Html;
    }
    let md_name = file_name.is_some_and(|n| {
        let n = n.to_lowercase();
        n.ends_with(".md") || n.ends_with(".markdown")
    });
    if md_name || markdown::looks_like_markdown(text) {
        return Format::Markdown;
    }
    Format::Clipping
}

/// Parses one file's bytes into an article; a file with no article text is
/// refused (an import must not store an empty article).
pub fn extract(bytes: &[u8], file_name: Option<&str>) -> Result<(ExtractedArticle, Format), ExtractError> {
    let (article, format) = read_fields(bytes, file_name)?;
    if article.body.trim().is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok((article, format))
}

/// One file read as an article, kept with the file as given: what the
/// ingest stores for each file it is handed.
pub fn read_article(bytes: Vec<u8>, file_name: Option<String>) -> Result<FoundArticle, ExtractError> {
    let (meta, format) = if pdf::looks_like_pdf(&bytes) {
        (pdf_fields(&bytes)?, Format::Pdf)
    } else {
        let (text, format) = decoded(&bytes, file_name.as_deref())?;
        if format == Format::Markdown {
            // A note keeps what its front matter says beyond the fields
            // (when it was saved); a file of Folio's vault, all it was, and
            // one of a link-only article is that, not a file without text.
            let found = markdown::read_markdown(&text, &bytes, file_name);
            if found.meta.body.trim().is_empty() && !found.provenance.link_only {
                return Err(ExtractError::NoText);
            }
            return Ok(found);
        }
        (fields_of(&text, format), format)
    };
    if meta.body.trim().is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(FoundArticle {
        note: None,
        meta,
        original: OriginalFile {
            file_name,
            format: format.as_str().to_string(),
            bytes,
        },
        ..FoundArticle::default()
    })
}

/// A file's text, decoded, and its format.
fn decoded(bytes: &[u8], file_name: Option<&str>) -> Result<(String, Format), ExtractError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ExtractError::TooLarge(bytes.len() as u64 / (1024 * 1024)));
    }
    let decoded = decode::decode(bytes)?;
    let format = detect_format(&decoded.text, file_name);
    Ok((decoded.text, format))
}

fn fields_of(text: &str, format: Format) -> ExtractedArticle {
    match format {
        Format::Html => html::extract_html(text),
        // A message with no page in it is read as text, which reports it
        // as holding no article rather than guessing.
        Format::Mhtml => mhtml::extract_mhtml(text).unwrap_or_else(|| clipping::extract_clipping("")),
        Format::Markdown => markdown::extract_markdown(text),
        Format::Clipping | Format::Pdf => clipping::extract_clipping(text),
    }
}

/// Everything a file tells, even when it holds no article text (a page of
/// links still has a title and a date): for `folio extract`, which shows
/// what Folio found without storing it.
pub fn read_fields(
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<(ExtractedArticle, Format), ExtractError> {
    if pdf::looks_like_pdf(bytes) {
        return Ok((pdf_fields(bytes)?, Format::Pdf));
    }
    let (text, format) = decoded(bytes, file_name)?;
    Ok((fields_of(&text, format), format))
}

/// A printed page's title, "Headline | Site", parted when its head is the
/// headline the text shows: the tail is the site's name.
fn headline_and_site(page_title: &str, headline: Option<&str>) -> (String, Option<String>) {
    let Some(headline) = headline.map(str::trim).filter(|h| !h.is_empty()) else {
        return (page_title.to_string(), None);
    };
    for separator in clipping::TITLE_SEPARATORS {
        if let Some((head, tail)) = page_title.rsplit_once(separator)
            && head.trim().eq_ignore_ascii_case(headline)
            && !tail.trim().is_empty()
            && tail.split_whitespace().count() <= 5
        {
            return (head.trim().to_string(), Some(tail.trim().to_string()));
        }
    }
    (page_title.to_string(), None)
}

/// The date of a printed page. The day its address names (`/2020/04/24/`)
/// and the day its own title states ("… （2020年2月15日）", "… - 23/06/2020 -
/// Site") are the page's word on itself; the dated lines of a printed page
/// are a guess among whatever the print kept (a sidebar's, a comment's, a
/// related story's), so those two come first, and the time the text
/// prints is kept when it falls on the same day.
fn printed_page_date(
    from_text: Option<Published>,
    url: Option<&str>,
    title: Option<&str>,
) -> Option<Published> {
    let from_title = || {
        title
            .and_then(dates::find_date)
            .map(|found| found.published)
            .filter(|published| published.precision == DatePrecision::Day)
    };
    let Some(mut stated) = url.and_then(html::url_date).or_else(from_title) else {
        return from_text;
    };
    if let Some(text) = from_text
        && text.date == stated.date
    {
        stated.time = text.time;
    }
    Some(stated)
}

/// A PDF's article: its text layer in reading order, read as a clipping.
/// Told by its bytes before any decoding: a PDF is binary, not text.
fn pdf_fields(bytes: &[u8]) -> Result<ExtractedArticle, ExtractError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ExtractError::TooLarge(bytes.len() as u64 / (1024 * 1024)));
    }
    let document = pdf::read_pdf(bytes)?;
    let mut article = clipping::read_clipping(&document.text);
    article.url = article.url.or(document.url);
    article.published = printed_page_date(
        article.published,
        article.url.as_deref(),
        document.title.as_deref(),
    );
    // The user printed this article: where the clipping reader finds no
    // run of prose standing out (a page of one paragraph under its
    // headline), the whole text but the headline is the body.
    if article.body.trim().is_empty() {
        let title = article.title.as_deref().unwrap_or_default();
        article.body = document
            .text
            .split("\n\n")
            .filter(|paragraph| paragraph.trim() != title.trim())
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    // The title the document gives itself is the page's own (a
    // browser's print puts it there), surer than a headline guessed
    // among the lines.
    if let Some(title) = document.title {
        let (title, site) = headline_and_site(&title, article.title.as_deref());
        article.source = article.source.or(site);
        let (headline, kind) = clipping::headline_and_kind(&title);
        article.title = Some(headline);
        article.kind = article.kind.or(kind.map(str::to_string));
    }
    Ok(clipping::finish(article))
}
