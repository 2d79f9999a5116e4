//! The article formats other tools read: a Markdown vault (one file per
//! article with YAML front matter, for Obsidian or Logseq), CSV for
//! spreadsheets, CSL-JSON and BibTeX (in [`super::bibtex`]) for citation
//! managers, and a single self-contained HTML file to read offline.

use super::author_names;
pub use super::bibtex::bibtex;
use crate::import::vault;
use crate::library::content_hash;
use crate::model::Published;
use crate::model::library_export::ExportedArticle;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;

pub(super) fn published(a: &ExportedArticle) -> Option<Published> {
    a.published.as_deref().and_then(Published::from_iso)
}

pub(super) fn title(a: &ExportedArticle) -> &str {
    a.title.as_deref().unwrap_or("(untitled)")
}

/// A double-quoted YAML scalar. Like a JSON string, and also escaping
/// what YAML will not take raw: DEL, the C1 controls and U+FFFE/U+FFFF
/// (a reader stops at them), a byte-order mark, and the characters YAML
/// reads as line breaks (U+0085, U+2028, U+2029), which a quoted scalar
/// would fold into a space.
fn yaml(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}') =>
            {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn yaml_list(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| yaml(v)).collect();
    format!("[{}]", items.join(","))
}

/// One article as a Markdown file: front matter, the text, then its
/// highlights and note. `folio import` reads it back as it was (see
/// [`crate::import::vault`]); what Markdown cannot carry (highlight
/// colours, topics, the original file) is listed in the README.
pub fn markdown_file(a: &ExportedArticle) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml(title(a))));
    if let Some(date) = &a.published {
        out.push_str(&format!("date: {}\n", yaml(date)));
    }
    for (key, value) in [
        ("source", &a.source),
        ("section", &a.section),
        ("kind", &a.kind),
        ("language", &a.language),
        ("region", &a.region),
        ("url", &a.url),
        ("publisher_place", &a.publisher_place),
        ("saved", &a.saved_at),
        ("state", &a.read_state),
    ] {
        if let Some(value) = value {
            out.push_str(&format!("{key}: {}\n", yaml(value)));
        }
    }
    for (key, values) in [
        ("authors", &a.authors),
        ("countries", &a.countries),
        ("topics", &a.topics),
        ("tags", &a.tags),
    ] {
        if !values.is_empty() {
            out.push_str(&format!("{key}: {}\n", yaml_list(values)));
        }
    }
    for (key, set) in [("starred", a.starred), ("link_only", a.link_only)] {
        if set {
            out.push_str(&format!("{key}: true\n"));
        }
    }
    if let Some(citation) = &a.citation {
        // JSON is YAML: the citation's fields as one flow mapping.
        out.push_str(&format!("citation: {}\n", Value::Object(citation.clone())));
    }
    out.push_str(&format!("{}: {}\n", vault::MARKER, vault::VERSION));
    out.push_str("---\n\n");
    // The heading is for reading: the front matter keeps the title exact,
    // so its line breaks and control characters are spaces here (one
    // would end the heading; another could have the file taken for binary).
    let heading: String = title(a)
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    out.push_str(&format!("# {heading}\n\n"));
    if a.link_only {
        let link = a.url.as_deref().unwrap_or("(no address)");
        out.push_str(&format!("*Only the link was saved:* <{link}>\n"));
    } else {
        out.push_str(&vault::escape_text(&a.body));
        out.push('\n');
    }
    if !a.highlights.is_empty() {
        out.push_str(&format!("\n{}\n\n", vault::HIGHLIGHTS_HEADING));
        for h in &a.highlights {
            for line in h.quote.lines() {
                out.push_str(&format!("> {line}\n"));
            }
            if h.detached {
                out.push_str(&format!(">\n{}\n", vault::DETACHED_LINE));
            }
            out.push_str(&vault::highlight_details(&h.color, &h.created_at));
            out.push('\n');
            out.push('\n');
            if let Some(comment) = &h.comment {
                out.push_str(&format!("{}\n\n", vault::escape_text(comment.trim())));
            }
        }
    }
    if let Some(note) = &a.note {
        out.truncate(out.trim_end().len());
        out.push_str(&format!(
            "\n\n{}\n\n{}\n",
            vault::NOTE_HEADING,
            vault::escape_note(note.text.trim())
        ));
    }
    out
}

/// The name of an article's file in the vault: its title, and a short
/// hash of what the library tells articles apart by (the text, or the
/// link of a link-only article). The same article gets the same name
/// whatever else is exported with it and however often, so a vault
/// exported again keeps its names (and links made to them in Obsidian);
/// the library has no two articles with the same text or link, so no two
/// names collide. (The article's id would be stable too, but not across
/// libraries: a library restored from its JSON export numbers anew.)
pub fn vault_file_name(a: &ExportedArticle) -> String {
    let identity = if a.link_only {
        format!("link {}", a.url.as_deref().or(a.title.as_deref()).unwrap_or(""))
    } else {
        content_hash(&a.body)
    };
    let hash = blake3::hash(identity.as_bytes()).to_hex();
    super::file_name_for(title(a), &hash[..10], "md")
}

/// Whether a file already in the vault folder is one Folio wrote (an
/// ordinary file, not a link, whose front matter has the vault's mark):
/// an export again replaces it, and leaves anything else alone.
fn written_by_folio(path: &Path) -> bool {
    let regular = path.symlink_metadata().is_ok_and(|m| m.file_type().is_file());
    regular
        && std::fs::read(path).is_ok_and(|bytes| {
            let text = String::from_utf8_lossy(&bytes);
            vault::is_vault_file(&crate::import::markdown::front_matter(&text).0)
        })
}

/// Writes one Markdown file per article into `folder` (created if need
/// be); returns how many were written.
pub fn write_markdown_folder(articles: &[ExportedArticle], folder: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(folder)?;
    // Two articles of one name (references the library tells apart by more
    // than their shared address) each get a file: a file written by this
    // export is never replaced by it.
    let mut written = std::collections::HashSet::new();
    for a in articles {
        let name = vault_file_name(a);
        let path = super::path_in(folder, &name)
            .ok_or_else(|| std::io::Error::other(format!("“{name}” is not a file name")))?;
        // Whatever is already there and is not Folio's (a note of the
        // user's, a link planted to lead the write elsewhere) is left
        // alone: a new name instead, the same one on the next export.
        let path = super::first_name_that(&path, |p| !written.contains(p) && written_by_folio(p));
        super::write_file(&path, markdown_file(a).as_bytes()).map_err(std::io::Error::other)?;
        written.insert(path);
    }
    Ok(articles.len())
}

/// A cell a spreadsheet will not run: text that starts as a formula would
/// (`=`, `+`, `-`, `@`, a tab or a carriage return, after any `'`s) gets a
/// leading `'`, as OWASP advises against CSV injection; Folio's CSV reader
/// takes it off again.
fn inert_cell(text: String) -> String {
    if crate::import::tools::runs_as_formula(&text) {
        format!("'{text}")
    } else {
        text
    }
}

/// One row per article, for spreadsheets: UTF-8 with a byte-order mark (so
/// spreadsheet programs read accents right), no cell a formula.
pub fn csv(articles: &[ExportedArticle]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "published",
        "title",
        "source",
        "authors",
        "section",
        "kind",
        "language",
        "region",
        "countries",
        "topics",
        "tags",
        "url",
        "highlights",
        "note",
        "imported_at",
        "starred",
        "saved_at",
        "read_state",
    ])?;
    for a in articles {
        let cells = [
            // The date alone, as spreadsheets sort it (a time would make it text).
            a.published
                .as_deref()
                .and_then(|p| p.split('T').next())
                .unwrap_or_default()
                .to_string(),
            title(a).to_string(),
            a.source.clone().unwrap_or_default(),
            a.authors.join("; "),
            a.section.clone().unwrap_or_default(),
            a.kind.clone().unwrap_or_default(),
            a.language.clone().unwrap_or_default(),
            a.region.clone().unwrap_or_default(),
            a.countries.join("; "),
            a.topics.join("; "),
            a.tags.join("; "),
            a.url.clone().unwrap_or_default(),
            a.highlights.len().to_string(),
            a.note.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
            a.imported_at.clone(),
            if a.starred { "true" } else { "" }.to_string(),
            a.saved_at.clone().unwrap_or_default(),
            a.read_state.clone().unwrap_or_default(),
        ];
        writer.write_record(cells.map(inert_cell))?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// Citation keys: the publication's first word, the year and the title's
/// first word ("asahi2018japan"), with a letter added where two collide.
pub(super) fn citation_keys(articles: &[ExportedArticle]) -> Vec<String> {
    fn first_word(text: &str, skip: &[&str]) -> String {
        text.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .find(|w| !w.is_empty() && !skip.contains(&w.as_str()))
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect()
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    articles
        .iter()
        .map(|a| {
            let source = first_word(
                a.source.as_deref().unwrap_or(""),
                &["the", "le", "la", "el", "der", "die"],
            );
            let year = published(a)
                .map(|p| p.date.format("%Y").to_string())
                .unwrap_or_default();
            let word = first_word(title(a), &["the", "a", "an"]);
            let mut key = format!("{source}{year}{word}");
            if key.is_empty() {
                key = "article".into();
            }
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                key.push((b'a' + (*n as u8 - 2).min(25)) as char);
            }
            key
        })
        .collect()
}

/// CSL-JSON, the format of citeproc and Zotero: each article as the
/// citation manager it came from had it (its type, DOI, abstract, pages…
/// kept as its citation), with what Folio knows now written over it; an
/// article of Folio's own is an `article-newspaper`.
pub fn csl_json(articles: &[ExportedArticle]) -> Value {
    let items: Vec<Value> = articles
        .iter()
        .zip(citation_keys(articles))
        .map(|(a, key)| {
            let mut item = a.citation.clone().unwrap_or_default();
            item.insert("id".into(), json!(key));
            item.entry("type").or_insert_with(|| json!("article-newspaper"));
            item.insert("title".into(), json!(title(a)));
            let authors = author_names::csl_names(a, "author");
            if authors.is_empty() {
                item.remove("author");
            } else {
                item.insert("author".into(), Value::Array(authors));
            }
            if let Some(p) = published(a) {
                item.insert("issued".into(), crate::import::tools::csl_date_value(p));
            }
            for (field, value) in [
                ("container-title", &a.source),
                ("URL", &a.url),
                ("section", &a.section),
                ("publisher-place", &a.publisher_place),
                ("language", &a.language),
            ] {
                if let Some(value) = value {
                    item.insert(field.into(), json!(value));
                }
            }
            Value::Object(item)
        })
        .collect();
    Value::Array(items)
}

/// Text for HTML: markup characters as entities, and the characters an
/// HTML parser refuses (controls other than line ends and tabs,
/// noncharacters) as U+FFFD, the mark for a character that cannot be shown.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if c.is_control() || is_noncharacter(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Unicode's noncharacters (U+FDD0–U+FDEF and the last two of every plane).
fn is_noncharacter(c: char) -> bool {
    let code = u32::from(c);
    (0xfdd0..=0xfdef).contains(&code) || code & 0xfffe == 0xfffe
}

/// The body as paragraphs, highlighted passages in `<mark>`.
fn html_body(a: &ExportedArticle) -> String {
    let chars: Vec<char> = a.body.chars().collect();
    let mut marks: Vec<(usize, usize, &str)> = a
        .highlights
        .iter()
        .filter(|h| !h.detached && h.end <= chars.len() && h.start < h.end)
        .map(|h| (h.start, h.end, h.color.as_str()))
        .collect();
    marks.sort();
    let mut html = String::new();
    let mut at = 0;
    let push_text = |html: &mut String, text: String| {
        // Paragraphs first, then the line breaks inside them (the other
        // way round would break the line ends that separate paragraphs too).
        let paragraphs: Vec<String> = escape_html(&text)
            .split("\n\n")
            .map(|p| p.replace('\n', "<br>"))
            .collect();
        html.push_str(&paragraphs.join("</p>\n<p>"));
    };
    for (start, end, color) in marks {
        if start < at {
            continue;
        }
        push_text(&mut html, chars[at..start].iter().collect());
        html.push_str(&format!("<mark class=\"{color}\">"));
        push_text(&mut html, chars[start..end].iter().collect());
        html.push_str("</mark>");
        at = end;
    }
    push_text(&mut html, chars[at..].iter().collect());
    format!("<p>{html}</p>")
}

/// One HTML file holding the articles, readable offline: no scripts,
/// nothing fetched (each title links its article's page, to follow by
/// choice), the style inside.
pub fn html(articles: &[ExportedArticle]) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Articles from Folio</title>\n<style>\n\
         body { font-family: Georgia, serif; max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }\n\
         article { border-bottom: 1px solid #ccc; padding-bottom: 2em; margin-bottom: 2em; }\n\
         .byline { color: #666; font-style: italic; } .facts, .link-only { color: #666; } .star { color: #c90; }\n\
         aside { border-left: 3px solid #999; padding-left: 1em; color: #444; }\n\
         mark.yellow { background: #fff59d; } mark.green { background: #c5e1a5; } mark.blue { background: #b3e5fc; }\n\
         mark.pink { background: #f8bbd0; } mark.purple { background: #d1c4e9; }\n\
         </style>\n</head>\n<body>\n",
    );
    for a in articles {
        out.push_str("<article>\n");
        let star = if a.starred {
            "<span class=\"star\" title=\"starred\">★</span> "
        } else {
            ""
        };
        // The title links the article where it was published: the one
        // thing a link-only article has to offer, and a way back to the
        // original of any other.
        let heading = match &a.url {
            Some(url) => format!("<a href=\"{}\">{}</a>", escape_html(url), escape_html(title(a))),
            None => escape_html(title(a)),
        };
        out.push_str(&format!("<h1>{star}{heading}</h1>\n"));
        let mut byline: Vec<String> = Vec::new();
        byline.extend(a.source.iter().map(|s| escape_html(s)));
        byline.extend(published(a).map(|p| p.date_label()));
        if !a.authors.is_empty() {
            byline.push(escape_html(&a.authors.join(", ")));
        }
        if !byline.is_empty() {
            out.push_str(&format!("<p class=\"byline\">{}</p>\n", byline.join(" · ")));
        }
        let mut facts: Vec<String> = Vec::new();
        if let Some(saved) = &a.saved_at {
            facts.push(format!("saved {}", escape_html(saved.get(..10).unwrap_or(saved))));
        }
        facts.extend(a.read_state.iter().map(|s| escape_html(s)));
        if !a.tags.is_empty() {
            facts.push(format!("tags: {}", escape_html(&a.tags.join(", "))));
        }
        if !facts.is_empty() {
            out.push_str(&format!("<p class=\"facts\">{}</p>\n", facts.join(" · ")));
        }
        if a.link_only {
            let link = match &a.url {
                Some(url) => format!("<a href=\"{0}\">{0}</a>", escape_html(url)),
                None => "no address came with it".into(),
            };
            out.push_str(&format!(
                "<p class=\"link-only\">Only the link was saved: {link}</p>\n"
            ));
        } else {
            out.push_str(&html_body(a));
            out.push('\n');
        }
        let comments: Vec<String> = a
            .highlights
            .iter()
            .filter_map(|h| {
                h.comment.as_ref().map(|c| {
                    format!(
                        "<aside><p><mark class=\"{}\">{}</mark></p><p>{}</p></aside>",
                        escape_html(&h.color),
                        escape_html(&h.quote),
                        escape_html(c)
                    )
                })
            })
            .collect();
        out.push_str(&comments.join("\n"));
        if let Some(note) = &a.note {
            out.push_str(&format!(
                "<aside><p><strong>Note</strong></p><p>{}</p></aside>\n",
                escape_html(&note.text).replace('\n', "<br>")
            ));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
