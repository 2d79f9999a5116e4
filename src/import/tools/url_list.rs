//! A list of links, one a line, as a browser extension or a "copy all
//! tabs" writes it: `https://…`, or `https://… | title`.

use super::item::ToolItem;

/// The link of a line, and the title after a ` | `, when the line is one.
fn link_line(line: &str) -> Option<(&str, Option<&str>)> {
    let line = line.trim();
    let lower = line.as_bytes().get(..8)?.to_ascii_lowercase();
    if !(lower.starts_with(b"http://") || lower.starts_with(b"https://")) {
        return None;
    }
    let (url, title) = match line.split_once(" | ") {
        Some((url, title)) => (url.trim(), Some(title.trim()).filter(|t| !t.is_empty())),
        None => (line, None),
    };
    (!url.contains(char::is_whitespace)).then_some((url, title))
}

/// The longest line a list of links may hold that is not a link (a
/// heading, a date): a longer one is prose, and the file a clipping.
const LONGEST_OTHER_LINE: usize = 80;

/// Whether a text is a list of links: at least half its lines are links
/// and none of the others is prose. A clipping that quotes a link or two
/// has paragraphs, and stays a clipping. `whole` is false when `text` is
/// the start of a longer file, whose last line may be cut.
pub fn is_url_list(text: &str, whole: bool) -> bool {
    let mut lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if !whole && lines.len() > 1 {
        lines.pop();
    }
    let links = lines.iter().filter(|l| link_line(l).is_some()).count();
    links > 0
        && links * 2 >= lines.len()
        && lines
            .iter()
            .all(|l| link_line(l).is_some() || l.chars().count() <= LONGEST_OTHER_LINE)
}

/// A link per line; a line that is not one is reported, with its number.
pub fn url_list(text: &str) -> Vec<Result<ToolItem, String>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| match link_line(line) {
            Some((url, title)) => Ok(ToolItem {
                url: Some(url.to_string()),
                title: title.map(str::to_string),
                record: Some(serde_json::json!({ "line": line.trim() })),
                ..ToolItem::default()
            }),
            None => {
                let shown: String = line.trim().chars().take(60).collect();
                Err(format!("line {} is not a link: “{shown}”", n + 1))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_links_is_told_from_a_clipping() {
        assert!(is_url_list(
            "https://example.org/a | A\n\nhttps://example.org/b\n",
            true
        ));
        assert!(is_url_list("Saved on Monday\nhttps://example.org/a\n", true));
        let clipping = "Harbour strike ends\n\nThe port reopened on Monday after a week in which \
                        no ship left the quays, the union said. Read more at\nhttps://example.org/a\n";
        assert!(!is_url_list(clipping, true));
        assert!(!is_url_list("Just a line of text", true));
        assert!(is_url_list("http://é.example/a", true));
        let items = url_list("https://example.org/a | A title\nnot a link\n");
        assert_eq!(items[0].as_ref().unwrap().title.as_deref(), Some("A title"));
        assert_eq!(
            items[1].as_ref().unwrap_err(),
            "line 2 is not a link: “not a link”"
        );
    }
}
