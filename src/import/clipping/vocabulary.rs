//! The vocabulary of a page's furniture and header: the words a share bar,
//! a menu or a "related" list is made of, the labels of the kind of piece,
//! the words of publications' names, and the patterns of bylines, source,
//! section, copyright and comment lines. They stand together, in every
//! language the clippings come in, so that a language is added in one place.

use regex::Regex;
use std::sync::LazyLock;

/// Words that make up the page's furniture: a line made only of these is
/// navigation, a share bar or a call to subscribe, never the article.
pub(super) const FURNITURE_WORDS: &[&str] = &[
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
    // The links under a reader's comment.
    "reply",
    "permalink",
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
pub(super) const FURNITURE_PREFIXES: &[&str] = &[
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
    // The heads of the lists of related news in Japanese, Chinese and
    // Korean papers.
    "関連ニュース",
    "関連リンク",
    "あわせて読みたい",
    "おすすめ記事",
    "相关新闻",
    "相關新聞",
    "相关阅读",
    "相關閱讀",
    "相关文章",
    "延伸阅读",
    "延伸閱讀",
    "推荐阅读",
    "热点推荐",
    "관련기사",
    "관련 기사",
    "ここから本文",
    "本文へ",
    "このページの",
    "ページの先頭",
];

/// The heads of the lists of related news that Japanese, Chinese and
/// Korean papers set under an article: the article ends there.
pub(super) const RELATED_NEWS_HEADS: &[&str] = &[
    "関連ニュース",
    "関連記事",
    "関連リンク",
    "あわせて読みたい",
    "相关新闻",
    "相關新聞",
    "相关阅读",
    "相關閱讀",
    "相关文章",
    "延伸阅读",
    "延伸閱讀",
    "推荐阅读",
    "관련기사",
    "관련 기사",
];

/// Words of a copyright notice wherever they stand in its line ("The
/// Gazette © 2024", "無断転載を禁じます", "版权所有").
pub(super) const COPYRIGHT_MARKS: &[&str] = &[
    "©",
    "all rights reserved",
    "無断転載",
    "無断複製",
    "版权所有",
    "版權所有",
    "禁止转载",
    "禁止轉載",
    "무단 전재",
    "무단전재",
];

/// Links to another story that papers set between an article's paragraphs
/// ("Read also: …"): not the article's, but no end to it either.
pub(super) const READ_ALSO_PREFIXES: &[&str] = &[
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

/// Labels of the kind of piece, on a line of their own or before a headline.
pub(super) const KIND_LABELS: &[(&str, &str)] = &[
    ("editorial", "editorial"),
    ("editorials", "editorial"),
    ("our view", "editorial"),
    ("leader", "editorial"),
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
pub(super) const PUBLICATION_WORDS: &[&str] = &[
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
pub(super) const PUBLICATION_SUFFIXES: &[&str] =
    &["新聞", "日報", "일보", "신문", "时报", "日报", "新闻", "通信"];

pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by|par|por|von|door|av|written by|texte de|author:|auteur\s?:|autor:|autora:)\s+(\p{Lu}.*)$",
    )
    .expect("valid byline pattern")
});
/// A piece signed by the paper's editorial board rather than by a writer:
/// "The Editorial Board", "The Times Editorial Board", "La Rédaction". It
/// is a byline (and says the piece is an editorial), never a headline.
pub(super) static EDITORIAL_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:by\s+)?(?:the\s+)?(?:[\p{L}.&'’-]+\s+){0,3}?(?:editorial board|editorial staff|editorial team)$|^(?i:(?:by\s+)?the editors)$|^(?i:la rédaction|le comité éditorial|die redaktion|el consejo editorial|la redazione|de redactie|редакция|論説委員会|社论委员会)$",
    )
    .expect("valid editorial byline pattern")
});
pub(super) static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'\]\)]+"#).expect("valid url pattern"));
pub(super) static SECTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:from the section|section\s?:|rubrique\s?:|sección\s?:|secção\s?:|ressort\s?:)\s*(.+)$")
        .expect("valid section pattern")
});
pub(super) static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:source|fuente|fonte|quelle|出典|出所)\s?[:：]\s*(.+)$").expect("valid source pattern")
});
/// A line that says where a text comes from: "From Wikipedia, the free
/// encyclopedia". The description after the comma, naming a kind of
/// publication, sets it apart from a headline such as "From Gaza, a
/// mother's plea".
pub(super) static FROM_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^From ((?:[Tt]he )?\p{Lu}[\w.&'-]*(?: \p{Lu}[\w.&'-]*){0,3}), (?:the|an?) [\w ]{0,30}\b(?:encyclopa?edia|wiki|dictionary|archive|magazine|newspaper|journal)$",
    )
    .expect("valid from-line pattern")
});
/// "12 comments", "3 Responses": a count of the comments, furniture (the
/// head of the thread itself is a [`COMMENT_THREAD`]).
pub(super) static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d+\s+(?:comments?|responses?|replies|reactions?)\b").expect("valid comment pattern")
});
/// The head of the readers' comments under an article: "There are 13
/// comments", "12 thoughts on “…”", "8 appreciated comments on “…”",
/// "Leave a Reply". The article ends
/// there, however much the comments say. (A bare count, "11 Comments", is
/// as often a link under the headline: furniture only. A sentence such as
/// "300 responses to the survey backed the plan" names no quoted title.)
pub(super) static COMMENT_THREAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)^(?:there (?:are|is) \d+ (?:comments?|responses?|replies)\s*$|\d+ (?:\p{L}+ )?(?:comments?|responses?|replies|thoughts?) (?:on|to) [“"‘'«].{1,160}[”"’'»]$|(?:leave|post|add|write) a (?:comment|reply|response)$|(?:deja(?:r)? (?:un|tu|su) comentario|escriba su comentario(?: aquí)?|deixe (?:um|seu) comentário|laisser un commentaire|lascia un commento|schreibe? einen kommentar|kommentar schreiben|оставить комментарий|добавить комментарий|napisz komentarz|dodaj komentarz)\s*[.:!]?$|join the (?:discussion|conversation)$|\{\s*\d+\s+comments?\b.*\}$|\d+ of \d+ comments\b.*$|(?:reader|readers'|readers’) comments$)"#,
    )
    .expect("valid comment thread pattern")
});
/// A bare heading of the readers' comments: "Comments", "23 Comments",
/// "2 comments:", "Comments (4)", "{ 7 comments… read them below or add
/// one }", "100 of 313 comments loaded", "13 Responses to <the headline>"
/// (unquoted: a headline can begin so too). Under a headline the same words
/// are a link, so [`super::comments`] asks more of them than of a
/// [`COMMENT_THREAD`].
pub(super) static COMMENT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\d+\s+(?:comments?|responses?|replies|thoughts?)\s+(?:on|to)\s+\S.*$|^\{?\s*(?:\d+\s+(?:of\s+\d+\s+)?)?(?:comments?|responses?|replies|reactions|discussion|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|комментарии|коментарі|コメント|评论|評論|댓글)\b\s*(?:\(\d+\)|:|»|….*|\.\.\..*|loaded.*)?\s*\}?$",
    )
    .expect("valid comment heading pattern")
});
/// "Seen by Ann Lee on November 7 2012. There are 12 comments.": a count
/// of the comments that ends a post's footer; the thread follows.
pub(super) static COMMENT_COUNT_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?]\s+)there (?:are|is) \d+ (?:comments?|responses?|replies)\.?$")
        .expect("valid comment count pattern")
});
/// The comment box of the form under a post, as a page copied as text
/// draws it ("Comment[          ]", "Your comment: [____]"): readers'
/// posts, never the article's, come after it.
pub(super) static COMMENT_FORM_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:your\s+)?(?:comment|message|reply|kommentar|commentaire|comentario|comentário|commento|komentarz|комментарий)\s*\*?\s*:?\s*\[[\s_]*\]",
    )
    .expect("valid comment form pattern")
});
/// A stamp that says how long ago an item appeared ("3 minutes ago",
/// "Updated an hour ago", "il y a 5 min", "před 3 minutami", "2時間前"):
/// a feed's or a thread's, on a line of its own (a label word may open it).
pub(super) static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\p{L}+:?\s+)?(?:(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\s+ago|il y a\s+\d+\s*(?:secondes?|minutes?|min|heures?|h|jours?)|hace\s+\d+\s+(?:segundos?|minutos?|min|horas?|días?)|há\s+\d+\s+(?:segundos?|minutos?|min|horas?|dias?)|vor\s+\d+\s+(?:sekunden|minuten?|min|stunden?|tagen?)|\d+\s+(?:secondi|minuti|min|ore|ora|giorni)\s+fa|\d+\s+(?:seconden|minuten|min|uur|dagen)\s+geleden|\d+\s+(?:sekund[ay]?|minut[ya]?|min|godzin[ya]?|dni)\s+temu|před\s+\d+\s+(?:sekundami|minutou|minutami|hodinou|hodinami|dnem|dny)|\d+\s+(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей))\s+назад|\d+\s*(?:秒|分|分钟|分鐘|時間|小时|小時|日|天)前|\d+\s*(?:초|분|시간|일)\s*전)\s*$",
    )
    .expect("valid relative time pattern")
});
/// The head of a list of other stories set between a page's menus and its
/// article: "You may also like", "More from the Gazette", "Most read",
/// "Popular deals". Headlines under it are other stories'.
pub(super) static TEASER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:you (?:may|might) (?:also )?(?:like|enjoy)|more from\b.{0,40}|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared|commented)|popular(?: now| stories| articles| posts| deals\b.{0,30}| on\b.{0,30}| in\b.{0,30})?|related (?:stories|articles|posts|content|news)|more (?:stories|news|articles|headlines)\b.{0,40}|trending(?: now| stories)?|read next|up next|what to read next|don['’]t miss|editor['’]?s['’]? picks|top stories|à lire aussi|les plus lus|te puede interesar|lo más (?:leído|visto)|meistgelesen|das könnte sie auch interessieren|potrebbe interessarti|i più letti)\s*:?$",
    )
    .expect("valid teaser head pattern")
});
/// A reader's signature over a comment: "martinealison said...", "Ann
/// wrote:", "Tom says:".
pub(super) static COMMENT_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\S.{0,60}\b(?:said|says|wrote|writes|dijo|escribió|a dit|a écrit|schrieb|sagt)\s*(?:\.\.\.|…|:)$")
        .expect("valid comment signature pattern")
});
/// The link under a reader's comment: "Reply", "Reply to this", "Reply ↓".
pub(super) static REPLY_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:reply|reply to this|antworten|répondre|responder|rispondi|odpowiedz|ответить|返信)\s*[↓»]?$")
        .expect("valid reply pattern")
});
pub(super) static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:copyright|\(c\)|©)\s*(?i:copyright|©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.+?)(?:[.,]?\s*(?i:all rights reserved).*)?$")
        .expect("valid copyright pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

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
    fn only_the_head_of_a_thread_ends_an_article() {
        for head in [
            "3 thoughts on “Council agrees to rebuild the harbour wall”",
            "8 appreciated comments on “Council agrees to rebuild the harbour wall”",
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
}
