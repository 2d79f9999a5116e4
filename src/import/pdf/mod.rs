//! PDF documents, most often a page the user printed to PDF: the text
//! layer read glyph by glyph with its positions (pdf-extract over lopdf),
//! laid out in reading order across columns (`layout`), the printer's
//! running headers and footers taken away (`running_lines`), and rebuilt
//! into paragraphs (`paragraphs`) for the clipping reader to take apart
//! like any clipping.
//!
//! pdf-extract was written for well-formed files: it panics on some broken
//! ones, would run an image as if it were drawing commands, and follows
//! drawings inside drawings without end. So the document is checked and
//! trimmed before it runs (`guard`), its run is bounded in pages, glyphs
//! and time, and a panic inside it is caught and reported as damage.

mod glyphs;
mod guard;
mod layout;
mod paragraphs;
mod printed_address;
mod right_to_left;
mod running_lines;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// Pages read from one document: a clipping is a few pages; a book is
/// not an article, and its first pages are enough to say so.
const MAX_PAGES: u32 = 200;
/// Glyphs read from one document: some thirty times a long article.
const MAX_GLYPHS: usize = 2_000_000;
/// The time one document may take; a printed article takes milliseconds.
const MAX_TIME: Duration = Duration::from_secs(10);

/// Why a PDF gave no text. The text is the import report's reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF document is damaged or incomplete ({0})")]
    Damaged(String),
    #[error(
        "the PDF document is encrypted: it opens only with its password; save a copy without one and import that"
    )]
    Encrypted,
    #[error("the PDF document has no pages")]
    NoPages,
    #[error("no text layer: scanned pages are not read (the PDF document holds only images)")]
    NoTextLayer,
    #[error("the PDF document is too complex to read ({0})")]
    TooComplex(String),
}

/// A PDF starts with `%PDF-`; readers accept it within the first kilobyte,
/// after whatever a mail program put before it.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// What a PDF holds for the clipping reader.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfDocument {
    /// The text as a plain-text clipping: paragraphs in reading order,
    /// separated by blank lines.
    pub text: String,
    /// The title the document gives itself (a browser's print sets the
    /// page's own title there), when it is one and not a file's name.
    pub title: Option<String>,
    /// The page's address, from the footer a browser prints.
    pub url: Option<String>,
}

pub fn read_pdf(bytes: &[u8]) -> Result<PdfDocument, PdfError> {
    let deadline = Instant::now() + MAX_TIME;
    let (pages, title) = catch_unwind(AssertUnwindSafe(|| read_pages(bytes, deadline)))
        .map_err(|_| PdfError::Damaged("its structure could not be followed".to_string()))??;
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(PdfError::NoTextLayer);
    }
    let laid: Vec<(Vec<layout::Block>, f64)> = pages
        .iter()
        .map(|p| (layout::blocks(&p.glyphs), p.height))
        .collect();
    let url = printed_address::printed_address(&laid);
    let mut blocks: Vec<Vec<layout::Block>> = laid
        .into_iter()
        .map(|(mut blocks, height)| {
            running_lines::remove_margin_lines(&mut blocks, height);
            blocks
        })
        .collect();
    running_lines::remove_running_lines(&mut blocks);
    Ok(PdfDocument {
        text: paragraphs::paragraphs(&blocks).join("\n\n"),
        title,
        url,
    })
}

/// The document's own title from its information dictionary, unless it is
/// empty, a file's name or address (what a printed text file or an
/// untitled page gets), or too long to be a title.
fn document_title(doc: &pdf_extract::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = match info {
        pdf_extract::Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        other => other.as_dict().ok()?,
    };
    let title = pdf_extract::decode_text_string(info.get(b"Title").ok()?).ok()?;
    let title = crate::import::lines::single_spaced(&title);
    let lower = title.to_lowercase();
    let file_name = !title.contains(' ')
        && title
            .rsplit_once('.')
            .is_some_and(|(_, ext)| (1..=5).contains(&ext.len()));
    let address = ["http:", "https:", "file:", "about:", "data:"]
        .iter()
        .any(|p| lower.starts_with(p));
    let useful =
        !title.is_empty() && title.chars().count() <= 300 && !file_name && !address && lower != "untitled";
    useful.then_some(title)
}

/// The pages' glyphs, read under the limits, and the document's title.
fn read_pages(bytes: &[u8], deadline: Instant) -> Result<(Vec<glyphs::Page>, Option<String>), PdfError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| load_error(&e))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    guard::prepare(&mut doc)?;
    let pages = doc.get_pages();
    let mut collector = glyphs::Collector::new(MAX_GLYPHS, deadline);
    for &number in pages.keys().take(MAX_PAGES as usize) {
        if let Err(e) = pdf_extract::output_doc_page(&doc, &mut collector, number) {
            match collector.stopped {
                Some(glyphs::Stop::TooManyGlyphs) => {
                    return Err(PdfError::TooComplex(
                        "more text than an article holds".to_string(),
                    ));
                }
                Some(glyphs::Stop::OutOfTime) => {
                    return Err(PdfError::TooComplex(format!(
                        "it took more than {} seconds",
                        MAX_TIME.as_secs()
                    )));
                }
                // A page that cannot be read is left out: the others are
                // still the article, and the report speaks of the file.
                None => drop(e),
            }
        }
    }
    Ok((collector.pages, document_title(&doc)))
}

fn load_error(e: &pdf_extract::Error) -> PdfError {
    match e {
        pdf_extract::Error::Decryption(_) | pdf_extract::Error::UnsupportedSecurityHandler(_) => {
            PdfError::Encrypted
        }
        other => PdfError::Damaged(other.to_string()),
    }
}
