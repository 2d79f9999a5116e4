//! Arabic, Persian and Hebrew lines back in the order they are read.
//!
//! A PDF draws a line's glyphs from left to right, as they stand on the
//! page; for a right-to-left script that is the reverse of the order the
//! words are written in, and the glyphs are often the positional
//! "presentation forms" a font shaped (ﻞﻳﺮﺑأ), not the letters (أبريل).
//! Read as it comes, such a line is neither searchable nor datable. This
//! puts a line written mostly in a right-to-left script back into logical
//! order and letters, the way the Unicode bidirectional algorithm lays a
//! right-to-left paragraph out, simplified to what a printed line holds:
//! runs of Latin words and of numbers keep their own left-to-right order
//! and are placed in reverse, everything else is read from the right.

/// Whether the page's right-to-left words were drawn from the left, as
/// they stand (most PDF makers do), rather than in the order they are
/// written (some do). The words tell: Arabic's article "ال" opens words
/// and Hebrew's final letters (ך ם ן ף ץ) close them, so seen the other
/// way round they give the order away.
pub fn drawn_from_the_left<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut logical, mut visual) = (0usize, 0usize);
    for line in lines {
        for word in line.split_whitespace() {
            let letters: Vec<char> = word
                .chars()
                .flat_map(letter_of_form)
                .filter(|c| c.is_alphabetic())
                .collect();
            if letters.len() < 3 {
                continue;
            }
            let (first, last) = (letters[0], letters[letters.len() - 1]);
            if letters.starts_with(&['ا', 'ل']) || HEBREW_FINALS.contains(&last) {
                logical += 1;
            }
            if letters.ends_with(&['ل', 'ا']) || HEBREW_FINALS.contains(&first) {
                visual += 1;
            }
        }
    }
    visual > logical
}

const HEBREW_FINALS: [char; 5] = ['ך', 'ם', 'ן', 'ף', 'ץ'];

/// The line in logical order, or as it is when it is not mostly written
/// in a right-to-left script.
pub fn logical_order(visual: &str) -> Option<String> {
    let (rtl, ltr) = visual.chars().fold((0usize, 0usize), |(r, l), c| {
        if is_right_to_left(c) {
            (r + 1, l)
        } else if c.is_alphabetic() {
            (r, l + 1)
        } else {
            (r, l)
        }
    });
    if rtl == 0 || rtl < ltr {
        return None;
    }
    let chars: Vec<char> = visual.chars().collect();
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let end = left_to_right_run_end(&chars, i);
        if end > i {
            runs.push(chars[i..end].iter().collect());
            i = end;
        } else {
            // Right-to-left (and neutral) characters up to the next run
            // that keeps its own order, read from the right.
            let mut j = i + 1;
            while j < chars.len() && left_to_right_run_end(&chars, j) == j {
                j += 1;
            }
            runs.push(chars[i..j].iter().rev().map(|&c| mirrored(c)).collect());
            i = j;
        }
    }
    runs.reverse();
    Some(runs.concat().chars().flat_map(letter_of_form).collect())
}

/// Where a run that keeps its left-to-right order ends, if one starts at
/// `start`: Latin words with the spaces and numbers between them
/// ("New York Times", "iPhone 12"), or a number with its separators
/// ("09:22", "24.04.2020").
fn left_to_right_run_end(chars: &[char], start: usize) -> usize {
    let keeps_order = |c: char| c.is_ascii_digit() || (c.is_alphabetic() && !is_right_to_left(c));
    if !keeps_order(chars[start]) {
        return start;
    }
    let latin = |c: char| c.is_alphabetic() && !is_right_to_left(c);
    let mut end = start + 1;
    let mut last_strong = end;
    while end < chars.len() {
        let c = chars[end];
        let joins = keeps_order(c)
            // A separator inside a number: "09:22", "1.5".
            || (matches!(c, ':' | '.' | ',' | '/' | '-')
                && chars[end - 1].is_ascii_digit()
                && chars.get(end + 1).is_some_and(char::is_ascii_digit))
            // Spaces and punctuation between two Latin words.
            || (!c.is_alphanumeric()
                && chars[start..end].iter().any(|&p| latin(p))
                && chars[end..]
                    .iter()
                    .find(|p| p.is_alphanumeric())
                    .is_some_and(|&p| latin(p)));
        if !joins {
            break;
        }
        end += 1;
        if keeps_order(c) {
            last_strong = end;
        }
    }
    last_strong
}

fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A bracket read from the other side faces the other way.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '«' => '»',
        '»' => '«',
        '<' => '>',
        '>' => '<',
        other => other,
    }
}

/// The letters a presentation form stands for (ﻻ is ل then ا).
fn letter_of_form(c: char) -> Vec<char> {
    if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') {
        icu_normalizer::ComposingNormalizerBorrowed::new_nfkc()
            .normalize(c.encode_utf8(&mut [0; 4]))
            .chars()
            .collect()
    } else {
        vec![c]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arabic_dateline_drawn_from_the_left_reads_from_the_right_with_its_numbers_whole() {
        // "تم نشره الجمعة 24 أبريل 2020 09:22" as a PDF draws it: words
        // and letters from the left, in shaped forms.
        let visual = "09:22 2020 ﻞﻳﺮﺑأ 24 ﺔﻌﻤﺠﻟا هﺮﺸﻧ ﻢﺗ";
        assert_eq!(
            logical_order(visual).as_deref(),
            Some("تم نشره الجمعة 24 أبريل 2020 09:22")
        );
    }

    #[test]
    fn the_words_tell_whether_a_page_was_drawn_from_the_left() {
        assert!(drawn_from_the_left(["ﺔﻌﻤﺠﻟا هﺮﺸﻧ ﻢﺗ", "ﺔﻨﻳﺪﻤﻟا ﻲﻓ"].into_iter()));
        assert!(!drawn_from_the_left(["تم نشره الجمعة في المدينة"].into_iter()));
    }

    #[test]
    fn latin_words_inside_keep_their_order_and_a_latin_line_is_left_alone() {
        assert_eq!(
            logical_order("ﺮﻴﺒﻛ ﻖﻴﻘﺤﺗ New York Times ﻲﻓ ﺮﺸﻧ").as_deref(),
            Some("نشر في New York Times تحقيق كبير")
        );
        assert_eq!(logical_order("The harbour wall, 2020"), None);
    }
}
