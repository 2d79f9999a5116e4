//! BibTeX, an `@article` per article (with biblatex's `date` beside the
//! classic `year` and `month`). BibTeX finds where a field ends by counting
//! braces, backslash or not, so one stray brace in a title would swallow
//! the rest of the file: every value written here has its braces in pairs.

use super::author_names;
use super::formats::{citation_keys, published, title};
use crate::model::DatePrecision;
use crate::model::library_export::ExportedArticle;
use serde_json::Value;

/// A field's text as LaTeX reads it back: TeX's special characters
/// escaped, a brace that has its partner in the text as `\{` `\}` (which
/// readers know best), a lone one by its LaTeX name so the count stays
/// even, no two characters left that TeX would join into one, and
/// whitespace as TeX reads it.
fn bibtex_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let paired = paired_braces(&chars);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '{' | '}' if paired[i] => {
                out.push('\\');
                out.push(c);
            }
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            // A blank line ends a paragraph in TeX, which a field cannot
            // hold; any run of spaces, line ends or controls is one space.
            c if c.is_whitespace() || c.is_control() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
        if chars.get(i + 1).is_some_and(|&next| tex_ligature(c, next)) {
            out.push_str("{}");
        }
    }
    out
}

/// Whether TeX joins the two characters into one: `--` into a dash, two
/// quotes into a curly one, `<<` into a guillemet, `!`` into `¡`. An empty
/// group between keeps them as they were typed.
fn tex_ligature(first: char, second: char) -> bool {
    (first == second && matches!(first, '-' | '`' | '\'' | '<' | '>' | ','))
        || (matches!(first, '!' | '?') && second == '`')
}

/// Which braces close one another, as a reader nests them.
fn paired_braces(chars: &[char]) -> Vec<bool> {
    let mut paired = vec![false; chars.len()];
    let mut open = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '{' => open.push(i),
            '}' => {
                if let Some(start) = open.pop() {
                    paired[start] = true;
                    paired[i] = true;
                }
            }
            _ => {}
        }
    }
    paired
}

/// One CSL name as BibTeX reads it: a person as "von Last, Jr, First"
/// (so the particles of "van Beethoven" are read as such), anything else
/// in braces, which BibTeX takes as one name to print as it is.
fn bibtex_name(name: &Value) -> Option<String> {
    let part = |key: &str| name[key].as_str().map(str::trim).filter(|s| !s.is_empty());
    if let Some(literal) = part("literal") {
        return Some(format!("{{{}}}", bibtex_text(literal)));
    }
    // BibTeX has one place for particles, its "von" part before the
    // family name, lower-case words it reads as such.
    let family: Vec<&str> = ["dropping-particle", "non-dropping-particle", "family"]
        .iter()
        .filter_map(|k| part(k))
        .collect();
    let given: Vec<&str> = part("given").into_iter().collect();
    if family.is_empty() {
        return part("given").map(|g| format!("{{{}}}", bibtex_text(g)));
    }
    let mut out = bibtex_text(&family.join(" "));
    if let Some(suffix) = part("suffix") {
        out.push_str(&format!(", {}", bibtex_text(suffix)));
    }
    if !given.is_empty() {
        out.push_str(&format!(", {}", bibtex_text(&given.join(" "))));
    }
    Some(out)
}

/// A name list (`author`, `editor`): its CSL names joined by "and".
fn bibtex_names(names: &[Value]) -> String {
    names
        .iter()
        .filter_map(bibtex_name)
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A URL or a DOI as the `url` and `doi` fields hold them: verbatim,
/// except braces, which are percent-encoded (the same address) so the
/// field's own stay paired.
fn bibtex_url(url: &str) -> String {
    url.replace('{', "%7B").replace('}', "%7D")
}

/// The BibTeX entry type of a CSL type, and the field that names the
/// work it appears in (a newspaper, a book of chapters, a conference).
fn entry_type(csl_type: &str) -> (&'static str, &'static str) {
    match csl_type {
        "book" => ("book", "series"),
        "chapter" | "entry-dictionary" | "entry-encyclopedia" => ("incollection", "booktitle"),
        "paper-conference" => ("inproceedings", "booktitle"),
        "thesis" => ("phdthesis", "series"),
        "report" => ("techreport", "series"),
        "article" | "article-journal" | "article-magazine" | "article-newspaper" | "review"
        | "review-book" => ("article", "journal"),
        // Patents, web pages, posts, recordings…: BibTeX's catch-all.
        _ => ("misc", "howpublished"),
    }
}

pub fn bibtex(articles: &[ExportedArticle]) -> String {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut out = String::new();
    for (a, key) in articles.iter().zip(citation_keys(articles)) {
        let citation = a.citation.clone().unwrap_or_default();
        let cited = |field: &str| {
            citation
                .get(field)
                .and_then(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .or_else(|| v.as_i64().map(|n| n.to_string()))
                })
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let csl_type = cited("type").unwrap_or_else(|| "article-newspaper".into());
        let (kind, container) = entry_type(&csl_type);
        let braced = |text: &str| format!("{{{}}}", bibtex_text(text));
        let mut fields: Vec<(String, String)> = vec![("title".into(), braced(title(a)))];
        if let Some(source) = &a.source {
            fields.push((container.into(), braced(source)));
        }
        let authors = author_names::csl_names(a, "author");
        if !authors.is_empty() {
            fields.push(("author".into(), format!("{{{}}}", bibtex_names(&authors))));
        }
        let editors = author_names::csl_names(a, "editor");
        if !editors.is_empty() {
            fields.push(("editor".into(), format!("{{{}}}", bibtex_names(&editors))));
        }
        if let Some(p) = published(a) {
            use chrono::Datelike;
            fields.push(("year".into(), format!("{{{}}}", p.date.year())));
            if p.precision != DatePrecision::Year {
                fields.push(("month".into(), MONTHS[p.date.month0() as usize].to_string()));
            }
            fields.push((
                "date".into(),
                format!("{{{}}}", p.to_iso().get(..10).unwrap_or(&p.to_iso())),
            ));
        }
        // A thesis's university is its publisher in CSL, its school here.
        let publisher_field = match kind {
            "phdthesis" => "school",
            "techreport" => "institution",
            _ => "publisher",
        };
        for (csl, field) in [
            ("publisher", publisher_field),
            ("volume", "volume"),
            ("issue", "number"),
            ("number", "number"),
            ("page", "pages"),
            ("edition", "edition"),
            ("ISBN", "isbn"),
            ("ISSN", "issn"),
            ("abstract", "abstract"),
            ("genre", "type"),
        ] {
            if let Some(value) = cited(csl)
                && !fields.iter().any(|(f, _)| f == field)
            {
                fields.push((field.into(), braced(&value)));
            }
        }
        let mut notes: Vec<String> = Vec::new();
        if let Some(section) = &a.section {
            notes.push(format!("Section: {section}"));
        }
        notes.extend(cited("note"));
        if !notes.is_empty() {
            fields.push(("note".into(), braced(&notes.join(". "))));
        }
        if let Some(place) = &a.publisher_place {
            fields.push(("address".into(), braced(place)));
        }
        // biblatex's mark of a newspaper's or a magazine's article, which
        // BibTeX ignores: the type comes back when the file is read.
        match csl_type.as_str() {
            "article-newspaper" => fields.push(("entrysubtype".into(), "{newspaper}".into())),
            "article-magazine" => fields.push(("entrysubtype".into(), "{magazine}".into())),
            _ => {}
        }
        // Keywords, as reference managers read tags.
        if !a.tags.is_empty() {
            fields.push(("keywords".into(), braced(&a.tags.join(", "))));
        }
        if let Some(doi) = cited("DOI") {
            fields.push(("doi".into(), format!("{{{}}}", bibtex_url(&doi))));
        }
        if let Some(url) = &a.url {
            fields.push(("url".into(), format!("{{{}}}", bibtex_url(url))));
        }
        if let Some(accessed) = citation.get("accessed").and_then(crate::import::tools::csl_date) {
            fields.push(("urldate".into(), format!("{{{}}}", accessed.to_iso())));
        }
        out.push_str(&format!("@{kind}{{{key},\n"));
        let lines: Vec<String> = fields.iter().map(|(k, v)| format!("  {k} = {v}")).collect();
        out.push_str(&lines.join(",\n"));
        out.push_str("\n}\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Braces as BibTeX counts them: never below zero, back to zero at the end.
    fn balanced(text: &str) -> bool {
        let mut depth = 0i32;
        for c in text.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn braces_stay_paired_whatever_the_text() {
        for text in [
            "Smile :}",
            "{ open",
            "a } b { c",
            "x {{ y",
            "}{",
            "{paired} and {",
            "\\}",
        ] {
            let written = bibtex_text(text);
            assert!(balanced(&written), "{text:?} → {written:?}");
        }
        assert_eq!(bibtex_text("a {b} c"), "a \\{b\\} c");
        assert_eq!(bibtex_text("a } b"), "a \\textbraceright{} b");
    }

    #[test]
    fn tex_special_characters_are_escaped() {
        assert_eq!(
            bibtex_text("two\n\nparagraphs \u{1b}\t here"),
            "two paragraphs here"
        );
        assert_eq!(bibtex_text("a -- b --- c ``q''"), "a -{}- b -{}-{}- c `{}`q'{}'");
        assert_eq!(
            bibtex_text("\\ ^ ~ & % $ # _"),
            "\\textbackslash{} \\textasciicircum{} \\textasciitilde{} \\& \\% \\$ \\# \\_"
        );
    }

    #[test]
    fn organisations_are_one_braced_name_and_people_family_first() {
        let article = ExportedArticle {
            authors: vec![
                "Le Monde avec AFP".to_string(),
                "Rodham and Clinton Associates".into(),
                "Ludwig van Beethoven".into(),
            ],
            source: Some("Le Monde".into()),
            ..serde_json::from_value(serde_json::json!({
                "title": null, "body": "", "source": null, "published": null, "section": null,
                "kind": null, "language": null, "url": null, "region": null, "note": null,
                "imported_at": "", "updated_at": "", "deleted_at": null, "original": null
            }))
            .unwrap()
        };
        assert_eq!(
            bibtex_names(&author_names::csl_names(&article, "author")),
            "{Le Monde avec AFP} and {Rodham and Clinton Associates} and van Beethoven, Ludwig"
        );
        let kept = serde_json::json!([
            {"family": "Beethoven", "non-dropping-particle": "van", "given": "Ludwig", "suffix": "Jr."},
            {"literal": "World Health Organization"}
        ]);
        assert_eq!(
            bibtex_names(kept.as_array().unwrap()),
            "van Beethoven, Jr., Ludwig and {World Health Organization}"
        );
    }
}
