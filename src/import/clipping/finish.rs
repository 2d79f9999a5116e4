//! The last step of every extractor, not only the clipping reader's: the
//! language, the countries and region from the text, and tidy fields, with
//! the article's opening words for a title where it has none. It lives with
//! the clipping reader, whose fields it completes; the HTML reader (which
//! reads a page's text with the clipping reader) and the Markdown reader
//! call it too, once, at their end.

use crate::import::lines::single_spaced;
use crate::import::{papers, regions};
use crate::model::ExtractedArticle;
use crate::model::region_basis::RegionBasis;

/// What every extractor does last: the language, the countries and region
/// from the text, and tidy fields.
pub fn finish(mut article: ExtractedArticle) -> ExtractedArticle {
    article.language = article
        .language
        .take()
        .or_else(|| crate::import::language::detect_language(&article.body));
    let title = article.title.clone().unwrap_or_default();
    let mentions = regions::countries_mentioned(&title, &article.body);
    let mentions_none = mentions.is_empty();
    if article.region.is_some() && article.region_basis.is_none() {
        // Set by the reader of a format that states it (front matter).
        article.region_basis = Some(RegionBasis::Stated);
    }
    if article.region.is_none()
        && let Some(region) = regions::infer_region(&mentions)
    {
        article.region = Some(region.to_string());
        article.region_basis = Some(countries_named_in(region, &mentions));
    }
    if article.countries.is_empty() {
        let top = mentions.first().map(|(_, n)| *n).unwrap_or(0);
        article.countries = mentions
            .into_iter()
            .filter(|(_, n)| *n >= 2 || *n * 2 >= top)
            .take(8)
            .map(|(c, _)| c)
            .collect();
    }
    // An article about countries of one region belongs to that region,
    // however seldom it names them: the region agrees with the countries
    // it lists.
    if article.region.is_none()
        && let Some(region) = regions::one_region_of(&article.countries)
    {
        article.region = Some(region.to_string());
        article.region_basis = Some(RegionBasis::Countries(article.countries.clone()));
    }
    let paper = article
        .url
        .as_deref()
        .and_then(papers::paper_by_url)
        .or_else(|| article.source.as_deref().and_then(papers::paper_by_name));
    if let Some(paper) = paper {
        // A page that names no source is named by its paper's domain; a name
        // the page printed (its site name, its masthead) is kept as printed.
        if article.source.is_none() {
            article.source = Some(paper.name.to_string());
        }
        // The last, weakest hint: a text that names no country at all is
        // most likely about the paper's home.
        if article.region.is_none()
            && mentions_none
            && let Some(region) = regions::region_of_country(paper.country)
        {
            article.region = Some(region.to_string());
            article.region_basis = Some(RegionBasis::PaperHome {
                paper: paper.name.to_string(),
                country: paper.country.to_string(),
            });
        }
    }
    article.title = article
        .title
        .map(|t| single_spaced(&t))
        .filter(|t| !t.is_empty())
        // With no headline of its own, an article is titled by its opening
        // words, as a note is: rows of "untitled" tell a reader nothing.
        .or_else(|| opening_words(&article.body));
    article
}

/// The basis of a region inferred from mentions: the countries of that
/// region the text names, most named first (a few: the line is short).
fn countries_named_in(region: &str, mentions: &[(String, usize)]) -> RegionBasis {
    RegionBasis::Countries(
        mentions
            .iter()
            .filter(|(country, _)| regions::region_of_country(country) == Some(region))
            .take(4)
            .map(|(country, _)| country.clone())
            .collect(),
    )
}

/// Longest title made from an article's opening words, in words, and in
/// characters (for text written without spaces).
const OPENING_WORDS: usize = 12;
const OPENING_CHARS: usize = 80;

/// The first clause of the body's first paragraph that names something (three
/// words or more, or a clause of text written without spaces), cut to
/// [`OPENING_WORDS`] words and [`OPENING_CHARS`] characters (an ellipsis
/// marks a cut). A point or comma ends a clause only before a space, and
/// not after an initial, so "U.S." and "3.5" do not.
fn opening_words(body: &str) -> Option<String> {
    let first = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut chars = first.char_indices().peekable();
    let mut end = first.len();
    while let Some((i, c)) = chars.next() {
        let before_space = chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        let wide_mark = matches!(c, '。' | '、' | '，' | '！' | '？');
        // The point of an initial ("U.S.", "J. Roe") ends no clause.
        let initial = c == '.' && {
            let mut back = first[..i].chars().rev();
            back.next().is_some_and(char::is_uppercase)
                && back.next().is_none_or(|p| p == '.' || p.is_whitespace())
        };
        let mark = matches!(c, ',' | ';' | ':' | '.' | '!' | '?') && before_space && !initial;
        if (wide_mark && i > 0) || (mark && first[..i].split_whitespace().count() >= 3) {
            end = i;
            break;
        }
    }
    let words: Vec<&str> = first[..end].split_whitespace().collect();
    let mut title = words
        .iter()
        .take(OPENING_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut cut = words.len() > OPENING_WORDS;
    if title.chars().count() > OPENING_CHARS {
        title = title
            .chars()
            .take(OPENING_CHARS)
            .collect::<String>()
            .trim_end()
            .to_string();
        cut = true;
    }
    if cut {
        title.push('…');
    }
    Some(title).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clipping::{PROSE, read_clipping};

    #[test]
    fn a_text_naming_no_country_is_filed_under_its_paper_s_home() {
        let local = ExtractedArticle {
            title: Some("Ferry fares rise again".into()),
            url: Some("https://www.smh.com.au/national/ferry-fares.html".into()),
            body: "Commuters on the inner harbour routes will pay more from Monday, the operator said."
                .into(),
            ..ExtractedArticle::default()
        };
        let article = finish(local.clone());
        assert_eq!(article.source.as_deref(), Some("The Sydney Morning Herald"));
        assert_eq!(article.region.as_deref(), Some("East Asia & Pacific"));
        assert_eq!(
            article.region_basis,
            Some(RegionBasis::PaperHome {
                paper: "The Sydney Morning Herald".into(),
                country: "Australia".into()
            })
        );
        // A country named in the text outweighs the paper's home.
        let abroad = finish(ExtractedArticle {
            body: "Commuters in Lisbon and Porto will pay more from Monday, Portugal's operator said.".into(),
            ..local
        });
        assert_eq!(abroad.region.as_deref(), Some("Europe & Central Asia"));
        assert_eq!(
            abroad.region_basis,
            Some(RegionBasis::Countries(vec!["Portugal".into()]))
        );
    }

    #[test]
    fn an_article_without_a_headline_is_titled_by_its_opening_words() {
        let untitled = finish(read_clipping(PROSE));
        assert_eq!(
            untitled.title.as_deref(),
            Some("The council voted on Tuesday to rebuild the harbour wall")
        );
        let long =
            "Residents who had waited more than a decade for the harbour wall to be rebuilt cheered the vote";
        assert_eq!(
            opening_words(long).as_deref(),
            Some("Residents who had waited more than a decade for the harbour wall…")
        );
        assert_eq!(
            opening_words("社説の本文である。続き").as_deref(),
            Some("社説の本文である")
        );
        assert_eq!(opening_words("  \n "), None);
        // Initials, decimals and a wire dateline do not end the clause.
        assert_eq!(
            opening_words("Dr. Jane Roe said the U.S. share was 3.5 per cent, and rising").as_deref(),
            Some("Dr. Jane Roe said the U.S. share was 3.5 per cent")
        );
        assert_eq!(
            opening_words("LONDON, Oct 5 (Reuters) - Ministers met, then parted").as_deref(),
            Some("LONDON, Oct 5 (Reuters) - Ministers met")
        );
        // Text written without spaces is cut by characters.
        let thai = "ก".repeat(200);
        assert_eq!(
            opening_words(&thai).map(|t| t.chars().count()),
            Some(OPENING_CHARS + 1)
        );
    }
}
