//! Annotations out of Folio: Markdown to read, and W3C Web Annotation JSON
//! for other annotation tools.

use crate::model::{Article, Highlight};
use serde_json::{Value, json};

/// CSS for the colours, carried in the JSON as the model's stylesheet.
const STYLESHEET: &str = ".yellow { background-color: #fff59d } .green { background-color: #c5e1a5 } \
     .blue { background-color: #b3e5fc } .pink { background-color: #f8bbd0 } \
     .purple { background-color: #d1c4e9 }";

fn has_annotations(article: &Article) -> bool {
    !article.highlights.is_empty() || article.note.as_deref().is_some_and(|n| !n.trim().is_empty())
}

/// "Source · 5 January 2018 · url", as far as they are known.
fn byline(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(source) = &article.meta.source {
        parts.push(source.clone());
    }
    if let Some(published) = article.meta.published {
        parts.push(published.date_label());
    }
    if let Some(url) = &article.meta.url {
        parts.push(format!("<{url}>"));
    }
    parts.join(" · ")
}

fn blockquote(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim().is_empty() {
                ">".to_string()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One article's highlights and note as Markdown, under a heading of the
/// given level.
pub fn article_markdown(article: &Article, level: usize) -> String {
    let hashes = "#".repeat(level.clamp(1, 5));
    let mut out = format!("{hashes} {}\n\n", article.title_or_untitled());
    let byline = byline(article);
    if !byline.is_empty() {
        out.push_str(&format!("*{byline}*\n\n"));
    }
    for h in &article.highlights {
        out.push_str(&blockquote(&h.quote));
        out.push('\n');
        if h.detached {
            out.push_str(">\n> *(no longer found in the text)*\n");
        }
        out.push('\n');
        if let Some(comment) = &h.comment {
            out.push_str(comment.trim());
            out.push_str("\n\n");
        }
    }
    if let Some(note) = article.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        out.push_str(&format!("{hashes}# Note\n\n{note}\n\n"));
    }
    out
}

/// Several articles' annotations as one Markdown document; articles with
/// none are left out.
pub fn library_markdown(articles: &[Article]) -> String {
    let mut out = String::from("# Annotations\n\n");
    let annotated: Vec<&Article> = articles.iter().filter(|a| has_annotations(a)).collect();
    for (i, article) in annotated.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n\n");
        }
        out.push_str(&article_markdown(article, 2));
    }
    out
}

/// What an annotation points at: the article's URL when it has one, else
/// an id within this library.
fn source_of(article: &Article) -> String {
    article
        .meta
        .url
        .clone()
        .unwrap_or_else(|| format!("urn:folio:article:{}", article.id))
}

fn highlight_annotation(article: &Article, h: &Highlight) -> Value {
    let mut body = Vec::new();
    if let Some(comment) = &h.comment {
        body.push(json!({
            "type": "TextualBody",
            "value": comment,
            "format": "text/plain",
            "purpose": "commenting",
        }));
    }
    let mut annotation = json!({
        "id": format!("urn:folio:highlight:{}", h.id),
        "type": "Annotation",
        "motivation": if h.comment.is_some() { "commenting" } else { "highlighting" },
        "created": h.created_at,
        "modified": h.updated_at,
        "stylesheet": { "type": "CssStylesheet", "value": STYLESHEET },
        "target": {
            "source": source_of(article),
            "styleClass": h.color.as_str(),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": h.quote,
                    "prefix": h.prefix,
                    "suffix": h.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": h.start,
                    "end": h.end,
                },
            ],
        },
    });
    if !body.is_empty() {
        annotation["body"] = Value::Array(body);
    }
    annotation
}

fn note_annotation(article: &Article, note: &str) -> Value {
    json!({
        "id": format!("urn:folio:note:{}", article.id),
        "type": "Annotation",
        "motivation": "commenting",
        "modified": article.updated_at,
        "body": {
            "type": "TextualBody",
            "value": note,
            "format": "text/markdown",
            "purpose": "commenting",
        },
        "target": source_of(article),
    })
}

/// The articles' highlights and notes as a W3C Web Annotation collection
/// (one page holding every annotation).
pub fn web_annotations(articles: &[Article]) -> Value {
    let mut items = Vec::new();
    for article in articles {
        for h in &article.highlights {
            items.push(highlight_annotation(article, h));
        }
        if let Some(note) = article.note.as_deref().filter(|n| !n.trim().is_empty()) {
            items.push(note_annotation(article, note));
        }
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:folio:annotations",
        "type": "AnnotationCollection",
        "label": "Annotations exported from Folio",
        "total": items.len(),
        "first": {
            "id": "urn:folio:annotations:page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}
