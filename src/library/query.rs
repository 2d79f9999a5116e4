//! The search language, turned into SQL that cannot fail.
//!
//! Plain words must all match (the last one as a prefix while typing),
//! `"exact phrase"`, `-word` excludes, `OR` between terms, and fields:
//! `title:` `source:` `author:` `tag:` `topic:` `region:` `country:` `lang:`
//! `kind:` `note:` `before:2019-01-01` `after:` `year:2018`. Whatever the
//! user types compiles: every word reaches FTS5 inside quotes, every field
//! value is a bound parameter, and what is not understood is searched as text.

use super::filter::{Condition, DateTest};
use chrono::NaiveDate;

/// One thing to look for.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// Words (or a phrase) in the full-text index, optionally in one column.
    Text {
        column: Option<&'static str>,
        words: Vec<String>,
        phrase: bool,
        prefix: bool,
    },
    /// A field's value (`source:`, `tag:`, `year:` …): the same condition
    /// the sidebar and the command line ask for.
    Field(Condition),
}

/// Terms joined by OR; a query is clauses that must all hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub negated: bool,
    pub any_of: Vec<Term>,
}

/// A query ready for SQL: the MATCH expression that ranks results (when
/// there are words to rank by) and the conditions every result must meet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompiledQuery {
    pub rank_match: Option<String>,
    /// The prefix index's MATCH for a short word still being typed, which
    /// every result must begin a word with (see [`short_prefix`]).
    pub prefix_match: Option<String>,
    /// The ranking MATCH with each phrase loosened to its words, all of
    /// which must be there. Cheap to walk where a phrase is not (checking
    /// that words stand side by side is what costs), it bounds how far back
    /// the ranking looks.
    pub window_match: Option<String>,
    /// A word still being typed that is longer than the word-start index
    /// keeps. `prefix_match` then holds its start, which narrows cheaply,
    /// and each result is checked for the whole word in its text (see
    /// [`super::typed_word`]): asking FTS5 for the prefix merges the lists
    /// of every word it begins across the library, 50–100 ms at 1,000,000
    /// articles, on every keystroke.
    pub typed_word: Option<String>,
    pub conditions: Vec<Condition>,
}

impl CompiledQuery {
    pub fn is_empty(&self) -> bool {
        self.rank_match.is_none() && self.prefix_match.is_none() && self.conditions.is_empty()
    }

    /// The MATCH that finds exactly the articles holding a word the typed
    /// word begins, through the main index.
    pub fn typed_word_match(&self) -> Option<String> {
        self.typed_word
            .as_ref()
            .map(|word| fts_text(None, std::slice::from_ref(word), false, true))
    }

    /// The same query with the typed word asked of the main index, which
    /// ranks by it too: what the check in the text falls back to when the
    /// word's start is common and the word rare.
    pub fn with_typed_word_ranked(&self) -> CompiledQuery {
        let Some(typed) = self.typed_word_match() else {
            return self.clone();
        };
        let joined = |existing: &Option<String>| {
            Some(match existing {
                Some(existing) => format!("{existing} AND {typed}"),
                None => typed.clone(),
            })
        };
        CompiledQuery {
            rank_match: joined(&self.rank_match),
            window_match: joined(&self.window_match),
            prefix_match: None,
            typed_word: None,
            conditions: self.conditions.clone(),
        }
    }
}

/// Longest query read, in characters: a pasted paragraph is plenty.
const MAX_QUERY_CHARS: usize = 2_000;
/// At most this many clauses, so a pasted page cannot build a huge statement.
const MAX_CLAUSES: usize = 32;

fn is_cjk(c: char) -> bool {
    crate::model::script::is_cjk(c)
}

/// Splits input into raw tokens: words, `"quoted phrases"` (an unclosed
/// quote runs to the end), with a leading `-` kept on the token.
fn tokens(input: &str) -> Vec<(bool, String, bool)> {
    let mut out = Vec::new();
    let chars: Vec<char> = input
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| {
            if c.is_control() || c == '(' || c == ')' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let negated = chars[i] == '-' && i + 1 < chars.len() && !chars[i + 1].is_whitespace();
        if negated {
            i += 1;
        }
        let start = i;
        let mut quoted = false;
        let mut text = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c == '"' {
                quoted = !quoted;
                text.push(c);
            } else if c.is_whitespace() && !quoted {
                break;
            } else {
                text.push(c);
            }
            i += 1;
        }
        if i > start {
            out.push((negated, text, quoted));
        }
    }
    out
}

/// Words as the full-text index sees them: letters and digits.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::model::Published::from_iso(text).map(|p| p.date)
}

/// The condition a field term asks for (`source:asahi`, `year:2018`), or
/// `None` for a field the language does not know or a value it cannot read.
fn field_condition(field: &str, value: String) -> Option<Condition> {
    let date = |test: fn(NaiveDate) -> DateTest| parse_date(&value).map(|d| Condition::Published(test(d)));
    match field {
        "source" => Some(Condition::SourceContaining(value)),
        "author" | "by" => Some(Condition::AuthorContaining(value)),
        "tag" => Some(Condition::Tag(vec![value])),
        "topic" => Some(Condition::Topic(vec![value])),
        "region" | "country" => Some(Condition::Region(vec![value])),
        "lang" | "language" => Some(Condition::Language(vec![value.to_lowercase()])),
        "kind" => Some(Condition::Kind(vec![value.to_lowercase()])),
        // `is:starred`, `is:unread`, `is:archived`.
        "is" => matches!(value.to_lowercase().as_str(), "starred" | "unread" | "archived")
            .then(|| Condition::State(vec![value.to_lowercase()])),
        "before" => date(DateTest::Before),
        "after" => date(DateTest::After),
        "year" => value
            .parse()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .map(|y| Condition::Published(DateTest::Year(y))),
        _ => None,
    }
}

/// The term a token stands for, or `None` when nothing searchable is left.
fn term_of(token: &str, last_token: bool, still_typing: bool) -> Option<Term> {
    let unquoted = |s: &str| s.replace('"', "");
    if let Some((field, value)) = token.split_once(':') {
        let raw = value.trim();
        let value = unquoted(raw).trim().to_string();
        let phrase = raw.starts_with('"');
        let field = field.to_lowercase();
        let column = match field.as_str() {
            "title" => Some("title"),
            "body" => Some("body"),
            "note" | "notes" => Some("notes"),
            _ => None,
        };
        let term = match column {
            _ if value.is_empty() => None,
            Some(column) => {
                let words = words_of(&value);
                (!words.is_empty()).then_some(Term::Text {
                    column: Some(column),
                    words,
                    phrase,
                    prefix: last_token && still_typing && !phrase,
                })
            }
            None => field_condition(&field, value).map(Term::Field),
        };
        if term.is_some() {
            return term;
        }
    }
    // Anything else is text: "kim's", "C++", "a:b", emoji and all.
    let phrase = token.starts_with('"');
    let words = words_of(&unquoted(token));
    let several = words.len() > 1;
    (!words.is_empty()).then_some(Term::Text {
        column: None,
        phrase: phrase || several,
        prefix: last_token && still_typing && !phrase,
        words,
    })
}

/// Parses a query. `still_typing` makes the last word a prefix, so results
/// appear before the word is finished.
pub fn parse(input: &str, still_typing: bool) -> Vec<Clause> {
    let raw = tokens(input);
    let mut clauses: Vec<Clause> = Vec::new();
    let mut join_next = false;
    let count = raw.len();
    for (index, (negated, token, _)) in raw.into_iter().enumerate() {
        if token == "OR" {
            join_next = !clauses.is_empty();
            continue;
        }
        let Some(term) = term_of(&token, index + 1 == count, still_typing) else {
            join_next = false;
            continue;
        };
        match clauses.last_mut() {
            Some(last) if join_next && !negated && !last.negated => last.any_of.push(term),
            _ => clauses.push(Clause {
                negated,
                any_of: vec![term],
            }),
        }
        join_next = false;
        if clauses.len() >= MAX_CLAUSES {
            break;
        }
    }
    clauses
}

/// The words a query looks for in the text (not those it leaves out, nor
/// field values), for painting them in the reader.
pub fn words_to_highlight(input: &str) -> Vec<String> {
    parse(input, false)
        .into_iter()
        .filter(|c| !c.negated)
        .flat_map(|c| c.any_of)
        .filter_map(|t| match t {
            Term::Text {
                words, phrase: true, ..
            } => Some(vec![words.join(" ")]),
            Term::Text { words, .. } => Some(words),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The longest prefix the word-start index answers (schema step 7).
const SHORT_PREFIX_CHARS: usize = super::word_starts::LONGEST;

/// A word still being typed, in any column, not CJK: its start (at most
/// [`SHORT_PREFIX_CHARS`] letters) is looked up in the word-start index, as
/// a filter (that index keeps no counts to rank by).
fn typed_prefix(term: &Term) -> Option<&str> {
    match term {
        Term::Text {
            column: None,
            words,
            phrase: false,
            prefix: true,
        } if words.len() == 1 => Some(words[0].as_str()).filter(|w| !w.chars().any(is_cjk)),
        _ => None,
    }
}

/// A typed word the word-start index answers whole.
fn short_prefix(term: &Term) -> Option<&str> {
    typed_prefix(term).filter(|w| w.chars().count() <= SHORT_PREFIX_CHARS)
}

/// The first [`SHORT_PREFIX_CHARS`] letters of a word.
fn word_start(word: &str) -> &str {
    let end = word
        .char_indices()
        .nth(SHORT_PREFIX_CHARS)
        .map_or(word.len(), |(at, _)| at);
    &word[..end]
}

/// The word-start index holds a word's starts as words of their own, so a
/// start is looked for as a whole word there.
fn prefix_match(start: &str) -> String {
    quote(start)
}

fn quote(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// FTS5 syntax for a text term made of words that unicode61 can tokenise.
fn fts_text(column: Option<&str>, words: &[String], phrase: bool, prefix: bool) -> String {
    let star = if prefix { "*" } else { "" };
    let body = if phrase {
        format!("{}{star}", quote(&words.join(" ")))
    } else {
        let quoted: Vec<String> = words.iter().map(|w| quote(w)).collect();
        format!("({}{star})", quoted.join(" AND "))
    };
    match column {
        Some(column) => format!("{{{column}}} : {body}"),
        None => body,
    }
}

/// The condition that holds for articles matching `term`.
fn condition_of(term: &Term) -> Condition {
    if let Some(start) = short_prefix(term) {
        return Condition::WordStart(prefix_match(start));
    }
    match term {
        Term::Text {
            column,
            words,
            phrase,
            prefix,
        } => {
            if words.iter().any(|w| w.chars().any(is_cjk)) {
                // unicode61 reads a run of CJK characters as one token, so a
                // word inside a longer run is looked for in the trigram index
                // (words shorter than a trigram as plain substrings there).
                let runs = if *phrase {
                    vec![words.join(" ")]
                } else {
                    words.clone()
                };
                return Condition::Characters {
                    runs,
                    title_only: *column == Some("title"),
                };
            }
            Condition::FullText(fts_text(*column, words, *phrase, *prefix))
        }
        Term::Field(condition) => condition.clone(),
    }
}

/// Compiles parsed clauses. Positive plain-text clauses also form the MATCH
/// expression that ranks the results (bm25).
pub fn compile(clauses: &[Clause]) -> CompiledQuery {
    let mut compiled = CompiledQuery::default();
    let mut ranking: Vec<String> = Vec::new();
    let mut loose: Vec<String> = Vec::new();
    for clause in clauses {
        // Only the last word is typed, so there is at most one of these.
        if let (false, [term]) = (clause.negated, clause.any_of.as_slice())
            && let Some(typed) = typed_prefix(term)
        {
            let start = word_start(typed);
            compiled.prefix_match = Some(prefix_match(start));
            compiled.typed_word = (start.len() < typed.len()).then(|| typed.to_string());
            continue;
        }
        // A positive clause of plain words goes into the ranking MATCH, which
        // already keeps only the articles that have them.
        if !clause.negated {
            let texts: Option<Vec<(String, String)>> = clause
                .any_of
                .iter()
                .map(|t| match t {
                    Term::Text {
                        column,
                        words,
                        phrase,
                        prefix,
                    } if !words.iter().any(|w| w.chars().any(is_cjk)) && short_prefix(t).is_none() => Some((
                        fts_text(*column, words, *phrase, *prefix),
                        fts_text(*column, words, false, *prefix),
                    )),
                    _ => None,
                })
                .collect();
            if let Some(texts) = texts {
                let (strict, words): (Vec<String>, Vec<String>) = texts.into_iter().unzip();
                ranking.push(format!("({})", strict.join(" OR ")));
                loose.push(format!("({})", words.join(" OR ")));
                continue;
            }
        }
        let condition = Condition::AnyOf(clause.any_of.iter().map(condition_of).collect());
        compiled.conditions.push(if clause.negated {
            Condition::Not(Box::new(condition))
        } else {
            condition
        });
    }
    if !ranking.is_empty() {
        compiled.rank_match = Some(ranking.join(" AND "));
        compiled.window_match = Some(loose.join(" AND "));
    }
    compiled
}
