//! The document made safe to run before pdf-extract sees it: images
//! emptied (it would run their data as drawing commands, and a scan's
//! images are large), compressed streams unpacked here under a limit (a
//! small stream can unpack to gigabytes), and drawings that contain
//! drawings checked for a bottom (one that contains itself would be
//! followed until the stack ran out).

use super::PdfError;
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::io::Read;

/// The most one stream may unpack to, and all of them together.
const MAX_STREAM_BYTES: u64 = 64 * 1024 * 1024;
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// How deep drawings may nest, and how many uses of them a document may
/// make in all (a few drawings each using the next twice multiply).
const MAX_FORM_DEPTH: usize = 16;
const MAX_FORM_USES: usize = 10_000;

pub fn prepare(doc: &mut Document) -> Result<(), PdfError> {
    let mut unpacked = 0u64;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if has_name(&stream.dict, b"Subtype", b"Image") {
            stream.set_plain_content(Vec::new());
            continue;
        }
        if !only_flate(&stream.dict) {
            continue;
        }
        let mut out = Vec::new();
        let limit = MAX_STREAM_BYTES.min(MAX_UNPACKED_BYTES - unpacked);
        let read = flate2::read::ZlibDecoder::new(stream.content.as_slice())
            .take(limit + 1)
            .read_to_end(&mut out);
        if out.len() as u64 > limit {
            return Err(PdfError::TooComplex(format!(
                "its compressed parts unpack to more than {} MB",
                MAX_UNPACKED_BYTES / (1024 * 1024)
            )));
        }
        // A stream that will not unpack is left as it is: pdf-extract
        // reads what it can of it, and a page without it is still read.
        if read.is_ok() {
            unpacked += out.len() as u64;
            stream.set_plain_content(out);
        }
    }
    check_form_nesting(doc)
}

/// Compressed with Flate alone, with no predictor to undo.
fn only_flate(dict: &Dictionary) -> bool {
    if dict.has(b"DecodeParms") {
        return false;
    }
    match dict.get(b"Filter") {
        Ok(Object::Name(name)) => name == b"FlateDecode",
        Ok(Object::Array(filters)) => {
            filters.len() == 1 && matches!(&filters[0], Object::Name(name) if name == b"FlateDecode")
        }
        _ => false,
    }
}

fn has_name(dict: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    matches!(dict.get(key), Ok(Object::Name(name)) if name == value)
}

/// Follows every page's drawings (form XObjects) into the drawings they
/// use, as pdf-extract will, and refuses a document where that goes deeper
/// than any real one does or takes too many steps.
fn check_form_nesting(doc: &Document) -> Result<(), PdfError> {
    let too_deep =
        || PdfError::TooComplex("its drawings are nested too deeply, or contain themselves".to_string());
    let mut uses = 0usize;
    let mut todo: Vec<(&Dictionary, usize)> = Vec::new();
    for (_, page_id) in doc.get_pages() {
        if let Some(resources) = page_resources(doc, page_id) {
            todo.push((resources, 0));
        }
    }
    while let Some((resources, depth)) = todo.pop() {
        let Some(xobjects) = resolve(doc, resources.get(b"XObject").ok()).and_then(|o| o.as_dict().ok())
        else {
            continue;
        };
        for (_, entry) in xobjects.iter() {
            let Some(Object::Stream(form)) = resolve(doc, Some(entry)) else {
                continue;
            };
            if !has_name(&form.dict, b"Subtype", b"Form") {
                continue;
            }
            uses += 1;
            if depth + 1 > MAX_FORM_DEPTH || uses > MAX_FORM_USES {
                return Err(too_deep());
            }
            // A drawing without resources of its own uses its user's, as
            // pdf-extract does.
            let inner = resolve(doc, form.dict.get(b"Resources").ok())
                .and_then(|o| o.as_dict().ok())
                .unwrap_or(resources);
            todo.push((inner, depth + 1));
        }
    }
    Ok(())
}

/// A page's resources, looked for up the page tree as readers do.
fn page_resources(doc: &Document, page_id: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    // The tree is walked a bounded number of steps: a parent can point back.
    for _ in 0..64 {
        if let Some(resources) = resolve(doc, node.get(b"Resources").ok()).and_then(|o| o.as_dict().ok()) {
            return Some(resources);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// An object, its reference followed (a few steps: references can chain).
fn resolve<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    let mut object = object?;
    for _ in 0..8 {
        match object {
            Object::Reference(id) => object = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}
