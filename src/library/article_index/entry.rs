//! What the index keeps of one article: the fields a list is chosen,
//! sorted and counted by, packed into numbers so a pass over a million
//! articles touches a few dozen megabytes.

use rustc_hash::FxHashMap as HashMap;

/// No value (SQL's NULL) in a [`Names`] field.
pub(super) const NONE: u32 = u32::MAX;

/// The distinct values of a text column, each stored once and numbered.
/// Sources, regions, kinds, languages and times repeat across articles, so
/// the index holds a number per article and the text once.
#[derive(Default)]
pub(super) struct Names {
    names: Vec<String>,
    numbers: HashMap<String, u32>,
}

impl Names {
    /// The number of `name`, given one if it is new; [`NONE`] for no value.
    pub fn number(&mut self, name: Option<&str>) -> u32 {
        let Some(name) = name else { return NONE };
        if let Some(&n) = self.numbers.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_string());
        self.numbers.insert(name.to_string(), n);
        n
    }

    pub fn name(&self, number: u32) -> Option<&str> {
        self.names.get(number as usize).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// One flag per number: whether its name passes `test`.
    pub fn flags(&self, test: impl Fn(&str) -> bool) -> Vec<bool> {
        self.names.iter().map(|n| test(n)).collect()
    }

    /// Each number's place when the names are sorted by `cmp`: equal names
    /// (under `cmp`) share a place.
    pub fn ranks(&self, cmp: impl Fn(&str, &str) -> std::cmp::Ordering) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.names.len() as u32).collect();
        order.sort_by(|&a, &b| cmp(&self.names[a as usize], &self.names[b as usize]));
        let mut ranks = vec![0; self.names.len()];
        let mut rank = 0;
        for (i, &n) in order.iter().enumerate() {
            if i > 0 && cmp(&self.names[order[i - 1] as usize], &self.names[n as usize]).is_ne() {
                rank += 1;
            }
            ranks[n as usize] = rank;
        }
        ranks
    }
}

/// How precisely an article's date is known, as the `published_precision`
/// column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Precision {
    Unknown,
    Year,
    Month,
    Day,
    Other,
}

impl Precision {
    pub fn read(value: Option<&str>) -> Precision {
        match value {
            None => Precision::Unknown,
            Some("year") => Precision::Year,
            Some("month") => Precision::Month,
            Some("day") => Precision::Day,
            Some(_) => Precision::Other,
        }
    }
}

/// Whether an article is in the trash, starred, unread or archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum ReadState {
    #[default]
    None,
    Unread,
    Archived,
    Other,
}

impl ReadState {
    pub fn read(value: Option<&str>) -> ReadState {
        match value {
            None => ReadState::None,
            Some("unread") => ReadState::Unread,
            Some("archived") => ReadState::Archived,
            Some(_) => ReadState::Other,
        }
    }
}

/// One article's fields. A date is `YYYYMMDD` as a number (0: none), which
/// orders as the `YYYY-MM-DD` text does.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub id: i64,
    pub date: u32,
    pub precision: Precision,
    pub time: u32,
    /// The import stamp's digits (`YYYYMMDDhhmmss`), which order as the
    /// stamps do.
    pub imported: u64,
    pub source: u32,
    pub region: u32,
    pub kind: u32,
    pub language: u32,
    pub trashed: bool,
    pub starred: bool,
    pub read_state: ReadState,
    /// Deleted from the library since the index was loaded: the slot stays
    /// (every list of slots stays valid) and is never selected.
    pub gone: bool,
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`; `None` for anything else.
pub(super) fn packed_date(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    Some(digits(0..4)? * 10_000 + digits(5..7)? * 100 + digits(8..10)?)
}

/// A stamp's first fourteen digits as a number, padded with zeros: two
/// stamps written the same way order as their numbers do.
pub(super) fn stamp_digits(text: &str) -> u64 {
    let mut n = 0u64;
    let mut count = 0;
    for c in text.bytes().filter(u8::is_ascii_digit).take(14) {
        n = n * 10 + u64::from(c - b'0');
        count += 1;
    }
    n * 10u64.pow(14 - count)
}

/// Every article's title as the list sorts it (ASCII letters lowered, as
/// SQL's NOCASE does), in one buffer by slot; a changed title is written
/// anew at the end, and the buffer is rewritten when it is mostly waste.
#[derive(Default)]
pub(super) struct Titles {
    text: String,
    spans: Vec<(u32, u32)>,
}

const NO_TITLE: (u32, u32) = (u32::MAX, 0);

impl Titles {
    /// Titles from a buffer of lowered titles and each slot's span of it.
    pub fn new(text: String, spans: Vec<(u32, u32)>) -> Titles {
        Titles { text, spans }
    }

    /// Appends a title, lowered, to `text`; its span.
    pub fn append(text: &mut String, title: Option<&str>) -> (u32, u32) {
        let Some(title) = title else { return NO_TITLE };
        let start = text.len();
        text.push_str(title);
        text[start..].make_ascii_lowercase();
        (start as u32, title.len() as u32)
    }

    pub fn set(&mut self, slot: u32, title: Option<&str>) {
        if self.text.len() + title.map_or(0, str::len) >= (u32::MAX / 2) as usize {
            *self = self.compacted();
        }
        let span = Titles::append(&mut self.text, title);
        let slot = slot as usize;
        if slot >= self.spans.len() {
            self.spans.resize(slot + 1, NO_TITLE);
        }
        self.spans[slot] = span;
    }

    pub fn get(&self, slot: u32) -> Option<&str> {
        let (start, len) = *self.spans.get(slot as usize)?;
        if (start, len) == NO_TITLE {
            return None;
        }
        self.text.get(start as usize..(start + len) as usize)
    }

    /// Rewrites the buffer when it has outgrown the titles it holds (many
    /// titles changed since it was read).
    pub fn compact_if_wasteful(&mut self) {
        let used: usize = self.spans.iter().map(|s| s.1 as usize).sum();
        if self.text.len() > 2 * used + (1 << 20) {
            *self = self.compacted();
        }
    }

    fn compacted(&self) -> Titles {
        let mut fresh = Titles::default();
        for slot in 0..self.spans.len() as u32 {
            let title = self.get(slot);
            fresh.spans.push(Titles::append(&mut fresh.text, title));
        }
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_pack_in_their_text_order() {
        assert_eq!(packed_date("2019-06-30"), Some(20_190_630));
        assert!(packed_date("2019-06-30").unwrap() < packed_date("2019-07-01").unwrap());
        assert_eq!(packed_date("2019-06"), None);
        assert_eq!(packed_date("20x9-06-30"), None);
    }

    #[test]
    fn stamps_order_by_their_digits() {
        let a = stamp_digits("2026-12-07T06:45:01Z");
        let b = stamp_digits("2026-12-07T06:45:02Z");
        assert!(a < b);
        assert_eq!(stamp_digits("2026-12-07"), 20_261_207_000_000);
    }

    #[test]
    fn names_rank_equal_names_together() {
        let mut names = Names::default();
        let (a, b, c) = (
            names.number(Some("Le Monde")),
            names.number(Some("asahi")),
            names.number(Some("le monde")),
        );
        assert_eq!(names.number(None), NONE);
        let ranks = names.ranks(|x, y| x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()));
        assert_eq!(ranks[a as usize], ranks[c as usize]);
        assert!(ranks[b as usize] < ranks[a as usize]);
    }

    #[test]
    fn titles_are_kept_lowered_and_replaced() {
        let mut titles = Titles::default();
        titles.set(0, Some("Élan Vital"));
        titles.set(2, Some("Gone"));
        assert_eq!(titles.get(0), Some("Élan vital"));
        assert_eq!(titles.get(1), None);
        titles.set(1, Some("ABC"));
        titles.set(2, None);
        assert_eq!(titles.get(1), Some("abc"));
        assert_eq!(titles.compacted().get(1), Some("abc"));
        assert_eq!(titles.compacted().get(2), None);
    }
}
