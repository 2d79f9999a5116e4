//! The order of the article list, worked out here rather than by SQL.
//!
//! The list of a large library is every article's id in the order of a
//! column. SQLite sorts such a list through its general sorter, which at
//! 100,000 articles took 90 to 110 ms for a title or a source; reading the
//! column from the list index and sorting in memory takes well under half.
//! The order is the one `order_by` in `articles.rs` gives `list`, which a
//! test holds them to.

use crate::model::{Sort, SortKey};
use std::cmp::Ordering;

/// What one article is sorted by.
pub(super) struct SortRow {
    pub id: i64,
    /// The title, source or region, by the key; lowercased where the key
    /// ignores case.
    pub text: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
}

/// The column read into [`SortRow::text`] for a key.
pub(super) fn text_column(key: SortKey) -> &'static str {
    match key {
        SortKey::Title => "a.title",
        SortKey::Source => "a.source",
        SortKey::Region => "a.region",
        SortKey::Published | SortKey::Imported => "NULL",
    }
}

/// The date and time columns, where the key needs them (a tie between
/// sources or regions is broken by date).
pub(super) fn date_columns(key: SortKey) -> &'static str {
    match key {
        SortKey::Published => "a.published_date, a.published_time",
        SortKey::Source | SortKey::Region => "a.published_date, NULL",
        SortKey::Title | SortKey::Imported => "NULL, NULL",
    }
}

/// Whether the key compares its text without regard to case, as SQL's
/// `COLLATE NOCASE` does (ASCII letters only).
pub(super) fn ignores_case(key: SortKey) -> bool {
    matches!(key, SortKey::Title | SortKey::Source)
}

/// Text prepared for comparing under `key`.
pub(super) fn prepared(key: SortKey, mut text: Option<String>) -> Option<String> {
    if ignores_case(key)
        && let Some(text) = text.as_mut()
    {
        // Folding ASCII letters only keeps the text valid UTF-8 and
        // matches NOCASE, which leaves every other letter as it is.
        text.make_ascii_lowercase();
    }
    text
}

/// The ids in list order.
pub(super) fn sorted_ids(mut rows: Vec<SortRow>, sort: Sort) -> Vec<i64> {
    rows.sort_unstable_by(|a, b| compare(a, b, sort));
    rows.into_iter().map(|r| r.id).collect()
}

/// The order of `order_by`: a missing value after every other, whichever
/// the direction; ties newest first. SQL counts NULL below any value, as
/// `Option` does.
fn compare(a: &SortRow, b: &SortRow, sort: Sort) -> Ordering {
    let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
    let missing_last = |x: &Option<String>, y: &Option<String>| x.is_none().cmp(&y.is_none());
    let newest_first = || b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id));
    match sort.key {
        SortKey::Published => missing_last(&a.date, &b.date)
            .then_with(|| directed(a.date.cmp(&b.date)))
            .then_with(|| directed(a.time.cmp(&b.time)))
            .then_with(|| directed(a.id.cmp(&b.id))),
        SortKey::Title => missing_last(&a.text, &b.text)
            .then_with(|| directed(a.text.cmp(&b.text)))
            .then_with(|| b.id.cmp(&a.id)),
        SortKey::Source | SortKey::Region => missing_last(&a.text, &b.text)
            .then_with(|| directed(a.text.cmp(&b.text)))
            .then_with(newest_first),
        SortKey::Imported => directed(a.id.cmp(&b.id)),
    }
}
