//! Authors as the citation formats name them. Each entry of an article's
//! `authors` is one author, already told apart from the others when the
//! byline was read ("Le Monde avec AFP" is one entry, so one author). A
//! citation format splits a name again: BibTeX at every word "and", both
//! BibTeX and CSL into given and family names that styles abbreviate
//! ("Monde avec AFP, L."). So a name is handed over as a person's only when
//! it reads as one; anything else (a newsroom, an agency, a firm, the
//! publication itself, a name in a script written without spaces) is one
//! literal name, printed as it is. Taking a person for an organisation
//! costs an abbreviation; the other way round garbles the name.

use crate::import::tools::csl_name_text;
use crate::model::library_export::ExportedArticle;
use crate::model::script::is_cjk;
use serde_json::{Value, json};

/// How a citation names one author.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum AuthorName<'a> {
    /// "Jane Doe", "Ludwig van Beethoven": the family name is the last
    /// word with the particles just before it.
    Person { given: String, family: String },
    /// Written as it is, never split or abbreviated.
    Literal(&'a str),
}

/// Lower-case words inside a person's name ("van", "de la").
const PARTICLES: &[&str] = &[
    "af", "al", "bin", "binti", "da", "das", "de", "degli", "dei", "del", "della", "den", "der", "di", "do",
    "dos", "du", "ibn", "la", "las", "le", "lo", "los", "ten", "ter", "van", "von", "zu",
];

/// Words that name a group, a trade or an organisation, never a person
/// (compared case aside). "and" is here too: BibTeX splits a name at it.
const ORGANISATION_WORDS: &[&str] = &[
    "and",
    "the",
    "staff",
    "editor",
    "editors",
    "editorial",
    "board",
    "desk",
    "team",
    "newsroom",
    "agency",
    "agencies",
    "agence",
    "associates",
    "associated",
    "press",
    "service",
    "services",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "writers",
    "contributors",
    "bureau",
    "news",
    "wire",
    "wires",
    "media",
    "network",
    "inc",
    "ltd",
    "llc",
    "corp",
    "company",
    "group",
    "council",
    "committee",
    "institute",
    "foundation",
    "ministry",
    "department",
    "office",
    "university",
    "association",
    "society",
    "times",
    "journal",
    "herald",
    "daily",
    "magazine",
];

/// How `name` is cited, for an article published by `source`.
pub(super) fn author_name<'a>(name: &'a str, source: Option<&str>) -> AuthorName<'a> {
    let name = name.trim();
    match person_parts(name, source) {
        Some((given, family)) => AuthorName::Person { given, family },
        None => AuthorName::Literal(name),
    }
}

/// A name as CSL has it: a person's family and given names, or one
/// literal name.
fn csl_name(name: &str, source: Option<&str>) -> Value {
    match author_name(name, source) {
        AuthorName::Person { given, family } => json!({ "family": family, "given": given }),
        AuthorName::Literal(name) => json!({ "literal": name }),
    }
}

/// The article's names in a CSL role (`author`, `editor`, `translator`…)
/// as CSL names. A citation manager's own names are given back as it had
/// them (it knew which were people and where their family names start)
/// while they still name the article's authors; authors Folio read from a
/// byline, or edited since, are told apart by [`author_name`].
pub(super) fn csl_names(a: &ExportedArticle, role: &str) -> Vec<Value> {
    let kept: Vec<Value> = a
        .citation
        .as_ref()
        .and_then(|c| c.get(role))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if role != "author" {
        return kept;
    }
    let kept_text: Vec<String> = kept.iter().filter_map(csl_name_text).collect();
    if !kept.is_empty() && kept_text == a.authors {
        return kept;
    }
    a.authors
        .iter()
        .map(|n| csl_name(n, a.source.as_deref()))
        .collect()
}

fn person_parts(name: &str, source: Option<&str>) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return None;
    }
    // Letters, initials' full stops, hyphens and apostrophes: a digit, a
    // comma, an ampersand or a bracket is no part of a person's name.
    let letters_only = name.chars().all(|c| {
        c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '’') || (c.is_alphabetic() && !is_cjk(c))
    });
    if !letters_only {
        return None;
    }
    if words
        .iter()
        .any(|w| ORGANISATION_WORDS.iter().any(|o| w.eq_ignore_ascii_case(o)))
    {
        return None;
    }
    // An acronym (AFP, BBC) names an organisation.
    let acronym = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && !w.contains('.') && letters.iter().all(|c| c.is_uppercase())
    };
    if words.iter().any(|w| acronym(w)) {
        return None;
    }
    // The publication named as its own author ("The Asahi Shimbun", or
    // "Le Monde" with an agency).
    if let Some(source) = source.map(str::trim).filter(|s| !s.is_empty()) {
        let (name_lower, source_lower) = (name.to_lowercase(), source.to_lowercase());
        if name_lower.contains(&source_lower) || source_lower.contains(&name_lower) {
            return None;
        }
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let (first, last) = (words[0], words[words.len() - 1]);
    let middle = &words[1..words.len() - 1];
    if !capitalised(first) || !capitalised(last) {
        return None;
    }
    if !middle.iter().all(|w| capitalised(w) || PARTICLES.contains(w)) {
        return None;
    }
    let particles = middle.iter().rev().take_while(|w| !capitalised(w)).count();
    let split = words.len() - 1 - particles;
    Some((words[..split].join(" "), words[split..].join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(given: &str, family: &str) -> AuthorName<'static> {
        AuthorName::Person {
            given: given.into(),
            family: family.into(),
        }
    }

    #[test]
    fn people_have_given_and_family_names() {
        assert_eq!(author_name("Jane Doe", None), person("Jane", "Doe"));
        assert_eq!(author_name("J. R. Hartley", None), person("J. R.", "Hartley"));
        assert_eq!(
            author_name("Ludwig van Beethoven", None),
            person("Ludwig", "van Beethoven")
        );
        assert_eq!(
            author_name("María de la Cruz", Some("El País")),
            person("María", "de la Cruz")
        );
        assert_eq!(
            author_name("Seán O’Brien-Kelly", None),
            person("Seán", "O’Brien-Kelly")
        );
    }

    #[test]
    fn organisations_and_other_names_are_literal() {
        for name in [
            "Le Monde avec AFP",
            "Rodham and Clinton Associates",
            "Smith And Jones",
            "Editorial Board",
            "The Editorial Board",
            "Reuters Staff",
            "Associated Press",
            "Agence France-Presse",
            "BBC News",
            "Reuters",
            "Anna Lee Chen Wu Park Kim",
            "Jane Doe 2",
            "Doe, Jane",
            "Smith & Wesson",
            "山田 太郎",
            "jane doe",
            "Jane avec Doe",
        ] {
            assert_eq!(author_name(name, None), AuthorName::Literal(name), "{name}");
        }
    }

    #[test]
    fn the_publication_as_its_own_author_is_literal() {
        assert_eq!(
            author_name("Asahi Shimbun", Some("The Asahi Shimbun")),
            AuthorName::Literal("Asahi Shimbun")
        );
        assert_eq!(
            author_name("Morning Standard", Some("The Morning Standard Company")),
            AuthorName::Literal("Morning Standard")
        );
        assert_eq!(author_name("Asahi Shimbun", None), person("Asahi", "Shimbun"));
    }
}
