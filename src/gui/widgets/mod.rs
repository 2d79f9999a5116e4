//! Small drawing helpers that more than one view uses: tag colour dots,
//! highlight fills, language and kind names, tag suggestions, the
//! annotation export menu and the timeline strip. They know nothing of the
//! app: they take plain values and return what was clicked.

use crate::export::AnnotationFormat;
use crate::model::HighlightColor;
pub mod atlas;
mod atlas_shapes;
mod details_fields;
mod facet_row;
pub mod timeline;
pub mod trends;
pub use details_fields::details_grid;
pub use facet_row::facet_row;

/// A highlight colour's background, readable under the theme's text.
pub fn highlight_fill(color: HighlightColor, dark: bool) -> egui::Color32 {
    let (light, deep) = match color {
        HighlightColor::Yellow => ((255, 240, 150), (100, 85, 20)),
        HighlightColor::Green => ((200, 235, 170), (40, 90, 40)),
        HighlightColor::Blue => ((185, 225, 250), (30, 70, 110)),
        HighlightColor::Pink => ((250, 195, 215), (110, 40, 70)),
        HighlightColor::Purple => ((215, 200, 240), (75, 55, 110)),
    };
    let (r, g, b) = if dark { deep } else { light };
    egui::Color32::from_rgb(r, g, b)
}

/// A tag's colour, as a dot before its name (a colour another tool gave
/// the tag, which Folio does not offer, shows as yellow).
/// The mark of a starred article, and of the star button when it is on.
pub const STAR: &str = "★";
/// The star button when it is off.
pub const NO_STAR: &str = "☆";

/// The star's gold, darker on a light background so it reads there too.
pub fn star_color(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0xF2, 0xC1, 0x2E)
    } else {
        egui::Color32::from_rgb(0xC7, 0x8A, 0x00)
    }
}

pub fn color_dot(ui: &mut egui::Ui, color: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    let color = HighlightColor::parse(color).unwrap_or_default();
    let fill = highlight_fill(color, !ui.visuals().dark_mode);
    ui.painter().circle_filled(rect.center(), 4.5, fill);
}

/// Text in quotation marks, unless it already is in them (a phrase
/// search typed as `"fresh dialogue"` is not shown as “"fresh dialogue"”).
pub fn quoted(text: &str) -> String {
    const MARKS: &[char] = &['"', '“', '”', '«', '»', '\'', '‘', '’', '「', '」'];
    let text = text.trim();
    let already = text.chars().count() >= 2 && text.starts_with(MARKS) && text.ends_with(MARKS);
    if already {
        text.to_string()
    } else {
        format!("“{text}”")
    }
}

/// A title in a heavier weight than the built-in face has: the light face
/// drawn twice, a fraction of a pixel apart (as font renderers embolden a
/// face that has no bold), in the strong text colour. Wraps like a label;
/// read by screen readers as its text.
pub fn heavy_heading(ui: &mut egui::Ui, text: &str, size: f32) -> egui::Response {
    let color = ui.visuals().strong_text_color();
    let galley = ui.painter().layout(
        text.to_string(),
        egui::FontId::proportional(size),
        color,
        ui.available_width(),
    );
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    if ui.is_rect_visible(rect) {
        let stroke = (size / 36.0).clamp(0.4, 0.9);
        ui.painter().galley(rect.min, galley.clone(), color);
        ui.painter()
            .galley(rect.min + egui::vec2(stroke, 0.0), galley, color);
    }
    response
}

/// "1 article", "2 articles": a count with its noun.
pub fn articles(n: usize) -> String {
    if n == 1 {
        "1 article".into()
    } else {
        format!("{} articles", grouped(n))
    }
}

/// A count with its thousands grouped ("1,000,000"), as the window shows
/// every count: a million articles read at a glance.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A language's name for the code stored with an article.
pub use crate::model::languages::language_name;

pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Existing tags that start with (or contain) what is typed, best first.
pub fn tag_suggestions<'a>(
    typed: &str,
    known: impl Iterator<Item = &'a str>,
    taken: &[String],
) -> Vec<&'a str> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, &str)> = known
        .filter(|name| !taken.iter().any(|t| t.eq_ignore_ascii_case(name)))
        .filter_map(|name| {
            let lower = name.to_lowercase();
            if lower.starts_with(&typed) {
                Some((false, name))
            } else if lower.contains(&typed) {
                Some((true, name))
            } else {
                None
            }
        })
        .collect();
    found.sort();
    found.into_iter().take(6).map(|(_, n)| n).collect()
}

/// The entries of an "Export annotations" menu: Markdown or Web Annotation
/// JSON. Returns the format clicked.
pub fn annotation_export_menu(ui: &mut egui::Ui) -> Option<AnnotationFormat> {
    let mut chosen = None;
    for format in AnnotationFormat::ALL {
        let mut button = ui.button(format.label());
        if format == AnnotationFormat::WebAnnotation {
            button = button.on_hover_text("The W3C format other annotation tools read");
        }
        if button.clicked() {
            chosen = Some(format);
            ui.close();
        }
    }
    chosen
}

/// A single-line text field drawn from a copy of `text`: the new text when
/// it was typed in, with the field's response.
pub fn typed_line(
    ui: &mut egui::Ui,
    text: &str,
    edit: impl FnOnce(egui::TextEdit<'_>) -> egui::TextEdit<'_>,
) -> (Option<String>, egui::Response) {
    let mut copy = text.to_string();
    let response = ui.add(edit(egui::TextEdit::singleline(&mut copy)));
    let changed = response.changed().then_some(copy);
    (changed, response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_their_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(189_190), "189,190");
        assert_eq!(grouped(1_000_000), "1,000,000");
        assert_eq!(articles(12_345), "12,345 articles");
    }

    #[test]
    fn suggests_prefix_matches_first_and_skips_tags_already_on() {
        let known = ["Korea", "North Korea policy", "diplomacy", "kosovo"];
        let got = tag_suggestions("ko", known.iter().copied(), &["kosovo".to_string()]);
        assert_eq!(got, vec!["Korea", "North Korea policy"]);
        assert!(tag_suggestions("  ", known.iter().copied(), &[]).is_empty());
    }
}
