//! Single-file saved pages (`.mhtml`, `.mht`): a MIME message whose first
//! `text/html` part is the page, with its images and styles as further
//! parts. Only the page is read; nothing it links to is fetched.

use crate::model::ExtractedArticle;
use base64::Engine;

/// True when the text opens with the headers of a multipart MIME message,
/// as browsers write them when saving a page as one file.
pub fn looks_like_mhtml(text: &str) -> bool {
    let Some((headers, _)) = split_headers(text.trim_start_matches('\u{feff}')) else {
        return false;
    };
    let headers = headers.to_ascii_lowercase();
    headers.contains("mime-version") && headers.contains("multipart/related")
}

/// Reads the page inside a saved `.mhtml`; `None` when the message holds
/// no HTML part.
pub fn extract_mhtml(text: &str) -> Option<ExtractedArticle> {
    let (headers, body) = split_headers(text.trim_start_matches('\u{feff}'))?;
    let headers = parse_headers(headers);
    let boundary = parameter(header(&headers, "content-type")?, "boundary")?;
    let delimiter = format!("--{boundary}");
    let page = body
        .split(delimiter.as_str())
        .skip(1)
        .filter_map(|part| split_headers(part.trim_start_matches(['\r', '\n'])))
        .find_map(|(part_headers, content)| {
            let part_headers = parse_headers(part_headers);
            let content_type = header(&part_headers, "content-type").unwrap_or("text/plain");
            if !content_type.to_ascii_lowercase().starts_with("text/html") {
                return None;
            }
            let bytes = decode_transfer(
                header(&part_headers, "content-transfer-encoding").unwrap_or("7bit"),
                content,
            );
            let charset = parameter(content_type, "charset").unwrap_or_else(|| "utf-8".to_string());
            let encoding = encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
            let html = encoding.decode(&bytes).0.into_owned();
            let location = header(&part_headers, "content-location").map(str::to_string);
            Some((html, location))
        })?;
    let (html, location) = page;
    let mut article = super::html::extract_html(&html);
    // The address the page was saved from, when the page does not name its own.
    let saved_from = header(&headers, "snapshot-content-location")
        .map(str::to_string)
        .or(location);
    if article.url.is_none() {
        article.url = saved_from.filter(|u| u.starts_with("http"));
    }
    Some(article)
}

/// Splits a message or part at the blank line after its headers.
fn split_headers(text: &str) -> Option<(&str, &str)> {
    let crlf = text.find("\r\n\r\n").map(|i| (i, 4));
    let lf = text.find("\n\n").map(|i| (i, 2));
    let (at, len) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((&text[..at], &text[at + len..]))
}

/// Header lines with their folded continuations joined, names lower-cased.
fn parse_headers(block: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    headers
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// A parameter of a header value: `boundary="----abc"` → `----abc`.
fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn decode_transfer(encoding: &str, content: &str) -> Vec<u8> {
    match encoding.trim().to_ascii_lowercase().as_str() {
        "quoted-printable" => {
            quoted_printable::decode(content.as_bytes(), quoted_printable::ParseMode::Robust)
                .unwrap_or_else(|_| content.as_bytes().to_vec())
        }
        "base64" => {
            let compact: String = content.chars().filter(|c| !c.is_whitespace()).collect();
            base64::engine::general_purpose::STANDARD
                .decode(compact.trim_end_matches('-'))
                .unwrap_or_default()
        }
        _ => content.as_bytes().to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html><html lang=\"de\"><head><title>Brücke freigegeben | Hafenblatt</title>\
        <meta property=\"og:site_name\" content=\"Hafenblatt\">\
        <meta property=\"article:published_time\" content=\"2021-03-04T08:00:00+01:00\"></head>\
        <body><nav><a href=\"/\">Start</a> <a href=\"/welt\">Welt</a></nav><article><h1>Brücke freigegeben</h1>\
        <p>Nach vier Jahren Bauzeit ist die neue Brücke über die Förde am Mittwoch für den Verkehr freigegeben worden.</p>\
        <p>Die Stadt rechnet damit, dass täglich rund zwanzigtausend Fahrzeuge die Brücke nutzen werden, und hofft auf weniger Staus.</p>\
        <p>Anwohner feierten die Eröffnung mit einem Fest am Ufer, das bis in den späten Abend dauerte.</p></article></body></html>";

    fn message(encoding: &str, body: &str) -> String {
        format!(
            "From: <Saved by a browser>\r\nSnapshot-Content-Location: https://hafenblatt.example/welt/bruecke\r\n\
             Subject: =?utf-8?Q?Br=C3=BCcke?=\r\nDate: Sat, 6 Mar 2021 10:00:00 -0000\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----Boundary--abc----\"\r\n\r\n\r\n\
             ------Boundary--abc----\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\
             Content-Transfer-Encoding: {encoding}\r\nContent-Location: https://hafenblatt.example/welt/bruecke\r\n\r\n\
             {body}\r\n------Boundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n\
             iVBORw0KGgo=\r\n------Boundary--abc------\r\n"
        )
    }

    fn check(article: &ExtractedArticle) {
        assert_eq!(article.title.as_deref(), Some("Brücke freigegeben"));
        assert_eq!(
            article.published.map(|p| p.date.to_string()).as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(article.source.as_deref(), Some("Hafenblatt"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://hafenblatt.example/welt/bruecke")
        );
        assert!(article.body.starts_with("Nach vier Jahren"), "{}", article.body);
        assert!(!article.body.contains("Start"));
    }

    #[test]
    fn reads_a_quoted_printable_page() {
        let encoded = quoted_printable::encode_to_str(PAGE.as_bytes());
        let text = message("quoted-printable", &encoded);
        assert!(looks_like_mhtml(&text));
        check(&extract_mhtml(&text).expect("a page"));
    }

    #[test]
    fn reads_a_base64_page() {
        let encoded = base64::engine::general_purpose::STANDARD.encode(PAGE.as_bytes());
        let wrapped: Vec<String> = encoded
            .as_bytes()
            .chunks(76)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let text = message("base64", &wrapped.join("\r\n"));
        check(&extract_mhtml(&text).expect("a page"));
    }

    #[test]
    fn a_message_without_a_page_is_not_read() {
        let text = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"b\"\n\n--b\n\
                    Content-Type: image/png\n\nxx\n--b--\n";
        assert!(looks_like_mhtml(text));
        assert!(extract_mhtml(text).is_none());
        assert!(!looks_like_mhtml("Subject: hello\n\nJust a note."));
    }
}
