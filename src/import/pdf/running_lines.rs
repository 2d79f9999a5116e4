//! Running headers and footers: the lines a printer repeats at the top or
//! the bottom of every page (the page's title, the date it was printed, its
//! address, "2/5"). Told by repetition, not by wording: a line in a page's
//! top or bottom rows that stands, page numbers aside, on most pages. And,
//! on a page of its own too, a line in the printer's margin, nearer the
//! paper's edge than a printer puts the content.

use super::layout::Block;
use std::collections::HashMap;

/// How many rows at each end of a page are looked at.
const EDGE_ROWS: usize = 2;

/// The share of the page's height at its top and its bottom edge where a
/// browser prints its header and footer (the date and title; the address
/// and page number) and never the page's content.
pub const MARGIN_BAND: f64 = 0.035;

/// Removes the lines set in the page's top or bottom margin band.
pub fn remove_margin_lines(page: &mut Vec<Block>, height: f64) {
    if !(height.is_finite() && height > 0.0) {
        return;
    }
    let band = MARGIN_BAND * height;
    for block in page.iter_mut() {
        block.retain(|line| line.y > band && line.y < height - band);
    }
    page.retain(|block| !block.is_empty());
}

/// Removes running lines from the pages' blocks; pages of one page keep all.
pub fn remove_running_lines(pages: &mut [Vec<Block>]) {
    if pages.len() < 2 {
        return;
    }
    let mut seen_on: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<String> = edge_lines(page)
            .into_iter()
            .map(|(b, l)| key(&page[b][l].text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen_on.entry(k).or_default() += 1;
        }
    }
    // "Most pages": more than half of them, and at least two.
    let page_count = pages.len();
    let running = |k: &String| seen_on.get(k).is_some_and(|&n| n >= 2 && n * 2 > page_count);
    for page in pages.iter_mut() {
        let mut doomed = edge_lines(page);
        doomed.retain(|&(b, l)| running(&key(&page[b][l].text)));
        // From the last, so that the indices still to remove stay right.
        doomed.sort_unstable_by(|a, b| b.cmp(a));
        for (b, l) in doomed {
            page[b].remove(l);
        }
        page.retain(|block| !block.is_empty());
    }
}

/// Where the lines of the page's top and bottom rows are: (block, line).
fn edge_lines(page: &[Block]) -> Vec<(usize, usize)> {
    let mut rows: Vec<f64> = page.iter().flatten().map(|line| line.y).collect();
    rows.sort_by(f64::total_cmp);
    rows.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    if rows.is_empty() {
        return Vec::new();
    }
    let top = rows[EDGE_ROWS.min(rows.len()) - 1];
    let bottom = rows[rows.len().saturating_sub(EDGE_ROWS)];
    let mut found = Vec::new();
    for (b, block) in page.iter().enumerate() {
        for (l, line) in block.iter().enumerate() {
            if line.y <= top + 0.5 || line.y >= bottom - 0.5 {
                found.push((b, l));
            }
        }
    }
    found
}

/// A line as compared across pages: its numbers (page numbers, counts)
/// made one, case and spacing ignored.
fn key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            if c.is_numeric() {
                if !key.ends_with('#') {
                    key.push('#');
                }
            } else {
                key.extend(c.to_lowercase());
            }
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::layout::Line;

    fn block(lines: &[(&str, f64)]) -> Block {
        lines
            .iter()
            .map(|&(text, y)| Line {
                text: text.to_string(),
                y,
                size: 10.0,
                pieces: Vec::new(),
            })
            .collect()
    }

    fn page(number: usize, body: &str) -> Vec<Block> {
        vec![
            block(&[("12/6/26, 9:14 PM", 20.0)]),
            block(&[("The harbour wall", 20.0)]),
            block(&[(body, 100.0), (&format!("and more of {body}"), 114.0)]),
            block(&[(&format!("file:///home/ana/harbour.html {number}/3"), 825.0)]),
        ]
    }

    #[test]
    fn the_printers_header_and_numbered_footer_go_and_the_text_stays() {
        let mut pages = vec![
            page(1, "Page one text"),
            page(2, "Page two text"),
            page(3, "Page three text"),
        ];
        remove_running_lines(&mut pages);
        for (page, body) in pages
            .iter()
            .zip(["Page one text", "Page two text", "Page three text"])
        {
            let more = format!("and more of {body}");
            assert_eq!(page, &vec![block(&[(body, 100.0), (&more, 114.0)])]);
        }
    }

    #[test]
    fn lines_in_the_printers_margin_go_on_a_single_page() {
        let mut page = page(1, "Only page");
        remove_margin_lines(&mut page, 842.0);
        assert_eq!(
            page,
            vec![block(&[("Only page", 100.0), ("and more of Only page", 114.0)])]
        );
    }

    #[test]
    fn a_single_page_keeps_every_line() {
        let mut pages = vec![page(1, "Only page")];
        remove_running_lines(&mut pages);
        assert_eq!(pages[0].len(), 4);
    }
}
