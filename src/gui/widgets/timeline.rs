//! The timeline strip drawn over the list: articles per month (the list
//! shows it for the current choice, the dates themselves aside, so the
//! whole span stays in view).
//! Dragging across it narrows the dates to the months dragged over;
//! clicking a bar chooses that month.

use crate::library::FacetCount;
use crate::model::DateChoice;
use egui_plot::{Bar, BarChart, Plot};

/// A month as one number, for the strip's x axis: year × 12 + month − 1.
fn month_index(month: &str) -> Option<f64> {
    let year: i32 = month.get(..4)?.parse().ok()?;
    let number: i32 = month.get(5..7)?.parse().ok()?;
    Some(f64::from(year * 12 + number - 1))
}

/// The month a position on the x axis falls in, as `YYYY-MM`.
fn month_at(x: f64) -> String {
    let index = x.round() as i64;
    format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
}

/// What was picked on the strip.
#[derive(Debug, Clone, PartialEq)]
pub enum DatePick {
    /// One month (`YYYY-MM`), clicked or dragged within.
    Month(String),
    /// The months dragged over, first and last.
    Range(String, String),
}

/// Draws the strip for articles per month (`YYYY-MM` values); returns
/// what was clicked or dragged over. The months the chosen dates cover
/// (`chosen`: the date facet's values) stand out; with none chosen, all do.
pub fn show(ui: &mut egui::Ui, months: &[FacetCount], chosen: &[String]) -> Option<DatePick> {
    let colour = ui.visuals().selection.bg_fill;
    let outside = ui.visuals().weak_text_color().gamma_multiply(0.5);
    let dates: Vec<DateChoice> = chosen.iter().filter_map(|v| DateChoice::read(v)).collect();
    let bars: Vec<Bar> = months
        .iter()
        .filter_map(|m| {
            let inside = dates.is_empty() || dates.iter().any(|d| d.covers_month(&m.value));
            Some(
                Bar::new(month_index(&m.value)?, m.count as f64)
                    .width(0.9)
                    .fill(if inside { colour } else { outside })
                    .name(format!("{}: {}", m.value, super::articles(m.count))),
            )
        })
        .collect();
    let chart = BarChart::new("Articles per month", bars).color(colour);
    let drag_id = ui.scope_id().with("timeline-drag-start");
    let width = ui.available_width();
    let plot = Plot::new("timeline")
        .height(56.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_axes([true, false])
        .show_grid([false, false])
        .show_y(false)
        .include_y(0.0)
        // A mark at each January, every year or every few when many.
        .x_grid_spacer(move |input| {
            let (low, high) = input.bounds;
            let years = ((high - low) / 12.0).max(1.0);
            // As many labels as fit, a year label being about 45 px wide:
            // a narrow strip shows every fifth or tenth year, not none.
            let labels = (width / 45.0).clamp(2.0, 12.0) as f64;
            let step: i64 = [1, 2, 5, 10, 20, 50]
                .into_iter()
                .find(|s| years / *s as f64 <= labels)
                .unwrap_or(100);
            let first = (low / 12.0).ceil() as i64;
            let last = (high / 12.0).floor() as i64;
            (first..=last)
                .filter(|year| year % step == 0)
                .map(|year| egui_plot::GridMark {
                    value: (year * 12) as f64,
                    step_size: (step * 12) as f64,
                })
                .collect()
        })
        .x_axis_formatter(|mark, _| {
            let index = mark.value.round() as i64;
            // Years only: a label a month would crowd the strip.
            if index.rem_euclid(12) == 0 {
                index.div_euclid(12).to_string()
            } else {
                String::new()
            }
        })
        .show(ui, |plot_ui| plot_ui.bar_chart(chart));
    let response = plot
        .response
        .on_hover_text("Drag across months to narrow the dates; click a bar to choose its month");
    let x_at = |pos: egui::Pos2| plot.transform.value_from_position(pos).x;
    if response.drag_started()
        && let Some(pos) = response.interact_pointer_pos()
    {
        ui.data_mut(|d| d.insert_temp(drag_id, x_at(pos)));
    }
    let start: Option<f64> = ui.data(|d| d.get_temp(drag_id));
    if let (Some(start), Some(pos)) = (start, response.interact_pointer_pos())
        && response.dragged()
    {
        // The stretch being dragged over, drawn over the bars.
        let (a, b) = (plot.transform.position_from_point_x(start), pos.x);
        let rect = egui::Rect::from_x_y_ranges(a.min(b)..=a.max(b), response.rect.y_range());
        ui.painter().rect_filled(rect, 2.0, colour.gamma_multiply(0.3));
    }
    if response.drag_stopped() {
        ui.data_mut(|d| d.remove::<f64>(drag_id));
        if let (Some(start), Some(pos)) = (start, response.interact_pointer_pos()) {
            let end = x_at(pos);
            let (from, to) = (month_at(start.min(end)), month_at(start.max(end)));
            return Some(if from == to {
                DatePick::Month(from)
            } else {
                DatePick::Range(from, to)
            });
        }
    } else if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        return Some(DatePick::Month(month_at(x_at(pos))));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_map_to_the_axis_and_back() {
        assert_eq!(month_index("2018-01"), Some(2018.0 * 12.0));
        assert_eq!(month_at(month_index("2019-12").unwrap()), "2019-12");
        assert_eq!(month_at(2020.0 * 12.0 + 0.4), "2020-01");
        assert_eq!(month_index("not a month"), None);
    }
}
