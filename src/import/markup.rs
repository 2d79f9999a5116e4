//! A census of a page's markup in one pass: how many elements it opens and
//! the most attributes any one tag carries. The HTML parser behind
//! Readability (html5ever) checks each new attribute against all the tag's
//! others, so a tag with a million attributes takes it hours; the census
//! tells such a page before it is parsed, in time linear in its size.
//!
//! It follows HTML's tokenizer as far as finding tags needs: comments,
//! quoted attribute values (which may hold `>`), and the elements whose
//! content is text (`script`, `style`, `textarea`, `title` …), where a `<`
//! opens no tag.

/// What the census counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Census {
    /// Start tags: the elements a parser would create.
    pub elements: usize,
    /// The most attributes on one tag (start or end tag: the parser reads both).
    pub most_attributes: usize,
}

/// Elements whose content the tokenizer reads as text up to their own
/// closing tag (`noscript` is not among them: Readability's parser reads
/// pages with scripting off, so it parses what a `noscript` holds).
const TEXT_ONLY: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
];

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// Where `needle` next occurs in `bytes` from `from`, ignoring ASCII case.
fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let from = from.min(bytes.len());
    bytes[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|at| from + at)
}

/// The counts of `html`'s markup.
pub fn census(html: &str) -> Census {
    let bytes = html.as_bytes();
    let mut census = Census::default();
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| b == b'<') {
        let open = at + found;
        let next = bytes.get(open + 1).copied();
        at = match next {
            Some(b'!') if bytes[open..].starts_with(b"<!--") => {
                // A comment ends at the first `-->` or `--!>`, which may
                // share the dashes that opened it (`<!-->`).
                let plain = find_from(bytes, open + 2, b"-->").map(|e| e + 3);
                let banged = find_from(bytes, open + 2, b"--!>").map(|e| e + 4);
                match (plain, banged) {
                    (Some(a), Some(b)) => a.min(b),
                    (a, b) => a.or(b).unwrap_or(bytes.len()),
                }
            }
            // A doctype, a CDATA section or a processing instruction: up to `>`.
            Some(b'!' | b'?') => find_from(bytes, open, b">").map_or(bytes.len(), |e| e + 1),
            Some(b'/') if bytes.get(open + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let tag = read_tag(bytes, open + 2);
                census.most_attributes = census.most_attributes.max(tag.attributes);
                tag.end
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let tag = read_tag(bytes, open + 1);
                census.elements += 1;
                census.most_attributes = census.most_attributes.max(tag.attributes);
                let name = &bytes[open + 1..tag.name_end];
                if name.eq_ignore_ascii_case(b"plaintext") {
                    // Everything after it is text.
                    break;
                }
                match TEXT_ONLY.iter().find(|t| name.eq_ignore_ascii_case(t.as_bytes())) {
                    Some(text_only) => text_end(bytes, tag.end, text_only),
                    None => tag.end,
                }
            }
            // A `<` that opens nothing is text.
            _ => open + 1,
        };
    }
    census
}

/// Where the text content of a `script` or the like ends: at its closing
/// tag (`</script` followed by a space, `/` or `>`), or at the end.
fn text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let closing = format!("</{name}");
    let mut at = from;
    while let Some(found) = find_from(bytes, at, closing.as_bytes()) {
        let after = found + closing.len();
        match bytes.get(after) {
            None => return bytes.len(),
            Some(&b) if is_space(b) || b == b'/' || b == b'>' => return found,
            Some(_) => at = after,
        }
    }
    bytes.len()
}

/// One tag as the tokenizer reads it.
struct Tag {
    /// Where its name ends.
    name_end: usize,
    /// Just past its closing `>` (or the end of the page).
    end: usize,
    attributes: usize,
}

/// The states of HTML's tokenizer inside a tag.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Name,
    BeforeAttribute,
    AttributeName,
    AfterAttributeName,
    BeforeValue,
    Quoted(u8),
    Unquoted,
    AfterQuoted,
    SelfClosing,
}

/// Reads a tag from its name (just past `<` or `</`) to its closing `>`,
/// counting its attributes as the tokenizer does: a name begins an
/// attribute wherever one may begin, and a `>` inside quotes ends nothing.
fn read_tag(bytes: &[u8], from: usize) -> Tag {
    let mut state = State::Name;
    let mut name_end = bytes.len();
    let mut attributes = 0;
    let mut at = from;
    while at < bytes.len() {
        let b = bytes[at];
        at += 1;
        // The states that end the tag at `>` do so alike.
        let closes = b == b'>' && !matches!(state, State::Quoted(_));
        if closes {
            if state == State::Name {
                name_end = at - 1;
            }
            return Tag {
                name_end,
                end: at,
                attributes,
            };
        }
        state = match state {
            State::Name if is_space(b) || b == b'/' => {
                name_end = at - 1;
                if b == b'/' {
                    State::SelfClosing
                } else {
                    State::BeforeAttribute
                }
            }
            State::Name => State::Name,
            // Between attributes, spaces only part them (and end a `/`
            // that closed nothing).
            State::BeforeAttribute | State::AfterAttributeName if is_space(b) => state,
            State::AfterQuoted | State::SelfClosing if is_space(b) => State::BeforeAttribute,
            State::BeforeAttribute | State::AfterAttributeName | State::AfterQuoted | State::SelfClosing
                if b == b'/' =>
            {
                State::SelfClosing
            }
            State::AfterAttributeName if b == b'=' => State::BeforeValue,
            // Anything else begins an attribute (the tokenizer takes even
            // `=` or a quote as the first letter of a name, in error).
            State::BeforeAttribute | State::AfterAttributeName | State::AfterQuoted | State::SelfClosing => {
                attributes += 1;
                State::AttributeName
            }
            State::AttributeName if is_space(b) || b == b'/' => {
                if b == b'/' {
                    State::SelfClosing
                } else {
                    State::AfterAttributeName
                }
            }
            State::AttributeName if b == b'=' => State::BeforeValue,
            State::AttributeName => State::AttributeName,
            State::BeforeValue if is_space(b) => State::BeforeValue,
            State::BeforeValue if b == b'"' || b == b'\'' => State::Quoted(b),
            State::BeforeValue => State::Unquoted,
            State::Quoted(quote) if b == quote => State::AfterQuoted,
            State::Quoted(quote) => State::Quoted(quote),
            State::Unquoted if is_space(b) => State::BeforeAttribute,
            State::Unquoted => State::Unquoted,
        };
    }
    Tag {
        name_end: name_end.min(bytes.len()),
        end: bytes.len(),
        attributes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_elements_and_attributes_as_the_tokenizer_reads_them() {
        let page = r#"<!DOCTYPE html><html lang="en"><head><title>a <b c d e f> title</title>
            <script>if (a<b) { x = "<div p q r s t u>"; }</script></head>
            <body><!-- <div h i j k l m n o> --><p class=x id='y' hidden>One &lt; two</p>
            <a title="a > b" href=/x data-x>link</a><br/><img src="i.png"/></body></html>"#;
        assert_eq!(
            census(page),
            Census {
                elements: 9,
                most_attributes: 3
            }
        );
        // Quoted values with `>` in them hide no attribute.
        let tricky = format!(
            "<div {}>",
            (0..50).map(|i| format!("a{i}=\">\"")).collect::<String>()
        );
        assert_eq!(census(&tricky).most_attributes, 50);
        // Unclosed comments and tags run to the end.
        assert_eq!(census("<p>x<!-- <div a b c>").elements, 1);
        assert_eq!(census("<p a b c").most_attributes, 3);
        assert_eq!(census("<<<< a < b <3 </ >").elements, 0);
    }
}
