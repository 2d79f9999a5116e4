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
    #[error("the PDF document is encrypted: it opens only with its password; save a copy without one and import that")]
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

/// The document's text as a plain-text clipping: paragraphs in reading
/// order, separated by blank lines.
pub fn pdf_text(bytes: &[u8]) -> Result<String, PdfError> {
    let deadline = Instant::now() + MAX_TIME;
    let pages = catch_unwind(AssertUnwindSafe(|| read_pages(bytes, deadline)))
        .map_err(|_| PdfError::Damaged("its structure could not be followed".to_string()))??;
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(PdfError::NoTextLayer);
    }
    let mut blocks: Vec<Vec<layout::Block>> = pages
        .iter()
        .map(|p| {
            let mut blocks = layout::blocks(&p.glyphs);
            running_lines::remove_margin_lines(&mut blocks, p.height);
            blocks
        })
        .collect();
    running_lines::remove_running_lines(&mut blocks);
    Ok(paragraphs::paragraphs(&blocks).join("\n\n"))
}

/// The pages' glyphs, read under the limits.
fn read_pages(bytes: &[u8], deadline: Instant) -> Result<Vec<glyphs::Page>, PdfError> {
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
                    return Err(PdfError::TooComplex("more text than an article holds".to_string()));
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
    Ok(collector.pages)
}

fn load_error(e: &pdf_extract::Error) -> PdfError {
    match e {
        pdf_extract::Error::Decryption(_) | pdf_extract::Error::UnsupportedSecurityHandler(_) => PdfError::Encrypted,
        other => PdfError::Damaged(other.to_string()),
    }
}
