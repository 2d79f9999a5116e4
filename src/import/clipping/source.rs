//! The source: the publication's name, gathered from wherever a page
//! prints it (a "Source:" line, a copyright, a site's name after the
//! headline, the pieces around the dateline). Each place gives a name a
//! bonus, and the name that looks most like a publication's is kept.

use super::vocabulary::{PUBLICATION_SUFFIXES, PUBLICATION_WORDS};
use crate::import::lines::{is_cjk, word_count};
use crate::import::{dates, papers};

pub(super) fn looks_like_publication(name: &str) -> bool {
    let lower = name.to_lowercase();
    PUBLICATION_SUFFIXES.iter().any(|s| name.contains(s))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PUBLICATION_WORDS.contains(&w))
}

/// How much a piece of text looks like the name of a publication, given
/// where it was found. `None` when it cannot be one.
fn publication_score(name: &str, placement_bonus: i32) -> Option<i32> {
    let name = name
        .trim()
        .trim_matches(|c: char| c == ',' || c == '|' || c == '-' || c.is_whitespace());
    let words = word_count(name);
    if name.is_empty() || words > 6 || dates::find_date(name).is_some() || dates::find_time(name).is_some() {
        return None;
    }
    if name.chars().filter(|c| c.is_ascii_digit()).count() > 2 {
        return None;
    }
    let mut score = placement_bonus;
    if looks_like_publication(name) {
        score += 5;
    }
    let capitalised = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .all(|w| {
            // An elided article takes the name's capital after it: "l'Ouest",
            // "d'Italia", "dell'Economia".
            let w = w
                .split_once(['\'', '’'])
                .filter(|(article, _)| article.chars().count() <= 4)
                .map_or(w, |(_, name)| name);
            w.chars().next().is_some_and(|c| c.is_uppercase() || is_cjk(c))
                || matches!(
                    w,
                    "of" | "de"
                        | "du"
                        | "la"
                        | "le"
                        | "el"
                        | "the"
                        | "and"
                        | "des"
                        | "del"
                        | "do"
                        | "da"
                        | "dos"
                        | "das"
                        | "di"
                        | "der"
                        | "van"
                        | "von"
                )
        });
    score += if capitalised { 1 } else { -4 };
    if name.starts_with("The ") {
        score += 2;
    }
    Some(score)
}

/// Words that make a name a company's rather than a masthead's: a legal
/// form, or the words publishers add to the paper's name for the firm or
/// its website.
const COMPANY_WORDS: &[&str] = &[
    "inc",
    "ltd",
    "limited",
    "llc",
    "gmbh",
    "ag",
    "plc",
    "co",
    "corp",
    "corporation",
    "company",
    "group",
    "holdings",
    "publishing",
    "publications",
    "digital",
    "interactive",
    "s.a",
    "sa",
    "s.l",
    "sl",
    "s.p.a",
    "spa",
    "b.v",
    "bv",
    "n.v",
    "nv",
    "k.k",
    "pty",
    "sdn",
    "bhd",
    "editorial",
    "ediciones",
    "editora",
    "éditions",
    "editions",
    "grupo",
    "groupe",
    "gruppo",
    "société",
    "verlag",
    "verlagsgruppe",
    "株式会社",
];

fn names_a_company(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == '(' || c == ')')
                .to_lowercase()
        })
        .any(|w| COMPANY_WORDS.contains(&w.as_str()))
}

/// A name without its legal form ("Inc", "S.A.", "Ltd") and without a
/// domain's suffix ("Le Monde.fr" is Le Monde): neither is part of a
/// paper's name.
fn without_legal_form(name: &str) -> String {
    const LEGAL: &[&str] = &[
        "inc", "ltd", "llc", "gmbh", "ag", "plc", "co", "corp", "s.a", "sa", "s.l", "s.p.a", "spa", "b.v",
        "n.v", "k.k", "pty", "limited",
    ];
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL.contains(&w.trim_matches(['.', ',']).to_lowercase().as_str()))
    {
        words.pop();
    }
    let mut kept = words.join(" ").trim_end_matches(',').to_string();
    // ".fr", ".com", ".co.uk" after a name of letters.
    if let Some(dot) = kept.find('.')
        && dot > 0
    {
        let suffix = &kept[dot + 1..];
        let is_domain = suffix
            .split('.')
            .all(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_lowercase()));
        if is_domain && kept[..dot].chars().last().is_some_and(char::is_alphabetic) {
            kept.truncate(dot);
        }
    }
    kept
}

#[derive(Default)]
pub(super) struct SourceCandidates {
    best: Option<(i32, String)>,
    /// The best name of a company, kept apart: see [`Self::offer`].
    company: Option<(i32, String)>,
}

impl SourceCandidates {
    pub(super) fn offer(&mut self, name: &str, placement_bonus: i32) {
        let clean = name
            .trim()
            .trim_matches(|c: char| c == ',' || c == '|' || c == '-' || c.is_whitespace());
        // "U.S. News." keeps its points but not the sentence's.
        let clean = clean
            .strip_suffix('.')
            .filter(|c| !c.ends_with(char::is_uppercase))
            .unwrap_or(clean);
        let (name, bonus) = match papers::paper_by_name(clean) {
            // A paper of the table is named as the table names it, whichever
            // of its names the page printed.
            Some(paper) => (paper.name.to_string(), placement_bonus + 3),
            None => (without_legal_form(clean), placement_bonus),
        };
        // The company that owns a paper ("Editorial XYZ S.A.", "… Digital",
        // "… Company", in a copyright line) is not its masthead: it names
        // the source only where nothing else does.
        let company = papers::paper_by_name(clean).is_none() && names_a_company(clean);
        let Some(score) = publication_score(&name, bonus) else {
            return;
        };
        let slot = if company {
            &mut self.company
        } else {
            &mut self.best
        };
        if slot.as_ref().is_none_or(|(best, _)| score > *best) {
            *slot = Some((score, name));
        }
    }

    pub(super) fn take(self) -> Option<String> {
        let good =
            |found: Option<(i32, String)>| found.filter(|(score, _)| *score >= 6).map(|(_, name)| name);
        good(self.best).or_else(|| good(self.company))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clipping::extract_clipping;

    #[test]
    fn legal_forms_and_domain_suffixes_are_not_part_of_a_name() {
        assert_eq!(without_legal_form("Harbour Media Inc."), "Harbour Media");
        assert_eq!(
            without_legal_form("Editorial Atlántico S.A."),
            "Editorial Atlántico"
        );
        assert_eq!(without_legal_form("Le Quotidien.fr"), "Le Quotidien");
        assert_eq!(without_legal_form("U.S. News"), "U.S. News");
        assert!(names_a_company("Editorial Atlántico S.A."));
        assert!(names_a_company("The Courier Company"));
        assert!(!names_a_company("The Evening Courier"));
    }

    #[test]
    fn a_masthead_with_an_elided_article_is_a_paper_s_name() {
        let page = "Le Quotidien de l'Ouest\n\n\
            Le port rouvre après la tempête\n\n\
            3 mars 2026\n\n\
            Le port de commerce a rouvert lundi matin, après trois jours de fermeture, et les premiers \
            cargos ont pu accoster dès l'aube sous une pluie fine.\n\n\
            Les dockers estiment qu'il faudra une semaine pour écouler les marchandises bloquées au large \
            pendant la tempête.\n";
        assert_eq!(
            extract_clipping(page).source.as_deref(),
            Some("Le Quotidien de l'Ouest")
        );
    }

    /// The masthead names the paper; the copyright line names the firm
    /// that owns it, which must not win.
    #[test]
    fn the_masthead_wins_over_the_company_in_the_copyright_line() {
        let page = "Diario del Atlántico\n\n\
            OPINIÓN\n\n\
            Las aseguradoras se van\n\n\
            15 de junio de 2023\n\n\
            Las aseguradoras abandonan la península una tras otra, y los propietarios se quedan sin cobertura \
            frente a los huracanes que cada año llegan antes y con más fuerza.\n\n\
            Las primas se han triplicado en cinco años y el fondo público de último recurso ya no alcanza para \
            cubrir a todos los que lo necesitan.\n\n\
            © 2023 Editorial Atlántico S.A. Todos los derechos reservados.\n";
        assert_eq!(
            extract_clipping(page).source.as_deref(),
            Some("Diario del Atlántico")
        );
        let digital = "The Evening Courier\n\n\
            Harbour wall to close for the winter\n\n\
            The council closed the harbour wall on Monday, after the second storm in a week broke through \
            its northern end and flooded the road behind it.\n\n\
            Engineers will inspect the damage once the sea calms, and the council expects to reopen the \
            wall in the spring if the repairs cost no more than the budget allows.\n\n\
            Copyright 2024 Courier Digital Inc. All rights reserved.\n";
        assert_eq!(
            extract_clipping(digital).source.as_deref(),
            Some("The Evening Courier")
        );
        // Alone, the company names the source, without its legal form.
        let alone = digital.replacen("The Evening Courier\n\n", "", 1);
        assert_eq!(
            extract_clipping(&alone).source.as_deref(),
            Some("Courier Digital")
        );
    }

    #[test]
    fn a_paper_is_named_as_the_table_names_it() {
        let page = "Harbour wall to close for the winter\n\n\
            The council closed the harbour wall on Monday, after the second storm in a week broke through \
            its northern end and flooded the road behind it.\n\n\
            Engineers will inspect the damage once the sea calms, and the council expects to reopen the \
            wall in the spring if the repairs cost no more than the budget allows.\n\n\
            © 2024 The New York Times Company\n";
        assert_eq!(
            extract_clipping(page).source.as_deref(),
            Some("The New York Times")
        );
    }

    /// An encyclopedia article copied from its heading down: the heading is
    /// one word, the tagline under it names the site, the infobox is a table.
    #[test]
    fn a_heading_the_lead_takes_up_titles_the_clipping_and_the_tagline_names_the_source() {
        let page = "Lighthouse\n\n\
            From Wikipedia, the free encyclopedia\n\
            Jump to navigation Jump to search\n\n\
            Height  30 metres\n\
            Built  1871\n\n\
            A lighthouse is a tower, building, or other structure designed to emit light from a system \
            of lamps and lenses and to serve as a beacon for navigational aid at sea.\n\n\
            Lighthouses mark dangerous coastlines, hazardous shoals, reefs and rocks, and safe entries \
            to harbours; they also assist in aerial navigation.\n\n\
            The number of working lighthouses has declined because of the expense of maintenance and \
            the arrival of satellite navigation.\n";
        let article = extract_clipping(page);
        assert_eq!(article.title.as_deref(), Some("Lighthouse"));
        assert_eq!(article.source.as_deref(), Some("Wikipedia"));
        assert!(
            article.body.starts_with("A lighthouse is a tower"),
            "{}",
            article.body
        );
    }
}
