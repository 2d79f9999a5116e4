//! What a page holds beside its article that a reader skips, taken out of
//! the page's tree before Readability looks for the article: readers'
//! comments (which on a blog often outweigh the post and were taken for
//! it), and the boxes the page marks as captions, credits, newsletter
//! offers, author bios, lists of other stories and the site's disclaimer.
//!
//! Every rule reads what the page itself says an element is (its `class`
//! and `id`, or a heading that opens the comments), never a site's name.

use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// The names pages give the comments under a post: the list, each comment
/// and its parts, the form to add one.
const COMMENT_NAMES: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "comment-list",
    "comments-list",
    "commentbody",
    "comment-body",
    "comment-content",
    "comment-meta",
    "comment-author",
    "comment-text",
    "comment-separator",
    "comments-area",
    "comments-section",
    "comment-section",
    "comments-container",
    "comments-wrapper",
    "comment-respond",
    "comment-form",
    "commentform",
    "postcomment",
    "respond",
    "disqus_thread",
];

/// A heading that opens the comments or the form to leave one ("46
/// Comments", "Leave a Reply", "Post a comment"), in the languages Folio
/// reads most. Short: a headline that mentions comments is longer.
static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d+\s+|no\s+)?(?:comments?|responses?|replies|reader comments|leave a (?:reply|comment)|post a comment|add (?:a|your) comment|join the (?:discussion|conversation)|kommentare|commentaires|comentarios)\b[\s:!.]*(?:to\b.*)?$",
    )
    .expect("valid pattern")
});

/// The longest heading read as the comments' (a "N Responses to <the
/// post's title>" heading repeats the title).
const HEADING_MAX_CHARS: usize = 160;

/// Takes out of `document` what is not its article, on a page that does
/// not mark its article itself. A page that wraps it in `<article>` has
/// given Readability its bounds, and Readability keeps to them; it is
/// on older pages without that element that long comments or a bio were
/// taken for the article, or came in with it.
pub(super) fn drop_non_article(document: &Document) {
    if document.select("article").exists() {
        return;
    }
    drop_comments(document);
    drop_boxes(document);
}

/// Takes the comments out of `document`: every element the page names as
/// a comment or the comments' area, and everything after a heading that
/// opens them.
fn drop_comments(document: &Document) {
    let mut marked = Vec::new();
    let mut headings = Vec::new();
    for node in document.root().descendants_it() {
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().unwrap_or_default();
        if matches!(&*name, "html" | "body" | "main") {
            continue;
        }
        if names_a_comment(&node) {
            marked.push(node);
        }
        if matches!(&*name, "h2" | "h3" | "h4" | "h5" | "h6") {
            let text = node.text();
            let text = text.trim();
            if text.chars().count() <= HEADING_MAX_CHARS && COMMENTS_HEADING.is_match(text) {
                headings.push(node);
            }
        }
    }
    let mut doomed: Vec<NodeRef> = marked.into_iter().filter(|n| !holds_the_article(n)).collect();
    for heading in headings {
        // A heading wrapped alone in its box: the comments follow the box.
        let mut opener = heading;
        while let Some(parent) = opener.parent()
            && parent.element_children().len() == 1
            && !matches!(
                &*parent.node_name().unwrap_or_default(),
                "body" | "html" | "main" | "article"
            )
        {
            opener = parent;
        }
        let mut next = opener.next_sibling();
        while let Some(node) = next {
            next = node.next_sibling();
            if !holds_the_article(&node) {
                doomed.push(node);
            }
        }
        doomed.push(opener);
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// What pages call the boxes around an article that are not of it: the
/// author's bio, a newsletter or subscription offer, a list of related or
/// recommended stories.
static BOX_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:about-?(?:the-?)?author|author-?(?:bio|box|info|about)|newsletter|signup|sign-up|optin|opt-in|subscribe|related(?:-?(?:posts|stories|articles|content|links))?|more-?stories|recommended|outbrain|taboola|site-?info|colophon|disclaimer)(?:$|[\s_-])",
    )
    .expect("valid pattern")
});

/// The most text a box may hold (in characters): a block that long is
/// a part of the page, not a box beside the article.
const BOX_MAX_CHARS: usize = 3_000;

/// Takes out of `document` the boxes [`BOX_NAME`] names, unless one holds
/// the article or is too long to be a box.
fn drop_boxes(document: &Document) {
    let boxes: Vec<NodeRef> = document
        .root()
        .descendants_it()
        .filter(|node| {
            node.is_element()
                && !matches!(
                    &*node.node_name().unwrap_or_default(),
                    "html" | "body" | "main" | "article"
                )
                && [node.class(), node.id_attr()]
                    .into_iter()
                    .flatten()
                    .any(|names| BOX_NAME.is_match(&names))
        })
        .collect();
    for node in boxes {
        if !holds_the_article(&node) && node.text().chars().count() <= BOX_MAX_CHARS {
            node.remove_from_parent();
        }
    }
}

/// Whether the element's `class` or `id` names it a comment, the list of
/// them or the form to add one.
fn names_a_comment(node: &NodeRef) -> bool {
    let class = node.class().unwrap_or_default();
    let id = node.id_attr().unwrap_or_default();
    class
        .split_whitespace()
        .chain(std::iter::once(&*id))
        .any(|token| COMMENT_NAMES.iter().any(|name| token.eq_ignore_ascii_case(name)))
}

/// Whether the element holds the article's headline or its marked body,
/// as a wrapper named after the comments it also holds sometimes does:
/// such an element is never taken out.
fn holds_the_article(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        d.is_element()
            && (d.has_name("h1")
                || d.attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("articleBody")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the page's headings, paragraphs and list items, one
    /// space between each.
    fn words(document: &Document) -> String {
        document
            .select("h1, h2, p, li")
            .iter()
            .map(|s| s.text().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn after(html: &str) -> String {
        let document = Document::from(html);
        drop_comments(&document);
        words(&document)
    }

    #[test]
    fn a_bio_and_related_stories_go_but_a_page_marking_its_article_is_left_as_it_is() {
        let boxes = "<div class=\"about-author\"><p>Ann writes about the coast.</p></div>\
             <ul class=\"related-posts\"><li>Another story</li></ul>\
             <div class=\"subscriber-content\"><p>Kept too.</p></div>\
             <div id=\"siteinfo\"><p>Disclaimer: this site has no link with the harbour board.</p></div>";
        let document = Document::from(
            format!("<body><h1>Harbour wall</h1><p>The council voted.</p>{boxes}</body>").as_str(),
        );
        drop_non_article(&document);
        let text = words(&document);
        assert_eq!(text, "Harbour wall The council voted. Kept too.");
        let marked =
            format!("<body><article><h1>Harbour wall</h1><p>The council voted.</p></article>{boxes}</body>");
        let document = Document::from(marked.as_str());
        drop_non_article(&document);
        assert!(
            document
                .select("body")
                .text()
                .contains("Ann writes about the coast.")
        );
    }

    #[test]
    fn comments_named_by_the_page_are_taken_out() {
        let text = after(
            "<body><h1>Harbour wall</h1><p>The council voted.</p>\
             <ol class=\"commentlist\"><li class=\"comment\">Great post!</li></ol>\
             <div id=\"respond\">Leave a reply</div></body>",
        );
        assert_eq!(text, "Harbour wall The council voted.");
    }

    #[test]
    fn everything_after_a_comments_heading_is_taken_out() {
        let text = after(
            "<body><div><h1>Harbour wall</h1><p>The council voted.</p>\
             <h2>12 Comments</h2><div id=\"c1\"><p>Great post!</p></div>\
             <p class=\"posted\">Posted by: Ann at 9:01</p></div></body>",
        );
        assert_eq!(text, "Harbour wall The council voted.");
    }

    #[test]
    fn a_wrapper_holding_the_headline_stays_and_commentary_is_not_a_comment() {
        let text = after(
            "<body><div class=\"comments\"><h1>Harbour wall</h1><p>The council voted.</p></div>\
             <div class=\"commentary\"><p>An opinion.</p></div>\
             <h2>Comments and the council: a history of the harbour wall's long story</h2><p>Kept.</p></body>",
        );
        assert_eq!(
            text,
            "Harbour wall The council voted. An opinion. Comments and the council: a history of the harbour wall's long story Kept."
        );
    }
}
