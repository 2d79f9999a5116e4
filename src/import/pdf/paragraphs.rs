//! Blocks of lines as a clipping's paragraphs: a block's lines joined into
//! one paragraph (a word broken at a line's end made whole again), a
//! heading set apart from the text under it by its size, and a paragraph
//! cut by a page break joined across it.

use super::layout::{Block, Line};
use crate::import::dates;
use crate::import::lines::{ends_sentence, is_cjk};

/// A change of size by more than this share parts a heading from its text.
const SIZE_CHANGE: f64 = 0.15;
/// Lines of a block all shorter than this (in characters) are a list's.
const LIST_MEASURE: usize = 25;
/// A line shorter than this share of its block's longest is not wrapped.
const SHORT_LINE: f64 = 0.6;

/// The pages' blocks as paragraphs, in order.
pub fn paragraphs(pages: &[Vec<Block>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for page in pages {
        let mut first_on_page = true;
        for block in page {
            for text in runs_of_one_size(block).into_iter().flat_map(paragraphs_of_run) {
                if text.is_empty() {
                    continue;
                }
                let continues = first_on_page
                    && out.last().is_some_and(|last| !ends_sentence(last))
                    && text.chars().next().is_some_and(char::is_lowercase);
                if continues {
                    let last = out.last_mut().expect("checked above");
                    *last = join_two(last, &text);
                } else {
                    out.push(text);
                }
                first_on_page = false;
            }
        }
    }
    out
}

/// A block cut where the size of its text changes.
fn runs_of_one_size(block: &Block) -> Vec<&[Line]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..block.len() {
        let (a, b) = (block[i - 1].size, block[i].size);
        if (a - b).abs() > SIZE_CHANGE * a.max(b) {
            runs.push(&block[start..i]);
            start = i;
        }
    }
    if start < block.len() {
        runs.push(&block[start..]);
    }
    runs
}

/// A run's lines joined into a paragraph, but for a bar laid out in a row
/// (a menu, a list of sections, a table's cells): its items stand on lines
/// of their own, as they do when a page is copied as text, and are not
/// run together into something that reads like a sentence.
fn paragraphs_of_run(lines: &[Line]) -> Vec<String> {
    let chars = |line: &Line| line.text.trim().chars().count();
    let measure = lines.iter().map(chars).max().unwrap_or(0);
    // A list of short lines (a menu down the side, a list of links): no
    // paragraph of prose is set this narrow, so each line is an item.
    let list = lines.len() >= 3 && measure < LIST_MEASURE;
    let mut out = Vec::new();
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if is_bar(line) {
            if !text.is_empty() {
                out.push(std::mem::take(&mut text));
            }
            out.extend(line.pieces.iter().cloned());
            continue;
        }
        // A dateline ("Posted August 15, 2020 8:53 pm") stands on its own,
        // as it does on the page: run into the byline above or the caption
        // below, it reads as a sentence that mentions a date.
        let dateline = is_dateline(line.text.trim());
        if dateline && !text.is_empty() {
            out.push(std::mem::take(&mut text));
        }
        text = join_two(&text, line.text.trim());
        // A line that stops well short of the measure is not wrapped: it
        // ends its paragraph (or is an item of a list).
        // (Not one whose word or sentence runs on to the next line.)
        let runs_on = line.text.trim_end().ends_with(['-', '\u{ad}', '\u{2010}'])
            || lines
                .get(i + 1)
                .and_then(|next| next.text.trim().chars().next())
                .is_some_and(char::is_lowercase);
        let short = lines.len() >= 3 && (chars(line) as f64) < SHORT_LINE * measure as f64 && !runs_on;
        if list || short || dateline {
            out.push(std::mem::take(&mut text));
        }
    }
    if !text.is_empty() {
        out.push(text);
    }
    out
}

fn is_dateline(text: &str) -> bool {
    dates::find_date(text).is_some_and(|found| dates::is_bare_date(text, &found))
}

/// Items a wide gap sets apart: three or more on a row, or two short ones.
/// (Two long pieces are more likely columns the layout could not part.)
fn is_bar(line: &Line) -> bool {
    let words = |piece: &String| piece.split_whitespace().count();
    line.pieces.len() >= 3 || (line.pieces.len() == 2 && line.pieces.iter().all(|p| words(p) <= 4))
}

/// Two pieces of a paragraph made one: with a space, or at a hyphen after
/// a letter with none: a word broken across them loses the hyphen
/// ("har-" + "bour"), a compound keeps it ("North-" + "East").
fn join_two(first: &str, second: &str) -> String {
    let first = first.trim_end();
    if first.is_empty() {
        return second.to_string();
    }
    if second.is_empty() {
        return first.to_string();
    }
    // A soft hyphen is only ever a break.
    if let Some(stem) = first.strip_suffix('\u{ad}') {
        return format!("{stem}{second}");
    }
    let after_hyphen = ['-', '\u{2010}']
        .iter()
        .find_map(|h| first.strip_suffix(*h))
        .filter(|stem| stem.chars().last().is_some_and(char::is_alphabetic));
    match (after_hyphen, second.chars().next()) {
        (Some(stem), Some(next)) if next.is_lowercase() => format!("{stem}{second}"),
        (Some(_), Some(next)) if next.is_alphabetic() => format!("{first}{second}"),
        // Chinese and Japanese lines break anywhere, with no space to keep.
        (None, Some(next)) if is_cjk(next) && first.chars().next_back().is_some_and(is_cjk) => {
            format!("{first}{second}")
        }
        _ => format!("{first} {second}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, size: f64) -> Line {
        Line {
            text: text.to_string(),
            y: 0.0,
            size,
            pieces: Vec::new(),
        }
    }

    #[test]
    fn a_word_broken_at_a_line_end_is_whole_again_and_a_compound_keeps_its_hyphen() {
        let block = vec![
            line("The council voted to rebuild the har-", 10.0),
            line("bour wall, a project of the North-", 10.0),
            line("East, with soft\u{ad}", 10.0),
            line("ware.", 10.0),
        ];
        assert_eq!(
            paragraphs(&[vec![block]]),
            vec![
                "The council voted to rebuild the harbour wall, a project of the North-East, with software."
            ]
        );
    }

    #[test]
    fn a_heading_parts_from_its_text_and_a_paragraph_runs_on_over_a_page_break() {
        let page_one = vec![vec![
            line("Harbour wall to be rebuilt", 20.0),
            line("The council voted on Tuesday to", 10.0),
        ]];
        let page_two = vec![
            vec![line("rebuild the harbour wall.", 10.0)],
            vec![line("Works start in spring.", 10.0)],
        ];
        assert_eq!(
            paragraphs(&[page_one, page_two]),
            vec![
                "Harbour wall to be rebuilt",
                "The council voted on Tuesday to rebuild the harbour wall.",
                "Works start in spring.",
            ]
        );
    }

    #[test]
    fn a_menu_down_the_side_and_a_bar_across_are_items_not_a_sentence() {
        let list: Block = ["World", "Opinion", "Business", "Culture"]
            .iter()
            .map(|t| line(t, 10.0))
            .collect();
        assert_eq!(
            paragraphs(&[vec![list]]),
            vec!["World", "Opinion", "Business", "Culture"]
        );
        let mut bar = line("Home World Opinion", 10.0);
        bar.pieces = vec!["Home".into(), "World".into(), "Opinion".into()];
        let prose = line("The council met on Tuesday to vote on the harbour.", 10.0);
        assert_eq!(
            paragraphs(&[vec![vec![bar, prose]]]),
            vec![
                "Home",
                "World",
                "Opinion",
                "The council met on Tuesday to vote on the harbour."
            ]
        );
    }

    #[test]
    fn a_dateline_between_the_byline_and_a_caption_stands_on_its_own() {
        let block = vec![
            line("By Ann Lee and Tom Ruiz • The Associated Press", 10.0),
            line("Posted August 15, 2020 8:53 pm", 10.0),
            line(
                "Workers inspect the harbour wall at low tide on a grey morning.",
                10.0,
            ),
        ];
        assert_eq!(
            paragraphs(&[vec![block]]),
            vec![
                "By Ann Lee and Tom Ruiz • The Associated Press",
                "Posted August 15, 2020 8:53 pm",
                "Workers inspect the harbour wall at low tide on a grey morning.",
            ]
        );
    }

    #[test]
    fn a_line_stopping_short_of_the_measure_ends_its_paragraph() {
        let block = vec![
            line(
                "The council voted on Tuesday to rebuild the harbour wall before",
                10.0,
            ),
            line("the winter storms arrive.", 10.0),
            line("It is the right call.", 10.0),
            line(
                "Fishers have waited a decade for the work to begin, and the port",
                10.0,
            ),
            line("cannot wait another winter.", 10.0),
        ];
        assert_eq!(
            paragraphs(&[vec![block]]),
            vec![
                "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive.",
                "It is the right call.",
                "Fishers have waited a decade for the work to begin, and the port cannot wait another winter.",
            ]
        );
    }
}
