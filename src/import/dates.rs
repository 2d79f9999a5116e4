//! Dates and times as newspapers print them, in many languages.
//!
//! Returns where in the line the date stood so callers can look for a time in
//! the rest of the line, and keeps the precision the page gave: "March 2018"
//! is a month, not 1 March.

use super::lines::{is_cjk, single_spaced, word_count};
use crate::model::{DatePrecision, Published};
use chrono::{NaiveDate, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;

/// Month names and their common abbreviations in the languages our users
/// read most: English, French, Spanish, Portuguese, German, Italian, Dutch,
/// then Romanian, the Scandinavian languages, Indonesian, Catalan, Albanian,
/// Czech, Slovak, Hungarian, Bulgarian, Polish, Turkish, Russian, Ukrainian,
/// Greek and Arabic.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("janeiro", 1),
    ("januar", 1),
    ("jänner", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("februar", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("märz", 3),
    ("maart", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("juni", 6),
    ("giugno", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("julho", 7),
    ("juli", 7),
    ("luglio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("oktober", 10),
    ("ottobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dezember", 12),
    ("dicembre", 12),
    // Romanian.
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Scandinavian and Indonesian forms the languages above lack.
    ("marts", 3),
    ("maret", 3),
    ("maj", 5),
    ("augusti", 8),
    ("agustus", 8),
    ("desember", 12),
    // Catalan ("23 de març", "5 d'abril").
    ("gener", 1),
    ("febrer", 2),
    ("març", 3),
    ("maig", 5),
    ("juny", 6),
    ("juliol", 7),
    ("agost", 8),
    ("setembre", 9),
    ("desembre", 12),
    // Albanian.
    ("janar", 1),
    ("shkurt", 2),
    ("prill", 4),
    ("qershor", 6),
    ("korrik", 7),
    ("gusht", 8),
    ("shtator", 9),
    ("tetor", 10),
    ("nëntor", 11),
    ("dhjetor", 12),
    // Czech and Slovak (genitive).
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    ("januára", 1),
    ("februára", 2),
    ("apríla", 4),
    ("mája", 5),
    ("júna", 6),
    ("júla", 7),
    ("augusta", 8),
    ("septembra", 9),
    ("októbra", 10),
    ("novembra", 11),
    ("decembra", 12),
    // Hungarian (printed year first: "2020. március 23.").
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    // Bulgarian.
    ("януари", 1),
    ("февруари", 2),
    ("април", 4),
    ("юни", 6),
    ("юли", 7),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    // Polish (genitive, as dates print them).
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Turkish.
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    // Russian (genitive, as dates print them, and the nominative).
    ("января", 1),
    ("январь", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("марта", 3),
    ("март", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июля", 7),
    ("июль", 7),
    ("августа", 8),
    ("август", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("декабря", 12),
    ("декабрь", 12),
    // Ukrainian (genitive).
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Greek (genitive).
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
    // Arabic: the names Egypt and the Maghreb use, with and without hamza…
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // …and the Syriac names of the Levant and Iraq.
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let name = single_spaced(&name.to_lowercase());
    let name = name.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
    // Longest first, so "mars" is not read as "mar" + "s".
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    // Two-word names (the Levant's "كانون الثاني") match with any spacing.
    let names: Vec<String> = names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect();
    names.join("|")
}

/// Year first: ISO 8601, `2018/01/05`, and the Hungarian and Korean
/// `2018. 01. 05.` with a space after each dot.
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})(?:[-/]|\.\s?)(\d{1,2})(?:[-/]|\.\s?)(\d{1,2})\b(?:[T ](\d{1,2}):(\d{2}))?")
        .unwrap()
});
static CJK_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?").unwrap());
/// Day, month, year; the month may be followed by its other name, as Arab
/// papers print both calendars' names: "24 نيسان / أبريل 2020".
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:de\s+|d['’])?({m})\b\.?(?:\s*/\s*(?:{m})\b)?,?\s+(?:de\s+)?(\d{{4}})\b",
        m = month_alternation()
    ))
    .unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
        month_alternation()
    ))
    .unwrap()
});
/// Year, month name, day, as Hungarian prints it: "2020. március 23.".
static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{4}})\.\s+({})\s+(\d{{1,2}})\.",
        month_alternation()
    ))
    .unwrap()
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({})\b\.?,?\s+(?:de\s+)?(\d{{4}})\b",
        month_alternation()
    ))
    .unwrap()
});
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").unwrap());
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})[:.h](\d{2})(?:\s*(a\.?\s?m\.?|p\.?\s?m\.?))?(?:\W|$)").unwrap()
});
static CJK_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\s*[時시]\s*(\d{1,2})\s*[分분]").unwrap());

/// A date found in a line, with the byte range it occupied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoundDate {
    pub published: Published,
    pub start: usize,
    pub end: usize,
}

fn plausible_year(y: i32) -> bool {
    (1800..=2100).contains(&y)
}

fn full_date(y: i32, m: u32, d: u32) -> Option<Published> {
    if !plausible_year(y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d).map(Published::day)
}

/// The ASCII value of a digit from another script: full-width (２０１８年,
/// common in Japanese and Chinese pages), Arabic-Indic, Persian, Devanagari
/// and Bengali.
fn ascii_digit(c: char) -> Option<char> {
    let zero = ['０', '٠', '۰', '०', '০']
        .into_iter()
        .find(|&z| (z as u32..=z as u32 + 9).contains(&(c as u32)))?;
    char::from_digit(c as u32 - zero as u32, 10)
}

/// Where the bytes of a folded line came from in the line: the places
/// where the two part ways (a digit of another script written shorter, a
/// space put in), each with the byte of the line it maps to. Between two,
/// they run alike. Kept sparse: a line of many megabytes folds without a
/// table of its size many times over.
struct Origins(Vec<(usize, usize)>);

impl Origins {
    fn mark(&mut self, folded: usize, original: usize) {
        self.0.push((folded, original));
    }

    /// The byte of the line that `folded` came from.
    fn of(&self, folded: usize) -> usize {
        let at = self.0.partition_point(|&(f, _)| f <= folded);
        match at.checked_sub(1).map(|i| self.0[i]) {
            Some((f, original)) => original + (folded - f),
            None => folded,
        }
    }
}

/// `line` with its digits in ASCII and the words a copied page ran together
/// parted ("By Jane Doe2020-02-20", "March 23, 2020timer", "28 luglio
/// 202010:43"), and where each byte of the result came from in `line`, so
/// that ranges found in the folded text can be given back in the original.
/// A space put in maps to the character after it.
fn ascii_digits(line: &str) -> (String, Origins) {
    let mut folded = String::with_capacity(line.len() + 4);
    let mut origins = Origins(Vec::new());
    let (mut previous, mut before_previous): (Option<char>, Option<char>) = (None, None);
    let mut digit_run = 0;
    for (i, original) in line.char_indices() {
        let c = ascii_digit(original).unwrap_or(original);
        let parted = match previous {
            // A word run into a number: "Doe2020", "新浪網2020-01-21",
            // "Información16.08.2020". Not a letter between digits: "06h00"
            // is a time.
            Some(p) if c.is_ascii_digit() => {
                p.is_alphabetic() && before_previous.is_some_and(char::is_alphabetic)
            }
            // A year run into a word: "2020timer" (but "23rd" keeps its suffix).
            Some(_) if c.is_alphabetic() => digit_run == 4,
            _ => false,
        };
        // A year run into a time: "202010:43".
        let year_then_time = digit_run == 4 && c.is_ascii_digit() && is_clock_time(&line[i..]);
        if parted || year_then_time {
            origins.mark(folded.len(), i);
            folded.push(' ');
            origins.mark(folded.len(), i);
        }
        digit_run = match (c.is_ascii_digit(), year_then_time) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => digit_run + 1,
        };
        folded.push(c);
        if c != original {
            origins.mark(folded.len(), i + original.len_utf8());
        }
        before_previous = previous;
        previous = Some(c);
    }
    (folded, origins)
}

/// Whether `text` has four digits in a row, in any script [`ascii_digit`]
/// reads: every date form has a four-digit year.
fn has_four_digits_in_any_script(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if ascii_digit(c).unwrap_or(c).is_ascii_digit() {
            run + 1
        } else {
            0
        };
        if run == 4 {
            return true;
        }
    }
    false
}

/// Whether `text` opens with a clock time's hour ("10:43").
fn is_clock_time(text: &str) -> bool {
    let digits = text
        .chars()
        .take_while(|&c| ascii_digit(c).unwrap_or(c).is_ascii_digit())
        .count();
    (1..=2).contains(&digits) && text.chars().nth(digits) == Some(':')
}

/// The first date in `line`, in any of the forms we know. Byte offsets refer
/// to `line` itself, whatever digits it uses.
pub fn find_date(line: &str) -> Option<FoundDate> {
    // Most lines hold no date: they are spared the folding.
    if !has_four_digits_in_any_script(line) {
        return labelled_short_date(line);
    }
    let (folded, origins) = ascii_digits(line);
    let mut found = find_ascii_date(&folded)?;
    found.start = origins.of(found.start).min(line.len());
    found.end = origins.of(found.end).min(line.len());
    Some(found)
}

/// A unit that is a date and little else ("January 18, 2020", "Posted on
/// 3 May 2019"), as opposed to a sentence or headline that mentions one.
pub fn is_bare_date(text: &str, found: &FoundDate) -> bool {
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

/// A dateline's label, then a numeric date with a two-digit year:
/// "Publicado 27/06/19 11:30", "Aktualisiert: 28.06.19". Without the label
/// such numbers are as likely a version or a score.
static LABELLED_SHORT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:published|posted|updated|publicado|actualizado|publié|publie|mis à jour|veröffentlicht|aktualisiert|stand|pubblicato|aggiornato|publicat|actualitzat|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano)\b(?:\s+(?:on|le|el|am|il|em|op|dnia))?\s*:?\s*\d{1,2}[/.]\d{1,2}[/.](\d{2})\b",
    )
    .expect("valid pattern")
});

/// The date of a labelled dateline written with a two-digit year, read as
/// the year of this century or the last (up to 69 is this one's).
fn labelled_short_date(line: &str) -> Option<FoundDate> {
    let year = LABELLED_SHORT_DATE.captures(line)?.get(1)?;
    let century = if year.as_str() < "70" { "20" } else { "19" };
    let widened = format!("{}{century}{}", &line[..year.start()], &line[year.start()..]);
    let mut found = find_ascii_date(&widened)?;
    // Back to the line's own offsets: the century was put in at the year.
    let back = |at: usize| if at > year.start() { at - 2 } else { at };
    found.start = back(found.start);
    found.end = back(found.end).min(line.len());
    Some(found)
}

/// [`find_date`] once the digits are ASCII.
fn find_ascii_date(line: &str) -> Option<FoundDate> {
    // Every form below has a four-digit year. Most lines have none, and
    // the month-name patterns are costly to run (they name months in many
    // languages): a cheap look for the year spares them.
    if !has_four_digits(line) {
        return None;
    }
    let mut candidates: Vec<FoundDate> = Vec::new();
    fn push(candidates: &mut Vec<FoundDate>, published: Option<Published>, m: regex::Match) {
        if let Some(published) = published {
            candidates.push(FoundDate {
                published,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    for c in ISO_DATE.captures_iter(line) {
        let (y, m, d) = (num(&c, 1), num(&c, 2), num(&c, 3));
        let mut p = full_date(y as i32, m, d);
        if let (Some(p), Some(h), Some(min)) = (p.as_mut(), c.get(4), c.get(5)) {
            p.time = NaiveTime::from_hms_opt(
                h.as_str().parse().unwrap_or(99),
                min.as_str().parse().unwrap_or(99),
                0,
            );
        }
        push(&mut candidates, p, c.get(0).expect("group 0 always matches"));
    }
    for c in CJK_DATE.captures_iter(line) {
        let (y, m) = (num(&c, 1) as i32, num(&c, 2));
        let p = match c.get(3) {
            Some(d) => full_date(y, m, d.as_str().parse().unwrap_or(0)),
            None if plausible_year(y) => NaiveDate::from_ymd_opt(y, m, 1).map(|date| Published {
                date,
                precision: DatePrecision::Month,
                time: None,
            }),
            None => None,
        };
        push(&mut candidates, p, c.get(0).expect("group 0 always matches"));
    }
    for c in DAY_MONTH_YEAR.captures_iter(line) {
        let p = month_number(&c[2]).and_then(|m| full_date(num(&c, 3) as i32, m, num(&c, 1)));
        push(&mut candidates, p, c.get(0).expect("group 0 always matches"));
    }
    for c in MONTH_DAY_YEAR.captures_iter(line) {
        let p = month_number(&c[1]).and_then(|m| full_date(num(&c, 3) as i32, m, num(&c, 2)));
        push(&mut candidates, p, c.get(0).expect("group 0 always matches"));
    }
    // Only where a year with its full stop could open the date: the month
    // names make the pattern costly to run on every line.
    let year_with_stop = line
        .match_indices(". ")
        .any(|(at, _)| at >= 4 && line.as_bytes()[at - 4..at].iter().all(u8::is_ascii_digit));
    if year_with_stop {
        for c in YEAR_MONTH_DAY.captures_iter(line) {
            let p = month_number(&c[2]).and_then(|m| full_date(num(&c, 1) as i32, m, num(&c, 3)));
            push(&mut candidates, p, c.get(0).expect("group 0 always matches"));
        }
    }
    if candidates.is_empty() {
        for c in NUMERIC_DATE.captures_iter(line) {
            let (a, b, y) = (num(&c, 1), num(&c, 2), num(&c, 3) as i32);
            // Day first, as most of the world writes it, unless that cannot be.
            let p = if a > 12 || b <= 12 {
                full_date(y, b, a)
            } else {
                full_date(y, a, b)
            };
            push(&mut candidates, p, c.get(0).expect("group 0 always matches"));
        }
    }
    if candidates.is_empty() {
        for c in MONTH_YEAR.captures_iter(line) {
            let y = num(&c, 2) as i32;
            let p = month_number(&c[1]).filter(|_| plausible_year(y)).and_then(|m| {
                NaiveDate::from_ymd_opt(y, m, 1).map(|date| Published {
                    date,
                    precision: DatePrecision::Month,
                    time: None,
                })
            });
            push(&mut candidates, p, c.get(0).expect("group 0 always matches"));
        }
    }
    candidates.retain(|f| !opens_range(line.get(f.end..).unwrap_or("")));
    let mut found = candidates.into_iter().min_by_key(|f| f.start)?;
    if found.published.time.is_none() && found.published.precision == DatePrecision::Day {
        // The time printed just before the date ("22:57 GMT 28.04.2020"),
        // else the one after it.
        let before = line.get(..found.start).unwrap_or("");
        // (With a colon or an "h": "10.03.–12.03.2020" is two days.)
        let just_before = TIME
            .find_iter(before)
            .last()
            .filter(|m| before.len() - m.end() <= 6 && m.as_str().contains([':', 'h', 'H']))
            .and_then(|m| find_time(m.as_str()));
        let rest = line.get(found.end..).unwrap_or("");
        found.published.time = just_before.or_else(|| find_time(rest));
    }
    Some(found)
}

fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

static RANGE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?[-–~〜]\s?\d{1,2}(?:$|[^\d:.h])").unwrap());

/// A date followed by "-12" or "–14" opens a span of days ("2020/7/11-12"):
/// the dates of an event the text is about, not of the text itself. A dash
/// before a time ("Apr 26, 2018 - 17:23") opens no span.
fn opens_range(after: &str) -> bool {
    RANGE_END.is_match(after)
}

fn num(c: &regex::Captures, i: usize) -> u32 {
    c.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

/// A clock time such as `1:50 p.m.`, `18.30 GMT`, `17:23` or `13時50分`.
pub fn find_time(text: &str) -> Option<NaiveTime> {
    if !text.chars().any(|c| ascii_digit(c).unwrap_or(c).is_ascii_digit()) {
        return None;
    }
    let (text, _) = ascii_digits(text);
    if let Some(c) = CJK_TIME.captures(&text) {
        return NaiveTime::from_hms_opt(num(&c, 1), num(&c, 2), 0);
    }
    for c in TIME.captures_iter(&text) {
        let (mut hour, minute) = (num(&c, 1), num(&c, 2));
        if let Some(ampm) = c.get(3) {
            let pm = ampm.as_str().to_lowercase().starts_with('p');
            if !(1..=12).contains(&hour) {
                continue;
            }
            hour = match (pm, hour) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
        }
        if let Some(t) = NaiveTime::from_hms_opt(hour, minute, 0) {
            return Some(t);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_dateline_with_a_two_digit_year_is_read() {
        let found = find_date("Publicado 27/06/19 11:30").expect("a date");
        assert_eq!(found.published.date_label(), "2019-06-27");
        assert_eq!(&"Publicado 27/06/19 11:30"[found.start..found.end], "27/06/19");
        assert_eq!(
            find_date("Aktualisiert: 28.06.19")
                .unwrap()
                .published
                .date_label(),
            "2019-06-28"
        );
        // Unlabelled, such numbers may be anything.
        assert!(find_date("Version 1.2.19 fixes the crash").is_none());
    }

    fn iso(line: &str) -> Option<String> {
        find_date(line).map(|f| f.published.to_iso())
    }

    #[test]
    fn reads_the_forms_papers_print() {
        assert_eq!(iso("January 5, 2018").as_deref(), Some("2018-01-05"));
        assert_eq!(iso("5 Jan 2018").as_deref(), Some("2018-01-05"));
        assert_eq!(
            iso("Sat 3 Mar 2018 18.30 GMT").as_deref(),
            Some("2018-03-03T18:30:00")
        );
        assert_eq!(iso("2018-01-05").as_deref(), Some("2018-01-05"));
        assert_eq!(iso("2018. 01. 05. 21:35").as_deref(), Some("2018-01-05T21:35:00"));
        assert_eq!(
            iso("Published : Apr 26, 2018 - 17:23").as_deref(),
            Some("2018-04-26T17:23:00")
        );
        assert_eq!(iso("2018年1月5日").as_deref(), Some("2018-01-05"));
        assert_eq!(
            iso("２０１８年１月５日 13時50分").as_deref(),
            Some("2018-01-05T13:50:00")
        );
        assert_eq!(iso("12 juin 2018").as_deref(), Some("2018-06-12"));
        assert_eq!(
            iso("Publié le 1er mars 2019 à 06h00").as_deref(),
            Some("2019-03-01T06:00:00")
        );
        assert_eq!(iso("12 de junio de 2018").as_deref(), Some("2018-06-12"));
        assert_eq!(iso("5. Januar 2018").as_deref(), Some("2018-01-05"));
        assert_eq!(iso("2018년 4월 26일").as_deref(), Some("2018-04-26"));
        assert_eq!(iso("Sept. 14, 2020").as_deref(), Some("2020-09-14"));
    }

    #[test]
    fn reads_more_languages_and_digits() {
        assert_eq!(iso("duminică, 3 martie 2019").as_deref(), Some("2019-03-03"));
        assert_eq!(iso("5 апреля 2019").as_deref(), Some("2019-04-05"));
        assert_eq!(iso("12 października 2018").as_deref(), Some("2018-10-12"));
        assert_eq!(iso("7 Ağustos 2017").as_deref(), Some("2017-08-07"));
        assert_eq!(iso("الخميس، 09 أكتوبر 2014").as_deref(), Some("2014-10-09"));
        // Both calendars' names, as Levantine papers print them.
        assert_eq!(iso("نشر في 3 آذار / مارس 2016").as_deref(), Some("2016-03-03"));
        assert_eq!(iso("1 كانون الثاني 2015").as_deref(), Some("2015-01-01"));
        // Arabic-Indic digits, and offsets that still point into the line.
        let line = "نُشر ٢٠١٩-٠٥-٠٦ ثم";
        let found = find_date(line).unwrap();
        assert_eq!(found.published.to_iso(), "2019-05-06");
        assert_eq!(&line[found.start..found.end], "٢٠١٩-٠٥-٠٦");
        let line = "第１回 ２０１８年１月５日";
        let found = find_date(line).unwrap();
        assert_eq!(&line[found.start..found.end], "２０１８年１月５日");
    }

    /// Each line reads as the date (and time) given.
    fn assert_reads(cases: &[(&str, &str)]) {
        for (line, expected) in cases {
            assert_eq!(iso(line).as_deref(), Some(*expected), "{line}");
        }
    }

    #[test]
    fn reads_central_and_south_european_months() {
        assert_reads(&[
            ("Dilluns, Març 23, 2020", "2020-03-23"),
            ("5 d'abril de 2019", "2019-04-05"),
            ("13 gusht 2020, 09:08", "2020-08-13T09:08:00"),
            ("30. ledna 2020", "2020-01-30"),
            ("10 ноември 2020", "2020-11-10"),
            // Hungarian prints the year first.
            ("2020. március 23. 14:05", "2020-03-23T14:05:00"),
        ]);
    }

    #[test]
    fn reads_dates_a_copied_page_ran_into_other_words() {
        let line = "By Jane Doe2020-02-20 13:52:51 UTC";
        let found = find_date(line).unwrap();
        assert_eq!(found.published.to_iso(), "2020-02-20T13:52:00");
        assert_eq!(&line[found.start..found.start + 4], "2020");
        assert_reads(&[
            ("Mon., March 23, 2020timer5 min. read", "2020-03-23"),
            ("28 luglio 202010:43 News", "2020-07-28T10:43:00"),
            ("La Información16.08.2020", "2020-08-16"),
            // An ordinal keeps its suffix, a time its "h".
            ("23rd March 2020", "2020-03-23"),
            ("Publié le 1er mars 2019 à 06h00", "2019-03-01T06:00:00"),
            ("北京新浪網2020-01-21 11:12", "2020-01-21T11:12:00"),
        ]);
    }

    #[test]
    fn the_time_printed_before_the_date_is_its_time() {
        assert_reads(&[
            (
                "22:57 GMT 28.04.2020 (updated 11:14 GMT 29.04.2020)",
                "2020-04-28T22:57:00",
            ),
            ("08:22, 24.11.2020", "2020-11-24T08:22:00"),
            // Two days, not a time and a day.
            ("10.03.–12.03.2020", "2020-03-12"),
        ]);
    }

    #[test]
    fn keeps_month_precision() {
        let found = find_date("March 2018").unwrap();
        assert_eq!(found.published.precision, DatePrecision::Month);
        assert_eq!(found.published.to_iso(), "2018-03");
    }

    #[test]
    fn ignores_what_is_not_a_date() {
        assert_eq!(iso("The 2018 Winter Olympics"), None);
        // Hungarian's year-first date has a full stop after its day too.
        assert_eq!(
            iso("The pier closed in 2019. March 3 is the reopening date."),
            None
        );
        assert_eq!(iso("May I say something"), None);
        assert_eq!(iso("2018-02-30"), None);
        // The first day of a span is not a dateline; a date after it is.
        assert_eq!(iso("Festival (2019/8/2-4)"), None);
        assert_eq!(
            iso("Race day 2019/8/2–3, posted 2019/8/5").as_deref(),
            Some("2019-08-05")
        );
    }

    #[test]
    fn reads_times() {
        assert_eq!(
            find_time(", The Asahi Shimbun , 1:50 p.m."),
            NaiveTime::from_hms_opt(13, 50, 0)
        );
        assert_eq!(find_time("12:05 a.m."), NaiveTime::from_hms_opt(0, 5, 0));
        assert_eq!(find_time("no time here"), None);
    }
}
