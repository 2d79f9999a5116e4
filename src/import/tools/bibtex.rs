//! A BibTeX (or biblatex) file, as reference managers and Folio's own
//! export write it: each entry a reference, a link without saved text.
//! What Folio has a field for lands there (title, authors, the journal or
//! newspaper, date, address, URL, keywords as tags); the rest becomes the
//! CSL-JSON fields of its citation (the type, DOI, abstract, publisher,
//! pages, editors…), as a Zotero export's would, given back on export. The
//! mapping is the inverse of `export::bibtex`'s.

use super::bib_syntax::{self, Entry};
use super::item::ToolItem;
use super::latex::plain;
use super::zotero::{csl_date_value, csl_name_text};
use crate::model::Published;
use serde_json::{Map, Value, json};

/// Each entry of a BibTeX file as a reference, or why it could not be read.
pub fn bibtex(text: &str) -> Vec<Result<ToolItem, String>> {
    let found = bib_syntax::entries(text);
    if found.is_empty() {
        return vec![Err("a BibTeX file with no entries".into())];
    }
    found.into_iter().map(|entry| entry.map(reference)).collect()
}

/// The CSL type of a BibTeX entry type; an `@article`'s biblatex
/// `entrysubtype` tells a newspaper's or a magazine's from a journal's.
fn csl_type(entry: &Entry) -> &'static str {
    match entry.kind.as_str() {
        "article" => match entry
            .field("entrysubtype")
            .map(|s| plain(s).to_lowercase())
            .as_deref()
        {
            Some("newspaper") => "article-newspaper",
            Some("magazine") => "article-magazine",
            _ => "article-journal",
        },
        "book" | "mvbook" | "collection" | "proceedings" | "manual" => "book",
        "incollection" | "inbook" | "bookinbook" => "chapter",
        "inproceedings" | "conference" => "paper-conference",
        "phdthesis" | "mastersthesis" | "thesis" => "thesis",
        "techreport" | "report" => "report",
        "online" | "electronic" | "www" => "webpage",
        "unpublished" => "manuscript",
        "booklet" => "pamphlet",
        "patent" => "patent",
        "periodical" => "periodical",
        "dataset" => "dataset",
        "software" => "software",
        _ => "document",
    }
}

/// BibTeX fields that become CSL fields of the citation, as text.
const CITATION_FIELDS: &[(&str, &str)] = &[
    ("publisher", "publisher"),
    ("school", "publisher"),
    ("institution", "publisher"),
    ("organization", "publisher"),
    ("volume", "volume"),
    ("pages", "page"),
    ("edition", "edition"),
    ("isbn", "ISBN"),
    ("issn", "ISSN"),
    ("abstract", "abstract"),
    ("type", "genre"),
];

fn reference(entry: Entry) -> ToolItem {
    let text = |name: &str| entry.field(name).map(plain).filter(|t| !t.is_empty());
    let kind = csl_type(&entry);
    let mut citation = Map::new();
    citation.insert("type".into(), json!(kind));
    if !entry.key.is_empty() {
        citation.insert("citation-key".into(), json!(entry.key));
    }
    for (field, csl) in CITATION_FIELDS {
        if let Some(value) = text(field) {
            citation.entry(*csl).or_insert(json!(value));
        }
    }
    // A report's or a patent's number is its number, an article's its issue.
    if let Some(number) = text("number").or_else(|| text("issue")) {
        let csl = if matches!(kind, "report" | "patent") {
            "number"
        } else {
            "issue"
        };
        citation.insert(csl.into(), json!(number));
    }
    if let Some(doi) = entry.field("doi").and_then(verbatim) {
        citation.insert("DOI".into(), json!(doi));
    }
    if let Some(accessed) = text("urldate").and_then(|d| Published::from_iso(&d)) {
        citation.insert("accessed".into(), csl_date_value(accessed));
    }
    let authors = entry.field("author").map(csl_names).unwrap_or_default();
    if !authors.is_empty() {
        citation.insert("author".into(), Value::Array(authors.clone()));
    }
    if let Some(editors) = entry.field("editor").map(csl_names).filter(|e| !e.is_empty()) {
        citation.insert("editor".into(), Value::Array(editors));
    }
    // Folio's export writes the section into the note ("Section: Business"),
    // before any note the citation had.
    let (section, note) = match text("note") {
        Some(note) => match note.strip_prefix("Section: ") {
            Some(rest) => match rest.split_once(". ") {
                Some((section, rest)) => (Some(section.to_string()), Some(rest.to_string())),
                None => (Some(rest.to_string()), None),
            },
            None => (None, Some(note)),
        },
        None => (None, None),
    };
    if let Some(note) = note {
        citation.insert("note".into(), json!(note));
    }
    let mut url = entry.field("url").and_then(verbatim);
    let mut source = ["journal", "journaltitle", "booktitle", "series", "howpublished"]
        .iter()
        .find_map(|f| text(f));
    // `howpublished = {\url{…}}`, as many files give a web page's address.
    if let Some(address) = entry.field("howpublished").and_then(verbatim)
        && (address.starts_with("http://") || address.starts_with("https://"))
    {
        url = url.or(Some(address));
        source = source.filter(|s| !s.starts_with("http"));
    }
    let (published, date_remark) = published(&entry);
    let language = text("language").or_else(|| text("langid"));
    let remark: Vec<String> = entry.warnings.iter().cloned().chain(date_remark).collect();
    ToolItem {
        title: text("title"),
        url,
        source,
        section,
        authors: authors.iter().filter_map(csl_name_text).collect(),
        published,
        place: text("address").or_else(|| text("location")),
        // A language tag ("en", "pt-BR") is the article's; a name
        // ("english", as biblatex's langid) is kept with the citation.
        language: language.clone().filter(|l| is_language_tag(l)),
        tags: text("keywords")
            .map(|k| {
                k.split([',', ';'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        note: text("annote").or_else(|| text("annotation")),
        citation: Some({
            if let Some(name) = language.filter(|l| !is_language_tag(l)) {
                citation.insert("language".into(), json!(name));
            }
            citation
        }),
        record: Some(json!({
            "type": entry.kind,
            "key": entry.key,
            "fields": entry
                .fields
                .iter()
                .map(|(name, value)| (name.clone(), json!(value)))
                .collect::<Map<String, Value>>(),
        })),
        remark: (!remark.is_empty()).then(|| remark.join("; ")),
        ..ToolItem::default()
    }
}

/// An address or a DOI as written, not as LaTeX prints it (a `~` or a
/// `--` in it is part of it): braces and a `\url` around it dropped, the
/// characters some files escape (`\_`, `\%`, `\&`, `\#`) unescaped.
fn verbatim(source: &str) -> Option<String> {
    let source = source.trim();
    let source = source.strip_prefix("\\url").unwrap_or(source);
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' if chars
                .peek()
                .is_some_and(|n| matches!(n, '_' | '%' | '&' | '#' | '$' | '~')) => {}
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    (!out.is_empty()).then_some(out)
}

fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The date of publication: biblatex's `date` (ISO, the start of a range),
/// else `year` with `month` (a number, a name or its abbreviation) and
/// `day`; and what could not be read of it.
fn published(entry: &Entry) -> (Option<Published>, Option<String>) {
    let text = |name: &str| entry.field(name).map(plain).filter(|t| !t.is_empty());
    if let Some(date) = text("date") {
        let start = date.split('/').next().unwrap_or_default();
        if let Some(p) = Published::from_iso(start) {
            return (Some(p), None);
        }
    }
    let Some(year) = text("year") else {
        return (None, text("date").map(|d| format!("left out the date “{d}”")));
    };
    let Some(year) = year.trim().parse::<i32>().ok().filter(|y| (1..=9999).contains(y)) else {
        return (None, Some(format!("left out the year “{year}”")));
    };
    let month = text("month").and_then(|m| month_number(&m));
    let day = text("day").and_then(|d| d.trim().parse::<u32>().ok());
    let iso = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    };
    (Published::from_iso(&iso), None)
}

/// A month as BibTeX files write it: `5`, `May`, `may`, `Sept.`.
fn month_number(text: &str) -> Option<u32> {
    let text = text.trim().trim_end_matches('.').to_lowercase();
    if let Ok(n) = text.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if text.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|n| n.starts_with(text.as_str()))
        .map(|i| i as u32 + 1)
}

/// The words of `text` outside braces, split where BibTeX splits them:
/// on `sep` at brace depth zero.
fn split_outside_braces<'a>(text: &'a str, sep: &str) -> Vec<&'a str> {
    let bytes = text.as_bytes();
    let lower = text.to_ascii_lowercase().into_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ if depth == 0 && lower[i..].starts_with(sep.as_bytes()) => {
                parts.push(&text[start..i]);
                i += sep.len();
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&text[start..]);
    parts
}

/// A name list (`author = {Lima, Ana and {Le Monde avec AFP}}`) as CSL
/// names: one wholly in braces a literal (an organisation), a person's
/// parts as BibTeX reads them ("von Last, Jr, First" or "First von Last").
fn csl_names(source: &str) -> Vec<Value> {
    let source = source.split_whitespace().collect::<Vec<_>>().join(" ");
    split_outside_braces(&source, " and ")
        .into_iter()
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "others")
        .filter_map(csl_name)
        .collect()
}

fn csl_name(source: &str) -> Option<Value> {
    if is_one_group(source) {
        let literal = plain(source);
        return (!literal.is_empty()).then(|| json!({ "literal": literal }));
    }
    let parts: Vec<&str> = split_outside_braces(source, ",")
        .into_iter()
        .map(str::trim)
        .collect();
    let (von_last, suffix, given) = match parts.as_slice() {
        [whole] => {
            // "First von Last": the von part starts at the first word in
            // lower case (not the last word, which is the family name).
            let words = split_outside_braces(whole, " ");
            let last = words.len().saturating_sub(1);
            let von = words[..last].iter().position(|w| starts_lower(w)).unwrap_or(last);
            (words[von..].join(" "), String::new(), words[..von].join(" "))
        }
        [von_last, given] => (von_last.to_string(), String::new(), given.to_string()),
        [von_last, suffix, given, ..] => (von_last.to_string(), suffix.to_string(), given.to_string()),
        [] => return None,
    };
    let words = split_outside_braces(&von_last, " ");
    // The von part: the leading words in lower case, the family name at
    // least the last word.
    let von = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| starts_lower(w))
        .count();
    let mut name = Map::new();
    for (key, value) in [
        ("given", given),
        ("non-dropping-particle", words[..von].join(" ")),
        ("family", words[von..].join(" ")),
        ("suffix", suffix),
    ] {
        let value = plain(&value);
        if !value.is_empty() {
            name.insert(key.into(), json!(value));
        }
    }
    (name.contains_key("family") || name.contains_key("given")).then_some(Value::Object(name))
}

/// Whether a word starts with a lower-case letter outside braces (BibTeX's
/// sign of a "von" part: `van`, `de`, `{\'e}`… not a braced word).
fn starts_lower(word: &str) -> bool {
    !word.starts_with('{') && word.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a name is one brace group, `{Le Monde avec AFP}`.
fn is_one_group(text: &str) -> bool {
    if !text.starts_with('{') {
        return false;
    }
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1 == text.len();
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_people_and_organisations_as_bibtex_reads_them() {
        assert_eq!(
            csl_names("{Le Monde avec AFP} and Lima, Ana and van Beethoven, Jr., Ludwig"),
            vec![
                json!({"literal": "Le Monde avec AFP"}),
                json!({"given": "Ana", "family": "Lima"}),
                json!({"given": "Ludwig", "non-dropping-particle": "van", "family": "Beethoven", "suffix": "Jr."}),
            ]
        );
        assert_eq!(
            csl_names("Charles Louis de La Vall{\\'e}e Poussin and {Rodham and Clinton Associates}"),
            vec![
                json!({"given": "Charles Louis", "non-dropping-particle": "de", "family": "La Vallée Poussin"}),
                json!({"literal": "Rodham and Clinton Associates"}),
            ]
        );
        assert_eq!(csl_names("Plato and others"), vec![json!({"family": "Plato"})]);
    }

    #[test]
    fn months_by_number_name_or_abbreviation() {
        for (text, n) in [
            ("5", Some(5)),
            ("May", Some(5)),
            ("sep", Some(9)),
            ("Sept.", Some(9)),
            ("13", None),
            ("Mayday", None),
        ] {
            assert_eq!(month_number(text), n, "{text}");
        }
    }
}
