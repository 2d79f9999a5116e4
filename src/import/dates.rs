//! Dates and times as newspapers print them, in many languages.
//!
//! Returns where in the line the date stood so callers can look for a time in
//! the rest of the line, and keeps the precision the page gave: "March 2018"
//! is a month, not 1 March.

use crate::model::{DatePrecision, Published};
use chrono::{NaiveDate, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;

/// Month names and their common abbreviations in the languages our users
/// read most: English, French, Spanish, Portuguese, German, Italian, Dutch.
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
];

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let name = name.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
    // Longest first, so "mars" is not read as "mar" + "s".
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.join("|")
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?").unwrap());
static CJK_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?").unwrap());
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:de\s+)?({})\b\.?,?\s+(?:de\s+)?(\d{{4}})\b",
        month_alternation()
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

/// Full-width digits (２０１８年) are common in Japanese and Chinese pages.
fn ascii_digits(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The first date in `line`, in any of the forms we know.
///
/// Byte offsets refer to `line` itself; the full-width digit folding keeps
/// lengths only for ASCII, so for lines with full-width digits the range is
/// approximate, which callers tolerate (they only use it to look for a time).
pub fn find_date(line: &str) -> Option<FoundDate> {
    let line = &ascii_digits(line);
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
    let mut found = candidates.into_iter().min_by_key(|f| f.start)?;
    if found.published.time.is_none() && found.published.precision == DatePrecision::Day {
        let rest = line.get(found.end..).unwrap_or("");
        found.published.time = find_time(rest);
    }
    Some(found)
}

fn num(c: &regex::Captures, i: usize) -> u32 {
    c.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

/// A clock time such as `1:50 p.m.`, `18.30 GMT`, `17:23` or `13時50分`.
pub fn find_time(text: &str) -> Option<NaiveTime> {
    let text = ascii_digits(text);
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
    fn keeps_month_precision() {
        let found = find_date("March 2018").unwrap();
        assert_eq!(found.published.precision, DatePrecision::Month);
        assert_eq!(found.published.to_iso(), "2018-03");
    }

    #[test]
    fn ignores_what_is_not_a_date() {
        assert_eq!(iso("The 2018 Winter Olympics"), None);
        assert_eq!(iso("May I say something"), None);
        assert_eq!(iso("2018-02-30"), None);
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
