//! Blocks of lines as a clipping's paragraphs: a block's lines joined into
//! one paragraph (a word broken at a line's end made whole again), a
//! heading set apart from the text under it by its size, and a paragraph
//! cut by a page break joined across it.

use super::layout::{Block, Line};
use crate::import::lines::{ends_sentence, is_cjk};

/// A change of size by more than this share parts a heading from its text.
const SIZE_CHANGE: f64 = 0.15;

/// The pages' blocks as paragraphs, in order.
pub fn paragraphs(pages: &[Vec<Block>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for page in pages {
        let mut first_on_page = true;
        for block in page {
            for run in runs_of_one_size(block) {
                let text = join_lines(run);
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

fn join_lines(lines: &[Line]) -> String {
    let mut text = String::new();
    for line in lines {
        text = join_two(&text, line.text.trim());
    }
    text
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
}
