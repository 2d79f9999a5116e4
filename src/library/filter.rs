//! Which articles a list shows, and the one way that becomes SQL.
//!
//! Articles are chosen in three places: the sidebar's facet values, the
//! command line's flags and the search language's field terms. All three
//! produce [`Condition`]s, and [`Condition::to_sql`] is the only code that
//! turns a condition into SQL, so a field means the same thing wherever it is
//! asked for. Every value is a bound parameter.
//!
//! Adding a facet: a [`Facet`] variant, its arm in [`facet_condition`] (and
//! a [`Condition`] variant if no existing one expresses it), then its view.

use crate::model::{DateChoice, Facet, FacetChoice, Sort};
use chrono::NaiveDate;
use rusqlite::types::Value;

/// Which articles a list shows: the trash or the live articles, narrowed by
/// every condition and by the sidebar's choice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Show the trash instead of the live articles.
    pub trash: bool,
    /// Conditions that must all hold: the command line's flags, a place's
    /// own narrowing (recently imported), a saved search's.
    pub conditions: Vec<Condition>,
    /// The sidebar's facet values. Kept apart from `conditions` because
    /// the sidebar counts each facet without its own values.
    pub choice: FacetChoice,
    pub sort: Sort,
    pub limit: Option<usize>,
}

impl Filter {
    /// The live articles meeting one condition.
    pub fn matching(condition: Condition) -> Filter {
        Filter {
            conditions: vec![condition],
            ..Filter::default()
        }
    }

    /// Every condition this filter stands for, the trash's first.
    pub fn all_conditions(&self) -> Vec<Condition> {
        let mut all = vec![Condition::Trashed(self.trash)];
        all.extend(self.conditions.iter().cloned());
        all.extend(choice_conditions(&self.choice));
        all
    }

    /// The WHERE clause (over `articles a`) with its parameters in order.
    pub(super) fn to_sql(&self) -> (String, Vec<Value>) {
        where_sql(&self.all_conditions())
    }

    /// An SQL condition that `column` (an article's id) is one of the
    /// articles this filter selects, with its values. For the whole library
    /// the trash, a few rows, is left out instead, which is cheaper than
    /// naming every live article.
    pub(super) fn selecting(&self, column: &str) -> (String, Vec<Value>) {
        if self.is_whole_library() {
            (
                format!("{column} NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)"),
                Vec::new(),
            )
        } else {
            let (clause, values) = self.to_sql();
            (
                format!("{column} IN (SELECT a.id FROM articles a WHERE {clause})"),
                values,
            )
        }
    }

    /// Whether this selects every live article (however sorted), which
    /// counts are cheaper to take by leaving out the trash.
    pub(super) fn is_whole_library(&self) -> bool {
        *self
            == Filter {
                sort: self.sort,
                ..Filter::default()
            }
    }
}

/// A part of the library a list shows; a saved search keeps the one it
/// was made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Place {
    #[default]
    All,
    /// Imported in the last seven days.
    Recent,
    Trash,
}

impl Place {
    /// As the library stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            Place::All => "all",
            Place::Recent => "recent",
            Place::Trash => "trash",
        }
    }

    /// The stored name read back; anything else is the whole library.
    pub fn from_stored(name: &str) -> Place {
        match name {
            "recent" => Place::Recent,
            "trash" => Place::Trash,
            _ => Place::All,
        }
    }

    /// The articles of this place, narrowed by the sidebar's choice (the
    /// trash is one list of its own: the facets narrow the library).
    pub fn filter(self, choice: &FacetChoice, sort: Sort) -> Filter {
        let mut filter = Filter {
            sort,
            trash: self == Place::Trash,
            ..Filter::default()
        };
        if self == Place::Recent {
            let week_ago = chrono::Utc::now() - chrono::Duration::days(7);
            let since = week_ago.format("%Y-%m-%dT%H:%M:%SZ").to_string();
            filter.conditions.push(Condition::ImportedSince(since));
        }
        if !filter.trash {
            filter.choice = choice.clone();
        }
        filter
    }
}

/// A test on an article's publication date (`YYYY-MM-DD` in the library).
#[derive(Debug, Clone, PartialEq)]
pub enum DateTest {
    /// On this day or later.
    From(NaiveDate),
    /// On this day or earlier.
    Until(NaiveDate),
    /// Strictly before this day.
    Before(NaiveDate),
    /// Strictly after this day.
    After(NaiveDate),
    Year(i32),
    /// `YYYY-MM`: articles dated to that month or a day in it (not those
    /// known only by their year).
    Month(String),
    /// `YYYY-MM-DD`: articles dated to that very day.
    Day(String),
    /// From one month to another (`YYYY-MM`, both included).
    Months(String, String),
}

/// One test an article must pass.
///
/// Names *chosen* from the library (the sidebar's values) match exactly;
/// a source *typed* by the user (a command-line flag, a `source:` term)
/// matches when the name contains it, as an author does.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// In the trash (`true`) or not.
    Trashed(bool),
    /// Imported at or after this time (RFC 3339, UTC).
    ImportedSince(String),
    Published(DateTest),
    /// The source is one of these names (case aside).
    Source(Vec<String>),
    /// The source's name contains this text (case aside).
    SourceContaining(String),
    /// An author's name contains this text (case aside).
    AuthorContaining(String),
    /// Tagged with one of these tags.
    Tag(Vec<String>),
    /// Filed under one of these topics (names or paths) or a topic below.
    Topic(Vec<String>),
    /// In one of these regions, or about one of these countries.
    Region(Vec<String>),
    /// In one of these languages: `en` also finds `en-GB`.
    Language(Vec<String>),
    /// Of one of these kinds (editorial, opinion, news…).
    Kind(Vec<String>),
    /// In one of these states: starred, unread, archived (case aside).
    State(Vec<String>),
    /// Matches an FTS5 expression over the full-text index.
    FullText(String),
    /// Has a word beginning with these letters (the word-start index, an
    /// FTS5 expression over it).
    WordStart(String),
    /// Holds each of these runs of characters (CJK text, which the word
    /// index cannot split): in the title, or also in the body.
    Characters {
        runs: Vec<String>,
        title_only: bool,
    },
    /// At least one of these holds.
    AnyOf(Vec<Condition>),
    Not(Box<Condition>),
}

/// Joins conditions with AND; with its parameters in order.
pub(super) fn where_sql(conditions: &[Condition]) -> (String, Vec<Value>) {
    let mut values = Vec::new();
    let sql: Vec<String> = conditions.iter().map(|c| c.to_sql(&mut values)).collect();
    if sql.is_empty() {
        return ("1".into(), values);
    }
    (sql.join(" AND "), values)
}

/// The SQL for "this topic and every topic below it", given the topic's
/// name as the one parameter.
pub(super) const TOPIC_AND_BELOW: &str = "WITH RECURSIVE below(id) AS ( \
        SELECT id FROM topics WHERE name = ? COLLATE NOCASE \
        UNION SELECT t.id FROM topics t JOIN below ON t.parent_id = below.id) \
     SELECT id FROM below";

/// An `article_topics x` row that files its article: the user's own choice
/// or an accepted suggestion, not one still waiting or rejected.
pub(super) const FILED: &str = "x.rejected = 0 AND x.origin = 'user'";

/// Articles filed (by the user, or by an accepted suggestion) under the
/// topic named by the one parameter or a topic below it.
fn articles_under_topic_clause() -> String {
    format!(
        "a.id IN (SELECT x.article_id FROM article_topics x WHERE {FILED} \
         AND x.topic_id IN ({TOPIC_AND_BELOW}))"
    )
}

/// Articles about a region or a country (its two `?` both take the name).
const REGION_OR_COUNTRY: &str = "(a.region = ? COLLATE NOCASE OR a.id IN (SELECT ar.article_id FROM article_regions ar \
     JOIN regions r ON r.id = ar.region_id WHERE r.name = ? COLLATE NOCASE))";

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

fn iso(date: &NaiveDate) -> Value {
    Value::Text(date.format("%Y-%m-%d").to_string())
}

fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// A LIKE pattern that finds `part` anywhere, its own `%`, `_` and `\`
/// taken literally (the condition says `ESCAPE '\'`).
fn containing(part: &str) -> Value {
    let escaped = part.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Value::Text(format!("%{escaped}%"))
}

/// One test repeated for each name, joined by OR, in parentheses.
fn any_name(
    names: &[String],
    test: &str,
    bind: impl Fn(&str, &mut Vec<Value>),
    values: &mut Vec<Value>,
) -> String {
    let tests: Vec<&str> = names.iter().map(|_| test).collect();
    for name in names {
        bind(name, values);
    }
    format!("({})", tests.join(" OR "))
}

impl Condition {
    /// A condition over a list of names, asked with one name when one is
    /// given (a command-line flag, a field of the annotations view).
    pub fn of_one(make: fn(Vec<String>) -> Condition, name: Option<&String>) -> Option<Condition> {
        name.map(|n| make(vec![n.clone()]))
    }

    /// The condition as SQL over `articles a`, its values pushed in order.
    pub(super) fn to_sql(&self, values: &mut Vec<Value>) -> String {
        match self {
            Condition::Trashed(true) => "a.deleted_at IS NOT NULL".into(),
            Condition::Trashed(false) => "a.deleted_at IS NULL".into(),
            Condition::ImportedSince(since) => {
                values.push(text(since));
                "a.imported_at >= ?".into()
            }
            Condition::Published(test) => test.to_sql(values),
            Condition::Source(names) => {
                values.extend(names.iter().map(|n| text(n)));
                format!("a.source COLLATE NOCASE IN ({})", marks(names.len()))
            }
            Condition::SourceContaining(part) => {
                values.push(containing(part));
                "a.source LIKE ? ESCAPE '\\'".into()
            }
            Condition::AuthorContaining(part) => {
                values.push(containing(part));
                "a.authors LIKE ? ESCAPE '\\'".into()
            }
            Condition::Tag(tags) => {
                values.extend(tags.iter().map(|t| text(t)));
                format!(
                    "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id \
                     WHERE t.name IN ({}))",
                    marks(tags.len())
                )
            }
            Condition::Topic(topics) => any_name(
                topics,
                &articles_under_topic_clause(),
                |t, values| values.push(text(t)),
                values,
            ),
            Condition::Region(regions) => any_name(
                regions,
                REGION_OR_COUNTRY,
                |r, values| values.extend([text(r), text(r)]),
                values,
            ),
            Condition::Language(languages) => any_name(
                languages,
                "(a.language = ? COLLATE NOCASE OR a.language LIKE ?)",
                |l, values| values.extend([text(l), Value::Text(format!("{l}-%"))]),
                values,
            ),
            Condition::Kind(kinds) => {
                values.extend(kinds.iter().map(|k| text(k)));
                format!("a.kind COLLATE NOCASE IN ({})", marks(kinds.len()))
            }
            Condition::State(states) => {
                let tests: Vec<&str> = states
                    .iter()
                    .map(|s| match s.to_lowercase().as_str() {
                        "starred" => "a.starred = 1",
                        "unread" => "a.read_state = 'unread'",
                        "archived" => "a.read_state = 'archived'",
                        // A state Folio does not know holds for no article.
                        _ => "0",
                    })
                    .collect();
                format!("({})", tests.join(" OR "))
            }
            Condition::FullText(expression) => {
                values.push(text(expression));
                "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)".into()
            }
            Condition::WordStart(expression) => {
                values.push(text(expression));
                "a.id IN (SELECT rowid FROM article_word_starts WHERE article_word_starts MATCH ?)".into()
            }
            Condition::Characters { runs, title_only } => {
                let mut tests = Vec::new();
                for run in runs {
                    if *title_only {
                        values.push(containing(run));
                        tests.push("t.title LIKE ? ESCAPE '\\'");
                    } else {
                        values.extend([containing(run), containing(run)]);
                        tests.push("(t.title LIKE ? ESCAPE '\\' OR t.body LIKE ? ESCAPE '\\')");
                    }
                }
                format!(
                    "a.id IN (SELECT t.rowid FROM articles_trigram t WHERE {})",
                    tests.join(" AND ")
                )
            }
            Condition::AnyOf(any) => {
                let sql: Vec<String> = any.iter().map(|c| c.to_sql(values)).collect();
                format!("({})", sql.join(" OR "))
            }
            Condition::Not(condition) => format!("NOT ({})", condition.to_sql(values)),
        }
    }
}

impl DateTest {
    fn to_sql(&self, values: &mut Vec<Value>) -> String {
        let mut bind = |value: String| values.push(Value::Text(value));
        match self {
            DateTest::From(date) => {
                values.push(iso(date));
                "a.published_date >= ?".into()
            }
            DateTest::Until(date) => {
                values.push(iso(date));
                "a.published_date <= ?".into()
            }
            DateTest::Before(date) => {
                values.push(iso(date));
                "a.published_date < ?".into()
            }
            DateTest::After(date) => {
                values.push(iso(date));
                "a.published_date > ?".into()
            }
            DateTest::Year(year) => {
                bind(format!("{year:04}-01-01"));
                bind(format!("{year:04}-12-31"));
                "(a.published_date >= ? AND a.published_date <= ?)".into()
            }
            DateTest::Month(month) => {
                bind(format!("{month}-01"));
                bind(format!("{month}-31"));
                "(a.published_date >= ? AND a.published_date <= ? AND a.published_precision != 'year')".into()
            }
            DateTest::Day(day) => {
                bind(day.clone());
                "(a.published_date = ? AND a.published_precision = 'day')".into()
            }
            DateTest::Months(from, to) => {
                bind(format!("{from}-01"));
                bind(format!("{to}-31"));
                "(a.published_date >= ? AND a.published_date <= ?)".into()
            }
        }
    }
}

/// What choosing these values of one facet asks of an article: the values
/// are alternatives. `None` when nothing is chosen there.
pub fn facet_condition(facet: Facet, values: &[String]) -> Option<Condition> {
    if values.is_empty() {
        return None;
    }
    let names = values.to_vec();
    Some(match facet {
        Facet::Date => Condition::AnyOf(values.iter().filter_map(|v| date_value(v)).collect()),
        Facet::Region => Condition::Region(names),
        Facet::Topic => Condition::Topic(names),
        Facet::Source => Condition::Source(names),
        Facet::Tag => Condition::Tag(names),
        Facet::Kind => Condition::Kind(names),
        Facet::Language => Condition::Language(names),
        Facet::State => Condition::State(names),
    })
}

/// A value of the date facet as the test it stands for.
fn date_value(value: &str) -> Option<Condition> {
    let test = match DateChoice::read(value)? {
        DateChoice::Year(year) => DateTest::Year(year),
        DateChoice::Month(month) => DateTest::Month(month.to_string()),
        DateChoice::Day(day) => DateTest::Day(day.to_string()),
        DateChoice::Months(from, to) => DateTest::Months(from.to_string(), to.to_string()),
    };
    Some(Condition::Published(test))
}

/// The sidebar's choice as conditions: one per facet with values chosen.
pub fn choice_conditions(choice: &FacetChoice) -> Vec<Condition> {
    Facet::ALL
        .iter()
        .filter_map(|&facet| facet_condition(facet, &choice.values(facet)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_source_takes_its_wildcards_literally() {
        let mut values = Vec::new();
        let sql = Condition::SourceContaining("100%_sure\\".into()).to_sql(&mut values);
        assert_eq!(sql, "a.source LIKE ? ESCAPE '\\'");
        assert_eq!(values, [Value::Text("%100\\%\\_sure\\\\%".into())]);
    }

    #[test]
    fn the_date_facet_reads_each_value_by_its_shape() {
        let values: Vec<String> = ["2018", "2019-06", "2020-01-02", "2017-01 – 2017-03"]
            .map(String::from)
            .to_vec();
        let Some(Condition::AnyOf(tests)) = facet_condition(Facet::Date, &values) else {
            panic!("the date facet gives alternatives");
        };
        assert_eq!(
            tests,
            [
                Condition::Published(DateTest::Year(2018)),
                Condition::Published(DateTest::Month("2019-06".into())),
                Condition::Published(DateTest::Day("2020-01-02".into())),
                Condition::Published(DateTest::Months("2017-01".into(), "2017-03".into())),
            ]
        );
    }

    #[test]
    fn parameters_follow_their_marks_in_order() {
        let (sql, values) = where_sql(&[
            Condition::Trashed(false),
            Condition::Region(vec!["Japan".into()]),
            Condition::Not(Box::new(Condition::Kind(vec!["news".into(), "opinion".into()]))),
        ]);
        assert_eq!(sql.matches('?').count(), values.len());
        assert!(sql.starts_with("a.deleted_at IS NULL AND ("), "{sql}");
        assert_eq!(values.last(), Some(&Value::Text("opinion".into())));
    }

    #[test]
    fn nothing_chosen_adds_no_condition() {
        assert!(choice_conditions(&FacetChoice::default()).is_empty());
        assert_eq!(facet_condition(Facet::Tag, &[]), None);
    }
}
