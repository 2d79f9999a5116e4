//! Folio's own Markdown vault, read back: a file the vault export wrote
//! (its front matter says `folio_vault: 1`) is read as the article it was,
//! its text taken verbatim rather than as Markdown to flatten, its
//! highlights, note, saved date, read state, star and link-only mark
//! restored. The escaping of text lines lives here too, beside its
//! inverse, so what the export writes is what this reads.

use super::front_matter::FrontMatter;
use crate::model::{
    ExtractedArticle, FoundArticle, HighlightColor, MarkedPassage, OriginalFile, Provenance, Published,
};

/// The front-matter key that marks a file of Folio's vault, and its version.
pub const MARKER: &str = "folio_vault";
pub const VERSION: &str = "1";

/// The headings of the sections after the text.
pub const HIGHLIGHTS_HEADING: &str = "## Highlights";
pub const NOTE_HEADING: &str = "## Note";

/// What the export writes in place of a detached highlight's place.
pub const DETACHED_LINE: &str = "> *(no longer found in the text)*";

/// What a highlight's details line starts and ends with: an HTML comment,
/// which Markdown does not show.
const DETAILS_START: &str = "<!-- folio highlight ";
const DETAILS_END: &str = " -->";

/// The line after a highlight's quote that keeps its colour and when it
/// was made (a date that would end the comment early is left out).
pub fn highlight_details(color: &str, created_at: &str) -> String {
    let mut details = serde_json::json!({ "color": color });
    if !created_at.contains("--") {
        details["created_at"] = created_at.into();
    }
    format!("{DETAILS_START}{details}{DETAILS_END}")
}

/// A highlight's colour and date from its details line.
fn read_details(line: &str) -> Option<(Option<HighlightColor>, Option<String>)> {
    let json = line.strip_prefix(DETAILS_START)?.strip_suffix(DETAILS_END)?;
    let details: serde_json::Value = serde_json::from_str(json).ok()?;
    Some((
        details["color"].as_str().and_then(HighlightColor::parse),
        details["created_at"].as_str().map(str::to_string),
    ))
}

/// Whether a line of text would be read by Markdown as something else (a
/// heading, a quote, a list item, a rule, a heading's underline, HTML), or is
/// one that begins with the escaping backslash itself (so escaping can be
/// undone exactly).
fn text_line_needs_escape(line: &str) -> bool {
    let numbered = line
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    numbered
        || line.starts_with(['#', '>', '-', '+', '*', '=', '_', '<'])
        || line.strip_prefix('\\').is_some_and(text_line_needs_escape)
}

/// Whether a line of a note (which is Markdown the user wrote, and stays
/// so) would end the note's section or turn the line above into a
/// heading: a rule or underline (`---`, `===`, `***`), or a heading.
fn note_line_needs_escape(line: &str) -> bool {
    let trimmed = line.trim();
    let rule = !trimmed.is_empty() && trimmed.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '));
    rule || trimmed.starts_with("## ")
        || trimmed == "##"
        || line.strip_prefix('\\').is_some_and(note_line_needs_escape)
}

/// Text as a Markdown file can hold it: line ends as `\n`, and the other
/// control characters (a terminal's escape sequences pasted into a note)
/// as U+FFFD, the mark for a character that cannot be shown; a few of them
/// would have the file taken for binary data when it is read back.
fn printable(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' => '\n',
            '\n' | '\t' => c,
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

fn escape_lines(text: &str, needs: fn(&str) -> bool) -> String {
    printable(text)
        .lines()
        .map(|line| {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            if needs(body) {
                format!("{indent}\\{body}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn unescape_lines(text: &str, needs: fn(&str) -> bool) -> String {
    text.lines()
        .map(|line| {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            match body.strip_prefix('\\') {
                Some(rest) if needs(rest) => format!("{indent}{rest}"),
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Plain text (an article's body, a highlight's comment) as Markdown that
/// shows it as it is: lines Markdown would read as markup get a backslash.
pub fn escape_text(text: &str) -> String {
    escape_lines(text, text_line_needs_escape)
}

/// A note as Markdown: kept as the user wrote it, but for the lines that
/// would break the file's sections.
pub fn escape_note(text: &str) -> String {
    escape_lines(text, note_line_needs_escape)
}

/// The sections of a vault file after its front matter: text, highlights, note.
struct Sections<'a> {
    text: Vec<&'a str>,
    highlights: Vec<&'a str>,
    note: Vec<&'a str>,
}

fn sections(rest: &str) -> Sections<'_> {
    let mut out = Sections {
        text: Vec::new(),
        highlights: Vec::new(),
        note: Vec::new(),
    };
    let mut lines = rest.lines().skip_while(|l| l.trim().is_empty()).peekable();
    // The title's heading, which the front matter repeats.
    if lines.peek().is_some_and(|l| l.starts_with("# ")) {
        lines.next();
    }
    #[derive(PartialEq)]
    enum In {
        Text,
        Highlights,
        Note,
    }
    let mut at = In::Text;
    for line in lines {
        // The sections come in this order, and the note is the last:
        // whatever follows its heading is it. (A line of the text or of a
        // comment that reads as a heading was escaped on export.)
        if at == In::Text && line == HIGHLIGHTS_HEADING {
            at = In::Highlights;
            continue;
        }
        if at != In::Note && line == NOTE_HEADING {
            at = In::Note;
            continue;
        }
        match at {
            In::Text => out.text.push(line),
            In::Highlights => out.highlights.push(line),
            In::Note => out.note.push(line),
        }
    }
    out
}

/// The text between blank-line-separated lines, trimmed of blank lines at
/// either end.
fn joined(lines: &[&str]) -> String {
    lines.join("\n").trim_matches('\n').to_string()
}

/// The highlights section: each quote (`> ` lines), then its comment.
fn read_highlights(lines: &[&str]) -> Vec<MarkedPassage> {
    let mut marked: Vec<MarkedPassage> = Vec::new();
    let mut comment: Vec<&str> = Vec::new();
    let mut quote: Vec<&str> = Vec::new();
    let finish_comment = |marked: &mut Vec<MarkedPassage>, comment: &mut Vec<&str>| {
        let text = unescape_lines(&joined(comment), text_line_needs_escape);
        if let Some(last) = marked.last_mut()
            && !text.trim().is_empty()
        {
            last.comment = Some(text);
        }
        comment.clear();
    };
    let mut in_quote = false;
    for line in lines {
        if let Some(q) = line.strip_prefix('>') {
            if !in_quote {
                finish_comment(&mut marked, &mut comment);
                quote.clear();
                in_quote = true;
            }
            if *line != DETACHED_LINE {
                quote.push(q.strip_prefix(' ').unwrap_or(q));
            }
            continue;
        }
        if in_quote {
            in_quote = false;
            marked.push(MarkedPassage {
                quote: joined(&quote),
                ..MarkedPassage::default()
            });
            if let Some((color, created_at)) = read_details(line)
                && let Some(last) = marked.last_mut()
            {
                (last.color, last.created_at) = (color, created_at);
                continue;
            }
        }
        comment.push(line);
    }
    if in_quote {
        marked.push(MarkedPassage {
            quote: joined(&quote),
            ..MarkedPassage::default()
        });
    }
    finish_comment(&mut marked, &mut comment);
    marked.retain(|m| !m.quote.trim().is_empty());
    marked
}

/// Whether the front matter is that of Folio's vault.
pub fn is_vault_file(fields: &FrontMatter) -> bool {
    fields
        .iter()
        .any(|(key, values)| key == MARKER && values.first().map(String::as_str) == Some(VERSION))
}

/// A file of Folio's vault as the article it was. `fields` and `rest` are
/// its front matter and what follows.
pub fn read_vault_file(
    fields: &FrontMatter,
    rest: &str,
    bytes: &[u8],
    file_name: Option<String>,
) -> FoundArticle {
    let one = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.first().cloned())
    };
    let many = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let flag = |key: &str| one(key).is_some_and(|v| v == "true");
    let link_only = flag("link_only");
    let sections = sections(rest);
    let body = if link_only {
        String::new()
    } else {
        unescape_lines(&joined(&sections.text), text_line_needs_escape)
    };
    let note = unescape_lines(&joined(&sections.note), note_line_needs_escape);
    let meta = ExtractedArticle {
        title: one("title").filter(|t| t != "(untitled)"),
        authors: many("authors"),
        published: one("date").as_deref().and_then(Published::from_iso),
        source: one("source"),
        section: one("section"),
        region: one("region"),
        region_basis: None,
        countries: many("countries"),
        kind: one("kind"),
        language: one("language"),
        url: one("url"),
        body,
        tags: many("tags"),
    };
    let provenance = Provenance {
        saved_at: one("saved"),
        read_state: one("state"),
        link_only,
        publisher_place: one("publisher_place"),
        starred: flag("starred"),
        citation: one("citation")
            .filter(|c| serde_json::from_str::<serde_json::Value>(c).is_ok_and(|v| v.is_object())),
    };
    FoundArticle {
        meta,
        provenance,
        marked: read_highlights(&sections.highlights),
        note: (!note.trim().is_empty()).then_some(note),
        topics: many("topics"),
        original: OriginalFile {
            file_name,
            format: "markdown".into(),
            bytes: bytes.to_vec(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_lines_read_back_exactly() {
        for text in [
            "# not a heading\n> not a quote\n- not a list\n1. not numbered\n\\# a backslash first\n\\\\two",
            "plain\n  - indented\n---\n===\n\\---",
            "",
        ] {
            assert_eq!(unescape_lines(&escape_text(text), text_line_needs_escape), text);
            assert_eq!(unescape_lines(&escape_note(text), note_line_needs_escape), text);
        }
        assert_eq!(
            escape_note("a\n---\nb\n- a list stays"),
            "a\n\\---\nb\n- a list stays"
        );
    }

    #[test]
    fn highlights_with_comments_and_detached_ones() {
        let lines = [
            "> first quote",
            "> second line",
            "",
            "A comment.",
            "",
            "\\> quoted comment",
            "",
            "> gone",
            ">",
            DETACHED_LINE,
            &highlight_details("blue", "2024-01-02T03:04:05Z"),
            "",
            "\\<!-- folio highlight {\"color\":\"pink\"} -->",
        ];
        let marked = read_highlights(&lines);
        assert_eq!(marked.len(), 2);
        assert_eq!(marked[0].quote, "first quote\nsecond line");
        assert_eq!(
            marked[0].comment.as_deref(),
            Some("A comment.\n\n> quoted comment")
        );
        assert_eq!(marked[1].quote, "gone");
        assert_eq!(marked[1].color, Some(HighlightColor::Blue));
        assert_eq!(marked[1].created_at.as_deref(), Some("2024-01-02T03:04:05Z"));
        // A comment that reads like the details line is a comment.
        assert_eq!(
            marked[1].comment.as_deref(),
            Some("<!-- folio highlight {\"color\":\"pink\"} -->")
        );
    }
}
