//! The syntax of a BibTeX file: entries `@type{key, field = value, …}`
//! (or in parentheses), values in braces, in quotes, numbers or `@string`
//! names joined by `#`; `@comment` and `@preamble` passed over, and text
//! between entries ignored, as BibTeX does. Values are given as their LaTeX
//! source (inner braces kept: they tell a corporate name from a person's);
//! [`super::latex`] makes text of them.
//!
//! A damaged entry is one error, and reading resumes at the next line that
//! begins an entry: an unclosed brace never swallows the rest of the file.
//! Scanning is by bytes (every character the syntax uses is ASCII, so each
//! slice falls on a character boundary) and never recursive.

use std::collections::HashMap;

/// One entry as the file wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its type, lower case (`article`, `book`…).
    pub kind: String,
    pub key: String,
    /// Field names lower case, values as LaTeX source; the first of a
    /// field named twice.
    pub fields: Vec<(String, String)>,
    /// What was odd but readable (a `@string` name never defined).
    pub warnings: Vec<String>,
}

impl Entry {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Whether `text` (a file's start) is BibTeX: after blank lines and `%`
/// comments, its first line opens an entry, `@type{key,` or an
/// `@string`/`@comment`/`@preamble`. A clipping that begins with a
/// handle (`@Reuters: …`) is not one.
pub fn looks_like(text: &str) -> bool {
    let Some(line) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('%'))
    else {
        return false;
    };
    let mut scan = Scanner::new(line);
    if !scan.eat(b'@') {
        return false;
    }
    let kind = scan.name().to_lowercase();
    scan.skip_space();
    if kind.is_empty() || !(scan.eat(b'{') || scan.eat(b'(')) {
        return false;
    }
    if matches!(kind.as_str(), "string" | "comment" | "preamble") {
        return true;
    }
    scan.skip_space();
    let key = scan.take_while(|b| !matches!(b, b',' | b'}' | b')') && !b.is_ascii_whitespace());
    !key.is_empty() && {
        scan.skip_space();
        scan.eat(b',') || scan.at_end()
    }
}

/// The entries of a BibTeX file, each read or why it could not be.
pub fn entries(text: &str) -> Vec<Result<Entry, String>> {
    // BibTeX's own abbreviations: the months.
    let mut strings: HashMap<String, String> = crate::model::MONTH_NAMES
        .iter()
        .map(|m| (m[..3].to_lowercase(), m.to_string()))
        .collect();
    let mut found = Vec::new();
    let mut scan = Scanner::new(text);
    // The line an entry starts on, counted on from the last one's (counted
    // from the file's start each time, a large file would take minutes).
    let (mut line, mut counted_to) = (1, 0);
    while let Some(at) = scan.rest().find('@') {
        let start = scan.pos + at;
        scan.pos = start + 1;
        let kind = scan.name().to_lowercase();
        scan.skip_space();
        let close = if scan.eat(b'{') {
            b'}'
        } else if scan.eat(b'(') {
            b')'
        } else {
            // An `@` in the text between entries (an address in a comment).
            continue;
        };
        line += text.as_bytes()[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        let read = match kind.as_str() {
            "" => Err("an “@” with no entry type".to_string()),
            "comment" | "preamble" => scan.group_body(close).map(|_| None),
            "string" => scan.string_definition(close, &strings).map(|(name, value)| {
                strings.insert(name, value);
                None
            }),
            _ => scan.entry(kind, close, &strings).map(Some),
        };
        match read {
            Ok(Some(entry)) => found.push(Ok(entry)),
            Ok(None) => {}
            Err(why) => {
                let key = entry_key(&text[start..]);
                found.push(Err(format!("the entry {key}at line {line} is damaged: {why}")));
                scan.pos = next_entry_line(text, start + 1);
            }
        }
    }
    found
}

/// `“key” ` of an entry's source, when it has one, for its report line.
fn entry_key(source: &str) -> String {
    let key = source
        .split_once(['{', '('])
        .map(|(_, rest)| rest.split([',', '\n', '}']).next().unwrap_or_default().trim())
        .unwrap_or_default();
    if key.is_empty() || key.len() > 100 {
        String::new()
    } else {
        format!("“{key}” ")
    }
}

/// Where the next line that opens an entry starts, after `from`.
fn next_entry_line(text: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(nl) = text.get(at..).and_then(|r| r.find('\n')) {
        at += nl + 1;
        if opens_entry(&text[at..]) {
            return at;
        }
    }
    text.len()
}

/// Whether a line begins an entry (`@name{` or `@name(`, spaces allowed).
fn opens_entry(line: &str) -> bool {
    let mut scan = Scanner::new(line);
    while scan.eat(b' ') || scan.eat(b'\t') {}
    scan.eat(b'@') && !scan.name().is_empty() && {
        scan.skip_space();
        scan.eat(b'{') || scan.eat(b'(')
    }
}

/// The longest `@string` Folio takes, and how much text all the uses of
/// `@string`s in a file may add up to: an abbreviation that joins another
/// with itself, a few times over, would otherwise fill the memory.
const MAX_STRING_BYTES: usize = 64 * 1024;
const MAX_EXPANDED_BYTES: usize = 64 * 1024 * 1024;

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    /// The bytes `@string` names have stood for so far.
    expanded: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            expanded: 0,
        }
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let matched = self.peek() == Some(byte);
        if matched {
            self.pos += 1;
        }
        matched
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// A type, field or `@string` name: what BibTeX allows in one (any
    /// printable character but its own punctuation), non-ASCII included.
    fn name(&mut self) -> &'a str {
        self.take_while(|b| {
            !b.is_ascii_whitespace()
                && !b.is_ascii_control()
                && !matches!(
                    b,
                    b'{' | b'}' | b'(' | b')' | b',' | b'=' | b'"' | b'#' | b'%' | b'\'' | b'@'
                )
        })
    }

    /// Whether the scan is at a line that opens another entry: a group
    /// still open there was never closed.
    fn at_next_entry(&self) -> bool {
        self.pos > 0 && self.text.as_bytes()[self.pos - 1] == b'\n' && opens_entry(self.rest())
    }

    /// The text up to the brace (or parenthesis) that closes a group whose
    /// opening was just read, braces inside counted; the scan goes past it.
    fn group_body(&mut self, close: u8) -> Result<&'a str, String> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            if b == b'\n' {
                self.pos += 1;
                if self.at_next_entry() {
                    return Err("a brace opened is never closed".into());
                }
                continue;
            }
            if b == close && depth == 0 {
                let body = &self.text[start..self.pos];
                self.pos += 1;
                return Ok(body);
            }
            match b {
                b'{' => depth += 1,
                b'}' => {
                    if depth == 0 {
                        return Err("a closing brace has no opening one".into());
                    }
                    depth -= 1;
                }
                _ => {}
            }
            self.pos += 1;
        }
        Err("the file ends before the entry does".into())
    }

    /// A quoted value's text, up to the `"` outside braces that closes it.
    fn quoted(&mut self) -> Result<&'a str, String> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'"' if depth == 0 => return Ok(&self.text[start..self.pos - 1]),
                b'{' => depth += 1,
                b'}' if depth == 0 => return Err("a closing brace has no opening one".into()),
                b'}' => depth -= 1,
                b'\n' if self.at_next_entry() => return Err("a quote opened is never closed".into()),
                _ => {}
            }
        }
        Err("the file ends before the quoted value does".into())
    }

    /// A value: parts joined by `#`, each braced, quoted, a number or the
    /// name of an `@string`.
    fn value(
        &mut self,
        strings: &HashMap<String, String>,
        warnings: &mut Vec<String>,
    ) -> Result<String, String> {
        let mut value = String::new();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    value.push_str(self.group_body(b'}')?);
                }
                Some(b'"') => {
                    self.pos += 1;
                    value.push_str(self.quoted()?);
                }
                Some(b) if b.is_ascii_digit() => value.push_str(self.take_while(|b| b.is_ascii_digit())),
                _ => {
                    let name = self.name();
                    if name.is_empty() {
                        return Err(match self.peek() {
                            None => "the file ends where a value should be".into(),
                            Some(_) => format!("a value is missing before “{}”", snippet(self.rest())),
                        });
                    }
                    match strings.get(&name.to_lowercase()) {
                        Some(text) => {
                            self.expanded += text.len();
                            if self.expanded > MAX_EXPANDED_BYTES {
                                return Err("the file's @strings stand for more than 64 MB of text".into());
                            }
                            value.push_str(text);
                        }
                        None => {
                            warnings.push(format!("“{name}” is no @string of the file, kept as written"));
                            value.push_str(name);
                        }
                    }
                }
            }
            self.skip_space();
            if !self.eat(b'#') {
                return Ok(value);
            }
        }
    }

    /// `name = value` and the close of an `@string`.
    fn string_definition(
        &mut self,
        close: u8,
        strings: &HashMap<String, String>,
    ) -> Result<(String, String), String> {
        self.skip_space();
        let name = self.name().to_lowercase();
        self.skip_space();
        if name.is_empty() || !self.eat(b'=') {
            return Err("an @string without “name = value”".into());
        }
        let value = self.value(strings, &mut Vec::new())?;
        if value.len() > MAX_STRING_BYTES {
            return Err(format!("the @string “{name}” is longer than 64 KB"));
        }
        self.skip_space();
        if !self.eat(close) {
            return Err("an @string is not closed".into());
        }
        Ok((name, value))
    }

    /// An entry after its opening brace: its key and fields up to its close.
    fn entry(&mut self, kind: String, close: u8, strings: &HashMap<String, String>) -> Result<Entry, String> {
        self.skip_space();
        let key = self
            .take_while(|b| b != b',' && b != close && !b.is_ascii_whitespace())
            .to_string();
        let mut entry = Entry {
            kind,
            key,
            fields: Vec::new(),
            warnings: Vec::new(),
        };
        loop {
            self.skip_space();
            if self.eat(close) {
                return Ok(entry);
            }
            if !self.eat(b',') {
                return Err(match self.peek() {
                    None => "the file ends before the entry does".into(),
                    Some(_) => format!(
                        "a comma or the entry's end was expected before “{}”",
                        snippet(self.rest())
                    ),
                });
            }
            self.skip_space();
            if self.eat(close) {
                return Ok(entry);
            }
            let name = self.name().to_lowercase();
            self.skip_space();
            if name.is_empty() || !self.eat(b'=') {
                return Err(format!("a field was expected before “{}”", snippet(self.rest())));
            }
            let value = self.value(strings, &mut entry.warnings)?;
            if entry.field(&name).is_none() {
                entry.fields.push((name, value));
            }
        }
    }
}

/// The start of what follows, to show where a file went wrong.
fn snippet(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let short: String = line.chars().take(30).collect();
    if short.len() < line.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_strings_and_concatenation() {
        let found = entries(
            "% a comment, me@example.org\n@string{gaz = \"Harbour \" # {Gazette}}\n\
             @comment{anything {at all}}\n@Article(k1, title = {A {B} c}, journal = gaz # \" daily\", \
             year = 2023, month = may,)\n",
        );
        assert_eq!(found.len(), 1);
        let entry = found[0].as_ref().unwrap();
        assert_eq!((entry.kind.as_str(), entry.key.as_str()), ("article", "k1"));
        assert_eq!(entry.field("title"), Some("A {B} c"));
        assert_eq!(entry.field("journal"), Some("Harbour Gazette daily"));
        assert_eq!(entry.field("year"), Some("2023"));
        assert_eq!(entry.field("month"), Some("May"));
    }

    #[test]
    fn a_damaged_entry_is_one_error_and_the_next_is_read() {
        let found = entries(
            "@article{a, title={One}}\n@article{b, title={Two\n@article{c, title={Three}}\n\
             @article{d, title = \"Four\" year = 1}\n@book{e, title={Five}}",
        );
        let titles: Vec<_> = found
            .iter()
            .map(|e| {
                e.as_ref()
                    .map(|e| e.field("title").unwrap_or_default().to_string())
            })
            .collect();
        assert_eq!(titles[0], Ok("One".into()));
        assert!(
            titles[1].as_ref().unwrap_err().contains("“b” at line 2"),
            "{titles:?}"
        );
        assert_eq!(titles[2], Ok("Three".into()));
        assert!(
            titles[3].as_ref().unwrap_err().contains("“d” at line 4"),
            "{titles:?}"
        );
        assert_eq!(titles[4], Ok("Five".into()));
        assert_eq!(titles.len(), 5);
    }

    #[test]
    fn strings_that_double_themselves_are_stopped_not_followed() {
        let mut bib = String::from("@string{s0 = {0123456789}}\n");
        for n in 1..40 {
            bib.push_str(&format!("@string{{s{n} = s{} # s{}}}\n", n - 1, n - 1));
        }
        bib.push_str("@misc{a, title = s39}\n@misc{b, title = s3}\n");
        let found = entries(&bib);
        assert!(
            found
                .iter()
                .any(|e| e.as_ref().is_err_and(|e| e.contains("longer than 64 KB")))
        );
        let b = found.last().unwrap().as_ref().unwrap();
        assert_eq!(b.field("title").map(str::len), Some(80));
    }

    #[test]
    fn bibtex_is_told_from_a_clipping_that_begins_with_a_handle() {
        assert!(looks_like(
            "% Encoding: UTF-8\n\n@Article{lima2023,\n  title = {X}}"
        ));
        assert!(looks_like("@string{gaz = {Gazette}}"));
        assert!(!looks_like(
            "@Reuters: the port reopened on Tuesday, officials said."
        ));
        assert!(!looks_like("@home {with friends}, a column"));
        assert!(!looks_like("The port reopened.\n@article{a,"));
    }
}
