//! Pictures between an article's paragraphs. A text browser prints a
//! picture as its name in brackets ("[ap7611210142a]"), and the credit
//! under it in parentheses ("(Associated Press)") or a caption. A picture
//! in an article does not end it, so its lines weigh little against the
//! body, and the paragraphs on either side of it stay one article; its
//! lines are no part of the article's text.

use crate::import::lines::{Unit, word_count};

/// The weight of a picture's name, its credit or its caption: a small
/// push, so that a gallery of pictures alone is still no body.
const PICTURE_WEIGHT: i64 = -5;

/// Which units are a picture's: its name on a line of its own, the credit
/// right under it, or its caption (a line under it that ends on a credit;
/// a paragraph between two pictures of a gallery is the article's). They
/// are left out of the body's text.
pub(super) fn picture_lines(units: &[Unit]) -> Vec<bool> {
    let is_name = |i: usize| {
        units
            .get(i)
            .is_some_and(|u| !u.bullet && is_picture_name(&u.text))
    };
    let mut marked = vec![false; units.len()];
    for i in (0..units.len()).filter(|&i| is_name(i)) {
        marked[i] = true;
        let Some(next) = units.get(i + 1).filter(|u| !u.bullet) else {
            continue;
        };
        let caption = word_count(&next.text) <= 60 && ends_on_credit(&next.text);
        if is_credit(&next.text) || caption {
            marked[i + 1] = true;
        }
    }
    for i in 1..units.len() {
        if is_caption_with_its_credit(&units[i].text, &units[i - 1].text) {
            marked[i - 1] = true;
            marked[i] = true;
        }
    }
    marked
}

/// A caption printed twice, as a page copied as text does (the picture's
/// own text, then the caption under it): the same words, the second time
/// with the picture's credit after them ("Rearrange the moss. (Ann Lee)",
/// "The mayor at the pier | Photo: Reuters").
fn is_caption_with_its_credit(text: &str, above: &str) -> bool {
    let (text, above) = (text.trim(), above.trim());
    let Some(credit) = text.strip_prefix(above).map(str::trim_start) else {
        return false;
    };
    !above.is_empty()
        && word_count(above) <= 40
        && (is_credit(credit) && word_count(credit) <= 5
            || credit.starts_with('|') && (2..=6).contains(&word_count(credit)))
}

/// Lightens the weight of a picture's lines: the paragraphs on either side
/// of a picture stay one article.
pub(super) fn soften_pictures(pictures: &[bool], weights: &mut [i64]) {
    for (weight, _) in weights.iter_mut().zip(pictures).filter(|(_, p)| **p) {
        *weight = PICTURE_WEIGHT;
    }
}

/// A picture's name alone on its line: one bracketed word with no space in
/// it ("[IMG_1458]", "[uspw_6719088]"). A link's text ("[Search]") reads
/// as a word, a file's name has digits, a dash or an underscore in it.
fn is_picture_name(text: &str) -> bool {
    let text = text.trim();
    let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    (3..=80).contains(&name.chars().count())
        && !name.contains(char::is_whitespace)
        && !name.contains(['[', ']'])
        && name.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '-')
}

/// A credit under a picture: a few words in parentheses ("(Phelan M.
/// Ebenhack/Associated Press)").
fn is_credit(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('(') && text.ends_with(')') && word_count(text) <= 10
}

/// A caption that ends with its picture's credit: "… pose with their son.
/// (@drewbrees/Twitter)".
fn ends_on_credit(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with(')')
        && text.rfind('(').is_some_and(|open| {
            word_count(&text[open..]) <= 5 && text[..open].trim_end().ends_with(['.', '!', '?'])
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clipping::extract_clipping;

    #[test]
    fn pictures_and_credits_are_told_from_links() {
        assert!(is_picture_name("[uspw_6719088]"));
        assert!(is_picture_name("[IMG_1458]"));
        assert!(!is_picture_name("[Search]"));
        assert!(!is_picture_name("[apply tags]"));
        assert!(!is_picture_name("[1]"));
        assert!(is_credit("(Phelan M. Ebenhack/Associated Press)"));
        assert!(ends_on_credit(
            "The captain and his son, dressed for the parade. (@harbourfc/Twitter)"
        ));
        assert!(!ends_on_credit(
            "The council agreed to pay for the wall (in part)"
        ));
        assert!(is_caption_with_its_credit(
            "Rearrange the moss. (Ann Lee)",
            "Rearrange the moss."
        ));
        assert!(is_caption_with_its_credit(
            "The mayor at the pier | Photo: Harbour Gazette",
            "The mayor at the pier"
        ));
        assert!(!is_caption_with_its_credit(
            "Rearrange the moss.",
            "Rearrange the moss."
        ));
        assert!(!is_caption_with_its_credit(
            "The council met (in part) on Tuesday",
            "The council met"
        ));
        assert!(!is_credit(
            "(The council met on Tuesday, after the storm had passed and the roads to the harbour were open again.)"
        ));
    }

    /// A match report: short paragraphs, each under a picture and its
    /// credit, and a quarter's heading between rules.
    #[test]
    fn an_article_goes_on_past_its_pictures() {
        let page = "Harbour Sport\n\n  • Home\n  • Results\n\n\
            Harbour Rovers beat the Islanders at home\n\nBy Ann Lee\n\nPublished: November 4th, 2012\n\n\
            The Rovers had not beaten the Islanders at home for six seasons, and the crowd of four thousand \
            came expecting another narrow defeat.\n\n\
            [rovers_6719088]\n\n(Tom Roe/Harbour Gazette)\n\n\
            Our captain did not train all week because of a sore knee, but he started the match.\n\n\
            [ap7611210142a]\n\n(Associated Press)\n\n\
            It was a cold night at the ground!\n\n\
            ————————————————————————————————————————\n\nFIRST HALF\n\n\
            ————————————————————————————————————————\n\n\
            The Islanders pressed from the start, but the Rovers' keeper saved twice in the first ten minutes.\n\n\
            [ap955310542097a]\n\n(Associated Press)\n\n\
            The Rovers scored with their first shot, a header from a corner after twenty minutes of play.\n\n\
            Second half goals from the captain and a substitute settled it, and the Rovers won three to nil.\n";
        let article = extract_clipping(page);
        assert!(
            article.body.starts_with("The Rovers had not beaten"),
            "{}",
            article.body
        );
        assert!(article.body.ends_with("won three to nil."), "{}", article.body);
        for picture in ["rovers_6719088", "Associated Press", "Tom Roe"] {
            assert!(!article.body.contains(picture), "{}", article.body);
        }
    }

    /// A post of pictures, each with its caption under it: the captions
    /// are the pictures', not the post's.
    #[test]
    fn captions_under_pictures_are_not_the_text() {
        let mut page = String::from(
            "Harbour players dress up for the carnival\n\nBy Ann Lee\n\nNovember 1, 2012\n\n\
             The players of both harbour clubs went to the carnival last night in costume, and the crowd \
             loved it. Here are a few of the best ones we saw on the quay:\n\n",
        );
        for (n, name) in ["Tom", "Joe", "Max", "Ned"].iter().enumerate() {
            page.push_str(&format!(
                "[carnival-{n}-121101-blog]\n\n{name}, the club's goalkeeper, poses as a lighthouse keeper with \
                 his two daughters on the quay. (@harbour{name}/Twitter)\n\n"
            ));
        }
        page.push_str("The carnival goes on all week, and the clubs will be back on the quay on Saturday night for the fireworks.\n");
        let article = extract_clipping(&page);
        assert!(
            article.body.starts_with("The players of both"),
            "{}",
            article.body
        );
        assert!(!article.body.contains("lighthouse keeper"), "{}", article.body);
    }
}
