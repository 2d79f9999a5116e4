//! The trends chart: articles per month, stacked in bands (a region, a
//! topic, a source, and "other"), per year once more than four years are
//! in view. Scroll or pinch zooms the time axis, drag pans, a double click
//! shows every month again; hover names a band and its count, a click on a
//! band (or its name in the legend) picks its value.

use crate::library::{TrendBand, Trends};
use crate::model::MONTH_NAMES;
use egui::{Color32, Rect, Sense, Stroke, pos2, vec2};

/// Above this many months in view, the bars are years.
const MONTHS_SHOWN: f32 = 48.0;

/// The months in view, as a stretch of month indices into `Trends::months`.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Span {
    from: f32,
    to: f32,
    /// The data the span was set for (its first month and length): other
    /// data starts from the whole run again.
    of: (u64, usize),
}

/// One bar: the months it covers (`to` excluded), one or a year's.
struct Bucket {
    from: usize,
    to: usize,
    year: bool,
}

impl Bucket {
    /// "March 2024", or "2024" for a year's bar.
    fn name(&self, months: &[String]) -> String {
        let month = &months[self.from];
        if self.year {
            return month.get(..4).unwrap_or(month).to_string();
        }
        let number: usize = month.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
        match MONTH_NAMES.get(number.wrapping_sub(1)) {
            Some(name) => format!("{name} {}", month.get(..4).unwrap_or("")),
            None => month.to_string(),
        }
    }
}

/// The bars for the months in view: one a month, or one a year. Built
/// every frame, so no text is made here.
fn buckets(months: &[String], span: Span) -> Vec<Bucket> {
    let year = span.to - span.from > MONTHS_SHOWN;
    let year_of = |i: usize| months[i].get(..4);
    let mut buckets: Vec<Bucket> = Vec::new();
    for i in 0..months.len() {
        match buckets.last_mut() {
            Some(last) if year && year_of(last.from) == year_of(i) => last.to = i + 1,
            _ => buckets.push(Bucket {
                from: i,
                to: i + 1,
                year,
            }),
        }
    }
    buckets
}

/// The band colours: six distinct hues, then grey for "other".
fn band_color(index: usize, band: &TrendBand, dark: bool) -> Color32 {
    const LIGHT: [(u8, u8, u8); 6] = [
        (0x4c, 0x78, 0xa8),
        (0xf5, 0x85, 0x18),
        (0x54, 0xa2, 0x4b),
        (0xe4, 0x57, 0x56),
        (0x72, 0xb7, 0xb2),
        (0xb2, 0x79, 0xa2),
    ];
    const DARK: [(u8, u8, u8); 6] = [
        (0x6f, 0x9f, 0xd8),
        (0xff, 0xa5, 0x4a),
        (0x7c, 0xc8, 0x70),
        (0xff, 0x80, 0x7e),
        (0x8c, 0xd6, 0xd0),
        (0xd6, 0x9c, 0xc6),
    ];
    if band.value.is_none() {
        return if dark {
            Color32::from_gray(0x80)
        } else {
            Color32::from_gray(0xb0)
        };
    }
    let (r, g, b) = (if dark { DARK } else { LIGHT })[index % 6];
    Color32::from_rgb(r, g, b)
}

fn band_name(band: &TrendBand) -> &str {
    band.value.as_deref().unwrap_or("Other")
}

/// A count rounded up to a tidy top for the scale (1, 2, 5 × 10ⁿ).
fn tidy_top(max: usize) -> usize {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if max <= step * m {
                return step * m;
            }
        }
        step *= 10;
    }
}

/// The bands' names over the chart, each with its swatch and total; a
/// click on a named band picks its value.
fn legend(ui: &mut egui::Ui, trends: &Trends, what: &str, dark: bool) -> Option<String> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        for (i, band) in trends.bands.iter().enumerate() {
            // The swatch and the name in one widget, so they wrap together.
            let mut item = egui::text::LayoutJob::default();
            let color = band_color(i, band, dark);
            item.append("■ ", 0.0, egui::TextFormat::simple(font.clone(), color));
            let text_color = if band.value.is_some() {
                ui.visuals().hyperlink_color
            } else {
                ui.visuals().weak_text_color()
            };
            let name = format!("{} ({})", band_name(band), band.total());
            item.append(&name, 0.0, egui::TextFormat::simple(font.clone(), text_color));
            let response = ui.add(
                egui::Button::new(item)
                    .frame(false)
                    .wrap_mode(egui::TextWrapMode::Extend),
            );
            match &band.value {
                Some(value) => {
                    if response.on_hover_text(format!("Choose this {what}")).clicked() {
                        picked = Some(value.clone());
                    }
                }
                None => {
                    response.on_hover_text(format!("Every other {what}"));
                }
            }
        }
        if trends.left_out > 0 {
            ui.weak(format!(
                "({} without a month or a {what})",
                super::articles(trends.left_out)
            ));
        }
    });
    picked
}

/// Draws the chart in the space left, with its legend over it; returns
/// the value of the band clicked. `what`: the split's name ("region").
pub fn show(ui: &mut egui::Ui, trends: &Trends, what: &str) -> Option<String> {
    if trends.months.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.weak(match trends.left_out {
                0 => "No articles here.".to_string(),
                n => format!(
                    "No article here has both a month and a {what} ({} in all).",
                    super::articles(n)
                ),
            })
        });
        return None;
    }
    let dark = ui.visuals().dark_mode;
    let mut picked = legend(ui, trends, what, dark);
    let size = vec2(ui.available_width(), ui.available_height().max(120.0));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let plot = Rect::from_min_max(rect.min + vec2(44.0, 8.0), rect.max - vec2(8.0, 22.0));
    let response = ui.interact(
        plot,
        ui.make_persistent_id("trends-plot"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Trends chart"));

    let data_key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        trends.months.first().hash(&mut h);
        h.finish()
    };
    let whole = Span {
        from: 0.0,
        to: trends.months.len() as f32,
        of: (data_key, trends.months.len()),
    };
    let mut span: Span = ui
        .data(|d| d.get_temp(response.id))
        .filter(|s: &Span| s.of == whole.of)
        .unwrap_or(whole);
    let per_month = |span: Span| plot.width() / (span.to - span.from);
    if response.dragged() {
        let shift = -response.drag_delta().x / per_month(span);
        let shift = shift.clamp(-span.from, whole.to - span.to);
        span.from += shift;
        span.to += shift;
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 300.0).exp();
        if factor != 1.0 {
            let at = span.from + (pointer.x - plot.left()) / per_month(span);
            let length = ((span.to - span.from) / factor).clamp(3.0_f32.min(whole.to), whole.to);
            span.from =
                (at - (at - span.from) * length / (span.to - span.from)).clamp(0.0, whole.to - length);
            span.to = span.from + length;
        }
    }
    if response.double_clicked() {
        span = whole;
    }
    ui.data_mut(|d| d.insert_temp(response.id, span));

    let bars = buckets(&trends.months, span);
    let total = |b: &Bucket, band: &TrendBand| band.counts[b.from..b.to].iter().sum::<usize>();
    let visible = |b: &Bucket| (b.to as f32) > span.from && (b.from as f32) < span.to;
    let top = tidy_top(
        bars.iter()
            .filter(|b| visible(b))
            .map(|b| trends.bands.iter().map(|band| total(b, band)).sum::<usize>())
            .max()
            .unwrap_or(0)
            .max(1),
    );
    let x_of = |month: f32| plot.left() + (month - span.from) * per_month(span);
    let y_of = |count: f32| plot.bottom() - count / top as f32 * plot.height();
    let painter = ui.painter().with_clip_rect(rect);
    let axis = ui.visuals().weak_text_color();
    let font = egui::TextStyle::Small.resolve(ui.style());
    painter.line_segment([plot.left_bottom(), plot.right_bottom()], Stroke::new(1.0, axis));
    for count in [0, top / 2, top] {
        let y = y_of(count as f32);
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(0.5, axis.gamma_multiply(0.4)),
        );
        painter.text(
            pos2(plot.left() - 6.0, y),
            egui::Align2::RIGHT_CENTER,
            count.to_string(),
            font.clone(),
            axis,
        );
    }

    let pointer = response.hover_pos();
    let mut hovered: Option<(usize, &Bucket, usize)> = None;
    let mut last_label_x = f32::NEG_INFINITY;
    for bar in bars.iter().filter(|b| visible(b)) {
        let (left, right) = (x_of(bar.from as f32), x_of(bar.to as f32));
        let gap = ((right - left) * 0.15).min(3.0);
        let mut base = 0usize;
        for (i, band) in trends.bands.iter().enumerate() {
            let count = total(bar, band);
            if count == 0 {
                continue;
            }
            let cell = Rect::from_x_y_ranges(
                left + gap / 2.0..=right - gap / 2.0,
                y_of((base + count) as f32)..=y_of(base as f32),
            );
            painter.rect_filled(cell, 0.0, band_color(i, band, dark));
            if pointer
                .is_some_and(|p| (left..right).contains(&p.x) && (cell.top()..=cell.bottom()).contains(&p.y))
            {
                hovered = Some((i, bar, count));
            }
            base += count;
        }
        // Year labels where a year begins, as far apart as they fit.
        let month = &trends.months[bar.from];
        if (month.ends_with("-01") || bar.from == 0 || bar.year)
            && left - last_label_x > 40.0
            && left >= plot.left() - 1.0
        {
            painter.text(
                pos2(left, plot.bottom() + 3.0),
                egui::Align2::LEFT_TOP,
                &month[..4.min(month.len())],
                font.clone(),
                axis,
            );
            last_label_x = left;
        }
    }
    if let Some((i, bar, count)) = hovered {
        let band = &trends.bands[i];
        let label = format!(
            "{} — {}: {}",
            band_name(band),
            bar.name(&trends.months),
            super::articles(count)
        );
        let response = response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(&label);
            if band.value.is_some() {
                ui.weak(format!("Click to choose this {what}"));
            }
        });
        if response.clicked() {
            picked = band.value.clone();
        }
    }

    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(from: f32, to: f32) -> Span {
        Span { from, to, of: (0, 0) }
    }

    #[test]
    fn months_become_years_when_many_are_in_view() {
        let months: Vec<String> = (0..60)
            .map(|i| format!("{}-{:02}", 2018 + i / 12, i % 12 + 1))
            .collect();
        let monthly = buckets(&months, span(0.0, 24.0));
        assert_eq!(monthly.len(), 60);
        assert_eq!(monthly[0].name(&months), "January 2018");
        let yearly = buckets(&months, span(0.0, 60.0));
        assert_eq!(
            yearly.iter().map(|b| b.name(&months)).collect::<Vec<_>>(),
            ["2018", "2019", "2020", "2021", "2022"]
        );
        assert_eq!((yearly[1].from, yearly[1].to), (12, 24));
    }

    #[test]
    fn the_scale_tops_at_a_tidy_number() {
        assert_eq!(tidy_top(1), 1);
        assert_eq!(tidy_top(3), 5);
        assert_eq!(tidy_top(17), 20);
        assert_eq!(tidy_top(120), 200);
    }
}
