//! What the Readability algorithm (Firefox's Reader View, as ported by
//! `dom_smoothie`) finds in a page: the article's own block of the DOM, its
//! title with the site's name taken off, and the byline.
//!
//! The parser and serializer under it (html5ever) have steps that grow
//! with the square of some part of a page, harmless on real pages and
//! ruinous on hostile ones. Each is kept in bounds here, so reading a page
//! takes time and memory in proportion to its size:
//! - a tag's attributes are each checked against all the others: a page
//!   with a tag of thousands (or with more elements, or deeper nesting,
//!   than any real page) is left to Folio's own reader, told by a census
//!   taken before parsing ([`super::markup`]);
//! - every parse error is kept as a message, one per byte of a page of
//!   stray `<`: the page is parsed into a sink that forgets them;
//! - escaping a text for the article's HTML looks from each `&` to the
//!   next `<` or `>`: a long text of `&`s is cut into short text nodes
//!   first (the text reads the same), and an attribute value of them is
//!   dropped (Readability reads nothing from such a value).

use super::clipping::{is_furniture_line, is_header_line};
use super::dates::find_date;
use super::lines::single_spaced;
use super::markup::census;
use super::not_article::drop_non_article;
use dom_query::{Document, NodeData, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What Readability found: the article's text in paragraphs, its title,
/// and the byline as the page writes it.
pub(super) struct Readable {
    pub body: String,
    pub title: Option<String>,
    pub byline: Option<String>,
}

static CONTAINER_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(/)?(?:div|span|section|article|main|aside|blockquote|table|font|b|i|em|strong|a|ul|ol|dl|form|center)\b")
        .expect("valid pattern")
});

/// How deep container elements nest, roughly: enough to tell a page from
/// a pathological one.
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for m in CONTAINER_TAG.captures_iter(html) {
        if m.get(1).is_some() {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Readability walks the tree recursively; a page nested deeper than real
/// pages ever are would exhaust the stack, so it is read by our own reader.
const READABLE_MAX_DEPTH: usize = 200;

/// More elements than the largest real pages hold (the evaluation's
/// largest has about 6,000); the tree of a page of nothing but tags would
/// take fifty times its size in memory.
const READABLE_MAX_ELEMENTS: usize = 100_000;

/// More attributes on one tag than real pages put there (a few dozen at
/// most); the parser's check of each against the others stays cheap below.
const READABLE_MAX_ATTRIBUTES: usize = 2_000;

/// Whether Readability can be given the page: its shape is within what
/// real pages have, so parsing it stays linear.
fn within_bounds(html: &str) -> bool {
    let markup = census(html);
    markup.elements <= READABLE_MAX_ELEMENTS
        && markup.most_attributes <= READABLE_MAX_ATTRIBUTES
        && nesting_depth(html) <= READABLE_MAX_DEPTH
}

pub(super) fn readable_article(html: &str) -> Option<Readable> {
    if !within_bounds(html) {
        return None;
    }
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    // A third-party parser over arbitrary input: should it ever panic, the
    // page is still read by our own reader rather than failing the import.
    let parsed = std::panic::catch_unwind(|| {
        let document = parse(html);
        bound_escaping(&document);
        drop_non_article(&document);
        let mut readability = dom_smoothie::Readability::with_document(document, None, Some(config)).ok()?;
        readability.parse().ok()
    })
    .ok()??;
    let title = Some(parsed.title.trim().to_string()).filter(|t| !t.is_empty());
    let body = without_header_lines(&paragraphs(&parsed.text_content), title.as_deref());
    if body.split_whitespace().count() < 25 {
        return None;
    }
    Some(Readable {
        body,
        title,
        byline: parsed.byline.map(|b| b.to_string()),
    })
}

/// The page as a tree, parsed as `dom_query` parses it but with its parse
/// errors forgotten.
fn parse(html: &str) -> Document {
    let options = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            // As `dom_query` parses: what a `noscript` holds is read.
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::parse_document(ForgetErrors(Document::default()), options).one(html)
}

/// How many bytes the serializer reads to escape `text`: from each `&`
/// and each 0xC2 byte (the lead of a no-break space) it looks ahead to the
/// next `<`, `>` or, in an attribute, `quote`.
fn escaping_work(text: &str, quote: u8) -> usize {
    let mut next_stop = text.len();
    let mut work = 0usize;
    for (i, &b) in text.as_bytes().iter().enumerate().rev() {
        if b == b'<' || b == b'>' || b == quote {
            next_stop = i;
        } else if b == b'&' || b == 0xC2 {
            work = work.saturating_add(next_stop - i);
        }
    }
    work
}

/// The most escaping work one text node or attribute may take; a text cut
/// into [`PIECE`]-byte nodes takes no more per node.
const ESCAPING_WORK_LIMIT: usize = PIECE * PIECE;
const PIECE: usize = 256;

/// Cuts the texts that would take the serializer long to escape into
/// short text nodes, and drops the attributes that would.
fn bound_escaping(document: &Document) {
    for node in document.root().descendants() {
        let costly_text = node.query_or(None, |n| match &n.data {
            NodeData::Text { contents } if escaping_work(contents, b'<') > ESCAPING_WORK_LIMIT => {
                Some(contents.to_string())
            }
            _ => None,
        });
        if let Some(text) = costly_text {
            cut_into_pieces(document, &node, &text);
        }
        let costly_attributes: Vec<String> = node.query_or(Vec::new(), |n| match &n.data {
            NodeData::Element(element) => element
                .attrs
                .iter()
                .filter(|a| escaping_work(&a.value, b'"') > ESCAPING_WORK_LIMIT)
                .map(|a| a.name.local.to_string())
                .collect(),
            _ => Vec::new(),
        });
        for name in costly_attributes {
            node.remove_attr(&name);
        }
    }
}

/// Replaces the text node `node` (holding `text`) by text nodes of at
/// most [`PIECE`] bytes, cut between characters: they read as one text.
fn cut_into_pieces(document: &Document, node: &NodeRef, text: &str) {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut end = rest.len().min(PIECE);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (piece, after) = rest.split_at(end);
        pieces.push(piece);
        rest = after;
    }
    let Some((first, others)) = pieces.split_first() else {
        return;
    };
    node.set_text(*first);
    let mut last = *node;
    for piece in others {
        let next = document.tree.new_text(*piece);
        last.insert_after(&next);
        last = next;
    }
}

/// A tree sink that builds `dom_query`'s tree and forgets the parse errors
/// (which `dom_query` keeps as messages: a gigabyte for 10 MB of `<`).
struct ForgetErrors(Document);

type Handle = <Document as TreeSink>::Handle;

impl TreeSink for ForgetErrors {
    type Handle = Handle;
    type Output = Document;
    type ElemName<'a> = <Document as TreeSink>::ElemName<'a>;

    fn finish(self) -> Document {
        self.0
    }
    fn parse_error(&self, _message: Cow<'static, str>) {}
    fn get_document(&self) -> Handle {
        self.0.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.0.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.0.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> Handle {
        self.0.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.0.create_pi(target, data)
    }
    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.0.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.0.append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.0.append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.0.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.0.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.0.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.0.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.0.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &Handle) {
        self.0.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.0.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.0.is_mathml_annotation_xml_integration_point(handle)
    }
}

/// Formatted text with its paragraphs separated by one blank line and the
/// spaces inside each tidied.
fn paragraphs(text: &str) -> String {
    text.split('\n')
        .map(single_spaced)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text without the dateline, byline, share bar or repeated headline
/// that the article's block of the page began with.
fn without_header_lines(body: &str, title: Option<&str>) -> String {
    let mut paragraphs: Vec<&str> = body.split("\n\n").collect();
    let mut skipped = 0;
    while skipped < 4
        && let Some(first) = paragraphs.first()
    {
        let repeats_title = title.is_some_and(|t| t.trim().eq_ignore_ascii_case(first.trim()));
        if !(repeats_title || is_header_line(first) || is_neighbour_links(first)) {
            break;
        }
        paragraphs.remove(0);
        skipped += 1;
    }
    // Inside the text, an advert's label, a share bar, a slideshow's
    // counter or a link on to the rest is still furniture.
    paragraphs.retain(|p| !is_furniture_line(p) && !is_inline_furniture(p));
    // The comment form's messages to the reader ("Your comment has not yet
    // been posted.") stand under the post, never in it: it ends there.
    if let Some(form) = paragraphs
        .iter()
        .position(|p| COMMENT_FORM_MESSAGE.is_match(p.trim()))
    {
        paragraphs.truncate(form);
    }
    // The post's own footer: where it was filed, when and by whom it was
    // posted, how to follow its comments.
    while paragraphs.last().is_some_and(|p| is_post_footer(p)) {
        paragraphs.pop();
    }
    drop_trailing_teasers(&mut paragraphs);
    paragraphs.join("\n\n")
}

/// A paragraph that ends on a link to the rest of another story: "…
/// with midnight launch event Read more...".
static ENDS_IN_READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\S.*\b(?:read more|continue reading|lire la suite|weiterlesen|leer más|leia mais)\s*(?:\.\.\.|…|»|›|>)?\s*$")
        .expect("valid pattern")
});

/// The most words of a teaser's headline.
const TEASER_HEADLINE_MAX_WORDS: usize = 20;

/// Teasers of other stories listed under the article, each a headline, a
/// summary ending on "Read more…" and, often, its date: the article ends
/// before them. (The article's own paragraphs never end on a link to
/// read more of something else.)
fn drop_trailing_teasers(paragraphs: &mut Vec<&str>) {
    let is_date_only = |p: &str| find_date(p).is_some_and(|found| super::dates::is_bare_date(p, &found));
    loop {
        let n = paragraphs.len();
        if n >= 2 && is_date_only(paragraphs[n - 1]) && ENDS_IN_READ_MORE.is_match(paragraphs[n - 2].trim()) {
            paragraphs.pop();
        }
        let n = paragraphs.len();
        if n < 2 || !ENDS_IN_READ_MORE.is_match(paragraphs[n - 1].trim()) {
            return;
        }
        paragraphs.pop();
        let headline = paragraphs.last().map(|p| p.trim()).unwrap_or_default();
        if paragraphs.len() > 1
            && headline.split_whitespace().count() <= TEASER_HEADLINE_MAX_WORDS
            && !headline.ends_with(['.', '!', '?', ':'])
        {
            paragraphs.pop();
        }
    }
}

/// "« Last week's swatches | Main | Next post »": the links to a post's
/// neighbours that a blog prints above it.
fn is_neighbour_links(paragraph: &str) -> bool {
    let line = paragraph.trim();
    (line.starts_with(['«', '‹']) || line.ends_with(['»', '›']))
        && line.contains('|')
        && line.split_whitespace().count() <= 30
}

/// "Image 3 of 12", "1 / 12", "Read more", "Continue reading »": a
/// slideshow's counter or a link, never a sentence of the article.
static INLINE_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:image|photo|picture|slide|foto|bild)\s*\d+\s*(?:of|/|von|de|sur|di)\s*\d+|\d+\s*/\s*\d+|read more|read the full (?:story|article)|continue reading|more|lire la suite|weiterlesen|leer más|leia mais|advertisement|advertise here|advertise with us)\W*$")
        .expect("valid pattern")
});

fn is_inline_furniture(paragraph: &str) -> bool {
    INLINE_FURNITURE.is_match(paragraph.trim())
}

/// What a blog's comment form says to the one commenting: "This is only a
/// preview. Your comment has not yet been posted.", "Your comment could
/// not be posted.", "Comments are moderated…".
static COMMENT_FORM_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:this is only a preview\b|your comment (?:has|could|will|is|was|must)\b|comments are moderated\b|(?:please )?(?:log|sign) in to (?:comment|leave a comment|post a comment)\b)")
        .expect("valid pattern")
});

/// The lines a post ends on, below its text: "Posted by Ann at 9:01 AM |
/// Permalink", "Filed under: News", "This entry was posted on …", "A
/// version of this article appeared in print on …".
static POST_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:posted (?:by|on|in|at|under)\b|this entry was posted|filed (?:under|in)\b|tags?:|tagged\b|categor(?:y|ies):|you can follow any responses|a version of this article appeared|explore related|related (?:posts|articles|stories)\b|more posts\b|share this\b|like this:|permalink\b|(?:no|\d+) comments?\b|leave a (?:reply|comment)\b|comments? (?:rss|feed)\b|print (?:this )?post\b|save to bookmarks\b|post a comment\b)")
        .expect("valid pattern")
});

/// The longest post footer line: a sentence of the article that opens
/// like one ("Posted on the harbour wall, a notice…") runs longer.
const POST_FOOTER_MAX_WORDS: usize = 40;

fn is_post_footer(paragraph: &str) -> bool {
    let line = paragraph.trim();
    if !POST_FOOTER.is_match(line) || line.split_whitespace().count() > POST_FOOTER_MAX_WORDS {
        return false;
    }
    // "Posted on/by/at" opens sentences too ("Posted on the harbour wall,
    // a notice…"): the footer's says when, or is cut into fields.
    let lower = line.to_lowercase();
    !lower.starts_with("posted ")
        || lower.starts_with("posted in ")
        || lower.starts_with("posted under ")
        || line.contains(['|', '•'])
        || lower.contains("comment")
        || find_date(line).is_some()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_posts_neighbour_links_counters_and_footer_are_not_its_text() {
        assert!(is_neighbour_links("« Last week's swatches | Main | Next week »"));
        assert!(!is_neighbour_links("He said: «it is over» and left."));
        assert!(is_inline_furniture("Image 2 of 5"));
        assert!(is_inline_furniture("Read more »"));
        assert!(is_inline_furniture("Advertise Here"));
        assert!(is_post_footer("Comments RSS"));
        assert!(is_post_footer("Post a Comment Get a Gravatar"));
        assert!(!is_inline_furniture(
            "Read more about the harbour in our guide to the coast."
        ));
        assert!(is_post_footer(
            "Posted by Ann at June 14, 2023 9:01 AM | Permalink"
        ));
        assert!(is_post_footer("Filed under: Knitting, Weather"));
        assert!(!is_post_footer(
            "Posted on the harbour wall, a notice warned walkers of the tide."
        ));
        let teasers = "The council voted to rebuild the wall.\n\nWork starts in May.\n\n\
            Ferry fares to rise in spring\n\nThe harbour board raised fares for the third time. Read more...\n\n\
            2012-11-09\n\nNew lighthouse keeper named\n\nShe starts on Monday. Read more...\n\n2012-11-08";
        assert_eq!(
            without_header_lines(teasers, None),
            "The council voted to rebuild the wall.\n\nWork starts in May."
        );
        let form = "This is only a preview. Your comment has not yet been posted.\n\nPost another comment";
        assert_eq!(
            without_header_lines(&format!("The council voted to rebuild the wall.\n\n{form}"), None),
            "The council voted to rebuild the wall."
        );
        let body = "« Older | Main\n\nThe council voted to rebuild the wall.\n\nImage 1 of 3\n\nWork starts in May.\n\nPosted in News | 3 Comments";
        assert_eq!(
            without_header_lines(body, None),
            "The council voted to rebuild the wall.\n\nWork starts in May."
        );
    }

    use super::*;

    const PROSE: &str = "<p>The council voted on Tuesday to rebuild the harbour wall, a project that has been \
        delayed for a decade, and residents said they were relieved at last.</p>";

    fn page(body: &str) -> String {
        format!("<html><head><title>Harbour wall</title></head><body>{body}</body></html>")
    }

    #[test]
    fn a_page_nested_at_the_limit_is_read_and_deeper_ones_fall_back() {
        let prose = PROSE.repeat(4);
        let nested = |depth: usize| {
            page(&format!(
                "{}{prose}{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            ))
        };
        assert_eq!(nesting_depth(&nested(READABLE_MAX_DEPTH)), READABLE_MAX_DEPTH);
        assert!(readable_article(&nested(READABLE_MAX_DEPTH)).is_some());
        assert!(readable_article(&nested(10_000)).is_none());
    }

    #[test]
    fn a_tag_with_more_attributes_than_real_pages_have_falls_back() {
        let prose = PROSE.repeat(4);
        let with_attributes = |n: usize| {
            let attributes: String = (0..n).map(|i| format!(" data-a{i}=\"1\"")).collect();
            page(&format!("<div{attributes}>{prose}</div>"))
        };
        assert!(readable_article(&with_attributes(READABLE_MAX_ATTRIBUTES)).is_some());
        assert!(readable_article(&with_attributes(READABLE_MAX_ATTRIBUTES + 1)).is_none());
    }

    #[test]
    fn escaping_work_counts_the_look_ahead_from_each_ampersand() {
        assert_eq!(escaping_work("a & b", b'<'), 3);
        assert_eq!(escaping_work("&&<&", b'<'), 2 + 1 + 1);
        assert_eq!(escaping_work("&\"&", b'"'), 1 + 1);
        assert_eq!(escaping_work("plain text", b'<'), 0);
    }

    #[test]
    fn a_long_text_of_ampersands_reads_the_same_in_short_nodes() {
        let words = "Fish & chips, salt & vinegar, bread & butter: the harbour café \u{a0}serves them all. "
            .repeat(400);
        let document = parse(&page(&format!(
            "<p id=x title=\"{}\">{words}</p>",
            "&amp;".repeat(600)
        )));
        bound_escaping(&document);
        let paragraph = document.select("p");
        assert_eq!(paragraph.text().to_string(), words);
        let nodes = paragraph.nodes()[0].children();
        assert!(nodes.len() > 100, "{} text nodes", nodes.len());
        assert!(nodes.iter().all(|n| n.text().len() <= PIECE));
        // The attribute full of ampersands is gone; the others stay.
        assert_eq!(paragraph.attr("id").as_deref(), Some("x"));
        assert!(paragraph.attr("title").is_none());
    }
}
