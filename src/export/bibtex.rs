//! BibTeX, an `@article` per article (with biblatex's `date` beside the
//! classic `year` and `month`). BibTeX finds where a field ends by counting
//! braces, backslash or not, so one stray brace in a title would swallow
//! the rest of the file: every value written here has its braces in pairs.

use super::author_names::{AuthorName, author_name};
use super::formats::{citation_keys, published, title};
use crate::model::DatePrecision;
use crate::model::library_export::ExportedArticle;

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

/// The `author` field: people as "Family, Given" (so the particles of
/// "van Beethoven" are read as such), everything else in braces, which
/// BibTeX takes as one name to print as it is.
fn bibtex_authors(authors: &[String], source: Option<&str>) -> String {
    let names: Vec<String> = authors
        .iter()
        .map(|name| match author_name(name, source) {
            AuthorName::Person { given, family } => {
                format!("{}, {}", bibtex_text(&family), bibtex_text(&given))
            }
            AuthorName::Literal(name) => format!("{{{}}}", bibtex_text(name)),
        })
        .collect();
    names.join(" and ")
}

/// A URL as the `url` field holds it: verbatim, except braces, which are
/// percent-encoded (the same address) so the field's own stay paired.
fn bibtex_url(url: &str) -> String {
    url.replace('{', "%7B").replace('}', "%7D")
}

pub fn bibtex(articles: &[ExportedArticle]) -> String {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut out = String::new();
    for (a, key) in articles.iter().zip(citation_keys(articles)) {
        let mut fields: Vec<(String, String)> =
            vec![("title".into(), format!("{{{}}}", bibtex_text(title(a))))];
        if let Some(source) = &a.source {
            fields.push(("journal".into(), format!("{{{}}}", bibtex_text(source))));
        }
        if !a.authors.is_empty() {
            fields.push((
                "author".into(),
                format!("{{{}}}", bibtex_authors(&a.authors, a.source.as_deref())),
            ));
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
        if let Some(section) = &a.section {
            fields.push(("note".into(), format!("{{Section: {}}}", bibtex_text(section))));
        }
        if let Some(place) = &a.publisher_place {
            fields.push(("address".into(), format!("{{{}}}", bibtex_text(place))));
        }
        if let Some(url) = &a.url {
            fields.push(("url".into(), format!("{{{}}}", bibtex_url(url))));
        }
        out.push_str(&format!("@article{{{key},\n"));
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
        let authors = [
            "Le Monde avec AFP".to_string(),
            "Rodham and Clinton Associates".into(),
            "Ludwig van Beethoven".into(),
        ];
        assert_eq!(
            bibtex_authors(&authors, Some("Le Monde")),
            "{Le Monde avec AFP} and {Rodham and Clinton Associates} and van Beethoven, Ludwig"
        );
    }
}
