//! Which kind of export a file is, told by its first bytes rather than its
//! name: a user's `pinboard_export` or Chrome's `Bookmarks` have no file
//! ending, and a bookmark file saved as `.html` is not a web page. The
//! file's ending is only a hint, for a file too damaged to tell.

use super::bib_syntax;
use super::netscape::is_bookmark_file;
use super::pocket::is_pocket_html;
use super::url_list::is_url_list;

/// How much of a file is read to tell its kind.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The kinds of file an export comes as; which tool wrote it is told once
/// the whole file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Zip,
    Json,
    Csv,
    BookmarkHtml,
    PocketHtml,
    UrlList,
    Bibtex,
}

/// The file endings that say a file is meant as an export: one that is
/// not, or is damaged, is reported as such rather than read as an article.
pub fn export_ending(extension: &str) -> bool {
    matches!(extension, "json" | "csv" | "zip" | "bib")
}

/// The kind of export `start` (a file's first bytes, all of it when
/// `whole`) begins, if any.
pub fn kind(start: &[u8], whole: bool, extension: &str) -> Option<Kind> {
    if start.starts_with(b"PK\x03\x04") || extension == "zip" {
        return Some(Kind::Zip);
    }
    let text = String::from_utf8_lossy(start);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with(['{', '[']) {
        // A JSON document, or its start: the text stops where the document
        // does not (a clipping that opens with "[Editorial]" fails at once).
        let json = match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => true,
            Err(e) => e.is_eof() || extension == "json",
        };
        if json {
            return Some(Kind::Json);
        }
    }
    if extension == "json" {
        return Some(Kind::Json);
    }
    if text.starts_with('<') {
        return if is_bookmark_file(text) {
            Some(Kind::BookmarkHtml)
        } else if is_pocket_html(text) {
            Some(Kind::PocketHtml)
        } else {
            None
        };
    }
    if extension == "bib" || bib_syntax::looks_like(text) {
        return Some(Kind::Bibtex);
    }
    if extension == "csv" || has_url_column(text) {
        return Some(Kind::Csv);
    }
    is_url_list(text, whole).then_some(Kind::UrlList)
}

/// Whether the first line is a CSV header with a column for the link, as
/// every tool's CSV export has.
fn has_url_column(text: &str) -> bool {
    let header = text.lines().next().unwrap_or_default();
    header.contains(',')
        && csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(header.as_bytes())
            .records()
            .next()
            .and_then(Result::ok)
            .is_some_and(|names| names.iter().any(|n| n.trim().eq_ignore_ascii_case("url")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_content_whatever_the_name() {
        assert_eq!(kind(b"PK\x03\x04rest", true, ""), Some(Kind::Zip));
        assert_eq!(
            kind(br#"[{"href": "https://example.org"}]"#, true, "dat"),
            Some(Kind::Json)
        );
        assert_eq!(
            kind(br#"{"roots": {"bookmark_bar": {"chil"#, false, ""),
            Some(Kind::Json)
        );
        assert_eq!(kind(b"[Editorial] The harbour must reopen", true, "txt"), None);
        assert_eq!(
            kind(
                b"\xef\xbb\xbf<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL>",
                true,
                "htm"
            ),
            Some(Kind::BookmarkHtml)
        );
        assert_eq!(
            kind(b"<html><body><p>A page</p></body></html>", true, "html"),
            None
        );
        assert_eq!(
            kind(b"Title,URL,ID\nA,https://example.org,1\n", true, ""),
            Some(Kind::Csv)
        );
        assert_eq!(
            kind(b"https://example.org/a\nhttps://example.org/b\n", true, "txt"),
            Some(Kind::UrlList)
        );
        assert_eq!(
            kind(b"A clipping, with a comma.\nAnd its text.\n", true, "txt"),
            None
        );
        assert_eq!(
            kind(
                b"% Encoding: UTF-8\n@Article{lima2023,\n title = {A}}",
                true,
                "txt"
            ),
            Some(Kind::Bibtex)
        );
        assert_eq!(
            kind(b"@Reuters: the port reopened, officials said.\n", true, "txt"),
            None
        );
    }
}
