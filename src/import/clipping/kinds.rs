//! The kind of piece (editorial, opinion, analysis, …) that a label on a
//! line of its own or a headline's prefix names. Pages print it in the
//! header, over or in the headline, and in their menus, so a label is read
//! only where it stands by the headline.

use super::vocabulary::KIND_LABELS;
use crate::import::lines::word_count;

pub(super) fn kind_of_label(label: &str) -> Option<&'static str> {
    let lower = label
        .trim()
        .trim_end_matches([':', '：', '|'])
        .trim()
        .to_lowercase();
    KIND_LABELS.iter().find(|(l, _)| *l == lower).map(|(_, k)| *k)
}

/// Splits "Editorial: Headline", "[Editorial] Headline", "Opinion | Headline"
/// or "社説：見出し" into the kind and the headline.
pub(super) fn split_kind_prefix(line: &str) -> Option<(&'static str, String)> {
    let trimmed = line.trim();
    let brackets = [
        ('[', ']'),
        ('【', '】'),
        ('（', '）'),
        ('(', ')'),
        ('「', '」'),
        ('<', '>'),
        ('〈', '〉'),
    ];
    for (open, close) in brackets {
        if let Some(rest) = trimmed.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && let Some(kind) = kind_of_label(&rest[..end])
        {
            let headline = rest[end + close.len_utf8()..].trim();
            if !headline.is_empty() {
                return Some((kind, headline.to_string()));
            }
        }
    }
    for sep in [":", "：", "|", "｜", " - ", " – ", " — "] {
        if let Some(i) = trimmed.find(sep) {
            let (label, rest) = (&trimmed[..i], &trimmed[i + sep.len()..]);
            if let Some(kind) = kind_of_label(label).or_else(|| kind_after_paper_name(label)) {
                let headline = rest.trim();
                if word_count(headline) >= 2 {
                    return Some((kind, headline.to_string()));
                }
            }
        }
    }
    None
}

/// The kind a label names after the paper's name or initials ("HT
/// Editorial", "Globe Editorial", "FT View"): one or two words, each opening
/// with a capital, before the kind's own label.
fn kind_after_paper_name(label: &str) -> Option<&'static str> {
    let label = label.trim();
    let (paper, kind_word) = label.rsplit_once(' ')?;
    let paper_words: Vec<&str> = paper.split_whitespace().collect();
    let names_a_paper = (1..=2).contains(&paper_words.len())
        && paper_words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    if !names_a_paper {
        return None;
    }
    kind_of_label(kind_word).or_else(|| (kind_word.eq_ignore_ascii_case("view")).then_some("editorial"))
}

/// The kind of piece a headline's prefix names, and the headline without it:
/// "Opinion: …", "[Editorial] …", "Meinung | …".
pub fn headline_and_kind(title: &str) -> (String, Option<&'static str>) {
    match split_kind_prefix(title) {
        Some((kind, headline)) => (headline, Some(kind)),
        None => (title.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_prefixes() {
        assert_eq!(
            split_kind_prefix("Editorial: Japan, U.S. must seize chance"),
            Some(("editorial", "Japan, U.S. must seize chance".to_string()))
        );
        assert_eq!(
            split_kind_prefix("[Editorial] Moon must keep talking"),
            Some(("editorial", "Moon must keep talking".to_string()))
        );
        assert_eq!(
            split_kind_prefix("Opinion | Why the deal matters"),
            Some(("opinion", "Why the deal matters".to_string()))
        );
        assert_eq!(
            split_kind_prefix("（社説）対話の機会を生かせ"),
            Some(("editorial", "対話の機会を生かせ".to_string()))
        );
        assert_eq!(split_kind_prefix("Japan: a new start"), None);
        // After the paper's name or initials.
        assert_eq!(
            split_kind_prefix("HT Editorial: The port must stay open"),
            Some(("editorial", "The port must stay open".to_string()))
        );
        assert_eq!(
            split_kind_prefix("Leader: The port must stay open"),
            Some(("editorial", "The port must stay open".to_string()))
        );
        assert_eq!(
            split_kind_prefix("社説：港の開放を守れ"),
            Some(("editorial", "港の開放を守れ".to_string()))
        );
        assert_eq!(split_kind_prefix("Why the harbour editorial: a reply"), None);
        assert_eq!(split_kind_prefix("Port Strike: Day three"), None);
    }
}
