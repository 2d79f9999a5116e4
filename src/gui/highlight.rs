//! Finding the searched words in the reader's text, to paint them and step
//! through them; laying the text out with them and the highlights painted
//! behind it; the list's search snippets.

use super::widgets::highlight_fill;
use crate::model::Highlight;
use std::ops::Range;

/// Byte ranges of `needle` in `text`, ignoring case; ranges refer to `text`
/// itself, whatever lower-casing does to lengths.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // Each lower-cased char with the byte range of the char it came from.
    let mut lowered: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for l in c.to_lowercase() {
            lowered.push((l, at, at + c.len_utf8()));
        }
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= lowered.len() {
        if lowered[i..i + needle.len()]
            .iter()
            .map(|(c, _, _)| *c)
            .eq(needle.iter().copied())
        {
            found.push(lowered[i].1..lowered[i + needle.len() - 1].2);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

/// Matches of any of the words in a paragraph, in order, not overlapping.
pub fn matches_in(paragraph: &str, words: &[String]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = words.iter().flat_map(|w| find_all(paragraph, w)).collect();
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Range<usize>> = Vec::new();
    for range in all {
        if kept.last().is_none_or(|last| range.start >= last.end) {
            kept.push(range);
        }
    }
    kept
}

/// A search snippet laid out on one line: the words the library marked
/// between `[` and `]` on a painted background, after `lead` (where the
/// match was, when not in the text) in italics.
pub fn snippet_job(
    snippet: &str,
    lead: Option<&str>,
    font: egui::FontId,
    color: egui::Color32,
    mark: egui::Color32,
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let plain = egui::TextFormat::simple(font, color);
    if let Some(lead) = lead {
        let italics = egui::TextFormat {
            italics: true,
            ..plain.clone()
        };
        job.append(&format!("{lead}: "), 0.0, italics);
    }
    let marked = egui::TextFormat {
        background: mark,
        ..plain.clone()
    };
    let mut rest = snippet;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        job.append(&rest[..open], 0.0, plain.clone());
        job.append(&rest[open + 1..close], 0.0, marked.clone());
        rest = &rest[close + 1..];
    }
    job.append(rest, 0.0, plain);
    job
}

/// Byte offset of each character of `text`, and the length at the end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect()
}

/// How the reader's text is painted: its font and colour, the theme, and
/// which match of the searched words is the current one.
pub struct ReadingStyle {
    pub font: egui::FontId,
    pub color: egui::Color32,
    pub dark: bool,
    pub current: usize,
}

/// The text laid out for reading: highlights and searched words painted
/// behind it (the current match brightest, then the other matches, then
/// highlights, the newest on top).
pub fn reading_job(
    text: &str,
    highlights: &[Highlight],
    matches: &[Range<usize>],
    style: &ReadingStyle,
) -> egui::text::LayoutJob {
    marked_job(text, highlights, matches, &[], style)
}

/// How Compare marks a passage both articles hold: underlined, on a tint
/// of its own where no highlight or match is painted.
fn shared_look(dark: bool) -> (egui::Color32, egui::Stroke) {
    if dark {
        (
            egui::Color32::from_rgb(28, 62, 60),
            egui::Stroke::new(1.5, egui::Color32::from_rgb(90, 200, 190)),
        )
    } else {
        (
            egui::Color32::from_rgb(218, 240, 236),
            egui::Stroke::new(1.5, egui::Color32::from_rgb(0, 128, 118)),
        )
    }
}

/// The colour Compare's legend shows for a shared passage.
pub fn shared_mark(dark: bool) -> egui::Stroke {
    shared_look(dark).1
}

/// As [`reading_job`], with the passages in `shared` (byte ranges, in
/// order, not overlapping) marked as Compare marks them, under the rest.
pub fn marked_job(
    text: &str,
    highlights: &[Highlight],
    matches: &[Range<usize>],
    shared: &[Range<usize>],
    style: &ReadingStyle,
) -> egui::text::LayoutJob {
    let (weak, strong) = if style.dark {
        (
            egui::Color32::from_rgb(90, 80, 20),
            egui::Color32::from_rgb(170, 130, 0),
        )
    } else {
        (
            egui::Color32::from_rgb(255, 240, 150),
            egui::Color32::from_rgb(255, 190, 60),
        )
    };
    let (shared_fill, shared_line) = shared_look(style.dark);
    let starts = char_starts(text);
    let byte = |char_index: usize| starts[char_index.min(starts.len() - 1)];
    // (from, to, fill, layer): the highest layer shows.
    let painted: Vec<(usize, usize, egui::Color32, u8)> = shared
        .iter()
        .map(|r| (r.start, r.end, shared_fill, 0))
        .chain(
            highlights
                .iter()
                .filter(|h| !h.detached)
                .map(|h| (byte(h.start), byte(h.end), highlight_fill(h.color, style.dark), 1)),
        )
        .chain(matches.iter().enumerate().map(|(i, m)| {
            let current = i == style.current;
            (
                m.start,
                m.end,
                if current { strong } else { weak },
                2 + u8::from(current),
            )
        }))
        .collect();
    let mut cuts: Vec<usize> = painted
        .iter()
        .flat_map(|p| [p.0, p.1])
        .chain([0, text.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = egui::text::LayoutJob::default();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if from >= to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
            continue;
        }
        let covering = || {
            painted
                .iter()
                .enumerate()
                .filter(|(_, p)| p.0 <= from && to <= p.1)
        };
        let background = covering()
            .max_by_key(|(order, p)| (p.3, *order))
            .map_or(egui::Color32::TRANSPARENT, |(_, p)| p.2);
        let in_shared = covering().any(|(_, p)| p.3 == 0);
        job.append(
            &text[from..to],
            0.0,
            egui::TextFormat {
                background,
                underline: if in_shared {
                    shared_line
                } else {
                    egui::Stroke::NONE
                },
                ..egui::TextFormat::simple(style.font.clone(), style.color)
            },
        );
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_whatever_their_case() {
        let text = "Kim met KIM; İstanbul and kimchi.";
        let found: Vec<&str> = find_all(text, "kim").into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["Kim", "KIM", "kim"]);
        let found: Vec<&str> = find_all(text, "istanbul").into_iter().map(|r| &text[r]).collect();
        assert!(found.is_empty() || found == vec!["İstanbul"]);
        assert_eq!(find_all("北朝鮮の対話", "対話"), vec![12..18]);
    }

    #[test]
    fn snippet_marks_become_painted_sections() {
        let font = egui::FontId::proportional(12.0);
        let job = snippet_job(
            "…the [talks] resume [soon]…",
            Some("in your note"),
            font,
            egui::Color32::GRAY,
            egui::Color32::YELLOW,
        );
        assert_eq!(job.text, "in your note: …the talks resume soon…");
        let painted: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.background == egui::Color32::YELLOW)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(painted, ["talks", "soon"]);
    }

    #[test]
    fn a_shared_passage_is_underlined_under_a_highlight_and_tinted_elsewhere() {
        let text = "Seoul said the talks would resume, officials said.";
        let highlight = Highlight {
            id: 1,
            article_id: 1,
            start: 0,
            end: 5,
            quote: "Seoul".into(),
            prefix: String::new(),
            suffix: String::new(),
            color: crate::model::HighlightColor::Green,
            comment: None,
            created_at: String::new(),
            updated_at: String::new(),
            detached: false,
        };
        let style = ReadingStyle {
            font: egui::FontId::proportional(14.0),
            color: egui::Color32::BLACK,
            dark: false,
            current: 0,
        };
        let shared = std::slice::from_ref(&(0..33));
        let job = marked_job(text, &[highlight], &[], shared, &style);
        let section = |word: &str| {
            let at = text.find(word).unwrap();
            job.sections
                .iter()
                .find(|s| s.byte_range.start.0 <= at && at < s.byte_range.end.0)
                .unwrap()
                .format
                .clone()
        };
        let (tint, line) = shared_look(false);
        assert_eq!(section("Seoul").underline, line);
        assert_ne!(
            section("Seoul").background,
            tint,
            "the highlight shows over the tint"
        );
        assert_eq!(section("talks").background, tint);
        assert_eq!(section("officials").underline, egui::Stroke::NONE);
        assert_eq!(job.text, text);
    }

    #[test]
    fn overlapping_words_give_one_match() {
        let text = "North Korea and Korean talks";
        let ranges = matches_in(text, &["korea".to_string(), "north korea".to_string()]);
        let found: Vec<&str> = ranges.into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["North Korea", "Korea"]);
    }
}
