//! Header fields: what the lines outside the body state besides the
//! headline and the date: the kind of piece, the authors, the section and
//! region (on a line of their own or in a breadcrumb), a URL, and the
//! names offered as the source (source and copyright lines, a site's name
//! on the first line). The first line that states a field gives it.

use super::Layout;
use super::features::LineFeatures;
use super::kinds::kind_of_label;
use super::source::SourceCandidates;
use super::vocabulary::{COPYRIGHT, FROM_LINE, SECTION_LINE, SOURCE_LINE, URL};
use crate::import::dates;
use crate::import::lines::{ends_sentence, word_count};
use crate::import::regions;
use crate::model::ExtractedArticle;
use crate::model::region_basis::RegionBasis;

/// Reads the fields of the lines outside the body into `article`; returns
/// the header's breadcrumb, which [`read_section_and_region`] reads once
/// every line has had its say.
pub(super) fn read_header_fields(
    lines: &LineFeatures,
    layout: Layout,
    article: &mut ExtractedArticle,
    sources: &mut SourceCandidates,
) -> Option<Vec<String>> {
    let units = &lines.units;
    let Layout {
        body_start,
        body_end,
        title_index,
    } = layout;
    let outside_body = (0..units.len()).filter(|&i| i < body_start || i > body_end);
    let mut breadcrumb: Option<Vec<String>> = None;
    for i in outside_body {
        let unit = &units[i];
        let text = unit.text.as_str();
        let in_header = i < body_start;
        // A label of the kind of piece sits over its headline; the same word
        // in a menu ("Opinion" among the sections) says nothing of this piece.
        let near_headline = match title_index {
            Some(t) => i + 2 >= t && i <= body_start,
            None => i + 3 >= body_start && in_header,
        };
        let in_menu = i > 0
            && i + 1 < units.len()
            && word_count(&units[i - 1].text) <= 2
            && word_count(&units[i + 1].text) <= 2;
        if let Some(kind) = lines.kind_labels[i]
            && near_headline
            && !in_menu
            && article.kind.is_none()
        {
            article.kind = Some(kind.to_string());
        }
        if let Some(names) = &lines.bylines[i]
            && article.authors.is_empty()
        {
            article.authors = names.clone();
        }
        if in_header
            && breadcrumb.is_none()
            && Some(i) != title_index
            && let Some(segments) = breadcrumb_segments(text)
        {
            breadcrumb = Some(segments);
        }
        if let Some(caps) = SECTION_LINE.captures(text)
            && article.section.is_none()
        {
            article.section = Some(caps[1].trim().to_string());
        }
        if let Some(caps) = SOURCE_LINE.captures(text).or_else(|| FROM_LINE.captures(text)) {
            sources.offer(&caps[1], 6);
        }
        if let Some(caps) = COPYRIGHT.captures(text) {
            sources.offer(&caps[1], 5);
        }
        if article.url.is_none()
            && let Some(m) = URL.find(text)
        {
            article.url = Some(m.as_str().trim_end_matches(['.', ',']).to_string());
        }
        if in_header && i == 0 && !lines.furniture[i] && Some(i) != title_index {
            sources.offer(text, 1);
        }
    }
    breadcrumb
}

/// The section and region a breadcrumb names ("Home > World > Asia"): a
/// section line says more than a breadcrumb, so the breadcrumb's section
/// counts only where no line named one; a section can name a region too.
pub(super) fn read_section_and_region(breadcrumb: Option<Vec<String>>, article: &mut ExtractedArticle) {
    if let Some(segments) = breadcrumb {
        let mut section = None;
        for segment in &segments {
            let lower = segment.to_lowercase();
            if matches!(
                lower.as_str(),
                "home" | "top" | "accueil" | "inicio" | "startseite" | "トップ" | "ホーム"
            ) {
                continue;
            }
            if let Some(region) = regions::region_for_label(segment) {
                if article.region.is_none() {
                    article.region = Some(region.to_string());
                    article.region_basis = Some(RegionBasis::Section(segment.clone()));
                }
                continue;
            }
            if kind_of_label(segment).is_some() {
                article
                    .kind
                    .get_or_insert_with(|| kind_of_label(segment).unwrap_or("").to_string());
            }
            section.get_or_insert_with(|| tidy_case(segment));
        }
        if article.section.is_none() {
            article.section = section;
        }
    }
    if let Some(section) = article.section.as_deref()
        && article.region.is_none()
        && let Some(region) = regions::region_for_label(section)
    {
        article.region = Some(region.to_string());
        article.region_basis = Some(RegionBasis::Section(section.to_string()));
    }
}

/// "Home > World > Asia", "INTERNATIONAL > East Asia & Pacific", "News | Politics".
pub(super) fn breadcrumb_segments(text: &str) -> Option<Vec<String>> {
    for sep in [" > ", " › ", " » ", " | ", " / ", " → ", " ＞ ", "＞", " >> "] {
        if !text.contains(sep) {
            continue;
        }
        let segments: Vec<String> = text
            .split(sep)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let short = segments
            .iter()
            .all(|s| word_count(s) <= 5 && !ends_sentence(s) && dates::find_date(s).is_none());
        // Bars and slashes also divide menus; a trail of them is short.
        let menu_like = matches!(sep, " | " | " / ") && segments.len() > 3;
        if segments.len() >= 2 && short && !menu_like {
            return Some(segments);
        }
    }
    None
}

/// "INTERNATIONAL" reads as "International"; mixed case is left alone.
fn tidy_case(text: &str) -> String {
    let has_lower = text.chars().any(char::is_lowercase);
    if has_lower || !text.chars().any(char::is_uppercase) {
        return text.to_string();
    }
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs() {
        assert_eq!(
            breadcrumb_segments("INTERNATIONAL > East Asia & Pacific"),
            Some(vec![
                "INTERNATIONAL".to_string(),
                "East Asia & Pacific".to_string()
            ])
        );
        assert_eq!(
            breadcrumb_segments("Opinion | The long headline of a piece about many things"),
            None
        );
    }
}
