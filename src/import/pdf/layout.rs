//! A page's glyphs as text in reading order: glyphs into line fragments,
//! fragments into blocks by cutting the page along its empty bands (wide
//! vertical gutters first, so that columns are read one after the other),
//! and each block's lines in order from the top.

use super::glyphs::Glyph;
use super::right_to_left;
use crate::import::lines::is_cjk;

/// A run of glyphs on one baseline with no wide gap inside.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

impl Fragment {
    fn top(&self) -> f64 {
        self.y - self.size * 0.8
    }
    fn bottom(&self) -> f64 {
        self.y + self.size * 0.25
    }
}

/// One line of a block, its fragments on the row joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub y: f64,
    pub size: f64,
    /// The fragments joined into the line, when there were several: items
    /// of a bar set apart by wide gaps ("Home   World   Opinion").
    pub pieces: Vec<String>,
}

/// Lines that belong together: a paragraph, a heading, a menu.
pub type Block = Vec<Line>;

/// Glyphs closer in height than this share a row (a share of their size).
const SAME_ROW: f64 = 0.35;
/// A gap wider than this inside a row splits it into fragments: a gutter
/// or the space between items of a bar, never between words.
const FRAGMENT_GAP: f64 = 1.2;
/// A gap wider than this between glyphs is a space between words.
const WORD_GAP: f64 = 0.2;
/// How far a run's next glyph may stand left of where the run ended and
/// still continue it (the widths a font's table gives can be too large).
const RUN_OVERLAP: f64 = 3.0;
/// Empty bands that separate blocks: a vertical one as wide as this (in
/// sizes of the text beside it), a horizontal one as tall.
const GUTTER: f64 = 1.2;
const BAND: f64 = 0.7;
/// Past this many fragments a page is read top to bottom without looking
/// for columns: the cutting costs the square of the count.
const MAX_FRAGMENTS_TO_CUT: usize = 5_000;

/// The page's blocks in reading order.
pub fn blocks(glyphs: &[Glyph]) -> Vec<Block> {
    let fragments = fragments(glyphs);
    let regions = if fragments.len() > MAX_FRAGMENTS_TO_CUT {
        vec![(0..fragments.len()).collect()]
    } else {
        cut_into_regions(&fragments)
    };
    let mut blocks: Vec<Block> = regions
        .into_iter()
        .map(|region| region_lines(&fragments, region))
        .filter(|block| !block.is_empty())
        .collect();
    if right_to_left::drawn_from_the_left(blocks.iter().flatten().map(|line| line.text.as_str())) {
        blocks.iter_mut().flatten().for_each(in_reading_order);
    }
    blocks
}

/// A line of a right-to-left script as it is read, not as it is drawn.
fn in_reading_order(line: &mut Line) {
    if let Some(text) = right_to_left::logical_order(&line.text) {
        line.text = text;
        // The pieces of a bar are read from the right too.
        line.pieces = line
            .pieces
            .iter()
            .rev()
            .map(|piece| right_to_left::logical_order(piece).unwrap_or_else(|| piece.clone()))
            .collect();
    }
}

/// Runs of glyphs as the page draws them, then the runs on one row put
/// in order from the left and joined where no gutter parts them. The order
/// of drawing is kept inside a run: the positions pdf-extract gives a run's
/// later glyphs add up its widths, which some fonts' tables get wrong, and
/// sorting them would shuffle letters.
fn fragments(glyphs: &[Glyph]) -> Vec<Fragment> {
    let mut runs: Vec<Fragment> = Vec::new();
    let mut current: Option<Fragment> = None;
    // Where the last glyph of the run was drawn: a glyph drawn again over
    // it is an overprint; one drawn further left is the next text run
    // placed where the last run's wrong widths overshot.
    let mut last_x = f64::NAN;
    for (i, glyph) in glyphs.iter().enumerate() {
        let width = drawn_width(glyph, glyphs.get(i + 1));
        // A space the page draws is a space, whatever the gap.
        if glyph.text.trim().is_empty() {
            if let Some(run) = current.as_mut()
                && !run.text.ends_with(' ')
            {
                run.text.push(' ');
            }
            continue;
        }
        if let Some(run) = current.as_mut() {
            let size = run.size.max(glyph.size);
            let gap = glyph.x - run.x1;
            let same_row = (glyph.y - run.y).abs() <= SAME_ROW * size;
            // The same glyph drawn again over itself (a bold made by
            // overprinting) is read once.
            let over_the_last = (glyph.x - last_x).abs() < 0.5 * width.max(0.1);
            if same_row
                && over_the_last
                && gap < -0.5 * width.max(0.1)
                && run.text.ends_with(glyph.text.as_str())
            {
                continue;
            }
            if same_row && gap <= FRAGMENT_GAP * size && gap >= -RUN_OVERLAP * size {
                if gap > WORD_GAP * size && needs_space(&run.text, &glyph.text) {
                    run.text.push(' ');
                }
                run.text.push_str(&glyph.text);
                run.x1 = run.x1.max(glyph.x + width);
                run.size = size;
                last_x = glyph.x;
                continue;
            }
            runs.extend(current.take());
        }
        last_x = glyph.x;
        current = Some(Fragment {
            x0: glyph.x,
            x1: glyph.x + width,
            y: glyph.y,
            size: glyph.size,
            text: glyph.text.clone(),
        });
    }
    runs.extend(current);
    join_runs_on_rows(runs)
}

/// Whether a gap between two pieces of text is a space: not where one is
/// already, nor between Chinese or Japanese characters, which are written
/// without (the gap there is the font's widths read wrong).
fn needs_space(before: &str, after: &str) -> bool {
    match (before.chars().next_back(), after.chars().next()) {
        (Some(a), Some(b)) => !(a.is_whitespace() || b.is_whitespace() || (is_cjk(a) && is_cjk(b))),
        _ => false,
    }
}

/// A glyph's width, or for one whose font gave none (pdf-extract finds no
/// width for some embedded fonts' glyphs) the step to the next glyph when
/// that one follows on the row, else a typical letter's width: a width of
/// nothing would part every letter from the next.
fn drawn_width(glyph: &Glyph, next: Option<&Glyph>) -> f64 {
    if glyph.width > 0.0 {
        return glyph.width;
    }
    let step = next
        .filter(|n| (n.y - glyph.y).abs() <= SAME_ROW * glyph.size)
        .map(|n| n.x - glyph.x)
        .filter(|&step| step > 0.0 && step <= glyph.size * 1.1);
    let typical = if glyph.text.chars().any(is_cjk) { 1.0 } else { 0.55 };
    step.unwrap_or(typical * glyph.size)
}

fn join_runs_on_rows(mut runs: Vec<Fragment>) -> Vec<Fragment> {
    runs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Vec<Fragment>> = Vec::new();
    for run in runs {
        match rows.last_mut() {
            Some(row) if (run.y - row[0].y).abs() <= SAME_ROW * row[0].size.max(run.size) => row.push(run),
            _ => rows.push(vec![run]),
        }
    }
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut current: Option<Fragment> = None;
        for run in row {
            if let Some(fragment) = current.as_mut() {
                let size = fragment.size.max(run.size);
                let gap = run.x0 - fragment.x1;
                if gap <= FRAGMENT_GAP * size {
                    if gap > WORD_GAP * size && needs_space(&fragment.text, &run.text) {
                        fragment.text.push(' ');
                    }
                    fragment.text.push_str(&run.text);
                    fragment.x1 = fragment.x1.max(run.x1);
                    fragment.size = size;
                    continue;
                }
                out.extend(current.take());
            }
            current = Some(run);
        }
        out.extend(current);
    }
    out
}

/// The page cut along its empty bands until no band is left, the pieces
/// in reading order. Done with a list rather than recursion, so that a page
/// of thousands of lines cannot exhaust the stack.
fn cut_into_regions(fragments: &[Fragment]) -> Vec<Vec<usize>> {
    let mut done = Vec::new();
    let mut todo = vec![(0..fragments.len()).collect::<Vec<usize>>()];
    while let Some(region) = todo.pop() {
        match cut(fragments, &region) {
            Some((first, second)) => {
                todo.push(second);
                todo.push(first);
            }
            None => done.push(region),
        }
    }
    done
}

/// Splits a region in two at its widest gutter, or failing one at its
/// tallest empty band; `None` when it has neither.
fn cut(fragments: &[Fragment], region: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    if region.len() < 2 {
        return None;
    }
    let widest = |start: &dyn Fn(&Fragment) -> f64, end: &dyn Fn(&Fragment) -> f64, least: f64| {
        let mut sorted = region.to_vec();
        sorted.sort_by(|&a, &b| start(&fragments[a]).total_cmp(&start(&fragments[b])));
        let mut reach = end(&fragments[sorted[0]]);
        let mut best: Option<(f64, f64)> = None;
        for &i in &sorted[1..] {
            let fragment = &fragments[i];
            let gap = start(fragment) - reach;
            let needed = least * fragment.size;
            if gap > needed && best.is_none_or(|(g, _)| gap / needed > g) {
                best = Some((gap / needed, start(fragment)));
            }
            reach = reach.max(end(fragment));
        }
        best.map(|(_, at)| at)
    };
    let split = |at: f64, start: &dyn Fn(&Fragment) -> f64| {
        let (first, second): (Vec<usize>, Vec<usize>) =
            region.iter().partition(|&&i| start(&fragments[i]) < at);
        (first, second)
    };
    if let Some(at) = widest(&|f| f.x0, &|f| f.x1, GUTTER) {
        return Some(split(at, &|f| f.x0));
    }
    widest(&|f| f.top(), &|f| f.bottom(), BAND).map(|at| split(at, &|f| f.top()))
}

/// A region's fragments as lines from the top, those on one row joined.
fn region_lines(fragments: &[Fragment], mut region: Vec<usize>) -> Block {
    region.sort_by(|&a, &b| {
        let (a, b) = (&fragments[a], &fragments[b]);
        a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0))
    });
    let mut lines: Block = Vec::new();
    for i in region {
        let fragment = &fragments[i];
        match lines.last_mut() {
            Some(line) if (fragment.y - line.y).abs() <= SAME_ROW * line.size.max(fragment.size) => {
                if line.pieces.is_empty() {
                    line.pieces.push(line.text.clone());
                }
                line.pieces.push(fragment.text.trim().to_string());
                line.text.push(' ');
                line.text.push_str(fragment.text.trim());
                line.size = line.size.max(fragment.size);
            }
            _ => lines.push(Line {
                text: fragment.text.trim().to_string(),
                y: fragment.y,
                size: fragment.size,
                pieces: Vec::new(),
            }),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` set from `x` on baseline `y`, each 0.5 size wide.
    fn word_glyphs(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f64 * size * 0.5,
                y,
                width: size * 0.5,
                size,
                text: c.to_string(),
            })
            .collect()
    }

    fn texts(blocks: &[Block]) -> Vec<Vec<String>> {
        blocks
            .iter()
            .map(|b| b.iter().map(|l| l.text.clone()).collect())
            .collect()
    }

    #[test]
    fn two_columns_are_read_one_after_the_other_under_a_heading_across_both() {
        let mut glyphs = word_glyphs("A heading across", 50.0, 40.0, 20.0);
        for (row, (left, right)) in [("left one", "right one"), ("left two", "right two")]
            .iter()
            .enumerate()
        {
            let y = 100.0 + row as f64 * 14.0;
            // Drawn row by row across the page, as a printer may.
            glyphs.extend(word_glyphs(left, 50.0, y, 10.0));
            glyphs.extend(word_glyphs(right, 300.0, y, 10.0));
        }
        assert_eq!(
            texts(&blocks(&glyphs)),
            vec![
                vec!["A heading across"],
                vec!["left one", "left two"],
                vec!["right one", "right two"],
            ]
        );
    }

    #[test]
    fn a_paragraph_gap_parts_blocks_and_line_spacing_does_not() {
        let mut glyphs = word_glyphs("first line", 50.0, 100.0, 10.0);
        glyphs.extend(word_glyphs("second line", 50.0, 114.0, 10.0));
        glyphs.extend(word_glyphs("next paragraph", 50.0, 145.0, 10.0));
        assert_eq!(
            texts(&blocks(&glyphs)),
            vec![vec!["first line", "second line"], vec!["next paragraph"]]
        );
    }
}
