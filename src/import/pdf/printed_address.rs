//! The page's address as the browser printed it in the footer: a page
//! printed to PDF keeps no link to where it came from but this line, and
//! it names the site (for the source, and what corrections taught for it)
//! and often the date (`/2024/03/12/`).

use super::layout::Block;
use super::running_lines::MARGIN_BAND;

/// The first web address standing in a page's bottom margin band, whole:
/// one the browser shortened to fit ("…") is not the page's address.
pub fn printed_address(pages: &[(Vec<Block>, f64)]) -> Option<String> {
    pages.iter().find_map(|(blocks, height)| {
        if !(height.is_finite() && *height > 0.0) {
            return None;
        }
        let band = height - MARGIN_BAND * height;
        blocks
            .iter()
            .flatten()
            .filter(|line| line.y >= band)
            .flat_map(|line| line.text.split_whitespace())
            .find(|word| is_web_address(word))
            .map(str::to_string)
    })
}

fn is_web_address(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or_default();
        host.contains('.') && !word.contains('…') && !word.ends_with("...")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::layout::Line;

    fn line(text: &str, y: f64) -> Line {
        Line {
            text: text.into(),
            y,
            size: 8.0,
            pieces: Vec::new(),
        }
    }

    #[test]
    fn the_footer_s_address_is_read_and_a_shortened_one_is_not() {
        let page = vec![
            vec![line("12/6/26, 11:16 PM Harbour deal signed", 10.0)],
            vec![line("The text of the article.", 400.0)],
            vec![line("https://news.example/2024/03/12/harbour.html 1/3", 785.0)],
        ];
        assert_eq!(
            printed_address(&[(page, 792.0)]).as_deref(),
            Some("https://news.example/2024/03/12/harbour.html")
        );
        let shortened = vec![vec![line(
            "https://news.example/2024/03/12/a-very-long-na… 1/3",
            785.0,
        )]];
        assert_eq!(printed_address(&[(shortened, 792.0)]), None);
        // An address in the text is the article's, not the page's.
        let in_text = vec![vec![line("See https://other.example/report for more.", 400.0)]];
        assert_eq!(printed_address(&[(in_text, 792.0)]), None);
        let local = vec![vec![line("file:///home/me/page.html 1/1", 785.0)]];
        assert_eq!(printed_address(&[(local, 792.0)]), None);
    }
}
