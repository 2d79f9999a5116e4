//! World Bank regions and countries: named by a page's breadcrumb, or inferred
//! from the countries, capitals and demonyms its text mentions.
//!
//! The gazetteer lives in `assets/gazetteer.tsv` so that adding a name is a
//! data change, not a code change; which country lies in which region is
//! [`crate::model::regions`], read from the same file.

use crate::model::regions::gazetteer_rows;
pub use crate::model::regions::{WORLD_BANK_REGIONS, all_countries, region_of_country};
use crate::model::script::is_cjk;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Labels papers put in breadcrumbs and section names for a whole region.
const REGION_LABELS: &[(&str, &str)] = &[
    ("east asia and pacific", "East Asia & Pacific"),
    ("east asia & the pacific", "East Asia & Pacific"),
    ("asia pacific", "East Asia & Pacific"),
    ("asia-pacific", "East Asia & Pacific"),
    ("asia & pacific", "East Asia & Pacific"),
    ("east asia", "East Asia & Pacific"),
    ("europe and central asia", "Europe & Central Asia"),
    ("europe", "Europe & Central Asia"),
    ("central asia", "Europe & Central Asia"),
    ("latin america and caribbean", "Latin America & Caribbean"),
    ("latin america & the caribbean", "Latin America & Caribbean"),
    ("latin america and the caribbean", "Latin America & Caribbean"),
    ("latin america", "Latin America & Caribbean"),
    ("caribbean", "Latin America & Caribbean"),
    ("middle east and north africa", "Middle East & North Africa"),
    ("middle east", "Middle East & North Africa"),
    ("mideast", "Middle East & North Africa"),
    ("north africa", "Middle East & North Africa"),
    ("us & canada", "North America"),
    ("u.s. & canada", "North America"),
    ("south asia", "South Asia"),
    ("africa", "Sub-Saharan Africa"),
    ("sub-saharan africa", "Sub-Saharan Africa"),
    // The same sections in the other languages papers are read in.
    ("asie", "East Asia & Pacific"),
    ("asie-pacifique", "East Asia & Pacific"),
    ("asia-pacífico", "East Asia & Pacific"),
    ("asien", "East Asia & Pacific"),
    ("azja", "East Asia & Pacific"),
    ("アジア", "East Asia & Pacific"),
    ("亚洲", "East Asia & Pacific"),
    ("亞洲", "East Asia & Pacific"),
    ("아시아", "East Asia & Pacific"),
    ("азия", "East Asia & Pacific"),
    ("europa", "Europe & Central Asia"),
    ("ヨーロッパ", "Europe & Central Asia"),
    ("欧州", "Europe & Central Asia"),
    ("欧洲", "Europe & Central Asia"),
    ("歐洲", "Europe & Central Asia"),
    ("유럽", "Europe & Central Asia"),
    ("европа", "Europe & Central Asia"),
    ("avrupa", "Europe & Central Asia"),
    ("ευρώπη", "Europe & Central Asia"),
    ("amérique latine", "Latin America & Caribbean"),
    ("américa latina", "Latin America & Caribbean"),
    ("lateinamerika", "Latin America & Caribbean"),
    ("america latina", "Latin America & Caribbean"),
    ("latijns-amerika", "Latin America & Caribbean"),
    ("中南米", "Latin America & Caribbean"),
    ("拉美", "Latin America & Caribbean"),
    ("중남미", "Latin America & Caribbean"),
    ("латинская америка", "Latin America & Caribbean"),
    ("moyen-orient", "Middle East & North Africa"),
    ("proche-orient", "Middle East & North Africa"),
    ("oriente medio", "Middle East & North Africa"),
    ("oriente próximo", "Middle East & North Africa"),
    ("medio oriente", "Middle East & North Africa"),
    ("oriente médio", "Middle East & North Africa"),
    ("nahost", "Middle East & North Africa"),
    ("naher osten", "Middle East & North Africa"),
    ("midden-oosten", "Middle East & North Africa"),
    ("bliski wschód", "Middle East & North Africa"),
    ("orta doğu", "Middle East & North Africa"),
    ("ortadoğu", "Middle East & North Africa"),
    ("ближний восток", "Middle East & North Africa"),
    ("中東", "Middle East & North Africa"),
    ("中东", "Middle East & North Africa"),
    ("중동", "Middle East & North Africa"),
    ("الشرق الأوسط", "Middle East & North Africa"),
    ("amérique du nord", "North America"),
    ("norteamérica", "North America"),
    ("nordamerika", "North America"),
    ("北米", "North America"),
    ("北美", "North America"),
    ("북미", "North America"),
    ("asie du sud", "South Asia"),
    ("南アジア", "South Asia"),
    ("南亚", "South Asia"),
    ("afrique", "Sub-Saharan Africa"),
    ("áfrica", "Sub-Saharan Africa"),
    ("afrika", "Sub-Saharan Africa"),
    ("アフリカ", "Sub-Saharan Africa"),
    ("非洲", "Sub-Saharan Africa"),
    ("아프리카", "Sub-Saharan Africa"),
    ("африка", "Sub-Saharan Africa"),
];

/// One name the automaton looks for.
struct Name {
    country: &'static str,
    /// A stem that takes a case ending of its script ("Росси" of "Россия").
    stem: bool,
    /// An acronym ("UK", "DPRK"): found only in capitals.
    acronym: bool,
}

struct Gazetteer {
    /// The country's own names in every language, lower-cased → country:
    /// what a breadcrumb or section may be labelled with.
    country_of_label: HashMap<String, &'static str>,
    /// By pattern id.
    names: Vec<Name>,
    /// Every name, found in one pass over the text (Aho-Corasick: linear in
    /// the text, however many names; a regex alternation of thousands of
    /// names with Unicode word boundaries is a hundred times slower).
    automaton: AhoCorasick,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::parse);

impl Gazetteer {
    fn parse() -> Gazetteer {
        let mut country_of_label = HashMap::new();
        let mut names = Vec::new();
        // As written (ASCII case is folded when matching; "États" must keep its capital).
        let mut written: Vec<&'static str> = Vec::new();
        for row in gazetteer_rows() {
            let country = row.country;
            country_of_label.insert(country.to_lowercase(), country);
            let all = std::iter::once((country, true))
                .chain(row.own_names.split(';').map(|n| (n, true)))
                .chain(row.other_names.split(';').map(|n| (n, false)));
            for (name, own) in all {
                let name = name.trim();
                let (pattern, stem) = match name.split_once('|') {
                    Some((stem, _)) => (stem, true),
                    None => (name, false),
                };
                if pattern.is_empty() {
                    continue;
                }
                if own && !stem {
                    country_of_label.entry(pattern.to_lowercase()).or_insert(country);
                }
                let acronym = pattern.len() <= 5
                    && pattern.chars().filter(char::is_ascii_alphabetic).count() >= 2
                    && pattern.chars().all(|c| c.is_ascii_uppercase() || c == '.');
                names.push(Name {
                    country,
                    stem,
                    acronym,
                });
                written.push(pattern);
            }
        }
        // Longest match first: "North Korean" wins over "Korean", "Австрал" over "Австр".
        // Case is folded by hand (names and text in ASCII lower case, which
        // keeps every byte where it was): the automaton's own folding
        // doubles its transitions and its build, which each run waits for.
        let folded: Vec<String> = written.iter().map(|w| w.to_ascii_lowercase()).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&folded)
            .expect("gazetteer names build an automaton");
        Gazetteer {
            country_of_label,
            names,
            automaton,
        }
    }
}

/// The World Bank region a label names, such as a breadcrumb's "Middle East"
/// or "Japan" (in any language the gazetteer knows: "Japon", "日本").
pub fn region_for_label(label: &str) -> Option<&'static str> {
    let lower = label.trim().to_lowercase();
    if let Some(region) = WORLD_BANK_REGIONS.iter().find(|r| r.to_lowercase() == lower) {
        return Some(region);
    }
    if let Some((_, region)) = REGION_LABELS.iter().find(|(l, _)| *l == lower) {
        return Some(region);
    }
    GAZETTEER
        .country_of_label
        .get(&lower)
        .and_then(|c| region_of_country(c))
}

/// Countries a text mentions, most mentioned first, with their counts.
/// A mention in the title counts three times: it says what the piece is about.
pub fn countries_mentioned(title: &str, body: &str) -> Vec<(String, usize)> {
    let g = &*GAZETTEER;
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for (text, weight) in [(title, 3), (body, 1)] {
        let folded = text.to_ascii_lowercase();
        for m in g.automaton.find_iter(&folded) {
            let name = &g.names[m.pattern().as_usize()];
            if mention_stands_alone(text, m.start(), m.end(), name) {
                *counts.entry(name.country).or_default() += weight;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
}

/// Whether a name found at `start..end` is a mention of the place, by the
/// rules of its script: Chinese and Japanese are written without spaces, so
/// any occurrence counts; Korean names carry their particles ("한국은");
/// Arabic attaches conjunctions, prepositions and the article before a
/// name and the adjective's ending after it; elsewhere a name is a whole
/// word that starts with a capital, or a stem with one of its language's
/// case endings ("Японии", "Polsce", "Ελλάδας").
fn mention_stands_alone(text: &str, start: usize, end: usize, name: &Name) -> bool {
    let found = &text[start..end];
    let Some(first) = found.chars().next() else {
        return false;
    };
    let before = text[..start].chars().next_back();
    let rest = &text[end..];
    if is_hangul(first) {
        let ending: &str = &rest[..rest.find(|c: char| !is_hangul(c)).unwrap_or(rest.len())];
        return !before.is_some_and(char::is_alphanumeric) && HANGUL_PARTICLES.contains(&ending);
    }
    if is_cjk(first) {
        return true;
    }
    if is_arabic(first) {
        let word_start = text[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_arabic(*c))
            .last()
            .map_or(start, |(i, _)| i);
        let prefix = &text[word_start..start];
        let ending = &rest[..rest.find(|c: char| !is_arabic(c)).unwrap_or(rest.len())];
        return ARABIC_PREFIXES.contains(&prefix) && ARABIC_ENDINGS.contains(&ending);
    }
    if before.is_some_and(char::is_alphanumeric) {
        return false;
    }
    // Proper names start with a capital; this keeps "us", "chad" and
    // "turkey" in running text from counting as countries.
    if first.is_lowercase() {
        return false;
    }
    // Acronyms (US, UK, UAE) must be written so: "Us" is a word.
    if name.acronym && found.chars().any(char::is_lowercase) {
        return false;
    }
    let ending = &rest[..rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len())];
    if name.stem {
        let endings = if is_greek(first) {
            GREEK_ENDINGS
        } else if first.is_alphabetic() && !first.is_ascii() && !is_latin(first) {
            CYRILLIC_ENDINGS
        } else {
            LATIN_ENDINGS
        };
        return endings.contains(&ending);
    }
    // A whole word: "Indiana" is not India. An apostrophe may lead to a
    // suffix: "Japan's", "Türkiye'nin".
    ending.is_empty()
}

/// What follows a Korean name in the same word: nothing, or a particle or
/// a suffix that keeps it a name ("한국은", "일본의", "미국인", "중국산").
const HANGUL_PARTICLES: &[&str] = &[
    "",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "에게",
    "와",
    "과",
    "도",
    "만",
    "으로",
    "로",
    "까지",
    "부터",
    "보다",
    "처럼",
    "과의",
    "와의",
    "에는",
    "에도",
    "에서는",
    "에서도",
    "에서의",
    "으로서",
    "로서",
    "이나",
    "나",
    "인",
    "인들",
    "인의",
    "인은",
    "인이",
    "산",
    "측",
    "측은",
    "측의",
    "어",
    "정부",
    "정부는",
    "정부의",
    "이다",
    "이라는",
    "이란",
    "란",
    "엔",
    "서",
    "서는",
    "과는",
    "와는",
    "에선",
    "보다는",
    "마저",
    "조차",
    "뿐",
];

/// Letters Arabic writes in front of a name: "و" (and), "ب" (in), "ل" (to),
/// "ف", "ك", and the article "ال" for adjectives ("المصرية").
const ARABIC_PREFIXES: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ول", "وب", "فب", "فل", "ولل",
];
/// Endings of the adjective and the pronoun suffixes ("مصري", "مصرية").
const ARABIC_ENDINGS: &[&str] = &["", "ي", "ية", "يين", "يون", "يا", "ه", "ها"];

/// Case endings of Polish, Czech and Slovak names ("Polsce" is listed whole:
/// its stem changes).
const LATIN_ENDINGS: &[&str] = &[
    "", "a", "e", "i", "o", "u", "y", "ą", "ę", "ie", "ii", "ji", "ją", "ję", "ią", "ię", "em", "om", "ou",
    "ach", "ech", "ami", "ów", "ym", "ego", "emu", "ce", "zech", "ku", "ka", "ky", "ki", "ko", "kou", "kiem",
    "ií", "í", "ě", "é", "ům", "ách", "iach", "iem", "ska", "ską", "skę", "sku",
];
/// Case endings of Russian, Ukrainian and Bulgarian names.
const CYRILLIC_ENDINGS: &[&str] = &[
    "", "а", "я", "у", "ю", "е", "и", "ы", "й", "о", "ь", "ой", "ей", "ом", "ем", "ью", "ию", "ия", "ии",
    "ие", "ах", "ях", "ам", "ям", "ами", "ями", "ою", "ею", "ией", "і", "ї", "ія", "ії", "ію", "ією", "єю",
    "ого", "ому", "ым", "им", "ий", "ая", "ую",
];
/// Case endings of Greek names ("Ελλάδας", "Ιαπωνίας").
const GREEK_ENDINGS: &[&str] = &[
    "", "α", "ας", "ά", "άς", "η", "ης", "ή", "ής", "ο", "ου", "ος", "ό", "ού", "ός", "ι", "ιου", "ί", "ία",
    "ίας", "ες", "ων", "ών", "ε",
];

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F) && c.is_alphabetic()
}

fn is_greek(c: char) -> bool {
    matches!(c as u32, 0x0370..=0x03FF | 0x1F00..=0x1FFF)
}

fn is_latin(c: char) -> bool {
    matches!(c as u32, 0x0000..=0x024F | 0x1E00..=0x1EFF)
}

/// The region all these countries are in, when they are all in one.
pub fn one_region_of(countries: &[String]) -> Option<&'static str> {
    let mut regions = countries.iter().map(|c| region_of_country(c));
    let first = regions.next()??;
    regions.all(|r| r == Some(first)).then_some(first)
}

/// The region most of the mentions point to.
pub fn infer_region(mentions: &[(String, usize)]) -> Option<&'static str> {
    let mut by_region: HashMap<&'static str, usize> = HashMap::new();
    for (country, count) in mentions {
        if let Some(region) = region_of_country(country) {
            *by_region.entry(region).or_default() += count;
        }
    }
    let total: usize = by_region.values().sum();
    let (region, count) = by_region
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
    // One passing mention is not what an article is about.
    (count >= 2 && count * 3 >= total).then_some(region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_regions() {
        assert_eq!(
            region_for_label("East Asia & Pacific"),
            Some("East Asia & Pacific")
        );
        assert_eq!(
            region_for_label("MIDDLE EAST"),
            Some("Middle East & North Africa")
        );
        assert_eq!(region_for_label("Japan"), Some("East Asia & Pacific"));
        assert_eq!(region_for_label("Sport"), None);
    }

    #[test]
    fn infers_from_mentions() {
        let body = "North Korean leader Kim Jong Un met officials in Pyongyang. \
                    Seoul welcomed the offer; Tokyo and Washington were cautious. \
                    South Korea and Japan will talk. Let us see.";
        let mentions = countries_mentioned("Japan, U.S. must seize chance", body);
        let names: Vec<&str> = mentions.iter().map(|(c, _)| c.as_str()).collect();
        assert!(names.contains(&"North Korea"));
        assert!(names.contains(&"South Korea"));
        assert!(names.contains(&"Japan"));
        assert!(names.contains(&"United States"));
        assert_eq!(infer_region(&mentions), Some("East Asia & Pacific"));
    }

    #[test]
    fn names_count_only_as_whole_words() {
        let mentions = countries_mentioned("", "Indiana farmers met Omanis and Nigerians in Perugia.");
        let names: Vec<&str> = mentions.iter().map(|(c, _)| c.as_str()).collect();
        assert!(
            !names.contains(&"India") && !names.contains(&"Oman") && !names.contains(&"Peru"),
            "{names:?}"
        );
        assert!(!names.contains(&"Niger"), "{names:?}");
        let accented = countries_mentioned(
            "",
            "Les États-Unis et le Japon ont signé. Les États-Unis ont salué l'accord.",
        );
        assert_eq!(accented.first().map(|(c, _)| c.as_str()), Some("United States"));
    }

    fn found(text: &str) -> Vec<String> {
        countries_mentioned("", text)
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    #[test]
    fn declined_names_are_found_by_their_stem() {
        assert_eq!(found("Премьер Японии прибыл в Москву."), ["Japan", "Russia"]);
        assert_eq!(found("Санкции против России и Россией."), ["Russia"]);
        assert_eq!(found("Türkiye'nin ekonomisi büyüyor."), ["Turkey"]);
        assert_eq!(found("W Polsce i w Niemczech ceny rosną."), ["Germany", "Poland"]);
        assert_eq!(found("Η οικονομία της Ελλάδας"), ["Greece"]);
        // A stem takes only its language's endings: "Indiana" is no form of "Indie".
        assert!(found("Indiana and Indianapolis").is_empty());
    }

    #[test]
    fn korean_names_carry_their_particles_and_nothing_else() {
        assert_eq!(found("한국은 일본의 이웃이다."), ["Japan", "South Korea"]);
        // "부산물" (a by-product) begins with the city's name but is another word.
        assert!(found("부산물 처리").is_empty());
        assert_eq!(found("부산에서 열렸다"), ["South Korea"]);
    }

    #[test]
    fn chinese_japanese_and_arabic_names_are_found_inside_words() {
        assert_eq!(found("国会で審議された。"), ["Japan"]);
        assert_eq!(found("中南海的决定"), ["China"]);
        assert_eq!(found("في القاهرة والمصريين"), ["Egypt"]);
    }

    #[test]
    fn seats_of_government_name_their_country() {
        assert_eq!(found("L'Élysée a tranché."), ["France"]);
        assert_eq!(found("청와대는 밝혔다"), ["South Korea"]);
        assert_eq!(
            found("Capitol Hill and Downing Street"),
            ["United Kingdom", "United States"]
        );
    }

    #[test]
    fn labels_in_other_languages_name_regions() {
        assert_eq!(region_for_label("Japon"), Some("East Asia & Pacific"));
        assert_eq!(
            region_for_label("Moyen-Orient"),
            Some("Middle East & North Africa")
        );
        assert_eq!(region_for_label("国際"), None);
    }

    #[test]
    fn pronouns_are_not_countries() {
        let mentions = countries_mentioned("", "Let us go to the turkey farm, said the chad.");
        assert!(mentions.is_empty(), "{mentions:?}");
    }

    #[test]
    fn countries_of_one_region_give_it() {
        let one = |names: &[&str]| one_region_of(&names.iter().map(|n| n.to_string()).collect::<Vec<_>>());
        assert_eq!(one(&["France"]), region_of_country("France"));
        assert_eq!(one(&["France", "Germany"]), region_of_country("Germany"));
        assert_eq!(one(&["France", "Japan"]), None);
        assert_eq!(one(&[]), None);
    }
}
