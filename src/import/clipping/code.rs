//! Code and drawn tables in technical pieces: a listing or a program's
//! printed output sits between a post's paragraphs, and the body runs on
//! across it. Code is told by its punctuation and by the shape of
//! statements and queries, which menus and share bars never have.

use crate::import::lines::{ends_sentence, word_count};

/// The lines of tables drawn with box characters.
pub(super) const BOX_DRAWING: [char; 6] = ['│', '┃', '║', '─', '━', '┼'];

/// A line of program code or markup: it ends or opens a block, or leans on
/// the punctuation of code. Tables drawn with box characters, as a program
/// prints its output, count too.
pub(super) fn looks_like_code(text: &str) -> bool {
    looks_like_code_strictly(text) || reads_like_a_statement(text)
}

/// Code by its punctuation alone: enough to keep a line the furniture words
/// would throw out ("return home;") in a body.
pub(super) fn looks_like_code_strictly(text: &str) -> bool {
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
pub(super) fn names_code(text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clipping::body::body_weight;
    use crate::import::clipping::{PROSE, extract_clipping, is_furniture_line};
    use crate::import::lines::split_units;

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
}
