//! A facet's value in the sidebar: its name on the left, elided in the
//! middle when the sidebar is narrow (so "Latin America & Caribbean" and
//! "Latin America & Pacific" stay told apart), and its count on the right,
//! never cut.

/// `text` shortened in the middle with "…" to fit `width` in `font`.
pub fn elide_middle(ui: &egui::Ui, text: &str, font: &egui::FontId, width: f32) -> String {
    let measure =
        |s: String| ui.fonts_mut(|f| f.layout_no_wrap(s, font.clone(), egui::Color32::WHITE).size().x);
    if measure(text.to_string()) <= width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let kept = |keep: usize| -> String {
        let head = keep.div_ceil(2);
        let tail = keep / 2;
        let mut s: String = chars[..head].iter().collect();
        s.push('…');
        s.extend(&chars[chars.len() - tail..]);
        s
    };
    // The most characters that still fit: widths grow with what is kept.
    let (mut fits, mut too_many) = (0, chars.len());
    while fits + 1 < too_many {
        let middle = (fits + too_many) / 2;
        if measure(kept(middle)) <= width {
            fits = middle;
        } else {
            too_many = middle;
        }
    }
    kept(fits)
}

/// One value: click to choose it. Its accessible name is "name  (count)",
/// as a screen reader (and a test) reads it whole.
pub fn facet_row(ui: &mut egui::Ui, selected: bool, name: &str, count: usize) -> egui::Response {
    let height = ui.spacing().interact_size.y;
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), height), egui::Sense::click());
    let count = super::grouped(count);
    let label = format!("{name}  ({count})");
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, ui.is_enabled(), selected, &label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() || response.has_focus() {
        ui.painter()
            .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    }
    let font = egui::TextStyle::Button.resolve(ui.style());
    let pad = ui.spacing().button_padding.x;
    let count_color = if selected {
        visuals.text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let painter = ui.painter();
    let count_text = painter.layout_no_wrap(count, font.clone(), count_color);
    let room = (rect.width() - 3.0 * pad - count_text.size().x).max(0.0);
    let name_text = painter.layout_no_wrap(elide_middle(ui, name, &font, room), font, visuals.text_color());
    let top = |size: egui::Vec2| rect.center().y - size.y / 2.0;
    painter.galley(
        egui::pos2(rect.left() + pad, top(name_text.size())),
        name_text,
        visuals.text_color(),
    );
    painter.galley(
        egui::pos2(rect.right() - pad - count_text.size().x, top(count_text.size())),
        count_text,
        count_color,
    );
    response
}
