//! Plain-text clippings: an article copied from a news page with the page's
//! furniture around it (menus, share bars, bylines, "related" lists).
//!
//! No layout is hard-coded. Each unit (paragraph or list item) gets features
//! (length, prose or label, list item, date, breadcrumb, byline, boilerplate
//! vocabulary); the body is the densest run of prose, found as a maximum-sum
//! segment; the header fields are then read from the units around it.

use super::dates::{self, FoundDate};
use super::lines::{Unit, ends_sentence, is_cjk, is_prose, sentence_marks, split_units, word_count};
use super::regions;
use crate::model::ExtractedArticle;
use regex::Regex;
use std::sync::LazyLock;

/// Words that make up the page's furniture: a line made only of these is
/// navigation, a share bar or a call to subscribe, never the article.
const FURNITURE_WORDS: &[&str] = &[
    "print",
    "share",
    "shares",
    "tweet",
    "email",
    "e-mail",
    "mail",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "comments",
    "comment",
    "subscribe",
    "sign",
    "in",
    "up",
    "log",
    "login",
    "register",
    "menu",
    "search",
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "related",
    "articles",
    "stories",
    "read",
    "more",
    "see",
    "also",
    "recommended",
    "most",
    "popular",
    "trending",
    "newsletter",
    "newsletters",
    "follow",
    "us",
    "skip",
    "to",
    "content",
    "main",
    "back",
    "top",
    "home",
    "close",
    "next",
    "previous",
    "listen",
    "save",
    "gift",
    "article",
    "this",
    "on",
    "imprimer",
    "partager",
    "s'abonner",
    "abonnez-vous",
    "publicité",
    "lire",
    "aussi",
    "suite",
    "connecter",
    "se",
    "compartir",
    "imprimir",
    "suscríbete",
    "publicidad",
    "leer",
    "más",
    "iniciar",
    "sesión",
    "drucken",
    "teilen",
    "anzeige",
    "werbung",
    // Italian, Portuguese, Dutch, Polish, Czech and Russian share bars,
    // "related" labels and sign-ins.
    "condividi",
    "stampa",
    "correlati",
    "pubblicità",
    "compartilhar",
    "partilhar",
    "relacionadas",
    "publicidade",
    "delen",
    "gerelateerd",
    "advertentie",
    "udostępnij",
    "drukuj",
    "powiązane",
    "reklama",
    "sdílet",
    "tisk",
    "související",
    "поделиться",
    "печать",
    "реклама",
    "印刷",
    "共有",
    "シェア",
    "ツイート",
    "関連記事",
    "広告",
    "ログイン",
    "会員登録",
    "보내기",
    "공유",
    "인쇄",
    "|",
    "/",
    "·",
    "•",
];

/// Beginnings of lines that are furniture whatever follows.
const FURNITURE_PREFIXES: &[&str] = &[
    "read more",
    "related:",
    "see also",
    "advertisement",
    "share this",
    "sign up",
    "subscribe to",
    "follow us",
    "click here",
    "click to ",
    // The head of a list of other stories ("More news").
    "weitere meldungen",
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "tags:",
    "topics:",
    "keywords:",
    "photo:",
    "image:",
    "continue reading",
    "supported by",
    "listen to this",
    "illustration for article",
    "media caption",
    "image caption",
    "image copyright",
    "関連記事",
    "【関連",
    "ここから本文",
    "本文へ",
    "このページの",
    "ページの先頭",
];

/// Links to another story that papers set between an article's paragraphs
/// ("Read also: …"): not the article's, but no end to it either.
const READ_ALSO_PREFIXES: &[&str] = &[
    "read also",
    "also read",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "leer también",
    "lea también",
    "leia também",
    "leggi anche",
    "lesen sie auch",
    "lees ook",
    "czytaj także",
    "читайте также",
    "читайте також",
    "اقرأ أيضا",
    "إقرأ أيضا",
];

fn is_read_also(text: &str) -> bool {
    starts_like_read_also(&text.trim_start().to_lowercase())
}

fn starts_like_read_also(lower: &str) -> bool {
    READ_ALSO_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Labels of the kind of piece, on a line of their own or before a headline.
const KIND_LABELS: &[(&str, &str)] = &[
    ("editorial", "editorial"),
    ("editorials", "editorial"),
    ("our view", "editorial"),
    ("the view", "editorial"),
    ("éditorial", "editorial"),
    ("editoriale", "editorial"),
    ("leitartikel", "editorial"),
    ("社説", "editorial"),
    ("사설", "editorial"),
    ("社论", "editorial"),
    ("社論", "editorial"),
    ("opinion", "opinion"),
    ("opinión", "opinion"),
    ("opinião", "opinion"),
    ("meinung", "opinion"),
    ("op-ed", "opinion"),
    ("column", "opinion"),
    ("commentary", "opinion"),
    ("comment", "opinion"),
    ("tribune", "opinion"),
    ("tribuna", "opinion"),
    ("chronique", "opinion"),
    ("kommentar", "opinion"),
    ("論説", "opinion"),
    ("analysis", "analysis"),
    ("análisis", "analysis"),
    ("analyse", "analysis"),
    ("review", "review"),
    ("interview", "interview"),
    ("entretien", "interview"),
    ("entrevista", "interview"),
    ("letters", "letter"),
    ("letter", "letter"),
];

/// Words that publication names are made of.
const PUBLICATION_WORDS: &[&str] = &[
    "times",
    "post",
    "blog",
    "shimbun",
    "herald",
    "journal",
    "guardian",
    "tribune",
    "gazette",
    "telegraph",
    "chronicle",
    "monde",
    "país",
    "pais",
    "zeitung",
    "observer",
    "inquirer",
    "economist",
    "dawn",
    "hindu",
    "nation",
    "mundo",
    "figaro",
    "libération",
    "independent",
    "standard",
    "globe",
    "star",
    "courier",
    "express",
    "mirror",
    "mail",
    "news",
    "review",
    "press",
    "today",
    "weekly",
    "daily",
    "reporter",
    "bulletin",
    "examiner",
    "sentinel",
    "dispatch",
    "advertiser",
    "spiegel",
    "corriere",
    "repubblica",
    "stampa",
    "clarín",
    "nación",
    "nacion",
    "folha",
    "yomiuri",
    "mainichi",
    "nikkei",
    "sankei",
    "chosun",
    "joongang",
    "hankyoreh",
    "xinhua",
    "reuters",
    "bbc",
    "cnn",
    "npr",
    "afp",
    "agence",
    "kyodo",
    "yonhap",
    "diario",
    "diário",
    "quotidien",
    "magazine",
    "jazeera",
    "ledger",
    "mercury",
    "advocate",
    "citizen",
    "pioneer",
    "statesman",
    "enquirer",
    "banner",
    "beacon",
    "courant",
    "kurier",
    "tageblatt",
];
const PUBLICATION_SUFFIXES: &[&str] = &["新聞", "日報", "일보", "신문", "时报", "日报", "新闻", "通信"];

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by|par|por|von|door|av|written by|texte de|author:|auteur\s?:|autor:|autora:)\s+(\p{Lu}.*)$",
    )
    .expect("valid byline pattern")
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'\]\)]+"#).expect("valid url pattern"));
static SECTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:from the section|section\s?:|rubrique\s?:|sección\s?:|secção\s?:|ressort\s?:)\s*(.+)$")
        .expect("valid section pattern")
});
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:source|fuente|fonte|quelle|出典|出所)\s?[:：]\s*(.+)$").expect("valid source pattern")
});
/// A line that says where a text comes from: "From Wikipedia, the free
/// encyclopedia". The description after the comma, naming a kind of
/// publication, sets it apart from a headline such as "From Gaza, a
/// mother's plea".
static FROM_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^From ((?:[Tt]he )?\p{Lu}[\w.&'-]*(?: \p{Lu}[\w.&'-]*){0,3}), (?:the|an?) [\w ]{0,30}\b(?:encyclopa?edia|wiki|dictionary|archive|magazine|newspaper|journal)$",
    )
    .expect("valid from-line pattern")
});
/// "12 comments", "3 Responses": a count of the comments, furniture (the
/// head of the thread itself is a [`COMMENT_THREAD`]).
static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d+\s+(?:comments?|responses?|replies|reactions?)\b").expect("valid comment pattern")
});
/// The head of the readers' comments under an article: "There are 13
/// comments", "12 thoughts on “…”", "Leave a Reply". The article ends
/// there, however much the comments say. (A bare count, "11 Comments", is
/// as often a link under the headline: furniture only. A sentence such as
/// "300 responses to the survey backed the plan" names no quoted title.)
static COMMENT_THREAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)^(?:there (?:are|is) \d+ (?:comments?|responses?|replies)\s*$|\d+ (?:comments?|responses?|replies|thoughts?) (?:on|to) [“"‘'«].{1,160}[”"’'»]$|(?:leave|post|add|write) a (?:comment|reply|response)$|(?:deja(?:r)? (?:un|tu|su) comentario|escriba su comentario(?: aquí)?|deixe (?:um|seu) comentário|laisser un commentaire|lascia un commento|schreibe? einen kommentar|kommentar schreiben|оставить комментарий|добавить комментарий|napisz komentarz|dodaj komentarz)\s*[.:!]?$|join the (?:discussion|conversation)$|(?:reader|readers'|readers’) comments$)"#,
    )
    .expect("valid comment thread pattern")
});
/// The weight of a line of furniture: a menu, a share bar, a label.
const FURNITURE_WEIGHT: i64 = -150;
/// The weight of a comment thread's head: a wall the body never crosses.
const WALL: i64 = -1_000_000;
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:copyright|\(c\)|©)\s*(?i:copyright|©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.+?)(?:[.,]?\s*(?i:all rights reserved).*)?$")
        .expect("valid copyright pattern")
});

fn kind_of_label(label: &str) -> Option<&'static str> {
    let lower = label
        .trim()
        .trim_end_matches([':', '：', '|'])
        .trim()
        .to_lowercase();
    KIND_LABELS.iter().find(|(l, _)| *l == lower).map(|(_, k)| *k)
}

/// Splits "Editorial: Headline", "[Editorial] Headline", "Opinion | Headline"
/// or "社説：見出し" into the kind and the headline.
fn split_kind_prefix(line: &str) -> Option<(&'static str, String)> {
    let trimmed = line.trim();
    let brackets = [
        ('[', ']'),
        ('【', '】'),
        ('（', '）'),
        ('(', ')'),
        ('「', '」'),
        ('<', '>'),
        ('〈', '〉'),
    ];
    for (open, close) in brackets {
        if let Some(rest) = trimmed.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && let Some(kind) = kind_of_label(&rest[..end])
        {
            let headline = rest[end + close.len_utf8()..].trim();
            if !headline.is_empty() {
                return Some((kind, headline.to_string()));
            }
        }
    }
    for sep in [":", "：", "|", "｜", " - ", " – ", " — "] {
        if let Some(i) = trimmed.find(sep) {
            let (label, rest) = (&trimmed[..i], &trimmed[i + sep.len()..]);
            if let Some(kind) = kind_of_label(label) {
                let headline = rest.trim();
                if word_count(headline) >= 2 {
                    return Some((kind, headline.to_string()));
                }
            }
        }
    }
    None
}

/// A line of a page's header that an extractor may sweep into the text: a
/// dateline, a byline, a share bar.
pub fn is_header_line(text: &str) -> bool {
    is_furniture_line(text)
        || word_count(text) <= 14 && (dates::find_date(text).is_some() || byline_names(text).is_some())
}

/// A line of the page's furniture: "Advertisement", "Share on Facebook",
/// "Read more: …".
pub fn is_furniture_line(text: &str) -> bool {
    is_furniture(&Unit {
        text: text.to_string(),
        bullet: false,
    })
}

/// The kind of piece a headline's prefix names, and the headline without it:
/// "Opinion: …", "[Editorial] …", "Meinung | …".
pub fn headline_and_kind(title: &str) -> (String, Option<&'static str>) {
    match split_kind_prefix(title) {
        Some((kind, headline)) => (headline, Some(kind)),
        None => (title.to_string(), None),
    }
}

fn is_furniture(unit: &Unit) -> bool {
    let lower = unglue(&unit.text).to_lowercase();
    if FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || starts_like_read_also(&lower)
        || COMMENT_COUNT.is_match(&lower)
    {
        return true;
    }
    // "Skip to content", "Jump to navigation": a page's links to itself. A
    // sentence ("Jump to 2015, and …") is no link.
    if (lower.starts_with("skip to") || lower.starts_with("jump to")) && word_count(&lower) <= 8 {
        return true;
    }
    // "This is a BETA experience. You may opt-out by clicking here." (A
    // headline or a quotation with "click here" inside it is no link.)
    let ends_on = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    if (ends_on.ends_with("click here") || ends_on.ends_with("clicking here")) && word_count(&lower) <= 15 {
        return true;
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    !tokens.is_empty()
        && tokens.len() <= 6
        && tokens.iter().all(|t| {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '|');
            t.is_empty() || FURNITURE_WORDS.contains(&t) || t.chars().all(|c| c.is_ascii_digit())
        })
}

/// Link texts a copy glued together ("Skip to contentSkip to site index")
/// pulled apart where a lower-case letter runs into a capital.
fn unglue(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous_lower = false;
    for c in text.chars() {
        if previous_lower && c.is_uppercase() {
            out.push(' ');
        }
        previous_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

/// "Home > World > Asia", "INTERNATIONAL > East Asia & Pacific", "News | Politics".
fn breadcrumb_segments(text: &str) -> Option<Vec<String>> {
    for sep in [" > ", " › ", " » ", " | ", " / ", " → ", " ＞ ", "＞", " >> "] {
        if !text.contains(sep) {
            continue;
        }
        let segments: Vec<String> = text
            .split(sep)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let short = segments
            .iter()
            .all(|s| word_count(s) <= 5 && !ends_sentence(s) && dates::find_date(s).is_none());
        // Bars and slashes also divide menus; a trail of them is short.
        let menu_like = matches!(sep, " | " | " / ") && segments.len() > 3;
        if segments.len() >= 2 && short && !menu_like {
            return Some(segments);
        }
    }
    None
}

fn byline_names(text: &str) -> Option<Vec<String>> {
    if word_count(text) > 14 {
        return None;
    }
    let caps = BYLINE.captures(text.trim())?;
    let mut rest = caps.get(1)?.as_str();
    // A byline often continues with a role, a place or a date.
    for stop in [" | ", " - ", " – ", " — ", ";", " in ", " for ", "  "] {
        if let Some(i) = rest.find(stop) {
            rest = &rest[..i];
        }
    }
    if let Some(found) = dates::find_date(rest) {
        rest = &rest[..found.start];
    }
    let mut names = Vec::new();
    for part in rest.split([',', '&']).flat_map(|p| {
        p.split(" and ")
            .flat_map(|q| q.split(" et "))
            .flat_map(|q| q.split(" y "))
            .flat_map(|q| q.split(" und "))
    }) {
        let name = part.trim().trim_end_matches('.').trim();
        let looks_like_name = !name.is_empty()
            && word_count(name) <= 5
            && name
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if looks_like_name {
            names.push(name.to_string());
        }
    }
    (!names.is_empty()).then_some(names)
}

/// "INTERNATIONAL" reads as "International"; mixed case is left alone.
fn tidy_case(text: &str) -> String {
    let has_lower = text.chars().any(char::is_lowercase);
    if has_lower || !text.chars().any(char::is_uppercase) {
        return text.to_string();
    }
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn looks_like_publication(name: &str) -> bool {
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

#[derive(Default)]
struct SourceCandidates {
    best: Option<(i32, String)>,
}

impl SourceCandidates {
    fn offer(&mut self, name: &str, placement_bonus: i32) {
        let clean = name
            .trim()
            .trim_matches(|c: char| c == ',' || c == '|' || c == '-' || c == '.' || c.is_whitespace());
        if let Some(score) = publication_score(clean, placement_bonus)
            && self.best.as_ref().is_none_or(|(best, _)| score > *best)
        {
            self.best = Some((score, clean.to_string()));
        }
    }

    fn take(self) -> Option<String> {
        self.best.filter(|(score, _)| *score >= 6).map(|(_, name)| name)
    }
}

/// The weight a unit adds to a candidate body: prose pulls the body over it,
/// furniture and lists push the body away.
fn body_weight(unit: &Unit, furniture: bool) -> i64 {
    let chars = unit.text.chars().count() as i64;
    // Code runs on through a body; a menu bar drawn with box characters
    // ("Home │ World") is still furniture.
    // A rule parts sections as a heading does; it is no menu. (A rule with
    // joints is a drawn table's, code.)
    if !unit.text.contains('┼')
        && unit
            .text
            .chars()
            .all(|c| BOX_DRAWING.contains(&c) || "-=_*~ ".contains(c))
    {
        return -40;
    }
    let menu_bar = unit.text.contains(BOX_DRAWING) && unit.text.chars().any(char::is_alphabetic);
    if furniture && is_read_also(&unit.text) {
        return -40;
    }
    if furniture && (!looks_like_code_strictly(&unit.text) || menu_bar) {
        return FURNITURE_WEIGHT;
    }
    if is_cookie_notice(&unit.text) {
        return -60;
    }
    // A picture's file name and a headline by it, or a headline printed
    // twice on one line (the picture's text and the link's): a teaser of
    // another story.
    if opens_with_image_name(&unit.text) || is_printed_twice(&unit.text) {
        return -60 - chars / 4;
    }
    if is_prose(&unit.text) {
        let weight = chars.min(600);
        return if unit.bullet { weight / 2 } else { weight };
    }
    let words = word_count(&unit.text);
    if unit.bullet {
        // A clause is a point the article lists; a word or two, a menu.
        return if words >= 8 { chars / 6 } else { -60 - chars / 4 };
    }
    // Code in a technical piece sits between its paragraphs; the body runs
    // on across it (menus and share bars are never made of code).
    if looks_like_code(&unit.text) {
        return -5;
    }
    // A long line that is no sentence: a standfirst or a caption, or
    // another story's headline in a list of them.
    if words >= 12 && chars >= 80 {
        return chars / 5;
    }
    // A short sentence ("Insert the plant into the hole.") says something;
    // a label does not end like one.
    if words >= 4 && unit.text.trim_end().ends_with(['.', '!', '?']) {
        return chars / 4;
    }
    if chars < 40 { -40 } else { -30 }
}

/// A site's notice that it stores cookies: it says the site uses them and
/// speaks to the reader ("This website uses cookies to improve your
/// experience"). An article about cookies does not address its reader so.
fn is_cookie_notice(text: &str) -> bool {
    // Most lines name no cookie: spare them the lowering.
    if !text.contains("ookie") && !text.contains("OOKIE") {
        return false;
    }
    let lower = text.to_lowercase();
    COOKIE_USE.iter().any(|p| lower.contains(p))
        && word_count(text) <= 120
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| READER_WORDS.contains(&w))
}

/// How a site says it uses cookies, in the languages of our readers.
const COOKIE_USE: &[&str] = &[
    "uses cookies",
    "use cookies",
    "use of cookies",
    "cookie policy",
    "cookie settings",
    "accept cookies",
    "accept all cookies",
    "utiliza cookies",
    "utilizamos cookies",
    "usamos cookies",
    "usa cookies",
    "utilise des cookies",
    "utilisons des cookies",
    "verwendet cookies",
    "verwenden cookies",
    "utilizziamo i cookie",
    "utilizza i cookie",
];

/// "You" and "your" as a notice addresses its reader.
const READER_WORDS: &[&str] = &[
    "you", "your", "vous", "votre", "vos", "usted", "tu", "su", "sie", "ihre", "ihr", "você", "seu", "sua",
    "voi", "tuo", "tua",
];

/// A text browser prints a picture it does not show as its name in
/// brackets ("[28112548-0-image-a-1] How teams will spend …"); a unit that
/// opens with one and goes on with a few words is a story's card.
fn opens_with_image_name(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix('[') else {
        return false;
    };
    let Some((name, after)) = rest.split_once(']') else {
        return false;
    };
    // A file's name, not a word ("[harry] Amy joins the team …" is an
    // emoji's), a footnote's or a link's number ("[1]", "[3]") or an
    // ellipsis ("[...]").
    let file_name =
        name.contains(|c: char| c.is_ascii_digit() || "-_.".contains(c)) || name.chars().count() >= 12;
    file_name
        && name.chars().count() >= 4
        && name.chars().any(char::is_alphabetic)
        && !name.contains(char::is_whitespace)
        && (3..=40).contains(&word_count(after))
}

/// Whether a line is one text printed twice in a row ("Tesla calls workers
/// back Tesla calls workers back").
fn is_printed_twice(text: &str) -> bool {
    let text = text.trim();
    let half = text.len() / 2;
    match (text.get(..half), text.get(half..half + 1), text.get(half + 1..)) {
        (Some(first), Some(" "), Some(second)) => first == second && word_count(first) >= 3,
        _ => false,
    }
}

/// A line of program code or markup: it ends or opens a block, or leans on
/// the punctuation of code. Tables drawn with box characters, as a program
/// prints its output, count too.
fn looks_like_code(text: &str) -> bool {
    looks_like_code_strictly(text) || reads_like_a_statement(text)
}

/// Code by its punctuation alone: enough to keep a line the furniture words
/// would throw out ("return home;") in a body.
fn looks_like_code_strictly(text: &str) -> bool {
    let text = text.trim();
    // A row of a drawn table has words or figures; a bare rule does not.
    if text.contains(BOX_DRAWING) && (text.contains('┼') || text.chars().any(char::is_alphanumeric)) {
        return true;
    }
    let marks = text.chars().filter(|c| "{}();=<>[]".contains(*c)).count();
    // A block's closing line: ")", "});", "],"; a query's "*,".
    let closes_block = !text.is_empty() && text.chars().all(|c| ")]};,*".contains(c));
    closes_block
        || text.ends_with([';', '{', '}'])
        || text.starts_with('<') && text.ends_with('>')
        || marks >= 4 && marks * 12 >= text.chars().count()
}

/// A short line of a query or a program that carries none of the marks
/// above: it names a `snake_case` identifier, casts with `::`, calls with
/// `()`, or breaks off after a comma or an opening bracket as a listing's
/// lines do ("status_code,", "WITH stats AS (").
fn reads_like_a_statement(text: &str) -> bool {
    if word_count(text) > 12 || ends_sentence(text) {
        return false;
    }
    let first_word = text.split_whitespace().next().unwrap_or("");
    names_code(text)
        || text.ends_with(['(', ','])
        || SQL_CLAUSES.contains(&first_word) && !has_title_case_word(text)
}

/// A word written with a capital and then small letters ("Oil"): a query
/// names its tables and columns otherwise, a headline such as "UPDATE
/// 2-Oil prices fall" does not.
fn has_title_case_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|word| {
        let mut letters = word.chars();
        letters.next().is_some_and(char::is_uppercase) && letters.any(char::is_lowercase)
    })
}

/// A line that names code: a `snake_case` identifier (not in a handle or
/// an address), a cast with `::`, a call with `()`.
fn names_code(text: &str) -> bool {
    let snake_case = text
        .split_whitespace()
        .filter(|word| !word.contains(['@', '/']))
        .flat_map(|word| word.split(|c: char| !c.is_alphanumeric() && c != '_'))
        .any(|token| {
            let inner = token.trim_matches('_');
            inner.contains('_') && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    snake_case || text.contains("::") || text.contains("()")
}

/// The words that open the clauses of a query, written in capitals as
/// queries are ("SELECT", "GROUP BY"); "UPDATE:" as a label has a colon.
const SQL_CLAUSES: &[&str] = &[
    "SELECT",
    "FROM",
    "WHERE",
    "WITH",
    "JOIN",
    "LEFT",
    "INNER",
    "GROUP",
    "ORDER",
    "HAVING",
    "UNION",
    "LIMIT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "CREATE",
    "ALTER",
    "VALUES",
    "WINDOW",
    "PARTITION",
    "ROWS",
];

/// A list's first items push the body away as a menu does; its later items
/// add little more. A long list inside an article (a table of contents, the
/// steps of a recipe) then parts its paragraphs no more than a short menu.
fn damp_long_lists(units: &[Unit], mut weights: Vec<i64>) -> Vec<i64> {
    let mut run = 0;
    for (unit, weight) in units.iter().zip(weights.iter_mut()) {
        if unit.bullet && *weight < 0 && *weight > FURNITURE_WEIGHT {
            run += 1;
            if run > LIST_ITEMS_AT_FULL_COST {
                *weight = (*weight).max(-15);
            }
        } else {
            run = 0;
        }
    }
    weights
}
const LIST_ITEMS_AT_FULL_COST: usize = 4;

/// The body: the maximum-sum run of units. Readers' comments, past the
/// head of their thread (a wall), are taken only when nothing before them
/// comes near: a long comment must not win over a short article.
fn body_run(weights: &[i64]) -> Option<(usize, usize)> {
    let mut runs = Vec::new();
    let mut segment_start = 0;
    for (i, w) in weights.iter().enumerate() {
        if *w == WALL || i + 1 == weights.len() {
            let end = if *w == WALL { i } else { i + 1 };
            if let Some((sum, s, e)) = densest_run(&weights[segment_start..end]) {
                runs.push((sum, segment_start + s, segment_start + e));
            }
            segment_start = i + 1;
        }
    }
    let best = runs.iter().map(|r| r.0).max()?;
    runs.into_iter().find(|r| r.0 * 4 >= best).map(|(_, s, e)| (s, e))
}

/// The maximum-sum run of units, with its sum.
fn densest_run(weights: &[i64]) -> Option<(i64, usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let mut sum = 0i64;
    let mut start = 0usize;
    for (i, w) in weights.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += w;
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best
}

/// The lines of tables drawn with box characters.
const BOX_DRAWING: [char; 6] = ['│', '┃', '║', '─', '━', '┼'];

/// A photo's credit line: "Image: Jane Doe / Agency", "Photo by …".
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:image|photo|photograph|picture|illustration|credit|foto|bild|crédit photo)\s*(?::|by\b|von\b)",
    )
    .unwrap()
});

static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s").unwrap());

/// The words of a share bar that a copy runs into the headline they share
/// ("Share The 21 best movies of 2017").
const SHARE_VERBS: &[&str] = &[
    "share",
    "tweet",
    "email",
    "e-mail",
    "print",
    "pin",
    "partager",
    "compartir",
    "teilen",
];

/// The first cell of a line a text browser laid out in columns or as a
/// table ("Headline          Sidebar link"): cells are parted by a run of
/// spaces, which a double space after a full stop is not. `None` for the
/// row of a table of labels and values ("Founder  Netscape").
fn first_cell(text: &str) -> Option<&str> {
    let text = text.trim();
    let gap = text
        .match_indices("  ")
        .find(|(at, _)| !text[..*at].ends_with(['.', '!', '?', ':', ';']));
    match gap {
        Some((at, _)) => {
            let cell = text[..at].trim_end();
            (word_count(cell) >= 2).then_some(cell)
        }
        None => Some(text),
    }
}

/// A headline with a share button's label run into it ("Share The 21 best
/// films of the year"): the headline without it.
fn without_share_label(cell: &str) -> Option<&str> {
    let (verb, rest) = cell.split_once(' ')?;
    (SHARE_VERBS.contains(&verb.to_lowercase().as_str())
        && rest.starts_with(char::is_uppercase)
        && word_count(rest) >= 4)
        .then_some(rest)
}

/// Whether `line` reads as a headline over the standfirst `deck`: four to
/// twenty words, opening with a capital, a digit or a quotation mark (or in
/// a script without case; so not with an image's bracketed name), not a run
/// of capitals (a menu), and not a path or a window title that holds the
/// deck itself.
fn is_headline_over_deck(line: &str, deck: &str) -> bool {
    let line = line.trim();
    let capitalised = line.starts_with(|c: char| {
        c.is_numeric() || c.is_alphabetic() && !c.is_lowercase() || "\"'“‘«„¿¡".contains(c)
    });
    let all_capitals = line.chars().any(char::is_uppercase) && !line.chars().any(char::is_lowercase);
    (4..=20).contains(&word_count(line))
        && capitalised
        && !all_capitals
        && !normalise_line(line).contains(&normalise_line(deck))
}

/// How likely a unit in the header is to be the headline, read as `text`
/// (its headline part), or `None` when it cannot be one.
fn headline_score(unit: &Unit, text: &str, distance_to_body: usize) -> Option<i32> {
    let words = word_count(text);
    // A row of a table drawn with box characters is no headline.
    let table_row = text.contains(BOX_DRAWING);
    if !(1..=30).contains(&words) || URL.is_match(text) || table_row {
        return None;
    }
    let mut score = 10;
    if (5..=20).contains(&words) {
        score += 6;
    } else if words == 1 {
        score -= 10;
    } else if words <= 3 {
        score -= 6;
    }
    // An item of a numbered list ("5. How to …") is a list's, like a bullet.
    if unit.bullet || NUMBERED_ITEM.is_match(text) {
        score -= 8;
    }
    // A page's title joins its parts with a bar ("New York|Headline"); the
    // headline printed on the page does not.
    if text.contains('|') {
        score -= 4;
    }
    if text.ends_with('.') || text.ends_with('。') {
        score -= 6;
    }
    if !text.chars().any(char::is_lowercase) && !text.chars().any(is_cjk) {
        score -= 3;
    }
    if split_kind_prefix(text).is_some() {
        score += 8;
    }
    // Headlines do not end on a function word; "… is sponsored by" is a label.
    let last_word = text.split_whitespace().last().unwrap_or("").to_lowercase();
    if matches!(
        last_word.as_str(),
        "by" | "of" | "the" | "a" | "an" | "to" | "and" | "or" | "in" | "for" | "with" | "on" | "at" | "from"
    ) {
        score -= 8;
    }
    score += 8 - distance_to_body.min(8) as i32;
    Some(score)
}

/// Separators between a headline and the site or section printed with it
/// ("World | Headline", "Headline - Site").
pub(super) const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " — ", " – ", " :: ", " · "];

/// How often each header line is printed, whole or as one part of a line
/// such as "Africa|Headline": a whole-page copy prints its headline more than
/// once, a menu item or a label once.
struct HeadlineEchoes {
    counts: std::collections::HashMap<String, usize>,
}

impl HeadlineEchoes {
    fn new(header: &[Unit]) -> Self {
        let mut echoes = HeadlineEchoes {
            counts: std::collections::HashMap::new(),
        };
        for unit in header {
            echoes.add(unit);
        }
        echoes
    }

    /// Counts one more line of the header.
    fn add(&mut self, unit: &Unit) {
        let whole = normalise_line(first_cell(&unit.text).unwrap_or(&unit.text));
        let mut seen = vec![whole.clone()];
        for part in unit.text.split(['|', '—', '–']).flat_map(|p| p.split(" - ")) {
            let part = normalise_line(part);
            if !seen.contains(&part) {
                seen.push(part);
            }
        }
        for key in seen {
            if !key.is_empty() {
                *self.counts.entry(key).or_insert(0) += 1;
            }
        }
    }

    /// Whether a headline-long line is printed among these, whole or as a part.
    fn prints(&self, text: &str) -> bool {
        (4..=30).contains(&word_count(text)) && self.counts.contains_key(&normalise_line(text))
    }

    /// Whether a line that reads as one sentence is a headline printed
    /// among these as well: short, with no sentence inside it.
    fn prints_headline(&self, text: &str) -> bool {
        word_count(text) <= 20 && sentence_marks(text) == 0 && self.prints(text)
    }

    fn bonus(&self, text: &str) -> i32 {
        // A short label ("Sign In") repeats too, without being a headline.
        if word_count(text) < 4 {
            return 0;
        }
        match self.counts.get(&normalise_line(text)).copied().unwrap_or(0) {
            0 | 1 => 0,
            _ => 7,
        }
    }
}

fn normalise_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The content words of the body's first paragraphs.
fn lead_words(units: &[Unit], body_start: usize, body_end: usize) -> std::collections::HashSet<String> {
    units
        .iter()
        .take(body_end.saturating_add(1))
        .skip(body_start)
        .take(3)
        .flat_map(|u| content_words(&u.text))
        .collect()
}

fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Up to +8 for a line whose words the lead paragraphs take up.
fn lead_overlap_bonus(text: &str, lead: &std::collections::HashSet<String>) -> i32 {
    let words = content_words(text);
    if words.is_empty() || lead.is_empty() {
        return 0;
    }
    let shared = words.iter().filter(|w| lead.contains(*w)).count();
    (shared * 16 / words.len()).min(8) as i32
}

/// Strips " | Site Name" or " - Site Name" from a headline, offering the
/// site name as a source.
fn strip_site_suffix(title: &str, sources: &mut SourceCandidates) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if word_count(head) >= 3 && word_count(tail) <= 5 && looks_like_publication(tail) {
                sources.offer(tail, 4);
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Reads a plain-text clipping.
pub fn extract_clipping(text: &str) -> ExtractedArticle {
    finish(read_clipping(text))
}

/// Whether a dated line is an "updated" stamp rather than the publication's.
fn is_update_stamp(text: &str, found: &FoundDate) -> bool {
    // Only a word before the date makes it the update's: "22:57 28.04.2020
    // (updated 11:14 29.04.2020)" states the publication first.
    let lower = text.get(..found.start).unwrap_or(text).to_lowercase();
    [
        "update",
        "modified",
        "mis à jour",
        "actualizado",
        "aktualisiert",
        "更新",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A unit that is a date and little else ("January 18, 2020", "Posted on
/// 3 May 2019"), as opposed to a sentence or headline that mentions one.
fn is_bare_date(text: &str, found: &FoundDate) -> bool {
    let rest = format!(
        "{} {}",
        text.get(..found.start).unwrap_or(""),
        text.get(found.end..).unwrap_or("")
    );
    // The time and its zone ("at 6:40 PM EDT", "17:29 Uhr") are part of a
    // dateline: only words of four letters or more count, and every word of
    // a script written without spaces.
    let words: usize = rest
        .split_whitespace()
        .filter(|w| !w.contains(|c: char| c.is_ascii_digit()))
        .map(|w| {
            if w.chars().any(is_cjk) {
                word_count(w)
            } else {
                usize::from(w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            }
        })
        .sum();
    words <= 3 && rest.chars().count() <= 30
}

/// The unit holding the publication date, in order of trust:
/// - the first dateline between the headline and the body, which is where
///   pages print it (dates above the headline are often the masthead's
///   "today", not the article's);
/// - otherwise the first date of the header;
/// - otherwise a date on its own line in the body (pages that put it
///   under a photo's caption or the author's box);
/// - otherwise a footer date that is not an "updated" stamp.
fn publication_line(
    units: &[Unit],
    date_lines: &[Option<FoundDate>],
    title_index: Option<usize>,
    body_start: usize,
    body_end: usize,
) -> Option<usize> {
    let dated = |i: &usize| date_lines.get(*i).is_some_and(Option::is_some);
    let below_headline = title_index.and_then(|t| {
        (t + 1..body_start)
            .filter(dated)
            .find(|&i| date_lines[i].is_some_and(|found| !is_update_stamp(&units[i].text, &found)))
    });
    let header = || (0..body_start.min(units.len())).find(dated);
    let footer = || {
        (body_end + 1..units.len())
            .filter(dated)
            .find(|&i| date_lines[i].is_some_and(|found| !is_update_stamp(&units[i].text, &found)))
    };
    // A date on its own line in the body: under a photo and its caption,
    // or after the author's box. A list's dates (links, points) are passed over.
    let in_body = || {
        (body_start..(body_end + 1).min(units.len())).find(|&i| {
            !units[i].bullet
                && Some(i) != title_index
                && date_lines[i].is_some_and(|found| {
                    is_bare_date(&units[i].text, &found) && !is_update_stamp(&units[i].text, &found)
                })
        })
    };
    below_headline.or_else(header).or_else(in_body).or_else(footer)
}

/// The clipping's own fields, before the enrichment [`finish`] adds; other
/// extractors that reuse the clipping reader finish once, at their end.
pub fn read_clipping(text: &str) -> ExtractedArticle {
    let units = split_units(text);
    let furniture: Vec<bool> = units.iter().map(is_furniture).collect();
    let kind_labels: Vec<Option<&'static str>> = units
        .iter()
        .map(|u| {
            if word_count(&u.text) <= 3 {
                kind_of_label(&u.text)
            } else {
                None
            }
        })
        .collect();
    let date_lines: Vec<Option<FoundDate>> = units
        .iter()
        .map(|u| {
            if word_count(&u.text) <= 14 {
                dates::find_date(&u.text)
            } else {
                None
            }
        })
        .collect();
    let bylines: Vec<Option<Vec<String>>> = units.iter().map(|u| byline_names(&u.text)).collect();

    let weights: Vec<i64> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            // A dated row of a program's output table is code, not a dateline.
            let label = kind_labels[i].is_some()
                || date_lines[i].is_some() && !looks_like_code(&u.text)
                || bylines[i].is_some();
            if COMMENT_THREAD.is_match(u.text.trim()) {
                return WALL;
            }
            body_weight(u, furniture[i] || label)
        })
        .collect();
    let weights = damp_long_lists(&units, weights);
    let (body_start, body_end) = body_run(&weights).unwrap_or((units.len(), units.len()));

    let mut article = ExtractedArticle::default();
    let mut sources = SourceCandidates::default();

    // The headline: the most headline-like unit before the body, or one of
    // the short lines the body's run swept up at its start.
    // A headline that ends on an abbreviation ("… Underneath N.Y.C.") reads
    // as a sentence; printed above as well (in the window title), it is
    // still the headline.
    let mut echoes = HeadlineEchoes::new(&units[..body_start.min(units.len())]);
    let swept_up = (body_start..(body_start + 3).min(body_end + 1).min(units.len()))
        .take_while(|&i| !is_prose(&units[i].text) || echoes.prints_headline(&units[i].text))
        .last()
        .map_or(body_start, |i| i + 1);
    let header = 0..swept_up.min(units.len());
    // The lines swept up count among the header's echoes too.
    for unit in units.get(body_start..header.end).unwrap_or(&[]) {
        echoes.add(unit);
    }
    let echoes = echoes;
    let lead = lead_words(&units, body_start, body_end);
    // A headline is soon followed by its dateline or byline (within five
    // lines: the author's name, a "Follow" button and a reading time can
    // come between), is printed more than once on a whole page (the window
    // title, the heading, the share text), and is about what the first
    // paragraphs say.
    // The text of a unit as a headline: its first cell, without a share
    // label when the headline it runs into is printed on its own as well
    // ("Share Prices Fall" keeps its first word).
    let headline_text = |i: usize| -> Option<&str> {
        let cell = first_cell(&units[i].text)?;
        Some(match without_share_label(cell) {
            Some(rest) if echoes.prints(rest) => rest,
            _ => cell,
        })
    };
    // A first line right over a headline-like line is that headline's
    // kicker or section ("Power cuts", then the headline).
    // (A dateline can sit between the two.)
    let next_after_first = (1..units.len().min(3)).find(|&j| date_lines[j].is_none());
    let kicker_first = next_after_first.is_some_and(|j| {
        let next = &units[j].text;
        (5..=20).contains(&word_count(next))
            && !ends_sentence(next)
            && !furniture[j]
            && bylines[j].is_none()
            && !FROM_LINE.is_match(next)
    });
    let score_of = |i: usize| {
        let dates_or_signs = |j: usize| date_lines[j].is_some() || bylines[j].is_some();
        // Under its headline as a rule; over it on some sites.
        // (A date past the start of the text is a comment's or a teaser's.)
        let dated_below = (i + 1..(i + 6).min(units.len()).min(body_start + 1)).any(dates_or_signs);
        let dated_above = (i.saturating_sub(2)..i).any(dates_or_signs);
        // A photo's caption sits on its credit line, and is often printed
        // twice (the image's text and the caption under it).
        let captioned = (i + 1..(i + 3).min(units.len())).any(|j| PHOTO_CREDIT.is_match(&units[j].text));
        let text = headline_text(i)?;
        let overlap = lead_overlap_bonus(text, &lead);
        // The first line of a clipping copied from its heading down is that
        // heading: the lead takes up every word of it. A site's name there
        // is not taken up, or is a publication's.
        let names_the_lead = {
            let words = content_words(text);
            !words.is_empty() && words.iter().all(|w| lead.contains(w))
        };
        let first_line = if i == 0
            && names_the_lead
            && !kicker_first
            && !looks_like_publication(text)
            && !text.contains('|')
        {
            16
        } else {
            0
        };
        let bonus = if dated_below {
            7
        } else if dated_above {
            2
        } else {
            0
        } + echoes.bonus(text)
            + overlap
            + first_line
            - if captioned { 12 } else { 0 };
        headline_score(&units[i], text, body_start.saturating_sub(i)).map(|s| s + bonus)
    };
    let can_be_headline = |i: usize| {
        !furniture[i]
            && kind_labels[i].is_none()
            && date_lines[i].is_none()
            && bylines[i].is_none()
            && SECTION_LINE.captures(&units[i].text).is_none()
            && !FROM_LINE.is_match(&units[i].text)
            && !looks_like_code_strictly(&units[i].text)
            && !names_code(&units[i].text)
            && COPYRIGHT.captures(&units[i].text).is_none()
            && !units[i].text.contains('©')
            && (breadcrumb_segments(&units[i].text).is_none() || split_kind_prefix(&units[i].text).is_some())
    };
    let title_index = header
        .clone()
        .filter(|&i| can_be_headline(i))
        .filter_map(|i| score_of(i).map(|s| (s, i)))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
    let title_index = title_index.map(|(best_score, best)| {
        // A standfirst (dek) sits right under its headline. The lead's words
        // and the distance to the body favour it, so a headline just above
        // the best candidate and of about the same quality is the headline.
        let Some(previous) = best
            .checked_sub(1)
            .filter(|&p| can_be_headline(p) && breadcrumb_segments(&units[p].text).is_none())
        else {
            return best;
        };
        let (best_words, previous_words) = (word_count(&units[best].text), word_count(&units[previous].text));
        // A standfirst written as a sentence yields to a shorter line only.
        let reads_as_standfirst =
            (ends_sentence(&units[best].text) || best_words >= 20) && previous_words <= best_words;
        let margin = if reads_as_standfirst {
            Some(3)
        } else if best_words >= 6 && is_headline_over_deck(&units[previous].text, &units[best].text) {
            Some(7)
        } else {
            None
        };
        match (margin, score_of(previous)) {
            (Some(margin), Some(score)) if score + margin >= best_score => previous,
            _ => best,
        }
    });
    if let Some(i) = title_index {
        let raw = headline_text(i).unwrap_or(units[i].text.trim());
        let headline = match split_kind_prefix(raw) {
            Some((kind, headline)) => {
                article.kind = Some(kind.to_string());
                headline
            }
            None => raw.to_string(),
        };
        article.title = Some(strip_site_suffix(&headline, &mut sources));
    }

    // Fields the header and footer state: kind labels, breadcrumbs, dates,
    // bylines, source and section lines, a URL.
    let outside_body = (0..units.len()).filter(|&i| i < body_start || i > body_end);
    let dated_line = publication_line(&units, &date_lines, title_index, body_start, body_end);
    article.published = dated_line
        .and_then(|i| date_lines[i])
        .map(|found| found.published);
    let mut breadcrumb: Option<Vec<String>> = None;
    for i in outside_body {
        let unit = &units[i];
        let text = unit.text.as_str();
        let in_header = i < body_start;
        // A label of the kind of piece sits over its headline; the same word
        // in a menu ("Opinion" among the sections) says nothing of this piece.
        let near_headline = match title_index {
            Some(t) => i + 2 >= t && i <= body_start,
            None => i + 3 >= body_start && in_header,
        };
        let in_menu = i > 0
            && i + 1 < units.len()
            && word_count(&units[i - 1].text) <= 2
            && word_count(&units[i + 1].text) <= 2;
        if let Some(kind) = kind_labels[i]
            && near_headline
            && !in_menu
            && article.kind.is_none()
        {
            article.kind = Some(kind.to_string());
        }
        if let Some(names) = &bylines[i]
            && article.authors.is_empty()
        {
            article.authors = names.clone();
        }
        if in_header
            && breadcrumb.is_none()
            && Some(i) != title_index
            && let Some(segments) = breadcrumb_segments(text)
        {
            breadcrumb = Some(segments);
        }
        if let Some(caps) = SECTION_LINE.captures(text)
            && article.section.is_none()
        {
            article.section = Some(caps[1].trim().to_string());
        }
        if let Some(caps) = SOURCE_LINE.captures(text).or_else(|| FROM_LINE.captures(text)) {
            sources.offer(&caps[1], 6);
        }
        if let Some(caps) = COPYRIGHT.captures(text) {
            sources.offer(&caps[1], 5);
        }
        if article.url.is_none()
            && let Some(m) = URL.find(text)
        {
            article.url = Some(m.as_str().trim_end_matches(['.', ',']).to_string());
        }
        if in_header && i == 0 && !furniture[i] && Some(i) != title_index {
            sources.offer(text, 1);
        }
    }

    // A time printed near the date ("• January 5, 2018 • 1:50 p.m.").
    if let (Some(d), Some(published)) = (dated_line, article.published.as_mut()) {
        for j in d + 1..(d + 3).min(body_start) {
            if published.time.is_none() && date_lines[j].is_none() {
                published.time = dates::find_time(&units[j].text);
            }
        }
        // Pieces of the lines around the date: "• , The Asahi Shimbun , 1:50 p.m."
        for j in d.saturating_sub(2)..(d + 3).min(units.len()) {
            let bonus = if j == d || dates::find_time(&units[j].text).is_some() {
                3
            } else {
                2
            };
            let text = units[j].text.as_str();
            if bylines[j].is_some() || Some(j) == title_index || furniture[j] {
                continue;
            }
            for piece in text.split([',', '|', '•', '·', '/']) {
                let piece = match dates::find_date(piece) {
                    Some(found) => piece[..found.start.min(piece.len())].trim(),
                    None => piece.trim(),
                };
                sources.offer(piece, bonus);
            }
        }
    }

    if let Some(segments) = breadcrumb {
        let mut section = None;
        for segment in &segments {
            let lower = segment.to_lowercase();
            if matches!(
                lower.as_str(),
                "home" | "top" | "accueil" | "inicio" | "startseite" | "トップ" | "ホーム"
            ) {
                continue;
            }
            if let Some(region) = regions::region_for_label(segment) {
                article.region.get_or_insert_with(|| region.to_string());
                continue;
            }
            if kind_of_label(segment).is_some() {
                article
                    .kind
                    .get_or_insert_with(|| kind_of_label(segment).unwrap_or("").to_string());
            }
            section.get_or_insert_with(|| tidy_case(segment));
        }
        if article.section.is_none() {
            article.section = section;
        }
    }
    if let Some(section) = article.section.as_deref()
        && article.region.is_none()
        && let Some(region) = regions::region_for_label(section)
    {
        article.region = Some(region.to_string());
    }

    let body: Vec<&str> = (body_start..=body_end.min(units.len().saturating_sub(1)))
        .filter(|&i| i < units.len())
        .filter(|&i| {
            !furniture[i] && kind_labels[i].is_none() && date_lines[i].is_none() && bylines[i].is_none()
        })
        .filter(|&i| Some(i) != title_index)
        .map(|i| units[i].text.as_str())
        .collect();
    article.body = body.join("\n\n");
    article.source = sources.take();
    article
}

/// What every extractor does last: the language, the countries and region
/// from the text, and tidy fields.
pub fn finish(mut article: ExtractedArticle) -> ExtractedArticle {
    article.language = article
        .language
        .take()
        .or_else(|| super::language::detect_language(&article.body));
    let title = article.title.clone().unwrap_or_default();
    let mentions = regions::countries_mentioned(&title, &article.body);
    if article.region.is_none() {
        article.region = regions::infer_region(&mentions).map(str::to_string);
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
    article.title = article
        .title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        // With no headline of its own, an article is titled by its opening
        // words, as a note is: rows of "untitled" tell a reader nothing.
        .or_else(|| opening_words(&article.body));
    article
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

    const PROSE: &str = "The council voted on Tuesday to rebuild the harbour wall, a project that has been delayed for more than a decade by arguments over its cost.\n\nResidents said they were relieved, though the price of the works remains a matter of fierce local debate and several councillors abstained.\n\nConstruction is due to begin in the spring, weather permitting, and should take about two years to finish.";

    #[test]
    fn the_dateline_under_the_headline_beats_the_mastheads_today() {
        let text = format!(
            "Monday, (7 Dec 2020)\n\nHome\n\nWorld\n\nCouncil agrees to rebuild the harbour wall after years of delay\n\n14 Oct 2020 09:12\n\n{PROSE}"
        );
        assert_eq!(read_clipping(&text).published.unwrap().date_label(), "2020-10-14");
    }

    #[test]
    fn a_bare_date_opening_the_body_is_the_dateline() {
        let caption = "FILE PHOTO: The harbour wall at low tide, seen from the north pier on a grey morning, with fishing boats moored along it. Photographer/Agency";
        let text =
            format!("Council agrees to rebuild the harbour wall\n\n{caption}\n\nJanuary 18, 2020\n\n{PROSE}");
        let units = split_units(&text);
        let dates: Vec<Option<FoundDate>> = units.iter().map(|u| dates::find_date(&u.text)).collect();
        // Even when the caption starts the body, the date under it is found.
        assert_eq!(
            publication_line(&units, &dates, Some(0), 1, units.len() - 1),
            Some(2)
        );
        assert_eq!(read_clipping(&text).published.unwrap().date_label(), "2020-01-18");
        // A sentence that mentions a date is not a dateline.
        let mention = "On January 18, 2020 the council first discussed the wall at length.";
        let found = dates::find_date(mention).unwrap();
        assert!(!is_bare_date(mention, &found));
    }

    #[test]
    fn a_headline_five_lines_above_its_date_beats_the_subtitle_under_it() {
        let text = format!(
            "Sign in\n\nCouncil agrees to rebuild the harbour wall\n\nJane Doe\n\nJane Doe\n\nFollow\n\n\
             Oct 15, 2015 · 18 min read\n\nWhy a town of fishers chose to pay for its own defences\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
        );
    }

    #[test]
    fn a_headline_over_its_standfirst_is_the_title_and_a_section_over_them_is_not() {
        // The standfirst repeats the lead's words and sits nearer the body;
        // it has no full stop, as on many sites.
        let lead = "Harbour engineers expect the storm season to start early, with the first \
                    gales due next week across the whole coast.";
        let text = format!(
            "Council orders the harbour wall closed for the winter\n\n\
             Engineers expect the storm season to start early\n\n{lead}\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council orders the harbour wall closed for the winter")
        );
        // The section's name opens the copy, with the dateline between it
        // and the headline: the lead takes up its words, but it is a kicker.
        let text = format!(
            "Harbour engineers\n\n/ Tuesday 17 March 2020\n\n\
             Council orders the harbour wall closed for the winter\n\n{lead}\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council orders the harbour wall closed for the winter")
        );
    }

    #[test]
    fn a_date_on_its_own_line_under_the_authors_box_dates_the_piece() {
        // Caption, byline, the author's box and a "Follow" row come between
        // the headline and the date, which the body's run has swept up.
        let text = format!(
            "Council agrees to rebuild the harbour wall\n\n\
             Workers inspect the old wall at low tide on a grey morning in the north of the town, \
             where the sea broke through twice last winter (Photo: Jane Doe for the Gazette)\n\n\
             By\n\nEric Yoder\n\nNational reporter covering the coast, its towns and their budgets\n\n\
             EmailBioFollow\n\nJuly 9, 2020 at 6:40 PM EDT\n\n{PROSE}"
        );
        let article = read_clipping(&text);
        let published = article.published.expect("the dateline is found");
        assert_eq!(published.to_iso(), "2020-07-09T18:40:00");
        assert!(!article.body.contains("July 9, 2020"));
    }

    #[test]
    fn a_dateline_that_states_its_update_after_the_publication_is_the_publications() {
        let text = format!(
            "Monday 29 April 2020\n\nCouncil agrees to rebuild the harbour wall\n\n\
             22:57 GMT 28.04.2020 (updated 11:14 GMT 29.04.2020)\n\n{PROSE}"
        );
        let published = read_clipping(&text).published.expect("a date");
        assert_eq!(published.to_iso(), "2020-04-28T22:57:00");
    }

    #[test]
    fn a_cookie_notice_and_other_stories_cards_are_not_the_body() {
        let notice = "This website uses cookies to improve your experience while you navigate through \
                      the website. Out of these cookies, the cookies that are categorized as necessary are \
                      stored on your browser as they are essential for the working of basic functionalities \
                      of the website, and we also use third-party cookies that help us analyse how you use it.";
        let text = format!("Council agrees to rebuild the harbour wall\n\n{PROSE}\n\nShare\n\n{notice}\n");
        let article = read_clipping(&text);
        assert!(article.body.contains("Construction is due to begin"));
        assert!(!article.body.contains("cookies"), "{}", article.body);

        // Cards of other stories: a picture's file name, then a headline.
        let mut text = format!("Council agrees to rebuild the harbour wall\n\n{PROSE}\n\nMore stories\n\n");
        for i in 0..6 {
            text.push_str(&format!(
                "[2811{i}548-0-image-a-1] Ferry crews walk out again after the talks with the operator fail \
                 for the {i}th time this year, and the island is cut off for the weekend\n\n"
            ));
        }
        let article = read_clipping(&text);
        assert!(article.body.contains("Construction is due to begin"));
        assert!(!article.body.contains("Ferry crews"), "{}", article.body);
        // An emoji's name opening a paragraph is no card.
        let paragraph = "[harry] Amy joins the harbour team today, after four years on the ferries, \
                         where she ran the timetable and the winter repairs.";
        let article = read_clipping(&format!(
            "Council agrees to rebuild the harbour wall\n\n{paragraph}\n\n{PROSE}"
        ));
        assert!(article.body.contains("Amy joins"), "{}", article.body);
    }

    #[test]
    fn a_read_also_link_between_paragraphs_is_left_out_without_ending_the_article() {
        let (first, rest) = PROSE.split_once("\n\n").unwrap();
        let text = format!(
            "This is a BETA experience. You may opt-out by clicking here\n\n\
             Council agrees to rebuild the harbour wall\n\n{first}\n\n\
             Читайте также: Суд отправил за решетку «минера»\n\n{rest}"
        );
        let article = read_clipping(&text);
        assert_eq!(
            article.title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
        );
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
        assert!(
            article.body.ends_with("about two years to finish."),
            "{}",
            article.body
        );
        assert!(!article.body.contains("Читайте"));
    }

    #[test]
    fn headlines_of_other_stories_after_the_article_are_not_its_body() {
        // Each printed twice on its line (a picture's text and the link's),
        // or long without being a sentence.
        let mut text = format!("Council agrees to rebuild the harbour wall\n\n{PROSE}\n\n");
        for i in 0..5 {
            text.push_str(&format!(
                "Ferry crews walk out on the island for the {i}th time this year \
                 Ferry crews walk out on the island for the {i}th time this year\n\n\
                 Racist nicknames, thrown chairs and belittled parents: school board ousts its principal number {i}\n\n"
            ));
        }
        let body = read_clipping(&text).body;
        assert!(body.ends_with("about two years to finish."), "{body}");
        assert!(is_printed_twice(
            "Tesla calls workers back Tesla calls workers back"
        ));
        assert!(!is_printed_twice("Tesla calls workers back to the plant"));
    }

    #[test]
    fn notices_links_and_cards_are_told_from_ordinary_text() {
        assert!(is_cookie_notice(
            "This website uses cookies to improve your experience while you navigate through the website."
        ));
        assert!(!is_cookie_notice(
            "Google will phase out third-party cookies in its Chrome browser by 2022, the company said."
        ));
        assert!(is_furniture_line(
            "This is a BETA experience. You may opt-out by clicking here"
        ));
        assert!(!is_furniture_line(
            "Why you should never click here in a text message"
        ));
        assert!(opens_with_image_name(
            "[28112548-0-image-a-1] How teams will spend their week"
        ));
        for text in [
            "[1] The council's figures come from its 2019 survey.",
            "[...] and so the wall was never finished.",
            "[3]Council leaders said the wall would be rebuilt.",
        ] {
            assert!(!opens_with_image_name(text), "{text}");
        }
    }

    #[test]
    fn datelines_and_update_stamps_are_told_from_sentences() {
        let bare = |text: &str| is_bare_date(text, &dates::find_date(text).unwrap());
        assert!(bare("July 9, 2020 at 6:40 PM EDT"));
        assert!(bare("11.02.2020, 17:29 Uhr"));
        assert!(!bare("2020年3月5日に市議会は防波堤の再建を決めた。"));
        assert!(!bare("On 5 March 2020 the council decided to rebuild the wall."));
        let stamp = |text: &str| is_update_stamp(text, &dates::find_date(text).unwrap());
        assert!(stamp("UPDATE, March 18, 2020:"));
        assert!(!stamp("22:57 GMT 28.04.2020 (updated 11:14 GMT 29.04.2020)"));
    }

    #[test]
    fn a_headline_over_a_standfirst_reads_as_one() {
        let deck = "Engineers expect the storm season to start early";
        assert!(is_headline_over_deck(
            "Council orders the harbour wall closed for the winter",
            deck
        ));
        assert!(is_headline_over_deck(
            "«Nous reconstruirons le mur», dit le maire",
            deck
        ));
        for line in [
            "BUDGET 2021 LOCAL ELECTIONS QUARANTINE PROTESTS",
            "[harbour-wall-2020] Council orders the wall closed",
            "coronavirus new york city harbour",
            "Home / News / Engineers expect the storm season to start early",
            "Closed",
        ] {
            assert!(!is_headline_over_deck(line, deck), "{line}");
        }
    }

    #[test]
    fn a_photo_caption_printed_twice_is_not_the_headline() {
        let caption = "The harbour wall at low tide, seen from the north pier on a grey morning";
        let text = format!(
            "Menu\n\nCouncil agrees to rebuild the harbour wall\n\nBy Jane Doe\n\nOct 15, 2015\n\n\
             {caption}\n\nImage: John Roe / The Gazette\n\n{caption}\n\nImage: John Roe / The Gazette\n\n{PROSE}"
        );
        assert_eq!(
            read_clipping(&text).title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
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

    #[test]
    fn a_numbered_item_a_barred_page_title_and_a_table_row_yield_to_the_headline() {
        let headline = "Council agrees to rebuild the harbour wall after years of delay";
        let numbered = format!("Guides\n\n 5. {headline}\n\n{headline}\n\n{PROSE}");
        assert_eq!(read_clipping(&numbered).title.as_deref(), Some(headline));
        let barred = format!("Local|{headline}\n\nSupported by\n\n{headline}\n\n{PROSE}");
        assert_eq!(read_clipping(&barred).title.as_deref(), Some(headline));
        let unit = |text: &str| split_units(text).remove(0);
        let row = "harbour │ wall │ cost in millions";
        assert!(headline_score(&unit(row), row, 0).is_none());
        assert!(headline_score(&unit(headline), headline, 0).is_some());
        // A drawn table's row sits in a body like code; a menu drawn with the
        // same bars stays furniture, and a bare rule is no code.
        assert_eq!(body_weight(&unit("period │ status_code │ entries"), false), -5);
        assert_eq!(body_weight(&unit("Home │ World │ Sport"), true), -150);
        assert_ne!(body_weight(&unit("────────────"), false), -5);
    }

    #[test]
    fn points_the_article_lists_stay_in_the_body_and_a_menu_does_not() {
        let text = format!(
            "Home\n\n  • World\n  • Business\n  • Sport\n\nCouncil agrees to rebuild the harbour wall after years of delay\n\n\
             {PROSE}\n\nWhat the council agreed:\n\n  \
             • the north pier is rebuilt first, before the storms of next winter\n  \
             • fishing boats keep their moorings while the work goes on around them\n\n\
             The works are paid for by the port and the county together."
        );
        let article = read_clipping(&text);
        assert!(
            article.body.contains("the north pier is rebuilt first"),
            "{}",
            article.body
        );
        assert!(article.body.contains("paid for by the port"), "{}", article.body);
        assert!(!article.body.contains("Business"), "{}", article.body);
    }

    #[test]
    fn kind_prefixes() {
        assert_eq!(
            split_kind_prefix("Editorial: Japan, U.S. must seize chance"),
            Some(("editorial", "Japan, U.S. must seize chance".to_string()))
        );
        assert_eq!(
            split_kind_prefix("[Editorial] Moon must keep talking"),
            Some(("editorial", "Moon must keep talking".to_string()))
        );
        assert_eq!(
            split_kind_prefix("Opinion | Why the deal matters"),
            Some(("opinion", "Why the deal matters".to_string()))
        );
        assert_eq!(
            split_kind_prefix("（社説）対話の機会を生かせ"),
            Some(("editorial", "対話の機会を生かせ".to_string()))
        );
        assert_eq!(split_kind_prefix("Japan: a new start"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline_names("By Jane Smith and Tom Ito"),
            Some(vec!["Jane Smith".into(), "Tom Ito".into()])
        );
        assert_eq!(
            byline_names("Par Claire Dubois | 12 juin 2018"),
            Some(vec!["Claire Dubois".into()])
        );
        assert_eq!(byline_names("by the way this is a sentence about things."), None);
    }

    #[test]
    fn breadcrumbs() {
        assert_eq!(
            breadcrumb_segments("INTERNATIONAL > East Asia & Pacific"),
            Some(vec![
                "INTERNATIONAL".to_string(),
                "East Asia & Pacific".to_string()
            ])
        );
        assert_eq!(
            breadcrumb_segments("Opinion | The long headline of a piece about many things"),
            None
        );
    }

    #[test]
    fn furniture() {
        for line in [
            "print PRINT",
            "Share on Facebook",
            "Read more: other story",
            "Advertisement",
            "Sign in",
            "Skip to contentSkip to site index",
            "12 comments on “A week in the harbour town”",
            "Continue reading the main story",
            "Související",
            "Condividi Stampa",
            "Поделиться",
        ] {
            assert!(
                is_furniture(&Unit {
                    text: line.into(),
                    bullet: false
                }),
                "{line}"
            );
        }
        assert!(!is_furniture(&Unit {
            text: "English Press".into(),
            bullet: true
        }));
        assert!(!is_furniture_line("La Stampa"));
    }

    #[test]
    fn code_between_paragraphs_stays_in_the_body() {
        let text = "How we cache the index\n\n\
            The index is rebuilt whenever a file changes, which used to take several seconds on a large folder of notes.\n\n\
            fn rebuild(index: &mut Index) {\n    index.clear();\n}\n\n\
            Now the rebuild only touches the entries of the files that changed, and the rest of the index is kept as it was.\n";
        let article = extract_clipping(text);
        assert!(
            article.body.starts_with("The index is rebuilt"),
            "{}",
            article.body
        );
        assert!(article.body.contains("index.clear();"), "{}", article.body);
        assert!(article.body.ends_with("kept as it was."), "{}", article.body);
    }

    /// A whole page copied: menus, a headline printed in the window title
    /// and again above the text, a list of other stories, a copyright line.
    #[test]
    fn the_headline_of_a_whole_page_copy_is_the_one_printed_twice_and_taken_up_by_the_lead() {
        let page = "Harbour Gazette\n\n\
            • News\n• Sport\n• Weather\n\n\
            World|Ferry strike strands thousands on the northern islands\n\n\
            harbourgazette.example © 2001-2024 The Harbour Gazette\n\n\
            Most read\n\n\
            • Council approves a new bridge over the estuary after years of debate\n\
            • Local bakery wins a national prize for its rye loaf this autumn\n\n\
            Ferry strike strands thousands on the northern islands\n\n\
            Share on Facebook\n\n\
            A strike by ferry crews left thousands of travellers stranded on the northern \
            islands on Monday, as talks between the unions and the operator broke down.\n\n\
            The islands depend on the ferry for food and fuel, and the council said it would \
            ask the government to step in if the strike lasted beyond the week.\n\n\
            Union leaders said the crews had not had a pay rise in six years, while the operator \
            said it could not afford the increase without raising fares for islanders.\n";
        let article = extract_clipping(page);
        assert_eq!(
            article.title.as_deref(),
            Some("Ferry strike strands thousands on the northern islands")
        );
        assert!(
            article.body.starts_with("A strike by ferry crews"),
            "{}",
            article.body
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

    #[test]
    fn a_headline_that_starts_with_from_is_no_source_line() {
        for headline in [
            "From Russia With Love",
            "From The Ashes Of The Harbour",
            "From Kyiv to Kharkiv, a long road",
        ] {
            assert!(!FROM_LINE.is_match(headline), "{headline}");
        }
        assert!(!FROM_LINE.is_match("From Gaza, a mother's plea for help"));
        assert!(FROM_LINE.is_match("From Wikipedia, the free encyclopedia"));
    }

    #[test]
    fn a_site_name_on_the_first_line_is_not_the_headline() {
        let page = "Harbour Council Blog\n\n\
            12 March 2024\n\n\
            Harbour council agrees the budget for the new sea wall\n\n\
            The harbour council agreed on Tuesday to pay for the new sea wall from its reserves, \
            after a long debate about the cost of the works.\n\n\
            The council said the harbour could not wait another winter for the repairs to begin.\n";
        let article = extract_clipping(page);
        assert_eq!(
            article.title.as_deref(),
            Some("Harbour council agrees the budget for the new sea wall")
        );
    }

    #[test]
    fn a_headline_is_read_without_a_sidebar_column_or_a_share_label() {
        assert_eq!(
            first_cell("Ferry strike strands islanders          Weather links"),
            Some("Ferry strike strands islanders")
        );
        // A table's row of a label and a value is no headline; a double
        // space after a full stop parts no cells.
        assert_eq!(first_cell("Founder  Netscape Communications"), None);
        assert_eq!(
            first_cell("The wall fell.  Then the pier."),
            Some("The wall fell.  Then the pier.")
        );
        let titled = |page: &str| extract_clipping(page).title;
        // The share button's label goes when the headline is printed alone too.
        let shared = format!(
            "The 21 best films of the year\n\nShare Tweet\nShare The 21 best films of the year\n\n{PROSE}"
        );
        assert_eq!(titled(&shared).as_deref(), Some("The 21 best films of the year"));
        // A headline about sharing keeps its words.
        let about_shares = format!("Markets\n\nShare Prices Fall For A Third Week\n\nBy Ann Lee\n\n{PROSE}");
        assert_eq!(
            titled(&about_shares).as_deref(),
            Some("Share Prices Fall For A Third Week")
        );
    }

    #[test]
    fn queries_closing_brackets_and_drawn_tables_are_code() {
        for line in [
            "status_code,",
            "WITH stats AS (",
            "SELECT",
            "FROM series",
            "),",
            "*,",
            "period::date",
            "───┼───",
        ] {
            assert!(looks_like_code(line), "{line}");
        }
        for line in [
            "UPDATE 2-Oil prices fall as stocks rise",
            "UPDATE: readers asked how the charts were made.",
            "Council agrees to rebuild the harbour wall",
            "Select committee report",
        ] {
            assert!(!looks_like_code(line), "{line}");
        }
        // A short sentence says something; a label does not.
        let weight = |text: &str| body_weight(&split_units(text).remove(0), false);
        assert!(weight("Insert the plant into the hole.") > 0);
        assert!(weight("Other People Are Reading") < 0);
        // A rule parts sections; it is no menu.
        assert_eq!(
            body_weight(&split_units("━━━━━━━━━━━━━━━━━━━━").remove(0), true),
            -40
        );
    }

    /// A technical post: an introduction, a table of contents, then the
    /// sections, each with a query and the table it prints.
    #[test]
    fn a_table_of_contents_and_query_output_stay_inside_the_body() {
        let mut page = String::from(
            "Jane Writes\n\n  • About\n  • Subscribe\n\n\
             Finding slow queries with plain SQL\n\n\
             Many developers reach for a monitoring service before they have looked at the data they already \
             keep, and the database can answer more than they expect.\n\n\
             This post shows how to find the slowest requests of the past hour with nothing but a query \
             and a little arithmetic, step by step, on a table that most web servers already write.\n\n\
             I am not a statistician, and the methods here are the ones a first course in statistics \
             teaches; they are enough to catch the problems that matter before the users notice them.\n\n\
             Table of Contents\n\n",
        );
        for item in [
            "Preparing the data",
            "Counting requests",
            "Finding outliers",
            "Setting thresholds",
            "Removing repeats",
            "Trying other values",
            "Conclusion",
        ] {
            page.push_str(&format!("  • {item}\n"));
        }
        page.push_str(
            "\nPreparing the data\n\nThe server writes one row for every request, with its status and the time it took, \
             and a job sums the rows of each minute into a summary table that is small enough to query often.\n\n\
             SELECT\n    status_code,\n    count(*) AS entries\nFROM\n    server_log\nGROUP BY\n    status_code;\n\n\
             status_code │ entries\n────────────┼────────\n        200 │ 4084\n        404 │ 12\n\n\
             Most requests succeed, and the failures are few enough to look at one by one. The rest of this \
             post turns these counts into a measure of how unusual each minute is, and raises an alert when \
             a minute stands out from the hour before it.\n\n\
             Counting requests\n\n\
             A minute with twice the usual number of failed requests is worth a look, but a quiet night \
             makes every small change look large, so the counts have to be weighed against the spread of \
             the hour before them rather than against a fixed number.\n\n\
             That spread is the standard deviation, and the database computes it over a moving window \
             of sixty minutes for each status code with one window function.\n",
        );
        let article = extract_clipping(&page);
        assert_eq!(
            article.title.as_deref(),
            Some("Finding slow queries with plain SQL")
        );
        assert!(
            article.body.starts_with("Many developers reach"),
            "{}",
            article.body
        );
        assert!(article.body.ends_with("one window function."), "{}", article.body);
        assert!(article.body.contains("Table of Contents"), "{}", article.body);
    }

    /// A short post, then a long comment under the head of the thread; a
    /// bare count of the comments under the byline ends nothing.
    #[test]
    fn readers_comments_are_not_the_article_however_long() {
        let comment =
            "I have lived by the harbour for forty years and I can tell you that the wall has been \
            crumbling since the storm of 1987, and every council since then has promised to mend it and \
            then found something else to spend the money on, so forgive me if I wait to see the builders \
            before I believe a word of it. "
                .repeat(3);
        let page = format!(
            "Council agrees to rebuild the harbour wall\n\nBy Ann Lee\n\n11 Comments\n\n{PROSE}\n\n\
             Share this:\n\n  • Click to share on Facebook (Opens in new window)\n\n\
             3 thoughts on “Council agrees to rebuild the harbour wall”\n\n\
             Tom Hardy · March 10, 2024 at 12:20 AM\n\n{comment}\n\nReply\n"
        );
        let article = extract_clipping(&page);
        assert_eq!(
            article.title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
        );
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
        assert!(article.body.ends_with("two years to finish."), "{}", article.body);
    }

    #[test]
    fn a_section_named_on_the_first_line_is_not_the_headline() {
        let page = "Power cuts\n\nKyiv braces for a winter of power cuts across Ukraine\n\nBy Ann Lee\n\nMarch 3, 2024\n\n\
            Ukraine's capital is preparing for long power cuts this winter, after strikes on power stations \
            left much of Kyiv without electricity for days at a time.\n\n\
            The city has opened heated shelters in schools, and engineers are repairing the lines as fast as \
            the parts arrive from abroad, officials in Ukraine said on Monday.\n";
        assert_eq!(
            extract_clipping(page).title.as_deref(),
            Some("Kyiv braces for a winter of power cuts across Ukraine")
        );
    }

    #[test]
    fn only_the_head_of_a_thread_ends_an_article() {
        for head in [
            "3 thoughts on “Council agrees to rebuild the harbour wall”",
            "There are 13 comments",
            "Leave a Reply",
            "Escriba su comentario aquí!",
            "Laisser un commentaire",
            "Schreibe einen Kommentar",
            "Оставить комментарий",
        ] {
            assert!(COMMENT_THREAD.is_match(head), "{head}");
        }
        for line in [
            "11 Comments",
            "Comments (4)",
            "300 responses to the survey backed the plan.",
            "Leave a comment below and tell us what you think.",
            "Lascia un commento se vuoi dire la tua sul nuovo porto.",
        ] {
            assert!(!COMMENT_THREAD.is_match(line), "{line}");
        }
    }

    #[test]
    fn a_handle_or_an_address_names_no_code_and_a_capitalised_headline_stays_one() {
        assert!(!names_code("Follow us on Twitter @harbour_news"));
        assert!(!names_code("Read more at example.org/harbour_wall"));
        assert!(is_furniture_line("Follow us on Twitter @harbour_news"));
        let page = format!("WITH FRIENDS LIKE THESE\n\nBy Ann Lee\n\n{PROSE}");
        assert_eq!(
            extract_clipping(&page).title.as_deref(),
            Some("WITH FRIENDS LIKE THESE")
        );
    }

    #[test]
    fn a_headline_ending_on_initials_and_printed_above_is_no_paragraph() {
        let headline = "How winter wreaks havoc on the pipes and cables under the streets of N.Y.C.";
        let page = format!("Sections\n\nNew York|{headline}\n\nSupported by\n\n{headline}\n\n{PROSE}");
        let article = extract_clipping(&page);
        assert_eq!(article.title.as_deref(), Some(headline));
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
    }

    /// A short post: the first comment's date sits a few lines under the
    /// post's first heading, and says nothing about it.
    #[test]
    fn a_comments_date_does_not_date_a_heading_above_it() {
        let page = "Sign in\n\nWhy the harbour wall still matters\n\nAnn Lee\nFollow\nOct 15, 2015 · 8 min read\n\n\
            What the council has not said about the wall\n\n\
            The council voted on Tuesday to rebuild the harbour wall, a project that has been delayed for more \
            than a decade by arguments over its cost.\n\n\
            Residents said they were relieved, though the price of the works remains a matter of fierce local \
            debate and several councillors abstained.\n\n\
            3 thoughts on “Why the harbour wall still matters”\n\n\
            Tom Hardy · March 10, 2024 at 12:20 AM\n\n\
            I have lived by the harbour for forty years and I can tell you that the wall has been crumbling since \
            the storm of 1987.\n";
        assert_eq!(
            extract_clipping(page).title.as_deref(),
            Some("Why the harbour wall still matters")
        );
    }

    /// A blog post: the headline over the author and the date, then the
    /// post's first heading just above the text.
    #[test]
    fn the_headline_is_over_its_date_and_the_heading_under_the_date_is_not() {
        let page = format!(
            "Sign in\n\nWhy the harbour wall still matters\n\nAnn Lee\nFollow\nOct 15, 2015 · 8 min read\n\n\
             What the council has not said about the wall\n\n{PROSE}"
        );
        assert_eq!(
            extract_clipping(&page).title.as_deref(),
            Some("Why the harbour wall still matters")
        );
    }

    /// A weekly round-up written as lists of points under headings, with a
    /// reader's long comment under it.
    #[test]
    fn a_post_written_as_lists_of_points_is_the_body() {
        let mut page = String::from(
            "Harbour Notes\n\nThese weeks in the harbour: issue 5\n\nAnn Lee\n\nMarch 3, 2024\n\n",
        );
        for section in ["Highlights", "Works on the wall", "Ferries", "Fishing"] {
            page.push_str(&format!("{section}\n\n"));
            for n in 1..=3 {
                page.push_str(&format!(
                    "  • The {section} team finished item {n} this week, after the storm held the divers back for two days.\n"
                ));
            }
            page.push('\n');
        }
        page.push_str(
            "2 comments on “These weeks in the harbour: issue 5”\n\n\
             I have lived by the harbour for forty years, and I can tell you that the wall has been crumbling \
             since the storm of 1987; every council since then has promised to mend it and then found something \
             else to spend the money on, so forgive me if I wait to see the builders before I believe it.\n",
        );
        let article = extract_clipping(&page);
        assert_eq!(
            article.title.as_deref(),
            Some("These weeks in the harbour: issue 5")
        );
        assert!(
            article.body.contains("The Highlights team finished item 1"),
            "{}",
            article.body
        );
        assert!(
            article.body.contains("The Fishing team finished item 3"),
            "{}",
            article.body
        );
        assert!(!article.body.contains("forty years"), "{}", article.body);
    }
}
