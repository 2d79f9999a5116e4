//! The flags that choose articles (`list`, `search`, `export`), read into the
//! library's conditions.

use crate::library::{Condition, DateTest, Filter};
use chrono::NaiveDate;

#[derive(Debug, clap::Args, Default)]
pub struct FilterArgs {
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// Only articles from a publication whose name contains this (case aside).
    #[arg(long)]
    source: Option<String>,
    /// Only articles about this World Bank region or country.
    #[arg(long)]
    region: Option<String>,
    /// Only articles about this country (the same as --region with a country).
    #[arg(long)]
    country: Option<String>,
    /// Only editorials, opinion, news… (the kind Folio found).
    #[arg(long)]
    kind: Option<String>,
    /// Only articles in this language (a code: en, fr, ja…).
    #[arg(long)]
    lang: Option<String>,
    /// Only articles with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only articles filed under this topic (or a topic below it).
    #[arg(long)]
    topic: Option<String>,
    /// Only starred articles.
    #[arg(long)]
    starred: bool,
    /// Only articles in this state from the tool they came from: unread or archived.
    #[arg(long, value_name = "STATE", value_parser = ["unread", "archived"])]
    state: Option<String>,
    /// Show at most this many.
    #[arg(long)]
    limit: Option<usize>,
    /// List the trash instead.
    #[arg(long)]
    trash: bool,
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("'{s}' is not a date like 2018-01-05"))
}

impl FilterArgs {
    /// Nothing asked for: the whole library.
    pub(super) fn is_empty(&self) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && self.source.is_none()
            && self.region.is_none()
            && self.country.is_none()
            && self.kind.is_none()
            && self.lang.is_none()
            && self.tag.is_none()
            && self.topic.is_none()
            && self.limit.is_none()
            && !self.starred
            && self.state.is_none()
            && !self.trash
    }

    /// The flags as the library's conditions: a name typed here is matched
    /// as the search language's field of the same name is.
    pub(super) fn to_filter(&self) -> Filter {
        let published = |test: fn(NaiveDate) -> DateTest, date: Option<NaiveDate>| {
            date.map(|d| Condition::Published(test(d)))
        };
        let conditions = [
            published(DateTest::From, self.from),
            published(DateTest::Until, self.to),
            self.source.clone().map(Condition::SourceContaining),
            Condition::of_one(Condition::Region, self.region.as_ref()),
            Condition::of_one(Condition::Region, self.country.as_ref()),
            Condition::of_one(Condition::Kind, self.kind.as_ref()),
            Condition::of_one(Condition::Language, self.lang.as_ref()),
            Condition::of_one(Condition::Tag, self.tag.as_ref()),
            Condition::of_one(Condition::Topic, self.topic.as_ref()),
            self.starred.then(|| Condition::State(vec!["starred".into()])),
            Condition::of_one(Condition::State, self.state.as_ref()),
        ];
        Filter {
            conditions: conditions.into_iter().flatten().collect(),
            trash: self.trash,
            limit: self.limit,
            ..Filter::default()
        }
    }
}
