//! Which articles a filter selects, as one bit per slot: each condition
//! becomes a set of bits, and conditions combine with AND, OR and NOT.
//! The meaning of every condition is the one `Condition::to_sql` gives it
//! (SQL's NOCASE folds ASCII letters only, and so do the tests here); what
//! the index does not hold (words, authors) is asked of SQL by id.

use super::entry::{Entry, NONE, Precision, ReadState};
use super::{ArticleIndex, Postings};
use crate::library::Result;
use crate::library::filter::{Condition, DateTest, Filter};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

/// One bit per slot.
#[derive(Clone, Debug)]
pub(crate) struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    pub fn empty(len: usize) -> Bits {
        Bits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Clears the bits past `len` in the last word.
    fn trim(&mut self) {
        if !self.len.is_multiple_of(64)
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << (self.len % 64)) - 1;
        }
    }

    pub fn grow_to(&mut self, len: usize) {
        if len > self.len {
            self.len = len;
            self.words.resize(len.div_ceil(64), 0);
        }
    }

    pub fn set(&mut self, slot: u32) {
        let i = slot as usize;
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn has(&self, slot: u32) -> bool {
        let i = slot as usize;
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn and(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn or(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    pub fn invert(&mut self) {
        for w in &mut self.words {
            *w = !*w;
        }
        self.trim();
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many of `slots` are set.
    pub fn count_of(&self, slots: &[u32]) -> usize {
        slots.iter().filter(|&&s| self.has(s)).count()
    }

    /// The set slots, in order.
    pub fn slots(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                Some((i * 64) as u32 + bit)
            })
        })
    }
}

/// The articles a filter selects.
pub(crate) struct Selection {
    pub bits: Bits,
}

impl ArticleIndex {
    /// The slots each of whose entries passes `test`.
    fn where_entry(&self, test: impl Fn(&Entry) -> bool) -> Bits {
        let mut bits = Bits::empty(self.entries.len());
        for (word, chunk) in bits.words.iter_mut().zip(self.entries.chunks(64)) {
            let mut w = 0u64;
            for (i, entry) in chunk.iter().enumerate() {
                w |= u64::from(test(entry)) << i;
            }
            *word = w;
        }
        bits
    }

    fn of_postings<'a>(&self, postings: &Postings, values: impl IntoIterator<Item = &'a i64>) -> Bits {
        let mut bits = Bits::empty(self.entries.len());
        for value in values {
            for &slot in postings.of(*value) {
                bits.set(slot);
            }
        }
        bits
    }

    /// The articles with these ids.
    fn of_ids(&self, ids: impl IntoIterator<Item = i64>) -> Bits {
        let mut bits = Bits::empty(self.entries.len());
        for id in ids {
            if let Some(slot) = self.slot_of(id) {
                bits.set(slot);
            }
        }
        bits
    }

    /// The live or trashed articles (never a deleted one) that `filter` selects.
    pub fn select(&self, conn: &Connection, filter: &Filter) -> Result<Selection> {
        let mut bits = self.where_entry(|e| !e.gone);
        for condition in filter.all_conditions() {
            bits.and(&self.condition(conn, &condition)?.yes);
        }
        Ok(Selection { bits })
    }

    /// A condition's articles, and those it can say nothing of (SQL's
    /// NULL: a test on a missing value), which its negation leaves out too.
    fn condition(&self, conn: &Connection, condition: &Condition) -> Result<Truth> {
        let known = |yes: Bits| Truth {
            unknown: Bits::empty(yes.len),
            yes,
        };
        // A test on one column: unknown where the column has no value.
        let on_column = |value: fn(&Entry) -> u32, flags: Vec<bool>| Truth {
            yes: self.where_entry(|e| value(e) != NONE && flags[value(e) as usize]),
            unknown: self.where_entry(|e| value(e) == NONE),
        };
        Ok(match condition {
            Condition::Trashed(trashed) => known(self.where_entry(|e| e.trashed == *trashed)),
            Condition::Published(test) => match DateRange::of(test) {
                Some(range) => Truth {
                    yes: self.where_entry(|e| range.holds(e) == Some(true)),
                    unknown: self.where_entry(|e| range.holds(e).is_none()),
                },
                None => self.by_sql(conn, condition)?,
            },
            Condition::Source(names) => on_column(
                |e| e.source,
                self.sources
                    .flags(|s| names.iter().any(|n| n.eq_ignore_ascii_case(s))),
            ),
            Condition::SourceContaining(part) => {
                let part = part.to_ascii_lowercase();
                on_column(
                    |e| e.source,
                    self.sources.flags(|s| s.to_ascii_lowercase().contains(&part)),
                )
            }
            Condition::Kind(names) => on_column(
                |e| e.kind,
                self.kinds
                    .flags(|k| names.iter().any(|n| n.eq_ignore_ascii_case(k))),
            ),
            Condition::Language(languages) if languages.iter().all(|l| !l.contains(['%', '_', '\\'])) => {
                let flags = self.languages.flags(|lang| {
                    languages.iter().any(|l| {
                        lang.eq_ignore_ascii_case(l)
                            || (lang.len() > l.len()
                                && lang.as_bytes()[l.len()] == b'-'
                                && lang.is_char_boundary(l.len())
                                && lang[..l.len()].eq_ignore_ascii_case(l))
                    })
                });
                on_column(|e| e.language, flags)
            }
            Condition::Region(names) => {
                let flags = self
                    .regions
                    .flags(|r| names.iter().any(|n| n.eq_ignore_ascii_case(r)));
                let places = ids_named(
                    conn,
                    "SELECT id FROM regions WHERE name = ? COLLATE NOCASE",
                    names,
                )?;
                let mut truth = on_column(|e| e.region, flags);
                // `region = ? OR id IN (places)`: a place decides where the
                // region is missing.
                truth.yes.or(&self.of_postings(&self.places, &places));
                truth.settle();
                truth
            }
            Condition::Tag(names) => {
                let marks = vec!["?"; names.len()].join(", ");
                let tags = ids_of(
                    conn,
                    &format!("SELECT id FROM tags WHERE name IN ({marks})"),
                    names,
                )?;
                known(self.of_postings(&self.tags, &tags))
            }
            Condition::Topic(names) => {
                let topics = topic_ids_below(conn, names)?;
                known(self.of_postings(&self.topics, &topics))
            }
            Condition::State(states) => {
                let wanted: Vec<String> = states.iter().map(|s| s.to_lowercase()).collect();
                let asks = |s: &str| wanted.iter().any(|w| w == s);
                let (starred, unread, archived) = (asks("starred"), asks("unread"), asks("archived"));
                let yes = self.where_entry(|e| {
                    (starred && e.starred)
                        || (unread && e.read_state == ReadState::Unread)
                        || (archived && e.read_state == ReadState::Archived)
                });
                // `read_state = ?` says nothing of an article with none.
                let unknown = self.where_entry(|e| (unread || archived) && e.read_state == ReadState::None);
                let mut truth = Truth { yes, unknown };
                truth.settle();
                truth
            }
            Condition::ImportedSince(since) => {
                let since = super::entry::stamp_digits(since);
                known(self.where_entry(|e| e.imported >= since))
            }
            Condition::FullText(expression) => known(self.of_ids(ids_of(
                conn,
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                std::slice::from_ref(expression),
            )?)),
            Condition::WordStart(expression) => known(self.of_ids(ids_of(
                conn,
                "SELECT rowid FROM article_word_starts WHERE article_word_starts MATCH ?",
                std::slice::from_ref(expression),
            )?)),
            Condition::AnyOf(any) => {
                let mut truth = known(Bits::empty(self.entries.len()));
                for condition in any {
                    let one = self.condition(conn, condition)?;
                    truth.yes.or(&one.yes);
                    truth.unknown.or(&one.unknown);
                }
                truth.settle();
                truth
            }
            Condition::Not(condition) => {
                let Truth { mut yes, unknown } = self.condition(conn, condition)?;
                yes.or(&unknown);
                yes.invert();
                Truth { yes, unknown }
            }
            Condition::AuthorContaining(_) | Condition::Characters { .. } | Condition::Language(_) => {
                self.by_sql(conn, condition)?
            }
        })
    }

    /// A condition the index does not hold, asked of SQL: where it holds,
    /// and where it is NULL.
    fn by_sql(&self, conn: &Connection, condition: &Condition) -> Result<Truth> {
        let mut values = Vec::new();
        let clause = condition.to_sql(&mut values);
        let ids_where = |test: String| -> Result<Bits> {
            let mut stmt = conn.prepare_cached(&format!("SELECT a.id FROM articles a WHERE {test}"))?;
            let ids = stmt
                .query_map(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(self.of_ids(ids))
        };
        Ok(Truth {
            yes: ids_where(clause.clone())?,
            unknown: ids_where(format!("({clause}) IS NULL"))?,
        })
    }
}

/// What a condition says of each article, in SQL's three values: true
/// (`yes`), NULL (`unknown`), false (neither).
struct Truth {
    yes: Bits,
    unknown: Bits,
}

impl Truth {
    /// Unknown only where not already true (`NULL OR true` is true).
    fn settle(&mut self) {
        let mut not_yes = self.yes.clone();
        not_yes.invert();
        self.unknown.and(&not_yes);
    }
}

fn ids_of(conn: &Connection, sql: &str, values: &[String]) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let ids = stmt
        .query_map(params_from_iter(values), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// The ids `sql` (with one parameter) gives for each name.
fn ids_named(conn: &Connection, sql: &str, names: &[String]) -> Result<Vec<i64>> {
    let mut all = Vec::new();
    for name in names {
        all.extend(ids_of(conn, sql, std::slice::from_ref(name))?);
    }
    Ok(all)
}

/// The topics named (by name, case aside) and every topic below them.
pub(super) fn topic_ids_below(conn: &Connection, names: &[String]) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(crate::library::filter::TOPIC_AND_BELOW)?;
    let mut all = Vec::new();
    for name in names {
        let ids = stmt
            .query_map([Value::Text(name.clone())], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        all.extend(ids);
    }
    Ok(all)
}

/// A date test as bounds on the packed date, with the precision it asks.
struct DateRange {
    from: u32,
    until: u32,
    /// Month tests leave out articles known only by their year (and, as
    /// SQL's `!=` does, those whose precision is not recorded).
    not_year_only: bool,
    day_only: bool,
}

impl DateRange {
    fn of(test: &DateTest) -> Option<DateRange> {
        use super::entry::packed_date;
        let day = |d: &chrono::NaiveDate| packed_date(&d.format("%Y-%m-%d").to_string());
        let range = |from, until| DateRange {
            from,
            until,
            not_year_only: false,
            day_only: false,
        };
        let month = |m: &str, day: &str| packed_date(&format!("{m}-{day}"));
        Some(match test {
            DateTest::From(d) => range(day(d)?, u32::MAX),
            DateTest::Until(d) => range(1, day(d)?),
            DateTest::Before(d) => range(1, day(d)?.checked_sub(1)?),
            DateTest::After(d) => range(day(d)? + 1, u32::MAX),
            DateTest::Year(y) => {
                let y = u32::try_from(*y).ok().filter(|y| *y <= 9999)?;
                range(y * 10_000 + 101, y * 10_000 + 1231)
            }
            DateTest::Month(m) => DateRange {
                not_year_only: true,
                ..range(month(m, "01")?, month(m, "31")?)
            },
            DateTest::Day(d) => DateRange {
                day_only: true,
                ..range(packed_date(d)?, packed_date(d)?)
            },
            DateTest::Months(from, to) => range(month(from, "01")?, month(to, "31")?),
        })
    }

    /// Whether the article's date passes: `None` where SQL's answer is
    /// NULL (no date; or a precision not recorded, where one is asked).
    fn holds(&self, e: &Entry) -> Option<bool> {
        if e.date == 0 {
            return None;
        }
        if e.date < self.from || e.date > self.until {
            return Some(false);
        }
        let precision_asked = self.not_year_only || self.day_only;
        if precision_asked && e.precision == Precision::Unknown {
            return None;
        }
        Some(
            (!self.not_year_only || e.precision != Precision::Year)
                && (!self.day_only || e.precision == Precision::Day),
        )
    }
}
