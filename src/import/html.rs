//! Saved web pages, read the simple way: the page's own metadata (Open Graph,
//! JSON-LD, `<meta>`) for the fields, and its visible text run through the
//! clipping parser for the body. The clipping parser already separates prose
//! from navigation, so a page reads like a whole-page copy.

use super::clipping::{TITLE_SEPARATORS, finish, headline_and_kind, read_clipping};
use super::lines::single_spaced;
use super::readable::readable_article;
use crate::model::{DatePrecision, ExtractedArticle, Published};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Elements whose content is never read as text, each with its own closing
/// tag (the regex crate has no back-references to pair them in one pattern).
static HIDDEN: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let mut patterns = vec![Regex::new(r"(?s)<!--.*?-->").expect("valid pattern")];
    for tag in ["script", "style", "noscript", "svg", "template", "iframe", "head"] {
        patterns.push(Regex::new(&format!(r"(?is)<{tag}\b.*?</{tag}\s*>")).expect("valid pattern"));
    }
    patterns
});
static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(p|div|h[1-6]|br|section|article|header|footer|nav|aside|ul|ol|table|tr|blockquote|figure|figcaption|main|form|hr|pre|dd|dt)\b[^>]*>")
        .expect("valid pattern")
});
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<li\b[^>]*>").expect("valid pattern"));
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("valid pattern"));
static META: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]*>").expect("valid pattern"));
static ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid pattern"));
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title[^>]*>(.*?)</title>").expect("valid pattern"));
static HTML_LANG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<html\b[^>]*\blang\s*=\s*["']?([A-Za-z-]+)"#).expect("valid pattern")
});
static CANONICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<link\b[^>]*rel\s*=\s*["']canonical["'][^>]*>"#).expect("valid pattern")
});
static JSON_LD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>"#).expect("valid pattern")
});
static DATE_PUBLISHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).expect("valid pattern"));
static UPLOAD_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""uploadDate"\s*:\s*"([^"]+)""#).expect("valid pattern"));
static TIME_ELEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<time\b[^>]*\bdatetime\s*=[^>]*>").expect("valid pattern"));
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)|[-_/](20\d{2})(\d{2})(\d{2})(?:\D|$)")
        .expect("valid pattern")
});
/// The header of the newer side of a wiki's revision comparison: the cell
/// wiki software marks `diff-ntitle`, up to its end.
static NEWER_REVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<td\b[^>]*\bclass\s*=\s*["'][^"']*\bdiff-ntitle\b[^>]*>(.*?)</td>"#)
        .expect("valid pattern")
});
static INLINE_SCRIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<script\b([^>]*)>([^<]{1,200})</script>").expect("valid pattern"));
static BODY_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<body\b").expect("valid pattern"));
static AUTHOR_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<a\b[^>]*\brel\s*=\s*["']?author\b[^>]*>(.*?)</a>"#).expect("valid pattern")
});
/// schema.org microdata: the element that holds an author's name
/// (`<span itemprop="author">`).
static AUTHOR_PROP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<(span|p|a|div|li|address)\b[^>]*\bitemprop\s*=\s*["']?author\b[^>]*>"#)
        .expect("valid pattern")
});
static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);").expect("valid pattern"));

pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.contains("<head") && head.contains("<body"))
        || head.contains("<meta ")
        // A page saved without its opening tags starts in its head: a
        // style sheet or a script can fill the first kilobytes.
        || ["<head", "<title", "<style", "<script", "<link ", "<body"]
            .iter()
            .any(|tag| head.starts_with(tag))
}

pub fn decode_entities(text: &str) -> String {
    ENTITY
        .replace_all(text, |c: &regex::Captures| {
            let name = &c[1];
            let decoded = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else if name == "nbsp" {
                // A no-break space is read as a space, as the text's other
                // spaces are.
                Some(' ')
            } else {
                // Every named entity of HTML5 (2,231 names), from the table
                // the HTML parser itself uses; a name it does not know stays
                // as written.
                return html5ever::data::NAMED_ENTITIES
                    .get(format!("{name};").as_str())
                    .map(|&(first, second)| {
                        [first, second]
                            .into_iter()
                            .filter(|&code| code != 0)
                            .filter_map(char::from_u32)
                            .collect::<String>()
                    })
                    .unwrap_or_else(|| c[0].to_string());
            };
            decoded.map(String::from).unwrap_or_else(|| c[0].to_string())
        })
        .into_owned()
}

/// The page's visible text, one block element a paragraph.
fn visible_text(html: &str) -> String {
    let mut text = html.to_string();
    for hidden in HIDDEN.iter() {
        text = hidden.replace_all(&text, "\n").into_owned();
    }
    let text = LIST_ITEM.replace_all(&text, "\n\n• ");
    let text = BLOCK.replace_all(&text, "\n\n");
    let text = TAG.replace_all(&text, "");
    let text = decode_entities(&text);
    // Inside a block, line breaks in the source are just spaces.
    text.split("\n\n")
        .map(single_spaced)
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn meta_tags(html: &str) -> Vec<(String, String)> {
    META.find_iter(html)
        .filter_map(|m| {
            let mut key = None;
            let mut content = None;
            for a in ATTR.captures_iter(m.as_str()) {
                let value = a.get(2).or(a.get(3)).map(|v| v.as_str()).unwrap_or("");
                match a[1].to_lowercase().as_str() {
                    "property" | "name" | "itemprop" => key = Some(value.to_lowercase()),
                    "content" => content = Some(decode_entities(value).trim().to_string()),
                    _ => {}
                }
            }
            Some((key?, content.filter(|c| !c.is_empty())?))
        })
        .collect()
}

/// Fills the article's fields from the page's JSON-LD; returns the raw
/// publication stamp its date was read from, for [`publisher_day`].
fn json_ld_fields(html: &str, article: &mut ExtractedArticle) -> Option<String> {
    let mut stamp: Option<String> = None;
    let mut fallback: Option<(Published, String)> = None;
    for c in JSON_LD.captures_iter(html) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(c[1].trim()) else {
            // Hand-written JSON-LD is often not quite JSON; its date still counts.
            if fallback.is_none()
                && let Some(d) = DATE_PUBLISHED.captures(&c[1])
            {
                fallback = parse_meta_date(&d[1]).map(|p| (p, d[1].to_string()));
            }
            continue;
        };
        let mut nodes = vec![value];
        while let Some(node) = nodes.pop() {
            match node {
                serde_json::Value::Array(items) => nodes.extend(items),
                serde_json::Value::Object(map) => {
                    let kind = map.get("@type").map(|t| t.to_string()).unwrap_or_default();
                    if kind.contains("Article") || kind.contains("Posting") || kind.contains("Report") {
                        if let Some(h) = map.get("headline").and_then(|v| v.as_str()) {
                            article.title.get_or_insert_with(|| decode_entities(h));
                        }
                        if let Some(d) = map.get("datePublished").and_then(|v| v.as_str())
                            && article.published.is_none()
                        {
                            article.published = parse_meta_date(d);
                            stamp = Some(d.to_string());
                        }
                        if article.authors.is_empty() {
                            article.authors = names_of(map.get("author"));
                        }
                        if let Some(s) = map.get("articleSection").and_then(|v| v.as_str()) {
                            article.section.get_or_insert_with(|| s.to_string());
                        }
                        if let Some(p) = map
                            .get("publisher")
                            .and_then(|p| p.get("name"))
                            .and_then(|v| v.as_str())
                        {
                            article.source.get_or_insert_with(|| p.to_string());
                        }
                    }
                    // A WebPage or other node may carry the date when no
                    // Article node does (as in some publishing tools' graphs).
                    if let Some(d) = map.get("datePublished").and_then(|v| v.as_str())
                        && article.published.is_none()
                        && fallback.is_none()
                    {
                        fallback = parse_meta_date(d).map(|p| (p, d.to_string()));
                    }
                    if let Some(graph) = map.get("@graph") {
                        nodes.push(graph.clone());
                    }
                }
                _ => {}
            }
        }
    }
    if article.published.is_none()
        && let Some((published, raw)) = fallback
    {
        article.published = Some(published);
        stamp = Some(raw);
    }
    stamp.filter(|_| article.published.is_some())
}

/// Names in the page's author links (`<a rel="author">`), in order, once each.
fn author_links(html: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in AUTHOR_LINK.captures_iter(html) {
        let text = decode_entities(&TAG.replace_all(&c[1], " "));
        let name = single_spaced(&text);
        let plausible = !name.is_empty() && name.split_whitespace().count() <= 5 && !name.contains("://");
        if plausible && !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            names.push(name);
        }
        if names.len() == 4 {
            break;
        }
    }
    names
}

/// The names in the first element marked `itemprop="author"`: "Martin
/// Untersinger (avec Damien Leloup et Morgane Tual)" names three people.
fn microdata_authors(html: &str) -> Vec<String> {
    let Some(c) = AUTHOR_PROP.captures(html) else {
        return Vec::new();
    };
    let (Some(open), Some(tag)) = (c.get(0), c.get(1)) else {
        return Vec::new();
    };
    // The element's content runs to its own closing tag (links inside it
    // close first).
    let rest = &html[open.end()..];
    let closing = format!("</{}", tag.as_str().to_ascii_lowercase());
    // A byline is short; an element that runs on is a whole author box.
    let window = &rest.as_bytes()[..rest.len().min(2000 + closing.len())];
    let Some(inner) = window
        .windows(closing.len())
        .position(|w| w.eq_ignore_ascii_case(closing.as_bytes()))
        .and_then(|end| rest.get(..end))
    else {
        return Vec::new();
    };
    let text = decode_entities(&TAG.replace_all(inner, " "));
    // "X (avec Y et Z)": the bracket and its words join co-authors.
    let mut text = text.replace(['(', ')'], ", ");
    for joiner in [" avec ", " with ", " et "] {
        text = text.replace(joiner, ", ");
    }
    byline_names(&text)
}

/// `<time datetime="…">`, the one marked as the publication date first;
/// with `unmarked_too`, else the first of any (a page whose only date is
/// its dateline), which may be any date the text cites.
fn time_element_date(html: &str, unmarked_too: bool) -> Option<Published> {
    let mut first = None;
    for m in TIME_ELEMENT.find_iter(html) {
        let tag = m.as_str();
        let mut datetime = None;
        let mut marked = false;
        for a in ATTR.captures_iter(tag) {
            let value = a.get(2).or(a.get(3)).map(|v| v.as_str()).unwrap_or("");
            match a[1].to_lowercase().as_str() {
                "datetime" => datetime = parse_meta_date(value),
                "itemprop" | "class" | "pubdate" => {
                    let v = value.to_lowercase();
                    marked |= v.contains("publish") || v.contains("pubdate") || v.contains("created");
                }
                _ => {}
            }
        }
        if tag.to_lowercase().contains(" pubdate") {
            marked = true;
        }
        match datetime {
            Some(d) if marked => return Some(d),
            Some(d) if unmarked_too => {
                first.get_or_insert(d);
            }
            _ => {}
        }
    }
    first
}

/// A date a tiny inline script in the body writes into the page, as older
/// publishing tools print their datelines (`showDate("2020/04/17 01:43")`):
/// the reader sees it, though the saved page only holds the script.
fn script_written_date(html: &str) -> Option<Published> {
    let body = BODY_TAG.find(html).map_or(html, |m| &html[m.start()..]);
    INLINE_SCRIPT
        .captures_iter(body)
        .filter(|c| !c[1].to_lowercase().contains("src"))
        .filter_map(|c| super::dates::find_date(&c[2]))
        .map(|found| found.published)
        .find(|p| p.precision == DatePrecision::Day)
}

/// A page comparing two revisions of a wiki article shows a change, and a
/// change is dated by when it was made: the newer revision's date
/// ("Latest revision as of 05:33, 7 April 2020"), not the article's
/// creation its metadata gives.
fn newer_revision_date(html: &str) -> Option<Published> {
    if !html.contains("diff-ntitle") {
        return None;
    }
    let header = NEWER_REVISION.captures(html)?;
    let text = decode_entities(&TAG.replace_all(&header[1], " "));
    super::dates::find_date(&text)
        .map(|found| found.published)
        .filter(|p| p.precision == DatePrecision::Day)
}

/// The day a video's page gives as its upload's (`itemprop="uploadDate"`
/// or JSON-LD's `uploadDate`): on a page that states no publication, the
/// video's is the page's. Below a publication stamp, since an article
/// may embed a video uploaded before it.
fn upload_date(html: &str) -> Option<Published> {
    let raw = meta_tags(html)
        .into_iter()
        .find(|(key, _)| key == "uploaddate")
        .map(|(_, content)| content)
        .or_else(|| UPLOAD_DATE.captures(html).map(|c| c[1].to_string()))?;
    parse_meta_date(&raw)
}

/// A date in the page's own address: `/2020/01/18/`, `2020-01-18`, `-20200113`.
pub(crate) fn url_date(url: &str) -> Option<Published> {
    let c = URL_DATE.captures(url)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = match (num(1), num(4)) {
        (Some(y), _) => (y, num(2)?, num(3)?),
        (None, Some(y)) => (y, num(5)?, num(6)?),
        _ => return None,
    };
    if !(1990..=2100).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d).map(Published::day)
}

static UTC_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\d[T ](\d{1,2}):(\d{1,2})(?::\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)\s*$")
        .expect("valid pattern")
});

/// Minutes past midnight of a stamp written in UTC (`…T02:18:11Z`,
/// `+00:00`); `None` for stamps in local time or without a time.
fn utc_minutes(raw: &str) -> Option<u32> {
    let c = UTC_CLOCK.captures(raw.trim())?;
    let (hour, minute) = (c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?);
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

/// A stamp with seconds and its zone's offset ("23:00:00 -0400",
/// "T19:02:32+05:30", "21:14:08 GMT-0400"): a machine's, not a phrase's.
static ZONED_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\s?(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})\b")
        .expect("valid pattern")
});

/// A day alone, with no time, as a page's data names it (`"DateModification":
/// "2020-08-24"`): written in the publisher's own zone, where a machine's
/// stamps are in UTC.
static DATA_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""\w*[Dd]ate\w*"\s*:\s*"(\d{4}-\d{2}-\d{2})""#).expect("valid pattern"));

/// The first day alone in the page's data that falls before a UTC stamp's
/// day: the publisher's day of a stamp written after its midnight in UTC
/// but not in its own zone. (A day after the stamp's is a later revision's.)
fn data_day_before(raw_stamp: &str, html: &str) -> Option<Published> {
    utc_minutes(raw_stamp)?;
    let stamp_day = chrono::NaiveDate::parse_from_str(raw_stamp.get(..10)?, "%Y-%m-%d").ok()?;
    DATA_DAY
        .captures_iter(html)
        .filter_map(|c| chrono::NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok())
        .find(|day| day.succ_opt() == Some(stamp_day))
        .map(Published::day)
}

/// The day a UTC publication stamp falls on in the zone the page's other
/// stamps are written in (a schedule's "-0400", a feed's "+05:30"): the
/// publisher's own zone, when the page names no day of its own.
fn day_in_page_zone(raw_stamp: &str, html: &str) -> Option<Published> {
    utc_minutes(raw_stamp)?;
    let mut offsets: HashMap<i32, usize> = HashMap::new();
    for c in ZONED_STAMP.captures_iter(html) {
        let (hours, minutes) = (c[2].parse::<i32>().ok()?, c[3].parse::<i32>().ok()?);
        let offset = (hours * 60 + minutes) * if &c[1] == "-" { -1 } else { 1 };
        if offset != 0 && hours <= 14 && matches!(minutes, 0 | 30 | 45) {
            *offsets.entry(offset).or_default() += 1;
        }
    }
    let (&offset, _) = offsets
        .iter()
        .max_by_key(|&(offset, count)| (*count, -offset.abs()))?;
    let utc = chrono::NaiveDateTime::parse_from_str(raw_stamp.get(..19)?, "%Y-%m-%dT%H:%M:%S").ok()?;
    Some(Published::day(
        (utc + chrono::Duration::minutes(i64::from(offset))).date(),
    ))
}

/// Many publishing tools write their stamps in UTC while the page's readers
/// (and its URL, and its printed dateline) go by the publisher's own day. A
/// UTC stamp close enough to midnight for a zone in use (10 hours west at
/// most, 14 east) to fall on the neighbouring day is taken as that day when
/// the page's `witness` says so; any other disagreement keeps the stamp.
fn publisher_day(stamp: Published, raw: &str, witness: Option<Published>) -> Published {
    let (Some(minutes), Some(witness)) = (utc_minutes(raw), witness) else {
        return stamp;
    };
    if stamp.precision != DatePrecision::Day || witness.precision != DatePrecision::Day {
        return stamp;
    }
    let west = stamp.date.pred_opt() == Some(witness.date) && minutes < 10 * 60;
    let east = stamp.date.succ_opt() == Some(witness.date) && minutes >= 10 * 60;
    if west || east {
        Published::day(witness.date)
    } else {
        stamp
    }
}

fn names_of(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Object(map)) => map
            .get("name")
            .and_then(|n| n.as_str())
            .map(|n| vec![n.to_string()])
            .unwrap_or_default(),
        Some(serde_json::Value::Array(items)) => items.iter().flat_map(|i| names_of(Some(i))).collect(),
        _ => Vec::new(),
    }
}

fn parse_meta_date(value: &str) -> Option<Published> {
    Published::from_iso(value.get(..19).unwrap_or(value))
        .or_else(|| Published::from_iso(value.get(..10).unwrap_or(value)))
        .or_else(|| super::dates::find_date(value).map(|f| f.published))
}

/// The site's name after the headline in the page's `<title>`:
/// "Headline - Site" → "Site", when the head is the article's headline.
fn site_name_from_page_title(page_title: &str, headline: &str) -> Option<String> {
    TITLE_SEPARATORS.iter().find_map(|separator| {
        let (head, tail) = page_title.rsplit_once(separator)?;
        let tail = tail.trim();
        let names_headline = head.trim().ends_with(headline.trim()) || headline.trim().ends_with(head.trim());
        (names_headline && !tail.is_empty() && tail.split_whitespace().count() <= 5).then(|| tail.to_string())
    })
}

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
fn byline_names(byline: &str) -> Vec<String> {
    // A byline block often ends with the date ("Jane Doe 22 Dec 2016"), and
    // is sometimes only a date: names come before it.
    let byline = match super::dates::find_date(byline) {
        Some(found) => byline.get(..found.start).unwrap_or(byline),
        None => byline,
    };
    let byline = byline.trim();
    let byline = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| byline.strip_prefix(p))
        .unwrap_or(byline);
    byline
        .split([',', '&', '|'])
        .flat_map(|p| p.split(" and "))
        .map(single_spaced)
        .filter(|n| !n.is_empty() && n.split_whitespace().count() <= 6 && !n.contains("://"))
        .collect()
}

/// "Headline | Site" → "Headline" when the tail is the site's own name
/// (Readability keeps the tail of a short headline, unsure what it is).
fn without_site_name<'a>(title: &'a str, site: &str) -> &'a str {
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().eq_ignore_ascii_case(site.trim())
            && !head.trim().is_empty()
        {
            return head.trim();
        }
    }
    title
}

pub fn extract_html(html: &str) -> ExtractedArticle {
    extract(html, Guesses::FromText)
}

/// A page another tool saved (often only the article's fragment): its text,
/// and of its fields only what its markup states. A date or section read
/// off the text of such a page is a guess at best (a year in a Wikipedia
/// article became its publication date), and the tool's own record says
/// what it knew.
pub fn extract_saved_content(html: &str) -> ExtractedArticle {
    extract(html, Guesses::MarkupOnly)
}

/// Whether an article's fields may be guessed from its text, as for a
/// page the user saved, or only taken from its markup.
#[derive(PartialEq)]
enum Guesses {
    FromText,
    MarkupOnly,
}

fn extract(html: &str, guesses: Guesses) -> ExtractedArticle {
    let from_text = guesses == Guesses::FromText;
    let mut meta = ExtractedArticle::default();
    let mut stamp = json_ld_fields(html, &mut meta);
    for (key, content) in meta_tags(html) {
        match key.as_str() {
            "og:title" | "twitter:title" | "dc.title" => {
                meta.title.get_or_insert(content);
            }
            "article:published_time"
            | "datepublished"
            | "dc.date"
            | "dc.date.issued"
            | "date"
            | "pubdate"
            | "publish-date"
            | "sailthru.date"
            | "parsely-pub-date" => {
                // A page that states its publication twice, on different
                // days, was first published on the earlier.
                let parsed = parse_meta_date(&content);
                let earlier = match (parsed, meta.published) {
                    (Some(new), Some(old)) => {
                        new.precision == DatePrecision::Day
                            && old.precision == DatePrecision::Day
                            && new.date < old.date
                    }
                    (Some(_), None) => true,
                    _ => false,
                };
                if earlier {
                    meta.published = parsed;
                    stamp = Some(content);
                }
            }
            // The site's own name wins over the other guesses, wherever it
            // sits in the head.
            "og:site_name" => meta.source = Some(content),
            "dc.publisher" => {
                meta.source.get_or_insert(content);
            }
            // Some sites put the page's title in its application name: a
            // name is a few words, a headline more.
            "application-name" if content.split_whitespace().count() <= 5 => {
                meta.source.get_or_insert(content);
            }
            // The New York Times' byline meta says "By …".
            "byl" if meta.authors.is_empty() => {
                let names = content.trim_start_matches("By ").trim_start_matches("by ");
                meta.authors = names
                    .split([',', '&'])
                    .flat_map(|p| p.split(" and "))
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
            }
            "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author"
                if meta.authors.is_empty() && !content.starts_with("http") =>
            {
                meta.authors = vec![content];
            }
            "article:section" | "parsely-section" => {
                meta.section.get_or_insert(content);
            }
            "og:url" => {
                meta.url.get_or_insert(content);
            }
            _ => {}
        }
    }
    if let Some(c) = CANONICAL.find(html) {
        for a in ATTR.captures_iter(c.as_str()) {
            if a[1].eq_ignore_ascii_case("href") {
                meta.url = a.get(2).or(a.get(3)).map(|v| v.as_str().to_string());
            }
        }
    }
    if meta.authors.is_empty() {
        meta.authors = author_links(html);
    }
    if meta.authors.is_empty() {
        meta.authors = microdata_authors(html);
    }
    if let Some(revised) = newer_revision_date(html) {
        meta.published = Some(revised);
        stamp = None;
    }
    if meta.published.is_none() {
        meta.published = time_element_date(html, from_text)
            .or_else(|| upload_date(html))
            .or_else(|| meta.url.as_deref().and_then(url_date));
    }
    let page_title = TITLE.captures(html).map(|c| decode_entities(c[1].trim()));
    let readable = readable_article(html);
    // Readability's body when it found one; otherwise the whole visible page
    // read like a copied clipping, which separates prose from furniture too.
    let mut article = match &readable {
        Some(r) => {
            let mut from_page = read_clipping(&visible_text(html));
            from_page.body = r.body.clone();
            from_page
        }
        None => read_clipping(&visible_text(html)),
    };
    if !from_text {
        // Only the text and what is read from it as any text is (its
        // places) stay of the clipping reader's work.
        article.title = None;
        article.published = None;
        article.section = None;
        article.source = None;
        article.authors.clear();
        article.tags.clear();
        article.url = None;
    }
    let readable_title = readable.as_ref().and_then(|r| r.title.clone());
    article.title = readable_title
        .or(meta.title)
        .or(article.title)
        .or(page_title.clone());
    if let Some(title) = article.title.take() {
        let (headline, kind) = headline_and_kind(&title);
        if let Some(kind) = kind {
            article.kind = Some(kind.to_string());
        }
        article.title = Some(headline);
    }
    // The day a reader of the page saw: the URL's, or failing that the
    // printed dateline's, when a UTC stamp falls on the day next to it.
    let witness = meta
        .url
        .as_deref()
        .and_then(url_date)
        // A month alone witnesses no day.
        .or(article.published.filter(|p| p.precision == DatePrecision::Day))
        .or_else(|| day_in_page_zone(stamp.as_deref()?, html))
        .or_else(|| data_day_before(stamp.as_deref()?, html));
    let stamped = match (meta.published, stamp.as_deref()) {
        (Some(p), Some(raw)) => Some(publisher_day(p, raw, witness)),
        (published, _) => published,
    };
    article.published = stamped
        .or(article.published)
        .or_else(|| script_written_date(html).filter(|_| from_text));
    let site_in_title = page_title
        .as_deref()
        .zip(article.title.as_deref())
        .and_then(|(page, headline)| site_name_from_page_title(page, headline));
    article.source = meta.source.or(site_in_title).or(article.source);
    if let (Some(title), Some(source)) = (article.title.as_deref(), article.source.as_deref()) {
        article.title = Some(without_site_name(title, source).to_string());
    }
    match readable
        .as_ref()
        .and_then(|r| r.byline.as_deref())
        .map(byline_names)
        .filter(|a| !a.is_empty())
    {
        Some(byline) => article.authors = byline,
        None if !meta.authors.is_empty() => article.authors = meta.authors,
        None => {}
    }
    article.section = meta.section.or(article.section);
    article.url = meta.url.or(article.url);
    article.language = HTML_LANG.captures(html).map(|c| c[1].to_string());
    finish(article)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_tool_s_saved_fragment_gives_its_text_and_no_markup_or_guesses() {
        let fragment = "<div class=\"page\" id=\"readability-page-1\"><div><h2>Règles du jeu[modifier]</h2>\
            <p>The rules were fixed late in the fifteenth century, and a manual of <time datetime=\"1993-03-30\">30 March \
            1993</time> sets them out for the tournaments of today in every detail.</p></div></div>";
        let saved = super::extract_saved_content(fragment);
        assert!(saved.body.contains("fifteenth century"), "{}", saved.body);
        assert!(
            !saved.title.as_deref().unwrap_or("").contains('<'),
            "{:?}",
            saved.title
        );
        assert_eq!(saved.published, None);
        assert_eq!(saved.section, None);
        let marked = "<p>Text of the article, long enough to be read as one by anybody.</p>\
            <time class=\"published\" datetime=\"2021-05-04\">4 May</time>";
        assert_eq!(
            super::extract_saved_content(marked)
                .published
                .map(|p| p.date.to_string())
                .as_deref(),
            Some("2021-05-04")
        );
    }

    #[test]
    fn every_named_and_numeric_entity_is_decoded() {
        assert_eq!(
            decode_entities(
                "It&#039;s &eacute;t&eacute; &hellip; &frac12; &Ccedil;a &#x2014; &apos;x&apos;&nbsp;y"
            ),
            "It's été … ½ Ça — 'x' y"
        );
        // A name HTML does not have stays as written.
        assert_eq!(decode_entities("&notanentity; & &amp"), "&notanentity; & &amp");
    }

    use super::*;

    #[test]
    fn a_page_nested_deeper_than_readability_goes_is_read_by_our_own_reader() {
        let prose = "<p>The council voted on Tuesday to rebuild the harbour wall, a project that has been \
            delayed for a decade, and residents said they were relieved at last.</p>"
            .repeat(4);
        let page = format!(
            "<html><head><title>Harbour wall</title></head><body>{}{prose}{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        assert!(extract_html(&page).body.contains("harbour wall"));
    }

    #[test]
    fn authors_from_author_links() {
        let html = r#"<a href="/author/dan" rel="author"><span itemprop="name">Dan  Goodin</span></a>
            <a rel="author" href="/author/dan">Dan Goodin</a><a rel="nofollow">Not Me</a>"#;
        assert_eq!(author_links(html), vec!["Dan Goodin"]);
    }

    #[test]
    fn dates_from_time_elements_urls_and_loose_json_ld() {
        let time = r#"<time datetime="2019-01-01">x</time><time class="published" datetime="2020-06-22T09:30:00+02:00">"#;
        assert_eq!(
            time_element_date(time, true).unwrap().date.to_string(),
            "2020-06-22"
        );
        assert_eq!(
            url_date("https://x.org/news/2020/01/18/story").unwrap().to_iso(),
            "2020-01-18"
        );
        assert_eq!(
            url_date("https://x.org/world/story-20200113").unwrap().to_iso(),
            "2020-01-13"
        );
        assert!(url_date("https://x.org/item/123456789").is_none());
        let loose =
            r#"<script type="application/ld+json">{"datePublished": "2020-10-26T18:10:00+03:00", }</script>"#;
        let mut a = ExtractedArticle::default();
        json_ld_fields(loose, &mut a);
        assert_eq!(a.published.unwrap().date.to_string(), "2020-10-26");
    }

    #[test]
    fn a_utc_stamp_takes_the_day_of_the_zone_the_page_writes_its_other_stamps_in() {
        let page = r#"<html><head>
            <meta property="article:published_time" content="2020-05-02T02:54:29.000Z">
            <title>Station to close overnight for cleaning</title></head><body>
            <script>{"schedule":[{"date":"Fri, 01 May 2020 23:00:00 -0400"},{"date":"Sat, 02 May 2020 06:00:00 -0400"}],
            "slots":"11:00-11:30"}</script>
            <article><h1>Station to close overnight for cleaning</h1>
            <p>The station will close every night from one until five in the morning, so that crews can clean
            the concourse and the platforms, the transit authority said on Friday evening.</p>
            <p>Trains will still run through the station, but will not stop, and buses will carry riders
            between the neighbouring stops during the hours it is closed.</p></article></body></html>"#;
        assert_eq!(
            day_in_page_zone("2020-05-02T02:54:29.000Z", page).map(|d| d.to_iso()),
            Some("2020-05-01".to_string())
        );
        let article = extract_html(page);
        assert_eq!(
            article.published.map(|p| p.date_label()).as_deref(),
            Some("2020-05-01")
        );
        // A page that writes every stamp in UTC gives no zone of its own.
        assert_eq!(
            day_in_page_zone("2020-05-02T02:54:29Z", "<p>02:54:29 +0000</p>"),
            None
        );
    }

    #[test]
    fn utc_stamps_near_midnight_take_the_publishers_day() {
        let day = |s: &str| Published::from_iso(s);
        let stamp = |s: &str| parse_meta_date(s).unwrap();
        // Written at 01:30 UTC, in the evening of the day before in the Americas.
        let raw = "2021-03-09T01:30:00Z";
        let got = publisher_day(stamp(raw), raw, day("2021-03-08"));
        assert_eq!(got.to_iso(), "2021-03-08");
        // Late in the UTC evening, already the next day in Asia.
        let raw = "2021-03-08T22:10:00+00:00";
        assert_eq!(
            publisher_day(stamp(raw), raw, day("2021-03-09")).to_iso(),
            "2021-03-09"
        );
        // Noon UTC is the same day almost everywhere: the stamp stands.
        let raw = "2021-03-09T12:00:00Z";
        assert_eq!(
            publisher_day(stamp(raw), raw, day("2021-03-08")).date_label(),
            "2021-03-09"
        );
        // A stamp in local time, or a witness two days off, changes nothing.
        let raw = "2021-03-09T01:30:00+02:00";
        assert_eq!(
            publisher_day(stamp(raw), raw, day("2021-03-08")).date_label(),
            "2021-03-09"
        );
        let raw = "2021-03-09T01:30:00Z";
        assert_eq!(
            publisher_day(stamp(raw), raw, day("2021-03-07")).date_label(),
            "2021-03-09"
        );
        assert_eq!(utc_minutes("2021-03-09T23:15:0Z"), Some(23 * 60 + 15));
        assert_eq!(utc_minutes("2021-03-09"), None);
    }

    #[test]
    fn dates_written_by_small_inline_scripts() {
        let html = r#"<html><head><script>var built = "2001-01-01";</script></head><body>
            <script src="/app.js"></script><script>var n = 3;</script>
            <td><script>printDate("2019/11/05 08:12:00")</script> 12 views</td></body></html>"#;
        assert_eq!(script_written_date(html).unwrap().date_label(), "2019-11-05");
        assert!(script_written_date("<body><script>track('x');</script></body>").is_none());
    }

    /// An evening piece of a paper in the Americas, stamped after midnight
    /// in UTC: its page's data names the publisher's own day alone, and
    /// its text mentions only a month.
    #[test]
    fn a_day_alone_in_the_pages_data_corrects_a_utc_stamp() {
        let page = |data_day: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
                "datePublished":"2020-08-25T00:23:33.312Z"}}</script>
                <script>var stats = {{"Section":"regions","DateModification":"{data_day}"}};</script>
                <title>School buses will run from mid-September</title></head><body><article>
                <h1>School buses will run from mid-September</h1>
                <p>The school boards said on Monday evening that buses would run from the middle of
                September 2020, two weeks later than planned, because too few drivers had been hired.</p>
                <p>Parents will be told the times of the new routes by letter, the boards said, and the
                first week of classes will be taught online for pupils who live beyond walking distance.</p>
                </article></body></html>"#
            )
        };
        let day = |html: &str| extract_html(html).published.map(|p| p.date_label());
        assert_eq!(day(&page("2020-08-24")).as_deref(), Some("2020-08-24"));
        // A later day in the data is a revision's: the stamp stands.
        assert_eq!(day(&page("2020-08-26")).as_deref(), Some("2020-08-25"));
    }

    #[test]
    fn the_url_day_corrects_a_utc_stamp() {
        let html = r#"<html><head><link rel="canonical" href="https://news.example/2021/03/08/late-vote/">
            <meta property="article:published_time" content="2021-03-09T02:05:00Z"></head>
            <body><p>The vote ran late into the night.</p></body></html>"#;
        assert_eq!(extract_html(html).published.unwrap().date_label(), "2021-03-08");
    }

    #[test]
    fn microdata_names_the_authors() {
        let html = r#"<p><span itemprop="author" class="auteur"><a href="/j/mu">Martin Untersinger</a> (avec Damien Leloup et Morgane Tual)</span></p>"#;
        assert_eq!(
            microdata_authors(html),
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        assert!(microdata_authors("<p>No byline here</p>").is_empty());
    }

    #[test]
    fn a_byline_ends_where_its_date_begins() {
        assert_eq!(
            byline_names("By Jane Doe and John Roe 22 Dec 2016"),
            ["Jane Doe", "John Roe"]
        );
        assert!(byline_names("April 28, 2019 at 6:01 am Updated April 29, 2019").is_empty());
    }

    #[test]
    fn the_site_name_wins_over_an_application_name_that_is_the_headline() {
        let html = r#"<html><head><meta name="application-name" content="Council agrees to rebuild the harbour wall after years">
            <meta property="og:site_name" content="Harbour Post"></head>
            <body><article><h1>Council agrees</h1><p>The council voted on Tuesday to rebuild the harbour wall, a project that has been delayed for a decade.</p>
            <p>Residents said they were relieved, though the cost of the works remains a matter of fierce local debate.</p></article></body></html>"#;
        assert_eq!(extract_html(html).source.as_deref(), Some("Harbour Post"));
    }

    #[test]
    fn a_page_saved_from_its_style_sheet_on_is_a_web_page() {
        let style = format!(
            "<style type=\"text/css\">\n{}</style>\n",
            "  #banner { top: 0; left: 0; }\n".repeat(120)
        );
        let page = format!("{style}<div><h1>Harbour wall</h1><p>Text</p></div>");
        assert!(looks_like_html(&page));
        assert!(!looks_like_html(
            "Harbour wall\n\nThe council uses <style> tags in its letters."
        ));
    }

    #[test]
    fn reads_metadata_and_text() {
        let html = r#"<!DOCTYPE html><html lang="en"><head><title>Big news | Example Post</title>
            <meta property="og:title" content="Big news">
            <meta property="og:site_name" content="Example Post">
            <meta property="article:published_time" content="2020-02-03T10:00:00Z">
            <script>var x = "<p>not text</p>";</script></head>
            <body><nav><ul><li>Home</li><li>World</li></ul></nav>
            <article><h1>Big news</h1><p>The council voted on Tuesday to rebuild the harbour wall, a project that has been delayed for a decade &amp; more.</p>
            <p>Residents said they were relieved, though the cost of the works remains a matter of fierce local debate.</p></article></body></html>"#;
        assert!(looks_like_html(html));
        let a = extract_html(html);
        assert_eq!(a.title.as_deref(), Some("Big news"));
        assert_eq!(a.source.as_deref(), Some("Example Post"));
        assert_eq!(a.published.unwrap().date.to_string(), "2020-02-03");
        assert_eq!(a.language.as_deref(), Some("en"));
        assert!(a.body.starts_with("The council voted"), "{}", a.body);
        assert!(a.body.contains("decade & more."));
        assert!(!a.body.contains("not text"));
    }
}
