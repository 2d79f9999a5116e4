//! Text as units: the paragraphs and list items of a clipping, with the
//! features the clipping parser reads to tell a line's role.

pub use crate::model::script::is_cjk;

/// `text` with its runs of white space made single spaces and its ends
/// trimmed. Built in place rather than through a list of its words, which
/// takes eight times the text's size for a page of one-letter words.
pub fn single_spaced(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    spaced
}

/// One paragraph or list item of a clipping.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub text: String,
    /// Came from a list item (`•`, `*`, `-` …): menus, share bars and
    /// "related" lists are lists; article prose seldom is.
    pub bullet: bool,
}

const BULLETS: &[char] = &[
    '•', '*', '·', '▪', '□', '◦', '●', '○', '■', '-', '–', '+', '►', '▸',
];

/// Splits text into units, re-joining paragraphs that a text browser or an
/// e-mail client hard-wrapped at a fixed width.
pub fn split_units(text: &str) -> Vec<Unit> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let widths: Vec<usize> = lines.iter().map(|l| display_width(l)).collect();
    let wrap_width = hard_wrap_width(&widths);
    let mut units: Vec<Unit> = Vec::new();
    let mut previous_blank = true;
    let mut previous_full = false;
    let mut previous_width = 0;
    for (raw, width) in lines.into_iter().zip(widths) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            previous_blank = true;
            previous_full = false;
            continue;
        }
        let (text, bullet) = strip_bullet(trimmed);
        if text.is_empty() {
            continue;
        }
        // A text browser indents a nested list's items under their parent
        // item without a bullet of their own.
        let indent: usize = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let nested_item = !bullet
            && !previous_blank
            && !previous_full
            && indent >= 4
            && units.last().is_some_and(|last| last.bullet);
        let bullet = bullet || nested_item;
        // A wrapped line goes on with a word that did not fit on the line
        // before; a word that would have fit opens a line of its own (a
        // dateline under a long headline).
        // (Chinese and Japanese wrap anywhere, and their widths are
        // measured less surely; a table's or an indented block's rows are
        // laid out, not wrapped.)
        // Chinese and Japanese put no space between words: a line wrapped
        // inside a sentence joins without one.
        let unspaced = text.starts_with(writes_without_spaces)
            || units
                .last()
                .is_some_and(|last| last.text.ends_with(writes_without_spaces));
        let would_have_fit = wrap_width.is_some_and(|w| previous_width + 1 + first_word_width(text) + 2 <= w)
            && indent == 0
            && !unspaced;
        let continues = !previous_blank && !bullet && previous_full && !would_have_fit;
        match units.last_mut() {
            Some(last) if continues => {
                if !unspaced {
                    last.text.push(' ');
                }
                last.text.push_str(text);
            }
            _ => units.push(Unit {
                text: text.to_string(),
                bullet,
            }),
        }
        previous_full = wrap_width.is_some_and(|w| width + 20 >= w);
        previous_width = width;
        previous_blank = false;
    }
    for unit in units.iter_mut().filter(|u| u.text.contains(TEX_ANNOTATION)) {
        unit.text = without_tex_annotations(&unit.text);
    }
    units.retain(|u| !u.text.is_empty());
    units
}

/// How a formula's TeX source opens where a copied page prints it beside
/// the formula (MathML's annotation, meant for screen readers and copying).
const TEX_ANNOTATION: &str = "{\\displaystyle";

/// `text` without the TeX source of its formulas: `{\displaystyle …}`, up to
/// its closing brace (or the end of the unit, when the copy cut it). The
/// reader sees the formula once, drawn; its source is no words of the text.
fn without_tex_annotations(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(TEX_ANNOTATION) {
        kept.push_str(&rest[..at]);
        let mut depth = 0usize;
        let end = rest[at..]
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map_or(rest.len(), |(i, _)| at + i + 1);
        rest = &rest[end..];
    }
    kept.push_str(rest);
    single_spaced(&kept)
}

/// The width a file was hard-wrapped at, if it was: many lines end close to
/// one common maximum that is no wider than a terminal or an e-mail. Lines
/// wider than that (a text browser's long menus, unwrapped tables) are not
/// part of the wrapped text and do not count.
fn hard_wrap_width(widths: &[usize]) -> Option<usize> {
    let mut lengths: Vec<usize> = widths
        .iter()
        .copied()
        .filter(|n| (40..=132).contains(n))
        .collect();
    if lengths.len() < 4 {
        return None;
    }
    lengths.sort_unstable();
    // Prose wrapped at a width leaves many lines just short of it: the
    // width is the top of the fullest band of 15 columns.
    let near = |width: usize| {
        lengths.partition_point(|&n| n <= width) - lengths.partition_point(|&n| n + 15 < width)
    };
    let mut tops = lengths.clone();
    tops.dedup();
    let (near_count, width) = tops.into_iter().map(|top| (near(top), top)).max()?;
    // Short paragraphs and headings make up the rest, so a quarter is enough.
    (near_count >= 4 && near_count * 4 >= lengths.len()).then_some(width)
}

fn strip_bullet(line: &str) -> (&str, bool) {
    let mut chars = line.chars();
    if let Some(first) = chars.next()
        && BULLETS.contains(&first)
    {
        let rest = chars.as_str();
        // "-" and "+" begin words and numbers too; they mark a list only
        // when a space follows. The round and square marks always do.
        let needs_space = matches!(first, '-' | '–' | '+' | '*');
        if !needs_space || rest.starts_with(' ') {
            return (rest.trim(), true);
        }
    }
    (line, false)
}

/// How many columns a line takes in a terminal or a text browser, which is
/// where it was wrapped: Chinese, Japanese and Korean characters take two.
fn display_width(line: &str) -> usize {
    line.chars()
        .map(|c| {
            if is_cjk(c) || writes_without_spaces(c) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// The columns of a line's first word, up to a space the wrapper could
/// break at (a no-break space, as in "M.\u{a0}Macron", holds words together).
fn first_word_width(line: &str) -> usize {
    display_width(line.split([' ', '\t']).next().unwrap_or(""))
}

/// Chinese characters, kana and their punctuation, which run on without
/// spaces between words (Korean's Hangul puts spaces between words).
fn writes_without_spaces(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Words in a line, counting two CJK characters as a word, which is close to
/// the average word length in Japanese and Chinese news text.
pub fn word_count(text: &str) -> usize {
    // Asked of every line many times over; most are ASCII, which has no CJK.
    if text.is_ascii() {
        // The vertical tab too, as `split_whitespace` has it (Word writes
        // it for a line break).
        return text
            .split(|c: char| c.is_ascii_whitespace() || c == '\x0B')
            .filter(|w| w.bytes().any(|b| b.is_ascii_alphanumeric()))
            .count();
    }
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    let latin = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric() && !is_cjk(c)))
        .count();
    latin + cjk.div_ceil(2)
}

pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', '»', '」', '』', '）', ' ']);
    trimmed.ends_with(['.', '!', '?', '。', '！', '？', '…', ':'])
}

/// Counts the sentence ends inside a text, a sign of running prose.
pub fn sentence_marks(text: &str) -> usize {
    let text = without_list_number(text);
    text.matches(". ").count()
        + text.matches("? ").count()
        + text.matches("! ").count()
        + text.matches('。').count()
}

/// The text after the number of a numbered list's item ("5. How to …"),
/// whose point ends no sentence.
fn without_list_number(text: &str) -> &str {
    let trimmed = text.trim_start();
    let digits = trimmed.len() - trimmed.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &trimmed[digits..];
    match rest.strip_prefix(['.', ')']) {
        Some(after) if (1..=3).contains(&digits) && after.starts_with(char::is_whitespace) => after,
        _ => text,
    }
}

/// Running prose, as opposed to a label, link or heading.
pub fn is_prose(text: &str) -> bool {
    let words = word_count(text);
    // A Japanese or Chinese headline may have a comma in it; a paragraph
    // has a full stop, or runs on longer.
    words >= 12
        && (ends_sentence(text) || sentence_marks(text) >= 1 || words >= 25 && text.contains(['、', '，']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formulas_tex_source_printed_beside_it_is_left_out() {
        let text = "The matrix is Hermitian when A = A* {\\displaystyle A=A^{\\ast }} holds for it.\n\n\
                    {\\displaystyle \\sum _{i}a_{ii}}\n\n\
                    Its eigenvalues are real {\\displaystyle \\lambda \\in \\mathbb {R";
        let units = split_units(text);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The matrix is Hermitian when A = A* holds for it.",
                "Its eigenvalues are real"
            ]
        );
    }

    #[test]
    fn bullets_and_paragraphs() {
        let units = split_units("print PRINT\n\n  • January 5, 2018\n  • English Press\n\nA paragraph.\n");
        assert_eq!(units.len(), 4);
        assert!(units[1].bullet && units[2].bullet && !units[3].bullet);
        assert_eq!(units[1].text, "January 5, 2018");
        // A nested item, indented under its parent, is an item too; the
        // wrapped end of a long item is not.
        let nested = split_units(
            "  • Apps
      For the phone
      For the tablet

Text",
        );
        assert_eq!(nested.iter().filter(|u| u.bullet).count(), 3);
        let long = "word ".repeat(14);
        let wrapped = split_units(&format!(
            "{long}\n{long}\n{long}\n{long}\n\n  • {}\n    ends here\n",
            long.trim_end()
        ));
        assert!(wrapped.last().unwrap().text.ends_with("ends here"), "{wrapped:?}");
        // A wrapped Chinese or Japanese sentence joins without a space; a
        // Korean one keeps the space it was wrapped at.
        let wrapped_cjk = |first: &str, second: &str| {
            let line = format!("{}{first}", "x".repeat(50));
            let text = format!("{line}\n{line}\n{line}\n{line}\n{second}\n");
            split_units(&text).remove(0).text
        };
        assert!(wrapped_cjk("能够回", "答问题。").ends_with("能够回答问题。"));
        assert!(wrapped_cjk("フリーWi-Fi", "プロテクション").ends_with("フリーWi-Fiプロテクション"));
        assert!(wrapped_cjk("기사를", "읽었다.").ends_with("기사를 읽었다."));
        // Long menu lines (a text browser does not wrap them) do not hide
        // the width the text was wrapped at.
        let menu =
            "Home | World | Business | Sport | Culture | Opinion | Science | Weather | Video ".repeat(2);
        let sentence = "word ".repeat(17);
        let page = format!(
            "{menu}\n{menu}\n{menu}\n{menu}\n{menu}\n\n{sentence}\n{sentence}\n{sentence}\n{sentence}\nend.\n"
        );
        assert!(split_units(&page).last().unwrap().text.ends_with("word end."));
        // A headline with a comma in it is no paragraph; a sentence is.
        assert!(!is_prose(
            "トレンドマイクロ、公衆無線LANを安全に使うためのアプリを発売"
        ));
        assert!(is_prose(
            "トレンドマイクロは3月9日、公衆無線LANを安全に使うためのアプリを発売した。"
        ));
        let negative = split_units("-5 degrees overnight");
        assert!(!negative[0].bullet);
    }

    #[test]
    fn rejoins_hard_wrapped_paragraphs() {
        let para = "President Barack Obama has admitted that his failure to pass common sense laws in the\n\
                    US is the greatest frustration of his presidency, in an interview broadcast on Friday\n\
                    evening by the network.\n\nIn an interview with the BBC, Mr Obama said it was distressing not to have made\n\
                    progress on the issue even in the face of repeated mass killings, and said he would\n\
                    keep trying.\n\nHeading\nAnother line";
        let units = split_units(para);
        assert_eq!(units.len(), 4, "{units:#?}");
        assert!(units[0].text.ends_with("by the network."));
        assert_eq!(units[2].text, "Heading");
    }

    #[test]
    fn a_line_whose_first_word_would_have_fit_above_is_not_wrapped_onto_it() {
        let para = "President Barack Obama has admitted that his failure to pass common sense laws in the\n\
                    US is the greatest frustration of his presidency, in an interview broadcast on Friday\n\
                    evening by the network.\n\n";
        // A long headline with its dateline and section right under it.
        let page = format!(
            "{para}{para}Obama admits that the failure to pass gun laws is his biggest frustration\n\
             08:22, 24.11.2020\nRegion: North America\n\n{para}"
        );
        let units = split_units(&page);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts.len(), 6, "{texts:#?}");
        assert_eq!(texts[3], "08:22, 24.11.2020");
        assert!(texts[0].ends_with("by the network."));
    }

    #[test]
    fn counts_cjk_words() {
        assert_eq!(word_count("北朝鮮の提案"), 3);
        assert_eq!(word_count("North Korea’s abrupt proposal"), 4);
    }

    /// A text browser's dump: most lines of 40 characters or more are menu
    /// entries and the last lines of short paragraphs, and only the wrapped
    /// lines of prose reach the width.
    #[test]
    fn rejoins_wrapped_prose_among_many_shorter_lines() {
        let mut page = String::new();
        for i in 0..8 {
            page.push_str(&format!("Section number {i} of the site, with a long name\n\n"));
        }
        for _ in 0..4 {
            page.push_str(
                "The ferry crews walked out on Monday morning after the talks with the operator had\n\
                 failed again.\n\n",
            );
        }
        let units = split_units(&page);
        assert_eq!(units.len(), 12, "{units:#?}");
        assert!(units[8].text.ends_with("had failed again."), "{}", units[8].text);
    }
}
